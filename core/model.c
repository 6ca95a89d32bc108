/* model.c: record initialisation, release and small queries. */
#include "model.h"
#include "codec.h"
#include "error.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

void participant_init(struct participant *p)
{
	memset(p, 0, sizeof *p);
	p->birth_date = DATE_NONE;
	p->entry_date = DATE_NONE;
	p->stage_since = DATE_NONE;
	p->exit_date = DATE_NONE;
	p->exit_validated = DATE_NONE;
	p->exit_hired = DATE_NONE;
	p->exit_lost = DATE_NONE;
	p->transferred = DATE_NONE;
}

bool participant_exit_pending(const struct participant *p)
{
	return p->status == STATUS_EXITED && p->exit_hired != DATE_NONE &&
	       p->exit_validated == DATE_NONE && p->exit_lost == DATE_NONE;
}

void participant_clear(struct participant *p)
{
	free(p->last_name);
	free(p->first_name);
	free(p->phone);
	free(p->email);
	free(p->publics);
	free(p->referent);
	free(p->stage);
	free(p->exit_reason);
	free(p->exit_lost_reason);
	free(p->origin);
	participant_init(p);
}

void stage_move_clear(struct stage_move *m)
{
	free(m->stage);
	free(m->note);
	memset(m, 0, sizeof *m);
	m->date = DATE_NONE;
}

void appointment_init(struct appointment *a)
{
	memset(a, 0, sizeof *a);
	a->date = DATE_NONE;
	a->minute = APPT_NO_TIME;
	a->letter_date = DATE_NONE;
	a->reminded = DATE_NONE;
}

void appointment_clear(struct appointment *a)
{
	free(a->kind);
	free(a->note);
	free(a->letter);
	appointment_init(a);
}

void job_init(struct job *j)
{
	memset(j, 0, sizeof *j);
	j->start = DATE_NONE;
	j->planned_end = DATE_NONE;
	j->ended = DATE_NONE;
}

void job_clear(struct job *j)
{
	free(j->employer);
	free(j->contract);
	free(j->end_reason);
	job_init(j);
}

void note_clear(struct note *n)
{
	free(n->text);
	memset(n, 0, sizeof *n);
	n->date = DATE_NONE;
}

void journal_entry_clear(struct journal_entry *e)
{
	free(e->who);
	free(e->what);
	free(e->login);
	memset(e, 0, sizeof *e);
}

const struct checkin *job_checkin(const struct job *j, int offset_days)
{
	for (size_t i = 0; i < j->n_checkins; i++)
		if (j->checkins[i].offset_days == offset_days)
			return &j->checkins[i];
	return NULL;
}

bool model_list_has(const char *list, const char *id)
{
	size_t n = strlen(id);

	if (list == NULL || n == 0)
		return false;
	for (const char *p = list; *p != '\0';) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && memcmp(p, id, n) == 0)
			return true;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	return false;
}

static const char *const gender_names[] = { "", "female", "male",
					    "non-binary" };
static const char *const education_names[] = { "", "isced-0-2", "isced-3-4",
					       "isced-5-8" };
static const char *const employment_names[] = { "", "unemployed",
						"long-term-unemployed",
						"inactive", "employed" };
static const char *const status_names[] = { "active", "follow-up", "exited" };
static const char *const mode_names[] = { "in-person", "phone", "video" };
static const char *const appt_status_names[] = { "planned", "done", "missed",
						 "cancelled" };

static const char *const fse_answer_names[] = { "", "yes", "no", "refused",
						"unknown" };
static const char *const fse_labour_names[] = { "", "unemployed", "inactive",
						"employed", "education" };
static const char *const fse_contact_names[] = { "phone", "email", "letter" };
static const char *const fse_situation_names[] = {
	"disability", "third_country", "foreign_background",
	"minority",   "homeless",      "rural",
	"qpv"
};
static const char *const fse_exit_names[] = { "searching", "education",
					      "qualification", "employed" };
static const char *const remind_names[] = { "call", "sms", "email" };
_Static_assert(sizeof fse_situation_names / sizeof fse_situation_names[0] ==
		       FSE_SIT_COUNT,
	       "one name per situation");

static const struct {
	const char *const *names;
	size_t n;
} enums[ENUM_COUNT] = {
#define E(t)                                                                   \
	{                                                                      \
		t, sizeof t / sizeof t[0]                                      \
	}
	[ENUM_GENDER] = E(gender_names),
	[ENUM_EDUCATION] = E(education_names),
	[ENUM_EMPLOYMENT] = E(employment_names),
	[ENUM_STATUS] = E(status_names),
	[ENUM_MODE] = E(mode_names),
	[ENUM_APPT_STATUS] = E(appt_status_names),
	[ENUM_FSE_ANSWER] = E(fse_answer_names),
	[ENUM_FSE_LABOUR] = E(fse_labour_names),
	[ENUM_FSE_CONTACT] = E(fse_contact_names),
	[ENUM_FSE_SITUATION] = E(fse_situation_names),
	[ENUM_FSE_EXIT] = E(fse_exit_names),
	[ENUM_REMIND] = E(remind_names),
#undef E
};

const char *model_enum_name(enum model_enum e, int value)
{
	if (e >= ENUM_COUNT || value < 0 || (size_t)value >= enums[e].n)
		return "?";
	return enums[e].names[value];
}

int model_enum_value(enum model_enum e, const char *name)
{
	for (size_t i = 0; e < ENUM_COUNT && name && i < enums[e].n; i++)
		if (strcmp(enums[e].names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *gender_name(enum gender g)
{
	return model_enum_name(ENUM_GENDER, (int)g);
}

const char *education_name(enum education e)
{
	return model_enum_name(ENUM_EDUCATION, (int)e);
}

const char *appointment_status_name(enum appointment_status s)
{
	return model_enum_name(ENUM_APPT_STATUS, (int)s);
}

const char *participant_status_name(enum participant_status s)
{
	return model_enum_name(ENUM_STATUS, (int)s);
}

void fse_entry_init(struct fse_entry *e)
{
	memset(e, 0, sizeof *e);
	e->date = DATE_NONE;
	e->unemployed_months = FSE_MONTHS_NONE;
}

void participant_file_clear(struct participant_file *f)
{
	participant_clear(&f->p);
	for (size_t i = 0; i < f->n_moves; i++)
		stage_move_clear(&f->moves[i]);
	for (size_t i = 0; i < f->n_appts; i++)
		appointment_clear(&f->appts[i]);
	for (size_t i = 0; i < f->n_jobs; i++)
		job_clear(&f->jobs[i]);
	for (size_t i = 0; i < f->n_notes; i++)
		note_clear(&f->notes[i]);
	free(f->moves);
	free(f->appts);
	free(f->jobs);
	free(f->notes);
	free(f->fse_entries);
	free(f->fse_exits);
	free(f->fse_surveys);
	memset(f, 0, sizeof *f);
	participant_init(&f->p);
}

const struct job *participant_file_current_job(const struct participant_file *f)
{
	const struct job *cur = NULL;

	for (size_t i = 0; i < f->n_jobs; i++) {
		const struct job *j = &f->jobs[i];

		if (j->start != DATE_NONE && j->ended == DATE_NONE &&
		    (cur == NULL || j->start >= cur->start))
			cur = j;
	}
	return cur;
}

/* The code point at *p (valid UTF-8, NUL bytes included); advances *p. */
static uint32_t next_code_point(const uint8_t **p)
{
	const uint8_t *b = *p;
	uint32_t c;
	int extra;

	if (b[0] < 0x80) {
		c = b[0];
		extra = 0;
	} else if (b[0] < 0xe0) {
		c = b[0] & 0x1f;
		extra = 1;
	} else if (b[0] < 0xf0) {
		c = b[0] & 0x0f;
		extra = 2;
	} else {
		c = b[0] & 0x07;
		extra = 3;
	}
	for (int i = 1; i <= extra; i++)
		c = (c << 6) | (b[i] & 0x3f);
	*p = b + 1 + extra;
	return c;
}

/* Characters that show nothing: a name made only of them is blank. */
static bool invisible(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200d) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202f || c == 0x205f || c == 0x2060 || c == 0x3000 ||
	       c == 0xfeff;
}

int model_text_check_n(const char *field, const char *s, size_t len,
		       enum model_text kind, bool required, char **cause)
{
	static const size_t max[] = { [MODEL_TEXT_NAME] = MODEL_NAME_MAX,
				      [MODEL_TEXT_LINE] = MODEL_LINE_MAX,
				      [MODEL_TEXT_NOTE] = MODEL_NOTE_MAX };
	const uint8_t *p, *end;
	bool visible = false;

	if (s == NULL)
		len = 0;
	if (len > max[kind])
		return error_set(cause, PC_EINVAL,
				 _("%s: too long (%zu bytes, at most %zu)"),
				 field, len, max[kind]);
	if (len > 0 && memchr(s, '\0', len) != NULL)
		return error_set(cause, PC_EINVAL, _("%s: holds a NUL byte"),
				 field);
	if (len > 0 && !codec_utf8_valid((const uint8_t *)s, len))
		return error_set(cause, PC_EINVAL, _("%s: not UTF-8 text"),
				 field);
	p = (const uint8_t *)s;
	end = p + len;
	while (p < end) {
		uint32_t c = next_code_point(&p);

		if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) &&
		    !(kind == MODEL_TEXT_NOTE && (c == '\n' || c == '\t')))
			return error_set(
				cause, PC_EINVAL,
				_("%s: holds a control character (U+%04X)"),
				field, (unsigned)c);
		visible = visible || !invisible(c);
	}
	if (required && !visible)
		return error_set(cause, PC_EINVAL, _("%s: required"), field);
	return PC_OK;
}

int model_text_check(const char *field, const char *s, enum model_text kind,
		     bool required, char **cause)
{
	return model_text_check_n(field, s, s ? strlen(s) : 0, kind, required,
				  cause);
}

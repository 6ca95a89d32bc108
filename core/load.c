/* load.c: read a dump back into an empty database, in one transaction. */
#include "dump.h"
#include "edit_internal.h"
#include "error.h"
#include "fse.h"
#include "i18n.h"
#include "json.h"
#include "store_internal.h"
#include "transfer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* A dump of a whole territory stays far below this. */
#define LOAD_MAX_BYTES ((size_t)1 << 30)

struct loader {
	const char *path;
	char **cause;
	const struct json *root;
	/* A dump: the text its root was parsed from (json_parse_shallow), its
	 * lists read again one element at a time; the store, whose mapped
	 * pages are let go as the load goes. */
	const char *text;
	size_t len;
	struct store *s;
	bool failed;
	/* The dump was made before the funder's questionnaires (a schema
	 * below 2): the identity fields are the first entry answers. */
	bool before_fse;
	/* A transfer file: its appointments take new numbers here. */
	bool renumber;
};

static bool bad_line(struct loader *l, size_t line, const char *what,
		     const char *key)
{
	if (!l->failed)
		error_set(l->cause, PC_EINVAL, _("%s: line %zu: %s: %s"),
			  l->path, line, key, what);
	l->failed = true;
	return false;
}

static bool bad(struct loader *l, const struct json *at, const char *what,
		const char *key)
{
	return bad_line(l, at ? at->line : 0, what, key);
}

/* A sequence number and the line of its record. */
struct seq_at {
	int64_t seq;
	size_t line;
};

static int seq_at_cmp(const void *a, const void *b)
{
	const struct seq_at *x = a, *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/*
 * The store keeps one record per (participant, seq) and one journal line
 * per seq: a number used twice would keep one record and lose the other
 * in silence. Refuse it, at the first line that reuses a number; the
 * records without a readable seq are left to the reading that follows.
 */
static bool seqs_sorted_unique(struct loader *l, struct seq_at *v, size_t n)
{
	size_t dup = 0;

	if (n < 2)
		return true; /* v may be NULL then: none read yet */
	qsort(v, n, sizeof *v, seq_at_cmp);
	for (size_t i = 1; i < n; i++)
		if (v[i].seq == v[i - 1].seq && (dup == 0 || v[i].line < dup))
			dup = v[i].line;
	return dup == 0 ||
	       bad_line(l, dup, _("this number is used twice"), "seq");
}

/* seqs_sorted_unique of a list held whole. */
static bool seqs_unique(struct loader *l, const struct json *list)
{
	struct seq_at *v;
	size_t n = 0;
	bool ok;

	if (list->n < 2)
		return true;
	v = malloc(list->n * sizeof *v);
	if (v == NULL)
		return bad(l, list, _("out of memory"), "seq");
	for (size_t i = 0; i < list->n; i++) {
		const struct json *seq = json_get(&list->items[i], "seq");

		if (seq != NULL && seq->type == JSON_INT)
			v[n++] = (struct seq_at){ seq->i, seq->line };
	}
	ok = seqs_sorted_unique(l, v, n);
	free(v);
	return ok;
}

/*
 * `check` wants a participant's stage to be the one of its last move (by
 * seq): refuse a dump where it is not. Moves without a readable seq or
 * stage are left to the reading that follows.
 */
static bool stage_is_last_move(struct loader *l, const struct json *o,
			       const struct participant *p,
			       const struct json *moves)
{
	const struct json *last = NULL, *stage;
	int64_t best = 0;

	for (size_t i = 0; i < moves->n; i++) {
		const struct json *seq = json_get(&moves->items[i], "seq");

		if (seq != NULL && seq->type == JSON_INT &&
		    (last == NULL || seq->i > best)) {
			last = &moves->items[i];
			best = seq->i;
		}
	}
	stage = json_get(last, "stage");
	if (stage == NULL || stage->type != JSON_STRING || p->stage == NULL ||
	    strcmp(stage->s, p->stage) == 0)
		return true;
	if (!l->failed)
		error_set(l->cause, PC_EINVAL,
			  _("%s: line %zu: stage: '%s', but the last stage "
			    "move (seq %lld, line %zu) is to '%s'"),
			  l->path, json_get(o, "stage")->line, p->stage,
			  (long long)best, stage->line, stage->s);
	l->failed = true;
	return false;
}

/* A member that must be there (null allowed only where said). */
static const struct json *member(struct loader *l, const struct json *obj,
				 const char *key)
{
	const struct json *v = json_get(obj, key);

	if (v == NULL)
		bad(l, obj, _("missing"), key);
	return v;
}

static bool get_str(struct loader *l, const struct json *obj, const char *key,
		    bool nullable, char **out)
{
	const struct json *v = member(l, obj, key);

	*out = NULL;
	if (v == NULL)
		return false;
	if (v->type == JSON_NULL && nullable)
		return true;
	if (v->type != JSON_STRING)
		return bad(l, v, _("expected text"), key);
	*out = strdup(v->s);
	return *out != NULL || bad(l, v, _("out of memory"), key);
}

/* Text a record may hold (model.h); "PATH: line N: KEY: what" otherwise. */
static bool get_text(struct loader *l, const struct json *obj, const char *key,
		     enum model_text kind, bool required, char **out)
{
	const struct json *v;
	char *why = NULL;

	if (!get_str(l, obj, key, !required, out))
		return false;
	if (model_text_check(key, *out, kind, required, &why) == PC_OK)
		return true;
	v = json_get(obj, key);
	if (!l->failed)
		error_set(l->cause, PC_EINVAL, _("%s: line %zu: %s"), l->path,
			  v ? v->line : obj->line, why ? why : key);
	l->failed = true;
	free(why);
	return false;
}

static bool get_date(struct loader *l, const struct json *obj, const char *key,
		     pdate *out)
{
	const struct json *v = member(l, obj, key);

	*out = DATE_NONE;
	if (v == NULL)
		return false;
	if (v->type == JSON_NULL)
		return true;
	if (v->type != JSON_STRING || date_parse_iso(v->s, out) != PC_OK)
		return bad(l, v, _("expected a date YYYY-MM-DD or null"), key);
	return true;
}

static bool get_int(struct loader *l, const struct json *obj, const char *key,
		    int64_t min, int64_t max, int64_t *out)
{
	const struct json *v = member(l, obj, key);

	if (v == NULL)
		return false;
	if (v->type != JSON_INT || v->i < min || v->i > max)
		return bad(l, v, _("expected a whole number in range"), key);
	*out = v->i;
	return true;
}

static bool get_bool(struct loader *l, const struct json *obj, const char *key,
		     bool *out)
{
	const struct json *v = member(l, obj, key);

	if (v == NULL)
		return false;
	if (v->type != JSON_BOOL)
		return bad(l, v, _("expected true or false"), key);
	*out = v->b;
	return true;
}

static bool get_enum(struct loader *l, const struct json *obj, const char *key,
		     enum model_enum e, int *out)
{
	const struct json *v = member(l, obj, key);

	if (v == NULL)
		return false;
	if (v->type != JSON_STRING || (*out = model_enum_value(e, v->s)) < 0)
		return bad(l, v, _("not a known value"), key);
	return true;
}

static const struct json *get_array(struct loader *l, const struct json *obj,
				    const char *key)
{
	const struct json *v = member(l, obj, key);

	if (v != NULL && v->type != JSON_ARRAY) {
		bad(l, v, _("expected a list"), key);
		return NULL;
	}
	return v;
}

/*
 * The exit as the edits make it, nothing else: its dates only for someone
 * who left, in their order (hired, exit, then validated or lost, not
 * both); a lost exit with its reason, one of job_end_reasons.
 */
static bool exit_whole(struct loader *l, const struct json *o,
		       const struct participant *p)
{
	bool reason_known = false;

	for (size_t i = 0; p->exit_lost_reason && i < JOB_END_REASONS; i++)
		reason_known |=
			strcmp(p->exit_lost_reason, job_end_reasons[i]) == 0;
	if (p->status != STATUS_EXITED &&
	    (p->exit_date != DATE_NONE || p->exit_hired != DATE_NONE ||
	     p->exit_validated != DATE_NONE || p->exit_lost != DATE_NONE))
		return bad(l, o,
			   _("an exit's dates for someone who has not left"),
			   "status");
	if (p->transferred != DATE_NONE && p->status != STATUS_EXITED)
		return bad(l, o, _("transferred, but not gone"), "transferred");
	if (p->exit_hired != DATE_NONE && p->exit_date != DATE_NONE &&
	    p->exit_hired > p->exit_date)
		return bad(l, o, _("the hiring after the exit"), "exit_hired");
	if (p->exit_validated != DATE_NONE && p->exit_lost != DATE_NONE)
		return bad(l, o, _("both validated and lost"), "exit_lost");
	if ((p->exit_lost != DATE_NONE) != (p->exit_lost_reason != NULL))
		return bad(l, o, _("a lost exit needs its date and its reason"),
			   "exit_lost_reason");
	if (p->exit_lost_reason != NULL && !reason_known)
		return bad(l, o,
			   _("expected contract-ended, resigned, dismissed, "
			     "trial-period or other"),
			   "exit_lost_reason");
	if (p->exit_lost != DATE_NONE && p->exit_lost < p->exit_date)
		return bad(l, o, _("lost before the exit"), "exit_lost");
	if (p->exit_validated != DATE_NONE && p->exit_validated < p->exit_date)
		return bad(l, o, _("validated before the exit"),
			   "exit_validated");
	return true;
}

static bool read_participant(struct loader *l, const struct json *o,
			     struct participant *p)
{
	int64_t id = 0;
	int g = 0, ed = 0, em = 0, st = 0;

	participant_init(p);
	if (o->type != JSON_OBJECT)
		return bad(l, o, _("expected an object"), "participants");
	if (!get_int(l, o, "id", 1, INT64_MAX, &id))
		return false;
	p->id = (uint64_t)id;
	/* The text as the forms and the import take it: the same checks. */
	return get_text(l, o, "last_name", MODEL_TEXT_NAME, true,
			&p->last_name) &&
	       get_text(l, o, "first_name", MODEL_TEXT_NAME, true,
			&p->first_name) &&
	       get_date(l, o, "birth_date", &p->birth_date) &&
	       get_enum(l, o, "gender", ENUM_GENDER, &g) &&
	       get_text(l, o, "phone", MODEL_TEXT_LINE, false, &p->phone) &&
	       get_text(l, o, "email", MODEL_TEXT_LINE, false, &p->email) &&
	       get_text(l, o, "publics", MODEL_TEXT_LINE, false, &p->publics) &&
	       get_enum(l, o, "education", ENUM_EDUCATION, &ed) &&
	       get_enum(l, o, "employment", ENUM_EMPLOYMENT, &em) &&
	       get_date(l, o, "entry_date", &p->entry_date) &&
	       get_text(l, o, "referent", MODEL_TEXT_NAME, true,
			&p->referent) &&
	       get_text(l, o, "stage", MODEL_TEXT_LINE, true, &p->stage) &&
	       get_date(l, o, "stage_since", &p->stage_since) &&
	       get_enum(l, o, "status", ENUM_STATUS, &st) &&
	       get_bool(l, o, "legal_hold", &p->legal_hold) &&
	       get_date(l, o, "exit_date", &p->exit_date) &&
	       get_text(l, o, "exit_reason", MODEL_TEXT_LINE, false,
			&p->exit_reason) &&
	       get_bool(l, o, "exit_positive", &p->exit_positive) &&
	       get_date(l, o, "exit_validated", &p->exit_validated) &&
	       /* absent from dumps made before the exit at hiring */
	       (json_get(o, "exit_hired") == NULL ||
		get_date(l, o, "exit_hired", &p->exit_hired)) &&
	       (json_get(o, "exit_lost") == NULL ||
		get_date(l, o, "exit_lost", &p->exit_lost)) &&
	       (json_get(o, "exit_lost_reason") == NULL ||
		get_text(l, o, "exit_lost_reason", MODEL_TEXT_LINE, false,
			 &p->exit_lost_reason)) &&
	       /* absent unless transferred */
	       (json_get(o, "transferred") == NULL ||
		get_date(l, o, "transferred", &p->transferred)) &&
	       (json_get(o, "origin") == NULL ||
		get_text(l, o, "origin", MODEL_TEXT_LINE, false, &p->origin)) &&
	       ((p->gender = (enum gender)g),
		(p->education = (enum education)ed),
		(p->employment = (enum employment)em),
		(p->status = (enum participant_status)st), true);
}

/* An answer of the questionnaires: null (or absent) when not asked. */
static bool get_answer(struct loader *l, const struct json *obj,
		       const char *key, enum model_enum e, int *out)
{
	const struct json *v = json_get(obj, key);

	*out = 0;
	if (v == NULL || v->type == JSON_NULL)
		return true;
	if (v->type != JSON_STRING || (*out = model_enum_value(e, v->s)) <= 0)
		return bad(l, v, _("not a known value"), key);
	return true;
}

/* A questionnaire's list, absent from dumps made before them. */
static const struct json *fse_list(struct loader *l, const struct json *o,
				   const char *key)
{
	static const struct json none = { .type = JSON_ARRAY };

	return json_get(o, key) == NULL ? &none : get_array(l, o, key);
}

/* Refuse the record at `at` (its line) on `key`: `what` and a date. */
static int refuse_dated(struct loader *l, const struct json *at,
			const char *key, const char *what, pdate date)
{
	char d[DATE_BUFSZ], text[200];

	snprintf(text, sizeof text, "%s (%s)", what, date_format_iso(date, d));
	bad(l, at, text, key);
	return PC_EINVAL;
}

/*
 * What the forms refuse (edit_fse.c), refused in a dump too, at its line:
 * a "refused" where only "unknown" is taken, months of unemployment for
 * someone not unemployed, a set without an answer, entry answers before
 * the entry.
 */
static int entry_whole(struct loader *l, const struct json *o,
		       const struct fse_entry *e, const struct participant *p)
{
	bool any = e->gender != GENDER_UNKNOWN ||
		   e->labour != FSE_LABOUR_NOT_ASKED ||
		   e->education != EDUCATION_UNKNOWN;

	if (e->unemployed_months != FSE_MONTHS_NONE &&
	    e->labour != FSE_LABOUR_UNEMPLOYED)
		return bad(l, json_get(o, "unemployed_months"),
			   _("only for someone unemployed"),
			   "unemployed_months")
			       ? PC_OK
			       : PC_EINVAL;
	for (int s = 0; s < FSE_SIT_COUNT; s++) {
		const char *name = model_enum_name(ENUM_FSE_SITUATION, s);

		if (e->situation[s] == FSE_REFUSED &&
		    !fse_situation_sensitive((enum fse_situation)s))
			return bad(l, json_get(o, name),
				   _("may be unknown, not refused"), name)
				       ? PC_OK
				       : PC_EINVAL;
		any = any || e->situation[s] != FSE_NOT_ASKED;
	}
	if (!any)
		return bad(l, o, _("a set of answers without an answer"),
			   "fse_entries")
			       ? PC_OK
			       : PC_EINVAL;
	/* After the exit is allowed: an exit may be recorded on a day before
	 * a changed situation already there. */
	if (p->entry_date != DATE_NONE && e->date < p->entry_date)
		return refuse_dated(l, json_get(o, "date"), "date",
				    _("before the entry"), p->entry_date);
	return PC_OK;
}

/* The answers on leaving and six months after are of someone who left:
 * on the exit or after it, from six months after it. */
static int after_exit_whole(struct loader *l, const struct json *list,
			    const char *key, const struct json *o, pdate date,
			    pdate from, const struct participant *p)
{
	if (p->status != STATUS_EXITED || p->exit_date == DATE_NONE)
		return bad(l, list, _("answers after an exit, but no exit"),
			   key)
			       ? PC_OK
			       : PC_EINVAL;
	if (date < from)
		return refuse_dated(l, json_get(o, "date"), "date",
				    from == p->exit_date
					    ? _("before the exit")
					    : _("before six months after the "
						"exit"),
				    from);
	return PC_OK;
}

static int load_fse_entry(struct loader *l, struct store_txn *t,
			  const struct json *o, const struct participant *p)
{
	uint64_t pid = p->id;
	struct fse_entry e;
	int64_t seq = 0, months = FSE_MONTHS_NONE;
	int gender, labour, education, answer, rc;
	const struct json *m = json_get(o, "unemployed_months");
	bool ok;

	fse_entry_init(&e);
	e.participant = pid;
	ok = get_int(l, o, "seq", 1, UINT32_MAX, &seq) &&
	     get_date(l, o, "date", &e.date) &&
	     get_answer(l, o, "gender", ENUM_GENDER, &gender) &&
	     get_answer(l, o, "labour", ENUM_FSE_LABOUR, &labour) &&
	     (m == NULL || m->type == JSON_NULL ||
	      get_int(l, o, "unemployed_months", 0, FSE_MONTHS_MAX, &months)) &&
	     get_answer(l, o, "education", ENUM_EDUCATION, &education);
	for (int s = 0; ok && s < FSE_SIT_COUNT; s++) {
		ok = get_answer(l, o, model_enum_name(ENUM_FSE_SITUATION, s),
				ENUM_FSE_ANSWER, &answer);
		e.situation[s] = (enum fse_answer)answer;
	}
	if (!ok)
		return PC_EINVAL;
	if (e.date == DATE_NONE)
		return bad(l, o, _("an answer needs a date"), "date")
			       ? PC_OK
			       : PC_EINVAL;
	e.seq = (uint32_t)seq;
	e.gender = (enum gender)gender;
	e.labour = (enum fse_labour)labour;
	e.unemployed_months = (int)months;
	e.education = (enum education)education;
	rc = entry_whole(l, o, &e, p);
	return rc == PC_OK ? store_fse_entry_put(t, &e) : rc;
}

static int load_fse_exit(struct loader *l, struct store_txn *t,
			 const struct json *list, const struct json *o,
			 const struct participant *p)
{
	struct fse_exit x = { .participant = p->id };
	int rc;
	const struct json *bits;
	int64_t seq = 0;

	if (!get_int(l, o, "seq", 1, UINT32_MAX, &seq) ||
	    !get_date(l, o, "date", &x.date) ||
	    (bits = get_array(l, o, "situations")) == NULL)
		return PC_EINVAL;
	for (size_t i = 0; i < bits->n; i++) {
		const struct json *b = &bits->items[i];
		int v = b->type == JSON_STRING
				? model_enum_value(ENUM_FSE_EXIT, b->s)
				: -1;

		if (v < 0)
			return bad(l, b, _("not a known value"), "situations")
				       ? PC_OK
				       : PC_EINVAL;
		x.situations |= 1u << v;
	}
	if (x.date == DATE_NONE)
		return bad(l, o, _("an answer needs a date"), "date")
			       ? PC_OK
			       : PC_EINVAL;
	x.seq = (uint32_t)seq;
	rc = after_exit_whole(l, list, "fse_exits", o, x.date, p->exit_date, p);
	return rc == PC_OK ? store_fse_exit_put(t, &x) : rc;
}

static int load_fse_survey(struct loader *l, struct store_txn *t,
			   const struct json *list, const struct json *o,
			   const struct participant *p)
{
	struct fse_survey v = { .participant = p->id };
	int64_t seq = 0;
	int how = 0, rc;

	if (!get_int(l, o, "seq", 1, UINT32_MAX, &seq) ||
	    !get_date(l, o, "date", &v.date) ||
	    !get_enum(l, o, "how", ENUM_FSE_CONTACT, &how) ||
	    !get_bool(l, o, "reached", &v.reached) ||
	    !get_bool(l, o, "employed", &v.employed) ||
	    !get_bool(l, o, "improved", &v.improved))
		return PC_EINVAL;
	if (v.date == DATE_NONE)
		return bad(l, o, _("an answer needs a date"), "date")
			       ? PC_OK
			       : PC_EINVAL;
	v.seq = (uint32_t)seq;
	v.how = (enum fse_contact)how;
	rc = after_exit_whole(l, list, "fse_surveys", o, v.date,
			      p->exit_date != DATE_NONE
				      ? fse_survey_from(p->exit_date)
				      : DATE_NONE,
			      p);
	if (rc == PC_OK && !v.reached && (v.employed || v.improved))
		rc = bad(l, json_get(o, v.employed ? "employed" : "improved"),
			 _("not reached: no situation can be recorded"),
			 v.employed ? "employed" : "improved")
			     ? PC_OK
			     : PC_EINVAL;
	return rc == PC_OK ? store_fse_survey_put(t, &v) : rc;
}

/* What left parcours about an appointment: absent from older dumps and
 * when nothing did; a letter has its day, a reminder how it was given. */
static bool get_sent(struct loader *l, const struct json *a,
		     struct appointment *ap)
{
	int how = 0;

	if (json_get(a, "letter") != NULL &&
	    (!get_text(l, a, "letter", MODEL_TEXT_LINE, false, &ap->letter) ||
	     !get_date(l, a, "letter_date", &ap->letter_date)))
		return false;
	if (ap->letter != NULL && ap->letter_date == DATE_NONE)
		return bad(l, a, _("a letter needs its date"), "letter_date");
	if (json_get(a, "reminded") != NULL &&
	    (!get_date(l, a, "reminded", &ap->reminded) ||
	     (ap->reminded != DATE_NONE &&
	      !get_enum(l, a, "reminded_how", ENUM_REMIND, &how))))
		return false;
	ap->reminded_how = (enum remind_how)how;
	return true;
}

static int load_children(struct loader *l, struct store_txn *t,
			 const struct json *o, const struct participant *p)
{
	const struct json *moves = get_array(l, o, "moves");
	const struct json *appts = get_array(l, o, "appointments");
	const struct json *jobs = get_array(l, o, "jobs");
	const struct json *notes = get_array(l, o, "notes");
	const struct json *fse_entries = fse_list(l, o, "fse_entries");
	const struct json *fse_exits = fse_list(l, o, "fse_exits");
	const struct json *fse_surveys = fse_list(l, o, "fse_surveys");
	uint64_t pid = p->id;
	int rc = PC_OK;

	if (l->failed || !seqs_unique(l, moves) || !seqs_unique(l, jobs) ||
	    !seqs_unique(l, notes) || !seqs_unique(l, fse_entries) ||
	    !seqs_unique(l, fse_exits) || !seqs_unique(l, fse_surveys) ||
	    !stage_is_last_move(l, o, p, moves))
		return PC_EINVAL;
	for (size_t i = 0; rc == PC_OK && i < fse_entries->n; i++)
		rc = load_fse_entry(l, t, &fse_entries->items[i], p);
	/* A dump made before the questionnaires: the identity fields it
	 * holds are the first entry answers, as the upgrade makes them. */
	if (rc == PC_OK && l->before_fse) {
		struct fse_entry first;

		if (fse_entry_from_identity(p, &first))
			rc = store_fse_entry_add(t, &first, NULL);
	}
	for (size_t i = 0; rc == PC_OK && i < fse_exits->n; i++)
		rc = load_fse_exit(l, t, fse_exits, &fse_exits->items[i], p);
	for (size_t i = 0; rc == PC_OK && i < fse_surveys->n; i++)
		rc = load_fse_survey(l, t, fse_surveys, &fse_surveys->items[i],
				     p);
	for (size_t i = 0; rc == PC_OK && i < moves->n; i++) {
		const struct json *m = &moves->items[i];
		struct stage_move sm = { .participant = pid };
		int64_t seq = 0;

		if (!get_int(l, m, "seq", 1, UINT32_MAX, &seq) ||
		    !get_date(l, m, "date", &sm.date) ||
		    !get_text(l, m, "stage", MODEL_TEXT_LINE, true,
			      &sm.stage) ||
		    !get_text(l, m, "note", MODEL_TEXT_NOTE, false, &sm.note))
			rc = PC_EINVAL;
		sm.seq = (uint32_t)seq;
		if (rc == PC_OK)
			rc = store_move_put(t, &sm);
		stage_move_clear(&sm);
	}
	for (size_t i = 0; rc == PC_OK && i < appts->n; i++) {
		const struct json *a = &appts->items[i], *minute;
		struct appointment ap;
		int64_t id = 0, min = APPT_NO_TIME;
		int mode = 0, status = 0;

		appointment_init(&ap);
		ap.participant = pid;
		minute = member(l, a, "minute");
		if (!get_int(l, a, "id", 1, INT64_MAX, &id) ||
		    !get_date(l, a, "date", &ap.date) || minute == NULL ||
		    (minute->type != JSON_NULL &&
		     !get_int(l, a, "minute", 0, 24 * 60 - 1, &min)) ||
		    !get_text(l, a, "kind", MODEL_TEXT_NAME, true, &ap.kind) ||
		    !get_enum(l, a, "mode", ENUM_MODE, &mode) ||
		    !get_enum(l, a, "status", ENUM_APPT_STATUS, &status) ||
		    !get_text(l, a, "note", MODEL_TEXT_NOTE, false, &ap.note) ||
		    !get_sent(l, a, &ap))
			rc = PC_EINVAL;
		ap.id = (uint64_t)id;
		ap.minute = (int)min;
		ap.mode = (enum appointment_mode)mode;
		ap.status = (enum appointment_status)status;
		if (rc == PC_OK && ap.date == DATE_NONE)
			rc = bad(l, a, _("an appointment needs a date"), "date")
				     ? PC_OK
				     : PC_EINVAL;
		if (rc == PC_OK && l->renumber)
			rc = store_appointment_add(t, &ap, &ap.id);
		else if (rc == PC_OK &&
			 (rc = store_appointment_insert(t, &ap)) == PC_EINVAL)
			bad(l, a, _("this id is used twice"), "id");
		appointment_clear(&ap);
	}
	for (size_t i = 0; rc == PC_OK && i < jobs->n; i++) {
		const struct json *j = &jobs->items[i], *cks;
		struct job jb;
		int64_t seq = 0, minutes = 0;

		job_init(&jb);
		jb.participant = pid;
		if (!get_int(l, j, "seq", 1, UINT32_MAX, &seq) ||
		    !get_text(l, j, "employer", MODEL_TEXT_NAME, true,
			      &jb.employer) ||
		    !get_text(l, j, "contract", MODEL_TEXT_LINE, false,
			      &jb.contract) ||
		    !get_date(l, j, "start", &jb.start) ||
		    !get_date(l, j, "planned_end", &jb.planned_end) ||
		    !get_date(l, j, "ended", &jb.ended) ||
		    /* absent from dumps made before jobs could end */
		    (json_get(j, "end_reason") != NULL &&
		     !get_text(l, j, "end_reason", MODEL_TEXT_LINE, false,
			       &jb.end_reason)) ||
		    !get_int(l, j, "weekly_minutes", 0, 7 * 24 * 60,
			     &minutes) ||
		    (cks = get_array(l, j, "checkins")) == NULL ||
		    cks->n > JOB_MAX_CHECKINS)
			rc = l->failed ? PC_EINVAL
				       : (bad(l, j, _("too many check-ins"),
					      "checkins"),
					  PC_EINVAL);
		jb.seq = (uint32_t)seq;
		jb.weekly_minutes = (int)minutes;
		for (size_t k = 0; rc == PC_OK && k < cks->n; k++) {
			int64_t day = 0;

			if (!get_int(l, &cks->items[k], "day", 0, 3650, &day) ||
			    !get_date(l, &cks->items[k], "done",
				      &jb.checkins[k].done))
				rc = PC_EINVAL;
			jb.checkins[k].offset_days = (int)day;
			jb.n_checkins = k + 1;
		}
		if (rc == PC_OK)
			rc = store_job_update(t, &jb);
		job_clear(&jb);
	}
	for (size_t i = 0; rc == PC_OK && i < notes->n; i++) {
		const struct json *n = &notes->items[i];
		struct note nt = { .participant = pid };
		int64_t seq = 0;

		if (!get_int(l, n, "seq", 1, UINT32_MAX, &seq) ||
		    !get_date(l, n, "date", &nt.date) ||
		    !get_text(l, n, "text", MODEL_TEXT_NOTE, true, &nt.text))
			rc = PC_EINVAL;
		nt.seq = (uint32_t)seq;
		if (rc == PC_OK)
			rc = store_note_put(t, &nt);
		note_clear(&nt);
	}
	return rc;
}

/* Elements loaded between two releases of the mapped pages (the
 * database's and the dump's), so resident memory stays bounded. */
#define LOAD_RELEASE_EVERY 64

/* Let go of the pages of the dump read so far (a file's, read-only: they
 * are read again from it if need be). */
static void release_text(void *arg)
{
	struct loader *l = arg;

	if (l->len > 0)
		(void)madvise((void *)l->text, l->len, MADV_DONTNEED);
}

/* And of the database's. */
static void release_pages(struct loader *l)
{
	store_release_pages(l->s);
	release_text(l);
}

/* The next element of a list json_parse_shallow left unread into *item
 * (NULL after the last); a text that no longer parses is told as the
 * parse would tell it. */
static int next_item(struct loader *l, struct json_items *it,
		     struct json **item)
{
	char *why = NULL;
	int rc = json_items_next(it, item, &why);

	if (rc != PC_OK) {
		if (!l->failed)
			error_set(l->cause, rc, "%s: %s", l->path,
				  why ? why : "?");
		l->failed = true;
		free(why);
	}
	return rc;
}

/* seqs_unique for the journal, its lines read one at a time. */
static bool journal_seqs_unique(struct loader *l, const struct json *journal)
{
	struct json_items it;
	struct json *e;
	struct seq_at *v = NULL;
	size_t n = 0, cap = 0, seen = 0;
	bool ok;
	int rc;

	json_items_begin(&it, l->text, l->len, journal);
	while ((rc = next_item(l, &it, &e)) == PC_OK && e != NULL) {
		const struct json *seq = json_get(e, "seq");

		if (seq != NULL && seq->type == JSON_INT && n == cap) {
			struct seq_at *grown;

			cap = cap ? 2 * cap : 1024;
			grown = realloc(v, cap * sizeof *v);
			if (grown == NULL) {
				json_free(e);
				free(v);
				return bad(l, journal, _("out of memory"),
					   "seq");
			}
			v = grown;
		}
		if (seq != NULL && seq->type == JSON_INT)
			v[n++] = (struct seq_at){ seq->i, seq->line };
		json_free(e);
		if (++seen % LOAD_RELEASE_EVERY == 0)
			release_text(l);
	}
	ok = rc == PC_OK && seqs_sorted_unique(l, v, n);
	free(v);
	return ok;
}

static int load_journal_line(struct loader *l, struct store_txn *t,
			     const struct json *e)
{
	struct journal_entry je = { 0 };
	int64_t seq = 0, time = 0, pid = 0;
	int rc;

	if (!get_int(l, e, "seq", 1, INT64_MAX, &seq) ||
	    !get_int(l, e, "time", INT64_MIN, INT64_MAX, &time) ||
	    !get_text(l, e, "who", MODEL_TEXT_LINE, false, &je.who) ||
	    !get_int(l, e, "participant", 0, INT64_MAX, &pid) ||
	    !get_text(l, e, "what", MODEL_TEXT_LINE, false, &je.what) ||
	    (json_get(e, "login") != NULL &&
	     !get_text(l, e, "login", MODEL_TEXT_LINE, false, &je.login))) {
		journal_entry_clear(&je);
		return PC_EINVAL;
	}
	je.seq = (uint64_t)seq;
	je.time = time;
	je.participant = (uint64_t)pid;
	rc = store_journal_insert(t, &je);
	journal_entry_clear(&je);
	return rc;
}

static int load_participant(struct loader *l, struct store_txn *t,
			    const struct json *o)
{
	struct participant p;
	int rc;

	if (!read_participant(l, o, &p) || !exit_whole(l, o, &p)) {
		participant_clear(&p);
		return PC_EINVAL;
	}
	rc = store_participant_insert(t, &p);
	if (rc == PC_EINVAL)
		bad(l, o, _("this id is used twice"), "id");
	if (rc == PC_OK)
		rc = load_children(l, t, o, &p);
	participant_clear(&p);
	return rc;
}

static int load_cb(struct store_txn *t, void *arg, char **cause)
{
	struct loader *l = arg;
	const struct json *parts, *journal, *v;
	struct json_items it;
	struct json *item;
	bool empty;
	int rc;

	l->failed = false;
	l->cause = cause;
	rc = store_is_empty(t, &empty);
	if (rc != PC_OK)
		return rc;
	if (!empty)
		return error_set(cause, PC_ENOTEMPTY,
				 _("the database already holds participants; "
				   "load fills only an empty one"));
	v = json_get(l->root, "format");
	if (v == NULL || v->type != JSON_STRING ||
	    strcmp(v->s, "parcours-dump") != 0)
		return error_set(cause, PC_EINVAL, _("%s: not a parcours dump"),
				 l->path);
	v = json_get(l->root, "version");
	if (v == NULL || v->type != JSON_INT || v->i > DUMP_VERSION)
		return error_set(cause, PC_ESCHEMA,
				 _("%s: a dump of a newer parcours"), l->path);
	v = json_get(l->root, "schema_version");
	l->before_fse = v == NULL || v->type != JSON_INT || v->i < 2;
	parts = get_array(l, l->root, "participants");
	journal = get_array(l, l->root, "journal");
	if (l->failed || !journal_seqs_unique(l, journal))
		return PC_EINVAL;
	/* One participant at a time, as the dump is read: the document is
	 * never a tree in memory, the transaction alone grows. */
	json_items_begin(&it, l->text, l->len, parts);
	for (size_t i = 1; (rc = next_item(l, &it, &item)) == PC_OK && item;
	     i++) {
		rc = load_participant(l, t, item);
		json_free(item);
		if (rc != PC_OK)
			return rc;
		if (i % LOAD_RELEASE_EVERY == 0)
			release_pages(l);
	}
	if (rc != PC_OK)
		return rc;
	json_items_begin(&it, l->text, l->len, journal);
	for (size_t i = 1; (rc = next_item(l, &it, &item)) == PC_OK && item;
	     i++) {
		rc = load_journal_line(l, t, item);
		json_free(item);
		if (rc != PC_OK)
			return rc;
		if (i % LOAD_RELEASE_EVERY == 0)
			release_pages(l);
	}
	release_pages(l);
	return rc;
}

/* The JSON document at `path` into *root (the caller frees it). */
static int read_document(const char *path, struct json **root, char **cause)
{
	struct stat sb;
	char *text, *why = NULL;
	size_t got;
	FILE *f = fopen(path, "rb");
	int rc;

	if (f == NULL)
		return error_set(cause, PC_EIO, _("%s: cannot read: %s"), path,
				 strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || (size_t)sb.st_size > LOAD_MAX_BYTES) {
		fclose(f);
		return error_set(cause, PC_EINVAL,
				 _("%s: not a file or too big"), path);
	}
	text = malloc((size_t)sb.st_size + 1);
	if (text == NULL) {
		fclose(f);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	got = fread(text, 1, (size_t)sb.st_size, f);
	fclose(f);
	rc = json_parse(text, got, root, &why);
	free(text);
	if (rc != PC_OK) {
		error_set(cause, rc, "%s: %s", path, why ? why : "?");
		free(why);
	}
	return rc;
}

/*
 * The dump at `path` mapped read-only into l->text and l->len (0: nothing
 * mapped, the file is empty) and its root parsed shallow into *root: its
 * lists checked, not kept. Unmap with munmap when l->len > 0.
 */
static int map_document(struct loader *l, struct json **root, char **cause)
{
	struct stat sb;
	char *why = NULL;
	void *m = NULL;
	int fd = open(l->path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return error_set(cause, PC_EIO, _("%s: cannot read: %s"),
				 l->path, strerror(errno));
	if (fstat(fd, &sb) != 0 || (size_t)sb.st_size > LOAD_MAX_BYTES) {
		close(fd);
		return error_set(cause, PC_EINVAL,
				 _("%s: not a file or too big"), l->path);
	}
	/* What is not a plain file (a directory reads as empty) or is
	 * empty parses from an empty text, as it always did. */
	if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
		m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
			 0);
		if (m == MAP_FAILED) {
			rc = errno == ENOMEM ? PC_ENOMEM : PC_EIO;
			error_set(cause, rc, _("%s: cannot read: %s"), l->path,
				  strerror(errno));
			close(fd);
			return rc;
		}
		(void)madvise(m, (size_t)sb.st_size, MADV_SEQUENTIAL);
		l->len = (size_t)sb.st_size;
	}
	close(fd);
	l->text = m != NULL ? m : "";
	rc = json_parse_shallow(l->text, l->len, release_text, l, root, &why);
	if (rc != PC_OK) {
		error_set(cause, rc, "%s: %s", l->path, why ? why : "?");
		free(why);
		if (l->len > 0)
			munmap(m, l->len);
		l->len = 0;
	}
	return rc;
}

int dump_load(struct store *s, const char *path, char **cause)
{
	struct loader l = { .path = path, .s = s };
	struct json *root = NULL;
	int rc = map_document(&l, &root, cause);

	if (rc != PC_OK)
		return rc;
	l.root = root;
	/* A database takes about half the bytes of its dump: a map that big
	 * from the start spares the load its reruns from the first record,
	 * one each time a full map doubles (best effort: store_write grows
	 * it as ever if need be). */
	while (store_map_size(s) < l.len / 4 * 3 && store_map_grow(s) == 0)
		;
	rc = store_write(s, load_cb, &l, cause);
	json_free(root);
	if (l.len > 0)
		munmap((void *)l.text, l.len);
	return rc;
}

/* ---- a transfer file ---- */

struct transfer {
	struct loader l;
	const struct edit_ctx *ctx;
	uint64_t id; /* out */
};

/* True when a participant of this database came from `origin`. */
static int find_origin(struct store_txn *t, const char *origin, uint64_t *who)
{
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc = store_caseload_ids(t, NULL, &ids, &n);

	*who = 0;
	for (size_t i = 0; rc == PC_OK && i < n && *who == 0; i++) {
		struct participant p;

		if (store_participant_get(t, ids[i], &p) != PC_OK)
			continue;
		if (p.origin != NULL && strcmp(p.origin, origin) == 0)
			*who = ids[i];
		participant_clear(&p);
	}
	free(ids);
	return rc;
}

static int transfer_cb(struct store_txn *t, void *arg, char **cause)
{
	struct transfer *x = arg;
	struct loader *l = &x->l;
	const struct json *v, *db, *parts;
	struct participant p;
	char here[STORE_ID_SIZE], origin[128], *hyphenless, *q;
	uint64_t was = 0, sender;
	int rc;

	l->failed = false;
	l->cause = cause;
	l->renumber = true;
	v = json_get(l->root, "format");
	if (v == NULL || v->type != JSON_STRING ||
	    strcmp(v->s, TRANSFER_FORMAT) != 0)
		return error_set(cause, PC_EINVAL,
				 _("%s: not a parcours transfer file"),
				 l->path);
	v = json_get(l->root, "version");
	if (v == NULL || v->type != JSON_INT || v->i > TRANSFER_VERSION)
		return error_set(cause, PC_ESCHEMA,
				 _("%s: a transfer file of a newer parcours"),
				 l->path);
	db = json_get(l->root, "database_id");
	parts = get_array(l, l->root, "participants");
	if (l->failed)
		return PC_EINVAL;
	if (db == NULL || db->type != JSON_STRING || strlen(db->s) != 36 ||
	    parts->n != 1)
		return error_set(cause, PC_EINVAL,
				 _("%s: a transfer file holds one participant "
				   "and the database it comes from"),
				 l->path);
	/* Not back into the database it left. */
	hyphenless = strdup(db->s);
	if (hyphenless == NULL)
		return PC_ENOMEM;
	for (q = hyphenless; *q; q++)
		if (*q == '-')
			memmove(q, q + 1, strlen(q));
	rc = store_id(t, here);
	if (rc == PC_OK && strcmp(here, hyphenless) == 0)
		rc = error_set(cause, PC_EINVAL,
			       _("%s: a file of this very database; a "
				 "participant is transferred to another"),
			       l->path);
	free(hyphenless);
	if (rc != PC_OK)
		return rc;
	if (!read_participant(l, &parts->items[0], &p))
		return PC_EINVAL;
	sender = p.id;
	snprintf(origin, sizeof origin, "%s:%llu", db->s,
		 (unsigned long long)sender);
	rc = find_origin(t, origin, &was);
	if (rc == PC_OK && was != 0)
		rc = error_set(cause, PC_EINVAL,
			       _("%s: participant %llu of that database is "
				 "here already, as %llu"),
			       l->path, (unsigned long long)sender,
			       (unsigned long long)was);
	if (rc == PC_OK &&
	    (p.status == STATUS_EXITED || p.transferred != DATE_NONE))
		rc = error_set(cause, PC_EINVAL,
			       _("%s: someone who has left is not transferred"),
			       l->path);
	/* Ours now: the referent here, the sender's number kept. */
	free(p.referent);
	p.referent =
		strdup(x->ctx->who ? x->ctx->who : x->ctx->config->referent);
	free(p.origin);
	p.origin = strdup(origin);
	if (rc == PC_OK && (p.referent == NULL || p.origin == NULL))
		rc = PC_ENOMEM;
	if (rc == PC_OK && !exit_whole(l, &parts->items[0], &p))
		rc = PC_EINVAL;
	if (rc == PC_OK)
		rc = store_participant_add(t, &p, &x->id);
	p.id = x->id;
	if (rc == PC_OK)
		rc = load_children(l, t, &parts->items[0], &p);
	if (rc == PC_OK)
		rc = edit_journal(t, x->ctx, x->id,
				  "transferred in from database %s, where it "
				  "was participant %llu",
				  db->s, (unsigned long long)sender);
	participant_clear(&p);
	return rc;
}

int transfer_in(struct store *s, const struct edit_ctx *ctx, const char *path,
		uint64_t *id, char **cause)
{
	struct transfer x = { .l = { .path = path }, .ctx = ctx };
	struct json *root = NULL;
	int rc = read_document(path, &root, cause);

	if (rc != PC_OK)
		return rc;
	x.l.root = root;
	rc = store_write(s, transfer_cb, &x, cause);
	json_free(root);
	if (rc == PC_OK && id != NULL)
		*id = x.id;
	return rc;
}

/* export.c: dispatch to the writers, and the participant row they share. */
#include "export_internal.h"
#include "atomic.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const column_names[COL_COUNT] = {
	[COL_ID] = "id",
	[COL_LAST_NAME] = "last_name",
	[COL_FIRST_NAME] = "first_name",
	[COL_REFERENT] = "referent",
	[COL_STAGE_NO] = "stage_no",
	[COL_STAGE_ID] = "stage_id",
	[COL_STAGE] = "stage",
	[COL_STATUS] = "status",
	[COL_ENTRY_DATE] = "entry_date",
	[COL_STAGE_SINCE] = "stage_since",
	[COL_DAYS_IN_STAGE] = "days_in_stage",
	[COL_LAST_CONTACT] = "last_contact",
	[COL_NEXT_APPOINTMENT] = "next_appointment",
	[COL_FLAGS] = "flags",
	[COL_BIRTH_DATE] = "birth_date",
	[COL_PHONE] = "phone",
	[COL_EMAIL] = "email",
};

static const char *const flag_labels[FLAG_COUNT] = {
	[FLAG_APPOINTMENT_OVERDUE] = N_("appointments without outcome"),
	[FLAG_CHECKIN_OVERDUE] = N_("late in-work check-ins"),
	[FLAG_WORK_LOST] = N_("left at hiring, work lost before six months"),
	[FLAG_NO_SHOW] = N_("no-shows to invite again"),
	[FLAG_FIRST_APPOINTMENT] = N_("newcomers without a first appointment"),
	[FLAG_CONTACT_OVERDUE] = N_("without contact for too long"),
	[FLAG_MAX_DURATION] = N_("near or past the maximum duration"),
	[FLAG_CHECKIN_DUE] = N_("in-work check-ins due this week"),
	[FLAG_READY_TO_EXIT] = N_("ready for a positive exit"),
	[FLAG_VALIDATE_EXIT] = N_("left at hiring, exit to validate"),
	[FLAG_FSE_SURVEY_OVERDUE] = N_("six-months surveys late"),
	[FLAG_FSE_ENTRY_INCOMPLETE] = N_("funder's entry data incomplete"),
	[FLAG_FSE_SURVEY_DUE] = N_("six-months surveys due"),
};

const char *export_column_name(enum row_column c)
{
	return c < COL_COUNT ? column_names[c] : "?";
}

const char *export_flag_label(enum flag_kind k)
{
	return k < FLAG_COUNT ? _(flag_labels[k]) : "?";
}

const char *export_halves(int half, const char *mark, char *buf, size_t size)
{
	if (half % 2)
		snprintf(buf, size, "%d%s5", half / 2, mark);
	else
		snprintf(buf, size, "%d", half / 2);
	return buf;
}

/* Bytes of the valid UTF-8 sequence at s (n bytes left), 0 if none. */
static size_t utf8_length(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	/* No overlong form, no surrogate, nothing past U+10FFFF. */
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

size_t export_char(const char *s, size_t n, char shown[EXPORT_CHAR_MAX])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = utf8_length(u, n);

	if (len == 0) {
		memcpy(shown, "\xef\xbf\xbd", 4);
		return 1;
	}
	if (u[0] < 0x20 || u[0] == 0x7f) {
		shown[0] = '^';
		shown[1] = u[0] == 0x7f ? '?' : (char)(u[0] + '@');
		shown[2] = '\0';
	} else if (u[0] == 0xc2 && u[1] < 0xa0) {
		/* U+0080 to U+009F, the C1 controls (CSI is U+009B). */
		shown[0] = '~';
		shown[1] = (char)(u[1] - 0x80 + '@');
		shown[2] = '\0';
	} else {
		memcpy(shown, s, len);
		shown[len] = '\0';
	}
	return len;
}

void export_text(FILE *out, const char *s)
{
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	while (n > 0) {
		size_t len = export_char(s, n, shown);

		fputs(shown, out);
		s += len;
		n -= len;
	}
}

int export_format_by_name(const char *name, enum export_format *out)
{
	static const char *const names[] = { "csv", "json", "md", "html" };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (enum export_format)i;
			return PC_OK;
		}
	}
	return PC_EINVAL;
}

static const char *date_cell(pdate d, const char *pattern, char *buf,
			     size_t size)
{
	return date_format_pattern(d, pattern ? pattern : "YYYY-MM-DD", buf,
				   size);
}

/* A text of the participant, whole, never NULL. */
static const char *text(const char *s)
{
	return s ? s : "";
}

const char *export_cell(const struct summary *s, const struct caseload_entry *e,
			enum row_column c, bool pseudonymise,
			const char *date_pattern, char *buf, size_t size)
{
	const struct participant *p = &e->file.p;
	const struct rules_summary *r = &e->summary;
	bool known = e->stage_index != CASELOAD_NO_STAGE;

	buf[0] = '\0';
	switch (c) {
	case COL_ID:
		snprintf(buf, size, "%llu", (unsigned long long)p->id);
		break;
	case COL_LAST_NAME:
		if (!pseudonymise)
			return text(p->last_name);
		snprintf(buf, size, "P%llu", (unsigned long long)p->id);
		break;
	case COL_FIRST_NAME:
		return pseudonymise ? "" : text(p->first_name);
	case COL_REFERENT:
		return text(p->referent);
	case COL_STAGE_NO:
		if (known)
			snprintf(buf, size, "%zu", e->stage_index + 1);
		break;
	case COL_STAGE_ID:
		return text(p->stage);
	case COL_STAGE:
		return known ? text(s->config->stages[e->stage_index].label)
			     : "";
	case COL_STATUS:
		return participant_status_name(p->status);
	case COL_ENTRY_DATE:
		date_cell(p->entry_date, date_pattern, buf, size);
		break;
	case COL_STAGE_SINCE:
		date_cell(p->stage_since, date_pattern, buf, size);
		break;
	case COL_DAYS_IN_STAGE:
		snprintf(buf, size, "%d", r->days_in_stage);
		break;
	case COL_LAST_CONTACT:
		date_cell(r->last_contact, date_pattern, buf, size);
		break;
	case COL_NEXT_APPOINTMENT:
		date_cell(r->next_appointment, date_pattern, buf, size);
		break;
	case COL_FLAGS:
		for (size_t i = 0; i < r->n_flags; i++) {
			size_t len = strlen(buf);

			snprintf(buf + len, size - len, "%s%s", i ? "," : "",
				 rules_flag_name(r->flags[i].kind));
		}
		break;
	case COL_BIRTH_DATE:
		if (!pseudonymise)
			date_cell(p->birth_date, date_pattern, buf, size);
		break;
	case COL_PHONE:
		return pseudonymise ? "" : text(p->phone);
	case COL_EMAIL:
		return pseudonymise ? "" : text(p->email);
	default:
		break;
	}
	return buf;
}

int export_write(FILE *out, const struct summary *s,
		 const struct export_options *o)
{
	static int (*const writers[])(FILE *, const struct summary *,
				      const struct export_options *) = {
		[EXPORT_CSV] = export_csv,
		[EXPORT_JSON] = export_json,
		[EXPORT_MD] = export_md,
		[EXPORT_HTML] = export_html,
	};
	int rc;

	errno = 0;
	rc = writers[o->format](out, s, o);
	if (rc == PC_OK && (fflush(out) != 0 || ferror(out)))
		rc = PC_EIO;
	return rc;
}

/* What to tell of a failed export_write: errno is only news of a write. */
static const char *write_error(int rc)
{
	return strerror(rc == PC_ENOMEM ? ENOMEM : errno ? errno : EIO);
}

int export_save(export_writer write, const void *what, const char *path,
		FILE *out, char **cause)
{
	struct atomic_file af;
	int rc;

	errno = 0;
	if (path == NULL) {
		rc = write(out, what);
		if (rc == PC_OK && (fflush(out) != 0 || ferror(out)))
			rc = PC_EIO;
		if (rc != PC_OK)
			error_set(cause, rc, _("cannot write the export: %s"),
				  write_error(rc));
		return rc;
	}
	rc = atomic_open(&af, path, cause);
	if (rc != PC_OK)
		return rc;
	rc = write(af.f, what);
	if (rc == PC_OK && (fflush(af.f) != 0 || ferror(af.f)))
		rc = PC_EIO;
	if (rc == PC_OK)
		return atomic_commit(&af, cause);
	/* A write that failed on a full disk says so. */
	if (rc == PC_EIO && errno == ENOSPC)
		rc = PC_EFULL;
	error_set(cause, rc, _("%s: cannot write: %s"), path, write_error(rc));
	atomic_abort(&af);
	return rc;
}

/* The summary and its options, for export_save. */
struct summary_out {
	const struct summary *s;
	const struct export_options *o;
};

static int write_summary(FILE *out, const void *what)
{
	const struct summary_out *w = what;

	return export_write(out, w->s, w->o);
}

/* What the reading of the caseload builds: the figures, counted as each
 * participant goes by, and the roster of those the export shows. */
struct export_read {
	struct summary *sum;
	struct roster *roster;
};

static int read_entry(struct caseload_entry *e, void *arg)
{
	struct export_read *x = arg;
	struct roster_followup fu;
	int rc = summary_count(x->sum, e);

	if (rc != PC_OK || !summary_shows(x->sum, e))
		return rc;
	summary_roster_followup(x->sum, e, &fu);
	return roster_add(x->roster, e, &fu);
}

int export_caseload(struct store *st, const struct config *c,
		    const char *referent, pdate today, pdate from, pdate to,
		    const struct export_options *o, const char *path, FILE *out,
		    char **cause)
{
	struct roster roster = { 0 };
	struct summary sum;
	struct export_options stamped = *o;
	struct export_read x = { &sum, &roster };
	char uuid[EXPORT_UUID_SIZE];
	int rc;

	if (o->format == EXPORT_JSON) {
		rc = export_json_stamp(st, uuid, &stamped.sequence, cause);
		if (rc != PC_OK)
			return rc;
		stamped.database_id = uuid;
		o = &stamped;
	}
	/* Participant by participant: the whole territory is never held,
	 * only what the export shows of it. */
	rc = summary_begin(&sum, c, referent, today, from, to);
	if (rc != PC_OK)
		return error_set(cause, rc, "%s", error_string(rc));
	rc = caseload_each(st, c, referent, true, today, true, read_entry, &x,
			   &roster.n_corrupt, cause);
	if (rc != PC_OK) {
		summary_free(&sum);
		roster_free(&roster);
		return rc;
	}
	rc = roster_sort(&roster);
	if (rc == PC_OK)
		rc = summary_index(&sum, &roster);
	if (rc != PC_OK) {
		roster_free(&roster);
		return error_set(cause, rc, "%s", error_string(rc));
	}
	rc = export_save(write_summary, &(struct summary_out){ &sum, o }, path,
			 out, cause);
	summary_free(&sum);
	roster_free(&roster);
	return rc;
}

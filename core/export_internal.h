/* export_internal.h: what the export writers share; not a public header. */
#ifndef PARCOURS_EXPORT_INTERNAL_H
#define PARCOURS_EXPORT_INTERNAL_H

#include "export.h"

/* The columns of a participant row, by stable name, in order. */
enum row_column {
	COL_ID,
	COL_LAST_NAME,
	COL_FIRST_NAME,
	COL_REFERENT,
	COL_STAGE_NO,
	COL_STAGE_ID,
	COL_STAGE,
	COL_STATUS,
	COL_ENTRY_DATE,
	COL_STAGE_SINCE,
	COL_DAYS_IN_STAGE,
	COL_LAST_CONTACT,
	COL_NEXT_APPOINTMENT,
	COL_FLAGS,
	COL_BIRTH_DATE,
	COL_PHONE,
	COL_EMAIL,
	COL_COUNT
};

/* The stable name of a column ("last_name"); "?" for one out of range. */
const char *export_column_name(enum row_column c);

/*
 * The text of column `c` for entry `e`, whole: the entry's own string
 * (names, contacts, stage: valid until the caseload is freed), or what it
 * makes of numbers, dates and flags in buf (EXPORT_CELL_SIZE bytes
 * suffice). Dates as YYYY-MM-DD when `date_pattern` is NULL;
 * pseudonymising, the last name becomes "P<id>" and the first name,
 * contacts and birth date are left empty. Never NULL; not escaped.
 */
#define EXPORT_CELL_SIZE 512
const char *export_cell(const struct summary *s, const struct caseload_entry *e,
			enum row_column c, bool pseudonymise,
			const char *date_pattern, char *buf, size_t size);

/*
 * `half` halves (a median of days) in buf: whole, or with one decimal
 * after `mark` ("." in JSON, the locale's in reports) when it is a half:
 * 172 gives "86", 173 "86.5" or "86,5". Returns buf.
 */
const char *export_halves(int half, const char *mark, char *buf, size_t size);

/* True when the funder's sensitive answers are left out: pseudonymised
 * without --with-sensitive. Their counts too: in a small caseload, "one
 * woman with a disability who entered in March" names her. */
static inline bool export_hides_sensitive(const struct export_options *o)
{
	return o->pseudonymise && !o->with_sensitive;
}

/*
 * Each format's writer: PC_OK, PC_EIO when `out` reports a write error
 * (ferror), or PC_ENOMEM; on failure the output is partial.
 */
/* What an indicator of the funder's table counts, and what a question of
 * its completeness table asks, translated for people; "?" out of range. */
const char *export_indicator_label(enum summary_indicator i);
const char *export_question_label(int q);

int export_csv(FILE *out, const struct summary *s,
	       const struct export_options *o);
int export_json(FILE *out, const struct summary *s,
		const struct export_options *o);
int export_md(FILE *out, const struct summary *s,
	      const struct export_options *o);
int export_html(FILE *out, const struct summary *s,
		const struct export_options *o);

#endif

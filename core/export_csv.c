/* export_csv.c: one row per participant, RFC 4180. */
#include "export_internal.h"
#include "csv.h"
#include "error.h"

#include <string.h>

/* How a cell is guarded against formulas (csv_write_field): the numbers
 * the export makes itself may be negative; a plain phone number is left
 * as typed. */
static enum csv_guard guard(enum row_column c)
{
	if (c == COL_ID || c == COL_STAGE_NO || c == COL_DAYS_IN_STAGE)
		return CSV_GUARD_NONE;
	return c == COL_PHONE ? CSV_GUARD_PHONE : CSV_GUARD_TEXT;
}

static void field(FILE *out, const char *s, char delimiter, enum row_column c)
{
	csv_write_field(out, s, delimiter, guard(c));
}

/* One row of the indicator table: its table, name and label, then the
 * counts `n` of `columns` (NULL: empty cells). */
static void indicator_row(FILE *out, const struct export_options *o,
			  const char *table, const char *name,
			  const char *label, const size_t *by_sex,
			  const struct summary_answers *a)
{
	fprintf(out, "%s%c%s%c", table, o->delimiter, name, o->delimiter);
	field(out, label, o->delimiter, COL_STAGE);
	for (int k = 0; k < SEX_COUNT; k++) {
		fputc(o->delimiter, out);
		if (by_sex != NULL)
			fprintf(out, "%zu", by_sex[k]);
	}
	if (a != NULL)
		fprintf(out, "%c%zu%c%zu%c%zu%c%zu", o->delimiter, a->answered,
			o->delimiter, a->refused, o->delimiter, a->unknown,
			o->delimiter, a->missing);
	else
		fprintf(out, "%c%c%c%c", o->delimiter, o->delimiter,
			o->delimiter, o->delimiter);
	fputs("\r\n", out);
}

/* The funder's indicator table (export_report.c draws the same), then
 * the completeness of each question, the sensitive ones left out of a
 * pseudonymised export unless asked for. */
static int indicators_csv(FILE *out, const struct summary *s,
			  const struct export_options *o)
{
	static const char *const head[] = {
		"table",   "indicator",	 "label",   "women",
		"men",	   "non_binary", "total",   "answered",
		"refused", "unknown",	 "missing",
	};
	bool hide = export_hides_sensitive(o);

	for (size_t c = 0; c < sizeof head / sizeof *head; c++) {
		if (c)
			fputc(o->delimiter, out);
		fputs(head[c], out);
	}
	fputs("\r\n", out);
	for (int i = 0; i < IND_COUNT; i++) {
		enum summary_indicator ind = (enum summary_indicator)i;

		if (hide && summary_indicator_sensitive(ind))
			continue;
		indicator_row(out, o,
			      i < IND_EXITED	 ? "entry"
			      : i < IND_SURVEYED ? "exit"
						 : "six_months",
			      summary_indicator_name(ind),
			      export_indicator_label(ind), s->indicators[i],
			      NULL);
	}
	for (int q = 0; q < SUMMARY_Q_COUNT; q++) {
		if (hide && summary_question_sensitive(q))
			continue;
		indicator_row(out, o, "completeness", summary_question_name(q),
			      export_question_label(q), NULL, &s->answers[q]);
	}
	return ferror(out) ? PC_EIO : PC_OK;
}

int export_csv(FILE *out, const struct summary *s,
	       const struct export_options *o)
{
	char buf[EXPORT_CELL_SIZE];

	if (o->bom)
		fputs("\xef\xbb\xbf", out);
	if (o->indicators)
		return indicators_csv(out, s, o);
	for (int c = 0; c < COL_COUNT; c++) {
		if (c)
			fputc(o->delimiter, out);
		fputs(export_column_name((enum row_column)c), out);
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < s->n_rows; i++) {
		struct caseload_entry tmp;
		const struct caseload_entry *e =
			summary_entry(s, s->rows[i], &tmp);

		for (int c = 0; c < COL_COUNT; c++) {
			if (c)
				fputc(o->delimiter, out);
			field(out,
			      export_cell(s, e, (enum row_column)c,
					  o->pseudonymise, NULL, buf,
					  sizeof buf),
			      o->delimiter, (enum row_column)c);
		}
		fputs("\r\n", out);
	}
	return ferror(out) ? PC_EIO : PC_OK;
}

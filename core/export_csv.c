/* export_csv.c: one row per participant, RFC 4180. */
#include "export_internal.h"
#include "error.h"

#include <string.h>

/*
 * A phone number a spreadsheet can only read as text: '+', a digit, then
 * digits in groups split by spaces or dots ("+33 6 12 34 56 78",
 * "+33.6.12.34.56.78"). Neither a number (a space, or two dots) nor a sum
 * (no '-'), and without a letter no function, reference or link.
 */
static bool plain_phone(const char *s)
{
	size_t spaces = 0, dots = 0;

	if (s[0] != '+' || s[1] < '0' || s[1] > '9')
		return false;
	for (s++; *s; s++) {
		if (*s == ' ')
			spaces++;
		else if (*s == '.')
			dots++;
		else if (*s < '0' || *s > '9')
			return false;
	}
	return spaces > 0 || dots > 1;
}

/*
 * A cell a spreadsheet could take for a formula (OWASP's "CSV injection":
 * '=', '+', '-', '@', tab or CR first) is written after a "'", which
 * spreadsheets read as text; a plain phone number is left as typed.
 */
static bool needs_mark(const char *s, enum row_column c)
{
	/* The numbers the export makes itself may be negative. */
	if (c == COL_ID || c == COL_STAGE_NO || c == COL_DAYS_IN_STAGE)
		return false;
	if (s[0] == '\0' || strchr("=+-@\t\r", s[0]) == NULL)
		return false;
	return !(c == COL_PHONE && plain_phone(s));
}

/*
 * A field, quoted when it holds the delimiter, a quote or a line break.
 * Tabs and line feeds are kept (in quotes); other control characters and
 * invalid bytes are written as export_char shows them.
 */
static void field(FILE *out, const char *s, char delimiter, enum row_column c)
{
	bool quote = strchr(s, delimiter) != NULL || strpbrk(s, "\"\n") != NULL;
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	if (quote)
		fputc('"', out);
	if (needs_mark(s, c))
		fputc('\'', out);
	while (n > 0) {
		size_t len = 1;

		if (*s == '"') {
			fputs("\"\"", out);
		} else if (*s == '\t' || *s == '\n') {
			fputc(*s, out);
		} else {
			len = export_char(s, n, shown);
			fputs(shown, out);
		}
		s += len;
		n -= len;
	}
	if (quote)
		fputc('"', out);
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
		const struct caseload_entry *e = &s->cl->entries[s->rows[i]];

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

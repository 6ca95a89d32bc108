/* export_csv.c: one row per participant, RFC 4180. */
#include "export_internal.h"
#include "error.h"

#include <string.h>

/*
 * A field, quoted when it holds the delimiter, a quote or a line break.
 * Tabs and line feeds are kept (in quotes); other control characters and
 * invalid bytes are written as export_char shows them.
 */
static void field(FILE *out, const char *s, char delimiter)
{
	bool quote = strchr(s, delimiter) != NULL || strpbrk(s, "\"\n") != NULL;
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	if (quote)
		fputc('"', out);
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

int export_csv(FILE *out, const struct summary *s,
	       const struct export_options *o)
{
	char buf[EXPORT_CELL_SIZE];

	if (o->bom)
		fputs("\xef\xbb\xbf", out);
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
			      o->delimiter);
		}
		fputs("\r\n", out);
	}
	return ferror(out) ? PC_EIO : PC_OK;
}

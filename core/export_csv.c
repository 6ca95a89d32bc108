/* export_csv.c: one row per participant, RFC 4180. */
#include "export_internal.h"
#include "error.h"

#include <string.h>

/* A field, quoted when it holds the delimiter, a quote or a line break. */
static void field(FILE *out, const char *s, char delimiter)
{
	if (strchr(s, delimiter) == NULL && strpbrk(s, "\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
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

/* export_md.c: the report as Markdown a person reads or prints. */
#include "export_internal.h"
#include "error.h"
#include "export_report.h"

#include <stdbool.h>
#include <string.h>

/*
 * Write `s` on one line of Markdown: line breaks and tabs become spaces,
 * '|' (a table's) is escaped; control characters and invalid bytes are
 * written as export_char shows them.
 */
static void text(FILE *out, const char *s)
{
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	while (n > 0) {
		size_t len = 1;

		if (*s == '\n' || *s == '\r' || *s == '\t') {
			fputc(' ', out);
		} else if (*s == '|') {
			fputs("\\|", out);
		} else {
			len = export_char(s, n, shown);
			fputs(shown, out);
		}
		s += len;
		n -= len;
	}
}

static void begin(void *ctx, const char *title)
{
	fputs("# ", ctx);
	text(ctx, title);
	fputs("\n\n", ctx);
}

static void heading(void *ctx, const char *s)
{
	fputs("## ", ctx);
	text(ctx, s);
	fputs("\n\n", ctx);
}

static void para(void *ctx, const char *s)
{
	text(ctx, s);
	fputs("\n\n", ctx);
}

static void row(void *ctx, const char *const *cells, size_t n)
{
	fputc('|', ctx);
	for (size_t i = 0; i < n; i++) {
		fputc(' ', ctx);
		text(ctx, cells[i]);
		fputs(" |", ctx);
	}
	fputc('\n', ctx);
}

static void table_begin(void *ctx, const char *const *headers, size_t n)
{
	row(ctx, headers, n);
	fputc('|', ctx);
	for (size_t i = 0; i < n; i++)
		fputs("---|", ctx);
	fputc('\n', ctx);
}

static void table_end(void *ctx)
{
	fputc('\n', ctx);
}

static void end(void *ctx)
{
	(void)ctx;
}

int export_md(FILE *out, const struct summary *s,
	      const struct export_options *o)
{
	static const struct report_renderer md = {
		begin, heading, para, table_begin, row, table_end, NULL, end,
	};
	int rc = export_report(s, o, &md, out);

	if (rc != PC_OK)
		return rc;
	return ferror(out) ? PC_EIO : PC_OK;
}

/* export_md.c: the report as Markdown a person reads or prints. */
#include "export_internal.h"
#include "error.h"
#include "export_report.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* What CommonMark and GFM give a meaning to inside a line. */
static const char special[] = "\\`*_[]<>&|~";

/*
 * Write `s` as Markdown shows it, literally and on one line: no text of
 * the data becomes an image, a link, HTML, emphasis or a table cell of
 * its own. Line breaks and tabs become spaces; the characters of
 * `special` are escaped with a backslash, the ':' of "scheme://" and the
 * '.' of "www." too (GFM makes links of them without brackets); control
 * characters and invalid bytes are written as export_char shows them,
 * escaped in turn ("^[" is "^\[").
 *
 * GFM still links an e-mail address ("a@b.fr" becomes mailto:a@b.fr
 * whatever is escaped): such a link loads and runs nothing.
 */
static void text(FILE *out, const char *s)
{
	const char *start = s;
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	while (n > 0) {
		size_t len = export_char(s, n, shown);

		if (*s == '\n' || *s == '\r' || *s == '\t') {
			fputc(' ', out);
		} else if ((*s == ':' && strncmp(s + 1, "//", 2) == 0) ||
			   (*s == '.' && s - start >= 3 &&
			    strncasecmp(s - 3, "www", 3) == 0)) {
			fputc('\\', out);
			fputc(*s, out);
		} else {
			for (const char *c = shown; *c; c++) {
				if (strchr(special, *c) != NULL)
					fputc('\\', out);
				fputc(*c, out);
			}
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

const struct report_renderer export_md_renderer = {
	begin, heading, para, table_begin, row, table_end, NULL, end,
};

int export_md(FILE *out, const struct summary *s,
	      const struct export_options *o)
{
	int rc = export_report(s, o, &export_md_renderer, out);

	if (rc != PC_OK)
		return rc;
	return ferror(out) ? PC_EIO : PC_OK;
}

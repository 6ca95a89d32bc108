/* export_md.c: the report as Markdown a person reads or prints. */
#include "export_internal.h"
#include "error.h"
#include "export_report.h"

/* Table cells cannot hold '|' or line breaks. */
static void cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
}

static void begin(void *ctx, const char *title)
{
	fprintf(ctx, "# %s\n\n", title);
}

static void heading(void *ctx, const char *text)
{
	fprintf(ctx, "## %s\n\n", text);
}

static void para(void *ctx, const char *text)
{
	fprintf(ctx, "%s\n\n", text);
}

static void row(void *ctx, const char *const *cells, size_t n)
{
	fputc('|', ctx);
	for (size_t i = 0; i < n; i++) {
		fputc(' ', ctx);
		cell(ctx, cells[i]);
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

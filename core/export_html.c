/* export_html.c: the report as one self-contained HTML page (inline CSS and
 * SVG, no network), readable on screen and printing on A4. */
#include "export_internal.h"
#include "error.h"
#include "export_report.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

/*
 * Text as HTML shows it literally: markup characters as entities, control
 * characters and invalid bytes as export_char shows them (a page must be
 * valid UTF-8; HTML forbids most controls).
 */
static void esc(FILE *out, const char *s)
{
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	while (n > 0) {
		size_t len = 1;

		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
		case '\t':
			fputc(*s, out);
			break;
		default:
			len = export_char(s, n, shown);
			fputs(shown, out);
		}
		s += len;
		n -= len;
	}
}

static const char style[] =
	"body{font:11pt/1.4 system-ui,sans-serif;color:#111;margin:2em auto;"
	"max-width:60em;padding:0 1em}"
	"h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;"
	"border-bottom:1px solid #999;margin:1.6em 0 .5em;padding-bottom:.2em}"
	"table{border-collapse:collapse;width:100%;margin:.5em 0 1em}"
	"th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;"
	"vertical-align:top}th{background:#eee}"
	"tr:nth-child(even) td{background:#fafafa}"
	"svg{display:block;margin:.5em 0;max-width:100%}"
	"svg text{font:10pt system-ui,sans-serif}"
	"@page{size:A4;margin:15mm}"
	"@media print{body{margin:0;max-width:none;font-size:9.5pt}"
	"h2{break-after:avoid}tr,svg{break-inside:avoid}"
	"th{background:#eee!important;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}}";

static void begin(void *ctx, const char *title)
{
	FILE *out = ctx;

	fprintf(out,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		"<meta charset=\"utf-8\">\n<title>",
		_("en"));
	esc(out, title);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
		style);
	esc(out, title);
	fputs("</h1>\n", out);
}

static void heading(void *ctx, const char *text)
{
	fputs("<h2>", ctx);
	esc(ctx, text);
	fputs("</h2>\n", ctx);
}

static void para(void *ctx, const char *text)
{
	fputs("<p>", ctx);
	esc(ctx, text);
	fputs("</p>\n", ctx);
}

static void table_begin(void *ctx, const char *const *headers, size_t n)
{
	fputs("<table>\n<thead><tr>", ctx);
	for (size_t i = 0; i < n; i++) {
		fputs("<th>", ctx);
		esc(ctx, headers[i]);
		fputs("</th>", ctx);
	}
	fputs("</tr></thead>\n<tbody>\n", ctx);
}

static void row(void *ctx, const char *const *cells, size_t n)
{
	fputs("<tr>", ctx);
	for (size_t i = 0; i < n; i++) {
		fputs("<td>", ctx);
		esc(ctx, cells[i]);
		fputs("</td>", ctx);
	}
	fputs("</tr>\n", ctx);
}

static void table_end(void *ctx)
{
	fputs("</tbody>\n</table>\n", ctx);
}

/* The chart's geometry, in pixels: each row is its label, whole, on as
 * many lines as it needs, then its bar. */
enum {
	CHART_W = 700,	  /* the drawing's width */
	CHART_BAR_W = 600, /* the longest bar; its value follows it */
	CHART_LINE_H = 15, /* a line of label */
	CHART_BAR_H = 14,
	CHART_GAP = 10,	       /* between rows */
	CHART_LINE_CHARS = 72, /* characters a label line holds at 10pt */
};

/* Characters (code points) in the first `len` bytes of s. */
static size_t chars_in(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * The length in bytes of the next line of `s`: as many whole words as
 * hold in CHART_LINE_CHARS characters (a longer word alone, cut at a
 * character boundary). Never 0 while s is not empty.
 */
static size_t next_line(const char *s)
{
	size_t end = 0, i = 0, fit = 0;

	while (s[i] != '\0') {
		size_t w = i;

		while (s[w] != '\0' && s[w] != ' ')
			w++;
		if (chars_in(s, w) > CHART_LINE_CHARS)
			break;
		end = w;
		fit = 1;
		i = s[w] == ' ' ? w + 1 : w;
	}
	if (fit)
		return end;
	/* One word too long for a line: cut it between characters. */
	for (i = 0; s[i] != '\0' && chars_in(s, i) < CHART_LINE_CHARS; i++)
		;
	while (s[i] != '\0' && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Lines a label takes. */
static size_t label_lines(const char *s)
{
	size_t n = 0;

	while (*s != '\0') {
		s += next_line(s);
		while (*s == ' ')
			s++;
		n++;
	}
	return n ? n : 1;
}

/* Horizontal bars, each under its label (whole, wrapped, never cut), its
 * value at the end of the bar. */
static void chart(void *ctx, const char *title, const char *const *labels,
		  const size_t *values, size_t n)
{
	FILE *out = ctx;
	size_t max = 1, height = CHART_GAP / 2, y;

	for (size_t i = 0; i < n; i++) {
		if (values[i] > max)
			max = values[i];
		height += label_lines(labels[i]) * CHART_LINE_H + CHART_BAR_H +
			  CHART_GAP;
	}
	fprintf(out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
		"width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\">\n<title>",
		CHART_W, height, CHART_W, height);
	esc(out, title);
	fputs("</title>\n", out);
	y = CHART_GAP / 2;
	for (size_t i = 0; i < n; i++) {
		size_t w = values[i] * (size_t)CHART_BAR_W / max;
		const char *s = labels[i];

		fputs("<text>", out);
		do {
			size_t len = next_line(s);
			char *line = strndup(s, len);

			y += CHART_LINE_H;
			fprintf(out, "<tspan x=\"0\" y=\"%zu\">", y - 3);
			esc(out, line ? line : "");
			fputs("</tspan>", out);
			free(line);
			s += len;
			while (*s == ' ')
				s++;
		} while (*s != '\0');
		fprintf(out,
			"</text><rect x=\"0\" y=\"%zu\" width=\"%zu\" "
			"height=\"%d\" fill=\"#3b6ea5\"/><text x=\"%zu\" "
			"y=\"%zu\">%zu</text>\n",
			y + 2, w, CHART_BAR_H - 2, w + 6, y + CHART_BAR_H - 1,
			values[i]);
		y += CHART_BAR_H + CHART_GAP;
	}
	fputs("</svg>\n", out);
}

static void end(void *ctx)
{
	fputs("</body>\n</html>\n", ctx);
}

const struct report_renderer export_html_renderer = {
	begin, heading, para, table_begin, row, table_end, chart, end,
};

int export_html(FILE *out, const struct summary *s,
		const struct export_options *o)
{
	int rc = export_report(s, o, &export_html_renderer, out);

	if (rc != PC_OK)
		return rc;
	return ferror(out) ? PC_EIO : PC_OK;
}

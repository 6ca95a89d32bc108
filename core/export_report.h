/* export_report.h: the printable report, for any markup (Markdown, HTML). */
#ifndef PARCOURS_EXPORT_REPORT_H
#define PARCOURS_EXPORT_REPORT_H

#include "export.h"

/*
 * What a markup must draw. The report is made once (export_report.c) and
 * each format renders it, so Markdown and HTML always tell the same thing.
 * Texts are UTF-8 and not escaped: the renderer escapes for its markup.
 */
struct report_renderer {
	void (*begin)(void *ctx, const char *title);
	void (*heading)(void *ctx, const char *text);
	void (*para)(void *ctx, const char *text);
	void (*table_begin)(void *ctx, const char *const *headers, size_t n);
	void (*row)(void *ctx, const char *const *cells, size_t n);
	void (*table_end)(void *ctx);
	/* A horizontal bar chart; NULL when the markup has none. */
	void (*chart)(void *ctx, const char *title, const char *const *labels,
		      const size_t *values, size_t n);
	void (*end)(void *ctx);
};

/* The renderers of export_md and export_html, for other reports
 * (consolidate): `ctx` is the FILE written to. */
extern const struct report_renderer export_md_renderer, export_html_renderer;

/* Build the report of `s` and hand it to `r`: PC_OK, or PC_ENOMEM with the
 * report cut short (`r` has then drawn part of it). */
int export_report(const struct summary *s, const struct export_options *o,
		  const struct report_renderer *r, void *ctx);

#endif

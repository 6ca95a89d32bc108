/* text.h: UTF-8 text in terminal columns (wcwidth-aware). */
#ifndef PARCOURS_TEXT_H
#define PARCOURS_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Columns `s` takes on a terminal; invalid bytes count one column each. */
int text_width(const char *s);

/*
 * Write `s` to `out` in exactly `width` columns: truncated with "…" when
 * longer (never cutting a character or splitting a combining sequence),
 * padded with spaces when shorter.
 */
void text_pad(FILE *out, const char *s, int width);

/*
 * Write into buf (of `size` bytes) `s` made exactly `width` columns wide:
 * truncated with "…" when longer, padded with spaces when shorter. A buf
 * of strlen(s) + width + 8 bytes always suffices; a smaller one gets as
 * much as fits. Returns buf.
 */
char *text_fit(const char *s, int width, char *buf, size_t size);

/* Upper-case copy of `s` (caller frees), or NULL when out of memory. */
char *text_upper(const char *s);

/* Write `s` as one TSV field: tabs and line breaks become spaces. */
void text_tsv_field(FILE *out, const char *s);

#endif

/* text.h: UTF-8 text in terminal columns (wcwidth-aware). */
#ifndef PARCOURS_TEXT_H
#define PARCOURS_TEXT_H

#include <stddef.h>
#include <stdio.h>

/*
 * Every function here shows a control character or an invalid byte as
 * export_char does ("^[" for ESC, "~[" for U+009B, U+FFFD): a terminal
 * is never given one to obey.
 */

/* Columns `s` takes on a terminal, as these functions show it. */
int text_width(const char *s);

/*
 * Append `sep` (when buf is not empty) and the formatted text to the
 * string in buf (of `size` bytes), cut if it must be on a character's
 * boundary.
 */
void text_appendf(char *buf, size_t size, const char *sep, const char *fmt,
		  ...) __attribute__((format(printf, 4, 5)));

/* The character at s (n > 0 bytes left): the bytes it takes (at least 1;
 * an invalid byte is one character) and, in *width, its columns (a
 * combining mark 0, a wide one 2, what wcwidth refuses 1). */
size_t text_char(const char *s, size_t n, int *width);

/*
 * Write `s` to `out` in exactly `width` columns: truncated with "…" when
 * longer (never cutting a character or splitting a combining sequence),
 * padded with spaces when shorter.
 */
void text_pad(FILE *out, const char *s, int width);

/*
 * Write into buf (of `size` bytes) `s` made exactly `width` columns wide:
 * truncated with "…" when longer, padded with spaces when shorter. A buf
 * of strlen(s) + 2 * width + 8 bytes always suffices (strlen(s) + width +
 * 8 when s is valid UTF-8); a smaller one gets as much as fits. Returns
 * buf.
 */
char *text_fit(const char *s, int width, char *buf, size_t size);

/* Upper-case copy of `s` (caller frees), or NULL when out of memory. */
char *text_upper(const char *s);

/* Write `s` as one TSV field: tabs and line breaks become spaces. NULL
 * writes nothing. */
void text_tsv_field(FILE *out, const char *s);

/* Write `s` (NULL: nothing) as it may be shown on a terminal. */
void text_put(FILE *out, const char *s);

/* `s` (NULL: "") as it may be shown on a terminal, a copy the caller
 * frees; NULL when out of memory. */
char *text_shown(const char *s);

#endif

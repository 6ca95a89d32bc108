/* text.c: display width, truncation and case of UTF-8 strings. */
#include "text.h"
#include "codec.h"
#include "export.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* Decode one character at s (n bytes left); returns bytes used, >= 1. */
static size_t decode(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;
	size_t len;

	memset(&st, 0, sizeof st);
	len = mbrtowc(wc, s, n, &st);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*wc = L'?';
		return 1;
	}
	return len;
}

static int char_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

size_t text_char(const char *s, size_t n, int *width)
{
	wchar_t wc;
	size_t len = decode(s, n, &wc);

	*width = char_width(wc);
	return len;
}

/*
 * The character at s (n > 0 bytes left) as a terminal is given it: in
 * shown (NUL-terminated), a control character or an invalid byte made
 * visible (export_char), and *width the columns that takes. Returns the
 * bytes of s it used.
 */
static size_t visible(const char *s, size_t n, char shown[EXPORT_CHAR_MAX],
		      int *width)
{
	size_t len;
	wchar_t wc;

	/* Printable ASCII, most of any name: itself, one column. */
	if ((unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7f) {
		shown[0] = s[0];
		shown[1] = '\0';
		*width = 1;
		return 1;
	}
	len = export_char(s, n, shown);

	if (strncmp(shown, s, len) != 0 || shown[len] != '\0') {
		/* "^[", "~[" or U+FFFD: what a terminal shows of those. */
		*width =
			(unsigned char)shown[0] < 0x80 ? (int)strlen(shown) : 1;
		return len;
	}
	decode(s, len, &wc);
	*width = char_width(wc);
	return len;
}

int text_width(const char *s)
{
	size_t n = strlen(s);
	int w = 0;

	while (n > 0) {
		char shown[EXPORT_CHAR_MAX];
		int cw;
		size_t len = visible(s, n, shown, &cw);

		w += cw;
		s += len;
		n -= len;
	}
	return w;
}

char *text_fit(const char *s, int width, char *buf, size_t size)
{
	size_t n = strlen(s), used = 0;
	int w = 0;
	const char *p = s;
	bool cut = text_width(s) > width;

	if (size == 0)
		return buf;
	/* Whole characters, with their combining marks, that fit; when the
	 * text is cut, one column is kept for the ellipsis. */
	while (n > 0) {
		char shown[EXPORT_CHAR_MAX];
		int cw;
		size_t len = visible(p, n, shown, &cw), k = strlen(shown);

		if (w + cw > width - (cut ? 1 : 0) || used + k + 4 > size)
			break;
		memcpy(buf + used, shown, k);
		used += k;
		w += cw;
		p += len;
		n -= len;
	}
	if (cut && width > 0 && used + 4 <= size) {
		memcpy(buf + used, "…", 3);
		used += 3;
		w++;
	}
	for (; w < width && used + 1 < size; w++)
		buf[used++] = ' ';
	buf[used] = '\0';
	return buf;
}

void text_pad(FILE *out, const char *s, int width)
{
	size_t size = strlen(s) + (width > 0 ? (size_t)width : 0) + 8;
	char small[256], *buf = size <= sizeof small ? small : malloc(size);

	if (buf == NULL)
		return;
	fputs(text_fit(s, width, buf, size), out);
	if (buf != small)
		free(buf);
}

char *text_upper(const char *s)
{
	size_t n = strlen(s), cap = n * 2 + 8, used = 0;
	char *out = malloc(cap);
	mbstate_t st;

	if (out == NULL)
		return NULL;
	memset(&st, 0, sizeof st);
	while (n > 0) {
		wchar_t wc;
		size_t len, k;
		char buf[MB_LEN_MAX];

		if ((unsigned char)*s < 0x80) {
			/* ASCII: its own capital, without the wide path. */
			out[used++] = (char)toupper((unsigned char)*s);
			s++;
			n--;
			continue;
		}
		len = decode(s, n, &wc);
		if (len == 1 && (unsigned char)*s >= 0x80) {
			/* An invalid byte: keep it as it is. */
			buf[0] = *s;
			k = 1;
		} else {
			k = wcrtomb(buf, (wchar_t)towupper((wint_t)wc), &st);
			if (k == (size_t)-1) {
				memcpy(buf, s, len);
				k = len;
			}
		}
		if (used + k + 1 > cap) {
			char *grown = realloc(out, cap * 2 + k);

			if (grown == NULL) {
				free(out);
				return NULL;
			}
			out = grown;
			cap = cap * 2 + k;
		}
		memcpy(out + used, buf, k);
		used += k;
		s += len;
		n -= len;
	}
	out[used] = '\0';
	return out;
}

void text_tsv_field(FILE *out, const char *s)
{
	size_t n = strlen(s ? s : "");

	while (n > 0) {
		char shown[EXPORT_CHAR_MAX];
		size_t len = 1;

		if (*s == '\t' || *s == '\n' || *s == '\r') {
			fputc(' ', out);
		} else {
			len = export_char(s, n, shown);
			fputs(shown, out);
		}
		s += len;
		n -= len;
	}
}

/* True when every byte of s shows as itself: valid UTF-8 without control
 * characters (C0, DEL, C1). */
static bool plain(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	bool ascii = true;

	for (size_t i = 0; i < n; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f ||
		    (u[i] == 0xc2 && i + 1 < n && u[i + 1] < 0xa0))
			return false;
		ascii = ascii && u[i] < 0x80;
	}
	return ascii || codec_utf8_valid(u, n);
}

void text_put(FILE *out, const char *s)
{
	s = s ? s : "";
	if (plain(s, strlen(s)))
		fputs(s, out);
	else
		export_text(out, s);
}

char *text_shown(const char *s)
{
	size_t n = strlen(s ? s : ""), used = 0;
	/* At most 3 bytes for each byte of s (U+FFFD for an invalid one). */
	char *out = malloc(n * 3 + 1);

	if (out == NULL)
		return NULL;
	while (n > 0) {
		char shown[EXPORT_CHAR_MAX];
		size_t len = export_char(s, n, shown), k = strlen(shown);

		memcpy(out + used, shown, k);
		used += k;
		s += len;
		n -= len;
	}
	out[used] = '\0';
	return out;
}

void text_appendf(char *buf, size_t size, const char *sep, const char *fmt, ...)
{
	size_t len = strlen(buf), seplen = strlen(sep);
	va_list ap;
	int n;

	if (size == 0 || len + 1 >= size)
		return;
	if (len > 0 && len + seplen < size) {
		memcpy(buf + len, sep, seplen + 1);
		len += seplen;
	}
	va_start(ap, fmt);
	n = vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	/* Cut short: drop a last character that lost its end. */
	if (n >= 0 && (size_t)n >= size - len) {
		size_t end = strlen(buf), lead = end;
		unsigned char b;
		size_t need;

		while (lead > len &&
		       ((unsigned char)buf[lead - 1] & 0xc0) == 0x80)
			lead--;
		if (lead > len) {
			lead--; /* the last character's first byte */
			b = (unsigned char)buf[lead];
			need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
			if (lead + need > end)
				buf[lead] = '\0';
		}
	}
}

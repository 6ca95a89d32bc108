/* text.c: display width, truncation and case of UTF-8 strings. */
#include "text.h"

#include <limits.h>
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

int text_width(const char *s)
{
	size_t n = strlen(s);
	int w = 0;

	while (n > 0) {
		wchar_t wc;
		size_t len = decode(s, n, &wc);

		w += char_width(wc);
		s += len;
		n -= len;
	}
	return w;
}

void text_pad(FILE *out, const char *s, int width)
{
	size_t n = strlen(s);
	int w = 0;
	const char *p = s;

	if (text_width(s) <= width) {
		fputs(s, out);
		w = text_width(s);
	} else {
		/* Keep whole characters (with their combining marks) that fit
		 * in width - 1 columns, then the ellipsis. */
		while (n > 0) {
			wchar_t wc;
			size_t len = decode(p, n, &wc);
			int cw = char_width(wc);

			if (w + cw > width - 1)
				break;
			w += cw;
			p += len;
			n -= len;
		}
		fwrite(s, 1, (size_t)(p - s), out);
		if (width > 0) {
			fputs("…", out);
			w++;
		}
	}
	for (; w < width; w++)
		fputc(' ', out);
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
		size_t len = decode(s, n, &wc), k;
		char buf[MB_LEN_MAX];

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
	for (; s != NULL && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

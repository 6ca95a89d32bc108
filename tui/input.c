/* input.c: what a referent types in a field, parsed. */
#include "input.h"
#include "model.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

static const char *skip_blanks(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

bool input_parse_time(const char *s, int *minute)
{
	int h = 0, m = 0, digits = 0;

	s = skip_blanks(s);
	if (*s == '\0') {
		*minute = APPT_NO_TIME;
		return true;
	}
	while (isdigit((unsigned char)*s) && digits < 2)
		h = h * 10 + (*s++ - '0'), digits++;
	if (digits == 0)
		return false;
	if (*s == ':' || *s == 'h' || *s == 'H') {
		s++;
		if (isdigit((unsigned char)s[0]) &&
		    isdigit((unsigned char)s[1])) {
			m = (s[0] - '0') * 10 + (s[1] - '0');
			s += 2;
		} else if (*s != '\0' && *s != ' ') {
			return false;
		}
	}
	if (*skip_blanks(s) != '\0' || h > 23 || m > 59)
		return false;
	*minute = h * 60 + m;
	return true;
}

bool input_parse_number(const char *s, long *hundredths)
{
	long whole = 0, frac = 0;
	int digits = 0, fdigits = 0;

	s = skip_blanks(s);
	while (isdigit((unsigned char)*s) && digits < 6)
		whole = whole * 10 + (*s++ - '0'), digits++;
	if (digits == 0)
		return false;
	if (*s == ',' || *s == '.') {
		s++;
		while (isdigit((unsigned char)*s) && fdigits < 2)
			frac = frac * 10 + (*s++ - '0'), fdigits++;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*skip_blanks(s) != '\0')
		return false;
	*hundredths = whole * 100 + frac;
	return true;
}

/* ---- a line being edited ---- */

/* Columns of one character as a field shows it: a control character (in
 * a stored value) shows as one replacement cell. */
static int char_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* A combining mark belongs to the cluster of the letter before it. */
static bool joins(const struct input_line *l, size_t i)
{
	return i > 0 && i < l->len && !iswcntrl((wint_t)l->s[i]) &&
	       wcwidth(l->s[i]) == 0;
}

static size_t next_cluster(const struct input_line *l, size_t i)
{
	if (i >= l->len)
		return l->len;
	i++;
	while (joins(l, i))
		i++;
	return i;
}

static size_t prev_cluster(const struct input_line *l, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (joins(l, i))
		i--;
	return i;
}

static bool grow(struct input_line *l, size_t need)
{
	size_t cap = l->cap ? l->cap : 32;
	wchar_t *s;

	if (need < l->cap)
		return true;
	while (cap <= need)
		cap *= 2;
	s = realloc(l->s, cap * sizeof *s);
	if (s == NULL)
		return false;
	l->s = s;
	l->cap = cap;
	return true;
}

bool input_line_set(struct input_line *l, const char *text)
{
	struct input_line n = { 0 };
	size_t len = text ? strlen(text) : 0, i = 0;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	if (!grow(&n, len + 1))
		return false;
	while (i < len) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, text + i, len - i, &st);

		if (k == (size_t)-1 || k == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = 0xFFFD;
			k = 1;
		} else if (k == 0) {
			k = 1;
		}
		n.s[n.len++] = wc;
		i += k;
	}
	n.s[n.len] = L'\0';
	n.cur = n.len;
	free(l->s);
	*l = n;
	return true;
}

char *input_line_text(const struct input_line *l)
{
	size_t len = l->len, size, o = 0;
	char *out;
	mbstate_t st;

	while (len > 0 && l->s[len - 1] == L' ')
		len--;
	size = len * MB_LEN_MAX + 1;
	out = malloc(size);
	if (out == NULL)
		return NULL;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < len; i++) {
		size_t k = wcrtomb(out + o, l->s[i], &st);

		if (k == (size_t)-1) {
			memset(&st, 0, sizeof st);
			out[o] = '?';
			k = 1;
		}
		o += k;
	}
	out[o] = '\0';
	return out;
}

void input_line_free(struct input_line *l)
{
	free(l->s);
	memset(l, 0, sizeof *l);
}

bool input_line_insert(struct input_line *l, wchar_t c)
{
	if (iswcntrl((wint_t)c) || !grow(l, l->len + 1))
		return false;
	memmove(l->s + l->cur + 1, l->s + l->cur,
		(l->len - l->cur + 1) * sizeof *l->s);
	l->s[l->cur++] = c;
	l->len++;
	/* Typed before a mark that was the next cluster's? It was joined to
	 * the letter now typed: the cursor goes after the whole cluster. */
	while (joins(l, l->cur))
		l->cur++;
	return true;
}

static void erase_range(struct input_line *l, size_t from, size_t to)
{
	memmove(l->s + from, l->s + to, (l->len - to + 1) * sizeof *l->s);
	l->len -= to - from;
	l->cur = from;
	if (l->left > l->len)
		l->left = l->len;
}

bool input_line_do(struct input_line *l, enum input_move m)
{
	size_t was = l->cur, len = l->len;

	if (l->s == NULL)
		return false;
	switch (m) {
	case INPUT_LEFT:
		l->cur = prev_cluster(l, l->cur);
		break;
	case INPUT_RIGHT:
		l->cur = next_cluster(l, l->cur);
		break;
	case INPUT_HOME:
		l->cur = 0;
		break;
	case INPUT_END:
		l->cur = l->len;
		break;
	case INPUT_DEL_PREV:
		if (l->cur > 0)
			erase_range(l, prev_cluster(l, l->cur), l->cur);
		break;
	case INPUT_DEL_NEXT:
		if (l->cur < l->len)
			erase_range(l, l->cur, next_cluster(l, l->cur));
		break;
	case INPUT_CLEAR:
		erase_range(l, 0, l->len);
		l->left = 0;
		break;
	}
	return l->cur != was || l->len != len;
}

int input_line_columns(const struct input_line *l, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to; i++)
		w += joins(l, i) ? 0 : char_width(l->s[i]);
	return w;
}

size_t input_line_fit(const struct input_line *l, size_t from, int width,
		      int *used)
{
	size_t i = from;
	int w = 0;

	while (i < l->len) {
		size_t next = next_cluster(l, i);
		int cw = input_line_columns(l, i, next);

		if (w + cw > width)
			break;
		w += cw;
		i = next;
	}
	if (used != NULL)
		*used = w;
	return i - from;
}

void input_line_scroll(struct input_line *l, int width)
{
	/* The cursor's cell: the character under it, or a blank at the
	 * end. */
	int at = l->cur < l->len ? input_line_columns(l, l->cur,
						      next_cluster(l, l->cur))
				 : 1;

	if (at < 1)
		at = 1;
	if (l->left > l->cur)
		l->left = l->cur;
	while (l->left < l->cur &&
	       input_line_columns(l, l->left, l->cur) + at > width)
		l->left = next_cluster(l, l->left);
	/* Show as much as fits before the cursor (after an erasure, say). */
	while (l->left > 0 &&
	       input_line_columns(l, prev_cluster(l, l->left), l->cur) + at <=
		       width)
		l->left = prev_cluster(l, l->left);
}

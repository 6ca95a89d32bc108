/* csv.c: an RFC 4180 reader that never reads past its buffer. */
#include "csv.h"
#include "export.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *csv_wide_encoding(const char *data, size_t len)
{
	const unsigned char *b = (const unsigned char *)data;
	size_t n = len < 4096 ? len : 4096, nul = 0, odd = 0;

	if (len >= 4 && (memcmp(b, "\xff\xfe\0\0", 4) == 0 ||
			 memcmp(b, "\0\0\xfe\xff", 4) == 0))
		return "UTF-32";
	if (len >= 2 &&
	    (memcmp(b, "\xff\xfe", 2) == 0 || memcmp(b, "\xfe\xff", 2) == 0))
		return "UTF-16";
	/* Without a mark: Latin text in UTF-16 has a NUL every other byte,
	 * in UTF-32 three in four. Text in UTF-8 has none. */
	for (size_t i = 0; i < n; i++) {
		if (b[i] == 0) {
			nul++;
			odd += i % 2;
		}
	}
	if (n < 4 || nul * 4 < n)
		return NULL;
	if (nul * 8 >= n * 5)
		return "UTF-32";
	return odd * 4 >= nul * 3 || odd * 4 <= nul ? "UTF-16" : NULL;
}

void csv_open(struct csv_reader *r, const char *data, size_t len)
{
	size_t commas = 0, semicolons = 0;
	bool quoted = false;

	r->p = data;
	r->end = data + len;
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
	for (const char *q = r->p;
	     q < r->end && (quoted || (*q != '\n' && *q != '\r')); q++) {
		if (*q == '"')
			quoted = !quoted;
		else if (!quoted && *q == ',')
			commas++;
		else if (!quoted && *q == ';')
			semicolons++;
	}
	r->delimiter = semicolons > commas ? ';' : ',';
}

void csv_record_clear(struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->fields[i]);
	free(rec->fields);
	free(rec->lens);
	rec->fields = NULL;
	rec->lens = NULL;
	rec->n = 0;
}

/* A growing byte buffer for one field, always NUL-terminated. */
struct buf {
	char *s;
	size_t len, cap;
};

static bool ensure(struct buf *b)
{
	if (b->s != NULL)
		return true;
	b->s = malloc(32);
	if (b->s == NULL)
		return false;
	b->s[0] = '\0';
	b->len = 0;
	b->cap = 32;
	return true;
}

static bool put(struct buf *b, char c)
{
	if (!ensure(b))
		return false;
	if (b->len + 2 > b->cap) {
		char *s = realloc(b->s, b->cap * 2);

		if (s == NULL)
			return false;
		b->s = s;
		b->cap *= 2;
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
	return true;
}

/* Hand the buffer over to the record as its next field. */
static bool add_field(struct csv_record *rec, struct buf *b)
{
	char **grown;
	size_t *lens;

	if (!ensure(b))
		return false;
	grown = realloc(rec->fields, (rec->n + 1) * sizeof *grown);
	if (grown == NULL)
		return false;
	rec->fields = grown;
	lens = realloc(rec->lens, (rec->n + 1) * sizeof *lens);
	if (lens == NULL)
		return false;
	rec->lens = lens;
	rec->lens[rec->n] = b->len;
	rec->fields[rec->n++] = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return true;
}

int csv_next(struct csv_reader *r, struct csv_record *rec)
{
	struct buf b = { 0 };
	bool quoted = false, in_field_quotes = false;

	csv_record_clear(rec);
	rec->line = r->line;
	if (r->p >= r->end)
		return 0;
	for (;;) {
		if (r->p >= r->end) {
			if (in_field_quotes) {
				free(b.s);
				return -1;
			}
			break;
		}
		char c = *r->p++;

		if (in_field_quotes) {
			if (c == '"') {
				if (r->p < r->end && *r->p == '"') {
					r->p++;
					if (!put(&b, '"'))
						goto nomem;
				} else {
					in_field_quotes = false;
				}
				continue;
			}
			/* A line break inside quotes: LF, CRLF or a lone CR. */
			if (c == '\n' ||
			    (c == '\r' && (r->p >= r->end || *r->p != '\n')))
				r->line++;
			if (!put(&b, c))
				goto nomem;
			continue;
		}
		if (c == '"' && b.len == 0 && !quoted) {
			in_field_quotes = quoted = true;
			continue;
		}
		if (c == r->delimiter) {
			if (!add_field(rec, &b))
				goto nomem;
			quoted = false;
			continue;
		}
		if (c == '\r' && r->p < r->end && *r->p == '\n')
			continue; /* CRLF: the LF ends the record */
		if (c == '\n' || c == '\r') {
			r->line++;
			break;
		}
		if (!put(&b, c))
			goto nomem;
	}
	if (!add_field(rec, &b))
		goto nomem;
	return 1;
nomem:
	free(b.s);
	csv_record_clear(rec);
	return -1;
}

/*
 * A phone number a spreadsheet can only read as text: '+', a digit, then
 * digits in groups split by spaces or dots ("+33 6 12 34 56 78",
 * "+33.6.12.34.56.78"). Neither a number (a space, or two dots) nor a sum
 * (no '-'), and without a letter no function, reference or link.
 */
static bool plain_phone(const char *s)
{
	size_t spaces = 0, dots = 0;

	if (s[0] != '+' || s[1] < '0' || s[1] > '9')
		return false;
	for (s++; *s; s++) {
		if (*s == ' ')
			spaces++;
		else if (*s == '.')
			dots++;
		else if (*s < '0' || *s > '9')
			return false;
	}
	return spaces > 0 || dots > 1;
}

static bool needs_mark(const char *s, enum csv_guard guard)
{
	if (guard == CSV_GUARD_NONE || s[0] == '\0' ||
	    strchr("=+-@\t\r", s[0]) == NULL)
		return false;
	return !(guard == CSV_GUARD_PHONE && plain_phone(s));
}

void csv_write_field(FILE *out, const char *s, char delimiter,
		     enum csv_guard guard)
{
	bool quote = strchr(s, delimiter) != NULL || strpbrk(s, "\"\n") != NULL;
	size_t n = strlen(s);
	char shown[EXPORT_CHAR_MAX];

	if (quote)
		fputc('"', out);
	if (needs_mark(s, guard))
		fputc('\'', out);
	while (n > 0) {
		size_t len = 1;

		if (*s == '"') {
			fputs("\"\"", out);
		} else if (*s == '\t' || *s == '\n') {
			fputc(*s, out);
		} else {
			len = export_char(s, n, shown);
			fputs(shown, out);
		}
		s += len;
		n -= len;
	}
	if (quote)
		fputc('"', out);
}

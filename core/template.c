/* template.c: {{ name }} placeholders filled in, line by line. */
#include "template.h"
#include "error.h"
#include "i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing output text. */
struct buf {
	char *s;
	size_t len, cap;
	bool nomem;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *grown;

		while (cap < b->len + n + 1)
			cap *= 2;
		grown = realloc(b->s, cap);
		if (grown == NULL) {
			b->nomem = true;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* U+FFFD, for what XML cannot hold. */
#define REPLACEMENT "\xef\xbf\xbd"

/*
 * How many bytes of `s` make one character that XML 1.0 allows (2.2
 * Char: tab, line feed, carriage return, U+0020 to U+D7FF, U+E000 to
 * U+FFFD, U+10000 to U+10FFFF, as valid UTF-8); 0 when the character
 * there is not one: a control character, a surrogate, U+FFFE or U+FFFF,
 * or bytes that are no UTF-8. A document holding one is not well formed
 * even escaped, and LibreOffice refuses it.
 */
static size_t xml_char(const unsigned char *s)
{
	unsigned cp;
	size_t n;

	if (*s < 0x80)
		return *s >= 0x20 || *s == '\t' || *s == '\n' || *s == '\r';
	if (*s >= 0xc2 && *s <= 0xdf)
		n = 2, cp = *s & 0x1fu;
	else if (*s >= 0xe0 && *s <= 0xef)
		n = 3, cp = *s & 0x0fu;
	else if (*s >= 0xf0 && *s <= 0xf4)
		n = 4, cp = *s & 0x07u;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe ||
	    cp == 0xffff)
		return 0;
	return n;
}

static void put_escaped(struct buf *b, const char *v, enum template_escape esc)
{
	for (; v != NULL && *v; v++) {
		const char *e = NULL;

		if (esc == TEMPLATE_XML) {
			size_t n = xml_char((const unsigned char *)v);

			if (n == 0) {
				/* One replacement for the whole bad byte run
				 * of a character: its lead byte and what
				 * continues it. */
				put(b, REPLACEMENT, sizeof REPLACEMENT - 1);
				while ((v[1] & 0xc0) == 0x80)
					v++;
				continue;
			}
			if (n > 1) {
				put(b, v, n);
				v += n - 1;
				continue;
			}
			switch (*v) {
			case '&':
				e = "&amp;";
				break;
			case '<':
				e = "&lt;";
				break;
			case '>':
				e = "&gt;";
				break;
			case '"':
				e = "&quot;";
				break;
			case '\'':
				e = "&apos;";
				break;
			default:
				break;
			}
		}
		if (e != NULL)
			put(b, e, strlen(e));
		else
			put(b, v, 1);
	}
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/*
 * The placeholder at p ("{{", end `end`): its name into name[], *next past
 * its "}}". False with *cause set when it is not one.
 */
static bool placeholder(const char *p, const char *end, size_t line,
			char name[TEMPLATE_NAME_MAX + 1], const char **next,
			char **cause)
{
	const char *q = p + 2, *from;
	size_t n;

	while (q < end && *q == ' ')
		q++;
	from = q;
	while (q < end && name_char(*q))
		q++;
	n = (size_t)(q - from);
	while (q < end && *q == ' ')
		q++;
	/* LibreOffice or Word put a tag (a span of style, a spelling mark)
	 * inside the braces when a placeholder was typed in two goes. */
	if (q < end && *q == '<') {
		error_set(cause, PC_EINVAL,
			  _("line %zu: a placeholder cut by a tag (a change "
			    "of style inside the braces): type it again in "
			    "one go, \"{{\" to \"}}\""),
			  line);
		return false;
	}
	if (q + 1 >= end || q[0] != '}' || q[1] != '}' ||
	    memchr(p, '\n', (size_t)(q - p)) != NULL) {
		error_set(cause, PC_EINVAL,
			  _("line %zu: \"{{\" without its \"}}\" on the line, "
			    "or not a name between them"),
			  line);
		return false;
	}
	if (n == 0 || n > TEMPLATE_NAME_MAX) {
		error_set(cause, PC_EINVAL,
			  _("line %zu: a placeholder needs a name of at most "
			    "%d letters, digits, '_' or '.'"),
			  line, TEMPLATE_NAME_MAX);
		return false;
	}
	memcpy(name, from, n);
	name[n] = '\0';
	*next = q + 2;
	return true;
}

/* Walk `src`: text to `out` (unless NULL), each placeholder to `each`. */
typedef int (*placeholder_fn)(const char *name, size_t line, void *arg,
			      char **cause);

static int walk(const char *src, size_t len, struct buf *out,
		placeholder_fn each, void *arg, char **cause)
{
	const char *p = src, *end = src + len;
	size_t line = 1;

	while (p < end) {
		const char *open = NULL;
		char name[TEMPLATE_NAME_MAX + 1];
		int rc;

		for (const char *q = p; q + 1 < end; q++) {
			if (q[0] == '{' && q[1] == '{') {
				open = q;
				break;
			}
		}
		if (open == NULL)
			open = end;
		for (const char *q = p; q < open; q++)
			line += *q == '\n';
		if (out != NULL)
			put(out, p, (size_t)(open - p));
		if (open == end)
			break;
		if (!placeholder(open, end, line, name, &p, cause))
			return PC_EINVAL;
		rc = each(name, line, arg, cause);
		if (rc != PC_OK)
			return rc;
	}
	return PC_OK;
}

struct render {
	struct buf *out;
	enum template_escape esc;
	const struct template_value *vars;
	size_t n;
};

static int render_one(const char *name, size_t line, void *arg, char **cause)
{
	struct render *r = arg;

	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->vars[i].name, name) == 0) {
			put_escaped(r->out, r->vars[i].value, r->esc);
			return PC_OK;
		}
	}
	return error_set(cause, PC_EINVAL,
			 _("line %zu: unknown placeholder {{%s}}"), line, name);
}

int template_render(const char *src, size_t len, enum template_escape esc,
		    const struct template_value *vars, size_t n, char **out,
		    size_t *out_len, char **cause)
{
	struct buf b = { 0 };
	struct render r = { &b, esc, vars, n };
	int rc;

	*out = NULL;
	put(&b, "", 0); /* an empty template is an empty text */
	rc = walk(src, len, &b, render_one, &r, cause);
	if (rc == PC_OK && b.nomem)
		rc = PC_ENOMEM;
	if (rc != PC_OK) {
		free(b.s);
		return rc;
	}
	*out = b.s;
	if (out_len != NULL)
		*out_len = b.len;
	return PC_OK;
}

struct names {
	char **v;
	size_t n, cap;
};

static int name_one(const char *name, size_t line, void *arg, char **cause)
{
	struct names *l = arg;

	(void)line;
	(void)cause;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], name) == 0)
			return PC_OK;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		char **grown = realloc(l->v, cap * sizeof *grown);

		if (grown == NULL)
			return PC_ENOMEM;
		l->v = grown;
		l->cap = cap;
	}
	if ((l->v[l->n] = strdup(name)) == NULL)
		return PC_ENOMEM;
	l->n++;
	return PC_OK;
}

int template_names(const char *src, size_t len, char ***names, size_t *n,
		   char **cause)
{
	struct names l = { 0 };
	int rc = walk(src, len, NULL, name_one, &l, cause);

	if (rc != PC_OK) {
		template_names_free(l.v, l.n);
		*names = NULL;
		*n = 0;
		return rc;
	}
	*names = l.v;
	*n = l.n;
	return PC_OK;
}

void template_names_free(char **names, size_t n)
{
	for (size_t i = 0; names != NULL && i < n; i++)
		free(names[i]);
	free(names);
}

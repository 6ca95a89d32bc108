/* json.c: recursive descent with a depth limit and bounds on every read. */
#include "json.h"
#include "codec.h"
#include "error.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

struct parser {
	const char *start; /* the text, for offsets */
	const char *p, *end;
	size_t line;
	int depth;
	char **cause;
	bool failed;
	bool nomem; /* the failure was memory, not the document */
	bool fractions; /* json_parse_fractions */
	bool shallow;	/* json_parse_shallow */
	void (*read)(void *); /* json_parse_shallow's, and its argument */
	void *read_arg;
};

static void fail(struct parser *ps, const char *what)
{
	if (!ps->failed)
		error_set(ps->cause, PC_EINVAL, _("line %zu: %s"), ps->line,
			  what);
	ps->failed = true;
}

static void out_of_memory(struct parser *ps)
{
	fail(ps, _("out of memory"));
	ps->nomem = true;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end) {
		if (*ps->p == '\n')
			ps->line++;
		else if (*ps->p != ' ' && *ps->p != '\t' && *ps->p != '\r')
			return;
		ps->p++;
	}
}

static bool literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return false;
	ps->p += n;
	return true;
}

static void put_utf8(char *o, size_t *k, uint32_t cp)
{
	if (cp < 0x80) {
		o[(*k)++] = (char)cp;
	} else if (cp < 0x800) {
		o[(*k)++] = (char)(0xc0 | cp >> 6);
		o[(*k)++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		o[(*k)++] = (char)(0xe0 | cp >> 12);
		o[(*k)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[(*k)++] = (char)(0x80 | (cp & 0x3f));
	} else {
		o[(*k)++] = (char)(0xf0 | cp >> 18);
		o[(*k)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		o[(*k)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[(*k)++] = (char)(0x80 | (cp & 0x3f));
	}
}

static bool hex4(struct parser *ps, uint32_t *v)
{
	*v = 0;
	if (ps->end - ps->p < 4)
		return false;
	for (int i = 0; i < 4; i++) {
		char c = *ps->p++;

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (uint32_t)(c - 'A' + 10);
		else
			return false;
	}
	return true;
}

/* After the opening quote; returns a malloc'd string or NULL. */
static char *string(struct parser *ps)
{
	const char *start = ps->p;
	size_t cap, k = 0;
	char *o;

	/* The decoded string is never longer than the source. */
	while (ps->p < ps->end && *ps->p != '"')
		ps->p += *ps->p == '\\' && ps->p + 1 < ps->end ? 2 : 1;
	if (ps->p >= ps->end) {
		fail(ps, _("a string is not closed"));
		return NULL;
	}
	cap = (size_t)(ps->p - start) + 1;
	ps->p = start;
	o = malloc(cap);
	if (o == NULL) {
		out_of_memory(ps);
		return NULL;
	}
	while (*ps->p != '"') {
		unsigned char c = (unsigned char)*ps->p++;
		uint32_t cp, lo;

		if (c < 0x20) {
			fail(ps, _("a control character inside a string"));
			goto bad;
		}
		if (c != '\\') {
			o[k++] = (char)c;
			continue;
		}
		switch (*ps->p++) {
		case '"':
			o[k++] = '"';
			break;
		case '\\':
			o[k++] = '\\';
			break;
		case '/':
			o[k++] = '/';
			break;
		case 'b':
			o[k++] = '\b';
			break;
		case 'f':
			o[k++] = '\f';
			break;
		case 'n':
			o[k++] = '\n';
			break;
		case 'r':
			o[k++] = '\r';
			break;
		case 't':
			o[k++] = '\t';
			break;
		case 'u':
			if (!hex4(ps, &cp))
				goto bad_escape;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (ps->end - ps->p < 6 || ps->p[0] != '\\' ||
				    ps->p[1] != 'u')
					goto bad_escape;
				ps->p += 2;
				if (!hex4(ps, &lo) || lo < 0xdc00 ||
				    lo > 0xdfff)
					goto bad_escape;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (lo - 0xdc00);
			} else if ((cp >= 0xdc00 && cp <= 0xdfff) || cp == 0) {
				goto bad_escape;
			}
			/* \uXXXX takes 6 bytes, its UTF-8 at most 4. */
			put_utf8(o, &k, cp);
			break;
		default:
			goto bad_escape;
		}
	}
	ps->p++; /* the closing quote */
	o[k] = '\0';
	if (!codec_utf8_valid((const uint8_t *)o, k)) {
		fail(ps, _("a string is not valid UTF-8"));
		free(o);
		return NULL;
	}
	return o;
bad_escape:
	fail(ps, _("a bad escape in a string"));
bad:
	free(o);
	return NULL;
}

static bool value(struct parser *ps, struct json *v);

static bool grow(struct json *v, size_t *cap, bool with_keys)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	struct json *items;

	if (v->n < *cap)
		return true;
	items = realloc(v->items, ncap * sizeof *items);
	if (items == NULL)
		return false;
	v->items = items;
	if (with_keys) {
		char **keys = realloc(v->keys, ncap * sizeof *keys);

		if (keys == NULL)
			return false;
		v->keys = keys;
	}
	*cap = ncap;
	return true;
}

/* After an element or member: 1 for ',' (another follows), 0 for the
 * closing character, -1 (after reporting `what`, translated only then:
 * a lookup per member was a third of a load) for anything else. */
static int after_item(struct parser *ps, char close, const char *what)
{
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ',') {
		ps->p++;
		return 1;
	}
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return 0;
	}
	fail(ps, _(what));
	return -1;
}

static void clear(struct json *v);

/* A member of the root object in a shallow parse: every element read and
 * checked, none kept (at most one in memory). */
static bool array_unkept(struct parser *ps)
{
	for (size_t n = 1;; n++) {
		struct json item;
		bool ok = value(ps, &item);

		clear(&item);
		if (!ok)
			return false;
		if (ps->read != NULL && n % JSON_SHALLOW_EVERY == 0)
			ps->read(ps->read_arg);
		switch (after_item(ps, ']', N_("expected ',' or ']'"))) {
		case 1:
			continue;
		case 0:
			return true;
		default:
			return false;
		}
	}
}

static bool array(struct parser *ps, struct json *v)
{
	size_t cap = 0;

	v->type = JSON_ARRAY;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return true;
	}
	if (ps->shallow && ps->depth == 2)
		return array_unkept(ps);
	for (;;) {
		if (!grow(v, &cap, false)) {
			out_of_memory(ps);
			return false;
		}
		/* Counted before it is read, so a half-read element is freed
		 * with the rest when the document turns out wrong. */
		v->n++;
		if (!value(ps, &v->items[v->n - 1]))
			return false;
		switch (after_item(ps, ']', N_("expected ',' or ']'"))) {
		case 1:
			continue;
		case 0:
			return true;
		default:
			return false;
		}
	}
}

static bool object(struct parser *ps, struct json *v)
{
	size_t cap = 0;

	v->type = JSON_OBJECT;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return true;
	}
	for (;;) {
		char *key;

		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != '"') {
			fail(ps, _("expected a key in quotes"));
			return false;
		}
		ps->p++;
		key = string(ps);
		if (key == NULL)
			return false;
		if (!grow(v, &cap, true)) {
			free(key);
			out_of_memory(ps);
			return false;
		}
		v->keys[v->n] = key;
		memset(&v->items[v->n], 0, sizeof v->items[v->n]);
		v->n++;
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != ':') {
			fail(ps, _("expected ':'"));
			return false;
		}
		ps->p++;
		if (!value(ps, &v->items[v->n - 1]))
			return false;
		switch (after_item(ps, '}', N_("expected ',' or '}'"))) {
		case 1:
			continue;
		case 0:
			return true;
		default:
			return false;
		}
	}
}

static bool number(struct parser *ps, struct json *v)
{
	bool neg = false;
	uint64_t n = 0;
	int digits = 0;

	if (*ps->p == '-') {
		neg = true;
		ps->p++;
	}
	while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
		if (n > (UINT64_C(1) << 62)) {
			fail(ps, _("a number too large"));
			return false;
		}
		n = n * 10 + (uint64_t)(*ps->p++ - '0');
		digits++;
	}
	/* A fraction (a median's half day), read as its whole part. */
	if (ps->fractions && digits > 0 && ps->p + 1 < ps->end &&
	    *ps->p == '.' && ps->p[1] >= '0' && ps->p[1] <= '9')
		for (ps->p++; ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9';)
			ps->p++;
	if (digits == 0 ||
	    (ps->p < ps->end &&
	     (*ps->p == '.' || *ps->p == 'e' || *ps->p == 'E'))) {
		fail(ps, _("expected a whole number"));
		return false;
	}
	v->type = JSON_INT;
	v->i = neg ? -(int64_t)n : (int64_t)n;
	return true;
}

static bool value(struct parser *ps, struct json *v)
{
	bool ok;

	memset(v, 0, sizeof *v);
	skip_ws(ps);
	v->line = ps->line;
	v->off = (size_t)(ps->p - ps->start);
	if (ps->p >= ps->end) {
		fail(ps, _("unexpected end of the document"));
		return false;
	}
	if (++ps->depth > JSON_MAX_DEPTH) {
		fail(ps, _("nested too deep"));
		return false;
	}
	switch (*ps->p) {
	case '{':
		ps->p++;
		ok = object(ps, v);
		break;
	case '[':
		ps->p++;
		ok = array(ps, v);
		break;
	case '"':
		ps->p++;
		v->type = JSON_STRING;
		v->s = string(ps);
		ok = v->s != NULL;
		break;
	case 't':
	case 'f':
		v->type = JSON_BOOL;
		v->b = *ps->p == 't';
		ok = literal(ps, v->b ? "true" : "false");
		if (!ok)
			fail(ps, _("unexpected characters"));
		break;
	case 'n':
		v->type = JSON_NULL;
		ok = literal(ps, "null");
		if (!ok)
			fail(ps, _("unexpected characters"));
		break;
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) {
			ok = number(ps, v);
		} else {
			fail(ps, _("unexpected characters"));
			ok = false;
		}
	}
	ps->depth--;
	return ok;
}

static void clear(struct json *v)
{
	for (size_t i = 0; i < v->n; i++) {
		clear(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->s);
}

void json_free(struct json *v)
{
	if (v == NULL)
		return;
	clear(v);
	free(v);
}

static int parse(struct parser ps, struct json **out)
{
	char **cause = ps.cause;
	struct json *v = calloc(1, sizeof *v);

	if (v == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	if (!value(&ps, v)) {
		json_free(v);
		return ps.nomem ? PC_ENOMEM : PC_EINVAL;
	}
	skip_ws(&ps);
	if (ps.p != ps.end) {
		fail(&ps, _("characters after the document"));
		json_free(v);
		return PC_EINVAL;
	}
	*out = v;
	return PC_OK;
}

int json_parse(const char *text, size_t len, struct json **out, char **cause)
{
	struct parser ps = { .start = text,
			     .p = text,
			     .end = text + len,
			     .line = 1,
			     .cause = cause };

	return parse(ps, out);
}

int json_parse_fractions(const char *text, size_t len, struct json **out,
			 char **cause)
{
	struct parser ps = { .start = text,
			     .p = text,
			     .end = text + len,
			     .line = 1,
			     .cause = cause,
			     .fractions = true };

	return parse(ps, out);
}

int json_parse_shallow(const char *text, size_t len, void (*read)(void *),
		       void *arg, struct json **out, char **cause)
{
	struct parser ps = { .start = text,
			     .p = text,
			     .end = text + len,
			     .line = 1,
			     .cause = cause,
			     .shallow = true,
			     .read = read,
			     .read_arg = arg };

	return parse(ps, out);
}

void json_items_begin(struct json_items *it, const char *text, size_t len,
		      const struct json *array)
{
	it->text = text;
	it->end = text + len;
	it->p = array->off < len ? text + array->off : it->end;
	it->line = array->line;
	it->first = true;
	it->done = false;
}

int json_items_next(struct json_items *it, struct json **item, char **cause)
{
	/* An element of a member of the root: two levels down, as in the
	 * parse of the whole document, so depth and lines come out alike. */
	struct parser ps = { .start = it->text,
			     .p = it->p,
			     .end = it->end,
			     .line = it->line,
			     .depth = 2,
			     .cause = cause };
	struct json *v;
	int more;

	*item = NULL;
	if (it->done)
		return PC_OK;
	if (it->first) {
		if (ps.p >= ps.end || *ps.p != '[') {
			fail(&ps, _("expected a list"));
			return PC_EINVAL;
		}
		ps.p++;
		skip_ws(&ps);
		if (ps.p < ps.end && *ps.p == ']') {
			it->done = true;
			return PC_OK;
		}
	}
	if ((v = calloc(1, sizeof *v)) == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	if (!value(&ps, v)) {
		json_free(v);
		return ps.nomem ? PC_ENOMEM : PC_EINVAL;
	}
	more = after_item(&ps, ']', N_("expected ',' or ']'"));
	if (more < 0) {
		json_free(v);
		return PC_EINVAL;
	}
	it->first = false;
	it->done = more == 0;
	it->p = ps.p;
	it->line = ps.line;
	*item = v;
	return PC_OK;
}

const struct json *json_get(const struct json *v, const char *key)
{
	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return &v->items[i];
	return NULL;
}

void json_write_string(FILE *out, const char *s)
{
	const char *run;

	if (s == NULL) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	/* What needs no escape goes out in runs: a character at a time was
	 * most of the time of a dump. */
	for (run = s; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s - run), out);
		run = s + 1;
		switch (c) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			fprintf(out, "\\u%04x", c);
		}
	}
	fwrite(run, 1, (size_t)(s - run), out);
	fputc('"', out);
}

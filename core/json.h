/* json.h: a small JSON reader (a tree) and the writer helpers we share. */
#ifndef PARCOURS_JSON_H
#define PARCOURS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_INT, /* numbers are whole: all parcours writes */
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

/* One value. Strings are NUL-terminated UTF-8 (embedded NULs refused). */
struct json {
	enum json_type type;
	bool b;
	int64_t i;
	char *s;
	struct json *items; /* array elements, or object values */
	char **keys;	    /* object keys, parallel to items */
	size_t n;
	size_t line; /* where the value starts, for messages */
	size_t off;  /* the byte where it starts in the text parsed */
};

/* Nesting deeper than this is refused (no stack overflow on hostile input). */
#define JSON_MAX_DEPTH 32

/*
 * Parse `len` bytes (`text` need not end in NUL). Returns PC_OK and a tree
 * the caller frees with json_free(), or PC_EINVAL with "line N: what is
 * wrong" in *cause (PC_ENOMEM: memory ran out); *out is untouched then.
 */
int json_parse(const char *text, size_t len, struct json **out, char **cause);

/* As json_parse, but a number with a fraction (12.5, as an export's
 * medians) is accepted and read as its whole part (12). */
int json_parse_fractions(const char *text, size_t len, struct json **out,
			 char **cause);

/*
 * As json_parse, for a document too big to hold as a tree: the arrays that
 * are members of the root object are read and checked (the same errors,
 * at the same lines) but not kept: each has n 0, and json_items_begin()
 * reads its elements again, one at a time, from the same text. `read`,
 * unless NULL, is called with `arg` every JSON_SHALLOW_EVERY elements (a
 * caller whose text is a mapped file lets its pages go).
 */
#define JSON_SHALLOW_EVERY 256
int json_parse_shallow(const char *text, size_t len, void (*read)(void *),
		       void *arg, struct json **out, char **cause);

/* Where a reading of an array's elements has got to; see json_items_next. */
struct json_items {
	const char *text, *p, *end;
	size_t line;
	bool first, done;
};

/* Start reading the elements of `array`, which a parse of `text` (`len`
 * bytes, as parsed) made: the elements json_parse_shallow left unread. */
void json_items_begin(struct json_items *it, const char *text, size_t len,
		      const struct json *array);

/*
 * The next element into *item (a tree the caller frees with json_free),
 * or *item NULL after the last. PC_EINVAL ("line N: what") when the text
 * is not what was parsed, PC_ENOMEM; *item is NULL then.
 */
int json_items_next(struct json_items *it, struct json **item, char **cause);

/* Free a tree json_parse made; NULL is accepted. */
void json_free(struct json *v);

/* The member `key` of an object (inside v), or NULL, also when v is NULL or
 * no object. */
const struct json *json_get(const struct json *v, const char *key);

/* Write s as a JSON string, escaped; NULL is written as null. */
void json_write_string(FILE *out, const char *s);

#endif

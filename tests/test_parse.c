/* test_parse.c: the CSV and JSON readers on good, odd and hostile input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "json.h"

static void csv_quotes_and_lines(void **state)
{
	const char text[] =
		"\xef\xbb\xbfnom;pr\xc3\xa9nom;note\r\n"
		"\"Dupont; dit \"\"Jo\"\"\";Jean;\"deux\nlignes\"\r\n"
		"Martin;;\r\n"
		"\n"
		"last";
	struct csv_reader r;
	struct csv_record rec = { 0 };

	(void)state;
	csv_open(&r, text, strlen(text));
	assert_int_equal(r.delimiter, ';');
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.n, 3);
	assert_string_equal(rec.fields[0], "nom");
	assert_string_equal(rec.fields[1], "prénom");
	assert_int_equal(rec.line, 1);
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 2);
	assert_string_equal(rec.fields[0], "Dupont; dit \"Jo\"");
	assert_string_equal(rec.fields[1], "Jean");
	assert_string_equal(rec.fields[2], "deux\nlignes");
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 4); /* the quoted line break counted */
	assert_int_equal(rec.n, 3);
	assert_string_equal(rec.fields[1], "");
	assert_string_equal(rec.fields[2], "");
	assert_int_equal(csv_next(&r, &rec), 1); /* a blank line */
	assert_int_equal(rec.n, 1);
	assert_string_equal(rec.fields[0], "");
	assert_int_equal(csv_next(&r, &rec), 1); /* no final newline */
	assert_string_equal(rec.fields[0], "last");
	assert_int_equal(csv_next(&r, &rec), 0);
	csv_record_clear(&rec);
}

static void csv_comma_and_open_quote(void **state)
{
	const char text[] = "a,b\n\"never closed,x\n";
	struct csv_reader r;
	struct csv_record rec = { 0 };

	(void)state;
	csv_open(&r, text, strlen(text));
	assert_int_equal(r.delimiter, ',');
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(csv_next(&r, &rec), -1);
	assert_int_equal(rec.line, 2);
	csv_record_clear(&rec);
	/* Empty input: no record at all. */
	csv_open(&r, "", 0);
	assert_int_equal(csv_next(&r, &rec), 0);
}

static struct json *parse(const char *text, int expect, const char *msg)
{
	struct json *v = NULL;
	char *cause = NULL;
	int rc = json_parse(text, strlen(text), &v, &cause);

	assert_int_equal(rc, expect);
	if (msg != NULL) {
		assert_non_null(cause);
		if (strstr(cause, msg) == NULL)
			fail_msg("'%s' lacks '%s'", cause, msg);
	}
	free(cause);
	return v;
}

static void json_values(void **state)
{
	struct json *v = parse(
		"{\"a\": [1, -2, true, false, null], \"s\": \"\\u00e9t\\u00e9 "
		"\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\", \"o\": {}, \"e\": "
		"[]}",
		PC_OK, NULL);
	const struct json *a, *s;

	(void)state;
	a = json_get(v, "a");
	assert_non_null(a);
	assert_int_equal(a->type, JSON_ARRAY);
	assert_int_equal(a->n, 5);
	assert_int_equal(a->items[1].i, -2);
	assert_true(a->items[2].b);
	assert_int_equal(a->items[4].type, JSON_NULL);
	s = json_get(v, "s");
	assert_string_equal(s->s, "été 😀 \"q\" \\ / \n");
	assert_int_equal(json_get(v, "o")->type, JSON_OBJECT);
	assert_int_equal(json_get(v, "e")->n, 0);
	assert_null(json_get(v, "missing"));
	assert_null(json_get(a, "a"));
	json_free(v);
}

static void json_bad(void **state)
{
	char deep[200];

	(void)state;
	assert_null(parse("", PC_EINVAL, "line 1: unexpected end"));
	assert_null(parse("{\"a\": 1,\n}", PC_EINVAL, "line 2"));
	assert_null(parse("[1 2]", PC_EINVAL, "expected ',' or ']'"));
	assert_null(parse("\"open", PC_EINVAL, "not closed"));
	assert_null(parse("\"\\x\"", PC_EINVAL, "bad escape"));
	assert_null(parse("\"\\ud800\"", PC_EINVAL, "bad escape"));
	assert_null(parse("\"\\u0000\"", PC_EINVAL, "bad escape"));
	assert_null(parse("\"a\tb\"", PC_EINVAL, "control character"));
	assert_null(parse("\"\xc3\"", PC_EINVAL, "UTF-8"));
	assert_null(parse("1.5", PC_EINVAL, "whole number"));
	assert_null(parse("99999999999999999999999", PC_EINVAL, "too large"));
	assert_null(parse("tru", PC_EINVAL, "unexpected"));
	assert_null(parse("{} x", PC_EINVAL, "after the document"));
	assert_null(parse("{1: 2}", PC_EINVAL, "key in quotes"));
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	assert_null(parse(deep, PC_EINVAL, "nested too deep"));
}

static void json_garbage(void **state)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	static const char alphabet[] = "{}[]\",:\\u0123456789-truefalsn \n\xc3";
	char buf[64];

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(x % (sizeof buf - 1));
		struct json *v = NULL;
		char *cause = NULL;

		for (size_t i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = alphabet[x % (sizeof alphabet - 1)];
		}
		if (json_parse(buf, n, &v, &cause) == PC_OK)
			json_free(v);
		free(cause);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quotes_and_lines),
		cmocka_unit_test(csv_comma_and_open_quote),
		cmocka_unit_test(json_values),
		cmocka_unit_test(json_bad),
		cmocka_unit_test(json_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

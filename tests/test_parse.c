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

/* Old Mac files end lines with CR alone (issue 10, item 23). */
static void csv_cr_only(void **state)
{
	const char text[] =
		"nom;prenom\rDupont;\"Jean\rLuc\"\rMartin;Zo\xc3\xab\r"
		"Petit;Al\r\n"
		"Roux;Li";
	struct csv_reader r;
	struct csv_record rec = { 0 };

	(void)state;
	csv_open(&r, text, strlen(text));
	assert_int_equal(r.delimiter, ';');
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.n, 2);
	assert_string_equal(rec.fields[1], "prenom");
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 2);
	assert_string_equal(rec.fields[1], "Jean\rLuc");
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 4); /* the quoted CR counted */
	assert_string_equal(rec.fields[0], "Martin");
	assert_string_equal(rec.fields[1], "Zoë");
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 5);
	assert_string_equal(rec.fields[1], "Al"); /* CRLF still one break */
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.line, 6);
	assert_string_equal(rec.fields[0], "Roux");
	assert_int_equal(csv_next(&r, &rec), 0);
	csv_record_clear(&rec);
}

/* A NUL byte does not cut a field silently: its length tells (item 18). */
static void csv_nul_bytes(void **state)
{
	const char text[] = "nom,prenom\nDUPONT\0EXTRA,Jean\n";
	struct csv_reader r;
	struct csv_record rec = { 0 };

	(void)state;
	csv_open(&r, text, sizeof text - 1);
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.lens[0], 3);
	assert_int_equal(csv_next(&r, &rec), 1);
	assert_int_equal(rec.lens[0], 12);
	assert_int_equal(strlen(rec.fields[0]), 6);
	assert_memory_equal(rec.fields[0], "DUPONT\0EXTRA", 12);
	assert_int_equal(rec.lens[1], 4);
	csv_record_clear(&rec);
}

/* UTF-16 and UTF-32 are named, with or without a byte order mark (item
 * 23); UTF-8 and a stray NUL are not mistaken for them. */
static void csv_wide_text(void **state)
{
	static const char le16[] = "\xff\xfen\0o\0m\0,\0p\0\n\0";
	static const char be16[] = "\xfe\xff\0n\0o\0m\0,\0p\0\n";
	static const char le32[] = "\xff\xfe\0\0n\0\0\0";
	static const char be32[] = "\0\0\xfe\xffn\0\0\0";
	static const char bare16[] = "n\0o\0m\0,\0p\0r\0e\0n\0o\0m\0\n\0";
	static const char bare16be[] = "\0n\0o\0m\0,\0p\0r\0e\0n\0o\0m\0\n";
	static const char bare32[] = "n\0\0\0o\0\0\0m\0\0\0,\0\0\0";
	static const char utf8[] = "\xef\xbb\xbfnom,pr\xc3\xa9nom\n";
	static const char stray[] = "nom,prenom\nDUPONT\0EXTRA,Jean\n";

	(void)state;
	assert_string_equal(csv_wide_encoding(le16, sizeof le16 - 1), "UTF-16");
	assert_string_equal(csv_wide_encoding(be16, sizeof be16 - 1), "UTF-16");
	assert_string_equal(csv_wide_encoding(le32, sizeof le32 - 1), "UTF-32");
	assert_string_equal(csv_wide_encoding(be32, sizeof be32 - 1), "UTF-32");
	assert_string_equal(csv_wide_encoding(bare16, sizeof bare16 - 1),
			    "UTF-16");
	assert_string_equal(csv_wide_encoding(bare16be, sizeof bare16be - 1),
			    "UTF-16");
	assert_string_equal(csv_wide_encoding(bare32, sizeof bare32 - 1),
			    "UTF-32");
	assert_null(csv_wide_encoding(utf8, sizeof utf8 - 1));
	assert_null(csv_wide_encoding(stray, sizeof stray - 1));
	assert_null(csv_wide_encoding("", 0));
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
		cmocka_unit_test(csv_cr_only),
		cmocka_unit_test(csv_nul_bytes),
		cmocka_unit_test(csv_wide_text),
		cmocka_unit_test(json_values),
		cmocka_unit_test(json_bad),
		cmocka_unit_test(json_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

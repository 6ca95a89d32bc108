/*
 * test_hostile.c: what exports make of hostile stored text: control
 * characters shown and never obeyed, invalid bytes replaced, long names
 * whole. With `--hostile-db DIR` it only writes such a database, for the
 * black-box tests (tests/cli/hostile_text.sh): the store takes any text,
 * as an older database may hold them. (Invalid UTF-8 it holds is a
 * corrupt record, never read: char_notation tests that case.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "config.h"
#include "error.h"
#include "export.h"
#include "helpers.h"
#include "store.h"

/* Today for every test, as tests/lib.sh has it. */
#define TODAY D(2026, 11, 26)

static const struct {
	const char *last, *first, *phone, *referent;
} hostile[] = {
	{ "\x1b]0;PWNED-BY-CSV\x07"
	  "Evil",
	  "Jean\nFAKE ROW", "\x1b[2J", "Marie Dupont" },
	{ "Del\x7f\bBack",
	  "C1\xc2\x9b"
	  "2J\xc2\x85Next",
	  "06 12 34 56 78", "Marie Dupont" },
	{ "Other", "Referent", "", "\x1b[31mRed\x1b[0m Referent" },
};

static int add_cb(struct store_txn *t, void *arg, char **cause)
{
	const struct participant *p = arg;
	uint64_t id;

	(void)cause;
	return store_participant_add(t, p, &id);
}

/* Write the hostile participants into a new database at dir: PC_OK or
 * the store's code. */
static int make_db(const char *dir, const char *long_name)
{
	struct store *s = NULL;
	char *cause = NULL;
	int rc = store_open(dir, &s, &cause);

	for (size_t i = 0; rc == PC_OK && i <= sizeof hostile / sizeof *hostile;
	     i++) {
		struct participant p;

		participant_init(&p);
		if (i < sizeof hostile / sizeof *hostile) {
			p.last_name = (char *)hostile[i].last;
			p.first_name = (char *)hostile[i].first;
			p.phone = (char *)hostile[i].phone;
			p.referent = (char *)hostile[i].referent;
		} else {
			p.last_name = (char *)long_name;
			p.first_name = (char *)"Long";
			p.referent = (char *)"Marie Dupont";
		}
		p.birth_date = D(1980, 1, 1);
		p.stage = (char *)"freins";
		p.entry_date = D(2025, 1, 12);
		p.stage_since = D(2025, 1, 12);
		rc = store_write(s, add_cb, &p, &cause);
	}
	if (cause != NULL)
		fprintf(stderr, "%s\n", cause);
	free(cause);
	store_close(&s);
	return rc;
}

/* 300 "é": 600 bytes, more than any buffer the exports once had. */
static char *long_name(void)
{
	char *s = malloc(601);

	assert_non_null(s);
	for (int i = 0; i < 300; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);
	s[600] = '\0';
	return s;
}

static void shown(const char *in, size_t n, const char *want, size_t used)
{
	char out[EXPORT_CHAR_MAX];

	assert_int_equal(export_char(in, n, out), used);
	assert_string_equal(out, want);
}

/* ncurses' notation for controls, U+FFFD for what is not UTF-8. */
static void char_notation(void **state)
{
	(void)state;
	shown("\x1b]", 2, "^[", 1);
	shown("\x07", 1, "^G", 1);
	shown("\n", 1, "^J", 1);
	shown("\x7f", 1, "^?", 1);
	shown("\xc2\x9b", 2, "~[", 2);
	shown("\xc2\x85", 2, "~E", 2);
	shown("\xc2\xa0", 2, "\xc2\xa0", 2);
	shown("é", 2, "é", 2);
	shown("€", 3, "€", 3);
	shown("\xf0\x9f\x98\x80", 4, "\xf0\x9f\x98\x80", 4);
	/* Cut, overlong, surrogate, past U+10FFFF, stray: one byte each. */
	shown("\xc3", 1, "\xef\xbf\xbd", 1);
	shown("\xe2\x82", 2, "\xef\xbf\xbd", 1);
	shown("\xc0\xaf", 2, "\xef\xbf\xbd", 1);
	shown("\xe0\x80\xaf", 3, "\xef\xbf\xbd", 1);
	shown("\xed\xa0\x80", 3, "\xef\xbf\xbd", 1);
	shown("\xf4\x90\x80\x80", 4, "\xef\xbf\xbd", 1);
	shown("\xff", 1, "\xef\xbf\xbd", 1);
	shown("\x80", 1, "\xef\xbf\xbd", 1);
	shown("A", 1, "A", 1);
}

struct fixture {
	char *dir;
	struct config *config;
	char *name;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char *cause = NULL;

	if (f == NULL)
		return -1;
	f->dir = helper_tmpdir();
	f->name = long_name();
	if (config_load(helper_default_config(), NULL, &f->config, &cause) !=
		    PC_OK ||
	    make_db(f->dir, f->name) != PC_OK) {
		fprintf(stderr, "setup: %s\n", cause ? cause : "store");
		free(cause);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	config_free(&f->config);
	helper_rmdir(f->dir);
	free(f->name);
	free(f);
	return 0;
}

/* The export of the database in `format`, every referent: a string the
 * caller frees. */
static char *export_of(struct fixture *f, enum export_format format)
{
	struct export_options o = { .format = format, .delimiter = ',' };
	struct store *s = NULL;
	char *cause = NULL, *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	assert_non_null(out);
	assert_int_equal(store_open(f->dir, &s, &cause), PC_OK);
	assert_int_equal(export_caseload(s, f->config, NULL, TODAY,
					 D(2026, 1, 1), D(2026, 12, 31), &o,
					 NULL, out, &cause),
			 PC_OK);
	assert_null(cause);
	store_close(&s);
	assert_int_equal(fclose(out), 0);
	return text;
}

/* Valid UTF-8, no control character but line breaks and tabs: nothing a
 * terminal would obey, whatever the database holds. */
static void assert_clean(const char *text, const char *format)
{
	const unsigned char *u = (const unsigned char *)text;

	if (!codec_utf8_valid(u, strlen(text)))
		fail_msg("%s: not UTF-8", format);
	for (size_t i = 0; u[i]; i++) {
		if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' &&
		     u[i] != '\t') ||
		    u[i] == 0x7f ||
		    (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f))
			fail_msg("%s: control byte 0x%02x at %zu", format, u[i],
				 i);
	}
}

static void exports_clean(void **state)
{
	static const char *const names[] = { "csv", "json", "md", "html" };
	struct fixture *f = *state;

	for (int fmt = EXPORT_CSV; fmt <= EXPORT_HTML; fmt++) {
		char *text = export_of(f, (enum export_format)fmt);

		assert_clean(text, names[fmt]);
		/* ESC is shown, its sequence after it as text. */
		if (fmt == EXPORT_JSON)
			assert_non_null(strstr(text, "\\u001b]0;PWNED"));
		else if (fmt == EXPORT_MD)
			assert_non_null(strstr(text, "^\\[\\]0;PWNED"));
		else
			assert_non_null(strstr(text, "^[]0;PWNED"));
		free(text);
	}
}

/* No name cut: the 300 "é" whole in every format, and nothing after the
 * cut of old (a lone lead byte) since every export is valid UTF-8. */
static void long_names_whole(void **state)
{
	struct fixture *f = *state;

	for (int fmt = EXPORT_CSV; fmt <= EXPORT_HTML; fmt++) {
		char *text = export_of(f, (enum export_format)fmt);

		if (strstr(text, f->name) == NULL)
			fail_msg("format %d: the long name is cut", fmt);
		free(text);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(char_notation),
		cmocka_unit_test_setup_teardown(exports_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(long_names_whole, setup,
						teardown),
	};

	if (argc == 3 && strcmp(argv[1], "--hostile-db") == 0) {
		char *name = long_name();
		int rc = make_db(argv[2], name);

		free(name);
		return rc == PC_OK ? 0 : 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}

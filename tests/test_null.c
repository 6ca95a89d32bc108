/* test_null.c: every release function of core/ takes NULL, a pointer to
 * NULL and what it has already released, without crashing; so does every
 * other function whose header says it takes NULL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "caseload.h"
#include "codec.h"
#include "config.h"
#include "csv.h"
#include "error.h"
#include "fold.h"
#include "helpers.h"
#include "import.h"
#include "json.h"
#include "model.h"
#include "store.h"
#include "summary.h"

static void codec_writer_free_null(void **state)
{
	struct codec_writer w;

	(void)state;
	codec_writer_free(NULL);
	codec_writer_init(&w);
	codec_put_str(&w, 1, "x");
	codec_writer_free(&w);
	assert_null(w.buf);
	codec_writer_free(&w); /* released already */
	assert_null(w.buf);
}

static void config_free_null(void **state)
{
	struct config *c = NULL;

	(void)state;
	config_free(NULL);
	config_free(&c);
	assert_null(c);
}

static void caseload_free_null(void **state)
{
	struct caseload cl = { 0 };

	(void)state;
	caseload_free(NULL);
	caseload_free(&cl);
	caseload_free(&cl);
	assert_null(cl.entries);
	assert_int_equal(cl.n, 0);
}

static void import_report_free_null(void **state)
{
	struct import_report r = { 0 };

	(void)state;
	import_report_free(NULL);
	r.problems = strdup("a problem\n");
	assert_non_null(r.problems);
	import_report_free(&r);
	assert_null(r.problems);
	import_report_free(&r);
	assert_null(r.notices);
}

static void json_free_null(void **state)
{
	(void)state;
	json_free(NULL);
}

static void summary_free_null(void **state)
{
	struct summary s = { 0 };

	(void)state;
	summary_free(NULL);
	summary_free(&s);
	summary_free(&s);
	assert_null(s.rows);
}

static void store_close_null(void **state)
{
	struct store *s = NULL;

	(void)state;
	store_close(NULL);
	store_close(&s);
	assert_null(s);
}

static void store_read_end_null(void **state)
{
	struct store_txn *t = NULL;

	(void)state;
	store_read_end(NULL);
	store_read_end(&t);
	assert_null(t);
}

static void store_rewrite_close_null(void **state)
{
	struct store *s = NULL;
	char *cause = NULL;

	(void)state;
	assert_int_equal(store_rewrite_close(NULL, NULL), PC_EINVAL);
	assert_int_equal(store_rewrite_close(&s, &cause), PC_EINVAL);
	assert_non_null(cause);
	assert_null(s);
	free(cause);
}

/* Closing and ending set the handle to NULL: a second call is harmless. */
static void store_twice(void **state)
{
	char *dir = helper_tmpdir(), *cause = NULL, *path = NULL;
	struct store *s = NULL;
	struct store_txn *t = NULL;

	(void)state;
	assert_true(asprintf(&path, "%s/db", dir) > 0);
	assert_int_equal(store_open(path, &s, &cause), PC_OK);
	assert_int_equal(store_read_begin(s, &t, &cause), PC_OK);
	store_read_end(&t);
	assert_null(t);
	store_read_end(&t);
	store_close(&s);
	assert_null(s);
	store_close(&s);
	assert_int_equal(store_open_exclusive(path, &s, &cause), PC_OK);
	assert_int_equal(store_rewrite_close(&s, &cause), PC_OK);
	assert_null(s);
	assert_int_equal(store_rewrite_close(&s, &cause), PC_EINVAL);
	free(cause);
	helper_rmdir(path); /* the database's files, then the directories */
	helper_rmdir(dir);
}

/* What the headers promise of NULL arguments besides the release ones. */
static void other_null_promises(void **state)
{
	struct config *c = NULL;
	struct codec_writer w;
	struct atomic_file af = { 0 };
	struct csv_record rec = { 0 };
	struct participant_file f = { 0 };
	struct caseload_entry e = { 0 };
	char *cause = NULL, *key;
	pdate d = 7;

	(void)state;
	assert_int_equal(date_parse(NULL, 0, &d), PC_EINVAL);
	assert_int_equal(date_parse_iso(NULL, &d), PC_EINVAL);
	assert_int_equal(d, 7);
	assert_int_equal(config_load(helper_default_config(), NULL, &c, &cause),
			 PC_OK);
	assert_null(config_stage(c, NULL, NULL));
	assert_non_null(config_stage(c, c->stages[0].id, NULL));
	assert_null(config_exit_reason(c, NULL));
	assert_null(config_public(c, NULL));
	config_free(&c);
	assert_null(json_get(NULL, "format"));
	assert_int_equal(model_enum_value(ENUM_GENDER, NULL), -1);
	assert_false(model_list_has(NULL, "rsa"));
	key = fold_key(NULL);
	assert_string_equal(key, "");
	free(key);
	codec_writer_init(&w);
	codec_put_raw(&w, NULL, 0);
	codec_put_bytes(&w, 1, NULL, 0);
	codec_put_str(&w, 2, NULL);
	assert_false(w.failed);
	codec_writer_free(&w);
	/* Released or never filled: cleared again without harm. */
	atomic_abort(&af);
	csv_record_clear(&rec);
	csv_record_clear(&rec);
	participant_file_clear(&f);
	participant_file_clear(&f);
	caseload_entry_clear(&e);
	caseload_entry_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codec_writer_free_null),
		cmocka_unit_test(config_free_null),
		cmocka_unit_test(caseload_free_null),
		cmocka_unit_test(import_report_free_null),
		cmocka_unit_test(json_free_null),
		cmocka_unit_test(summary_free_null),
		cmocka_unit_test(store_close_null),
		cmocka_unit_test(store_read_end_null),
		cmocka_unit_test(store_rewrite_close_null),
		cmocka_unit_test(store_twice),
		cmocka_unit_test(other_null_promises),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_null.c: every release function of core/ takes NULL, a pointer to
 * NULL and what it has already released, without crashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "codec.h"
#include "config.h"
#include "error.h"
#include "helpers.h"
#include "import.h"
#include "json.h"
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

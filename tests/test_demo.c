/* test_demo.c: the demo caseload looks like a real one, reproducibly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "codec.h"
#include "demo.h"
#include "error.h"
#include "helpers.h"

static const pdate today = 20783; /* 2026-11-26 */

static struct store *fill(char *dir, size_t n, uint64_t seed, int expect)
{
	struct demo_options opt = { n, seed, today, 0 };
	struct demo_result res;
	struct store *s = NULL;
	char *cause = NULL;

	assert_int_equal(store_open(dir, &s, &cause), PC_OK);
	assert_int_equal(demo_fill(s, helper_config, &opt, &res, &cause),
			 expect);
	free(cause);
	return s;
}

static void caseload_looks_real(void **state)
{
	char *dir = helper_tmpdir();
	struct store *s = fill(dir, 80, 7, PC_OK);
	struct caseload cl, all;
	size_t per_stage[5] = { 0 }, kinds[FLAG_COUNT] = { 0 }, followup = 0;
	size_t exited = 0, appts = 0;
	char *cause = NULL;

	(void)state;
	assert_int_equal(date_from_ymd(2026, 11, 26), today);
	assert_int_equal(caseload_load(s, helper_config,
				       helper_config->referent, false, today,
				       &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 80);
	assert_int_equal(cl.n_unknown_stage, 0);
	for (size_t i = 0; i < cl.n; i++) {
		const struct caseload_entry *e = &cl.entries[i];
		const struct participant *p = &e->file.p;

		per_stage[e->stage_index]++;
		for (size_t f = 0; f < e->summary.n_flags; f++)
			kinds[e->summary.flags[f].kind]++;
		followup += p->status == STATUS_FOLLOWUP;
		appts += e->file.n_appts;
		assert_string_equal(p->referent, helper_config->referent);
		assert_true(p->entry_date < today);
		assert_true(p->stage_since >= p->entry_date);
		assert_true(p->stage_since <= today);
		assert_true(p->birth_date < today - 18 * 365);
		assert_true(e->file.n_moves >= 1);
		assert_string_equal(e->file.moves[e->file.n_moves - 1].stage,
				    p->stage);
		assert_int_equal(e->file.moves[e->file.n_moves - 1].date,
				 p->stage_since);
		assert_true(codec_utf8_valid((const uint8_t *)p->last_name,
					     strlen(p->last_name)));
	}
	for (int k = 0; k < 5; k++)
		assert_true(per_stage[k] >= 5);
	assert_true(followup >= 3);
	assert_true(appts >= 80 * 5);
	/* Something to do, but not everyone on fire. */
	assert_true(kinds[FLAG_APPOINTMENT_OVERDUE] >= 1);
	assert_true(kinds[FLAG_CONTACT_OVERDUE] + kinds[FLAG_NO_SHOW] >= 2);
	assert_true(kinds[FLAG_CHECKIN_DUE] + kinds[FLAG_CHECKIN_OVERDUE] +
			    kinds[FLAG_READY_TO_EXIT] >=
		    1);
	assert_true(kinds[FLAG_APPOINTMENT_OVERDUE] < 20);
	caseload_free(&cl);

	assert_int_equal(caseload_load(s, helper_config, NULL, true, today,
				       &all, &cause),
			 PC_OK);
	for (size_t i = 0; i < all.n; i++) {
		const struct participant *p = &all.entries[i].file.p;

		if (p->status != STATUS_EXITED)
			continue;
		exited++;
		assert_true(p->exit_date <= today);
		assert_true(p->exit_date >= date_from_ymd(2026, 1, 1));
		assert_non_null(
			config_exit_reason(helper_config, p->exit_reason));
		assert_int_equal(
			config_exit_reason(helper_config, p->exit_reason)
				->positive,
			p->exit_positive);
	}
	assert_int_equal(exited, 10);
	caseload_free(&all);
	store_close(&s);
	helper_rmdir(dir);
}

static void same_seed_same_caseload(void **state)
{
	char *d1 = helper_tmpdir(), *d2 = helper_tmpdir(),
	     *d3 = helper_tmpdir();
	struct store *s1 = fill(d1, 80, 99, PC_OK);
	struct store *s2 = fill(d2, 80, 99, PC_OK);
	struct store *s3 = fill(d3, 80, 100, PC_OK);
	struct caseload a, b, c;
	char *cause = NULL;
	size_t differ = 0;

	(void)state;
	assert_int_equal(
		caseload_load(s1, helper_config, NULL, true, today, &a, &cause),
		0);
	assert_int_equal(
		caseload_load(s2, helper_config, NULL, true, today, &b, &cause),
		0);
	assert_int_equal(
		caseload_load(s3, helper_config, NULL, true, today, &c, &cause),
		0);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		const struct participant_file *x = &a.entries[i].file,
					      *y = &b.entries[i].file;

		assert_string_equal(x->p.last_name, y->p.last_name);
		assert_string_equal(x->p.first_name, y->p.first_name);
		assert_int_equal(x->p.birth_date, y->p.birth_date);
		assert_int_equal(x->n_appts, y->n_appts);
		for (size_t k = 0; k < x->n_appts; k++)
			assert_int_equal(x->appts[k].date, y->appts[k].date);
		if (i < c.n &&
		    strcmp(x->p.last_name, c.entries[i].file.p.last_name) != 0)
			differ++;
	}
	assert_true(differ > 10); /* another seed, another caseload */
	caseload_free(&a);
	caseload_free(&b);
	caseload_free(&c);
	store_close(&s1);
	store_close(&s2);
	store_close(&s3);
	helper_rmdir(d1);
	helper_rmdir(d2);
	helper_rmdir(d3);
}

static void refuses_non_empty(void **state)
{
	char *dir = helper_tmpdir();
	struct store *s = fill(dir, 5, 1, PC_OK);
	struct demo_options opt = { 5, 2, today, 0 };
	struct demo_result res;
	struct caseload cl;
	char *cause = NULL;

	(void)state;
	assert_int_equal(demo_fill(s, helper_config, &opt, &res, &cause),
			 PC_ENOTEMPTY);
	assert_non_null(strstr(cause, "empty"));
	free(cause);
	cause = NULL;
	assert_int_equal(
		caseload_load(s, helper_config, NULL, true, today, &cl, &cause),
		PC_OK);
	assert_int_equal(cl.n, 5 + 1); /* unchanged: 5 current, 1 exited */
	caseload_free(&cl);
	store_close(&s);
	helper_rmdir(dir);
}

static void spread_over_referents(void **state)
{
	char *dir = helper_tmpdir();
	struct store *s = fill(dir, 2500, 3, PC_OK);
	struct store_txn *t;
	char **names, *cause = NULL;
	uint64_t *ids;
	size_t n, n_ids;

	(void)state;
	assert_int_equal(store_read_begin(s, &t, &cause), PC_OK);
	assert_int_equal(store_referents(t, &names, &n), PC_OK);
	assert_int_equal(n, 32); /* 2500 / 80, rounded up */
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(store_caseload_ids(t, names[i], &ids, &n_ids),
				 PC_OK);
		/* About 80 current each, plus their share of exits. */
		assert_true(n_ids >= 20 && n_ids <= 100);
		free(ids);
		free(names[i]);
	}
	free(names);
	assert_int_equal(
		store_caseload_ids(t, helper_config->referent, &ids, &n_ids),
		PC_OK);
	assert_true(n_ids >= 80);
	free(ids);
	store_read_end(&t);
	store_close(&s);
	helper_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(caseload_looks_real),
		cmocka_unit_test(same_seed_same_caseload),
		cmocka_unit_test(refuses_non_empty),
		cmocka_unit_test(spread_over_referents),
	};

	return cmocka_run_group_tests(tests, helper_config_load,
				      helper_config_free);
}

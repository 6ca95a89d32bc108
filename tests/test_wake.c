/*
 * test_wake.c: the attention index (wake.h) against the independent
 * answer, every participant's file read and evaluated
 * (caseload_load_summaries): over a year of days, after changes made on
 * later days, after a change of configuration; out of date after a
 * write without it; damage found by wake_check.
 */
#include "caseload.h"
#include "config.h"
#include "demo.h"
#include "edit.h"
#include "error.h"
#include "helpers.h"
#include "store.h"
#include "wake.h"

#include <lmdb.h>
#include <stdarg.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* The funder's flags on, so the six-months survey wakes those who left. */
static const char overlay[] = "fse:\n  from: 2025-06-01\n";

struct fixture {
	char *dir;
	struct config *c;
	struct store *s;
	struct wake w;
	pdate today;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct demo_options opt = { .participants = 160, .seed = 3 };
	struct demo_result res;
	char *cause = NULL, *user;

	if (f == NULL)
		return -1;
	f->dir = helper_tmpdir();
	user = helper_write(f->dir, "user.yaml", overlay);
	f->today = opt.today = D(2026, 11, 26);
	opt.now = 1795000000;
	if (config_load(helper_default_config(), user, &f->c, &cause) != PC_OK ||
	    store_open(f->dir, &f->s, &cause) != PC_OK) {
		fprintf(stderr, "setup: %s\n", cause ? cause : "?");
		return -1;
	}
	free(user);
	f->w.c = f->c;
	f->w.today = f->today;
	wake_attach(f->s, &f->w);
	if (demo_fill(f->s, f->c, &opt, &res, &cause) != PC_OK) {
		fprintf(stderr, "setup: %s\n", cause ? cause : "?");
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(&f->s);
	config_free(&f->c);
	helper_rmdir(f->dir);
	free(f);
	return 0;
}

/* The index's answer on `day` is the full reading's, flag for flag and in
 * the same order; returns how many were flagged. */
static size_t same_as_full_read(struct fixture *f, const struct config *c,
				pdate day)
{
	struct wake w = { c, day };
	struct caseload idx, full;
	size_t in = 0, k = 0;
	char *cause = NULL;

	assert_int_equal(wake_attention(f->s, &w, &idx, &in, &cause), PC_OK);
	assert_int_equal(caseload_load_summaries(f->s, c, NULL, false, day,
						 &full, &cause),
			 PC_OK);
	assert_int_equal(in, full.n);
	for (size_t i = 0; i < full.n; i++) {
		const struct rules_summary *want = &full.entries[i].summary;
		const struct rules_summary *got;

		if (want->n_flags == 0)
			continue;
		if (k >= idx.n)
			fail_msg("day %d: participant %llu flagged, not found",
				 (int)day,
				 (unsigned long long)full.entries[i].file.p.id);
		got = &idx.entries[k].summary;
		assert_int_equal(idx.entries[k].file.p.id,
				 full.entries[i].file.p.id);
		assert_int_equal(got->n_flags, want->n_flags);
		assert_memory_equal(got->flags, want->flags,
				    want->n_flags * sizeof *want->flags);
		k++;
	}
	assert_int_equal(k, idx.n);
	caseload_free(&idx);
	caseload_free(&full);
	return k;
}

/* A year and more of days after the demo was written. */
static void over_a_year(void **state)
{
	struct fixture *f = *state;
	size_t most = 0;

	for (int d = 0; d <= 400; d += 3) {
		size_t n = same_as_full_read(f, f->c, f->today + d);

		most = n > most ? n : most;
	}
	assert_true(most > 0); /* the comparison compared something */
}

/* Outcomes, plans and exits on a later day, then the days after it; a
 * day before it is for the full reading. */
static void changes_later(void **state)
{
	struct fixture *f = *state;
	struct edit_ctx ctx = { f->c, "test", 1795000000, f->today + 40,
				NULL };
	struct caseload cl;
	struct caseload idx;
	size_t in, changed = 0;
	char *cause = NULL;

	f->w.today = ctx.today;
	assert_int_equal(caseload_load(f->s, f->c, NULL, false, ctx.today, &cl,
				       &cause),
			 PC_OK);
	for (size_t i = 0; i < cl.n && changed < 30; i++) {
		const struct participant_file *pf = &cl.entries[i].file;
		uint64_t id;

		if (pf->p.status == STATUS_EXITED)
			continue;
		for (size_t a = 0; a < pf->n_appts; a++)
			if (pf->appts[a].status == APPT_PLANNED &&
			    pf->appts[a].date <= ctx.today) {
				assert_int_equal(
					edit_appointment_outcome(
						f->s, &ctx, pf->appts[a].id,
						i % 2 ? APPT_DONE : APPT_MISSED,
						NULL, &cause),
					PC_OK);
				changed++;
				break;
			}
		if (i % 7 == 0)
			assert_int_equal(
				edit_appointment_plan(f->s, &ctx, pf->p.id,
						      ctx.today + 20, 600,
						      "entretien", MODE_PHONE,
						      &id,
						      &cause),
				PC_OK);
	}
	caseload_free(&cl);
	assert_true(changed > 0);
	for (int d = 0; d <= 200; d += 5)
		same_as_full_read(f, f->c, ctx.today + d);
	/* Before the day of the last change: the index cannot say. */
	f->w.today = ctx.today - 20;
	assert_int_equal(wake_attention(f->s, &f->w, &idx, &in, &cause),
			 PC_ENOTFOUND);
	f->w.today = ctx.today;
}

/* Another configuration: out of date until made again, then right. */
static void config_changed(void **state)
{
	struct fixture *f = *state;
	struct config *c2 = NULL;
	struct wake w2;
	enum wake_state st;
	char *cause = NULL, *user;

	user = helper_write(f->dir, "user2.yaml",
			    "fse:\n  from: 2025-06-01\n"
			    "max_duration_notice_days: 120\n");
	assert_int_equal(config_load(helper_default_config(), user, &c2,
				     &cause),
			 PC_OK);
	free(user);
	w2.c = c2;
	w2.today = f->today + 40;
	assert_int_equal(wake_state(f->s, &w2, &st, &cause), PC_OK);
	assert_int_equal(st, WAKE_STALE);
	assert_int_equal(wake_rebuild(f->s, &w2, &cause), PC_OK);
	assert_int_equal(wake_state(f->s, &w2, &st, &cause), PC_OK);
	assert_int_equal(st, WAKE_READY);
	for (int d = 0; d <= 120; d += 4)
		same_as_full_read(f, c2, w2.today + d);
	/* Back to the first: made again once more. */
	f->w.today = w2.today;
	assert_int_equal(wake_rebuild(f->s, &f->w, &cause), PC_OK);
	wake_attach(f->s, &f->w);
	config_free(&c2);
}

static int touch_one(struct store_txn *t, void *arg, char **cause)
{
	struct participant p;
	int rc;

	(void)cause;
	rc = store_participant_get(t, *(uint64_t *)arg, &p);
	if (rc != PC_OK)
		return rc;
	free(p.phone);
	p.phone = strdup("06 12 34 56 78");
	rc = p.phone ? store_participant_update(t, &p) : PC_ENOMEM;
	participant_clear(&p);
	return rc;
}

/* A write by a tool without the index marks it out of date; `check`
 * says nothing of an index out of date, and the next write makes it. */
static void write_without_it(void **state)
{
	struct fixture *f = *state;
	uint64_t id = 1;
	size_t problems = 99;
	char *report = NULL, *cause = NULL;
	enum wake_state st;

	store_set_indexer(f->s, NULL, NULL);
	assert_int_equal(store_write(f->s, touch_one, &id, &cause), PC_OK);
	assert_int_equal(wake_state(f->s, &f->w, &st, &cause), PC_OK);
	assert_int_equal(st, WAKE_STALE);
	assert_int_equal(wake_check(f->s, &f->w, &problems, &report, &cause),
			 PC_OK);
	assert_int_equal(problems, 0);
	wake_attach(f->s, &f->w);
	assert_int_equal(store_write(f->s, touch_one, &id, &cause), PC_OK);
	assert_int_equal(wake_state(f->s, &f->w, &st, &cause), PC_OK);
	assert_int_equal(st, WAKE_READY);
	assert_int_equal(wake_check(f->s, &f->w, &problems, &report, &cause),
			 PC_OK);
	if (problems != 0)
		fail_msg("%s", report);
}

/* Damage made with LMDB itself: a day's key gone, an entry changed. */
static void damage(const char *dir)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi wake, wake_of;
	MDB_cursor *cur;
	MDB_val k, v;
	uint8_t changed[4096];

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 20), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "wake", 0, &wake), 0);
	assert_int_equal(mdb_dbi_open(txn, "wake_of", 0, &wake_of), 0);
	assert_int_equal(mdb_cursor_open(txn, wake, &cur), 0);
	assert_int_equal(mdb_cursor_get(cur, &k, &v, MDB_FIRST), 0);
	assert_int_equal(mdb_cursor_del(cur, 0), 0);
	mdb_cursor_close(cur);
	assert_int_equal(mdb_cursor_open(txn, wake_of, &cur), 0);
	/* The last with a digest (those who left, followed no more, have
	 * none). */
	assert_int_equal(mdb_cursor_get(cur, &k, &v, MDB_LAST), 0);
	while (v.mv_size <= 9)
		assert_int_equal(mdb_cursor_get(cur, &k, &v, MDB_PREV), 0);
	assert_true(v.mv_size >= 9 && v.mv_size <= sizeof changed);
	memcpy(changed, v.mv_data, v.mv_size);
	changed[8] ^= 1; /* in the caseload, or not */
	changed[v.mv_size - 1] ^= 0x40; /* the digest's last byte */
	v.mv_data = changed;
	assert_int_equal(mdb_cursor_put(cur, &k, &v, MDB_CURRENT), 0);
	mdb_cursor_close(cur);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static void check_finds_damage(void **state)
{
	struct fixture *f = *state;
	size_t problems = 0;
	char *report = NULL, *cause = NULL;

	store_close(&f->s);
	damage(f->dir);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	wake_attach(f->s, &f->w);
	assert_int_equal(wake_check(f->s, &f->w, &problems, &report, &cause),
			 PC_OK);
	assert_true(problems >= 3);
	assert_non_null(strstr(report, "attention index"));
	assert_non_null(strstr(report, "digest"));
	free(report);
	/* Made again, whole. */
	assert_int_equal(wake_rebuild(f->s, &f->w, &cause), PC_OK);
	assert_int_equal(wake_check(f->s, &f->w, &problems, &report, &cause),
			 PC_OK);
	assert_int_equal(problems, 0);
	same_as_full_read(f, f->c, f->w.today + 1);
}

/* True when some value of the "wake_of" sub-database holds `text`. */
static bool index_holds(const char *dir, const char *text)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_cursor *cur;
	MDB_val k, v;
	bool found = false;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 20), 0);
	assert_int_equal(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "wake_of", 0, &dbi), 0);
	assert_int_equal(mdb_cursor_open(txn, dbi, &cur), 0);
	for (int op = MDB_FIRST; !found && mdb_cursor_get(cur, &k, &v, op) == 0;
	     op = MDB_NEXT)
		found = memmem(v.mv_data, v.mv_size, text, strlen(text)) != NULL;
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return found;
}

/* The index holds no name typed by someone: not the employers'. */
static void no_typed_text(void **state)
{
	struct fixture *f = *state;
	struct caseload cl;
	char *cause = NULL, *names[8];
	size_t n = 0;

	assert_int_equal(caseload_load(f->s, f->c, NULL, false, f->today, &cl,
				       &cause),
			 PC_OK);
	for (size_t i = 0; i < cl.n && n < 8; i++)
		for (size_t j = 0; j < cl.entries[i].file.n_jobs && n < 8; j++)
			if (cl.entries[i].file.jobs[j].employer != NULL)
				names[n++] =
					strdup(cl.entries[i].file.jobs[j].employer);
	caseload_free(&cl);
	assert_true(n > 0);
	store_close(&f->s);
	for (size_t i = 0; i < n; i++) {
		if (index_holds(f->dir, names[i]))
			fail_msg("the index holds \"%s\"", names[i]);
		free(names[i]);
	}
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	wake_attach(f->s, &f->w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(over_a_year),
		cmocka_unit_test(changes_later),
		cmocka_unit_test(config_changed),
		cmocka_unit_test(write_without_it),
		cmocka_unit_test(check_finds_damage),
		cmocka_unit_test(no_typed_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

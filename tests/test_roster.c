/* test_roster.c: a territory read participant by participant (caseload_each,
 * roster, the streaming export) says exactly what the caseload held whole
 * says; the checks of records not kept agree with their decoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "demo.h"
#include "error.h"
#include "export.h"
#include "helpers.h"
#include "record.h"
#include "roster.h"
#include "summary.h"

static const pdate today = 20785; /* 2026-11-28 */
static char *dir;
static struct store *st;

static int setup(void **state)
{
	struct demo_options opt = { 400, 5, today, 0 };
	struct demo_result res;
	char *cause = NULL;

	if (helper_config_load(state) != 0)
		return -1;
	dir = helper_tmpdir();
	if (store_open(dir, &st, &cause) != PC_OK ||
	    demo_fill(st, helper_config, &opt, &res, &cause) != PC_OK) {
		free(cause);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	store_close(&st);
	helper_rmdir(dir);
	return helper_config_free(state);
}

static bool same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The roster's entries are the caseload's, in the same order. */
static void same_as_caseload(bool exited)
{
	struct caseload cl;
	struct roster r;
	char *cause = NULL;

	assert_int_equal(caseload_load_summaries(st, helper_config, NULL,
						 exited, today, &cl, &cause),
			 PC_OK);
	assert_int_equal(roster_load(st, helper_config, NULL, exited, today,
				     &r, &cause),
			 PC_OK);
	assert_true(cl.n > 300);
	assert_int_equal(r.n, cl.n);
	assert_int_equal(r.n_unknown_stage, cl.n_unknown_stage);
	assert_int_equal(r.n_corrupt, cl.n_corrupt);
	for (size_t i = 0; i < cl.n; i++) {
		const struct caseload_entry *a = &cl.entries[i];
		struct caseload_entry b;

		roster_entry(&r, i, &b);
		assert_int_equal(b.file.p.id, a->file.p.id);
		assert_true(same_str(b.file.p.last_name, a->file.p.last_name));
		assert_true(same_str(b.file.p.first_name,
				     a->file.p.first_name));
		assert_true(same_str(b.file.p.referent, a->file.p.referent));
		assert_true(same_str(b.file.p.stage, a->file.p.stage));
		assert_true(same_str(b.file.p.email, a->file.p.email));
		assert_true(same_str(b.name_key, a->name_key));
		assert_null(b.name_key_rev);
		assert_true(same_str(b.file.p.phone, a->file.p.phone));
		assert_true(same_str(b.file.p.publics, a->file.p.publics));
		assert_true(same_str(b.file.p.exit_reason,
				     a->file.p.exit_reason));
		assert_true(same_str(b.file.p.origin, a->file.p.origin));
		assert_int_equal(b.file.p.birth_date, a->file.p.birth_date);
		assert_int_equal(b.file.p.entry_date, a->file.p.entry_date);
		assert_int_equal(b.file.p.stage_since, a->file.p.stage_since);
		assert_int_equal(b.file.p.exit_validated,
				 a->file.p.exit_validated);
		assert_int_equal(b.file.p.exit_lost, a->file.p.exit_lost);
		assert_int_equal(b.file.p.gender, a->file.p.gender);
		assert_int_equal(b.file.p.exit_positive,
				 a->file.p.exit_positive);
		assert_int_equal(b.file.p.status, a->file.p.status);
		assert_int_equal(b.file.p.exit_date, a->file.p.exit_date);
		assert_int_equal(b.stage_index, a->stage_index);
		assert_int_equal(b.summary.last_contact,
				 a->summary.last_contact);
		assert_int_equal(b.summary.next_appointment,
				 a->summary.next_appointment);
		assert_int_equal(b.summary.days_in_stage,
				 a->summary.days_in_stage);
		assert_int_equal(b.summary.n_flags, a->summary.n_flags);
		assert_memory_equal(b.summary.flags, a->summary.flags,
				    a->summary.n_flags *
					    sizeof a->summary.flags[0]);
		assert_int_equal(b.file.n_jobs, 0);
	}
	roster_free(&r);
	roster_free(&r);
	caseload_free(&cl);
}

static void roster_current(void **state)
{
	(void)state;
	same_as_caseload(false);
}

static void roster_exited(void **state)
{
	(void)state;
	same_as_caseload(true);
}

/* The text of an export of the caseload held whole, or NULL. */
static char *held_export(const struct export_options *o, const char *ref)
{
	struct caseload cl;
	struct summary sum;
	char *cause = NULL, *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(caseload_load_summaries(st, helper_config, ref, true,
						 today, &cl, &cause),
			 PC_OK);
	assert_int_equal(summary_build(&sum, helper_config, &cl, ref, today,
				       20454, today),
			 PC_OK);
	assert_int_equal(export_write(f, &sum, o), PC_OK);
	fclose(f);
	summary_free(&sum);
	caseload_free(&cl);
	return text;
}

/* The streaming export writes what the whole caseload's summary does. */
static void export_same(void **state)
{
	static const enum export_format formats[] = { EXPORT_CSV, EXPORT_MD,
						      EXPORT_HTML };
	static const char *const referents[] = { NULL, "Marie Dupont" };

	(void)state;
	for (size_t k = 0; k < 2 * 2 * 3; k++) {
		struct export_options o = { .format = formats[k % 3],
					    .delimiter = ',',
					    .pseudonymise = k / 3 % 2 };
		const char *ref = referents[k / 6];
		char *want = held_export(&o, ref), *got = NULL, *cause = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&got, &len);

		assert_non_null(f);
		assert_int_equal(export_caseload(st, helper_config, ref, today,
						 20454, today, &o, NULL, f,
						 &cause),
				 PC_OK);
		fclose(f);
		assert_true(strlen(want) > 1000);
		assert_string_equal(got, want);
		free(got);
		free(want);
	}
}

/* A visitor's error stops the reading with it. */
static int stop_at_ten(struct caseload_entry *e, void *arg)
{
	size_t *n = arg;

	(void)e;
	return ++*n == 10 ? PC_ENOMEM : PC_OK;
}

static void visitor_stops(void **state)
{
	size_t n = 0, corrupt = 0;
	char *cause = NULL;

	(void)state;
	assert_int_equal(caseload_each(st, helper_config, NULL, true, today,
				       true, stop_at_ten, &n, &corrupt,
				       &cause),
			 PC_ENOMEM);
	assert_int_equal(n, 10);
	free(cause);
}

/* Dropping the mapped pages loses nothing read after. */
static void pages_dropped(void **state)
{
	(void)state;
	store_release_pages(st);
	store_release_pages(NULL);
	same_as_caseload(false);
}

/* record_check_ says what record_decode_ says, on damaged records too. */
static void checks_agree(void **state)
{
	struct note n = { .participant = 3, .seq = 2, .date = today,
			  .text = "Entretien : à revoir" };
	struct stage_move m = { .participant = 3, .seq = 1, .date = today,
				.stage = "former", .note = "é" };
	uint8_t *nb, *mb;
	size_t nl, ml;
	unsigned seed = 16;

	(void)state;
	assert_int_equal(record_encode_note(&n, &nb, &nl), PC_OK);
	assert_int_equal(record_encode_stage_move(&m, &mb, &ml), PC_OK);
	for (int round = 0; round < 4000; round++) {
		uint8_t *b = round % 2 ? nb : mb;
		size_t len = round % 2 ? nl : ml;
		uint8_t *copy = malloc(len);
		struct note dn;
		struct stage_move dm;
		int want, got;

		assert_non_null(copy);
		memcpy(copy, b, len);
		if (round > 1) {
			seed = seed * 1103515245u + 12345u;
			copy[(seed >> 8) % len] ^= (uint8_t)(1u << (seed % 8));
		}
		/* Truncated now and then. */
		if (round % 7 == 3)
			len -= (seed >> 4) % len;
		if (round % 2) {
			want = record_decode_note(copy, len, &dn);
			got = record_check_note(copy, len);
			if (want == PC_OK)
				note_clear(&dn);
		} else {
			want = record_decode_stage_move(copy, len, &dm);
			got = record_check_stage_move(copy, len);
			if (want == PC_OK)
				stage_move_clear(&dm);
		}
		assert_int_equal(got, want);
		if (round < 2)
			assert_int_equal(got, PC_OK);
		free(copy);
	}
	free(nb);
	free(mb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roster_current),
		cmocka_unit_test(roster_exited),
		cmocka_unit_test(export_same),
		cmocka_unit_test(visitor_stops),
		cmocka_unit_test(pages_dropped),
		cmocka_unit_test(checks_agree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

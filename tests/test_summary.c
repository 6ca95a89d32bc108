/* test_summary.c: the period figures: which exits are positive, unknown
 * reasons, the median days in stage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "config.h"
#include "error.h"
#include "helpers.h"
#include "summary.h"

#define N 8
static struct caseload_entry entries[N];
static struct caseload cl = { .entries = entries };

/* An exit on 1 June 2026 for `why`, stored positive or not, validated or
 * not. Strings are not owned. */
static void exited(const char *why, bool stored, bool validated)
{
	struct caseload_entry *e = &entries[cl.n++];

	memset(e, 0, sizeof *e);
	participant_init(&e->file.p);
	e->file.p.id = cl.n;
	e->file.p.entry_date = D(2025, 1, 1);
	e->file.p.status = STATUS_EXITED;
	e->file.p.exit_date = D(2026, 6, 1);
	e->file.p.exit_reason = (char *)why;
	e->file.p.exit_positive = stored;
	e->file.p.exit_validated = validated ? D(2026, 6, 1) : DATE_NONE;
	e->stage_index = CASELOAD_NO_STAGE;
}

static void current(size_t stage, int days)
{
	struct caseload_entry *e = &entries[cl.n++];

	memset(e, 0, sizeof *e);
	participant_init(&e->file.p);
	e->file.p.id = cl.n;
	e->file.p.entry_date = D(2025, 1, 1);
	e->stage_index = stage;
	e->summary.days_in_stage = days;
}

static struct summary build(void)
{
	struct summary s;

	assert_int_equal(summary_build(&s, helper_config, &cl, NULL,
				       D(2026, 11, 26), D(2026, 1, 1),
				       D(2026, 12, 31)),
			 PC_OK);
	return s;
}

static size_t by_reason(const struct summary *s, const char *id)
{
	return s->exits_by_reason[config_exit_reason(helper_config, id) -
				  helper_config->exit_reasons];
}

/* The case of the issue: what was stored does not count, the
 * configuration of the day does. */
static void positive_from_configuration(void **state)
{
	struct summary s;
	struct config_exit_reason *cdi =
		(struct config_exit_reason *)config_exit_reason(helper_config,
								"cdi");

	(void)state;
	cl.n = 0;
	exited("cdi", false, true);
	exited("abandon", true, true);
	exited("formation-qualifiante", true, true);
	exited("ancien-motif", true, true);
	exited("cdi", true, false); /* not yet validated */
	exited(NULL, false, false);
	exited("ancien-motif", false, false);
	exited("", false, false);

	helper_config->exit_validation = EXIT_AFTER_FOLLOWUP;
	s = build();
	assert_int_equal(s.exits, 8);
	assert_int_equal(s.positive, 2);
	assert_int_equal(summary_positive_rate(&s), 25);
	assert_int_equal(s.n_referents, 1);
	assert_int_equal(s.referents[0].positive, 2);
	assert_int_equal(by_reason(&s, "cdi"), 2);
	assert_int_equal(s.exits_by_reason[helper_config->n_exit_reasons], 4);
	/* Unknown reasons by stored id: none first, then "", then the ids. */
	assert_int_equal(s.n_unknown_reasons, 3);
	assert_null(s.unknown_reasons[0].id);
	assert_int_equal(s.unknown_reasons[0].count, 1);
	assert_string_equal(s.unknown_reasons[1].id, "");
	assert_string_equal(s.unknown_reasons[2].id, "ancien-motif");
	assert_int_equal(s.unknown_reasons[2].count, 2);
	summary_free(&s);

	/* Recorded at hiring: the exit counts from the start. */
	helper_config->exit_validation = EXIT_AT_HIRING;
	s = build();
	assert_int_equal(s.positive, 3);
	assert_true(summary_exit_positive(helper_config, &entries[4].file.p));
	summary_free(&s);

	/* A reason made non-positive no longer counts, in past periods too. */
	cdi->positive = false;
	s = build();
	assert_int_equal(s.positive, 1);
	assert_false(summary_exit_positive(helper_config, &entries[0].file.p));
	summary_free(&s);
	cdi->positive = true;
	helper_config->exit_validation = EXIT_AFTER_FOLLOWUP;
}

static void median_halves(void **state)
{
	struct summary s;

	(void)state;
	cl.n = 0;
	current(0, 88);
	current(0, 85);
	current(1, 10);
	current(1, 30);
	current(1, 12);
	current(2, 40);
	current(2, 42);
	exited("cdi", true, true); /* not in the caseload: left out */
	s = build();
	assert_int_equal(s.stages[0].count, 2);
	assert_int_equal(s.stages[0].median_half_days, 173); /* 86.5 */
	assert_int_equal(s.stages[1].median_half_days, 24);  /* 12 */
	assert_int_equal(s.stages[2].median_half_days, 82);  /* 41 */
	assert_int_equal(s.stages[3].median_half_days, -1);
	summary_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positive_from_configuration),
		cmocka_unit_test(median_halves),
	};

	return cmocka_run_group_tests(tests, helper_config_load,
				      helper_config_free);
}

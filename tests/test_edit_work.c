/* test_edit_work.c: the changes about work, each checked, whole and
 * journalled: jobs, check-ins, the exit and what backs it, the exit at
 * hiring and its outcome, an exit undone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "edit.h"
#include "error.h"
#include "helpers.h"
#include "import.h"
#include "rules.h"
#include "summary.h"
#include "edit_cases.h"

static void job_and_checkins(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct job j;
	struct rules_summary s;
	char *cause = NULL;

	job_init(&j);
	j.employer = (char *)"EHPAD Les Tilleuls";
	j.contract = (char *)"cdi";
	j.start = D(2026, 10, 31);
	j.weekly_minutes = 35 * 60;
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_FOLLOWUP);
	rules_evaluate(f->c, &pf, f->ctx.today, &s);
	assert_int_equal(s.flags[0].kind, FLAG_CHECKIN_OVERDUE); /* D+7 */
	participant_file_clear(&pf);

	assert_int_equal(
		edit_checkin(f->s, &f->ctx, f->pid, 7, D(2026, 11, 7), &cause),
		PC_OK);
	load(f, &pf);
	rules_evaluate(f->c, &pf, f->ctx.today, &s);
	assert_int_equal(s.n_flags, 1);
	assert_int_equal(s.flags[0].kind, FLAG_CHECKIN_DUE); /* D+30 */
	assert_int_equal(s.flags[0].date, D(2026, 11, 30));
	participant_file_clear(&pf);

	REFUSED(edit_checkin(f->s, &f->ctx, f->pid, 30, D(2026, 10, 1),
			     &rcause),
		"before the job");
	j.employer = (char *)"";
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause), "employer");
	j.employer = (char *)"X";
	j.planned_end = D(2026, 1, 1);
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause), "end");
}

/* A job ends with a date and a reason; a second job leaves the first as
 * it was (it went on, or it ended on its own record). */
static void job_end(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct job j;
	char *cause = NULL;

	job_init(&j);
	j.employer = (char *)"Carrefour";
	j.contract = (char *)"cdd";
	j.start = D(2026, 9, 1);
	j.weekly_minutes = 35 * 60;
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	j.employer = (char *)"Lidl";
	j.start = D(2026, 11, 2);
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_jobs, 2);
	assert_int_equal(pf.jobs[0].ended, DATE_NONE); /* both go on */
	assert_int_equal(pf.jobs[1].ended, DATE_NONE);
	participant_file_clear(&pf);

	REFUSED(edit_job_end(f->s, &f->ctx, f->pid, 1, D(2026, 11, 1),
			     "holidays", &rcause),
		"end reason");
	REFUSED(edit_job_end(f->s, &f->ctx, f->pid, 1, D(2026, 8, 1),
			     "contract-ended", &rcause),
		"before the job started");
	REFUSED(edit_job_end(f->s, &f->ctx, f->pid, 1, D(2026, 12, 1),
			     "contract-ended", &rcause),
		"after today");
	assert_int_equal(edit_job_end(f->s, &f->ctx, f->pid, 9, D(2026, 11, 1),
				      "resigned", &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_job_end(f->s, &f->ctx, f->pid, 1, D(2026, 10, 31),
				      "contract-ended", &cause),
			 PC_OK);
	REFUSED(edit_job_end(f->s, &f->ctx, f->pid, 1, D(2026, 11, 1),
			     "resigned", &rcause),
		"ended on 2026-10-31");
	load(f, &pf);
	assert_int_equal(pf.jobs[0].ended, D(2026, 10, 31));
	assert_string_equal(pf.jobs[0].end_reason, "contract-ended");
	assert_int_equal(pf.jobs[1].ended, DATE_NONE);
	assert_string_equal(participant_file_current_job(&pf)->employer,
			    "Lidl");
	participant_file_clear(&pf);

	/* A job entered wrongly is corrected, its end and check-ins kept;
	 * a start after its end is refused. */
	j.seq = 1;
	j.employer = (char *)"Carrefour Market";
	j.contract = (char *)"cdi";
	j.start = D(2026, 9, 2);
	j.weekly_minutes = 30 * 60;
	assert_int_equal(edit_job_correct(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	load(f, &pf);
	assert_string_equal(pf.jobs[0].employer, "Carrefour Market");
	assert_string_equal(pf.jobs[0].contract, "cdi");
	assert_int_equal(pf.jobs[0].start, D(2026, 9, 2));
	assert_int_equal(pf.jobs[0].weekly_minutes, 30 * 60);
	assert_int_equal(pf.jobs[0].ended, D(2026, 10, 31));
	participant_file_clear(&pf);
	j.start = D(2026, 11, 1);
	REFUSED(edit_job_correct(f->s, &f->ctx, f->pid, &j, &rcause),
		"after the job ended");
	j.seq = 7;
	j.start = D(2026, 9, 2);
	assert_int_equal(edit_job_correct(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_ENOTFOUND);
	free(cause);
}

/* A CDI held six months, at least half-time, backs a CDI exit; four hours
 * a week do not; an event reason needs nothing. */
static void exit_backed_by_work(void **state)
{
	struct edit_fixture *f = *state;
	struct job j;
	char *cause = NULL;

	job_init(&j);
	j.employer = (char *)"Mairie";
	j.contract = (char *)"cdi";
	j.start = D(2026, 5, 26);
	j.weekly_minutes = 4 * 60;
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  NULL, &rcause),
		"none is recorded");
	j.employer = (char *)"Hôpital";
	j.weekly_minutes = 35 * 60;
	j.start = D(2026, 6, 1);
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  NULL, &rcause),
		"reached on 2026-12-01");
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "creation", NULL, NULL, &cause),
			 PC_OK);
}

static void exit_and_after(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, NULL, &cause),
			 PC_OK);
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "lottery",
			  NULL, NULL, &rcause),
		"lottery");
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2024, 1, 1), "cdi", NULL,
			  NULL, &rcause),
		"entry");
	/* Under followup, a CDI exit needs six months of qualifying work:
	 * refused with nothing behind it (it was accepted), unless forced. */
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  NULL, &rcause),
		"Needs six months of qualifying work");
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", "contrat signé, pièces au dossier",
				   NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_EXITED);
	assert_string_equal(pf.p.exit_reason, "cdi");
	assert_true(pf.p.exit_positive);
	assert_int_equal(pf.p.exit_validated, D(2026, 11, 26));
	assert_int_equal(pf.appts[0].status, APPT_CANCELLED);
	participant_file_clear(&pf);
	{
		struct store_txn *t = NULL;
		struct journal_entry *j = NULL;
		size_t n = 0;
		bool forced = false;

		assert_int_equal(store_read_begin(f->s, &t, NULL), PC_OK);
		assert_int_equal(store_journal_list(t, f->pid, &j, &n), PC_OK);
		store_read_end(&t);
		for (size_t i = 0; i < n; i++) {
			forced |= strstr(j[i].what, "forced: contrat signé") !=
				  NULL;
			journal_entry_clear(&j[i]);
		}
		free(j);
		assert_true(forced);
	}
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  NULL, &rcause),
		"already");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 3),
				      600, "entretien", MODE_IN_PERSON, NULL,
				      &rcause),
		"left");
}

/*
 * `exit_validation: hiring`: the exit at hiring keeps the in-work
 * follow-up (check-ins, flags) until validated once six months are
 * reached. Before, the exit made every flag vanish and was validated on
 * the spot.
 */
static void exit_at_hiring_validated(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct caseload cl;
	pdate d = DATE_NONE;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 10, 1), "cdi", NULL,
			  NULL, &rcause),
		"needs qualifying work");
	full_time_job(f, "cdi", D(2026, 10, 1), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 10, 1), "cdi",
				   NULL, NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_EXITED);
	assert_int_equal(pf.p.exit_hired, D(2026, 10, 1));
	assert_int_equal(pf.p.exit_validated, DATE_NONE);
	assert_true(participant_exit_pending(&pf.p));
	/* Counted at hiring under `hiring`, not yet under `followup`. */
	assert_true(summary_exit_positive(f->c, &pf.p));
	f->c->exit_validation = EXIT_AFTER_FOLLOWUP;
	assert_false(summary_exit_positive(f->c, &pf.p));
	f->c->exit_validation = EXIT_AT_HIRING;
	participant_file_clear(&pf);

	/* Still followed: in the caseload, with its check-ins. */
	assert_int_equal(caseload_load(f->s, f->c, NULL, false, f->ctx.today,
				       &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 1);
	assert_int_equal(caseload_current(&cl), 0);
	caseload_free(&cl);
	assert_true(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, &d));
	assert_int_equal(d, D(2026, 10, 8)); /* D+7 */
	assert_int_equal(
		edit_checkin(f->s, &f->ctx, f->pid, 7, D(2026, 10, 8), &cause),
		PC_OK);
	assert_true(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, &d));
	assert_int_equal(d, D(2026, 10, 31)); /* D+30 */
	assert_int_equal(
		edit_checkin(f->s, &f->ctx, f->pid, 30, D(2026, 11, 2), &cause),
		PC_OK);
	assert_false(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, NULL));
	assert_false(flagged(f, D(2026, 11, 26), FLAG_VALIDATE_EXIT, NULL));
	assert_false(flagged(f, D(2026, 11, 26), FLAG_WORK_LOST, NULL));
	/* Six months on 2027-04-01: to validate from then, not before. */
	assert_true(flagged(f, D(2027, 4, 5), FLAG_VALIDATE_EXIT, &d));
	assert_int_equal(d, D(2027, 4, 1));
	f->ctx.today = D(2027, 4, 5);
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2027, 3, 31), NULL, NULL, &rcause),
		"reached on 2027-04-01");
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2027, 3, 31), NULL, NULL, &rcause),
		"Not validated");
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2027, 4, 6), NULL, NULL, &rcause),
		"in the future");
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2027, 4, 2), NULL,
					   NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.exit_validated, D(2027, 4, 2));
	assert_false(participant_exit_pending(&pf.p));
	f->c->exit_validation = EXIT_AFTER_FOLLOWUP;
	assert_true(summary_exit_positive(f->c, &pf.p));
	participant_file_clear(&pf);
	assert_false(flagged(f, D(2027, 4, 5), FLAG_VALIDATE_EXIT, NULL));
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2027, 4, 2), NULL, NULL, &rcause),
		"waiting for its validation");
}

/* Left at hiring, then the work lost before six months: the exit is no
 * longer positive, dated, with the reason. */
static void exit_at_hiring_lost(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	pdate d = DATE_NONE;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	full_time_job(f, "cdd", D(2026, 10, 1), D(2027, 6, 30));
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 10, 5),
				   "cdd-6-mois", NULL, NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 10, 1));
	assert_int_equal(edit_job_end(f->s, &f->ctx, f->pid, pf.jobs[0].seq,
				      D(2026, 11, 20), "dismissed", &cause),
			 PC_OK);
	participant_file_clear(&pf);
	/* Within the tolerance of a gap (3 days) the work may go on. */
	assert_false(flagged(f, D(2026, 11, 22), FLAG_WORK_LOST, NULL));
	assert_true(flagged(f, D(2026, 11, 26), FLAG_WORK_LOST, &d));
	assert_int_equal(d, D(2026, 11, 21));
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
				  D(2026, 11, 20), "bored", NULL, &rcause),
		"end reason");
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
				  D(2026, 9, 30), "dismissed", NULL, &rcause),
		"before the hiring");
	/* On its last day, the work still went on. */
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
				  D(2026, 11, 20), "dismissed", NULL, &rcause),
		"goes on");
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
					   D(2026, 11, 21), "dismissed", NULL,
					   &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.exit_lost, D(2026, 11, 21));
	assert_string_equal(pf.p.exit_lost_reason, "dismissed");
	assert_false(pf.p.exit_positive);
	assert_false(participant_exit_pending(&pf.p));
	assert_false(summary_exit_positive(f->c, &pf.p));
	participant_file_clear(&pf);
	assert_false(flagged(f, D(2026, 11, 26), FLAG_WORK_LOST, NULL));
}

/* A seasonal exit at hiring is to validate once eight months of work in
 * the last twelve are there, not six months in a row. */
static void exit_at_hiring_season(void **state)
{
	struct edit_fixture *f = *state;
	pdate d = DATE_NONE;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	f->ctx.today = D(2026, 3, 2);
	full_time_job(f, "saisonnier", D(2026, 3, 1), D(2026, 11, 30));
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 3, 1),
				   "saisonnier", NULL, NULL, &cause),
			 PC_OK);
	/* Six months in a row are not what this reason needs. */
	assert_false(flagged(f, D(2026, 9, 5), FLAG_VALIDATE_EXIT, NULL));
	assert_true(flagged(f, D(2026, 11, 5), FLAG_VALIDATE_EXIT, &d));
	assert_true(d >= D(2026, 10, 28) && d <= D(2026, 11, 2));
	f->ctx.today = D(2026, 9, 5);
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2026, 9, 5), NULL, NULL, &rcause),
		"eight months");
}

/*
 * The follow-up after an exit at hiring rests on the work of the hiring:
 * a break in it beyond the tolerance is work lost, and a job found later
 * does not mend it (before, the new run was followed instead and the exit
 * validated on its six months).
 */
static void exit_at_hiring_break(void **state)
{
	struct edit_fixture *f = *state;
	pdate d = DATE_NONE;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	f->ctx.today = D(2026, 6, 2);
	add_job(f, "interim", D(2026, 6, 1), D(2026, 6, 30));
	add_job(f, "interim", D(2026, 7, 3), D(2026, 7, 31)); /* 2 days */
	add_job(f, "interim", D(2026, 8, 5), D(2027, 3, 31)); /* 4 days */
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 6, 1),
				   "interim-6-mois", NULL, NULL, &cause),
			 PC_OK);
	assert_false(flagged(f, D(2026, 7, 20), FLAG_WORK_LOST, NULL));
	assert_true(flagged(f, D(2026, 8, 10), FLAG_WORK_LOST, &d));
	assert_int_equal(d, D(2026, 8, 1));
	assert_true(flagged(f, D(2027, 2, 5), FLAG_WORK_LOST, &d));
	assert_int_equal(d, D(2026, 8, 1));
	assert_false(flagged(f, D(2027, 2, 5), FLAG_VALIDATE_EXIT, NULL));
	f->ctx.today = D(2027, 2, 5);
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_VALIDATED,
				  D(2027, 2, 5), NULL, NULL, &rcause),
		"stopped before six months");
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
					   D(2026, 8, 1), "contract-ended",
					   NULL, &cause),
			 PC_OK);
}

/* Six months reached on the work of the hiring stay reached when that
 * work ends later and another begins (before, the new job hid them). */
static void exit_at_hiring_reached_stays(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	pdate d = DATE_NONE;
	char *cause = NULL, *line;

	f->c->exit_validation = EXIT_AT_HIRING;
	f->ctx.today = D(2026, 3, 1);
	add_job(f, "cdi", D(2026, 3, 1), DATE_NONE);
	/* A note not needed is not "forced". */
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 3, 1), "cdi",
				   "signé", NULL, &cause),
			 PC_OK);
	line = last_journal(f);
	assert_null(strstr(line, "forced"));
	assert_non_null(strstr(line, "at hiring"));
	free(line);
	f->ctx.today = D(2026, 11, 28);
	load(f, &pf);
	assert_int_equal(edit_job_end(f->s, &f->ctx, f->pid, pf.jobs[0].seq,
				      D(2026, 10, 15), "resigned", &cause),
			 PC_OK);
	participant_file_clear(&pf);
	add_job(f, "cdi", D(2026, 11, 1), DATE_NONE);
	assert_true(flagged(f, D(2026, 11, 28), FLAG_VALIDATE_EXIT, &d));
	assert_int_equal(d, D(2026, 9, 1));
	REFUSED(edit_exit_outcome(f->s, &f->ctx, f->pid, EXIT_LOST,
				  D(2026, 10, 16), "resigned", NULL, &rcause),
		"Six months of work were reached");
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2026, 11, 28),
					   NULL, "pas besoin", &cause),
			 PC_OK);
	line = last_journal(f);
	assert_string_equal(line, "exit validated on 2026-11-28");
	free(line);
}

/* Seasonal work: once eight months in twelve were met since the hiring,
 * the exit is to validate, and stays so between seasons (before, the flag
 * turned into work lost a month later). */
static void exit_at_hiring_seasons(void **state)
{
	struct edit_fixture *f = *state;
	pdate d = DATE_NONE;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	f->ctx.today = D(2025, 12, 1);
	add_job(f, "saisonnier", D(2025, 12, 1), D(2026, 3, 31));
	add_job(f, "saisonnier", D(2026, 6, 1), D(2026, 9, 30));
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2025, 12, 1),
				   "saisonnier", NULL, NULL, &cause),
			 PC_OK);
	/* Between seasons, nothing is lost. */
	assert_false(flagged(f, D(2026, 5, 1), FLAG_WORK_LOST, NULL));
	assert_true(flagged(f, D(2026, 11, 28), FLAG_VALIDATE_EXIT, &d));
	assert_int_equal(d, D(2026, 9, 30));
	assert_false(flagged(f, D(2026, 11, 28), FLAG_WORK_LOST, NULL));
	f->ctx.today = D(2026, 11, 28);
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2026, 11, 28),
					   NULL, NULL, &cause),
			 PC_OK);
}

/* The exit at hiring needs work on its date: not a job ended three days
 * before (within the gap a run tolerates), nor one over before the entry.
 * After the exit, a corrected start moves the hiring; once the exit is
 * settled, nothing about work changes any more. */
static void exit_at_hiring_needs_work(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct job fixed;
	char *cause = NULL, *line;

	f->c->exit_validation = EXIT_AT_HIRING;
	add_job(f, "cdd", D(2026, 6, 1), D(2027, 5, 31));
	load(f, &pf);
	assert_int_equal(edit_job_end(f->s, &f->ctx, f->pid, pf.jobs[0].seq,
				      D(2026, 11, 23), "dismissed", &cause),
			 PC_OK);
	participant_file_clear(&pf);
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdd-6-mois",
			  NULL, NULL, &rcause),
		"needs qualifying work");
	/* A new job the next day: one run with the first, from its start. */
	add_job(f, "cdi", D(2026, 11, 25), DATE_NONE);
	/* A note with a line break and a tab: one line in the journal. */
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", "ligne 1\nligne\t2", NULL, &cause),
			 PC_OK);
	line = last_journal(f);
	assert_null(strchr(line, '\n'));
	assert_null(strchr(line, '\t'));
	free(line);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 6, 1));
	fixed = pf.jobs[0];
	fixed.start = D(2026, 5, 15);
	assert_int_equal(
		edit_job_correct(f->s, &f->ctx, f->pid, &fixed, &cause), PC_OK);
	participant_file_clear(&pf);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 5, 15));
	assert_int_equal(pf.jobs[0].start, D(2026, 5, 15));
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2026, 11, 26),
					   NULL, "contrat signé", &cause),
			 PC_OK);
	REFUSED(edit_job_end(f->s, &f->ctx, f->pid, pf.jobs[1].seq,
			     D(2026, 11, 26), "resigned", &rcause),
		"has left");
	REFUSED(edit_checkin(f->s, &f->ctx, f->pid, 7, D(2026, 11, 26),
			     &rcause),
		"has left");
	participant_file_clear(&pf);
}

/* A journal line is one line of at most 900 bytes, cut on a character's
 * boundary: a load takes it back (before, a long note was cut in the
 * middle of a character at 255 bytes). */
static void journal_long_note(void **state)
{
	struct edit_fixture *f = *state;
	char note[3001], *line, *cause = NULL;

	for (size_t i = 0; i < 1000; i++)
		memcpy(note + 3 * i, "é\n", 3);
	note[3000] = '\0';
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", note, NULL, &cause),
			 PC_OK);
	line = last_journal(f);
	assert_true(strlen(line) <= 900);
	assert_int_equal(
		model_text_check("what", line, MODEL_TEXT_LINE, true, &cause),
		PC_OK);
	assert_non_null(strstr(line, "…"));
	free(line);
}

/* A contract known to end before its six months does not back an exit at
 * hiring (it was accepted, then refused at validation with the wrong
 * reason); late check-ins stay flagged once the months are reached. */
static void exit_at_hiring_short_contract(void **state)
{
	struct edit_fixture *f = *state;
	char *cause = NULL;

	f->c->exit_validation = EXIT_AT_HIRING;
	f->ctx.today = D(2026, 11, 26);
	add_job(f, "cdd", D(2026, 11, 23), D(2027, 2, 22));
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdd-6-mois",
			  NULL, NULL, &rcause),
		"before its six months");
	add_job(f, "cdi", D(2027, 2, 23), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdd-6-mois", NULL, NULL, &cause),
			 PC_OK);
	/* Six months on 2027-05-23, no check-in held: both flagged. */
	assert_true(flagged(f, D(2027, 6, 1), FLAG_VALIDATE_EXIT, NULL));
	assert_true(flagged(f, D(2027, 6, 1), FLAG_CHECKIN_OVERDUE, NULL));
}

/* Under `followup` the exit keeps the hiring date of the six months it
 * rests on, and is validated at once. */
static void exit_after_followup_dates(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	full_time_job(f, "cdi", D(2026, 5, 20), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", NULL, NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 5, 20));
	assert_int_equal(pf.p.exit_validated, D(2026, 11, 26));
	assert_false(participant_exit_pending(&pf.p));
	participant_file_clear(&pf);
	assert_false(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, NULL));
}

static void exit_undone(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t id;
	char *cause = NULL;

	REFUSED(edit_exit_undo(f->s, &f->ctx, f->pid, &rcause), "has not left");
	assert_int_equal(edit_exit_undo(f->s, &f->ctx, 4242, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &id, &cause),
			 PC_OK);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "abandon", NULL, NULL, &cause),
			 PC_OK);
	assert_int_equal(edit_exit_undo(f->s, &f->ctx, f->pid, &cause), PC_OK);
	JOURNAL_HAS(f, "exit on 2026-11-26 (abandon) undone: active again");
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_ACTIVE);
	assert_int_equal(pf.p.exit_date, DATE_NONE);
	assert_null(pf.p.exit_reason);
	assert_int_equal(pf.appts[0].status, APPT_CANCELLED);
	participant_file_clear(&pf);
	REFUSED(edit_exit_undo(f->s, &f->ctx, f->pid, &rcause), "has not left");

	/* Left at hiring, then validated (forced): undone, back in
	 * follow-up with the job going on, nothing of the exit left. */
	f->c->exit_validation = EXIT_AT_HIRING;
	full_time_job(f, "cdi", D(2026, 10, 1), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 10, 1), "cdi",
				   NULL, NULL, &cause),
			 PC_OK);
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2026, 11, 20),
					   NULL, "pièces au dossier", &cause),
			 PC_OK);
	assert_int_equal(edit_exit_undo(f->s, &f->ctx, f->pid, &cause), PC_OK);
	JOURNAL_HAS(f, "exit on 2026-10-01 (cdi) undone: follow-up again");
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_FOLLOWUP);
	assert_int_equal(pf.p.exit_date, DATE_NONE);
	assert_null(pf.p.exit_reason);
	assert_false(pf.p.exit_positive);
	assert_int_equal(pf.p.exit_validated, DATE_NONE);
	assert_int_equal(pf.p.exit_hired, DATE_NONE);
	assert_int_equal(pf.p.exit_lost, DATE_NONE);
	assert_null(pf.p.exit_lost_reason);
	assert_false(participant_exit_pending(&pf.p));
	participant_file_clear(&pf);
	/* Followed again: appointments can be planned, a new exit made. */
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, id,
						  APPT_PLANNED, NULL, NULL,
						  &cause),
			 PC_OK);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "demenagement", NULL, NULL, &cause),
			 PC_OK);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(job_and_checkins),
		T(job_end),
		T(exit_backed_by_work),
		T(exit_and_after),
		T(exit_at_hiring_validated),
		T(exit_at_hiring_lost),
		T(exit_at_hiring_season),
		T(exit_at_hiring_break),
		T(exit_at_hiring_reached_stays),
		T(exit_at_hiring_seasons),
		T(exit_at_hiring_needs_work),
		T(journal_long_note),
		T(exit_at_hiring_short_contract),
		T(exit_after_followup_dates),
		T(exit_undone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

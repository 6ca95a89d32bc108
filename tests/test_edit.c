/* test_edit.c: each change is checked, whole, and journalled. */
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

static int setup(void **state)
{
	struct participant p;
	struct edit_fixture *f;

	participant_init(&p);
	p.last_name = (char *)"Lefèvre";
	p.first_name = (char *)"Élodie";
	p.birth_date = D(1991, 4, 3);
	p.publics = (char *)"rsa,deld";
	f = helper_edit_open(&p, D(2025, 1, 12));
	if (f == NULL)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	helper_edit_close(*state);
	return 0;
}

static void load(struct edit_fixture *f, struct participant_file *pf)
{
	assert_true(helper_edit_load(f, pf));
}

static size_t journal_lines(struct edit_fixture *f)
{
	struct store_txn *t;
	struct journal_entry *e;
	size_t n;
	char *cause = NULL;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &e, &n), PC_OK);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(e[i].who, "Marie Dupont");
		assert_int_equal(e[i].time, 1700000000);
		journal_entry_clear(&e[i]);
	}
	free(e);
	store_read_end(&t);
	return n;
}

/* Expect PC_EINVAL with a message containing `what`, and nothing written. */
#define REFUSED(call, what)                                                    \
	do {                                                                   \
		char *rcause = NULL;                                           \
		size_t before = journal_lines(f);                              \
		assert_int_equal(call, PC_EINVAL);                             \
		assert_non_null(rcause);                                       \
		if (strstr(rcause, what) == NULL)                              \
			fail_msg("'%s' lacks '%s'", rcause, what);             \
		free(rcause);                                                  \
		assert_int_equal(journal_lines(f), before);                    \
	} while (0)

static void added_participant(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct participant p;

	load(f, &pf);
	assert_string_equal(pf.p.stage, "freins");
	assert_string_equal(pf.p.referent, "Marie Dupont");
	assert_int_equal(pf.p.stage_since, D(2025, 1, 12));
	assert_int_equal(pf.n_moves, 1);
	participant_file_clear(&pf);
	assert_int_equal(journal_lines(f), 1);

	participant_init(&p);
	p.last_name = (char *)"  ";
	p.first_name = (char *)"Zoë";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name");
	p.last_name = (char *)"Brontë";
	p.publics = (char *)"rsa,martian";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"martian");
	p.publics = NULL;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2027, 1, 1), NULL,
				     &rcause),
		"future");
	p.birth_date = D(2030, 1, 1);
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"birth date");
}

static void plan_then_outcome(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t past, future;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &past, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), APPT_NO_TIME,
					       "atelier CV", MODE_VIDEO,
					       &future, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, past,
						  APPT_DONE, "CV revu ✓",
						  &cause),
			 PC_OK);
	/* The future one cannot be done yet, but can be cancelled. */
	REFUSED(edit_appointment_outcome(f->s, &f->ctx, future, APPT_DONE, NULL,
					 &rcause),
		"2026-12-03");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, DATE_NONE, 0,
				      "entretien", MODE_PHONE, NULL, &rcause),
		"date");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      1440, "entretien", MODE_PHONE, NULL,
				      &rcause),
		"time");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      600, "", MODE_PHONE, NULL, &rcause),
		"kind");
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, 999, APPT_DONE,
						  NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	load(f, &pf);
	assert_int_equal(pf.n_appts, 2);
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_string_equal(pf.appts[0].note, "CV revu ✓");
	assert_int_equal(pf.appts[1].status, APPT_PLANNED);
	assert_int_equal(pf.appts[1].minute, APPT_NO_TIME);
	participant_file_clear(&pf);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, future,
						  APPT_CANCELLED, NULL, &cause),
			 PC_OK);
	assert_int_equal(journal_lines(f), 5);
}

static void stage_moves(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(edit_stage_move(f->s, &f->ctx, f->pid, "orienter",
					 D(2025, 6, 9), &cause),
			 PC_OK);
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "former", D(2025, 6, 1),
				&rcause),
		"2025-06-09");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "nowhere", D(2025, 7, 1),
				&rcause),
		"nowhere");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "former",
				D(2026, 11, 27), &rcause),
		"future");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "orienter",
				D(2025, 7, 1), &rcause),
		"already");
	/* Back to the first stage: a parcours is not linear. */
	assert_int_equal(edit_stage_move(f->s, &f->ctx, f->pid, "freins",
					 D(2026, 11, 26), &cause),
			 PC_OK);
	load(f, &pf);
	assert_string_equal(pf.p.stage, "freins");
	assert_int_equal(pf.p.stage_since, D(2026, 11, 26));
	assert_int_equal(pf.n_moves, 3);
	assert_string_equal(pf.moves[1].stage, "orienter");
	participant_file_clear(&pf);
}

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
			  &rcause),
		"none is recorded");
	j.employer = (char *)"Hôpital";
	j.weekly_minutes = 35 * 60;
	j.start = D(2026, 6, 1);
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  &rcause),
		"reached on 2026-12-01");
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "creation", NULL, &cause),
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
			  NULL, &rcause),
		"lottery");
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2024, 1, 1), "cdi", NULL,
			  &rcause),
		"entry");
	/* Under followup, a CDI exit needs six months of qualifying work:
	 * refused with nothing behind it (it was accepted), unless forced. */
	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26), "cdi", NULL,
			  &rcause),
		"Needs six months of qualifying work");
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", "contrat signé, pièces au dossier",
				   &cause),
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
			  &rcause),
		"already");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 3),
				      600, "entretien", MODE_IN_PERSON, NULL,
				      &rcause),
		"left");
}

/* True when the rules as of `today` raise `kind` for the fixture's
 * participant; its date in *date. */
static bool flagged(struct edit_fixture *f, pdate today, enum flag_kind kind,
		    pdate *date)
{
	struct participant_file pf;
	struct rules_summary s;
	bool found = false;

	load(f, &pf);
	rules_evaluate(f->c, &pf, today, &s);
	for (size_t i = 0; i < s.n_flags; i++)
		if (s.flags[i].kind == kind) {
			found = true;
			if (date != NULL)
				*date = s.flags[i].date;
		}
	participant_file_clear(&pf);
	return found;
}

/* A job of 35 hours a week from `start`. */
static void full_time_job(struct edit_fixture *f, const char *contract,
			  pdate start, pdate planned_end)
{
	struct job j;
	char *cause = NULL;

	job_init(&j);
	j.employer = (char *)"Carrefour";
	j.contract = (char *)contract;
	j.start = start;
	j.planned_end = planned_end;
	j.weekly_minutes = 35 * 60;
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
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
			  &rcause),
		"needs qualifying work");
	full_time_job(f, "cdi", D(2026, 10, 1), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 10, 1),
				   "cdi", NULL, &cause),
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
	assert_int_equal(edit_checkin(f->s, &f->ctx, f->pid, 7,
				      D(2026, 10, 8), &cause),
			 PC_OK);
	assert_true(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, &d));
	assert_int_equal(d, D(2026, 10, 31)); /* D+30 */
	assert_int_equal(edit_checkin(f->s, &f->ctx, f->pid, 30,
				      D(2026, 11, 2), &cause),
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
				   "cdd-6-mois", NULL, &cause),
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
				   "saisonnier", NULL, &cause),
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

/* A job of `hours` a week from `start` to `planned_end` (DATE_NONE: open);
 * its seq in *seq unless NULL. */
static void add_job(struct edit_fixture *f, const char *contract, pdate start,
		    pdate planned_end)
{
	full_time_job(f, contract, start, planned_end);
}

/* The journal's last line about the fixture's participant (caller frees). */
static char *last_journal(struct edit_fixture *f)
{
	struct store_txn *t;
	struct journal_entry *e;
	size_t n;
	char *cause = NULL, *what;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &e, &n), PC_OK);
	store_read_end(&t);
	assert_true(n > 0);
	what = strdup(e[n - 1].what);
	for (size_t i = 0; i < n; i++)
		journal_entry_clear(&e[i]);
	free(e);
	return what;
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
				   "interim-6-mois", NULL, &cause),
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
				   "signé", &cause),
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
				   "saisonnier", NULL, &cause),
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
			  NULL, &rcause),
		"needs qualifying work");
	/* A new job the next day: one run with the first, from its start. */
	add_job(f, "cdi", D(2026, 11, 25), DATE_NONE);
	/* A note with a line break and a tab: one line in the journal. */
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdi", "ligne 1\nligne\t2", &cause),
			 PC_OK);
	line = last_journal(f);
	assert_null(strchr(line, '\n'));
	assert_null(strchr(line, '\t'));
	free(line);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 6, 1));
	fixed = pf.jobs[0];
	fixed.start = D(2026, 5, 15);
	assert_int_equal(edit_job_correct(f->s, &f->ctx, f->pid, &fixed,
					  &cause),
			 PC_OK);
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
				   "cdi", note, &cause),
			 PC_OK);
	line = last_journal(f);
	assert_true(strlen(line) <= 900);
	assert_int_equal(model_text_check("what", line, MODEL_TEXT_LINE, true,
					  &cause),
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
			  NULL, &rcause),
		"before its six months");
	add_job(f, "cdi", D(2027, 2, 23), DATE_NONE);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "cdd-6-mois", NULL, &cause),
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
				   "cdi", NULL, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.exit_hired, D(2026, 5, 20));
	assert_int_equal(pf.p.exit_validated, D(2026, 11, 26));
	assert_false(participant_exit_pending(&pf.p));
	participant_file_clear(&pf);
	assert_false(flagged(f, D(2026, 11, 26), FLAG_CHECKIN_OVERDUE, NULL));
}

static void identity_and_transfer(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct participant p;
	struct store_txn *t;
	uint64_t *ids;
	size_t n;
	char *cause = NULL;

	participant_init(&p);
	p.id = f->pid;
	p.last_name = (char *)"Nguyễn";
	p.first_name = (char *)"Thị Ánh";
	p.phone = (char *)"06 12 34 56 78";
	p.gender = GENDER_FEMALE;
	assert_int_equal(edit_identity(f->s, &f->ctx, &p, &cause), PC_OK);
	load(f, &pf);
	assert_string_equal(pf.p.last_name, "Nguyễn");
	assert_string_equal(pf.p.phone, "06 12 34 56 78");
	assert_null(pf.p.publics);		   /* cleared as asked */
	assert_string_equal(pf.p.stage, "freins"); /* untouched */
	participant_file_clear(&pf);
	p.first_name = (char *)"\xff";
	REFUSED(edit_identity(f->s, &f->ctx, &p, &rcause), "first name");

	assert_int_equal(
		edit_transfer(f->s, &f->ctx, f->pid, "Karim Benali", &cause),
		PC_OK);
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, "Karim Benali", &rcause),
		"already");
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, " ", &rcause), "referent");
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_caseload_ids(t, "Karim Benali", &ids, &n), 0);
	assert_int_equal(n, 1);
	free(ids);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n), 0);
	assert_int_equal(n, 0);
	free(ids);
	store_read_end(&t);
}

static void notes(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(
		edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
			      "Dossier logement déposé, relancer la CAF",
			      &cause),
		PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14), "  ",
			      &rcause),
		"note: required");
	assert_int_equal(edit_note_add(f->s, &f->ctx, 4242, D(2026, 10, 14),
				       "x", &cause),
			 PC_ENOTFOUND);
	free(cause);
	load(f, &pf);
	assert_int_equal(pf.n_notes, 1);
	assert_string_equal(pf.notes[0].text,
			    "Dossier logement déposé, relancer la CAF");
	participant_file_clear(&pf);
}

/* The shared validation of text (model.h) behind every form: control
 * characters, blank names, absurd lengths (issue 10, item 18). */
static void text_fields(void **state)
{
	struct edit_fixture *f = *state;
	struct participant p;
	struct job j;
	char *big = malloc(MODEL_NOTE_MAX + 2), *cause = NULL;

	participant_init(&p);
	p.first_name = (char *)"Zoë";
	p.birth_date = D(1990, 1, 1);
	p.last_name = (char *)"\xc2\xa0 \xe2\x80\x8b"; /* NBSP, space, ZWSP */
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: required");
	p.last_name = (char *)"PWNED\x1b]0;title\x07";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: holds a control character (U+001B)");
	p.last_name = (char *)"DUPONT\nFAKE ROW";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"U+000A");
	p.last_name = (char *)"C1\xc2\x9b";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"U+009B");
	memset(big, 'a', MODEL_NAME_MAX + 1);
	big[MODEL_NAME_MAX + 1] = '\0';
	p.last_name = big;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: too long (201 bytes, at most 200)");
	big[MODEL_NAME_MAX] = '\0';
	p.phone = (char *)"06\t12";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"phone");
	p.phone = NULL;
	p.birth_date = D(1900, 1, 1) - 1;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"birth date: outside 1900–2199");
	p.birth_date = D(1900, 1, 1);
	assert_int_equal(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1),
					      NULL, &cause),
			 PC_OK);

	/* A note may hold line breaks and tabs, nothing else below U+0020. */
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       "deux\nlignes\tet un tab", &cause),
			 PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
			      "retour\rchariot", &rcause),
		"note: holds a control character (U+000D)");
	memset(big, 'n', MODEL_NOTE_MAX + 1);
	big[MODEL_NOTE_MAX + 1] = '\0';
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14), big,
			      &rcause),
		"note: too long (10001 bytes, at most 10000)");
	big[MODEL_NOTE_MAX] = '\0';
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       big, &cause),
			 PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, DATE_DAY_MAX + 1, "x",
			      &rcause),
		"date: outside 1900–2199");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      600, "entretien\x1b[2J", MODE_PHONE, NULL,
				      &rcause),
		"kind: holds a control character");
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, " ", &rcause),
		"referent: required");

	job_init(&j);
	j.employer = (char *)"EHPAD\x7f";
	j.start = D(2026, 10, 31);
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause),
		"employer: holds a control character (U+007F)");
	j.employer = (char *)"EHPAD";
	j.planned_end = DATE_DAY_MAX + 1;
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause),
		"planned end: outside 1900–2199");
	free(big);
}

/* The journal lines about the fixture's participant, joined by '\n'
 * (the caller frees). */
static char *journal_text(struct edit_fixture *f)
{
	struct store_txn *t = NULL;
	struct journal_entry *j = NULL;
	size_t n = 0, len = 1;
	char *out;

	assert_int_equal(store_read_begin(f->s, &t, NULL), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &j, &n), PC_OK);
	store_read_end(&t);
	for (size_t i = 0; i < n; i++)
		len += strlen(j[i].what) + 1;
	out = calloc(1, len);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		strcat(out, j[i].what);
		strcat(out, "\n");
		journal_entry_clear(&j[i]);
	}
	free(j);
	return out;
}

#define JOURNAL_HAS(f, what)                                                   \
	do {                                                                   \
		char *jt = journal_text(f);                                    \
		if (strstr(jt, what) == NULL)                                  \
			fail_msg("journal lacks '%s':\n%s", what, jt);         \
		free(jt);                                                      \
	} while (0)

/* The store passes its own check (indexes and records agree). */
static void store_sound(struct edit_fixture *f)
{
	size_t problems = 0;
	char *report = NULL, *cause = NULL;

	assert_int_equal(store_check(f->s, &problems, &report, &cause), PC_OK);
	if (problems != 0)
		fail_msg("%s", report ? report : "?");
	free(report);
}

/* A reschedule keeps the appointment's id, outcome and note; the planned
 * index follows the new date. */
static void reschedule_keeps_id(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct store_txn *t = NULL;
	uint64_t id, held, *ids = NULL;
	size_t n = 0;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &id, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_reschedule(f->s, &f->ctx, id,
						     D(2026, 12, 8),
						     14 * 60 + 30, "atelier CV",
						     MODE_VIDEO, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_appts, 1);
	assert_int_equal(pf.appts[0].id, id);
	assert_int_equal(pf.appts[0].date, D(2026, 12, 8));
	assert_int_equal(pf.appts[0].minute, 14 * 60 + 30);
	assert_string_equal(pf.appts[0].kind, "atelier CV");
	assert_int_equal(pf.appts[0].mode, MODE_VIDEO);
	assert_int_equal(pf.appts[0].status, APPT_PLANNED);
	participant_file_clear(&pf);
	JOURNAL_HAS(f, "moved to 2026-12-08 14:30");
	JOURNAL_HAS(f, "of 2026-12-03 10:00 moved");
	/* The agenda finds it on its new day only. */
	assert_int_equal(store_read_begin(f->s, &t, NULL), PC_OK);
	assert_int_equal(store_planned_between(t, D(2026, 12, 3),
					       D(2026, 12, 3), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_planned_between(t, D(2026, 12, 8),
					       D(2026, 12, 8), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], id);
	free(ids);
	store_read_end(&t);

	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    14 * 60 + 30, "atelier CV",
					    MODE_VIDEO, &rcause),
		"nothing to change");
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    24 * 60, "atelier CV", MODE_VIDEO,
					    &rcause),
		"time");
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    600, " ", MODE_VIDEO, &rcause),
		"kind");
	assert_int_equal(edit_appointment_reschedule(f->s, &f->ctx, 999,
						     D(2026, 12, 8), 600, "x",
						     MODE_PHONE, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;

	/* A held appointment entered on the wrong day: its date corrected,
	 * its outcome and note kept, never put in the future. */
	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &held, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, held,
						  APPT_DONE, "CV revu", &cause),
			 PC_OK);
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, held,
					    D(2026, 11, 27), 600, "entretien",
					    MODE_IN_PERSON, &rcause),
		"cannot be after today");
	assert_int_equal(edit_appointment_reschedule(
				 f->s, &f->ctx, held, D(2026, 11, 19), 600,
				 "entretien", MODE_IN_PERSON, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.appts[0].id, held);
	assert_int_equal(pf.appts[0].date, D(2026, 11, 19));
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_string_equal(pf.appts[0].note, "CV revu");
	participant_file_clear(&pf);

	/* Nothing is planned for someone who left: an appointment before
	 * the exit, still without its outcome, is not moved. */
	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 24), 600,
				 "entretien", MODE_IN_PERSON, &held, &cause),
			 PC_OK);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "demenagement", NULL, &cause),
			 PC_OK);
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, held, D(2026, 12, 9),
					    600, "entretien", MODE_PHONE,
					    &rcause),
		"has left");
	store_sound(f);
}

/* A recorded outcome corrected, back to planned included, journalled
 * from what to what. */
static void outcome_corrected(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t past, future;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &past, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &future, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, past,
						  APPT_MISSED, "pas venue",
						  &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, past,
						  APPT_DONE, "venue en retard",
						  "pas venue", &cause),
			 PC_OK);
	JOURNAL_HAS(f, "of 2026-11-20 corrected from missed to done, note "
		       "corrected");
	/* Made on a note since changed in another window: refused. */
	REFUSED(edit_appointment_correct(f->s, &f->ctx, past, APPT_MISSED,
					 "de A", "pas venue", &rcause),
		"changed in another window");
	REFUSED(edit_appointment_correct(f->s, &f->ctx, past, APPT_DONE,
					 "venue en retard", NULL, &rcause),
		"nothing to change");
	/* The note alone, then cleared. */
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, past,
						  APPT_DONE, NULL, NULL, &cause),
			 PC_OK);
	JOURNAL_HAS(f, "of 2026-11-20: note corrected");
	/* Cancelled by mistake: planned again. */
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, future,
						  APPT_CANCELLED, NULL, &cause),
			 PC_OK);
	REFUSED(edit_appointment_correct(f->s, &f->ctx, future, APPT_DONE, NULL,
					 NULL, &rcause),
		"2026-12-03");
	REFUSED(edit_appointment_correct(f->s, &f->ctx, future, 7, NULL, NULL,
					 &rcause),
		"not an outcome");
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, future,
						  APPT_PLANNED, NULL, NULL, &cause),
			 PC_OK);
	JOURNAL_HAS(f, "corrected from cancelled to planned");
	load(f, &pf);
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_null(pf.appts[0].note);
	assert_int_equal(pf.appts[1].status, APPT_PLANNED);
	participant_file_clear(&pf);
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, 999, APPT_DONE,
						  NULL, NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
}

/* Notes edited and deleted: the journal names the note, never its text. */
static void notes_edited_and_deleted(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL, *text;

	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       "Dossier logement déposé", &cause),
			 PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 20),
				       "Écrit sur la mauvaise personne",
				       &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_notes, 2);
	assert_int_equal(pf.notes[0].seq, 1);
	assert_int_equal(pf.notes[1].seq, 2);
	participant_file_clear(&pf);

	assert_int_equal(
		edit_note_edit(f->s, &f->ctx, f->pid, 1, D(2026, 10, 15),
			       "Dossier logement déposé à la CAF", NULL, &cause),
		PC_OK);
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 1, D(2026, 10, 15),
			       "Dossier logement déposé à la CAF", NULL,
			       &rcause),
		"nothing to change");
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 1, D(2026, 10, 15), " ",
			       NULL, &rcause),
		"note: required");
	assert_int_equal(edit_note_delete(f->s, &f->ctx, f->pid, 2, NULL, &cause),
			 PC_OK);
	assert_int_equal(edit_note_delete(f->s, &f->ctx, f->pid, 2, NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_note_edit(f->s, &f->ctx, f->pid, 9,
					D(2026, 10, 15), "x", NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_note_delete(f->s, &f->ctx, 4242, 1, NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;

	load(f, &pf);
	assert_int_equal(pf.n_notes, 1);
	assert_int_equal(pf.notes[0].seq, 1);
	assert_int_equal(pf.notes[0].date, D(2026, 10, 15));
	assert_string_equal(pf.notes[0].text,
			    "Dossier logement déposé à la CAF");
	participant_file_clear(&pf);
	JOURNAL_HAS(f, "note 1 of 2026-10-14 edited");
	JOURNAL_HAS(f, "note 2 of 2026-10-20 deleted");
	text = journal_text(f);
	assert_null(strstr(text, "mauvaise"));
	assert_null(strstr(text, "CAF"));
	free(text);
	store_sound(f);
}

/* An exit recorded by mistake undone: followed again, every exit field
 * cleared, the appointments it cancelled still cancelled. */
/* An edit or a deletion made on a note as it was read is refused once
 * the note changed: another window edited it, or deleted it and a new
 * note took its number (before, the new note was overwritten). */
static void notes_stale_refused(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 2),
				       "première", &cause),
			 PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 3),
				       "deuxième", &cause),
			 PC_OK);
	/* Window B deletes note 2 and adds another, which takes number 2. */
	assert_int_equal(edit_note_delete(f->s, &f->ctx, f->pid, 2, "deuxième",
					  &cause),
			 PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 4),
				       "note de B", &cause),
			 PC_OK);
	/* Window A saves its edit of the second note as it read it. */
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 2, D(2026, 11, 3),
			       "modifiée par A", "deuxième", &rcause),
		"changed in another window");
	REFUSED(edit_note_delete(f->s, &f->ctx, f->pid, 2, "deuxième", &rcause),
		"changed in another window");
	load(f, &pf);
	assert_int_equal(pf.n_notes, 2);
	assert_string_equal(pf.notes[1].text, "note de B");
	participant_file_clear(&pf);
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
				   "abandon", NULL, &cause),
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
				   NULL, &cause),
			 PC_OK);
	assert_int_equal(edit_exit_outcome(f->s, &f->ctx, f->pid,
					   EXIT_VALIDATED, D(2026, 11, 20), NULL,
					   "pièces au dossier", &cause),
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
						  APPT_PLANNED, NULL, NULL, &cause),
			 PC_OK);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "demenagement", NULL, &cause),
			 PC_OK);
}

/* The same person, as the import finds them: names trimmed, case and
 * accents aside, and the birth date. */
static void same_person(void **state)
{
	struct edit_fixture *f = *state;
	uint64_t id = 99;
	char *cause = NULL;

	assert_int_equal(import_find_person(f->s, " LEFEVRE ", "élodie",
					    D(1991, 4, 3), &id, &cause),
			 PC_OK);
	assert_int_equal(id, f->pid);
	assert_int_equal(import_find_person(f->s, "Lefèvre", "Élodie",
					    D(1991, 4, 4), &id, &cause),
			 PC_OK);
	assert_int_equal(id, 0);
	assert_int_equal(import_find_person(f->s, "Lefèvre", "Elodie Marie",
					    D(1991, 4, 3), &id, &cause),
			 PC_OK);
	assert_int_equal(id, 0);
	assert_int_equal(
		import_find_person(f->s, NULL, NULL, DATE_NONE, &id, &cause),
		PC_OK);
	assert_int_equal(id, 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(added_participant),
		T(plan_then_outcome),
		T(stage_moves),
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
		T(identity_and_transfer),
		T(notes),
		T(text_fields),
		T(reschedule_keeps_id),
		T(outcome_corrected),
		T(notes_edited_and_deleted),
		T(notes_stale_refused),
		T(exit_undone),
		T(same_person),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

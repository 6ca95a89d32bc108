/* test_employment.c: qualifying employment and its six months, case by
 * case (tests/employment_property.py compares random histories). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "employment.h"
#include "helpers.h"

/* The rules as the default configuration sets them. */
static const struct config cfg = {
	.followup_months = 6,
	.min_weekly_minutes = 17 * 60 + 30,
	.max_gap_days = 3,
};

#define D(y, m, d) date_from_ymd(y, m, d)
#define NONE	   DATE_NONE
#define H(h)	   ((int)((h)*60))

static struct job job(const char *contract, pdate start, pdate planned,
		      pdate ended, int minutes)
{
	struct job j;

	job_init(&j);
	j.contract = (char *)contract; /* not owned: never cleared */
	j.start = start;
	j.planned_end = planned;
	j.ended = ended;
	j.weekly_minutes = minutes;
	return j;
}

static struct employment_status eval(const struct job *jobs, size_t n,
				     pdate today)
{
	struct employment_status e;

	employment_evaluate(&cfg, jobs, n, today, &e);
	return e;
}

static void no_job(void **state)
{
	struct employment_status e = eval(NULL, 0, D(2026, 11, 28));

	(void)state;
	assert_int_equal(e.since, NONE);
	assert_int_equal(e.six_months, NONE);
	assert_false(e.qualifying || e.reached || e.seasonal);
	assert_int_equal(e.worked_days, 0);
}

/* A CDI of 4 hours a week is not qualifying; one of 35 hours is. */
static void cdi_hours(void **state)
{
	struct job small = job("cdi", D(2026, 1, 1), NONE, NONE, H(4));
	struct job full = job("cdi", D(2026, 1, 1), NONE, NONE, H(35));
	struct job half = job("cdi", D(2026, 1, 1), NONE, NONE, H(17.5));
	struct job under = job("cdi", D(2026, 1, 1), NONE, NONE, H(17.5) - 1);
	struct employment_status e;

	(void)state;
	e = eval(&small, 1, D(2026, 11, 1));
	assert_false(e.qualifying);
	assert_false(e.reached);
	assert_int_equal(e.since, NONE);

	e = eval(&full, 1, D(2026, 6, 30));
	assert_true(e.qualifying);
	assert_true(e.on_course);
	assert_false(e.reached);
	assert_int_equal(e.since, D(2026, 1, 1));
	assert_int_equal(e.until, EMPLOYMENT_OPEN);
	assert_int_equal(e.six_months, D(2026, 7, 1));
	e = eval(&full, 1, D(2026, 7, 1));
	assert_true(e.reached);

	assert_true(eval(&half, 1, D(2026, 7, 1)).reached);
	assert_false(eval(&under, 1, D(2026, 7, 1)).qualifying);
}

/* A CDD whose planned end falls before six months does not reach them,
 * unless continued; one planned to the last day of the six months does. */
static void cdd_short(void **state)
{
	struct job jobs[2] = {
		job("cdd", D(2026, 1, 15), D(2026, 5, 31), NONE, H(35)),
		job("cdd", D(2026, 6, 1), D(2026, 12, 31), NONE, H(35)),
	};
	struct job exact =
		job("cdd", D(2026, 1, 15), D(2026, 7, 14), NONE, H(35));
	struct employment_status e;

	(void)state;
	e = eval(jobs, 1, D(2026, 3, 1));
	assert_true(e.qualifying);
	assert_false(e.on_course);
	assert_int_equal(e.until, D(2026, 5, 31));
	assert_int_equal(e.six_months, D(2026, 7, 15));
	e = eval(jobs, 1, D(2026, 8, 1));
	assert_false(e.qualifying);
	assert_false(e.reached);
	assert_int_equal(e.since, NONE);

	/* Renewed the next day, recorded ahead of time. */
	e = eval(jobs, 2, D(2026, 3, 1));
	assert_true(e.on_course);
	assert_int_equal(e.until, D(2026, 12, 31));
	e = eval(jobs, 2, D(2026, 7, 15));
	assert_true(e.reached);
	assert_int_equal(e.since, D(2026, 1, 15));

	e = eval(&exact, 1, D(2026, 7, 14));
	assert_true(e.on_course);
	assert_false(e.reached);
	e = eval(&exact, 1, D(2026, 7, 15));
	assert_true(e.reached);
	assert_false(e.qualifying == false && e.since == NONE);
	/* Ended early: the planned end no longer counts. */
	exact.ended = D(2026, 6, 30);
	assert_false(eval(&exact, 1, D(2026, 7, 15)).reached);
}

/* Interim 2026-01-15 to 04-30, then from 05-01: six months on 07-15. */
static void interim_chain(void **state)
{
	struct job jobs[2] = {
		job("interim", D(2026, 1, 15), D(2026, 4, 30), D(2026, 4, 30),
		    H(35)),
		job("interim", D(2026, 5, 1), NONE, NONE, H(35)),
	};
	struct employment_status e;

	(void)state;
	e = eval(jobs, 2, D(2026, 7, 14));
	assert_true(e.qualifying);
	assert_false(e.reached);
	assert_int_equal(e.since, D(2026, 1, 15));
	assert_int_equal(e.six_months, D(2026, 7, 15));
	/* A mission without a planned end is known up to today only: today
	 * is the last day of the six months, the day before was not. */
	assert_int_equal(e.until, D(2026, 7, 14));
	assert_true(e.on_course);
	assert_false(eval(jobs, 2, D(2026, 7, 13)).on_course);
	e = eval(jobs, 2, D(2026, 7, 15));
	assert_true(e.reached);

	/* Thursday 30 April, then Monday 4 May: three days, one chain. */
	jobs[1].start = D(2026, 5, 4);
	e = eval(jobs, 2, D(2026, 7, 15));
	assert_true(e.reached);
	assert_int_equal(e.since, D(2026, 1, 15));
	/* From Tuesday 5 May: four days without work break the chain. */
	jobs[1].start = D(2026, 5, 5);
	e = eval(jobs, 2, D(2026, 7, 15));
	assert_false(e.reached);
	assert_int_equal(e.since, D(2026, 5, 5));
	assert_int_equal(e.six_months, D(2026, 11, 5));

	/* Between two missions, within the tolerance, the run holds. */
	e = eval(jobs, 1, D(2026, 5, 3));
	assert_true(e.qualifying);
	assert_int_equal(e.since, D(2026, 1, 15));
	e = eval(jobs, 1, D(2026, 5, 4));
	assert_false(e.qualifying);
	assert_int_equal(e.since, NONE);
}

/* Two part-time jobs held at once add up. */
static void concurrent_part_time(void **state)
{
	struct job jobs[2] = {
		job("cdi", D(2026, 1, 1), NONE, NONE, H(10)),
		job("cdd", D(2026, 2, 10), D(2026, 12, 31), NONE, H(10)),
	};
	struct employment_status e;

	(void)state;
	e = eval(jobs, 1, D(2026, 3, 1));
	assert_false(e.qualifying);
	e = eval(jobs, 2, D(2026, 3, 1));
	assert_true(e.qualifying);
	assert_int_equal(e.since, D(2026, 2, 10)); /* not the CDI's start */
	assert_int_equal(e.until, D(2026, 12, 31));
	assert_int_equal(e.six_months, D(2026, 8, 10));
	assert_true(e.on_course);
	assert_true(eval(jobs, 2, D(2026, 8, 10)).reached);
	/* After the CDD, the CDI alone is under half-time again. */
	e = eval(jobs, 2, D(2027, 1, 10));
	assert_false(e.qualifying);
	assert_true(e.reached); /* the run that reached six months */
	assert_int_equal(e.since, D(2026, 2, 10));
}

/* Month ends and leap years: the day is clamped to the month's end. */
static void month_ends(void **state)
{
	struct job j = job("cdi", D(2026, 8, 31), NONE, NONE, H(35));
	struct employment_status e;

	(void)state;
	e = eval(&j, 1, D(2027, 2, 27));
	assert_int_equal(e.six_months, D(2027, 2, 28));
	assert_false(e.reached);
	assert_true(eval(&j, 1, D(2027, 2, 28)).reached);

	j.start = D(2027, 8, 31); /* to a leap February */
	assert_int_equal(eval(&j, 1, D(2027, 9, 1)).six_months, D(2028, 2, 29));
	j.start = D(2028, 2, 29);
	e = eval(&j, 1, D(2028, 8, 28));
	assert_int_equal(e.six_months, D(2028, 8, 29));
	assert_false(e.reached);
	assert_true(eval(&j, 1, D(2028, 8, 29)).reached);
	/* A CDD from 29 February to 28 August is six months. */
	j = job("cdd", D(2028, 2, 29), D(2028, 8, 28), NONE, H(35));
	assert_true(eval(&j, 1, D(2028, 8, 29)).reached);
	j.planned_end = D(2028, 8, 27);
	assert_false(eval(&j, 1, D(2028, 8, 29)).reached);
}

/* Eight months worked in the last twelve: two seasons. */
static void seasonal(void **state)
{
	/* 121 + 153 = 274 days in 2025-11-29..2026-11-28 (365 days); the
	 * last eight months, 2026-03-29..2026-11-28, are 245 days. */
	struct job jobs[2] = {
		job("cdd", D(2025, 12, 1), D(2026, 3, 31), NONE, H(35)),
		job("cdd", D(2026, 5, 1), D(2026, 9, 30), NONE, H(35)),
	};
	struct employment_status e;

	(void)state;
	e = eval(jobs, 2, D(2026, 11, 28));
	assert_false(e.qualifying);
	assert_int_equal(e.worked_days, 274);
	assert_int_equal(e.season_days, 245);
	assert_true(e.seasonal);
	/* Met since 2026-08-30: 121 + 122 = 243 days worked in
	 * 2025-08-31..2026-08-30, against 2026-08-30 - 2025-12-30 = 243;
	 * on 2026-08-29, 242 days against 243. */
	assert_int_equal(e.seasonal_since, D(2026, 8, 30));
	assert_false(eval(jobs, 2, D(2026, 8, 29)).seasonal);

	/* Seven months: not enough. */
	jobs[1].planned_end = D(2026, 7, 31);
	e = eval(jobs, 2, D(2026, 11, 28));
	assert_int_equal(e.worked_days, 121 + 92);
	assert_false(e.seasonal);
	assert_int_equal(e.seasonal_since, NONE);

	/* Days under half-time do not count. */
	jobs[1] = job("cdd", D(2026, 5, 1), D(2026, 9, 30), NONE, H(10));
	assert_int_equal(eval(jobs, 2, D(2026, 11, 28)).worked_days, 121);
	/* The window ends today: a day worked a year ago no longer counts. */
	jobs[0] = job("cdd", D(2025, 11, 28), D(2025, 11, 29), NONE, H(35));
	assert_int_equal(eval(jobs, 1, D(2026, 11, 28)).worked_days, 1);
}

/* Work-study contracts count whatever their weekly hours. */
static void work_study(void **state)
{
	struct job j =
		job("alternance", D(2026, 9, 1), D(2028, 8, 31), NONE, H(10));
	struct employment_status e;

	(void)state;
	e = eval(&j, 1, D(2026, 10, 1));
	assert_true(e.qualifying);
	assert_true(e.work_study);
	assert_true(e.on_course);
	assert_int_equal(e.six_months, D(2027, 3, 1));
	assert_true(eval(&j, 1, D(2027, 3, 1)).reached);
	j.contract = "cdd";
	assert_false(eval(&j, 1, D(2026, 10, 1)).qualifying);
}

/* A job recorded ahead does not make today qualifying; odd records (no
 * start, an end before the start) count for nothing. */
static void future_and_odd(void **state)
{
	struct job jobs[3] = {
		job("cdi", D(2026, 12, 1), NONE, NONE, H(35)),
		job("cdd", NONE, D(2026, 12, 1), NONE, H(35)),
		job("cdd", D(2026, 5, 1), NONE, D(2026, 4, 1), H(35)),
	};
	struct employment_status e = eval(jobs, 3, D(2026, 11, 28));

	(void)state;
	assert_false(e.qualifying);
	assert_int_equal(e.since, NONE);
	assert_int_equal(e.worked_days, 0);
	e = eval(jobs, 3, D(2026, 12, 1));
	assert_true(e.qualifying);
	assert_int_equal(e.since, D(2026, 12, 1));
}

/* A threshold of zero still needs a job: days without one never count. */
static void zero_threshold(void **state)
{
	struct config zero = cfg;
	struct job j = job("cdd", D(2026, 1, 1), D(2026, 1, 31), NONE, 0);
	struct employment_status e;

	(void)state;
	zero.min_weekly_minutes = 0;
	employment_evaluate(&zero, &j, 1, D(2026, 1, 10), &e);
	assert_true(e.qualifying);
	assert_int_equal(e.until, D(2026, 1, 31));
	employment_evaluate(&zero, &j, 1, D(2026, 3, 1), &e);
	assert_false(e.qualifying);
	assert_int_equal(e.worked_days, 31);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_job),
		cmocka_unit_test(cdi_hours),
		cmocka_unit_test(cdd_short),
		cmocka_unit_test(interim_chain),
		cmocka_unit_test(concurrent_part_time),
		cmocka_unit_test(month_ends),
		cmocka_unit_test(seasonal),
		cmocka_unit_test(work_study),
		cmocka_unit_test(future_and_odd),
		cmocka_unit_test(zero_threshold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

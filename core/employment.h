/* employment.h: qualifying employment and its six months, as pure
 * functions of the jobs, the configuration and today. */
#ifndef PARCOURS_EMPLOYMENT_H
#define PARCOURS_EMPLOYMENT_H

#include "config.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* Seasonal work: this many months worked in the last EMPLOYMENT_SEASON_OF. */
#define EMPLOYMENT_SEASON_MONTHS 8
#define EMPLOYMENT_SEASON_OF	 12

/*
 * What the jobs say as of `today`.
 *
 * A day is qualifying when jobs are held that day and add up to at least
 * c->min_weekly_minutes a week, or one of them is a work-study contract
 * ("alternance", whatever its hours). A job covers its start to its end:
 * `ended` when recorded, else its planned end (past or coming), else, for
 * a CDI, indefinitely, and for any other contract, up to today. A run is
 * a chain of qualifying days with at most c->max_gap_days days without
 * work between two of them; a job starting after today only continues
 * a run.
 */
struct employment_status {
	/* The run: the one holding today (a gap within the tolerance
	 * included), else the latest run that reached six months before
	 * today, else none (since = DATE_NONE and the rest zero). */
	pdate since;	  /* its first day: check-ins count from it */
	pdate until;	  /* its last day as known; EMPLOYMENT_OPEN for a CDI */
	pdate six_months; /* since + c->followup_months, clamped (date.h) */
	bool qualifying;  /* today lies in the run */
	bool on_course;	  /* the run covers the day before six_months */
	bool reached;	  /* on_course and six_months <= today */
	bool work_study;  /* a work-study contract is part of the run */
	/* Seasonal work: qualifying days in the twelve months to today, that
	 * is today - date_add_months(today, -12) days ending today, against
	 * the days of the last eight months likewise. */
	int worked_days;
	int season_days;      /* days needed: today - (today - 8 months) */
	bool seasonal;	      /* worked_days >= season_days */
	pdate seasonal_since; /* the first of the days up to today that each
				 met the rule, looked for over the last
				 twelve months; DATE_NONE when !seasonal */
};

/* "Until further notice": the end of a run that holds an open CDI. */
#define EMPLOYMENT_OPEN DATE_DAY_MAX

/*
 * Evaluate the `n` jobs at `jobs` (NULL when n is 0) as of `today` into
 * *out, wholly overwritten (nothing to free). Jobs without a start, or
 * ending before they start, do not count. Nothing is allocated.
 */
void employment_evaluate(const struct config *c, const struct job *jobs,
			 size_t n, pdate today, struct employment_status *out);

/* The same, counting work from `from` only (DATE_NONE: all of it): a job
 * over before `from` does not count, one going on counts from `from`. */
void employment_evaluate_from(const struct config *c, const struct job *jobs,
			      size_t n, pdate from, pdate today,
			      struct employment_status *out);

/*
 * The run whose days hold `day` (from its first qualifying day to its
 * last), as the jobs known as of `today` make it, work counted from
 * `from` as above: its since, until, six_months, on_course, reached and
 * qualifying (as of today) in *out, the seasonal fields zero. False, *out
 * as for no work, when no qualifying work holds `day`.
 */
bool employment_run_at(const struct config *c, const struct job *jobs,
		       size_t n, pdate from, pdate day, pdate today,
		       struct employment_status *out);

/*
 * The first day from `first` to `today` on which seasonal work was met
 * (eight months of work in the twelve before it, work counted from
 * `from`), or DATE_NONE. Once met, it stays met: the season was done.
 */
pdate employment_season_reached(const struct config *c, const struct job *jobs,
				size_t n, pdate from, pdate first,
				pdate today);

/* True when the contract id is open-ended ("cdi"). */
bool employment_open_ended(const char *contract);

/* True when the contract id is a temp mission ("interim"): the next one is
 * rarely known when one starts. */
bool employment_temp_mission(const char *contract);

/* True when the contract id is a work-study one ("alternance"). */
bool employment_work_study(const char *contract);

#endif

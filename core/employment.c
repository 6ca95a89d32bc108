/* employment.c: qualifying employment and its six months. Pure: no I/O,
 * no clock, no allocation. */
#include "employment.h"
#include "date.h"

#include <string.h>

bool employment_open_ended(const char *contract)
{
	return contract != NULL && strcmp(contract, "cdi") == 0;
}

bool employment_temp_mission(const char *contract)
{
	return contract != NULL && strcmp(contract, "interim") == 0;
}

bool employment_work_study(const char *contract)
{
	return contract != NULL && strcmp(contract, "alternance") == 0;
}

/* The jobs and what a day needs to qualify, shared by the walks below. */
struct ctx {
	const struct job *jobs;
	size_t n;
	pdate today;
	int min_minutes;
	pdate from; /* work before this day does not count; DATE_NONE: all */
};

/* The first and last day job i covers; false when it covers none. */
static bool span(const struct ctx *x, size_t i, pdate *first, pdate *last)
{
	const struct job *j = &x->jobs[i];
	pdate end;

	if (j->start == DATE_NONE)
		return false;
	if (j->ended != DATE_NONE)
		end = j->ended;
	else if (j->planned_end != DATE_NONE)
		end = j->planned_end;
	else if (employment_open_ended(j->contract))
		end = EMPLOYMENT_OPEN;
	else
		end = x->today;
	if (end < j->start)
		return false;
	*first = j->start;
	*last = end;
	/* Work before `from` does not count: a job over by then not at
	 * all, one going on from that day. */
	if (x->from != DATE_NONE && *first < x->from) {
		if (*last < x->from)
			return false;
		*first = x->from;
	}
	return true;
}

/* Whether `day` is qualifying: the hours held that day, or work-study. */
static bool qualifies(const struct ctx *x, pdate day)
{
	long minutes = 0;
	bool held = false;
	pdate a, b;

	for (size_t i = 0; i < x->n; i++) {
		if (!span(x, i, &a, &b) || day < a || day > b)
			continue;
		if (employment_work_study(x->jobs[i].contract))
			return true;
		if (x->jobs[i].weekly_minutes > 0)
			minutes += x->jobs[i].weekly_minutes;
		held = true;
	}
	return held && minutes >= x->min_minutes;
}

/* The first day after `day` on which what is held changes (a start, or
 * the day after an end); DATE_NONE when nothing changes any more. */
static pdate next_change(const struct ctx *x, pdate day)
{
	pdate best = DATE_NONE, a, b;

	for (size_t i = 0; i < x->n; i++) {
		if (!span(x, i, &a, &b))
			continue;
		if (a > day && (best == DATE_NONE || a < best))
			best = a;
		if (b != EMPLOYMENT_OPEN && b + 1 > day &&
		    (best == DATE_NONE || b + 1 < best))
			best = b + 1;
	}
	return best;
}

/*
 * The first maximal interval of qualifying days starting at or after
 * `from`, into *first..*last; false when there is none. What is held is
 * constant between two changes, so the walk goes change to change.
 */
static bool next_interval(const struct ctx *x, pdate from, pdate *first,
			  pdate *last)
{
	pdate day = from, next;

	while (!qualifies(x, day)) {
		day = next_change(x, day);
		if (day == DATE_NONE)
			return false;
	}
	*first = day;
	for (;;) {
		next = next_change(x, day);
		if (next == DATE_NONE) {
			*last = EMPLOYMENT_OPEN;
			return true;
		}
		if (!qualifies(x, next)) {
			*last = next - 1;
			return true;
		}
		day = next;
	}
}

/* The earliest day any job covers, or DATE_NONE. */
static pdate earliest(const struct ctx *x)
{
	pdate best = DATE_NONE, a, b;

	for (size_t i = 0; i < x->n; i++)
		if (span(x, i, &a, &b) && (best == DATE_NONE || a < best))
			best = a;
	return best;
}

/* Qualifying days from `a` to `b`, both included. */
static int days_between(const struct ctx *x, pdate a, pdate b)
{
	pdate from = earliest(x), first, last;
	int days = 0;

	if (from == DATE_NONE)
		return 0;
	if (from < a)
		from = a;
	while (from <= b && next_interval(x, from, &first, &last)) {
		if (first > b)
			break;
		days += (last < b ? last : b) - first + 1;
		if (last >= b)
			break;
		from = last + 1;
	}
	return days;
}

/* Whether a job covering `a`..`b` belongs to the run since..until. */
static bool in_run(pdate a, pdate b, pdate since, pdate until)
{
	return a <= until && b >= since;
}

static void set_run(const struct config *c, const struct ctx *x, pdate since,
		    pdate until, struct employment_status *out)
{
	pdate a, b;

	out->since = since;
	out->until = until;
	out->six_months = date_add_months(since, c->followup_months);
	out->qualifying =
		since <= x->today && (until == EMPLOYMENT_OPEN ||
				      x->today <= until + c->max_gap_days);
	out->on_course = until >= out->six_months - 1;
	out->reached = out->on_course && out->six_months <= x->today;
	out->work_study = false;
	for (size_t i = 0; i < x->n; i++)
		if (employment_work_study(x->jobs[i].contract) &&
		    span(x, i, &a, &b) && in_run(a, b, since, until))
			out->work_study = true;
}

/* Copy the run r into *out, the seasonal fields left as they are. */
static void take_run(const struct employment_status *r,
		     struct employment_status *out)
{
	out->since = r->since;
	out->until = r->until;
	out->six_months = r->six_months;
	out->qualifying = r->qualifying;
	out->on_course = r->on_course;
	out->reached = r->reached;
	out->work_study = r->work_study;
}

/*
 * The runs, in order. With `day` DATE_NONE: keep the one holding today,
 * else the latest that reached six months. Else: keep the one whose days
 * hold `day` (its first day to its last), and return whether there is one.
 */
static bool runs(const struct config *c, const struct ctx *x, pdate day,
		 struct employment_status *out)
{
	pdate from = earliest(x), first, last, since = DATE_NONE, until = 0;
	struct employment_status r;
	bool more = true;

	if (from == DATE_NONE)
		return false;
	while (more) {
		more = until != EMPLOYMENT_OPEN &&
		       next_interval(x, since == DATE_NONE ? from : until + 1,
				     &first, &last);
		if (more && since != DATE_NONE &&
		    first - until - 1 <= c->max_gap_days) {
			until = last;
			continue;
		}
		if (since != DATE_NONE) {
			/* The run since..until is complete. */
			if (since > x->today ||
			    (day != DATE_NONE && since > day))
				return false;
			set_run(c, x, since, until, &r);
			if (day != DATE_NONE && day <= until) {
				take_run(&r, out);
				return true;
			}
			if (day == DATE_NONE && (r.qualifying || r.reached))
				take_run(&r, out);
		}
		if (more) {
			since = first;
			until = last;
		}
	}
	return false;
}

/* Seasonal work on `day`: worked days in its last twelve months against
 * the days of its last eight. */
static bool season_met(const struct ctx *x, pdate day, int *worked, int *needed)
{
	pdate year = date_add_months(day, -EMPLOYMENT_SEASON_OF);
	pdate season = date_add_months(day, -EMPLOYMENT_SEASON_MONTHS);

	*worked = days_between(x, year + 1, day);
	*needed = day - season;
	return *worked >= *needed;
}

/*
 * The first day of the stretch ending today on which seasonal work was met
 * every day, within the last twelve months. The window of day D - 1 is
 * that of D less D, plus the days its start moved back by (a day or
 * none, the months being clamped): one day's look at the jobs per step,
 * not a count over the year, so many short missions stay cheap.
 */
static pdate season_since(const struct ctx *x, pdate today, int worked)
{
	pdate limit = date_add_months(today, -EMPLOYMENT_SEASON_OF);
	pdate day = today, year = limit;

	while (day - 1 > limit) {
		pdate prev = day - 1;
		pdate prev_year = date_add_months(prev, -EMPLOYMENT_SEASON_OF);

		worked -= qualifies(x, day);
		for (pdate d = prev_year + 1; d <= year; d++)
			worked += qualifies(x, d);
		if (worked <
		    prev - date_add_months(prev, -EMPLOYMENT_SEASON_MONTHS))
			break;
		day = prev;
		year = prev_year;
	}
	return day;
}

/* *out as employment_evaluate leaves it before it looks at the jobs. */
static void clear_status(struct employment_status *out)
{
	memset(out, 0, sizeof *out);
	out->since = DATE_NONE;
	out->until = DATE_NONE;
	out->six_months = DATE_NONE;
	out->seasonal_since = DATE_NONE;
}

void employment_evaluate(const struct config *c, const struct job *jobs,
			 size_t n, pdate today, struct employment_status *out)
{
	employment_evaluate_from(c, jobs, n, DATE_NONE, today, out);
}

bool employment_run_at(const struct config *c, const struct job *jobs,
		       size_t n, pdate from, pdate day, pdate today,
		       struct employment_status *out)
{
	struct ctx x = { jobs, jobs != NULL ? n : 0, today,
			 c->min_weekly_minutes, from };

	clear_status(out);
	if (day == DATE_NONE)
		return false;
	return runs(c, &x, day, out);
}

pdate employment_season_reached(const struct config *c, const struct job *jobs,
				size_t n, pdate from, pdate first, pdate today)
{
	struct ctx x = { jobs, jobs != NULL ? n : 0, today,
			 c->min_weekly_minutes, from };
	int worked, needed;

	/* A day at a time from `first`: the window moves by a day, or by
	 * none or two where the months are clamped; count it again then. */
	for (pdate day = first; day != DATE_NONE && day <= today; day++)
		if (season_met(&x, day, &worked, &needed))
			return day;
	return DATE_NONE;
}

void employment_evaluate_from(const struct config *c, const struct job *jobs,
			      size_t n, pdate from, pdate today,
			      struct employment_status *out)
{
	struct ctx x = { jobs, jobs != NULL ? n : 0, today,
			 c->min_weekly_minutes, from };

	clear_status(out);
	runs(c, &x, DATE_NONE, out);

	out->seasonal =
		season_met(&x, today, &out->worked_days, &out->season_days);
	if (out->seasonal)
		out->seasonal_since = season_since(&x, today, out->worked_days);
}

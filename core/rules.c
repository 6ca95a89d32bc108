/* rules.c: the attention flags. Pure: no I/O, no clock. */
#include "rules.h"
#include "date.h"
#include "employment.h"
#include "fse.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

static const char *const flag_names[FLAG_COUNT] = {
	[FLAG_APPOINTMENT_OVERDUE] = "appointment-overdue",
	[FLAG_CHECKIN_OVERDUE] = "checkin-overdue",
	[FLAG_WORK_LOST] = "work-lost",
	[FLAG_NO_SHOW] = "no-show",
	[FLAG_FIRST_APPOINTMENT] = "first-appointment",
	[FLAG_CONTACT_OVERDUE] = "contact-overdue",
	[FLAG_MAX_DURATION] = "max-duration",
	[FLAG_CHECKIN_DUE] = "checkin-due",
	[FLAG_READY_TO_EXIT] = "ready-to-exit",
	[FLAG_VALIDATE_EXIT] = "validate-exit",
	[FLAG_FSE_SURVEY_OVERDUE] = "fse-survey-overdue",
	[FLAG_FSE_ENTRY_INCOMPLETE] = "fse-entry-incomplete",
	[FLAG_FSE_SURVEY_DUE] = "fse-survey-due",
};

const char *rules_flag_name(enum flag_kind kind)
{
	return kind < FLAG_COUNT ? flag_names[kind] : "?";
}

enum flag_level rules_flag_level(const struct flag *fl)
{
	switch (fl->kind) {
	case FLAG_CHECKIN_DUE:
	case FLAG_FSE_SURVEY_DUE:
		return LEVEL_SOON;
	case FLAG_MAX_DURATION:
		return fl->days < 0 ? LEVEL_OVERDUE : LEVEL_SOON;
	case FLAG_FIRST_APPOINTMENT:
		/* count: the stage's contact interval, in days */
		return fl->days > fl->count ? LEVEL_OVERDUE : LEVEL_SOON;
	case FLAG_READY_TO_EXIT:
	case FLAG_VALIDATE_EXIT:
		return LEVEL_READY;
	default:
		return LEVEL_OVERDUE;
	}
}

enum flag_kind rules_flag_by_name(const char *name)
{
	for (int k = 0; k < FLAG_COUNT; k++)
		if (strcmp(flag_names[k], name) == 0)
			return (enum flag_kind)k;
	return FLAG_COUNT;
}

static void add(struct rules_summary *s, enum flag_kind kind, pdate date,
		int days, int count)
{
	struct flag *f = &s->flags[s->n_flags++];

	f->kind = kind;
	f->date = date;
	f->days = days;
	f->count = count;
}

/* Planned appointments in the past, and the first one from today on. */
static void appointment_rules(const struct participant_file *f, pdate today,
			      struct rules_summary *s, bool *any_planned)
{
	pdate oldest = DATE_NONE, last_outcome = DATE_NONE;
	int overdue = 0;
	bool last_missed = false;

	*any_planned = false;
	for (size_t i = 0; i < f->n_appts; i++) {
		const struct appointment *a = &f->appts[i];

		switch (a->status) {
		case APPT_PLANNED:
			*any_planned = true;
			if (a->date < today) {
				if (overdue++ == 0)
					oldest = a->date;
			} else if (s->next_appointment == DATE_NONE) {
				s->next_appointment = a->date;
			}
			break;
		case APPT_DONE:
		case APPT_MISSED:
			if (a->date > today)
				break; /* an outcome cannot be in the future */
			if (a->status == APPT_DONE)
				s->last_contact = a->date;
			last_outcome = a->date;
			last_missed = a->status == APPT_MISSED;
			break;
		case APPT_CANCELLED:
			break;
		}
	}
	if (overdue > 0)
		add(s, FLAG_APPOINTMENT_OVERDUE, oldest, today - oldest,
		    overdue);
	/* An in-work check-in is a contact too. */
	for (size_t i = 0; i < f->n_jobs; i++) {
		for (size_t k = 0; k < f->jobs[i].n_checkins; k++) {
			pdate done = f->jobs[i].checkins[k].done;

			if (done != DATE_NONE && done <= today &&
			    (s->last_contact == DATE_NONE ||
			     done > s->last_contact))
				s->last_contact = done;
		}
	}
	/* A missed appointment with no contact and nothing planned since. */
	if (last_missed &&
	    (s->last_contact == DATE_NONE || s->last_contact <= last_outcome)) {
		bool replanned = false;

		for (size_t i = 0; i < f->n_appts && !replanned; i++)
			replanned = f->appts[i].status == APPT_PLANNED &&
				    f->appts[i].date >= last_outcome;
		if (!replanned)
			add(s, FLAG_NO_SHOW, last_outcome, today - last_outcome,
			    0);
	}
}

/* True when no appointment was ever planned or held: only cancelled ones,
 * or none. */
static bool never_seen(const struct participant_file *f)
{
	for (size_t i = 0; i < f->n_appts; i++)
		if (f->appts[i].status != APPT_CANCELLED)
			return false;
	return true;
}

/* When the check-in at `offset` was held, on any job started from `lo` to
 * `hi` (the jobs of a run keep the check-ins of the run); DATE_NONE. */
static pdate checkin_held_on(const struct participant_file *f, pdate lo,
			     pdate hi, int offset)
{
	for (size_t i = 0; i < f->n_jobs; i++) {
		const struct job *j = &f->jobs[i];
		const struct checkin *ck = job_checkin(j, offset);

		if (j->start >= lo && j->start <= hi && ck != NULL &&
		    ck->done != DATE_NONE)
			return ck->done;
	}
	return DATE_NONE;
}

static bool checkin_held(const struct participant_file *f, pdate lo, pdate hi,
			 int offset)
{
	return checkin_held_on(f, lo, hi, offset) != DATE_NONE;
}

/*
 * The employment the follow-up counts: work from the entry into the PLIE
 * on (a job held before it counts from the entry date; one over before
 * it, not at all), evaluated as of `today`. Every job counts: a year of
 * daily missions is a few hundred.
 */
void rules_employment(const struct config *c, const struct participant_file *f,
		      pdate today, struct employment_status *work)
{
	employment_evaluate_from(c, f->jobs, f->n_jobs, f->p.entry_date, today,
				 work);
}

bool rules_exit_run(const struct config *c, const struct participant_file *f,
		    pdate day, pdate today, struct employment_status *run)
{
	return employment_run_at(c, f->jobs, f->n_jobs, f->p.entry_date, day,
				 today, run);
}

bool rules_after_exit(const struct config *c, const struct participant *p)
{
	const struct config_exit_reason *why =
		config_exit_reason(c, p->exit_reason);

	return participant_exit_pending(p) && why != NULL && why->positive &&
	       why->needs != EXIT_NEEDS_NOTHING;
}

bool rules_followup(const struct config *c, const struct participant_file *f,
		    pdate today, struct rules_followup *out)
{
	const struct job *job = participant_file_current_job(f);
	struct employment_status work;

	rules_employment(c, f, today, &work);
	if (work.qualifying) {
		out->start = out->lo = work.since;
		out->hi = work.until;
		return true;
	}
	if (job != NULL && job->start <= today) {
		out->start = out->lo = out->hi = job->start;
		return true;
	}
	out->start = out->lo = out->hi = DATE_NONE;
	return false;
}

pdate rules_checkin_held(const struct participant_file *f,
			 const struct rules_followup *fu, int offset)
{
	return checkin_held_on(f, fu->lo, fu->hi, offset);
}

/* The check-ins due from `start`, held on the jobs started lo..hi. */
static void checkin_rules(const struct config *c,
			  const struct participant_file *f, pdate start,
			  pdate lo, pdate hi, pdate today,
			  struct rules_summary *s)
{
	bool overdue_done = false;

	for (size_t i = 0; i < c->n_checkins; i++) {
		int offset = c->checkin_days[i];
		pdate due = start + offset;

		if (checkin_held(f, lo, hi, offset))
			continue;
		if (due < today) {
			if (!overdue_done)
				add(s, FLAG_CHECKIN_OVERDUE, due, today - due,
				    offset);
			overdue_done = true;
			continue;
		}
		if (due - today <= c->checkin_notice_days)
			add(s, FLAG_CHECKIN_DUE, due, due - today, offset);
		break; /* only the next coming check-in matters */
	}
}

/* Most urgent first: overdue, then soon, then ready (what the markers
 * ▲ ● ★ show), then the order of the kinds, then the oldest date. */
static int cmp_flag(const struct flag *a, const struct flag *b)
{
	enum flag_level la = rules_flag_level(a), lb = rules_flag_level(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->date < b->date ? -1 : a->date > b->date;
}

static void sort_flags(struct rules_summary *s)
{
	/* At most FLAG_COUNT items: insertion sort. */
	for (size_t i = 1; i < s->n_flags; i++) {
		struct flag x = s->flags[i];
		size_t j = i;

		for (; j > 0 && cmp_flag(&s->flags[j - 1], &x) > 0; j--)
			s->flags[j] = s->flags[j - 1];
		s->flags[j] = x;
	}
}

/*
 * The in-work follow-up after an exit at hiring, on the work the exit was
 * recorded on: the run that holds the hiring day, as the jobs known today
 * make it. A break in it is not mended by a job found later, and six
 * months it reached stay reached. Its check-ins while it goes on; once
 * its six months are reached, the exit is to validate; once it stopped
 * before, the work was lost, from the day after its last day. Seasonal
 * work: to validate once eight months in twelve were met on a day since
 * the hiring; lost when twelve months passed without.
 */
static void after_exit_rules(const struct config *c,
			     const struct participant_file *f, pdate today,
			     struct rules_summary *out)
{
	const struct config_exit_reason *why =
		config_exit_reason(c, f->p.exit_reason);
	pdate hired = f->p.exit_hired;
	struct employment_status run, now;

	if (why != NULL && why->needs == EXIT_NEEDS_SEASON) {
		pdate met = employment_season_reached(
			c, f->jobs, f->n_jobs, f->p.entry_date, hired, today);
		pdate year = date_add_months(hired, EMPLOYMENT_SEASON_OF);

		if (met != DATE_NONE) {
			add(out, FLAG_VALIDATE_EXIT, met, today - met,
			    EMPLOYMENT_SEASON_MONTHS);
		} else if (today > year) {
			add(out, FLAG_WORK_LOST, year, today - year, 0);
		} else {
			rules_employment(c, f, today, &now);
			if (now.qualifying)
				checkin_rules(c, f, now.since, now.since,
					      now.until, today, out);
		}
		sort_flags(out);
		return;
	}
	if (!rules_exit_run(c, f, hired, today, &run)) {
		add(out, FLAG_WORK_LOST, hired, today - hired, 0);
	} else if (run.reached) {
		add(out, FLAG_VALIDATE_EXIT, run.six_months,
		    today - run.six_months, c->followup_months);
		/* Check-ins left undone stay to do. */
		checkin_rules(c, f, run.since, run.since, run.until, today,
			      out);
	} else if (run.qualifying) {
		checkin_rules(c, f, run.since, run.since, run.until, today,
			      out);
	} else {
		pdate stop = run.until + 1;

		add(out, FLAG_WORK_LOST, stop, today - stop, 0);
	}
	sort_flags(out);
}

bool rules_flag_enabled(const struct config *c, enum flag_kind kind)
{
	return kind < FLAG_FSE_SURVEY_OVERDUE ||
	       (kind < FLAG_COUNT && c->fse_from != DATE_NONE);
}

bool rules_survey_window(const struct config *c, const struct participant *p,
			 pdate today)
{
	return c->fse_from != DATE_NONE && p->status == STATUS_EXITED &&
	       p->transferred == DATE_NONE && p->exit_date != DATE_NONE &&
	       p->exit_date >= c->fse_from &&
	       today >= fse_survey_from(p->exit_date);
}

/*
 * The six-months survey: due from six months after the exit for the
 * window's days (dated its first day, days left to its last), overdue
 * from the day after (dated that day, days since).
 */
static void survey_rules(const struct config *c,
			 const struct participant_file *f, pdate today,
			 struct rules_summary *out)
{
	pdate from, late;

	if (!rules_survey_window(c, &f->p, today) || fse_survey_done(f))
		return;
	from = fse_survey_from(f->p.exit_date);
	late = from + c->fse_survey_window_days;
	if (today < late)
		add(out, FLAG_FSE_SURVEY_DUE, from, late - 1 - today, 0);
	else
		add(out, FLAG_FSE_SURVEY_OVERDUE, late, today - late, 0);
}

/*
 * Entry answers missing, from entry + grace days (the flag's date) for
 * those who entered on or after fse.from; count: how many questions.
 */
static void entry_rules(const struct config *c,
			const struct participant_file *f, pdate today,
			struct rules_summary *out)
{
	pdate due;
	unsigned missing;

	if (c->fse_from == DATE_NONE || f->p.entry_date == DATE_NONE ||
	    f->p.entry_date < c->fse_from)
		return;
	due = f->p.entry_date + c->fse_entry_grace_days;
	if (today < due || (missing = fse_entry_missing(f)) == 0)
		return;
	add(out, FLAG_FSE_ENTRY_INCOMPLETE, due, today - due,
	    __builtin_popcount(missing));
}

void rules_evaluate(const struct config *c, const struct participant_file *f,
		    pdate today, struct rules_summary *out)
{
	const struct config_stage *stage = config_stage(c, f->p.stage, NULL);
	const struct job *job = participant_file_current_job(f);
	struct employment_status work;
	bool any_planned;

	memset(out, 0, sizeof *out);
	out->last_contact = DATE_NONE;
	out->next_appointment = DATE_NONE;
	/* The time in the stage stops at the exit. */
	out->days_in_stage = f->p.stage_since == DATE_NONE ? 0
			     : f->p.status == STATUS_EXITED &&
					     f->p.exit_date != DATE_NONE &&
					     f->p.exit_date < today
				     ? f->p.exit_date - f->p.stage_since
				     : today - f->p.stage_since;
	appointment_rules(f, today, out, &any_planned);
	if (f->p.status == STATUS_EXITED) {
		out->n_flags = 0;
		if (rules_after_exit(c, &f->p))
			after_exit_rules(c, f, today, out);
		survey_rules(c, f, today, out);
		sort_flags(out);
		return;
	}

	/*
	 * In work, the check-ins set the rhythm instead of the stage: those
	 * of the qualifying run count from its start, whichever contract of
	 * the run is current; work under half-time keeps its job's own.
	 * Ready to exit once the run reaches six months, or on eight months
	 * of seasonal work in twelve.
	 */
	rules_employment(c, f, today, &work);
	if (work.reached)
		add(out, FLAG_READY_TO_EXIT, work.six_months,
		    today - work.six_months, c->followup_months);
	else if (work.seasonal)
		add(out, FLAG_READY_TO_EXIT, work.seasonal_since,
		    today - work.seasonal_since, EMPLOYMENT_SEASON_MONTHS);
	if (work.qualifying) {
		checkin_rules(c, f, work.since, work.since, work.until, today,
			      out);
	} else if (job != NULL && job->start <= today) {
		/* the same window as rules_followup() gives */
		checkin_rules(c, f, job->start, job->start, job->start, today,
			      out);
	} else if (!any_planned && never_seen(f) &&
		   f->p.entry_date != DATE_NONE) {
		/* A newcomer: the first appointment to plan, from day one. */
		add(out, FLAG_FIRST_APPOINTMENT, f->p.entry_date,
		    today - f->p.entry_date,
		    stage != NULL ? stage->contact_days : 0);
	} else if (stage != NULL && !any_planned) {
		pdate ref = out->last_contact != DATE_NONE ? out->last_contact
							   : f->p.entry_date;

		/* Dated the first day past the interval: with 30 days
		 * allowed, a contact on 1 March is overdue from 1 April. */
		if (ref != DATE_NONE && today - ref > stage->contact_days)
			add(out, FLAG_CONTACT_OVERDUE,
			    ref + stage->contact_days + 1, today - ref, 0);
	}

	if (c->max_duration_months > 0 && f->p.entry_date != DATE_NONE) {
		pdate limit = date_add_months(f->p.entry_date,
					      c->max_duration_months);

		if (limit - today <= c->max_duration_notice_days)
			add(out, FLAG_MAX_DURATION, limit, limit - today, 0);
	}
	entry_rules(c, f, today, out);
	sort_flags(out);
}

void rules_flag_reason(const struct flag *fl, char *buf, size_t n)
{
	int d = fl->days;

	switch (fl->kind) {
	case FLAG_APPOINTMENT_OVERDUE:
		if (fl->count > 1)
			snprintf(buf, n,
				 P_("%d appointments without outcome, oldest "
				    "%d day ago",
				    "%d appointments without outcome, oldest "
				    "%d days ago",
				    d),
				 fl->count, d);
		else
			snprintf(buf, n,
				 P_("appointment %d day ago without outcome",
				    "appointment %d days ago without outcome",
				    d),
				 d);
		break;
	case FLAG_CHECKIN_OVERDUE:
		snprintf(buf, n,
			 P_("check-in D+%d late by %d day",
			    "check-in D+%d late by %d days", d),
			 fl->count, d);
		break;
	case FLAG_NO_SHOW:
		snprintf(buf, n, "%s",
			 _("missed appointment, nothing planned since"));
		break;
	case FLAG_CONTACT_OVERDUE:
		snprintf(buf, n,
			 P_("no contact for %d day", "no contact for %d days",
			    d),
			 d);
		break;
	case FLAG_FIRST_APPOINTMENT:
		snprintf(buf, n,
			 P_("first appointment to plan (entered %d day ago)",
			    "first appointment to plan (entered %d days ago)",
			    d),
			 d);
		break;
	case FLAG_MAX_DURATION:
		if (d < 0)
			snprintf(buf, n,
				 P_("maximum duration passed %d day ago",
				    "maximum duration passed %d days ago", -d),
				 -d);
		else if (d == 0)
			snprintf(buf, n, "%s",
				 _("maximum duration reached today"));
		else
			snprintf(buf, n,
				 P_("maximum duration in %d day",
				    "maximum duration in %d days", d),
				 d);
		break;
	case FLAG_CHECKIN_DUE:
		if (d == 0)
			snprintf(buf, n, _("check-in D+%d due today"),
				 fl->count);
		else
			snprintf(buf, n,
				 P_("check-in D+%d due in %d day",
				    "check-in D+%d due in %d days", d),
				 fl->count, d);
		break;
	case FLAG_READY_TO_EXIT:
		snprintf(buf, n,
			 P_("%d month in work reached",
			    "%d months in work reached", fl->count),
			 fl->count);
		break;
	case FLAG_WORK_LOST:
		snprintf(buf, n, "%s", _("work stopped before six months"));
		break;
	case FLAG_VALIDATE_EXIT:
		snprintf(buf, n,
			 P_("%d month in work reached: validate the exit",
			    "%d months in work reached: validate the exit",
			    fl->count),
			 fl->count);
		break;
	case FLAG_FSE_ENTRY_INCOMPLETE:
		snprintf(buf, n,
			 P_("funder's entry data: %d answer missing",
			    "funder's entry data: %d answers missing",
			    fl->count),
			 fl->count);
		break;
	case FLAG_FSE_SURVEY_DUE:
		snprintf(buf, n,
			 P_("six-months survey due: %d day left",
			    "six-months survey due: %d days left", d),
			 d);
		break;
	case FLAG_FSE_SURVEY_OVERDUE:
		snprintf(buf, n,
			 P_("six-months survey late by %d day",
			    "six-months survey late by %d days", d),
			 d);
		break;
	default:
		snprintf(buf, n, "?");
		break;
	}
}

int rules_compare_urgency(const struct rules_summary *a,
			  const struct rules_summary *b)
{
	if (a->n_flags == 0 || b->n_flags == 0)
		return (a->n_flags == 0) - (b->n_flags == 0);
	return cmp_flag(&a->flags[0], &b->flags[0]);
}

/* ---- what the rules read of the configuration ---- */

/* FNV-1a over n bytes, continuing h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * UINT64_C(0x100000001b3);
	return h;
}

static uint64_t fnv_int(uint64_t h, long long v)
{
	return fnv(h, &v, sizeof v);
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return s ? fnv(h, s, strlen(s) + 1) : fnv_int(h, -1);
}

uint64_t rules_config_hash(const struct config *c)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	h = fnv_int(h, (long long)c->n_stages);
	for (size_t i = 0; i < c->n_stages; i++) {
		h = fnv_str(h, c->stages[i].id);
		h = fnv_int(h, c->stages[i].contact_days);
	}
	h = fnv_int(h, (long long)c->n_exit_reasons);
	for (size_t i = 0; i < c->n_exit_reasons; i++) {
		h = fnv_str(h, c->exit_reasons[i].id);
		h = fnv_int(h, c->exit_reasons[i].positive);
		h = fnv_int(h, c->exit_reasons[i].needs);
	}
	h = fnv_int(h, (long long)c->n_checkins);
	for (size_t i = 0; i < c->n_checkins; i++)
		h = fnv_int(h, c->checkin_days[i]);
	h = fnv_int(h, c->checkin_notice_days);
	h = fnv_int(h, c->followup_months);
	h = fnv_int(h, c->max_duration_months);
	h = fnv_int(h, c->max_duration_notice_days);
	h = fnv_int(h, c->min_weekly_minutes);
	h = fnv_int(h, c->max_gap_days);
	h = fnv_int(h, c->exit_validation);
	h = fnv_int(h, c->fse_from);
	h = fnv_int(h, c->fse_entry_grace_days);
	return fnv_int(h, c->fse_survey_window_days);
}

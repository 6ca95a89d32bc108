/* test_rules.c: every flag and its edges, with a fixed today. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "error.h"
#include "helpers.h"
#include "rules.h"
#include "summary.h"

/* A participant file built on the stack; strings are not owned. */
struct fx {
	struct participant_file f;
	struct appointment appts[8];
	struct job jobs[2];
};

static void fx_init(struct fx *x, const char *stage, pdate entry)
{
	memset(x, 0, sizeof *x);
	participant_init(&x->f.p);
	x->f.p.stage = (char *)stage;
	x->f.p.entry_date = entry;
	x->f.p.stage_since = entry;
	x->f.appts = x->appts;
	x->f.jobs = x->jobs;
}

static void fx_appt(struct fx *x, pdate date, enum appointment_status s)
{
	struct appointment *a = &x->appts[x->f.n_appts++];

	appointment_init(a);
	a->id = x->f.n_appts;
	a->date = date;
	a->status = s;
}

static struct job *fx_job(struct fx *x, pdate start)
{
	struct job *j = &x->jobs[x->f.n_jobs++];

	job_init(j);
	j->contract = "cdi"; /* full time: qualifying employment */
	j->weekly_minutes = 35 * 60;
	j->start = start;
	x->f.p.status = STATUS_FOLLOWUP;
	return j;
}

/* The flag of that kind in the summary, or NULL. */
static const struct flag *find(const struct rules_summary *s, enum flag_kind k)
{
	for (size_t i = 0; i < s->n_flags; i++)
		if (s->flags[i].kind == k)
			return &s->flags[i];
	return NULL;
}

static struct rules_summary eval(const struct fx *x, pdate today)
{
	struct rules_summary s;

	rules_evaluate(helper_config, &x->f, today, &s);
	return s;
}

static void appointment_today_is_not_overdue(void **state)
{
	struct fx x;
	struct rules_summary s;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "freins", D(2026, 9, 1));
	fx_appt(&x, D(2026, 10, 1), APPT_DONE);
	fx_appt(&x, today, APPT_PLANNED);
	s = eval(&x, today);
	assert_int_equal(s.n_flags, 0);
	assert_int_equal(s.next_appointment, today);
	assert_int_equal(s.last_contact, D(2026, 10, 1));
	/* The next day, it is overdue by one day. */
	s = eval(&x, today + 1);
	assert_non_null(find(&s, FLAG_APPOINTMENT_OVERDUE));
	assert_int_equal(find(&s, FLAG_APPOINTMENT_OVERDUE)->date, today);
	assert_int_equal(find(&s, FLAG_APPOINTMENT_OVERDUE)->days, 1);
	assert_int_equal(s.next_appointment, DATE_NONE);
	/* Something planned, even late: no contact-overdue on top. */
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
}

static void several_overdue_counted(void **state)
{
	struct fx x;
	struct rules_summary s;

	(void)state;
	fx_init(&x, "freins", D(2026, 9, 1));
	fx_appt(&x, D(2026, 11, 2), APPT_PLANNED);
	fx_appt(&x, D(2026, 11, 20), APPT_PLANNED);
	fx_appt(&x, D(2026, 12, 1), APPT_PLANNED);
	s = eval(&x, D(2026, 11, 26));
	assert_int_equal(find(&s, FLAG_APPOINTMENT_OVERDUE)->count, 2);
	assert_int_equal(find(&s, FLAG_APPOINTMENT_OVERDUE)->date,
			 D(2026, 11, 2));
	assert_int_equal(s.next_appointment, D(2026, 12, 1));
}

static void contact_overdue_boundary(void **state)
{
	struct fx x;
	struct rules_summary s;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "freins", D(2026, 1, 5)); /* 30 days between contacts */
	fx_appt(&x, today - 30, APPT_DONE);
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
	x.appts[0].date = today - 31;
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CONTACT_OVERDUE));
	assert_int_equal(find(&s, FLAG_CONTACT_OVERDUE)->days, 31);
	/* The first day overdue: 30 days allowed after today - 31 end on
	 * today - 1, so the gap passed the interval today. */
	assert_int_equal(find(&s, FLAG_CONTACT_OVERDUE)->date, today);
	/* Something planned ahead: not slipping away. */
	fx_appt(&x, today + 10, APPT_PLANNED);
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
	/* Stage "former" allows 45 days. */
	x.f.n_appts = 1;
	x.f.p.stage = (char *)"former";
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
	x.appts[0].date = today - 46;
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CONTACT_OVERDUE));
	x.appts[0].date = today - 60;
	s = eval(&x, today);
	assert_int_equal(find(&s, FLAG_CONTACT_OVERDUE)->date, today - 14);
}

static void contact_counts_from_entry(void **state)
{
	struct fx x;
	struct rules_summary s;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "orienter", today - 31);
	/* Never seen: the first appointment is what to do (below). */
	fx_appt(&x, today - 40, APPT_MISSED);
	fx_appt(&x, today - 35, APPT_DONE);
	x.appts[1].status = APPT_MISSED;
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CONTACT_OVERDUE));
	assert_int_equal(s.last_contact, DATE_NONE);
	/* A missed or cancelled appointment is not a contact. */
	fx_appt(&x, today - 5, APPT_CANCELLED);
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CONTACT_OVERDUE));
	/* An unknown stage sets no interval. */
	x.f.p.stage = (char *)"not-in-config";
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
}

/* A newcomer with no appointment is flagged from the day of entry, not
 * once the contact interval has passed ("0 d — —" for a month before). */
static void first_appointment(void **state)
{
	struct fx x;
	struct rules_summary s;
	pdate today = D(2026, 11, 26);
	const struct flag *fl;

	(void)state;
	fx_init(&x, "freins", today);
	s = eval(&x, today);
	fl = find(&s, FLAG_FIRST_APPOINTMENT);
	assert_non_null(fl);
	assert_int_equal(fl->date, today);
	assert_int_equal(rules_flag_level(fl), LEVEL_SOON);
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));
	/* Past the stage's interval (freins: 30 days), it is overdue. */
	s = eval(&x, today + 31);
	assert_int_equal(rules_flag_level(find(&s, FLAG_FIRST_APPOINTMENT)),
			 LEVEL_OVERDUE);
	/* A cancelled appointment does not count; a planned one does. */
	fx_appt(&x, today + 3, APPT_CANCELLED);
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_FIRST_APPOINTMENT));
	fx_appt(&x, today + 5, APPT_PLANNED);
	s = eval(&x, today);
	assert_null(find(&s, FLAG_FIRST_APPOINTMENT));
	assert_int_equal(s.n_flags, 0);
}

/* Urgency follows the markers: an overdue flag (▲) before one due soon
 * (●), whatever their kinds (a newcomer ● sorted among the ▲). */
static void urgency_by_level(void **state)
{
	struct fx a, b;
	struct rules_summary sa, sb;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&a, "freins", today - 3); /* first appointment, ● */
	fx_init(&b, "freins", D(2026, 1, 5));
	fx_appt(&b, D(2026, 9, 1), APPT_DONE); /* contact overdue, ▲ */
	sa = eval(&a, today);
	sb = eval(&b, today);
	assert_int_equal(sa.flags[0].kind, FLAG_FIRST_APPOINTMENT);
	assert_int_equal(sb.flags[0].kind, FLAG_CONTACT_OVERDUE);
	assert_true(rules_compare_urgency(&sb, &sa) < 0);
	assert_true(rules_compare_urgency(&sa, &sb) > 0);
}

static void no_show(void **state)
{
	struct fx x;
	struct rules_summary s;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "freins", D(2026, 9, 1));
	fx_appt(&x, D(2026, 11, 10), APPT_DONE);
	fx_appt(&x, D(2026, 11, 20), APPT_MISSED);
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_NO_SHOW));
	assert_int_equal(find(&s, FLAG_NO_SHOW)->date, D(2026, 11, 20));
	/* A cancelled one after it does not help. */
	fx_appt(&x, D(2026, 11, 22), APPT_CANCELLED);
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_NO_SHOW));
	/* A new invitation clears it. */
	fx_appt(&x, D(2026, 12, 3), APPT_PLANNED);
	s = eval(&x, today);
	assert_null(find(&s, FLAG_NO_SHOW));
	/* So does a done appointment after the missed one. */
	x.appts[2].status = APPT_DONE;
	x.f.n_appts = 3;
	s = eval(&x, today);
	assert_null(find(&s, FLAG_NO_SHOW));
}

static void checkin_is_a_contact(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 9, 1));
	fx_appt(&x, D(2026, 8, 13), APPT_MISSED);
	j = fx_job(&x, D(2026, 8, 1));
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_NO_SHOW));
	assert_int_equal(s.last_contact, DATE_NONE);
	/* The D+30 check-in was held after the missed appointment. */
	j->checkins[j->n_checkins++] = (struct checkin){ 7, D(2026, 8, 8) };
	j->checkins[j->n_checkins++] = (struct checkin){ 30, D(2026, 9, 1) };
	s = eval(&x, today);
	assert_null(find(&s, FLAG_NO_SHOW));
	assert_int_equal(s.last_contact, D(2026, 9, 1));
}

static void checkins(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;
	pdate today = D(2026, 11, 26);

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 6, 1));
	j = fx_job(&x, today - 25); /* D+30 is in 5 days; D+7 passed */
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CHECKIN_OVERDUE));
	assert_int_equal(find(&s, FLAG_CHECKIN_OVERDUE)->count, 7);
	assert_int_equal(find(&s, FLAG_CHECKIN_OVERDUE)->days, 18);
	assert_non_null(find(&s, FLAG_CHECKIN_DUE));
	assert_int_equal(find(&s, FLAG_CHECKIN_DUE)->count, 30);
	assert_int_equal(find(&s, FLAG_CHECKIN_DUE)->days, 5);
	/* In work, the check-ins replace the contact rhythm. */
	assert_null(find(&s, FLAG_CONTACT_OVERDUE));

	j->checkins[j->n_checkins++] = (struct checkin){ 7, today - 17 };
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CHECKIN_OVERDUE));
	assert_non_null(find(&s, FLAG_CHECKIN_DUE));

	/* Due exactly today; 8 days ahead is outside the notice. */
	j->start = today - 30;
	s = eval(&x, today);
	assert_int_equal(find(&s, FLAG_CHECKIN_DUE)->days, 0);
	j->start = today - 22;
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CHECKIN_DUE));
	/* A job that ended is no longer followed, once the days allowed
	 * between two contracts (followup.max_gap_days, 3) have passed. */
	j->start = today - 25;
	j->ended = today - 3;
	s = eval(&x, today);
	assert_non_null(find(&s, FLAG_CHECKIN_DUE));
	j->ended = today - 4;
	s = eval(&x, today);
	assert_null(find(&s, FLAG_CHECKIN_DUE));
}

static void ready_to_exit(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 1, 1));
	j = fx_job(&x, D(2026, 5, 26));
	s = eval(&x, D(2026, 11, 25));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 11, 26));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 11, 26));
	assert_int_equal(rules_flag_level(find(&s, FLAG_READY_TO_EXIT)),
			 LEVEL_READY);
	/* A job starting on the 31st: six months end on 30 November. */
	j->start = D(2026, 5, 31);
	s = eval(&x, D(2026, 11, 29));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 11, 30));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	/* ... and on 28 or 29 February (entered before, so it counts). */
	x.f.p.entry_date = D(2023, 1, 1);
	j->start = D(2023, 8, 31);
	s = eval(&x, D(2024, 2, 28));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2024, 2, 29));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	j->start = D(2025, 8, 31);
	s = eval(&x, D(2026, 2, 28));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
}

/* Work before the entry into the PLIE counts from the entry: six months
 * in the PLIE, not before it (a run that had reached six months before
 * the entry raised the flag at once). */
static void work_counts_from_entry(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;

	(void)state;
	fx_init(&x, "emploi-durable", D(2026, 3, 1));
	j = fx_job(&x, D(2025, 6, 1)); /* a CDI held since before */
	s = eval(&x, D(2026, 3, 2));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 8, 31));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 9, 1));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 9, 1));
	/* A job over before the entry does not count at all. */
	j->ended = D(2026, 1, 31);
	s = eval(&x, D(2026, 9, 1));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
}

/* Ready to exit only in qualifying employment (core/employment.h). */
static void ready_needs_qualifying_work(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 1, 1));
	/* A CDI of 4 hours a week: never ready, its check-ins still kept. */
	j = fx_job(&x, D(2026, 1, 1));
	j->weekly_minutes = 4 * 60;
	s = eval(&x, D(2026, 11, 1));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	assert_non_null(find(&s, FLAG_CHECKIN_OVERDUE));
	assert_int_equal(find(&s, FLAG_CHECKIN_OVERDUE)->date, D(2026, 1, 8));

	/* A CDD planned to end before six months, then continued. */
	j->weekly_minutes = 35 * 60;
	j->contract = "cdd";
	j->planned_end = D(2026, 5, 31);
	s = eval(&x, D(2026, 7, 1));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	j = fx_job(&x, D(2026, 6, 1));
	j->contract = "cdd";
	j->planned_end = D(2026, 12, 31);
	s = eval(&x, D(2026, 7, 1));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 7, 1));

	/* Six months reached, then the job ended: still ready. */
	x.f.n_jobs = 1;
	x.jobs[0].planned_end = DATE_NONE;
	x.jobs[0].contract = "cdi";
	x.jobs[0].ended = D(2026, 8, 15);
	s = eval(&x, D(2026, 9, 1));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 7, 1));
}

/* Temp missions chained: six months and check-ins from the first. */
static void interim_run(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 1, 1));
	j = fx_job(&x, D(2026, 1, 15));
	j->contract = "interim";
	j->ended = D(2026, 4, 30);
	j->checkins[j->n_checkins++] = (struct checkin){ 7, D(2026, 1, 22) };
	j->checkins[j->n_checkins++] = (struct checkin){ 30, D(2026, 2, 14) };
	j = fx_job(&x, D(2026, 5, 1));
	j->contract = "interim";
	/* The second mission's D+7 is not asked: the run's D+90 is. */
	s = eval(&x, D(2026, 5, 5));
	assert_null(find(&s, FLAG_CHECKIN_DUE));
	assert_non_null(find(&s, FLAG_CHECKIN_OVERDUE));
	assert_int_equal(find(&s, FLAG_CHECKIN_OVERDUE)->count, 90);
	assert_int_equal(find(&s, FLAG_CHECKIN_OVERDUE)->date, D(2026, 4, 15));
	/* Held on the current mission, it counts for the run. */
	j->checkins[j->n_checkins++] = (struct checkin){ 90, D(2026, 5, 4) };
	s = eval(&x, D(2026, 5, 5));
	assert_null(find(&s, FLAG_CHECKIN_OVERDUE));
	s = eval(&x, D(2026, 7, 14));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 7, 15));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 7, 15));

	/* What the screens and exports show follows the same run: the
	 * check-ins from 15 January, those held on either mission. */
	{
		struct rules_followup fu;
		int offset = 0;

		assert_true(rules_followup(helper_config, &x.f, D(2026, 5, 5),
					   &fu));
		assert_int_equal(fu.start, D(2026, 1, 15));
		assert_int_equal(rules_checkin_held(&x.f, &fu, 30),
				 D(2026, 2, 14));
		assert_int_equal(rules_checkin_held(&x.f, &fu, 90),
				 D(2026, 5, 4));
		assert_int_equal(summary_next_checkin(helper_config, &x.f,
						      D(2026, 5, 5), &offset),
				 D(2026, 1, 15) + 180);
		assert_int_equal(offset, 180);
	}
}

/* Seasonal work, eight months in twelve: ready, counted as 8 months. */
static void seasonal_ready(void **state)
{
	struct fx x;
	struct rules_summary s;
	struct job *j;

	(void)state;
	fx_init(&x, "emploi-durable", D(2025, 1, 1));
	j = fx_job(&x, D(2025, 12, 1));
	j->contract = "cdd";
	j->ended = D(2026, 3, 31);
	j = fx_job(&x, D(2026, 5, 1));
	j->contract = "cdd";
	j->ended = D(2026, 9, 30);
	s = eval(&x, D(2026, 8, 29));
	assert_null(find(&s, FLAG_READY_TO_EXIT));
	s = eval(&x, D(2026, 11, 28));
	assert_non_null(find(&s, FLAG_READY_TO_EXIT));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->date, D(2026, 8, 30));
	assert_int_equal(find(&s, FLAG_READY_TO_EXIT)->count, 8);
}

static void max_duration(void **state)
{
	struct fx x;
	struct rules_summary s;
	const struct flag *f;

	(void)state;
	fx_init(&x, "freins", D(2023, 11, 26)); /* 36 months: 2026-11-26 */
	fx_appt(&x, D(2026, 12, 1), APPT_PLANNED);
	s = eval(&x, D(2026, 9, 26)); /* 61 days before */
	assert_null(find(&s, FLAG_MAX_DURATION));
	s = eval(&x, D(2026, 9, 27)); /* 60 days before */
	f = find(&s, FLAG_MAX_DURATION);
	assert_non_null(f);
	assert_int_equal(f->date, D(2026, 11, 26));
	assert_int_equal(f->days, 60);
	assert_int_equal(rules_flag_level(f), LEVEL_SOON);
	s = eval(&x, D(2026, 11, 30));
	f = find(&s, FLAG_MAX_DURATION);
	assert_int_equal(f->days, -4);
	assert_int_equal(rules_flag_level(f), LEVEL_OVERDUE);
	/* No maximum configured: never. */
	helper_config->max_duration_months = 0;
	s = eval(&x, D(2030, 1, 1));
	helper_config->max_duration_months = 36;
	assert_null(find(&s, FLAG_MAX_DURATION));
}

static void exited_has_no_flag(void **state)
{
	struct fx x;
	struct rules_summary s;

	(void)state;
	fx_init(&x, "freins", D(2020, 1, 1));
	fx_appt(&x, D(2026, 1, 1), APPT_PLANNED);
	x.f.p.status = STATUS_EXITED;
	s = eval(&x, D(2026, 11, 26));
	assert_int_equal(s.n_flags, 0);
}

static void order_and_urgency(void **state)
{
	struct fx x, y;
	struct rules_summary a, b, none;

	(void)state;
	fx_init(&x, "freins", D(2023, 11, 1));
	fx_appt(&x, D(2026, 11, 10), APPT_PLANNED);
	a = eval(&x, D(2026, 11, 26));
	assert_int_equal(a.n_flags, 2);
	assert_int_equal(a.flags[0].kind, FLAG_APPOINTMENT_OVERDUE);
	assert_int_equal(a.flags[1].kind, FLAG_MAX_DURATION);

	fx_init(&y, "freins", D(2026, 1, 1));
	fx_appt(&y, D(2026, 9, 1), APPT_MISSED);
	b = eval(&y, D(2026, 11, 26));
	assert_int_equal(b.flags[0].kind, FLAG_NO_SHOW);
	assert_true(rules_compare_urgency(&a, &b) < 0);
	assert_true(rules_compare_urgency(&b, &a) > 0);
	memset(&none, 0, sizeof none);
	assert_true(rules_compare_urgency(&b, &none) < 0);
	assert_true(rules_compare_urgency(&none, &a) > 0);
	assert_int_equal(rules_compare_urgency(&none, &none), 0);
}

static void names_and_reasons(void **state)
{
	struct flag f = { FLAG_CHECKIN_DUE, 0, 1, 30 };
	char buf[128];

	(void)state;
	for (int k = 0; k < FLAG_COUNT; k++)
		assert_int_equal(rules_flag_by_name(rules_flag_name(k)), k);
	assert_int_equal(rules_flag_by_name("nope"), FLAG_COUNT);
	assert_string_equal(rules_flag_name(FLAG_NO_SHOW), "no-show");
	rules_flag_reason(&f, buf, sizeof buf);
	assert_string_equal(buf, "check-in D+30 due in 1 day");
	f.kind = FLAG_APPOINTMENT_OVERDUE;
	f.count = 1;
	rules_flag_reason(&f, buf, sizeof buf);
	assert_string_equal(buf, "appointment 1 day ago without outcome");
	f.kind = FLAG_MAX_DURATION;
	f.days = -1;
	rules_flag_reason(&f, buf, sizeof buf);
	assert_string_equal(buf, "maximum duration passed 1 day ago");
	f.kind = FLAG_READY_TO_EXIT;
	f.count = 6;
	rules_flag_reason(&f, buf, sizeof buf);
	assert_string_equal(buf, "6 months in work reached");
	f.kind = FLAG_CONTACT_OVERDUE;
	f.days = 42;
	rules_flag_reason(&f, buf, sizeof buf);
	assert_string_equal(buf, "no contact for 42 days");
	/* A tiny buffer is truncated, not overrun. */
	rules_flag_reason(&f, buf, 5);
	assert_string_equal(buf, "no c");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appointment_today_is_not_overdue),
		cmocka_unit_test(several_overdue_counted),
		cmocka_unit_test(contact_overdue_boundary),
		cmocka_unit_test(contact_counts_from_entry),
		cmocka_unit_test(first_appointment),
		cmocka_unit_test(urgency_by_level),
		cmocka_unit_test(no_show),
		cmocka_unit_test(checkin_is_a_contact),
		cmocka_unit_test(checkins),
		cmocka_unit_test(ready_to_exit),
		cmocka_unit_test(ready_needs_qualifying_work),
		cmocka_unit_test(work_counts_from_entry),
		cmocka_unit_test(interim_run),
		cmocka_unit_test(seasonal_ready),
		cmocka_unit_test(max_duration),
		cmocka_unit_test(exited_has_no_flag),
		cmocka_unit_test(order_and_urgency),
		cmocka_unit_test(names_and_reasons),
	};

	return cmocka_run_group_tests(tests, helper_config_load,
				      helper_config_free);
}

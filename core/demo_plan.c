/* demo_plan.c: each demo parcours drawn before it is written: how long
 * it lasts, the stages walked, how it ended (a reason backed by the jobs
 * held) or where it stands today. Pure: no store. */
#include "demo_internal.h"
#include "date.h"
#include "employment.h"
#include "fse.h"

#include <stdlib.h>
#include <string.h>

const struct exit_kind_def exit_kinds[K_COUNT] = {
	[K_MAX] = { "duree-maximale", false, EXIT_NEEDS_NOTHING, 0, 0 },
	[K_CDI] = { "cdi", true, EXIT_NEEDS_SIX_MONTHS, 28, POSITIVE_DAYS },
	[K_CDD] = { "cdd-6-mois", true, EXIT_NEEDS_SIX_MONTHS, 22,
		    POSITIVE_DAYS },
	[K_INTERIM] = { "interim-6-mois", true, EXIT_NEEDS_SIX_MONTHS, 14,
			POSITIVE_DAYS },
	[K_SEASON] = { "saisonnier", true, EXIT_NEEDS_SEASON, 6, SEASON_DAYS },
	[K_ALTERNANCE] = { "alternance", true, EXIT_NEEDS_NOTHING, 10,
			   POSITIVE_DAYS },
	[K_CREATION] = { "creation", true, EXIT_NEEDS_NOTHING, 6,
			 POSITIVE_DAYS },
	[K_TRAINING] = { "formation-qualifiante", true, EXIT_NEEDS_NOTHING, 14,
			 POSITIVE_DAYS },
	[K_ABANDON] = { "abandon", false, EXIT_NEEDS_NOTHING, 40, SHORTEST },
	[K_MOVED] = { "demenagement", false, EXIT_NEEDS_NOTHING, 15, SHORTEST },
	[K_HEALTH] = { "sante", false, EXIT_NEEDS_NOTHING, 15, SHORTEST },
	[K_RETIRED] = { "retraite", false, EXIT_NEEDS_NOTHING, 10, SHORTEST },
	[K_REORIENTED] = { "reorientation", false, EXIT_NEEDS_NOTHING, 20,
			   SHORTEST },
};

/* The months a parcours may last: the configured maximum, or the
 * horizon without one. */
int demo_horizon_months(const struct config *c)
{
	return c->max_duration_months > 0 ? c->max_duration_months
					  : HORIZON_MONTHS;
}

/* How many days stage i usually lasts. */
static int expected(const struct config *c, size_t i)
{
	return c->stages[i].expected_days > 0 ? c->stages[i].expected_days
					      : STAGE_DAYS;
}

/* The share of parcours still going after t days, per mille (see the
 * steady state above). */
static int64_t still_going(const struct batch *b, int t)
{
	int64_t share = b->c->max_duration_months > 0 ? 1000 - MAX_SHARE : 1000;
	int64_t x = t - SHORTEST, w = b->horizon_days - SHORTEST;

	if (t < SHORTEST || w <= 0)
		return 1000;
	return 1000 - share * x * x / (w * w);
}

/* A current participant's days in the PLIE, drawn against still_going. */
static int seniority(struct rng *r, const struct batch *b)
{
	for (;;) {
		int t = between(r, 3, b->horizon_days - 1);

		if (between(r, 0, 999) < still_going(b, t))
			return t;
	}
}

/* The days a completed parcours lasted, not on the maximum. */
static int completed_days(struct rng *r, const struct batch *b)
{
	int hi =
		b->horizon_days - 1 > SHORTEST ? b->horizon_days - 1 : SHORTEST;
	int u = between(r, SHORTEST, hi), v = between(r, SHORTEST, hi);

	return u > v ? u : v;
}

/* How many exited participants go with n current ones: the flow of the
 * steady state over EXIT_YEARS years. */
size_t demo_exited_count(const struct config *c, size_t n, int horizon)
{
	int64_t share = c->max_duration_months > 0 ? MAX_SHARE : 0;
	/* mean length, in thousandths of a day */
	int64_t mean =
		share * horizon +
		(1000 - share) * (SHORTEST + (horizon - SHORTEST) * 2 / 3);

	if (c->n_exit_reasons == 0 || mean <= 0)
		return 0;
	return (size_t)(((int64_t)n * EXIT_YEARS * 365 * 1000 + mean / 2) /
			mean);
}

/* Scale len[0..upto) so they add up to `total` days (skipped stages, 0,
 * stay skipped). */
static void scale(int *len, size_t upto, int total)
{
	int64_t sum = 0, acc = 0;
	int done = 0;

	for (size_t i = 0; i < upto; i++)
		sum += len[i];
	if (upto == 0)
		return;
	if (sum == 0) {
		len[0] = total;
		return;
	}
	for (size_t i = 0; i < upto; i++) {
		int cum;

		acc += len[i];
		cum = (int)(acc * total / sum);
		len[i] = cum - done;
		done = cum;
	}
}

/* Days in each stage, about its expected days; some middle stages (the
 * second, the fourth...) skipped, 0. */
static void draw_lengths(struct rng *r, const struct config *c, int *len)
{
	for (size_t i = 0; i < c->n_stages; i++) {
		len[i] = expected(c, i) * between(r, 70, 130) / 100;
		if (i > 0 && i + 1 < c->n_stages && i % 2 == 1 && chance(r, 20))
			len[i] = 0;
	}
}

/* The moves from `entry` into the stages 0..upto (len: their days), the
 * skipped ones left out. */
static void walk(struct batch *b, pdate entry, size_t upto)
{
	pdate d = entry;

	b->n_moves = 0;
	for (size_t i = 0; i <= upto; i++) {
		if (i > 0 && i < upto && b->len[i] == 0)
			continue;
		b->move_stage[b->n_moves] = i;
		b->move_date[b->n_moves] = d;
		b->n_moves++;
		d += b->len[i];
	}
}

/*
 * Where a parcours is after t days: walked through its stages at their
 * drawn lengths; past the last but one, in the last, and then the earlier
 * ones stretched so that no one stays in the last more than twice its
 * expected days. Returns the stage.
 */
static size_t walk_for(struct rng *r, struct batch *b, pdate entry, int t)
{
	const struct config *c = b->c;
	size_t last = c->n_stages - 1, s = 0;
	int cum = 0, cap = 2 * expected(c, last);

	draw_lengths(r, c, b->len);
	for (s = 0; s < last; s++) {
		if (t < cum + b->len[s])
			break;
		cum += b->len[s];
	}
	if (s == last && t - cum > cap)
		scale(b->len, last, t - (cap - between(r, 0, cap / 4)));
	walk(b, entry, s);
	return s;
}

/* The stages walked up to stage `target`, entered `days` after the entry. */
static void walk_to(struct rng *r, struct batch *b, pdate entry, size_t target,
		    int days)
{
	draw_lengths(r, b->c, b->len);
	scale(b->len, target, days > 0 ? days : 0);
	walk(b, entry, target);
}

/* Sometimes someone in the second or third stage went back to the first
 * when a new obstacle appeared: a move back, at most twice the first
 * stage's expected days ago. */
static void maybe_back(struct rng *r, struct batch *b, pdate today)
{
	pdate since = b->move_date[b->n_moves - 1];
	int dwell = today - since;
	int most = 2 * expected(b->c, 0);

	if (b->n_moves < 2 || b->move_stage[b->n_moves - 1] > 2 || dwell < 30 ||
	    !chance(r, 15))
		return;
	if (most > dwell - 10)
		most = dwell - 10;
	b->move_stage[b->n_moves] = 0;
	b->move_date[b->n_moves] = today - between(r, 5, most);
	b->n_moves++;
}

/* The first exit reason of the config with this polarity and need
 * (needs < 0: any), or NULL. */
static const struct config_exit_reason *reason_like(const struct config *c,
						    bool positive, int needs,
						    const char *besides)
{
	for (size_t i = 0; i < c->n_exit_reasons; i++) {
		const struct config_exit_reason *x = &c->exit_reasons[i];

		if (x->positive == positive &&
		    (needs < 0 || x->needs == needs) &&
		    (besides == NULL || strcmp(x->id, besides) != 0))
			return x;
	}
	return NULL;
}

/*
 * The reason of kind *k in this configuration: its own id when the config
 * has it, else one with the same need (*k then becomes what the demo can
 * back it with), else any other of the same polarity, else the first.
 */
static const struct config_exit_reason *resolve(const struct config *c,
						enum exit_kind *k)
{
	const struct exit_kind_def *d = &exit_kinds[*k];
	const struct config_exit_reason *x = config_exit_reason(c, d->reason);

	if (x != NULL && x->positive == d->positive)
		return x;
	if (d->positive) {
		if ((x = reason_like(c, true, EXIT_NEEDS_SIX_MONTHS, NULL)))
			*k = K_CDI;
		else if ((x = reason_like(c, true, EXIT_NEEDS_NOTHING, NULL)))
			*k = K_CREATION;
		else if ((x = reason_like(c, true, EXIT_NEEDS_SEASON, NULL)))
			*k = K_SEASON;
		if (x != NULL)
			return x;
	}
	x = reason_like(c, false, -1,
			*k == K_MAX ? NULL : exit_kinds[K_MAX].reason);
	if (x == NULL)
		x = reason_like(c, false, -1, NULL);
	if (x != NULL) {
		if (*k != K_MAX)
			*k = K_ABANDON;
		return x;
	}
	x = &c->exit_reasons[0];
	*k = x->needs == EXIT_NEEDS_SIX_MONTHS ? K_CDI
	     : x->needs == EXIT_NEEDS_SEASON   ? K_SEASON
					       : K_CREATION;
	return x;
}

/* A kind drawn by weight among the positive ones or the others. */
static enum exit_kind pick_kind(struct rng *r, bool positive, int days, int age)
{
	int total = 0, roll;

	for (int k = 0; k < K_COUNT; k++)
		if (exit_kinds[k].positive == positive)
			total += exit_kinds[k].weight;
	roll = between(r, 0, total - 1);
	for (int k = 0; k < K_COUNT; k++) {
		if (exit_kinds[k].positive != positive)
			continue;
		if (roll < exit_kinds[k].weight) {
			if (k == K_SEASON && days < SEASON_DAYS)
				return K_CDD;
			if (k == K_RETIRED && age < 60)
				return K_ABANDON;
			return (enum exit_kind)k;
		}
		roll -= exit_kinds[k].weight;
	}
	return positive ? K_CDI : K_ABANDON;
}

/* The first day in work of a positive exit on `exit` of kind k. */
static pdate job_start_for(struct rng *r, const struct config *c,
			   enum exit_kind k, pdate exit)
{
	switch (k) {
	case K_CDI:
	case K_CDD:
	case K_INTERIM:
		/* six months in work reached on or before the exit */
		return date_add_months(exit, -c->followup_months) -
		       between(r, 0, 25);
	case K_SEASON:
		return date_add_months(exit, -EMPLOYMENT_SEASON_OF) +
		       between(r, 5, 15);
	case K_ALTERNANCE:
		return exit - between(r, 0, 20);
	default:
		return DATE_NONE;
	}
}

/* Draw an exited parcours: when it ended, why, how long it lasted, its
 * stages. */
void demo_plan_exited(struct rng *r, struct batch *b, int age,
			struct plan *pl)
{
	const struct config *c = b->c;
	pdate today = b->opt->today;
	int window = today - date_add_months(today, -12 * EXIT_YEARS);
	int days, months = demo_horizon_months(c);
	bool at_max =
		c->max_duration_months > 0 && between(r, 0, 999) < MAX_SHARE;

	pl->exit = today - between(r, 0, window - 1);
	days = completed_days(r, b);
	pl->kind = at_max ? K_MAX
		   : days >= POSITIVE_DAYS && chance(r, POSITIVE_PCT)
			   ? pick_kind(r, true, days, age)
			   : pick_kind(r, false, days, age);
	pl->reason = resolve(c, &pl->kind);
	if (pl->kind == K_MAX) {
		/* on the limit, or a few days before it */
		pl->entry = date_add_months(pl->exit, -months);
		while (date_add_months(pl->entry, months) < pl->exit)
			pl->entry++;
		pl->entry += between(r, 0, 5);
	} else {
		if (days < exit_kinds[pl->kind].min_days)
			days = exit_kinds[pl->kind].min_days;
		pl->entry = pl->exit - days;
		while (c->max_duration_months > 0 &&
		       date_add_months(pl->entry, months) < pl->exit)
			pl->entry++;
	}
	days = pl->exit - pl->entry;
	pl->job_start = job_start_for(r, c, pl->kind, pl->exit);
	/* A maximum shorter than the work a reason needs: what fits. */
	if (pl->job_start != DATE_NONE && pl->job_start < pl->entry)
		pl->job_start = pl->entry;
	if (pl->job_start != DATE_NONE) {
		/* the last stage entered before the job starts */
		int before = pl->job_start - pl->entry, lead = before / 4;

		lead = between(r, lead < 15 ? lead : 15,
			       lead < 120 ? lead : 120);
		walk_to(r, b, pl->entry, c->n_stages - 1, before - lead);
		pl->stage = c->n_stages - 1;
	} else if (pl->kind == K_TRAINING || pl->kind == K_CREATION) {
		size_t at = c->n_stages - 1;

		if (pl->kind == K_TRAINING)
			(void)config_stage(c, "former", &at);
		walk_to(r, b, pl->entry, at, days - between(r, 60, 170));
		pl->stage = at;
	} else {
		pl->stage = walk_for(r, b, pl->entry, days);
	}
}

/* Draw a current parcours: since when, where, in work or not. */
void demo_plan_current(struct rng *r, struct batch *b, struct plan *pl)
{
	pdate today = b->opt->today;
	int t = seniority(r, b);

	pl->entry = today - t;
	pl->exit = DATE_NONE;
	pl->reason = NULL;
	pl->job_start = DATE_NONE;
	pl->stage = walk_for(r, b, pl->entry, t);
	maybe_back(r, b, today);
	pl->in_work = pl->stage == b->c->n_stages - 1 &&
		      b->move_stage[b->n_moves - 1] == pl->stage &&
		      chance(r, IN_WORK_PCT);
	if (pl->in_work) {
		int most = today - b->move_date[b->n_moves - 1];

		pl->job_start = today - between(r, 0, most < 220 ? most : 220);
	}
}

/* Entrants of this many days or fewer may still lack some answers. */
#define FSE_RECENT_DAYS 120
/* Of them, per cent who do. */
#define FSE_INCOMPLETE_PCT 40
/* Who left with the exit questionnaire filled, per cent. */
#define FSE_EXIT_PCT 92
/* Whose six months have come and who were surveyed, per cent. */
#define FSE_SURVEY_PCT 91

/*
 * One answer of a situation: refused (sensitive ones only) per cent,
 * unknown per cent, then yes when `yes` (drawn by the caller).
 */
static enum fse_answer situation(struct rng *r, int refused, int unknown,
				 bool yes)
{
	int x = between(r, 0, 99);

	if (x < refused)
		return FSE_REFUSED;
	if (x < refused + unknown)
		return FSE_UNKNOWN;
	return yes ? FSE_YES : FSE_NO;
}

/*
 * The entry answers of a PLIE's public: mostly unemployed, the long-term
 * ones those counted as such among the publics (deld, about 40 %), ISCED
 * 0-2 for most; the disabled (rqth) and QPV publics answer yes to their
 * situations. Refused and unknown answers on the sensitive questions.
 */
static void entry_answers(struct rng *r, const struct plan *pl,
			  const struct participant *p, pdate today,
			  struct fse_entry *e)
{
	bool young = p->birth_date != DATE_NONE &&
		     pl->entry - p->birth_date < 26 * 365;
	int x;

	fse_entry_init(e);
	e->date = pl->entry + (chance(r, 70) ? 0 : between(r, 1, 5));
	if (pl->exit != DATE_NONE && e->date > pl->exit)
		e->date = pl->exit;
	if (e->date > today)
		e->date = today;
	e->gender = p->gender;
	x = between(r, 0, 99);
	if (model_list_has(p->publics, "deld")) {
		e->labour = FSE_LABOUR_UNEMPLOYED;
		e->unemployed_months = between(r, FSE_LONG_TERM_MONTHS, 60);
	} else if (x < 58) {
		e->labour = FSE_LABOUR_UNEMPLOYED;
		e->unemployed_months = between(r, 1, FSE_LONG_TERM_MONTHS - 1);
	} else if (young && x < 78) {
		e->labour = FSE_LABOUR_EDUCATION;
	} else if (x < 88) {
		e->labour = FSE_LABOUR_INACTIVE;
	} else {
		e->labour = FSE_LABOUR_EMPLOYED; /* working poor, part-time */
	}
	x = between(r, 0, 99);
	e->education = x < 58	? EDUCATION_ISCED_0_2
		       : x < 91 ? EDUCATION_ISCED_3_4
				: EDUCATION_ISCED_5_8;
	e->situation[FSE_SIT_DISABILITY] =
		situation(r, 2, 1, model_list_has(p->publics, "rqth"));
	e->situation[FSE_SIT_THIRD_COUNTRY] = situation(r, 1, 1, chance(r, 14));
	/* A third-country national has a foreign background. */
	e->situation[FSE_SIT_FOREIGN_BACKGROUND] =
		e->situation[FSE_SIT_THIRD_COUNTRY] == FSE_YES
			? FSE_YES
			: situation(r, 3, 2, chance(r, 12));
	e->situation[FSE_SIT_MINORITY] = situation(r, 6, 6, chance(r, 5));
	e->situation[FSE_SIT_HOMELESS] = situation(r, 2, 1, chance(r, 5));
	e->situation[FSE_SIT_RURAL] = situation(r, 0, 1, chance(r, 9));
	e->situation[FSE_SIT_QPV] =
		situation(r, 0, 1, model_list_has(p->publics, "qpv"));
	/* A recent entrant may not have answered everything yet. */
	if (pl->exit != DATE_NONE || today - pl->entry > FSE_RECENT_DAYS ||
	    !chance(r, FSE_INCOMPLETE_PCT))
		return;
	switch (between(r, 0, 2)) {
	case 0: /* the sensitive questions left for a later appointment */
		for (int s = 0; s < FSE_SIT_COUNT; s++)
			if (fse_situation_sensitive((enum fse_situation)s))
				e->situation[s] = FSE_NOT_ASKED;
		break;
	case 1: /* the diploma to find */
		e->education = EDUCATION_UNKNOWN;
		break;
	default: /* the situation on the labour market to check */
		e->labour = FSE_LABOUR_NOT_ASKED;
		e->unemployed_months = FSE_MONTHS_NONE;
		break;
	}
}

/* The situations on leaving, in line with how the parcours ended. */
static uint32_t exit_situations(struct rng *r, enum exit_kind k)
{
	switch (k) {
	case K_CDI:
	case K_CDD:
	case K_INTERIM:
	case K_SEASON:
	case K_CREATION:
		return FSE_EXIT_EMPLOYED;
	case K_ALTERNANCE:
		return FSE_EXIT_EMPLOYED | FSE_EXIT_EDUCATION;
	case K_TRAINING:
		return FSE_EXIT_EDUCATION |
		       (chance(r, 70) ? FSE_EXIT_QUALIFICATION : 0);
	case K_REORIENTED:
		return chance(r, 40) ? FSE_EXIT_EDUCATION : FSE_EXIT_SEARCHING;
	case K_MAX:
		return FSE_EXIT_SEARCHING |
		       (chance(r, 15) ? FSE_EXIT_EMPLOYED : 0);
	case K_ABANDON:
	case K_MOVED:
		return chance(r, 55) ? FSE_EXIT_SEARCHING : 0;
	default: /* health, retirement: none of them */
		return 0;
	}
}

/* Per cent of those reached six months after who are in work. */
static int employed_after(enum exit_kind k)
{
	static const int pct[K_COUNT] = {
		[K_MAX] = 30,	     [K_CDI] = 90,	[K_CDD] = 80,
		[K_INTERIM] = 75,    [K_SEASON] = 70,	[K_ALTERNANCE] = 90,
		[K_CREATION] = 80,   [K_TRAINING] = 55, [K_ABANDON] = 20,
		[K_MOVED] = 30,	     [K_HEALTH] = 10,	[K_RETIRED] = 0,
		[K_REORIENTED] = 30,
	};

	return k < K_COUNT ? pct[k] : 0;
}

void demo_plan_fse(struct rng *r, const struct plan *pl,
		   const struct participant *p, pdate today,
		   struct demo_fse *out)
{
	pdate from;

	memset(out, 0, sizeof *out);
	entry_answers(r, pl, p, today, &out->entry);
	if (pl->exit == DATE_NONE)
		return;
	if (chance(r, FSE_EXIT_PCT)) {
		out->has_exit = true;
		out->exit.date =
			pl->exit + (chance(r, 75) ? 0 : between(r, 1, 7));
		if (out->exit.date > today)
			out->exit.date = today;
		out->exit.situations = exit_situations(r, pl->kind);
	}
	/* Asked from six months after, some days into the window or past
	 * it; not yet when that day is still to come (a survey due). */
	from = fse_survey_from(pl->exit);
	out->survey.date = from + between(r, 2, 40);
	if (out->survey.date > today || !chance(r, FSE_SURVEY_PCT))
		return;
	out->has_survey = true;
	out->survey.how = chance(r, 70)	  ? FSE_CONTACT_PHONE
			  : chance(r, 67) ? FSE_CONTACT_EMAIL
					  : FSE_CONTACT_LETTER;
	out->survey.reached = chance(
		r, pl->kind == K_ABANDON || pl->kind == K_MOVED ? 55 : 85);
	if (!out->survey.reached)
		return;
	out->survey.employed = chance(r, employed_after(pl->kind));
	/* Better than at entry: a lasting contract, more hours. */
	out->survey.improved = out->survey.employed && chance(r, 35);
}

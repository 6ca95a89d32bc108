/* demo_internal.h: what demo.c (writing the caseload) and demo_plan.c
 * (drawing each parcours) share: the generator, the model's constants,
 * the kinds of exit, a batch and a participant's plan. Not the API. */
#ifndef PARCOURS_DEMO_INTERNAL_H
#define PARCOURS_DEMO_INTERNAL_H

#include "config.h"
#include "demo.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* splitmix64: small, fast and good enough for fiction. */
struct rng {
	uint64_t s;
};

static inline uint64_t next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A number in lo..hi inclusive. */
static inline int between(struct rng *r, int lo, int hi)
{
	return lo + (int)(next(r) % (uint64_t)(hi - lo + 1));
}

/* True with probability pct percent. */
static inline bool chance(struct rng *r, int pct)
{
	return (int)(next(r) % 100) < pct;
}

/*
 * The steady state (issue 11). A PLIE whose caseload keeps its size sees
 * as many entries as exits, and (Little's law) the caseload is the flow
 * times the mean length of a parcours: 80 = about 2.9 a month × 27.5
 * months. So:
 *  - a completed parcours reaches the maximum (exit `duree-maximale`)
 *    MAX_SHARE per mille of the time; otherwise it lasts from SHORTEST
 *    days to the maximum, the longer the likelier (the larger of two even
 *    draws). With 36 months: 0.15 × 36 + 0.85 × (6 + 30 × 2/3) = 27.5
 *    months on average, median about 29;
 *  - the exits fall evenly over the last EXIT_YEARS years, as many as that
 *    flow gives: participants × 36 / 27.5, 105 for 80 (35 a year: a
 *    turnover of 44 %, not 30 %, which would need 40-month parcours);
 *  - a current participant's seniority follows the share of parcours
 *    still going after that many days (fewer the older): median about 14
 *    months, mean about 15.
 * Without a configured maximum, parcours last up to HORIZON_MONTHS and
 * none ends on the maximum.
 */
#define MAX_SHARE      150 /* per mille */
#define SHORTEST       183 /* days */
#define EXIT_YEARS     3
#define HORIZON_MONTHS 36
/* A positive exit backed by a job needs this long a parcours, in days:
 * stages before the job, then six months in work (a season: twelve). */
#define POSITIVE_DAYS 426
#define SEASON_DAYS   610
/* Positive exits among the parcours long enough, per cent (about 45 % of
 * all exits). */
#define POSITIVE_PCT 57
/* A stage without expected_days is expected to last this many days. */
#define STAGE_DAYS 90
/* Appointments written per participant, at most: the first (diagnostic)
 * and the latest ones at the stage's rhythm. */
#define APPTS_MAX 10
/* Current participants in the last stage who are in work, per cent. */
#define IN_WORK_PCT 65

/* How a parcours ended: the reason it maps to in the default
 * configuration, and what it needs behind it. */
enum exit_kind {
	K_MAX,
	K_CDI,
	K_CDD,
	K_INTERIM,
	K_SEASON,
	K_ALTERNANCE,
	K_CREATION,
	K_TRAINING,
	K_ABANDON,
	K_MOVED,
	K_HEALTH,
	K_RETIRED,
	K_REORIENTED,
	K_COUNT
};

struct exit_kind_def {
	const char *reason; /* its id in config/parcours.yaml */
	bool positive;
	int needs;    /* enum exit_needs */
	int weight;   /* among the positive kinds, or the others */
	int min_days; /* the shortest parcours it ends */
};

/* The kinds, in demo_plan.c. */
extern const struct exit_kind_def exit_kinds[K_COUNT];

/* What one batch writes, and what it wrote once committed. */
struct batch {
	struct store *s; /* whose mapped pages a batch lets go as it goes */
	const struct config *c;
	const struct demo_options *opt;
	size_t first, last; /* participant numbers [first, last) */
	size_t n_current;   /* numbers below this are current */
	size_t n_referents;
	bool check_empty;
	int horizon_days;    /* today minus the horizon in months, in days */
	size_t appointments; /* written by the committed attempt */
	/* Scratch for one participant: days in each stage, and the moves
	 * (n_stages + 1: a return to the first stage). */
	int *len;
	size_t *move_stage;
	pdate *move_date;
	size_t n_moves;
};

/* One participant's parcours as drawn, before it is written. */
struct plan {
	pdate entry, exit; /* exit DATE_NONE while current */
	enum exit_kind kind;
	const struct config_exit_reason *reason;
	size_t stage;	 /* the current (or last) stage's index */
	pdate job_start; /* DATE_NONE without a job */
	bool in_work;	 /* current, in in-work follow-up */
};

/* The months a parcours may last: the configured maximum, or the
 * horizon without one. */
int demo_horizon_months(const struct config *c);

/* How many who left go with `n` current participants, over the years
 * the demo keeps. */
size_t demo_exited_count(const struct config *c, size_t n, int horizon);

/* Draw the parcours of someone who left, `age` days ago at most into the
 * horizon, into *pl and b's scratch (stages walked, the exit and its
 * reason, the job behind it). */
void demo_plan_exited(struct rng *r, struct batch *b, int age,
		      struct plan *pl);

/* Draw the parcours of a current participant into *pl and b's scratch. */
void demo_plan_current(struct rng *r, struct batch *b, struct plan *pl);

/* The funder's questionnaires of one participant as drawn (participant
 * ids left 0 for the writer to set). */
struct demo_fse {
	struct fse_entry entry;
	bool has_exit;
	struct fse_exit exit;
	bool has_survey;
	struct fse_survey survey;
};

/*
 * Draw the questionnaires of `p` (gender, publics and dates set) whose
 * parcours is `pl`, as of `today`: the entry answers a few days after the
 * entry, those on leaving for most who left, in line with the exit, and
 * the survey six months after for most whose six months have come.
 */
void demo_plan_fse(struct rng *r, const struct plan *pl,
		   const struct participant *p, pdate today,
		   struct demo_fse *out);

#endif

/* summary.h: the figures of a caseload over a period, for exports. */
#ifndef PARCOURS_SUMMARY_H
#define PARCOURS_SUMMARY_H

#include "caseload.h"
#include "config.h"

#include <stdbool.h>
#include <stddef.h>

/* The funder's entry data a participant record should hold. */
enum completeness_field {
	FIELD_GENDER,
	FIELD_BIRTH_DATE,
	FIELD_EMPLOYMENT,
	FIELD_EDUCATION,
	FIELD_CONTACT, /* a phone or an email for the survey */
	FIELD_COUNT
};

struct summary_stage {
	size_t count;
	/* Twice the median of the days in stage, since the median of an even
	 * count is the mean of the two middle ones, maybe a half; -1 when the
	 * stage is empty. */
	int median_half_days;
};

/* Exits whose reason the configuration does not know, by stored id. */
struct summary_unknown_reason {
	const char *id; /* in the caseload; NULL when none was stored */
	size_t count;
};

/* Who a flag concerns: indexes into the caseload's entries. */
struct summary_flag {
	size_t count;
	size_t *entries;
};

struct summary_referent {
	char *name; /* owned */
	size_t caseload, flagged, entries, exits, positive;
};

/*
 * Everything an export shows. The caseload it was made from must outlive
 * it (entries are referred to by index). Free with summary_free().
 */
struct summary {
	const struct config *config;
	const struct caseload *cl;
	const char *referent; /* NULL: every referent */
	pdate today, from, to;
	size_t caseload; /* current participants */
	size_t flagged;
	struct summary_stage *stages; /* n_stages + 1: the last is unknown */
	struct summary_flag flags[FLAG_COUNT]; /* current and after_exit */
	/* Entries in work, by next check-in: current participants, and
	 * those left at hiring whose exit waits for its validation. */
	size_t *followups;
	size_t n_followups;
	size_t after_exit; /* participants left at hiring, still followed */
	size_t entries, exits, positive;
	/* Exits of the period left at hiring: still waiting for their
	 * validation, and lost (the work stopped before six months). */
	size_t exits_pending, exits_lost;
	size_t *exits_by_reason; /* n_exit_reasons + 1: the last is unknown */
	struct summary_unknown_reason *unknown_reasons; /* by id, NULL first */
	size_t n_unknown_reasons;
	size_t missing[FIELD_COUNT];
	struct summary_referent *referents; /* with every referent only */
	size_t n_referents;
	size_t *rows; /* current participants, most urgent first */
	size_t n_rows;
};

/*
 * Compute the summary of `cl` (loaded with exited participants) for entries
 * and exits from..to inclusive; a NULL `referent` (every one) also fills
 * s->referents. *s refers to c, cl and referent, which must outlive it; free
 * it with summary_free(). PC_ENOMEM leaves *s zeroed, nothing to free.
 */
int summary_build(struct summary *s, const struct config *c,
		  const struct caseload *cl, const char *referent, pdate today,
		  pdate from, pdate to);

/* Free what summary_build allocated and zero *s; NULL is accepted. */
void summary_free(struct summary *s);

/* The stable name of a completeness field ("birth_date"); "?" if none. */
const char *summary_field_name(enum completeness_field f);

/* True when entry `e` lacks field `f`. */
bool summary_lacks(const struct caseload_entry *e, enum completeness_field f);

/* The next check-in not yet held of the follow-up the rules follow as of
 * `today` (rules_followup), or DATE_NONE; *offset gets its day offset
 * unless offset is NULL (untouched for DATE_NONE). */
pdate summary_next_checkin(const struct config *c,
			   const struct participant_file *f, pdate today,
			   int *offset);

/*
 * True when the exit of `p` counts as positive in the figures: the reason
 * is positive in `c` as it is now (an unknown reason is not), the work
 * was not lost after an exit at hiring, and, under `exit_validation:
 * followup`, the exit has been validated.
 */
bool summary_exit_positive(const struct config *c, const struct participant *p);

/* Positive exits per hundred exits, rounded; -1 when there is no exit. */
int summary_positive_rate(const struct summary *s);

#endif

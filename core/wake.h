/*
 * wake.h: the attention index, derived from the records and kept in the
 * transaction that changes them.
 *
 * For each participant it holds the first day, from the day it was made,
 * on which the rules may raise a flag (their "wake"), and whether they are
 * in the caseload whatever the day. "Who needs attention today" is then a
 * range scan of the days up to today: the rules are evaluated on those
 * participants alone, so the cost grows with the flags raised, not with
 * the territory. The index depends on the configuration it was made with
 * (its files' hash) and is made again, in one write, when they change.
 */
#ifndef PARCOURS_WAKE_H
#define PARCOURS_WAKE_H

#include "caseload.h"
#include "config.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>

/* The index keeper's context: the configuration and today, owned by the
 * caller and outliving the store's use of it. */
struct wake {
	const struct config *c;
	pdate today;
};

/* From now on, every write of `s` keeps its indexes with `w`
 * (store_set_indexer). */
void wake_attach(struct store *s, struct wake *w);

/* The index's state for a reader. */
enum wake_state {
	WAKE_READY,   /* usable as of w->today */
	WAKE_STALE,   /* missing or made with another configuration: to
			 make again (wake_rebuild) */
	WAKE_EARLY,   /* today is before a day it was made for */
	WAKE_ABSENT,  /* a file of an older schema opened read-only */
};

/* The state of the index in `s` for `w`: PC_OK and *state, or a store
 * error with *cause. */
int wake_state(struct store *s, const struct wake *w, enum wake_state *state,
	       char **cause);

/* Make the whole index again, in one write transaction, as of w->today,
 * whatever its state (out of date, or damaged); attaches `w`. */
int wake_rebuild(struct store *s, struct wake *w, char **cause);

/*
 * The participants of the whole territory who need attention as of
 * w->today, with their flags, as caseload_load_summaries(s, c, NULL,
 * false, today) gives them but only those with a flag; *in_caseload is
 * how many participants that caseload holds in all. PC_ENOTFOUND (no
 * message) when the index cannot say (wake_state not WAKE_READY): the
 * caller reads the whole caseload instead. Free with caseload_free().
 */
int wake_attention(struct store *s, const struct wake *w, struct caseload *out,
		   size_t *in_caseload, char **cause);

/*
 * Recompute every participant's index entry, as of the day it was made,
 * and compare: each difference is a problem, one line of *report
 * (malloc'd, NULL when none), counted in *problems. An index out of date
 * (WAKE_STALE) is no problem: it is made again by the next write.
 */
int wake_check(struct store *s, const struct wake *w, size_t *problems,
	       char **report, char **cause);

#endif

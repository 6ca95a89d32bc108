/* demo.h: a fictitious caseload a referent would recognise, in a steady
 * state: French names, histories over every stage, past and coming
 * appointments (a few overdue), some in in-work follow-up, and the exits
 * of the last three years, as many as the entries (demo.c says how). */
#ifndef PARCOURS_DEMO_H
#define PARCOURS_DEMO_H

#include "config.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define DEMO_DEFAULT_PARTICIPANTS 80
#define DEMO_CASELOAD_SIZE	  80

struct demo_options {
	size_t participants; /* current participants; about 1.3 times as many
				more exited over three years */
	uint64_t seed;	     /* same seed, same today: same caseload */
	pdate today;	     /* every date is relative to it */
	int64_t now;	     /* journal time stamp */
};

/* What demo_fill wrote. */
struct demo_result {
	size_t participants; /* current and exited */
	size_t appointments;
	size_t referents;
};

/*
 * Fill an empty database (PC_ENOTEMPTY otherwise; PC_EINVAL for none) with
 * opt->participants current ones, spread over referents above
 * DEMO_CASELOAD_SIZE, the config's first. Written in batches of whole
 * participants: after a failure those written stay, and *res counts them.
 */
int demo_fill(struct store *s, const struct config *c,
	      const struct demo_options *opt, struct demo_result *res,
	      char **cause);

/* The name of referent number i (0 is the config's), malloc'd: the caller
 * frees it; NULL when out of memory. */
char *demo_referent_name(const struct config *c, size_t i);

#endif

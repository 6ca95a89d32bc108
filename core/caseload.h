/* caseload.h: a referent's participants with what the rules say of each. */
#ifndef PARCOURS_CASELOAD_H
#define PARCOURS_CASELOAD_H

#include "config.h"
#include "rules.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>

#define CASELOAD_NO_STAGE ((size_t)-1)

struct caseload_entry {
	struct participant_file file;
	struct rules_summary summary;
	size_t stage_index; /* in the config, or CASELOAD_NO_STAGE */
};

/* Entries are owned by the caseload; free with caseload_free(). */
struct caseload {
	struct caseload_entry *entries;
	size_t n;
	size_t n_unknown_stage; /* entries whose stage the config lacks */
};

/*
 * Load the participants of `referent` (every referent's when NULL), leaving
 * out those who exited unless `include_exited`, in one read transaction,
 * and evaluate the rules as of `today`. Sorted most urgent first, then by
 * name. On error *cause says why (caller frees).
 */
int caseload_load(struct store *s, const struct config *c, const char *referent,
		  bool include_exited, pdate today, struct caseload *out,
		  char **cause);

void caseload_free(struct caseload *cl);

#endif

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
	/* "last first" and "first last" folded (fold_key): for sorting and
	 * for searching without regard to case or accents. Owned. */
	char *name_key;
	char *name_key_rev;
};

/* Entries are owned by the caseload; free with caseload_free(). */
struct caseload {
	struct caseload_entry *entries;
	size_t n;
	size_t n_unknown_stage; /* entries whose stage the config lacks */
	size_t n_corrupt;	/* participants left out: corrupt records */
};

/*
 * Load, in one read transaction, the participants of `referent` (NULL: all)
 * but those who exited unless `include_exited` (those whose exit at
 * hiring waits for its validation are always in), the rules evaluated as of
 * `today`, most urgent first, then by name; free with caseload_free(). On
 * failure (a store code) *out is empty and *cause says why. A participant
 * with a record that does not decode is left out, counted in n_corrupt and
 * told to the store's notice function (store_set_notice): one damaged
 * record does not hide the others.
 */
int caseload_load(struct store *s, const struct config *c, const char *referent,
		  bool include_exited, pdate today, struct caseload *out,
		  char **cause);

/*
 * The same, keeping of each file only the participant and their jobs once
 * the rules are evaluated: what lists, reports and exports show, in a
 * fraction of the memory for a whole territory. Same ownership and errors.
 */
int caseload_load_summaries(struct store *s, const struct config *c,
			    const char *referent, bool include_exited,
			    pdate today, struct caseload *out, char **cause);

/*
 * What caseload_each hands over, participant by participant: an entry
 * evaluated, which the visitor may take over (leaving *e cleared, as
 * caseload_entry_set leaves its file) or leave to be freed after it
 * returns. A code other than PC_OK stops the reading with that code.
 */
typedef int (*caseload_visit)(struct caseload_entry *e, void *arg);

/*
 * The participants caseload_load (or, `light`, caseload_load_summaries)
 * would load, in the order of their ids, each handed to `visit` inside
 * one read transaction and let go after it: memory bounded by one file,
 * not by the territory (the mapped pages are released as it goes). A
 * corrupt participant is told and counted in *n_corrupt as there. On
 * failure, a store code, or the visitor's, and *cause says why.
 */
int caseload_each(struct store *s, const struct config *c,
		  const char *referent, bool include_exited, pdate today,
		  bool light, caseload_visit visit, void *arg,
		  size_t *n_corrupt, char **cause);

/* The entries still in the PLIE (not exited), those left at hiring and
 * followed in work excluded. */
size_t caseload_current(const struct caseload *cl);

/* Free every entry and zero *cl (freeing twice is safe); NULL is accepted. */
void caseload_free(struct caseload *cl);

/* Compare two entries by name, ignoring case and accents, then by id
 * (qsort-style). */
int caseload_compare_name(const struct caseload_entry *a,
			  const struct caseload_entry *b);

/* True when the folded `needle` (fold_key) is in the entry's name, in
 * either order of first and last name. */
bool caseload_name_matches(const struct caseload_entry *e,
			   const char *folded_needle);

/*
 * Fill `e` from `file`, taken over (*file is left cleared), and evaluate
 * it: a step of caseload_load, and the refresh of one participant after a
 * change. Release with caseload_entry_clear(); PC_ENOMEM leaves `e` cleared.
 */
int caseload_entry_set(struct caseload_entry *e, const struct config *c,
		       struct participant_file *file, pdate today);

/* The same without the "first last" key: an entry that is sorted and
 * shown, never searched (caseload_name_matches finds it by "last first"
 * alone). */
int caseload_entry_set_sortable(struct caseload_entry *e,
				const struct config *c,
				struct participant_file *file, pdate today);

/* Release what one entry holds and clear it (clearing twice is safe). */
void caseload_entry_clear(struct caseload_entry *e);

#endif

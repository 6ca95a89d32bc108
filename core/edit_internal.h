/* edit_internal.h: what the edit_*.c files share, not the API. */
#ifndef PARCOURS_EDIT_INTERNAL_H
#define PARCOURS_EDIT_INTERNAL_H

#include "edit.h"
#include "store.h"

/* Append a journal line about `pid` (printf-style, English, no personal
 * data beyond what the record itself holds). Store codes on failure. */
int edit_journal(struct store_txn *t, const struct edit_ctx *ctx, uint64_t pid,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A date within the one range of the program (date.h); PC_EINVAL saying
 * `what` otherwise. */
int edit_check_date(pdate d, const char *what, char **cause);

/* As edit_check_date, and not after `today`: outcomes, moves, exits are
 * facts. */
int edit_check_past_date(pdate d, pdate today, const char *what, char **cause);

/* A malloc'd copy of s, or NULL for NULL or "" (the caller frees). */
char *edit_dup(const char *s);

/* Participant `pid` into *p (cleared first, the caller clears it); "not
 * found" said plainly in *cause. */
int edit_load(struct store_txn *t, uint64_t pid, struct participant *p,
	      char **cause);

/* Everything on participant `pid` into *f (the caller clears it); "not
 * found" said plainly. */
int edit_load_file(struct store_txn *t, uint64_t pid,
		   struct participant_file *f, char **cause);

#endif

/* rights.h: what the law lets a participant ask: access and erasure. */
#ifndef PARCOURS_RIGHTS_H
#define PARCOURS_RIGHTS_H

#include "edit.h"

#include <stdbool.h>
#include <stdio.h>

/*
 * Everything held on participant `id` (identity, stages, appointments,
 * jobs, notes, and the journal lines about them) as one JSON document,
 * written once all is read. PC_ENOTFOUND; PC_EIO when a write failed.
 */
int rights_access(struct store *s, uint64_t id, pdate today, FILE *out,
		  char **cause);

/*
 * Erase participant `id` of the database in `dir` with all attached, journal
 * it without personal data, then rewrite the file so that freed pages keep
 * none of it (a failed rewrite keeps the erasure). PC_EDB while another window
 * has it open; PC_ENOTFOUND; PC_EINVAL under a legal hold unless `force`.
 */
int rights_erase(const char *dir, const struct edit_ctx *ctx, uint64_t id,
		 bool force, char **cause);

/*
 * Erase every participant who left before `before` and is not under a
 * legal hold, as rights_erase does, in one transaction; with `dry_run`
 * nothing changes. *erased and *held get the counts, which mean nothing
 * after a failure.
 */
int rights_purge(const char *dir, const struct edit_ctx *ctx, pdate before,
		 bool dry_run, size_t *erased, size_t *held, char **cause);

#endif

/* rights.h: what the law lets a participant ask: access and erasure. */
#ifndef PARCOURS_RIGHTS_H
#define PARCOURS_RIGHTS_H

#include "edit.h"

#include <stdbool.h>
#include <stdio.h>

/*
 * Everything held on participant `id` (identity, stages, appointments,
 * jobs, notes, and the journal lines about them) as one JSON document.
 */
int rights_access(struct store *s, uint64_t id, pdate today, FILE *out,
		  char **cause);

/*
 * Erase participant `id` of the database in `dir` and everything attached,
 * leave a journal line without personal data ("participant 42 erased on
 * ..."), then rewrite the database file so that freed pages no longer hold
 * any of it. Refused while another window has the database open, and for
 * a participant under a legal hold unless `force`.
 */
int rights_erase(const char *dir, const struct edit_ctx *ctx, uint64_t id,
		 bool force, char **cause);

/*
 * Erase every participant who left before `before` and is not under a
 * legal hold, as rights_erase does, in one transaction. *erased and *held
 * get the counts; with `dry_run` nothing is changed.
 */
int rights_purge(const char *dir, const struct edit_ctx *ctx, pdate before,
		 bool dry_run, size_t *erased, size_t *held, char **cause);

#endif

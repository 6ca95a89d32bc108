/* transfer.h: one participant's whole file from one database to another:
 * referents on their own machines hand a participant over by a file. */
#ifndef PARCOURS_TRANSFER_H
#define PARCOURS_TRANSFER_H

#include "edit.h"
#include "store.h"

/* The format of a transfer file ("format" in its JSON). */
#define TRANSFER_FORMAT	 "parcours-transfer"
#define TRANSFER_VERSION 1

/*
 * Write participant `pid`'s whole file (identity, stage moves, jobs,
 * appointments, notes, the funder's answers: the dump's form) to `path`,
 * whole or not at all, mode 0600, with this database's identifier; then,
 * in one transaction, mark them transferred today: they leave the
 * caseload (status exited, no exit reason, not counted as an exit), their
 * planned appointments from today are cancelled, the journal says so; they
 * stay until erased. PC_EINVAL: someone who has left (or was transferred
 * already); PC_ENOTFOUND: no such participant; store and write codes.
 */
int transfer_out(struct store *s, const struct edit_ctx *ctx, uint64_t pid,
		 const char *path, char **cause);

/*
 * Add the participant of transfer file `path` to this database, with
 * their history, under a new number (*id unless NULL) and the referent
 * ctx->who: every record the file holds, appointments renumbered, the
 * sender's database and number kept as origin ("UUID:ID"). Refused
 * (PC_EINVAL, nothing written): not a transfer file, a file of this very
 * database, a participant already transferred in (the same origin), any
 * record `load` would refuse (said with its line).
 */
int transfer_in(struct store *s, const struct edit_ctx *ctx, const char *path,
		uint64_t *id, char **cause);

#endif

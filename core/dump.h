/* dump.h: the whole database as JSON and back, whatever the encoding. */
#ifndef PARCOURS_DUMP_H
#define PARCOURS_DUMP_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The layout of the dump document ("format": "parcours-dump"). */
#define DUMP_VERSION 1

/*
 * Write every participant with its stage moves, appointments, jobs and
 * notes, and the journal, in one read transaction, in a fixed order (ids,
 * then sequence numbers), so equal databases give equal dumps. On failure
 * (a store code; PC_EIO, a write) `out` may hold part of it. A record that
 * does not decode stops it (PC_ECORRUPT, *cause saying what to do), unless
 * `salvage`: then the file's pages are walked first (store_verify), and
 * each record that does not decode is left out, told to the store's notice
 * function and counted in *left_out (a participant whose own record does
 * not decode, with everything attached to it). left_out may be NULL.
 */
int dump_write(struct store *s, FILE *out, bool salvage, size_t *left_out,
	       char **cause);

/*
 * Read a dump from `path` into an EMPTY database (PC_ENOTEMPTY otherwise)
 * in one transaction, keeping every id. A failure leaves the database as it
 * was: PC_EINVAL for a problem ("PATH: line N: what"), PC_ESCHEMA for a
 * newer dump, PC_EIO for a file that cannot be read, a store code.
 */
int dump_load(struct store *s, const char *path, char **cause);

/* One participant with everything attached, as one JSON object (the
 * dump's layout), without a trailing newline; check ferror(out) after. */
void dump_write_file(FILE *out, const struct participant_file *f);

/* qsort order of appointments in dumps: by id. */
int dump_cmp_appt_id(const void *a, const void *b);

#endif

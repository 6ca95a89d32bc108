/* backup.h: copies of the whole database, and putting one back. Both
 * functions may fail with PC_EIO, PC_EFULL or PC_ENOMEM, *cause saying why. */
#ifndef PARCOURS_BACKUP_H
#define PARCOURS_BACKUP_H

#include "store.h"

#include <stdint.h>

/*
 * Write a compact, consistent copy of the database to `path` (mode 0600,
 * atomically: the file is whole or absent, an existing one kept on failure).
 * Safe while other windows read and write; PC_EDB when LMDB fails.
 */
int backup_write(struct store *s, const char *path, char **cause);

/*
 * Replace the database in `dir` with the backup `file`, the current one kept
 * as DIR/data.mdb.before-restore-YYYYMMDD-HHMMSS (*aside: its path, caller
 * frees; NULL if none or on failure). Any failure leaves the database as it
 * was: PC_EDB if open elsewhere; PC_ECORRUPT, PC_ESCHEMA for an unusable file.
 */
int backup_restore(const char *dir, const char *file, int64_t now, char **aside,
		   char **cause);

#endif

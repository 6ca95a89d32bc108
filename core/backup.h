/* backup.h: copies of the whole database, and putting one back. */
#ifndef PARCOURS_BACKUP_H
#define PARCOURS_BACKUP_H

#include "store.h"

#include <stdint.h>

/*
 * Write a compact, consistent copy of the database to `path` (mode 0600,
 * atomically: the file is whole or absent). Safe while other windows
 * read and write.
 */
int backup_write(struct store *s, const char *path, char **cause);

/*
 * Replace the database in `dir` with the backup `file`: the file must be a
 * parcours database of a schema this build reads; no other process may
 * have the database open (they hold parcours.lock); the current database
 * is first kept aside as DIR/data.mdb.before-restore-YYYYMMDD-HHMMSS
 * (its path in *aside, caller frees). Nothing is changed on any failure.
 */
int backup_restore(const char *dir, const char *file, int64_t now, char **aside,
		   char **cause);

#endif

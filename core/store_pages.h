/* store_pages.h: letting go of the database's mapped pages. */
#ifndef PARCOURS_STORE_PAGES_H
#define PARCOURS_STORE_PAGES_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Where the database file is mapped in this process, to drop its pages
 * (madvise MADV_DONTNEED) during a long read so that resident memory
 * stays bounded: the kernel maps 16 pages around each one read (fault
 * around), so a few hundred participants' files map the whole file. The
 * map is found in /proc/self/maps by the data file's device and inode,
 * since LMDB gives its address only for a MDB_FIXEDMAP environment
 * (mdb_env_info's me_mapaddr, which store_release_pages reads, is NULL
 * otherwise). Values read before stay valid (read again from the file).
 */
struct store_pages {
	struct store *s;
	bool looked; /* the map was looked for */
	void *addr;  /* NULL: not found, nothing is dropped */
	size_t len;
};

/* Get ready to drop the pages of `s` (NULL is accepted); the map is
 * looked for at the first drop, so a short reading costs nothing. */
void store_pages_init(struct store *s, struct store_pages *pg);

/* Find the map of pg->s now; best effort. Valid while no write
 * transaction of this process grows the map. */
void store_pages_find(struct store_pages *pg);

/* Drop the pages mapped so far; nothing to report. */
void store_pages_drop(struct store_pages *pg);

#endif

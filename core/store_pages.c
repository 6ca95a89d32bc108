/* store_pages.c: letting go of the database's mapped pages. */
#include "store_pages.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

void store_pages_init(struct store *s, struct store_pages *pg)
{
	pg->s = s;
	pg->looked = false;
	pg->addr = NULL;
	pg->len = 0;
}

void store_pages_find(struct store_pages *pg)
{
	struct store *s = pg->s;
	char line[512];
	struct stat st;
	mdb_filehandle_t fd;
	FILE *maps;

	pg->looked = true;
	pg->addr = NULL;
	pg->len = 0;
	if (s == NULL || mdb_env_get_fd(s->env, &fd) != 0 ||
	    fstat(fd, &st) != 0)
		return;
	maps = fopen("/proc/self/maps", "re");
	if (maps == NULL)
		return;
	while (fgets(line, sizeof line, maps) != NULL) {
		unsigned long lo, hi, off, inode;
		unsigned major, minor;
		char perms[8];

		/* LMDB maps the file shared, read-only without
		 * MDB_WRITEMAP: dropping its pages loses nothing. */
		if (sscanf(line, "%lx-%lx %7s %lx %x:%x %lu", &lo, &hi, perms,
			   &off, &major, &minor, &inode) == 7 &&
		    inode == (unsigned long)st.st_ino &&
		    makedev(major, minor) == st.st_dev && perms[1] == '-' &&
		    perms[3] == 's' && off == 0) {
			pg->addr = (void *)lo;
			pg->len = hi - lo;
			break;
		}
	}
	fclose(maps);
}

void store_pages_drop(struct store_pages *pg)
{
	if (!pg->looked)
		store_pages_find(pg);
	if (pg->addr != NULL)
		(void)madvise(pg->addr, pg->len, MADV_DONTNEED);
}

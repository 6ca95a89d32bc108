/* atomic.h: write a file whole or not at all (temporary file, rename). */
#ifndef PARCOURS_ATOMIC_H
#define PARCOURS_ATOMIC_H

#include <stdio.h>

struct atomic_file {
	char *path; /* the final name (owned) */
	char *tmp;  /* the temporary file beside it (owned) */
	FILE *f;    /* write here */
};

/*
 * Start writing `path`: a temporary file is made in the same directory,
 * mode 0600, so that the final rename is atomic. PC_EIO with *cause when
 * the directory cannot take it.
 */
int atomic_open(struct atomic_file *af, const char *path, char **cause);

/*
 * Flush, sync and move the temporary file over `path`. On any failure
 * (a full disk included) the temporary file is removed, `path` is left
 * as it was, and *cause says why. The struct is released either way.
 */
int atomic_commit(struct atomic_file *af, char **cause);

/* Give up: remove the temporary file, release the struct. */
void atomic_abort(struct atomic_file *af);

#endif

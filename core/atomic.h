/* atomic.h: write a file whole or not at all (temporary file, rename). The
 * functions fail with PC_EIO, PC_EFULL (a full disk or quota) or PC_ENOMEM,
 * *cause saying why. */
#ifndef PARCOURS_ATOMIC_H
#define PARCOURS_ATOMIC_H

#include <stdio.h>

struct atomic_file {
	char *path; /* the final name (owned) */
	char *tmp;  /* the temporary file beside it (owned), or NULL when
		       `path` is no regular file (a device, a pipe) */
	FILE *f;    /* write here */
};

/*
 * Start writing `path`: a temporary file is made in the same directory,
 * mode 0600, so that the final rename is atomic; temporary files an
 * interrupted write left beside `path` long ago are removed first. End
 * with atomic_commit() or atomic_abort(); on failure *af is zeroed and
 * nothing is left on disk. A `path` that is there and no regular file
 * (/dev/null, a named pipe, a terminal) is written to as it is, never
 * replaced; a directory is refused.
 */
int atomic_open(struct atomic_file *af, const char *path, char **cause);

/*
 * Flush, sync and move the temporary file over `path`. On any failure
 * (a full disk included) the temporary file is removed and `path` is left
 * as it was. *af is released (zeroed) either way: no abort after it.
 */
int atomic_commit(struct atomic_file *af, char **cause);

/*
 * Remove the temporary files of the writes going on now, for a signal
 * handler about to end the process (async-signal-safe: unlink only). A
 * file that was being written is then left as it was.
 */
void atomic_remove_pending(void);

/* Give up: remove the temporary file, release *af (zeroed); a zeroed *af is
 * accepted. */
void atomic_abort(struct atomic_file *af);

#endif

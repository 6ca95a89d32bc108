/* atomic.c: temporary file, fsync, rename. */
#include "atomic.h"
#include "error.h"
#include "i18n.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The temporary files being written now, for atomic_remove_pending() to
 * remove from a signal handler: fixed slots, no allocation, a slot's path
 * complete before it is marked used.
 */
#define PENDING_SLOTS 4
#define PENDING_PATH 4096
static char pending[PENDING_SLOTS][PENDING_PATH];
static volatile sig_atomic_t pending_used[PENDING_SLOTS];

static void pending_add(const char *tmp)
{
	size_t len = strlen(tmp);

	if (len >= PENDING_PATH)
		return;
	for (int i = 0; i < PENDING_SLOTS; i++) {
		if (pending_used[i])
			continue;
		memcpy(pending[i], tmp, len + 1);
		pending_used[i] = 1;
		return;
	}
}

static void pending_remove(const char *tmp)
{
	for (int i = 0; i < PENDING_SLOTS; i++)
		if (pending_used[i] && strcmp(pending[i], tmp) == 0)
			pending_used[i] = 0;
}

void atomic_remove_pending(void)
{
	for (int i = 0; i < PENDING_SLOTS; i++) {
		if (pending_used[i]) {
			unlink(pending[i]);
			pending_used[i] = 0;
		}
	}
}

/* How old a temporary file left beside a target must be to be removed:
 * older than any write of ours takes. */
#define STALE_SECONDS 600

/* True for "NAME.XXXXXX", the temporary files mkstemp makes for `base`. */
static bool temporary_of(const char *entry, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(entry, base, n) != 0 || entry[n] != '.' ||
	    strlen(entry + n + 1) != 6)
		return false;
	for (const char *p = entry + n + 1; *p; p++)
		if (!isalnum((unsigned char)*p))
			return false;
	return true;
}

/*
 * Remove what an interrupted write of `path` left beside it (a process
 * killed before it could clean up): its temporary files, if ours, regular
 * and older than STALE_SECONDS, so that a write going on now is left be.
 */
static void remove_stale(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path + 1))
			  : strdup(".");
	const char *base = slash ? slash + 1 : path;
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	time_t now = time(NULL);

	while (d != NULL && (e = readdir(d)) != NULL) {
		struct stat st;

		if (!temporary_of(e->d_name, base) ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) !=
			    0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
		    now - st.st_mtime < STALE_SECONDS)
			continue;
		unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

static int io_error(int err)
{
	return err == ENOSPC || err == EDQUOT || err == EFBIG ? PC_EFULL
							      : PC_EIO;
}

int atomic_open(struct atomic_file *af, const char *path, char **cause)
{
	size_t n = strlen(path) + sizeof ".XXXXXX";
	struct stat st;
	int fd;

	memset(af, 0, sizeof *af);
	af->path = strdup(path);
	af->tmp = malloc(n);
	if (af->path == NULL || af->tmp == NULL) {
		atomic_abort(af);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	snprintf(af->tmp, n, "%s.XXXXXX", path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device or a pipe: renaming over it would put a file in
		 * its place (as root, /dev/null itself). */
		free(af->tmp);
		af->tmp = NULL;
		if (S_ISDIR(st.st_mode)) {
			atomic_abort(af);
			return error_set(cause, PC_EIO,
					 _("%s: cannot write: %s"), path,
					 strerror(EISDIR));
		}
		af->f = fopen(path, "w");
		if (af->f == NULL) {
			int err = errno;

			atomic_abort(af);
			return error_set(cause, io_error(err),
					 _("%s: cannot write: %s"), path,
					 strerror(err));
		}
		return PC_OK;
	}
	remove_stale(path);
	fd = mkstemp(af->tmp); /* mode 0600 */
	if (fd < 0) {
		int err = errno;

		free(af->tmp);
		af->tmp = NULL;
		atomic_abort(af);
		return error_set(cause, io_error(err),
				 _("%s: cannot write: %s"), path,
				 strerror(err));
	}
	pending_add(af->tmp);
	af->f = fdopen(fd, "w");
	if (af->f == NULL) {
		close(fd);
		atomic_abort(af);
		return error_set(cause, PC_EIO, _("%s: cannot write: %s"), path,
				 strerror(errno));
	}
	return PC_OK;
}

int atomic_commit(struct atomic_file *af, char **cause)
{
	int err = 0;

	if (fflush(af->f) != 0 || ferror(af->f))
		err = errno ? errno : EIO;
	if (err == 0 && af->tmp != NULL && fsync(fileno(af->f)) != 0)
		err = errno;
	if (fclose(af->f) != 0 && err == 0)
		err = errno;
	af->f = NULL;
	if (err == 0 && af->tmp != NULL && rename(af->tmp, af->path) != 0)
		err = errno;
	if (err == 0 && af->tmp != NULL)
		pending_remove(af->tmp);
	if (err != 0) {
		int code = io_error(err);

		error_set(cause, code, _("%s: cannot write: %s"), af->path,
			  strerror(err));
		atomic_abort(af);
		return code;
	}
	free(af->tmp);
	af->tmp = NULL;
	atomic_abort(af);
	return PC_OK;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	if (af->tmp != NULL) {
		unlink(af->tmp);
		pending_remove(af->tmp);
	}
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
}

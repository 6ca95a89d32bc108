/* backup.c: compact copies out, checked copies in. */
#include "backup.h"
#include "atomic.h"
#include "error.h"
#include "i18n.h"
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bytes copied between two releases of the mapped pages. */
#define COPY_RELEASE_BYTES ((size_t)256 << 10)

/*
 * LMDB's copy reads the whole file through the map, which would all stay
 * resident, and faster than a thread could let it go: it writes into a
 * pipe instead, which a thread drains into the file, letting the pages go
 * every COPY_RELEASE_BYTES. LMDB reads at most its two buffers ahead of
 * what the thread has written, so what it has read is let go too.
 */
struct pump {
	struct store *s;
	int from, to;
	int error; /* errno of the first failed write, or 0 */
};

/* Write n bytes of buf to fd; false (errno set) when it fails. */
static bool write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return false;
		buf += w;
		n -= (size_t)w;
	}
	return true;
}

static void *pump_copy(void *arg)
{
	struct pump *p = arg;
	char buf[1 << 16];
	size_t since = 0;
	bool splicing = true;

	for (;;) {
		ssize_t n;

		/* Straight from the pipe to the file where the system can;
		 * after a failure, drained all the same: LMDB ends its copy. */
		if (splicing && p->error == 0) {
			n = splice(p->from, NULL, p->to, NULL, sizeof buf,
				   SPLICE_F_MOVE);
			if (n < 0 && errno == EINVAL)
				splicing = false;
			else if (n < 0 && errno != EINTR)
				p->error = errno;
			if (n < 0)
				continue;
		} else {
			n = read(p->from, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				/* LMDB's writes fail then, ending the copy. */
				p->error = p->error ? p->error : errno;
				close(p->from);
				p->from = -1;
				break;
			}
			if (n > 0 && p->error == 0 &&
			    !write_all(p->to, buf, (size_t)n))
				p->error = errno;
		}
		if (n == 0)
			break;
		since += (size_t)n;
		if (since >= COPY_RELEASE_BYTES) {
			store_release_pages(p->s);
			since = 0;
		}
	}
	return NULL;
}

/* store_copy_to_fd(s, fd), through a pump when a thread starts (the bytes
 * are the same without). */
static int copy_released(struct store *s, int fd, char **cause)
{
	struct pump p = { .s = s, .to = fd };
	pthread_t thread;
	int ends[2], rc;

	if (pipe2(ends, O_CLOEXEC) != 0)
		return store_copy_to_fd(s, fd, cause);
	p.from = ends[0];
	if (pthread_create(&thread, NULL, pump_copy, &p) != 0) {
		close(ends[0]);
		close(ends[1]);
		return store_copy_to_fd(s, fd, cause);
	}
	rc = store_copy_to_fd(s, ends[1], cause);
	close(ends[1]);
	pthread_join(thread, NULL);
	if (p.from >= 0)
		close(p.from);
	store_release_pages(s);
	/* Told as LMDB's own write to the file would have been. */
	if (rc == PC_OK && p.error != 0)
		rc = error_set(cause, store_map_error(p.error), "%s: %s",
			       store_path(s), strerror(p.error));
	return rc;
}

int backup_write(struct store *s, const char *path, char **cause)
{
	struct atomic_file af;
	int rc = atomic_open(&af, path, cause);

	if (rc != PC_OK)
		return rc;
	fflush(af.f);
	rc = copy_released(s, fileno(af.f), cause);
	if (rc != PC_OK) {
		atomic_abort(&af);
		return rc;
	}
	return atomic_commit(&af, cause);
}

/* Copy the file `from` to `to` through an atomic write (0600). */
static int copy_file(const char *from, const char *to, char **cause)
{
	struct atomic_file af;
	char buf[1 << 16];
	size_t n;
	FILE *in = fopen(from, "rb");
	int rc;

	if (in == NULL)
		return error_set(cause, PC_EIO, _("%s: cannot read: %s"), from,
				 strerror(errno));
	rc = atomic_open(&af, to, cause);
	if (rc != PC_OK) {
		fclose(in);
		return rc;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, af.f) != n)
			break;
	if (ferror(in)) {
		rc = error_set(cause, PC_EIO, _("%s: cannot read: %s"), from,
			       strerror(errno));
		atomic_abort(&af);
	} else {
		rc = atomic_commit(&af, cause);
	}
	fclose(in);
	return rc;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/*
 * A name for the database kept aside that no file has yet:
 * "data.mdb.before-restore-YYYYMMDD-HHMMSS", then "-2", "-3"... for
 * restores within the same second. The caller holds the database alone,
 * so no other parcours takes the name between this look and the copy.
 * Malloc'd; NULL when out of memory (reported in *cause).
 */
static char *aside_name(const char *dir, time_t t, char **cause)
{
	char stamp[64], name[96];
	struct tm tm;
	struct stat st;

	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "data.mdb.before-restore-%Y%m%d-%H%M%S",
		 &tm);
	for (unsigned k = 1;; k++) {
		char *path;

		if (k == 1)
			snprintf(name, sizeof name, "%s", stamp);
		else
			snprintf(name, sizeof name, "%s-%u", stamp, k);
		path = join(dir, name);
		if (path == NULL) {
			error_set(cause, PC_ENOMEM, "%s",
				  error_string(PC_ENOMEM));
			return NULL;
		}
		if (lstat(path, &st) != 0 && errno == ENOENT)
			return path;
		free(path);
	}
}

int backup_restore(const char *dir, const char *file, int64_t now, char **aside,
		   char **cause)
{
	char *data = join(dir, "data.mdb");
	char *kept = NULL;
	struct stat st;
	time_t t = (time_t)now;
	int fd = -1, rc;

	*aside = NULL;
	if (data == NULL) {
		rc = error_set(cause, PC_ENOMEM, "out of memory");
		goto out;
	}
	rc = store_check_file(file, cause);
	if (rc != PC_OK)
		goto out;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		rc = error_set(cause, PC_EIO, _("%s: cannot create: %s"), dir,
			       strerror(errno));
		goto out;
	}
	/* The database file itself is locked by whoever has it open (see
	 * store.c): alone, or not at all. No file, nobody has it open. */
	fd = open(data, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno != ENOENT) {
		rc = error_set(cause, PC_EIO, _("%s: cannot read: %s"), data,
			       strerror(errno));
		goto out;
	}
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		rc = error_set(cause, PC_EDB,
			       _("%s: parcours is open in another window; "
				 "close it before restoring"),
			       dir);
		goto out;
	}
	/* Nobody has it open: the file itself is a consistent copy. */
	if (stat(data, &st) == 0) {
		kept = aside_name(dir, t, cause);
		if (kept == NULL) {
			rc = PC_ENOMEM;
			goto out;
		}
		rc = copy_file(data, kept, cause);
		if (rc == PC_OK)
			rc = store_share_file(dir, kept, cause);
		if (rc != PC_OK)
			goto out;
	}
	rc = copy_file(file, data, cause);
	if (rc == PC_OK)
		rc = store_share_file(dir, data, cause);
	if (rc == PC_OK) {
		*aside = kept;
		kept = NULL;
	} else if (kept != NULL) {
		unlink(kept); /* the current database was not touched */
	}
out:
	if (fd >= 0)
		close(fd); /* releases the lock */
	free(kept);
	free(data);
	return rc;
}

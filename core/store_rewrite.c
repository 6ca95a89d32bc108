/* store_rewrite.c: rewriting the database file from its live records, so
 * that an erasure leaves nothing in it; the note that a rewrite is still to
 * do, and the working directories an interrupted one leaves. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set in the transaction of an erasure, gone once the file is rewritten:
 * its rewrite is still to do. Never copied by the rewrite. */
static const char META_REWRITE[] = "rewrite_pending";

int store_mark_rewrite(struct store_txn *t)
{
	static const uint8_t one = 1;

	return store_put(t, DB_META, META_REWRITE, strlen(META_REWRITE), &one,
			 1);
}

/* True when the last erasure's rewrite did not finish. */
bool store_rewrite_pending(struct store *s)
{
	struct store_txn *t = NULL;
	MDB_val v;
	bool pending = false;

	if (store_read_begin(s, &t, NULL) != PC_OK)
		return false;
	pending = store_get(t, DB_META, META_REWRITE, strlen(META_REWRITE),
			    &v) == PC_OK;
	store_read_end(&t);
	return pending;
}

/* Is `name` one of the working directories an erasure makes here? */
static bool working_dir(const char *name)
{
	return strncmp(name, ".rewrite-", 9) == 0 ||
	       strncmp(name, ".erase-", 7) == 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/*
 * Remove the working directories an erasure interrupted left in `dir`
 * (`.rewrite-*`: a copy of the live records; `.erase-*`: a link to a
 * copy kept aside). Only with the database held alone: then no erasure
 * is going on.
 */
void store_remove_working_dirs(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *path;

		if (!working_dir(e->d_name) ||
		    asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			continue;
		nftw(path, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
		free(path);
	}
	if (d != NULL)
		closedir(d);
}

/* Records copied per transaction of the copy: its dirty pages are held in
 * memory until it commits, and the copy is put in place only once whole,
 * so it need not be one transaction. */
#define REWRITE_BATCH 4096

/* Records copied between two releases of the source's mapped pages. */
#define REWRITE_RELEASE_EVERY 64

static int copy_entries(struct store *s, MDB_env *to, char **cause)
{
	MDB_txn *rt = NULL, *wt = NULL;
	size_t copied = 0;
	int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &rt);

	if (rc == 0)
		rc = mdb_txn_begin(to, NULL, 0, &wt);
	for (int i = 0; rc == 0 && i < DB_COUNT; i++) {
		MDB_dbi dbi;
		MDB_cursor *c;
		MDB_val k, v;
		int op = MDB_FIRST;

		rc = mdb_dbi_open(wt, store_db_names[i], MDB_CREATE, &dbi);
		if (rc == 0)
			rc = mdb_cursor_open(rt, s->dbi[i], &c);
		if (rc != 0)
			break;
		while ((rc = mdb_cursor_get(c, &k, &v, op)) == 0) {
			op = MDB_NEXT;
			if (i == DB_META &&
			    k.mv_size == sizeof META_REWRITE - 1 &&
			    memcmp(k.mv_data, META_REWRITE, k.mv_size) == 0)
				continue; /* the rewrite is this copy */
			rc = mdb_put(wt, dbi, &k, &v, MDB_APPEND);
			if (rc != 0)
				break;
			if (++copied % REWRITE_RELEASE_EVERY == 0)
				store_release_pages(s);
			if (copied % REWRITE_BATCH != 0)
				continue;
			rc = mdb_txn_commit(wt);
			wt = NULL;
			if (rc == 0)
				rc = mdb_txn_begin(to, NULL, 0, &wt);
			if (rc != 0)
				break;
		}
		mdb_cursor_close(c);
		if (rc == MDB_NOTFOUND)
			rc = 0;
	}
	if (rt != NULL)
		mdb_txn_abort(rt);
	if (rc == 0)
		rc = mdb_txn_commit(wt);
	else if (wt != NULL)
		mdb_txn_abort(wt);
	store_release_pages(s);
	if (rc != 0)
		return error_set(cause, store_map_error(rc), "%s: %s", s->path,
				 mdb_strerror(rc));
	return PC_OK;
}

int store_rewrite_close(struct store **sp, char **cause)
{
	struct store *s;
	size_t n;
	char *tmp, *file, *data, *lock;
	MDB_env *to = NULL;
	int rc, fd;

	if (sp == NULL || *sp == NULL)
		return error_set(cause, PC_EINVAL, "no store to rewrite");
	s = *sp;
	n = strlen(s->path) + 32;
	tmp = malloc(n);
	file = malloc(n);
	data = malloc(n);
	if (tmp == NULL || file == NULL || data == NULL) {
		rc = error_set(cause, PC_ENOMEM, "out of memory");
		goto out;
	}
	if (!s->exclusive) {
		rc = error_set(cause, PC_EDB, "%s: not opened alone", s->path);
		goto out;
	}
	snprintf(tmp, n, "%s/.rewrite-XXXXXX", s->path);
	if (mkdtemp(tmp) == NULL) {
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"),
			       s->path, strerror(errno));
		goto out;
	}
	rc = mdb_env_create(&to);
	if (rc == 0)
		rc = mdb_env_set_maxdbs(to, DB_COUNT + 2);
	if (rc == 0)
		rc = mdb_env_set_mapsize(to, s->map_size);
	if (rc == 0)
		/* Synced once, whole, before it is put in place. */
		rc = mdb_env_open(to, tmp, MDB_NOSYNC, 0600);
	rc = rc == 0 ? copy_entries(s, to, cause)
		     : error_set(cause, store_map_error(rc), "%s: %s", tmp,
				 mdb_strerror(rc));
	if (rc == PC_OK && mdb_env_sync(to, 1) != 0)
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"), tmp,
			       strerror(errno));
	mdb_env_close(to);
	snprintf(file, n, "%s/data.mdb", tmp);
	snprintf(data, n, "%s/data.mdb", s->path);
	/* Only live records were copied, onto fresh pages: replace the file
	 * that still holds the freed ones. */
	if (rc == PC_OK && rename(file, data) != 0)
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"), data,
			       strerror(errno));
	/* A group's database stays the group's (made 0600 above). */
	if (rc == PC_OK && s->shared && chmod(data, 0660) != 0)
		rc = error_set(cause, PC_EIO, "%s: chmod 660: %s", data,
			       strerror(errno));
	if (rc == PC_OK && (fd = open(s->path, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	unlink(file);
	lock = file;
	snprintf(lock, n, "%s/lock.mdb", tmp);
	unlink(lock);
	rmdir(tmp);
out:
	free(tmp);
	free(file);
	free(data);
	store_close(sp);
	return rc;
}

/* store.c: transactions (read, write with map growth, generation) and the
 * primitives every store_*.c uses: put, get, scan, id counters. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(DB_COUNT == 16, "a name for every sub-database");
const char *const store_db_names[DB_COUNT] = {
	"meta",
	"participants",
	"by_referent",
	"moves",
	"appointments",
	"appt_by_participant",
	"planned_by_date",
	"jobs",
	"notes",
	"journal",
	"fse_entry",
	"fse_exit",
	"fse_survey",
	"wake",
	"wake_of",
	"in_caseload",
};

/* Past this the map stops growing and MDB_MAP_FULL reaches the user. */
#define MAP_SIZE_LIMIT ((size_t)1 << 40)

int store_map_error(int rc)
{
	switch (rc) {
	case 0:
		return PC_OK;
	case MDB_NOTFOUND:
		return PC_ENOTFOUND;
	case ENOMEM:
		return PC_ENOMEM;
	case ENOSPC:
	case EDQUOT:
	case EFBIG:
		return PC_EFULL;
	case MDB_CORRUPTED:
	case MDB_INVALID:
	case MDB_INCOMPATIBLE:
	case MDB_PAGE_NOTFOUND:
		return PC_ECORRUPT;
	default:
		return PC_EDB;
	}
}

int store_map_grow(struct store *s)
{
	MDB_envinfo info;
	int mrc;

	if (s->map_size >= MAP_SIZE_LIMIT)
		return MDB_MAP_FULL;
	mrc = mdb_env_set_mapsize(s->env, s->map_size * 2);
	if (mrc != 0)
		return mrc;
	mdb_env_info(s->env, &info);
	s->map_size = info.me_mapsize;
	return 0;
}

int store_fail(struct store_txn *t, int rc)
{
	if (rc != 0 && rc != MDB_NOTFOUND)
		t->mdb_rc = rc;
	return store_map_error(rc);
}

int store_txn_mdb_error(const struct store_txn *t)
{
	return t->mdb_rc;
}

/*
 * Remember the participant a change of `db` at key k concerns, for the
 * indexer at the commit: the sub-databases keyed by participant first
 * (an appointment added, moved to another participant or removed goes
 * through its by-participant key; store_appointment_update marks the
 * rest).
 */
static void mark_dirty(struct store_txn *t, int db, const void *k,
		       size_t klen)
{
	switch (db) {
	case DB_PARTICIPANTS:
	case DB_MOVES:
	case DB_APPT_BY_PART:
	case DB_JOBS:
	case DB_FSE_ENTRY:
	case DB_FSE_EXIT:
	case DB_FSE_SURVEY:
		break;
	default:
		return; /* no rule reads it, or derived */
	}
	if (klen < 8) {
		t->dirty_lost = true; /* a whole sub-database: see all */
		return;
	}
	if (t->n_dirty > 0 && t->dirty[t->n_dirty - 1] == get_be64(k))
		return;
	if (store_reserve((void **)&t->dirty, &t->cap_dirty, t->n_dirty + 1,
			  sizeof *t->dirty) != PC_OK) {
		t->dirty_lost = true;
		return;
	}
	t->dirty[t->n_dirty++] = get_be64(k);
}

void store_mark_participant(struct store_txn *t, uint64_t participant)
{
	uint8_t k[8];

	put_be64(k, participant);
	mark_dirty(t, DB_PARTICIPANTS, k, sizeof k);
}

int store_put(struct store_txn *t, int db, const void *k, size_t klen,
	      const void *v, size_t vlen)
{
	MDB_val key = { klen, (void *)k }, val = { vlen, (void *)v };

	mark_dirty(t, db, k, klen);
	return store_fail(t, mdb_put(t->txn, t->s->dbi[db], &key, &val, 0));
}

int store_get(struct store_txn *t, int db, const void *k, size_t klen,
	      MDB_val *val)
{
	MDB_val key = { klen, (void *)k };

	if (store_db_absent(t->s, db))
		return PC_ENOTFOUND;
	return store_fail(t, mdb_get(t->txn, t->s->dbi[db], &key, val));
}

int store_del(struct store_txn *t, int db, const void *k, size_t klen)
{
	MDB_val key = { klen, (void *)k };
	int rc = mdb_del(t->txn, t->s->dbi[db], &key, NULL);

	if (rc == 0)
		mark_dirty(t, db, k, klen);
	return rc == MDB_NOTFOUND ? PC_OK : store_fail(t, rc);
}

/* Keys a scan reads between two store_release_pages(). */
#define SCAN_RELEASE_EVERY 8192

int store_scan(struct store_txn *t, int db, const void *prefix, size_t plen,
	       store_scan_fn fn, void *arg)
{
	size_t seen = 0;
	MDB_cursor *c;
	MDB_val key = { plen, (void *)prefix }, val;
	int rc, op = plen ? MDB_SET_RANGE : MDB_FIRST;

	if (store_db_absent(t->s, db))
		return PC_OK;
	rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
	if (rc != 0)
		return store_fail(t, rc);
	while ((rc = mdb_cursor_get(c, &key, &val, op)) == 0) {
		op = MDB_NEXT;
		if (plen > 0 && (key.mv_size < plen ||
				 memcmp(key.mv_data, prefix, plen) != 0))
			break;
		/* A long scan lets go of the pages it mapped as it goes (a
		 * sub-database's pages lie among the others', and the kernel
		 * maps a fault's neighbours too). */
		if (++seen % SCAN_RELEASE_EVERY == 0)
			store_release_pages(t->s);
		rc = fn(&key, &val, arg);
		if (rc != PC_OK) {
			mdb_cursor_close(c);
			return rc;
		}
	}
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : store_fail(t, rc);
}

int store_del_prefix(struct store_txn *t, int db, const void *prefix,
		     size_t plen)
{
	MDB_cursor *c;
	MDB_val key, val;
	int rc;

	mark_dirty(t, db, prefix, plen);
	rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
	if (rc != 0)
		return store_fail(t, rc);
	for (;;) {
		key.mv_size = plen;
		key.mv_data = (void *)prefix;
		rc = mdb_cursor_get(c, &key, &val, MDB_SET_RANGE);
		if (rc != 0 || key.mv_size < plen ||
		    memcmp(key.mv_data, prefix, plen) != 0)
			break;
		rc = mdb_cursor_del(c, 0);
		if (rc != 0)
			break;
	}
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : store_fail(t, rc);
}

int store_reserve(void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t ncap;
	void *na;

	if (n <= *cap)
		return PC_OK;
	ncap = *cap ? *cap * 2 : 16;
	while (ncap < n)
		ncap *= 2;
	if (ncap > SIZE_MAX / sz)
		return PC_ENOMEM;
	na = realloc(*arr, ncap * sz);
	if (na == NULL)
		return PC_ENOMEM;
	*arr = na;
	*cap = ncap;
	return PC_OK;
}

/* ---- meta: schema version and id counters ---- */

int store_next_seq(struct store_txn *t, const char *name, uint64_t *out)
{
	MDB_val v;
	uint8_t buf[8];
	uint64_t cur = 0;
	int rc = store_get(t, DB_META, name, strlen(name), &v);

	if (rc == PC_OK) {
		if (v.mv_size != 8)
			return PC_ECORRUPT;
		cur = get_be64(v.mv_data);
	} else if (rc != PC_ENOTFOUND) {
		return rc;
	}
	put_be64(buf, cur + 1);
	rc = store_put(t, DB_META, name, strlen(name), buf, sizeof buf);
	if (rc == PC_OK)
		*out = cur + 1;
	return rc;
}

int store_bump_seq(struct store_txn *t, const char *name, uint64_t value)
{
	MDB_val v;
	uint8_t buf[8];
	int rc = store_get(t, DB_META, name, strlen(name), &v);

	if (rc == PC_OK) {
		if (v.mv_size != 8)
			return PC_ECORRUPT;
		if (get_be64(v.mv_data) >= value)
			return PC_OK;
	} else if (rc != PC_ENOTFOUND) {
		return rc;
	}
	put_be64(buf, value);
	return store_put(t, DB_META, name, strlen(name), buf, sizeof buf);
}

uint64_t store_generation(struct store *s)
{
	MDB_envinfo info;

	if (mdb_env_info(s->env, &info) != 0)
		return 0;
	return info.me_last_txnid;
}

size_t store_map_size(const struct store *s)
{
	return s->map_size;
}

/* Another process grew the map: adopt its size before a new transaction. */
static int begin(struct store *s, unsigned flags, MDB_txn **txn)
{
	int rc = mdb_txn_begin(s->env, NULL, flags, txn);

	if (rc == MDB_MAP_RESIZED) {
		MDB_envinfo info;

		rc = mdb_env_set_mapsize(s->env, 0);
		if (rc == 0) {
			mdb_env_info(s->env, &info);
			s->map_size = info.me_mapsize;
			rc = mdb_txn_begin(s->env, NULL, flags, txn);
		}
	}
	return rc;
}

int store_read_begin(struct store *s, struct store_txn **out, char **cause)
{
	struct store_txn *t = calloc(1, sizeof *t);
	int rc;

	if (t == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	t->s = s;
	rc = begin(s, MDB_RDONLY, &t->txn);
	if (rc != 0) {
		free(t);
		return error_set(cause, store_map_error(rc), "%s: %s", s->path,
				 mdb_strerror(rc));
	}
	*out = t;
	return PC_OK;
}

void store_read_end(struct store_txn **t)
{
	if (t == NULL || *t == NULL)
		return;
	mdb_txn_abort((*t)->txn);
	free(*t);
	*t = NULL;
}

bool store_replaced(const struct store *s)
{
	size_t n = strlen(s->path) + sizeof "/data.mdb";
	struct stat now, ours;
	char *path;
	bool replaced;

	if (s->lock_fd < 0 || (path = malloc(n)) == NULL)
		return false;
	snprintf(path, n, "%s/data.mdb", s->path);
	replaced = stat(path, &now) != 0 || fstat(s->lock_fd, &ours) != 0 ||
		   now.st_dev != ours.st_dev || now.st_ino != ours.st_ino;
	free(path);
	return replaced;
}

void store_set_indexer(struct store *s, store_index_fn fn, void *arg)
{
	s->indexer = fn;
	s->indexer_arg = arg;
}

static int cmp_id(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* The derived indexes of what the transaction changed: kept by the
 * indexer, or marked out of date. */
static int index_changes(struct store_txn *t)
{
	size_t n = 0;

	if (t->n_dirty > 0) {
		qsort(t->dirty, t->n_dirty, sizeof *t->dirty, cmp_id);
		for (size_t i = 0; i < t->n_dirty; i++)
			if (n == 0 || t->dirty[n - 1] != t->dirty[i])
				t->dirty[n++] = t->dirty[i];
		t->n_dirty = n;
	}
	if (t->s->indexer != NULL)
		return t->s->indexer(t, t->dirty, n, t->dirty_lost,
				     t->s->indexer_arg);
	if (n == 0 && !t->dirty_lost)
		return PC_OK;
	return store_del(t, DB_META, META_WAKE, strlen(META_WAKE));
}

static int write_txn(struct store *s, struct store_txn *t,
		     store_write_fn fn, void *arg, char **cause);

int store_write(struct store *s, store_write_fn fn, void *arg, char **cause)
{
	struct store_txn t = { .s = s };
	int rc;

	if (s->readonly)
		return error_set(cause, PC_EDB, _("%s: opened read-only"),
				 s->path);
	rc = write_txn(s, &t, fn, arg, cause);
	free(t.dirty);
	return rc;
}

/* store_write's transaction, tried again on a grown map. */
static int write_txn(struct store *s, struct store_txn *t,
		     store_write_fn fn, void *arg, char **cause)
{
	int rc;

	for (;;) {
		char *fn_cause = NULL;
		int mrc;

		t->mdb_rc = 0;
		t->n_dirty = 0;
		t->dirty_lost = false;
		mrc = begin(s, 0, &t->txn);
		if (mrc != 0)
			return error_set(cause, store_map_error(mrc), "%s: %s",
					 s->path, mdb_strerror(mrc));
		rc = fn(t, arg, &fn_cause);
		if (rc == PC_OK)
			rc = index_changes(t);
		/* The file this process has open is no longer the database
		 * (removed, or replaced by hand): a change committed to it
		 * would be lost, though it would look saved. */
		if (rc == PC_OK && store_replaced(s)) {
			mdb_txn_abort(t->txn);
			free(fn_cause);
			return error_set(cause, PC_EDB,
					 _("Not saved: the database file was "
					   "removed or replaced since parcours "
					   "opened it; close parcours and open "
					   "it again (%s)"),
					 s->path);
		}
		if (rc == PC_OK) {
			mrc = mdb_txn_commit(t->txn);
			if (mrc != 0 && mrc != MDB_MAP_FULL) {
				/* The change did not reach the disk; LMDB
				 * says EIO for a short write, which is what
				 * a full disk or a size limit gives. */
				free(fn_cause);
				return error_set(
					cause,
					mrc == EIO ? PC_EFULL
						   : store_map_error(mrc),
					_("%s: the change could not be saved "
					  "(%s); is the disk full? The data "
					  "are as they were before it"),
					s->path, mdb_strerror(mrc));
			}
			if (mrc != 0)
				t->mdb_rc = mrc;
			rc = store_map_error(mrc);
		} else {
			mdb_txn_abort(t->txn);
		}
		if (rc != PC_OK && t->mdb_rc == MDB_MAP_FULL &&
		    s->map_size < MAP_SIZE_LIMIT) {
			free(fn_cause);
			mrc = store_map_grow(s);
			if (mrc != 0)
				return error_set(cause, store_map_error(mrc),
						 "%s: cannot grow the map: %s",
						 s->path, mdb_strerror(mrc));
			continue;
		}
		if (rc != PC_OK) {
			if (fn_cause != NULL && cause != NULL && *cause == NULL)
				*cause = fn_cause;
			else
				free(fn_cause);
			if (t->mdb_rc != 0)
				error_set(cause, rc, "%s: %s", s->path,
					  mdb_strerror(t->mdb_rc));
		} else {
			free(fn_cause);
		}
		return rc;
	}
}

/*
 * When a release is worth its cost: the file pages resident (the map's,
 * mostly) past RELEASE_ABOVE_BYTES, as /proc/self/statm tells, looked at
 * only after RELEASE_AFTER_FAULTS page faults since it last was (each
 * fault maps up to 16 pages: 8 MB at most meanwhile), so that callers
 * may call store_release_pages every few dozen records.
 */
#define RELEASE_AFTER_FAULTS 128
#define RELEASE_ABOVE_BYTES ((unsigned long)16 << 20)

/* The process's page faults when it last looked (the count is the
 * process's, as its resident memory is). */
static long faults_seen;

static bool worth_releasing(void)
{
	unsigned long size, resident, shared;
	struct rusage ru;
	char buf[128];
	ssize_t n;
	long faults;
	int fd;

	if (getrusage(RUSAGE_SELF, &ru) == 0) {
		faults = ru.ru_minflt + ru.ru_majflt;
		if (faults - faults_seen < RELEASE_AFTER_FAULTS)
			return false;
		faults_seen = faults;
	}
	fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return true;
	buf[n] = '\0';
	return sscanf(buf, "%lu %lu %lu", &size, &resident, &shared) != 3 ||
	       shared > RELEASE_ABOVE_BYTES / (unsigned long)sysconf(
						      _SC_PAGESIZE);
}

void store_release_pages(struct store *s)
{
	char line[4352];
	mdb_filehandle_t fd;
	struct stat st;
	FILE *maps;

	/* LMDB tells the map's address only for a fixed map (mdb_env_info's
	 * me_mapaddr is NULL otherwise): find the file's mappings among the
	 * process's. Read-only shared ones (no MDB_WRITEMAP) hold nothing
	 * the file does not: dropping their pages loses nothing. */
	if (s == NULL || !worth_releasing() ||
	    mdb_env_get_fd(s->env, &fd) != 0 || fstat(fd, &st) != 0 ||
	    (maps = fopen("/proc/self/maps", "re")) == NULL)
		return;
	while (fgets(line, sizeof line, maps) != NULL) {
		unsigned long lo, hi, ino;
		char perms[8];

		if (sscanf(line, "%lx-%lx %7s %*x %*x:%*x %lu", &lo, &hi, perms,
			   &ino) == 4 &&
		    strcmp(perms, "r--s") == 0 &&
		    ino == (unsigned long)st.st_ino)
			(void)madvise((void *)lo, hi - lo, MADV_DONTNEED);
	}
	fclose(maps);
}

int store_is_empty(struct store_txn *t, bool *empty)
{
	MDB_stat st;
	int rc = mdb_stat(t->txn, t->s->dbi[DB_PARTICIPANTS], &st);

	if (rc != 0)
		return store_fail(t, rc);
	*empty = st.ms_entries == 0;
	return PC_OK;
}

int store_collect_id(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct store_id_list *l = arg;

	(void)val;
	if (key->mv_size < l->offset + 8)
		return PC_ECORRUPT;
	if (store_reserve((void **)&l->ids, &l->cap, l->n + 1, sizeof *l->ids))
		return PC_ENOMEM;
	l->ids[l->n++] = get_be64((const uint8_t *)key->mv_data + l->offset);
	return PC_OK;
}

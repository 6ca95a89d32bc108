/* store_open.c: the LMDB environment of a database directory: its paths
 * checked, its file verified before LMDB reads it, locked, opened
 * (normally, alone or read-only, an interrupted erasure finished), its
 * schema checked, closed; whole-file checks of a database or a backup. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <time.h>
#include <unistd.h>

#define MAP_SIZE_DEFAULT ((size_t)64 << 20)

static size_t initial_map_size = MAP_SIZE_DEFAULT;

/*
 * Every open walks the pages of a database file up to this size before
 * LMDB reads them (store_walk: 0.05 ms at 80 participants, 0.6 ms at
 * 2,000, 3.4 MB), so that no command crashes on a damaged one; a larger
 * file would cost more than the command (2.6 ms at 8 MB, 70 ms at 155 MB
 * and 100,000 participants, where `attention` takes 4 ms) and is walked by
 * check and restore only.
 */
#define WALK_AT_OPEN_MAX ((uint64_t)4 << 20)

/* ---- schema ---- */

static const char META_SCHEMA[] = "schema_version";
/* Check the schema version; write ours into a new database. */
static int check_schema(struct store_txn *t, bool may_write, char **cause)
{
	MDB_val v;
	uint8_t buf[4];
	uint32_t version;
	int rc = store_get(t, DB_META, META_SCHEMA, strlen(META_SCHEMA), &v);

	if (rc == PC_ENOTFOUND) {
		if (!may_write)
			return error_set(cause, PC_ECORRUPT,
					 _("%s: not a parcours database "
					   "(no schema version)"),
					 t->s->path);
		put_be32(buf, STORE_SCHEMA_VERSION);
		return store_put(t, DB_META, META_SCHEMA, strlen(META_SCHEMA),
				 buf, sizeof buf);
	}
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", t->s->path,
				 mdb_strerror(t->mdb_rc));
	if (v.mv_size != 4)
		return error_set(cause, PC_ECORRUPT,
				 _("%s: schema version unreadable"),
				 t->s->path);
	version = get_be32(v.mv_data);
	if (version > STORE_SCHEMA_VERSION)
		return error_set(cause, PC_ESCHEMA,
				 _("%s: database schema %u is newer than this "
				   "parcours understands (%d); use a newer "
				   "parcours"),
				 t->s->path, version, STORE_SCHEMA_VERSION);
	if (version < STORE_SCHEMA_VERSION && may_write) {
		/* The upgrade: the sub-databases were created with this
		 * transaction's handles; their records, then the number. */
		int urc = store_upgrade(t, version);

		if (urc != PC_OK)
			return error_set(cause, urc,
					 _("%s: the upgrade from schema %u "
					   "failed: %s"),
					 t->s->path, version,
					 error_string(urc));
		put_be32(buf, STORE_SCHEMA_VERSION);
		return store_put(t, DB_META, META_SCHEMA, strlen(META_SCHEMA),
				 buf, sizeof buf);
	}
	if (version < STORE_SCHEMA_VERSION && !t->s->readonly)
		return PC_ENOTFOUND; /* upgraded by a write transaction */
	return PC_OK;
}

/* ---- the database's identifier ---- */

static const char META_ID[] = "database_id";
#define ID_BYTES 16

/* Random bytes for a new identifier: the kernel's, else the clock's and
 * the process's, which still tell two databases apart in practice. */
static void draw_id(uint8_t id[ID_BYTES])
{
	uint64_t mix;
	struct timespec ts;

	if (getrandom(id, ID_BYTES, GRND_NONBLOCK) == ID_BYTES)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	mix = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
	      (uint64_t)getpid() << 32;
	for (int i = 0; i < ID_BYTES; i++) {
		mix = mix * 6364136223846793005u + 1442695040888963407u;
		id[i] = (uint8_t)(mix >> 56);
	}
}

/* True when the database holds its identifier. */
static bool has_id(struct store_txn *t)
{
	MDB_val v;

	return store_get(t, DB_META, META_ID, strlen(META_ID), &v) == PC_OK &&
	       v.mv_size == ID_BYTES;
}

/* In a write transaction: draw the identifier of a database that has
 * none yet (a new one, or one a build before it wrote). */
static int ensure_id(struct store_txn *t)
{
	uint8_t id[ID_BYTES];

	if (has_id(t))
		return PC_OK;
	draw_id(id);
	return store_put(t, DB_META, META_ID, strlen(META_ID), id, sizeof id);
}

int store_id(struct store_txn *t, char id[STORE_ID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *b;
	MDB_val v;
	int rc = store_get(t, DB_META, META_ID, strlen(META_ID), &v);

	if (rc != PC_OK)
		return rc;
	if (v.mv_size != ID_BYTES)
		return PC_ECORRUPT;
	b = v.mv_data;
	for (int i = 0; i < ID_BYTES; i++) {
		id[2 * i] = hex[b[i] >> 4];
		id[2 * i + 1] = hex[b[i] & 15];
	}
	id[2 * ID_BYTES] = '\0';
	return PC_OK;
}

/* ---- environment ---- */

void store_set_initial_map_size(size_t bytes)
{
	initial_map_size = bytes ? bytes : MAP_SIZE_DEFAULT;
}

/*
 * Open the sub-databases and check the schema in one transaction: a write
 * one creates what is missing; a read one returns PC_ENOTFOUND (without a
 * message) when anything is. The transaction is committed even when it
 * only read: an aborted one would close the handles it opened. *full:
 * the write found the map full.
 */
static int open_handles_once(struct store *s, bool write, bool *full,
			     char **cause)
{
	struct store_txn t = { .s = s };
	int rc, mrc;

	mrc = mdb_txn_begin(s->env, NULL, write ? 0 : MDB_RDONLY, &t.txn);
	if (mrc != 0)
		return error_set(cause, PC_EDB, "%s: %s", s->path,
				 mdb_strerror(mrc));
	s->absent = 0;
	for (int i = 0; i < DB_COUNT && mrc == 0; i++) {
		mrc = mdb_dbi_open(t.txn, store_db_names[i],
				   write ? MDB_CREATE : 0, &s->dbi[i]);
		/* A schema-1 file read as it is. */
		if (mrc == MDB_NOTFOUND && !write && s->readonly &&
		    i >= DB_FIRST_SCHEMA_2) {
			s->absent |= 1u << i;
			s->dbi[i] = 0;
			mrc = 0;
		}
	}
	if (mrc == MDB_NOTFOUND && !write) {
		mdb_txn_abort(t.txn);
		return PC_ENOTFOUND;
	}
	if (mrc != 0) {
		rc = store_map_error(mrc);
		*full = mrc == MDB_MAP_FULL;
		mdb_txn_abort(t.txn);
		return error_set(cause, rc == PC_OK ? PC_EDB : rc,
				 _("%s: not a parcours database (%s)"), s->path,
				 mdb_strerror(mrc));
	}
	rc = check_schema(&t, write, write ? cause : NULL);
	/* The identifier is drawn by the first write open; a read-only
	 * store goes without. */
	if (rc == PC_OK && write) {
		rc = ensure_id(&t);
		if (rc != PC_OK)
			error_set(cause, rc, "%s: %s", s->path,
				  mdb_strerror(t.mdb_rc));
	} else if (rc == PC_OK && !s->readonly && !has_id(&t)) {
		mdb_txn_abort(t.txn);
		return PC_ENOTFOUND;
	}
	*full = t.mdb_rc == MDB_MAP_FULL;
	if (rc == PC_ECORRUPT && !write) {
		/* No schema version yet: a write will add it. */
		struct store_txn probe = t;
		MDB_val v;

		if (store_get(&probe, DB_META, META_SCHEMA, strlen(META_SCHEMA),
			      &v) == PC_ENOTFOUND) {
			mdb_txn_abort(t.txn);
			return PC_ENOTFOUND;
		}
		rc = check_schema(&t, false, cause);
	} else if (rc != PC_OK && !write) {
		rc = check_schema(&t, false, cause);
	}
	if (rc != PC_OK) {
		mdb_txn_abort(t.txn);
		return rc;
	}
	mrc = mdb_txn_commit(t.txn);
	*full = mrc == MDB_MAP_FULL;
	if (mrc != 0)
		return error_set(cause, store_map_error(mrc), "%s: %s", s->path,
				 mdb_strerror(mrc));
	return PC_OK;
}

/*
 * open_handles_once, again with a map twice as big while a write finds it
 * full: a database grown past the map size it is opened with is mapped at
 * its size, with no room for the sub-databases it lacks or for the
 * upgrade's records, which store_write would make room for.
 */
static int open_handles(struct store *s, bool write, char **cause)
{
	for (;;) {
		char *why = NULL;
		bool full = false;
		int rc = open_handles_once(s, write, &full, &why);

		if (rc != PC_OK && write && full && store_map_grow(s) == 0) {
			free(why);
			continue;
		}
		if (why != NULL && cause != NULL && *cause == NULL)
			*cause = why;
		else
			free(why);
		return rc;
	}
}

/*
 * Every process with the database open holds a flock on the database file
 * itself: shared, or exclusive for a restore or an erasure, which replace
 * that file and so need it alone. A lock on a separate file could be
 * removed from under them (then the exclusive lock was taken on a new
 * file while others still wrote to the old one); the file that holds the
 * data cannot go without the data going too, which the inode check of
 * store_write then notices. The lock is taken on the file LMDB opened:
 * if data.mdb was replaced between LMDB's open and ours, the open is
 * refused.
 */
static int lock_store(struct store *s, const char *dir, bool exclusive,
		      char **cause)
{
	size_t n = strlen(dir) + sizeof "/data.mdb";
	char *path = malloc(n);
	struct stat ours, lmdb;
	int lfd = -1;

	s->lock_fd = -1;
	if (path == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	snprintf(path, n, "%s/data.mdb", dir);
	s->lock_fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (s->lock_fd < 0)
		return error_set(cause, PC_EIO, _("%s: cannot lock: %s"), dir,
				 strerror(errno));
	if (flock(s->lock_fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0)
		return error_set(cause, PC_EDB,
				 exclusive
					 ? _("%s: parcours is open in another "
					     "window; close it first")
					 : _("%s: the database is being "
					     "replaced (a restore or an "
					     "erasure); try again in a moment"),
				 dir);
	if (mdb_env_get_fd(s->env, &lfd) != 0 || fstat(lfd, &lmdb) != 0 ||
	    fstat(s->lock_fd, &ours) != 0 || ours.st_dev != lmdb.st_dev ||
	    ours.st_ino != lmdb.st_ino)
		return error_set(cause, PC_EDB,
				 _("%s: the database is being replaced (a "
				   "restore or an erasure); try again in a "
				   "moment"),
				 dir);
	s->exclusive = exclusive;
	return PC_OK;
}

/* What to do about a damaged database file, for the end of a message. */
static const char *advice_db(void)
{
	return _("it was left as it is: restore a backup (parcours restore "
		 "FILE)");
}

/*
 * Open the environment in `dir`. With `walk`, its pages are walked first
 * (store_walk) and LMDB reads none of a damaged file: PC_ECORRUPT then,
 * the problems in `walk`.
 */
static int open_env(const char *dir, bool readonly, bool exclusive, bool shared,
		    struct store_report *walk, struct store **out, char **cause)
{
	struct store *s;
	MDB_envinfo info;
	unsigned flags = MDB_NOTLS | (readonly ? MDB_RDONLY : 0);
	size_t n = strlen(dir) + sizeof "/data.mdb";
	struct store_report mine = { 0 };
	uint64_t size;
	char *data;
	int rc;

	s = calloc(1, sizeof *s);
	if (s == NULL || (s->path = strdup(dir)) == NULL) {
		free(s);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	s->readonly = readonly;
	s->shared = shared;
	s->lock_fd = -1;
	/* Past the end of a file cut short, LMDB's map is a SIGBUS. */
	if ((data = malloc(n)) == NULL) {
		store_close(&s);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	snprintf(data, n, "%s/data.mdb", dir);
	rc = store_verify_size(data, advice_db(), &size, cause);
	if (rc != PC_OK) {
		free(data);
		store_close(&s);
		return rc;
	}
	rc = mdb_env_create(&s->env);
	if (rc == 0)
		rc = mdb_env_set_maxdbs(s->env, DB_COUNT + 2);
	if (rc == 0 && !readonly)
		rc = mdb_env_set_mapsize(s->env, initial_map_size);
	if (rc == 0)
		rc = mdb_env_open(s->env, dir, flags, shared ? 0660 : 0600);
	if (rc == 0 && shared && !readonly)
		rc = store_share_files(dir) == PC_OK ? 0 : EACCES;
	if (rc != 0) {
		int code = store_map_error(rc);

		free(data);
		error_set(cause, code == PC_ECORRUPT ? code : PC_EDB,
			  _("%s: cannot open database: %s"), dir,
			  mdb_strerror(rc));
		store_close(&s);
		return code == PC_ECORRUPT ? code : PC_EDB;
	}
	rc = lock_store(s, dir, exclusive, cause);
	if (rc != PC_OK) {
		free(data);
		store_close(&s);
		return rc;
	}
	mdb_env_info(s->env, &info);
	s->map_size = info.me_mapsize;

	/* A small file is walked at every open, a large one by check (see
	 * WALK_AT_OPEN_MAX). */
	if (walk != NULL) {
		rc = store_walk(s, walk, cause);
		if (rc == PC_OK && walk->problems > 0)
			rc = error_set(
				cause, PC_ECORRUPT,
				_("%s: the database file is damaged; %s"), data,
				advice_db());
	} else if (size <= WALK_AT_OPEN_MAX) {
		rc = store_walk(s, &mine, cause);
		if (rc == PC_OK && mine.problems > 0)
			rc = error_set(cause, PC_ECORRUPT,
				       _("%s: the database file is damaged "
					 "(parcours check tells where); %s"),
				       data, advice_db());
		free(mine.text);
	}
	free(data);
	if (rc != PC_OK) {
		store_close(&s);
		return rc;
	}
	/* A read transaction finds everything in place in an existing
	 * database; only a new one needs a write (and its disk sync). */
	rc = open_handles(s, false, cause);
	if (rc == PC_ENOTFOUND && !readonly)
		rc = open_handles(s, true, cause);
	else if (rc == PC_ENOTFOUND)
		rc = error_set(cause, PC_ECORRUPT,
			       _("%s: not a parcours database (no schema "
				 "version)"),
			       dir);
	if (rc != PC_OK) {
		store_close(&s);
		return rc;
	}
	*out = s;
	return PC_OK;
}

/* ---- a database shared by a Unix group ---- */

/*
 * A team's database (issue 15) lives in a directory owned by a Unix group,
 * setgid so that every file made in it gets that group, mode 2770, files
 * 0660; the group is recorded in the database (META_GROUP), and every open
 * checks the directory against it. A personal one stays 0700/0600, ours.
 */
static const char META_GROUP[] = "shared_group";

/* The group recorded in the database into s->group (NULL: none). */
static int read_group(struct store *s, char **cause)
{
	struct store_txn *t = NULL;
	MDB_val v;
	int rc = store_read_begin(s, &t, cause);

	if (rc != PC_OK)
		return rc;
	rc = store_get(t, DB_META, META_GROUP, strlen(META_GROUP), &v);
	if (rc == PC_OK) {
		free(s->group);
		s->group = strndup(v.mv_data, v.mv_size);
		if (s->group == NULL)
			rc = error_set(cause, PC_ENOMEM, "out of memory");
	} else if (rc == PC_ENOTFOUND) {
		rc = PC_OK;
	} else {
		rc = error_set(cause, rc, "%s: %s", s->path, error_string(rc));
	}
	store_read_end(&t);
	return rc;
}

/*
 * The directory against the group the database records: a shared one
 * must be that group's, a personal one must record none. `missing_ok`:
 * a shared directory whose database records no group yet (the init
 * that makes it).
 */
static int check_group(struct store *s, long gid, bool missing_ok, char **cause)
{
	const struct group *g;
	char b[64];
	int rc = read_group(s, cause);

	if (rc != PC_OK)
		return rc;
	if (s->group == NULL && gid == NO_GROUP)
		return PC_OK;
	if (s->group == NULL)
		return missing_ok
			       ? PC_OK
			       : error_set(
					 cause, PC_EIO,
					 _("%s: a group's directory (setgid), "
					   "but the database is not shared; "
					   "'parcours init --shared GROUP' "
					   "makes a shared one, chmod 700 "
					   "%s keeps it personal"),
					 s->path, s->path);
	if (gid == NO_GROUP)
		return error_set(cause, PC_EIO,
				 _("%s: the database is shared with group %s "
				   "but the directory is not: chgrp -R %s %s "
				   "&& chmod 2770 %s && chmod 660 %s/*"),
				 s->path, s->group, s->group, s->path, s->path,
				 s->path);
	g = getgrnam(s->group);
	if (g == NULL || g->gr_gid != (gid_t)gid)
		return error_set(cause, PC_EIO,
				 _("%s: group-owned by %s, but the database "
				   "is shared with group %s: chgrp -R %s %s"),
				 s->path, store_group_name((gid_t)gid, b),
				 s->group, s->group, s->path);
	return PC_OK;
}

/* store_open's work, with check_group's `missing_ok`. */
static int open_checked(const char *dir, bool missing_ok, struct store **out,
			char **cause)
{
	long gid;
	bool shared;
	int rc;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return error_set(cause, PC_EIO, _("%s: cannot create: %s"), dir,
				 strerror(errno));
	rc = store_check_paths(dir, &gid, cause);
	if (rc != PC_OK)
		return rc;
	shared = gid != NO_GROUP;
	rc = open_env(dir, false, false, shared, NULL, out, cause);
	if (rc == PC_OK && store_rewrite_pending(*out)) {
		/* An erasure was interrupted before its rewrite: finish it
		 * now if the database can be had alone, else at a later
		 * open; the person's data are already out of every record. */
		struct store *alone = NULL;
		char *why = NULL;

		store_close(out);
		if (store_open_exclusive(dir, &alone, &why) == PC_OK &&
		    store_rewrite_close(&alone, &why) == PC_OK) {
			rc = open_env(dir, false, false, shared, NULL, out,
				      cause);
			if (rc == PC_OK)
				(*out)->finished_erasure = true;
		} else {
			store_close(&alone);
			rc = open_env(dir, false, false, shared, NULL, out,
				      cause);
		}
		free(why);
	}
	if (rc == PC_OK)
		rc = check_group(*out, gid, missing_ok, cause);
	if (rc != PC_OK)
		store_close(out);
	return rc;
}

int store_open(const char *dir, struct store **out, char **cause)
{
	return open_checked(dir, false, out, cause);
}

struct put_group {
	const char *name;
};

static int put_group_cb(struct store_txn *t, void *arg, char **cause)
{
	const struct put_group *a = arg;
	struct journal_entry e = { 0 };
	char what[160];
	int rc;

	(void)cause;
	rc = store_put(t, DB_META, META_GROUP, strlen(META_GROUP), a->name,
		       strlen(a->name));
	if (rc != PC_OK)
		return rc;
	snprintf(what, sizeof what, "database shared with group %s", a->name);
	e.time = (int64_t)time(NULL);
	e.who = (char *)"";
	e.login = (char *)store_login_name();
	e.what = what;
	return store_journal_add(t, &e);
}

int store_open_shared(const char *dir, const char *group, struct store **out,
		      char **cause)
{
	const struct group *g = getgrnam(group);
	struct put_group a = { group };
	struct stat st;
	gid_t gid;
	int rc;

	if (g == NULL)
		return error_set(cause, PC_EINVAL,
				 _("--shared: no group '%s' on this system; "
				   "an administrator makes it (groupadd %s) "
				   "and adds each referent (usermod -aG %s "
				   "LOGIN)"),
				 group, group, group);
	gid = g->gr_gid;
	if (!store_in_group(gid))
		return error_set(cause, PC_EINVAL,
				 _("--shared: %s is not in group %s; an "
				   "administrator adds them (usermod -aG %s "
				   "%s), then they log in again"),
				 store_login_name(), group, group,
				 store_login_name());
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return error_set(cause, PC_EIO, _("%s: cannot create: %s"), dir,
				 strerror(errno));
	if (lstat(dir, &st) != 0)
		return error_set(cause, PC_EIO, "%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return error_set(cause, PC_EIO, _("%s: not a directory"), dir);
	/* A directory not shared yet is made the group's when it is ours
	 * and holds no database; never one another user or a database
	 * already holds. */
	if (!store_shared_mode(&st)) {
		char *data = NULL;
		bool has_db;

		if (asprintf(&data, "%s/data.mdb", dir) < 0)
			return error_set(cause, PC_ENOMEM, "out of memory");
		has_db = lstat(data, &st) == 0;
		free(data);
		if (has_db)
			return error_set(cause, PC_EINVAL,
					 _("%s: a personal database is "
					   "there; share a new directory "
					   "and load a dump of this one "
					   "into it"),
					 dir);
		if (lstat(dir, &st) != 0 || st.st_uid != geteuid())
			return error_set(cause, PC_EIO,
					 _("%s: belongs to another user (uid "
					   "%u); refused"),
					 dir, (unsigned)st.st_uid);
		if (chown(dir, (uid_t)-1, gid) != 0 || chmod(dir, 02770) != 0)
			return error_set(cause, PC_EIO,
					 "%s: chgrp %s, chmod 2770: %s", dir,
					 group, strerror(errno));
	}
	rc = open_checked(dir, true, out, cause);
	if (rc != PC_OK)
		return rc;
	if ((*out)->group == NULL) {
		rc = store_write(*out, put_group_cb, &a, cause);
		if (rc == PC_OK)
			rc = read_group(*out, cause);
	} else if (strcmp((*out)->group, group) != 0) {
		rc = error_set(cause, PC_EINVAL,
			       _("%s: a database shared with group %s is "
				 "there; nothing changed"),
			       dir, (*out)->group);
	}
	if (rc != PC_OK)
		store_close(out);
	return rc;
}

const char *store_shared_group(const struct store *s)
{
	return s->group;
}

bool store_finished_erasure(const struct store *s)
{
	return s != NULL && s->finished_erasure;
}

int store_open_exclusive(const char *dir, struct store **out, char **cause)
{
	struct stat st;

	int rc;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return error_set(cause, PC_ENOTFOUND, _("%s: no database"),
				 dir);
	rc = open_env(dir, false, true, store_dir_is_shared(dir), NULL, out,
		      cause);
	if (rc == PC_OK)
		store_remove_working_dirs(dir);
	return rc;
}

static int open_readonly(const char *dir, struct store_report *walk,
			 struct store **out, char **cause)
{
	struct stat st;
	size_t n = strlen(dir) + sizeof "/data.mdb";
	char *data = malloc(n);
	long gid;
	int exists, rc;

	if (data == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	snprintf(data, n, "%s/data.mdb", dir);
	exists = stat(data, &st) == 0;
	free(data);
	if (!exists)
		return error_set(cause, PC_ENOTFOUND, _("%s: no database"),
				 dir);
	if (store_check_paths(dir, &gid, cause) != PC_OK)
		return PC_EIO;
	rc = open_env(dir, true, false, gid != NO_GROUP, walk, out, cause);
	if (rc == PC_OK)
		rc = check_group(*out, gid, false, cause);
	if (rc != PC_OK)
		store_close(out);
	return rc;
}

int store_open_readonly(const char *dir, struct store **out, char **cause)
{
	return open_readonly(dir, NULL, out, cause);
}

int store_check_dir(const char *dir, size_t *problems, char **report,
		    char **cause)
{
	struct store_report r = { 0 };
	struct store *s = NULL;
	int rc = open_readonly(dir, &r, &s, cause);

	if (rc == PC_OK)
		rc = store_check_records(s, &r, cause);
	store_close(&s);
	if (rc == PC_OK || (rc == PC_ECORRUPT && r.problems > 0)) {
		*problems = r.problems;
		*report = r.text;
		return rc == PC_OK && r.nomem ? PC_ENOMEM : rc;
	}
	free(r.text);
	return rc;
}

void store_close(struct store **s)
{
	if (s == NULL || *s == NULL)
		return;
	if ((*s)->env != NULL)
		mdb_env_close((*s)->env);
	if ((*s)->lock_fd >= 0)
		close((*s)->lock_fd);
	free((*s)->path);
	free((*s)->group);
	free(*s);
	*s = NULL;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

void store_set_notice(struct store *s, store_notice_fn fn, void *arg)
{
	s->notice = fn;
	s->notice_arg = arg;
}

void store_notice(struct store *s, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	if (s->notice == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	s->notice(message, s->notice_arg);
}

int store_verify(struct store *s, char **cause)
{
	struct store_report r = { 0 };
	int rc = store_walk(s, &r, cause);

	free(r.text);
	if (rc == PC_OK && r.problems > 0) {
		size_t n = strlen(s->path) + sizeof "/data.mdb";
		char *data = malloc(n);

		if (data != NULL)
			snprintf(data, n, "%s/data.mdb", s->path);
		rc = error_set(cause, PC_ECORRUPT,
			       _("%s: the database file is damaged "
				 "(parcours check tells where); %s"),
			       data != NULL ? data : s->path, advice_db());
		free(data);
	}
	return rc;
}

int store_copy_to_fd(struct store *s, int fd, char **cause)
{
	int rc = mdb_env_copyfd2(s->env, fd, MDB_CP_COMPACT);

	if (rc != 0)
		return error_set(cause, store_map_error(rc), "%s: %s", s->path,
				 mdb_strerror(rc));
	return PC_OK;
}

/* At most this many problems of a damaged backup are told. */
#define BACKUP_PROBLEMS_TOLD 5

/* The cause for a backup with problems: how many, the first few. */
static int damaged_backup(const char *file, const struct store_report *r,
			  char **cause)
{
	char *lines = r->text != NULL ? strdup(r->text) : NULL;
	size_t told = 0, cut = 0;

	/* Keep the first lines, each indented under the first line. */
	for (size_t i = 0; lines != NULL && lines[i] != '\0'; i++) {
		if (lines[i] == '\n' && ++told == BACKUP_PROBLEMS_TOLD) {
			cut = i;
			break;
		}
	}
	if (cut > 0)
		lines[cut] = '\0';
	else if (lines != NULL && lines[0] != '\0')
		lines[strlen(lines) - 1] = '\0';
	error_set(cause, PC_ECORRUPT,
		  P_("%s: a damaged backup (%zu problem); nothing was "
		     "changed:\n  %s",
		     "%s: a damaged backup (%zu problems); nothing was "
		     "changed; the first:\n  %s",
		     r->problems),
		  file, r->problems, lines != NULL ? lines : "");
	free(lines);
	return PC_ECORRUPT;
}

int store_check_file(const char *file, char **cause)
{
	struct store *s = calloc(1, sizeof *s);
	struct store_report r = { 0 };
	int rc;

	if (s == NULL || (s->path = strdup(file)) == NULL) {
		free(s);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	s->readonly = true;
	s->lock_fd = -1;
	rc = store_verify_size(file, _("nothing was changed"), NULL, cause);
	if (rc != PC_OK) {
		store_close(&s);
		return rc;
	}
	rc = mdb_env_create(&s->env);
	if (rc == 0)
		rc = mdb_env_set_maxdbs(s->env, DB_COUNT + 2);
	if (rc == 0)
		rc = mdb_env_open(s->env, file,
				  MDB_NOSUBDIR | MDB_RDONLY | MDB_NOLOCK, 0600);
	if (rc != 0) {
		store_close(&s);
		return error_set(cause, PC_ECORRUPT,
				 _("%s: not a parcours backup (%s)"), file,
				 mdb_strerror(rc));
	}
	/* LMDB reads no page of it before they are walked. */
	rc = store_walk(s, &r, cause);
	if (rc == PC_OK && r.problems == 0) {
		rc = open_handles(s, false, cause);
		if (rc == PC_ENOTFOUND)
			rc = error_set(cause, PC_ECORRUPT,
				       _("%s: not a parcours backup (an LMDB "
					 "file without parcours's data)"),
				       file);
	}
	if (rc == PC_OK && r.problems == 0)
		rc = store_check_records(s, &r, cause);
	if (rc == PC_OK && r.problems > 0)
		rc = damaged_backup(file, &r, cause);
	free(r.text);
	store_close(&s);
	return rc;
}

/* Copy every entry of every sub-database of `s` into the empty env at
 * `dir`, in key order, in one transaction. */

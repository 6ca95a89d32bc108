/* store.c: records and indexes in LMDB, one transaction per change. */
#include "store.h"
#include "error.h"
#include "record.h"

#include <errno.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The sub-databases, in the order of db_names. */
enum {
	DB_META,
	DB_PARTICIPANTS, /* be64 id -> participant */
	DB_BY_REFERENT,	 /* referent NUL be64 id -> "" */
	DB_MOVES,	 /* be64 participant be32 seq -> stage move */
	DB_APPOINTMENTS, /* be64 id -> appointment */
	DB_APPT_BY_PART, /* be64 participant be64 appointment -> "" */
	DB_PLANNED,	 /* be32 date be64 appointment -> "" */
	DB_JOBS,	 /* be64 participant be32 seq -> job */
	DB_NOTES,	 /* be64 participant be32 seq -> note */
	DB_JOURNAL,	 /* be64 seq -> journal entry */
	DB_COUNT
};

static const char *const db_names[DB_COUNT] = {
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
};

#define MAP_SIZE_DEFAULT ((size_t)64 << 20)
/* Past this the map stops growing and MDB_MAP_FULL reaches the user. */
#define MAP_SIZE_LIMIT ((size_t)1 << 40)

static size_t initial_map_size = MAP_SIZE_DEFAULT;

struct store {
	MDB_env *env;
	MDB_dbi dbi[DB_COUNT];
	char *path;
	size_t map_size;
	bool readonly;
};

struct store_txn {
	struct store *s;
	MDB_txn *txn;
	int mdb_rc; /* the LMDB error behind the last failure */
};

/* Big-endian keys sort in numeric order under LMDB's memcmp. */
static void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Map an LMDB or errno code to ours. */
static int map_error(int rc)
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

/* Remember an LMDB failure in the transaction and return our code. */
static int fail(struct store_txn *t, int rc)
{
	if (rc != 0 && rc != MDB_NOTFOUND)
		t->mdb_rc = rc;
	return map_error(rc);
}

int store_txn_mdb_error(const struct store_txn *t)
{
	return t->mdb_rc;
}

static int db_put(struct store_txn *t, int db, const void *k, size_t klen,
		  const void *v, size_t vlen)
{
	MDB_val key = { klen, (void *)k }, val = { vlen, (void *)v };

	return fail(t, mdb_put(t->txn, t->s->dbi[db], &key, &val, 0));
}

static int db_get(struct store_txn *t, int db, const void *k, size_t klen,
		  MDB_val *val)
{
	MDB_val key = { klen, (void *)k };

	return fail(t, mdb_get(t->txn, t->s->dbi[db], &key, val));
}

/* Delete a key; a missing key is not an error. */
static int db_del(struct store_txn *t, int db, const void *k, size_t klen)
{
	MDB_val key = { klen, (void *)k };
	int rc = mdb_del(t->txn, t->s->dbi[db], &key, NULL);

	return rc == MDB_NOTFOUND ? PC_OK : fail(t, rc);
}

/*
 * Call fn on every key of `db` starting with `prefix`, in key order. The
 * key and value are valid only during the call. fn returns PC_OK to go on.
 */
typedef int (*scan_fn)(const MDB_val *key, const MDB_val *val, void *arg);

static int db_scan(struct store_txn *t, int db, const void *prefix, size_t plen,
		   scan_fn fn, void *arg)
{
	MDB_cursor *c;
	MDB_val key = { plen, (void *)prefix }, val;
	int rc, op = plen ? MDB_SET_RANGE : MDB_FIRST;

	rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
	if (rc != 0)
		return fail(t, rc);
	while ((rc = mdb_cursor_get(c, &key, &val, op)) == 0) {
		op = MDB_NEXT;
		if (plen > 0 && (key.mv_size < plen ||
				 memcmp(key.mv_data, prefix, plen) != 0))
			break;
		rc = fn(&key, &val, arg);
		if (rc != PC_OK) {
			mdb_cursor_close(c);
			return rc;
		}
	}
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : fail(t, rc);
}

/* Delete every key of `db` that starts with `prefix`. */
static int db_del_prefix(struct store_txn *t, int db, const void *prefix,
			 size_t plen)
{
	MDB_cursor *c;
	MDB_val key, val;
	int rc;

	rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
	if (rc != 0)
		return fail(t, rc);
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
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : fail(t, rc);
}

/* Grow *arr to hold at least n elements of size sz. */
static int reserve(void **arr, size_t *cap, size_t n, size_t sz)
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

static const char META_SCHEMA[] = "schema_version";

static int next_seq(struct store_txn *t, const char *name, uint64_t *out)
{
	MDB_val v;
	uint8_t buf[8];
	uint64_t cur = 0;
	int rc = db_get(t, DB_META, name, strlen(name), &v);

	if (rc == PC_OK) {
		if (v.mv_size != 8)
			return PC_ECORRUPT;
		cur = get_be64(v.mv_data);
	} else if (rc != PC_ENOTFOUND) {
		return rc;
	}
	put_be64(buf, cur + 1);
	rc = db_put(t, DB_META, name, strlen(name), buf, sizeof buf);
	if (rc == PC_OK)
		*out = cur + 1;
	return rc;
}

/* Check the schema version; write ours into a new database. */
static int check_schema(struct store_txn *t, bool may_write, char **cause)
{
	MDB_val v;
	uint8_t buf[4];
	uint32_t version;
	int rc = db_get(t, DB_META, META_SCHEMA, strlen(META_SCHEMA), &v);

	if (rc == PC_ENOTFOUND) {
		if (!may_write)
			return error_set(cause, PC_ECORRUPT,
					 "%s: not a parcours database "
					 "(no schema version)",
					 t->s->path);
		put_be32(buf, STORE_SCHEMA_VERSION);
		return db_put(t, DB_META, META_SCHEMA, strlen(META_SCHEMA), buf,
			      sizeof buf);
	}
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", t->s->path,
				 mdb_strerror(t->mdb_rc));
	if (v.mv_size != 4)
		return error_set(cause, PC_ECORRUPT,
				 "%s: schema version unreadable", t->s->path);
	version = get_be32(v.mv_data);
	if (version > STORE_SCHEMA_VERSION)
		return error_set(cause, PC_ESCHEMA,
				 "%s: database schema %u is newer than this "
				 "parcours understands (%d); use a newer "
				 "parcours",
				 t->s->path, version, STORE_SCHEMA_VERSION);
	return PC_OK;
}

/* ---- environment ---- */

void store_set_initial_map_size(size_t bytes)
{
	initial_map_size = bytes ? bytes : MAP_SIZE_DEFAULT;
}

static int open_env(const char *dir, bool readonly, struct store **out,
		    char **cause)
{
	struct store *s;
	struct store_txn t = { 0 };
	MDB_envinfo info;
	unsigned flags = MDB_NOTLS | (readonly ? MDB_RDONLY : 0);
	int rc;

	s = calloc(1, sizeof *s);
	if (s == NULL || (s->path = strdup(dir)) == NULL) {
		free(s);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	s->readonly = readonly;
	rc = mdb_env_create(&s->env);
	if (rc == 0)
		rc = mdb_env_set_maxdbs(s->env, DB_COUNT + 2);
	if (rc == 0 && !readonly)
		rc = mdb_env_set_mapsize(s->env, initial_map_size);
	if (rc == 0)
		rc = mdb_env_open(s->env, dir, flags, 0600);
	if (rc != 0) {
		int code = map_error(rc);

		error_set(cause, code == PC_ECORRUPT ? code : PC_EDB,
			  "%s: cannot open database: %s", dir,
			  mdb_strerror(rc));
		store_close(&s);
		return code == PC_ECORRUPT ? code : PC_EDB;
	}
	mdb_env_info(s->env, &info);
	s->map_size = info.me_mapsize;

	t.s = s;
	rc = mdb_txn_begin(s->env, NULL, readonly ? MDB_RDONLY : 0, &t.txn);
	if (rc != 0) {
		error_set(cause, PC_EDB, "%s: %s", dir, mdb_strerror(rc));
		store_close(&s);
		return PC_EDB;
	}
	for (int i = 0; i < DB_COUNT && rc == 0; i++)
		rc = mdb_dbi_open(t.txn, db_names[i], readonly ? 0 : MDB_CREATE,
				  &s->dbi[i]);
	if (rc != 0) {
		int code = rc == MDB_NOTFOUND ? PC_ECORRUPT : map_error(rc);

		mdb_txn_abort(t.txn);
		error_set(cause, code, "%s: not a parcours database (%s)", dir,
			  mdb_strerror(rc));
		store_close(&s);
		return code;
	}
	rc = check_schema(&t, !readonly, cause);
	/* Commit even a read-only transaction: an aborted one would close
	 * the database handles it opened. */
	if (rc == PC_OK) {
		int mrc = mdb_txn_commit(t.txn);

		rc = map_error(mrc);
		if (rc != PC_OK)
			error_set(cause, rc, "%s: %s", dir, mdb_strerror(mrc));
	} else {
		mdb_txn_abort(t.txn);
	}
	if (rc != PC_OK) {
		store_close(&s);
		return rc;
	}
	*out = s;
	return PC_OK;
}

int store_open(const char *dir, struct store **out, char **cause)
{
	struct stat st;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return error_set(cause, PC_EIO, "%s: cannot create: %s", dir,
				 strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return error_set(cause, PC_EIO, "%s: not a directory", dir);
	return open_env(dir, false, out, cause);
}

int store_open_readonly(const char *dir, struct store **out, char **cause)
{
	struct stat st;
	size_t n = strlen(dir) + sizeof "/data.mdb";
	char *data = malloc(n);
	int exists;

	if (data == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	snprintf(data, n, "%s/data.mdb", dir);
	exists = stat(data, &st) == 0;
	free(data);
	if (!exists)
		return error_set(cause, PC_ENOTFOUND, "%s: no database", dir);
	return open_env(dir, true, out, cause);
}

void store_close(struct store **s)
{
	if (s == NULL || *s == NULL)
		return;
	if ((*s)->env != NULL)
		mdb_env_close((*s)->env);
	free((*s)->path);
	free(*s);
	*s = NULL;
}

const char *store_path(const struct store *s)
{
	return s->path;
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
		return error_set(cause, map_error(rc), "%s: %s", s->path,
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

int store_write(struct store *s, store_write_fn fn, void *arg, char **cause)
{
	struct store_txn t = { .s = s };
	int rc;

	if (s->readonly)
		return error_set(cause, PC_EDB, "%s: opened read-only",
				 s->path);
	for (;;) {
		char *fn_cause = NULL;
		int mrc;

		t.mdb_rc = 0;
		mrc = begin(s, 0, &t.txn);
		if (mrc != 0)
			return error_set(cause, map_error(mrc), "%s: %s",
					 s->path, mdb_strerror(mrc));
		rc = fn(&t, arg, &fn_cause);
		if (rc == PC_OK) {
			mrc = mdb_txn_commit(t.txn);
			if (mrc != 0)
				t.mdb_rc = mrc;
			rc = map_error(mrc);
		} else {
			mdb_txn_abort(t.txn);
		}
		if (rc != PC_OK && t.mdb_rc == MDB_MAP_FULL &&
		    s->map_size < MAP_SIZE_LIMIT) {
			MDB_envinfo info;

			free(fn_cause);
			mrc = mdb_env_set_mapsize(s->env, s->map_size * 2);
			if (mrc != 0)
				return error_set(cause, map_error(mrc),
						 "%s: cannot grow the map: %s",
						 s->path, mdb_strerror(mrc));
			mdb_env_info(s->env, &info);
			s->map_size = info.me_mapsize;
			continue;
		}
		if (rc != PC_OK) {
			if (fn_cause != NULL && cause != NULL && *cause == NULL)
				*cause = fn_cause;
			else
				free(fn_cause);
			if (t.mdb_rc != 0)
				error_set(cause, rc, "%s: %s", s->path,
					  mdb_strerror(t.mdb_rc));
		} else {
			free(fn_cause);
		}
		return rc;
	}
}

/* ---- participants ---- */

int store_is_empty(struct store_txn *t, bool *empty)
{
	MDB_stat st;
	int rc = mdb_stat(t->txn, t->s->dbi[DB_PARTICIPANTS], &st);

	if (rc != 0)
		return fail(t, rc);
	*empty = st.ms_entries == 0;
	return PC_OK;
}

/* The by_referent key: referent, NUL, be64 id; caller frees. */
static uint8_t *referent_key(const char *referent, uint64_t id, size_t *len)
{
	size_t n = strlen(referent ? referent : "");
	uint8_t *k = malloc(n + 9);

	if (k == NULL)
		return NULL;
	memcpy(k, referent ? referent : "", n);
	k[n] = 0;
	put_be64(k + n + 1, id);
	*len = n + 9;
	return k;
}

static int referent_index(struct store_txn *t, const char *referent,
			  uint64_t id, bool add)
{
	size_t len;
	uint8_t *k = referent_key(referent, id, &len);
	int rc;

	if (k == NULL)
		return PC_ENOMEM;
	rc = add ? db_put(t, DB_BY_REFERENT, k, len, "", 0)
		 : db_del(t, DB_BY_REFERENT, k, len);
	free(k);
	return rc;
}

static int put_participant(struct store_txn *t, const struct participant *p)
{
	uint8_t key[8], *buf;
	size_t len;
	int rc = record_encode_participant(p, &buf, &len);

	if (rc != PC_OK)
		return rc;
	put_be64(key, p->id);
	rc = db_put(t, DB_PARTICIPANTS, key, sizeof key, buf, len);
	free(buf);
	return rc;
}

int store_participant_add(struct store_txn *t, const struct participant *p,
			  uint64_t *id)
{
	struct participant copy = *p;
	int rc = next_seq(t, "seq/participant", &copy.id);

	if (rc == PC_OK)
		rc = put_participant(t, &copy);
	if (rc == PC_OK)
		rc = referent_index(t, copy.referent, copy.id, true);
	if (rc == PC_OK)
		*id = copy.id;
	return rc;
}

int store_participant_get(struct store_txn *t, uint64_t id,
			  struct participant *out)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	put_be64(key, id);
	rc = db_get(t, DB_PARTICIPANTS, key, sizeof key, &v);
	if (rc != PC_OK)
		return rc;
	return record_decode_participant(v.mv_data, v.mv_size, out);
}

int store_participant_update(struct store_txn *t, const struct participant *p)
{
	struct participant old;
	int rc = store_participant_get(t, p->id, &old);

	if (rc != PC_OK)
		return rc;
	if (strcmp(old.referent ? old.referent : "",
		   p->referent ? p->referent : "") != 0) {
		rc = referent_index(t, old.referent, p->id, false);
		if (rc == PC_OK)
			rc = referent_index(t, p->referent, p->id, true);
	}
	participant_clear(&old);
	return rc == PC_OK ? put_participant(t, p) : rc;
}

/* ---- appointments ---- */

static void planned_key(uint8_t key[12], pdate date, uint64_t id)
{
	/* Flip the sign bit so negative day numbers sort first. */
	put_be32(key, (uint32_t)date ^ 0x80000000u);
	put_be64(key + 4, id);
}

static int put_appointment(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[16], *buf;
	size_t len;
	int rc = record_encode_appointment(a, &buf, &len);

	if (rc != PC_OK)
		return rc;
	put_be64(key, a->id);
	rc = db_put(t, DB_APPOINTMENTS, key, 8, buf, len);
	free(buf);
	if (rc == PC_OK) {
		put_be64(key, a->participant);
		put_be64(key + 8, a->id);
		rc = db_put(t, DB_APPT_BY_PART, key, 16, "", 0);
	}
	if (rc == PC_OK && a->status == APPT_PLANNED) {
		planned_key(key, a->date, a->id);
		rc = db_put(t, DB_PLANNED, key, 12, "", 0);
	}
	return rc;
}

int store_appointment_add(struct store_txn *t, const struct appointment *a,
			  uint64_t *id)
{
	struct appointment copy = *a;
	int rc = next_seq(t, "seq/appointment", &copy.id);

	if (rc == PC_OK)
		rc = put_appointment(t, &copy);
	if (rc == PC_OK)
		*id = copy.id;
	return rc;
}

int store_appointment_get(struct store_txn *t, uint64_t id,
			  struct appointment *out)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	put_be64(key, id);
	rc = db_get(t, DB_APPOINTMENTS, key, sizeof key, &v);
	if (rc != PC_OK)
		return rc;
	return record_decode_appointment(v.mv_data, v.mv_size, out);
}

/* Remove an appointment's index entries (the record itself stays). */
static int unindex_appointment(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[16];
	int rc;

	put_be64(key, a->participant);
	put_be64(key + 8, a->id);
	rc = db_del(t, DB_APPT_BY_PART, key, 16);
	if (rc == PC_OK && a->status == APPT_PLANNED) {
		planned_key(key, a->date, a->id);
		rc = db_del(t, DB_PLANNED, key, 12);
	}
	return rc;
}

int store_appointment_update(struct store_txn *t, const struct appointment *a)
{
	struct appointment old;
	int rc = store_appointment_get(t, a->id, &old);

	if (rc != PC_OK)
		return rc;
	rc = unindex_appointment(t, &old);
	appointment_clear(&old);
	return rc == PC_OK ? put_appointment(t, a) : rc;
}

struct id_list {
	uint64_t *ids;
	size_t n, cap;
	size_t offset; /* where the id sits in the key */
};

static int collect_id(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct id_list *l = arg;

	(void)val;
	if (key->mv_size < l->offset + 8)
		return PC_ECORRUPT;
	if (reserve((void **)&l->ids, &l->cap, l->n + 1, sizeof *l->ids))
		return PC_ENOMEM;
	l->ids[l->n++] = get_be64((const uint8_t *)key->mv_data + l->offset);
	return PC_OK;
}

int store_planned_between(struct store_txn *t, pdate from, pdate to,
			  uint64_t **ids, size_t *n)
{
	struct id_list l = { .offset = 4 };
	uint32_t last = (uint32_t)to ^ 0x80000000u;
	uint8_t start[4];
	MDB_cursor *c;
	MDB_val key = { 4, start }, val;
	int mrc, rc = PC_OK;

	put_be32(start, (uint32_t)from ^ 0x80000000u);
	mrc = mdb_cursor_open(t->txn, t->s->dbi[DB_PLANNED], &c);
	if (mrc != 0)
		return fail(t, mrc);
	for (int op = MDB_SET_RANGE;
	     (mrc = mdb_cursor_get(c, &key, &val, op)) == 0; op = MDB_NEXT) {
		if (key.mv_size != 12) {
			rc = PC_ECORRUPT;
			break;
		}
		if (get_be32(key.mv_data) > last)
			break;
		rc = collect_id(&key, &val, &l);
		if (rc != PC_OK)
			break;
	}
	mdb_cursor_close(c);
	if (rc == PC_OK && mrc != 0 && mrc != MDB_NOTFOUND)
		rc = fail(t, mrc);
	if (rc != PC_OK) {
		free(l.ids);
		return rc;
	}
	*ids = l.ids;
	*n = l.n;
	return PC_OK;
}

/* ---- caseloads and referents ---- */

int store_caseload_ids(struct store_txn *t, const char *referent,
		       uint64_t **ids, size_t *n)
{
	struct id_list l = { 0 };
	int rc;

	if (referent == NULL) {
		l.offset = 0;
		rc = db_scan(t, DB_PARTICIPANTS, NULL, 0, collect_id, &l);
	} else {
		l.offset = strlen(referent) + 1;
		rc = db_scan(t, DB_BY_REFERENT, referent, l.offset, collect_id,
			     &l);
	}
	if (rc != PC_OK) {
		free(l.ids);
		return rc;
	}
	*ids = l.ids;
	*n = l.n;
	return PC_OK;
}

struct name_list {
	char **names;
	size_t n, cap;
};

static int collect_referent(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct name_list *l = arg;
	const char *k = key->mv_data;
	size_t len;

	(void)val;
	if (key->mv_size < 9 || k[key->mv_size - 9] != '\0')
		return PC_ECORRUPT;
	len = key->mv_size - 9;
	if (l->n > 0 && strlen(l->names[l->n - 1]) == len &&
	    memcmp(l->names[l->n - 1], k, len) == 0)
		return PC_OK;
	if (reserve((void **)&l->names, &l->cap, l->n + 1, sizeof *l->names))
		return PC_ENOMEM;
	l->names[l->n] = strndup(k, len);
	if (l->names[l->n] == NULL)
		return PC_ENOMEM;
	l->n++;
	return PC_OK;
}

int store_referents(struct store_txn *t, char ***names, size_t *n)
{
	struct name_list l = { 0 };
	int rc = db_scan(t, DB_BY_REFERENT, NULL, 0, collect_referent, &l);

	if (rc != PC_OK) {
		for (size_t i = 0; i < l.n; i++)
			free(l.names[i]);
		free(l.names);
		return rc;
	}
	*names = l.names;
	*n = l.n;
	return PC_OK;
}

/* ---- records keyed by participant and sequence ---- */

/* The next sequence number under a participant: one past the last key. */
static int next_child_seq(struct store_txn *t, int db, uint64_t participant,
			  uint32_t *seq)
{
	MDB_cursor *c;
	uint8_t prefix[8], after[12];
	MDB_val key = { 12, after }, val;
	int rc;

	put_be64(prefix, participant);
	put_be64(after, participant + 1);
	put_be32(after + 8, 0);
	rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
	if (rc != 0)
		return fail(t, rc);
	/* Position past this participant's keys, then step back one. */
	rc = mdb_cursor_get(c, &key, &val, MDB_SET_RANGE);
	rc = mdb_cursor_get(c, &key, &val, rc == 0 ? MDB_PREV : MDB_LAST);
	*seq = 1;
	if (rc == 0 && key.mv_size == 12 && memcmp(key.mv_data, prefix, 8) == 0)
		*seq = get_be32((const uint8_t *)key.mv_data + 8) + 1;
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : fail(t, rc);
}

static int put_child(struct store_txn *t, int db, uint64_t participant,
		     uint32_t seq, const uint8_t *buf, size_t len)
{
	uint8_t key[12];

	put_be64(key, participant);
	put_be32(key + 8, seq);
	return db_put(t, db, key, sizeof key, buf, len);
}

int store_move_add(struct store_txn *t, const struct stage_move *m,
		   uint32_t *seq)
{
	struct stage_move copy = *m;
	uint8_t *buf;
	size_t len;
	int rc = next_child_seq(t, DB_MOVES, m->participant, &copy.seq);

	if (rc != PC_OK)
		return rc;
	rc = record_encode_stage_move(&copy, &buf, &len);
	if (rc != PC_OK)
		return rc;
	rc = put_child(t, DB_MOVES, copy.participant, copy.seq, buf, len);
	free(buf);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_job_update(struct store_txn *t, const struct job *j)
{
	uint8_t *buf;
	size_t len;
	int rc = record_encode_job(j, &buf, &len);

	if (rc != PC_OK)
		return rc;
	rc = put_child(t, DB_JOBS, j->participant, j->seq, buf, len);
	free(buf);
	return rc;
}

int store_job_add(struct store_txn *t, const struct job *j, uint32_t *seq)
{
	struct job copy = *j;
	int rc = next_child_seq(t, DB_JOBS, j->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_job_update(t, &copy);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_note_add(struct store_txn *t, const struct note *n, uint32_t *seq)
{
	struct note copy = *n;
	uint8_t *buf;
	size_t len;
	int rc = next_child_seq(t, DB_NOTES, n->participant, &copy.seq);

	if (rc != PC_OK)
		return rc;
	rc = record_encode_note(&copy, &buf, &len);
	if (rc != PC_OK)
		return rc;
	rc = put_child(t, DB_NOTES, copy.participant, copy.seq, buf, len);
	free(buf);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

/* ---- journal ---- */

int store_journal_add(struct store_txn *t, const struct journal_entry *e)
{
	struct journal_entry copy = *e;
	uint8_t key[8], *buf;
	size_t len;
	int rc = next_seq(t, "seq/journal", &copy.seq);

	if (rc != PC_OK)
		return rc;
	rc = record_encode_journal(&copy, &buf, &len);
	if (rc != PC_OK)
		return rc;
	put_be64(key, copy.seq);
	rc = db_put(t, DB_JOURNAL, key, sizeof key, buf, len);
	free(buf);
	return rc;
}

struct journal_list {
	uint64_t participant;
	struct journal_entry *e;
	size_t n, cap;
};

static int collect_journal(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct journal_list *l = arg;
	struct journal_entry e;
	int rc;

	(void)key;
	rc = record_decode_journal(val->mv_data, val->mv_size, &e);
	if (rc != PC_OK)
		return rc;
	if (l->participant != 0 && e.participant != l->participant) {
		journal_entry_clear(&e);
		return PC_OK;
	}
	if (reserve((void **)&l->e, &l->cap, l->n + 1, sizeof *l->e)) {
		journal_entry_clear(&e);
		return PC_ENOMEM;
	}
	l->e[l->n++] = e;
	return PC_OK;
}

int store_journal_list(struct store_txn *t, uint64_t participant,
		       struct journal_entry **out, size_t *n)
{
	struct journal_list l = { .participant = participant };
	int rc = db_scan(t, DB_JOURNAL, NULL, 0, collect_journal, &l);

	if (rc != PC_OK) {
		for (size_t i = 0; i < l.n; i++)
			journal_entry_clear(&l.e[i]);
		free(l.e);
		return rc;
	}
	*out = l.e;
	*n = l.n;
	return PC_OK;
}

/* ---- whole files ---- */

struct file_loader {
	struct store_txn *t;
	struct participant_file *f;
	size_t cap_moves, cap_appts, cap_jobs, cap_notes;
};

static int load_move(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	(void)key;
	if (reserve((void **)&f->moves, &l->cap_moves, f->n_moves + 1,
		    sizeof *f->moves))
		return PC_ENOMEM;
	rc = record_decode_stage_move(val->mv_data, val->mv_size,
				      &f->moves[f->n_moves]);
	if (rc == PC_OK)
		f->n_moves++;
	return rc;
}

static int load_job(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	(void)key;
	if (reserve((void **)&f->jobs, &l->cap_jobs, f->n_jobs + 1,
		    sizeof *f->jobs))
		return PC_ENOMEM;
	rc = record_decode_job(val->mv_data, val->mv_size, &f->jobs[f->n_jobs]);
	if (rc == PC_OK)
		f->n_jobs++;
	return rc;
}

static int load_note(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	(void)key;
	if (reserve((void **)&f->notes, &l->cap_notes, f->n_notes + 1,
		    sizeof *f->notes))
		return PC_ENOMEM;
	rc = record_decode_note(val->mv_data, val->mv_size,
				&f->notes[f->n_notes]);
	if (rc == PC_OK)
		f->n_notes++;
	return rc;
}

static int load_appt(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	(void)val;
	if (key->mv_size != 16)
		return PC_ECORRUPT;
	if (reserve((void **)&f->appts, &l->cap_appts, f->n_appts + 1,
		    sizeof *f->appts))
		return PC_ENOMEM;
	rc = store_appointment_get(l->t,
				   get_be64((const uint8_t *)key->mv_data + 8),
				   &f->appts[f->n_appts]);
	if (rc == PC_ENOTFOUND)
		rc = PC_ECORRUPT; /* an index entry without its record */
	if (rc == PC_OK)
		f->n_appts++;
	return rc;
}

static int cmp_appt(const void *a, const void *b)
{
	const struct appointment *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->minute != y->minute)
		return x->minute < y->minute ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_job(const void *a, const void *b)
{
	const struct job *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int store_file_load(struct store_txn *t, uint64_t id,
		    struct participant_file *out)
{
	struct file_loader l = { .t = t, .f = out };
	uint8_t prefix[8];
	int rc;

	memset(out, 0, sizeof *out);
	participant_init(&out->p);
	rc = store_participant_get(t, id, &out->p);
	put_be64(prefix, id);
	if (rc == PC_OK)
		rc = db_scan(t, DB_MOVES, prefix, 8, load_move, &l);
	if (rc == PC_OK)
		rc = db_scan(t, DB_APPT_BY_PART, prefix, 8, load_appt, &l);
	if (rc == PC_OK)
		rc = db_scan(t, DB_JOBS, prefix, 8, load_job, &l);
	if (rc == PC_OK)
		rc = db_scan(t, DB_NOTES, prefix, 8, load_note, &l);
	if (rc != PC_OK) {
		participant_file_clear(out);
		return rc;
	}
	if (out->n_appts > 1)
		qsort(out->appts, out->n_appts, sizeof *out->appts, cmp_appt);
	if (out->n_jobs > 1)
		qsort(out->jobs, out->n_jobs, sizeof *out->jobs, cmp_job);
	return PC_OK;
}

int store_participant_delete(struct store_txn *t, uint64_t id)
{
	struct participant_file f;
	uint8_t key[8];
	int rc = store_file_load(t, id, &f);

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_appts && rc == PC_OK; i++) {
		rc = unindex_appointment(t, &f.appts[i]);
		if (rc == PC_OK) {
			put_be64(key, f.appts[i].id);
			rc = db_del(t, DB_APPOINTMENTS, key, 8);
		}
	}
	put_be64(key, id);
	if (rc == PC_OK)
		rc = db_del_prefix(t, DB_MOVES, key, 8);
	if (rc == PC_OK)
		rc = db_del_prefix(t, DB_JOBS, key, 8);
	if (rc == PC_OK)
		rc = db_del_prefix(t, DB_NOTES, key, 8);
	if (rc == PC_OK)
		rc = referent_index(t, f.p.referent, id, false);
	if (rc == PC_OK)
		rc = db_del(t, DB_PARTICIPANTS, key, 8);
	participant_file_clear(&f);
	return rc;
}

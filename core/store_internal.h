/* store_internal.h: what the store's files share; not a public header. */
#ifndef PARCOURS_STORE_INTERNAL_H
#define PARCOURS_STORE_INTERNAL_H

#include "store.h"

#include <lmdb.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

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
	/* Schema 2: the funder's questionnaires, each keyed like notes. A
	 * database of schema 1 lacks them until its first write open; a
	 * read-only open reads them as empty (see store_db_absent). */
	DB_FSE_ENTRY,  /* be64 participant be32 seq -> fse_entry */
	DB_FSE_EXIT,   /* be64 participant be32 seq -> fse_exit */
	DB_FSE_SURVEY, /* be64 participant be32 seq -> fse_survey */
	/* Schema 3: derived indexes (wake.c), written by the indexer in the
	 * transaction that changed the records they derive from. */
	DB_WAKE,	/* be32 date be64 participant -> "": may need
			   attention from that day on */
	DB_WAKE_OF,	/* be64 participant -> be32 wake, be32 from, u8
			   in the caseload */
	DB_IN_CASELOAD, /* be64 participant -> "": in the caseload whatever
			   the day (not exited, or followed after it) */
	DB_COUNT
};

/* The first sub-database a database of schema 1 does not have. */
#define DB_FIRST_SCHEMA_2 DB_FSE_ENTRY
/* The first sub-database a database of schema 2 does not have. */
#define DB_FIRST_SCHEMA_3 DB_WAKE

/* The meta key of the derived indexes' state (wake.c); deleted by a write
 * that changed participants without an indexer: the indexes are then out
 * of date until rebuilt. */
#define META_WAKE "wake_index"

struct store {
	MDB_env *env;
	MDB_dbi dbi[DB_COUNT];
	char *path;
	size_t map_size;
	bool readonly;
	/* Sub-databases missing from a schema-1 file opened read-only: a bit
	 * per DB_*; reads of them find nothing. */
	unsigned absent;
	int lock_fd; /* data.mdb, flocked while open (see lock_store), or -1 */
	bool exclusive; /* the lock is exclusive: no other process has it */
	bool shared;	/* a group's directory (setgid): files 0660 */
	char *group;	/* the group recorded in a shared database, or NULL */
	bool finished_erasure;	/* store_open finished an erasure's rewrite */
	store_notice_fn notice; /* who hears of damaged data skipped, or NULL */
	void *notice_arg;
	store_index_fn indexer; /* keeps the derived indexes, or NULL */
	void *indexer_arg;
};

struct store_txn {
	struct store *s;
	MDB_txn *txn;
	int mdb_rc; /* the LMDB error behind the last failure */
	/* A write's participants whose records changed (repeats allowed),
	 * for the indexer at its commit; dirty_lost: one could not be
	 * remembered (out of memory): every index is rebuilt instead. */
	uint64_t *dirty;
	size_t n_dirty, cap_dirty;
	bool dirty_lost;
};

/* Big-endian keys sort in numeric order under LMDB's memcmp. */
static inline void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static inline uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static inline void put_be32(uint8_t *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static inline uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* True when sub-database `db` is missing from a read-only old file. */
static inline bool store_db_absent(const struct store *s, int db)
{
	return (s->absent >> db & 1u) != 0;
}

/* Map an LMDB or errno code to ours. */
int store_map_error(int rc);

/* Remember an LMDB failure in the transaction and return our code. */
int store_fail(struct store_txn *t, int rc);

/* Double the map of `s` after MDB_MAP_FULL, with no transaction of this
 * process open: 0, or the LMDB error (MDB_MAP_FULL past the limit). */
int store_map_grow(struct store *s);

/*
 * Put, get and delete one key of sub-database `db` (a missing key is
 * PC_ENOTFOUND for get, no error for delete). Values from get point into
 * the map: copy them before the transaction ends.
 */
int store_put(struct store_txn *t, int db, const void *k, size_t klen,
	      const void *v, size_t vlen);
int store_get(struct store_txn *t, int db, const void *k, size_t klen,
	      MDB_val *val);
int store_del(struct store_txn *t, int db, const void *k, size_t klen);

/*
 * Call fn on every key of `db` starting with `prefix` (every key when plen
 * is 0), in key order. The key and value are valid only during the call.
 * fn returns PC_OK to go on; any other code stops the scan and is returned.
 */
typedef int (*store_scan_fn)(const MDB_val *key, const MDB_val *val, void *arg);
int store_scan(struct store_txn *t, int db, const void *prefix, size_t plen,
	       store_scan_fn fn, void *arg);

/* Delete every key of `db` that starts with `prefix`. */
int store_del_prefix(struct store_txn *t, int db, const void *prefix,
		     size_t plen);

/* Grow *arr to hold at least n elements of size sz; PC_ENOMEM leaves *arr
 * and *cap as they were. */
int store_reserve(void **arr, size_t *cap, size_t n, size_t sz);

/* Move the counter `name` to at least `value`. */
int store_bump_seq(struct store_txn *t, const char *name, uint64_t value);

/* Take the next value of the counter `name` (1, 2, ...). */
int store_next_seq(struct store_txn *t, const char *name, uint64_t *out);

/* A growing list of ids read from keys, `offset` bytes into each key. */
struct store_id_list {
	uint64_t *ids;
	size_t n, cap;
	size_t offset;
};

/* A store_scan_fn that appends the key's be64 id to a store_id_list. */
int store_collect_id(const MDB_val *key, const MDB_val *val, void *arg);

/* Append to *l the ids of the keys of `db` (be32 day with its sign bit
 * flipped, be64 id) whose day lies in from..to, in key order; *l is the
 * caller's to free, whatever the outcome. */
int store_ids_by_day(struct store_txn *t, int db, pdate from, pdate to,
		     struct store_id_list *l);

/* Have the indexer look at `participant` again at the commit: a change
 * the rules read that no participant-keyed write shows. */
void store_mark_participant(struct store_txn *t, uint64_t participant);

/* Remove an appointment's index entries (the record itself stays). */
int store_appointment_unindex(struct store_txn *t, const struct appointment *a);

/* Problems found by a check: a malloc'd text, one a line, and how many. */
struct store_report {
	char *text;
	size_t len;
	size_t problems;
	bool nomem; /* a line could not be kept: the text is incomplete */
};

/* Count a problem and add its line to r->text. */
void store_report_add(struct store_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Before LMDB maps the file at `path`: PC_ECORRUPT, *cause naming the file
 * and ending with `advice` (what to do), for an empty file, meta pages
 * LMDB cannot use, or a file shorter than the pages in use its newer meta
 * page counts. PC_OK for no file, or a file without LMDB's header (LMDB
 * refuses it with its own message); PC_EIO when it cannot be read. *size
 * (unless size is NULL): the file's size, 0 when there is none.
 */
int store_verify_size(const char *path, const char *advice, uint64_t *size,
		      char **cause);

/*
 * Walk, bounds-checked, every page of the snapshot `txnid` (0: the newer
 * meta page's) of the LMDB file open on `fd`: page headers, nodes within
 * their pages, keys in order, child and overflow pages within the file and
 * used once, lists of free pages, tree records' counts, and no page left
 * neither used nor free. Each problem goes to `r`; PC_OK whether or not
 * there are any. PC_EDB: no meta page has `txnid` any more (a writer went
 * on; begin again); PC_EIO, PC_ENOMEM: the walk could not be made.
 */
int store_verify_pages(int fd, uint64_t txnid, struct store_report *r);

/*
 * Walk the pages of the snapshot of a read transaction on `s` (LMDB reads
 * none of them meanwhile); problems go to `r`. Codes as store_verify_pages
 * but PC_EDB, retried.
 */
int store_walk(struct store *s, struct store_report *r, char **cause);

/* The invariants of the records and indexes (store_check's second part):
 * only for a store whose pages store_walk() found sound. */
int store_check_records(struct store *s, struct store_report *r, char **cause);

/*
 * Bring a database of schema `from` to STORE_SCHEMA_VERSION inside the
 * write transaction `t` that opened its sub-databases (the caller then
 * writes the new number): schema 2 makes the first entry answers from
 * the identity fields. One journal line says what was done.
 */
int store_upgrade(struct store_txn *t, uint32_t from);

/*
 * The files of a database a Unix group shares (store_shared.c). NO_GROUP:
 * no group recorded or found. group_name writes a group's name for a
 * message into buf (its number when it has none); login_name is the real
 * user's; in_group says whether they belong to gid; shared_mode whether a
 * directory's mode is a group's (setgid, open to the group);
 * dir_is_shared the same of a directory by its path; share_files sets the
 * database's files 0660 whatever the umask; check_paths checks the
 * directory and its files (owned by one group, *gid, nothing for others,
 * no symbolic link), each problem said with what to run.
 */
#define NO_GROUP ((long)-1)
struct stat;
const char *store_group_name(gid_t gid, char buf[64]);
const char *store_login_name(void);
bool store_in_group(gid_t gid);
bool store_shared_mode(const struct stat *st);
bool store_dir_is_shared(const char *dir);
int store_share_files(const char *dir);
int store_check_paths(const char *dir, long *gid, char **cause);

/* The names of the sub-databases, indexed by DB_*. */
extern const char *const store_db_names[DB_COUNT];

/* True when an erasure's rewrite did not finish (store_mark_rewrite). */
bool store_rewrite_pending(struct store *s);

/*
 * Remove the working directories an interrupted erasure left in `dir`
 * (`.rewrite-*`, `.erase-*`). Only with the database held alone.
 */
void store_remove_working_dirs(const char *dir);

#endif

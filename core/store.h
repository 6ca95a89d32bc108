/* store.h: the LMDB database of caseloads. */
#ifndef PARCOURS_STORE_H
#define PARCOURS_STORE_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * One LMDB environment in a directory (created 0700, files 0600) holding
 * named sub-databases: the records, and the indexes that find a referent's
 * caseload, a participant's appointments and planned appointments by date
 * without a full scan.
 *
 * Reads happen inside a read transaction, writes inside store_write(),
 * which runs a callback in one write transaction and commits it: the
 * change is whole or absent. Every value a function returns is a copy the
 * caller owns; nothing points into the LMDB map.
 *
 * Besides the codes each function names, any may fail with PC_EDB (LMDB
 * failed), PC_ECORRUPT (a record or key that does not decode), PC_ESCHEMA
 * (a record of a newer format) or PC_ENOMEM, and a write with PC_EFULL.
 * Outputs are set on success only, unless said. Functions that take a
 * transaction have no *cause: store_txn_mdb_error() tells LMDB's error.
 */

/* The file in the database directory that open stores hold shared. */
#define STORE_LOCK_FILE "parcours.lock"

/* The record layout this build reads and writes. 2 added the funder's
 * questionnaires: a schema-1 database gains their sub-databases and the
 * number 2 at its first write open (older builds then refuse it, rather
 * than erase someone and leave their answers); read-only, it is read as
 * it is. */
#define STORE_SCHEMA_VERSION 3

struct store;
struct store_txn;

/*
 * Open the database in `dir`, making the directory (0700) and an empty
 * database when missing; close *out with store_close(). PC_ESCHEMA: a newer
 * schema; PC_EIO: a path that is a symbolic link, another user's or open to
 * others; PC_EDB: a restore or an erasure holds the database; PC_ECORRUPT:
 * data.mdb is empty or shorter than its pages (it is left as it is).
 */
int store_open(const char *dir, struct store **out, char **cause);

/*
 * Open the database in `dir` as store_open does, shared by Unix group
 * `group`: a directory made (or an empty one taken) group-owned, setgid,
 * mode 2770, its files 0660 whatever the umask, the group recorded in the
 * database. An existing database is opened when it is shared with that
 * group already. PC_EINVAL: no such group, the user not in it, a database
 * there personal or another group's (nothing changed).
 */
int store_open_shared(const char *dir, const char *group, struct store **out,
		      char **cause);

/* The Unix group a shared database is recorded as shared with, or NULL
 * (a personal one). The store owns the string. */
const char *store_shared_group(const struct store *s);

/*
 * A file parcours just put into database directory `dir` (a restore's):
 * in a shared directory, made 0660 (the group's), whatever the umask;
 * nothing for a personal one. PC_EIO when chmod fails.
 */
int store_share_file(const char *dir, const char *path, char **cause);

/*
 * Open an existing database read-only; PC_ENOTFOUND when `dir` holds none,
 * other codes as store_open. The data are not changed (the lock files are
 * made when missing). Close *out with store_close().
 */
int store_open_readonly(const char *dir, struct store **out, char **cause);

/*
 * Open an existing database for this process alone, as erasure and restore
 * need: PC_EDB when another process has it open, PC_ENOTFOUND when `dir`
 * is no directory. Close *out with store_close() or store_rewrite_close().
 */
int store_open_exclusive(const char *dir, struct store **out, char **cause);

/*
 * Copy every live record into a fresh file put in place of the database
 * file, so that nothing erased survives in freed pages, then close the store
 * (*s becomes NULL) whatever happens. PC_EDB unless store_open_exclusive()
 * opened it, PC_EINVAL for a NULL s or *s; a failure leaves the data as is.
 */
int store_rewrite_close(struct store **s, char **cause);

/* Close the database and set *s to NULL; s or *s NULL is accepted. */
void store_close(struct store **s);

/* The directory this store was opened on (owned by the store, valid until
 * it is closed). */
const char *store_path(const struct store *s);

/*
 * Who hears of damaged data a reader skips (a participant left out of a
 * caseload, a record a salvage leaves out): `fn` gets each message, in the
 * interface language, with `arg`; the core itself never prints. With no
 * function (the default, or fn NULL) skipping is silent.
 */
typedef void (*store_notice_fn)(const char *message, void *arg);
void store_set_notice(struct store *s, store_notice_fn fn, void *arg);

/* Tell the notice function, if any, a printf-formatted message (cut at
 * 511 bytes). */
void store_notice(struct store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Walk the pages of the database file, as store_check_dir() does before
 * LMDB reads them, so that a reader about to read everything (a salvage)
 * never crashes on them: PC_ECORRUPT, *cause saying what to do, when they
 * are damaged.
 */
int store_verify(struct store *s, char **cause);

/* Start a read transaction in *out; end it with store_read_end(), which
 * sets *t to NULL and accepts t or *t NULL. */
int store_read_begin(struct store *s, struct store_txn **out, char **cause);
void store_read_end(struct store_txn **t);

/* Mark, in an erasure's transaction, that the file is to be rewritten:
 * store_rewrite_close() clears it; until then every store_open() tries to
 * finish the rewrite. Store codes on failure. */
int store_mark_rewrite(struct store_txn *t);

/* True when store_open() finished an erasure an interruption had left
 * without its rewrite (so the caller can say so); NULL is accepted. */
bool store_finished_erasure(const struct store *s);

/* True when DIR/data.mdb is no longer the file this store opened (removed
 * or replaced since): what it writes would be lost. */
bool store_replaced(const struct store *s);

/*
 * Run `fn` in one write transaction and commit it. If `fn` fails, nothing is
 * written and its code and *cause are passed on. A full map grows and `fn`
 * runs again from the start: it must not rely on what it changed outside the
 * transaction. PC_EDB on a read-only store; PC_EFULL: the disk took no more.
 */
typedef int (*store_write_fn)(struct store_txn *t, void *arg, char **cause);
int store_write(struct store *s, store_write_fn fn, void *arg, char **cause);

/*
 * The derived indexes' keeper: store_write() calls it in the transaction,
 * after `fn` and before the commit, with the participants whose records
 * the transaction changed (sorted, each once; n may be 0 when nothing
 * changed), or `all` when they could not be kept (out of memory): then
 * every participant is to be indexed again. An error aborts the write. Without one, a write that changed
 * participants marks the derived indexes out of date instead (wake.h).
 */
typedef int (*store_index_fn)(struct store_txn *t, const uint64_t *ids,
			      size_t n, bool all, void *arg);
void store_set_indexer(struct store *s, store_index_fn fn, void *arg);

/*
 * A number that changes whenever any process commits a write to this
 * database (LMDB's last transaction id; 0 if LMDB cannot tell): cheap to
 * read, so a viewer can tell whether what it shows is still current.
 */
uint64_t store_generation(struct store *s);

/*
 * Write a compact, consistent copy of the whole database to `fd` (LMDB's
 * compacting copy, in a read transaction: writers go on meanwhile). `fd`
 * stays open; after a failure it holds part of a copy.
 */
int store_copy_to_fd(struct store *s, int fd, char **cause);

/*
 * Check that `file` is a parcours database file (as `backup` writes it)
 * of a schema this build reads and whole, as store_check_dir() checks,
 * without changing it or creating anything beside it. PC_ECORRUPT or
 * PC_ESCHEMA with *cause otherwise, the first few problems in it.
 */
int store_check_file(const char *file, char **cause);

/*
 * Verify, read-only, every invariant: the file's pages (walked before LMDB
 * reads them: see store_check_dir), records decode, indexes and records
 * match, stages are the last moves', nothing lacks its participant, the
 * schema version. *problems: how many; *report: one line each (caller frees;
 * NULL if none), set on PC_ENOMEM too, then perhaps incomplete.
 */
int store_check(struct store *s, size_t *problems, char **report, char **cause);

/*
 * Open the database in `dir` read-only and check it as store_check() does,
 * but with its file's size and pages verified before LMDB reads any of
 * them, so that a damaged file is reported, never a crash. PC_ECORRUPT with
 * *cause saying what to do when the file is damaged: *problems and *report
 * (as store_check's) are set then too, or left untouched when the file did
 * not even open (cut short, empty: *cause says). Otherwise as store_check()
 * and store_open_readonly().
 */
int store_check_dir(const char *dir, size_t *problems, char **report,
		    char **cause);

/*
 * The database's identifier, as 32 lower-case hex digits, into `id`: drawn
 * at random by its first write open, kept by backup and restore (a load
 * makes a new database, with an identifier of its own). What exports
 * derive from it (calendar UIDs) stays the same from one export to the
 * next. PC_ENOTFOUND in a database only ever opened read-only.
 */
#define STORE_ID_SIZE 33
int store_id(struct store_txn *t, char id[STORE_ID_SIZE]);

/* The map size now in use, in bytes (grows on demand). */
size_t store_map_size(const struct store *s);

/*
 * Let go of the database pages this process has mapped (they stay in the
 * page cache): a long read of a whole territory calls it every few dozen
 * records (each page fault maps up to 16 pages), so its resident memory
 * stays bounded. Cheap: it looks only every 128 page faults, and does
 * nothing while under 16 MB of file pages are resident. Values read
 * before stay valid (read again from the file). Best effort: nothing to
 * report.
 */
void store_release_pages(struct store *s);

/* Set the map size used at the next open (tests use a tiny one). */
void store_set_initial_map_size(size_t bytes);

/* *empty is true when the database holds no participant. */
int store_is_empty(struct store_txn *t, bool *empty);

/*
 * Participants. add assigns the id (p->id is ignored) and returns it in
 * *id. get fills *out, freed with participant_clear() and left cleared on
 * failure. get and update return PC_ENOTFOUND for an unknown id.
 */
int store_participant_add(struct store_txn *t, const struct participant *p,
			  uint64_t *id);
int store_participant_update(struct store_txn *t, const struct participant *p);
int store_participant_get(struct store_txn *t, uint64_t id,
			  struct participant *out);
/* Remove a participant and every record attached to it; PC_ENOTFOUND. */
int store_participant_delete(struct store_txn *t, uint64_t id);

/*
 * The ids of a referent's participants (all referents when NULL), sorted,
 * in a malloc'd array the caller frees (NULL when *n is 0).
 */
int store_caseload_ids(struct store_txn *t, const char *referent,
		       uint64_t **ids, size_t *n);

/* The distinct referents, sorted; caller frees each string and the array
 * (NULL when *n is 0). */
int store_referents(struct store_txn *t, char ***names, size_t *n);

/* Dated stage moves; *seq receives the move's number unless seq is NULL. */
int store_move_add(struct store_txn *t, const struct stage_move *m,
		   uint32_t *seq);

/*
 * Appointments, indexed by participant and, while planned, by date. add
 * assigns the id (a->id is ignored) into *id. get fills *out, freed with
 * appointment_clear() and left cleared on failure. get and update return
 * PC_ENOTFOUND for an unknown id.
 */
int store_appointment_add(struct store_txn *t, const struct appointment *a,
			  uint64_t *id);
int store_appointment_update(struct store_txn *t, const struct appointment *a);
int store_appointment_get(struct store_txn *t, uint64_t id,
			  struct appointment *out);

/*
 * The ids of planned appointments dated from..to inclusive, by date, in a
 * malloc'd array the caller frees (NULL when *n is 0).
 */
int store_planned_between(struct store_txn *t, pdate from, pdate to,
			  uint64_t **ids, size_t *n);

/* Jobs and notes: add assigns seq (into *seq unless seq is NULL); update
 * writes the job at (participant, seq), whether there was one or not. */
int store_job_add(struct store_txn *t, const struct job *j, uint32_t *seq);
int store_job_update(struct store_txn *t, const struct job *j);
int store_note_add(struct store_txn *t, const struct note *n, uint32_t *seq);
/* Remove note `seq` of a participant; PC_ENOTFOUND when there is none. The
 * next note added may take the number of a last one removed. */
int store_note_delete(struct store_txn *t, uint64_t participant, uint32_t seq);

/*
 * The funder's questionnaires, kept like notes under their participant.
 * add assigns seq (into *seq unless NULL) and never replaces a record: a
 * changed situation is a new one. put writes the record at its own seq
 * (a correction, or a load). get copies one out: PC_ENOTFOUND when none.
 */
int store_fse_entry_add(struct store_txn *t, const struct fse_entry *e,
			uint32_t *seq);
int store_fse_entry_put(struct store_txn *t, const struct fse_entry *e);
int store_fse_entry_get(struct store_txn *t, uint64_t participant, uint32_t seq,
			struct fse_entry *out);
int store_fse_exit_add(struct store_txn *t, const struct fse_exit *e,
		       uint32_t *seq);
int store_fse_exit_put(struct store_txn *t, const struct fse_exit *e);
int store_fse_exit_get(struct store_txn *t, uint64_t participant, uint32_t seq,
		       struct fse_exit *out);
int store_fse_survey_add(struct store_txn *t, const struct fse_survey *v,
			 uint32_t *seq);
int store_fse_survey_put(struct store_txn *t, const struct fse_survey *v);
int store_fse_survey_get(struct store_txn *t, uint64_t participant,
			 uint32_t seq, struct fse_survey *out);

/* Remove the exit questionnaires and six-months surveys of a participant
 * (an exit undone); *removed (unless NULL) gets how many. */
int store_fse_after_exit_delete(struct store_txn *t, uint64_t participant,
				size_t *removed);

/* The date of the latest six-months survey of a participant into *last
 * (DATE_NONE with none): what the caseload reads of someone who left. */
int store_fse_survey_last(struct store_txn *t, uint64_t participant,
			  pdate *last);

/* Append to the journal; the sequence number is assigned (e->seq ignored). */
int store_journal_add(struct store_txn *t, const struct journal_entry *e);

/*
 * Remove every journal line about `participant` (not 0: PC_EINVAL), for
 * an erasure: what they say (an exit's reason, a note added) is about the
 * person. *removed gets the count. Store codes on failure (the
 * transaction is then to abort).
 */
int store_journal_forget(struct store_txn *t, uint64_t participant,
			 size_t *removed);

/*
 * The journal lines about one participant (0: all), oldest first, in a
 * malloc'd array: the caller clears each with journal_entry_clear() and
 * frees the array (NULL when *n is 0).
 */
int store_journal_list(struct store_txn *t, uint64_t participant,
		       struct journal_entry **out, size_t *n);

/*
 * Records with the ids and sequence numbers they already have, for a load
 * into an empty database: the id counters move past them. A participant or
 * appointment id of 0 or already used is PC_EINVAL; a move, note or journal
 * line replaces one with the same key.
 */
int store_participant_insert(struct store_txn *t, const struct participant *p);
int store_appointment_insert(struct store_txn *t, const struct appointment *a);
int store_move_put(struct store_txn *t, const struct stage_move *m);
int store_note_put(struct store_txn *t, const struct note *n);
int store_journal_insert(struct store_txn *t, const struct journal_entry *e);

/*
 * Load everything held on participant `id` into *out, freed with
 * participant_file_clear() and left cleared on failure; PC_ENOTFOUND for an
 * unknown id.
 */
int store_file_load(struct store_txn *t, uint64_t id,
		    struct participant_file *out);

/*
 * Add to *f, whose f->p is loaded and which holds no questionnaire yet, the
 * questionnaires of participant f->p.id (what a summary reads of those who
 * left). On failure *f holds what was read; participant_file_clear frees it.
 */
int store_file_load_fse(struct store_txn *t, struct participant_file *f);

/*
 * The same for a salvage: a stage move, appointment, job or note that does
 * not decode (or an appointment index entry without its record) is left
 * out and told to the store's notice function, *left_out counting it; the
 * participant's own record not decoding is still PC_ECORRUPT.
 */
int store_file_salvage(struct store_txn *t, uint64_t id,
		       struct participant_file *out, size_t *left_out);

/* Every journal line as store_journal_list(t, 0, ...) gives them, but those
 * that do not decode left out, told and counted in *left_out. */
int store_journal_salvage(struct store_txn *t, struct journal_entry **out,
			  size_t *n, size_t *left_out);

/* The LMDB error behind the last failure in this transaction (for
 * mdb_strerror), or 0. */
int store_txn_mdb_error(const struct store_txn *t);

#endif

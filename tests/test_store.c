/* test_store.c: the LMDB store through its public API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "error.h"
#include "helpers.h"
#include "store.h"

struct fixture {
	char *dir;
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char *cause = NULL, *parent = helper_tmpdir();

	/* A database inside the temporary directory, created by the store. */
	if (asprintf(&f->dir, "%s/db", parent) < 0)
		return -1;
	free(parent);
	if (store_open(f->dir, &f->s, &cause) != PC_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *parent = strdup(f->dir);

	store_close(&f->s);
	*strrchr(parent, '/') = '\0';
	helper_rmdir(f->dir);
	helper_rmdir(parent);
	free(f);
	return 0;
}

static void reopen(struct fixture *f)
{
	char *cause = NULL;

	store_close(&f->s);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
}

/* Arguments and results of write callbacks. */
struct op {
	struct participant p;
	struct appointment a;
	uint64_t id;
	int fail_with; /* make the callback fail after writing */
	size_t count;
};

static int add_participant_cb(struct store_txn *t, void *arg, char **cause)
{
	struct op *op = arg;
	int rc = store_participant_add(t, &op->p, &op->id);

	(void)cause;
	return rc != PC_OK ? rc : op->fail_with;
}

static uint64_t add_person(struct store *s, const char *last,
			   const char *referent)
{
	struct op op = { 0 };
	char *cause = NULL;

	participant_init(&op.p);
	op.p.last_name = (char *)last;
	op.p.first_name = (char *)"Élodie";
	op.p.referent = (char *)referent;
	op.p.stage = (char *)"freins";
	op.p.entry_date = D(2025, 1, 12);
	assert_int_equal(store_write(s, add_participant_cb, &op, &cause),
			 PC_OK);
	assert_null(cause);
	return op.id;
}

static void permissions(void **state)
{
	struct fixture *f = *state;
	struct stat st;
	char *path;

	assert_int_equal(stat(f->dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(asprintf(&path, "%s/data.mdb", f->dir) > 0, 1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
	assert_int_equal(asprintf(&path, "%s/lock.mdb", f->dir) > 0, 1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
}

static void participants_crud_and_reopen(void **state)
{
	struct fixture *f = *state;
	struct store_txn *t;
	struct participant p;
	uint64_t a, b, *ids;
	size_t n;
	char *cause = NULL;
	bool empty;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_is_empty(t, &empty), PC_OK);
	assert_true(empty);
	store_read_end(&t);

	uint64_t gen = store_generation(f->s);

	a = add_person(f->s, "Lefèvre", "Marie Dupont");
	assert_true(store_generation(f->s) > gen);
	gen = store_generation(f->s);
	b = add_person(f->s, "Brontë", "Karim Benali");
	assert_true(store_generation(f->s) > gen);
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	reopen(f);

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_participant_get(t, a, &p), PC_OK);
	assert_string_equal(p.last_name, "Lefèvre");
	assert_string_equal(p.first_name, "Élodie");
	assert_int_equal(p.entry_date, D(2025, 1, 12));
	participant_clear(&p);
	assert_int_equal(store_participant_get(t, 99, &p), PC_ENOTFOUND);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n),
			 PC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], a);
	free(ids);
	/* A prefix of a referent's name is another referent. */
	assert_int_equal(store_caseload_ids(t, "Marie", &ids, &n), PC_OK);
	assert_int_equal(n, 0);
	free(ids);
	assert_int_equal(store_caseload_ids(t, NULL, &ids, &n), PC_OK);
	assert_int_equal(n, 2);
	free(ids);
	assert_int_equal(store_is_empty(t, &empty), PC_OK);
	assert_false(empty);
	store_read_end(&t);
}

static int transfer_cb(struct store_txn *t, void *arg, char **cause)
{
	struct op *op = arg;
	struct participant p;
	int rc = store_participant_get(t, op->id, &p);

	(void)cause;
	if (rc != PC_OK)
		return rc;
	free(p.referent);
	p.referent = strdup("Karim Benali");
	rc = store_participant_update(t, &p);
	participant_clear(&p);
	return rc;
}

static void transfer_moves_the_index(void **state)
{
	struct fixture *f = *state;
	struct op op = { 0 };
	struct store_txn *t;
	uint64_t *ids;
	size_t n;
	char **names;
	char *cause = NULL;

	op.id = add_person(f->s, "Lefèvre", "Marie Dupont");
	add_person(f->s, "Brontë", "Karim Benali");
	assert_int_equal(store_write(f->s, transfer_cb, &op, &cause), PC_OK);
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n),
			 PC_OK);
	assert_int_equal(n, 0);
	free(ids);
	assert_int_equal(store_caseload_ids(t, "Karim Benali", &ids, &n),
			 PC_OK);
	assert_int_equal(n, 2);
	free(ids);
	assert_int_equal(store_referents(t, &names, &n), PC_OK);
	assert_int_equal(n, 1);
	assert_string_equal(names[0], "Karim Benali");
	free(names[0]);
	free(names);
	store_read_end(&t);
}

static void failed_write_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct op op = { 0 };
	struct store_txn *t;
	char *cause = NULL;
	bool empty;

	participant_init(&op.p);
	op.p.last_name = (char *)"Durand";
	op.fail_with = PC_EINVAL;
	assert_int_equal(store_write(f->s, add_participant_cb, &op, &cause),
			 PC_EINVAL);
	free(cause);
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_is_empty(t, &empty), PC_OK);
	assert_true(empty);
	store_read_end(&t);
	/* The id was not consumed either: the counter rolled back. */
	assert_int_equal(add_person(f->s, "Durand", "Marie Dupont"), 1);
}

struct history {
	uint64_t pid;
	uint64_t appt[4];
};

static int history_cb(struct store_txn *t, void *arg, char **cause)
{
	struct history *h = arg;
	struct appointment a;
	struct stage_move m = { h->pid, 0, D(2025, 1, 12), (char *)"freins",
				NULL };
	struct note n = { h->pid, 0, D(2026, 10, 14),
			  (char *)"Relancer la CAF" };
	struct job j;
	const pdate dates[4] = { D(2026, 12, 1), D(2026, 11, 3),
				 D(2026, 11, 30), D(2026, 11, 3) };
	const int minutes[4] = { 600, 840, 600, 540 };
	uint32_t seq;
	int rc;

	(void)cause;
	for (int i = 0; i < 4; i++) {
		appointment_init(&a);
		a.participant = h->pid;
		a.date = dates[i];
		a.minute = minutes[i];
		a.kind = (char *)"entretien";
		a.status = i == 1 ? APPT_DONE : APPT_PLANNED;
		rc = store_appointment_add(t, &a, &h->appt[i]);
		if (rc != PC_OK)
			return rc;
	}
	if ((rc = store_move_add(t, &m, &seq)) != PC_OK)
		return rc;
	assert_int_equal(seq, 1);
	m.stage = (char *)"orienter";
	m.date = D(2025, 6, 9);
	if ((rc = store_move_add(t, &m, &seq)) != PC_OK)
		return rc;
	assert_int_equal(seq, 2);
	if ((rc = store_note_add(t, &n, &seq)) != PC_OK)
		return rc;
	job_init(&j);
	j.participant = h->pid;
	j.start = D(2026, 6, 1);
	j.employer = (char *)"EHPAD Les Tilleuls";
	return store_job_add(t, &j, &seq);
}

static int mark_done_cb(struct store_txn *t, void *arg, char **cause)
{
	struct history *h = arg;
	struct appointment a;
	int rc = store_appointment_get(t, h->appt[0], &a);

	(void)cause;
	if (rc != PC_OK)
		return rc;
	a.status = APPT_DONE;
	rc = store_appointment_update(t, &a);
	appointment_clear(&a);
	return rc;
}

static void appointments_and_files(void **state)
{
	struct fixture *f = *state;
	struct history h = { 0 };
	struct participant_file pf;
	struct store_txn *t;
	uint64_t *ids;
	size_t n;
	char *cause = NULL;

	h.pid = add_person(f->s, "Nguyễn", "Marie Dupont");
	add_person(f->s, "Other", "Marie Dupont");
	assert_int_equal(store_write(f->s, history_cb, &h, &cause), PC_OK);

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_file_load(t, h.pid, &pf), PC_OK);
	assert_int_equal(pf.n_appts, 4);
	/* Sorted by date, then time. */
	assert_int_equal(pf.appts[0].date, D(2026, 11, 3));
	assert_int_equal(pf.appts[0].minute, 540);
	assert_int_equal(pf.appts[1].minute, 840);
	assert_int_equal(pf.appts[2].date, D(2026, 11, 30));
	assert_int_equal(pf.appts[3].date, D(2026, 12, 1));
	assert_int_equal(pf.n_moves, 2);
	assert_string_equal(pf.moves[1].stage, "orienter");
	assert_int_equal(pf.n_notes, 1);
	assert_int_equal(pf.n_jobs, 1);
	assert_string_equal(pf.jobs[0].employer, "EHPAD Les Tilleuls");
	participant_file_clear(&pf);

	/* Three planned, by date; the done one is not in the index. */
	assert_int_equal(store_planned_between(t, D(2026, 1, 1), D(2027, 1, 1),
					       &ids, &n),
			 PC_OK);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], h.appt[3]);
	assert_int_equal(ids[1], h.appt[2]);
	assert_int_equal(ids[2], h.appt[0]);
	free(ids);
	/* Both ends are inclusive. */
	assert_int_equal(store_planned_between(t, D(2026, 11, 30),
					       D(2026, 11, 30), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], h.appt[2]);
	free(ids);
	store_read_end(&t);

	/* Recording an outcome takes it out of the planned index. */
	assert_int_equal(store_write(f->s, mark_done_cb, &h, &cause), PC_OK);
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_planned_between(t, D(2026, 12, 1),
					       D(2026, 12, 31), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 0);
	free(ids);
	store_read_end(&t);
}

static int delete_cb(struct store_txn *t, void *arg, char **cause)
{
	(void)cause;
	return store_participant_delete(t, *(uint64_t *)arg);
}

static void delete_cascades(void **state)
{
	struct fixture *f = *state;
	struct history h = { 0 }, other = { 0 };
	struct participant_file pf;
	struct store_txn *t;
	uint64_t *ids;
	size_t n;
	char *cause = NULL;

	h.pid = add_person(f->s, "Nguyễn", "Marie Dupont");
	other.pid = add_person(f->s, "Ðặng", "Marie Dupont");
	assert_int_equal(store_write(f->s, history_cb, &h, &cause), PC_OK);
	assert_int_equal(store_write(f->s, history_cb, &other, &cause), PC_OK);
	assert_int_equal(store_write(f->s, delete_cb, &h.pid, &cause), PC_OK);

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_file_load(t, h.pid, &pf), PC_ENOTFOUND);
	assert_int_equal(
		store_appointment_get(t, h.appt[0], &(struct appointment){ 0 }),
		PC_ENOTFOUND);
	assert_int_equal(store_caseload_ids(t, NULL, &ids, &n), PC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], other.pid);
	free(ids);
	assert_int_equal(store_planned_between(t, D(2026, 1, 1), D(2027, 1, 1),
					       &ids, &n),
			 PC_OK);
	assert_int_equal(n, 3); /* the other participant's only */
	free(ids);
	/* The other file is whole. */
	assert_int_equal(store_file_load(t, other.pid, &pf), PC_OK);
	assert_int_equal(pf.n_appts, 4);
	assert_int_equal(pf.n_moves, 2);
	assert_int_equal(pf.n_notes, 1);
	assert_int_equal(pf.n_jobs, 1);
	participant_file_clear(&pf);
	store_read_end(&t);
}

static int many_cb(struct store_txn *t, void *arg, char **cause)
{
	struct op *op = arg;
	char name[64];
	int rc = PC_OK;

	(void)cause;
	op->count = 0;
	for (int i = 0; i < 3000 && rc == PC_OK; i++) {
		uint64_t id;
		struct journal_entry e = {
			0, 0, (char *)"test", 0,
			(char *)"a long enough line of journal "
				"text to fill pages quickly",
			NULL
		};

		snprintf(name, sizeof name, "Participant numéro %d", i);
		op->p.last_name = name;
		rc = store_participant_add(t, &op->p, &id);
		if (rc == PC_OK)
			rc = store_journal_add(t, &e);
		op->count++;
	}
	return rc;
}

/* A full map grows, and the retried transaction commits whole. */
static void map_grows(void **state)
{
	char *dir = helper_tmpdir();
	struct store *s = NULL;
	struct store_txn *t;
	struct journal_entry *j;
	struct op op = { 0 };
	uint64_t *ids;
	size_t n, before;
	char *cause = NULL;

	(void)state;
	store_set_initial_map_size(64 * 1024);
	assert_int_equal(store_open(dir, &s, &cause), PC_OK);
	store_set_initial_map_size(0);
	before = store_map_size(s);
	participant_init(&op.p);
	op.p.referent = (char *)"Marie Dupont";
	assert_int_equal(store_write(s, many_cb, &op, &cause), PC_OK);
	assert_null(cause);
	assert_true(store_map_size(s) > before);
	assert_int_equal(store_read_begin(s, &t, &cause), PC_OK);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n),
			 PC_OK);
	assert_int_equal(n, 3000);
	free(ids);
	assert_int_equal(store_journal_list(t, 0, &j, &n), PC_OK);
	assert_int_equal(n, 3000);
	assert_int_equal(j[2999].seq, 3000);
	for (size_t i = 0; i < n; i++)
		journal_entry_clear(&j[i]);
	free(j);
	store_read_end(&t);
	store_close(&s);
	/* It reopens at its grown size. */
	assert_int_equal(store_open(dir, &s, &cause), PC_OK);
	assert_true(store_map_size(s) > before);
	store_close(&s);
	helper_rmdir(dir);
}

static void newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { 14, (void *)"schema_version" }, v;
	uint8_t newer[4] = { 0, 0, 0, STORE_SCHEMA_VERSION + 1 };
	char *cause = NULL;

	store_close(&f->s);
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, f->dir, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	v.mv_size = 4;
	v.mv_data = newer;
	assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);

	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_ESCHEMA);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "newer"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_open_readonly(f->dir, &f->s, &cause),
			 PC_ESCHEMA);
	free(cause);
	assert_null(f->s);
}

static void readonly_open(void **state)
{
	char *dir = helper_tmpdir(), *cause = NULL, *file;
	struct store *s = NULL;
	MDB_env *env;

	(void)state;
	/* No database: nothing is created. */
	assert_int_equal(store_open_readonly(dir, &s, &cause), PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(asprintf(&file, "%s/data.mdb", dir) > 0, 1);
	assert_int_equal(access(file, F_OK), -1);
	/* An LMDB environment that is not ours. */
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0600), 0);
	mdb_env_close(env);
	assert_int_equal(store_open_readonly(dir, &s, &cause), PC_ECORRUPT);
	assert_non_null(strstr(cause, "not a parcours database"));
	free(cause);
	free(file);
	helper_rmdir(dir);
}

/* A read-only store reads what a writable one wrote (regression: its
 * database handles were closed with the transaction that opened them). */
static void readonly_reads(void **state)
{
	struct fixture *f = *state;
	struct store *ro = NULL;
	struct store_txn *t;
	struct participant_file pf;
	uint64_t id = add_person(f->s, "Brontë", "Marie Dupont"), *ids;
	size_t n;
	char *cause = NULL;

	store_close(&f->s);
	assert_int_equal(store_open_readonly(f->dir, &ro, &cause), PC_OK);
	assert_int_equal(store_read_begin(ro, &t, &cause), PC_OK);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n),
			 PC_OK);
	assert_int_equal(n, 1);
	free(ids);
	assert_int_equal(store_file_load(t, id, &pf), PC_OK);
	assert_string_equal(pf.p.last_name, "Brontë");
	participant_file_clear(&pf);
	store_read_end(&t);
	assert_int_equal(store_write(ro, delete_cb, &id, &cause), PC_EDB);
	free(cause);
	store_close(&ro);
}

/* Damage the database behind the store's back, each a different way. */
static void raw_edit(const char *dir, const char *db, const void *k,
		     size_t klen, const void *v, size_t vlen)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val key = { klen, (void *)k }, val = { vlen, (void *)v };

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, db, 0, &dbi), 0);
	if (v == NULL)
		assert_int_equal(mdb_del(txn, dbi, &key, NULL), 0);
	else
		assert_int_equal(mdb_put(txn, dbi, &key, &val, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static size_t problems_of(struct fixture *f, const char *expect)
{
	size_t n = 0;
	char *report = NULL, *cause = NULL;

	assert_int_equal(store_check(f->s, &n, &report, &cause), PC_OK);
	if (expect != NULL &&
	    (report == NULL || strstr(report, expect) == NULL))
		fail_msg("check report lacks '%s': %s", expect,
			 report ? report : "(none)");
	free(report);
	return n;
}

static void check_whole(void **state)
{
	struct fixture *f = *state;

	add_person(f->s, "Lefèvre", "Marie Dupont");
	assert_int_equal(problems_of(f, NULL), 0);
}

static void check_finds_damage(void **state)
{
	struct fixture *f = *state;
	struct history h = { 0 };
	uint8_t key[16] = { 0 };
	char *cause = NULL;

	h.pid = add_person(f->s, "Lefèvre", "Marie Dupont");
	assert_int_equal(store_write(f->s, history_cb, &h, &cause), PC_OK);
	/* history_cb moved the participant on without updating the record:
	 * that is caught too. */
	assert_int_equal(problems_of(f, "in stage 'freins' but the last stage "
					"move is to 'orienter'"),
			 1);
	store_close(&f->s);

	/* A planned appointment loses its agenda entry. */
	key[0] = 0x80; /* be32 of the date with its sign bit flipped */
	{
		pdate d = D(2026, 12, 1);
		uint32_t u = (uint32_t)d ^ 0x80000000u;

		key[0] = (uint8_t)(u >> 24);
		key[1] = (uint8_t)(u >> 16);
		key[2] = (uint8_t)(u >> 8);
		key[3] = (uint8_t)u;
		for (int i = 0; i < 8; i++)
			key[4 + i] = (uint8_t)(h.appt[0] >> (56 - 8 * i));
	}
	raw_edit(f->dir, "planned_by_date", key, 12, NULL, 0);
	/* A record turns to garbage. */
	memset(key, 0, 8);
	key[7] = 99;
	raw_edit(f->dir, "appointments", key, 8, "junk", 4);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	assert_int_equal(problems_of(f, "planned but missing from the agenda"),
			 3);
	assert_int_equal(problems_of(f, "appointment 99: the record does not "
					"decode"),
			 3);
}

static int journal_cb(struct store_txn *t, void *arg, char **cause)
{
	struct journal_entry e = { 0, 1767225600, (char *)"test",
				   *(uint64_t *)arg, (char *)"note added", NULL };
	int rc = PC_OK;

	(void)cause;
	for (int i = 0; i < 3 && rc == PC_OK; i++)
		rc = store_journal_add(t, &e);
	return rc;
}

/* What the store tells of data it skips, one message a line. */
static void collect_notice(const char *message, void *arg)
{
	char **all = arg;
	size_t n = *all ? strlen(*all) : 0;
	char *grown = realloc(*all, n + strlen(message) + 2);

	assert_non_null(grown);
	sprintf(grown + n, "%s\n", message);
	*all = grown;
}

static void put_be(uint8_t *p, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static void salvage_leaves_out_what_does_not_decode(void **state)
{
	struct fixture *f = *state;
	struct history h = { 0 };
	struct participant_file pf;
	struct journal_entry *j = NULL;
	struct store_txn *t = NULL;
	uint64_t other;
	uint8_t key[12];
	char *cause = NULL, *told = NULL, *text = NULL, expect[64];
	size_t left_out = 0, n = 0, len = 0;
	FILE *out;

	h.pid = add_person(f->s, "Lefèvre", "Marie Dupont");
	other = add_person(f->s, "Garnier", "Marie Dupont");
	assert_int_equal(store_write(f->s, history_cb, &h, &cause), PC_OK);
	assert_int_equal(store_write(f->s, journal_cb, &h.pid, &cause), PC_OK);
	store_close(&f->s);
	/* Note 1 and the third appointment of the first, the second's own
	 * record and journal line 2 turn to garbage. */
	put_be(key, h.pid, 8);
	put_be(key + 8, 1, 4);
	raw_edit(f->dir, "notes", key, 12, "junk", 4);
	put_be(key, h.appt[2], 8);
	raw_edit(f->dir, "appointments", key, 8, "junk", 4);
	put_be(key, other, 8);
	raw_edit(f->dir, "participants", key, 8, "junk", 4);
	put_be(key, 2, 8);
	raw_edit(f->dir, "journal", key, 8, "junk", 4);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	store_set_notice(f->s, collect_notice, &told);

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_file_load(t, h.pid, &pf), PC_ECORRUPT);
	assert_null(told); /* a plain load stops, and tells nothing */
	assert_int_equal(store_file_salvage(t, h.pid, &pf, &left_out), PC_OK);
	assert_int_equal(left_out, 2);
	assert_int_equal(pf.n_moves, 2);
	assert_int_equal(pf.n_appts, 3);
	assert_int_equal(pf.n_jobs, 1);
	assert_int_equal(pf.n_notes, 0);
	participant_file_clear(&pf);
	assert_non_null(strstr(told, "note 1: corrupt record, left out"));
	snprintf(expect, sizeof expect,
		 "appointment %llu: corrupt record, left out",
		 (unsigned long long)h.appt[2]);
	assert_non_null(strstr(told, expect));
	assert_int_equal(store_file_salvage(t, other, &pf, &left_out),
			 PC_ECORRUPT);
	assert_int_equal(store_journal_list(t, 0, &j, &n), PC_ECORRUPT);
	left_out = 0;
	assert_int_equal(store_journal_salvage(t, &j, &n, &left_out), PC_OK);
	assert_int_equal(n, 2);
	assert_int_equal(left_out, 1);
	assert_non_null(strstr(told, "journal line 2: corrupt record"));
	for (size_t i = 0; i < n; i++)
		journal_entry_clear(&j[i]);
	free(j);
	store_read_end(&t);

	/* dump stops at the first, says what to do; --salvage writes the
	 * rest and counts what it left out. */
	out = open_memstream(&text, &len);
	assert_int_equal(dump_write(f->s, out, false, NULL, &cause),
			 PC_ECORRUPT);
	assert_non_null(strstr(cause, "parcours dump --salvage"));
	free(cause);
	cause = NULL;
	fclose(out);
	free(text);
	free(told);
	told = NULL;
	out = open_memstream(&text, &len);
	assert_int_equal(dump_write(f->s, out, true, &left_out, &cause), PC_OK);
	fclose(out);
	assert_int_equal(left_out, 4);
	assert_non_null(strstr(text, "Lefèvre"));
	assert_null(strstr(text, "Garnier"));
	assert_non_null(strstr(told, "left out with everything attached"));
	free(text);
	free(told);
}

static void not_a_directory(void **state)
{
	char *dir = helper_tmpdir(), *cause = NULL;
	char *file = helper_write(dir, "plain", "text");
	struct store *s = NULL;

	(void)state;
	assert_int_equal(store_open(file, &s, &cause), PC_EIO);
	assert_non_null(strstr(cause, "not a directory"));
	free(cause);
	free(file);
	helper_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(participants_crud_and_reopen,
						setup, teardown),
		cmocka_unit_test_setup_teardown(transfer_moves_the_index, setup,
						teardown),
		cmocka_unit_test_setup_teardown(failed_write_leaves_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(appointments_and_files, setup,
						teardown),
		cmocka_unit_test_setup_teardown(delete_cascades, setup,
						teardown),
		cmocka_unit_test(map_grows),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup,
						teardown),
		cmocka_unit_test(readonly_open),
		cmocka_unit_test_setup_teardown(check_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(check_finds_damage, setup,
						teardown),
		cmocka_unit_test_setup_teardown(readonly_reads, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			salvage_leaves_out_what_does_not_decode, setup,
			teardown),
		cmocka_unit_test(not_a_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* store_check.c: verify every invariant of a database, read-only. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"
#include "record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct join;

struct checker {
	struct store_txn *t;
	struct store_report *r;
	/* The referent index gathered (see struct join), by participant id,
	 * or NULL (out of memory): then each is looked up in it. */
	const struct join *referents;
};

static bool join_has(const struct join *j, const char *ref, size_t len,
		     uint64_t id);

void store_report_add(struct store_report *r, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *grown;

	r->problems++;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || r->nomem)
		return;
	grown = realloc(r->text, r->len + (size_t)n + 2);
	if (grown == NULL) {
		r->nomem = true;
		return;
	}
	r->text = grown;
	va_start(ap, fmt);
	vsnprintf(r->text + r->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r->len += (size_t)n;
	r->text[r->len++] = '\n';
	r->text[r->len] = '\0';
}

#define problem(c, ...) store_report_add((c)->r, __VA_ARGS__)

/* Records checked between two releases of the mapped pages: a check reads
 * the whole file, which would otherwise stay resident. */
#define CHECK_RELEASE_EVERY 64

/* store_scan, the mapped pages let go every CHECK_RELEASE_EVERY records. */
struct released_scan {
	struct store *s;
	store_scan_fn fn;
	void *arg;
	size_t n;
};

static int released_one(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct released_scan *x = arg;

	if (++x->n % CHECK_RELEASE_EVERY == 0)
		store_release_pages(x->s);
	return x->fn(key, val, x->arg);
}

static int scan_released(struct store_txn *t, int db, store_scan_fn fn,
			 void *arg)
{
	struct released_scan x = { t->s, fn, arg, 0 };
	int rc = store_scan(t, db, NULL, 0, released_one, &x);

	store_release_pages(t->s);
	return rc;
}

static bool exists(struct checker *c, int db, const void *k, size_t klen)
{
	MDB_val v;

	return store_get(c->t, db, k, klen, &v) == PC_OK;
}

static bool participant_exists(struct checker *c, uint64_t id)
{
	uint8_t key[8];

	put_be64(key, id);
	return exists(c, DB_PARTICIPANTS, key, 8);
}

/* The last stage move of a participant, decoded into *m (or not found). */
static int last_move(struct checker *c, uint64_t pid, struct stage_move *m)
{
	MDB_cursor *cur;
	uint8_t after[12];
	MDB_val key = { 12, after }, val;
	int rc;

	put_be64(after, pid + 1);
	put_be32(after + 8, 0);
	if (mdb_cursor_open(c->t->txn, c->t->s->dbi[DB_MOVES], &cur) != 0)
		return PC_EDB;
	rc = mdb_cursor_get(cur, &key, &val, MDB_SET_RANGE);
	rc = mdb_cursor_get(cur, &key, &val, rc == 0 ? MDB_PREV : MDB_LAST);
	if (rc == 0 && key.mv_size == 12 && get_be64(key.mv_data) == pid)
		rc = record_decode_stage_move(val.mv_data, val.mv_size, m);
	else
		rc = PC_ENOTFOUND;
	mdb_cursor_close(cur);
	return rc;
}

static int check_participant(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	struct participant p;
	struct stage_move m;
	uint64_t id = key->mv_size == 8 ? get_be64(key->mv_data) : 0;
	int rc;

	if (record_decode_participant(val->mv_data, val->mv_size, &p) !=
	    PC_OK) {
		problem(c, _("participant %llu: the record does not decode"),
			(unsigned long long)id);
		return PC_OK;
	}
	if (p.id != id)
		problem(c, _("participant %llu: the record says id %llu"),
			(unsigned long long)id, (unsigned long long)p.id);
	{
		size_t n = strlen(p.referent ? p.referent : "");
		uint8_t *k = malloc(n + 9);

		if (k != NULL) {
			memcpy(k, p.referent ? p.referent : "", n);
			k[n] = 0;
			put_be64(k + n + 1, id);
			if (c->referents != NULL
				    ? !join_has(c->referents, (const char *)k,
						n, id)
				    : !exists(c, DB_BY_REFERENT, k, n + 9))
				problem(c,
					_("participant %llu: missing from its "
					  "referent's index"),
					(unsigned long long)id);
			free(k);
		}
	}
	rc = last_move(c, id, &m);
	if (rc == PC_OK) {
		if (strcmp(m.stage ? m.stage : "", p.stage ? p.stage : "") != 0)
			problem(c,
				_("participant %llu: in stage '%s' but the "
				  "last stage move is to '%s'"),
				(unsigned long long)id, p.stage ? p.stage : "",
				m.stage ? m.stage : "");
		stage_move_clear(&m);
	} else if (rc != PC_ENOTFOUND) {
		problem(c,
			_("participant %llu: its last stage move does not "
			  "decode"),
			(unsigned long long)id);
	}
	participant_clear(&p);
	return PC_OK;
}

/* What the check of an index entry finds: nothing wrong, a malformed
 * key, no record, a record that says otherwise. */
enum verdict { ENTRY_OK, ENTRY_MALFORMED, ENTRY_MISSING, ENTRY_ELSEWHERE };

/* A referent index entry, well formed: `ref`, `len` bytes, names
 * participant `id`. */
static enum verdict referent_verdict(struct checker *c, const char *ref,
				     size_t len, uint64_t id)
{
	struct participant p;
	enum verdict v = ENTRY_OK;
	uint8_t pk[8];
	MDB_val pv;

	put_be64(pk, id);
	if (store_get(c->t, DB_PARTICIPANTS, pk, 8, &pv) != PC_OK)
		return ENTRY_MISSING;
	if (record_decode_participant(pv.mv_data, pv.mv_size, &p) == PC_OK) {
		if (strlen(p.referent ? p.referent : "") != len ||
		    memcmp(p.referent ? p.referent : "", ref, len))
			v = ENTRY_ELSEWHERE;
		participant_clear(&p);
	}
	return v;
}

static bool referent_key_ok(const MDB_val *key)
{
	return key->mv_size >= 9 &&
	       ((const char *)key->mv_data)[key->mv_size - 9] == '\0';
}

static void referent_tell(struct checker *c, enum verdict v, uint64_t id)
{
	if (v == ENTRY_MALFORMED)
		problem(c, "%s", _("referent index: a malformed key"));
	else if (v == ENTRY_MISSING)
		problem(c, _("referent index: participant %llu does not exist"),
			(unsigned long long)id);
	else if (v == ENTRY_ELSEWHERE)
		problem(c,
			_("referent index: participant %llu is filed "
			  "under another referent"),
			(unsigned long long)id);
}

static int check_by_referent(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	uint64_t id;

	(void)val;
	if (!referent_key_ok(key)) {
		referent_tell(c, ENTRY_MALFORMED, 0);
		return PC_OK;
	}
	id = get_be64((const uint8_t *)key->mv_data + key->mv_size - 8);
	referent_tell(c,
		      referent_verdict(c, key->mv_data, key->mv_size - 9, id),
		      id);
	return PC_OK;
}

static int check_appointment(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	struct appointment a;
	uint64_t id = key->mv_size == 8 ? get_be64(key->mv_data) : 0;
	uint8_t k[16];

	if (record_decode_appointment(val->mv_data, val->mv_size, &a) !=
	    PC_OK) {
		problem(c, _("appointment %llu: the record does not decode"),
			(unsigned long long)id);
		return PC_OK;
	}
	if (!participant_exists(c, a.participant))
		problem(c,
			_("appointment %llu: participant %llu does not "
			  "exist"),
			(unsigned long long)id,
			(unsigned long long)a.participant);
	put_be64(k, a.participant);
	put_be64(k + 8, id);
	if (!exists(c, DB_APPT_BY_PART, k, 16))
		problem(c,
			_("appointment %llu: missing from its participant's "
			  "index"),
			(unsigned long long)id);
	if (a.status == APPT_PLANNED) {
		put_be32(k, (uint32_t)a.date ^ 0x80000000u);
		put_be64(k + 4, id);
		if (!exists(c, DB_PLANNED, k, 12))
			problem(c,
				_("appointment %llu: planned but missing "
				  "from the agenda index"),
				(unsigned long long)id);
	}
	appointment_clear(&a);
	return PC_OK;
}

static int check_appt_index(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	struct appointment a;
	uint8_t k[8];
	MDB_val v;

	(void)val;
	if (key->mv_size != 16) {
		problem(c, "%s", _("appointment index: a malformed key"));
		return PC_OK;
	}
	memcpy(k, (const uint8_t *)key->mv_data + 8, 8);
	if (store_get(c->t, DB_APPOINTMENTS, k, 8, &v) != PC_OK) {
		problem(c,
			_("appointment index: appointment %llu does not "
			  "exist"),
			(unsigned long long)get_be64(k));
		return PC_OK;
	}
	if (record_decode_appointment(v.mv_data, v.mv_size, &a) == PC_OK) {
		if (a.participant != get_be64(key->mv_data))
			problem(c,
				_("appointment index: appointment %llu "
				  "filed under another participant"),
				(unsigned long long)a.id);
		appointment_clear(&a);
	}
	return PC_OK;
}

/* An agenda index entry, well formed: appointment *id on `date` (its
 * key's bits); *id becomes the record's own id when it is not planned on
 * that date. */
static enum verdict planned_verdict(struct checker *c, uint32_t date,
				    uint64_t *id)
{
	struct appointment a;
	enum verdict v = ENTRY_OK;
	uint8_t k[8];
	MDB_val val;

	put_be64(k, *id);
	if (store_get(c->t, DB_APPOINTMENTS, k, 8, &val) != PC_OK ||
	    record_decode_appointment(val.mv_data, val.mv_size, &a) != PC_OK)
		return ENTRY_MISSING;
	if (a.status != APPT_PLANNED ||
	    ((uint32_t)a.date ^ 0x80000000u) != date) {
		*id = a.id;
		v = ENTRY_ELSEWHERE;
	}
	appointment_clear(&a);
	return v;
}

static void planned_tell(struct checker *c, enum verdict v, uint64_t id)
{
	if (v == ENTRY_MALFORMED)
		problem(c, "%s", _("agenda index: a malformed key"));
	else if (v == ENTRY_MISSING)
		problem(c, _("agenda index: appointment %llu does not exist"),
			(unsigned long long)id);
	else if (v == ENTRY_ELSEWHERE)
		problem(c,
			_("agenda index: appointment %llu is not planned "
			  "on that date"),
			(unsigned long long)id);
}

static int check_planned(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	enum verdict v;
	uint64_t id;

	(void)val;
	if (key->mv_size != 12) {
		planned_tell(c, ENTRY_MALFORMED, 0);
		return PC_OK;
	}
	id = get_be64((const uint8_t *)key->mv_data + 4);
	v = planned_verdict(c, get_be32(key->mv_data), &id);
	planned_tell(c, v, id);
	return PC_OK;
}

/*
 * An index whose entries name records in another order (referents by
 * name, the agenda by date) is checked in the records' order: its entries
 * are gathered (a referent's name copied once for all its entries), then
 * looked up by record id, so that the records are read in file order
 * rather than at random (each read at random would be a page fault once
 * the map is let go), and told in the index's order, as a scan tells
 * them. Out of memory, the scan does it.
 */
struct joined {
	uint64_t id;	 /* the record looked up, then the one told of */
	size_t pos;	 /* in the index */
	size_t ref;	 /* the referent index: its name's number */
	uint32_t date;	 /* the agenda: the key's date bits */
	enum verdict v;
};

struct join {
	bool agenda; /* DB_PLANNED, else DB_BY_REFERENT */
	struct joined *e;
	size_t n, cap;
	char **names; /* the referents' names, in key order */
	size_t *lens;
	size_t n_names, names_cap;
	bool nomem;
};

/* Room for one more in *arr (n of cap, sz bytes each); false when out
 * of memory. */
static bool room(void **arr, size_t *cap, size_t n, size_t sz)
{
	void *grown;

	if (n < *cap)
		return true;
	grown = realloc(*arr, (*cap ? 2 * *cap : 1024) * sz);
	if (grown == NULL)
		return false;
	*arr = grown;
	*cap = *cap ? 2 * *cap : 1024;
	return true;
}

/* A referent's name, as the keys before it had it or copied. */
static bool name_of(struct join *j, const MDB_val *key, size_t *ref)
{
	size_t len = key->mv_size - 9;
	size_t cap = j->names_cap;
	char *copy;

	if (j->n_names > 0 && j->lens[j->n_names - 1] == len &&
	    memcmp(j->names[j->n_names - 1], key->mv_data, len) == 0) {
		*ref = j->n_names - 1;
		return true;
	}
	if (!room((void **)&j->names, &cap, j->n_names, sizeof *j->names) ||
	    !room((void **)&j->lens, &j->names_cap, j->n_names,
		  sizeof *j->lens))
		return false;
	if ((copy = malloc(len + 1)) == NULL)
		return false;
	memcpy(copy, key->mv_data, len);
	copy[len] = '\0';
	j->names[j->n_names] = copy;
	j->lens[j->n_names] = len;
	*ref = j->n_names++;
	return true;
}

static int gather(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct join *j = arg;
	struct joined *e;

	(void)val;
	if (!room((void **)&j->e, &j->cap, j->n, sizeof *j->e)) {
		j->nomem = true;
		return PC_ENOMEM;
	}
	e = &j->e[j->n];
	*e = (struct joined){ .pos = j->n, .v = ENTRY_OK };
	if (j->agenda && key->mv_size == 12) {
		e->id = get_be64((const uint8_t *)key->mv_data + 4);
		e->date = get_be32(key->mv_data);
	} else if (!j->agenda && referent_key_ok(key)) {
		e->id = get_be64((const uint8_t *)key->mv_data + key->mv_size -
				 8);
		if (!name_of(j, key, &e->ref)) {
			j->nomem = true;
			return PC_ENOMEM;
		}
	} else {
		e->v = ENTRY_MALFORMED;
	}
	j->n++;
	return PC_OK;
}

static int by_id(const void *a, const void *b)
{
	const struct joined *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int by_pos(const void *a, const void *b)
{
	const struct joined *x = a, *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Free what *j holds and leave it empty (its kind and nomem kept). */
static void join_free(struct join *j)
{
	for (size_t i = 0; i < j->n_names; i++)
		free(j->names[i]);
	free(j->names);
	free(j->lens);
	free(j->e);
	j->names = NULL;
	j->lens = NULL;
	j->e = NULL;
	j->n = j->cap = j->n_names = j->names_cap = 0;
}

/* Gather index `agenda` (else the referents) into *j, sorted by record
 * id; j->nomem (nothing gathered) when memory ran out. */
static int join_gather(struct checker *c, struct join *j, bool agenda)
{
	int rc;

	*j = (struct join){ .agenda = agenda };
	rc = scan_released(c->t, agenda ? DB_PLANNED : DB_BY_REFERENT, gather,
			   j);
	if (rc != PC_OK) {
		join_free(j);
		return rc == PC_ENOMEM && j->nomem ? PC_OK : rc;
	}
	if (j->n > 1)
		qsort(j->e, j->n, sizeof *j->e, by_id);
	return PC_OK;
}

/* Whether the referent index gathered in `j` files participant `id` under
 * `ref` (`len` bytes), as a look-up of its key would tell. */
static bool join_has(const struct join *j, const char *ref, size_t len,
		     uint64_t id)
{
	size_t lo = 0, hi = j->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (j->e[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < j->n && j->e[lo].id == id; lo++)
		if (j->e[lo].v != ENTRY_MALFORMED &&
		    j->lens[j->e[lo].ref] == len &&
		    memcmp(j->names[j->e[lo].ref], ref, len) == 0)
			return true;
	return false;
}

/* Check the entries gathered in *j (the scan does it when they could not
 * be: j->nomem), tell them in the index's order, and free them. */
static int join_check(struct checker *c, struct join *j)
{
	bool agenda = j->agenda;

	if (j->nomem)
		return scan_released(c->t, agenda ? DB_PLANNED : DB_BY_REFERENT,
				     agenda ? check_planned : check_by_referent,
				     c);
	for (size_t i = 0; i < j->n; i++) {
		struct joined *e = &j->e[i];

		if (i % CHECK_RELEASE_EVERY == 0)
			store_release_pages(c->t->s);
		if (e->v == ENTRY_MALFORMED)
			continue;
		e->v = agenda ? planned_verdict(c, e->date, &e->id)
			      : referent_verdict(c, j->names[e->ref],
						 j->lens[e->ref], e->id);
	}
	if (j->n > 1)
		qsort(j->e, j->n, sizeof *j->e, by_pos);
	for (size_t i = 0; i < j->n; i++)
		(agenda ? planned_tell : referent_tell)(c, j->e[i].v,
							j->e[i].id);
	join_free(j);
	store_release_pages(c->t->s);
	return PC_OK;
}

/* Moves, jobs and notes: decodable, and their participant exists. */
struct child_check {
	struct checker *c;
	const char *what;
	int (*decode)(const void *, size_t, void *);
	void (*clear)(void *);
	size_t size;
};

static int dec_move(const void *b, size_t n, void *o)
{
	return record_decode_stage_move(b, n, o);
}
static int dec_job(const void *b, size_t n, void *o)
{
	return record_decode_job(b, n, o);
}
static int dec_note(const void *b, size_t n, void *o)
{
	return record_decode_note(b, n, o);
}
static int dec_fse_entry(const void *b, size_t n, void *o)
{
	return record_decode_fse_entry(b, n, o);
}
static int dec_fse_exit(const void *b, size_t n, void *o)
{
	return record_decode_fse_exit(b, n, o);
}
static int dec_fse_survey(const void *b, size_t n, void *o)
{
	return record_decode_fse_survey(b, n, o);
}
static void clr_plain(void *o)
{
	(void)o;
}
static void clr_move(void *o)
{
	stage_move_clear(o);
}
static void clr_job(void *o)
{
	job_clear(o);
}
static void clr_note(void *o)
{
	note_clear(o);
}

static int check_child(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct child_check *cc = arg;
	union {
		struct stage_move m;
		struct job j;
		struct note n;
		struct fse_entry fe;
		struct fse_exit fx;
		struct fse_survey fs;
	} rec;
	uint64_t pid = key->mv_size == 12 ? get_be64(key->mv_data) : 0;

	if (key->mv_size != 12 ||
	    cc->decode(val->mv_data, val->mv_size, &rec) != PC_OK) {
		problem(cc->c,
			_("%s of participant %llu: a record does not "
			  "decode"),
			cc->what, (unsigned long long)pid);
		return PC_OK;
	}
	cc->clear(&rec);
	if (!participant_exists(cc->c, pid))
		problem(cc->c, _("%s: participant %llu does not exist"),
			cc->what, (unsigned long long)pid);
	return PC_OK;
}

static int check_journal(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct checker *c = arg;
	struct journal_entry e;

	if (record_decode_journal(val->mv_data, val->mv_size, &e) != PC_OK) {
		problem(c, _("journal line %llu does not decode"),
			key->mv_size == 8
				? (unsigned long long)get_be64(key->mv_data)
				: 0ULL);
		return PC_OK;
	}
	journal_entry_clear(&e);
	return PC_OK;
}

int store_walk(struct store *s, struct store_report *r, char **cause)
{
	/* The read transaction keeps its snapshot's pages from writers; the
	 * walk reads that snapshot's meta page, unless two commits went by
	 * and replaced it meanwhile: then again. */
	for (int tries = 0; tries < 20; tries++) {
		struct store_txn *t = NULL;
		mdb_filehandle_t fd;
		int rc = store_read_begin(s, &t, cause);

		if (rc != PC_OK)
			return rc;
		rc = mdb_env_get_fd(s->env, &fd) == 0
			     ? store_verify_pages(fd, mdb_txn_id(t->txn), r)
			     : PC_EDB;
		store_read_end(&t);
		if (rc != PC_EDB)
			return rc == PC_OK ? PC_OK
					   : error_set(cause, rc, "%s: %s",
						       store_path(s),
						       error_string(rc));
	}
	return error_set(cause, PC_EDB,
			 _("%s: the database changed too often to be "
			   "checked; try again"),
			 store_path(s));
}

int store_check_records(struct store *s, struct store_report *r, char **cause)
{
	struct checker c = { .r = r };
	struct join referents = { 0 }, agenda = { 0 };
	struct child_check moves = { &c, "stage moves", dec_move, clr_move, 0 };
	struct child_check jobs = { &c, "jobs", dec_job, clr_job, 0 };
	struct child_check notes = { &c, "notes", dec_note, clr_note, 0 };
	struct child_check fse[] = {
		{ &c, "entry questionnaires", dec_fse_entry, clr_plain, 0 },
		{ &c, "exit questionnaires", dec_fse_exit, clr_plain, 0 },
		{ &c, "six-months questionnaires", dec_fse_survey, clr_plain,
		  0 },
	};
	MDB_val v;
	int rc = store_read_begin(s, &c.t, cause);

	if (rc != PC_OK)
		return rc;
	if (store_get(c.t, DB_META, "schema_version", 14, &v) != PC_OK ||
	    v.mv_size != 4)
		problem(&c, "%s", _("the schema version is missing"));
	else if (get_be32(v.mv_data) > STORE_SCHEMA_VERSION)
		problem(&c, "%s",
			_("the schema version is newer than this "
			  "parcours"));
	/* The referent index first gathered: each participant is looked for
	 * in it as it is checked, then it is checked itself. */
	if (rc == PC_OK)
		rc = join_gather(&c, &referents, false);
	if (rc == PC_OK && !referents.nomem)
		c.referents = &referents;
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_PARTICIPANTS, check_participant, &c);
	c.referents = NULL;
	if (rc == PC_OK)
		rc = join_check(&c, &referents);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_APPOINTMENTS, check_appointment, &c);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_APPT_BY_PART, check_appt_index, &c);
	if (rc == PC_OK)
		rc = join_gather(&c, &agenda, true);
	if (rc == PC_OK)
		rc = join_check(&c, &agenda);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_MOVES, check_child, &moves);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_JOBS, check_child, &jobs);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_NOTES, check_child, &notes);
	for (int i = 0; i < 3 && rc == PC_OK; i++)
		rc = scan_released(c.t, DB_FSE_ENTRY + i, check_child, &fse[i]);
	if (rc == PC_OK)
		rc = scan_released(c.t, DB_JOURNAL, check_journal, &c);
	join_free(&referents);
	join_free(&agenda);
	store_read_end(&c.t);
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", store_path(s),
				 error_string(rc));
	return PC_OK;
}

int store_check(struct store *s, size_t *problems, char **report, char **cause)
{
	struct store_report r = { 0 };
	int rc = store_walk(s, &r, cause);

	/* Damaged pages are not handed to LMDB. */
	if (rc == PC_OK && r.problems == 0)
		rc = store_check_records(s, &r, cause);
	if (rc != PC_OK) {
		free(r.text);
		return rc;
	}
	*problems = r.problems;
	*report = r.text;
	return r.nomem ? PC_ENOMEM : PC_OK;
}

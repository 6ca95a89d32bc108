/* wake.c: the attention index (wake.h), kept, read and checked. */
#include "wake.h"
#include "store_internal.h"
#include "error.h"
#include "fse.h"
#include "i18n.h"
#include "codec.h"
#include "record.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * How far ahead a participant's wake is looked for, in days. Someone the
 * rules leave quiet that long wakes on the last day anyway: they are
 * evaluated from then on, flag or not, until a change indexes them again.
 */
#define WAKE_HORIZON 366

/* Mixed into the configuration's hash: a change of what an entry means
 * (the rules' code, this file's layout) makes every index again. */
#define WAKE_FORMAT UINT64_C(3)

/* Participants read between two store_release_pages() in a long scan. */
#define WAKE_RELEASE_EVERY 512

/* DB_WAKE_OF's value: be32 wake (DATE_NONE: never), be32 from, u8 flags
 * (ENTRY_*), the digest. */
#define WAKE_OF_SIZE 9 /* then the digest (struct entry) */
/* META_WAKE's value: be64 configuration hash, be32 the last day made. */
#define META_SIZE 12

/* A day as a key that sorts in day order (negative ones first). */
static uint32_t day_key(pdate d)
{
	return (uint32_t)d ^ 0x80000000u;
}

static pdate key_day(uint32_t k)
{
	return (pdate)(k ^ 0x80000000u);
}

static uint64_t config_hash(const struct config *c)
{
	return c->source_hash * UINT64_C(0x100000001b3) ^ WAKE_FORMAT;
}

/* ---- what an entry says ---- */

/* In the caseload whatever the day: not exited, or followed after it. */
static bool always_in(const struct config *c, const struct participant *p)
{
	return p->status != STATUS_EXITED || rules_after_exit(c, p);
}

/*
 * The first day from `from` on which the rules raise a flag for `f`, up to
 * the horizon (then its last day), or DATE_NONE for never: someone who
 * left, followed no more, is flagged by the six-months survey alone.
 */
static pdate first_flag_day(const struct config *c,
			    const struct participant_file *f, pdate from)
{
	struct rules_summary s;

	if (!always_in(c, &f->p)) {
		pdate opens;

		if (!rules_survey_window(c, &f->p, DATE_DAY_MAX) ||
		    fse_survey_done(f))
			return DATE_NONE;
		opens = fse_survey_from(f->p.exit_date);
		return opens > from ? opens : from;
	}
	for (pdate d = from; d < from + WAKE_HORIZON; d++) {
		rules_evaluate(c, f, d, &s);
		if (s.n_flags > 0)
			return d;
	}
	return from + WAKE_HORIZON;
}

/*
 * One participant's entry: what the index holds of them. Besides the
 * wake, a digest of what the rules read in their file beyond their own
 * record, so that a reader evaluates them from two values: the
 * appointments' days and states in the file's order, the jobs as
 * recorded but for the employer's name, the entry answers, the days of
 * the six-months surveys. No text a person typed.
 */
struct entry {
	bool exists;  /* the participant is there */
	bool corrupt; /* their file does not decode: no digest */
	pdate wake;   /* DATE_NONE: never */
	pdate from;
	bool in;
	/* Computed: owned; held: points into the map. */
	const uint8_t *digest;
	size_t digest_len;
	struct codec_writer w;
};

/* The header of a DB_WAKE_OF value's flags byte. */
#define ENTRY_IN      1u
#define ENTRY_CORRUPT 2u

static void entry_clear(struct entry *e)
{
	codec_writer_free(&e->w);
	memset(e, 0, sizeof *e);
}

/* A record's bytes, length first. */
static void put_record(struct codec_writer *w, int rc, uint8_t *buf,
		       size_t len)
{
	if (rc != PC_OK) {
		w->failed = true;
		return;
	}
	codec_put_varint(w, len);
	codec_put_raw(w, buf, len);
	free(buf);
}

static int digest_encode(const struct participant_file *f,
			 struct codec_writer *w)
{
	uint8_t *buf;
	size_t len;
	int rc;

	codec_put_varint(w, f->n_appts);
	for (size_t i = 0; i < f->n_appts; i++)
		codec_put_varint(w, (uint64_t)day_key(f->appts[i].date) << 2 |
					    (unsigned)f->appts[i].status);
	codec_put_varint(w, f->n_jobs);
	for (size_t i = 0; i < f->n_jobs; i++) {
		struct job j = f->jobs[i];

		/* No rule reads who employs them: no name in the index. */
		j.employer = NULL;
		rc = record_encode_job(&j, &buf, &len);
		put_record(w, rc, buf, len);
	}
	codec_put_varint(w, f->n_fse_entries);
	for (size_t i = 0; i < f->n_fse_entries; i++) {
		rc = record_encode_fse_entry(&f->fse_entries[i], &buf, &len);
		put_record(w, rc, buf, len);
	}
	codec_put_varint(w, f->n_fse_surveys);
	for (size_t i = 0; i < f->n_fse_surveys; i++)
		codec_put_varint(w, day_key(f->fse_surveys[i].date));
	return w->failed ? PC_ENOMEM : PC_OK;
}

/* A count that the bytes left can hold (each item takes one at least). */
static bool get_count(struct codec_reader *r, size_t *n)
{
	uint64_t v;

	if (!codec_get_varint(r, &v) || v > (uint64_t)(r->end - r->p))
		return false;
	*n = (size_t)v;
	return true;
}

/* The next record's bytes: *p and *len. */
static bool get_record(struct codec_reader *r, const uint8_t **p,
		       size_t *len)
{
	uint64_t v;

	if (!codec_get_varint(r, &v) || v > (uint64_t)(r->end - r->p))
		return false;
	*p = r->p;
	*len = (size_t)v;
	r->p += v;
	return true;
}

/* Fill *f, whose record f->p is read, from a digest: what the rules
 * read. PC_ECORRUPT when it does not decode; *f then holds what did. */
static int digest_decode(const uint8_t *d, size_t n,
			 struct participant_file *f)
{
	struct codec_reader r;
	const uint8_t *rec;
	size_t len, count;
	uint64_t v;
	int rc = PC_OK;

	codec_reader_init(&r, d, n);
	if (!get_count(&r, &count))
		return PC_ECORRUPT;
	if (count > 0 && (f->appts = calloc(count, sizeof *f->appts)) == NULL)
		return PC_ENOMEM;
	for (; f->n_appts < count; f->n_appts++) {
		struct appointment *a = &f->appts[f->n_appts];

		if (!codec_get_varint(&r, &v) || (v & 3) > APPT_CANCELLED)
			return PC_ECORRUPT;
		appointment_init(a);
		a->participant = f->p.id;
		a->date = key_day((uint32_t)(v >> 2));
		a->status = (enum appointment_status)(v & 3);
	}
	if (!get_count(&r, &count))
		return PC_ECORRUPT;
	if (count > 0 && (f->jobs = calloc(count, sizeof *f->jobs)) == NULL)
		return PC_ENOMEM;
	for (; rc == PC_OK && f->n_jobs < count; f->n_jobs++) {
		if (!get_record(&r, &rec, &len))
			return PC_ECORRUPT;
		rc = record_decode_job(rec, len, &f->jobs[f->n_jobs]);
	}
	if (rc != PC_OK || !get_count(&r, &count))
		return rc != PC_OK ? rc : PC_ECORRUPT;
	if (count > 0 &&
	    (f->fse_entries = calloc(count, sizeof *f->fse_entries)) == NULL)
		return PC_ENOMEM;
	for (; rc == PC_OK && f->n_fse_entries < count; f->n_fse_entries++) {
		if (!get_record(&r, &rec, &len))
			return PC_ECORRUPT;
		rc = record_decode_fse_entry(rec, len,
					     &f->fse_entries[f->n_fse_entries]);
	}
	if (rc != PC_OK || !get_count(&r, &count))
		return rc != PC_OK ? rc : PC_ECORRUPT;
	if (count > 0 &&
	    (f->fse_surveys = calloc(count, sizeof *f->fse_surveys)) == NULL)
		return PC_ENOMEM;
	for (; f->n_fse_surveys < count; f->n_fse_surveys++) {
		struct fse_survey *v2 = &f->fse_surveys[f->n_fse_surveys];

		if (!codec_get_varint(&r, &v) || v > UINT32_MAX)
			return PC_ECORRUPT;
		v2->participant = f->p.id;
		v2->date = key_day((uint32_t)v);
	}
	return r.p == r.end ? PC_OK : PC_ECORRUPT;
}

/*
 * The entry of participant `id` as of `from` (entry_clear() it). A file
 * that does not decode wakes at once (the reader meets it and says so,
 * as a caseload does), counts in no caseload and has no digest.
 */
static int compute(struct store_txn *t, const struct config *c, uint64_t id,
		   pdate from, struct entry *e)
{
	struct participant_file f;
	struct participant p;
	int rc = store_participant_get(t, id, &p);

	memset(e, 0, sizeof *e);
	e->from = from;
	if (rc == PC_ENOTFOUND)
		return PC_OK;
	/* Someone who left, followed no more, and whom no survey will
	 * flag: their record says it all; the rest of their file, most of
	 * the database after a few years, is not read. */
	if (rc == PC_OK && !always_in(c, &p) &&
	    !rules_survey_window(c, &p, DATE_DAY_MAX)) {
		participant_clear(&p);
		e->exists = true;
		e->wake = DATE_NONE;
		return PC_OK;
	}
	if (rc == PC_OK) {
		participant_clear(&p);
		rc = store_file_load(t, id, &f);
	}
	if (rc == PC_ENOTFOUND)
		return PC_OK;
	e->exists = true;
	if (rc == PC_ECORRUPT) {
		e->corrupt = true;
		e->wake = from;
		return PC_OK;
	}
	if (rc != PC_OK)
		return rc;
	e->in = always_in(c, &f.p);
	e->wake = first_flag_day(c, &f, from);
	rc = digest_encode(&f, &e->w);
	e->digest = e->w.buf;
	e->digest_len = e->w.len;
	participant_file_clear(&f);
	if (rc != PC_OK)
		entry_clear(e);
	return rc;
}

/* The entry held for `id`: *e->exists false when none; its digest
 * points into the map. */
static int held(struct store_txn *t, uint64_t id, struct entry *e)
{
	uint8_t k[8];
	const uint8_t *v8;
	MDB_val v;
	int rc;

	memset(e, 0, sizeof *e);
	put_be64(k, id);
	rc = store_get(t, DB_WAKE_OF, k, sizeof k, &v);
	if (rc == PC_ENOTFOUND)
		return PC_OK;
	if (rc != PC_OK)
		return rc;
	if (v.mv_size < WAKE_OF_SIZE)
		return PC_ECORRUPT;
	v8 = v.mv_data;
	e->exists = true;
	e->wake = key_day(get_be32(v8));
	e->from = key_day(get_be32(v8 + 4));
	e->in = (v8[8] & ENTRY_IN) != 0;
	e->corrupt = (v8[8] & ENTRY_CORRUPT) != 0;
	e->digest = v8 + WAKE_OF_SIZE;
	e->digest_len = v.mv_size - WAKE_OF_SIZE;
	return PC_OK;
}

static void wake_key(uint8_t k[12], pdate wake, uint64_t id)
{
	put_be32(k, day_key(wake));
	put_be64(k + 4, id);
}

/* Remove what the index holds of `id`, as `old` says it holds it. */
static int forget(struct store_txn *t, uint64_t id, const struct entry *old)
{
	uint8_t k[12];
	int rc = PC_OK;

	if (!old->exists)
		return PC_OK;
	if (old->wake != DATE_NONE) {
		wake_key(k, old->wake, id);
		rc = store_del(t, DB_WAKE, k, sizeof k);
	}
	put_be64(k, id);
	if (rc == PC_OK && old->in)
		rc = store_del(t, DB_IN_CASELOAD, k, 8);
	if (rc == PC_OK)
		rc = store_del(t, DB_WAKE_OF, k, 8);
	return rc;
}

static int record(struct store_txn *t, uint64_t id, const struct entry *e)
{
	uint8_t k[12], *v;
	size_t n = WAKE_OF_SIZE + e->digest_len;
	int rc = PC_OK;

	if (!e->exists)
		return PC_OK;
	if (e->wake != DATE_NONE) {
		wake_key(k, e->wake, id);
		rc = store_put(t, DB_WAKE, k, sizeof k, "", 0);
	}
	put_be64(k, id);
	if (rc == PC_OK && e->in)
		rc = store_put(t, DB_IN_CASELOAD, k, 8, "", 0);
	if (rc != PC_OK)
		return rc;
	if ((v = malloc(n)) == NULL)
		return PC_ENOMEM;
	put_be32(v, day_key(e->wake));
	put_be32(v + 4, day_key(e->from));
	v[8] = (uint8_t)((e->in ? ENTRY_IN : 0) |
			 (e->corrupt ? ENTRY_CORRUPT : 0));
	if (e->digest_len > 0)
		memcpy(v + WAKE_OF_SIZE, e->digest, e->digest_len);
	rc = store_put(t, DB_WAKE_OF, k, 8, v, n);
	free(v);
	return rc;
}

/* ---- keeping it ---- */

struct meta {
	bool exists;
	uint64_t hash;
	pdate last; /* the last day entries were made for */
};

static int read_meta(struct store_txn *t, struct meta *m)
{
	MDB_val v;
	int rc = store_get(t, DB_META, META_WAKE, strlen(META_WAKE), &v);

	memset(m, 0, sizeof *m);
	if (rc == PC_ENOTFOUND)
		return PC_OK;
	if (rc != PC_OK)
		return rc;
	if (v.mv_size != META_SIZE)
		return PC_OK; /* unreadable: made again */
	m->exists = true;
	m->hash = get_be64(v.mv_data);
	m->last = key_day(get_be32((const uint8_t *)v.mv_data + 8));
	return PC_OK;
}

static int write_meta(struct store_txn *t, const struct meta *m)
{
	uint8_t v[META_SIZE];

	put_be64(v, m->hash);
	put_be32(v + 8, day_key(m->last));
	return store_put(t, DB_META, META_WAKE, strlen(META_WAKE), v, sizeof v);
}

/* Empty the index and make every participant's entry. */
static int rebuild(struct store_txn *t, const struct wake *w)
{
	static const int dbs[] = { DB_WAKE, DB_WAKE_OF, DB_IN_CASELOAD };
	struct store_id_list l = { 0 };
	int rc = PC_OK;

	for (size_t i = 0; i < sizeof dbs / sizeof *dbs && rc == PC_OK; i++)
		rc = store_fail(t, mdb_drop(t->txn, t->s->dbi[dbs[i]], 0));
	if (rc == PC_OK)
		rc = store_scan(t, DB_PARTICIPANTS, NULL, 0, store_collect_id,
				&l);
	for (size_t i = 0; rc == PC_OK && i < l.n; i++) {
		struct entry e;

		rc = compute(t, w->c, l.ids[i], w->today, &e);
		if (rc == PC_OK)
			rc = record(t, l.ids[i], &e);
		entry_clear(&e);
		if ((i + 1) % WAKE_RELEASE_EVERY == 0)
			store_release_pages(t->s);
	}
	free(l.ids);
	return rc;
}

/* store_index_fn: the entries of the participants a write changed, or
 * the whole index when it is out of date. */
static int keep(struct store_txn *t, const uint64_t *ids, size_t n, bool all,
		void *arg)
{
	const struct wake *w = arg;
	struct meta m;
	int rc = read_meta(t, &m);

	if (rc != PC_OK)
		return rc;
	if (n == 0 && !all && m.exists)
		return PC_OK; /* nothing the index derives from changed */
	if (all || !m.exists || m.hash != config_hash(w->c)) {
		rc = rebuild(t, w);
		m.last = w->today;
	} else {
		for (size_t i = 0; rc == PC_OK && i < n; i++) {
			struct entry old, now;

			rc = held(t, ids[i], &old);
			if (rc == PC_ECORRUPT) /* its keys unknown: all */
				return keep(t, NULL, 0, true, arg);
			if (rc == PC_OK)
				rc = forget(t, ids[i], &old);
			if (rc == PC_OK)
				rc = compute(t, w->c, ids[i], w->today, &now);
			if (rc == PC_OK)
				rc = record(t, ids[i], &now);
			entry_clear(&now);
		}
		if (w->today > m.last)
			m.last = w->today;
	}
	m.hash = config_hash(w->c);
	return rc == PC_OK ? write_meta(t, &m) : rc;
}

void wake_attach(struct store *s, struct wake *w)
{
	store_set_indexer(s, keep, w);
}

/* The state forgotten: the write's indexer finds the index out of
 * date and makes it whole again. */
static int forget_state(struct store_txn *t, void *arg, char **cause)
{
	(void)arg;
	(void)cause;
	return store_del(t, DB_META, META_WAKE, strlen(META_WAKE));
}

int wake_rebuild(struct store *s, struct wake *w, char **cause)
{
	wake_attach(s, w);
	return store_write(s, forget_state, NULL, cause);
}

/* ---- reading it ---- */

static int state_in(struct store_txn *t, const struct wake *w,
		    enum wake_state *state)
{
	struct meta m;
	int rc;

	if (store_db_absent(t->s, DB_WAKE)) {
		*state = WAKE_ABSENT;
		return PC_OK;
	}
	rc = read_meta(t, &m);
	if (rc != PC_OK)
		return rc;
	if (!m.exists || m.hash != config_hash(w->c))
		*state = WAKE_STALE;
	else if (w->today < m.last)
		*state = WAKE_EARLY;
	else
		*state = WAKE_READY;
	return PC_OK;
}

int wake_state(struct store *s, const struct wake *w, enum wake_state *state,
	       char **cause)
{
	struct store_txn *t = NULL;
	int rc = store_read_begin(s, &t, cause);

	if (rc != PC_OK)
		return rc;
	rc = state_in(t, w, state);
	store_read_end(&t);
	if (rc != PC_OK)
		error_set(cause, rc, "%s: %s", store_path(s), error_string(rc));
	return rc;
}

/* The participants whose wake is on or before `today`, in id order. */
static int woken(struct store_txn *t, pdate today, struct store_id_list *l)
{
	uint8_t start[4] = { 0 };
	uint32_t last = day_key(today);
	MDB_cursor *c;
	MDB_val key = { sizeof start, start }, val;
	int mrc, rc = PC_OK;

	l->offset = 4;
	mrc = mdb_cursor_open(t->txn, t->s->dbi[DB_WAKE], &c);
	if (mrc != 0)
		return store_fail(t, mrc);
	for (int op = MDB_SET_RANGE;
	     (mrc = mdb_cursor_get(c, &key, &val, op)) == 0; op = MDB_NEXT) {
		if (key.mv_size != 12) {
			rc = PC_ECORRUPT;
			break;
		}
		if (get_be32(key.mv_data) > last)
			break;
		rc = store_collect_id(&key, &val, l);
		if (rc != PC_OK)
			break;
	}
	mdb_cursor_close(c);
	if (rc == PC_OK && mrc != 0 && mrc != MDB_NOTFOUND)
		rc = store_fail(t, mrc);
	return rc;
}

static int cmp_id(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

static int cmp_entry(const void *x, const void *y)
{
	const struct caseload_entry *a = x, *b = y;
	int r = rules_compare_urgency(&a->summary, &b->summary);

	return r != 0 ? r : caseload_compare_name(a, b);
}

/* Free what the rules read and the attention list does not show. */
static void keep_participant(struct participant_file *f)
{
	struct participant p = f->p;

	memset(&f->p, 0, sizeof f->p);
	participant_init(&f->p);
	participant_file_clear(f);
	f->p = p;
}

/* Tell of participant `id` whose file does not decode, as a caseload
 * does, and count them. */
static void corrupt(struct store *s, uint64_t id, struct caseload *out)
{
	store_notice(s,
		     _("participant %llu: corrupt record, see `parcours "
		       "check`"),
		     (unsigned long long)id);
	out->n_corrupt++;
}

/*
 * Evaluate participant `id` from their record and their entry's digest
 * (two values read, nothing else), into the next entry of `out` when the
 * rules flag them in the caseload; *extra: in it though in no
 * DB_IN_CASELOAD. PC_ENOTFOUND: the index lacks them (read it all).
 */
static int take(struct store *s, struct store_txn *t, const struct wake *w,
		uint64_t id, struct caseload *out, size_t *extra)
{
	struct caseload_entry *e = &out->entries[out->n];
	struct participant_file f = { 0 };
	struct entry have;
	int rc = held(t, id, &have);

	if (rc == PC_OK && !have.exists)
		rc = PC_ENOTFOUND;
	if (rc == PC_OK)
		rc = store_participant_get(t, id, &f.p);
	if (rc == PC_ENOTFOUND)
		return PC_ENOTFOUND; /* an entry without its participant:
					read it all; `check` says it */
	if (rc == PC_ECORRUPT || (rc == PC_OK && have.corrupt)) {
		participant_file_clear(&f);
		corrupt(s, id, out);
		return PC_OK;
	}
	if (rc == PC_OK) {
		f.p.id = id;
		rc = digest_decode(have.digest, have.digest_len, &f);
	}
	if (rc == PC_ECORRUPT) {
		/* The digest does not decode (`check` says it): the file
		 * itself, read the long way. */
		participant_file_clear(&f);
		rc = store_file_load(t, id, &f);
		if (rc == PC_ECORRUPT) {
			corrupt(s, id, out);
			return PC_OK;
		}
	}
	if (rc != PC_OK) {
		participant_file_clear(&f);
		return rc;
	}
	rc = caseload_entry_set(e, w->c, &f, w->today);
	if (rc != PC_OK)
		return rc;
	if (e->summary.n_flags == 0) {
		caseload_entry_clear(e);
		return PC_OK;
	}
	/* Flagged after they left, followed no more: only the six-months
	 * survey does that, and it puts them in the caseload. */
	if (!always_in(w->c, &e->file.p))
		(*extra)++;
	keep_participant(&e->file);
	if (e->stage_index == CASELOAD_NO_STAGE)
		out->n_unknown_stage++;
	out->n++;
	return PC_OK;
}

int wake_attention(struct store *s, const struct wake *w, struct caseload *out,
		   size_t *in_caseload, char **cause)
{
	struct store_txn *t = NULL;
	struct store_id_list l = { 0 };
	enum wake_state state;
	size_t extra = 0;
	MDB_stat st;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_read_begin(s, &t, cause);
	if (rc != PC_OK)
		return rc;
	rc = state_in(t, w, &state);
	if (rc == PC_OK && state != WAKE_READY)
		rc = PC_ENOTFOUND;
	if (rc == PC_OK)
		rc = woken(t, w->today, &l);
	if (rc == PC_OK)
		rc = store_fail(t, mdb_stat(t->txn, s->dbi[DB_IN_CASELOAD],
					    &st));
	if (rc == PC_OK) {
		/* In id order: the records lie about in that order. */
		qsort(l.ids, l.n, sizeof *l.ids, cmp_id);
		out->entries = calloc(l.n ? l.n : 1, sizeof *out->entries);
		if (out->entries == NULL)
			rc = PC_ENOMEM;
	}
	for (size_t i = 0; rc == PC_OK && i < l.n; i++) {
		rc = take(s, t, w, l.ids[i], out, &extra);
		if ((i + 1) % WAKE_RELEASE_EVERY == 0)
			store_release_pages(s);
	}
	if (rc == PC_OK) {
		qsort(out->entries, out->n, sizeof *out->entries, cmp_entry);
		*in_caseload = (size_t)st.ms_entries + extra;
	}
	free(l.ids);
	store_read_end(&t);
	if (rc != PC_OK) {
		caseload_free(out);
		if (rc != PC_ENOTFOUND)
			error_set(cause, rc, "%s: %s", store_path(s),
				  error_string(rc));
	}
	return rc;
}

/* ---- checking it ---- */

struct check {
	struct store_txn *t;
	const struct wake *w;
	struct store_report *r;
	size_t seen; /* participants looked at */
};

static void say_entry(char *buf, size_t n, const struct entry *e)
{
	char d[DATE_BUFSZ];

	const char *when = e->wake == DATE_NONE ? _("never")
						: date_format_iso(e->wake, d);

	if (!e->exists)
		snprintf(buf, n, "%s", _("no entry"));
	else if (e->in)
		snprintf(buf, n, _("wakes %s, in the caseload"), when);
	else
		snprintf(buf, n, _("wakes %s, out of the caseload"), when);
}

/* One participant: the entry held against the one computed again. */
static int check_one(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct check *k = arg;
	uint64_t id;
	struct entry have, want;
	uint8_t wk[12];
	MDB_val v;
	int rc;

	(void)val;
	if (key->mv_size != 8)
		return PC_OK; /* store_check says it */
	id = get_be64(key->mv_data);
	rc = held(k->t, id, &have);
	if (rc == PC_ECORRUPT) {
		store_report_add(k->r,
				 _("attention index: participant %llu: entry "
				   "unreadable"),
				 (unsigned long long)id);
		return PC_OK;
	}
	if (rc == PC_OK)
		rc = compute(k->t, k->w->c, id,
			     have.exists ? have.from : k->w->today, &want);
	if (rc != PC_OK)
		return rc;
	if (have.exists && want.exists &&
	    (have.corrupt != want.corrupt ||
	     have.digest_len != want.digest_len ||
	     (want.digest_len > 0 &&
	      memcmp(have.digest, want.digest, want.digest_len) != 0)))
		store_report_add(k->r,
				 _("attention index: participant %llu: its "
				   "digest differs from the file"),
				 (unsigned long long)id);
	if (have.exists != want.exists || have.wake != want.wake ||
	    have.in != want.in) {
		char a[96], b[96];

		say_entry(a, sizeof a, &have);
		say_entry(b, sizeof b, &want);
		store_report_add(k->r,
				 _("attention index: participant %llu: %s, "
				   "should be %s"),
				 (unsigned long long)id, a, b);
	} else if (have.exists) {
		wake_key(wk, have.wake, id);
		if (have.wake != DATE_NONE &&
		    store_get(k->t, DB_WAKE, wk, sizeof wk, &v) != PC_OK)
			store_report_add(k->r,
					 _("attention index: participant "
					   "%llu: missing from the days"),
					 (unsigned long long)id);
		if (have.in &&
		    store_get(k->t, DB_IN_CASELOAD, key->mv_data, 8, &v) !=
			    PC_OK)
			store_report_add(k->r,
					 _("attention index: participant "
					   "%llu: missing from the caseload"),
					 (unsigned long long)id);
	}
	entry_clear(&want);
	if (++k->seen % WAKE_RELEASE_EVERY == 0)
		store_release_pages(k->t->s);
	return PC_OK;
}

/* A key of the days or the caseload whose participant's entry does not
 * say so. */
static int check_key(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct check *k = arg;
	bool days = key->mv_size == 12;
	struct entry have;
	uint64_t id;
	int rc;

	(void)val;
	if (key->mv_size != 12 && key->mv_size != 8) {
		store_report_add(k->r, "%s",
				 _("attention index: a key of the wrong size"));
		return PC_OK;
	}
	id = get_be64((const uint8_t *)key->mv_data + (days ? 4 : 0));
	rc = held(k->t, id, &have);
	if (rc == PC_ECORRUPT)
		return PC_OK; /* told by check_one */
	if (rc != PC_OK)
		return rc;
	if (!have.exists ||
	    (days ? have.wake != key_day(get_be32(key->mv_data)) : !have.in))
		store_report_add(k->r,
				 _("attention index: participant %llu: a "
				   "left-over key"),
				 (unsigned long long)id);
	return PC_OK;
}

/* An entry of DB_WAKE_OF without its participant. */
static int check_orphan(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct check *k = arg;
	MDB_val v;

	(void)val;
	if (key->mv_size != 8 ||
	    store_get(k->t, DB_PARTICIPANTS, key->mv_data, 8, &v) !=
		    PC_ENOTFOUND)
		return PC_OK;
	store_report_add(k->r,
			 _("attention index: participant %llu: an entry "
			   "without its participant"),
			 (unsigned long long)get_be64(key->mv_data));
	return PC_OK;
}

int wake_check(struct store *s, const struct wake *w, size_t *problems,
	       char **report, char **cause)
{
	struct store_report r = { 0 };
	struct check k = { .w = w, .r = &r };
	enum wake_state state;
	int rc = store_read_begin(s, &k.t, cause);

	*problems = 0;
	*report = NULL;
	if (rc != PC_OK)
		return rc;
	rc = state_in(k.t, w, &state);
	if (rc == PC_OK && (state == WAKE_STALE || state == WAKE_ABSENT)) {
		store_read_end(&k.t);
		return PC_OK;
	}
	if (rc == PC_OK)
		rc = store_scan(k.t, DB_PARTICIPANTS, NULL, 0, check_one, &k);
	if (rc == PC_OK)
		rc = store_scan(k.t, DB_WAKE, NULL, 0, check_key, &k);
	if (rc == PC_OK)
		rc = store_scan(k.t, DB_IN_CASELOAD, NULL, 0, check_key, &k);
	if (rc == PC_OK)
		rc = store_scan(k.t, DB_WAKE_OF, NULL, 0, check_orphan, &k);
	store_read_end(&k.t);
	if (rc != PC_OK) {
		free(r.text);
		return error_set(cause, rc, "%s: %s", store_path(s),
				 error_string(rc));
	}
	*problems = r.problems;
	*report = r.text;
	return r.nomem ? PC_ENOMEM : PC_OK;
}

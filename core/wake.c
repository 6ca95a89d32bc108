/* wake.c: the attention index (wake.h), kept in every write and read by
 * attention --all. */
#include "wake_internal.h"
#include "error.h"
#include "fse.h"
#include "i18n.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mixed into the configuration's hash: a change of what an entry means
 * (the rules' code, this file's layout) makes every index again. */
#define WAKE_FORMAT UINT64_C(3)

/* META_WAKE's value: be64 configuration hash, be32 the last day made. */
#define META_SIZE 12

static uint64_t config_hash(const struct config *c)
{
	return rules_config_hash(c) * UINT64_C(0x100000001b3) ^ WAKE_FORMAT;
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

		rc = wake_entry_compute(t, w->c, l.ids[i], w->today, &e);
		if (rc == PC_OK)
			rc = wake_entry_record(t, l.ids[i], &e);
		wake_entry_clear(&e);
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

			rc = wake_entry_held(t, ids[i], &old);
			if (rc == PC_ECORRUPT) /* its keys unknown: all */
				return keep(t, NULL, 0, true, arg);
			if (rc == PC_OK)
				rc = wake_entry_forget(t, ids[i], &old);
			if (rc == PC_OK)
				rc = wake_entry_compute(t, w->c, ids[i],
							w->today, &now);
			if (rc == PC_OK)
				rc = wake_entry_record(t, ids[i], &now);
			wake_entry_clear(&now);
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

int wake_state_in(struct store_txn *t, const struct wake *w,
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
	rc = wake_state_in(t, w, state);
	store_read_end(&t);
	if (rc != PC_OK)
		error_set(cause, rc, "%s: %s", store_path(s), error_string(rc));
	return rc;
}

/* The participants whose wake is on or before `today`, in id order. */
static int woken(struct store_txn *t, pdate today, struct store_id_list *l)
{
	/* From the smallest key (DATE_NONE's): every day up to today. */
	return store_ids_by_day(t, DB_WAKE, DATE_NONE, today, l);
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
	/* An entry that does not read (`check` says it): the file itself,
	 * read the long way. */
	bool long_way = wake_entry_held(t, id, &have) != PC_OK;
	int rc = PC_OK;

	if (!long_way && !have.exists)
		return PC_ENOTFOUND; /* a day's key without its entry: read
					it all; `check` says it */
	if (!long_way && !have.corrupt) {
		rc = store_participant_get(t, id, &f.p);
		f.p.id = id;
		if (rc == PC_OK)
			rc = wake_digest_decode(have.digest, have.digest_len,
						&f);
		long_way = rc == PC_ECORRUPT;
	}
	if (long_way || (rc == PC_OK && have.corrupt)) {
		participant_file_clear(&f);
		rc = store_file_load(t, id, &f);
	}
	if (rc == PC_ECORRUPT) {
		participant_file_clear(&f);
		corrupt(s, id, out);
		return PC_OK;
	}
	if (rc != PC_OK) {
		participant_file_clear(&f);
		return rc; /* PC_ENOTFOUND: an entry without its
			      participant: read it all */
	}
	rc = caseload_entry_set_sortable(e, w->c, &f, w->today);
	if (rc != PC_OK)
		return rc;
	if (e->summary.n_flags == 0) {
		caseload_entry_clear(e);
		return PC_OK;
	}
	/* Flagged after they left, followed no more: only the six-months
	 * survey does that, and it puts them in the caseload. */
	if (!wake_always_in(w->c, &e->file.p))
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
	rc = wake_state_in(t, w, &state);
	if (rc == PC_OK && state != WAKE_READY)
		rc = PC_ENOTFOUND;
	if (rc == PC_OK)
		rc = woken(t, w->today, &l);
	if (rc == PC_OK)
		rc = store_fail(t,
				mdb_stat(t->txn, s->dbi[DB_IN_CASELOAD], &st));
	if (rc == PC_OK) {
		/* In id order: the records lie about in that order. */
		if (l.n > 1)
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

/* wake_entry.c: what the attention index holds of one participant: the
 * first day the rules may flag them, and the digest they are evaluated
 * from. */
#include "wake_internal.h"
#include "error.h"
#include "fse.h"
#include "record.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/*
 * How far ahead a participant's wake is looked for, in days. Someone the
 * rules leave quiet that long wakes on the last day anyway: they are
 * evaluated from then on, flag or not, until a change indexes them again.
 */
#define WAKE_HORIZON 366

/* In the caseload whatever the day: not exited, or followed after it. */
bool wake_always_in(const struct config *c, const struct participant *p)
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

	if (!wake_always_in(c, &f->p)) {
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

void wake_entry_clear(struct entry *e)
{
	codec_writer_free(&e->w);
	memset(e, 0, sizeof *e);
}

/* A record's bytes, length first. */
static void put_record(struct codec_writer *w, int rc, uint8_t *buf, size_t len)
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
static bool get_record(struct codec_reader *r, const uint8_t **p, size_t *len)
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
int wake_digest_decode(const uint8_t *d, size_t n, struct participant_file *f)
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
 * The entry of participant `id` as of `from` (wake_entry_clear() it). A file
 * that does not decode wakes at once (the reader meets it and says so,
 * as a caseload does), counts in no caseload and has no digest.
 */
int wake_entry_compute(struct store_txn *t, const struct config *c, uint64_t id,
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
	if (rc == PC_OK && !wake_always_in(c, &p) &&
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
	e->in = wake_always_in(c, &f.p);
	e->wake = first_flag_day(c, &f, from);
	rc = digest_encode(&f, &e->w);
	e->digest = e->w.buf;
	e->digest_len = e->w.len;
	participant_file_clear(&f);
	if (rc != PC_OK)
		wake_entry_clear(e);
	return rc;
}

/* The entry held for `id`: *e->exists false when none; its digest
 * points into the map. */
int wake_entry_held(struct store_txn *t, uint64_t id, struct entry *e)
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

void wake_index_key(uint8_t k[12], pdate wake, uint64_t id)
{
	put_be32(k, day_key(wake));
	put_be64(k + 4, id);
}

/* Remove what the index holds of `id`, as `old` says it holds it. */
int wake_entry_forget(struct store_txn *t, uint64_t id, const struct entry *old)
{
	uint8_t k[12];
	int rc = PC_OK;

	if (!old->exists)
		return PC_OK;
	if (old->wake != DATE_NONE) {
		wake_index_key(k, old->wake, id);
		rc = store_del(t, DB_WAKE, k, sizeof k);
	}
	put_be64(k, id);
	if (rc == PC_OK && old->in)
		rc = store_del(t, DB_IN_CASELOAD, k, 8);
	if (rc == PC_OK)
		rc = store_del(t, DB_WAKE_OF, k, 8);
	return rc;
}

int wake_entry_record(struct store_txn *t, uint64_t id, const struct entry *e)
{
	uint8_t k[12], *v;
	size_t n = WAKE_OF_SIZE + e->digest_len;
	int rc = PC_OK;

	if (!e->exists)
		return PC_OK;
	if (e->wake != DATE_NONE) {
		wake_index_key(k, e->wake, id);
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

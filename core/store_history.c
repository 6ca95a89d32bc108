/* store_history.c: stage moves, jobs, notes, the funder's questionnaires
 * and the journal. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"
#include "record.h"

#include <stdlib.h>
#include <string.h>

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
		return store_fail(t, rc);
	/* Position past this participant's keys, then step back one. */
	rc = mdb_cursor_get(c, &key, &val, MDB_SET_RANGE);
	rc = mdb_cursor_get(c, &key, &val, rc == 0 ? MDB_PREV : MDB_LAST);
	*seq = 1;
	if (rc == 0 && key.mv_size == 12 && memcmp(key.mv_data, prefix, 8) == 0)
		*seq = get_be32((const uint8_t *)key.mv_data + 8) + 1;
	mdb_cursor_close(c);
	/* Past the last number (a dump may hold it): 0, then written over. */
	if ((rc == 0 || rc == MDB_NOTFOUND) && *seq == 0)
		return PC_EINVAL;
	return rc == 0 || rc == MDB_NOTFOUND ? PC_OK : store_fail(t, rc);
}

static int put_child(struct store_txn *t, int db, uint64_t participant,
		     uint32_t seq, const uint8_t *buf, size_t len)
{
	uint8_t key[12];

	put_be64(key, participant);
	put_be32(key + 8, seq);
	return store_put(t, db, key, sizeof key, buf, len);
}

int store_move_add(struct store_txn *t, const struct stage_move *m,
		   uint32_t *seq)
{
	struct stage_move copy = *m;
	int rc = next_child_seq(t, DB_MOVES, m->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_move_put(t, &copy);
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
	int rc = next_child_seq(t, DB_NOTES, n->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_note_put(t, &copy);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_move_put(struct store_txn *t, const struct stage_move *m)
{
	uint8_t *buf;
	size_t len;
	int rc = record_encode_stage_move(m, &buf, &len);

	if (rc != PC_OK)
		return rc;
	rc = put_child(t, DB_MOVES, m->participant, m->seq, buf, len);
	free(buf);
	return rc;
}

int store_note_put(struct store_txn *t, const struct note *n)
{
	uint8_t *buf;
	size_t len;
	int rc = record_encode_note(n, &buf, &len);

	if (rc != PC_OK)
		return rc;
	rc = put_child(t, DB_NOTES, n->participant, n->seq, buf, len);
	free(buf);
	return rc;
}

int store_note_delete(struct store_txn *t, uint64_t participant, uint32_t seq)
{
	uint8_t key[12];
	MDB_val v;
	int rc;

	put_be64(key, participant);
	put_be32(key + 8, seq);
	rc = store_get(t, DB_NOTES, key, sizeof key, &v);
	return rc == PC_OK ? store_del(t, DB_NOTES, key, sizeof key) : rc;
}

/* ---- the funder's questionnaires ---- */

/* The three kinds share their storage: one encoder, one sub-database. */
struct fse_kind {
	int db;
	int (*encode)(const void *, uint8_t **, size_t *);
	int (*decode)(const void *, size_t, void *);
};

static int enc_entry(const void *r, uint8_t **b, size_t *n)
{
	return record_encode_fse_entry(r, b, n);
}
static int dec_entry(const void *b, size_t n, void *r)
{
	return record_decode_fse_entry(b, n, r);
}
static int enc_exit(const void *r, uint8_t **b, size_t *n)
{
	return record_encode_fse_exit(r, b, n);
}
static int dec_exit(const void *b, size_t n, void *r)
{
	return record_decode_fse_exit(b, n, r);
}
static int enc_survey(const void *r, uint8_t **b, size_t *n)
{
	return record_encode_fse_survey(r, b, n);
}
static int dec_survey(const void *b, size_t n, void *r)
{
	return record_decode_fse_survey(b, n, r);
}

static const struct fse_kind fse_kinds[] = {
	{ DB_FSE_ENTRY, enc_entry, dec_entry },
	{ DB_FSE_EXIT, enc_exit, dec_exit },
	{ DB_FSE_SURVEY, enc_survey, dec_survey },
};

static int fse_put(struct store_txn *t, const struct fse_kind *k,
		   uint64_t participant, uint32_t seq, const void *rec)
{
	uint8_t *buf;
	size_t len;
	int rc = k->encode(rec, &buf, &len);

	if (rc != PC_OK)
		return rc;
	rc = put_child(t, k->db, participant, seq, buf, len);
	free(buf);
	return rc;
}

static int fse_get(struct store_txn *t, const struct fse_kind *k,
		   uint64_t participant, uint32_t seq, void *out)
{
	uint8_t key[12];
	MDB_val v;
	int rc;

	put_be64(key, participant);
	put_be32(key + 8, seq);
	rc = store_get(t, k->db, key, sizeof key, &v);
	return rc == PC_OK ? k->decode(v.mv_data, v.mv_size, out) : rc;
}

int store_fse_entry_add(struct store_txn *t, const struct fse_entry *e,
			uint32_t *seq)
{
	struct fse_entry copy = *e;
	int rc = next_child_seq(t, DB_FSE_ENTRY, e->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_fse_entry_put(t, &copy);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_fse_entry_put(struct store_txn *t, const struct fse_entry *e)
{
	return fse_put(t, &fse_kinds[0], e->participant, e->seq, e);
}

int store_fse_entry_get(struct store_txn *t, uint64_t participant, uint32_t seq,
			struct fse_entry *out)
{
	return fse_get(t, &fse_kinds[0], participant, seq, out);
}

int store_fse_exit_add(struct store_txn *t, const struct fse_exit *e,
		       uint32_t *seq)
{
	struct fse_exit copy = *e;
	int rc = next_child_seq(t, DB_FSE_EXIT, e->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_fse_exit_put(t, &copy);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_fse_exit_put(struct store_txn *t, const struct fse_exit *e)
{
	return fse_put(t, &fse_kinds[1], e->participant, e->seq, e);
}

int store_fse_exit_get(struct store_txn *t, uint64_t participant, uint32_t seq,
		       struct fse_exit *out)
{
	return fse_get(t, &fse_kinds[1], participant, seq, out);
}

int store_fse_survey_add(struct store_txn *t, const struct fse_survey *v,
			 uint32_t *seq)
{
	struct fse_survey copy = *v;
	int rc = next_child_seq(t, DB_FSE_SURVEY, v->participant, &copy.seq);

	if (rc == PC_OK)
		rc = store_fse_survey_put(t, &copy);
	if (rc == PC_OK && seq != NULL)
		*seq = copy.seq;
	return rc;
}

int store_fse_survey_put(struct store_txn *t, const struct fse_survey *v)
{
	return fse_put(t, &fse_kinds[2], v->participant, v->seq, v);
}

int store_fse_survey_get(struct store_txn *t, uint64_t participant,
			 uint32_t seq, struct fse_survey *out)
{
	return fse_get(t, &fse_kinds[2], participant, seq, out);
}

int store_fse_after_exit_delete(struct store_txn *t, uint64_t participant,
				size_t *removed)
{
	uint8_t prefix[8];
	size_t n = 0;
	int rc;

	put_be64(prefix, participant);
	for (int db = DB_FSE_EXIT; db <= DB_FSE_SURVEY; db++) {
		struct store_id_list l = { .offset = 0 };

		/* Count them: store_del_prefix says nothing of how many. */
		rc = store_scan(t, db, prefix, sizeof prefix, store_collect_id,
				&l);
		n += l.n;
		free(l.ids);
		if (rc == PC_OK)
			rc = store_del_prefix(t, db, prefix, sizeof prefix);
		if (rc != PC_OK)
			return rc;
	}
	if (removed != NULL)
		*removed = n;
	return PC_OK;
}

static int latest_survey(const MDB_val *key, const MDB_val *val, void *arg)
{
	pdate *last = arg;
	struct fse_survey v;
	int rc = record_decode_fse_survey(val->mv_data, val->mv_size, &v);

	(void)key;
	if (rc == PC_OK && (*last == DATE_NONE || v.date > *last))
		*last = v.date;
	return rc;
}

int store_fse_survey_last(struct store_txn *t, uint64_t participant,
			  pdate *last)
{
	uint8_t prefix[8];

	*last = DATE_NONE;
	put_be64(prefix, participant);
	return store_scan(t, DB_FSE_SURVEY, prefix, 8, latest_survey, last);
}

/* ---- journal ---- */

int store_journal_add(struct store_txn *t, const struct journal_entry *e)
{
	struct journal_entry copy = *e;
	uint8_t key[8], *buf;
	size_t len;
	int rc = store_next_seq(t, "seq/journal", &copy.seq);

	if (rc != PC_OK)
		return rc;
	rc = record_encode_journal(&copy, &buf, &len);
	if (rc != PC_OK)
		return rc;
	put_be64(key, copy.seq);
	rc = store_put(t, DB_JOURNAL, key, sizeof key, buf, len);
	free(buf);
	return rc;
}

int store_journal_forget(struct store_txn *t, uint64_t participant,
			 size_t *removed)
{
	struct journal_entry *e = NULL;
	size_t n = 0;
	int rc;

	*removed = 0;
	if (participant == 0)
		return PC_EINVAL;
	rc = store_journal_list(t, participant, &e, &n);
	for (size_t i = 0; i < n; i++) {
		uint8_t key[8];

		put_be64(key, e[i].seq);
		if (rc == PC_OK &&
		    (rc = store_del(t, DB_JOURNAL, key, sizeof key)) == PC_OK)
			(*removed)++;
		journal_entry_clear(&e[i]);
	}
	free(e);
	return rc;
}

int store_journal_insert(struct store_txn *t, const struct journal_entry *e)
{
	uint8_t key[8], *buf;
	size_t len;
	int rc = record_encode_journal(e, &buf, &len);

	if (rc != PC_OK)
		return rc;
	put_be64(key, e->seq);
	rc = store_put(t, DB_JOURNAL, key, sizeof key, buf, len);
	free(buf);
	if (rc == PC_OK)
		rc = store_bump_seq(t, "seq/journal", e->seq);
	return rc;
}

struct journal_list {
	struct store_txn *t;
	uint64_t participant;
	struct journal_entry *e;
	size_t n, cap;
	size_t *left_out; /* a salvage: lines that do not decode are left out */
};

static int collect_journal(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct journal_list *l = arg;
	struct journal_entry e;
	int rc;

	rc = record_decode_journal(val->mv_data, val->mv_size, &e);
	if (rc != PC_OK && rc != PC_ENOMEM && l->left_out != NULL) {
		(*l->left_out)++;
		store_notice(l->t->s,
			     _("journal line %llu: corrupt record, left out"),
			     key->mv_size == 8 ? (unsigned long long)get_be64(
							 key->mv_data)
					       : 0ULL);
		return PC_OK;
	}
	if (rc != PC_OK)
		return rc;
	if (l->participant != 0 && e.participant != l->participant) {
		journal_entry_clear(&e);
		return PC_OK;
	}
	if (store_reserve((void **)&l->e, &l->cap, l->n + 1, sizeof *l->e)) {
		journal_entry_clear(&e);
		return PC_ENOMEM;
	}
	l->e[l->n++] = e;
	return PC_OK;
}

static int journal_list(struct journal_list *l, struct journal_entry **out,
			size_t *n)
{
	int rc = store_scan(l->t, DB_JOURNAL, NULL, 0, collect_journal, l);

	if (rc != PC_OK) {
		for (size_t i = 0; i < l->n; i++)
			journal_entry_clear(&l->e[i]);
		free(l->e);
		return rc;
	}
	*out = l->e;
	*n = l->n;
	return PC_OK;
}

int store_journal_list(struct store_txn *t, uint64_t participant,
		       struct journal_entry **out, size_t *n)
{
	struct journal_list l = { .t = t, .participant = participant };

	return journal_list(&l, out, n);
}

int store_journal_salvage(struct store_txn *t, struct journal_entry **out,
			  size_t *n, size_t *left_out)
{
	struct journal_list l = { .t = t, .left_out = left_out };

	return journal_list(&l, out, n);
}

/* store_participant.c: participants, caseloads and whole files. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"
#include "record.h"
#include "store_file.h"

#include <stdlib.h>
#include <string.h>

/* ---- participants ---- */

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
	rc = add ? store_put(t, DB_BY_REFERENT, k, len, "", 0)
		 : store_del(t, DB_BY_REFERENT, k, len);
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
	rc = store_put(t, DB_PARTICIPANTS, key, sizeof key, buf, len);
	free(buf);
	return rc;
}

int store_participant_add(struct store_txn *t, const struct participant *p,
			  uint64_t *id)
{
	struct participant copy = *p;
	int rc = store_next_seq(t, "seq/participant", &copy.id);

	if (rc == PC_OK)
		rc = put_participant(t, &copy);
	if (rc == PC_OK)
		rc = referent_index(t, copy.referent, copy.id, true);
	if (rc == PC_OK)
		*id = copy.id;
	return rc;
}

int store_participant_insert(struct store_txn *t, const struct participant *p)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	put_be64(key, p->id);
	if (p->id == 0 ||
	    store_get(t, DB_PARTICIPANTS, key, sizeof key, &v) == PC_OK)
		return PC_EINVAL;
	rc = put_participant(t, p);
	if (rc == PC_OK)
		rc = referent_index(t, p->referent, p->id, true);
	if (rc == PC_OK)
		rc = store_bump_seq(t, "seq/participant", p->id);
	return rc;
}

int store_participant_get(struct store_txn *t, uint64_t id,
			  struct participant *out)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	participant_init(out); /* cleared whatever happens */
	put_be64(key, id);
	rc = store_get(t, DB_PARTICIPANTS, key, sizeof key, &v);
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

/* ---- caseloads and referents ---- */

int store_caseload_ids(struct store_txn *t, const char *referent,
		       uint64_t **ids, size_t *n)
{
	struct store_id_list l = { 0 };
	int rc;

	if (referent == NULL) {
		/* store_scan lets go of the pages as it goes: the records lie
		 * all over the file. */
		rc = store_scan(t, DB_PARTICIPANTS, NULL, 0, store_collect_id,
				&l);
	} else {
		l.offset = strlen(referent) + 1;
		rc = store_scan(t, DB_BY_REFERENT, referent, l.offset,
				store_collect_id, &l);
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
	if (store_reserve((void **)&l->names, &l->cap, l->n + 1,
			  sizeof *l->names))
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
	int rc = store_scan(t, DB_BY_REFERENT, NULL, 0, collect_referent, &l);

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

/* ---- whole files ---- */

struct file_loader {
	struct store_txn *t;
	struct participant_file *f;
	size_t cap_moves, cap_appts, cap_jobs, cap_notes;
	size_t cap_fse_entries, cap_fse_exits, cap_fse_surveys;
	uint64_t id;	  /* the participant's */
	size_t *left_out; /* a salvage: what does not decode is left out */
	bool rules_only;  /* moves and notes checked, not kept */
};

/* The sequence number in a moves, jobs or notes key (0 if malformed). */
static unsigned key_seq(const MDB_val *key)
{
	return key->mv_size == 12 ? get_be32((const uint8_t *)key->mv_data + 8)
				  : 0;
}

/* The records of a participant's file a salvage may leave out. */
enum child {
	CHILD_MOVE,
	CHILD_APPOINTMENT,
	CHILD_JOB,
	CHILD_NOTE,
	CHILD_FSE_ENTRY,
	CHILD_FSE_EXIT,
	CHILD_FSE_SURVEY,
};

/*
 * What a loader does with a record that did not decode (rc): in a
 * salvage, tell it (which one, its number) and go on; otherwise stop.
 */
static int salvage(struct file_loader *l, int rc, enum child what,
		   unsigned long long number)
{
	unsigned long long pid = l->id;
	struct store *s = l->t->s;

	if (rc == PC_OK || rc == PC_ENOMEM || l->left_out == NULL)
		return rc;
	(*l->left_out)++;
	switch (what) {
	case CHILD_MOVE:
		store_notice(s,
			     _("participant %llu: stage move %llu: corrupt "
			       "record, left out"),
			     pid, number);
		break;
	case CHILD_APPOINTMENT:
		store_notice(s,
			     _("participant %llu: appointment %llu: corrupt "
			       "record, left out"),
			     pid, number);
		break;
	case CHILD_JOB:
		store_notice(s,
			     _("participant %llu: job %llu: corrupt record, "
			       "left out"),
			     pid, number);
		break;
	case CHILD_NOTE:
		store_notice(s,
			     _("participant %llu: note %llu: corrupt record, "
			       "left out"),
			     pid, number);
		break;
	case CHILD_FSE_ENTRY:
		store_notice(s,
			     _("participant %llu: entry questionnaire %llu: "
			       "corrupt record, left out"),
			     pid, number);
		break;
	case CHILD_FSE_EXIT:
		store_notice(s,
			     _("participant %llu: exit questionnaire %llu: "
			       "corrupt record, left out"),
			     pid, number);
		break;
	case CHILD_FSE_SURVEY:
		store_notice(s,
			     _("participant %llu: six-months questionnaire "
			       "%llu: corrupt record, left out"),
			     pid, number);
		break;
	}
	return PC_OK;
}

static int load_move(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (l->rules_only)
		return salvage(l,
			       record_check_stage_move(val->mv_data,
						       val->mv_size),
			       CHILD_MOVE, key_seq(key));
	if (store_reserve((void **)&f->moves, &l->cap_moves, f->n_moves + 1,
			  sizeof *f->moves))
		return PC_ENOMEM;
	rc = record_decode_stage_move(val->mv_data, val->mv_size,
				      &f->moves[f->n_moves]);
	if (rc == PC_OK)
		f->n_moves++;
	return salvage(l, rc, CHILD_MOVE, key_seq(key));
}

static int load_job(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (store_reserve((void **)&f->jobs, &l->cap_jobs, f->n_jobs + 1,
			  sizeof *f->jobs))
		return PC_ENOMEM;
	rc = record_decode_job(val->mv_data, val->mv_size, &f->jobs[f->n_jobs]);
	if (rc == PC_OK)
		f->n_jobs++;
	return salvage(l, rc, CHILD_JOB, key_seq(key));
}

static int load_note(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (l->rules_only)
		return salvage(l, record_check_note(val->mv_data, val->mv_size),
			       CHILD_NOTE, key_seq(key));
	if (store_reserve((void **)&f->notes, &l->cap_notes, f->n_notes + 1,
			  sizeof *f->notes))
		return PC_ENOMEM;
	rc = record_decode_note(val->mv_data, val->mv_size,
				&f->notes[f->n_notes]);
	if (rc == PC_OK)
		f->n_notes++;
	return salvage(l, rc, CHILD_NOTE, key_seq(key));
}

static int load_fse_entry(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (store_reserve((void **)&f->fse_entries, &l->cap_fse_entries,
			  f->n_fse_entries + 1, sizeof *f->fse_entries))
		return PC_ENOMEM;
	rc = record_decode_fse_entry(val->mv_data, val->mv_size,
				     &f->fse_entries[f->n_fse_entries]);
	if (rc == PC_OK)
		f->n_fse_entries++;
	return salvage(l, rc, CHILD_FSE_ENTRY, key_seq(key));
}

static int load_fse_exit(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (store_reserve((void **)&f->fse_exits, &l->cap_fse_exits,
			  f->n_fse_exits + 1, sizeof *f->fse_exits))
		return PC_ENOMEM;
	rc = record_decode_fse_exit(val->mv_data, val->mv_size,
				    &f->fse_exits[f->n_fse_exits]);
	if (rc == PC_OK)
		f->n_fse_exits++;
	return salvage(l, rc, CHILD_FSE_EXIT, key_seq(key));
}

static int load_fse_survey(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	if (store_reserve((void **)&f->fse_surveys, &l->cap_fse_surveys,
			  f->n_fse_surveys + 1, sizeof *f->fse_surveys))
		return PC_ENOMEM;
	rc = record_decode_fse_survey(val->mv_data, val->mv_size,
				      &f->fse_surveys[f->n_fse_surveys]);
	if (rc == PC_OK)
		f->n_fse_surveys++;
	return salvage(l, rc, CHILD_FSE_SURVEY, key_seq(key));
}

static int load_appt(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct file_loader *l = arg;
	struct participant_file *f = l->f;
	int rc;

	(void)val;
	if (key->mv_size != 16)
		return salvage(l, PC_ECORRUPT, CHILD_APPOINTMENT, 0);
	if (store_reserve((void **)&f->appts, &l->cap_appts, f->n_appts + 1,
			  sizeof *f->appts))
		return PC_ENOMEM;
	rc = store_appointment_get(l->t,
				   get_be64((const uint8_t *)key->mv_data + 8),
				   &f->appts[f->n_appts]);
	if (rc == PC_ENOTFOUND)
		rc = PC_ECORRUPT; /* an index entry without its record */
	if (rc == PC_OK)
		f->n_appts++;
	return salvage(l, rc, CHILD_APPOINTMENT,
		       get_be64((const uint8_t *)key->mv_data + 8));
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

/* With have_p, out->p is read already (and taken over). */
static int file_load(struct store_txn *t, uint64_t id,
		     struct participant_file *out, size_t *left_out,
		     bool rules_only, bool have_p)
{
	struct file_loader l = { .t = t,
				 .f = out,
				 .id = id,
				 .left_out = left_out,
				 .rules_only = rules_only };
	uint8_t prefix[8];
	int rc = PC_OK;

	if (have_p) {
		struct participant p = out->p;

		memset(out, 0, sizeof *out);
		out->p = p;
	} else {
		memset(out, 0, sizeof *out);
		participant_init(&out->p);
		rc = store_participant_get(t, id, &out->p);
	}
	put_be64(prefix, id);
	if (rc == PC_OK)
		rc = store_scan(t, DB_MOVES, prefix, 8, load_move, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_APPT_BY_PART, prefix, 8, load_appt, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_JOBS, prefix, 8, load_job, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_NOTES, prefix, 8, load_note, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_FSE_ENTRY, prefix, 8, load_fse_entry, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_FSE_EXIT, prefix, 8, load_fse_exit, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_FSE_SURVEY, prefix, 8, load_fse_survey,
				&l);
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

/* ---- files read in the order of ids ---- */

/* The child databases of a file, in the order file_load reads them. */
static const struct {
	int db;
	store_scan_fn load;
} children[] = {
	{ DB_MOVES, load_move },	 { DB_APPT_BY_PART, load_appt },
	{ DB_JOBS, load_job },		 { DB_NOTES, load_note },
	{ DB_FSE_ENTRY, load_fse_entry }, { DB_FSE_EXIT, load_fse_exit },
	{ DB_FSE_SURVEY, load_fse_survey },
};

#define N_CHILDREN (sizeof children / sizeof children[0])

/* Steps forward before a search from the root: a participant's records
 * are next to the previous one's, unless those between were skipped. */
#define READER_STEPS 8

struct store_file_reader {
	struct store_txn *t;
	MDB_cursor *c[N_CHILDREN]; /* NULL: an absent database */
	MDB_val key[N_CHILDREN], val[N_CHILDREN];
	/* 0: not placed yet; 1: on key/val; -1: past the last record */
	int at[N_CHILDREN];
	uint64_t last; /* the last id read; 0 before the first */
};

int store_file_reader_new(struct store_txn *t, struct store_file_reader **out)
{
	struct store_file_reader *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (r == NULL)
		return PC_ENOMEM;
	r->t = t;
	for (size_t k = 0; k < N_CHILDREN; k++) {
		if (store_db_absent(t->s, children[k].db))
			continue;
		rc = mdb_cursor_open(t->txn, t->s->dbi[children[k].db],
				     &r->c[k]);
		if (rc != 0) {
			store_file_reader_free(&r);
			return store_fail(t, rc);
		}
	}
	*out = r;
	return PC_OK;
}

void store_file_reader_free(struct store_file_reader **r)
{
	if (r == NULL || *r == NULL)
		return;
	for (size_t k = 0; k < N_CHILDREN; k++)
		if ((*r)->c[k] != NULL)
			mdb_cursor_close((*r)->c[k]);
	free(*r);
	*r = NULL;
}

/* Order of the key's participant against `prefix` (8 bytes). */
static int key_vs(const MDB_val *key, const uint8_t *prefix)
{
	int c;

	if (key->mv_size < 8) {
		c = memcmp(key->mv_data, prefix, key->mv_size);
		return c != 0 ? c : -1;
	}
	return memcmp(key->mv_data, prefix, 8);
}

/* Move cursor k with op; keeps at[k]. PC_OK or a store code. */
static int reader_move(struct store_file_reader *r, size_t k, MDB_cursor_op op)
{
	int rc = mdb_cursor_get(r->c[k], &r->key[k], &r->val[k], op);

	if (rc == MDB_NOTFOUND) {
		r->at[k] = -1;
		return PC_OK;
	}
	if (rc != 0)
		return store_fail(r->t, rc);
	r->at[k] = 1;
	return PC_OK;
}

/* What store_scan(t, db, prefix, 8, load, l) does, from where the
 * cursor stands: forward a few steps, else searched from the root. */
static int reader_scan(struct store_file_reader *r, size_t k,
		       const uint8_t *prefix, struct file_loader *l,
		       bool backwards)
{
	int rc = PC_OK, steps = 0;

	if (r->c[k] == NULL)
		return PC_OK;
	if (r->at[k] == 0 || backwards) {
		r->key[k] = (MDB_val){ 8, (void *)prefix };
		rc = reader_move(r, k, MDB_SET_RANGE);
	}
	while (rc == PC_OK && r->at[k] == 1 && key_vs(&r->key[k], prefix) < 0) {
		if (++steps > READER_STEPS) {
			r->key[k] = (MDB_val){ 8, (void *)prefix };
			rc = reader_move(r, k, MDB_SET_RANGE);
			break;
		}
		rc = reader_move(r, k, MDB_NEXT);
	}
	while (rc == PC_OK && r->at[k] == 1 &&
	       key_vs(&r->key[k], prefix) == 0) {
		rc = children[k].load(&r->key[k], &r->val[k], l);
		if (rc == PC_OK)
			rc = reader_move(r, k, MDB_NEXT);
	}
	return rc;
}

int store_file_read_fse(struct store_file_reader *r,
			struct participant_file *f)
{
	struct file_loader l = { .t = r->t, .f = f, .id = f->p.id };
	uint8_t prefix[8];
	bool backwards = f->p.id <= r->last;
	int rc = PC_OK;

	r->last = f->p.id;
	put_be64(prefix, f->p.id);
	for (size_t k = 0; k < N_CHILDREN && rc == PC_OK; k++)
		if (children[k].db >= DB_FSE_ENTRY &&
		    children[k].db <= DB_FSE_SURVEY)
			rc = reader_scan(r, k, prefix, &l, backwards);
	if (rc != PC_OK)
		memset(r->at, 0, sizeof r->at);
	return rc;
}

int store_file_read(struct store_file_reader *r, struct participant_file *f,
		    bool rules_only)
{
	struct participant p = f->p;
	struct file_loader l = {
		.t = r->t, .f = f, .id = p.id, .rules_only = rules_only
	};
	uint8_t prefix[8];
	bool backwards = p.id <= r->last;
	int rc = PC_OK;

	memset(f, 0, sizeof *f);
	f->p = p;
	r->last = p.id;
	put_be64(prefix, p.id);
	for (size_t k = 0; k < N_CHILDREN && rc == PC_OK; k++)
		rc = reader_scan(r, k, prefix, &l, backwards);
	if (rc != PC_OK) {
		/* Where the cursors stand is unknown: search next time. */
		memset(r->at, 0, sizeof r->at);
		participant_file_clear(f);
		return rc;
	}
	if (f->n_appts > 1)
		qsort(f->appts, f->n_appts, sizeof *f->appts, cmp_appt);
	if (f->n_jobs > 1)
		qsort(f->jobs, f->n_jobs, sizeof *f->jobs, cmp_job);
	return PC_OK;
}

int store_file_load(struct store_txn *t, uint64_t id,
		    struct participant_file *out)
{
	return file_load(t, id, out, NULL, false, false);
}

int store_file_load_rules(struct store_txn *t, uint64_t id,
			  struct participant_file *out)
{
	return file_load(t, id, out, NULL, true, false);
}

int store_file_load_rest(struct store_txn *t, struct participant_file *f,
			 bool rules_only)
{
	return file_load(t, f->p.id, f, NULL, rules_only, true);
}

int store_file_salvage(struct store_txn *t, uint64_t id,
		       struct participant_file *out, size_t *left_out)
{
	return file_load(t, id, out, left_out, false, false);
}

int store_file_load_fse(struct store_txn *t, struct participant_file *f)
{
	struct file_loader l = { .t = t, .f = f, .id = f->p.id };
	uint8_t prefix[8];
	int rc;

	put_be64(prefix, f->p.id);
	rc = store_scan(t, DB_FSE_ENTRY, prefix, 8, load_fse_entry, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_FSE_EXIT, prefix, 8, load_fse_exit, &l);
	if (rc == PC_OK)
		rc = store_scan(t, DB_FSE_SURVEY, prefix, 8, load_fse_survey,
				&l);
	return rc;
}

int store_participant_delete(struct store_txn *t, uint64_t id)
{
	struct participant_file f;
	uint8_t key[8];
	int rc = store_file_load(t, id, &f);

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_appts && rc == PC_OK; i++) {
		rc = store_appointment_unindex(t, &f.appts[i]);
		if (rc == PC_OK) {
			put_be64(key, f.appts[i].id);
			rc = store_del(t, DB_APPOINTMENTS, key, 8);
		}
	}
	put_be64(key, id);
	if (rc == PC_OK)
		rc = store_del_prefix(t, DB_MOVES, key, 8);
	if (rc == PC_OK)
		rc = store_del_prefix(t, DB_JOBS, key, 8);
	if (rc == PC_OK)
		rc = store_del_prefix(t, DB_NOTES, key, 8);
	for (int db = DB_FSE_ENTRY; db <= DB_FSE_SURVEY && rc == PC_OK; db++)
		rc = store_del_prefix(t, db, key, 8);
	if (rc == PC_OK)
		rc = referent_index(t, f.p.referent, id, false);
	if (rc == PC_OK)
		rc = store_del(t, DB_PARTICIPANTS, key, 8);
	participant_file_clear(&f);
	return rc;
}

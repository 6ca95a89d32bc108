/* store_appointment.c: appointments, by participant and planned by date. */
#include "store_internal.h"
#include "error.h"
#include "record.h"

#include <stdlib.h>
#include <string.h>

/* ---- appointments ---- */

static void planned_key(uint8_t key[12], pdate date, uint64_t id)
{
	/* Flip the sign bit so negative day numbers sort first. */
	put_be32(key, (uint32_t)date ^ 0x80000000u);
	put_be64(key + 4, id);
}

/* The record and its planned-by-date key, when planned. */
static int put_record(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[12], *buf;
	size_t len;
	int rc = record_encode_appointment(a, &buf, &len);

	if (rc != PC_OK)
		return rc;
	put_be64(key, a->id);
	rc = store_put(t, DB_APPOINTMENTS, key, 8, buf, len);
	free(buf);
	if (rc == PC_OK && a->status == APPT_PLANNED) {
		planned_key(key, a->date, a->id);
		rc = store_put(t, DB_PLANNED, key, 12, "", 0);
	}
	return rc;
}

/* The record and both its keys. */
static int put_appointment(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[16];
	int rc = put_record(t, a);

	if (rc == PC_OK) {
		put_be64(key, a->participant);
		put_be64(key + 8, a->id);
		rc = store_put(t, DB_APPT_BY_PART, key, 16, "", 0);
	}
	return rc;
}

int store_appointment_add(struct store_txn *t, const struct appointment *a,
			  uint64_t *id)
{
	struct appointment copy = *a;
	int rc = store_next_seq(t, "seq/appointment", &copy.id);

	if (rc == PC_OK)
		rc = put_appointment(t, &copy);
	if (rc == PC_OK)
		*id = copy.id;
	return rc;
}

int store_appointment_insert(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	put_be64(key, a->id);
	if (a->id == 0 ||
	    store_get(t, DB_APPOINTMENTS, key, sizeof key, &v) == PC_OK)
		return PC_EINVAL;
	rc = put_appointment(t, a);
	if (rc == PC_OK)
		rc = store_bump_seq(t, "seq/appointment", a->id);
	return rc;
}

int store_appointment_get(struct store_txn *t, uint64_t id,
			  struct appointment *out)
{
	uint8_t key[8];
	MDB_val v;
	int rc;

	appointment_init(out); /* cleared whatever happens */
	put_be64(key, id);
	rc = store_get(t, DB_APPOINTMENTS, key, sizeof key, &v);
	if (rc != PC_OK)
		return rc;
	return record_decode_appointment(v.mv_data, v.mv_size, out);
}

int store_appointment_unindex(struct store_txn *t, const struct appointment *a)
{
	uint8_t key[16];
	int rc;

	put_be64(key, a->participant);
	put_be64(key + 8, a->id);
	rc = store_del(t, DB_APPT_BY_PART, key, 16);
	if (rc == PC_OK && a->status == APPT_PLANNED) {
		planned_key(key, a->date, a->id);
		rc = store_del(t, DB_PLANNED, key, 12);
	}
	return rc;
}

int store_appointment_update(struct store_txn *t, const struct appointment *a)
{
	struct appointment old;
	int rc = store_appointment_get(t, a->id, &old);

	if (rc != PC_OK)
		return rc;
	if (old.participant != a->participant) {
		rc = store_appointment_unindex(t, &old);
		appointment_clear(&old);
		return rc == PC_OK ? put_appointment(t, a) : rc;
	}
	/* The same participant: their by-participant key stays as it is,
	 * and the rules are told of a new day or outcome only (a letter or
	 * a reminder recorded changes nothing they read). */
	if (old.date != a->date || old.status != a->status)
		store_mark_participant(t, a->participant);
	if (old.status == APPT_PLANNED) {
		uint8_t key[12];

		planned_key(key, old.date, old.id);
		rc = store_del(t, DB_PLANNED, key, sizeof key);
	}
	appointment_clear(&old);
	return rc == PC_OK ? put_record(t, a) : rc;
}

int store_planned_between(struct store_txn *t, pdate from, pdate to,
			  uint64_t **ids, size_t *n)
{
	struct store_id_list l = { 0 };
	int rc = store_ids_by_day(t, DB_PLANNED, from, to, &l);

	if (rc != PC_OK) {
		free(l.ids);
		return rc;
	}
	*ids = l.ids;
	*n = l.n;
	return PC_OK;
}

int store_ids_by_day(struct store_txn *t, int db, pdate from, pdate to,
		     struct store_id_list *l)
{
	uint32_t last = (uint32_t)to ^ 0x80000000u;
	uint8_t start[4];
	MDB_cursor *c;
	MDB_val key = { 4, start }, val;
	int mrc, rc = PC_OK;

	l->offset = 4;
	put_be32(start, (uint32_t)from ^ 0x80000000u);
	mrc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
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

/* index_damage.c: damage the referent and agenda indexes of a database
 * the way no parcours write does, for cli/check_indexes: one entry of
 * each kind of problem `parcours check` tells.
 * Usage: index_damage DIR */
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static void be32(uint8_t *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

/* Delete the `n`th entry (from 1) of `dbi`, its key copied into `key`. */
static int del_nth(MDB_txn *t, MDB_dbi dbi, int n, uint8_t *key, size_t *len)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc = mdb_cursor_open(t, dbi, &c);

	for (int i = 0; rc == 0 && i < n; i++)
		rc = mdb_cursor_get(c, &k, &v, i ? MDB_NEXT : MDB_FIRST);
	if (rc == 0 && k.mv_size <= 64) {
		memcpy(key, k.mv_data, k.mv_size);
		*len = k.mv_size;
		rc = mdb_cursor_del(c, 0);
	}
	mdb_cursor_close(c);
	return rc;
}

static int put(MDB_txn *t, MDB_dbi dbi, const void *key, size_t len)
{
	MDB_val k = { len, (void *)key }, v = { 0, "" };

	return mdb_put(t, dbi, &k, &v, 0);
}

int main(int argc, char **argv)
{
	MDB_env *e;
	MDB_txn *t;
	MDB_dbi referents, agenda;
	uint8_t gone[64], key[32];
	size_t len = 0;
	int rc;

	if (argc != 2)
		return 2;
	rc = mdb_env_create(&e);
	if (rc == 0)
		rc = mdb_env_set_maxdbs(e, 32);
	if (rc == 0)
		rc = mdb_env_open(e, argv[1], 0, 0600);
	if (rc == 0)
		rc = mdb_txn_begin(e, NULL, 0, &t);
	if (rc == 0)
		rc = mdb_dbi_open(t, "by_referent", 0, &referents);
	if (rc == 0)
		rc = mdb_dbi_open(t, "planned_by_date", 0, &agenda);
	/* A participant out of its referent's index, filed under another. */
	if (rc == 0)
		rc = del_nth(t, referents, 3, gone, &len);
	memcpy(key, "Aaaa Zzz", 9);
	memcpy(key + 9, gone + len - 8, 8);
	if (rc == 0)
		rc = put(t, referents, key, 17);
	/* A participant that does not exist; a malformed key. */
	memcpy(key, "Mmm", 4);
	be64(key + 4, 999999);
	if (rc == 0)
		rc = put(t, referents, key, 12);
	if (rc == 0)
		rc = put(t, referents, "abc", 3);
	/* A planned appointment out of the agenda; one that does not exist;
	 * one not planned on that date; a malformed key. */
	if (rc == 0)
		rc = del_nth(t, agenda, 1, gone, &len);
	be32(key, 0x80000000u + 20001);
	be64(key + 4, 99999999);
	if (rc == 0)
		rc = put(t, agenda, key, 12);
	be32(key, 0x80000000u + 20002);
	be64(key + 4, 2);
	if (rc == 0)
		rc = put(t, agenda, key, 12);
	if (rc == 0)
		rc = put(t, agenda, "\x80\x00\x00\x01\x02", 5);
	if (rc == 0)
		rc = mdb_txn_commit(t);
	mdb_env_close(e);
	if (rc != 0)
		fprintf(stderr, "index_damage: %s\n", mdb_strerror(rc));
	return rc != 0;
}

/* store_upgrade.c: a database of an older schema brought to this one, in
 * the transaction of its first write open. */
#include "store_internal.h"
#include "error.h"
#include "fse.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* True when participant `pid` has an entry answer set already. */
static int has_entry(const MDB_val *key, const MDB_val *val, void *arg)
{
	(void)key;
	(void)val;
	*(bool *)arg = true;
	return PC_OK; /* a participant has a few at most */
}

/*
 * Schema 2 holds the funder's questionnaires: the identity fields of
 * schema 1 (gender, education, situation at entry) become each
 * participant's first entry answers, dated on the entry. A record that
 * cannot be decoded is left for `check` to report, as reads do.
 */
static int upgrade_to_2(struct store_txn *t, size_t *made, size_t *skipped)
{
	struct store_id_list l = { 0 };
	int rc = store_scan(t, DB_PARTICIPANTS, NULL, 0, store_collect_id, &l);

	for (size_t i = 0; rc == PC_OK && i < l.n; i++) {
		uint8_t k[8];
		struct participant p;
		struct fse_entry e;
		bool exists = false;

		put_be64(k, l.ids[i]);
		rc = store_scan(t, DB_FSE_ENTRY, k, sizeof k, has_entry,
				&exists);
		if (rc != PC_OK || exists)
			continue;
		rc = store_participant_get(t, l.ids[i], &p);
		if (rc == PC_ECORRUPT) {
			(*skipped)++;
			rc = PC_OK;
			continue;
		}
		if (rc != PC_OK)
			break;
		p.id = l.ids[i];
		if (fse_entry_from_identity(&p, &e)) {
			rc = store_fse_entry_add(t, &e, NULL);
			*made += rc == PC_OK;
		}
		participant_clear(&p);
	}
	free(l.ids);
	return rc;
}

int store_upgrade(struct store_txn *t, uint32_t from)
{
	struct journal_entry j = { 0 };
	char what[240];
	size_t made = 0, skipped = 0;
	int rc = PC_OK;

	if (from < 2)
		rc = upgrade_to_2(t, &made, &skipped);
	/* Schema 3 adds the derived indexes (wake.c), empty here: made by
	 * the first write with the configuration, which finds them out of
	 * date. What upgrade_to_2 changed is in them then. */
	free(t->dirty);
	t->dirty = NULL;
	t->n_dirty = t->cap_dirty = 0;
	if (rc == PC_OK)
		rc = store_del(t, DB_META, META_WAKE, strlen(META_WAKE));
	if (rc != PC_OK)
		return rc;
	if (from < 2)
		snprintf(what, sizeof what,
			 "database upgraded from schema %u to %d: %zu entry "
			 "answer sets from the identity fields; %zu "
			 "participant records that do not decode left as "
			 "they are; the attention index to make",
			 from, STORE_SCHEMA_VERSION, made, skipped);
	else
		snprintf(what, sizeof what,
			 "database upgraded from schema %u to %d: the "
			 "attention index to make",
			 from, STORE_SCHEMA_VERSION);
	j.time = (int64_t)time(NULL);
	j.who = (char *)"parcours";
	j.what = what;
	return store_journal_add(t, &j);
}

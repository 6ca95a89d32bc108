/* wake_check.c: the attention index against a recomputation (wake_check). */
#include "wake_internal.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct check {
	struct store_txn *t;
	const struct wake *w;
	struct store_report *r;
	size_t seen; /* participants looked at */
};

static void say_entry(char *buf, size_t n, const struct entry *e)
{
	char d[DATE_BUFSZ];

	const char *when =
		e->wake == DATE_NONE ? _("never") : date_format_iso(e->wake, d);

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
	rc = wake_entry_held(k->t, id, &have);
	if (rc == PC_ECORRUPT) {
		store_report_add(k->r,
				 _("attention index: participant %llu: entry "
				   "unreadable"),
				 (unsigned long long)id);
		return PC_OK;
	}
	if (rc == PC_OK)
		rc = wake_entry_compute(k->t, k->w->c, id,
					have.exists ? have.from : k->w->today,
					&want);
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
		wake_index_key(wk, have.wake, id);
		if (have.wake != DATE_NONE &&
		    store_get(k->t, DB_WAKE, wk, sizeof wk, &v) != PC_OK)
			store_report_add(k->r,
					 _("attention index: participant "
					   "%llu: missing from the days"),
					 (unsigned long long)id);
		if (have.in && store_get(k->t, DB_IN_CASELOAD, key->mv_data, 8,
					 &v) != PC_OK)
			store_report_add(k->r,
					 _("attention index: participant "
					   "%llu: missing from the caseload"),
					 (unsigned long long)id);
	}
	wake_entry_clear(&want);
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
	rc = wake_entry_held(k->t, id, &have);
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
	if (key->mv_size != 8 || store_get(k->t, DB_PARTICIPANTS, key->mv_data,
					   8, &v) != PC_ENOTFOUND)
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
	rc = wake_state_in(k.t, w, &state);
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

/* rights.c: access and erasure, erasure that leaves no trace. */
#include "rights.h"
#include "rules.h"
#include "dump.h"
#include "error.h"
#include "i18n.h"
#include "json.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int rights_access(struct store *s, uint64_t id, pdate today, FILE *out,
		  char **cause)
{
	struct store_txn *t = NULL;
	struct participant_file f;
	struct journal_entry *j = NULL;
	size_t n = 0;
	char d[DATE_BUFSZ];
	int rc = store_read_begin(s, &t, cause);

	if (rc != PC_OK)
		return rc;
	rc = store_file_load(t, id, &f);
	if (rc == PC_ENOTFOUND) {
		store_read_end(&t);
		return error_set(cause, rc, _("participant %llu not found"),
				 (unsigned long long)id);
	}
	if (rc == PC_OK)
		rc = store_journal_list(t, id, &j, &n);
	store_read_end(&t);
	if (rc != PC_OK) {
		participant_file_clear(&f);
		return error_set(cause, rc, "%s", error_string(rc));
	}
	if (f.n_appts > 1)
		qsort(f.appts, f.n_appts, sizeof *f.appts, dump_cmp_appt_id);
	fprintf(out,
		"{\"format\": \"parcours-access\", \"version\": %d, "
		"\"generated_on\": \"%s\",\n \"participant\":\n",
		DUMP_VERSION, date_format_iso(today, d));
	dump_write_file(out, &f);
	fputs(",\n \"journal\": [", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out,
			"%s\n    {\"seq\": %llu, \"time\": %lld, \"who\": ",
			i ? "," : "", (unsigned long long)j[i].seq,
			(long long)j[i].time);
		json_write_string(out, j[i].who);
		fputs(", \"what\": ", out);
		json_write_string(out, j[i].what);
		if (j[i].login != NULL) {
			fputs(", \"login\": ", out);
			json_write_string(out, j[i].login);
		}
		fputc('}', out);
		journal_entry_clear(&j[i]);
	}
	fputs(n ? "\n ]\n}\n" : "]\n}\n", out);
	free(j);
	participant_file_clear(&f);
	if (fflush(out) != 0 || ferror(out))
		return error_set(cause, PC_EIO, "%s",
				 _("cannot write the output"));
	return PC_OK;
}

struct erase_args {
	const struct edit_ctx *ctx;
	uint64_t id; /* one participant; 0 for a purge */
	bool force;
	pdate before; /* purge: exits before this date */
	bool dry_run;
	size_t erased, held;
};

static int erase_one(struct store_txn *t, const struct erase_args *a,
		     uint64_t id)
{
	struct journal_entry e = { 0 };
	char what[128], d[DATE_BUFSZ];
	size_t forgotten;
	int rc = store_participant_delete(t, id);

	/* The journal's lines about the person go too (an exit's reason may
	 * be their health); only the erasure's line, without personal data,
	 * stays. */
	if (rc == PC_OK)
		rc = store_journal_forget(t, id, &forgotten);
	/* With the deletion, the note that the file is still to rewrite:
	 * an interrupted rewrite is finished at the next open. */
	if (rc == PC_OK)
		rc = store_mark_rewrite(t);
	if (rc != PC_OK)
		return rc;
	/* Nothing personal: the number and the date only. */
	snprintf(what, sizeof what, "participant %llu erased on %s",
		 (unsigned long long)id, date_format_iso(a->ctx->today, d));
	e.time = a->ctx->now;
	e.who = (char *)(a->ctx->who ? a->ctx->who : "");
	e.login = (char *)a->ctx->login;
	e.participant = id;
	e.what = what;
	return store_journal_add(t, &e);
}

/* Can participant a->id be erased: there, readable, and not held (unless
 * forced)? The refusal says why and what to do. */
static int erasable(struct store_txn *t, const struct erase_args *a,
		    char **cause)
{
	struct participant p;
	int rc = store_participant_get(t, a->id, &p);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("participant %llu not found"),
				 (unsigned long long)a->id);
	if (rc == PC_ECORRUPT)
		return error_set(
			cause, rc,
			_("participant %llu: the record is damaged and cannot "
			  "be erased as it is; restore a backup (parcours "
			  "restore FILE), or write what reads (parcours dump "
			  "--salvage), load it into a new database and erase "
			  "there"),
			(unsigned long long)a->id);
	if (rc != PC_OK)
		return rc;
	if (p.legal_hold && !a->force)
		rc = error_set(cause, PC_EINVAL,
			       _("participant %llu is under a legal hold (the "
				 "funder's retention period): not erased; "
				 "--force erases all the same"),
			       (unsigned long long)a->id);
	participant_clear(&p);
	return rc;
}

static int erase_cb(struct store_txn *t, void *arg, char **cause)
{
	struct erase_args *a = arg;
	int rc = erasable(t, a, cause);

	return rc == PC_OK ? erase_one(t, a, a->id) : rc;
}

static int purge_cb(struct store_txn *t, void *arg, char **cause)
{
	struct erase_args *a = arg;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc = store_caseload_ids(t, NULL, &ids, &n);

	(void)cause;
	a->erased = a->held = 0;
	for (size_t i = 0; rc == PC_OK && i < n; i++) {
		struct participant p;
		bool gone;

		rc = store_participant_get(t, ids[i], &p);
		if (rc != PC_OK)
			break;
		/* An exit at hiring still followed is not gone yet. */
		gone = p.status == STATUS_EXITED && p.exit_date != DATE_NONE &&
		       p.exit_date < a->before && !rules_after_exit(a->ctx->config, &p);
		if (gone && p.legal_hold)
			a->held++;
		else if (gone) {
			a->erased++;
			if (!a->dry_run)
				rc = erase_one(t, a, ids[i]);
		}
		participant_clear(&p);
	}
	free(ids);
	return rc;
}

/* The copies restore keeps aside in the database directory. */
#define ASIDE_PREFIX "data.mdb.before-restore-"

/*
 * Erase from one copy kept aside, `name` in `dir`: opened alone in a
 * directory of its own beside it (a hard link as its data.mdb), `fn` run,
 * rewritten onto fresh pages, and put back in its place. A copy that does
 * not hold the participant is left as it is. On failure the copy is left
 * as it was and *cause names it.
 */
static int erase_from_copy(const char *dir, const char *name,
			   store_write_fn fn, struct erase_args *a,
			   char **cause)
{
	char *copy = NULL, *tmp = NULL, *data = NULL, *lock = NULL;
	char *plock = NULL;
	struct store *s = NULL;
	int rc = PC_ENOMEM;

	if (asprintf(&copy, "%s/%s", dir, name) < 0)
		copy = NULL;
	if (asprintf(&tmp, "%s/.erase-XXXXXX", dir) < 0)
		tmp = NULL;
	if (copy == NULL || tmp == NULL)
		goto out;
	if (mkdtemp(tmp) == NULL) {
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"), dir,
			       strerror(errno));
		goto out;
	}
	if (asprintf(&data, "%s/data.mdb", tmp) < 0 ||
	    asprintf(&lock, "%s/lock.mdb", tmp) < 0 ||
	    asprintf(&plock, "%s/%s", tmp, STORE_LOCK_FILE) < 0)
		goto clean;
	if (link(copy, data) != 0) {
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"), copy,
			       strerror(errno));
		goto clean;
	}
	rc = store_open_exclusive(tmp, &s, cause);
	if (rc == PC_OK)
		rc = store_write(s, fn, a, cause);
	if (rc == PC_ENOTFOUND) {
		/* Not in this copy (added after it was made). */
		free(*cause);
		*cause = NULL;
		store_close(&s);
		rc = PC_OK;
		goto clean;
	}
	if (rc == PC_OK)
		rc = store_rewrite_close(&s, cause);
	store_close(&s);
	/* The rewritten file replaces the copy; the old one, holding the
	 * freed pages, goes with its last link. */
	if (rc == PC_OK && rename(data, copy) != 0)
		rc = error_set(cause, PC_EIO, _("%s: cannot write: %s"), copy,
			       strerror(errno));
	if (rc == PC_OK)
		rc = store_share_file(dir, copy, cause);
clean:
	if (data != NULL)
		unlink(data);
	if (lock != NULL)
		unlink(lock);
	if (plock != NULL)
		unlink(plock);
	rmdir(tmp);
out:
	if (rc != PC_OK && rc != PC_ENOMEM && copy != NULL && *cause != NULL) {
		char *first = *cause;

		*cause = NULL;
		error_set(cause, rc,
			  _("%s; %s still holds what was erased: remove it"),
			  first, copy);
		free(first);
	} else if (rc == PC_ENOMEM && *cause == NULL) {
		error_set(cause, rc, "%s", error_string(rc));
	}
	free(copy);
	free(tmp);
	free(data);
	free(lock);
	free(plock);
	return rc;
}

/*
 * The erasure reaches every copy of the database parcours made in its
 * directory: the ones restore kept aside. Backups written elsewhere are
 * out of its reach (the README says so).
 */
static int erase_from_copies(const char *dir, store_write_fn fn,
			     const struct erase_args *model, char **cause)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = PC_OK;

	if (d == NULL)
		return error_set(cause, PC_EIO, "%s: %s", dir,
				 strerror(errno));
	while (rc == PC_OK && (e = readdir(d)) != NULL) {
		struct erase_args a = *model;

		if (strncmp(e->d_name, ASIDE_PREFIX, strlen(ASIDE_PREFIX)) !=
		    0)
			continue;
		rc = erase_from_copy(dir, e->d_name, fn, &a, cause);
	}
	closedir(d);
	return rc;
}

/* erasable(), in a read transaction of its own. */
static int erase_allowed(struct store *s, const struct erase_args *a,
			 char **cause)
{
	struct store_txn *t = NULL;
	int rc = store_read_begin(s, &t, cause);

	if (rc == PC_OK)
		rc = erasable(t, a, cause);
	store_read_end(&t);
	return rc;
}

/*
 * Run `fn` on the database opened alone, then rewrite its file. An
 * erasure first reaches the copies kept aside (the person stays in the
 * database until they are clean, so an interruption there is undone by
 * erasing again), then deletes and marks the rewrite in one transaction
 * (an interruption after it is finished at the next open).
 */
static int alone(const char *dir, store_write_fn fn, struct erase_args *a,
		 bool rewrite, char **cause)
{
	struct store *s = NULL;
	int rc = store_open_exclusive(dir, &s, cause);

	if (rc != PC_OK)
		return rc;
	if (rewrite && a->id != 0)
		rc = erase_allowed(s, a, cause);
	if (rc == PC_OK && rewrite)
		rc = erase_from_copies(dir, fn, a, cause);
	if (rc == PC_OK)
		rc = store_write(s, fn, a, cause);
	if (rc == PC_OK && rewrite)
		return store_rewrite_close(&s, cause);
	store_close(&s);
	return rc;
}

int rights_erase(const char *dir, const struct edit_ctx *ctx, uint64_t id,
		 bool force, char **cause)
{
	struct erase_args a = { .ctx = ctx, .id = id, .force = force };

	return alone(dir, erase_cb, &a, true, cause);
}

int rights_purge(const char *dir, const struct edit_ctx *ctx, pdate before,
		 bool dry_run, size_t *erased, size_t *held, char **cause)
{
	struct erase_args a = { .ctx = ctx,
				.before = before,
				.dry_run = dry_run };
	int rc;

	/* A dry run writes nothing; store_write with nothing done commits
	 * an empty transaction, harmless. */
	rc = alone(dir, purge_cb, &a, !dry_run, cause);
	*erased = a.erased;
	*held = a.held;
	return rc;
}

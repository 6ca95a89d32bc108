/* transfer.c: a participant's whole file handed to another database
 * (transfer-out); transfer-in is in load.c, beside the dump's reading. */
#include "transfer.h"
#include "atomic.h"
#include "dump.h"
#include "edit_internal.h"
#include "error.h"
#include "export.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file of `f` from database `uuid`, made on `today`. */
static int write_transfer(FILE *out, const struct participant_file *f,
			  const char *uuid, pdate today)
{
	char d[DATE_BUFSZ];

	fprintf(out,
		"{\"format\": \"%s\", \"version\": %d, \"schema_version\": %d,"
		"\n \"database_id\": \"%s\", \"made_on\": \"%s\","
		"\n \"participants\": [\n",
		TRANSFER_FORMAT, TRANSFER_VERSION, STORE_SCHEMA_VERSION, uuid,
		date_format_iso(today, d));
	dump_write_file(out, f);
	fputs("]}\n", out);
	return fflush(out) != 0 || ferror(out) ? PC_EIO : PC_OK;
}

struct mark_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
};

/* They leave the caseload, not the PLIE: no exit reason, not counted. */
static int mark_cb(struct store_txn *t, void *arg, char **cause)
{
	struct mark_args *a = arg;
	struct participant_file f;
	size_t cancelled = 0;
	char d[DATE_BUFSZ];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	if (f.p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL,
			       _("%s %s has left the PLIE meanwhile"),
			       f.p.first_name, f.p.last_name);
	for (size_t i = 0; rc == PC_OK && i < f.n_appts; i++) {
		if (f.appts[i].status != APPT_PLANNED ||
		    f.appts[i].date < a->ctx->today)
			continue;
		f.appts[i].status = APPT_CANCELLED;
		rc = store_appointment_update(t, &f.appts[i]);
		cancelled++;
	}
	if (rc == PC_OK) {
		f.p.status = STATUS_EXITED;
		f.p.exit_date = a->ctx->today;
		f.p.transferred = a->ctx->today;
		rc = store_participant_update(t, &f.p);
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid,
				  "transferred out on %s (its file made); %zu "
				  "planned appointments cancelled",
				  date_format_iso(a->ctx->today, d), cancelled);
	participant_file_clear(&f);
	return rc;
}

int transfer_out(struct store *s, const struct edit_ctx *ctx, uint64_t pid,
		 const char *path, char **cause)
{
	struct store_txn *t = NULL;
	struct participant_file f;
	struct atomic_file af;
	struct mark_args a = { ctx, pid };
	char hex[STORE_ID_SIZE], uuid[EXPORT_UUID_SIZE];
	int rc = store_read_begin(s, &t, cause);

	if (rc == PC_OK)
		rc = store_file_load(t, pid, &f);
	if (rc == PC_OK && (rc = store_id(t, hex)) != PC_OK)
		participant_file_clear(&f);
	store_read_end(&t);
	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("no participant %llu"),
				 (unsigned long long)pid);
	if (rc != PC_OK)
		return error_set(cause, rc, "%s", error_string(rc));
	if (f.p.status == STATUS_EXITED) {
		rc = error_set(cause, PC_EINVAL,
			       _("%s %s has left the PLIE: nothing to "
				 "transfer"),
			       f.p.first_name, f.p.last_name);
		participant_file_clear(&f);
		return rc;
	}
	export_uuid(hex, uuid);
	errno = 0;
	rc = atomic_open(&af, path, cause);
	if (rc == PC_OK) {
		rc = write_transfer(af.f, &f, uuid, ctx->today);
		if (rc == PC_OK) {
			rc = atomic_commit(&af, cause);
		} else {
			if (errno == ENOSPC)
				rc = PC_EFULL;
			error_set(cause, rc, _("%s: cannot write: %s"), path,
				  strerror(errno ? errno : EIO));
			atomic_abort(&af);
		}
	}
	participant_file_clear(&f);
	/* The file is whole: now they leave the caseload. */
	if (rc == PC_OK)
		rc = store_write(s, mark_cb, &a, cause);
	return rc;
}

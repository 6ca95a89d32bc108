/* edit.c: validated changes, each in one write transaction with a journal line.
 */
#include "edit.h"
#include "edit_internal.h"
#include "error.h"
#include "fse.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A journal line holds at most this many bytes (a load takes up to
 * MODEL_LINE_MAX): a long note is cut, at a character's boundary. */
#define JOURNAL_WHAT_MAX 900

/*
 * Make `s` one line a load takes back: control characters (a line break
 * or a tab in a note, C1 controls) become spaces, and it is cut at
 * JOURNAL_WHAT_MAX bytes on a character's boundary, with "…".
 */
static void journal_line(char *s)
{
	size_t n = strlen(s), keep;
	unsigned char *u = (unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			u[i] = ' ';
		else if (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 &&
			 u[i + 1] <= 0x9f)
			u[i] = u[i + 1] = ' ';
	}
	if (n <= JOURNAL_WHAT_MAX)
		return;
	/* Cut before the character that would not leave room for "…". */
	keep = JOURNAL_WHAT_MAX - 3;
	while (keep > 0 && (u[keep] & 0xc0) == 0x80)
		keep--;
	memcpy(s + keep, "…", sizeof "…");
}

int edit_journal(struct store_txn *t, const struct edit_ctx *ctx, uint64_t pid,
		 const char *fmt, ...)
{
	struct journal_entry e = { 0 };
	char *what = NULL;
	va_list ap;
	int rc, len;

	va_start(ap, fmt);
	len = vasprintf(&what, fmt, ap);
	va_end(ap);
	if (len < 0)
		return PC_ENOMEM;
	journal_line(what);
	e.time = ctx->now;
	e.who = (char *)(ctx->who ? ctx->who : "");
	e.login = (char *)ctx->login;
	e.participant = pid;
	e.what = what;
	rc = store_journal_add(t, &e);
	free(what);
	return rc;
}

int edit_check_date(pdate d, const char *what, char **cause)
{
	if (d == DATE_NONE)
		return error_set(cause, PC_EINVAL, _("%s: a date is needed"),
				 what);
	if (!date_in_range(d))
		return error_set(cause, PC_EINVAL, _("%s: outside %d–%d"), what,
				 DATE_YEAR_MIN, DATE_YEAR_MAX);
	return PC_OK;
}

int edit_check_past_date(pdate d, pdate today, const char *what, char **cause)
{
	int rc = edit_check_date(d, what, cause);

	if (rc == PC_OK && d > today)
		rc = error_set(cause, PC_EINVAL,
			       _("%s: cannot be in the future"), what);
	return rc;
}

char *edit_dup(const char *s)
{
	return s != NULL && *s != '\0' ? strdup(s) : NULL;
}

int edit_load(struct store_txn *t, uint64_t pid, struct participant *p,
	      char **cause)
{
	int rc;

	participant_init(p); /* cleared is safe to clear, whatever happens */
	rc = store_participant_get(t, pid, p);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("participant %llu not found"),
				 (unsigned long long)pid);
	return rc;
}

int edit_load_file(struct store_txn *t, uint64_t pid,
		   struct participant_file *f, char **cause)
{
	int rc = store_file_load(t, pid, f);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("participant %llu not found"),
				 (unsigned long long)pid);
	return rc;
}

/* ---- new participant ---- */

struct add_args {
	const struct edit_ctx *ctx;
	const struct participant *p;
	pdate entry;
	uint64_t id;
};

int edit_check_identity(const struct edit_ctx *ctx, const struct participant *p,
			char **cause)
{
	int rc;

	if ((rc = model_text_check(_("last name"), p->last_name,
				   MODEL_TEXT_NAME, true, cause)) != PC_OK ||
	    (rc = model_text_check(_("first name"), p->first_name,
				   MODEL_TEXT_NAME, true, cause)) != PC_OK ||
	    (rc = model_text_check(_("phone"), p->phone, MODEL_TEXT_LINE, false,
				   cause)) != PC_OK ||
	    (rc = model_text_check(_("email"), p->email, MODEL_TEXT_LINE, false,
				   cause)) != PC_OK ||
	    (rc = model_text_check(_("referent"), p->referent, MODEL_TEXT_NAME,
				   false, cause)) != PC_OK ||
	    (rc = model_text_check("publics", p->publics, MODEL_TEXT_LINE,
				   false, cause)) != PC_OK)
		return rc;
	if (p->birth_date != DATE_NONE &&
	    (rc = edit_check_date(p->birth_date, _("birth date"), cause)) !=
		    PC_OK)
		return rc;
	if (p->birth_date != DATE_NONE && p->birth_date >= ctx->today)
		return error_set(cause, PC_EINVAL,
				 _("birth date: must be in the past"));
	if (p->publics != NULL && *p->publics != '\0') {
		const char *s = p->publics;

		while (*s) {
			const char *comma = strchr(s, ',');
			size_t len = comma ? (size_t)(comma - s) : strlen(s);
			char id[64];

			if (len == 0 || len >= sizeof id)
				return error_set(cause, PC_EINVAL,
						 _("publics: bad list"));
			memcpy(id, s, len);
			id[len] = '\0';
			if (config_public(ctx->config, id) == NULL)
				return error_set(cause, PC_EINVAL,
						 _("publics: unknown category "
						   "'%s'"),
						 id);
			s += len + (comma != NULL);
		}
	}
	return PC_OK;
}

int edit_participant_add_txn(struct store_txn *t, const struct edit_ctx *ctx,
			     const struct participant *in, pdate entry,
			     const char *how, uint64_t *id)
{
	struct participant p = *in;
	struct stage_move m = { 0 };
	struct fse_entry first;
	int rc;

	p.id = 0;
	p.entry_date = entry;
	p.stage_since = entry;
	p.status = STATUS_ACTIVE;
	p.exit_date = DATE_NONE;
	p.exit_reason = NULL;
	p.exit_positive = false;
	p.exit_validated = DATE_NONE;
	p.exit_hired = DATE_NONE;
	p.exit_lost = DATE_NONE;
	p.exit_lost_reason = NULL;
	p.transferred = DATE_NONE;
	p.origin = NULL;
	if (p.stage == NULL)
		p.stage = ctx->config->stages[0].id;
	if (p.referent == NULL)
		p.referent = ctx->config->referent;
	rc = store_participant_add(t, &p, id);
	m.participant = *id;
	m.date = entry;
	m.stage = p.stage;
	if (rc == PC_OK)
		rc = store_move_add(t, &m, NULL);
	/* Gender, education, situation given with the identity (an import)
	 * are the first entry answers of the funder's questionnaire. */
	p.id = *id;
	if (rc == PC_OK && fse_entry_from_identity(&p, &first))
		rc = store_fse_entry_add(t, &first, NULL);
	if (rc == PC_OK)
		rc = edit_journal(t, ctx, *id, "participant %s in stage %s",
				  how, p.stage);
	return rc;
}

static int add_cb(struct store_txn *t, void *arg, char **cause)
{
	struct add_args *a = arg;

	(void)cause;
	return edit_participant_add_txn(t, a->ctx, a->p, a->entry, "added",
					&a->id);
}

int edit_participant_add(struct store *s, const struct edit_ctx *ctx,
			 const struct participant *p, pdate entry, uint64_t *id,
			 char **cause)
{
	struct add_args a = { ctx, p, entry, 0 };
	int rc = edit_check_identity(ctx, p, cause);

	if (rc == PC_OK)
		rc = edit_check_past_date(entry, ctx->today, _("entry date"),
					  cause);
	if (rc == PC_OK && p->stage != NULL &&
	    config_stage(ctx->config, p->stage, NULL) == NULL)
		rc = error_set(cause, PC_EINVAL, _("unknown stage '%s'"),
			       p->stage);
	if (rc == PC_OK)
		rc = store_write(s, add_cb, &a, cause);
	if (rc == PC_OK && id != NULL)
		*id = a.id;
	return rc;
}

/* ---- notes ---- */

struct note_args {
	const struct edit_ctx *ctx;
	struct note n;
};

static int note_cb(struct store_txn *t, void *arg, char **cause)
{
	struct note_args *a = arg;
	struct participant p;
	int rc = edit_load(t, a->n.participant, &p, cause);

	participant_clear(&p);
	if (rc == PC_OK)
		rc = store_note_add(t, &a->n, NULL);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->n.participant, "note added");
	return rc;
}

int edit_note_add(struct store *s, const struct edit_ctx *ctx,
		  uint64_t participant, pdate date, const char *text,
		  char **cause)
{
	struct note_args a = { ctx, { participant, 0, date, (char *)text } };
	int rc = edit_check_date(date, _("date"), cause);

	if (rc == PC_OK)
		rc = model_text_check(_("note"), text, MODEL_TEXT_NOTE, true,
				      cause);
	return rc == PC_OK ? store_write(s, note_cb, &a, cause) : rc;
}

struct note_fix_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	uint32_t seq;
	pdate date;
	const char *text; /* NULL: delete the note */
	const char *was;  /* the text the change was made on; NULL: any */
};

static int note_fix_cb(struct store_txn *t, void *arg, char **cause)
{
	struct note_fix_args *a = arg;
	struct participant_file f;
	struct note *n = NULL;
	char d[DATE_BUFSZ];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_notes; i++)
		if (f.notes[i].seq == a->seq)
			n = &f.notes[i];
	if (n == NULL) {
		rc = error_set(cause, PC_ENOTFOUND,
			       _("This note is no longer there (deleted in "
				 "another window?); nothing was saved."));
	} else if (a->was != NULL &&
		   (n->text == NULL || strcmp(n->text, a->was) != 0)) {
		/* Changed since it was read: another window, or a note
		 * that took its number. */
		rc = error_set(cause, PC_EINVAL,
			       _("This note was changed in another window "
				 "since it was opened; nothing was saved. "
				 "Look at it again."));
	} else if (a->text == NULL) {
		rc = store_note_delete(t, a->pid, a->seq);
		if (rc == PC_OK)
			rc = edit_journal(
				t, a->ctx, a->pid, "note %u of %s deleted",
				(unsigned)a->seq, date_format_iso(n->date, d));
	} else if (n->date == a->date && n->text != NULL &&
		   strcmp(n->text, a->text) == 0) {
		rc = error_set(cause, PC_EINVAL,
			       _("nothing to change: same date and text"));
	} else {
		char *text = strdup(a->text);

		if (text == NULL) {
			rc = PC_ENOMEM;
		} else {
			free(n->text);
			n->text = text;
			date_format_iso(n->date, d);
			n->date = a->date;
			rc = store_note_put(t, n);
		}
		if (rc == PC_OK)
			rc = edit_journal(t, a->ctx, a->pid,
					  "note %u of %s edited",
					  (unsigned)a->seq, d);
	}
	participant_file_clear(&f);
	return rc;
}

int edit_note_edit(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, uint32_t seq, pdate date,
		   const char *text, const char *was, char **cause)
{
	struct note_fix_args a = { ctx, participant, seq, date, text, was };
	int rc = edit_check_date(date, _("date"), cause);

	if (rc == PC_OK)
		rc = model_text_check(_("note"), text, MODEL_TEXT_NOTE, true,
				      cause);
	return rc == PC_OK ? store_write(s, note_fix_cb, &a, cause) : rc;
}

int edit_note_delete(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, uint32_t seq, const char *was,
		     char **cause)
{
	struct note_fix_args a = {
		ctx, participant, seq, DATE_NONE, NULL, was
	};

	return store_write(s, note_fix_cb, &a, cause);
}

/* ---- stages ---- */

struct move_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	const char *stage;
	pdate date;
};

static int move_cb(struct store_txn *t, void *arg, char **cause)
{
	struct move_args *a = arg;
	struct participant p;
	struct stage_move m = { 0 };
	char d[DATE_BUFSZ];
	int rc = edit_load(t, a->pid, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	else if (p.stage_since != DATE_NONE && a->date < p.stage_since)
		rc = error_set(cause, PC_EINVAL,
			       _("date: the last stage change was on %s"),
			       date_format_local(p.stage_since, d));
	else if (p.stage != NULL && strcmp(p.stage, a->stage) == 0)
		rc = error_set(cause, PC_EINVAL, _("already in this stage"));
	if (rc == PC_OK) {
		char *stage = strdup(a->stage);

		if (stage == NULL) {
			rc = PC_ENOMEM;
		} else {
			free(p.stage);
			p.stage = stage;
			p.stage_since = a->date;
			rc = store_participant_update(t, &p);
		}
	}
	m.participant = a->pid;
	m.date = a->date;
	m.stage = (char *)a->stage;
	if (rc == PC_OK)
		rc = store_move_add(t, &m, NULL);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid, "stage %s from %s",
				  a->stage, date_format_iso(a->date, d));
	participant_clear(&p);
	return rc;
}

int edit_stage_move(struct store *s, const struct edit_ctx *ctx,
		    uint64_t participant, const char *stage, pdate date,
		    char **cause)
{
	struct move_args a = { ctx, participant, stage, date };
	int rc = edit_check_past_date(date, ctx->today, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (config_stage(ctx->config, stage, NULL) == NULL)
		return error_set(cause, PC_EINVAL, _("unknown stage '%s'"),
				 stage ? stage : "");
	return store_write(s, move_cb, &a, cause);
}

/* ---- identity and referent ---- */

struct identity_args {
	const struct edit_ctx *ctx;
	const struct participant *p;
	const char *referent;
};

/* Replace *dst with a copy of src (NULL or "" gives NULL). */
static int replace(char **dst, const char *src)
{
	char *copy = edit_dup(src);

	if (src != NULL && *src != '\0' && copy == NULL)
		return PC_ENOMEM;
	free(*dst);
	*dst = copy;
	return PC_OK;
}

static int identity_cb(struct store_txn *t, void *arg, char **cause)
{
	struct identity_args *a = arg;
	const struct participant *n = a->p;
	struct participant p;
	int rc = edit_load(t, n->id, &p, cause);

	if (rc != PC_OK)
		return rc;
	if ((rc = replace(&p.last_name, n->last_name)) == PC_OK &&
	    (rc = replace(&p.first_name, n->first_name)) == PC_OK &&
	    (rc = replace(&p.phone, n->phone)) == PC_OK &&
	    (rc = replace(&p.email, n->email)) == PC_OK &&
	    (rc = replace(&p.publics, n->publics)) == PC_OK) {
		p.birth_date = n->birth_date;
		p.gender = n->gender;
		rc = store_participant_update(t, &p);
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, n->id, "identity edited");
	participant_clear(&p);
	return rc;
}

int edit_identity(struct store *s, const struct edit_ctx *ctx,
		  const struct participant *p, char **cause)
{
	struct identity_args a = { ctx, p, NULL };
	int rc = edit_check_identity(ctx, p, cause);

	return rc == PC_OK ? store_write(s, identity_cb, &a, cause) : rc;
}

static int transfer_cb(struct store_txn *t, void *arg, char **cause)
{
	struct identity_args *a = arg;
	struct participant p;
	char *old;
	int rc = edit_load(t, a->p->id, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.referent != NULL && strcmp(p.referent, a->referent) == 0) {
		participant_clear(&p);
		return error_set(cause, PC_EINVAL, _("already followed by %s"),
				 a->referent);
	}
	old = p.referent;
	p.referent = strdup(a->referent);
	if (p.referent == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK)
		rc = store_participant_update(t, &p);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, p.id, "transferred from %s to %s",
				  old ? old : "", a->referent);
	free(old);
	participant_clear(&p);
	return rc;
}

int edit_transfer(struct store *s, const struct edit_ctx *ctx,
		  uint64_t participant, const char *referent, char **cause)
{
	struct participant who;
	struct identity_args a = { ctx, &who, referent };
	int rc = model_text_check(_("referent"), referent, MODEL_TEXT_NAME,
				  true, cause);

	if (rc != PC_OK)
		return rc;
	participant_init(&who);
	who.id = participant;
	return store_write(s, transfer_cb, &a, cause);
}

struct reassign_args {
	const struct edit_ctx *ctx;
	const char *from, *to;
	size_t moved;
};

static int reassign_cb(struct store_txn *t, void *arg, char **cause)
{
	struct reassign_args *a = arg;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc = store_caseload_ids(t, a->from, &ids, &n);

	/* A retried transaction (a map grown) counts again from zero. */
	a->moved = 0;
	for (size_t i = 0; rc == PC_OK && i < n; i++) {
		struct participant p;
		char *to = strdup(a->to);

		rc = to == NULL ? PC_ENOMEM : edit_load(t, ids[i], &p, cause);
		if (rc != PC_OK) {
			free(to);
			break;
		}
		free(p.referent);
		p.referent = to;
		rc = store_participant_update(t, &p);
		if (rc == PC_OK)
			rc = edit_journal(t, a->ctx, p.id,
					  "reassigned from %s to %s", a->from,
					  a->to);
		if (rc == PC_OK)
			a->moved++;
		participant_clear(&p);
	}
	free(ids);
	return rc;
}

int edit_reassign(struct store *s, const struct edit_ctx *ctx, const char *from,
		  const char *to, size_t *moved, char **cause)
{
	struct reassign_args a = { ctx, from, to, 0 };
	int rc = model_text_check(_("referent"), to, MODEL_TEXT_NAME, true,
				  cause);

	*moved = 0;
	if (rc != PC_OK)
		return rc;
	if (strcmp(from, to) == 0)
		return error_set(cause, PC_EINVAL,
				 _("--from and --to name the same referent"));
	rc = store_write(s, reassign_cb, &a, cause);
	if (rc == PC_OK)
		*moved = a.moved;
	return rc;
}

struct hold_args {
	const struct edit_ctx *ctx;
	uint64_t id;
	bool hold;
};

static int hold_cb(struct store_txn *t, void *arg, char **cause)
{
	struct hold_args *a = arg;
	struct participant p;
	int rc = edit_load(t, a->id, &p, cause);

	if (rc == PC_OK) {
		p.legal_hold = a->hold;
		rc = store_participant_update(t, &p);
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->id, "legal hold %s",
				  a->hold ? "set" : "lifted");
	participant_clear(&p);
	return rc;
}

int edit_hold(struct store *s, const struct edit_ctx *ctx, uint64_t participant,
	      bool hold, char **cause)
{
	struct hold_args a = { ctx, participant, hold };

	return store_write(s, hold_cb, &a, cause);
}

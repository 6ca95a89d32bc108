/* edit.c: validated changes, each in one write transaction with a journal line.
 */
#include "edit.h"
#include "employment.h"
#include "rules.h"
#include "error.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append a journal line about `pid` (printf-style, English, no personal
 * data beyond what the record itself holds). */
static int journal(struct store_txn *t, const struct edit_ctx *ctx,
		   uint64_t pid, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int journal(struct store_txn *t, const struct edit_ctx *ctx,
		   uint64_t pid, const char *fmt, ...)
{
	struct journal_entry e = { 0 };
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	e.time = ctx->now;
	e.who = (char *)(ctx->who ? ctx->who : "");
	e.participant = pid;
	e.what = what;
	return store_journal_add(t, &e);
}

/* A date within the one range of the program (date.h). */
static int check_date(pdate d, const char *what, char **cause)
{
	if (d == DATE_NONE)
		return error_set(cause, PC_EINVAL, _("%s: a date is needed"),
				 what);
	if (!date_in_range(d))
		return error_set(cause, PC_EINVAL, _("%s: outside %d–%d"), what,
				 DATE_YEAR_MIN, DATE_YEAR_MAX);
	return PC_OK;
}

/* A valid date, today or before: outcomes, moves, exits are facts. */
static int check_past_date(pdate d, pdate today, const char *what, char **cause)
{
	int rc = check_date(d, what, cause);

	if (rc == PC_OK && d > today)
		rc = error_set(cause, PC_EINVAL,
			       _("%s: cannot be in the future"), what);
	return rc;
}

static char *dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? strdup(s) : NULL;
}

static int load(struct store_txn *t, uint64_t pid, struct participant *p,
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

/* Everything on one participant; "not found" said plainly. */
static int load_file(struct store_txn *t, uint64_t pid,
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
	    (rc = check_date(p->birth_date, _("birth date"), cause)) != PC_OK)
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
	int rc;

	p.id = 0;
	p.entry_date = entry;
	p.stage_since = entry;
	p.status = STATUS_ACTIVE;
	p.exit_date = DATE_NONE;
	p.exit_reason = NULL;
	p.exit_positive = false;
	p.exit_validated = DATE_NONE;
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
	if (rc == PC_OK)
		rc = journal(t, ctx, *id, "participant %s in stage %s", how,
			     p.stage);
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
		rc = check_past_date(entry, ctx->today, _("entry date"), cause);
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

/* ---- appointments ---- */

struct plan_args {
	const struct edit_ctx *ctx;
	struct appointment a;
	uint64_t id;
};

static int plan_cb(struct store_txn *t, void *arg, char **cause)
{
	struct plan_args *a = arg;
	struct participant p;
	char d[DATE_BUFSZ];
	int rc = load(t, a->a.participant, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	participant_clear(&p);
	if (rc == PC_OK)
		rc = store_appointment_add(t, &a->a, &a->id);
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->a.participant,
			     "appointment %llu planned on %s",
			     (unsigned long long)a->id,
			     date_format_iso(a->a.date, d));
	return rc;
}

int edit_appointment_plan(struct store *s, const struct edit_ctx *ctx,
			  uint64_t participant, pdate date, int minute,
			  const char *kind, enum appointment_mode mode,
			  uint64_t *id, char **cause)
{
	struct plan_args a = { .ctx = ctx };
	int rc = check_date(date, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (minute != APPT_NO_TIME && (minute < 0 || minute >= 24 * 60))
		return error_set(cause, PC_EINVAL, _("time: out of range"));
	rc = model_text_check(_("kind"), kind, MODEL_TEXT_NAME, true, cause);
	if (rc != PC_OK)
		return rc;
	appointment_init(&a.a);
	a.a.participant = participant;
	a.a.date = date;
	a.a.minute = minute;
	a.a.kind = (char *)kind;
	a.a.mode = mode;
	a.a.status = APPT_PLANNED;
	rc = store_write(s, plan_cb, &a, cause);
	if (rc == PC_OK && id != NULL)
		*id = a.id;
	return rc;
}

struct outcome_args {
	const struct edit_ctx *ctx;
	uint64_t id;
	enum appointment_status status;
	const char *note;
};

static int outcome_cb(struct store_txn *t, void *arg, char **cause)
{
	struct outcome_args *o = arg;
	struct appointment a;
	char d[DATE_BUFSZ];
	int rc = store_appointment_get(t, o->id, &a);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("appointment %llu not found"),
				 (unsigned long long)o->id);
	if (rc != PC_OK)
		return rc;
	if (o->status != APPT_CANCELLED && a.date > o->ctx->today)
		rc = error_set(cause, PC_EINVAL,
			       _("this appointment is on %s: its outcome can "
				 "be recorded from that day"),
			       date_format_iso(a.date, d));
	if (rc == PC_OK) {
		a.status = o->status;
		if (o->note != NULL && *o->note != '\0') {
			char *n = strdup(o->note);

			if (n == NULL)
				rc = PC_ENOMEM;
			free(a.note);
			a.note = n;
		}
	}
	if (rc == PC_OK)
		rc = store_appointment_update(t, &a);
	if (rc == PC_OK)
		rc = journal(t, o->ctx, a.participant,
			     "appointment %llu of %s marked %s",
			     (unsigned long long)a.id,
			     date_format_iso(a.date, d),
			     appointment_status_name(o->status));
	appointment_clear(&a);
	return rc;
}

int edit_appointment_outcome(struct store *s, const struct edit_ctx *ctx,
			     uint64_t appointment,
			     enum appointment_status status, const char *note,
			     char **cause)
{
	struct outcome_args o = { ctx, appointment, status, note };
	int rc;

	if (status == APPT_PLANNED || status > APPT_CANCELLED)
		return error_set(cause, PC_EINVAL, _("not an outcome"));
	rc = model_text_check(_("note"), note, MODEL_TEXT_NOTE, false, cause);
	return rc == PC_OK ? store_write(s, outcome_cb, &o, cause) : rc;
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
	int rc = load(t, a->n.participant, &p, cause);

	participant_clear(&p);
	if (rc == PC_OK)
		rc = store_note_add(t, &a->n, NULL);
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->n.participant, "note added");
	return rc;
}

int edit_note_add(struct store *s, const struct edit_ctx *ctx,
		  uint64_t participant, pdate date, const char *text,
		  char **cause)
{
	struct note_args a = { ctx, { participant, 0, date, (char *)text } };
	int rc = check_date(date, _("date"), cause);

	if (rc == PC_OK)
		rc = model_text_check(_("note"), text, MODEL_TEXT_NOTE, true,
				      cause);
	return rc == PC_OK ? store_write(s, note_cb, &a, cause) : rc;
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
	int rc = load(t, a->pid, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	else if (p.stage_since != DATE_NONE && a->date < p.stage_since)
		rc = error_set(cause, PC_EINVAL,
			       _("date: the last stage change was on %s"),
			       date_format_iso(p.stage_since, d));
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
		rc = journal(t, a->ctx, a->pid, "stage %s from %s", a->stage,
			     date_format_iso(a->date, d));
	participant_clear(&p);
	return rc;
}

int edit_stage_move(struct store *s, const struct edit_ctx *ctx,
		    uint64_t participant, const char *stage, pdate date,
		    char **cause)
{
	struct move_args a = { ctx, participant, stage, date };
	int rc = check_past_date(date, ctx->today, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (config_stage(ctx->config, stage, NULL) == NULL)
		return error_set(cause, PC_EINVAL, _("unknown stage '%s'"),
				 stage ? stage : "");
	return store_write(s, move_cb, &a, cause);
}

/* ---- jobs and check-ins ---- */

struct job_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	const struct job *job;
	int offset;
	pdate done;
};

static int job_cb(struct store_txn *t, void *arg, char **cause)
{
	struct job_args *a = arg;
	struct participant p;
	struct job j = *a->job;
	char d[DATE_BUFSZ];
	int rc = load(t, a->pid, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.status == STATUS_EXITED) {
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	} else {
		p.status = STATUS_FOLLOWUP;
		rc = store_participant_update(t, &p);
	}
	j.participant = a->pid;
	j.n_checkins = 0;
	j.ended = DATE_NONE;
	if (rc == PC_OK)
		rc = store_job_add(t, &j, NULL);
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->pid, "job started on %s",
			     date_format_iso(j.start, d));
	participant_clear(&p);
	return rc;
}

/* What a job must be, started or corrected. */
static int check_job(const struct job *job, char **cause)
{
	int rc = check_date(job->start, _("start date"), cause);

	if (rc == PC_OK)
		rc = model_text_check(_("employer"), job->employer,
				      MODEL_TEXT_NAME, true, cause);
	if (rc == PC_OK)
		rc = model_text_check(_("contract"), job->contract,
				      MODEL_TEXT_LINE, false, cause);
	if (rc == PC_OK && job->planned_end != DATE_NONE)
		rc = check_date(job->planned_end, _("planned end"), cause);
	if (rc != PC_OK)
		return rc;
	if (job->planned_end != DATE_NONE && job->planned_end < job->start)
		return error_set(cause, PC_EINVAL,
				 _("planned end: before the start"));
	if (job->weekly_minutes < 0 || job->weekly_minutes > 60 * 60)
		return error_set(cause, PC_EINVAL,
				 _("weekly hours: out of range"));
	return PC_OK;
}

int edit_job_start(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, const struct job *job, char **cause)
{
	struct job_args a = { ctx, participant, job, 0, DATE_NONE };
	int rc = check_job(job, cause);

	if (rc != PC_OK)
		return rc;
	return store_write(s, job_cb, &a, cause);
}

const char *const job_end_reasons[JOB_END_REASONS] = {
	"contract-ended", "resigned", "dismissed", "trial-period", "other",
};

struct job_end_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	uint32_t seq;
	pdate ended;
	const char *reason;
};

static int job_end_cb(struct store_txn *t, void *arg, char **cause)
{
	struct job_end_args *a = arg;
	struct participant_file f;
	char d[DATE_BUFSZ];
	int rc = load_file(t, a->pid, &f, cause);
	struct job *j = NULL;

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_jobs; i++)
		if (f.jobs[i].seq == a->seq)
			j = &f.jobs[i];
	if (j == NULL)
		rc = error_set(cause, PC_ENOTFOUND, _("job %u not found"),
			       (unsigned)a->seq);
	else if (j->ended != DATE_NONE)
		rc = error_set(cause, PC_EINVAL, _("this job ended on %s"),
			       date_format_iso(j->ended, d));
	else if (a->ended < j->start)
		rc = error_set(cause, PC_EINVAL,
			       _("end date: before the job started (%s)"),
			       date_format_iso(j->start, d));
	if (rc == PC_OK) {
		char *reason = strdup(a->reason);

		if (reason == NULL) {
			rc = PC_ENOMEM;
		} else {
			free(j->end_reason);
			j->end_reason = reason;
			j->ended = a->ended;
			rc = store_job_update(t, j);
		}
	}
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->pid, "job %u ended on %s (%s)",
			     (unsigned)a->seq, date_format_iso(a->ended, d),
			     a->reason);
	participant_file_clear(&f);
	return rc;
}

struct job_fix_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	const struct job *fixed;
};

static int job_fix_cb(struct store_txn *t, void *arg, char **cause)
{
	struct job_fix_args *a = arg;
	struct participant_file f;
	struct job *j = NULL;
	char d[DATE_BUFSZ];
	int rc = load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_jobs; i++)
		if (f.jobs[i].seq == a->fixed->seq)
			j = &f.jobs[i];
	if (j == NULL)
		rc = error_set(cause, PC_ENOTFOUND, _("job %u not found"),
			       (unsigned)a->fixed->seq);
	else if (j->ended != DATE_NONE && j->ended < a->fixed->start)
		rc = error_set(cause, PC_EINVAL,
			       _("start date: after the job ended (%s)"),
			       date_format_iso(j->ended, d));
	for (size_t k = 0; rc == PC_OK && k < j->n_checkins; k++)
		if (j->checkins[k].done != DATE_NONE &&
		    j->checkins[k].done < a->fixed->start)
			rc = error_set(cause, PC_EINVAL,
				       _("start date: after a check-in held on "
					 "%s"),
				       date_format_iso(j->checkins[k].done, d));
	if (rc == PC_OK) {
		char *employer = strdup(a->fixed->employer);
		char *contract = dup_or_null(a->fixed->contract);

		if (employer == NULL ||
		    (a->fixed->contract != NULL && contract == NULL)) {
			free(employer);
			free(contract);
			rc = PC_ENOMEM;
		} else {
			free(j->employer);
			free(j->contract);
			j->employer = employer;
			j->contract = contract;
			j->start = a->fixed->start;
			j->planned_end = a->fixed->planned_end;
			j->weekly_minutes = a->fixed->weekly_minutes;
			rc = store_job_update(t, j);
		}
	}
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->pid, "job %u corrected",
			     (unsigned)a->fixed->seq);
	participant_file_clear(&f);
	return rc;
}

int edit_job_correct(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, const struct job *fixed,
		     char **cause)
{
	struct job_fix_args a = { ctx, participant, fixed };
	int rc = check_job(fixed, cause);

	return rc != PC_OK ? rc : store_write(s, job_fix_cb, &a, cause);
}

int edit_job_end(struct store *s, const struct edit_ctx *ctx,
		 uint64_t participant, uint32_t job_seq, pdate ended,
		 const char *reason, char **cause)
{
	struct job_end_args a = { ctx, participant, job_seq, ended, reason };
	bool known = false;
	int rc = check_date(ended, _("end date"), cause);

	if (rc != PC_OK)
		return rc;
	if (ended > ctx->today)
		return error_set(cause, PC_EINVAL,
				 _("end date: after today; record the end on "
				   "the day it comes"));
	for (size_t i = 0; reason != NULL && i < JOB_END_REASONS; i++)
		known |= strcmp(reason, job_end_reasons[i]) == 0;
	if (!known)
		return error_set(cause, PC_EINVAL,
				 _("end reason: '%s' is not one of "
				   "contract-ended, resigned, dismissed, "
				   "trial-period, other"),
				 reason ? reason : "");
	return store_write(s, job_end_cb, &a, cause);
}

static int checkin_cb(struct store_txn *t, void *arg, char **cause)
{
	struct job_args *a = arg;
	struct participant_file f;
	const struct job *cur;
	struct job j;
	char d[DATE_BUFSZ];
	int rc = load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	cur = participant_file_current_job(&f);
	if (cur == NULL) {
		participant_file_clear(&f);
		return error_set(cause, PC_EINVAL, _("no job in progress"));
	}
	j = *cur;
	if (a->done < j.start)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the job started (%s)"),
			       date_format_iso(j.start, d));
	if (rc == PC_OK) {
		size_t i;

		for (i = 0; i < j.n_checkins; i++)
			if (j.checkins[i].offset_days == a->offset)
				break;
		if (i == JOB_MAX_CHECKINS)
			rc = error_set(cause, PC_EINVAL,
				       _("too many check-ins"));
		else {
			j.checkins[i].offset_days = a->offset;
			j.checkins[i].done = a->done;
			if (i == j.n_checkins)
				j.n_checkins++;
			rc = store_job_update(t, &j);
		}
	}
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->pid, "check-in D+%d held on %s",
			     a->offset, date_format_iso(a->done, d));
	participant_file_clear(&f);
	return rc;
}

int edit_checkin(struct store *s, const struct edit_ctx *ctx,
		 uint64_t participant, int offset_days, pdate done,
		 char **cause)
{
	struct job_args a = { ctx, participant, NULL, offset_days, done };
	int rc = check_past_date(done, ctx->today, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (offset_days < 0 || offset_days > 3650)
		return error_set(cause, PC_EINVAL, _("check-in: out of range"));
	return store_write(s, checkin_cb, &a, cause);
}

/* ---- exit ---- */

struct exit_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	pdate date;
	const struct config_exit_reason *reason;
	const char *forced; /* the note that forces a refused reason, or NULL */
};

/*
 * Under `exit_validation: followup`, a positive reason that needs six
 * months of qualifying work, or eight months in twelve, is refused until
 * the jobs show them on the exit date: the refusal says what they show.
 */
static int exit_backed(const struct exit_args *a,
		       const struct participant_file *f, char **cause)
{
	const struct config *c = a->ctx->config;
	struct employment_status w;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (c->exit_validation != EXIT_AFTER_FOLLOWUP || !a->reason->positive ||
	    a->reason->needs == EXIT_NEEDS_NOTHING || a->forced != NULL)
		return PC_OK;
	rules_employment(c, f, a->date, &w);
	if (a->reason->needs == EXIT_NEEDS_SEASON) {
		if (w.seasonal)
			return PC_OK;
		return error_set(cause, PC_EINVAL,
				 _("Needs eight months of work in the last "
				   "twelve: the jobs show %d days of %d. "
				   "Choose another reason, or say why in "
				   "\"Forced, why\"."),
				 w.worked_days, w.season_days);
	}
	if (w.reached)
		return PC_OK;
	if (w.since == DATE_NONE)
		return error_set(cause, PC_EINVAL,
				 _("Needs six months of qualifying work (at "
				   "least half-time): none is recorded. Choose "
				   "another reason, or say why in \"Forced, "
				   "why\"."));
	return error_set(cause, PC_EINVAL,
			 _("Needs six months of qualifying work: from %s, "
			   "reached on %s. Choose another reason, or say why "
			   "in \"Forced, why\"."),
			 date_format_iso(w.since, d1),
			 date_format_iso(w.six_months, d2));
}

static int exit_cb(struct store_txn *t, void *arg, char **cause)
{
	struct exit_args *a = arg;
	struct participant_file f;
	char *reason;
	char d[DATE_BUFSZ];
	int rc = load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	if (f.p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("already left on %s"),
			       date_format_iso(f.p.exit_date, d));
	else if (f.p.entry_date != DATE_NONE && a->date < f.p.entry_date)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the entry (%s)"),
			       date_format_iso(f.p.entry_date, d));
	else
		rc = exit_backed(a, &f, cause);
	/* Planned appointments after the exit will not take place. */
	for (size_t i = 0; rc == PC_OK && i < f.n_appts; i++) {
		if (f.appts[i].status != APPT_PLANNED ||
		    f.appts[i].date < a->date)
			continue;
		f.appts[i].status = APPT_CANCELLED;
		rc = store_appointment_update(t, &f.appts[i]);
	}
	if (rc == PC_OK && (reason = strdup(a->reason->id)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK) {
		free(f.p.exit_reason);
		f.p.exit_reason = reason;
		f.p.status = STATUS_EXITED;
		f.p.exit_date = a->date;
		f.p.exit_positive = a->reason->positive;
		f.p.exit_validated = a->reason->positive ? a->date : DATE_NONE;
		rc = store_participant_update(t, &f.p);
	}
	if (rc == PC_OK && a->forced != NULL)
		rc = journal(t, a->ctx, a->pid, "exit on %s: %s, forced: %s",
			     date_format_iso(a->date, d), a->reason->id,
			     a->forced);
	else if (rc == PC_OK)
		rc = journal(t, a->ctx, a->pid, "exit on %s: %s",
			     date_format_iso(a->date, d), a->reason->id);
	participant_file_clear(&f);
	return rc;
}

int edit_exit(struct store *s, const struct edit_ctx *ctx, uint64_t participant,
	      pdate date, const char *reason, const char *forced, char **cause)
{
	struct exit_args a = { ctx, participant, date,
			       config_exit_reason(ctx->config, reason),
			       forced != NULL && *forced != '\0' ? forced
								 : NULL };
	int rc = check_past_date(date, ctx->today, _("date"), cause);

	if (rc == PC_OK && a.forced != NULL)
		rc = model_text_check(_("note"), a.forced, MODEL_TEXT_NOTE,
				      true, cause);

	if (rc != PC_OK)
		return rc;
	if (a.reason == NULL)
		return error_set(cause, PC_EINVAL,
				 _("unknown exit reason '%s'"),
				 reason ? reason : "");
	return store_write(s, exit_cb, &a, cause);
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
	char *copy = dup_or_null(src);

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
	int rc = load(t, n->id, &p, cause);

	if (rc != PC_OK)
		return rc;
	if ((rc = replace(&p.last_name, n->last_name)) == PC_OK &&
	    (rc = replace(&p.first_name, n->first_name)) == PC_OK &&
	    (rc = replace(&p.phone, n->phone)) == PC_OK &&
	    (rc = replace(&p.email, n->email)) == PC_OK &&
	    (rc = replace(&p.publics, n->publics)) == PC_OK) {
		p.birth_date = n->birth_date;
		p.gender = n->gender;
		p.education = n->education;
		p.employment = n->employment;
		rc = store_participant_update(t, &p);
	}
	if (rc == PC_OK)
		rc = journal(t, a->ctx, n->id, "identity edited");
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
	int rc = load(t, a->p->id, &p, cause);

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
		rc = journal(t, a->ctx, p.id, "transferred from %s to %s",
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

struct hold_args {
	const struct edit_ctx *ctx;
	uint64_t id;
	bool hold;
};

static int hold_cb(struct store_txn *t, void *arg, char **cause)
{
	struct hold_args *a = arg;
	struct participant p;
	int rc = load(t, a->id, &p, cause);

	if (rc == PC_OK) {
		p.legal_hold = a->hold;
		rc = store_participant_update(t, &p);
	}
	if (rc == PC_OK)
		rc = journal(t, a->ctx, a->id, "legal hold %s",
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

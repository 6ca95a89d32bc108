/* edit_work.c: the changes about work: jobs started, ended, corrected,
 * in-work check-ins, and the exit from the PLIE with what backs it. */
#include "edit.h"
#include "edit_internal.h"
#include "employment.h"
#include "error.h"
#include "i18n.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	int rc = edit_load(t, a->pid, &p, cause);

	if (rc != PC_OK)
		return rc;
	/* After an exit at hiring, the follow-up goes on: a new contract
	 * may continue the work. */
	if (p.status == STATUS_EXITED &&
	    !rules_after_exit(a->ctx->config, &p)) {
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	} else if (p.status != STATUS_EXITED) {
		p.status = STATUS_FOLLOWUP;
		rc = store_participant_update(t, &p);
	}
	j.participant = a->pid;
	j.n_checkins = 0;
	j.ended = DATE_NONE;
	if (rc == PC_OK)
		rc = store_job_add(t, &j, NULL);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid, "job started on %s",
				  date_format_iso(j.start, d));
	participant_clear(&p);
	return rc;
}

/* After an exit, only the work of an exit at hiring still followed may
 * change: PC_EINVAL "has left" otherwise. */
static int still_followed(const struct edit_ctx *ctx,
			  const struct participant *p, char **cause)
{
	if (p->status != STATUS_EXITED || rules_after_exit(ctx->config, p))
		return PC_OK;
	return error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			 p->first_name, p->last_name);
}

/* What a job must be, started or corrected. */
static int check_job(const struct job *job, char **cause)
{
	int rc = edit_check_date(job->start, _("start date"), cause);

	if (rc == PC_OK)
		rc = model_text_check(_("employer"), job->employer,
				      MODEL_TEXT_NAME, true, cause);
	if (rc == PC_OK)
		rc = model_text_check(_("contract"), job->contract,
				      MODEL_TEXT_LINE, false, cause);
	if (rc == PC_OK && job->planned_end != DATE_NONE)
		rc = edit_check_date(job->planned_end, _("planned end"), cause);
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

/* `reason` is one of job_end_reasons: PC_EINVAL naming them otherwise. */
static int check_end_reason(const char *reason, char **cause)
{
	for (size_t i = 0; reason != NULL && i < JOB_END_REASONS; i++)
		if (strcmp(reason, job_end_reasons[i]) == 0)
			return PC_OK;
	return error_set(cause, PC_EINVAL,
			 _("end reason: '%s' is not one of contract-ended, "
			   "resigned, dismissed, trial-period, other"),
			 reason ? reason : "");
}

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
	int rc = edit_load_file(t, a->pid, &f, cause);
	struct job *j = NULL;

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_jobs; i++)
		if (f.jobs[i].seq == a->seq)
			j = &f.jobs[i];
	rc = still_followed(a->ctx, &f.p, cause);
	if (rc == PC_OK && j == NULL)
		rc = error_set(cause, PC_ENOTFOUND, _("job %u not found"),
			       (unsigned)a->seq);
	else if (rc == PC_OK && j->ended != DATE_NONE)
		rc = error_set(cause, PC_EINVAL, _("this job ended on %s"),
			       date_format_local(j->ended, d));
	else if (rc == PC_OK && a->ended < j->start)
		rc = error_set(cause, PC_EINVAL,
			       _("end date: before the job started (%s)"),
			       date_format_local(j->start, d));
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
		rc = edit_journal(t, a->ctx, a->pid, "job %u ended on %s (%s)",
				  (unsigned)a->seq,
				  date_format_iso(a->ended, d), a->reason);
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
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	for (size_t i = 0; i < f.n_jobs; i++)
		if (f.jobs[i].seq == a->fixed->seq)
			j = &f.jobs[i];
	rc = still_followed(a->ctx, &f.p, cause);
	if (rc == PC_OK && j == NULL)
		rc = error_set(cause, PC_ENOTFOUND, _("job %u not found"),
			       (unsigned)a->fixed->seq);
	else if (rc == PC_OK && j->ended != DATE_NONE &&
		 j->ended < a->fixed->start)
		rc = error_set(cause, PC_EINVAL,
			       _("start date: after the job ended (%s)"),
			       date_format_local(j->ended, d));
	for (size_t k = 0; rc == PC_OK && k < j->n_checkins; k++)
		if (j->checkins[k].done != DATE_NONE &&
		    j->checkins[k].done < a->fixed->start)
			rc = error_set(
				cause, PC_EINVAL,
				_("start date: after a check-in held on "
				  "%s"),
				date_format_local(j->checkins[k].done, d));
	if (rc == PC_OK) {
		char *employer = strdup(a->fixed->employer);
		char *contract = edit_dup(a->fixed->contract);

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
			/* The hiring an exit rests on moves with the start
			 * of its job. */
			if (rules_after_exit(a->ctx->config, &f.p) &&
			    f.p.exit_hired == j->start &&
			    f.p.exit_hired != a->fixed->start) {
				f.p.exit_hired = a->fixed->start;
				rc = store_participant_update(t, &f.p);
			}
			j->start = a->fixed->start;
			j->planned_end = a->fixed->planned_end;
			j->weekly_minutes = a->fixed->weekly_minutes;
			if (rc == PC_OK)
				rc = store_job_update(t, j);
		}
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid, "job %u corrected",
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
	int rc = edit_check_date(ended, _("end date"), cause);

	if (rc != PC_OK)
		return rc;
	if (ended > ctx->today)
		return error_set(cause, PC_EINVAL,
				 _("end date: after today; record the end on "
				   "the day it comes"));
	rc = check_end_reason(reason, cause);
	return rc != PC_OK ? rc : store_write(s, job_end_cb, &a, cause);
}

static int checkin_cb(struct store_txn *t, void *arg, char **cause)
{
	struct job_args *a = arg;
	struct participant_file f;
	const struct job *cur;
	struct job j;
	char d[DATE_BUFSZ];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	rc = still_followed(a->ctx, &f.p, cause);
	if (rc != PC_OK) {
		participant_file_clear(&f);
		return rc;
	}
	cur = participant_file_current_job(&f);
	if (cur == NULL) {
		participant_file_clear(&f);
		return error_set(cause, PC_EINVAL, _("no job in progress"));
	}
	j = *cur;
	if (a->done < j.start)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the job started (%s)"),
			       date_format_local(j.start, d));
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
		rc = edit_journal(t, a->ctx, a->pid, "check-in D+%d held on %s",
				  a->offset, date_format_iso(a->done, d));
	participant_file_clear(&f);
	return rc;
}

int edit_checkin(struct store *s, const struct edit_ctx *ctx,
		 uint64_t participant, int offset_days, pdate done,
		 char **cause)
{
	struct job_args a = { ctx, participant, NULL, offset_days, done };
	int rc = edit_check_past_date(done, ctx->today, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (offset_days < 0 || offset_days > 3650)
		return error_set(cause, PC_EINVAL, _("check-in: out of range"));
	return store_write(s, checkin_cb, &a, cause);
}

/* ---- exit ---- */

/* An exit's date (a fact: not after today) and its note in "Forced,
 * why" (NULL: none) as a note may be. */
static int check_forced(pdate date, pdate today, const char *forced,
			char **cause)
{
	int rc = edit_check_past_date(date, today, _("date"), cause);

	if (rc == PC_OK && forced != NULL)
		rc = model_text_check(_("note"), forced, MODEL_TEXT_NOTE, true,
				      cause);
	return rc;
}

struct exit_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	pdate date;
	const struct config_exit_reason *reason;
	const char *forced; /* the note that forces a refused reason, or NULL */
	const uint32_t *situations; /* the exit questionnaire, or NULL */
};

/* The refusal of a reason whose months the jobs do not show yet. */
static int not_backed(const struct employment_status *w, bool season,
		      char **cause)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (season)
		return error_set(cause, PC_EINVAL,
				 _("Needs eight months of work in the last "
				   "twelve: the jobs show %d days of %d. "
				   "Choose another reason, or say why in "
				   "\"Forced, why\"."),
				 w->worked_days, w->season_days);
	if (w->since == DATE_NONE)
		return error_set(cause, PC_EINVAL,
				 _("Needs six months of qualifying work (at "
				   "least half-time): none is recorded. Choose "
				   "another reason, or say why in \"Forced, "
				   "why\"."));
	return error_set(cause, PC_EINVAL,
			 _("Needs six months of qualifying work: from %s, "
			   "reached on %s. Choose another reason, or say why "
			   "in \"Forced, why\"."),
			 date_format_local(w->since, d1),
			 date_format_local(w->six_months, d2));
}

/* True when the months a reason needs are there in `w`. */
static bool months_reached(const struct employment_status *w, bool season)
{
	return season ? w->seasonal : w->reached;
}

/* The dates an exit stores, as edit_exit() sets them, and whether the
 * note in "Forced, why" was needed. */
struct exit_dates {
	pdate hired, validated;
	bool forced;
};

/* True when a temp mission ends on `day` (its recorded or planned end). */
static bool ends_with_mission(const struct participant_file *f, pdate day)
{
	for (size_t i = 0; i < f->n_jobs; i++) {
		const struct job *j = &f->jobs[i];
		pdate end = j->ended != DATE_NONE ? j->ended : j->planned_end;

		if (end == day && employment_temp_mission(j->contract))
			return true;
	}
	return false;
}

/* Under `exit_validation: hiring`: qualifying work must hold on the exit
 * date itself; the exit rests on its run (see exit_backed). */
static int backed_at_hiring(const struct exit_args *a,
			    const struct participant_file *f,
			    struct exit_dates *out, char **cause)
{
	const struct config *c = a->ctx->config;
	bool season = a->reason->needs == EXIT_NEEDS_SEASON;
	struct employment_status w, run;
	bool holds = rules_exit_run(c, f, a->date, a->date, &run);

	rules_employment(c, f, a->date, &w);
	if (holds)
		out->hired = run.since;
	/* Already there: validated at once, as under `followup`. */
	if (season ? w.seasonal : holds && run.reached)
		return PC_OK;
	/* A contract whose known end falls before its six months (not a
	 * temp mission: the next one is rarely known at hiring). */
	if (holds && !season && !run.on_course &&
	    run.until != EMPLOYMENT_OPEN && run.until > a->date &&
	    !ends_with_mission(f, run.until) && a->forced == NULL) {
		char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

		return error_set(cause, PC_EINVAL,
				 _("The work recorded ends on %s, before its "
				   "six months (%s): record what continues it "
				   "first, choose another reason, or say why "
				   "in \"Forced, why\"."),
				 date_format_local(run.until, d1),
				 date_format_local(run.six_months, d2));
	}
	if (holds) {
		if (!season && !run.on_course && run.until > a->date &&
		    !ends_with_mission(f, run.until))
			out->forced = true;
		out->validated = DATE_NONE; /* waits for its months */
		return PC_OK;
	}
	if (a->forced != NULL) {
		out->forced = true;
		return PC_OK;
	}
	return error_set(cause, PC_EINVAL,
			 _("An exit at hiring needs qualifying work (at least "
			   "half-time) going on on the exit date: record the "
			   "job first (J), choose another reason, or say why "
			   "in \"Forced, why\"."));
}

/*
 * What backs the exit, and its dates. A reason that is not positive has
 * neither date; one that needs nothing is validated at once. For one that
 * needs six months (eight in twelve for seasonal work): under `followup`
 * the jobs must show them on the exit date, and the exit is validated;
 * under `hiring` qualifying work must hold on the exit date, and the exit
 * waits for its months from the hiring, the first day of that work's run
 * (validated at once when they are already there). A note in `forced`
 * passes either check, and is then recorded as what forced it.
 */
static int exit_backed(const struct exit_args *a,
		       const struct participant_file *f, struct exit_dates *out,
		       char **cause)
{
	const struct config *c = a->ctx->config;
	bool season = a->reason->needs == EXIT_NEEDS_SEASON;
	struct employment_status w;

	out->hired = out->validated = DATE_NONE;
	out->forced = false;
	if (!a->reason->positive)
		return PC_OK;
	out->validated = a->date;
	if (a->reason->needs == EXIT_NEEDS_NOTHING)
		return PC_OK;
	if (c->exit_validation == EXIT_AT_HIRING)
		return backed_at_hiring(a, f, out, cause);
	rules_employment(c, f, a->date, &w);
	if (w.qualifying || w.reached)
		out->hired = w.since;
	if (months_reached(&w, season))
		return PC_OK;
	if (a->forced != NULL) {
		out->forced = true;
		return PC_OK;
	}
	return not_backed(&w, season, cause);
}

static int exit_cb(struct store_txn *t, void *arg, char **cause)
{
	struct exit_args *a = arg;
	struct participant_file f;
	struct exit_dates dates = { DATE_NONE, DATE_NONE, false };
	char *reason;
	char d[DATE_BUFSZ];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	if (f.p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("already left on %s"),
			       date_format_local(f.p.exit_date, d));
	else if (f.p.entry_date != DATE_NONE && a->date < f.p.entry_date)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the entry (%s)"),
			       date_format_local(f.p.entry_date, d));
	else
		rc = exit_backed(a, &f, &dates, cause);
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
		f.p.exit_validated = dates.validated;
		f.p.exit_hired = dates.hired;
		f.p.exit_lost = DATE_NONE;
		free(f.p.exit_lost_reason);
		f.p.exit_lost_reason = NULL;
		rc = store_participant_update(t, &f.p);
	}
	if (rc == PC_OK && a->situations != NULL) {
		struct fse_exit answers = { .participant = a->pid,
					    .date = a->date,
					    .situations = *a->situations };

		rc = store_fse_exit_add(t, &answers, NULL);
	}
	if (rc == PC_OK && dates.forced)
		rc = edit_journal(
			t, a->ctx, a->pid, "exit on %s: %s, forced: %s",
			date_format_iso(a->date, d), a->reason->id, a->forced);
	else if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid, "exit on %s: %s%s",
				  date_format_iso(a->date, d), a->reason->id,
				  participant_exit_pending(&f.p)
					  ? ", at hiring: to validate"
					  : "");
	participant_file_clear(&f);
	return rc;
}

int edit_exit(struct store *s, const struct edit_ctx *ctx, uint64_t participant,
	      pdate date, const char *reason, const char *forced,
	      const uint32_t *situations, char **cause)
{
	struct exit_args a = { ctx,
			       participant,
			       date,
			       config_exit_reason(ctx->config, reason),
			       forced != NULL && *forced != '\0' ? forced
								 : NULL,
			       situations };
	int rc = check_forced(date, ctx->today, a.forced, cause);

	if (rc != PC_OK)
		return rc;
	if (situations != NULL && (*situations & ~(uint32_t)FSE_EXIT_ALL) != 0)
		return error_set(cause, PC_EINVAL,
				 _("situation on leaving: not an answer"));
	if (a.reason == NULL)
		return error_set(cause, PC_EINVAL,
				 _("unknown exit reason '%s'"),
				 reason ? reason : "");
	return store_write(s, exit_cb, &a, cause);
}

/* ---- the outcome of an exit at hiring ---- */

struct outcome_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	enum exit_outcome outcome;
	pdate date;
	const char *reason; /* EXIT_LOST: an id of job_end_reasons */
	const char *forced;
};

/* Validate: the months the reason needs, reached by `date` on the work
 * the exit rests on (the run holding the hiring day). *forced when the
 * note passed what the jobs do not show. */
static int outcome_validated(const struct outcome_args *a,
			     const struct participant_file *f, bool *forced,
			     char **cause)
{
	const struct config *c = a->ctx->config;
	const struct config_exit_reason *why =
		config_exit_reason(c, f->p.exit_reason);
	bool season = why != NULL && why->needs == EXIT_NEEDS_SEASON;
	struct employment_status run, w;
	char d[DATE_BUFSZ], d2[DATE_BUFSZ];

	*forced = false;
	if (season ? employment_season_reached(c, f->jobs, f->n_jobs,
					       f->p.entry_date, f->p.exit_hired,
					       a->date) != DATE_NONE
		   : rules_exit_run(c, f, f->p.exit_hired, a->date, &run) &&
			     run.reached)
		return PC_OK;
	if (a->forced != NULL) {
		*forced = true;
		return PC_OK;
	}
	if (season) {
		rules_employment(c, f, a->date, &w);
		return error_set(cause, PC_EINVAL,
				 _("Not validated: eight months of work in "
				   "the last twelve are needed, the jobs show "
				   "%d days of %d. Validate later, or say why "
				   "in \"Forced, why\"."),
				 w.worked_days, w.season_days);
	}
	if (!rules_exit_run(c, f, f->p.exit_hired, a->ctx->today, &run) ||
	    (!run.on_course && !run.qualifying))
		return error_set(cause, PC_EINVAL,
				 _("Not validated: the work of the hiring "
				   "stopped before six months. Record the work "
				   "lost, or say why in \"Forced, why\"."));
	if (!run.on_course && run.until != EMPLOYMENT_OPEN &&
	    run.until > a->date)
		return error_set(
			cause, PC_EINVAL,
			_("Not validated: the work recorded ends on "
			  "%s, before its six months (%s). Record what "
			  "continues it, or say why in \"Forced, "
			  "why\"."),
			date_format_local(run.until, d),
			date_format_local(run.six_months, d2));
	return error_set(cause, PC_EINVAL,
			 _("Not validated: the six months of work are reached "
			   "on %s. Validate from then, or say why in "
			   "\"Forced, why\"."),
			 date_format_local(run.six_months, d));
}

/* The work lost: it must have stopped by `date`, before its months. */
static int outcome_lost(const struct outcome_args *a,
			const struct participant_file *f, char **cause)
{
	const struct config *c = a->ctx->config;
	const struct config_exit_reason *why =
		config_exit_reason(c, f->p.exit_reason);
	struct employment_status run;
	char d[DATE_BUFSZ];

	if (why != NULL && why->needs == EXIT_NEEDS_SEASON) {
		pdate met = employment_season_reached(c, f->jobs, f->n_jobs,
						      f->p.entry_date,
						      f->p.exit_hired, a->date);

		if (met == DATE_NONE)
			return PC_OK;
		return error_set(cause, PC_EINVAL,
				 _("Eight months of work in twelve were "
				   "reached on %s: validate the exit."),
				 date_format_local(met, d));
	}
	if (!rules_exit_run(c, f, f->p.exit_hired, a->ctx->today, &run))
		return PC_OK;
	if (run.on_course && run.six_months <= a->date)
		return error_set(cause, PC_EINVAL,
				 _("Six months of work were reached on %s: "
				   "validate the exit."),
				 date_format_local(run.six_months, d));
	if (run.until == EMPLOYMENT_OPEN || a->date <= run.until)
		return error_set(cause, PC_EINVAL,
				 _("The work goes on on that date: record the "
				   "end of the job first (L), then the work "
				   "lost from the day after."));
	return PC_OK;
}

static int outcome_cb(struct store_txn *t, void *arg, char **cause)
{
	struct outcome_args *a = arg;
	struct participant_file f;
	bool forced = false;
	char d[DATE_BUFSZ];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	if (!rules_after_exit(a->ctx->config, &f.p))
		rc = error_set(cause, PC_EINVAL,
			       _("%s %s has no exit at hiring waiting for "
				 "its validation"),
			       f.p.first_name, f.p.last_name);
	else if (a->date < f.p.exit_hired)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the hiring (%s)"),
			       date_format_local(f.p.exit_hired, d));
	else if (a->date < f.p.exit_date)
		rc = error_set(cause, PC_EINVAL,
			       _("date: before the exit (%s)"),
			       date_format_local(f.p.exit_date, d));
	else if (a->outcome == EXIT_VALIDATED)
		rc = outcome_validated(a, &f, &forced, cause);
	else
		rc = outcome_lost(a, &f, cause);
	if (rc == PC_OK && a->outcome == EXIT_VALIDATED) {
		f.p.exit_validated = a->date;
	} else if (rc == PC_OK) {
		char *why = strdup(a->reason);

		if (why == NULL) {
			rc = PC_ENOMEM;
		} else {
			free(f.p.exit_lost_reason);
			f.p.exit_lost_reason = why;
			f.p.exit_lost = a->date;
			f.p.exit_positive = false;
		}
	}
	if (rc == PC_OK)
		rc = store_participant_update(t, &f.p);
	if (rc == PC_OK && a->outcome == EXIT_LOST)
		rc = edit_journal(t, a->ctx, a->pid,
				  "exit not validated: work lost on %s (%s)",
				  date_format_iso(a->date, d), a->reason);
	else if (rc == PC_OK && forced)
		rc = edit_journal(t, a->ctx, a->pid,
				  "exit validated on %s, forced: %s",
				  date_format_iso(a->date, d), a->forced);
	else if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid, "exit validated on %s",
				  date_format_iso(a->date, d));
	participant_file_clear(&f);
	return rc;
}

int edit_exit_outcome(struct store *s, const struct edit_ctx *ctx,
		      uint64_t participant, enum exit_outcome outcome,
		      pdate date, const char *reason, const char *forced,
		      char **cause)
{
	struct outcome_args a = {
		ctx,	 participant,
		outcome, date,
		reason,	 forced != NULL && *forced != '\0' ? forced : NULL
	};
	int rc = check_forced(date, ctx->today, a.forced, cause);

	if (rc != PC_OK)
		return rc;
	if (outcome != EXIT_VALIDATED && outcome != EXIT_LOST)
		return error_set(cause, PC_EINVAL, _("unknown outcome"));
	if (outcome == EXIT_LOST &&
	    (rc = check_end_reason(reason, cause)) != PC_OK)
		return rc;
	return store_write(s, outcome_cb, &a, cause);
}

/* ---- an exit recorded by mistake ---- */

struct undo_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
};

static int exit_undo_cb(struct store_txn *t, void *arg, char **cause)
{
	struct undo_args *a = arg;
	struct participant_file f;
	size_t answers = 0;
	char d[DATE_BUFSZ], reason[128];
	int rc = edit_load_file(t, a->pid, &f, cause);

	if (rc != PC_OK)
		return rc;
	if (f.p.status != STATUS_EXITED) {
		rc = error_set(cause, PC_EINVAL,
			       _("%s %s has not left the PLIE"), f.p.first_name,
			       f.p.last_name);
		participant_file_clear(&f);
		return rc;
	}
	/* The journal says what was undone. */
	date_format_iso(f.p.exit_date, d);
	snprintf(reason, sizeof reason, "%s",
		 f.p.exit_reason ? f.p.exit_reason : "");
	f.p.status = participant_file_current_job(&f) != NULL ? STATUS_FOLLOWUP
							      : STATUS_ACTIVE;
	f.p.exit_date = DATE_NONE;
	free(f.p.exit_reason);
	f.p.exit_reason = NULL;
	f.p.exit_positive = false;
	f.p.exit_validated = DATE_NONE;
	f.p.exit_hired = DATE_NONE;
	f.p.exit_lost = DATE_NONE;
	free(f.p.exit_lost_reason);
	f.p.exit_lost_reason = NULL;
	rc = store_participant_update(t, &f.p);
	/* The answers about leaving were about this exit. */
	if (rc == PC_OK)
		rc = store_fse_after_exit_delete(t, a->pid, &answers);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid,
				  "exit on %s (%s) undone: %s again; "
				  "appointments it cancelled stay cancelled; "
				  "answer sets about leaving removed: %zu",
				  d, reason,
				  participant_status_name(f.p.status), answers);
	participant_file_clear(&f);
	return rc;
}

int edit_exit_undo(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, char **cause)
{
	struct undo_args a = { ctx, participant };

	return store_write(s, exit_undo_cb, &a, cause);
}

/* dialogs_work.c: the forms about work: a job started, ended or
 * corrected, an in-work check-in, and the exit with what backs it. */
#include "dialogs.h"
#include "error.h"
#include "form_dialog.h"
#include "format.h"
#include "i18n.h"
#include "tui.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the submit callbacks need: the participant, and the job (its seq;
 * 0 for a new one). */
struct work_ctx {
	uint64_t pid;
	size_t index;
};

/* ---- job and check-ins ---- */

/* The fields of the job form, in the order it shows them. */
enum { JOB_EMPLOYER, JOB_CONTRACT, JOB_START, JOB_PLANNED_END, JOB_HOURS };

static bool job_submit(struct tui *t, struct form_field *f, size_t n, void *arg,
		       char *message, size_t msize)
{
	struct work_ctx *x = arg;
	struct job j;
	char *cause = NULL;

	(void)n;
	job_init(&j);
	j.employer = f[JOB_EMPLOYER].text;
	j.contract = (char *)format_contracts[f[JOB_CONTRACT].choice].id;
	j.start = f[JOB_START].date;
	j.planned_end = f[JOB_PLANNED_END].date;
	j.weekly_minutes = (int)(f[JOB_HOURS].hundredths * 60 / 100);
	/* x->index: the job corrected, 0 for a new one. */
	j.seq = (uint32_t)x->index;
	return form_edited(x->index != 0 ? edit_job_correct(t->store, &t->ctx,
							    x->pid, &j, &cause)
					 : edit_job_start(t->store, &t->ctx,
							  x->pid, &j, &cause),
			   &cause, message, msize);
}

/* ---- the end of a job ---- */

/* The fields of the job end form, in the order it shows them. */
enum { END_DATE, END_REASON };

static bool job_end_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct work_ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_job_end(t->store, &t->ctx, x->pid,
					(uint32_t)x->index, f[END_DATE].date,
					job_end_reasons[f[END_REASON].choice],
					&cause),
			   &cause, message, msize);
}

/*
 * Ask when and why `j` ended, and record it; true when recorded. `why`
 * heads the form ("Record that a job ended · Carrefour").
 */
static bool ask_job_end(struct tui *t, const struct caseload_entry *e,
			const struct job *j)
{
	const char *reasons[JOB_END_REASONS];
	struct work_ctx x = { .pid = e->file.p.id, .index = j->seq };
	pdate proposed =
		j->planned_end != DATE_NONE && j->planned_end < t->today
			? j->planned_end
			: t->today;
	struct form_field f[] = {
		[END_DATE] = { .label = _("End date"),
			       .kind = FIELD_DATE,
			       .required = true,
			       .width = 12,
			       .text = form_date_text(proposed) },
		[END_REASON] = { .label = _("Reason"),
				 .kind = FIELD_CHOICE,
				 .choices = reasons,
				 .n_choices = JOB_END_REASONS },
	};
	char title[300], employer[200];
	bool saved;

	/* The entry (and j in it) is read again once the end is saved. */
	snprintf(employer, sizeof employer, "%s",
		 j->employer ? j->employer : "");
	for (size_t i = 0; i < JOB_END_REASONS; i++)
		reasons[i] = format_job_end_reason(job_end_reasons[i]);
	snprintf(title, sizeof title, _("Record that a job ended · %s"),
		 employer);
	saved = form_dialog_run(t, title, f, COUNT(f), job_end_submit, &x);
	if (saved) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("Job at %s ended."), employer);
	}
	form_fields_free(f, COUNT(f));
	return saved;
}

/* The jobs going on, latest first, in `out` (at most `max`). */
/* The jobs, latest first, in `out` (at most `max`): those going on only
 * when `open_only`. */
static size_t list_jobs(const struct caseload_entry *e, bool open_only,
			const struct job **out, size_t max)
{
	size_t n = 0;

	for (size_t i = e->file.n_jobs; i-- > 0 && n < max;) {
		const struct job *j = &e->file.jobs[i];

		if (!open_only ||
		    (j->start != DATE_NONE && j->ended == DATE_NONE))
			out[n++] = j;
	}
	return n;
}

static size_t open_jobs(const struct caseload_entry *e, const struct job **out,
			size_t max)
{
	return list_jobs(e, true, out, max);
}

/* A job's line in a pick list: "Carrefour · CDI · since 01/09/2026". */
static void job_label(const struct job *j, char *buf, size_t size)
{
	char d[DATE_BUFSZ];

	snprintf(buf, size, _("%s · %s · since %s"),
		 j->employer ? j->employer : "", format_contract(j->contract),
		 cli_date(j->start, d));
}

/*
 * One of the jobs (those going on when `open_only`), picked from a list
 * titled `question` when there are several; NULL, said on the message
 * line as `none`, when there is none, or when the referent gave up.
 */
static const struct job *pick_job(struct tui *t, const struct caseload_entry *e,
				  bool open_only, const char *question,
				  const char *none)
{
	const struct job *jobs[8];
	char labels[8][200];
	const char *items[8];
	size_t n = list_jobs(e, open_only, jobs, 8), pick = 0;

	if (n == 0) {
		tui_message(t, STYLE_ERROR, "%s", none);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		job_label(jobs[i], labels[i], sizeof labels[i]);
		items[i] = labels[i];
	}
	if (n > 1 && !form_dialog_pick(t, question, items, n, &pick))
		return NULL;
	return jobs[pick];
}

void dialog_job_end(struct tui *t, const struct caseload_entry *e)
{
	const struct job *j = pick_job(t, e, true, _("Which job ended?"),
				       _("No job going on: J records one."));

	if (j != NULL)
		ask_job_end(t, e, j);
}

/*
 * Before a new job, when one is going on: did it end (then when and why),
 * or does it go on beside the new one? False when the referent gave up.
 */
static bool settle_open_job(struct tui *t, const struct caseload_entry **ep)
{
	const struct job *jobs[8];
	uint64_t pid = (*ep)->file.p.id;
	char label[200], title[300];
	const char *items[2];
	size_t pick = 0;

	if (open_jobs(*ep, jobs, 8) == 0)
		return true;
	job_label(jobs[0], label, sizeof label);
	snprintf(title, sizeof title, _("%s: still going on?"), label);
	items[0] = _("it ended: record when and why");
	items[1] = _("it goes on beside the new job");
	if (!form_dialog_pick(t, title, items, 2, &pick))
		return false;
	if (pick == 1)
		return true;
	if (!ask_job_end(t, *ep, jobs[0]))
		return false;
	*ep = tui_entry(t, pid);
	return *ep != NULL;
}

/*
 * The job form, empty for a new job or filled from `old` to correct it;
 * true when saved.
 */
static bool job_form(struct tui *t, const struct caseload_entry *e,
		     const struct job *old)
{
	const char *c[FORMAT_N_CONTRACTS];
	struct work_ctx x = { .pid = e->file.p.id,
			      .index = old ? old->seq : 0 };
	char hours[16];
	size_t contract = 0;
	struct form_field f[] = {
		[JOB_EMPLOYER] = { .label = _("Employer"),
				   .kind = FIELD_TEXT,
				   .required = true },
		[JOB_CONTRACT] = { .label = _("Contract"),
				   .kind = FIELD_CHOICE,
				   .choices = c,
				   .n_choices = FORMAT_N_CONTRACTS },
		[JOB_START] = { .label = _("Start date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12 },
		[JOB_PLANNED_END] = { .label = _("Planned end"),
				      .kind = FIELD_DATE,
				      .width = 12 },
		[JOB_HOURS] = { .label = _("Weekly hours"),
				.kind = FIELD_NUMBER,
				.width = 6 },
	};
	bool saved;

	for (size_t i = 0; i < FORMAT_N_CONTRACTS; i++) {
		c[i] = _(format_contracts[i].name);
		if (old != NULL && old->contract != NULL &&
		    strcmp(old->contract, format_contracts[i].id) == 0)
			contract = i;
	}
	f[JOB_CONTRACT].choice = contract;
	form_field_set(&f[JOB_EMPLOYER], old ? old->employer : NULL);
	f[JOB_START].text = form_date_text(old ? old->start : t->today);
	if (old != NULL && old->planned_end != DATE_NONE)
		f[JOB_PLANNED_END].text = form_date_text(old->planned_end);
	if (old != NULL && old->weekly_minutes % 60 != 0)
		snprintf(hours, sizeof hours, "%d,%02d",
			 old->weekly_minutes / 60,
			 old->weekly_minutes % 60 * 100 / 60);
	else
		snprintf(hours, sizeof hours, "%d",
			 old ? old->weekly_minutes / 60 : 35);
	form_field_set(&f[JOB_HOURS], hours);
	saved = form_dialog_run(
		t, old ? _("Correct a job") : _("Record a job start"), f,
		COUNT(f), job_submit, &x);
	if (saved) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s",
			    old ? _("Job corrected.")
				: _("Job recorded: the in-work follow-up "
				    "starts."));
	}
	form_fields_free(f, COUNT(f));
	return saved;
}

void dialog_job(struct tui *t, const struct caseload_entry *e)
{
	if (settle_open_job(t, &e))
		job_form(t, e, NULL);
}

void dialog_job_correct(struct tui *t, const struct caseload_entry *e)
{
	const struct job *j = pick_job(t, e, false, _("Which job to correct?"),
				       _("No job recorded: J records one."));

	if (j != NULL)
		job_form(t, e, j);
}

/* The fields of the check-in form, in the order it shows them. */
enum { CHECKIN_WHICH, CHECKIN_DATE };

static bool checkin_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct work_ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(
		edit_checkin(t->store, &t->ctx, x->pid,
			     t->config->checkin_days[f[CHECKIN_WHICH].choice],
			     f[CHECKIN_DATE].date, &cause),
		&cause, message, msize);
}

void dialog_checkin(struct tui *t, const struct caseload_entry *e)
{
	const struct job *j = participant_file_current_job(&e->file);
	struct work_ctx x = { .pid = e->file.p.id };
	char labels[JOB_MAX_CHECKINS][96];
	const char *choices[JOB_MAX_CHECKINS];
	size_t first_open = SIZE_MAX;
	struct form_field f[] = {
		[CHECKIN_WHICH] = { .label = _("Check-in"),
				    .kind = FIELD_CHOICE },
		[CHECKIN_DATE] = { .label = _("Held on"),
				   .kind = FIELD_DATE,
				   .required = true,
				   .width = 12,
				   .text = form_date_text(t->today) },
	};

	if (j == NULL) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No job in progress: J records one."));
		form_fields_free(f, COUNT(f));
		return;
	}
	struct rules_followup fu;

	/* The follow-up the flags follow: the qualifying run's dates. */
	if (!rules_followup(t->config, &e->file, t->today, &fu))
		fu.start = fu.lo = fu.hi = j->start;
	for (size_t i = 0; i < t->config->n_checkins; i++) {
		int off = t->config->checkin_days[i];
		pdate done = rules_checkin_held(&e->file, &fu, off);
		char d[DATE_BUFSZ];

		bool held = done != DATE_NONE;

		const char *when = cli_date(held ? done : fu.start + off, d);
		/* TRANSLATORS: D+30: thirty days after the job started;
		 * French J+30. */
		int len = snprintf(labels[i], sizeof labels[i], _("D+%d"), off);

		if (len < 0 || (size_t)len >= sizeof labels[i])
			len = 0;
		snprintf(labels[i] + len, sizeof labels[i] - (size_t)len,
			 held ? _(" (held %s)") : _(" (due %s)"), when);
		if (!held && first_open == SIZE_MAX)
			first_open = i;
		choices[i] = labels[i];
	}
	f[CHECKIN_WHICH].choices = choices;
	f[CHECKIN_WHICH].n_choices = t->config->n_checkins;
	f[CHECKIN_WHICH].choice = first_open == SIZE_MAX ? 0 : first_open;
	if (form_dialog_run(t, _("Record an in-work check-in"), f, COUNT(f),
			    checkin_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("Check-in D+%d recorded."),
			    t->config->checkin_days[f[CHECKIN_WHICH].choice]);
	}
	form_fields_free(f, COUNT(f));
}

/* ---- exit ---- */

/* The fields of the exit form, in the order it shows them. */
enum { EXIT_DATE, EXIT_REASON, EXIT_SITUATIONS, EXIT_FORCED };

static bool exit_submit(struct tui *t, struct form_field *f, size_t n,
			void *arg, char *message, size_t msize)
{
	struct work_ctx *x = arg;
	uint32_t situations = UINT32_MAX;
	char *cause = NULL;

	(void)n;
	if (!dialog_warn_exit(t, x->pid, f[EXIT_DATE].date,
			      f[EXIT_REASON].choice, f[EXIT_FORCED].text,
			      message, msize))
		return false;
	/* Nothing ticked: the questionnaire is left for later (Q). */
	if (f[EXIT_SITUATIONS].text != NULL &&
	    *f[EXIT_SITUATIONS].text != '\0' &&
	    !dialog_fse_exit_bits(f[EXIT_SITUATIONS].text, &situations)) {
		snprintf(f[EXIT_SITUATIONS].error,
			 sizeof f[EXIT_SITUATIONS].error, "%s",
			 _("not a situation on leaving"));
		return false;
	}
	return form_edited(
		edit_exit(t->store, &t->ctx, x->pid, f[EXIT_DATE].date,
			  t->config->exit_reasons[f[EXIT_REASON].choice].id,
			  f[EXIT_FORCED].text,
			  situations != UINT32_MAX ? &situations : NULL,
			  &cause),
		&cause, message, msize);
}

/*
 * The reason the exit form proposes: the positive reason that names the
 * contract of the job going on (a CDI job: "cdi"; a CDD: "cdd-..."),
 * else, without a job, the first reason that is not positive. Never a
 * positive reason for someone who holds no job.
 */
static size_t proposed_reason(const struct config *c,
			      const struct participant_file *f)
{
	const struct job *j = participant_file_current_job(f);
	size_t first_other = 0;
	bool found_other = false;

	for (size_t i = 0; i < c->n_exit_reasons; i++) {
		const struct config_exit_reason *r = &c->exit_reasons[i];
		size_t n = j && j->contract ? strlen(j->contract) : 0;

		if (j != NULL && r->positive && n > 0 &&
		    strncmp(r->id, j->contract, n) == 0 &&
		    (r->id[n] == '\0' || r->id[n] == '-'))
			return i;
		if (!r->positive && !found_other) {
			first_other = i;
			found_other = true;
		}
	}
	return first_other;
}

void dialog_exit(struct tui *t, const struct caseload_entry *e)
{
	size_t n = t->config->n_exit_reasons;
	char(*labels)[160] = calloc(n, sizeof *labels);
	const char **choices = calloc(n, sizeof *choices);
	struct work_ctx x = { .pid = e->file.p.id };
	const char **exit_labels = dialog_fse_exit_labels();
	struct form_field f[] = {
		[EXIT_DATE] = { .label = _("Exit date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12,
				.text = form_date_text(t->today) },
		[EXIT_REASON] = { .label = _("Reason"), .kind = FIELD_CHOICE },
		/* The funder's exit questionnaire, in the same go. */
		[EXIT_SITUATIONS] = { .label = _("Situation on leaving"),
				      .kind = FIELD_MULTI },
		/* Only to record a positive reason its rule refuses. */
		[EXIT_FORCED] = { .label = _("Forced, why"),
				  .kind = FIELD_TEXT },
	};

	if (e->file.p.status == STATUS_EXITED) {
		tui_message(t, STYLE_ERROR, "%s", _("Already left the PLIE."));
		goto out;
	}
	if (labels == NULL || choices == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		snprintf(labels[i], sizeof labels[i], "%s%s",
			 t->config->exit_reasons[i].label,
			 t->config->exit_reasons[i].positive ? _(" (positive)")
							     : "");
		choices[i] = labels[i];
	}
	f[EXIT_REASON].choices = choices;
	f[EXIT_REASON].n_choices = n;
	f[EXIT_REASON].choice = proposed_reason(t->config, &e->file);
	if (exit_labels == NULL)
		goto out;
	f[EXIT_SITUATIONS].choices = exit_labels;
	f[EXIT_SITUATIONS].values = dialog_fse_exit_values;
	f[EXIT_SITUATIONS].n_choices = DIALOG_FSE_EXIT_COUNT;
	f[EXIT_SITUATIONS].show_labels = true;
	/* In work on leaving: what the job says. */
	if (participant_file_current_job(&e->file) != NULL)
		form_field_set(&f[EXIT_SITUATIONS], "employed");
	if (form_dialog_run(t,
			    t->config->exit_validation == EXIT_AT_HIRING
				    ? _("Record an exit (counted at hiring)")
				    : _("Record an exit"),
			    f, COUNT(f), exit_submit, &x)) {
		const struct caseload_entry *now;

		tui_refresh_participant(t, x.pid);
		now = tui_entry(t, x.pid);
		if (now != NULL && rules_after_exit(t->config, &now->file.p)) {
			char d[DATE_BUFSZ];

			tui_message(t, STYLE_OK,
				    _("Exit recorded, appointments after it "
				      "cancelled; in work since hiring (%s): "
				      "V validates."),
				    cli_date(now->file.p.exit_hired, d));
		} else {
			tui_message(t, STYLE_OK, "%s",
				    _("Exit recorded; planned appointments "
				      "after it are cancelled."));
		}
	}
out:
	form_fields_free(f, COUNT(f));
	free(labels);
	free(choices);
	free(exit_labels);
}

/* ---- the outcome of an exit at hiring ---- */

/* The fields of the outcome form, in the order it shows them. */
enum { OUTCOME_WHICH, OUTCOME_DATE, OUTCOME_REASON, OUTCOME_FORCED };

static bool outcome_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct work_ctx *x = arg;
	enum exit_outcome o =
		f[OUTCOME_WHICH].choice == 0 ? EXIT_VALIDATED : EXIT_LOST;
	char *cause = NULL;

	(void)n;
	return form_edited(
		edit_exit_outcome(
			t->store, &t->ctx, x->pid, o, f[OUTCOME_DATE].date,
			job_end_reasons[f[OUTCOME_REASON].choice],
			o == EXIT_VALIDATED ? f[OUTCOME_FORCED].text : NULL,
			&cause),
		&cause, message, msize);
}

void dialog_exit_outcome(struct tui *t, const struct caseload_entry *e)
{
	const char *reasons[JOB_END_REASONS];
	const char *outcomes[2] = {
		_("validated: the months in work are reached"),
		_("not validated: the work was lost before"),
	};
	struct work_ctx x = { .pid = e->file.p.id };
	pdate proposed = t->today;
	size_t which = 0;
	struct form_field f[] = {
		[OUTCOME_WHICH] = { .label = _("Outcome"),
				    .kind = FIELD_CHOICE,
				    .choices = outcomes,
				    .n_choices = 2 },
		[OUTCOME_DATE] = { .label = _("Date"),
				   .kind = FIELD_DATE,
				   .required = true,
				   .width = 12 },
		[OUTCOME_REASON] = { .label = _("If lost, why"),
				     .kind = FIELD_CHOICE,
				     .choices = reasons,
				     .n_choices = JOB_END_REASONS },
		/* Only to validate before the jobs show the months. */
		[OUTCOME_FORCED] = { .label = _("Forced, why"),
				     .kind = FIELD_TEXT },
	};

	if (!rules_after_exit(t->config, &e->file.p)) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No exit at hiring waiting for its validation: "
			      "x records an exit."));
		return;
	}
	/* What the flags say: the date the months were reached, or the
	 * first day without work. */
	for (size_t i = 0; i < e->summary.n_flags; i++) {
		const struct flag *fl = &e->summary.flags[i];

		if (fl->kind == FLAG_VALIDATE_EXIT) {
			proposed = fl->date;
			which = 0;
		} else if (fl->kind == FLAG_WORK_LOST) {
			proposed = fl->date;
			which = 1;
		}
	}
	for (size_t i = 0; i < JOB_END_REASONS; i++)
		reasons[i] = format_job_end_reason(job_end_reasons[i]);
	f[OUTCOME_WHICH].choice = which;
	f[OUTCOME_DATE].text = form_date_text(proposed);
	if (form_dialog_run(t, _("The exit at hiring: validated or lost"), f,
			    COUNT(f), outcome_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s",
			    f[OUTCOME_WHICH].choice == 0
				    ? _("Exit validated: a positive exit.")
				    : _("Work lost: the exit is no longer "
					"positive."));
	}
	form_fields_free(f, COUNT(f));
}

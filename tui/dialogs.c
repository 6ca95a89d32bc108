/* dialogs.c: one form per change a referent makes. */
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

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* What every submit callback needs. */
struct ctx {
	uint64_t pid;
	size_t index;	  /* a stage, an appointment, a check-in... */
	uint64_t appt_id; /* dialog_outcome */
	enum appointment_status status;
	const char *const *ids; /* ids behind a choice field */
};

/* ---- new participant ---- */

static const char *const genders[] = { N_("not given"), N_("female"),
				       N_("male"), N_("non-binary") };

static const char **stage_labels(const struct config *c)
{
	const char **out = calloc(c->n_stages, sizeof *out);

	for (size_t i = 0; out != NULL && i < c->n_stages; i++)
		out[i] = c->stages[i].label;
	return out;
}

/* The fields the new participant and identity forms start with. */
enum {
	PERSON_LAST_NAME,
	PERSON_FIRST_NAME,
	PERSON_BIRTH_DATE,
	PERSON_GENDER,
	PERSON_PHONE,
	PERSON_EMAIL,
	PERSON_FIELDS
};

/* Set up the first PERSON_FIELDS fields of `f`, with `g` the genders'
 * labels, from `p` (NULL: empty). Texts are the form's to free. */
static void person_fields(struct form_field *f, const char **g,
			  const struct participant *p)
{
	f[PERSON_LAST_NAME] = (struct form_field){ .label = _("Last name"),
						   .kind = FIELD_TEXT,
						   .required = true };
	f[PERSON_FIRST_NAME] = (struct form_field){ .label = _("First name"),
						    .kind = FIELD_TEXT,
						    .required = true };
	f[PERSON_BIRTH_DATE] = (struct form_field){ .label = _("Birth date"),
						    .kind = FIELD_DATE,
						    .width = 12 };
	f[PERSON_GENDER] = (struct form_field){ .label = _("Gender"),
						.kind = FIELD_CHOICE,
						.choices = g,
						.n_choices = COUNT(genders) };
	f[PERSON_PHONE] = (struct form_field){ .label = _("Phone"),
					       .kind = FIELD_TEXT,
					       .width = 20 };
	f[PERSON_EMAIL] =
		(struct form_field){ .label = _("Email"), .kind = FIELD_TEXT };
	if (p == NULL)
		return;
	form_field_set(&f[PERSON_LAST_NAME], p->last_name);
	form_field_set(&f[PERSON_FIRST_NAME], p->first_name);
	if (p->birth_date != DATE_NONE)
		f[PERSON_BIRTH_DATE].text = form_date_text(p->birth_date);
	f[PERSON_GENDER].choice = (size_t)p->gender;
	form_field_set(&f[PERSON_PHONE], p->phone);
	form_field_set(&f[PERSON_EMAIL], p->email);
}

/* What the person fields say, into `p` (which borrows the texts). */
static void person_read(const struct form_field *f, struct participant *p)
{
	p->last_name = f[PERSON_LAST_NAME].text;
	p->first_name = f[PERSON_FIRST_NAME].text;
	p->birth_date = f[PERSON_BIRTH_DATE].date;
	p->gender = (enum gender)f[PERSON_GENDER].choice;
	p->phone = f[PERSON_PHONE].text;
	p->email = f[PERSON_EMAIL].text;
}

/* The fields of the new participant form, after the person's. */
enum { NEW_ENTRY_DATE = PERSON_FIELDS, NEW_STAGE, NEW_FIELDS };

static bool new_submit(struct tui *t, struct form_field *f, size_t n, void *arg,
		       char *message, size_t msize)
{
	struct ctx *x = arg;
	struct participant p;
	char *cause = NULL;
	int rc;

	(void)n;
	participant_init(&p);
	person_read(f, &p);
	p.stage = t->config->stages[f[NEW_STAGE].choice].id;
	p.referent = (char *)cli_referent(t->cli);
	rc = edit_participant_add(t->store, &t->ctx, &p, f[NEW_ENTRY_DATE].date,
				  &x->pid, &cause);
	return form_edited(rc, &cause, message, msize);
}

void dialog_new_participant(struct tui *t)
{
	const char **g = form_translated(genders, COUNT(genders));
	const char **stages = stage_labels(t->config);
	struct form_field f[NEW_FIELDS] = {
		[NEW_ENTRY_DATE] = { .label = _("Entry date"),
				     .kind = FIELD_DATE,
				     .required = true,
				     .width = 12,
				     .text = form_date_text(t->today) },
		[NEW_STAGE] = { .label = _("Stage"),
				.kind = FIELD_CHOICE,
				.choices = stages,
				.n_choices = t->config->n_stages },
	};
	struct ctx x = { 0 };

	person_fields(f, g, NULL);
	if (g != NULL && stages != NULL &&
	    form_dialog_run(t, _("New participant"), f, COUNT(f), new_submit,
			    &x)) {
		struct view_target to = { .pid = x.pid };

		tui_refresh_participant(t, x.pid);
		tui_open(t, &to);
		tui_message(t, STYLE_OK, _("%s %s added."),
			    f[PERSON_FIRST_NAME].text,
			    f[PERSON_LAST_NAME].text);
	}
	form_fields_free(f, COUNT(f));
	free(g);
	free(stages);
}

/* ---- appointments ---- */

static const char *const modes[] = { N_("in person"), N_("phone"),
				     N_("video") };

/* The fields of the plan form, in the order it shows them. */
enum { PLAN_DATE, PLAN_TIME, PLAN_KIND, PLAN_MODE };

static bool plan_submit(struct tui *t, struct form_field *f, size_t n,
			void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_appointment_plan(
				   t->store, &t->ctx, x->pid, f[PLAN_DATE].date,
				   f[PLAN_TIME].minute, f[PLAN_KIND].text,
				   (enum appointment_mode)f[PLAN_MODE].choice,
				   &x->appt_id, &cause),
			   &cause, message, msize);
}

uint64_t dialog_plan(struct tui *t, const struct caseload_entry *e)
{
	const struct config_stage *st =
		config_stage(t->config, e->file.p.stage, NULL);
	const char **m = form_translated(modes, COUNT(modes));
	struct ctx x = { .pid = e->file.p.id };
	/* The next appointment at the stage's usual rhythm. */
	struct form_field f[] = {
		[PLAN_DATE] = { .label = _("Date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12,
				.text = form_date_text(
					t->today +
					(st ? st->contact_days : 14)) },
		[PLAN_TIME] = { .label = _("Time"),
				.kind = FIELD_TIME,
				.width = 6,
				.text = strdup("10:00") },
		[PLAN_KIND] = { .label = _("Kind"),
				.kind = FIELD_TEXT,
				.required = true,
				.text = strdup(_("interview")) },
		[PLAN_MODE] = { .label = _("Mode"),
				.kind = FIELD_CHOICE,
				.choices = m,
				.n_choices = COUNT(modes) },
	};
	char title[300], name[256];

	format_name(&e->file.p, name, sizeof name);
	snprintf(title, sizeof title, _("Plan an appointment · %s"), name);
	if (m != NULL &&
	    form_dialog_run(t, title, f, COUNT(f), plan_submit, &x)) {
		char d[DATE_BUFSZ];

		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("Appointment planned on %s."),
			    cli_date(f[PLAN_DATE].date, d));
	} else {
		x.appt_id = 0;
	}
	form_fields_free(f, COUNT(f));
	free(m);
	return x.appt_id;
}

/* The fields of the outcome form, in the order it shows them. */
enum { OUTCOME_NOTE };

static bool outcome_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_appointment_outcome(
				   t->store, &t->ctx, x->appt_id, x->status,
				   f[OUTCOME_NOTE].text, &cause),
			   &cause, message, msize);
}

void dialog_outcome(struct tui *t, const struct caseload_entry *e, size_t appt,
		    enum appointment_status status)
{
	const struct appointment *a;
	struct ctx x = { .pid = e->file.p.id, .status = status };
	struct form_field f[] = {
		[OUTCOME_NOTE] = { .label = _("Note"), .kind = FIELD_TEXT },
	};
	char title[300], d[DATE_BUFSZ], hm[16];

	if (appt >= e->file.n_appts) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No appointment selected: a plans one."));
		return;
	}
	a = &e->file.appts[appt];
	x.appt_id = a->id;
	form_field_set(&f[OUTCOME_NOTE], a->note);
	format_time(a->minute, hm, sizeof hm);
	snprintf(title, sizeof title, _("Appointment of %s %s (%s): %s"),
		 cli_date(a->date, d), hm, a->kind ? a->kind : "",
		 format_appt_status(status));
	if (form_dialog_run(t, title, f, COUNT(f), outcome_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		if (status == APPT_MISSED)
			tui_message(t, STYLE_OK, "%s",
				    _("Recorded as missed: a invites again."));
		else
			tui_message(t, STYLE_OK, _("Recorded as %s."),
				    format_appt_status(status));
	}
	form_fields_free(f, COUNT(f));
}

/* ---- notes ---- */

/* The fields of the note form, in the order it shows them. */
enum { NOTE_DATE, NOTE_TEXT };

static bool note_submit(struct tui *t, struct form_field *f, size_t n,
			void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_note_add(t->store, &t->ctx, x->pid,
					 f[NOTE_DATE].date, f[NOTE_TEXT].text,
					 &cause),
			   &cause, message, msize);
}

void dialog_note(struct tui *t, const struct caseload_entry *e)
{
	struct ctx x = { .pid = e->file.p.id };
	struct form_field f[] = {
		[NOTE_DATE] = { .label = _("Date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12,
				.text = form_date_text(t->today) },
		[NOTE_TEXT] = { .label = _("Note"),
				.kind = FIELD_TEXT,
				.required = true },
	};

	if (form_dialog_run(t, _("Add a note"), f, COUNT(f), note_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s", _("Note added."));
	}
	form_fields_free(f, COUNT(f));
}

/* ---- stages ---- */

/* The fields of the stage form, in the order it shows them. */
enum { STAGE_DATE };

static bool stage_submit(struct tui *t, struct form_field *f, size_t n,
			 void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_stage_move(t->store, &t->ctx, x->pid,
					   t->config->stages[x->index].id,
					   f[STAGE_DATE].date, &cause),
			   &cause, message, msize);
}

void dialog_stage(struct tui *t, const struct caseload_entry *e, size_t index)
{
	struct ctx x = { .pid = e->file.p.id, .index = index };
	struct form_field f[] = {
		[STAGE_DATE] = { .label = _("Date"),
				 .kind = FIELD_DATE,
				 .required = true,
				 .width = 12,
				 .text = form_date_text(t->today) },
	};
	char title[300];

	if (index == SIZE_MAX) {
		const char **labels = stage_labels(t->config);
		size_t pick = e->stage_index != CASELOAD_NO_STAGE
				      ? e->stage_index
				      : 0;

		if (labels == NULL ||
		    !form_dialog_pick(t, _("Move to which stage?"), labels,
				      t->config->n_stages, &pick)) {
			free(labels);
			form_fields_free(f, COUNT(f));
			return;
		}
		free(labels);
		x.index = pick;
	}
	snprintf(title, sizeof title, _("Move to stage %zu %s"), x.index + 1,
		 t->config->stages[x.index].label);
	if (form_dialog_run(t, title, f, COUNT(f), stage_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("Now in stage %zu %s."), x.index + 1,
			    t->config->stages[x.index].short_label);
	}
	form_fields_free(f, COUNT(f));
}

/* ---- job and check-ins ---- */

/* The fields of the job form, in the order it shows them. */
enum { JOB_EMPLOYER, JOB_CONTRACT, JOB_START, JOB_PLANNED_END, JOB_HOURS };

static bool job_submit(struct tui *t, struct form_field *f, size_t n, void *arg,
		       char *message, size_t msize)
{
	struct ctx *x = arg;
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

static const char *const end_reason_names[JOB_END_REASONS] = {
	N_("contract ended"),	       N_("resigned"), N_("dismissed"),
	N_("trial period not passed"), N_("other"),
};

/* The fields of the job end form, in the order it shows them. */
enum { END_DATE, END_REASON };

static bool job_end_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
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
	struct ctx x = { .pid = e->file.p.id, .index = j->seq };
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
		reasons[i] = _(end_reason_names[i]);
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
static size_t open_jobs(const struct caseload_entry *e, const struct job **out,
			size_t max)
{
	size_t n = 0;

	for (size_t i = e->file.n_jobs; i-- > 0 && n < max;)
		if (e->file.jobs[i].start != DATE_NONE &&
		    e->file.jobs[i].ended == DATE_NONE)
			out[n++] = &e->file.jobs[i];
	return n;
}

/* A job's line in a pick list: "Carrefour · CDI · since 01/09/2026". */
static void job_label(const struct job *j, char *buf, size_t size)
{
	char d[DATE_BUFSZ];

	snprintf(buf, size, _("%s · %s · since %s"),
		 j->employer ? j->employer : "", format_contract(j->contract),
		 cli_date(j->start, d));
}

void dialog_job_end(struct tui *t, const struct caseload_entry *e)
{
	const struct job *jobs[8];
	char labels[8][200];
	const char *items[8];
	size_t n = open_jobs(e, jobs, 8), pick = 0;

	if (n == 0) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No job going on: J records one."));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		job_label(jobs[i], labels[i], sizeof labels[i]);
		items[i] = labels[i];
	}
	if (n > 1 &&
	    !form_dialog_pick(t, _("Which job ended?"), items, n, &pick))
		return;
	ask_job_end(t, e, jobs[pick]);
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
	struct ctx x = { .pid = e->file.p.id, .index = old ? old->seq : 0 };
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
	const struct job *jobs[8];
	char labels[8][200];
	const char *items[8];
	size_t n = 0, pick = 0;

	/* Every job, latest first. */
	for (size_t i = e->file.n_jobs; i-- > 0 && n < 8;) {
		jobs[n] = &e->file.jobs[i];
		job_label(jobs[n], labels[n], sizeof labels[n]);
		items[n] = labels[n];
		n++;
	}
	if (n == 0) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No job recorded: J records one."));
		return;
	}
	if (n > 1 &&
	    !form_dialog_pick(t, _("Which job to correct?"), items, n, &pick))
		return;
	job_form(t, e, jobs[pick]);
}

/* The fields of the check-in form, in the order it shows them. */
enum { CHECKIN_WHICH, CHECKIN_DATE };

static bool checkin_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
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
	struct ctx x = { .pid = e->file.p.id };
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
enum { EXIT_DATE, EXIT_REASON, EXIT_FORCED };

static bool exit_submit(struct tui *t, struct form_field *f, size_t n,
			void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(
		edit_exit(t->store, &t->ctx, x->pid, f[EXIT_DATE].date,
			  t->config->exit_reasons[f[EXIT_REASON].choice].id,
			  f[EXIT_FORCED].text, &cause),
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
	struct ctx x = { .pid = e->file.p.id };
	struct form_field f[] = {
		[EXIT_DATE] = { .label = _("Exit date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12,
				.text = form_date_text(t->today) },
		[EXIT_REASON] = { .label = _("Reason"), .kind = FIELD_CHOICE },
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
	if (form_dialog_run(t, _("Record an exit"), f, COUNT(f), exit_submit,
			    &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s",
			    _("Exit recorded; planned appointments after it "
			      "are cancelled."));
	}
out:
	form_fields_free(f, COUNT(f));
	free(labels);
	free(choices);
}

/* ---- identity and transfer ---- */

static const char *const educations[] = { N_("not given"), N_("ISCED 0-2"),
					  N_("ISCED 3-4"), N_("ISCED 5-8") };
static const char *const employments[] = {
	N_("not given"), N_("unemployed"), N_("long-term unemployed"),
	N_("inactive"),	 N_("employed"),
};

/* "rsa, deld " -> "rsa,deld" in place. */
static void tidy_list(char *s)
{
	char *o = s;

	for (char *p = s; p && *p; p++)
		if (*p != ' ')
			*o++ = *p;
	if (o)
		*o = '\0';
}

/* The fields of the identity form, in the order it shows them. */
enum { ID_PUBLICS = PERSON_FIELDS, ID_EDUCATION, ID_EMPLOYMENT };

static bool identity_submit(struct tui *t, struct form_field *f, size_t n,
			    void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	struct participant p;
	char *cause = NULL;
	int rc;

	(void)n;
	participant_init(&p);
	p.id = x->pid;
	person_read(f, &p);
	tidy_list(f[ID_PUBLICS].text);
	p.publics = f[ID_PUBLICS].text;
	p.education = (enum education)f[ID_EDUCATION].choice;
	p.employment = (enum employment)f[ID_EMPLOYMENT].choice;
	rc = edit_identity(t->store, &t->ctx, &p, &cause);
	if (rc == PC_EINVAL && cause != NULL && strstr(cause, "publics")) {
		char ids[512] = "";

		for (size_t i = 0; i < t->config->n_publics; i++) {
			size_t len = strlen(ids);

			snprintf(ids + len, sizeof ids - len, "%s%s",
				 i ? ", " : "", t->config->publics[i].id);
		}
		snprintf(f[ID_PUBLICS].error, sizeof f[ID_PUBLICS].error,
			 _("one or more of: %s"), ids);
	}
	return form_edited(rc, &cause, message, msize);
}

void dialog_identity(struct tui *t, const struct caseload_entry *e)
{
	const struct participant *p = &e->file.p;
	const char **g = form_translated(genders, COUNT(genders));
	const char **ed = form_translated(educations, COUNT(educations));
	const char **em = form_translated(employments, COUNT(employments));
	struct ctx x = { .pid = p->id };
	struct form_field f[] = {
		[ID_PUBLICS] = { .label = _("Publics"), .kind = FIELD_TEXT },
		[ID_EDUCATION] = { .label = _("Education"),
				   .kind = FIELD_CHOICE,
				   .choices = ed,
				   .n_choices = COUNT(educations),
				   .choice = (size_t)p->education },
		[ID_EMPLOYMENT] = { .label = _("Situation at entry"),
				    .kind = FIELD_CHOICE,
				    .choices = em,
				    .n_choices = COUNT(employments),
				    .choice = (size_t)p->employment },
	};

	person_fields(f, g, p);
	form_field_set(&f[ID_PUBLICS], p->publics);
	if (g != NULL && ed != NULL && em != NULL &&
	    form_dialog_run(t, _("Identity and contact"), f, COUNT(f),
			    identity_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s", _("Identity saved."));
	}
	form_fields_free(f, COUNT(f));
	free(g);
	free(ed);
	free(em);
}

/* The fields of the transfer form, in the order it shows them. */
enum { TRANSFER_REFERENT };

static bool transfer_submit(struct tui *t, struct form_field *f, size_t n,
			    void *arg, char *message, size_t msize)
{
	struct ctx *x = arg;
	char *cause = NULL;

	(void)n;
	return form_edited(edit_transfer(t->store, &t->ctx, x->pid,
					 f[TRANSFER_REFERENT].text, &cause),
			   &cause, message, msize);
}

void dialog_transfer(struct tui *t, const struct caseload_entry *e)
{
	struct ctx x = { .pid = e->file.p.id };
	struct form_field f[] = {
		[TRANSFER_REFERENT] = { .label = _("New referent"),
					.kind = FIELD_TEXT,
					.required = true },
	};
	char name[256];

	format_name(&e->file.p, name, sizeof name);
	if (form_dialog_run(t, _("Transfer to another referent"), f, COUNT(f),
			    transfer_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("%s now followed by %s."), name,
			    f[TRANSFER_REFERENT].text);
	}
	form_fields_free(f, COUNT(f));
}

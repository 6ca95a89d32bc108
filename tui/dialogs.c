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

/* The public categories to tick: "rsa — Bénéficiaire du RSA…" for each of
 * the configuration's, then any id `current` holds that it no longer has
 * (so that it can be unticked). */
struct publics_choice {
	char **items, **ids; /* owned */
	size_t n;
};

static void publics_choice_free(struct publics_choice *pc)
{
	for (size_t i = 0; pc->items != NULL && pc->ids != NULL && i < pc->n;
	     i++) {
		free(pc->items[i]);
		free(pc->ids[i]);
	}
	free(pc->items);
	free(pc->ids);
	memset(pc, 0, sizeof *pc);
}

/* "id — label" into pc's next item; false when out of memory. */
static bool publics_choice_add(struct publics_choice *pc, const char *id,
			       const char *label)
{
	char *item;

	if (asprintf(&item, "%s — %s", id, label) < 0)
		return false;
	pc->items[pc->n] = item;
	pc->ids[pc->n] = strdup(id);
	pc->n++;
	return pc->ids[pc->n - 1] != NULL;
}

/* False when out of memory (pc is then empty). */
static bool publics_choice_init(struct publics_choice *pc,
				const struct config *c, const char *current)
{
	size_t most = c->n_publics + (current ? strlen(current) / 2 + 1 : 0);
	char *copy = strdup(current ? current : ""), *save = NULL;

	memset(pc, 0, sizeof *pc);
	pc->items = calloc(most + 1, sizeof *pc->items);
	pc->ids = calloc(most + 1, sizeof *pc->ids);
	if (copy == NULL || pc->items == NULL || pc->ids == NULL)
		goto nomem;
	for (size_t i = 0; i < c->n_publics; i++)
		if (!publics_choice_add(pc, c->publics[i].id,
					c->publics[i].label))
			goto nomem;
	for (char *id = strtok_r(copy, ", ", &save); id != NULL;
	     id = strtok_r(NULL, ", ", &save))
		if (config_public(c, id) == NULL && pc->n < most &&
		    !publics_choice_add(pc, id, _("not in the configuration")))
			goto nomem;
	free(copy);
	return true;
nomem:
	free(copy);
	publics_choice_free(pc);
	return false;
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
enum { NEW_ENTRY_DATE = PERSON_FIELDS, NEW_STAGE, NEW_PUBLICS, NEW_FIELDS };

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
	p.publics = f[NEW_PUBLICS].text;
	p.stage = t->config->stages[f[NEW_STAGE].choice].id;
	p.referent = (char *)cli_referent(t->cli);
	if (!dialog_warn_duplicate(t, &p, message, msize))
		return false;
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
		[NEW_PUBLICS] = { .label = _("Publics"), .kind = FIELD_MULTI },
	};
	struct ctx x = { 0 };
	struct publics_choice pc;
	bool have_publics = publics_choice_init(&pc, t->config, NULL);

	person_fields(f, g, NULL);
	f[NEW_PUBLICS].choices = (const char *const *)pc.items;
	f[NEW_PUBLICS].values = (const char *const *)pc.ids;
	f[NEW_PUBLICS].n_choices = pc.n;
	if (g != NULL && stages != NULL && have_publics &&
	    form_dialog_run(t, _("New participant"), f, COUNT(f), new_submit,
			    &x)) {
		struct view_target to = { .pid = x.pid };

		tui_refresh_participant(t, x.pid);
		tui_open(t, &to);
		tui_message(t, STYLE_OK, _("%s %s added."),
			    f[PERSON_FIRST_NAME].text,
			    f[PERSON_LAST_NAME].text);
		/* The funder's entry answers, while the person is there; Esc
		 * leaves them for later (Q), and the flag reminds. */
		dialog_fse_entry(t, x.pid);
	}
	form_fields_free(f, COUNT(f));
	publics_choice_free(&pc);
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

	/* A kind picked is stored by its id; without a list, as typed. */
	const char *kind =
		f[PLAN_KIND].kind == FIELD_CHOICE
			? t->config->appt_kinds[f[PLAN_KIND].choice].id
			: f[PLAN_KIND].text;

	(void)n;
	if (!dialog_warn_plan(t, x->pid, 0, f[PLAN_DATE].date,
			      f[PLAN_TIME].minute, true, message, msize))
		return false;
	return form_edited(edit_appointment_plan(
				   t->store, &t->ctx, x->pid, f[PLAN_DATE].date,
				   f[PLAN_TIME].minute, kind,
				   (enum appointment_mode)f[PLAN_MODE].choice,
				   &x->appt_id, &cause),
			   &cause, message, msize);
}

uint64_t dialog_plan(struct tui *t, const struct caseload_entry *e)
{
	const struct config_stage *st =
		config_stage(t->config, e->file.p.stage, NULL);
	const char **m = form_translated(modes, COUNT(modes));
	const char **kinds = format_appt_kind_labels(t->config);
	struct ctx x = { .pid = e->file.p.id };
	/* The next appointment at the stage's usual rhythm; within a week
	 * for someone to invite again or to see for the first time. */
	int days = st ? st->contact_days : 14;
	struct form_field f[] = {
		[PLAN_DATE] = { .label = _("Date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12 },
		[PLAN_TIME] = { .label = _("Time"),
				.kind = FIELD_TIME,
				.width = 6,
				.text = strdup("10:00") },
		[PLAN_KIND] = { .label = _("Kind"),
				.kind = FIELD_CHOICE,
				.choices = kinds,
				.n_choices = t->config->n_appt_kinds },
		[PLAN_MODE] = { .label = _("Mode"),
				.kind = FIELD_CHOICE,
				.choices = m,
				.n_choices = COUNT(modes) },
	};
	char title[300], name[256];

	for (size_t i = 0; i < e->summary.n_flags; i++) {
		enum flag_kind k = e->summary.flags[i].kind;

		if ((k == FLAG_NO_SHOW || k == FLAG_FIRST_APPOINTMENT ||
		     k == FLAG_CONTACT_OVERDUE) &&
		    days > 7)
			days = 7;
	}
	f[PLAN_DATE].text = form_date_text(t->today + days);
	/* A configuration without kinds: the kind is typed. */
	if (t->config->n_appt_kinds == 0)
		f[PLAN_KIND] = (struct form_field){
			.label = _("Kind"),
			.kind = FIELD_TEXT,
			.required = true,
			.text = strdup(_("interview")),
		};
	format_name(&e->file.p, name, sizeof name);
	snprintf(title, sizeof title, _("Plan an appointment · %s"), name);
	if (m != NULL && kinds != NULL &&
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
	free(kinds);
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
		 cli_date(a->date, d), hm, format_appt_kind(t->config, a->kind),
		 format_appt_status(status));
	if (form_dialog_run(t, title, f, COUNT(f), outcome_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		/* `a` plans in the participant's view only. */
		if (status == APPT_MISSED && t->view == VIEW_PARTICIPANT)
			tui_message(t, STYLE_OK, "%s",
				    _("Recorded as missed: a invites again."));
		else if (status == APPT_MISSED)
			tui_message(t, STYLE_OK, "%s",
				    _("Recorded as missed: ⏎ opens the "
				      "participant to invite again."));
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

	/* The date is today's, mostly: what is written comes first. */
	const struct form_options o = { .first = NOTE_TEXT };

	if (form_dialog_run_with(t, _("Add a note"), f, COUNT(f), note_submit,
				 &x, &o)) {
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

/* ---- identity and transfer ---- */

/* The fields of the identity form, in the order it shows them. */
enum { ID_PUBLICS = PERSON_FIELDS };

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
	p.publics = f[ID_PUBLICS].text;
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
	struct ctx x = { .pid = p->id };
	struct publics_choice pc;
	bool have_publics = publics_choice_init(&pc, t->config, p->publics);
	struct form_field f[] = {
		[ID_PUBLICS] = { .label = _("Publics"), .kind = FIELD_MULTI },
	};

	person_fields(f, g, p);
	form_field_set(&f[ID_PUBLICS], p->publics);
	f[ID_PUBLICS].choices = (const char *const *)pc.items;
	f[ID_PUBLICS].values = (const char *const *)pc.ids;
	f[ID_PUBLICS].n_choices = pc.n;
	/* Education and the situation at entry are the funder's entry
	 * answers: Q. */
	if (g != NULL && have_publics &&
	    form_dialog_run(t, _("Identity and contact"), f, COUNT(f),
			    identity_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s", _("Identity saved."));
	}
	form_fields_free(f, COUNT(f));
	publics_choice_free(&pc);
	free(g);
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

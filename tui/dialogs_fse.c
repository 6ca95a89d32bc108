/* dialogs_fse.c: the funder's questionnaires (FSE+): at entry, on leaving,
 * and six months after. Each form shows the answers as they stand and
 * saves them as corrections of that set (a typing mistake, journalled) or
 * as a new dated set (the situation changed); never over an earlier one
 * otherwise. */
#include "dialogs.h"
#include "edit.h"
#include "error.h"
#include "form_dialog.h"
#include "fse.h"
#include "i18n.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the choices ---- */

static const char *const entry_genders[] = { N_("not asked"), N_("woman"),
					     N_("man"), N_("non-binary") };
static const char *const labours[] = {
	N_("not asked"),
	N_("unemployed"),
	N_("inactive"),
	N_("employed, self-employed included"),
	N_("in education or training"),
};
/* The French diploma levels beside the ISCED bands: CAP and BEP are
 * ISCED 3, as the bac. */
static const char *const educations[] = {
	N_("not asked"),
	N_("ISCED 0-2: no diploma, brevet"),
	N_("ISCED 3-4: CAP, BEP, bac"),
	N_("ISCED 5-8: bac+2 and above"),
};
/* The sensitive questions take "refused" (enum fse_answer order); the
 * others skip it: their choice 3 is FSE_UNKNOWN. */
static const char *const answers_sensitive[] = { N_("not asked"), N_("yes"),
						 N_("no"), N_("refused"),
						 N_("unknown") };
static const char *const answers_plain[] = { N_("not asked"), N_("yes"),
					     N_("no"), N_("unknown") };
/* The situations, in enum fse_situation order; * marks the sensitive. */
static const char *const situation_labels[FSE_SIT_COUNT] = {
	N_("Disability (RQTH) *"),     N_("Third-country national *"),
	N_("Foreign background *"),    N_("Minority *"),
	N_("Housing exclusion *"),     N_("Rural area"),
	N_("Priority district (QPV)"),
};
static const char *const no_yes[] = { N_("no"), N_("yes") };
static const char *const contacts[] = { N_("phone"), N_("email"),
					N_("letter") };

const char *const dialog_fse_exit_values[DIALOG_FSE_EXIT_COUNT] = {
	"searching", "education", "qualification", "employed"
};
static const char *const exit_labels[DIALOG_FSE_EXIT_COUNT] = {
	N_("searching for a job"),
	N_("in education or training"),
	N_("gained a qualification"),
	N_("in employment, self-employed included"),
};

const char **dialog_fse_exit_labels(void)
{
	return form_translated(exit_labels, DIALOG_FSE_EXIT_COUNT);
}

bool dialog_fse_exit_bits(const char *text, uint32_t *bits)
{
	char *copy = strdup(text ? text : ""), *save = NULL;
	bool ok = copy != NULL;

	*bits = 0;
	for (char *w = ok ? strtok_r(copy, ", ", &save) : NULL; w != NULL;
	     w = strtok_r(NULL, ", ", &save)) {
		int pos = model_enum_value(ENUM_FSE_EXIT, w);

		if (pos < 0) {
			ok = false;
			break;
		}
		*bits |= 1u << pos;
	}
	free(copy);
	return ok;
}

static size_t answer_choice(enum fse_answer a, bool sensitive)
{
	return !sensitive && a == FSE_UNKNOWN ? 3 : (size_t)a;
}

static enum fse_answer choice_answer(size_t c, bool sensitive)
{
	return !sensitive && c == 3 ? FSE_UNKNOWN : (enum fse_answer)c;
}

/* ---- what every form shares ---- */

/* How a form saves: the first set, corrections of set `seq`, or a new
 * set for a changed situation. */
enum save_as { SAVE_FIRST, SAVE_CORRECT, SAVE_NEW };

struct fse_ctx {
	uint64_t pid;
	uint32_t seq; /* the set corrected, with SAVE_CORRECT */
	pdate was;    /* its date */
	bool has_set; /* there is a set to correct */
	pdate today;
};

/* The "Save as" field (a choice: the first answers; or corrections of the
 * set of `was`, or a changed situation), and its labels. */
struct as_field {
	char correct[120];
	const char *items[2];
};

static void as_field_init(struct form_field *f, struct as_field *a,
			  const struct fse_ctx *x)
{
	char d[DATE_BUFSZ];

	f->label = _("Save as");
	f->kind = FIELD_CHOICE;
	f->choices = a->items;
	if (!x->has_set) {
		a->items[0] = _("the first answers");
		f->n_choices = 1;
		return;
	}
	snprintf(a->correct, sizeof a->correct, _("corrections of %s"),
		 cli_date(x->was, d));
	a->items[0] = a->correct;
	a->items[1] = _("a changed situation (a new set)");
	f->n_choices = 2;
}

/* How to save, and the date of the set: a new set for a changed situation
 * is dated today unless the form's date was changed from the set's. */
static enum save_as save_as(const struct fse_ctx *x,
			    const struct form_field *as, pdate *date)
{
	if (!x->has_set)
		return SAVE_FIRST;
	if (as->choice == 0)
		return SAVE_CORRECT;
	if (*date == x->was)
		*date = x->today;
	return SAVE_NEW;
}

/* The file of `pid` as it is now (the caseload may hold those who left
 * without their history); false, with a message, when it cannot be. */
static bool file_now(struct tui *t, uint64_t pid, struct participant_file *f)
{
	struct store_txn *txn = NULL;
	char *cause = NULL;
	int rc = store_read_begin(t->store, &txn, &cause);

	if (rc == PC_OK)
		rc = store_file_load(txn, pid, f);
	store_read_end(&txn);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return false;
	}
	free(cause);
	return true;
}

/* Saved: the participant again as stored, and the message. */
static void saved(struct tui *t, uint64_t pid, const char *what)
{
	tui_refresh_participant(t, pid);
	tui_message(t, STYLE_OK, "%s", what);
}

/* ---- at entry ---- */

enum {
	E_DATE,
	E_AS,
	E_GENDER,
	E_LABOUR,
	E_MONTHS,
	E_EDUCATION,
	E_SITUATION, /* + enum fse_situation */
	E_FIELDS = E_SITUATION + FSE_SIT_COUNT
};

/* Months unemployed mean something only for the unemployed. */
static void labour_changed(struct form_field *f, size_t n, size_t i)
{
	(void)n;
	if (i == E_LABOUR && f[E_LABOUR].choice != FSE_LABOUR_UNEMPLOYED)
		form_field_set(&f[E_MONTHS], NULL);
}

static bool entry_submit(struct tui *t, struct form_field *f, size_t n,
			 void *arg, char *message, size_t msize)
{
	struct fse_ctx *x = arg;
	struct fse_entry e;
	enum save_as as;
	char *cause = NULL;
	int rc;

	(void)n;
	fse_entry_init(&e);
	e.participant = x->pid;
	e.date = f[E_DATE].date;
	as = save_as(x, &f[E_AS], &e.date);
	e.gender = (enum gender)f[E_GENDER].choice;
	e.labour = (enum fse_labour)f[E_LABOUR].choice;
	e.education = (enum education)f[E_EDUCATION].choice;
	if (f[E_MONTHS].text != NULL && *f[E_MONTHS].text != '\0') {
		if (f[E_MONTHS].hundredths % 100 != 0) {
			snprintf(f[E_MONTHS].error, sizeof f[E_MONTHS].error,
				 "%s", _("whole months"));
			return false;
		}
		e.unemployed_months = (int)(f[E_MONTHS].hundredths / 100);
	}
	for (int s = 0; s < FSE_SIT_COUNT; s++)
		e.situation[s] = choice_answer(
			f[E_SITUATION + s].choice,
			fse_situation_sensitive((enum fse_situation)s));
	if (as == SAVE_CORRECT) {
		e.seq = x->seq;
		rc = edit_fse_entry_correct(t->store, &t->ctx, &e, &cause);
	} else {
		rc = edit_fse_entry_add(t->store, &t->ctx, &e, NULL, &cause);
	}
	return form_edited(rc, &cause, message, msize);
}

/* The earliest set (by date, then number): the one corrections go to. */
static const struct fse_entry *first_entry(const struct participant_file *f)
{
	const struct fse_entry *first = NULL;

	for (size_t i = 0; i < f->n_fse_entries; i++) {
		const struct fse_entry *e = &f->fse_entries[i];

		if (first == NULL || e->date < first->date ||
		    (e->date == first->date && e->seq < first->seq))
			first = e;
	}
	return first;
}

void dialog_fse_entry(struct tui *t, uint64_t pid)
{
	struct participant_file pf;
	struct fse_entry v;
	const struct fse_entry *first;
	struct fse_ctx x = { .pid = pid, .today = t->today };
	struct as_field af;
	const char **g = form_translated(entry_genders, COUNT(entry_genders));
	const char **lab = form_translated(labours, COUNT(labours));
	const char **ed = form_translated(educations, COUNT(educations));
	const char **sens =
		form_translated(answers_sensitive, COUNT(answers_sensitive));
	const char **plain =
		form_translated(answers_plain, COUNT(answers_plain));
	struct form_field f[E_FIELDS] = {
		[E_DATE] = { .label = _("Answers of"),
			     .kind = FIELD_DATE,
			     .required = true,
			     .width = 12 },
		[E_GENDER] = { .label = _("Gender"), .kind = FIELD_CHOICE },
		[E_LABOUR] = { .label = _("Labour market"),
			       .kind = FIELD_CHOICE,
			       .changed = labour_changed },
		[E_MONTHS] = { .label = _("Months unemployed"),
			       .kind = FIELD_NUMBER,
			       .width = 5 },
		[E_EDUCATION] = { .label = _("Education"),
				  .kind = FIELD_CHOICE },
	};
	/* The first answer to give, past the date and Save as. */
	struct form_options o = { .first = E_GENDER };

	if (g == NULL || lab == NULL || ed == NULL || sens == NULL ||
	    plain == NULL || !file_now(t, pid, &pf))
		goto out;
	fse_entry_view(&pf, &v);
	first = first_entry(&pf);
	if (first != NULL) {
		x.has_set = true;
		x.seq = first->seq;
		x.was = first->date;
	}
	as_field_init(&f[E_AS], &af, &x);
	f[E_DATE].text =
		form_date_text(first != NULL		      ? first->date
			       : pf.p.entry_date != DATE_NONE ? pf.p.entry_date
							      : t->today);
	f[E_GENDER].choices = g;
	f[E_GENDER].n_choices = COUNT(entry_genders);
	/* The gender given with the identity, until asked. */
	f[E_GENDER].choice =
		(size_t)(v.gender != GENDER_UNKNOWN ? v.gender : pf.p.gender);
	f[E_LABOUR].choices = lab;
	f[E_LABOUR].n_choices = COUNT(labours);
	f[E_LABOUR].choice = (size_t)v.labour;
	if (v.unemployed_months != FSE_MONTHS_NONE) {
		char m[16];

		snprintf(m, sizeof m, "%d", v.unemployed_months);
		form_field_set(&f[E_MONTHS], m);
	}
	f[E_EDUCATION].choices = ed;
	f[E_EDUCATION].n_choices = COUNT(educations);
	f[E_EDUCATION].choice = (size_t)v.education;
	for (int s = 0; s < FSE_SIT_COUNT; s++) {
		bool sensitive = fse_situation_sensitive((enum fse_situation)s);

		f[E_SITUATION + s].label = _(situation_labels[s]);
		f[E_SITUATION + s].kind = FIELD_CHOICE;
		f[E_SITUATION + s].choices = sensitive ? sens : plain;
		f[E_SITUATION + s].n_choices =
			sensitive ? COUNT(answers_sensitive)
				  : COUNT(answers_plain);
		f[E_SITUATION + s].choice =
			answer_choice(v.situation[s], sensitive);
	}
	participant_file_clear(&pf);
	/* The focus on the first question still to ask. */
	for (size_t i = E_GENDER; i < E_FIELDS; i++) {
		bool gap =
			i == E_MONTHS
				? f[E_LABOUR].choice == FSE_LABOUR_UNEMPLOYED &&
					  f[E_MONTHS].text == NULL
				: f[i].choice == 0;

		if (gap) {
			o.first = i;
			break;
		}
	}
	if (form_dialog_run_with(
		    t, _("Funder's entry questionnaire (* may be refused)"), f,
		    COUNT(f), entry_submit, &x, &o))
		saved(t, pid, _("Entry answers saved."));
out:
	form_fields_free(f, COUNT(f));
	free(g);
	free(lab);
	free(ed);
	free(sens);
	free(plain);
}

/* ---- on leaving ---- */

enum { X_DATE, X_AS, X_SITUATION, X_FIELDS = X_SITUATION + 4 };

static bool exit_submit(struct tui *t, struct form_field *f, size_t n,
			void *arg, char *message, size_t msize)
{
	struct fse_ctx *x = arg;
	struct fse_exit e = { .participant = x->pid, .date = f[X_DATE].date };
	char *cause = NULL;
	int rc;

	(void)n;
	for (int i = 0; i < 4; i++)
		if (f[X_SITUATION + i].choice == 1)
			e.situations |= 1u << i;
	if (save_as(x, &f[X_AS], &e.date) == SAVE_CORRECT) {
		e.seq = x->seq;
		rc = edit_fse_exit_correct(t->store, &t->ctx, &e, &cause);
	} else {
		rc = edit_fse_exit_add(t->store, &t->ctx, &e, NULL, &cause);
	}
	return form_edited(rc, &cause, message, msize);
}

/* The latest set of a kind: what the funder reads. */
static const struct fse_exit *last_exit(const struct participant_file *f)
{
	const struct fse_exit *last = NULL;

	for (size_t i = 0; i < f->n_fse_exits; i++)
		if (last == NULL || f->fse_exits[i].date >= last->date)
			last = &f->fse_exits[i];
	return last;
}

static void fse_exit_form(struct tui *t, const struct participant_file *pf)
{
	const struct fse_exit *last = last_exit(pf);
	struct fse_ctx x = { .pid = pf->p.id, .today = t->today };
	struct as_field af;
	const char **yn = form_translated(no_yes, COUNT(no_yes));
	struct form_field f[X_FIELDS] = {
		[X_DATE] = { .label = _("Answers of"),
			     .kind = FIELD_DATE,
			     .required = true,
			     .width = 12 },
	};
	struct form_options o = { .first = X_SITUATION };

	if (yn == NULL)
		return;
	if (last != NULL) {
		x.has_set = true;
		x.seq = last->seq;
		x.was = last->date;
	}
	as_field_init(&f[X_AS], &af, &x);
	f[X_DATE].text = form_date_text(last ? last->date : pf->p.exit_date);
	for (int i = 0; i < 4; i++) {
		f[X_SITUATION + i].label = _(exit_labels[i]);
		f[X_SITUATION + i].kind = FIELD_CHOICE;
		f[X_SITUATION + i].choices = yn;
		f[X_SITUATION + i].n_choices = 2;
		f[X_SITUATION + i].choice =
			last != NULL && (last->situations >> i & 1u);
	}
	if (form_dialog_run_with(t, _("Funder's questionnaire on leaving"), f,
				 COUNT(f), exit_submit, &x, &o))
		saved(t, x.pid, _("Answers on leaving saved."));
	form_fields_free(f, COUNT(f));
	free(yn);
}

/* ---- six months after ---- */

enum { S_DATE, S_AS, S_HOW, S_REACHED, S_EMPLOYED, S_IMPROVED, S_FIELDS };

static bool survey_submit(struct tui *t, struct form_field *f, size_t n,
			  void *arg, char *message, size_t msize)
{
	struct fse_ctx *x = arg;
	struct fse_survey v = {
		.participant = x->pid,
		.date = f[S_DATE].date,
		.how = (enum fse_contact)f[S_HOW].choice,
		.reached = f[S_REACHED].choice == 1,
		.employed = f[S_EMPLOYED].choice == 1,
		.improved = f[S_IMPROVED].choice == 1,
	};
	char *cause = NULL;
	int rc;

	(void)n;
	if (save_as(x, &f[S_AS], &v.date) == SAVE_CORRECT) {
		v.seq = x->seq;
		rc = edit_fse_survey_correct(t->store, &t->ctx, &v, &cause);
	} else {
		rc = edit_fse_survey_add(t->store, &t->ctx, &v, NULL, &cause);
	}
	return form_edited(rc, &cause, message, msize);
}

/* The survey of this exit (asked from six months after it), the latest. */
static const struct fse_survey *survey_of(const struct participant_file *f)
{
	const struct fse_survey *last = NULL;
	pdate from = fse_survey_from(f->p.exit_date);

	for (size_t i = 0; i < f->n_fse_surveys; i++)
		if (f->fse_surveys[i].date >= from &&
		    (last == NULL || f->fse_surveys[i].date >= last->date))
			last = &f->fse_surveys[i];
	return last;
}

static void fse_survey_form(struct tui *t, const struct participant_file *pf)
{
	const struct fse_survey *last = survey_of(pf);
	struct fse_ctx x = { .pid = pf->p.id, .today = t->today };
	struct as_field af;
	const char **yn = form_translated(no_yes, COUNT(no_yes));
	const char **how = form_translated(contacts, COUNT(contacts));
	struct form_field f[S_FIELDS] = {
		[S_DATE] = { .label = _("Asked on"),
			     .kind = FIELD_DATE,
			     .required = true,
			     .width = 12 },
		[S_HOW] = { .label = _("Asked by"), .kind = FIELD_CHOICE },
		[S_REACHED] = { .label = _("Reached"), .kind = FIELD_CHOICE },
		[S_EMPLOYED] = { .label = _("In employment"),
				 .kind = FIELD_CHOICE },
		[S_IMPROVED] = { .label = _("Situation improved"),
				 .kind = FIELD_CHOICE },
	};
	struct form_options o = { .first = S_HOW };
	char title[200], d[DATE_BUFSZ];

	if (yn == NULL || how == NULL)
		goto out;
	if (last != NULL) {
		x.has_set = true;
		x.seq = last->seq;
		x.was = last->date;
	}
	as_field_init(&f[S_AS], &af, &x);
	f[S_DATE].text = form_date_text(last ? last->date : t->today);
	f[S_HOW].choices = how;
	f[S_HOW].n_choices = COUNT(contacts);
	f[S_HOW].choice = last ? (size_t)last->how : 0;
	for (int i = S_REACHED; i <= S_IMPROVED; i++) {
		f[i].choices = yn;
		f[i].n_choices = 2;
	}
	f[S_REACHED].choice = last == NULL || last->reached;
	f[S_EMPLOYED].choice = last != NULL && last->employed;
	f[S_IMPROVED].choice = last != NULL && last->improved;
	snprintf(title, sizeof title, _("Six-months survey (from %s)"),
		 cli_date(fse_survey_from(pf->p.exit_date), d));
	if (form_dialog_run_with(t, title, f, COUNT(f), survey_submit, &x, &o))
		saved(t, x.pid, _("Six-months survey saved."));
out:
	form_fields_free(f, COUNT(f));
	free(yn);
	free(how);
}

/* ---- which one ---- */

void dialog_fse(struct tui *t, const struct caseload_entry *e)
{
	struct participant_file pf;
	char items[3][200], d[DATE_BUFSZ];
	const char *list[3];
	size_t pick = 0;
	unsigned missing;
	int n_missing = 0;

	if (e->file.p.status != STATUS_EXITED) {
		dialog_fse_entry(t, e->file.p.id);
		return;
	}
	if (!file_now(t, e->file.p.id, &pf))
		return;
	missing = fse_entry_missing(&pf);
	for (unsigned m = missing; m != 0; m &= m - 1)
		n_missing++;
	if (n_missing == 0)
		snprintf(items[0], sizeof items[0], "%s",
			 _("At entry: complete"));
	else
		snprintf(items[0], sizeof items[0],
			 P_("At entry: %d answer missing",
			    "At entry: %d answers missing", n_missing),
			 n_missing);
	if (last_exit(&pf) != NULL)
		snprintf(items[1], sizeof items[1],
			 _("On leaving: answered %s"),
			 cli_date(last_exit(&pf)->date, d));
	else
		snprintf(items[1], sizeof items[1], "%s",
			 _("On leaving: not answered"));
	if (survey_of(&pf) != NULL)
		snprintf(items[2], sizeof items[2],
			 _("Six months after: asked %s"),
			 cli_date(survey_of(&pf)->date, d));
	else
		snprintf(items[2], sizeof items[2],
			 _("Six months after: to ask from %s"),
			 cli_date(fse_survey_from(pf.p.exit_date), d));
	for (size_t i = 0; i < 3; i++)
		list[i] = items[i];
	/* The one to do first: the survey once due, else what is missing. */
	pick = survey_of(&pf) == NULL &&
			       t->today >= fse_survey_from(pf.p.exit_date)
		       ? 2
	       : last_exit(&pf) == NULL ? 1
	       : n_missing > 0		? 0
					: 2;
	if (form_dialog_pick(t, _("Funder's questionnaires"), list, 3, &pick)) {
		if (pick == 0)
			dialog_fse_entry(t, pf.p.id);
		else if (pick == 1)
			fse_exit_form(t, &pf);
		else
			fse_survey_form(t, &pf);
	}
	participant_file_clear(&pf);
}

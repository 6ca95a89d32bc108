/* edit_fse.c: the funder's questionnaires, added and corrected. An answer
 * set is never overwritten by a later one: a changed situation is a new
 * record; only a typing mistake is corrected in place, and journalled
 * with the questions it changed (never the answers, which are sensitive). */
#include "edit_internal.h"
#include "error.h"
#include "fse.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum fse_form { FORM_ENTRY, FORM_EXIT, FORM_SURVEY };

static const char *const form_names[] = { "entry", "exit", "six-months" };

/* ---- checks of the answers alone, outside the transaction ---- */

static int check_entry(const struct edit_ctx *ctx, const struct fse_entry *e,
		       char **cause)
{
	int rc = edit_check_past_date(e->date, ctx->today, _("date"), cause);
	bool any = e->gender != GENDER_UNKNOWN ||
		   e->labour != FSE_LABOUR_NOT_ASKED ||
		   e->education != EDUCATION_UNKNOWN;

	if (rc != PC_OK)
		return rc;
	if ((unsigned)e->gender > GENDER_NONBINARY)
		return error_set(cause, PC_EINVAL, _("gender: not an answer"));
	if ((unsigned)e->labour > FSE_LABOUR_EDUCATION)
		return error_set(cause, PC_EINVAL,
				 _("situation on the labour market: not an "
				   "answer"));
	if ((unsigned)e->education > EDUCATION_ISCED_5_8)
		return error_set(cause, PC_EINVAL,
				 _("education level: not an answer"));
	if (e->unemployed_months != FSE_MONTHS_NONE &&
	    (e->unemployed_months < 0 || e->unemployed_months > FSE_MONTHS_MAX))
		return error_set(cause, PC_EINVAL,
				 _("months unemployed: between 0 and %d"),
				 FSE_MONTHS_MAX);
	if (e->unemployed_months != FSE_MONTHS_NONE &&
	    e->labour != FSE_LABOUR_UNEMPLOYED)
		return error_set(cause, PC_EINVAL,
				 _("months unemployed: only for someone "
				   "unemployed"));
	for (int s = 0; s < FSE_SIT_COUNT; s++) {
		const char *name = fse_question_name(FSE_Q_SITUATION + s);

		if ((unsigned)e->situation[s] > FSE_UNKNOWN)
			return error_set(cause, PC_EINVAL,
					 _("%s: not an answer"), name);
		if (e->situation[s] == FSE_REFUSED &&
		    !fse_situation_sensitive((enum fse_situation)s))
			return error_set(cause, PC_EINVAL,
					 _("%s: may be unknown, not refused"),
					 name);
		any = any || e->situation[s] != FSE_NOT_ASKED;
	}
	if (!any)
		return error_set(cause, PC_EINVAL,
				 _("no answer given; nothing was saved"));
	return PC_OK;
}

static int check_exit(const struct edit_ctx *ctx, const struct fse_exit *e,
		      char **cause)
{
	int rc = edit_check_past_date(e->date, ctx->today, _("date"), cause);

	if (rc == PC_OK && (e->situations & ~(uint32_t)FSE_EXIT_ALL) != 0)
		rc = error_set(cause, PC_EINVAL,
			       _("situation on leaving: not an answer"));
	return rc;
}

static int check_survey(const struct edit_ctx *ctx, const struct fse_survey *v,
			char **cause)
{
	int rc = edit_check_past_date(v->date, ctx->today, _("date asked"),
				      cause);

	if (rc != PC_OK)
		return rc;
	if ((unsigned)v->how > FSE_CONTACT_LETTER)
		return error_set(cause, PC_EINVAL,
				 _("asked how: phone, email or letter"));
	if (!v->reached && (v->employed || v->improved))
		return error_set(cause, PC_EINVAL,
				 _("not reached: no situation can be "
				   "recorded"));
	return PC_OK;
}

/* ---- the transaction ---- */

struct fse_args {
	const struct edit_ctx *ctx;
	enum fse_form form;
	bool correct;
	union {
		struct fse_entry entry;
		struct fse_exit exit;
		struct fse_survey survey;
	} rec;
	uint32_t seq; /* out: the record's number */
};

static uint64_t args_pid(const struct fse_args *a)
{
	return a->form == FORM_ENTRY  ? a->rec.entry.participant
	       : a->form == FORM_EXIT ? a->rec.exit.participant
				      : a->rec.survey.participant;
}

static pdate args_date(const struct fse_args *a)
{
	return a->form == FORM_ENTRY  ? a->rec.entry.date
	       : a->form == FORM_EXIT ? a->rec.exit.date
				      : a->rec.survey.date;
}

/* What the participant's state asks of the form: the entry answers are
 * of the time in the PLIE, from the entry on, and a new set not after the
 * exit (one may be there already, the exit recorded on an earlier day:
 * its corrections are taken); the exit and the survey are of someone who
 * left, the survey from six months after. */
static int check_against(const struct fse_args *a, const struct participant *p,
			 char **cause)
{
	char d[DATE_BUFSZ], e[DATE_BUFSZ];
	pdate from;

	if (a->form == FORM_ENTRY && p->entry_date != DATE_NONE &&
	    args_date(a) < p->entry_date)
		return error_set(cause, PC_EINVAL,
				 _("date: before the entry (%s)"),
				 date_format_local(p->entry_date, d));
	if (a->form == FORM_ENTRY && !a->correct &&
	    p->status == STATUS_EXITED && p->exit_date != DATE_NONE &&
	    args_date(a) > p->exit_date)
		return error_set(cause, PC_EINVAL,
				 _("date: after the exit (%s)"),
				 date_format_local(p->exit_date, d));
	if (a->form == FORM_ENTRY)
		return PC_OK;
	if (p->status != STATUS_EXITED || p->exit_date == DATE_NONE)
		return error_set(cause, PC_EINVAL,
				 _("%s %s has not left the PLIE"),
				 p->first_name ? p->first_name : "",
				 p->last_name ? p->last_name : "");
	from = a->form == FORM_EXIT ? p->exit_date
				    : fse_survey_from(p->exit_date);
	if (args_date(a) < from)
		return error_set(
			cause, PC_EINVAL,
			a->form == FORM_EXIT
				? _("date: not before the exit (%s)")
				: _("date asked: from six months after the "
				    "exit, %s (exit on %s)"),
			date_format_local(from, d), date_format_local(p->exit_date, e));
	return PC_OK;
}

/* Append `name` to the list of what a correction changed. */
static void changed(char *list, size_t size, const char *name)
{
	size_t n = strlen(list);

	snprintf(list + n, size - n, "%s%s", n ? ", " : "", name);
}

static void entry_diff(const struct fse_entry *was, const struct fse_entry *is,
		       char *list, size_t size)
{
	if (was->date != is->date)
		changed(list, size, "date");
	if (was->gender != is->gender)
		changed(list, size, fse_question_name(FSE_Q_GENDER));
	if (was->labour != is->labour)
		changed(list, size, fse_question_name(FSE_Q_LABOUR));
	if (was->unemployed_months != is->unemployed_months)
		changed(list, size, fse_question_name(FSE_Q_UNEMPLOYED_MONTHS));
	if (was->education != is->education)
		changed(list, size, fse_question_name(FSE_Q_EDUCATION));
	for (int s = 0; s < FSE_SIT_COUNT; s++)
		if (was->situation[s] != is->situation[s])
			changed(list, size,
				fse_question_name(FSE_Q_SITUATION + s));
}

static void exit_diff(const struct fse_exit *was, const struct fse_exit *is,
		      char *list, size_t size)
{
	if (was->date != is->date)
		changed(list, size, "date");
	if (was->situations != is->situations)
		changed(list, size, "situations");
}

static void survey_diff(const struct fse_survey *was,
			const struct fse_survey *is, char *list, size_t size)
{
	if (was->date != is->date)
		changed(list, size, "date");
	if (was->how != is->how)
		changed(list, size, "how");
	if (was->reached != is->reached)
		changed(list, size, "reached");
	if (was->employed != is->employed)
		changed(list, size, "employed");
	if (was->improved != is->improved)
		changed(list, size, "improved");
}

/* Correct record a->seq: read it, say what changes, write it back. */
static int correct(struct store_txn *t, struct fse_args *a, char **cause)
{
	uint64_t pid = args_pid(a);
	char list[256] = "", d[DATE_BUFSZ];
	pdate was_date = DATE_NONE;
	int rc;

	switch (a->form) {
	case FORM_ENTRY: {
		struct fse_entry was;

		rc = store_fse_entry_get(t, pid, a->seq, &was);
		if (rc == PC_OK) {
			was_date = was.date;
			entry_diff(&was, &a->rec.entry, list, sizeof list);
		}
		break;
	}
	case FORM_EXIT: {
		struct fse_exit was;

		rc = store_fse_exit_get(t, pid, a->seq, &was);
		if (rc == PC_OK) {
			was_date = was.date;
			exit_diff(&was, &a->rec.exit, list, sizeof list);
		}
		break;
	}
	default: {
		struct fse_survey was;

		rc = store_fse_survey_get(t, pid, a->seq, &was);
		if (rc == PC_OK) {
			was_date = was.date;
			survey_diff(&was, &a->rec.survey, list, sizeof list);
		}
		break;
	}
	}
	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc,
				 _("This questionnaire is not there; nothing "
				   "was saved."));
	if (rc != PC_OK)
		return rc;
	if (list[0] == '\0')
		return error_set(cause, PC_EINVAL,
				 _("nothing to change: the same answers"));
	switch (a->form) {
	case FORM_ENTRY:
		a->rec.entry.seq = a->seq;
		rc = store_fse_entry_put(t, &a->rec.entry);
		break;
	case FORM_EXIT:
		a->rec.exit.seq = a->seq;
		rc = store_fse_exit_put(t, &a->rec.exit);
		break;
	default:
		a->rec.survey.seq = a->seq;
		rc = store_fse_survey_put(t, &a->rec.survey);
		break;
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, pid,
				  "%s questionnaire %u of %s corrected: %s",
				  form_names[a->form], (unsigned)a->seq,
				  date_format_iso(was_date, d), list);
	return rc;
}

static int fse_cb(struct store_txn *t, void *arg, char **cause)
{
	struct fse_args *a = arg;
	struct participant p;
	char d[DATE_BUFSZ];
	int rc = edit_load(t, args_pid(a), &p, cause);

	if (rc == PC_OK)
		rc = check_against(a, &p, cause);
	participant_clear(&p);
	if (rc != PC_OK)
		return rc;
	if (a->correct)
		return correct(t, a, cause);
	switch (a->form) {
	case FORM_ENTRY:
		rc = store_fse_entry_add(t, &a->rec.entry, &a->seq);
		break;
	case FORM_EXIT:
		rc = store_fse_exit_add(t, &a->rec.exit, &a->seq);
		break;
	default:
		rc = store_fse_survey_add(t, &a->rec.survey, &a->seq);
		break;
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, args_pid(a),
				  "%s questionnaire %u of %s added",
				  form_names[a->form], (unsigned)a->seq,
				  date_format_iso(args_date(a), d));
	return rc;
}

static int run(struct store *s, struct fse_args *a, uint32_t *seq, char **cause)
{
	int rc = store_write(s, fse_cb, a, cause);

	if (rc == PC_OK && seq != NULL)
		*seq = a->seq;
	return rc;
}

int edit_fse_entry_add(struct store *s, const struct edit_ctx *ctx,
		       const struct fse_entry *e, uint32_t *seq, char **cause)
{
	struct fse_args a = { .ctx = ctx, .form = FORM_ENTRY };
	int rc = check_entry(ctx, e, cause);

	a.rec.entry = *e;
	return rc == PC_OK ? run(s, &a, seq, cause) : rc;
}

int edit_fse_entry_correct(struct store *s, const struct edit_ctx *ctx,
			   const struct fse_entry *e, char **cause)
{
	struct fse_args a = { .ctx = ctx, .form = FORM_ENTRY, .correct = true };
	int rc = check_entry(ctx, e, cause);

	a.rec.entry = *e;
	a.seq = e->seq;
	return rc == PC_OK ? run(s, &a, NULL, cause) : rc;
}

int edit_fse_exit_add(struct store *s, const struct edit_ctx *ctx,
		      const struct fse_exit *e, uint32_t *seq, char **cause)
{
	struct fse_args a = { .ctx = ctx, .form = FORM_EXIT };
	int rc = check_exit(ctx, e, cause);

	a.rec.exit = *e;
	return rc == PC_OK ? run(s, &a, seq, cause) : rc;
}

int edit_fse_exit_correct(struct store *s, const struct edit_ctx *ctx,
			  const struct fse_exit *e, char **cause)
{
	struct fse_args a = { .ctx = ctx, .form = FORM_EXIT, .correct = true };
	int rc = check_exit(ctx, e, cause);

	a.rec.exit = *e;
	a.seq = e->seq;
	return rc == PC_OK ? run(s, &a, NULL, cause) : rc;
}

int edit_fse_survey_add(struct store *s, const struct edit_ctx *ctx,
			const struct fse_survey *v, uint32_t *seq, char **cause)
{
	struct fse_args a = { .ctx = ctx, .form = FORM_SURVEY };
	int rc = check_survey(ctx, v, cause);

	a.rec.survey = *v;
	return rc == PC_OK ? run(s, &a, seq, cause) : rc;
}

int edit_fse_survey_correct(struct store *s, const struct edit_ctx *ctx,
			    const struct fse_survey *v, char **cause)
{
	struct fse_args a = { .ctx = ctx,
			      .form = FORM_SURVEY,
			      .correct = true };
	int rc = check_survey(ctx, v, cause);

	a.rec.survey = *v;
	a.seq = v->seq;
	return rc == PC_OK ? run(s, &a, NULL, cause) : rc;
}

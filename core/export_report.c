/* export_report.c: the sections of the human-readable report. */
#include "export_report.h"
#include "export_internal.h"
#include "error.h"
#include "i18n.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct report {
	const struct summary *s;
	const struct export_options *o;
	const struct report_renderer *r;
	void *ctx;
};

/* A string that grows: no text of the data is ever cut. */
struct str {
	char *s;
	size_t len, cap;
	bool failed; /* out of memory: s holds what came before */
};

static void str_add(struct str *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void str_add(struct str *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->failed)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = (b->len + (size_t)n + 1) * 2;
		char *grown = realloc(b->s, cap);

		if (grown == NULL) {
			b->failed = true;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* The text of `b`, "" when empty. */
static const char *str_text(const struct str *b)
{
	return b->s ? b->s : "";
}

static void str_free(struct str *b)
{
	free(b->s);
	*b = (struct str){ 0 };
}

static const char *date(const struct report *rp, pdate d, char *buf)
{
	const char *pattern = rp->o->date_pattern;

	return date_format_pattern(d, pattern ? pattern : "YYYY-MM-DD", buf,
				   DATE_BUFSZ);
}

/* Add "Lefèvre Élodie", or "P42" when pseudonymising, to `b`. */
static void who(const struct report *rp, const struct caseload_entry *e,
		struct str *b)
{
	const struct participant *p = &e->file.p;

	if (rp->o->pseudonymise)
		str_add(b, "P%llu", (unsigned long long)p->id);
	else
		str_add(b, "%s %s", p->last_name ? p->last_name : "",
			p->first_name ? p->first_name : "");
}

static void para(const struct report *rp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A paragraph of the report's own words, numbers and dates. */
static void para(const struct report *rp, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	rp->r->para(rp->ctx, buf);
}

/* The locale's decimal mark, as people there write a half: "," in French. */
static const char *decimal_mark(void)
{
	const struct lconv *lc = localeconv();

	return lc != NULL && lc->decimal_point != NULL && *lc->decimal_point
		       ? lc->decimal_point
		       : ".";
}

/* PC_OK, or PC_ENOMEM with the section left unfinished. */
static int stages(const struct report *rp)
{
	const struct summary *s = rp->s;
	const struct config *c = s->config;
	size_t n = c->n_stages + (s->stages[c->n_stages].count > 0);
	const char *head[] = { _("Stage"), _("Participants"),
			       _("Median days in stage") };
	const char *labels[64];
	size_t values[64];
	struct str names[64] = { 0 };
	bool failed = false;

	rp->r->heading(rp->ctx, _("Participants per stage"));
	if (rp->r->chart) {
		for (size_t i = 0; i < n && i < 64; i++) {
			if (i < c->n_stages)
				str_add(&names[i], "%zu %s", i + 1,
					c->stages[i].short_label);
			else
				str_add(&names[i], "%s", _("? unknown"));
			labels[i] = str_text(&names[i]);
			values[i] = s->stages[i].count;
			failed |= names[i].failed;
		}
		if (!failed)
			rp->r->chart(rp->ctx, _("Participants per stage"),
				     labels, values, n < 64 ? n : 64);
		for (size_t i = 0; i < 64; i++)
			str_free(&names[i]);
		if (failed)
			return PC_ENOMEM;
	}
	rp->r->table_begin(rp->ctx, head, 3);
	for (size_t i = 0; i < n; i++) {
		struct str a = { 0 };
		char b[32], m[32];
		const char *row[] = { NULL, b, m };

		if (i < c->n_stages)
			str_add(&a, "%zu %s", i + 1, c->stages[i].label);
		else
			str_add(&a, "%s", _("? unknown"));
		if (a.failed) {
			str_free(&a);
			return PC_ENOMEM;
		}
		row[0] = str_text(&a);
		snprintf(b, sizeof b, "%zu", s->stages[i].count);
		if (s->stages[i].median_half_days < 0)
			snprintf(m, sizeof m, "—");
		else
			export_halves(s->stages[i].median_half_days,
				      decimal_mark(), m, sizeof m);
		rp->r->row(rp->ctx, row, 3);
		str_free(&a);
	}
	rp->r->table_end(rp->ctx);
	return PC_OK;
}

/* PC_OK, or PC_ENOMEM with the table left unfinished. */
static int flags(const struct report *rp)
{
	const struct summary *s = rp->s;
	const char *head[] = { _("What"), _("Count"), _("Participants") };

	rp->r->heading(rp->ctx, _("Needing attention"));
	rp->r->table_begin(rp->ctx, head, 3);
	for (int k = 0; k < FLAG_COUNT; k++) {
		const struct summary_flag *f = &s->flags[k];
		struct str names = { 0 };
		char count[32];
		const char *row[] = { export_flag_label((enum flag_kind)k),
				      count, NULL };

		if (!rules_flag_enabled(s->config, (enum flag_kind)k))
			continue;
		/* The follow-up after exit only when someone is in it. */
		if (f->count == 0 &&
		    (k == FLAG_WORK_LOST || k == FLAG_VALIDATE_EXIT))
			continue;
		snprintf(count, sizeof count, "%zu", f->count);
		for (size_t i = 0; i < f->count; i++) {
			struct caseload_entry tmp;

			if (i)
				str_add(&names, ", ");
			who(rp, summary_entry(s, f->entries[i], &tmp), &names);
		}
		if (names.failed) {
			str_free(&names);
			return PC_ENOMEM;
		}
		row[2] = str_text(&names);
		rp->r->row(rp->ctx, row, 3);
		str_free(&names);
	}
	rp->r->table_end(rp->ctx);
	return PC_OK;
}

/* PC_OK, or PC_ENOMEM with the table left unfinished. */
static int followups(const struct report *rp)
{
	const struct summary *s = rp->s;
	const char *head[] = { _("Participant"), _("Job start"),
			       _("Next check-in") };

	rp->r->heading(rp->ctx, _("In-work follow-up"));
	if (s->n_followups == 0) {
		rp->r->para(rp->ctx, _("Nobody in in-work follow-up."));
		return PC_OK;
	}
	rp->r->table_begin(rp->ctx, head, 3);
	for (size_t i = 0; i < s->n_followups; i++) {
		const struct summary_followup *fu = &s->followups[i];
		struct caseload_entry tmp;
		const struct caseload_entry *e =
			summary_entry(s, fu->entry, &tmp);
		int off = fu->offset;
		pdate next = fu->next;
		struct str name = { 0 };
		char start[DATE_BUFSZ], when[DATE_BUFSZ], nx[64];
		const char *row[] = { NULL, start, nx };

		who(rp, e, &name);
		if (name.failed) {
			str_free(&name);
			return PC_ENOMEM;
		}
		if (e->file.p.status == STATUS_EXITED)
			str_add(&name, " %s", _("(left at hiring)"));
		row[0] = str_text(&name);
		date(rp, fu->job_start, start);
		if (next == DATE_NONE)
			snprintf(nx, sizeof nx, "%s", _("all held"));
		else
			snprintf(nx, sizeof nx, _("D+%d on %s"), off,
				 date(rp, next, when));
		rp->r->row(rp->ctx, row, 3);
		str_free(&name);
	}
	rp->r->table_end(rp->ctx);
	return PC_OK;
}

/* Exits for reason `i`: a configured one, then the unknown ones. */
static size_t reason_count(const struct summary *s, size_t i)
{
	size_t n = s->config->n_exit_reasons;

	return i < n ? s->exits_by_reason[i] : s->unknown_reasons[i - n].count;
}

/* The name of exit reason `i` of the report: the configured reasons, then
 * the unknown ones under their stored id, in *name (caller frees). */
static void reason_name(const struct summary *s, size_t i, struct str *name)
{
	const struct config *c = s->config;
	const struct summary_unknown_reason *u;

	if (i < c->n_exit_reasons) {
		str_add(name, "%s", c->exit_reasons[i].label);
		return;
	}
	u = &s->unknown_reasons[i - c->n_exit_reasons];
	if (u->id != NULL && *u->id)
		str_add(name, "%s (%s)", _("? unknown"), u->id);
	else
		str_add(name, "%s", _("? unknown"));
}

/* PC_OK, or PC_ENOMEM with the section left unfinished. */
static int exits(const struct report *rp)
{
	const struct summary *s = rp->s;
	const struct config *c = s->config;
	const char *head[] = { _("Reason"), _("Positive"), _("Exits") };
	const char *labels[64];
	size_t values[64], n = 0;
	size_t n_reasons = c->n_exit_reasons + s->n_unknown_reasons;
	struct str names[64] = { 0 };
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	int rate = summary_positive_rate(s);
	bool failed = false;

	rp->r->heading(rp->ctx, _("Entries and exits"));
	para(rp,
	     _("From %s to %s: %zu entries, %zu exits of which %zu positive"),
	     date(rp, s->from, from), date(rp, s->to, to), s->entries, s->exits,
	     s->positive);
	if (rate >= 0)
		para(rp, _("Positive-exit rate: %d %%."), rate);
	if (s->exits_pending + s->exits_lost > 0)
		para(rp,
		     _("Exits at hiring: %zu waiting for their validation, "
		       "%zu lost before six months (not positive)."),
		     s->exits_pending, s->exits_lost);
	if (s->exits == 0)
		return PC_OK;
	for (size_t i = 0; i < n_reasons && n < 64; i++) {
		size_t count = reason_count(s, i);

		if (count == 0)
			continue;
		reason_name(s, i, &names[n]);
		failed |= names[n].failed;
		labels[n] = str_text(&names[n]);
		values[n++] = count;
	}
	if (rp->r->chart && !failed)
		rp->r->chart(rp->ctx, _("Exits by reason"), labels, values, n);
	for (size_t i = 0; i < 64; i++)
		str_free(&names[i]);
	if (failed)
		return PC_ENOMEM;
	rp->r->table_begin(rp->ctx, head, 3);
	for (size_t i = 0; i < n_reasons; i++) {
		struct str name = { 0 };
		char count[32];
		const char *row[3];

		if (reason_count(s, i) == 0)
			continue;
		reason_name(s, i, &name);
		if (name.failed) {
			str_free(&name);
			return PC_ENOMEM;
		}
		snprintf(count, sizeof count, "%zu", reason_count(s, i));
		row[0] = str_text(&name);
		row[1] = i < c->n_exit_reasons && c->exit_reasons[i].positive
				 ? _("yes")
				 : _("no");
		row[2] = count;
		rp->r->row(rp->ctx, row, 3);
		str_free(&name);
	}
	rp->r->table_end(rp->ctx);
	return PC_OK;
}

static void completeness(const struct report *rp)
{
	static const char *const labels[FIELD_COUNT] = {
		[FIELD_GENDER] = N_("gender"),
		[FIELD_BIRTH_DATE] = N_("birth date (age band)"),
		[FIELD_EMPLOYMENT] = N_("employment situation at entry"),
		[FIELD_EDUCATION] = N_("education level"),
		[FIELD_CONTACT] = N_("phone or email for the survey"),
	};
	const char *head[] = { _("Entry data"), _("Participants lacking it") };

	rp->r->heading(rp->ctx, _("Completeness of the funder's entry data"));
	rp->r->table_begin(rp->ctx, head, 2);
	for (int f = 0; f < FIELD_COUNT; f++) {
		char count[32];
		const char *row[] = { _(labels[f]), count };

		snprintf(count, sizeof count, "%zu", rp->s->missing[f]);
		rp->r->row(rp->ctx, row, 2);
	}
	rp->r->table_end(rp->ctx);
}

/* What each indicator of the funder's table counts, for people. */
static const char *const indicator_labels[IND_COUNT] = {
	[IND_ENTERED] = N_("Participants who entered"),
	[IND_UNEMPLOYED] = N_("Unemployed, long-term included"),
	[IND_LONG_TERM_UNEMPLOYED] =
		N_("Long-term unemployed (12 months or more)"),
	[IND_INACTIVE] = N_("Inactive"),
	[IND_EMPLOYED] = N_("Employed, self-employed included"),
	[IND_EDUCATION] = N_("In education or training"),
	[IND_UNDER_18] = N_("Under 18"),
	[IND_AGE_18_29] = N_("Aged 18 to 29"),
	[IND_AGE_30_54] = N_("Aged 30 to 54"),
	[IND_AGE_55_OVER] = N_("Aged 55 and over"),
	[IND_ISCED_0_2] = N_("ISCED 0-2 (up to lower secondary)"),
	[IND_ISCED_3_4] = N_("ISCED 3-4 (CAP, BEP, baccalauréat)"),
	[IND_ISCED_5_8] = N_("ISCED 5-8 (bac+2 and over)"),
	[IND_SITUATION + FSE_SIT_DISABILITY] = N_("With a disability (RQTH)"),
	[IND_SITUATION + FSE_SIT_THIRD_COUNTRY] = N_("Third-country nationals"),
	[IND_SITUATION + FSE_SIT_FOREIGN_BACKGROUND] =
		N_("With a foreign background"),
	[IND_SITUATION + FSE_SIT_MINORITY] = N_("Minorities"),
	[IND_SITUATION + FSE_SIT_HOMELESS] =
		N_("Homeless or in housing exclusion"),
	[IND_SITUATION + FSE_SIT_RURAL] = N_("From rural areas"),
	[IND_SITUATION + FSE_SIT_QPV] = N_("From a priority district (QPV)"),
	[IND_EXITED] = N_("Participants who left"),
	[IND_EXIT_SEARCHING] = N_("Searching for a job"),
	[IND_EXIT_EDUCATION] = N_("In education or training"),
	[IND_EXIT_QUALIFICATION] = N_("Gained a qualification"),
	[IND_EXIT_EMPLOYED] = N_("In employment, self-employment included"),
	[IND_SURVEYED] = N_("Surveys six months after leaving"),
	[IND_SURVEY_EMPLOYED] = N_("In employment, self-employment included"),
	[IND_SURVEY_IMPROVED] = N_("In an improved situation"),
	[IND_SURVEY_NOT_REACHED] = N_("Not reached"),
};

const char *export_indicator_label(enum summary_indicator i)
{
	return i < IND_COUNT ? _(indicator_labels[i]) : "?";
}

/* Rows first..last of the indicator table, the hidden ones left out. */
static void indicator_rows(const struct report *rp, int first, int last,
			   bool hide)
{
	const char *head[] = { _("Indicator"), _("Women"), _("Men"),
			       _("Non-binary"), _("Total") };

	rp->r->table_begin(rp->ctx, head, 5);
	for (int i = first; i <= last; i++) {
		const size_t *n = rp->s->indicators[i];
		char v[SEX_COUNT][32];
		const char *row[] = { _(indicator_labels[i]), v[0], v[1], v[2],
				      v[3] };

		if (hide &&
		    summary_indicator_sensitive((enum summary_indicator)i))
			continue;
		for (int k = 0; k < SEX_COUNT; k++)
			snprintf(v[k], sizeof v[k], "%zu", n[k]);
		rp->r->row(rp->ctx, row, 5);
	}
	rp->r->table_end(rp->ctx);
}

/* What each question of the completeness table asks, for people. */
static const char *const questions[SUMMARY_Q_COUNT] = {
	[FSE_Q_GENDER] = N_("gender"),
	[FSE_Q_BIRTH_DATE] = N_("birth date (age band)"),
	[FSE_Q_LABOUR] = N_("situation on the labour market"),
	[FSE_Q_UNEMPLOYED_MONTHS] =
		N_("months of unemployment (the unemployed)"),
	[FSE_Q_EDUCATION] = N_("education level"),
	[FSE_Q_SITUATION + FSE_SIT_DISABILITY] = N_("disability"),
	[FSE_Q_SITUATION + FSE_SIT_THIRD_COUNTRY] =
		N_("third-country national"),
	[FSE_Q_SITUATION + FSE_SIT_FOREIGN_BACKGROUND] =
		N_("foreign background"),
	[FSE_Q_SITUATION + FSE_SIT_MINORITY] = N_("minority"),
	[FSE_Q_SITUATION + FSE_SIT_HOMELESS] =
		N_("homeless or housing exclusion"),
	[FSE_Q_SITUATION + FSE_SIT_RURAL] = N_("rural area"),
	[FSE_Q_SITUATION + FSE_SIT_QPV] = N_("priority district (QPV)"),
	[SUMMARY_Q_EXIT] = N_("situation on leaving (those who left)"),
	[SUMMARY_Q_SURVEY] =
		N_("six-months survey (those who left, months come)"),
};

const char *export_question_label(int q)
{
	return q >= 0 && q < SUMMARY_Q_COUNT ? _(questions[q]) : "?";
}

/* The funder's indicator table of the period, and how complete the
 * answers it rests on are. */
static void fse_table(const struct report *rp)
{
	const char *head[] = { _("Question"), _("Answered"), _("Refused"),
			       _("Unknown"), _("Missing") };
	bool hide = export_hides_sensitive(rp->o);
	char from[DATE_BUFSZ], to[DATE_BUFSZ];

	rp->r->heading(rp->ctx, _("The funder's indicators (FSE+)"));
	para(rp,
	     _("At entry: those who entered from %s to %s, by gender as "
	       "answered at entry (the total counts those whose gender is "
	       "not given too)."),
	     date(rp, rp->s->from, from), date(rp, rp->s->to, to));
	if (hide)
		rp->r->para(rp->ctx,
			    _("Pseudonymised: the sensitive answers "
			      "(disability, origin, minority, housing) are "
			      "left out; --with-sensitive keeps them."));
	indicator_rows(rp, IND_ENTERED, IND_EXITED - 1, hide);
	rp->r->para(rp->ctx, _("On leaving: those who left in the period."));
	indicator_rows(rp, IND_EXITED, IND_SURVEYED - 1, hide);
	rp->r->para(rp->ctx,
		    _("Six months after leaving: the surveys dated in the "
		      "period."));
	indicator_rows(rp, IND_SURVEYED, IND_COUNT - 1, hide);
	rp->r->heading(rp->ctx, _("Completeness of the funder's answers"));
	rp->r->table_begin(rp->ctx, head, 5);
	for (int q = 0; q < SUMMARY_Q_COUNT; q++) {
		const struct summary_answers *a = &rp->s->answers[q];
		char v[4][32];
		const char *row[] = { _(questions[q]), v[0], v[1], v[2], v[3] };

		if (hide && summary_question_sensitive(q))
			continue;
		snprintf(v[0], 32, "%zu", a->answered);
		snprintf(v[1], 32, "%zu", a->refused);
		snprintf(v[2], 32, "%zu", a->unknown);
		snprintf(v[3], 32, "%zu", a->missing);
		rp->r->row(rp->ctx, row, 5);
	}
	rp->r->table_end(rp->ctx);
}

static void referents(const struct report *rp)
{
	const struct summary *s = rp->s;
	const char *head[] = { _("Referent"), _("Caseload"), _("To do"),
			       _("Entries"),  _("Exits"),    _("Positive") };

	rp->r->heading(rp->ctx, _("Referents"));
	rp->r->table_begin(rp->ctx, head, 6);
	for (size_t i = 0; i < s->n_referents; i++) {
		const struct summary_referent *r = &s->referents[i];
		char v[5][32];
		const char *row[] = { r->name, v[0], v[1], v[2], v[3], v[4] };

		snprintf(v[0], 32, "%zu", r->caseload);
		snprintf(v[1], 32, "%zu", r->flagged);
		snprintf(v[2], 32, "%zu", r->entries);
		snprintf(v[3], 32, "%zu", r->exits);
		snprintf(v[4], 32, "%zu", r->positive);
		rp->r->row(rp->ctx, row, 6);
	}
	rp->r->table_end(rp->ctx);
}

/* PC_OK, or PC_ENOMEM with the table left unfinished. */
static int participants(const struct report *rp)
{
	const struct summary *s = rp->s;
	const enum row_column cols[] = { COL_ID,	   COL_STAGE_NO,
					 COL_ENTRY_DATE,   COL_DAYS_IN_STAGE,
					 COL_LAST_CONTACT, COL_NEXT_APPOINTMENT,
					 COL_FLAGS };
	const char *head[] = { _("#"),
			       _("Name"),
			       _("Stage"),
			       _("Entry"),
			       _("Days in stage"),
			       _("Last contact"),
			       _("Next appointment"),
			       _("To do") };

	rp->r->heading(rp->ctx, _("Participants"));
	rp->r->table_begin(rp->ctx, head, 8);
	for (size_t i = 0; i < s->n_rows; i++) {
		struct caseload_entry tmp;
		const struct caseload_entry *e =
			summary_entry(s, s->rows[i], &tmp);
		char cells[8][EXPORT_CELL_SIZE];
		struct str name = { 0 }, todo = { 0 };
		const char *row[8];

		row[0] = export_cell(s, e, cols[0], rp->o->pseudonymise,
				     rp->o->date_pattern, cells[0],
				     EXPORT_CELL_SIZE);
		who(rp, e, &name);
		row[1] = str_text(&name);
		for (int c = 1; c < 6; c++)
			row[c + 1] =
				export_cell(s, e, cols[c], rp->o->pseudonymise,
					    rp->o->date_pattern, cells[c + 1],
					    EXPORT_CELL_SIZE);
		/* People read what is to do, not the flags' names. */
		for (size_t k = 0; k < e->summary.n_flags; k++)
			str_add(&todo, "%s%s", k ? ", " : "",
				export_flag_label(e->summary.flags[k].kind));
		row[7] = str_text(&todo);
		if (!name.failed && !todo.failed)
			rp->r->row(rp->ctx, row, 8);
		str_free(&todo);
		if (name.failed || todo.failed) {
			str_free(&name);
			return PC_ENOMEM;
		}
		str_free(&name);
	}
	rp->r->table_end(rp->ctx);
	return PC_OK;
}

int export_report(const struct summary *s, const struct export_options *o,
		  const struct report_renderer *r, void *ctx)
{
	struct report rp = { s, o, r, ctx };
	struct str title = { 0 };
	char today[DATE_BUFSZ];
	int rc;

	str_add(&title, _("Caseload summary — %s"),
		s->referent ? s->referent : _("All referents"));
	if (title.failed) {
		str_free(&title);
		return PC_ENOMEM;
	}
	r->begin(ctx, str_text(&title));
	str_free(&title);
	para(&rp, _("Made on %s%s."), date(&rp, s->today, today),
	     o->pseudonymise ? _(", pseudonymised (participants by number)")
			     : "");
	r->heading(ctx, _("Caseload"));
	para(&rp,
	     _("%zu participants for a target of %d (%zu %%); %zu need "
	       "attention."),
	     s->caseload, s->config->caseload_target,
	     (s->caseload * 100 + (size_t)s->config->caseload_target / 2) /
		     (size_t)s->config->caseload_target,
	     s->flagged);
	if ((rc = stages(&rp)) != PC_OK || (rc = flags(&rp)) != PC_OK ||
	    (rc = followups(&rp)) != PC_OK || (rc = exits(&rp)) != PC_OK)
		return rc;
	completeness(&rp);
	fse_table(&rp);
	if (s->referent == NULL)
		referents(&rp);
	if ((rc = participants(&rp)) != PC_OK)
		return rc;
	r->end(ctx);
	return PC_OK;
}

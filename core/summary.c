/* summary.c: from a caseload to the figures the PLIE and the funder ask. */
#include "summary.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

static const char *const field_names[FIELD_COUNT] = {
	[FIELD_GENDER] = "gender",	   [FIELD_BIRTH_DATE] = "birth_date",
	[FIELD_EMPLOYMENT] = "employment", [FIELD_EDUCATION] = "education",
	[FIELD_CONTACT] = "contact",
};

const char *summary_field_name(enum completeness_field f)
{
	return f < FIELD_COUNT ? field_names[f] : "?";
}

bool summary_lacks(const struct caseload_entry *e, enum completeness_field f)
{
	const struct participant *p = &e->file.p;

	switch (f) {
	case FIELD_GENDER:
		return p->gender == GENDER_UNKNOWN;
	case FIELD_BIRTH_DATE:
		return p->birth_date == DATE_NONE;
	case FIELD_EMPLOYMENT:
		return p->employment == EMPLOYMENT_UNKNOWN;
	case FIELD_EDUCATION:
		return p->education == EDUCATION_UNKNOWN;
	case FIELD_CONTACT:
		return (p->phone == NULL || !*p->phone) &&
		       (p->email == NULL || !*p->email);
	default:
		return false;
	}
}

pdate summary_next_checkin(const struct config *c,
			   const struct participant_file *f, pdate today,
			   int *offset)
{
	struct rules_followup fu;

	/* The follow-up the flags follow: the qualifying run's. */
	if (!rules_followup(c, f, today, &fu))
		return DATE_NONE;
	for (size_t i = 0; i < c->n_checkins; i++) {
		int day = c->checkin_days[i];

		if (rules_checkin_held(f, &fu, day) == DATE_NONE) {
			if (offset != NULL)
				*offset = day;
			return fu.start + day;
		}
	}
	return DATE_NONE;
}

bool summary_exit_positive(const struct config *c, const struct participant *p)
{
	const struct config_exit_reason *why =
		config_exit_reason(c, p->exit_reason);

	if (p->status != STATUS_EXITED || why == NULL || !why->positive)
		return false;
	/* What was stored in exit_positive followed the configuration of
	 * the day of the exit: the figures follow today's. */
	if (p->exit_lost != DATE_NONE)
		return false;
	return c->exit_validation != EXIT_AFTER_FOLLOWUP ||
	       p->exit_validated != DATE_NONE;
}

int summary_positive_rate(const struct summary *s)
{
	if (s->exits == 0)
		return -1;
	return (int)((s->positive * 100 + s->exits / 2) / s->exits);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Median days in each stage over the current participants. */
static int stage_medians(struct summary *s)
{
	size_t n = s->config->n_stages + 1;
	int *days = malloc((s->cl->n ? s->cl->n : 1) * sizeof *days);

	if (days == NULL)
		return PC_ENOMEM;
	for (size_t st = 0; st < n; st++) {
		size_t k = 0;

		for (size_t i = 0; i < s->cl->n; i++) {
			const struct caseload_entry *e = &s->cl->entries[i];
			size_t idx = e->stage_index == CASELOAD_NO_STAGE
					     ? n - 1
					     : e->stage_index;

			if (e->file.p.status != STATUS_EXITED && idx == st)
				days[k++] = e->summary.days_in_stage;
		}
		s->stages[st].count = k;
		if (k == 0) {
			s->stages[st].median_half_days = -1;
			continue;
		}
		qsort(days, k, sizeof *days, cmp_int);
		s->stages[st].median_half_days =
			k % 2 ? 2 * days[k / 2] : days[k / 2 - 1] + days[k / 2];
	}
	free(days);
	return PC_OK;
}

static struct summary_referent *referent_of(struct summary *s, const char *name)
{
	struct summary_referent *grown;

	for (size_t i = 0; i < s->n_referents; i++)
		if (strcmp(s->referents[i].name, name) == 0)
			return &s->referents[i];
	grown = realloc(s->referents, (s->n_referents + 1) * sizeof *grown);
	if (grown == NULL)
		return NULL;
	s->referents = grown;
	memset(&grown[s->n_referents], 0, sizeof *grown);
	grown[s->n_referents].name = strdup(name);
	if (grown[s->n_referents].name == NULL)
		return NULL;
	return &grown[s->n_referents++];
}

static int cmp_reason_id(const char *x, const char *y)
{
	return x == NULL ? (y == NULL ? 0 : -1) : y == NULL ? 1 : strcmp(x, y);
}

/* Count one more exit for the unknown reason `id`; PC_ENOMEM. */
static int count_unknown(struct summary *s, const char *id)
{
	struct summary_unknown_reason *grown;
	size_t i = 0;

	while (i < s->n_unknown_reasons &&
	       cmp_reason_id(s->unknown_reasons[i].id, id) < 0)
		i++;
	if (i < s->n_unknown_reasons &&
	    cmp_reason_id(s->unknown_reasons[i].id, id) == 0) {
		s->unknown_reasons[i].count++;
		return PC_OK;
	}
	grown = realloc(s->unknown_reasons,
			(s->n_unknown_reasons + 1) * sizeof *grown);
	if (grown == NULL)
		return PC_ENOMEM;
	s->unknown_reasons = grown;
	memmove(&grown[i + 1], &grown[i],
		(s->n_unknown_reasons - i) * sizeof *grown);
	grown[i].id = id;
	grown[i].count = 1;
	s->n_unknown_reasons++;
	return PC_OK;
}

/* A participant in work and their next check-in, computed once before
 * sorting (the comparison would compute it twice per comparison). */
struct followup_key {
	const struct caseload_entry *e;
	size_t entry;
	pdate next;
};

static int cmp_followup(const void *a, const void *b)
{
	const struct followup_key *kx = a, *ky = b;
	const struct caseload_entry *x = kx->e, *y = ky->e;
	pdate dx = kx->next, dy = ky->next;

	if (dx != dy)
		return dx == DATE_NONE	 ? 1
		       : dy == DATE_NONE ? -1
		       : dx < dy	 ? -1
					 : 1;
	return caseload_compare_name(x, y);
}

/* The participants in work, by next check-in, then by name. */
static int sort_followups(struct summary *s)
{
	struct followup_key *keys =
		malloc((s->n_followups ? s->n_followups : 1) * sizeof *keys);

	if (keys == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < s->n_followups; i++) {
		keys[i].entry = s->followups[i];
		keys[i].e = &s->cl->entries[keys[i].entry];
		keys[i].next = summary_next_checkin(s->config, &keys[i].e->file,
						    s->today, NULL);
	}
	qsort(keys, s->n_followups, sizeof *keys, cmp_followup);
	for (size_t i = 0; i < s->n_followups; i++)
		s->followups[i] = keys[i].entry;
	free(keys);
	return PC_OK;
}

/* Note entry i under each of its flags. */
static void add_flags(struct summary *s, const struct caseload_entry *e,
		      size_t i)
{
	for (size_t k = 0; k < e->summary.n_flags; k++) {
		struct summary_flag *f = &s->flags[e->summary.flags[k].kind];

		f->entries[f->count++] = i;
	}
}

static int cmp_name_by_referent(const void *a, const void *b)
{
	const struct summary_referent *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int summary_build(struct summary *s, const struct config *c,
		  const struct caseload *cl, const char *referent, pdate today,
		  pdate from, pdate to)
{
	size_t n = cl->n ? cl->n : 1;
	int rc = PC_OK;

	memset(s, 0, sizeof *s);
	s->config = c;
	s->cl = cl;
	s->referent = referent;
	s->today = today;
	s->from = from;
	s->to = to;
	s->stages = calloc(c->n_stages + 1, sizeof *s->stages);
	s->exits_by_reason =
		calloc(c->n_exit_reasons + 1, sizeof *s->exits_by_reason);
	s->followups = calloc(n, sizeof *s->followups);
	s->rows = calloc(n, sizeof *s->rows);
	for (int k = 0; k < FLAG_COUNT; k++) {
		s->flags[k].entries = calloc(n, sizeof(size_t));
		if (s->flags[k].entries == NULL)
			rc = PC_ENOMEM;
	}
	if (rc != PC_OK || s->stages == NULL || s->exits_by_reason == NULL ||
	    s->followups == NULL || s->rows == NULL) {
		summary_free(s);
		return PC_ENOMEM;
	}
	for (size_t i = 0; i < cl->n; i++) {
		const struct caseload_entry *e = &cl->entries[i];
		const struct participant *p = &e->file.p;
		struct summary_referent *r = NULL;
		bool entered = p->entry_date >= from && p->entry_date <= to;
		bool left = p->status == STATUS_EXITED &&
			    p->exit_date >= from && p->exit_date <= to;

		if (referent == NULL) {
			r = referent_of(s, p->referent ? p->referent : "");
			if (r == NULL) {
				summary_free(s);
				return PC_ENOMEM;
			}
		}
		s->entries += entered;
		if (r)
			r->entries += entered;
		if (left) {
			const struct config_exit_reason *why =
				config_exit_reason(c, p->exit_reason);
			bool positive = summary_exit_positive(c, p);

			s->exits++;
			s->positive += positive;
			s->exits_pending += rules_after_exit(c, p);
			s->exits_lost += p->exit_lost != DATE_NONE;
			s->exits_by_reason[why ? (size_t)(why - c->exit_reasons)
					       : c->n_exit_reasons]++;
			if (why == NULL &&
			    count_unknown(s, p->exit_reason) != PC_OK) {
				summary_free(s);
				return PC_ENOMEM;
			}
			if (r) {
				r->exits++;
				r->positive += positive;
			}
		}
		if (p->status == STATUS_EXITED) {
			/* Left at hiring: the in-work follow-up goes on;
			 * left six months ago: the funder's survey. */
			if (rules_after_exit(c, p)) {
				s->after_exit++;
				s->followups[s->n_followups++] = i;
			}
			if (e->summary.n_flags > 0) {
				s->flagged++;
				if (r)
					r->flagged++;
				add_flags(s, e, i);
			}
			continue;
		}
		s->caseload++;
		s->rows[s->n_rows++] = i;
		if (r)
			r->caseload++;
		if (e->summary.n_flags > 0) {
			s->flagged++;
			if (r)
				r->flagged++;
		}
		add_flags(s, e, i);
		if (participant_file_current_job(&e->file) != NULL)
			s->followups[s->n_followups++] = i;
		for (int f = 0; f < FIELD_COUNT; f++)
			s->missing[f] +=
				summary_lacks(e, (enum completeness_field)f);
	}
	rc = stage_medians(s);
	if (rc != PC_OK) {
		summary_free(s);
		return rc;
	}
	rc = sort_followups(s);
	if (rc != PC_OK) {
		summary_free(s);
		return rc;
	}
	if (s->n_referents > 1)
		qsort(s->referents, s->n_referents, sizeof *s->referents,
		      cmp_name_by_referent);
	return PC_OK;
}

void summary_free(struct summary *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n_referents; i++)
		free(s->referents[i].name);
	free(s->referents);
	for (int k = 0; k < FLAG_COUNT; k++)
		free(s->flags[k].entries);
	free(s->stages);
	free(s->exits_by_reason);
	free(s->unknown_reasons);
	free(s->followups);
	free(s->rows);
	memset(s, 0, sizeof *s);
}

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

static const char *const indicator_names[IND_COUNT] = {
	[IND_ENTERED] = "entered",
	[IND_UNEMPLOYED] = "unemployed",
	[IND_LONG_TERM_UNEMPLOYED] = "long_term_unemployed",
	[IND_INACTIVE] = "inactive",
	[IND_EMPLOYED] = "employed",
	[IND_EDUCATION] = "in_education",
	[IND_UNDER_18] = "under_18",
	[IND_AGE_18_29] = "age_18_29",
	[IND_AGE_30_54] = "age_30_54",
	[IND_AGE_55_OVER] = "age_55_over",
	[IND_ISCED_0_2] = "isced_0_2",
	[IND_ISCED_3_4] = "isced_3_4",
	[IND_ISCED_5_8] = "isced_5_8",
	[IND_EXITED] = "exited",
	[IND_EXIT_SEARCHING] = "exit_searching",
	[IND_EXIT_EDUCATION] = "exit_in_education",
	[IND_EXIT_QUALIFICATION] = "exit_qualification",
	[IND_EXIT_EMPLOYED] = "exit_employed",
	[IND_SURVEYED] = "surveyed",
	[IND_SURVEY_EMPLOYED] = "survey_employed",
	[IND_SURVEY_IMPROVED] = "survey_improved",
	[IND_SURVEY_NOT_REACHED] = "survey_not_reached",
};

const char *summary_indicator_name(enum summary_indicator i)
{
	if (i >= IND_SITUATION && i < IND_SITUATION + FSE_SIT_COUNT)
		return model_enum_name(ENUM_FSE_SITUATION, i - IND_SITUATION);
	return i < IND_COUNT ? indicator_names[i] : "?";
}

const char *summary_question_name(int q)
{
	if (q == SUMMARY_Q_EXIT)
		return "exit";
	if (q == SUMMARY_Q_SURVEY)
		return "survey";
	return fse_question_name(q);
}

bool summary_indicator_sensitive(enum summary_indicator i)
{
	return i >= IND_SITUATION && i < IND_SITUATION + FSE_SIT_COUNT &&
	       fse_situation_sensitive((enum fse_situation)(i - IND_SITUATION));
}

bool summary_question_sensitive(int q)
{
	return q >= FSE_Q_SITUATION && q < FSE_Q_COUNT &&
	       fse_situation_sensitive(
		       (enum fse_situation)(q - FSE_Q_SITUATION));
}

enum summary_indicator summary_age_band(pdate birth, pdate at)
{
	int by, bm, bd, ay, am, ad, age;

	if (birth == DATE_NONE || at == DATE_NONE || at < birth)
		return IND_COUNT;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(at, &ay, &am, &ad);
	/* Whole years: one more on the birthday itself (born on 29
	 * February: on 1 March in other years). */
	age = ay - by - (am < bm || (am == bm && ad < bd));
	return age < 18	  ? IND_UNDER_18
	       : age < 30 ? IND_AGE_18_29
	       : age < 55 ? IND_AGE_30_54
			  : IND_AGE_55_OVER;
}

bool summary_lacks(const struct caseload_entry *e, enum completeness_field f)
{
	const struct participant *p = &e->file.p;
	struct fse_entry v;

	if (f == FIELD_GENDER || f == FIELD_EMPLOYMENT || f == FIELD_EDUCATION)
		fse_entry_view(&e->file, &v);
	switch (f) {
	case FIELD_GENDER:
		return v.gender == GENDER_UNKNOWN;
	case FIELD_BIRTH_DATE:
		return p->birth_date == DATE_NONE;
	case FIELD_EMPLOYMENT:
		return v.labour == FSE_LABOUR_NOT_ASKED;
	case FIELD_EDUCATION:
		return v.education == EDUCATION_UNKNOWN;
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

bool summary_entered(const struct participant *p, pdate from, pdate to)
{
	return p->origin == NULL && p->entry_date >= from &&
	       p->entry_date <= to;
}

bool summary_left(const struct participant *p, pdate from, pdate to)
{
	return p->status == STATUS_EXITED && p->transferred == DATE_NONE &&
	       p->exit_date >= from && p->exit_date <= to;
}

int summary_positive_rate(const struct summary *s)
{
	if (s->exits == 0)
		return -1;
	return (int)((s->positive * 100 + s->exits / 2) / s->exits);
}

size_t summary_n_entries(const struct summary *s)
{
	return s->roster ? s->roster->n : s->cl ? s->cl->n : 0;
}

const struct caseload_entry *summary_entry(const struct summary *s, size_t i,
					   struct caseload_entry *tmp)
{
	if (s->roster == NULL)
		return &s->cl->entries[i];
	roster_entry(s->roster, i, tmp);
	return tmp;
}

/* A current participant's days in stage, under their stage's index. */
struct stage_days {
	size_t stage;
	int days;
};

static int cmp_stage_days(const void *a, const void *b)
{
	const struct stage_days *x = a, *y = b;

	if (x->stage != y->stage)
		return x->stage < y->stage ? -1 : 1;
	return (x->days > y->days) - (x->days < y->days);
}

/* Median days in each stage over the current participants. */
static int stage_medians(struct summary *s)
{
	size_t n = s->config->n_stages + 1, total = summary_n_entries(s), k = 0;
	struct stage_days *days = malloc((total ? total : 1) * sizeof *days);

	if (days == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < total; i++) {
		const struct roster_row *w =
			s->roster ? &s->roster->rows[i] : NULL;
		const struct caseload_entry *e =
			s->roster ? NULL : &s->cl->entries[i];
		bool exited = w ? w->status == STATUS_EXITED
				: e->file.p.status == STATUS_EXITED;
		size_t stage = w ? (w->stage_index == UINT32_MAX
					    ? CASELOAD_NO_STAGE
					    : w->stage_index)
				 : e->stage_index;

		if (exited)
			continue;
		days[k].stage = stage == CASELOAD_NO_STAGE ? n - 1 : stage;
		days[k++].days = w ? w->days_in_stage
				   : e->summary.days_in_stage;
	}
	qsort(days, k, sizeof *days, cmp_stage_days);
	for (size_t st = 0, i = 0; st < n; st++) {
		size_t from = i, c;

		while (i < k && days[i].stage == st)
			i++;
		c = i - from;
		s->stages[st].count = c;
		if (c == 0) {
			s->stages[st].median_half_days = -1;
			continue;
		}
		s->stages[st].median_half_days =
			c % 2 ? 2 * days[from + c / 2].days
			      : days[from + c / 2 - 1].days +
					days[from + c / 2].days;
	}
	free(days);
	return PC_OK;
}

/* The referent `name`, added if new: kept sorted by name (as shown), so
 * found by bisection; NULL when out of memory. */
static struct summary_referent *referent_of(struct summary *s, const char *name)
{
	struct summary_referent *grown;
	size_t lo = 0, hi = s->n_referents;
	char *copy;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->referents[mid].name, name);

		if (c == 0)
			return &s->referents[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	copy = strdup(name);
	if (copy == NULL)
		return NULL;
	grown = realloc(s->referents, (s->n_referents + 1) * sizeof *grown);
	if (grown == NULL) {
		free(copy);
		return NULL;
	}
	s->referents = grown;
	memmove(&grown[lo + 1], &grown[lo],
		(s->n_referents - lo) * sizeof *grown);
	memset(&grown[lo], 0, sizeof *grown);
	grown[lo].name = copy;
	s->n_referents++;
	return &grown[lo];
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
	char *copy = NULL;

	if (id != NULL && (copy = strdup(id)) == NULL)
		return PC_ENOMEM;
	grown = realloc(s->unknown_reasons,
			(s->n_unknown_reasons + 1) * sizeof *grown);
	if (grown == NULL) {
		free(copy);
		return PC_ENOMEM;
	}
	s->unknown_reasons = grown;
	memmove(&grown[i + 1], &grown[i],
		(s->n_unknown_reasons - i) * sizeof *grown);
	grown[i].id = copy;
	grown[i].count = 1;
	s->n_unknown_reasons++;
	return PC_OK;
}

/* A participant in work, with what orders them: the next check-in,
 * then the name as caseload_compare_name has it. */
struct followup_key {
	struct summary_followup fu;
	const char *name_key; /* in the caseload or roster */
	uint64_t id;
};

static int cmp_followup(const void *a, const void *b)
{
	const struct followup_key *kx = a, *ky = b;
	pdate dx = kx->fu.next, dy = ky->fu.next;
	int r;

	if (dx != dy)
		return dx == DATE_NONE	 ? 1
		       : dy == DATE_NONE ? -1
		       : dx < dy	 ? -1
					 : 1;
	r = strcmp(kx->name_key ? kx->name_key : "",
		   ky->name_key ? ky->name_key : "");
	if (r == 0)
		r = kx->id < ky->id ? -1 : kx->id > ky->id;
	return r;
}

/* Note entry i under each of its flags. */
static void add_flags(struct summary *s, const struct flag *flags, size_t n,
		      size_t i)
{
	for (size_t k = 0; k < n; k++) {
		struct summary_flag *f = &s->flags[flags[k].kind];

		f->entries[f->count++] = i;
	}
}

/* Count one more under indicator i for someone of gender g. */
static void count_ind(struct summary *s, enum summary_indicator i,
		      enum gender g)
{
	static const enum summary_sex sex[] = {
		[GENDER_FEMALE] = SEX_WOMEN,
		[GENDER_MALE] = SEX_MEN,
		[GENDER_NONBINARY] = SEX_NONBINARY,
	};

	if (g == GENDER_FEMALE || g == GENDER_MALE || g == GENDER_NONBINARY)
		s->indicators[i][sex[g]]++;
	s->indicators[i][SEX_TOTAL]++;
}

/* One more answer to question q: given, or not asked. */
static void count_answer(struct summary *s, int q, bool given)
{
	if (given)
		s->answers[q].answered++;
	else
		s->answers[q].missing++;
}

/* The output indicators of someone who entered in the period, from the
 * entry answers as first given, and the completeness of those. */
static void count_entry(struct summary *s, const struct participant_file *f,
			const struct fse_entry *v)
{
	static const enum summary_indicator labour[] = {
		[FSE_LABOUR_NOT_ASKED] = IND_COUNT,
		[FSE_LABOUR_UNEMPLOYED] = IND_UNEMPLOYED,
		[FSE_LABOUR_INACTIVE] = IND_INACTIVE,
		[FSE_LABOUR_EMPLOYED] = IND_EMPLOYED,
		[FSE_LABOUR_EDUCATION] = IND_EDUCATION,
	};
	static const enum summary_indicator isced[] = {
		[EDUCATION_UNKNOWN] = IND_COUNT,
		[EDUCATION_ISCED_0_2] = IND_ISCED_0_2,
		[EDUCATION_ISCED_3_4] = IND_ISCED_3_4,
		[EDUCATION_ISCED_5_8] = IND_ISCED_5_8,
	};
	enum summary_indicator band =
		summary_age_band(f->p.birth_date, f->p.entry_date);
	enum gender g = v->gender;

	count_ind(s, IND_ENTERED, g);
	if ((unsigned)v->labour < sizeof labour / sizeof labour[0] &&
	    labour[v->labour] != IND_COUNT)
		count_ind(s, labour[v->labour], g);
	if (v->labour == FSE_LABOUR_UNEMPLOYED &&
	    v->unemployed_months >= FSE_LONG_TERM_MONTHS)
		count_ind(s, IND_LONG_TERM_UNEMPLOYED, g);
	if (band != IND_COUNT)
		count_ind(s, band, g);
	if ((unsigned)v->education < sizeof isced / sizeof isced[0] &&
	    isced[v->education] != IND_COUNT)
		count_ind(s, isced[v->education], g);
	count_answer(s, FSE_Q_GENDER, g != GENDER_UNKNOWN);
	count_answer(s, FSE_Q_BIRTH_DATE, f->p.birth_date != DATE_NONE);
	count_answer(s, FSE_Q_LABOUR, v->labour != FSE_LABOUR_NOT_ASKED);
	if (v->labour == FSE_LABOUR_UNEMPLOYED)
		count_answer(s, FSE_Q_UNEMPLOYED_MONTHS,
			     v->unemployed_months != FSE_MONTHS_NONE);
	count_answer(s, FSE_Q_EDUCATION, v->education != EDUCATION_UNKNOWN);
	for (int k = 0; k < FSE_SIT_COUNT; k++) {
		struct summary_answers *a = &s->answers[FSE_Q_SITUATION + k];

		switch (v->situation[k]) {
		case FSE_YES:
			count_ind(s,
				  (enum summary_indicator)(IND_SITUATION + k),
				  g);
			a->answered++;
			break;
		case FSE_NO:
			a->answered++;
			break;
		case FSE_REFUSED:
			a->refused++;
			break;
		case FSE_UNKNOWN:
			a->unknown++;
			break;
		default:
			a->missing++;
			break;
		}
	}
}

/* The latest-dated exit questionnaire of f (by seq on the same day), or
 * NULL: the situations on leaving as last recorded. */
static const struct fse_exit *last_exit(const struct participant_file *f)
{
	const struct fse_exit *last = NULL;

	for (size_t i = 0; i < f->n_fse_exits; i++) {
		const struct fse_exit *x = &f->fse_exits[i];

		if (last == NULL || x->date > last->date ||
		    (x->date == last->date && x->seq > last->seq))
			last = x;
	}
	return last;
}

/* The six-months survey of f: the latest dated on or after the six
 * months (by seq on the same day), or NULL. */
static const struct fse_survey *last_survey(const struct participant_file *f)
{
	const struct fse_survey *last = NULL;
	pdate from;

	if (f->p.exit_date == DATE_NONE)
		return NULL;
	from = fse_survey_from(f->p.exit_date);
	for (size_t i = 0; i < f->n_fse_surveys; i++) {
		const struct fse_survey *v = &f->fse_surveys[i];

		if (v->date >= from &&
		    (last == NULL || v->date > last->date ||
		     (v->date == last->date && v->seq > last->seq)))
			last = v;
	}
	return last;
}

/* The indicator table's part of participant file f: its entry, its exit
 * and its survey when they fall in the period. */
static void count_fse(struct summary *s, const struct participant_file *f,
		      bool entered, bool left)
{
	struct fse_entry v;
	const struct fse_exit *x;
	const struct fse_survey *sv;
	static const struct {
		uint32_t bit;
		enum summary_indicator ind;
	} on_exit[] = {
		{ FSE_EXIT_SEARCHING, IND_EXIT_SEARCHING },
		{ FSE_EXIT_EDUCATION, IND_EXIT_EDUCATION },
		{ FSE_EXIT_QUALIFICATION, IND_EXIT_QUALIFICATION },
		{ FSE_EXIT_EMPLOYED, IND_EXIT_EMPLOYED },
	};

	fse_entry_view(f, &v);
	if (entered)
		count_entry(s, f, &v);
	if (left) {
		count_ind(s, IND_EXITED, v.gender);
		x = last_exit(f);
		count_answer(s, SUMMARY_Q_EXIT, x != NULL);
		for (size_t k = 0; x && k < sizeof on_exit / sizeof *on_exit;
		     k++)
			if (x->situations & on_exit[k].bit)
				count_ind(s, on_exit[k].ind, v.gender);
		if (fse_survey_from(f->p.exit_date) <= s->today)
			count_answer(s, SUMMARY_Q_SURVEY, fse_survey_done(f));
	}
	if (f->p.status != STATUS_EXITED || (sv = last_survey(f)) == NULL ||
	    sv->date < s->from || sv->date > s->to)
		return;
	count_ind(s, IND_SURVEYED, v.gender);
	if (!sv->reached)
		count_ind(s, IND_SURVEY_NOT_REACHED, v.gender);
	if (sv->reached && sv->employed)
		count_ind(s, IND_SURVEY_EMPLOYED, v.gender);
	if (sv->reached && sv->improved)
		count_ind(s, IND_SURVEY_IMPROVED, v.gender);
}

static int cmp_name_by_referent(const void *a, const void *b)
{
	const struct summary_referent *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int summary_begin(struct summary *s, const struct config *c,
		  const char *referent, pdate today, pdate from, pdate to)
{
	memset(s, 0, sizeof *s);
	s->config = c;
	s->referent = referent;
	s->today = today;
	s->from = from;
	s->to = to;
	s->stages = calloc(c->n_stages + 1, sizeof *s->stages);
	s->exits_by_reason =
		calloc(c->n_exit_reasons + 1, sizeof *s->exits_by_reason);
	if (s->stages == NULL || s->exits_by_reason == NULL) {
		summary_free(s);
		return PC_ENOMEM;
	}
	return PC_OK;
}

int summary_count(struct summary *s, const struct caseload_entry *e)
{
	const struct config *c = s->config;
	const struct participant *p = &e->file.p;
	struct summary_referent *r = NULL;
	bool entered = summary_entered(p, s->from, s->to);
	bool left = summary_left(p, s->from, s->to);

	if (s->referent == NULL) {
		r = referent_of(s, p->referent ? p->referent : "");
		if (r == NULL)
			return PC_ENOMEM;
	}
	count_fse(s, &e->file, entered, left);
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
		if (why == NULL && count_unknown(s, p->exit_reason) != PC_OK)
			return PC_ENOMEM;
		if (r) {
			r->exits++;
			r->positive += positive;
		}
	}
	if (p->status == STATUS_EXITED) {
		/* Left at hiring: the in-work follow-up goes on; left six
		 * months ago: the funder's survey. */
		s->after_exit += rules_after_exit(c, p);
		if (e->summary.n_flags > 0) {
			s->flagged++;
			if (r)
				r->flagged++;
		}
		return PC_OK;
	}
	s->caseload++;
	if (r)
		r->caseload++;
	if (e->summary.n_flags > 0) {
		s->flagged++;
		if (r)
			r->flagged++;
	}
	for (int f = 0; f < FIELD_COUNT; f++)
		s->missing[f] += summary_lacks(e, (enum completeness_field)f);
	return PC_OK;
}

bool summary_shows(const struct summary *s, const struct caseload_entry *e)
{
	const struct participant *p = &e->file.p;

	return p->status != STATUS_EXITED || e->summary.n_flags > 0 ||
	       rules_after_exit(s->config, p) ||
	       summary_left(p, s->from, s->to);
}

void summary_roster_followup(const struct summary *s,
			     const struct caseload_entry *e,
			     struct roster_followup *fu)
{
	const struct job *j = participant_file_current_job(&e->file);

	fu->after_exit = rules_after_exit(s->config, &e->file.p);
	fu->in_work = j != NULL;
	fu->job_start = j ? j->start : DATE_NONE;
	fu->offset = 0;
	fu->next = summary_next_checkin(s->config, &e->file, s->today,
					&fu->offset);
}

/* The rows, the flags' lists and the follow-ups, over the entries of the
 * caseload or roster, in their order (most urgent first). */
/* What indexing reads of entry i: from a roster's row as it stands (no
 * strings unpacked), or from the caseload's entry. */
struct index_view {
	uint64_t id;
	enum participant_status status;
	bool after_exit;
	const struct flag *flags;
	size_t n_flags, stage_index;
	int days_in_stage;
	const char *name_key;
	struct roster_followup fu;
};

static void index_view(const struct summary *s, size_t i,
		       struct index_view *v)
{
	if (s->roster != NULL) {
		const struct roster_row *w = &s->roster->rows[i];

		v->id = w->id;
		v->status = (enum participant_status)w->status;
		v->after_exit = w->followup.after_exit;
		v->flags = w->flags;
		v->n_flags = w->n_flags;
		v->stage_index = w->stage_index == UINT32_MAX
					 ? CASELOAD_NO_STAGE
					 : w->stage_index;
		v->days_in_stage = w->days_in_stage;
		v->name_key = w->strings;
		v->fu = w->followup;
	} else {
		const struct caseload_entry *e = &s->cl->entries[i];

		v->id = e->file.p.id;
		v->status = e->file.p.status;
		v->flags = e->summary.flags;
		v->n_flags = e->summary.n_flags;
		v->stage_index = e->stage_index;
		v->days_in_stage = e->summary.days_in_stage;
		v->name_key = e->name_key;
		summary_roster_followup(s, e, &v->fu);
		v->after_exit = v->fu.after_exit;
	}
}

static int index_entries(struct summary *s)
{
	size_t total = summary_n_entries(s), n = total ? total : 1;
	struct followup_key *keys;
	bool failed = false;

	/* Large and mostly untouched: calloc maps them lazily. */
	s->rows = calloc(n, sizeof *s->rows);
	keys = calloc(n, sizeof *keys);
	for (int k = 0; k < FLAG_COUNT; k++) {
		s->flags[k].entries = calloc(n, sizeof(size_t));
		failed |= s->flags[k].entries == NULL;
	}
	if (failed || s->rows == NULL || keys == NULL) {
		free(keys);
		return PC_ENOMEM;
	}
	for (size_t i = 0; i < total; i++) {
		struct index_view v;
		bool followed;

		index_view(s, i, &v);
		if (v.status == STATUS_EXITED) {
			followed = v.after_exit;
			add_flags(s, v.flags, v.n_flags, i);
		} else {
			s->rows[s->n_rows++] = i;
			add_flags(s, v.flags, v.n_flags, i);
			followed = v.fu.in_work;
		}
		if (followed)
			keys[s->n_followups++] = (struct followup_key){
				{ i, v.fu.job_start, v.fu.next, v.fu.offset },
				v.name_key,
				v.id
			};
	}
	qsort(keys, s->n_followups, sizeof *keys, cmp_followup);
	s->followups = malloc((s->n_followups ? s->n_followups : 1) *
			      sizeof *s->followups);
	if (s->followups == NULL) {
		free(keys);
		return PC_ENOMEM;
	}
	for (size_t i = 0; i < s->n_followups; i++)
		s->followups[i] = keys[i].fu;
	free(keys);
	return PC_OK;
}

static int finish(struct summary *s)
{
	int rc = index_entries(s);

	if (rc == PC_OK)
		rc = stage_medians(s);
	if (rc != PC_OK) {
		summary_free(s);
		return rc;
	}
	if (s->n_referents > 1)
		qsort(s->referents, s->n_referents, sizeof *s->referents,
		      cmp_name_by_referent);
	return PC_OK;
}

int summary_index(struct summary *s, const struct roster *r)
{
	s->roster = r;
	return finish(s);
}

int summary_build(struct summary *s, const struct config *c,
		  const struct caseload *cl, const char *referent, pdate today,
		  pdate from, pdate to)
{
	int rc = summary_begin(s, c, referent, today, from, to);

	if (rc != PC_OK)
		return rc;
	s->cl = cl;
	for (size_t i = 0; i < cl->n; i++) {
		rc = summary_count(s, &cl->entries[i]);
		if (rc != PC_OK) {
			summary_free(s);
			return rc;
		}
	}
	return finish(s);
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
	for (size_t i = 0; i < s->n_unknown_reasons; i++)
		free(s->unknown_reasons[i].id);
	free(s->unknown_reasons);
	free(s->followups);
	free(s->rows);
	memset(s, 0, sizeof *s);
}

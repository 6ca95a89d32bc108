/* test_summary.c: the period figures: which exits are positive, unknown
 * reasons, the median days in stage; the funder's indicator table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "error.h"
#include "export.h"
#include "helpers.h"
#include "summary.h"

#define N 16
static struct caseload_entry entries[N];
static struct caseload cl = { .entries = entries };

/* An exit on 1 June 2026 for `why`, stored positive or not, validated or
 * not. Strings are not owned. */
static void exited(const char *why, bool stored, bool validated)
{
	struct caseload_entry *e = &entries[cl.n++];

	memset(e, 0, sizeof *e);
	participant_init(&e->file.p);
	e->file.p.id = cl.n;
	e->file.p.entry_date = D(2025, 1, 1);
	e->file.p.status = STATUS_EXITED;
	e->file.p.exit_date = D(2026, 6, 1);
	e->file.p.exit_reason = (char *)why;
	e->file.p.exit_positive = stored;
	e->file.p.exit_validated = validated ? D(2026, 6, 1) : DATE_NONE;
	e->stage_index = CASELOAD_NO_STAGE;
}

static void current(size_t stage, int days)
{
	struct caseload_entry *e = &entries[cl.n++];

	memset(e, 0, sizeof *e);
	participant_init(&e->file.p);
	e->file.p.id = cl.n;
	e->file.p.entry_date = D(2025, 1, 1);
	e->stage_index = stage;
	e->summary.days_in_stage = days;
}

static struct summary build(void)
{
	struct summary s;

	assert_int_equal(summary_build(&s, helper_config, &cl, NULL,
				       D(2026, 11, 26), D(2026, 1, 1),
				       D(2026, 12, 31)),
			 PC_OK);
	return s;
}

static size_t by_reason(const struct summary *s, const char *id)
{
	return s->exits_by_reason[config_exit_reason(helper_config, id) -
				  helper_config->exit_reasons];
}

/* The case of the issue: what was stored does not count, the
 * configuration of the day does. */
static void positive_from_configuration(void **state)
{
	struct summary s;
	struct config_exit_reason *cdi =
		(struct config_exit_reason *)config_exit_reason(helper_config,
								"cdi");

	(void)state;
	cl.n = 0;
	exited("cdi", false, true);
	exited("abandon", true, true);
	exited("formation-qualifiante", true, true);
	exited("ancien-motif", true, true);
	exited("cdi", true, false); /* not yet validated */
	exited(NULL, false, false);
	exited("ancien-motif", false, false);
	exited("", false, false);

	helper_config->exit_validation = EXIT_AFTER_FOLLOWUP;
	s = build();
	assert_int_equal(s.exits, 8);
	assert_int_equal(s.positive, 2);
	assert_int_equal(summary_positive_rate(&s), 25);
	assert_int_equal(s.n_referents, 1);
	assert_int_equal(s.referents[0].positive, 2);
	assert_int_equal(by_reason(&s, "cdi"), 2);
	assert_int_equal(s.exits_by_reason[helper_config->n_exit_reasons], 4);
	/* Unknown reasons by stored id: none first, then "", then the ids. */
	assert_int_equal(s.n_unknown_reasons, 3);
	assert_null(s.unknown_reasons[0].id);
	assert_int_equal(s.unknown_reasons[0].count, 1);
	assert_string_equal(s.unknown_reasons[1].id, "");
	assert_string_equal(s.unknown_reasons[2].id, "ancien-motif");
	assert_int_equal(s.unknown_reasons[2].count, 2);
	summary_free(&s);

	/* Recorded at hiring: the exit counts from the start. */
	helper_config->exit_validation = EXIT_AT_HIRING;
	s = build();
	assert_int_equal(s.positive, 3);
	assert_true(summary_exit_positive(helper_config, &entries[4].file.p));
	summary_free(&s);

	/* A reason made non-positive no longer counts, in past periods too. */
	cdi->positive = false;
	s = build();
	assert_int_equal(s.positive, 1);
	assert_false(summary_exit_positive(helper_config, &entries[0].file.p));
	summary_free(&s);
	cdi->positive = true;
	helper_config->exit_validation = EXIT_AFTER_FOLLOWUP;
}

static void median_halves(void **state)
{
	struct summary s;

	(void)state;
	cl.n = 0;
	current(0, 88);
	current(0, 85);
	current(1, 10);
	current(1, 30);
	current(1, 12);
	current(2, 40);
	current(2, 42);
	exited("cdi", true, true); /* not in the caseload: left out */
	s = build();
	assert_int_equal(s.stages[0].count, 2);
	assert_int_equal(s.stages[0].median_half_days, 173); /* 86.5 */
	assert_int_equal(s.stages[1].median_half_days, 24);  /* 12 */
	assert_int_equal(s.stages[2].median_half_days, 82);  /* 41 */
	assert_int_equal(s.stages[3].median_half_days, -1);
	summary_free(&s);
}

/* The age bands: a year more on the birthday itself. */
static void age_band_edges(void **state)
{
	(void)state;
	assert_int_equal(summary_age_band(D(2008, 6, 15), D(2026, 6, 14)),
			 IND_UNDER_18);
	assert_int_equal(summary_age_band(D(2008, 6, 15), D(2026, 6, 15)),
			 IND_AGE_18_29);
	assert_int_equal(summary_age_band(D(1996, 6, 15), D(2026, 6, 14)),
			 IND_AGE_18_29);
	assert_int_equal(summary_age_band(D(1996, 6, 15), D(2026, 6, 15)),
			 IND_AGE_30_54);
	assert_int_equal(summary_age_band(D(1971, 6, 15), D(2026, 6, 14)),
			 IND_AGE_30_54);
	assert_int_equal(summary_age_band(D(1971, 6, 15), D(2026, 6, 15)),
			 IND_AGE_55_OVER);
	/* Born on 29 February: 18 on 1 March of a common year. */
	assert_int_equal(summary_age_band(D(2008, 2, 29), D(2026, 2, 28)),
			 IND_UNDER_18);
	assert_int_equal(summary_age_band(D(2008, 2, 29), D(2026, 3, 1)),
			 IND_AGE_18_29);
	assert_int_equal(summary_age_band(D(2012, 2, 29), D(2030, 2, 28)),
			 IND_UNDER_18);
	assert_int_equal(summary_age_band(DATE_NONE, D(2026, 1, 1)), IND_COUNT);
	assert_int_equal(summary_age_band(D(2000, 1, 1), DATE_NONE), IND_COUNT);
	assert_int_equal(summary_age_band(D(2026, 1, 2), D(2026, 1, 1)),
			 IND_COUNT);
}

/* The answers of the participants below, a record or two each. */
static struct fse_entry answers[N][2];
static struct fse_exit exits_of[N];
static struct fse_survey surveys_of[N][2];

/* Someone who entered on `entry`, born on `birth`, whose first entry
 * answers (every one "no" or given) are dated on the entry. */
static struct caseload_entry *entrant(pdate entry, pdate birth, enum gender g)
{
	struct caseload_entry *e = &entries[cl.n];
	struct fse_entry *a = &answers[cl.n][0];

	current(0, 1);
	e->file.p.entry_date = entry;
	e->file.p.birth_date = birth;
	e->file.p.phone = (char *)"06";
	fse_entry_init(a);
	a->participant = e->file.p.id;
	a->seq = 1;
	a->date = entry;
	a->gender = g;
	a->labour = FSE_LABOUR_INACTIVE;
	a->education = EDUCATION_ISCED_3_4;
	for (int k = 0; k < FSE_SIT_COUNT; k++)
		a->situation[k] = FSE_NO;
	e->file.fse_entries = a;
	e->file.n_fse_entries = 1;
	return e;
}

/* Make e someone who left on `exit` (status exited). */
static void left_on(struct caseload_entry *e, pdate exit)
{
	e->file.p.status = STATUS_EXITED;
	e->file.p.exit_date = exit;
	e->file.p.exit_reason = (char *)"cdi";
	e->stage_index = CASELOAD_NO_STAGE;
}

static void exit_answers(struct caseload_entry *e, uint32_t situations)
{
	struct fse_exit *x = &exits_of[e - entries];

	x->participant = e->file.p.id;
	x->seq = 1;
	x->date = e->file.p.exit_date;
	x->situations = situations;
	e->file.fse_exits = x;
	e->file.n_fse_exits = 1;
}

/* A survey of e on `date`, reached or not, employed, improved. */
static void surveyed(struct caseload_entry *e, pdate date, bool reached,
		     bool employed, bool improved)
{
	struct fse_survey *v = &surveys_of[e - entries][e->file.n_fse_surveys];

	v->participant = e->file.p.id;
	v->seq = (uint32_t)e->file.n_fse_surveys + 1;
	v->date = date;
	v->reached = reached;
	v->employed = employed;
	v->improved = improved;
	e->file.fse_surveys = surveys_of[e - entries];
	e->file.n_fse_surveys++;
}

#define IND(s, i, x) ((s).indicators[(i)][(x)])

static void indicators_at_entry(void **state)
{
	struct caseload_entry *e;
	struct summary s;

	(void)state;
	cl.n = 0;
	/* 12 months of unemployment: long-term; 11: not. */
	e = entrant(D(2026, 3, 1), D(2008, 3, 1), GENDER_FEMALE); /* 18 */
	answers[0][0].labour = FSE_LABOUR_UNEMPLOYED;
	answers[0][0].unemployed_months = FSE_LONG_TERM_MONTHS;
	answers[0][0].situation[FSE_SIT_DISABILITY] = FSE_YES;
	e = entrant(D(2026, 3, 1), D(2008, 3, 2), GENDER_MALE); /* 17 */
	answers[1][0].labour = FSE_LABOUR_UNEMPLOYED;
	answers[1][0].unemployed_months = FSE_LONG_TERM_MONTHS - 1;
	answers[1][0].situation[FSE_SIT_DISABILITY] = FSE_REFUSED;
	answers[1][0].education = EDUCATION_ISCED_0_2;
	/* Unemployed, the months not given: missing, not long-term. */
	e = entrant(D(2026, 1, 1), D(1971, 1, 1), GENDER_NONBINARY); /* 55 */
	answers[2][0].labour = FSE_LABOUR_UNEMPLOYED;
	answers[2][0].situation[FSE_SIT_DISABILITY] = FSE_UNKNOWN;
	answers[2][0].situation[FSE_SIT_QPV] = FSE_YES;
	/* Gender not given: in the total only; disability not asked. */
	e = entrant(D(2026, 12, 31), D(1972, 1, 1), GENDER_UNKNOWN); /* 54 */
	answers[3][0].situation[FSE_SIT_DISABILITY] = FSE_NOT_ASKED;
	answers[3][0].education = EDUCATION_UNKNOWN;
	/* A later record is a changed situation, not the entry data. */
	e = entrant(D(2026, 6, 1), DATE_NONE, GENDER_FEMALE);
	answers[4][1] = answers[4][0];
	answers[4][1].seq = 2;
	answers[4][1].date = D(2026, 9, 1);
	answers[4][1].labour = FSE_LABOUR_EMPLOYED;
	answers[4][1].education = EDUCATION_ISCED_5_8;
	/* ... but answers a question the first left open. */
	answers[4][0].education = EDUCATION_UNKNOWN;
	e->file.n_fse_entries = 2;
	/* Entered before the period: not counted at entry. */
	e = entrant(D(2025, 12, 31), D(1990, 1, 1), GENDER_FEMALE);
	answers[5][0].labour = FSE_LABOUR_UNEMPLOYED;
	answers[5][0].unemployed_months = 40;
	(void)e;

	s = build();
	assert_int_equal(IND(s, IND_ENTERED, SEX_WOMEN), 2);
	assert_int_equal(IND(s, IND_ENTERED, SEX_MEN), 1);
	assert_int_equal(IND(s, IND_ENTERED, SEX_NONBINARY), 1);
	assert_int_equal(IND(s, IND_ENTERED, SEX_TOTAL), 5);
	assert_int_equal(IND(s, IND_UNEMPLOYED, SEX_TOTAL), 3);
	assert_int_equal(IND(s, IND_LONG_TERM_UNEMPLOYED, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_LONG_TERM_UNEMPLOYED, SEX_WOMEN), 1);
	/* Employed later, inactive at entry. */
	assert_int_equal(IND(s, IND_INACTIVE, SEX_TOTAL), 2);
	assert_int_equal(IND(s, IND_EMPLOYED, SEX_TOTAL), 0);
	assert_int_equal(s.answers[FSE_Q_LABOUR].missing, 0);
	assert_int_equal(s.answers[FSE_Q_LABOUR].answered, 5);
	assert_int_equal(IND(s, IND_UNDER_18, SEX_MEN), 1);
	assert_int_equal(IND(s, IND_AGE_18_29, SEX_WOMEN), 1);
	assert_int_equal(IND(s, IND_AGE_55_OVER, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_AGE_55_OVER, SEX_NONBINARY), 1);
	assert_int_equal(IND(s, IND_AGE_30_54, SEX_TOTAL), 1); /* 54 */
	assert_int_equal(s.answers[FSE_Q_BIRTH_DATE].missing, 1);
	assert_int_equal(IND(s, IND_ISCED_0_2, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_ISCED_3_4, SEX_TOTAL), 2);
	assert_int_equal(IND(s, IND_ISCED_5_8, SEX_WOMEN), 1);
	assert_int_equal(s.answers[FSE_Q_EDUCATION].missing, 1);
	assert_int_equal(s.answers[FSE_Q_GENDER].missing, 1);
	assert_int_equal(s.answers[FSE_Q_GENDER].answered, 4);
	/* The months: asked of the three unemployed, one without. */
	assert_int_equal(s.answers[FSE_Q_UNEMPLOYED_MONTHS].answered, 2);
	assert_int_equal(s.answers[FSE_Q_UNEMPLOYED_MONTHS].missing, 1);
	/* Refused, unknown and not asked are three things. */
	assert_int_equal(IND(s, IND_SITUATION + FSE_SIT_DISABILITY, SEX_TOTAL),
			 1);
	assert_int_equal(
		s.answers[FSE_Q_SITUATION + FSE_SIT_DISABILITY].answered, 2);
	assert_int_equal(
		s.answers[FSE_Q_SITUATION + FSE_SIT_DISABILITY].refused, 1);
	assert_int_equal(
		s.answers[FSE_Q_SITUATION + FSE_SIT_DISABILITY].unknown, 1);
	assert_int_equal(
		s.answers[FSE_Q_SITUATION + FSE_SIT_DISABILITY].missing, 1);
	assert_int_equal(IND(s, IND_SITUATION + FSE_SIT_QPV, SEX_NONBINARY), 1);
	summary_free(&s);
}

static void indicators_after(void **state)
{
	struct caseload_entry *e;
	struct summary s;

	(void)state;
	cl.n = 0;
	/* Left in the period, employed and qualified; surveyed six months
	 * after, in the period, reached, employed, improved. */
	e = entrant(D(2024, 1, 1), D(1990, 1, 1), GENDER_FEMALE);
	left_on(e, D(2026, 1, 1));
	exit_answers(e, FSE_EXIT_EMPLOYED | FSE_EXIT_QUALIFICATION);
	surveyed(e, D(2026, 6, 30), true, false, false); /* too early */
	surveyed(e, D(2026, 7, 1), true, true, true);
	/* Left in the period without the exit questionnaire; its six months
	 * not come by today: no survey expected. */
	e = entrant(D(2024, 1, 1), D(1990, 1, 1), GENDER_MALE);
	left_on(e, D(2026, 6, 1));
	/* Left before the period; surveyed in it, not reached. */
	e = entrant(D(2024, 1, 1), D(1990, 1, 1), GENDER_MALE);
	left_on(e, D(2025, 6, 30));
	exit_answers(e, FSE_EXIT_SEARCHING);
	surveyed(e, D(2026, 1, 5), false, false, false);
	/* Left in the period, no situation on leaving applies (an answer);
	 * its six months come: the survey is missing. */
	e = entrant(D(2024, 1, 1), D(1990, 1, 1), GENDER_NONBINARY);
	left_on(e, D(2026, 3, 1));
	exit_answers(e, 0);
	/* Left on the period's last day, searching and in training. */
	e = entrant(D(2024, 1, 1), D(1990, 1, 1), GENDER_UNKNOWN);
	left_on(e, D(2026, 12, 31));
	exit_answers(e, FSE_EXIT_SEARCHING | FSE_EXIT_EDUCATION);

	s = build();
	assert_int_equal(IND(s, IND_ENTERED, SEX_TOTAL), 0);
	assert_int_equal(IND(s, IND_EXITED, SEX_TOTAL), 4);
	assert_int_equal(IND(s, IND_EXITED, SEX_WOMEN), 1);
	assert_int_equal(IND(s, IND_EXITED, SEX_MEN), 1);
	assert_int_equal(IND(s, IND_EXITED, SEX_NONBINARY), 1);
	assert_int_equal(IND(s, IND_EXIT_EMPLOYED, SEX_WOMEN), 1);
	assert_int_equal(IND(s, IND_EXIT_QUALIFICATION, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_EXIT_SEARCHING, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_EXIT_EDUCATION, SEX_TOTAL), 1);
	assert_int_equal(s.answers[SUMMARY_Q_EXIT].answered, 3);
	assert_int_equal(s.answers[SUMMARY_Q_EXIT].missing, 1);
	assert_int_equal(s.answers[SUMMARY_Q_SURVEY].answered, 1);
	assert_int_equal(s.answers[SUMMARY_Q_SURVEY].missing, 1);
	assert_int_equal(IND(s, IND_SURVEYED, SEX_TOTAL), 2);
	assert_int_equal(IND(s, IND_SURVEY_EMPLOYED, SEX_WOMEN), 1);
	assert_int_equal(IND(s, IND_SURVEY_IMPROVED, SEX_TOTAL), 1);
	assert_int_equal(IND(s, IND_SURVEY_NOT_REACHED, SEX_MEN), 1);
	assert_int_equal(IND(s, IND_SURVEY_EMPLOYED, SEX_TOTAL), 1);
	summary_free(&s);
}

/* The completeness fields read the entry answers, not the old fields. */
static void lacks_from_entry_answers(void **state)
{
	struct caseload_entry *e;

	(void)state;
	cl.n = 0;
	e = entrant(D(2026, 3, 1), D(1990, 1, 1), GENDER_FEMALE);
	e->file.p.gender = GENDER_UNKNOWN;
	e->file.p.education = EDUCATION_UNKNOWN;
	e->file.p.employment = EMPLOYMENT_UNKNOWN;
	assert_false(summary_lacks(e, FIELD_GENDER));
	assert_false(summary_lacks(e, FIELD_EDUCATION));
	assert_false(summary_lacks(e, FIELD_EMPLOYMENT));
	e->file.n_fse_entries = 0;
	e->file.p.gender = GENDER_MALE;
	e->file.p.education = EDUCATION_ISCED_0_2;
	e->file.p.employment = EMPLOYMENT_INACTIVE;
	assert_true(summary_lacks(e, FIELD_GENDER));
	assert_true(summary_lacks(e, FIELD_EDUCATION));
	assert_true(summary_lacks(e, FIELD_EMPLOYMENT));
	assert_false(summary_lacks(e, FIELD_BIRTH_DATE));
}

/* The export of s with options o, as a string (caller frees). */
static char *written(const struct summary *s, const struct export_options *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(export_write(f, s, o), PC_OK);
	fclose(f);
	return buf;
}

/* Pseudonymised, the sensitive indicators and their completeness are
 * left out unless with_sensitive; rural and QPV stay. */
static void pseudonymised_without_sensitive(void **state)
{
	struct export_options o = { .format = EXPORT_JSON, .delimiter = ',' };
	struct summary s;
	char *text;

	(void)state;
	cl.n = 0;
	entrant(D(2026, 3, 1), D(1990, 1, 1), GENDER_FEMALE);
	answers[0][0].situation[FSE_SIT_DISABILITY] = FSE_YES;
	s = build();
	text = written(&s, &o);
	assert_non_null(strstr(text, "\"disability\": {\"women\": 1"));
	assert_non_null(strstr(text, "\"sensitive_included\": true"));
	free(text);
	o.pseudonymise = true;
	text = written(&s, &o);
	assert_null(strstr(text, "\"disability\""));
	assert_null(strstr(text, "\"third_country\""));
	assert_null(strstr(text, "\"foreign_background\""));
	assert_null(strstr(text, "\"minority\""));
	assert_null(strstr(text, "\"homeless\""));
	assert_non_null(strstr(text, "\"rural\""));
	assert_non_null(strstr(text, "\"qpv\""));
	assert_non_null(strstr(text, "\"sensitive_included\": false"));
	free(text);
	o.format = EXPORT_MD;
	text = written(&s, &o);
	assert_null(strstr(text, "With a disability"));
	assert_null(strstr(text, "| disability |"));
	assert_null(strstr(text, "Homeless"));
	assert_non_null(strstr(text, "QPV"));
	free(text);
	o.with_sensitive = true;
	text = written(&s, &o);
	assert_non_null(
		strstr(text, "| With a disability (RQTH) | 1 | 0 | 0 | 1 |"));
	free(text);
	o.format = EXPORT_JSON;
	text = written(&s, &o);
	assert_non_null(strstr(text, "\"disability\": {\"women\": 1"));
	free(text);
	summary_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positive_from_configuration),
		cmocka_unit_test(median_halves),
		cmocka_unit_test(age_band_edges),
		cmocka_unit_test(indicators_at_entry),
		cmocka_unit_test(indicators_after),
		cmocka_unit_test(lacks_from_entry_answers),
		cmocka_unit_test(pseudonymised_without_sensitive),
	};

	return cmocka_run_group_tests(tests, helper_config_load,
				      helper_config_free);
}

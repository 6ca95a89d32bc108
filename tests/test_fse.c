/* test_fse.c: the funder's questionnaires: each record kind, never
 * overwritten, corrections journalled, the flags' edges, the caseload of
 * those who left with a survey to ask, erasure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload.h"
#include "dump.h"
#include "edit.h"
#include "error.h"
#include "fse.h"
#include "helpers.h"
#include "record.h"
#include "rights.h"
#include "rules.h"

/* Entered on 2026-11-01, fse.from 2026-01-01, today 2026-11-26. */
static int setup(void **state)
{
	struct participant p;
	struct edit_fixture *f;

	participant_init(&p);
	p.last_name = (char *)"Nguyễn";
	p.first_name = (char *)"Françoise";
	p.birth_date = D(1990, 2, 3);
	f = helper_edit_open(&p, D(2026, 11, 1));
	if (f == NULL)
		return -1;
	f->c->fse_from = D(2026, 1, 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	helper_edit_close(*state);
	return 0;
}

static void load(struct edit_fixture *f, struct participant_file *pf)
{
	assert_true(helper_edit_load(f, pf));
}

/* The journal of the participant: how many lines, the last one's text
 * into last (malloc'd, caller frees) unless NULL. */
static size_t journal(struct edit_fixture *f, char **last)
{
	struct store_txn *t;
	struct journal_entry *e;
	size_t n;
	char *cause = NULL;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &e, &n), PC_OK);
	if (last != NULL)
		*last = n ? strdup(e[n - 1].what) : NULL;
	for (size_t i = 0; i < n; i++)
		journal_entry_clear(&e[i]);
	free(e);
	store_read_end(&t);
	return n;
}

/* Expect PC_EINVAL with a message containing `what`, nothing written. */
#define REFUSED(call, what)                                                    \
	do {                                                                   \
		char *rcause = NULL;                                           \
		size_t before = journal(f, NULL);                              \
		assert_int_equal(call, PC_EINVAL);                             \
		assert_non_null(rcause);                                       \
		if (strstr(rcause, what) == NULL)                              \
			fail_msg("'%s' lacks '%s'", rcause, what);             \
		free(rcause);                                                  \
		assert_int_equal(journal(f, NULL), before);                    \
	} while (0)

/* Every entry question answered, on `date`. */
static struct fse_entry full_entry(uint64_t pid, pdate date)
{
	struct fse_entry e;

	fse_entry_init(&e);
	e.participant = pid;
	e.date = date;
	e.gender = GENDER_FEMALE;
	e.labour = FSE_LABOUR_UNEMPLOYED;
	e.unemployed_months = 14;
	e.education = EDUCATION_ISCED_3_4;
	for (int s = 0; s < FSE_SIT_COUNT; s++)
		e.situation[s] = FSE_NO;
	e.situation[FSE_SIT_DISABILITY] = FSE_REFUSED;
	e.situation[FSE_SIT_RURAL] = FSE_UNKNOWN;
	return e;
}

static bool flagged(struct edit_fixture *f, pdate today, enum flag_kind k,
		    pdate *date)
{
	struct participant_file pf;
	struct rules_summary r;
	bool found = false;

	load(f, &pf);
	rules_evaluate(f->c, &pf, today, &r);
	for (size_t i = 0; i < r.n_flags; i++) {
		if (r.flags[i].kind == k) {
			found = true;
			if (date != NULL)
				*date = r.flags[i].date;
		}
	}
	participant_file_clear(&pf);
	return found;
}

static void leave(struct edit_fixture *f, pdate date)
{
	char *cause = NULL;

	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, date, "demenagement",
				   NULL, NULL, &cause),
			 PC_OK);
}

/* A changed situation is a new record; the first stays as it was, and
 * the entry view keeps the first answers. */
static void entry_never_overwritten(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2)), later, v;
	struct participant_file pf;
	uint32_t seq1 = 0, seq2 = 0;
	char *cause = NULL, *last = NULL;

	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, &seq1, &cause),
			 PC_OK);
	fse_entry_init(&later);
	later.participant = f->pid;
	later.date = D(2026, 11, 20);
	later.situation[FSE_SIT_DISABILITY] = FSE_YES; /* RQTH since */
	later.education = EDUCATION_ISCED_5_8;
	assert_int_equal(
		edit_fse_entry_add(f->s, &f->ctx, &later, &seq2, &cause),
		PC_OK);
	assert_int_equal(seq1, 1);
	assert_int_equal(seq2, 2);
	journal(f, &last);
	assert_string_equal(last, "entry questionnaire 2 of 2026-11-20 added");
	free(last);

	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 2);
	assert_int_equal(pf.fse_entries[0].situation[FSE_SIT_DISABILITY],
			 FSE_REFUSED);
	assert_int_equal(pf.fse_entries[0].unemployed_months, 14);
	assert_int_equal(pf.fse_entries[1].situation[FSE_SIT_DISABILITY],
			 FSE_YES);
	assert_int_equal(pf.fse_entries[1].gender, GENDER_UNKNOWN);
	fse_entry_view(&pf, &v);
	assert_int_equal(v.date, D(2026, 11, 2));
	assert_int_equal(v.situation[FSE_SIT_DISABILITY], FSE_REFUSED);
	assert_int_equal(v.education, EDUCATION_ISCED_3_4);
	assert_int_equal(fse_entry_missing(&pf), 0);
	participant_file_clear(&pf);
}

/* Refused, unknown and not asked are three answers; what is missing. */
static void entry_missing(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e;
	struct participant_file pf;
	char *cause = NULL;
	unsigned m;

	load(f, &pf);
	/* The months are asked only of the unemployed. */
	assert_int_equal(fse_entry_missing(&pf),
			 ((1u << FSE_Q_COUNT) - 1) &
				 ~(1u << FSE_Q_BIRTH_DATE |
				   1u << FSE_Q_UNEMPLOYED_MONTHS));
	participant_file_clear(&pf);

	fse_entry_init(&e);
	e.participant = f->pid;
	e.date = D(2026, 11, 2);
	e.labour = FSE_LABOUR_UNEMPLOYED; /* months not given */
	e.situation[FSE_SIT_MINORITY] = FSE_REFUSED;
	e.situation[FSE_SIT_HOMELESS] = FSE_UNKNOWN;
	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			 PC_OK);
	load(f, &pf);
	m = fse_entry_missing(&pf);
	participant_file_clear(&pf);
	assert_true(m & 1u << FSE_Q_GENDER);
	assert_true(m & 1u << FSE_Q_UNEMPLOYED_MONTHS);
	assert_false(m & 1u << FSE_Q_LABOUR);
	assert_false(m & 1u << (FSE_Q_SITUATION + FSE_SIT_MINORITY));
	assert_false(m & 1u << (FSE_Q_SITUATION + FSE_SIT_HOMELESS));
	assert_true(m & 1u << (FSE_Q_SITUATION + FSE_SIT_DISABILITY));
}

static void entry_refused(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 27));

	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause), "future");
	e = full_entry(f->pid, DATE_DAY_MIN - 1);
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause), "date");
	e = full_entry(f->pid, D(2026, 11, 2));
	e.situation[FSE_SIT_RURAL] = FSE_REFUSED;
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause), "rural");
	e = full_entry(f->pid, D(2026, 11, 2));
	e.situation[FSE_SIT_MINORITY] = (enum fse_answer)9;
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause),
		"minority");
	e = full_entry(f->pid, D(2026, 11, 2));
	e.gender = (enum gender)7;
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause), "gender");
	e = full_entry(f->pid, D(2026, 11, 2));
	e.labour = FSE_LABOUR_INACTIVE;
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause),
		"unemployed");
	e = full_entry(f->pid, D(2026, 11, 2));
	e.unemployed_months = FSE_MONTHS_MAX + 1;
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause), "months");
	fse_entry_init(&e);
	e.participant = f->pid;
	e.date = D(2026, 11, 2);
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause),
		"no answer");
	/* Of the time in the PLIE: from the entry (1 November) on. */
	e = full_entry(f->pid, D(2026, 10, 31));
	REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause),
		"before the entry");
	e = full_entry(f->pid + 99, D(2026, 11, 2));
	{
		char *cause = NULL;

		assert_int_equal(
			edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			PC_ENOTFOUND);
		free(cause);
	}
}

static int put_last_seq(struct store_txn *t, void *arg, char **cause)
{
	(void)cause;
	return store_fse_entry_put(t, arg);
}

/* A set numbered with the last number there is (a dump may hold it): the
 * next one is refused, never numbered 0 and then written over. */
static void entry_last_seq(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	struct participant_file pf;
	char *cause = NULL;
	int rc;

	e.seq = UINT32_MAX;
	assert_int_equal(store_write(f->s, put_last_seq, &e, &cause), PC_OK);
	for (int i = 0; i < 2; i++) {
		e = full_entry(f->pid, D(2026, 11, 3 + i));
		e.gender = i ? GENDER_MALE : GENDER_NONBINARY;
		rc = edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause);
		free(cause);
		cause = NULL;
		assert_int_not_equal(rc, PC_OK);
	}
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 1);
	assert_int_equal(pf.fse_entries[0].seq, UINT32_MAX);
	participant_file_clear(&pf);
}

/* A typing mistake corrected in place: one journal line naming the
 * questions, never the answers. */
static void entry_corrected(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	struct participant_file pf;
	uint32_t seq = 0;
	char *cause = NULL, *last = NULL;
	size_t lines;

	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, &seq, &cause),
			 PC_OK);
	lines = journal(f, NULL);
	e.seq = seq;
	e.education = EDUCATION_ISCED_0_2;
	e.situation[FSE_SIT_DISABILITY] = FSE_YES;
	assert_int_equal(edit_fse_entry_correct(f->s, &f->ctx, &e, &cause),
			 PC_OK);
	assert_int_equal(journal(f, &last), lines + 1);
	assert_string_equal(last, "entry questionnaire 1 of 2026-11-02 "
				  "corrected: education, disability");
	free(last);
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 1);
	assert_int_equal(pf.fse_entries[0].education, EDUCATION_ISCED_0_2);
	participant_file_clear(&pf);

	REFUSED(edit_fse_entry_correct(f->s, &f->ctx, &e, &rcause),
		"nothing to change");
	e.seq = 5;
	assert_int_equal(edit_fse_entry_correct(f->s, &f->ctx, &e, &cause),
			 PC_ENOTFOUND);
	free(cause);
}

/* The exit and six-months questionnaires: of someone who left, the
 * survey from six months after the exit. */
static void exit_and_survey(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_exit x = { .participant = f->pid,
			      .date = D(2026, 11, 20),
			      .situations =
				      FSE_EXIT_SEARCHING | FSE_EXIT_EDUCATION };
	struct fse_survey v = { .participant = f->pid,
				.date = D(2027, 5, 19),
				.how = FSE_CONTACT_PHONE,
				.reached = true,
				.employed = true };
	struct participant_file pf;
	uint32_t seq = 0;
	char *cause = NULL, *last = NULL;

	REFUSED(edit_fse_exit_add(f->s, &f->ctx, &x, NULL, &rcause),
		"has not left");
	leave(f, D(2026, 11, 20));
	x.situations = 1u << 7;
	REFUSED(edit_fse_exit_add(f->s, &f->ctx, &x, NULL, &rcause),
		"situation");
	x.situations = FSE_EXIT_SEARCHING | FSE_EXIT_EDUCATION;
	x.date = D(2026, 11, 19);
	REFUSED(edit_fse_exit_add(f->s, &f->ctx, &x, NULL, &rcause),
		"before the exit");
	x.date = D(2026, 11, 20);
	assert_int_equal(edit_fse_exit_add(f->s, &f->ctx, &x, &seq, &cause),
			 PC_OK);
	/* Entry answers of someone who left: up to the exit, not after. */
	{
		struct fse_entry e = full_entry(f->pid, D(2026, 11, 21));

		REFUSED(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &rcause),
			"after the exit");
		e.date = D(2026, 11, 20);
		assert_int_equal(
			edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			PC_OK);
	}
	x.seq = seq;
	x.situations = FSE_EXIT_QUALIFICATION;
	assert_int_equal(edit_fse_exit_correct(f->s, &f->ctx, &x, &cause),
			 PC_OK);
	journal(f, &last);
	assert_string_equal(last, "exit questionnaire 1 of 2026-11-20 "
				  "corrected: situations");
	free(last);

	/* Six months after 20 November: 20 May. */
	f->ctx.today = D(2027, 6, 1);
	REFUSED(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &rcause),
		"six months");
	v.date = D(2027, 5, 20);
	v.reached = false;
	REFUSED(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &rcause),
		"not reached");
	v.reached = true;
	v.how = (enum fse_contact)3;
	REFUSED(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &rcause), "phone");
	v.how = FSE_CONTACT_LETTER;
	v.date = D(2027, 6, 2);
	REFUSED(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &rcause),
		"future");
	v.date = D(2027, 5, 20);
	assert_int_equal(edit_fse_survey_add(f->s, &f->ctx, &v, &seq, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_fse_exits, 1);
	assert_int_equal(pf.fse_exits[0].situations, FSE_EXIT_QUALIFICATION);
	assert_int_equal(pf.n_fse_surveys, 1);
	assert_int_equal(pf.fse_surveys[0].how, FSE_CONTACT_LETTER);
	assert_true(pf.fse_surveys[0].employed);
	assert_true(fse_survey_done(&pf));
	participant_file_clear(&pf);
}

/* fse-entry-incomplete from entry + grace days, only from fse.from. */
static void entry_flag_edges(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	char *cause = NULL;
	pdate d = DATE_NONE;

	f->c->fse_entry_grace_days = 14;
	assert_false(
		flagged(f, D(2026, 11, 14), FLAG_FSE_ENTRY_INCOMPLETE, NULL));
	assert_true(flagged(f, D(2026, 11, 15), FLAG_FSE_ENTRY_INCOMPLETE, &d));
	assert_int_equal(d, D(2026, 11, 15));
	f->c->fse_from = D(2026, 11, 2); /* entered the day before */
	assert_false(
		flagged(f, D(2026, 11, 26), FLAG_FSE_ENTRY_INCOMPLETE, NULL));
	f->c->fse_from = DATE_NONE;
	assert_false(
		flagged(f, D(2026, 11, 26), FLAG_FSE_ENTRY_INCOMPLETE, NULL));
	assert_false(rules_flag_enabled(f->c, FLAG_FSE_ENTRY_INCOMPLETE));
	assert_true(rules_flag_enabled(f->c, FLAG_VALIDATE_EXIT));
	f->c->fse_from = D(2026, 1, 1);
	assert_true(rules_flag_enabled(f->c, FLAG_FSE_SURVEY_DUE));
	assert_int_equal(rules_flag_by_name("fse-entry-incomplete"),
			 FLAG_FSE_ENTRY_INCOMPLETE);
	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			 PC_OK);
	assert_false(
		flagged(f, D(2026, 11, 26), FLAG_FSE_ENTRY_INCOMPLETE, NULL));
}

/* fse-survey-due from six months after the exit for the window's days,
 * then fse-survey-overdue; a survey asked ends both; the caseload keeps
 * the person who left while the survey is to ask. */
static void survey_flag_edges(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_survey v = { .participant = f->pid,
				.date = D(2027, 6, 20),
				.how = FSE_CONTACT_EMAIL };
	struct caseload cl;
	char *cause = NULL;
	pdate d = DATE_NONE;

	leave(f, D(2026, 11, 20));
	f->c->fse_survey_window_days = 28;
	assert_false(flagged(f, D(2027, 5, 19), FLAG_FSE_SURVEY_DUE, NULL));
	assert_true(flagged(f, D(2027, 5, 20), FLAG_FSE_SURVEY_DUE, &d));
	assert_int_equal(d, D(2027, 5, 20));
	/* 28 days: 20 May to 16 June. */
	assert_true(flagged(f, D(2027, 6, 16), FLAG_FSE_SURVEY_DUE, NULL));
	assert_false(flagged(f, D(2027, 6, 16), FLAG_FSE_SURVEY_OVERDUE, NULL));
	assert_false(flagged(f, D(2027, 6, 17), FLAG_FSE_SURVEY_DUE, NULL));
	assert_true(flagged(f, D(2027, 6, 17), FLAG_FSE_SURVEY_OVERDUE, &d));
	assert_int_equal(d, D(2027, 6, 17));

	/* Who left is not in the caseload before the survey, is while it is
	 * due or late, and is not once asked. */
	assert_int_equal(caseload_load(f->s, f->c, NULL, false, D(2027, 5, 19),
				       &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 0);
	caseload_free(&cl);
	assert_int_equal(caseload_load_summaries(f->s, f->c, NULL, false,
						 D(2027, 6, 17), &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 1);
	assert_int_equal(cl.entries[0].summary.flags[0].kind,
			 FLAG_FSE_SURVEY_OVERDUE);
	assert_int_equal(caseload_current(&cl), 0);
	caseload_free(&cl);
	/* Without fse.from, as before. */
	f->c->fse_from = DATE_NONE;
	assert_int_equal(caseload_load(f->s, f->c, NULL, false, D(2027, 6, 17),
				       &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 0);
	caseload_free(&cl);
	f->c->fse_from = D(2026, 1, 1);

	f->ctx.today = D(2027, 6, 20);
	assert_int_equal(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &cause),
			 PC_OK);
	assert_false(flagged(f, D(2027, 6, 20), FLAG_FSE_SURVEY_OVERDUE, NULL));
	assert_int_equal(caseload_load(f->s, f->c, NULL, false, D(2027, 6, 20),
				       &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 0);
	caseload_free(&cl);
	assert_int_equal(caseload_load_summaries(f->s, f->c, NULL, true,
						 D(2027, 6, 20), &cl, &cause),
			 PC_OK);
	assert_int_equal(cl.n, 1);
	assert_int_equal(cl.entries[0].summary.n_flags, 0);
	caseload_free(&cl);
}

/* True when the `n` bytes at `b` are in the files of directory `dir`
 * (data.mdb and lock.mdb). */
static bool in_files(const char *dir, const uint8_t *b, size_t n)
{
	static const char *const names[] = { "data.mdb", "lock.mdb" };
	bool found = false;

	for (size_t k = 0; k < 2 && !found; k++) {
		char path[512];
		char *text = NULL;
		size_t len = 0;
		FILE *in;

		snprintf(path, sizeof path, "%s/%s", dir, names[k]);
		in = fopen(path, "rb");
		if (in == NULL)
			continue;
		text = malloc(1 << 24);
		assert_non_null(text);
		len = fread(text, 1, 1 << 24, in);
		fclose(in);
		found = memmem(text, len, b, n) != NULL;
		free(text);
	}
	return found;
}

/* Erasure leaves none of the answers, in the data or in the bytes of the
 * files; check finds nothing wrong. */
static void erased(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	struct fse_exit x = { .participant = f->pid, .date = D(2026, 11, 20) };
	struct fse_survey v = { .participant = f->pid,
				.date = D(2027, 5, 21),
				.how = FSE_CONTACT_LETTER,
				.reached = true,
				.improved = true };
	struct store_txn *t;
	size_t problems = 9, len[3];
	uint8_t *bytes[3];
	uint32_t seq[3];
	char *cause = NULL, *report = NULL;

	/* Answers of their own: 577 months, an exit of every situation. */
	e.unemployed_months = 577;
	x.situations = FSE_EXIT_ALL;
	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, &seq[0], &cause),
			 PC_OK);
	leave(f, D(2026, 11, 20));
	assert_int_equal(edit_fse_exit_add(f->s, &f->ctx, &x, &seq[1], &cause),
			 PC_OK);
	f->ctx.today = D(2027, 6, 1);
	assert_int_equal(
		edit_fse_survey_add(f->s, &f->ctx, &v, &seq[2], &cause), PC_OK);
	/* The records as stored, found in the file before the erasure. */
	e.seq = seq[0];
	x.seq = seq[1];
	v.seq = seq[2];
	assert_int_equal(record_encode_fse_entry(&e, &bytes[0], &len[0]),
			 PC_OK);
	assert_int_equal(record_encode_fse_exit(&x, &bytes[1], &len[1]), PC_OK);
	assert_int_equal(record_encode_fse_survey(&v, &bytes[2], &len[2]),
			 PC_OK);
	for (int i = 0; i < 3; i++)
		assert_true(in_files(f->dir, bytes[i], len[i]));
	assert_int_equal(store_check(f->s, &problems, &report, &cause), PC_OK);
	assert_int_equal(problems, 0);
	free(report);
	store_close(&f->s);
	assert_int_equal(rights_erase(f->dir, &f->ctx, f->pid, false, &cause),
			 PC_OK);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_fse_entry_get(t, f->pid, 1, &e), PC_ENOTFOUND);
	assert_int_equal(store_fse_exit_get(t, f->pid, 1, &x), PC_ENOTFOUND);
	assert_int_equal(store_fse_survey_get(t, f->pid, 1, &v), PC_ENOTFOUND);
	store_read_end(&t);
	for (int i = 0; i < 3; i++) {
		if (in_files(f->dir, bytes[i], len[i]))
			fail_msg(
				"questionnaire %d: its bytes left in the files",
				i);
		free(bytes[i]);
	}
}

/* The whole database as a dump, malloc'd. */
static char *dump_of(struct store *s)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	assert_int_equal(dump_write(s, out, false, NULL, &cause), PC_OK);
	fclose(out);
	return text;
}

/* dump then load gives the same answers and the same dump. */
static void dump_round_trip(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	struct fse_exit x = { .participant = f->pid,
			      .date = D(2026, 11, 20),
			      .situations = FSE_EXIT_EMPLOYED |
					    FSE_EXIT_QUALIFICATION };
	struct fse_survey v = { .participant = f->pid,
				.date = D(2027, 5, 21),
				.how = FSE_CONTACT_EMAIL,
				.reached = true,
				.improved = true };
	struct participant_file pf;
	struct store *other = NULL;
	char *dir = helper_tmpdir(), *path, *first, *second, *cause = NULL;

	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			 PC_OK);
	fse_entry_init(&e);
	e.participant = f->pid;
	/* A changed situation, then an exit recorded on an earlier day: the
	 * set after the exit is the file's as it is, and loads back. */
	e.date = D(2026, 11, 21);
	e.situation[FSE_SIT_QPV] = FSE_YES;
	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			 PC_OK);
	leave(f, D(2026, 11, 20));
	/* Its typing mistakes corrected all the same. */
	e.seq = 2;
	e.situation[FSE_SIT_RURAL] = FSE_NO;
	assert_int_equal(edit_fse_entry_correct(f->s, &f->ctx, &e, &cause),
			 PC_OK);
	assert_int_equal(edit_fse_exit_add(f->s, &f->ctx, &x, NULL, &cause),
			 PC_OK);
	f->ctx.today = D(2027, 6, 1);
	assert_int_equal(edit_fse_survey_add(f->s, &f->ctx, &v, NULL, &cause),
			 PC_OK);
	first = dump_of(f->s);
	assert_non_null(strstr(first, "\"disability\": \"refused\""));
	assert_non_null(strstr(first, "\"situations\": [\"qualification\", "
				      "\"employed\"]"));
	path = helper_write(dir, "dump.json", first);
	assert_int_equal(store_open(dir, &other, &cause), PC_OK);
	assert_int_equal(dump_load(other, path, &cause), PC_OK);
	second = dump_of(other);
	assert_string_equal(first, second);
	store_close(&f->s);
	f->s = other;
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 2);
	assert_int_equal(pf.fse_entries[1].gender, GENDER_UNKNOWN);
	assert_int_equal(pf.fse_entries[1].situation[FSE_SIT_QPV], FSE_YES);
	assert_int_equal(pf.fse_entries[0].unemployed_months, 14);
	assert_int_equal(pf.n_fse_exits, 1);
	assert_int_equal(pf.n_fse_surveys, 1);
	assert_true(pf.fse_surveys[0].improved);
	participant_file_clear(&pf);
	free(first);
	free(second);
	free(path);
	helper_rmdir(dir);
}

/* The schema number in the file at `dir`, read with LMDB itself; with
 * `to_v1`, the file made as the previous release made it first: schema 1,
 * without the questionnaires' sub-databases. */
static unsigned raw_schema(const char *dir, bool to_v1, bool *has_fse)
{
	static const char *const fse_dbs[] = { "fse_entry", "fse_exit",
					       "fse_survey" };
	/* Schema 3's, which schema 1 lacked too. */
	static const char *const wake_dbs[] = { "wake", "wake_of",
						"in_caseload" };
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { 14, (void *)"schema_version" }, v;
	uint8_t one[4] = { 0, 0, 0, 1 };
	unsigned version;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	*has_fse = true;
	for (int i = 0; i < 3; i++) {
		if (mdb_dbi_open(txn, fse_dbs[i], 0, &dbi) != 0)
			*has_fse = false;
		else if (to_v1)
			assert_int_equal(mdb_drop(txn, dbi, 1), 0);
	}
	for (int i = 0; to_v1 && i < 3; i++)
		if (mdb_dbi_open(txn, wake_dbs[i], 0, &dbi) == 0)
			assert_int_equal(mdb_drop(txn, dbi, 1), 0);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	if (to_v1) {
		v.mv_size = 4;
		v.mv_data = one;
		assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
		*has_fse = false;
	}
	assert_int_equal(mdb_get(txn, dbi, &k, &v), 0);
	version = ((const uint8_t *)v.mv_data)[3];
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	return version;
}

/* A schema-1 file: read as it is (no answers, nothing wrong), made schema
 * 2 with its sub-databases by the first write open. */
static void schema_upgrade(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	size_t problems = 9;
	char *cause = NULL, *report = NULL;
	bool has_fse = true;

	store_close(&f->s);
	assert_int_equal(raw_schema(f->dir, true, &has_fse), 1);
	assert_int_equal(store_open_readonly(f->dir, &f->s, &cause), PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries + pf.n_fse_exits + pf.n_fse_surveys,
			 0);
	participant_file_clear(&pf);
	assert_int_equal(store_check(f->s, &problems, &report, &cause), PC_OK);
	assert_int_equal(problems, 0);
	free(report);
	store_close(&f->s);
	assert_int_equal(raw_schema(f->dir, false, &has_fse), 1);
	assert_false(has_fse);

	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	store_close(&f->s);
	assert_int_equal(raw_schema(f->dir, false, &has_fse),
			 STORE_SCHEMA_VERSION);
	assert_true(has_fse);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
}

/* 400 participants added in one transaction, each with a gender (a
 * first entry answer). */
static int add_many(struct store_txn *t, void *arg, char **cause)
{
	struct edit_fixture *f = arg;
	struct participant p;
	char name[32];
	uint64_t id;
	int rc = PC_OK;

	(void)cause;
	for (int i = 0; rc == PC_OK && i < 400; i++) {
		participant_init(&p);
		snprintf(name, sizeof name, "Nom%d", i);
		p.last_name = name;
		p.first_name = (char *)"Prénom";
		p.referent = (char *)"Marie Dupont";
		p.gender = GENDER_FEMALE;
		rc = edit_participant_add_txn(t, &f->ctx, &p, D(2026, 11, 1),
					      "test", &id);
	}
	return rc;
}

/* A schema-1 file whose map is full (a database grown past the map size
 * a process opens it with: LMDB maps it at its size, with no room left):
 * the upgrade grows the map as any write does, and the file opens. */
static void schema_upgrade_full_map(void **state)
{
	struct edit_fixture *f = *state;
	struct store *s = NULL;
	struct store_txn *t;
	struct fse_entry e;
	MDB_env *env;
	char *copy = helper_tmpdir(), *cause = NULL, path[512];
	bool has_fse = true;
	int rc;

	assert_int_equal(store_write(f->s, add_many, f, &cause), PC_OK);
	store_close(&f->s);
	assert_int_equal(raw_schema(f->dir, true, &has_fse), 1);
	/* Compacted: no free page left for the upgrade to take. */
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, f->dir, 0, 0600), 0);
	assert_int_equal(mdb_env_copy2(env, copy, MDB_CP_COMPACT), 0);
	mdb_env_close(env);
	snprintf(path, sizeof path, "%s/data.mdb", copy);
	assert_int_equal(chmod(path, 0600), 0);
	store_set_initial_map_size(4096);
	rc = store_open(copy, &s, &cause);
	store_set_initial_map_size(0);
	if (rc != PC_OK)
		fail_msg("the upgrade of a full map: %s", cause ? cause : "?");
	assert_int_equal(raw_schema(copy, false, &has_fse),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(store_read_begin(s, &t, &cause), PC_OK);
	assert_int_equal(store_fse_entry_get(t, f->pid + 400, 1, &e), PC_OK);
	assert_int_equal(e.gender, GENDER_FEMALE);
	store_read_end(&t);
	store_close(&s);
	helper_rmdir(copy);
	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
}

/* The exit form's answers are recorded with the exit, in its
 * transaction; an exit undone takes its answers about leaving with it. */
static void exit_answers_and_undo(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct fse_exit x = { .participant = f->pid,
			      .date = D(2026, 11, 25),
			      .situations = FSE_EXIT_SEARCHING };
	uint32_t bad = 1u << 7,
		 situations = FSE_EXIT_QUALIFICATION | FSE_EXIT_EMPLOYED;
	char *cause = NULL, *last = NULL;

	REFUSED(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 20),
			  "demenagement", NULL, &bad, &rcause),
		"situation on leaving");
	load(f, &pf);
	assert_int_equal(pf.p.status, STATUS_ACTIVE); /* nothing written */
	assert_int_equal(pf.n_fse_exits, 0);
	participant_file_clear(&pf);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 20),
				   "demenagement", NULL, &situations, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_fse_exits, 1);
	assert_int_equal(pf.fse_exits[0].date, D(2026, 11, 20));
	assert_int_equal(pf.fse_exits[0].situations, situations);
	participant_file_clear(&pf);
	/* A second set, as a changed situation would be. */
	assert_int_equal(edit_fse_exit_add(f->s, &f->ctx, &x, NULL, &cause),
			 PC_OK);

	assert_int_equal(edit_exit_undo(f->s, &f->ctx, f->pid, &cause), PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_fse_exits + pf.n_fse_surveys, 0);
	assert_int_equal(pf.n_fse_entries, 0); /* the entry's are kept */
	participant_file_clear(&pf);
	journal(f, &last);
	assert_non_null(strstr(last, "answer sets about leaving removed: 2"));
	free(last);
}

/* Gender, education and situation given at the add (an import) are the
 * first entry answers; editing the identity later leaves the answers. */
static void identity_at_add(void **state)
{
	struct edit_fixture *f = *state;
	struct participant p;
	struct participant_file pf;
	struct fse_entry v;
	uint64_t id = 0;
	char *cause = NULL;

	participant_init(&p);
	p.last_name = (char *)"Martin";
	p.first_name = (char *)"Léa";
	p.gender = GENDER_FEMALE;
	p.education = EDUCATION_ISCED_0_2;
	p.employment = EMPLOYMENT_LONG_TERM_UNEMPLOYED;
	assert_int_equal(edit_participant_add(f->s, &f->ctx, &p,
					      D(2026, 11, 20), &id, &cause),
			 PC_OK);
	f->pid = id;
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 1);
	fse_entry_view(&pf, &v);
	assert_int_equal(v.date, D(2026, 11, 20));
	assert_int_equal(v.gender, GENDER_FEMALE);
	assert_int_equal(v.education, EDUCATION_ISCED_0_2);
	assert_int_equal(v.labour, FSE_LABOUR_UNEMPLOYED);
	assert_int_equal(v.unemployed_months, FSE_LONG_TERM_MONTHS);
	participant_file_clear(&pf);

	p.id = id;
	p.gender = GENDER_NONBINARY;
	p.education = EDUCATION_ISCED_5_8;
	p.employment = EMPLOYMENT_EMPLOYED;
	assert_int_equal(edit_identity(f->s, &f->ctx, &p, &cause), PC_OK);
	load(f, &pf);
	assert_int_equal(pf.p.gender, GENDER_NONBINARY); /* how addressed */
	assert_int_equal(pf.p.education, EDUCATION_ISCED_0_2);
	assert_int_equal(pf.n_fse_entries, 1);
	fse_entry_view(&pf, &v);
	assert_int_equal(v.gender, GENDER_FEMALE);
	assert_int_equal(v.labour, FSE_LABOUR_UNEMPLOYED);
	participant_file_clear(&pf);

	/* Nothing given: no answer set. */
	participant_init(&p);
	p.last_name = (char *)"Petit";
	p.first_name = (char *)"Jean";
	assert_int_equal(edit_participant_add(f->s, &f->ctx, &p,
					      D(2026, 11, 20), &id, &cause),
			 PC_OK);
	f->pid = id;
	load(f, &pf);
	assert_int_equal(pf.n_fse_entries, 0);
	participant_file_clear(&pf);
}

/* A questionnaire that does not decode: check names it, the file does
 * not load, a salvage leaves it out and keeps the rest. */
static void corrupt_answer(void **state)
{
	struct edit_fixture *f = *state;
	struct fse_entry e = full_entry(f->pid, D(2026, 11, 2));
	struct participant_file pf;
	struct store_txn *t;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	uint8_t key[12] = { 0 };
	MDB_val k = { sizeof key, key }, v = { 7, (void *)"garbage" };
	size_t problems = 0, left_out = 0;
	char *cause = NULL, *report = NULL;

	assert_int_equal(edit_fse_entry_add(f->s, &f->ctx, &e, NULL, &cause),
			 PC_OK);
	store_close(&f->s);
	for (int i = 0; i < 8; i++)
		key[i] = (uint8_t)(f->pid >> (56 - 8 * i));
	key[11] = 2;
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, f->dir, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "fse_entry", 0, &dbi), 0);
	assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);

	assert_int_equal(store_open(f->dir, &f->s, &cause), PC_OK);
	assert_int_equal(store_check(f->s, &problems, &report, &cause), PC_OK);
	assert_int_equal(problems, 1);
	assert_non_null(strstr(report, "entry questionnaires"));
	free(report);
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_file_load(t, f->pid, &pf), PC_ECORRUPT);
	assert_int_equal(store_file_salvage(t, f->pid, &pf, &left_out), PC_OK);
	store_read_end(&t);
	assert_int_equal(left_out, 1);
	assert_int_equal(pf.n_fse_entries, 1);
	assert_int_equal(pf.fse_entries[0].seq, 1);
	participant_file_clear(&pf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		/* clang-format off */
		T(entry_never_overwritten),
		T(entry_missing),
		T(entry_refused),
		T(entry_corrected),
		T(exit_and_survey),
		T(entry_flag_edges),
		T(survey_flag_edges),
		T(erased),
		T(dump_round_trip),
		T(schema_upgrade),
		T(schema_upgrade_full_map),
		T(entry_last_seq),
		T(corrupt_answer),
		T(identity_at_add),
		T(exit_answers_and_undo),
	/* clang-format on */
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

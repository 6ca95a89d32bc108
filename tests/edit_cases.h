/* edit_cases.h: what the suites of the edits share (test_edit.c,
 * test_edit_work.c): a participant in a new database, reading it back,
 * its journal, and refusals that write nothing. Included once by each
 * suite, after cmocka. */
#ifndef PARCOURS_EDIT_CASES_H
#define PARCOURS_EDIT_CASES_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "error.h"
#include "helpers.h"
#include "rules.h"
#include "store.h"

static inline int setup(void **state)
{
	struct participant p;
	struct edit_fixture *f;

	participant_init(&p);
	p.last_name = (char *)"Lefèvre";
	p.first_name = (char *)"Élodie";
	p.birth_date = D(1991, 4, 3);
	p.publics = (char *)"rsa,deld";
	f = helper_edit_open(&p, D(2025, 1, 12));
	if (f == NULL)
		return -1;
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	helper_edit_close(*state);
	return 0;
}

static inline void load(struct edit_fixture *f, struct participant_file *pf)
{
	assert_true(helper_edit_load(f, pf));
}

static inline size_t journal_lines(struct edit_fixture *f)
{
	struct store_txn *t;
	struct journal_entry *e;
	size_t n;
	char *cause = NULL;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &e, &n), PC_OK);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(e[i].who, "Marie Dupont");
		assert_int_equal(e[i].time, 1700000000);
		journal_entry_clear(&e[i]);
	}
	free(e);
	store_read_end(&t);
	return n;
}

/* Expect PC_EINVAL with a message containing `what`, and nothing written. */
#define REFUSED(call, what)                                                    \
	do {                                                                   \
		char *rcause = NULL;                                           \
		size_t before = journal_lines(f);                              \
		assert_int_equal(call, PC_EINVAL);                             \
		assert_non_null(rcause);                                       \
		if (strstr(rcause, what) == NULL)                              \
			fail_msg("'%s' lacks '%s'", rcause, what);             \
		free(rcause);                                                  \
		assert_int_equal(journal_lines(f), before);                    \
	} while (0)

/* True when the rules as of `today` raise `kind` for the fixture's
 * participant; its date in *date. */
static inline bool flagged(struct edit_fixture *f, pdate today, enum flag_kind kind,
		    pdate *date)
{
	struct participant_file pf;
	struct rules_summary s;
	bool found = false;

	load(f, &pf);
	rules_evaluate(f->c, &pf, today, &s);
	for (size_t i = 0; i < s.n_flags; i++)
		if (s.flags[i].kind == kind) {
			found = true;
			if (date != NULL)
				*date = s.flags[i].date;
		}
	participant_file_clear(&pf);
	return found;
}

/* A job of 35 hours a week from `start`. */
static inline void full_time_job(struct edit_fixture *f, const char *contract,
			  pdate start, pdate planned_end)
{
	struct job j;
	char *cause = NULL;

	job_init(&j);
	j.employer = (char *)"Carrefour";
	j.contract = (char *)contract;
	j.start = start;
	j.planned_end = planned_end;
	j.weekly_minutes = 35 * 60;
	assert_int_equal(edit_job_start(f->s, &f->ctx, f->pid, &j, &cause),
			 PC_OK);
}

/* A job of `hours` a week from `start` to `planned_end` (DATE_NONE: open);
 * its seq in *seq unless NULL. */
static inline void add_job(struct edit_fixture *f, const char *contract, pdate start,
		    pdate planned_end)
{
	full_time_job(f, contract, start, planned_end);
}

/* The journal's last line about the fixture's participant (caller frees). */
static inline char *last_journal(struct edit_fixture *f)
{
	struct store_txn *t;
	struct journal_entry *e;
	size_t n;
	char *cause = NULL, *what;

	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &e, &n), PC_OK);
	store_read_end(&t);
	assert_true(n > 0);
	what = strdup(e[n - 1].what);
	for (size_t i = 0; i < n; i++)
		journal_entry_clear(&e[i]);
	free(e);
	return what;
}

/* The journal lines about the fixture's participant, joined by '\n'
 * (the caller frees). */
static inline char *journal_text(struct edit_fixture *f)
{
	struct store_txn *t = NULL;
	struct journal_entry *j = NULL;
	size_t n = 0, len = 1;
	char *out;

	assert_int_equal(store_read_begin(f->s, &t, NULL), PC_OK);
	assert_int_equal(store_journal_list(t, f->pid, &j, &n), PC_OK);
	store_read_end(&t);
	for (size_t i = 0; i < n; i++)
		len += strlen(j[i].what) + 1;
	out = calloc(1, len);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		strcat(out, j[i].what);
		strcat(out, "\n");
		journal_entry_clear(&j[i]);
	}
	free(j);
	return out;
}

#define JOURNAL_HAS(f, what)                                                   \
	do {                                                                   \
		char *jt = journal_text(f);                                    \
		if (strstr(jt, what) == NULL)                                  \
			fail_msg("journal lacks '%s':\n%s", what, jt);         \
		free(jt);                                                      \
	} while (0)

/* The store passes its own check (indexes and records agree). */
static inline void store_sound(struct edit_fixture *f)
{
	size_t problems = 0;
	char *report = NULL, *cause = NULL;

	assert_int_equal(store_check(f->s, &problems, &report, &cause), PC_OK);
	if (problems != 0)
		fail_msg("%s", report ? report : "?");
	free(report);
}

#endif

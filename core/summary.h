/* summary.h: the figures of a caseload over a period, for exports. */
#ifndef PARCOURS_SUMMARY_H
#define PARCOURS_SUMMARY_H

#include "caseload.h"
#include "config.h"
#include "fse.h"
#include "roster.h"

#include <stdbool.h>
#include <stddef.h>

/* The funder's entry data a participant record should hold. */
enum completeness_field {
	FIELD_GENDER,
	FIELD_BIRTH_DATE,
	FIELD_EMPLOYMENT,
	FIELD_EDUCATION,
	FIELD_CONTACT, /* a phone or an email for the survey */
	FIELD_COUNT
};

/* The columns of the funder's indicator table: by gender at entry (the
 * entry answers), and all, those whose gender is not given included. */
enum summary_sex { SEX_WOMEN, SEX_MEN, SEX_NONBINARY, SEX_TOTAL, SEX_COUNT };

/*
 * The FSE+ common indicators (domain.md): the output ones at entry, of
 * those who entered in the period; the immediate results, of those who
 * left in it (their exit questionnaire); the six-months results, of the
 * surveys dated in it.
 */
enum summary_indicator {
	IND_ENTERED,		  /* everyone who entered: the base */
	IND_UNEMPLOYED,		  /* long-term unemployed included */
	IND_LONG_TERM_UNEMPLOYED, /* FSE_LONG_TERM_MONTHS or more */
	IND_INACTIVE,
	IND_EMPLOYED,  /* self-employed included */
	IND_EDUCATION, /* in education or training */
	IND_UNDER_18,  /* age at the entry date, from the birth date */
	IND_AGE_18_29,
	IND_AGE_30_54,
	IND_AGE_55_OVER,
	IND_ISCED_0_2,
	IND_ISCED_3_4,
	IND_ISCED_5_8,
	IND_SITUATION, /* + enum fse_situation: answered yes */
	IND_EXITED = IND_SITUATION + FSE_SIT_COUNT, /* left in the period */
	IND_EXIT_SEARCHING,
	IND_EXIT_EDUCATION,
	IND_EXIT_QUALIFICATION,
	IND_EXIT_EMPLOYED,
	IND_SURVEYED, /* a six-months survey dated in the period */
	IND_SURVEY_EMPLOYED,
	IND_SURVEY_IMPROVED,
	IND_SURVEY_NOT_REACHED,
	IND_COUNT
};

/* How the answers to one question stand, over those asked it. */
struct summary_answers {
	size_t answered, refused, unknown, missing;
};

/* The questions whose completeness the table gives: the entry ones
 * (enum fse_question), then the exit questionnaire and the survey. */
enum { SUMMARY_Q_EXIT = FSE_Q_COUNT, SUMMARY_Q_SURVEY, SUMMARY_Q_COUNT };

struct summary_stage {
	size_t count;
	/* Twice the median of the days in stage, since the median of an even
	 * count is the mean of the two middle ones, maybe a half; -1 when the
	 * stage is empty. */
	int median_half_days;
};

/* Exits whose reason the configuration does not know, by stored id. */
struct summary_unknown_reason {
	char *id; /* owned; NULL when none was stored */
	size_t count;
};

/* A participant in work: their entry, the start of the job, the next
 * check-in not yet held (summary_next_checkin) and its day offset. */
struct summary_followup {
	size_t entry;
	pdate job_start; /* DATE_NONE: no job in progress */
	pdate next;	 /* DATE_NONE: all held */
	int offset;
};

/* Who a flag concerns: indexes into the caseload's entries. */
struct summary_flag {
	size_t count;
	size_t *entries;
};

struct summary_referent {
	char *name; /* owned */
	size_t caseload, flagged, entries, exits, positive;
};

/*
 * Everything an export shows. The caseload or roster it was made from
 * must outlive it (entries are referred to by index: summary_entry).
 * Free with summary_free().
 */
struct summary {
	const struct config *config;
	const struct caseload *cl;
	const struct roster *roster; /* instead of cl, when not NULL */
	const char *referent; /* NULL: every referent */
	pdate today, from, to;
	size_t caseload; /* current participants */
	size_t flagged;
	struct summary_stage *stages; /* n_stages + 1: the last is unknown */
	struct summary_flag flags[FLAG_COUNT]; /* current and after_exit */
	/* Entries in work, by next check-in: current participants, and
	 * those left at hiring whose exit waits for its validation. */
	struct summary_followup *followups;
	size_t n_followups;
	size_t after_exit; /* participants left at hiring, still followed */
	size_t entries, exits, positive;
	/* Exits of the period left at hiring: still waiting for their
	 * validation, and lost (the work stopped before six months). */
	size_t exits_pending, exits_lost;
	size_t *exits_by_reason; /* n_exit_reasons + 1: the last is unknown */
	struct summary_unknown_reason *unknown_reasons; /* by id, NULL first */
	size_t n_unknown_reasons;
	size_t missing[FIELD_COUNT];
	/* The funder's indicator table of the period (summary_indicator),
	 * and how complete each question's answers are: the entry ones
	 * over those who entered (unemployed_months over the unemployed),
	 * the exit questionnaire over those who left, the survey over those
	 * who left and whose six months have come by today. */
	size_t indicators[IND_COUNT][SEX_COUNT];
	struct summary_answers answers[SUMMARY_Q_COUNT];
	struct summary_referent *referents; /* with every referent only */
	size_t n_referents;
	size_t *rows; /* current participants, most urgent first */
	size_t n_rows;
};

/*
 * Compute the summary of `cl` (loaded with exited participants) for entries
 * and exits from..to inclusive; a NULL `referent` (every one) also fills
 * s->referents. *s refers to c, cl and referent, which must outlive it; free
 * it with summary_free(). PC_ENOMEM leaves *s zeroed, nothing to free.
 */
int summary_build(struct summary *s, const struct config *c,
		  const struct caseload *cl, const char *referent, pdate today,
		  pdate from, pdate to);

/*
 * summary_build in steps, for a territory read participant by
 * participant (caseload_each) and kept as a roster: summary_begin, then
 * summary_count for every participant of the caseload (exited included,
 * their file at hand), then summary_index on the roster of those it
 * shows (summary_shows), sorted, with each one's follow-up worked out
 * (summary_roster_followup). *s refers to c, r and referent. PC_ENOMEM
 * leaves *s zeroed, nothing to free.
 */
int summary_begin(struct summary *s, const struct config *c,
		  const char *referent, pdate today, pdate from, pdate to);
int summary_count(struct summary *s, const struct caseload_entry *e);
int summary_index(struct summary *s, const struct roster *r);

/* Whether an export shows entry e anywhere (a row, a flag, a follow-up,
 * an exit of the period): those it does not are only counted. */
bool summary_shows(const struct summary *s, const struct caseload_entry *e);

/* The follow-up of entry e as summary_index needs it from a roster. */
void summary_roster_followup(const struct summary *s,
			     const struct caseload_entry *e,
			     struct roster_followup *fu);

/* The number of entries, and entry i: in the caseload, or made in *tmp
 * from the roster (valid while the roster lives and *tmp is not reused). */
size_t summary_n_entries(const struct summary *s);
const struct caseload_entry *summary_entry(const struct summary *s, size_t i,
					   struct caseload_entry *tmp);

/* Free what summary_build allocated and zero *s; NULL is accepted. */
void summary_free(struct summary *s);

/* The stable name of a completeness field ("birth_date"); "?" if none. */
const char *summary_field_name(enum completeness_field f);

/* The stable name of an indicator ("long_term_unemployed", "qpv",
 * "exit_employed"); "?" if none. */
const char *summary_indicator_name(enum summary_indicator i);

/* The stable name of a question of the completeness table: those of
 * fse_question_name, then "exit" and "survey"; "?" if none. */
const char *summary_question_name(int q);

/* True for the indicators and questions (as above) of the funder's
 * sensitive answers (fse_situation_sensitive): a pseudonymised export
 * leaves them out unless asked for them (export_options). */
bool summary_indicator_sensitive(enum summary_indicator i);
bool summary_question_sensitive(int q);

/* The age band indicator (IND_UNDER_18 .. IND_AGE_55_OVER) of someone
 * born on `birth` on day `at`, in whole years; IND_COUNT when either date
 * is missing or `at` is before `birth`. */
enum summary_indicator summary_age_band(pdate birth, pdate at);

/* True when entry `e` lacks field `f`; gender, employment and education
 * read from the entry answers as first given (fse_entry_view). */
bool summary_lacks(const struct caseload_entry *e, enum completeness_field f);

/* The next check-in not yet held of the follow-up the rules follow as of
 * `today` (rules_followup), or DATE_NONE; *offset gets its day offset
 * unless offset is NULL (untouched for DATE_NONE). */
pdate summary_next_checkin(const struct config *c,
			   const struct participant_file *f, pdate today,
			   int *offset);

/*
 * True when the exit of `p` counts as positive in the figures: the reason
 * is positive in `c` as it is now (an unknown reason is not), the work
 * was not lost after an exit at hiring, and, under `exit_validation:
 * followup`, the exit has been validated.
 */
bool summary_exit_positive(const struct config *c, const struct participant *p);

/*
 * Whether `p` entered, or left, the PLIE from..to as the figures count it:
 * a participant transferred out of a database left its caseload, not the
 * PLIE (no exit here), and one transferred in entered where it came from
 * (no entry here), so that a territory's figures count each once.
 */
bool summary_entered(const struct participant *p, pdate from, pdate to);
bool summary_left(const struct participant *p, pdate from, pdate to);

/* Positive exits per hundred exits, rounded; -1 when there is no exit. */
int summary_positive_rate(const struct summary *s);

#endif

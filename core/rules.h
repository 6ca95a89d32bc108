/* rules.h: who needs attention, as pure functions of data, config, today. */
#ifndef PARCOURS_RULES_H
#define PARCOURS_RULES_H

#include "config.h"
#include "model.h"

#include <stddef.h>

/* The flags, in order of urgency: the first is the most urgent. */
enum flag_kind {
	FLAG_APPOINTMENT_OVERDUE, /* planned, in the past, no outcome */
	FLAG_CHECKIN_OVERDUE,	  /* an in-work check-in date has passed */
	FLAG_WORK_LOST,		  /* left at hiring: the work stopped before
				     its six months */
	FLAG_NO_SHOW,		  /* last appointment missed, none planned */
	FLAG_FIRST_APPOINTMENT,	  /* no appointment yet, none planned */
	FLAG_CONTACT_OVERDUE,	  /* no contact within the stage's interval */
	FLAG_MAX_DURATION,	  /* maximum parcours duration near or past */
	FLAG_CHECKIN_DUE,	  /* an in-work check-in in the next days */
	FLAG_READY_TO_EXIT,	  /* config followup_months in work reached */
	FLAG_VALIDATE_EXIT,	  /* left at hiring: six months reached */
	/* The funder's questionnaires, only with fse.from configured
	 * (rules_flag_enabled): paperwork after people. */
	FLAG_FSE_SURVEY_OVERDUE,   /* the six-months survey's window passed */
	FLAG_FSE_ENTRY_INCOMPLETE, /* entry answers missing after the grace */
	FLAG_FSE_SURVEY_DUE,	   /* the six-months survey's window is open */
	FLAG_COUNT
};

struct flag {
	enum flag_kind kind;
	pdate date; /* when it became due: the appointment, the check-in... */
	int days;   /* days overdue (or, for coming dates, days left) */
	int count;  /* overdue appointments; check-in offset in days */
};

/* What the rules derive for one participant. */
struct rules_summary {
	pdate last_contact;	/* last appointment done, or DATE_NONE */
	pdate next_appointment; /* first planned from today, or DATE_NONE */
	int days_in_stage;
	struct flag flags[FLAG_COUNT]; /* most urgent first */
	size_t n_flags;
};

/*
 * Evaluate every rule for `f` as of `today` into *out, wholly overwritten
 * (nothing to free). An exited participant has no flag, but one still
 * followed after an exit at hiring (rules_after_exit) has those of the
 * in-work follow-up: check-ins, validate-exit, work-lost; and one whose
 * six-months survey is due or overdue (rules_survey_window) has
 * fse-survey-due or fse-survey-overdue. A stage missing from the config
 * uses no contact interval.
 */
void rules_evaluate(const struct config *c, const struct participant_file *f,
		    pdate today, struct rules_summary *out);

/* How pressing a flag is: shown red, yellow or green. */
enum flag_level { LEVEL_OVERDUE, LEVEL_SOON, LEVEL_READY };

/* The level of one flag: overdue, due soon, or ready for a step. */
enum flag_level rules_flag_level(const struct flag *fl);

/* The stable flag name used in TSV output and exports: "no-show"; "?" for
 * a kind out of range. Never translated. */
const char *rules_flag_name(enum flag_kind kind);

/*
 * The participant's qualifying employment as the rules count it: work
 * from the entry into the PLIE on (a job held before counts from the
 * entry, one over before it not at all), as of `today`.
 */
struct employment_status;
void rules_employment(const struct config *c, const struct participant_file *f,
		      pdate today, struct employment_status *work);

/*
 * The run of qualifying work that holds `day` (the hiring of an exit at
 * hiring), as the jobs known as of `today` make it, work counted from the
 * entry (employment_run_at). False when no qualifying work held that day.
 */
bool rules_exit_run(const struct config *c, const struct participant_file *f,
		    pdate day, pdate today, struct employment_status *run);

/*
 * True when `p` left at hiring and is still followed in work, as the
 * configuration says now: the exit waits for its validation
 * (participant_exit_pending), and its reason is positive and needs six
 * months or a season. A reason made non-positive since, or one that needs
 * nothing, has nothing left to follow.
 */
bool rules_after_exit(const struct config *c, const struct participant *p);

/*
 * True when `p` left on or after fse.from and, as of `today`, six months
 * have passed since the exit: the survey is due or overdue unless a
 * survey record says it was asked (fse_survey_done), which only the
 * participant's file tells. The caseload reads the file of those alone
 * among the people who left.
 */
bool rules_survey_window(const struct config *c, const struct participant *p,
			 pdate today);

/* False for a flag the configuration leaves out (the FSE flags without
 * fse.from): lists of every flag with its count skip it. */
bool rules_flag_enabled(const struct config *c, enum flag_kind kind);

/* The in-work follow-up the check-ins belong to: they fall due from
 * `start`, and one held on any job started from `lo` to `hi` counts. */
struct rules_followup {
	pdate start, lo, hi;
};

/*
 * The follow-up as rules_evaluate() sees it as of `today`: the qualifying
 * run, else the job going on (under half-time: its own check-ins). False,
 * *out all DATE_NONE, when there is none. The screens show what the flags
 * say with it.
 */
bool rules_followup(const struct config *c, const struct participant_file *f,
		    pdate today, struct rules_followup *out);

/* When the check-in at `offset` of that follow-up was held, or DATE_NONE. */
pdate rules_checkin_held(const struct participant_file *f,
			 const struct rules_followup *fu, int offset);

/* The flag kind called `name`, or FLAG_COUNT. */
enum flag_kind rules_flag_by_name(const char *name);

/*
 * A one-line reason for the flag, translated into the interface language
 * ("no contact for 42 days" in English), into buf of size n (truncated
 * safely).
 */
void rules_flag_reason(const struct flag *fl, char *buf, size_t n);

/*
 * Compare two summaries by urgency (most urgent first): the most urgent
 * flag's level (overdue, soon, ready: the markers), then its rank, then
 * its date; participants without flags come last. A summary's flags are
 * in that order too.
 */
int rules_compare_urgency(const struct rules_summary *a,
			  const struct rules_summary *b);

/*
 * A hash of what the rules read of the configuration (the stages' ids and
 * contact days, the exit reasons, the check-ins, the follow-up, the
 * maximum duration, qualifying work, the funder's dates): the attention
 * index made with one configuration holds for another of the same hash,
 * whatever else differs (a referent's name, labels, templates). A rule
 * that reads a new key must add it there (tests/test_config.c checks
 * every key the rules read).
 */
uint64_t rules_config_hash(const struct config *c);

#endif

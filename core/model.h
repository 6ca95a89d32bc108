/* model.h: the records of a caseload and who owns their strings. */
#ifndef PARCOURS_MODEL_H
#define PARCOURS_MODEL_H

#include "date.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Every string in these records is a malloc'd, NUL-terminated UTF-8 string
 * owned by the record, or NULL for "not given". The *_clear() functions
 * free them and reset the record as the *_init() functions leave it (dates
 * DATE_NONE), so a cleared record can be reused or cleared again.
 */

enum gender { GENDER_UNKNOWN, GENDER_FEMALE, GENDER_MALE, GENDER_NONBINARY };

/* Education level, in the funder's ISCED bands. */
enum education {
	EDUCATION_UNKNOWN,
	EDUCATION_ISCED_0_2,
	EDUCATION_ISCED_3_4,
	EDUCATION_ISCED_5_8,
};

/* Employment situation at entry, as the funder counts it. */
enum employment {
	EMPLOYMENT_UNKNOWN,
	EMPLOYMENT_UNEMPLOYED,
	EMPLOYMENT_LONG_TERM_UNEMPLOYED,
	EMPLOYMENT_INACTIVE,
	EMPLOYMENT_EMPLOYED,
};

enum participant_status {
	STATUS_ACTIVE,	 /* following the parcours */
	STATUS_FOLLOWUP, /* in work, six-month follow-up running */
	STATUS_EXITED,	 /* left the PLIE */
};

struct participant {
	uint64_t id; /* 0 until the store assigns one */
	char *last_name;
	char *first_name;
	pdate birth_date;
	enum gender gender;
	char *phone;
	char *email;
	char *publics; /* comma-separated public category ids of the config */
	enum education education;
	enum employment employment;
	pdate entry_date;
	char *referent;
	char *stage;	   /* current stage id of the config */
	pdate stage_since; /* date of the last stage move */
	enum participant_status status;
	bool legal_hold; /* records kept for the funder: never erased */
	pdate exit_date;
	char *exit_reason; /* exit reason id of the config */
	bool exit_positive;
	pdate exit_validated; /* date a positive exit was validated */
	/* The start of the qualifying work a positive exit rests on; with
	 * `exit_validation: hiring` the exit waits for its six months from
	 * it (participant_exit_pending) until validated or lost. */
	pdate exit_hired;
	pdate exit_lost;	/* the work was lost before six months */
	char *exit_lost_reason; /* why: an id of job_end_reasons, or NULL */
	/* Moved to another database (transfer-out) on this day: left the
	 * caseload, not the PLIE (no exit in the figures), erasable later. */
	pdate transferred;
	/* Where a participant transferred in comes from, "DATABASE-UUID:ID"
	 * (provenance; a second transfer-in of it is refused); or NULL. */
	char *origin;
};

/* One dated move into a stage; a parcours may go back or skip. */
struct stage_move {
	uint64_t participant;
	uint32_t seq; /* order of the move within the parcours */
	pdate date;
	char *stage;
	char *note;
};

enum appointment_mode { MODE_IN_PERSON, MODE_PHONE, MODE_VIDEO };

enum appointment_status {
	APPT_PLANNED,
	APPT_DONE,
	APPT_MISSED,
	APPT_CANCELLED,
};

#define APPT_NO_TIME (-1)

/* How a participant was reminded of an appointment. */
enum remind_how { REMIND_CALL, REMIND_SMS, REMIND_EMAIL };

struct appointment {
	uint64_t id;
	uint64_t participant;
	pdate date;
	int minute; /* minutes after midnight, or APPT_NO_TIME */
	char *kind; /* "entretien", "atelier", ... */
	enum appointment_mode mode;
	enum appointment_status status;
	char *note;
	/* What left parcours about it: the last letter made from a template
	 * (its name, "convocation"; NULL: none) and on which day, and the
	 * reminder (DATE_NONE: not reminded) with how it was given. */
	char *letter;
	pdate letter_date;
	pdate reminded;
	enum remind_how reminded_how;
};

/* Maximum number of in-work check-ins a job records. */
#define JOB_MAX_CHECKINS 16

/* A check-in held `offset_days` after the job start, done on `done`. */
struct checkin {
	int offset_days;
	pdate done;
};

struct job {
	uint64_t participant;
	uint32_t seq;
	char *employer;
	char *contract; /* "cdi", "cdd", "interim", ... */
	pdate start;
	pdate planned_end; /* DATE_NONE for open-ended */
	pdate ended;	   /* DATE_NONE while the job goes on */
	char *end_reason;  /* why it ended: an id of job_end_reasons, or NULL */
	int weekly_minutes;
	size_t n_checkins;
	struct checkin checkins[JOB_MAX_CHECKINS];
};

struct note {
	uint64_t participant;
	uint32_t seq;
	pdate date;
	char *text;
};

/*
 * The funder's questionnaires (FSE+ 2021-2027, domain.md "What the funder
 * needs"): one record kind each, dated, never overwritten. A changed
 * situation is a new record; a typing mistake is corrected in place, with
 * a journal line. 0 in every answer means "not asked yet".
 */

/* The answer to a yes-or-no question; the sensitive ones (fse_situation)
 * also take "refused to answer", and all take "unknown". */
enum fse_answer {
	FSE_NOT_ASKED,
	FSE_YES,
	FSE_NO,
	FSE_REFUSED,
	FSE_UNKNOWN,
};

/* Situation on the labour market at entry. Long-term unemployment is
 * derived from unemployed_months (FSE_LONG_TERM_MONTHS or more). */
enum fse_labour {
	FSE_LABOUR_NOT_ASKED,
	FSE_LABOUR_UNEMPLOYED,
	FSE_LABOUR_INACTIVE,
	FSE_LABOUR_EMPLOYED,  /* self-employed included */
	FSE_LABOUR_EDUCATION, /* in education or training */
};

#define FSE_MONTHS_NONE	     (-1)
#define FSE_MONTHS_MAX	     600
#define FSE_LONG_TERM_MONTHS 12

/* The situations funders count at entry, in the order of the record's
 * `situation` array. */
enum fse_situation {
	FSE_SIT_DISABILITY, /* recognised disability (RQTH) */
	FSE_SIT_THIRD_COUNTRY,
	FSE_SIT_FOREIGN_BACKGROUND,
	FSE_SIT_MINORITY,
	FSE_SIT_HOMELESS, /* homeless or housing exclusion */
	FSE_SIT_RURAL,
	FSE_SIT_QPV, /* a priority urban district: a French addition */
	FSE_SIT_COUNT
};

struct fse_entry {
	uint64_t participant;
	uint32_t seq;
	pdate date;	    /* the day the answers were given */
	enum gender gender; /* GENDER_UNKNOWN: not asked */
	enum fse_labour labour;
	int unemployed_months;	  /* FSE_MONTHS_NONE: not given */
	enum education education; /* EDUCATION_UNKNOWN: not asked */
	enum fse_answer situation[FSE_SIT_COUNT];
};

/* Situations on leaving: several may apply (a bit each); none is an
 * answer too. */
enum fse_exit_bits {
	FSE_EXIT_SEARCHING = 1 << 0,
	FSE_EXIT_EDUCATION = 1 << 1, /* in education or training */
	FSE_EXIT_QUALIFICATION = 1 << 2,
	FSE_EXIT_EMPLOYED = 1 << 3, /* self-employed included */
	FSE_EXIT_ALL = (1 << 4) - 1,
};

struct fse_exit {
	uint64_t participant;
	uint32_t seq;
	pdate date;
	uint32_t situations; /* enum fse_exit_bits */
};

/* How the six-months-after survey was asked. */
enum fse_contact { FSE_CONTACT_PHONE, FSE_CONTACT_EMAIL, FSE_CONTACT_LETTER };

struct fse_survey {
	uint64_t participant;
	uint32_t seq;
	pdate date; /* the day it was asked */
	enum fse_contact how;
	bool reached;  /* false: asked, no answer; the others are false */
	bool employed; /* self-employed included */
	bool improved; /* an improved situation on the labour market */
};

/* One line of the journal: who changed what, when. Appended, never edited. */
struct journal_entry {
	uint64_t seq;
	int64_t time; /* seconds since the epoch */
	char *who;
	uint64_t participant; /* 0 when not about one participant */
	char *what;
	char *login; /* the Unix login behind the change; NULL before 0.2 */
};

/* Free a record's strings and reset it, as said above. */
void participant_clear(struct participant *p);
void stage_move_clear(struct stage_move *m);
void appointment_clear(struct appointment *a);
void job_clear(struct job *j);
void note_clear(struct note *n);
void journal_entry_clear(struct journal_entry *e);
void fse_entry_init(struct fse_entry *e); /* every answer not asked */

/* Zero-initialise with every date DATE_NONE; nothing is freed. */
void participant_init(struct participant *p);
void appointment_init(struct appointment *a);
void job_init(struct job *j);

/*
 * True when `p` left at hiring and the exit waits for its validation: an
 * exit with a hiring date, neither validated nor lost. Such a participant
 * has left the caseload but stays in the in-work follow-up after exit.
 */
bool participant_exit_pending(const struct participant *p);

/* The check-in of `j` at offset_days (inside j), or NULL when none is. */
const struct checkin *job_checkin(const struct job *j, int offset_days);

/* True when `id` is among the comma-separated ids of `list` (NULL: none). */
bool model_list_has(const char *list, const char *id);

/*
 * The text a record may hold, the same wherever it comes from (a form, an
 * import, a load): valid UTF-8 without NUL bytes or control characters
 * (U+0000-U+001F, U+007F-U+009F), except that a note may hold line breaks
 * (LF) and tabs; no longer than its kind allows, in bytes; and, where a
 * value is required, not blank (spaces and other invisible characters only).
 */
#define MODEL_NAME_MAX 200   /* names: people, referents, employers, kinds */
#define MODEL_LINE_MAX 1000  /* other one-line fields: contacts, ids, lists */
#define MODEL_NOTE_MAX 10000 /* notes */

enum model_text {
	MODEL_TEXT_NAME, /* one line, at most MODEL_NAME_MAX bytes */
	MODEL_TEXT_LINE, /* one line, at most MODEL_LINE_MAX bytes */
	MODEL_TEXT_NOTE, /* LF and tab allowed, at most MODEL_NOTE_MAX bytes */
};

/*
 * Check `len` bytes at `s` (NULL: no value) as the field named `field` in
 * messages. PC_OK, or PC_EINVAL with "FIELD: what is wrong" in *cause
 * (translated; caller frees): not UTF-8, a NUL byte, a control character
 * (said as U+XXXX), too long, or blank or missing when `required`.
 */
int model_text_check_n(const char *field, const char *s, size_t len,
		       enum model_text kind, bool required, char **cause);

/* The same for a NUL-terminated `s` (NULL: no value). */
int model_text_check(const char *field, const char *s, enum model_text kind,
		     bool required, char **cause);

/* The enums that have stable names in dumps and exports. */
enum model_enum {
	ENUM_GENDER,
	ENUM_EDUCATION,
	ENUM_EMPLOYMENT,
	ENUM_STATUS,
	ENUM_MODE,
	ENUM_APPT_STATUS,
	ENUM_FSE_ANSWER,
	ENUM_FSE_LABOUR,
	ENUM_FSE_CONTACT,
	ENUM_FSE_SITUATION, /* the names of the situations themselves */
	ENUM_FSE_EXIT,	    /* the bits of fse_exit_bits, by position */
	ENUM_REMIND,	    /* enum remind_how: call, sms, email */
	ENUM_COUNT
};

/* The stable name of `value` of enum `e` ("female", "done"); "?" if none. */
const char *model_enum_name(enum model_enum e, int value);

/* The value of enum `e` named `name`, or -1 (a NULL name included). */
int model_enum_value(enum model_enum e, const char *name);

/* Stable names for enums, used by the command line and exports. */
const char *gender_name(enum gender g);
const char *education_name(enum education e);
const char *appointment_status_name(enum appointment_status s);
const char *participant_status_name(enum participant_status s);

/*
 * Everything held on one participant, loaded together. Arrays are malloc'd
 * and owned by the file; appointments are sorted by date and time, moves
 * by sequence, jobs by start date.
 */
struct participant_file {
	struct participant p;
	struct stage_move *moves;
	size_t n_moves;
	struct appointment *appts;
	size_t n_appts;
	struct job *jobs;
	size_t n_jobs;
	struct note *notes;
	size_t n_notes;
	/* The questionnaires, each in the order recorded (by seq). */
	struct fse_entry *fse_entries;
	size_t n_fse_entries;
	struct fse_exit *fse_exits;
	size_t n_fse_exits;
	struct fse_survey *fse_surveys;
	size_t n_fse_surveys;
};

/* Free everything the file holds and reset it (clearing twice is safe). */
void participant_file_clear(struct participant_file *f);

/* The job in progress (started, not ended; inside f), or NULL. */
const struct job *
participant_file_current_job(const struct participant_file *f);

#endif

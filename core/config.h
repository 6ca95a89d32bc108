/* config.h: stages and rules, read from YAML: the installed default, then
 * the user's file over it (a key replaces the default's, a list of stages,
 * publics, exit reasons or appointment kinds replaces it whole). */
#ifndef PARCOURS_CONFIG_H
#define PARCOURS_CONFIG_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

struct config_stage {
	char *id;	   /* stable id stored in the data: "freins" */
	char *label;	   /* full name: "Lever les freins à l'emploi" */
	char *short_label; /* for narrow columns: "Freins" */
	int contact_days;  /* longest gap between contacts before a flag */
	int expected_days; /* usual time in the stage; 0 when not set */
};

struct config_public {
	char *id;
	char *label;
};

/* A kind of appointment: the id stored, its label in French and in
 * English (label_en; NULL when not given: label serves). */
struct config_appt_kind {
	char *id;
	char *label;
	char *label_en;
	char *reminder; /* the reminder's message for this kind, or NULL */
};

/* What a positive exit reason needs behind it (domain.md, "Exits"). */
enum exit_needs {
	EXIT_NEEDS_NOTHING,    /* an event: business creation, training */
	EXIT_NEEDS_SIX_MONTHS, /* six months of qualifying work */
	EXIT_NEEDS_SEASON,     /* eight months of work in the last twelve */
};

struct config_exit_reason {
	char *id;
	char *label;
	bool positive;
	int needs; /* enum exit_needs; `needs:` in the file */
};

/* One answer's code in the funder's export: "female" written "F". */
struct config_code {
	char *answer; /* a stable answer name of the field (fse_field.h) */
	char *code;
};

/* One column of the funder's export (export --format fse): its name in
 * the file, the field it holds (enum fse_field) and, for a field with
 * answers, the code of each (none given: the answers' stable names). */
struct config_fse_column {
	char *column;
	int field;
	struct config_code *codes; /* every answer of the field, or none */
	size_t n_codes;
};

/* What a member of the team may do (the `team` map): a referent works on
 * their own caseload, a coordinator on anyone's. */
enum team_role { ROLE_REFERENT, ROLE_COORDINATOR };

/* One login of the `team` map: `mdupont: {name: "Marie Dupont", role:
 * referent}`. The name is the referent the participants are filed under. */
struct config_member {
	char *login; /* the Unix login, the map's key */
	char *name;
	int role; /* enum team_role */
};

/* The CSV delimiter of exports: from the locale, or fixed. */
enum csv_delimiter { CSV_AUTO, CSV_COMMA, CSV_SEMICOLON, CSV_TAB };

/* When a positive exit counts: at hiring, or once the follow-up ends. */
enum exit_validation { EXIT_AT_HIRING, EXIT_AFTER_FOLLOWUP };

struct config {
	char *referent;
	/* How participants reach the referent and the PLIE, for letters
	 * (core/letter.h); each NULL when not given. */
	char *referent_phone;
	char *referent_email;
	char *plie_name;
	char *plie_address; /* one line: "12 rue X, 75001 Paris" */
	char *plie_phone;
	char *plie_email;
	int caseload_target;
	int max_duration_months; /* 0: no maximum */
	int max_duration_notice_days;
	int followup_months;
	int checkin_days[JOB_MAX_CHECKINS]; /* ascending, after job start */
	size_t n_checkins;
	int checkin_notice_days;
	/* Qualifying employment (core/employment.h): at least this many
	 * minutes a week over the jobs held at once, and contracts chained
	 * with at most this many days between them. */
	int min_weekly_minutes;
	int max_gap_days;
	/* The funder's questionnaires (fse.h): asked of those entering, and
	 * surveyed six months after leaving, on or after fse_from (DATE_NONE:
	 * no FSE flag at all); the entry answers flagged missing from
	 * entry + grace days; the survey due from six months after the exit
	 * for the window's days, overdue after. */
	pdate fse_from;
	int fse_entry_grace_days;
	int fse_survey_window_days;
	/* The columns of the funder's export, in order (fse.export). */
	struct config_fse_column *fse_columns;
	size_t n_fse_columns;
	/* Reminders (reminder.h): the working days ahead they cover, the
	 * message (with {{ placeholders }}; a kind may have its own) and an
	 * email's subject. */
	int reminder_days;
	char *reminder_message;
	char *reminder_subject;
	int exit_validation; /* enum exit_validation */
	int csv_delimiter;   /* enum csv_delimiter */
	/* The time zone of appointment times, a tz database name: what the
	 * calendar export writes them in (CONFIG_TIME_ZONE when not set). */
	char *time_zone;
	struct config_stage *stages;
	size_t n_stages;
	struct config_public *publics;
	size_t n_publics;
	struct config_exit_reason *exit_reasons;
	size_t n_exit_reasons;
	struct config_appt_kind *appt_kinds; /* may be empty */
	size_t n_appt_kinds;
	/* The team sharing the database (none: one person's tool). */
	struct config_member *team;
	size_t n_team;
	/* Where the stage list was read, to point at it in messages. */
	char *stages_file;
	size_t stages_line, stages_column; /* 1-based */
};

/* The defaults of followup.min_weekly_hours (half of 35 hours, in
 * minutes) and followup.max_gap_days (a weekend and a day). */
#define CONFIG_MIN_WEEKLY_MINUTES (17 * 60 + 30)
#define CONFIG_MAX_GAP_DAYS	  3

/* The default of `timezone`. */
#define CONFIG_TIME_ZONE "Europe/Paris"

/* The defaults of fse.entry_grace_days and fse.survey_window_days. */
#define CONFIG_FSE_ENTRY_GRACE_DAYS   14
#define CONFIG_FSE_SURVEY_WINDOW_DAYS 28

/* Lists and mappings nested deeper than this are refused, early. */
#define CONFIG_MAX_DEPTH 32

/*
 * Load `base` (complete), then `user` over it unless NULL, into a new *out
 * the caller frees with config_free(); on failure *out is untouched and
 * *cause says why: PC_EINVAL, every problem one a line ("FILE:LINE:COLUMN:
 * what is wrong"; nesting beyond CONFIG_MAX_DEPTH included); PC_EIO, a file
 * cannot be read; PC_ENOMEM.
 */
int config_load(const char *base, const char *user, struct config **out,
		char **cause);

/* Free a config and set *c to NULL; c or *c NULL is accepted. */
void config_free(struct config **c);

/* The stage with this id (inside c), or NULL, a NULL id included; *index
 * gets its 0-based position unless index is NULL. */
const struct config_stage *config_stage(const struct config *c, const char *id,
					size_t *index);

/* The exit reason with this id (inside c), or NULL, a NULL id included. */
const struct config_exit_reason *config_exit_reason(const struct config *c,
						    const char *id);

/* The public category with this id (inside c), or NULL, a NULL id
 * included. */
const struct config_public *config_public(const struct config *c,
					  const char *id);

/* The appointment kind `kind` stands for (inside c), or NULL, a NULL kind
 * included: its id, or else its id or either label with case and accents
 * ignored ("Interview" finds entretien when its label_en is Interview). */
const struct config_appt_kind *config_appt_kind(const struct config *c,
						const char *kind);

/* The code `col` writes for `answer` (inside c or static): its code in
 * the mapping, else the answer itself. */
const char *config_fse_code(const struct config_fse_column *col,
			    const char *answer);

/* The member of the team with login `login`, or NULL (none, or no team). */
const struct config_member *config_member(const struct config *c,
					  const char *login);

#endif

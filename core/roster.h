/* roster.h: a whole territory's caseload, compact: what lists and exports
 * show of each participant, without their files. */
#ifndef PARCOURS_ROSTER_H
#define PARCOURS_ROSTER_H

#include "caseload.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What follows a participant in work, worked out while their file was at
 * hand (the roster does not keep the jobs). */
struct roster_followup {
	bool after_exit; /* rules_after_exit: left at hiring, followed */
	bool in_work;	/* a job in progress (participant_file_current_job) */
	pdate job_start; /* of that job, or DATE_NONE */
	pdate next;	 /* summary_next_checkin, or DATE_NONE */
	int offset;	 /* its day offset */
};

/*
 * One participant, packed: their record's numbers, its strings one after
 * the other in the roster's blocks (the folded name first, for the
 * order), the rules' summary as it stands. roster_entry unpacks it.
 */
struct roster_row {
	uint64_t id;
	const char *strings;	 /* name_key, then the record's, NUL-ended */
	const struct flag *flags; /* n_flags, most urgent first */
	pdate birth_date, entry_date, stage_since, exit_date, exit_validated,
		exit_hired, exit_lost, transferred;
	pdate last_contact, next_appointment;
	int days_in_stage;
	uint32_t stage_index; /* UINT32_MAX: not in the configuration */
	uint16_t present;     /* a bit per string of the record: not NULL */
	uint8_t gender, education, employment, status, n_flags;
	bool legal_hold, exit_positive;
	struct roster_followup followup;
};

struct roster_block;

/*
 * Rows owned by the roster, in the order added until roster_sort; free
 * with roster_free(). Zero-initialise before the first roster_add.
 */
struct roster {
	struct roster_row *rows;
	size_t n, cap;
	size_t n_unknown_stage; /* rows whose stage the config lacks */
	size_t n_corrupt;	/* participants left out: corrupt records */
	struct roster_block *blocks; /* the strings and flags */
};

/* Copy of entry `e` its record, summary, stage and folded name (not its
 * file), with `fu` (NULL: none); PC_ENOMEM leaves the roster as it was. */
int roster_add(struct roster *r, const struct caseload_entry *e,
	       const struct roster_followup *fu);

/* Sort the rows as caseload_load sorts its entries: most urgent first,
 * then by name, then by id. PC_ENOMEM leaves them as they were. */
int roster_sort(struct roster *r);

/*
 * Entry i as a caseload entry, in *out: its participant, summary, stage
 * and folded name, an empty history, no name_key_rev (a roster is shown,
 * not searched). *out refers to the roster's strings: read it while the
 * roster lives, never clear or free it.
 */
void roster_entry(const struct roster *r, size_t i, struct caseload_entry *out);

/*
 * caseload_load_summaries into a roster, participant by participant, so
 * a whole territory costs what is shown of it (sorted). Same arguments
 * and errors; *out is left empty on failure.
 */
int roster_load(struct store *s, const struct config *c, const char *referent,
		bool include_exited, pdate today, struct roster *out,
		char **cause);

/* Free the rows and zero *r (twice is safe); NULL is accepted. */
void roster_free(struct roster *r);

#endif

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
	bool in_work;	/* a job in progress (participant_file_current_job) */
	pdate job_start; /* of that job, or DATE_NONE */
	pdate next;	 /* summary_next_checkin, or DATE_NONE */
	int offset;	 /* its day offset */
};

/* One participant: their record (strings in the roster's blocks), the
 * rules' summary as it stands, and the folded name for the order. */
struct roster_row {
	struct participant p;
	const char *name_key, *name_key_rev; /* fold_key, as in an entry */
	const struct flag *flags;	     /* n_flags of them, most urgent
						first */
	pdate last_contact, next_appointment;
	int days_in_stage;
	uint32_t n_flags;
	uint32_t stage_index; /* UINT32_MAX: not in the configuration */
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

/* Copy of entry `e` what is shown of it (not its file), with `fu` (NULL:
 * none); PC_ENOMEM leaves the roster as it was. */
int roster_add(struct roster *r, const struct caseload_entry *e,
	       const struct roster_followup *fu);

/* Sort the rows as caseload_load sorts its entries: most urgent first,
 * then by name, then by id. PC_ENOMEM leaves them as they were. */
int roster_sort(struct roster *r);

/*
 * Entry i as a caseload entry, in *out: its participant, summary, stage
 * and name keys, an empty history. *out refers to the roster's strings:
 * read it while the roster lives, never clear or free it.
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

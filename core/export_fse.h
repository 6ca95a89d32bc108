/* export_fse.h: the funder's export (export --format fse): one CSV row per
 * participant of a period, with the entry answers, the exit answers and
 * the survey six months after the exit, in the columns and codes of the
 * configuration's mapping (config.h, fse.export). */
#ifndef PARCOURS_EXPORT_FSE_H
#define PARCOURS_EXPORT_FSE_H

#include "config.h"
#include "export.h"
#include "store.h"

#include <stdint.h>
#include <stdio.h>

/* A mandatory answer not given: the participant, and the field's stable
 * name ("gender", "exit_answers"; static storage). */
struct export_fse_missing {
	uint64_t id;
	const char *field;
};

/* The participants of a period and what they miss; owned, freed with
 * export_fse_free(). The read transaction that chose them stays open
 * until then: export_fse_write reads their answers in it, row by row,
 * so that a whole territory is never held in memory at once. */
struct export_fse {
	struct store *st;
	struct store_txn *t;
	uint64_t *rows; /* participant ids, increasing */
	size_t n_rows;
	struct export_fse_missing *missing; /* by id, then field */
	size_t n_missing;
	size_t n_incomplete; /* participants with a missing answer */
};

/* The stable name of the exit questionnaire in the list of what is
 * missing: those who left without exit answers. */
#define EXPORT_FSE_EXIT_ANSWERS "exit_answers"

/*
 * Load into *x the participants of `referent` (NULL: every referent) who
 * entered on or before `to` and did not leave before `from`, those who
 * left during the period included, and list what each misses: the entry
 * answers still not asked (fse_entry_missing) and, for those who left, the
 * exit questionnaire. On failure (a store code, PC_ENOMEM) *x is empty and
 * *cause says why.
 */
int export_fse_load(struct export_fse *x, struct store *st,
		    const struct config *c, const char *referent, pdate today,
		    pdate from, pdate to, char **cause);

/*
 * Write the rows of `x` as CSV to `out`: a header of the configuration's
 * column names, then one line per participant, with o's delimiter, byte
 * order mark and pseudonymisation (identity left empty, the id kept; the
 * sensitive answers left empty unless o->with_sensitive). Dates are
 * YYYY-MM-DD. Each row read again in x's transaction. PC_OK, PC_EIO when
 * `out` reports a write error, or a store code from reading a row.
 */
int export_fse_write(FILE *out, const struct export_fse *x,
		     const struct config *c, const struct export_options *o);

/*
 * export_fse_write to `path` atomically (mode 0600) or, path NULL, to
 * `out`. On failure (PC_EIO, PC_EFULL, PC_ENOMEM) *cause says why; `path`
 * is as it was, `out` partial.
 */
int export_fse_save(const struct export_fse *x, const struct config *c,
		    const struct export_options *o, const char *path, FILE *out,
		    char **cause);

/* Free what *x holds and zero it (freeing twice is safe); NULL accepted. */
void export_fse_free(struct export_fse *x);

#endif

/* import.h: participants from a spreadsheet (CSV), all or nothing. */
#ifndef PARCOURS_IMPORT_H
#define PARCOURS_IMPORT_H

#include "edit.h"

#include <stdbool.h>
#include <stddef.h>

struct import_report {
	size_t rows;	 /* participant rows read */
	size_t imported; /* written (or, in a dry run, that would be) */
	size_t skipped;	 /* already in the database, or twice in the file */
	char *problems;	 /* "FILE:LINE: column: what is wrong", one a line */
	char *notices;	 /* skipped rows and ignored columns, one a line */
};

/*
 * Read `path` (header line naming the columns, ',' or ';', optional BOM,
 * LF or CRLF, RFC 4180 quotes), check every row, and when nothing is
 * wrong add the new participants to ctx's referent in one transaction
 * (not at all with `dry_run`). Participants already present (same names,
 * ignoring case and accents, and same birth date) are skipped.
 * Returns PC_OK; PC_EINVAL when any row is wrong (report->problems lists
 * them all; nothing is written); PC_EIO when the file cannot be read.
 * The report's strings are the caller's to free (import_report_free).
 */
int import_csv(struct store *s, const struct edit_ctx *ctx, const char *path,
	       bool dry_run, struct import_report *report, char **cause);

/* Free the report's strings and zero it; NULL is accepted. */
void import_report_free(struct import_report *report);

#endif

/* import.h: participants from a spreadsheet, all or nothing. The CSV has a
 * header line naming the columns, ',' or ';', an optional BOM, LF or CRLF
 * line ends and RFC 4180 quotes. */
#ifndef PARCOURS_IMPORT_H
#define PARCOURS_IMPORT_H

#include "edit.h"

#include <stdbool.h>
#include <stddef.h>

struct import_report {
	size_t rows;	 /* participant rows read */
	size_t imported; /* written (or, in a dry run, that would be) */
	size_t skipped;	 /* already in the database, or twice in the file:
			    same names (case and accents aside), birth date */
	char *problems;	 /* "FILE:LINE: column: what is wrong", one a line */
	char *notices;	 /* skipped rows and ignored columns, one a line */
};

/*
 * Check every row of `path`; when none is wrong, add the new ones to
 * ctx->who's caseload in one transaction, unless `dry_run`. A failure writes
 * nothing: PC_EINVAL, every problem in report->problems (or too big a file);
 * PC_EIO, unreadable. Free *report, set either way, with import_report_free().
 */
int import_csv(struct store *s, const struct edit_ctx *ctx, const char *path,
	       bool dry_run, struct import_report *report, char **cause);

/* Free the report's strings and zero it; NULL is accepted. */
void import_report_free(struct import_report *report);

#endif

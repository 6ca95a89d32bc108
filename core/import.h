/* import.h: participants from a spreadsheet, all or nothing. The CSV has a
 * header line naming the columns, ',' or ';', an optional BOM, LF, CRLF or
 * CR line ends and RFC 4180 quotes. */
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

/* What a long import is doing, for a progress line. */
enum import_stage {
	IMPORT_CHECKING, /* done/total: bytes of the file read */
	IMPORT_WRITING,	 /* done/total: participants written */
};

/* Called every few thousand rows, and once with done == total at the end
 * of each stage (writing may start over once when the map grows). */
typedef void (*import_progress_fn)(void *arg, enum import_stage stage,
				   size_t done, size_t total);

struct import_options {
	bool dry_run;		     /* check only, write nothing */
	import_progress_fn progress; /* NULL: none */
	void *progress_arg;
};

/*
 * Check every row of `path`; when none is wrong, add the new ones to
 * ctx->who's caseload in one transaction, unless opt->dry_run. A failure
 * writes nothing: PC_EINVAL, every problem in report->problems (or too big
 * a file); PC_EIO, unreadable. Free *report, set either way, with
 * import_report_free(). `opt` may be NULL (a real import, no progress).
 */
int import_csv(struct store *s, const struct edit_ctx *ctx,
		    const char *path, const struct import_options *opt,
		    struct import_report *report, char **cause);

/*
 * The participant an import would take for the same person, in the whole
 * database (every referent's): the same names once trimmed, case and
 * accents aside, and the same birth date (DATE_NONE matches DATE_NONE).
 * *id gets its id, or 0 when there is none. Store codes on failure.
 */
int import_find_person(struct store *s, const char *last, const char *first,
		       pdate birth, uint64_t *id, char **cause);

/* Free the report's strings and zero it; NULL is accepted. */
void import_report_free(struct import_report *report);

#endif

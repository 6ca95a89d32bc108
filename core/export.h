/* export.h: the caseload summary written as CSV, JSON, Markdown or HTML. */
#ifndef PARCOURS_EXPORT_H
#define PARCOURS_EXPORT_H

#include "store.h"
#include "summary.h"

#include <stdbool.h>
#include <stdio.h>

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_MD, EXPORT_HTML };

/* The version of the JSON document's layout; bumped on any change of
 * meaning, never for an added field. */
#define EXPORT_JSON_SCHEMA 1

struct export_options {
	enum export_format format;
	bool pseudonymise; /* names become the id; no contacts, birth dates */
	char delimiter;	   /* CSV: ',', ';' or '\t' */
	bool bom;	   /* CSV: a UTF-8 byte order mark first */
	const char *date_pattern; /* Markdown, HTML: "DD/MM/YYYY"; NULL: ISO */
};

/* What a flag means, translated for people ("appointments without
 * outcome"): reports and the dashboard say it the same way. Static
 * storage; "?" for a kind out of range. */
const char *export_flag_label(enum flag_kind k);

/* The format called `name` ("csv", "json", "md", "html") in *out; PC_EINVAL,
 * *out untouched, for any other name. */
int export_format_by_name(const char *name, enum export_format *out);

/*
 * Write the summary to `out`. Returns PC_OK, PC_EIO when writing failed
 * (errno says why: ENOSPC for a full disk) or PC_ENOMEM; the output is
 * then partial and the caller discards it.
 */
int export_write(FILE *out, const struct summary *s,
		 const struct export_options *o);

/*
 * The whole export: the caseload of `referent` (NULL: every referent) with
 * those who left, entries and exits from..to, written to `path` atomically
 * (mode 0600) or, path NULL, to `out`. On failure (a store code, PC_EIO,
 * PC_EFULL, PC_ENOMEM) *cause says why; `path` is as it was, `out` partial.
 */
int export_caseload(struct store *st, const struct config *c,
		    const char *referent, pdate today, pdate from, pdate to,
		    const struct export_options *o, const char *path, FILE *out,
		    char **cause);

#endif

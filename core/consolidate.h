/* consolidate.h: the territory's summary from several referents' JSON
 * exports (export_json), with what does not add up reported. */
#ifndef PARCOURS_CONSOLIDATE_H
#define PARCOURS_CONSOLIDATE_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The version of the consolidated JSON document's layout
 * (docs/consolidate.schema.json). */
#define CONSOLIDATE_JSON_SCHEMA 1

/* A stage or a flag, and how many: by id (a stage's id may be NULL, the
 * participants in a stage the configuration did not define). */
struct consolidate_count {
	char *id;
	char *label;
	size_t count;
};

/* One line of the funder's indicator table, summed: by sex as export_json
 * writes it (women, men, non_binary, total), over `exports` files. */
struct consolidate_indicator {
	char *name;
	size_t n[4];
	size_t exports;
};

/* What one export says, or the totals. */
struct consolidate_file {
	char *path;
	char *database_id; /* NULL: an export made before it was written */
	int64_t sequence;  /* 0: none */
	char *referent;	   /* NULL: every referent (--all) */
	bool pseudonymised;
	char *generated_on, *from, *to;
	size_t caseload, needing_attention, after_exit;
	size_t entries, exits, positive;
	size_t *stages; /* parallel to consolidate.stages */
	size_t *flags;	/* parallel to consolidate.flags */
	uint64_t *ids;	/* its participants, sorted */
	size_t n_ids;
	bool has_indicators;
};

/* A referent's figures: of a referent's export, or one of the referents
 * of an export of every referent (--all, its per-referent subtotals). */
struct consolidate_referent {
	size_t file;
	char *name;
	size_t caseload, needing_attention, entries, exits, positive;
};

enum consolidate_anomaly_kind {
	ANOMALY_DUPLICATE,   /* the same export twice: database and number */
	ANOMALY_OVERLAP,     /* one database, periods that overlap */
	ANOMALY_SHARED,	     /* a participant of one database in two files */
	ANOMALY_NO_DATABASE, /* no database id: duplicates go unseen */
	ANOMALY_KIND_COUNT
};

struct consolidate_anomaly {
	enum consolidate_anomaly_kind kind;
	size_t a, b;	  /* the files (b == a for one file) */
	char *message;	  /* translated, whole */
	uint64_t *ids;	  /* ANOMALY_SHARED: the participants */
	size_t n_ids;
};

struct consolidate {
	struct consolidate_file *files;
	size_t n_files;
	struct consolidate_count *stages, *flags;
	size_t n_stages, n_flags;
	struct consolidate_indicator *indicators;
	size_t n_indicators;
	size_t indicator_exports;  /* files with the table */
	bool sensitive_included;   /* by every one of them */
	struct consolidate_file total;
	struct consolidate_referent *referents;
	size_t n_referents;
	struct consolidate_anomaly *anomalies;
	size_t n_anomalies;
};

/* The stable name of an anomaly kind ("duplicate_export"). */
const char *consolidate_anomaly_name(enum consolidate_anomaly_kind k);

/*
 * Read the exports `paths[0..n)` and sum them into *c (freed with
 * consolidate_free, also on failure). PC_EINVAL, *cause naming the file,
 * for a file that is not a parcours JSON export or has a schema_version
 * this build does not know; PC_EIO when a file does not read; PC_ENOMEM.
 * Anomalies are listed in c->anomalies, never resolved.
 */
int consolidate_load(struct consolidate *c, const char *const *paths,
		     size_t n, char **cause);

void consolidate_free(struct consolidate *c);

/*
 * Write the consolidation as `format` (CSV with commas; JSON as
 * docs/consolidate.schema.json; Markdown and HTML as the export's
 * reports). PC_OK, PC_EIO when `out` reports an error, PC_ENOMEM.
 */
int consolidate_write(FILE *out, const struct consolidate *c,
		      enum export_format format);

#endif

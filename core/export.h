/* export.h: the caseload summary written as CSV, JSON, Markdown or HTML. */
#ifndef PARCOURS_EXPORT_H
#define PARCOURS_EXPORT_H

#include "store.h"
#include "summary.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_MD, EXPORT_HTML };

/* The version of the JSON document's layout; bumped on any change of
 * meaning, never for an added field. */
#define EXPORT_JSON_SCHEMA 1

struct export_options {
	enum export_format format;
	bool pseudonymise; /* names become the id; no contacts, birth dates */
	/* With pseudonymise: keep the funder's sensitive answers too
	 * (fse_situation_sensitive), which are otherwise left out. */
	bool with_sensitive;
	/* CSV: the funder's indicator table and the completeness of its
	 * answers, a row each, instead of a row per participant. */
	bool indicators;
	char delimiter;		  /* CSV: ',', ';' or '\t' */
	bool bom;		  /* CSV: a UTF-8 byte order mark first */
	const char *date_pattern; /* Markdown, HTML: "DD/MM/YYYY"; NULL: ISO */
	/* JSON: the database's identifier as a UUID (export_uuid) and this
	 * export's number, which export_caseload fills; NULL and 0 are
	 * written as null. */
	const char *database_id;
	uint64_t sequence;
};

/* The bytes of UUID form "8-4-4-4-12", with the NUL. */
#define EXPORT_UUID_SIZE 37

/*
 * The database's identifier (store_id's 32 hex digits) written in UUID
 * form, 8-4-4-4-12 lower-case hex digits, into `out`. The 16 bytes are
 * shown as drawn: random, the version and variant bits not forced. Returns
 * out.
 */
const char *export_uuid(const char hex[STORE_ID_SIZE],
			char out[EXPORT_UUID_SIZE]);

/* The meta counter of JSON exports: each takes the next number, in a
 * small write transaction of its own before it reads the caseload. */
#define EXPORT_SEQUENCE_NAME "seq/export"

/*
 * Take the next export number into *sequence and the database's
 * identifier in UUID form into `uuid`, in one write transaction (which
 * also draws the identifier of a database that had none). Store codes,
 * *cause saying why, on failure; nothing is changed then.
 */
int export_json_stamp(struct store *st, char uuid[EXPORT_UUID_SIZE],
		      uint64_t *sequence, char **cause);

/* What a flag means, translated for people ("appointments without
 * outcome"): reports and the dashboard say it the same way. Static
 * storage; "?" for a kind out of range. */
const char *export_flag_label(enum flag_kind k);

/* The most bytes export_char writes for one character, with the NUL. */
#define EXPORT_CHAR_MAX 5

/*
 * The character at the start of `s` (`n` >= 1 bytes) as exports and the
 * command line write it, in `shown`: the character itself when it is
 * printable UTF-8; a control character as ncurses' unctrl shows it, text
 * no terminal obeys: ^@ to ^_ for C0 (ESC is "^["), "^?" for DEL, ~@ to ~_
 * for C1 (U+0080 to U+009F); an invalid byte as U+FFFD. Returns how many
 * bytes of `s` that character takes, at least 1.
 */
size_t export_char(const char *s, size_t n, char shown[EXPORT_CHAR_MAX]);

/* Write `s` to `out` character by character as export_char shows them:
 * valid UTF-8 without a control character. */
void export_text(FILE *out, const char *s);

/* The format called `name` ("csv", "json", "md", "html") in *out; PC_EINVAL,
 * *out untouched, for any other name. */
int export_format_by_name(const char *name, enum export_format *out);

/* One export's writer: PC_OK, or PC_EIO (errno says why), PC_ENOMEM. */
typedef int (*export_writer)(FILE *out, const void *what);

/*
 * Write `what` with `write` to `path` whole or not at all (mode 0600) or,
 * path NULL, to `out`, flushed. On failure *cause says why ("cannot write
 * the export", a full disk as PC_EFULL) and `path` is as it was.
 */
int export_save(export_writer write, const void *what, const char *path,
		FILE *out, char **cause);

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
 * (mode 0600) or, path NULL, to `out`. A JSON export first takes the next
 * export number (EXPORT_SEQUENCE_NAME) and reads the database's identifier
 * in one write transaction: the export is then no longer read-only. On failure
 * (a store code, PC_EIO, PC_EFULL, PC_ENOMEM) *cause says why; `path` is as it
 * was, `out` partial.
 */
int export_caseload(struct store *st, const struct config *c,
		    const char *referent, pdate today, pdate from, pdate to,
		    const struct export_options *o, const char *path, FILE *out,
		    char **cause);

#endif

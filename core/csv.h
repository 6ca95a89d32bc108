/* csv.h: reading RFC 4180 CSV from memory, with line numbers; writing
 * one field as exports do. */
#ifndef PARCOURS_CSV_H
#define PARCOURS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct csv_reader {
	const char *p, *end;
	char delimiter; /* ',' or ';', found on the header line */
	size_t line;	/* the physical line the next record starts on */
};

/*
 * One record; fields are malloc'd, NUL-terminated, owned by the record.
 * lens[i] is the length of fields[i] in bytes: more than strlen() when the
 * field holds a NUL byte, which the caller must refuse, not cut.
 */
struct csv_record {
	char **fields;
	size_t *lens;
	size_t n;
	size_t line; /* where the record starts (1-based) */
};

/*
 * The encoding of text that is not UTF-8 or ASCII but reads as CSV garbage:
 * "UTF-16" or "UTF-32" for a byte order mark of either, or for text where
 * NUL bytes alternate with characters; NULL otherwise. Static string.
 */
const char *csv_wide_encoding(const char *data, size_t len);

/*
 * Start reading `len` bytes at `data` (kept, not copied): skip a UTF-8
 * byte order mark and choose the delimiter, ',' or ';', by which one the
 * first line has more of outside quotes.
 */
void csv_open(struct csv_reader *r, const char *data, size_t len);

/*
 * Read the next record into *rec, cleared first: quoted fields may hold ""
 * and line breaks; lines end in LF, CRLF or CR alone (old Mac files); a
 * blank line is one empty field. 1: a record; 0: the end; -1: no memory,
 * or a quote left open (rec->line: where it started). Clear the last
 * record with csv_record_clear().
 */
int csv_next(struct csv_reader *r, struct csv_record *rec);

/* Free the fields and empty the record (clearing twice is safe). */
void csv_record_clear(struct csv_record *rec);

/* How a field written is kept from being read as a formula. */
enum csv_guard {
	CSV_GUARD_NONE,	 /* numbers and dates the program makes */
	CSV_GUARD_TEXT,	 /* anything else */
	CSV_GUARD_PHONE, /* text, but a plain phone number left as typed */
};

/*
 * Write `s` as one field to `out`, as export_csv does: quoted when it holds
 * `delimiter`, a quote or a line feed ("" for a quote); tabs and line
 * feeds kept, other control characters and invalid bytes as export_char
 * shows them; unless CSV_GUARD_NONE, a field beginning with '=', '+', '-',
 * '@', tab or CR (OWASP's "CSV injection") after a "'", which
 * spreadsheets read as text. Errors are left to ferror(out).
 */
void csv_write_field(FILE *out, const char *s, char delimiter,
		     enum csv_guard guard);

#endif

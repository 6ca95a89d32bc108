/* error.h: the error codes every core function returns. */
#ifndef PARCOURS_ERROR_H
#define PARCOURS_ERROR_H

/*
 * Core functions return 0 (PC_OK) or one of these codes. Where a detail
 * helps the user (a file name, a line, an LMDB message), the function also
 * takes a `char **cause`, which may be NULL: on error it stores there a
 * malloc'd message in the interface language (gettext) that the caller
 * frees with free(). *cause must be NULL on entry (the first, most precise
 * cause wins) and may still be NULL after an error, when only the code
 * tells; on success it is left untouched. Other pointer arguments may be
 * NULL only where a header says so.
 */
enum pc_error {
	PC_OK = 0,
	PC_ENOMEM,    /* out of memory */
	PC_EIO,	      /* file or directory I/O failed */
	PC_EDB,	      /* the LMDB store failed */
	PC_ENOTFOUND, /* no such record */
	PC_ECORRUPT,  /* a record or file does not decode */
	PC_ESCHEMA,   /* the database was written by a newer parcours */
	PC_EINVAL,    /* bad input: a date, a config value, an argument */
	PC_ENOTEMPTY, /* the operation needs an empty database */
	PC_EFULL,     /* disk or quota full */
};

/* A short description of `code`, translated into the interface language;
 * never NULL, static storage ("unknown error" for a code not listed). */
const char *error_string(int code);

/*
 * Store a printf-formatted message in *cause (if cause is not NULL and
 * *cause is still NULL, so the first, most precise cause wins) and return
 * `code`. `fmt` is used as given: translate it with _() first. Allocation
 * failure leaves *cause NULL.
 */
int error_set(char **cause, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif

/* date.h: calendar dates as day numbers, parsing and formatting. */
#ifndef PARCOURS_DATE_H
#define PARCOURS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A date is the number of days since 1970-01-01 (proleptic Gregorian),
 * so differences are plain subtraction. DATE_NONE means "no date".
 */
typedef int32_t pdate;
#define DATE_NONE INT32_MIN

/*
 * The one range of dates of the program, 1900-01-01 to 2199-12-31: enough
 * for birth dates and far plans. Parsing refuses dates outside it, edits
 * refuse them, the demo keeps inside it and the record decoder rejects
 * anything else, so what is written can always be read back.
 */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199
#define DATE_DAY_MIN  (-25567) /* 1900-01-01 as a day number */
#define DATE_DAY_MAX  84005    /* 2199-12-31 as a day number */

/* True when `date` lies within DATE_DAY_MIN..DATE_DAY_MAX (DATE_NONE does
 * not). */
bool date_in_range(pdate date);

/* Buffer size for any formatted date, terminating NUL included. */
#define DATE_BUFSZ 11

/* True when y-m-d is a real calendar day within the accepted years. */
bool date_valid_ymd(int y, int m, int d);

/* The day number of a valid y-m-d (check with date_valid_ymd first). */
pdate date_from_ymd(int y, int m, int d);

/* Split a date (not DATE_NONE) into year, month (1-12) and day (1-31). */
void date_to_ymd(pdate date, int *y, int *m, int *d);

/* Days in month m (1-12) of year y. */
int date_days_in_month(int y, int m);

/*
 * Parse `s` as YYYY-MM-DD, DD/MM/YYYY (D/M/YYYY too), or, unless `today`
 * is DATE_NONE, +N / -N (days from today) and D/M (the year that puts it
 * nearest to today: "3/12" on 26/11/2026 is 03/12/2026, "20/11" is
 * 20/11/2026, "5/1" is 05/01/2027), blanks around ignored. PC_OK and *out set, or PC_EINVAL
 * with *out unchanged for anything else: a NULL s, impossible days (31/04,
 * 29/02 of a common year), N above 36500, a day outside the range above.
 */
int date_parse(const char *s, pdate today, pdate *out);

/* Parse strictly YYYY-MM-DD within the range above; PC_OK, or PC_EINVAL (a
 * NULL s included) with *out unchanged. */
int date_parse_iso(const char *s, pdate *out);

/*
 * Why date_parse(s, today) refused `s`: true when it is a date in its form
 * (a real calendar day, or +N / -N) that falls outside 1900-2199, to be
 * reported as "outside 1900–2199"; false when it is no date at all.
 */
bool date_out_of_range(const char *s, pdate today);

/*
 * `date` plus `months` calendar months, the day clamped to the end of the
 * target month (31/01 + 1 month = 28/02 or 29/02).
 */
pdate date_add_months(pdate date, int months);

/* Write `date` as YYYY-MM-DD into buf (DATE_BUFSZ); "" for DATE_NONE. */
char *date_format_iso(pdate date, char buf[DATE_BUFSZ]);

/* Write `date` as DD/MM/YYYY into buf (DATE_BUFSZ); "" for DATE_NONE. */
char *date_format_fr(pdate date, char buf[DATE_BUFSZ]);

/*
 * Write `date` following `pattern`, where YYYY, MM and DD stand for the
 * year, month and day and anything else is copied: "DD/MM/YYYY" gives
 * 26/11/2026. "" for DATE_NONE. Returns buf (truncated safely at size).
 */
char *date_format_pattern(pdate date, const char *pattern, char *buf,
			  size_t size);

/* `date` as the interface writes dates: the translated pattern
 * "YYYY-MM-DD" (French: DD/MM/YYYY); "" for DATE_NONE. Returns buf. */
char *date_format_local(pdate date, char buf[DATE_BUFSZ]);

/* Day of the week, 0 for Monday to 6 for Sunday. */
int date_weekday(pdate date);

/* Buffer size for a date in words, NUL included. */
#define DATE_WORDS_BUFSZ 40

/*
 * `date` written out in French, as letters to participants say it:
 * "jeudi 3 décembre 2026" ("1er" for the first of the month), without
 * the year unless `year`. "" for DATE_NONE. Returns buf.
 */
char *date_format_words_fr(pdate date, bool year,
			   char buf[DATE_WORDS_BUFSZ]);

/* True for a French public holiday (the fixed ones, Easter Monday,
 * Ascension, Whit Monday). */
bool date_public_holiday_fr(pdate date);

/* True for a working day: Monday to Friday, not a public holiday. */
bool date_working_day(pdate date);

/*
 * Today in the local time zone. The only function of the core that reads
 * the clock: everything else takes "today" as an argument.
 */
pdate date_today(void);

#endif

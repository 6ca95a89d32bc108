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

/* Years accepted anywhere: enough for birth dates and far plans. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199

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
 * Parse `s` as YYYY-MM-DD, DD/MM/YYYY, or +N / -N (days from `today`,
 * unless DATE_NONE), blanks around ignored. PC_OK and *out set, or PC_EINVAL
 * with *out unchanged for anything else: a NULL s, impossible days (31/04,
 * 29/02 of a common year), N above 36500.
 */
int date_parse(const char *s, pdate today, pdate *out);

/* Parse strictly YYYY-MM-DD; PC_OK, or PC_EINVAL (a NULL s included) with
 * *out unchanged. */
int date_parse_iso(const char *s, pdate *out);

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

/* Day of the week, 0 for Monday to 6 for Sunday. */
int date_weekday(pdate date);

/*
 * Today in the local time zone. The only function of the core that reads
 * the clock: everything else takes "today" as an argument.
 */
pdate date_today(void);

#endif

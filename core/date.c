/* date.c: day-number arithmetic (after H. Hinnant's civil-date algorithms). */
#include "date.h"
#include "i18n.h"
#include "error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* A real day of the proleptic Gregorian calendar, whatever the year. */
static bool calendar_day(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX &&
	       calendar_day(y, m, d);
}

bool date_in_range(pdate date)
{
	return date != DATE_NONE && date >= DATE_DAY_MIN &&
	       date <= DATE_DAY_MAX;
}

pdate date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(pdate date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Read exactly `n` digits from *p into *val; advance *p. */
static bool read_digits(const char **p, int n, int *val)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*val = v;
	return true;
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* How a text reads as a date: not at all, a day outside the range, a day. */
enum reading { NOT_A_DATE, OUT_OF_RANGE, A_DATE };

/* Read y-m-d or d/m/y from p into y, m, d; *rest points after it. */
static bool read_calendar(const char *p, const char **rest, int *y, int *m,
			  int *d)
{
	if (read_digits(&p, 4, y)) {
		if (*p++ != '-' || !read_digits(&p, 2, m) || *p++ != '-' ||
		    !read_digits(&p, 2, d))
			return false;
	} else {
		if (!read_digits(&p, 2, d) || *p++ != '/' ||
		    !read_digits(&p, 2, m) || *p++ != '/' ||
		    !read_digits(&p, 4, y))
			return false;
	}
	*rest = p;
	return calendar_day(*y, *m, *d);
}

/* A calendar day within the range, or why not. */
static enum reading ymd_reading(int y, int m, int d, pdate *out)
{
	if (!date_valid_ymd(y, m, d))
		return OUT_OF_RANGE;
	*out = date_from_ymd(y, m, d);
	return A_DATE;
}

static enum reading read_iso(const char *s, pdate *out)
{
	const char *p = s;
	int y, m, d;

	if (s == NULL || !read_digits(&p, 4, &y) || *p++ != '-' ||
	    !read_digits(&p, 2, &m) || *p++ != '-' || !read_digits(&p, 2, &d) ||
	    *p != '\0' || !calendar_day(y, m, d))
		return NOT_A_DATE;
	return ymd_reading(y, m, d, out);
}

/* One or two digits into *val. */
static bool read_1_2(const char **p, int *val)
{
	if (!isdigit((unsigned char)**p))
		return false;
	*val = *(*p)++ - '0';
	if (isdigit((unsigned char)**p))
		*val = *val * 10 + (*(*p)++ - '0');
	return true;
}

/*
 * A day as people type it in a hurry: d/m (the year, of today's, the one
 * before or the one after, that puts it nearest to `today`; none without
 * today) or d/m/yyyy with one digit for the day or the month. True when
 * `p` reads so: *ok 1 and *out set, or *ok 0 for a day out of range.
 */
static bool read_short(const char *p, pdate today, pdate *out, int *ok)
{
	int d, m, y;
	pdate best = DATE_NONE;

	if (!read_1_2(&p, &d) || *p++ != '/' || !read_1_2(&p, &m))
		return false;
	if (*p == '/') {
		p++;
		if (!read_digits(&p, 4, &y) || *skip_blanks(p) != '\0' ||
		    !calendar_day(y, m, d))
			return false;
		*ok = date_valid_ymd(y, m, d);
		if (*ok)
			*out = date_from_ymd(y, m, d);
		return true;
	}
	if (*skip_blanks(p) != '\0' || today == DATE_NONE)
		return false;
	date_to_ymd(today, &y, &(int){ 0 }, &(int){ 0 });
	for (int k = -1; k <= 1; k++) {
		pdate v;

		if (!calendar_day(y + k, m, d) || !date_valid_ymd(y + k, m, d))
			continue;
		v = date_from_ymd(y + k, m, d);
		if (best == DATE_NONE ||
		    (v > today ? v - today : today - v) <
			    (best > today ? best - today : today - best))
			best = v;
	}
	if (best == DATE_NONE)
		return false; /* 31/02: not a date in any year */
	*out = best;
	*ok = 1;
	return true;
}

static enum reading read_date(const char *s, pdate today, pdate *out)
{
	const char *p, *rest;
	int y, m, d;

	if (s == NULL)
		return NOT_A_DATE;
	p = skip_blanks(s);
	if ((*p == '+' || *p == '-') && today != DATE_NONE) {
		char *end;
		long n;
		pdate value;

		if (!isdigit((unsigned char)p[1]))
			return NOT_A_DATE;
		n = strtol(p + 1, &end, 10);
		if (n > 36500 || *skip_blanks(end) != '\0')
			return NOT_A_DATE;
		value = today + (pdate)(*p == '-' ? -n : n);
		if (!date_in_range(value))
			return OUT_OF_RANGE;
		*out = value;
		return A_DATE;
	}
	if (read_short(p, today, out, &y))
		return y ? A_DATE : OUT_OF_RANGE;
	if (!read_calendar(p, &rest, &y, &m, &d) || *skip_blanks(rest) != '\0')
		return NOT_A_DATE;
	return ymd_reading(y, m, d, out);
}

int date_parse_iso(const char *s, pdate *out)
{
	pdate value;

	if (read_iso(s, &value) != A_DATE)
		return PC_EINVAL;
	*out = value;
	return PC_OK;
}

int date_parse(const char *s, pdate today, pdate *out)
{
	pdate value;

	if (read_date(s, today, &value) != A_DATE)
		return PC_EINVAL;
	*out = value;
	return PC_OK;
}

bool date_out_of_range(const char *s, pdate today)
{
	pdate value;

	return read_date(s, today, &value) == OUT_OF_RANGE;
}

pdate date_add_months(pdate date, int months)
{
	int y, m, d, total, dim;

	date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

char *date_format_iso(pdate date, char buf[DATE_BUFSZ])
{
	int y, m, d;

	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, DATE_BUFSZ, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

char *date_format_fr(pdate date, char buf[DATE_BUFSZ])
{
	int y, m, d;

	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, DATE_BUFSZ, "%02u/%02u/%04u", (unsigned)d % 100u,
		 (unsigned)m % 100u, (unsigned)y % 10000u);
	return buf;
}

char *date_format_pattern(pdate date, const char *pattern, char *buf,
			  size_t size)
{
	size_t used = 0;
	int y, m, d;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (date == DATE_NONE)
		return buf;
	date_to_ymd(date, &y, &m, &d);
	for (const char *p = pattern; *p && used + 1 < size;) {
		char part[8];
		size_t k;

		if (strncmp(p, "YYYY", 4) == 0) {
			snprintf(part, sizeof part, "%04u",
				 (unsigned)y % 10000u);
			p += 4;
		} else if (strncmp(p, "MM", 2) == 0) {
			snprintf(part, sizeof part, "%02u", (unsigned)m % 100u);
			p += 2;
		} else if (strncmp(p, "DD", 2) == 0) {
			snprintf(part, sizeof part, "%02u", (unsigned)d % 100u);
			p += 2;
		} else {
			part[0] = *p++;
			part[1] = '\0';
		}
		k = strlen(part);
		if (used + k + 1 > size)
			break;
		memcpy(buf + used, part, k + 1);
		used += k;
	}
	return buf;
}

char *date_format_words_fr(pdate date, bool year, char buf[DATE_WORDS_BUFSZ])
{
	static const char *const days[] = { "lundi",   "mardi",	   "mercredi",
					    "jeudi",   "vendredi", "samedi",
					    "dimanche" };
	static const char *const months[] = {
		"janvier",   "février", "mars",	    "avril",
		"mai",	     "juin",	"juillet",  "août",
		"septembre", "octobre", "novembre", "décembre",
	};
	int y, m, d;

	buf[0] = '\0';
	if (date == DATE_NONE)
		return buf;
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, DATE_WORDS_BUFSZ, "%s %d%s %s", days[date_weekday(date)],
		 d, d == 1 ? "er" : "", months[m - 1]);
	if (year) {
		size_t n = strlen(buf);

		snprintf(buf + n, DATE_WORDS_BUFSZ - n, " %d", y);
	}
	return buf;
}

/* Easter Sunday of year y (the anonymous Gregorian computus). */
static pdate easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return date_from_ymd(y, month, day);
}

bool date_public_holiday_fr(pdate date)
{
	static const int fixed[][2] = { { 1, 1 },   { 5, 1 },  { 5, 8 },
					{ 7, 14 },  { 8, 15 }, { 11, 1 },
					{ 11, 11 }, { 12, 25 } };
	int y, m, d;
	pdate e;

	if (date == DATE_NONE)
		return false;
	date_to_ymd(date, &y, &m, &d);
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (fixed[i][0] == m && fixed[i][1] == d)
			return true;
	e = easter(y);
	return date == e + 1 || date == e + 39 || date == e + 50;
}

bool date_working_day(pdate date)
{
	return date != DATE_NONE && date_weekday(date) < 5 &&
	       !date_public_holiday_fr(date);
}

int date_weekday(pdate date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int r = (date + 3) % 7;

	return r < 0 ? r + 7 : r;
}

pdate date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return date_from_ymd(1970, 1, 1);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *date_format_local(pdate date, char buf[DATE_BUFSZ])
{
	/* TRANSLATORS: how dates are written: YYYY, MM and DD stand for the
	 * year, month and day. French: DD/MM/YYYY. */
	return date_format_pattern(date, _("YYYY-MM-DD"), buf, DATE_BUFSZ);
}

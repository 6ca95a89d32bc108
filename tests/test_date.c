/* test_date.c: calendar arithmetic, parsing and formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "date.h"
#include "error.h"
#include "helpers.h"

static void epoch_and_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	/* The bounds record.c checks decoded dates against. */
	assert_int_equal(date_from_ymd(2199, 12, 31), 84005);
	/* Every day of the accepted range survives a round trip. */
	for (pdate d = date_from_ymd(1900, 1, 1);
	     d <= date_from_ymd(2199, 12, 31); d++) {
		int y, m, dd;

		date_to_ymd(d, &y, &m, &dd);
		assert_true(date_valid_ymd(y, m, dd));
		assert_int_equal(date_from_ymd(y, m, dd), d);
	}
}

static void leap_years(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_false(date_valid_ymd(2026, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29)); /* century, not /400 */
	assert_true(date_valid_ymd(2000, 2, 29));  /* /400 */
	assert_int_equal(D(2024, 3, 1) - D(2024, 2, 28), 2);
	assert_int_equal(D(2026, 3, 1) - D(2026, 2, 28), 1);
}

static void parse_formats(void **state)
{
	pdate d = DATE_NONE, today = D(2026, 11, 26);

	(void)state;
	assert_int_equal(date_parse("2026-11-26", today, &d), PC_OK);
	assert_int_equal(d, today);
	assert_int_equal(date_parse("03/04/1991", today, &d), PC_OK);
	assert_int_equal(d, D(1991, 4, 3));
	assert_int_equal(date_parse(" 29/02/2024 ", today, &d), PC_OK);
	assert_int_equal(d, D(2024, 2, 29));
	assert_int_equal(date_parse("+7", today, &d), PC_OK);
	assert_int_equal(d, D(2026, 12, 3));
	assert_int_equal(date_parse("-1", today, &d), PC_OK);
	assert_int_equal(d, D(2026, 11, 25));
	assert_int_equal(date_parse("+0", today, &d), PC_OK);
	assert_int_equal(d, today);
	/* Typed in a hurry: a one-digit day or month, the year left out
	 * (the year that puts it nearest to today). */
	assert_int_equal(date_parse("1/2/2026", today, &d), PC_OK);
	assert_int_equal(d, D(2026, 2, 1));
	assert_int_equal(date_parse("3/12", today, &d), PC_OK);
	assert_int_equal(d, D(2026, 12, 3));
	assert_int_equal(date_parse("20/11", today, &d), PC_OK);
	assert_int_equal(d, D(2026, 11, 20));
	assert_int_equal(date_parse("5/1", today, &d), PC_OK);
	assert_int_equal(d, D(2027, 1, 5));
	assert_int_equal(date_parse("30/9", D(2027, 1, 10), &d), PC_OK);
	assert_int_equal(d, D(2026, 9, 30));
	/* 29/02 of the nearest leap year only. */
	assert_int_equal(date_parse("29/02", D(2028, 1, 10), &d), PC_OK);
	assert_int_equal(d, D(2028, 2, 29));
	/* No year without a today to choose it from (an import). */
	d = 12345;
	assert_int_equal(date_parse("3/12", DATE_NONE, &d), PC_EINVAL);
	assert_int_equal(d, 12345);
}

static void parse_rejects(void **state)
{
	static const char *const bad[] = {
		"",
		"2026-02-29",
		"31/04/2026",
		"2026-13-01",
		"2026-00-10",
		"00/01/2026",
		"2026-1-5",
		"1/2/26",
		"31/02",
		"1/13",
		"1/2/3",
		"2026-11-26x",
		"26/11/26",
		"+",
		"+7d",
		"+99999999999999999999",
		"1899-12-31",
		"2200-01-01",
		"2026/11/26",
		"x",
		"29/02/2100",
	};
	pdate d = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(date_parse(bad[i], D(2026, 1, 1), &d),
				 PC_EINVAL);
		assert_int_equal(d, 12345); /* untouched */
	}
	assert_int_equal(date_parse(NULL, D(2026, 1, 1), &d), PC_EINVAL);
	assert_int_equal(date_parse_iso("26/11/2026", &d), PC_EINVAL);
	assert_int_equal(date_parse_iso("2026-11-26 ", &d), PC_EINVAL);
}

/* One range, 1900-2199, tested at both ends, and told apart from "not a
 * date" (issue 10, item 13). */
static void range_both_ends(void **state)
{
	pdate d = 12345;

	(void)state;
	assert_int_equal(DATE_DAY_MIN, date_from_ymd(DATE_YEAR_MIN, 1, 1));
	assert_int_equal(DATE_DAY_MAX, date_from_ymd(DATE_YEAR_MAX, 12, 31));
	assert_true(date_in_range(DATE_DAY_MIN));
	assert_true(date_in_range(DATE_DAY_MAX));
	assert_false(date_in_range(DATE_DAY_MIN - 1));
	assert_false(date_in_range(DATE_DAY_MAX + 1));
	assert_false(date_in_range(DATE_NONE));

	assert_int_equal(date_parse_iso("1900-01-01", &d), PC_OK);
	assert_int_equal(d, DATE_DAY_MIN);
	assert_int_equal(date_parse_iso("2199-12-31", &d), PC_OK);
	assert_int_equal(d, DATE_DAY_MAX);
	assert_int_equal(date_parse("01/01/1900", DATE_NONE, &d), PC_OK);
	assert_int_equal(d, DATE_DAY_MIN);
	assert_int_equal(date_parse("31/12/2199", DATE_NONE, &d), PC_OK);
	assert_int_equal(d, DATE_DAY_MAX);

	d = 12345;
	assert_int_equal(date_parse_iso("1899-12-31", &d), PC_EINVAL);
	assert_int_equal(date_parse_iso("2200-01-01", &d), PC_EINVAL);
	assert_int_equal(date_parse_iso("0001-01-01", &d), PC_EINVAL);
	assert_int_equal(d, 12345);
	assert_true(date_out_of_range("0001-01-01", DATE_NONE));
	assert_true(date_out_of_range("1899-12-31", DATE_NONE));
	assert_true(date_out_of_range("01/01/2200", DATE_NONE));
	assert_true(date_out_of_range(" 9999-12-31 ", DATE_NONE));
	assert_false(date_out_of_range("1900-01-01", DATE_NONE));
	assert_false(date_out_of_range("2199-12-31", DATE_NONE));
	assert_false(date_out_of_range("not a date", DATE_NONE));
	assert_false(date_out_of_range("0001-02-30", DATE_NONE));
	assert_false(date_out_of_range("2026-13-01", DATE_NONE));
	assert_false(date_out_of_range(NULL, DATE_NONE));

	/* +N and -N stay inside the range too. */
	assert_int_equal(date_parse("+1", DATE_DAY_MAX, &d), PC_EINVAL);
	assert_true(date_out_of_range("+1", DATE_DAY_MAX));
	assert_int_equal(date_parse("-1", DATE_DAY_MIN, &d), PC_EINVAL);
	assert_true(date_out_of_range("-1", DATE_DAY_MIN));
	assert_int_equal(d, 12345);
	assert_int_equal(date_parse("+0", DATE_DAY_MAX, &d), PC_OK);
	assert_int_equal(d, DATE_DAY_MAX);
}

static void add_months_clamps(void **state)
{
	(void)state;
	/* A job starting on the 31st: the month after has no 31st. */
	assert_int_equal(date_add_months(D(2026, 1, 31), 1), D(2026, 2, 28));
	assert_int_equal(date_add_months(D(2024, 1, 31), 1), D(2024, 2, 29));
	assert_int_equal(date_add_months(D(2026, 8, 31), 6), D(2027, 2, 28));
	assert_int_equal(date_add_months(D(2026, 3, 31), 6), D(2026, 9, 30));
	assert_int_equal(date_add_months(D(2026, 11, 26), 6), D(2027, 5, 26));
	assert_int_equal(date_add_months(D(2026, 12, 15), 1), D(2027, 1, 15));
	assert_int_equal(date_add_months(D(2026, 1, 15), -1), D(2025, 12, 15));
	assert_int_equal(date_add_months(D(2023, 8, 29), 6), D(2024, 2, 29));
	assert_int_equal(date_add_months(D(2026, 5, 10), 36), D(2029, 5, 10));
}

static void formatting(void **state)
{
	char buf[DATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format_iso(D(2026, 1, 5), buf), "2026-01-05");
	assert_string_equal(date_format_fr(D(2026, 1, 5), buf), "05/01/2026");
	assert_string_equal(date_format_iso(DATE_NONE, buf), "");
	assert_string_equal(date_format_pattern(D(2026, 11, 26), "DD/MM/YYYY",
						buf, sizeof buf),
			    "26/11/2026");
	assert_string_equal(date_format_pattern(D(2026, 1, 5), "YYYY-MM-DD",
						buf, sizeof buf),
			    "2026-01-05");
	assert_string_equal(
		date_format_pattern(D(2026, 1, 5), "DD.MM.", buf, sizeof buf),
		"05.01.");
	/* Too small a buffer is cut, never overrun. */
	assert_string_equal(
		date_format_pattern(D(2026, 1, 5), "DD/MM/YYYY", buf, 7),
		"05/01/");
	assert_string_equal(date_format_pattern(DATE_NONE, "DD", buf, 3), "");
	assert_int_equal(date_weekday(D(2026, 11, 26)), 3); /* Thursday */
	assert_int_equal(date_weekday(D(1969, 12, 29)), 0); /* Monday */
	assert_int_equal(date_weekday(D(1900, 1, 1)), 0);   /* Monday */
	assert_string_equal(date_format_fr(DATE_NONE, buf), "");
}

/* Dates in words, as letters say them. */
static void words(void **state)
{
	char buf[DATE_WORDS_BUFSZ];

	(void)state;
	assert_string_equal(date_format_words_fr(date_from_ymd(2026, 12, 3),
						 true, buf),
			    "jeudi 3 décembre 2026");
	assert_string_equal(date_format_words_fr(date_from_ymd(2027, 2, 1),
						 false, buf),
			    "lundi 1er février");
	assert_string_equal(date_format_words_fr(date_from_ymd(2026, 9, 30),
						 true, buf),
			    "mercredi 30 septembre 2026");
	assert_string_equal(date_format_words_fr(DATE_NONE, true, buf), "");
}

/* Easter Monday, Ascension and Whit Monday from Easter Sundays computed
 * apart (python-dateutil's easter(), every seventh year of the range and
 * a few near ones); the fixed holidays; weekends. */
static void holidays(void **state)
{
	static const int easter[][3] = {
		{1900,4,15}, {1907,3,31}, {1914,4,12}, {1921,3,27}, {1928,4,8},
		{1935,4,21}, {1942,4,5}, {1949,4,17}, {1956,4,1}, {1963,4,14},
		{1970,3,29}, {1977,4,10}, {1984,4,22}, {1991,3,31}, {1998,4,12},
		{2005,3,27}, {2012,4,8}, {2019,4,21}, {2026,4,5}, {2033,4,17},
		{2040,4,1}, {2047,4,14}, {2054,3,29}, {2061,4,10}, {2068,4,22},
		{2075,4,7}, {2082,4,19}, {2089,4,3}, {2096,4,15}, {2103,3,25},
		{2110,4,6}, {2117,4,18}, {2124,4,2}, {2131,4,15}, {2138,3,30},
		{2145,4,11}, {2152,4,23}, {2159,4,8}, {2166,4,20}, {2173,4,4},
		{2180,4,16}, {2187,3,25}, {2194,4,6}, {2024,3,31}, {2025,4,20},
		{2027,3,28}, {2038,4,25},
	};

	(void)state;
	for (size_t i = 0; i < sizeof easter / sizeof *easter; i++) {
		pdate e = date_from_ymd(easter[i][0], easter[i][1],
					easter[i][2]);

		assert_false(date_public_holiday_fr(e - 1));
		assert_true(date_public_holiday_fr(e + 1));
		assert_true(date_public_holiday_fr(e + 39));
		assert_true(date_public_holiday_fr(e + 50));
		assert_false(date_public_holiday_fr(e + 2));
		assert_false(date_working_day(e + 1));
	}
	assert_true(date_public_holiday_fr(date_from_ymd(2026, 7, 14)));
	assert_true(date_public_holiday_fr(date_from_ymd(2026, 11, 11)));
	assert_false(date_public_holiday_fr(date_from_ymd(2026, 11, 12)));
	assert_true(date_working_day(date_from_ymd(2026, 11, 27)));  /* Fri */
	assert_false(date_working_day(date_from_ymd(2026, 11, 28))); /* Sat */
	assert_false(date_working_day(date_from_ymd(2026, 11, 29))); /* Sun */
	assert_false(date_working_day(DATE_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(epoch_and_round_trip),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(parse_formats),
		cmocka_unit_test(parse_rejects),
		cmocka_unit_test(range_both_ends),
		cmocka_unit_test(add_months_clamps),
		cmocka_unit_test(formatting),
		cmocka_unit_test(words),
		cmocka_unit_test(holidays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

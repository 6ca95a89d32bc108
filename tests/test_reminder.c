/* test_reminder.c: phone numbers in the international form, the working
 * days a reminder list covers, the message of an appointment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "reminder.h"

static void phone_is(const char *in, enum phone_kind kind, const char *want)
{
	char out[PHONE_BUFSZ];
	enum phone_kind got = reminder_phone(in, out);

	if (got != kind || strcmp(out, want) != 0)
		fail_msg("'%s': %d '%s', not %d '%s'", in ? in : "(null)", got,
			 out, kind, want);
}

static void phones(void **state)
{
	(void)state;
	phone_is("06 12 34 56 78", PHONE_MOBILE, "+33612345678");
	phone_is("06.12.34.56.78", PHONE_MOBILE, "+33612345678");
	phone_is("(06) 12-34-56-78", PHONE_MOBILE, "+33612345678");
	phone_is("07 12 34 56 78", PHONE_MOBILE, "+33712345678");
	phone_is("+33 6 12 34 56 78", PHONE_MOBILE, "+33612345678");
	phone_is("+33 (0)6 12 34 56 78", PHONE_MOBILE, "+33612345678");
	phone_is("0033612345678", PHONE_MOBILE, "+33612345678");
	phone_is("01 23 45 67 89", PHONE_LANDLINE, "+33123456789");
	phone_is("09 70 00 00 00", PHONE_LANDLINE, "+33970000000");
	phone_is("+44 7700 900123", PHONE_ABROAD, "+447700900123");
	phone_is("0044 7700 900123", PHONE_ABROAD, "+447700900123");
	phone_is(NULL, PHONE_NONE, "");
	phone_is("", PHONE_NONE, "");
	phone_is("   ", PHONE_NONE, "");
	phone_is("n/a", PHONE_INVALID, "");
	phone_is("+", PHONE_INVALID, "");
	phone_is("06 12 34 56", PHONE_INVALID, "");
	phone_is("6 12 34 56 78", PHONE_INVALID, "");
	phone_is("00 12", PHONE_INVALID, "");
	phone_is("00 01 23 45 67 89", PHONE_INVALID, "");
	phone_is("+33 6 12 34 56 789", PHONE_INVALID, "");
	phone_is("0612345678901234567890", PHONE_INVALID, "");
	phone_is("06 12 34 56 78 ext 2", PHONE_INVALID, "");
}

static void window(void **state)
{
	(void)state;
	/* Thursday 26/11/2026: Friday, then Monday. */
	assert_int_equal(reminder_until(date_from_ymd(2026, 11, 26), 2),
			 date_from_ymd(2026, 11, 30));
	assert_int_equal(reminder_until(date_from_ymd(2026, 11, 26), 1),
			 date_from_ymd(2026, 11, 27));
	/* Wednesday 23/12: Thursday 24, then Christmas and a weekend. */
	assert_int_equal(reminder_until(date_from_ymd(2026, 12, 23), 2),
			 date_from_ymd(2026, 12, 28));
	/* Thursday 14/05/2026 is Ascension: Wednesday 13, then Friday 15. */
	assert_int_equal(reminder_until(date_from_ymd(2026, 5, 12), 2),
			 date_from_ymd(2026, 5, 15));
}

static void message(void **state)
{
	struct config c = { 0 };
	struct config_appt_kind kinds[] = {
		{ "entretien", "Entretien", "Interview", NULL },
		{ "atelier", "Atelier", NULL, "Atelier {{date}}, {{time}} !" },
	};
	struct participant p = { .first_name = "Léa",
				 .last_name = "Martin",
				 .referent = "Marie Dupont" };
	struct appointment a = { .date = date_from_ymd(2026, 12, 3),
				 .minute = 10 * 60 + 30,
				 .kind = "entretien",
				 .mode = MODE_PHONE };
	char *m = NULL, *s = NULL, *cause = NULL;

	(void)state;
	c.appt_kinds = kinds;
	c.n_appt_kinds = 2;
	c.reminder_message = "{{first_name}}: {{kind}} {{mode}} le {{when}} "
			     "avec {{referent}}";
	c.reminder_subject = "Rendez-vous du {{date}}";
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_OK);
	assert_string_equal(m, "Léa: Entretien par téléphone le jeudi 3 "
			       "décembre à 10 h 30 avec Marie Dupont");
	assert_string_equal(s, "Rendez-vous du jeudi 3 décembre");
	free(m);
	free(s);
	/* A kind's own message; no time, no "à". */
	a.kind = "atelier";
	a.minute = APPT_NO_TIME;
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_OK);
	assert_string_equal(m, "Atelier jeudi 3 décembre,  !");
	free(m);
	free(s);
	/* The number to call back: the referent's when the configuration is
	 * theirs, else the PLIE's, else none; the PLIE by its name. */
	kinds[1].reminder = "Prévenir{{contact}}. {{plie}}";
	c.referent = "Marie Dupont";
	c.referent_phone = "05 61 00 00 01";
	c.plie_phone = "05 61 00 00 00";
	c.plie_name = "PLIE du Sicoval";
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_OK);
	assert_string_equal(m, "Prévenir au 05 61 00 00 01. PLIE du Sicoval");
	free(m);
	free(s);
	p.referent = "Karim Benali";
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_OK);
	assert_string_equal(m, "Prévenir au 05 61 00 00 00. PLIE du Sicoval");
	free(m);
	free(s);
	c.plie_phone = NULL;
	c.plie_name = NULL;
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_OK);
	assert_string_equal(m, "Prévenir. Le PLIE");
	free(m);
	free(s);
	kinds[1].reminder = "{{nom}}";
	assert_int_equal(reminder_text(&c, &p, &a, &m, &s, &cause), PC_EINVAL);
	assert_null(m);
	assert_non_null(strstr(cause, "appointment_kinds.reminder: line 1: "
				      "unknown placeholder {{nom}}"));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phones),
		cmocka_unit_test(window),
		cmocka_unit_test(message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

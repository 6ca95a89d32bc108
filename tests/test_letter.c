/* test_letter.c: letters from templates: dates and times in French, the
 * civility, the PLIE's directory before the shipped one, an unknown
 * placeholder named with its file and line, batches merged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "error.h"
#include "helpers.h"
#include "letter.h"

static void dates(void **state)
{
	char buf[LETTER_DATE_BUFSZ];

	(void)state;
	assert_string_equal(letter_date_fr(D(2026, 12, 3), buf),
			    "jeudi 3 décembre 2026");
	assert_string_equal(letter_date_fr(D(2026, 12, 1), buf),
			    "mardi 1er décembre 2026");
	assert_string_equal(letter_date_fr(D(2027, 8, 15), buf),
			    "dimanche 15 août 2027");
	assert_string_equal(letter_date_fr(DATE_NONE, buf), "");
}

/* The value of placeholder `name` among lv. */
static const char *value(const struct letter_values *lv, const char *name)
{
	for (size_t i = 0; i < lv->n; i++)
		if (strcmp(lv->v[i].name, name) == 0)
			return lv->v[i].value;
	fail_msg("no placeholder %s", name);
	return NULL;
}

static void values(void **state)
{
	struct participant_file f = { 0 };
	struct appointment a[2];
	struct letter_values lv;
	static const struct {
		enum gender g;
		const char *civ, *salutation, *addressee;
	} cases[] = {
		{ GENDER_FEMALE, "Madame", "Madame,", "Madame Zoë Brontë" },
		{ GENDER_MALE, "Monsieur", "Monsieur,", "Monsieur Zoë Brontë" },
		{ GENDER_NONBINARY, "", "Bonjour Zoë Brontë,", "Zoë Brontë" },
		{ GENDER_UNKNOWN, "", "Madame, Monsieur,", "Zoë Brontë" },
	};

	(void)state;
	participant_init(&f.p);
	f.p.id = 42;
	f.p.first_name = (char *)"Zoë";
	f.p.last_name = (char *)"Brontë";
	f.p.referent = (char *)"Marie Dupont";
	f.p.stage = (char *)"orienter";
	f.p.entry_date = D(2026, 1, 5);
	appointment_init(&a[0]);
	appointment_init(&a[1]);
	a[0].id = 7;
	a[0].date = D(2026, 11, 20);
	a[0].minute = 9 * 60;
	a[0].kind = (char *)"entretien";
	a[0].status = APPT_MISSED;
	a[1].id = 8;
	a[1].date = D(2026, 12, 3);
	a[1].minute = 10 * 60 + 30;
	a[1].kind = (char *)"atelier";
	a[1].mode = MODE_PHONE;
	f.appts = a;
	f.n_appts = 2;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		f.p.gender = cases[i].g;
		assert_int_equal(letter_values_make(helper_config, &f, &a[1],
						    D(2026, 11, 26), &lv),
				 PC_OK);
		assert_string_equal(value(&lv, "participant.civility"),
				    cases[i].civ);
		assert_string_equal(value(&lv, "participant.salutation"),
				    cases[i].salutation);
		assert_string_equal(value(&lv, "participant.addressee"),
				    cases[i].addressee);
		letter_values_free(&lv);
	}
	assert_int_equal(letter_values_make(helper_config, &f, &a[1],
					    D(2026, 11, 26), &lv),
			 PC_OK);
	assert_string_equal(value(&lv, "appointment.when"),
			    "jeudi 3 décembre 2026 à 10 h 30");
	assert_string_equal(value(&lv, "appointment.time"), "10 h 30");
	assert_string_equal(value(&lv, "appointment.modality"),
			    "par téléphone");
	assert_string_equal(value(&lv, "appointment.kind"), "Atelier");
	assert_string_equal(value(&lv, "missed.date"),
			    "vendredi 20 novembre 2026");
	assert_string_equal(value(&lv, "missed.time"), "9 h");
	assert_non_null(strstr(value(&lv, "next.invitation"),
			       "jeudi 3 décembre 2026 à 10 h 30"));
	assert_string_equal(value(&lv, "today_short"), "26/11/2026");
	assert_non_null(strstr(value(&lv, "participant.next_stages"),
			       helper_config->stages[2].label));
	letter_values_free(&lv);
	/* Without an appointment, its placeholders are empty; without a
	 * planned one, the re-invitation asks to call. */
	a[1].status = APPT_CANCELLED;
	assert_int_equal(letter_values_make(helper_config, &f, NULL,
					    D(2026, 11, 26), &lv),
			 PC_OK);
	assert_string_equal(value(&lv, "appointment.date"), "");
	assert_non_null(
		strstr(value(&lv, "next.invitation"), "prendre contact"));
	letter_values_free(&lv);
}

static void directories(void **state)
{
	char *user = helper_tmpdir(), *shipped = helper_tmpdir(), *cause = NULL;
	char *p[5];
	struct letter_list l;
	const struct letter_template *t;
	bool appt = false, missed = false;

	(void)state;
	p[0] = helper_write(shipped, "convocation.fodt", "<x>{{today}}</x>");
	p[1] = helper_write(shipped, "convocation.md", "{{today}}");
	p[2] = helper_write(user, "convocation.md", "{{appointment.date}}");
	p[3] = helper_write(user, "bad.txt", "ok\n\n{{ today }} {{nope}}\n");
	p[4] = helper_write(shipped, "notes.doc", "not a template");
	assert_int_equal(letter_list_find(user, shipped, &l, &cause), PC_OK);
	assert_int_equal(l.n, 3);
	t = letter_lookup(&l, "convocation", NULL);
	assert_non_null(t);
	assert_string_equal(t->file, "convocation.fodt");
	assert_false(t->user);
	t = letter_lookup(&l, "convocation", "md");
	assert_non_null(t);
	assert_true(t->user);
	assert_int_equal(letter_check(t, NULL, NULL, &appt, &missed, &cause),
			 PC_OK);
	assert_true(appt);
	assert_false(missed);
	assert_null(letter_lookup(&l, "notes", NULL));
	t = letter_lookup(&l, "bad", NULL);
	assert_non_null(t);
	assert_int_equal(letter_check(t, NULL, NULL, NULL, NULL, &cause),
			 PC_EINVAL);
	assert_non_null(strstr(cause, "bad.txt: line 3: unknown placeholder "
				      "{{nope}}"));
	free(cause);
	letter_list_free(&l);
	letter_list_free(&l);
	/* Missing directories: no template, no error. */
	assert_int_equal(letter_list_find("/nonexistent/a", NULL, &l, &cause),
			 PC_OK);
	assert_int_equal(l.n, 0);
	for (size_t i = 0; i < 5; i++)
		free(p[i]);
	helper_rmdir(user);
	helper_rmdir(shipped);
}

static void merged(void **state)
{
	static const char a[] =
		"<office:document><office:automatic-styles><s/>"
		"</office:automatic-styles><office:body><office:text>"
		"<text:p>A</text:p></office:text></office:body>"
		"</office:document>";
	static const char b[] =
		"<office:document><office:body><office:text a=\"1\">"
		"<text:p>B</text:p></office:text></office:body>"
		"</office:document>";
	char *docs[3] = { (char *)a, (char *)b, (char *)b }, *out,
	     *cause = NULL;
	size_t lens[3] = { strlen(a), strlen(b), strlen(b) }, len;

	(void)state;
	assert_int_equal(
		letter_merge(true, false, docs, lens, 3, &out, &len, &cause),
		PC_OK);
	assert_string_equal(
		out, "<office:document><office:automatic-styles><s/>"
		     "<style:style style:name=\"parcours_page_break\" "
		     "style:family=\"paragraph\"><style:paragraph-properties "
		     "fo:break-before=\"page\"/></style:style>"
		     "</office:automatic-styles><office:body><office:text>"
		     "<text:p>A</text:p>"
		     "<text:p text:style-name=\"parcours_page_break\"/>"
		     "<text:p>B</text:p>"
		     "<text:p text:style-name=\"parcours_page_break\"/>"
		     "<text:p>B</text:p>"
		     "</office:text></office:body></office:document>");
	free(out);
	/* Without automatic styles, some are added. */
	docs[0] = (char *)b;
	lens[0] = strlen(b);
	assert_int_equal(
		letter_merge(true, false, docs, lens, 2, &out, &len, &cause),
		PC_OK);
	assert_non_null(strstr(out, "<office:automatic-styles><style:style"));
	free(out);
	/* Not a document: refused. */
	docs[1] = (char *)"plain";
	lens[1] = 5;
	assert_int_equal(
		letter_merge(true, false, docs, lens, 2, &out, &len, &cause),
		PC_EINVAL);
	assert_null(out);
	free(cause);
	docs[0] = (char *)"one";
	docs[1] = (char *)"two";
	lens[0] = lens[1] = 3;
	assert_int_equal(
		letter_merge(false, true, docs, lens, 2, &out, &len, &cause),
		PC_OK);
	assert_string_equal(out, "one\n\n---\n\ntwo");
	free(out);
	assert_int_equal(
		letter_merge(false, false, docs, lens, 2, &out, &len, &cause),
		PC_OK);
	assert_string_equal(out, "one\n\f\ntwo");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(values),
		cmocka_unit_test(directories),
		cmocka_unit_test(merged),
	};

	return cmocka_run_group_tests(tests, helper_config_load,
				      helper_config_free);
}

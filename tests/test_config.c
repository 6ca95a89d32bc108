/* test_config.c: the default configuration and every kind of bad file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rules.h"
#include "error.h"
#include "fse.h"
#include "fse_field.h"
#include "helpers.h"

static void default_config(void **state)
{
	struct config *c = NULL;
	char *cause = NULL;
	size_t i;

	(void)state;
	assert_int_equal(config_load(helper_default_config(), NULL, &c, &cause),
			 PC_OK);
	assert_null(cause);
	assert_string_equal(c->referent, "Marie Dupont");
	assert_int_equal(c->caseload_target, 80);
	assert_int_equal(c->n_stages, 5);
	assert_string_equal(c->stages[0].id, "freins");
	assert_string_equal(c->stages[0].label, "Lever les freins à l'emploi");
	assert_string_equal(c->stages[2].short_label, "Étapes emploi");
	assert_int_equal(c->stages[0].contact_days, 30);
	assert_string_equal(c->stages[4].id, "emploi-durable");
	assert_int_equal(c->followup_months, 6);
	assert_int_equal(c->n_checkins, 4);
	assert_int_equal(c->checkin_days[0], 7);
	assert_int_equal(c->checkin_days[3], 180);
	assert_int_equal(c->max_duration_months, 36);
	assert_int_equal(c->min_weekly_minutes, 17 * 60 + 30);
	assert_int_equal(c->max_gap_days, 3);
	assert_true(c->n_publics >= 6);
	assert_non_null(config_public(c, "rqth"));
	assert_non_null(config_exit_reason(c, "cdi"));
	assert_true(config_exit_reason(c, "cdi")->positive);
	assert_false(config_exit_reason(c, "demenagement")->positive);
	assert_null(config_exit_reason(c, "nope"));
	assert_non_null(config_stage(c, "former", &i));
	assert_int_equal(i, 3);
	assert_null(config_stage(c, "missing", NULL));
	assert_int_equal(c->stages_line > 0, 1);
	config_free(&c);
	assert_null(c);
}

/* Load the default with `text` over it; return the error text or NULL. */
static char *load_user(const char *text, struct config **out)
{
	char *dir = helper_tmpdir();
	char *path = helper_write(dir, "user.yaml", text);
	struct config *c = NULL;
	char *cause = NULL;
	int rc = config_load(helper_default_config(), path, &c, &cause);

	if (rc == PC_OK) {
		assert_null(cause);
		if (out != NULL)
			*out = c;
		else
			config_free(&c);
	} else {
		assert_int_equal(rc, PC_EINVAL);
		assert_null(c);
		assert_non_null(cause);
	}
	free(path);
	helper_rmdir(dir);
	return cause;
}

/* The error names the file, the line and the column, then says what. */
static void expect_error(const char *text, const char *where, const char *what)
{
	char *cause = load_user(text, NULL);
	char *at;

	assert_non_null(cause);
	at = strstr(cause, "user.yaml:");
	if (at == NULL ||
	    strncmp(at + strlen("user.yaml:"), where, strlen(where)) != 0 ||
	    strstr(cause, what) == NULL)
		fail_msg("expected 'user.yaml:%s ... %s', got '%s'", where,
			 what, cause);
	free(cause);
}

/* followup.min_weekly_hours: decimal hours, stored in minutes. */
static void weekly_hours(void **state)
{
	static const struct {
		const char *text;
		int minutes;
	} good[] = {
		{ "20", 20 * 60 },    { "17.25", 1035 }, { "0", 0 },
		{ "17.5", 1050 },     { "8.33", 500 },	 { "168", 168 * 60 },
		{ "\"35.0\"", 2100 },
	};
	static const char *const bad[] = { "abc", "-1",	 "17,5",
					   "17.", ".5",	 "1.234",
					   "1e3", "169", "99999999999999999999",
					   "[1]" };
	char text[200];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct config *c = NULL;

		snprintf(text, sizeof text,
			 "followup:\n  min_weekly_hours: %s\n  max_gap_days: "
			 "%d\n",
			 good[i].text, (int)i);
		assert_null(load_user(text, &c));
		assert_int_equal(c->min_weekly_minutes, good[i].minutes);
		assert_int_equal(c->max_gap_days, (int)i);
		config_free(&c);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text,
			 "followup:\n  min_weekly_hours: %s\n", bad[i]);
		expect_error(text, "2:21:", "min_weekly_hours: ");
	}
	expect_error("followup:\n  min_weekly_hours: 169\n",
		     "2:21:", "out of range (0 to 168 hours)");
	expect_error("followup:\n  max_gap_days: 32\n",
		     "2:17:", "out of range (0 to 31)");
}

static void user_file_overrides(void **state)
{
	struct config *c = NULL;

	(void)state;
	assert_null(load_user("referent: \"Noël Ðặng\"\n"
			      "caseload_target: 60\n"
			      "max_duration_months: null\n"
			      "followup:\n  months: 12\n",
			      &c));
	assert_string_equal(c->referent, "Noël Ðặng");
	assert_int_equal(c->caseload_target, 60);
	assert_int_equal(c->max_duration_months, 0);
	assert_int_equal(c->followup_months, 12);
	/* What the user file does not say keeps the default. */
	assert_int_equal(c->n_checkins, 4);
	assert_int_equal(c->n_stages, 5);
	config_free(&c);

	/* A list replaces the default's list whole. */
	assert_null(load_user("stages:\n"
			      "  - id: accueil\n"
			      "    label: Accueil\n"
			      "    short: Accueil\n"
			      "    contact_days: 15\n",
			      &c));
	assert_int_equal(c->n_stages, 1);
	assert_string_equal(c->stages[0].id, "accueil");
	assert_int_equal(c->stages[0].expected_days, 0);
	config_free(&c);

	/* An empty file changes nothing. */
	assert_null(load_user("# nothing here\n", &c));
	assert_int_equal(c->n_stages, 5);
	config_free(&c);
}

/* fse.export: the default maps every field by its own name; a user's
 * list replaces it whole, with its columns and codes. */
static void fse_mapping(void **state)
{
	struct config *c = NULL;
	const struct config_fse_column *col;

	(void)state;
	assert_int_equal(config_load(helper_default_config(), NULL, &c, NULL),
			 PC_OK);
	assert_int_equal(c->n_fse_columns, FSE_F_COUNT); /* every field */
	for (size_t i = 0; i < c->n_fse_columns; i++) {
		col = &c->fse_columns[i];
		assert_string_equal(col->column, fse_field_name(col->field));
		assert_int_equal(col->n_codes, 0);
		assert_string_equal(config_fse_code(col, "female"), "female");
	}
	config_free(&c);

	assert_null(load_user("fse:\n"
			      "  from: 2027-01-01\n"
			      "  export:\n"
			      "    - column: SEXE\n"
			      "      field: gender\n"
			      "      codes: {female: F, male: H, non-binary: \"\"}\n"
			      "    - {column: N, field: id}\n",
			      &c));
	assert_int_equal(c->n_fse_columns, 2);
	col = &c->fse_columns[0];
	assert_string_equal(col->column, "SEXE");
	assert_int_equal(col->field, FSE_F_GENDER);
	assert_int_equal(col->n_codes, 3);
	assert_string_equal(config_fse_code(col, "female"), "F");
	assert_string_equal(config_fse_code(col, "male"), "H");
	assert_string_equal(config_fse_code(col, "non-binary"), "");
	assert_int_equal(c->fse_columns[1].field, FSE_F_ID);
	/* The other keys of fse: kept beside the mapping. */
	assert_int_equal(c->fse_entry_grace_days, CONFIG_FSE_ENTRY_GRACE_DAYS);
	config_free(&c);
}

/* Every field, every answer and every code checked, at its place. */
static void fse_mapping_errors(void **state)
{
	char *cause;

	(void)state;
	expect_error("fse:\n  export:\n    - {column: A, field: sex}\n",
		     "3:26:", "field: expected one of id, last_name");
	expect_error("fse:\n  export:\n    - {column: A}\n", "3:7:",
		     "export: missing key 'field'");
	expect_error("fse:\n  export:\n"
		     "    - {column: A, field: gender,"
		     " codes: {female: F, male: H, nb: N, non-binary: N}}\n",
		     "3:62:", "codes: 'nb' is not an answer of gender");
	expect_error("fse:\n  export:\n"
		     "    - {column: A, field: gender, codes: {female: F}}\n",
		     "3:34:", "codes: no code for 'male' of gender");
	expect_error("fse:\n  export:\n"
		     "    - {column: A, field: entry_date, codes: {a: b}}\n",
		     "3:38:", "entry_date is written as it is and takes no codes");
	expect_error("fse:\n  export:\n"
		     "    - {column: A, field: survey_how,"
		     " codes: {phone: T, email: E, letter: [L]}}\n",
		     "3:74:", "codes: expected text, found a list");
	/* A code given but wrong is not also said missing. */
	cause = load_user("fse:\n  export:\n"
			  "    - {column: A, field: survey_how,"
			  " codes: {phone: T, email: E, letter: [L]}}\n",
			  NULL);
	assert_null(strstr(cause, "no code"));
	free(cause);
	expect_error("fse:\n  export:\n"
		     "    - {column: A, field: rural,"
		     " codes: {\"yes\": O, \"no\": N, unknown: I, \"yes\": Y}}\n",
		     "3:72:", "codes: key 'yes' given twice");
	expect_error("fse:\n  export:\n    - {column: A, field: id}\n"
		     "    - {column: A, field: gender}\n",
		     "4:7:", "export: duplicate id 'A'");
	expect_error("fse:\n  export: []\n", "2:11:",
		     "export: the list is empty");
}

/* The fields' table agrees with the questionnaires' names and with what
 * counts as sensitive. */
static void fse_fields(void **state)
{
	(void)state;
	for (int s = 0; s < FSE_SIT_COUNT; s++) {
		assert_string_equal(fse_field_name(FSE_F_SITUATION + s),
				    fse_question_name(FSE_Q_SITUATION + s));
		assert_int_equal(fse_field_sensitive(FSE_F_SITUATION + s),
				 fse_situation_sensitive(s));
	}
	for (int f = 0; f < FSE_F_COUNT; f++)
		assert_int_equal(fse_field_by_name(fse_field_name(f)), f);
	assert_int_equal(fse_field_by_name("nope"), -1);
	assert_int_equal(fse_field_by_name(NULL), -1);
	assert_string_equal(fse_field_name(FSE_F_COUNT), "?");
	assert_null(fse_field_answers(FSE_F_BIRTH_DATE));
	assert_string_equal(fse_field_answers(FSE_F_GENDER)[2], "non-binary");
	assert_true(fse_field_identity(FSE_F_BIRTH_DATE));
	assert_false(fse_field_identity(FSE_F_ID));
	assert_false(fse_field_sensitive(FSE_F_GENDER));
}

static void syntax_error(void **state)
{
	(void)state;
	expect_error("referent: Marie\nstages: [\n  - id: x\n",
		     "3:", "YAML syntax error");
	expect_error("referent: \"unterminated\n", "", "YAML syntax error");
	expect_error("a: b\n  c: d\n", "2:4:", "YAML syntax error");
}

static void unknown_key(void **state)
{
	(void)state;
	expect_error("referent: Marie\ncaseload_targett: 80\n",
		     "2:1:", "unknown key 'caseload_targett'");
	expect_error("followup:\n  month: 6\n",
		     "2:3:", "followup: unknown key 'month'");
	expect_error("stages:\n  - id: a\n    label: A\n    short: A\n"
		     "    contact_days: 30\n    colour: red\n",
		     "6:5:", "stages: unknown key 'colour'");
}

static void wrong_types(void **state)
{
	(void)state;
	expect_error(
		"caseload_target: eighty\n", "1:18:",
		"caseload_target: expected a whole number, found 'eighty'");
	expect_error("caseload_target: [80]\n",
		     "1:18:", "expected a whole number, found a list");
	expect_error("stages: freins\n",
		     "1:9:", "stages: expected a list, found a value");
	expect_error("referent:\n  name: Marie\n",
		     "2:3:", "referent: expected text, found a mapping");
	expect_error("exit_reasons:\n  - id: cdi\n    label: CDI\n"
		     "    positive: maybe\n",
		     "4:15:", "positive: expected true or false, found maybe");
	expect_error("exit_validation: sometimes\n", "1:18:",
		     "exit_validation: expected one of hiring, followup");
	expect_error("stages:\n  - just a string\n", "2:5:",
		     "stages: expected a mapping of keys, found a value");
	expect_error("referent: ~\n", "1:11:", "expected text, found nothing");
}

static void duplicate_stage_ids(void **state)
{
	(void)state;
	expect_error("stages:\n"
		     "  - id: freins\n    label: A\n    short: A\n"
		     "    contact_days: 30\n"
		     "  - id: freins\n    label: B\n    short: B\n"
		     "    contact_days: 30\n",
		     "6:5:", "stages: duplicate id 'freins'");
	expect_error("referent: A\nreferent: B\n",
		     "2:1:", "key 'referent' given twice");
}

static void empty_stage_list(void **state)
{
	(void)state;
	expect_error("stages: []\n", "1:9:", "stages: the list is empty");
	expect_error("followup:\n  checkin_days: []\n",
		     "2:17:", "checkin_days: the list is empty");
}

static void absurd_numbers(void **state)
{
	(void)state;
	expect_error("caseload_target: -5\n", "1:18:",
		     "caseload_target: -5 is out of range (1 to 10000)");
	expect_error("caseload_target: 0\n", "1:18:", "out of range");
	expect_error("max_duration_months: 100000\n",
		     "1:22:", "out of range (1 to 240)");
	expect_error("stages:\n  - id: a\n    label: A\n    short: A\n"
		     "    contact_days: 0\n",
		     "5:19:", "contact_days: 0 is out of range (1 to 365)");
	expect_error("followup:\n  checkin_days: [30, 7]\n",
		     "2:22:", "values must go up (7 after 30)");
	expect_error("caseload_target: 99999999999999999999\n",
		     "1:18:", "expected a whole number");
}

static void missing_and_bad_ids(void **state)
{
	(void)state;
	expect_error("stages:\n  - id: a\n    label: A\n    contact_days: 30\n",
		     "2:5:", "stages: missing key 'short'");
	expect_error("stages:\n  - id: Étape 1\n    label: A\n    short: A\n"
		     "    contact_days: 30\n",
		     "2:9:", "'Étape 1' is not a valid id");
}

static void every_problem_reported(void **state)
{
	char *cause;

	(void)state;
	cause = load_user("caseload_target: x\nfoo: 1\nbar: 2\n", NULL);
	assert_non_null(strstr(cause, "user.yaml:1:18:"));
	assert_non_null(strstr(
		cause, "user.yaml:2:1: configuration: unknown key 'foo'"));
	assert_non_null(strstr(
		cause, "user.yaml:3:1: configuration: unknown key 'bar'"));
	free(cause);
}

static void unreadable_and_not_utf8(void **state)
{
	struct config *c = NULL;
	char *cause = NULL;

	(void)state;
	assert_int_equal(config_load(helper_default_config(),
				     "/nonexistent/parcours.yaml", &c, &cause),
			 PC_EIO);
	assert_non_null(strstr(cause, "/nonexistent/parcours.yaml"));
	free(cause);
	cause = load_user("referent: \"\xff\xfe\"\n", NULL);
	assert_non_null(cause);
	free(cause);
}

/* Appointment kinds: the default list, a kind found by its id or either
 * label, a user's list replacing it, and a bad list refused where it is
 * wrong. */
static void appointment_kinds(void **state)
{
	struct config *c = NULL;
	const struct config_appt_kind *k;

	(void)state;
	assert_null(load_user("", &c));
	assert_true(c->n_appt_kinds >= 3);
	k = config_appt_kind(c, "entretien");
	assert_non_null(k);
	assert_string_equal(k->label, "Entretien");
	assert_string_equal(k->label_en, "Interview");
	/* Typed in English, in capitals, or without its accents. */
	assert_ptr_equal(config_appt_kind(c, "interview"), k);
	assert_ptr_equal(config_appt_kind(c, "ENTRETIEN"), k);
	assert_non_null(config_appt_kind(c, "atelier"));
	assert_ptr_equal(config_appt_kind(c, "Workshop"),
			 config_appt_kind(c, "atelier"));
	assert_null(config_appt_kind(c, "visite à domicile"));
	assert_null(config_appt_kind(c, NULL));
	config_free(&c);

	assert_null(load_user("appointment_kinds:\n"
			      "  - id: accueil\n"
			      "    label: \"Accueil, café\"\n"
			      "  - id: reunion\n"
			      "    label: Réunion\n"
			      "    label_en: Meeting\n",
			      &c));
	assert_int_equal(c->n_appt_kinds, 2);
	assert_null(c->appt_kinds[0].label_en);
	assert_string_equal(config_appt_kind(c, "REUNION")->id, "reunion");
	assert_string_equal(config_appt_kind(c, "meeting")->id, "reunion");
	assert_null(config_appt_kind(c, "entretien"));
	config_free(&c);

	expect_error("appointment_kinds: []\n",
		     "1:20:", "appointment_kinds: the list is empty");
	expect_error("appointment_kinds: entretien\n", "1:20:",
		     "appointment_kinds: expected a list, found a value");
	expect_error("appointment_kinds:\n  - id: entretien\n",
		     "2:5:", "appointment_kinds: missing key 'label'");
	expect_error("appointment_kinds:\n  - id: Entretien\n"
		     "    label: Entretien\n",
		     "2:9:", "'Entretien' is not a valid id");
	expect_error("appointment_kinds:\n  - id: a\n    label: A\n"
		     "  - id: a\n    label: B\n",
		     "4:5:", "appointment_kinds: duplicate id 'a'");
	expect_error("appointment_kinds:\n  - id: a\n    label: A\n"
		     "    label_fr: A\n",
		     "4:5:", "appointment_kinds: unknown key 'label_fr'");
	expect_error("appointment_kinds:\n  - id: a\n    label: A\n"
		     "    label_en: [A]\n",
		     "4:15:", "label_en: expected text, found a list");
}

/* Nesting is limited before libyaml builds the document: 100,000 '['
 * took it past 20 s (issue 10, item 21). */
/* The team map: logins to a referent's name and a role. */
static void team(void **state)
{
	struct config *c = NULL;
	const struct config_member *m;

	(void)state;
	assert_null(load_user(
		"team:\n"
		"  mdupont: {name: \"Marie Dupont\", role: referent}\n"
		"  jmartin: {name: \"Jean Martin\", role: coordinator}\n",
		&c));
	assert_int_equal(c->n_team, 2);
	m = config_member(c, "jmartin");
	assert_non_null(m);
	assert_string_equal(m->name, "Jean Martin");
	assert_int_equal(m->role, ROLE_COORDINATOR);
	assert_int_equal(config_member(c, "mdupont")->role, ROLE_REFERENT);
	assert_null(config_member(c, "nobody"));
	assert_null(config_member(c, NULL));
	config_free(&c);
	/* None by default: one person's tool. */
	assert_null(load_user("", &c));
	assert_int_equal(c->n_team, 0);
	assert_null(config_member(c, "mdupont"));
	config_free(&c);
}

static void team_errors(void **state)
{
	(void)state;
	expect_error("team:\n  - {name: X, role: referent}\n",
		     "2:3:", "team: expected a mapping of keys, found a list");
	expect_error("team: {}\n", "1:7:", "team: the mapping is empty");
	expect_error("team:\n  ab: {name: X, role: boss}\n",
		     "2:23:", "role: expected one of referent, coordinator");
	expect_error("team:\n  ab: {role: referent}\n",
		     "2:7:", "ab: missing key 'name'");
	expect_error("team:\n  ab: {name: X}\n",
		     "2:7:", "ab: missing key 'role'");
	expect_error("team:\n  ab: {name: X, role: referent, phone: 1}\n",
		     "2:33:", "ab: unknown key 'phone'");
	expect_error("team:\n  ab: {name: X, role: referent}\n"
		     "  ab: {name: Y, role: referent}\n",
		     "3:3:", "team: key 'ab' given twice");
	expect_error("team:\n  \"a b\": {name: X, role: referent}\n",
		     "2:3:", "team: 'a b' is not a login");
	expect_error("team:\n  ab: \"Marie\"\n",
		     "2:7:", "ab: expected a mapping of keys");
}

static void deep_nesting(void **state)
{
	size_t n = 100000, head = strlen("referent: ");
	char *text = malloc(head + n + 2), *cause;
	char where[32];

	(void)state;
	memcpy(text, "referent: ", head);
	memset(text + head, '[', n);
	strcpy(text + head + n, "\n");
	/* The top mapping is level 1: the 32nd '[' is level 33. */
	snprintf(where, sizeof where, "1:%zu:", head + CONFIG_MAX_DEPTH);
	expect_error(text, where, "nested deeper than 32 levels");
	memset(text + head, '{', n);
	expect_error(text, where, "nested deeper than 32 levels");
	/* Thirty-two levels are still read (and refused for what they are). */
	memset(text + head, '[', CONFIG_MAX_DEPTH - 1);
	memset(text + head + CONFIG_MAX_DEPTH - 1, ']', CONFIG_MAX_DEPTH - 1);
	strcpy(text + head + 2 * (CONFIG_MAX_DEPTH - 1), "\n");
	cause = load_user(text, NULL);
	assert_non_null(cause);
	assert_null(strstr(cause, "nested deeper"));
	free(cause);
	/* Block style counts the same. */
	text[0] = '\0';
	for (int i = 0; i <= CONFIG_MAX_DEPTH; i++)
		strcat(text, "- ");
	strcat(text, "x\n");
	expect_error(text, "1:", "nested deeper than 32 levels");
	free(text);
}

/* The rules' hash (the attention index's key): every key a rule reads
 * changes it, what no rule reads does not. */
static void rules_hash(void **state)
{
	static const char *const changes[] = {
		"max_duration_months: 30\n",
		"max_duration_notice_days: 61\n",
		"exit_validation: hiring\n",
		"followup:\n  months: 5\n",
		"followup:\n  checkin_days: [7, 30, 90]\n",
		"followup:\n  notice_days: 8\n",
		"followup:\n  min_weekly_hours: 20\n",
		"followup:\n  max_gap_days: 4\n",
		"fse:\n  from: 2027-01-01\n",
		"fse:\n  entry_grace_days: 15\n",
		"fse:\n  survey_window_days: 30\n",
		"stages:\n  - id: freins\n    label: F\n    short: F\n"
		"    contact_days: 31\n",
		"exit_reasons:\n  - id: cdi\n    label: CDI\n"
		"    positive: false\n",
	};
	static const char *const keeps[] = {
		"referent: \"Paul Martin\"\n",
		"caseload_target: 60\n",
		"timezone: UTC\n",
		"csv_delimiter: tab\n",
	};
	char *dir = helper_tmpdir(), *cause = NULL;
	struct config *base = NULL, *c = NULL;
	uint64_t h;

	(void)state;
	assert_int_equal(config_load(helper_default_config(), NULL, &base,
				     &cause),
			 PC_OK);
	h = rules_config_hash(base);
	for (size_t i = 0; i < sizeof changes / sizeof *changes; i++) {
		char *path = helper_write(dir, "user.yaml", changes[i]);

		if (config_load(helper_default_config(), path, &c, &cause) !=
		    PC_OK)
			fail_msg("%s: %s", changes[i], cause);
		if (rules_config_hash(c) == h)
			fail_msg("the hash ignores: %s", changes[i]);
		config_free(&c);
		free(path);
	}
	for (size_t i = 0; i < sizeof keeps / sizeof *keeps; i++) {
		char *path = helper_write(dir, "user.yaml", keeps[i]);

		if (config_load(helper_default_config(), path, &c, &cause) !=
		    PC_OK)
			fail_msg("%s: %s", keeps[i], cause);
		if (rules_config_hash(c) != h)
			fail_msg("the hash depends on: %s", keeps[i]);
		config_free(&c);
		free(path);
	}
	config_free(&base);
	helper_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_hash),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(default_config),
		cmocka_unit_test(user_file_overrides),
		cmocka_unit_test(weekly_hours),
		cmocka_unit_test(syntax_error),
		cmocka_unit_test(unknown_key),
		cmocka_unit_test(wrong_types),
		cmocka_unit_test(duplicate_stage_ids),
		cmocka_unit_test(empty_stage_list),
		cmocka_unit_test(absurd_numbers),
		cmocka_unit_test(missing_and_bad_ids),
		cmocka_unit_test(every_problem_reported),
		cmocka_unit_test(unreadable_and_not_utf8),
		cmocka_unit_test(appointment_kinds),
		cmocka_unit_test(fse_mapping),
		cmocka_unit_test(fse_mapping_errors),
		cmocka_unit_test(fse_fields),
		cmocka_unit_test(team),
		cmocka_unit_test(team_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

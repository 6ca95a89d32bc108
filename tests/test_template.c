/* test_template.c: {{ name }} placeholders filled in, escaped for XML,
 * and refused with their line when unknown or broken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "template.h"

static const struct template_value vars[] = {
	{ "participant.last_name", "Nguyễn <script>&\"'" },
	{ "appointment.date", "jeudi 3 décembre 2026" },
	{ "empty", NULL },
};

static char *render(const char *src, enum template_escape esc, int want_rc,
		    const char *want_cause)
{
	char *out = NULL, *cause = NULL;
	size_t len = 0;
	int rc =
		template_render(src, strlen(src), esc, vars,
				sizeof vars / sizeof *vars, &out, &len, &cause);

	assert_int_equal(rc, want_rc);
	if (want_rc != PC_OK) {
		assert_null(out);
		assert_non_null(cause);
		if (strstr(cause, want_cause) == NULL)
			fail_msg("'%s' lacks '%s'", cause, want_cause);
		free(cause);
		return NULL;
	}
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

static void filled(void **state)
{
	char *out;

	(void)state;
	out = render("Le {{appointment.date}}, {{ participant.last_name }}.",
		     TEMPLATE_TEXT, PC_OK, NULL);
	assert_string_equal(out,
			    "Le jeudi 3 décembre 2026, Nguyễn <script>&\"'.");
	free(out);
	out = render("<p>{{participant.last_name}}</p>{{empty}}", TEMPLATE_XML,
		     PC_OK, NULL);
	assert_string_equal(out, "<p>Nguyễn &lt;script&gt;&amp;&quot;&apos;"
				 "</p>");
	free(out);
	out = render("", TEMPLATE_TEXT, PC_OK, NULL);
	assert_string_equal(out, "");
	free(out);
	/* A lone brace is text. */
	out = render("{ x } }} {", TEMPLATE_TEXT, PC_OK, NULL);
	assert_string_equal(out, "{ x } }} {");
	free(out);
}

/* What XML 1.0 cannot hold, even escaped, becomes U+FFFD in an XML
 * letter: control characters, U+FFFE and U+FFFF, surrogates, bytes that
 * are not UTF-8; tab, line feed, emoji and text are kept. */
static void xml_chars(void **state)
{
	static const struct template_value bad[] = {
		{ "a", "x\x01y\x1b[0m\tz\n" },
		{ "b", "\xef\xbf\xbe\xef\xbf\xbf\xed\xa0\x80|\xff\xc3|"
		       "\xe9t\xc3\xa9" },
		{ "c", "\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xb7\x90\xc2\x85" },
	};
	char *out = NULL, *cause = NULL;
	const char *src = "<p>{{a}}|{{b}}|{{c}}</p>";

	(void)state;
	assert_int_equal(template_render(src, strlen(src), TEMPLATE_XML, bad, 3,
					 &out, NULL, &cause),
			 PC_OK);
	assert_string_equal(out,
			    "<p>x\xef\xbf\xbdy\xef\xbf\xbd[0m\tz\n|"
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
			    "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbdt\xc3\xa9|"
			    "\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xb7\x90\xc2\x85"
			    "</p>");
	free(out);
	/* Plain text keeps what it is given. */
	assert_int_equal(template_render(src, strlen(src), TEMPLATE_TEXT, bad,
					 3, &out, NULL, &cause),
			 PC_OK);
	assert_non_null(strstr(out, "x\x01y"));
	free(out);
}

/* A placeholder that a word processor cut with a tag: said so. */
static void cut_by_tag(void **state)
{
	(void)state;
	render("<p>Hello\n{{<text:span text:style-name=\"T1\">participant."
	       "last_name</text:span>}}</p>",
	       TEMPLATE_XML, PC_EINVAL, "line 2: a placeholder cut by a tag");
	render("<p>{{ participant.<text:span>last_name</text:span>}}</p>",
	       TEMPLATE_XML, PC_EINVAL, "line 1: a placeholder cut by a tag");
}

static void refused(void **state)
{
	(void)state;
	render("a\nb\n{{ participant.first_name }}", TEMPLATE_TEXT, PC_EINVAL,
	       "line 3: unknown placeholder {{participant.first_name}}");
	render("a\n{{ appointment.date\n}}", TEMPLATE_TEXT, PC_EINVAL,
	       "line 2:");
	render("{{}}", TEMPLATE_TEXT, PC_EINVAL, "line 1: a placeholder needs");
	render("x {{ two words }}", TEMPLATE_TEXT, PC_EINVAL, "line 1:");
	render("{{ appointment.date", TEMPLATE_TEXT, PC_EINVAL, "line 1:");
}

static void names(void **state)
{
	char **v = NULL, *cause = NULL;
	size_t n = 0;
	const char *src = "{{b}} {{ a.x }}\n{{b}} {{c_1}}";

	(void)state;
	assert_int_equal(template_names(src, strlen(src), &v, &n, &cause),
			 PC_OK);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "b");
	assert_string_equal(v[1], "a.x");
	assert_string_equal(v[2], "c_1");
	template_names_free(v, n);
	assert_int_equal(template_names("{{", 2, &v, &n, &cause), PC_EINVAL);
	assert_null(v);
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(filled),     cmocka_unit_test(xml_chars),
		cmocka_unit_test(cut_by_tag), cmocka_unit_test(refused),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_tui_pure.c: columns, keys and typed input of the interface. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "keys.h"
#include "list.h"
#include "model.h"
#include "text.h"

static void fit(const char *s, int width, const char *want)
{
	char buf[256];

	text_fit(s, width, buf, sizeof buf);
	assert_string_equal(buf, want);
	assert_int_equal(text_width(buf), width);
}

static void widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("Lefèvre"), 7);
	assert_int_equal(text_width("Nguyễn Thị Ánh"), 14);
	/* A combining accent takes no column; a CJK character takes two. */
	assert_int_equal(text_width("Le\xcc\x81"
				    "a"),
			 3);
	assert_int_equal(text_width("東京"), 4);
	assert_int_equal(text_width(""), 0);
}

static void fitting(void **state)
{
	(void)state;
	fit("Zoë", 6, "Zoë   ");
	fit("Lefèvre", 7, "Lefèvre");
	fit("LEFÈVRE Élodie", 8, "LEFÈVRE…");
	fit("Nguyễn Thị Ánh", 10, "Nguyễn Th…");
	/* Never half a wide character: the cell is padded instead. */
	fit("東京都", 4, "東… ");
	fit("東京都", 5, "東京…");
	/* A combining mark stays with its letter. */
	fit("Le\xcc\x81"
	    "a Martin",
	    3, "Le\xcc\x81…");
	fit("abc", 0, "");
	fit("abc", 1, "…");
}

static void fitting_small_buffer(void **state)
{
	char buf[6];

	(void)state;
	/* A buffer too small gets what fits, terminated. */
	text_fit("Élodie Lefèvre", 20, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
}

static void upper(void **state)
{
	char *u = text_upper("Lefèvre ðặng zoë");

	(void)state;
	assert_string_equal(u, "LEFÈVRE ÐẶNG ZOË");
	free(u);
}

static void key_dispatch(void **state)
{
	(void)state;
	assert_int_equal(keys_action(VIEW_CASELOAD, 'q'), ACT_QUIT);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, 'q'), ACT_BACK);
	assert_int_equal(keys_action(VIEW_AGENDA, 'q'), ACT_BACK);
	assert_int_equal(keys_action(VIEW_CASELOAD, 27), ACT_BACK);
	assert_int_equal(keys_action(VIEW_CASELOAD, 'j'), ACT_DOWN);
	assert_int_equal(keys_action(VIEW_CASELOAD, KEY_DOWN), ACT_DOWN);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, 'k'), ACT_UP);
	assert_int_equal(keys_action(VIEW_CASELOAD, '\n'), ACT_OPEN);
	assert_int_equal(keys_action(VIEW_CASELOAD, '/'), ACT_SEARCH);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, 'a'), ACT_PLAN);
	assert_int_equal(keys_action(VIEW_CASELOAD, 'a'), ACT_NONE);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, 'd'), ACT_DONE);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, '>'), ACT_STAGE_NEXT);
	assert_int_equal(keys_action(VIEW_PARTICIPANT, 'J'), ACT_JOB);
	assert_int_equal(keys_action(VIEW_DASHBOARD, '\t'), ACT_NEXT_VIEW);
	assert_int_equal(keys_action(VIEW_HELP, KEY_F(1)), ACT_VIEW_CASELOAD);
	assert_int_equal(keys_action(VIEW_CASELOAD, 12), ACT_REFRESH);
	assert_int_equal(keys_action(VIEW_CASELOAD, 'Z'), ACT_NONE);
}

/* No key does two things in one view. */
static void no_collision(void **state)
{
	size_t n;
	const struct binding *b = keys_table(&n);

	(void)state;
	for (int v = 0; v < VIEW_COUNT; v++)
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++) {
				if (!(b[i].views & b[j].views & VIEW_BIT(v)))
					continue;
				for (int ki = 0; ki < 5 && b[i].keys[ki]; ki++)
					for (int kj = 0;
					     kj < 5 && b[j].keys[kj]; kj++)
						if (b[i].keys[ki] ==
						    b[j].keys[kj])
							fail_msg("view %d: key "
								 "%d "
								 "bound twice",
								 v,
								 b[i].keys[ki]);
			}
}

static void hint_bar(void **state)
{
	char buf[512];
	struct hint_focus f = { .n_lead = 0 };

	(void)state;
	keys_hint_bar(VIEW_CASELOAD, 100, NULL, buf, sizeof buf);
	assert_non_null(strstr(buf, "? help"));
	assert_non_null(strstr(buf, "q quit"));
	assert_non_null(strstr(buf, "/ search"));
	assert_true(text_width(buf) <= 100);
	/* Narrow: the essential hints stay, the others give way. */
	keys_hint_bar(VIEW_PARTICIPANT, 40, NULL, buf, sizeof buf);
	assert_true(text_width(buf) <= 40);
	assert_non_null(strstr(buf, "? help"));
	assert_non_null(strstr(buf, "Esc q back"));
	/* Keys hinted on focus only: not without it. */
	keys_hint_bar(VIEW_PARTICIPANT, 200, NULL, buf, sizeof buf);
	assert_null(strstr(buf, "K check-in"));
	assert_non_null(strstr(buf, "J job"));
	/* What the selection calls for comes first, even when narrow; what
	 * it hides is not offered. */
	hint_focus_lead(&f, ACT_CHECKIN);
	hint_focus_lead(&f, ACT_CHECKIN);
	hint_focus_hide(&f, ACT_JOB);
	keys_hint_bar(VIEW_PARTICIPANT, 60, &f, buf, sizeof buf);
	assert_true(strncmp(buf, "K check-in", 10) == 0);
	assert_null(strstr(buf + 1, "K check-in"));
	assert_null(strstr(buf, "J job"));
	assert_non_null(strstr(buf, "? help"));
	assert_true(text_width(buf) <= 60);
}

static void times(void **state)
{
	int m = -5;

	(void)state;
	assert_true(input_parse_time("10:30", &m));
	assert_int_equal(m, 630);
	assert_true(input_parse_time("9h05", &m));
	assert_int_equal(m, 545);
	assert_true(input_parse_time("14h", &m));
	assert_int_equal(m, 840);
	assert_true(input_parse_time(" 8 ", &m));
	assert_int_equal(m, 480);
	assert_true(input_parse_time("", &m));
	assert_int_equal(m, APPT_NO_TIME);
	m = 1;
	assert_false(input_parse_time("25:00", &m));
	assert_false(input_parse_time("10:7", &m));
	assert_false(input_parse_time("10:60", &m));
	assert_false(input_parse_time("ten", &m));
	assert_false(input_parse_time("10:30pm", &m));
	assert_int_equal(m, 1);
}

static void numbers(void **state)
{
	long h = -1;

	(void)state;
	assert_true(input_parse_number("35", &h));
	assert_int_equal(h, 3500);
	assert_true(input_parse_number("17,5", &h));
	assert_int_equal(h, 1750);
	assert_true(input_parse_number("24.25", &h));
	assert_int_equal(h, 2425);
	assert_false(input_parse_number("", &h));
	assert_false(input_parse_number("35h", &h));
	assert_false(input_parse_number("-3", &h));
}

/* Every move keeps the selection inside the list and on a page of 10;
 * the counts of what is out of view add up. Checked against a model:
 * after any sequence of moves, top <= sel < top + page and sel < n. */
static void list_moves(void **state)
{
	static const enum action moves[] = { ACT_DOWN,	    ACT_UP,
					     ACT_PAGE_DOWN, ACT_PAGE_UP,
					     ACT_TOP,	    ACT_BOTTOM };
	struct list l = { 0 };
	unsigned seed = 7;

	(void)state;
	list_fit(&l, 0, 10);
	assert_false(list_move(&l, ACT_OPEN, 10));
	assert_true(list_move(&l, ACT_DOWN, 10));
	assert_int_equal(l.sel, 0);
	list_fit(&l, 25, 10);
	assert_true(list_move(&l, ACT_BOTTOM, 10));
	assert_int_equal(l.sel, 24);
	assert_int_equal(l.top, 15);
	assert_int_equal(list_above(&l), 15);
	assert_int_equal(list_below(&l, 10), 0);
	assert_true(list_move(&l, ACT_PAGE_UP, 10));
	assert_int_equal(l.sel, 14);
	assert_int_equal(l.top, 14);
	for (int i = 0; i < 5000; i++) {
		seed = seed * 1103515245u + 12345u;
		if (i % 97 == 0)
			list_fit(&l, (seed >> 8) % 40, 10); /* rows come and go */
		list_move(&l, moves[(seed >> 16) % 6], 10);
		if (l.n == 0) {
			assert_int_equal(l.sel, 0);
			continue;
		}
		assert_true(l.sel < l.n);
		assert_true(l.top <= l.sel && l.sel < l.top + 10);
		assert_int_equal(list_above(&l) + list_below(&l, 10) +
					 (l.n - l.top < 10 ? l.n - l.top : 10),
				 l.n);
	}
}

/* After an edit moved the selected item out of view, it comes back a
 * third down the page, with the items above it shown; in view, nothing
 * moves. Before, the item came back at the top edge, hiding the urgent
 * rows above it. */
static void list_following(void **state)
{
	struct list l = { .n = 100, .sel = 50, .top = 45 };

	(void)state;
	list_follow(&l, 100, 20);
	assert_int_equal(l.top, 45);
	l.sel = 10; /* the participant moved up, above the screen */
	list_follow(&l, 100, 20);
	assert_int_equal(l.top, 4);
	assert_true(l.sel >= l.top && l.sel < l.top + 20);
	l.sel = 3;
	l.top = 40;
	list_follow(&l, 100, 20);
	assert_int_equal(l.top, 0);
	l.sel = 99; /* to the end: the last page, full */
	list_follow(&l, 100, 20);
	assert_int_equal(l.top, 80);
	l.sel = 7; /* the list shrank under it */
	l.top = 60;
	list_follow(&l, 5, 20);
	assert_int_equal(l.sel, 4);
	assert_int_equal(l.top, 0);
	/* Scrolling a text: the top line moves, down to the last page. */
	l = (struct list){ .n = 50, .sel = 0 };
	assert_true(list_scroll(&l, ACT_BOTTOM, 20));
	assert_int_equal(l.top, 30);
	assert_true(list_scroll(&l, ACT_DOWN, 20));
	assert_int_equal(l.top, 30);
	assert_true(list_scroll(&l, ACT_HALF_UP, 20));
	assert_int_equal(l.top, 20);
	assert_false(list_scroll(&l, ACT_OPEN, 20));
	/* Half pages. */
	l = (struct list){ .n = 100, .sel = 0 };
	assert_true(list_move(&l, ACT_HALF_DOWN, 20));
	assert_int_equal(l.sel, 10);
	assert_true(list_move(&l, ACT_HALF_UP, 20));
	assert_int_equal(l.sel, 0);
}

/* Appending with a separator, cut on a character's boundary when the
 * buffer is full. */
static void appending(void **state)
{
	char buf[11] = "";

	(void)state;
	text_appendf(buf, sizeof buf, " · ", "%s", "un");
	assert_string_equal(buf, "un");
	text_appendf(buf, sizeof buf, " · ", "%s", "été");
	/* "un · " is 6 bytes, "été" 5 more: 10 bytes hold "un · ét" and
	 * half an "é", which goes. */
	assert_string_equal(buf, "un · ét");
	text_appendf(buf, sizeof buf, " · ", "%s", "x");
	assert_true(strlen(buf) < sizeof buf);
}

static void list_more_text(void **state)
{
	struct list l = { 0 };
	char buf[64];

	(void)state;
	list_fit(&l, 5, 10);
	assert_string_equal(list_more(&l, 10, buf, sizeof buf), "");
	list_fit(&l, 30, 10);
	assert_string_equal(list_more(&l, 10, buf, sizeof buf), "↓ 20 more");
	list_select(&l, 15, 10);
	assert_string_equal(list_more(&l, 10, buf, sizeof buf),
			    "↑ 6 · ↓ 14 more");
	list_select(&l, 29, 10);
	assert_string_equal(list_more(&l, 10, buf, sizeof buf), "↑ 20 more");
	/* A list that shrank under the screen shows its last page whole. */
	list_fit(&l, 12, 10);
	assert_int_equal(l.sel, 11);
	assert_int_equal(l.top, 2);
}

/* The text of a line, checked and freed. */
static void line_is(const struct input_line *l, const char *want)
{
	char *text = input_line_text(l);

	assert_non_null(text);
	assert_string_equal(text, want);
	free(text);
}

/* A line being typed: combining marks stay with their letter, as typed. */
static void line_typing(void **state)
{
	struct input_line l = { 0 };
	const wchar_t *typed = L"Nguye\x0302\x0303n";

	(void)state;
	assert_true(input_line_set(&l, NULL));
	for (const wchar_t *c = typed; *c; c++)
		assert_true(input_line_insert(&l, *c));
	line_is(&l, "Nguye\xcc\x82\xcc\x83n");
	assert_int_equal(input_line_columns(&l, 0, l.len), 6);
	/* One step back crosses the n; the next, e and both its marks. */
	input_line_do(&l, INPUT_LEFT);
	input_line_do(&l, INPUT_LEFT);
	assert_int_equal(l.cur, 4);
	/* A mark typed in the middle joins the letter before the cursor. */
	input_line_do(&l, INPUT_LEFT);
	assert_true(input_line_insert(&l, 0x0301));
	line_is(&l, "Ngu\xcc\x81ye\xcc\x82\xcc\x83n");
	assert_int_equal(l.cur, 4);
	/* Erasing takes a letter with its marks. */
	input_line_do(&l, INPUT_END);
	input_line_do(&l, INPUT_LEFT);
	input_line_do(&l, INPUT_DEL_PREV);
	line_is(&l, "Ngu\xcc\x81yn");
	input_line_do(&l, INPUT_HOME);
	input_line_do(&l, INPUT_DEL_NEXT);
	line_is(&l, "gu\xcc\x81yn");
	assert_false(input_line_insert(&l, L'\t'));
	assert_false(input_line_insert(&l, 0x9B));
	input_line_do(&l, INPUT_CLEAR);
	line_is(&l, "");
	assert_false(input_line_do(&l, INPUT_DEL_PREV));
	/* Trailing blanks go; invalid bytes read as U+FFFD. */
	assert_true(input_line_set(&l, "dix heures  "));
	line_is(&l, "dix heures");
	assert_true(input_line_set(&l, "a\xff"));
	line_is(&l, "a\xef\xbf\xbd");
	input_line_free(&l);
}

/* The box shows the cursor, as much as fits before it, and never half of
 * a wide character. */
static void line_scrolling(void **state)
{
	struct input_line l = { 0 };
	int used;
	char note[700];

	(void)state;
	assert_true(input_line_set(&l, "dix heures"));
	input_line_scroll(&l, 6);
	/* The cursor at the end takes a cell: five letters before it. */
	assert_int_equal(l.left, 5);
	input_line_do(&l, INPUT_HOME);
	input_line_scroll(&l, 6);
	assert_int_equal(l.left, 0);
	assert_int_equal(input_line_fit(&l, 0, 6, &used), 6);
	assert_int_equal(used, 6);
	/* Wide characters: 東京 takes 4 columns; 3 columns hold one. */
	assert_true(input_line_set(&l, "a東京"));
	assert_int_equal(input_line_fit(&l, 0, 4, &used), 2);
	assert_int_equal(used, 3);
	input_line_scroll(&l, 4);
	/* The cursor's cell and 京 (2) fit; 東 would not. */
	assert_int_equal(l.left, 2);
	input_line_do(&l, INPUT_LEFT);
	input_line_scroll(&l, 4);
	assert_int_equal(l.left, 1);
	/* A 600-character note: the cursor is in the box wherever it goes. */
	for (int i = 0; i < 600; i++)
		note[i] = (char)('a' + i % 26);
	note[600] = '\0';
	assert_true(input_line_set(&l, note));
	input_line_scroll(&l, 60);
	assert_int_equal(l.left, 541);
	input_line_do(&l, INPUT_HOME);
	input_line_insert(&l, L'X');
	input_line_scroll(&l, 60);
	assert_int_equal(l.left, 0);
	assert_int_equal(l.cur, 1);
	for (int i = 0; i < 300; i++)
		input_line_do(&l, INPUT_RIGHT);
	input_line_scroll(&l, 60);
	assert_true(l.left <= l.cur &&
		    input_line_columns(&l, l.left, l.cur) < 60);
	assert_int_equal(l.len, 601);
	input_line_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(fitting),
		cmocka_unit_test(fitting_small_buffer),
		cmocka_unit_test(upper),
		cmocka_unit_test(key_dispatch),
		cmocka_unit_test(no_collision),
		cmocka_unit_test(hint_bar),
		cmocka_unit_test(times),
		cmocka_unit_test(numbers),
		cmocka_unit_test(list_moves),
		cmocka_unit_test(list_following),
		cmocka_unit_test(appending),
		cmocka_unit_test(list_more_text),
		cmocka_unit_test(line_typing),
		cmocka_unit_test(line_scrolling),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

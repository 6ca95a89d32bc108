/* view_help.c: every key of the view the user came from. */
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>

static const char *const view_names[VIEW_COUNT] = {
	[VIEW_CASELOAD] = N_("Caseload"),
	[VIEW_AGENDA] = N_("Agenda"),
	[VIEW_DASHBOARD] = N_("Dashboard"),
	[VIEW_PARTICIPANT] = N_("Participant"),
	[VIEW_HELP] = N_("Help"),
};

/* The bindings of the view help is about, in table order. */
static int lines_for(enum view_id v, const struct binding **out, int max)
{
	size_t n;
	const struct binding *b = keys_table(&n);
	int k = 0;

	for (size_t i = 0; i < n && k < max; i++)
		if (b[i].views & VIEW_BIT(v))
			out[k++] = &b[i];
	return k;
}

void view_help_draw(struct tui *t)
{
	const struct binding *lines[64];
	int n = lines_for(t->help_of, lines, 64), page = LINES - 6;
	char title[200];

	tui_draw_frame(t, _("Help"));
	snprintf(title, sizeof title, _("Keys of the %s view"),
		 _(view_names[t->help_of]));
	ui_put(stdscr, 1, 1, COLS - 2, title, STYLE_HEADER);
	ui_rule(stdscr, 2);
	if (t->help_top > n - page)
		t->help_top = n - page > 0 ? n - page : 0;
	for (int i = 0; i < page && t->help_top + i < n; i++) {
		const struct binding *b = lines[t->help_top + i];

		ui_put(stdscr, 3 + i, 2, 10, _(b->label), STYLE_TITLE);
		ui_put(stdscr, 3 + i, 13, COLS - 15, _(b->help), STYLE_NORMAL);
	}
}

void view_help_handle(struct tui *t, enum action a)
{
	switch (a) {
	case ACT_BACK:
		t->view = t->help_of;
		break;
	case ACT_DOWN:
		t->help_top++;
		break;
	case ACT_UP:
	case ACT_TOP:
		t->help_top =
			a == ACT_TOP || t->help_top == 0 ? 0 : t->help_top - 1;
		break;
	case ACT_PAGE_DOWN:
	case ACT_BOTTOM:
		t->help_top += a == ACT_BOTTOM ? 1000 : LINES - 6;
		break;
	case ACT_PAGE_UP:
		t->help_top =
			t->help_top > LINES - 6 ? t->help_top - (LINES - 6) : 0;
		break;
	default:
		break;
	}
}

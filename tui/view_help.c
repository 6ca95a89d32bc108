/* view_help.c: every key of the view the user came from. */
#include "export.h"
#include "format.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>

/* The view's own state. */
struct help_view {
	enum view_id of;  /* the view whose keys are shown */
	struct list list; /* over its bindings; the top line is selected */
};

/* The bindings of view `v`, in table order. */
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

/* After the keys: a blank line, the markers, then each flag; the FSE
 * flags (issue 13) join once the interface has their wording. */
#define LEGEND_LINES (2 + FLAG_FSE_SURVEY_OVERDUE)

/* Legend line `i`: its left part (a marker, or what the list says) and
 * what it means. */
static void legend_line(int i, char *left, size_t ln, char *right, size_t rn)
{
	struct flag fl = { .days = 45, .count = 30 };
	struct rules_summary one = { .n_flags = 1 };
	char shown[128];

	left[0] = right[0] = '\0';
	if (i == 0)
		return;
	if (i == 1) {
		snprintf(left, ln, "%s", _("▲ ● ★"));
		snprintf(right, rn, "%s",
			 _("overdue · due soon · ready for a step"));
		return;
	}
	fl.kind = (enum flag_kind)(i - 2);
	if (fl.kind == FLAG_READY_TO_EXIT || fl.kind == FLAG_VALIDATE_EXIT)
		fl.count = 6;
	one.flags[0] = fl;
	format_flag_short(&fl, shown, sizeof shown);
	snprintf(left, ln, "%s %s", format_marker(&one), shown);
	snprintf(right, rn, "%s (%s)", export_flag_label(fl.kind),
		 rules_flag_name(fl.kind));
	/* The name scripts see, when there is room for it. */
	if (text_width(right) > COLS - 25)
		snprintf(right, rn, "%s", export_flag_label(fl.kind));
}

static int page_size(void)
{
	return LINES - 6;
}

static bool enter(struct tui *t, void *data, enum view_id from,
		  const struct view_target *to)
{
	struct help_view *v = data;
	const struct binding *lines[64];

	(void)t;
	(void)to;
	if (from == VIEW_HELP)
		return true;
	v->of = from;
	v->list = (struct list){ .n = (size_t)lines_for(from, lines, 64) +
				      LEGEND_LINES };
	return true;
}

static void draw(struct tui *t, void *data)
{
	struct help_view *v = data;
	const struct binding *lines[64];
	int keys = lines_for(v->of, lines, 64), page = page_size();
	int n = keys + LEGEND_LINES;
	char title[200];

	tui_draw_frame(t, _("Help"));
	snprintf(title, sizeof title, _("Keys of the %s view"),
		 _(tui_views[v->of]->title));
	ui_put(stdscr, 1, 1, COLS - 2, title, STYLE_HEADER);
	ui_rule(stdscr, 2);
	/* The list scrolls by its top line: the selection is the top. */
	v->list.n = (size_t)n;
	v->list.top = v->list.sel;
	list_fit(&v->list, v->list.n, page);
	v->list.sel = v->list.top;
	for (int i = 0; i < page && (int)v->list.top + i < n; i++) {
		int k = (int)v->list.top + i;
		char left[160], right[200];

		if (k < keys) {
			ui_put(stdscr, 3 + i, 2, 10, _(lines[k]->label),
			       STYLE_TITLE);
			ui_put(stdscr, 3 + i, 13, COLS - 15, _(lines[k]->help),
			       STYLE_NORMAL);
			continue;
		}
		/* The legend: what the markers and the "to do" words say. */
		legend_line(k - keys, left, sizeof left, right, sizeof right);
		ui_put(stdscr, 3 + i, 2, 20, left, STYLE_TITLE);
		ui_put(stdscr, 3 + i, 23, COLS - 25, right, STYLE_NORMAL);
	}
	list_draw_more(&v->list, page, 2, COLS - 1);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct help_view *v = data;

	if (a == ACT_BACK) {
		tui_show(t, v->of, NULL);
		return;
	}
	/* Scrolling: the top line moves, down to the last page. */
	list_scroll(&v->list, a, page_size());
}

const struct view view_help = {
	.id = VIEW_HELP,
	.title = N_("Help"),
	.shown_by = ACT_HELP,
	.state_size = sizeof(struct help_view),
	.enter = enter,
	.draw = draw,
	.handle = handle,
};

/* view_dashboard.c: the figures: stages, flags, entries and exits. */
#include "dialogs.h"
#include "export.h"
#include "format.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line that opens the participants behind it in the caseload. */
struct item {
	struct view_target to;
	size_t count;
};

/* The view's own state: the lines that open, as last drawn. */
struct dashboard_view {
	struct item *items;
	size_t cap;
	struct list list; /* over items */
};

/* Add a line that opens `to`; false (nothing added) when out of room. */
static bool add_item(struct dashboard_view *v, struct view_target to,
		     size_t count)
{
	if (v->list.n >= v->cap)
		return false;
	v->items[v->list.n++] = (struct item){ .to = to, .count = count };
	return true;
}

/* Draw the cursor on line `y` when the line just added is the selected
 * one, `sel`: true then. */
static bool cursor(const struct dashboard_view *v, size_t sel, int y)
{
	if (v->list.n == 0 || sel != v->list.n - 1)
		return false;
	mvchgat(y, 0, COLS, ui_style(STYLE_SELECTED), 0, NULL);
	ui_put(stdscr, y, 0, 1, "›", STYLE_SELECTED);
	return true;
}

static void draw(struct tui *t, void *data)
{
	struct dashboard_view *v = data;
	size_t sel = v->list.sel;
	size_t n_stages = t->config->n_stages;
	size_t *per_stage = calloc(n_stages + 1, sizeof *per_stage);
	size_t flags[FLAG_COUNT] = { 0 }, current = 0, max = 1, after_exit = 0;
	size_t shown = 0, busy = 0; /* kinds to show, with someone */
	int y0, limit = LINES - 6;
	size_t entries = 0, exits = 0, positive = 0;
	int year, m, d, y = 1, label_w = 0, bar_w;
	pdate jan1;
	char line[400];

	tui_draw_frame(t, NULL);
	if (per_stage == NULL)
		return;
	/* The lines that open: stages, flags, the follow-up after exit. */
	if (v->cap < n_stages + FLAG_COUNT + 1) {
		struct item *grown = realloc(
			v->items, (n_stages + FLAG_COUNT + 1) * sizeof *grown);

		if (grown == NULL) {
			free(per_stage);
			return;
		}
		v->items = grown;
		v->cap = n_stages + FLAG_COUNT + 1;
	}
	/* The lines are counted again as they are drawn, the cursor on
	 * the selected one when it is reached. */
	v->list.n = 0;
	date_to_ymd(t->today, &year, &m, &d);
	jan1 = date_from_ymd(year, 1, 1);
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];
		const struct participant *p = &e->file.p;

		entries += summary_entered(p, jan1, t->today);
		if (p->status == STATUS_EXITED) {
			if (summary_left(p, jan1, t->today)) {
				exits++;
				positive += summary_exit_positive(t->config, p);
			}
			/* Their flags count: the follow-up's of those left at
			 * hiring, the six-months survey's of the others. */
			after_exit += rules_after_exit(t->config, p);
			for (size_t k = 0; k < e->summary.n_flags; k++)
				flags[e->summary.flags[k].kind]++;
			continue;
		}
		current++;
		per_stage[e->stage_index == CASELOAD_NO_STAGE
				  ? n_stages
				  : e->stage_index]++;
		for (size_t k = 0; k < e->summary.n_flags; k++)
			flags[e->summary.flags[k].kind]++;
	}
	for (size_t s = 0; s <= n_stages; s++) {
		if (per_stage[s] > max)
			max = per_stage[s];
		if (s < n_stages) {
			int w = text_width(t->config->stages[s].short_label) +
				3;

			if (w > label_w)
				label_w = w;
		}
	}
	bar_w = COLS - label_w - 12;

	snprintf(line, sizeof line,
		 _("Participants per stage: %zu (target %d)"), current,
		 t->config->caseload_target);
	ui_put(stdscr, y++, 1, COLS - 2, line, STYLE_HEADER);
	for (size_t s = 0; s <= n_stages; s++) {
		char label[160], bar[1024] = "";
		size_t len = per_stage[s] * (size_t)bar_w / max;

		bool on = false;

		if (s == n_stages && per_stage[s] == 0)
			break;
		if (s < n_stages && y < LINES - 3 &&
		    add_item(v, (struct view_target){ .stage = s + 1 },
			     per_stage[s])) {
			on = cursor(v, sel, y);
		}
		if (s < n_stages)
			snprintf(label, sizeof label, "%zu %s", s + 1,
				 t->config->stages[s].short_label);
		else
			snprintf(label, sizeof label, "%s", _("? unknown"));
		for (size_t k = 0; k < len && strlen(bar) + 4 < sizeof bar; k++)
			strcat(bar, "█");
		ui_put(stdscr, y, 2, label_w, label,
		       on ? STYLE_SELECTED : STYLE_NORMAL);
		ui_put(stdscr, y, 2 + label_w, (int)len, bar, STYLE_HEADER);
		snprintf(label, sizeof label, " %zu", per_stage[s]);
		ui_put(stdscr, y, 2 + label_w + (int)len, 8, label,
		       STYLE_TITLE);
		y++;
	}
	y++;
	ui_put(stdscr, y++, 1, COLS - 2, _("Needing attention"), STYLE_HEADER);
	y0 = y;
	/* Every kind when they fit; else those with someone to see, so
	 * that none with someone is ever cut. */
	for (int k = 0; k < FLAG_COUNT; k++) {
		shown += rules_flag_enabled(t->config, (enum flag_kind)k) &&
			 (flags[k] > 0 ||
			  (k != FLAG_WORK_LOST && k != FLAG_VALIDATE_EXIT));
		busy += rules_flag_enabled(t->config, (enum flag_kind)k) &&
			flags[k] > 0;
	}
	/* Those with someone to see before the year's figures below. */
	if ((int)busy > LINES - 6 - y0)
		limit = LINES - 3;
	for (int k = 0; k < FLAG_COUNT && y < limit; k++) {
		struct flag f = { .kind = (enum flag_kind)k, .days = 1 };

		if (!rules_flag_enabled(t->config, (enum flag_kind)k))
			continue;
		/* The follow-up after exit only when someone is in it. */
		if (flags[k] == 0 &&
		    (k == FLAG_WORK_LOST || k == FLAG_VALIDATE_EXIT))
			continue;
		if (flags[k] == 0 && (int)shown > LINES - 6 - y0)
			continue;

		bool on = false;

		if (add_item(v, (struct view_target){ .flag = k + 1 },
			     flags[k])) {
			on = cursor(v, sel, y);
		}
		format_flag_count((enum flag_kind)k, flags[k], line,
				  sizeof line);
		ui_put(stdscr, y++, 2, COLS - 4, line,
		       on	  ? STYLE_SELECTED
		       : flags[k] ? format_flag_style(&f)
				  : STYLE_DIM);
	}
	y++;
	snprintf(line, sizeof line,
		 _("%d: %zu entries · %zu exits, %zu positive"), year, entries,
		 exits, positive);
	if (exits > 0) {
		size_t len = strlen(line);

		snprintf(line + len, sizeof line - len, _(" (%zu %%)"),
			 (positive * 100 + exits / 2) / exits);
	}
	if (y < LINES - 3)
		ui_put(stdscr, y++, 1, COLS - 2, line, STYLE_TITLE);
	snprintf(line, sizeof line,
		 _("Caseload %zu for a target of %d (%zu %%)"), current,
		 t->config->caseload_target,
		 (current * 100 + (size_t)t->config->caseload_target / 2) /
			 (size_t)t->config->caseload_target);
	if (y < LINES - 2)
		ui_put(stdscr, y++, 1, COLS - 2, line, STYLE_NORMAL);
	if (after_exit > 0 && y < LINES - 2) {
		bool on = false;

		if (add_item(v, (struct view_target){ .stage = n_stages + 1 },
			     after_exit)) {
			on = cursor(v, sel, y);
		}
		snprintf(line, sizeof line,
			 P_("%zu left at hiring, followed in work until "
			    "validated",
			    "%zu left at hiring, followed in work until "
			    "validated",
			    after_exit),
			 after_exit);
		ui_put(stdscr, y++, 1, COLS - 2, line,
		       on ? STYLE_SELECTED : STYLE_NORMAL);
	}
	list_fit(&v->list, v->list.n, (int)v->list.n);
	free(per_stage);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct dashboard_view *v = data;

	if (a == ACT_EXPORT) {
		dialog_export(t);
	} else if (a == ACT_BACK) {
		tui_go_home(t);
	} else if (a == ACT_OPEN && v->list.sel < v->list.n) {
		const struct item *it = &v->items[v->list.sel];

		if (it->count == 0)
			tui_message(t, STYLE_DIM, "%s",
				    _("Nobody on this line."));
		else
			tui_show(t, VIEW_CASELOAD, &it->to);
	} else {
		list_move(&v->list, a, (int)v->list.n);
	}
}

static void release(void *data)
{
	struct dashboard_view *v = data;

	free(v->items);
}

const struct view view_dashboard = {
	.id = VIEW_DASHBOARD,
	.title = N_("Dashboard"),
	.tab = true,
	.shown_by = ACT_VIEW_DASHBOARD,
	.state_size = sizeof(struct dashboard_view),
	.release = release,
	.draw = draw,
	.handle = handle,
};

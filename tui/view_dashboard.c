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

static void draw(struct tui *t, void *data)
{
	size_t n_stages = t->config->n_stages;
	size_t *per_stage = calloc(n_stages + 1, sizeof *per_stage);
	size_t flags[FLAG_COUNT] = { 0 }, current = 0, max = 1, after_exit = 0;
	size_t entries = 0, exits = 0, positive = 0;
	int year, m, d, y = 1, label_w = 0, bar_w;
	pdate jan1;
	char line[400];

	(void)data;
	tui_draw_frame(t, NULL);
	if (per_stage == NULL)
		return;
	date_to_ymd(t->today, &year, &m, &d);
	jan1 = date_from_ymd(year, 1, 1);
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];
		const struct participant *p = &e->file.p;

		if (p->entry_date >= jan1 && p->entry_date <= t->today)
			entries++;
		if (p->status == STATUS_EXITED) {
			if (p->exit_date >= jan1 && p->exit_date <= t->today) {
				exits++;
				positive += summary_exit_positive(t->config, p);
			}
			/* Left at hiring: their follow-up's flags count. */
			if (rules_after_exit(t->config, p)) {
				after_exit++;
				for (size_t k = 0; k < e->summary.n_flags; k++)
					flags[e->summary.flags[k].kind]++;
			}
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

	snprintf(line, sizeof line, _("Participants per stage (%zu of %d)"),
		 current, t->config->caseload_target);
	ui_put(stdscr, y++, 1, COLS - 2, line, STYLE_HEADER);
	for (size_t s = 0; s <= n_stages; s++) {
		char label[160], bar[1024] = "";
		size_t len = per_stage[s] * (size_t)bar_w / max;

		if (s == n_stages && per_stage[s] == 0)
			break;
		if (s < n_stages)
			snprintf(label, sizeof label, "%zu %s", s + 1,
				 t->config->stages[s].short_label);
		else
			snprintf(label, sizeof label, "%s", _("? unknown"));
		for (size_t k = 0; k < len && strlen(bar) + 4 < sizeof bar; k++)
			strcat(bar, "█");
		ui_put(stdscr, y, 2, label_w, label, STYLE_NORMAL);
		ui_put(stdscr, y, 2 + label_w, (int)len, bar, STYLE_HEADER);
		snprintf(label, sizeof label, " %zu", per_stage[s]);
		ui_put(stdscr, y, 2 + label_w + (int)len, 8, label,
		       STYLE_TITLE);
		y++;
	}
	y++;
	ui_put(stdscr, y++, 1, COLS - 2, _("Needing attention"), STYLE_HEADER);
	for (int k = 0; k < FLAG_COUNT && y < LINES - 6; k++) {
		struct flag f = { .kind = (enum flag_kind)k, .days = 1 };

		/* The follow-up after exit only when someone is in it. */
		if (flags[k] == 0 &&
		    (k == FLAG_WORK_LOST || k == FLAG_VALIDATE_EXIT))
			continue;

		snprintf(line, sizeof line, "%4zu  %s", flags[k],
			 export_flag_label((enum flag_kind)k));
		ui_put(stdscr, y++, 2, COLS - 4, line,
		       flags[k] ? format_flag_style(&f) : STYLE_DIM);
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
		snprintf(line, sizeof line,
			 P_("%zu left at hiring, followed in work until "
			    "validated",
			    "%zu left at hiring, followed in work until "
			    "validated",
			    after_exit),
			 after_exit);
		ui_put(stdscr, y++, 1, COLS - 2, line, STYLE_NORMAL);
	}
	free(per_stage);
}

static void handle(struct tui *t, void *data, enum action a)
{
	(void)data;
	if (a == ACT_EXPORT)
		dialog_export(t);
	else if (a == ACT_BACK)
		tui_go_home(t);
}

const struct view view_dashboard = {
	.id = VIEW_DASHBOARD,
	.title = N_("Dashboard"),
	.tab = true,
	.shown_by = ACT_VIEW_DASHBOARD,
	.draw = draw,
	.handle = handle,
};

/* view_agenda.c: the week's appointments across the caseload, late first. */
#include "dialogs.h"
#include "error.h"
#include "format.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>

/* How far ahead the agenda looks, in days after today. */
#define AGENDA_DAYS 7

/* Columns: marker, date ("vendredi 27/11/2026"), time, name, the rest. */
#define DATE_W 21
#define TIME_X (4 + DATE_W + 1)
#define NAME_X (TIME_X + 7)

/* One line of the agenda: an appointment of a caseload entry. */
struct agenda_row {
	size_t entry;
	size_t appt;
};

/* The view's own state. */
struct agenda_view {
	struct agenda_row *rows;
	struct list list; /* over rows */
};

static int cmp_rows(const void *x, const void *y, void *arg)
{
	const struct tui *t = arg;
	const struct agenda_row *ra = x, *rb = y;
	const struct appointment *a =
		&t->cl.entries[ra->entry].file.appts[ra->appt];
	const struct appointment *b =
		&t->cl.entries[rb->entry].file.appts[rb->appt];

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	return caseload_compare_name(&t->cl.entries[ra->entry],
				     &t->cl.entries[rb->entry]);
}

static int page_size(void)
{
	return LINES - 6;
}

static void rebuild(struct tui *t, void *data)
{
	struct agenda_view *v = data;
	size_t n = 0, shown = 0;
	struct agenda_row *rows;

	for (size_t i = 0; i < t->cl.n; i++)
		n += t->cl.entries[i].file.n_appts;
	rows = realloc(v->rows, (n ? n : 1) * sizeof *rows);
	if (rows == NULL) {
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	v->rows = rows;
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct participant_file *f = &t->cl.entries[i].file;

		if (f->p.status == STATUS_EXITED)
			continue;
		for (size_t k = 0; k < f->n_appts; k++) {
			const struct appointment *a = &f->appts[k];

			/* Late ones (planned, in the past) and the week. */
			if (a->status != APPT_PLANNED ||
			    a->date > t->today + AGENDA_DAYS)
				continue;
			rows[shown].entry = i;
			rows[shown].appt = k;
			shown++;
		}
	}
	/* Sorted by date: the late ones come first by themselves. */
	qsort_r(rows, shown, sizeof *rows, cmp_rows, t);
	list_fit(&v->list, shown, page_size());
}

static void draw(struct tui *t, void *data)
{
	struct agenda_view *v = data;
	size_t late = 0, today = 0;
	char line[300], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	int page = page_size();
	int wname = (COLS - NAME_X) * 45 / 100;

	for (size_t r = 0; r < v->list.n; r++) {
		pdate d = t->cl.entries[v->rows[r].entry]
				  .file.appts[v->rows[r].appt]
				  .date;

		late += d < t->today;
		today += d == t->today;
	}
	tui_draw_frame(t, NULL);
	snprintf(line, sizeof line,
		 _("Appointments from %s to %s · %zu today · %zu late"),
		 cli_date(t->today, d1), cli_date(t->today + AGENDA_DAYS, d2),
		 today, late);
	ui_put(stdscr, 1, 1, COLS - 2, line, STYLE_NORMAL);
	ui_rule(stdscr, 2);
	ui_put(stdscr, 3, 4, DATE_W, _("Date"), STYLE_HEADER);
	ui_put(stdscr, 3, TIME_X, 6, _("Time"), STYLE_HEADER);
	ui_put(stdscr, 3, NAME_X, wname, _("Name"), STYLE_HEADER);
	ui_put(stdscr, 3, NAME_X + wname + 1, COLS - NAME_X - wname - 2,
	       _("Appointment"), STYLE_HEADER);
	list_fit(&v->list, v->list.n, page);
	for (int i = 0; i < page && v->list.top + (size_t)i < v->list.n; i++) {
		size_t r = v->list.top + (size_t)i;
		const struct caseload_entry *e =
			&t->cl.entries[v->rows[r].entry];
		const struct appointment *a = &e->file.appts[v->rows[r].appt];
		bool sel = r == v->list.sel, is_late = a->date < t->today;
		enum ui_style st = sel			 ? STYLE_SELECTED
				   : is_late		 ? STYLE_OVERDUE
				   : a->date == t->today ? STYLE_TITLE
							 : STYLE_NORMAL;
		char name[256], hm[16], what[256], when[64];
		int y = 4 + i;

		if (sel)
			mvchgat(y, 0, COLS, ui_style(STYLE_SELECTED), 0, NULL);
		format_name(&e->file.p, name, sizeof name);
		format_time(a->minute, hm, sizeof hm);
		if (a->date == t->today)
			snprintf(when, sizeof when, "%s", _("today"));
		else
			format_long_date(a->date, when, sizeof when);
		snprintf(what, sizeof what, "%s · %s%s", a->kind ? a->kind : "",
			 format_appt_mode(a->mode),
			 is_late ? _(" · no outcome") : "");
		ui_put(stdscr, y, 0, 4, is_late ? " ▲" : "", st);
		ui_put(stdscr, y, 4, TIME_X - 4,
		       is_late ? cli_date(a->date, d1) : when, st);
		ui_put(stdscr, y, TIME_X, NAME_X - TIME_X, hm, st);
		ui_put(stdscr, y, NAME_X, wname + 1, name, st);
		ui_put(stdscr, y, NAME_X + wname + 1, COLS - NAME_X - wname - 2,
		       what, st);
	}
	list_draw_more(&v->list, page, 2, COLS - 1);
	if (v->list.n == 0)
		ui_put(stdscr, 5, 4, COLS - 8,
		       _("Nothing planned this week, and nothing late."),
		       STYLE_DIM);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct agenda_view *v = data;

	switch (a) {
	case ACT_OPEN:
		if (v->list.sel < v->list.n) {
			const struct agenda_row *r = &v->rows[v->list.sel];
			const struct caseload_entry *e =
				&t->cl.entries[r->entry];
			struct view_target to = {
				.pid = e->file.p.id,
				.appt_id = e->file.appts[r->appt].id,
			};

			tui_open(t, &to);
		}
		break;
	case ACT_EXPORT:
		dialog_export(t);
		break;
	case ACT_BACK:
		tui_go_home(t);
		break;
	default:
		list_move(&v->list, a, page_size());
		break;
	}
}

static void release(void *data)
{
	struct agenda_view *v = data;

	free(v->rows);
}

const struct view view_agenda = {
	.id = VIEW_AGENDA,
	.title = N_("Agenda"),
	.tab = true,
	.shown_by = ACT_VIEW_AGENDA,
	.state_size = sizeof(struct agenda_view),
	.release = release,
	.rebuild = rebuild,
	.draw = draw,
	.handle = handle,
};

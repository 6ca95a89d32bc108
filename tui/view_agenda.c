/* view_agenda.c: the week's appointments across the caseload, late first. */
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

void view_agenda_rebuild(struct tui *t)
{
	size_t n = 0;
	struct agenda_row *rows;

	for (size_t i = 0; i < t->cl.n; i++)
		n += t->cl.entries[i].file.n_appts;
	rows = realloc(t->agenda, (n ? n : 1) * sizeof *rows);
	if (rows == NULL)
		return;
	t->agenda = rows;
	t->n_agenda = 0;
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
			rows[t->n_agenda].entry = i;
			rows[t->n_agenda].appt = k;
			t->n_agenda++;
		}
	}
	/* Sorted by date: the late ones come first by themselves. */
	qsort_r(rows, t->n_agenda, sizeof *rows, cmp_rows, t);
	if (t->agenda_sel >= t->n_agenda)
		t->agenda_sel = t->n_agenda ? t->n_agenda - 1 : 0;
}

static int page_size(void)
{
	return LINES - 6;
}

void view_agenda_draw(struct tui *t)
{
	size_t late = 0, today = 0;
	char line[300], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	int page = page_size();
	int wname = (COLS - NAME_X) * 45 / 100;

	for (size_t r = 0; r < t->n_agenda; r++) {
		pdate d = t->cl.entries[t->agenda[r].entry]
				  .file.appts[t->agenda[r].appt]
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
	tui_move_selection(ACT_NONE, t->n_agenda, page, &t->agenda_sel,
			   &t->agenda_top);
	for (int i = 0; i < page && t->agenda_top + (size_t)i < t->n_agenda;
	     i++) {
		size_t r = t->agenda_top + (size_t)i;
		const struct caseload_entry *e =
			&t->cl.entries[t->agenda[r].entry];
		const struct appointment *a = &e->file.appts[t->agenda[r].appt];
		bool sel = r == t->agenda_sel, is_late = a->date < t->today;
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
	if (t->n_agenda == 0)
		ui_put(stdscr, 5, 4, COLS - 8,
		       _("Nothing planned this week, and nothing late."),
		       STYLE_DIM);
}

void view_agenda_handle(struct tui *t, enum action a)
{
	switch (a) {
	case ACT_OPEN:
		if (t->agenda_sel < t->n_agenda) {
			const struct agenda_row *r = &t->agenda[t->agenda_sel];

			tui_open_participant(t,
					     t->cl.entries[r->entry].file.p.id);
			t->appt_sel = r->appt;
		}
		break;
	case ACT_BACK:
		t->view = VIEW_CASELOAD;
		break;
	default:
		tui_move_selection(a, t->n_agenda, page_size(), &t->agenda_sel,
				   &t->agenda_top);
		break;
	}
}

/*
 * view_agenda.c: seven days of the caseload's appointments and in-work
 * check-ins, the late ones first; outcomes are recorded from it, one line
 * or a whole day at a time.
 */
#include "dialogs.h"
#include "error.h"
#include "form_dialog.h"
#include "format.h"
#include "i18n.h"
#include "reminder.h"
#include "rules.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The days one page of the agenda covers: a week, from today on. */
#define AGENDA_DAYS 7
/* How far < and > go, either way: ten years of weeks. */
#define AGENDA_MAX_WEEKS 520

/* The columns: a marker, the date, the time, the name, what it is. */
#define DATE_X 4
#define TIME_W 5

enum row_kind { ROW_APPT, ROW_CHECKIN };

/*
 * One line of the agenda. `entry` and `index` hold until the next
 * rebuild; pid with appt or offset find the line again after it.
 */
struct agenda_row {
	enum row_kind kind;
	size_t entry;  /* in t->cl */
	uint64_t pid;  /* the participant */
	uint64_t appt; /* ROW_APPT: the appointment's id */
	size_t index;  /* ROW_APPT: its place in the participant's file */
	int offset;    /* ROW_CHECKIN: days after the follow-up's start */
	bool held;     /* ROW_CHECKIN: held, on `date` */
	pdate date;    /* the appointment's; the check-in's due or held */
	int minute;    /* APPT_NO_TIME for a check-in */
};

/* The view's own state. */
struct agenda_view {
	struct agenda_row *rows;
	struct list list; /* over rows */
	int week;	  /* 0: from today, with what is late; 1: the next */
	/* Only the appointments to remind (!): planned from tomorrow to
	 * reminder_until(), not reminded yet. */
	bool remind_only;
};

static int page_size(void)
{
	return LINES - 6;
}

/* The first and last day of the page shown. */
static pdate first_day(const struct tui *t, const struct agenda_view *v)
{
	if (v->remind_only)
		return t->today + 1;
	return t->today + v->week * AGENDA_DAYS;
}

static pdate last_day(const struct tui *t, const struct agenda_view *v)
{
	if (v->remind_only)
		return reminder_until(t->today, t->config->reminder_days);
	return first_day(t, v) + AGENDA_DAYS - 1;
}

/* An appointment of the reminders' list: to come, not reminded yet. */
static bool to_remind(const struct participant *p, const struct appointment *a)
{
	return reminder_due(p, a);
}

static const struct appointment *row_appt(const struct tui *t,
					  const struct agenda_row *r)
{
	return &t->cl.entries[r->entry].file.appts[r->index];
}

/* Late: planned and past, or a check-in not held and past its day. */
static bool row_late(const struct tui *t, const struct agenda_row *r)
{
	if (r->date >= t->today)
		return false;
	if (r->kind == ROW_CHECKIN)
		return !r->held;
	return row_appt(t, r)->status == APPT_PLANNED;
}

static bool same_line(const struct agenda_row *a, const struct agenda_row *b)
{
	return a->kind == b->kind && a->pid == b->pid &&
	       (a->kind == ROW_APPT ? a->appt == b->appt
				    : a->offset == b->offset);
}

/* By day, the appointments before the check-ins, by time, by name. */
static int cmp_rows(const void *x, const void *y, void *arg)
{
	const struct tui *t = arg;
	const struct agenda_row *a = x, *b = y;
	int c;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	c = caseload_compare_name(&t->cl.entries[a->entry],
				  &t->cl.entries[b->entry]);
	if (c != 0)
		return c;
	if (a->pid != b->pid)
		return a->pid < b->pid ? -1 : 1;
	if (a->kind == ROW_APPT)
		return a->appt < b->appt ? -1 : a->appt > b->appt;
	return a->offset - b->offset;
}

/* Whether the in-work follow-up of `e` still asks for check-ins: for one
 * who left at hiring, not once the work was lost or the exit is to
 * validate (the rules stop there). */
static bool followed(const struct caseload_entry *e)
{
	if (e->file.p.status != STATUS_EXITED)
		return true;
	if (!participant_exit_pending(&e->file.p))
		return false;
	for (size_t k = 0; k < e->summary.n_flags; k++)
		if (e->summary.flags[k].kind == FLAG_WORK_LOST ||
		    e->summary.flags[k].kind == FLAG_VALIDATE_EXIT)
			return false;
	return true;
}

/*
 * The check-ins of entry i on the page, at rows + *n: those due or held
 * in its days and, on the first page, the first one overdue, as the
 * rules flag it.
 */
static void add_checkins(struct tui *t, struct agenda_view *v, size_t i,
			 struct agenda_row *rows, size_t *n)
{
	const struct participant_file *f = &t->cl.entries[i].file;
	pdate from = first_day(t, v), to = last_day(t, v);
	struct rules_followup fu;
	bool overdue_seen = false;

	if (!followed(&t->cl.entries[i]) ||
	    !rules_followup(t->config, f, t->today, &fu))
		return;
	for (size_t k = 0; k < t->config->n_checkins; k++) {
		int off = t->config->checkin_days[k];
		pdate held = rules_checkin_held(f, &fu, off);
		pdate day = held != DATE_NONE ? held : fu.start + off;
		bool shown = day >= from && day <= to;

		if (held == DATE_NONE && day < t->today) {
			shown = shown || (v->week == 0 && !overdue_seen);
			overdue_seen = true;
		}
		if (!shown)
			continue;
		rows[*n] = (struct agenda_row){ .kind = ROW_CHECKIN,
						.entry = i,
						.pid = f->p.id,
						.offset = off,
						.held = held != DATE_NONE,
						.date = day,
						.minute = APPT_NO_TIME };
		(*n)++;
	}
}

static void rebuild(struct tui *t, void *data)
{
	struct agenda_view *v = data;
	pdate from = first_day(t, v), to = last_day(t, v);
	struct agenda_row was = { .kind = ROW_APPT }, *rows;
	bool had = v->list.sel < v->list.n;
	size_t cap = 0, n = 0;

	/* The selected line, to find again wherever it moved. */
	if (had)
		was = v->rows[v->list.sel];
	for (size_t i = 0; i < t->cl.n; i++)
		cap += t->cl.entries[i].file.n_appts + t->config->n_checkins;
	rows = realloc(v->rows, (cap ? cap : 1) * sizeof *rows);
	if (rows == NULL) {
		/* The old lines point into a caseload that changed. */
		list_fit(&v->list, 0, page_size());
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	v->rows = rows;
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct participant_file *f = &t->cl.entries[i].file;

		/* Those who left have nothing planned any more; those left at
		 * hiring still have their check-ins. */
		if (f->p.status != STATUS_EXITED) {
			for (size_t k = 0; k < f->n_appts; k++) {
				const struct appointment *a = &f->appts[k];
				bool late = v->week == 0 && !v->remind_only &&
					    a->status == APPT_PLANNED &&
					    a->date < t->today;

				if (!late && (a->date < from || a->date > to))
					continue;
				if (v->remind_only && !to_remind(&f->p, a))
					continue;
				rows[n++] = (struct agenda_row){
					.kind = ROW_APPT,
					.entry = i,
					.pid = f->p.id,
					.appt = a->id,
					.index = k,
					.date = a->date,
					.minute = a->minute,
				};
			}
		}
		if (!v->remind_only)
			add_checkins(t, v, i, rows, &n);
	}
	/* By date: the late ones come first by themselves. */
	qsort_r(rows, n, sizeof *rows, cmp_rows, t);
	v->list.n = n;
	for (size_t r = 0; had && r < n; r++) {
		if (same_line(&rows[r], &was)) {
			v->list.sel = r;
			break;
		}
	}
	list_fit(&v->list, n, page_size());
}

/* Show the page of `week` from its first line. */
static void show_week(struct tui *t, struct agenda_view *v, int week)
{
	if (week > AGENDA_MAX_WEEKS || week < -AGENDA_MAX_WEEKS)
		return;
	v->week = week;
	v->list = (struct list){ 0 };
	rebuild(t, v);
}

/* Append " · piece" to line when it still fits in `width` columns. */
static void add_piece(char *line, size_t size, int width, const char *piece)
{
	size_t len = strlen(line);
	char more[128];

	snprintf(more, sizeof more, " · %s", piece);
	if (text_width(line) + text_width(more) <= width &&
	    len + strlen(more) < size)
		memcpy(line + len, more, strlen(more) + 1);
}

static void draw_heading(struct tui *t, const struct agenda_view *v)
{
	size_t late = 0, today = 0, appts = 0, checkins = 0;
	char line[400], piece[128], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	int width = COLS - 2;

	for (size_t r = 0; r < v->list.n; r++) {
		const struct agenda_row *row = &v->rows[r];

		late += row_late(t, row);
		if (row->kind == ROW_CHECKIN) {
			checkins += !row->held;
			continue;
		}
		if (row_appt(t, row)->status == APPT_CANCELLED)
			continue;
		appts++;
		today += row->date == t->today;
	}
	cli_date(first_day(t, v), d1);
	cli_date(last_day(t, v), d2);
	if (v->remind_only) {
		snprintf(line, sizeof line,
			 P_("To remind: %zu appointment from %s to %s",
			    "To remind: %zu appointments from %s to %s", appts),
			 appts, d1, d2);
		add_piece(line, sizeof line, width,
			  _("R reminds, ! shows all"));
	} else if (v->week == 0) {
		snprintf(line, sizeof line,
			 _("Appointments from %s to %s · %zu today · %zu late"),
			 d1, d2, today, late);
	} else {
		snprintf(line, sizeof line, _("Appointments from %s to %s"), d1,
			 d2);
		if (v->week == 1)
			snprintf(piece, sizeof piece, "%s", _("next week"));
		else if (v->week == -1)
			snprintf(piece, sizeof piece, "%s", _("last week"));
		else if (v->week > 0)
			snprintf(piece, sizeof piece, _("in %d weeks"),
				 v->week);
		else
			snprintf(piece, sizeof piece, _("%d weeks ago"),
				 -v->week);
		add_piece(line, sizeof line, width, piece);
		snprintf(piece, sizeof piece,
			 P_("%zu appointment", "%zu appointments", appts),
			 appts);
		add_piece(line, sizeof line, width, piece);
		if (late > 0) {
			snprintf(piece, sizeof piece, _("%zu late"), late);
			add_piece(line, sizeof line, width, piece);
		}
	}
	if (checkins > 0) {
		snprintf(piece, sizeof piece,
			 P_("%zu check-in", "%zu check-ins", checkins),
			 checkins);
		add_piece(line, sizeof line, width, piece);
	}
	ui_put(stdscr, 1, 1, width, line, STYLE_NORMAL);
}

/* The date column of a row: "today", a weekday and date, or the date
 * alone for what is late from before the page's days. */
static void row_when(const struct tui *t, const struct agenda_view *v,
		     const struct agenda_row *r, char *buf, size_t size)
{
	char d[DATE_BUFSZ];

	if (r->date == t->today)
		snprintf(buf, size, "%s", _("today"));
	else if (r->date < first_day(t, v))
		snprintf(buf, size, "%s", cli_date(r->date, d));
	else
		format_long_date(r->date, buf, size);
}

/* What a row is: the appointment's kind, mode (unless with_mode is
 * false) and outcome, or the check-in. */
static void row_what(const struct tui *t, const struct agenda_row *r, bool late,
		     bool with_mode, char *buf, size_t size)
{
	char held[64], status[64];
	const struct appointment *a;
	const char *outcome = "";

	if (r->kind == ROW_CHECKIN) {
		if (r->held) {
			/* Held on the line's day: done, as an appointment. */
			snprintf(held, sizeof held, _("check-in D+%d"),
				 r->offset);
			snprintf(buf, size, "%s · %s", held,
				 format_appt_status(APPT_DONE));
		} else {
			snprintf(buf, size,
				 late ? _("check-in D+%d late")
				      : _("check-in D+%d"),
				 r->offset);
		}
		return;
	}
	a = row_appt(t, r);
	if (late) {
		outcome = _(" · no outcome");
	} else if (a->status != APPT_PLANNED) {
		snprintf(status, sizeof status, " · %s",
			 format_appt_status(a->status));
		outcome = status;
	} else if (a->reminded != DATE_NONE) {
		outcome = _(" · reminded");
	}
	if (with_mode)
		snprintf(buf, size, "%s · %s%s",
			 format_appt_kind(t->config, a->kind),
			 format_appt_mode(a->mode), outcome);
	else
		snprintf(buf, size, "%s%s",
			 format_appt_kind(t->config, a->kind), outcome);
}

static void draw(struct tui *t, void *data)
{
	struct agenda_view *v = data;
	char when[64], name[256], hm[16], what[256];
	int page = page_size(), date_w, name_w, time_x, name_x, what_x, rest;
	bool with_mode = true;

	/* Columns as wide as the longest date of a week and the longest
	 * name of the caseload, the same from one week to the next; the
	 * name up to 45 % of what is left after the date and time. */
	date_w = text_width(_("Date"));
	name_w = text_width(_("Name"));
	for (int k = 0; k < AGENDA_DAYS; k++) {
		format_long_date(t->today + k, when, sizeof when);
		if (text_width(when) > date_w)
			date_w = text_width(when);
	}
	for (size_t i = 0; i < t->cl.n; i++) {
		if (!followed(&t->cl.entries[i]))
			continue;
		format_name(&t->cl.entries[i].file.p, name, sizeof name);
		if (text_width(name) > name_w)
			name_w = text_width(name);
	}
	time_x = DATE_X + date_w + 2;
	name_x = time_x + TIME_W + 2;
	rest = COLS - name_x - 1;
	if (name_w > rest * 45 / 100)
		name_w = rest * 45 / 100;
	what_x = name_x + name_w + 2;
	/* The mode gives way on every line of the page when one line's
	 * outcome would be cut. */
	list_fit(&v->list, v->list.n, page);
	for (int i = 0; i < page && v->list.top + (size_t)i < v->list.n; i++) {
		const struct agenda_row *row = &v->rows[v->list.top + i];

		row_what(t, row, row_late(t, row), true, what, sizeof what);
		if (text_width(what) > COLS - what_x - 1)
			with_mode = false;
	}

	tui_draw_frame(t, NULL);
	draw_heading(t, v);
	ui_rule(stdscr, 2);
	ui_put(stdscr, 3, DATE_X, date_w, _("Date"), STYLE_HEADER);
	ui_put(stdscr, 3, time_x, TIME_W + 1, _("Time"), STYLE_HEADER);
	ui_put(stdscr, 3, name_x, name_w, _("Name"), STYLE_HEADER);
	ui_put(stdscr, 3, what_x, COLS - what_x - 1, _("What"), STYLE_HEADER);
	for (int i = 0; i < page && v->list.top + (size_t)i < v->list.n; i++) {
		size_t r = v->list.top + (size_t)i;
		const struct agenda_row *row = &v->rows[r];
		bool sel = r == v->list.sel, late = row_late(t, row);
		bool recorded =
			row->kind == ROW_CHECKIN
				? row->held
				: row_appt(t, row)->status != APPT_PLANNED;
		enum ui_style st = sel			   ? STYLE_SELECTED
				   : late		   ? STYLE_OVERDUE
				   : recorded		   ? STYLE_DIM
				   : row->date == t->today ? STYLE_TITLE
							   : STYLE_NORMAL;
		int y = 4 + i;

		if (sel)
			mvchgat(y, 0, COLS, ui_style(STYLE_SELECTED), 0, NULL);
		row_when(t, v, row, when, sizeof when);
		format_name(&t->cl.entries[row->entry].file.p, name,
			    sizeof name);
		format_time(row->minute, hm, sizeof hm);
		row_what(t, row, late, with_mode, what, sizeof what);
		ui_put(stdscr, y, 0, DATE_X, late ? " ▲" : "", st);
		ui_put(stdscr, y, DATE_X, time_x - DATE_X, when, st);
		ui_put(stdscr, y, time_x, name_x - time_x, hm, st);
		ui_put(stdscr, y, name_x, what_x - name_x, name, st);
		ui_put(stdscr, y, what_x, COLS - what_x - 1, what, st);
	}
	list_draw_more(&v->list, page, 2, COLS - 1);
	if (v->list.n == 0)
		ui_put(stdscr, 5, DATE_X, COLS - 2 * DATE_X,
		       v->remind_only ? _("Nothing to remind: every "
					  "appointment of these days was.")
		       : v->week == 0
			       ? _("Nothing planned this week, and nothing "
				   "late.")
			       : _("Nothing planned these days."),
		       STYLE_DIM);
}

/* The selected line, or NULL (with a message) when there is none. */
static const struct agenda_row *selected(struct tui *t, struct agenda_view *v)
{
	if (v->list.sel < v->list.n)
		return &v->rows[v->list.sel];
	tui_message(t, STYLE_ERROR, "%s", _("No line selected."));
	return NULL;
}

/* d, m, c on the selected line: the appointment's outcome, as in the
 * participant view; d on a check-in records it. */
static void outcome(struct tui *t, struct agenda_view *v,
		    enum appointment_status status)
{
	const struct agenda_row *r = selected(t, v);
	const struct caseload_entry *e;

	if (r == NULL)
		return;
	e = &t->cl.entries[r->entry];
	if (r->kind == ROW_APPT)
		dialog_outcome(t, e, r->index, status);
	else if (status == APPT_DONE)
		dialog_checkin(t, e);
	else
		tui_message(t, STYLE_ERROR, "%s",
			    _("A check-in is recorded once held: d or K."));
}

/* The line of appointment `appt` of `pid`, or SIZE_MAX. */
static size_t find_appt(const struct agenda_view *v, uint64_t pid,
			uint64_t appt)
{
	for (size_t r = 0; r < v->list.n; r++)
		if (v->rows[r].kind == ROW_APPT && v->rows[r].pid == pid &&
		    v->rows[r].appt == appt)
			return r;
	return SIZE_MAX;
}

/* One appointment the day's pass asks about. */
struct pass_item {
	uint64_t pid, appt;
};

/*
 * Ask for the outcome of one appointment of the day's pass, line `r`,
 * the `i`th of `n`: true with *status set (APPT_PLANNED: left as it is),
 * false when the referent stops.
 */
static bool pass_ask(struct tui *t, struct agenda_view *v, size_t r, size_t i,
		     size_t n, enum appointment_status *status)
{
	static const enum appointment_status answers[] = {
		APPT_DONE, APPT_MISSED, APPT_CANCELLED, APPT_PLANNED
	};
	const struct agenda_row *row = &v->rows[r];
	const struct appointment *a = row_appt(t, row);
	const char *items[4];
	char title[400], name[256], hm[16], d[DATE_BUFSZ];
	size_t choice = 0;

	for (size_t k = 0; k < 3; k++)
		items[k] = format_appt_status(answers[k]);
	items[3] = _("leave it without an outcome");
	format_name(&t->cl.entries[row->entry].file.p, name, sizeof name);
	format_time(a->minute, hm, sizeof hm);
	snprintf(title, sizeof title, "%zu/%zu · %s %s · %s · %s", i + 1, n,
		 cli_date(a->date, d), hm, name,
		 format_appt_kind(t->config, a->kind));
	/* The line asked about is the selected one, near the top of the
	 * list, above the pick list in the middle of the screen. */
	v->list.sel = r;
	v->list.top = r > 0 ? r - 1 : 0;
	list_fit(&v->list, v->list.n, page_size());
	tui_draw(t);
	if (!form_dialog_pick(t, title, items, 4, &choice))
		return false;
	*status = answers[choice];
	return true;
}

/*
 * D: the appointments of the selected line's day still without an
 * outcome, one after the other: done, missed, cancelled, or left as
 * they are. Each answer is written at once; Esc stops, and what was
 * written stays.
 */
static void pass_day(struct tui *t, struct agenda_view *v)
{
	const struct agenda_row *sel = selected(t, v);
	struct pass_item *todo;
	size_t n = 0, recorded = 0;
	char d[DATE_BUFSZ], msg[256];
	bool failed = false;
	pdate day;

	if (sel == NULL)
		return;
	day = sel->date;
	cli_date(day, d);
	if (day > t->today) {
		tui_message(t, STYLE_ERROR,
			    _("The appointments of %s are still to come: "
			      "their outcome is recorded from that day."),
			    d);
		return;
	}
	todo = malloc((v->list.n ? v->list.n : 1) * sizeof *todo);
	if (todo == NULL) {
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	for (size_t r = 0; r < v->list.n; r++) {
		const struct agenda_row *row = &v->rows[r];

		if (row->kind == ROW_APPT && row->date == day &&
		    row_appt(t, row)->status == APPT_PLANNED)
			todo[n++] = (struct pass_item){ row->pid, row->appt };
	}
	if (n == 0) {
		tui_message(t, STYLE_ERROR,
			    _("No appointment of %s is without an outcome."),
			    d);
		free(todo);
		return;
	}
	for (size_t i = 0; i < n && !tui_interrupted(); i++) {
		/* Each write reads the participant again: find the line
		 * anew, and pass over one another window recorded. */
		size_t r = find_appt(v, todo[i].pid, todo[i].appt);
		enum appointment_status status;
		char *cause = NULL;
		int rc;

		if (r == SIZE_MAX ||
		    row_appt(t, &v->rows[r])->status != APPT_PLANNED)
			continue;
		if (!pass_ask(t, v, r, i, n, &status))
			break;
		if (status == APPT_PLANNED)
			continue;
		rc = edit_appointment_outcome(t->store, &t->ctx, todo[i].appt,
					      status, NULL, &cause);
		if (rc != PC_OK) {
			tui_fail(t, rc, cause);
			failed = true;
			break;
		}
		recorded++;
		tui_refresh_participant(t, todo[i].pid);
	}
	free(todo);
	if (failed)
		return;
	snprintf(msg, sizeof msg,
		 P_("%zu appointment of %s recorded",
		    "%zu appointments of %s recorded", recorded),
		 recorded, d);
	if (recorded < n) {
		size_t len = strlen(msg);

		snprintf(msg + len, sizeof msg - len,
			 P_(" · %zu left without an outcome",
			    " · %zu left without an outcome", n - recorded),
			 n - recorded);
	}
	/* A failed read of the participant already said so. */
	if (t->message[0] == '\0')
		tui_message(t, STYLE_OK, "%s", msg);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct agenda_view *v = data;
	const struct agenda_row *r;

	switch (a) {
	case ACT_OPEN:
		if (v->list.sel < v->list.n) {
			struct view_target to = {
				.pid = v->rows[v->list.sel].pid
			};

			if (v->rows[v->list.sel].kind == ROW_APPT)
				to.appt_id = v->rows[v->list.sel].appt;
			tui_open(t, &to);
		}
		break;
	case ACT_DONE:
		outcome(t, v, APPT_DONE);
		break;
	case ACT_MISSED:
		outcome(t, v, APPT_MISSED);
		break;
	case ACT_CANCELLED:
		outcome(t, v, APPT_CANCELLED);
		break;
	case ACT_CHECKIN:
		if ((r = selected(t, v)) != NULL)
			dialog_checkin(t, &t->cl.entries[r->entry]);
		break;
	case ACT_LETTER:
		if ((r = selected(t, v)) != NULL)
			dialog_letter(t, &t->cl.entries[r->entry],
				      r->kind == ROW_APPT ? r->appt : 0);
		break;
	case ACT_PASS_DAY:
		pass_day(t, v);
		break;
	case ACT_REMIND_ONLY:
		v->remind_only = !v->remind_only;
		show_week(t, v, 0);
		break;
	case ACT_REMIND:
		if ((r = selected(t, v)) == NULL)
			break;
		if (r->kind != ROW_APPT)
			tui_message(t, STYLE_ERROR, "%s",
				    _("A check-in is not reminded: R on an "
				      "appointment."));
		else
			dialog_remind(t, &t->cl.entries[r->entry], r->index);
		break;
	case ACT_WEEK_NEXT:
		v->remind_only = false;
		show_week(t, v, v->week + 1);
		break;
	case ACT_WEEK_PREV:
		v->remind_only = false;
		show_week(t, v, v->week - 1);
		break;
	case ACT_WEEK_TODAY:
		v->remind_only = false;
		show_week(t, v, 0);
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

/* The selected line calls for its keys: a check-in's K, an
 * appointment's outcome once its day has come; the list to remind, R
 * and ! to leave it, first (at 80 columns, the others push them out). */
static void hints(struct tui *t, void *data, struct hint_focus *focus)
{
	struct agenda_view *v = data;
	const struct agenda_row *r;

	if (v->remind_only) {
		if (v->list.sel < v->list.n)
			hint_focus_lead(focus, ACT_REMIND);
		hint_focus_lead(focus, ACT_REMIND_ONLY);
	}
	if (v->list.sel >= v->list.n)
		return;
	r = &v->rows[v->list.sel];
	if (r->kind == ROW_CHECKIN) {
		hint_focus_lead(focus, ACT_CHECKIN);
		hint_focus_hide(focus, ACT_DONE);
		hint_focus_hide(focus, ACT_MISSED);
		hint_focus_hide(focus, ACT_CANCELLED);
	} else if (r->date > t->today) {
		hint_focus_hide(focus, ACT_DONE);
		hint_focus_hide(focus, ACT_MISSED);
	}
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
	.hints = hints,
};

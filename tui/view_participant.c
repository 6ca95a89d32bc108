/* view_participant.c: everything about one participant, and the actions. */
#include "dialogs.h"
#include "format.h"
#include "summary.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The view's own state. */
struct participant_view {
	uint64_t pid;	   /* 0 when none was opened */
	enum view_id back; /* where Esc goes */
	struct list appts; /* over the participant's appointments */
	int appt_page;	   /* appointment lines at the last draw */
};

/* The identity line, with as much as `level` keeps: 0 everything, 1
 * without the months since entry, 2 without the birth date either. */
static void identity_line(const struct tui *t, const struct participant *p,
			  int level, char *line, size_t size)
{
	char name[256], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	int months = 0;
	size_t len;

	format_name(p, name, sizeof name);
	/* The time in the PLIE stops at the exit. */
	if (p->entry_date != DATE_NONE)
		months = ((p->status == STATUS_EXITED &&
			   p->exit_date != DATE_NONE
				   ? p->exit_date
				   : t->today) -
			  p->entry_date) *
			 12 / 365;
	snprintf(line, size, "%s", name);
	len = strlen(line);
	if (p->birth_date != DATE_NONE && level < 2)
		snprintf(line + len, size - len, _(" · born %s"),
			 cli_date(p->birth_date, d1));
	len = strlen(line);
	if (level < 1 && months > 0) /* "(0 months)" says nothing */
		snprintf(line + len, size - len,
			 P_(" · entered %s (%d month)",
			    " · entered %s (%d months)", months),
			 cli_date(p->entry_date, d2), months);
	else
		snprintf(line + len, size - len, _(" · entered %s"),
			 cli_date(p->entry_date, d2));
}

/* What shows at the right of the identity line, in `form` 0 (long) or 1
 * (short): the most pressing flag, or the exit. "" for nothing. */
static void header_state(const struct config *c,
			 const struct caseload_entry *e, int form, char *shown,
			 size_t size)
{
	const struct participant *p = &e->file.p;
	char reason[160], d[DATE_BUFSZ];

	shown[0] = '\0';
	if (e->summary.n_flags > 0) {
		if (form == 0)
			format_flag_long(&e->summary.flags[0], reason,
					 sizeof reason);
		else
			format_flag_short(&e->summary.flags[0], reason,
					  sizeof reason);
		snprintf(shown, size, "%s %s", format_marker(&e->summary),
			 reason);
	} else if (p->status == STATUS_EXITED) {
		snprintf(shown, size,
			 rules_after_exit(c, p)
				 ? _("left at hiring on %s · in work")
				 : _("left on %s"),
			 cli_date(p->exit_date, d));
	}
}

/*
 * The first line: who, and what is most pressing at the right. When it
 * does not fit, things give way in this order: the flag's long wording
 * for its short one, the months since entry, the birth date; dates are
 * never cut.
 */
static void draw_identity(struct tui *t, const struct caseload_entry *e)
{
	const struct participant *p = &e->file.p;
	char line[512], shown[200];
	char publics[256] = "";
	int x, w, level = 0, form = 0;

	for (;;) {
		identity_line(t, p, level, line, sizeof line);
		header_state(t->config, e, form, shown, sizeof shown);
		x = text_width(line) + 2;
		w = text_width(shown);
		if (x + w + 2 <= COLS || level == 2)
			break;
		if (form == 0)
			form = 1;
		else
			level++;
	}
	ui_put(stdscr, 1, 1, x, line, STYLE_TITLE);
	if (w > COLS - x - 2)
		w = COLS - x - 2;
	if (shown[0] != '\0' && w > 0)
		ui_put(stdscr, 1, COLS - w - 1, w, shown,
		       e->summary.n_flags > 0
			       ? format_summary_style(&e->summary)
			       : STYLE_DIM);
	/* Publics by their labels, then the contacts. */
	for (size_t i = 0; i < t->config->n_publics; i++) {
		if (!model_list_has(p->publics, t->config->publics[i].id))
			continue;
		size_t len = strlen(publics);

		snprintf(publics + len, sizeof publics - len, "%s%s",
			 len ? ", " : "", t->config->publics[i].id);
	}
	snprintf(line, sizeof line, _("Publics: %s · Referent: %s · %s%s%s"),
		 publics[0] ? publics : "—", p->referent ? p->referent : "—",
		 p->phone ? p->phone : "", p->phone && p->email ? " " : "",
		 p->email ? p->email : "");
	ui_put(stdscr, 2, 1, COLS - 2, line, STYLE_NORMAL);
}

/* Where an exit stands beyond its date and reason: the hiring, the
 * validation, the work lost. False when there is nothing to say. */
static bool exit_state(const struct config *c, const struct participant *p,
		       int width, char *buf, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (p->exit_lost != DATE_NONE) {
		snprintf(buf, n, _("work lost %s: %s"),
			 cli_date(p->exit_lost, d1),
			 format_job_end_reason(p->exit_lost_reason));
	} else if (rules_after_exit(c, p)) {
		snprintf(buf, n, _("hired %s · awaiting validation (V)"),
			 cli_date(p->exit_hired, d1));
	} else if (p->exit_hired != DATE_NONE &&
		   p->exit_validated == DATE_NONE) {
		snprintf(buf, n, _("hired %s"), cli_date(p->exit_hired, d1));
	} else if (p->exit_hired != DATE_NONE &&
		   p->exit_validated != DATE_NONE) {
		snprintf(buf, n, _("hired %s · validated %s"),
			 cli_date(p->exit_hired, d1),
			 cli_date(p->exit_validated, d2));
		/* Too long for the column: the validation, which counts. */
		if (text_width(buf) > width)
			snprintf(buf, n, _("validated %s"),
				 cli_date(p->exit_validated, d2));
	} else {
		return false;
	}
	return true;
}

/* The left column: stages, job and follow-up, exit, flags. Returns y. */
static int draw_left(struct tui *t, const struct caseload_entry *e, int y,
		     int w, int bottom)
{
	const struct participant_file *f = &e->file;
	const struct job *j = participant_file_current_job(f);
	char line[400], d[DATE_BUFSZ];

	ui_put(stdscr, y++, 1, w, _("Parcours"), STYLE_HEADER);
	/* The last moves, as many as fit with room for what follows. */
	size_t first = f->n_moves > 6 ? f->n_moves - 6 : 0;

	for (size_t i = first; i < f->n_moves && y < bottom; i++) {
		const struct stage_move *m = &f->moves[i];
		pdate until = i + 1 < f->n_moves ? f->moves[i + 1].date
			      : f->p.status == STATUS_EXITED &&
					f->p.exit_date != DATE_NONE
				      ? f->p.exit_date
				      : t->today;
		size_t idx;
		const struct config_stage *st =
			config_stage(t->config, m->stage, &idx);
		char stage[160];

		if (st)
			snprintf(stage, sizeof stage, "%zu %s", idx + 1,
				 st->short_label);
		else
			snprintf(stage, sizeof stage, "? %s", m->stage);
		snprintf(line, sizeof line, "%s  ", cli_date(m->date, d));
		ui_put(stdscr, y, 2, 12, line, STYLE_NORMAL);
		/* The days in the stage give way to the stage's name. */
		snprintf(line, sizeof line, _("%d d"), until - m->date);
		if (text_width(stage) <= w - 14 - text_width(line) - 2) {
			ui_put(stdscr, y, w - text_width(line), text_width(line),
			       line, STYLE_DIM);
		}
		ui_put(stdscr, y, 14,
		       text_width(stage) <= w - 14 - text_width(line) - 2
			       ? w - 14 - text_width(line) - 2
			       : w - 13,
		       stage, i + 1 == f->n_moves ? STYLE_TITLE : STYLE_NORMAL);
		y++;
	}
	y++;
	if (y < bottom)
		ui_put(stdscr, y++, 1, w, _("Job and follow-up"), STYLE_HEADER);
	if (j == NULL && y < bottom) {
		/* J only where it is taken. */
		ui_put(stdscr, y++, 2, w - 1,
		       f->p.status == STATUS_EXITED &&
				       !rules_after_exit(t->config, &f->p)
			       ? "—"
			       : _("— (J records a job start)"),
		       STYLE_DIM);
	} else if (j != NULL) {
		/* The contract, then who; the dates on lines of their own
		 * are never cut. */
		snprintf(line, sizeof line, "%s · %s",
			 format_contract(j->contract),
			 j->employer ? j->employer : "");
		if (y < bottom)
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		snprintf(line, sizeof line, _("since %s · %d h/week"),
			 cli_date(j->start, d), j->weekly_minutes / 60);
		if (y < bottom)
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		if (j->planned_end != DATE_NONE && y < bottom) {
			snprintf(line, sizeof line, _("planned to end %s"),
				 cli_date(j->planned_end, d));
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		}
		/* Other jobs going on at the same time, one line each. */
		for (size_t i = f->n_jobs; i-- > 0 && y < bottom;) {
			const struct job *o = &f->jobs[i];

			if (o == j || o->start == DATE_NONE ||
			    o->ended != DATE_NONE)
				continue;
			snprintf(line, sizeof line, _("also since %s · %d h · %s"),
				 cli_date(o->start, d), o->weekly_minutes / 60,
				 o->employer ? o->employer : "");
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		}
		/* The check-ins of the follow-up the rules follow (the
		 * qualifying run, from its first day), as the flags say. */
		struct rules_followup fu;

		if (!rules_followup(t->config, f, t->today, &fu))
			fu.start = fu.lo = fu.hi = j->start;
		for (size_t i = 0; i < t->config->n_checkins && y < bottom;
		     i++) {
			int off = t->config->checkin_days[i];
			pdate held = rules_checkin_held(f, &fu, off);
			pdate due = fu.start + off;
			enum ui_style st = STYLE_NORMAL;

			if (held != DATE_NONE) {
				snprintf(line, sizeof line,
					 _("D+%-3d ✓ held %s"), off,
					 cli_date(held, d));
				st = STYLE_DIM;
			} else {
				snprintf(line, sizeof line,
					 _("D+%-3d   due %s"), off,
					 cli_date(due, d));
				if (due < t->today)
					st = STYLE_OVERDUE;
				else if (due - t->today <=
					 t->config->checkin_notice_days)
					st = STYLE_SOON;
			}
			ui_put(stdscr, y++, 3, w - 2, line, st);
		}
	}
	if (f->p.status == STATUS_EXITED && y + 1 < bottom) {
		const struct config_exit_reason *r =
			config_exit_reason(t->config, f->p.exit_reason);

		y++;
		ui_put(stdscr, y++, 1, w, _("Exit"), STYLE_HEADER);
		/* The date, then the reason, whole where it fits. */
		snprintf(line, sizeof line, "%s · %s%s",
			 cli_date(f->p.exit_date, d),
			 r ? r->label
			   : (f->p.exit_reason ? f->p.exit_reason : ""),
			 summary_exit_positive(t->config, &f->p)
				 ? _(" (positive)")
				 : "");
		if (text_width(line) > w - 1 && y + 1 < bottom) {
			snprintf(line, sizeof line, "%s%s",
				 cli_date(f->p.exit_date, d),
				 summary_exit_positive(t->config, &f->p)
					 ? _(" (positive)")
					 : "");
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
			snprintf(line, sizeof line, "%s",
				 r ? r->label
				   : (f->p.exit_reason ? f->p.exit_reason
						       : ""));
		}
		ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		if (y < bottom && exit_state(t->config, &f->p, w - 1, line, sizeof line))
			ui_put(stdscr, y++, 2, w - 1, line,
			       rules_after_exit(t->config, &f->p) ? STYLE_SOON
							       : STYLE_DIM);
	}
	if (e->summary.n_flags > 0 && y + 1 < bottom) {
		y++;
		ui_put(stdscr, y++, 1, w, _("To do"), STYLE_HEADER);
		for (size_t i = 0; i < e->summary.n_flags && y < bottom; i++) {
			char reason[160];
			struct rules_summary one = { .n_flags = 1 };

			one.flags[0] = e->summary.flags[i];
			format_flag_long(&e->summary.flags[i], reason,
					 sizeof reason);
			snprintf(line, sizeof line, "%s %s",
				 format_marker(&one), reason);
			/* Too long for the column: what to do, in short. */
			if (text_width(line) > w - 1) {
				format_flag_short(&e->summary.flags[i], reason,
						  sizeof reason);
				snprintf(line, sizeof line, "%s %s",
					 format_marker(&one), reason);
			}
			ui_put(stdscr, y++, 2, w - 1, line,
			       format_flag_style(&e->summary.flags[i]));
		}
	}
	return y;
}

/* A note on one line of a pane: its line breaks and tabs as spaces (the
 * note view shows them). Returns s. */
static char *one_line(char *s)
{
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	return s;
}

/* "28/11" (French) or "11-28": the day and month of d. */
static char *day_month(pdate d, char buf[DATE_BUFSZ])
{
	char full[DATE_BUFSZ];

	cli_date(d, full);
	/* dd/mm/yyyy keeps its start, yyyy-mm-dd its end. */
	if (strlen(full) == 10 && full[2] == '/')
		snprintf(buf, DATE_BUFSZ, "%.5s", full);
	else if (strlen(full) == 10)
		snprintf(buf, DATE_BUFSZ, "%s", full + 5);
	else
		snprintf(buf, DATE_BUFSZ, "%s", full);
	return buf;
}

/* "✉ 28/11" after the kind of an appointment a letter went out about,
 * or "✉" when the column has room for that only. */
static void draw_letter_mark(const struct appointment *a, int x, int y, int w,
			     enum ui_style st, const char *kind)
{
	char mark[32], dm[DATE_BUFSZ];
	int kw = text_width(kind);

	if (a->letter == NULL)
		return;
	snprintf(mark, sizeof mark, "✉ %s", day_month(a->letter_date, dm));
	/* Without room for the date, the envelope alone: the line under
	 * the list says the rest of the selected one. */
	if (kw + 2 + text_width(mark) > w)
		snprintf(mark, sizeof mark, "✉");
	if (kw + 2 + text_width(mark) <= w)
		ui_put(stdscr, y, x + kw + 1, text_width(mark), mark, st);
}

static void draw_appointments(struct tui *t, struct participant_view *v,
			      const struct caseload_entry *e, int x, int y,
			      int w, int rows)
{
	const struct participant_file *f = &e->file;
	size_t top, sel;

	ui_put(stdscr, y++, x, w, _("Appointments"), STYLE_HEADER);
	if (f->n_appts == 0) {
		ui_put(stdscr, y, x + 1, w - 1, _("— (a plans one)"),
		       STYLE_DIM);
		return;
	}
	list_fit(&v->appts, f->n_appts, rows);
	list_draw_more(&v->appts, rows, y - 1, x + w);
	top = v->appts.top;
	sel = v->appts.sel;
	for (int i = 0; i < rows && top + (size_t)i < f->n_appts; i++) {
		size_t k = top + (size_t)i;
		const struct appointment *a = &f->appts[k];
		bool late = a->status == APPT_PLANNED && a->date < t->today;
		char line[300], d[DATE_BUFSZ], hm[16];
		enum ui_style st = k == sel		       ? STYLE_SELECTED
				   : late		       ? STYLE_OVERDUE
				   : a->status == APPT_PLANNED ? STYLE_NORMAL
							       : STYLE_DIM;

		format_time(a->minute, hm, sizeof hm);
		snprintf(line, sizeof line, "%s %-10s %-5s  ", late ? "▲" : " ",
			 cli_date(a->date, d), hm);
		ui_put(stdscr, y + i, x, 20, line, st);
		ui_put(stdscr, y + i, x + 20, w - 33,
		       format_appt_kind(t->config, a->kind), st);
		draw_letter_mark(a, x + 20, y + i, w - 33, st,
				 format_appt_kind(t->config, a->kind));
		ui_put(stdscr, y + i, x + w - 13, 13,
		       late ? _("no outcome") : format_appt_status(a->status),
		       st);
	}
	/* What was sent and written about the selected appointment. */
	if (sel < f->n_appts &&
	    (f->appts[sel].note != NULL || f->appts[sel].letter != NULL)) {
		char line[900], sent[300] = "";

		if (f->appts[sel].letter != NULL) {
			char dm[DATE_BUFSZ];

			/* TRANSLATORS: "convocation sent 28/11"; the first %s
			 * is the template's name, the second day/month. */
			snprintf(sent, sizeof sent, _("✉ %s sent %s"),
				 f->appts[sel].letter,
				 day_month(f->appts[sel].letter_date, dm));
		}
		snprintf(line, sizeof line, "%s%s%s%s", sent,
			 *sent && f->appts[sel].note ? " · " : "",
			 f->appts[sel].note ? "» " : "",
			 f->appts[sel].note ? f->appts[sel].note : "");
		one_line(line);
		if (text_width(line) <= w - 1) {
			ui_put(stdscr, y + rows, x + 1, w - 1, line, STYLE_DIM);
		} else {
			/* Cut: ⏎ reads it whole. */
			ui_put(stdscr, y + rows, x + 1, w - 4, line, STYLE_DIM);
			ui_put(stdscr, y + rows, x + w - 3, 3, " ⏎",
			       STYLE_TITLE);
		}
	}
}

static void draw_notes(const struct caseload_entry *e, int x, int y, int w,
		       int rows)
{
	const struct participant_file *f = &e->file;
	/* The pane shows the newest notes; what is below is signalled. */
	struct list shown = { .n = f->n_notes };

	ui_put(stdscr, y++, x, w, _("Notes"), STYLE_HEADER);
	if (f->n_notes == 0) {
		ui_put(stdscr, y, x + 1, w - 1, _("— (n adds one)"), STYLE_DIM);
		return;
	}
	/* At the right of the heading: what is out of view, and how to
	 * read the notes whole. */
	{
		char more[96], right[200];
		int rw;

		list_more(&shown, rows, more, sizeof more);
		snprintf(right, sizeof right, " %s%s%s ", more,
			 more[0] ? " · " : "", _("v reads them whole"));
		rw = text_width(right);
		if (rw < w - 8)
			ui_put(stdscr, y - 1, x + w - rw, rw, right, STYLE_DIM);
	}
	/* Most recent first. */
	for (int i = 0; i < rows && (size_t)i < f->n_notes; i++) {
		const struct note *n = &f->notes[f->n_notes - 1 - (size_t)i];
		char line[600], d[DATE_BUFSZ];

		snprintf(line, sizeof line, "%s %s", cli_date(n->date, d),
			 n->text ? n->text : "");
		one_line(line);
		ui_put(stdscr, y + i, x, w, line, STYLE_NORMAL);
	}
}

static void draw(struct tui *t, void *data)
{
	struct participant_view *v = data;
	const struct caseload_entry *e = tui_entry(t, v->pid);
	int left_w = COLS * (COLS >= 100 ? 46 : 40) / 100, x = left_w + 3;
	int w = COLS - x - 1;
	int bottom = LINES - 2, appt_rows, note_rows;
	char name[256];

	if (e == NULL) {
		tui_draw_frame(t, NULL);
		return;
	}
	format_name(&e->file.p, name, sizeof name);
	tui_draw_frame(t, name);
	draw_identity(t, e);
	ui_rule(stdscr, 3);
	draw_left(t, e, 4, left_w, bottom);
	for (int y = 4; y < bottom; y++)
		mvaddch(y, left_w + 1, ' ');
	/* Appointments (and the selected one's note), then the notes. */
	appt_rows = (bottom - 4) * 2 / 3 - 2;
	note_rows = bottom - 4 - appt_rows - 4;
	v->appt_page = appt_rows;
	draw_appointments(t, v, e, x, 4, w, appt_rows);
	draw_notes(e, x, 4 + appt_rows + 3, w, note_rows);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct participant_view *v = data;
	const struct caseload_entry *e = tui_entry(t, v->pid);
	size_t sel = v->appts.sel;

	if (e == NULL) {
		tui_show(t, v->back, NULL);
		return;
	}
	list_fit(&v->appts, e->file.n_appts, v->appt_page);
	sel = v->appts.sel;
	switch (a) {
	case ACT_BACK:
		tui_show(t, v->back, NULL);
		break;
	case ACT_PLAN: {
		uint64_t id = dialog_plan(t, e);

		/* Select the appointment just planned. */
		e = tui_entry(t, v->pid);
		for (size_t i = 0; id && e != NULL && i < e->file.n_appts;
		     i++) {
			if (e->file.appts[i].id == id) {
				v->appts.n = e->file.n_appts;
				list_select(&v->appts, i, v->appt_page);
			}
		}
		break;
	}
	case ACT_DONE:
		dialog_outcome(t, e, sel, APPT_DONE);
		break;
	case ACT_MISSED:
		dialog_outcome(t, e, sel, APPT_MISSED);
		break;
	case ACT_CANCELLED:
		dialog_outcome(t, e, sel, APPT_CANCELLED);
		break;
	case ACT_NOTE:
		dialog_note(t, e);
		break;
	case ACT_LETTER:
		dialog_letter(t, e,
			      sel < e->file.n_appts ? e->file.appts[sel].id
						    : 0);
		break;
	case ACT_RESCHEDULE:
		dialog_reschedule(t, e, sel);
		break;
	case ACT_OUTCOME_CORRECT:
		dialog_outcome_correct(t, e, sel);
		break;
	case ACT_NOTE_EDIT:
		dialog_note_edit(t, e);
		break;
	case ACT_NOTE_DELETE:
		dialog_note_delete(t, e);
		break;
	case ACT_EXIT_UNDO:
		dialog_exit_undo(t, e);
		break;
	case ACT_OPEN:
		if (sel < e->file.n_appts) {
			struct view_target to = {
				.pid = v->pid,
				.appt_id = e->file.appts[sel].id,
			};

			tui_show(t, VIEW_NOTE, &to);
		} else {
			tui_message(t, STYLE_ERROR, "%s",
				    _("No appointment yet: a plans one."));
		}
		break;
	case ACT_READ_NOTES: {
		struct view_target to = { .pid = v->pid };

		tui_show(t, VIEW_NOTE, &to);
		break;
	}
	case ACT_STAGE_NEXT:
	case ACT_STAGE_PREV: {
		size_t i = e->stage_index;

		if (i == CASELOAD_NO_STAGE)
			i = 0;
		else if (a == ACT_STAGE_NEXT && i + 1 < t->config->n_stages)
			i++;
		else if (a == ACT_STAGE_PREV && i > 0)
			i--;
		else {
			tui_message(t, STYLE_ERROR, "%s",
				    a == ACT_STAGE_NEXT
					    ? _("Already in the last stage.")
					    : _("Already in the first stage."));
			break;
		}
		dialog_stage(t, e, i);
		break;
	}
	case ACT_STAGE_PICK:
		dialog_stage(t, e, SIZE_MAX);
		break;
	case ACT_JOB:
		dialog_job(t, e);
		break;
	case ACT_JOB_CORRECT:
		dialog_job_correct(t, e);
		break;
	case ACT_JOB_END:
		dialog_job_end(t, e);
		break;
	case ACT_CHECKIN:
		dialog_checkin(t, e);
		break;
	case ACT_EXIT:
		dialog_exit(t, e);
		break;
	case ACT_EXIT_OUTCOME:
		dialog_exit_outcome(t, e);
		break;
	case ACT_FSE:
		dialog_fse(t, e);
		break;
	case ACT_REMIND:
		dialog_remind(t, e, sel);
		break;
	case ACT_EDIT:
		dialog_identity(t, e);
		break;
	case ACT_TRANSFER:
		dialog_transfer(t, e);
		break;
	case ACT_ERASE:
		dialog_erase(t, e);
		break;
	default:
		list_move(&v->appts, a, v->appt_page);
		break;
	}
}

/* Select the first appointment still to record or to come, else the
 * last; or appointment `appt_id` when there is one. */
static void select_appointment(struct participant_view *v,
			       const struct participant_file *f,
			       uint64_t appt_id)
{
	size_t pick = f->n_appts ? f->n_appts - 1 : 0;
	bool found = false;

	for (size_t i = 0; i < f->n_appts && !found; i++) {
		if (appt_id ? f->appts[i].id == appt_id
			    : f->appts[i].status == APPT_PLANNED) {
			pick = i;
			found = true;
		}
	}
	/* The list scrolls to it when drawn. */
	v->appts = (struct list){ .n = f->n_appts, .sel = pick };
}

static bool enter(struct tui *t, void *data, enum view_id from,
		  const struct view_target *to)
{
	struct participant_view *v = data;
	const struct caseload_entry *e =
		tui_entry(t, to != NULL ? to->pid : v->pid);

	if (e == NULL)
		return false;
	if (tui_views[from]->tab)
		v->back = from;
	if (to != NULL) {
		v->pid = to->pid;
		select_appointment(v, &e->file, to->appt_id);
	}
	return true;
}

/* The participant left the caseload (transferred, erased): go back. */
static void rebuild(struct tui *t, void *data)
{
	struct participant_view *v = data;

	if (v->pid == 0 || tui_entry(t, v->pid) != NULL)
		return;
	v->pid = 0;
	if (t->view == VIEW_PARTICIPANT)
		tui_show(t, v->back, NULL);
}

static void init(struct tui *t, void *data)
{
	struct participant_view *v = data;

	v->back = t->view; /* home, until a view opens it */
	v->appt_page = 1;
}

/* What each flag calls for, the most urgent first. */
static enum action flag_action(enum flag_kind k)
{
	switch (k) {
	case FLAG_APPOINTMENT_OVERDUE:
		return ACT_DONE;
	case FLAG_CHECKIN_OVERDUE:
	case FLAG_CHECKIN_DUE:
		return ACT_CHECKIN;
	case FLAG_WORK_LOST:
	case FLAG_VALIDATE_EXIT:
		return ACT_EXIT_OUTCOME;
	case FLAG_NO_SHOW:
	case FLAG_FIRST_APPOINTMENT:
	case FLAG_CONTACT_OVERDUE:
		return ACT_PLAN;
	case FLAG_MAX_DURATION:
	case FLAG_READY_TO_EXIT:
		return ACT_EXIT;
	case FLAG_FSE_ENTRY_INCOMPLETE:
	case FLAG_FSE_SURVEY_DUE:
	case FLAG_FSE_SURVEY_OVERDUE:
		return ACT_FSE;
	default:
		return ACT_NONE;
	}
}

/*
 * The hint bar follows the participant: the keys their flags call for
 * first (K on a late check-in, x at six months, a with nothing planned),
 * the selected appointment's outcomes when it is planned; never what would
 * be refused (J to someone in work, any change to someone who left).
 */
static void hints(struct tui *t, void *data, struct hint_focus *focus)
{
	struct participant_view *v = data;
	const struct caseload_entry *e = tui_entry(t, v->pid);
	const struct participant_file *f;
	bool pending;

	if (e == NULL)
		return;
	f = &e->file;
	pending = rules_after_exit(t->config, &f->p);
	for (size_t i = 0; i < e->summary.n_flags; i++) {
		enum action a = flag_action(e->summary.flags[i].kind);

		if (a == ACT_DONE) {
			hint_focus_lead(focus, ACT_DONE);
			hint_focus_lead(focus, ACT_MISSED);
		} else if (a != ACT_NONE) {
			hint_focus_lead(focus, a);
		}
	}
	/* A planned appointment selected: its outcome once its day has
	 * come; before, move or cancel it. */
	if (v->appts.sel < f->n_appts &&
	    f->appts[v->appts.sel].status == APPT_PLANNED &&
	    f->p.status != STATUS_EXITED) {
		if (f->appts[v->appts.sel].date <= t->today) {
			hint_focus_lead(focus, ACT_DONE);
			hint_focus_lead(focus, ACT_MISSED);
		} else {
			hint_focus_lead(focus, ACT_RESCHEDULE);
			hint_focus_hide(focus, ACT_DONE);
			hint_focus_hide(focus, ACT_MISSED);
		}
		hint_focus_lead(focus, ACT_CANCELLED);
	}
	if (participant_file_current_job(f) != NULL)
		hint_focus_hide(focus, ACT_JOB);
	if (f->p.status == STATUS_EXITED) {
		static const enum action refused[] = {
			ACT_PLAN,	ACT_DONE,	 ACT_MISSED,
			ACT_CANCELLED,	ACT_STAGE_NEXT,	 ACT_RESCHEDULE,
		};
		/* Work goes on being recorded only while followed. */
		static const enum action work[] = { ACT_JOB, ACT_JOB_END,
						    ACT_CHECKIN };

		for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
			hint_focus_hide(focus, refused[i]);
		for (size_t i = 0; !pending && i < sizeof work / sizeof *work;
		     i++)
			hint_focus_hide(focus, work[i]);
		/* An exit recorded by mistake is undone. */
		if (!pending)
			hint_focus_lead(focus, ACT_EXIT_UNDO);
	}
}

const struct view view_participant = {
	.id = VIEW_PARTICIPANT,
	.title = N_("Participant"),
	.shown_by = ACT_VIEW_PARTICIPANT,
	.opens_targets = true,
	.state_size = sizeof(struct participant_view),
	.init = init,
	.rebuild = rebuild,
	.enter = enter,
	.draw = draw,
	.handle = handle,
	.hints = hints,
};

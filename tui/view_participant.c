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

static void draw_identity(struct tui *t, const struct caseload_entry *e)
{
	const struct participant *p = &e->file.p;
	char line[512], name[256], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	char publics[256] = "";
	int months = 0, x;

	format_name(p, name, sizeof name);
	if (p->entry_date != DATE_NONE)
		months = (t->today - p->entry_date) * 12 / 365;
	snprintf(line, sizeof line, "%s", name);
	if (p->birth_date != DATE_NONE) {
		size_t len = strlen(line);

		snprintf(line + len, sizeof line - len, _(" · born %s"),
			 cli_date(p->birth_date, d1));
	}
	{
		size_t len = strlen(line);

		snprintf(line + len, sizeof line - len,
			 P_(" · entered %s (%d month)",
			    " · entered %s (%d months)", months),
			 cli_date(p->entry_date, d2), months);
	}
	x = text_width(line) + 2;
	ui_put(stdscr, 1, 1, x, line, STYLE_TITLE);
	/* The most pressing flag, at the right of the first line: in full
	 * when it fits, else in short. */
	if (e->summary.n_flags > 0) {
		const struct flag *fl = &e->summary.flags[0];
		char reason[160], shown[200];
		int w;

		format_flag_long(fl, reason, sizeof reason);
		snprintf(shown, sizeof shown, "%s %s",
			 format_marker(&e->summary), reason);
		if (text_width(shown) > COLS - x - 2) {
			format_flag_short(fl, reason, sizeof reason);
			snprintf(shown, sizeof shown, "%s %s",
				 format_marker(&e->summary), reason);
		}
		w = text_width(shown);
		if (w > COLS - x - 2)
			w = COLS - x - 2;
		ui_put(stdscr, 1, COLS - w - 1, w, shown,
		       format_summary_style(&e->summary));
	} else if (p->status == STATUS_EXITED) {
		char shown[128];
		int w;

		snprintf(shown, sizeof shown,
			 participant_exit_pending(p)
				 ? _("left at hiring on %s · in work")
				 : _("left on %s"),
			 cli_date(p->exit_date, d1));
		w = text_width(shown);
		ui_put(stdscr, 1, COLS - w - 1, w, shown, STYLE_DIM);
	}
	/* Publics by their labels, then the contacts. */
	for (size_t i = 0; i < t->config->n_publics; i++) {
		if (!model_list_has(p->publics, t->config->publics[i].id))
			continue;
		size_t len = strlen(publics);

		snprintf(publics + len, sizeof publics - len, "%s%s",
			 len ? ", " : "", t->config->publics[i].id);
	}
	snprintf(line, sizeof line, _("Publics: %s · Referent: %s · %s %s"),
		 publics[0] ? publics : "—", p->referent ? p->referent : "—",
		 p->phone ? p->phone : "", p->email ? p->email : "");
	ui_put(stdscr, 2, 1, COLS - 2, line, STYLE_NORMAL);
}

/* Where an exit stands beyond its date and reason: the hiring, the
 * validation, the work lost. False when there is nothing to say. */
static bool exit_state(const struct participant *p, char *buf, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (p->exit_lost != DATE_NONE) {
		snprintf(buf, n, _("work lost %s: %s"),
			 cli_date(p->exit_lost, d1),
			 format_job_end_reason(p->exit_lost_reason));
	} else if (participant_exit_pending(p)) {
		snprintf(buf, n, _("hired %s · awaiting validation (V)"),
			 cli_date(p->exit_hired, d1));
	} else if (p->exit_hired != DATE_NONE &&
		   p->exit_validated != DATE_NONE) {
		snprintf(buf, n, _("hired %s · validated %s"),
			 cli_date(p->exit_hired, d1),
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
		pdate until =
			i + 1 < f->n_moves ? f->moves[i + 1].date : t->today;
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
		ui_put(stdscr, y, 14, w - 24, stage,
		       i + 1 == f->n_moves ? STYLE_TITLE : STYLE_NORMAL);
		snprintf(line, sizeof line, _("%d d"), until - m->date);
		ui_put(stdscr, y, w - 8, 8, line, STYLE_DIM);
		y++;
	}
	y++;
	if (y < bottom)
		ui_put(stdscr, y++, 1, w, _("Job and follow-up"), STYLE_HEADER);
	if (j == NULL && y < bottom) {
		ui_put(stdscr, y++, 2, w - 1, _("— (J records a job start)"),
		       STYLE_DIM);
	} else if (j != NULL) {
		snprintf(line, sizeof line, _("%s · %s · since %s · %d h/week"),
			 j->employer ? j->employer : "",
			 format_contract(j->contract), cli_date(j->start, d),
			 j->weekly_minutes / 60);
		if (y < bottom)
			ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		/* Other jobs going on at the same time, one line each. */
		for (size_t i = f->n_jobs; i-- > 0 && y < bottom;) {
			const struct job *o = &f->jobs[i];

			if (o == j || o->start == DATE_NONE ||
			    o->ended != DATE_NONE)
				continue;
			snprintf(line, sizeof line,
				 _("also %s · %s · since %s · %d h/week"),
				 o->employer ? o->employer : "",
				 format_contract(o->contract),
				 cli_date(o->start, d), o->weekly_minutes / 60);
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
		snprintf(line, sizeof line, "%s · %s%s",
			 cli_date(f->p.exit_date, d),
			 r ? r->label
			   : (f->p.exit_reason ? f->p.exit_reason : ""),
			 summary_exit_positive(t->config, &f->p)
				 ? _(" (positive)")
				 : "");
		ui_put(stdscr, y++, 2, w - 1, line, STYLE_NORMAL);
		if (y < bottom && exit_state(&f->p, line, sizeof line))
			ui_put(stdscr, y++, 2, w - 1, line,
			       participant_exit_pending(&f->p) ? STYLE_SOON
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
		ui_put(stdscr, y + i, x + 20, w - 33, a->kind ? a->kind : "",
		       st);
		ui_put(stdscr, y + i, x + w - 13, 13,
		       late ? _("no outcome") : format_appt_status(a->status),
		       st);
	}
	/* What was written about the selected appointment. */
	if (sel < f->n_appts && f->appts[sel].note != NULL) {
		char line[600];

		snprintf(line, sizeof line, "» %s", f->appts[sel].note);
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
};

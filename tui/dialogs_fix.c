/* dialogs_fix.c: forgiving mistakes: corrections that delete nothing
 * (reschedule, a recorded outcome, a note, an exit), and the warnings a
 * form asks about before it saves. */
#include "dialogs.h"
#include "error.h"
#include "form_dialog.h"
#include "format.h"
#include "i18n.h"
#include "import.h"
#include "text.h"
#include "tui.h"

#include <panel.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#define ESC 27

/* ---- a question before saving ---- */

/*
 * The bytes of the first line of `s` that hold in `width` columns, broken
 * after a space when there is one, or at a line break; *next gets where
 * the next line starts (the line break or the space skipped).
 */
static size_t line_len(const char *s, int width, const char **next)
{
	size_t i = 0, last_space = 0, len = strlen(s);
	int used = 0;

	while (i < len && s[i] != '\n') {
		int w;
		size_t k = text_char(s + i, len - i, &w);

		if (used + w > width && i > 0) {
			size_t cut = last_space > 0 ? last_space : i;

			*next = s + cut;
			return last_space > 0 ? cut - 1 : cut;
		}
		if (s[i] == ' ')
			last_space = i + 1;
		used += w;
		i += k;
	}
	*next = s + i + (s[i] == '\n');
	return i;
}

/* How many lines `text` takes in `width` columns. */
static int count_lines(const char *text, int width)
{
	int n = 0;

	for (const char *s = text; *s != '\0'; n++)
		line_len(s, width, &s);
	return n;
}

int dialog_choose(struct tui *t, const char *title, const char *text,
		  const char *const *items, size_t n_items)
{
	const char *hint = _("↑ ↓ choose · ⏎ answer · Esc back");
	int cur = 0, chosen = -1, count = (int)n_items;
	enum overlay_key k;
	bool done = false, resized = false;

	while (!done && !tui_interrupted()) {
		WINDOW *win;
		PANEL *panel;
		int width, height, rows, y;
		wint_t ch;

		/* Too small: Esc answers "back"; the question waits. */
		int big = form_wait_big_enough(t, &resized);

		if (big < 0)
			break;
		if (big == 0)
			continue;
		width = COLS - 4 < 72 ? COLS - 4 : 72;
		rows = count_lines(text, width - 4);
		if (rows > LINES - 6 - count)
			rows = LINES - 6 - count;
		height = rows + 5 + count;
		win = newwin(height, width, (LINES - height) / 2,
			     (COLS - width) / 2);
		panel = win ? new_panel(win) : NULL;
		if (panel == NULL) {
			if (win != NULL)
				delwin(win);
			tui_fail(t, PC_ENOMEM, NULL);
			break;
		}
		keypad(win, TRUE);
		wtimeout(win, 500);
		for (;;) {
			const char *s = text;
			int r;

			werase(win);
			wattrset(win, ui_style(STYLE_HEADER));
			box(win, 0, 0);
			wattrset(win, A_NORMAL);
			ui_title(win, width, title);
			for (y = 0; y < rows && *s != '\0'; y++) {
				const char *line = s;
				size_t n = line_len(s, width - 4, &s);
				/* A line of any length in bytes (combining
				 * marks), never cut within a character. */
				char *buf = strndup(line, n);

				if (buf != NULL)
					ui_put(win, 2 + y, 2, width - 4, buf,
					       STYLE_NORMAL);
				free(buf);
			}
			for (int i = 0; i < count; i++) {
				char buf[200];

				snprintf(buf, sizeof buf, " %s ", items[i]);
				ui_put(win, rows + 3 + i, 2, width - 4, buf,
				       i == cur ? STYLE_SELECTED
						: STYLE_NORMAL);
			}
			k = form_overlay_key(win, width, height, hint, &r, &ch,
					     &resized);
			if (k == OVERLAY_STOP) {
				done = true;
				break;
			}
			if (k == OVERLAY_AGAIN)
				continue;
			if (k == OVERLAY_REBUILD)
				break; /* built again at the new size */
			if ((r == KEY_CODE_YES && ch == KEY_DOWN) ||
			    (r == OK && (ch == '\t' || ch == 'j')))
				cur = (cur + 1) % count;
			else if ((r == KEY_CODE_YES &&
				  (ch == KEY_UP || ch == KEY_BTAB)) ||
				 (r == OK && ch == 'k'))
				cur = (cur + count - 1) % count;
			else if ((r == KEY_CODE_YES && ch == KEY_ENTER) ||
				 (r == OK && (ch == '\n' || ch == '\r'))) {
				chosen = cur;
				done = true;
				break;
			} else if (r == OK && (ch == ESC || ch == 'q')) {
				done = true;
				break;
			}
		}
		del_panel(panel);
		delwin(win);
		if (!done)
			tui_draw(t);
	}
	update_panels();
	/* A form under the question was built for the size it had: let it
	 * see the resize too, even back to the same size. */
	if (resized)
		ungetch(KEY_RESIZE);
	return chosen;
}

bool dialog_confirm(struct tui *t, const char *title, const char *text,
		    const char *go, const char *back)
{
	const char *items[2] = { back, go };

	return dialog_choose(t, title, text, items, 2) == 1;
}

/* Ask about the warnings in `text` (NUL: none, go on); false, with a word
 * for the form's message line, when the referent goes back. */
static bool ask(struct tui *t, const char *title, const char *text,
		const char *go, char *message, size_t msize)
{
	if (text[0] == '\0' ||
	    dialog_confirm(t, title, text, go, _("Go back to the form")))
		return true;
	snprintf(message, msize, "%s",
		 _("Not saved: change what is needed, then ⏎ saves."));
	return false;
}

/* "10:00 Interview" (no time: the kind alone), the kind by its label. */
static void appt_text(const struct config *c, const struct appointment *a,
		      char *buf, size_t size)
{
	char hm[16];

	format_time(a->minute, hm, sizeof hm);
	snprintf(buf, size, "%s%s%s", hm, hm[0] ? " " : "",
		 format_appt_kind(c, a->kind));
}

bool dialog_warn_plan(struct tui *t, uint64_t pid, uint64_t appt_id, pdate date,
		      int minute, bool to_come, char *message, size_t msize)
{
	const struct caseload_entry *e = tui_entry(t, pid);
	char text[1500] = "", d[DATE_BUFSZ], what[300], name[256];
	int others = 0;

	/* Nothing is planned for someone who left: the edit says so. */
	if (to_come && e != NULL && e->file.p.status == STATUS_EXITED)
		return true;
	if (to_come && date < t->today)
		text_appendf(text, sizeof text, "\n\n", _("%s is in the past."),
			     cli_date(date, d));
	/* Two appointments for one person on one day. */
	for (size_t i = 0; e != NULL && i < e->file.n_appts; i++) {
		const struct appointment *a = &e->file.appts[i];

		if (a->id == appt_id || a->date != date ||
		    a->status == APPT_CANCELLED)
			continue;
		format_name(&e->file.p, name, sizeof name);
		appt_text(t->config, a, what, sizeof what);
		text_appendf(
			text, sizeof text, "\n\n",
			_("%s already has an appointment that day: %s (%s)."),
			name, what, format_appt_status(a->status));
	}
	/* Two participants at the same time, in this caseload. */
	for (size_t k = 0; minute != APPT_NO_TIME && k < t->cl.n; k++) {
		const struct caseload_entry *o = &t->cl.entries[k];

		if (o->file.p.id == pid)
			continue;
		for (size_t i = 0; i < o->file.n_appts; i++) {
			const struct appointment *a = &o->file.appts[i];
			char hm[16];

			if (a->date != date || a->minute != minute ||
			    a->status == APPT_CANCELLED)
				continue;
			if (++others > 3)
				break;
			format_name(&o->file.p, name, sizeof name);
			format_time(minute, hm, sizeof hm);
			text_appendf(
				text, sizeof text, "\n\n",
				_("%s already has an appointment at %s that "
				  "day (%s)."),
				name, hm, format_appt_kind(t->config, a->kind));
		}
	}
	return ask(t, _("Before saving"), text, _("Save anyway"), message,
		   msize);
}

bool dialog_warn_duplicate(struct tui *t, const struct participant *p,
			   char *message, size_t msize)
{
	struct participant same;
	struct store_txn *txn = NULL;
	char text[1000] = "", *cause = NULL, name[256], d1[DATE_BUFSZ],
	     d2[DATE_BUFSZ];
	uint64_t id = 0;
	int rc;

	/* What the edit refuses, it says itself. */
	if (edit_check_identity(&t->ctx, p, &cause) != PC_OK) {
		free(cause);
		return true;
	}
	participant_init(&same);
	rc = import_find_person(t->store, p->last_name, p->first_name,
				p->birth_date, &id, &cause);
	if (rc == PC_OK && id != 0)
		rc = store_read_begin(t->store, &txn, &cause);
	if (rc == PC_OK && id != 0) {
		rc = store_participant_get(txn, id, &same);
		store_read_end(&txn);
	}
	if (rc != PC_OK)
		return form_edited(rc, &cause, message, msize);
	if (id == 0)
		return true;
	format_name(&same, name, sizeof name);
	if (same.birth_date != DATE_NONE)
		text_appendf(text, sizeof text, "\n\n",
			     _("%s, born %s, is already there: entered %s, "
			       "followed by %s."),
			     name, cli_date(same.birth_date, d1),
			     cli_date(same.entry_date, d2),
			     same.referent ? same.referent : "—");
	else
		text_appendf(text, sizeof text, "\n\n",
			     _("%s, without a birth date, is already there: "
			       "entered %s, followed by %s."),
			     name, cli_date(same.entry_date, d2),
			     same.referent ? same.referent : "—");
	if (same.status == STATUS_EXITED)
		text_appendf(text, sizeof text, "\n\n", _("They left on %s."),
			     cli_date(same.exit_date, d1));
	text_appendf(text, sizeof text, "\n\n", "%s",
		     _("Adding them again makes two files for one person."));
	participant_clear(&same);
	return ask(t, _("Already there?"), text, _("Add anyway"), message,
		   msize);
}

/* The contract a reason is for, by its id ("cdd-6-mois": cdd), as the
 * exit form proposes a reason; NULL when it names none. */
static const struct format_contract *
reason_contract(const struct config_exit_reason *r)
{
	for (size_t i = 0; i < FORMAT_N_CONTRACTS; i++) {
		size_t n = strlen(format_contracts[i].id);

		if (strncmp(r->id, format_contracts[i].id, n) == 0 &&
		    (r->id[n] == '\0' || r->id[n] == '-'))
			return &format_contracts[i];
	}
	return NULL;
}

bool dialog_warn_exit(struct tui *t, uint64_t pid, pdate date, size_t reason,
		      const char *forced, char *message, size_t msize)
{
	const struct caseload_entry *e = tui_entry(t, pid);
	const struct config_exit_reason *r;
	const struct format_contract *c;
	char text[1200] = "", jobs[600] = "", name[256];
	bool has = false;

	if (e == NULL || reason >= t->config->n_exit_reasons)
		return true;
	r = &t->config->exit_reasons[reason];
	c = reason_contract(r);
	format_name(&e->file.p, name, sizeof name);
	for (size_t i = 0; i < e->file.n_jobs; i++) {
		const struct job *j = &e->file.jobs[i];
		bool going_on = j->start != DATE_NONE && j->start <= date &&
				(j->ended == DATE_NONE || j->ended >= date);
		size_t len = strlen(jobs);

		has |= c != NULL && j->contract != NULL &&
		       strcmp(j->contract, c->id) == 0;
		snprintf(jobs + len, sizeof jobs - len, "%s%s (%s)",
			 len ? ", " : "", j->employer ? j->employer : "",
			 format_contract(j->contract));
		if (!r->positive && going_on && text[0] == '\0')
			text_appendf(text, sizeof text, "\n\n",
				     _("%s holds a job going on that day (%s, "
				       "%s), and this reason is not a positive "
				       "exit."),
				     name, j->employer ? j->employer : "",
				     format_contract(j->contract));
	}
	/* With no job at all, a reason that needs months is refused with
	 * its reason, unless forced: no need to ask first. */
	if (r->positive && c != NULL && !has && e->file.n_jobs > 0)
		text_appendf(text, sizeof text, "\n\n",
			     _("This reason goes with a job in %s; the jobs "
			       "recorded: %s."),
			     _(c->name), jobs);
	else if (r->positive && c != NULL && !has &&
		 (r->needs == EXIT_NEEDS_NOTHING ||
		  (forced != NULL && *forced != '\0')))
		text_appendf(text, sizeof text, "\n\n",
			     _("This reason goes with a job in %s, and no job "
			       "is recorded."),
			     _(c->name));
	return ask(t, _("Does the reason fit?"), text,
		   _("Record the exit anyway"), message, msize);
}

bool dialog_warn_overwrite(struct tui *t, const char *path, char *message,
			   size_t msize)
{
	struct stat st;
	char text[1200] = "";

	/* A directory is refused by the export itself. */
	if (path != NULL && stat(path, &st) == 0 && !S_ISDIR(st.st_mode))
		text_appendf(text, sizeof text, "\n\n",
			     _("%s already exists: saving replaces it."), path);
	return ask(t, _("Replace the file?"), text, _("Replace it"), message,
		   msize);
}

/* ---- rescheduling and outcomes ---- */

/* What the submit callbacks need. */
struct fix_ctx {
	uint64_t pid;
	uint64_t appt_id;
	enum appointment_status status; /* the appointment's, before */
	uint32_t seq;			/* a note */
	char *was; /* the note's text when the form opened (owned) */
};

/*
 * A note may hold line breaks and tabs, which a form's one-line field
 * cannot: shown as ¶ and ⇥ while edited, and back when saved, so that
 * nothing of the note is lost. Both return a malloc'd copy (NULL for
 * NULL, or out of memory).
 */
#define MARK_LF	 "¶"
#define MARK_TAB "⇥"

static char *replace_all(const char *s, const char *const from[2],
			 const char *const to[2])
{
	size_t len = 0;
	char *out, *o;

	if (s == NULL)
		return NULL;
	/* At most 3 bytes for each byte: a tab becomes ⇥. */
	out = malloc(strlen(s) * 3 + 1);
	if (out == NULL)
		return NULL;
	o = out;
	while (s[len] != '\0') {
		int k;

		for (k = 0; k < 2; k++) {
			size_t n = strlen(from[k]);

			if (strncmp(s + len, from[k], n) == 0) {
				strcpy(o, to[k]);
				o += strlen(to[k]);
				len += n;
				break;
			}
		}
		if (k == 2)
			*o++ = s[len++];
	}
	*o = '\0';
	return out;
}

static char *note_to_field(const char *s)
{
	static const char *const from[2] = { "\n", "\t" };
	static const char *const to[2] = { MARK_LF, MARK_TAB };

	return replace_all(s, from, to);
}

static char *field_to_note(const char *s)
{
	static const char *const from[2] = { MARK_LF, MARK_TAB };
	static const char *const to[2] = { "\n", "\t" };

	return replace_all(s, from, to);
}

/* Set a field's text to `note` as note_to_field() shows it. */
static void note_field_set(struct form_field *f, const char *note)
{
	char *shown = note_to_field(note);

	form_field_set(f, shown);
	free(shown);
}

/* The appointment at `sel` in the entry's list, or NULL, said. */
static const struct appointment *
selected(struct tui *t, const struct caseload_entry *e, size_t sel)
{
	if (sel < e->file.n_appts)
		return &e->file.appts[sel];
	tui_message(t, STYLE_ERROR, "%s",
		    _("No appointment selected: a plans one."));
	return NULL;
}

/* The fields of the reschedule form, in the order it shows them. */
enum { MOVE_DATE, MOVE_TIME, MOVE_KIND, MOVE_MODE, MOVE_FIELDS };

static bool reschedule_submit(struct tui *t, struct form_field *f, size_t n,
			      void *arg, char *message, size_t msize)
{
	struct fix_ctx *x = arg;
	char *cause = NULL;

	(void)n;
	if (!dialog_warn_plan(t, x->pid, x->appt_id, f[MOVE_DATE].date,
			      f[MOVE_TIME].minute, x->status == APPT_PLANNED,
			      message, msize))
		return false;
	return form_edited(
		edit_appointment_reschedule(
			t->store, &t->ctx, x->appt_id, f[MOVE_DATE].date,
			f[MOVE_TIME].minute,
			f[MOVE_KIND].kind == FIELD_CHOICE
				? t->config->appt_kinds[f[MOVE_KIND].choice].id
				: f[MOVE_KIND].text,
			(enum appointment_mode)f[MOVE_MODE].choice, &cause),
		&cause, message, msize);
}

void dialog_reschedule(struct tui *t, const struct caseload_entry *e,
		       size_t sel)
{
	const struct appointment *a = selected(t, e, sel);
	const char *modes[MODE_VIDEO + 1];
	const char **kinds = format_appt_kind_labels(t->config);
	const struct config_appt_kind *kind;
	struct form_field f[MOVE_FIELDS] = {
		[MOVE_DATE] = { .label = _("Date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12 },
		[MOVE_TIME] = { .label = _("Time"),
				.kind = FIELD_TIME,
				.width = 6 },
		[MOVE_KIND] = { .label = _("Kind"),
				.kind = FIELD_TEXT,
				.required = true },
		[MOVE_MODE] = { .label = _("Mode"),
				.kind = FIELD_CHOICE,
				.choices = modes,
				.n_choices = MODE_VIDEO + 1 },
	};
	struct fix_ctx x = { .pid = e->file.p.id };
	char title[400], name[256], d[DATE_BUFSZ], what[300];

	if (a == NULL) {
		free(kinds);
		return;
	}
	for (int m = 0; m <= MODE_VIDEO; m++)
		modes[m] = format_appt_mode((enum appointment_mode)m);
	x.appt_id = a->id;
	x.status = a->status;
	f[MOVE_DATE].text = form_date_text(a->date);
	format_time(a->minute, what, sizeof what);
	form_field_set(&f[MOVE_TIME], what);
	/* A kind of the configuration is picked; another stays typed. */
	kind = config_appt_kind(t->config, a->kind);
	if (kind != NULL && kinds != NULL) {
		f[MOVE_KIND] = (struct form_field){
			.label = _("Kind"),
			.kind = FIELD_CHOICE,
			.choices = kinds,
			.n_choices = t->config->n_appt_kinds,
			.choice = (size_t)(kind - t->config->appt_kinds),
		};
	} else {
		form_field_set(&f[MOVE_KIND], a->kind);
	}
	f[MOVE_MODE].choice = a->mode <= MODE_VIDEO ? (size_t)a->mode : 0;
	format_name(&e->file.p, name, sizeof name);
	appt_text(t->config, a, what, sizeof what);
	snprintf(title, sizeof title,
		 _("Reschedule the appointment of %s %s · %s"),
		 cli_date(a->date, d), what, name);
	if (form_dialog_run(t, title, f, COUNT(f), reschedule_submit, &x)) {
		struct view_target to = { .pid = x.pid, .appt_id = x.appt_id };

		tui_refresh_participant(t, x.pid);
		tui_open(t, &to); /* the moved appointment stays selected */
		char hm[16];

		format_time(f[MOVE_TIME].minute, hm, sizeof hm);
		snprintf(what, sizeof what, "%s%s%s",
			 cli_date(f[MOVE_DATE].date, d), hm[0] ? " " : "", hm);
		tui_message(t, STYLE_OK, _("Appointment moved to %s."), what);
	}
	form_fields_free(f, COUNT(f));
	free(kinds);
}

/* The fields of the outcome correction form, in the order it shows
 * them. */
enum { FIX_STATUS, FIX_NOTE, FIX_FIELDS };

static bool correct_submit(struct tui *t, struct form_field *f, size_t n,
			   void *arg, char *message, size_t msize)
{
	struct fix_ctx *x = arg;
	char *cause = NULL, *note = field_to_note(f[FIX_NOTE].text);
	int rc = PC_ENOMEM;

	(void)n;
	if (note != NULL || f[FIX_NOTE].text == NULL)
		rc = edit_appointment_correct(
			t->store, &t->ctx, x->appt_id,
			(enum appointment_status)f[FIX_STATUS].choice, note,
			x->was ? x->was : "", &cause);
	free(note);
	return form_edited(rc, &cause, message, msize);
}

void dialog_outcome_correct(struct tui *t, const struct caseload_entry *e,
			    size_t sel)
{
	const struct appointment *a = selected(t, e, sel);
	const char *statuses[APPT_CANCELLED + 1];
	struct form_field f[FIX_FIELDS] = {
		[FIX_STATUS] = { .label = _("Outcome"),
				 .kind = FIELD_CHOICE,
				 .choices = statuses,
				 .n_choices = APPT_CANCELLED + 1 },
		[FIX_NOTE] = { .label = _("Note"), .kind = FIELD_TEXT },
	};
	struct fix_ctx x = { .pid = e->file.p.id };
	char title[400], d[DATE_BUFSZ], what[300];

	if (a == NULL)
		return;
	for (int s = 0; s <= APPT_CANCELLED; s++)
		statuses[s] = format_appt_status((enum appointment_status)s);
	x.appt_id = a->id;
	f[FIX_STATUS].choice =
		a->status <= APPT_CANCELLED ? (size_t)a->status : 0;
	note_field_set(&f[FIX_NOTE], a->note);
	x.was = a->note ? strdup(a->note) : NULL;
	if (a->note != NULL && x.was == NULL) {
		tui_fail(t, PC_ENOMEM, NULL);
		form_fields_free(f, COUNT(f));
		return;
	}
	appt_text(t->config, a, what, sizeof what);
	snprintf(title, sizeof title,
		 _("Correct the outcome of %s %s (now %s)"),
		 cli_date(a->date, d), what, format_appt_status(a->status));
	if (form_dialog_run(t, title, f, COUNT(f), correct_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, _("Outcome corrected: %s."),
			    statuses[f[FIX_STATUS].choice]);
	}
	form_fields_free(f, COUNT(f));
	free(x.was);
}

/* ---- notes ---- */

/*
 * One of the participant's notes, latest first, picked from a list
 * titled `question` when there are several; NULL, said on the message
 * line, when there is none or the referent gave up. Points into e.
 */
static const struct note *
pick_note(struct tui *t, const struct caseload_entry *e, const char *question)
{
	size_t n = e->file.n_notes, pick = 0;
	char(*labels)[120];
	const char **items;
	const struct note *chosen = NULL;

	if (n == 0) {
		tui_message(t, STYLE_ERROR, "%s", _("No note: n adds one."));
		return NULL;
	}
	if (n == 1)
		return &e->file.notes[0];
	labels = calloc(n, sizeof *labels);
	items = calloc(n, sizeof *items);
	for (size_t i = 0; labels != NULL && items != NULL && i < n; i++) {
		const struct note *no = &e->file.notes[n - 1 - i];
		char d[DATE_BUFSZ], *one = note_to_field(no->text),
				    *shown = text_shown(one);

		/* One line each: what a pick list can show. */
		free(one);
		snprintf(labels[i], sizeof labels[i], "%s  %s",
			 cli_date(no->date, d), shown ? shown : "");
		free(shown);
		items[i] = labels[i];
	}
	if (labels == NULL || items == NULL)
		tui_fail(t, PC_ENOMEM, NULL);
	else if (form_dialog_pick(t, question, items, n, &pick))
		chosen = &e->file.notes[n - 1 - pick];
	free(labels);
	free(items);
	return chosen;
}

/* The fields of the note edit form, the text first. */
enum { EDIT_TEXT, EDIT_DATE, EDIT_FIELDS };

static bool note_edit_submit(struct tui *t, struct form_field *f, size_t n,
			     void *arg, char *message, size_t msize)
{
	struct fix_ctx *x = arg;
	char *cause = NULL, *text = field_to_note(f[EDIT_TEXT].text);
	int rc = PC_ENOMEM;

	(void)n;
	if (text != NULL || f[EDIT_TEXT].text == NULL)
		rc = edit_note_edit(t->store, &t->ctx, x->pid, x->seq,
				    f[EDIT_DATE].date, text, x->was, &cause);
	free(text);
	return form_edited(rc, &cause, message, msize);
}

void dialog_note_edit(struct tui *t, const struct caseload_entry *e)
{
	const struct note *no = pick_note(t, e, _("Which note to edit?"));
	struct form_field f[EDIT_FIELDS] = {
		[EDIT_TEXT] = { .label = _("Note"),
				.kind = FIELD_TEXT,
				.required = true },
		[EDIT_DATE] = { .label = _("Date"),
				.kind = FIELD_DATE,
				.required = true,
				.width = 12 },
	};
	struct fix_ctx x = { .pid = e->file.p.id };
	char title[200], d[DATE_BUFSZ];

	if (no == NULL)
		return;
	x.seq = no->seq;
	x.was = no->text ? strdup(no->text) : NULL;
	if (no->text != NULL && x.was == NULL) {
		tui_fail(t, PC_ENOMEM, NULL);
		form_fields_free(f, COUNT(f));
		return;
	}
	note_field_set(&f[EDIT_TEXT], no->text);
	f[EDIT_DATE].text = form_date_text(no->date);
	snprintf(title, sizeof title, _("Edit the note of %s"),
		 cli_date(no->date, d));
	if (form_dialog_run(t, title, f, COUNT(f), note_edit_submit, &x)) {
		tui_refresh_participant(t, x.pid);
		tui_message(t, STYLE_OK, "%s", _("Note saved."));
	}
	form_fields_free(f, COUNT(f));
	free(x.was);
}

void dialog_note_delete(struct tui *t, const struct caseload_entry *e)
{
	const struct note *no = pick_note(t, e, _("Which note to delete?"));
	uint64_t pid = e->file.p.id;
	char d[DATE_BUFSZ], *text = NULL, *shown, *cause = NULL, *was;
	uint32_t seq;
	bool yes;
	int rc;

	if (no == NULL)
		return;
	seq = no->seq;
	was = no->text ? strdup(no->text) : NULL;
	text = note_to_field(no->text);
	shown = text_shown(text);
	free(text);
	text = NULL;
	/* The whole note, as much of it as the screen holds. */
	if (shown == NULL || asprintf(&text, _("The note of %s: “%s”"),
				      cli_date(no->date, d), shown) < 0) {
		free(shown);
		free(was);
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	free(shown);
	yes = dialog_confirm(t, _("Delete this note?"), text,
			     _("Delete the note"), _("Keep it"));
	free(text);
	if (!yes) {
		free(was);
		return;
	}
	rc = edit_note_delete(t->store, &t->ctx, pid, seq, was, &cause);
	free(was);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return;
	}
	tui_refresh_participant(t, pid);
	tui_message(t, STYLE_OK, _("Note of %s deleted."), d);
}

/* ---- an exit recorded by mistake ---- */

void dialog_exit_undo(struct tui *t, const struct caseload_entry *e)
{
	const struct participant *p = &e->file.p;
	const struct config_exit_reason *r;
	uint64_t pid = p->id;
	char text[1000], name[256], d[DATE_BUFSZ], *cause = NULL;
	int rc;

	if (p->status != STATUS_EXITED) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No exit to undo: x records one."));
		return;
	}
	r = config_exit_reason(t->config, p->exit_reason);
	format_name(p, name, sizeof name);
	snprintf(text, sizeof text,
		 _("%s left on %s: %s. Undone, they are followed again (in "
		   "work when a job goes on) and the exit is forgotten; the "
		   "appointments it cancelled stay cancelled (o plans one "
		   "again)."),
		 name, cli_date(p->exit_date, d),
		 r ? r->label : (p->exit_reason ? p->exit_reason : ""));
	if (!dialog_confirm(t, _("Undo the exit?"), text, _("Undo the exit"),
			    _("Keep the exit")))
		return;
	rc = edit_exit_undo(t->store, &t->ctx, pid, &cause);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return;
	}
	tui_refresh_participant(t, pid);
	tui_message(t, STYLE_OK,
		    _("Exit undone: %s is followed again; the appointments "
		      "it cancelled stay cancelled."),
		    name);
}

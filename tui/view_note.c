/* view_note.c: a participant's notes, or one appointment and its note,
 * read in full: wrapped on word boundaries, scrolled when longer than the
 * screen. Not a tab: the participant view opens it (⏎, v). */
#include "error.h"
#include "format.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One line on screen: a piece of a note (not NUL-terminated), or a
 * heading made at the draw. */
struct note_line {
	const char *text; /* into the caseload, valid during one draw */
	size_t len;
	enum ui_style style;
	char own[160]; /* the text when it is a heading (text == NULL) */
};

/* The view's own state. */
struct note_view {
	uint64_t pid;
	uint64_t appt_id; /* 0: every note of the participant */
	struct note_line *lines;
	size_t n_lines, cap;
	/* Over the lines; it scrolls by its top line, the selection is the
	 * top, as in the help view. */
	struct list list;
};

/* The first line of the view, where its text starts, and its height. */
enum { TEXT_Y = 3 };

static int page_size(void)
{
	return LINES - 2 - TEXT_Y;
}

/* The next line to add, or NULL when out of memory. */
static struct note_line *add_line(struct note_view *v)
{
	if (v->n_lines == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 64;
		struct note_line *grown =
			realloc(v->lines, cap * sizeof *grown);

		if (grown == NULL)
			return NULL;
		v->lines = grown;
		v->cap = cap;
	}
	v->lines[v->n_lines] = (struct note_line){ .style = STYLE_NORMAL };
	return &v->lines[v->n_lines++];
}

static bool add_heading(struct note_view *v, const char *s, enum ui_style style)
{
	struct note_line *l = add_line(v);

	if (l == NULL)
		return false;
	snprintf(l->own, sizeof l->own, "%s", s);
	l->style = style;
	return true;
}

/* The bytes of the character at s (1 for an invalid byte, which is shown
 * as one replacement character), and its columns as text_width shows it;
 * a tab, a word break, takes one column. */
static size_t char_at(const char *s, int *cols)
{
	mbstate_t st;
	size_t k;
	char one[8];

	memset(&st, 0, sizeof st);
	k = mbrtowc(NULL, s, MB_CUR_MAX, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
		k = 1;
	if (*s == '\t') {
		*cols = 1;
		return 1;
	}
	memcpy(one, s, k);
	one[k] = '\0';
	*cols = text_width(one);
	return k;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Add `s` wrapped in `width` columns: lines break at spaces, a word wider
 * than the line at a character's edge; a line break (LF) starts a line.
 * A combining character stays with the one it follows. False when out of
 * memory.
 */
static bool add_wrapped(struct note_view *v, const char *s, int width)
{
	if (width < 1)
		width = 1;
	for (;;) {
		const char *start = s, *q = s, *brk = NULL, *end;
		int w = 0;
		struct note_line *l;

		while (*q != '\0' && *q != '\n') {
			int cw;
			size_t k = char_at(q, &cw);

			if (cw > 0 && w + cw > width)
				break;
			/* Not before French high punctuation ("mot :"). */
			if (is_space(*q) && !strchr(":;!?", q[1] ? q[1] : 'x'))
				brk = q;
			w += cw;
			q += k;
		}
		if (*q == '\0' || *q == '\n' ||
		    (is_space(*q) && !strchr(":;!?", q[1] ? q[1] : 'x')))
			end = q;
		else if (brk != NULL)
			end = brk;
		else if (q == start) /* narrower than one character */
			end = q + char_at(q, &w);
		else
			end = q;
		l = add_line(v);
		if (l == NULL)
			return false;
		l->text = start;
		l->len = (size_t)(end - start);
		/* What follows: after the line break, or the spaces where the
		 * line broke. */
		if (*end == '\0')
			return true;
		s = end;
		if (*s == '\n')
			s++;
		else
			while (is_space(*s))
				s++;
		if (*s == '\0' && end[0] != '\n')
			return true;
	}
}

/* The appointment `id` of `f`, or NULL. */
static const struct appointment *find_appt(const struct participant_file *f,
					   uint64_t id)
{
	for (size_t i = 0; i < f->n_appts; i++)
		if (f->appts[i].id == id)
			return &f->appts[i];
	return NULL;
}

/* Lay the text out again for the screen's width: the appointment and its
 * note, or every note, newest first, each under its date. */
static bool lay_out(struct tui *t, struct note_view *v,
		    const struct caseload_entry *e, char *title, size_t size)
{
	const struct participant_file *f = &e->file;
	int width = COLS - 4;
	char d[DATE_BUFSZ], line[160];

	v->n_lines = 0;
	if (v->appt_id != 0) {
		const struct appointment *a = find_appt(f, v->appt_id);
		char hm[16];

		if (a == NULL) {
			snprintf(title, size, "%s",
				 _("This appointment is no longer there."));
			return true;
		}
		format_time(a->minute, hm, sizeof hm);
		snprintf(title, size, _("Appointment of %s %s · %s · %s"),
			 cli_date(a->date, d), hm, format_appt_kind(t->config, a->kind),
			 a->status == APPT_PLANNED && a->date < t->today
				 ? _("no outcome")
				 : format_appt_status(a->status));
		if (a->note == NULL || a->note[0] == '\0')
			return add_heading(v, _("No note on this appointment."),
					   STYLE_DIM);
		return add_wrapped(v, a->note, width);
	}
	snprintf(title, size,
		 P_("%zu note, newest first", "%zu notes, newest first",
		    f->n_notes),
		 f->n_notes);
	if (f->n_notes == 0)
		return add_heading(v,
				   _("No note yet: n in the participant view "
				     "adds one."),
				   STYLE_DIM);
	for (size_t i = f->n_notes; i-- > 0;) {
		const struct note *n = &f->notes[i];

		if (i + 1 < f->n_notes && !add_heading(v, "", STYLE_NORMAL))
			return false;
		snprintf(line, sizeof line, "%s", cli_date(n->date, d));
		if (!add_heading(v, line, STYLE_HEADER) ||
		    !add_wrapped(v, n->text ? n->text : "", width))
			return false;
	}
	return true;
}

static void draw(struct tui *t, void *data)
{
	struct note_view *v = data;
	const struct caseload_entry *e = tui_entry(t, v->pid);
	int page = page_size();
	char name[256], title[400], frame[300];

	if (e == NULL) {
		tui_draw_frame(t, NULL);
		return;
	}
	format_name(&e->file.p, name, sizeof name);
	snprintf(frame, sizeof frame, "%s · %s", name, _("Notes"));
	tui_draw_frame(t, frame);
	if (!lay_out(t, v, e, title, sizeof title)) {
		v->n_lines = 0;
		tui_fail(t, PC_ENOMEM, NULL);
	}
	ui_put(stdscr, 1, 1, COLS - 2, title, STYLE_TITLE);
	ui_rule(stdscr, 2);
	v->list.n = v->n_lines;
	v->list.top = v->list.sel;
	list_fit(&v->list, v->list.n, page);
	v->list.sel = v->list.top;
	for (int i = 0; i < page && v->list.top + (size_t)i < v->n_lines; i++) {
		const struct note_line *l = &v->lines[v->list.top + (size_t)i];
		char *s;

		if (l->text == NULL) {
			ui_put(stdscr, TEXT_Y + i, 2, COLS - 4, l->own,
			       l->style);
			continue;
		}
		s = malloc(l->len + 1);
		if (s == NULL)
			continue;
		memcpy(s, l->text, l->len);
		s[l->len] = '\0';
		/* Tabs are word breaks, shown as spaces. */
		for (char *c = s; *c; c++)
			if (*c == '\t')
				*c = ' ';
		ui_put(stdscr, TEXT_Y + i, 2, COLS - 4, s, l->style);
		free(s);
	}
	list_draw_more(&v->list, page, 2, COLS - 1);
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct note_view *v = data;

	if (a == ACT_BACK) {
		if (!tui_show(t, VIEW_PARTICIPANT, NULL))
			tui_go_home(t);
		return;
	}
	/* Scrolling: the top line moves, down to the last page. */
	list_scroll(&v->list, a, page_size());
}

/* Opened on a participant (and an appointment, or every note), from the
 * top; coming back from the help, as it was. */
static bool enter(struct tui *t, void *data, enum view_id from,
		  const struct view_target *to)
{
	struct note_view *v = data;

	(void)from;
	if (to == NULL)
		return tui_entry(t, v->pid) != NULL;
	if (tui_entry(t, to->pid) == NULL)
		return false;
	v->pid = to->pid;
	v->appt_id = to->appt_id;
	v->list = (struct list){ 0 };
	return true;
}

/* The participant left the caseload (transferred, erased): go home. */
static void rebuild(struct tui *t, void *data)
{
	struct note_view *v = data;

	if (v->pid == 0 || tui_entry(t, v->pid) != NULL)
		return;
	v->pid = 0;
	if (t->view == VIEW_NOTE)
		tui_go_home(t);
}

static void release(void *data)
{
	struct note_view *v = data;

	free(v->lines);
}

const struct view view_note = {
	.id = VIEW_NOTE,
	.title = N_("Notes"),
	.state_size = sizeof(struct note_view),
	.release = release,
	.rebuild = rebuild,
	.enter = enter,
	.draw = draw,
	.handle = handle,
};

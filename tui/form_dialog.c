/* form_dialog.c: form dialogs over the views: fields typed or chosen,
 * checked, saved by the caller's callback (the lists are in pick.c). */
#include "form_dialog.h"
#include "dialogs.h"
#include "cli.h"
#include "input.h"
#include "error.h"
#include "i18n.h"
#include "model.h"
#include "text.h"
#include "tui.h"

#include "fold.h"

#include <limits.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define ESC 27

void form_field_set(struct form_field *f, const char *text)
{
	char *copy = strdup(text ? text : "");

	if (copy == NULL)
		return; /* keep the old text rather than lose it */
	free(f->text);
	f->text = copy;
}

void form_fields_free(struct form_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].text);
		f[i].text = NULL;
	}
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* ---- values of a multiple choice ---- */

static const char *multi_value(const struct form_field *f, size_t i)
{
	return f->values != NULL ? f->values[i] : f->choices[i];
}

/* The next value of a comma-separated list: its bytes, blanks trimmed;
 * returns where the list goes on, NULL at its end. */
static const char *next_value(const char *s, const char **v, size_t *len)
{
	const char *comma;

	if (s == NULL || *s == '\0')
		return NULL;
	s = skip_blanks(s);
	comma = strchr(s, ',');
	*v = s;
	*len = comma ? (size_t)(comma - s) : strlen(s);
	while (*len > 0 && s[*len - 1] == ' ')
		(*len)--;
	return comma ? comma + 1 : s + strlen(s);
}

/* Which choice `v` (len bytes) is, case and accents ignored; n_choices
 * when none. */
static size_t multi_find(const struct form_field *f, const char *v, size_t len)
{
	char *copy = strndup(v, len), *key = fold_key(copy);
	size_t found = f->n_choices;

	for (size_t i = 0; key != NULL && i < f->n_choices; i++) {
		char *other = fold_key(multi_value(f, i));
		bool same = other != NULL && strcmp(other, key) == 0;

		free(other);
		if (same) {
			found = i;
			break;
		}
	}
	free(copy);
	free(key);
	return found;
}

/* The ticks the field's text stands for, into on[n_choices]. */
static void multi_ticks(const struct form_field *f, bool *on)
{
	const char *s = f->text, *v;
	size_t len, k;

	for (size_t i = 0; i < f->n_choices; i++)
		on[i] = false;
	while ((s = next_value(s, &v, &len)) != NULL)
		if (len > 0 && (k = multi_find(f, v, len)) < f->n_choices)
			on[k] = true;
}

/* The field's text from ticks: the ticked values in the choices' order,
 * then what the text held that no choice is. `sep` between them. */
static char *multi_text(const struct form_field *f, const bool *on,
			const char *sep)
{
	size_t size = 1, o = 0, len;
	const char *s = f->text, *v;
	char *out;

	for (size_t i = 0; i < f->n_choices; i++)
		size += strlen(multi_value(f, i)) + strlen(sep);
	size += (f->text ? strlen(f->text) : 0) * 2 + strlen(sep);
	out = malloc(size);
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < f->n_choices; i++)
		if (on[i])
			o += (size_t)snprintf(out + o, size - o, "%s%s",
					      o ? sep : "", multi_value(f, i));
	while ((s = next_value(s, &v, &len)) != NULL)
		if (len > 0 && multi_find(f, v, len) == f->n_choices)
			o += (size_t)snprintf(out + o, size - o, "%s%.*s",
					      o ? sep : "", (int)len, v);
	return out;
}

/* The labels of the ticked choices of f, "a, b" (malloc'd; NULL when out
 * of memory). */
static char *multi_labels(const struct form_field *f, const bool *on)
{
	size_t size = 1, o = 0;
	char *out;

	for (size_t i = 0; i < f->n_choices; i++)
		size += strlen(f->choices[i]) + 2;
	out = malloc(size);
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < f->n_choices; i++)
		if (on[i])
			o += (size_t)snprintf(out + o, size - o, "%s%s",
					      o ? ", " : "", f->choices[i]);
	return out;
}

/* Let the referent tick the choices of field f; `filter` starts the list's
 * filter. The field's text changes only when the ticks are kept. */
static void multi_pick(struct tui *t, struct form_field *f, const char *filter)
{
	bool *on = calloc(f->n_choices ? f->n_choices : 1, sizeof *on);
	char *text;

	if (on == NULL)
		return;
	multi_ticks(f, on);
	if (form_dialog_pick_many(t, f->label, f->choices, f->n_choices, on,
				  filter) &&
	    (text = multi_text(f, on, ",")) != NULL) {
		free(f->text);
		f->text = text;
	}
	free(on);
}

/* ---- the dialog ---- */

/* The lines being typed live as long as the dialog runs; the window is
 * built again at each resize. */
struct dialog {
	WINDOW *win;
	PANEL *panel;
	struct input_line *lines; /* one per field; text kinds only */
	size_t n, cur;
	/* The current field holds what the form proposed and nothing was
	 * typed in it yet: a date, a time or a number typed replaces it. */
	bool fresh;
	int label_w, field_w, width, height;
	/* Rows per field: 2 (the field, its error under it), or 1 when the
	 * form would not fit (errors then go to the message lines); `shown`
	 * fields at a time from `top` when even that does not fit. */
	int step;
	size_t shown, top;
	/* The texts the fields held when the form opened: Esc asks before
	 * throwing away what was typed since. */
	char **initial;
	const char *save; /* the hint's verb */
	char message[256];
};

static bool is_text(const struct form_field *f)
{
	return f->kind != FIELD_CHOICE && f->kind != FIELD_MULTI;
}

/* Drop the window (the lines stay). */
static void dialog_unbuild(struct dialog *d)
{
	if (d->panel != NULL)
		del_panel(d->panel);
	if (d->win != NULL)
		delwin(d->win);
	d->panel = NULL;
	d->win = NULL;
}

/* Copy what the lines hold back into f[].text; false when out of memory
 * (a field then keeps its text as it was before). */
static bool dialog_save_text(struct dialog *d, struct form_field *f)
{
	bool ok = true;

	for (size_t i = 0; i < d->n; i++) {
		char *copy;

		if (!is_text(&f[i]))
			continue;
		copy = input_line_text(&d->lines[i]);
		if (copy == NULL) {
			ok = false;
			continue;
		}
		free(f[i].text);
		f[i].text = copy;
	}
	return ok;
}

/* Set the lines from f[].text, the cursor at each end. */
static bool dialog_load_text(struct dialog *d, const struct form_field *f)
{
	for (size_t i = 0; i < d->n; i++)
		if (is_text(&f[i]) && !input_line_set(&d->lines[i], f[i].text))
			return false;
	return true;
}

static void dialog_free(struct dialog *d)
{
	dialog_unbuild(d);
	for (size_t i = 0; d->lines != NULL && i < d->n; i++)
		input_line_free(&d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	for (size_t i = 0; d->initial != NULL && i < d->n; i++)
		free(d->initial[i]);
	free(d->initial);
	d->initial = NULL;
}

/* True when a text field holds something else than when the form opened
 * (out of memory: true, to ask rather than lose). */
static bool dialog_typed(const struct dialog *d, const struct form_field *f)
{
	for (size_t i = 0; i < d->n; i++) {
		char *now;
		bool changed;

		if (!is_text(&f[i]))
			continue;
		now = input_line_text(&d->lines[i]);
		changed = now == NULL || d->initial[i] == NULL ||
			  strcmp(now, d->initial[i]) != 0;
		free(now);
		if (changed)
			return true;
	}
	return false;
}

/*
 * The length in bytes of the first line of `s` that holds in `width`
 * columns, broken after a space when there is one: a message on two lines
 * reads whole where one line cut it.
 */
static size_t first_line(const char *s, int width)
{
	size_t i = 0, last_space = 0, len = strlen(s);
	int used = 0;

	while (i < len) {
		int w;
		size_t k = text_char(s + i, len - i, &w);

		if (used + w > width)
			return last_space > 0 ? last_space : i;
		if (s[i] == ' ')
			last_space = i + 1;
		used += w;
		i += k;
	}
	return len;
}

/* The box of a text field: its usual width, wider while what is typed
 * needs it (a time typed as words shows whole), never past the dialog. */
static int box_width(const struct dialog *d, const struct form_field *f,
		     const struct input_line *l)
{
	int w = f->width > 0 && f->width < d->field_w ? f->width : d->field_w;
	int need = input_line_columns(l, 0, l->len) + 1;

	if (need > w)
		w = need < d->field_w ? need : d->field_w;
	return w;
}

/* Draw text field i at (y, x); returns the cursor's column in it. */
static int draw_text(struct dialog *d, const struct form_field *f, size_t i,
		     int y, int x)
{
	struct input_line *l = &d->lines[i];
	int box = box_width(d, f, l), used = 0, at = 0;
	bool focused = i == d->cur;
	size_t from = 0, count;
	wchar_t *shown;

	if (focused) {
		input_line_scroll(l, box);
		from = l->left;
	}
	count = input_line_fit(l, from, box, &used);
	/* Out of focus and too long: its start, then "…". */
	if (!focused && from + count < l->len)
		count = input_line_fit(l, from, box - 1, &used);
	shown = malloc((count + 1) * sizeof *shown);
	wattrset(d->win, A_UNDERLINE);
	if (shown != NULL) {
		for (size_t k = 0; k < count; k++) {
			wchar_t c = l->s[from + k];

			shown[k] = iswcntrl((wint_t)c) ? 0xFFFD : c;
		}
		mvwaddnwstr(d->win, y, x, shown, (int)count);
		free(shown);
	} else {
		wmove(d->win, y, x);
		used = 0;
	}
	for (int c = used; c < box; c++)
		waddch(d->win, ' ');
	if (!focused && from + count < l->len) {
		wattrset(d->win, ui_style(STYLE_DIM) | A_UNDERLINE);
		mvwaddstr(d->win, y, x + box - 1, "…");
	}
	wattrset(d->win, A_NORMAL);
	if (focused)
		at = input_line_columns(l, l->left, l->cur);
	return at;
}

/* Draw choice field i: "‹ in person ›", or the values ticked; the one
 * with the focus stands out (the cursor alone is easily missed). */
static void draw_choice(struct dialog *d, const struct form_field *f, int y,
			int x, bool focused)
{
	char buf[512];

	if (f->kind == FIELD_CHOICE) {
		snprintf(buf, sizeof buf, "‹ %s ›",
			 f->n_choices ? f->choices[f->choice] : "");
	} else {
		bool *on = calloc(f->n_choices ? f->n_choices : 1, sizeof *on);
		char *shown = NULL;

		if (on != NULL) {
			multi_ticks(f, on);
			shown = f->show_labels ? multi_labels(f, on)
					       : multi_text(f, on, ", ");
		}
		snprintf(buf, sizeof buf, "‹ %s ›",
			 shown && *shown ? shown : "—");
		free(shown);
		free(on);
	}
	ui_put(d->win, y, x,
	       text_width(buf) < d->field_w ? text_width(buf) : d->field_w, buf,
	       focused ? STYLE_SELECTED : STYLE_NORMAL);
}

/* What the keys do, as short as fits: the choices' keys only when the
 * form has some. */
static void dialog_hint(struct dialog *d, const struct form_field *f)
{
	bool choice = false, multi = false;
	char hint[512];
	size_t o;

	for (size_t i = 0; i < d->n; i++) {
		choice |= f[i].kind == FIELD_CHOICE;
		multi |= f[i].kind == FIELD_MULTI;
	}
	o = (size_t)snprintf(hint, sizeof hint, "⏎ %s · %s", d->save,
			     _("Tab ⇧Tab fields"));
	if (choice && o < sizeof hint)
		o += (size_t)snprintf(hint + o, sizeof hint - o, " · %s",
				      _("←/→ Space choose"));
	if (multi && !choice && o < sizeof hint)
		o += (size_t)snprintf(hint + o, sizeof hint - o, " · %s",
				      _("Space pick"));
	if (o < sizeof hint)
		snprintf(hint + o, sizeof hint - o, " · %s", _("Esc cancel"));
	ui_put(d->win, d->height - 2, 2, d->width - 4, hint, STYLE_DIM);
}

/* Draw the whole dialog, the cursor in the current field. */
static void dialog_paint(struct dialog *d, const char *title,
			 struct form_field *f)
{
	int cy = 0, cx = 0;

	werase(d->win);
	wattrset(d->win, ui_style(STYLE_HEADER));
	box(d->win, 0, 0);
	wattrset(d->win, A_NORMAL);
	ui_title(d->win, d->width, title);
	/* The current field in sight. */
	if (d->cur < d->top)
		d->top = d->cur;
	else if (d->cur >= d->top + d->shown)
		d->top = d->cur + 1 - d->shown;
	if (d->top > 0)
		mvwaddstr(d->win, 1, d->width - 3, "↑");
	if (d->top + d->shown < d->n)
		mvwaddstr(d->win, d->height - 5, d->width - 3, "↓");
	for (size_t i = d->top; i < d->n && i < d->top + d->shown; i++) {
		int y = 2 + d->step * (int)(i - d->top), x = 3 + d->label_w;

		ui_put(d->win, y, 2, d->label_w, f[i].label,
		       f[i].required ? STYLE_HEADER : STYLE_NORMAL);
		if (is_text(&f[i])) {
			int at = draw_text(d, &f[i], i, y, x);

			if (i == d->cur)
				cy = y, cx = x + at;
		} else {
			draw_choice(d, &f[i], y, x, i == d->cur);
			if (i == d->cur)
				cy = y, cx = x + 2;
		}
		if (d->step == 2)
			ui_put(d->win, y + 1, x, d->field_w, f[i].error,
			       f[i].error[0] ? STYLE_ERROR : STYLE_NORMAL);
		else if (f[i].error[0] != '\0')
			ui_put(d->win, y, 1, 1, "!", STYLE_ERROR);
	}
	/* The message on up to two lines; in a form of one row a field, the
	 * error of the current field, else of the first field with one. */
	{
		const char *said = d->message;
		char line[sizeof d->message], err[sizeof d->message];
		size_t cut;

		for (size_t i = 0; d->step == 1 && *said == '\0' && i <= d->n;
		     i++) {
			size_t k = i == 0 ? d->cur : i - 1;

			if (f[k].error[0] != '\0') {
				snprintf(err, sizeof err, "%s: %s", f[k].label,
					 f[k].error);
				said = err;
			}
		}
		cut = first_line(said, d->width - 4);
		snprintf(line, sizeof line, "%.*s", (int)cut, said);
		ui_put(d->win, d->height - 4, 2, d->width - 4, line,
		       STYLE_ERROR);
		ui_put(d->win, d->height - 3, 2, d->width - 4, said + cut,
		       STYLE_ERROR);
	}
	dialog_hint(d, f);
	wmove(d->win, cy, cx);
}

/* The window at the terminal's size; false when out of memory. */
static bool dialog_build(struct dialog *d, const struct form_field *f)
{
	d->width = COLS - 4 < 78 ? COLS - 4 : 78;
	/* Two rows a field, one when that does not fit, and then only as
	 * many fields as fit (the title, two lines of message, the hint and
	 * the borders take six rows). */
	d->step = 2 * (int)d->n + 6 <= LINES ? 2 : 1;
	d->shown = d->n;
	if (d->step == 1 && (int)d->n + 6 > LINES)
		d->shown = LINES > 7 ? (size_t)(LINES - 6) : 1;
	d->height = d->step * (int)d->shown + 6;
	d->label_w = 0;
	for (size_t i = 0; i < d->n; i++) {
		int w = text_width(f[i].label) + 1;

		if (w > d->label_w)
			d->label_w = w;
	}
	if (d->label_w > d->width / 3)
		d->label_w = d->width / 3;
	d->field_w = d->width - 5 - d->label_w;
	d->win = newwin(d->height, d->width, (LINES - d->height) / 2,
			(COLS - d->width) / 2);
	if (d->win == NULL)
		return false;
	keypad(d->win, TRUE);
	wtimeout(d->win, 500);
	d->panel = new_panel(d->win);
	return d->panel != NULL;
}

/* Check each field's kind; returns the first bad field or -1. */
static int dialog_parse(struct tui *t, struct form_field *f, size_t n)
{
	int bad = -1;

	for (size_t i = 0; i < n; i++) {
		const char *s = f[i].text ? f[i].text : "";
		bool empty = *skip_blanks(s) == '\0';

		f[i].error[0] = '\0';
		f[i].date = DATE_NONE;
		f[i].minute = APPT_NO_TIME;
		f[i].hundredths = 0;
		if (f[i].kind == FIELD_CHOICE)
			continue;
		if (empty && f[i].required) {
			snprintf(f[i].error, sizeof f[i].error, "%s",
				 _("required"));
		} else if (empty) {
			continue;
		} else if (f[i].kind == FIELD_DATE &&
			   date_parse(s, t->today, &f[i].date) != PC_OK) {
			snprintf(f[i].error, sizeof f[i].error,
				 _("'%s' is not a date: dd/mm/yyyy, dd/mm, "
				   "+7 (in 7 days)"),
				 s);
		} else if (f[i].kind == FIELD_TIME &&
			   !input_parse_time(s, &f[i].minute)) {
			snprintf(f[i].error, sizeof f[i].error,
				 _("'%s' is not a time: 10:30 or 10h30"), s);
		} else if (f[i].kind == FIELD_NUMBER &&
			   !input_parse_number(s, &f[i].hundredths)) {
			snprintf(f[i].error, sizeof f[i].error,
				 _("'%s' is not a number"), s);
		}
		if (f[i].error[0] != '\0' && bad < 0)
			bad = (int)i;
	}
	return bad;
}

/* What a key does to the text of the current field; false when the key
 * is not one of a text's. */
static bool text_key(struct input_line *l, int r, wint_t ch)
{
	static const struct {
		wint_t key;
		enum input_move move;
	} codes[] = {
		{ KEY_LEFT, INPUT_LEFT },     { KEY_RIGHT, INPUT_RIGHT },
		{ KEY_HOME, INPUT_HOME },     { KEY_END, INPUT_END },
		{ KEY_BACKSPACE, INPUT_DEL_PREV }, { KEY_DC, INPUT_DEL_NEXT },
	}, controls[] = {
		{ 1, INPUT_HOME },     /* Ctrl-A */
		{ 5, INPUT_END },      /* Ctrl-E */
		{ 8, INPUT_DEL_PREV }, /* Ctrl-H */
		{ 127, INPUT_DEL_PREV },
		{ 21, INPUT_CLEAR },   /* Ctrl-U */
	};

	if (r == KEY_CODE_YES) {
		for (size_t k = 0; k < COUNT(codes); k++)
			if (codes[k].key == ch)
				return input_line_do(l, codes[k].move), true;
		return false;
	}
	for (size_t k = 0; k < COUNT(controls); k++)
		if (controls[k].key == ch)
			return input_line_do(l, controls[k].move), true;
	if (ch >= 32)
		return input_line_insert(l, (wchar_t)ch), true;
	return false;
}

/* The choice of field i moves by `step` (±1), the message about the old
 * one cleared; its `changed` callback may then change other fields'
 * texts, which the lines take again. */
static void choice_step(struct dialog *d, struct form_field *f, size_t i,
			size_t step)
{
	if (f[i].n_choices == 0)
		return;
	f[i].choice = (f[i].choice + step) % f[i].n_choices;
	/* What was said of the old choice no longer holds. */
	d->message[0] = '\0';
	f[i].error[0] = '\0';
	if (f[i].changed != NULL) {
		dialog_save_text(d, f);
		f[i].changed(f, d->n, i);
		dialog_load_text(d, f);
	}
}

bool form_dialog_run(struct tui *t, const char *title, struct form_field *f,
		     size_t n, form_submit_fn submit, void *arg)
{
	return form_dialog_run_with(t, title, f, n, submit, arg, NULL);
}

bool form_dialog_run_with(struct tui *t, const char *title,
			  struct form_field *f, size_t n, form_submit_fn submit,
			  void *arg, const struct form_options *o)
{
	struct dialog d = { .n = n };
	bool saved = false;

	if (n == 0)
		return false;
	d.save = o != NULL && o->save != NULL ? o->save : _("save");
	d.cur = o != NULL && o->first < n ? o->first : 0;
	d.fresh = true;
	d.lines = calloc(n ? n : 1, sizeof *d.lines);
	d.initial = calloc(n ? n : 1, sizeof *d.initial);
	for (size_t i = 0; d.initial != NULL && i < n; i++)
		d.initial[i] = strdup(f[i].text ? f[i].text : "");
	if (d.lines == NULL || d.initial == NULL || !dialog_load_text(&d, f)) {
		dialog_free(&d);
		tui_fail(t, PC_ENOMEM, NULL);
		return false;
	}
	curs_set(1);
	for (;;) {
		wint_t ch;
		int r;

		if (tui_interrupted())
			break;
		if (d.win == NULL && ui_big_enough()) {
			tui_draw(t);
			if (!dialog_build(&d, f)) {
				tui_fail(t, PC_ENOMEM, NULL);
				break;
			}
		}
		if (d.win != NULL) {
			dialog_paint(&d, title, f);
			update_panels();
		} else {
			ui_draw_too_small_with(_("Esc cancels the form."));
		}
		doupdate();
		r = d.win != NULL ? wget_wch(d.win, &ch) : get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			dialog_unbuild(&d);
			continue;
		}
		if (r == OK && ch == ESC && d.win != NULL &&
		    dialog_typed(&d, f) &&
		    !dialog_confirm(t, _("Leave without saving?"),
				    _("What you typed in this form is not "
				      "saved yet."),
				    _("Leave, and lose what was typed"),
				    _("Go back to the form")))
			continue;
		if (r == OK && ch == ESC)
			break;
		if (d.win == NULL)
			continue; /* too small: what was typed waits */
		if ((r == OK && ch == '\t') ||
		    (r == KEY_CODE_YES && ch == KEY_DOWN)) {
			d.cur = (d.cur + 1) % n;
			d.fresh = true;
			continue;
		}
		if (r == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_BTAB)) {
			d.cur = (d.cur + n - 1) % n;
			d.fresh = true;
			continue;
		}
		if ((r == OK && (ch == '\n' || ch == '\r')) ||
		    (r == KEY_CODE_YES && ch == KEY_ENTER))
			goto submit;
		if (is_text(&f[d.cur])) {
			/* The first character typed in a proposed date, time
			 * or number replaces it ("03/12" over "26/12/2026");
			 * a move keeps it to edit. */
			if (d.fresh && r == OK && ch > ' ' &&
			    (f[d.cur].kind == FIELD_DATE ||
			     f[d.cur].kind == FIELD_TIME ||
			     f[d.cur].kind == FIELD_NUMBER))
				input_line_do(&d.lines[d.cur], INPUT_CLEAR);
			d.fresh = false;
			text_key(&d.lines[d.cur], r, ch);
			continue;
		}
		if (f[d.cur].kind == FIELD_CHOICE && r == KEY_CODE_YES &&
		    (ch == KEY_LEFT || ch == KEY_RIGHT)) {
			choice_step(&d, f, d.cur,
				    ch == KEY_LEFT ? f[d.cur].n_choices - 1
						   : 1);
			continue;
		}
		if (r != OK || ch < ' ')
			continue;
		/* A list over the dialog: Space, or a letter that starts the
		 * filter of a multiple choice. */
		if (f[d.cur].kind == FIELD_CHOICE && ch == ' ') {
			size_t pick = f[d.cur].choice;

			if (form_dialog_pick(t, f[d.cur].label,
					     f[d.cur].choices,
					     f[d.cur].n_choices, &pick))
				choice_step(&d, f, d.cur,
					    pick + f[d.cur].n_choices -
						    f[d.cur].choice);
		} else if (f[d.cur].kind == FIELD_MULTI) {
			char first[MB_LEN_MAX + 1] = "";
			mbstate_t st;
			size_t k;

			memset(&st, 0, sizeof st);
			if (ch != ' ' && (k = wcrtomb(first, (wchar_t)ch,
						      &st)) != (size_t)-1)
				first[k] = '\0';
			multi_pick(t, &f[d.cur], first);
		} else {
			continue;
		}
		/* The list covered the dialog, maybe at another size. */
		dialog_unbuild(&d);
		continue;
	submit:
		d.message[0] = '\0';
		if (!dialog_save_text(&d, f)) {
			snprintf(d.message, sizeof d.message, "%s",
				 error_string(PC_ENOMEM));
			continue;
		}
		{
			int bad = dialog_parse(t, f, n);

			if (bad >= 0) {
				d.cur = (size_t)bad;
				continue;
			}
		}
		if (submit(t, f, n, arg, d.message, sizeof d.message)) {
			saved = true;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			if (f[k].error[0] != '\0') {
				d.cur = k;
				break;
			}
		}
	}
	if (!saved)
		dialog_save_text(&d, f);
	dialog_free(&d);
	curs_set(0);
	update_panels();
	return saved;
}

/* ---- helpers the dialogs share ---- */

/* Report a failed edit in the dialog; true when it succeeded. */
bool form_edited(int rc, char **cause, char *message, size_t msize)
{
	if (rc != PC_OK)
		snprintf(message, msize, "%s",
			 *cause ? *cause : error_string(rc));
	free(*cause);
	*cause = NULL;
	return rc == PC_OK;
}

char *form_date_text(pdate d)
{
	char buf[DATE_BUFSZ];

	return strdup(cli_date(d, buf));
}

const char **form_translated(const char *const *names, size_t n)
{
	const char **out = calloc(n, sizeof *out);

	for (size_t i = 0; out != NULL && i < n; i++)
		out[i] = _(names[i]);
	return out;
}

/* form_dialog.c: form dialogs and pick lists over the views. */
#include "form_dialog.h"
#include "cli.h"
#include "input.h"
#include "error.h"
#include "i18n.h"
#include "model.h"
#include "text.h"
#include "tui.h"

#include <form.h>
#include <menu.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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

/* ---- the dialog ---- */

struct dialog {
	WINDOW *win, *sub;
	PANEL *panel;
	FORM *form;
	FIELD **fields;
	size_t n;
	int label_w, width, height;
	char message[256];
};

static void dialog_free(struct dialog *d)
{
	if (d->form != NULL) {
		unpost_form(d->form);
		free_form(d->form);
	}
	for (size_t i = 0; d->fields != NULL && i < d->n; i++)
		free_field(d->fields[i]);
	free(d->fields);
	if (d->panel != NULL)
		del_panel(d->panel);
	if (d->sub != NULL)
		delwin(d->sub);
	if (d->win != NULL)
		delwin(d->win);
	memset(d, 0, sizeof *d);
}

/* Copy what the fields show back into f[].text. */
static void dialog_save_text(struct dialog *d, struct form_field *f)
{
	form_driver(d->form, REQ_VALIDATION);
	for (size_t i = 0; i < d->n; i++) {
		char *buf = field_buffer(d->fields[i], 0), *copy;
		size_t len;

		if (f[i].kind == FIELD_CHOICE || buf == NULL)
			continue;
		copy = strdup(buf);
		if (copy == NULL)
			continue;
		len = strlen(copy);
		while (len > 0 && copy[len - 1] == ' ')
			copy[--len] = '\0';
		free(f[i].text);
		f[i].text = copy;
	}
}

static void show_choice(struct dialog *d, struct form_field *f, size_t i)
{
	char buf[256];

	snprintf(buf, sizeof buf, "‹ %s ›",
		 f[i].n_choices ? f[i].choices[f[i].choice] : "");
	set_field_buffer(d->fields[i], 0, buf);
}

/*
 * The length in bytes of the first line of `s` that holds in `width`
 * columns, broken after a space when there is one: a message on two lines
 * reads whole where one line cut it.
 */
static size_t first_line(const char *s, int width)
{
	size_t i = 0, last_space = 0, len = strlen(s);
	mbstate_t st;
	int used = 0;

	memset(&st, 0, sizeof st);
	while (i < len) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, len - i, &st);
		int w;

		if (k == (size_t)-1 || k == (size_t)-2) {
			memset(&st, 0, sizeof st);
			k = 1;
			w = 1;
		} else {
			w = wcwidth(wc);
			if (k == 0)
				k = 1;
		}
		if (w < 0)
			w = 1;
		if (used + w > width)
			return last_space > 0 ? last_space : i;
		if (s[i] == ' ')
			last_space = i + 1;
		used += w;
		i += k;
	}
	return len;
}

/* Draw what surrounds the fields; the form library draws the fields. */
static void dialog_paint(struct dialog *d, const char *title,
			 struct form_field *f)
{
	wattrset(d->win, ui_style(STYLE_HEADER));
	box(d->win, 0, 0);
	wattrset(d->win, A_NORMAL);
	ui_title(d->win, d->width, title);
	for (size_t i = 0; i < d->n; i++) {
		int y = 2 + 2 * (int)i;

		ui_put(d->win, y, 2, d->label_w, f[i].label,
		       f[i].required ? STYLE_HEADER : STYLE_NORMAL);
		/* Always written, so a corrected error disappears. */
		ui_put(d->win, y + 1, 3 + d->label_w, d->width - 5 - d->label_w,
		       f[i].error, f[i].error[0] ? STYLE_ERROR : STYLE_NORMAL);
	}
	/* The message on up to two lines. */
	{
		size_t cut = first_line(d->message, d->width - 4);
		char line[sizeof d->message];

		snprintf(line, sizeof line, "%.*s", (int)cut, d->message);
		ui_put(d->win, d->height - 4, 2, d->width - 4, line,
		       STYLE_ERROR);
		ui_put(d->win, d->height - 3, 2, d->width - 4,
		       d->message + cut, STYLE_ERROR);
	}
	ui_put(d->win, d->height - 2, 2, d->width - 4,
	       _("⏎ save · Tab ↓ ↑ fields · ←/→ Space choose · Esc cancel"),
	       STYLE_DIM);
	pos_form_cursor(d->form);
}

static bool dialog_build(struct dialog *d, const char *title,
			 struct form_field *f, size_t n, int current)
{
	int field_w;

	memset(d, 0, sizeof *d);
	d->n = n;
	d->width = COLS - 4 < 78 ? COLS - 4 : 78;
	d->height = 2 * (int)n + 6; /* and two lines of message */
	for (size_t i = 0; i < n; i++) {
		int w = text_width(f[i].label) + 1;

		if (w > d->label_w)
			d->label_w = w;
	}
	if (d->label_w > d->width / 3)
		d->label_w = d->width / 3;
	field_w = d->width - 5 - d->label_w;
	d->win = newwin(d->height, d->width, (LINES - d->height) / 2,
			(COLS - d->width) / 2);
	if (d->win == NULL)
		return false;
	keypad(d->win, TRUE);
	wtimeout(d->win, 500);
	d->sub = derwin(d->win, 2 * (int)n, field_w, 2, 3 + d->label_w);
	d->fields = calloc(n + 1, sizeof *d->fields);
	if (d->sub == NULL || d->fields == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		int w = f[i].width > 0 && f[i].width < field_w ? f[i].width
							       : field_w;

		d->fields[i] = new_field(1, w, 2 * (int)i, 0, 0, 0);
		if (d->fields[i] == NULL)
			return false;
		set_field_back(d->fields[i], A_UNDERLINE);
		field_opts_off(d->fields[i], O_AUTOSKIP);
		if (f[i].kind == FIELD_CHOICE) {
			field_opts_off(d->fields[i], O_EDIT);
			show_choice(d, f, i);
		} else {
			/* Longer text scrolls instead of being refused. */
			field_opts_off(d->fields[i], O_STATIC);
			set_max_field(d->fields[i], 0);
			set_field_buffer(d->fields[i], 0,
					 f[i].text ? f[i].text : "");
		}
	}
	d->form = new_form(d->fields);
	if (d->form == NULL)
		return false;
	set_form_win(d->form, d->win);
	set_form_sub(d->form, d->sub);
	if (post_form(d->form) != E_OK)
		return false;
	if (current > 0 && (size_t)current < n)
		set_current_field(d->form, d->fields[current]);
	form_driver(d->form, REQ_END_LINE);
	d->panel = new_panel(d->win);
	dialog_paint(d, title, f);
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
				 _("'%s' is not a date: dd/mm/yyyy, "
				   "yyyy-mm-dd or +7 for in 7 days"),
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

/*
 * Type one character. The form library keeps a combining mark (zero
 * width) in a cell of its own at the cursor without moving on, so the
 * next letter would land before it and the text would not read as typed.
 * Step just past the mark's cell: to the end of the text, then back to
 * where the mark went when it was typed in the middle.
 */
static void type_char(FORM *form, wchar_t ch)
{
	int at = form->begincol + form->curcol;

	form_driver_w(form, OK, ch);
	if (wcwidth(ch) != 0)
		return;
	form_driver(form, REQ_END_LINE);
	while (form->begincol + form->curcol > at + 1 &&
	       form_driver(form, REQ_PREV_CHAR) == E_OK)
		;
}

static int current_index(struct dialog *d)
{
	return field_index(current_field(d->form));
}

/*
 * The choice of field i changed and its `changed` callback may change
 * other fields: keep what was typed, let it, then let the dialog go, to
 * be built again from the fields. Returns true (the dialog is gone).
 */
static bool choice_changed(struct dialog *d, struct form_field *f, size_t n,
			   int i)
{
	dialog_save_text(d, f);
	f[i].changed(f, n, (size_t)i);
	dialog_free(d);
	return true;
}

bool form_dialog_run(struct tui *t, const char *title, struct form_field *f,
		     size_t n, form_submit_fn submit, void *arg)
{
	struct dialog d;
	bool built = false, saved = false;
	int current = 0, built_lines = 0, built_cols = 0;

	curs_set(1);
	for (;;) {
		wint_t ch;
		int r, i;

		if (tui_interrupted())
			break;
		if (!built && ui_big_enough()) {
			tui_draw(t);
			built = dialog_build(&d, title, f, n, current);
			built_lines = LINES;
			built_cols = COLS;
			if (!built) {
				dialog_free(&d);
				tui_fail(t, PC_ENOMEM, NULL);
				break;
			}
		}
		if (built) {
			dialog_paint(&d, title, f);
			update_panels();
		} else {
			ui_draw_too_small();
		}
		doupdate();
		r = built ? wget_wch(d.win, &ch) : get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			if (built) {
				dialog_save_text(&d, f);
				current = current_index(&d);
				dialog_free(&d);
				built = false;
			}
			continue;
		}
		if (!built)
			continue;
		i = current_index(&d);
		if (r == KEY_CODE_YES) {
			switch (ch) {
			case KEY_DOWN:
				form_driver(d.form, REQ_NEXT_FIELD);
				form_driver(d.form, REQ_END_LINE);
				break;
			case KEY_UP:
			case KEY_BTAB:
				form_driver(d.form, REQ_PREV_FIELD);
				form_driver(d.form, REQ_END_LINE);
				break;
			case KEY_LEFT:
			case KEY_RIGHT:
				if (f[i].kind == FIELD_CHOICE &&
				    f[i].n_choices) {
					f[i].choice =
						(f[i].choice +
						 (ch == KEY_LEFT
							  ? f[i].n_choices - 1
							  : 1)) %
						f[i].n_choices;
					show_choice(&d, f, (size_t)i);
					if (f[i].changed != NULL) {
						current = i;
						built = !choice_changed(&d, f,
									n, i);
					}
				} else {
					form_driver(d.form,
						    ch == KEY_LEFT
							    ? REQ_PREV_CHAR
							    : REQ_NEXT_CHAR);
				}
				break;
			case KEY_BACKSPACE:
				form_driver(d.form, REQ_DEL_PREV);
				break;
			case KEY_DC:
				form_driver(d.form, REQ_DEL_CHAR);
				break;
			case KEY_HOME:
				form_driver(d.form, REQ_BEG_FIELD);
				break;
			case KEY_END:
				form_driver(d.form, REQ_END_FIELD);
				break;
			case KEY_ENTER:
				goto submit;
			default:
				break;
			}
			continue;
		}
		if (ch == ESC)
			break;
		if (ch == '\t') {
			form_driver(d.form, REQ_NEXT_FIELD);
			form_driver(d.form, REQ_END_LINE);
			continue;
		}
		if (ch == '\n' || ch == '\r')
			goto submit;
		if (ch == 127 || ch == 8) {
			form_driver(d.form, REQ_DEL_PREV);
			continue;
		}
		if (ch == 21) { /* Ctrl-U clears the field */
			form_driver(d.form, REQ_CLR_FIELD);
			continue;
		}
		if (f[i].kind == FIELD_CHOICE) {
			if (ch == ' ' &&
			    form_dialog_pick(t, f[i].label, f[i].choices,
					     f[i].n_choices, &f[i].choice)) {
				show_choice(&d, f, (size_t)i);
				if (f[i].changed != NULL) {
					current = i;
					built = !choice_changed(&d, f, n, i);
					continue;
				}
			}
			/* The pick list covered the dialog; the terminal may
			 * have been resized under it: then build it again at
			 * the new size, as a resize here does. */
			if (LINES != built_lines || COLS != built_cols) {
				dialog_save_text(&d, f);
				current = i;
				dialog_free(&d);
				built = false;
			} else {
				touchwin(d.win);
			}
			continue;
		}
		if (ch >= 32)
			type_char(d.form, (wchar_t)ch);
		continue;
	submit:
		dialog_save_text(&d, f);
		d.message[0] = '\0';
		{
			int bad = dialog_parse(t, f, n);

			if (bad >= 0) {
				set_current_field(d.form, d.fields[bad]);
				continue;
			}
		}
		if (submit(t, f, n, arg, d.message, sizeof d.message)) {
			saved = true;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			if (f[k].error[0] != '\0') {
				set_current_field(d.form, d.fields[k]);
				break;
			}
		}
	}
	if (built) {
		if (!saved)
			dialog_save_text(&d, f);
		dialog_free(&d);
	}
	curs_set(0);
	update_panels();
	return saved;
}

/* ---- pick lists ---- */

bool form_dialog_pick(struct tui *t, const char *title,
		      const char *const *items, size_t n, size_t *choice)
{
	ITEM **its = NULL;
	MENU *menu = NULL;
	WINDOW *win = NULL, *sub = NULL;
	PANEL *panel = NULL;
	bool picked = false, done = false;
	size_t cur = *choice < n ? *choice : 0;

	if (n == 0)
		return false;
	while (!done && !tui_interrupted()) {
		int width = 0, height, rows;
		wint_t ch;
		int r;

		if (!ui_big_enough()) {
			ui_draw_too_small();
			doupdate();
			if (get_wch(&ch) == ERR)
				continue;
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			int w = text_width(items[i]);

			if (w > width)
				width = w;
		}
		width += 6;
		if (width < text_width(title) + 6)
			width = text_width(title) + 6;
		if (width > COLS - 4)
			width = COLS - 4;
		rows = (int)n < LINES - 6 ? (int)n : LINES - 6;
		height = rows + 4;
		its = calloc(n + 1, sizeof *its);
		win = newwin(height, width, (LINES - height) / 2,
			     (COLS - width) / 2);
		if (its == NULL || win == NULL)
			break;
		for (size_t i = 0; i < n; i++)
			its[i] = new_item(items[i], "");
		menu = new_menu(its);
		if (menu == NULL)
			break;
		keypad(win, TRUE);
		wtimeout(win, 500);
		sub = derwin(win, rows, width - 4, 2, 2);
		set_menu_win(menu, win);
		set_menu_sub(menu, sub);
		set_menu_format(menu, rows, 1);
		set_menu_mark(menu, "");
		set_menu_fore(menu, ui_style(STYLE_SELECTED));
		post_menu(menu);
		set_current_item(menu, its[cur]);
		panel = new_panel(win);
		for (;;) {
			wattrset(win, ui_style(STYLE_HEADER));
			box(win, 0, 0);
			wattrset(win, A_NORMAL);
			ui_title(win, width, title);
			ui_put(win, height - 1, 2, width - 4,
			       _("⏎ choose · Esc"), STYLE_DIM);
			update_panels();
			doupdate();
			r = wget_wch(win, &ch);
			if (tui_interrupted()) {
				done = true;
				break;
			}
			if (r == ERR)
				continue;
			if (r == KEY_CODE_YES && ch == KEY_RESIZE)
				break; /* rebuilt at the new size */
			if ((r == KEY_CODE_YES && ch == KEY_DOWN) ||
			    (r == OK && ch == 'j'))
				menu_driver(menu, REQ_DOWN_ITEM);
			else if ((r == KEY_CODE_YES && ch == KEY_UP) ||
				 (r == OK && ch == 'k'))
				menu_driver(menu, REQ_UP_ITEM);
			else if (r == KEY_CODE_YES && ch == KEY_NPAGE)
				menu_driver(menu, REQ_SCR_DPAGE);
			else if (r == KEY_CODE_YES && ch == KEY_PPAGE)
				menu_driver(menu, REQ_SCR_UPAGE);
			else if ((r == KEY_CODE_YES && ch == KEY_ENTER) ||
				 (r == OK && (ch == '\n' || ch == '\r'))) {
				*choice =
					(size_t)item_index(current_item(menu));
				picked = done = true;
				break;
			} else if (r == OK && (ch == ESC || ch == 'q')) {
				done = true;
				break;
			}
			cur = (size_t)item_index(current_item(menu));
		}
		unpost_menu(menu);
		free_menu(menu);
		menu = NULL;
		for (size_t i = 0; i < n; i++)
			free_item(its[i]);
		free(its);
		its = NULL;
		del_panel(panel);
		panel = NULL;
		delwin(sub);
		delwin(win);
		sub = win = NULL;
		tui_draw(t);
	}
	if (its != NULL) {
		for (size_t i = 0; i < n; i++)
			if (its[i] != NULL)
				free_item(its[i]);
		free(its);
	}
	if (win != NULL)
		delwin(win);
	update_panels();
	return picked;
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

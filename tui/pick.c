/* pick.c: lists over the screen: one choice to pick (form_dialog_pick),
 * several to tick with a filter (form_dialog_pick_many), and the waits
 * and keys every question or list over a form shares. */
#include "form_dialog.h"
#include "fold.h"
#include "i18n.h"
#include "input.h"
#include "text.h"
#include "tui.h"

#include <menu.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define ESC 27

/* ---- pick lists ---- */

enum overlay_key form_overlay_key(WINDOW *win, int width, int height,
				  const char *hint, int *r, wint_t *ch,
				  bool *resized)
{
	int hw = text_width(hint);

	ui_put(win, height - 1, 2, hw < width - 4 ? hw : width - 4, hint,
	       STYLE_DIM);
	update_panels();
	doupdate();
	*r = wget_wch(win, ch);
	if (tui_interrupted())
		return OVERLAY_STOP;
	if (*r == ERR)
		return OVERLAY_AGAIN;
	if (*r == KEY_CODE_YES && *ch == KEY_RESIZE) {
		*resized = true;
		return OVERLAY_REBUILD;
	}
	return OVERLAY_KEY;
}

int form_wait_big_enough(struct tui *t, bool *resized)
{
	wint_t ch;

	if (ui_big_enough()) {
		/* Back from too small: the view under it first. */
		if (*resized)
			tui_draw(t);
		return 1;
	}
	ui_draw_too_small_with(_("Esc cancels."));
	doupdate();
	*resized = true;
	return get_wch(&ch) == OK && ch == ESC ? -1 : 0;
}

bool form_dialog_pick(struct tui *t, const char *title,
		      const char *const *items, size_t n, size_t *choice)
{
	ITEM **its = NULL;
	MENU *menu = NULL;
	WINDOW *win = NULL, *sub = NULL;
	PANEL *panel = NULL;
	bool picked = false, done = false, resized = false;
	size_t cur = *choice < n ? *choice : 0;
	enum overlay_key k;

	if (n == 0)
		return false;
	while (!done && !tui_interrupted()) {
		int width = 0, height, rows;
		wint_t ch;
		int r;

		int big = form_wait_big_enough(t, &resized);

		if (big < 0)
			break;
		if (big == 0)
			continue;
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
			k = form_overlay_key(win, width, height,
					     _("⏎ choose · Esc"), &r, &ch,
					     &resized);
			if (k == OVERLAY_STOP) {
				done = true;
				break;
			}
			if (k == OVERLAY_AGAIN)
				continue;
			if (k == OVERLAY_REBUILD)
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
	/* The form under the list was built for the size it had. */
	if (resized)
		ungetch(KEY_RESIZE);
	return picked;
}

/* ---- lists to tick ---- */

/* A list to tick, as it shows: which items the filter keeps, which is
 * under the cursor, which is first shown. */
struct ticks {
	const char *const *items;
	char **keys; /* folded items */
	size_t n, *shown, n_shown, sel, top;
	bool *on;
	struct input_line filter;
};

/* Keep the items the filter finds (case and accents ignored); the cursor
 * stays on its item when it is still shown. */
static void ticks_filter(struct ticks *k)
{
	char *typed = input_line_text(&k->filter);
	char *key = typed ? fold_key(typed) : NULL;
	size_t was = k->n_shown ? k->shown[k->sel] : 0;

	k->n_shown = 0;
	k->sel = 0;
	for (size_t i = 0; i < k->n; i++) {
		if (key != NULL && k->keys[i] != NULL &&
		    !fold_contains(k->keys[i], key))
			continue;
		if (i == was)
			k->sel = k->n_shown;
		k->shown[k->n_shown++] = i;
	}
	free(key);
	free(typed);
}

static void ticks_draw(struct ticks *k, WINDOW *win, int width, int rows,
		       const char *title)
{
	char line[64];
	int y = 2;

	werase(win);
	wattrset(win, ui_style(STYLE_HEADER));
	box(win, 0, 0);
	wattrset(win, A_NORMAL);
	ui_title(win, width, title);
	{
		char *typed = input_line_text(&k->filter);

		if (typed != NULL && *typed != '\0') {
			snprintf(line, sizeof line, "%s ", _("Filter:"));
			ui_put(win, 1, 2, text_width(line), line, STYLE_DIM);
			ui_put(win, 1, 2 + text_width(line),
			       width - 4 - text_width(line), typed,
			       STYLE_NORMAL);
		} else {
			ui_put(win, 1, 2, width - 4,
			       _("type to filter the list"), STYLE_DIM);
		}
		free(typed);
	}
	if (k->sel < k->top)
		k->top = k->sel;
	if (k->sel >= k->top + (size_t)rows)
		k->top = k->sel - (size_t)rows + 1;
	if (k->n_shown == 0)
		ui_put(win, y, 2, width - 4, _("nothing found"), STYLE_DIM);
	for (int r = 0; r < rows && k->top + (size_t)r < k->n_shown; r++) {
		size_t pos = k->top + (size_t)r, i = k->shown[pos];
		char *row;

		if (asprintf(&row, "%s %s", k->on[i] ? "[x]" : "[ ]",
			     k->items[i]) < 0)
			continue;
		ui_put(win, y + r, 2, width - 4, row,
		       pos == k->sel ? STYLE_SELECTED : STYLE_NORMAL);
		free(row);
	}
	if (k->top > 0)
		ui_put(win, y, width - 3, 1, "↑", STYLE_DIM);
	if (k->top + (size_t)rows < k->n_shown)
		ui_put(win, y + rows - 1, width - 3, 1, "↓", STYLE_DIM);
	ui_put(win, rows + 3, 2, width - 4,
	       _("Space tick · ⏎ done · Esc cancel"), STYLE_DIM);
}

/* One key in the list; returns 1 to keep the ticks, -1 to cancel, 0 to
 * go on. */
static int ticks_key(struct ticks *k, int r, wint_t ch, int rows)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_DOWN:
			if (k->sel + 1 < k->n_shown)
				k->sel++;
			break;
		case KEY_UP:
			if (k->sel > 0)
				k->sel--;
			break;
		case KEY_NPAGE:
			k->sel += (size_t)rows;
			if (k->sel >= k->n_shown)
				k->sel = k->n_shown ? k->n_shown - 1 : 0;
			break;
		case KEY_PPAGE:
			k->sel = k->sel > (size_t)rows ? k->sel - (size_t)rows
						       : 0;
			break;
		case KEY_ENTER:
			return 1;
		case KEY_BACKSPACE:
			input_line_do(&k->filter, INPUT_DEL_PREV);
			ticks_filter(k);
			break;
		default:
			break;
		}
		return 0;
	}
	if (ch == ESC)
		return -1;
	if (ch == '\n' || ch == '\r')
		return 1;
	if (ch == ' ') {
		if (k->n_shown > 0)
			k->on[k->shown[k->sel]] = !k->on[k->shown[k->sel]];
	} else if (ch == 127 || ch == 8) {
		input_line_do(&k->filter, INPUT_DEL_PREV);
		ticks_filter(k);
	} else if (ch == 21) { /* Ctrl-U */
		input_line_do(&k->filter, INPUT_CLEAR);
		ticks_filter(k);
	} else if (ch > ' ' && input_line_insert(&k->filter, (wchar_t)ch)) {
		ticks_filter(k);
	}
	return 0;
}

static void ticks_free(struct ticks *k)
{
	for (size_t i = 0; k->keys != NULL && i < k->n; i++)
		free(k->keys[i]);
	free(k->keys);
	free(k->shown);
	free(k->on);
	input_line_free(&k->filter);
}

bool form_dialog_pick_many(struct tui *t, const char *title,
			   const char *const *items, size_t n, bool *on,
			   const char *filter)
{
	struct ticks k = { .items = items, .n = n };
	WINDOW *win = NULL;
	PANEL *panel = NULL;
	int done = 0, width = 0, rows = 0;

	if (n == 0)
		return false;
	k.keys = calloc(n, sizeof *k.keys);
	k.shown = calloc(n, sizeof *k.shown);
	k.on = malloc(n * sizeof *k.on);
	if (k.keys == NULL || k.shown == NULL || k.on == NULL ||
	    !input_line_set(&k.filter, filter)) {
		ticks_free(&k);
		return false;
	}
	memcpy(k.on, on, n * sizeof *on);
	for (size_t i = 0; i < n; i++) {
		k.keys[i] = fold_key(items[i]); /* NULL: always shown */
		if (text_width(items[i]) + 4 > width)
			width = text_width(items[i]) + 4;
	}
	width += 4;
	if (width < text_width(title) + 6)
		width = text_width(title) + 6;
	/* The hint whole, in French too. */
	if (width < text_width(_("Space tick · ⏎ done · Esc cancel")) + 4)
		width = text_width(_("Space tick · ⏎ done · Esc cancel")) + 4;
	ticks_filter(&k);
	while (done == 0 && !tui_interrupted()) {
		wint_t ch;
		int r;

		if (win == NULL && ui_big_enough()) {
			int w = width < COLS - 4 ? width : COLS - 4;

			rows = (int)n < LINES - 8 ? (int)n : LINES - 8;
			tui_draw(t);
			win = newwin(rows + 5, w, (LINES - rows - 5) / 2,
				     (COLS - w) / 2);
			panel = win ? new_panel(win) : NULL;
			if (panel == NULL)
				break;
			keypad(win, TRUE);
			wtimeout(win, 500);
		}
		if (win != NULL) {
			ticks_draw(&k, win, getmaxx(win), rows, title);
			update_panels();
		} else {
			ui_draw_too_small_with(_("Esc cancels."));
		}
		doupdate();
		r = win != NULL ? wget_wch(win, &ch) : get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			if (panel != NULL)
				del_panel(panel);
			if (win != NULL)
				delwin(win);
			panel = NULL;
			win = NULL;
			continue;
		}
		if (win == NULL) {
			done = r == OK && ch == ESC ? -1 : 0;
			continue;
		}
		done = ticks_key(&k, r, ch, rows);
	}
	if (done == 1)
		memcpy(on, k.on, n * sizeof *on);
	if (panel != NULL)
		del_panel(panel);
	if (win != NULL)
		delwin(win);
	ticks_free(&k);
	tui_draw(t);
	update_panels();
	return done == 1;
}

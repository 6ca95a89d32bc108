/* ui.c: styles and safe, width-aware drawing. */
#include "ui.h"
#include "i18n.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static attr_t styles[STYLE_COUNT];

void ui_styles_init(bool colour)
{
	static const struct {
		short fg;
		attr_t extra;
	} pairs[STYLE_COUNT] = {
		[STYLE_TITLE] = { COLOR_WHITE, A_BOLD },
		[STYLE_TAB_ON] = { COLOR_CYAN, A_BOLD | A_REVERSE },
		[STYLE_HEADER] = { COLOR_CYAN, A_BOLD },
		[STYLE_OVERDUE] = { COLOR_RED, A_BOLD },
		[STYLE_SOON] = { COLOR_YELLOW, A_BOLD },
		[STYLE_READY] = { COLOR_GREEN, A_BOLD },
		[STYLE_ERROR] = { COLOR_RED, A_BOLD },
		[STYLE_OK] = { COLOR_GREEN, 0 },
	};

	/* Without colour, every style still differs where it matters. */
	styles[STYLE_NORMAL] = A_NORMAL;
	styles[STYLE_TITLE] = A_BOLD;
	styles[STYLE_TAB] = A_NORMAL;
	styles[STYLE_TAB_ON] = A_REVERSE | A_BOLD;
	styles[STYLE_HEADER] = A_BOLD | A_UNDERLINE;
	styles[STYLE_SELECTED] = A_REVERSE;
	styles[STYLE_OVERDUE] = A_BOLD;
	styles[STYLE_SOON] = A_NORMAL;
	styles[STYLE_READY] = A_NORMAL;
	styles[STYLE_DIM] = A_DIM;
	styles[STYLE_ERROR] = A_BOLD | A_REVERSE;
	styles[STYLE_OK] = A_BOLD;
	if (!colour || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	for (int s = 0; s < STYLE_COUNT; s++) {
		if (pairs[s].fg == 0 && pairs[s].extra == 0)
			continue;
		if (init_pair((short)s, pairs[s].fg, -1) == OK)
			styles[s] = COLOR_PAIR(s) | pairs[s].extra;
	}
	styles[STYLE_HEADER] = COLOR_PAIR(STYLE_HEADER) | A_BOLD;
}

attr_t ui_style(enum ui_style s)
{
	return s < STYLE_COUNT ? styles[s] : A_NORMAL;
}

void ui_put(WINDOW *w, int y, int x, int width, const char *s,
	    enum ui_style style)
{
	int maxy, maxx;
	size_t size;
	char *buf;

	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || width <= 0)
		return;
	if (x + width > maxx)
		width = maxx - x;
	size = strlen(s ? s : "") + (size_t)width + 8;
	buf = malloc(size);
	if (buf == NULL)
		return;
	text_fit(s ? s : "", width, buf, size);
	wattrset(w, ui_style(style));
	/* Writing the bottom-right cell reports ERR (the cursor cannot
	 * advance) but draws it; nothing to do about it. */
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
	free(buf);
}

void ui_title(WINDOW *w, int width, const char *title)
{
	size_t size = strlen(title) + 4;
	char *t = malloc(size);
	int tw;

	if (t == NULL)
		return;
	snprintf(t, size, " %s ", title);
	tw = text_width(t);
	ui_put(w, 0, 2, tw < width - 4 ? tw : width - 4, t, STYLE_TITLE);
	free(t);
}

void ui_rule(WINDOW *w, int y)
{
	int maxy, maxx;

	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy)
		return;
	wattrset(w, ui_style(STYLE_DIM));
	mvwhline(w, y, 0, ACS_HLINE, maxx);
	wattrset(w, A_NORMAL);
}

bool ui_big_enough(void)
{
	return COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES;
}

void ui_draw_too_small(void)
{
	ui_draw_too_small_with(_("q quits."));
}

void ui_draw_too_small_with(const char *way_out)
{
	char size[128], need[128];
	/* Three short lines, so that the way out shows even at 40 columns. */
	const char *lines[] = { size, need, way_out };

	erase();
	snprintf(size, sizeof size, _("Terminal too small: %d×%d."), COLS,
		 LINES);
	snprintf(need, sizeof need, _("parcours needs at least %d×%d."),
		 UI_MIN_COLS, UI_MIN_LINES);
	for (int i = 0; i < (int)(sizeof lines / sizeof lines[0]); i++) {
		int w = text_width(lines[i]);
		int y = LINES / 2 - 1 + i, x = (COLS - w) / 2;

		if (y < 0 || y >= LINES)
			continue;
		if (x < 0)
			x = 0;
		ui_put(stdscr, y, x, w < COLS ? w : COLS, lines[i],
		       i == 0 ? STYLE_TITLE : STYLE_NORMAL);
	}
	wnoutrefresh(stdscr);
}

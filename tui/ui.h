/* ui.h: drawing on the terminal: attributes, width-aware text, frames. */
#ifndef PARCOURS_UI_H
#define PARCOURS_UI_H

#include <curses.h>
#include <stdbool.h>

/* The smallest terminal the views are drawn for. */
#define UI_MIN_COLS  80
#define UI_MIN_LINES 24

/* What a piece of text is: each maps to an attribute (colour or not). */
enum ui_style {
	STYLE_NORMAL,
	STYLE_TITLE,	/* the top bar */
	STYLE_TAB,	/* a view's name in the top bar */
	STYLE_TAB_ON,	/* the current view's name */
	STYLE_HEADER,	/* column headings, section titles */
	STYLE_SELECTED, /* the line under the cursor */
	STYLE_OVERDUE,	/* red: late */
	STYLE_SOON,	/* yellow: due soon */
	STYLE_READY,	/* green: ready for a step */
	STYLE_DIM,	/* secondary text */
	STYLE_ERROR,	/* a refused input */
	STYLE_OK,	/* a saved change */
	STYLE_COUNT
};

/*
 * Set up the styles after initscr(): colours when the terminal has them
 * and `colour` is true (false under NO_COLOR), else bold, underline and
 * reverse video only, so every marker still reads.
 */
void ui_styles_init(bool colour);

/* The attribute of a style. */
attr_t ui_style(enum ui_style s);

/*
 * Write `s` at (y, x) of `w` in exactly `width` columns (cut with "…" or
 * padded), never past the window's edge.
 */
void ui_put(WINDOW *w, int y, int x, int width, const char *s,
	    enum ui_style style);

/* A title set into the top border of a boxed window `width` wide. */
void ui_title(WINDOW *w, int width, const char *title);

/* A horizontal rule across the window at line y. */
void ui_rule(WINDOW *w, int y);

/* True when the terminal is at least UI_MIN_COLS x UI_MIN_LINES. */
bool ui_big_enough(void);

/* Say plainly, centred, that the terminal is too small (any size). */
void ui_draw_too_small(void);

/* The same, with another way out than "q quits." (a form, where q is a
 * letter: "Esc cancels the form."). */
void ui_draw_too_small_with(const char *way_out);

#endif

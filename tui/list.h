/* list.h: a scrolling list with a selection, shared by every view that
 * shows one (caseload, agenda, a participant's appointments, help). */
#ifndef PARCOURS_LIST_H
#define PARCOURS_LIST_H

#include "keys.h"

#include <stdbool.h>
#include <stddef.h>

/* Where a list of `n` items stands: the selected item and the first shown.
 * Zeroed, it is an empty list at its start. */
struct list {
	size_t n;   /* items */
	size_t sel; /* the selected item, < n unless n is 0 */
	size_t top; /* the first item on screen */
};

/*
 * Keep `l` whole for `n` items shown `page` lines at a time: the selection
 * stays inside the list and on screen, the screen shows the selection.
 */
void list_fit(struct list *l, size_t n, int page);

/*
 * As list_fit, after the items changed under the selection (an edit moved
 * the selected item): when the selection left the screen, it comes back a
 * third down the page, so that the items above it stay in view.
 */
void list_follow(struct list *l, size_t n, int page);

/*
 * Move the selection for `a` (down, up, page and half page down and up,
 * top, bottom),
 * then fit. Returns false, changing nothing, for any other action.
 */
bool list_move(struct list *l, enum action a, int page);

/*
 * For a text read by scrolling (help, a note): the top line is the
 * selection. Move it for `a` (lines, pages, half pages, top, bottom),
 * down to the top of the last page. False, nothing changed, for any other
 * action.
 */
bool list_scroll(struct list *l, enum action a, int page);

/* Select item `i` (clamped) and bring it on screen. */
void list_select(struct list *l, size_t i, int page);

/* Items hidden above the screen, and below it, for `page` lines. */
size_t list_above(const struct list *l);
size_t list_below(const struct list *l, int page);

/*
 * Write what is out of view ("↑ 3 · ↓ 12 more", translated) into buf, or
 * "" when everything shows. Returns buf.
 */
char *list_more(const struct list *l, int page, char *buf, size_t size);

/*
 * Draw list_more() right-aligned so that it ends at column `right` of line
 * `y` of stdscr, in the dim style; nothing when everything shows.
 */
void list_draw_more(const struct list *l, int page, int y, int right);

#endif

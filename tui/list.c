/* list.c: selection, scrolling and "more above/below" for every list. */
#include "list.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"

#include <stdio.h>

void list_fit(struct list *l, size_t n, int page)
{
	size_t p = page > 1 ? (size_t)page : 1;

	l->n = n;
	if (n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + p)
		l->top = l->sel - p + 1;
	/* No empty screen below the last item when there is more above. */
	if (l->top > 0 && l->top + p > n)
		l->top = n > p ? n - p : 0;
}

void list_follow(struct list *l, size_t n, int page)
{
	size_t p = page > 1 ? (size_t)page : 1;

	l->n = n;
	if (n > 0 && l->sel >= n)
		l->sel = n - 1;
	/* Out of view: a third down the page, with what lies above it. */
	if (l->sel < l->top || l->sel >= l->top + p)
		l->top = l->sel > p / 3 ? l->sel - p / 3 : 0;
	list_fit(l, n, page);
}

bool list_move(struct list *l, enum action a, int page)
{
	size_t p = page > 1 ? (size_t)page : 1;

	switch (a) {
	case ACT_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		break;
	case ACT_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case ACT_PAGE_DOWN:
		l->sel = l->sel + p < l->n ? l->sel + p : l->n ? l->n - 1 : 0;
		break;
	case ACT_PAGE_UP:
		l->sel = l->sel > p ? l->sel - p : 0;
		break;
	case ACT_HALF_DOWN:
		p = p > 1 ? p / 2 : 1;
		l->sel = l->sel + p < l->n ? l->sel + p : l->n ? l->n - 1 : 0;
		break;
	case ACT_HALF_UP:
		p = p > 1 ? p / 2 : 1;
		l->sel = l->sel > p ? l->sel - p : 0;
		break;
	case ACT_TOP:
		l->sel = 0;
		break;
	case ACT_BOTTOM:
		l->sel = l->n ? l->n - 1 : 0;
		break;
	default:
		return false;
	}
	list_fit(l, l->n, page);
	return true;
}

void list_select(struct list *l, size_t i, int page)
{
	l->sel = i;
	list_fit(l, l->n, page);
}

size_t list_above(const struct list *l)
{
	return l->top < l->n ? l->top : 0;
}

size_t list_below(const struct list *l, int page)
{
	size_t p = page > 1 ? (size_t)page : 1;

	return l->top + p < l->n ? l->n - l->top - p : 0;
}

char *list_more(const struct list *l, int page, char *buf, size_t size)
{
	size_t above = list_above(l), below = list_below(l, page);

	if (above > 0 && below > 0)
		/* TRANSLATORS: items of a list out of view, above and below. */
		snprintf(buf, size, _("↑ %zu · ↓ %zu more"), above, below);
	else if (above > 0)
		snprintf(buf, size, _("↑ %zu more"), above);
	else if (below > 0)
		snprintf(buf, size, _("↓ %zu more"), below);
	else if (size > 0)
		buf[0] = '\0';
	return buf;
}

void list_draw_more(const struct list *l, int page, int y, int right)
{
	char text[96], padded[100];
	int w;

	if (list_more(l, page, text, sizeof text)[0] == '\0')
		return;
	snprintf(padded, sizeof padded, " %s ", text);
	w = text_width(padded);
	if (w > right)
		return;
	ui_put(stdscr, y, right - w, w, padded, STYLE_DIM);
}

bool list_scroll(struct list *l, enum action a, int page)
{
	size_t p = page > 1 ? (size_t)page : 1;
	size_t last = l->n > p ? l->n - p : 0, half = p > 1 ? p / 2 : 1;

	switch (a) {
	case ACT_DOWN:
		l->sel += l->sel < last;
		break;
	case ACT_UP:
		l->sel -= l->sel > 0;
		break;
	case ACT_PAGE_DOWN:
		l->sel = l->sel + p < last ? l->sel + p : last;
		break;
	case ACT_PAGE_UP:
		l->sel = l->sel > p ? l->sel - p : 0;
		break;
	case ACT_HALF_DOWN:
		l->sel = l->sel + half < last ? l->sel + half : last;
		break;
	case ACT_HALF_UP:
		l->sel = l->sel > half ? l->sel - half : 0;
		break;
	case ACT_TOP:
		l->sel = 0;
		break;
	case ACT_BOTTOM:
		l->sel = last;
		break;
	default:
		return false;
	}
	l->top = l->sel;
	return true;
}

/* view_caseload.c: the home view, one line per participant. */
#include "dialogs.h"
#include "format.h"
#include "fold.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const char *const sort_names[SORT_COUNT] = {
	N_("urgency"),		N_("name"), N_("stage"), N_("last contact"),
	N_("next appointment"),
};

/* Dates missing sort after present ones, in either direction. */
static int cmp_date(pdate a, pdate b)
{
	if (a == b)
		return 0;
	if (a == DATE_NONE)
		return 1;
	if (b == DATE_NONE)
		return -1;
	return a < b ? -1 : 1;
}

static int cmp_rows(const void *x, const void *y, void *arg)
{
	const struct tui *t = arg;
	const struct caseload_entry *a = &t->cl.entries[*(const size_t *)x];
	const struct caseload_entry *b = &t->cl.entries[*(const size_t *)y];
	int r = 0;

	switch (t->sort) {
	case SORT_URGENCY:
		r = rules_compare_urgency(&a->summary, &b->summary);
		break;
	case SORT_NAME:
		break;
	case SORT_STAGE:
		r = a->stage_index < b->stage_index   ? -1
		    : a->stage_index > b->stage_index ? 1
						      : 0;
		if (r == 0)
			r = b->summary.days_in_stage - a->summary.days_in_stage;
		break;
	case SORT_LAST_CONTACT:
		/* Those not seen for the longest first, never seen first of
		 * all. */
		if (a->summary.last_contact != b->summary.last_contact)
			r = a->summary.last_contact == DATE_NONE   ? -1
			    : b->summary.last_contact == DATE_NONE ? 1
			    : a->summary.last_contact < b->summary.last_contact
				    ? -1
				    : 1;
		break;
	case SORT_NEXT_APPOINTMENT:
		r = cmp_date(a->summary.next_appointment,
			     b->summary.next_appointment);
		break;
	default:
		break;
	}
	return r != 0 ? r : caseload_compare_name(a, b);
}

void view_caseload_rebuild(struct tui *t)
{
	uint64_t keep = t->n_rows && t->sel < t->n_rows
				? t->cl.entries[t->rows[t->sel]].file.p.id
				: 0;
	char *needle = fold_key(t->search);
	size_t *rows = realloc(t->rows, (t->cl.n ? t->cl.n : 1) * sizeof *rows);

	if (rows == NULL || needle == NULL) {
		free(needle);
		if (rows != NULL)
			t->rows = rows;
		tui_message(t, STYLE_ERROR, "%s", _("out of memory"));
		return;
	}
	t->rows = rows;
	t->n_rows = 0;
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];

		if (e->file.p.status == STATUS_EXITED)
			continue;
		if (t->stage_filter && e->stage_index != t->stage_filter - 1)
			continue;
		if (t->attention_only && e->summary.n_flags == 0)
			continue;
		if (*needle && !caseload_name_matches(e, needle))
			continue;
		rows[t->n_rows++] = i;
	}
	free(needle);
	qsort_r(rows, t->n_rows, sizeof *rows, cmp_rows, t);
	/* Stay on the same participant when still shown. */
	t->sel = 0;
	for (size_t r = 0; keep && r < t->n_rows; r++)
		if (t->cl.entries[rows[r]].file.p.id == keep)
			t->sel = r;
	if (t->top > t->sel)
		t->top = t->sel;
}

/* Column layout for the current width. */
struct columns {
	int name, stage, since, last, next, reason;
};

/* The date columns' headings: in full from 100 columns, short below. */
static const char *last_heading(void)
{
	return COLS >= 100 ? _("Last contact") : _("Seen");
}

static const char *next_heading(void)
{
	return COLS >= 100 ? _("Next appt.") : _("Next");
}

static struct columns layout(void)
{
	struct columns c;
	int rest;

	c.since = 7;
	c.last = text_width(last_heading()) + 2;
	c.next = text_width(next_heading()) + 2;
	if (c.last < 12)
		c.last = 12;
	if (c.next < 12)
		c.next = 12;
	rest = COLS - 4 - c.since - c.last - c.next - 1;
	c.name = rest * 38 / 100;
	c.stage = rest * 27 / 100;
	c.reason = rest - c.name - c.stage;
	if (c.reason < 10) {
		c.name += c.reason;
		c.reason = 0;
	}
	return c;
}

static int page_size(void)
{
	return LINES - 6;
}

/* Append " · " (unless first) and a formatted part to buf. */
static void append(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len > 0 && len + 4 < size) {
		memcpy(buf + len, " · ", 5);
		len += 4;
	}
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

static void draw_status(struct tui *t)
{
	size_t current = 0, flagged = 0;
	char line[512], when[64], right[640];

	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];

		if (e->file.p.status == STATUS_EXITED)
			continue;
		current++;
		flagged += e->summary.n_flags > 0;
	}
	format_long_date(t->today, when, sizeof when);
	snprintf(line, sizeof line,
		 P_("%zu/%d participants · %zu needs attention · %s",
		    "%zu/%d participants · %zu need attention · %s", flagged),
		 current, t->config->caseload_target, flagged, when);

	/* What narrows or orders the list, at the right. */
	right[0] = '\0';
	if (t->search[0])
		append(right, sizeof right, "/%s", t->search);
	if (t->stage_filter)
		append(right, sizeof right, "%s %zu %s", _("stage"),
		       t->stage_filter,
		       t->config->stages[t->stage_filter - 1].short_label);
	if (t->attention_only)
		append(right, sizeof right, "%s", _("to do only"));
	append(right, sizeof right, "%s %s", _("sort:"),
	       _(sort_names[t->sort]));
	/* The counts come first; what narrows the list takes the rest. */
	{
		int lw = text_width(line), w = text_width(right);

		if (lw > COLS - 4)
			lw = COLS - 4;
		if (w > COLS - lw - 4)
			w = COLS - lw - 4;
		ui_put(stdscr, 1, 1, lw, line, STYLE_NORMAL);
		if (w > 0)
			ui_put(stdscr, 1, COLS - w - 1, w, right, STYLE_DIM);
	}
}

static void draw_row(struct tui *t, int y, const struct caseload_entry *e,
		     bool selected, const struct columns *c)
{
	const struct rules_summary *s = &e->summary;
	enum ui_style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	enum ui_style fst = format_summary_style(s);
	char name[256], stage[128], days[32], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	char reason[128] = "";
	int x = 0;

	format_name(&e->file.p, name, sizeof name);
	format_stage(t->config, e, stage, sizeof stage);
	snprintf(days, sizeof days, _("%d d"), s->days_in_stage);
	if (s->n_flags > 0)
		format_flag_short(&s->flags[0], reason, sizeof reason);

	if (selected)
		mvchgat(y, 0, COLS, ui_style(STYLE_SELECTED), 0, NULL);
	/* A cursor that reads without colour or reverse video too. */
	ui_put(stdscr, y, x, 1, selected ? "›" : "", st);
	ui_put(stdscr, y, 1, 2, format_marker(s),
	       selected || fst == STYLE_NORMAL ? st : fst);
	x = 4;
	ui_put(stdscr, y, 3, 1, "", st);
	ui_put(stdscr, y, x, c->name, name, st);
	x += c->name + 1;
	ui_put(stdscr, y, x - 1, 1, "", st);
	ui_put(stdscr, y, x, c->stage, stage, st);
	x += c->stage;
	{
		int w = text_width(days);

		ui_put(stdscr, y, x, c->since - w - 1, "", st);
		ui_put(stdscr, y, x + c->since - w - 1, w + 1, days, st);
	}
	x += c->since + 1;
	ui_put(stdscr, y, x - 1, 1, "", st);
	ui_put(stdscr, y, x, c->last,
	       s->last_contact != DATE_NONE ? cli_date(s->last_contact, d1)
					    : "—",
	       st);
	x += c->last;
	ui_put(stdscr, y, x, c->next,
	       s->next_appointment != DATE_NONE
		       ? cli_date(s->next_appointment, d2)
		       : "—",
	       st);
	x += c->next;
	if (c->reason > 0)
		ui_put(stdscr, y, x, COLS - x, reason,
		       selected || fst == STYLE_NORMAL ? st : fst);
}

void view_caseload_draw(struct tui *t)
{
	struct columns c = layout();
	int page = page_size(), x = 4;

	tui_draw_frame(t, NULL);
	draw_status(t);
	ui_rule(stdscr, 2);
	/* Column headings. */
	ui_put(stdscr, 3, 1, 2, "!", STYLE_HEADER);
	ui_put(stdscr, 3, x, c.name, _("Name"), STYLE_HEADER);
	x += c.name + 1;
	ui_put(stdscr, 3, x, c.stage, _("Stage"), STYLE_HEADER);
	x += c.stage;
	{
		const char *h = _("Since");
		int w = text_width(h);

		ui_put(stdscr, 3, x + c.since - w - 1, w, h, STYLE_HEADER);
	}
	x += c.since + 1;
	ui_put(stdscr, 3, x, c.last, last_heading(), STYLE_HEADER);
	x += c.last;
	ui_put(stdscr, 3, x, c.next, next_heading(), STYLE_HEADER);
	x += c.next;
	if (c.reason > 0)
		ui_put(stdscr, 3, x, COLS - x, _("To do"), STYLE_HEADER);

	tui_move_selection(ACT_NONE, t->n_rows, page, &t->sel, &t->top);
	for (int i = 0; i < page && t->top + (size_t)i < t->n_rows; i++) {
		size_t r = t->top + (size_t)i;

		draw_row(t, 4 + i, &t->cl.entries[t->rows[r]], r == t->sel, &c);
	}
	if (t->n_rows == 0)
		ui_put(stdscr, 5, 4, COLS - 8,
		       t->search[0] || t->stage_filter || t->attention_only
			       ? _("Nobody matches; Esc clears the search "
				   "and filters.")
			       : _("No participant yet: N adds one."),
		       STYLE_DIM);
	if (t->searching) {
		char prompt[300];

		snprintf(prompt, sizeof prompt, "/%s", t->search);
		ui_put(stdscr, LINES - 1, 0, COLS - 1, "", STYLE_NORMAL);
		ui_put(stdscr, LINES - 1, 1, COLS / 2, prompt, STYLE_TITLE);
		ui_put(stdscr, LINES - 1, COLS / 2 + 2, COLS / 2 - 3,
		       _("⏎ keep · Esc clear"), STYLE_DIM);
	}
}

/* Remove the last UTF-8 character of s. */
static void drop_last_char(char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		n--;
		if (((unsigned char)s[n] & 0xc0) != 0x80)
			break;
	}
	s[n] = '\0';
}

bool view_caseload_search_key(struct tui *t, int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		if (ch == KEY_BACKSPACE) {
			drop_last_char(t->search);
			view_caseload_rebuild(t);
			return true;
		}
		if (ch == KEY_ENTER) {
			t->searching = false;
			return true;
		}
		return false; /* arrows and pages still move */
	}
	if (ch == 27) {
		t->searching = false;
		t->search[0] = '\0';
		view_caseload_rebuild(t);
	} else if (ch == '\n' || ch == '\r') {
		t->searching = false;
	} else if (ch == 127 || ch == 8) {
		drop_last_char(t->search);
		view_caseload_rebuild(t);
	} else if (ch == 21) { /* Ctrl-U */
		t->search[0] = '\0';
		view_caseload_rebuild(t);
	} else if (ch >= 32) {
		char mb[MB_LEN_MAX + 1];
		mbstate_t st;
		size_t k, len = strlen(t->search);

		memset(&st, 0, sizeof st);
		k = wcrtomb(mb, (wchar_t)ch, &st);
		if (k != (size_t)-1 && len + k + 1 < sizeof t->search) {
			memcpy(t->search + len, mb, k);
			t->search[len + k] = '\0';
			t->sel = t->top = 0;
			view_caseload_rebuild(t);
			t->sel = t->top = 0;
		}
	} else {
		return false;
	}
	return true;
}

void view_caseload_handle(struct tui *t, enum action a)
{
	switch (a) {
	case ACT_OPEN:
		if (t->sel < t->n_rows)
			tui_open_participant(
				t, t->cl.entries[t->rows[t->sel]].file.p.id);
		break;
	case ACT_SEARCH:
		t->searching = true;
		break;
	case ACT_SORT:
		t->sort = (enum sort_mode)((t->sort + 1) % SORT_COUNT);
		view_caseload_rebuild(t);
		t->sel = t->top = 0;
		tui_message(t, STYLE_OK, _("Sorted by %s."),
			    _(sort_names[t->sort]));
		break;
	case ACT_FILTER_STAGE:
		t->stage_filter =
			(t->stage_filter + 1) % (t->config->n_stages + 1);
		t->sel = t->top = 0;
		view_caseload_rebuild(t);
		break;
	case ACT_ATTENTION_ONLY:
		t->attention_only = !t->attention_only;
		t->sel = t->top = 0;
		view_caseload_rebuild(t);
		break;
	case ACT_BACK:
		t->search[0] = '\0';
		t->stage_filter = 0;
		t->attention_only = false;
		view_caseload_rebuild(t);
		break;
	case ACT_NEW:
		dialog_new_participant(t);
		break;
	case ACT_PURGE:
		dialog_purge(t);
		break;
	default:
		tui_move_selection(a, t->n_rows, page_size(), &t->sel, &t->top);
		break;
	}
}

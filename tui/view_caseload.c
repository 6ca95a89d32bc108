/* view_caseload.c: the home view, one line per participant. */
#include "dialogs.h"
#include "error.h"
#include "export.h"
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

/* How the list sorts; `s` cycles through them in this order. */
enum sort_mode {
	SORT_URGENCY,
	SORT_NAME,
	SORT_STAGE,
	SORT_LAST_CONTACT,
	SORT_NEXT_APPOINTMENT,
	SORT_COUNT
};

/* The view's own state. */
struct caseload_view {
	size_t *rows;	  /* the shown rows: indexes into t->cl.entries */
	struct list list; /* over rows */
	/* The selected participant, kept by id: the caseload behind `rows`
	 * may have been replaced (reload, erasure) when rows are rebuilt. */
	uint64_t selected;
	enum sort_mode sort;
	/* 0: everyone; k: stage k-1 only; after_exit_filter(): those
	 * left at hiring, followed in work until their exit is validated. */
	size_t stage_filter;
	int flag_filter;  /* 0: none; k: those with a flag of kind k-1 */
	bool show_exited; /* those who left too, their exit shown */
	bool attention_only;
	bool searching;	  /* typing after '/' */
	char search[256]; /* what was typed, UTF-8 */
};

/* What qsort_r compares rows with. */
struct sort_arg {
	const struct caseload *cl;
	enum sort_mode sort;
};

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
	const struct sort_arg *sa = arg;
	const struct caseload_entry *a = &sa->cl->entries[*(const size_t *)x];
	const struct caseload_entry *b = &sa->cl->entries[*(const size_t *)y];
	int r = 0;

	switch (sa->sort) {
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

/* The stage filter's last value: the in-work follow-up after exit. */
static size_t after_exit_filter(const struct tui *t)
{
	return t->config->n_stages + 1;
}

/* True when someone is followed in work after an exit at hiring. */
static bool any_after_exit(const struct tui *t)
{
	for (size_t i = 0; i < t->cl.n; i++)
		if (rules_after_exit(t->config, &t->cl.entries[i].file.p))
			return true;
	return false;
}

/* True when `e` left and its row shows its exit: not one followed in
 * work after an exit at hiring, who keeps a row of the caseload's own. */
static bool has_left(const struct tui *t, const struct caseload_entry *e)
{
	return e->file.p.status == STATUS_EXITED &&
	       !rules_after_exit(t->config, &e->file.p);
}

/* True when `e` has a flag of kind k. */
static bool has_flag(const struct caseload_entry *e, int k)
{
	for (size_t i = 0; i < e->summary.n_flags; i++)
		if ((int)e->summary.flags[i].kind == k)
			return true;
	return false;
}

/* True when `e` is shown under the filters: those who left only when
 * asked for (L), but for those followed in work after an exit at hiring
 * and those with the six-months survey to ask. */
static bool passes_filter(const struct tui *t, const struct caseload_view *v,
			  const struct caseload_entry *e)
{
	bool after_exit = rules_after_exit(t->config, &e->file.p);

	if (has_left(t, e) && !v->show_exited &&
	    !has_flag(e, FLAG_FSE_SURVEY_DUE) &&
	    !has_flag(e, FLAG_FSE_SURVEY_OVERDUE))
		return false;
	if (v->flag_filter > 0 && !has_flag(e, v->flag_filter - 1))
		return false;
	if (v->stage_filter == 0)
		return true;
	if (v->stage_filter == after_exit_filter(t))
		return after_exit;
	return !after_exit && e->stage_index == v->stage_filter - 1;
}

static int page_size(void)
{
	return LINES - 6;
}

/* Note which participant is selected, after any change of the list. */
static void remember(const struct tui *t, struct caseload_view *v)
{
	v->selected = v->list.sel < v->list.n
			      ? t->cl.entries[v->rows[v->list.sel]].file.p.id
			      : 0;
}

static void rebuild(struct tui *t, void *data)
{
	struct caseload_view *v = data;
	uint64_t keep = v->selected;
	char *needle = fold_key(v->search);
	size_t *rows = realloc(v->rows, (t->cl.n ? t->cl.n : 1) * sizeof *rows);
	struct sort_arg sa = { &t->cl, v->sort };
	size_t n = 0;

	if (rows == NULL || needle == NULL) {
		free(needle);
		if (rows != NULL)
			v->rows = rows;
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	v->rows = rows;
	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];

		if (!passes_filter(t, v, e))
			continue;
		if (v->attention_only && e->summary.n_flags == 0)
			continue;
		if (*needle && !caseload_name_matches(e, needle))
			continue;
		rows[n++] = i;
	}
	free(needle);
	qsort_r(rows, n, sizeof *rows, cmp_rows, &sa);
	/* Stay on the same participant when still shown. */
	v->list.n = n;
	v->list.sel = 0;
	for (size_t r = 0; keep && r < n; r++)
		if (t->cl.entries[rows[r]].file.p.id == keep)
			v->list.sel = r;
	/* An edit may have moved the participant: back in view, with the
	 * rows above. */
	list_follow(&v->list, n, page_size());
	remember(t, v);
}

/* Rebuild from the first row: after the sort, a filter or the search
 * changed. */
static void restart(struct tui *t, struct caseload_view *v)
{
	v->list.sel = v->list.top = 0;
	v->selected = 0; /* no participant to stay on */
	rebuild(t, v);
}

/* Column layout for the current width. */
struct columns {
	int name, stage, since, last, next, reason;
};

/* The date columns' headings: in full from 100 columns, short below. */
/* The long heading from 100 columns when it is no wider than a date and
 * its space, else the short one: the names keep the room. */
static const char *heading(const char *full, const char *brief)
{
	return COLS >= 100 && text_width(full) <= 12 ? full : brief;
}

static const char *last_heading(void)
{
	return heading(_("Last contact"), _("Seen"));
}

static const char *next_heading(void)
{
	return heading(_("Next appt."), _("Next"));
}

/*
 * The columns for the current width. Dates are never cut (10 columns and
 * a space); the "to do" column keeps the 17 its short words need; the
 * name and the stage share the rest, and give way first.
 */
static struct columns layout(void)
{
	struct columns c;
	int date_w = COLS >= 100 ? 12 : 11, avail;

	c.since = 7;
	c.last = text_width(last_heading()) + 2;
	c.next = text_width(next_heading()) + 2;
	if (c.last < date_w)
		c.last = date_w;
	if (c.next < date_w)
		c.next = date_w;
	/* name + 1 + stage + since + 1 + last + next + reason, from x = 4 */
	avail = COLS - 4 - 1 - c.since - 1 - c.last - c.next;
	c.reason = avail * 35 / 100;
	if (c.reason < 17)
		c.reason = 17;
	c.stage = avail * 27 / 100;
	c.name = avail - c.reason - c.stage;
	if (c.name < 12) {
		c.reason -= 12 - c.name;
		c.name = 12;
	}
	if (c.reason < 10) {
		c.name += c.reason;
		c.reason = 0;
	}
	return c;
}

static void draw_status(struct tui *t, const struct caseload_view *v)
{
	size_t current = 0, flagged = 0, after_exit = 0;
	char line[512], when[64], right[640];

	for (size_t i = 0; i < t->cl.n; i++) {
		const struct caseload_entry *e = &t->cl.entries[i];

		/* Whoever has something to do counts: those left at hiring
		 * and followed, those left with the survey to ask. */
		after_exit += rules_after_exit(t->config, &e->file.p);
		flagged += e->summary.n_flags > 0;
		current += e->file.p.status != STATUS_EXITED;
	}
	/* Counts as what they are: "82 participants · target 80"; the
	 * target gives way first when the filters need the room. */
	if (COLS >= 100 ||
	    (!v->search[0] && !v->stage_filter && !v->attention_only &&
	     !v->flag_filter && !v->show_exited))
		snprintf(line, sizeof line,
			 P_("%zu participant · target %d",
			    "%zu participants · target %d", current),
			 current, t->config->caseload_target);
	else
		snprintf(line, sizeof line,
			 P_("%zu participant", "%zu participants", current),
			 current);
	if (after_exit > 0)
		text_appendf(line, sizeof line, " · ",
			     P_("%zu in work after exit",
				"%zu in work after exit", after_exit),
			     after_exit);
	text_appendf(line, sizeof line, " · ",
		     P_("%zu needs attention", "%zu need attention", flagged),
		     flagged);

	/* What narrows or orders the list, at the right. */
	right[0] = '\0';
	if (v->search[0])
		text_appendf(right, sizeof right, " · ", "/%s", v->search);
	if (v->stage_filter == after_exit_filter(t))
		text_appendf(right, sizeof right, " · ", "%s", _("after exit"));
	else if (v->stage_filter)
		text_appendf(
			right, sizeof right, " · ", "%s %zu %s", _("stage"),
			v->stage_filter,
			t->config->stages[v->stage_filter - 1].short_label);
	if (v->flag_filter > 0)
		text_appendf(right, sizeof right, " · ", "%s",
			     export_flag_label(
				     (enum flag_kind)(v->flag_filter - 1)));
	if (v->attention_only)
		text_appendf(right, sizeof right, " · ", "%s", _("to do only"));
	if (v->show_exited)
		text_appendf(right, sizeof right, " · ", "%s",
			     _("with those who left"));
	text_appendf(right, sizeof right, " · ", "%s %s", _("sort:"),
		     _(sort_names[v->sort]));
	/* The date when there is room for it beside the rest. */
	format_long_date(t->today, when, sizeof when);
	if (text_width(line) + text_width(when) + text_width(right) + 7 <= COLS)
		text_appendf(line, sizeof line, " · ", "%s", when);
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
	if (has_left(t, e) && s->n_flags > 0) {
		/* Who left with the survey to ask: that, in its colour. */
		days[0] = '\0';
	} else if (has_left(t, e)) {
		/* Who left: dimmed, their exit in the To do column. */
		const struct config_exit_reason *r =
			config_exit_reason(t->config, e->file.p.exit_reason);

		if (e->file.p.transferred != DATE_NONE)
			snprintf(reason, sizeof reason, _("transferred %s"),
				 cli_date(e->file.p.transferred, d1));
		else
			snprintf(reason, sizeof reason, _("left %s: %s"),
				 cli_date(e->file.p.exit_date, d1),
				 r			 ? r->label
				 : e->file.p.exit_reason ? e->file.p.exit_reason
							 : "—");
		if (!selected)
			st = fst = STYLE_DIM;
		days[0] = '\0'; /* no stage to count days in */
	}

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

/* How many who left the search finds, hidden while L is off. */
static size_t left_matching(const struct tui *t, const struct caseload_view *v)
{
	char *needle = fold_key(v->search);
	size_t n = 0;

	if (needle == NULL)
		return 0;
	for (size_t i = 0; i < t->cl.n; i++)
		n += has_left(t, &t->cl.entries[i]) &&
		     caseload_name_matches(&t->cl.entries[i], needle);
	free(needle);
	return n;
}

static void draw(struct tui *t, void *data)
{
	struct caseload_view *v = data;
	struct columns c = layout();
	int page = page_size(), x = 4;

	tui_draw_frame(t, NULL);
	draw_status(t, v);
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

	list_fit(&v->list, v->list.n, page);
	for (int i = 0; i < page && v->list.top + (size_t)i < v->list.n; i++) {
		size_t r = v->list.top + (size_t)i;

		draw_row(t, 4 + i, &t->cl.entries[v->rows[r]], r == v->list.sel,
			 &c);
	}
	list_draw_more(&v->list, page, 2, COLS - 1);
	if (v->list.n == 0)
		ui_put(stdscr, 5, 4, COLS - 8,
		       v->search[0] || v->stage_filter || v->attention_only ||
				       v->flag_filter
			       ? _("Nobody matches; Esc clears the search "
				   "and filters.")
			       : _("No participant yet: A adds one."),
		       STYLE_DIM);
	if (v->list.n == 0 && v->search[0] && !v->show_exited &&
	    left_matching(t, v) > 0) {
		char hint[200];
		size_t n = left_matching(t, v);

		snprintf(hint, sizeof hint,
			 P_("%zu who left matches: L shows them.",
			    "%zu who left match: L shows them.", n),
			 n);
		ui_put(stdscr, 6, 4, COLS - 8, hint, STYLE_NORMAL);
	}
	if (v->searching) {
		char prompt[300];

		snprintf(prompt, sizeof prompt, "/%s", v->search);
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

/* While searching, every key goes here; false when not used. */
static bool key(struct tui *t, void *data, int r, wint_t ch)
{
	struct caseload_view *v = data;

	if (!v->searching)
		return false;
	if (r == KEY_CODE_YES) {
		if (ch == KEY_BACKSPACE) {
			drop_last_char(v->search);
			rebuild(t, v);
			return true;
		}
		if (ch == KEY_ENTER) {
			v->searching = false;
			return true;
		}
		return false; /* arrows and pages still move */
	}
	if (ch == 27) {
		v->searching = false;
		v->search[0] = '\0';
		rebuild(t, v);
	} else if (ch == '\n' || ch == '\r') {
		v->searching = false;
	} else if (ch == 127 || ch == 8) {
		drop_last_char(v->search);
		rebuild(t, v);
	} else if (ch == 21) { /* Ctrl-U */
		v->search[0] = '\0';
		rebuild(t, v);
	} else if (ch >= 32) {
		char mb[MB_LEN_MAX + 1];
		mbstate_t st;
		size_t k, len = strlen(v->search);

		memset(&st, 0, sizeof st);
		k = wcrtomb(mb, (wchar_t)ch, &st);
		if (k != (size_t)-1 && len + k + 1 < sizeof v->search) {
			memcpy(v->search + len, mb, k);
			v->search[len + k] = '\0';
			restart(t, v);
		}
	} else {
		return false;
	}
	return true;
}

static void handle(struct tui *t, void *data, enum action a)
{
	struct caseload_view *v = data;

	switch (a) {
	case ACT_OPEN:
		if (v->list.sel < v->list.n) {
			struct view_target to = {
				.pid = t->cl.entries[v->rows[v->list.sel]]
					       .file.p.id,
			};

			tui_open(t, &to);
		}
		break;
	case ACT_SEARCH:
		/* A new search, not more letters to the last one. */
		v->searching = true;
		if (v->search[0] != '\0') {
			v->search[0] = '\0';
			rebuild(t, v);
		}
		break;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (v->search[0] == '\0') {
			tui_message(t, STYLE_ERROR, "%s",
				    _("No search: / searches by name."));
		} else if (v->list.n > 0) {
			/* The rows are the matches: round and round. */
			v->list.sel = a == ACT_SEARCH_NEXT
					      ? (v->list.sel + 1) % v->list.n
					      : (v->list.sel + v->list.n - 1) %
							v->list.n;
			list_fit(&v->list, v->list.n, page_size());
			remember(t, v);
		}
		break;
	case ACT_SORT:
		v->sort = (enum sort_mode)((v->sort + 1) % SORT_COUNT);
		restart(t, v);
		tui_message(t, STYLE_OK, _("Sorted by %s."),
			    _(sort_names[v->sort]));
		break;
	case ACT_FILTER_STAGE:
		v->stage_filter =
			(v->stage_filter + 1) % (after_exit_filter(t) + 1);
		/* The step of those followed after an exit only when there
		 * are some. */
		if (v->stage_filter == after_exit_filter(t) &&
		    !any_after_exit(t))
			v->stage_filter = 0;
		restart(t, v);
		break;
	case ACT_ATTENTION_ONLY:
		v->attention_only = !v->attention_only;
		restart(t, v);
		break;
	case ACT_SHOW_EXITED:
		v->show_exited = !v->show_exited;
		rebuild(t, v);
		tui_message(t, STYLE_OK, "%s",
			    v->show_exited
				    ? _("Those who left are shown, dimmed, "
					"with their exit; L hides them.")
				    : _("Those who left are hidden."));
		break;
	case ACT_BACK:
		v->search[0] = '\0';
		v->stage_filter = 0;
		v->flag_filter = 0;
		v->show_exited = false;
		v->attention_only = false;
		rebuild(t, v);
		break;
	case ACT_EXPORT:
		dialog_export(t);
		break;
	case ACT_NEW:
		dialog_new_participant(t);
		break;
	case ACT_PURGE:
		dialog_purge(t);
		break;
	default:
		list_move(&v->list, a, page_size());
		remember(t, v);
		break;
	}
}

/* Opening comes first: the participant's own keys are in their view. */
static void hints(struct tui *t, void *data, struct hint_focus *focus)
{
	struct caseload_view *v = data;

	(void)t;
	if (v->list.sel < v->list.n)
		hint_focus_lead(focus, ACT_OPEN);
}

/* Opened on the participants behind a dashboard line: that filter
 * alone; otherwise as it was. */
static bool enter(struct tui *t, void *data, enum view_id from,
		  const struct view_target *to)
{
	struct caseload_view *v = data;

	(void)from;
	if (to == NULL || (to->stage == 0 && to->flag == 0))
		return true;
	v->search[0] = '\0';
	v->searching = false;
	v->attention_only = false;
	v->show_exited = false;
	v->stage_filter = to->stage <= after_exit_filter(t) ? to->stage : 0;
	v->flag_filter = to->flag > 0 && to->flag <= FLAG_COUNT ? to->flag : 0;
	restart(t, v);
	return true;
}

static void release(void *data)
{
	struct caseload_view *v = data;

	free(v->rows);
}

const struct view view_caseload = {
	.id = VIEW_CASELOAD,
	.title = N_("Caseload"),
	.tab = true,
	.shown_by = ACT_VIEW_CASELOAD,
	.state_size = sizeof(struct caseload_view),
	.release = release,
	.rebuild = rebuild,
	.enter = enter,
	.key = key,
	.draw = draw,
	.handle = handle,
	.hints = hints,
};

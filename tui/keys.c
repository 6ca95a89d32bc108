/* keys.c: the key table. */
#include "keys.h"
#include "i18n.h"
#include "text.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c)&0x1f)
#define ESC	27

#define LISTS                                                                  \
	(VIEW_BIT(VIEW_CASELOAD) | VIEW_BIT(VIEW_AGENDA) |                     \
	 VIEW_BIT(VIEW_DASHBOARD) | VIEW_BIT(VIEW_PARTICIPANT) |               \
	 VIEW_BIT(VIEW_HELP) | VIEW_BIT(VIEW_NOTE))
#define MAIN                                                                   \
	(VIEW_BIT(VIEW_CASELOAD) | VIEW_BIT(VIEW_AGENDA) |                     \
	 VIEW_BIT(VIEW_DASHBOARD))
#define ALL                                                                    \
	(MAIN | VIEW_BIT(VIEW_PARTICIPANT) | VIEW_BIT(VIEW_HELP) |             \
	 VIEW_BIT(VIEW_NOTE))
#define HOME VIEW_BIT(VIEW_CASELOAD)
#define PART VIEW_BIT(VIEW_PARTICIPANT)
#define NOTE VIEW_BIT(VIEW_NOTE)
#define BACKABLE                                                               \
	(VIEW_BIT(VIEW_AGENDA) | VIEW_BIT(VIEW_DASHBOARD) |                    \
	 VIEW_BIT(VIEW_PARTICIPANT) | VIEW_BIT(VIEW_HELP) | NOTE)

/*
 * Order matters twice: the first binding of a key in a view wins, and the
 * help view and hint bar list bindings in this order.
 */
static const struct binding table[] = {
	{ ACT_DOWN,
	  { 'j', KEY_DOWN },
	  N_("j ↓"),
	  N_("move down"),
	  N_("move"),
	  LISTS },
	{ ACT_UP, { 'k', KEY_UP }, N_("k ↑"), N_("move up"), NULL, LISTS },
	{ ACT_PAGE_DOWN,
	  { KEY_NPAGE, CTRL('f') },
	  N_("PgDn"),
	  N_("next page"),
	  NULL,
	  LISTS },
	{ ACT_PAGE_UP,
	  { KEY_PPAGE, CTRL('b') },
	  N_("PgUp"),
	  N_("previous page"),
	  NULL,
	  LISTS },
	{ ACT_HALF_DOWN,
	  { CTRL('d') },
	  N_("Ctrl-D"),
	  N_("half a page down"),
	  NULL,
	  LISTS },
	{ ACT_HALF_UP,
	  { CTRL('u') },
	  N_("Ctrl-U"),
	  N_("half a page up"),
	  NULL,
	  LISTS },
	{ ACT_TOP,
	  { 'g', KEY_HOME },
	  N_("g Home"),
	  N_("first line"),
	  NULL,
	  LISTS },
	{ ACT_BOTTOM,
	  { 'G', KEY_END },
	  N_("G End"),
	  N_("last line"),
	  NULL,
	  LISTS },
	{ ACT_OPEN,
	  { '\n', '\r', KEY_ENTER },
	  "⏎",
	  N_("open the participant"),
	  N_("open"),
	  VIEW_BIT(VIEW_CASELOAD) | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_OPEN,
	  { '\n', '\r', KEY_ENTER },
	  "⏎",
	  N_("list the participants behind the line"),
	  N_("list"),
	  VIEW_BIT(VIEW_DASHBOARD) },
	{ ACT_SEARCH,
	  { '/' },
	  "/",
	  N_("search by name, case and accents ignored (again: a new "
	     "search)"),
	  N_("search"),
	  HOME },
	{ ACT_SEARCH_NEXT,
	  { 'n' },
	  "n",
	  N_("next participant matching the search"),
	  NULL,
	  HOME },
	{ ACT_SEARCH_PREV,
	  { 'N' },
	  "N",
	  N_("previous participant matching the search"),
	  NULL,
	  HOME },
	{ ACT_FILTER_STAGE,
	  { 'f' },
	  "f",
	  N_("show one stage, then the next"),
	  N_("stage"),
	  HOME },
	{ ACT_ATTENTION_ONLY,
	  { '!' },
	  "!",
	  N_("only those needing attention"),
	  N_("to do"),
	  HOME },
	{ ACT_SORT,
	  { 's' },
	  "s",
	  N_("sort by urgency, name, stage, last contact, next appointment"),
	  N_("sort"),
	  HOME },
	{ ACT_SHOW_EXITED,
	  { 'L' },
	  "L",
	  N_("also show those who left (their exit in the To do column)"),
	  N_("who left"),
	  HOME },
	{ ACT_NEW, { 'A', '+' }, N_("A +"), N_("add a participant"), N_("add"),
	  HOME },
	{ ACT_EXPORT,
	  { 'E' },
	  "E",
	  N_("export the summary to a file"),
	  N_("export"),
	  MAIN },
	{ ACT_PLAN,
	  { 'a' },
	  "a",
	  N_("plan an appointment"),
	  N_("appt."),
	  PART },
	{ ACT_DONE,
	  { 'd' },
	  "d",
	  N_("selected appointment: done"),
	  N_("done"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_MISSED,
	  { 'm' },
	  "m",
	  N_("selected appointment: missed"),
	  N_("missed"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_CANCELLED,
	  { 'c' },
	  "c",
	  N_("selected appointment: cancelled"),
	  N_("cancelled"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_RESCHEDULE,
	  { 'r' },
	  "r",
	  N_("selected appointment: reschedule it (date, time, kind)"),
	  N_("move"),
	  PART },
	{ ACT_OUTCOME_CORRECT,
	  { 'o' },
	  "o",
	  N_("selected appointment: correct its outcome or note"),
	  NULL,
	  PART },
	{ ACT_LETTER,
	  { 'l' },
	  "l",
	  N_("a letter from a template (convocation...) to a file"),
	  N_("letter"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_PASS_DAY,
	  { 'D' },
	  "D",
	  N_("the day's appointments without an outcome, one after another"),
	  N_("the day"),
	  VIEW_BIT(VIEW_AGENDA) },
	{ ACT_REMIND_ONLY,
	  { '!' },
	  "!",
	  N_("only the appointments to remind in the next working days"),
	  N_("to remind"),
	  VIEW_BIT(VIEW_AGENDA) },
	{ ACT_REMIND,
	  { 'R' },
	  "R",
	  N_("remind of the selected appointment: number, message, then how"),
	  N_("remind"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_WEEK_NEXT,
	  { '>' },
	  ">",
	  N_("next week"),
	  N_("week"),
	  VIEW_BIT(VIEW_AGENDA) },
	{ ACT_WEEK_PREV,
	  { '<' },
	  "<",
	  N_("previous week"),
	  NULL,
	  VIEW_BIT(VIEW_AGENDA) },
	{ ACT_WEEK_TODAY,
	  { 't' },
	  "t",
	  N_("back to this week, from today"),
	  N_("today"),
	  VIEW_BIT(VIEW_AGENDA) },
	{ ACT_NOTE, { 'n' }, "n", N_("add a note"), N_("note"), PART },
	{ ACT_NOTE_EDIT, { 'w' }, "w", N_("edit a note"), NULL, PART },
	{ ACT_NOTE_DELETE,
	  { 'D' },
	  "D",
	  N_("delete a note (after a question)"),
	  NULL,
	  PART },
	{ ACT_OPEN,
	  { '\n', '\r', KEY_ENTER },
	  "⏎",
	  N_("read the selected appointment and its note in full"),
	  N_("read"),
	  PART },
	{ ACT_READ_NOTES,
	  { 'v' },
	  "v",
	  N_("read every note in full, newest first"),
	  N_("notes"),
	  PART },
	{ ACT_STAGE_NEXT,
	  { '>' },
	  ">",
	  N_("move to the next stage"),
	  N_("next stage"),
	  PART },
	{ ACT_STAGE_PREV,
	  { '<' },
	  "<",
	  N_("move back to the previous stage"),
	  NULL,
	  PART },
	{ ACT_STAGE_PICK, { 'S' }, "S", N_("move to any stage"), NULL, PART },
	{ ACT_JOB,
	  { 'J' },
	  "J",
	  N_("record a job start (starts the follow-up)"),
	  N_("job"),
	  PART },
	{ ACT_JOB_END,
	  { 'L' },
	  "L",
	  N_("record that a job ended (date, reason)"),
	  N_("job ended"),
	  PART },
	{ ACT_JOB_CORRECT,
	  { 'C' },
	  "C",
	  N_("correct a job entered wrongly"),
	  NULL,
	  PART },
	{ ACT_CHECKIN,
	  { 'K' },
	  "K",
	  N_("record an in-work check-in"),
	  N_("check-in"),
	  PART | VIEW_BIT(VIEW_AGENDA) },
	{ ACT_EXIT,
	  { 'x' },
	  "x",
	  N_("record an exit"),
	  N_("exit"),
	  PART },
	{ ACT_EXIT_OUTCOME,
	  { 'V' },
	  "V",
	  N_("left at hiring: validate the exit, or record the work lost"),
	  N_("exit outcome"),
	  PART },
	{ ACT_EXIT_UNDO,
	  { 'U' },
	  "U",
	  N_("undo an exit recorded by mistake"),
	  N_("undo exit"),
	  PART },
	{ ACT_FSE,
	  { 'Q' },
	  "Q",
	  N_("the funder's questionnaires: at entry, on leaving, six months "
	     "after"),
	  N_("questionnaire"),
	  PART },
	{ ACT_EDIT, { 'e' }, "e", N_("edit identity and contact"), NULL, PART },
	{ ACT_TRANSFER,
	  { 't' },
	  "t",
	  N_("transfer to another referent"),
	  NULL,
	  PART },
	{ ACT_ERASE,
	  { 'X' },
	  "X",
	  N_("erase the participant and every trace (name to type)"),
	  NULL,
	  PART },
	{ ACT_PURGE,
	  { 'P' },
	  "P",
	  N_("erase everyone who left before a date (legal holds kept)"),
	  NULL,
	  HOME },
	{ ACT_NEXT_VIEW,
	  { '\t' },
	  N_("Tab"),
	  N_("next view"),
	  N_("views"),
	  ALL },
	{ ACT_PREV_VIEW,
	  { KEY_BTAB },
	  N_("Shift-Tab"),
	  N_("previous view"),
	  NULL,
	  ALL },
	{ ACT_VIEW_CASELOAD, { KEY_F(1) }, "F1", N_("caseload"), NULL, ALL },
	{ ACT_VIEW_AGENDA,
	  { KEY_F(2) },
	  "F2",
	  N_("agenda of the week"),
	  NULL,
	  ALL },
	{ ACT_VIEW_DASHBOARD, { KEY_F(3) }, "F3", N_("dashboard"), NULL, ALL },
	{ ACT_VIEW_PARTICIPANT,
	  { KEY_F(4) },
	  "F4",
	  N_("the participant last opened"),
	  NULL,
	  ALL },
	{ ACT_REFRESH,
	  { CTRL('l') },
	  N_("Ctrl-L"),
	  N_("redraw and read the database again"),
	  NULL,
	  ALL },
	{ ACT_HELP,
	  { '?' },
	  "?",
	  N_("help: every key of this view"),
	  N_("help"),
	  MAIN | PART | NOTE },
	{ ACT_BACK,
	  { ESC, 'q' },
	  N_("Esc q"),
	  N_("back"),
	  N_("back"),
	  BACKABLE },
	{ ACT_BACK,
	  { 'h', KEY_LEFT },
	  N_("h ←"),
	  N_("back, as Esc"),
	  NULL,
	  BACKABLE },
	{ ACT_BACK,
	  { ESC },
	  N_("Esc"),
	  N_("clear the search and filters"),
	  NULL,
	  HOME },
	{ ACT_QUIT, { 'q' }, "q", N_("quit"), N_("quit"), HOME },
};

const struct binding *keys_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

enum action keys_action(enum view_id view, int key)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (!(table[i].views & VIEW_BIT(view)))
			continue;
		for (size_t k = 0; k < 5 && table[i].keys[k] != 0; k++)
			if (table[i].keys[k] == key)
				return table[i].action;
	}
	return ACT_NONE;
}

/* The hints that always show, whatever the width: help, back, quit. */
static bool essential(enum action a)
{
	return a == ACT_HELP || a == ACT_BACK || a == ACT_QUIT;
}

/* Hinted only when the selection calls for them: a check-in, an exit,
 * the end of a job. */
static bool on_focus_only(enum action a)
{
	return a == ACT_CHECKIN || a == ACT_JOB_END || a == ACT_EXIT ||
	       a == ACT_EXIT_OUTCOME || a == ACT_EXIT_UNDO ||
	       a == ACT_RESCHEDULE;
}

/* The moves, hinted last: arrows and Tab are known. */
static bool moving(enum action a)
{
	return a == ACT_DOWN || a == ACT_NEXT_VIEW;
}

static bool in(const enum action *list, size_t n, enum action a)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == a)
			return true;
	return false;
}

void hint_focus_lead(struct hint_focus *f, enum action a)
{
	if (f->n_lead < HINT_FOCUS_MAX && !in(f->lead, f->n_lead, a))
		f->lead[f->n_lead++] = a;
}

void hint_focus_hide(struct hint_focus *f, enum action a)
{
	if (f->n_hide < HINT_FOCUS_MAX && !in(f->hide, f->n_hide, a))
		f->hide[f->n_hide++] = a;
}

static int hint_item(const struct binding *b, bool first, char *item,
		     size_t size)
{
	snprintf(item, size, "%s%s %s", first ? "" : "  ", _(b->label),
		 _(b->hint));
	return text_width(item);
}

/* The first binding of `a` in `view` that has a hint, or NULL. */
static const struct binding *hinted(enum view_id view, enum action a)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == a && table[i].hint != NULL &&
		    (table[i].views & VIEW_BIT(view)))
			return &table[i];
	return NULL;
}

/* The hint bar in the making. */
struct bar {
	char *buf;
	size_t size, used;
	int width, w;
	const struct binding *shown[64];
	size_t n_shown;
};

/* Append b's hint when it fits in the width less `keep`; once only. */
static void bar_add(struct bar *bar, const struct binding *b, int keep)
{
	char item[128];
	size_t len;
	int iw;

	if (b == NULL || bar->n_shown == sizeof bar->shown / sizeof *bar->shown)
		return;
	for (size_t i = 0; i < bar->n_shown; i++)
		if (bar->shown[i]->action == b->action)
			return;
	iw = hint_item(b, bar->used == 0, item, sizeof item);
	len = strlen(item);
	if (bar->w + iw + keep > bar->width || bar->used + len + 1 > bar->size)
		return;
	memcpy(bar->buf + bar->used, item, len + 1);
	bar->used += len;
	bar->w += iw;
	bar->shown[bar->n_shown++] = b;
}

char *keys_hint_bar(enum view_id view, int width,
		    const struct hint_focus *focus, char *buf, size_t size)
{
	const size_t n = sizeof table / sizeof table[0];
	struct bar bar = { .buf = buf, .size = size, .width = width };
	int reserved = 0;
	char item[128];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	/* Room for the essential hints first, then the others. */
	for (size_t i = 0; i < n; i++)
		if (table[i].hint && (table[i].views & VIEW_BIT(view)) &&
		    essential(table[i].action))
			reserved +=
				hint_item(&table[i], false, item, sizeof item);
	for (size_t i = 0; focus != NULL && i < focus->n_lead; i++)
		bar_add(&bar, hinted(view, focus->lead[i]), reserved);
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < n; i++) {
			const struct binding *b = &table[i];
			int step = essential(b->action) ? 2
				   : moving(b->action)	 ? 1
							 : 0;

			if (b->hint == NULL || !(b->views & VIEW_BIT(view)) ||
			    step != pass || on_focus_only(b->action) ||
			    (focus != NULL &&
			     in(focus->hide, focus->n_hide, b->action)))
				continue;
			bar_add(&bar, b, pass < 2 ? reserved : 0);
		}
	}
	return buf;
}

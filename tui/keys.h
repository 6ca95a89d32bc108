/* keys.h: which key does what in which view: one table for dispatch,
 * the help view and the hint bar. */
#ifndef PARCOURS_KEYS_H
#define PARCOURS_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum view_id {
	VIEW_CASELOAD,
	VIEW_AGENDA,
	VIEW_DASHBOARD,
	VIEW_PARTICIPANT,
	VIEW_HELP,
	VIEW_NOTE,
	VIEW_COUNT
};

#define VIEW_BIT(v) (1u << (v))

enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_BACK,
	ACT_QUIT,
	ACT_NEXT_VIEW,
	ACT_PREV_VIEW,
	ACT_VIEW_CASELOAD,
	ACT_VIEW_AGENDA,
	ACT_VIEW_DASHBOARD,
	ACT_VIEW_PARTICIPANT,
	ACT_HELP,
	ACT_REFRESH,
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_SORT,
	ACT_FILTER_STAGE,
	ACT_ATTENTION_ONLY,
	ACT_NEW,
	ACT_EXPORT,
	ACT_PLAN,
	ACT_DONE,
	ACT_MISSED,
	ACT_CANCELLED,
	ACT_NOTE,
	ACT_STAGE_NEXT,
	ACT_STAGE_PREV,
	ACT_STAGE_PICK,
	ACT_JOB,
	ACT_JOB_END,
	ACT_JOB_CORRECT,
	ACT_CHECKIN,
	ACT_EXIT,
	ACT_EXIT_OUTCOME,
	ACT_FSE,
	ACT_EDIT,
	ACT_TRANSFER,
	ACT_ERASE,
	ACT_PURGE,
	ACT_RESCHEDULE,
	ACT_OUTCOME_CORRECT,
	ACT_NOTE_EDIT,
	ACT_NOTE_DELETE,
	ACT_EXIT_UNDO,
	ACT_READ_NOTES,
	ACT_SHOW_EXITED,
	ACT_PASS_DAY,
	ACT_REMIND_ONLY,
	ACT_REMIND,
	ACT_WEEK_NEXT,
	ACT_WEEK_PREV,
	ACT_WEEK_TODAY,
	ACT_LETTER,
	ACT_COUNT
};

/* One line of the key table. */
struct binding {
	enum action action;
	int keys[5];	   /* curses key codes; 0 ends the list */
	const char *label; /* the keys as the help view shows them */
	const char *help;  /* what it does (to translate with _()) */
	const char *hint;  /* short form for the hint bar, or NULL */
	unsigned views;	   /* VIEW_BIT()s where it applies */
};

/* What the selection suggests to the hint bar: the actions it calls for,
 * most useful first, and those that would be refused. */
#define HINT_FOCUS_MAX 16
struct hint_focus {
	enum action lead[HINT_FOCUS_MAX];
	size_t n_lead;
	enum action hide[HINT_FOCUS_MAX];
	size_t n_hide;
};

/* Add `a` to the actions called for (once; beyond the room, dropped). */
void hint_focus_lead(struct hint_focus *f, enum action a);

/* Add `a` to the actions not to offer. */
void hint_focus_hide(struct hint_focus *f, enum action a);

/* The action of `key` in `view`, or ACT_NONE. */
enum action keys_action(enum view_id view, int key);

/* The bindings, in the order the help view lists them; *n gets the count. */
const struct binding *keys_table(size_t *n);

/*
 * Write the hint bar of `view` into buf: "label hint" pairs, translated,
 * as many as fit in `width` columns: first those `focus` calls for (NULL:
 * none), then the keys that have a hint in table order (those `focus`
 * hides and those hinted only when called for left out), the moves last; help,
 * back and quit always. Returns buf.
 */
char *keys_hint_bar(enum view_id view, int width,
		    const struct hint_focus *focus, char *buf, size_t size);

#endif

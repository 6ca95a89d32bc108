/* form_dialog.h: dialogs of labelled fields, and pick lists. */
#ifndef PARCOURS_FORM_DIALOG_H
#define PARCOURS_FORM_DIALOG_H

#include "date.h"

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct tui;

/* The number of fields (or items) of an array. */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum field_kind {
	FIELD_TEXT,   /* free UTF-8 text, scrolls when longer than the box */
	FIELD_DATE,   /* dd/mm/yyyy, yyyy-mm-dd, +N */
	FIELD_TIME,   /* 10:00, 10h00, 10h, 10 */
	FIELD_NUMBER, /* 35, 17,5 or 17.5 */
	FIELD_CHOICE, /* one of `choices`: ←/→ or Space to pick */
	FIELD_MULTI,  /* some of `choices`, ticked in a list (Space, or a
			 letter to filter it): `text` holds their `values`
			 separated by commas, "rsa,deld" */
};

struct form_field;

/*
 * Called when the choice of field `i` changed (FIELD_CHOICE), before the
 * dialog shows again: it may change the texts of other fields (replacing
 * them with malloc'd strings), which the dialog then shows.
 */
typedef void (*form_change_fn)(struct form_field *f, size_t n, size_t i);

struct form_field {
	const char *label; /* translated */
	enum field_kind kind;
	bool required;
	int width;  /* input columns; 0 for the whole width */
	char *text; /* the value as typed: initial value in, final out; owned */
	const char *const *choices; /* FIELD_CHOICE, FIELD_MULTI: translated
				       labels */
	/* FIELD_MULTI: what `text` holds for each choice (NULL: the choices
	 * themselves). Values in `text` found among none (case and accents
	 * ignored) are kept, after the ticked ones. */
	const char *const *values;
	/* FIELD_MULTI: show the ticked choices' labels, not their values
	 * (values that are ids for the data, not words for people). */
	bool show_labels;
	size_t n_choices;
	size_t choice;		/* FIELD_CHOICE: in and out */
	form_change_fn changed; /* FIELD_CHOICE: or NULL */
	/* Filled on submit, before the submit callback runs: */
	pdate date;	 /* FIELD_DATE; DATE_NONE when left empty */
	int minute;	 /* FIELD_TIME; APPT_NO_TIME when left empty */
	long hundredths; /* FIELD_NUMBER, times 100 */
	char error[200]; /* shown under the field; set by the callback too */
};

/*
 * The callback that saves: it gets the parsed fields and returns true
 * when the change is written. On false it explains in fields[i].error or
 * in `message`, and the dialog stays open with everything typed.
 */
typedef bool (*form_submit_fn)(struct tui *t, struct form_field *f, size_t n,
			       void *arg, char *message, size_t msize);

/*
 * Show the dialog over the current view and run it: Enter saves (after
 * checking each field's kind), Esc cancels and writes nothing, Tab/↓ and
 * Shift-Tab/↑ move between fields. A text longer than its box scrolls
 * with the cursor. A resize, even below the minimum size, keeps what was
 * typed. Returns true when saved.
 */
bool form_dialog_run(struct tui *t, const char *title, struct form_field *f,
		     size_t n, form_submit_fn submit, void *arg);

/* What a form may do differently; zero for the usual. */
struct form_options {
	size_t first;	  /* the field that has the focus first */
	const char *save; /* what Enter does, translated, for the hint:
			     _("erase"); NULL for _("save") */
};

/* form_dialog_run with options (o NULL: the usual). */
bool form_dialog_run_with(struct tui *t, const char *title,
			  struct form_field *f, size_t n, form_submit_fn submit,
			  void *arg, const struct form_options *o);

/* Replace a field's text with a copy of `text` (NULL: empty); out of
 * memory, the field keeps its old text. */
void form_field_set(struct form_field *f, const char *text);

/* Free the texts of n fields (NULL texts are fine) and set them NULL. */
void form_fields_free(struct form_field *f, size_t n);

/*
 * For a question or a list over the screen, at the top of its loop: 1
 * when the terminal is big enough (the view drawn again first when it was
 * too small: *resized), 0 after one key while it is too small (the notice
 * says Esc cancels), -1 when that key was Esc.
 */
int form_wait_big_enough(struct tui *t, bool *resized);

/* What a key read under a question or a list says. */
enum overlay_key {
	OVERLAY_KEY,	 /* a key, in *r and *ch */
	OVERLAY_AGAIN,	 /* none yet (the window's time out) */
	OVERLAY_REBUILD, /* the terminal was resized: *resized set */
	OVERLAY_STOP,	 /* a signal asks to leave */
};

/* Show `hint` on the bottom border of `win` (width × height), bring the
 * screen up to date, and wait for a key. */
enum overlay_key form_overlay_key(WINDOW *win, int width, int height,
				  const char *hint, int *r, wint_t *ch,
				  bool *resized);

/*
 * A list to pick one item from (the ncurses menu library), over the
 * current view. Returns true and sets *choice when one was picked.
 */
bool form_dialog_pick(struct tui *t, const char *title,
		      const char *const *items, size_t n, size_t *choice);

/*
 * A list to tick some of n items from, over the current view: Space ticks
 * or unticks, typed letters filter the list (case and accents ignored),
 * Enter keeps the ticks in on[], Esc leaves on[] as it was. `filter`
 * starts the filter (NULL: none). Returns true when kept.
 */
bool form_dialog_pick_many(struct tui *t, const char *title,
			   const char *const *items, size_t n, bool *on,
			   const char *filter);

/*
 * What a submit callback does with an edit's result: true when it
 * succeeded; otherwise the message (*cause, or the code's text) goes into
 * `message` for the dialog to show. Frees *cause and sets it NULL. It
 * takes the cause's address so that `form_edited(edit(.., &cause),
 * &cause, ..)` reads the cause after the edit set it, whatever the order
 * in which the arguments are evaluated.
 */
bool form_edited(int rc, char **cause, char *message, size_t msize);

/* A date as the user types it, for a field's initial text: the caller
 * (the field) frees it; NULL when out of memory (the field starts empty). */
char *form_date_text(pdate d);

/* An array of the translations of n names (N_ strings), malloc'd (the
 * strings are not copied); NULL when out of memory. */
const char **form_translated(const char *const *names, size_t n);

#endif

/* tui.h: the full-screen interface: its state and what views share. */
#ifndef PARCOURS_TUI_H
#define PARCOURS_TUI_H

#include "caseload.h"
#include "cli.h"
#include "edit.h"
#include "keys.h"
#include "list.h"
#include "ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* What a view is asked to show when it is opened: a participant and,
 * when not 0, one of their appointments; or, for the caseload, the
 * participants behind a dashboard line (a field not 0 sets its filter,
 * the others are cleared). */
struct view_target {
	uint64_t pid;
	uint64_t appt_id;
	size_t stage; /* 1 + a stage's index; n_stages + 1: followed in work
			 after an exit at hiring */
	int flag;     /* 1 + an enum flag_kind: those with that flag */
};

struct tui;

/*
 * One view of the interface, as tmux's window_mode: a title, whether it
 * is a tab, and its functions; its own state lives behind `data`, made by
 * init and given back to every other function. Any function may be NULL.
 */
struct view {
	enum view_id id;      /* its bindings in keys.c */
	const char *title;    /* N_(): the tab and the help view say it */
	bool tab;	      /* in the tab bar, and reached by Tab; the
				 first tab is the home view */
	enum action shown_by; /* the action that shows it from anywhere */
	bool opens_targets;   /* the view tui_open() shows a target in */
	size_t state_size;    /* its state, zeroed, given as `data`; 0: none */
	void (*init)(struct tui *t, void *data); /* set the state up */
	void (*release)(void *data); /* free what the state holds (not it) */
	/* The caseload (t->cl) changed: rebuild what derives from it. */
	void (*rebuild)(struct tui *t, void *data);
	/* About to be shown, coming from view `from`, on `to` (NULL: as it
	 * was). Returns false when it has nothing to show. */
	bool (*enter)(struct tui *t, void *data, enum view_id from,
		      const struct view_target *to);
	/* A key before the key table sees it; true when taken. */
	bool (*key)(struct tui *t, void *data, int r, wint_t ch);
	void (*draw)(struct tui *t, void *data);
	void (*handle)(struct tui *t, void *data, enum action a);
	/* What the selection calls for in the hint bar (keys.h). */
	void (*hints)(struct tui *t, void *data, struct hint_focus *focus);
};

/* The views, indexed by their id (views.c). */
extern const struct view *const tui_views[VIEW_COUNT];

struct tui {
	struct cli *cli;
	const struct config *config;
	struct store *store;
	struct edit_ctx ctx;
	pdate today;
	/* The referent's participants, those who left included (for the
	 * dashboard's exits); loaded once, then refreshed one participant at
	 * a time after each change, or whole on Ctrl-L or when another
	 * process wrote (store generation). */
	struct caseload cl;
	uint64_t generation;

	enum view_id view;	/* the view on screen */
	void *data[VIEW_COUNT]; /* each view's own state */

	/* One line of feedback after an action. */
	char message[256];
	enum ui_style message_style;
};

/*
 * Run the interface on the cli's database and configuration until the
 * user quits or a signal (Ctrl-C, SIGTERM, SIGHUP) arrives; the terminal
 * is restored in every case. Returns the exit status.
 */
int tui_run(struct cli *cli);

/* True once a terminating signal arrived: leave every loop. */
bool tui_interrupted(void);

/* Redraw the whole screen (the current view, or the too-small notice)
 * into the virtual screen; the caller calls doupdate(). */
void tui_draw(struct tui *t);

/* Show a line of feedback until the next key. */
void tui_message(struct tui *t, enum ui_style style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The caseload entry of participant `pid`, or NULL; it belongs to t->cl
 * and is valid until the next refresh or reload. */
struct caseload_entry *tui_entry(struct tui *t, uint64_t pid);

/* Read participant `pid` again after a change and update every view;
 * a failure is reported on the message line and the caseload kept. */
void tui_refresh_participant(struct tui *t, uint64_t pid);

/* Read the whole caseload again (Ctrl-L, or another process wrote); on
 * failure the message line says why and the old caseload stays. */
void tui_reload(struct tui *t);

/*
 * Show view `v` on `to` (NULL: as it was), coming from the current view.
 * Another window's writes are read first. Returns false, leaving the
 * screen as it is, when the view has nothing to show.
 */
bool tui_show(struct tui *t, enum view_id v, const struct view_target *to);

/* Show the view that opens targets (a participant) on `to`. */
bool tui_open(struct tui *t, const struct view_target *to);

/* Show the home view (the first tab). */
void tui_go_home(struct tui *t);

/* Report a failure with its cause (or the code's text when NULL) on the
 * message line, once; frees `cause`. */
void tui_fail(struct tui *t, int code, char *cause);

/* Draw the top bar (name, tabs) and the bottom hint bar of the view. */
void tui_draw_frame(struct tui *t, const char *title);

/* Rebuild what every view derives from t->cl. */
void tui_rebuild(struct tui *t);

#endif

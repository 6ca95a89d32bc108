/* tui.h: the full-screen interface: its state and what views share. */
#ifndef PARCOURS_TUI_H
#define PARCOURS_TUI_H

#include "caseload.h"
#include "cli.h"
#include "edit.h"
#include "keys.h"
#include "ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One line of the agenda: an appointment of a caseload entry. */
struct agenda_row {
	size_t entry;
	size_t appt;
};

/* How the caseload view sorts; `s` cycles through them in this order. */
enum sort_mode {
	SORT_URGENCY,
	SORT_NAME,
	SORT_STAGE,
	SORT_LAST_CONTACT,
	SORT_NEXT_APPOINTMENT,
	SORT_COUNT
};

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

	enum view_id view;
	enum view_id back; /* where Esc goes from the participant view */

	/* Caseload view: the shown rows are indexes into cl.entries. */
	size_t *rows;
	size_t n_rows, sel, top;
	enum sort_mode sort;
	size_t stage_filter; /* 0: every stage; k: stage k-1 only */
	bool attention_only;
	bool searching;	  /* typing after '/' */
	char search[256]; /* what was typed, UTF-8 */

	/* Participant view. */
	uint64_t pid;	 /* 0 when none was opened */
	size_t appt_sel; /* the selected appointment */

	/* Agenda view. */
	struct agenda_row *agenda;
	size_t n_agenda, agenda_sel, agenda_top;

	/* Help view: the keys of `help_of`. */
	enum view_id help_of;
	int help_top;

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

/* The caseload entry of participant `pid`, or NULL. */
struct caseload_entry *tui_entry(struct tui *t, uint64_t pid);

/* Read participant `pid` again after a change and update every view. */
void tui_refresh_participant(struct tui *t, uint64_t pid);

/* Read the whole caseload again (Ctrl-L, or another process wrote). */
void tui_reload(struct tui *t);

/* Open the participant view on `pid`. */
void tui_open_participant(struct tui *t, uint64_t pid);

/* Draw the top bar (name, tabs) and the bottom hint bar of `view`. */
void tui_draw_frame(struct tui *t, const char *title);

/* Rebuild the derived lists (caseload rows, agenda) from t->cl. */
void tui_rebuild(struct tui *t);

/* The views. Each draws itself on stdscr and acts on its keys. */
void view_caseload_rebuild(struct tui *t);
void view_caseload_draw(struct tui *t);
void view_caseload_handle(struct tui *t, enum action a);
/* While searching, every key goes here; returns false when not used. */
bool view_caseload_search_key(struct tui *t, int r, wint_t ch);

void view_participant_draw(struct tui *t);
void view_participant_handle(struct tui *t, enum action a);

void view_agenda_rebuild(struct tui *t);
void view_agenda_draw(struct tui *t);
void view_agenda_handle(struct tui *t, enum action a);

void view_dashboard_draw(struct tui *t);
void view_dashboard_handle(struct tui *t, enum action a);

void view_help_draw(struct tui *t);
void view_help_handle(struct tui *t, enum action a);

/* Move a selection within n items for a list showing `page` lines. */
void tui_move_selection(enum action a, size_t n, int page, size_t *sel,
			size_t *top);

#endif

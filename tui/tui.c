/* tui.c: the interface's life: start, the key loop, signals, data. */
#include "tui.h"
#include "dialogs.h"
#include "error.h"
#include "format.h"
#include "i18n.h"
#include "text.h"

#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Set by the signal handler only; the loops look at it between keys. */
static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
	caught_signal = sig;
}

/*
 * The terminal went away (window closed, connection lost) without a
 * SIGHUP reaching us, as when our parent ignores it: every read then fails
 * at once, and the loop would spin. Treat it as a hang-up.
 */
static bool terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

bool tui_interrupted(void)
{
	if (caught_signal == 0 && terminal_gone())
		caught_signal = SIGHUP;
	return caught_signal != 0;
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a pending read returns and the loop sees the flag. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct view_ops {
	const char *title; /* N_() */
	void (*draw)(struct tui *t);
	void (*handle)(struct tui *t, enum action a);
};

static const struct view_ops views[VIEW_COUNT] = {
	[VIEW_CASELOAD] = { N_("Caseload"), view_caseload_draw,
			    view_caseload_handle },
	[VIEW_AGENDA] = { N_("Agenda"), view_agenda_draw, view_agenda_handle },
	[VIEW_DASHBOARD] = { N_("Dashboard"), view_dashboard_draw,
			     view_dashboard_handle },
	[VIEW_PARTICIPANT] = { N_("Participant"), view_participant_draw,
			       view_participant_handle },
	[VIEW_HELP] = { N_("Help"), view_help_draw, view_help_handle },
};

void tui_message(struct tui *t, enum ui_style style, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_style = style;
}

struct caseload_entry *tui_entry(struct tui *t, uint64_t pid)
{
	for (size_t i = 0; i < t->cl.n; i++)
		if (t->cl.entries[i].file.p.id == pid)
			return &t->cl.entries[i];
	return NULL;
}

void tui_rebuild(struct tui *t)
{
	view_caseload_rebuild(t);
	view_agenda_rebuild(t);
}

void tui_reload(struct tui *t)
{
	struct caseload fresh;
	char *cause = NULL;
	int rc;

	rc = caseload_load(t->store, t->config, cli_referent(t->cli), true,
			   t->today, &fresh, &cause);
	if (rc != PC_OK) {
		tui_message(t, STYLE_ERROR, "%s",
			    cause ? cause : error_string(rc));
		free(cause);
		return;
	}
	caseload_free(&t->cl);
	t->cl = fresh;
	t->generation = store_generation(t->store);
	tui_rebuild(t);
}

void tui_refresh_participant(struct tui *t, uint64_t pid)
{
	struct caseload_entry *e = tui_entry(t, pid);
	struct store_txn *txn = NULL;
	struct participant_file f;
	uint64_t before = t->generation;
	char *cause = NULL;
	int rc;

	rc = store_read_begin(t->store, &txn, &cause);
	if (rc == PC_OK)
		rc = store_file_load(txn, pid, &f);
	store_read_end(&txn);
	free(cause);
	if (rc != PC_OK && rc != PC_ENOTFOUND) {
		tui_message(t, STYLE_ERROR, "%s", error_string(rc));
		return;
	}
	/* Our own write moved the generation by one; more means another
	 * process wrote too, and everything is read again. */
	if (store_generation(t->store) != before + 1) {
		if (rc == PC_OK)
			participant_file_clear(&f);
		tui_reload(t);
		return;
	}
	t->generation = store_generation(t->store);
	if (rc == PC_OK && e != NULL &&
	    strcmp(f.p.referent ? f.p.referent : "", cli_referent(t->cli)) ==
		    0) {
		struct caseload_entry fresh;

		if (caseload_entry_set(&fresh, t->config, &f, t->today) ==
		    PC_OK) {
			caseload_entry_clear(e);
			*e = fresh;
		}
	} else if (rc == PC_OK && e == NULL) {
		/* A new participant: grow the caseload by one. */
		struct caseload_entry *grown =
			realloc(t->cl.entries, (t->cl.n + 1) * sizeof *grown);

		if (grown != NULL) {
			t->cl.entries = grown;
			if (caseload_entry_set(&grown[t->cl.n], t->config, &f,
					       t->today) == PC_OK)
				t->cl.n++;
		} else {
			participant_file_clear(&f);
		}
	} else {
		/* Gone to another referent, or erased: leave the caseload. */
		if (rc == PC_OK)
			participant_file_clear(&f);
		if (e != NULL) {
			size_t i = (size_t)(e - t->cl.entries);

			caseload_entry_clear(e);
			memmove(e, e + 1, (t->cl.n - i - 1) * sizeof *e);
			t->cl.n--;
		}
	}
	tui_rebuild(t);
}

void tui_open_participant(struct tui *t, uint64_t pid)
{
	const struct caseload_entry *e = tui_entry(t, pid);

	if (e == NULL)
		return;
	if (t->view != VIEW_PARTICIPANT && t->view != VIEW_HELP)
		t->back = t->view;
	t->pid = pid;
	/* Select the first appointment still to record or to come. */
	t->appt_sel = e->file.n_appts ? e->file.n_appts - 1 : 0;
	for (size_t i = 0; i < e->file.n_appts; i++) {
		if (e->file.appts[i].status == APPT_PLANNED) {
			t->appt_sel = i;
			break;
		}
	}
	t->view = VIEW_PARTICIPANT;
}

void tui_move_selection(enum action a, size_t n, int page, size_t *sel,
			size_t *top)
{
	size_t p = page > 1 ? (size_t)page : 1;

	if (n == 0) {
		*sel = *top = 0;
		return;
	}
	switch (a) {
	case ACT_DOWN:
		if (*sel + 1 < n)
			(*sel)++;
		break;
	case ACT_UP:
		if (*sel > 0)
			(*sel)--;
		break;
	case ACT_PAGE_DOWN:
		*sel = *sel + p < n ? *sel + p : n - 1;
		break;
	case ACT_PAGE_UP:
		*sel = *sel > p ? *sel - p : 0;
		break;
	case ACT_TOP:
		*sel = 0;
		break;
	case ACT_BOTTOM:
		*sel = n - 1;
		break;
	default:
		break;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + p)
		*top = *sel - p + 1;
}

void tui_draw_frame(struct tui *t, const char *title)
{
	static const enum view_id tabs[] = { VIEW_CASELOAD, VIEW_AGENDA,
					     VIEW_DASHBOARD };
	char left[256], hints[512];
	int x = COLS;

	/* Top bar: who and what, then the tabs at the right. */
	wattrset(stdscr, ui_style(STYLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	for (int i = (int)(sizeof tabs / sizeof tabs[0]) - 1; i >= 0; i--) {
		const char *name = _(views[tabs[i]].title);
		int w = text_width(name) + 2;

		x -= w;
		ui_put(stdscr, 0, x, w, "", STYLE_TITLE);
		ui_put(stdscr, 0, x + 1, w - 2, name,
		       t->view == tabs[i] ? STYLE_TAB_ON : STYLE_TITLE);
	}
	snprintf(left, sizeof left, " parcours — %s%s%s", cli_referent(t->cli),
		 title ? " · " : "", title ? title : "");
	ui_put(stdscr, 0, 0, x > 1 ? x - 1 : 0, left, STYLE_TITLE);

	/* Bottom: a rule, the message or the key hints. */
	ui_rule(stdscr, LINES - 2);
	if (t->message[0] != '\0') {
		ui_put(stdscr, LINES - 1, 0, COLS - 1, t->message,
		       t->message_style);
	} else {
		keys_hint_bar(t->view, COLS - 2, hints, sizeof hints);
		ui_put(stdscr, LINES - 1, 1, COLS - 2, hints, STYLE_DIM);
	}
}

void tui_draw(struct tui *t)
{
	if (!ui_big_enough()) {
		ui_draw_too_small();
		return;
	}
	erase();
	views[t->view].draw(t);
	wnoutrefresh(stdscr);
}

static void switch_view(struct tui *t, enum view_id v)
{
	if (v == VIEW_PARTICIPANT && t->pid == 0)
		return;
	/* Another window may have written: catch up when changing view. */
	if (store_generation(t->store) != t->generation)
		tui_reload(t);
	if (v == VIEW_PARTICIPANT && tui_entry(t, t->pid) == NULL) {
		t->pid = 0;
		return;
	}
	t->view = v;
}

/* Keys every view shares; returns true when handled. */
static bool handle_common(struct tui *t, enum action a)
{
	static const enum view_id order[] = { VIEW_CASELOAD, VIEW_AGENDA,
					      VIEW_DASHBOARD };

	switch (a) {
	case ACT_NEXT_VIEW: {
		size_t i = 0;

		while (i < 3 && order[i] != t->view)
			i++;
		switch_view(t, order[i < 3 ? (i + 1) % 3 : 0]);
		return true;
	}
	case ACT_VIEW_CASELOAD:
		switch_view(t, VIEW_CASELOAD);
		return true;
	case ACT_VIEW_AGENDA:
		switch_view(t, VIEW_AGENDA);
		return true;
	case ACT_VIEW_DASHBOARD:
		switch_view(t, VIEW_DASHBOARD);
		return true;
	case ACT_VIEW_PARTICIPANT:
		switch_view(t, VIEW_PARTICIPANT);
		return true;
	case ACT_HELP:
		t->help_of = t->view;
		t->help_top = 0;
		t->view = VIEW_HELP;
		return true;
	case ACT_EXPORT:
		dialog_export(t);
		return true;
	case ACT_REFRESH:
		tui_reload(t);
		clearok(curscr, TRUE);
		return true;
	default:
		return false;
	}
}

/* Open the store and the configuration; an error is reported once. */
static int prepare(struct tui *t, struct cli *cli)
{
	int status = EXIT_OK;

	memset(t, 0, sizeof *t);
	t->cli = cli;
	t->config = cli_config(cli, &status);
	if (t->config == NULL)
		return status;
	t->store = cli_store(cli, &status);
	if (t->store == NULL)
		return status;
	t->today = cli->today;
	t->ctx.config = t->config;
	t->ctx.who = cli_referent(cli);
	t->ctx.now = (int64_t)time(NULL);
	t->ctx.today = cli->today;
	t->view = VIEW_CASELOAD;
	t->back = VIEW_CASELOAD;
	tui_reload(t);
	if (t->message[0] != '\0') {
		cli_error("%s", t->message);
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}

static void release(struct tui *t)
{
	caseload_free(&t->cl);
	free(t->rows);
	free(t->agenda);
}

int tui_run(struct cli *cli)
{
	struct tui t;
	bool bench;
	int status = prepare(&t, cli);

	if (status != EXIT_OK) {
		release(&t);
		return status;
	}
	install_signals();
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/* Wake up twice a second to notice a signal even without a key. */
	timeout(500);
	ui_styles_init(getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == 0);

	bench = getenv("PARCOURS_BENCH_FIRST_FRAME") != NULL;
	while (!tui_interrupted()) {
		wint_t ch;
		int r;
		enum action a;

		tui_draw(&t);
		doupdate();
		/* The benchmark times process start to the first complete
		 * screen: leave as soon as it is out. */
		if (bench)
			break;
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (!ui_big_enough()) {
			/* Nothing to act on but resizing, or leaving. */
			if (r == OK && ch == 'q')
				break;
			continue;
		}
		t.message[0] = '\0';
		if (t.view == VIEW_CASELOAD && t.searching &&
		    view_caseload_search_key(&t, r, ch))
			continue;
		a = keys_action(t.view, (int)ch);
		if (r == OK && ch >= 0x80)
			a = ACT_NONE; /* no binding on non-ASCII characters */
		if (a == ACT_QUIT)
			break;
		if (!handle_common(&t, a))
			views[t.view].handle(&t, a);
	}
	endwin();
	release(&t);
	if (tui_interrupted())
		return 128 + caught_signal;
	return EXIT_OK;
}

/* tui.c: the interface's life: start, the key loop, signals, data. */
#include "tui.h"
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
	for (int v = 0; v < VIEW_COUNT; v++)
		if (tui_views[v]->rebuild != NULL)
			tui_views[v]->rebuild(t, t->data[v]);
}

void tui_fail(struct tui *t, int code, char *cause)
{
	tui_message(t, STYLE_ERROR, "%s", cause ? cause : error_string(code));
	free(cause);
}

/* Load the caseload afresh; false after telling the failure on the
 * status line. Participants left out (corrupt records) are told there. */
static bool reload(struct tui *t)
{
	struct caseload fresh;
	char *cause = NULL;
	int rc;

	rc = caseload_load(t->store, t->config, cli_referent(t->cli), true,
			   t->today, &fresh, &cause);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return false;
	}
	caseload_free(&t->cl);
	t->cl = fresh;
	t->generation = store_generation(t->store);
	tui_rebuild(t);
	if (t->cl.n_corrupt > 0)
		tui_message(t, STYLE_ERROR,
			    P_("%zu participant left out: a corrupt record; "
			       "see `parcours check`",
			       "%zu participants left out: corrupt records; "
			       "see `parcours check`",
			       t->cl.n_corrupt),
			    t->cl.n_corrupt);
	return true;
}

void tui_reload(struct tui *t)
{
	reload(t);
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
	if (rc != PC_OK && rc != PC_ENOTFOUND) {
		tui_fail(t, rc, cause);
		return;
	}
	free(cause);
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

void tui_draw_frame(struct tui *t, const char *title)
{
	char left[256], hints[512];
	int x = COLS;

	/* Top bar: who and what, then the tabs at the right. */
	wattrset(stdscr, ui_style(STYLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	for (int v = VIEW_COUNT - 1; v >= 0; v--) {
		const char *name = _(tui_views[v]->title);
		int w = text_width(name) + 2;

		if (!tui_views[v]->tab)
			continue;
		x -= w;
		ui_put(stdscr, 0, x, w, "", STYLE_TITLE);
		ui_put(stdscr, 0, x + 1, w - 2, name,
		       (int)t->view == v ? STYLE_TAB_ON : STYLE_TITLE);
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
		struct hint_focus focus = { .n_lead = 0 };
		const struct view *v = tui_views[t->view];

		if (v->hints != NULL)
			v->hints(t, t->data[t->view], &focus);
		keys_hint_bar(t->view, COLS - 2, &focus, hints, sizeof hints);
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
	tui_views[t->view]->draw(t, t->data[t->view]);
	wnoutrefresh(stdscr);
}

bool tui_show(struct tui *t, enum view_id v, const struct view_target *to)
{
	const struct view *view = tui_views[v];

	/* Another window may have written: catch up when changing view. */
	if (store_generation(t->store) != t->generation)
		tui_reload(t);
	if (view->enter != NULL && !view->enter(t, t->data[v], t->view, to))
		return false;
	t->view = v;
	return true;
}

/* The tab after view `from`; the first tab, the home view, after the
 * last tab or from a view that is no tab (from = VIEW_COUNT: none). */
static enum view_id next_tab(enum view_id from)
{
	int first = -1;
	bool from_tab = from < VIEW_COUNT && tui_views[from]->tab;

	for (int v = 0; v < VIEW_COUNT; v++) {
		if (!tui_views[v]->tab)
			continue;
		if (first < 0)
			first = v;
		if (from_tab && v > (int)from)
			return (enum view_id)v;
	}
	return (enum view_id)(first < 0 ? 0 : first);
}

/* Keys every view shares; returns true when handled. */
/* The tab before `from` (wrapping); from a view that is not a tab, the
 * last tab. */
static enum view_id prev_tab(enum view_id from)
{
	int last = -1;
	bool from_tab = from < VIEW_COUNT && tui_views[from]->tab;

	for (int v = VIEW_COUNT - 1; v >= 0; v--) {
		if (!tui_views[v]->tab)
			continue;
		if (last < 0)
			last = v;
		if (from_tab && v < (int)from)
			return (enum view_id)v;
	}
	return (enum view_id)(last < 0 ? 0 : last);
}

bool tui_open(struct tui *t, const struct view_target *to)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		if (tui_views[v]->opens_targets)
			return tui_show(t, (enum view_id)v, to);
	return false;
}

void tui_go_home(struct tui *t)
{
	tui_show(t, next_tab(VIEW_COUNT), NULL);
}

static bool handle_common(struct tui *t, enum action a)
{
	for (int v = 0; v < VIEW_COUNT; v++) {
		if (a != ACT_NONE && tui_views[v]->shown_by == a) {
			tui_show(t, (enum view_id)v, NULL);
			return true;
		}
	}
	switch (a) {
	case ACT_NEXT_VIEW:
		tui_show(t, next_tab(t->view), NULL);
		return true;
	case ACT_PREV_VIEW:
		tui_show(t, prev_tab(t->view), NULL);
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
	/* The default database is made at the first start; one named with
	 * --db must exist (a mistyped path is not a new caseload). */
	t->store = cli->db_given ? cli_store(cli, &status)
				 : cli_store_create(cli, &status);
	if (t->store == NULL)
		return status;
	t->today = cli->today;
	t->ctx.config = t->config;
	t->ctx.who = cli_referent(cli);
	t->ctx.login = cli_login(cli);
	t->ctx.now = (int64_t)time(NULL);
	t->ctx.today = cli->today;
	t->view = next_tab(VIEW_COUNT);
	for (int v = 0; v < VIEW_COUNT; v++) {
		if (tui_views[v]->state_size == 0)
			continue;
		t->data[v] = calloc(1, tui_views[v]->state_size);
		if (t->data[v] == NULL) {
			cli_error("%s", error_string(PC_ENOMEM));
			return EXIT_RUNTIME;
		}
		if (tui_views[v]->init != NULL)
			tui_views[v]->init(t, t->data[v]);
	}
	/* The screen tells of participants left out, not stderr. */
	store_set_notice(t->store, NULL, NULL);
	if (!reload(t)) {
		cli_error("%s", t->message);
		return EXIT_RUNTIME;
	}
	if (t->message[0] == '\0' && store_finished_erasure(t->store))
		tui_message(t, STYLE_OK, "%s",
			    _("An erasure interrupted earlier is now complete."));
	return EXIT_OK;
}

static void release(struct tui *t)
{
	for (int v = 0; v < VIEW_COUNT; v++) {
		if (t->data[v] != NULL && tui_views[v]->release != NULL)
			tui_views[v]->release(t->data[v]);
		free(t->data[v]);
		t->data[v] = NULL;
	}
	caseload_free(&t->cl);
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
		/* The journal dates a change when it is made, not when the
		 * window was opened. */
		t.ctx.now = (int64_t)time(NULL);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (!ui_big_enough()) {
			/* Nothing to act on but resizing, or leaving. */
			if (r == OK && ch == 'q')
				break;
			continue;
		}
		t.message[0] = '\0';
		if (tui_views[t.view]->key != NULL &&
		    tui_views[t.view]->key(&t, t.data[t.view], r, ch))
			continue;
		a = keys_action(t.view, (int)ch);
		if (r == OK && ch >= 0x80)
			a = ACT_NONE; /* no binding on non-ASCII characters */
		if (a == ACT_QUIT)
			break;
		if (!handle_common(&t, a) && tui_views[t.view]->handle)
			tui_views[t.view]->handle(&t, t.data[t.view], a);
	}
	endwin();
	release(&t);
	if (tui_interrupted())
		return 128 + caught_signal;
	return EXIT_OK;
}

/*
 * crash.c: kill a writer at random moments and check that nothing
 * committed is lost and nothing half-written shows.
 *
 * A child process makes random real changes (participants, appointments
 * and their outcomes, stage moves, notes, deletions) through the core
 * library, and after each commit writes what it did to a pipe. The parent
 * kills it with SIGKILL after a random delay, then opens the database,
 * runs every invariant check, and replays what the child reported to
 * verify it is all there. Usage: crash [--rounds N] [--seed S] [DIR]
 */
#include "config.h"
#include "edit.h"
#include "error.h"
#include "store.h"
#include "wake.h"

#include "build_config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_IDS 100000

/* What the parent knows was committed. */
struct truth {
	bool alive[MAX_IDS];	   /* participant exists */
	char stage[MAX_IDS][32];   /* its current stage */
	uint64_t appt_of[MAX_IDS]; /* appointment -> participant */
	int appt_status[MAX_IDS];  /* -1 unknown */
	size_t facts;
};

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *const stages[] = { "freins", "orienter", "etapes-emploi",
				      "former", "emploi-durable" };

static int delete_cb(struct store_txn *t, void *arg, char **cause)
{
	(void)cause;
	return store_participant_delete(t, *(uint64_t *)arg);
}

/* Say what is about to be done; "C" or "F" follows once it is known. */
static void intent(int out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void intent(int out, const char *fmt, ...)
{
	char line[128];
	va_list ap;

	line[0] = 'I';
	line[1] = ' ';
	va_start(ap, fmt);
	vsnprintf(line + 2, sizeof line - 2, fmt, ap);
	va_end(ap);
	if (write(out, line, strlen(line)) < 0)
		_exit(4);
}

/* The writer: never returns; reports "KIND A B" lines after commits. */
static void writer(const char *dir, const struct config *c, int out,
		   uint64_t seed)
{
	struct store *s = NULL;
	struct edit_ctx ctx = { c, "crash", 0, 0, NULL };
	uint64_t pids[4096];
	size_t np = 0;
	char *cause = NULL;
	char line[128];

	rng = seed | 1;
	ctx.today = date_from_ymd(2026, 11, 26);
	if (store_open(dir, &s, &cause) != PC_OK)
		_exit(3);
	/* Every write keeps the attention index, as the program's do. */
	struct wake w = { c, ctx.today };
	wake_attach(s, &w);
	for (;;) {
		uint64_t r = next() % 100, id = 0;
		int rc = PC_OK;

		line[0] = '\0';
		if (np == 0 || r < 25) {
			struct participant p;

			participant_init(&p);
			p.last_name = (char *)"Écrit";
			p.first_name = (char *)"Avant la coupure";
			p.birth_date = date_from_ymd(1980, 1, 1);
			rc = edit_participant_add(s, &ctx, &p, ctx.today - 30,
						  &id, &cause);
			if (rc == PC_OK && np < 4096)
				pids[np++] = id;
			snprintf(line, sizeof line, "P %llu\n",
				 (unsigned long long)id);
		} else if (r < 55) {
			uint64_t pid = pids[next() % np];

			rc = edit_appointment_plan(
				s, &ctx, pid, ctx.today - (pdate)(next() % 10),
				600, "entretien", MODE_IN_PERSON, &id, &cause);
			snprintf(line, sizeof line, "A %llu %llu\n",
				 (unsigned long long)id,
				 (unsigned long long)pid);
		} else if (r < 75) {
			/* An outcome for one of the appointments so far. */
			uint64_t aid = 1 + next() % 64;

			intent(out, "D %llu\n", (unsigned long long)aid);
			rc = edit_appointment_outcome(s, &ctx, aid, APPT_DONE,
						      "vu", &cause);
			snprintf(line, sizeof line, "%c\n",
				 rc == PC_OK ? 'C' : 'F');
			rc = PC_OK;
		} else if (r < 90) {
			uint64_t pid = pids[next() % np];
			const char *st = stages[next() % 5];

			intent(out, "M %llu %s\n", (unsigned long long)pid, st);
			rc = edit_stage_move(s, &ctx, pid, st, ctx.today,
					     &cause);
			snprintf(line, sizeof line, "%c\n",
				 rc == PC_OK ? 'C' : 'F');
			rc = PC_OK;
		} else if (r < 97) {
			rc = edit_note_add(s, &ctx, pids[next() % np],
					   ctx.today, "une note", &cause);
		} else {
			size_t k = next() % np;

			intent(out, "E %llu\n", (unsigned long long)pids[k]);
			rc = store_write(s, delete_cb, &pids[k], &cause);
			snprintf(line, sizeof line, "%c\n",
				 rc == PC_OK ? 'C' : 'F');
			pids[k] = pids[--np];
			rc = PC_OK;
		}
		free(cause);
		cause = NULL;
		/* Refused changes (a moot outcome, the same stage) are fine:
		 * only what committed is reported. */
		if (rc == PC_OK && line[0] != '\0' &&
		    write(out, line, strlen(line)) < 0)
			_exit(4);
	}
}

static void apply(struct truth *t, char *line)
{
	unsigned long long a = 0, b = 0;
	char st[32];

	if (sscanf(line, "P %llu", &a) == 1 && a < MAX_IDS) {
		t->alive[a] = true;
		snprintf(t->stage[a], sizeof t->stage[a], "freins");
	} else if (sscanf(line, "A %llu %llu", &a, &b) == 2 && a < MAX_IDS) {
		t->appt_of[a] = b;
		t->appt_status[a] = APPT_PLANNED;
	} else if (sscanf(line, "D %llu", &a) == 1 && a < MAX_IDS) {
		t->appt_status[a] = APPT_DONE;
	} else if (sscanf(line, "M %llu %31s", &a, st) == 2 && a < MAX_IDS) {
		snprintf(t->stage[a], sizeof t->stage[a], "%s", st);
	} else if (sscanf(line, "E %llu", &a) == 1 && a < MAX_IDS) {
		t->alive[a] = false;
		for (size_t i = 0; i < MAX_IDS; i++)
			if (t->appt_of[i] == a)
				t->appt_of[i] = 0;
	} else {
		return;
	}
	t->facts++;
}

/* An intent whose outcome is unknown: apply it when the database shows it
 * happened (a commit just before the kill). */
static void resolve(struct truth *t, const char *dir, const char *intent_line)
{
	struct store *s = NULL;
	struct store_txn *txn = NULL;
	unsigned long long a = 0;
	char st[32], *cause = NULL;
	bool happened = false;

	if (store_open(dir, &s, &cause) != PC_OK ||
	    store_read_begin(s, &txn, &cause) != PC_OK) {
		free(cause);
		store_close(&s);
		return;
	}
	if (sscanf(intent_line, "D %llu", &a) == 1) {
		struct appointment ap;

		if (store_appointment_get(txn, a, &ap) == PC_OK) {
			happened = ap.status == APPT_DONE;
			appointment_clear(&ap);
		}
	} else if (sscanf(intent_line, "M %llu %31s", &a, st) == 2) {
		struct participant p;

		if (store_participant_get(txn, a, &p) == PC_OK) {
			happened = strcmp(p.stage, st) == 0;
			participant_clear(&p);
		}
	} else if (sscanf(intent_line, "E %llu", &a) == 1) {
		struct participant p;

		happened = store_participant_get(txn, a, &p) == PC_ENOTFOUND;
		if (!happened)
			participant_clear(&p);
	}
	store_read_end(&txn);
	store_close(&s);
	if (happened) {
		char copy[128];

		snprintf(copy, sizeof copy, "%s", intent_line);
		apply(t, copy);
	}
}

/* Everything reported is there; returns the number of mismatches. */
static int verify(struct truth *t, const char *dir, const struct config *c)
{
	struct store *s = NULL;
	struct store_txn *txn = NULL;
	char *cause = NULL, *report = NULL;
	size_t problems = 0;
	int bad = 0;

	if (store_open(dir, &s, &cause) != PC_OK) {
		fprintf(stderr, "crash: the database does not open: %s\n",
			cause ? cause : "?");
		free(cause);
		return 1;
	}
	if (store_check(s, &problems, &report, &cause) != PC_OK ||
	    problems != 0) {
		fprintf(stderr, "crash: check found %zu problems:\n%s\n",
			problems, report ? report : "");
		bad++;
	}
	free(report);
	report = NULL;
	/* The attention index, kept in each transaction the writer
	 * committed, matches the records it derives from. */
	struct wake w = { c, date_from_ymd(2026, 11, 26) };
	enum wake_state state = WAKE_STALE;
	if (t->facts > 0 &&
	    (wake_state(s, &w, &state, &cause) != PC_OK ||
	     state != WAKE_READY)) {
		fprintf(stderr, "crash: the attention index is not kept\n");
		bad++;
	}
	if (wake_check(s, &w, &problems, &report, &cause) != PC_OK ||
	    problems != 0) {
		fprintf(stderr,
			"crash: the attention index: %zu problems:\n%s%s\n",
			problems, report ? report : "", cause ? cause : "");
		bad++;
	}
	free(report);
	free(cause);
	cause = NULL;
	store_read_begin(s, &txn, &cause);
	for (uint64_t id = 1; id < MAX_IDS; id++) {
		struct participant p;
		struct appointment a;

		if (t->alive[id]) {
			if (store_participant_get(txn, id, &p) != PC_OK) {
				fprintf(stderr,
					"crash: participant %llu lost\n",
					(unsigned long long)id);
				bad++;
				continue;
			}
			if (strcmp(p.stage, t->stage[id]) != 0) {
				fprintf(stderr,
					"crash: participant %llu in %s, "
					"committed %s\n",
					(unsigned long long)id, p.stage,
					t->stage[id]);
				bad++;
			}
			participant_clear(&p);
		}
		if (t->appt_of[id] != 0) {
			if (store_appointment_get(txn, id, &a) != PC_OK) {
				fprintf(stderr,
					"crash: appointment %llu lost\n",
					(unsigned long long)id);
				bad++;
				continue;
			}
			if ((int)a.status != t->appt_status[id]) {
				fprintf(stderr,
					"crash: appointment %llu status %d, "
					"committed %d\n",
					(unsigned long long)id, a.status,
					t->appt_status[id]);
				bad++;
			}
			appointment_clear(&a);
		}
	}
	store_read_end(&txn);
	store_close(&s);
	return bad;
}

int main(int argc, char **argv)
{
	struct truth *t = calloc(1, sizeof *t);
	struct config *c = NULL;
	char *cause = NULL, tmpl[] = "/tmp/parcours-crash-XXXXXX";
	const char *dir = NULL;
	long rounds = 200;
	uint64_t seed = (uint64_t)time(NULL);
	int failures = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
			rounds = strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else
			dir = argv[i];
	}
	if (dir == NULL && (dir = mkdtemp(tmpl)) == NULL)
		return 2;
	if (t == NULL ||
	    config_load(PARCOURS_CONFIG_SOURCE, NULL, &c, &cause) != PC_OK)
		return 2;
	rng = seed | 1;
	for (long round = 0; round < rounds; round++) {
		int fds[2], status;
		pid_t child;
		FILE *in;
		char line[128], pending[128];
		struct timespec delay = { 0, (long)(next() % 40000000) };

		if (pipe(fds) != 0)
			return 2;
		child = fork();
		if (child == 0) {
			close(fds[0]);
			writer(dir, c, fds[1], next());
		}
		close(fds[1]);
		nanosleep(&delay, NULL);
		kill(child, SIGKILL);
		waitpid(child, &status, 0);
		/* What the child reported before dying had committed; an
		 * intent without its outcome may or may not have: the
		 * database says which. */
		in = fdopen(fds[0], "r");
		pending[0] = '\0';
		while (fgets(line, sizeof line, in) != NULL) {
			if (strchr(line, '\n') == NULL)
				break; /* cut by the kill */
			if (line[0] == 'I' && line[1] == ' ') {
				snprintf(pending, sizeof pending, "%s",
					 line + 2);
			} else if (line[0] == 'C' && pending[0]) {
				apply(t, pending);
				pending[0] = '\0';
			} else if (line[0] == 'F') {
				pending[0] = '\0';
			} else {
				apply(t, line);
			}
		}
		fclose(in);
		if (pending[0])
			resolve(t, dir, pending);
		if (verify(t, dir, c) != 0) {
			fprintf(stderr, "crash: round %ld (seed %llu) failed\n",
				round, (unsigned long long)seed);
			failures++;
			break;
		}
	}
	printf("crash: %ld rounds killed, %zu committed changes verified, "
	       "seed %llu\n",
	       rounds, t->facts, (unsigned long long)seed);
	printf("%d passed, %d failed\n", failures ? 0 : 1, failures ? 1 : 0);
	config_free(&c);
	free(t);
	return failures ? 1 : 0;
}

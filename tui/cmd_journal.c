/* cmd_journal.c: `parcours journal`, who changed what and when. */
#include "command.h"
#include "error.h"
#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The local date and time of a journal line, "YYYY-MM-DD HH:MM". */
static void when(int64_t t, pdate *day, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL) {
		*day = DATE_NONE;
		snprintf(buf, 32, "%lld", (long long)t);
		return;
	}
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
}

/* A referent of a team sees the lines they wrote or wrote as; a
 * coordinator, or anyone without a team, every line. */
static bool shown(struct cli *cli, const struct journal_entry *e)
{
	const struct config_member *m = cli->member;

	if (m == NULL || m->role == ROLE_COORDINATOR)
		return true;
	return (e->who != NULL && strcmp(e->who, m->name) == 0) ||
	       (e->login != NULL && strcmp(e->login, m->login) == 0);
}

static void print_line(const struct journal_entry *e, const char *at, bool tsv)
{
	if (tsv) {
		printf("%s\t", at);
		text_tsv_field(stdout, e->login);
		putchar('\t');
		text_tsv_field(stdout, e->who);
		putchar('\t');
		if (e->participant != 0)
			printf("%llu", (unsigned long long)e->participant);
		putchar('\t');
		text_tsv_field(stdout, e->what);
		putchar('\n');
		return;
	}
	printf("%s  ", at);
	text_pad(stdout, e->login && *e->login ? e->login : "—", 12);
	putchar(' ');
	text_pad(stdout, e->who && *e->who ? e->who : "—", 20);
	if (e->participant != 0)
		printf(" %6llu  ", (unsigned long long)e->participant);
	else
		printf(" %6s  ", "—");
	text_put(stdout, e->what);
	putchar('\n');
}

static bool parse_participant(const char *s, uint64_t *id)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v == 0) {
		cli_error(_("--participant: '%s' is not a participant number"),
			  s);
		return false;
	}
	*id = (uint64_t)v;
	return true;
}

static int journal_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "participant", required_argument, NULL, 'p' },
		{ "since", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct journal_entry *j = NULL;
	struct store_txn *t = NULL;
	struct store *s;
	uint64_t participant = 0;
	pdate since = DATE_NONE;
	bool tsv = false;
	size_t n = 0;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'p':
			if (!parse_participant(optarg, &participant))
				return EXIT_USAGE;
			break;
		case 's':
			if (date_parse(optarg, cli->today, &since) != PC_OK) {
				cli_error(_("--since: '%s' is not a date "
					    "(YYYY-MM-DD)"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'f':
			if (!cli_parse_format(optarg, &tsv))
				return EXIT_USAGE;
			break;
		case 'h':
			return command_help(&command_journal);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (cli_config(cli, &status) == NULL ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	rc = store_read_begin(s, &t, &cause);
	if (rc == PC_OK)
		rc = store_journal_list(t, participant, &j, &n);
	store_read_end(&t);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	if (tsv)
		puts("time\tlogin\treferent\tparticipant\twhat");
	for (size_t i = 0; i < n; i++) {
		char at[32];
		pdate day;

		when(j[i].time, &day, at);
		if ((since == DATE_NONE ||
		     (day != DATE_NONE && day >= since)) &&
		    shown(cli, &j[i]))
			print_line(&j[i], at, tsv);
		journal_entry_clear(&j[i]);
	}
	free(j);
	return EXIT_OK;
}

const struct command command_journal = {
	.name = "journal",
	.args = N_("[--participant ID] [--since DATE] [--format text|tsv]"),
	.summary = N_("who changed what, and when"),
	.help = N_("The journal of changes, oldest first: the time, the login "
		   "that made the change,\nthe referent it was made as, the "
		   "participant and what changed.\n"
		   "  --participant ID  only the lines about participant ID\n"
		   "  --since DATE      only the lines of DATE and after\n"
		   "  --format tsv      tab-separated, with a header line\n"
		   "With a team (team: in the configuration), a referent "
		   "sees their own lines;\na coordinator sees every line."),
	.run = journal_run,
};

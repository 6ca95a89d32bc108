/* cmd_check.c: `parcours check`, is the database whole? */
#include "command.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "store.h"
#include "wake.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each problem on a line of its own, after the directory, then how many;
 * nothing for none. */
static void print_report(const char *dir, char *report, size_t problems)
{
	if (problems == 0)
		return;
	for (char *line = report ? strtok(report, "\n") : NULL; line;
	     line = strtok(NULL, "\n"))
		printf("%s: %s\n", dir, line);
	printf(P_("%s: %zu problem found.\n", "%s: %zu problems found.\n",
		  problems),
	       dir, problems);
}

/* The database's identifier in UUID form, as its JSON exports carry it;
 * that it has none yet (only ever opened read-only) said too. */
static void print_id(const char *dir)
{
	struct store *st = NULL;
	struct store_txn *t = NULL;
	char hex[STORE_ID_SIZE], uuid[EXPORT_UUID_SIZE];
	char *cause = NULL;
	int rc = store_open_readonly(dir, &st, &cause);

	if (rc == PC_OK && (rc = store_read_begin(st, &t, &cause)) == PC_OK) {
		rc = store_id(t, hex);
		store_read_end(&t);
		if (rc == PC_OK)
			printf(_("%s: database id %s\n"), dir,
			       export_uuid(hex, uuid));
		else if (rc == PC_ENOTFOUND)
			printf(_("%s: database id: none yet (the database "
				 "was only ever opened read-only)\n"),
			       dir);
	}
	free(cause);
	store_close(&st);
}

/*
 * The attention index (wake.h) against a recomputation, with the
 * configuration: its problems added to *problems and said, or that it
 * is out of date (made again by the next change). Nothing when the
 * configuration does not load: said once.
 */
static void check_index(struct cli *cli, size_t *problems)
{
	struct store *st = NULL;
	enum wake_state state;
	struct wake w;
	char *cause = NULL, *report = NULL;
	size_t found = 0;
	int status = EXIT_OK, rc;

	if ((w.c = cli_config(cli, &status)) == NULL) {
		printf(_("%s: attention index not checked: the configuration "
			 "does not load\n"),
		       cli->db_dir);
		return;
	}
	w.today = cli->today;
	rc = store_open_readonly(cli->db_dir, &st, &cause);
	if (rc == PC_OK)
		rc = wake_state(st, &w, &state, &cause);
	if (rc == PC_OK && state != WAKE_READY && state != WAKE_EARLY) {
		printf(_("%s: attention index out of date: made again by the "
			 "next change, or by `parcours check --reindex`\n"),
		       cli->db_dir);
	} else if (rc == PC_OK) {
		rc = wake_check(st, &w, &found, &report, &cause);
	}
	store_close(&st);
	if (rc != PC_OK) {
		cli_fail(rc, cause);
		(*problems)++;
		return;
	}
	print_report(cli->db_dir, report, found);
	if (found > 0)
		printf(_("%s: the attention index is derived from the records: "
			 "`parcours check --reindex` makes it again\n"),
		       cli->db_dir);
	free(report);
	*problems += found;
}

/* --reindex: the attention index made again, in one write. */
static int reindex(struct cli *cli)
{
	char *cause = NULL;
	int status = EXIT_OK, rc;

	if (cli_config(cli, &status) == NULL ||
	    cli_store(cli, &status) == NULL)
		return status;
	rc = wake_rebuild(cli->store, &cli->wake, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	store_close(&cli->store);
	printf(_("%s: attention index made again\n"), cli->db_dir);
	return EXIT_OK;
}

static int check_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "reindex", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *cause = NULL, *report = NULL;
	size_t problems = 0, index_problems = 0;
	bool again = false;
	int opt, rc;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'r':
			again = true;
			break;
		case 'h':
			return command_help(&command_check);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (again && (rc = reindex(cli)) != EXIT_OK)
		return rc;
	/* Its pages are walked before LMDB reads them: a damaged file is
	 * reported, not a crash. */
	rc = store_check_dir(cli->db_dir, &problems, &report, &cause);
	if (rc != PC_OK) {
		print_report(cli->db_dir, report, problems);
		free(report);
		fflush(stdout);
		cli_fail(rc, cause);
		return EXIT_RUNTIME; /* a database that does not open is not
					whole */
	}
	print_id(cli->db_dir);
	print_report(cli->db_dir, report, problems);
	free(report);
	/* Derived from sound records alone. */
	if (problems == 0)
		check_index(cli, &index_problems);
	if (problems + index_problems == 0) {
		printf(_("%s: the database is whole.\n"), cli->db_dir);
		return EXIT_OK;
	}
	return EXIT_RUNTIME;
}

const struct command command_check = {
	.name = "check",
	.args = N_("[--reindex]"),
	.summary = N_("verify every invariant of the database (read-only)"),
	.help = N_("Verify every invariant of the database (records decode, "
		   "indexes agree,\nstages match their moves, nothing without "
		   "its participant), read-only.\nIt shows the database's "
		   "identifier too, as its JSON exports carry it.\n"
		   "The attention index is checked against the records, "
		   "with the configuration.\n"
		   "  --reindex  make the attention index again first (a "
		   "write)\n"
		   "Exit status 0 when whole, 1 otherwise."),
	.run = check_run,
};

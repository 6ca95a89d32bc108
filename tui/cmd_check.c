/* cmd_check.c: `parcours check`, is the database whole? */
#include "command.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "store.h"

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

static int check_run(struct cli *cli, int argc, char **argv)
{
	char *cause = NULL, *report = NULL;
	size_t problems = 0;
	int opt, rc;

	if ((opt = command_only_help(&command_check, argc, argv)) >= 0)
		return opt;
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
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
	if (problems == 0) {
		printf(_("%s: the database is whole.\n"), cli->db_dir);
		free(report);
		return EXIT_OK;
	}
	print_report(cli->db_dir, report, problems);
	free(report);
	return EXIT_RUNTIME;
}

const struct command command_check = {
	.name = "check",
	.args = "",
	.summary = N_("verify every invariant of the database (read-only)"),
	.help = N_("Verify every invariant of the database (records decode, "
		   "indexes agree,\nstages match their moves, nothing without "
		   "its participant), read-only.\nIt shows the database's "
		   "identifier too, as its JSON exports carry it.\nExit status 0 when whole, 1 "
		   "otherwise."),
	.run = check_run,
};

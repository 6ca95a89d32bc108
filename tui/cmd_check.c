/* cmd_check.c: `parcours check`, is the database whole? */
#include "command.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_run(struct cli *cli, int argc, char **argv)
{
	struct store *s = NULL;
	char *cause = NULL, *report = NULL;
	size_t problems = 0;
	int opt, rc;

	if ((opt = command_only_help(&command_check, argc, argv)) >= 0)
		return opt;
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	rc = store_open_readonly(cli->db_dir, &s, &cause);
	if (rc == PC_OK)
		rc = store_check(s, &problems, &report, &cause);
	store_close(&s);
	if (rc != PC_OK) {
		cli_fail(rc, cause);
		return EXIT_RUNTIME; /* a database that does not open is not
					whole */
	}
	if (problems == 0) {
		printf(_("%s: the database is whole.\n"), cli->db_dir);
		free(report);
		return EXIT_OK;
	}
	for (char *line = strtok(report, "\n"); line; line = strtok(NULL, "\n"))
		printf("%s: %s\n", cli->db_dir, line);
	printf(P_("%s: %zu problem found.\n", "%s: %zu problems found.\n",
		  problems),
	       cli->db_dir, problems);
	free(report);
	return EXIT_RUNTIME;
}

const struct command command_check = {
	.name = "check",
	.args = "",
	.summary = N_("verify every invariant of the database (read-only)"),
	.help = N_("Verify every invariant of the database (records decode, "
		   "indexes agree,\nstages match their moves, nothing without "
		   "its participant), read-only.\nExit status 0 when whole, 1 "
		   "otherwise."),
	.run = check_run,
};

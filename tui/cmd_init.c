/* cmd_init.c: `parcours init`, an empty database to start from. */
#include "command.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>

static int init_run(struct cli *cli, int argc, char **argv)
{
	bool existed;
	int opt, status = EXIT_OK;

	if ((opt = command_only_help(&command_init, argc, argv)) >= 0)
		return opt;
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	existed = cli_database_exists(cli);
	if (cli_store_create(cli, &status) == NULL)
		return status;
	printf(existed ? _("%s: a database is already there; nothing "
			   "changed.\n")
		       : _("%s: an empty database is ready.\n"),
	       cli->db_dir);
	return EXIT_OK;
}

const struct command command_init = {
	.name = "init",
	.args = "",
	.summary = N_("make an empty database (other commands need one)"),
	.help = N_("Make an empty database in the database directory (--db, "
		   "else the default),\nmode 0700 and its files 0600; one "
		   "already there is left as it is. Commands\nthat only read "
		   "(list, attention, export...) never make one."),
	.run = init_run,
};

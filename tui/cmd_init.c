/* cmd_init.c: `parcours init`, an empty database to start from, personal
 * or shared by a Unix group (--shared). */
#include "command.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>

/* `init --shared GROUP`: the database made (or found) the group's. */
static int init_shared(struct cli *cli, const char *group, bool existed)
{
	char *cause = NULL;
	int rc;

	if (cli->demo) {
		cli_error(_("--shared: not with --demo"));
		return EXIT_USAGE;
	}
	rc = store_open_shared(cli->db_dir, group, &cli->store, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(existed ? _("%s: a database shared with group %s is already "
			   "there; nothing changed.\n")
		       : _("%s: an empty database shared with group %s is "
			   "ready (mode 2770, files 0660).\n"),
	       cli->db_dir, group);
	return EXIT_OK;
}

static int init_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "shared", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *group = NULL;
	bool existed;
	int opt, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 's':
			group = optarg;
			break;
		case 'h':
			return command_help(&command_init);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	existed = cli_database_exists(cli);
	if (group != NULL)
		return init_shared(cli, group, existed);
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
	.args = N_("[--shared GROUP]"),
	.summary = N_("make an empty database (other commands need one)"),
	.help = N_("Make an empty database in the database directory (--db, "
		   "else the default),\nmode 0700 and its files 0600; one "
		   "already there is left as it is. Commands\nthat only read "
		   "(list, attention, export...) never make one.\n"
		   "  --shared GROUP  for a team on one server: the directory "
		   "owned by Unix group\n                  GROUP, setgid, mode "
		   "2770, its files 0660, the group recorded\n"
		   "                  in the database and checked at every "
		   "open"),
	.run = init_run,
};

/* cmd_backup.c: `parcours backup` and `parcours restore`. */
#include "backup.h"
#include "command.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The one FILE operand both commands take; --help prints `cmd`'s help. */
static const char *file_operand(int argc, char **argv,
				const struct command *cmd, int *status)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'h') {
			*status = command_help(cmd);
			return NULL;
		}
		*status = EXIT_USAGE;
		return NULL;
	}
	if (argc - optind != 1) {
		cli_error(_("%s: one file"), argv[0]);
		*status = EXIT_USAGE;
		return NULL;
	}
	return argv[optind];
}

static int backup_run(struct cli *cli, int argc, char **argv)
{
	int status = EXIT_OK, rc;
	const char *file = file_operand(argc, argv, &command_backup, &status);
	struct store *s;
	char *cause = NULL;

	if (file == NULL)
		return status;
	if (!cli_output_allowed(cli, file))
		return EXIT_USAGE;
	if ((s = cli_store(cli, &status)) == NULL)
		return status;
	rc = backup_write(s, file, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(_("Database copied to %s.\n"), file);
	return EXIT_OK;
}

static int restore_run(struct cli *cli, int argc, char **argv)
{
	int status = EXIT_OK, rc;
	const char *file = file_operand(argc, argv, &command_restore, &status);
	char *cause = NULL, *aside = NULL;

	if (file == NULL)
		return status;
	rc = backup_restore(cli->db_dir, file, (int64_t)time(NULL), &aside,
			    &cause);
	/* A file that is no backup of ours is bad input, not a failure. */
	if (rc == PC_ECORRUPT || rc == PC_ESCHEMA) {
		cli_fail(rc, cause);
		return EXIT_USAGE;
	}
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	if (aside != NULL)
		printf(_("Database restored from %s; the previous one is kept "
			 "as %s.\n"),
		       file, aside);
	else
		printf(_("Database restored from %s.\n"), file);
	free(aside);
	return EXIT_OK;
}

const struct command command_backup = {
	.name = "backup",
	.args = N_("FILE"),
	.summary = N_("a compact copy of the whole database"),
	.help = N_("Write a compact, consistent copy of the whole database to "
		   "FILE (mode 0600),\nsafe while parcours is open elsewhere."),
	.run = backup_run,
};

const struct command command_restore = {
	.name = "restore",
	.args = N_("FILE"),
	.summary = N_("replace the database with a backup, the current one "
		      "kept aside"),
	.help = N_("Replace the database with the backup FILE, after checking "
		   "it; the current\ndatabase is kept aside, dated. Close "
		   "every other parcours window first."),
	.run = restore_run,
};

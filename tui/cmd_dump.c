/* cmd_dump.c: `parcours dump` and `parcours load`. */
#include "atomic.h"
#include "command.h"
#include "dump.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>

static int dump_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "salvage", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	struct atomic_file af;
	struct store *s;
	char *cause = NULL;
	size_t left_out = 0;
	bool salvage = false;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'o') {
			output = optarg;
		} else if (opt == 's') {
			salvage = true;
		} else if (opt == 'h') {
			return command_help(&command_dump);
		} else {
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv) || !cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((s = cli_store(cli, &status)) == NULL)
		return status;
	if (output == NULL) {
		rc = dump_write(s, stdout, salvage, &left_out, &cause);
	} else if ((rc = atomic_open(&af, output, &cause)) == PC_OK) {
		rc = dump_write(s, af.f, salvage, &left_out, &cause);
		if (rc == PC_OK)
			rc = atomic_commit(&af, &cause);
		else
			atomic_abort(&af);
	}
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	/* Each record left out was told as it was skipped. */
	if (left_out > 0)
		cli_error(
			P_("%zu corrupt record left out; the dump holds every "
			   "other one",
			   "%zu corrupt records left out; the dump holds "
			   "every other one",
			   left_out),
			left_out);
	return EXIT_OK;
}

static int load_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct store *s;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'h')
			return command_help(&command_load);
		return EXIT_USAGE;
	}
	if (argc - optind != 1) {
		cli_error(_("%s: one file"), "load");
		return EXIT_USAGE;
	}
	if ((s = cli_store_create(cli, &status)) == NULL)
		return status;
	rc = dump_load(s, argv[optind], &cause);
	if (rc != PC_OK)
		return rc == PC_ESCHEMA ? (cli_fail(rc, cause), EXIT_USAGE)
					: cli_fail(rc, cause);
	printf(_("%s loaded.\n"), argv[optind]);
	return EXIT_OK;
}

const struct command command_dump = {
	.name = "dump",
	.args = N_("[--output FILE] [--salvage]"),
	.summary = N_("the whole database as JSON"),
	.help = N_("The whole database as JSON (participants with their "
		   "stages, appointments,\njobs and notes, and the journal), "
		   "for `parcours load`.\n"
		   "  --output FILE  write FILE atomically, mode 0600 "
		   "(default: standard output)\n"
		   "  --salvage      leave out the records that do not decode, "
		   "each told on\n"
		   "                 standard error, and write every other "
		   "one"),
	.run = dump_run,
};

const struct command command_load = {
	.name = "load",
	.args = N_("FILE"),
	.summary = N_("read a dump into an empty database"),
	.help = N_("Read a dump made by `parcours dump` into an empty "
		   "database, all or nothing."),
	.run = load_run,
};

/* cmd_transfer.c: `parcours transfer-out` and `transfer-in`, a
 * participant's whole file from one machine to another. */
#include "command.h"
#include "error.h"
#include "i18n.h"
#include "text.h"
#include "transfer.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int transfer_out_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	const struct config *c;
	struct store *s;
	struct edit_ctx ctx;
	char *cause = NULL, *end, *shown;
	unsigned long long id;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'o')
			output = optarg;
		else if (opt == 'h')
			return command_help(&command_transfer_out);
		else
			return EXIT_USAGE;
	}
	if (argc - optind != 1 || output == NULL) {
		command_print_usage(&command_transfer_out, stderr);
		return EXIT_USAGE;
	}
	id = strtoull(argv[optind], &end, 10);
	if (*argv[optind] == '\0' || *end != '\0' || id == 0) {
		cli_error(_("'%s' is not a participant number"), argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	rc = transfer_out(s, &ctx, (uint64_t)id, output, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	shown = text_shown(output);
	fprintf(stderr,
		_("parcours: participant %llu written to %s and transferred "
		  "out: they left your caseload\n"),
		id, shown ? shown : "");
	free(shown);
	return EXIT_OK;
}

static int transfer_in_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct config *c;
	struct store *s;
	struct edit_ctx ctx;
	char *cause = NULL;
	uint64_t id = 0;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'h')
			return command_help(&command_transfer_in);
		return EXIT_USAGE;
	}
	if (argc - optind != 1) {
		command_print_usage(&command_transfer_in, stderr);
		return EXIT_USAGE;
	}
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store_create(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	rc = transfer_in(s, &ctx, argv[optind], &id, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(_("Transferred in as participant %llu.\n"),
	       (unsigned long long)id);
	return EXIT_OK;
}

const struct command command_transfer_out = {
	.name = "transfer-out",
	.args = N_("ID --output FILE"),
	.summary = N_("hand a participant's whole file to another machine"),
	.help = N_("Write participant ID's whole file (identity, stages, "
		   "jobs, appointments,\n"
		   "notes, the funder's answers) to FILE, mode 0600, then mark "
		   "them transferred:\n"
		   "they leave your caseload (not counted as an exit), their "
		   "planned appointments\n"
		   "are cancelled, the journal says so; erase them later. "
		   "'parcours transfer-in\n"
		   "FILE' adds them on the other machine."),
	.run = transfer_out_run,
};

const struct command command_transfer_in = {
	.name = "transfer-in",
	.args = N_("FILE"),
	.summary = N_("add a participant transferred from another machine"),
	.help = N_("Add the participant of FILE (made by transfer-out on "
		   "another machine) with\n"
		   "their whole history, under a new number and your name as "
		   "referent; the\n"
		   "sender's database and number are kept as their origin. A "
		   "participant\n"
		   "already transferred in, or a file of this very database, "
		   "is refused."),
	.run = transfer_in_run,
};

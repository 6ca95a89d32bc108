/* cmd_reassign.c: `parcours reassign`, one referent's participants handed
 * over to another at once. */
#include "command.h"
#include "edit.h"
#include "error.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* True when `name` is a member's name in the team. */
static bool team_name(const struct config *c, const char *name)
{
	for (size_t i = 0; i < c->n_team; i++)
		if (strcmp(c->team[i].name, name) == 0)
			return true;
	return false;
}

static int reassign_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *from = NULL, *to = NULL;
	const struct config *c;
	struct edit_ctx ctx = { 0 };
	struct store *s;
	size_t moved = 0;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'h':
			return command_help(&command_reassign);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (from == NULL || to == NULL) {
		cli_error(_("reassign: --from NAME and --to NAME are both "
			    "needed"));
		return EXIT_USAGE;
	}
	if ((c = cli_config(cli, &status)) == NULL ||
	    !cli_coordinator(cli, "reassign", &status) ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	/* With a team, the participants go to one of its referents: a name
	 * mistyped would file them under no one's caseload. */
	if (c->n_team > 0 && !team_name(c, to)) {
		cli_error(_("--to: '%s' is no one's name in the team (team: "
			    "in the configuration)"),
			  to);
		return EXIT_USAGE;
	}
	ctx = cli_edit_ctx(cli, c);
	rc = edit_reassign(s, &ctx, from, to, &moved, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(P_("%zu participant of %s is now followed by %s.\n",
		  "%zu participants of %s are now followed by %s.\n", moved),
	       moved, from, to);
	return EXIT_OK;
}

const struct command command_reassign = {
	.name = "reassign",
	.args = N_("--from NAME --to NAME"),
	.summary = N_("hand a referent's participants over to another"),
	.help = N_("Hand every participant of referent --from (those who "
		   "left too) over to\nreferent --to, in one transaction, "
		   "one journal line each. With a team\n(team: in the "
		   "configuration), for coordinators only."),
	.run = reassign_run,
};

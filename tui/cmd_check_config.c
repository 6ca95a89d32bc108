/* cmd_check_config.c: `parcours check-config`, validate a configuration. */
#include "command.h"
#include "i18n.h"
#include "caseload.h"
#include "roster.h"
#include "error.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keep those whose stage the configuration lacks: the rest of a
 * territory is read and let go. */
static int keep_unknown(struct caseload_entry *e, void *arg)
{
	if (e->stage_index != CASELOAD_NO_STAGE)
		return PC_OK;
	return roster_add(arg, e, NULL);
}

/* The stage of row i ("" for none), read through *tmp. */
static const char *stage_of(const struct roster *r, size_t i,
			    struct caseload_entry *tmp)
{
	roster_entry(r, i, tmp);
	return tmp->file.p.stage ? tmp->file.p.stage : "";
}

/*
 * Report stages the database uses and the configuration lacks. The
 * database is opened read-only and only when it exists. Returns the
 * number of problems, or -1 when the database cannot be read.
 */
static int check_data(struct cli *cli, const struct config *c)
{
	struct store *s = NULL;
	struct roster cl = { 0 };
	struct caseload_entry e[2];
	char *cause = NULL;
	int rc, problems = 0;

	rc = store_open_readonly(cli->db_dir, &s, &cause);
	if (rc == PC_ENOTFOUND) {
		free(cause);
		return 0;
	}
	if (rc == PC_OK)
		rc = caseload_each(s, c, NULL, true, cli->today, true,
				   keep_unknown, &cl, &cl.n_corrupt, &cause);
	if (rc == PC_OK)
		rc = roster_sort(&cl);
	store_close(&s);
	if (rc != PC_OK) {
		roster_free(&cl);
		cli_fail(rc, cause);
		return -1;
	}
	/* In the caseload's order, as the list shows them. */
	for (size_t i = 0; i < cl.n; i++) {
		const char *id = stage_of(&cl, i, &e[0]);
		size_t users = 0, j = 0;

		/* Report each missing stage once, at its first user: an
		 * earlier one is found early, the stages missing are few. */
		while (j < i && strcmp(stage_of(&cl, j, &e[1]), id) != 0)
			j++;
		if (j < i)
			continue;
		for (j = i; j < cl.n; j++)
			users += strcmp(stage_of(&cl, j, &e[1]), id) == 0;
		cli_error(P_("%s:%zu:%zu: stage '%s' is used by %zu "
			     "participant in %s but not defined here; the "
			     "data are left as they are",
			     "%s:%zu:%zu: stage '%s' is used by %zu "
			     "participants in %s but not defined here; the "
			     "data are left as they are",
			     users),
			  c->stages_file, c->stages_line, c->stages_column,
			  id, users, cli->db_dir);
		problems++;
	}
	roster_free(&cl);
	return problems;
}

static int check_config_run(struct cli *cli, int argc, char **argv)
{
	const struct config *c;
	int opt, status = EXIT_OK, problems;

	if ((opt = command_only_help(&command_check_config, argc, argv)) >= 0)
		return opt;
	if (argc - optind > 1) {
		cli_error(_("%s: one file at most"), "check-config");
		return EXIT_USAGE;
	}
	if (optind < argc) {
		free(cli->config_user);
		cli->config_user = strdup(argv[optind]);
		if (cli->config_user == NULL) {
			cli_error("%s", error_string(PC_ENOMEM));
			return EXIT_RUNTIME;
		}
	}
	/* The team map is checked, not applied to whoever checks it. */
	cli->team_unchecked = true;
	if ((c = cli_config(cli, &status)) == NULL)
		return status;
	problems = check_data(cli, c);
	if (problems < 0)
		return EXIT_RUNTIME;
	if (problems > 0)
		return EXIT_USAGE;
	printf(_("%s: configuration OK (%zu stages, %zu public categories, "
		 "%zu exit reasons)\n"),
	       cli->config_user ? cli->config_user : cli->config_default,
	       c->n_stages, c->n_publics, c->n_exit_reasons);
	return EXIT_OK;
}

const struct command command_check_config = {
	.name = "check-config",
	.args = N_("[FILE]"),
	.summary = N_("validate a configuration file"),
	.help = N_("Validate FILE (default: your configuration) over the "
		   "default one, and check\nthat the stages the database uses "
		   "are defined."),
	.run = check_config_run,
};

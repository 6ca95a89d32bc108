/* cmd_rights.c: `parcours access`, `erase`, `purge` and `hold`. */
#include "command.h"
#include "error.h"
#include "i18n.h"
#include "rights.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* What these commands' options and operand say, each by its name. */
struct rights_args {
	uint64_t id;		   /* the participant (access, erase, hold) */
	const char *exited_before; /* purge --exited-before */
	bool force;		   /* erase --force */
	bool dry_run;		   /* purge --dry-run */
	bool off;		   /* hold --off */
};

/* The options' values, for getopt_long's `val`. */
enum { OPT_FORCE = 1, OPT_DRY_RUN, OPT_OFF, OPT_EXITED_BEFORE };

/*
 * Parse `cmd`'s options (from `options`) and, when `want_id`, its one
 * participant number. Returns EXIT_OK to go on, or the status to end with
 * (after --help, EXIT_OK with *done set).
 */
static int parse(int argc, char **argv, const struct option *options,
		 const struct command *cmd, bool want_id, struct rights_args *a,
		 bool *done)
{
	int opt;

	*done = false;
	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case OPT_FORCE:
			a->force = true;
			break;
		case OPT_DRY_RUN:
			a->dry_run = true;
			break;
		case OPT_OFF:
			a->off = true;
			break;
		case OPT_EXITED_BEFORE:
			a->exited_before = optarg;
			break;
		case 'h':
			*done = true;
			return command_help(cmd);
		default:
			return EXIT_USAGE;
		}
	}
	if (want_id) {
		char *end;

		if (argc - optind != 1) {
			cli_error(_("%s: one participant number"), argv[0]);
			return EXIT_USAGE;
		}
		errno = 0;
		a->id = strtoull(argv[optind], &end, 10);
		if (*argv[optind] < '1' || *argv[optind] > '9' || *end ||
		    errno) {
			cli_error(_("%s: '%s' is not a participant number"),
				  argv[0], argv[optind]);
			return EXIT_USAGE;
		}
	} else if (!command_no_operand(argc, argv)) {
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static int access_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rights_args a = { 0 };
	struct store *s;
	char *cause = NULL;
	bool done;
	int rc, status = parse(argc, argv, options, &command_access, true, &a,
			       &done);

	if (status != EXIT_OK || done)
		return status;
	if ((s = cli_store(cli, &status)) == NULL)
		return status;
	rc = rights_access(s, a.id, cli->today, stdout, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	return EXIT_OK;
}

static int erase_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rights_args a = { 0 };
	const struct config *c;
	struct edit_ctx ctx;
	char *cause = NULL;
	bool done;
	int rc, status = parse(argc, argv, options, &command_erase, true, &a,
			       &done);

	if (status != EXIT_OK || done)
		return status;
	if (!cli_need_database(cli, &status) ||
	    (c = cli_config(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	rc = rights_erase(cli->db_dir, &ctx, a.id, a.force, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(_("Participant %llu erased.\n"), (unsigned long long)a.id);
	return EXIT_OK;
}

static int purge_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "exited-before", required_argument, NULL, OPT_EXITED_BEFORE },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rights_args a = { 0 };
	const struct config *c;
	struct edit_ctx ctx;
	size_t erased = 0, held = 0;
	pdate before;
	char *cause = NULL;
	bool done;
	int rc, status = parse(argc, argv, options, &command_purge, false, &a,
			       &done);

	if (status != EXIT_OK || done)
		return status;
	if (a.exited_before == NULL ||
	    date_parse(a.exited_before, cli->today, &before) != PC_OK) {
		cli_error(_("purge: --exited-before DATE is needed "
			    "(YYYY-MM-DD or DD/MM/YYYY)"));
		return EXIT_USAGE;
	}
	if (!cli_need_database(cli, &status) ||
	    (c = cli_config(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	rc = rights_purge(cli->db_dir, &ctx, before, a.dry_run, &erased, &held,
			  &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(a.dry_run ? _("%zu participants would be erased, %zu kept "
			     "under a legal hold (nothing written).\n")
			 : _("%zu participants erased, %zu kept under a legal "
			     "hold.\n"),
	       erased, held);
	return EXIT_OK;
}

static int hold_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "off", no_argument, NULL, OPT_OFF },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rights_args a = { 0 };
	const struct config *c;
	struct store *s;
	struct edit_ctx ctx;
	char *cause = NULL;
	bool done;
	int rc, status = parse(argc, argv, options, &command_hold, true, &a,
			       &done);

	if (status != EXIT_OK || done)
		return status;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	rc = edit_hold(s, &ctx, a.id, !a.off, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(a.off ? _("Participant %llu: legal hold lifted.\n")
		     : _("Participant %llu: under a legal hold.\n"),
	       (unsigned long long)a.id);
	return EXIT_OK;
}

const struct command command_access = {
	.name = "access",
	.args = N_("ID"),
	.summary = N_("everything held on one participant, as JSON"),
	.help = N_("Everything held on participant ID (identity, stages, "
		   "appointments, jobs,\nnotes, journal) as one JSON document: "
		   "the right of access."),
	.run = access_run,
};

const struct command command_erase = {
	.name = "erase",
	.args = N_("ID [--force]"),
	.summary = N_("erase a participant and every trace of them"),
	.help = N_("Erase participant ID and everything attached, leaving a "
		   "journal line without\npersonal data, and rewrite the "
		   "database so nothing of it remains in the file.\nRefused "
		   "under a legal hold unless --force; close other windows "
		   "first."),
	.run = erase_run,
};

const struct command command_purge = {
	.name = "purge",
	.args = N_("--exited-before DATE [--dry-run]"),
	.summary = N_("erase those who left before DATE, holds kept"),
	.help = N_("Erase, as `erase` does, everyone who left before DATE and "
		   "is not under a\nlegal hold (the retention policy)."),
	.run = purge_run,
};

const struct command command_hold = {
	.name = "hold",
	.args = N_("ID [--off]"),
	.summary = N_("set or lift a participant's legal hold"),
	.help = N_("Put participant ID under a legal hold (records the funder "
		   "requires kept:\nerase and purge refuse them), or lift it "
		   "with --off."),
	.run = hold_run,
};

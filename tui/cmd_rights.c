/* cmd_rights.c: `parcours access`, `erase`, `purge` and `hold`. */
#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "rights.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Options of these commands: a flag or two, and one operand at most. */
struct parsed {
	bool flag;	  /* --force, --dry-run or --off */
	const char *date; /* --exited-before */
	uint64_t id;
};

static int parse(int argc, char **argv, const struct option *options,
		 const char *help, bool want_id, struct parsed *p)
{
	int opt;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'f':
			p->flag = true;
			break;
		case 'b':
			p->date = optarg;
			break;
		case 'h':
			puts(help);
			return -1;
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
		p->id = strtoull(argv[optind], &end, 10);
		if (*argv[optind] < '1' || *argv[optind] > '9' || *end ||
		    errno) {
			cli_error(_("%s: '%s' is not a participant number"),
				  argv[0], argv[optind]);
			return EXIT_USAGE;
		}
	} else if (optind < argc) {
		cli_error(_("%s: unexpected argument '%s'"), argv[0],
			  argv[optind]);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static struct edit_ctx context(struct cli *cli, const struct config *c)
{
	struct edit_ctx ctx = { c, cli_referent(cli), (int64_t)time(NULL),
				cli->today };

	return ctx;
}

int cmd_access(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct parsed p = { 0 };
	struct store *s;
	char *cause = NULL;
	int status = parse(argc, argv, options,
			   _("Usage: parcours access ID\n"
			     "Everything held on participant ID (identity, "
			     "stages, appointments, jobs,\nnotes, journal) as "
			     "one JSON document: the right of access."),
			   true, &p);

	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	if ((s = cli_store(cli, &status)) == NULL)
		return status;
	if (rights_access(s, p.id, cli->today, stdout, &cause) != PC_OK)
		return cli_fail(PC_ENOTFOUND, cause);
	return EXIT_OK;
}

int cmd_erase(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct parsed p = { 0 };
	const struct config *c;
	struct edit_ctx ctx;
	char *cause = NULL;
	int rc, status = parse(argc, argv, options,
			       _("Usage: parcours erase ID [--force]\n"
				 "Erase participant ID and everything "
				 "attached, leaving a "
				 "journal line without\npersonal data, and "
				 "rewrite the "
				 "database so nothing of it remains in the "
				 "file.\nRefused "
				 "under a legal hold unless --force; close "
				 "other windows "
				 "first."),
			       true, &p);

	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	if ((c = cli_config(cli, &status)) == NULL)
		return status;
	ctx = context(cli, c);
	rc = rights_erase(cli->db_dir, &ctx, p.id, p.flag, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(_("Participant %llu erased.\n"), (unsigned long long)p.id);
	return EXIT_OK;
}

int cmd_purge(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "exited-before", required_argument, NULL, 'b' },
		{ "dry-run", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct parsed p = { 0 };
	const struct config *c;
	struct edit_ctx ctx;
	size_t erased = 0, held = 0;
	pdate before;
	char *cause = NULL;
	int rc, status = parse(
			argc, argv, options,
			_("Usage: parcours purge --exited-before DATE "
			  "[--dry-run]\n"
			  "Erase, as `erase` does, everyone who left before "
			  "DATE and "
			  "is not under a\nlegal hold (the retention policy)."),
			false, &p);

	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	if (p.date == NULL ||
	    date_parse(p.date, cli->today, &before) != PC_OK) {
		cli_error(_("purge: --exited-before DATE is needed "
			    "(YYYY-MM-DD or DD/MM/YYYY)"));
		return EXIT_USAGE;
	}
	if ((c = cli_config(cli, &status)) == NULL)
		return status;
	ctx = context(cli, c);
	rc = rights_purge(cli->db_dir, &ctx, before, p.flag, &erased, &held,
			  &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(p.flag ? _("%zu participants would be erased, %zu kept under "
			  "a legal hold (nothing written).\n")
		      : _("%zu participants erased, %zu kept under a legal "
			  "hold.\n"),
	       erased, held);
	return EXIT_OK;
}

int cmd_hold(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "off", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct parsed p = { 0 };
	const struct config *c;
	struct store *s;
	struct edit_ctx ctx;
	char *cause = NULL;
	int rc, status = parse(argc, argv, options,
			       _("Usage: parcours hold ID [--off]\n"
				 "Put participant ID under a legal hold "
				 "(records the funder "
				 "requires kept:\nerase and purge refuse "
				 "them), or lift it "
				 "with --off."),
			       true, &p);

	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	ctx = context(cli, c);
	rc = edit_hold(s, &ctx, p.id, !p.flag, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(p.flag ? _("Participant %llu: legal hold lifted.\n")
		      : _("Participant %llu: under a legal hold.\n"),
	       (unsigned long long)p.id);
	return EXIT_OK;
}

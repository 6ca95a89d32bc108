/* cmd_consolidate.c: `parcours consolidate`, the territory from exports. */
#include "atomic.h"
#include "command.h"
#include "consolidate.h"
#include "error.h"
#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write to `path` atomically (0600), or to standard output. */
static int save(const struct consolidate *c, enum export_format format,
		const char *path)
{
	struct atomic_file af;
	char *cause = NULL;
	int rc;

	if (path == NULL) {
		rc = consolidate_write(stdout, c, format);
		if (rc != PC_OK)
			return cli_fail(rc, NULL);
		return EXIT_OK;
	}
	rc = atomic_open(&af, path, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	rc = consolidate_write(af.f, c, format);
	if (rc != PC_OK) {
		int e = errno;

		atomic_abort(&af);
		cli_error(_("%s: cannot write: %s"), path,
			  rc == PC_EIO ? strerror(e) : error_string(rc));
		return EXIT_RUNTIME;
	}
	rc = atomic_commit(&af, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	return EXIT_OK;
}

static int consolidate_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum export_format format = EXPORT_MD;
	const char *output = NULL;
	struct consolidate c;
	char *cause = NULL;
	int opt, rc, status;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'f':
			if (export_format_by_name(optarg, &format) != PC_OK) {
				cli_error(_("--format: '%s' is not a format "
					    "(csv, json, md or html)"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return command_help(&command_consolidate);
		default:
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("%s", _("consolidate: which exports? (FILE.json...)"));
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	rc = consolidate_load(&c, (const char *const *)argv + optind,
			      (size_t)(argc - optind), &cause);
	if (rc != PC_OK) {
		consolidate_free(&c);
		return cli_fail(rc, cause);
	}
	/* Listed in the output too; here for whoever only reads the
	 * terminal. */
	for (size_t i = 0; i < c.n_anomalies; i++)
		cli_error(_("anomaly: %s"), c.anomalies[i].message);
	status = save(&c, format, output);
	if (status == EXIT_OK && output != NULL) {
		char *shown = text_shown(output);

		fprintf(stderr, _("parcours: territory summary written to %s\n"),
			shown ? shown : "");
		free(shown);
	}
	consolidate_free(&c);
	return status;
}

const struct command command_consolidate = {
	.name = "consolidate",
	.args = N_("FILE.json... [--format csv|json|md|html] [--output FILE]"),
	.summary = N_("the territory's summary from referents' JSON exports"),
	.help = N_("The territory's summary from several referents' JSON "
		   "exports (export --format\njson, pseudonymised or not): "
		   "totals and a row per export for the caseload,\nstages, "
		   "flags, entries, exits and positive-exit rate, and the "
		   "funder's\nindicator table summed when the exports hold "
		   "it. It says which files and\nperiods it covered. A file "
		   "that is not a parcours export, or of an unknown\n"
		   "schema_version, is refused (status 2). Anomalies are "
		   "listed in the output\nand on stderr, never resolved: the "
		   "same export given twice, two exports of\none database "
		   "whose periods overlap, a participant of one database in "
		   "two\nfiles.\n"
		   "  --format       md (default), csv, json or html\n"
		   "  --output FILE  write FILE atomically, mode 0600 "
		   "(default: standard output)"),
	.run = consolidate_run,
};

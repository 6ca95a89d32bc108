/* cmd_export.c: `parcours export`, the summary for the PLIE and the funder. */
#include "command.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parse_delimiter(const char *s, char *out)
{
	if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
		*out = ',';
	else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
		*out = ';';
	else if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 ||
		 strcmp(s, "\t") == 0)
		*out = '\t';
	else
		return false;
	return true;
}

static int export_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "pseudonymise", no_argument, NULL, 'p' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_options o = { .format = EXPORT_MD };
	const char *output = NULL;
	bool all = false, delimiter_set = false;
	pdate from = DATE_NONE, to = DATE_NONE;
	const struct config *c;
	struct store *s;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK, y, m, d;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'f':
			if (export_format_by_name(optarg, &o.format) != PC_OK) {
				cli_error(_("--format: '%s' is not a format "
					    "(csv, json, md or html)"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'a':
			all = true;
			break;
		case 'F':
		case 'T':
			if (date_parse(optarg, cli->today,
				       opt == 'F' ? &from : &to) != PC_OK) {
				cli_error(_("--%s: '%s' is not a date "
					    "(YYYY-MM-DD or DD/MM/YYYY)"),
					  opt == 'F' ? "from" : "to", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'p':
			o.pseudonymise = true;
			break;
		case 'd':
			if (!parse_delimiter(optarg, &o.delimiter)) {
				cli_error(_("--delimiter: '%s' is not one of "
					    "',', ';' or tab"),
					  optarg);
				return EXIT_USAGE;
			}
			delimiter_set = true;
			break;
		case 'h':
			return command_help(&command_export);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	date_to_ymd(cli->today, &y, &m, &d);
	if (from == DATE_NONE)
		from = date_from_ymd(y, 1, 1);
	if (to == DATE_NONE)
		to = date_from_ymd(y, 12, 31);
	if (from > to) {
		cli_error("%s", _("--from: after --to"));
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	if (!delimiter_set)
		o.delimiter = cli_csv_delimiter(c);
	/* French spreadsheets read UTF-8 only with the mark. */
	o.bom = o.delimiter == ';';
	/* TRANSLATORS: the same pattern as "YYYY-MM-DD" above. */
	o.date_pattern = _("YYYY-MM-DD");
	rc = export_caseload(s, c, all ? NULL : cli_referent(cli), cli->today,
			     from, to, &o, output, stdout, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	if (output != NULL) {
		char *shown = text_shown(output);

		fprintf(stderr, _("parcours: summary written to %s\n"),
			shown ? shown : "");
		free(shown);
	}
	return EXIT_OK;
}

const struct command command_export = {
	.name = "export",
	.args = N_("[--format csv|json|md|html] [--output FILE] [--all] "
		   "[--from DATE --to DATE] [--pseudonymise] [--delimiter C]"),
	.summary = N_("the caseload summary for the PLIE and the funder"),
	.help = N_("The caseload summary: stages, what needs attention, "
		   "follow-ups, entries and\n"
		   "exits of the period (default: this year), completeness "
		   "of the funder's data,\n"
		   "and one row per participant.\n"
		   "  --format       md (default), csv, json or html\n"
		   "  --output FILE  write FILE atomically, mode 0600 "
		   "(default: standard output)\n"
		   "  --all          every referent, with subtotals\n"
		   "  --pseudonymise participants by number, without names, "
		   "contacts, birth dates\n"
		   "  --delimiter C  CSV: ',' ';' or tab (default: the "
		   "configuration, else the locale)"),
	.run = export_run,
};

/* cmd_export.c: `parcours export`, the summary for the PLIE and the funder. */
#include "command.h"
#include "error.h"
#include "export.h"
#include "export_fse.h"
#include "export_ics.h"
#include "format.h"
#include "i18n.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/*
 * The funder's export: what is missing listed on stderr, one
 * "ID: FIELD: missing" a line, before anything is written; then the file
 * with a warning or, `strict`, nothing and status 2.
 */
static int export_fse_run(struct cli *cli, struct store *s,
			  const struct config *c, const char *referent,
			  pdate from, pdate to, const struct export_options *o,
			  const char *output, bool strict)
{
	struct export_fse x;
	char *cause = NULL;
	int rc = export_fse_load(&x, s, c, referent, cli->today, from, to,
				 &cause);

	if (rc != PC_OK)
		return cli_fail(rc, cause);
	for (size_t i = 0; i < x.n_missing; i++)
		fprintf(stderr, "%llu: %s: missing\n",
			(unsigned long long)x.missing[i].id,
			x.missing[i].field);
	if (x.n_incomplete > 0 && strict) {
		cli_error(P_("%zu participant lacks funder's answers: "
			     "nothing written (--strict)",
			     "%zu participants lack funder's answers: "
			     "nothing written (--strict)",
			     x.n_incomplete),
			  x.n_incomplete);
		export_fse_free(&x);
		return EXIT_USAGE;
	}
	rc = export_fse_save(&x, c, o, output, stdout, &cause);
	if (rc != PC_OK) {
		export_fse_free(&x);
		return cli_fail(rc, cause);
	}
	/* Once written: a file that could not be is no "exported". */
	if (x.n_incomplete > 0)
		cli_error(P_("warning: %zu participant lacks funder's answers "
			     "(listed above); exported all the same",
			     "warning: %zu participants lack funder's answers "
			     "(listed above); exported all the same",
			     x.n_incomplete),
			  x.n_incomplete);
	export_fse_free(&x);
	if (output != NULL) {
		char *shown = text_shown(output);

		fprintf(stderr, _("parcours: funder's export written to %s\n"),
			shown ? shown : "");
		free(shown);
	}
	return EXIT_OK;
}

/* The agenda as a calendar file: pseudonymised unless `names`. */
static int export_ics_run(struct cli *cli, struct store *s,
			  const struct config *c, const char *referent,
			  pdate from, pdate to, const char *output, bool names)
{
	struct export_ics_options o = {
		.referent = referent,
		.today = cli->today,
		.from = from,
		.to = to,
		.now = (int64_t)time(NULL),
		.names = names,
		.name = format_name,
		.kind_label = format_appt_kind,
	};
	char *cause = NULL;
	int rc = export_ics(s, c, &o, output, stdout, &cause);

	if (rc != PC_OK)
		return cli_fail(rc, cause);
	if (output != NULL) {
		char *shown = text_shown(output);

		fprintf(stderr, _("parcours: calendar written to %s\n"),
			shown ? shown : "");
		free(shown);
	}
	return EXIT_OK;
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
		{ "with-sensitive", no_argument, NULL, 'w' },
		{ "strict", no_argument, NULL, 's' },
		{ "indicators", no_argument, NULL, 'i' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "names", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_options o = { .format = EXPORT_MD };
	const char *output = NULL;
	bool all = false, delimiter_set = false, fse = false, strict = false;
	bool ics = false, names = false;
	pdate from = DATE_NONE, to = DATE_NONE;
	const struct config *c;
	struct store *s;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK, y, m, d;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'f':
			/* The funder's file is not a summary: its own writer.
			 */
			fse = strcmp(optarg, "fse") == 0;
			ics = strcmp(optarg, "ics") == 0;
			if (!fse && !ics &&
			    export_format_by_name(optarg, &o.format) != PC_OK) {
				cli_error(
					_("--format: '%s' is not a format "
					  "(csv, json, md, html, fse or ics)"),
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
		case 'w':
			/* Without --pseudonymise every answer is there anyway.
			 */
			o.with_sensitive = true;
			break;
		case 's':
			strict = true;
			break;
		case 'i':
			o.indicators = true;
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
		case 'n':
			names = true;
			break;
		case 'h':
			return command_help(&command_export);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (strict && !fse) {
		cli_error("%s", _("--strict: only with --format fse"));
		return EXIT_USAGE;
	}
	if (names && (!ics || o.pseudonymise)) {
		cli_error("%s", _("--names: only with --format ics, without "
				  "--pseudonymise"));
		return EXIT_USAGE;
	}
	if (o.indicators && (fse || ics || o.format != EXPORT_CSV)) {
		cli_error("%s", _("--indicators: only with --format csv (the "
				  "other formats hold the table)"));
		return EXIT_USAGE;
	}
	date_to_ymd(cli->today, &y, &m, &d);
	/* A calendar looks around today; a summary at the year. */
	if (from == DATE_NONE)
		from = ics ? cli->today - EXPORT_ICS_DAYS_BEFORE
			   : date_from_ymd(y, 1, 1);
	if (to == DATE_NONE)
		to = ics ? cli->today + EXPORT_ICS_DAYS_AFTER
			 : date_from_ymd(y, 12, 31);
	if (from > to) {
		cli_error("%s", _("--from: after --to"));
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (all && !cli_coordinator(cli, "--all", &status)) ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	if (!delimiter_set)
		o.delimiter = cli_csv_delimiter(c);
	/* French spreadsheets read UTF-8 only with the mark. */
	o.bom = o.delimiter == ';';
	/* TRANSLATORS: the same pattern as "YYYY-MM-DD" above. */
	o.date_pattern = _("YYYY-MM-DD");
	if (ics)
		return export_ics_run(cli, s, c, all ? NULL : cli_referent(cli),
				      from, to, output, names);
	if (fse)
		return export_fse_run(cli, s, c, all ? NULL : cli_referent(cli),
				      from, to, &o, output, strict);
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
	.args = N_(
		"[--format csv|json|md|html|fse|ics] [--output FILE] [--all] "
		"[--from DATE --to DATE] [--pseudonymise [--with-sensitive]] "
		"[--strict] [--indicators] [--delimiter C] [--names]"),
	.summary = N_("the caseload summary for the PLIE and the funder"),
	.help = N_("The caseload summary: stages, what needs attention, "
		   "follow-ups, entries and\n"
		   "exits of the period (default: this year), completeness "
		   "of the funder's data,\n"
		   "and one row per participant. With --format fse, the "
		   "funder's file instead:\n"
		   "one row per participant of the period with the entry, "
		   "exit and six-months\n"
		   "answers, in the columns and codes of the configuration "
		   "(fse.export); those\n"
		   "missing answers listed on stderr as ID: FIELD: missing.\n"
		   "With --format ics, the agenda as a calendar (iCalendar) "
		   "instead: appointments\n"
		   "and in-work check-ins due from 30 days before today to 90 "
		   "days after,\n"
		   "participants by number (P42) unless --names.\n"
		   "  --format       md (default), csv, json, html, fse or "
		   "ics\n"
		   "  --output FILE  write FILE atomically, mode 0600 "
		   "(default: standard output)\n"
		   "  --all          every referent, with subtotals\n"
		   "  --pseudonymise participants by number, without names, "
		   "contacts, birth dates\n"
		   "  --with-sensitive  with --pseudonymise: keep the "
		   "funder's sensitive answers\n"
		   "                 (disability, origin, minority, housing), "
		   "else left out\n"
		   "  --strict       fse: write nothing, status 2, when "
		   "answers are missing\n"
		   "  --indicators   csv: the funder's indicator table and "
		   "its completeness,\n"
		   "                 a row each, instead of the participants\n"
		   "  --delimiter C  CSV: ',' ';' or tab (default: the "
		   "configuration, else the locale)\n"
		   "  --names        ics: the participants' names in the "
		   "events' titles (the\n"
		   "                 calendar goes to servers and phones: "
		   "knowingly)"),
	.run = export_run,
};

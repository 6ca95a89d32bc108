/* cmd_import.c: `parcours import`, a caseload from a spreadsheet. */
#include "command.h"
#include "error.h"
#include "i18n.h"
#include "import.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Print each line of `text` to stderr as "parcours: LINE" (cli_error:
 * the names and cells it quotes are shown, never obeyed). */
static void report_lines(char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		cli_error("%s", line);
}

/* A long import's progress, on a terminal: one line, erased at the end. */
static void show_progress(void *arg, enum import_stage stage, size_t done,
			  size_t total)
{
	(void)arg;
	fprintf(stderr, "\r%s %3zu%%",
		stage == IMPORT_CHECKING ? _("checking the file")
					 : _("writing"),
		total ? done * 100 / total : 100);
	if (done == total)
		fputs("\r\033[K", stderr);
}

static int import_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_report rep;
	struct import_options io = { 0 };
	struct edit_ctx ctx = { 0 };
	bool dry_run = false;
	const struct config *c;
	struct store *s;
	char *cause = NULL, *path;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		if (opt == 'n') {
			dry_run = true;
		} else if (opt == 'h') {
			return command_help(&command_import);
		} else {
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_error(_("%s: one file to import"), "import");
		return EXIT_USAGE;
	}
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store_create(cli, &status)) == NULL)
		return status;
	ctx = cli_edit_ctx(cli, c);
	io.dry_run = dry_run;
	if (isatty(STDERR_FILENO))
		io.progress = show_progress;
	rc = import_csv(s, &ctx, argv[optind], &io, &rep, &cause);
	if (rep.notices != NULL)
		report_lines(rep.notices);
	if (rc == PC_EINVAL && rep.problems != NULL) {
		report_lines(rep.problems);
		cli_error(
			_("nothing imported: correct the file and try again"));
		free(cause);
		import_report_free(&rep);
		return EXIT_USAGE;
	}
	if (rc != PC_OK) {
		import_report_free(&rep);
		return cli_fail(rc, cause);
	}
	path = text_shown(argv[optind]);
	if (dry_run)
		printf(_("%s: %zu participants would be imported, %zu already "
			 "there (nothing written).\n"),
		       path ? path : "", rep.imported, rep.skipped);
	else
		printf(_("%s: %zu participants imported, %zu already there "
			 "skipped.\n"),
		       path ? path : "", rep.imported, rep.skipped);
	free(path);
	import_report_free(&rep);
	return EXIT_OK;
}

const struct command command_import = {
	.name = "import",
	.args = N_("FILE.csv [--dry-run]"),
	.summary = N_("add the participants of a spreadsheet, all or none"),
	.help = N_("Add the participants of a spreadsheet to your caseload, "
		   "all or none: every\nrow is checked first and every "
		   "problem listed as FILE:LINE: column: what.\n"
		   "Columns (header line, ',' or ';'): last_name or nom, "
		   "first_name or prénom,\nbirth_date or date_naissance; "
		   "optional: stage or étape, entry_date or\ndate_entree, "
		   "phone or téléphone, email. Dates YYYY-MM-DD or "
		   "DD/MM/YYYY.\n"
		   "  --dry-run  check and say what would be imported, write "
		   "nothing"),
	.run = import_run,
};

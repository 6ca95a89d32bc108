/* cmd_list.c: `parcours list`, the caseload one line per participant. */
#include "command.h"
#include "i18n.h"
#include "caseload.h"
#include "roster.h"
#include "error.h"
#include "format.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_tsv(const struct config *c, const struct roster *cl)
{
	puts("id\tlast_name\tfirst_name\tstage_no\tstage_id\tdays_in_stage\t"
	     "last_contact\tnext_appointment\tflags\tstatus");
	for (size_t i = 0; i < cl->n; i++) {
		struct caseload_entry entry;
		const struct caseload_entry *e = &entry;
		const struct rules_summary *s = &e->summary;
		char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

		roster_entry(cl, i, &entry);
		printf("%llu\t", (unsigned long long)e->file.p.id);
		text_tsv_field(stdout, e->file.p.last_name);
		putchar('\t');
		text_tsv_field(stdout, e->file.p.first_name);
		putchar('\t');
		if (e->stage_index != CASELOAD_NO_STAGE)
			printf("%zu", e->stage_index + 1);
		putchar('\t');
		text_tsv_field(stdout, e->file.p.stage);
		printf("\t%d\t%s\t%s\t", s->days_in_stage,
		       date_format_iso(s->last_contact, d1),
		       date_format_iso(s->next_appointment, d2));
		for (size_t f = 0; f < s->n_flags; f++)
			printf("%s%s", f ? "," : "",
			       rules_flag_name(s->flags[f].kind));
		/* "after-exit": left at hiring, followed in work. */
		printf("\t%s\n",
		       rules_after_exit(c, &e->file.p)
			       ? "after-exit"
			       : model_enum_name(ENUM_STATUS,
						 (int)e->file.p.status));
	}
}

static void print_text(struct cli *cli, const struct roster *cl, bool all)
{
	const struct config *c = cli->config;
	char today[DATE_BUFSZ];
	char *who = text_shown(all ? _("All referents") : cli_referent(cli));
	size_t after_exit = 0, current = 0, flagged = 0;

	for (size_t i = 0; i < cl->n; i++) {
		struct caseload_entry e;

		roster_entry(cl, i, &e);
		after_exit += rules_after_exit(c, &e.file.p);
		current += e.file.p.status != STATUS_EXITED;
		flagged += e.summary.n_flags > 0;
	}

	printf("%s — ", who ? who : "");
	printf(P_("%zu participant · target %d", "%zu participants · target %d",
		  current),
	       current, c->caseload_target);
	fputs(" · ", stdout);
	if (after_exit > 0) {
		printf(P_("%zu in work after exit", "%zu in work after exit",
			  after_exit),
		       after_exit);
		fputs(" · ", stdout);
	}
	printf(P_("%zu needs attention", "%zu need attention", flagged),
	       flagged);
	printf(" · %s\n", cli_date(cli->today, today));
	free(who);
	printf("!  ");
	text_pad(stdout, _("Name"), 26);
	text_pad(stdout, _("Stage"), 18);
	text_pad(stdout, _("  Days"), 8);
	text_pad(stdout, _("Last contact"), 14);
	text_pad(stdout, _("Next appt."), 12);
	puts(all ? _("Referent") : _("Attention"));
	for (size_t i = 0; i < cl->n; i++) {
		struct caseload_entry entry;
		const struct caseload_entry *e = &entry;
		const struct rules_summary *s = &e->summary;
		char name[256], stage[128], d[DATE_BUFSZ], reason[128] = "";

		roster_entry(cl, i, &entry);
		format_name(&e->file.p, name, sizeof name);
		format_stage(c, e, stage, sizeof stage);
		printf("%s  ", format_marker(s));
		text_pad(stdout, name, 25);
		putchar(' ');
		text_pad(stdout, stage, 17);
		printf(" %6d  ", s->days_in_stage);
		text_pad(stdout,
			 s->last_contact != DATE_NONE
				 ? cli_date(s->last_contact, d)
				 : "—",
			 14);
		text_pad(stdout,
			 s->next_appointment != DATE_NONE
				 ? cli_date(s->next_appointment, d)
				 : "—",
			 12);
		if (all)
			text_put(stdout, e->file.p.referent);
		else if (s->n_flags > 0) {
			rules_flag_reason(&s->flags[0], reason, sizeof reason);
			fputs(reason, stdout);
		} else if (rules_after_exit(c, &e->file.p))
			printf(_("left at hiring %s, in work"),
			       cli_date(e->file.p.exit_date, d));
		else if (e->file.p.status == STATUS_EXITED)
			printf(_("exited %s"),
			       cli_date(e->file.p.exit_date, d));
		putchar('\n');
	}
}

/*
 * cli_caseload's reading into a roster: a whole territory costs what is
 * shown of it, and the same warnings of stages the configuration lacks.
 */
static int load(struct cli *cli, bool all, bool exited, struct roster *out)
{
	const struct config *c;
	char *cause = NULL;
	int status = cli_ready(cli, all, &c), rc;

	if (status != EXIT_OK)
		return status;
	rc = roster_load(cli->store, c, all ? NULL : cli_referent(cli), exited,
			 cli->today, out, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	for (size_t i = 0; out->n_unknown_stage > 0 && i < out->n; i++) {
		struct caseload_entry e;
		const struct participant *p = &e.file.p;

		if (out->rows[i].stage_index != UINT32_MAX)
			continue;
		roster_entry(out, i, &e);
		cli_unknown_stage(c, p);
	}
	return EXIT_OK;
}

static int list_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "exited", no_argument, NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool all = false, exited = false, tsv = false;
	struct roster cl;
	int opt, status;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'a':
			all = true;
			break;
		case 'x':
			exited = true;
			break;
		case 'f':
			if (!cli_parse_format(optarg, &tsv))
				return EXIT_USAGE;
			break;
		case 'h':
			return command_help(&command_list);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	status = load(cli, all, exited, &cl);
	if (status != EXIT_OK)
		return status;
	if (tsv)
		print_tsv(cli->config, &cl);
	else
		print_text(cli, &cl, all);
	roster_free(&cl);
	return EXIT_OK;
}

const struct command command_list = {
	.name = "list",
	.args = N_("[--all] [--exited] [--format text|tsv]"),
	.summary = N_("current participants, one line each"),
	.help = N_("The current participants, most urgent first.\n"
		   "  --all      every referent's participants\n"
		   "  --exited   include those who left\n"
		   "  --format   text (default) or tsv"),
	.run = list_run,
};

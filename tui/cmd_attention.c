/* cmd_attention.c: `parcours attention`, who needs the referent today. */
#include "command.h"
#include "i18n.h"
#include "caseload.h"
#include "error.h"
#include "format.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One flag of one participant: a line of the output. */
struct item {
	const struct caseload_entry *e;
	const struct flag *f;
};

static int cmp_item(const void *x, const void *y)
{
	const struct item *a = x, *b = y;

	if (a->f->kind != b->f->kind)
		return a->f->kind < b->f->kind ? -1 : 1;
	if (a->f->date != b->f->date)
		return a->f->date < b->f->date ? -1 : 1;
	/* The caseload is sorted by urgency then name: keep that order. */
	return a->e < b->e ? -1 : a->e > b->e;
}

/* Every flag of the caseload, most urgent first; caller frees. */
static struct item *collect(const struct caseload *cl, size_t *n)
{
	size_t total = 0, k = 0;
	struct item *items;

	for (size_t i = 0; i < cl->n; i++)
		total += cl->entries[i].summary.n_flags;
	items = calloc(total ? total : 1, sizeof *items);
	if (items == NULL)
		return NULL;
	for (size_t i = 0; i < cl->n; i++)
		for (size_t f = 0; f < cl->entries[i].summary.n_flags; f++) {
			items[k].e = &cl->entries[i];
			items[k].f = &cl->entries[i].summary.flags[f];
			k++;
		}
	qsort(items, total, sizeof *items, cmp_item);
	*n = total;
	return items;
}

static void print_tsv(const struct item *items, size_t n)
{
	puts("id\tlast_name\tfirst_name\tflag\tdate\tdetail");
	for (size_t i = 0; i < n; i++) {
		const struct participant *p = &items[i].e->file.p;
		char d[DATE_BUFSZ], reason[160];

		rules_flag_reason(items[i].f, reason, sizeof reason);
		printf("%llu\t", (unsigned long long)p->id);
		text_tsv_field(stdout, p->last_name);
		putchar('\t');
		text_tsv_field(stdout, p->first_name);
		printf("\t%s\t%s\t%s\n", rules_flag_name(items[i].f->kind),
		       date_format_iso(items[i].f->date, d), reason);
	}
}

static void print_text(struct cli *cli, const struct caseload *cl,
		       size_t in_caseload, const struct item *items, size_t n,
		       bool all)
{
	size_t flagged = 0;
	char d[DATE_BUFSZ];
	char *who = text_shown(all ? _("All referents") : cli_referent(cli));

	for (size_t i = 0; i < cl->n; i++)
		flagged += cl->entries[i].summary.n_flags > 0;
	printf(P_("%s — %zu of %zu participant needs attention · %s\n",
		  "%s — %zu of %zu participants need attention · %s\n",
		  flagged),
	       who ? who : "", flagged, in_caseload,
	       cli_date(cli->today, d));
	free(who);
	if (n == 0) {
		puts(_("Nothing needs attention today."));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct rules_summary one = { .n_flags = 1 };
		char name[256], reason[160];

		one.flags[0] = *items[i].f;
		format_name(&items[i].e->file.p, name, sizeof name);
		rules_flag_reason(items[i].f, reason, sizeof reason);
		printf("%s  ", format_marker(&one));
		text_pad(stdout, name, 25);
		putchar(' ');
		text_pad(stdout, rules_flag_name(items[i].f->kind), 20);
		printf(" %-10s  %s", cli_date(items[i].f->date, d), reason);
		if (all) {
			fputs(" (", stdout);
			text_put(stdout, items[i].e->file.p.referent);
			putchar(')');
		}
		putchar('\n');
	}
}

static int attention_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool all = false, tsv = false;
	struct caseload cl;
	struct item *items;
	size_t n = 0, in_caseload = 0;
	int opt, status;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'a':
			all = true;
			break;
		case 'f':
			if (!cli_parse_format(optarg, &tsv))
				return EXIT_USAGE;
			break;
		case 'h':
			return command_help(&command_attention);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (all)
		status = cli_attention_all(cli, &cl, &in_caseload);
	else
		status = cli_caseload(cli, false, false, &cl);
	if (status != EXIT_OK)
		return status;
	if (!all)
		in_caseload = cl.n;
	items = collect(&cl, &n);
	if (items == NULL) {
		caseload_free(&cl);
		cli_error("%s", error_string(PC_ENOMEM));
		return EXIT_RUNTIME;
	}
	if (tsv)
		print_tsv(items, n);
	else
		print_text(cli, &cl, in_caseload, items, n, all);
	free(items);
	caseload_free(&cl);
	return EXIT_OK;
}

const struct command command_attention = {
	.name = "attention",
	.args = N_("[--all] [--format text|tsv]"),
	.summary = N_("what needs attention, most urgent first"),
	.help = N_("What needs attention, most urgent first: one line per "
		   "flag.\n"
		   "  --all      every referent's participants\n"
		   "  --format   text (default) or tsv"),
	.run = attention_run,
};

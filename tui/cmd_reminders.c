/* cmd_reminders.c: `parcours reminders`, the appointments of the next
 * working days not reminded yet, with what to tell; for a call, or as a
 * file for the PLIE's SMS or mailing tool. */
#include "command.h"
#include "atomic.h"
#include "csv.h"
#include "edit.h"
#include "error.h"
#include "format.h"
#include "i18n.h"
#include "reminder.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum output { OUT_TEXT, OUT_TSV, OUT_CSV };

/* Why a reminder cannot go by `channel` (REMIND_SMS or REMIND_EMAIL), or
 * NULL when it can. */
static const char *unreachable(const struct reminder *r, enum remind_how by)
{
	if (by == REMIND_EMAIL)
		return r->p.email == NULL || *r->p.email == '\0' ? _("no email")
								 : NULL;
	switch (r->phone_kind) {
	case PHONE_NONE:
		return _("no phone");
	case PHONE_INVALID:
		return _("the phone is not a number");
	case PHONE_LANDLINE:
		return _("a landline, no SMS: call");
	default:
		return NULL;
	}
}

static void print_text(struct cli *cli, const struct reminder *r, size_t n,
		       pdate until)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	printf(P_("%zu appointment to remind, %s to %s\n",
		  "%zu appointments to remind, %s to %s\n", n),
	       n, cli_date(cli->today + 1, d1), cli_date(until, d2));
	for (size_t i = 0; i < n; i++) {
		char name[256], hm[16], d[DATE_BUFSZ];

		format_name(&r[i].p, name, sizeof name);
		format_time(r[i].a.minute, hm, sizeof hm);
		printf("%s %-5s  ", cli_date(r[i].a.date, d), hm);
		text_pad(stdout, name, 25);
		printf("  %-13s  ", r[i].phone[0] ? r[i].phone : "—");
		text_put(stdout, r[i].p.email ? r[i].p.email : "");
		printf("\n    ");
		text_put(stdout, r[i].message);
		putchar('\n');
	}
}

static void print_tsv(const struct reminder *r, size_t n)
{
	static const char *const kinds[] = { "", "invalid", "mobile",
					     "landline", "abroad" };

	puts("appointment\tdate\ttime\tid\tlast_name\tfirst_name\tphone\t"
	     "phone_kind\temail\tkind\tmessage");
	for (size_t i = 0; i < n; i++) {
		char d[DATE_BUFSZ], hm[16];

		format_time(r[i].a.minute, hm, sizeof hm);
		printf("%llu\t%s\t%s\t%llu\t", (unsigned long long)r[i].a.id,
		       date_format_iso(r[i].a.date, d), hm,
		       (unsigned long long)r[i].p.id);
		text_tsv_field(stdout, r[i].p.last_name);
		putchar('\t');
		text_tsv_field(stdout, r[i].p.first_name);
		printf("\t%s\t%s\t", r[i].phone, kinds[r[i].phone_kind]);
		text_tsv_field(stdout, r[i].p.email);
		putchar('\t');
		text_tsv_field(stdout, r[i].a.kind);
		putchar('\t');
		text_tsv_field(stdout, r[i].message);
		putchar('\n');
	}
}

/* The file for the SMS tool (phone;message) or the mailing one
 * (email;subject;message); *written[i] says who is in it. */
static int write_csv(FILE *out, const struct reminder *r, size_t n,
		     enum remind_how by, char delim, bool *written)
{
	fputs(by == REMIND_EMAIL ? "email" : "phone", out);
	if (by == REMIND_EMAIL)
		fprintf(out, "%csubject", delim);
	fprintf(out, "%cmessage\r\n", delim);
	for (size_t i = 0; i < n; i++) {
		written[i] = unreachable(&r[i], by) == NULL;
		if (!written[i])
			continue;
		if (by == REMIND_EMAIL) {
			csv_write_field(out, r[i].p.email, delim,
					CSV_GUARD_TEXT);
			fputc(delim, out);
			csv_write_field(out, r[i].subject ? r[i].subject : "",
					delim, CSV_GUARD_TEXT);
		} else {
			/* +33612345678: made here, digits only. */
			csv_write_field(out, r[i].phone, delim, CSV_GUARD_NONE);
		}
		fputc(delim, out);
		csv_write_field(out, r[i].message, delim, CSV_GUARD_TEXT);
		fputs("\r\n", out);
	}
	return ferror(out) ? PC_EIO : PC_OK;
}

/* Those the file leaves out, and why, on stderr: never silently. */
static size_t report_left_out(const struct reminder *r, size_t n,
			      enum remind_how by)
{
	size_t left = 0;

	for (size_t i = 0; i < n; i++) {
		const char *why = unreachable(&r[i], by);
		char name[256], d[DATE_BUFSZ];

		if (why == NULL)
			continue;
		left++;
		format_name(&r[i].p, name, sizeof name);
		fprintf(stderr, "parcours: %llu ",
			(unsigned long long)r[i].p.id);
		text_put(stderr, name);
		fprintf(stderr, _(", appointment of %s: %s"),
			cli_date(r[i].a.date, d), why);
		if (r[i].phone_kind == PHONE_INVALID) {
			fputs(" (", stderr);
			text_put(stderr, r[i].p.phone);
			fputc(')', stderr);
		}
		fputc('\n', stderr);
	}
	return left;
}

/* `reminders --format csv --mark`: listed, written and marked in one
 * write transaction, so that two at once do not both put the same
 * appointments in their files (the second waits for the first, then
 * finds them reminded), and that none is marked whose file did not go
 * out whole, nor one moved in another window since it was listed. */
struct mark_run {
	struct cli *cli;
	const struct config *c;
	const char *referent, *output;
	int days;
	enum remind_how by;
	struct edit_ctx ctx;
	bool emitted; /* standard output written (a retry does not again) */
	size_t marked;
};

static int mark_cb(struct store_txn *t, void *arg, char **cause)
{
	struct mark_run *m = arg;
	struct reminder *r = NULL;
	struct atomic_file af = { 0 };
	bool *written = NULL;
	size_t n = 0;
	int rc = reminders_list_txn(t, m->c, m->referent, m->cli->today,
				    m->days, &r, &n, cause);

	m->marked = 0;
	if (rc == PC_OK &&
	    (written = calloc(n ? n : 1, sizeof *written)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK && m->output != NULL) {
		report_left_out(r, n, m->by);
		rc = atomic_open(&af, m->output, cause);
		if (rc == PC_OK)
			rc = write_csv(af.f, r, n, m->by, ';', written);
	} else if (rc == PC_OK && !m->emitted) {
		report_left_out(r, n, m->by);
		rc = write_csv(stdout, r, n, m->by, ';', written);
		if (rc == PC_OK && (fflush(stdout) != 0 || ferror(stdout)))
			rc = PC_EIO;
		if (rc != PC_OK)
			error_set(cause, rc, "%s",
				  _("cannot write the output"));
		m->emitted = rc == PC_OK;
	} else if (rc == PC_OK) {
		for (size_t i = 0; i < n; i++)
			written[i] = unreachable(&r[i], m->by) == NULL;
	}
	for (size_t i = 0; rc == PC_OK && i < n; i++) {
		if (!written[i])
			continue;
		rc = edit_reminded_txn(t, &m->ctx, r[i].a.participant,
				       r[i].a.id, m->by, cause);
		m->marked += rc == PC_OK;
	}
	/* The file in place once every mark is made, before they are
	 * committed. */
	if (m->output != NULL && af.f != NULL) {
		if (rc == PC_OK)
			rc = atomic_commit(&af, cause);
		else
			atomic_abort(&af);
	}
	free(written);
	reminders_free(r, n);
	return rc;
}

static int mark_all(struct cli *cli, const struct config *c, struct store *s,
		    const char *referent, int days, const char *output,
		    enum remind_how by)
{
	struct mark_run m = { .cli = cli,
			      .c = c,
			      .referent = referent,
			      .output = output,
			      .days = days,
			      .by = by,
			      .ctx = cli_edit_ctx(cli, c) };
	char *cause = NULL;
	int rc = store_write(s, mark_cb, &m, &cause);

	if (rc != PC_OK) {
		cli_error("%s", _("none marked reminded:"));
		return cli_fail(rc, cause);
	}
	fprintf(stderr,
		P_("parcours: %zu appointment marked reminded\n",
		   "parcours: %zu appointments marked reminded\n", m.marked),
		m.marked);
	return EXIT_OK;
}

static int reminders_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "channel", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "mark", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum output fmt = OUT_TEXT;
	enum remind_how by = REMIND_SMS;
	const char *output = NULL;
	bool all = false, mark = false;
	int days = 0, opt, status = EXIT_OK, rc;
	const struct config *c;
	struct store *s;
	struct reminder *r = NULL;
	size_t n = 0;
	bool *written = NULL;
	char *cause = NULL, *end;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'd':
			days = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || days < 1 ||
			    days > 20) {
				cli_error(_("--days: '%s' is not a number of "
					    "working days from 1 to 20"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'a':
			all = true;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0) {
				fmt = OUT_CSV;
			} else {
				bool tsv;

				if (!cli_parse_format(optarg, &tsv))
					return EXIT_USAGE;
				fmt = tsv ? OUT_TSV : OUT_TEXT;
			}
			break;
		case 'c':
			if (strcmp(optarg, "sms") == 0)
				by = REMIND_SMS;
			else if (strcmp(optarg, "email") == 0)
				by = REMIND_EMAIL;
			else {
				cli_error(_("--channel: '%s' is not sms or "
					    "email"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'm':
			mark = true;
			break;
		case 'h':
			return command_help(&command_reminders);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if ((output != NULL || mark) && fmt != OUT_CSV) {
		cli_error("%s",
			  _("--output and --mark: only with --format csv"));
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (all && !cli_coordinator(cli, "--all", &status)) ||
	    (s = cli_store(cli, &status)) == NULL)
		return status;
	if (days == 0)
		days = c->reminder_days;
	if (mark)
		return mark_all(cli, c, s, all ? NULL : cli_referent(cli), days,
				output, by);
	rc = reminders_list(s, c, all ? NULL : cli_referent(cli), cli->today,
			    days, &r, &n, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	if (fmt == OUT_TEXT) {
		print_text(cli, r, n, reminder_until(cli->today, days));
	} else if (fmt == OUT_TSV) {
		print_tsv(r, n);
	} else if ((written = calloc(n ? n : 1, sizeof *written)) == NULL) {
		status = cli_fail(PC_ENOMEM, NULL);
	} else {
		/* The SMS tools read ';' between the number and the text. */
		struct atomic_file af = { 0 };

		report_left_out(r, n, by);
		rc = output ? atomic_open(&af, output, &cause) : PC_OK;
		if (rc == PC_OK)
			rc = write_csv(output ? af.f : stdout, r, n, by, ';',
				       written);
		/* On standard output too, nothing is marked that did not
		 * go out whole. */
		if (rc == PC_OK && output == NULL &&
		    (fflush(stdout) != 0 || ferror(stdout)))
			rc = error_set(&cause, PC_EIO, "%s",
				       _("cannot write the output"));
		if (rc == PC_OK && output != NULL)
			rc = atomic_commit(&af, &cause);
		else if (output != NULL)
			atomic_abort(&af);
		if (rc != PC_OK)
			status = cli_fail(rc, cause);
	}
	free(written);
	reminders_free(r, n);
	return status;
}

const struct command command_reminders = {
	.name = "reminders",
	.args = N_("[--days N] [--all] [--format text|tsv|csv] "
		   "[--channel sms|email] [--output FILE] [--mark]"),
	.summary = N_("the appointments to remind in the next working days"),
	.help = N_("The planned appointments of the next working days "
		   "(weekends and public\n"
		   "holidays skipped) not reminded yet, with the phone in the "
		   "international form,\n"
		   "the email and the message to send (reminders: in the "
		   "configuration).\n"
		   "  --days N       working days ahead (default: "
		   "reminders.days, 2)\n"
		   "  --all          every referent's participants\n"
		   "  --format       text (default), tsv, or csv: the file for "
		   "an SMS tool,\n"
		   "                 phone;message (--channel email: "
		   "email;subject;message);\n"
		   "                 who cannot be reached that way is listed "
		   "on stderr\n"
		   "  --output FILE  csv: write FILE atomically, mode 0600\n"
		   "  --mark         csv: record those in the file as reminded "
		   "(by SMS or email)"),
	.run = reminders_run,
};

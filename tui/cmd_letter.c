/* cmd_letter.c: `parcours templates`, `parcours letter` and `parcours
 * letters`: letters made from the PLIE's templates (core/letter.h). */
#include "caseload.h"
#include "command.h"
#include "atomic.h"
#include "edit.h"
#include "error.h"
#include "i18n.h"
#include "letter.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The templates found; false (after reporting, *status set) on failure. */
static bool find_templates(struct cli *cli, struct letter_list *l, int *status)
{
	char *cause = NULL;
	int rc = letter_list_find(cli->templates_user, cli->templates_shipped,
				  l, &cause);

	if (rc != PC_OK) {
		*status = cli_fail(rc, cause);
		return false;
	}
	return true;
}

/* Template `name` (the output's extension preferred); NULL after saying
 * which there are. */
static const struct letter_template *
lookup(const struct letter_list *l, const char *name, const char *output)
{
	const char *dot = output ? strrchr(output, '.') : NULL;
	const struct letter_template *t = letter_lookup(
		l, name, dot && !strchr(dot, '/') ? dot + 1 : NULL);

	if (t == NULL)
		cli_error(_("no template '%s'; 'parcours templates' lists "
			    "them"),
			  name);
	return t;
}

static int templates_run(struct cli *cli, int argc, char **argv)
{
	struct letter_list l = { 0 };
	int status = command_only_help(&command_templates, argc, argv);

	if (status >= 0)
		return status;
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	status = EXIT_OK;
	if (!find_templates(cli, &l, &status))
		return status;
	printf(_("Your templates: %s (they take precedence)\n"),
	       cli->templates_user);
	printf(_("Shipped templates: %s\n"), cli->templates_shipped);
	for (size_t i = 0; i < l.n; i++) {
		char **names = NULL, *cause = NULL;
		size_t n = 0;
		int rc = letter_check(&l.v[i], &names, &n, NULL, NULL, &cause);

		printf("\n%s  %s\n  %s\n", l.v[i].file,
		       l.v[i].user ? _("yours") : _("shipped"), l.v[i].path);
		if (rc != PC_OK) {
			cli_fail(rc, cause);
			status = EXIT_USAGE;
			continue;
		}
		fputs("  ", stdout);
		for (size_t k = 0; k < n; k++)
			printf("%s%s", k ? ", " : "", names[k]);
		putchar('\n');
		template_names_free(names, n);
	}
	if (l.n == 0)
		puts(_("No template found."));
	letter_list_free(&l);
	return status;
}

/* Warn once about the configuration's blanks the template uses. */
static void warn_blanks(const struct config *c, const struct letter_template *t)
{
	static const char *const keys[] = {
		"plie.name",  "plie.address",	"plie.phone",
		"plie.email", "referent.phone", "referent.email"
	};
	const char *const vals[] = { c->plie_name,	c->plie_address,
				     c->plie_phone,	c->plie_email,
				     c->referent_phone, c->referent_email };
	char **names = NULL, *cause = NULL, line[256] = "";
	size_t n = 0, used = 0;

	if (letter_check(t, &names, &n, NULL, NULL, &cause) != PC_OK) {
		free(cause);
		return;
	}
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
		for (size_t i = 0; i < n; i++) {
			if (vals[k] != NULL || strcmp(names[i], keys[k]) != 0)
				continue;
			used += (size_t)snprintf(
				line + used, sizeof line - used, "%s%s",
				used ? ", " : "",
				strcmp(keys[k], "referent.phone") == 0
					? "referent_phone"
				: strcmp(keys[k], "referent.email") == 0
					? "referent_email"
					: keys[k]);
			break;
		}
		if (used >= sizeof line)
			break;
	}
	if (used > 0)
		cli_error(_("warning: %s not set in the configuration: left "
			    "blank in the letters"),
			  line);
	template_names_free(names, n);
}

/*
 * Record docs[0..n-1] as made, all in one transaction. When that fails
 * (a full disk, a participant erased meanwhile), the files just written
 * are removed, in `dir` or `output`: no letter is kept that the history
 * does not show (on standard output, said). A failure reported, status 1.
 */
static int record(struct cli *cli, const struct config *c,
		  const struct letter_template *t,
		  const struct letter_doc *docs, size_t n, const char *dir,
		  const char *output)
{
	struct edit_ctx ctx = cli_edit_ctx(cli, c);
	char *name = letter_name(t), *cause = NULL;
	struct edit_letter *v = calloc(n ? n : 1, sizeof *v);
	int rc;

	if (name == NULL || v == NULL)
		rc = PC_ENOMEM;
	else {
		for (size_t i = 0; i < n; i++)
			v[i] = (struct edit_letter){ docs[i].participant,
						     docs[i].appt };
		rc = edit_letters_made(cli->store, &ctx, v, n, name, &cause);
	}
	free(name);
	free(v);
	if (rc == PC_OK)
		return EXIT_OK;
	for (size_t i = 0; dir != NULL && i < n; i++) {
		char *p;

		if (asprintf(&p, "%s/%s", dir, docs[i].file) >= 0) {
			unlink(p);
			free(p);
		}
	}
	if (dir == NULL && output != NULL)
		unlink(output);
	if (dir != NULL || output != NULL)
		cli_error(P_("%zu letter could not be recorded; its file is "
			     "removed:",
			     "%zu letters could not be recorded; their files "
			     "are removed:",
			     n),
			  n);
	else
		cli_error(P_("%zu letter written but not recorded:",
			     "%zu letters written but not recorded:", n),
			  n);
	return cli_fail(rc, cause);
}

/* Whether the letters may go into directory `dir` (NULL: not to a
 * directory): not the database directory itself nor one inside it. */
static bool dir_allowed(const struct cli *cli, const char *dir)
{
	char *inside;
	bool in;

	if (dir == NULL)
		return true;
	/* A file in it: its directory, then each parent, is compared. */
	if (asprintf(&inside, "%s/.", dir) < 0) {
		cli_fail(PC_ENOMEM, NULL);
		return false;
	}
	/* As a file too: a directory still to make, in the database's. */
	in = cli_inside_database(cli, inside) || cli_inside_database(cli, dir);
	free(inside);
	if (in)
		cli_error(_("%s: inside the database directory %s; write it "
			    "elsewhere"),
			  dir, cli->db_dir);
	return !in;
}

static bool parse_id(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return false;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || v == 0)
		return false;
	*out = v;
	return true;
}

static int letter_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "appointment", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	uint64_t pid = 0, appt = 0;
	struct letter_list l = { 0 };
	const struct letter_template *t;
	struct letter_doc doc = { 0 };
	const struct config *c;
	char *cause = NULL;
	int opt, rc, status = EXIT_OK;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
		case 'a':
			if (!parse_id(optarg, &appt)) {
				cli_error(_("--appointment: '%s' is not an "
					    "appointment number"),
					  optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return command_help(&command_letter);
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		command_print_usage(&command_letter, stderr);
		return EXIT_USAGE;
	}
	if (!parse_id(argv[optind + 1], &pid)) {
		cli_error(_("'%s' is not a participant number"),
			  argv[optind + 1]);
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    cli_store(cli, &status) == NULL ||
	    !find_templates(cli, &l, &status))
		return status;
	if ((t = lookup(&l, argv[optind], output)) == NULL) {
		letter_list_free(&l);
		return EXIT_USAGE;
	}
	rc = letter_make(cli->store, c, t, pid, appt, cli->today, &doc, &cause);
	if (rc == PC_OK) {
		warn_blanks(c, t);
		if (output != NULL)
			rc = letter_save(output, doc.text, doc.len, &cause);
		else if (fwrite(doc.text, 1, doc.len, stdout) != doc.len ||
			 fflush(stdout) != 0)
			rc = error_set(&cause, PC_EIO, "%s",
				       _("cannot write the output"));
	}
	if (rc != PC_OK) {
		status = cli_fail(rc, cause);
	} else {
		status = record(cli, c, t, &doc, 1, NULL, output);
		if (status == EXIT_OK && output != NULL) {
			char *shown = text_shown(output);

			fprintf(stderr, _("parcours: letter written to %s\n"),
				shown ? shown : "");
			free(shown);
		}
	}
	letter_doc_clear(&doc);
	letter_list_free(&l);
	return status;
}

/* One letter of a batch to make. */
struct want {
	uint64_t pid, appt;
	pdate date;
	int minute;
	size_t key;	 /* the name's sort key, in the batch's keys */
	struct flag top; /* the participant's most urgent flag, if any */
	bool flagged;
};

/* What a batch of template t makes letters for: the wants, the name keys
 * they sort by, and those left out as made already. */
struct wanted {
	const struct letter_template *t;
	pdate from, to;
	bool again, needs, missed;
	const char *name; /* letter_name(t) */
	struct want *v;
	size_t n, cap;
	char *keys; /* NUL-ended keys one after the other */
	size_t keys_len, keys_cap;
	size_t sent;
};

/* The keys while sorting (qsort passes no argument). */
static const char *sort_keys;

/* The order of the participants' caseload among namesakes: the most
 * urgent first (rules_compare_urgency), then by id. */
static int by_urgency(const struct want *a, const struct want *b)
{
	if (!a->flagged || !b->flagged) {
		if (a->flagged != b->flagged)
			return a->flagged ? -1 : 1;
	} else {
		struct rules_summary x = { 0 }, y = { 0 };
		int r;

		x.n_flags = y.n_flags = 1;
		x.flags[0] = a->top;
		y.flags[0] = b->top;
		if ((r = rules_compare_urgency(&x, &y)) != 0)
			return r;
	}
	return a->pid < b->pid ? -1 : a->pid > b->pid;
}

static int by_date(const void *pa, const void *pb)
{
	const struct want *a = pa, *b = pb;
	int r;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	r = strcmp(sort_keys + a->key, sort_keys + b->key);
	if (r != 0)
		return r;
	if (a->appt != b->appt)
		return a->appt < b->appt ? -1 : 1;
	return by_urgency(a, b);
}

static bool has_flag(const struct caseload_entry *e, enum flag_kind k)
{
	for (size_t i = 0; i < e->summary.n_flags; i++)
		if (e->summary.flags[i].kind == k)
			return true;
	return false;
}

/* Key `key` kept in w->keys, its offset in *out. */
static bool key_add(struct wanted *w, const char *key, size_t *out)
{
	size_t n = strlen(key) + 1;

	if (w->keys_len + n > w->keys_cap) {
		size_t cap = w->keys_cap ? 2 * w->keys_cap : 4096;
		char *grown;

		while (cap < w->keys_len + n)
			cap *= 2;
		if ((grown = realloc(w->keys, cap)) == NULL)
			return false;
		w->keys = grown;
		w->keys_cap = cap;
	}
	memcpy(w->keys + w->keys_len, key, n);
	*out = w->keys_len;
	w->keys_len += n;
	return true;
}

/* The letters participant e is to have, added to the batch (a
 * caseload_each visitor: the file is let go after). */
static int want_of(struct caseload_entry *e, void *arg)
{
	struct wanted *w = arg;
	const struct participant_file *f = &e->file;
	size_t first = w->n, key = 0;

	for (size_t k = 0; k < (w->needs ? f->n_appts : 1); k++) {
		const struct appointment *a = w->needs ? &f->appts[k] : NULL;

		if (w->needs && (a->status != APPT_PLANNED ||
				 a->date < w->from || a->date > w->to))
			continue;
		/* This letter made already for the appointment: not twice,
		 * unless asked. */
		if (w->needs && !w->again && a->letter != NULL &&
		    strcmp(a->letter, w->name) == 0) {
			w->sent++;
			continue;
		}
		if (!w->needs && w->missed && !has_flag(e, FLAG_NO_SHOW))
			continue;
		/* A re-invitation made already for the last missed one:
		 * likewise. */
		if (!w->needs && w->missed && !w->again) {
			const struct appointment *m = letter_last_missed(f);

			if (m != NULL && m->letter != NULL &&
			    strcmp(m->letter, w->name) == 0) {
				w->sent++;
				continue;
			}
		}
		if (!w->needs && !w->missed && f->p.status == STATUS_EXITED)
			continue;
		if (w->n == w->cap) {
			size_t cap = w->cap ? 2 * w->cap : 32;
			struct want *g = realloc(w->v, cap * sizeof *g);

			if (g == NULL)
				return PC_ENOMEM;
			w->v = g;
			w->cap = cap;
		}
		w->v[w->n++] = (struct want){
			.pid = f->p.id,
			.appt = a ? a->id : 0,
			.date = a ? a->date : 0,
			.minute = a ? a->minute : 0,
			.flagged = e->summary.n_flags > 0,
		};
		if (e->summary.n_flags > 0)
			w->v[w->n - 1].top = e->summary.flags[0];
	}
	if (w->n > first && !key_add(w, e->name_key ? e->name_key : "", &key))
		return PC_ENOMEM;
	for (size_t i = first; i < w->n; i++)
		w->v[i].key = key;
	return PC_OK;
}

/*
 * What a batch of template t makes letters for, into w (freed with
 * wanted_free), read participant by participant: only the letters to
 * make are kept, not the files. By date and time, then by name, as the
 * caseload orders namesakes.
 */
static int wanted(struct store *s, const struct config *c, const char *referent,
		  pdate today, struct wanted *w, char **cause)
{
	size_t n_corrupt = 0;
	char *name = letter_name(w->t);
	int rc = letter_check(w->t, NULL, NULL, &w->needs, &w->missed, cause);

	if (rc == PC_OK && name == NULL)
		rc = error_set(cause, PC_ENOMEM, "%s", error_string(PC_ENOMEM));
	w->name = name;
	if (rc == PC_OK)
		rc = caseload_each(s, c, referent, false, today, false, want_of,
				   w, &n_corrupt, cause);
	w->name = NULL;
	free(name);
	if (rc != PC_OK)
		return rc;
	if (w->n > 1) {
		sort_keys = w->keys;
		qsort(w->v, w->n, sizeof *w->v, by_date);
		sort_keys = NULL;
	}
	return PC_OK;
}

static void wanted_free(struct wanted *w)
{
	free(w->v);
	free(w->keys);
	w->v = NULL;
	w->keys = NULL;
	w->n = w->cap = w->keys_len = w->keys_cap = 0;
}

/* Letters made between two releases of the mapped pages. */
#define LETTERS_RELEASE_EVERY 32

static void docs_free(struct letter_doc *docs, size_t n)
{
	for (size_t i = 0; docs != NULL && i < n; i++)
		letter_doc_clear(&docs[i]);
	free(docs);
}

/*
 * Where a batch goes as one document (`output`, or standard output),
 * merged letter by letter as they are made so that their texts are let
 * go: into `output`'s temporary file, or an unlinked one for standard
 * output, copied there once every letter is made. A letter that does not
 * merge is told once the others are made, as when merged at the end.
 */
struct sink {
	struct letter_merger m;
	struct atomic_file af;
	FILE *tmp;
	const char *output;
	int rc; /* of the first letter that did not merge */
	char *cause;
};

static int sink_open(struct sink *k, const struct letter_template *t,
		     const char *output, char **cause)
{
	int rc = PC_OK;

	memset(k, 0, sizeof *k);
	k->output = output;
	if (output != NULL)
		rc = atomic_open(&k->af, output, cause);
	else if ((k->tmp = tmpfile()) == NULL)
		rc = error_set(cause, PC_EIO, "%s",
			       _("cannot write the output"));
	if (rc == PC_OK)
		letter_merger_begin(&k->m, output ? k->af.f : k->tmp,
				    letter_is_fodt(t),
				    strcmp(letter_ext(t), "md") == 0);
	return rc;
}

static void sink_add(struct sink *k, const struct letter_doc *d)
{
	if (k->rc == PC_OK)
		k->rc = letter_merger_add(&k->m, d->text, d->len, &k->cause);
}

static void sink_abort(struct sink *k)
{
	letter_merger_free(&k->m);
	if (k->output != NULL)
		atomic_abort(&k->af);
	if (k->tmp != NULL)
		fclose(k->tmp);
	k->tmp = NULL;
	free(k->cause);
	k->cause = NULL;
}

/* Standard output gets what tmp holds. */
static int copy_out(FILE *tmp)
{
	char buf[65536];
	size_t got;

	if (fflush(tmp) != 0 || ferror(tmp) || fseek(tmp, 0, SEEK_SET) != 0)
		return PC_EIO;
	while ((got = fread(buf, 1, sizeof buf, tmp)) > 0)
		if (fwrite(buf, 1, got, stdout) != got)
			return PC_EIO;
	return ferror(tmp) || fflush(stdout) != 0 ? PC_EIO : PC_OK;
}

/* End the document of n letters: in place, or on standard output.
 * *written: how many letters went out. */
static int sink_close(struct sink *k, size_t n, size_t *written, char **cause)
{
	int rc = k->rc;

	*written = 0;
	if (rc != PC_OK) {
		*cause = k->cause;
		k->cause = NULL;
	} else {
		rc = letter_merger_end(&k->m, cause);
	}
	if (k->output != NULL) {
		if (rc == PC_EIO || (rc == PC_OK && (fflush(k->af.f) != 0 ||
						     ferror(k->af.f)))) {
			int e = errno;

			rc = error_set(cause,
				       e == ENOSPC || e == EDQUOT ? PC_EFULL
								  : PC_EIO,
				       "%s: %s", k->output, strerror(e));
		}
		if (rc == PC_OK)
			rc = atomic_commit(&k->af, cause);
	} else if (rc == PC_EIO || (rc == PC_OK && copy_out(k->tmp) != PC_OK)) {
		rc = error_set(cause, PC_EIO, "%s",
			       _("cannot write the output"));
	}
	sink_abort(k);
	if (rc == PC_OK)
		*written = n;
	return rc;
}

static int letters_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "all", no_argument, NULL, 'a' },
		{ "again", no_argument, NULL, 'A' },
		{ "output-dir", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *dir = NULL;
	pdate from = DATE_NONE, to = DATE_NONE;
	bool all = false, again = false;
	struct letter_list l = { 0 };
	const struct letter_template *t;
	struct wanted w = { 0 };
	struct letter_doc *docs = NULL;
	size_t n = 0, written = 0, sent = 0;
	const struct config *c;
	char *cause = NULL;
	int opt, rc = PC_OK, status = EXIT_OK;
	sigset_t before;
	bool held = false, opened = false, sunk = false;
	struct letter_batch batch = { 0 };
	struct sink sink;

	while ((opt = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (opt) {
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
		case 'a':
			all = true;
			break;
		case 'A':
			again = true;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return command_help(&command_letters);
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		command_print_usage(&command_letters, stderr);
		return EXIT_USAGE;
	}
	if (dir != NULL && output != NULL) {
		cli_error("%s", _("--output-dir and --output: one or the "
				  "other"));
		return EXIT_USAGE;
	}
	if (from == DATE_NONE)
		from = cli->today;
	if (to == DATE_NONE)
		to = from + 6;
	if (from > to) {
		cli_error("%s", _("--from: after --to"));
		return EXIT_USAGE;
	}
	if (!cli_output_allowed(cli, output) || !dir_allowed(cli, dir))
		return EXIT_USAGE;
	if ((c = cli_config(cli, &status)) == NULL ||
	    (all && !cli_coordinator(cli, "--all", &status)) ||
	    cli_store(cli, &status) == NULL ||
	    !find_templates(cli, &l, &status))
		return status;
	if ((t = lookup(&l, argv[optind], output)) == NULL) {
		letter_list_free(&l);
		return EXIT_USAGE;
	}
	w.t = t;
	w.from = from;
	w.to = to;
	w.again = again;
	rc = wanted(cli->store, c, all ? NULL : cli_referent(cli), cli->today,
		    &w, &cause);
	n = w.n;
	sent = w.sent;
	if (rc == PC_OK && sent > 0)
		cli_error(P_("%zu appointment has this letter already: left "
			     "out (--again makes it again)",
			     "%zu appointments have this letter already: left "
			     "out (--again makes them again)",
			     sent),
			  sent);
	if (rc == PC_OK && n > 0 && (docs = calloc(n, sizeof *docs)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK && n == 0) {
		wanted_free(&w);
		cli_error("%s", _("no letter to make: nothing written"));
		letter_list_free(&l);
		return EXIT_OK;
	}
	/* Into a directory, the letters are written then recorded with the
	 * signals that end the program held: one asked while they are
	 * made and written stops the batch, nothing left of it; once they
	 * are in the directory, it waits until they are recorded. Each is
	 * written as soon as it is made, into the batch's hidden directory,
	 * and its text let go: a template with a logo is heavy. */
	if (dir != NULL && rc == PC_OK) {
		sigset_t hold;

		sigemptyset(&hold);
		sigaddset(&hold, SIGINT);
		sigaddset(&hold, SIGTERM);
		sigaddset(&hold, SIGHUP);
		sigaddset(&hold, SIGPIPE);
		held = sigprocmask(SIG_BLOCK, &hold, &before) == 0;
		rc = letter_batch_open(&batch, dir, &cause);
		opened = rc == PC_OK;
	} else if (rc == PC_OK) {
		rc = sink_open(&sink, t, output, &cause);
		sunk = rc == PC_OK;
	}
	/* Every letter made before any is in view: all or nothing. */
	for (size_t i = 0; rc == PC_OK && i < n; i++) {
		/* What each letter read of the database stays valid: the
		 * pages can go. */
		if (i > 0 && i % LETTERS_RELEASE_EVERY == 0)
			store_release_pages(cli->store);
		rc = letter_make(cli->store, c, t, w.v[i].pid, w.v[i].appt,
				 cli->today, &docs[i], &cause);
		if (rc == PC_OK && sunk)
			sink_add(&sink, &docs[i]);
		if (rc == PC_OK && opened)
			rc = letter_batch_put(&batch, &docs[i], &cause);
		if (rc == PC_OK) {
			free(docs[i].text);
			docs[i].text = NULL;
			docs[i].len = 0;
		}
	}
	wanted_free(&w);
	if (rc == PC_OK) {
		warn_blanks(c, t);
		rc = opened ? letter_batch_move(&batch, docs, n, &written,
						&cause)
			    : sink_close(&sink, n, &written, &cause);
	} else if (opened) {
		letter_batch_abort(&batch, docs, n);
	} else if (sunk) {
		sink_abort(&sink);
	}
	if (rc != PC_OK)
		status = cli_fail(rc, cause);
	if (written > 0) {
		int st = record(cli, c, t, docs, written, dir, output);

		if (st == EXIT_OK && (output != NULL || dir != NULL)) {
			char *shown = text_shown(dir ? dir : output);

			fprintf(stderr,
				P_("parcours: %zu letter written to %s\n",
				   "parcours: %zu letters written to %s\n",
				   written),
				written, shown ? shown : "");
			free(shown);
		}
		if (status == EXIT_OK)
			status = st;
	}
	if (held)
		sigprocmask(SIG_SETMASK, &before, NULL);
	docs_free(docs, n);
	letter_list_free(&l);
	return status;
}

const struct command command_templates = {
	.name = "templates",
	.args = "",
	.summary = N_("the letter templates found and their placeholders"),
	.help = N_("The letter templates: those of your directory "
		   "($XDG_CONFIG_HOME/parcours/templates,\n"
		   "default ~/.config/parcours/templates), which take "
		   "precedence by file name,\n"
		   "then the shipped ones; each with where it is and the "
		   "placeholders it uses.\n"
		   "A template with an unknown placeholder is reported with "
		   "its line; status 2."),
	.run = templates_run,
};

const struct command command_letter = {
	.name = "letter",
	.args = N_("TEMPLATE ID [--appointment APPT] [--output FILE]"),
	.summary = N_("a letter from a template for one participant"),
	.help = N_("A letter for participant ID from TEMPLATE (convocation, "
		   "or a file name such as\n"
		   "convocation.md), recorded on the appointment it is "
		   "about and in the journal.\n"
		   "  --appointment APPT  the appointment it is about "
		   "(default: the next planned\n"
		   "                      when the template needs one; the "
		   "last missed for a\n"
		   "                      re-invitation)\n"
		   "  --output FILE       write FILE atomically, mode 0600 "
		   "(default: standard\n"
		   "                      output); its extension picks the "
		   "template's kind"),
	.run = letter_run,
};

const struct command command_letters = {
	.name = "letters",
	.args = N_("TEMPLATE [--from DATE --to DATE] [--all] [--again] "
		   "[--output-dir DIR | --output FILE]"),
	.summary = N_("letters from a template for every participant it "
		      "concerns"),
	.help = N_("Letters from TEMPLATE for everyone it concerns: a "
		   "template about an\n"
		   "appointment (convocation), every planned appointment of "
		   "the period; one\n"
		   "about a missed one (re-invitation), every participant "
		   "with a no-show; any\n"
		   "other, every participant followed. Each letter is "
		   "recorded. All are made\n"
		   "before any is written; none is written if one fails.\n"
		   "  --from DATE --to DATE  the period (default: today and "
		   "the six days after)\n"
		   "  --all              every referent's participants\n"
		   "  --again            also the appointments (the missed "
		   "ones) that have this\n"
		   "                     letter already (left out otherwise)\n"
		   "  --output-dir DIR   one file each, named like\n"
		   "                     convocation-2026-12-03-P42-317.fodt\n"
		   "  --output FILE      one document, a page break between "
		   "letters (default:\n"
		   "                     standard output)"),
	.run = letters_run,
};

/* cli.c: shared plumbing of the commands. */
#include "cli.h"
#include "edit.h"
#include "caseload.h"
#include "demo.h"
#include "error.h"
#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int n;

	/* Messages quote names and cells of files: whatever control
	 * characters those hold are shown, never obeyed (text_put). */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	fputs("parcours: ", stderr);
	text_put(stderr, msg ? msg : error_string(PC_ENOMEM));
	fputc('\n', stderr);
	free(msg);
}

int cli_exit_status(int code)
{
	switch (code) {
	case PC_OK:
		return EXIT_OK;
	case PC_EINVAL:
	case PC_ENOTEMPTY:
		return EXIT_USAGE;
	default:
		return EXIT_RUNTIME;
	}
}

int cli_fail(int code, char *cause)
{
	if (cause != NULL) {
		/* A multi-line cause (config problems) prints line by line. */
		for (char *line = strtok(cause, "\n"); line;
		     line = strtok(NULL, "\n"))
			cli_error("%s", line);
	} else {
		cli_error("%s", error_string(code));
	}
	free(cause);
	return cli_exit_status(code);
}

/* The configuration file that holds the team, for messages. */
static const char *config_team_file(const struct cli *cli)
{
	return cli->config_user ? cli->config_user : cli->config_default;
}

/*
 * The `team` map applied: the login must be a member; a referent opens
 * their own caseload, and another's (--referent) only as a coordinator.
 * These are guard rails within the group, not a boundary (README).
 */
static bool team_allows(struct cli *cli, int *status)
{
	const char *login = cli_login(cli);

	cli->member = config_member(cli->config, login);
	if (cli->member == NULL) {
		cli_error(_("%s is not in the team (team: in %s); the "
			    "coordinator adds the login there"),
			  login, config_team_file(cli));
		*status = EXIT_USAGE;
		return false;
	}
	if (cli->member->role == ROLE_REFERENT && cli->referent != NULL &&
	    strcmp(cli->referent, cli->member->name) != 0) {
		cli_error(_("--referent: another referent's caseload is for "
			    "coordinators; %s is a referent (%s) in the team "
			    "(team: in %s)"),
			  login, cli->member->name, config_team_file(cli));
		*status = EXIT_USAGE;
		cli->member = NULL;
		return false;
	}
	return true;
}

struct config *cli_config(struct cli *cli, int *status)
{
	char *cause = NULL;
	int rc;

	if (cli->config != NULL)
		return cli->config;
	rc = config_load(cli->config_default, cli->config_user, &cli->config,
			 &cause);
	if (rc != PC_OK) {
		*status = cli_fail(rc, cause);
		return NULL;
	}
	if (cli->config->n_team > 0 && !cli->team_unchecked &&
	    !team_allows(cli, status)) {
		config_free(&cli->config);
		return NULL;
	}
	cli_keep_index(cli);
	return cli->config;
}

void cli_keep_index(struct cli *cli)
{
	if (cli->config == NULL || cli->store == NULL)
		return;
	cli->wake.c = cli->config;
	cli->wake.today = cli->today;
	wake_attach(cli->store, &cli->wake);
}

const char *cli_referent(struct cli *cli)
{
	if (cli->referent != NULL)
		return cli->referent;
	return cli->member ? cli->member->name : cli->config->referent;
}

const char *cli_login(struct cli *cli)
{
	const struct passwd *pw;

	if (cli->login != NULL)
		return cli->login;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		cli->login = strdup(pw->pw_name);
	else if (asprintf(&cli->login, "uid %u", (unsigned)getuid()) < 0)
		cli->login = NULL;
	return cli->login ? cli->login : "?";
}

bool cli_coordinator(struct cli *cli, const char *what, int *status)
{
	if (cli->member == NULL || cli->member->role == ROLE_COORDINATOR)
		return true;
	cli_error(_("%s: for coordinators; %s is a referent in the team "
		    "(team: in %s)"),
		  what, cli_login(cli), config_team_file(cli));
	*status = EXIT_USAGE;
	return false;
}

bool cli_database_exists(const struct cli *cli)
{
	struct stat st;
	char *data;
	bool exists;

	if (asprintf(&data, "%s/data.mdb", cli->db_dir) < 0)
		return true; /* let the open say what is wrong */
	/* Not ours to look into (a group's we are not in): let the open
	 * say so. */
	exists = lstat(data, &st) == 0 || errno != ENOENT;
	free(data);
	return exists;
}

bool cli_need_database(const struct cli *cli, int *status)
{
	if (cli->demo || cli_database_exists(cli))
		return true;
	cli_error(_("no database in %s; 'parcours init' or 'parcours demo' "
		    "makes one"),
		  cli->db_dir);
	*status = EXIT_RUNTIME;
	return false;
}

/* Damaged data a reader skips, told on stderr as it is skipped. */
static void notice(const char *message, void *arg)
{
	(void)arg;
	cli_error("%s", message);
}

struct store *cli_store(struct cli *cli, int *status)
{
	if (cli->store == NULL && !cli_need_database(cli, status))
		return NULL;
	return cli_store_create(cli, status);
}

struct store *cli_store_create(struct cli *cli, int *status)
{
	char *cause = NULL;
	int rc;

	if (cli->store != NULL)
		return cli->store;
	if (cli->demo && cli_config(cli, status) == NULL)
		return NULL;
	rc = store_open(cli->db_dir, &cli->store, &cause);
	if (rc == PC_OK) {
		store_set_notice(cli->store, notice, NULL);
		cli_keep_index(cli);
	}
	if (rc == PC_OK && store_finished_erasure(cli->store))
		cli_error(_("%s: an erasure interrupted earlier is now "
			    "complete (the database file was rewritten)"),
			  cli->db_dir);
	if (rc == PC_OK && cli->demo) {
		struct store_txn *t = NULL;
		bool empty = false;

		rc = store_read_begin(cli->store, &t, &cause);
		if (rc == PC_OK)
			rc = store_is_empty(t, &empty);
		store_read_end(&t);
		if (rc == PC_OK && empty) {
			struct demo_options opt = {
				.participants = DEMO_DEFAULT_PARTICIPANTS,
				.seed = 1,
				.today = cli->today,
				.now = (int64_t)time(NULL),
			};
			struct demo_result res;

			rc = demo_fill(cli->store, cli->config, &opt, &res,
				       &cause);
		}
	}
	if (rc != PC_OK) {
		store_close(&cli->store);
		*status = cli_fail(rc, cause);
		return NULL;
	}
	return cli->store;
}

static void report_unknown_stages(const struct config *c,
				  const struct caseload *out);

int cli_ready(struct cli *cli, bool all, const struct config **c)
{
	int status = EXIT_OK;

	if ((*c = cli_config(cli, &status)) == NULL ||
	    cli_store(cli, &status) == NULL)
		return status;
	if (all && !cli_coordinator(cli, "--all", &status))
		return status;
	return EXIT_OK;
}

void cli_unknown_stage(const struct config *c, const struct participant *p)
{
	cli_error(_("%s:%zu:%zu: participant %llu (%s %s) is in stage '%s', "
		    "which the configuration does not define; the data are "
		    "left as they are"),
		  c->stages_file, c->stages_line, c->stages_column,
		  (unsigned long long)p->id, p->last_name, p->first_name,
		  p->stage ? p->stage : "");
}

int cli_caseload(struct cli *cli, bool all, bool exited, struct caseload *out)
{
	const struct config *c;
	char *cause = NULL;
	int status = cli_ready(cli, all, &c), rc;

	if (status != EXIT_OK)
		return status;
	rc = caseload_load_summaries(cli->store, c,
				     all ? NULL : cli_referent(cli), exited,
				     cli->today, out, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	report_unknown_stages(c, out);
	return EXIT_OK;
}

int cli_attention_all(struct cli *cli, struct caseload *out,
		      size_t *in_caseload)
{
	const struct config *c;
	enum wake_state state = WAKE_READY;
	char *cause = NULL;
	int status = cli_ready(cli, true, &c), rc;

	if (status != EXIT_OK)
		return status;
	rc = wake_attention(cli->store, &cli->wake, out, in_caseload, &cause);
	/* Out of date (a new configuration, a database just upgraded or
	 * changed by a tool without it): made again, once, in one write. */
	if (rc == PC_ENOTFOUND &&
	    wake_state(cli->store, &cli->wake, &state, &cause) == PC_OK &&
	    state == WAKE_STALE) {
		if (wake_rebuild(cli->store, &cli->wake, &cause) == PC_OK)
			rc = wake_attention(cli->store, &cli->wake, out,
					    in_caseload, &cause);
		else
			/* Right all the same, but slow: say why. */
			cli_error(_("the attention index is out of date and "
				    "could not be made again (%s): every "
				    "participant's file is read"),
				  cause ? cause : "?");
	}
	free(cause);
	cause = NULL;
	if (rc == PC_OK) {
		report_unknown_stages(c, out);
		return EXIT_OK;
	}
	/* The index cannot say (a read-only database, a day before the
	 * index's): every participant is read. */
	status = cli_caseload(cli, true, false, out);
	*in_caseload = out->n;
	return status;
}

static void report_unknown_stages(const struct config *c,
				  const struct caseload *out)
{
	for (size_t i = 0; out->n_unknown_stage > 0 && i < out->n; i++) {
		const struct participant *p = &out->entries[i].file.p;

		if (out->entries[i].stage_index == CASELOAD_NO_STAGE)
			cli_unknown_stage(c, p);
	}
}

int cli_getopt(int argc, char **argv, const char *optstring,
	       const struct option *options)
{
	const char *where =
		argc > 0 && strcmp(argv[0], "parcours") != 0 ? argv[0] : NULL;
	int opt;

	opterr = 0;
	opt = getopt_long(argc, argv, optstring, options, NULL);
	if (opt != '?' && opt != ':')
		return opt;
	if (opt == ':')
		cli_error(_("%s%s%s: needs a value"), where ? where : "",
			  where ? ": " : "", argv[optind - 1]);
	else if (optopt != 0)
		cli_error(_("%s%sunknown option '-%c'"), where ? where : "",
			  where ? ": " : "", optopt);
	else
		cli_error(_("%s%sunknown option '%s'"), where ? where : "",
			  where ? ": " : "", argv[optind - 1]);
	fprintf(stderr, _("Try 'parcours %s%s--help'.\n"), where ? where : "",
		where ? " " : "");
	return '?';
}

char cli_csv_delimiter(const struct config *c)
{
	static const char fixed[] = { 0, ',', ';', '\t' };
	const struct lconv *lc;

	if (c->csv_delimiter != CSV_AUTO)
		return fixed[c->csv_delimiter];
	/* ';' where the decimal point is a comma, as spreadsheets there
	 * expect. */
	lc = localeconv();
	return lc != NULL && lc->decimal_point != NULL &&
			       strcmp(lc->decimal_point, ",") == 0
		       ? ';'
		       : ',';
}

bool cli_parse_format(const char *arg, bool *tsv)
{
	if (strcmp(arg, "text") == 0 || strcmp(arg, "tsv") == 0) {
		*tsv = arg[0] == 't' && arg[1] == 's';
		return true;
	}
	cli_error(_("--format: '%s' is not a format (text or tsv)"), arg);
	return false;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

bool cli_inside_database(const struct cli *cli, const char *path)
{
	struct stat db, at, parent;
	const char *slash;
	char *up;
	bool inside = false;

	if (path == NULL || stat(cli->db_dir, &db) != 0)
		return false; /* standard output, or no database directory */
	/* The file's directory, then each parent up to the root, compared by
	 * device and inode so that links and "a/../b" are seen through. */
	slash = strrchr(path, '/');
	if (slash == NULL)
		up = strdup(".");
	else if (slash == path)
		up = strdup("/");
	else
		up = strndup(path, (size_t)(slash - path));
	for (int depth = 0; up != NULL && depth < 256 && stat(up, &at) == 0;
	     depth++) {
		char *next;

		if (same_file(&at, &db)) {
			inside = true;
			break;
		}
		if (asprintf(&next, "%s/..", up) < 0)
			break;
		free(up);
		up = next;
		if (stat(up, &parent) == 0 && same_file(&parent, &at))
			break; /* the root, its own parent */
	}
	free(up);
	return inside;
}

bool cli_output_allowed(const struct cli *cli, const char *path)
{
	if (!cli_inside_database(cli, path))
		return true;
	cli_error(_("%s: inside the database directory %s; write it "
		    "elsewhere"),
		  path, cli->db_dir);
	return false;
}

char *cli_date(pdate d, char buf[DATE_BUFSZ])
{
	return date_format_local(d, buf);
}

void cli_free(struct cli *cli)
{
	store_close(&cli->store);
	config_free(&cli->config);
	free(cli->db_dir);
	free(cli->config_user);
	free(cli->config_default);
	free(cli->templates_user);
	free(cli->templates_shipped);
	free(cli->referent);
	free(cli->login);
}

struct edit_ctx cli_edit_ctx(struct cli *cli, const struct config *c)
{
	struct edit_ctx ctx = { c, cli_referent(cli), (int64_t)time(NULL),
				cli->today, cli_login(cli) };

	return ctx;
}

/* main.c: the `parcours` command: global options, then one subcommand. */
#include "build_config.h"
#include "atomic.h"
#include "cli.h"
#include "command.h"
#include "error.h"
#include "i18n.h"
#include "store.h"
#include "tui.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The commands, in the order --help lists them. Adding a command is its
 * cmd_*.c with its `const struct command` and one line here. */
static const struct command *const commands[] = {
	/* clang-format off */
	&command_attention,
	&command_reminders,
	&command_list,
	&command_export,
	&command_consolidate,
	&command_letter,
	&command_letters,
	&command_templates,
	&command_import,
	&command_backup,
	&command_restore,
	&command_dump,
	&command_load,
	&command_check,
	&command_journal,
	&command_reassign,
	&command_transfer_out,
	&command_transfer_in,
	&command_access,
	&command_erase,
	&command_purge,
	&command_hold,
	&command_init,
	&command_demo,
	&command_check_config,
	NULL,
	/* clang-format on */
};

static void usage(FILE *out)
{
	fputs(_("Usage: parcours [GLOBAL OPTIONS] [COMMAND] [ARGS]\n"
		"A caseload manager for PLIE referents. Without a command, "
		"the full-screen\ninterface opens on your caseload.\n\n"
		"Global options:\n"
		"  --db DIR            database directory (env PARCOURS_DB;\n"
		"                      default $XDG_DATA_HOME/parcours)\n"
		"  --config FILE       configuration over the default (env "
		"PARCOURS_CONFIG;\n"
		"                      default $XDG_CONFIG_HOME/parcours/"
		"config.yaml if present)\n"
		"  --today YYYY-MM-DD  the date the rules treat as today "
		"(env PARCOURS_TODAY)\n"
		"  --referent NAME     whose caseload (default: the "
		"config's referent)\n"
		"  --demo              use the demo database, created on "
		"first use\n"
		"  --help, --version\n\n"
		"Commands:\n"),
	      out);
	command_print_list(commands, out);
	fputs(_("\nExit status: 0 success, 1 runtime failure, "
		"2 bad usage or bad input.\n"),
	      out);
}

/*
 * A command ended by a signal (Ctrl-C, the terminal closed, a kill) leaves
 * no temporary file beside what it was writing; the interface has its own
 * handling. Then the default action, so the status says the signal.
 */
static void on_fatal_signal(int sig)
{
	atomic_remove_pending();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void clean_on_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Create `dir` and its missing parents, each 0700. */
static int make_dirs(const char *dir)
{
	char *copy = strdup(dir);
	int rc = 0;

	if (copy == NULL)
		return -1;
	for (char *p = copy + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (rc == 0 && mkdir(copy, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(copy);
	return rc;
}

/* $VAR, or $HOME/fallback when VAR is unset or empty; caller frees. */
static char *xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home = getenv("HOME");
	char *out;

	if (v != NULL && *v == '/')
		return strdup(v);
	if (home == NULL || *home == '\0')
		home = "/";
	if (asprintf(&out, "%s/%s", home, fallback) < 0)
		return NULL;
	return out;
}

static char *join(const char *a, const char *b)
{
	char *out;

	return asprintf(&out, "%s/%s", a, b) < 0 ? NULL : out;
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/*
 * `rel` taken from the directory of this executable ("../share/..."), so
 * that an installation moved elsewhere (DESTDIR, a package) finds its
 * files; malloc'd, or NULL when there is no such file.
 */
static char *beside_exe(const char *rel)
{
	char exe[4096], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	if (asprintf(&path, "%s/%s", exe, rel) < 0)
		return NULL;
	if (!exists(path)) {
		free(path);
		return NULL;
	}
	return path;
}

/* Where the translations are: beside the executable, where installed, or
 * in the build tree. Malloc'd (bindtextdomain keeps its own copy). */
static char *locale_dir(void)
{
	char *mo = beside_exe("../share/locale/fr/LC_MESSAGES/" PARCOURS_DOMAIN
			      ".mo");
	char *cut = mo ? strstr(mo, "/share/locale/fr/") : NULL;

	if (cut != NULL) {
		/* ".../share/locale/fr/LC_MESSAGES/parcours.mo" at "/fr/" */
		cut[strlen("/share/locale")] = '\0';
		return mo;
	}
	free(mo);
	return strdup(exists(PARCOURS_LOCALEDIR_INSTALLED
			     "/fr/LC_MESSAGES/" PARCOURS_DOMAIN ".mo")
			      ? PARCOURS_LOCALEDIR_INSTALLED
			      : PARCOURS_LOCALEDIR_BUILD);
}

/*
 * An option's value, else its environment variable's, else NULL. An empty
 * value is an error, reported here (an unset variable in a script must not
 * quietly mean "the default database"): returns false.
 */
static bool option_or_env(const char *opt, const char *name, const char *var,
			  const char **out)
{
	if (opt == NULL && (opt = getenv(var)) != NULL && *opt == '\0') {
		cli_error(_("%s is set but empty; unset it or give a value"),
			  var);
		return false;
	}
	if (opt != NULL && *opt == '\0') {
		cli_error(_("--%s: empty value"), name);
		return false;
	}
	*out = opt;
	return true;
}

/* Fill the cli from options and environment; returns an exit status. */
static int resolve(struct cli *cli, const char *db, const char *config,
		   const char *today)
{
	char *data = NULL, *conf = NULL;

	if (!option_or_env(db, "db", "PARCOURS_DB", &db) ||
	    !option_or_env(config, "config", "PARCOURS_CONFIG", &config) ||
	    !option_or_env(today, "today", "PARCOURS_TODAY", &today))
		return EXIT_USAGE;
	if (today != NULL) {
		if (date_parse_iso(today, &cli->today) != PC_OK) {
			if (date_out_of_range(today, DATE_NONE))
				cli_error(_("--today: '%s' is outside %d–%d"),
					  today, DATE_YEAR_MIN, DATE_YEAR_MAX);
			else
				cli_error(_("--today: '%s' is not a date "
					    "(YYYY-MM-DD)"),
					  today);
			return EXIT_USAGE;
		}
	} else {
		cli->today = date_today();
	}

	data = xdg_dir("XDG_DATA_HOME", ".local/share");
	conf = xdg_dir("XDG_CONFIG_HOME", ".config");
	if (data == NULL || conf == NULL)
		goto nomem;
	if (cli->demo) {
		cli->db_dir = join(data, "parcours/demo");
		if (cli->db_dir == NULL)
			goto nomem;
		if (make_dirs(cli->db_dir) != 0) {
			cli_error(_("%s: cannot create: %s"), cli->db_dir,
				  strerror(errno));
			free(data);
			free(conf);
			return EXIT_RUNTIME;
		}
	} else if (db != NULL) {
		cli->db_dir = strdup(db);
		cli->db_given = true;
	} else {
		cli->db_dir = join(data, "parcours");
		if (cli->db_dir != NULL && make_dirs(data) != 0) {
			cli_error(_("%s: cannot create: %s"), data,
				  strerror(errno));
			free(data);
			free(conf);
			return EXIT_RUNTIME;
		}
	}
	if (config != NULL) {
		if (!exists(config)) {
			cli_error(_("%s: no such configuration file"), config);
			free(data);
			free(conf);
			return EXIT_USAGE;
		}
		cli->config_user = strdup(config);
	} else {
		char *user = join(conf, "parcours/config.yaml");

		if (user != NULL && exists(user))
			cli->config_user = user;
		else
			free(user);
	}
	cli->config_default = beside_exe("../share/parcours/parcours.yaml");
	if (cli->config_default == NULL)
		cli->config_default = strdup(exists(PARCOURS_CONFIG_INSTALLED)
						     ? PARCOURS_CONFIG_INSTALLED
						     : PARCOURS_CONFIG_SOURCE);
	/* The letters' templates, found as the default configuration is;
	 * the PLIE's own directory first. */
	cli->templates_user = join(conf, "parcours/templates");
	cli->templates_shipped = beside_exe("../share/parcours/templates");
	if (cli->templates_shipped == NULL)
		cli->templates_shipped =
			strdup(exists(PARCOURS_TEMPLATES_INSTALLED)
				       ? PARCOURS_TEMPLATES_INSTALLED
				       : PARCOURS_TEMPLATES_SOURCE);
	free(data);
	free(conf);
	if (cli->db_dir == NULL || cli->config_default == NULL ||
	    cli->templates_user == NULL || cli->templates_shipped == NULL)
		goto nomem_after;
	return EXIT_OK;
nomem:
	free(data);
	free(conf);
nomem_after:
	cli_error("%s", error_string(PC_ENOMEM));
	return EXIT_RUNTIME;
}

int main(int argc, char **argv)
{
	enum { OPT_DB = 1000, OPT_CONFIG, OPT_TODAY, OPT_REFERENT, OPT_DEMO };
	static const struct option options[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "today", required_argument, NULL, OPT_TODAY },
		{ "referent", required_argument, NULL, OPT_REFERENT },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli cli = { 0 };
	const char *db = NULL, *config = NULL, *today = NULL;
	const struct command *cmd = NULL;
	int opt, status;

	setlocale(LC_ALL, "");
	/* Past a file size limit, a write should fail (EFBIG) and be
	 * reported, not kill the process midway. */
	signal(SIGXFSZ, SIG_IGN);
	{
		char *dir = locale_dir();

		bindtextdomain(PARCOURS_DOMAIN,
			       dir ? dir : PARCOURS_LOCALEDIR_BUILD);
		free(dir);
	}
	bind_textdomain_codeset(PARCOURS_DOMAIN, "UTF-8");
	textdomain(PARCOURS_DOMAIN);
	argv[0] = (char *)"parcours";
	/* "+": options after the command name belong to the command. */
	while ((opt = cli_getopt(argc, argv, "+:hV", options)) != -1) {
		switch (opt) {
		case OPT_DB:
			db = optarg;
			break;
		case OPT_CONFIG:
			config = optarg;
			break;
		case OPT_TODAY:
			today = optarg;
			break;
		case OPT_REFERENT:
			free(cli.referent);
			cli.referent = strdup(optarg);
			break;
		case OPT_DEMO:
			cli.demo = true;
			break;
		case 'h':
			usage(stdout);
			free(cli.referent);
			return EXIT_OK;
		case 'V':
			printf("parcours %s (database schema %d)\n",
			       PARCOURS_VERSION, STORE_SCHEMA_VERSION);
			free(cli.referent);
			return EXIT_OK;
		default:
			free(cli.referent);
			return EXIT_USAGE;
		}
	}
	if (cli.demo && db != NULL) {
		cli_error(_("--demo and --db cannot be used together"));
		free(cli.referent);
		return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		status = resolve(&cli, db, config, today);
		if (status == EXIT_OK &&
		    (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
			cli_error("%s",
				  _("the interface needs a terminal; for "
				    "text output try 'parcours attention'"));
			status = EXIT_USAGE;
		}
		if (status == EXIT_OK)
			status = tui_run(&cli);
		cli_free(&cli);
		return status;
	}
	for (size_t i = 0; commands[i] != NULL; i++)
		if (strcmp(argv[0], commands[i]->name) == 0)
			cmd = commands[i];
	if (cmd == NULL) {
		cli_error(_("unknown command '%s'; try 'parcours --help'"),
			  argv[0]);
		free(cli.referent);
		return EXIT_USAGE;
	}
	status = resolve(&cli, db, config, today);
	if (status == EXIT_OK) {
		/* 0, not 1: glibc then resets its whole state, permutation of
		 * options after operands included. */
		optind = 0;
		clean_on_signals();
		status = cmd->run(&cli, argc, argv);
	}
	/* Output lost on the way (a full disk, a closed pipe) is a failure;
	 * said here unless the command already said it failed. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && status == EXIT_OK) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		status = EXIT_RUNTIME;
	}
	cli_free(&cli);
	return status;
}

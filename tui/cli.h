/* cli.h: what every command of `parcours` shares: options, config, store. */
#ifndef PARCOURS_CLI_H
#define PARCOURS_CLI_H

#include "config.h"
#include "date.h"
#include "store.h"
#include "wake.h"

#include <stdbool.h>

/* Exit statuses, as documented. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

/* The global options, resolved, and what commands open lazily. */
struct cli {
	char *db_dir;	      /* resolved database directory */
	char *config_user;    /* user's config file, or NULL */
	char *config_default; /* the installed default configuration */
	char *templates_user; /* $XDG_CONFIG_HOME/parcours/templates */
	char *templates_shipped; /* the installed letter templates */
	char *referent;	      /* --referent, or NULL for the config's */
	pdate today;
	bool demo;	       /* --demo: the demo database */
	bool db_given;	       /* --db or PARCOURS_DB named the database */
	bool french_dates;     /* dd/mm/yyyy in a French locale */
	bool team_unchecked;   /* check-config: the `team` map not applied */
	char *login;	       /* the real user's login, by cli_login() */
	const struct config_member *member; /* the login in `team`, or NULL */
	struct config *config; /* loaded by cli_config() */
	struct store *store;   /* opened by cli_store() */
	struct wake wake;      /* the attention index's keeper (wake.h) */
};

/* Print "parcours: " and the message to stderr, its control characters
 * (a line break too) shown as text_put shows them. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The exit status for a core error code: 2 for bad input, else 1. */
int cli_exit_status(int code);

/* Report a core failure (cause if any, else the code's text) once on
 * stderr, then free `cause` (NULL accepted). Returns the exit status. */
int cli_fail(int code, char *cause);

/*
 * The configuration, loaded on first use and owned by the cli; NULL after
 * reporting an error, with *status set to the exit status. With a `team`
 * map, the login must be in it and a referent may name no other's
 * caseload (--referent): refused (status 2) otherwise.
 */
struct config *cli_config(struct cli *cli, int *status);

/* Once both the configuration and the store are there, have every write
 * keep the attention index (wake.h); called by cli_config and
 * cli_store. */
void cli_keep_index(struct cli *cli);

/* The referent whose caseload commands show: --referent, else the team
 * member's name, else the configuration's referent. */
const char *cli_referent(struct cli *cli);

/* The real user's login (getpwuid(getuid())), or "uid N"; the cli owns
 * it. */
const char *cli_login(struct cli *cli);

/* With a team, only a coordinator acts on every referent's participants
 * (--all, reassign): false after saying so, *status 2. `what` names the
 * option or command refused. Call after cli_config. */
bool cli_coordinator(struct cli *cli, const char *what, int *status);

/*
 * The store of an existing database, opened on first use (with --demo,
 * created and filled with the demo caseload when missing or empty); NULL
 * after reporting an error ("no database in DIR" when there is none), with
 * *status set. The cli owns it.
 * Damaged data its readers skip are told on stderr (store_set_notice).
 */
struct store *cli_store(struct cli *cli, int *status);

/* As cli_store, but an empty database is made when there is none: for
 * the commands that add data (init, demo, import, load). */
struct store *cli_store_create(struct cli *cli, int *status);

/* True when the database directory holds a database (data.mdb). */
bool cli_database_exists(const struct cli *cli);

/* True when there is a database (or --demo makes one); otherwise says
 * "no database in DIR" and what makes one, sets *status, false. */
bool cli_need_database(const struct cli *cli, int *status);

/*
 * Load the caseload (every referent's with `all`; exited participants with
 * `exited`) as of cli->today. Participants whose stage the configuration
 * lacks are reported on stderr, one line each, and kept. Returns an exit
 * status; on success *out is the caller's to caseload_free().
 */
struct caseload;
/* The configuration and the store opened, and with `all` the coordinator's
 * right checked: EXIT_OK with *c set, or the exit status, said. */
int cli_ready(struct cli *cli, bool all, const struct config **c);

/* Say on stderr that participant p is in a stage the configuration lacks,
 * pointing at the configuration's stage list. */
void cli_unknown_stage(const struct config *c, const struct participant *p);

int cli_caseload(struct cli *cli, bool all, bool exited, struct caseload *out);

/*
 * The participants of every referent who need attention today, as
 * cli_caseload(cli, true, false, out) with only the flagged kept, and in
 * *in_caseload how many that caseload holds: from the attention index
 * (wake.h), made again first if out of date, else from every file. The
 * exit status; EXIT_OK with *out to caseload_free().
 */
int cli_attention_all(struct cli *cli, struct caseload *out,
		      size_t *in_caseload);

/*
 * getopt_long with our messages: "parcours: list: unknown option '--x'"
 * instead of getopt's own (which name the program by its path). Use an
 * optstring that starts with ':'. Returns what getopt_long returns, except
 * that bad options are reported and turned into '?'.
 */
struct option;
int cli_getopt(int argc, char **argv, const char *optstring,
	       const struct option *options);

/* The CSV delimiter: the configuration's csv_delimiter, or under `auto`
 * the locale's (';' where the decimal point is a comma, else ','). */
char cli_csv_delimiter(const struct config *c);

/* Parse "--format text|tsv"; returns false (after reporting) otherwise. */
bool cli_parse_format(const char *arg, bool *tsv);

/* Format a date as the interface language writes it (dd/mm/yyyy in
 * French, yyyy-mm-dd otherwise). */
char *cli_date(pdate d, char buf[DATE_BUFSZ]);

/* True when `path` (a file to write) lies in the database directory or
 * below it; false otherwise, NULL included. Reports nothing. */
bool cli_inside_database(const struct cli *cli, const char *path);

/*
 * Refuse (after reporting, returning false) an output file inside the
 * database directory or below it, where it would replace the database or
 * lie among its files; true for any other path (NULL: standard output).
 */
bool cli_output_allowed(const struct cli *cli, const char *path);

/* What an edit made from the command line is made as: the configuration,
 * the referent, the login, now and today. */
struct edit_ctx;
struct edit_ctx cli_edit_ctx(struct cli *cli, const struct config *c);

/* Release everything the cli holds. */
void cli_free(struct cli *cli);

#endif

/* cli.h: what every command of `parcours` shares: options, config, store. */
#ifndef PARCOURS_CLI_H
#define PARCOURS_CLI_H

#include "config.h"
#include "date.h"
#include "store.h"

#include <stdbool.h>

/* Exit statuses, as documented. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

/* The global options, resolved, and what commands open lazily. */
struct cli {
	char *db_dir;	      /* resolved database directory */
	char *config_user;    /* user's config file, or NULL */
	char *config_default; /* the installed default configuration */
	char *referent;	      /* --referent, or NULL for the config's */
	pdate today;
	bool demo;	       /* --demo: the demo database */
	bool french_dates;     /* dd/mm/yyyy in a French locale */
	struct config *config; /* loaded by cli_config() */
	struct store *store;   /* opened by cli_store() */
};

/* Print "parcours: " and the message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The exit status for a core error code: 2 for bad input, else 1. */
int cli_exit_status(int code);

/* Report a core failure (cause if any, else the code's text) once on
 * stderr, then free `cause` (NULL accepted). Returns the exit status. */
int cli_fail(int code, char *cause);

/* The configuration, loaded on first use and owned by the cli; NULL after
 * reporting an error, with *status set to the exit status. */
struct config *cli_config(struct cli *cli, int *status);

/* The referent whose caseload commands show. */
const char *cli_referent(struct cli *cli);

/*
 * The store, opened on first use (with --demo, filled with the demo
 * caseload when empty); NULL after reporting an error. Damaged data its
 * readers skip are told on stderr (store_set_notice).
 */
struct store *cli_store(struct cli *cli, int *status);

/*
 * Load the caseload (every referent's with `all`; exited participants with
 * `exited`) as of cli->today. Participants whose stage the configuration
 * lacks are reported on stderr, one line each, and kept. Returns an exit
 * status; on success *out is the caller's to caseload_free().
 */
struct caseload;
int cli_caseload(struct cli *cli, bool all, bool exited, struct caseload *out);

/*
 * getopt_long with our messages: "parcours: list: unknown option '--x'"
 * instead of getopt's own (which name the program by its path). Use an
 * optstring that starts with ':'. Returns what getopt_long returns, except
 * that bad options are reported and turned into '?'.
 */
struct option;
int cli_getopt(int argc, char **argv, const char *optstring,
	       const struct option *options);

/* Parse "--format text|tsv"; returns false (after reporting) otherwise. */
bool cli_parse_format(const char *arg, bool *tsv);

/* Format a date as the interface language writes it (dd/mm/yyyy in
 * French, yyyy-mm-dd otherwise). */
char *cli_date(pdate d, char buf[DATE_BUFSZ]);

/* Release everything the cli holds. */
void cli_free(struct cli *cli);

#endif

/* command.h: a subcommand of `parcours` as one entry beside its code. */
#ifndef PARCOURS_COMMAND_H
#define PARCOURS_COMMAND_H

#include "cli.h"

#include <stdio.h>

/*
 * One subcommand, as tmux's cmd_entry: everything `parcours --help`,
 * `parcours NAME --help` and the dispatch need. The strings are N_()
 * marked and translated when printed.
 */
struct command {
	const char *name;    /* as typed: "check-config" */
	const char *args;    /* its arguments as usage shows them; "" if none */
	const char *summary; /* one line for `parcours --help` */
	const char *help;    /* what `NAME --help` prints under the usage */
	/*
	 * Gets argv[0] = the command's name and its own arguments, parses
	 * its options (cli_getopt), reports errors once on stderr and
	 * returns the exit status.
	 */
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* The commands, each defined in its cmd_*.c. */
extern const struct command command_attention, command_reminders, command_list, command_export,
	command_import, command_backup, command_restore, command_dump,
	command_load, command_check, command_access, command_erase,
	command_purge, command_hold, command_demo, command_check_config,
	command_init, command_templates, command_letter, command_letters;
extern const struct command command_consolidate;
/* One server for a team (cmd_journal.c, cmd_reassign.c). */
extern const struct command command_journal, command_reassign;
/* A participant from one machine to another (cmd_transfer.c). */
extern const struct command command_transfer_out, command_transfer_in;

/* Print "Usage: parcours NAME ARGS" to `out`, wrapped under 80 columns. */
void command_print_usage(const struct command *cmd, FILE *out);

/*
 * `parcours NAME --help`: the usage then the help, on standard output.
 * Returns EXIT_OK, so that a command's 'h' case is `return command_help()`.
 */
int command_help(const struct command *cmd);

/*
 * The list of `parcours --help`: each command of the NULL-terminated
 * `table`, its arguments wrapped under 80 columns, then its summary.
 */
void command_print_list(const struct command *const *table, FILE *out);

/*
 * Parse the options of a command whose only option is --help. Returns -1
 * to go on, else the exit status to end with: EXIT_OK after the help,
 * EXIT_USAGE after reporting an unknown option.
 */
int command_only_help(const struct command *cmd, int argc, char **argv);

/*
 * Report an operand the command does not take ("NAME: unexpected argument
 * 'X'") and return false; true when argv has nothing past `optind`.
 */
bool command_no_operand(int argc, char **argv);

#endif

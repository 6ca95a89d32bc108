/* commands.h: the subcommands of `parcours`, one file each. */
#ifndef PARCOURS_COMMANDS_H
#define PARCOURS_COMMANDS_H

#include "cli.h"

/*
 * Each command gets argv[0] = its name and its own arguments, parses its
 * options, reports errors once on stderr and returns the exit status.
 */
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_attention(struct cli *cli, int argc, char **argv);
int cmd_check_config(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);
int cmd_restore(struct cli *cli, int argc, char **argv);
int cmd_dump(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_access(struct cli *cli, int argc, char **argv);
int cmd_erase(struct cli *cli, int argc, char **argv);
int cmd_purge(struct cli *cli, int argc, char **argv);
int cmd_hold(struct cli *cli, int argc, char **argv);
int cmd_load(struct cli *cli, int argc, char **argv);

#endif

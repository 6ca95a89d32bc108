/* command.c: usage and help printed from the commands' entries. */
#include "command.h"
#include "i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#define WRAP_WIDTH 79

/*
 * Write `args` after a prefix `indent` columns wide, breaking only between
 * bracket groups ("[--from D --to D]" stays whole) so that no line goes
 * past WRAP_WIDTH; continuation lines start under the first argument.
 */
static void print_wrapped(const char *args, size_t indent, FILE *out)
{
	size_t col = indent;
	const char *p = args;

	while (*p != '\0') {
		const char *end = p;
		int depth = 0;
		size_t len;

		while (*end != '\0' && (*end != ' ' || depth > 0)) {
			if (*end == '[')
				depth++;
			else if (*end == ']' && depth > 0)
				depth--;
			end++;
		}
		len = (size_t)(end - p);
		if (col > indent && col + 1 + len > WRAP_WIDTH) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += len;
		p = *end == ' ' ? end + 1 : end;
	}
	fputc('\n', out);
}

void command_print_usage(const struct command *cmd, FILE *out)
{
	/* TRANSLATORS: the start of a usage line; French "Usage :". */
	const char *usage = _("Usage:");
	const char *args = cmd->args[0] ? _(cmd->args) : "";
	int width;

	width = fprintf(out, "%s parcours %s", usage, cmd->name);
	if (args[0] == '\0') {
		fputc('\n', out);
		return;
	}
	fputc(' ', out);
	print_wrapped(args, width > 0 ? (size_t)width + 1 : 0, out);
}

int command_help(const struct command *cmd)
{
	command_print_usage(cmd, stdout);
	puts(_(cmd->help));
	return EXIT_OK;
}

void command_print_list(const struct command *const *table, FILE *out)
{
	enum { NAME_WIDTH = 13, INDENT = 2 + NAME_WIDTH + 1 };

	for (; *table != NULL; table++) {
		const struct command *cmd = *table;

		/* No blank at the end of a line without arguments. */
		if (cmd->args[0] == '\0') {
			fprintf(out, "  %s\n", cmd->name);
		} else {
			fprintf(out, "  %-*s ", NAME_WIDTH, cmd->name);
			print_wrapped(_(cmd->args), INDENT, out);
		}
		fprintf(out, "%*s%s\n", INDENT, "", _(cmd->summary));
	}
}

int command_only_help(const struct command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt = cli_getopt(argc, argv, ":", options);

	if (opt == -1)
		return -1;
	return opt == 'h' ? command_help(cmd) : EXIT_USAGE;
}

bool command_no_operand(int argc, char **argv)
{
	if (optind >= argc)
		return true;
	cli_error(_("%s: unexpected argument '%s'"), argv[0], argv[optind]);
	return false;
}

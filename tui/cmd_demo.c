/* cmd_demo.c: `parcours demo`, fill an empty database with a caseload. */
#include "command.h"
#include "i18n.h"
#include "demo.h"
#include "error.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define DEMO_MAX_PARTICIPANTS 1000000

static bool parse_count(const char *s, unsigned long long max,
			unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (s[0] < '0' || s[0] > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno != 0 || v > max)
		return false;
	*out = v;
	return true;
}

static int demo_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "participants", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long n = DEMO_DEFAULT_PARTICIPANTS, seed;
	bool seeded = false;
	struct demo_options opt = { 0 };
	struct demo_result res;
	const struct config *c;
	struct store *s;
	char *cause = NULL;
	int o, rc, status = EXIT_OK;

	while ((o = cli_getopt(argc, argv, ":", options)) != -1) {
		switch (o) {
		case 'n':
			if (!parse_count(optarg, DEMO_MAX_PARTICIPANTS, &n) ||
			    n == 0) {
				cli_error(_("--participants: '%s' is not a "
					    "number from 1 to %d"),
					  optarg, DEMO_MAX_PARTICIPANTS);
				return EXIT_USAGE;
			}
			break;
		case 's':
			if (!parse_count(optarg, UINT64_MAX, &seed)) {
				cli_error(_("--seed: '%s' is not a whole "
					    "number"),
					  optarg);
				return EXIT_USAGE;
			}
			seeded = true;
			break;
		case 'h':
			return command_help(&command_demo);
		default:
			return EXIT_USAGE;
		}
	}
	if (!command_no_operand(argc, argv))
		return EXIT_USAGE;
	if (!seeded)
		seed = (unsigned long long)time(NULL) ^
		       ((unsigned long long)getpid() << 16);
	if ((c = cli_config(cli, &status)) == NULL ||
	    (s = cli_store_create(cli, &status)) == NULL)
		return status;
	opt.participants = (size_t)n;
	opt.seed = seed;
	opt.today = cli->today;
	opt.now = (int64_t)time(NULL);
	rc = demo_fill(s, c, &opt, &res, &cause);
	if (rc != PC_OK)
		return cli_fail(rc, cause);
	printf(P_("Demo caseload written to %s: %zu participants (%zu "
		  "current), %zu appointments, %zu referent, seed %llu.\n",
		  "Demo caseload written to %s: %zu participants (%zu "
		  "current), %zu appointments, %zu referents, seed %llu.\n",
		  res.referents),
	       store_path(s), res.participants, (size_t)n, res.appointments,
	       res.referents, seed);
	return EXIT_OK;
}

const struct command command_demo = {
	.name = "demo",
	.args = N_("[--participants N] [--seed S]"),
	.summary = N_("fill an empty database with a fictitious caseload"),
	.help = N_("Fill an empty database with a fictitious caseload.\n"
		   "  --participants N  current participants (default 80; "
		   "about 80 per referent)\n"
		   "  --seed S          the same seed and --today give the "
		   "same caseload"),
	.run = demo_run,
};

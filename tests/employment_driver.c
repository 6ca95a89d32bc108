/* employment_driver.c: employment_evaluate on histories read from stdin,
 * for tests/employment_property.py. Input, one history after another:
 *
 *   H TODAY FOLLOWUP_MONTHS MIN_WEEKLY_MINUTES MAX_GAP_DAYS
 *   J CONTRACT START PLANNED_END ENDED WEEKLY_MINUTES   (any number)
 *   E
 *
 * dates as YYYY-MM-DD or "-" for none. For each history, one line:
 * since until six_months qualifying on_course reached work_study
 * worked_days season_days seasonal seasonal_since ("-" for no date). */
#include "config.h"
#include "date.h"
#include "employment.h"

#include <stdio.h>
#include <string.h>

#define MAX_JOBS 64

static int date_arg(const char *s, pdate *out)
{
	if (strcmp(s, "-") == 0) {
		*out = DATE_NONE;
		return 0;
	}
	return date_parse_iso(s, out);
}

static const char *show(pdate d, char buf[DATE_BUFSZ])
{
	return d == DATE_NONE ? "-" : date_format_iso(d, buf);
}

static void report(const struct config *c, const struct job *jobs, size_t n,
		   pdate today)
{
	struct employment_status e;
	char b1[DATE_BUFSZ], b2[DATE_BUFSZ], b3[DATE_BUFSZ], b4[DATE_BUFSZ];

	employment_evaluate(c, jobs, n, today, &e);
	printf("%s %s %s %d %d %d %d %d %d %d %s\n", show(e.since, b1),
	       show(e.until, b2), show(e.six_months, b3), e.qualifying,
	       e.on_course, e.reached, e.work_study, e.worked_days,
	       e.season_days, e.seasonal, show(e.seasonal_since, b4));
}

int main(void)
{
	static char contracts[MAX_JOBS][64];
	struct job jobs[MAX_JOBS];
	struct config c = { 0 };
	char line[512], a[64], b[64], d[64];
	size_t n = 0;
	pdate today = DATE_NONE;
	int minutes, lineno = 0;

	while (fgets(line, sizeof line, stdin) != NULL) {
		lineno++;
		if (sscanf(line, "H %63s %d %d %d", a, &c.followup_months,
			   &c.min_weekly_minutes, &c.max_gap_days) == 4 &&
		    date_arg(a, &today) == 0 && today != DATE_NONE) {
			n = 0;
		} else if (n < MAX_JOBS &&
			   sscanf(line, "J %63s %63s %63s %63s %d",
				  contracts[n], a, b, d, &minutes) == 5) {
			job_init(&jobs[n]);
			jobs[n].contract = contracts[n];
			jobs[n].weekly_minutes = minutes;
			if (date_arg(a, &jobs[n].start) != 0 ||
			    date_arg(b, &jobs[n].planned_end) != 0 ||
			    date_arg(d, &jobs[n].ended) != 0)
				goto bad;
			n++;
		} else if (strcmp(line, "E\n") == 0 && today != DATE_NONE) {
			report(&c, jobs, n, today);
			today = DATE_NONE;
		} else {
			goto bad;
		}
	}
	return 0;
bad:
	fprintf(stderr, "employment_driver: line %d: cannot read '%s'\n",
		lineno, line);
	return 2;
}

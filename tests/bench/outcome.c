/*
 * outcome.c: the time to record one appointment outcome (one write
 * transaction, through the same code as the interface), median of RUNS.
 * Usage: outcome DB REFERENT TODAY RUNS   (prints the median in ms)
 */
#include "build_config.h"
#include "caseload.h"
#include "config.h"
#include "edit.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	struct config *c = NULL;
	struct store *s = NULL;
	struct store_txn *t = NULL;
	uint64_t *ids = NULL;
	size_t n = 0, done = 0;
	char *cause = NULL;
	pdate today;
	int runs;
	double *ms;

	if (argc != 5 || date_parse_iso(argv[3], &today) != PC_OK)
		return 2;
	runs = atoi(argv[4]);
	ms = calloc((size_t)runs + 1, sizeof *ms);
	if (ms == NULL ||
	    config_load(PARCOURS_CONFIG_SOURCE, NULL, &c, &cause) != PC_OK ||
	    store_open(argv[1], &s, &cause) != PC_OK ||
	    store_read_begin(s, &t, &cause) != PC_OK)
		return 1;
	/* Planned appointments up to today: their outcome can be recorded. */
	if (store_planned_between(t, today - 3650, today, &ids, &n) != PC_OK)
		return 1;
	store_read_end(&t);
	for (size_t i = 0; i < n && done < (size_t)runs; i++) {
		struct edit_ctx ctx = { c, argv[2], 0, today, NULL };
		struct timespec a, b;

		clock_gettime(CLOCK_MONOTONIC, &a);
		if (edit_appointment_outcome(s, &ctx, ids[i], APPT_DONE, NULL,
					     &cause) != PC_OK) {
			free(cause);
			cause = NULL;
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms[done++] = (double)(b.tv_sec - a.tv_sec) * 1e3 +
			     (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	}
	if (done == 0)
		return 1;
	qsort(ms, done, sizeof *ms, cmp_double);
	printf("%.3f\n", ms[done / 2]);
	free(ids);
	free(ms);
	store_close(&s);
	config_free(&c);
	return 0;
}

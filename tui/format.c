/* format.c: shared presentation of caseload entries. */
#include "format.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

void format_name(const struct participant *p, char *buf, size_t n)
{
	char *upper = text_upper(p->last_name ? p->last_name : "");

	snprintf(buf, n, "%s %s", upper ? upper : p->last_name,
		 p->first_name ? p->first_name : "");
	free(upper);
}

void format_stage(const struct config *c, const struct caseload_entry *e,
		  char *buf, size_t n)
{
	if (e->stage_index == CASELOAD_NO_STAGE)
		snprintf(buf, n, "? %s",
			 e->file.p.stage ? e->file.p.stage : "");
	else
		snprintf(buf, n, "%zu %s", e->stage_index + 1,
			 c->stages[e->stage_index].short_label);
}

const char *format_marker(const struct rules_summary *s)
{
	static const char *const markers[] = {
		[LEVEL_OVERDUE] = "▲",
		[LEVEL_SOON] = "●",
		[LEVEL_READY] = "★",
	};
	enum flag_level best = LEVEL_READY;

	if (s->n_flags == 0)
		return " ";
	for (size_t i = 0; i < s->n_flags; i++) {
		enum flag_level l = rules_flag_level(&s->flags[i]);

		if (l < best)
			best = l;
	}
	return markers[best];
}

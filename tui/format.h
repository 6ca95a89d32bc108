/* format.h: how participants, stages and flags read on screen and paper. */
#ifndef PARCOURS_FORMAT_H
#define PARCOURS_FORMAT_H

#include "caseload.h"
#include "config.h"
#include "rules.h"

#include <stddef.h>

/* "LEFÈVRE Élodie" into buf (truncated safely at n bytes). */
void format_name(const struct participant *p, char *buf, size_t n);

/* "1 Freins" (position and short label), or "? id" for an unknown stage. */
void format_stage(const struct config *c, const struct caseload_entry *e,
		  char *buf, size_t n);

/* A marker that reads without colour: ▲ overdue, ● soon, ★ ready, or " ". */
const char *format_marker(const struct rules_summary *s);

#endif

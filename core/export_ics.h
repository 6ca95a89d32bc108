/* export_ics.h: the agenda as an iCalendar file (RFC 5545), for the
 * referent's calendar (Thunderbird, Outlook, a phone): the appointments of
 * a period and the in-work check-ins due, pseudonymised unless asked. */
#ifndef PARCOURS_EXPORT_ICS_H
#define PARCOURS_EXPORT_ICS_H

#include "config.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The period of `export --format ics` by default: from this many days
 * before today to this many after, what a calendar shows around now. */
#define EXPORT_ICS_DAYS_BEFORE 30
#define EXPORT_ICS_DAYS_AFTER  90

/* How long an appointment with a time lasts in the calendar. */
#define EXPORT_ICS_MINUTES 60

struct export_ics_options {
	const char *referent; /* NULL: every referent's */
	pdate today;	      /* what the rules see as today (check-ins) */
	pdate from, to;	      /* the period, both days included */
	int64_t now;	      /* DTSTAMP, seconds since the epoch */
	/* The participant's name in the SUMMARY; otherwise P<id>: calendars
	 * go to servers and phones. Never contacts or notes either way. */
	bool names;
	/* How the interface writes a name and an appointment's kind (in its
	 * language); NULL: "last first" and the kind's configured label. */
	void (*name)(const struct participant *p, char *buf, size_t size);
	const char *(*kind_label)(const struct config *c, const char *kind);
};

/*
 * Write the calendar to `path` atomically (mode 0600) or, path NULL, to
 * `out`: one VEVENT per appointment of o->referent's participants dated
 * in the period (cancelled ones STATUS:CANCELLED, as are those planned
 * after their participant left; done and missed said in the description;
 * all day without a time), one all-day VEVENT per in-work check-in due
 * in it and not held. Times are in c->time_zone: Europe/Paris with its
 * VTIMEZONE, any other zone converted to UTC with the system's time zone
 * data. UIDs come from the record's id and the database's (store_id).
 * On failure (a store code; PC_EINVAL: a time zone the system lacks;
 * PC_EIO, PC_EFULL, PC_ENOMEM) *cause says why; `path` is as it was,
 * `out` partial.
 */
int export_ics(struct store *st, const struct config *c,
	       const struct export_ics_options *o, const char *path, FILE *out,
	       char **cause);

/*
 * Write one content line of `n` bytes (without its line break) to `out`,
 * folded as RFC 5545 asks: lines of at most 75 octets, CRLF, a space
 * before each continuation, never a cut inside a UTF-8 character.
 */
void export_ics_line(FILE *out, const char *s, size_t n);

#endif

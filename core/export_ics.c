/* export_ics.c: the agenda as an iCalendar file (RFC 5545): content lines
 * folded at 75 octets between characters, text escaped, one UID per
 * appointment and check-in that stays the same from one export to the
 * next, so that a calendar importing the file again updates its events
 * instead of doubling them. */
#include "export_ics.h"
#include "caseload.h"
#include "error.h"
#include "export.h"
#include "i18n.h"
#include "rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* RFC 5545, 3.1: "Lines of text SHOULD NOT be longer than 75 octets,
 * excluding the line break." */
#define LINE_OCTETS 75

#define PARIS "Europe/Paris"

/* The rules of Europe/Paris since 1996 (EU summer time): what a calendar
 * needs to place TZID=Europe/Paris times without a time zone database. */
static const char *const paris_vtimezone[] = {
	"BEGIN:VTIMEZONE",
	"TZID:" PARIS,
	"X-LIC-LOCATION:" PARIS,
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19700329T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19701025T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
};

void export_ics_line(FILE *out, const char *s, size_t n)
{
	size_t room = LINE_OCTETS;

	while (n > room) {
		size_t cut = room;

		/* Back to the first byte of the character at the cut. */
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == 0)
			cut = room;
		fwrite(s, 1, cut, out);
		fputs("\r\n ", out);
		s += cut;
		n -= cut;
		room = LINE_OCTETS - 1; /* the space counts */
	}
	fwrite(s, 1, n, out);
	fputs("\r\n", out);
}

/* A content line being made; `nomem` once growing it failed. */
struct line {
	char *s;
	size_t len, cap;
	bool nomem;
};

static void add(struct line *l, const char *s, size_t n)
{
	if (l->nomem)
		return;
	if (l->len + n + 1 > l->cap) {
		size_t cap = (l->len + n + 1) * 2;
		char *grown = realloc(l->s, cap);

		if (grown == NULL) {
			l->nomem = true;
			return;
		}
		l->s = grown;
		l->cap = cap;
	}
	memcpy(l->s + l->len, s, n);
	l->len += n;
	l->s[l->len] = '\0';
}

static void addf(struct line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void addf(struct line *l, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		add(l, buf,
		    (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* `s` as a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma
 * escaped, a line break as \n, other control characters and invalid
 * bytes as export_char shows them, so what is written is valid UTF-8. */
static void add_text(struct line *l, const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		char shown[EXPORT_CHAR_MAX];
		size_t used;

		if (*s == '\n' || *s == '\\' || *s == ';' || *s == ',') {
			add(l, "\\", 1);
			add(l, *s == '\n' ? "n" : s, 1);
			s++;
			n--;
			continue;
		}
		used = export_char(s, n, shown);
		add(l, shown, strlen(shown));
		s += used;
		n -= used;
	}
}

/* Write the line made and start the next one. */
static void emit(FILE *out, struct line *l)
{
	if (!l->nomem)
		export_ics_line(out, l->s ? l->s : "", l->len);
	l->len = 0;
	if (l->s != NULL)
		l->s[0] = '\0';
}

/* A line of a property whose value is `text`, escaped. */
static void emit_text(FILE *out, struct line *l, const char *name,
		      const char *text)
{
	add(l, name, strlen(name));
	add(l, ":", 1);
	add_text(l, text);
	emit(out, l);
}

/* ---- time zones ---- */

/* Where appointment times go: Europe/Paris local times, or UTC converted
 * from the configured zone with the process's TZ set to it meanwhile. */
struct zone {
	bool local;	/* Europe/Paris: TZID and its VTIMEZONE */
	bool switched;	/* TZ was set to the zone: restore it */
	char *saved_tz; /* TZ as it was (NULL: unset) */
};

static bool is_utc(const char *name)
{
	return strcmp(name, "UTC") == 0 || strcmp(name, "Etc/UTC") == 0;
}

/* Set up for zone `name`: PC_EINVAL when this system lacks it. */
static int zone_begin(struct zone *z, const char *name, char **cause)
{
	const char *dir = getenv("TZDIR"), *tz = getenv("TZ");
	char path[512];
	struct stat st;

	memset(z, 0, sizeof *z);
	if (strcmp(name, PARIS) == 0) {
		z->local = true;
		return PC_OK;
	}
	if (is_utc(name))
		return PC_OK;
	snprintf(path, sizeof path, "%s/%s",
		 dir && *dir ? dir : "/usr/share/zoneinfo", name);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return error_set(cause, PC_EINVAL,
				 _("timezone: this system does not know the "
				   "time zone '%s' (no %s)"),
				 name, path);
	if (tz != NULL && (z->saved_tz = strdup(tz)) == NULL)
		return error_set(cause, PC_ENOMEM, "%s",
				 error_string(PC_ENOMEM));
	if (setenv("TZ", name, 1) != 0) {
		free(z->saved_tz);
		z->saved_tz = NULL;
		return error_set(cause, PC_ENOMEM, "%s",
				 error_string(PC_ENOMEM));
	}
	tzset();
	z->switched = true;
	return PC_OK;
}

static void zone_end(struct zone *z)
{
	if (z->switched) {
		if (z->saved_tz != NULL)
			setenv("TZ", z->saved_tz, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	free(z->saved_tz);
	memset(z, 0, sizeof *z);
}

/* The moment `minute` of day `d` in the zone, in seconds since the epoch
 * (TZ is the zone, or UTC itself). */
static time_t zone_moment(const struct zone *z, pdate d, int minute)
{
	int y, m, day;
	struct tm tm = { 0 };

	date_to_ymd(d, &y, &m, &day);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = day;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_isdst = -1;
	return z->switched ? mktime(&tm) : timegm(&tm);
}

static void add_utc(struct line *l, time_t t)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	addf(l, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
	     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void add_day(struct line *l, pdate d)
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	addf(l, "%04d%02d%02d", y, m, day);
}

/* DTSTART or DTEND (`name`) of `minute` on day `d`; all day without a
 * time. */
static void emit_when(FILE *out, struct line *l, const struct zone *z,
		      const char *name, pdate d, int minute)
{
	add(l, name, strlen(name));
	if (minute == APPT_NO_TIME) {
		add(l, ";VALUE=DATE:", 12);
		add_day(l, d);
	} else if (z->local) {
		add(l, ";TZID=" PARIS ":", strlen(";TZID=" PARIS ":"));
		add_day(l, d);
		addf(l, "T%02d%02d00", minute / 60, minute % 60);
	} else {
		add(l, ":", 1);
		add_utc(l, zone_moment(z, d, minute));
	}
	emit(out, l);
}

/* ---- events ---- */

enum event_kind { EV_APPT, EV_CHECKIN };

/* One VEVENT; pointers into the caseload. */
struct event {
	enum event_kind kind;
	pdate date;
	int minute; /* APPT_NO_TIME: all day */
	const struct caseload_entry *e;
	const struct appointment *a; /* EV_APPT */
	bool after_exit;	     /* EV_APPT: planned after they left */
	int offset;		     /* EV_CHECKIN: days after `start` */
	pdate start;		     /* EV_CHECKIN: the follow-up's start */
};

/* By day, all-day first then by time, appointments before check-ins,
 * then by participant and record: the same order every time. */
static int cmp_events(const void *x, const void *y)
{
	const struct event *a = x, *b = y;
	uint64_t pa = a->e->file.p.id, pb = b->e->file.p.id;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (pa != pb)
		return pa < pb ? -1 : 1;
	if (a->kind == EV_APPT)
		return (a->a->id > b->a->id) - (a->a->id < b->a->id);
	return (a->offset > b->offset) - (a->offset < b->offset);
}

/* Whether the in-work follow-up of `e` still asks for check-ins, as the
 * agenda shows them: not once someone left (but at hiring, until the work
 * was lost or the exit is to validate). */
static bool followed(const struct caseload_entry *e)
{
	if (e->file.p.status != STATUS_EXITED)
		return true;
	if (!participant_exit_pending(&e->file.p))
		return false;
	for (size_t k = 0; k < e->summary.n_flags; k++)
		if (e->summary.flags[k].kind == FLAG_WORK_LOST ||
		    e->summary.flags[k].kind == FLAG_VALIDATE_EXIT)
			return false;
	return true;
}

/* The events of the period, in *out (caller frees), by cmp_events. */
static int collect(const struct caseload *cl, const struct config *c,
		   const struct export_ics_options *o, struct event **out,
		   size_t *n_out)
{
	struct event *ev;
	size_t cap = 0, n = 0;

	for (size_t i = 0; i < cl->n; i++)
		cap += cl->entries[i].file.n_appts + c->n_checkins;
	ev = calloc(cap ? cap : 1, sizeof *ev);
	if (ev == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < cl->n; i++) {
		const struct caseload_entry *e = &cl->entries[i];
		const struct participant *p = &e->file.p;
		bool gone = p->status == STATUS_EXITED &&
			    !participant_exit_pending(p) &&
			    p->exit_date != DATE_NONE;
		struct rules_followup fu;

		for (size_t k = 0; k < e->file.n_appts; k++) {
			const struct appointment *a = &e->file.appts[k];

			if (a->date < o->from || a->date > o->to)
				continue;
			ev[n++] = (struct event){
				.kind = EV_APPT,
				.date = a->date,
				.minute = a->minute,
				.e = e,
				.a = a,
				.after_exit = gone &&
					      a->status == APPT_PLANNED &&
					      a->date > p->exit_date,
			};
		}
		if (!followed(e) || !rules_followup(c, &e->file, o->today, &fu))
			continue;
		for (size_t k = 0; k < c->n_checkins; k++) {
			int off = c->checkin_days[k];
			pdate day = fu.start + off;

			if (rules_checkin_held(&e->file, &fu, off) !=
				    DATE_NONE ||
			    day < o->from || day > o->to)
				continue;
			ev[n++] = (struct event){ .kind = EV_CHECKIN,
						  .date = day,
						  .minute = APPT_NO_TIME,
						  .e = e,
						  .offset = off,
						  .start = fu.start };
		}
	}
	qsort(ev, n, sizeof *ev, cmp_events);
	*out = ev;
	*n_out = n;
	return PC_OK;
}

/* Everything the writer needs. */
struct calendar {
	const struct config *c;
	const struct export_ics_options *o;
	const struct zone *z;
	const char *db_id;
	const struct event *ev;
	size_t n;
};

static const char *kind_label(const struct calendar *k, const char *kind)
{
	const struct config_appt_kind *ak;

	if (k->o->kind_label != NULL)
		return k->o->kind_label(k->c, kind);
	ak = config_appt_kind(k->c, kind);
	return ak != NULL ? ak->label : kind ? kind : "";
}

static const char *mode_label(enum appointment_mode m)
{
	static const char *const names[] = { N_("in person"), N_("phone"),
					     N_("video") };

	return (size_t)m < sizeof names / sizeof names[0] ? _(names[m]) : "?";
}

static const char *status_label(enum appointment_status s)
{
	static const char *const names[] = { N_("planned"), N_("done"),
					     N_("missed"), N_("cancelled") };

	return (size_t)s < sizeof names / sizeof names[0] ? _(names[s]) : "?";
}

static void write_event(FILE *out, struct line *l, const struct calendar *k,
			const struct event *v)
{
	const struct participant *p = &v->e->file.p;
	char who[1024], what[1024], text[2304], d[DATE_BUFSZ];
	bool cancelled = v->kind == EV_APPT &&
			 (v->a->status == APPT_CANCELLED || v->after_exit);

	emit_text(out, l, "BEGIN", "VEVENT");
	if (v->kind == EV_APPT) {
		addf(l, "UID:appt-%llu@%s.parcours",
		     (unsigned long long)v->a->id, k->db_id);
	} else {
		addf(l, "UID:checkin-%llu-", (unsigned long long)p->id);
		add_day(l, v->start);
		addf(l, "-%d@%s.parcours", v->offset, k->db_id);
	}
	emit(out, l);
	add(l, "DTSTAMP:", 8);
	add_utc(l, (time_t)k->o->now);
	emit(out, l);
	emit_when(out, l, k->z, "DTSTART", v->date, v->minute);
	if (v->minute == APPT_NO_TIME) {
		emit_when(out, l, k->z, "DTEND", v->date + 1, APPT_NO_TIME);
	} else {
		int end = v->minute + EXPORT_ICS_MINUTES;

		emit_when(out, l, k->z, "DTEND", v->date + end / (24 * 60),
			  end % (24 * 60));
	}
	if (k->o->names && k->o->name != NULL)
		k->o->name(p, who, sizeof who);
	else if (k->o->names)
		snprintf(who, sizeof who, "%s %s",
			 p->last_name ? p->last_name : "",
			 p->first_name ? p->first_name : "");
	else
		snprintf(who, sizeof who, "P%llu", (unsigned long long)p->id);
	if (v->kind == EV_APPT)
		snprintf(what, sizeof what, "%s", kind_label(k, v->a->kind));
	else
		/* TRANSLATORS: an in-work check-in in the calendar, so many
		 * days after the work started. */
		snprintf(what, sizeof what, _("Check-in D+%d"), v->offset);
	/* TRANSLATORS: an event's title in the referent's calendar: who
	 * (P42 unless --names) and what (the appointment's kind). */
	snprintf(text, sizeof text, _("PLIE – %s – %s"), who, what);
	emit_text(out, l, "SUMMARY", text);
	if (v->kind == EV_CHECKIN) {
		snprintf(text, sizeof text,
			 _("In-work follow-up: check-in %d days after the "
			   "work started on %s"),
			 v->offset, date_format_local(v->start, d));
	} else if (v->after_exit) {
		snprintf(text, sizeof text,
			 _("%s · cancelled: left the PLIE on %s"),
			 mode_label(v->a->mode),
			 date_format_local(p->exit_date, d));
	} else if (v->a->status != APPT_PLANNED) {
		snprintf(text, sizeof text, "%s · %s", mode_label(v->a->mode),
			 status_label(v->a->status));
	} else {
		snprintf(text, sizeof text, "%s", mode_label(v->a->mode));
	}
	emit_text(out, l, "DESCRIPTION", text);
	emit_text(out, l, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
	/* A check-in or a whole day does not take the referent's time. */
	emit_text(out, l, "TRANSP",
		  cancelled || v->minute == APPT_NO_TIME ? "TRANSPARENT"
							 : "OPAQUE");
	emit_text(out, l, "CLASS", "PRIVATE");
	emit_text(out, l, "END", "VEVENT");
}

static int write_calendar(FILE *out, const struct calendar *k)
{
	struct line l = { 0 };

	emit_text(out, &l, "BEGIN", "VCALENDAR");
	emit_text(out, &l, "VERSION", "2.0");
	emit_text(out, &l, "PRODID", "-//parcours//parcours//EN");
	emit_text(out, &l, "CALSCALE", "GREGORIAN");
	emit_text(out, &l, "METHOD", "PUBLISH");
	emit_text(out, &l, "X-WR-CALNAME", "PLIE");
	if (k->z->local) {
		emit_text(out, &l, "X-WR-TIMEZONE", PARIS);
		for (size_t i = 0;
		     i < sizeof paris_vtimezone / sizeof paris_vtimezone[0];
		     i++)
			export_ics_line(out, paris_vtimezone[i],
					strlen(paris_vtimezone[i]));
	}
	for (size_t i = 0; i < k->n && !l.nomem; i++)
		write_event(out, &l, k, &k->ev[i]);
	emit_text(out, &l, "END", "VCALENDAR");
	free(l.s);
	if (l.nomem)
		return PC_ENOMEM;
	return ferror(out) ? PC_EIO : PC_OK;
}

static int write_calendar_of(FILE *out, const void *what)
{
	return write_calendar(out, what);
}

/* The database's identifier, for UIDs. */
static int read_id(struct store *st, char id[STORE_ID_SIZE], char **cause)
{
	struct store_txn *t = NULL;
	int rc = store_read_begin(st, &t, cause);

	if (rc != PC_OK)
		return rc;
	rc = store_id(t, id);
	store_read_end(&t);
	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc,
				 _("%s: the database has no identifier yet "
				   "(it was only ever opened read-only)"),
				 store_path(st));
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", store_path(st),
				 error_string(rc));
	return PC_OK;
}

int export_ics(struct store *st, const struct config *c,
	       const struct export_ics_options *o, const char *path, FILE *out,
	       char **cause)
{
	char id[STORE_ID_SIZE];
	struct caseload cl = { 0 };
	struct event *ev = NULL;
	struct zone z;
	size_t n = 0;
	int rc;

	rc = read_id(st, id, cause);
	if (rc != PC_OK)
		return rc;
	rc = caseload_load(st, c, o->referent, true, o->today, &cl, cause);
	if (rc != PC_OK)
		return rc;
	rc = collect(&cl, c, o, &ev, &n);
	if (rc != PC_OK) {
		error_set(cause, rc, "%s", error_string(rc));
		goto out_caseload;
	}
	rc = zone_begin(&z, c->time_zone ? c->time_zone : CONFIG_TIME_ZONE,
			cause);
	if (rc != PC_OK)
		goto out_events;
	rc = export_save(write_calendar_of,
			 &(struct calendar){ .c = c,
					     .o = o,
					     .z = &z,
					     .db_id = id,
					     .ev = ev,
					     .n = n },
			 path, out, cause);
	zone_end(&z);
out_events:
	free(ev);
out_caseload:
	caseload_free(&cl);
	return rc;
}

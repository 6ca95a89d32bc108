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

/* One VEVENT, compact: what its lines show, copied out of the
 * participant's file while it was at hand, so that only the events of
 * the period are held, never the territory's files. */
struct event {
	uint64_t pid;
	uint64_t appt; /* EV_APPT: the appointment's id */
	pdate date;
	int minute;	 /* APPT_NO_TIME: all day */
	pdate start;	 /* EV_CHECKIN: the follow-up's start */
	pdate exit_date; /* EV_APPT after_exit: when they left */
	int offset;	 /* EV_CHECKIN: days after `start` */
	uint32_t kind;	 /* EV_APPT: in the events' kinds */
	uint8_t ev_kind, mode, status;
	bool after_exit; /* EV_APPT: planned after they left */
	size_t who;	 /* with names: in the events' names, else SIZE_MAX */
};

/* The events of the period and the strings they refer to. */
struct events {
	struct event *v;
	size_t n, cap;
	char **kinds; /* distinct appointment kinds; NULL a kind too */
	size_t n_kinds;
	char *names; /* NUL-ended names one after the other */
	size_t names_len, names_cap;
};

static void events_free(struct events *x)
{
	for (size_t i = 0; i < x->n_kinds; i++)
		free(x->kinds[i]);
	free(x->kinds);
	free(x->v);
	free(x->names);
	memset(x, 0, sizeof *x);
}

/* The index of appointment kind `kind` in x->kinds, added if new;
 * false when out of memory. Few kinds: looked for one by one. */
static bool kind_index(struct events *x, const char *kind, uint32_t *out)
{
	char **grown, *copy = NULL;

	for (size_t i = 0; i < x->n_kinds; i++) {
		const char *k = x->kinds[i];

		if (k == kind || (k && kind && strcmp(k, kind) == 0)) {
			*out = (uint32_t)i;
			return true;
		}
	}
	if (kind != NULL && (copy = strdup(kind)) == NULL)
		return false;
	grown = realloc(x->kinds, (x->n_kinds + 1) * sizeof *grown);
	if (grown == NULL) {
		free(copy);
		return false;
	}
	x->kinds = grown;
	x->kinds[x->n_kinds] = copy;
	*out = (uint32_t)x->n_kinds++;
	return true;
}

/* Room for one more event; false when out of memory. */
static bool events_room(struct events *x)
{
	struct event *grown;
	size_t cap;

	if (x->n < x->cap)
		return true;
	cap = x->cap ? 2 * x->cap : 256;
	grown = realloc(x->v, cap * sizeof *grown);
	if (grown == NULL)
		return false;
	x->v = grown;
	x->cap = cap;
	return true;
}

/* Name `who` kept in x->names, its offset in *out. */
static bool name_add(struct events *x, const char *who, size_t *out)
{
	size_t n = strlen(who) + 1;

	if (x->names_len + n > x->names_cap) {
		size_t cap = x->names_cap ? 2 * x->names_cap : 4096;
		char *grown;

		while (cap < x->names_len + n)
			cap *= 2;
		if ((grown = realloc(x->names, cap)) == NULL)
			return false;
		x->names = grown;
		x->names_cap = cap;
	}
	memcpy(x->names + x->names_len, who, n);
	*out = x->names_len;
	x->names_len += n;
	return true;
}

/* By day, all-day first then by time, appointments before check-ins,
 * then by participant and record: the same order every time. */
static int cmp_events(const void *x, const void *y)
{
	const struct event *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	if (a->ev_kind != b->ev_kind)
		return a->ev_kind < b->ev_kind ? -1 : 1;
	if (a->pid != b->pid)
		return a->pid < b->pid ? -1 : 1;
	if (a->ev_kind == EV_APPT)
		return (a->appt > b->appt) - (a->appt < b->appt);
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

/* What collecting the events needs, for caseload_each. */
struct collect {
	const struct config *c;
	const struct export_ics_options *o;
	struct events *x;
};

/* The name shown of p (--names), as the interface writes it. */
static void who_of(const struct export_ics_options *o,
		   const struct participant *p, char *who, size_t size)
{
	if (o->name != NULL)
		o->name(p, who, size);
	else
		snprintf(who, size, "%s %s", p->last_name ? p->last_name : "",
			 p->first_name ? p->first_name : "");
}

/* The events of one participant's file, added to k->x. */
static int collect(struct caseload_entry *e, void *arg)
{
	const struct collect *k = arg;
	const struct export_ics_options *o = k->o;
	struct events *x = k->x;
	const struct participant *p = &e->file.p;
	bool gone = p->status == STATUS_EXITED &&
		    !participant_exit_pending(p) && p->exit_date != DATE_NONE;
	size_t first = x->n, who = SIZE_MAX;
	struct rules_followup fu;

	for (size_t i = 0; i < e->file.n_appts; i++) {
		const struct appointment *a = &e->file.appts[i];
		uint32_t kind;

		if (a->date < o->from || a->date > o->to)
			continue;
		if (!events_room(x) || !kind_index(x, a->kind, &kind))
			return PC_ENOMEM;
		x->v[x->n++] = (struct event){
			.pid = p->id,
			.appt = a->id,
			.date = a->date,
			.minute = a->minute,
			.exit_date = p->exit_date,
			.kind = kind,
			.ev_kind = EV_APPT,
			.mode = (uint8_t)a->mode,
			.status = (uint8_t)a->status,
			.after_exit = gone && a->status == APPT_PLANNED &&
				      a->date > p->exit_date,
		};
	}
	if (followed(e) && rules_followup(k->c, &e->file, o->today, &fu)) {
		for (size_t i = 0; i < k->c->n_checkins; i++) {
			int off = k->c->checkin_days[i];
			pdate day = fu.start + off;

			if (rules_checkin_held(&e->file, &fu, off) !=
				    DATE_NONE ||
			    day < o->from || day > o->to)
				continue;
			if (!events_room(x))
				return PC_ENOMEM;
			x->v[x->n++] = (struct event){
				.pid = p->id,
				.date = day,
				.minute = APPT_NO_TIME,
				.start = fu.start,
				.offset = off,
				.ev_kind = EV_CHECKIN,
			};
		}
	}
	if (o->names && x->n > first) {
		char name[1024];

		who_of(o, p, name, sizeof name);
		if (!name_add(x, name, &who))
			return PC_ENOMEM;
	}
	for (size_t i = first; i < x->n; i++)
		x->v[i].who = who;
	return PC_OK;
}

/* Everything the writer needs. */
struct calendar {
	const struct config *c;
	const struct export_ics_options *o;
	const struct zone *z;
	const char *db_id;
	const struct events *x;
};

static const char *kind_label(const struct calendar *k, const char *kind)
{
	const struct config_appt_kind *ak;

	if (k->o->kind_label != NULL)
		return k->o->kind_label(k->c, kind);
	ak = config_appt_kind(k->c, kind);
	return ak != NULL ? ak->label : kind ? kind : "";
}

static const char *mode_label(unsigned m)
{
	static const char *const names[] = { N_("in person"), N_("phone"),
					     N_("video") };

	return (size_t)m < sizeof names / sizeof names[0] ? _(names[m]) : "?";
}

static const char *status_label(unsigned s)
{
	static const char *const names[] = { N_("planned"), N_("done"),
					     N_("missed"), N_("cancelled") };

	return (size_t)s < sizeof names / sizeof names[0] ? _(names[s]) : "?";
}

static void write_event(FILE *out, struct line *l, const struct calendar *k,
			const struct event *v)
{
	char who[1024], what[1024], text[2304], d[DATE_BUFSZ];
	bool cancelled = v->ev_kind == EV_APPT &&
			 (v->status == APPT_CANCELLED || v->after_exit);

	emit_text(out, l, "BEGIN", "VEVENT");
	if (v->ev_kind == EV_APPT) {
		addf(l, "UID:appt-%llu@%s.parcours",
		     (unsigned long long)v->appt, k->db_id);
	} else {
		addf(l, "UID:checkin-%llu-", (unsigned long long)v->pid);
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
	if (v->who != SIZE_MAX)
		snprintf(who, sizeof who, "%s", k->x->names + v->who);
	else
		snprintf(who, sizeof who, "P%llu", (unsigned long long)v->pid);
	if (v->ev_kind == EV_APPT)
		snprintf(what, sizeof what, "%s",
			 kind_label(k, k->x->kinds[v->kind]));
	else
		/* TRANSLATORS: an in-work check-in in the calendar, so many
		 * days after the work started. */
		snprintf(what, sizeof what, _("Check-in D+%d"), v->offset);
	/* TRANSLATORS: an event's title in the referent's calendar: who
	 * (P42 unless --names) and what (the appointment's kind). */
	snprintf(text, sizeof text, _("PLIE – %s – %s"), who, what);
	emit_text(out, l, "SUMMARY", text);
	if (v->ev_kind == EV_CHECKIN) {
		snprintf(text, sizeof text,
			 _("In-work follow-up: check-in %d days after the "
			   "work started on %s"),
			 v->offset, date_format_local(v->start, d));
	} else if (v->after_exit) {
		snprintf(text, sizeof text,
			 _("%s · cancelled: left the PLIE on %s"),
			 mode_label(v->mode),
			 date_format_local(v->exit_date, d));
	} else if (v->status != APPT_PLANNED) {
		snprintf(text, sizeof text, "%s · %s", mode_label(v->mode),
			 status_label(v->status));
	} else {
		snprintf(text, sizeof text, "%s", mode_label(v->mode));
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
	for (size_t i = 0; i < k->x->n && !l.nomem; i++)
		write_event(out, &l, k, &k->x->v[i]);
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
	struct events x = { 0 };
	struct zone z;
	size_t n_corrupt = 0;
	int rc;

	rc = read_id(st, id, cause);
	if (rc != PC_OK)
		return rc;
	/* Participant by participant: the events kept, the files let go. */
	rc = caseload_each(st, c, o->referent, true, o->today, false, collect,
			   &(struct collect){ c, o, &x }, &n_corrupt, cause);
	if (rc != PC_OK)
		goto out_events;
	if (x.n > 1)
		qsort(x.v, x.n, sizeof *x.v, cmp_events);
	rc = zone_begin(&z, c->time_zone ? c->time_zone : CONFIG_TIME_ZONE,
			cause);
	if (rc != PC_OK)
		goto out_events;
	rc = export_save(
		write_calendar_of,
		&(struct calendar){
			.c = c, .o = o, .z = &z, .db_id = id, .x = &x },
		path, out, cause);
	zone_end(&z);
out_events:
	events_free(&x);
	return rc;
}

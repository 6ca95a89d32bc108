/* format.c: shared presentation of caseload entries. */
#include "format.h"
#include "cli.h"
#include "edit.h"
#include "i18n.h"
#include "text.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <string.h>

/* After a snprintf into buf (n bytes) that may have cut the text, drop
 * the start of a character left without its end. */
static void whole_chars(char *buf, size_t n)
{
	size_t len = strlen(buf), start = len, need;
	unsigned char lead;

	if (n == 0 || len + 1 < n)
		return;
	while (start > 0 && ((unsigned char)buf[start - 1] & 0xc0) == 0x80 &&
	       len - start < 3)
		start--;
	if (start == 0)
		return;
	lead = (unsigned char)buf[start - 1];
	need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (len - (start - 1) < need)
		buf[start - 1] = '\0';
}

void format_name(const struct participant *p, char *buf, size_t n)
{
	char *upper = text_upper(p->last_name ? p->last_name : "");

	snprintf(buf, n, "%s %s", upper ? upper : p->last_name,
		 p->first_name ? p->first_name : "");
	free(upper);
	whole_chars(buf, n);
}

void format_stage(const struct config *c, const struct caseload_entry *e,
		  char *buf, size_t n)
{
	if (rules_after_exit(c, &e->file.p))
		/* TRANSLATORS: the stage column (12 columns at 80) of
		 * someone who left the PLIE at hiring and is still followed
		 * in work. */
		snprintf(buf, n, "%s", _("after exit"));
	else if (e->stage_index == CASELOAD_NO_STAGE)
		snprintf(buf, n, "? %s",
			 e->file.p.stage ? e->file.p.stage : "");
	else
		snprintf(buf, n, "%zu %s", e->stage_index + 1,
			 c->stages[e->stage_index].short_label);
	whole_chars(buf, n);
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

/*
 * What to do, in at most 17 columns (the list's column at 80 columns) in
 * English and French: the marker (▲ ● ★) says how pressing it is.
 */
void format_flag_short(const struct flag *fl, char *buf, size_t n)
{
	int d = fl->days;

	switch (fl->kind) {
	case FLAG_APPOINTMENT_OVERDUE:
		/* TRANSLATORS: the "to do" column, 17 columns at most: what
		 * to do about a past appointment without outcome. */
		snprintf(buf, n, "%s", _("record outcome"));
		break;
	case FLAG_CHECKIN_OVERDUE:
	case FLAG_CHECKIN_DUE:
		/* TRANSLATORS: 17 columns at most with D+180; French J+. */
		snprintf(buf, n, _("do check-in D+%d"), fl->count);
		break;
	case FLAG_WORK_LOST:
		snprintf(buf, n, "%s", _("record work lost"));
		break;
	case FLAG_NO_SHOW:
		snprintf(buf, n, "%s", _("re-invite"));
		break;
	case FLAG_FIRST_APPOINTMENT:
		snprintf(buf, n, "%s", _("plan 1st appt."));
		break;
	case FLAG_CONTACT_OVERDUE:
		/* TRANSLATORS: "d" for days; 17 columns at most. */
		snprintf(buf, n, _("get in touch %d d"), d);
		break;
	case FLAG_MAX_DURATION:
		snprintf(buf, n, "%s",
			 d < 0 ? _("max. passed: exit")
			       : _("prepare the exit"));
		break;
	case FLAG_READY_TO_EXIT:
		snprintf(buf, n, _("%d months: exit"), fl->count);
		break;
	case FLAG_VALIDATE_EXIT:
		snprintf(buf, n, "%s", _("validate the exit"));
		break;
	case FLAG_FSE_ENTRY_INCOMPLETE:
		snprintf(buf, n, "%s", _("fill FSE entry"));
		break;
	case FLAG_FSE_SURVEY_DUE:
	case FLAG_FSE_SURVEY_OVERDUE:
		snprintf(buf, n, "%s", _("6-month survey"));
		break;
	default:
		snprintf(buf, n, "?");
		break;
	}
}

void format_flag_count(enum flag_kind k, size_t n, char *buf, size_t size)
{
	switch (k) {
	case FLAG_APPOINTMENT_OVERDUE:
		snprintf(buf, size,
			 P_("%4zu  appointment without outcome",
			    "%4zu  appointments without outcome", n),
			 n);
		break;
	case FLAG_CHECKIN_OVERDUE:
		snprintf(buf, size,
			 P_("%4zu  late in-work check-in",
			    "%4zu  late in-work check-ins", n),
			 n);
		break;
	case FLAG_WORK_LOST:
		snprintf(buf, size,
			 P_("%4zu  left at hiring, work lost before six months",
			    "%4zu  left at hiring, work lost before six months",
			    n),
			 n);
		break;
	case FLAG_NO_SHOW:
		snprintf(buf, size,
			 P_("%4zu  no-show to invite again",
			    "%4zu  no-shows to invite again", n),
			 n);
		break;
	case FLAG_FIRST_APPOINTMENT:
		snprintf(buf, size,
			 P_("%4zu  newcomer without a first appointment",
			    "%4zu  newcomers without a first appointment", n),
			 n);
		break;
	case FLAG_CONTACT_OVERDUE:
		snprintf(buf, size,
			 P_("%4zu  without contact for too long",
			    "%4zu  without contact for too long", n),
			 n);
		break;
	case FLAG_MAX_DURATION:
		snprintf(buf, size,
			 P_("%4zu  near or past the maximum duration",
			    "%4zu  near or past the maximum duration", n),
			 n);
		break;
	case FLAG_CHECKIN_DUE:
		snprintf(buf, size,
			 P_("%4zu  in-work check-in due this week",
			    "%4zu  in-work check-ins due this week", n),
			 n);
		break;
	case FLAG_READY_TO_EXIT:
		snprintf(buf, size,
			 P_("%4zu  ready for a positive exit",
			    "%4zu  ready for a positive exit", n),
			 n);
		break;
	case FLAG_VALIDATE_EXIT:
		snprintf(buf, size,
			 P_("%4zu  left at hiring, exit to validate",
			    "%4zu  left at hiring, exits to validate", n),
			 n);
		break;
	case FLAG_FSE_SURVEY_OVERDUE:
		snprintf(buf, size,
			 P_("%4zu  six-months survey late",
			    "%4zu  six-months surveys late", n),
			 n);
		break;
	case FLAG_FSE_ENTRY_INCOMPLETE:
		snprintf(buf, size,
			 P_("%4zu  funder's entry data incomplete",
			    "%4zu  funder's entry data incomplete", n),
			 n);
		break;
	case FLAG_FSE_SURVEY_DUE:
		snprintf(buf, size,
			 P_("%4zu  six-months survey due",
			    "%4zu  six-months surveys due", n),
			 n);
		break;
	default:
		snprintf(buf, size, "%4zu  ?", n);
		break;
	}
}

void format_flag_long(const struct flag *fl, char *buf, size_t n)
{
	rules_flag_reason(fl, buf, n);
}

enum ui_style format_flag_style(const struct flag *fl)
{
	switch (rules_flag_level(fl)) {
	case LEVEL_OVERDUE:
		return STYLE_OVERDUE;
	case LEVEL_SOON:
		return STYLE_SOON;
	default:
		return STYLE_READY;
	}
}

enum ui_style format_summary_style(const struct rules_summary *s)
{
	enum ui_style best = STYLE_NORMAL;

	for (size_t i = 0; i < s->n_flags; i++) {
		enum ui_style st = format_flag_style(&s->flags[i]);

		if (best == STYLE_NORMAL || st == STYLE_OVERDUE ||
		    (st == STYLE_SOON && best == STYLE_READY))
			best = st;
	}
	return best;
}

void format_long_date(pdate d, char *buf, size_t n)
{
	static const char *const days[] = { N_("Monday"),    N_("Tuesday"),
					    N_("Wednesday"), N_("Thursday"),
					    N_("Friday"),    N_("Saturday"),
					    N_("Sunday") };
	char date[DATE_BUFSZ];

	snprintf(buf, n, "%s %s", _(days[date_weekday(d)]), cli_date(d, date));
}

void format_time(int minute, char *buf, size_t n)
{
	if (minute == APPT_NO_TIME || minute < 0)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%02d:%02d", minute / 60, minute % 60);
}

const char *format_appt_status(enum appointment_status s)
{
	static const char *const names[] = { N_("planned"), N_("done"),
					     N_("missed"), N_("cancelled") };

	return (size_t)s < sizeof names / sizeof names[0] ? _(names[s]) : "?";
}

const char *format_appt_mode(enum appointment_mode m)
{
	static const char *const names[] = { N_("in person"), N_("phone"),
					     N_("video") };

	return (size_t)m < sizeof names / sizeof names[0] ? _(names[m]) : "?";
}

const struct format_contract format_contracts[FORMAT_N_CONTRACTS] = {
	{ "cdi", N_("open-ended (CDI)") },
	{ "cdd", N_("fixed-term (CDD)") },
	{ "interim", N_("temp work") },
	{ "contrat-aide", N_("subsidised contract") },
	{ "alternance", N_("work-study") },
	{ "autre", N_("other") },
};

static const char *const end_reason_names[JOB_END_REASONS] = {
	N_("contract ended"),	       N_("resigned"), N_("dismissed"),
	N_("trial period not passed"), N_("other"),
};

const char *format_job_end_reason(const char *id)
{
	if (id == NULL)
		return "";
	for (size_t i = 0; i < JOB_END_REASONS; i++)
		if (strcmp(job_end_reasons[i], id) == 0)
			return _(end_reason_names[i]);
	return id;
}

const char *format_contract(const char *id)
{
	if (id == NULL)
		return "";
	for (size_t i = 0; i < FORMAT_N_CONTRACTS; i++)
		if (strcmp(format_contracts[i].id, id) == 0)
			return _(format_contracts[i].name);
	return id;
}

/* The interface reads in English unless its messages are translated:
 * dgettext gives back the very string it was given when it has no
 * translation of it. */
static bool interface_in_english(void)
{
	static const char probe[] = "Appointments";

	return dgettext(PARCOURS_DOMAIN, probe) == probe;
}

const char *format_appt_kind_label(const struct config_appt_kind *k)
{
	return interface_in_english() && k->label_en != NULL ? k->label_en
							     : k->label;
}

const char *format_appt_kind(const struct config *c, const char *kind)
{
	const struct config_appt_kind *k = config_appt_kind(c, kind);

	if (k != NULL)
		return format_appt_kind_label(k);
	return kind != NULL ? kind : "";
}

const char **format_appt_kind_labels(const struct config *c)
{
	const char **out =
		calloc(c->n_appt_kinds ? c->n_appt_kinds : 1, sizeof *out);

	for (size_t i = 0; out != NULL && i < c->n_appt_kinds; i++)
		out[i] = format_appt_kind_label(&c->appt_kinds[i]);
	return out;
}

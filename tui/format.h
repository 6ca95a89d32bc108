/* format.h: how participants, stages and flags read on screen and paper. */
#ifndef PARCOURS_FORMAT_H
#define PARCOURS_FORMAT_H

#include "caseload.h"
#include "config.h"
#include "rules.h"
#include "ui.h"

#include <stddef.h>

/* "LEFÈVRE Élodie" into buf (truncated safely at n bytes). */
void format_name(const struct participant *p, char *buf, size_t n);

/* "1 Freins" (position and short label), or "? id" for an unknown stage. */
void format_stage(const struct config *c, const struct caseload_entry *e,
		  char *buf, size_t n);

/* A marker that reads without colour: ▲ overdue, ● soon, ★ ready, or " ". */
const char *format_marker(const struct rules_summary *s);

/* A short reason for a list column: "appt. late 6 d", "no contact 35 d". */
void format_flag_short(const struct flag *fl, char *buf, size_t n);

/* The long reason, translated (rules_flag_reason). */
void format_flag_long(const struct flag *fl, char *buf, size_t n);

/* The style of a flag: overdue, soon or ready. */
enum ui_style format_flag_style(const struct flag *fl);

/* The style of an entry's most pressing flag (STYLE_NORMAL when none). */
enum ui_style format_summary_style(const struct rules_summary *s);

/* "Thursday 26/11/2026", translated. */
void format_long_date(pdate d, char *buf, size_t n);

/* "10:00", or "" for APPT_NO_TIME. */
void format_time(int minute, char *buf, size_t n);

/* The kinds of contract a job is recorded with: the id stored, the name
 * shown (N_(), to translate with _()). */
struct format_contract {
	const char *id;
	const char *name;
};
#define FORMAT_N_CONTRACTS 6
extern const struct format_contract format_contracts[FORMAT_N_CONTRACTS];

/* The translated name of contract `id`, or `id` itself when unknown ("" for
 * NULL). */
const char *format_contract(const char *id);

/* "1 appointment without outcome", "3 appointments without outcome":
 * `n` participants under flag `k`, singular or plural, into buf. */
void format_flag_count(enum flag_kind k, size_t n, char *buf, size_t size);

/* The translated name of job end reason `id` (one of job_end_reasons),
 * or `id` itself when unknown ("" for NULL). */
const char *format_job_end_reason(const char *id);

/* Translated names of appointment statuses and modes. */
const char *format_appt_status(enum appointment_status s);
const char *format_appt_mode(enum appointment_mode m);

/* The label of an appointment kind in the interface's language: label_en
 * in English when given, else label (in c). */
const char *format_appt_kind_label(const struct config_appt_kind *k);

/* How the appointment kind stored as `kind` reads: its configured label
 * (format_appt_kind_label; a kind typed in either language is found),
 * else `kind` as it was typed ("" for NULL). Valid as long as c and
 * kind are. */
const char *format_appt_kind(const struct config *c, const char *kind);

/* The labels of c's appointment kinds, in its order, for a choice field:
 * a malloc'd array (the labels are c's); NULL when out of memory. */
const char **format_appt_kind_labels(const struct config *c);

#endif

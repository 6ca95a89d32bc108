/* edit_appointment.c: appointments planned, their outcome recorded,
 * moved, and recorded outcomes corrected; one transaction each, with its
 * journal line. */
#include "edit_internal.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plan_args {
	const struct edit_ctx *ctx;
	struct appointment a;
	uint64_t id;
};

static int plan_cb(struct store_txn *t, void *arg, char **cause)
{
	struct plan_args *a = arg;
	struct participant p;
	char d[DATE_BUFSZ];
	int rc = edit_load(t, a->a.participant, &p, cause);

	if (rc != PC_OK)
		return rc;
	if (p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	participant_clear(&p);
	if (rc == PC_OK)
		rc = store_appointment_add(t, &a->a, &a->id);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->a.participant,
				  "appointment %llu planned on %s",
				  (unsigned long long)a->id,
				  date_format_iso(a->a.date, d));
	return rc;
}

int edit_appointment_plan(struct store *s, const struct edit_ctx *ctx,
			  uint64_t participant, pdate date, int minute,
			  const char *kind, enum appointment_mode mode,
			  uint64_t *id, char **cause)
{
	struct plan_args a = { .ctx = ctx };
	int rc = edit_check_date(date, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (minute != APPT_NO_TIME && (minute < 0 || minute >= 24 * 60))
		return error_set(cause, PC_EINVAL, _("time: out of range"));
	rc = model_text_check(_("kind"), kind, MODEL_TEXT_NAME, true, cause);
	if (rc != PC_OK)
		return rc;
	appointment_init(&a.a);
	a.a.participant = participant;
	a.a.date = date;
	a.a.minute = minute;
	a.a.kind = (char *)kind;
	a.a.mode = mode;
	a.a.status = APPT_PLANNED;
	rc = store_write(s, plan_cb, &a, cause);
	if (rc == PC_OK && id != NULL)
		*id = a.id;
	return rc;
}

struct outcome_args {
	const struct edit_ctx *ctx;
	uint64_t id;
	enum appointment_status status;
	const char *note;
	const char *was_note; /* correct: the note it was made on; NULL: any */
};

/* The same note, NULL and "" alike. */
static bool same_text(const char *a, const char *b)
{
	return (a == NULL || *a == '\0') ? (b == NULL || *b == '\0')
					 : (b != NULL && strcmp(a, b) == 0);
}

static int outcome_cb(struct store_txn *t, void *arg, char **cause)
{
	struct outcome_args *o = arg;
	struct appointment a;
	char d[DATE_BUFSZ];
	int rc = store_appointment_get(t, o->id, &a);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("appointment %llu not found"),
				 (unsigned long long)o->id);
	if (rc != PC_OK)
		return rc;
	if (o->status != APPT_CANCELLED && a.date > o->ctx->today)
		rc = error_set(cause, PC_EINVAL,
			       _("this appointment is on %s: its outcome can "
				 "be recorded from that day"),
			       date_format_local(a.date, d));
	if (rc == PC_OK) {
		a.status = o->status;
		if (o->note != NULL && *o->note != '\0') {
			char *n = strdup(o->note);

			if (n == NULL)
				rc = PC_ENOMEM;
			free(a.note);
			a.note = n;
		}
	}
	if (rc == PC_OK)
		rc = store_appointment_update(t, &a);
	if (rc == PC_OK)
		rc = edit_journal(t, o->ctx, a.participant,
				  "appointment %llu of %s marked %s",
				  (unsigned long long)a.id,
				  date_format_iso(a.date, d),
				  appointment_status_name(o->status));
	appointment_clear(&a);
	return rc;
}

int edit_appointment_outcome(struct store *s, const struct edit_ctx *ctx,
			     uint64_t appointment,
			     enum appointment_status status, const char *note,
			     char **cause)
{
	struct outcome_args o = { ctx, appointment, status, note, NULL };
	int rc;

	if (status == APPT_PLANNED || status > APPT_CANCELLED)
		return error_set(cause, PC_EINVAL, _("not an outcome"));
	rc = model_text_check(_("note"), note, MODEL_TEXT_NOTE, false, cause);
	return rc == PC_OK ? store_write(s, outcome_cb, &o, cause) : rc;
}

/* "2026-12-03 10:00" or "2026-12-03" (no time), for the journal. */
static const char *when_text(pdate date, int minute, char *buf, size_t size)
{
	char d[DATE_BUFSZ];

	if (minute == APPT_NO_TIME)
		snprintf(buf, size, "%s", date_format_iso(date, d));
	else
		snprintf(buf, size, "%s %02d:%02d", date_format_iso(date, d),
			 minute / 60, minute % 60);
	return buf;
}

/* Appointment `id` into *a (cleared first; the caller clears it), "not
 * found" said plainly. */
static int load_appointment(struct store_txn *t, uint64_t id,
			    struct appointment *a, char **cause)
{
	int rc = store_appointment_get(t, id, a);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("appointment %llu not found"),
				 (unsigned long long)id);
	return rc;
}

/* PC_EINVAL when participant `pid` left the PLIE: nothing is planned for
 * them any more. */
static int still_followed(struct store_txn *t, uint64_t pid, char **cause)
{
	struct participant p;
	int rc = edit_load(t, pid, &p, cause);

	if (rc == PC_OK && p.status == STATUS_EXITED)
		rc = error_set(cause, PC_EINVAL, _("%s %s has left the PLIE"),
			       p.first_name, p.last_name);
	participant_clear(&p);
	return rc;
}

struct reschedule_args {
	const struct edit_ctx *ctx;
	uint64_t id;
	pdate date;
	int minute;
	const char *kind;
	enum appointment_mode mode;
};

static int reschedule_cb(struct store_txn *t, void *arg, char **cause)
{
	struct reschedule_args *r = arg;
	struct appointment a;
	struct participant p;
	char before[40], after[40], d[DATE_BUFSZ];
	char *kind = NULL;
	bool moved;
	int rc = load_appointment(t, r->id, &a, cause);

	/* Whatever its status: someone who left has nothing to move. */
	if (rc == PC_OK)
		rc = still_followed(t, a.participant, cause);
	if (rc == PC_OK &&
	    (rc = edit_load(t, a.participant, &p, cause)) == PC_OK) {
		if (p.entry_date != DATE_NONE && r->date < p.entry_date)
			rc = error_set(cause, PC_EINVAL,
				       _("date: before the entry (%s)"),
				       date_format_local(p.entry_date, d));
		participant_clear(&p);
	}
	/* A held or missed appointment was on a day gone by: its date may
	 * be corrected, not put in the future. */
	if (rc == PC_OK && (a.status == APPT_DONE || a.status == APPT_MISSED) &&
	    r->date > r->ctx->today)
		rc = error_set(cause, PC_EINVAL,
			       _("date: this appointment is recorded as %s, "
				 "it cannot be after today"),
			       appointment_status_name(a.status));
	if (rc == PC_OK && a.date == r->date && a.minute == r->minute &&
	    a.mode == r->mode && a.kind != NULL && strcmp(a.kind, r->kind) == 0)
		rc = error_set(cause, PC_EINVAL,
			       _("nothing to change: same date, time, kind "
				 "and mode"));
	if (rc == PC_OK && (kind = strdup(r->kind)) == NULL)
		rc = PC_ENOMEM;
	moved = a.date != r->date || a.minute != r->minute;
	if (rc == PC_OK) {
		when_text(a.date, a.minute, before, sizeof before);
		free(a.kind);
		a.kind = kind;
		a.date = r->date;
		a.minute = r->minute;
		a.mode = r->mode;
		/* The letter and the reminder told the old day and time. */
		if (moved) {
			free(a.letter);
			a.letter = NULL;
			a.letter_date = DATE_NONE;
			a.reminded = DATE_NONE;
		}
		rc = store_appointment_update(t, &a);
	}
	/* The journal says what changed: the day and time, or the kind and
	 * mode alone. */
	if (rc == PC_OK && moved)
		rc = edit_journal(
			t, r->ctx, a.participant,
			"appointment %llu of %s moved to %s",
			(unsigned long long)a.id, before,
			when_text(a.date, a.minute, after, sizeof after));
	else if (rc == PC_OK)
		rc = edit_journal(t, r->ctx, a.participant,
				  "appointment %llu of %s: kind %s, mode %s",
				  (unsigned long long)a.id, before, a.kind,
				  model_enum_name(ENUM_MODE, (int)a.mode));
	appointment_clear(&a);
	return rc;
}

int edit_appointment_reschedule(struct store *s, const struct edit_ctx *ctx,
				uint64_t appointment, pdate date, int minute,
				const char *kind, enum appointment_mode mode,
				char **cause)
{
	struct reschedule_args r = {
		ctx, appointment, date, minute, kind, mode
	};
	int rc = edit_check_date(date, _("date"), cause);

	if (rc != PC_OK)
		return rc;
	if (minute != APPT_NO_TIME && (minute < 0 || minute >= 24 * 60))
		return error_set(cause, PC_EINVAL, _("time: out of range"));
	if (mode > MODE_VIDEO)
		return error_set(cause, PC_EINVAL, _("mode: out of range"));
	rc = model_text_check(_("kind"), kind, MODEL_TEXT_NAME, true, cause);
	return rc == PC_OK ? store_write(s, reschedule_cb, &r, cause) : rc;
}

static int correct_cb(struct store_txn *t, void *arg, char **cause)
{
	struct outcome_args *o = arg;
	struct appointment a;
	enum appointment_status was;
	char d[DATE_BUFSZ];
	char *note = NULL;
	bool same_note;
	int rc = load_appointment(t, o->id, &a, cause);

	if (rc != PC_OK) {
		appointment_clear(&a);
		return rc;
	}
	was = a.status;
	same_note = same_text(a.note, o->note);
	if (o->was_note != NULL && !same_text(a.note, o->was_note))
		rc = error_set(cause, PC_EINVAL,
			       _("This appointment's note was changed in "
				 "another window since the form opened; "
				 "nothing was saved. Look at it again."));
	else if ((o->status == APPT_DONE || o->status == APPT_MISSED) &&
		 a.date > o->ctx->today)
		rc = error_set(cause, PC_EINVAL,
			       _("this appointment is on %s: its outcome can "
				 "be recorded from that day"),
			       date_format_iso(a.date, d));
	else if (o->status == was && same_note)
		rc = error_set(cause, PC_EINVAL,
			       _("nothing to change: same outcome and note"));
	else if (o->status == APPT_PLANNED && was != APPT_PLANNED)
		rc = still_followed(t, a.participant, cause);
	if (rc == PC_OK && o->note != NULL && *o->note != '\0' &&
	    (note = strdup(o->note)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK) {
		free(a.note);
		a.note = note;
		a.status = o->status;
		rc = store_appointment_update(t, &a);
	}
	if (rc == PC_OK && was != o->status)
		rc = edit_journal(t, o->ctx, a.participant,
				  "appointment %llu of %s corrected from %s "
				  "to %s%s",
				  (unsigned long long)a.id,
				  date_format_iso(a.date, d),
				  appointment_status_name(was),
				  appointment_status_name(o->status),
				  same_note ? "" : ", note corrected");
	else if (rc == PC_OK)
		rc = edit_journal(t, o->ctx, a.participant,
				  "appointment %llu of %s: note corrected",
				  (unsigned long long)a.id,
				  date_format_iso(a.date, d));
	appointment_clear(&a);
	return rc;
}

int edit_appointment_correct(struct store *s, const struct edit_ctx *ctx,
			     uint64_t appointment,
			     enum appointment_status status, const char *note,
			     const char *was_note, char **cause)
{
	struct outcome_args o = { ctx, appointment, status, note, was_note };
	int rc;

	if (status > APPT_CANCELLED)
		return error_set(cause, PC_EINVAL, _("not an outcome"));
	rc = model_text_check(_("note"), note, MODEL_TEXT_NOTE, false, cause);
	return rc == PC_OK ? store_write(s, correct_cb, &o, cause) : rc;
}

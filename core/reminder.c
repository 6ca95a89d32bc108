/* reminder.c: the appointments to remind, and their messages. */
#include "reminder.h"
#include "error.h"
#include "i18n.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pdate reminder_until(pdate today, int days)
{
	pdate d = today;

	for (int found = 0; found < days;)
		found += date_working_day(++d);
	return d;
}

enum phone_kind reminder_phone(const char *in, char out[PHONE_BUFSZ])
{
	char digits[16]; /* 15 digits at most, E.164 */
	size_t n = 0;
	bool plus = false;

	out[0] = '\0';
	if (in == NULL)
		return PHONE_NONE;
	for (const char *s = in; *s; s++) {
		if (*s == '+' && n == 0 && !plus)
			plus = true;
		else if (*s >= '0' && *s <= '9' && n + 1 < sizeof digits)
			digits[n++] = *s;
		else if (*s >= '0' && *s <= '9')
			return PHONE_INVALID; /* too long */
		else if (strchr(" .-()/", *s) == NULL)
			return PHONE_INVALID;
	}
	digits[n] = '\0';
	if (n == 0)
		return plus ? PHONE_INVALID : PHONE_NONE;
	/* 0033 6 ...: the international prefix typed out. */
	if (!plus && n > 2 && digits[0] == '0' && digits[1] == '0') {
		memmove(digits, digits + 2, n - 1);
		n -= 2;
		plus = true;
	}
	if (!plus) {
		if (n != 10 || digits[0] != '0' || digits[1] == '0')
			return PHONE_INVALID;
		snprintf(out, PHONE_BUFSZ, "+33%s", digits + 1);
	} else if (strncmp(digits, "33", 2) == 0) {
		/* +33 0 6...: the 0 of the French form kept by habit. */
		const char *national = digits + 2;

		if (*national == '0')
			national++;
		if (strlen(national) != 9 || *national == '0')
			return PHONE_INVALID;
		snprintf(out, PHONE_BUFSZ, "+33%s", national);
	} else {
		if (n < 8 || n > 15 || digits[0] == '0')
			return PHONE_INVALID;
		snprintf(out, PHONE_BUFSZ, "+%s", digits);
		return PHONE_ABROAD;
	}
	return out[3] == '6' || out[3] == '7' ? PHONE_MOBILE : PHONE_LANDLINE;
}

int reminder_text(const struct config *c, const struct participant *p,
		  const struct appointment *a, char **message, char **subject,
		  char **cause)
{
	static const char *const modes[] = { "en présence", "par téléphone",
					     "en visio" };
	const struct config_appt_kind *k = config_appt_kind(c, a->kind);
	char date[DATE_WORDS_BUFSZ], time[16] = "", when[64], contact[80] = "";
	/* The number to call back: the referent's own when the configuration
	 * is theirs, else the PLIE's. */
	const char *phone =
		c->referent != NULL && p->referent != NULL &&
				strcmp(c->referent, p->referent) == 0 &&
				c->referent_phone != NULL
			? c->referent_phone
			: c->plie_phone;
	const char *text = k != NULL && k->reminder != NULL
				   ? k->reminder
				   : c->reminder_message;
	const char *what = k != NULL && k->reminder != NULL
				   ? "appointment_kinds.reminder"
				   : "reminders.message";
	int rc;

	date_format_words_fr(a->date, false, date);
	if (a->minute != APPT_NO_TIME) {
		if (a->minute % 60)
			snprintf(time, sizeof time, "%d h %02d", a->minute / 60,
				 a->minute % 60);
		else
			snprintf(time, sizeof time, "%d h", a->minute / 60);
	}
	snprintf(when, sizeof when, "%s%s%s", date, time[0] ? " à " : "", time);
	if (phone != NULL && *phone != '\0')
		snprintf(contact, sizeof contact, " au %s", phone);
	{
		const struct template_value vars[] = {
			{ "first_name", p->first_name },
			{ "last_name", p->last_name },
			{ "when", when },
			{ "date", date },
			{ "time", time },
			{ "kind", k != NULL ? k->label : a->kind },
			{ "mode", (unsigned)a->mode <= MODE_VIDEO
					  ? modes[a->mode]
					  : "" },
			{ "referent", p->referent },
			{ "contact", contact },
			{ "plie",
			  c->plie_name != NULL ? c->plie_name : "Le PLIE" },
		};
		size_t nv = sizeof vars / sizeof *vars;

		*message = *subject = NULL;
		rc = template_render(text ? text : "", text ? strlen(text) : 0,
				     TEMPLATE_TEXT, vars, nv, message, NULL,
				     cause);
		if (rc == PC_OK && c->reminder_subject != NULL &&
		    (rc = template_render(c->reminder_subject,
					  strlen(c->reminder_subject),
					  TEMPLATE_TEXT, vars, nv, subject,
					  NULL, cause)) != PC_OK)
			what = "reminders.subject";
	}
	if (rc == PC_EINVAL && cause != NULL && *cause != NULL) {
		char *said = *cause;

		*cause = NULL;
		error_set(cause, rc, "%s: %s", what, said);
		free(said);
	}
	if (rc != PC_OK) {
		free(*message);
		*message = NULL;
	}
	return rc;
}

bool reminder_due(const struct participant *p, const struct appointment *a)
{
	bool gone = p->status == STATUS_EXITED &&
		    !participant_exit_pending(p) && p->exit_date != DATE_NONE;

	return a->status == APPT_PLANNED && a->reminded == DATE_NONE &&
	       !(gone && a->date > p->exit_date);
}

/* Appointment `id` into r when it is to remind: planned, not reminded,
 * of `referent`'s participant. *keep false otherwise. */
static int take(struct store_txn *t, const struct config *c,
		const char *referent, uint64_t id, struct reminder *r,
		bool *keep, char **cause)
{
	int rc = store_appointment_get(t, id, &r->a);

	*keep = false;
	if (rc == PC_ENOTFOUND || rc == PC_ECORRUPT)
		return PC_OK; /* check reports a broken index */
	if (rc != PC_OK)
		return rc;
	if (r->a.status != APPT_PLANNED || r->a.reminded != DATE_NONE) {
		appointment_clear(&r->a);
		return PC_OK;
	}
	rc = store_participant_get(t, r->a.participant, &r->p);
	if (rc == PC_ENOTFOUND || rc == PC_ECORRUPT) {
		appointment_clear(&r->a);
		return PC_OK;
	}
	if (rc == PC_OK &&
	    (!reminder_due(&r->p, &r->a) ||
	     (referent != NULL && (r->p.referent == NULL ||
				   strcmp(r->p.referent, referent) != 0)))) {
		participant_clear(&r->p);
		appointment_clear(&r->a);
		return PC_OK;
	}
	if (rc == PC_OK)
		rc = reminder_text(c, &r->p, &r->a, &r->message, &r->subject,
				   cause);
	if (rc != PC_OK) {
		participant_clear(&r->p);
		appointment_clear(&r->a);
		return rc;
	}
	r->phone_kind = reminder_phone(r->p.phone, r->phone);
	*keep = true;
	return PC_OK;
}

static int by_when(const void *x, const void *y)
{
	const struct appointment *a = &((const struct reminder *)x)->a;
	const struct appointment *b = &((const struct reminder *)y)->a;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minute != b->minute)
		return a->minute < b->minute ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Reminders read between two releases of the mapped pages: each reads
 * an appointment and a participant anywhere in the database. */
#define RELEASE_EVERY 32

/* reminders_list_txn, releasing the pages of store s as it goes when s
 * is not NULL (a read transaction's). */
static int list(struct store *s, struct store_txn *t, const struct config *c,
		const char *referent, pdate today, int days,
		struct reminder **out, size_t *n, char **cause)
{
	uint64_t *ids = NULL;
	size_t n_ids = 0, kept = 0;
	struct reminder *r = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	rc = store_planned_between(t, today + 1, reminder_until(today, days),
				   &ids, &n_ids);
	if (rc == PC_OK && n_ids > 0 && (r = calloc(n_ids, sizeof *r)) == NULL)
		rc = PC_ENOMEM;
	for (size_t i = 0; rc == PC_OK && i < n_ids; i++) {
		bool keep;

		/* What was read stays valid: the pages can go. */
		if (s != NULL && i > 0 && i % RELEASE_EVERY == 0)
			store_release_pages(s);
		participant_init(&r[kept].p);
		appointment_init(&r[kept].a);
		rc = take(t, c, referent, ids[i], &r[kept], &keep, cause);
		kept += rc == PC_OK && keep;
	}
	free(ids);
	if (s != NULL && n_ids > RELEASE_EVERY)
		store_release_pages(s);
	if (rc != PC_OK) {
		reminders_free(r, kept);
		return rc;
	}
	if (kept > 1)
		qsort(r, kept, sizeof *r, by_when);
	*out = r;
	*n = kept;
	return PC_OK;
}

int reminders_list_txn(struct store_txn *t, const struct config *c,
		       const char *referent, pdate today, int days,
		       struct reminder **out, size_t *n, char **cause)
{
	return list(NULL, t, c, referent, today, days, out, n, cause);
}

int reminders_list(struct store *s, const struct config *c,
		   const char *referent, pdate today, int days,
		   struct reminder **out, size_t *n, char **cause)
{
	struct store_txn *t = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	rc = store_read_begin(s, &t, cause);
	if (rc == PC_OK)
		rc = list(s, t, c, referent, today, days, out, n, cause);
	store_read_end(&t);
	return rc;
}

void reminders_free(struct reminder *r, size_t n)
{
	for (size_t i = 0; r != NULL && i < n; i++) {
		participant_clear(&r[i].p);
		appointment_clear(&r[i].a);
		free(r[i].message);
		free(r[i].subject);
	}
	free(r);
}

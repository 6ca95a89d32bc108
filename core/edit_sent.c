/* edit_sent.c: what left parcours for a participant, recorded: a letter
 * made from a template, a reminder given. parcours sends nothing itself;
 * these say that a person did, so that it shows beside the appointment
 * and is not done twice. */
#include "edit_internal.h"
#include "error.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

struct sent_args {
	const struct edit_ctx *ctx;
	uint64_t pid;
	uint64_t appt; /* 0: a letter about no appointment */
	const char *letter;
	enum remind_how how;
};

/* Appointment a->appt into *ap, refused when it is not the
 * participant's. */
static int load_appointment(struct store_txn *t, const struct sent_args *a,
			    struct appointment *ap, char **cause)
{
	int rc = store_appointment_get(t, a->appt, ap);

	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("no appointment %llu"),
				 (unsigned long long)a->appt);
	if (rc == PC_OK && ap->participant != a->pid) {
		appointment_clear(ap);
		return error_set(
			cause, PC_EINVAL,
			_("appointment %llu is not this participant's"),
			(unsigned long long)a->appt);
	}
	return rc;
}

static int letter_cb(struct store_txn *t, void *arg, char **cause)
{
	struct sent_args *a = arg;
	struct participant p;
	struct appointment ap;
	char *name;
	int rc = edit_load(t, a->pid, &p, cause);

	participant_clear(&p);
	if (rc != PC_OK)
		return rc;
	if (a->appt == 0)
		return edit_journal(t, a->ctx, a->pid, "letter %s made",
				    a->letter);
	rc = load_appointment(t, a, &ap, cause);
	if (rc != PC_OK)
		return rc;
	if ((name = strdup(a->letter)) == NULL) {
		appointment_clear(&ap);
		return PC_ENOMEM;
	}
	free(ap.letter);
	ap.letter = name;
	ap.letter_date = a->ctx->today;
	rc = store_appointment_update(t, &ap);
	appointment_clear(&ap);
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid,
				  "letter %s made for appointment %llu",
				  a->letter, (unsigned long long)a->appt);
	return rc;
}

int edit_letter_made(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, uint64_t appt, const char *letter,
		     char **cause)
{
	struct sent_args a = { ctx, participant, appt, letter, REMIND_CALL };
	int rc = model_text_check(_("template"), letter, MODEL_TEXT_LINE, true,
				  cause);

	return rc == PC_OK ? store_write(s, letter_cb, &a, cause) : rc;
}

struct batch_args {
	const struct edit_ctx *ctx;
	const struct edit_letter *v;
	size_t n;
	const char *letter;
};

static int letters_cb(struct store_txn *t, void *arg, char **cause)
{
	struct batch_args *b = arg;
	int rc = PC_OK;

	for (size_t i = 0; i < b->n && rc == PC_OK; i++) {
		struct sent_args a = { b->ctx, b->v[i].participant,
				       b->v[i].appt, b->letter, REMIND_CALL };

		rc = letter_cb(t, &a, cause);
		if (rc != PC_OK && cause != NULL && *cause != NULL) {
			char *said = *cause;

			*cause = NULL;
			error_set(cause, rc, _("participant %llu: %s"),
				  (unsigned long long)a.pid, said);
			free(said);
		}
	}
	return rc;
}

int edit_letters_made(struct store *s, const struct edit_ctx *ctx,
		      const struct edit_letter *v, size_t n, const char *letter,
		      char **cause)
{
	struct batch_args b = { ctx, v, n, letter };
	int rc = model_text_check(_("template"), letter, MODEL_TEXT_LINE, true,
				  cause);

	return rc == PC_OK ? store_write(s, letters_cb, &b, cause) : rc;
}

static int reminded_cb(struct store_txn *t, void *arg, char **cause)
{
	struct sent_args *a = arg;
	struct appointment ap;
	int rc = load_appointment(t, a, &ap, cause);

	if (rc != PC_OK)
		return rc;
	if (ap.status != APPT_PLANNED)
		rc = error_set(cause, PC_EINVAL, "%s",
			       _("only a planned appointment is reminded"));
	if (rc == PC_OK) {
		ap.reminded = a->ctx->today;
		ap.reminded_how = a->how;
		rc = store_appointment_update(t, &ap);
	}
	if (rc == PC_OK)
		rc = edit_journal(t, a->ctx, a->pid,
				  "appointment %llu reminded by %s",
				  (unsigned long long)a->appt,
				  model_enum_name(ENUM_REMIND, (int)a->how));
	appointment_clear(&ap);
	return rc;
}

int edit_reminded_txn(struct store_txn *t, const struct edit_ctx *ctx,
		      uint64_t participant, uint64_t appt, enum remind_how how,
		      char **cause)
{
	struct sent_args a = { ctx, participant, appt, NULL, how };

	if ((unsigned)how > REMIND_EMAIL)
		return error_set(cause, PC_EINVAL, "%s",
				 _("reminded how: call, SMS or email"));
	return reminded_cb(t, &a, cause);
}

int edit_appointment_reminded(struct store *s, const struct edit_ctx *ctx,
			      uint64_t appt, enum remind_how how, char **cause)
{
	struct sent_args a = { ctx, 0, appt, NULL, how };
	struct store_txn *t = NULL;
	struct appointment ap;
	int rc;

	if ((unsigned)how > REMIND_EMAIL)
		return error_set(cause, PC_EINVAL, "%s",
				 _("reminded how: call, SMS or email"));
	/* Whose it is, to check it against in the transaction. */
	rc = store_read_begin(s, &t, cause);
	if (rc == PC_OK)
		rc = store_appointment_get(t, appt, &ap);
	store_read_end(&t);
	if (rc == PC_ENOTFOUND)
		return error_set(cause, rc, _("no appointment %llu"),
				 (unsigned long long)appt);
	if (rc != PC_OK)
		return rc;
	a.pid = ap.participant;
	appointment_clear(&ap);
	return store_write(s, reminded_cb, &a, cause);
}

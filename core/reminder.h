/* reminder.h: the appointments to remind in the next working days, and
 * what to tell each participant. parcours sends nothing: the referent
 * calls, or gives the list to the PLIE's SMS or mailing tool. */
#ifndef PARCOURS_REMINDER_H
#define PARCOURS_REMINDER_H

#include "config.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>

/* The last day the reminders of `today` cover: the `days`-th working day
 * after today (date_working_day). */
pdate reminder_until(pdate today, int days);

/* What a phone number is, written in the international form. */
enum phone_kind {
	PHONE_NONE,	/* no number */
	PHONE_INVALID,	/* not a number parcours can write (*out empty) */
	PHONE_MOBILE,	/* French mobile: +336..., +337... */
	PHONE_LANDLINE, /* another French number: no SMS */
	PHONE_ABROAD,	/* written with its own country code */
};

/* Room for a number in the international form, NUL included. */
#define PHONE_BUFSZ 20

/*
 * `in` as typed ("06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78",
 * "0033612345678") in the international form into out ("+33612345678"):
 * spaces, dots, dashes and brackets ignored; a French number is ten digits
 * from a 0, or 9 after +33 / 0033; another country's keeps its +code
 * (8 to 15 digits in all). Anything else is PHONE_INVALID.
 */
enum phone_kind reminder_phone(const char *in, char out[PHONE_BUFSZ]);

/* Whether appointment a of participant p is to remind: planned, not
 * reminded yet, and not after the participant left the PLIE (the
 * calendar shows such an appointment cancelled; an exit waiting for
 * its validation at hiring has not happened yet). */
bool reminder_due(const struct participant *p, const struct appointment *a);

/* One appointment to remind. */
struct reminder {
	struct participant p; /* owned */
	struct appointment a; /* owned */
	char phone[PHONE_BUFSZ];
	enum phone_kind phone_kind;
	char *message; /* owned: the text of the reminder */
	char *subject; /* owned: an email's subject */
};

/*
 * Fill the message and subject of appointment `a` of `p` from the
 * configuration (the kind's own message, else reminders.message), in
 * French as the participant reads it. PC_EINVAL with "reminders.message:
 * line N: unknown placeholder {{x}}" (or the kind's) in *cause; PC_ENOMEM.
 */
int reminder_text(const struct config *c, const struct participant *p,
		  const struct appointment *a, char **message, char **subject,
		  char **cause);

/*
 * The planned appointments from tomorrow to reminder_until(today, days)
 * of `referent`'s participants (NULL: everyone's), not reminded yet, by
 * date and time, into a malloc'd array (*n; free with reminders_free).
 * Store codes, PC_EINVAL (a message that does not fill in), PC_ENOMEM.
 */
int reminders_list(struct store *s, const struct config *c,
		   const char *referent, pdate today, int days,
		   struct reminder **out, size_t *n, char **cause);

/* The same inside transaction t (a read or a write one). */
int reminders_list_txn(struct store_txn *t, const struct config *c,
		       const char *referent, pdate today, int days,
		       struct reminder **out, size_t *n, char **cause);

/* Free what reminders_list gave; NULL is accepted. */
void reminders_free(struct reminder *r, size_t n);

#endif

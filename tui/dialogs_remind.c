/* dialogs_remind.c: remind a participant of an appointment: the number to
 * call, the message to send, then how it was done, recorded. */
#include "dialogs.h"
#include "edit.h"
#include "error.h"
#include "format.h"
#include "i18n.h"
#include "reminder.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dialog_remind(struct tui *t, const struct caseload_entry *e, size_t appt)
{
	enum remind_how hows[3];
	size_t n_items = 0;
	const struct participant *p = &e->file.p;
	const struct appointment *a;
	const char *items[3];
	char phone[PHONE_BUFSZ], dial[48], name[256], d[DATE_BUFSZ], hm[16];
	char title[400], *text = NULL, *message = NULL, *subject = NULL;
	char *cause = NULL;
	enum phone_kind kind;
	int rc, chosen;

	if (appt >= e->file.n_appts) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("No appointment selected."));
		return;
	}
	a = &e->file.appts[appt];
	if (a->status != APPT_PLANNED || a->date < t->today) {
		tui_message(t, STYLE_ERROR, "%s",
			    _("Only an appointment to come is reminded."));
		return;
	}
	rc = reminder_text(t->config, p, a, &message, &subject, &cause);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return;
	}
	kind = reminder_phone(p->phone, phone);
	/* A French number as it is dialled, 06 12 34 56 78. */
	if (kind == PHONE_MOBILE || kind == PHONE_LANDLINE) {
		const char *n = phone + 3;

		snprintf(dial, sizeof dial, "0%c %.2s %.2s %.2s %.2s (%s)",
			 n[0], n + 1, n + 3, n + 5, n + 7, phone);
	} else {
		snprintf(dial, sizeof dial, "%s", phone);
	}
	/* What to dial or write to, then the words to say or send. */
	if (asprintf(&text, "%s%s%s%s%s\n\n%s",
		     kind == PHONE_NONE ? _("no phone") : dial,
		     kind == PHONE_LANDLINE  ? _(" (a landline: no SMS)")
		     : kind == PHONE_INVALID ? p->phone
					     : "",
		     p->email != NULL ? " · " : "",
		     p->email != NULL ? p->email : "",
		     a->reminded != DATE_NONE ? _(" · reminded already") : "",
		     message) < 0)
		text = NULL;
	format_name(p, name, sizeof name);
	format_time(a->minute, hm, sizeof hm);
	snprintf(title, sizeof title, _("Remind %s of %s %s"), name,
		 cli_date(a->date, d), hm);
	/* Only the ways this person can be reached: an SMS to a mobile, an
	 * email to an address. */
	hows[n_items] = REMIND_CALL;
	items[n_items++] = _("Called: reminded by phone");
	if (kind == PHONE_MOBILE || kind == PHONE_ABROAD) {
		hows[n_items] = REMIND_SMS;
		items[n_items++] = _("SMS sent");
	}
	if (p->email != NULL && *p->email != '\0') {
		hows[n_items] = REMIND_EMAIL;
		items[n_items++] = _("Email sent");
	}
	if (n_items == 1) {
		/* dialog_choose asks between two at least. */
		hows[n_items] = REMIND_CALL;
		items[n_items++] = _("Left a message by phone");
	}
	chosen = text != NULL ? dialog_choose(t, title, text, items, n_items)
			      : -1;
	if (text == NULL)
		tui_fail(t, PC_ENOMEM, NULL);
	if (chosen >= 0) {
		uint64_t pid = p->id;

		rc = edit_appointment_reminded(t->store, &t->ctx, a->id,
					       hows[chosen], &cause);
		if (rc != PC_OK) {
			tui_fail(t, rc, cause);
		} else {
			tui_refresh_participant(t, pid);
			tui_message(t, STYLE_OK, _("%s: reminder recorded."),
				    name);
		}
	}
	free(text);
	free(message);
	free(subject);
}

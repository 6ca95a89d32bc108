/* dialogs_letter.c: l, a letter from a template for the participant or
 * the appointment on screen, written to a file and recorded. */
#include "dialogs.h"
#include "error.h"
#include "form_dialog.h"
#include "i18n.h"
#include "letter.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct letter_form {
	const struct letter_doc *doc;
};

static bool letter_submit(struct tui *t, struct form_field *f, size_t n,
			  void *arg, char *message, size_t msize)
{
	struct letter_form *lf = arg;
	char *cause = NULL;

	(void)n;
	if (cli_inside_database(t->cli, f[0].text)) {
		snprintf(f[0].error, sizeof f[0].error, "%s",
			 _("inside the database directory; write it "
			   "elsewhere"));
		return false;
	}
	if (!dialog_warn_overwrite(t, f[0].text, message, msize))
		return false;
	return form_edited(
		letter_save(f[0].text, lf->doc->text, lf->doc->len, &cause),
		&cause, message, msize);
}

/* True when appointment `id` of e was missed. */
static bool missed_appt(const struct caseload_entry *e, uint64_t id)
{
	for (size_t i = 0; i < e->file.n_appts; i++)
		if (e->file.appts[i].id == id)
			return e->file.appts[i].status == APPT_MISSED;
	return false;
}

/* ~/FILE */
static char *default_path(const char *file)
{
	const char *home = getenv("HOME");
	char *p;

	if (asprintf(&p, "%s/%s", home && *home ? home : ".", file) < 0)
		return NULL;
	return p;
}

void dialog_letter(struct tui *t, const struct caseload_entry *e, uint64_t appt)
{
	struct letter_list l = { 0 };
	struct letter_doc doc = { 0 };
	const char **items = NULL;
	const struct letter_template *tpl;
	size_t choice = 0;
	bool about_appt = false, missed = false;
	uint64_t pid = e->file.p.id;
	/* Read before any dialog: the caseload may be read again under
	 * it, and `e` with it. */
	bool appt_missed = missed_appt(e, appt);
	char *cause = NULL, *name = NULL;
	int rc = letter_list_find(t->cli->templates_user,
				  t->cli->templates_shipped, &l, &cause);

	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		return;
	}
	if (l.n == 0) {
		tui_message(t, STYLE_ERROR, _("No letter template in %s."),
			    t->cli->templates_shipped);
		letter_list_free(&l);
		return;
	}
	if ((items = calloc(l.n, sizeof *items)) == NULL) {
		letter_list_free(&l);
		tui_fail(t, PC_ENOMEM, NULL);
		return;
	}
	for (size_t i = 0; i < l.n; i++)
		items[i] = l.v[i].file;
	if (!form_dialog_pick(t, _("Letter from a template"), items, l.n,
			      &choice) ||
	    choice >= l.n)
		goto out;
	tpl = &l.v[choice];
	rc = letter_check(tpl, NULL, NULL, &about_appt, &missed, &cause);
	/* The appointment selected, when the template is about one (a
	 * re-invitation: a missed one); else the one it calls for. */
	if (!about_appt && !(missed && appt_missed))
		appt = 0;
	if (rc == PC_OK)
		rc = letter_make(t->store, t->config, tpl, pid, appt, t->today,
				 &doc, &cause);
	if (rc != PC_OK) {
		tui_fail(t, rc, cause);
		goto out;
	}
	{
		struct letter_form lf = { &doc };
		struct form_field f[] = {
			{ .label = _("File"),
			  .kind = FIELD_TEXT,
			  .required = true,
			  .text = default_path(doc.file) },
		};
		char title[200];

		snprintf(title, sizeof title, _("Write the letter %s"),
			 tpl->file);
		if (!form_dialog_run(t, title, f, 1, letter_submit, &lf)) {
			form_fields_free(f, 1);
			goto out;
		}
		name = letter_name(tpl);
		rc = name ? edit_letter_made(t->store, &t->ctx, pid, doc.appt,
					     name, &cause)
			  : PC_ENOMEM;
		if (rc != PC_OK) {
			tui_message(t, STYLE_ERROR,
				    _("Letter written to %s, but not recorded: "
				      "%s"),
				    f[0].text,
				    cause ? cause : error_string(rc));
			free(cause);
		} else {
			tui_refresh_participant(t, pid);
			tui_message(t, STYLE_OK, _("Letter written to %s."),
				    f[0].text);
		}
		form_fields_free(f, 1);
	}
out:
	free(name);
	letter_doc_clear(&doc);
	free(items);
	letter_list_free(&l);
}

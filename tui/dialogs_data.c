/* dialogs_data.c: the dialogs about the data as a whole: export,
 * erasure and purge. */
#include "dialogs.h"
#include "error.h"
#include "export.h"
#include "fold.h"
#include "form_dialog.h"
#include "format.h"
#include "i18n.h"
#include "rights.h"
#include "tui.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- export ---- */

static const char *const export_formats[] = { "csv", "json", "md", "html" };
static const char *const export_names[] = {
	N_("CSV (spreadsheet)"),
	N_("JSON (other tools)"),
	N_("Markdown (to read)"),
	N_("HTML (to print)"),
};
static const char *const yes_no[] = { N_("no"), N_("yes") };

/* ~/parcours-YYYY-MM-DD.EXT */
static char *default_export_path(const struct tui *t, const char *ext)
{
	const char *home = getenv("HOME");
	char date[DATE_BUFSZ], *p;

	date_format_iso(t->today, date);
	if (asprintf(&p, "%s/parcours-%s.%s", home && *home ? home : ".", date,
		     ext) < 0)
		return NULL;
	return p;
}

/* The fields of the export form, in the order it shows them. */
enum { EXPORT_FORMAT, EXPORT_FILE, EXPORT_PSEUDONYMISE };

/* The file's extension follows the format chosen: "x.csv" becomes
 * "x.html" when HTML is picked; a name with another ending is kept. */
static void export_format_changed(struct form_field *f, size_t n, size_t i)
{
	const char *text = f[EXPORT_FILE].text;
	const char *dot = text ? strrchr(text, '.') : NULL;
	char *renamed;

	(void)n;
	if (dot == NULL || strchr(dot, '/') != NULL)
		return;
	for (size_t k = 0; k < COUNT(export_formats); k++) {
		if (strcmp(dot + 1, export_formats[k]) != 0)
			continue;
		if (asprintf(&renamed, "%.*s.%s", (int)(dot - text), text,
			     export_formats[f[i].choice]) >= 0) {
			free(f[EXPORT_FILE].text);
			f[EXPORT_FILE].text = renamed;
		}
		return;
	}
}

static bool export_submit(struct tui *t, struct form_field *f, size_t n,
			  void *arg, char *message, size_t msize)
{
	struct export_options o = {
		.format = (enum export_format)f[EXPORT_FORMAT].choice
	};
	char *cause = NULL;
	int y, m, d;

	(void)n;
	(void)arg;
	o.pseudonymise = f[EXPORT_PSEUDONYMISE].choice == 1;
	if (cli_inside_database(t->cli, f[EXPORT_FILE].text)) {
		snprintf(f[EXPORT_FILE].error, sizeof f[EXPORT_FILE].error,
			 "%s",
			 _("inside the database directory; write it "
			   "elsewhere"));
		return false;
	}
	if (!dialog_warn_overwrite(t, f[EXPORT_FILE].text, message, msize))
		return false;
	/* As the command line writes it: the locale's delimiter, and the
	 * UTF-8 mark French spreadsheets need. */
	o.delimiter = cli_csv_delimiter(t->config);
	o.bom = o.delimiter == ';';
	o.date_pattern = _("YYYY-MM-DD");
	date_to_ymd(t->today, &y, &m, &d);
	return form_edited(export_caseload(t->store, t->config,
					   cli_referent(t->cli), t->today,
					   date_from_ymd(y, 1, 1),
					   date_from_ymd(y, 12, 31), &o,
					   f[EXPORT_FILE].text, NULL, &cause),
			   &cause, message, msize);
}

void dialog_export(struct tui *t)
{
	const char **formats =
		form_translated(export_names, COUNT(export_names));
	const char **yn = form_translated(yes_no, COUNT(yes_no));
	struct form_field f[] = {
		[EXPORT_FORMAT] = { .label = _("Format"),
				    .kind = FIELD_CHOICE,
				    .choices = formats,
				    .n_choices = COUNT(export_names),
				    .changed = export_format_changed },
		[EXPORT_FILE] = { .label = _("File"),
				  .kind = FIELD_TEXT,
				  .required = true,
				  .text = default_export_path(t, "csv") },
		[EXPORT_PSEUDONYMISE] = { .label = _("Pseudonymise"),
					  .kind = FIELD_CHOICE,
					  .choices = yn,
					  .n_choices = COUNT(yes_no) },
	};

	if (formats != NULL && yn != NULL &&
	    form_dialog_run(t, _("Export the caseload summary (this year)"), f,
			    COUNT(f), export_submit, NULL))
		tui_message(t, STYLE_OK, _("Summary written to %s."),
			    f[EXPORT_FILE].text);
	form_fields_free(f, COUNT(f));
	free(formats);
	free(yn);
}

/* ---- erasure and purge ---- */

/* Erasure needs the database alone: let go of ours, erase, take it back. */
static int with_store_released(struct tui *t,
			       int (*fn)(struct tui *, void *, char **),
			       void *arg, char **cause)
{
	int status = EXIT_OK, rc;

	store_close(&t->cli->store);
	t->store = NULL;
	rc = fn(t, arg, cause);
	t->store = cli_store(t->cli, &status);
	if (t->store == NULL) {
		/* Reported on stderr by cli_store; nothing more can be done
		 * here than to stop. */
		endwin();
		exit(status);
	}
	tui_reload(t);
	return rc;
}

struct erase_ctx {
	uint64_t pid;
	char *name_key; /* the last name, folded, to type back */
	pdate before;
	size_t erased, held;
};

static int erase_now(struct tui *t, void *arg, char **cause)
{
	struct erase_ctx *x = arg;

	return rights_erase(t->cli->db_dir, &t->ctx, x->pid, false, cause);
}

/* The fields of the erase form, in the order it shows them. */
enum { ERASE_LAST_NAME };

static bool erase_submit(struct tui *t, struct form_field *f, size_t n,
			 void *arg, char *message, size_t msize)
{
	struct erase_ctx *x = arg;
	char *typed = fold_key(f[ERASE_LAST_NAME].text), *cause = NULL;
	bool same = typed != NULL && strcmp(typed, x->name_key) == 0;
	int rc;

	(void)n;
	free(typed);
	if (!same) {
		snprintf(f[ERASE_LAST_NAME].error,
			 sizeof f[ERASE_LAST_NAME].error, "%s",
			 _("type the last name exactly to confirm"));
		return false;
	}
	rc = with_store_released(t, erase_now, x, &cause);
	return form_edited(rc, &cause, message, msize);
}

void dialog_erase(struct tui *t, const struct caseload_entry *e)
{
	struct erase_ctx x = { .pid = e->file.p.id,
			       .name_key = fold_key(e->file.p.last_name) };
	struct form_field f[] = {
		[ERASE_LAST_NAME] = { .label = _("Last name"),
				      .kind = FIELD_TEXT,
				      .required = true },
	};
	/* Enter erases: the hint says so, not "save". */
	const struct form_options o = { .save = _("erase") };
	char title[400], name[256];

	format_name(&e->file.p, name, sizeof name);
	snprintf(title, sizeof title,
		 _("Erase %s and every trace of them? Type the last name"),
		 name);
	if (x.name_key != NULL &&
	    form_dialog_run_with(t, title, f, COUNT(f), erase_submit, &x, &o)) {
		tui_message(t, STYLE_OK, _("%s erased."), name);
	}
	form_fields_free(f, COUNT(f));
	free(x.name_key);
}

static int purge_now(struct tui *t, void *arg, char **cause)
{
	struct erase_ctx *x = arg;

	return rights_purge(t->cli->db_dir, &t->ctx, x->before, false,
			    &x->erased, &x->held, cause);
}

/* The fields of the purge form, in the order it shows them. */
enum { PURGE_BEFORE, PURGE_WORD };

static bool purge_submit(struct tui *t, struct form_field *f, size_t n,
			 void *arg, char *message, size_t msize)
{
	struct erase_ctx *x = arg;
	char *typed = fold_key(f[PURGE_WORD].text),
	     *word = fold_key(_("purge")), *cause = NULL;
	bool same = typed && word && strcmp(typed, word) == 0;

	(void)n;
	free(typed);
	free(word);
	if (!same) {
		snprintf(f[PURGE_WORD].error, sizeof f[PURGE_WORD].error,
			 _("type '%s' to confirm"), _("purge"));
		return false;
	}
	x->before = f[PURGE_BEFORE].date;
	return form_edited(with_store_released(t, purge_now, x, &cause), &cause,
			   message, msize);
}

void dialog_purge(struct tui *t)
{
	struct erase_ctx x = { 0 };
	char *word = NULL, label[128];
	struct form_field f[] = {
		[PURGE_BEFORE] = { .label = _("Left before"),
				   .kind = FIELD_DATE,
				   .required = true,
				   .width = 12,
				   .text = form_date_text(
					   date_add_months(t->today, -24)) },
		[PURGE_WORD] = { .label = label,
				 .kind = FIELD_TEXT,
				 .required = true },
	};

	const struct form_options o = { .save = _("erase") };

	snprintf(label, sizeof label, _("Type '%s'"), _("purge"));
	if (form_dialog_run_with(t,
				 _("Erase everyone who left before the date "
				   "(legal holds kept)"),
				 f, COUNT(f), purge_submit, &x, &o))
		tui_message(t, STYLE_OK,
			    _("%zu participants erased, %zu kept under a legal "
			      "hold."),
			    x.erased, x.held);
	form_fields_free(f, COUNT(f));
	free(word);
}

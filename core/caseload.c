/* caseload.c: load a caseload and evaluate it in one read transaction. */
#include "caseload.h"
#include "error.h"
#include "i18n.h"
#include "fold.h"
#include "fse.h"
#include "store_file.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

int caseload_compare_name(const struct caseload_entry *a,
			  const struct caseload_entry *b)
{
	int r = strcmp(a->name_key ? a->name_key : "",
		       b->name_key ? b->name_key : "");

	if (r == 0)
		r = a->file.p.id < b->file.p.id ? -1
						: a->file.p.id > b->file.p.id;
	return r;
}

bool caseload_name_matches(const struct caseload_entry *e,
			   const char *folded_needle)
{
	return (e->name_key && fold_contains(e->name_key, folded_needle)) ||
	       (e->name_key_rev &&
		fold_contains(e->name_key_rev, folded_needle));
}

static int cmp_entry(const void *x, const void *y)
{
	const struct caseload_entry *a = x, *b = y;
	int r = rules_compare_urgency(&a->summary, &b->summary);

	return r != 0 ? r : caseload_compare_name(a, b);
}

/* fold_key of "a b"; NULL when out of memory. */
static char *fold_pair(const char *a, const char *b)
{
	size_t n = strlen(a ? a : "") + strlen(b ? b : "") + 2;
	char *joined = malloc(n), *key;

	if (joined == NULL)
		return NULL;
	snprintf(joined, n, "%s %s", a ? a : "", b ? b : "");
	key = fold_key(joined);
	free(joined);
	return key;
}

int caseload_entry_set(struct caseload_entry *e, const struct config *c,
		       struct participant_file *file, pdate today)
{
	int rc = caseload_entry_set_sortable(e, c, file, today);

	if (rc != PC_OK)
		return rc;
	e->name_key_rev = fold_pair(e->file.p.first_name, e->file.p.last_name);
	if (e->name_key_rev == NULL) {
		caseload_entry_clear(e);
		return PC_ENOMEM;
	}
	return PC_OK;
}

int caseload_entry_set_sortable(struct caseload_entry *e,
				const struct config *c,
				struct participant_file *file, pdate today)
{
	memset(e, 0, sizeof *e);
	e->file = *file;
	memset(file, 0, sizeof *file);
	participant_init(&file->p);
	e->name_key = fold_pair(e->file.p.last_name, e->file.p.first_name);
	if (e->name_key == NULL) {
		caseload_entry_clear(e);
		return PC_ENOMEM;
	}
	if (config_stage(c, e->file.p.stage, &e->stage_index) == NULL)
		e->stage_index = CASELOAD_NO_STAGE;
	rules_evaluate(c, &e->file, today, &e->summary);
	return PC_OK;
}

void caseload_entry_clear(struct caseload_entry *e)
{
	participant_file_clear(&e->file);
	free(e->name_key);
	free(e->name_key_rev);
	e->name_key = e->name_key_rev = NULL;
}

/* Free what the rules have read and a summary does not show: the
 * stage moves, appointments and notes (the jobs stay, for follow-ups). */
static void drop_history(struct participant_file *f)
{
	for (size_t i = 0; i < f->n_moves; i++)
		stage_move_clear(&f->moves[i]);
	for (size_t i = 0; i < f->n_appts; i++)
		appointment_clear(&f->appts[i]);
	for (size_t i = 0; i < f->n_notes; i++)
		note_clear(&f->notes[i]);
	free(f->moves);
	free(f->appts);
	free(f->notes);
	f->moves = NULL;
	f->appts = NULL;
	f->notes = NULL;
	f->n_moves = f->n_appts = f->n_notes = 0;
}

/* Taken over by caseload_load: entries appended, grown by doubling. */
struct collect {
	struct caseload *out;
	size_t cap;
};

static int collect(struct caseload_entry *e, void *arg)
{
	struct collect *k = arg;
	struct caseload *out = k->out;

	if (out->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 64;
		struct caseload_entry *grown =
			realloc(out->entries, cap * sizeof *grown);

		if (grown == NULL)
			return PC_ENOMEM;
		out->entries = grown;
		k->cap = cap;
	}
	out->entries[out->n] = *e;
	memset(e, 0, sizeof *e);
	participant_init(&e->file.p);
	if (out->entries[out->n].stage_index == CASELOAD_NO_STAGE)
		out->n_unknown_stage++;
	out->n++;
	return PC_OK;
}

static int load(struct store *s, const struct config *c, const char *referent,
		bool include_exited, pdate today, bool light,
		struct caseload *out, char **cause)
{
	struct collect k = { .out = out };
	int rc;

	memset(out, 0, sizeof *out);
	rc = caseload_each(s, c, referent, include_exited, today, light,
			   collect, &k, &out->n_corrupt, cause);
	if (rc != PC_OK) {
		caseload_free(out);
		return rc;
	}
	if (out->n > 1)
		qsort(out->entries, out->n, sizeof *out->entries, cmp_entry);
	return PC_OK;
}

int caseload_load(struct store *s, const struct config *c, const char *referent,
		  bool include_exited, pdate today, struct caseload *out,
		  char **cause)
{
	return load(s, c, referent, include_exited, today, false, out, cause);
}

int caseload_load_summaries(struct store *s, const struct config *c,
			    const char *referent, bool include_exited,
			    pdate today, struct caseload *out, char **cause)
{
	return load(s, c, referent, include_exited, today, true, out, cause);
}

/* Hand entry e, evaluated from f (taken over), to the visitor; the entry
 * is cleared after unless the visitor took it. */
static int visit_file(const struct config *c, struct participant_file *f,
		      pdate today, bool light, caseload_visit visit, void *arg)
{
	struct caseload_entry e;
	int rc = caseload_entry_set(&e, c, f, today);

	if (rc != PC_OK)
		return rc;
	if (light)
		drop_history(&e.file);
	rc = visit(&e, arg);
	caseload_entry_clear(&e);
	return rc;
}

/* Participants read between two releases of the mapped pages: with the
 * kernel's fault-around, a few hundred files map the whole database. */
#define RELEASE_EVERY 32

int caseload_each(struct store *s, const struct config *c,
		  const char *referent, bool include_exited, pdate today,
		  bool light, caseload_visit visit, void *arg,
		  size_t *n_corrupt, char **cause)
{
	struct store_txn *t = NULL;
	uint64_t *ids = NULL;
	size_t n_ids = 0;
	struct store_file_reader *reader = NULL;
	int rc;

	rc = store_read_begin(s, &t, cause);
	if (rc != PC_OK)
		return rc;
	rc = store_caseload_ids(t, referent, &ids, &n_ids);
	if (rc == PC_OK)
		rc = store_file_reader_new(t, &reader);
	if (rc != PC_OK)
		goto done;
	for (size_t i = 0; i < n_ids; i++) {
		struct participant_file f;
		bool loaded = false;

		/* What was read stays valid: the pages can go. */
		if (i > 0 && i % RELEASE_EVERY == 0)
			store_release_pages(s);
		/* Those who left are most of a file after a few years: their
		 * record alone says whether to read the rest. Left out, or,
		 * for a summary, kept without their history (no rule looks
		 * at it). */
		if (!include_exited || light) {
			struct participant p;
			bool gone = false;

			rc = store_participant_get(t, ids[i], &p);
			if (rc == PC_OK)
				gone = p.status == STATUS_EXITED &&
				       !rules_after_exit(c, &p);
			/* Someone who left with the six-months survey to
			 * ask: whether it was asked is in their survey
			 * records alone. Listed with those who left, their
			 * file is read for the rules to see them. A failed
			 * read here is told by the file's reading below. */
			if (rc == PC_OK && gone &&
			    rules_survey_window(c, &p, today)) {
				pdate asked = DATE_NONE;

				gone = !include_exited &&
				       store_fse_survey_last(t, ids[i],
							     &asked) == PC_OK &&
				       asked >= fse_survey_from(p.exit_date);
			}
			if (gone && include_exited) {
				memset(&f, 0, sizeof f);
				f.p = p; /* taken over by the entry */
				/* Their questionnaires: the funder's
				 * indicators of the summary count them. */
				rc = store_file_read_fse(reader, &f);
				if (rc == PC_ECORRUPT) {
					store_notice(
						s,
						_("participant %llu: corrupt "
						  "record, see `parcours "
						  "check`"),
						(unsigned long long)ids[i]);
					(*n_corrupt)++;
					participant_file_clear(&f);
					rc = PC_OK;
					continue;
				}
				if (rc != PC_OK) {
					participant_file_clear(&f);
					error_set(cause, rc,
						  _("participant %llu: %s"),
						  (unsigned long long)ids[i],
						  error_string(rc));
					goto done;
				}
				rc = visit_file(c, &f, today, false, visit,
						arg);
				if (rc != PC_OK)
					goto done;
				continue;
			}
			if (rc == PC_OK && gone) {
				participant_clear(&p);
				continue;
			}
			if (rc == PC_OK) {
				/* Read once: the rest of the file to it. */
				f.p = p;
				rc = store_file_read(reader, &f, light);
				loaded = true;
			} else {
				rc = PC_OK; /* a corrupt record: told below */
			}
		}
		if (!loaded)
			rc = light ? store_file_load_rules(t, ids[i], &f)
				   : store_file_load(t, ids[i], &f);
		if (rc == PC_ECORRUPT) {
			store_notice(s,
				     _("participant %llu: corrupt record, see "
				       "`parcours check`"),
				     (unsigned long long)ids[i]);
			(*n_corrupt)++;
			rc = PC_OK;
			continue;
		}
		if (rc != PC_OK) {
			error_set(cause, rc, _("participant %llu: %s"),
				  (unsigned long long)ids[i], error_string(rc));
			goto done;
		}
		if (!include_exited && f.p.status == STATUS_EXITED &&
		    !rules_after_exit(c, &f.p) &&
		    !(rules_survey_window(c, &f.p, today) &&
		      !fse_survey_done(&f))) {
			participant_file_clear(&f);
			continue;
		}
		rc = visit_file(c, &f, today, light, visit, arg);
		if (rc != PC_OK)
			goto done;
	}
done:
	store_file_reader_free(&reader);
	free(ids);
	if (n_ids > RELEASE_EVERY)
		store_release_pages(s);
	store_read_end(&t);
	if (rc != PC_OK)
		error_set(cause, rc, "%s: %s", store_path(s), error_string(rc));
	return rc;
}

size_t caseload_current(const struct caseload *cl)
{
	size_t n = 0;

	for (size_t i = 0; i < cl->n; i++)
		n += cl->entries[i].file.p.status != STATUS_EXITED;
	return n;
}

void caseload_free(struct caseload *cl)
{
	if (cl == NULL)
		return;
	for (size_t i = 0; i < cl->n; i++)
		caseload_entry_clear(&cl->entries[i]);
	free(cl->entries);
	memset(cl, 0, sizeof *cl);
}

/* dump.c: write a database as JSON. */
#include "dump.h"
#include "error.h"
#include "i18n.h"
#include "json.h"

#include <stdlib.h>

static void date(FILE *out, pdate d)
{
	char buf[DATE_BUFSZ];

	json_write_string(out, d == DATE_NONE ? NULL : date_format_iso(d, buf));
}

static void name(FILE *out, enum model_enum e, int value)
{
	json_write_string(out, model_enum_name(e, value));
}

/* An answer of the questionnaires: null when not asked. */
static void answer(FILE *out, enum model_enum e, int value)
{
	json_write_string(out, value == 0 ? NULL : model_enum_name(e, value));
}

/* ,\n   "key": */
static void key(FILE *out, const char *k, bool first)
{
	fprintf(out, "%s\"%s\": ", first ? "" : ", ", k);
}

static void participant(FILE *out, const struct participant *p)
{
	fprintf(out, "\"id\": %llu", (unsigned long long)p->id);
	key(out, "last_name", false);
	json_write_string(out, p->last_name);
	key(out, "first_name", false);
	json_write_string(out, p->first_name);
	key(out, "birth_date", false);
	date(out, p->birth_date);
	key(out, "gender", false);
	name(out, ENUM_GENDER, p->gender);
	key(out, "phone", false);
	json_write_string(out, p->phone);
	key(out, "email", false);
	json_write_string(out, p->email);
	key(out, "publics", false);
	json_write_string(out, p->publics);
	key(out, "education", false);
	name(out, ENUM_EDUCATION, p->education);
	key(out, "employment", false);
	name(out, ENUM_EMPLOYMENT, p->employment);
	key(out, "entry_date", false);
	date(out, p->entry_date);
	key(out, "referent", false);
	json_write_string(out, p->referent);
	key(out, "stage", false);
	json_write_string(out, p->stage);
	key(out, "stage_since", false);
	date(out, p->stage_since);
	key(out, "status", false);
	name(out, ENUM_STATUS, p->status);
	fprintf(out, ", \"legal_hold\": %s", p->legal_hold ? "true" : "false");
	key(out, "exit_date", false);
	date(out, p->exit_date);
	key(out, "exit_reason", false);
	json_write_string(out, p->exit_reason);
	fprintf(out, ", \"exit_positive\": %s",
		p->exit_positive ? "true" : "false");
	key(out, "exit_validated", false);
	date(out, p->exit_validated);
	key(out, "exit_hired", false);
	date(out, p->exit_hired);
	key(out, "exit_lost", false);
	date(out, p->exit_lost);
	key(out, "exit_lost_reason", false);
	json_write_string(out, p->exit_lost_reason);
	/* A transfer, only when there was one. */
	if (p->transferred != DATE_NONE) {
		key(out, "transferred", false);
		date(out, p->transferred);
	}
	if (p->origin != NULL) {
		key(out, "origin", false);
		json_write_string(out, p->origin);
	}
}

/* The questionnaires, each list only when it holds something: a dump
 * without them reads as dumps made before them. */
static void fse(FILE *out, const struct participant_file *f)
{
	if (f->n_fse_entries > 0)
		fputs(",\n     \"fse_entries\": [", out);
	for (size_t i = 0; i < f->n_fse_entries; i++) {
		const struct fse_entry *e = &f->fse_entries[i];

		fprintf(out, "%s\n       {\"seq\": %u", i ? "," : "", e->seq);
		key(out, "date", false);
		date(out, e->date);
		key(out, "gender", false);
		answer(out, ENUM_GENDER, e->gender);
		key(out, "labour", false);
		answer(out, ENUM_FSE_LABOUR, e->labour);
		if (e->unemployed_months == FSE_MONTHS_NONE)
			fputs(", \"unemployed_months\": null", out);
		else
			fprintf(out, ", \"unemployed_months\": %d",
				e->unemployed_months);
		key(out, "education", false);
		answer(out, ENUM_EDUCATION, e->education);
		for (int s = 0; s < FSE_SIT_COUNT; s++) {
			key(out, model_enum_name(ENUM_FSE_SITUATION, s), false);
			answer(out, ENUM_FSE_ANSWER, e->situation[s]);
		}
		fputc('}', out);
	}
	if (f->n_fse_entries > 0)
		fputc(']', out);
	if (f->n_fse_exits > 0)
		fputs(",\n     \"fse_exits\": [", out);
	for (size_t i = 0; i < f->n_fse_exits; i++) {
		const struct fse_exit *x = &f->fse_exits[i];
		bool first = true;

		fprintf(out, "%s{\"seq\": %u", i ? ", " : "", x->seq);
		key(out, "date", false);
		date(out, x->date);
		fputs(", \"situations\": [", out);
		for (int b = 0; (1 << b) & FSE_EXIT_ALL; b++) {
			if (x->situations & 1u << b) {
				fputs(first ? "" : ", ", out);
				json_write_string(
					out, model_enum_name(ENUM_FSE_EXIT, b));
				first = false;
			}
		}
		fputs("]}", out);
	}
	if (f->n_fse_exits > 0)
		fputc(']', out);
	if (f->n_fse_surveys > 0)
		fputs(",\n     \"fse_surveys\": [", out);
	for (size_t i = 0; i < f->n_fse_surveys; i++) {
		const struct fse_survey *v = &f->fse_surveys[i];

		fprintf(out, "%s{\"seq\": %u", i ? ", " : "", v->seq);
		key(out, "date", false);
		date(out, v->date);
		key(out, "how", false);
		name(out, ENUM_FSE_CONTACT, v->how);
		fprintf(out,
			", \"reached\": %s, \"employed\": %s, "
			"\"improved\": %s}",
			v->reached ? "true" : "false",
			v->employed ? "true" : "false",
			v->improved ? "true" : "false");
	}
	if (f->n_fse_surveys > 0)
		fputc(']', out);
}

void dump_write_file(FILE *out, const struct participant_file *f)
{
	fputs("    {", out);
	participant(out, &f->p);
	fputs(",\n     \"moves\": [", out);
	for (size_t i = 0; i < f->n_moves; i++) {
		const struct stage_move *m = &f->moves[i];

		fprintf(out, "%s{\"seq\": %u", i ? ", " : "", m->seq);
		key(out, "date", false);
		date(out, m->date);
		key(out, "stage", false);
		json_write_string(out, m->stage);
		key(out, "note", false);
		json_write_string(out, m->note);
		fputc('}', out);
	}
	fputs("],\n     \"appointments\": [", out);
	for (size_t i = 0; i < f->n_appts; i++) {
		const struct appointment *a = &f->appts[i];

		fprintf(out, "%s\n       {\"id\": %llu", i ? "," : "",
			(unsigned long long)a->id);
		key(out, "date", false);
		date(out, a->date);
		if (a->minute == APPT_NO_TIME)
			fputs(", \"minute\": null", out);
		else
			fprintf(out, ", \"minute\": %d", a->minute);
		key(out, "kind", false);
		json_write_string(out, a->kind);
		key(out, "mode", false);
		name(out, ENUM_MODE, a->mode);
		key(out, "status", false);
		name(out, ENUM_APPT_STATUS, a->status);
		key(out, "note", false);
		json_write_string(out, a->note);
		/* What left parcours about it, only when something did. */
		if (a->letter != NULL) {
			key(out, "letter", false);
			json_write_string(out, a->letter);
			key(out, "letter_date", false);
			date(out, a->letter_date);
		}
		if (a->reminded != DATE_NONE) {
			key(out, "reminded", false);
			date(out, a->reminded);
			key(out, "reminded_how", false);
			name(out, ENUM_REMIND, a->reminded_how);
		}
		fputc('}', out);
	}
	fputs("],\n     \"jobs\": [", out);
	for (size_t i = 0; i < f->n_jobs; i++) {
		const struct job *j = &f->jobs[i];

		fprintf(out, "%s{\"seq\": %u", i ? ", " : "", j->seq);
		key(out, "employer", false);
		json_write_string(out, j->employer);
		key(out, "contract", false);
		json_write_string(out, j->contract);
		key(out, "start", false);
		date(out, j->start);
		key(out, "planned_end", false);
		date(out, j->planned_end);
		key(out, "ended", false);
		date(out, j->ended);
		key(out, "end_reason", false);
		json_write_string(out, j->end_reason);
		fprintf(out, ", \"weekly_minutes\": %d, \"checkins\": [",
			j->weekly_minutes);
		for (size_t k = 0; k < j->n_checkins; k++) {
			fprintf(out,
				"%s{\"day\": %d, \"done\": ", k ? ", " : "",
				j->checkins[k].offset_days);
			date(out, j->checkins[k].done);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("],\n     \"notes\": [", out);
	for (size_t i = 0; i < f->n_notes; i++) {
		const struct note *n = &f->notes[i];

		fprintf(out, "%s{\"seq\": %u", i ? ", " : "", n->seq);
		key(out, "date", false);
		date(out, n->date);
		key(out, "text", false);
		json_write_string(out, n->text);
		fputc('}', out);
	}
	fputc(']', out);
	fse(out, f);
	fputc('}', out);
}

/* Appointments in the dump go by id, whatever the display order. */
int dump_cmp_appt_id(const void *a, const void *b)
{
	const struct appointment *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

int dump_write(struct store *s, FILE *out, bool salvage, size_t *left_out,
	       char **cause)
{
	struct store_txn *t = NULL;
	struct journal_entry *j = NULL;
	uint64_t *ids = NULL;
	size_t n = 0, nj = 0, written = 0, skipped = 0;
	int rc = salvage ? store_verify(s, cause) : PC_OK;

	if (rc == PC_OK)
		rc = store_read_begin(s, &t, cause);
	if (rc == PC_OK)
		rc = store_caseload_ids(t, NULL, &ids, &n);
	if (rc != PC_OK)
		goto done;
	fprintf(out,
		"{\"format\": \"parcours-dump\", \"version\": %d, "
		"\"schema_version\": %d,\n \"participants\": [\n",
		DUMP_VERSION, STORE_SCHEMA_VERSION);
	for (size_t i = 0; i < n; i++) {
		struct participant_file f;

		rc = salvage ? store_file_salvage(t, ids[i], &f, &skipped)
			     : store_file_load(t, ids[i], &f);
		if (rc == PC_ECORRUPT && salvage) {
			store_notice(s,
				     _("participant %llu: corrupt record, left "
				       "out with everything attached to it"),
				     (unsigned long long)ids[i]);
			skipped++;
			continue;
		}
		if (rc == PC_ECORRUPT) {
			error_set(cause, rc,
				  _("participant %llu: corrupt record; "
				    "`parcours check` tells more, `parcours "
				    "dump --salvage` writes every readable "
				    "record"),
				  (unsigned long long)ids[i]);
			goto done;
		}
		if (rc != PC_OK)
			goto done;
		if (f.n_appts > 1)
			qsort(f.appts, f.n_appts, sizeof *f.appts,
			      dump_cmp_appt_id);
		fputs(written++ > 0 ? ",\n" : "", out);
		dump_write_file(out, &f);
		participant_file_clear(&f);
	}
	fputs(written > 0 ? "\n ],\n \"journal\": [" : " ],\n \"journal\": [",
	      out);
	rc = salvage ? store_journal_salvage(t, &j, &nj, &skipped)
		     : store_journal_list(t, 0, &j, &nj);
	if (rc == PC_ECORRUPT && !salvage) {
		error_set(cause, rc,
			  _("the journal: a corrupt record; `parcours check` "
			    "tells more, `parcours dump --salvage` writes "
			    "every readable record"));
		goto done;
	}
	if (rc != PC_OK)
		goto done;
	for (size_t i = 0; i < nj; i++) {
		fprintf(out, "%s\n    {\"seq\": %llu, \"time\": %lld",
			i ? "," : "", (unsigned long long)j[i].seq,
			(long long)j[i].time);
		key(out, "who", false);
		json_write_string(out, j[i].who);
		fprintf(out, ", \"participant\": %llu",
			(unsigned long long)j[i].participant);
		key(out, "what", false);
		json_write_string(out, j[i].what);
		if (j[i].login != NULL) {
			key(out, "login", false);
			json_write_string(out, j[i].login);
		}
		fputc('}', out);
		journal_entry_clear(&j[i]);
	}
	fputs(nj ? "\n ]\n}\n" : "]\n}\n", out);
done:
	free(j);
	free(ids);
	store_read_end(&t);
	if (left_out != NULL)
		*left_out = skipped;
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", store_path(s),
				 error_string(rc));
	if (fflush(out) != 0 || ferror(out))
		return error_set(cause, PC_EIO, _("cannot write the dump"));
	return PC_OK;
}

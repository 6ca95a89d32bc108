/* dump.c: write a database as JSON. */
#include "dump.h"
#include "error.h"
#include "i18n.h"
#include "json.h"
#include "record.h"
#include "store_internal.h"

#include <stdlib.h>

/* Participants written between two releases of the mapped pages: enough
 * to make the release cheap, few enough to keep the resident map small. */
#define DUMP_RELEASE_EVERY 32

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

/* , "key": */
static void key(FILE *out, const char *k, bool first)
{
	fputs(first ? "\"" : ", \"", out);
	fputs(k, out);
	fputs("\": ", out);
}

/* A whole number as %llu writes it: printf was most of a dump's time. */
static void unum(FILE *out, unsigned long long v)
{
	char buf[24], *p = buf + sizeof buf;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	fwrite(p, 1, (size_t)(buf + sizeof buf - p), out);
}

/* A whole number as %lld writes it. */
static void snum(FILE *out, long long v)
{
	if (v < 0)
		fputc('-', out);
	unum(out, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
}

/* `first` or `next` (the separator before an item), then a number. */
static void item(FILE *out, bool later, const char *first, const char *next,
		 unsigned long long v)
{
	fputs(later ? next : first, out);
	unum(out, v);
}

static void participant(FILE *out, const struct participant *p)
{
	fputs("\"id\": ", out);
	unum(out, p->id);
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
	fputs(p->legal_hold ? ", \"legal_hold\": true"
			    : ", \"legal_hold\": false",
	      out);
	key(out, "exit_date", false);
	date(out, p->exit_date);
	key(out, "exit_reason", false);
	json_write_string(out, p->exit_reason);
	fputs(p->exit_positive ? ", \"exit_positive\": true"
			       : ", \"exit_positive\": false",
	      out);
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

		item(out, i > 0,
		     "\n       {\"seq\": ", ",\n       {\"seq\": ", e->seq);
		key(out, "date", false);
		date(out, e->date);
		key(out, "gender", false);
		answer(out, ENUM_GENDER, e->gender);
		key(out, "labour", false);
		answer(out, ENUM_FSE_LABOUR, e->labour);
		fputs(", \"unemployed_months\": ", out);
		if (e->unemployed_months == FSE_MONTHS_NONE)
			fputs("null", out);
		else
			snum(out, e->unemployed_months);
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

		item(out, i > 0, "{\"seq\": ", ", {\"seq\": ", x->seq);
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

		item(out, i > 0, "{\"seq\": ", ", {\"seq\": ", v->seq);
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

		item(out, i > 0, "{\"seq\": ", ", {\"seq\": ", m->seq);
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

		item(out, i > 0,
		     "\n       {\"id\": ", ",\n       {\"id\": ", a->id);
		key(out, "date", false);
		date(out, a->date);
		fputs(", \"minute\": ", out);
		if (a->minute == APPT_NO_TIME)
			fputs("null", out);
		else
			snum(out, a->minute);
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

		item(out, i > 0, "{\"seq\": ", ", {\"seq\": ", j->seq);
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
		fputs(", \"weekly_minutes\": ", out);
		snum(out, j->weekly_minutes);
		fputs(", \"checkins\": [", out);
		for (size_t k = 0; k < j->n_checkins; k++) {
			fputs(k > 0 ? ", {\"day\": " : "{\"day\": ", out);
			snum(out, j->checkins[k].offset_days);
			fputs(", \"done\": ", out);
			date(out, j->checkins[k].done);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("],\n     \"notes\": [", out);
	for (size_t i = 0; i < f->n_notes; i++) {
		const struct note *n = &f->notes[i];

		item(out, i > 0, "{\"seq\": ", ", {\"seq\": ", n->seq);
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

/* The journal, written line by line as the scan reads it. */
struct journal_out {
	struct store_txn *t;
	FILE *out;
	bool salvage;
	size_t *skipped;
	size_t n;
};

static int write_journal_line(const MDB_val *k, const MDB_val *val, void *arg)
{
	struct journal_out *jo = arg;
	struct journal_entry e;
	FILE *out = jo->out;
	int rc = record_decode_journal(val->mv_data, val->mv_size, &e);

	if (rc != PC_OK && rc != PC_ENOMEM && jo->salvage) {
		(*jo->skipped)++;
		store_notice(jo->t->s,
			     _("journal line %llu: corrupt record, left out"),
			     k->mv_size == 8
				     ? (unsigned long long)get_be64(k->mv_data)
				     : 0ULL);
		return PC_OK;
	}
	if (rc != PC_OK)
		return rc;
	item(out, jo->n > 0, "\n    {\"seq\": ", ",\n    {\"seq\": ", e.seq);
	fputs(", \"time\": ", out);
	snum(out, e.time);
	key(out, "who", false);
	json_write_string(out, e.who);
	item(out, false, ", \"participant\": ", "", e.participant);
	key(out, "what", false);
	json_write_string(out, e.what);
	if (e.login != NULL) {
		key(out, "login", false);
		json_write_string(out, e.login);
	}
	fputc('}', out);
	journal_entry_clear(&e);
	if (++jo->n % DUMP_RELEASE_EVERY == 0)
		store_release_pages(jo->t->s);
	return PC_OK;
}

/* The participants' ids, as store_caseload_ids(t, NULL, ...) reads them,
 * with the pages read let go as the scan goes: the records are spread
 * over the whole file. */
struct id_scan {
	struct store_id_list l;
	struct store *s;
};

static int collect_id(const MDB_val *key, const MDB_val *val, void *arg)
{
	struct id_scan *x = arg;
	int rc = store_collect_id(key, val, &x->l);

	if (rc == PC_OK && x->l.n % (4 * DUMP_RELEASE_EVERY) == 0)
		store_release_pages(x->s);
	return rc;
}

static int participant_ids(struct store_txn *t, uint64_t **ids, size_t *n)
{
	struct id_scan x = { .s = t->s };
	int rc = store_scan(t, DB_PARTICIPANTS, NULL, 0, collect_id, &x);

	store_release_pages(t->s);
	if (rc != PC_OK) {
		free(x.l.ids);
		return rc;
	}
	*ids = x.l.ids;
	*n = x.l.n;
	return PC_OK;
}

int dump_write(struct store *s, FILE *out, bool salvage, size_t *left_out,
	       char **cause)
{
	struct store_txn *t = NULL;
	struct journal_out jo = { .out = out, .salvage = salvage };
	uint64_t *ids = NULL;
	size_t n = 0, written = 0, skipped = 0;
	int rc = salvage ? store_verify(s, cause) : PC_OK;

	jo.skipped = &skipped;
	if (rc == PC_OK)
		rc = store_read_begin(s, &t, cause);
	if (rc == PC_OK)
		rc = participant_ids(t, &ids, &n);
	if (rc != PC_OK)
		goto done;
	fprintf(out,
		"{\"format\": \"parcours-dump\", \"version\": %d, "
		"\"schema_version\": %d,\n \"participants\": [\n",
		DUMP_VERSION, STORE_SCHEMA_VERSION);
	for (size_t i = 0; i < n; i++) {
		struct participant_file f;

		/* The map read so far is let go: a whole territory would
		 * otherwise stay resident (values copied out stay valid). */
		if (i > 0 && i % DUMP_RELEASE_EVERY == 0)
			store_release_pages(s);
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
	free(ids);
	ids = NULL;
	store_release_pages(s);
	fputs(written > 0 ? "\n ],\n \"journal\": [" : " ],\n \"journal\": [",
	      out);
	/* Streamed in key order (the seq), as store_journal_list gives it. */
	jo.t = t;
	rc = store_scan(t, DB_JOURNAL, NULL, 0, write_journal_line, &jo);
	if (rc == PC_ECORRUPT && !salvage) {
		error_set(cause, rc,
			  _("the journal: a corrupt record; `parcours check` "
			    "tells more, `parcours dump --salvage` writes "
			    "every readable record"));
		goto done;
	}
	if (rc != PC_OK)
		goto done;
	fputs(jo.n ? "\n ]\n}\n" : "]\n}\n", out);
done:
	free(ids);
	store_read_end(&t);
	store_release_pages(s);
	if (left_out != NULL)
		*left_out = skipped;
	if (rc != PC_OK)
		return error_set(cause, rc, "%s: %s", store_path(s),
				 error_string(rc));
	if (fflush(out) != 0 || ferror(out))
		return error_set(cause, PC_EIO, _("cannot write the dump"));
	return PC_OK;
}

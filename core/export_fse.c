/* export_fse.c: the funder's export, a row per participant of a period in
 * the columns and codes the configuration maps. */
#include "export_fse.h"
#include "csv.h"
#include "error.h"
#include "fse.h"
#include "fse_field.h"
#include "i18n.h"
#include "store_file.h"

#include <stdlib.h>
#include <string.h>

/* What a row is made of: the participant's records, read once. */
struct row {
	const struct config *c;
	const struct participant_file *f;
	struct fse_entry entry;		 /* fse_entry_view */
	const struct fse_exit *exit;	 /* the latest, or NULL */
	const struct fse_survey *survey; /* the latest after six months */
};

/* True when record (date, seq) comes after (d, s). */
static bool later(pdate date, uint32_t seq, pdate d, uint32_t s)
{
	return date > d || (date == d && seq > s);
}

static void row_read(struct row *r, const struct config *c,
		     const struct participant_file *f)
{
	const struct participant *p = &f->p;
	bool left = p->status == STATUS_EXITED && p->exit_date != DATE_NONE;
	pdate from = left ? fse_survey_from(p->exit_date) : DATE_NONE;

	memset(r, 0, sizeof *r);
	r->c = c;
	r->f = f;
	fse_entry_view(f, &r->entry);
	for (size_t i = 0; i < f->n_fse_exits; i++) {
		const struct fse_exit *x = &f->fse_exits[i];

		if (r->exit == NULL ||
		    later(x->date, x->seq, r->exit->date, r->exit->seq))
			r->exit = x;
	}
	for (size_t i = 0; left && i < f->n_fse_surveys; i++) {
		const struct fse_survey *v = &f->fse_surveys[i];

		if (v->date >= from &&
		    (r->survey == NULL ||
		     later(v->date, v->seq, r->survey->date, r->survey->seq)))
			r->survey = v;
	}
}

/* The age band at `at` of someone born on `birth`, or NULL. */
static const char *age_band(pdate birth, pdate at)
{
	int by, bm, bd, y, m, d, age;

	if (birth == DATE_NONE || at == DATE_NONE || birth > at)
		return NULL;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(at, &y, &m, &d);
	age = y - by - (m < bm || (m == bm && d < bd));
	if (age < 18)
		return "under-18";
	if (age < 30)
		return "18-29";
	if (age < 55)
		return "30-54";
	return "55-plus";
}

static const char *yes_no(bool b)
{
	return b ? "yes" : "no";
}

static const char *date_cell(pdate d, char *buf)
{
	return d == DATE_NONE ? "" : date_format_iso(d, buf);
}

/* The answer field `f` holds in row `r` (a stable answer name), NULL
 * when not given or not applicable. */
static const char *answer(const struct row *r, int f)
{
	const struct fse_entry *e = &r->entry;
	const struct participant *p = &r->f->p;

	if (f >= FSE_F_SITUATION && f < FSE_F_SITUATION + FSE_SIT_COUNT) {
		int a = e->situation[f - FSE_F_SITUATION];

		return a == FSE_NOT_ASKED ? NULL
					  : model_enum_name(ENUM_FSE_ANSWER, a);
	}
	if (f >= FSE_F_EXIT_SEARCHING && f < FSE_F_SURVEY_DATE)
		return r->exit ? yes_no(r->exit->situations &
					1u << (f - FSE_F_EXIT_SEARCHING))
			       : NULL;
	switch (f) {
	case FSE_F_GENDER:
		return e->gender == GENDER_UNKNOWN ? NULL
						   : gender_name(e->gender);
	case FSE_F_AGE_BAND:
		return age_band(p->birth_date, p->entry_date);
	case FSE_F_LABOUR:
		return e->labour == FSE_LABOUR_NOT_ASKED
			       ? NULL
			       : model_enum_name(ENUM_FSE_LABOUR, e->labour);
	case FSE_F_LONG_TERM_UNEMPLOYED:
		if (e->labour == FSE_LABOUR_NOT_ASKED ||
		    (e->labour == FSE_LABOUR_UNEMPLOYED &&
		     e->unemployed_months == FSE_MONTHS_NONE))
			return NULL;
		return yes_no(e->labour == FSE_LABOUR_UNEMPLOYED &&
			      e->unemployed_months >= FSE_LONG_TERM_MONTHS);
	case FSE_F_EDUCATION:
		return e->education == EDUCATION_UNKNOWN
			       ? NULL
			       : education_name(e->education);
	case FSE_F_EXIT_POSITIVE:
		return p->status == STATUS_EXITED
			       ? yes_no(summary_exit_positive(r->c, p))
			       : NULL;
	case FSE_F_SURVEY_HOW:
		return r->survey ? model_enum_name(ENUM_FSE_CONTACT,
						   r->survey->how)
				 : NULL;
	case FSE_F_SURVEY_REACHED:
		return r->survey ? yes_no(r->survey->reached) : NULL;
	/* Not reached: nothing is known of the rest. */
	case FSE_F_SURVEY_EMPLOYED:
		return r->survey && r->survey->reached
			       ? yes_no(r->survey->employed)
			       : NULL;
	case FSE_F_SURVEY_IMPROVED:
		return r->survey && r->survey->reached
			       ? yes_no(r->survey->improved)
			       : NULL;
	default:
		return NULL;
	}
}

/* The text of a field written as it is, in buf when made; *guard says
 * whether it was typed by someone. Never NULL. */
static const char *plain(const struct row *r, int f, char *buf, size_t size,
			 enum csv_guard *guard)
{
	const struct participant *p = &r->f->p;
	bool left = p->status == STATUS_EXITED;

	*guard = CSV_GUARD_NONE;
	buf[0] = '\0';
	switch (f) {
	case FSE_F_ID:
		snprintf(buf, size, "%llu", (unsigned long long)p->id);
		return buf;
	case FSE_F_BIRTH_DATE:
		return date_cell(p->birth_date, buf);
	case FSE_F_ENTRY_DATE:
		return date_cell(p->entry_date, buf);
	case FSE_F_ENTRY_ANSWERS_DATE:
		return date_cell(r->entry.date, buf);
	case FSE_F_UNEMPLOYED_MONTHS:
		if (r->entry.labour == FSE_LABOUR_UNEMPLOYED &&
		    r->entry.unemployed_months != FSE_MONTHS_NONE)
			snprintf(buf, size, "%d", r->entry.unemployed_months);
		return buf;
	case FSE_F_EXIT_DATE:
		return left ? date_cell(p->exit_date, buf) : "";
	case FSE_F_EXIT_ANSWERS_DATE:
		return r->exit ? date_cell(r->exit->date, buf) : "";
	case FSE_F_SURVEY_DATE:
		return r->survey ? date_cell(r->survey->date, buf) : "";
	default:
		break;
	}
	/* Text someone typed, and whatever else: guarded. */
	*guard = f == FSE_F_PHONE ? CSV_GUARD_PHONE : CSV_GUARD_TEXT;
	switch (f) {
	case FSE_F_LAST_NAME:
		return p->last_name ? p->last_name : "";
	case FSE_F_FIRST_NAME:
		return p->first_name ? p->first_name : "";
	case FSE_F_PHONE:
		return p->phone ? p->phone : "";
	case FSE_F_EMAIL:
		return p->email ? p->email : "";
	case FSE_F_REFERENT:
		return p->referent ? p->referent : "";
	case FSE_F_EXIT_REASON:
		return left && p->exit_reason ? p->exit_reason : "";
	default:
		return "";
	}
}

/* Write the cell of column `col` for row `r`. */
static void cell(FILE *out, const struct row *r,
		 const struct config_fse_column *col,
		 const struct export_options *o)
{
	char buf[64];
	enum csv_guard guard = CSV_GUARD_TEXT;
	const char *s;

	if (o->pseudonymise &&
	    (fse_field_identity(col->field) ||
	     (fse_field_sensitive(col->field) && !o->with_sensitive))) {
		s = "";
	} else if (fse_field_answers(col->field) != NULL) {
		/* The codes are the platform's, set by the PLIE in its
		 * configuration, not typed by a participant: written as they
		 * are ("-1" stays -1 for the import). */
		s = answer(r, col->field);
		s = s ? config_fse_code(col, s) : "";
		guard = CSV_GUARD_NONE;
	} else {
		s = plain(r, col->field, buf, sizeof buf, &guard);
	}
	csv_write_field(out, s, o->delimiter, guard);
}

/* Rows read between two releases of the mapped pages. */
#define RELEASE_EVERY 32

/* Write the row of participant file f. */
static void write_row(FILE *out, const struct config *c,
		      const struct participant_file *f,
		      const struct export_options *o)
{
	struct row r;

	row_read(&r, c, f);
	for (size_t k = 0; k < c->n_fse_columns; k++) {
		if (k)
			fputc(o->delimiter, out);
		cell(out, &r, &c->fse_columns[k], o);
	}
	fputs("\r\n", out);
}

int export_fse_write(FILE *out, const struct export_fse *x,
		     const struct config *c, const struct export_options *o)
{
	struct store_file_reader *reader = NULL;
	int rc = PC_OK;

	if (o->bom)
		fputs("\xef\xbb\xbf", out);
	for (size_t k = 0; k < c->n_fse_columns; k++) {
		if (k)
			fputc(o->delimiter, out);
		csv_write_field(out, c->fse_columns[k].column, o->delimiter,
				CSV_GUARD_TEXT);
	}
	fputs("\r\n", out);
	if (x->n_rows > 0)
		rc = store_file_reader_new(x->t, &reader);
	/* Each row's participant and questionnaires read again, in the
	 * transaction that chose them: what a row shows, not their whole
	 * file, and one at a time. */
	for (size_t i = 0; rc == PC_OK && i < x->n_rows; i++) {
		struct participant_file f;

		if (i > 0 && i % RELEASE_EVERY == 0)
			store_release_pages(x->st);
		memset(&f, 0, sizeof f);
		rc = store_participant_get(x->t, x->rows[i], &f.p);
		if (rc != PC_OK)
			break;
		rc = store_file_read_fse(reader, &f);
		if (rc == PC_OK)
			write_row(out, c, &f, o);
		participant_file_clear(&f);
	}
	store_file_reader_free(&reader);
	if (x->n_rows > RELEASE_EVERY)
		store_release_pages(x->st);
	if (rc != PC_OK)
		return rc;
	return ferror(out) ? PC_EIO : PC_OK;
}

/* Add to x->missing what participant file f misses. */
static int list_missing(struct export_fse *x, const struct participant_file *f)
{
	unsigned m = fse_entry_missing(f);
	bool no_exit = f->p.status == STATUS_EXITED && f->n_fse_exits == 0;
	size_t n = no_exit;
	struct export_fse_missing *grown;

	for (int q = 0; q < FSE_Q_COUNT; q++)
		n += (m >> q) & 1u;
	if (n == 0)
		return PC_OK;
	grown = realloc(x->missing, (x->n_missing + n) * sizeof *grown);
	if (grown == NULL)
		return PC_ENOMEM;
	x->missing = grown;
	for (int q = 0; q < FSE_Q_COUNT; q++)
		if (m & 1u << q)
			x->missing[x->n_missing++] =
				(struct export_fse_missing){
					f->p.id, fse_question_name(q)
				};
	if (no_exit)
		x->missing[x->n_missing++] =
			(struct export_fse_missing){ f->p.id,
						     EXPORT_FSE_EXIT_ANSWERS };
	x->n_incomplete++;
	return PC_OK;
}

/* Whether participant p is of the period [from, to]. */
static bool in_period(const struct participant *p, pdate from, pdate to)
{
	/* One transferred out is in the file of the database that follows
	 * them now, with their whole history. */
	return !(p->entry_date > to || p->transferred != DATE_NONE ||
		 (p->status == STATUS_EXITED && p->exit_date < from));
}

/* Participant `id` read whole, but the stage moves and notes only
 * checked (a corrupt record anywhere in the file leaves them out, told,
 * as a caseload does) and, when of the period,
 * added to x's rows with what they miss. */
static int choose(struct export_fse *x, struct store_file_reader *reader,
		  uint64_t id, pdate from, pdate to, char **cause)
{
	struct participant_file f;
	int rc;

	memset(&f, 0, sizeof f);
	rc = store_participant_get(x->t, id, &f.p);
	if (rc == PC_OK)
		rc = store_file_read(reader, &f, true);
	if (rc == PC_ECORRUPT) {
		store_notice(x->st,
			     _("participant %llu: corrupt record, see "
			       "`parcours check`"),
			     (unsigned long long)id);
		return PC_OK;
	}
	if (rc != PC_OK)
		return error_set(cause, rc, _("participant %llu: %s"),
				 (unsigned long long)id, error_string(rc));
	if (in_period(&f.p, from, to)) {
		x->rows[x->n_rows++] = id;
		rc = list_missing(x, &f);
	}
	participant_file_clear(&f);
	if (rc != PC_OK)
		return error_set(cause, rc, "%s", error_string(rc));
	return PC_OK;
}

int export_fse_load(struct export_fse *x, struct store *st,
		    const struct config *c, const char *referent, pdate today,
		    pdate from, pdate to, char **cause)
{
	struct store_file_reader *reader = NULL;
	uint64_t *ids = NULL;
	size_t n_ids = 0;
	int rc;

	(void)c;
	(void)today;
	memset(x, 0, sizeof *x);
	x->st = st;
	rc = store_read_begin(st, &x->t, cause);
	if (rc != PC_OK)
		return rc;
	/* By id: the file is the same from one run to the next, whatever
	 * needs attention today. */
	rc = store_caseload_ids(x->t, referent, &ids, &n_ids);
	if (rc == PC_OK &&
	    (x->rows = calloc(n_ids ? n_ids : 1, sizeof *x->rows)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK)
		rc = store_file_reader_new(x->t, &reader);
	if (rc != PC_OK) {
		error_set(cause, rc, "%s: %s", store_path(st),
			  error_string(rc));
		goto fail;
	}
	for (size_t i = 0; i < n_ids; i++) {
		/* What was read stays valid: the pages can go. */
		if (i > 0 && i % RELEASE_EVERY == 0)
			store_release_pages(st);
		rc = choose(x, reader, ids[i], from, to, cause);
		if (rc != PC_OK)
			goto fail;
	}
	store_file_reader_free(&reader);
	free(ids);
	if (n_ids > RELEASE_EVERY)
		store_release_pages(st);
	return PC_OK;
fail:
	store_file_reader_free(&reader);
	free(ids);
	export_fse_free(x);
	return rc;
}

/* The rows and what they are written with, for export_save. */
struct fse_out {
	const struct export_fse *x;
	const struct config *c;
	const struct export_options *o;
};

static int write_fse(FILE *out, const void *what)
{
	const struct fse_out *w = what;

	return export_fse_write(out, w->x, w->c, w->o);
}

int export_fse_save(const struct export_fse *x, const struct config *c,
		    const struct export_options *o, const char *path, FILE *out,
		    char **cause)
{
	return export_save(write_fse, &(struct fse_out){ x, c, o }, path, out,
			   cause);
}

void export_fse_free(struct export_fse *x)
{
	if (x == NULL)
		return;
	store_read_end(&x->t);
	free(x->rows);
	free(x->missing);
	memset(x, 0, sizeof *x);
}

/* import.c: check a whole spreadsheet, then add it in one transaction. */
#include "import.h"
#include "codec.h"
#include "csv.h"
#include "error.h"
#include "fold.h"
#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Bigger than any caseload's spreadsheet; protects memory from a wrong file. */
#define IMPORT_MAX_BYTES ((size_t)64 << 20)

enum column {
	C_LAST,
	C_FIRST,
	C_BIRTH,
	C_STAGE,
	C_ENTRY,
	C_PHONE,
	C_EMAIL,
	C_COUNT
};

/* Accepted header names, folded (case and accents ignored, spaces and
 * hyphens as '_'); the first is the one messages use. */
static const char *const headers[C_COUNT][5] = {
	[C_LAST] = { "last_name", "nom", "nom_de_famille" },
	[C_FIRST] = { "first_name", "prenom" },
	[C_BIRTH] = { "birth_date", "date_naissance", "date_de_naissance",
		      "naissance" },
	[C_STAGE] = { "stage", "etape" },
	[C_ENTRY] = { "entry_date", "date_entree", "date_d'entree",
		      "date_dentree", "entree" },
	[C_PHONE] = { "phone", "telephone", "tel" },
	[C_EMAIL] = { "email", "courriel", "mail", "e_mail" },
};

static const bool required[C_COUNT] = {
	[C_LAST] = true,
	[C_FIRST] = true,
	[C_BIRTH] = true,
};

struct text {
	char *s;
	size_t len;
};

static void addf(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void addf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *grown;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grown = realloc(t->s, t->len + (size_t)n + 2);
	if (grown == NULL)
		return;
	t->s = grown;
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
	t->s[t->len++] = '\n';
	t->s[t->len] = '\0';
}

/* The folded header name: lower case, no accents, ' ' and '-' as '_'. */
static char *header_key(const char *h)
{
	char *k = fold_key(h), *start = k, *end;

	if (k == NULL)
		return NULL;
	while (*start == ' ')
		start++;
	end = start + strlen(start);
	while (end > start && end[-1] == ' ')
		*--end = '\0';
	for (char *p = start; *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
	memmove(k, start, strlen(start) + 1);
	return k;
}

static int column_of(const char *h)
{
	char *k = header_key(h);
	int found = -1;

	for (int c = 0; k != NULL && c < C_COUNT && found < 0; c++)
		for (int i = 0; i < 5 && headers[c][i]; i++)
			if (strcmp(k, headers[c][i]) == 0)
				found = c;
	free(k);
	return found;
}

/* Who is already there: folded "last first" and birth date. */
struct known {
	char *key;
	pdate birth;
};

struct state {
	const struct edit_ctx *ctx;
	const char *path;
	struct import_report *report;
	struct text problems, notices;
	struct known *known;
	size_t n_known, cap_known;
	struct participant *rows; /* what will be added */
	pdate *entries;
	size_t n_rows;
};

static char *person_key(const char *last, const char *first)
{
	size_t n = strlen(last) + strlen(first) + 2;
	char *joined = malloc(n), *key;

	if (joined == NULL)
		return NULL;
	snprintf(joined, n, "%s %s", last, first);
	key = fold_key(joined);
	free(joined);
	return key;
}

static bool is_known(struct state *st, const char *key, pdate birth)
{
	for (size_t i = 0; i < st->n_known; i++)
		if (st->known[i].birth == birth &&
		    strcmp(st->known[i].key, key) == 0)
			return true;
	return false;
}

static int remember(struct state *st, char *key, pdate birth)
{
	if (st->n_known == st->cap_known) {
		size_t cap = st->cap_known ? st->cap_known * 2 : 64;
		struct known *k = realloc(st->known, cap * sizeof *k);

		if (k == NULL)
			return PC_ENOMEM;
		st->known = k;
		st->cap_known = cap;
	}
	st->known[st->n_known].key = key;
	st->known[st->n_known++].birth = birth;
	return PC_OK;
}

static int load_known(struct state *st, struct store *s, char **cause)
{
	struct store_txn *t = NULL;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc = store_read_begin(s, &t, cause);

	if (rc == PC_OK)
		rc = store_caseload_ids(t, NULL, &ids, &n);
	for (size_t i = 0; rc == PC_OK && i < n; i++) {
		struct participant p;
		char *key;

		rc = store_participant_get(t, ids[i], &p);
		if (rc != PC_OK)
			break;
		key = person_key(p.last_name ? p.last_name : "",
				 p.first_name ? p.first_name : "");
		rc = key ? remember(st, key, p.birth_date) : PC_ENOMEM;
		if (rc != PC_OK)
			free(key);
		participant_clear(&p);
	}
	free(ids);
	store_read_end(&t);
	return rc;
}

static const char *cell(const struct csv_record *rec, const int *at, int c)
{
	if (at[c] < 0 || (size_t)at[c] >= rec->n)
		return "";
	return rec->fields[at[c]];
}

static char *trimmed_dup(const char *s)
{
	const char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return strndup(s, (size_t)(e - s));
}

/* Check one row; add it to st->rows when right. */
static int check_row(struct state *st, const struct csv_record *rec,
		     const int *at)
{
	const char *p = st->path;
	size_t line = rec->line, before = st->problems.len;
	struct participant *out;
	pdate birth = DATE_NONE, entry = st->ctx->today;
	const char *v;
	char *key;

	for (int c = 0; c < C_COUNT; c++) {
		v = cell(rec, at, c);
		if (!codec_utf8_valid((const uint8_t *)v, strlen(v)))
			addf(&st->problems,
			     _("%s:%zu: %s: not UTF-8 text (save the file as "
			       "UTF-8)"),
			     p, line, headers[c][0]);
		else if (required[c] && *v == '\0')
			addf(&st->problems, _("%s:%zu: %s: empty"), p, line,
			     headers[c][0]);
	}
	if (st->problems.len != before)
		return PC_OK;
	v = cell(rec, at, C_BIRTH);
	if ((*v == '+' || *v == '-') ||
	    date_parse(v, DATE_NONE, &birth) != PC_OK)
		addf(&st->problems,
		     _("%s:%zu: %s: '%s' is not a date (YYYY-MM-DD or "
		       "DD/MM/YYYY)"),
		     p, line, headers[C_BIRTH][0], v);
	else if (birth >= st->ctx->today)
		addf(&st->problems, _("%s:%zu: %s: %s is not in the past"), p,
		     line, headers[C_BIRTH][0], v);
	v = cell(rec, at, C_ENTRY);
	if (*v != '\0') {
		if (*v == '+' || *v == '-' ||
		    date_parse(v, DATE_NONE, &entry) != PC_OK)
			addf(&st->problems,
			     _("%s:%zu: %s: '%s' is not a date (YYYY-MM-DD or "
			       "DD/MM/YYYY)"),
			     p, line, headers[C_ENTRY][0], v);
		else if (entry > st->ctx->today)
			addf(&st->problems,
			     _("%s:%zu: %s: %s is in the future"), p, line,
			     headers[C_ENTRY][0], v);
	}
	v = cell(rec, at, C_STAGE);
	if (*v != '\0' && config_stage(st->ctx->config, v, NULL) == NULL)
		addf(&st->problems,
		     _("%s:%zu: %s: '%s' is not a stage of the configuration"),
		     p, line, headers[C_STAGE][0], v);
	if (st->problems.len != before)
		return PC_OK;

	key = person_key(cell(rec, at, C_LAST), cell(rec, at, C_FIRST));
	if (key == NULL)
		return PC_ENOMEM;
	if (is_known(st, key, birth)) {
		addf(&st->notices, _("%s:%zu: %s %s is already there: skipped"),
		     p, line, cell(rec, at, C_FIRST), cell(rec, at, C_LAST));
		st->report->skipped++;
		free(key);
		return PC_OK;
	}
	if (remember(st, key, birth) != PC_OK) {
		free(key);
		return PC_ENOMEM;
	}
	out = &st->rows[st->n_rows];
	participant_init(out);
	out->last_name = trimmed_dup(cell(rec, at, C_LAST));
	out->first_name = trimmed_dup(cell(rec, at, C_FIRST));
	out->birth_date = birth;
	if (*cell(rec, at, C_STAGE))
		out->stage = strdup(cell(rec, at, C_STAGE));
	if (*cell(rec, at, C_PHONE))
		out->phone = trimmed_dup(cell(rec, at, C_PHONE));
	if (*cell(rec, at, C_EMAIL))
		out->email = trimmed_dup(cell(rec, at, C_EMAIL));
	out->referent =
		strdup(st->ctx->who ? st->ctx->who : st->ctx->config->referent);
	st->entries[st->n_rows++] = entry;
	if (out->last_name == NULL || out->first_name == NULL ||
	    out->referent == NULL)
		return PC_ENOMEM;
	return PC_OK;
}

static int write_all(struct store_txn *t, void *arg, char **cause)
{
	struct state *st = arg;
	int rc = PC_OK;

	(void)cause;
	for (size_t i = 0; rc == PC_OK && i < st->n_rows; i++) {
		uint64_t id;

		rc = edit_participant_add_txn(t, st->ctx, &st->rows[i],
					      st->entries[i], "imported", &id);
	}
	return rc;
}

/* Read the whole file; PC_EIO or PC_EINVAL (too big) with a cause. */
static int slurp(const char *path, char **data, size_t *len, char **cause)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	size_t got;

	if (f == NULL)
		return error_set(cause, PC_EIO, _("%s: cannot read: %s"), path,
				 strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return error_set(cause, PC_EIO, _("%s: not a file"), path);
	}
	if ((size_t)sb.st_size > IMPORT_MAX_BYTES) {
		fclose(f);
		return error_set(cause, PC_EINVAL,
				 _("%s: too big for a caseload (%lld bytes)"),
				 path, (long long)sb.st_size);
	}
	*data = malloc((size_t)sb.st_size + 1);
	if (*data == NULL) {
		fclose(f);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	got = fread(*data, 1, (size_t)sb.st_size, f);
	fclose(f);
	(*data)[got] = '\0';
	*len = got;
	return PC_OK;
}

static int read_header(struct state *st, struct csv_reader *r, int *at,
		       size_t *n_headers)
{
	struct csv_record h = { 0 };
	int rc = csv_next(r, &h);

	for (int c = 0; c < C_COUNT; c++)
		at[c] = -1;
	if (rc <= 0) {
		addf(&st->problems, _("%s:1: no header line"), st->path);
		csv_record_clear(&h);
		return rc < 0 ? PC_ENOMEM : PC_OK;
	}
	*n_headers = h.n;
	for (size_t i = 0; i < h.n; i++) {
		int c = column_of(h.fields[i]);

		if (c < 0) {
			if (*h.fields[i])
				addf(&st->notices,
				     _("%s:1: column '%s' ignored"), st->path,
				     h.fields[i]);
		} else if (at[c] >= 0) {
			addf(&st->problems, _("%s:1: %s: column given twice"),
			     st->path, headers[c][0]);
		} else {
			at[c] = (int)i;
		}
	}
	for (int c = 0; c < C_COUNT; c++)
		if (required[c] && at[c] < 0)
			addf(&st->problems,
			     _("%s:1: missing column '%s' (or '%s')"), st->path,
			     headers[c][0], headers[c][1]);
	csv_record_clear(&h);
	return PC_OK;
}

int import_csv(struct store *s, const struct edit_ctx *ctx, const char *path,
	       bool dry_run, struct import_report *report, char **cause)
{
	struct state st = { .ctx = ctx, .path = path, .report = report };
	struct csv_reader r;
	struct csv_record rec = { 0 };
	char *data = NULL;
	size_t len = 0, max_rows, n_headers = 0;
	int at[C_COUNT], rc, more;

	memset(report, 0, sizeof *report);
	rc = slurp(path, &data, &len, cause);
	if (rc != PC_OK)
		return rc;
	if (len == 0) {
		addf(&st.problems, _("%s: the file is empty"), path);
		goto done;
	}
	/* At most one participant per line: room for them all at once. */
	max_rows = 1;
	for (size_t i = 0; i < len; i++)
		max_rows += data[i] == '\n';
	st.rows = calloc(max_rows, sizeof *st.rows);
	st.entries = calloc(max_rows, sizeof *st.entries);
	if (st.rows == NULL || st.entries == NULL) {
		rc = error_set(cause, PC_ENOMEM, "out of memory");
		goto done;
	}
	rc = load_known(&st, s, cause);
	if (rc != PC_OK)
		goto done;
	csv_open(&r, data, len);
	rc = read_header(&st, &r, at, &n_headers);
	if (rc != PC_OK || st.problems.len)
		goto done;
	while ((more = csv_next(&r, &rec)) == 1) {
		/* A blank line (often the last) is not a participant. */
		if (rec.n == 1 && rec.fields[0][0] == '\0')
			continue;
		report->rows++;
		{
			size_t expect = 0;

			for (int c = 0; c < C_COUNT; c++)
				if (at[c] >= 0 && (size_t)at[c] + 1 > expect)
					expect = (size_t)at[c] + 1;
			bool extra = false;

			/* More cells than headings is a shifted row (an
			 * unquoted comma), unless they are all empty. */
			for (size_t i = n_headers; i < rec.n; i++)
				extra = extra || rec.fields[i][0] != '\0';
			if (rec.n < expect || extra) {
				addf(&st.problems,
				     _("%s:%zu: %zu fields where the header "
				       "has %zu"),
				     path, rec.line, rec.n, n_headers);
				continue;
			}
		}
		rc = check_row(&st, &rec, at);
		if (rc != PC_OK)
			goto done;
	}
	if (more < 0)
		addf(&st.problems,
		     _("%s:%zu: a quote is opened and never closed"), path,
		     rec.line);
	if (report->rows == 0 && st.problems.len == 0)
		addf(&st.problems, _("%s: a header and no participant"), path);
	if (st.problems.len == 0 && !dry_run && st.n_rows > 0)
		rc = store_write(s, write_all, &st, cause);
	if (rc == PC_OK)
		report->imported = st.n_rows;
done:
	csv_record_clear(&rec);
	if (rc == PC_OK && st.problems.len) {
		rc = PC_EINVAL;
		report->imported = 0;
	}
	report->problems = st.problems.s;
	report->notices = st.notices.s;
	for (size_t i = 0; i < st.n_known; i++)
		free(st.known[i].key);
	free(st.known);
	for (size_t i = 0; i < st.n_rows; i++)
		participant_clear(&st.rows[i]);
	free(st.rows);
	free(st.entries);
	free(data);
	return rc;
}

void import_report_free(struct import_report *report)
{
	if (report == NULL)
		return;
	free(report->problems);
	free(report->notices);
	memset(report, 0, sizeof *report);
}

/* import.c: check a whole spreadsheet, then add it in one transaction. */
#include "import.h"
#include "codec.h"
#include "csv.h"
#include "error.h"
#include "fold.h"
#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Bigger than any caseload's spreadsheet; protects memory from a wrong file. */
#define IMPORT_MAX_BYTES ((size_t)64 << 20)

/* Rows between two calls of the progress function. */
#define PROGRESS_EVERY 4096

enum column {
	C_LAST,
	C_FIRST,
	C_BIRTH,
	C_STAGE,
	C_STAGE_ID,
	C_ENTRY,
	C_PHONE,
	C_EMAIL,
	C_COUNT
};

/* Accepted header names, folded (case and accents ignored, spaces and
 * hyphens as '_'); the first is the one messages use. An export's own
 * columns are among them: `stage_id` (preferred) and `stage` (the label). */
static const char *const headers[C_COUNT][5] = {
	[C_LAST] = { "last_name", "nom", "nom_de_famille" },
	[C_FIRST] = { "first_name", "prenom" },
	[C_BIRTH] = { "birth_date", "date_naissance", "date_de_naissance",
		      "naissance" },
	[C_STAGE] = { "stage", "etape" },
	[C_STAGE_ID] = { "stage_id", "id_etape" },
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

/* A growing text, one message a line; it doubles, as a million rows may
 * each add a line. */
struct text {
	char *s;
	size_t len, cap;
};

static void addf(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void addf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (t->len + (size_t)n + 2 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		char *grown;

		while (cap < t->len + (size_t)n + 2)
			cap *= 2;
		grown = realloc(t->s, cap);
		if (grown == NULL)
			return;
		t->s = grown;
		t->cap = cap;
	}
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

/*
 * Every string the import keeps (cells, folded keys) lives in one growing
 * buffer, addressed by offset: a million rows make a few big allocations,
 * not millions of small ones.
 */
#define NO_TEXT UINT32_MAX

struct arena {
	char *s;
	size_t len, cap;
};

/* Copy n bytes and a NUL; the offset, or NO_TEXT when out of memory. */
static uint32_t arena_add(struct arena *a, const char *s, size_t n)
{
	uint32_t at;

	if (a->len + n + 1 >= NO_TEXT)
		return NO_TEXT;
	if (a->len + n + 1 > a->cap) {
		size_t cap = a->cap ? a->cap : 1 << 16;
		char *grown;

		while (cap < a->len + n + 1)
			cap *= 2;
		grown = realloc(a->s, cap);
		if (grown == NULL)
			return NO_TEXT;
		a->s = grown;
		a->cap = cap;
	}
	at = (uint32_t)a->len;
	memcpy(a->s + at, s, n);
	a->s[at + n] = '\0';
	a->len += n + 1;
	return at;
}

/*
 * Who is already there, in the database or earlier in the file: an
 * open-addressing hash set of (folded "last first", birth date), so each
 * row costs one lookup instead of a scan of every row before it.
 */
struct person {
	uint64_t hash; /* 0: an empty slot */
	uint32_t key;  /* offset of the folded key in the arena */
	pdate birth;
};

struct people {
	struct person *slots;
	size_t n, cap; /* cap: a power of two, at most half full */
};

static uint64_t person_hash(const char *key, pdate birth)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	h = (h ^ (uint32_t)birth) * 0x100000001b3u;
	h ^= h >> 29;
	return h ? h : 1;
}

/* The slot of (key, birth): where it is, or the empty one it would take. */
static struct person *people_slot(const struct people *ps,
				  const struct arena *a, const char *key,
				  pdate birth, uint64_t h)
{
	size_t i = (size_t)h & (ps->cap - 1);

	while (ps->slots[i].hash != 0) {
		const struct person *q = &ps->slots[i];

		if (q->hash == h && q->birth == birth &&
		    strcmp(a->s + q->key, key) == 0)
			break;
		i = (i + 1) & (ps->cap - 1);
	}
	return &ps->slots[i];
}

static int people_grow(struct people *ps)
{
	size_t cap = ps->cap ? ps->cap * 2 : 1024;
	struct person *slots = calloc(cap, sizeof *slots);

	if (slots == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < ps->cap; i++) {
		size_t j;

		if (ps->slots[i].hash == 0)
			continue;
		j = (size_t)ps->slots[i].hash & (cap - 1);
		while (slots[j].hash != 0)
			j = (j + 1) & (cap - 1);
		slots[j] = ps->slots[i];
	}
	free(ps->slots);
	ps->slots = slots;
	ps->cap = cap;
	return PC_OK;
}

/* Add (key, birth) unless there; *known tells which. */
static int people_add(struct people *ps, struct arena *a, const char *key,
		      pdate birth, bool *known)
{
	uint64_t h = person_hash(key, birth);
	struct person *slot;
	uint32_t at;

	if ((ps->n + 1) * 2 > ps->cap && people_grow(ps) != PC_OK)
		return PC_ENOMEM;
	slot = people_slot(ps, a, key, birth, h);
	*known = slot->hash != 0;
	if (*known)
		return PC_OK;
	at = arena_add(a, key, strlen(key));
	if (at == NO_TEXT)
		return PC_ENOMEM;
	slot->hash = h;
	slot->key = at;
	slot->birth = birth;
	ps->n++;
	return PC_OK;
}

/* One row to add: its strings in the arena (NO_TEXT: none). */
struct row {
	size_t line;
	uint32_t last, first, phone, email;
	pdate birth, entry;
	const char *stage; /* a stage id of the configuration, or NULL */
};

struct state {
	const struct edit_ctx *ctx;
	const struct import_options *opt;
	const char *path;
	struct import_report *report;
	struct text problems, notices;
	struct arena arena;
	struct people people;
	char **stage_keys; /* folded label and short label of each stage */
	struct row *rows;  /* what will be added */
	size_t n_rows, cap_rows;
};

static void progress(const struct state *st, enum import_stage stage,
		     size_t done, size_t total)
{
	if (st->opt->progress != NULL)
		st->opt->progress(st->opt->progress_arg, stage, done, total);
}

/* Trim blanks around n bytes at *s; returns the new length. */
static size_t trim(const char **s, size_t n)
{
	while (n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		n--;
	}
	while (n > 0 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t'))
		n--;
	return n;
}

/* The folded "last first" of trimmed names; NULL when out of memory. */
static char *person_key(const char *last, size_t nl, const char *first,
			size_t nf)
{
	char *joined = malloc(nl + nf + 2), *key;

	if (joined == NULL)
		return NULL;
	memcpy(joined, last, nl);
	joined[nl] = ' ';
	memcpy(joined + nl + 1, first, nf);
	joined[nl + nf + 1] = '\0';
	key = fold_key(joined);
	free(joined);
	return key;
}

/* person_key() of NUL-terminated names (NULL counts as ""). */
static char *names_key(const char *last, const char *first)
{
	size_t nl, nf;

	last = last ? last : "";
	first = first ? first : "";
	nl = trim(&last, strlen(last));
	nf = trim(&first, strlen(first));
	return person_key(last, nl, first, nf);
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
		bool known;

		rc = store_participant_get(t, ids[i], &p);
		if (rc != PC_OK)
			break;
		key = names_key(p.last_name, p.first_name);
		rc = key ? people_add(&st->people, &st->arena, key,
				      p.birth_date, &known)
			 : PC_ENOMEM;
		free(key);
		participant_clear(&p);
	}
	free(ids);
	store_read_end(&t);
	return rc;
}

int import_find_person(struct store *s, const char *last, const char *first,
		       pdate birth, uint64_t *id, char **cause)
{
	struct store_txn *t = NULL;
	uint64_t *ids = NULL, found = 0;
	size_t n = 0;
	char *key = names_key(last, first);
	int rc = key ? store_read_begin(s, &t, cause) : PC_ENOMEM;

	if (rc == PC_OK)
		rc = store_caseload_ids(t, NULL, &ids, &n);
	for (size_t i = 0; rc == PC_OK && found == 0 && i < n; i++) {
		struct participant p;
		char *other;

		rc = store_participant_get(t, ids[i], &p);
		if (rc != PC_OK)
			break;
		if (p.birth_date == birth) {
			other = names_key(p.last_name, p.first_name);
			if (other == NULL)
				rc = PC_ENOMEM;
			else if (strcmp(other, key) == 0)
				found = p.id;
			free(other);
		}
		participant_clear(&p);
	}
	free(ids);
	store_read_end(&t);
	free(key);
	if (rc == PC_OK)
		*id = found;
	return rc;
}

/* The folded labels of the stages, to take "Orienter" for `orienter`. */
static int fold_stage_labels(struct state *st)
{
	const struct config *c = st->ctx->config;

	st->stage_keys = calloc(c->n_stages * 2, sizeof *st->stage_keys);
	if (st->stage_keys == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < c->n_stages; i++) {
		st->stage_keys[2 * i] = fold_key(c->stages[i].label);
		st->stage_keys[2 * i + 1] = fold_key(c->stages[i].short_label);
		if (st->stage_keys[2 * i] == NULL ||
		    st->stage_keys[2 * i + 1] == NULL)
			return PC_ENOMEM;
	}
	return PC_OK;
}

/* The stage a cell names, by id or by label (case and accents aside);
 * NULL when none does, or out of memory (*rc). */
static const char *stage_named(struct state *st, const char *v, int *rc)
{
	const struct config *c = st->ctx->config;
	const struct config_stage *stage = config_stage(c, v, NULL);
	char *k;

	if (stage != NULL)
		return stage->id;
	k = fold_key(v);
	if (k == NULL) {
		*rc = PC_ENOMEM;
		return NULL;
	}
	for (size_t i = 0; i < c->n_stages && stage == NULL; i++)
		if (strcmp(k, st->stage_keys[2 * i]) == 0 ||
		    strcmp(k, st->stage_keys[2 * i + 1]) == 0)
			stage = &c->stages[i];
	free(k);
	return stage ? stage->id : NULL;
}

/* A cell, trimmed, with its length in bytes (NUL bytes included). */
struct cell {
	const char *s;
	size_t n;
};

static struct cell cell(const struct csv_record *rec, const int *at, int c)
{
	struct cell v = { "", 0 };

	if (at[c] >= 0 && (size_t)at[c] < rec->n) {
		v.s = rec->fields[at[c]];
		v.n = trim(&v.s, rec->lens[at[c]]);
	}
	return v;
}

/* Parse a date cell (no +N here) or say why not. */
static bool date_cell(struct state *st, size_t line, int c, const char *v,
		      pdate *out)
{
	if (*v != '+' && *v != '-' && date_parse(v, DATE_NONE, out) == PC_OK)
		return true;
	if (date_out_of_range(v, DATE_NONE))
		addf(&st->problems, _("%s:%zu: %s: '%s' is outside %d–%d"),
		     st->path, line, headers[c][0], v, DATE_YEAR_MIN,
		     DATE_YEAR_MAX);
	else
		addf(&st->problems,
		     _("%s:%zu: %s: '%s' is not a date (YYYY-MM-DD or "
		       "DD/MM/YYYY)"),
		     st->path, line, headers[c][0], v);
	return false;
}

/* Keep n bytes at s as a string of the row; false when out of memory. */
static bool keep(struct state *st, struct cell v, uint32_t *at)
{
	*at = v.n ? arena_add(&st->arena, v.s, v.n) : NO_TEXT;
	return v.n == 0 || *at != NO_TEXT;
}

/* Check one row; add it to st->rows when right. */
static int check_row(struct state *st, const struct csv_record *rec,
		     const int *at)
{
	const char *p = st->path;
	size_t line = rec->line, before = st->problems.len;
	struct cell v[C_COUNT];
	struct row *out;
	pdate birth = DATE_NONE, entry = st->ctx->today;
	const char *stage = NULL;
	char *key, *why;
	bool known;
	int rc = PC_OK;

	/* Every cell read is text a record may hold (model.h), names at
	 * most MODEL_NAME_MAX bytes, before anything quotes it back. */
	for (int c = 0; c < C_COUNT; c++) {
		enum model_text kind = c == C_LAST || c == C_FIRST
					       ? MODEL_TEXT_NAME
					       : MODEL_TEXT_LINE;

		v[c] = cell(rec, at, c);
		why = NULL;
		if (required[c] && v[c].n == 0)
			addf(&st->problems, _("%s:%zu: %s: empty"), p, line,
			     headers[c][0]);
		else if (memchr(v[c].s, '\0', v[c].n) == NULL &&
			 !codec_utf8_valid((const uint8_t *)v[c].s, v[c].n))
			addf(&st->problems,
			     _("%s:%zu: %s: not UTF-8 text (save the file as "
			       "UTF-8)"),
			     p, line, headers[c][0]);
		else if (model_text_check_n(headers[c][0], v[c].s, v[c].n, kind,
					    required[c], &why) != PC_OK) {
			if (why == NULL)
				return PC_ENOMEM;
			addf(&st->problems, "%s:%zu: %s", p, line, why);
			free(why);
		}
	}
	if (st->problems.len != before)
		return PC_OK;
	/* The cells are text without NUL now: C strings, trimmed in place. */
	for (int c = 0; c < C_COUNT; c++)
		if (at[c] >= 0 && (size_t)at[c] < rec->n)
			((char *)v[c].s)[v[c].n] = '\0';
	if (date_cell(st, line, C_BIRTH, v[C_BIRTH].s, &birth) &&
	    birth >= st->ctx->today)
		addf(&st->problems, _("%s:%zu: %s: %s is not in the past"), p,
		     line, headers[C_BIRTH][0], v[C_BIRTH].s);
	if (v[C_ENTRY].n &&
	    date_cell(st, line, C_ENTRY, v[C_ENTRY].s, &entry) &&
	    entry > st->ctx->today)
		addf(&st->problems, _("%s:%zu: %s: %s is in the future"), p,
		     line, headers[C_ENTRY][0], v[C_ENTRY].s);
	for (int c = C_STAGE_ID; stage == NULL && c >= C_STAGE; c--) {
		if (v[c].n == 0)
			continue;
		stage = stage_named(st, v[c].s, &rc);
		if (rc != PC_OK)
			return rc;
		if (stage == NULL)
			addf(&st->problems,
			     _("%s:%zu: %s: '%s' is not a stage of the "
			       "configuration"),
			     p, line, headers[c][0], v[c].s);
		break;
	}
	if (st->problems.len != before)
		return PC_OK;

	key = person_key(v[C_LAST].s, v[C_LAST].n, v[C_FIRST].s, v[C_FIRST].n);
	if (key == NULL)
		return PC_ENOMEM;
	rc = people_add(&st->people, &st->arena, key, birth, &known);
	free(key);
	if (rc != PC_OK)
		return rc;
	if (known) {
		addf(&st->notices, _("%s:%zu: %s %s is already there: skipped"),
		     p, line, v[C_FIRST].s, v[C_LAST].s);
		st->report->skipped++;
		return PC_OK;
	}
	if (st->n_rows == st->cap_rows) {
		size_t cap = st->cap_rows ? st->cap_rows * 2 : 256;
		struct row *grown = realloc(st->rows, cap * sizeof *grown);

		if (grown == NULL)
			return PC_ENOMEM;
		st->rows = grown;
		st->cap_rows = cap;
	}
	out = &st->rows[st->n_rows];
	out->line = line;
	out->birth = birth;
	out->entry = entry;
	out->stage = stage;
	if (!keep(st, v[C_LAST], &out->last) ||
	    !keep(st, v[C_FIRST], &out->first) ||
	    !keep(st, v[C_PHONE], &out->phone) ||
	    !keep(st, v[C_EMAIL], &out->email))
		return PC_ENOMEM;
	st->n_rows++;
	return PC_OK;
}

static char *text_at(const struct state *st, uint32_t at)
{
	return at == NO_TEXT ? NULL : st->arena.s + at;
}

static int write_all(struct store_txn *t, void *arg, char **cause)
{
	struct state *st = arg;
	const struct edit_ctx *ctx = st->ctx;
	int rc = PC_OK;

	(void)cause;
	for (size_t i = 0; rc == PC_OK && i < st->n_rows; i++) {
		const struct row *r = &st->rows[i];
		struct participant p;
		uint64_t id;

		participant_init(&p);
		p.last_name = text_at(st, r->last);
		p.first_name = text_at(st, r->first);
		p.phone = text_at(st, r->phone);
		p.email = text_at(st, r->email);
		p.birth_date = r->birth;
		p.stage = (char *)r->stage;
		p.referent =
			(char *)(ctx->who ? ctx->who : ctx->config->referent);
		rc = edit_participant_add_txn(t, ctx, &p, r->entry, "imported",
					      &id);
		if (i % PROGRESS_EVERY == 0)
			progress(st, IMPORT_WRITING, i, st->n_rows);
	}
	if (rc == PC_OK)
		progress(st, IMPORT_WRITING, st->n_rows, st->n_rows);
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
			if (*h.fields[i] &&
			    model_text_check_n("", h.fields[i], h.lens[i],
					       MODEL_TEXT_LINE, false,
					       NULL) == PC_OK)
				addf(&st->notices,
				     _("%s:1: column '%s' ignored"), st->path,
				     h.fields[i]);
			else if (*h.fields[i])
				addf(&st->notices,
				     _("%s:1: column %zu ignored"), st->path,
				     i + 1);
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

/* Rows with more cells than headings are shifted (an unquoted comma),
 * unless the extra cells are all empty. */
static bool row_fits(const struct csv_record *rec, const int *at,
		     size_t n_headers)
{
	size_t expect = 0;

	for (int c = 0; c < C_COUNT; c++)
		if (at[c] >= 0 && (size_t)at[c] + 1 > expect)
			expect = (size_t)at[c] + 1;
	if (rec->n < expect)
		return false;
	for (size_t i = n_headers; i < rec->n; i++)
		if (rec->lens[i] != 0)
			return false;
	return true;
}

static int read_rows(struct state *st, const char *data, size_t len)
{
	struct csv_reader r;
	struct csv_record rec = { 0 };
	size_t n_headers = 0;
	int at[C_COUNT], rc, more;

	csv_open(&r, data, len);
	rc = read_header(st, &r, at, &n_headers);
	if (rc != PC_OK || st->problems.len)
		return rc;
	while ((more = csv_next(&r, &rec)) == 1) {
		/* A blank line (often the last) is not a participant. */
		if (rec.n == 1 && rec.lens[0] == 0)
			continue;
		if (++st->report->rows % PROGRESS_EVERY == 0)
			progress(st, IMPORT_CHECKING, (size_t)(r.p - data),
				 len);
		if (!row_fits(&rec, at, n_headers)) {
			addf(&st->problems,
			     _("%s:%zu: %zu fields where the header has %zu"),
			     st->path, rec.line, rec.n, n_headers);
			continue;
		}
		rc = check_row(st, &rec, at);
		if (rc != PC_OK)
			break;
	}
	if (rc == PC_OK && more < 0)
		addf(&st->problems,
		     _("%s:%zu: a quote is opened and never closed"), st->path,
		     rec.line);
	csv_record_clear(&rec);
	if (rc == PC_OK)
		progress(st, IMPORT_CHECKING, len, len);
	return rc;
}

int import_csv(struct store *s, const struct edit_ctx *ctx,
		    const char *path, const struct import_options *opt,
		    struct import_report *report, char **cause)
{
	static const struct import_options none = { 0 };
	struct state st = { .ctx = ctx,
			    .opt = opt ? opt : &none,
			    .path = path,
			    .report = report };
	const char *wide;
	char *data = NULL;
	size_t len = 0;
	int rc;

	memset(report, 0, sizeof *report);
	rc = slurp(path, &data, &len, cause);
	if (rc != PC_OK)
		return rc;
	if (len == 0) {
		addf(&st.problems, _("%s: the file is empty"), path);
		goto done;
	}
	if ((wide = csv_wide_encoding(data, len)) != NULL) {
		addf(&st.problems,
		     _("%s: %s text; save it as UTF-8 (CSV UTF-8)"), path,
		     wide);
		goto done;
	}
	rc = fold_stage_labels(&st);
	if (rc == PC_OK)
		rc = load_known(&st, s, cause);
	if (rc == PC_OK)
		rc = read_rows(&st, data, len);
	/* Every cell kept is in the arena now. */
	free(data);
	data = NULL;
	if (rc != PC_OK)
		goto done;
	if (report->rows == 0 && st.problems.len == 0)
		addf(&st.problems, _("%s: a header and no participant"), path);
	if (st.problems.len == 0 && !st.opt->dry_run && st.n_rows > 0)
		rc = store_write(s, write_all, &st, cause);
	if (rc == PC_OK)
		report->imported = st.n_rows;
done:
	if (rc == PC_ENOMEM)
		rc = error_set(cause, rc, "out of memory");
	if (rc == PC_OK && st.problems.len) {
		rc = PC_EINVAL;
		report->imported = 0;
	}
	report->problems = st.problems.s;
	report->notices = st.notices.s;
	for (size_t i = 0; st.stage_keys && i < ctx->config->n_stages * 2; i++)
		free(st.stage_keys[i]);
	free(st.stage_keys);
	free(st.people.slots);
	free(st.arena.s);
	free(st.rows);
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

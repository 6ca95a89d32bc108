/* consolidate.c: the territory's summary from several JSON exports. */
#include "consolidate.h"
#include "csv.h"
#include "export_internal.h"
#include "export_report.h"
#include "rules.h"
#include "summary.h"
#include "error.h"
#include "i18n.h"
#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* An export larger than this is no summary parcours wrote. */
#define EXPORT_MAX_BYTES (256u << 20)

static const char *const anomaly_names[ANOMALY_KIND_COUNT] = {
	[ANOMALY_DUPLICATE] = "duplicate_export",
	[ANOMALY_OVERLAP] = "overlapping_periods",
	[ANOMALY_SHARED] = "shared_participants",
	[ANOMALY_NO_DATABASE] = "no_database_id",
};

const char *consolidate_anomaly_name(enum consolidate_anomaly_kind k)
{
	return (unsigned)k < ANOMALY_KIND_COUNT ? anomaly_names[k] : "?";
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static bool same_id(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The whole file at `path` in *text, *len bytes. */
static int slurp(const char *path, char **text, size_t *len, char **cause)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (f == NULL)
		return error_set(cause, PC_EIO, "%s: %s", path,
				 strerror(errno));
	for (;;) {
		if (n == cap) {
			char *more;

			if (cap >= EXPORT_MAX_BYTES) {
				fclose(f);
				free(buf);
				return error_set(cause, PC_EINVAL,
						 _("%s: not a parcours export "
						   "(too large)"),
						 path);
			}
			cap = cap ? cap * 2 : 65536;
			more = realloc(buf, cap);
			if (more == NULL) {
				fclose(f);
				free(buf);
				return error_set(cause, PC_ENOMEM, "%s",
						 error_string(PC_ENOMEM));
			}
			buf = more;
		}
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		free(buf);
		return error_set(cause, PC_EIO, "%s: %s", path, strerror(e));
	}
	fclose(f);
	*text = buf;
	*len = n;
	return PC_OK;
}

/* ---- reading one export ---- */

static int not_export(char **cause, const char *path, const char *what)
{
	return error_set(cause, PC_EINVAL,
			 _("%s: not a parcours export (%s)"), path, what);
}

/* The whole number >= 0 at `key` of `obj` in *out. */
static bool count_at(const struct json *obj, const char *key, size_t *out)
{
	const struct json *v = json_get(obj, key);

	if (v == NULL || v->type != JSON_INT || v->i < 0)
		return false;
	*out = (size_t)v->i;
	return true;
}

/* The string or null at `key` (absent is null too, when `optional`). */
static bool text_at(const struct json *obj, const char *key, bool optional,
		    const char **out)
{
	const struct json *v = json_get(obj, key);

	if (v == NULL)
		return optional ? (*out = NULL, true) : false;
	if (v->type == JSON_NULL) {
		*out = NULL;
		return true;
	}
	if (v->type != JSON_STRING)
		return false;
	*out = v->s;
	return true;
}

/* Check that `doc` is an export this build reads; *cause names `path`. */
static int check_export(const struct json *doc, const char *path,
			char **cause)
{
	const struct json *v = json_get(doc, "schema_version"), *a;
	const char *s;
	size_t n = 0;

	if (doc->type != JSON_OBJECT || v == NULL)
		return not_export(cause, path, _("no schema_version"));
	if (v->type != JSON_INT || v->i != EXPORT_JSON_SCHEMA)
		return error_set(cause, PC_EINVAL,
				 _("%s: schema_version %lld is not one this "
				   "parcours reads (%d)"),
				 path,
				 v->type == JSON_INT ? (long long)v->i : -1LL,
				 EXPORT_JSON_SCHEMA);
	if (!count_at(json_get(doc, "caseload"), "size", &n) ||
	    !count_at(json_get(doc, "caseload"), "needing_attention", &n) ||
	    !count_at(json_get(doc, "caseload"), "after_exit", &n))
		return not_export(cause, path, "caseload");
	if (!text_at(doc, "referent", false, &s) ||
	    !text_at(doc, "database_id", true, &s) ||
	    !text_at(doc, "generated_on", false, &s))
		return not_export(cause, path, "referent, database_id");
	v = json_get(doc, "export_sequence");
	if (v != NULL && v->type != JSON_NULL &&
	    (v->type != JSON_INT || v->i < 1))
		return not_export(cause, path, "export_sequence");
	v = json_get(doc, "pseudonymised");
	if (v == NULL || v->type != JSON_BOOL)
		return not_export(cause, path, "pseudonymised");
	v = json_get(doc, "period");
	if (!count_at(v, "entries", &n) || !count_at(v, "exits", &n) ||
	    !count_at(v, "positive_exits", &n) ||
	    !text_at(v, "from", false, &s) || s == NULL ||
	    !text_at(v, "to", false, &s) || s == NULL)
		return not_export(cause, path, "period");
	a = json_get(doc, "stages");
	if (a == NULL || a->type != JSON_ARRAY)
		return not_export(cause, path, "stages");
	for (size_t i = 0; i < a->n; i++)
		if (!count_at(&a->items[i], "count", &n) ||
		    !text_at(&a->items[i], "id", false, &s) ||
		    !text_at(&a->items[i], "label", false, &s) || s == NULL)
			return not_export(cause, path, "stages");
	a = json_get(doc, "flags");
	if (a == NULL || a->type != JSON_ARRAY)
		return not_export(cause, path, "flags");
	for (size_t i = 0; i < a->n; i++)
		if (!count_at(&a->items[i], "count", &n) ||
		    !text_at(&a->items[i], "name", false, &s) || s == NULL)
			return not_export(cause, path, "flags");
	a = json_get(doc, "referents");
	if (json_get(doc, "referent")->type == JSON_NULL &&
	    (a == NULL || a->type != JSON_ARRAY))
		return not_export(cause, path, "referents");
	for (size_t i = 0; a != NULL && a->type == JSON_ARRAY && i < a->n;
	     i++)
		if (!text_at(&a->items[i], "name", false, &s) || s == NULL ||
		    !count_at(&a->items[i], "caseload", &n) ||
		    !count_at(&a->items[i], "needing_attention", &n) ||
		    !count_at(&a->items[i], "entries", &n) ||
		    !count_at(&a->items[i], "exits", &n) ||
		    !count_at(&a->items[i], "positive_exits", &n))
			return not_export(cause, path, "referents");
	a = json_get(doc, "participants");
	if (a == NULL || a->type != JSON_ARRAY)
		return not_export(cause, path, "participants");
	for (size_t i = 0; i < a->n; i++)
		if (!count_at(&a->items[i], "id", &n))
			return not_export(cause, path, "participants");
	v = json_get(doc, "fse_indicators");
	if (v != NULL) {
		a = json_get(v, "indicators");
		if (a == NULL || a->type != JSON_OBJECT ||
		    json_get(v, "sensitive_included") == NULL ||
		    json_get(v, "sensitive_included")->type != JSON_BOOL)
			return not_export(cause, path, "fse_indicators");
		for (size_t i = 0; i < a->n; i++)
			if (!count_at(&a->items[i], "women", &n) ||
			    !count_at(&a->items[i], "men", &n) ||
			    !count_at(&a->items[i], "non_binary", &n) ||
			    !count_at(&a->items[i], "total", &n))
				return not_export(cause, path,
						  "fse_indicators");
	}
	return PC_OK;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The scalars of a checked export into *f. */
static int read_file(struct consolidate_file *f, const struct json *doc)
{
	const struct json *cl = json_get(doc, "caseload");
	const struct json *p = json_get(doc, "period");
	const struct json *seq = json_get(doc, "export_sequence");
	const struct json *ids = json_get(doc, "participants");
	const char *s = NULL;

	text_at(doc, "database_id", true, &s);
	if (s != NULL && (f->database_id = strdup(s)) == NULL)
		return PC_ENOMEM;
	f->sequence = seq != NULL && seq->type == JSON_INT ? seq->i : 0;
	text_at(doc, "referent", false, &s);
	if (s != NULL && (f->referent = strdup(s)) == NULL)
		return PC_ENOMEM;
	f->pseudonymised = json_get(doc, "pseudonymised")->b;
	text_at(doc, "generated_on", false, &s);
	f->generated_on = strdup(s ? s : "");
	text_at(p, "from", false, &s);
	f->from = strdup(s);
	text_at(p, "to", false, &s);
	f->to = strdup(s);
	if (f->generated_on == NULL || f->from == NULL || f->to == NULL)
		return PC_ENOMEM;
	count_at(cl, "size", &f->caseload);
	count_at(cl, "needing_attention", &f->needing_attention);
	count_at(cl, "after_exit", &f->after_exit);
	count_at(p, "entries", &f->entries);
	count_at(p, "exits", &f->exits);
	count_at(p, "positive_exits", &f->positive);
	f->ids = malloc((ids->n ? ids->n : 1) * sizeof *f->ids);
	if (f->ids == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < ids->n; i++)
		f->ids[i] = (uint64_t)json_get(&ids->items[i], "id")->i;
	f->n_ids = ids->n;
	qsort(f->ids, f->n_ids, sizeof *f->ids, cmp_u64);
	f->has_indicators = json_get(doc, "fse_indicators") != NULL;
	return PC_OK;
}

/* ---- summing ---- */

/* The referents' rows of file `i`: itself, or its referents (--all). */
static int add_referents(struct consolidate *c, size_t i,
			 const struct json *doc)
{
	const struct consolidate_file *f = &c->files[i];
	const struct json *a = json_get(doc, "referents");
	size_t n = f->referent ? 1 : a->n;
	struct consolidate_referent *more;

	if (n == 0)
		return PC_OK;
	more = realloc(c->referents, (c->n_referents + n) * sizeof *more);
	if (more == NULL)
		return PC_ENOMEM;
	c->referents = more;
	for (size_t k = 0; k < n; k++) {
		struct consolidate_referent *r = &more[c->n_referents];
		const struct json *x = f->referent ? NULL : &a->items[k];
		const char *name = f->referent;

		*r = (struct consolidate_referent){ .file = i };
		if (x == NULL) {
			r->caseload = f->caseload;
			r->needing_attention = f->needing_attention;
			r->entries = f->entries;
			r->exits = f->exits;
			r->positive = f->positive;
		} else {
			text_at(x, "name", false, &name);
			count_at(x, "caseload", &r->caseload);
			count_at(x, "needing_attention", &r->needing_attention);
			count_at(x, "entries", &r->entries);
			count_at(x, "exits", &r->exits);
			count_at(x, "positive_exits", &r->positive);
		}
		if ((r->name = strdup(name ? name : "")) == NULL)
			return PC_ENOMEM;
		c->n_referents++;
	}
	return PC_OK;
}

/* The index of `id` in the list, added (label, count 0) when missing;
 * (size_t)-1 when memory ran out. */
static size_t count_index(struct consolidate_count **list, size_t *n,
			  const char *id, const char *label)
{
	struct consolidate_count *more;

	for (size_t i = 0; i < *n; i++)
		if (same_id((*list)[i].id, id))
			return i;
	more = realloc(*list, (*n + 1) * sizeof *more);
	if (more == NULL)
		return (size_t)-1;
	*list = more;
	more[*n] = (struct consolidate_count){ 0 };
	more[*n].id = dup_or_null(id);
	more[*n].label = strdup(label ? label : (id ? id : "?"));
	if ((id != NULL && more[*n].id == NULL) || more[*n].label == NULL) {
		free(more[*n].id);
		free(more[*n].label);
		return (size_t)-1;
	}
	return (*n)++;
}

static int add_indicators(struct consolidate *c, const struct json *fse)
{
	const struct json *ind = json_get(fse, "indicators");
	static const char *const sexes[4] = { "women", "men", "non_binary",
					      "total" };

	c->indicator_exports++;
	if (!json_get(fse, "sensitive_included")->b)
		c->sensitive_included = false;
	for (size_t i = 0; i < ind->n; i++) {
		struct consolidate_indicator *x = NULL;

		for (size_t k = 0; k < c->n_indicators; k++)
			if (strcmp(c->indicators[k].name, ind->keys[i]) == 0)
				x = &c->indicators[k];
		if (x == NULL) {
			struct consolidate_indicator *more =
				realloc(c->indicators,
					(c->n_indicators + 1) * sizeof *more);

			if (more == NULL)
				return PC_ENOMEM;
			c->indicators = more;
			x = &more[c->n_indicators];
			*x = (struct consolidate_indicator){ 0 };
			if ((x->name = strdup(ind->keys[i])) == NULL)
				return PC_ENOMEM;
			c->n_indicators++;
		}
		for (int s = 0; s < 4; s++) {
			size_t n = 0;

			count_at(&ind->items[i], sexes[s], &n);
			x->n[s] += n;
		}
		x->exports++;
	}
	return PC_OK;
}

/* Stage and flag names of `doc` into the lists. */
static int add_names(struct consolidate *c, const struct json *doc)
{
	const struct json *st = json_get(doc, "stages");
	const struct json *fl = json_get(doc, "flags");
	const char *id = NULL, *label = NULL;

	for (size_t i = 0; i < st->n; i++) {
		text_at(&st->items[i], "id", false, &id);
		text_at(&st->items[i], "label", false, &label);
		if (count_index(&c->stages, &c->n_stages, id, label) ==
		    (size_t)-1)
			return PC_ENOMEM;
	}
	for (size_t i = 0; i < fl->n; i++) {
		text_at(&fl->items[i], "name", false, &id);
		if (count_index(&c->flags, &c->n_flags, id, id) == (size_t)-1)
			return PC_ENOMEM;
	}
	return PC_OK;
}

/* The per-file stage and flag counts, once every name is known. */
static int add_counts(struct consolidate *c, struct consolidate_file *f,
		      const struct json *doc)
{
	const struct json *st = json_get(doc, "stages");
	const struct json *fl = json_get(doc, "flags");
	const char *id = NULL;
	size_t n = 0;

	f->stages = calloc(c->n_stages + 1, sizeof *f->stages);
	f->flags = calloc(c->n_flags + 1, sizeof *f->flags);
	if (f->stages == NULL || f->flags == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < st->n; i++) {
		text_at(&st->items[i], "id", false, &id);
		count_at(&st->items[i], "count", &n);
		for (size_t k = 0; k < c->n_stages; k++)
			if (same_id(c->stages[k].id, id))
				f->stages[k] += n;
	}
	for (size_t i = 0; i < fl->n; i++) {
		text_at(&fl->items[i], "name", false, &id);
		count_at(&fl->items[i], "count", &n);
		for (size_t k = 0; k < c->n_flags; k++)
			if (same_id(c->flags[k].id, id))
				f->flags[k] += n;
	}
	return PC_OK;
}

/* ---- anomalies ---- */

static int anomaly(struct consolidate *c, enum consolidate_anomaly_kind k,
		   size_t a, size_t b, uint64_t *ids, size_t n_ids,
		   const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static int anomaly(struct consolidate *c, enum consolidate_anomaly_kind k,
		   size_t a, size_t b, uint64_t *ids, size_t n_ids,
		   const char *fmt, ...)
{
	struct consolidate_anomaly *more =
		realloc(c->anomalies, (c->n_anomalies + 1) * sizeof *more);
	va_list ap;
	char *msg = NULL;
	int len;

	if (more == NULL) {
		free(ids);
		return PC_ENOMEM;
	}
	c->anomalies = more;
	va_start(ap, fmt);
	len = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (len < 0) {
		free(ids);
		return PC_ENOMEM;
	}
	more[c->n_anomalies++] = (struct consolidate_anomaly){
		.kind = k, .a = a, .b = b, .message = msg, .ids = ids,
		.n_ids = n_ids,
	};
	return PC_OK;
}

/* The participants both sorted lists hold, in *out (NULL for none). */
static int common_ids(const struct consolidate_file *x,
		      const struct consolidate_file *y, uint64_t **out,
		      size_t *n)
{
	size_t i = 0, j = 0;

	*out = NULL;
	*n = 0;
	while (i < x->n_ids && j < y->n_ids) {
		if (x->ids[i] < y->ids[j]) {
			i++;
		} else if (x->ids[i] > y->ids[j]) {
			j++;
		} else {
			if (*out == NULL) {
				size_t cap = x->n_ids < y->n_ids ? x->n_ids
								 : y->n_ids;

				if ((*out = malloc(cap * sizeof **out)) ==
				    NULL)
					return PC_ENOMEM;
			}
			(*out)[(*n)++] = x->ids[i];
			i++;
			j++;
		}
	}
	return PC_OK;
}

/* The ids as "3, 17, 42" (the first ten, then "..."), static storage. */
static const char *id_text(const uint64_t *ids, size_t n)
{
	static char buf[256];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && i < 10; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used,
					 "%s%llu", i ? ", " : "",
					 (unsigned long long)ids[i]);
	if (n > 10)
		snprintf(buf + used, sizeof buf - used, ", ...");
	return buf;
}

static int find_anomalies(struct consolidate *c)
{
	int rc = PC_OK;

	for (size_t i = 0; i < c->n_files && rc == PC_OK; i++)
		if (c->files[i].database_id == NULL)
			rc = anomaly(c, ANOMALY_NO_DATABASE, i, i, NULL, 0,
				     _("%s: no database id (an export of an "
				       "older parcours): a duplicate of it "
				       "cannot be told"),
				     c->files[i].path);
	for (size_t i = 0; i < c->n_files && rc == PC_OK; i++) {
		const struct consolidate_file *x = &c->files[i];

		for (size_t j = i + 1; j < c->n_files && rc == PC_OK; j++) {
			const struct consolidate_file *y = &c->files[j];
			uint64_t *ids;
			size_t n;

			if (x->database_id == NULL || y->database_id == NULL ||
			    strcmp(x->database_id, y->database_id) != 0)
				continue;
			if (x->sequence != 0 && x->sequence == y->sequence) {
				rc = anomaly(c, ANOMALY_DUPLICATE, i, j, NULL,
					     0,
					     _("%s and %s: the same export "
					       "(database %s, number %lld) "
					       "given twice: counted twice"),
					     x->path, y->path, x->database_id,
					     (long long)x->sequence);
				continue;
			}
			/* Two referents of a shared database export their
			 * caseloads for the same period: no overlap; one of
			 * every referent (--all) holds the others'. */
			if ((x->referent == NULL || y->referent == NULL ||
			     strcmp(x->referent, y->referent) == 0) &&
			    strcmp(x->from, y->to) <= 0 &&
			    strcmp(y->from, x->to) <= 0)
				rc = anomaly(c, ANOMALY_OVERLAP, i, j, NULL, 0,
					     _("%s (%s to %s) and %s (%s to "
					       "%s): two exports of database "
					       "%s whose periods overlap"),
					     x->path, x->from, x->to, y->path,
					     y->from, y->to, x->database_id);
			if (rc == PC_OK)
				rc = common_ids(x, y, &ids, &n);
			if (rc == PC_OK && n > 0)
				rc = anomaly(c, ANOMALY_SHARED, i, j, ids, n,
					     P_("%s and %s: %zu participant "
						"of database %s in both (%s)",
						"%s and %s: %zu participants "
						"of database %s in both (%s)",
						n),
					     x->path, y->path, n,
					     x->database_id, id_text(ids, n));
		}
	}
	return rc;
}

/* ---- the whole ---- */

int consolidate_load(struct consolidate *c, const char *const *paths,
		     size_t n, char **cause)
{
	struct json **docs;
	int rc = PC_OK;

	*c = (struct consolidate){ .sensitive_included = true };
	docs = calloc(n ? n : 1, sizeof *docs);
	c->files = calloc(n ? n : 1, sizeof *c->files);
	if (docs == NULL || c->files == NULL) {
		free(docs);
		return error_set(cause, PC_ENOMEM, "%s",
				 error_string(PC_ENOMEM));
	}
	for (size_t i = 0; i < n && rc == PC_OK; i++) {
		char *text = NULL, *why = NULL;
		size_t len = 0;

		c->files[i].path = strdup(paths[i]);
		c->n_files++;
		if (c->files[i].path == NULL) {
			rc = PC_ENOMEM;
			break;
		}
		rc = slurp(paths[i], &text, &len, cause);
		if (rc != PC_OK)
			break;
		rc = json_parse_fractions(text, len, &docs[i], &why);
		free(text);
		if (rc == PC_EINVAL) {
			rc = error_set(cause, rc,
				       _("%s: not a parcours export (%s)"),
				       paths[i], why ? why : "");
			free(why);
			break;
		}
		free(why);
		if (rc == PC_OK)
			rc = check_export(docs[i], paths[i], cause);
		if (rc == PC_OK)
			rc = read_file(&c->files[i], docs[i]);
		if (rc == PC_OK)
			rc = add_referents(c, i, docs[i]);
		if (rc == PC_OK)
			rc = add_names(c, docs[i]);
		if (rc == PC_OK && c->files[i].has_indicators)
			rc = add_indicators(c,
					    json_get(docs[i], "fse_indicators"));
	}
	if (rc == PC_OK) {
		struct consolidate_file *t = &c->total;

		t->stages = calloc(c->n_stages + 1, sizeof *t->stages);
		t->flags = calloc(c->n_flags + 1, sizeof *t->flags);
		if (t->stages == NULL || t->flags == NULL)
			rc = PC_ENOMEM;
		for (size_t i = 0; i < n && rc == PC_OK; i++) {
			struct consolidate_file *f = &c->files[i];

			rc = add_counts(c, f, docs[i]);
			if (rc != PC_OK)
				break;
			t->caseload += f->caseload;
			t->needing_attention += f->needing_attention;
			t->after_exit += f->after_exit;
			t->entries += f->entries;
			t->exits += f->exits;
			t->positive += f->positive;
			for (size_t k = 0; k < c->n_stages; k++) {
				t->stages[k] += f->stages[k];
				c->stages[k].count += f->stages[k];
			}
			for (size_t k = 0; k < c->n_flags; k++) {
				t->flags[k] += f->flags[k];
				c->flags[k].count += f->flags[k];
			}
		}
	}
	if (rc == PC_OK)
		rc = find_anomalies(c);
	for (size_t i = 0; i < n; i++)
		json_free(docs[i]);
	free(docs);
	if (rc == PC_ENOMEM)
		return error_set(cause, rc, "%s", error_string(rc));
	if (c->indicator_exports == 0)
		c->sensitive_included = false;
	return rc;
}

static void file_free(struct consolidate_file *f)
{
	free(f->path);
	free(f->database_id);
	free(f->referent);
	free(f->generated_on);
	free(f->from);
	free(f->to);
	free(f->stages);
	free(f->flags);
	free(f->ids);
}

void consolidate_free(struct consolidate *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n_files; i++)
		file_free(&c->files[i]);
	free(c->files);
	file_free(&c->total);
	for (size_t i = 0; i < c->n_stages; i++) {
		free(c->stages[i].id);
		free(c->stages[i].label);
	}
	free(c->stages);
	for (size_t i = 0; i < c->n_flags; i++) {
		free(c->flags[i].id);
		free(c->flags[i].label);
	}
	free(c->flags);
	for (size_t i = 0; i < c->n_indicators; i++)
		free(c->indicators[i].name);
	free(c->indicators);
	for (size_t i = 0; i < c->n_anomalies; i++) {
		free(c->anomalies[i].message);
		free(c->anomalies[i].ids);
	}
	free(c->anomalies);
	for (size_t i = 0; i < c->n_referents; i++)
		free(c->referents[i].name);
	free(c->referents);
	*c = (struct consolidate){ 0 };
}

/* ---- writing ---- */

/* The positive-exit rate in percent as summary_positive_rate rounds it;
 * -1 without exits. */
static int rate_of(size_t positive, size_t exits)
{
	if (exits == 0)
		return -1;
	return (int)((positive * 100 + exits / 2) / exits);
}

static int rate(const struct consolidate_file *f)
{
	return rate_of(f->positive, f->exits);
}

static void json_rate(FILE *out, const struct consolidate_file *f)
{
	int r = rate(f);

	if (r < 0)
		fputs("null", out);
	else
		fprintf(out, "%d", r);
}

/* The figures of a file or of the totals, as members of an object. */
static void json_figures(FILE *out, const struct consolidate *c,
			 const struct consolidate_file *f, const char *indent)
{
	fprintf(out,
		"%s\"caseload\": %zu, \"needing_attention\": %zu, "
		"\"after_exit\": %zu,\n%s\"entries\": %zu, \"exits\": %zu, "
		"\"positive_exits\": %zu, \"positive_rate\": ",
		indent, f->caseload, f->needing_attention, f->after_exit,
		indent, f->entries, f->exits, f->positive);
	json_rate(out, f);
	fprintf(out, ",\n%s\"stages\": [", indent);
	for (size_t k = 0; k < c->n_stages; k++) {
		fprintf(out, "%s{\"id\": ", k ? ", " : "");
		json_write_string(out, c->stages[k].id);
		fprintf(out, ", \"count\": %zu}", f->stages[k]);
	}
	fprintf(out, "],\n%s\"flags\": [", indent);
	for (size_t k = 0; k < c->n_flags; k++) {
		fprintf(out, "%s{\"name\": ", k ? ", " : "");
		json_write_string(out, c->flags[k].id);
		fprintf(out, ", \"count\": %zu}", f->flags[k]);
	}
	fputc(']', out);
}

static void write_json(FILE *out, const struct consolidate *c)
{
	static const char *const sexes[4] = { "women", "men", "non_binary",
					      "total" };

	fprintf(out, "{\n  \"consolidate_version\": %d,\n"
		     "  \"export_schema_version\": %d,\n  \"files\": [",
		CONSOLIDATE_JSON_SCHEMA, EXPORT_JSON_SCHEMA);
	for (size_t i = 0; i < c->n_files; i++) {
		const struct consolidate_file *f = &c->files[i];

		fprintf(out, "%s\n    {\"path\": ", i ? "," : "");
		json_write_string(out, f->path);
		fputs(", \"database_id\": ", out);
		json_write_string(out, f->database_id);
		fputs(", \"export_sequence\": ", out);
		if (f->sequence > 0)
			fprintf(out, "%lld", (long long)f->sequence);
		else
			fputs("null", out);
		fputs(",\n     \"referent\": ", out);
		json_write_string(out, f->referent);
		fprintf(out, ", \"pseudonymised\": %s, \"generated_on\": ",
			f->pseudonymised ? "true" : "false");
		json_write_string(out, f->generated_on);
		fputs(", \"from\": ", out);
		json_write_string(out, f->from);
		fputs(", \"to\": ", out);
		json_write_string(out, f->to);
		fputs(",\n", out);
		json_figures(out, c, f, "     ");
		fputc('}', out);
	}
	fputs(c->n_files ? "\n  ],\n  \"totals\": {\n" : "],\n  \"totals\": {\n",
	      out);
	json_figures(out, c, &c->total, "    ");
	fputs(",\n    \"stage_labels\": [", out);
	for (size_t k = 0; k < c->n_stages; k++) {
		fprintf(out, "%s{\"id\": ", k ? ", " : "");
		json_write_string(out, c->stages[k].id);
		fputs(", \"label\": ", out);
		json_write_string(out, c->stages[k].label);
		fputc('}', out);
	}
	fputs("]\n  },\n  \"referents\": [", out);
	for (size_t i = 0; i < c->n_referents; i++) {
		const struct consolidate_referent *r = &c->referents[i];
		int x = rate_of(r->positive, r->exits);

		fprintf(out, "%s\n    {\"name\": ", i ? "," : "");
		json_write_string(out, r->name);
		fputs(", \"file\": ", out);
		json_write_string(out, c->files[r->file].path);
		fprintf(out,
			", \"caseload\": %zu, \"needing_attention\": %zu, "
			"\"entries\": %zu, \"exits\": %zu, "
			"\"positive_exits\": %zu, \"positive_rate\": ",
			r->caseload, r->needing_attention, r->entries,
			r->exits, r->positive);
		if (x < 0)
			fputs("null}", out);
		else
			fprintf(out, "%d}", x);
	}
	fputs(c->n_referents ? "\n  ],\n  \"fse_indicators\": "
			     : "],\n  \"fse_indicators\": ",
	      out);
	if (c->indicator_exports == 0) {
		fputs("null", out);
	} else {
		fprintf(out,
			"{\n    \"exports\": %zu, \"sensitive_included\": %s,"
			"\n    \"indicators\": {",
			c->indicator_exports,
			c->sensitive_included ? "true" : "false");
		for (size_t i = 0; i < c->n_indicators; i++) {
			const struct consolidate_indicator *x =
				&c->indicators[i];

			fprintf(out, "%s\n      ", i ? "," : "");
			json_write_string(out, x->name);
			fputs(": {", out);
			for (int s = 0; s < 4; s++)
				fprintf(out, "\"%s\": %zu, ", sexes[s],
					x->n[s]);
			fprintf(out, "\"exports\": %zu}", x->exports);
		}
		fputs(c->n_indicators ? "\n    }\n  }" : "}\n  }", out);
	}
	fputs(",\n  \"anomalies\": [", out);
	for (size_t i = 0; i < c->n_anomalies; i++) {
		const struct consolidate_anomaly *a = &c->anomalies[i];

		fprintf(out, "%s\n    {\"kind\": \"%s\", \"files\": [",
			i ? "," : "", consolidate_anomaly_name(a->kind));
		json_write_string(out, c->files[a->a].path);
		if (a->b != a->a) {
			fputs(", ", out);
			json_write_string(out, c->files[a->b].path);
		}
		fputs("], \"participants\": [", out);
		for (size_t k = 0; k < a->n_ids; k++)
			fprintf(out, "%s%llu", k ? ", " : "",
				(unsigned long long)a->ids[k]);
		fputs("], \"message\": ", out);
		json_write_string(out, a->message);
		fputc('}', out);
	}
	fputs(c->n_anomalies ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* Who an export is of: its referent, or every one. */
static const char *who(const struct consolidate_file *f)
{
	return f->referent ? f->referent : _("every referent");
}

static void csv_number(FILE *out, size_t n)
{
	fprintf(out, ",%zu", n);
}

/* One CSV row: kind, name, then a file's (or the totals') columns. */
static void csv_row(FILE *out, const struct consolidate *c, const char *kind,
		    const struct consolidate_file *f, const char *name)
{
	char buf[32];
	int r = rate(f);

	csv_write_field(out, kind, ',', CSV_GUARD_TEXT);
	fputc(',', out);
	csv_write_field(out, name, ',', CSV_GUARD_TEXT);
	fputc(',', out);
	csv_write_field(out, f->path ? f->path : "", ',', CSV_GUARD_TEXT);
	fputc(',', out);
	csv_write_field(out, f->database_id ? f->database_id : "", ',',
			CSV_GUARD_TEXT);
	if (f->sequence > 0)
		fprintf(out, ",%lld", (long long)f->sequence);
	else
		fputc(',', out);
	fputc(',', out);
	csv_write_field(out, f->from ? f->from : "", ',', CSV_GUARD_TEXT);
	fputc(',', out);
	csv_write_field(out, f->to ? f->to : "", ',', CSV_GUARD_TEXT);
	csv_number(out, f->caseload);
	csv_number(out, f->needing_attention);
	csv_number(out, f->after_exit);
	csv_number(out, f->entries);
	csv_number(out, f->exits);
	csv_number(out, f->positive);
	snprintf(buf, sizeof buf, "%d", r);
	fprintf(out, ",%s", r < 0 ? "" : buf);
	for (size_t k = 0; k < c->n_stages; k++)
		csv_number(out, f->stages[k]);
	for (size_t k = 0; k < c->n_flags; k++)
		csv_number(out, f->flags[k]);
	fputs(",,,,,\r\n", out); /* no indicator, no message */
}

/*
 * CSV: one table, its first column saying what a row is: "file" (one
 * export, named by its referent), "total", "referent" (a referent's
 * figures, those of an export of every referent split), "indicator" (a line of the
 * funder's table, in the columns women, men, non_binary and total) and
 * "anomaly" (its kind as name, what it is in the column message).
 */
static void write_csv(FILE *out, const struct consolidate *c)
{
	static const char *const head[] = {
		"row",	    "name",	  "file",	"database_id",
		"export_sequence", "from", "to",	"caseload",
		"needing_attention", "after_exit", "entries", "exits",
		"positive_exits", "positive_rate",
	};
	char name[256];

	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		fprintf(out, "%s%s", i ? "," : "", head[i]);
	for (size_t k = 0; k < c->n_stages; k++) {
		snprintf(name, sizeof name, "stage:%s",
			 c->stages[k].id ? c->stages[k].id : "?");
		fputc(',', out);
		csv_write_field(out, name, ',', CSV_GUARD_TEXT);
	}
	for (size_t k = 0; k < c->n_flags; k++) {
		snprintf(name, sizeof name, "flag:%s", c->flags[k].id);
		fputc(',', out);
		csv_write_field(out, name, ',', CSV_GUARD_TEXT);
	}
	fputs(",women,men,non_binary,total,message\r\n", out);
	size_t extra = c->n_stages + c->n_flags;

	for (size_t i = 0; i < c->n_files; i++)
		csv_row(out, c, "file", &c->files[i], who(&c->files[i]));
	csv_row(out, c, "total", &c->total, "total");
	for (size_t i = 0; i < c->n_referents; i++) {
		const struct consolidate_referent *r = &c->referents[i];
		int x = rate_of(r->positive, r->exits);

		csv_write_field(out, "referent", ',', CSV_GUARD_TEXT);
		fputc(',', out);
		csv_write_field(out, r->name, ',', CSV_GUARD_TEXT);
		fputc(',', out);
		csv_write_field(out, c->files[r->file].path, ',',
				CSV_GUARD_TEXT);
		fprintf(out, ",,,,,%zu,%zu,,%zu,%zu,%zu,", r->caseload,
			r->needing_attention, r->entries, r->exits,
			r->positive);
		if (x >= 0)
			fprintf(out, "%d", x);
		for (size_t k = 0; k < extra + 5; k++)
			fputc(',', out);
		fputs("\r\n", out);
	}
	for (size_t i = 0; i < c->n_indicators; i++) {
		const struct consolidate_indicator *x = &c->indicators[i];

		csv_write_field(out, "indicator", ',', CSV_GUARD_TEXT);
		fputc(',', out);
		csv_write_field(out, x->name, ',', CSV_GUARD_TEXT);
		for (size_t k = 2; k < sizeof head / sizeof *head + extra; k++)
			fputc(',', out);
		fprintf(out, ",%zu,%zu,%zu,%zu,\r\n", x->n[0], x->n[1],
			x->n[2], x->n[3]);
	}
	for (size_t i = 0; i < c->n_anomalies; i++) {
		const struct consolidate_anomaly *a = &c->anomalies[i];

		csv_write_field(out, "anomaly", ',', CSV_GUARD_TEXT);
		fputc(',', out);
		csv_write_field(out, consolidate_anomaly_name(a->kind), ',',
				CSV_GUARD_TEXT);
		for (size_t k = 2; k < sizeof head / sizeof *head + extra + 4;
		     k++)
			fputc(',', out);
		fputc(',', out);
		csv_write_field(out, a->message, ',', CSV_GUARD_TEXT);
		fputs("\r\n", out);
	}
}

/* What people call flag `name`, or the name itself. */
static const char *flag_label(const char *name)
{
	for (int k = 0; k < FLAG_COUNT; k++)
		if (strcmp(rules_flag_name((enum flag_kind)k), name) == 0)
			return export_flag_label((enum flag_kind)k);
	return name;
}

static const char *indicator_label(const char *name)
{
	for (int i = 0; i < IND_COUNT; i++)
		if (strcmp(summary_indicator_name((enum summary_indicator)i),
			   name) == 0)
			return export_indicator_label(
				(enum summary_indicator)i);
	return name;
}

/* A table of cells made with a format each; rows of `width` cells kept
 * in `cells` (each a malloc'd string) until drawn. */
struct table {
	char **cells;
	size_t n, cap;
};

static bool cell(struct table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool cell(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **more = realloc(t->cells, cap * sizeof *more);

		if (more == NULL)
			return false;
		t->cells = more;
		t->cap = cap;
	}
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s == NULL)
		return false;
	t->cells[t->n++] = s;
	return true;
}

static void table_clear(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->cells[i]);
	t->n = 0;
}

/* Draw `t` as rows of `width` under `headers` (the first `width` cells
 * of t), and empty it. */
static void draw(const struct report_renderer *r, void *ctx, struct table *t,
		 size_t width)
{
	r->table_begin(ctx, (const char *const *)t->cells, width);
	for (size_t i = width; i + width <= t->n; i += width)
		r->row(ctx, (const char *const *)t->cells + i, width);
	r->table_end(ctx);
	table_clear(t);
}

static bool rate_cell(struct table *t, const struct consolidate_file *f)
{
	int x = rate(f);

	return x < 0 ? cell(t, "-") : cell(t, "%d %%", x);
}

/* The rows of the exports and the totals: figures, stages, flags. */
static bool file_rows(struct table *t, const struct consolidate *c,
		      int what)
{
	for (size_t i = 0; i <= c->n_files; i++) {
		const struct consolidate_file *f =
			i < c->n_files ? &c->files[i] : &c->total;
		bool ok = cell(t, "%s", i < c->n_files ? who(f) : _("Total"));

		if (what == 0)
			ok = ok && cell(t, "%zu", f->caseload) &&
			     cell(t, "%zu", f->needing_attention) &&
			     cell(t, "%zu", f->entries) &&
			     cell(t, "%zu", f->exits) &&
			     cell(t, "%zu", f->positive) && rate_cell(t, f);
		for (size_t k = 0; what == 1 && k < c->n_stages; k++)
			ok = ok && cell(t, "%zu", f->stages[k]);
		for (size_t k = 0; what == 2 && k < c->n_flags; k++)
			ok = ok && cell(t, "%zu", f->flags[k]);
		if (!ok)
			return false;
	}
	return true;
}

static int report(const struct consolidate *c,
		  const struct report_renderer *r, void *ctx)
{
	struct table t = { 0 };
	bool ok = true;
	size_t width;
	char *s = NULL;

	r->begin(ctx, _("Territory summary"));
	if (asprintf(&s,
		     P_("Consolidated from %zu export; %zu anomaly found.",
			"Consolidated from %zu exports; %zu anomalies found.",
			c->n_files),
		     c->n_files, c->n_anomalies) < 0)
		return PC_ENOMEM;
	r->para(ctx, s);
	free(s);

	r->heading(ctx, _("Exports covered"));
	ok = cell(&t, "%s", _("File")) && cell(&t, "%s", _("Referent")) &&
	     cell(&t, "%s", _("Database")) && cell(&t, "%s", _("No.")) &&
	     cell(&t, "%s", _("Period")) && cell(&t, "%s", _("Made on"));
	for (size_t i = 0; ok && i < c->n_files; i++) {
		const struct consolidate_file *f = &c->files[i];

		ok = cell(&t, "%s", f->path) && cell(&t, "%s", who(f)) &&
		     cell(&t, "%s", f->database_id ? f->database_id : "-") &&
		     (f->sequence > 0 ? cell(&t, "%lld", (long long)f->sequence)
				      : cell(&t, "-")) &&
		     cell(&t, _("%s to %s"), f->from, f->to) &&
		     cell(&t, "%s%s", f->generated_on,
			  f->pseudonymised ? _(" (pseudonymised)") : "");
	}
	if (!ok)
		goto nomem;
	draw(r, ctx, &t, 6);

	r->heading(ctx, _("Caseload, entries and exits"));
	ok = cell(&t, "%s", _("Referent")) && cell(&t, "%s", _("Caseload")) &&
	     cell(&t, "%s", _("Needing attention")) &&
	     cell(&t, "%s", _("Entries")) && cell(&t, "%s", _("Exits")) &&
	     cell(&t, "%s", _("Positive exits")) &&
	     cell(&t, "%s", _("Positive-exit rate")) && file_rows(&t, c, 0);
	if (!ok)
		goto nomem;
	draw(r, ctx, &t, 7);
	if (r->chart != NULL && c->n_files > 0) {
		const char **labels = calloc(c->n_files, sizeof *labels);
		size_t *values = calloc(c->n_files, sizeof *values);

		if (labels == NULL || values == NULL) {
			free(labels);
			free(values);
			goto nomem;
		}
		for (size_t i = 0; i < c->n_files; i++) {
			labels[i] = who(&c->files[i]);
			values[i] = c->files[i].caseload;
		}
		r->chart(ctx, _("Caseload by export"), labels, values,
			 c->n_files);
		free(labels);
		free(values);
	}

	r->heading(ctx, _("By referent"));
	ok = cell(&t, "%s", _("Referent")) && cell(&t, "%s", _("File")) &&
	     cell(&t, "%s", _("Caseload")) &&
	     cell(&t, "%s", _("Needing attention")) &&
	     cell(&t, "%s", _("Entries")) && cell(&t, "%s", _("Exits")) &&
	     cell(&t, "%s", _("Positive exits")) &&
	     cell(&t, "%s", _("Positive-exit rate"));
	for (size_t i = 0; ok && i < c->n_referents; i++) {
		const struct consolidate_referent *x = &c->referents[i];
		int pr = rate_of(x->positive, x->exits);

		ok = cell(&t, "%s", x->name) &&
		     cell(&t, "%s", c->files[x->file].path) &&
		     cell(&t, "%zu", x->caseload) &&
		     cell(&t, "%zu", x->needing_attention) &&
		     cell(&t, "%zu", x->entries) && cell(&t, "%zu", x->exits) &&
		     cell(&t, "%zu", x->positive) &&
		     (pr < 0 ? cell(&t, "-") : cell(&t, "%d %%", pr));
	}
	if (!ok)
		goto nomem;
	draw(r, ctx, &t, 8);

	r->heading(ctx, _("Stages"));
	width = 1 + c->n_stages;
	ok = cell(&t, "%s", _("Referent"));
	for (size_t k = 0; ok && k < c->n_stages; k++)
		ok = cell(&t, "%s", c->stages[k].label);
	if (!ok || !file_rows(&t, c, 1))
		goto nomem;
	draw(r, ctx, &t, width);

	r->heading(ctx, _("Needing attention, by flag"));
	width = 1 + c->n_flags;
	ok = cell(&t, "%s", _("Referent"));
	for (size_t k = 0; ok && k < c->n_flags; k++)
		ok = cell(&t, "%s", flag_label(c->flags[k].id));
	if (!ok || !file_rows(&t, c, 2))
		goto nomem;
	draw(r, ctx, &t, width);

	r->heading(ctx, _("FSE+ indicators"));
	if (c->indicator_exports == 0) {
		r->para(ctx, _("None of the exports holds the funder's "
			       "indicator table."));
	} else {
		if (asprintf(&s,
			     P_("Summed over %zu export%s.",
				"Summed over %zu exports%s.",
				c->indicator_exports),
			     c->indicator_exports,
			     c->sensitive_included
				     ? ""
				     : _("; the sensitive answers are left "
					 "out of some")) < 0)
			goto nomem;
		r->para(ctx, s);
		free(s);
		ok = cell(&t, "%s", _("Indicator")) &&
		     cell(&t, "%s", _("Women")) && cell(&t, "%s", _("Men")) &&
		     cell(&t, "%s", _("Non-binary")) &&
		     cell(&t, "%s", _("Total")) &&
		     cell(&t, "%s", _("Exports"));
		for (size_t i = 0; ok && i < c->n_indicators; i++) {
			const struct consolidate_indicator *x =
				&c->indicators[i];

			ok = cell(&t, "%s", indicator_label(x->name)) &&
			     cell(&t, "%zu", x->n[0]) &&
			     cell(&t, "%zu", x->n[1]) &&
			     cell(&t, "%zu", x->n[2]) &&
			     cell(&t, "%zu", x->n[3]) &&
			     cell(&t, "%zu", x->exports);
		}
		if (!ok)
			goto nomem;
		draw(r, ctx, &t, 6);
	}

	r->heading(ctx, _("Anomalies"));
	if (c->n_anomalies == 0) {
		r->para(ctx, _("None."));
	} else {
		ok = cell(&t, "%s", _("Kind")) && cell(&t, "%s", _("What"));
		for (size_t i = 0; ok && i < c->n_anomalies; i++)
			ok = cell(&t, "%s",
				  consolidate_anomaly_name(
					  c->anomalies[i].kind)) &&
			     cell(&t, "%s", c->anomalies[i].message);
		if (!ok)
			goto nomem;
		draw(r, ctx, &t, 2);
	}
	r->end(ctx);
	free(t.cells);
	return PC_OK;
nomem:
	table_clear(&t);
	free(t.cells);
	return PC_ENOMEM;
}

int consolidate_write(FILE *out, const struct consolidate *c,
		      enum export_format format)
{
	int rc = PC_OK;

	switch (format) {
	case EXPORT_JSON:
		write_json(out, c);
		break;
	case EXPORT_CSV:
		write_csv(out, c);
		break;
	case EXPORT_MD:
		rc = report(c, &export_md_renderer, out);
		break;
	case EXPORT_HTML:
		rc = report(c, &export_html_renderer, out);
		break;
	}
	if (rc != PC_OK)
		return rc;
	return ferror(out) ? PC_EIO : PC_OK;
}

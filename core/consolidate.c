/* consolidate.c: the territory's summary from several JSON exports. */
#include "consolidate.h"
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
	return error_set(cause, PC_EINVAL, _("%s: not a parcours export (%s)"),
			 path, what);
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
static int check_export(const struct json *doc, const char *path, char **cause)
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
	for (size_t i = 0; a != NULL && a->type == JSON_ARRAY && i < a->n; i++)
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
		.kind = k,
		.a = a,
		.b = b,
		.message = msg,
		.ids = ids,
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

				if ((*out = malloc(cap * sizeof **out)) == NULL)
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

int consolidate_load(struct consolidate *c, const char *const *paths, size_t n,
		     char **cause)
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
			rc = add_indicators(
				c, json_get(docs[i], "fse_indicators"));
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

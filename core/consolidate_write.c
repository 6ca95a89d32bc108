/* consolidate_write.c: the territory's summary written as CSV, JSON,
 * Markdown or HTML (the last two through the exports' report renderers);
 * consolidate.c reads and sums the exports. */
#include "consolidate.h"
#include "csv.h"
#include "export_internal.h"
#include "export_report.h"
#include "error.h"
#include "i18n.h"
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

	fprintf(out,
		"{\n  \"consolidate_version\": %d,\n"
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
	fputs(c->n_files ? "\n  ],\n  \"totals\": {\n"
			 : "],\n  \"totals\": {\n",
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
			r->caseload, r->needing_attention, r->entries, r->exits,
			r->positive);
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
 * figures, those of an export of every referent split), "indicator" (a line of
 * the funder's table, in the columns women, men, non_binary and total) and
 * "anomaly" (its kind as name, what it is in the column message).
 */
static void write_csv(FILE *out, const struct consolidate *c)
{
	static const char *const head[] = {
		"row",
		"name",
		"file",
		"database_id",
		"export_sequence",
		"from",
		"to",
		"caseload",
		"needing_attention",
		"after_exit",
		"entries",
		"exits",
		"positive_exits",
		"positive_rate",
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
		fprintf(out, ",%zu,%zu,%zu,%zu,\r\n", x->n[0], x->n[1], x->n[2],
			x->n[3]);
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
static bool file_rows(struct table *t, const struct consolidate *c, int what)
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

static int report(const struct consolidate *c, const struct report_renderer *r,
		  void *ctx)
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
		     cell(&t, "%s", _("Total")) && cell(&t, "%s", _("Exports"));
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

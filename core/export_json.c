/* export_json.c: the whole summary as one JSON document. */
#include "export_internal.h"
#include "error.h"
#include "i18n.h"
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * A JSON string, valid UTF-8 whatever `s` holds (an invalid byte becomes
 * U+FFFD), with every control character, DEL and C1 included, escaped:
 * the value is kept, and a terminal showing the file obeys none of them.
 */
static void jstr(FILE *out, const char *s)
{
	size_t n = strlen(s ? s : "");
	char shown[EXPORT_CHAR_MAX];

	fputc('"', out);
	while (n > 0) {
		unsigned char b = (unsigned char)*s;
		size_t len = export_char(s, n, shown);

		if (b == '"' || b == '\\')
			fprintf(out, "\\%c", b);
		else if (b == '\n')
			fputs("\\n", out);
		else if (b == '\r')
			fputs("\\r", out);
		else if (b == '\t')
			fputs("\\t", out);
		else if (b < 0x20 || b == 0x7f)
			fprintf(out, "\\u%04x", b);
		else if (b == 0xc2 && len == 2 && shown[0] == '~')
			fprintf(out, "\\u%04x", (unsigned char)s[1]);
		else
			fputs(shown, out);
		s += len;
		n -= len;
	}
	fputc('"', out);
}

const char *export_uuid(const char hex[STORE_ID_SIZE],
			char out[EXPORT_UUID_SIZE])
{
	size_t o = 0;

	for (size_t i = 0; i < 32 && hex[i]; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[o++] = '-';
		out[o++] = hex[i];
	}
	out[o] = '\0';
	return out;
}

struct stamp {
	char *uuid;
	uint64_t *sequence;
};

static int stamp_cb(struct store_txn *t, void *arg, char **cause)
{
	struct stamp *st = arg;
	char hex[STORE_ID_SIZE];
	int rc = store_next_seq(t, EXPORT_SEQUENCE_NAME, st->sequence);

	if (rc == PC_OK)
		rc = store_id(t, hex);
	if (rc != PC_OK)
		return error_set(cause, rc, _("cannot number the export: %s"),
				 error_string(rc));
	export_uuid(hex, st->uuid);
	return PC_OK;
}

int export_json_stamp(struct store *st, char uuid[EXPORT_UUID_SIZE],
		      uint64_t *sequence, char **cause)
{
	struct stamp a = { uuid, sequence };

	return store_write(st, stamp_cb, &a, cause);
}

static void jdate(FILE *out, pdate d)
{
	char buf[DATE_BUFSZ];

	if (d == DATE_NONE)
		fputs("null", out);
	else
		jstr(out, date_format_iso(d, buf));
}

/* "key": as the start of a member, with a comma unless first. */
static void key(FILE *out, int indent, bool first, const char *k)
{
	fprintf(out, "%s\n%*s", first ? "" : ",", indent, "");
	jstr(out, k);
	fputs(": ", out);
}

static void ids(FILE *out, const struct summary *s, const size_t *entries,
		size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		struct caseload_entry tmp;

		fprintf(out, "%s%llu", i ? ", " : "",
			(unsigned long long)summary_entry(s, entries[i], &tmp)
				->file.p.id);
	}
	fputc(']', out);
}

static void stages(FILE *out, const struct summary *s)
{
	const struct config *c = s->config;
	char m[32];

	fputc('[', out);
	for (size_t i = 0; i <= c->n_stages; i++) {
		if (i == c->n_stages && s->stages[i].count == 0)
			break;
		fprintf(out, "%s\n    {\"no\": ", i ? "," : "");
		if (i < c->n_stages)
			fprintf(out, "%zu, \"id\": ", i + 1);
		else
			fputs("null, \"id\": ", out);
		jstr(out, i < c->n_stages ? c->stages[i].id : NULL);
		fputs(", \"label\": ", out);
		jstr(out, i < c->n_stages ? c->stages[i].label : "?");
		fprintf(out, ", \"count\": %zu, \"median_days_in_stage\": ",
			s->stages[i].count);
		if (s->stages[i].median_half_days < 0)
			fputs("null}", out);
		else
			fprintf(out, "%s}",
				export_halves(s->stages[i].median_half_days,
					      ".", m, sizeof m));
	}
	fputs("\n  ]", out);
}

static void flags(FILE *out, const struct summary *s)
{
	bool first = true;

	fputc('[', out);
	for (int k = 0; k < FLAG_COUNT; k++) {
		if (!rules_flag_enabled(s->config, (enum flag_kind)k))
			continue;
		fprintf(out, "%s\n    {\"name\": ", first ? "" : ",");
		first = false;
		jstr(out, rules_flag_name((enum flag_kind)k));
		fprintf(out, ", \"count\": %zu, \"participants\": ",
			s->flags[k].count);
		ids(out, s, s->flags[k].entries, s->flags[k].count);
		fputc('}', out);
	}
	fputs("\n  ]", out);
}

static void followups(FILE *out, const struct summary *s)
{
	fputc('[', out);
	for (size_t i = 0; i < s->n_followups; i++) {
		const struct summary_followup *fu = &s->followups[i];
		struct caseload_entry tmp;
		const struct participant_file *f =
			&summary_entry(s, fu->entry, &tmp)->file;
		int offset = fu->offset;
		pdate next = fu->next;

		fprintf(out,
			"%s\n    {\"id\": %llu, \"after_exit\": %s, "
			"\"job_start\": ",
			i ? "," : "", (unsigned long long)f->p.id,
			f->p.status == STATUS_EXITED ? "true" : "false");
		jdate(out, fu->job_start);
		fputs(", \"next_checkin\": ", out);
		jdate(out, next);
		fputs(", \"next_checkin_day\": ", out);
		if (next == DATE_NONE)
			fputs("null}", out);
		else
			fprintf(out, "%d}", offset);
	}
	fputs(s->n_followups ? "\n  ]" : "]", out);
}

/* Where an exit stands: "validated", "pending" (left at hiring, waiting
 * for its months), "lost" (the work stopped before), or "none" (a reason
 * that is not positive). */
static const char *exit_state(const struct config *c,
			      const struct participant *p)
{
	const struct config_exit_reason *why =
		config_exit_reason(c, p->exit_reason);

	if (p->exit_lost != DATE_NONE)
		return "lost";
	if (why == NULL || !why->positive)
		return "none";
	if (rules_after_exit(c, p))
		return "pending";
	return p->exit_validated != DATE_NONE ? "validated" : "none";
}

/* An exit of the period: its entry, what orders it. */
struct exit_key {
	size_t entry;
	pdate date;
	uint64_t id;
};

/* Exits of the period by date, then id. */
static int cmp_exit(const void *a, const void *b)
{
	const struct exit_key *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The exits of the period, one object each, by date. */
static int exit_list(FILE *out, const struct summary *s)
{
	size_t total = summary_n_entries(s), n = 0;
	struct exit_key *rows = malloc((total ? total : 1) * sizeof *rows);

	if (rows == NULL)
		return PC_ENOMEM;
	for (size_t i = 0; i < total; i++) {
		struct caseload_entry tmp;
		const struct participant *p = &summary_entry(s, i, &tmp)->file.p;

		if (summary_left(p, s->from, s->to))
			rows[n++] = (struct exit_key){ i, p->exit_date, p->id };
	}
	qsort(rows, n, sizeof *rows, cmp_exit);
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		struct caseload_entry tmp;
		const struct participant *p =
			&summary_entry(s, rows[i].entry, &tmp)->file.p;

		fprintf(out,
			"%s\n      {\"id\": %llu, \"date\": ", i ? "," : "",
			(unsigned long long)p->id);
		jdate(out, p->exit_date);
		fputs(", \"reason\": ", out);
		if (p->exit_reason != NULL)
			jstr(out, p->exit_reason);
		else
			fputs("null", out);
		fprintf(out, ", \"positive\": %s, \"state\": ",
			summary_exit_positive(s->config, p) ? "true" : "false");
		jstr(out, exit_state(s->config, p));
		fputs(", \"hired\": ", out);
		jdate(out, p->exit_hired);
		fputs(", \"validated\": ", out);
		jdate(out, p->exit_validated);
		fputs(", \"lost\": ", out);
		jdate(out, p->exit_lost);
		fputs(", \"lost_reason\": ", out);
		if (p->exit_lost_reason != NULL)
			jstr(out, p->exit_lost_reason);
		else
			fputs("null", out);
		fputc('}', out);
	}
	fputs(n ? "\n    ]" : "]", out);
	free(rows);
	return PC_OK;
}

static int period(FILE *out, const struct summary *s)
{
	const struct config *c = s->config;
	int rate = summary_positive_rate(s);
	size_t n = 0;

	fputs("{\n    \"exit_validation\": ", out);
	jstr(out, c->exit_validation == EXIT_AT_HIRING ? "hiring" : "followup");
	fputs(",\n    \"from\": ", out);
	jdate(out, s->from);
	fputs(",\n    \"to\": ", out);
	jdate(out, s->to);
	fprintf(out,
		",\n    \"entries\": %zu,\n    \"exits\": %zu,\n"
		"    \"positive_exits\": %zu,\n    \"positive_rate\": ",
		s->entries, s->exits, s->positive);
	if (rate < 0)
		fputs("null", out);
	else
		fprintf(out, "%d", rate);
	fputs(",\n    \"exits_by_reason\": [", out);
	/* The configured reasons in their order, then the unknown ones under
	 * the id stored, never positive. */
	for (size_t i = 0; i < c->n_exit_reasons + s->n_unknown_reasons; i++) {
		bool known = i < c->n_exit_reasons;
		const struct summary_unknown_reason *u =
			known ? NULL
			      : &s->unknown_reasons[i - c->n_exit_reasons];
		size_t count = known ? s->exits_by_reason[i] : u->count;

		if (count == 0)
			continue;
		fprintf(out, "%s\n      {\"id\": ", n++ ? "," : "");
		if (known || u->id != NULL)
			jstr(out, known ? c->exit_reasons[i].id : u->id);
		else
			fputs("null", out);
		fputs(", \"label\": ", out);
		jstr(out, known ? c->exit_reasons[i].label : "?");
		fprintf(out, ", \"positive\": %s, \"count\": %zu}",
			known && c->exit_reasons[i].positive ? "true" : "false",
			count);
	}
	fputs("\n    ]", out);
	fprintf(out,
		",\n    \"exits_pending_validation\": %zu,"
		"\n    \"exits_lost_after_hiring\": %zu",
		s->exits_pending, s->exits_lost);
	fputs(",\n    \"exit_list\": ", out);
	if (exit_list(out, s) != PC_OK)
		return PC_ENOMEM;
	fputs("\n  }", out);
	return PC_OK;
}

/* The funder's indicator table: each indicator by gender, then how
 * complete each question's answers are; the sensitive ones left out when
 * export_hides_sensitive. */
static void fse_indicators(FILE *out, const struct summary *s,
			   const struct export_options *o)
{
	bool hide = export_hides_sensitive(o), first = true;

	fprintf(out,
		"{\n    \"sensitive_included\": %s,"
		"\n    \"long_term_months\": %d,\n    \"indicators\": {",
		hide ? "false" : "true", FSE_LONG_TERM_MONTHS);
	for (int i = 0; i < IND_COUNT; i++) {
		const size_t *n = s->indicators[i];

		if (hide &&
		    summary_indicator_sensitive((enum summary_indicator)i))
			continue;
		fprintf(out, "%s\n      ", first ? "" : ",");
		first = false;
		jstr(out, summary_indicator_name((enum summary_indicator)i));
		fprintf(out,
			": {\"women\": %zu, \"men\": %zu, \"non_binary\": "
			"%zu, \"total\": %zu}",
			n[SEX_WOMEN], n[SEX_MEN], n[SEX_NONBINARY],
			n[SEX_TOTAL]);
	}
	fputs("\n    },\n    \"answers\": {", out);
	first = true;
	for (int q = 0; q < SUMMARY_Q_COUNT; q++) {
		const struct summary_answers *a = &s->answers[q];

		if (hide && summary_question_sensitive(q))
			continue;
		fprintf(out, "%s\n      ", first ? "" : ",");
		first = false;
		jstr(out, summary_question_name(q));
		fprintf(out,
			": {\"answered\": %zu, \"refused\": %zu, \"unknown\": "
			"%zu, \"missing\": %zu}",
			a->answered, a->refused, a->unknown, a->missing);
	}
	fputs("\n    }\n  }", out);
}

static void participants(FILE *out, const struct summary *s,
			 const struct export_options *o)
{
	char buf[EXPORT_CELL_SIZE];

	fputc('[', out);
	for (size_t i = 0; i < s->n_rows; i++) {
		struct caseload_entry tmp;
		const struct caseload_entry *e =
			summary_entry(s, s->rows[i], &tmp);

		fprintf(out, "%s\n    {", i ? "," : "");
		for (int c = 0; c < COL_COUNT; c++) {
			const char *v = export_cell(s, e, (enum row_column)c,
						    o->pseudonymise, NULL, buf,
						    sizeof buf);

			fprintf(out, "%s", c ? ", " : "");
			jstr(out, export_column_name((enum row_column)c));
			fputs(": ", out);
			if (c == COL_ID || c == COL_DAYS_IN_STAGE ||
			    (c == COL_STAGE_NO && *v))
				fputs(v, out);
			else if (*v == '\0' && c != COL_FLAGS)
				fputs("null", out);
			else
				jstr(out, v);
		}
		fputc('}', out);
	}
	fputs(s->n_rows ? "\n  ]" : "]", out);
}

int export_json(FILE *out, const struct summary *s,
		const struct export_options *o)
{
	fprintf(out, "{");
	key(out, 2, true, "schema_version");
	fprintf(out, "%d", EXPORT_JSON_SCHEMA);
	key(out, 2, false, "generated_on");
	jdate(out, s->today);
	key(out, 2, false, "database_id");
	if (o->database_id)
		jstr(out, o->database_id);
	else
		fputs("null", out);
	key(out, 2, false, "export_sequence");
	if (o->sequence)
		fprintf(out, "%llu", (unsigned long long)o->sequence);
	else
		fputs("null", out);
	key(out, 2, false, "referent");
	if (s->referent)
		jstr(out, s->referent);
	else
		fputs("null", out);
	key(out, 2, false, "pseudonymised");
	fputs(o->pseudonymise ? "true" : "false", out);
	key(out, 2, false, "caseload");
	fprintf(out,
		"{\"size\": %zu, \"target\": %d, \"needing_attention\": %zu, "
		"\"after_exit\": %zu}",
		s->caseload, s->config->caseload_target, s->flagged,
		s->after_exit);
	key(out, 2, false, "stages");
	stages(out, s);
	key(out, 2, false, "flags");
	flags(out, s);
	key(out, 2, false, "followups");
	followups(out, s);
	key(out, 2, false, "period");
	if (period(out, s) != PC_OK)
		return PC_ENOMEM;
	key(out, 2, false, "completeness");
	fputc('[', out);
	for (int f = 0; f < FIELD_COUNT; f++) {
		fprintf(out, "%s\n    {\"field\": ", f ? "," : "");
		jstr(out, summary_field_name((enum completeness_field)f));
		fprintf(out, ", \"missing\": %zu}", s->missing[f]);
	}
	fputs("\n  ]", out);
	key(out, 2, false, "fse_indicators");
	fse_indicators(out, s, o);
	if (s->referent == NULL) {
		key(out, 2, false, "referents");
		fputc('[', out);
		for (size_t i = 0; i < s->n_referents; i++) {
			const struct summary_referent *r = &s->referents[i];

			fprintf(out, "%s\n    {\"name\": ", i ? "," : "");
			jstr(out, r->name);
			fprintf(out,
				", \"caseload\": %zu, \"needing_attention\": "
				"%zu, \"entries\": %zu, \"exits\": %zu, "
				"\"positive_exits\": %zu}",
				r->caseload, r->flagged, r->entries, r->exits,
				r->positive);
		}
		fputs(s->n_referents ? "\n  ]" : "]", out);
	}
	key(out, 2, false, "participants");
	participants(out, s, o);
	fputs("\n}\n", out);
	return ferror(out) ? PC_EIO : PC_OK;
}

/* config.c: a table-driven YAML reader for the configuration. */
#include "config.h"
#include "codec.h"
#include "error.h"
#include "fold.h"
#include "fse_field.h"
#include "i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum key_type {
	K_STRING,	/* non-empty UTF-8 text */
	K_ID,		/* [a-z0-9][a-z0-9_-]*, stored in the data */
	K_ZONE,		/* a time zone name of the tz database */
	K_INT,		/* integer within min..max */
	K_INT_OR_NULL,	/* the same, or null for "none" (stored as 0) */
	K_DATE_OR_NULL, /* YYYY-MM-DD into a pdate, or null (DATE_NONE) */
	K_HOURS,	/* hours, two decimals at most, stored as whole minutes
			   within min..max (minutes) */
	K_BOOL,
	K_ENUM,	   /* one of `names`, stored as its index */
	K_INTLIST, /* ascending integers, into an int[JOB_MAX_CHECKINS] */
	K_MAP,	   /* a nested mapping whose keys fill the same struct */
	K_LIST,	   /* a sequence of mappings, described by `list` */
	K_CODES,   /* a mapping of names to text, into a struct config_code
		      array (count at count_offset) */
	K_KEYED,   /* a mapping of names to mappings described by `list`, each
		      name into its item's first field */
};

struct list_spec;

/* One key the configuration accepts: the validator reads only this table. */
struct key {
	const char *name;
	enum key_type type;
	size_t offset;
	int min, max;
	bool required;		      /* in every item of a list */
	const char *const *names;     /* K_ENUM */
	const struct key *sub;	      /* K_MAP */
	const struct list_spec *list; /* K_LIST, K_KEYED */
	size_t count_offset; /* K_INTLIST, K_LIST, K_CODES: where n_ goes */
};

struct reader;

struct list_spec {
	size_t item_size;
	const struct key *keys; /* NULL-name terminated */
	/* What the keys alone cannot check, across an item's keys, called
	 * after each item is read; NULL when nothing. */
	void (*check)(struct reader *r, const yaml_node_t *item, char *dst);
	bool keyed; /* K_KEYED: the item's first field is its key, a char * */
};

#define END                                                                    \
	{                                                                      \
		.name = NULL                                                   \
	}
#define KEY(n, t, st, m, ...)                                                  \
	{                                                                      \
		.name = n, .type = t, .offset = offsetof(st, m), __VA_ARGS__   \
	}

static const struct key stage_keys[] = {
	KEY("id", K_ID, struct config_stage, id, .required = true),
	KEY("label", K_STRING, struct config_stage, label, .required = true),
	KEY("short", K_STRING, struct config_stage, short_label,
	    .required = true),
	KEY("contact_days", K_INT, struct config_stage, contact_days, .min = 1,
	    .max = 365, .required = true),
	KEY("expected_days", K_INT, struct config_stage, expected_days,
	    .min = 0, .max = 3650),
	END,
};

static const struct key public_keys[] = {
	KEY("id", K_ID, struct config_public, id, .required = true),
	KEY("label", K_STRING, struct config_public, label, .required = true),
	END,
};

static const char *const needs_names[] = { "nothing", "six-months",
					   "season", NULL };

static const struct key exit_keys[] = {
	KEY("id", K_ID, struct config_exit_reason, id, .required = true),
	KEY("label", K_STRING, struct config_exit_reason, label,
	    .required = true),
	KEY("positive", K_BOOL, struct config_exit_reason, positive,
	    .required = true),
	KEY("needs", K_ENUM, struct config_exit_reason, needs,
	    .names = needs_names),
	END,
};

static const struct key appt_kind_keys[] = {
	KEY("id", K_ID, struct config_appt_kind, id, .required = true),
	KEY("label", K_STRING, struct config_appt_kind, label,
	    .required = true),
	KEY("label_en", K_STRING, struct config_appt_kind, label_en),
	KEY("reminder", K_STRING, struct config_appt_kind, reminder),
	END,
};

/* The column name first: the list's items are unique by it. */
static const struct key fse_column_keys[] = {
	KEY("column", K_STRING, struct config_fse_column, column,
	    .required = true),
	KEY("field", K_ENUM, struct config_fse_column, field,
	    .names = fse_field_names, .required = true),
	KEY("codes", K_CODES, struct config_fse_column, codes,
	    .count_offset = offsetof(struct config_fse_column, n_codes)),
	END,
};

static void check_fse_column(struct reader *r, const yaml_node_t *item,
			     char *dst);

#define LIST(st, k, ...)                                                       \
	{                                                                      \
		.item_size = sizeof(st), .keys = k, __VA_ARGS__                \
	}
static const struct list_spec stage_list =
	LIST(struct config_stage, stage_keys);
static const struct list_spec public_list =
	LIST(struct config_public, public_keys);
static const struct list_spec exit_list =
	LIST(struct config_exit_reason, exit_keys);
static const struct list_spec appt_kind_list =
	LIST(struct config_appt_kind, appt_kind_keys);
static const struct list_spec fse_column_list =
	LIST(struct config_fse_column, fse_column_keys,
	     .check = check_fse_column);

static const char *const role_names[] = { "referent", "coordinator", NULL };

static const struct key member_keys[] = {
	KEY("name", K_STRING, struct config_member, name, .required = true),
	KEY("role", K_ENUM, struct config_member, role, .names = role_names,
	    .required = true),
	END,
};
static const struct list_spec member_list =
	LIST(struct config_member, member_keys, .keyed = true);

static const char *const validation_names[] = { "hiring", "followup", NULL };
static const char *const delimiter_names[] = { "auto", "comma", "semicolon",
					       "tab", NULL };

static const struct key followup_keys[] = {
	KEY("months", K_INT, struct config, followup_months, .min = 1,
	    .max = 36),
	KEY("checkin_days", K_INTLIST, struct config, checkin_days, .min = 1,
	    .max = 1095, .count_offset = offsetof(struct config, n_checkins)),
	KEY("notice_days", K_INT, struct config, checkin_notice_days, .min = 0,
	    .max = 90),
	KEY("min_weekly_hours", K_HOURS, struct config, min_weekly_minutes,
	    .min = 0, .max = 168 * 60),
	KEY("max_gap_days", K_INT, struct config, max_gap_days, .min = 0,
	    .max = 31),
	END,
};

static const struct key fse_keys[] = {
	KEY("from", K_DATE_OR_NULL, struct config, fse_from),
	KEY("entry_grace_days", K_INT, struct config, fse_entry_grace_days,
	    .min = 0, .max = 365),
	KEY("survey_window_days", K_INT, struct config, fse_survey_window_days,
	    .min = 1, .max = 365),
	KEY("export", K_LIST, struct config, fse_columns,
	    .list = &fse_column_list,
	    .count_offset = offsetof(struct config, n_fse_columns)),
	END,
};

static const struct key reminder_keys[] = {
	KEY("days", K_INT, struct config, reminder_days, .min = 1, .max = 20),
	KEY("message", K_STRING, struct config, reminder_message),
	KEY("subject", K_STRING, struct config, reminder_subject),
	END,
};

static const struct key plie_keys[] = {
	KEY("name", K_STRING, struct config, plie_name),
	KEY("address", K_STRING, struct config, plie_address),
	KEY("phone", K_STRING, struct config, plie_phone),
	KEY("email", K_STRING, struct config, plie_email),
	END,
};

static const struct key top_keys[] = {
	KEY("referent", K_STRING, struct config, referent),
	KEY("referent_phone", K_STRING, struct config, referent_phone),
	KEY("referent_email", K_STRING, struct config, referent_email),
	{ .name = "plie", .type = K_MAP, .sub = plie_keys },
	KEY("caseload_target", K_INT, struct config, caseload_target, .min = 1,
	    .max = 10000),
	KEY("max_duration_months", K_INT_OR_NULL, struct config,
	    max_duration_months, .min = 1, .max = 240),
	KEY("max_duration_notice_days", K_INT, struct config,
	    max_duration_notice_days, .min = 0, .max = 365),
	KEY("exit_validation", K_ENUM, struct config, exit_validation,
	    .names = validation_names),
	KEY("csv_delimiter", K_ENUM, struct config, csv_delimiter,
	    .names = delimiter_names),
	KEY("timezone", K_ZONE, struct config, time_zone),
	/* A nested mapping: its keys fill fields of struct config itself. */
	{ .name = "followup", .type = K_MAP, .sub = followup_keys },
	{ .name = "fse", .type = K_MAP, .sub = fse_keys },
	{ .name = "reminders", .type = K_MAP, .sub = reminder_keys },
	KEY("stages", K_LIST, struct config, stages, .list = &stage_list,
	    .count_offset = offsetof(struct config, n_stages)),
	KEY("publics", K_LIST, struct config, publics, .list = &public_list,
	    .count_offset = offsetof(struct config, n_publics)),
	KEY("exit_reasons", K_LIST, struct config, exit_reasons,
	    .list = &exit_list,
	    .count_offset = offsetof(struct config, n_exit_reasons)),
	KEY("appointment_kinds", K_LIST, struct config, appt_kinds,
	    .list = &appt_kind_list,
	    .count_offset = offsetof(struct config, n_appt_kinds)),
	KEY("team", K_KEYED, struct config, team, .list = &member_list,
	    .count_offset = offsetof(struct config, n_team)),
	END,
};

/* The state of one file's reading: where we are and what went wrong. */
struct reader {
	const char *file;
	yaml_document_t *doc;
	char *errors; /* every problem, one per line */
	size_t errors_len;
	bool nomem;
};

static void problem(struct reader *r, const yaml_node_t *node, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

static void problem_at(struct reader *r, size_t line, size_t column,
		       const char *what)
{
	int n = snprintf(NULL, 0, "%s:%zu:%zu: %s\n", r->file, line + 1,
			 column + 1, what);
	char *grown;

	if (n < 0)
		return;
	grown = realloc(r->errors, r->errors_len + (size_t)n + 1);
	if (grown == NULL) {
		r->nomem = true;
		return;
	}
	r->errors = grown;
	snprintf(r->errors + r->errors_len, (size_t)n + 1, "%s:%zu:%zu: %s\n",
		 r->file, line + 1, column + 1, what);
	r->errors_len += (size_t)n;
}

static void problem(struct reader *r, const yaml_node_t *node, const char *fmt,
		    ...)
{
	char what[1280];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	problem_at(r, node->start_mark.line, node->start_mark.column, what);
}

static const char *scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static bool is_null(const yaml_node_t *n)
{
	const char *s;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = scalar(n);
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0;
}

static const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return "a value";
	}
}

static bool parse_int(struct reader *r, const yaml_node_t *n,
		      const struct key *k, int *out)
{
	char *end;
	long v;

	if (n->type != YAML_SCALAR_NODE) {
		problem(r, n, _("%s: expected a whole number, found %s"),
			k->name, kind_name(n));
		return false;
	}
	errno = 0;
	v = strtol(scalar(n), &end, 10);
	if (*scalar(n) == '\0' || *end != '\0' || errno != 0) {
		problem(r, n, _("%s: expected a whole number, found '%s'"),
			k->name, scalar(n));
		return false;
	}
	if (v < k->min || v > k->max) {
		problem(r, n, _("%s: %ld is out of range (%d to %d)"), k->name,
			v, k->min, k->max);
		return false;
	}
	*out = (int)v;
	return true;
}

/*
 * Hours as "17.5" or "35": digits, then at most two decimals after a point
 * (never a comma: YAML is the same in every locale), rounded to the minute.
 */
static void parse_hours(struct reader *r, const yaml_node_t *n,
			const struct key *k, int *out)
{
	const char *s = n->type == YAML_SCALAR_NODE ? scalar(n) : "";
	long hundredths = 0;
	int digits = 0, decimals = -1;

	for (; *s; s++) {
		if (*s == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
		} else if (*s >= '0' && *s <= '9' && decimals < 2) {
			/* Saturate: far beyond any bound, never overflowing. */
			if (hundredths < 100000000L)
				hundredths = hundredths * 10 + (*s - '0');
			digits++;
			if (decimals >= 0)
				decimals++;
		} else {
			break;
		}
	}
	if (n->type != YAML_SCALAR_NODE || *s != '\0' || digits == 0 ||
	    decimals == 0) {
		problem(r, n,
			_("%s: expected a number of hours such as 17.5, "
			  "found '%s'"),
			k->name,
			n->type == YAML_SCALAR_NODE ? scalar(n) : kind_name(n));
		return;
	}
	for (int i = decimals < 0 ? 0 : decimals; i < 2; i++)
		hundredths *= 10;
	if (hundredths * 60 < (long)k->min * 100 ||
	    hundredths * 60 > (long)k->max * 100) {
		problem(r, n, _("%s: %s is out of range (%d to %d hours)"),
			k->name, scalar(n), k->min / 60, k->max / 60);
		return;
	}
	*out = (int)((hundredths * 60 + 50) / 100);
}

static bool valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_'))
			return false;
	return true;
}

/* A name of the tz database ("Europe/Paris", "America/Cayenne", "UTC"):
 * parts of letters, digits, '_', '-' and '+', parted by '/'. Whether this
 * system knows it is the export's to tell. */
static bool valid_zone(const char *s)
{
	bool start = true;

	if (strlen(s) > 64)
		return false;
	for (; *s; s++) {
		if (*s == '/' && !start) {
			start = true;
			continue;
		}
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' ||
		      (!start && (*s == '-' || *s == '+'))))
			return false;
		start = false;
	}
	return !start;
}

static void parse_map(struct reader *r, const yaml_node_t *map,
		      const struct key *keys, char *base, const char *where);

static void free_codes(struct config_code *codes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(codes[i].answer);
		free(codes[i].code);
	}
	free(codes);
}

static void free_items(const struct list_spec *spec, char *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *item = items + i * spec->item_size;

		if (spec->keyed)
			free(*(char **)item);
		for (const struct key *k = spec->keys; k->name; k++) {
			if (k->type == K_STRING || k->type == K_ID)
				free(*(char **)(item + k->offset));
			else if (k->type == K_CODES)
				free_codes(*(struct config_code **)(item +
								    k->offset),
					   *(size_t *)(item + k->count_offset));
		}
	}
	free(items);
}

/*
 * A mapping of names to text (`female: "F"`): each key once, each value
 * text ("" allowed: an empty cell). Which names a key may be is for the
 * list's check, which knows the other keys of the item.
 */
static void parse_codes(struct reader *r, const yaml_node_t *n,
			const struct key *k, char *base)
{
	struct config_code **out = (struct config_code **)(base + k->offset);
	size_t *n_out = (size_t *)(base + k->count_offset), count = 0;
	struct config_code *codes;

	if (n->type != YAML_MAPPING_NODE) {
		problem(r, n, _("%s: expected a mapping of keys, found %s"),
			k->name, kind_name(n));
		return;
	}
	codes = calloc((size_t)(n->data.mapping.pairs.top -
				n->data.mapping.pairs.start) +
			       1,
		       sizeof *codes);
	if (codes == NULL) {
		r->nomem = true;
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(r->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(r->doc, p->value);
		bool twice = false;

		if (kn->type != YAML_SCALAR_NODE) {
			problem(r, kn, _("%s: a key must be plain text"),
				k->name);
			continue;
		}
		for (size_t i = 0; i < count && !twice; i++)
			twice = strcmp(codes[i].answer, scalar(kn)) == 0;
		if (twice) {
			problem(r, kn, _("%s: key '%s' given twice"), k->name,
				scalar(kn));
			continue;
		}
		if (vn->type != YAML_SCALAR_NODE || is_null(vn)) {
			problem(r, vn, _("%s: expected text, found %s"),
				k->name, is_null(vn) ? "nothing" : kind_name(vn));
			continue;
		}
		if (!codec_utf8_valid(vn->data.scalar.value,
				      vn->data.scalar.length) ||
		    !codec_utf8_valid(kn->data.scalar.value,
				      kn->data.scalar.length)) {
			problem(r, vn, _("%s: not valid UTF-8 text"), k->name);
			continue;
		}
		codes[count].answer = strdup(scalar(kn));
		codes[count].code = strdup(scalar(vn));
		if (codes[count].answer == NULL || codes[count].code == NULL)
			r->nomem = true;
		count++;
	}
	free_codes(*out, *n_out);
	*out = codes;
	*n_out = count;
}

/* The value of key `name` in mapping `map`, or NULL. */
static const yaml_node_t *value_of(struct reader *r, const yaml_node_t *map,
				   const char *name, const yaml_node_t **key)
{
	if (map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(r->doc, p->key);

		if (kn->type == YAML_SCALAR_NODE &&
		    strcmp(scalar(kn), name) == 0) {
			if (key != NULL)
				*key = kn;
			return yaml_document_get_node(r->doc, p->value);
		}
	}
	return NULL;
}

/* The answers of `answers` one after the other, for a message. */
static void answer_list(const char *const *answers, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; answers[i]; i++) {
		size_t len = strlen(buf);

		snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
			 answers[i]);
	}
}

/*
 * A column's codes against its field (a field with an unknown name was
 * told already): a field written as it is takes none; otherwise each key
 * is one of the field's answers, and every answer has its code, so that
 * no answer reaches the funder's platform uncoded.
 */
static void check_fse_column(struct reader *r, const yaml_node_t *item,
			     char *dst)
{
	const yaml_node_t *fn = value_of(r, item, "field", NULL);
	const yaml_node_t *codes_key = NULL;
	const yaml_node_t *cn = value_of(r, item, "codes", &codes_key);
	const char *const *answers;
	char list[256];
	int f;

	(void)dst; /* the codes read are checked on the file, at their place */
	if (fn == NULL || cn == NULL || fn->type != YAML_SCALAR_NODE ||
	    cn->type != YAML_MAPPING_NODE ||
	    (f = fse_field_by_name(scalar(fn))) < 0)
		return;
	answers = fse_field_answers(f);
	if (answers == NULL) {
		problem(r, codes_key,
			_("codes: the field %s is written as it is and "
			  "takes no codes"),
			scalar(fn));
		return;
	}
	answer_list(answers, list, sizeof list);
	for (yaml_node_pair_t *p = cn->data.mapping.pairs.start;
	     p < cn->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(r->doc, p->key);
		bool known = false;

		for (size_t i = 0; answers[i] && !known; i++)
			known = kn->type == YAML_SCALAR_NODE &&
				strcmp(scalar(kn), answers[i]) == 0;
		if (!known && kn->type == YAML_SCALAR_NODE)
			problem(r, kn,
				_("codes: '%s' is not an answer of %s (%s)"),
				scalar(kn), scalar(fn), list);
	}
	/* A code given but wrong was told above: only those not given. */
	for (size_t i = 0; answers[i]; i++) {
		if (value_of(r, cn, answers[i], NULL) == NULL)
			problem(r, codes_key, _("codes: no code for '%s' of %s"),
				answers[i], scalar(fn));
	}
}

static void parse_list(struct reader *r, const yaml_node_t *n,
		       const struct key *k, char *base)
{
	const struct list_spec *spec = k->list;
	size_t count, *n_out = (size_t *)(base + k->count_offset);
	char **items_out = (char **)(base + k->offset);
	char *items;
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		problem(r, n, _("%s: expected a list, found %s"), k->name,
			kind_name(n));
		return;
	}
	count = (size_t)(n->data.sequence.items.top -
			 n->data.sequence.items.start);
	if (count == 0) {
		problem(r, n, _("%s: the list is empty"), k->name);
		return;
	}
	items = calloc(count, spec->item_size);
	if (items == NULL) {
		r->nomem = true;
		return;
	}
	it = n->data.sequence.items.start;
	for (size_t i = 0; i < count; i++, it++) {
		yaml_node_t *item = yaml_document_get_node(r->doc, *it);
		char *dst = items + i * spec->item_size;
		const char *id;

		parse_map(r, item, spec->keys, dst, k->name);
		if (spec->check != NULL)
			spec->check(r, item, dst);
		/* Every list item has an id first in its struct: unique. */
		id = *(char **)dst;
		for (size_t j = 0; id != NULL && j < i; j++) {
			const char *other =
				*(char **)(items + j * spec->item_size);

			if (other != NULL && strcmp(other, id) == 0) {
				problem(r, item, _("%s: duplicate id '%s'"),
					k->name, id);
				break;
			}
		}
	}
	free_items(spec, *items_out, *n_out);
	*items_out = items;
	*n_out = count;
}

/*
 * A mapping of names to mappings (`team: {mdupont: {name: ..., role:
 * ...}}`): each name once, plain text without spaces or '/', into the
 * item's first field; each mapping read with the list's keys.
 */
static void parse_keyed(struct reader *r, const yaml_node_t *n,
			const struct key *k, char *base)
{
	const struct list_spec *spec = k->list;
	size_t count = 0, *n_out = (size_t *)(base + k->count_offset);
	char **items_out = (char **)(base + k->offset);
	char *items;

	if (n->type != YAML_MAPPING_NODE) {
		problem(r, n, _("%s: expected a mapping of keys, found %s"),
			k->name, kind_name(n));
		return;
	}
	if (n->data.mapping.pairs.top == n->data.mapping.pairs.start) {
		problem(r, n, _("%s: the mapping is empty"), k->name);
		return;
	}
	items = calloc((size_t)(n->data.mapping.pairs.top -
				n->data.mapping.pairs.start),
		       spec->item_size);
	if (items == NULL) {
		r->nomem = true;
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(r->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(r->doc, p->value);
		char *dst = items + count * spec->item_size;
		const char *name;
		bool twice = false;

		if (kn->type != YAML_SCALAR_NODE || is_null(kn)) {
			problem(r, kn, _("%s: a key must be plain text"),
				k->name);
			continue;
		}
		name = scalar(kn);
		if (name[0] == '\0' || name[0] == '-' ||
		    strpbrk(name, " \t/:") != NULL ||
		    !codec_utf8_valid(kn->data.scalar.value,
				      kn->data.scalar.length)) {
			problem(r, kn, _("%s: '%s' is not a login"), k->name,
				name);
			continue;
		}
		for (size_t i = 0; i < count && !twice; i++)
			twice = strcmp(*(char **)(items + i * spec->item_size),
				       name) == 0;
		if (twice) {
			problem(r, kn, _("%s: key '%s' given twice"), k->name,
				name);
			continue;
		}
		if ((*(char **)dst = strdup(name)) == NULL) {
			r->nomem = true;
			continue;
		}
		parse_map(r, vn, spec->keys, dst, name);
		if (spec->check != NULL)
			spec->check(r, vn, dst);
		count++;
	}
	free_items(spec, *items_out, *n_out);
	*items_out = items;
	*n_out = count;
}

static void parse_intlist(struct reader *r, const yaml_node_t *n,
			  const struct key *k, char *base)
{
	int *vals = (int *)(base + k->offset);
	size_t *count = (size_t *)(base + k->count_offset), c = 0;
	int tmp[JOB_MAX_CHECKINS];

	if (n->type != YAML_SEQUENCE_NODE) {
		problem(r, n, _("%s: expected a list of numbers, found %s"),
			k->name, kind_name(n));
		return;
	}
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++, c++) {
		yaml_node_t *v = yaml_document_get_node(r->doc, *it);

		if (c == JOB_MAX_CHECKINS) {
			problem(r, v, _("%s: at most %d values"), k->name,
				JOB_MAX_CHECKINS);
			return;
		}
		if (!parse_int(r, v, k, &tmp[c]))
			return;
		if (c > 0 && tmp[c] <= tmp[c - 1]) {
			problem(r, v, _("%s: values must go up (%d after %d)"),
				k->name, tmp[c], tmp[c - 1]);
			return;
		}
	}
	if (c == 0) {
		problem(r, n, _("%s: the list is empty"), k->name);
		return;
	}
	memcpy(vals, tmp, c * sizeof *tmp);
	*count = c;
}

static void parse_value(struct reader *r, const yaml_node_t *v,
			const struct key *k, char *base)
{
	void *dst = base + k->offset;

	switch (k->type) {
	case K_STRING:
	case K_ZONE:
	case K_ID: {
		char *s;

		if (v->type != YAML_SCALAR_NODE || is_null(v)) {
			problem(r, v, _("%s: expected text, found %s"), k->name,
				is_null(v) ? "nothing" : kind_name(v));
			return;
		}
		if (k->type == K_ID && !valid_id(scalar(v))) {
			problem(r, v,
				_("%s: '%s' is not a valid id (lower-case "
				  "letters, digits, '-' and '_')"),
				k->name, scalar(v));
			return;
		}
		if (k->type == K_ZONE && !valid_zone(scalar(v))) {
			problem(r, v,
				_("%s: '%s' is not a time zone name (such as "
				  "Europe/Paris)"),
				k->name, scalar(v));
			return;
		}
		if (!codec_utf8_valid(v->data.scalar.value,
				      v->data.scalar.length)) {
			problem(r, v, _("%s: not valid UTF-8 text"), k->name);
			return;
		}
		s = strdup(scalar(v));
		if (s == NULL) {
			r->nomem = true;
			return;
		}
		free(*(char **)dst);
		*(char **)dst = s;
		return;
	}
	case K_DATE_OR_NULL: {
		pdate d;

		if (is_null(v)) {
			*(pdate *)dst = DATE_NONE;
			return;
		}
		if (v->type != YAML_SCALAR_NODE ||
		    date_parse_iso(scalar(v), &d) != PC_OK) {
			problem(r, v, _("%s: a date YYYY-MM-DD, or null"),
				k->name);
			return;
		}
		*(pdate *)dst = d;
		return;
	}
	case K_INT_OR_NULL:
		if (is_null(v)) {
			*(int *)dst = 0;
			return;
		}
		/* fall through */
	case K_INT:
		parse_int(r, v, k, (int *)dst);
		return;
	case K_HOURS:
		parse_hours(r, v, k, (int *)dst);
		return;
	case K_BOOL: {
		static const char *const yes[] = { "true", "yes", "on" };
		static const char *const no[] = { "false", "no", "off" };

		if (v->type == YAML_SCALAR_NODE) {
			for (int i = 0; i < 3; i++) {
				if (strcmp(scalar(v), yes[i]) == 0 ||
				    strcmp(scalar(v), no[i]) == 0) {
					*(bool *)dst =
						strcmp(scalar(v), yes[i]) == 0;
					return;
				}
			}
		}
		problem(r, v, _("%s: expected true or false, found %s"),
			k->name,
			v->type == YAML_SCALAR_NODE ? scalar(v) : kind_name(v));
		return;
	}
	case K_ENUM: {
		char names[1024] = "";

		if (v->type == YAML_SCALAR_NODE) {
			for (int i = 0; k->names[i]; i++) {
				if (strcmp(scalar(v), k->names[i]) == 0) {
					*(int *)dst = i;
					return;
				}
			}
		}
		for (int i = 0; k->names[i]; i++) {
			size_t len = strlen(names);

			snprintf(names + len, sizeof names - len, "%s%s",
				 i ? ", " : "", k->names[i]);
		}
		problem(r, v, _("%s: expected one of %s"), k->name, names);
		return;
	}
	case K_INTLIST:
		parse_intlist(r, v, k, base);
		return;
	case K_MAP:
		parse_map(r, v, k->sub, base, k->name);
		return;
	case K_LIST:
		parse_list(r, v, k, base);
		return;
	case K_CODES:
		parse_codes(r, v, k, base);
		return;
	case K_KEYED:
		parse_keyed(r, v, k, base);
		return;
	}
}

/* Remember where the stage list was given, to point at it later. */
static void note_stages_origin(struct reader *r, const yaml_node_t *key,
			       struct config *c)
{
	char *file = strdup(r->file);

	if (file == NULL) {
		r->nomem = true;
		return;
	}
	free(c->stages_file);
	c->stages_file = file;
	c->stages_line = key->start_mark.line + 1;
	c->stages_column = key->start_mark.column + 1;
}

static void parse_map(struct reader *r, const yaml_node_t *map,
		      const struct key *keys, char *base, const char *where)
{
	uint64_t seen = 0;

	if (map->type != YAML_MAPPING_NODE) {
		problem(r, map, _("%s: expected a mapping of keys, found %s"),
			where, kind_name(map));
		return;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(r->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(r->doc, p->value);
		const struct key *k = NULL;
		size_t i;

		if (kn->type != YAML_SCALAR_NODE) {
			problem(r, kn, _("%s: a key must be plain text"),
				where);
			continue;
		}
		for (i = 0; keys[i].name; i++) {
			if (strcmp(keys[i].name, scalar(kn)) == 0) {
				k = &keys[i];
				break;
			}
		}
		if (k == NULL) {
			problem(r, kn, _("%s: unknown key '%s'"), where,
				scalar(kn));
			continue;
		}
		if (seen & (UINT64_C(1) << i)) {
			problem(r, kn, _("%s: key '%s' given twice"), where,
				k->name);
			continue;
		}
		seen |= UINT64_C(1) << i;
		parse_value(r, vn, k, base);
		if (k->type == K_LIST && k->list == &stage_list)
			note_stages_origin(r, kn, (struct config *)base);
	}
	for (size_t i = 0; keys[i].name; i++)
		if (keys[i].required && !(seen & (UINT64_C(1) << i)))
			problem(r, map, _("%s: missing key '%s'"), where,
				keys[i].name);
}

/*
 * Walk the events of the file, before libyaml builds the document, and
 * refuse nesting deeper than CONFIG_MAX_DEPTH at its line and column: a
 * hostile file of 100,000 '[' otherwise keeps the parser busy for
 * minutes. A syntax error is left to the load that follows, which meets it
 * at the same place; f is rewound.
 */
static int check_depth(FILE *f, const char *path, char **cause)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, rc = PC_OK;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return error_set(cause, PC_ENOMEM, "out of memory");
	yaml_parser_set_input_file(&parser, f);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		if (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > CONFIG_MAX_DEPTH) {
				rc = error_set(cause, PC_EINVAL,
					       _("%s:%zu:%zu: nested deeper "
						 "than %d levels"),
					       path, ev.start_mark.line + 1,
					       ev.start_mark.column + 1,
					       CONFIG_MAX_DEPTH);
				done = true;
			}
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
			   ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (ev.type == YAML_STREAM_END_EVENT) {
			done = true;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	rewind(f);
	return rc;
}

/* Read one file over *c. Returns PC_OK, PC_EIO or PC_EINVAL. */
static int read_file(struct config *c, const char *path, char **cause)
{
	struct reader r = { .file = path };
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	FILE *f;
	int rc = PC_OK;

	f = fopen(path, "rb");
	if (f == NULL)
		return error_set(cause, PC_EIO, _("%s: cannot read: %s"), path,
				 strerror(errno));
	rc = check_depth(f, path, cause);
	if (rc != PC_OK) {
		fclose(f);
		return rc;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		const char *what = parser.problem ? parser.problem : "error";

		if (parser.error == YAML_MEMORY_ERROR)
			rc = error_set(cause, PC_ENOMEM, "out of memory");
		else if (parser.error == YAML_READER_ERROR)
			rc = error_set(cause, PC_EINVAL, _("%s: byte %zu: %s"),
				       path, parser.problem_offset, what);
		else
			rc = error_set(
				cause, PC_EINVAL,
				_("%s:%zu:%zu: YAML syntax error: %s%s%s"),
				path, parser.problem_mark.line + 1,
				parser.problem_mark.column + 1,
				parser.context ? parser.context : "",
				parser.context ? ", " : "", what);
		yaml_parser_delete(&parser);
		fclose(f);
		return rc;
	}
	r.doc = &doc;
	root = yaml_document_get_root_node(&doc);
	/* An empty file (or one of comments only) changes nothing. */
	if (root != NULL && !is_null(root))
		parse_map(&r, root, top_keys, (char *)c, "configuration");
	if (r.nomem)
		rc = error_set(cause, PC_ENOMEM, "out of memory");
	else if (r.errors != NULL) {
		r.errors[r.errors_len - 1] = '\0'; /* drop the last newline */
		if (cause != NULL && *cause == NULL) {
			*cause = r.errors;
			r.errors = NULL;
		}
		rc = PC_EINVAL;
	}
	free(r.errors);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int config_load(const char *base, const char *user, struct config **out,
		char **cause)
{
	struct config *c = calloc(1, sizeof *c);
	int rc;

	if (c == NULL)
		return error_set(cause, PC_ENOMEM, "out of memory");
	c->exit_validation = EXIT_AFTER_FOLLOWUP;
	c->min_weekly_minutes = CONFIG_MIN_WEEKLY_MINUTES;
	c->max_gap_days = CONFIG_MAX_GAP_DAYS;
	c->fse_from = DATE_NONE;
	c->fse_entry_grace_days = CONFIG_FSE_ENTRY_GRACE_DAYS;
	c->fse_survey_window_days = CONFIG_FSE_SURVEY_WINDOW_DAYS;
	rc = read_file(c, base, cause);
	if (rc == PC_OK && user != NULL)
		rc = read_file(c, user, cause);
	/* The default defines everything; a wrong default is caught here. */
	if (rc == PC_OK && (c->referent == NULL || c->n_stages == 0 ||
			    c->n_exit_reasons == 0 || c->followup_months == 0 ||
			    c->caseload_target == 0 || c->n_checkins == 0))
		rc = error_set(cause, PC_EINVAL,
			       _("%s: incomplete configuration: referent, "
				 "caseload_target, stages, exit_reasons and "
				 "followup are required"),
			       base);
	if (rc == PC_OK && c->time_zone == NULL &&
	    (c->time_zone = strdup(CONFIG_TIME_ZONE)) == NULL)
		rc = error_set(cause, PC_ENOMEM, "out of memory");
	if (rc != PC_OK) {
		config_free(&c);
		return rc;
	}
	*out = c;
	return PC_OK;
}

void config_free(struct config **c)
{
	if (c == NULL || *c == NULL)
		return;
	free((*c)->referent);
	free((*c)->reminder_message);
	free((*c)->reminder_subject);
	free((*c)->time_zone);
	free((*c)->referent_phone);
	free((*c)->referent_email);
	free((*c)->plie_name);
	free((*c)->plie_address);
	free((*c)->plie_phone);
	free((*c)->plie_email);
	free((*c)->stages_file);
	free_items(&stage_list, (char *)(*c)->stages, (*c)->n_stages);
	free_items(&public_list, (char *)(*c)->publics, (*c)->n_publics);
	free_items(&exit_list, (char *)(*c)->exit_reasons,
		   (*c)->n_exit_reasons);
	free_items(&appt_kind_list, (char *)(*c)->appt_kinds,
		   (*c)->n_appt_kinds);
	free_items(&fse_column_list, (char *)(*c)->fse_columns,
		   (*c)->n_fse_columns);
	free_items(&member_list, (char *)(*c)->team, (*c)->n_team);
	free(*c);
	*c = NULL;
}

const struct config_stage *config_stage(const struct config *c, const char *id,
					size_t *index)
{
	for (size_t i = 0; id != NULL && i < c->n_stages; i++) {
		if (strcmp(c->stages[i].id, id) == 0) {
			if (index != NULL)
				*index = i;
			return &c->stages[i];
		}
	}
	return NULL;
}

const struct config_exit_reason *config_exit_reason(const struct config *c,
						    const char *id)
{
	for (size_t i = 0; id != NULL && i < c->n_exit_reasons; i++)
		if (strcmp(c->exit_reasons[i].id, id) == 0)
			return &c->exit_reasons[i];
	return NULL;
}

const struct config_public *config_public(const struct config *c,
					  const char *id)
{
	for (size_t i = 0; id != NULL && i < c->n_publics; i++)
		if (strcmp(c->publics[i].id, id) == 0)
			return &c->publics[i];
	return NULL;
}

/* True when `b` folds to `key` (from fold_key). */
static bool same_folded(const char *key, const char *b)
{
	char *other = b ? fold_key(b) : NULL;
	bool same = other != NULL && strcmp(key, other) == 0;

	free(other);
	return same;
}

const struct config_appt_kind *config_appt_kind(const struct config *c,
						const char *kind)
{
	const struct config_appt_kind *found = NULL;
	char *key;

	for (size_t i = 0; kind != NULL && i < c->n_appt_kinds; i++)
		if (strcmp(c->appt_kinds[i].id, kind) == 0)
			return &c->appt_kinds[i];
	key = kind ? fold_key(kind) : NULL;
	for (size_t i = 0; key != NULL && found == NULL && i < c->n_appt_kinds;
	     i++) {
		const struct config_appt_kind *k = &c->appt_kinds[i];

		if (same_folded(key, k->id) || same_folded(key, k->label) ||
		    same_folded(key, k->label_en))
			found = k;
	}
	free(key);
	return found;
}

const char *config_fse_code(const struct config_fse_column *col,
			    const char *answer)
{
	for (size_t i = 0; i < col->n_codes; i++)
		if (strcmp(col->codes[i].answer, answer) == 0)
			return col->codes[i].code;
	return answer;
}

const struct config_member *config_member(const struct config *c,
					  const char *login)
{
	for (size_t i = 0; login != NULL && i < c->n_team; i++)
		if (strcmp(c->team[i].login, login) == 0)
			return &c->team[i];
	return NULL;
}

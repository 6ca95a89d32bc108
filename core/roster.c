/* roster.c: a caseload kept as what is shown of it. */
#include "roster.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Strings and flags, allocated in blocks freed all at once: one
 * allocation for a few hundred participants, not ten for each. */
#define BLOCK_SIZE (256 * 1024)

struct roster_block {
	struct roster_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

/* n bytes aligned on `align` (a power of two), or NULL when out of
 * memory. */
static void *block_alloc(struct roster *r, size_t n, size_t align)
{
	struct roster_block *b = r->blocks;
	size_t pad = b ? (align - b->used % align) % align : 0;

	if (b == NULL || b->size - b->used < n + pad) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;

		b = malloc(sizeof *b + size);
		if (b == NULL)
			return NULL;
		b->used = 0;
		b->size = size;
		b->next = r->blocks;
		r->blocks = b;
		pad = 0;
	}
	b->used += pad + n;
	return b->data + b->used - n;
}

/* The strings of a participant record, in the order packed. */
static char **record_string(struct participant *p, int k)
{
	char **all[] = {
		&p->last_name,	 &p->first_name,  &p->phone,
		&p->email,	 &p->publics,	  &p->referent,
		&p->stage,	 &p->exit_reason, &p->exit_lost_reason,
		&p->origin,
	};

	return all[k];
}

#define RECORD_STRINGS 10

int roster_add(struct roster *r, const struct caseload_entry *e,
	       const struct roster_followup *fu)
{
	/* Read, not written: record_string serves both ways. */
	struct participant *p = (struct participant *)&e->file.p;
	const char *key = e->name_key ? e->name_key : "";
	struct roster_row *w;
	struct flag *flags = NULL;
	size_t len = strlen(key) + 1, at;
	char *strings;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap + r->cap / 2 : 256;
		struct roster_row *grown = realloc(r->rows, cap * sizeof *grown);

		if (grown == NULL)
			return PC_ENOMEM;
		r->rows = grown;
		r->cap = cap;
	}
	w = &r->rows[r->n];
	memset(w, 0, sizeof *w);
	for (int k = 0; k < RECORD_STRINGS; k++) {
		const char *v = *record_string(p, k);

		if (v != NULL) {
			w->present |= (uint16_t)(1u << k);
			len += strlen(v) + 1;
		}
	}
	/* What fails leaves the blocks a little used, nothing more. */
	strings = block_alloc(r, len, 1);
	if (strings == NULL)
		return PC_ENOMEM;
	at = strlen(key) + 1;
	memcpy(strings, key, at);
	for (int k = 0; k < RECORD_STRINGS; k++) {
		const char *v = *record_string(p, k);
		size_t n;

		if (v == NULL)
			continue;
		n = strlen(v) + 1;
		memcpy(strings + at, v, n);
		at += n;
	}
	if (e->summary.n_flags > 0) {
		flags = block_alloc(r, e->summary.n_flags * sizeof *flags,
				    _Alignof(struct flag));
		if (flags == NULL)
			return PC_ENOMEM;
		memcpy(flags, e->summary.flags,
		       e->summary.n_flags * sizeof *flags);
	}
	w->id = p->id;
	w->strings = strings;
	w->flags = flags;
	w->birth_date = p->birth_date;
	w->entry_date = p->entry_date;
	w->stage_since = p->stage_since;
	w->exit_date = p->exit_date;
	w->exit_validated = p->exit_validated;
	w->exit_hired = p->exit_hired;
	w->exit_lost = p->exit_lost;
	w->transferred = p->transferred;
	w->last_contact = e->summary.last_contact;
	w->next_appointment = e->summary.next_appointment;
	w->days_in_stage = e->summary.days_in_stage;
	w->stage_index = e->stage_index == CASELOAD_NO_STAGE
				 ? UINT32_MAX
				 : (uint32_t)e->stage_index;
	w->gender = (uint8_t)p->gender;
	w->education = (uint8_t)p->education;
	w->employment = (uint8_t)p->employment;
	w->status = (uint8_t)p->status;
	w->n_flags = (uint8_t)e->summary.n_flags;
	w->legal_hold = p->legal_hold;
	w->exit_positive = p->exit_positive;
	if (fu != NULL)
		w->followup = *fu;
	else
		w->followup = (struct roster_followup){ false, false,
							DATE_NONE, DATE_NONE,
							0 };
	r->n_unknown_stage += e->stage_index == CASELOAD_NO_STAGE;
	r->n++;
	return PC_OK;
}

void roster_entry(const struct roster *r, size_t i, struct caseload_entry *out)
{
	const struct roster_row *w = &r->rows[i];
	struct participant *p = &out->file.p;
	const char *at = w->strings;

	memset(&out->file, 0, sizeof out->file);
	p->id = w->id;
	/* Not freed: the entry is never cleared (roster.h). */
	out->name_key = (char *)at;
	out->name_key_rev = NULL;
	at += strlen(at) + 1;
	for (int k = 0; k < RECORD_STRINGS; k++) {
		char **v = record_string(p, k);

		*v = NULL;
		if (w->present & (1u << k)) {
			*v = (char *)at;
			at += strlen(at) + 1;
		}
	}
	p->birth_date = w->birth_date;
	p->entry_date = w->entry_date;
	p->stage_since = w->stage_since;
	p->exit_date = w->exit_date;
	p->exit_validated = w->exit_validated;
	p->exit_hired = w->exit_hired;
	p->exit_lost = w->exit_lost;
	p->transferred = w->transferred;
	p->gender = (enum gender)w->gender;
	p->education = (enum education)w->education;
	p->employment = (enum employment)w->employment;
	p->status = (enum participant_status)w->status;
	p->legal_hold = w->legal_hold;
	p->exit_positive = w->exit_positive;
	out->summary.last_contact = w->last_contact;
	out->summary.next_appointment = w->next_appointment;
	out->summary.days_in_stage = w->days_in_stage;
	out->summary.n_flags = w->n_flags;
	if (w->n_flags > 0)
		memcpy(out->summary.flags, w->flags,
		       w->n_flags * sizeof *w->flags);
	out->stage_index = w->stage_index == UINT32_MAX ? CASELOAD_NO_STAGE
							: w->stage_index;
}

/* The order of caseload_load (caseload.c's cmp_entry), on rows. */
static int cmp_row(const void *x, const void *y)
{
	const struct roster_row *a = x, *b = y;
	int r;

	if (a->n_flags == 0 || b->n_flags == 0)
		r = (a->n_flags == 0) - (b->n_flags == 0);
	else {
		struct rules_summary sa, sb;

		/* rules_compare_urgency reads the first flag alone. */
		sa.n_flags = sb.n_flags = 1;
		sa.flags[0] = a->flags[0];
		sb.flags[0] = b->flags[0];
		r = rules_compare_urgency(&sa, &sb);
	}
	if (r != 0)
		return r;
	r = strcmp(a->strings, b->strings); /* the folded names */
	if (r != 0)
		return r;
	return a->id < b->id ? -1 : a->id > b->id;
}

int roster_sort(struct roster *r)
{
	if (r->n > 1)
		qsort(r->rows, r->n, sizeof *r->rows, cmp_row);
	return PC_OK;
}

static int add_entry(struct caseload_entry *e, void *arg)
{
	return roster_add(arg, e, NULL);
}

int roster_load(struct store *s, const struct config *c, const char *referent,
		bool include_exited, pdate today, struct roster *out,
		char **cause)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = caseload_each(s, c, referent, include_exited, today, true,
			   add_entry, out, &out->n_corrupt, cause);
	if (rc == PC_OK)
		rc = roster_sort(out);
	if (rc != PC_OK)
		roster_free(out);
	return rc;
}

void roster_free(struct roster *r)
{
	if (r == NULL)
		return;
	while (r->blocks != NULL) {
		struct roster_block *next = r->blocks->next;

		free(r->blocks);
		r->blocks = next;
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

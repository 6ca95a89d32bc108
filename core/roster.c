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

/* n bytes aligned for a struct flag, or NULL when out of memory. */
static void *block_alloc(struct roster *r, size_t n)
{
	struct roster_block *b = r->blocks;

	n = (n + _Alignof(struct flag) - 1) & ~(_Alignof(struct flag) - 1);
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;

		b = malloc(sizeof *b + size);
		if (b == NULL)
			return NULL;
		b->used = 0;
		b->size = size;
		b->next = r->blocks;
		r->blocks = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

/* A copy of s in the roster's blocks; *out NULL for NULL. */
static bool copy_str(struct roster *r, const char *s, char **out)
{
	size_t n;

	*out = NULL;
	if (s == NULL)
		return true;
	n = strlen(s) + 1;
	*out = block_alloc(r, n);
	if (*out == NULL)
		return false;
	memcpy(*out, s, n);
	return true;
}

int roster_add(struct roster *r, const struct caseload_entry *e,
	       const struct roster_followup *fu)
{
	const struct participant *p = &e->file.p;
	struct roster_row *w;
	struct flag *flags = NULL;
	char *keys[2];

	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 256;
		struct roster_row *grown = realloc(r->rows, cap * sizeof *grown);

		if (grown == NULL)
			return PC_ENOMEM;
		r->rows = grown;
		r->cap = cap;
	}
	w = &r->rows[r->n];
	/* What fails leaves the blocks a little used, nothing more. */
	w->p = *p;
	if (!copy_str(r, p->last_name, &w->p.last_name) ||
	    !copy_str(r, p->first_name, &w->p.first_name) ||
	    !copy_str(r, p->phone, &w->p.phone) ||
	    !copy_str(r, p->email, &w->p.email) ||
	    !copy_str(r, p->publics, &w->p.publics) ||
	    !copy_str(r, p->referent, &w->p.referent) ||
	    !copy_str(r, p->stage, &w->p.stage) ||
	    !copy_str(r, p->exit_reason, &w->p.exit_reason) ||
	    !copy_str(r, p->exit_lost_reason, &w->p.exit_lost_reason) ||
	    !copy_str(r, p->origin, &w->p.origin) ||
	    !copy_str(r, e->name_key, &keys[0]) ||
	    !copy_str(r, e->name_key_rev, &keys[1]))
		return PC_ENOMEM;
	if (e->summary.n_flags > 0) {
		flags = block_alloc(r, e->summary.n_flags * sizeof *flags);
		if (flags == NULL)
			return PC_ENOMEM;
		memcpy(flags, e->summary.flags,
		       e->summary.n_flags * sizeof *flags);
	}
	w->name_key = keys[0];
	w->name_key_rev = keys[1];
	w->flags = flags;
	w->n_flags = (uint32_t)e->summary.n_flags;
	w->last_contact = e->summary.last_contact;
	w->next_appointment = e->summary.next_appointment;
	w->days_in_stage = e->summary.days_in_stage;
	w->stage_index = e->stage_index == CASELOAD_NO_STAGE
				 ? UINT32_MAX
				 : (uint32_t)e->stage_index;
	if (fu != NULL)
		w->followup = *fu;
	else
		w->followup = (struct roster_followup){ false, DATE_NONE,
							DATE_NONE, 0 };
	r->n_unknown_stage += e->stage_index == CASELOAD_NO_STAGE;
	r->n++;
	return PC_OK;
}

void roster_entry(const struct roster *r, size_t i, struct caseload_entry *out)
{
	const struct roster_row *w = &r->rows[i];

	memset(&out->file, 0, sizeof out->file);
	out->file.p = w->p;
	out->summary.last_contact = w->last_contact;
	out->summary.next_appointment = w->next_appointment;
	out->summary.days_in_stage = w->days_in_stage;
	out->summary.n_flags = w->n_flags;
	if (w->n_flags > 0)
		memcpy(out->summary.flags, w->flags,
		       w->n_flags * sizeof *w->flags);
	out->stage_index = w->stage_index == UINT32_MAX ? CASELOAD_NO_STAGE
							: w->stage_index;
	/* Not freed: the entry is never cleared (roster.h). */
	out->name_key = (char *)w->name_key;
	out->name_key_rev = (char *)w->name_key_rev;
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
	r = strcmp(a->name_key ? a->name_key : "",
		   b->name_key ? b->name_key : "");
	if (r != 0)
		return r;
	return a->p.id < b->p.id ? -1 : a->p.id > b->p.id;
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

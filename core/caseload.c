/* caseload.c: load a caseload and evaluate it in one read transaction. */
#include "caseload.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

static int cmp_name(const struct participant *a, const struct participant *b)
{
	int r = strcoll(a->last_name ? a->last_name : "",
			b->last_name ? b->last_name : "");

	if (r == 0)
		r = strcoll(a->first_name ? a->first_name : "",
			    b->first_name ? b->first_name : "");
	if (r == 0)
		r = a->id < b->id ? -1 : a->id > b->id;
	return r;
}

static int cmp_entry(const void *x, const void *y)
{
	const struct caseload_entry *a = x, *b = y;
	int r = rules_compare_urgency(&a->summary, &b->summary);

	return r != 0 ? r : cmp_name(&a->file.p, &b->file.p);
}

int caseload_load(struct store *s, const struct config *c, const char *referent,
		  bool include_exited, pdate today, struct caseload *out,
		  char **cause)
{
	struct store_txn *t = NULL;
	uint64_t *ids = NULL;
	size_t n_ids = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_read_begin(s, &t, cause);
	if (rc != PC_OK)
		return rc;
	rc = store_caseload_ids(t, referent, &ids, &n_ids);
	if (rc != PC_OK)
		goto done;
	out->entries = calloc(n_ids ? n_ids : 1, sizeof *out->entries);
	if (out->entries == NULL) {
		rc = PC_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n_ids; i++) {
		struct caseload_entry *e = &out->entries[out->n];

		rc = store_file_load(t, ids[i], &e->file);
		if (rc != PC_OK) {
			error_set(cause, rc, "participant %llu: %s",
				  (unsigned long long)ids[i], error_string(rc));
			goto done;
		}
		if (!include_exited && e->file.p.status == STATUS_EXITED) {
			participant_file_clear(&e->file);
			continue;
		}
		if (config_stage(c, e->file.p.stage, &e->stage_index) == NULL) {
			e->stage_index = CASELOAD_NO_STAGE;
			out->n_unknown_stage++;
		}
		rules_evaluate(c, &e->file, today, &e->summary);
		out->n++;
	}
	qsort(out->entries, out->n, sizeof *out->entries, cmp_entry);
done:
	free(ids);
	store_read_end(&t);
	if (rc != PC_OK) {
		error_set(cause, rc, "%s: %s", store_path(s), error_string(rc));
		caseload_free(out);
	}
	return rc;
}

void caseload_free(struct caseload *cl)
{
	for (size_t i = 0; i < cl->n; i++)
		participant_file_clear(&cl->entries[i].file);
	free(cl->entries);
	memset(cl, 0, sizeof *cl);
}

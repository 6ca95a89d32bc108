/* store_file.h: a participant's file read for the rules alone. */
#ifndef PARCOURS_STORE_FILE_H
#define PARCOURS_STORE_FILE_H

#include "store.h"

/*
 * As store_file_load, but without the stage moves and notes, which no
 * rule and no summary reads: they are checked (a corrupt one fails the
 * load with PC_ECORRUPT, as store_file_load would) but not kept, so
 * out->moves and out->notes stay empty. Same ownership and errors.
 */
int store_file_load_rules(struct store_txn *t, uint64_t id,
			  struct participant_file *out);

/*
 * The rest of a file whose f->p, read with store_participant_get, is
 * taken over: what store_file_load (or, rules_only,
 * store_file_load_rules) adds to it, the participant not read twice. On
 * failure *f is cleared (f->p freed too).
 */
int store_file_load_rest(struct store_txn *t, struct participant_file *f,
			 bool rules_only);

/*
 * A reader of files in increasing order of ids (a caseload's, as
 * store_caseload_ids gives them): one cursor per part of a file, moved
 * forward from one participant to the next rather than searched from the
 * root each time. Valid within transaction t; free it before t ends with
 * store_file_reader_free (NULL and twice are accepted).
 */
struct store_file_reader;
int store_file_reader_new(struct store_txn *t, struct store_file_reader **out);
void store_file_reader_free(struct store_file_reader **r);

/* store_file_load_rest through reader r: same result, ownership and
 * errors, in any order of ids (faster in increasing order). */
int store_file_read(struct store_file_reader *r, struct participant_file *f,
		    bool rules_only);

/* store_file_load_fse through reader r: same result and errors. */
int store_file_read_fse(struct store_file_reader *r,
			struct participant_file *f);

#endif

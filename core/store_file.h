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

#endif

/* helpers.h: what the cmocka suites share: temporary directories, files. */
#ifndef PARCOURS_TEST_HELPERS_H
#define PARCOURS_TEST_HELPERS_H

#include "date.h"
#include "edit.h"
#include "model.h"
#include "store.h"

/* A new empty directory under $TMPDIR (or /tmp); caller frees the path. */
char *helper_tmpdir(void);

/* Remove a directory and the files directly in it; free the path. */
void helper_rmdir(char *dir);

/* Write `text` to dir/name; returns the malloc'd path. */
char *helper_write(const char *dir, const char *name, const char *text);

/* The default configuration file of the source tree. */
const char *helper_default_config(void);

/* The default configuration, loaded by helper_config_load (a cmocka group
 * setup) into helper_config and freed by helper_config_free (teardown). */
struct config;
extern struct config *helper_config;
int helper_config_load(void **state);
int helper_config_free(void **state);

/* y-m-d as a date, for readable tests. */
pdate D(int y, int m, int d);

/* A database with the default configuration and one participant, for
 * the suites of the edits. */
struct edit_fixture {
	char *dir;
	struct store *s;
	struct config *c;
	struct edit_ctx ctx; /* today 2026-11-26, by "Marie Dupont" */
	uint64_t pid;	     /* `p` of helper_edit_open, added */
};

/* Open a new one with `p` entered on `entry`; NULL on failure. */
struct edit_fixture *helper_edit_open(const struct participant *p, pdate entry);

/* Close and remove it; NULL is accepted. */
void helper_edit_close(struct edit_fixture *f);

/* Whether the fixture's participant file loads into *pf (the caller
 * clears it). */
bool helper_edit_load(struct edit_fixture *f, struct participant_file *pf);

#endif

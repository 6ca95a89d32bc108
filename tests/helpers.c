/* helpers.c: test plumbing. */
#include "helpers.h"
#include "build_config.h"
#include "config.h"
#include "error.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *helper_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	if (asprintf(&path, "%s/parcours-test-XXXXXX", base) < 0)
		abort();
	if (mkdtemp(path) == NULL)
		abort();
	return path;
}

void helper_rmdir(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *p;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (asprintf(&p, "%s/%s", dir, e->d_name) < 0)
			abort();
		unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
	free(dir);
}

char *helper_write(const char *dir, const char *name, const char *text)
{
	char *path;
	FILE *f;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	f = fopen(path, "w");
	if (f == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	return path;
}

const char *helper_default_config(void)
{
	return PARCOURS_CONFIG_SOURCE;
}

pdate D(int y, int m, int d)
{
	if (!date_valid_ymd(y, m, d))
		abort();
	return date_from_ymd(y, m, d);
}

struct config *helper_config;

int helper_config_load(void **state)
{
	char *cause = NULL;
	int rc;

	(void)state;
	rc = config_load(helper_default_config(), NULL, &helper_config, &cause);
	free(cause);
	return rc;
}

int helper_config_free(void **state)
{
	(void)state;
	config_free(&helper_config);
	return 0;
}

struct edit_fixture *helper_edit_open(const struct participant *p, pdate entry)
{
	struct edit_fixture *f = calloc(1, sizeof *f);
	char *cause = NULL;

	if (f == NULL)
		return NULL;
	f->dir = helper_tmpdir();
	if (store_open(f->dir, &f->s, &cause) != PC_OK ||
	    config_load(helper_default_config(), NULL, &f->c, &cause) !=
		    PC_OK) {
		free(cause);
		helper_edit_close(f);
		return NULL;
	}
	f->ctx.config = f->c;
	f->ctx.who = "Marie Dupont";
	f->ctx.now = 1700000000;
	f->ctx.today = D(2026, 11, 26);
	if (edit_participant_add(f->s, &f->ctx, p, entry, &f->pid, &cause) !=
	    PC_OK) {
		free(cause);
		helper_edit_close(f);
		return NULL;
	}
	return f;
}

void helper_edit_close(struct edit_fixture *f)
{
	if (f == NULL)
		return;
	store_close(&f->s);
	config_free(&f->c);
	if (f->dir != NULL)
		helper_rmdir(f->dir);
	free(f);
}

bool helper_edit_load(struct edit_fixture *f, struct participant_file *pf)
{
	struct store_txn *t;
	char *cause = NULL;
	int rc;

	if (store_read_begin(f->s, &t, &cause) != PC_OK) {
		free(cause);
		return false;
	}
	rc = store_file_load(t, f->pid, pf);
	store_read_end(&t);
	return rc == PC_OK;
}

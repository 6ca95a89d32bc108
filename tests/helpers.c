/* helpers.c: test plumbing. */
#include "helpers.h"
#include "build_config.h"
#include "config.h"

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

/* fuzz_config.c: the configuration loader on any user file. */
#include "build_config.h"
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct config *c = NULL;
	char *cause = NULL;
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/parcours-fuzz-%d.yaml",
			 (int)getpid());
	f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (config_load(PARCOURS_CONFIG_SOURCE, path, &c, &cause) == 0) {
		/* A configuration that loads is usable. */
		if (c->n_stages == 0 || c->stages[0].id == NULL)
			abort();
		config_free(&c);
	}
	free(cause);
	return 0;
}

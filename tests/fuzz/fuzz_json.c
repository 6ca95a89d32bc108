/* fuzz_json.c: the JSON reader behind `parcours load` on anything. */
#include "json.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json *v = NULL;
	char *cause = NULL;

	if (json_parse((const char *)data, size, &v, &cause) == 0) {
		(void)json_get(v, "participants");
		json_free(v);
	}
	free(cause);
	return 0;
}

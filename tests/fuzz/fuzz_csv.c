/* fuzz_csv.c: the CSV reader behind `parcours import` on anything. */
#include "csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct csv_record rec = { 0 };
	size_t last_line = 0;

	csv_open(&r, (const char *)data, size);
	while (csv_next(&r, &rec) == 1) {
		/* Lines only go forward; every field is a C string. */
		if (rec.line < last_line)
			abort();
		last_line = rec.line;
		for (size_t i = 0; i < rec.n; i++)
			(void)strlen(rec.fields[i]);
	}
	csv_record_clear(&rec);
	return 0;
}

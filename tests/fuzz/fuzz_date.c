/* fuzz_date.c: the date parser on anything. */
#include "date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	pdate d = 0;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, 20783, &d) == 0) {
		char buf[DATE_BUFSZ];
		int y, m, dd;

		/* Whatever parses is a real day that formats back. */
		date_to_ymd(d, &y, &m, &dd);
		if (*s != '+' && *s != '-' && *s != ' ' && *s != '\t' &&
		    !date_valid_ymd(y, m, dd))
			abort();
		date_format_iso(d, buf);
	}
	date_parse_iso(s, &d);
	free(s);
	return 0;
}

/* input.c: what a referent types in a field, parsed. */
#include "input.h"
#include "model.h"

#include <ctype.h>

static const char *skip_blanks(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

bool input_parse_time(const char *s, int *minute)
{
	int h = 0, m = 0, digits = 0;

	s = skip_blanks(s);
	if (*s == '\0') {
		*minute = APPT_NO_TIME;
		return true;
	}
	while (isdigit((unsigned char)*s) && digits < 2)
		h = h * 10 + (*s++ - '0'), digits++;
	if (digits == 0)
		return false;
	if (*s == ':' || *s == 'h' || *s == 'H') {
		s++;
		if (isdigit((unsigned char)s[0]) &&
		    isdigit((unsigned char)s[1])) {
			m = (s[0] - '0') * 10 + (s[1] - '0');
			s += 2;
		} else if (*s != '\0' && *s != ' ') {
			return false;
		}
	}
	if (*skip_blanks(s) != '\0' || h > 23 || m > 59)
		return false;
	*minute = h * 60 + m;
	return true;
}

bool input_parse_number(const char *s, long *hundredths)
{
	long whole = 0, frac = 0;
	int digits = 0, fdigits = 0;

	s = skip_blanks(s);
	while (isdigit((unsigned char)*s) && digits < 6)
		whole = whole * 10 + (*s++ - '0'), digits++;
	if (digits == 0)
		return false;
	if (*s == ',' || *s == '.') {
		s++;
		while (isdigit((unsigned char)*s) && fdigits < 2)
			frac = frac * 10 + (*s++ - '0'), fdigits++;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*skip_blanks(s) != '\0')
		return false;
	*hundredths = whole * 100 + frac;
	return true;
}

/* input.h: parsing what is typed in form fields (pure functions). */
#ifndef PARCOURS_INPUT_H
#define PARCOURS_INPUT_H

#include <stdbool.h>

/*
 * Parse a time of day: "10:30", "10h30", "10h", "10"; blank gives
 * APPT_NO_TIME. Returns false for anything else (25:00, 10:7, "ten").
 */
bool input_parse_time(const char *s, int *minute);

/* Parse "35", "17,5" or "17.5" into hundredths; false otherwise. */
bool input_parse_number(const char *s, long *hundredths);

#endif

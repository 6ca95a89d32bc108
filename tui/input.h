/* input.h: parsing what is typed in form fields (pure functions). */
#ifndef PARCOURS_INPUT_H
#define PARCOURS_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/*
 * Parse a time of day: "10:30", "10h30", "10h", "10"; blank gives
 * APPT_NO_TIME. Returns false for anything else (25:00, 10:7, "ten").
 */
bool input_parse_time(const char *s, int *minute);

/* Parse "35", "17,5" or "17.5" into hundredths; false otherwise. */
bool input_parse_number(const char *s, long *hundredths);

/*
 * One line of text being edited, in columns of the terminal: characters
 * as the terminal counts them (wcwidth), a combining mark kept with the
 * letter before it (a "cluster"), the cursor always between two clusters,
 * and `left`, the first character shown in a box of some width.
 */
struct input_line {
	wchar_t *s; /* NUL-terminated; owned */
	size_t len, cap;
	size_t cur;  /* the cursor: index into s, at a cluster's start */
	size_t left; /* the first character shown, at a cluster's start */
};

/* Replace the text with UTF-8 `text` (NULL: empty; an invalid byte reads
 * as U+FFFD), the cursor at its end. False when out of memory (the line
 * is then unchanged). */
bool input_line_set(struct input_line *l, const char *text);

/* The text as UTF-8, trailing blanks dropped, malloc'd (caller frees);
 * NULL when out of memory. */
char *input_line_text(const struct input_line *l);

/* Free the text; the line is then empty and may be set again. */
void input_line_free(struct input_line *l);

/* Insert c at the cursor and move after it: a combining mark joins the
 * letter before it. A control character is refused (false), as is out of
 * memory. */
bool input_line_insert(struct input_line *l, wchar_t c);

/* What a key asks of a line. */
enum input_move {
	INPUT_LEFT,	/* one cluster back */
	INPUT_RIGHT,	/* one cluster on */
	INPUT_HOME,	/* to the start */
	INPUT_END,	/* to the end */
	INPUT_DEL_PREV, /* erase the cluster before the cursor */
	INPUT_DEL_NEXT, /* erase the cluster at the cursor */
	INPUT_CLEAR,	/* erase everything */
};

/* Move the cursor or erase; false when nothing changed (at an end). */
bool input_line_do(struct input_line *l, enum input_move m);

/* Columns the characters from..to (indexes into s) take. */
int input_line_columns(const struct input_line *l, size_t from, size_t to);

/*
 * Set `left` for a box `width` columns wide (at least 2): the cursor's
 * cell is in the box, as much text before it as fits, a wide character
 * never cut at either edge.
 */
void input_line_scroll(struct input_line *l, int width);

/*
 * How many characters from `from` fit in `width` columns (a combining
 * mark going with its letter, a wide character not cut); *used gets the
 * columns they take unless NULL.
 */
size_t input_line_fit(const struct input_line *l, size_t from, int width,
		      int *used);

#endif

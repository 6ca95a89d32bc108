/* template.h: text with placeholders, {{ name }}, filled in: the letters
 * a PLIE edits (flat OpenDocument or plain text) and the reminders'
 * messages. */
#ifndef PARCOURS_TEMPLATE_H
#define PARCOURS_TEMPLATE_H

#include <stddef.h>

/* How a value is written: as it is, or escaped for XML (& < > " '). */
enum template_escape { TEMPLATE_TEXT, TEMPLATE_XML };

/* A placeholder's name ("participant.last_name") and its value (NULL:
 * empty). */
struct template_value {
	const char *name;
	const char *value;
};

/* The longest placeholder name, in bytes. */
#define TEMPLATE_NAME_MAX 64

/*
 * Fill `src` (`len` bytes): each {{ name }} (spaces inside the braces
 * optional; a name of letters, digits, '_' and '.') becomes the value of
 * `name` among the `n` vars, escaped as `esc` says. *out gets a malloc'd,
 * NUL-terminated text (*out_len its length unless out_len is NULL) the
 * caller frees. PC_EINVAL, *out NULL, with "line N: what" in *cause: an
 * unknown placeholder (named), a "{{" not closed on its line, a name that
 * is none. PC_ENOMEM.
 */
int template_render(const char *src, size_t len, enum template_escape esc,
		    const struct template_value *vars, size_t n, char **out,
		    size_t *out_len, char **cause);

/*
 * The distinct placeholder names of `src`, in order of first use, into a
 * malloc'd array of malloc'd names (*n of them; free with
 * template_names_free). The same errors as template_render, unknown names
 * aside.
 */
int template_names(const char *src, size_t len, char ***names, size_t *n,
		   char **cause);

/* Free what template_names gave. */
void template_names_free(char **names, size_t n);

#endif

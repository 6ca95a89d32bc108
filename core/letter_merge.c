/* letter_merge.c: several letters put into one document, one after the
 * other (a page break between two in flat ODT, a rule in Markdown). */
#include "letter.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BREAK_STYLE "parcours_page_break"

/* Where the inside of office:text starts and ends in doc (of len bytes). */
static bool body_of(const char *doc, size_t len, size_t *from, size_t *to)
{
	const char *open = strstr(doc, "<office:text"), *close, *gt;

	if (open == NULL || strlen(doc) != len)
		return false;
	gt = strchr(open, '>');
	if (gt == NULL || gt[-1] == '/')
		return false;
	close = strstr(gt, "</office:text>");
	if (close == NULL)
		return false;
	*from = (size_t)(gt + 1 - doc);
	*to = (size_t)(close - doc);
	return true;
}

/* The paragraph style a page break between letters uses. */
static const char break_style[] =
	"<style:style style:name=\"" BREAK_STYLE
	"\" style:family=\"paragraph\"><style:paragraph-properties "
	"fo:break-before=\"page\"/></style:style>";

static void put(struct letter_merger *m, const char *s, size_t n)
{
	fwrite(s, 1, n, m->out);
}

static void puts_to(struct letter_merger *m, const char *s)
{
	put(m, s, strlen(s));
}

void letter_merger_begin(struct letter_merger *m, FILE *out, bool fodt,
			 bool markdown)
{
	memset(m, 0, sizeof *m);
	m->out = out;
	m->fodt = fodt;
	m->markdown = markdown;
}

/* The first flat OpenDocument letter: all of it up to the end of its
 * office:text, a page-break style added to its automatic styles; what
 * follows kept for letter_merger_end. */
static int merge_first(struct letter_merger *m, const char *first, size_t len,
		       char **cause)
{
	const char *auto_end, *body;
	size_t from = 0, to = 0;

	if (!body_of(first, len, &from, &to))
		return error_set(cause, PC_EINVAL, "%s",
				 _("a letter without office:text to put the "
				   "others in"));
	auto_end = strstr(first, "</office:automatic-styles>");
	body = strstr(first, "<office:body");
	if ((auto_end == NULL || auto_end >= first + from) &&
	    (body == NULL || body >= first + from))
		return error_set(cause, PC_EINVAL, "%s",
				 _("a letter without office:body"));
	if ((m->tail = malloc(len - to + 1)) == NULL)
		return PC_ENOMEM;
	memcpy(m->tail, first + to, len - to);
	m->tail_len = len - to;
	if (auto_end != NULL && auto_end < first + from) {
		put(m, first, (size_t)(auto_end - first));
		puts_to(m, break_style);
		put(m, auto_end, (size_t)(first + to - auto_end));
	} else {
		put(m, first, (size_t)(body - first));
		puts_to(m, "<office:automatic-styles>");
		puts_to(m, break_style);
		puts_to(m, "</office:automatic-styles>");
		put(m, body, (size_t)(first + to - body));
	}
	return PC_OK;
}

int letter_merger_add(struct letter_merger *m, const char *doc, size_t len,
		      char **cause)
{
	size_t f, t;
	int rc = PC_OK;

	if (!m->fodt) {
		if (m->n > 0)
			puts_to(m, m->markdown ? "\n\n---\n\n" : "\n\f\n");
		put(m, doc, len);
	} else if (m->n == 0) {
		rc = merge_first(m, doc, len, cause);
	} else if (!body_of(doc, len, &f, &t)) {
		rc = error_set(cause, PC_EINVAL, "%s",
			       _("a letter without office:text to merge"));
	} else {
		puts_to(m, "<text:p text:style-name=\"" BREAK_STYLE "\"/>");
		put(m, doc + f, t - f);
	}
	m->n += rc == PC_OK;
	return rc;
}

int letter_merger_end(struct letter_merger *m, char **cause)
{
	if (m->n == 0)
		return error_set(cause, PC_EINVAL, "%s", _("no letter"));
	if (m->tail != NULL)
		put(m, m->tail, m->tail_len);
	free(m->tail);
	m->tail = NULL;
	return ferror(m->out) ? PC_EIO : PC_OK;
}

void letter_merger_free(struct letter_merger *m)
{
	free(m->tail);
	m->tail = NULL;
}

int letter_merge(bool fodt, bool markdown, char *const *docs,
		 const size_t *lens, size_t n, char **out, size_t *len,
		 char **cause)
{
	struct letter_merger m;
	char *buf = NULL;
	size_t size = 0;
	FILE *f;
	int rc = PC_OK;

	*out = NULL;
	if (n == 0)
		return error_set(cause, PC_EINVAL, "%s", _("no letter"));
	if ((f = open_memstream(&buf, &size)) == NULL)
		return PC_ENOMEM;
	letter_merger_begin(&m, f, fodt, markdown);
	for (size_t i = 0; i < n && rc == PC_OK; i++)
		rc = letter_merger_add(&m, docs[i], lens[i], cause);
	if (rc == PC_OK)
		rc = letter_merger_end(&m, cause);
	letter_merger_free(&m);
	/* A memory stream fails only for want of memory. */
	if (fclose(f) != 0 && rc == PC_OK)
		rc = PC_ENOMEM;
	if (rc == PC_EIO)
		rc = PC_ENOMEM;
	if (rc != PC_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	*len = size;
	return PC_OK;
}

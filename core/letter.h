/* letter.h: letters made from templates (template.h): where the templates
 * are, the placeholders a letter fills in, and several letters as one
 * document. Letters are in French: a PLIE writes to its participants in
 * French whatever the referent's interface speaks. */
#ifndef PARCOURS_LETTER_H
#define PARCOURS_LETTER_H

#include "config.h"
#include "model.h"
#include "template.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One template file: "convocation.fodt" and where it was found. */
struct letter_template {
	char *file; /* its file name: "convocation.fodt" (owned) */
	char *path; /* the whole path (owned) */
	bool user;  /* from the PLIE's own directory, not the shipped one */
};

/* The templates found, sorted by file name; free with letter_list_free. */
struct letter_list {
	struct letter_template *v;
	size_t n;
};

/*
 * The templates (files ending .fodt, .md or .txt) of `user_dir` and of
 * `shipped_dir` (either NULL or missing: none from it); a user's file
 * hides the shipped one of the same name. PC_ENOMEM, or PC_EIO with
 * *cause when a directory that exists cannot be read.
 */
int letter_list_find(const char *user_dir, const char *shipped_dir,
		     struct letter_list *out, char **cause);

/* Free what letter_list_find gave; a zeroed or freed list is accepted. */
void letter_list_free(struct letter_list *l);

/*
 * The template `name` names (inside l), or NULL: its file name
 * ("convocation.md"), or a name without extension ("convocation"): the
 * one ending `ext` ("md", NULL: none preferred) if there is one, else
 * .fodt, .md then .txt.
 */
const struct letter_template *letter_lookup(const struct letter_list *l,
					    const char *name, const char *ext);

/* The template's name without its extension ("convocation"); malloc'd,
 * NULL when out of memory. */
char *letter_name(const struct letter_template *t);

/* True for a flat OpenDocument template (.fodt): its values are escaped
 * for XML and letters merge into one office:text. */
bool letter_is_fodt(const struct letter_template *t);

/* The extension of the template's file ("fodt"), inside t. */
const char *letter_ext(const struct letter_template *t);

/* One placeholder letters offer: its name and what it holds (N_()
 * marked, to translate when shown). */
struct letter_placeholder {
	const char *name;
	const char *help;
};

/* The placeholders, in the order the documentation lists them. */
const struct letter_placeholder *letter_placeholders(size_t *n);

/* The values of every placeholder for one letter (owned strings). */
struct letter_values {
	struct template_value *v;
	char **owned;
	size_t n;
};

/*
 * The values for participant f (its appointments sorted, as
 * store_file_load gives them) about appointment `appt` (inside f, or
 * NULL: the appointment's placeholders empty) as of `today`, from the
 * configuration c. Free with letter_values_free; PC_ENOMEM.
 */
int letter_values_make(const struct config *c, const struct participant_file *f,
		       const struct appointment *appt, pdate today,
		       struct letter_values *out);

/* Free what letter_values_make gave; a zeroed one is accepted. */
void letter_values_free(struct letter_values *lv);

/*
 * Read template t whole into a malloc'd *src (NUL-terminated, *len bytes)
 * the caller frees. PC_EIO with "PATH: why" in *cause; PC_EINVAL for a
 * file over 4 MiB; PC_ENOMEM.
 */
int letter_read(const struct letter_template *t, char **src, size_t *len,
		char **cause);

/*
 * The distinct placeholders template t uses (template_names), and the
 * first of them that is not one letter_placeholders offers, as an error:
 * PC_EINVAL with "PATH: line N: unknown placeholder {{x}}" in *cause.
 * *needs_appt (unless NULL) is true when it uses an appointment.*
 * placeholder, *uses_missed when a missed.* one. Free *names with
 * template_names_free (names NULL: not wanted).
 */
int letter_check(const struct letter_template *t, char ***names, size_t *n,
		 bool *needs_appt, bool *uses_missed, char **cause);

/*
 * Letter t filled with lv into a malloc'd *out (*len bytes) the caller
 * frees. PC_EINVAL with "PATH: line N: what" in *cause (an unknown
 * placeholder named), PC_EIO, PC_ENOMEM.
 */
int letter_render(const struct letter_template *t,
		  const struct letter_values *lv, char **out, size_t *len,
		  char **cause);

/*
 * Letters docs[0..n-1] (each lens[i] bytes, made from one template) as
 * one document into a malloc'd *out (*len bytes): for a flat OpenDocument
 * the bodies of the others put into the first one's office:text, each
 * after a page break (a paragraph style of its own added to the first's
 * automatic styles); for text, concatenated with a form feed (Markdown:
 * a horizontal rule) between them. PC_EINVAL with *cause when a letter
 * has no office:text to merge; PC_ENOMEM.
 */
int letter_merge(bool fodt, bool markdown, char *const *docs,
		 const size_t *lens, size_t n, char **out, size_t *len,
		 char **cause);

/*
 * The same, one letter at a time, written to `out` as they come: begin,
 * add each letter (the same errors as letter_merge, then nothing more is
 * to be added), end (PC_EINVAL when none was added; PC_EIO when `out`
 * reports an error). Free with letter_merger_free (twice is safe); `out`
 * stays the caller's.
 */
struct letter_merger {
	FILE *out;
	bool fodt, markdown;
	size_t n;   /* letters added */
	char *tail; /* fodt: the first letter after its office:text */
	size_t tail_len;
};
void letter_merger_begin(struct letter_merger *m, FILE *out, bool fodt,
			 bool markdown);
int letter_merger_add(struct letter_merger *m, const char *doc, size_t len,
		      char **cause);
int letter_merger_end(struct letter_merger *m, char **cause);
void letter_merger_free(struct letter_merger *m);

/* The first planned appointment of f on or after `today` (inside f), or
 * NULL. */
const struct appointment *letter_next_planned(const struct participant_file *f,
					      pdate today);

/* The last missed appointment of f (inside f), or NULL. */
const struct appointment *letter_last_missed(const struct participant_file *f);

/* One letter made, not written yet: for whom, about which appointment. */
struct letter_doc {
	uint64_t participant;
	uint64_t appt;	 /* recorded on it; 0: about no appointment */
	pdate appt_date; /* its date, DATE_NONE without */
	char *file;	 /* "convocation-2026-12-03-P42-7.fodt" (owned) */
	char *text;	 /* the letter (owned) */
	size_t len;
};

/*
 * Make letter t for participant `pid` of store s: about appointment
 * `appt`, or when 0 the one the template calls for (it uses
 * appointment.*: the next planned from `today`; missed.*: the last
 * missed; else none). Into *out (free with letter_doc_clear). PC_ENOTFOUND
 * for an unknown participant or appointment; PC_EINVAL with *cause: an
 * appointment that is another's, none planned when the template needs
 * one, a template's error; PC_EIO, store codes, PC_ENOMEM.
 */
struct store;
int letter_make(struct store *s, const struct config *c,
		const struct letter_template *t, uint64_t pid, uint64_t appt,
		pdate today, struct letter_doc *out, char **cause);

/* Free what a letter_doc holds and zero it; a zeroed one is accepted. */
void letter_doc_clear(struct letter_doc *d);

/* Write `len` bytes of `text` to `path` whole or not at all, mode 0600
 * (atomic.h); its codes. */
int letter_save(const char *path, const char *text, size_t len, char **cause);

/*
 * Letters written into directory `dir` all or nothing: each put whole
 * into a temporary directory made inside `dir` as soon as it is made (a
 * batch holds one letter at a time in memory, whatever the template's
 * size: a logo), then all moved in. A failure before the moves leaves
 * `dir` as it was (letter_batch_abort); one during them (rare: a rename on
 * one file system) leaves the letters moved so far, *moved saying how
 * many (they are docs[0..*moved-1]). PC_EIO, PC_EFULL, PC_ENOMEM with
 * *cause. A signal that ends the program, pending (held by the caller),
 * stops letter_batch_put: PC_EIO. The temporary directories a killed
 * batch left in `dir` (ours, unchanged for ten minutes) are removed by
 * letter_batch_open. A `dir` that does not exist is made (mode 0700; its
 * parent must exist), and removed again by an abort. The docs' texts are
 * not needed by abort and move.
 */
struct letter_batch {
	char *dir, *tmp;
	size_t put;
	bool made_dir; /* `dir` did not exist: made (0700), gone on abort */
};
int letter_batch_open(struct letter_batch *b, const char *dir, char **cause);
int letter_batch_put(struct letter_batch *b, const struct letter_doc *d,
		     char **cause);
int letter_batch_move(struct letter_batch *b, const struct letter_doc *docs,
		      size_t n, size_t *moved, char **cause);
void letter_batch_abort(struct letter_batch *b, const struct letter_doc *docs,
			size_t n);

/* `d` written out in French: "jeudi 3 décembre 2026" ("1er" for the
 * first); "" for DATE_NONE. Returns buf. */
#define LETTER_DATE_BUFSZ 40
char *letter_date_fr(pdate d, char buf[LETTER_DATE_BUFSZ]);

#endif

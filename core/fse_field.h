/* fse_field.h: the fields of the funder's export (export --format fse),
 * by stable name, with the answers each may take: the table both the
 * configuration's mapping (config.h, fse.export) and the writer read. */
#ifndef PARCOURS_FSE_FIELD_H
#define PARCOURS_FSE_FIELD_H

#include <stdbool.h>

enum fse_field {
	FSE_F_ID,
	FSE_F_LAST_NAME,
	FSE_F_FIRST_NAME,
	FSE_F_BIRTH_DATE,
	FSE_F_PHONE,
	FSE_F_EMAIL,
	FSE_F_REFERENT,
	FSE_F_ENTRY_DATE,
	/* The entry answers as first given (fse_entry_view). */
	FSE_F_ENTRY_ANSWERS_DATE,
	FSE_F_GENDER,
	FSE_F_AGE_BAND, /* derived from the birth date at the entry date */
	FSE_F_LABOUR,
	FSE_F_UNEMPLOYED_MONTHS,
	FSE_F_LONG_TERM_UNEMPLOYED, /* derived from the months */
	FSE_F_EDUCATION,
	FSE_F_SITUATION, /* + enum fse_situation, in its order */
	/* The exit, and the latest exit questionnaire. */
	FSE_F_EXIT_DATE = FSE_F_SITUATION + 7,
	FSE_F_EXIT_REASON,
	FSE_F_EXIT_POSITIVE,
	FSE_F_EXIT_ANSWERS_DATE,
	FSE_F_EXIT_SEARCHING, /* + the bits of enum fse_exit_bits, in order */
	/* The latest survey six months after the exit. */
	FSE_F_SURVEY_DATE = FSE_F_EXIT_SEARCHING + 4,
	FSE_F_SURVEY_HOW,
	FSE_F_SURVEY_REACHED,
	FSE_F_SURVEY_EMPLOYED,
	FSE_F_SURVEY_IMPROVED,
	FSE_F_COUNT
};

/* The stable names of the fields, in the order of enum fse_field, then
 * NULL: what `field:` takes in the configuration. */
extern const char *const fse_field_names[FSE_F_COUNT + 1];

/* The stable name of field `f` ("gender"), or "?". */
const char *fse_field_name(int f);

/* The field called `name`, or -1 (a NULL name included). */
int fse_field_by_name(const char *name);

/* The answers field `f` may take ("female", "male", "non-binary"), NULL
 * terminated, static; NULL for a field written as it is (dates, numbers,
 * text), which takes no codes. */
const char *const *fse_field_answers(int f);

/* True for the participant's identity (names, contacts, birth date),
 * left empty in a pseudonymised export. */
bool fse_field_identity(int f);

/* True for the sensitive answers (fse_situation_sensitive), left empty in
 * a pseudonymised export unless asked for. */
bool fse_field_sensitive(int f);

#endif

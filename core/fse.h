/* fse.h: what the funder's questionnaires say, read across their records:
 * the entry answers as first given, what is missing, when the survey six
 * months after the exit is due. Pure functions of a participant file. */
#ifndef PARCOURS_FSE_H
#define PARCOURS_FSE_H

#include "model.h"

#include <stdbool.h>

/* The six-months survey: asked from this many months after the exit. */
#define FSE_SURVEY_MONTHS 6

/* The questions of the entry questionnaire, a bit each in a mask. */
enum fse_question {
	FSE_Q_GENDER,
	FSE_Q_BIRTH_DATE, /* on the participant, not in the questionnaire */
	FSE_Q_LABOUR,
	FSE_Q_UNEMPLOYED_MONTHS, /* asked only of the unemployed */
	FSE_Q_EDUCATION,
	FSE_Q_SITUATION, /* + enum fse_situation */
	FSE_Q_COUNT = FSE_Q_SITUATION + FSE_SIT_COUNT
};

/* The stable name of question `q` ("gender", "disability"), or "?". */
const char *fse_question_name(int q);

/* True for the answers the funder lets a person refuse (disability,
 * origin, minority, housing): FSE_REFUSED is accepted only for them. */
bool fse_situation_sensitive(enum fse_situation s);

/*
 * The entry answers as first given: for each question, the answer of the
 * earliest-dated record (by seq on the same day) that gives one; later
 * records are changed situations, kept but not the entry data. out->date
 * is the earliest record's date (DATE_NONE with none), out->seq 0.
 */
void fse_entry_view(const struct participant_file *f, struct fse_entry *out);

/* The questions of the entry view still "not asked", as a mask of
 * 1u << enum fse_question (the birth date read from f->p). "Refused" and
 * "unknown" are answers. */
unsigned fse_entry_missing(const struct participant_file *f);

/*
 * The entry answers the older identity fields of `p` hold (gender,
 * education, situation at entry), dated on its entry day, into *out for
 * p->id: what a database made before the questionnaires, an older dump or
 * an import brings. Long-term unemployment, known without its duration,
 * becomes FSE_LONG_TERM_MONTHS. False when those fields give no answer.
 */
bool fse_entry_from_identity(const struct participant *p,
			     struct fse_entry *out);

/* The first day of the six-months survey of an exit on `exit`. */
pdate fse_survey_from(pdate exit);

/* True when a six-months survey dated on or after fse_survey_from() of
 * the exit is recorded (reached or not): nothing more to ask. */
bool fse_survey_done(const struct participant_file *f);

#endif

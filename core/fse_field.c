/* fse_field.c: the fields of the funder's export and their answers. */
#include "fse_field.h"
#include "fse.h"

#include <stddef.h>
#include <string.h>

const char *const fse_field_names[FSE_F_COUNT + 1] = {
	[FSE_F_ID] = "id",
	[FSE_F_LAST_NAME] = "last_name",
	[FSE_F_FIRST_NAME] = "first_name",
	[FSE_F_BIRTH_DATE] = "birth_date",
	[FSE_F_PHONE] = "phone",
	[FSE_F_EMAIL] = "email",
	[FSE_F_REFERENT] = "referent",
	[FSE_F_ENTRY_DATE] = "entry_date",
	[FSE_F_ENTRY_ANSWERS_DATE] = "entry_answers_date",
	[FSE_F_GENDER] = "gender",
	[FSE_F_AGE_BAND] = "age_band",
	[FSE_F_LABOUR] = "labour",
	[FSE_F_UNEMPLOYED_MONTHS] = "unemployed_months",
	[FSE_F_LONG_TERM_UNEMPLOYED] = "long_term_unemployed",
	[FSE_F_EDUCATION] = "education",
	/* The situations' own names (model.c), as fse_question_name. */
	[FSE_F_SITUATION + FSE_SIT_DISABILITY] = "disability",
	[FSE_F_SITUATION + FSE_SIT_THIRD_COUNTRY] = "third_country",
	[FSE_F_SITUATION + FSE_SIT_FOREIGN_BACKGROUND] = "foreign_background",
	[FSE_F_SITUATION + FSE_SIT_MINORITY] = "minority",
	[FSE_F_SITUATION + FSE_SIT_HOMELESS] = "homeless",
	[FSE_F_SITUATION + FSE_SIT_RURAL] = "rural",
	[FSE_F_SITUATION + FSE_SIT_QPV] = "qpv",
	[FSE_F_EXIT_DATE] = "exit_date",
	[FSE_F_EXIT_REASON] = "exit_reason",
	[FSE_F_EXIT_POSITIVE] = "exit_positive",
	[FSE_F_EXIT_ANSWERS_DATE] = "exit_answers_date",
	[FSE_F_EXIT_SEARCHING] = "exit_searching",
	[FSE_F_EXIT_SEARCHING + 1] = "exit_education",
	[FSE_F_EXIT_SEARCHING + 2] = "exit_qualification",
	[FSE_F_EXIT_SEARCHING + 3] = "exit_employed",
	[FSE_F_SURVEY_DATE] = "survey_date",
	[FSE_F_SURVEY_HOW] = "survey_how",
	[FSE_F_SURVEY_REACHED] = "survey_reached",
	[FSE_F_SURVEY_EMPLOYED] = "survey_employed",
	[FSE_F_SURVEY_IMPROVED] = "survey_improved",
	[FSE_F_COUNT] = NULL,
};
_Static_assert(FSE_F_SITUATION + FSE_SIT_COUNT == FSE_F_EXIT_DATE,
	       "one field per situation");
_Static_assert((1 << 4) - 1 == FSE_EXIT_ALL, "one field per exit situation");

/* The answers, with the stable names the records use (model.c). */
static const char *const genders[] = { "female", "male", "non-binary", NULL };
static const char *const age_bands[] = { "under-18", "18-29", "30-54",
					 "55-plus", NULL };
static const char *const labours[] = { "unemployed", "inactive", "employed",
				       "education", NULL };
static const char *const educations[] = { "isced-0-2", "isced-3-4", "isced-5-8",
					  NULL };
static const char *const sensitive[] = { "yes", "no", "refused", "unknown",
					 NULL };
static const char *const situation[] = { "yes", "no", "unknown", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const contacts[] = { "phone", "email", "letter", NULL };

/* What each field takes, and whether a pseudonymised export drops it. */
enum { IDENTITY = 1, SENSITIVE = 2 };
static const struct {
	const char *const *answers; /* NULL: written as it is */
	unsigned drop;
} fields[FSE_F_COUNT] = {
	[FSE_F_LAST_NAME] = { .drop = IDENTITY },
	[FSE_F_FIRST_NAME] = { .drop = IDENTITY },
	[FSE_F_BIRTH_DATE] = { .drop = IDENTITY },
	[FSE_F_PHONE] = { .drop = IDENTITY },
	[FSE_F_EMAIL] = { .drop = IDENTITY },
	[FSE_F_GENDER] = { .answers = genders },
	[FSE_F_AGE_BAND] = { .answers = age_bands },
	[FSE_F_LABOUR] = { .answers = labours },
	[FSE_F_LONG_TERM_UNEMPLOYED] = { .answers = yes_no },
	[FSE_F_EDUCATION] = { .answers = educations },
	/* fse_situation_sensitive(): the ones a person may refuse. */
	[FSE_F_SITUATION + FSE_SIT_DISABILITY] = { .answers = sensitive,
						   .drop = SENSITIVE },
	[FSE_F_SITUATION + FSE_SIT_THIRD_COUNTRY] = { .answers = sensitive,
						      .drop = SENSITIVE },
	[FSE_F_SITUATION + FSE_SIT_FOREIGN_BACKGROUND] = { .answers = sensitive,
							   .drop = SENSITIVE },
	[FSE_F_SITUATION +
		FSE_SIT_MINORITY] = { .answers = sensitive, .drop = SENSITIVE },
	[FSE_F_SITUATION +
		FSE_SIT_HOMELESS] = { .answers = sensitive, .drop = SENSITIVE },
	[FSE_F_SITUATION + FSE_SIT_RURAL] = { .answers = situation },
	[FSE_F_SITUATION + FSE_SIT_QPV] = { .answers = situation },
	[FSE_F_EXIT_POSITIVE] = { .answers = yes_no },
	[FSE_F_EXIT_SEARCHING] = { .answers = yes_no },
	[FSE_F_EXIT_SEARCHING + 1] = { .answers = yes_no },
	[FSE_F_EXIT_SEARCHING + 2] = { .answers = yes_no },
	[FSE_F_EXIT_SEARCHING + 3] = { .answers = yes_no },
	[FSE_F_SURVEY_HOW] = { .answers = contacts },
	[FSE_F_SURVEY_REACHED] = { .answers = yes_no },
	[FSE_F_SURVEY_EMPLOYED] = { .answers = yes_no },
	[FSE_F_SURVEY_IMPROVED] = { .answers = yes_no },
};

const char *fse_field_name(int f)
{
	return f >= 0 && f < FSE_F_COUNT ? fse_field_names[f] : "?";
}

int fse_field_by_name(const char *name)
{
	for (int f = 0; name != NULL && f < FSE_F_COUNT; f++)
		if (strcmp(fse_field_names[f], name) == 0)
			return f;
	return -1;
}

const char *const *fse_field_answers(int f)
{
	return f >= 0 && f < FSE_F_COUNT ? fields[f].answers : NULL;
}

bool fse_field_identity(int f)
{
	return f >= 0 && f < FSE_F_COUNT && (fields[f].drop & IDENTITY);
}

bool fse_field_sensitive(int f)
{
	return f >= 0 && f < FSE_F_COUNT && (fields[f].drop & SENSITIVE);
}

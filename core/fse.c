/* fse.c: the funder's questionnaires read across their records. */
#include "fse.h"

#include <string.h>

const char *fse_question_name(int q)
{
	static const char *const names[] = { "gender", "birth_date", "labour",
					     "unemployed_months", "education" };

	if (q >= 0 && q < FSE_Q_SITUATION)
		return names[q];
	if (q >= FSE_Q_SITUATION && q < FSE_Q_COUNT)
		return model_enum_name(ENUM_FSE_SITUATION, q - FSE_Q_SITUATION);
	return "?";
}

bool fse_situation_sensitive(enum fse_situation s)
{
	return s == FSE_SIT_DISABILITY || s == FSE_SIT_THIRD_COUNTRY ||
	       s == FSE_SIT_FOREIGN_BACKGROUND || s == FSE_SIT_MINORITY ||
	       s == FSE_SIT_HOMELESS;
}

/* True when `e` comes before the record `of` whose answer was taken. */
static bool earlier(const struct fse_entry *e, const struct fse_entry *of)
{
	return of == NULL || e->date < of->date ||
	       (e->date == of->date && e->seq < of->seq);
}

void fse_entry_view(const struct participant_file *f, struct fse_entry *out)
{
	const struct fse_entry *from[FSE_Q_COUNT] = { 0 };

	fse_entry_init(out);
	for (size_t i = 0; i < f->n_fse_entries; i++) {
		const struct fse_entry *e = &f->fse_entries[i];

		if (out->date == DATE_NONE || e->date < out->date)
			out->date = e->date;
		if (e->gender != GENDER_UNKNOWN &&
		    earlier(e, from[FSE_Q_GENDER])) {
			from[FSE_Q_GENDER] = e;
			out->gender = e->gender;
		}
		if (e->labour != FSE_LABOUR_NOT_ASKED &&
		    earlier(e, from[FSE_Q_LABOUR])) {
			from[FSE_Q_LABOUR] = e;
			out->labour = e->labour;
			out->unemployed_months = e->unemployed_months;
		}
		if (e->education != EDUCATION_UNKNOWN &&
		    earlier(e, from[FSE_Q_EDUCATION])) {
			from[FSE_Q_EDUCATION] = e;
			out->education = e->education;
		}
		for (int s = 0; s < FSE_SIT_COUNT; s++) {
			if (e->situation[s] != FSE_NOT_ASKED &&
			    earlier(e, from[FSE_Q_SITUATION + s])) {
				from[FSE_Q_SITUATION + s] = e;
				out->situation[s] = e->situation[s];
			}
		}
	}
}

unsigned fse_entry_missing(const struct participant_file *f)
{
	struct fse_entry v;
	unsigned m = 0;

	fse_entry_view(f, &v);
	if (v.gender == GENDER_UNKNOWN)
		m |= 1u << FSE_Q_GENDER;
	if (f->p.birth_date == DATE_NONE)
		m |= 1u << FSE_Q_BIRTH_DATE;
	if (v.labour == FSE_LABOUR_NOT_ASKED)
		m |= 1u << FSE_Q_LABOUR;
	/* Long-term unemployment is read from the duration. */
	if (v.labour == FSE_LABOUR_UNEMPLOYED &&
	    v.unemployed_months == FSE_MONTHS_NONE)
		m |= 1u << FSE_Q_UNEMPLOYED_MONTHS;
	if (v.education == EDUCATION_UNKNOWN)
		m |= 1u << FSE_Q_EDUCATION;
	for (int s = 0; s < FSE_SIT_COUNT; s++)
		if (v.situation[s] == FSE_NOT_ASKED)
			m |= 1u << (FSE_Q_SITUATION + s);
	return m;
}

bool fse_entry_from_identity(const struct participant *p, struct fse_entry *out)
{
	fse_entry_init(out);
	out->participant = p->id;
	out->date = p->entry_date;
	if ((unsigned)p->gender <= GENDER_NONBINARY)
		out->gender = p->gender;
	if ((unsigned)p->education <= EDUCATION_ISCED_5_8)
		out->education = p->education;
	switch (p->employment) {
	case EMPLOYMENT_UNEMPLOYED:
		out->labour = FSE_LABOUR_UNEMPLOYED;
		break;
	case EMPLOYMENT_LONG_TERM_UNEMPLOYED:
		out->labour = FSE_LABOUR_UNEMPLOYED;
		out->unemployed_months = FSE_LONG_TERM_MONTHS;
		break;
	case EMPLOYMENT_INACTIVE:
		out->labour = FSE_LABOUR_INACTIVE;
		break;
	case EMPLOYMENT_EMPLOYED:
		out->labour = FSE_LABOUR_EMPLOYED;
		break;
	default:
		break;
	}
	return out->date != DATE_NONE && (out->gender != GENDER_UNKNOWN ||
					  out->education != EDUCATION_UNKNOWN ||
					  out->labour != FSE_LABOUR_NOT_ASKED);
}

pdate fse_survey_from(pdate exit)
{
	return date_add_months(exit, FSE_SURVEY_MONTHS);
}

bool fse_survey_done(const struct participant_file *f)
{
	pdate from;

	if (f->p.exit_date == DATE_NONE)
		return false;
	from = fse_survey_from(f->p.exit_date);
	for (size_t i = 0; i < f->n_fse_surveys; i++)
		if (f->fse_surveys[i].date >= from)
			return true;
	return false;
}

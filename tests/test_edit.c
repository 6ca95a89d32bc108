/* test_edit.c: each change is checked, whole, and journalled:
 * participants, appointments and their corrections, notes, stages,
 * identity (the work and the exit: test_edit_work.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "edit.h"
#include "error.h"
#include "helpers.h"
#include "import.h"
#include "rules.h"
#include "summary.h"
#include "edit_cases.h"

static void added_participant(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct participant p;

	load(f, &pf);
	assert_string_equal(pf.p.stage, "freins");
	assert_string_equal(pf.p.referent, "Marie Dupont");
	assert_int_equal(pf.p.stage_since, D(2025, 1, 12));
	assert_int_equal(pf.n_moves, 1);
	participant_file_clear(&pf);
	assert_int_equal(journal_lines(f), 1);

	participant_init(&p);
	p.last_name = (char *)"  ";
	p.first_name = (char *)"Zoë";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name");
	p.last_name = (char *)"Brontë";
	p.publics = (char *)"rsa,martian";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"martian");
	p.publics = NULL;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2027, 1, 1), NULL,
				     &rcause),
		"future");
	p.birth_date = D(2030, 1, 1);
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"birth date");
}

static void plan_then_outcome(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t past, future;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &past, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), APPT_NO_TIME,
					       "atelier CV", MODE_VIDEO,
					       &future, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, past,
						  APPT_DONE, "CV revu ✓",
						  &cause),
			 PC_OK);
	/* The future one cannot be done yet, but can be cancelled. */
	REFUSED(edit_appointment_outcome(f->s, &f->ctx, future, APPT_DONE, NULL,
					 &rcause),
		"2026-12-03");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, DATE_NONE, 0,
				      "entretien", MODE_PHONE, NULL, &rcause),
		"date");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      1440, "entretien", MODE_PHONE, NULL,
				      &rcause),
		"time");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      600, "", MODE_PHONE, NULL, &rcause),
		"kind");
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, 999, APPT_DONE,
						  NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	load(f, &pf);
	assert_int_equal(pf.n_appts, 2);
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_string_equal(pf.appts[0].note, "CV revu ✓");
	assert_int_equal(pf.appts[1].status, APPT_PLANNED);
	assert_int_equal(pf.appts[1].minute, APPT_NO_TIME);
	participant_file_clear(&pf);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, future,
						  APPT_CANCELLED, NULL, &cause),
			 PC_OK);
	assert_int_equal(journal_lines(f), 5);
}

static void stage_moves(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(edit_stage_move(f->s, &f->ctx, f->pid, "orienter",
					 D(2025, 6, 9), &cause),
			 PC_OK);
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "former", D(2025, 6, 1),
				&rcause),
		"2025-06-09");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "nowhere", D(2025, 7, 1),
				&rcause),
		"nowhere");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "former",
				D(2026, 11, 27), &rcause),
		"future");
	REFUSED(edit_stage_move(f->s, &f->ctx, f->pid, "orienter",
				D(2025, 7, 1), &rcause),
		"already");
	/* Back to the first stage: a parcours is not linear. */
	assert_int_equal(edit_stage_move(f->s, &f->ctx, f->pid, "freins",
					 D(2026, 11, 26), &cause),
			 PC_OK);
	load(f, &pf);
	assert_string_equal(pf.p.stage, "freins");
	assert_int_equal(pf.p.stage_since, D(2026, 11, 26));
	assert_int_equal(pf.n_moves, 3);
	assert_string_equal(pf.moves[1].stage, "orienter");
	participant_file_clear(&pf);
}

static void identity_and_transfer(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct participant p;
	struct store_txn *t;
	uint64_t *ids;
	size_t n;
	char *cause = NULL;

	participant_init(&p);
	p.id = f->pid;
	p.last_name = (char *)"Nguyễn";
	p.first_name = (char *)"Thị Ánh";
	p.phone = (char *)"06 12 34 56 78";
	p.gender = GENDER_FEMALE;
	assert_int_equal(edit_identity(f->s, &f->ctx, &p, &cause), PC_OK);
	load(f, &pf);
	assert_string_equal(pf.p.last_name, "Nguyễn");
	assert_string_equal(pf.p.phone, "06 12 34 56 78");
	assert_null(pf.p.publics);		   /* cleared as asked */
	assert_string_equal(pf.p.stage, "freins"); /* untouched */
	participant_file_clear(&pf);
	p.first_name = (char *)"\xff";
	REFUSED(edit_identity(f->s, &f->ctx, &p, &rcause), "first name");

	assert_int_equal(
		edit_transfer(f->s, &f->ctx, f->pid, "Karim Benali", &cause),
		PC_OK);
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, "Karim Benali", &rcause),
		"already");
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, " ", &rcause), "referent");
	assert_int_equal(store_read_begin(f->s, &t, &cause), PC_OK);
	assert_int_equal(store_caseload_ids(t, "Karim Benali", &ids, &n), 0);
	assert_int_equal(n, 1);
	free(ids);
	assert_int_equal(store_caseload_ids(t, "Marie Dupont", &ids, &n), 0);
	assert_int_equal(n, 0);
	free(ids);
	store_read_end(&t);
}

static void notes(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(
		edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
			      "Dossier logement déposé, relancer la CAF",
			      &cause),
		PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14), "  ",
			      &rcause),
		"note: required");
	assert_int_equal(edit_note_add(f->s, &f->ctx, 4242, D(2026, 10, 14),
				       "x", &cause),
			 PC_ENOTFOUND);
	free(cause);
	load(f, &pf);
	assert_int_equal(pf.n_notes, 1);
	assert_string_equal(pf.notes[0].text,
			    "Dossier logement déposé, relancer la CAF");
	participant_file_clear(&pf);
}

/* The shared validation of text (model.h) behind every form: control
 * characters, blank names, absurd lengths (issue 10, item 18). */
static void text_fields(void **state)
{
	struct edit_fixture *f = *state;
	struct participant p;
	struct job j;
	char *big = malloc(MODEL_NOTE_MAX + 2), *cause = NULL;

	participant_init(&p);
	p.first_name = (char *)"Zoë";
	p.birth_date = D(1990, 1, 1);
	p.last_name = (char *)"\xc2\xa0 \xe2\x80\x8b"; /* NBSP, space, ZWSP */
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: required");
	p.last_name = (char *)"PWNED\x1b]0;title\x07";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: holds a control character (U+001B)");
	p.last_name = (char *)"DUPONT\nFAKE ROW";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"U+000A");
	p.last_name = (char *)"C1\xc2\x9b";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"U+009B");
	memset(big, 'a', MODEL_NAME_MAX + 1);
	big[MODEL_NAME_MAX + 1] = '\0';
	p.last_name = big;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"last name: too long (201 bytes, at most 200)");
	big[MODEL_NAME_MAX] = '\0';
	p.phone = (char *)"06\t12";
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"phone");
	p.phone = NULL;
	p.birth_date = D(1900, 1, 1) - 1;
	REFUSED(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1), NULL,
				     &rcause),
		"birth date: outside 1900–2199");
	p.birth_date = D(1900, 1, 1);
	assert_int_equal(edit_participant_add(f->s, &f->ctx, &p, D(2025, 1, 1),
					      NULL, &cause),
			 PC_OK);

	/* A note may hold line breaks and tabs, nothing else below U+0020. */
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       "deux\nlignes\tet un tab", &cause),
			 PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
			      "retour\rchariot", &rcause),
		"note: holds a control character (U+000D)");
	memset(big, 'n', MODEL_NOTE_MAX + 1);
	big[MODEL_NOTE_MAX + 1] = '\0';
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14), big,
			      &rcause),
		"note: too long (10001 bytes, at most 10000)");
	big[MODEL_NOTE_MAX] = '\0';
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       big, &cause),
			 PC_OK);
	REFUSED(edit_note_add(f->s, &f->ctx, f->pid, DATE_DAY_MAX + 1, "x",
			      &rcause),
		"date: outside 1900–2199");
	REFUSED(edit_appointment_plan(f->s, &f->ctx, f->pid, D(2026, 12, 1),
				      600, "entretien\x1b[2J", MODE_PHONE, NULL,
				      &rcause),
		"kind: holds a control character");
	REFUSED(edit_transfer(f->s, &f->ctx, f->pid, " ", &rcause),
		"referent: required");

	job_init(&j);
	j.employer = (char *)"EHPAD\x7f";
	j.start = D(2026, 10, 31);
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause),
		"employer: holds a control character (U+007F)");
	j.employer = (char *)"EHPAD";
	j.planned_end = DATE_DAY_MAX + 1;
	REFUSED(edit_job_start(f->s, &f->ctx, f->pid, &j, &rcause),
		"planned end: outside 1900–2199");
	free(big);
}

/* A reschedule keeps the appointment's id, outcome and note; the planned
 * index follows the new date. */
/* A letter and a reminder recorded on the appointment they were about;
 * moved, it forgets them; a reminder only of a planned one, and only of
 * an appointment of the participant's for a letter. */
static void letter_and_reminder(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t id, past;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &id, &cause),
			 PC_OK);
	assert_int_equal(edit_letter_made(f->s, &f->ctx, f->pid, id,
					  "convocation", &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_reminded(f->s, &f->ctx, id,
						   REMIND_SMS, &cause),
			 PC_OK);
	assert_int_equal(edit_letter_made(f->s, &f->ctx, f->pid, 0,
					  "attestation", &cause),
			 PC_OK);
	load(f, &pf);
	assert_string_equal(pf.appts[0].letter, "convocation");
	assert_int_equal(pf.appts[0].letter_date, f->ctx.today);
	assert_int_equal(pf.appts[0].reminded, f->ctx.today);
	assert_int_equal(pf.appts[0].reminded_how, REMIND_SMS);
	participant_file_clear(&pf);
	JOURNAL_HAS(f, "letter convocation made for appointment");
	JOURNAL_HAS(f, "reminded by sms");
	JOURNAL_HAS(f, "letter attestation made");
	assert_int_equal(edit_letter_made(f->s, &f->ctx, f->pid + 1000, id,
					  "convocation", &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	{
		struct participant other;
		uint64_t oid = 0;

		participant_init(&other);
		other.last_name = (char *)"Autre";
		other.first_name = (char *)"Personne";
		assert_int_equal(edit_participant_add(f->s, &f->ctx, &other,
						      D(2026, 11, 1), &oid,
						      &cause),
				 PC_OK);
		REFUSED(edit_letter_made(f->s, &f->ctx, oid, id, "convocation",
					 &rcause),
			"not this participant's");
	}
	REFUSED(edit_letter_made(f->s, &f->ctx, f->pid, id, "", &rcause),
		"template");
	REFUSED(edit_appointment_reminded(f->s, &f->ctx, id, (enum remind_how)7,
					  &rcause),
		"reminded how");

	/* Moved: the letter and the reminder told the old day. */
	assert_int_equal(edit_appointment_reschedule(
				 f->s, &f->ctx, id, D(2026, 12, 8), 600,
				 "entretien", MODE_IN_PERSON, &cause),
			 PC_OK);
	load(f, &pf);
	assert_null(pf.appts[0].letter);
	assert_int_equal(pf.appts[0].letter_date, DATE_NONE);
	assert_int_equal(pf.appts[0].reminded, DATE_NONE);
	participant_file_clear(&pf);

	/* Held: nothing to remind any more. */
	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &past, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, past,
						  APPT_DONE, NULL, &cause),
			 PC_OK);
	REFUSED(edit_appointment_reminded(f->s, &f->ctx, past, REMIND_CALL,
					  &rcause),
		"only a planned appointment");
	store_sound(f);
}

static void reschedule_keeps_id(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	struct store_txn *t = NULL;
	uint64_t id, held, *ids = NULL;
	size_t n = 0;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &id, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_reschedule(f->s, &f->ctx, id,
						     D(2026, 12, 8),
						     14 * 60 + 30, "atelier CV",
						     MODE_VIDEO, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_appts, 1);
	assert_int_equal(pf.appts[0].id, id);
	assert_int_equal(pf.appts[0].date, D(2026, 12, 8));
	assert_int_equal(pf.appts[0].minute, 14 * 60 + 30);
	assert_string_equal(pf.appts[0].kind, "atelier CV");
	assert_int_equal(pf.appts[0].mode, MODE_VIDEO);
	assert_int_equal(pf.appts[0].status, APPT_PLANNED);
	participant_file_clear(&pf);
	JOURNAL_HAS(f, "moved to 2026-12-08 14:30");
	JOURNAL_HAS(f, "of 2026-12-03 10:00 moved");
	/* The agenda finds it on its new day only. */
	assert_int_equal(store_read_begin(f->s, &t, NULL), PC_OK);
	assert_int_equal(store_planned_between(t, D(2026, 12, 3),
					       D(2026, 12, 3), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_planned_between(t, D(2026, 12, 8),
					       D(2026, 12, 8), &ids, &n),
			 PC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], id);
	free(ids);
	store_read_end(&t);

	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    14 * 60 + 30, "atelier CV",
					    MODE_VIDEO, &rcause),
		"nothing to change");
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    24 * 60, "atelier CV", MODE_VIDEO,
					    &rcause),
		"time");
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, id, D(2026, 12, 8),
					    600, " ", MODE_VIDEO, &rcause),
		"kind");
	assert_int_equal(edit_appointment_reschedule(f->s, &f->ctx, 999,
						     D(2026, 12, 8), 600, "x",
						     MODE_PHONE, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;

	/* A held appointment entered on the wrong day: its date corrected,
	 * its outcome and note kept, never put in the future. */
	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &held, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, held,
						  APPT_DONE, "CV revu", &cause),
			 PC_OK);
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, held,
					    D(2026, 11, 27), 600, "entretien",
					    MODE_IN_PERSON, &rcause),
		"cannot be after today");
	assert_int_equal(edit_appointment_reschedule(
				 f->s, &f->ctx, held, D(2026, 11, 19), 600,
				 "entretien", MODE_IN_PERSON, &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.appts[0].id, held);
	assert_int_equal(pf.appts[0].date, D(2026, 11, 19));
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_string_equal(pf.appts[0].note, "CV revu");
	participant_file_clear(&pf);

	/* Nothing is planned for someone who left: an appointment before
	 * the exit, still without its outcome, is not moved. */
	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 24), 600,
				 "entretien", MODE_IN_PERSON, &held, &cause),
			 PC_OK);
	assert_int_equal(edit_exit(f->s, &f->ctx, f->pid, D(2026, 11, 26),
				   "demenagement", NULL, NULL, &cause),
			 PC_OK);
	REFUSED(edit_appointment_reschedule(f->s, &f->ctx, held, D(2026, 12, 9),
					    600, "entretien", MODE_PHONE,
					    &rcause),
		"has left");
	store_sound(f);
}

/* A recorded outcome corrected, back to planned included, journalled
 * from what to what. */
static void outcome_corrected(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	uint64_t past, future;
	char *cause = NULL;

	assert_int_equal(edit_appointment_plan(
				 f->s, &f->ctx, f->pid, D(2026, 11, 20), 600,
				 "entretien", MODE_IN_PERSON, &past, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_plan(f->s, &f->ctx, f->pid,
					       D(2026, 12, 3), 600, "entretien",
					       MODE_IN_PERSON, &future, &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, past,
						  APPT_MISSED, "pas venue",
						  &cause),
			 PC_OK);
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, past,
						  APPT_DONE, "venue en retard",
						  "pas venue", &cause),
			 PC_OK);
	JOURNAL_HAS(f, "of 2026-11-20 corrected from missed to done, note "
		       "corrected");
	/* Made on a note since changed in another window: refused. */
	REFUSED(edit_appointment_correct(f->s, &f->ctx, past, APPT_MISSED,
					 "de A", "pas venue", &rcause),
		"changed in another window");
	REFUSED(edit_appointment_correct(f->s, &f->ctx, past, APPT_DONE,
					 "venue en retard", NULL, &rcause),
		"nothing to change");
	/* The note alone, then cleared. */
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, past,
						  APPT_DONE, NULL, NULL,
						  &cause),
			 PC_OK);
	JOURNAL_HAS(f, "of 2026-11-20: note corrected");
	/* Cancelled by mistake: planned again. */
	assert_int_equal(edit_appointment_outcome(f->s, &f->ctx, future,
						  APPT_CANCELLED, NULL, &cause),
			 PC_OK);
	REFUSED(edit_appointment_correct(f->s, &f->ctx, future, APPT_DONE, NULL,
					 NULL, &rcause),
		"2026-12-03");
	REFUSED(edit_appointment_correct(f->s, &f->ctx, future, 7, NULL, NULL,
					 &rcause),
		"not an outcome");
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, future,
						  APPT_PLANNED, NULL, NULL,
						  &cause),
			 PC_OK);
	JOURNAL_HAS(f, "corrected from cancelled to planned");
	load(f, &pf);
	assert_int_equal(pf.appts[0].status, APPT_DONE);
	assert_null(pf.appts[0].note);
	assert_int_equal(pf.appts[1].status, APPT_PLANNED);
	participant_file_clear(&pf);
	assert_int_equal(edit_appointment_correct(f->s, &f->ctx, 999, APPT_DONE,
						  NULL, NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
}

/* Notes edited and deleted: the journal names the note, never its text. */
static void notes_edited_and_deleted(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL, *text;

	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 14),
				       "Dossier logement déposé", &cause),
			 PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 10, 20),
				       "Écrit sur la mauvaise personne",
				       &cause),
			 PC_OK);
	load(f, &pf);
	assert_int_equal(pf.n_notes, 2);
	assert_int_equal(pf.notes[0].seq, 1);
	assert_int_equal(pf.notes[1].seq, 2);
	participant_file_clear(&pf);

	assert_int_equal(edit_note_edit(f->s, &f->ctx, f->pid, 1,
					D(2026, 10, 15),
					"Dossier logement déposé à la CAF",
					NULL, &cause),
			 PC_OK);
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 1, D(2026, 10, 15),
			       "Dossier logement déposé à la CAF", NULL,
			       &rcause),
		"nothing to change");
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 1, D(2026, 10, 15), " ",
			       NULL, &rcause),
		"note: required");
	assert_int_equal(
		edit_note_delete(f->s, &f->ctx, f->pid, 2, NULL, &cause),
		PC_OK);
	assert_int_equal(
		edit_note_delete(f->s, &f->ctx, f->pid, 2, NULL, &cause),
		PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_note_edit(f->s, &f->ctx, f->pid, 9,
					D(2026, 10, 15), "x", NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(edit_note_delete(f->s, &f->ctx, 4242, 1, NULL, &cause),
			 PC_ENOTFOUND);
	free(cause);
	cause = NULL;

	load(f, &pf);
	assert_int_equal(pf.n_notes, 1);
	assert_int_equal(pf.notes[0].seq, 1);
	assert_int_equal(pf.notes[0].date, D(2026, 10, 15));
	assert_string_equal(pf.notes[0].text,
			    "Dossier logement déposé à la CAF");
	participant_file_clear(&pf);
	JOURNAL_HAS(f, "note 1 of 2026-10-14 edited");
	JOURNAL_HAS(f, "note 2 of 2026-10-20 deleted");
	text = journal_text(f);
	assert_null(strstr(text, "mauvaise"));
	assert_null(strstr(text, "CAF"));
	free(text);
	store_sound(f);
}

/* An exit recorded by mistake undone: followed again, every exit field
 * cleared, the appointments it cancelled still cancelled. */

/* An edit or a deletion made on a note as it was read is refused once
 * the note changed: another window edited it, or deleted it and a new
 * note took its number (before, the new note was overwritten). */
static void notes_stale_refused(void **state)
{
	struct edit_fixture *f = *state;
	struct participant_file pf;
	char *cause = NULL;

	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 2),
				       "première", &cause),
			 PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 3),
				       "deuxième", &cause),
			 PC_OK);
	/* Window B deletes note 2 and adds another, which takes number 2. */
	assert_int_equal(
		edit_note_delete(f->s, &f->ctx, f->pid, 2, "deuxième", &cause),
		PC_OK);
	assert_int_equal(edit_note_add(f->s, &f->ctx, f->pid, D(2026, 11, 4),
				       "note de B", &cause),
			 PC_OK);
	/* Window A saves its edit of the second note as it read it. */
	REFUSED(edit_note_edit(f->s, &f->ctx, f->pid, 2, D(2026, 11, 3),
			       "modifiée par A", "deuxième", &rcause),
		"changed in another window");
	REFUSED(edit_note_delete(f->s, &f->ctx, f->pid, 2, "deuxième", &rcause),
		"changed in another window");
	load(f, &pf);
	assert_int_equal(pf.n_notes, 2);
	assert_string_equal(pf.notes[1].text, "note de B");
	participant_file_clear(&pf);
}

/* The same person, as the import finds them: names trimmed, case and
 * accents aside, and the birth date. */
static void same_person(void **state)
{
	struct edit_fixture *f = *state;
	uint64_t id = 99;
	char *cause = NULL;

	assert_int_equal(import_find_person(f->s, " LEFEVRE ", "élodie",
					    D(1991, 4, 3), &id, &cause),
			 PC_OK);
	assert_int_equal(id, f->pid);
	assert_int_equal(import_find_person(f->s, "Lefèvre", "Élodie",
					    D(1991, 4, 4), &id, &cause),
			 PC_OK);
	assert_int_equal(id, 0);
	assert_int_equal(import_find_person(f->s, "Lefèvre", "Elodie Marie",
					    D(1991, 4, 3), &id, &cause),
			 PC_OK);
	assert_int_equal(id, 0);
	assert_int_equal(
		import_find_person(f->s, NULL, NULL, DATE_NONE, &id, &cause),
		PC_OK);
	assert_int_equal(id, 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(added_participant),
		T(plan_then_outcome),
		T(stage_moves),
		T(identity_and_transfer),
		T(notes),
		T(text_fields),
		T(reschedule_keeps_id),
		T(letter_and_reminder),
		T(outcome_corrected),
		T(notes_edited_and_deleted),
		T(notes_stale_refused),
		T(same_person),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* edit.h: the changes a referent makes, each one checked transaction. */
#ifndef PARCOURS_EDIT_H
#define PARCOURS_EDIT_H

#include "config.h"
#include "model.h"
#include "store.h"

#include <stdint.h>

/*
 * Each function checks its input against the data and the configuration,
 * then writes the change and a journal line in one write transaction:
 * whole or not at all. Bad input returns PC_EINVAL with a translated
 * message in *cause (caller frees) and writes nothing, a NULL text where
 * one is required included; a participant or appointment that does not
 * exist returns PC_ENOTFOUND; a failed write, a store code (store.h).
 */
struct edit_ctx {
	const struct config *config;
	const char *who; /* for the journal: the referent at the keyboard;
			    NULL: none (an import adds to the config's) */
	int64_t now;	 /* for the journal: seconds since the epoch */
	pdate today;	 /* outcomes and moves may not be in the future */
	const char *login; /* for the journal: the Unix user; NULL: none */
};

/* Add a participant entering on `entry` into p->stage (the first stage
 * when NULL); only identity fields, publics and referent (the config's when
 * NULL) are taken. *id gets the new id unless id is NULL. */
int edit_participant_add(struct store *s, const struct edit_ctx *ctx,
			 const struct participant *p, pdate entry, uint64_t *id,
			 char **cause);

/*
 * The same inside a write transaction the caller runs (an import adds
 * many at once): no checks, `how` says it in the journal ("imported"). On
 * failure (a store code; *id then means nothing) let the transaction abort.
 */
int edit_participant_add_txn(struct store_txn *t, const struct edit_ctx *ctx,
			     const struct participant *p, pdate entry,
			     const char *how, uint64_t *id);

/* The checks edit_participant_add makes on names, dates and publics: PC_OK
 * or PC_EINVAL with *cause. */
int edit_check_identity(const struct edit_ctx *ctx, const struct participant *p,
			char **cause);

/* Plan an appointment; minute is APPT_NO_TIME or 0..1439. *id gets its id
 * unless id is NULL. */
int edit_appointment_plan(struct store *s, const struct edit_ctx *ctx,
			  uint64_t participant, pdate date, int minute,
			  const char *kind, enum appointment_mode mode,
			  uint64_t *id, char **cause);

/* Record what happened: done, missed or cancelled; a NULL or empty note
 * keeps the appointment's own. */
int edit_appointment_outcome(struct store *s, const struct edit_ctx *ctx,
			     uint64_t appointment,
			     enum appointment_status status, const char *note,
			     char **cause);

/*
 * Move appointment `appointment` (reschedule, or correct how it was
 * entered): its date, time, kind and mode are replaced; its id, outcome
 * and note are kept, so the journal's lines about it still hold; moved to
 * another day or time, its letter and reminder are forgotten (they told
 * the old one). A planned one of someone who left, a done or missed one put after today, or
 * nothing changed is PC_EINVAL.
 */
int edit_appointment_reschedule(struct store *s, const struct edit_ctx *ctx,
				uint64_t appointment, pdate date, int minute,
				const char *kind, enum appointment_mode mode,
				char **cause);

/*
 * Correct a recorded outcome: the status (APPT_PLANNED puts it back to
 * planned) and the note, which is replaced (NULL or "" clears it). Done
 * or missed before the appointment's day, planned again for someone who
 * left, or nothing changed is PC_EINVAL. The journal says from what to
 * what.
 * `was_note` (NULL: no check) is the note the correction was made on:
 * changed since (another window), it is PC_EINVAL, nothing written.
 */
int edit_appointment_correct(struct store *s, const struct edit_ctx *ctx,
			     uint64_t appointment,
			     enum appointment_status status, const char *note,
			     const char *was_note, char **cause);

/* Add a dated note. */
int edit_note_add(struct store *s, const struct edit_ctx *ctx,
		  uint64_t participant, pdate date, const char *text,
		  char **cause);

/* Correct note `seq` of a participant: date and text replaced, checked as
 * edit_note_add() checks; PC_ENOTFOUND: no such note; nothing changed is
 * PC_EINVAL. `was` (NULL: no check) is the text the change was made on:
 * a note that no longer holds it (changed or deleted in another window,
 * its number taken by a new note) is PC_EINVAL, nothing written. The
 * journal says which note, not what it said. */
int edit_note_edit(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, uint32_t seq, pdate date,
		   const char *text, const char *was, char **cause);

/* Delete note `seq` of a participant (PC_ENOTFOUND: none), when it still
 * holds `was` (NULL: no check; as edit_note_edit); the journal keeps its
 * number and date, not its text. */
int edit_note_delete(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, uint32_t seq, const char *was,
		     char **cause);

/* Move into `stage` on `date` (not before the last move, not after today). */
int edit_stage_move(struct store *s, const struct edit_ctx *ctx,
		    uint64_t participant, const char *stage, pdate date,
		    char **cause);

/*
 * Correct job `fixed->seq` of a participant, entered wrongly: employer,
 * contract, start, planned end and hours are replaced (its end and
 * check-ins kept); checked as edit_job_start() checks, and a start after
 * its end or after a check-in held is PC_EINVAL. PC_ENOTFOUND: no such
 * job. One transaction with its journal line.
 */
int edit_job_correct(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, const struct job *fixed,
		     char **cause);

/* Why a job ends, the ids edit_job_end() accepts. */
#define JOB_END_REASONS 5
extern const char *const job_end_reasons[JOB_END_REASONS];

/*
 * End job `job_seq` of a participant on `ended` (from its start to today)
 * for `reason` (one of job_end_reasons): PC_EINVAL otherwise, PC_ENOTFOUND
 * for no such job or participant; a job already ended is refused. One
 * transaction with its journal line.
 */
int edit_job_end(struct store *s, const struct edit_ctx *ctx,
		 uint64_t participant, uint32_t job_seq, pdate ended,
		 const char *reason, char **cause);

/* Record a job start: the in-work follow-up begins. A job already open
 * stays open (two jobs at once are possible): end it with
 * edit_job_end(). */
int edit_job_start(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, const struct job *job, char **cause);

/* Record the check-in `offset_days` after the start of the current job;
 * PC_EINVAL when no job is in progress. */
int edit_checkin(struct store *s, const struct edit_ctx *ctx,
		 uint64_t participant, int offset_days, pdate done,
		 char **cause);

/*
 * Record an exit for a reason of the configuration; planned appointments
 * after the exit date are cancelled. A positive reason that needs six
 * months (or eight in twelve) is PC_EINVAL, unless `forced` holds a note
 * (NULL or "": none) which the journal keeps: under exit_validation:
 * followup until the jobs show the months, and the exit is validated;
 * under hiring, without qualifying work going on on the exit date, and the
 * exit stores its hiring date (the start of that work) and waits for its
 * validation (participant_exit_pending, edit_exit_outcome). A reason that
 * needs nothing is validated at once. `situations` (enum fse_exit_bits;
 * NULL: not asked) is the exit questionnaire, recorded in the same
 * transaction and dated on the exit.
 */
int edit_exit(struct store *s, const struct edit_ctx *ctx, uint64_t participant,
	      pdate date, const char *reason, const char *forced,
	      const uint32_t *situations, char **cause);

/* What became of an exit at hiring. */
enum exit_outcome {
	EXIT_VALIDATED, /* the months were reached: a positive exit */
	EXIT_LOST,	/* the work was lost before: not positive */
};

/*
 * Record the outcome of an exit at hiring waiting for its validation
 * (PC_EINVAL otherwise), on `date` (from the hiring to today). Validated:
 * the jobs must show the months the reason needs by `date`, unless
 * `forced` holds a note. Lost: `reason` is one of job_end_reasons; the
 * exit is no longer positive, and keeps its date and reason. One
 * transaction with its journal line.
 */
int edit_exit_outcome(struct store *s, const struct edit_ctx *ctx,
		      uint64_t participant, enum exit_outcome outcome,
		      pdate date, const char *reason, const char *forced,
		      char **cause);

/*
 * Undo an exit recorded by mistake: the participant is followed again,
 * in follow-up when a job goes on, else active, and every exit field is
 * cleared (date, reason, positive, validation, hiring, work lost). The
 * appointments the exit cancelled stay cancelled (nothing tells them from
 * those cancelled otherwise): edit_appointment_correct() plans one again.
 * The exit questionnaires and six-months surveys, about that exit, are
 * removed. PC_EINVAL when the participant has not left; the journal says
 * which exit was undone.
 */
int edit_exit_undo(struct store *s, const struct edit_ctx *ctx,
		   uint64_t participant, char **cause);

/* Replace the identity fields (names, birth date, gender, contacts,
 * publics) with those of `p` (p->id says who); a NULL or empty contact or
 * publics is cleared. Education and the situation at entry are answers of
 * the funder's questionnaire (edit_fse_entry_*), left as they are. */
int edit_identity(struct store *s, const struct edit_ctx *ctx,
		  const struct participant *p, char **cause);

/* Set or lift the legal hold: records the funder requires kept, which
 * erasure and purge then refuse to remove. */
int edit_hold(struct store *s, const struct edit_ctx *ctx, uint64_t participant,
	      bool hold, char **cause);

/* Hand the participant over to another referent. */
int edit_transfer(struct store *s, const struct edit_ctx *ctx,
		  uint64_t participant, const char *referent, char **cause);

/*
 * Hand every participant of referent `from` (exited ones too) over to `to`
 * in one transaction, one journal line each ("reassigned from X to Y").
 * *moved gets how many (0 is no error). PC_EINVAL: `to` is not a name, or
 * is `from`.
 */
int edit_reassign(struct store *s, const struct edit_ctx *ctx, const char *from,
		  const char *to, size_t *moved, char **cause);

/*
 * What left parcours (edit_sent.c). A letter made from template `letter`
 * ("convocation") for `participant`: about appointment `appt` (0: none),
 * recorded on it with today's date (the last letter), and a journal line
 * either way. A planned appointment reminded today, `how`. PC_ENOTFOUND:
 * no such participant or appointment; PC_EINVAL: an appointment that is
 * another's, a reminder of one not planned.
 */
int edit_letter_made(struct store *s, const struct edit_ctx *ctx,
		     uint64_t participant, uint64_t appt, const char *letter,
		     char **cause);
/* Letters of a batch, each as edit_letter_made records it, in one
 * transaction: all recorded or none. */
struct edit_letter {
	uint64_t participant;
	uint64_t appt; /* 0: none */
};
int edit_letters_made(struct store *s, const struct edit_ctx *ctx,
		      const struct edit_letter *v, size_t n, const char *letter,
		      char **cause);
int edit_appointment_reminded(struct store *s, const struct edit_ctx *ctx,
			      uint64_t appt, enum remind_how how, char **cause);
/* The same inside write transaction t, for participant's appointment
 * `appt` (with the others of a batch: all recorded or none). */
int edit_reminded_txn(struct store_txn *t, const struct edit_ctx *ctx,
		      uint64_t participant, uint64_t appt, enum remind_how how,
		      char **cause);

/*
 * The funder's questionnaires (model.h, fse.h). add records a new answer
 * set of e->participant dated e->date (seq ignored; *seq gets its number
 * unless NULL): never over an earlier one, a changed situation is a new
 * set. correct replaces set e->seq whole, for a typing mistake; the
 * journal names the questions changed, not the answers. PC_EINVAL: an
 * answer out of range, a date out of range or after today, refused for a
 * question that is not sensitive, an entry set without any answer, the
 * same answers (correct); an exit set for someone who has not left or
 * dated before the exit; a survey before six months after the exit, or
 * with a situation while not reached. PC_ENOTFOUND: no such participant,
 * or no set e->seq (correct).
 */
int edit_fse_entry_add(struct store *s, const struct edit_ctx *ctx,
		       const struct fse_entry *e, uint32_t *seq, char **cause);
int edit_fse_entry_correct(struct store *s, const struct edit_ctx *ctx,
			   const struct fse_entry *e, char **cause);
int edit_fse_exit_add(struct store *s, const struct edit_ctx *ctx,
		      const struct fse_exit *e, uint32_t *seq, char **cause);
int edit_fse_exit_correct(struct store *s, const struct edit_ctx *ctx,
			  const struct fse_exit *e, char **cause);
int edit_fse_survey_add(struct store *s, const struct edit_ctx *ctx,
			const struct fse_survey *v, uint32_t *seq,
			char **cause);
int edit_fse_survey_correct(struct store *s, const struct edit_ctx *ctx,
			    const struct fse_survey *v, char **cause);

#endif

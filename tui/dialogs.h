/* dialogs.h: the forms behind each action on a participant. */
#ifndef PARCOURS_DIALOGS_H
#define PARCOURS_DIALOGS_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tui;
struct caseload_entry;

/*
 * Each dialog asks only what the change needs, with sensible defaults
 * (today; the next appointment at the stage's contact interval), writes
 * it in one transaction through edit.h, refreshes the participant and
 * leaves a message. Esc writes nothing.
 */
void dialog_new_participant(struct tui *t);
/* Returns the new appointment's id, or 0 when none was planned. */
uint64_t dialog_plan(struct tui *t, const struct caseload_entry *e);
void dialog_outcome(struct tui *t, const struct caseload_entry *e, size_t appt,
		    enum appointment_status status);
void dialog_note(struct tui *t, const struct caseload_entry *e);
/* Move to stage `index` of the config; SIZE_MAX asks which first. */
void dialog_stage(struct tui *t, const struct caseload_entry *e, size_t index);
void dialog_job(struct tui *t, const struct caseload_entry *e);
/* Correct a job entered wrongly (picked first when several). */
void dialog_job_correct(struct tui *t, const struct caseload_entry *e);
/* End one of the jobs going on (picked first when several): date and
 * reason. */
void dialog_job_end(struct tui *t, const struct caseload_entry *e);
void dialog_checkin(struct tui *t, const struct caseload_entry *e);
void dialog_exit(struct tui *t, const struct caseload_entry *e);
/* The outcome of an exit at hiring: validated, or the work lost (date,
 * reason). */
void dialog_exit_outcome(struct tui *t, const struct caseload_entry *e);
void dialog_identity(struct tui *t, const struct caseload_entry *e);
void dialog_transfer(struct tui *t, const struct caseload_entry *e);
/* Erase a participant after their last name is typed back; erase
 * everyone who left before a date after a word is typed. Both need the
 * database alone (no other window). */
void dialog_erase(struct tui *t, const struct caseload_entry *e);
void dialog_purge(struct tui *t);
/* Export the caseload summary to a file (format, path, pseudonymised). */
void dialog_export(struct tui *t);

/* Remind the participant of appointment `appt` (its place in e's list):
 * the phone in the international form, the email, the message of the
 * configuration; then called, SMS or email, recorded (dialogs_remind.c). */
void dialog_remind(struct tui *t, const struct caseload_entry *e, size_t appt);

/* l: a letter from a template for `e`, about appointment `appt` (its id;
 * 0: the one the template calls for), written to a file and recorded
 * (dialogs_letter.c). */
void dialog_letter(struct tui *t, const struct caseload_entry *e,
		   uint64_t appt);

/*
 * The funder's questionnaires (dialogs_fse.c). dialog_fse offers those
 * that apply (at entry; on leaving and six months after, for someone who
 * left); dialog_fse_entry opens the entry questionnaire of `pid` (after
 * an add). A form shows the answers as they stand: saved as corrections
 * of the first ones (journalled) or, when the situation changed, as a new
 * dated set.
 */
void dialog_fse(struct tui *t, const struct caseload_entry *e);
void dialog_fse_entry(struct tui *t, uint64_t pid);

/* The situations on leaving for a FIELD_MULTI: their stable names (the
 * values), and their translated labels (malloc'd array; NULL when out of
 * memory). */
#define DIALOG_FSE_EXIT_COUNT 4
extern const char *const dialog_fse_exit_values[DIALOG_FSE_EXIT_COUNT];
const char **dialog_fse_exit_labels(void);

/* The bits (enum fse_exit_bits) of the names in `text`, "searching,
 * employed", into *bits; false for a name that is none. */
bool dialog_fse_exit_bits(const char *text, uint32_t *bits);

/*
 * Corrections that delete nothing (dialogs_fix.c). Reschedule the
 * appointment at `sel` in the entry's list (date, time, kind, mode; its id
 * kept) or correct its recorded outcome (back to planned too); edit or
 * delete a note, picked first when there are several; undo an exit
 * recorded by mistake, after a question.
 */
void dialog_reschedule(struct tui *t, const struct caseload_entry *e,
		       size_t sel);
void dialog_outcome_correct(struct tui *t, const struct caseload_entry *e,
			    size_t sel);
void dialog_note_edit(struct tui *t, const struct caseload_entry *e);
void dialog_note_delete(struct tui *t, const struct caseload_entry *e);
void dialog_exit_undo(struct tui *t, const struct caseload_entry *e);

/*
 * A question over the current screen (a form included): `text`, wrapped,
 * then two answers, `back` first and chosen by default; Esc answers
 * `back`. True when the referent chose `go`.
 */
bool dialog_confirm(struct tui *t, const char *title, const char *text,
		    const char *go, const char *back);

/* The same with `n_items` answers (2 to 6), the first chosen by default:
 * the index of the one chosen, or -1 for Esc. */
int dialog_choose(struct tui *t, const char *title, const char *text,
		  const char *const *items, size_t n_items);

/*
 * Warnings a form asks about before it saves, from its submit callback:
 * true when there is nothing to say or the referent chose to go on; false
 * when they went back to the form (`message` then says so, and the form
 * keeps what was typed) or the check failed (`message` says why).
 */
/* Appointment `appt_id` (0: a new one) of `pid` on `date` at `minute`:
 * in the past (when `to_come`), another one that day, another participant
 * of the caseload at that time. */
bool dialog_warn_plan(struct tui *t, uint64_t pid, uint64_t appt_id, pdate date,
		      int minute, bool to_come, char *message, size_t msize);
/* A new participant with the names and birth date of one already in the
 * database (the check `import` makes). */
bool dialog_warn_duplicate(struct tui *t, const struct participant *p,
			   char *message, size_t msize);
/* Exit reason `reason` (its index in the config) on `date` against the
 * jobs held: a positive reason for a contract no job has, a reason that
 * is not positive while a job goes on. */
bool dialog_warn_exit(struct tui *t, uint64_t pid, pdate date, size_t reason,
		      const char *forced, char *message, size_t msize);
/* A file that exists at `path`, which saving would replace. */
bool dialog_warn_overwrite(struct tui *t, const char *path, char *message,
			   size_t msize);

#endif

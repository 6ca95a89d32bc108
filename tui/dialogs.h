/* dialogs.h: the forms behind each action on a participant. */
#ifndef PARCOURS_DIALOGS_H
#define PARCOURS_DIALOGS_H

#include "model.h"

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

#endif

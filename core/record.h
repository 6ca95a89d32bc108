/* record.h: encoding the model's records as versioned byte strings. */
#ifndef PARCOURS_RECORD_H
#define PARCOURS_RECORD_H

#include "model.h"

#include <stddef.h>
#include <stdint.h>

/*
 * An encoded record is: a kind byte, a format version byte, the length of
 * the body as a varint, the body (codec fields), and the CRC-32 of the
 * body in 4 little-endian bytes. Decoders check all of it, so a record cut
 * anywhere or with a flipped bit is rejected with PC_ECORRUPT (a newer
 * format version with PC_ESCHEMA); they never read past `len` (a NULL buf
 * is PC_ECORRUPT) and skip fields they do not know. A decoder initialises
 * *out first, without freeing what it held; the caller frees its strings
 * with the *_clear function, and on failure *out is left cleared. Encoders
 * return a malloc'd buffer in *buf the caller frees, untouched on failure.
 * Both may also fail with PC_ENOMEM.
 */

#define RECORD_VERSION 1

enum record_kind {
	RECORD_PARTICIPANT = 'P',
	RECORD_STAGE_MOVE = 'S',
	RECORD_APPOINTMENT = 'A',
	RECORD_JOB = 'J',
	RECORD_NOTE = 'N',
	RECORD_JOURNAL = 'L',
	RECORD_FSE_ENTRY = 'E',
	RECORD_FSE_EXIT = 'X',
	RECORD_FSE_SURVEY = 'V',
};

int record_encode_participant(const struct participant *p, uint8_t **buf,
			      size_t *len);
int record_decode_participant(const void *buf, size_t len,
			      struct participant *out);

int record_encode_stage_move(const struct stage_move *m, uint8_t **buf,
			     size_t *len);
int record_decode_stage_move(const void *buf, size_t len,
			     struct stage_move *out);

int record_encode_appointment(const struct appointment *a, uint8_t **buf,
			      size_t *len);
int record_decode_appointment(const void *buf, size_t len,
			      struct appointment *out);

int record_encode_job(const struct job *j, uint8_t **buf, size_t *len);
int record_decode_job(const void *buf, size_t len, struct job *out);

int record_encode_note(const struct note *n, uint8_t **buf, size_t *len);
int record_decode_note(const void *buf, size_t len, struct note *out);

/* Whether a stage move or a note decodes (PC_OK, PC_ECORRUPT or
 * PC_ESCHEMA, as the record_decode_ function would say), allocating
 * nothing: what a reading for the rules, which do not look at them, asks. */
int record_check_stage_move(const void *buf, size_t len);
int record_check_note(const void *buf, size_t len);

int record_encode_journal(const struct journal_entry *e, uint8_t **buf,
			  size_t *len);
int record_decode_journal(const void *buf, size_t len,
			  struct journal_entry *out);

/* The questionnaires hold no strings: nothing to clear after a decode. */
int record_encode_fse_entry(const struct fse_entry *e, uint8_t **buf,
			    size_t *len);
int record_decode_fse_entry(const void *buf, size_t len, struct fse_entry *out);
int record_encode_fse_exit(const struct fse_exit *e, uint8_t **buf,
			   size_t *len);
int record_decode_fse_exit(const void *buf, size_t len, struct fse_exit *out);
int record_encode_fse_survey(const struct fse_survey *v, uint8_t **buf,
			     size_t *len);
int record_decode_fse_survey(const void *buf, size_t len,
			     struct fse_survey *out);

#endif

/* fuzz_record.c: every record decoder on anything; what decodes must
 * encode and decode again to the same bytes. */
#include "record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ROUND_TRIP(type, dec, enc, clear)                                      \
	do {                                                                   \
		type r, r2;                                                    \
		uint8_t *buf;                                                  \
		size_t len;                                                    \
		if (dec(data, size, &r) == 0) {                                \
			if (enc(&r, &buf, &len) == 0) {                        \
				if (dec(buf, len, &r2) != 0)                   \
					abort();                               \
				clear(&r2);                                    \
				free(buf);                                     \
			}                                                      \
			clear(&r);                                             \
		}                                                              \
	} while (0)

/* The questionnaires hold no strings. */
static void no_clear(void *r)
{
	(void)r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ROUND_TRIP(struct participant, record_decode_participant,
		   record_encode_participant, participant_clear);
	ROUND_TRIP(struct appointment, record_decode_appointment,
		   record_encode_appointment, appointment_clear);
	ROUND_TRIP(struct stage_move, record_decode_stage_move,
		   record_encode_stage_move, stage_move_clear);
	ROUND_TRIP(struct job, record_decode_job, record_encode_job, job_clear);
	ROUND_TRIP(struct note, record_decode_note, record_encode_note,
		   note_clear);
	ROUND_TRIP(struct journal_entry, record_decode_journal,
		   record_encode_journal, journal_entry_clear);
	ROUND_TRIP(struct fse_entry, record_decode_fse_entry,
		   record_encode_fse_entry, no_clear);
	ROUND_TRIP(struct fse_exit, record_decode_fse_exit,
		   record_encode_fse_exit, no_clear);
	ROUND_TRIP(struct fse_survey, record_decode_fse_survey,
		   record_encode_fse_survey, no_clear);
	return 0;
}

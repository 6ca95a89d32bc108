/* wake_internal.h: what the attention index's files share (wake.c keeps
 * and reads it, wake_entry.c says what an entry is, wake_check.c checks
 * it); not a public header. */
#ifndef PARCOURS_WAKE_INTERNAL_H
#define PARCOURS_WAKE_INTERNAL_H

#include "wake.h"
#include "codec.h"
#include "store_internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Participants read between two store_release_pages() in a long scan. */
#define WAKE_RELEASE_EVERY 512

/* DB_WAKE_OF's value: be32 wake (DATE_NONE: never), be32 from, u8 flags
 * (ENTRY_*), the digest. */
#define WAKE_OF_SIZE 9

/* A day as a key that sorts in day order (negative ones first). */
static inline uint32_t day_key(pdate d)
{
	return (uint32_t)d ^ 0x80000000u;
}

static inline pdate key_day(uint32_t k)
{
	return (pdate)(k ^ 0x80000000u);
}

/*
 * One participant's entry: what the index holds of them. Besides the
 * wake, a digest of what the rules read in their file beyond their own
 * record, so that a reader evaluates them from two values: the
 * appointments' days and states in the file's order, the jobs as
 * recorded but for the employer's name, the entry answers, the days of
 * the six-months surveys. No text a person typed.
 */
struct entry {
	bool exists;  /* the participant is there */
	bool corrupt; /* their file does not decode: no digest */
	pdate wake;   /* DATE_NONE: never */
	pdate from;
	bool in;
	/* Computed: owned; held: points into the map. */
	const uint8_t *digest;
	size_t digest_len;
	struct codec_writer w;
};

/* The header of a DB_WAKE_OF value's flags byte. */
#define ENTRY_IN      1u
#define ENTRY_CORRUPT 2u

/* In the caseload whatever the day: not exited, or followed after it. */
bool wake_always_in(const struct config *c, const struct participant *p);

/* Release what a computed entry owns; zero it. */
void wake_entry_clear(struct entry *e);

/*
 * The entry of participant `id` as of `from` (wake_entry_clear() it). A
 * file that does not decode wakes at once (the reader meets it and says
 * so, as a caseload does), counts in no caseload and has no digest.
 */
int wake_entry_compute(struct store_txn *t, const struct config *c, uint64_t id,
		       pdate from, struct entry *e);

/* The entry held for `id`: e->exists false when none; its digest points
 * into the map. PC_ECORRUPT: unreadable. */
int wake_entry_held(struct store_txn *t, uint64_t id, struct entry *e);

/* DB_WAKE's key of `id` waking on `wake`. */
void wake_index_key(uint8_t k[12], pdate wake, uint64_t id);

/* Remove what the index holds of `id`, as `old` says it holds it. */
int wake_entry_forget(struct store_txn *t, uint64_t id,
		      const struct entry *old);

/* Write entry `e` of `id` (nothing when it does not exist). */
int wake_entry_record(struct store_txn *t, uint64_t id, const struct entry *e);

/* Fill *f, whose record f->p is read, from a digest: what the rules read.
 * PC_ECORRUPT when it does not decode; *f then holds what did. */
int wake_digest_decode(const uint8_t *d, size_t n, struct participant_file *f);

/* The index's state in `t` for `w`. */
int wake_state_in(struct store_txn *t, const struct wake *w,
		  enum wake_state *state);

#endif

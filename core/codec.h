/* codec.h: the wire format of records: tagged varints and byte strings. */
#ifndef PARCOURS_CODEC_H
#define PARCOURS_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A record is a sequence of fields, each a varint key (tag << 1 | type)
 * followed by a varint (type 0) or a varint length and that many bytes
 * (type 1). Readers skip tags they do not know, so a field added later does
 * not break an older reader; every read is bounds-checked.
 */
enum codec_type { CODEC_VARINT = 0, CODEC_BYTES = 1 };

/*
 * A growable output buffer. Zero-initialise, or use codec_writer_init. The
 * put functions return nothing: when an allocation fails they set `failed`
 * and write nothing more, so one check at the end does for all.
 */
struct codec_writer {
	uint8_t *buf; /* owned: free with codec_writer_free, or take it */
	size_t len, cap;
	bool failed; /* an allocation failed: the content is incomplete */
};

/* An empty writer; nothing is allocated until the first put. */
void codec_writer_init(struct codec_writer *w);
/* Free the buffer and zero the writer for reuse; NULL is accepted. */
void codec_writer_free(struct codec_writer *w);

/* Append raw bytes (p may be NULL when n is 0). */
void codec_put_raw(struct codec_writer *w, const void *p, size_t n);
/* Append an unsigned field. */
void codec_put_uint(struct codec_writer *w, unsigned tag, uint64_t v);
/* Append a signed field (zigzag-encoded). */
void codec_put_int(struct codec_writer *w, unsigned tag, int64_t v);
/* Append a byte-string field. */
void codec_put_bytes(struct codec_writer *w, unsigned tag, const void *p,
		     size_t n);
/* Append a string field; a NULL string writes nothing. */
void codec_put_str(struct codec_writer *w, unsigned tag, const char *s);

/* One field as read: for CODEC_BYTES, `data` points into the input. */
struct codec_field {
	unsigned tag;
	enum codec_type type;
	uint64_t u;
	const uint8_t *data;
	size_t len;
};

struct codec_reader {
	const uint8_t *p, *end;
};

/* Start reading `len` bytes at `buf` (not copied: keep it alive). */
void codec_reader_init(struct codec_reader *r, const void *buf, size_t len);

/*
 * Read the next field. Returns 1 and fills *f, 0 at the clean end of the
 * input, -1 on truncated or malformed input (*f is then meaningless).
 */
int codec_next(struct codec_reader *r, struct codec_field *f);

/* Zigzag decoding of a CODEC_VARINT field's value. */
int64_t codec_field_int(const struct codec_field *f);

/*
 * Copy a CODEC_BYTES field as a NUL-terminated string into *out (caller
 * frees; a previous *out is freed). Rejects embedded NULs and invalid
 * UTF-8. Returns PC_OK, or PC_ECORRUPT or PC_ENOMEM with *out unchanged.
 */
int codec_field_str(const struct codec_field *f, char **out);

/* CRC-32 (IEEE 802.3) of n bytes, as zlib computes it. */
uint32_t codec_crc32(const void *p, size_t n);

/* Append v as a bare varint (no key). */
void codec_put_varint(struct codec_writer *w, uint64_t v);

/* Read a bare varint; false when truncated or malformed. */
bool codec_get_varint(struct codec_reader *r, uint64_t *v);

/* True when the n bytes at s are valid UTF-8 without NUL. */
bool codec_utf8_valid(const uint8_t *s, size_t n);

#endif

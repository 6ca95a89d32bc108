/* codec.c: varints and length-prefixed bytes, written and read safely. */
#include "codec.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

void codec_writer_init(struct codec_writer *w)
{
	memset(w, 0, sizeof *w);
}

void codec_writer_free(struct codec_writer *w)
{
	free(w->buf);
	codec_writer_init(w);
}

static bool reserve(struct codec_writer *w, size_t n)
{
	size_t cap;
	uint8_t *nb;

	if (w->failed)
		return false;
	if (w->cap - w->len >= n)
		return true;
	cap = w->cap ? w->cap : 64;
	while (cap - w->len < n) {
		if (cap > SIZE_MAX / 2) {
			w->failed = true;
			return false;
		}
		cap *= 2;
	}
	nb = realloc(w->buf, cap);
	if (nb == NULL) {
		w->failed = true;
		return false;
	}
	w->buf = nb;
	w->cap = cap;
	return true;
}

void codec_put_raw(struct codec_writer *w, const void *p, size_t n)
{
	if (n == 0 || !reserve(w, n))
		return;
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

void codec_put_varint(struct codec_writer *w, uint64_t v)
{
	uint8_t tmp[10];
	size_t n = 0;

	do {
		tmp[n] = v & 0x7f;
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	codec_put_raw(w, tmp, n);
}

void codec_put_uint(struct codec_writer *w, unsigned tag, uint64_t v)
{
	codec_put_varint(w, (uint64_t)tag << 1 | CODEC_VARINT);
	codec_put_varint(w, v);
}

void codec_put_int(struct codec_writer *w, unsigned tag, int64_t v)
{
	codec_put_uint(w, tag, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void codec_put_bytes(struct codec_writer *w, unsigned tag, const void *p,
		     size_t n)
{
	codec_put_varint(w, (uint64_t)tag << 1 | CODEC_BYTES);
	codec_put_varint(w, n);
	codec_put_raw(w, p, n);
}

void codec_put_str(struct codec_writer *w, unsigned tag, const char *s)
{
	if (s != NULL)
		codec_put_bytes(w, tag, s, strlen(s));
}

void codec_reader_init(struct codec_reader *r, const void *buf, size_t len)
{
	r->p = buf;
	r->end = r->p + len;
}

bool codec_get_varint(struct codec_reader *r, uint64_t *v)
{
	uint64_t out = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		uint8_t b;

		if (r->p >= r->end)
			return false;
		b = *r->p++;
		/* The tenth byte may only carry the top bit. */
		if (shift == 63 && b > 1)
			return false;
		out |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = out;
			return true;
		}
	}
	return false;
}

int codec_next(struct codec_reader *r, struct codec_field *f)
{
	uint64_t key, len;

	if (r->p == r->end)
		return 0;
	if (!codec_get_varint(r, &key) || key >> 1 > UINT32_MAX)
		return -1;
	f->tag = (unsigned)(key >> 1);
	f->type = (enum codec_type)(key & 1);
	f->u = 0;
	f->data = NULL;
	f->len = 0;
	if (f->type == CODEC_VARINT)
		return codec_get_varint(r, &f->u) ? 1 : -1;
	if (!codec_get_varint(r, &len) || len > (uint64_t)(r->end - r->p))
		return -1;
	f->data = r->p;
	f->len = (size_t)len;
	r->p += len;
	return 1;
}

int64_t codec_field_int(const struct codec_field *f)
{
	return (int64_t)(f->u >> 1) ^ -(int64_t)(f->u & 1);
}

bool codec_utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint8_t c = s[i];
		size_t need;
		uint32_t cp;

		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i <= need)
			return false;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		i += need + 1;
	}
	return true;
}

int codec_field_str(const struct codec_field *f, char **out)
{
	char *s;

	if (f->type != CODEC_BYTES || !codec_utf8_valid(f->data, f->len))
		return PC_ECORRUPT;
	s = malloc(f->len + 1);
	if (s == NULL)
		return PC_ENOMEM;
	memcpy(s, f->data, f->len);
	s[f->len] = '\0';
	free(*out);
	*out = s;
	return PC_OK;
}

uint32_t codec_crc32(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint32_t crc = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		crc ^= b[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

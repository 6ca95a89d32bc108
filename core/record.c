/* record.c: one field table per record kind drives encoding and decoding. */
#include "record.h"
#include "codec.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Enums are read and written through an int pointer. */
_Static_assert(sizeof(enum gender) == sizeof(int), "enum size");
_Static_assert(sizeof(enum participant_status) == sizeof(int), "enum size");
_Static_assert(sizeof(enum appointment_status) == sizeof(int), "enum size");
_Static_assert(sizeof(enum remind_how) == sizeof(int), "enum size");

/* 1900-01-01 and 2199-12-31 as day numbers (date_from_ymd), the range
 * every date of the program stays in. */
#define DAY_MIN (-25567)
#define DAY_MAX 84005

enum field_type {
	F_U64,	    /* uint64_t */
	F_U32,	    /* uint32_t */
	F_INT,	    /* int, signed */
	F_I64,	    /* int64_t, signed */
	F_DATE,	    /* pdate; DATE_NONE is simply not written */
	F_ENUM,	    /* an enum stored as int, checked against `max` */
	F_BOOL,	    /* bool */
	F_STR,	    /* char *; NULL is not written */
	F_CHECKINS, /* struct job's check-in array */
};

struct field {
	unsigned tag; /* never reuse a tag once released */
	enum field_type type;
	size_t offset;
	int max; /* F_ENUM: largest valid value */
};

struct record_type {
	enum record_kind kind;
	const struct field *fields;
	size_t n_fields;
	void (*clear)(void *);
};

#define FIELD(tag, type, st, member)                                           \
	{                                                                      \
		tag, type, offsetof(st, member), 0                             \
	}
#define ENUMF(tag, st, member, max)                                            \
	{                                                                      \
		tag, F_ENUM, offsetof(st, member), max                         \
	}

static const struct field participant_fields[] = {
	FIELD(1, F_U64, struct participant, id),
	FIELD(2, F_STR, struct participant, last_name),
	FIELD(3, F_STR, struct participant, first_name),
	FIELD(4, F_DATE, struct participant, birth_date),
	ENUMF(5, struct participant, gender, GENDER_NONBINARY),
	FIELD(6, F_STR, struct participant, phone),
	FIELD(7, F_STR, struct participant, email),
	FIELD(8, F_STR, struct participant, publics),
	ENUMF(9, struct participant, education, EDUCATION_ISCED_5_8),
	ENUMF(10, struct participant, employment, EMPLOYMENT_EMPLOYED),
	FIELD(11, F_DATE, struct participant, entry_date),
	FIELD(12, F_STR, struct participant, referent),
	FIELD(13, F_STR, struct participant, stage),
	FIELD(14, F_DATE, struct participant, stage_since),
	ENUMF(15, struct participant, status, STATUS_EXITED),
	FIELD(16, F_BOOL, struct participant, legal_hold),
	FIELD(17, F_DATE, struct participant, exit_date),
	FIELD(18, F_STR, struct participant, exit_reason),
	FIELD(19, F_BOOL, struct participant, exit_positive),
	FIELD(20, F_DATE, struct participant, exit_validated),
	FIELD(21, F_DATE, struct participant, exit_hired),
	FIELD(22, F_DATE, struct participant, exit_lost),
	FIELD(23, F_STR, struct participant, exit_lost_reason),
	FIELD(24, F_DATE, struct participant, transferred),
	FIELD(25, F_STR, struct participant, origin),
};

static const struct field stage_move_fields[] = {
	FIELD(1, F_U64, struct stage_move, participant),
	FIELD(2, F_U32, struct stage_move, seq),
	FIELD(3, F_DATE, struct stage_move, date),
	FIELD(4, F_STR, struct stage_move, stage),
	FIELD(5, F_STR, struct stage_move, note),
};

static const struct field appointment_fields[] = {
	FIELD(1, F_U64, struct appointment, id),
	FIELD(2, F_U64, struct appointment, participant),
	FIELD(3, F_DATE, struct appointment, date),
	FIELD(4, F_INT, struct appointment, minute),
	FIELD(5, F_STR, struct appointment, kind),
	ENUMF(6, struct appointment, mode, MODE_VIDEO),
	ENUMF(7, struct appointment, status, APPT_CANCELLED),
	FIELD(8, F_STR, struct appointment, note),
	FIELD(9, F_STR, struct appointment, letter),
	FIELD(10, F_DATE, struct appointment, letter_date),
	FIELD(11, F_DATE, struct appointment, reminded),
	ENUMF(12, struct appointment, reminded_how, REMIND_EMAIL),
};

static const struct field job_fields[] = {
	FIELD(1, F_U64, struct job, participant),
	FIELD(2, F_U32, struct job, seq),
	FIELD(3, F_STR, struct job, employer),
	FIELD(4, F_STR, struct job, contract),
	FIELD(5, F_DATE, struct job, start),
	FIELD(6, F_DATE, struct job, planned_end),
	FIELD(7, F_DATE, struct job, ended),
	FIELD(8, F_INT, struct job, weekly_minutes),
	FIELD(9, F_CHECKINS, struct job, checkins),
	FIELD(10, F_STR, struct job, end_reason),
};

static const struct field note_fields[] = {
	FIELD(1, F_U64, struct note, participant),
	FIELD(2, F_U32, struct note, seq),
	FIELD(3, F_DATE, struct note, date),
	FIELD(4, F_STR, struct note, text),
};

static const struct field journal_fields[] = {
	FIELD(1, F_U64, struct journal_entry, seq),
	FIELD(2, F_I64, struct journal_entry, time),
	FIELD(3, F_STR, struct journal_entry, who),
	FIELD(4, F_U64, struct journal_entry, participant),
	FIELD(5, F_STR, struct journal_entry, what),
	FIELD(6, F_STR, struct journal_entry, login),
};

static const struct field fse_entry_fields[] = {
	FIELD(1, F_U64, struct fse_entry, participant),
	FIELD(2, F_U32, struct fse_entry, seq),
	FIELD(3, F_DATE, struct fse_entry, date),
	ENUMF(4, struct fse_entry, gender, GENDER_NONBINARY),
	ENUMF(5, struct fse_entry, labour, FSE_LABOUR_EDUCATION),
	FIELD(6, F_INT, struct fse_entry, unemployed_months),
	ENUMF(7, struct fse_entry, education, EDUCATION_ISCED_5_8),
	ENUMF(8, struct fse_entry, situation[FSE_SIT_DISABILITY], FSE_UNKNOWN),
	ENUMF(9, struct fse_entry, situation[FSE_SIT_THIRD_COUNTRY],
	      FSE_UNKNOWN),
	ENUMF(10, struct fse_entry, situation[FSE_SIT_FOREIGN_BACKGROUND],
	      FSE_UNKNOWN),
	ENUMF(11, struct fse_entry, situation[FSE_SIT_MINORITY], FSE_UNKNOWN),
	ENUMF(12, struct fse_entry, situation[FSE_SIT_HOMELESS], FSE_UNKNOWN),
	ENUMF(13, struct fse_entry, situation[FSE_SIT_RURAL], FSE_UNKNOWN),
	ENUMF(14, struct fse_entry, situation[FSE_SIT_QPV], FSE_UNKNOWN),
};
_Static_assert(FSE_SIT_COUNT == 7, "a tag for each situation");

static const struct field fse_exit_fields[] = {
	FIELD(1, F_U64, struct fse_exit, participant),
	FIELD(2, F_U32, struct fse_exit, seq),
	FIELD(3, F_DATE, struct fse_exit, date),
	FIELD(4, F_U32, struct fse_exit, situations),
};

static const struct field fse_survey_fields[] = {
	FIELD(1, F_U64, struct fse_survey, participant),
	FIELD(2, F_U32, struct fse_survey, seq),
	FIELD(3, F_DATE, struct fse_survey, date),
	ENUMF(4, struct fse_survey, how, FSE_CONTACT_LETTER),
	FIELD(5, F_BOOL, struct fse_survey, reached),
	FIELD(6, F_BOOL, struct fse_survey, employed),
	FIELD(7, F_BOOL, struct fse_survey, improved),
};

/* Adapters so one table entry can name each type's clear function. */
static void clear_participant(void *r)
{
	participant_clear(r);
}
static void clear_stage_move(void *r)
{
	stage_move_clear(r);
}
static void clear_appointment(void *r)
{
	appointment_clear(r);
}
static void clear_job(void *r)
{
	job_clear(r);
}
static void clear_note(void *r)
{
	note_clear(r);
}
static void clear_journal(void *r)
{
	journal_entry_clear(r);
}

/* Records without strings have nothing to free. */
static void clear_plain(void *r)
{
	(void)r;
}

#define TYPE(kind, fields, clear)                                              \
	{                                                                      \
		kind, fields, sizeof fields / sizeof fields[0], clear          \
	}
static const struct record_type participant_type =
	TYPE(RECORD_PARTICIPANT, participant_fields, clear_participant);
static const struct record_type stage_move_type =
	TYPE(RECORD_STAGE_MOVE, stage_move_fields, clear_stage_move);
static const struct record_type appointment_type =
	TYPE(RECORD_APPOINTMENT, appointment_fields, clear_appointment);
static const struct record_type job_type =
	TYPE(RECORD_JOB, job_fields, clear_job);
static const struct record_type note_type =
	TYPE(RECORD_NOTE, note_fields, clear_note);
static const struct record_type journal_type =
	TYPE(RECORD_JOURNAL, journal_fields, clear_journal);
static const struct record_type fse_entry_type =
	TYPE(RECORD_FSE_ENTRY, fse_entry_fields, clear_plain);
static const struct record_type fse_exit_type =
	TYPE(RECORD_FSE_EXIT, fse_exit_fields, clear_plain);
static const struct record_type fse_survey_type =
	TYPE(RECORD_FSE_SURVEY, fse_survey_fields, clear_plain);

static void encode_checkins(struct codec_writer *w, unsigned tag,
			    const struct job *j)
{
	for (size_t i = 0; i < j->n_checkins && i < JOB_MAX_CHECKINS; i++) {
		struct codec_writer sub;

		codec_writer_init(&sub);
		codec_put_int(&sub, 1, j->checkins[i].offset_days);
		if (j->checkins[i].done != DATE_NONE)
			codec_put_int(&sub, 2, j->checkins[i].done);
		if (sub.failed)
			w->failed = true;
		else
			codec_put_bytes(w, tag, sub.buf, sub.len);
		codec_writer_free(&sub);
	}
}

static int encode(const struct record_type *t, const void *rec, uint8_t **buf,
		  size_t *len)
{
	struct codec_writer w, out;
	const char *base = rec;
	uint8_t head[2] = { (uint8_t)t->kind, RECORD_VERSION }, crc[4];
	uint32_t sum;

	codec_writer_init(&w);
	for (size_t i = 0; i < t->n_fields; i++) {
		const struct field *f = &t->fields[i];
		const void *v = base + f->offset;

		switch (f->type) {
		case F_U64:
			codec_put_uint(&w, f->tag, *(const uint64_t *)v);
			break;
		case F_U32:
			codec_put_uint(&w, f->tag, *(const uint32_t *)v);
			break;
		case F_INT:
		case F_ENUM:
			codec_put_int(&w, f->tag, *(const int *)v);
			break;
		case F_I64:
			codec_put_int(&w, f->tag, *(const int64_t *)v);
			break;
		case F_DATE:
			if (*(const pdate *)v != DATE_NONE)
				codec_put_int(&w, f->tag, *(const pdate *)v);
			break;
		case F_BOOL:
			codec_put_uint(&w, f->tag, *(const bool *)v);
			break;
		case F_STR:
			codec_put_str(&w, f->tag, *(char *const *)v);
			break;
		case F_CHECKINS:
			encode_checkins(&w, f->tag, rec);
			break;
		}
	}
	sum = codec_crc32(w.buf, w.len);
	for (int i = 0; i < 4; i++)
		crc[i] = (uint8_t)(sum >> (8 * i));
	codec_writer_init(&out);
	codec_put_raw(&out, head, sizeof head);
	codec_put_varint(&out, w.len);
	codec_put_raw(&out, w.buf, w.len);
	codec_put_raw(&out, crc, sizeof crc);
	if (w.failed || out.failed) {
		codec_writer_free(&w);
		codec_writer_free(&out);
		return PC_ENOMEM;
	}
	codec_writer_free(&w);
	*buf = out.buf;
	*len = out.len;
	return PC_OK;
}

static int decode_checkin(struct job *j, const struct codec_field *cf)
{
	struct codec_reader r;
	struct codec_field f;
	struct checkin c = { 0, DATE_NONE };
	int more;

	if (cf->type != CODEC_BYTES || j->n_checkins >= JOB_MAX_CHECKINS)
		return PC_ECORRUPT;
	codec_reader_init(&r, cf->data, cf->len);
	while ((more = codec_next(&r, &f)) == 1) {
		int64_t v = codec_field_int(&f);

		if (f.type != CODEC_VARINT)
			continue;
		if (v < -36500 || v > 365000)
			return PC_ECORRUPT;
		if (f.tag == 1)
			c.offset_days = (int)v;
		else if (f.tag == 2)
			c.done = (pdate)v;
	}
	if (more < 0)
		return PC_ECORRUPT;
	j->checkins[j->n_checkins++] = c;
	return PC_OK;
}

static int decode_field(const struct field *fd, char *base,
			const struct codec_field *f)
{
	/* A NULL base checks the field without keeping it (record_check). */
	void *v = base ? base + fd->offset : NULL;
	int64_t s = codec_field_int(f);

	if (fd->type == F_STR && v == NULL)
		return f->type == CODEC_BYTES &&
				       codec_utf8_valid(f->data, f->len)
			       ? PC_OK
			       : PC_ECORRUPT;
	if (fd->type == F_STR)
		return codec_field_str(f, (char **)v);
	if (fd->type == F_CHECKINS)
		return base ? decode_checkin((struct job *)base, f)
			    : PC_ECORRUPT;
	if (f->type != CODEC_VARINT)
		return PC_ECORRUPT;
	switch (fd->type) {
	case F_U64:
		if (v)
			*(uint64_t *)v = f->u;
		return PC_OK;
	case F_U32:
		if (f->u > UINT32_MAX)
			return PC_ECORRUPT;
		if (v)
			*(uint32_t *)v = (uint32_t)f->u;
		return PC_OK;
	case F_INT:
		if (s < INT32_MIN || s > INT32_MAX)
			return PC_ECORRUPT;
		if (v)
			*(int *)v = (int)s;
		return PC_OK;
	case F_ENUM:
		if (s < 0 || s > fd->max)
			return PC_ECORRUPT;
		if (v)
			*(int *)v = (int)s;
		return PC_OK;
	case F_I64:
		if (v)
			*(int64_t *)v = s;
		return PC_OK;
	case F_DATE:
		/* Dates stay within the years the rest of the code accepts. */
		if (s < DAY_MIN || s > DAY_MAX)
			return PC_ECORRUPT;
		if (v)
			*(pdate *)v = (pdate)s;
		return PC_OK;
	case F_BOOL:
		if (f->u > 1)
			return PC_ECORRUPT;
		if (v)
			*(bool *)v = f->u != 0;
		return PC_OK;
	default:
		return PC_ECORRUPT;
	}
}

/* `out` must be initialised (cleared) by the caller; NULL checks the
 * record without keeping anything. */
static int decode(const struct record_type *t, const void *buf, size_t len,
		  void *out)
{
	const uint8_t *b = buf, *body;
	struct codec_reader r;
	struct codec_field f;
	uint64_t body_len;
	uint32_t sum;
	size_t next = 0;
	int more = 0, rc = PC_OK;

	if (buf == NULL || len < 2 || b[0] != (uint8_t)t->kind)
		return PC_ECORRUPT;
	if (b[1] != RECORD_VERSION)
		return b[1] > RECORD_VERSION ? PC_ESCHEMA : PC_ECORRUPT;
	codec_reader_init(&r, b + 2, len - 2);
	if (!codec_get_varint(&r, &body_len) || (uint64_t)(r.end - r.p) < 4 ||
	    body_len != (uint64_t)(r.end - r.p) - 4)
		return PC_ECORRUPT;
	body = r.p;
	sum = (uint32_t)body[body_len] | (uint32_t)body[body_len + 1] << 8 |
	      (uint32_t)body[body_len + 2] << 16 |
	      (uint32_t)body[body_len + 3] << 24;
	if (codec_crc32(body, (size_t)body_len) != sum)
		return PC_ECORRUPT;
	codec_reader_init(&r, body, (size_t)body_len);
	while (rc == PC_OK && (more = codec_next(&r, &f)) == 1) {
		/* Fields come in the order of the table: look from the one
		 * after the last found, round to it. */
		for (size_t k = 0; k < t->n_fields; k++) {
			size_t i = next + k < t->n_fields ? next + k
							  : next + k - t->n_fields;

			if (t->fields[i].tag == f.tag) {
				rc = decode_field(&t->fields[i], out, &f);
				/* Check-ins repeat their tag. */
				next = i + 1 < t->n_fields ? i + 1 : 0;
				if (t->fields[i].type == F_CHECKINS)
					next = i;
				break;
			}
		}
	}
	if (rc == PC_OK && more < 0)
		rc = PC_ECORRUPT;
	if (rc != PC_OK && out != NULL)
		t->clear(out);
	return rc;
}

int record_encode_participant(const struct participant *p, uint8_t **buf,
			      size_t *len)
{
	return encode(&participant_type, p, buf, len);
}

int record_decode_participant(const void *buf, size_t len,
			      struct participant *out)
{
	participant_init(out);
	return decode(&participant_type, buf, len, out);
}

int record_encode_stage_move(const struct stage_move *m, uint8_t **buf,
			     size_t *len)
{
	return encode(&stage_move_type, m, buf, len);
}

int record_decode_stage_move(const void *buf, size_t len,
			     struct stage_move *out)
{
	memset(out, 0, sizeof *out);
	out->date = DATE_NONE;
	return decode(&stage_move_type, buf, len, out);
}

int record_encode_appointment(const struct appointment *a, uint8_t **buf,
			      size_t *len)
{
	return encode(&appointment_type, a, buf, len);
}

int record_decode_appointment(const void *buf, size_t len,
			      struct appointment *out)
{
	appointment_init(out);
	return decode(&appointment_type, buf, len, out);
}

int record_encode_job(const struct job *j, uint8_t **buf, size_t *len)
{
	return encode(&job_type, j, buf, len);
}

int record_decode_job(const void *buf, size_t len, struct job *out)
{
	job_init(out);
	return decode(&job_type, buf, len, out);
}

int record_encode_note(const struct note *n, uint8_t **buf, size_t *len)
{
	return encode(&note_type, n, buf, len);
}

int record_decode_note(const void *buf, size_t len, struct note *out)
{
	memset(out, 0, sizeof *out);
	out->date = DATE_NONE;
	return decode(&note_type, buf, len, out);
}

int record_check_stage_move(const void *buf, size_t len)
{
	return decode(&stage_move_type, buf, len, NULL);
}

int record_check_note(const void *buf, size_t len)
{
	return decode(&note_type, buf, len, NULL);
}

int record_encode_journal(const struct journal_entry *e, uint8_t **buf,
			  size_t *len)
{
	return encode(&journal_type, e, buf, len);
}

int record_decode_journal(const void *buf, size_t len,
			  struct journal_entry *out)
{
	memset(out, 0, sizeof *out);
	return decode(&journal_type, buf, len, out);
}

int record_encode_fse_entry(const struct fse_entry *e, uint8_t **buf,
			    size_t *len)
{
	return encode(&fse_entry_type, e, buf, len);
}

int record_decode_fse_entry(const void *buf, size_t len, struct fse_entry *out)
{
	fse_entry_init(out);
	return decode(&fse_entry_type, buf, len, out);
}

int record_encode_fse_exit(const struct fse_exit *e, uint8_t **buf, size_t *len)
{
	return encode(&fse_exit_type, e, buf, len);
}

int record_decode_fse_exit(const void *buf, size_t len, struct fse_exit *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->date = DATE_NONE;
	rc = decode(&fse_exit_type, buf, len, out);
	if (rc == PC_OK && (out->situations & ~(uint32_t)FSE_EXIT_ALL) != 0)
		rc = PC_ECORRUPT;
	return rc;
}

int record_encode_fse_survey(const struct fse_survey *v, uint8_t **buf,
			     size_t *len)
{
	return encode(&fse_survey_type, v, buf, len);
}

int record_decode_fse_survey(const void *buf, size_t len,
			     struct fse_survey *out)
{
	memset(out, 0, sizeof *out);
	out->date = DATE_NONE;
	return decode(&fse_survey_type, buf, len, out);
}

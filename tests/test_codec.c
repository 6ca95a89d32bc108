/* test_codec.c: records survive a round trip; bad bytes never pass. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "error.h"
#include "helpers.h"
#include "record.h"

static void make_participant(struct participant *p)
{
	participant_init(p);
	p->id = 42;
	p->last_name = strdup("Nguyễn");
	p->first_name = strdup("Thị Ánh");
	p->birth_date = D(1991, 4, 3);
	p->gender = GENDER_NONBINARY;
	p->phone = strdup("06 12 34 56 78");
	p->publics = strdup("rsa,deld");
	p->education = EDUCATION_ISCED_3_4;
	p->employment = EMPLOYMENT_LONG_TERM_UNEMPLOYED;
	p->entry_date = D(2025, 1, 12);
	p->referent = strdup("Marie Dupont");
	p->stage = strdup("freins");
	p->stage_since = D(2026, 10, 15);
	p->status = STATUS_FOLLOWUP;
	p->legal_hold = true;
	p->exit_date = D(1900, 1, 1); /* the earliest date survives too */
	p->exit_reason = strdup("cdi");
	p->exit_positive = true;
}

static void participant_round_trip(void **state)
{
	struct participant p, q;
	uint8_t *buf;
	size_t len;

	(void)state;
	make_participant(&p);
	assert_int_equal(record_encode_participant(&p, &buf, &len), PC_OK);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_OK);
	assert_int_equal(q.id, 42);
	assert_string_equal(q.last_name, "Nguyễn");
	assert_string_equal(q.first_name, "Thị Ánh");
	assert_int_equal(q.birth_date, D(1991, 4, 3));
	assert_int_equal(q.gender, GENDER_NONBINARY);
	assert_string_equal(q.phone, "06 12 34 56 78");
	assert_null(q.email);
	assert_string_equal(q.publics, "rsa,deld");
	assert_int_equal(q.education, EDUCATION_ISCED_3_4);
	assert_int_equal(q.employment, EMPLOYMENT_LONG_TERM_UNEMPLOYED);
	assert_int_equal(q.entry_date, D(2025, 1, 12));
	assert_string_equal(q.referent, "Marie Dupont");
	assert_string_equal(q.stage, "freins");
	assert_int_equal(q.stage_since, D(2026, 10, 15));
	assert_int_equal(q.status, STATUS_FOLLOWUP);
	assert_true(q.legal_hold);
	assert_int_equal(q.exit_date, D(1900, 1, 1));
	assert_string_equal(q.exit_reason, "cdi");
	assert_true(q.exit_positive);
	assert_int_equal(q.exit_validated, DATE_NONE);
	free(buf);
	participant_clear(&p);
	participant_clear(&q);
}

static void other_records_round_trip(void **state)
{
	struct appointment a, a2;
	struct job j, j2;
	struct stage_move m = { 7, 3, D(2026, 2, 1), (char *)"former", NULL },
			  m2;
	struct note n = { 7, 2, D(2026, 2, 1), (char *)"Dossier CAF ✓" }, n2;
	struct journal_entry e = { 9, -5, (char *)"Zoë", 7, (char *)"x",
				   (char *)"zoe" }, e2;
	uint8_t *buf;
	size_t len;

	(void)state;
	appointment_init(&a);
	a.id = UINT64_MAX;
	a.participant = 7;
	a.date = D(2026, 11, 26);
	a.minute = 0;
	a.kind = (char *)"entretien";
	a.mode = MODE_VIDEO;
	a.status = APPT_MISSED;
	assert_int_equal(record_encode_appointment(&a, &buf, &len), PC_OK);
	assert_int_equal(record_decode_appointment(buf, len, &a2), PC_OK);
	assert_true(a2.id == UINT64_MAX);
	assert_int_equal(a2.minute, 0);
	assert_int_equal(a2.mode, MODE_VIDEO);
	assert_int_equal(a2.status, APPT_MISSED);
	assert_string_equal(a2.kind, "entretien");
	assert_null(a2.note);
	free(buf);
	appointment_clear(&a2);

	job_init(&j);
	j.participant = 7;
	j.seq = 1;
	j.employer = (char *)"Boulangerie Lefort";
	j.start = D(2026, 1, 31);
	j.weekly_minutes = 35 * 60;
	j.n_checkins = 2;
	j.checkins[0] = (struct checkin){ 7, D(2026, 2, 7) };
	j.checkins[1] = (struct checkin){ 30, DATE_NONE };
	assert_int_equal(record_encode_job(&j, &buf, &len), PC_OK);
	assert_int_equal(record_decode_job(buf, len, &j2), PC_OK);
	assert_string_equal(j2.employer, "Boulangerie Lefort");
	assert_null(j2.contract);
	assert_int_equal(j2.start, D(2026, 1, 31));
	assert_int_equal(j2.planned_end, DATE_NONE);
	assert_int_equal(j2.weekly_minutes, 2100);
	assert_int_equal(j2.n_checkins, 2);
	assert_int_equal(j2.checkins[0].offset_days, 7);
	assert_int_equal(j2.checkins[0].done, D(2026, 2, 7));
	assert_int_equal(j2.checkins[1].offset_days, 30);
	assert_int_equal(j2.checkins[1].done, DATE_NONE);
	free(buf);
	job_clear(&j2);

	assert_int_equal(record_encode_stage_move(&m, &buf, &len), PC_OK);
	assert_int_equal(record_decode_stage_move(buf, len, &m2), PC_OK);
	assert_int_equal(m2.seq, 3);
	assert_string_equal(m2.stage, "former");
	free(buf);
	stage_move_clear(&m2);

	assert_int_equal(record_encode_note(&n, &buf, &len), PC_OK);
	assert_int_equal(record_decode_note(buf, len, &n2), PC_OK);
	assert_string_equal(n2.text, "Dossier CAF ✓");
	free(buf);
	note_clear(&n2);

	assert_int_equal(record_encode_journal(&e, &buf, &len), PC_OK);
	assert_int_equal(record_decode_journal(buf, len, &e2), PC_OK);
	assert_int_equal(e2.time, -5);
	assert_string_equal(e2.who, "Zoë");
	assert_string_equal(e2.login, "zoe");
	free(buf);
	journal_entry_clear(&e2);
}

/* Cut anywhere, flip any bit: the decoder says corrupt, never crashes. */
static void truncated_and_flipped(void **state)
{
	struct participant p, q;
	uint8_t *buf;
	size_t len;

	(void)state;
	make_participant(&p);
	assert_int_equal(record_encode_participant(&p, &buf, &len), PC_OK);
	for (size_t cut = 0; cut < len; cut++) {
		/* A copy of exactly `cut` bytes, so ASan sees any overread. */
		uint8_t *part = malloc(cut ? cut : 1);

		memcpy(part, buf, cut);
		assert_int_equal(record_decode_participant(part, cut, &q),
				 PC_ECORRUPT);
		assert_null(q.last_name);
		free(part);
	}
	for (size_t i = 0; i < len; i++) {
		for (int bit = 0; bit < 8; bit++) {
			int rc;

			buf[i] ^= (uint8_t)(1u << bit);
			rc = record_decode_participant(buf, len, &q);
			assert_true(rc == PC_ECORRUPT || rc == PC_ESCHEMA);
			buf[i] ^= (uint8_t)(1u << bit);
		}
	}
	assert_int_equal(record_decode_participant(buf, len, &q), PC_OK);
	participant_clear(&q);
	free(buf);
	participant_clear(&p);
}

static void garbage(void **state)
{
	uint8_t junk[256];
	struct appointment a;
	uint64_t x = 88172645463325252ull;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(x % sizeof junk);

		for (size_t i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			junk[i] = (uint8_t)x;
		}
		junk[0] = RECORD_APPOINTMENT;
		if (n > 1)
			junk[1] = RECORD_VERSION;
		assert_int_not_equal(record_decode_appointment(junk, n, &a),
				     PC_OK);
	}
	assert_int_equal(record_decode_appointment(NULL, 0, &a), PC_ECORRUPT);
}

/* Frame a hand-made body as a record of `kind`. */
static uint8_t *frame(int kind, int version, struct codec_writer *body,
		      size_t *len)
{
	struct codec_writer w;
	uint8_t head[2] = { (uint8_t)kind, (uint8_t)version }, crc[4];
	uint32_t sum = codec_crc32(body->buf, body->len);

	for (int i = 0; i < 4; i++)
		crc[i] = (uint8_t)(sum >> (8 * i));
	codec_writer_init(&w);
	codec_put_raw(&w, head, 2);
	codec_put_varint(&w, body->len);
	codec_put_raw(&w, body->buf, body->len);
	codec_put_raw(&w, crc, 4);
	*len = w.len;
	return w.buf;
}

static void unknown_fields_and_bad_values(void **state)
{
	struct codec_writer body;
	struct participant q;
	uint8_t *buf;
	size_t len;

	(void)state;
	/* A field from a future version is skipped. */
	codec_writer_init(&body);
	codec_put_uint(&body, 1, 5);
	codec_put_str(&body, 999, "from the future");
	codec_put_str(&body, 2, "Brontë");
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_OK);
	assert_int_equal(q.id, 5);
	assert_string_equal(q.last_name, "Brontë");
	participant_clear(&q);
	free(buf);

	/* A newer format version is refused, not misread. */
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION + 1, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ESCHEMA);
	free(buf);
	/* Another kind of record is not a participant. */
	buf = frame(RECORD_NOTE, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ECORRUPT);
	free(buf);
	codec_writer_free(&body);

	/* Invalid UTF-8, an enum out of range, a date out of range. */
	codec_writer_init(&body);
	codec_put_bytes(&body, 2, "\xc3\x28", 2);
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ECORRUPT);
	free(buf);
	codec_writer_free(&body);
	codec_put_int(&body, 5, 17);
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ECORRUPT);
	free(buf);
	codec_writer_free(&body);
	codec_put_int(&body, 4, 10000000);
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ECORRUPT);
	free(buf);
	codec_writer_free(&body);
	/* A string field sent as a number. */
	codec_put_uint(&body, 2, 1);
	buf = frame(RECORD_PARTICIPANT, RECORD_VERSION, &body, &len);
	assert_int_equal(record_decode_participant(buf, len, &q), PC_ECORRUPT);
	free(buf);
	codec_writer_free(&body);
}

static void utf8_validation(void **state)
{
	(void)state;
	assert_true(codec_utf8_valid((const uint8_t *)"Ðặng Zoë", 12));
	assert_false(codec_utf8_valid((const uint8_t *)"a\0b", 3));
	assert_false(codec_utf8_valid((const uint8_t *)"\xc0\xaf", 2));
	assert_false(codec_utf8_valid((const uint8_t *)"\xed\xa0\x80", 3));
	assert_false(codec_utf8_valid((const uint8_t *)"\xf4\x90\x80\x80", 4));
	assert_false(codec_utf8_valid((const uint8_t *)"\xe2\x82", 2));
	assert_true(codec_utf8_valid((const uint8_t *)"\xf0\x9f\x98\x80", 4));
	assert_int_equal(codec_crc32("123456789", 9), 0xcbf43926u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(participant_round_trip),
		cmocka_unit_test(other_records_round_trip),
		cmocka_unit_test(truncated_and_flipped),
		cmocka_unit_test(garbage),
		cmocka_unit_test(unknown_fields_and_bad_values),
		cmocka_unit_test(utf8_validation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

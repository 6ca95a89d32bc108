/* demo.c: generate believable, reproducible caseloads. */
#include "demo.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Participants written per transaction: large enough to be fast, small
 * enough to keep a transaction's dirty pages modest. */
#define BATCH 200

/* Ages of the participants, in years. */
#define AGE_MIN 18
#define AGE_MAX 62
/* The longest a participant who left has been in the PLIE, in days. */
#define EXITED_SPAN_MAX 900
/* The latest date is a fixed-term contract's planned end, at most this
 * many months after today. */
#define MONTHS_AHEAD 12

struct first_name {
	const char *name;
	enum gender gender;
};

static const struct first_name first_names[] = {
	{ "Élodie", GENDER_FEMALE },	   { "Zoë", GENDER_FEMALE },
	{ "Françoise", GENDER_FEMALE },	   { "Noël", GENDER_MALE },
	{ "Karim", GENDER_MALE },	   { "Jean-Noël", GENDER_MALE },
	{ "Thị Ánh", GENDER_FEMALE },	   { "Léa", GENDER_FEMALE },
	{ "Chloé", GENDER_FEMALE },	   { "Inès", GENDER_FEMALE },
	{ "Manon", GENDER_FEMALE },	   { "Camille", GENDER_NONBINARY },
	{ "Sarah", GENDER_FEMALE },	   { "Aïcha", GENDER_FEMALE },
	{ "Fatoumata", GENDER_FEMALE },	   { "Nathalie", GENDER_FEMALE },
	{ "Sylvie", GENDER_FEMALE },	   { "Hélène", GENDER_FEMALE },
	{ "Céline", GENDER_FEMALE },	   { "Anaïs", GENDER_FEMALE },
	{ "Maëlle", GENDER_FEMALE },	   { "Yasmina", GENDER_FEMALE },
	{ "Jérôme", GENDER_MALE },	   { "François", GENDER_MALE },
	{ "Stéphane", GENDER_MALE },	   { "Mickaël", GENDER_MALE },
	{ "Loïc", GENDER_MALE },	   { "Raphaël", GENDER_MALE },
	{ "Mohamed", GENDER_MALE },	   { "Youssef", GENDER_MALE },
	{ "Mamadou", GENDER_MALE },	   { "Thomas", GENDER_MALE },
	{ "Kévin", GENDER_MALE },	   { "Frédéric", GENDER_MALE },
	{ "Hervé", GENDER_MALE },	   { "Rémi", GENDER_MALE },
	{ "Dominique", GENDER_NONBINARY }, { "Bernard", GENDER_MALE },
	{ "Valérie", GENDER_FEMALE },	   { "Benoît", GENDER_MALE },
};

static const char *const last_names[] = {
	"Lefèvre",  "Nguyễn",	"Ðặng",	    "Brontë",  "Durand",   "Martin",
	"Bernard",  "Dubois",	"Thomas",   "Robert",  "Richard",  "Petit",
	"Moreau",   "Laurent",	"Simon",    "Michel",  "Lefebvre", "Leroy",
	"Roux",	    "Fournier", "Girard",   "Bonnet",  "Dupré",	   "Lambert",
	"Fontaine", "Rousseau", "Vincent",  "Müller",  "Faure",	   "André",
	"Mercier",  "Blanc",	"Guérin",   "Boyer",   "Garnier",  "Chevalier",
	"François", "Legrand",	"Gauthier", "Perrin",  "Robin",	   "Clément",
	"Morin",    "Nicolas",	"Henry",    "Roussel", "Mathieu",  "Gautier",
	"Masson",   "Marchand", "Benali",   "Diallo",  "Traoré",   "Haddad",
	"Ben Saïd", "Da Silva", "Lê",	    "Trần",    "Çelik",	   "Kowalski",
	"Le Gall",  "Hoarau",	"Payet",    "N'Diaye", "Bégué",
};

static const char *const referent_names[] = {
	"Karine Lemaire",  "Olivier Besson",  "Nadia Cherif",	"Julien Roche",
	"Sandrine Pujol",  "Ahmed Benkirane", "Claire Vasseur", "Pascal Mény",
	"Aurélie Tessier", "Samuel Ortéga",
};

static const char *const employers[] = {
	"Boulangerie Lefort",	  "Mairie — services techniques",
	"Carrefour Market",	  "EHPAD Les Tilleuls",
	"Transports Keolis",	  "Chantier d'insertion Ressourcerie",
	"Propreté Services Onet", "Hôpital Purpan",
	"Restaurant Le Bistrot",  "Entrepôt Amazon",
	"SARL Bâtiment Ferrand",  "Crèche Les Lucioles",
};

static const char *const contracts[] = { "cdi", "cdd", "interim",
					 "contrat-aide", "alternance" };

static const char *const notes[] = {
	"Dossier logement déposé, relancer la CAF.",
	"Permis B : inscription auto-école solidaire.",
	"Atelier CV fait, CV à revoir avec elle.",
	"Bilan de compétences prévu en janvier.",
	"Problème de garde d'enfant, voir la crèche municipale.",
	"Intéressé par les métiers de la logistique.",
	"Dette énergie : rendez-vous pris avec l'assistante sociale.",
	"Cours de français (FLE) trois matinées par semaine.",
	"Immersion en entreprise de deux semaines acceptée.",
	"Très motivée, candidature envoyée à l'EHPAD.",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* splitmix64: small, fast and good enough for fiction. */
struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A number in lo..hi inclusive. */
static int between(struct rng *r, int lo, int hi)
{
	return lo + (int)(next(r) % (uint64_t)(hi - lo + 1));
}

/* True with probability pct percent. */
static bool chance(struct rng *r, int pct)
{
	return (int)(next(r) % 100) < pct;
}

char *demo_referent_name(const struct config *c, size_t i)
{
	char buf[128];

	if (i == 0)
		return strdup(c->referent);
	i--;
	if (i < COUNT(referent_names))
		return strdup(referent_names[i]);
	snprintf(buf, sizeof buf, "%s %zu",
		 referent_names[i % COUNT(referent_names)],
		 i / COUNT(referent_names) + 1);
	return strdup(buf);
}

/* What one batch writes, and what it wrote once committed. */
struct batch {
	const struct config *c;
	const struct demo_options *opt;
	size_t first, last; /* participant numbers [first, last) */
	size_t n_current;   /* numbers below this are current */
	size_t n_referents;
	bool check_empty;
	size_t appointments; /* written by the committed attempt */
};

/* Stage weights for the default five stages; others share evenly. */
static size_t pick_stage(struct rng *r, size_t n_stages)
{
	static const int weights[] = { 22, 16, 20, 13, 29 };
	int roll;

	if (n_stages != COUNT(weights))
		return (size_t)between(r, 0, (int)n_stages - 1);
	roll = between(r, 0, 99);
	for (size_t i = 0; i < COUNT(weights); i++) {
		if (roll < weights[i])
			return i;
		roll -= weights[i];
	}
	return n_stages - 1;
}

static char *publics_for(struct rng *r, int age)
{
	char buf[64] = "";

	if (age < 26)
		strcat(buf, "jeune,");
	if (age >= 50)
		strcat(buf, "senior,");
	if (chance(r, 45))
		strcat(buf, "rsa,");
	if (chance(r, 40))
		strcat(buf, "deld,");
	if (chance(r, 12))
		strcat(buf, "rqth,");
	if (chance(r, 30))
		strcat(buf, "qpv,");
	if (buf[0] == '\0')
		strcat(buf, "autre,");
	buf[strlen(buf) - 1] = '\0';
	return strdup(buf);
}

static int add_appt(struct store_txn *t, struct batch *b, uint64_t pid,
		    pdate date, enum appointment_status status,
		    const char *kind, struct rng *r)
{
	struct appointment a;
	uint64_t id;

	appointment_init(&a);
	a.participant = pid;
	a.date = date;
	a.minute = between(r, 0, 14) * 30 + 9 * 60; /* 09:00 to 16:00 */
	a.kind = (char *)kind;
	a.mode = chance(r, 15) ? MODE_PHONE : MODE_IN_PERSON;
	a.status = status;
	b->appointments++;
	return store_appointment_add(t, &a, &id);
}

/* A job started `days_ago`, its check-ins done when past (mostly). */
static int add_job(struct store_txn *t, const struct config *c, uint64_t pid,
		   pdate today, int days_ago, bool forget_one, struct rng *r)
{
	struct job j;

	job_init(&j);
	j.participant = pid;
	j.employer = (char *)employers[between(r, 0, COUNT(employers) - 1)];
	j.contract = (char *)contracts[between(r, 0, COUNT(contracts) - 1)];
	j.start = today - days_ago;
	if (strcmp(j.contract, "cdd") == 0)
		j.planned_end = date_add_months(
			j.start, MONTHS_AHEAD - 6 + between(r, 0, 6));
	j.weekly_minutes = (chance(r, 70) ? 35 : between(r, 18, 30)) * 60;
	for (size_t i = 0; i < c->n_checkins; i++) {
		int off = c->checkin_days[i];

		if (off > days_ago || j.n_checkins >= JOB_MAX_CHECKINS)
			break;
		/* The most recent past check-in is sometimes forgotten. */
		if (forget_one && (i + 1 == c->n_checkins ||
				   c->checkin_days[i + 1] > days_ago))
			break;
		j.checkins[j.n_checkins].offset_days = off;
		j.checkins[j.n_checkins].done =
			j.start + off + between(r, 0, 3);
		if (j.checkins[j.n_checkins].done > today)
			j.checkins[j.n_checkins].done = today;
		j.n_checkins++;
	}
	return store_job_add(t, &j, NULL);
}

/* Participant number k, whole: identity, moves, appointments, job, exit. */
static int make_participant(struct store_txn *t, struct batch *b, size_t k)
{
	const struct config *c = b->c;
	pdate today = b->opt->today;
	struct rng r = { b->opt->seed * UINT64_C(0x2545f4914f6cdd1d) + k };
	const struct first_name *fn;
	struct participant p;
	struct stage_move m = { 0 };
	struct journal_entry je = { 0 };
	bool exited = k >= b->n_current;
	size_t stage, referent;
	int age, span, rc;
	pdate d;
	uint64_t pid;
	char phone[32], email[96], *ref_name;
	int scenario;

	next(&r);
	fn = &first_names[between(&r, 0, COUNT(first_names) - 1)];
	participant_init(&p);
	p.last_name = (char *)last_names[between(&r, 0, COUNT(last_names) - 1)];
	p.first_name = (char *)fn->name;
	p.gender = fn->gender;
	age = between(&r, AGE_MIN, AGE_MAX);
	p.birth_date = today - age * 365 - between(&r, 0, 364);
	snprintf(phone, sizeof phone, "06 %02d %02d %02d %02d",
		 between(&r, 0, 99), between(&r, 0, 99), between(&r, 0, 99),
		 between(&r, 0, 99));
	p.phone = phone;
	if (chance(&r, 70)) {
		snprintf(email, sizeof email, "p%zu@exemple.fr", k + 1);
		p.email = email;
	}
	p.publics = publics_for(&r, age);
	if (p.publics == NULL)
		return PC_ENOMEM;
	p.education = (enum education)between(&r, 0, 3);
	p.employment = (enum employment)between(&r, 0, 4);
	referent = exited ? (k - b->n_current) % b->n_referents
			  : k / DEMO_CASELOAD_SIZE;
	ref_name = demo_referent_name(c, referent);
	if (ref_name == NULL) {
		free(p.publics);
		return PC_ENOMEM;
	}
	p.referent = ref_name;

	/* When they came and where they are now. */
	stage = pick_stage(&r, c->n_stages);
	span = exited ? between(&r, 400, EXITED_SPAN_MAX)
		      : between(&r, 20 + 40 * (int)stage,
				120 + 150 * (int)stage);
	if (c->max_duration_months > 0 && !exited && chance(&r, 4))
		span = c->max_duration_months * 30 - between(&r, 0, 40);
	p.entry_date = today - span;
	p.stage = c->stages[stage].id;
	p.status = STATUS_ACTIVE;
	if (exited) {
		int y, mo, dd;

		date_to_ymd(today, &y, &mo, &dd);
		p.status = STATUS_EXITED;
		/* This year, so the year's exit figures are not empty. */
		p.exit_date =
			today - between(&r, 0, today - date_from_ymd(y, 1, 1));
		p.exit_positive = chance(&r, 55);
		for (size_t i = 0; i < c->n_exit_reasons; i++) {
			size_t at = (i + (size_t)between(&r, 0, 20)) %
				    c->n_exit_reasons;

			if (c->exit_reasons[at].positive == p.exit_positive) {
				p.exit_reason = c->exit_reasons[at].id;
				break;
			}
		}
		if (p.exit_positive)
			p.exit_validated = p.exit_date;
	}
	/*
	 * The stages walked through: each in order up to the current one,
	 * stage 2 sometimes skipped; some still in the first stage went
	 * forward once and came back when a new obstacle appeared.
	 */
	{
		pdate end = exited ? p.exit_date - 30 : today - 3;
		bool skip = stage >= 2 && chance(&r, 25);
		bool back = stage == 0 && span > 150 && chance(&r, 30);
		size_t n_moves = back ? 3 : stage + 1 - skip, i = 0;

		rc = store_participant_add(t, &p, &pid);
		m.participant = pid;
		for (size_t s = 0; s <= stage + (back ? 2 : 0) && rc == PC_OK;
		     s++) {
			size_t at = back ? (s == 1 ? 1 : 0) : s;

			if (!back && s == 1 && skip)
				continue;
			m.date = p.entry_date + (pdate)((end - p.entry_date) *
							(int)i / (int)n_moves);
			if (i > 0)
				m.date += between(&r, 0, 5);
			m.stage = c->stages[at].id;
			rc = store_move_add(t, &m, NULL);
			p.stage_since = m.date;
			i++;
		}
		p.id = pid;
		if (rc == PC_OK)
			rc = store_participant_update(t, &p);
		if (rc != PC_OK)
			goto out;
	}

	/*
	 * Appointments about every contact interval, up to a few days ago.
	 * scenario: 0-3 overdue appointment, 4-7 no-show, 8-11 contact
	 * overdue, otherwise a next appointment is planned.
	 */
	scenario = between(&r, 0, 99);
	{
		const struct config_stage *st = config_stage(c, p.stage, NULL);
		int every = st->contact_days * 2 / 3;
		pdate stop =
			exited ? p.exit_date
			: scenario >= 8 && scenario < 12
				? today - st->contact_days - between(&r, 3, 30)
				: today - between(&r, 2, 10);
		int n = 0;

		if ((stop - p.entry_date) / every > 10)
			every = (stop - p.entry_date) / 10;
		for (d = p.entry_date + between(&r, 0, 6);
		     d <= stop && rc == PC_OK;
		     d += every + between(&r, -3, 3), n++) {
			enum appointment_status s = APPT_DONE;

			if (chance(&r, 8))
				s = APPT_MISSED;
			else if (chance(&r, 5))
				s = APPT_CANCELLED;
			rc = add_appt(t, b, pid, d, s,
				      n == 0	       ? "diagnostic"
				      : chance(&r, 20) ? "atelier"
						       : "entretien",
				      &r);
		}
		if (rc == PC_OK && !exited && scenario < 4)
			rc = add_appt(t, b, pid, today - between(&r, 1, 12),
				      APPT_PLANNED, "entretien", &r);
		else if (rc == PC_OK && !exited && scenario < 8)
			rc = add_appt(t, b, pid, today - between(&r, 1, 8),
				      APPT_MISSED, "entretien", &r);
		else if (rc == PC_OK && !exited && scenario >= 12)
			rc = add_appt(t, b, pid, today + between(&r, 0, 21),
				      APPT_PLANNED,
				      chance(&r, 15) ? "atelier" : "entretien",
				      &r);
	}

	/*
	 * In the last stage, most are in work with a follow-up running;
	 * positive exits left after six months in work.
	 */
	if (rc == PC_OK && exited && p.exit_positive) {
		rc = add_job(t, c, pid, today,
			     today - p.exit_date + between(&r, 182, 200), false,
			     &r);
	} else if (rc == PC_OK && !exited && stage == c->n_stages - 1 &&
		   chance(&r, 65)) {
		rc = add_job(t, c, pid, today, between(&r, 0, 220),
			     chance(&r, 6), &r);
		if (rc == PC_OK) {
			p.status = STATUS_FOLLOWUP;
			rc = store_participant_update(t, &p);
		}
	}
	if (rc == PC_OK && chance(&r, 60)) {
		struct note nt = {
			.participant = pid,
			.date = today - between(&r, 1, 60),
			.text = (char *)notes[between(&r, 0, COUNT(notes) - 1)]
		};

		if (nt.date < p.entry_date)
			nt.date = p.entry_date;
		rc = store_note_add(t, &nt, NULL);
	}
	if (rc == PC_OK) {
		je.time = b->opt->now;
		je.who = (char *)"parcours demo";
		je.participant = pid;
		je.what = (char *)"participant created (demo caseload)";
		rc = store_journal_add(t, &je);
	}
out:
	free(p.publics);
	free(ref_name);
	return rc;
}

/* How many days before today the dates of this configuration's demo reach:
 * the oldest birth date, unless a stage's or the longest stay is longer. */
static int days_back(const struct config *c)
{
	int back = AGE_MAX * 365 + 364;
	int stage = 120 + 150 * ((int)c->n_stages - 1);
	int stay = c->max_duration_months * 30;

	if (stage > back)
		back = stage;
	if (stay > back)
		back = stay;
	return back > EXITED_SPAN_MAX ? back : EXITED_SPAN_MAX;
}

static int write_batch(struct store_txn *t, void *arg, char **cause)
{
	struct batch *b = arg;
	int rc = PC_OK;

	b->appointments = 0;
	if (b->check_empty) {
		bool empty;

		rc = store_is_empty(t, &empty);
		if (rc == PC_OK && !empty)
			return error_set(cause, PC_ENOTEMPTY,
					 _("the database already holds "
					   "participants; demo fills only an "
					   "empty one"));
	}
	for (size_t k = b->first; k < b->last && rc == PC_OK; k++)
		rc = make_participant(t, b, k);
	return rc;
}

int demo_fill(struct store *s, const struct config *c,
	      const struct demo_options *opt, struct demo_result *res,
	      char **cause)
{
	size_t n_current = opt->participants;
	size_t total = n_current + (n_current + 7) / 8;
	struct batch b = { .c = c, .opt = opt, .n_current = n_current };
	int rc = PC_OK;

	pdate earliest, latest;
	char from[DATE_BUFSZ], to[DATE_BUFSZ], today[DATE_BUFSZ];

	memset(res, 0, sizeof *res);
	if (n_current == 0)
		return error_set(cause, PC_EINVAL,
				 _("the demo needs at least one participant"));
	/* Every date written must read back (date.h): keep them in range. */
	earliest = DATE_DAY_MIN + days_back(c);
	latest = date_from_ymd(DATE_YEAR_MAX - 1, 12, 31);
	_Static_assert(MONTHS_AHEAD == 12, "latest: a year before the end");
	if (!date_in_range(opt->today) || opt->today < earliest ||
	    opt->today > latest)
		return error_set(cause, PC_EINVAL,
				 _("today %s: the demo's dates would fall "
				   "outside %d–%d; choose a day from %s to %s"),
				 date_format_iso(opt->today, today),
				 DATE_YEAR_MIN, DATE_YEAR_MAX,
				 date_format_iso(earliest, from),
				 date_format_iso(latest, to));
	b.n_referents =
		(n_current + DEMO_CASELOAD_SIZE - 1) / DEMO_CASELOAD_SIZE;
	for (size_t first = 0; first < total && rc == PC_OK; first += BATCH) {
		b.first = first;
		b.last = first + BATCH < total ? first + BATCH : total;
		b.check_empty = first == 0;
		rc = store_write(s, write_batch, &b, cause);
		if (rc == PC_OK) {
			res->participants += b.last - b.first;
			res->appointments += b.appointments;
		}
	}
	res->referents = b.n_referents;
	return rc;
}

/* demo.c: generate believable, reproducible caseloads. */
#include "demo.h"
#include "demo_internal.h"
#include "employment.h"
#include "error.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Participants written per transaction: each commit waits for the disk,
 * so few commits (100,000 current and their exits: 47, in 3.7 s, against
 * 6.1 s by 200), while a transaction's dirty pages stay at some MB. */
#define BATCH 5000

/* Participants written between two releases of the mapped pages. */
#define RELEASE_EVERY 16

/* Ages of the participants, in years. */
#define AGE_MIN 18
#define AGE_MAX 62
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

/* The public categories, comma-separated (malloc'd; NULL when out of
 * memory): by age, then drawn. */
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

/* One appointment of pid on `date`, at a drawn hour, counted in b. */
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

/* Weekly minutes of qualifying work: full time mostly, at least the
 * configured half-time otherwise. */
static int qualifying_minutes(struct rng *r, const struct config *c)
{
	int lo = (c->min_weekly_minutes + 59) / 60;

	if (lo < 18)
		lo = 18;
	if (lo >= 35 || chance(r, 70))
		return (lo > 35 ? lo : 35) * 60;
	return between(r, lo, 34) * 60;
}

/* The check-ins of j held by `until` (the most recent one past
 * forgotten when `forget`), each a few days after its date. */
static void checkins(struct rng *r, const struct config *c, struct job *j,
		     pdate until, bool forget)
{
	int days = until - j->start;

	for (size_t i = 0; i < c->n_checkins; i++) {
		int off = c->checkin_days[i];

		if (off > days || j->n_checkins >= JOB_MAX_CHECKINS)
			break;
		if (forget &&
		    (i + 1 == c->n_checkins || c->checkin_days[i + 1] > days))
			break;
		j->checkins[j->n_checkins].offset_days = off;
		j->checkins[j->n_checkins].done =
			j->start + off + between(r, 0, 3);
		if (j->checkins[j->n_checkins].done > until)
			j->checkins[j->n_checkins].done = until;
		j->n_checkins++;
	}
}

/* A job of `contract` from start to planned_end (DATE_NONE: none). */
static void job_of(struct rng *r, const struct config *c, uint64_t pid,
		   const char *contract, pdate start, pdate planned_end,
		   struct job *j)
{
	job_init(j);
	j->participant = pid;
	j->employer = (char *)employers[between(r, 0, COUNT(employers) - 1)];
	j->contract = (char *)contract;
	j->start = start;
	j->planned_end = planned_end;
	j->weekly_minutes = qualifying_minutes(r, c);
}

/* The job of a current participant in work, started on `start`; its
 * past check-ins held (mostly). */
static int add_current_job(struct store_txn *t, const struct config *c,
			   uint64_t pid, pdate today, pdate start,
			   struct rng *r)
{
	const char *contract = contracts[between(r, 0, COUNT(contracts) - 1)];
	struct job j;

	job_of(r, c, pid, contract, start, DATE_NONE, &j);
	if (strcmp(contract, "cdd") == 0)
		j.planned_end = date_add_months(start, 6 + between(r, 0, 6));
	else if (strcmp(contract, "alternance") == 0)
		j.planned_end = date_add_months(start, 12);
	if (chance(r, 30))
		j.weekly_minutes = between(r, 18, 30) * 60;
	checkins(r, c, &j, today, chance(r, 6));
	return store_job_add(t, &j, NULL);
}

/* Temp missions chained from `start` (at most max_gap_days apart) up to
 * `exit` at least; the check-ins on the first. */
static int add_missions(struct store_txn *t, const struct config *c,
			uint64_t pid, pdate start, pdate exit, struct rng *r)
{
	int gap = c->max_gap_days > 0 ? c->max_gap_days : 0;
	int rc = PC_OK;
	bool first = true;

	while (rc == PC_OK && start <= exit) {
		struct job j;

		job_of(r, c, pid, "interim", start,
		       start + between(r, 30, 90) - 1, &j);
		if (first)
			checkins(r, c, &j, exit, false);
		first = false;
		rc = store_job_add(t, &j, NULL);
		start = j.planned_end + 1 + between(r, 0, gap);
	}
	return rc;
}

/* Two seasons in the twelve months before `exit`, from `start`: eight
 * months of work or more. */
static int add_seasons(struct store_txn *t, const struct config *c,
		       uint64_t pid, pdate start, pdate exit, struct rng *r)
{
	struct job j;
	int rc;

	job_of(r, c, pid, "cdd", start, start + between(r, 135, 150), &j);
	checkins(r, c, &j, j.planned_end, false);
	rc = store_job_add(t, &j, NULL);
	start = j.planned_end + between(r, 20, 40);
	job_of(r, c, pid, "cdd", start, exit - between(r, 0, 5), &j);
	checkins(r, c, &j, exit, false);
	return rc == PC_OK ? store_job_add(t, &j, NULL) : rc;
}

/* The work behind a positive exit of kind pl->kind, up to the exit. */
static int add_exit_work(struct store_txn *t, struct batch *b, uint64_t pid,
			 const struct plan *pl, struct rng *r)
{
	const struct config *c = b->c;
	pdate ahead = date_add_months(b->opt->today, MONTHS_AHEAD);
	struct job j;

	switch (pl->kind) {
	case K_INTERIM:
		return add_missions(t, c, pid, pl->job_start, pl->exit, r);
	case K_SEASON:
		return add_seasons(t, c, pid, pl->job_start, pl->exit, r);
	case K_CDI:
		job_of(r, c, pid, "cdi", pl->job_start, DATE_NONE, &j);
		break;
	case K_CDD:
		job_of(r, c, pid, "cdd", pl->job_start,
		       date_add_months(pl->job_start, between(r, 6, 12)), &j);
		break;
	case K_ALTERNANCE:
		job_of(r, c, pid, "alternance", pl->job_start,
		       date_add_months(pl->job_start, between(r, 12, 24)), &j);
		if (j.planned_end > ahead)
			j.planned_end = ahead;
		break;
	default:
		return PC_OK;
	}
	checkins(r, c, &j, pl->exit, false);
	return store_job_add(t, &j, NULL);
}

/* The last day of regular contact of an exited participant: someone who
 * dropped out stopped coming weeks before the exit was recorded. */
static pdate last_contact(struct rng *r, const struct plan *pl)
{
	pdate d = pl->kind == K_ABANDON ? pl->exit - between(r, 45, 100)
					: pl->exit - between(r, 0, 20);

	return d > pl->entry + 10 ? d : pl->entry + 10;
}

/*
 * Appointments about every two thirds of the stage's contact interval
 * from the entry to `stop`: the first (diagnostic), then at most
 * APPTS_MAX - 1 of the latest.
 */
static int past_appts(struct store_txn *t, struct batch *b, uint64_t pid,
		      int every, pdate entry, pdate stop, struct rng *r)
{
	pdate d = entry + between(r, 0, 6);
	int rc = PC_OK;

	if (every < 7)
		every = 7;
	for (int n = 0; d <= stop && rc == PC_OK; n++) {
		enum appointment_status s = APPT_DONE;

		if (chance(r, 8))
			s = APPT_MISSED;
		else if (chance(r, 5))
			s = APPT_CANCELLED;
		rc = add_appt(t, b, pid, d, s,
			      n == 0	      ? "diagnostic"
			      : chance(r, 20) ? "atelier"
					      : "entretien",
			      r);
		if (n == 0 && (stop - d) / every >= APPTS_MAX)
			d = stop - (APPTS_MAX - 2) * every - between(r, 0, 3);
		else
			d += every + between(r, -3, 3);
	}
	return rc;
}

/*
 * The appointments: past ones, then for the current a scenario: 0-3 an
 * overdue appointment, 4-7 a no-show, 8-11 contact overdue, else a next
 * appointment planned. An exited participant has none planned; one who
 * dropped out missed a last one.
 */
static int appointments(struct store_txn *t, struct batch *b, uint64_t pid,
			const struct participant *p, const struct plan *pl,
			struct rng *r)
{
	const struct config_stage *st = &b->c->stages[pl->stage];
	pdate today = b->opt->today;
	int scenario = between(r, 0, 99), rc;
	pdate stop = pl->exit != DATE_NONE ? last_contact(r, pl)
		     : scenario >= 8 && scenario < 12
			     ? today - st->contact_days - between(r, 3, 30)
			     : today - between(r, 2, 10);

	if (stop < p->entry_date)
		stop = p->entry_date;
	rc = past_appts(t, b, pid, st->contact_days * 2 / 3, p->entry_date,
			stop, r);
	if (rc != PC_OK)
		return rc;
	if (pl->exit != DATE_NONE)
		return pl->kind == K_ABANDON && pl->exit - stop > 30
			       ? add_appt(t, b, pid, stop + between(r, 15, 30),
					  APPT_MISSED, "entretien", r)
			       : PC_OK;
	if (scenario < 4)
		return add_appt(t, b, pid, today - between(r, 1, 12),
				APPT_PLANNED, "entretien", r);
	if (scenario < 8)
		return add_appt(t, b, pid, today - between(r, 1, 8),
				APPT_MISSED, "entretien", r);
	if (scenario >= 12)
		return add_appt(t, b, pid, today + between(r, 0, 21),
				APPT_PLANNED,
				chance(r, 15) ? "atelier" : "entretien", r);
	return PC_OK;
}

/* Who they are: name, birth, contacts, publics (malloc'd: the caller
 * frees p->publics), funder's data. */
static int identity(struct rng *r, size_t k, pdate today, struct participant *p,
		    int *age, char *phone, size_t phone_n, char *email,
		    size_t email_n)
{
	const struct first_name *fn =
		&first_names[between(r, 0, COUNT(first_names) - 1)];

	participant_init(p);
	p->last_name = (char *)last_names[between(r, 0, COUNT(last_names) - 1)];
	p->first_name = (char *)fn->name;
	p->gender = fn->gender;
	*age = between(r, AGE_MIN, AGE_MAX);
	p->birth_date = today - *age * 365 - between(r, 0, 364);
	snprintf(phone, phone_n, "06 %02d %02d %02d %02d", between(r, 0, 99),
		 between(r, 0, 99), between(r, 0, 99), between(r, 0, 99));
	p->phone = phone;
	if (chance(r, 70)) {
		snprintf(email, email_n, "p%zu@exemple.fr", k + 1);
		p->email = email;
	}
	p->publics = publics_for(r, *age);
	if (p->publics == NULL)
		return PC_ENOMEM;
	/* Two draws the funder's old fields took before the questionnaires
	 * (drawn on their own stream): kept, so the rest is drawn as it
	 * was. */
	next(r);
	next(r);
	return PC_OK;
}

/* The participant record from the plan: stage, status, exit. */
static void apply_plan(const struct batch *b, const struct plan *pl,
		       struct participant *p)
{
	p->entry_date = pl->entry;
	p->stage = b->c->stages[b->move_stage[b->n_moves - 1]].id;
	p->stage_since = b->move_date[b->n_moves - 1];
	p->status = pl->in_work ? STATUS_FOLLOWUP : STATUS_ACTIVE;
	if (pl->exit == DATE_NONE)
		return;
	p->status = STATUS_EXITED;
	p->exit_date = pl->exit;
	p->exit_reason = pl->reason->id;
	p->exit_positive = pl->reason->positive;
	if (p->exit_positive)
		p->exit_validated = pl->exit;
	/* The hiring the months rest on: the first job, from the entry. */
	if (p->exit_positive && pl->reason->needs != EXIT_NEEDS_NOTHING &&
	    pl->job_start != DATE_NONE)
		p->exit_hired = pl->job_start > pl->entry ? pl->job_start
							   : pl->entry;
}

/* The moves of the plan, the participant's work, a note and the
 * journal line. */
static int history(struct store_txn *t, struct batch *b, uint64_t pid,
		   const struct participant *p, const struct plan *pl,
		   struct rng *r)
{
	pdate today = b->opt->today,
	      end = pl->exit != DATE_NONE ? pl->exit : today;
	struct stage_move m = { .participant = pid };
	struct journal_entry je = { 0 };
	int rc = PC_OK;

	for (size_t i = 0; i < b->n_moves && rc == PC_OK; i++) {
		m.date = b->move_date[i];
		m.stage = b->c->stages[b->move_stage[i]].id;
		rc = store_move_add(t, &m, NULL);
	}
	if (rc == PC_OK)
		rc = appointments(t, b, pid, p, pl, r);
	if (rc == PC_OK && pl->in_work)
		rc = add_current_job(t, b->c, pid, today, pl->job_start, r);
	else if (rc == PC_OK && pl->exit != DATE_NONE)
		rc = add_exit_work(t, b, pid, pl, r);
	if (rc == PC_OK && chance(r, 60)) {
		struct note nt = {
			.participant = pid,
			.date = end - between(r, 1, 60),
			.text = (char *)notes[between(r, 0, COUNT(notes) - 1)]
		};

		if (nt.date < p->entry_date)
			nt.date = p->entry_date;
		rc = store_note_add(t, &nt, NULL);
	}
	if (rc == PC_OK) {
		je.time = b->opt->now;
		je.who = (char *)"parcours demo";
		je.participant = pid;
		je.what = (char *)"participant created (demo caseload)";
		rc = store_journal_add(t, &je);
	}
	return rc;
}

/* The participant's old fields of the funder's data, as the entry
 * answers give them. */
static void old_fields(const struct fse_entry *e, struct participant *p)
{
	p->education = e->education;
	switch (e->labour) {
	case FSE_LABOUR_UNEMPLOYED:
		p->employment = e->unemployed_months >= FSE_LONG_TERM_MONTHS
					? EMPLOYMENT_LONG_TERM_UNEMPLOYED
					: EMPLOYMENT_UNEMPLOYED;
		break;
	case FSE_LABOUR_EMPLOYED:
		p->employment = EMPLOYMENT_EMPLOYED;
		break;
	case FSE_LABOUR_INACTIVE:
	case FSE_LABOUR_EDUCATION:
		p->employment = EMPLOYMENT_INACTIVE;
		break;
	default:
		p->employment = EMPLOYMENT_UNKNOWN;
		break;
	}
}

/* The questionnaires drawn for participant pid. */
static int add_fse(struct store_txn *t, uint64_t pid, struct demo_fse *q)
{
	int rc;

	q->entry.participant = pid;
	rc = store_fse_entry_add(t, &q->entry, NULL);
	if (rc == PC_OK && q->has_exit) {
		q->exit.participant = pid;
		rc = store_fse_exit_add(t, &q->exit, NULL);
	}
	if (rc == PC_OK && q->has_survey) {
		q->survey.participant = pid;
		rc = store_fse_survey_add(t, &q->survey, NULL);
	}
	return rc;
}

/* Participant number k, whole: identity, moves, appointments, job, exit,
 * the funder's questionnaires. */
static int make_participant(struct store_txn *t, struct batch *b, size_t k)
{
	struct rng r = { b->opt->seed * UINT64_C(0x2545f4914f6cdd1d) + k };
	/* The questionnaires on a stream of their own: the rest of the
	 * caseload is drawn as it was before them. */
	struct rng rf = { b->opt->seed * UINT64_C(0x9e3779b97f4a7c15) +
			  k * UINT64_C(0xd1b54a32d192ed03) + 1 };
	struct demo_fse q;
	bool exited = k >= b->n_current;
	struct participant p;
	struct plan pl = { 0 };
	char phone[32], email[96], *ref_name;
	uint64_t pid;
	int age, rc;

	next(&r);
	rc = identity(&r, k, b->opt->today, &p, &age, phone, sizeof phone,
		      email, sizeof email);
	if (rc != PC_OK)
		return rc;
	ref_name = demo_referent_name(b->c, exited ? (k - b->n_current) %
							     b->n_referents
						   : k / DEMO_CASELOAD_SIZE);
	if (ref_name == NULL) {
		free(p.publics);
		return PC_ENOMEM;
	}
	p.referent = ref_name;
	if (exited)
		demo_plan_exited(&r, b, age, &pl);
	else
		demo_plan_current(&r, b, &pl);
	apply_plan(b, &pl, &p);
	demo_plan_fse(&rf, &pl, &p, b->opt->today, &q);
	old_fields(&q.entry, &p);
	rc = store_participant_add(t, &p, &pid);
	if (rc == PC_OK)
		rc = history(t, b, pid, &p, &pl, &r);
	if (rc == PC_OK)
		rc = add_fse(t, pid, &q);
	free(p.publics);
	free(ref_name);
	return rc;
}

/* How many days before today the dates of this configuration's demo reach:
 * the oldest birth date, unless the oldest entry is older. */
static int days_back(const struct config *c)
{
	int back = AGE_MAX * 365 + 364;
	int stay = (demo_horizon_months(c) + 12 * EXIT_YEARS) * 31;

	return stay > back ? stay : back;
}

/* One transaction: participants b->first to b->last, the first batch
 * checking the database is empty. */
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
	for (size_t k = b->first; k < b->last && rc == PC_OK; k++) {
		/* The pages the indexes read are spread over the file: let
		 * them go (the batch's own are in memory until its commit). */
		if (k > b->first && (k - b->first) % RELEASE_EVERY == 0)
			store_release_pages(b->s);
		rc = make_participant(t, b, k);
	}
	return rc;
}

/* The scratch of one participant's stages, sized to the config; false
 * when out of memory. */
static bool scratch_new(struct batch *b)
{
	size_t n = b->c->n_stages + 1;

	b->len = calloc(n, sizeof *b->len);
	b->move_stage = calloc(n, sizeof *b->move_stage);
	b->move_date = calloc(n, sizeof *b->move_date);
	return b->len != NULL && b->move_stage != NULL && b->move_date != NULL;
}

/* Free what scratch_new allocated (NULL pointers too). */
static void scratch_free(struct batch *b)
{
	free(b->len);
	free(b->move_stage);
	free(b->move_date);
}

int demo_fill(struct store *s, const struct config *c,
	      const struct demo_options *opt, struct demo_result *res,
	      char **cause)
{
	size_t n_current = opt->participants, total;
	struct batch b = { .s = s, .c = c, .opt = opt, .n_current = n_current };
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
	if (!scratch_new(&b)) {
		scratch_free(&b);
		return error_set(cause, PC_ENOMEM, "%s",
				 error_string(PC_ENOMEM));
	}
	b.horizon_days =
		opt->today - date_add_months(opt->today, -demo_horizon_months(c));
	total = n_current + demo_exited_count(c, n_current, b.horizon_days);
	b.n_referents =
		(n_current + DEMO_CASELOAD_SIZE - 1) / DEMO_CASELOAD_SIZE;
	for (size_t first = 0; first < total && rc == PC_OK; first += BATCH) {
		b.first = first;
		b.last = first + BATCH < total ? first + BATCH : total;
		b.check_empty = first == 0;
		rc = store_write(s, write_batch, &b, cause);
		/* What the batch read and wrote through the map is let go,
		 * so resident memory stays that of one batch. */
		store_release_pages(s);
		if (rc == PC_OK) {
			res->participants += b.last - b.first;
			res->appointments += b.appointments;
		}
	}
	res->referents = b.n_referents;
	scratch_free(&b);
	return rc;
}

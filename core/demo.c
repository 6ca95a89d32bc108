/* demo.c: generate believable, reproducible caseloads. */
#include "demo.h"
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

/*
 * The steady state (issue 11). A PLIE whose caseload keeps its size sees
 * as many entries as exits, and (Little's law) the caseload is the flow
 * times the mean length of a parcours: 80 = about 2.9 a month × 27.5
 * months. So:
 *  - a completed parcours reaches the maximum (exit `duree-maximale`)
 *    MAX_SHARE per mille of the time; otherwise it lasts from SHORTEST
 *    days to the maximum, the longer the likelier (the larger of two even
 *    draws). With 36 months: 0.15 × 36 + 0.85 × (6 + 30 × 2/3) = 27.5
 *    months on average, median about 29;
 *  - the exits fall evenly over the last EXIT_YEARS years, as many as that
 *    flow gives: participants × 36 / 27.5, 105 for 80 (35 a year: a
 *    turnover of 44 %, not 30 %, which would need 40-month parcours);
 *  - a current participant's seniority follows the share of parcours
 *    still going after that many days (fewer the older): median about 14
 *    months, mean about 15.
 * Without a configured maximum, parcours last up to HORIZON_MONTHS and
 * none ends on the maximum.
 */
#define MAX_SHARE      150 /* per mille */
#define SHORTEST       183 /* days */
#define EXIT_YEARS     3
#define HORIZON_MONTHS 36
/* A positive exit backed by a job needs this long a parcours, in days:
 * stages before the job, then six months in work (a season: twelve). */
#define POSITIVE_DAYS 426
#define SEASON_DAYS   610
/* Positive exits among the parcours long enough, per cent (about 45 % of
 * all exits). */
#define POSITIVE_PCT 57
/* A stage without expected_days is expected to last this many days. */
#define STAGE_DAYS 90
/* Appointments written per participant, at most: the first (diagnostic)
 * and the latest ones at the stage's rhythm. */
#define APPTS_MAX 10
/* Current participants in the last stage who are in work, per cent. */
#define IN_WORK_PCT 65

/* How a parcours ended: the reason it maps to in the default
 * configuration, and what it needs behind it. */
enum exit_kind {
	K_MAX,
	K_CDI,
	K_CDD,
	K_INTERIM,
	K_SEASON,
	K_ALTERNANCE,
	K_CREATION,
	K_TRAINING,
	K_ABANDON,
	K_MOVED,
	K_HEALTH,
	K_RETIRED,
	K_REORIENTED,
	K_COUNT
};

static const struct exit_kind_def {
	const char *reason; /* its id in config/parcours.yaml */
	bool positive;
	int needs;    /* enum exit_needs */
	int weight;   /* among the positive kinds, or the others */
	int min_days; /* the shortest parcours it ends */
} exit_kinds[K_COUNT] = {
	[K_MAX] = { "duree-maximale", false, EXIT_NEEDS_NOTHING, 0, 0 },
	[K_CDI] = { "cdi", true, EXIT_NEEDS_SIX_MONTHS, 28, POSITIVE_DAYS },
	[K_CDD] = { "cdd-6-mois", true, EXIT_NEEDS_SIX_MONTHS, 22,
		    POSITIVE_DAYS },
	[K_INTERIM] = { "interim-6-mois", true, EXIT_NEEDS_SIX_MONTHS, 14,
			POSITIVE_DAYS },
	[K_SEASON] = { "saisonnier", true, EXIT_NEEDS_SEASON, 6, SEASON_DAYS },
	[K_ALTERNANCE] = { "alternance", true, EXIT_NEEDS_NOTHING, 10,
			   POSITIVE_DAYS },
	[K_CREATION] = { "creation", true, EXIT_NEEDS_NOTHING, 6,
			 POSITIVE_DAYS },
	[K_TRAINING] = { "formation-qualifiante", true, EXIT_NEEDS_NOTHING, 14,
			 POSITIVE_DAYS },
	[K_ABANDON] = { "abandon", false, EXIT_NEEDS_NOTHING, 40, SHORTEST },
	[K_MOVED] = { "demenagement", false, EXIT_NEEDS_NOTHING, 15, SHORTEST },
	[K_HEALTH] = { "sante", false, EXIT_NEEDS_NOTHING, 15, SHORTEST },
	[K_RETIRED] = { "retraite", false, EXIT_NEEDS_NOTHING, 10, SHORTEST },
	[K_REORIENTED] = { "reorientation", false, EXIT_NEEDS_NOTHING, 20,
			   SHORTEST },
};

/* What one batch writes, and what it wrote once committed. */
struct batch {
	const struct config *c;
	const struct demo_options *opt;
	size_t first, last; /* participant numbers [first, last) */
	size_t n_current;   /* numbers below this are current */
	size_t n_referents;
	bool check_empty;
	int horizon_days;    /* today minus the horizon in months, in days */
	size_t appointments; /* written by the committed attempt */
	/* Scratch for one participant: days in each stage, and the moves
	 * (n_stages + 1: a return to the first stage). */
	int *len;
	size_t *move_stage;
	pdate *move_date;
	size_t n_moves;
};

/* One participant's parcours as drawn, before it is written. */
struct plan {
	pdate entry, exit; /* exit DATE_NONE while current */
	enum exit_kind kind;
	const struct config_exit_reason *reason;
	size_t stage;	 /* the current (or last) stage's index */
	pdate job_start; /* DATE_NONE without a job */
	bool in_work;	 /* current, in in-work follow-up */
};

/* The months a parcours may last: the configured maximum, or the
 * horizon without one. */
static int horizon_months(const struct config *c)
{
	return c->max_duration_months > 0 ? c->max_duration_months
					  : HORIZON_MONTHS;
}

/* How many days stage i usually lasts. */
static int expected(const struct config *c, size_t i)
{
	return c->stages[i].expected_days > 0 ? c->stages[i].expected_days
					      : STAGE_DAYS;
}

/* The share of parcours still going after t days, per mille (see the
 * steady state above). */
static int64_t still_going(const struct batch *b, int t)
{
	int64_t share = b->c->max_duration_months > 0 ? 1000 - MAX_SHARE : 1000;
	int64_t x = t - SHORTEST, w = b->horizon_days - SHORTEST;

	if (t < SHORTEST || w <= 0)
		return 1000;
	return 1000 - share * x * x / (w * w);
}

/* A current participant's days in the PLIE, drawn against still_going. */
static int seniority(struct rng *r, const struct batch *b)
{
	for (;;) {
		int t = between(r, 3, b->horizon_days - 1);

		if (between(r, 0, 999) < still_going(b, t))
			return t;
	}
}

/* The days a completed parcours lasted, not on the maximum. */
static int completed_days(struct rng *r, const struct batch *b)
{
	int hi =
		b->horizon_days - 1 > SHORTEST ? b->horizon_days - 1 : SHORTEST;
	int u = between(r, SHORTEST, hi), v = between(r, SHORTEST, hi);

	return u > v ? u : v;
}

/* How many exited participants go with n current ones: the flow of the
 * steady state over EXIT_YEARS years. */
static size_t exited_count(const struct config *c, size_t n, int horizon)
{
	int64_t share = c->max_duration_months > 0 ? MAX_SHARE : 0;
	/* mean length, in thousandths of a day */
	int64_t mean =
		share * horizon +
		(1000 - share) * (SHORTEST + (horizon - SHORTEST) * 2 / 3);

	if (c->n_exit_reasons == 0 || mean <= 0)
		return 0;
	return (size_t)(((int64_t)n * EXIT_YEARS * 365 * 1000 + mean / 2) /
			mean);
}

/* Scale len[0..upto) so they add up to `total` days (skipped stages, 0,
 * stay skipped). */
static void scale(int *len, size_t upto, int total)
{
	int64_t sum = 0, acc = 0;
	int done = 0;

	for (size_t i = 0; i < upto; i++)
		sum += len[i];
	if (upto == 0)
		return;
	if (sum == 0) {
		len[0] = total;
		return;
	}
	for (size_t i = 0; i < upto; i++) {
		int cum;

		acc += len[i];
		cum = (int)(acc * total / sum);
		len[i] = cum - done;
		done = cum;
	}
}

/* Days in each stage, about its expected days; some middle stages (the
 * second, the fourth...) skipped, 0. */
static void draw_lengths(struct rng *r, const struct config *c, int *len)
{
	for (size_t i = 0; i < c->n_stages; i++) {
		len[i] = expected(c, i) * between(r, 70, 130) / 100;
		if (i > 0 && i + 1 < c->n_stages && i % 2 == 1 && chance(r, 20))
			len[i] = 0;
	}
}

/* The moves from `entry` into the stages 0..upto (len: their days), the
 * skipped ones left out. */
static void walk(struct batch *b, pdate entry, size_t upto)
{
	pdate d = entry;

	b->n_moves = 0;
	for (size_t i = 0; i <= upto; i++) {
		if (i > 0 && i < upto && b->len[i] == 0)
			continue;
		b->move_stage[b->n_moves] = i;
		b->move_date[b->n_moves] = d;
		b->n_moves++;
		d += b->len[i];
	}
}

/*
 * Where a parcours is after t days: walked through its stages at their
 * drawn lengths; past the last but one, in the last, and then the earlier
 * ones stretched so that no one stays in the last more than twice its
 * expected days. Returns the stage.
 */
static size_t walk_for(struct rng *r, struct batch *b, pdate entry, int t)
{
	const struct config *c = b->c;
	size_t last = c->n_stages - 1, s = 0;
	int cum = 0, cap = 2 * expected(c, last);

	draw_lengths(r, c, b->len);
	for (s = 0; s < last; s++) {
		if (t < cum + b->len[s])
			break;
		cum += b->len[s];
	}
	if (s == last && t - cum > cap)
		scale(b->len, last, t - (cap - between(r, 0, cap / 4)));
	walk(b, entry, s);
	return s;
}

/* The stages walked up to stage `target`, entered `days` after the entry. */
static void walk_to(struct rng *r, struct batch *b, pdate entry, size_t target,
		    int days)
{
	draw_lengths(r, b->c, b->len);
	scale(b->len, target, days > 0 ? days : 0);
	walk(b, entry, target);
}

/* Sometimes someone in the second or third stage went back to the first
 * when a new obstacle appeared: a move back, at most twice the first
 * stage's expected days ago. */
static void maybe_back(struct rng *r, struct batch *b, pdate today)
{
	pdate since = b->move_date[b->n_moves - 1];
	int dwell = today - since;
	int most = 2 * expected(b->c, 0);

	if (b->n_moves < 2 || b->move_stage[b->n_moves - 1] > 2 || dwell < 30 ||
	    !chance(r, 15))
		return;
	if (most > dwell - 10)
		most = dwell - 10;
	b->move_stage[b->n_moves] = 0;
	b->move_date[b->n_moves] = today - between(r, 5, most);
	b->n_moves++;
}

/* The first exit reason of the config with this polarity and need
 * (needs < 0: any), or NULL. */
static const struct config_exit_reason *reason_like(const struct config *c,
						    bool positive, int needs,
						    const char *besides)
{
	for (size_t i = 0; i < c->n_exit_reasons; i++) {
		const struct config_exit_reason *x = &c->exit_reasons[i];

		if (x->positive == positive &&
		    (needs < 0 || x->needs == needs) &&
		    (besides == NULL || strcmp(x->id, besides) != 0))
			return x;
	}
	return NULL;
}

/*
 * The reason of kind *k in this configuration: its own id when the config
 * has it, else one with the same need (*k then becomes what the demo can
 * back it with), else any other of the same polarity, else the first.
 */
static const struct config_exit_reason *resolve(const struct config *c,
						enum exit_kind *k)
{
	const struct exit_kind_def *d = &exit_kinds[*k];
	const struct config_exit_reason *x = config_exit_reason(c, d->reason);

	if (x != NULL && x->positive == d->positive)
		return x;
	if (d->positive) {
		if ((x = reason_like(c, true, EXIT_NEEDS_SIX_MONTHS, NULL)))
			*k = K_CDI;
		else if ((x = reason_like(c, true, EXIT_NEEDS_NOTHING, NULL)))
			*k = K_CREATION;
		else if ((x = reason_like(c, true, EXIT_NEEDS_SEASON, NULL)))
			*k = K_SEASON;
		if (x != NULL)
			return x;
	}
	x = reason_like(c, false, -1,
			*k == K_MAX ? NULL : exit_kinds[K_MAX].reason);
	if (x == NULL)
		x = reason_like(c, false, -1, NULL);
	if (x != NULL) {
		if (*k != K_MAX)
			*k = K_ABANDON;
		return x;
	}
	x = &c->exit_reasons[0];
	*k = x->needs == EXIT_NEEDS_SIX_MONTHS ? K_CDI
	     : x->needs == EXIT_NEEDS_SEASON   ? K_SEASON
					       : K_CREATION;
	return x;
}

/* A kind drawn by weight among the positive ones or the others. */
static enum exit_kind pick_kind(struct rng *r, bool positive, int days, int age)
{
	int total = 0, roll;

	for (int k = 0; k < K_COUNT; k++)
		if (exit_kinds[k].positive == positive)
			total += exit_kinds[k].weight;
	roll = between(r, 0, total - 1);
	for (int k = 0; k < K_COUNT; k++) {
		if (exit_kinds[k].positive != positive)
			continue;
		if (roll < exit_kinds[k].weight) {
			if (k == K_SEASON && days < SEASON_DAYS)
				return K_CDD;
			if (k == K_RETIRED && age < 60)
				return K_ABANDON;
			return (enum exit_kind)k;
		}
		roll -= exit_kinds[k].weight;
	}
	return positive ? K_CDI : K_ABANDON;
}

/* The first day in work of a positive exit on `exit` of kind k. */
static pdate job_start_for(struct rng *r, const struct config *c,
			   enum exit_kind k, pdate exit)
{
	switch (k) {
	case K_CDI:
	case K_CDD:
	case K_INTERIM:
		/* six months in work reached on or before the exit */
		return date_add_months(exit, -c->followup_months) -
		       between(r, 0, 25);
	case K_SEASON:
		return date_add_months(exit, -EMPLOYMENT_SEASON_OF) +
		       between(r, 5, 15);
	case K_ALTERNANCE:
		return exit - between(r, 0, 20);
	default:
		return DATE_NONE;
	}
}

/* Draw an exited parcours: when it ended, why, how long it lasted, its
 * stages. */
static void plan_exited(struct rng *r, struct batch *b, int age,
			struct plan *pl)
{
	const struct config *c = b->c;
	pdate today = b->opt->today;
	int window = today - date_add_months(today, -12 * EXIT_YEARS);
	int days, months = horizon_months(c);
	bool at_max =
		c->max_duration_months > 0 && between(r, 0, 999) < MAX_SHARE;

	pl->exit = today - between(r, 0, window - 1);
	days = completed_days(r, b);
	pl->kind = at_max ? K_MAX
		   : days >= POSITIVE_DAYS && chance(r, POSITIVE_PCT)
			   ? pick_kind(r, true, days, age)
			   : pick_kind(r, false, days, age);
	pl->reason = resolve(c, &pl->kind);
	if (pl->kind == K_MAX) {
		/* on the limit, or a few days before it */
		pl->entry = date_add_months(pl->exit, -months);
		while (date_add_months(pl->entry, months) < pl->exit)
			pl->entry++;
		pl->entry += between(r, 0, 5);
	} else {
		if (days < exit_kinds[pl->kind].min_days)
			days = exit_kinds[pl->kind].min_days;
		pl->entry = pl->exit - days;
		while (c->max_duration_months > 0 &&
		       date_add_months(pl->entry, months) < pl->exit)
			pl->entry++;
	}
	days = pl->exit - pl->entry;
	pl->job_start = job_start_for(r, c, pl->kind, pl->exit);
	/* A maximum shorter than the work a reason needs: what fits. */
	if (pl->job_start != DATE_NONE && pl->job_start < pl->entry)
		pl->job_start = pl->entry;
	if (pl->job_start != DATE_NONE) {
		/* the last stage entered before the job starts */
		int before = pl->job_start - pl->entry, lead = before / 4;

		lead = between(r, lead < 15 ? lead : 15,
			       lead < 120 ? lead : 120);
		walk_to(r, b, pl->entry, c->n_stages - 1, before - lead);
		pl->stage = c->n_stages - 1;
	} else if (pl->kind == K_TRAINING || pl->kind == K_CREATION) {
		size_t at = c->n_stages - 1;

		if (pl->kind == K_TRAINING)
			(void)config_stage(c, "former", &at);
		walk_to(r, b, pl->entry, at, days - between(r, 60, 170));
		pl->stage = at;
	} else {
		pl->stage = walk_for(r, b, pl->entry, days);
	}
}

/* Draw a current parcours: since when, where, in work or not. */
static void plan_current(struct rng *r, struct batch *b, struct plan *pl)
{
	pdate today = b->opt->today;
	int t = seniority(r, b);

	pl->entry = today - t;
	pl->exit = DATE_NONE;
	pl->reason = NULL;
	pl->job_start = DATE_NONE;
	pl->stage = walk_for(r, b, pl->entry, t);
	maybe_back(r, b, today);
	pl->in_work = pl->stage == b->c->n_stages - 1 &&
		      b->move_stage[b->n_moves - 1] == pl->stage &&
		      chance(r, IN_WORK_PCT);
	if (pl->in_work) {
		int most = today - b->move_date[b->n_moves - 1];

		pl->job_start = today - between(r, 0, most < 220 ? most : 220);
	}
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
	p->education = (enum education)between(r, 0, 3);
	p->employment = (enum employment)between(r, 0, 4);
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

/* Participant number k, whole: identity, moves, appointments, job, exit. */
static int make_participant(struct store_txn *t, struct batch *b, size_t k)
{
	struct rng r = { b->opt->seed * UINT64_C(0x2545f4914f6cdd1d) + k };
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
		plan_exited(&r, b, age, &pl);
	else
		plan_current(&r, b, &pl);
	apply_plan(b, &pl, &p);
	rc = store_participant_add(t, &p, &pid);
	if (rc == PC_OK)
		rc = history(t, b, pid, &p, &pl, &r);
	free(p.publics);
	free(ref_name);
	return rc;
}

/* How many days before today the dates of this configuration's demo reach:
 * the oldest birth date, unless the oldest entry is older. */
static int days_back(const struct config *c)
{
	int back = AGE_MAX * 365 + 364;
	int stay = (horizon_months(c) + 12 * EXIT_YEARS) * 31;

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
	for (size_t k = b->first; k < b->last && rc == PC_OK; k++)
		rc = make_participant(t, b, k);
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
	if (!scratch_new(&b)) {
		scratch_free(&b);
		return error_set(cause, PC_ENOMEM, "%s",
				 error_string(PC_ENOMEM));
	}
	b.horizon_days =
		opt->today - date_add_months(opt->today, -horizon_months(c));
	total = n_current + exited_count(c, n_current, b.horizon_days);
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
	scratch_free(&b);
	return rc;
}

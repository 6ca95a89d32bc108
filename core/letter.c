/* letter.c: letters made from templates: found, filled in, rendered
 * (letter_merge.c puts several into one document). */
#include "letter.h"
#include "error.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A template larger than this is not a letter. */
#define LETTER_FILE_MAX (4u << 20)

static const char *const extensions[] = { "fodt", "md", "txt" };

const char *letter_ext(const struct letter_template *t)
{
	const char *dot = strrchr(t->file, '.');

	return dot ? dot + 1 : "";
}

bool letter_is_fodt(const struct letter_template *t)
{
	return strcmp(letter_ext(t), "fodt") == 0;
}

char *letter_name(const struct letter_template *t)
{
	const char *dot = strrchr(t->file, '.');

	return strndup(t->file,
		       dot ? (size_t)(dot - t->file) : strlen(t->file));
}

static bool is_template(const char *file)
{
	const char *dot = strrchr(file, '.');

	if (file[0] == '.' || dot == NULL || dot == file)
		return false;
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
		if (strcmp(dot + 1, extensions[i]) == 0)
			return true;
	return false;
}

static bool listed(const struct letter_list *l, const char *file)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].file, file) == 0)
			return true;
	return false;
}

/* Add the templates of `dir` not listed yet. */
static int scan(struct letter_list *l, const char *dir, bool user, char **cause)
{
	DIR *d;
	struct dirent *e;
	int rc = PC_OK;

	if (dir == NULL)
		return PC_OK;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return PC_OK;
		return error_set(cause, PC_EIO, "%s: %s", dir, strerror(errno));
	}
	while (rc == PC_OK && (e = readdir(d)) != NULL) {
		struct letter_template t = { 0 };
		struct letter_template *grown;
		struct stat st;

		if (!is_template(e->d_name) || listed(l, e->d_name))
			continue;
		if (asprintf(&t.path, "%s/%s", dir, e->d_name) < 0) {
			rc = PC_ENOMEM;
			break;
		}
		if (stat(t.path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(t.path);
			continue;
		}
		t.file = strdup(e->d_name);
		t.user = user;
		grown = realloc(l->v, (l->n + 1) * sizeof *grown);
		if (t.file == NULL || grown == NULL) {
			free(t.file);
			free(t.path);
			if (grown != NULL)
				l->v = grown;
			rc = PC_ENOMEM;
			break;
		}
		l->v = grown;
		l->v[l->n++] = t;
	}
	closedir(d);
	return rc;
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct letter_template *)a)->file,
		      ((const struct letter_template *)b)->file);
}

int letter_list_find(const char *user_dir, const char *shipped_dir,
		     struct letter_list *out, char **cause)
{
	struct letter_list l = { 0 };
	int rc = scan(&l, user_dir, true, cause);

	if (rc == PC_OK)
		rc = scan(&l, shipped_dir, false, cause);
	if (rc != PC_OK) {
		letter_list_free(&l);
		return rc;
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof *l.v, by_file);
	*out = l;
	return PC_OK;
}

void letter_list_free(struct letter_list *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].path);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static const struct letter_template *
find_file(const struct letter_list *l, const char *name, const char *ext)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < l->n; i++) {
		const char *f = l->v[i].file;

		if (strncmp(f, name, len) == 0 && f[len] == '.' &&
		    strcmp(f + len + 1, ext) == 0)
			return &l->v[i];
	}
	return NULL;
}

const struct letter_template *letter_lookup(const struct letter_list *l,
					    const char *name, const char *ext)
{
	const struct letter_template *t;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].file, name) == 0)
			return &l->v[i];
	if (ext != NULL && (t = find_file(l, name, ext)) != NULL)
		return t;
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
		if ((t = find_file(l, name, extensions[i])) != NULL)
			return t;
	return NULL;
}

/* ---- placeholders ---- */

enum ph {
	PH_CIVILITY,
	PH_SALUTATION,
	PH_ADDRESSEE,
	PH_FIRST_NAME,
	PH_LAST_NAME,
	PH_NAME,
	PH_ID,
	PH_PHONE,
	PH_EMAIL,
	PH_ENTRY_DATE,
	PH_STAGE,
	PH_NEXT_STAGES,
	PH_APPT_ID,
	PH_APPT_DATE,
	PH_APPT_DATE_SHORT,
	PH_APPT_TIME,
	PH_APPT_WHEN,
	PH_APPT_KIND,
	PH_APPT_MODALITY,
	PH_APPT_PLACE,
	PH_MISSED_DATE,
	PH_MISSED_TIME,
	PH_MISSED_KIND,
	PH_NEXT_INVITATION,
	PH_REF_NAME,
	PH_REF_PHONE,
	PH_REF_EMAIL,
	PH_REF_CONTACT,
	PH_PLIE_NAME,
	PH_PLIE_ADDRESS,
	PH_PLIE_PHONE,
	PH_PLIE_EMAIL,
	PH_TODAY,
	PH_TODAY_SHORT,
	PH_COUNT
};

static const struct letter_placeholder placeholders[PH_COUNT] = {
	[PH_CIVILITY] = { "participant.civility",
			  N_("Madame or Monsieur from the gender; empty for "
			     "non-binary or unknown") },
	[PH_SALUTATION] = { "participant.salutation",
			    N_("\"Madame,\", \"Monsieur,\"; \"Bonjour FIRST "
			       "LAST,\" for non-binary; \"Madame, Monsieur,\" "
			       "when unknown") },
	[PH_ADDRESSEE] = { "participant.addressee",
			   N_("civility, first and last name: Madame Élodie "
			      "Lefèvre") },
	[PH_FIRST_NAME] = { "participant.first_name", N_("first name") },
	[PH_LAST_NAME] = { "participant.last_name", N_("last name") },
	[PH_NAME] = { "participant.name", N_("first and last name") },
	[PH_ID] = { "participant.id", N_("the participant's number") },
	[PH_PHONE] = { "participant.phone", N_("phone") },
	[PH_EMAIL] = { "participant.email", N_("email") },
	[PH_ENTRY_DATE] = { "participant.entry_date",
			    N_("entry into the PLIE, written out") },
	[PH_STAGE] = { "participant.stage", N_("the current stage's label") },
	[PH_NEXT_STAGES] = { "participant.next_stages",
			     N_("the stages after the current one, "
				"comma-separated; at the last, a sentence "
				"saying so") },
	[PH_APPT_ID] = { "appointment.id", N_("the appointment's number") },
	[PH_APPT_DATE] = { "appointment.date",
			   N_("its date written out: jeudi 3 décembre 2026") },
	[PH_APPT_DATE_SHORT] = { "appointment.date_short",
				 N_("its date as 03/12/2026") },
	[PH_APPT_TIME] = { "appointment.time",
			   N_("its time: 10 h 30 (empty without a time)") },
	[PH_APPT_WHEN] = { "appointment.when", N_("date and time: jeudi 3 "
						  "décembre 2026 à 10 h 30") },
	[PH_APPT_KIND] = { "appointment.kind", N_("its kind's label") },
	[PH_APPT_MODALITY] = { "appointment.modality",
			       N_("en présence, par téléphone or en visio") },
	[PH_APPT_PLACE] = { "appointment.place",
			    N_("in person: the PLIE's address; otherwise how "
			       "it is held") },
	[PH_MISSED_DATE] = { "missed.date",
			     N_("the last missed appointment's date, written "
				"out") },
	[PH_MISSED_TIME] = { "missed.time", N_("its time") },
	[PH_MISSED_KIND] = { "missed.kind", N_("its kind's label") },
	[PH_NEXT_INVITATION] = { "next.invitation",
				 N_("a sentence: the next planned appointment "
				    "if any, else asked to call") },
	[PH_REF_NAME] = { "referent.name", N_("the participant's referent") },
	[PH_REF_PHONE] = { "referent.phone",
			   N_("referent_phone of the configuration, when the "
			      "referent is its referent") },
	[PH_REF_EMAIL] = { "referent.email", N_("referent_email, likewise") },
	[PH_REF_CONTACT] = { "referent.contact",
			     N_("au PHONE ou par courriel à EMAIL (the "
				"referent's, else the PLIE's; else auprès du "
				"PLIE)") },
	[PH_PLIE_NAME] = { "plie.name", N_("plie.name of the configuration") },
	[PH_PLIE_ADDRESS] = { "plie.address", N_("plie.address") },
	[PH_PLIE_PHONE] = { "plie.phone", N_("plie.phone") },
	[PH_PLIE_EMAIL] = { "plie.email", N_("plie.email") },
	[PH_TODAY] = { "today", N_("today, written out") },
	[PH_TODAY_SHORT] = { "today_short", N_("today as 28/11/2026") },
};

const struct letter_placeholder *letter_placeholders(size_t *n)
{
	*n = PH_COUNT;
	return placeholders;
}

static const char *const weekdays[] = { "lundi",   "mardi",    "mercredi",
					"jeudi",   "vendredi", "samedi",
					"dimanche" };
static const char *const months[] = { "janvier", "février",  "mars",
				      "avril",	 "mai",	     "juin",
				      "juillet", "août",     "septembre",
				      "octobre", "novembre", "décembre" };

char *letter_date_fr(pdate d, char buf[LETTER_DATE_BUFSZ])
{
	int y, m, day, wd;

	buf[0] = '\0';
	if (d == DATE_NONE)
		return buf;
	date_to_ymd(d, &y, &m, &day);
	wd = date_weekday(d);
	if (wd < 0 || wd > 6 || m < 1 || m > 12)
		return buf;
	snprintf(buf, LETTER_DATE_BUFSZ, "%s %d%s %s %d", weekdays[wd], day,
		 day == 1 ? "er" : "", months[m - 1], y);
	return buf;
}

/* "10 h 30", "9 h"; "" without a time. */
static void time_fr(int minute, char buf[16])
{
	buf[0] = '\0';
	if (minute < 0 || minute >= 24 * 60)
		return;
	if (minute % 60 == 0)
		snprintf(buf, 16, "%d h", minute / 60);
	else
		snprintf(buf, 16, "%d h %02d", minute / 60, minute % 60);
}

static const char *kind_label(const struct config *c, const char *kind)
{
	const struct config_appt_kind *k = config_appt_kind(c, kind);

	return k != NULL ? k->label : kind;
}

static const char *modality(enum appointment_mode m)
{
	switch (m) {
	case MODE_PHONE:
		return "par téléphone";
	case MODE_VIDEO:
		return "en visio";
	default:
		return "en présence";
	}
}

static const char *place(const struct config *c, enum appointment_mode m)
{
	switch (m) {
	case MODE_PHONE:
		return "par téléphone : votre référent vous appellera";
	case MODE_VIDEO:
		return "en visio : le lien de connexion vous sera envoyé";
	default:
		return c->plie_address;
	}
}

const struct appointment *letter_next_planned(const struct participant_file *f,
					      pdate today)
{
	for (size_t i = 0; i < f->n_appts; i++)
		if (f->appts[i].status == APPT_PLANNED &&
		    f->appts[i].date >= today)
			return &f->appts[i];
	return NULL;
}

const struct appointment *letter_last_missed(const struct participant_file *f)
{
	for (size_t i = f->n_appts; i > 0; i--)
		if (f->appts[i - 1].status == APPT_MISSED)
			return &f->appts[i - 1];
	return NULL;
}

/* vals[i] = a malloc'd printf; false when out of memory. */
static bool setf(char **vals, enum ph i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool setf(char **vals, enum ph i, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&vals[i], fmt, ap);
	va_end(ap);
	if (n < 0)
		vals[i] = NULL;
	return n >= 0;
}

static bool set(char **vals, enum ph i, const char *s)
{
	return setf(vals, i, "%s", s ? s : "");
}

static bool participant_values(char **v, const struct config *c,
			       const struct participant_file *f)
{
	const struct participant *p = &f->p;
	const char *civ = "", *first = p->first_name ? p->first_name : "",
		   *last = p->last_name ? p->last_name : "";
	char date[LETTER_DATE_BUFSZ];
	size_t at = 0;
	const struct config_stage *st = config_stage(c, p->stage, &at);
	bool ok;

	if (p->gender == GENDER_FEMALE)
		civ = "Madame";
	else if (p->gender == GENDER_MALE)
		civ = "Monsieur";
	ok = set(v, PH_CIVILITY, civ);
	if (p->gender == GENDER_NONBINARY)
		ok = ok &&
		     setf(v, PH_SALUTATION, "Bonjour %s %s,", first, last);
	else
		ok = ok && setf(v, PH_SALUTATION, "%s,",
				*civ ? civ : "Madame, Monsieur");
	ok = ok && setf(v, PH_ADDRESSEE, "%s%s%s%s%s", civ, *civ ? " " : "",
			first, *first && *last ? " " : "", last);
	ok = ok && set(v, PH_FIRST_NAME, first) && set(v, PH_LAST_NAME, last) &&
	     setf(v, PH_NAME, "%s%s%s", first, *first && *last ? " " : "",
		  last) &&
	     setf(v, PH_ID, "%llu", (unsigned long long)p->id) &&
	     set(v, PH_PHONE, p->phone) && set(v, PH_EMAIL, p->email) &&
	     set(v, PH_ENTRY_DATE, letter_date_fr(p->entry_date, date)) &&
	     set(v, PH_STAGE, st ? st->label : p->stage);
	if (!ok)
		return false;
	if (!set(v, PH_NEXT_STAGES, ""))
		return false;
	for (size_t i = st ? at + 1 : c->n_stages; i < c->n_stages; i++) {
		char *joined;

		if (asprintf(&joined, "%s%s%s", v[PH_NEXT_STAGES],
			     *v[PH_NEXT_STAGES] ? ", " : "",
			     c->stages[i].label) < 0)
			return false;
		free(v[PH_NEXT_STAGES]);
		v[PH_NEXT_STAGES] = joined;
	}
	if (*v[PH_NEXT_STAGES] == '\0' && st != NULL) {
		free(v[PH_NEXT_STAGES]);
		return set(v, PH_NEXT_STAGES,
			   "aucune, c'est la dernière étape du parcours");
	}
	return true;
}

static bool appointment_values(char **v, const struct config *c,
			       const struct appointment *a)
{
	char date[LETTER_DATE_BUFSZ], shortd[DATE_BUFSZ], tm[16];

	if (a == NULL)
		return set(v, PH_APPT_ID, "") && set(v, PH_APPT_DATE, "") &&
		       set(v, PH_APPT_DATE_SHORT, "") &&
		       set(v, PH_APPT_TIME, "") && set(v, PH_APPT_WHEN, "") &&
		       set(v, PH_APPT_KIND, "") &&
		       set(v, PH_APPT_MODALITY, "") &&
		       set(v, PH_APPT_PLACE, "");
	time_fr(a->minute, tm);
	return setf(v, PH_APPT_ID, "%llu", (unsigned long long)a->id) &&
	       set(v, PH_APPT_DATE, letter_date_fr(a->date, date)) &&
	       set(v, PH_APPT_DATE_SHORT, date_format_fr(a->date, shortd)) &&
	       set(v, PH_APPT_TIME, tm) &&
	       setf(v, PH_APPT_WHEN, "%s%s%s", date, *tm ? " à " : "", tm) &&
	       set(v, PH_APPT_KIND, kind_label(c, a->kind)) &&
	       set(v, PH_APPT_MODALITY, modality(a->mode)) &&
	       set(v, PH_APPT_PLACE, place(c, a->mode));
}

/* The sentence of a re-invitation: the next appointment, else a call. */
static bool invitation(char **v, const struct config *c,
		       const struct appointment *next, bool own)
{
	char date[LETTER_DATE_BUFSZ], tm[16];
	const char *phone = own ? c->referent_phone : NULL,
		   *email = own ? c->referent_email : NULL;

	if (next != NULL) {
		const char *where =
			next->mode == MODE_IN_PERSON ? c->plie_address : NULL;

		time_fr(next->minute, tm);
		return setf(v, PH_NEXT_INVITATION,
			    "Nous vous proposons un nouveau rendez-vous le "
			    "%s%s%s (%s, %s)%s%s.",
			    letter_date_fr(next->date, date), *tm ? " à " : "",
			    tm, kind_label(c, next->kind), modality(next->mode),
			    where ? " à l'adresse suivante : " : "",
			    where ? where : "");
	}
	if (phone == NULL)
		phone = c->plie_phone;
	if (phone != NULL && email != NULL)
		return setf(v, PH_NEXT_INVITATION,
			    "Nous vous remercions de nous appeler au %s ou "
			    "d'écrire à %s afin de convenir d'un nouveau "
			    "rendez-vous.",
			    phone, email);
	if (phone != NULL)
		return setf(v, PH_NEXT_INVITATION,
			    "Nous vous remercions de nous appeler au %s afin "
			    "de convenir d'un nouveau rendez-vous.",
			    phone);
	return set(v, PH_NEXT_INVITATION,
		   "Nous vous remercions de prendre contact avec nous afin "
		   "de convenir d'un nouveau rendez-vous.");
}

/* How to reach the referent, else the PLIE. */
static bool contact(char **v, const struct config *c, bool own)
{
	const char *phone =
		own && c->referent_phone ? c->referent_phone : c->plie_phone;
	const char *email =
		own && c->referent_email ? c->referent_email : c->plie_email;

	if (phone != NULL && email != NULL)
		return setf(v, PH_REF_CONTACT, "au %s ou par courriel à %s",
			    phone, email);
	if (phone != NULL || email != NULL)
		return setf(v, PH_REF_CONTACT, "%s %s",
			    phone ? "au" : "par courriel à",
			    phone ? phone : email);
	return set(v, PH_REF_CONTACT, "auprès du PLIE");
}

void letter_values_free(struct letter_values *lv)
{
	if (lv == NULL)
		return;
	for (size_t i = 0; lv->owned != NULL && i < lv->n; i++)
		free(lv->owned[i]);
	free(lv->owned);
	free(lv->v);
	memset(lv, 0, sizeof *lv);
}

int letter_values_make(const struct config *c, const struct participant_file *f,
		       const struct appointment *appt, pdate today,
		       struct letter_values *out)
{
	char **v = calloc(PH_COUNT, sizeof *v);
	struct template_value *tv = calloc(PH_COUNT, sizeof *tv);
	const struct appointment *missed = letter_last_missed(f),
				 *next = letter_next_planned(f, today);
	char date[LETTER_DATE_BUFSZ], shortd[DATE_BUFSZ], tm[16];
	bool own = f->p.referent != NULL && c->referent != NULL &&
		   strcmp(f->p.referent, c->referent) == 0;
	bool ok;

	memset(out, 0, sizeof *out);
	if (v == NULL || tv == NULL) {
		free(v);
		free(tv);
		return PC_ENOMEM;
	}
	out->v = tv;
	out->owned = v;
	out->n = PH_COUNT;
	time_fr(missed ? missed->minute : APPT_NO_TIME, tm);
	ok = participant_values(v, c, f) && appointment_values(v, c, appt) &&
	     set(v, PH_MISSED_DATE,
		 missed ? letter_date_fr(missed->date, date) : "") &&
	     set(v, PH_MISSED_TIME, tm) &&
	     set(v, PH_MISSED_KIND,
		 missed ? kind_label(c, missed->kind) : "") &&
	     invitation(v, c, next, own) &&
	     set(v, PH_REF_NAME, f->p.referent) &&
	     set(v, PH_REF_PHONE, own ? c->referent_phone : NULL) &&
	     set(v, PH_REF_EMAIL, own ? c->referent_email : NULL) &&
	     contact(v, c, own) && set(v, PH_PLIE_NAME, c->plie_name) &&
	     set(v, PH_PLIE_ADDRESS, c->plie_address) &&
	     set(v, PH_PLIE_PHONE, c->plie_phone) &&
	     set(v, PH_PLIE_EMAIL, c->plie_email) &&
	     set(v, PH_TODAY, letter_date_fr(today, date)) &&
	     set(v, PH_TODAY_SHORT, date_format_fr(today, shortd));
	if (!ok) {
		letter_values_free(out);
		return PC_ENOMEM;
	}
	for (size_t i = 0; i < PH_COUNT; i++) {
		tv[i].name = placeholders[i].name;
		tv[i].value = v[i];
	}
	return PC_OK;
}

/* ---- reading, checking, rendering ---- */

int letter_read(const struct letter_template *t, char **src, size_t *len,
		char **cause)
{
	FILE *f = fopen(t->path, "rb");
	struct stat st;
	char *buf;
	size_t n;

	*src = NULL;
	if (f == NULL)
		return error_set(cause, PC_EIO, "%s: %s", t->path,
				 strerror(errno));
	if (fstat(fileno(f), &st) != 0) {
		int e = errno;

		fclose(f);
		return error_set(cause, PC_EIO, "%s: %s", t->path, strerror(e));
	}
	if (st.st_size < 0 ||
	    (unsigned long long)st.st_size > LETTER_FILE_MAX) {
		fclose(f);
		return error_set(cause, PC_EINVAL,
				 _("%s: too large for a letter (over 4 MiB)"),
				 t->path);
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		fclose(f);
		return PC_ENOMEM;
	}
	n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		return error_set(cause, PC_EIO, "%s: %s", t->path, strerror(e));
	}
	fclose(f);
	buf[n] = '\0';
	*src = buf;
	*len = n;
	return PC_OK;
}

/* "PATH: " before *cause. */
static int with_path(int rc, const struct letter_template *t, char **cause)
{
	char *c;

	if (rc == PC_OK || cause == NULL || *cause == NULL)
		return rc;
	if (asprintf(&c, "%s: %s", t->path, *cause) >= 0) {
		free(*cause);
		*cause = c;
	}
	return rc;
}

static bool offered(const char *name)
{
	for (size_t i = 0; i < PH_COUNT; i++)
		if (strcmp(placeholders[i].name, name) == 0)
			return true;
	return false;
}

int letter_check(const struct letter_template *t, char ***names, size_t *n,
		 bool *needs_appt, bool *uses_missed, char **cause)
{
	char *src, **v = NULL;
	size_t len, nv = 0;
	int rc = letter_read(t, &src, &len, cause);
	bool appt = false, missed = false;

	if (names != NULL) {
		*names = NULL;
		*n = 0;
	}
	if (rc != PC_OK)
		return rc;
	rc = with_path(template_names(src, len, &v, &nv, cause), t, cause);
	for (size_t i = 0; rc == PC_OK && i < nv; i++) {
		appt = appt || strncmp(v[i], "appointment.", 12) == 0;
		missed = missed || strncmp(v[i], "missed.", 7) == 0;
	}
	if (rc == PC_OK) {
		/* The engine names the line: render with every value known
		 * but one unknown to hear it. */
		struct template_value *tv = calloc(PH_COUNT, sizeof *tv);
		char *out = NULL;

		if (tv == NULL) {
			rc = PC_ENOMEM;
		} else {
			for (size_t i = 0; i < PH_COUNT; i++)
				tv[i].name = placeholders[i].name;
			for (size_t i = 0; i < nv && rc == PC_OK; i++)
				if (!offered(v[i]))
					rc = with_path(
						template_render(
							src, len, TEMPLATE_TEXT,
							tv, PH_COUNT, &out,
							NULL, cause),
						t, cause);
			free(out);
			free(tv);
		}
	}
	free(src);
	if (rc != PC_OK || names == NULL)
		template_names_free(v, nv);
	else {
		*names = v;
		*n = nv;
	}
	if (rc == PC_OK) {
		if (needs_appt != NULL)
			*needs_appt = appt;
		if (uses_missed != NULL)
			*uses_missed = missed;
	}
	return rc;
}

/*
 * `v` as Markdown shows it literally (malloc'd; NULL when out of memory):
 * a backslash before what CommonMark and GFM give a meaning to inside a
 * line (as export_md.c does), '#' for a value that starts a heading, and
 * the ':' of "scheme://" that GFM would link.
 */
static char *md_literal(const char *v)
{
	static const char special[] = "\\`*_[]<>&|~#";
	size_t n = 0;
	char *out, *o;

	for (const char *p = v; *p; p++)
		n += strchr(special, *p) || *p == ':' ? 2 : 1;
	if ((out = o = malloc(n + 1)) == NULL)
		return NULL;
	for (const char *p = v; *p; p++) {
		if (strchr(special, *p) != NULL ||
		    (*p == ':' && strncmp(p + 1, "//", 2) == 0))
			*o++ = '\\';
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

int letter_render(const struct letter_template *t,
		  const struct letter_values *lv, char **out, size_t *len,
		  char **cause)
{
	struct template_value *md = NULL;
	char *src;
	size_t n;
	int rc = letter_read(t, &src, &n, cause);

	*out = NULL;
	if (rc != PC_OK)
		return rc;
	/* Markdown: every value escaped, so that a name stays text. */
	if (strcmp(letter_ext(t), "md") == 0) {
		if ((md = calloc(lv->n, sizeof *md)) == NULL)
			rc = PC_ENOMEM;
		for (size_t i = 0; rc == PC_OK && i < lv->n; i++) {
			md[i].name = lv->v[i].name;
			if (lv->v[i].value != NULL &&
			    (md[i].value = md_literal(lv->v[i].value)) == NULL)
				rc = PC_ENOMEM;
		}
	}
	if (rc == PC_OK)
		rc = template_render(src, n,
				     letter_is_fodt(t) ? TEMPLATE_XML
						       : TEMPLATE_TEXT,
				     md ? md : lv->v, lv->n, out, len, cause);
	for (size_t i = 0; md != NULL && i < lv->n; i++)
		free((char *)md[i].value);
	free(md);
	free(src);
	return with_path(rc, t, cause);
}

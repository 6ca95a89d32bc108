/* letter_make.c: a letter made for one participant, and letters written
 * to files whole or not at all. */
#include "atomic.h"
#include "error.h"
#include "i18n.h"
#include "letter.h"
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void letter_doc_clear(struct letter_doc *d)
{
	if (d == NULL)
		return;
	free(d->file);
	free(d->text);
	memset(d, 0, sizeof *d);
	d->appt_date = DATE_NONE;
}

static const struct appointment *appt_of(const struct participant_file *f,
					 uint64_t id)
{
	for (size_t i = 0; i < f->n_appts; i++)
		if (f->appts[i].id == id)
			return &f->appts[i];
	return NULL;
}

/* Which appointment the letter is about; *a NULL for none. */
static int choose(struct store_txn *txn, const struct participant_file *f,
		  const struct letter_template *t, uint64_t appt, pdate today,
		  const struct appointment **a, char **cause)
{
	bool needs = false, missed = false;
	int rc;

	*a = NULL;
	if (appt != 0) {
		struct appointment other;

		if ((*a = appt_of(f, appt)) != NULL)
			return PC_OK;
		appointment_init(&other);
		rc = store_appointment_get(txn, appt, &other);
		appointment_clear(&other);
		if (rc == PC_ENOTFOUND)
			return error_set(cause, rc, _("no appointment %llu"),
					 (unsigned long long)appt);
		return rc != PC_OK ? rc
				   : error_set(cause, PC_EINVAL,
					       _("appointment %llu is not "
						 "this participant's"),
					       (unsigned long long)appt);
	}
	rc = letter_check(t, NULL, NULL, &needs, &missed, cause);
	if (rc != PC_OK)
		return rc;
	if (needs) {
		*a = letter_next_planned(f, today);
		if (*a == NULL)
			return error_set(cause, PC_EINVAL,
					 _("%s: participant %llu has no "
					   "appointment planned from today; "
					   "name one with --appointment"),
					 t->file, (unsigned long long)f->p.id);
	} else if (missed) {
		*a = letter_last_missed(f);
	}
	return PC_OK;
}

int letter_make(struct store *s, const struct config *c,
		const struct letter_template *t, uint64_t pid, uint64_t appt,
		pdate today, struct letter_doc *out, char **cause)
{
	struct participant_file f = { 0 };
	struct store_txn *txn = NULL;
	const struct appointment *a = NULL;
	struct letter_values lv = { 0 };
	char *name = NULL, date[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof *out);
	out->appt_date = DATE_NONE;
	if ((rc = store_read_begin(s, &txn, cause)) != PC_OK)
		return rc;
	rc = store_file_load(txn, pid, &f);
	if (rc == PC_ENOTFOUND)
		error_set(cause, rc, _("no participant %llu"),
			  (unsigned long long)pid);
	if (rc == PC_OK)
		rc = choose(txn, &f, t, appt, today, &a, cause);
	store_read_end(&txn);
	if (rc == PC_OK)
		rc = letter_values_make(c, &f, a, today, &lv);
	if (rc == PC_OK)
		rc = letter_render(t, &lv, &out->text, &out->len, cause);
	if (rc == PC_OK && (name = letter_name(t)) == NULL)
		rc = PC_ENOMEM;
	if (rc == PC_OK) {
		out->participant = pid;
		out->appt = a ? a->id : 0;
		out->appt_date = a ? a->date : DATE_NONE;
		if ((a ? asprintf(&out->file, "%s-%s-P%llu-%llu.%s", name,
				  date_format_iso(a->date, date),
				  (unsigned long long)pid,
				  (unsigned long long)a->id, letter_ext(t))
		       : asprintf(&out->file, "%s-P%llu.%s", name,
				  (unsigned long long)pid, letter_ext(t))) <
		    0) {
			out->file = NULL;
			rc = PC_ENOMEM;
		}
	}
	free(name);
	letter_values_free(&lv);
	participant_file_clear(&f);
	if (rc != PC_OK)
		letter_doc_clear(out);
	return rc;
}

int letter_save(const char *path, const char *text, size_t len, char **cause)
{
	struct atomic_file af;
	int rc = atomic_open(&af, path, cause);

	if (rc != PC_OK)
		return rc;
	if (len > 0 && fwrite(text, 1, len, af.f) != len) {
		int e = errno;

		atomic_abort(&af);
		return error_set(cause,
				 e == ENOSPC || e == EDQUOT ? PC_EFULL : PC_EIO,
				 "%s: %s", path, strerror(e));
	}
	return atomic_commit(&af, cause);
}

#define TMP_PREFIX ".parcours-letters-"

/* How long a temporary directory of a batch has not changed before it is
 * taken for one a killed batch left (a batch writes a letter in far less). */
#define STALE_SECONDS 600

/*
 * Remove what a batch killed outright (kill -9, a crash, the power)
 * left in `dir`: its temporary directories, ours, not changed for
 * STALE_SECONDS, with the letters in them, so that no copy of the
 * letters stays hidden there. One being written now is left be.
 */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	while (d != NULL && (e = readdir(d)) != NULL) {
		struct stat st;
		int fd;
		DIR *in;
		struct dirent *f;

		if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0 ||
		    strlen(e->d_name) != strlen(TMP_PREFIX) + 6 ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) !=
			    0 ||
		    !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
		    now - st.st_mtime < STALE_SECONDS)
			continue;
		fd = openat(dirfd(d), e->d_name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
		if (fd < 0 || (in = fdopendir(fd)) == NULL) {
			if (fd >= 0)
				close(fd);
			continue;
		}
		while ((f = readdir(in)) != NULL) {
			struct stat fs;

			if (fstatat(fd, f->d_name, &fs, AT_SYMLINK_NOFOLLOW) ==
				    0 &&
			    S_ISREG(fs.st_mode))
				unlinkat(fd, f->d_name, 0);
		}
		closedir(in);
		unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
	}
	if (d != NULL)
		closedir(d);
}

/* Whether a signal that ends the program (Ctrl-C, the terminal closed, a
 * kill) waits, blocked by the caller until the batch is whole. */
static bool stop_asked(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	sigset_t set;

	if (sigpending(&set) != 0)
		return false;
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (sigismember(&set, sigs[i]) == 1)
			return true;
	return false;
}

int letter_batch_open(struct letter_batch *b, const char *dir, char **cause)
{
	memset(b, 0, sizeof *b);
	/* A directory named for the letters: made when it is not there. */
	if (mkdir(dir, 0700) == 0)
		b->made_dir = true;
	else if (errno != EEXIST)
		return error_set(cause, errno == ENOSPC ? PC_EFULL : PC_EIO,
				 "%s: %s", dir, strerror(errno));
	remove_stale(dir);
	if ((b->dir = strdup(dir)) == NULL ||
	    asprintf(&b->tmp, "%s/" TMP_PREFIX "XXXXXX", dir) < 0) {
		free(b->dir);
		memset(b, 0, sizeof *b);
		return PC_ENOMEM;
	}
	if (mkdtemp(b->tmp) == NULL) {
		int e = errno;

		if (b->made_dir)
			rmdir(dir);
		free(b->dir);
		free(b->tmp);
		memset(b, 0, sizeof *b);
		return error_set(cause, e == ENOSPC ? PC_EFULL : PC_EIO,
				 "%s: %s", dir, strerror(e));
	}
	return PC_OK;
}

int letter_batch_put(struct letter_batch *b, const struct letter_doc *d,
		     char **cause)
{
	char *p;
	int rc;

	if (stop_asked())
		return error_set(cause, PC_EIO, "%s",
				 _("interrupted: no letter written"));
	if (asprintf(&p, "%s/%s", b->tmp, d->file) < 0)
		return PC_ENOMEM;
	rc = letter_save(p, d->text, d->len, cause);
	free(p);
	if (rc == PC_OK)
		b->put++;
	return rc;
}

/* Remove the files of docs[from..n-1] from the temporary directory,
 * then it, and forget the batch. */
static void batch_end(struct letter_batch *b, const struct letter_doc *docs,
		      size_t from, size_t n)
{
	for (size_t i = from; b->tmp != NULL && i < n; i++) {
		char *p;

		if (docs[i].file != NULL &&
		    asprintf(&p, "%s/%s", b->tmp, docs[i].file) >= 0) {
			unlink(p);
			free(p);
		}
	}
	if (b->tmp != NULL)
		rmdir(b->tmp);
	free(b->tmp);
	free(b->dir);
	memset(b, 0, sizeof *b);
}

void letter_batch_abort(struct letter_batch *b, const struct letter_doc *docs,
			size_t n)
{
	char *made = b->made_dir ? b->dir : NULL;

	b->dir = made != NULL ? NULL : b->dir;
	batch_end(b, docs, 0, n);
	if (made != NULL) {
		rmdir(made); /* empty: the letters were never moved in */
		free(made);
	}
}

int letter_batch_move(struct letter_batch *b, const struct letter_doc *docs,
		      size_t n, size_t *moved, char **cause)
{
	int rc = PC_OK;

	*moved = 0;
	for (size_t i = 0; i < n && rc == PC_OK; i++) {
		char *from, *to;

		if (asprintf(&from, "%s/%s", b->tmp, docs[i].file) < 0)
			rc = PC_ENOMEM;
		else if (asprintf(&to, "%s/%s", b->dir, docs[i].file) < 0) {
			free(from);
			rc = PC_ENOMEM;
		} else {
			if (rename(from, to) != 0)
				rc = error_set(cause, PC_EIO, "%s: %s", to,
					       strerror(errno));
			else
				(*moved)++;
			free(from);
			free(to);
		}
	}
	batch_end(b, docs, *moved, n);
	return rc;
}

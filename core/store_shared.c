/* store_shared.c: the files of a database a Unix group shares (a team on
 * one server): the directory setgid, mode 2770, owned by the group; the
 * files 0660; nothing for others, no symbolic link. What the database
 * records of its group is checked by store_open.c. */
#include "store_internal.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

/* A group's name for a message, copied into `buf` (getgrgid's is
 * overwritten by the next call); its number when it has none. */
const char *store_group_name(gid_t gid, char buf[64])
{
	const struct group *g = getgrgid(gid);

	if (g != NULL && g->gr_name != NULL)
		snprintf(buf, 64, "%s", g->gr_name);
	else
		snprintf(buf, 64, "%u", (unsigned)gid);
	return buf;
}

/* The user's login for a message. */
const char *store_login_name(void)
{
	const struct passwd *pw = getpwuid(getuid());

	return pw != NULL && pw->pw_name != NULL ? pw->pw_name : "?";
}

/* True when this process may act as a member of group `gid`. */
bool store_in_group(gid_t gid)
{
	gid_t *list;
	int n;
	bool found = false;

	if (geteuid() == 0 || getegid() == gid)
		return true;
	n = getgroups(0, NULL);
	if (n <= 0 || (list = calloc((size_t)n, sizeof *list)) == NULL)
		return false;
	n = getgroups(n, list);
	for (int i = 0; i < n && !found; i++)
		found = list[i] == gid;
	free(list);
	return found;
}

/*
 * A group's directory: setgid and open to the group. A personal one made
 * under a setgid parent inherits the bit but not the group's rights
 * (2700): it keeps the personal rules, as before teams.
 */
bool store_shared_mode(const struct stat *st)
{
	return S_ISDIR(st->st_mode) && (st->st_mode & S_ISGID) &&
	       (st->st_mode & 070);
}

/* True when `dir` is a real directory that is a group's. */
bool store_dir_is_shared(const char *dir)
{
	struct stat st;

	return lstat(dir, &st) == 0 && store_shared_mode(&st);
}

/* data.mdb and lock.mdb of a shared directory made 0660 when ours and
 * not so already (LMDB made them under the umask). */
int store_share_files(const char *dir)
{
	static const char *const files[] = { "data.mdb", "lock.mdb" };

	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if ((st.st_mode & 07777) != 0660 && st.st_uid == geteuid() &&
		    chmod(path, 0660) != 0)
			return PC_EIO;
	}
	return PC_OK;
}

int store_share_file(const char *dir, const char *path, char **cause)
{
	if (!store_dir_is_shared(dir) || chmod(path, 0660) == 0)
		return PC_OK;
	return error_set(cause, PC_EIO, "%s: chmod 660: %s", path,
			 strerror(errno));
}

/*
 * The data are personal: the directory must be a real directory (not a
 * symbolic link), ours, and closed to others; so must the files in it.
 * A shared one (gid not NO_GROUP): the group's, open to it, closed to
 * others. A wrong one is refused with what to do, never changed behind
 * the user's back (it may not even be theirs).
 */
static int check_path(const char *path, bool dir, long gid, char **cause)
{
	struct stat st;
	char b1[64], b2[64];

	if (lstat(path, &st) != 0)
		return errno == ENOENT && !dir
			       ? PC_OK
			       : error_set(cause, PC_EIO, "%s: %s", path,
					   strerror(errno));
	if (S_ISLNK(st.st_mode))
		return error_set(cause, PC_EIO,
				 _("%s: a symbolic link; parcours wants the "
				   "real path"),
				 path);
	if (dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
		return error_set(cause, PC_EIO,
				 dir ? _("%s: not a directory")
				     : _("%s: not a regular file"),
				 path);
	if (gid != NO_GROUP) {
		if (st.st_gid != (gid_t)gid)
			return error_set(cause, PC_EIO,
					 _("%s: group-owned by %s, not by the "
					   "database's group %s: chgrp %s %s"),
					 path, store_group_name(st.st_gid, b1),
					 store_group_name((gid_t)gid, b2), b2,
					 path);
		if ((st.st_mode & 007) || (st.st_mode & 060) != 060 ||
		    (dir && (st.st_mode & 070) != 070))
			return error_set(
				cause, PC_EIO,
				_("%s: mode %04o; a shared database is open "
				  "to its group and closed to others: chmod "
				  "%s %s"),
				path, (unsigned)(st.st_mode & 07777),
				dir ? "2770" : "660", path);
		return PC_OK;
	}
	if (st.st_uid != geteuid())
		return error_set(cause, PC_EIO,
				 _("%s: belongs to another user (uid %u); "
				   "refused"),
				 path, (unsigned)st.st_uid);
	if (st.st_mode & 077)
		return error_set(cause, PC_EIO,
				 _("%s: open to others (mode %03o); the data "
				   "are personal: chmod %s %s"),
				 path, (unsigned)(st.st_mode & 0777),
				 dir ? "700" : "600", path);
	return PC_OK;
}

/* The directory and its files checked; *gid gets the directory's group
 * when it is a shared one (setgid), NO_GROUP when personal. */
int store_check_paths(const char *dir, long *gid, char **cause)
{
	static const char *const files[] = { "data.mdb", "lock.mdb",
					     STORE_LOCK_FILE };
	struct stat st;
	char b[64];
	int rc;

	*gid = NO_GROUP;
	if (lstat(dir, &st) == 0 && store_shared_mode(&st)) {
		if (!store_in_group(st.st_gid))
			return error_set(
				cause, PC_EIO,
				_("%s: a database shared by group %s, which "
				  "%s is not in; an administrator adds them "
				  "(usermod -aG %s %s), then they log in "
				  "again"),
				dir, store_group_name(st.st_gid, b),
				store_login_name(), b, store_login_name());
		*gid = (long)st.st_gid;
	}
	rc = check_path(dir, true, *gid, cause);
	for (size_t i = 0; rc == PC_OK && i < 3; i++) {
		size_t n = strlen(dir) + strlen(files[i]) + 2;
		char *p = malloc(n);

		if (p == NULL)
			return error_set(cause, PC_ENOMEM, "out of memory");
		snprintf(p, n, "%s/%s", dir, files[i]);
		rc = check_path(p, false, *gid, cause);
		free(p);
	}
	return rc;
}

/* atomic.c: temporary file, fsync, rename. */
#include "atomic.h"
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int io_error(int err)
{
	return err == ENOSPC || err == EDQUOT || err == EFBIG ? PC_EFULL
							      : PC_EIO;
}

int atomic_open(struct atomic_file *af, const char *path, char **cause)
{
	size_t n = strlen(path) + sizeof ".XXXXXX";
	int fd;

	memset(af, 0, sizeof *af);
	af->path = strdup(path);
	af->tmp = malloc(n);
	if (af->path == NULL || af->tmp == NULL) {
		atomic_abort(af);
		return error_set(cause, PC_ENOMEM, "out of memory");
	}
	snprintf(af->tmp, n, "%s.XXXXXX", path);
	fd = mkstemp(af->tmp); /* mode 0600 */
	if (fd < 0) {
		int err = errno;

		free(af->tmp);
		af->tmp = NULL;
		atomic_abort(af);
		return error_set(cause, io_error(err),
				 _("%s: cannot write: %s"), path,
				 strerror(err));
	}
	af->f = fdopen(fd, "w");
	if (af->f == NULL) {
		close(fd);
		atomic_abort(af);
		return error_set(cause, PC_EIO, _("%s: cannot write: %s"), path,
				 strerror(errno));
	}
	return PC_OK;
}

int atomic_commit(struct atomic_file *af, char **cause)
{
	int err = 0;

	if (fflush(af->f) != 0 || ferror(af->f))
		err = errno ? errno : EIO;
	if (err == 0 && fsync(fileno(af->f)) != 0)
		err = errno;
	if (fclose(af->f) != 0 && err == 0)
		err = errno;
	af->f = NULL;
	if (err == 0 && rename(af->tmp, af->path) != 0)
		err = errno;
	if (err != 0) {
		int code = io_error(err);

		error_set(cause, code, _("%s: cannot write: %s"), af->path,
			  strerror(err));
		atomic_abort(af);
		return code;
	}
	free(af->tmp);
	af->tmp = NULL;
	atomic_abort(af);
	return PC_OK;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	if (af->tmp != NULL)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
}

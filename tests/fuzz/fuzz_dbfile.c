/* fuzz_dbfile.c: the checker on whole database files. Whatever the bytes,
 * store_check_file() (what restore runs on a backup) reports or accepts,
 * and never crashes: LMDB reads no page the walk did not find sound. */
#include "error.h"
#include "store.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void remove_file(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;
	int fd;

	if (path[0] == '\0') {
		snprintf(path, sizeof path, "/tmp/parcours-fuzz-%d.mdb",
			 (int)getpid());
		atexit(remove_file);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	close(fd);
	if (store_check_file(path, &cause) != PC_OK && cause == NULL)
		abort(); /* a refusal always says why */
	free(cause);
	return 0;
}

/* crc_driver.c: codec_crc32 of inputs read from stdin, for
 * tests/crc_property.py. One input a line, in hexadecimal (an empty line
 * is the empty input), starting OFFSET bytes into the buffer so that
 * every alignment is tried: "OFFSET HEX". One line out: the CRC in hex. */
#include "codec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nibble(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
				      : -1;
}

int main(void)
{
	static char line[(1 << 17) + 64];
	static unsigned char buf[1 << 16 | 16];

	while (fgets(line, sizeof line, stdin) != NULL) {
		char *hex;
		unsigned long off = strtoul(line, &hex, 10);
		size_t n = 0;

		if (off > 15 || *hex != ' ')
			return 2;
		hex++;
		while (nibble(hex[0]) >= 0 && nibble(hex[1]) >= 0 &&
		       n < sizeof buf - 16) {
			buf[off + n++] =
				(unsigned char)(nibble(hex[0]) << 4 |
						nibble(hex[1]));
			hex += 2;
		}
		printf("%08lx\n",
		       (unsigned long)codec_crc32(buf + off, n));
	}
	return ferror(stdin) || fflush(stdout) != 0;
}

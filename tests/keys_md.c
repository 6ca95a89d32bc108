/* keys_md.c: the README's key table, printed from the one key table of
 * tui/keys.c. `keys_md` prints it; `keys_md README.md` exits 1 when the
 * README's table (between its two "keys" comments) differs, 2 on error. */
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The README's names of the views (English: the README's language). */
static const char *const view_names[VIEW_COUNT] = {
	[VIEW_CASELOAD] = "caseload",
	[VIEW_AGENDA] = "agenda",
	[VIEW_DASHBOARD] = "dashboard",
	[VIEW_PARTICIPANT] = "participant",
	[VIEW_HELP] = "help",
	[VIEW_NOTE] = "note",
};

/* Every view's bit. */
static unsigned every_view(void)
{
	return (1u << VIEW_COUNT) - 1;
}

/* The row's name for the views of `mask`: "everywhere", or their names. */
static void row_name(unsigned mask, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	if ((mask & every_view()) == every_view()) {
		snprintf(buf, size, "everywhere");
		return;
	}
	for (int v = 0; v < VIEW_COUNT && used < size; v++)
		if (mask & (1u << v))
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
						 used ? ", " : "",
						 view_names[v] ? view_names[v]
							       : "?");
}

/* One row per set of views, in the order the table first names it: the
 * keys of exactly those views. */
static void table(FILE *out)
{
	size_t n;
	const struct binding *b = keys_table(&n);

	fputs("| where | keys |\n|---|---|\n", out);
	for (size_t i = 0; i < n; i++) {
		char name[200];
		bool seen = false;

		for (size_t j = 0; j < i && !seen; j++)
			seen = b[j].views == b[i].views;
		if (seen)
			continue;
		row_name(b[i].views, name, sizeof name);
		fprintf(out, "| %s | ", name);
		for (size_t j = i, first = 1; j < n; j++) {
			if (b[j].views != b[i].views)
				continue;
			fprintf(out, "%s`%s` %s", first ? "" : "; ",
				b[j].label, b[j].help);
			first = 0;
		}
		fputs(" |\n", out);
	}
}

int main(int argc, char **argv)
{
	static const char begin[] = "<!-- keys: made by tests/keys_md.c -->\n";
	static const char end[] = "<!-- /keys -->\n";
	char *text = NULL, *want = NULL, *a, *z;
	size_t len = 0, wlen = 0;
	FILE *f, *mem;
	int status;

	if (argc < 2) {
		table(stdout);
		return 0;
	}
	f = fopen(argv[1], "r");
	mem = open_memstream(&want, &wlen);
	if (f == NULL || mem == NULL) {
		perror(argv[1]);
		return 2;
	}
	table(mem);
	fclose(mem);
	text = malloc(1 << 20);
	if (text == NULL)
		return 2;
	len = fread(text, 1, (1 << 20) - 1, f);
	text[len] = '\0';
	fclose(f);
	a = strstr(text, begin);
	z = a ? strstr(a, end) : NULL;
	if (a == NULL || z == NULL) {
		fprintf(stderr, "%s: no keys table between '%.*s' and '%.*s'\n",
			argv[1], (int)strlen(begin) - 1, begin,
			(int)strlen(end) - 1, end);
		status = 2;
	} else {
		a += strlen(begin);
		status = (size_t)(z - a) == wlen && memcmp(a, want, wlen) == 0
				 ? 0
				 : 1;
		if (status)
			fprintf(stderr,
				"%s: the key table differs from tui/keys.c; "
				"paste the output of keys_md:\n%s",
				argv[1], want);
	}
	free(text);
	free(want);
	return status;
}

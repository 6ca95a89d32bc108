#!/bin/sh
# run_dbfile.sh PARCOURS TARGET SECONDS: fuzz_dbfile's seed corpus is made
# now by the parcours being tested, so it is always of the current format:
# a compact backup of a small demo database (53 KB) and the database file
# itself, with its list of free pages (64 KB). Then run.sh fuzzes from it.
set -u
parcours=$1 target=$2 seconds=$3
seeds=$(mktemp -d "${TMPDIR:-/tmp}/parcours-fuzz-seed-XXXXXX")
mkdir -m 700 "$seeds/db" "$seeds/corpus"
HOME=$seeds "$parcours" --db "$seeds/db" --today 2026-11-26 \
	demo --participants 3 --seed 1 >/dev/null &&
	HOME=$seeds "$parcours" --db "$seeds/db" backup "$seeds/corpus/backup.mdb" >/dev/null &&
	cp "$seeds/db/data.mdb" "$seeds/corpus/data.mdb" ||
	{ echo "run_dbfile.sh: the seed database could not be made"; rm -rf "$seeds"; exit 1; }
sh "$(dirname "$0")/run.sh" "$target" "$seeds/corpus" "$seconds"
status=$?
rm -rf "$seeds"
exit $status

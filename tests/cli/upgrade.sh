#!/usr/bin/env bash
# cli/upgrade.sh: a database made by the previous release (0.1, tests/
# fixtures/release-0.1.mdb: `demo --participants 12 --seed 7 --today
# 2026-11-26`, then `backup`) opens in this one without a migration: it
# checks whole, lists the same people, reads jobs without the end reason
# they could not hold, takes changes, and the old lock file beside it is
# no obstacle; a backup of 0.1 restores. (test_fse.c checks the schema
# number: 1 while only read, 2 from the first write open.)
. "$(dirname "$0")/../lib.sh"

mkdir -m 700 "$DB"
cp "$SRC/tests/fixtures/release-0.1.mdb" "$DB/data.mdb"
chmod 600 "$DB/data.mdb"
: >"$DB/parcours.lock" && chmod 600 "$DB/parcours.lock"

run check-old 0 --db "$DB" check
run list-old 0 --db "$DB" --today $T list --all --exited --format tsv
same "the same people" "$(cut -f1-3 "$WORK/out")" "$(cat "$SRC/tests/fixtures/release-0.1-names.tsv")"
run dump-old 0 --db "$DB" --today $T dump
cp "$WORK/out" "$WORK/dump.json"
same "jobs read, no end reason yet" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
jobs = [j for p in d["participants"] for j in p["jobs"]]
print(len(jobs) > 0, all(j["end_reason"] is None for j in jobs))' "$WORK/dump.json")" "True True"
run hold-old 0 --db "$DB" --today $T hold 1
run erase-old 0 --db "$DB" --today $T erase 2
run check-after 0 --db "$DB" check
run load-back 0 --db "$WORK/copy" --today $T load "$WORK/dump.json"
run restore-old 0 --db "$WORK/restored" --today $T restore "$SRC/tests/fixtures/release-0.1.mdb"
run check-restored 0 --db "$WORK/restored" check
run list-restored 0 --db "$WORK/restored" --today $T list --all --exited --format tsv
same "restored, the same people" "$(cut -f1-3 "$WORK/out")" "$(cat "$SRC/tests/fixtures/release-0.1-names.tsv")"

finish

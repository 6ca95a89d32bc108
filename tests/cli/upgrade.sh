#!/usr/bin/env bash
# cli/upgrade.sh: a database made by the previous release (0.1, tests/
# fixtures/release-0.1.mdb: `demo --participants 12 --seed 7 --today
# 2026-11-26`, then `backup`) opens in this one without a migration: it
# checks whole, lists the same people, reads jobs without the end reason
# they could not hold, makes each participant's first entry answers of
# the funder's questionnaire from the identity fields 0.1 held, takes
# changes, and the old lock file beside it is
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
same "first entry answers from the identity fields" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
labour = {"unemployed": ("unemployed", None),
          "long-term-unemployed": ("unemployed", 12),
          "inactive": ("inactive", None), "employed": ("employed", None)}
bad = 0
for p in d["participants"]:
    want = (p["gender"], p["education"]) + labour.get(p["employment"], (None, None))
    want = tuple(None if v in ("", "unknown") else v for v in want)
    e = p.get("fse_entries", [])
    if any(v is not None for v in want):
        e = e[0] if len(e) == 1 else {}
        got = (e.get("gender"), e.get("education"), e.get("labour"),
               e.get("unemployed_months"))
        ok = got == want and e.get("date") == p["entry_date"] and \
            all(e.get(k) is None for k in ("disability", "third_country",
                "foreign_background", "minority", "homeless", "rural", "qpv"))
    else:
        ok = e == []
    bad += not ok
print(len(d["participants"]), bad)' "$WORK/dump.json")" "14 0"
run hold-old 0 --db "$DB" --today $T hold 1
run erase-old 0 --db "$DB" --today $T erase 2
run check-after 0 --db "$DB" check
run load-back 0 --db "$WORK/copy" --today $T load "$WORK/dump.json"
# A dump of 0.1 (no questionnaires, schema 1) loads with the same first
# entry answers the upgrade made.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["schema_version"] = 1
for p in d["participants"]:
    p.pop("fse_entries", None)
json.dump(d, open(sys.argv[2], "w"))' "$WORK/dump.json" "$WORK/old-dump.json"
run load-old-dump 0 --db "$WORK/from-old" --today $T load "$WORK/old-dump.json"
run dump-from-old 0 --db "$WORK/from-old" --today $T dump
same "an older dump's identity fields as first entry answers" "$(python3 -c '
import json, sys
a, b = (json.load(open(f))["participants"] for f in sys.argv[1:3])
print([p.get("fse_entries") for p in a] == [p.get("fse_entries") for p in b])' "$WORK/dump.json" "$WORK/out")" True
run restore-old 0 --db "$WORK/restored" --today $T restore "$SRC/tests/fixtures/release-0.1.mdb"
run check-restored 0 --db "$WORK/restored" check
run list-restored 0 --db "$WORK/restored" --today $T list --all --exited --format tsv
same "restored, the same people" "$(cut -f1-3 "$WORK/out")" "$(cat "$SRC/tests/fixtures/release-0.1-names.tsv")"

finish

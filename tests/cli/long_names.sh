#!/usr/bin/env bash
# cli/long_names.sh: no field is cut in an export, and every export is
# valid UTF-8: a last name of 100 "é" (200 bytes, the longest a name may
# be) and a first name of two- and three-byte characters, flagged so that
# they show in every table of the report, come out whole in CSV, JSON,
# Markdown and HTML, and each file reads back.
. "$(dirname "$0")/../lib.sh"

LONG=$(python3 -c 'print("é" * 100)')
FIRST=$(python3 -c 'print("Ŀ€" * 39)')
IMP=$WORK/imp
mkdir -p "$IMP"
{
	echo "nom,prenom,date_naissance,date_entree"
	for i in 1 2 3; do echo "$LONG,$FIRST$i,1980-01-0$i,2025-01-12"; done
} >"$IMP/in.csv"
run import 0 --db "$DB" --today $T import "$IMP/in.csv"

for f in csv json md html; do
	run "export $f" 0 --db "$DB" --today $T export --format $f --output "$WORK/out.$f"
done
same "long names whole" "$(python3 - "$WORK" "$LONG" "$FIRST" <<'PY'
import csv, html.parser, json, sys
work, last, first = sys.argv[1], sys.argv[2], sys.argv[3]
bad = []
def read(f):
    try:
        return open(f"{work}/out.{f}", encoding="utf-8").read()
    except UnicodeDecodeError as e:
        bad.append(f"{f}: not UTF-8: {e}")
        return open(f"{work}/out.{f}", encoding="utf-8", errors="replace").read()
rows = list(csv.DictReader(read("csv").splitlines()))
if sorted((r["last_name"], r["first_name"]) for r in rows) != [(last, first + str(i)) for i in (1, 2, 3)]:
    bad.append("csv")
try:
    d = json.loads(read("json"))
    if sorted((p["last_name"], p["first_name"]) for p in d["participants"]) != [(last, first + str(i)) for i in (1, 2, 3)]:
        bad.append("json")
except ValueError as e:
    bad.append(f"json: {e}")
# The report names each participant in its table of participants and in
# the list of those needing attention (all three, in one cell).
everyone = ", ".join(f"{last} {first}{i}" for i in (1, 2, 3))
md = read("md")
if md.count(f"{last} {first}1") < 2 or everyone not in md:
    bad.append("md")
page = read("html")
if page.count(f"{last} {first}1") < 2 or everyone not in page:
    bad.append("html")
print(bad)
PY
)" "[]"
# list and attention: valid UTF-8 too (names cut to a column, with "…").
for c in list attention "list --format tsv"; do
	# shellcheck disable=SC2086
	run "$c" 0 --db "$DB" --today $T $c
	python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$WORK/out" && ok || ko "$c: not UTF-8"
done

finish

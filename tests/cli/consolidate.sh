#!/usr/bin/env bash
# cli/consolidate.sh: the database's identifier in `check` and in every
# JSON export with an export number that grows; `consolidate` of three
# referents' exports (pseudonymised ones among them) whose totals Python
# recomputes from the files; each anomaly reported (the same export twice,
# overlapping periods of one database, a participant of one database in
# two files); files refused with status 2 and their name; CSV, Markdown,
# HTML and --output; every export and the consolidated output valid
# against docs/export.schema.json and docs/consolidate.schema.json
# (Python's jsonschema, Draft 2020-12).
. "$(dirname "$0")/../lib.sh"

# Python's jsonschema (Debian's python3-jsonschema), installed when
# missing if we may; the schema checks are skipped otherwise, with a word.
PY=/usr/bin/python3
schema=yes
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 &&
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null 2>&1; }
	fi
	$PY -c 'import jsonschema' 2>/dev/null || {
		schema=
		echo "SKIP: $TEST_NAME: no python3-jsonschema (apt-get install python3-jsonschema as root); the schema checks are left out" >&2
	}
fi
# valid SCHEMA FILE...: the schema is a valid Draft 2020-12 schema and
# every file follows it.
valid() {
	[ -n "$schema" ] || return 0
	local s=$1
	shift
	if out=$($PY - "$SRC/docs/$s" "$@" 2>&1 <<'PY'
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = []
for f in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(f))):
        bad.append("%s: %s: %s" % (f, "/".join(map(str, e.absolute_path)), e.message[:200]))
print("\n".join(bad[:10]))
sys.exit(1 if bad else 0)
PY
	); then ok; else ko "not valid against docs/$s: $out"; fi
}

# Three referents, each on a database of their own (seeds 1 to 3).
for i in 1 2 3; do
	printf 'referent: "Référent %s"\n' "$i" >"$WORK/c$i.yaml"
	"$BIN" --db "$WORK/db$i" --config "$WORK/c$i.yaml" --today $T demo --seed $i >/dev/null ||
		ko "demo --seed $i failed"
done
X() { local i=$1; shift; "$BIN" --db "$WORK/db$i" --config "$WORK/c$i.yaml" --today $T "$@"; }
X 1 export --format json >"$WORK/e1.json"
X 2 export --format json --pseudonymise >"$WORK/e2.json"
X 3 export --format json --pseudonymise --with-sensitive >"$WORK/e3.json"
X 1 export --format json --all >"$WORK/all.json"
"$BIN" --db "$WORK/empty" --today $T init >/dev/null
"$BIN" --db "$WORK/empty" --today $T export --format json >"$WORK/empty.json"

# The identifier `check` shows is the export's; the number grows.
X 1 check >"$WORK/check.out"
id1=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["database_id"])' "$WORK/e1.json")
grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' <<<"$id1" && ok || ko "database_id not a UUID: $id1"
grep -qx "$WORK/db1: database id $id1" "$WORK/check.out" && ok ||
	ko "check does not show the export's id $id1: $(cat "$WORK/check.out")"
seqno() { $PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["export_sequence"])' "$1"; }
s1=$(seqno "$WORK/e1.json") sa=$(seqno "$WORK/all.json")
[ "$sa" -gt "$s1" ] && ok || ko "export_sequence did not grow: $s1 then $sa"
X 1 export --format json --output "$WORK/again.json" 2>/dev/null
[ "$(seqno "$WORK/again.json")" -eq $((sa + 1)) ] && ok || ko "export_sequence not $((sa + 1)) after $sa"
[ "$(stat -c %a "$WORK/again.json")" = 600 ] && ok || ko "export --output not 0600"
# Another database has another identifier; a backup keeps it.
[ "$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["database_id"])' "$WORK/e2.json")" != "$id1" ] && ok ||
	ko "two databases with one identifier"

# Every export follows the published schema.
valid export.schema.json "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" "$WORK/all.json" \
	"$WORK/empty.json" "$WORK/again.json"

# The three consolidated: totals equal to the sum of the files.
run consolidate 0 consolidate "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" --format json
err_empty consolidate
cp "$WORK/out" "$WORK/cons.json"
same "totals" "$($PY - "$WORK/cons.json" "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
ins = [json.load(open(f)) for f in sys.argv[2:]]
t = c["totals"]
def want(get): return sum(get(d) for d in ins)
checks = {
    "caseload": want(lambda d: d["caseload"]["size"]),
    "needing_attention": want(lambda d: d["caseload"]["needing_attention"]),
    "after_exit": want(lambda d: d["caseload"]["after_exit"]),
    "entries": want(lambda d: d["period"]["entries"]),
    "exits": want(lambda d: d["period"]["exits"]),
    "positive_exits": want(lambda d: d["period"]["positive_exits"]),
}
bad = [k for k, v in checks.items() if t[k] != v]
ex, pos = checks["exits"], checks["positive_exits"]
if t["positive_rate"] != ((pos * 100 + ex // 2) // ex if ex else None): bad.append("rate")
stages = {}
for d in ins:
    for s in d["stages"]: stages[s["id"]] = stages.get(s["id"], 0) + s["count"]
if {s["id"]: s["count"] for s in t["stages"]} != stages: bad.append("stages")
flags = {}
for d in ins:
    for f in d["flags"]: flags[f["name"]] = flags.get(f["name"], 0) + f["count"]
if {f["name"]: f["count"] for f in t["flags"]} != flags: bad.append("flags")
ind = {}
for d in ins:
    for k, v in d["fse_indicators"]["indicators"].items():
        ind.setdefault(k, [0, 0, 0, 0])
        for i, s in enumerate(("women", "men", "non_binary", "total")): ind[k][i] += v[s]
got = {k: [v["women"], v["men"], v["non_binary"], v["total"]] for k, v in c["fse_indicators"]["indicators"].items()}
if got != ind: bad.append("indicators")
# e2 is pseudonymised without the sensitive answers: their lines sum two files.
if c["fse_indicators"]["sensitive_included"]: bad.append("sensitive_included")
# Each file a row of its own, with its period, summing to the totals.
if [f["path"] for f in c["files"]] != sys.argv[2:]: bad.append("files")
for f, d in zip(c["files"], ins):
    if (f["from"], f["to"], f["referent"], f["caseload"], f["database_id"], f["export_sequence"]) != \
       (d["period"]["from"], d["period"]["to"], d["referent"], d["caseload"]["size"], d["database_id"], d["export_sequence"]):
        bad.append("row " + f["path"])
if c["anomalies"]: bad.append("anomalies")
print(" ".join(bad) or "ok", checks["caseload"] > 0)
PY
)" "ok True"
valid consolidate.schema.json "$WORK/cons.json"

# Anomalies: listed in the output and on stderr, never resolved.
cp "$WORK/e1.json" "$WORK/e1-copy.json"
run dup 0 consolidate "$WORK/e1.json" "$WORK/e2.json" "$WORK/e1-copy.json" --format json
err_has dup "anomaly: .*e1.json and .*e1-copy.json: the same export"
cp "$WORK/out" "$WORK/dup.json"
kinds() { $PY -c 'import json, sys; print(" ".join(sorted(set(a["kind"] for a in json.load(open(sys.argv[1]))["anomalies"]))))' "$1"; }
same "duplicate reported" "$(kinds "$WORK/dup.json")" "duplicate_export"
same "duplicate counted twice, said so" "$($PY -c '
import json, sys
c = json.load(open(sys.argv[1])); e = json.load(open(sys.argv[2]))
print(c["totals"]["caseload"] == 2 * e["caseload"]["size"] + json.load(open(sys.argv[3]))["caseload"]["size"])' \
	"$WORK/dup.json" "$WORK/e1.json" "$WORK/e2.json")" True
# One database exported for two overlapping periods.
X 1 export --format json --from 2026-01-01 --to 2026-06-30 >"$WORK/h1.json"
X 1 export --format json --from 2026-06-01 --to 2026-12-31 >"$WORK/h2.json"
run overlap 0 consolidate "$WORK/h1.json" "$WORK/h2.json" --format json
err_has overlap "anomaly: .*h1.json (2026-01-01 to 2026-06-30) and .*h2.json (2026-06-01 to 2026-12-31): two exports of database $id1 whose periods overlap"
cp "$WORK/out" "$WORK/overlap.json"
same "overlap reported" "$(kinds "$WORK/overlap.json")" "overlapping_periods shared_participants"
# Periods apart: no overlap, but the same participants in both files.
X 1 export --format json --from 2026-07-01 --to 2026-12-31 >"$WORK/h3.json"
run shared 0 consolidate "$WORK/h1.json" "$WORK/h3.json" --format json
cp "$WORK/out" "$WORK/shared.json"
same "shared reported" "$(kinds "$WORK/shared.json")" "shared_participants"
same "shared ids" "$($PY -c '
import json, sys
c = json.load(open(sys.argv[1]))
a, b = (set(p["id"] for p in json.load(open(f))["participants"]) for f in sys.argv[2:])
print(c["anomalies"][0]["participants"] == sorted(a & b) and len(a & b) > 0)' "$WORK/shared.json" "$WORK/h1.json" "$WORK/h3.json")" True
err_has shared "participants of database $id1 in both"
# Two referents of one shared database, each their own caseload for the
# same year: no anomaly; the same with the export of every referent:
# overlapping periods, and their participants in both.
"$BIN" --db "$WORK/shared" --today $T demo --seed 4 --participants 160 >/dev/null
"$BIN" --db "$WORK/shared" --today $T export --all --format json >"$WORK/s-all.json"
i=0
while read -r name; do
	i=$((i + 1))
	"$BIN" --db "$WORK/shared" --today $T --referent "$name" export --format json >"$WORK/s$i.json"
done < <($PY -c 'import json, sys; print("\n".join(r["name"] for r in json.load(open(sys.argv[1]))["referents"]))' "$WORK/s-all.json")
same "two referents" "$i" 2
run referents 0 consolidate "$WORK/s1.json" "$WORK/s2.json" --format json
err_empty referents
cp "$WORK/out" "$WORK/referents.json"
same "referents: no anomaly" "$(kinds "$WORK/referents.json")" ""
same "referents: the whole database" "$($PY -c '
import json, sys
c = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
print(c["totals"]["caseload"] == a["caseload"]["size"], c["totals"]["exits"] == a["period"]["exits"])' "$WORK/referents.json" "$WORK/s-all.json")" "True True"
run with-all 0 consolidate "$WORK/s1.json" "$WORK/s-all.json" --format json
cp "$WORK/out" "$WORK/with-all.json"
same "with --all" "$(kinds "$WORK/with-all.json")" "overlapping_periods shared_participants"
# The export of every referent split into its referents' rows.
same "referents' rows" "$($PY -c '
import json, sys
c = json.load(open(sys.argv[1])); s1 = json.load(open(sys.argv[2])); a = json.load(open(sys.argv[3]))
want = [(s1["referent"], sys.argv[2], s1["caseload"]["size"])] + [(r["name"], sys.argv[3], r["caseload"]) for r in a["referents"]]
print([(r["name"], r["file"], r["caseload"]) for r in c["referents"]] == want)' "$WORK/with-all.json" "$WORK/s1.json" "$WORK/s-all.json")" True
valid consolidate.schema.json "$WORK/dup.json" "$WORK/overlap.json" "$WORK/shared.json" \
	"$WORK/referents.json" "$WORK/with-all.json"

# Refused, status 2, the file named: an unknown schema_version, a JSON
# that is no export, a file that is no JSON, a missing file (status 1).
sed 's/"schema_version": 1,/"schema_version": 99,/' "$WORK/e2.json" >"$WORK/future.json"
run future 2 consolidate "$WORK/e1.json" "$WORK/future.json"
err_has future "future.json: schema_version 99 is not one this parcours reads (1)"
[ ! -s "$WORK/out" ] && ok || ko "future: something written"
echo '{"participants": []}' >"$WORK/other.json"
run other 2 consolidate "$WORK/other.json"
err_has other "other.json: not a parcours export"
echo 'id,name' >"$WORK/text.json"
run text 2 consolidate "$WORK/e1.json" "$WORK/text.json"
err_has text "text.json: not a parcours export"
run missing 1 consolidate "$WORK/nosuch.json"
err_has missing "nosuch.json"
run none 2 consolidate
run format 2 consolidate "$WORK/e1.json" --format pdf
err_has format "'pdf' is not a format"

# --output: atomic, 0600, the same as standard output; a failure leaves
# nothing.
run output 0 consolidate "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" --format json --output "$WORK/t.json"
[ "$(stat -c %a "$WORK/t.json")" = 600 ] && ok || ko "consolidate --output not 0600"
cmp -s "$WORK/t.json" "$WORK/cons.json" && ok || ko "--output differs from standard output"
run nodir 1 consolidate "$WORK/e1.json" --output "$WORK/no/such/t.md"
[ ! -e "$WORK/no" ] && ok || ko "nodir left something"

# CSV: read back, a row per file, the total row their sum.
run csv 0 consolidate "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" --format csv
same "csv" "$($PY - "$WORK/out" "$WORK/cons.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
c = json.load(open(sys.argv[2]))
files = [r for r in rows if r["row"] == "file"]
total = [r for r in rows if r["row"] == "total"][0]
ind = [r for r in rows if r["row"] == "indicator"]
ok = len(files) == 3 and all(len(r) == len(rows[0]) and None not in r for r in rows)
ok = ok and int(total["caseload"]) == c["totals"]["caseload"] == sum(int(r["caseload"]) for r in files)
ok = ok and [r["from"] + " " + r["to"] for r in files] == [f["from"] + " " + f["to"] for f in c["files"]]
for s in c["totals"]["stages"]:
    ok = ok and int(total["stage:" + s["id"]]) == s["count"]
ok = ok and {r["name"]: int(r["total"]) for r in ind} == {k: v["total"] for k, v in c["fse_indicators"]["indicators"].items()}
print(ok)
PY
)" True

# Markdown and HTML: the files and periods covered, the anomalies.
run md 0 consolidate "$WORK/e1.json" "$WORK/e1-copy.json" --format md
out_has md "# Territory summary"
out_has md "e1-copy.json | Référent 1 | $id1"
out_has md "2026-01-01 to 2026-12-31"
out_has md "given twice"
if command -v cmark-gfm >/dev/null; then
	cmark-gfm -e table "$WORK/out" | grep -q "<td>duplicate_export</td>" && ok || ko "md: no anomaly table for cmark-gfm"
fi
run html 0 consolidate "$WORK/e1.json" "$WORK/e2.json" "$WORK/e3.json" --format html --output "$WORK/t.html"
$PY - "$WORK/t.html" <<'PY' && ok || ko "html not well formed"
import sys, html.parser
void = {"meta", "rect", "br"}
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.stack = []
    def handle_starttag(s, t, a):
        if t not in void: s.stack.append(t)
    def handle_startendtag(s, t, a): pass
    def handle_endtag(s, t):
        if t in void: return
        assert s.stack and s.stack[-1] == t, (t, s.stack[-3:])
        s.stack.pop()
text = open(sys.argv[1]).read()
p = P(); p.feed(text); p.close()
assert p.stack == [], p.stack
assert text.count("<svg") == 1 and "http" not in text.replace("http://www.w3.org/2000/svg", "")
assert "e3.json" in text and "Référent 2" in text
PY
finish

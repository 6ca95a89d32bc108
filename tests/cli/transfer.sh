#!/usr/bin/env bash
# cli/transfer.sh: a participant handed from one machine to another. The
# file made by transfer-out holds everything (0600); the sender's
# caseload loses them, without an exit in its figures; transfer-in on the
# other database keeps every record (compared through `access`), under a
# new number and the receiving referent, the sender's kept as origin,
# without an entry in its figures; a second transfer-in, a file of the
# same database, a file holding two participants or a record load would
# refuse are refused, writing nothing.
. "$(dirname "$0")/../lib.sh"

make_db 1
A=$DB
B=$WORK/db-b
printf 'referent: "Karim Benali"\n' >"$WORK/b.yaml"
PB() { PARCOURS_CONFIG=$WORK/b.yaml "$BIN" --db "$B" --today $T "$@"; }
PB demo --seed 2 >/dev/null 2>&1
# The current participant with the most records of A.
id=$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
ps = [p for p in d["participants"] if p["status"] != "exited"]
best = max(ps, key=lambda p: sum(len(p.get(k, [])) for k in
           ("moves", "appointments", "jobs", "notes", "fse_entries")))
print(best["id"])')
figures() { python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["period"]["entries"], d["period"]["exits"])'; }
a_before=$(P export --format json | figures)
b_before=$(PB export --format json | figures)
planned=$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["id"] == '"$id"'][0]
print(sum(a["status"] == "planned" and a["date"] >= "'"$T"'" for a in p["appointments"]))')

run out 0 --db "$A" --today $T transfer-out "$id" --output "$WORK/t.json"
err_has out "transferred out"
same "file mode" "$(stat -c %a "$WORK/t.json")" 600
same "left the caseload" "$(P list --format tsv | awk -F'\t' -v id="$id" '$1 == id' | wc -l)" 0
same "transferred, appointments to come cancelled" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["id"] == '"$id"'][0]
print(p["status"], p["transferred"], sum(a["status"] == "planned" for a in p["appointments"]))')" "exited $T 0"
same "no exit in the sender's figures" "$(P export --format json | figures)" "$a_before"
same "journalled" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(any(j["participant"] == '"$id"' and "transferred out" in j["what"] and
          "'"$planned"' planned appointments cancelled" in j["what"] for j in d["journal"]))')" True
run out-again 2 --db "$A" --today $T transfer-out "$id" --output "$WORK/t2.json"
[ ! -e "$WORK/t2.json" ] && ok || ko "a second transfer-out wrote a file"

run in 0 --db "$B" --config "$WORK/b.yaml" --today $T transfer-in "$WORK/t.json"
new=$(sed -n 's/.* participant \([0-9]*\)\./\1/p' "$WORK/out")
[ -n "$new" ] && ok || ko "no new number said"
run access 0 --db "$B" --config "$WORK/b.yaml" --today $T access "$new"
same "every record kept" "$(python3 - "$WORK/t.json" "$WORK/out" <<'PY'
import json, sys
sent = json.load(open(sys.argv[1]))["participants"][0]
got = json.load(open(sys.argv[2]))["participant"]
def strip_ids(p):
    p = dict(p)
    for k in ("id", "referent", "origin"):
        p.pop(k, None)
    p["appointments"] = [{k: v for k, v in a.items() if k != "id"}
                         for a in p["appointments"]]
    return p
problems = [k for k in set(sent) | set(got) - {"id", "referent", "origin"}
            if k not in ("id", "referent", "origin") and
            strip_ids(sent).get(k) != strip_ids(got).get(k)]
print(problems, got["referent"], got["origin"] ==
      json.load(open(sys.argv[1]))["database_id"] + ":" + str(sent["id"]))
PY
)" "[] Karim Benali True"
same "no entry in the receiver's figures" "$(PB export --format json | figures)" "$b_before"
run check-b 0 --db "$B" check
# The transfer and the origin go through dump and load.
for side in a b; do
	if [ $side = a ]; then P dump >"$WORK/$side.json"; else PB dump >"$WORK/$side.json"; fi
	run load-$side 0 --db "$WORK/re-$side" load "$WORK/$side.json"
	"$BIN" --db "$WORK/re-$side" dump >"$WORK/re-$side.json"
	cmp -s "$WORK/$side.json" "$WORK/re-$side.json" && ok || ko "$side: load then dump differs"
done
grep -q '"origin": ' "$WORK/b.json" && grep -q '"transferred": ' "$WORK/a.json" && ok ||
	ko "the dumps lack origin or transferred"

# Refused, writing nothing.
sum_b=$(md5sum <"$B/data.mdb")
run twice 2 --db "$B" --config "$WORK/b.yaml" --today $T transfer-in "$WORK/t.json"
err_has twice "participant $id of that database is here already, as $new"
run same-db 2 --db "$A" --today $T transfer-in "$WORK/t.json"
err_has same-db "a file of this very database"
python3 - "$WORK/t.json" "$WORK/two.json" "$WORK/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
two = dict(d, participants=d["participants"] * 2)
json.dump(two, open(sys.argv[2], "w"))
bad = json.loads(json.dumps(d))
bad["database_id"] = "00000000-0000-0000-0000-000000000001"
bad["participants"][0]["appointments"][0]["date"] = "2026-02-30"
json.dump(bad, open(sys.argv[3], "w"))
PY
run two 2 --db "$B" --config "$WORK/b.yaml" --today $T transfer-in "$WORK/two.json"
err_has two "holds one participant"
run bad 2 --db "$B" --config "$WORK/b.yaml" --today $T transfer-in "$WORK/bad.json"
err_has bad "bad.json: line"
run dump-file 2 --db "$B" --config "$WORK/b.yaml" --today $T transfer-in "$SRC/tests/golden/export.json"
same "nothing written by the refusals" "$(md5sum <"$B/data.mdb")" "$sum_b"

finish

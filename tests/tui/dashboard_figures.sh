#!/usr/bin/env bash
# tui/dashboard_figures.sh: the dashboard's positive exits are those of
# `export`: by the configuration of the day (a `cdi` stored non-positive
# counts, an `abandon` or an unknown reason stored positive does not), and
# under `exit_validation: followup` only once validated.
. "$(dirname "$0")/../lib.sh"

make_db 1
"$BIN" --db "$DB" dump >"$WORK/demo.json"
who=$(P export --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["referent"])')
python3 - "$WORK/demo.json" "$WORK/cases.json" "$who" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exited = sorted((p for p in d["participants"]
                 if p["status"] == "exited" and p["referent"] == sys.argv[3]
                 and "2026-01-01" <= p["exit_date"] <= "2026-11-26"),
                key=lambda p: p["id"])
cases = [("cdi", False, True), ("abandon", True, True),
         ("ancien-motif", True, True), ("cdi", True, False)]
assert len(exited) >= len(cases), len(exited)
for p, (why, pos, val) in zip(exited, cases):
    p["exit_reason"], p["exit_positive"] = why, pos
    p["exit_validated"] = p["exit_date"] if val else None
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
"$BIN" --db "$DB" load "$WORK/cases.json" >/dev/null || ko "load"
printf 'exit_validation: hiring\n' >"$WORK/hiring.yaml"

# figures [--config FILE]: "N exits, P positive (R %)" as export gives them.
figures() {
	P "$@" export --format json | python3 -c '
import json, sys
p = json.load(sys.stdin)["period"]
print("%d exits, %d positive (%d %%)" % (p["exits"], p["positive_exits"], p["positive_rate"]))'
}
followup=$(figures)
hiring=$(figures --config "$WORK/hiring.yaml")
# cli/figures checks the export against a recomputation from the dump;
# here, of this referent's exits of the year, the `cdi` not yet validated
# counts at hiring only, and the dashboard says what export says.
count() { sed 's/^\([0-9]*\) exits, \([0-9]*\) positive.*/\1 \2/' <<<"$1"; }
read -r n_exits pos_followup <<<"$(count "$followup")"
read -r n_hiring pos_hiring <<<"$(count "$hiring")"
same "exits of the year" "$n_exits" "$(python3 -c '
import json, sys
print(sum(1 for p in json.load(open(sys.argv[1]))["participants"]
          if p["status"] == "exited" and p["referent"] == sys.argv[2]
          and "2026-01-01" <= p["exit_date"] <= "2026-11-26"))' "$WORK/cases.json" "$who")"
same "exits by mode" "$n_hiring" "$n_exits"
same "hiring adds the unvalidated cdi" $((pos_hiring - pos_followup)) 1

start followup 100 30
ready "participants"
keys Tab Tab
expect dashboard-followup "$followup"
keys q
start hiring 100 30 "PARCOURS_CONFIG=$WORK/hiring.yaml"
ready "participants"
keys Tab Tab
expect dashboard-hiring "$hiring"
keys q

finish

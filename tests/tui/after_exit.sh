#!/usr/bin/env bash
# tui/after_exit.sh: `exit_validation: hiring`. The exit is recorded at
# hiring with its hiring date; the participant leaves the caseload but
# stays followed in work (the count, the filter, the check-ins, the
# flags) until V validates the exit once six months are reached, or
# records the work lost before them (the exit is then not positive).
# Before, the exit made the follow-up vanish and was validated on the
# spot.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# Two current participants of the demo, renamed to be found whatever the
# demo holds: Abadie starts a CDI on 2026-10-01 and is still in the
# caseload; Zorn left at hiring on 2026-10-01 with a CDD ended on
# 2026-11-20 (dismissed).
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
cur = sorted((p for p in d["participants"] if p["status"] == "active"
              and p["entry_date"] < "2026-08-01"), key=lambda p: p["id"])
def in_work(p, last, first, contract, end, ended):
    p["last_name"], p["first_name"] = last, first
    p["stage"], p["stage_since"], p["status"] = "emploi-durable", "2026-09-15", "follow-up"
    p["moves"] = [m for m in p["moves"] if m["date"] < "2026-09-15"]
    p["moves"].append({"seq": max(m["seq"] for m in p["moves"]) + 1,
                       "date": "2026-09-15", "stage": "emploi-durable", "note": None})
    p["appointments"] = [a for a in p["appointments"] if a["date"] < "2026-09-15"]
    p["jobs"] = [{"seq": 1, "employer": "Carrefour Market", "contract": contract,
                  "start": "2026-10-01", "planned_end": end, "ended": ended,
                  "end_reason": "dismissed" if ended else None,
                  "weekly_minutes": 35 * 60, "checkins": []}]
in_work(cur[0], "Abadie", "Zéphyrine", "cdi", None, None)
in_work(cur[1], "Zorn", "Bastien", "cdd", "2027-06-30", "2026-11-20")
z = cur[1]
z.update(status="exited", exit_date="2026-10-01", exit_reason="cdd-6-mois",
         exit_positive=True, exit_validated=None, exit_hired="2026-10-01")
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
printf 'exit_validation: hiring\n' >"$WORK/hiring.yaml"
export PARCOURS_CONFIG=$WORK/hiring.yaml

# The command line sees Zorn's work lost, and Zorn out of the count.
run attention 0 --db "$DB" --today $T attention --format tsv
out_has attention-lost "	Zorn	Bastien	work-lost	2026-11-21	"
run list 0 --db "$DB" --today $T list --format tsv
out_has list-after-exit "	Zorn	Bastien	.*	after-exit$"
run list-text 0 --db "$DB" --today $T list
out_has list-count "— 79 participants · target 80"

start hiring 100 30 "PARCOURS_CONFIG=$WORK/hiring.yaml"
ready "79 participants · target 80 · 1 in work after exit ·"
expect lost-row "after exit"
# Zorn: the work was lost; V records it, with its reason.
keys / z o r n Enter Enter
expect header "▲ work stopped before six months"
expect waiting "hired 2026-10-01 · awaiting validation (V)"
expect lost-flag "work stopped before six months"
keys V
expect form "The exit at hiring: validated or lost"
expect proposed "not validated: the work was lost before"
expect date "2026-11-21"
keys Tab Tab Right Right Enter
expect saved "Work lost: the exit is no longer positive."
expect lost-shown "work lost 2026-11-21: dismissed"
keys Escape Escape
expect gone "79 participants · target 80 · "
expect_not gone-count "in work after exit"

# Abadie: the exit at hiring, then still followed.
keys / a b a d i e Enter Enter
expect participant "ABADIE Zéphyrine"
keys x
expect exit-form "Record an exit (counted at hiring)"
expect exit-reason "CDI"
keys Enter
expect exit-saved "in work since hiring (2026-10-01): V validates."
expect exit-waiting "hired 2026-10-01 · awaiting validation (V)"
expect checkin-late "check-in D+7 late"
keys K
expect checkin-form "Record an in-work check-in"
keys Enter
expect checkin-saved "Check-in D+7 recorded."
# Too early to validate: the jobs say when.
keys V
expect outcome-validate "validated: the months in work are reached"
keys Enter
expect refused "Not validated: the six months of work are reached"
keys Escape Escape Escape
expect count "78 participants · target 80 · 1 in work after exit ·"
# The stage filter's last step: those followed after their exit.
keys f f f f f f
expect filter "after exit · sort:"
expect filtered "ABADIE Zéphyrine"
expect filtered-stage "after exit"
keys q
[ "$(dead_status)" = 0 ] || ko "the first session did not quit"
# purge leaves an exit still waiting for its validation.
same "purge keeps the exit waiting" "$(P purge --exited-before 2026-12-01 --dry-run | grep -o '^[0-9]*')" \
	"$(P dump | python3 -c '
import json, sys
print(sum(1 for p in json.load(sys.stdin)["participants"]
          if p["status"] == "exited" and p["exit_date"] < "2026-12-01"
          and not p["legal_hold"] and p["last_name"] != "Abadie"))')"

# Six months later, the exit is validated.
T=2027-04-05
start later 100 30 "PARCOURS_CONFIG=$WORK/hiring.yaml"
ready "1 in work after exit"
keys / a b a d i e Enter Enter
expect validate-flag "6 months in work reached: validate the exit"
keys V
expect validate-date "2027-04-01"
keys Enter
expect validated "Exit validated: a positive exit."
expect validated-shown "hired 2026-10-01 · validated 2027-04-01"
keys q

same "stored" "$("$BIN" --db "$DB" dump | python3 -c '
import json, sys
d = {p["last_name"]: p for p in json.load(sys.stdin)["participants"]}
for n in ("Abadie", "Zorn"):
    p = d[n]
    print(p["status"], p["exit_reason"], p["exit_positive"], p["exit_hired"],
          p["exit_validated"], p["exit_lost"], p["exit_lost_reason"])')" \
	"exited cdi True 2026-10-01 2027-04-01 None None
exited cdd-6-mois False 2026-10-01 None 2026-11-21 dismissed"
same "exported" "$("$BIN" --db "$DB" --today $T export --format json --from 2026-01-01 --to 2026-12-31 | python3 -c '
import json, sys
per = json.load(sys.stdin)["period"]
for x in per["exit_list"]:
    if x["reason"] in ("cdi", "cdd-6-mois") and x["hired"] == "2026-10-01":
        print(x["reason"], x["state"], x["positive"], x["validated"], x["lost"])
print(per["exit_validation"], per["exits_pending_validation"], per["exits_lost_after_hiring"])')" \
	"cdd-6-mois lost False None 2026-11-21
cdi validated True 2027-04-01 None
hiring 0 1"

finish

#!/usr/bin/env bash
# cli/fse_load.sh: a dump whose funder's answers contradict each other or
# the participant is refused at the line that says so, and nothing is
# loaded: what the forms refuse (refused on a question that takes only
# unknown, months of unemployment for someone not unemployed, an empty
# set, a situation for someone not reached) and what the dates forbid
# (entry answers before the entry, answers on leaving for someone who has
# not left or before the exit, a survey before six months after the
# exit). The same answers, made right, load; entry answers after the exit
# too (an exit may be recorded on a day before a changed situation).
. "$(dirname "$0")/../lib.sh"

make_db 1 --participants 3
P dump >"$WORK/demo.json"
mkdir "$WORK/cases"
# One participant of the demo as a template, rewritten: entered on
# 2025-03-01, current; "exited" makes them leave on 2026-01-15.
python3 - "$WORK/demo.json" "$WORK/cases" <<'PY'
import copy, json, sys
d = json.load(open(sys.argv[1]))
base = d["participants"][0]
def entry(date, **a):
    e = {"seq": 1, "date": date, "gender": None, "labour": None,
         "unemployed_months": None, "education": None, "disability": None,
         "third_country": None, "foreign_background": None, "minority": None,
         "homeless": None, "rural": None, "qpv": None}
    e.update(a)
    return e
def person(exited=False):
    p = copy.deepcopy(base)
    p.update(entry_date="2025-03-01", birth_date="1990-05-10", status="active",
             stage="freins", stage_since="2025-03-01", legal_hold=False,
             exit_date=None, exit_reason=None, exit_positive=False,
             exit_validated=None, exit_hired=None, exit_lost=None,
             exit_lost_reason=None)
    if exited:
        p.update(status="exited", exit_date="2026-01-15",
                 exit_reason="demenagement")
    p["moves"] = [{"seq": 1, "date": "2025-03-01", "stage": "freins",
                   "note": None}]
    p["appointments"], p["jobs"], p["notes"] = [], [], []
    for k in ("fse_entries", "fse_exits", "fse_surveys"):
        p.pop(k, None)
    return p
def exit_(date):
    return {"seq": 1, "date": date, "situations": ["searching"]}
def survey(date, reached=True, employed=True):
    return {"seq": 1, "date": date, "how": "phone", "reached": reached,
            "employed": employed, "improved": False}
cases = {}
def case(name, exited=False, **lists):
    p = person(exited)
    p.update(lists)
    cases[name] = p
case("refused_rural", fse_entries=[entry("2025-03-01", rural="refused")])
case("months_inactive", fse_entries=[entry("2025-03-01", labour="inactive",
                                            unemployed_months=5)])
case("months_alone", fse_entries=[entry("2025-03-01", unemployed_months=5)])
case("empty_set", fse_entries=[entry("2025-03-01")])
case("entry_before_entry", fse_entries=[entry("2025-02-28", gender="male")])
case("exit_not_left", fse_exits=[exit_("2025-06-01")])
case("exit_before_exit", True, fse_exits=[exit_("2026-01-14")])
case("survey_not_left", fse_surveys=[survey("2025-06-01")])
case("survey_before_exit", True, fse_surveys=[survey("2025-12-01")])
case("survey_too_early", True, fse_surveys=[survey("2026-07-14")])
case("survey_not_reached", True,
     fse_surveys=[survey("2026-08-01", reached=False, employed=True)])
# Right: on the days the rules allow, the boundaries included.
case("right", True,
     fse_entries=[entry("2025-03-01", rural="unknown", disability="refused",
                        labour="unemployed", unemployed_months=14),
                  dict(entry("2026-01-15", labour="inactive"), seq=2),
                  # After the exit: an exit recorded on an earlier day
                  # than a changed situation.
                  dict(entry("2026-01-20", labour="employed"), seq=3)],
     fse_exits=[exit_("2026-01-15")],
     fse_surveys=[survey("2026-07-15"),
                  dict(survey("2026-08-01", reached=False, employed=False),
                       seq=2)])
for name, p in cases.items():
    dd = copy.deepcopy(d)
    dd["participants"], dd["journal"] = [p], []
    json.dump(dd, open("%s/%s.json" % (sys.argv[2], name), "w"), indent=1)
PY

# refused NAME KEY PATTERN [AFTER]: the dump of case NAME is refused
# (status 2) at the line of PATTERN in it (or AFTER lines below), on KEY,
# and the database stays empty.
refused() {
	local f="$WORK/cases/$1.json" line
	line=$(($(grep -n -- "$3" "$f" | head -1 | cut -d: -f1) + ${4:-0}))
	run "$1" 2 --db "$WORK/db-$1" --today $T load "$f"
	err_has "$1" "$1.json: line $line: $2: "
	run "$1-empty" 0 --db "$WORK/db-$1" --today $T list --all --exited --format tsv
	same "$1: nothing loaded" "$(awk 'NR > 1' "$WORK/out" | wc -l)" 0
}
refused refused_rural rural '"rural": "refused"'
refused months_inactive unemployed_months '"unemployed_months": 5'
refused months_alone unemployed_months '"unemployed_months": 5'
# The set itself, on the line below its list's.
refused empty_set fse_entries '"fse_entries"' 1
refused entry_before_entry date '"date": "2025-02-28"'
refused exit_not_left fse_exits '"fse_exits"'
refused exit_before_exit date '"date": "2026-01-14"'
refused survey_not_left fse_surveys '"fse_surveys"'
refused survey_before_exit date '"date": "2025-12-01"'
refused survey_too_early date '"date": "2026-07-14"'
refused survey_not_reached employed '"employed": true'

run right 0 --db "$WORK/db-right" --today $T load "$WORK/cases/right.json"
run right-dump 0 --db "$WORK/db-right" --today $T dump
same "right: every answer loaded" "$(python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["participants"][0]
print(len(p["fse_entries"]), len(p["fse_exits"]), len(p["fse_surveys"]))' "$WORK/out")" "3 1 2"
run right-check 0 --db "$WORK/db-right" check

finish

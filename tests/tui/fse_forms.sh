#!/usr/bin/env bash
# tui/fse_forms.sh: the funder's questionnaires from the interface. Q on a
# participant opens the entry questionnaire: the first answers, then
# corrections of them (one set, journalled) or a changed situation (a new
# dated set, the first kept). The exit form takes the situations on
# leaving with the exit; for someone who left, Q offers the three
# questionnaires and the six-months survey clears its flag. A participant
# added is offered the entry questionnaire at once. The long form whole at
# 80x24.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# Two participants of the demo, renamed to be found whatever the demo
# holds: Arnaud, current, without any answer; Brunel, who left on
# 2026-05-10 (moved away), the survey due from 2026-11-10.
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
cur = sorted((p for p in d["participants"] if p["status"] == "active"
              and p["entry_date"] < "2026-03-01"), key=lambda p: p["id"])
for p in cur[:2]:
    for k in ("fse_entries", "fse_exits", "fse_surveys"):
        p[k] = []
    p["jobs"] = []
a, b = cur[0], cur[1]
a["last_name"], a["first_name"], a["gender"] = "Arnaud", "Béa", "female"
b["last_name"], b["first_name"] = "Brunel", "Cyril"
b["moves"] = [m for m in b["moves"] if m["date"] <= "2026-05-10"]
b["stage"], b["stage_since"] = b["moves"][-1]["stage"], b["moves"][-1]["date"]
b["appointments"] = [x for x in b["appointments"] if x["date"] <= "2026-05-10"
                     and x["status"] != "planned"]
b["notes"] = [n for n in b["notes"] if n["date"] <= "2026-05-10"]
b.update(status="exited", exit_date="2026-05-10", exit_reason="demenagement",
         exit_positive=False, exit_validated="2026-05-10", exit_hired=None)
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
printf 'fse:\n  from: 2024-01-01\n' >"$WORK/fse.yaml"
export PARCOURS_CONFIG=$WORK/fse.yaml
q() {
	P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = {x["last_name"]: x for x in d["participants"]}
j = "\n".join(x["what"] for x in d["journal"])
print('"$1"')'
}
flags() { P attention --format tsv | awk -F'\t' -v n="$1" '$2 ~ n { print $4 }' | sort | tr '\n' ' '; }

start main 100 30 "PARCOURS_CONFIG=$WORK/fse.yaml"
ready "participants · target 80"
keys / a r n a u d Enter Enter
ready "ARNAUD Béa"
expect entry-flag "funder's entry data"
keys Q
expect entry-form "Funder's entry questionnaire (* may be refused)"
expect entry-first "‹ the first answers ›"
expect entry-gender "‹ woman ›"
expect entry-sensitive "Disability (RQTH) *"
expect entry-not-sensitive "Rural area "
# The focus on the first question to ask (the gender came with the
# identity). Unemployed for 14 months, ISCED 3-4, disability refused,
# the rest no.
keys Right Tab 1 4 Tab Right Right Tab Right Right Right
for _ in 1 2 3 4 5 6; do keys Tab Right Right; done
keys Enter
expect entry-saved "Entry answers saved."
same "one set, as given" "$(q "[(e['date'], e['gender'], e['labour'], e['unemployed_months'], e['education'], e['disability'], e['qpv']) for e in p['Arnaud']['fse_entries']]")" \
	"[('$(q "p['Arnaud']['entry_date']")', 'female', 'unemployed', 14, 'isced-3-4', 'refused', 'no')]"
same "complete: no flag" "$(flags Arnaud)" ""

# A typing mistake: corrected in the same set, journalled.
keys Q
expect correct-form "‹ corrections of"
keys Tab Tab Tab Left Enter
expect corrected "Entry answers saved."
same "corrected in place" "$(q "[(e['seq'], e['education']) for e in p['Arnaud']['fse_entries']]")" "[(1, 'isced-0-2')]"
same "correction journalled" "$(q "any('corrected' in l and 'education' in l for l in j.splitlines())")" True
# A changed situation: a new set dated today, the first kept.
keys Q
expect changed-form "Save as"
keys BTab Right Tab Tab Tab Tab Tab Left Left Enter
expect changed-saved "Entry answers saved."
same "a new set, the first kept" "$(q "[(e['seq'], e['date'] == p['Arnaud']['entry_date'], e['disability']) for e in p['Arnaud']['fse_entries']]")" \
	"[(1, True, 'refused'), (2, False, 'yes')]"
same "dated today" "$(q "p['Arnaud']['fse_entries'][1]['date']")" 2026-11-26

# The exit, with the situations on leaving, in one go.
keys x
expect exit-form "Situation on leaving"
keys Tab Tab Space
expect exit-list "searching for a job"
keys Space Enter
expect exit-ticked "‹ searching for a job ›"
keys Enter
expect exit-saved "Exit recorded"
same "answers on leaving" "$(q "[(e['date'], e['situations']) for e in p['Arnaud']['fse_exits']]")" "[('2026-11-26', ['searching'])]"
# Undone: the answers about that exit go with it.
keys U Down Enter
expect undone "Exit undone"
same "undone, no answers on leaving" "$(q "p['Arnaud'].get('fse_exits', [])")" "[]"

# Someone who left six months ago: the survey due, listed, then asked.
same "survey due" "$(flags Brunel)" "fse-survey-due "
# Listed beside the caseload, the survey in the To do column.
keys Escape F1 / b r u n e l Enter
expect survey-listed "6-month survey"
keys Enter
ready "BRUNEL Cyril"
keys Q
expect pick "Funder's questionnaires"
expect pick-survey "Six months after: to ask from 2026-11-10"
expect pick-exit "On leaving: not answered"
keys Enter
expect survey-form "Six-months survey (from 2026-11-10)"
# Reached by phone, in employment.
keys Tab Tab Right Enter
expect survey-saved "Six-months survey saved."
same "survey recorded" "$(q "[(s['date'], s['how'], s['reached'], s['employed'], s['improved']) for s in p['Brunel']['fse_surveys']]")" \
	"[('2026-11-26', 'phone', True, True, False)]"
same "survey flag gone" "$(flags Brunel)" ""
# The questionnaire on leaving, proposed next.
keys Q
ready "Funder's questionnaires"
keys Enter
expect exit-form-2 "Funder's questionnaire on leaving"
keys Tab Right Enter
expect exit-answers "Answers on leaving saved."
same "dated on the exit" "$(q "[(e['date'], e['situations']) for e in p['Brunel']['fse_exits']]")" "[('2026-05-10', ['education'])]"
# Not reached, with a situation: refused, the form kept.
keys Q
ready "Funder's questionnaires"
keys Down Down Enter
expect survey-again "‹ corrections of 2026-11-26 ›"
keys Tab Left Enter
expect survey-refused "not reached: no situation can be recorded"
keys Escape
same "nothing changed" "$(q "[(s['reached'], s['employed']) for s in p['Brunel']['fse_surveys']]")" "[(True, True)]"

# A participant added: the entry questionnaire offered at once; Esc
# leaves it for later.
keys Escape F1 A
ready "New participant"
keys "Castel" Tab "Dora" Enter
expect added "Dora Castel added."
expect added-form "Funder's entry questionnaire"
keys Escape
expect_not added-closed "Funder's entry questionnaire"
same "no answers yet" "$(q "p['Castel'].get('fse_entries', [])")" "[]"

# 80x24: the whole entry form, its last question included.
start small 80 24 "PARCOURS_CONFIG=$WORK/fse.yaml"
ready "participants · target 80"
keys / a r n a u d Enter Enter
ready "ARNAUD Béa"
keys Q
expect small-form "Funder's entry questionnaire"
expect small-last "Priority district (QPV)"
expect small-hint "Esc cancel"
keys Escape

finish

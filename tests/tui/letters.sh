#!/usr/bin/env bash
# tui/letters.sh: l makes a letter from a template: on the participant
# view about the selected appointment, on an agenda line; the template
# picked from a list, the file (~/ by default) asked with the overwrite
# warning; written 0600, recorded, and "✉ convocation sent" shown beside
# the appointment. At 100x30 and 80x24.
. "$(dirname "$0")/../lib.sh"

make_db 2
P dump >"$WORK/demo.json"
# The first current participant with an appointment planned from T,
# renamed to be found whatever the demo holds.
read -r PID APPT ADATE <<<"$(python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for p in sorted(d["participants"], key=lambda p: p["id"]):
    if p["status"] == "exited" or p["referent"] != "Marie Dupont":
        continue
    planned = sorted((a["date"], a["minute"] or 0, a["id"]) for a in p["appointments"]
                     if a["status"] == "planned" and a["date"] >= "2026-11-26")
    if planned:
        p["last_name"], p["first_name"] = "Quillardet", "Zélie"
        print(p["id"], planned[0][2], planned[0][0])
        break
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
)"
[ -n "$PID" ] && ok || { ko "no participant with a planned appointment"; finish; }
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"

start main 100 30
ready "participants · target 80"
keys / q u i l l a r d e t Enter Enter
ready "QUILLARDET Zélie"
keys l
expect pick "Letter from a template"
expect pick-list "convocation.fodt"
# Esc: nothing made.
keys Escape
expect_not pick-gone "Letter from a template"
keys l
expect pick-2 "Letter from a template"
# attestation, contrat-engagement, convocation.fodt...
keys Down Down Enter
expect file-form "Write the letter convocation.fodt"
expect file-default "/convocation-$ADATE-P$PID-$APPT.fodt"
keys C-u "$WORK/tui.fodt" Enter
expect written "Letter written to $WORK/tui.fodt."
same "mode" "$(stat -c %a "$WORK/tui.fodt" 2>/dev/null)" 600
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$WORK/tui.fodt" && ok ||
	ko "the letter is not well formed"
grep -q "Quillardet" "$WORK/tui.fodt" && ok || ko "the letter lacks the name"
expect sent-line "✉ convocation sent 11-26"
# ✉ on the appointment's own line (its kind's label has room at 100).
screen | grep "$ADATE" | grep -q "✉" && ok || ko "no ✉ on the line of $ADATE"
same "recorded" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
a = [a for p in d["participants"] for a in p["appointments"] if a["id"] == int(sys.argv[1])][0]
print(a.get("letter"), a.get("letter_date"))' "$APPT")" "convocation 2026-11-26"

# The same file again: the overwrite warning; going back keeps the form.
keys l
expect pick-3 "Letter from a template"
keys Down Down Enter
expect file-form-2 "Write the letter convocation.fodt"
keys C-u "$WORK/tui.fodt" Enter
expect overwrite "already exists"
keys Escape
expect back-to-form "Write the letter convocation.fodt"
keys Escape
ready "Leave without saving?"
keys Down Enter
expect_not form-closed "Write the letter"

# An agenda line: the attestation (no appointment), written in ~/.
keys Escape
keys F2
ready "Agenda"
keys l
expect agenda-pick "Letter from a template"
keys Enter
expect agenda-form "Write the letter attestation.fodt"
keys Enter
expect agenda-written "Letter written to $HOME/attestation-P"
same "agenda file" "$(find "$HOME" -maxdepth 1 -name 'attestation-P*.fodt' | wc -l)" 1

# In French, the envelope beside the appointment (its kind's label in
# French) and the day as dd/mm under it.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	start fr 100 30 LC_ALL=fr_FR.UTF-8
	ready "participants · objectif 80"
	keys / q u i l l a r d e t Enter Enter
	ready "QUILLARDET Zélie"
	FRD=$(echo "$ADATE" | awk -F- '{ print $3 "/" $2 "/" $1 }')
	expect fr-date "$FRD"
	screen | grep "$FRD" | grep -q "✉" && ok || ko "no ✉ on the line of $FRD"
	expect fr-day "convocation"
	expect fr-day-2 " 26/11"
fi

# 80x24: the list and the form fit.
start small 80 24
ready "participants · target 80"
keys / q u i l l a r d e t Enter Enter
ready "QUILLARDET Zélie"
keys l
expect small-pick "re-invitation.fodt"
expect small-pick-title "Letter from a template"
keys Down Down Enter
expect small-form "Write the letter convocation.fodt"
expect small-hint "Esc cancel"
keys Escape

finish

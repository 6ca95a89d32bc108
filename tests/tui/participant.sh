#!/usr/bin/env bash
# tui/participant.sh: one participant's view and the changes made there:
# an appointment planned then recorded done, another missed; the next
# stage; a job start and its check-in; a note as typed; the view's help.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"

# --- open a participant ----------------------------------------------------------
# The first in the list (most urgent first) with one overdue appointment
# as its most urgent flag, nothing coming, and a stage to move on to: its
# row, id, name as shown, and the overdue appointment as the outcome form
# names it, with how many of its appointments come after it.
pick=$(python3 - "$WORK" <(tsv) <("$BIN" --db "$DB" dump) "$SRC/config/parcours.yaml" <<'PY'
import json, re, sys
# The kinds' English labels, as the interface shows them in English.
kinds = dict(re.findall(r'- id: (\S+)\n\s+label: .*\n\s+label_en: "([^"]*)"',
                        open(sys.argv[4]).read()))
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])][1:]
files = {p["id"]: p for p in json.load(open(sys.argv[3]))["participants"]}
for n, r in enumerate(rows):
    flags = r[8].split(",")
    if flags[0] != "appointment-overdue" or r[7] or int(r[3]) >= 5:
        continue
    appts = files[int(r[0])]["appointments"]
    late = [i for i, a in enumerate(appts) if a["status"] == "planned"]
    if len(late) != 1:
        continue
    a = appts[late[0]]
    print(n, r[0], r[1].upper() + " " + r[2],
          "%s %02d:%02d (%s)" % (a["date"], a["minute"] // 60, a["minute"] % 60,
                                 kinds.get(a["kind"], a["kind"])),
          len(appts) - late[0] - 1, sep="\t")
    break
PY
)
[ -n "$pick" ] && ok || ko "no participant with one overdue appointment to open"
IFS=$'\t' read -r row who name late after <<<"$pick"
keys g
for _ in $(seq "$row"); do keys j; done
keys Enter
expect open "Appointments"
expect open-parcours "Parcours"
expect open-name "$name"

# --- plan an appointment today, then record it done -----------------------------
keys a
expect plan-form-2 "Plan an appointment"
keys C-u 2 6 / 1 1 / 2 0 2 6 Tab C-u 1 4 : 3 0 Enter
expect planned "Appointment planned on 2026-11-26"
same "next appointment is today" "$(field "$who" 8)" "2026-11-26"
keys d
expect outcome-form "Appointment of 2026-11-26 14:30 (Interview): done"
keys "Projet : aide à domicile. Œuvre à suivre." Enter
expect recorded "Recorded as done."
expect outcome-note "» Projet : aide à domicile. Œuvre à suivre."
same "last contact is today" "$(field "$who" 7)" "2026-11-26"
same "nothing planned any more" "$(field "$who" 8)" ""
# The older appointment left without outcome: up the lines between, missed.
same "still one overdue" "$(field "$who" 9 | tr ',' '\n' | grep -c appointment-overdue)" 1
for _ in $(seq $((after + 1))); do keys k; done
keys m
expect missed-form "Appointment of $late: missed"
keys Enter
expect missed-saved "Recorded as missed"
same "no longer overdue" "$(field "$who" 9 | tr ',' '\n' | grep -c appointment-overdue)" 0

# --- move to the next stage ---------------------------------------------------------
stage=$(field "$who" 4)
keys ">"
expect stage-form "Move to stage $((stage + 1))"
keys Enter
expect stage-moved "Now in stage $((stage + 1))"
same "stage moved" "$(field "$who" 4)" "$((stage + 1))"
same "days in stage" "$(field "$who" 6)" 0

# --- a job start makes a check-in appear -------------------------------------------
keys J
expect job-form "Record a job start"
keys "Boulangerie Lefort" Enter
expect job-saved "the in-work follow-up starts"
expect checkin-shown "D+7"
same "check-in due" "$(field "$who" 9 | tr ',' '\n' | grep -c checkin-due)" 1

# --- a note keeps accents, ligatures and combining marks as typed ----------------------
keys n
expect note-form-2 "Add a note"
keys $'Cœur : Zoë Le\xcc\x81a'
keys Enter
expect note-saved "Note added."
expect note-shown $'2026-11-26 Cœur : Zoë Le\xcc\x81a'

# --- help lists the keys of the view -------------------------------------------------
keys "?"
expect help "Keys of the Participant view"
expect help-plan "plan an appointment"
keys Escape
expect help-back "Appointments"
keys Escape
expect back-home "80 participants · target 80"

finish

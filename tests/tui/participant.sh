#!/usr/bin/env bash
# tui/participant.sh: one participant's view and the changes made there:
# an appointment planned then recorded done, another missed; the next
# stage; a job start and its check-in; a note as typed; the view's help.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80/80 participants"

# --- open a participant ----------------------------------------------------------
keys g Enter
expect open "Appointments"
expect open-parcours "Parcours"
expect open-name "LAMBERT Bernard"
lambert=$(tsv | awk -F'\t' '$2 == "Lambert" && $3 == "Bernard" { print $1 }')
[ -n "$lambert" ] && ok || ko "Lambert not in the list"

# --- plan an appointment today, then record it done -----------------------------
keys a
expect plan-form-2 "Plan an appointment"
keys C-u 2 6 / 1 1 / 2 0 2 6 Tab C-u 1 4 : 3 0 Enter
expect planned "Appointment planned on 2026-11-26"
same "next appointment is today" "$(field "$lambert" 8)" "2026-11-26"
keys d
expect outcome-form "Appointment of 2026-11-26 14:30 (Interview): done"
keys "Projet : aide à domicile. Œuvre à suivre." Enter
expect recorded "Recorded as done."
expect outcome-note "» Projet : aide à domicile. Œuvre à suivre."
same "last contact is today" "$(field "$lambert" 7)" "2026-11-26"
same "nothing planned any more" "$(field "$lambert" 8)" ""
# The older appointment left without outcome: up two lines, missed.
same "still one overdue" "$(field "$lambert" 9 | tr ',' '\n' | grep -c appointment-overdue)" 1
keys k k m
expect missed-form "Appointment of 2026-11-14 11:30 (Interview): missed"
keys Enter
expect missed-saved "Recorded as missed"
same "no longer overdue" "$(field "$lambert" 9 | tr ',' '\n' | grep -c appointment-overdue)" 0

# --- move to the next stage ---------------------------------------------------------
stage=$(field "$lambert" 4)
keys ">"
expect stage-form "Move to stage $((stage + 1))"
keys Enter
expect stage-moved "Now in stage $((stage + 1))"
same "stage moved" "$(field "$lambert" 4)" "$((stage + 1))"
same "days in stage" "$(field "$lambert" 6)" 0

# --- a job start makes a check-in appear -------------------------------------------
keys J
expect job-form "Record a job start"
keys "Boulangerie Lefort" Enter
expect job-saved "the in-work follow-up starts"
expect checkin-shown "D+7"
same "check-in due" "$(field "$lambert" 9 | tr ',' '\n' | grep -c checkin-due)" 1

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
expect back-home "80/80 participants"

finish

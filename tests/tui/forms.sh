#!/usr/bin/env bash
# tui/forms.sh: a form refuses an invalid date and writes nothing; Esc in
# a form writes nothing.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
keys g Enter
ready "Appointments"

# --- an invalid date is refused, nothing written --------------------------------
before=$(dbsum)
keys a
expect plan-form "Plan an appointment"
keys C-u 3 1 / 0 2 / 2 0 2 6 Enter
expect bad-date "'31/02/2026' is not a date"
keys Escape
expect bad-date-ask "Leave without saving?"
keys Down Enter
expect_not bad-date-closed "Plan an appointment"
same "invalid date writes nothing" "$(dbsum)" "$before"

# --- Esc in a form writes nothing ---------------------------------------------
keys n
expect note-form "Add a note"
keys "Ne doit pas être enregistré"
expect note-typed "Ne doit pas être enregistré"
# Esc asks before losing what was typed; going back keeps it.
keys Escape
expect note-ask "Leave without saving?"
keys Enter
expect note-kept "Ne doit pas être enregistré"
expect_not note-back "Leave without saving?"
keys Escape
ready "Leave without saving?"
keys Down Enter
expect_not note-closed "Add a note"
same "Esc writes nothing" "$(dbsum)" "$before"

# --- a refused change says why (the cause, not "invalid input") --------------
# The plan form proposes a date weeks ahead; its outcome cannot be recorded
# yet, and the form must say so in the edit's own words.
keys a
expect plan-form-2 "Plan an appointment"
keys Enter
expect planned "Appointment planned on"
keys d
expect outcome-form ": done"
keys Enter
expect outcome-refused-why "this appointment is on 2026-12-26: its outcome can be recorded"
expect_not outcome-not-generic "invalid input"
keys Escape

finish

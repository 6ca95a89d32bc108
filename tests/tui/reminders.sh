#!/usr/bin/env bash
# tui/reminders.sh: the agenda's list of appointments to remind (!): as
# many as `parcours reminders` lists; R on one shows the number and the
# message, the answer is recorded (SMS), the line leaves the list and
# shows "reminded" in the whole agenda. At 80x24 the question is whole.
. "$(dirname "$0")/../lib.sh"

make_db 1
n=$(P reminders --format tsv | tail -n +2 | wc -l)
first=$(P reminders --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
# How the first can be reached: only those ways are offered.
kind=$(P reminders --format tsv | awk -F'\t' 'NR == 2 { print $8 }')
email=$(P reminders --format tsv | awk -F'\t' 'NR == 2 { print $9 }')
start main 100 30
ready "participants · target 80"
keys F2
ready "Appointments from"
keys '!'
expect list "To remind: $n appointments from 2026-11-27 to 2026-11-30"
keys R
expect question "Remind "
expect phone "(+33"
expect message "rappel de votre rendez-vous"
[ "$kind" = mobile ] && ok || ko "the demo's first to remind has a mobile ($kind)"
expect answers "SMS sent"
if [ -n "$email" ]; then expect email-offered "Email sent"; else expect_not email-not-offered "Email sent"; fi
keys Down Enter
expect recorded "reminder recorded."
expect shorter "To remind: $((n - 1)) appointments"
same "recorded by SMS" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([(a["reminded"], a["reminded_how"]) for p in d["participants"] for a in p["appointments"] if a["id"] == '"$first"'])')" \
	"[('2026-11-26', 'sms')]"
same "left the command's list" "$(P reminders --format tsv | tail -n +2 | wc -l)" $((n - 1))
keys '!'
expect whole "Appointments from 2026-11-26"
expect marked "· reminded"
# Esc answers nothing.
keys '!'
ready "To remind:"
keys R
ready "Called: reminded by phone"
keys Escape
expect_not closed "Called: reminded by phone"
same "nothing more recorded" "$(P reminders --format tsv | tail -n +2 | wc -l)" $((n - 1))

start small 80 24
ready "participants · target 80"
keys F2 '!'
ready "To remind:"
# How to remind, and to leave the list, said at 80 columns too.
screen | tail -1 | grep -q "R remind" && ok || ko "80x24: no R in the hints: $(screen | tail -1)"
screen | tail -1 | grep -q "! " && ok || ko "80x24: no ! in the hints: $(screen | tail -1)"
keys R
expect small-message "rappel de votre rendez-vous"
expect small-last "Called: reminded by phone"
expect small-hint "Esc back"
keys Escape

finish

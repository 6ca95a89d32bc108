#!/usr/bin/env bash
# cli/reminders.sh: `parcours reminders` lists exactly the planned
# appointments of the next working days not reminded yet (a window
# recomputed apart, French public holidays included), each with its
# message; the CSV for an SMS tool holds phone;message in the
# international form, who cannot get an SMS is told on stderr, never
# dropped silently; --mark records them, and they leave the list; the
# email file holds email;subject;message; a message with an unknown
# placeholder is refused with where.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# Seven participants of the demo, renamed, their appointments replaced;
# everyone else left out, so that the list is theirs alone.
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ps = [p for p in d["participants"] if p["status"] == "active"][:7]
d["participants"], d["journal"] = ps, []
people = [("Mobile", "06 12 34 56 78", None), ("Fixe", "01 23 45 67 89", None),
          ("Faux", "n/a", None), ("Courriel", None, "c@exemple.fr"),
          ("Abroad", "+44 7700 900123", "a@exemple.org"),
          ("Zéro", "0033 7 12 34 56 78", None), ("Autre", "+33 0 6 11 22 33 44", None)]
appt = 9000
def a(date, minute, status="planned", reminded=None):
    global appt
    appt += 1
    x = {"id": appt, "date": date, "minute": minute, "kind": "entretien",
         "mode": "in-person", "status": status, "note": None}
    if reminded:
        x["reminded"], x["reminded_how"] = reminded, "call"
    return x
plans = [
    [a("2026-11-27", 600), a("2026-12-01", 600)],          # in; after the window
    [a("2026-11-30", 540)],                                 # in (Monday)
    [a("2026-11-29", None)],                                # in (Sunday, no time)
    [a("2026-11-27", 630), a("2026-11-26", 900)],           # in; today: not
    [a("2026-11-28", 660), a("2026-11-27", 700, reminded="2026-11-25")],
    [a("2026-11-27", 720, status="cancelled"), a("2026-11-30", 900),
     a("2026-12-24", 600), a("2026-12-28", 600), a("2026-12-29", 600)],
    [a("2026-11-30", 840)],
]
for p, (name, phone, email), plan in zip(ps, people, plans):
    p["last_name"], p["phone"], p["email"] = name, phone, email
    p["appointments"] = plan
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"

# The window recomputed apart: tomorrow to the Nth working day (Monday to
# Friday, not a French public holiday, Easter's from dateutil).
expected() {
	python3 - "$WORK/cases.json" "$1" "$2" <<'PY'
import datetime as dt, json, sys
from dateutil.easter import easter
d = json.load(open(sys.argv[1]))
today, days = dt.date.fromisoformat(sys.argv[2]), int(sys.argv[3])
def holiday(x):
    e = easter(x.year)
    return (x.month, x.day) in {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1),
                                (11, 11), (12, 25)} or \
        x in {e + dt.timedelta(1), e + dt.timedelta(39), e + dt.timedelta(50)}
until, found = today, 0
while found < days:
    until += dt.timedelta(1)
    found += until.weekday() < 5 and not holiday(until)
print(" ".join(str(a["id"]) for p in d["participants"] for a in p["appointments"]
      if a["status"] == "planned" and "reminded" not in a
      and today < dt.date.fromisoformat(a["date"]) <= until))
PY
}
listed() { P reminders --format tsv "$@" | awk -F'\t' 'NR > 1 { print $1 }' | sort | tr '\n' ' ' | sed 's/ $//'; }
sorted() { tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'; }

same "the next two working days" "$(listed)" "$(expected 2026-11-26 2 | sorted)"
same "one working day" "$(listed --days 1)" "$(expected 2026-11-26 1 | sorted)"
# Christmas Eve, a Thursday: Christmas is no working day.
same "over Christmas" "$(T=2026-12-23 listed)" "$(expected 2026-12-23 2 | sorted)"
T=2026-12-23 run christmas 0 --db "$DB" --today 2026-12-23 reminders --format tsv
same "24/12 and 28/12 listed, 29/12 not" "$(cut -f2 "$WORK/out" | tail -n +2 | tr '\n' ' ')" "2026-12-24 2026-12-28 "

# The text: the message as configured.
run text 0 --db "$DB" --today $T reminders
out_has text "Bonjour .*, rappel de votre rendez-vous (Entretien, en présence) le vendredi 27 novembre à 10 h avec"
out_has text "le dimanche 29 novembre avec"

# The SMS file, read by Python's csv.
run sms 0 --db "$DB" --today $T reminders --format csv --output "$WORK/sms.csv"
same "sms file mode" "$(stat -c %a "$WORK/sms.csv")" 600
same "phone;message, international numbers" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter=";"))
print(rows[0], sorted(r[0] for r in rows[1:]), all(r[1].startswith("Bonjour ") for r in rows[1:]))' "$WORK/sms.csv")" \
	"['phone', 'message'] ['+33611223344', '+33612345678', '+33712345678', '+447700900123'] True"
err_has sms "FIXE.*a landline, no SMS: call"
err_has sms "FAUX.*the phone is not a number (n/a)"
err_has sms "COURRIEL.*no phone"

# Marked as sent: they leave the list; the others stay.
before=$(listed | wc -w)
# Not when the file did not go out: standard output full, a file that
# cannot be made: nothing marked.
if [ -w /dev/full ]; then
	P reminders --format csv --mark >/dev/full 2>"$WORK/err"
	same "stdout full: status" $? 1
	err_has "stdout full" "cannot write the output"
	same "stdout full: nothing marked" "$(listed | wc -w)" "$before"
fi
run "unwritable: not marked" 1 --db "$DB" --today $T reminders --format csv --output "$WORK/none/sms.csv" --mark
same "unwritable: nothing marked" "$(listed | wc -w)" "$before"
run mark 0 --db "$DB" --today $T reminders --format csv --output "$WORK/sms2.csv" --mark
err_has mark "4 appointments marked reminded"
same "left: those without an SMS" "$(listed | wc -w)" $((before - 4))
same "recorded how" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sorted((p["last_name"], a["reminded_how"]) for p in d["participants"] for a in p["appointments"] if a.get("reminded") == "2026-11-26"))')" \
	"[('Abroad', 'sms'), ('Autre', 'sms'), ('Mobile', 'sms'), ('Zéro', 'sms')]"

# The email file: those with an email among the rest.
run email 0 --db "$DB" --today $T reminders --format csv --channel email
same "email;subject;message" "$(python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8").read()), delimiter=";"))
print(rows[0], [r[0] for r in rows[1:]], rows[1][1])' "$WORK/out")" \
	"['email', 'subject', 'message'] ['c@exemple.fr'] Rappel : votre rendez-vous du vendredi 27 novembre"

# A message that cannot be filled in: refused, with where.
printf 'reminders:\n  message: "Bonjour {{prenom}}"\n' >"$WORK/bad.yaml"
run bad-message 2 --db "$DB" --config "$WORK/bad.yaml" --today $T reminders
err_has bad-message "reminders.message: line 1: unknown placeholder {{prenom}}"
run bad-days 2 --db "$DB" --today $T reminders --days 0
run bad-mark 2 --db "$DB" --today $T reminders --mark

# Two --mark at once: each appointment in one file only, marked once
# (both files held them all, each marked twice).
DB=$WORK/db
due=$(P reminders --all --format tsv | tail -n +2 | wc -l)
journal=$(P dump | grep -c 'reminded by sms')
[ "$due" -gt 1 ] && ok || ko "the demo has $due appointments to remind"
P reminders --all --format csv --output "$WORK/a.csv" --mark 2>"$WORK/a.err" &
P reminders --all --format csv --output "$WORK/b.csv" --mark 2>"$WORK/b.err"
wait
rows=$(cat "$WORK/a.csv" "$WORK/b.csv" | grep -vc '^phone;message')
left=$(cat "$WORK/a.err" "$WORK/b.err" | grep -c '^parcours: [0-9]* .*, appointment of ')
same "two at once: each once" $((rows + left / 2)) "$due"
same "two at once: each in one file" "$(cat "$WORK/a.csv" "$WORK/b.csv" | grep -v '^phone;message' | sort | uniq -d | wc -l)" 0
same "two at once: marked once" "$(P dump | grep -c 'reminded by sms')" $((journal + rows))
same "two at once: the others left" "$(P reminders --all --format tsv | tail -n +2 | wc -l)" $((due - rows))

# Someone who left the PLIE is not reminded of an appointment after their
# exit (the calendar shows it cancelled); someone followed still is.
python3 - "$WORK/demo.json" "$WORK/left.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
left = [p for p in d["participants"] if p["status"] == "exited" and p.get("exit_date")
        and not p.get("exit_hired")][0]
here = [p for p in d["participants"] if p["status"] == "active"][0]
for p, appt in ((left, 99001), (here, 99002)):
    p["phone"] = "06 12 34 56 78"
    p["appointments"] = [a for a in p["appointments"] if a["date"] < "2026-11-26"] + [
        {"id": appt, "date": "2026-11-27", "minute": 600, "kind": "entretien",
         "mode": "in-person", "status": "planned", "note": None}]
d["participants"], d["journal"] = [left, here], []
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db3
run "load left" 0 --db "$DB" load "$WORK/left.json"
same "left: not reminded" "$(listed --all)" "99002"

finish

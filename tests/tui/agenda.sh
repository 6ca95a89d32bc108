#!/usr/bin/env bash
# tui/agenda.sh: the agenda. Seven days from today with what is late
# first; < and > move by week, t comes back to today; the in-work
# check-ins show beside the appointments, late ones too, those of a
# participant left at hiring included; d/m/c record the selected
# appointment's outcome (d or K a check-in), D the day's appointments one
# after the other (Esc stops, what was recorded stays). Lines out of view
# are counted. At 100x30 and 80x24, in English and French.
. "$(dirname "$0")/../lib.sh"

# A caseload of our own, today being Thursday 2026-11-26:
# Alpha: late 2026-11-20 09:00; today 10:00 and 14:00; next week 12-04.
# Brunet: today 11:00 (phone); done last week 11-19.
# Abadie: in work from 2026-11-20: check-in D+7 tomorrow.
# Zorn: left at hiring (CDI from 2026-10-01, exit waiting for its
#   validation): D+7 held, D+30 late, D+90 on 2026-12-30.
# Ernest: left; nothing of his shows.
# Nombreux: three appointments a day from 11-27 to 12-02 (four on 11-28),
# to scroll even at 100x30.
python3 - "$WORK/cases.json" <<'PY'
import json, sys
def person(pid, last, first, **kw):
    p = {"id": pid, "last_name": last, "first_name": first,
         "birth_date": "1990-01-01", "gender": "female", "phone": None,
         "email": None, "publics": "", "education": "",
         "employment": "unemployed", "entry_date": "2026-09-01",
         "referent": "Marie Dupont", "stage": "freins",
         "stage_since": "2026-09-01", "status": "active",
         "legal_hold": False, "exit_date": None, "exit_reason": None,
         "exit_positive": False, "exit_validated": None, "exit_hired": None,
         "exit_lost": None, "exit_lost_reason": None,
         "moves": [{"seq": 1, "date": "2026-09-01", "stage": "freins",
                    "note": None}],
         "appointments": [], "jobs": [], "notes": []}
    p.update(kw)
    if p["stage"] != "freins":
        p["moves"].append({"seq": 2, "date": p["stage_since"],
                           "stage": p["stage"], "note": None})
    return p
def appt(aid, date, minute, kind="entretien", mode="in-person",
         status="planned"):
    return {"id": aid, "date": date, "minute": minute, "kind": kind,
            "mode": mode, "status": status, "note": None}
def job(start, checkins=()):
    return {"seq": 1, "employer": "Carrefour Market", "contract": "cdi",
            "start": start, "planned_end": None, "ended": None,
            "end_reason": None, "weekly_minutes": 35 * 60,
            "checkins": [{"day": o, "done": d} for o, d in checkins]}
ps = [
    person(1, "Alpha", "Agnès", appointments=[
        appt(1, "2026-11-20", 540), appt(2, "2026-11-26", 600),
        appt(3, "2026-11-26", 840, "atelier"), appt(4, "2026-12-04", 600)]),
    person(2, "Brunet", "Bruno", appointments=[
        appt(5, "2026-11-26", 660, mode="phone"),
        appt(6, "2026-11-19", 900, mode="phone", status="done")]),
    person(3, "Abadie", "Zéphyrine", stage="emploi-durable",
           stage_since="2026-11-20", jobs=[job("2026-11-20")]),
    person(4, "Zorn", "Bastien", stage="emploi-durable",
           stage_since="2026-10-01", status="exited",
           exit_date="2026-10-01", exit_reason="cdi", exit_positive=True,
           exit_hired="2026-10-01",
           jobs=[job("2026-10-01", [(7, "2026-10-08")])]),
    person(5, "Ernest", "Étienne", status="exited", exit_date="2026-11-01",
           exit_reason="demenagement",
           appointments=[appt(7, "2026-11-27", 600, status="cancelled")]),
    person(6, "Nombreux", "Noé", appointments=[
        appt(10 + 3 * d + k, "2026-%s" % day, 480 + 60 * k)
        for d, day in enumerate(["11-27", "11-28", "11-29", "11-30",
                                 "12-01", "12-02"])
        for k in range(3)] + [appt(40, "2026-11-28", 420)]),
]
json.dump({"format": "parcours-dump", "version": 1, "schema_version": 1,
           "participants": ps, "journal": []},
          open(sys.argv[1], "w"), ensure_ascii=False)
PY
run load 0 --db "$DB" load "$WORK/cases.json"
[ "$status" -eq 0 ] || finish
cp -r "$DB" "$WORK/db80"
cp -r "$DB" "$WORK/dbfr"
printf 'exit_validation: hiring\n' >"$WORK/hiring.yaml"
export PARCOURS_CONFIG=$WORK/hiring.yaml
HIRING="PARCOURS_CONFIG=$WORK/hiring.yaml"
# status APPOINTMENT_ID: its status and note in the database.
status() {
	P dump | python3 -c '
import json, sys
for p in json.load(sys.stdin)["participants"]:
    for a in p["appointments"]:
        if a["id"] == int(sys.argv[1]):
            print(a["status"], a["note"])' "$1"
}

# --- 100x30 ----------------------------------------------------------------
start wide 100 30 "$HIRING"
ready "Caseload"
keys F2
ready "Appointments from 2026-11-26 to 2026-12-02"
expect counts "· 3 today · 2 late · 2 check-ins"
expect late-checkin " ▲  2026-10-31                   ZORN Bastien"
expect late-checkin-what "check-in D+30 late"
expect late-appt " ▲  2026-11-20            09:00  ALPHA Agnès"
expect late-appt-what "Interview · in person · no outcome"
expect today "today                 11:00  BRUNET Bruno"
expect phone "Interview · phone"
expect coming-checkin "Friday 2026-11-27            ABADIE Zéphyrine"
expect coming-checkin-what "check-in D+7"
expect more "↓ "
expect_not exited "ERNEST"
expect_not cancelled-of-exited "Étienne"
# On a check-in line (the first: the late one), K is what to do.
expect hints " K check-in"
expect_not hints-no-outcome "d done  m missed"

# The help of the agenda names its keys.
keys "?"
expect help-week "next week"
expect help-prev "previous week"
expect help-today "back to this week, from today"
expect help-day "the day's appointments without an outcome"
expect help-checkin "record an in-work check-in"
keys Escape
ready "Appointments from 2026-11-26"

# A check-in line: m is no outcome of a check-in; d records it.
keys g
keys m
expect checkin-no-missed "A check-in is recorded once held: d or K."
keys d
expect checkin-form "Record an in-work check-in"
expect checkin-which "D+30"
keys Enter
expect checkin-saved "Check-in D+30 recorded."
expect checkin-held "today                        ZORN Bastien      check-in D+30 · done"
expect_not checkin-not-late "check-in D+30 late"
expect checkin-count "· 3 today · 1 late · 1 check-in"

# d on the late appointment, with a note: the same form as in the
# participant view; the line leaves the late ones, the next is selected.
keys g
expect late-first " ▲  2026-11-20            09:00  ALPHA Agnès"
keys d
expect outcome-form "Appointment of 2026-11-20 09:00 (Interview): done"
keys v u " " a u " " t é l é p h o n e
keys Enter
expect outcome-saved "Recorded as done."
expect_not late-gone "2026-11-20"
expect late-count "· 3 today · 0 late"
same "late done" "$(status 1)" "done vu au téléphone"

# D on today: each appointment of the day in turn; Esc stops.
keys g
expect today-first "today                 10:00  ALPHA Agnès"
keys D
expect pass-1 "1/3 · 2026-11-26 10:00 · ALPHA Agnès · Interview"
expect pass-choices "leave it without an outcome"
keys Enter
expect pass-2 "2/3 · 2026-11-26 11:00 · BRUNET Bruno · Interview"
keys Down Enter
expect pass-3 "3/3 · 2026-11-26 14:00 · ALPHA Agnès · Workshop"
keys Escape
expect pass-message "2 appointments of 2026-11-26 recorded · 1 left without an outcome"
expect pass-done "10:00  ALPHA Agnès       Interview · in person · done"
expect pass-missed "11:00  BRUNET Bruno      Interview · phone · missed"
expect pass-left "14:00  ALPHA Agnès       Workshop · in person"
same "pass: done" "$(status 2)" "done None"
same "pass: missed" "$(status 5)" "missed None"
same "pass: left" "$(status 3)" "planned None"
# Again on that day: only what is left is asked about.
keys D
expect pass-again "1/1 · 2026-11-26 14:00 · ALPHA Agnès · Workshop"
keys Down Down Enter
expect pass-again-message "1 appointment of 2026-11-26 recorded"
same "pass: cancelled" "$(status 3)" "cancelled None"
keys D
expect pass-nothing "No appointment of 2026-11-26 is without an outcome."

# A day to come: D says when, and writes nothing.
keys G
keys D
expect pass-future "The appointments of 2026-12-02 are still to come"

# Weeks: next, further (Zorn's D+90), back to today, last week.
keys ">"
expect next-week "Appointments from 2026-12-03 to 2026-12-09 · next week · 1 appointment"
expect next-week-line "Friday 2026-12-04     10:00  ALPHA Agnès"
keys ">" ">" ">"
expect week-4 "Appointments from 2026-12-24 to 2026-12-30 · in 4 weeks · 0 appointments · 1 check-in"
expect week-4-checkin "Wednesday 2026-12-30         ZORN Bastien"
expect week-4-d90 "check-in D+90"
keys t
# A cancelled appointment shows, and does not count.
expect back-today "Appointments from 2026-11-26 to 2026-12-02 · 2 today · 0 late"
expect cancelled "14:00  ALPHA Agnès       Workshop · in person · cancelled"
keys "<"
# What was recorded shows there too: the late appointment done today.
expect last-week "Appointments from 2026-11-19 to 2026-11-25 · last week · 2 appointments"
expect last-week-done "Thursday 2026-11-19   15:00  BRUNET Bruno      Interview · phone · done"
expect last-week-late-done "Friday 2026-11-20     09:00  ALPHA Agnès       Interview · in person · done"
keys "<" "<" "<" "<" "<" "<" "<" "<" "<"
expect empty-week "Nothing planned these days."
keys t
# ⏎ opens the participant on the appointment.
keys g j
expect open-line "today                 11:00  BRUNET Bruno"
keys Enter
expect opened "BRUNET Bruno"
expect opened-appt "2026-11-26"
keys Escape
keys q
expect back-home "sort: urgency"
keys q
same "wide: quits" "$(dead_status)" "0"

# --- 80x24 -----------------------------------------------------------------
DB=$WORK/db80
start narrow 80 24 "$HIRING"
ready "Caseload"
keys F2
ready "Appointments from 2026-11-26 to 2026-12-02 · 3 today · 2 late"
expect narrow-checkins "· 2 check-ins"
# Nothing cut: the outcome stays, the mode gives way on the page.
expect narrow-late "09:00  ALPHA Agnès       Interview · no outcome"
expect narrow-checkin "ZORN Bastien      check-in D+30 late"
expect narrow-more "↓ 7 more"
expect narrow-mode-gives-way "today                 10:00  ALPHA Agnès       Interview"
expect_not narrow-cut "…"
# m on a line: the selection stays in view, the late line goes.
keys j
keys m
expect narrow-form "Appointment of 2026-11-20 09:00 (Interview): missed"
keys Enter
expect narrow-missed "Recorded as missed"
same "narrow: missed" "$(status 1)" "missed None"
# The selection stays on the same place: now today's first line.
keys d
expect narrow-next-selected "Appointment of 2026-11-26 10:00 (Interview): done"
keys Escape
# The day's pass from its last line: each in turn from the first.
keys j j
keys D
expect narrow-pass "1/3 · 2026-11-26 10:00 · ALPHA Agnès · Interview"
keys Down Down Down Enter
expect narrow-pass-2 "2/3 · 2026-11-26 11:00 · BRUNET Bruno · Interview"
keys Down Down Enter
expect narrow-pass-3 "3/3 · 2026-11-26 14:00 · ALPHA Agnès · Workshop"
keys Enter
expect narrow-pass-message "2 appointments of 2026-11-26 recorded · 1 left without an outcome"
same "narrow: cancelled" "$(status 5)" "cancelled None"
same "narrow: done" "$(status 3)" "done None"
same "narrow: not asked" "$(status 2)" "planned None"
# The end of the list: the count of what is above.
keys G
expect narrow-above "↑ "
expect narrow-last "Wednesday 2026-12-02  10:00  NOMBREUX Noé      Interview · in person"
# Cancelled at the end of the list: the line stays, in view.
keys c
expect narrow-cancel-form "Appointment of 2026-12-02 10:00 (Interview): cancelled"
keys Enter
expect narrow-cancelled "Wednesday 2026-12-02  10:00  NOMBREUX Noé      Interview · cancelled"
expect narrow-still-above "↑ "
keys ">"
expect narrow-next "Appointments from 2026-12-03 to 2026-12-09"
keys t
expect narrow-today "Appointments from 2026-11-26 to 2026-12-02"
keys q q
same "narrow: quits" "$(dead_status)" "0"
# The journal says what the agenda recorded, one line a change.
same "journal" "$(P dump | python3 -c '
import json, sys
print(sum(1 for j in json.load(sys.stdin)["journal"]
          if " marked " in j["what"]))')" "4"

# --- French ----------------------------------------------------------------
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	DB=$WORK/dbfr
	start french 100 30 LC_ALL=fr_FR.UTF-8 "$HIRING"
	ready "Portefeuille"
	keys F2
	expect fr-heading "Rendez-vous du 26/11/2026 au 02/12/2026 · 3 aujourd'hui · 2 en retard"
	expect fr-late "20/11/2026"
	expect fr-late-checkin "31/10/2026"
	expect fr-checkin "suivi J+30 en retard"
	expect fr-today "aujourd'hui          10:00  ALPHA Agnès"
	keys j
	keys d
	expect fr-form "20/11/2026"
	keys Enter
	expect fr-saved "Enregistré"
	same "fr: done" "$(status 1)" "done None"
	keys j
	keys D
	expect fr-pass "1/3 · 26/11/2026 10:00 · ALPHA Agnès · Entretien"
	keys Escape
	keys q q
	same "fr: quits" "$(dead_status)" "0"
fi

finish

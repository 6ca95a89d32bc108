#!/usr/bin/env bash
# tui/corrections.sh: forgiving mistakes. Corrections that delete nothing
# (an appointment moved keeping its id, an outcome corrected, a note
# edited then deleted, an exit undone), each journalled; and the forms'
# warnings before saving (a date gone by, two appointments one day, two
# participants at one time, the same person twice, a reason that does not
# fit the jobs, a file replaced), each answered both ways: go back (nothing
# written, what was typed kept) or go on. At 100x30 and 80x24.
. "$(dirname "$0")/../lib.sh"

# Two participants of our own: Abadie (id 1) with a late appointment
# (10), one to come (11) and two notes; Zorn (id 2) in work on a CDD with
# an appointment (20).
cat >"$WORK/cases.json" <<'JSON'
{"format": "parcours-dump", "version": 1, "schema_version": 1,
 "participants": [
  {"id": 1, "last_name": "Abadie", "first_name": "Zéphyrine",
   "birth_date": "1990-05-04", "gender": "female", "phone": null,
   "email": null, "publics": "rsa", "education": "isced-3-4",
   "employment": "unemployed", "entry_date": "2026-03-01",
   "referent": "Marie Dupont", "stage": "orienter",
   "stage_since": "2026-06-01", "status": "active", "legal_hold": false,
   "exit_date": null, "exit_reason": null, "exit_positive": false,
   "exit_validated": null, "exit_hired": null, "exit_lost": null,
   "exit_lost_reason": null,
   "moves": [{"seq": 1, "date": "2026-03-01", "stage": "freins", "note": null},
             {"seq": 2, "date": "2026-06-01", "stage": "orienter", "note": null}],
   "appointments": [
    {"id": 10, "date": "2026-11-20", "minute": 600, "kind": "entretien",
     "mode": "in-person", "status": "planned", "note": null},
    {"id": 11, "date": "2026-12-03", "minute": 600, "kind": "entretien",
     "mode": "in-person", "status": "planned", "note": null}],
   "jobs": [],
   "notes": [{"seq": 1, "date": "2026-10-01", "text": "Première note"},
             {"seq": 2, "date": "2026-11-02", "text": "Note écrite par erreur"}]},
  {"id": 2, "last_name": "Zorn", "first_name": "Bastien",
   "birth_date": "1985-01-02", "gender": "male", "phone": null,
   "email": null, "publics": null, "education": "",
   "employment": "unemployed", "entry_date": "2026-01-10",
   "referent": "Marie Dupont", "stage": "emploi-durable",
   "stage_since": "2026-09-15", "status": "follow-up", "legal_hold": false,
   "exit_date": null, "exit_reason": null, "exit_positive": false,
   "exit_validated": null, "exit_hired": null, "exit_lost": null,
   "exit_lost_reason": null,
   "moves": [{"seq": 1, "date": "2026-01-10", "stage": "freins", "note": null},
             {"seq": 2, "date": "2026-09-15", "stage": "emploi-durable", "note": null}],
   "appointments": [
    {"id": 20, "date": "2026-12-07", "minute": 840, "kind": "entretien",
     "mode": "phone", "status": "planned", "note": null}],
   "jobs": [{"seq": 1, "employer": "Carrefour", "contract": "cdd",
             "start": "2026-10-01", "planned_end": "2027-06-30",
             "ended": null, "end_reason": null, "weekly_minutes": 2100,
             "checkins": []}],
   "notes": []}],
 "journal": []}
JSON

# What the dump says of the database: `q EXPR` with `d` the dump, `p` the
# participants by last name (the first of each name), `j` the journal's
# lines, one string.
q() {
	P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = {}
for x in d["participants"]:
    p.setdefault(x["last_name"], x)
j = "\n".join(e["what"] for e in d["journal"])
print(eval(sys.argv[1]))' "$1"
}
appt() { q "[(a['date'], a['minute'], a['kind'], a['status']) for a in p['$1']['appointments'] if a['id'] == $2]"; }

# scenario NAME COLS ROWS: every correction and warning on a database of
# its own, in a terminal of that size.
scenario() {
	local n=$1 cols=$2 rows=$3 before
	DB=$WORK/db-$n
	run "$n: load" 0 --db "$DB" load "$WORK/cases.json"
	start "$n" "$cols" "$rows"
	ready "ABADIE Zéphyrine"

	# --- move an appointment: the warnings first ----------------------
	keys / a b a d i e Enter Enter
	expect "$n: open" "ABADIE Zéphyrine"
	before=$(dbsum)
	keys r
	expect "$n: move form" "Reschedule the appointment of 2026-11-20 10:00"
	keys C-u 2026-11-24 Enter
	expect "$n: past" "2026-11-24 is in the past."
	expect "$n: past answers" "Go back to the form"
	# Going back writes nothing and keeps what was typed.
	keys Enter
	expect "$n: back" "Not saved: change what is needed"
	expect "$n: kept" "2026-11-24"
	same "$n: back writes nothing" "$(dbsum)" "$before"
	# Another appointment that day for the same person.
	keys C-u 2026-12-03 Enter
	expect "$n: same day" "already has an appointment that day: 10:00"
	expect_not "$n: not past" "is in the past"
	keys Escape
	expect "$n: Esc goes back" "Not saved"
	same "$n: Esc writes nothing" "$(dbsum)" "$before"
	# Another participant at that time.
	keys C-u 2026-12-07 Tab C-u 14:00 Enter
	expect "$n: same time" "ZORN Bastien already has an appointment at 14:00"
	# Going on saves it, keeping its id.
	keys Down Enter
	expect "$n: moved" "Appointment moved to 2026-12-07 14:00."
	same "$n: same id, new day" "$(appt Abadie 10)" "[('2026-12-07', 840, 'entretien', 'planned')]"
	same "$n: nothing added" "$(q "len(p['Abadie']['appointments'])")" 2
	same "$n: journalled" "$(q "'appointment 10 of 2026-11-20 10:00 moved to 2026-12-07 14:00' in j")" True

	# --- plan: a date gone by, saved anyway ----------------------------
	keys a
	expect "$n: plan form" "Plan an appointment"
	keys C-u 2026-11-25 Enter
	expect "$n: plan past" "2026-11-25 is in the past."
	keys Down Enter
	expect "$n: planned" "Appointment planned on 2026-11-25"

	# --- correct a recorded outcome -------------------------------------
	keys d
	expect "$n: outcome form" "Appointment of 2026-11-25"
	keys Enter
	expect "$n: done" "Recorded as done."
	keys o
	expect "$n: correct form" "Correct the outcome of 2026-11-25 10:00 Interview (now done)"
	keys Right Tab "venue le lendemain" Enter
	expect "$n: corrected" "Outcome corrected: missed."
	expect "$n: note shown" "» venue le lendemain"
	same "$n: missed" "$(q "[a['status'] for a in p['Abadie']['appointments'] if a['date'] == '2026-11-25']")" "['missed']"
	same "$n: correction journalled" "$(q "'of 2026-11-25 corrected from done to missed, note corrected' in j")" True

	# --- edit a note, delete another -----------------------------------
	keys w
	expect "$n: which note" "Which note to edit?"
	expect "$n: latest first" "2026-11-02  Note écrite par erreur"
	keys Down Enter
	expect "$n: note form" "Edit the note of 2026-10-01"
	keys " (corrigée)" Enter
	expect "$n: note saved" "Note saved."
	expect "$n: note shown" "Première note (corrigée)"
	keys D
	expect "$n: which to delete" "Which note to delete?"
	keys Enter
	expect "$n: delete question" "“Note écrite par erreur”"
	before=$(dbsum)
	keys Enter
	expect_not "$n: kept" "Delete this note?"
	same "$n: keeping writes nothing" "$(dbsum)" "$before"
	keys D Enter
	expect "$n: asked again" "Delete this note?"
	keys Down Enter
	expect "$n: deleted" "Note of 2026-11-02 deleted."
	expect_not "$n: gone" "par erreur"
	same "$n: one note" "$(q "[(x['seq'], x['text']) for x in p['Abadie']['notes']]")" "[(1, 'Première note (corrigée)')]"
	same "$n: notes journalled" "$(q "'note 1 of 2026-10-01 edited' in j and 'note 2 of 2026-11-02 deleted' in j")" True
	same "$n: the text is not" "$(q "'erreur' in j")" False
	keys Escape Escape

	# --- an exit reason that does not fit the jobs -------------------------
	keys / z o r n Enter Enter
	expect "$n: Zorn" "ZORN Bastien"
	keys x
	expect "$n: exit form" "CDD de six mois ou plus"
	before=$(dbsum)
	# Moving away, while the CDD goes on.
	keys Tab Right Right Right Right Right Right Enter
	expect "$n: not positive" "holds a job going on that day (Carrefour,"
	keys Enter
	expect "$n: exit back" "Not saved"
	expect "$n: reason kept" "Déménagement"
	same "$n: exit back writes nothing" "$(dbsum)" "$before"
	# A CDI reason, with a CDD: going on leads to the rule's refusal.
	keys Left Left Left Left Left Left Left Enter
	expect "$n: contract" "This reason goes with a job in open-ended (CDI); the jobs"
	keys Down Enter
	expect "$n: refused after" "Needs six months of qualifying work"
	keys Right Right Right Right Right Right Right Enter
	expect "$n: asked" "holds a job going on"
	keys Down Enter
	expect "$n: exit recorded" "Exit recorded"
	same "$n: left" "$(q "p['Zorn']['status'], p['Zorn']['exit_reason']")" "('exited', 'demenagement')"
	same "$n: appointment cancelled" "$(appt Zorn 20)" "[('2026-12-07', 840, 'entretien', 'cancelled')]"

	# --- undo the exit ----------------------------------------------------
	before=$(dbsum)
	keys U
	expect "$n: undo question" "Undo the exit?"
	expect "$n: undo answers" "Keep the exit"
	keys Enter
	expect_not "$n: kept exit" "Undo the exit?"
	same "$n: keeping the exit writes nothing" "$(dbsum)" "$before"
	keys U Down Enter
	expect "$n: undone" "Exit undone: ZORN Bastien is followed again"
	same "$n: followed again" "$(q "[p['Zorn'][k] for k in ('status', 'exit_date', 'exit_reason', 'exit_positive', 'exit_validated', 'exit_hired', 'exit_lost', 'exit_lost_reason')]")" \
		"['follow-up', None, None, False, None, None, None, None]"
	same "$n: still cancelled" "$(appt Zorn 20)" "[('2026-12-07', 840, 'entretien', 'cancelled')]"
	same "$n: undo journalled" "$(q "'exit on 2026-11-26 (demenagement) undone: follow-up again' in j")" True
	keys U
	expect "$n: nothing to undo" "No exit to undo"
	# The cancelled appointment, planned again.
	keys G o
	expect "$n: correct cancelled" "(now cancelled)"
	keys Left Left Left Enter
	expect "$n: planned again" "Outcome corrected: planned."
	same "$n: planned" "$(appt Zorn 20)" "[('2026-12-07', 840, 'entretien', 'planned')]"
	keys Escape Escape

	# --- the same person twice ------------------------------------------------
	keys A
	expect "$n: new form" "New participant"
	before=$(dbsum)
	keys "ABADIE " Tab "zephyrine" Tab 0 4 / 0 5 / 1 9 9 0 Enter
	expect "$n: duplicate" "ABADIE Zéphyrine, born 1990-05-04, is already there"
	keys Escape
	expect "$n: new back" "Not saved"
	expect "$n: new kept" "zephyrine"
	same "$n: new back writes nothing" "$(dbsum)" "$before"
	keys Enter
	expect "$n: asked twice" "is already there"
	keys Down Enter
	expect "$n: added" "zephyrine ABADIE added."
	expect "$n: entry questionnaire" "Funder's entry questionnaire"
	keys Escape
	same "$n: two Abadie" "$(q "sum(1 for x in d['participants'] if x['last_name'] in ('Abadie', 'ABADIE'))")" 2
	keys Escape

	# --- an export over a file ----------------------------------------------
	keys E
	expect "$n: export form" "Export the caseload summary"
	keys Enter
	expect "$n: exported" "Summary written to"
	echo mine >"$HOME/parcours-$T.csv"
	keys E
	expect "$n: export form 2" "Export the caseload summary"
	keys Enter
	expect "$n: replace?" "Replace the file?"
	keys Enter
	expect "$n: export back" "Not saved"
	keys Escape
	same "$n: file kept" "$(cat "$HOME/parcours-$T.csv")" mine
	keys E Enter
	expect "$n: replace again" "Replace the file?"
	keys Down Enter
	expect "$n: replaced" "Summary written to"
	grep -q "Abadie\|ABADIE" "$HOME/parcours-$T.csv" && ok || ko "$n: the file was not replaced"
	rm -f "$HOME/parcours-$T.csv"
	keys q
	same "$n: quit" "$(dead_status)" 0
	run "$n: check" 0 --db "$DB" check
}

scenario big 100 30
scenario small 80 24

# A note of several lines (loaded) edited in a one-line field: its line
# breaks and tabs show as ¶ and ⇥, and come back when saved (the field
# kept only the first line).
python3 - "$WORK/cases.json" "$WORK/lines.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["participants"][0]["notes"] = [{"seq": 1, "date": "2026-10-01",
                                  "text": "ligne un\nligne deux\tet tab"}]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db-lines
run "lines: load" 0 --db "$DB" load "$WORK/lines.json"
start lines 100 30
ready "ABADIE Zéphyrine"
keys / a b a d i e Enter Enter w
expect "lines: shown" "ligne un¶ligne deux⇥et tab"
keys " !" Enter
expect "lines: saved" "Note saved."
same "lines: kept" "$(q "p['Abadie']['notes'][0]['text']")" "$(printf 'ligne un\nligne deux\tet tab !')"
keys q q

# French: the warning's date reads as French dates do.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	DB=$WORK/db-fr
	run "fr: load" 0 --db "$DB" load "$WORK/cases.json"
	start fr 100 30 LC_ALL= LANG=fr_FR.UTF-8
	ready "ABADIE Zéphyrine"
	keys / a b a d i e Enter Enter
	keys r
	expect "fr: form" "20/11/2026"
	keys C-u 24/11/2026 Enter
	expect "fr: past" "24/11/2026"
	keys Escape Escape
	keys q
fi

finish

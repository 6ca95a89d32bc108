#!/usr/bin/env bash
# tui/forms_pick.sh: what a referent types shows as typed (a long text
# scrolls with the cursor, a combining accent stays on its letter, a
# 600-character note is edited whole); Shift-Tab goes back; a note starts
# in its text; too small inside a form, Esc is the way out and what was
# typed waits; values the configuration holds are picked: appointment
# kinds (shown in the interface's language, an unknown one as typed) and
# public categories (ticked, filtered without case or accents); the erase
# form says Enter erases.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# A participant of the demo renamed to be found whatever the demo holds,
# with an appointment whose kind was typed in English and one whose kind
# the configuration does not know.
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ids = [a["id"] for p in d["participants"] for a in p["appointments"]]
p = min((p for p in d["participants"] if p["status"] == "active"),
        key=lambda p: p["id"])
p["last_name"], p["first_name"], p["publics"] = "Quintal", "Ysé", "rsa"
p["appointments"] = [a for a in p["appointments"] if a["date"] < "2026-11-01"]
for n, (day, kind) in enumerate([("2026-11-02", "interview"),
                                 ("2026-11-03", "Visite à domicile")]):
    p["appointments"].append({"id": max(ids) + 1 + n, "date": day,
                              "minute": 600, "kind": kind,
                              "mode": "in-person", "status": "done",
                              "note": None})
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
# One field of Quintal's record in the dump, by a Python expression on p.
quintal() {
	P dump | python3 -c "import json, sys
p = [p for p in json.load(sys.stdin)['participants'] if p['last_name'] == 'Quintal'][0]
print($1)"
}

start main 100 30
keys / q u i n t a l Enter Enter
ready "QUINTAL Ysé"
expect kind-english "2026-11-02 10:00  Interview"
expect kind-unknown "2026-11-03 10:00  Visite à domicile"

# --- the plan form: kinds picked; a text wider than its box shows whole -------
keys a
expect plan-form "Plan an appointment"
expect plan-kind "‹ Interview ›"
keys Tab C-u "dix heures"
expect time-typed "Time  dix heures"
keys Enter
expect time-refused "'dix heures' is not a time"
keys C-u 1 0 h
# Shift-Tab goes back to the date.
keys BTab C-u + 2
expect date-typed "Date  +2"
keys Tab Tab Right Right
expect kind-picked "‹ Workshop ›"
keys Enter
expect planned "Appointment planned on 2026-11-28"
expect planned-shown "2026-11-28 10:00  Workshop"
same "the kind is stored by its id" \
	"$(quintal "[(a['kind'], a['minute']) for a in p['appointments'] if a['date'] == '2026-11-28']")" \
	"[('atelier', 600)]"

# --- a note starts in its text; accents as typed; a 600-character note --------
keys n
expect note-form "Add a note"
keys "Nguye"
keys -l $'\xcc\x82'
keys -l $'\xcc\x83'
keys "n"
expect note-combining $'Note  Nguye\xcc\x82\xcc\x83n'
keys C-u
long=$(python3 -c "print(''.join('abcdefghij'[i % 10] if i % 10 else str(i // 100) for i in range(600)))")
keys -l "$long"
# The end shows while typing; Home brings the start back.
expect note-end "${long: -40}"
keys Home
expect note-start "Note  ${long:0:40}"
keys -l "Début : "
keys Enter
expect note-saved "Note added."
same "the note kept every character" \
	"$(quintal "[(n['date'], len(n['text']), n['text'][:8]) for n in p['notes'] if len(n['text']) > 500]")" \
	"[('2026-11-26', 608, 'Début : ')]"

# --- too small inside a form: Esc is the way out, what was typed waits --------
keys e
expect identity-form "Identity and contact"
keys x
expect identity-typed "Quintalx"
tm resize-window -t "$S" -x 60 -y 20
expect too-small "Terminal too small: 60×20."
expect too-small-esc "Esc cancels the form."
expect_not too-small-not-q "q quits."
keys q
tm resize-window -t "$S" -x 100 -y 30
expect kept "Quintalx"
expect_not q-is-not-typed "Quintalxq"
keys BSpace

# --- public categories ticked; the filter ignores case and accents ------------
keys Down Down Down Down Down Down
expect publics-shown "‹ rsa ›"
keys R É S I D E N T
expect publics-list "Filter: RÉSIDENT"
expect publics-found "[ ] qpv — Résident d'un quartier prioritaire (QPV)"
expect_not publics-filtered "senior —"
keys Space
expect publics-ticked "[x] qpv — "
keys C-u
expect publics-unfiltered "senior —"
keys Enter
expect publics-kept "‹ rsa, qpv ›"
keys Enter
expect identity-saved "Identity saved."
same "publics saved" "$(quintal "p['publics'], p['last_name']")" "rsa,qpv Quintal"

# Too small in a form, then Esc: the form is gone, nothing written.
before=$(dbsum)
keys e
expect identity-form-2 "Identity and contact"
keys "zz"
tm resize-window -t "$S" -x 60 -y 20
expect too-small-2 "Esc cancels the form."
keys Escape
tm resize-window -t "$S" -x 100 -y 30
expect back "QUINTAL Ysé"
expect_not form-gone "Identity and contact"
same "Esc when too small writes nothing" "$(dbsum)" "$before"

# --- the erase form says what Enter does --------------------------------------
keys X
expect erase-form "Erase QUINTAL Ysé"
expect erase-hint "⏎ erase ·"
expect_not erase-not-save "⏎ save"
keys Escape
expect_not erase-closed "Erase QUINTAL"

# --- 80x24: the longest forms whole ---------------------------------------------
start small 80 24
keys / q u i n t a l Enter Enter
ready "QUINTAL Ysé"
keys e
expect small-identity "Publics"
expect small-identity-hint "Esc cancel"
expect small-publics "‹ rsa, qpv ›"
keys Escape a
expect small-plan "‹ Interview ›"
keys Tab Tab Space
expect small-kinds "In-work check-in"
keys Escape Escape

# --- French: a kind typed in English shows in French --------------------------
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	start fr 100 30 LC_ALL=fr_FR.UTF-8
	keys / q u i n t a l Enter Enter
	ready "QUINTAL Ysé"
	expect fr-kind-english "02/11/2026 10:00  Entretien"
	expect fr-kind-picked "28/11/2026 10:00  Atelier"
	expect fr-kind-unknown "03/11/2026 10:00  Visite à domicile"
fi

finish

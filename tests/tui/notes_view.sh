#!/usr/bin/env bash
# tui/notes_view.sh: notes are read in full. ⏎ on an appointment of the
# participant view opens the note view on it, `v` on every note, newest
# first under its date; a 600-character note reads whole, wrapped on word
# boundaries (accents, a combining accent, wide characters), at 100x30
# and 80x24; a long text scrolls with "more" markers; Esc goes back to
# the participant. The participant view signals notes out of view.
# Before, the note showed as one line cut at the pane's edge.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# Two current participants of the demo, renamed to be found whatever the
# demo holds: Zanetti with a 600-character note and a 600-character note
# on her first appointment, Zubiri with twelve notes of 250 characters.
python3 - "$WORK/demo.json" "$WORK/cases.json" "$WORK/expected.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
cur = sorted((p for p in d["participants"] if p["status"] == "active"),
             key=lambda p: p["id"])
words = ("entretien motivation candidature éducatrice spécialisée démarches "
         "logement Nguyễn mobilité permis B formation qualifiante employeur "
         "café CV 日本語 atelier e\u0301te\u0301 garde d'enfants").split()
# A text of exactly n characters from `first` to `last`, words between.
def text(first, last, n):
    out, i = first, 0
    while len(out) + 1 + len(words[i % len(words)]) + 1 + len(last) <= n:
        out += " " + words[i % len(words)]
        i += 1
    missing = n - len(out) - 1 - len(last)
    if missing > 0:
        out = out[: -1] if missing == 1 else out + " " + "x" * (missing - 1)
    out += " " + last
    assert len(out) == n, (len(out), n)
    return out
p, q = cur[0], cur[1]
p["last_name"], p["first_name"] = "Zanetti", "Ophélie"
p["notes"] = [{"seq": 1, "date": "2026-10-01", "text": "Première note courte."},
              {"seq": 2, "date": "2026-11-20",
               "text": text("DEBUTNOTE", "FINNOTE", 600)}]
p["appointments"].sort(key=lambda a: (a["date"], a["id"]))
p["appointments"][0]["note"] = text("DEBUTRDV", "FINRDV", 600)
q["last_name"], q["first_name"] = "Zubiri", "Anselme"
q["notes"] = [{"seq": k, "date": "2026-%02d-%02d" % (1 + k // 3, k),
               "text": text("NOTE%02d" % k, "FIN%02d" % k, 250)}
              for k in range(1, 13)]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
json.dump({"note": p["notes"][1]["text"], "rdv": p["appointments"][0]["note"],
           "rdv_date": p["appointments"][0]["date"],
           "oldest": q["notes"][0]["text"]},
          open(sys.argv[3], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
RDV_DATE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rdv_date"])' "$WORK/expected.json")

# whole NAME KEY FIRST: the screen's text lines, from the one starting
# with FIRST to the next empty one, joined by spaces, are the expected
# text KEY: nothing cut, lines broken between words only, no line wider
# than the screen.
whole() {
	local shown
	shown=$(screen)
	if python3 -c '
import json, sys, unicodedata
want = json.load(open(sys.argv[1]))[sys.argv[2]]
lines, out, on = sys.stdin.read().split("\n"), [], False
for l in lines:
    t = l.strip()
    if t.startswith(sys.argv[3]):
        on = True
    if on and (t == "" or t.startswith("─")):
        break
    if on:
        out.append(t)
got = " ".join(out)
nfc = lambda s: unicodedata.normalize("NFC", s)
if nfc(got) != nfc(want):
    print("shown:   ", got, "\nexpected:", want, file=sys.stderr)
    sys.exit(1)
' "$WORK/expected.json" "$2" "$3" <<<"$shown"; then ok; else
		ko "$1: the text does not read whole"
	fi
}

for size in "100 30" "80 24"; do
	set -- $size
	start "s$1" "$1" "$2"
	ready "participants"
	keys / z a n e t t i Enter Enter
	ready "ZANETTI Ophélie"
	# The pane says how to read the notes whole.
	expect "$1: notes hint" "v reads them whole"
	# ⏎ on her first appointment: its note, whole.
	keys g Enter
	expect "$1: appointment view" "Appointment of $RDV_DATE"
	expect "$1: appointment note end" "FINRDV"
	whole "$1: appointment note whole" rdv DEBUTRDV
	expect_not "$1: nothing cut" "…"
	keys Escape
	expect "$1: back to the participant" "Appointments"
	expect_not "$1: note view left" "Appointment of"
	# v: every note, newest first, each under its date.
	keys v
	expect "$1: notes view" "2 notes, newest first"
	expect "$1: newest first" "2026-11-20"
	whole "$1: note whole" note DEBUTNOTE
	same "$1: order" "$(screen | grep -n -e '^  2026-11-20' -e '^  2026-10-01' | cut -d: -f2 | tr -d ' ' | tr '\n' ,)" "2026-11-20,2026-10-01,"
	expect "$1: the old note" "Première note courte."
	# The help lists the view's keys; q goes back.
	keys '?'
	expect "$1: help" "Keys of the Notes view"
	keys q
	expect "$1: back from help" "2 notes, newest first"
	keys q
	expect "$1: q back" "Appointments"
	# Back in the caseload, Esc clears the search.
	keys Escape
	ready "/zanetti"
	keys Escape

	# Twelve notes: the pane signals those out of view, the view scrolls.
	keys / z u b i r i Enter Enter
	ready "ZUBIRI Anselme"
	expect "$1: notes out of view" "more · v reads them whole"
	keys v
	expect "$1: 12 notes" "12 notes, newest first"
	expect "$1: more below" "↓"
	expect_not "$1: oldest not yet" "FIN01"
	keys G
	expect "$1: more above" "↑"
	expect "$1: oldest at the end" "FIN01"
	whole "$1: oldest whole" oldest NOTE01
	keys g
	expect "$1: back at the top" "NOTE12"
	keys Escape
	expect "$1: back to Zubiri" "Appointments"
	keys Escape
	ready "/zubiri"
	keys q
	same "$1: exit status" "$(dead_status)" 0
done

# In French: the same keys, the dates as the French write them.
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	start fr 100 30 LC_ALL=fr_FR.UTF-8
	ready "participant"
	keys / z a n e t t i Enter Enter
	ready "ZANETTI Ophélie"
	keys v
	expect "fr: the date" "20/11/2026"
	whole "fr: note whole" note DEBUTNOTE
	keys q q
fi

finish

#!/usr/bin/env bash
# cli/load_checks.sh: load refuses, with the line, what `check` would find
# wrong or what would be lost in silence (a sequence number used twice, a
# stage that is not the last move's, a missing referent) and text no form
# accepts; a refused load writes nothing.
. "$(dirname "$0")/../lib.sh"

make_db 2
P dump --output "$WORK/gold.json" 2>/dev/null
# bad NAME PYTHON EXPECTED: the dump changed by PYTHON (on `d`, the
# document, and `p`, a participant with moves, notes and a job) is refused
# with EXPECTED, and the database stays empty.
bad() {
	python3 - "$WORK/gold.json" "$WORK/$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = next(p for p in d["participants"] if p["notes"] and p["jobs"] and len(p["moves"]) > 1)
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
PY
	run "load-$1" 2 --db "$WORK/$1" load "$WORK/$1.json"
	err_has "load-$1" "$3"
	same "load-$1 writes nothing" "$("$BIN" --db "$WORK/$1" --today $T list --format tsv --exited | wc -l)" 1
}
bad note-twice 'p["notes"].append(dict(p["notes"][0], text="une autre"))' \
	"note-twice.json: line [0-9]*: seq: this number is used twice"
bad move-twice 'p["moves"].insert(0, dict(p["moves"][-1], stage="freins"))' \
	"move-twice.json: line [0-9]*: seq: this number is used twice"
bad job-twice 'p["jobs"].append(dict(p["jobs"][0], employer="Autre"))' \
	"job-twice.json: line [0-9]*: seq: this number is used twice"
bad journal-twice 'd["journal"].append(dict(d["journal"][0], what="x"))' \
	"journal-twice.json: line [0-9]*: seq: this number is used twice"
bad stage 'p["stage"] = p["moves"][0]["stage"] if p["moves"][0]["stage"] != p["stage"] else "ailleurs"' \
	"stage.json: line [0-9]*: stage: '.*', but the last stage move (seq [0-9]*, line [0-9]*) is to '"
bad referent-empty 'p["referent"] = ""' "referent-empty.json: line [0-9]*: referent: required"
bad referent-null 'p["referent"] = None' "referent-null.json: line [0-9]*: referent: expected text"
bad name-blank 'p["last_name"] = " "' "name-blank.json: line [0-9]*: last_name: required"
bad name-escape 'p["last_name"] = "PWNED\x1b]0;t\x07"' \
	"name-escape.json: line [0-9]*: last_name: holds a control character (U+001B)"
bad name-newline 'p["first_name"] = "Jean\nFAUX"' "name-newline.json: line [0-9]*: first_name: holds a control character (U+000A)"
bad name-long 'p["last_name"] = "a" * 201' "name-long.json: line [0-9]*: last_name: too long (201 bytes, at most 200)"
bad note-cr 'p["notes"][0]["text"] = "a\rb"' "note-cr.json: line [0-9]*: text: holds a control character (U+000D)"
bad note-long 'p["notes"][0]["text"] = "n" * 10001' "note-long.json: line [0-9]*: text: too long (10001 bytes, at most 10000)"
bad date-range 'p["birth_date"] = "1899-12-31"' "date-range.json: line [0-9]*: birth_date: expected a date"

# A note may hold line breaks and tabs: that loads, and dumps back the same.
python3 - "$WORK/gold.json" "$WORK/lines.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = next(p for p in d["participants"] if p["notes"])
p["notes"][0]["text"] = "deux\nlignes\tet un tab"
json.dump(d, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
PY
run load-lines 0 --db "$WORK/lines" load "$WORK/lines.json"
run check-lines 0 --db "$WORK/lines" check
"$BIN" --db "$WORK/lines" dump | grep -q 'deux\\nlignes\\tet un tab' && ok || ko "note with line breaks dumped back"

finish

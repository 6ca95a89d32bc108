#!/usr/bin/env bash
# cli/bulk_memory.sh: the bulk commands, which let go of the database's
# mapped pages as they go and read a dump one participant at a time, give
# what they gave when they held it all: a demo of a few thousand loads back
# to the same dump, its backup restores to it, check finds it whole; a
# streamed load still tells the first syntax error before any record's,
# a journal number used twice before loading anyone, a list in any order.
. "$(dirname "$0")/../lib.sh"

make_db 3 --participants 3000
run dump 0 --db "$DB" dump --output "$WORK/gold.json"
run load 0 --db "$WORK/loaded" load "$WORK/gold.json"
"$BIN" --db "$WORK/loaded" dump >"$WORK/loaded.json"
cmp -s "$WORK/gold.json" "$WORK/loaded.json" && ok || ko "load then dump differs"
run check 0 --db "$WORK/loaded" check
out_has check "the database is whole"
run check-demo 0 --db "$DB" check
out_has check-demo "the database is whole"

# A backup goes through a pipe: the same bytes, restored to the same data.
run backup 0 --db "$DB" backup "$WORK/copy.mdb"
mkdir -m 700 "$WORK/restored"
run restore 0 --db "$WORK/restored" restore "$WORK/copy.mdb"
"$BIN" --db "$WORK/restored" dump >"$WORK/restored.json"
cmp -s "$WORK/gold.json" "$WORK/restored.json" && ok || ko "backup then restore differs"

# Errors, each told as a whole-document parse told it, nothing written.
python3 - "$WORK" <<'EOF'
import json, sys
work = sys.argv[1]
text = open(work + "/gold.json").read()
# A record's error on line 3, a syntax error near the end: the syntax first.
early = text.replace('"gender": "', '"gender": "zz', 1)
cut = early.rfind('"who"')
open(work + "/both.json", "w").write(early[:cut] + '"who" x' + early[cut + 5:])
open(work + "/record.json", "w").write(early)
# The journal's second line takes the first one's number.
open(work + "/dup.json", "w").write(
    text.replace('{"seq": 2, "time"', '{"seq": 1, "time"', 1))
# The journal before the participants.
d = json.loads(text)
small = {"format": "parcours-dump", "version": 1, "schema_version": 2,
         "journal": d["journal"][:3], "participants": d["participants"][:2]}
open(work + "/order.json", "w").write(json.dumps(small, indent=1))
EOF
syntax_line=$(grep -n '"who" x' "$WORK/both.json" | cut -d: -f1)
run load-both 2 --db "$WORK/e1" load "$WORK/both.json"
err_has load-both "both.json: line $syntax_line: expected ':'"
run load-record 2 --db "$WORK/e2" load "$WORK/record.json"
err_has load-record "record.json: line 3: gender: not a known value"
dup_line=$(grep -n '{"seq": 1, "time"' "$WORK/dup.json" | sed -n 2p | cut -d: -f1)
run load-dup 2 --db "$WORK/e3" load "$WORK/dup.json"
err_has load-dup "dup.json: line $dup_line: seq: this number is used twice"
same "refused loads write nothing" \
	"$("$BIN" --db "$WORK/e2" --today $T list --format tsv --exited | wc -l)" 1
run load-order 0 --db "$WORK/e4" load "$WORK/order.json"
same "a list in any order" \
	"$("$BIN" --db "$WORK/e4" --today $T list --format tsv --exited | wc -l)" 3

finish

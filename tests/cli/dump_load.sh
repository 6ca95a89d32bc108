#!/usr/bin/env bash
# cli/dump_load.sh: a dump loads back to the same data and the same dump,
# ids go on after it, and load refuses a database that is not empty and
# a bad or cut document, writing nothing.
. "$(dirname "$0")/../lib.sh"

make_db 1
run dump 0 --db "$DB" dump --output "$WORK/gold.json"
same "dump mode" "$(stat -c %a "$WORK/gold.json")" 600
run load 0 --db "$WORK/loaded" load "$WORK/gold.json"
"$BIN" --db "$WORK/loaded" dump >"$WORK/loaded.json"
cmp -s "$WORK/gold.json" "$WORK/loaded.json" && ok || ko "load then dump differs"
same "loaded caseload" "$("$BIN" --db "$WORK/loaded" --today $T list --format tsv --exited)" \
	"$("$BIN" --db "$DB" --today $T list --format tsv --exited)"
# Ids go on after the loaded ones.
printf 'nom,prenom,date_naissance\nNouvelle,Personne,1990-01-01\n' >"$WORK/new.csv"
"$BIN" --db "$WORK/loaded" --today $T import "$WORK/new.csv" >/dev/null
same "next id after load" "$("$BIN" --db "$WORK/loaded" --today $T list --format tsv | awk -F'\t' '$2 == "Nouvelle" { print $1 }')" \
	"$(( $(python3 -c 'import json,sys; print(max(p["id"] for p in json.load(open(sys.argv[1]))["participants"]))' "$WORK/gold.json") + 1 ))"
sum=$(md5sum <"$WORK/loaded/data.mdb")
run load-not-empty 2 --db "$WORK/loaded" load "$WORK/gold.json"
err_has load-not-empty "load fills only an empty one"
same "refused load leaves the data" "$(md5sum <"$WORK/loaded/data.mdb")" "$sum"
printf '{"format": "parcours-dump", "version": 1,\n "participants": [{"id": "one"}], "journal": []}' >"$WORK/bad-dump.json"
run load-bad 2 --db "$WORK/empty-load" load "$WORK/bad-dump.json"
err_has load-bad "bad-dump.json: line 2: id: expected a whole number"
same "bad load writes nothing" "$("$BIN" --db "$WORK/empty-load" --today $T list --format tsv --exited | wc -l)" 1
printf '{"format": "parcours-dump", "version": 1, "participants": [' >"$WORK/cut.json"
run load-cut 2 --db "$WORK/empty-load" load "$WORK/cut.json"
err_has load-cut "cut.json: line 1: unexpected end of the document"

finish

#!/usr/bin/env bash
# cli/rights.sh: the participants' rights: access (everything held on one
# person), a legal hold, erasure leaving no trace, purge of old exits.
. "$(dirname "$0")/../lib.sh"

make_db 4
R=$DB
printf 'nom,prenom,date_naissance,telephone\nZygomatique,Xénophon,1970-01-01,07 99 88 77 66\n' >"$WORK/z.csv"
"$BIN" --db "$R" --today $T import "$WORK/z.csv" >/dev/null
zid=$("$BIN" --db "$R" --today $T list --format tsv | awk -F'\t' '$2 == "Zygomatique" { print $1 }')
P2() { "$BIN" --db "$R" --today $T "$@"; }
P2 --referent "Marie Dupont" list >/dev/null
run access 0 --db "$R" --today $T access "$zid"
same "access" "$(python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["format"], d["participant"]["last_name"], d["participant"]["phone"], len(d["journal"]) > 0)' <"$WORK/out")" \
	"parcours-access Zygomatique 07 99 88 77 66 True"
run access-none 1 --db "$R" access 99999
err_has access-none "participant 99999 not found"
run access-bad 2 --db "$R" access abc
# The name is in the file before erasure (the search below can find it).
grep -q -a "Zygomatique" "$R/data.mdb" && ok || ko "name not found before erase"
run hold 0 --db "$R" hold "$zid"
run erase-held 2 --db "$R" --today $T erase "$zid"
err_has erase-held "under a legal hold"
P2 list --format tsv | grep -q Zygomatique && ok || ko "held participant erased"
# Not while another process has the database open: the lock is held
# (shared) before erase is tried.
flock -s "$R/data.mdb" sleep 3 &
holder=$!
for _ in $(seq 50); do
	flock -n -x "$R/data.mdb" true || break
	sleep 0.05
done
run erase-open 1 --db "$R" --today $T erase "$zid" --force
err_has erase-open "open in another window"
wait "$holder"
run erase 0 --db "$R" --today $T erase "$zid" --force
leaks=$(cat "$R"/* | grep -c -a -e "Zygomatique" -e "Xénophon" -e "07 99 88 77 66" || true)
same "nothing left after erase" "$leaks" 0
run erase-check 0 --db "$R" check
P2 dump | grep -q '"participant [0-9]* erased on 2026-11-26"' && ok || ko "no journal line for the erasure"
# Of the journal's lines about the person (added, legal hold...), only
# the erasure's is left: they stayed before.
same "journal: only the erasure line" "$(P2 dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([j["what"] for j in d["journal"] if j.get("participant") == int(sys.argv[1])])' "$zid")" \
	"['participant $zid erased on 2026-11-26']"
# A copy restore kept aside holds everyone: erasure reaches it too (the
# name, phone and notes stayed in data.mdb.before-restore-*).
printf 'nom,prenom,date_naissance,telephone\nQuiescent,Yolande,1971-02-02,07 11 22 33 44\n' >"$WORK/q.csv"
"$BIN" --db "$R" --today $T import "$WORK/q.csv" >/dev/null
qid=$(P2 list --format tsv | awk -F'\t' '$2 == "Quiescent" { print $1 }')
"$BIN" --db "$R" backup "$WORK/with-q.bak" >/dev/null
run restore-for-copy 0 --db "$R" --today $T restore "$WORK/with-q.bak"
grep -q -a "Quiescent" "$R"/data.mdb.before-restore-* && ok || ko "the kept copy lacks the name before erasure"
run erase-copies 0 --db "$R" --today $T erase "$qid"
same "nothing left in the copies after erase" \
	"$(cat "$R"/* 2>/dev/null | grep -c -a -e "Quiescent" -e "Yolande" -e "07 11 22 33 44" || true)" 0
same "no working directory left" "$(ls -A "$R" | grep -c '^\.' || true)" 0
for c in "$R"/data.mdb.before-restore-*; do
	mkdir -p "$WORK/copy-check" && cp "$c" "$WORK/copy-check/data.mdb" && chmod 700 "$WORK/copy-check"
	run "copy still a database" 0 --db "$WORK/copy-check" check
	rm -rf "$WORK/copy-check"
done
run purge-dry 0 --db "$R" --today $T purge --exited-before 2026-07-01 --dry-run
n=$(awk '{ print $1 }' "$WORK/out")
exited_before=$(P2 list --exited --format tsv | wc -l)
run purge 0 --db "$R" --today $T purge --exited-before 2026-07-01
out_has purge "^$n participants erased"
same "purged" "$(P2 list --exited --format tsv | wc -l)" "$((exited_before - n))"
run purge-nodate 2 --db "$R" purge

finish

#!/usr/bin/env bash
# cli/concurrency.sh: two processes writing at once lose nothing.
. "$(dirname "$0")/../lib.sh"

make_db 1 --participants 1
C=$DB
before=$("$BIN" --db "$C" --today $T list --format tsv --exited | wc -l)
for w in a b; do
	( for i in $(seq 15); do
		printf 'nom,prenom,date_naissance\nConc%s%d,X,1990-01-01\n' "$w" "$i" >"$WORK/c$w$i.csv"
		"$BIN" --db "$C" --today $T import "$WORK/c$w$i.csv" >/dev/null || echo fail
	done ) >"$WORK/conc-$w.out" &
done
wait
same "concurrent writers" "$("$BIN" --db "$C" --today $T list --format tsv --exited | wc -l)" "$((before + 30))"
same "no writer failed" "$(cat "$WORK"/conc-*.out)" ""
run conc-check 0 --db "$C" check

finish

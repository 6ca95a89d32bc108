#!/usr/bin/env bash
# cli/import_scale.sh: checking a spreadsheet costs the same per row at any
# size (an index finds who is already there; it used to be a scan of every
# earlier row: 80,000 rows 2.5 s, a million 18 minutes).
. "$(dirname "$0")/../lib.sh"

# rows N FILE: N distinct people, every tenth one twice.
rows() {
	awk -v n="$1" 'BEGIN {
		print "nom;prénom;date_naissance;étape"
		for (i = 0; i < n; i++) {
			k = i % 10 == 9 ? i - 1 : i
			printf "Lefèvre %d;Élodie;%02d/%02d/%d;freins\n", k, k % 28 + 1, k % 12 + 1, 1950 + k % 50
		}
	}' >"$2"
}
# best_ms FILE: the fastest of three dry runs, in milliseconds.
best_ms() {
	local best= t0 t1
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		"$BIN" --db "$WORK/db" --today $T import "$1" --dry-run >"$WORK/out" 2>/dev/null
		t1=$(date +%s%N)
		t1=$(((t1 - t0) / 1000000))
		if [ -z "$best" ] || [ "$t1" -lt "$best" ]; then best=$t1; fi
	done
	echo "$best"
}
rows 40000 "$WORK/small.csv"
rows 160000 "$WORK/big.csv"
small=$(best_ms "$WORK/small.csv")
big=$(best_ms "$WORK/big.csv")
out_has "dry run of 160,000 rows" "144000 participants would be imported, 16000 already there"
# Four times the rows, about four times the time; a scan of earlier rows
# makes it sixteen.
if [ "$big" -le $((8 * small + 300)) ]; then ok; else
	ko "160,000 rows took ${big} ms, 40,000 rows ${small} ms: not linear"
fi

finish

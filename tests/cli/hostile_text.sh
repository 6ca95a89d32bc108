#!/usr/bin/env bash
# cli/hostile_text.sh: control characters in stored names (ESC sequences
# that retitle a terminal or clear it, a line feed, DEL, C1's CSI) and in
# an imported file are shown as ^[, ^J, ^?, ~[ by every text output of
# the command line, never sent to the terminal; a line feed in a name
# makes no row of its own.
. "$(dirname "$0")/../lib.sh"

# The store takes such text as an older database may hold it (input now
# refuses it): tests/test_hostile.c writes the database.
HOSTILE=${PARCOURS_HOSTILE:-$(dirname "$BIN")/../tests/test_hostile}
"$HOSTILE" --hostile-db "$DB" || { ko "$HOSTILE --hostile-db failed"; finish; }

# raw NAME FILE: FILE holds no byte a terminal obeys: C0 controls but tab
# and line feed (CR only before a line feed), DEL, C1 in UTF-8.
raw() {
	if python3 - "$2" <<'PY'; then ok; else ko "$1: a control character reaches the terminal: $(head -c 300 "$2" | od -c | head -5)"; fi
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|\xc2[\x80-\x9f]", data)
sys.exit(1 if bad else 0)
PY
}
# shows NAME FILE TEXT: FILE holds TEXT (a fixed string).
shows() { if grep -qF -- "$3" "$2"; then ok; else ko "$1: lacks '$3': $(head -c 300 "$2")"; fi; }

# list: one line per participant, whatever their names hold.
run list 0 --db "$DB" --today $T list
raw list "$WORK/out"
shows list "$WORK/out" '^[]0;PWNED-BY-CSV^GEVIL'
same "list: one line each (a header, 3 participants)" "$(wc -l <"$WORK/out")" 5
run list-all 0 --db "$DB" --today $T list --all
raw list-all "$WORK/out"
shows list-all "$WORK/out" '^[[31mRed^[[0m Referent'
same "list --all: one line each" "$(wc -l <"$WORK/out")" 6
run list-tsv 0 --db "$DB" --today $T list --format tsv
raw list-tsv "$WORK/out"
shows list-tsv "$WORK/out" $'^[]0;PWNED-BY-CSV^GEvil\tJean FAKE ROW\t'
shows list-tsv "$WORK/out" $'Del^?^HBack\tC1~[2J~ENext\t'
same "list --format tsv: one line each" "$(wc -l <"$WORK/out")" 4
# The referent given on the command line is shown the same way.
run list-referent 0 --db "$DB" --today $T --referent $'\e]0;x\a' list
raw list-referent "$WORK/out"
shows list-referent "$WORK/out" '^[]0;x^G — 0 participants'

# attention, both formats.
for args in "" "--all" "--format tsv" "--all --format tsv"; do
	# shellcheck disable=SC2086
	run "attention $args" 0 --db "$DB" --today $T attention $args
	raw "attention $args" "$WORK/out"
done
shows attention "$WORK/out" '^[]0;PWNED-BY-CSV^GEvil'

# export to standard output, every format.
for f in md csv json html; do
	run "export $f" 0 --db "$DB" --today $T export --all --format $f
	raw "export $f" "$WORK/out"
done

# import: its messages quote the file's cells, headers and its name.
IMP=$WORK/$'imp\e]0;file\a'
mkdir -p "$IMP"
printf 'nom,prenom,date_naissance,\e]0;col\a\nDurand,Karim,\e]0;PWNED\a,x\n' >"$IMP/bad.csv"
run import-bad 2 --db "$WORK/imp-db" --today $T import "$IMP/bad.csv"
raw import-bad "$WORK/err"
# The cell is refused at input now (a control character), and the file's
# name in the message is shown, not obeyed.
shows import-bad "$WORK/err" "imp^[]0;file^G/bad.csv:2: birth_date: holds a control character (U+001B)"
printf 'nom,prenom,date_naissance\nDurand,Karim,1980-01-01\n' >"$IMP/good.csv"
run import-good 0 --db "$WORK/imp-db" --today $T import "$IMP/good.csv"
raw import-good "$WORK/out"
shows import-good "$WORK/out" 'imp^[]0;file^G/good.csv: 1 participants imported'

# export --output: the path it names back is shown, not obeyed.
run export-path 0 --db "$DB" --today $T export --format csv --output "$IMP/out.csv"
raw export-path "$WORK/err"
shows export-path "$WORK/err" 'imp^[]0;file^G/out.csv'

finish

#!/usr/bin/env bash
# cli/import.sh: importing participants from CSV: a dry run, the real one,
# again (nothing twice), and every kind of bad file refused whole.
. "$(dirname "$0")/../lib.sh"

IMP=$WORK/imp
mkdir -p "$IMP"
printf '\xef\xbb\xbfNom;Prénom;Date de naissance;Étape;Téléphone;Date entrée\r\nLefèvre;Élodie;03/04/1991;freins;06 12 34 56 78;12/01/2025\r\nNguyễn;Thị Ánh;1988-02-29;orienter;;\r\n' >"$IMP/good.csv"
run import-dry 0 --db "$IMP/db" --today $T import "$IMP/good.csv" --dry-run
out_has import-dry "2 participants would be imported"
same "dry run writes nothing" "$("$BIN" --db "$IMP/db" --today $T list --format tsv | wc -l)" 1
run import 0 --db "$IMP/db" --today $T import "$IMP/good.csv"
out_has import "2 participants imported"
same "imported rows" "$("$BIN" --db "$IMP/db" --today $T list --format tsv | tail -n +2 | cut -f2-5 | sort | tr '\t' ' ' | tr '\n' '|')" \
	"Lefèvre Élodie 1 freins|Nguyễn Thị Ánh 2 orienter|"
run import-again 0 --db "$IMP/db" --today $T import "$IMP/good.csv"
out_has import-again "0 participants imported, 2 already there"
before=$(md5sum <"$IMP/db/data.mdb")
bad() { # bad NAME CONTENT EXPECTED-MESSAGE
	printf '%b' "$2" >"$IMP/$1.csv"
	run "import-$1" 2 --db "$IMP/db" --today $T import "$IMP/$1.csv"
	err_has "import-$1" "$3"
	same "import-$1 leaves the data" "$(md5sum <"$IMP/db/data.mdb")" "$before"
}
bad missing-column 'nom,prenom\nDurand,Karim\n' "$IMP/missing-column.csv:1: missing column 'birth_date'"
bad bad-date 'nom,prenom,date_naissance\nDurand,Karim,1980-13-01\n' "bad-date.csv:2: birth_date: '1980-13-01' is not a date"
bad impossible-date 'nom,prenom,date_naissance\nDurand,Karim,31/02/2024\nMartin,Jean,2000-01-01\n' "impossible-date.csv:2: birth_date: '31/02/2024' is not a date"
bad unknown-stage 'nom,prenom,date_naissance,etape\nDurand,Karim,1980-01-01,nowhere\n' "unknown-stage.csv:2: stage: 'nowhere' is not a stage"
bad encoding 'nom,prenom,date_naissance\nLef\xe8vre,\xc9lodie,1991-04-03\n' "encoding.csv:2: last_name: not UTF-8 text"
bad empty '' "empty.csv: the file is empty"
bad header-only 'nom,prenom,date_naissance\n' "header-only.csv: a header and no participant"
bad shifted 'nom,prenom,date_naissance\nDupont, Jean,Pierre,1980-01-01\n' "shifted.csv:2: 4 fields where the header has 3"
bad every-row 'nom,prenom,date_naissance\nA,,2000-01-01\nB,C,2100-01-01\n' "every-row.csv:3: birth_date"
err_has import-every-row "every-row.csv:2: first_name: empty"
run import-missing 1 --db "$IMP/db" import "$IMP/none.csv"
err_has import-missing "none.csv: cannot read"

finish

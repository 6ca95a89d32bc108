#!/usr/bin/env bash
# cli/import_text.sh: what a spreadsheet's cells may hold: no NUL byte, no
# control character, no blank name, no absurd length, dates within
# 1900-2199; files in UTF-16 or UTF-32 named as such; old Mac line ends read.
. "$(dirname "$0")/../lib.sh"

IMP=$WORK/imp
mkdir -p "$IMP"
"$BIN" --db "$IMP/db" --today $T import /dev/null >/dev/null 2>&1
before=$(md5sum <"$IMP/db/data.mdb")
bad() { # bad NAME CONTENT EXPECTED-MESSAGE
	printf '%b' "$2" >"$IMP/$1.csv"
	run "import-$1" 2 --db "$IMP/db" --today $T import "$IMP/$1.csv"
	err_has "import-$1" "$3"
	same "import-$1 leaves the data" "$(md5sum <"$IMP/db/data.mdb")" "$before"
}
H='nom,prenom,date_naissance'
bad nul "$H\nDUPONT\0000EXTRA,Jean,1980-01-01\n" "nul.csv:2: last_name: holds a NUL byte"
bad nul-phone "$H,telephone\nDupont,Jean,1980-01-01,06\0000\n" "nul-phone.csv:2: phone: holds a NUL byte"
bad blank "$H\n\" \",Jean,1980-01-01\n" "blank.csv:2: last_name: empty"
bad invisible "$H\n\xc2\xa0\xe2\x80\x8b,Jean,1980-01-01\n" "invisible.csv:2: last_name: required"
bad escape "$H\n\"PWNED\x1b]0;title\x07\",Jean,1980-01-01\n" "escape.csv:2: last_name: holds a control character (U+001B)"
bad newline "$H\nDupont,\"Jean\nFAKE ROW\",1980-01-01\n" "newline.csv:2: first_name: holds a control character (U+000A)"
bad c1 "$H\nDupont\xc2\x9b,Jean,1980-01-01\n" "c1.csv:2: last_name: holds a control character (U+009B)"
bad date-escape "$H\nDupont,Jean,\"1980\x1b[2J\"\n" "date-escape.csv:2: birth_date: holds a control character"
long=$(printf 'a%.0s' $(seq 201))
bad long "$H\n$long,Jean,1980-01-01\n" "long.csv:2: last_name: too long (201 bytes, at most 200)"
bad old "$H\nDupont,Jean,0001-01-01\n" "old.csv:2: birth_date: '0001-01-01' is outside 1900–2199"
bad old-fr "$H\nDupont,Jean,31/12/1899\n" "old-fr.csv:2: birth_date: '31/12/1899' is outside 1900–2199"
bad late "$H,date_entree\nDupont,Jean,1980-01-01,2200-01-01\n" "late.csv:2: entry_date: '2200-01-01' is outside 1900–2199"
bad utf16 '\xff\xfen\0o\0m\0,\0p\0r\0e\0n\0o\0m\0\n\0' "utf16.csv: UTF-16 text; save it as UTF-8 (CSV UTF-8)"
bad utf16be '\xfe\xff\0n\0o\0m\0,\0p\0r\0e\0n\0o\0m\0\n' "utf16be.csv: UTF-16 text; save it as UTF-8"
bad utf16-bare 'n\0o\0m\0,\0p\0r\0e\0n\0o\0m\0,\0d\0a\0t\0e\0\n\0' "utf16-bare.csv: UTF-16 text; save it as UTF-8"
bad utf32 '\xff\xfe\0\0n\0\0\0o\0\0\0m\0\0\0' "utf32.csv: UTF-32 text; save it as UTF-8"
# A name at the limit is taken whole.
long=$(printf 'a%.0s' $(seq 200))
printf '%s\n%s,Jean,1980-01-01\n' "$H" "$long" >"$IMP/limit.csv"
run import-limit 0 --db "$IMP/db" --today $T import "$IMP/limit.csv"
same "a 200-byte name is kept whole" "$("$BIN" --db "$IMP/db" --today $T list --format tsv | awk -F'\t' 'NR == 2 { print length($2) }')" 200

# CR alone ends a line (an old Mac spreadsheet): three rows, not one.
printf 'nom;prénom;date_naissance\rLefèvre;Élodie;03/04/1991\rMartin;Zoë;1988-02-29\rRoux;Li;1970-01-01\r' >"$IMP/mac.csv"
run import-mac 0 --db "$WORK/mac" --today $T import "$IMP/mac.csv"
out_has import-mac "3 participants imported"
same "CR-only rows" "$("$BIN" --db "$WORK/mac" --today $T list --format tsv | tail -n +2 | cut -f2,3 | sort | tr '\t\n' ' |')" \
	"Lefèvre Élodie|Martin Zoë|Roux Li|"

# The same person twice in the file, names in another case and accents: once.
printf 'nom,prenom,date_naissance\nLefèvre,Élodie,1991-04-03\nLEFEVRE,elodie,03/04/1991\n' >"$IMP/twice.csv"
run import-twice 0 --db "$WORK/twice" --today $T import "$IMP/twice.csv"
out_has import-twice "1 participants imported, 1 already there"
err_has import-twice "twice.csv:3: elodie LEFEVRE is already there: skipped"

finish

#!/usr/bin/env bash
# cli/import_export.sh: an export's own CSV imports back: its column names,
# stage labels as well as ids, in either delimiter and with a BOM.
. "$(dirname "$0")/../lib.sh"

make_db 5
# What the export holds, and what the import must make of it: names,
# birth dates, stage ids.
people() { # people DB: "last first stage_id" of each participant, sorted
	"$BIN" --db "$1" --today $T list --format tsv | tail -n +2 | cut -f2,3,5 | sort
}
P export --format csv --output "$WORK/out.csv" 2>/dev/null
rows=$(($(wc -l <"$WORK/out.csv") - 1))
run import-export 0 --db "$WORK/back" --today $T import "$WORK/out.csv"
out_has import-export "$rows participants imported, 0 already there"
err_has import-export "column 'stage_no' ignored"
same "export imported back" "$(people "$WORK/back")" "$(people "$DB")"
run import-export-again 0 --db "$WORK/back" --today $T import "$WORK/out.csv"
out_has import-export-again "0 participants imported, $rows already there"

# Labels in the stage column, as a person would write them.
printf 'nom,prenom,date_naissance,etape\nDurand,Karim,1980-01-01,Orienter\nPetit,Léa,1990-05-05,ÉTAPES EMPLOI\nRoux,Li,1970-01-01,Emploi durable\nSimon,Zoë,1985-02-02,former\n' >"$WORK/labels.csv"
run import-labels 0 --db "$WORK/labels" --today $T import "$WORK/labels.csv"
same "stage labels read as their ids" "$(people "$WORK/labels" | cut -f3 | tr '\n' ' ')" \
	"orienter etapes-emploi emploi-durable former "
printf 'nom,prenom,date_naissance,etape\nDurand,Karim,1980-01-01,Ailleurs\n' >"$WORK/nowhere.csv"
run import-nowhere 2 --db "$WORK/labels" --today $T import "$WORK/nowhere.csv"
err_has import-nowhere "nowhere.csv:2: stage: 'Ailleurs' is not a stage of the configuration"

# The export as French spreadsheets get it: ';' and a UTF-8 BOM.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	LC_ALL=fr_FR.UTF-8 P export --format csv --output "$WORK/fr.csv" 2>/dev/null
	run import-export-fr 0 --db "$WORK/fr" --today $T import "$WORK/fr.csv"
	same "French export imported back" "$(people "$WORK/fr")" "$(people "$DB")"
fi
P export --format csv --delimiter ';' --output "$WORK/semi.csv" 2>/dev/null
run import-export-semi 0 --db "$WORK/semi" --today $T import "$WORK/semi.csv"
same "';' export imported back" "$(people "$WORK/semi")" "$(people "$DB")"

finish

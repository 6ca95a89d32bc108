#!/usr/bin/env bash
# cli/list.sh: list, as TSV and as text: its columns, its rows, the
# exited, another referent's caseload, every referent's.
. "$(dirname "$0")/../lib.sh"

make_db 42
run list-tsv 0 --db "$DB" --today $T list --format tsv
err_empty list-tsv
same "list header" "$(head -1 "$WORK/out")" \
	"$(printf 'id\tlast_name\tfirst_name\tstage_no\tstage_id\tdays_in_stage\tlast_contact\tnext_appointment\tflags\tstatus')"
same "list rows" "$(tail -n +2 "$WORK/out" | wc -l)" 80
bad=$(tail -n +2 "$WORK/out" | awk -F'\t' '
	NF != 10 { print "fields " NR; next }
	$10 !~ /^(active|follow-up)$/ { print "status " NR }
	$1 !~ /^[0-9]+$/ || $4 !~ /^[1-5]$/ || $6 !~ /^[0-9]+$/ { print "row " NR }
	$7 !~ /^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])?$/ { print "date " NR }
	$8 !~ /^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])?$/ { print "date " NR }
	$8 != "" && $8 < "2026-11-26" { print "next in the past " NR }
	$9 !~ /^((appointment-overdue|contact-overdue|no-show|checkin-due|checkin-overdue|ready-to-exit|max-duration|work-lost|validate-exit),?)*$/ { print "flags " NR }')
same "list rows well formed" "$bad" ""
# Stage numbers match stage ids of the default config.
bad=$(tail -n +2 "$WORK/out" | awk -F'\t' '
	($4 == 1 && $5 != "freins") || ($4 == 2 && $5 != "orienter") ||
	($4 == 3 && $5 != "etapes-emploi") || ($4 == 4 && $5 != "former") ||
	($4 == 5 && $5 != "emploi-durable") { print NR }')
same "stage numbers" "$bad" ""
# Accented names come out as stored, in UTF-8.
if tail -n +2 "$WORK/out" | cut -f2,3 | grep -q 'é\|è\|ë\|ï\|ô\|É\|ễ\|ặ\|Ð'; then ok; else ko "no accented name in the demo"; fi
run list-text 0 --db "$DB" --today $T list
out_has list-text "^Marie Dupont — 80 participants · target 80 · [0-9]* need attention · 2026-11-26"
same "list text rows" "$(tail -n +3 "$WORK/out" | wc -l)" 80
run list-exited 0 --db "$DB" --today $T list --exited --format tsv
same "list --exited rows" "$(tail -n +2 "$WORK/out" | wc -l)" 185
run list-format 2 --db "$DB" list --format xml
err_has list-format "'xml' is not a format"
run list-other-referent 0 --db "$DB" --today $T --referent "Nobody Here" list --format tsv
same "other referent's caseload" "$(wc -l <"$WORK/out")" 1

# Many referents: --all lists them all, without it one's own.
"$BIN" --db "$WORK/big" --today $T demo --participants 200 --seed 1 >/dev/null
run list-all 0 --db "$WORK/big" --today $T list --all --format tsv
same "list --all rows" "$(tail -n +2 "$WORK/out" | wc -l)" 200
run list-mine 0 --db "$WORK/big" --today $T list --format tsv
same "own caseload rows" "$(tail -n +2 "$WORK/out" | wc -l)" 80

finish

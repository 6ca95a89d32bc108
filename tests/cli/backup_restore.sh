#!/usr/bin/env bash
# cli/backup_restore.sh: a backup restores to the same caseload, the
# previous database is kept, garbage is refused, and a backup taken while
# another process writes is whole.
. "$(dirname "$0")/../lib.sh"

make_db 1
run backup 0 --db "$DB" backup "$WORK/gold.bak"
same "backup mode" "$(stat -c %a "$WORK/gold.bak")" 600
run restore 0 --db "$WORK/restored" --today $T restore "$WORK/gold.bak"
same "restored data" "$("$BIN" --db "$WORK/restored" --today $T list --format tsv)" \
	"$("$BIN" --db "$DB" --today $T list --format tsv)"
run restore-again 0 --db "$WORK/restored" --today $T restore "$WORK/gold.bak"
out_has restore-again "the previous one is kept as $WORK/restored/data.mdb.before-restore-"
printf 'not a database' >"$WORK/garbage.bak"
sum=$(md5sum <"$WORK/restored/data.mdb")
run restore-garbage 2 --db "$WORK/restored" restore "$WORK/garbage.bak"
err_has restore-garbage "garbage.bak: not a parcours backup"
same "garbage leaves the data" "$(md5sum <"$WORK/restored/data.mdb")" "$sum"
# A backup taken while another process writes is whole.
( for i in $(seq 30); do
	printf 'nom,prenom,date_naissance\nW%d,X,1990-01-01\n' "$i" >"$WORK/w$i.csv"
	"$BIN" --db "$WORK/busy" --today $T import "$WORK/w$i.csv" >/dev/null
done ) &
writer=$!
"$BIN" --db "$WORK/busy" --today $T demo --participants 3 --seed 2 >/dev/null 2>&1
for k in 1 2 3; do
	"$BIN" --db "$WORK/busy" backup "$WORK/busy$k.bak" >/dev/null || ko "backup $k while writing"
	"$BIN" --db "$WORK/busy-r$k" --today $T restore "$WORK/busy$k.bak" >/dev/null &&
		"$BIN" --db "$WORK/busy-r$k" --today $T list --format tsv >/dev/null && ok || ko "backup $k unusable"
done
wait "$writer"

# Restores within the same second each keep the database they replace:
# none overwrites an earlier one kept aside.
"$BIN" --db "$WORK/other" --today $T demo --seed 2 >/dev/null
run backup-other 0 --db "$WORK/other" backup "$WORK/other.bak"
R=$WORK/same-second
run restore-first 0 --db "$R" --today $T restore "$WORK/gold.bak"
for b in other gold other gold; do
	"$BIN" --db "$R" --today $T restore "$WORK/$b.bak" >/dev/null ||
		ko "restore of $b.bak"
done
same "each restore kept its own aside" \
	"$(ls "$R" | grep -c '^data.mdb.before-restore-')" 4
same "the asides hold both caseloads" \
	"$(md5sum "$R"/data.mdb.before-restore-* | cut -d' ' -f1 | sort -u | wc -l)" 2

finish

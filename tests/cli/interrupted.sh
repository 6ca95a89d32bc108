#!/usr/bin/env bash
# cli/interrupted.sh: an export or a backup ended by a signal leaves no
# temporary file beside its target (a full copy of everyone's data was
# left as FILE.XXXXXX); one left long ago by a killed process goes at the
# next write of the same file, one being written now stays.
. "$(dirname "$0")/../lib.sh"

make_db 1 --participants 20000
out=$WORK/target/export.csv
mkdir -p "$WORK/target"
caught=0
for try in $(seq 10); do
	( trap - EXIT; exec "$BIN" --db "$DB" --today $T export --all --format csv --output "$out" 2>/dev/null ) &
	pid=$!
	# As soon as its temporary file shows, end it.
	for _ in $(seq 3000); do
		if ls "$WORK/target" | grep -q '^export.csv\.'; then
			kill -TERM "$pid" 2>/dev/null && caught=$((caught + 1))
			break
		fi
		kill -0 "$pid" 2>/dev/null || break
	done
	wait "$pid" 2>/dev/null
	left=$(ls "$WORK/target" | grep -c '^export.csv\.' || true)
	[ "$left" = 0 ] || { ko "try $try: a temporary file was left: $(ls "$WORK/target")"; break; }
	rm -f "$out"
	[ "$caught" -ge 3 ] && break
done
[ "$caught" -ge 1 ] && ok || ko "no signal arrived while the export was being written"
same "interrupted exports leave nothing" "$(ls "$WORK/target" | grep -c '^export.csv\.' || true)" 0

# Left by a killed process an hour ago: removed at the next export of the
# same file; a fresh one (another write going on) and other files stay.
printf 'old' >"$WORK/target/export.csv.Ab12Cd"
touch -d '-1 hour' "$WORK/target/export.csv.Ab12Cd"
printf 'new' >"$WORK/target/export.csv.Zz99Yy"
printf 'mine' >"$WORK/target/export.csv.notes"
run export-again 0 --db "$DB" --today $T export --format csv --output "$out"
[ ! -e "$WORK/target/export.csv.Ab12Cd" ] && ok || ko "a stale temporary file stayed"
[ -e "$WORK/target/export.csv.Zz99Yy" ] && ok || ko "a fresh temporary file was removed"
[ -e "$WORK/target/export.csv.notes" ] && ok || ko "another file was removed"

finish

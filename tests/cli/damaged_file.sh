#!/usr/bin/env bash
# cli/damaged_file.sh: a database file cut short or empty, and a backup cut
# at any size, are refused with a message naming the file, never a crash
# (LMDB maps the file: past its end, a read is a SIGBUS), and left as they
# are.
. "$(dirname "$0")/../lib.sh"

# no_signal NAME: the last run ended by itself (a status below 128).
no_signal() {
	if [ "$status" -lt 128 ]; then ok; else ko "$1: killed by signal $((status - 128))"; fi
}

make_db 1
run backup 0 --db "$DB" backup "$WORK/whole.bak"
size=$(stat -c %s "$DB/data.mdb")

# data.mdb cut to half its size.
cp -a "$DB" "$WORK/half"
truncate -s $((size / 2)) "$WORK/half/data.mdb"
sum=$(md5sum <"$WORK/half/data.mdb")
for cmd in check list dump attention "export --format csv"; do
	# shellcheck disable=SC2086 # the command and its options
	run "half: $cmd" 1 --db "$WORK/half" --today $T $cmd
	no_signal "half: $cmd"
	err_has "half: $cmd" "half/data.mdb: damaged: cut short"
	err_has "half: $cmd" "restore a backup"
done
same "half: left as it is" "$(md5sum <"$WORK/half/data.mdb")" "$sum"

# A zero-length data.mdb is no database, and is never replaced by one.
mkdir -m 700 "$WORK/empty"
: >"$WORK/empty/data.mdb"
chmod 600 "$WORK/empty/data.mdb"
for cmd in check list "demo --seed 1"; do
	# shellcheck disable=SC2086
	run "empty: $cmd" 1 --db "$WORK/empty" --today $T $cmd
	err_has "empty: $cmd" "empty/data.mdb: an empty file, not a database"
done
same "empty: left empty" "$(stat -c %s "$WORK/empty/data.mdb")" 0

# A backup cut at any size is refused; the database stays as it was.
bsize=$(stat -c %s "$WORK/whole.bak")
sum=$(dbsum)
for cut in 1 100 4096 4200 8192 8300 12288 $((bsize / 2)) $((bsize - 4096)) $((bsize - 1)); do
	head -c "$cut" "$WORK/whole.bak" >"$WORK/cut.bak"
	run "restore cut at $cut" 2 --db "$DB" restore "$WORK/cut.bak"
	no_signal "restore cut at $cut"
	err_has "restore cut at $cut" "cut.bak: "
done
same "cut backups leave the data" "$(dbsum)" "$sum"
head -c $((bsize / 2)) "$WORK/whole.bak" >"$WORK/cut.bak"
run "restore cut at half" 2 --db "$DB" restore "$WORK/cut.bak"
err_has "restore cut at half" "cut.bak: damaged: cut short"
# The whole one still restores.
run "restore whole" 0 --db "$DB" --today $T restore "$WORK/whole.bak"
run "check after" 0 --db "$DB" check

finish

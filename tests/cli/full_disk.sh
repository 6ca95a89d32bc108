#!/usr/bin/env bash
# cli/full_disk.sh: a full disk (a file size limit) is reported and
# changes nothing; so is a full standard output.
. "$(dirname "$0")/../lib.sh"

make_db 1 --participants 3
F=$DB
listed=$("$BIN" --db "$F" --today $T list --format tsv --exited)
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("nom,prenom,date_naissance\n")
    for i in range(20000): f.write("Plein%d,Disque%d,1990-01-01\n" % (i, i))' "$WORK/big.csv"
( ulimit -f 400; "$BIN" --db "$F" --today $T import "$WORK/big.csv" ) >"$WORK/out" 2>"$WORK/err"
same "full disk status" "$?" 1
err_has full-disk "the change could not be saved .*is the disk full"
same "full disk leaves the data" "$("$BIN" --db "$F" --today $T list --format tsv --exited)" "$listed"
run full-check 0 --db "$F" check
( ulimit -f 1; "$BIN" --db "$F" --today $T export --format json --output "$WORK/full.json" ) >/dev/null 2>"$WORK/err"
same "full export status" "$?" 1
[ ! -e "$WORK/full.json" ] && ok || ko "a partial export was left"
[ -z "$(ls "$WORK" | grep '^full.json')" ] && ok || ko "a temporary export was left"

# Each failure is said once: the command's own line, not a second one
# from the final flush (access, dump, export said it twice).
for cmd in "access 1" dump "export --format json"; do
	# shellcheck disable=SC2086
	( ulimit -f 1; "$BIN" --db "$F" --today $T $cmd ) >"$WORK/full.out" 2>"$WORK/err"
	same "$cmd on a full disk: status" "$?" 1
	same "$cmd on a full disk: said once" "$(wc -l <"$WORK/err")" 1
done

# A full stdout is a runtime failure, not a silent loss.
if [ -w /dev/full ]; then
	"$BIN" --db "$DB" --today $T list >/dev/full 2>"$WORK/err"
	same "stdout full status" "$?" 1
	err_has stdout-full "cannot write the output"
fi

finish

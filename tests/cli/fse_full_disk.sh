#!/usr/bin/env bash
# cli/fse_full_disk.sh: the funder's export on a full disk (a file size
# limit) fails with status 1 and says so once, without the warning that
# the file was "exported all the same"; the older file is kept and no
# temporary file is left.
. "$(dirname "$0")/../lib.sh"

make_db 1 --participants 3
# Someone whose answers are missing, so that there is a warning to give.
printf 'nom,prenom,date_naissance\nZorglub,Ida,1990-01-01\n' >"$WORK/new.csv"
run add 0 --db "$DB" --today $T import "$WORK/new.csv"
echo old >"$WORK/fse.csv"
# stderr through a pipe: the limit is the export's, not the message's.
( ulimit -f 1; exec "$BIN" --db "$DB" --today $T export --format fse \
	--output "$WORK/fse.csv" 2>&1 ) | cat >"$WORK/err"
same "full disk: status" "${PIPESTATUS[0]}" 1
err_has full-disk "fse.csv: cannot write"
err_has listed ": gender: missing"
if grep -q "exported all the same" "$WORK/err"; then
	ko "full disk: told 'exported all the same' of a file not written"
else ok; fi
same "full disk: the older file kept" "$(cat "$WORK/fse.csv")" old
same "full disk: no temporary file" "$(ls "$WORK" | grep -c 'fse\.csv.' || true)" 0
# The same export with room: written, with the warning.
run room 0 --db "$DB" --today $T export --format fse --output "$WORK/fse.csv"
err_has room "warning: [0-9]* participants\? lacks\? funder's answers"

finish

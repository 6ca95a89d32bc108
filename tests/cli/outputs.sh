#!/usr/bin/env bash
# cli/outputs.sh: no command writes a file into the database directory
# (export, dump or backup onto data.mdb replaced the database), whatever
# the spelling of the path; elsewhere they write as before. An output
# that is no regular file (a named pipe, as /dev/null is a device) is
# written to, never replaced by a file; a directory is refused.
. "$(dirname "$0")/../lib.sh"

make_db 1
before=$(dbsum)
ln -s "$DB" "$WORK/link-to-db"
mkdir -p "$DB/sub"
for target in "$DB/data.mdb" "$DB/lock.mdb" "$DB/new.csv" "$DB/../db/data.mdb" \
	"$WORK/link-to-db/data.mdb" "$DB/sub/x.csv"; do
	run "export onto $target" 2 --db "$DB" --today $T export --format csv --output "$target"
	err_has "export onto $target" "inside the database directory"
	run "dump onto $target" 2 --db "$DB" --today $T dump --output "$target"
	err_has "dump onto $target" "inside the database directory"
	run "backup onto $target" 2 --db "$DB" --today $T backup "$target"
	err_has "backup onto $target" "inside the database directory"
done
(cd "$DB" && "$BIN" --db . --today $T export --format csv --output x.csv >/dev/null 2>&1)
same "relative path inside refused" "$?" 2
same "the database is untouched" "$(dbsum)" "$before"
same "nothing added to it" "$(ls "$DB" | sort | tr '\n' ' ')" "data.mdb lock.mdb sub "
run "export to standard output" 0 --db "$DB" --today $T export --format csv
out_has "export to standard output" "^id,last_name,"
run "dump to standard output" 0 --db "$DB" --today $T dump
run "export elsewhere" 0 --db "$DB" --today $T export --format csv --output "$WORK/out.csv"
run "dump elsewhere" 0 --db "$DB" --today $T dump --output "$WORK/out.json"
run "backup elsewhere" 0 --db "$DB" --today $T backup "$WORK/out.bak"

mkfifo "$WORK/pipe"
for cmd in "export --format csv" "dump"; do
	timeout 10 cat "$WORK/pipe" >"$WORK/through" &
	reader=$!
	run "$cmd into a named pipe" 0 --db "$DB" --today $T $cmd --output "$WORK/pipe"
	wait $reader
	if [ -p "$WORK/pipe" ]; then ok; else ko "$cmd: the named pipe was replaced"; fi
	if [ -s "$WORK/through" ]; then ok; else ko "$cmd: nothing came through the pipe"; fi
done
mkdir "$WORK/adir"
run "export onto a directory" 1 --db "$DB" --today $T export --format csv --output "$WORK/adir"
err_has "a directory said" "Is a directory"
same "the directory left alone" "$(ls -A "$WORK/adir" | wc -l)" 0

finish

#!/usr/bin/env bash
# cli/damaged_pages.sh: one changed byte anywhere in data.mdb, 400 times:
# `check` reports damage or finds the data whole, and never dies of a
# signal (LMDB follows whatever page numbers and offsets it reads; check
# walks the pages first). Every tenth, the read commands too.
. "$(dirname "$0")/../lib.sh"

make_db 1
size=$(stat -c %s "$DB/data.mdb")
mkdir -m 700 "$WORK/bad"
# The same 400 changes each run: offset and new value.
python3 -c '
import random, sys
r = random.Random(10)
for _ in range(400):
    print(r.randrange(int(sys.argv[1])), r.randrange(256))
' "$size" >"$WORK/changes"

crashes=0 silent=0 damaged=0 i=0
while read -r off val; do
	i=$((i + 1))
	cp "$DB/data.mdb" "$WORK/bad/data.mdb"
	printf "\\x$(printf %02x "$val")" |
		dd of="$WORK/bad/data.mdb" bs=1 seek="$off" conv=notrunc status=none
	"$BIN" --db "$WORK/bad" --today $T check >"$WORK/out" 2>"$WORK/err"
	status=$?
	if [ "$status" -ge 128 ]; then
		crashes=$((crashes + 1))
		ko "check, byte $off set to $val: killed by signal $((status - 128))"
	elif [ "$status" -eq 1 ] && [ ! -s "$WORK/out" ] && [ ! -s "$WORK/err" ]; then
		silent=$((silent + 1))
		ko "check, byte $off set to $val: status 1 without a word"
	elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
		ko "check, byte $off set to $val: status $status"
	else
		ok
		[ "$status" -eq 1 ] && damaged=$((damaged + 1))
	fi
	[ $((i % 10)) -eq 0 ] || continue
	for cmd in list dump attention "export --format csv"; do
		# shellcheck disable=SC2086 # the command and its options
		"$BIN" --db "$WORK/bad" --today $T $cmd >/dev/null 2>&1
		status=$?
		if [ "$status" -lt 128 ]; then ok; else
			ko "$cmd, byte $off set to $val: killed by signal $((status - 128))"
		fi
	done
done <"$WORK/changes"
echo "check: $damaged of 400 changes reported as damage, $crashes crashes"
# Most changes land in records, keys or page headers: they are found.
if [ "$damaged" -ge 100 ]; then ok; else ko "only $damaged changes found"; fi

# The pages a walk finds damaged are named, with what to do: the lower
# bound in the header of the root page of LMDB's main tree (its number is
# in the newer of the two meta pages), garbled.
read -r root psize < <(python3 -c '
import struct, sys
d = open(sys.argv[1], "rb").read()
psize = struct.unpack_from("<I", d, 16 + 24)[0]
meta = max((0, psize), key=lambda p: (struct.unpack_from("<Q", d, p + 16 + 128)[0], -p))
print(struct.unpack_from("<Q", d, meta + 16 + 24 + 48 + 40)[0], psize)
' "$DB/data.mdb")
cp "$DB/data.mdb" "$WORK/bad/data.mdb"
printf '\xff\xff' | dd of="$WORK/bad/data.mdb" bs=1 seek=$((psize * root + 12)) conv=notrunc status=none
run "garbled header" 1 --db "$WORK/bad" check
out_has "garbled header" "bad: page $root of the list of tables: a damaged page header"
err_has "garbled header" "bad/data.mdb: the database file is damaged; it was left as it is: restore a backup"
run "garbled header: list" 1 --db "$WORK/bad" --today $T list
err_has "garbled header: list" "bad/data.mdb: the database file is damaged (parcours check tells where)"

# Two meta pages with the same transaction id but different trees: LMDB
# would read one or the other, so the walk cannot vouch for what LMDB reads.
cp "$DB/data.mdb" "$WORK/bad/data.mdb"
python3 -c '
import struct, sys
f = open(sys.argv[1], "r+b")
d = f.read(8192)
psize = struct.unpack_from("<I", d, 16 + 24)[0]
txnid = struct.unpack_from("<Q", d, 16 + 128)[0]
f.seek(psize + 16 + 128)
f.write(struct.pack("<Q", txnid))
' "$WORK/bad/data.mdb"
run "same transaction twice" 1 --db "$WORK/bad" check
err_has "same transaction twice" "bad/data.mdb: damaged: its meta pages do not read"

finish

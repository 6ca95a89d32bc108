#!/usr/bin/env bash
# cli/corrupt_record.sh: one record that does not decode stops nothing. The
# readers leave its participant out and say so, dump says what to do and
# --salvage writes every other record, restore refuses a backup holding it,
# and the interface shows the others.
. "$(dirname "$0")/../lib.sh"

make_db 1
whole=$(tsv | wc -l)
run dump-whole 0 --db "$DB" --today $T dump
cp "$WORK/out" "$WORK/whole.json"

# A current participant whose last name is found once in the file (the
# first in the list, by id, that has one) gets a byte of it changed: the
# record's checksum no longer matches.
V=$(tsv | tail -n +2 | cut -f1,2 | python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
for line in sys.stdin:
    pid, name = line.rstrip("\n").split("\t")
    if data.count(name.encode()) == 1:
        print(pid, name, sep="\t")
        break
' "$DB/data.mdb")
[ -n "$V" ] || { ko "no participant with a last name found once"; finish; }
name=${V#*$'\t'}
V=${V%%$'\t'*}
cp -a "$DB" "$WORK/bad"
python3 -c '
import sys
path, name = sys.argv[1], sys.argv[2].encode()
data = open(path, "rb").read()
if data.count(name) != 1:
    sys.exit("the name is in the file %d times" % data.count(name))
with open(path, "r+b") as f:
    f.seek(data.index(name) + 1)
    f.write(b"\x00")
' "$WORK/bad/data.mdb" "$name" || { ko "could not damage participant $V"; finish; }
B() { "$BIN" --db "$WORK/bad" --today $T "$@"; }

run check 1 --db "$WORK/bad" check
out_has check "participant $V: the record does not decode"

# The readers: everyone else, and a word on stderr.
for cmd in "list --format tsv" attention "export --format csv"; do
	# shellcheck disable=SC2086 # the command and its options
	run "$cmd" 0 --db "$WORK/bad" --today $T $cmd
	err_has "$cmd" "participant $V: corrupt record, see \`parcours check\`"
done
same "list shows the others" "$(B list --format tsv 2>/dev/null | wc -l)" $((whole - 1))
B list --format tsv 2>/dev/null | awk -F'\t' -v id="$V" '$1 == id { exit 1 }' && ok ||
	ko "list shows participant $V"

# dump stops and says what to do; --salvage writes the rest.
run dump 1 --db "$WORK/bad" --today $T dump
err_has dump "participant $V: corrupt record; \`parcours check\` tells more, \`parcours dump --salvage\` writes every readable record"
run salvage 0 --db "$WORK/bad" --today $T dump --salvage --output "$WORK/salvaged.json"
err_has salvage "participant $V: corrupt record, left out with everything attached to it"
err_has salvage "1 corrupt record left out; the dump holds every other one"
python3 -c '
import json, sys
whole = json.load(open(sys.argv[1]))
saved = json.load(open(sys.argv[2]))
kept = [p for p in whole["participants"] if p["id"] != int(sys.argv[3])]
sys.exit(0 if saved["participants"] == kept and saved["journal"] == whole["journal"] else 1)
' "$WORK/whole.json" "$WORK/salvaged.json" "$V" && ok || ko "salvage: not every other record"
# On a whole database, --salvage is dump.
run salvage-whole 0 --db "$DB" --today $T dump --salvage
err_empty salvage-whole
same "salvage of a whole database" "$(md5sum <"$WORK/out")" "$(md5sum <"$WORK/whole.json")"
# The salvage loads into a new database.
run load-salvage 0 --db "$WORK/new" --today $T load "$WORK/salvaged.json"
run check-new 0 --db "$WORK/new" check

# restore checks the backup in full and refuses a damaged one.
run backup 0 --db "$WORK/bad" backup "$WORK/bad.bak"
sum=$(dbsum)
run restore 2 --db "$DB" restore "$WORK/bad.bak"
err_has restore "bad.bak: a damaged backup (1 problem); nothing was changed"
err_has restore "participant $V: the record does not decode"
same "restore refused leaves the data" "$(dbsum)" "$sum"

# The interface shows the others and says one was left out.
if command -v tmux >/dev/null; then
	DB=$WORK/bad
	start bad 120 30
	expect interface "1 participant left out: a corrupt record; see \`parcours check\`"
	keys q
	same "interface exit" "$(dead_status)" 0
fi

# Erasing the damaged participant says what to do (it said "corrupt
# data"), and changes nothing.
before=$(md5sum <"$WORK/bad/data.mdb")
run erase-damaged 1 --db "$WORK/bad" --today $T erase "$V"
err_has erase-damaged "participant $V: the record is damaged and cannot be erased as it is; restore a backup"
same "erase of a damaged record changes nothing" "$(md5sum <"$WORK/bad/data.mdb")" "$before"

finish

#!/usr/bin/env bash
# cli/demo.sh: the demo caseload: its size, the modes of its files, one
# seed one caseload, and what demo refuses.
. "$(dirname "$0")/../lib.sh"

run demo 0 --db "$DB" --today $T demo --seed 42
out_has demo "185 participants (80 current)"
same "db dir mode" "$(stat -c %a "$DB")" 700
same "data file mode" "$(stat -c %a "$DB/data.mdb")" 600
same "lock file mode" "$(stat -c %a "$DB/lock.mdb")" 600
before=$(P list --format tsv)
run demo-again 2 --db "$DB" --today $T demo --seed 7
err_has demo-again "^parcours: the database already holds participants"
same "demo-again leaves data" "$(P list --format tsv)" "$before"
run demo-bad-n 2 --db "$WORK/x" demo --participants 0
run demo-bad-n2 2 --db "$WORK/x" demo --participants 12abc
err_has demo-bad-n2 "participants: '12abc' is not a number"
run demo-bad-seed 2 --db "$WORK/x" demo --seed -1
run demo-extra 2 --db "$WORK/x" demo extra
# Same seed, same today: the same caseload, line for line.
"$BIN" --db "$WORK/db2" --today $T demo --seed 42 >/dev/null
same "reproducible demo" "$("$BIN" --db "$WORK/db2" --today $T list --format tsv)" "$before"

finish

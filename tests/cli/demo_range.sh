#!/usr/bin/env bash
# cli/demo_range.sh: the demo writes only dates the reader accepts
# (1900-2199): it refuses a --today that would take them outside, and at
# the first and the last day it accepts, `check` finds the database whole.
. "$(dirname "$0")/../lib.sh"

run demo-2199 2 --db "$WORK/late" --today 2199-12-31 demo --seed 1
err_has demo-2199 "today 2199-12-31: the demo's dates would fall outside 1900–2199; choose a day from [0-9-]* to 2198-12-31"
same "refused demo writes nothing" "$("$BIN" --db "$WORK/late" --today 2026-11-26 list --format tsv --exited | wc -l)" 1
run demo-1900 2 --db "$WORK/early" --today 1900-01-01 demo --seed 1
err_has demo-1900 "today 1900-01-01: the demo's dates would fall outside 1900–2199"
first=$(sed -n 's/.*choose a day from \([0-9-]*\) to .*/\1/p' "$WORK/err")
day_before=$(date -u -d "$first - 1 day" +%F)
run demo-day-before 2 --db "$WORK/before" --today "$day_before" demo --seed 1
err_has demo-day-before "today $day_before: the demo's dates would fall outside"
run demo-day-after 2 --db "$WORK/after" --today 2199-01-01 demo --seed 1
for day in "$first" 2198-12-31; do
	run "demo-$day" 0 --db "$WORK/d-$day" --today "$day" demo --seed 3 --participants 400
	run "check-$day" 0 --db "$WORK/d-$day" check
	out_has "check-$day" "the database is whole"
	run "list-$day" 0 --db "$WORK/d-$day" --today "$day" list --all --exited --format tsv
done
# A --today outside the range says so ("not a date" before).
run t0001 2 --today 0001-01-01 list
err_has t0001 "is outside 1900–2199"
run t2200 2 --today 2200-01-01 list
err_has t2200 "is outside 1900–2199"
run t-bad 2 --today 2026-02-30 list
err_has t-bad "is not a date"

finish

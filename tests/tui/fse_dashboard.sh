#!/usr/bin/env bash
# tui/fse_dashboard.sh: with the funder's flags on, the interface counts
# what the command line counts. The dashboard's survey lines hold those
# who left with the survey to ask (they said 0 before), and at 80x24
# every kind with someone to see stays on screen (the last two were cut).
# The caseload's "need attention" counts them as `list` does. A day count
# in a stage stops at the exit.
. "$(dirname "$0")/../lib.sh"

make_db 1
printf 'fse:\n  from: 2024-01-01\n' >"$WORK/fse.yaml"
export PARCOURS_CONFIG=$WORK/fse.yaml
count() { P attention --format tsv | awk -F'\t' -v f="$1" '$4 == f' | wc -l; }
due=$(count fse-survey-due)
late=$(count fse-survey-overdue)
entry=$(count fse-entry-incomplete)
[ "$due" -gt 0 ] && [ "$late" -gt 0 ] && ok || ko "the demo has surveys due ($due) and late ($late)"
need=$(P list | head -1 | sed -n 's/.* \([0-9]*\) need attention.*/\1/p')

start small 80 24 "PARCOURS_CONFIG=$WORK/fse.yaml"
ready "participants · target 80"
expect caseload-count "$need need attention"
keys F3
ready "Needing attention"
expect survey-due "$(printf '%6d  six-months surveys due' "$due")"
expect survey-late "$(printf '%6d  six-months surveys late' "$late")"
expect entry-incomplete "$(printf '%6d  funder' "$entry")"

# The days in stage of someone who left: up to the exit.
same "days stop at the exit" "$(P list --format tsv | python3 -c '
import csv, datetime as dt, json, subprocess, sys
rows = list(csv.DictReader(sys.stdin, delimiter="\t"))
gone = [r for r in rows if r["status"] == "exited"]
d = {p["id"]: p for p in json.loads(subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout)["participants"]}
day = dt.date.fromisoformat
print(len(gone) > 0 and all(int(r["days_in_stage"]) == (day(d[int(r["id"])]["exit_date"]) - day(d[int(r["id"])]["stage_since"])).days for r in gone))' "$BIN" --db "$DB" --today $T dump)" True

finish

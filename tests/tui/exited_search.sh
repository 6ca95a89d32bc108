#!/usr/bin/env bash
# tui/exited_search.sh: participants who left can be found and read. The
# caseload hides them; a search that finds only them says so; L shows
# them too, dimmed, their exit date and reason in the To do column; ⏎
# opens them with their exit; Esc clears the toggle with the filters.
# Before, one who left could not be reached from the interface at all.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# One who left in the demo, renamed to be found whatever the demo holds;
# the label of their exit reason from the configuration.
python3 - "$WORK/demo.json" "$WORK/cases.json" "$WORK/exit.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
left = sorted((p for p in d["participants"] if p["status"] == "exited"
               and not p["exit_hired"]), key=lambda p: p["id"])
p = left[0]
p["last_name"], p["first_name"] = "Wojcik", "Aurélien"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
open(sys.argv[3], "w").write("%s\n%s\n" % (p["exit_date"], p["exit_reason"]))
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
EXIT_DATE=$(sed -n 1p "$WORK/exit.txt")
REASON=$(sed -n 2p "$WORK/exit.txt")
# The reason's label as the default configuration gives it.
LABEL=$(python3 - "$SRC/config/parcours.yaml" "$REASON" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"- id: %s\n\s*label: \"([^\"]+)\"" % re.escape(sys.argv[2]), text)
print(m.group(1) if m else "?")
PY
)
same "the reason's label" "$([ "$LABEL" != "?" ] && echo found)" found

for size in "100 30" "80 24"; do
	set -- $size
	start "s$1" "$1" "$2"
	ready "participants"
	keys / w o j c i k Enter
	expect "$1: hidden" "Nobody matches"
	expect "$1: said" "1 who left matches: L shows them."
	keys L
	expect "$1: toggled" "with those who left"
	expect "$1: found" "WOJCIK Aurélien"
	# The exit in the To do column, its date whole even at 80 columns.
	expect "$1: exit date" "left $EXIT_DATE"
	keys Enter
	expect "$1: opened" "WOJCIK Aurélien · born"
	# The date, and the reason (on a line of its own when narrow).
	expect "$1: exit shown" "$EXIT_DATE"
	expect "$1: exit reason shown" "$LABEL"
	keys Escape
	expect "$1: back, still shown" "WOJCIK Aurélien"
	# Esc clears the search and the toggle.
	keys Escape
	expect_not "$1: toggle cleared" "with those who left"
	keys / w o j c i k Enter
	expect "$1: hidden again" "Nobody matches"
	# L again with the search on, then L hides them once more.
	keys L
	expect "$1: shown again" "WOJCIK Aurélien"
	keys L
	expect "$1: hidden by L" "Those who left are hidden."
	expect_not "$1: row gone" "WOJCIK Aurélien"
	keys Escape q
	same "$1: exit status" "$(dead_status)" 0
done

# The help and the hint bar name the key.
start help 100 30
ready "participants"
expect "hint" "L who left"
keys '?'
expect "help" "also show those who left"
keys q q

# In French: the same key, the exit date as the French write it.
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	FR_DATE=$(date -d "$EXIT_DATE" +%d/%m/%Y)
	start fr 100 30 LC_ALL=fr_FR.UTF-8
	ready "participant"
	keys / w o j c i k Enter L
	expect "fr: found" "WOJCIK Aurélien"
	expect "fr: exit date" "$FR_DATE"
	keys Enter
	expect "fr: opened" "$FR_DATE"
	keys q Escape q
fi

finish

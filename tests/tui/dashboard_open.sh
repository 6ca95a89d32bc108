#!/usr/bin/env bash
# tui/dashboard_open.sh: the dashboard's lines open the participants
# behind them. j/k move a cursor over the stage and flag lines; ⏎ shows
# the caseload filtered to that stage or flag, as many rows as the line
# counts, the same participants as `list` gives; Esc there clears the
# filter. Before, the dashboard's figures led nowhere.
. "$(dirname "$0")/../lib.sh"

make_db 1
tsv >"$WORK/list.tsv"

# shown: what the caseload on screen shows, as "COUNT|STATUS|NAMES": its
# rows, those out of view included, the status line, the names of the
# rows on screen (folded: no accents, lower case; whole at 100 columns).
cat >"$WORK/shown.py" <<'PY'
import re, sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("Ð", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()
lines = sys.stdin.read().split("\n")
end = next(i for i in range(4, len(lines)) if lines[i].startswith("─"))
rows = [l for l in lines[4:end] if l.strip()]
more = re.search(r"↓ (\d+) more", lines[2])
up = re.search(r"↑ (\d+)", lines[2])
total = len(rows) + (int(more.group(1)) if more else 0) + (int(up.group(1)) if up else 0)
names = sorted(fold(r[4:].split("  ")[0].strip()) for r in rows)
print("%d|%s|%s" % (total, lines[1].strip(), ",".join(names)))
PY
shown() { screen | python3 "$WORK/shown.py"; }
# expected KIND VALUE: "COUNT|NAMES" of the participants `list` shows with
# that flag, or at that stage (those followed after an exit aside).
expected() {
	python3 - "$WORK/list.tsv" "$1" "$2" <<'PY'
import csv, sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("Ð", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
kind, value = sys.argv[2], sys.argv[3]
if kind == "stage":
    sel = [r for r in rows if r["stage_no"] == value and r["status"] != "after-exit"]
else:
    sel = [r for r in rows if value in r["flags"].split(",")]
print("%d|%s" % (len(sel), ",".join(sorted(fold(r["last_name"] + " " + r["first_name"]) for r in sel))))
PY
}
# left NAME: the dashboard gave way to the caseload (5 s at most).
left() {
	for _ in $(seq 100); do
		screen | grep -qF "Needing attention" || { ok; return; }
		sleep 0.05
	done
	ko "$1: the dashboard stayed"
}
# The flags as `list` names them.
FLAGS=$(cut -f9 "$WORK/list.tsv" | tail -n +2 | tr ',' '\n' | sort -u | grep .)

for size in "100 30" "80 24"; do
	set -- $size
	start "s$1" "$1" "$2"
	ready "participants"
	keys F3
	ready "Needing attention"
	expect "$1: hint" "⏎ list"
	expect "$1: cursor on the first stage" "› 1 "
	# The first stage: its participants.
	keys Enter
	left "$1: stage 1"
	expect "$1: stage filter" "stage 1 "
	got=$(shown)
	want=$(expected stage 1)
	same "$1: stage 1 count" "${got%%|*}" "${want%%|*}"
	if [ "$1" = 100 ]; then
		same "$1: stage 1 names" "${got##*|}" "${want#*|}"
	fi
	# Esc clears the filter.
	keys Escape
	expect_not "$1: filter cleared" "stage 1 "

	# Each flag line with someone behind it: the same people as `list`.
	keys F3 g
	ready "Needing attention"
	prev=
	opened=0
	for _ in $(seq 30); do
		line=$(screen | grep '^›' || true)
		[ "$line" = "$prev" ] && break
		prev=$line
		if [[ $line =~ ^›\ +([0-9]+)\ \ (.+)$ ]] && [ "${BASH_REMATCH[1]}" -gt 0 ]; then
			count=${BASH_REMATCH[1]}
			label=$(sed 's/ *$//' <<<"${BASH_REMATCH[2]}")
			keys Enter
			left "$1: $label"
			expect "$1: $label: filter" "$label"
			got=$(shown)
			same "$1: $label: count" "${got%%|*}" "$count"
			match=
			for f in $FLAGS; do
				want=$(expected flag "$f")
				if [ "${want%%|*}" = "$count" ] &&
					{ [ "$1" != 100 ] || [ "${want#*|}" = "${got##*|}" ]; }; then
					match=$f
				fi
			done
			same "$1: $label: the participants of a flag" "$([ -n "$match" ] && echo yes)" yes
			opened=$((opened + 1))
			keys F3
			ready "Needing attention"
		fi
		keys j
		sleep 0.1
	done
	same "$1: flag lines opened" "$([ "$opened" -ge 2 ] && echo yes)" yes
	keys q q
	same "$1: exit status" "$(dead_status)" 0
done

finish

#!/usr/bin/env bash
# tui/hints.sh: the screen says what to do. The hint bar follows the
# selection (K first on a late check-in, never J to someone in work); the
# "to do" words are never cut at 80x24; the help view has a legend of the
# markers and flags; a newcomer is flagged at once; the keys of habit
# (Shift-Tab, n/N, a new /, h, Ctrl-D, A) work.
. "$(dirname "$0")/../lib.sh"

make_db 1
# Someone with a late check-in, whoever the demo makes it.
read -r who <<<"$(P attention --format tsv | awk -F'\t' '$4 == "checkin-overdue" { print $2 " " $3; exit }')"
[ -n "$who" ] && ok || ko "no late check-in in the demo"
bar() { screen | tail -1; }

for size in "100 30" "80 24"; do
	start "s${size% *}" $size
	ready "participants"
	keys / "$who" Enter Enter
	ready "Job and follow-up"
	if wait_for " K check-in"; then ok; else ko "$size: no K hint"; fi
	case "$(bar)" in
	" K check-in"*) ok ;;
	*) ko "$size: the hint bar does not start with K: '$(bar)'" ;;
	esac
	case "$(bar)" in
	*"J job"*) ko "$size: J offered to someone in work: '$(bar)'" ;;
	*) ok ;;
	esac
	keys Escape Escape
	ready "sort:"
	# The "to do" words whole: no cut word in the last column.
	cut=$(screen | python3 -c '
import sys
w = int(sys.argv[1])
col = 63 if w == 80 else w - 23
for line in sys.stdin.read().splitlines()[4:-2]:
    if "…" in line[col:]:
        print(line[col:])' "${size% *}")
	same "$size: to-do words whole" "$cut" ""
	# Left open: quitting the last session would end the tmux server
	# while the next one starts.
done

start main 100 30
ready "participants"
# The legend.
keys '?'
ready "Keys of the Caseload view"
keys G
expect legend-markers "▲ ● ★"
expect legend-no-show "▲ re-invite"
expect legend-name "(first-appointment)"
keys h
expect_not help-left-by-h "Keys of the Caseload view"
# Shift-Tab: the previous view, from the first to the last tab.
keys BTab
expect dashboard "Participants per stage"
keys h
ready "sort:"
# n/N go round the matches; a second / starts a new search.
# The selected row, once it differs from $1 (2 s at most): a key sent
# is drawn a moment later.
selected_after() {
	local row
	for _ in $(seq 40); do
		row=$(screen | grep -m1 '^›' | cut -c1-30)
		[ "$row" != "$1" ] && break
		sleep 0.05
	done
	printf '%s' "$row"
}
keys / a Enter
expect search-a "/a · "
first=$(screen | grep -m1 '^›' | cut -c1-30)
keys n
second=$(selected_after "$first")
[ "$first" != "$second" ] && ok || ko "n did not move: '$first'"
keys N
same "N comes back" "$(selected_after "$second")" "$first"
keys / z Enter
expect new-search "/z · "
expect_not not-appended "/az"
keys Escape
# Ctrl-D: half a page down (page of 24 rows: 12).
keys g
for _ in $(seq 40); do
	[ "$(screen | grep -n '^›' | cut -d: -f1)" = 5 ] && break
	sleep 0.05
done
keys C-d
for _ in $(seq 40); do
	row=$(screen | grep -n '^›' | cut -d: -f1)
	[ "$row" = 17 ] && break
	sleep 0.05
done
same "half a page" "$row" "$((5 + 12))"
# Counts read as what they are: the dashboard says one in the singular.
one=$(P attention --format tsv | python3 -c '
import sys, collections
words = {"appointment-overdue": "1  appointment without outcome",
         "checkin-overdue": "1  late in-work check-in",
         "no-show": "1  no-show to invite again",
         "checkin-due": "1  in-work check-in due this week",
         "first-appointment": "1  newcomer without a first appointment"}
n = collections.Counter(l.split("\t")[3] for l in list(sys.stdin)[1:])
print(next((words[k] for k in words if n[k] == 1), ""))')
keys F3
expect dashboard-counts "Needing attention"
if [ -n "$one" ]; then expect singular "$one"; else ok; fi
keys F1
ready "sort:"
# A newcomer is flagged at once: the first appointment to plan.
keys A
ready "New participant"
keys "Nouvelarrivée" Tab "Inès" Enter
ready "Inès Nouvelarrivée added."
keys Escape / n o u v e l Enter
expect newcomer "plan 1st appt."
run attention-newcomer 0 --db "$DB" --today $T attention --format tsv
out_has attention-newcomer "	Nouvelarrivée	Inès	first-appointment	$T	"
# A date or a time typed over the proposed one replaces it (it was
# added to it: "26/12/202603/12/2026").
keys Enter
ready "Appointments"
keys a
ready "Plan an appointment"
keys 0 3 / 1 2 / 2 0 2 6 Tab 0 7 : 4 5 Enter
expect typed-over "Appointment planned on 2026-12-03."
same "typed over, stored" "$(P dump | python3 -c '
import json, sys
p = [p for p in json.load(sys.stdin)["participants"] if p["last_name"] == "Nouvelarrivée"][0]
print([(a["date"], a["minute"]) for a in p["appointments"]])')" "[('2026-12-03', 465)]"
keys q

finish

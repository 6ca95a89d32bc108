#!/usr/bin/env bash
# tui/caseload.sh: the home view: the status line, tabs and hints; sort,
# stage filter, attention only; the agenda and the dashboard.
. "$(dirname "$0")/../lib.sh"

make_db 1
flagged=$(tsv | awk -F'\t' 'NR > 1 && $9 != ""' | wc -l)
# By name (accents and case folded, last name first): the first of all,
# and the first of those nothing flags, as the list shows them.
by_name() {
	tsv | tail -n +2 | python3 -c '
import sys, unicodedata
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if not unicodedata.combining(c)).casefold()
rows = sorted((l.rstrip("\n").split("\t") for l in sys.stdin),
              key=lambda r: (fold(r[1]), fold(r[2])))
if sys.argv[1] == "calm":
    rows = [r for r in rows if r[8] == ""]
print(rows[0][1].upper(), rows[0][2])' "$1"
}
first=$(by_name all)
calm=$(by_name calm)
start main 100 30
expect opening "80 participants · target 80 · $flagged need attention · Thursday 2026-11-26"
expect opening-tabs "Caseload  Agenda  Dashboard"
expect opening-hints "? help"
expect opening-marker "▲"

# --- sort, stage filter, attention only ------------------------------------------
keys s
expect sort-name "sort: name"
expect sort-name-first "$first"
expect sort-name-calm "$calm"
keys s s s s
expect sort-back "sort: urgency"
keys f
expect filter-stage "stage 1 Freins"
expect_not filter-hides "2 Orienter "
keys f f f f f
expect_not filter-all "stage 1 Freins"
keys "!"
expect attention-only "to do only"
expect attention-shows "$(tsv | awk -F'\t' 'NR == 2 { print $2 }' | python3 -c 'print(input().upper())')"
expect_not attention-hides "$calm"
keys Escape
expect_not filters-cleared "to do only"

# --- agenda and dashboard ---------------------------------------------------------
keys Tab
expect agenda "Appointments from 2026-11-26 to 2026-12-02"
keys Tab
expect dashboard "Participants per stage"
expect dashboard-rate "positive"
keys F1
expect f1-home "80 participants · target 80"

finish

#!/usr/bin/env bash
# tui/caseload.sh: the home view: the status line, tabs and hints; sort,
# stage filter, attention only; the agenda and the dashboard.
. "$(dirname "$0")/../lib.sh"

make_db 1
flagged=$(tsv | awk -F'\t' 'NR > 1 && $9 != ""' | wc -l)
start main 100 30
expect opening "80/80 participants · $flagged need attention · Thursday 2026-11-26"
expect opening-tabs "Caseload  Agenda  Dashboard"
expect opening-hints "? help"
expect opening-marker "▲"

# --- sort, stage filter, attention only ------------------------------------------
keys s
expect sort-name "sort: name"
expect sort-name-first "ANDRÉ Dominique"
keys s s s s
expect sort-back "sort: urgency"
keys f
expect filter-stage "stage 1 Freins"
expect_not filter-hides "2 Orienter "
keys f f f f f
expect_not filter-all "stage 1 Freins"
keys "!"
expect attention-only "to do only"
expect_not attention-hides "ANDRÉ Dominique"
keys Escape
expect_not filters-cleared "to do only"

# --- agenda and dashboard ---------------------------------------------------------
keys Tab
expect agenda "Appointments from 2026-11-26 to 2026-12-02"
keys Tab
expect dashboard "Participants per stage"
expect dashboard-rate "positive"
keys F1
expect f1-home "80/80 participants"

finish

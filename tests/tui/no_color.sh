#!/usr/bin/env bash
# tui/no_color.sh: colour by default; under NO_COLOR no colour escapes at
# all.
. "$(dirname "$0")/../lib.sh"

make_db 1
start colour 100 30
expect colour-open "participants"
tm capture-pane -e -p -t "$S" | grep -q $'\e\[[0-9;]*3[1-7]m\|\e\[[0-9;]*38;5' && ok || ko "no colour without NO_COLOR"
start mono 100 30 NO_COLOR=1
expect mono-open "participants"
tm capture-pane -e -p -t "$S" | grep -q $'\e\[[0-9;]*3[1-7]m\|\e\[[0-9;]*38;5' && ko "colour under NO_COLOR" || ok
keys q
same "mono quits" "$(dead_status)" 0

finish

#!/usr/bin/env bash
# tui/signals.sh: Ctrl-C, SIGTERM and SIGHUP restore the terminal and end
# with their statuses, the data stay whole; a terminal that goes away
# ends it as a hang-up.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
keys C-c
same "Ctrl-C status" "$(dead_status)" 130
"$BIN" --db "$DB" --today $T list --format tsv >/dev/null && ok || ko "database unreadable after Ctrl-C"
start term 100 30
expect term-open "participants"
kill -TERM "$(parcours_pid)"
same "SIGTERM status" "$(dead_status)" 143
start hup 100 30
expect hup-open "participants"
kill -HUP "$(parcours_pid)"
same "SIGHUP status" "$(dead_status)" 129

# A terminal that goes away without a SIGHUP reaching parcours (its
# parent ignores it) must not leave it spinning: it ends as on a hang-up.
start gone 100 30
expect gone-open "participants"
tm kill-session -t gone
same "terminal gone" "$(dead_status)" 129

finish

#!/usr/bin/env bash
# first_screen.sh: how long until the interface shows its status line, on a
# demo database of N participants (default 80). A benchmark, not a test.
# Usage: tests/bench/first_screen.sh PARCOURS [N] [RUNS]
set -eu
BIN=$1 N=${2:-80} RUNS=${3:-5}
WORK=$(mktemp -d)
SOCK=parcours-bench-$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
"$BIN" --db "$WORK/db" --today 2026-11-26 demo --participants "$N" --seed 1 >/dev/null
for r in $(seq "$RUNS"); do
	t0=$(date +%s%N)
	tmux -L "$SOCK" new-session -d -s "b$r" -x 100 -y 30 -e LC_ALL=C.UTF-8 \
		"$BIN --db '$WORK/db' --today 2026-11-26"
	until tmux -L "$SOCK" capture-pane -p -t "b$r" | grep -q "participants ·"; do
		sleep 0.005
	done
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000000 ))"
	tmux -L "$SOCK" kill-session -t "b$r"
done | sort -n | awk -v n="$N" '{ v[NR] = $1 } END { printf "%d participants: first screen in %d ms (median of %d runs)\n", n, v[int((NR + 1) / 2)], NR }'

# lib.sh: what the black-box tests share; sourced by tests/cli/*.sh and
# tests/tui/*.sh, each of which tests one feature on data of its own.
# Usage of every such file: FILE.sh PARCOURS SOURCE_ROOT
#
# Gives: BIN, SRC, WORK (a temporary directory, removed at the end), HOME
# inside it, DB and T (a database path and the day the tests run on), the
# checks (ok, ko, run, out_has, err_has, err_empty, same), the tmux driver
# (start, screen, keys, wait_for, ready, expect, expect_not, dead_status,
# parcours_pid) and finish, the closing line, which every file ends with.
set -u

BIN=$1
SRC=${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# cli/export for tests/cli/export.sh: names the file in messages and its
# temporary directory, which holds everything it makes, its tmux socket
# too: files run at once share nothing.
TEST_NAME=$(basename "$(dirname "$0")")/$(basename "$0" .sh)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parcours-${TEST_NAME//\//-}-XXXXXX")
SOCK=$WORK/tmux.sock
S=
finished=
passed=0
failed=0

# Whatever happens, leave no tmux server, no parcours started on this
# file's databases, no temporary file. A file that stops before finish
# (a shell error, an exit) has failed.
cleanup() {
	local status=$?
	if [ -n "$S" ]; then tmux -S "$SOCK" kill-server 2>/dev/null; fi
	pkill -f -- "--db $WORK/" 2>/dev/null
	# Until what ran in the sessions ended (a session's shell writes its
	# status file once its parcours is gone), 5 s at most.
	for _ in $(seq 100); do
		pgrep -f -- "$WORK/" >/dev/null || break
		sleep 0.05
	done
	rm -rf "$WORK"
	if [ -z "$finished" ]; then
		printf 'FAIL: %s stopped before its end (status %d)\n' "$TEST_NAME" "$status" >&2
		echo "$TEST_NAME: $passed passed, $((failed + 1)) failed"
		printf '%d passed, %d failed\n' "$passed" "$((failed + 1))"
		exit 1
	fi
}
trap cleanup EXIT

# Never touch the real home of whoever runs the tests.
export HOME=$WORK/home XDG_DATA_HOME= XDG_CONFIG_HOME=
unset PARCOURS_DB PARCOURS_CONFIG PARCOURS_TODAY
mkdir -p "$HOME"

DB=$WORK/db
T=2026-11-26
P() { "$BIN" --db "$DB" --today $T "$@"; }
# make_db SEED [DEMO OPTIONS...]: the demo caseload in $DB.
make_db() {
	local seed=$1
	shift
	"$BIN" --db "$DB" --today $T demo --seed "$seed" "$@" >/dev/null ||
		{ ko "$TEST_NAME: demo --seed $seed failed"; finish; }
}

ok() { passed=$((passed + 1)); }
ko() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*" >&2
	# In the interface, what the screen showed then.
	if [ -n "$S" ]; then
		tm capture-pane -p -t "$S" 2>/dev/null | sed 's/^/  | /' >&2
	fi
}

# run NAME EXPECTED_STATUS ARGS...: runs parcours, keeps out/err/status.
run() {
	local name=$1 want=$2
	shift 2
	"$BIN" "$@" >"$WORK/out" 2>"$WORK/err"
	status=$?
	if [ "$status" -eq "$want" ]; then ok; else
		ko "$name: exit $status, expected $want; stderr: $(head -c 400 "$WORK/err")"
	fi
}
out_has() { if grep -q -- "$2" "$WORK/out"; then ok; else ko "$1: stdout lacks '$2'"; fi; }
err_has() { if grep -q -- "$2" "$WORK/err"; then ok; else ko "$1: stderr lacks '$2': $(head -c 300 "$WORK/err")"; fi; }
err_empty() { if [ ! -s "$WORK/err" ]; then ok; else ko "$1: stderr not empty: $(head -c 300 "$WORK/err")"; fi; }
same() { if [ "$2" = "$3" ]; then ok; else ko "$1: '$2' != '$3'"; fi; }

# The caseload of $DB as `list` gives it, one of its fields, the file.
tsv() { "$BIN" --db "$DB" --today $T list --format tsv; }
field() { tsv | awk -F'\t' -v id="$1" -v col="$2" '$1 == id { print $col }'; }
dbsum() { md5sum <"$DB/data.mdb"; }

# --- the interface, driven in tmux (a server of this file's own) ----------
unset TMUX
tm() { tmux -S "$SOCK" "$@"; }
# start SESSION COLS ROWS [ENV=VALUE...]: parcours on $DB in a new tmux
# session, which becomes the current one ($S). A small shell waits for
# it and keeps its exit status in a file; it ignores the terminal's
# signals itself, which parcours handles its way.
start() {
	local s=$1 x=$2 y=$3 envs=()
	shift 3
	for e in LC_ALL=C.UTF-8 TZ=UTC TERM=screen-256color "HOME=$HOME" "$@"; do envs+=(-e "$e"); done
	rm -f "$WORK/status-$s"
	S=$s
	# Quitting the last session ends the server: a session started at
	# that moment may find it going; try again, 2 s at most.
	for _ in $(seq 20); do
		tm new-session -d -s "$s" -x "$x" -y "$y" "${envs[@]}" \
			"trap '' INT TERM HUP; '$BIN' --db '$DB' --today $T; echo \$? >'$WORK/status-$s'" \
			2>/dev/null && return 0
		sleep 0.1
	done
	ko "start $s: no tmux session"
}
screen() { tm capture-pane -p -t "$S"; }
keys() { tm send-keys -t "$S" "$@"; }
# wait_for TEXT: until the screen shows TEXT (fixed string), 5 s at most.
wait_for() {
	for _ in $(seq 100); do
		screen 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# ready TEXT: waits for a screen the rest of the file needs; if it never
# comes, that is a failure and the file ends there.
ready() { wait_for "$1" || { ko "$TEST_NAME: the screen never showed '$1'"; finish; }; }
# expect NAME TEXT / expect_not NAME TEXT: the screen shows it or not.
expect() { if wait_for "$2"; then ok; else ko "$1: screen lacks '$2'"; fi; }
expect_not() {
	local shown
	sleep 0.2
	if ! shown=$(screen 2>&1); then ko "$1: no screen to read: $shown"
	elif grep -qF -- "$2" <<<"$shown"; then ko "$1: screen shows '$2'"
	else ok; fi
}
# The exit status of parcours in session $S, once it ended (5 s at most).
dead_status() {
	for _ in $(seq 100); do
		[ -s "$WORK/status-$S" ] && break
		sleep 0.05
	done
	cat "$WORK/status-$S" 2>/dev/null
}
# The process id of parcours in session $S.
parcours_pid() {
	pgrep -P "$(tm display-message -p -t "$S" '#{pane_pid}')" | head -1
}

# finish: the closing line; exit status 1 if any check failed.
finish() {
	finished=1
	echo "$TEST_NAME: $passed passed, $failed failed"
	printf '%d passed, %d failed\n' "$passed" "$failed"
	if [ "$failed" -eq 0 ]; then exit 0; fi
	exit 1
}

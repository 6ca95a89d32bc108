#!/usr/bin/env bash
# tui.sh: the full-screen interface driven for real in tmux: keys in,
# screen out, data checked through the command line.
# Usage: tui.sh PARCOURS
set -u

BIN=$1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parcours-tui-XXXXXX")
SOCK=parcours-test-$$
export HOME=$WORK/home XDG_DATA_HOME= XDG_CONFIG_HOME= PARCOURS_DB= \
	PARCOURS_CONFIG= PARCOURS_TODAY=
mkdir -p "$HOME"
# Whatever happens, leave no session and no parcours of ours running.
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; pkill -f -- "--db $WORK/db" 2>/dev/null; rm -rf "$WORK"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*" >&2
	tmux -L "$SOCK" capture-pane -p -t "${S:-main}" 2>/dev/null | sed 's/^/  | /' >&2
}

T=2026-11-26
DB=$WORK/db
"$BIN" --db "$DB" --today $T demo --seed 1 >/dev/null || { echo "demo failed"; exit 1; }

tm() { tmux -L "$SOCK" "$@"; }
# start SESSION COLS ROWS [ENV=VALUE...]: parcours in a new tmux session.
# A small shell waits for it and keeps its exit status in a file; it
# ignores the terminal's signals itself, which parcours handles its way.
start() {
	local s=$1 x=$2 y=$3 envs=()
	shift 3
	for e in LC_ALL=C.UTF-8 TZ=UTC TERM=screen-256color "HOME=$HOME" "$@"; do envs+=(-e "$e"); done
	rm -f "$WORK/status-$s"
	tm new-session -d -s "$s" -x "$x" -y "$y" "${envs[@]}" \
		"trap '' INT TERM HUP; '$BIN' --db '$DB' --today $T; echo \$? >'$WORK/status-$s'"
	S=$s
}
screen() { tm capture-pane -p -t "$S"; }
keys() { tm send-keys -t "$S" "$@"; }
# wait_for TEXT: until the screen shows TEXT (fixed string), 5 s at most.
wait_for() {
	for _ in $(seq 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# expect NAME TEXT / expect_not NAME TEXT: the screen shows it or not.
expect() { if wait_for "$2"; then ok; else ko "$1: screen lacks '$2'"; fi; }
expect_not() {
	sleep 0.2
	if screen | grep -qF -- "$2"; then ko "$1: screen shows '$2'"; else ok; fi
}
same() { if [ "$2" = "$3" ]; then ok; else ko "$1: '$2' != '$3'"; fi; }
tsv() { "$BIN" --db "$DB" --today $T list --format tsv; }
field() { tsv | awk -F'\t' -v id="$1" -v col="$2" '$1 == id { print $col }'; }
dbsum() { md5sum <"$DB/data.mdb"; }
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

# --- opening and the status line -------------------------------------------
flagged=$(tsv | awk -F'\t' 'NR > 1 && $9 != ""' | wc -l)
start main 100 30
expect opening "80/80 participants · $flagged need attention · Thursday 2026-11-26"
expect opening-tabs "Caseload  Agenda  Dashboard"
expect opening-hints "? help"
expect opening-marker "▲"

# --- search, with and without accents ----------------------------------------
keys / l e f e v r e
expect search-plain "LEFÈVRE Camille"
expect_not search-filters "LAMBERT Bernard"
keys Escape
expect search-cleared "LAMBERT Bernard"
keys / L E F È V R E Enter
expect search-accents "LEFÈVRE Camille"
expect_not search-accents-filters "LAMBERT Bernard"
keys / C-u n g u y e n Enter
expect search-vietnamese "NGUYỄN"
keys Escape
expect search-escape "LAMBERT Bernard"

# --- open a participant ----------------------------------------------------------
keys g Enter
expect open "Appointments"
expect open-parcours "Parcours"
expect open-name "LAMBERT Bernard"
lambert=$(tsv | awk -F'\t' '$2 == "Lambert" && $3 == "Bernard" { print $1 }')
[ -n "$lambert" ] && ok || ko "Lambert not in the list"

# --- an invalid date is refused, nothing written --------------------------------
before=$(dbsum)
keys a
expect plan-form "Plan an appointment"
keys C-u 3 1 / 0 2 / 2 0 2 6 Enter
expect bad-date "'31/02/2026' is not a date"
keys Escape
expect_not bad-date-closed "Plan an appointment"
same "invalid date writes nothing" "$(dbsum)" "$before"

# --- Esc in a form writes nothing ---------------------------------------------
keys n
expect note-form "Add a note"
keys Tab "Ne doit pas être enregistré"
expect note-typed "Ne doit pas être enregistré"
keys Escape
expect_not note-closed "Add a note"
same "Esc writes nothing" "$(dbsum)" "$before"

# --- plan an appointment today, then record it done -----------------------------
keys a
expect plan-form-2 "Plan an appointment"
keys C-u 2 6 / 1 1 / 2 0 2 6 Tab C-u 1 4 : 3 0 Tab C-u "Entretien bilan" Enter
expect planned "Appointment planned on 2026-11-26"
same "next appointment is today" "$(field "$lambert" 8)" "2026-11-26"
keys d
expect outcome-form "Appointment of 2026-11-26 14:30 (Entretien bilan): done"
keys "Projet : aide à domicile. Œuvre à suivre." Enter
expect recorded "Recorded as done."
expect outcome-note "» Projet : aide à domicile. Œuvre à suivre."
same "last contact is today" "$(field "$lambert" 7)" "2026-11-26"
same "nothing planned any more" "$(field "$lambert" 8)" ""
# The older appointment left without outcome: up two lines, missed.
same "still one overdue" "$(field "$lambert" 9 | tr ',' '\n' | grep -c appointment-overdue)" 1
keys k k m
expect missed-form "Appointment of 2026-11-14 11:30 (entretien): missed"
keys Enter
expect missed-saved "Recorded as missed"
same "no longer overdue" "$(field "$lambert" 9 | tr ',' '\n' | grep -c appointment-overdue)" 0

# --- move to the next stage ---------------------------------------------------------
stage=$(field "$lambert" 4)
keys ">"
expect stage-form "Move to stage $((stage + 1))"
keys Enter
expect stage-moved "Now in stage $((stage + 1))"
same "stage moved" "$(field "$lambert" 4)" "$((stage + 1))"
same "days in stage" "$(field "$lambert" 6)" 0

# --- a job start makes a check-in appear -------------------------------------------
keys J
expect job-form "Record a job start"
keys "Boulangerie Lefort" Enter
expect job-saved "the in-work follow-up starts"
expect checkin-shown "D+7"
same "check-in due" "$(field "$lambert" 9 | tr ',' '\n' | grep -c checkin-due)" 1

# --- a note keeps accents, ligatures and combining marks as typed ----------------------
keys n
expect note-form-2 "Add a note"
keys Tab $'Cœur : Zoë Le\xcc\x81a'
keys Enter
expect note-saved "Note added."
expect note-shown $'2026-11-26 Cœur : Zoë Le\xcc\x81a'

# --- help lists the keys of the view -------------------------------------------------
keys "?"
expect help "Keys of the Participant view"
expect help-plan "plan an appointment"
keys Escape
expect help-back "Appointments"
keys Escape
expect back-home "80/80 participants"

# --- resize: too small, then back; inside a form too -----------------------------------
tm resize-window -t "$S" -x 60 -y 15
expect too-small "Terminal too small: 60×15."
tm resize-window -t "$S" -x 100 -y 30
expect resized-back "80/80 participants"
keys g Enter n Tab "texte gardé"
expect form-typed "texte gardé"
tm resize-window -t "$S" -x 50 -y 12
expect form-too-small "Terminal too small: 50×12."
tm resize-window -t "$S" -x 80 -y 24
expect form-kept "texte gardé"
keys Escape Escape
tm resize-window -t "$S" -x 100 -y 30
expect after-resize "80/80 participants"

# q leaves even from the too-small notice.
start tiny 40 12
expect tiny-notice "Terminal too small: 40×12."
expect tiny-quit-hint "q quits."
keys q
same "q quits when too small" "$(dead_status)" 0
S=main

# --- 80x24 draws the whole home view ------------------------------------------------
tm resize-window -t "$S" -x 80 -y 24
expect small-status "80/80 participants"
expect small-hints "q quit"
tm resize-window -t "$S" -x 100 -y 30

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

# --- export from the interface; restore refused while it is open ----------------------
keys E
expect export-form "Export the caseload summary"
keys Tab C-u "$WORK/from-tui.csv" Enter
expect export-saved "Summary written to $WORK/from-tui.csv"
same "export file mode" "$(stat -c %a "$WORK/from-tui.csv" 2>/dev/null)" 600
same "export rows" "$(($(wc -l <"$WORK/from-tui.csv") - 1))" "$(($(tsv | wc -l) - 1))"
"$BIN" --db "$DB" backup "$WORK/b.mdb" >/dev/null && ok || ko "backup while open"
"$BIN" --db "$DB" restore "$WORK/b.mdb" >/dev/null 2>"$WORK/restore.err"
same "restore refused while open" "$?" 1
grep -q "open in another window" "$WORK/restore.err" && ok || ko "restore message: $(cat "$WORK/restore.err")"

# --- agenda and dashboard ---------------------------------------------------------
keys Tab
expect agenda "Appointments from 2026-11-26 to 2026-12-03"
keys Tab
expect dashboard "Participants per stage"
expect dashboard-rate "positive"
keys F1
expect f1-home "80/80 participants"

# --- two instances on one database -------------------------------------------------
S2=second
start "$S2" 100 30
S=$S2
expect second-open "80/80 participants"
keys N
expect new-form "New participant"
keys "Quentinovà" Tab "Zoë" Enter
expect new-saved "Zoë Quentinovà added."
S=main
keys C-l
expect other-sees "81/80 participants"
S=$S2
keys Escape
expect second-home "81/80 participants"
keys q
same "second quits cleanly" "$(dead_status)" 0

# --- erase from the interface: the name to type back, then nothing left ----------------
S=main
keys Escape F1 / q u e n t Enter
expect erase-found "QUENTINOVÀ Zoë"
grep -q -a "Quentinovà" "$DB/data.mdb" && ok || ko "name not in the file before erasure"
keys Enter X
expect erase-form "Erase QUENTINOVÀ Zoë and every trace of them"
keys "Quentin" Enter
expect erase-wrong "type the last name exactly to confirm"
keys C-u "quentinova" Enter
expect erased "QUENTINOVÀ Zoë erased."
expect erased-count "80/80 participants"
keys Escape
same "erased from the file" "$(cat "$DB"/* | grep -a -c 'Quentinov' || true)" 0

# --- an exit, and a transfer, from the participant view ----------------------------------
S=main
keys F1 g Enter
expect exit-open "Appointments"
leaving=$(tsv | awk -F'\t' 'NR == 2 { print $1 }')
keys x
expect exit-form "Record an exit"
keys Tab Right Enter
expect exit-saved "Exit recorded"
expect exit-shown "left on 2026-11-26"
exited=$("$BIN" --db "$DB" --today $T list --exited --format tsv | wc -l)
same "exits listed" "$exited" "$(( $(tsv | wc -l) + 11 ))"
keys Escape j Enter t
expect transfer-form "Transfer to another referent"
keys "Karim Benali" Enter
expect transferred "now followed by Karim Benali"
same "transferred" "$("$BIN" --db "$DB" --today $T --referent "Karim Benali" list --format tsv | wc -l)" 2

# --- Ctrl-C, SIGTERM and SIGHUP restore the terminal, the data stay whole ----------------------
S=main
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

# --- NO_COLOR: no colour escapes at all ----------------------------------------------
start colour 100 30
expect colour-open "participants"
tm capture-pane -e -p -t "$S" | grep -q $'\e\[[0-9;]*3[1-7]m\|\e\[[0-9;]*38;5' && ok || ko "no colour without NO_COLOR"
start mono 100 30 NO_COLOR=1
expect mono-open "participants"
tm capture-pane -e -p -t "$S" | grep -q $'\e\[[0-9;]*3[1-7]m\|\e\[[0-9;]*38;5' && ko "colour under NO_COLOR" || ok
keys q
same "mono quits" "$(dead_status)" 0

# --- the French interface -------------------------------------------------------
start francais 100 30 LANGUAGE=fr
expect fr-status "participants · "
expect fr-date "jeudi 26/11/2026"
expect fr-tabs "Portefeuille  Agenda  Tableau de bord"
expect fr-hints "? aide"
keys g Enter
expect fr-participant "Rendez-vous"
keys a
expect fr-form "Prévoir un rendez-vous"
keys C-u 3 0 / 0 2 / 2 0 2 6 Enter
expect fr-bad-date "« 30/02/2026 » n'est pas une date"
keys Escape "?"
expect fr-help "Touches de la vue Participant"
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	start lang 100 30 LC_ALL= LANG=fr_FR.UTF-8
	expect fr-lang "jeudi 26/11/2026"
	expect fr-lang-name "Dernier contact"
fi

echo "tui: $passed passed, $failed failed"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]

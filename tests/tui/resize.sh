#!/usr/bin/env bash
# tui/resize.sh: too small, then back, inside a form too (what was typed
# is kept); q quits from the too-small notice; 80x24 draws the whole home
# view.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"

# --- resize: too small, then back; inside a form too -----------------------------------
tm resize-window -t "$S" -x 60 -y 15
expect too-small "Terminal too small: 60×15."
tm resize-window -t "$S" -x 100 -y 30
expect resized-back "80 participants · target 80"
keys g Enter n "texte gardé"
expect form-typed "texte gardé"
tm resize-window -t "$S" -x 50 -y 12
expect form-too-small "Terminal too small: 50×12."
tm resize-window -t "$S" -x 80 -y 24
expect form-kept "texte gardé"
keys Escape
ready "Leave without saving?"
keys Down Enter Escape
tm resize-window -t "$S" -x 100 -y 30
expect after-resize "80 participants · target 80"

# A resize while a pick list is open: the form comes back at the new
# size, its right border on screen (it kept its old width before). In a
# session of its own, resized once, as a person drags a window.
start pick 100 30
ready "80 participants · target 80"
keys g Enter a Tab Tab Tab " "
expect pick-open "⏎ choose"
sleep 0.5
tm resize-window -t "$S" -x 80 -y 24
sleep 0.5
keys Escape
sleep 0.5
screen | grep "Plan an appointment" | grep -q "┐" && ok ||
	ko "the form lost its right border after the resize"
keys Escape Escape Escape q
S=main

# q leaves even from the too-small notice.
start tiny 40 12
expect tiny-notice "Terminal too small: 40×12."
expect tiny-quit-hint "q quits."
keys q
same "q quits when too small" "$(dead_status)" 0
S=main

# --- 80x24 draws the whole home view ------------------------------------------------
tm resize-window -t "$S" -x 80 -y 24
expect small-status "80 participants · target 80"
expect small-hints "q quit"
tm resize-window -t "$S" -x 100 -y 30

finish

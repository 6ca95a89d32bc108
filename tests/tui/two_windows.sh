#!/usr/bin/env bash
# tui/two_windows.sh: two instances on one database: what one adds, the
# other sees.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
S2=second
start "$S2" 100 30
S=$S2
expect second-open "80 participants · target 80"
keys A
expect new-form "New participant"
keys "Quentinovà" Tab "Zoë" Enter
expect new-saved "Zoë Quentinovà added."
expect new-questionnaire "Funder's entry questionnaire"
keys Escape
S=main
keys C-l
expect other-sees "81 participants · target 80"
S=$S2
keys Escape
expect second-home "81 participants · target 80"
keys q
same "second quits cleanly" "$(dead_status)" 0

finish

#!/usr/bin/env bash
# tui/erase.sh: erase from the interface: the name to type back, then
# nothing of the participant left in the files.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
# The participant to erase, added from the interface in another window,
# as two_windows.sh does; this one sees it once it reloads.
start other 100 30
ready "80 participants · target 80"
keys A
ready "New participant"
keys "Quentinovà" Tab "Zoë" Enter
ready "Zoë Quentinovà added."
ready "Funder's entry questionnaire"
keys Escape
keys Escape
ready "81 participants · target 80"
keys q
[ "$(dead_status)" = 0 ] || ko "the other window did not quit"
S=main
keys C-l
ready "81 participants · target 80"

keys Escape F1 / q u e n t Enter
expect erase-found "QUENTINOVÀ Zoë"
grep -q -a "Quentinovà" "$DB/data.mdb" && ok || ko "name not in the file before erasure"
keys Enter X
expect erase-form "Erase QUENTINOVÀ Zoë and every trace of them"
keys "Quentin" Enter
expect erase-wrong "type the last name exactly to confirm"
keys C-u "quentinova" Enter
expect erased "QUENTINOVÀ Zoë erased."
expect erased-count "80 participants · target 80"
keys Escape
same "erased from the file" "$(cat "$DB"/* | grep -a -c 'Quentinov' || true)" 0

# Added and erased in the same window: the caseload shrinks under the
# list's selection (read past the caseload's end before the fix, which
# AddressSanitizer caught).
keys F1 A
ready "New participant"
keys "Yannickovà" Tab "Xavier" Enter
expect same-window-added "Xavier Yannickovà added."
expect same-window-questionnaire "Funder's entry questionnaire"
keys Escape Escape / y a n n Enter
expect same-window-found "YANNICKOVÀ Xavier"
keys Enter X
expect same-window-form "Erase YANNICKOVÀ Xavier and every trace of them"
keys "yannickova" Enter
expect same-window-erased "YANNICKOVÀ Xavier erased."
expect same-window-count "80 participants · target 80"
keys j k
expect same-window-alive "80 participants · target 80"
same "same window: erased from the file" "$(cat "$DB"/* | grep -a -c 'Yannickov' || true)" 0

finish

#!/usr/bin/env bash
# tui/replaced.sh: the database file is what is locked, not a file beside
# it that can be removed: with a window open, removing parcours.lock let
# `erase` replace the database under it (its later changes were lost). A
# window whose database file was replaced or removed says so instead of
# "saved".
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"

# The lock cannot be removed from under the window.
rm -f "$DB/parcours.lock"
run erase-while-open 1 --db "$DB" --today $T erase 3
err_has erase-while-open "open in another window"
"$BIN" --db "$DB" backup "$WORK/b.bak" >/dev/null
run restore-while-open 1 --db "$DB" --today $T restore "$WORK/b.bak"
err_has restore-while-open "open in another window"
run participant-3-kept 0 --db "$DB" --today $T access 3

# The file replaced by hand under the window: a note is refused, with why.
cp "$DB/data.mdb" "$WORK/copy.mdb" && mv "$WORK/copy.mdb" "$DB/data.mdb"
keys g Enter n "Jamais enregistrée"
expect note-typed "Jamais enregistrée"
keys Enter
expect note-refused "Not saved: the database file was"
expect_not note-not-saved "Note added."
keys Escape
"$BIN" --db "$DB" --today $T dump >"$WORK/dump.json"
grep -q "Jamais enregistr" "$WORK/dump.json" && ko "the note is in the database" || ok

finish

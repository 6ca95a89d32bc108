#!/usr/bin/env bash
# tui/search.sh: search on the caseload, with and without accents.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
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
# Esc clears the search: the whole list is back, the participant found
# still selected and in view.
expect search-escape "more ─"
expect_not search-escape-cleared "/nguyen"
same "still on the one found" "$(screen | grep '^›' | grep -c 'NGUYỄN')" 1

finish

#!/usr/bin/env bash
# tui/french.sh: the French interface, by LANGUAGE and by a French locale:
# dates, tabs, hints, forms, messages and help.
. "$(dirname "$0")/../lib.sh"

make_db 1
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
# A job reads in French: its contract by name (it showed the stored id,
# "interim"), its check-ins as J+N (they read "D+7" in the form).
keys Escape Escape / l a u r e n t " " s a r Enter Enter
expect fr-contract "intérim"
expect_not fr-contract-id " interim "
keys K
expect fr-checkin-form "J+30 (prévu le"
expect_not fr-checkin-english "D+30"
keys Escape
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	start lang 100 30 LC_ALL= LANG=fr_FR.UTF-8
	expect fr-lang "jeudi 26/11/2026"
	expect fr-lang-name "Dernier contact"
fi

finish

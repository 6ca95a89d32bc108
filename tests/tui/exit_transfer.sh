#!/usr/bin/env bash
# tui/exit_transfer.sh: an exit, and a transfer to another referent,
# from the participant view.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
keys F1 g Enter
expect exit-open "Appointments"
keys x
expect exit-form "Record an exit"
# Someone who never worked is not offered a positive exit first (the form
# proposed "CDI (six mois en emploi)").
expect exit-proposed "Déménagement"
expect_not exit-not-cdi "‹ CDI (six mois en emploi)"
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

# In work on a CDD: the form proposes the positive reason of that contract.
keys F1 / l a u r e n t " " s a r Enter Enter
expect in-work "LAURENT Sarah"
keys x
expect exit-form-2 "Record an exit"
expect exit-proposed-interim "‹ Missions d'intérim cumulant six mois (positive) ›"
# Two weeks into the missions, that reason is refused with what the jobs
# show (it was accepted); forced with a note, it is recorded.
keys Enter
expect exit-refused "Needs six months of qualifying work: from 2026-11-10, reached on"
keys Tab Tab "Contrat de 7 mois signé, au dossier" Enter
expect exit-forced "Exit recorded"
"$BIN" --db "$DB" --today $T dump | grep -q "forced: Contrat de 7 mois sign" && ok ||
	ko "the forced exit's note is not in the journal"

finish

#!/usr/bin/env bash
# tui/fse_exit_list.sh: the list of situations on leaving, in the exit
# form, at 80x24 in French: its hint whole (it was cut to "Échap…", the
# list as wide as its longest situation only), every situation shown.
. "$(dirname "$0")/../lib.sh"

locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' || { echo "no fr_FR.UTF-8 locale: skipped"; ok; finish; }
make_db 1
# A current participant whose last name is plain letters and unique,
# whoever the demo holds.
name=$(P list --format tsv | python3 -c '
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in sys.stdin][1:]
count = collections.Counter(r[1] for r in rows)
print(next(r[1] for r in rows if r[-1] == "active" and r[1].isascii()
           and r[1].isalpha() and count[r[1]] == 1))')
start fr 80 24 LC_ALL=fr_FR.UTF-8
ready "participants"
keys / "$name" Enter Enter
ready "${name^^}"
keys x
ready "Situation à la sortie"
keys Tab Tab Space
expect list-hint "Espace cocher · ⏎ terminé · Échap annuler"
expect list-last "[ ] en emploi, indépendant compris"
keys Escape Escape

finish

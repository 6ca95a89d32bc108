#!/usr/bin/env bash
# tui/french.sh: the French interface, by LANGUAGE and by a French locale:
# dates, tabs, hints, forms, messages and help.
. "$(dirname "$0")/../lib.sh"

make_db 1
# Someone in work on one job with a check-in still open, the only one of
# that name (temp missions first: "interim" reads "intérim"): how to find
# them, the contract id and its French name, the first open check-in.
pick=$("$BIN" --db "$DB" dump | python3 -c '
import json, sys, unicodedata
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if not unicodedata.combining(c)).casefold()
ps = [p for p in json.load(sys.stdin)["participants"]
      if p["status"] != "exited" and p["referent"] == "Marie Dupont"]
names = [fold(p["last_name"] + " " + p["first_name"]) for p in ps]
french = {"interim": "intérim", "contrat-aide": "contrat aidé", "cdd": "CDD", "cdi": "CDI"}
for contract in french:
    for p, n in zip(ps, names):
        jobs = p["jobs"]
        if p["status"] != "follow-up" or len(jobs) != 1 or jobs[0]["contract"] != contract:
            continue
        held = {c["day"] for c in jobs[0]["checkins"]}
        open_ = [d for d in (7, 30, 90, 180) if d not in held]
        if open_ and names.count(n) == 1:
            print(n, contract, french[contract], open_[0], sep="\t")
            sys.exit(0)
')
[ -n "$pick" ] && ok || ko "no one in work with a check-in open"
IFS=$'\t' read -r search contract contract_fr checkin <<<"$pick"
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
keys Escape
expect fr-leave "Quitter sans enregistrer"
keys Down Enter "?"
expect fr-help "Touches de la vue Participant"
# A job reads in French: its contract by name (it showed the stored id,
# "interim"), its check-ins as J+N (they read "D+7" in the form).
keys Escape Escape / "$search" Enter Enter
expect fr-contract "$contract_fr"
expect_not fr-contract-id " $contract "
keys K
expect fr-checkin-form "J+$checkin (prévu le"
expect_not fr-checkin-english "D+$checkin"
keys Escape
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	start lang 100 30 LC_ALL= LANG=fr_FR.UTF-8
	expect fr-lang "jeudi 26/11/2026"
	expect fr-lang-name "Prochain RDV"
fi

finish

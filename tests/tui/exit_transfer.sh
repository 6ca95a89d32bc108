#!/usr/bin/env bash
# tui/exit_transfer.sh: an exit, and a transfer to another referent,
# from the participant view.
. "$(dirname "$0")/../lib.sh"

make_db 1
"$BIN" --db "$DB" dump >"$WORK/dump.json"
# The most urgent participant, opened first, never held a job.
top=$(tsv | awk -F'\t' 'NR == 2 { print $1 }')
same "the first never worked" "$(python3 -c '
import json, sys
print(sum(len(p["jobs"]) for p in json.load(open(sys.argv[1]))["participants"]
          if p["id"] == int(sys.argv[2])))' "$WORK/dump.json" "$top")" 0
# Someone in work for less than six months on temp missions (else a CDD,
# else a CDI), one job, the only one of that name: how to find them, the
# name as shown, the reason the form proposes, the job's start.
pick=$(python3 - "$WORK/dump.json" <<'PY'
import json, sys, unicodedata
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if not unicodedata.combining(c)).casefold()
ps = [p for p in json.load(open(sys.argv[1]))["participants"]
      if p["status"] != "exited" and p["referent"] == "Marie Dupont"]
names = [fold(p["last_name"] + " " + p["first_name"]) for p in ps]
labels = {"interim": "Missions d'intérim cumulant six mois",
          "cdd": "CDD de six mois ou plus", "cdi": "CDI (six mois en emploi)"}
for contract in labels:
    for p, n in zip(ps, names):
        if (p["status"] == "follow-up" and len(p["jobs"]) == 1
                and p["jobs"][0]["contract"] == contract
                and p["jobs"][0]["start"] > "2026-05-26" and names.count(n) == 1):
            print(n, p["last_name"].upper() + " " + p["first_name"],
                  labels[contract], p["jobs"][0]["start"], sep="\t")
            sys.exit(0)
PY
)
[ -n "$pick" ] && ok || ko "no one in work for less than six months"
IFS=$'\t' read -r search in_work reason since <<<"$pick"
everyone=$("$BIN" --db "$DB" --today $T list --exited --format tsv | wc -l)
current=$(tsv | wc -l)
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
same "exits listed" "$("$BIN" --db "$DB" --today $T list --exited --format tsv | wc -l)" "$everyone"
same "one less current" "$(tsv | wc -l)" $((current - 1))
keys Escape j Enter t
expect transfer-form "Transfer to another referent"
keys "Karim Benali" Enter
expect transferred "now followed by Karim Benali"
same "transferred" "$("$BIN" --db "$DB" --today $T --referent "Karim Benali" list --format tsv | wc -l)" 2

# In work: the form proposes the positive reason of the job's contract.
keys F1 / "$search" Enter Enter
expect in-work "$in_work"
keys x
expect exit-form-2 "Record an exit"
expect exit-proposed-contract "‹ $reason (positive) ›"
# Less than six months into the job, that reason is refused with what the
# jobs show (it was accepted); forced with a note, it is recorded.
keys Enter
expect exit-refused "Needs six months of qualifying work: from $since, reached on"
# Another reason: what was said of the refused one goes (it stayed).
keys Tab Right
expect_not exit-message-gone "Needs six months of qualifying work"
keys Left Tab Tab "Contrat de 7 mois signé, au dossier" Enter
expect exit-forced "Exit recorded"
"$BIN" --db "$DB" --today $T dump | grep -q "forced: Contrat de 7 mois sign" && ok ||
	ko "the forced exit's note is not in the journal"

finish

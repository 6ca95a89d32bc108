#!/usr/bin/env bash
# tui/jobs.sh: a job ends (L: date and reason); a new job while one goes
# on asks whether that one ended or goes on beside it (a second job
# replaced the first without a word).
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
# Laurent Sarah: in temp work since 10/11 in the demo.
keys / l a u r e n t " " s a r Enter Enter
expect participant "LAURENT Sarah"
employer=$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["last_name"] == "Laurent" and p["first_name"] == "Sarah"][0]
print([j for j in p["jobs"] if j["ended"] is None][0]["employer"])')
keys L
expect end-form "Record that a job ended · $employer"
keys Tab Right Enter
expect ended "Job at $employer ended."
expect no-job-now "J records a job start"
same "end stored" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["last_name"] == "Laurent" and p["first_name"] == "Sarah"][0]
print([(j["ended"], j["end_reason"]) for j in p["jobs"] if j["employer"] == sys.argv[1]])' "$employer")" \
	"[('2026-11-26', 'resigned')]"

# No job going on: J asks nothing first.
keys J
expect job-form "Record a job start"
keys "Carrefour" Enter
expect job-saved "Job recorded"
# One going on: J asks about it first.
keys J
expect asked "Carrefour · open-ended (CDI) · since 2026-11-26: still going on?"
keys j Enter
expect beside "Record a job start"
keys "Lidl" Enter
expect second-saved "Job recorded"
same "two jobs going on" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["last_name"] == "Laurent" and p["first_name"] == "Sarah"][0]
print(sorted(j["employer"] for j in p["jobs"] if j["ended"] is None))')" "['Carrefour', 'Lidl']"
expect both-shown "· Carrefour"
# L with two going on asks which.
keys L
expect which "Which job ended?"
keys Escape
# C corrects a job entered wrongly: the latest one first.
keys C
expect correct-which "Which job to correct?"
keys Enter
expect correct-form "Correct a job"
keys C-u "Lidl Nord" Enter
expect corrected "Job corrected."
same "correction stored" "$(P dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["participants"] if p["last_name"] == "Laurent" and p["first_name"] == "Sarah"][0]
print(sorted(j["employer"] for j in p["jobs"] if j["ended"] is None))')" "['Carrefour', 'Lidl Nord']"
keys Escape

finish

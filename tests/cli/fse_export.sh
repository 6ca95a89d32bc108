#!/usr/bin/env bash
# cli/fse_export.sh: export --format fse, the funder's file. Data of its
# own (load): the period's participants, one row each, with the entry
# answers, the latest exit answers and the survey six months after the
# exit; the default mapping's columns and codes, a custom mapping's; what
# is missing listed as ID: FIELD: missing (status 0, or 2 and no file with
# --strict); pseudonymised without identity nor sensitive answers unless
# --with-sensitive; a bad mapping refused at its line; a hostile name
# guarded.
. "$(dirname "$0")/../lib.sh"

make_db 1
P dump >"$WORK/demo.json"
# Six participants of the demo as templates, rewritten (whatever the demo
# holds): A current and complete, with a hostile first name; B left in
# the period with its exit answers and survey; C current and incomplete;
# D left in the period without exit answers; E left before the period;
# F entered after it; G of another referent.
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ps = sorted(d["participants"], key=lambda p: p["id"])[:7]
def entry(date, **answers):
    e = {"seq": 1, "date": date, "gender": None, "labour": None,
         "unemployed_months": None, "education": None, "disability": None,
         "third_country": None, "foreign_background": None, "minority": None,
         "homeless": None, "rural": None, "qpv": None}
    e.update(answers)
    return e
full = dict(gender="female", labour="unemployed", unemployed_months=18,
            education="isced-0-2", disability="yes", third_country="no",
            foreign_background="refused", minority="unknown", homeless="no",
            rural="no", qpv="yes")
def person(p, last, first, entered, born, status="active"):
    p.update(last_name=last, first_name=first, entry_date=entered,
             birth_date=born, status=status, stage="freins",
             stage_since=entered, phone="+33 6 12 34 56 78",
             email=last.lower() + "@example.org", legal_hold=False,
             exit_date=None, exit_reason=None, exit_positive=False,
             exit_validated=None, exit_hired=None, exit_lost=None,
             exit_lost_reason=None, referent="Marie Dupont")
    p["moves"] = [{"seq": 1, "date": entered, "stage": "freins", "note": None}]
    p["appointments"], p["jobs"], p["notes"] = [], [], []
    for k in ("fse_entries", "fse_exits", "fse_surveys"):
        p.pop(k, None)
def leave(p, date, reason, positive):
    p.update(status="exited", exit_date=date, exit_reason=reason,
             exit_positive=positive)
a, b, c, e_, f, g, h = ps
person(a, "Alpha", "=cmd|' /C calc'!A0", "2025-03-01", "1990-05-10")
a["fse_entries"] = [entry("2025-03-01", **full),
                    # A changed situation later: not the entry answer.
                    entry("2026-02-01", gender="male", labour="employed")]
a["fse_entries"][1]["seq"] = 2
person(b, "Bravo", "Bea", "2025-01-10", "2008-06-01")
b["fse_entries"] = [entry("2025-01-12", **dict(full, gender="non-binary",
                          labour="inactive", unemployed_months=None,
                          education="isced-5-8"))]
leave(b, "2026-03-15", "demenagement", False)
b["fse_exits"] = [{"seq": 1, "date": "2026-03-15", "situations": ["searching"]},
                  {"seq": 2, "date": "2026-03-15",
                   "situations": ["qualification", "employed"]}]
b["fse_surveys"] = [{"seq": 1, "date": "2026-09-16", "how": "email",
                     "reached": False, "employed": False, "improved": False},
                    {"seq": 2, "date": "2026-09-20", "how": "phone",
                     "reached": True, "employed": True, "improved": True}]
person(c, "Charlie", "Cyd", "2026-02-01", None)
c["fse_entries"] = [entry("2026-02-01", gender="male")]
person(e_, "Delta", "Dan", "2025-09-01", "1960-01-01")
e_["fse_entries"] = [entry("2025-09-01", **dict(full, unemployed_months=6))]
leave(e_, "2026-06-30", "sante", False)
person(f, "Echo", "Eve", "2024-01-01", "1980-01-01")
f["fse_entries"] = [entry("2024-01-01", **full)]
leave(f, "2025-06-01", "retraite", False)
f["fse_exits"] = [{"seq": 1, "date": "2025-06-01", "situations": []}]
person(g, "Foxtrot", "Fay", "2026-11-10", "1999-01-01")
g["fse_entries"] = [entry("2026-11-10", **full)]
person(h, "Golf", "Gil", "2025-05-01", "1985-01-01")
h["referent"] = "Paul Martin"
h["fse_entries"] = [entry("2025-05-01", **full)]
d["participants"] = ps
d["journal"] = []
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
read -r A B C D E F G <<<"$(python3 -c '
import json, sys
print(" ".join(str(p["id"]) for p in json.load(open(sys.argv[1]))["participants"]))' "$WORK/cases.json")"
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
PERIOD=(--from 2026-01-01 --to 2026-10-31)

# Python reads the file back: csv.DictReader, the delimiter given.
rows() { python3 - "$@" <<'PY'
import csv, json, sys
path, delim = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8-sig") as fh:
    r = list(csv.DictReader(fh, delimiter=delim))
print(json.dumps(r))
PY
}
check() { # check NAME FILE DELIM PYTHON-EXPR (r: the rows, by[id])
	local got
	got=$(rows "$2" "$3" | python3 -c '
import json, sys
r = json.load(sys.stdin)
by = {x.get("id") or x.get("IDENT"): x for x in r}
A, B, C, D, E, F, G = sys.argv[2:9]
print(eval(sys.argv[1]))' "$4" "$A" "$B" "$C" "$D" "$E" "$F" "$G" 2>&1)
	same "$1" "$got" "True"
}

# The default mapping, to a file: one row per participant of the period,
# by id; stderr lists what is missing, with a warning; status 0.
run default 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" \
	--delimiter comma --output "$WORK/fse.csv"
same mode "$(stat -c %a "$WORK/fse.csv")" "600"
check period "$WORK/fse.csv" , "[x['id'] for x in r] == sorted([A, B, C, D], key=int)"
check header "$WORK/fse.csv" , "list(r[0])[:10] == ['id', 'last_name', 'first_name', 'birth_date', 'phone', 'email', 'referent', 'entry_date', 'entry_answers_date', 'gender']"
check entry-answers "$WORK/fse.csv" , "(by[A]['gender'], by[A]['labour'], by[A]['unemployed_months'], by[A]['long_term_unemployed'], by[A]['education'], by[A]['age_band'], by[A]['entry_answers_date']) == ('female', 'unemployed', '18', 'yes', 'isced-0-2', '30-54', '2025-03-01')"
check situations "$WORK/fse.csv" , "[by[A][k] for k in ('disability', 'third_country', 'foreign_background', 'minority', 'homeless', 'rural', 'qpv')] == ['yes', 'no', 'refused', 'unknown', 'no', 'no', 'yes']"
check not-long-term "$WORK/fse.csv" , "(by[D]['long_term_unemployed'], by[D]['age_band'], by[B]['age_band'], by[B]['gender'], by[B]['long_term_unemployed'], by[B]['unemployed_months']) == ('no', '55-plus', 'under-18', 'non-binary', 'no', '')"
check exit "$WORK/fse.csv" , "[by[B][k] for k in ('exit_date', 'exit_reason', 'exit_positive', 'exit_answers_date', 'exit_searching', 'exit_education', 'exit_qualification', 'exit_employed')] == ['2026-03-15', 'demenagement', 'no', '2026-03-15', 'no', 'no', 'yes', 'yes']"
check survey "$WORK/fse.csv" , "[by[B][k] for k in ('survey_date', 'survey_how', 'survey_reached', 'survey_employed', 'survey_improved')] == ['2026-09-20', 'phone', 'yes', 'yes', 'yes']"
check no-exit "$WORK/fse.csv" , "all(by[A][k] == '' for k in ('exit_date', 'exit_reason', 'exit_positive', 'exit_answers_date', 'exit_employed', 'survey_date', 'survey_reached')) and by[D]['exit_date'] == '2026-06-30' and by[D]['exit_employed'] == ''"
check incomplete-row "$WORK/fse.csv" , "(by[C]['gender'], by[C]['birth_date'], by[C]['age_band'], by[C]['labour'], by[C]['disability']) == ('male', '', '', '', '')"
check identity "$WORK/fse.csv" , "(by[A]['last_name'], by[A]['phone'], by[A]['email'], by[A]['birth_date']) == ('Alpha', '+33 6 12 34 56 78', 'alpha@example.org', '1990-05-10')"
# The hostile first name is written after a quote: text, not a formula.
check guarded "$WORK/fse.csv" , "by[A]['first_name'] == \"'=cmd|' /C calc'!A0\""
want=$(printf '%s\n' "$C: birth_date: missing" "$C: labour: missing" "$C: education: missing" \
	"$C: disability: missing" "$C: third_country: missing" "$C: foreign_background: missing" \
	"$C: minority: missing" "$C: homeless: missing" "$C: rural: missing" "$C: qpv: missing" \
	"$D: exit_answers: missing")
same missing "$(grep ': missing$' "$WORK/err")" "$want"
err_has warning "warning: 2 participants lack funder's answers"
err_has written "funder's export written to"

# --strict: the same list, status 2, nothing written (an older file kept).
echo old >"$WORK/strict.csv"
run strict 2 --db "$DB" --today $T export --format fse "${PERIOD[@]}" --strict \
	--output "$WORK/strict.csv"
same strict-missing "$(grep ': missing$' "$WORK/err")" "$want"
err_has strict-says "nothing written (--strict)"
same strict-untouched "$(cat "$WORK/strict.csv")" "old"
run strict-new 2 --db "$DB" --today $T export --format fse "${PERIOD[@]}" --strict \
	--output "$WORK/none.csv"
[ ! -e "$WORK/none.csv" ] && ok || ko "strict-new: a file was written"
# Complete data (a period where only A and B are): --strict writes it.
run strict-complete 0 --db "$DB" --today $T export --format fse --from 2025-01-01 \
	--to 2025-02-28 --strict --output "$WORK/complete.csv"
check strict-complete-rows "$WORK/complete.csv" , "[x['id'] for x in r] == sorted([B, E], key=int)"
run strict-other 2 --db "$DB" --today $T export --format csv --strict
err_has strict-other "--strict: only with --format fse"

# Pseudonymised: the id and the answers, no identity, no sensitive answer;
# semicolons, and the UTF-8 mark, for a French spreadsheet.
run pseudo 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" \
	--pseudonymise --delimiter ';' --output "$WORK/pseudo.csv"
same bom "$(head -c 3 "$WORK/pseudo.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
check pseudo-identity "$WORK/pseudo.csv" ';' "all(x[k] == '' for x in r for k in ('last_name', 'first_name', 'birth_date', 'phone', 'email')) and len(r) == 4"
check pseudo-kept "$WORK/pseudo.csv" ';' "(by[A]['age_band'], by[A]['gender'], by[A]['rural'], by[A]['qpv'], by[B]['survey_employed']) == ('30-54', 'female', 'no', 'yes', 'yes')"
check pseudo-sensitive "$WORK/pseudo.csv" ';' "all(x[k] == '' for x in r for k in ('disability', 'third_country', 'foreign_background', 'minority', 'homeless'))"
for word in Alpha Bravo Charlie Delta alpha@example.org 1990-05-10 calc; do
	if grep -q -- "$word" "$WORK/pseudo.csv"; then ko "pseudo: '$word' in the file"; else ok; fi
done
run sensitive 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" \
	--pseudonymise --with-sensitive --delimiter comma --output "$WORK/sensitive.csv"
check sensitive-kept "$WORK/sensitive.csv" , "[by[A][k] for k in ('disability', 'third_country', 'foreign_background', 'minority', 'homeless')] == ['yes', 'no', 'refused', 'unknown', 'no'] and by[A]['last_name'] == ''"
# --with-sensitive alone changes nothing: every answer is there anyway.
run sensitive-alone 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" \
	--with-sensitive --delimiter comma --output "$WORK/alone.csv"
same sensitive-alone-same "$(md5sum <"$WORK/alone.csv")" "$(md5sum <"$WORK/fse.csv")"
# Under --all, every referent: G too.
run all 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" --all \
	--delimiter comma --output "$WORK/all.csv"
check all-rows "$WORK/all.csv" , "[x['id'] for x in r] == sorted([A, B, C, D, G], key=int) and by[G]['referent'] == 'Paul Martin'"
# To standard output, the same file.
run stdout 0 --db "$DB" --today $T export --format fse "${PERIOD[@]}" --delimiter comma
same stdout-same "$(md5sum <"$WORK/out")" "$(md5sum <"$WORK/fse.csv")"

# A mapping of the PLIE's own: its columns, in its order, its codes.
cat >"$WORK/plie.yaml" <<'YAML'
fse:
  export:
    - {column: IDENT, field: id}
    - column: SEXE
      field: gender
      codes: {female: "F", male: "H", non-binary: "NB"}
    - column: "Tranche d'âge"
      field: age_band
      codes: {under-18: "1", 18-29: "2", 30-54: "3", 55-plus: "4"}
    - column: HANDICAP
      field: disability
      codes: {"yes": "-1", "no": "N", refused: "R", unknown: "?"}
    - {column: SORTIE, field: exit_date}
    - column: EMPLOI_6M
      field: survey_employed
      codes: {"yes": "1", "no": "0"}
YAML
run check-plie 0 --db "$DB" check-config "$WORK/plie.yaml"
run custom 0 --db "$DB" --config "$WORK/plie.yaml" --today $T export --format fse \
	"${PERIOD[@]}" --delimiter comma --output "$WORK/custom.csv"
check custom-header "$WORK/custom.csv" , "list(r[0]) == ['IDENT', 'SEXE', \"Tranche d'âge\", 'HANDICAP', 'SORTIE', 'EMPLOI_6M']"
check custom-codes "$WORK/custom.csv" , "[(by[i]['SEXE'], by[i][\"Tranche d'âge\"], by[i]['HANDICAP'], by[i]['EMPLOI_6M']) for i in (A, B, C, D)] == [('F', '3', '-1', ''), ('NB', '1', '-1', '1'), ('H', '', '', ''), ('F', '4', '-1', '')]"
# The platform's codes as configured: -1 is no formula typed by anyone.
same custom-code-as-is "$(grep -c ",-1," "$WORK/custom.csv")" 3
# The same warnings whatever the columns: the answers are missing.
same custom-missing "$(grep ': missing$' "$WORK/err")" "$want"

# A bad mapping: refused by check-config and by export, at its line.
cat >"$WORK/bad.yaml" <<'YAML'
fse:
  export:
    - {column: IDENT, field: identity}
    - column: SEXE
      field: gender
      codes: {female: "F", male: "H", nonbinary: "NB"}
    - column: NAISSANCE
      field: birth_date
      codes: {"yes": "1"}
    - column: RURAL
      field: rural
      codes: {"yes": "1", "no": "0"}
YAML
run check-bad 2 --db "$DB" check-config "$WORK/bad.yaml"
err_has bad-field "bad.yaml:3:30: field: expected one of id, last_name,"
err_has bad-answer "bad.yaml:6:39: codes: 'nonbinary' is not an answer of gender (female, male, non-binary)"
err_has bad-uncoded "bad.yaml:6:7: codes: no code for 'non-binary' of gender"
err_has bad-plain "bad.yaml:9:7: codes: the field birth_date is written as it is and takes no codes"
err_has bad-incomplete "bad.yaml:12:7: codes: no code for 'unknown' of rural"
run export-bad 2 --db "$DB" --config "$WORK/bad.yaml" --today $T export --format fse
err_has export-bad "bad.yaml:3:30"

finish

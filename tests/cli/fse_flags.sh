#!/usr/bin/env bash
# cli/fse_flags.sh: the funder's flags from the command line: none
# without fse.from (the default), and with it those entering without
# answers and those who left six months ago or more without a survey,
# listed, counted and exported; check-config takes the keys and refuses
# a date that is none.
. "$(dirname "$0")/../lib.sh"

make_db 1
run attention-default 0 --db "$DB" --today $T attention --format tsv
if grep -q 'fse-' "$WORK/out"; then ko "no FSE flag without fse.from"; else ok; fi
run json-default 0 --db "$DB" --today $T export --format json
if grep -q 'fse-' "$WORK/out"; then ko "no FSE flag in exports without fse.from"; else ok; fi

printf 'fse:\n  from: 2024-01-01\n  entry_grace_days: 14\n  survey_window_days: 28\n' >"$WORK/fse.yaml"
run check-config 0 --db "$DB" check-config "$WORK/fse.yaml"
run attention 0 --db "$DB" --config "$WORK/fse.yaml" --today $T attention --format tsv
out_has attention $'\tfse-entry-incomplete\t'
out_has attention $'\tfse-survey-due\t'
out_has attention $'\tfse-survey-overdue\t'
# Those with a survey to ask are among the people who left.
ids=$(awk -F'\t' '$4 ~ /^fse-survey/ { print $1 }' "$WORK/out" | sort -u)
run list 0 --db "$DB" --config "$WORK/fse.yaml" --today $T list --exited --format tsv
same "survey flags only on those who left" \
	"$(for id in $ids; do awk -F'\t' -v id="$id" '$1 == id { print $NF }' "$WORK/out"; done | sort -u)" "exited"
# Without --exited: the caseload and, beside it, those with a survey due.
run list-current 0 --db "$DB" --config "$WORK/fse.yaml" --today $T list --format tsv
same "with a survey due, listed" \
	"$(awk -F'\t' '$NF == "exited"' "$WORK/out" | cut -f1 | sort)" "$ids"
same "the others as without fse.from" \
	"$(awk -F'\t' 'NR > 1 && $NF != "exited"' "$WORK/out" | wc -l)" \
	"$("$BIN" --db "$DB" --today $T list --format tsv | awk 'NR > 1' | wc -l)"
run json 0 --db "$DB" --config "$WORK/fse.yaml" --today $T export --format json
same "counted in the export" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = {x["name"]: x["count"] for x in d["flags"]}
print(f["fse-entry-incomplete"] > 0, f["fse-survey-due"] > 0, f["fse-survey-overdue"] > 0)' "$WORK/out")" "True True True"

printf 'fse:\n  from: 2024-02-30\n' >"$WORK/bad.yaml"
run check-config-bad 2 --db "$DB" check-config "$WORK/bad.yaml"
err_has check-config-bad "bad.yaml:2:.*from: a date YYYY-MM-DD, or null"

finish

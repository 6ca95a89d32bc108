#!/usr/bin/env bash
# cli/check_indexes.sh: check tells every problem of the referent and
# agenda indexes, in their order, whatever order it reads their records
# in. Usage: check_indexes.sh PARCOURS SOURCE_ROOT INDEX_DAMAGE
. "$(dirname "$0")/../lib.sh"
DAMAGE=$3

make_db 2 --participants 300
"$DAMAGE" "$DB" || { ko "could not damage the indexes"; finish; }
run check 1 --db "$DB" check
sed 1d "$WORK/out" >"$WORK/problems"
referent_id=$(sed -n 's/.*participant \([0-9]*\): missing from its referent.s index/\1/p' "$WORK/problems")
planned_id=$(sed -n 's/.*appointment \([0-9]*\): planned but missing from the agenda index/\1/p' "$WORK/problems")
same "the problems, in order" "$(cat "$WORK/problems")" "$DB: participant $referent_id: missing from its referent's index
$DB: referent index: participant $referent_id is filed under another referent
$DB: referent index: participant 999999 does not exist
$DB: referent index: a malformed key
$DB: appointment $planned_id: planned but missing from the agenda index
$DB: agenda index: a malformed key
$DB: agenda index: appointment 99999999 does not exist
$DB: agenda index: appointment 2 is not planned on that date
$DB: 8 problems found."

finish

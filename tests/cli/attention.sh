#!/usr/bin/env bash
# cli/attention.sh: who needs attention, most urgent first, exactly the
# flagged rows of list, following --today; every referent's with --all.
. "$(dirname "$0")/../lib.sh"

make_db 42
run attention-tsv 0 --db "$DB" --today $T attention --format tsv
same "attention header" "$(head -1 "$WORK/out")" \
	"$(printf 'id\tlast_name\tfirst_name\tflag\tdate\tdetail')"
rows=$(tail -n +2 "$WORK/out" | wc -l)
[ "$rows" -ge 5 ] && [ "$rows" -le 40 ] && ok || ko "attention rows: $rows"
# Most urgent first: flag ranks never go down, dates go up within a flag.
bad=$(tail -n +2 "$WORK/out" | awk -F'\t' '
	BEGIN { split("appointment-overdue checkin-overdue no-show contact-overdue max-duration checkin-due ready-to-exit", k, " ");
		for (i in k) rank[k[i]] = i }
	!($4 in rank) { print "unknown flag " $4 }
	NF != 6 || $6 == "" { print "row " NR }
	rank[$4] < last || (rank[$4] == last && $5 < lastdate) { print "order " NR }
	{ last = rank[$4]; lastdate = $5 }')
same "attention order" "$bad" ""
# Every flagged participant of list appears in attention, and only they.
same "attention matches list" \
	"$(tail -n +2 "$WORK/out" | cut -f1 | sort -u)" \
	"$(P list --format tsv | awk -F'\t' 'NR > 1 && $9 != "" { print $1 }' | sort -u)"
run attention-text 0 --db "$DB" --today $T attention
out_has attention-text "need attention · 2026-11-26"
out_has attention-text "▲"
# Tomorrow, appointments of today are overdue: the rules follow --today.
same "today moves" "$("$BIN" --db "$DB" --today 2027-06-01 attention --format tsv | grep -c appointment-overdue)" \
	"$("$BIN" --db "$DB" --today 2027-06-01 list --format tsv | awk -F'\t' 'NR>1 && $9 ~ /appointment-overdue/' | wc -l)"

# Many referents.
"$BIN" --db "$WORK/big" --today $T demo --participants 200 --seed 1 >/dev/null
run attention-all 0 --db "$WORK/big" --today $T attention --all --format tsv

finish

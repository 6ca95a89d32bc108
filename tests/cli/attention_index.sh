#!/usr/bin/env bash
# cli/attention_index.sh: `attention --all` answers from the attention
# index what reading every file answers: on one referent's database the
# two (`attention` reads the files) agree line for line, on many days
# after the demo was written, after a change of the configuration (the
# index made again on its own, but not for a referent's own name), after
# a write by a tool without the index; `check` checks it and `check --reindex` makes it again. A
# database of the previous release (0.2) gives, once upgraded, what
# that release answered.
. "$(dirname "$0")/../lib.sh"

make_db 5
agree() { # DAY WHAT
	local all one
	all=$("$BIN" --db "$DB" --today "$1" attention --all --format tsv 2>&1)
	one=$("$BIN" --db "$DB" --today "$1" attention --format tsv 2>&1)
	same "$2 on $1" "$all" "$one"
	[ "$(printf '%s\n' "$one" | wc -l)" -gt 1 ] && ok || ko "$2 on $1: nothing flagged to compare"
}
for d in 0 1 6 13 30 61 90 120 181 270 365; do
	agree "$(date -d "$T + $d days" +%F)" "after the demo"
done
run "check" 0 --db "$DB" --today $T check
err_empty "check"
out_has "check" "the database is whole"
out_has_not() { if grep -q -- "$2" "$WORK/out"; then ko "$1: stdout has '$2'"; else ok; fi; }
out_has_not "the index checked, not out of date" "out of date"

# A referent's own configuration, the rules the same (their name): the
# index holds for them too, not made again at each of their changes.
mkdir -p "$WORK/conf"
printf 'referent: "Paul Martin"\n' >"$WORK/conf/mine.yaml"
PARCOURS_CONFIG=$WORK/conf/mine.yaml run "check, a referent's own name" 0 --db "$DB" --today $T check
out_has_not "the same rules, the same index" "out of date"

# Another configuration on a full disk (a file size limit): the index
# cannot be made again; the answer is the files', and that is said.
printf 'max_duration_notice_days: 90\n' >"$WORK/conf/full.yaml"
# (Its output through pipes: the limit is the database's, not theirs.)
( ulimit -f 1; PARCOURS_CONFIG=$WORK/conf/full.yaml exec "$BIN" --db "$DB" --today $T \
	attention --all --format tsv 2>&1 ) | cat >"$WORK/full.out"
same "full disk: answered" "${PIPESTATUS[0]}" 0
if grep -q "^parcours: .*could not be made again" "$WORK/full.out"; then ok; else
	ko "full disk: not said: $(head -c 300 "$WORK/full.out")"; fi
same "full disk: the files' answer" "$(grep -v '^parcours: ' "$WORK/full.out")" \
	"$(PARCOURS_CONFIG=$WORK/conf/full.yaml "$BIN" --db "$DB" --today $T attention --format tsv)"

# Another configuration: the index is made again by the next reading.
mkdir -p "$WORK/conf"
printf 'max_duration_notice_days: 200\nfse:\n  from: 2024-01-01\n' >"$WORK/conf/user.yaml"
export PARCOURS_CONFIG=$WORK/conf/user.yaml
run "check, new configuration" 0 --db "$DB" --today $T check
out_has "out of date with another configuration" "out of date"
for d in 0 30 200; do
	agree "$(date -d "$T + $d days" +%F)" "another configuration"
done
run "check, made again" 0 --db "$DB" --today $T check
out_has_not "made again by the reading" "out of date"
unset PARCOURS_CONFIG

# Back to the default, made again by check --reindex.
run "reindex" 0 --db "$DB" --today $T check --reindex
out_has "reindex said" "attention index made again"
out_has "reindex then whole" "the database is whole"
agree "$T" "after --reindex"

# The previous release's database: its answer, whole once upgraded.
rm -rf "$DB"
mkdir -m 700 "$DB"
cp "$SRC/tests/fixtures/release-0.2.mdb" "$DB/data.mdb"
chmod 600 "$DB/data.mdb"
run "0.2: attention --all" 0 --db "$DB" --today 2026-12-20 attention --all --format tsv
same "0.2: what that release answered" "$(cat "$WORK/out")" "$(cat "$SRC/tests/fixtures/release-0.2-attention.tsv")"
run "0.2: check" 0 --db "$DB" --today 2026-12-20 check
out_has_not "0.2: the index made" "out of date"
out_has "0.2: whole" "the database is whole"

finish

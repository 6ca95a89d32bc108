#!/usr/bin/env bash
# cli.sh: black-box tests of the parcours command: outputs, exit statuses,
# messages on stderr, and where data go. Usage: cli.sh PARCOURS SOURCE_ROOT
set -u

BIN=$1
SRC=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parcours-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Never touch the real home of whoever runs the tests.
export HOME=$WORK/home XDG_DATA_HOME= XDG_CONFIG_HOME= PARCOURS_DB= \
	PARCOURS_CONFIG= PARCOURS_TODAY=
mkdir -p "$HOME"

passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*" >&2; }

# run NAME EXPECTED_STATUS ARGS...: runs parcours, keeps out/err/status.
run() {
	local name=$1 want=$2
	shift 2
	"$BIN" "$@" >"$WORK/out" 2>"$WORK/err"
	status=$?
	if [ "$status" -eq "$want" ]; then ok; else
		ko "$name: exit $status, expected $want; stderr: $(head -c 400 "$WORK/err")"
	fi
}
out_has() { if grep -q -- "$2" "$WORK/out"; then ok; else ko "$1: stdout lacks '$2'"; fi; }
err_has() { if grep -q -- "$2" "$WORK/err"; then ok; else ko "$1: stderr lacks '$2': $(head -c 300 "$WORK/err")"; fi; }
err_empty() { if [ ! -s "$WORK/err" ]; then ok; else ko "$1: stderr not empty: $(head -c 300 "$WORK/err")"; fi; }
same() { if [ "$2" = "$3" ]; then ok; else ko "$1: '$2' != '$3'"; fi; }

DB=$WORK/db
T=2026-11-26
P() { "$BIN" --db "$DB" --today $T "$@"; }

# --- global options -----------------------------------------------------
run version 0 --version
out_has version "parcours [0-9.]* (database schema [0-9]*)"
run help 0 --help
for c in attention list demo check-config --db --config --today --referent --demo; do
	out_has help "$c"
done
run unknown-command 2 frobnicate
err_has unknown-command "^parcours: unknown command 'frobnicate'"
run unknown-option 2 --frobnicate
err_has unknown-option "^parcours: unknown option '--frobnicate'"
run unknown-command-option 2 --db "$DB" list --frobnicate
err_has unknown-command-option "^parcours: list: unknown option '--frobnicate'"
err_has unknown-command-option "Try 'parcours list --help'"
run missing-value 2 --db
err_has missing-value "^parcours: --db: needs a value"
run missing-format 2 --db "$DB" attention --format
err_has missing-format "^parcours: attention: --format: needs a value"
run bad-today 2 --db "$DB" --today 2026-02-30 list
err_has bad-today "^parcours: --today: '2026-02-30' is not a date"
[ ! -e "$DB" ] && ok || ko "bad-today: the database was created"
run missing-config 2 --db "$DB" --config "$WORK/nope.yaml" list
err_has missing-config "nope.yaml: no such configuration file"
run demo-and-db 2 --demo --db "$DB" list

# --- demo -----------------------------------------------------------------
run demo 0 --db "$DB" --today $T demo --seed 42
out_has demo "90 participants (80 current)"
same "db dir mode" "$(stat -c %a "$DB")" 700
same "data file mode" "$(stat -c %a "$DB/data.mdb")" 600
same "lock file mode" "$(stat -c %a "$DB/lock.mdb")" 600
before=$(P list --format tsv)
run demo-again 2 --db "$DB" --today $T demo --seed 7
err_has demo-again "^parcours: the database already holds participants"
same "demo-again leaves data" "$(P list --format tsv)" "$before"
run demo-bad-n 2 --db "$WORK/x" demo --participants 0
run demo-bad-n2 2 --db "$WORK/x" demo --participants 12abc
err_has demo-bad-n2 "participants: '12abc' is not a number"
run demo-bad-seed 2 --db "$WORK/x" demo --seed -1
run demo-extra 2 --db "$WORK/x" demo extra

# --- list -----------------------------------------------------------------
run list-tsv 0 --db "$DB" --today $T list --format tsv
err_empty list-tsv
same "list header" "$(head -1 "$WORK/out")" \
	"$(printf 'id\tlast_name\tfirst_name\tstage_no\tstage_id\tdays_in_stage\tlast_contact\tnext_appointment\tflags')"
same "list rows" "$(tail -n +2 "$WORK/out" | wc -l)" 80
bad=$(tail -n +2 "$WORK/out" | awk -F'\t' '
	NF != 9 { print "fields " NR; next }
	$1 !~ /^[0-9]+$/ || $4 !~ /^[1-5]$/ || $6 !~ /^[0-9]+$/ { print "row " NR }
	$7 !~ /^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])?$/ { print "date " NR }
	$8 !~ /^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])?$/ { print "date " NR }
	$8 != "" && $8 < "2026-11-26" { print "next in the past " NR }
	$9 !~ /^((appointment-overdue|contact-overdue|no-show|checkin-due|checkin-overdue|ready-to-exit|max-duration),?)*$/ { print "flags " NR }')
same "list rows well formed" "$bad" ""
# Stage numbers match stage ids of the default config.
bad=$(tail -n +2 "$WORK/out" | awk -F'\t' '
	($4 == 1 && $5 != "freins") || ($4 == 2 && $5 != "orienter") ||
	($4 == 3 && $5 != "etapes-emploi") || ($4 == 4 && $5 != "former") ||
	($4 == 5 && $5 != "emploi-durable") { print NR }')
same "stage numbers" "$bad" ""
# Accented names come out as stored, in UTF-8.
if tail -n +2 "$WORK/out" | cut -f2,3 | grep -q 'é\|è\|ë\|ï\|ô\|É\|ễ\|ặ\|Ð'; then ok; else ko "no accented name in the demo"; fi
run list-text 0 --db "$DB" --today $T list
out_has list-text "^Marie Dupont — 80/80 participants · [0-9]* need attention · 2026-11-26"
same "list text rows" "$(tail -n +3 "$WORK/out" | wc -l)" 80
run list-exited 0 --db "$DB" --today $T list --exited --format tsv
same "list --exited rows" "$(tail -n +2 "$WORK/out" | wc -l)" 90
run list-format 2 --db "$DB" list --format xml
err_has list-format "'xml' is not a format"
run list-other-referent 0 --db "$DB" --today $T --referent "Nobody Here" list --format tsv
same "other referent's caseload" "$(wc -l <"$WORK/out")" 1
# Same seed, same today: the same caseload, line for line.
"$BIN" --db "$WORK/db2" --today $T demo --seed 42 >/dev/null
same "reproducible demo" "$("$BIN" --db "$WORK/db2" --today $T list --format tsv)" "$before"

# --- attention ------------------------------------------------------------
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
# Without a command the interface opens; it needs a terminal.
run no-terminal 2 --db "$DB" --today $T
err_has no-terminal "^parcours: the interface needs a terminal"
# PARCOURS_TODAY and PARCOURS_DB stand for the options.
same "environment" "$(PARCOURS_DB=$DB PARCOURS_TODAY=$T "$BIN" attention --format tsv)" \
	"$(P attention --format tsv)"
# Tomorrow, appointments of today are overdue: the rules follow --today.
same "today moves" "$("$BIN" --db "$DB" --today 2027-06-01 attention --format tsv | grep -c appointment-overdue)" \
	"$("$BIN" --db "$DB" --today 2027-06-01 list --format tsv | awk -F'\t' 'NR>1 && $9 ~ /appointment-overdue/' | wc -l)"

# --- many referents ---------------------------------------------------------
"$BIN" --db "$WORK/big" --today $T demo --participants 200 --seed 1 >/dev/null
run list-all 0 --db "$WORK/big" --today $T list --all --format tsv
same "list --all rows" "$(tail -n +2 "$WORK/out" | wc -l)" 200
run list-mine 0 --db "$WORK/big" --today $T list --format tsv
same "own caseload rows" "$(tail -n +2 "$WORK/out" | wc -l)" 80
run attention-all 0 --db "$WORK/big" --today $T attention --all --format tsv

# --- configuration ----------------------------------------------------------
run check-default 0 --db "$WORK/none" check-config
out_has check-default "configuration OK (5 stages"
[ ! -e "$WORK/none" ] && ok || ko "check-config created a database"
printf 'referent: Zoë Brontë\ncaseload_target: 60\n' >"$WORK/good.yaml"
run check-good 0 --db "$WORK/none" check-config "$WORK/good.yaml"
out_has check-good "good.yaml: configuration OK"
printf 'referent: Zoë\ncaseload_target: lots\nstages: []\nfoo: 1\n' >"$WORK/bad.yaml"
run check-bad 2 --db "$WORK/none" check-config "$WORK/bad.yaml"
err_has check-bad "^parcours: .*bad.yaml:2:18: caseload_target: expected a whole number, found 'lots'"
err_has check-bad "^parcours: .*bad.yaml:3:9: stages: the list is empty"
err_has check-bad "^parcours: .*bad.yaml:4:1: configuration: unknown key 'foo'"
printf 'stages:\n  - id: freins\n    label: [\n' >"$WORK/syntax.yaml"
run check-syntax 2 --db "$WORK/none" check-config "$WORK/syntax.yaml"
err_has check-syntax "syntax.yaml:[0-9]*:[0-9]*: YAML syntax error"
# A bad config is refused by every command, before any data is touched.
run list-bad-config 2 --db "$DB" --config "$WORK/bad.yaml" list
err_has list-bad-config "bad.yaml:2:18"
# The user's config is found under XDG_CONFIG_HOME.
mkdir -p "$HOME/.config/parcours"
cp "$WORK/good.yaml" "$HOME/.config/parcours/config.yaml"
run xdg-config 0 --db "$DB" --today $T --referent "Marie Dupont" list
out_has xdg-config "80/60 participants"
rm "$HOME/.config/parcours/config.yaml"

# A configuration without a stage the data use: reported, data untouched.
cat >"$WORK/four.yaml" <<'YAML'
stages:
  - id: freins
    label: Freins
    short: Freins
    contact_days: 30
  - id: orienter
    label: Orienter
    short: Orienter
    contact_days: 30
  - id: etapes-emploi
    label: Étapes
    short: Étapes
    contact_days: 30
  - id: former
    label: Former
    short: Former
    contact_days: 30
YAML
sum_before=$(md5sum <"$DB/data.mdb")
run check-missing-stage 2 --db "$DB" --today $T check-config "$WORK/four.yaml"
err_has check-missing-stage "four.yaml:1:[0-9]*: stage 'emploi-durable' is used by [0-9]* participants"
run list-missing-stage 0 --db "$DB" --today $T --config "$WORK/four.yaml" list --format tsv
err_has list-missing-stage "four.yaml:1:[0-9]*: participant [0-9]* (.*) is in stage 'emploi-durable', which the configuration does not define"
same "unknown stage rows kept" "$(tail -n +2 "$WORK/out" | wc -l)" 80
same "unknown stage: data untouched" "$(md5sum <"$DB/data.mdb")" "$sum_before"

# --- where data live ----------------------------------------------------------
run demo-flag 0 --today $T --demo attention
[ -f "$HOME/.local/share/parcours/demo/data.mdb" ] && ok || ko "--demo database not at XDG_DATA_HOME/parcours/demo"
[ ! -e "$HOME/.local/share/parcours/data.mdb" ] && ok || ko "--demo touched the real database"
same "demo dir mode" "$(stat -c %a "$HOME/.local/share/parcours/demo")" 700
out_has demo-flag "need attention"
run demo-flag-again 0 --today $T --demo list --format tsv
same "demo created once" "$(tail -n +2 "$WORK/out" | wc -l)" 80
export XDG_DATA_HOME=$WORK/xdg
run xdg-data 0 --today $T demo --participants 3 --seed 1
[ -f "$WORK/xdg/parcours/data.mdb" ] && ok || ko "default database not at XDG_DATA_HOME/parcours"
export XDG_DATA_HOME=
run db-isolation 0 --db "$WORK/iso" --today $T list --format tsv
same "--db isolation" "$(wc -l <"$WORK/out")" 1
run db-not-dir 1 --db "$WORK/good.yaml" list
err_has db-not-dir "^parcours: .*good.yaml: not a directory"
run db-unwritable 1 --db /proc/parcours-test list
err_has db-unwritable "^parcours: /proc/parcours-test: cannot create"

# --- export --------------------------------------------------------------------
GOLD=$SRC/tests/golden
E() { "$BIN" --db "$WORK/gold" --today $T export "$@"; }
"$BIN" --db "$WORK/gold" --today $T demo --seed 1 >/dev/null
for f in csv json md html; do
	E --format $f >"$WORK/export.$f" 2>"$WORK/err"
	if [ -n "${PARCOURS_UPDATE_GOLDEN:-}" ]; then cp "$WORK/export.$f" "$GOLD/export.$f"; fi
	if cmp -s "$WORK/export.$f" "$GOLD/export.$f"; then ok; else
		ko "export --format $f differs from tests/golden/export.$f:
$(diff "$GOLD/export.$f" "$WORK/export.$f" | head -20)"
	fi
done
# The JSON reads back, and its totals are those of `list`.
rows=$("$BIN" --db "$WORK/gold" --today $T list --format tsv | tail -n +2 | wc -l)
flagged=$("$BIN" --db "$WORK/gold" --today $T list --format tsv | awk -F'\t' 'NR > 1 && $9 != ""' | wc -l)
same "json totals" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema_version"] == 1
print(d["caseload"]["size"], len(d["participants"]), d["caseload"]["needing_attention"],
      sum(s["count"] for s in d["stages"]))' "$WORK/export.json")" "$rows $rows $flagged $rows"
# The HTML is well formed, self-contained, with its charts.
python3 - "$WORK/export.html" <<'PY' && ok || ko "html not well formed"
import sys, html.parser
void = {"meta", "rect", "br"}
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.stack = []
    def handle_starttag(s, t, a):
        if t not in void: s.stack.append(t)
    def handle_startendtag(s, t, a): pass
    def handle_endtag(s, t):
        if t in void: return
        assert s.stack and s.stack[-1] == t, (t, s.stack[-3:])
        s.stack.pop()
text = open(sys.argv[1]).read()
p = P(); p.feed(text); p.close()
assert p.stack == [], p.stack
assert text.count("<svg") == 2 and "http" not in text.replace("http://www.w3.org/2000/svg", "")
PY
# CSV: RFC 4180 quoting read back by a real CSV reader.
printf 'nom,prenom,date_naissance,telephone\n"Dupont, dit ""Jo""","Jean\nLuc",1980-01-01,"06;12"\n' >"$WORK/q.csv"
"$BIN" --db "$WORK/quote" --today $T import "$WORK/q.csv" >/dev/null
"$BIN" --db "$WORK/quote" --today $T export --format csv --delimiter ';' >"$WORK/q-out.csv"
same "csv quoting" "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
r = rows[0]
print(len(rows), repr(r["last_name"]), repr(r["first_name"]), repr(r["phone"]))' "$WORK/q-out.csv")" \
	"1 'Dupont, dit \"Jo\"' 'Jean\\nLuc' '06;12'"
head -c 3 "$WORK/q-out.csv" | od -An -c | grep -q '357 273 277' && ok || ko "no BOM with ';'"
# The delimiter follows the locale: ';' and a BOM in French.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	LC_ALL=fr_FR.UTF-8 E --format csv | head -1 | grep -q $'^\xef\xbb\xbfid;last_name;' && ok || ko "French csv"
	LC_ALL=fr_FR.UTF-8 E --format md | grep -q "Fait le 26/11/2026" && ok || ko "French md dates"
fi
# --output: atomic, 0600; a failure leaves nothing.
run export-output 0 --db "$WORK/gold" --today $T export --format json --output "$WORK/out.json"
same "output mode" "$(stat -c %a "$WORK/out.json")" 600
cmp -s "$WORK/out.json" "$WORK/export.json" && ok || ko "--output differs from stdout"
run export-nodir 1 --db "$WORK/gold" --today $T export --output "$WORK/no/such/dir/x.csv"
err_has export-nodir "cannot write"
[ -z "$(ls "$WORK" | grep 'x.csv')" ] && ok || ko "export left a file"
run export-format 2 --db "$WORK/gold" export --format pdf
err_has export-format "'pdf' is not a format"
run export-dates 2 --db "$WORK/gold" export --from 2026-12-01 --to 2026-01-01
# --pseudonymise: no name, phone or birth date of the caseload left.
E --format csv --pseudonymise >"$WORK/pseudo.csv"
leaks=$("$BIN" --db "$WORK/gold" --today $T list --format tsv | tail -n +2 | cut -f2 | sort -u |
	while read -r n; do grep -c -F -- ",$n," "$WORK/pseudo.csv"; done | awk '{ s += $1 } END { print s + 0 }')
same "pseudonymised names" "$leaks" 0
grep -q '06 [0-9][0-9] ' "$WORK/pseudo.csv" && ko "pseudonymised phones" || ok
# --all: every referent, with subtotals.
"$BIN" --db "$WORK/big" --today $T export --all --format json >"$WORK/all.json"
same "all referents" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["referent"], len(d["referents"]), sum(r["caseload"] for r in d["referents"]), d["caseload"]["size"])' "$WORK/all.json")" "None 3 200 200"
# --from/--to: the period's entries and exits.
same "period" "$(E --format json --from 2026-06-01 --to 2026-06-30 | python3 -c '
import json, sys; p = json.load(sys.stdin)["period"]; print(p["from"], p["to"])')" "2026-06-01 2026-06-30"

# --- import ---------------------------------------------------------------------------
IMP=$WORK/imp
mkdir -p "$IMP"
printf '\xef\xbb\xbfNom;Prénom;Date de naissance;Étape;Téléphone;Date entrée\r\nLefèvre;Élodie;03/04/1991;freins;06 12 34 56 78;12/01/2025\r\nNguyễn;Thị Ánh;1988-02-29;orienter;;\r\n' >"$IMP/good.csv"
run import-dry 0 --db "$IMP/db" --today $T import "$IMP/good.csv" --dry-run
out_has import-dry "2 participants would be imported"
same "dry run writes nothing" "$("$BIN" --db "$IMP/db" --today $T list --format tsv | wc -l)" 1
run import 0 --db "$IMP/db" --today $T import "$IMP/good.csv"
out_has import "2 participants imported"
same "imported rows" "$("$BIN" --db "$IMP/db" --today $T list --format tsv | tail -n +2 | cut -f2-5 | sort | tr '\t' ' ' | tr '\n' '|')" \
	"Lefèvre Élodie 1 freins|Nguyễn Thị Ánh 2 orienter|"
run import-again 0 --db "$IMP/db" --today $T import "$IMP/good.csv"
out_has import-again "0 participants imported, 2 already there"
before=$(md5sum <"$IMP/db/data.mdb")
bad() { # bad NAME CONTENT EXPECTED-MESSAGE
	printf '%b' "$2" >"$IMP/$1.csv"
	run "import-$1" 2 --db "$IMP/db" --today $T import "$IMP/$1.csv"
	err_has "import-$1" "$3"
	same "import-$1 leaves the data" "$(md5sum <"$IMP/db/data.mdb")" "$before"
}
bad missing-column 'nom,prenom\nDurand,Karim\n' "$IMP/missing-column.csv:1: missing column 'birth_date'"
bad bad-date 'nom,prenom,date_naissance\nDurand,Karim,1980-13-01\n' "bad-date.csv:2: birth_date: '1980-13-01' is not a date"
bad impossible-date 'nom,prenom,date_naissance\nDurand,Karim,31/02/2024\nMartin,Jean,2000-01-01\n' "impossible-date.csv:2: birth_date: '31/02/2024' is not a date"
bad unknown-stage 'nom,prenom,date_naissance,etape\nDurand,Karim,1980-01-01,nowhere\n' "unknown-stage.csv:2: stage: 'nowhere' is not a stage"
bad encoding 'nom,prenom,date_naissance\nLef\xe8vre,\xc9lodie,1991-04-03\n' "encoding.csv:2: last_name: not UTF-8 text"
bad empty '' "empty.csv: the file is empty"
bad header-only 'nom,prenom,date_naissance\n' "header-only.csv: a header and no participant"
bad shifted 'nom,prenom,date_naissance\nDupont, Jean,Pierre,1980-01-01\n' "shifted.csv:2: 4 fields where the header has 3"
bad every-row 'nom,prenom,date_naissance\nA,,2000-01-01\nB,C,2100-01-01\n' "every-row.csv:3: birth_date"
err_has import-every-row "every-row.csv:2: first_name: empty"
run import-missing 1 --db "$IMP/db" import "$IMP/none.csv"
err_has import-missing "none.csv: cannot read"

# --- backup and restore ------------------------------------------------------------------
run backup 0 --db "$WORK/gold" backup "$WORK/gold.bak"
same "backup mode" "$(stat -c %a "$WORK/gold.bak")" 600
run restore 0 --db "$WORK/restored" --today $T restore "$WORK/gold.bak"
same "restored data" "$("$BIN" --db "$WORK/restored" --today $T list --format tsv)" \
	"$("$BIN" --db "$WORK/gold" --today $T list --format tsv)"
run restore-again 0 --db "$WORK/restored" --today $T restore "$WORK/gold.bak"
out_has restore-again "the previous one is kept as $WORK/restored/data.mdb.before-restore-"
printf 'not a database' >"$WORK/garbage.bak"
sum=$(md5sum <"$WORK/restored/data.mdb")
run restore-garbage 2 --db "$WORK/restored" restore "$WORK/garbage.bak"
err_has restore-garbage "garbage.bak: not a parcours backup"
same "garbage leaves the data" "$(md5sum <"$WORK/restored/data.mdb")" "$sum"
# A backup taken while another process writes is whole.
( for i in $(seq 30); do
	printf 'nom,prenom,date_naissance\nW%d,X,1990-01-01\n' "$i" >"$WORK/w$i.csv"
	"$BIN" --db "$WORK/busy" --today $T import "$WORK/w$i.csv" >/dev/null
done ) &
writer=$!
"$BIN" --db "$WORK/busy" --today $T demo --participants 3 --seed 2 >/dev/null 2>&1
for k in 1 2 3; do
	"$BIN" --db "$WORK/busy" backup "$WORK/busy$k.bak" >/dev/null || ko "backup $k while writing"
	"$BIN" --db "$WORK/busy-r$k" --today $T restore "$WORK/busy$k.bak" >/dev/null &&
		"$BIN" --db "$WORK/busy-r$k" --today $T list --format tsv >/dev/null && ok || ko "backup $k unusable"
done
wait "$writer"

# --- dump and load ------------------------------------------------------------------------
run dump 0 --db "$WORK/gold" dump --output "$WORK/gold.json"
same "dump mode" "$(stat -c %a "$WORK/gold.json")" 600
run load 0 --db "$WORK/loaded" load "$WORK/gold.json"
"$BIN" --db "$WORK/loaded" dump >"$WORK/loaded.json"
cmp -s "$WORK/gold.json" "$WORK/loaded.json" && ok || ko "load then dump differs"
same "loaded caseload" "$("$BIN" --db "$WORK/loaded" --today $T list --format tsv --exited)" \
	"$("$BIN" --db "$WORK/gold" --today $T list --format tsv --exited)"
# Ids go on after the loaded ones.
printf 'nom,prenom,date_naissance\nNouvelle,Personne,1990-01-01\n' >"$WORK/new.csv"
"$BIN" --db "$WORK/loaded" --today $T import "$WORK/new.csv" >/dev/null
same "next id after load" "$("$BIN" --db "$WORK/loaded" --today $T list --format tsv | awk -F'\t' '$2 == "Nouvelle" { print $1 }')" \
	"$(( $(python3 -c 'import json,sys; print(max(p["id"] for p in json.load(open(sys.argv[1]))["participants"]))' "$WORK/gold.json") + 1 ))"
sum=$(md5sum <"$WORK/loaded/data.mdb")
run load-not-empty 2 --db "$WORK/loaded" load "$WORK/gold.json"
err_has load-not-empty "load fills only an empty one"
same "refused load leaves the data" "$(md5sum <"$WORK/loaded/data.mdb")" "$sum"
printf '{"format": "parcours-dump", "version": 1,\n "participants": [{"id": "one"}], "journal": []}' >"$WORK/bad-dump.json"
run load-bad 2 --db "$WORK/empty-load" load "$WORK/bad-dump.json"
err_has load-bad "bad-dump.json: line 2: id: expected a whole number"
same "bad load writes nothing" "$("$BIN" --db "$WORK/empty-load" --today $T list --format tsv --exited | wc -l)" 1
printf '{"format": "parcours-dump", "version": 1, "participants": [' >"$WORK/cut.json"
run load-cut 2 --db "$WORK/empty-load" load "$WORK/cut.json"
err_has load-cut "cut.json: line 1: unexpected end of the document"

# --- the participants' rights ---------------------------------------------------------
R=$WORK/rights
"$BIN" --db "$R" --today $T demo --seed 4 >/dev/null
printf 'nom,prenom,date_naissance,telephone\nZygomatique,Xénophon,1970-01-01,07 99 88 77 66\n' >"$WORK/z.csv"
"$BIN" --db "$R" --today $T import "$WORK/z.csv" >/dev/null
zid=$("$BIN" --db "$R" --today $T list --format tsv | awk -F'\t' '$2 == "Zygomatique" { print $1 }')
P2() { "$BIN" --db "$R" --today $T "$@"; }
P2 --referent "Marie Dupont" list >/dev/null
{ printf 'n\n'; } >/dev/null
run access 0 --db "$R" --today $T access "$zid"
same "access" "$(python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["format"], d["participant"]["last_name"], d["participant"]["phone"], len(d["journal"]) > 0)' <"$WORK/out")" \
	"parcours-access Zygomatique 07 99 88 77 66 True"
run access-none 1 --db "$R" access 99999
err_has access-none "participant 99999 not found"
run access-bad 2 --db "$R" access abc
# The name is in the file before erasure (the search below can find it).
grep -q -a "Zygomatique" "$R/data.mdb" && ok || ko "name not found before erase"
run hold 0 --db "$R" hold "$zid"
run erase-held 2 --db "$R" --today $T erase "$zid"
err_has erase-held "under a legal hold"
P2 list --format tsv | grep -q Zygomatique && ok || ko "held participant erased"
# Not while another process has the database open.
flock -s "$R/parcours.lock" sleep 3 &
holder=$!
sleep 0.3
run erase-open 1 --db "$R" --today $T erase "$zid" --force
err_has erase-open "open in another window"
wait "$holder"
run erase 0 --db "$R" --today $T erase "$zid" --force
leaks=$(cat "$R"/* | grep -c -a -e "Zygomatique" -e "Xénophon" -e "07 99 88 77 66" || true)
same "nothing left after erase" "$leaks" 0
run erase-check 0 --db "$R" check
P2 dump | grep -q '"participant [0-9]* erased on 2026-11-26"' && ok || ko "no journal line for the erasure"
run purge-dry 0 --db "$R" --today $T purge --exited-before 2026-07-01 --dry-run
n=$(awk '{ print $1 }' "$WORK/out")
exited_before=$(P2 list --exited --format tsv | wc -l)
run purge 0 --db "$R" --today $T purge --exited-before 2026-07-01
out_has purge "^$n participants erased"
same "purged" "$(P2 list --exited --format tsv | wc -l)" "$((exited_before - n))"
run purge-nodate 2 --db "$R" purge

# --- unsafe database paths are refused, never changed ----------------------------------
mkdir -p "$WORK/open" && chmod 755 "$WORK/open"
run perm-dir 1 --db "$WORK/open" list
err_has perm-dir "open to others (mode 755)"
same "mode untouched" "$(stat -c %a "$WORK/open")" 755
"$BIN" --db "$WORK/fileperm" --today $T demo --participants 2 --seed 1 >/dev/null
chmod 644 "$WORK/fileperm/data.mdb"
run perm-file 1 --db "$WORK/fileperm" list
err_has perm-file "data.mdb: open to others (mode 644)"
ln -s "$WORK/gold" "$WORK/link"
run symlink 1 --db "$WORK/link" list
err_has symlink "a symbolic link"
mkdir -m 700 "$WORK/notlmdb" && printf 'not lmdb at all' >"$WORK/notlmdb/data.mdb" && chmod 600 "$WORK/notlmdb/data.mdb"
run not-lmdb 1 --db "$WORK/notlmdb" list
err_has not-lmdb "notlmdb"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	mkdir -m 700 "$WORK/theirs" && chown nobody "$WORK/theirs"
	run not-ours 1 --db "$WORK/theirs" list
	err_has not-ours "belongs to another user"
fi

# --- two processes writing at once lose nothing -----------------------------------------
C=$WORK/conc
"$BIN" --db "$C" --today $T demo --participants 1 --seed 1 >/dev/null
before=$("$BIN" --db "$C" --today $T list --format tsv --exited | wc -l)
for w in a b; do
	( for i in $(seq 15); do
		printf 'nom,prenom,date_naissance\nConc%s%d,X,1990-01-01\n' "$w" "$i" >"$WORK/c$w$i.csv"
		"$BIN" --db "$C" --today $T import "$WORK/c$w$i.csv" >/dev/null || echo fail
	done ) >"$WORK/conc-$w.out" &
done
wait
same "concurrent writers" "$("$BIN" --db "$C" --today $T list --format tsv --exited | wc -l)" "$((before + 30))"
same "no writer failed" "$(cat "$WORK"/conc-*.out)" ""
run conc-check 0 --db "$C" check

# --- a full disk (a file size limit) is reported and changes nothing ---------------------
F=$WORK/full
"$BIN" --db "$F" --today $T demo --participants 3 --seed 1 >/dev/null
listed=$("$BIN" --db "$F" --today $T list --format tsv --exited)
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("nom,prenom,date_naissance\n")
    for i in range(20000): f.write("Plein%d,Disque%d,1990-01-01\n" % (i, i))' "$WORK/big.csv"
( ulimit -f 400; "$BIN" --db "$F" --today $T import "$WORK/big.csv" ) >"$WORK/out" 2>"$WORK/err"
same "full disk status" "$?" 1
err_has full-disk "the change could not be saved .*is the disk full"
same "full disk leaves the data" "$("$BIN" --db "$F" --today $T list --format tsv --exited)" "$listed"
run full-check 0 --db "$F" check
( ulimit -f 1; "$BIN" --db "$F" --today $T export --format json --output "$WORK/full.json" ) >/dev/null 2>"$WORK/err"
same "full export status" "$?" 1
[ ! -e "$WORK/full.json" ] && ok || ko "a partial export was left"
[ -z "$(ls "$WORK" | grep '^full.json')" ] && ok || ko "a temporary export was left"

# A full stdout is a runtime failure, not a silent loss.
if [ -w /dev/full ]; then
	"$BIN" --db "$DB" --today $T list >/dev/full 2>"$WORK/err"
	same "stdout full status" "$?" 1
	err_has stdout-full "cannot write the output"
fi

echo "cli: $passed passed, $failed failed"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]

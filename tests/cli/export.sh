#!/usr/bin/env bash
# cli/export.sh: the caseload summary as CSV, JSON, Markdown and HTML:
# the golden files, what readers make of them, the locale's delimiter,
# --output, --pseudonymise, --all, --from/--to.
. "$(dirname "$0")/../lib.sh"

GOLD=$SRC/tests/golden
E() { "$BIN" --db "$DB" --today $T export "$@"; }
# The database's identifier is random and each JSON export takes the next
# number: both set to fixed values before comparing.
stamp() { sed -i -E 's/^(  "database_id": )"[0-9a-f-]{36}"/\1"00000000-0000-0000-0000-000000000000"/; s/^(  "export_sequence": )[0-9]+/\11/' "$1"; }
make_db 1
for f in csv json md html; do
	E --format $f >"$WORK/export.$f" 2>"$WORK/err"
	[ $f != json ] || stamp "$WORK/export.$f"
	if [ -n "${PARCOURS_UPDATE_GOLDEN:-}" ]; then cp "$WORK/export.$f" "$GOLD/export.$f"; fi
	if cmp -s "$WORK/export.$f" "$GOLD/export.$f"; then ok; else
		ko "export --format $f differs from tests/golden/export.$f:
$(diff "$GOLD/export.$f" "$WORK/export.$f" | head -20)"
	fi
done
# The JSON reads back, and its totals are those of `list`.
rows=$("$BIN" --db "$DB" --today $T list --format tsv | tail -n +2 | wc -l)
flagged=$("$BIN" --db "$DB" --today $T list --format tsv | awk -F'\t' 'NR > 1 && $9 != ""' | wc -l)
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
printf 'nom,prenom,date_naissance,telephone\n"Dupont, dit ""Jo""","Jean ""Luc""",1980-01-01,"06;12"\n' >"$WORK/q.csv"
"$BIN" --db "$WORK/quote" --today $T import "$WORK/q.csv" >/dev/null
"$BIN" --db "$WORK/quote" --today $T export --format csv --delimiter ';' >"$WORK/q-out.csv"
same "csv quoting" "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
r = rows[0]
print(len(rows), repr(r["last_name"]), repr(r["first_name"]), repr(r["phone"]))' "$WORK/q-out.csv")" \
	"1 'Dupont, dit \"Jo\"' 'Jean \"Luc\"' '06;12'"
head -c 3 "$WORK/q-out.csv" | od -An -c | grep -q '357 273 277' && ok || ko "no BOM with ';'"
# The delimiter follows the locale: ';' and a BOM in French.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	LC_ALL=fr_FR.UTF-8 E --format csv | head -1 | grep -q $'^\xef\xbb\xbfid;last_name;' && ok || ko "French csv"
	LC_ALL=fr_FR.UTF-8 E --format md | grep -q "Fait le 26/11/2026" && ok || ko "French md dates"
fi
# --output: atomic, 0600; a failure leaves nothing.
run export-output 0 --db "$DB" --today $T export --format json --output "$WORK/out.json"
same "output mode" "$(stat -c %a "$WORK/out.json")" 600
stamp "$WORK/out.json"
cmp -s "$WORK/out.json" "$WORK/export.json" && ok || ko "--output differs from stdout"
run export-nodir 1 --db "$DB" --today $T export --output "$WORK/no/such/dir/x.csv"
err_has export-nodir "cannot write"
[ -z "$(ls "$WORK" | grep 'x.csv')" ] && ok || ko "export left a file"
run export-format 2 --db "$DB" export --format pdf
err_has export-format "'pdf' is not a format"
run export-dates 2 --db "$DB" export --from 2026-12-01 --to 2026-01-01
# --pseudonymise: no name, phone or birth date of the caseload left.
E --format csv --pseudonymise >"$WORK/pseudo.csv"
leaks=$("$BIN" --db "$DB" --today $T list --format tsv | tail -n +2 | cut -f2 | sort -u |
	while read -r n; do grep -c -F -- ",$n," "$WORK/pseudo.csv"; done | awk '{ s += $1 } END { print s + 0 }')
same "pseudonymised names" "$leaks" 0
grep -q '06 [0-9][0-9] ' "$WORK/pseudo.csv" && ko "pseudonymised phones" || ok
# --all: every referent, with subtotals.
"$BIN" --db "$WORK/big" --today $T demo --participants 200 --seed 1 >/dev/null
"$BIN" --db "$WORK/big" --today $T export --all --format json >"$WORK/all.json"
same "all referents" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["referent"], len(d["referents"]), sum(r["caseload"] for r in d["referents"]), d["caseload"]["size"])' "$WORK/all.json")" "None 3 200 200"
# --from/--to: the period's entries and exits.
same "period" "$(E --format json --from 2026-06-01 --to 2026-06-30 | python3 -c '
import json, sys; p = json.load(sys.stdin)["period"]; print(p["from"], p["to"])')" "2026-06-01 2026-06-30"

finish

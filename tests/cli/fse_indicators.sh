#!/usr/bin/env bash
# cli/fse_indicators.sh: the funder's indicator table of the summary,
# recomputed from `dump` on its own (its own entry view, ages, counts) and
# compared number by number with the JSON export; the same numbers in the
# HTML and Markdown reports; the CSV still one table; pseudonymised, the
# sensitive indicators left out.
. "$(dirname "$0")/../lib.sh"

make_db 3 --participants 160
P dump >"$WORK/dump.json"

# The table of the JSON export against a count made from the dump.
check() { # check NAME FROM TO [EXPORT OPTIONS...]
	local name=$1 from=$2 to=$3
	shift 3
	P export --all --format json --from "$from" --to "$to" "$@" >"$WORK/$name.json" ||
		{ ko "$name: export failed"; return; }
	python3 - "$WORK/dump.json" "$WORK/$name.json" "$from" "$to" "$T" <<'PY' && ok || ko "$name: the indicator table differs from the dump"
import datetime as dt, json, sys

dump = json.load(open(sys.argv[1]))
table = json.load(open(sys.argv[2]))["fse_indicators"]
day = dt.date.fromisoformat
start, end, today = day(sys.argv[3]), day(sys.argv[4]), day(sys.argv[5])
SEXES = {"female": "women", "male": "men", "non-binary": "non_binary"}
SITUATIONS = ["disability", "third_country", "foreign_background",
              "minority", "homeless", "rural", "qpv"]
SENSITIVE = {"disability", "third_country", "foreign_background",
             "minority", "homeless"}
LABOUR = {"unemployed": "unemployed", "inactive": "inactive",
          "employed": "employed", "education": "in_education"}
ISCED = {"isced-0-2": "isced_0_2", "isced-3-4": "isced_3_4",
         "isced-5-8": "isced_5_8"}
EXIT = {"searching": "exit_searching", "education": "exit_in_education",
        "qualification": "exit_qualification", "employed": "exit_employed"}

ind, ans = {}, {}
def count(name, gender):
    row = ind.setdefault(name, {"women": 0, "men": 0, "non_binary": 0, "total": 0})
    if gender in SEXES:
        row[SEXES[gender]] += 1
    row["total"] += 1
def answer(q, how):
    ans.setdefault(q, {"answered": 0, "refused": 0, "unknown": 0, "missing": 0})[how] += 1

def in_period(d):
    return d is not None and start <= day(d) <= end

def six_months(d):
    m = d.year * 12 + d.month - 1 + 6
    y, m = divmod(m, 12)
    m += 1
    last = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return dt.date(y, m, min(d.day, last))

def first_answers(p):
    """Each question's answer from the earliest record giving one."""
    view = {}
    for e in sorted(p.get("fse_entries", []), key=lambda e: (e["date"], e["seq"])):
        for q in ["gender", "education"] + SITUATIONS:
            if e[q] is not None and q not in view:
                view[q] = e[q]
        if e["labour"] is not None and "labour" not in view:
            view["labour"] = e["labour"]
            view["months"] = e["unemployed_months"]
    return view

def age(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

for p in dump["participants"]:
    v = first_answers(p)
    g = v.get("gender")
    if in_period(p["entry_date"]):
        count("entered", g)
        lab = v.get("labour")
        if lab:
            count(LABOUR[lab], g)
        if lab == "unemployed" and v["months"] is not None and v["months"] >= 12:
            count("long_term_unemployed", g)
        if p["birth_date"]:
            a = age(day(p["birth_date"]), day(p["entry_date"]))
            count("under_18" if a < 18 else "age_18_29" if a < 30
                  else "age_30_54" if a < 55 else "age_55_over", g)
        if v.get("education"):
            count(ISCED[v["education"]], g)
        answer("gender", "answered" if g else "missing")
        answer("birth_date", "answered" if p["birth_date"] else "missing")
        answer("labour", "answered" if lab else "missing")
        if lab == "unemployed":
            answer("unemployed_months", "answered" if v["months"] is not None else "missing")
        answer("education", "answered" if v.get("education") else "missing")
        for s in SITUATIONS:
            a = v.get(s)
            if a == "yes":
                count(s, g)
            answer(s, {"yes": "answered", "no": "answered", "refused": "refused",
                       "unknown": "unknown", None: "missing"}[a])
    if p["status"] != "exited":
        continue
    left = day(p["exit_date"])
    if in_period(p["exit_date"]):
        count("exited", g)
        exits = sorted(p.get("fse_exits", []), key=lambda x: (x["date"], x["seq"]))
        answer("exit", "answered" if exits else "missing")
        for s in exits[-1]["situations"] if exits else []:
            count(EXIT[s], g)
        if six_months(left) <= today:
            done = any(day(v["date"]) >= six_months(left) for v in p.get("fse_surveys", []))
            answer("survey", "answered" if done else "missing")
    surveys = sorted((v for v in p.get("fse_surveys", [])
                      if day(v["date"]) >= six_months(left)),
                     key=lambda v: (v["date"], v["seq"]))
    if surveys and in_period(surveys[-1]["date"]):
        sv = surveys[-1]
        count("surveyed", g)
        if not sv["reached"]:
            count("survey_not_reached", g)
        if sv["reached"] and sv["employed"]:
            count("survey_employed", g)
        if sv["reached"] and sv["improved"]:
            count("survey_improved", g)

hide = not table["sensitive_included"]
zero = {"women": 0, "men": 0, "non_binary": 0, "total": 0}
for name, got in table["indicators"].items():
    assert not (hide and name in SENSITIVE), name
    assert got == ind.get(name, zero), (name, got, ind.get(name))
for name in ind:
    assert name in table["indicators"] or (hide and name in SENSITIVE), name
for q, got in table["answers"].items():
    assert not (hide and q in SENSITIVE), q
    want = ans.get(q, {"answered": 0, "refused": 0, "unknown": 0, "missing": 0})
    assert got == want, (q, got, want)
for q in ans:
    assert q in table["answers"] or (hide and q in SENSITIVE), q
# Over a year, something to count: the demo fills the questionnaires.
if (end - start).days > 300:
    assert ind["entered"]["total"] > 0 and ind["exited"]["total"] > 0
    assert ind["surveyed"]["total"] > 0
    assert sum(a["missing"] for a in ans.values()) > 0
    assert sum(a["refused"] for a in ans.values()) > 0
PY
}
check year 2026-01-01 2026-12-31
check long 2024-01-01 2026-11-26
check day "$T" "$T"
check pseudo 2024-01-01 2026-11-26 --pseudonymise
same "pseudonymised: sensitive left out" "$(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["fse_indicators"]
print(t["sensitive_included"], "disability" in t["indicators"], "qpv" in t["indicators"], "homeless" in t["answers"])' "$WORK/pseudo.json")" \
	"False False True False"
# --with-sensitive, once the command line takes it.
if P export --format json --pseudonymise --with-sensitive >/dev/null 2>&1; then
	check sensitive 2024-01-01 2026-11-26 --pseudonymise --with-sensitive
	same "with --with-sensitive: kept" "$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["fse_indicators"]["sensitive_included"])' "$WORK/sensitive.json")" True
fi

# The reports say the same numbers: the five-column rows of the HTML are
# the table's indicators, then its answers, in the JSON's order; the HTML
# is well formed.
P export --all --format html --from 2024-01-01 --to 2026-11-26 >"$WORK/long.html"
P export --all --format md --from 2024-01-01 --to 2026-11-26 >"$WORK/long.md"
python3 - "$WORK/long.json" "$WORK/long.html" "$WORK/long.md" <<'PY' && ok || ko "the reports' indicator tables differ from the JSON"
import html.parser, json, sys

t = json.load(open(sys.argv[1]))["fse_indicators"]
want = [[str(r[k]) for k in ("women", "men", "non_binary", "total")]
        for r in t["indicators"].values()]
want += [[str(r[k]) for k in ("answered", "refused", "unknown", "missing")]
         for r in t["answers"].values()]

class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__()
        s.stack, s.rows, s.row, s.cell = [], [], None, None
    def handle_starttag(s, tag, a):
        if tag in ("meta", "rect"):
            return
        s.stack.append(tag)
        if tag == "tr":
            s.row = []
        elif tag in ("td", "th"):
            s.cell = ""
    def handle_endtag(s, tag):
        if tag in ("meta", "rect"):
            return
        assert s.stack and s.stack[-1] == tag, (tag, s.stack[-3:])
        s.stack.pop()
        if tag in ("td", "th") and s.row is not None:
            s.row.append((tag, s.cell))
            s.cell = None
        elif tag == "tr":
            if len(s.row) == 5 and s.row[0][0] == "td":
                s.rows.append([c for _, c in s.row[1:]])
            s.row = None
    def handle_data(s, d):
        if s.cell is not None:
            s.cell += d

p = P()
p.feed(open(sys.argv[2]).read())
p.close()
assert p.stack == [], p.stack
assert p.rows == want, (p.rows[:3], want[:3])
md = [[c.strip() for c in line.strip().strip("|").split("|")][1:]
      for line in open(sys.argv[3]) if line.count("|") == 6 and "---" not in line]
md = [r for r in md if r and r[0].isdigit()]
assert md == want, (md[:3], want[:3])
PY

# The CSV stays one table of participants, its rows as many as the
# caseload: the indicator table is not a participant.
P export --all --format csv --delimiter ',' >"$WORK/all.csv"
same "csv: one table" "$(python3 -c '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
print(len({len(r) for r in rows}), rows[0][0], len(rows) - 1 == json.load(open(sys.argv[2]))["caseload"]["size"])' "$WORK/all.csv" "$WORK/long.json")" \
	"1 id True"

# --indicators: the same table as a CSV of its own, a row an indicator or
# a question, read by Python's csv; the sensitive rows only when asked.
csv_table() {
	python3 - "$1" "$2" "${3:-,}" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"),
                           delimiter=sys.argv[3]))
j = json.load(open(sys.argv[2]))["fse_indicators"]
ind = {r["indicator"]: {k: int(r[k]) for k in ("women", "men", "non_binary", "total")}
       for r in rows if r["table"] != "completeness"}
ans = {r["indicator"]: {k: int(r[k]) for k in ("answered", "refused", "unknown", "missing")}
       for r in rows if r["table"] == "completeness"}
print(ind == j["indicators"], ans == j["answers"], "disability" in ind)
PY
}
P export --all --format json >"$WORK/year.json"
P export --all --format csv --indicators --delimiter ';' >"$WORK/ind.csv"
same "csv --indicators: the JSON's numbers" "$(csv_table "$WORK/ind.csv" "$WORK/year.json" ';')" "True True True"
P export --all --format json --pseudonymise >"$WORK/pseudo.json"
P export --all --format csv --indicators --pseudonymise --delimiter , >"$WORK/ind-p.csv"
same "csv --indicators pseudonymised: no sensitive row" "$(csv_table "$WORK/ind-p.csv" "$WORK/pseudo.json")" "True True False"
run indicators-md 2 --db "$DB" --today $T export --format md --indicators
err_has indicators-md "only with --format csv"

finish

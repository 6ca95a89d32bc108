#!/usr/bin/env bash
# cli/figures.sh: the period figures of `export` against a recomputation
# from `dump` and the configuration files: an exit is positive when the
# configuration of the day says its reason is, and, under
# `exit_validation: followup`, once validated; unknown reasons are listed
# under their stored id; the median days in stage of an even count is the
# mean of the two middle ones.
. "$(dirname "$0")/../lib.sh"

make_db 1
"$BIN" --db "$DB" dump >"$WORK/demo.json"
# Exits of this year made to disagree with what was stored: `cdi` stored
# non-positive and not validated, `abandon` stored positive, a positive
# `formation-qualifiante`, an unknown reason stored positive, a validated
# `cdi`, an exit without a reason, and two exits at hiring.
python3 - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exited = sorted((p for p in d["participants"]
                 if p["status"] == "exited" and p["exit_date"] >= "2026-01-01"),
                key=lambda p: p["id"])
# Then two exits at hiring: a `cdi` still waiting for its validation, a
# `cdd-6-mois` whose work was lost (stored positive).
cases = [("cdi", False, None), ("abandon", True, "v"),
         ("formation-qualifiante", True, "v"), ("ancien-motif", True, "v"),
         ("cdi", True, "v"), (None, False, None),
         ("cdi", True, "pending"), ("cdd-6-mois", True, "lost")]
assert len(exited) >= len(cases), len(exited)
for p, (why, pos, val) in zip(exited, cases):
    p["exit_reason"], p["exit_positive"] = why, pos
    p["exit_validated"] = p["exit_date"] if val == "v" else None
    if val in ("pending", "lost"):
        p["exit_hired"] = p["exit_date"]
    if val == "lost":
        p["exit_lost"], p["exit_lost_reason"] = p["exit_date"], "dismissed"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
run load 0 --db "$WORK/db2" load "$WORK/cases.json"
DB=$WORK/db2
"$BIN" --db "$DB" dump >"$WORK/dump.json"

DEFAULT=$SRC/config/parcours.yaml
printf 'exit_validation: hiring\n' >"$WORK/hiring.yaml"
# The whole list of reasons (a list given replaces the default's), `cdi`
# no longer positive.
{
	printf 'exit_validation: followup\n'
	sed -n '/^exit_reasons:/,/^$/p' "$DEFAULT" |
		awk '/id: cdi$/ { cdi = 1 } cdi && /positive:/ { sub("true", "false"); cdi = 0 } { print }'
} >"$WORK/nocdi.yaml"
grep -q 'positive: false' "$WORK/nocdi.yaml" && ok || ko "nocdi.yaml"

# check CONFIG...: the export under the default then each file given,
# against the same figures recomputed.
check() {
	local name=$1
	shift
	"$BIN" --db "$DB" --today $T "$@" export --all --format json >"$WORK/$name.json" ||
		{ ko "$name: export failed"; return; }
	python3 - "$WORK/dump.json" "$WORK/$name.json" "$DEFAULT" "$@" <<'PY' && ok || ko "$name: figures differ from the recomputation"
import json, statistics, sys, datetime
dump, export, default = sys.argv[1:4]
overrides = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--config"]

def read_config(path, cfg):
    # The few lines needed: exit_validation, and the list of reasons.
    reasons, cur, in_list = [], None, False
    for line in open(path, encoding="utf-8"):
        s = line.rstrip("\n")
        if s.startswith("exit_validation:"):
            cfg["validation"] = s.split(":", 1)[1].split("#")[0].strip()
        if s.startswith("exit_reasons:"):
            in_list = True
            continue
        if in_list and s and not s.startswith(" ") and not s.startswith("#"):
            in_list = False
        if in_list and s.strip().startswith("- id:"):
            cur = [s.split(":", 1)[1].strip(), False]
            reasons.append(cur)
        elif in_list and cur and s.strip().startswith("positive:"):
            cur[1] = s.split(":", 1)[1].strip() == "true"
    if reasons:
        cfg["reasons"] = reasons

cfg = {}
read_config(default, cfg)
for o in overrides:
    read_config(o, cfg)
positive = dict((r, p) for r, p in cfg["reasons"])
ps = json.load(open(dump))["participants"]
e = json.load(open(export))
per = e["period"]
left = [p for p in ps if p["status"] == "exited"
        and per["from"] <= p["exit_date"] <= per["to"]]
def is_pos(p):
    return positive.get(p["exit_reason"], False) and \
        p.get("exit_lost") is None and (
        cfg["validation"] == "hiring" or p["exit_validated"] is not None)
def state(p):
    # As the configuration of the day says: a reason not positive (or
    # unknown) has nothing to validate.
    if p.get("exit_lost") is not None:
        return "lost"
    if not positive.get(p["exit_reason"], False):
        return "none"
    if p.get("exit_hired") is not None and p["exit_validated"] is None:
        return "pending"
    return "validated" if p["exit_validated"] is not None else "none"
# Every exit of the period, with its dates and its state.
want = sorted((p["exit_date"], p["id"], p["exit_reason"], is_pos(p), state(p),
               p.get("exit_hired"), p["exit_validated"], p.get("exit_lost"),
               p.get("exit_lost_reason")) for p in left)
got = [(x["date"], x["id"], x["reason"], x["positive"], x["state"], x["hired"],
        x["validated"], x["lost"], x["lost_reason"]) for x in per["exit_list"]]
assert got == want, (got, want)
assert per["exits_pending_validation"] == sum(state(p) == "pending" for p in left)
assert per["exits_lost_after_hiring"] == sum(state(p) == "lost" for p in left)
pos = sum(map(is_pos, left))
want = {"exits": len(left), "positive_exits": pos,
        "positive_rate": (pos * 100 + len(left) // 2) // len(left)}
got = {k: per[k] for k in want}
assert got == want, (got, want)
by = [(r, positive[r], sum(p["exit_reason"] == r for p in left))
      for r, _ in cfg["reasons"]]
unknown = sorted({p["exit_reason"] for p in left if p["exit_reason"] not in positive},
                 key=lambda r: (r is not None, r or ""))
by += [(r, False, sum(p["exit_reason"] == r for p in left)) for r in unknown]
by = [b for b in by if b[2]]
got = [(r["id"], r["positive"], r["count"]) for r in per["exits_by_reason"]]
assert got == by, (got, by)
refs = {}
for p in left:
    refs[p["referent"]] = refs.get(p["referent"], 0) + is_pos(p)
# Medians of days in stage, over the current participants.
got = {r["name"]: r["positive_exits"] for r in e["referents"] if r["name"] in refs}
assert got == refs, (got, refs)
today = datetime.date.fromisoformat(e["generated_on"])
for st in e["stages"]:
    days = [(today - datetime.date.fromisoformat(p["stage_since"])).days
            for p in ps if p["status"] != "exited" and p["stage"] == st["id"]]
    want = statistics.median(days) if days else None
    assert st["median_days_in_stage"] == want, (st["id"], st["median_days_in_stage"], want)
print(pos, len(left), file=sys.stderr)
PY
}
check followup
check hiring --config "$WORK/hiring.yaml"
check nocdi --config "$WORK/nocdi.yaml"
# The three differ as they should: the unvalidated `cdi` and the one
# waiting for its validation count at hiring only, the lost one never;
# without `cdi` positive, the validated `cdi` exits of the year (the case
# above and the demo's own) no longer count.
positives() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["period"]["positive_exits"])' "$WORK/$1.json"
}
cdi_year=$(python3 -c '
import json, sys
print(sum(1 for p in json.load(open(sys.argv[1]))["participants"]
          if p["status"] == "exited" and "2026-01-01" <= p["exit_date"] <= "2026-11-26"
          and p["exit_reason"] == "cdi" and p["exit_validated"]))' "$WORK/cases.json")
[ "$cdi_year" -ge 1 ] && ok || ko "no validated cdi exit this year"
same "hiring adds the unvalidated and the waiting cdi" $(($(positives hiring) - $(positives followup))) 2
same "nocdi drops the validated cdi" $(($(positives followup) - $(positives nocdi))) "$cdi_year"
# The unknown reason keeps its id, never positive; no reason at all is null.
same unknown-id "$(python3 -c '
import json, sys
r = {x["id"]: x for x in json.load(open(sys.argv[1]))["period"]["exits_by_reason"]}
print(r["ancien-motif"]["positive"], r["ancien-motif"]["count"], r[None]["count"])' "$WORK/followup.json")" "False 1 1"

# A half-day median in the reports: a point in C, a comma in French.
half=$(python3 -c '
import json, sys
print(" ".join(str(s["median_days_in_stage"]) for s in json.load(open(sys.argv[1]))["stages"]
               if s["median_days_in_stage"] != int(s["median_days_in_stage"] or 0)))' "$WORK/followup.json")
[ -n "$half" ] && ok || ko "the demo has no half-day median to show"
first=${half%% *}
"$BIN" --db "$DB" --today $T export --all --format md >"$WORK/c.md"
grep -q "| $first |" "$WORK/c.md" && ok || ko "md median $first"
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	LC_ALL=fr_FR.UTF-8 "$BIN" --db "$DB" --today $T export --all --format html >"$WORK/fr.html"
	grep -q "<td>${first/./,}</td>" "$WORK/fr.html" && ok || ko "French html median ${first/./,}"
fi
# The unknown reason in the reports, under its id and not positive.
grep -q "? unknown (ancien-motif) | no | 1 |" "$WORK/c.md" && ok || ko "md unknown reason"

finish

#!/usr/bin/env bash
# cli/territory_stream.sh: the whole-territory commands that read one
# participant at a time (export --all --format fse and ics, letters --all,
# reminders --all) give what the dump says they should, on a demo of a
# couple of thousand: every row, event and letter there, once, in order.
. "$(dirname "$0")/../lib.sh"

make_db 4 --participants 2000
"$BIN" --db "$DB" dump --output "$WORK/dump.json" ||
	{ ko "dump failed"; finish; }

run fse 0 --db "$DB" --today $T export --all --format fse \
	--from 2026-01-01 --to 2026-06-30 --output "$WORK/fse.csv"
run ics 0 --db "$DB" --today $T export --all --format ics \
	--output "$WORK/cal.ics"
run reminders 0 --db "$DB" --today $T reminders --all --format tsv
cp "$WORK/out" "$WORK/reminders.tsv"
run letters 0 --db "$DB" --today $T letters convocation.md --all \
	--output-dir "$WORK/letters"
# One document, merged as the letters are made: the same on standard
# output as in a file.
run attest-out 0 --db "$DB" --today $T letters attestation.fodt --all \
	--output "$WORK/attest.fodt"
run attest-stdout 0 --db "$DB" --today $T letters attestation.fodt --all --again
cmp -s "$WORK/out" "$WORK/attest.fodt" && ok || ko "letters: stdout and --output differ"
same "one office:text" "$(grep -c '<office:text' "$WORK/attest.fodt")" 1
# Made once: a second batch has none left to make.
run letters-again 0 --db "$DB" --today $T letters convocation.md --all
err_has letters-again "no letter to make"

python3 - "$WORK" "$T" >"$WORK/py.out" 2>&1 <<'EOF'
import csv, datetime, json, os, re, sys

work, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
d = json.load(open(work + "/dump.json"))
people = {p["id"]: p for p in d["participants"]}
bad = []

def day(s):
    return datetime.date.fromisoformat(s) if s else None

# fse: one row per participant of the period, by id.
start, end = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
want = sorted(i for i, p in people.items()
              if day(p["entry_date"]) <= end and not p.get("transferred")
              and not (p["status"] == "exited" and p["exit_date"]
                       and day(p["exit_date"]) < start))
with open(work + "/fse.csv", newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
ids = [int(r[0]) for r in rows[1:]]
if ids != want:
    bad.append("fse: %d rows, %d expected, or out of order"
               % (len(ids), len(want)))

# ics: one event per appointment of the period, by day then time.
lo, hi = today - datetime.timedelta(30), today + datetime.timedelta(90)
appts = {a["id"]: (p["id"], a) for p in people.values()
         for a in p["appointments"]}
want = sorted(i for i, (_, a) in appts.items() if lo <= day(a["date"]) <= hi)
text = open(work + "/cal.ics", newline="").read().replace("\r\n ", "")
uids = [int(u) for u in re.findall(r"^UID:appt-(\d+)@", text, re.M)]
if sorted(uids) != want or len(set(uids)) != len(uids):
    bad.append("ics: %d appointments, %d expected" % (len(uids), len(want)))
events = text.split("BEGIN:VEVENT")[1:]
starts = [m.group(1) for m in
          (re.search(r"^DTSTART[^:]*:(\d{8})", e, re.M) for e in events) if m]
if starts != sorted(starts):
    bad.append("ics: events out of order")
if len(events) != len(starts):
    bad.append("ics: an event without its start")

# reminders: planned appointments after today, by date, time and id.
lines = open(work + "/reminders.tsv").read().splitlines()[1:]
seen = []
for line in lines:
    f = line.split("\t")
    aid, pid = int(f[0]), int(f[3])
    owner, a = appts.get(aid, (None, None))
    if owner != pid or a["status"] != "planned" or day(a["date"]) <= today:
        bad.append("reminders: appointment %d is not one to remind" % aid)
    seen.append((a["date"] if a else "", a["minute"] if a else 0, aid))
if seen != sorted(seen) or not seen:
    bad.append("reminders: %d, out of order or none" % len(seen))

# letters: every planned appointment of the week of those followed.
lo, hi = today, today + datetime.timedelta(6)
want = sorted((p["id"], a["id"]) for p in people.values()
              if p["status"] != "exited" for a in p["appointments"]
              if a["status"] == "planned" and lo <= day(a["date"]) <= hi)
got = sorted((int(m.group(1)), int(m.group(2)))
             for m in (re.fullmatch(r"convocation-[\d-]+-P(\d+)-(\d+)\.md", n)
                       for n in os.listdir(work + "/letters")) if m)
if got != want or not got:
    bad.append("letters: %d made, %d expected" % (len(got), len(want)))

print("\n".join(bad) if bad else "fine")
EOF
same "the outputs agree with the dump" "$(cat "$WORK/py.out")" fine

finish

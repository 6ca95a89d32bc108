#!/usr/bin/env bash
# cli/ics.sh: export --format ics, the agenda in a calendar (RFC 5545).
# Read back with Python's icalendar: every appointment of the period one
# VEVENT with its start in Europe/Paris (summer and winter), all day
# without a time, its status, a SUMMARY without the name unless --names,
# the in-work check-ins due as all-day events. Read raw: CRLF, lines of
# 75 octets at most folded between characters, text escaped, UIDs the
# same from one export to the next and after a reschedule, --output 0600,
# another time zone in UTC, the options refused where they mean nothing.
. "$(dirname "$0")/../lib.sh"

# Python's icalendar (Debian's python3-icalendar), installed when missing
# if we may; the checks that need it are skipped otherwise, with a word.
PY=/usr/bin/python3
ical=yes
if ! $PY -c 'import icalendar' 2>/dev/null; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 &&
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null 2>&1; }
	fi
	$PY -c 'import icalendar' 2>/dev/null || {
		ical=
		echo "SKIP: $TEST_NAME: no python3-icalendar (apt-get install python3-icalendar as root); the checks that read the calendar with it are left out" >&2
	}
fi

# Our own participants, made from a demo dump (its format, its fields):
#  1 Abadie: appointments in summer and winter, all day, cancelled,
#    missed, done, at both ends of the default period and past them;
#  2 a long name with accents, in work since 2026-11-20 (check-in D+7
#    held, D+30 and D+90 due, D+180 after the period);
#  3 a hostile name, and a kind of appointment typed by hand;
#  4 left on 2026-11-10 with an appointment still planned after;
#  5 Zorn: one appointment, rescheduled in the interface below.
make_db 1
P dump >"$WORK/demo.json"
"$PY" - "$WORK/demo.json" "$WORK/cases.json" <<'PY'
import copy, json, sys
d = json.load(open(sys.argv[1]))
tpl = d["participants"][0]
def person(pid, last, first, appts, **kw):
    p = copy.deepcopy(tpl)
    p.update(id=pid, last_name=last, first_name=first, phone="06 11 22 33 44",
             email="secret-%d@example.org" % pid, entry_date="2026-01-05",
             referent="Marie Dupont", stage="orienter", stage_since="2026-03-01",
             status="active", legal_hold=False, exit_date=None, exit_reason=None,
             exit_positive=False, exit_validated=None, exit_hired=None,
             exit_lost=None, exit_lost_reason=None, jobs=[],
             fse_entries=[], fse_exits=[], fse_surveys=[],
             notes=[{"seq": 1, "date": "2026-03-01", "text": "note-secrète"}])
    p["moves"] = [{"seq": 1, "date": "2026-01-05", "stage": "freins", "note": None},
                  {"seq": 2, "date": "2026-03-01", "stage": "orienter", "note": None}]
    p["appointments"] = [{"id": i, "date": day, "minute": minute, "kind": kind,
                          "mode": "in-person", "status": status, "note": "note-rdv"}
                         for i, day, minute, kind, status in appts]
    p.update(kw)
    return p
ps = [
    person(1, "Abadie", "Zéphyrine", [
        (10, "2026-07-15", 870, "entretien", "done"),
        (11, "2026-12-03", 600, "entretien", "planned"),
        (12, "2026-12-10", None, "atelier", "planned"),
        (13, "2026-12-15", 540, "entretien", "cancelled"),
        (14, "2026-11-20", 660, "entretien", "missed"),
        (15, "2026-10-26", 600, "entretien", "done"),
        (16, "2026-10-27", 600, "entretien", "done"),
        (17, "2027-02-24", 600, "entretien", "planned"),
        (18, "2027-02-25", 600, "entretien", "planned"),
        (19, "2027-03-29", 600, "entretien", "planned")]),
    person(2, "Lefèvre-Nguyễn-Ðặng-Brontë", "Thị Ánh Élodie-Françoise-Zoë", [
        (20, "2026-12-01", 930, "entretien", "planned")],
        stage="emploi-durable", stage_since="2026-11-20", status="follow-up",
        moves=[{"seq": 1, "date": "2026-01-05", "stage": "freins", "note": None},
               {"seq": 2, "date": "2026-11-20", "stage": "emploi-durable", "note": None}],
        jobs=[{"seq": 1, "employer": "Carrefour Market", "contract": "cdi",
               "start": "2026-11-20", "planned_end": None, "ended": None,
               "end_reason": None, "weekly_minutes": 2100,
               "checkins": [{"day": 7, "done": "2026-11-26"}]}]),
    person(3, "<script>alert(1)</script>;DROP", "a,b\\c", [
        (30, "2026-12-02", 480, "Atelier; CV, <b>\\", "planned")]),
    person(4, "Quitté", "Yves", [
        (40, "2026-11-05", 600, "entretien", "done"),
        (41, "2026-12-01", 600, "entretien", "planned")],
        status="exited", exit_date="2026-11-10", exit_reason="demenagement"),
    person(5, "Zorn", "Bastien", [
        (50, "2026-12-07", 840, "entretien", "planned")]),
]
d["participants"], d["journal"] = ps, []
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB=$WORK/db2
run load 0 --db "$DB" load "$WORK/cases.json"
E() { "$BIN" --db "$DB" --today $T export --format ics "$@"; }

# A name with a line break never gets in: load refuses it.
sed 's/"Zorn"/"Zo\\nrn"/' "$WORK/cases.json" >"$WORK/newline.json"
run load-newline 2 --db "$WORK/db-nl" load "$WORK/newline.json"
err_has load-newline "control character (U+000A)"

E >"$WORK/a.ics" 2>"$WORK/err" && ok || ko "export --format ics failed: $(cat "$WORK/err")"
err_empty default-quiet
E >"$WORK/b.ics"
E --names >"$WORK/names.ics"
E --from 2026-06-01 --to 2027-06-30 >"$WORK/year.ics"

# --- read raw, without a library ------------------------------------------
# raw FILE: every line ends CRLF, none over 75 octets, each valid UTF-8 on
# its own (a fold never cuts a character); prints the unfolded lines.
raw() {
	"$PY" - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n"), "no CRLF at the end"
lines = data[:-2].split(b"\r\n")
for n, l in enumerate(lines, 1):
    assert b"\n" not in l and b"\r" not in l, f"line {n}: a bare line break"
    assert len(l) <= 75, f"line {n}: {len(l)} octets"
    l.decode("utf-8")  # raises on a character cut in two
out, folded = [], 0
for l in lines:
    if l.startswith(b" "):
        out[-1] += l[1:]
        folded += 1
    else:
        out.append(l)
for l in out:
    print(l.decode())
print("FOLDED", folded)
PY
}
for f in a names year; do
	raw "$WORK/$f.ics" >"$WORK/$f.txt" && ok || ko "raw $f.ics: $(tail -1 "$WORK/$f.txt")"
done
grep -q '^BEGIN:VTIMEZONE$' "$WORK/a.txt" && grep -q '^TZID:Europe/Paris$' "$WORK/a.txt" && ok || ko "no VTIMEZONE for Europe/Paris"
grep -q '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z$' "$WORK/a.txt" && ok || ko "DTSTAMP not UTC"
# The long name with accents is folded, whole once unfolded.
# Cut at 75 octets, it would split a character (ễ): the fold must not.
long="SUMMARY:PLIE – LEFÈVRE-NGUYỄN-ÐẶNG-BRONTË Thị Ánh Élodie-Françoise-Zoë – Interview"
grep -qxF "$long" "$WORK/names.txt" && ok || ko "long summary: $(grep 'SUMMARY:PLIE – LEF' "$WORK/names.txt")"
same "test data: 75 octets end inside a character" \
	"$(printf '%s' "$long" | head -c 76 | tail -c 1 | od -An -tx1 | tr -d ' ')" "$(printf '%s' "$long" | head -c 76 | tail -c 1 | od -An -tx1 | tr -d ' ' | grep '^[89ab]')"
grep -q "^ " "$WORK/names.ics" && ok || ko "nothing folded"
# Text escaped: the hostile name and the typed kind, read raw.
grep -qxF 'SUMMARY:PLIE – <SCRIPT>ALERT(1)</SCRIPT>\;DROP a\,b\\c – Atelier\; CV\, <b>\\' "$WORK/names.txt" &&
	ok || ko "hostile summary: $(grep 'SCRIPT' "$WORK/names.txt")"
grep -qxF 'SUMMARY:PLIE – P3 – Atelier\; CV\, <b>\\' "$WORK/a.txt" && ok || ko "typed kind escaped"
# Pseudonymised by default: no name, phone, email or note anywhere; the
# names only under --names; contacts and notes never.
for word in Abadie Zorn Lefèvre Zéphyrine "<script" alert Quitté Bastien; do
	grep -qiF "$word" "$WORK/a.txt" && ko "default export shows '$word'" || ok
done
for word in "06 11 22" example.org note-secrète note-rdv; do
	grep -qF "$word" "$WORK/names.txt" "$WORK/a.txt" && ko "the calendar shows '$word'" || ok
done
grep -qF "SUMMARY:PLIE – ZORN Bastien – Interview" "$WORK/names.txt" && ok || ko "--names: no name"
# UIDs: the same in two exports, with or without names.
uids() { grep '^UID:' "$1" | sort; }
same "uids stable" "$(uids "$WORK/a.txt")" "$(raw "$WORK/b.ics" | grep '^UID:' | sort)"
same "uids with names" "$(uids "$WORK/a.txt")" "$(uids "$WORK/names.txt")"
uid11=$(grep '^UID:appt-11@' "$WORK/a.txt")
case $uid11 in UID:appt-11@[0-9a-f]*.parcours) ok ;; *) ko "uid of 11: '$uid11'" ;; esac

# --- read with icalendar ---------------------------------------------------
# check FILE FROM TO NAMES: every appointment of cases.json dated FROM..TO
# one VEVENT, with its start, status, summary and description; the
# check-ins due; nothing else.
check() {
	"$PY" - "$WORK/cases.json" "$@" <<'PY'
import datetime as dt, json, sys, icalendar
from zoneinfo import ZoneInfo
cases, path, lo, hi, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "names"
cal = icalendar.Calendar.from_ical(open(path, "rb").read())
ev = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
assert len(ev) == len(cal.walk("VEVENT")), "a UID twice"
want = {}
for p in json.load(open(cases))["participants"]:
    for a in p["appointments"]:
        if lo <= a["date"] <= hi:
            want["appt-%d" % a["id"]] = (p, a)
got_appts = {u for u in ev if u.startswith("appt-")}
assert got_appts == set(want), (sorted(got_appts), sorted(want))
paris = ZoneInfo("Europe/Paris")
offsets = set()
label = {"entretien": "Interview", "atelier": "Workshop"}
for u, (p, a) in want.items():
    e = ev[u]
    start = e["DTSTART"].dt
    day = dt.date.fromisoformat(a["date"])
    if a["minute"] is None:
        assert type(start) is dt.date and start == day, (u, start)
        assert e["DTEND"].dt == day + dt.timedelta(days=1), u
    else:
        assert isinstance(start, dt.datetime) and start.tzinfo, (u, start)
        assert start.replace(tzinfo=None) == dt.datetime.combine(day, dt.time(a["minute"] // 60, a["minute"] % 60)), (u, start)
        assert str(e["DTSTART"].params["TZID"]) == "Europe/Paris", u
        # Summer or winter: the offset of Paris that day.
        local = dt.datetime.combine(day, dt.time(a["minute"] // 60, a["minute"] % 60), paris)
        assert start.utcoffset() == local.utcoffset(), (u, start.utcoffset())
        offsets.add(local.utcoffset())
        assert e["DTEND"].dt - start == dt.timedelta(hours=1), u
    gone = p["status"] == "exited" and a["status"] == "planned" and a["date"] > p["exit_date"]
    status = "CANCELLED" if a["status"] == "cancelled" or gone else "CONFIRMED"
    assert str(e["STATUS"]) == status, (u, e["STATUS"])
    desc = str(e["DESCRIPTION"])
    if a["status"] in ("done", "missed"):
        assert desc.endswith(a["status"]), (u, desc)
    if gone:
        assert "left the PLIE" in desc, (u, desc)
    who = ("%s %s" % (p["last_name"].upper(), p["first_name"])) if names else "P%d" % p["id"]
    what = label.get(a["kind"], a["kind"])
    assert str(e["SUMMARY"]) == "PLIE – %s – %s" % (who, what), (u, str(e["SUMMARY"]))
    assert str(e["CLASS"]) == "PRIVATE"
# The check-ins due in the period: participant 2's from 2026-11-20.
start = dt.date(2026, 11, 20)
due = {"checkin-2-20261120-%d" % d for d in (30, 90, 180)
       if lo <= (start + dt.timedelta(days=d)).isoformat() <= hi}
got = {u for u in ev if u.startswith("checkin-")}
assert got == due, (sorted(got), sorted(due))
for u in got:
    d = int(u.rsplit("-", 1)[1])
    e = ev[u]
    assert e["DTSTART"].dt == start + dt.timedelta(days=d), u
    assert type(e["DTSTART"].dt) is dt.date, u
    who = "LEFÈVRE-NGUYỄN-ÐẶNG-BRONTË Thị Ánh Élodie-Françoise-Zoë" if names else "P2"
    assert str(e["SUMMARY"]) == "PLIE – %s – Check-in D+%d" % (who, d), str(e["SUMMARY"])
    assert str(e["STATUS"]) == "CONFIRMED"
print(len(ev), len(offsets))
PY
}
if [ -n "$ical" ]; then
	# The default period: from 30 days before today to 90 after.
	n=$(check "$WORK/a.ics" 2026-10-27 2027-02-24 pseudo 2>"$WORK/py-err") && ok ||
		ko "icalendar, default period: $(tail -3 "$WORK/py-err")"
	same "default period events, offsets" "$n" "13 1"
	check "$WORK/names.ics" 2026-10-27 2027-02-24 names >/dev/null 2>"$WORK/py-err" && ok ||
		ko "icalendar, --names: $(tail -3 "$WORK/py-err")"
	# Summer (July, March 2027) and winter in one file.
	n=$(check "$WORK/year.ics" 2026-06-01 2027-06-30 pseudo 2>"$WORK/py-err") && ok ||
		ko "icalendar, summer and winter: $(tail -3 "$WORK/py-err")"
	same "summer and winter" "${n#* }" 2
fi

# --- a reschedule keeps the UID ------------------------------------------
start move 100 30
ready "ZORN Bastien"
keys / z o r n Enter Enter
expect open "ZORN Bastien"
keys r
expect form "Reschedule the appointment of 2026-12-07 14:00"
keys C-u 2026-12-08 Tab C-u 16:30 Enter
expect moved "Appointment moved to 2026-12-08 16:30."
keys q
E >"$WORK/moved.ics"
raw "$WORK/moved.ics" >"$WORK/moved.txt"
same "uids after reschedule" "$(uids "$WORK/a.txt")" "$(uids "$WORK/moved.txt")"
same "new time" "$(grep -A3 '^UID:appt-50@' "$WORK/moved.txt" | grep '^DTSTART')" \
	"DTSTART;TZID=Europe/Paris:20261208T163000"

# A backup restored elsewhere is the same database: the same UIDs.
run backup 0 --db "$DB" backup "$WORK/copy.mdb"
run restore 0 --db "$WORK/db-restored" restore "$WORK/copy.mdb"
same "uids after restore" "$(uids "$WORK/moved.txt")" \
	"$("$BIN" --db "$WORK/db-restored" --today $T export --format ics | tr -d '\r' | grep '^UID:' | sort)"

# --- --output: written whole, 0600, said on stderr -------------------------
run output 0 --db "$DB" --today $T export --format ics --output "$WORK/cal.ics"
err_has output-said "calendar written to"
same "output mode" "$(stat -c %a "$WORK/cal.ics")" 600
[ ! -s "$WORK/out" ] && ok || ko "--output also wrote stdout"
same "output = stdout" "$(raw "$WORK/cal.ics" | grep -v DTSTAMP)" "$(grep -v DTSTAMP "$WORK/moved.txt")"

# --- French: the kind in the interface's language --------------------------
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	LC_ALL=fr_FR.UTF-8 E | grep -qF "SUMMARY:PLIE – P5 – Entretien" && ok || ko "French kind label"
fi

# --- a line break escaped: a label of the configuration may hold one -------
cat >"$WORK/kinds.yaml" <<'YAML'
appointment_kinds:
  - id: entretien
    label: "Entretien"
    label_en: "Interview;\nsecond, line \\ <i>"
YAML
PARCOURS_CONFIG=$WORK/kinds.yaml E >"$WORK/kinds.ics"
raw "$WORK/kinds.ics" >"$WORK/kinds.txt"
grep -qxF 'SUMMARY:PLIE – P5 – Interview\;\nsecond\, line \\ <i>' "$WORK/kinds.txt" && ok ||
	ko "line break escaped: $(grep 'P5' "$WORK/kinds.txt")"
if [ -n "$ical" ]; then
	same "line break read back" "$("$PY" -c '
import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(repr([str(e["SUMMARY"]) for e in c.walk("VEVENT") if "P5" in str(e["SUMMARY"])][0]))' "$WORK/kinds.ics")" \
		"'PLIE – P5 – Interview;\\nsecond, line \\\\ <i>'"
fi

# --- another time zone: UTC times, no VTIMEZONE ----------------------------
if [ -f /usr/share/zoneinfo/America/Cayenne ]; then
	printf 'timezone: America/Cayenne\n' >"$WORK/cayenne.yaml"
	PARCOURS_CONFIG=$WORK/cayenne.yaml E >"$WORK/cay.ics"
	raw "$WORK/cay.ics" >"$WORK/cay.txt"
	same "utc start" "$(grep -A3 '^UID:appt-11@' "$WORK/cay.txt" | grep '^DTSTART')" "DTSTART:20261203T130000Z"
	same "utc all day" "$(grep -A3 '^UID:appt-12@' "$WORK/cay.txt" | grep '^DTSTART')" "DTSTART;VALUE=DATE:20261210"
	grep -q VTIMEZONE "$WORK/cay.txt" && ko "VTIMEZONE for UTC times" || ok
fi
printf 'timezone: Mars/Olympus_Mons\n' >"$WORK/mars.yaml"
PARCOURS_CONFIG=$WORK/mars.yaml run unknown-zone 2 --db "$DB" --today $T export --format ics --output "$WORK/mars.ics"
err_has unknown-zone "does not know the time zone 'Mars/Olympus_Mons'"
[ ! -e "$WORK/mars.ics" ] && ok || ko "a file written for an unknown zone"
printf 'timezone: ../../etc/passwd\n' >"$WORK/bad.yaml"
run bad-zone 2 --today $T check-config "$WORK/bad.yaml"
err_has bad-zone "is not a time zone name"

# --- options where they mean nothing ---------------------------------------
run names-csv 2 --db "$DB" --today $T export --format csv --names
err_has names-csv "--names: only with --format ics"
run names-pseudo 2 --db "$DB" --today $T export --format ics --names --pseudonymise
run ics-from-to 2 --db "$DB" --today $T export --format ics --from 2027-01-01 --to 2026-01-01
run bad-format 2 --db "$DB" --today $T export --format ical
err_has bad-format "fse or ics"

finish

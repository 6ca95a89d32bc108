#!/usr/bin/env python3
"""Qualifying employment: random job histories, computed here day by day
with dateutil's calendar months, against core/employment.c through
tests/employment_driver.c.

Usage: employment_property.py DRIVER [--histories N] [--seed S]

The rules (core/employment.h): a day qualifies when jobs cover it and
add up to at least the weekly threshold, or one is "alternance". A job
covers its start to `ended`, else its planned end, else for ever for a
"cdi" and up to today for any other contract. Runs chain qualifying days
with at most `gap` days between them. Six months: the run's start plus
the followup months, clamped to the month's end. Seasonal: qualifying days
in the twelve months ending today against the days of the last eight."""

import argparse
import random
import subprocess
import sys
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

OPEN = date(2199, 12, 31)
DAY = timedelta(days=1)
CONTRACTS = ["cdi", "cdd", "interim", "contrat-aide", "alternance", "autre"]
MINUTES = [0, 240, 600, 1049, 1050, 1051, 1200, 2100]


def iso(d):
    return "-" if d is None else d.isoformat()


def covers(job, today):
    """The first and last day a job covers, or None."""
    contract, start, planned, ended, _ = job
    if start is None:
        return None
    if ended is not None:
        end = ended
    elif planned is not None:
        end = planned
    elif contract == "cdi":
        end = OPEN
    else:
        end = today
    return None if end < start else (start, end)


def expected(today, months, minimum, gap, jobs):
    spans = [(j, covers(j, today)) for j in jobs]
    spans = [(j, s) for j, s in spans if s is not None]
    fields = {"since": None, "until": None, "six": None, "qualifying": 0,
              "on_course": 0, "reached": 0, "work_study": 0}
    # Every day from two years before the first date (the seasonal rule
    # looks back a year from days up to a year ago) to past the last
    # finite date: beyond it, nothing changes any more.
    finite = [d for _, s in spans for d in s if d != OPEN] + [today]
    lo = min(finite) - relativedelta(months=26)
    hi = max(finite) + timedelta(days=gap + 2)
    ndays = (hi - lo).days + 1

    def qualifies(d):
        total, held = 0, False
        for j, (a, b) in spans:
            if a <= d <= b:
                if j[0] == "alternance":
                    return True
                total += max(j[4], 0)
                held = True
        return held and total >= minimum

    q = [qualifies(lo + i * DAY) for i in range(ndays)]
    prefix = [0]
    for v in q:
        prefix.append(prefix[-1] + v)

    # Maximal qualifying intervals, the last one open if it reaches hi.
    intervals, i = [], 0
    while i < ndays:
        if not q[i]:
            i += 1
            continue
        k = i
        while k + 1 < ndays and q[k + 1]:
            k += 1
        last = OPEN if k == ndays - 1 else lo + k * DAY
        intervals.append([lo + i * DAY, last])
        i = k + 1
    runs = []
    for a, b in intervals:
        if runs and (a - runs[-1][1]).days - 1 <= gap:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    for since, until in runs:
        if since > today:
            break
        qual = until == OPEN or today <= until + timedelta(days=gap)
        six = since + relativedelta(months=months)
        on_course = until >= six - DAY
        reached = on_course and six <= today
        if qual or reached:
            ws = any(j[0] == "alternance" and a <= until and b >= since
                     for j, (a, b) in spans)
            fields = {"since": since, "until": until, "six": six,
                      "qualifying": int(qual), "on_course": int(on_course),
                      "reached": int(reached), "work_study": int(ws)}

    def season(d):
        first = d - relativedelta(months=12) + DAY
        worked = prefix[(d - lo).days + 1] - prefix[(first - lo).days]
        needed = (d - (d - relativedelta(months=8))).days
        return worked, needed

    worked, needed = season(today)
    since = None
    if worked >= needed:
        limit = today - relativedelta(months=12)
        since = today
        while since - DAY > limit and season(since - DAY)[0] >= \
                season(since - DAY)[1]:
            since -= DAY
    return "%s %s %s %d %d %d %d %d %d %d %s" % (
        iso(fields["since"]), iso(fields["until"]), iso(fields["six"]),
        fields["qualifying"], fields["on_course"], fields["reached"],
        fields["work_study"], worked, needed, int(worked >= needed),
        iso(since))


def some_day(rng, base):
    """Near `base`, often on a month's end or a 29 February."""
    d = base + timedelta(days=rng.randint(-400, 400))
    r = rng.random()
    if r < 0.2:
        d = (d.replace(day=1) + relativedelta(months=1)) - DAY
    elif r < 0.25:
        d = date(rng.choice([2024, 2028]), 2, 29)
    return d


def history(rng):
    base = date(2026, 6, 15)
    today = some_day(rng, base)
    months = rng.choice([6, 6, 6, 1, 3, 12, 18])
    minimum = rng.choice([1050, 1050, 600, 0, 2100])
    gap = rng.choice([3, 3, 0, 1, 7])
    jobs, prev_end = [], None
    for _ in range(rng.randint(0, 5)):
        contract = rng.choice(CONTRACTS)
        if prev_end is not None and rng.random() < 0.6:
            start = prev_end + timedelta(days=rng.randint(-10, gap + 3))
        else:
            start = some_day(rng, base)
        length = rng.choice([rng.randint(0, 40), rng.randint(30, 400)])
        planned = start + timedelta(days=length) if rng.random() < 0.6 \
            else None
        ended = None
        if rng.random() < 0.3:
            ended = start + timedelta(days=rng.randint(-3, 300))
        if rng.random() < 0.03:
            start = None
        jobs.append((contract, start, planned, ended, rng.choice(MINUTES)))
        prev_end = ended or planned or (start and start + timedelta(60))
    return today, months, minimum, gap, jobs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("driver")
    ap.add_argument("--histories", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = [history(rng) for _ in range(args.histories)]
    text = []
    for today, months, minimum, gap, jobs in cases:
        text.append("H %s %d %d %d" % (today, months, minimum, gap))
        for c, s, p, e, m in jobs:
            text.append("J %s %s %s %s %d" % (c, iso(s), iso(p), iso(e), m))
        text.append("E")
    out = subprocess.run([args.driver], input="\n".join(text) + "\n",
                         capture_output=True, text=True, check=True)
    got = out.stdout.splitlines()
    if len(got) != len(cases):
        sys.exit("driver gave %d lines for %d histories" %
                 (len(got), len(cases)))
    bad = 0
    counts = {"qualifying": 0, "reached": 0, "seasonal": 0}
    for case, line in zip(cases, got):
        want = expected(*case)
        f = want.split()
        counts["qualifying"] += f[3] == "1"
        counts["reached"] += f[5] == "1"
        counts["seasonal"] += f[9] == "1"
        if line != want:
            bad += 1
            if bad <= 5:
                today, months, minimum, gap, jobs = case
                print("history: today %s, %d months, %d min, gap %d" %
                      (today, months, minimum, gap))
                for j in jobs:
                    print("  %s %s %s %s %d" % (j[0], iso(j[1]), iso(j[2]),
                                                iso(j[3]), j[4]))
                print("  C:      " + line)
                print("  Python: " + want)
    print("%d histories compared (seed %d): %d qualifying today, %d reached "
          "six months, %d seasonal; %d differ" %
          (len(cases), args.seed, counts["qualifying"], counts["reached"],
           counts["seasonal"], bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

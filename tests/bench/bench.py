#!/usr/bin/env python3
"""bench.py: parcours from one caseload to a whole territory.

For each N (current participants; the demo adds about 1.3 times as many
who left, about ten appointments each), fill a database, then time each
command several times and report the median wall time (process start to
exit) and the peak memory (max RSS, the mapped database pages included):

- a referent's commands: attention, list --format tsv, export csv and
  json, the interface's first complete screen, recording one appointment
  outcome (one write transaction);
- a coordinator's, on the whole territory: attention --all, list --all,
  export --all in every format, reminders --all, dump, check, backup,
  load of the dump into an empty database, and the demo's generation;
- the floor, one sequential read of the database file (cat data.mdb),
  run just before each run of a whole-territory command so that both see
  the machine in the same state, and each such command as a multiple of
  the floor beside it;
- a peer, taskwarrior's +OVERDUE export on the same appointments (one
  task each), and its ratio to attention and attention --all.

Each row says the issue's target where it sets one (attention --all within
18 ms at 10,000 and 100 ms at 100,000; list --all and export --all within
3 times the floor at 10,000 and 100,000; peak memory within 64 MB for
every command at 100,000) and whether it is met.

A row whose first run takes over a second runs at most --slow-runs times
(default 3), and stops once its runs have taken --row-budget seconds.

Usage: tests/bench/bench.py BUILD_DIR [--n 80 10000 100000] [--runs 5]
           [--slow-runs 3] [--row-budget 60] [--today YYYY-MM-DD]
           [--no-taskwarrior] [--taskwarrior-max 10000]
           [--markdown FILE] [--tsv FILE] [--compare OLD.tsv] [--profile]
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1024  # KiB in a MiB: GNU time reports KiB

# Issue 16's targets, by N. list --all and export --all (every format)
# within FLOOR_TARGET times one read of the database file; every parcours
# command within RSS_TARGET_KIB; attention --all within a time, and
# taskwarrior's overdue report at least PEER_RATIO times slower.
FLOOR_TARGET = 3.0
FLOOR_TARGET_N = (10000, 100000)
RSS_TARGET_KIB = 64 * MB
RSS_TARGET_N = 100000
ATTENTION_ALL_MS = {10000: 18.0, 100000: 100.0}
PEER_RATIO = {10000: 50.0, 100000: 100.0}


class Row:
    """One line of the table: a command at one N, or a ratio."""

    def __init__(self, n, name, kind, ms, kib=0, runs=0):
        self.n = n
        self.name = name
        self.kind = kind      # referent, territory, floor, peer, ratio
        self.ms = ms          # a ratio's value for a ratio row
        self.kib = kib
        self.runs = runs
        self.floor_ms = None  # the floor measured beside it, run by run
        self.floor = None     # ms / floor, whole-territory rows
        self.targets = []     # (text, met)

    def target(self, text, met):
        self.targets.append((text, met))


def run(cmd, env, tty=False):
    """(wall seconds, max RSS KiB) of one process, start to exit.

    The peak memory comes from GNU time around the command: the kernel
    keeps a process's peak across exec, so a child forked from this
    Python would count Python's memory. With tty, the program gets a
    pseudo-terminal."""
    report = tempfile.NamedTemporaryFile("r", delete=False)
    full = ["/usr/bin/time", "-o", report.name, "-f", "%M"] + cmd
    null = os.open(os.devnull, os.O_RDWR)
    master = slave = None
    if tty:
        master, slave = os.openpty()
        fds = [slave, slave, slave]
    else:
        fds = [null, null, null]
    actions = [(os.POSIX_SPAWN_DUP2, fd, i) for i, fd in enumerate(fds)]
    start = time.perf_counter()
    pid = os.posix_spawn(full[0], full, env, file_actions=actions)
    if tty:
        os.close(slave)
        while True:  # drain the terminal until the program is gone
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    _, status, _ = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if master is not None:
        os.close(master)
    os.close(null)
    text = report.read()
    report.close()
    os.unlink(report.name)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("failed (%s): %s" % (text.strip(),
                                                shlex.join(cmd)))
    return wall, int(text.split()[-1])


def measure(cmd, args, env, tty=False, setup=None, floor=None, beside=None):
    """(median ms, max KiB, runs): args.runs runs, fewer for a slow row.

    setup, if given, runs before each run, untimed (a load needs an
    empty database each time). floor, if given, is a command run just
    before each run, so that both see the machine in the same state;
    its (wall, KiB) are appended to the list beside."""
    results = []
    spent = 0.0
    limit = args.runs
    while len(results) < limit:
        if setup is not None:
            setup()
        if floor is not None:
            beside.append(run(floor, env))
        wall, kib = run(cmd, env, tty)
        results.append((wall, kib))
        spent += wall
        if len(results) == 1 and wall > 1.0:
            limit = min(limit, args.slow_runs)
        if spent > args.row_budget:
            break
    return (statistics.median(r[0] for r in results) * 1000,
            max(r[1] for r in results), len(results))


def remove(path):
    """Remove a file or a directory tree, if there."""
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def taskwarrior(dump_path, work, args, env):
    """Load the dump's appointments as tasks; time the overdue report.

    Returns (ms, KiB, runs, import (seconds, KiB), tasks)."""
    rc = os.path.join(work, "taskrc")
    data = os.path.join(work, "task")
    os.makedirs(data, exist_ok=True)
    with open(rc, "w") as f:
        f.write("data.location=%s\nconfirmation=off\nverbose=nothing\n"
                "gc=off\n" % data)
    with open(dump_path) as f:
        dump = json.load(f)
    path = os.path.join(work, "tasks.json")
    count = 0
    with open(path, "w") as f:
        f.write("[")
        for p in dump["participants"]:
            for a in p["appointments"]:
                due = a["date"].replace("-", "") + "T100000Z"
                t = {"uuid": "%08x-0000-4000-8000-%012x"
                             % (a["id"] >> 32, a["id"]),
                     "description": a["kind"] or "rdv",
                     "project": "p%d" % p["id"], "due": due,
                     "entry": due, "status": "pending"}
                if a["status"] != "planned":
                    t["status"] = "completed"
                    t["end"] = due
                f.write(",\n" if count else "\n")
                json.dump(t, f)
                count += 1
        f.write("\n]\n")
    del dump
    env = dict(env, TASKRC=rc, TASKDATA=data)
    load = run(["task", "rc.gc=off", "import", path], env)
    os.unlink(path)
    ms, kib, runs = measure(["task", "rc.gc=off", "+OVERDUE", "export"],
                            args, env)
    return ms, kib, runs, load, count


PERF_SYMBOL = re.compile(r"^\s*(\d+\.\d+)%\s+\S+\s+(\S+)\s+\[.\]\s+(.*?)\s*$")
PERF_DSO = re.compile(r"^\s*(\d+\.\d+)%\s+(\S+)\s*$")


def profile(cmd, work, env, top=15):
    """perf record -g on one command: its share by shared object, then
    its top symbols (self time), as lines to print."""
    data = os.path.join(work, "perf.data")
    subprocess.run(["perf", "record", "-q", "-g", "-o", data, "--"] + cmd,
                   env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)

    def report(*sort):
        return subprocess.run(["perf", "report", "-i", data,
                               "--no-children", "--stdio", "-g", "none"]
                              + list(sort), env=env, capture_output=True,
                              text=True, check=True).stdout.splitlines()

    dsos = [m for m in map(PERF_DSO.match, report("--sort", "dso")) if m]
    lines = ["by object: " + ", ".join("%s %s%%" % (m.group(2), m.group(1))
                                       for m in dsos[:6])]
    for m in filter(None, map(PERF_SYMBOL.match, report())):
        lines.append("%6s%%  %-22s %s" % m.groups())
        if len(lines) > top:
            break
    os.unlink(data)
    return lines


def judge(rows):
    """Attach the issue's targets to the rows they concern."""
    floors = {r.n: r.ms for r in rows if r.kind == "floor"}
    for r in rows:
        if r.kind == "territory" and r.n in floors:
            r.floor = r.ms / (r.floor_ms or floors[r.n])
        if r.kind == "ratio":
            if r.name.endswith("attention --all") and r.n in PEER_RATIO:
                want = PEER_RATIO[r.n]
                r.target("≥ %.0f×" % want, r.ms >= want)
            continue
        if r.name == "attention --all" and r.n in ATTENTION_ALL_MS:
            want = ATTENTION_ALL_MS[r.n]
            r.target("≤ %.0f ms" % want, r.ms <= want)
        if (r.name.startswith(("list --all", "export --all")) and
                r.floor is not None and r.n in FLOOR_TARGET_N):
            r.target("≤ %.0f× floor" % FLOOR_TARGET, r.floor <= FLOOR_TARGET)
        if r.kind in ("referent", "territory") and r.n == RSS_TARGET_N:
            r.target("≤ %d MB" % (RSS_TARGET_KIB // MB),
                     r.kib <= RSS_TARGET_KIB)


def table(rows):
    """The markdown table, one string per line."""
    out = ["| N | command | runs | median ms | peak RSS MB | × floor "
           "| target | result |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        cells = [format(r.n, ","), r.name]
        if r.kind == "ratio":
            cells += ["", "%.1f×" % r.ms, "", ""]
        else:
            cells += [str(r.runs), "%.1f" % r.ms, "%.1f" % (r.kib / MB),
                      "%.1f×" % r.floor if r.floor is not None else ""]
        cells.append("; ".join(t for t, _ in r.targets))
        cells.append("; ".join("met" if ok else "**not met**"
                               for _, ok in r.targets))
        out.append("| " + " | ".join(cells) + " |")
    return out


def compare(rows, path):
    """Each row beside the same row of an earlier --tsv run."""
    old = {}
    with open(path) as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            v = dict(zip(head, line.rstrip("\n").split("\t")))
            old[(int(v["n"]), v["measure"])] = (float(v["median_ms"]),
                                                int(v["peak_kib"]))
    out = ["| N | command | before ms | now ms | change | before MB "
           "| now MB |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        if (r.n, r.name) not in old or r.kind == "ratio":
            continue
        ms, kib = old[(r.n, r.name)]
        change = "%+.0f%%" % ((r.ms / ms - 1) * 100) if ms else ""
        out.append("| %s | %s | %.1f | %.1f | %s | %.1f | %.1f |"
                   % (format(r.n, ","), r.name, ms, r.ms, change, kib / MB,
                      r.kib / MB))
    return out


def bench_n(n, args, parcours, outcome, env, use_task, rows, profiles):
    """Every measure at one N, appended to rows."""
    work = tempfile.mkdtemp(prefix="parcours-bench-", dir=args.work)
    db = os.path.join(work, "db")
    base = [parcours, "--db", db, "--today", args.today]

    # The floor runs once before each run of a whole-territory command,
    # each compared with the floor beside it; the floor's row is the
    # median of all those runs.
    cat = ["cat", os.path.join(db, "data.mdb")]
    floors = []

    def add(name, kind, cmd, env=env, **kw):
        beside = []
        if kind == "territory" and kw.pop("floor", True):
            kw.update(floor=cat, beside=beside)
        ms, kib, runs = measure(cmd, args, env, **kw)
        row = Row(n, name, kind, ms, kib, runs)
        if beside:
            row.floor_ms = statistics.median(b[0] for b in beside) * 1000
            floors.extend(beside)
        rows.append(row)
        print("  %-40s %10.1f ms %8.1f MB  (%d runs)"
              % (name, ms, kib / MB, runs), file=sys.stderr, flush=True)
        return row

    print("N = %d" % n, file=sys.stderr, flush=True)
    try:
        add("generate the database", "territory",
            base + ["demo", "--participants", str(n), "--seed", "1"],
            setup=lambda: remove(db), floor=False)
        floor = add("floor: read the database file", "floor", cat)
        for name, extra in [
                ("attention", ["attention"]),
                ("list --format tsv", ["list", "--format", "tsv"]),
                ("export --format csv", ["export", "--format", "csv"]),
                ("export --format json", ["export", "--format", "json"])]:
            add(name, "referent", base + extra)
        add("interface: first screen", "referent", base, tty=True,
            env=dict(env, PARCOURS_BENCH_FIRST_FRAME="1"))
        for name, extra in [
                ("attention --all", ["attention", "--all"]),
                ("list --all --format tsv",
                 ["list", "--all", "--format", "tsv"])] + [
                ("export --all --format " + f,
                 ["export", "--all", "--format", f])
                for f in ("csv", "json", "md", "html", "fse", "ics")] + [
                ("reminders --all", ["reminders", "--all"]),
                ("dump", ["dump"]),
                ("check", ["check"])]:
            add(name, "territory", base + extra)
        backup = os.path.join(work, "backup")
        add("backup", "territory", base + ["backup", backup],
            setup=lambda: remove(backup))
        remove(backup)
        dump = os.path.join(work, "dump.json")
        subprocess.run(base + ["dump", "--output", dump], env=env,
                       stdout=subprocess.DEVNULL, check=True)
        empty = os.path.join(work, "loaded")
        add("load the dump into an empty database", "territory",
            [parcours, "--db", empty, "--today", args.today, "load", dump],
            setup=lambda: remove(empty))
        remove(empty)
        floors.extend([(floor.ms / 1000, floor.kib)] * floor.runs)
        floor.ms = statistics.median(f[0] for f in floors) * 1000
        floor.kib = max(f[1] for f in floors)
        floor.runs = len(floors)
        if args.profile and n == max(args.n):
            for name, extra in [
                    ("attention --all", ["attention", "--all"]),
                    ("list --all --format tsv",
                     ["list", "--all", "--format", "tsv"])]:
                profiles.append((n, name, profile(base + extra, work, env)))
        # Last of parcours's: it changes the database.
        out = subprocess.run(["/usr/bin/time", "-f", "%M", outcome, db,
                              "Marie Dupont", args.today, str(args.runs)],
                             capture_output=True, text=True, check=True,
                             env=env)
        # Shown among the referent's commands, after the interface.
        at = 1 + next(i for i, r in enumerate(rows)
                      if r.n == n and r.name == "interface: first screen")
        rows.insert(at, Row(n, "record one outcome (one transaction)",
                            "referent", float(out.stdout.split()[0]),
                            int(out.stderr.split()[-1]), args.runs))
        if use_task and n <= args.taskwarrior_max:
            print("  taskwarrior: import...", file=sys.stderr, flush=True)
            ms, kib, runs, load, ntasks = taskwarrior(dump, work, args, env)
            rows.append(Row(n, "taskwarrior import (%s tasks, once)"
                            % format(ntasks, ","), "peer", load[0] * 1000,
                            load[1], 1))
            rows.append(Row(n, "taskwarrior +OVERDUE export", "peer", ms,
                            kib, runs))
            for name in ("attention --all", "attention"):
                mine = next(r.ms for r in rows
                            if r.n == n and r.name == name)
                rows.append(Row(n, "ratio taskwarrior / parcours " + name,
                                "ratio", ms / mine))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(
        description="parcours beside taskwarrior and the floor, from one "
                    "caseload to a whole territory")
    ap.add_argument("build", help="the meson build directory")
    ap.add_argument("--n", type=int, nargs="+", default=[80, 10000, 100000],
                    help="current participants (default 80 10000 100000)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs of each command (default 5)")
    ap.add_argument("--slow-runs", type=int, default=3,
                    help="at most this many for a command whose first run "
                         "takes over a second (default 3)")
    ap.add_argument("--row-budget", type=float, default=60.0,
                    help="no further run of a command once its runs have "
                         "taken this many seconds (default 60)")
    ap.add_argument("--today", default=datetime.date.today().isoformat(),
                    help="the date the rules treat as today (default: "
                         "today)")
    ap.add_argument("--no-taskwarrior", action="store_true",
                    help="leave taskwarrior out")
    ap.add_argument("--taskwarrior-max", type=int, default=10000,
                    help="taskwarrior only up to this N (default 10000: "
                         "at 100,000 its import takes minutes)")
    ap.add_argument("--work", help="where to make the databases (default: "
                                   "the temporary directory)")
    ap.add_argument("--markdown", metavar="FILE",
                    help="write the table block for the README to FILE")
    ap.add_argument("--tsv", metavar="FILE", help="the rows as TSV")
    ap.add_argument("--compare", metavar="OLD.tsv",
                    help="print each row beside an earlier --tsv run's")
    ap.add_argument("--profile", action="store_true",
                    help="perf record -g on attention --all and list --all "
                         "at the largest N; print the top symbols")
    args = ap.parse_args()
    if args.runs < 1 or args.slow_runs < 1:
        ap.error("--runs and --slow-runs take at least 1")
    parcours = os.path.abspath(os.path.join(args.build, "tui", "parcours"))
    outcome = os.path.abspath(os.path.join(args.build, "tests", "bench",
                                           "bench_outcome"))
    for path in (parcours, outcome):
        if not os.access(path, os.X_OK):
            ap.error("%s: not built" % path)
    if args.profile and not shutil.which("perf"):
        print("perf not found: no profile", file=sys.stderr)
        args.profile = False
    use_task = not args.no_taskwarrior and shutil.which("task")
    # Nothing from the user's configuration or database.
    home = tempfile.mkdtemp(prefix="parcours-bench-home-", dir=args.work)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PARCOURS_", "TASK", "XDG_"))}
    env.update(LC_ALL="C.UTF-8", TZ="UTC", TERM="xterm", HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"))
    load_start = os.getloadavg()[0]
    rows = []
    profiles = []
    try:
        for n in args.n:
            bench_n(n, args, parcours, outcome, env, use_task, rows,
                    profiles)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    judge(rows)
    lines = table(rows)
    print("\n".join(lines))
    if args.markdown:
        argv = ["python3", "tests/bench/bench.py"] + sys.argv[1:]
        with open(args.markdown, "w") as f:
            f.write("Measured with `%s` on %s (%d cores, load average "
                    "%.1f at the start, %s).\n\n"
                    % (shlex.join(argv), datetime.date.today().isoformat(),
                       os.cpu_count() or 0, load_start,
                       "%s %s, %s %s" % ((platform.system(),
                                          platform.machine())
                                         + platform.libc_ver())))
            f.write("\n".join(lines) + "\n")
    if args.tsv:
        with open(args.tsv, "w") as f:
            f.write("n\tmeasure\tmedian_ms\tpeak_kib\truns\tfloor_ratio"
                    "\ttarget\tmet\n")
            for r in rows:
                f.write("%d\t%s\t%.3f\t%d\t%d\t%s\t%s\t%s\n"
                        % (r.n, r.name, r.ms, r.kib, r.runs,
                           "%.3f" % r.floor if r.floor is not None else "",
                           "; ".join(t for t, _ in r.targets),
                           "; ".join("met" if ok else "not met"
                                     for _, ok in r.targets)))
    if args.compare:
        print()
        print("\n".join(compare(rows, args.compare)))
    for n, name, top in profiles:
        print("\nperf at %s: %s (self time, top %d)" % (format(n, ","),
                                                        name, len(top) - 1))
        print("\n".join(top))
    return 0


if __name__ == "__main__":
    sys.exit(main())

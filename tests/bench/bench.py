#!/usr/bin/env python3
"""bench.py: parcours from one caseload to a whole territory.

For each N (participants, about ten appointments each, the demo's spread),
fill a database, then time each command several times and report the
median wall time (process start to exit) and peak memory (max RSS):
attention, list --format tsv, export csv and json, the interface's first
complete screen, recording one appointment outcome (one write
transaction); plus a floor (reading the database file once) and a peer,
taskwarrior's overdue report on the same appointments (one task each).

Usage: tests/bench/bench.py BUILD_DIR [--n 80 10000 100000] [--runs 5]
                            [--no-taskwarrior] [--tsv FILE]
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, env=None, tty=False):
    """(wall seconds, max RSS KiB) of one process, start to exit.

    The peak memory comes from GNU time around the command: the kernel
    keeps a process's peak across exec, so a child forked from this
    Python would count Python's memory. With tty, the program gets a
    pseudo-terminal."""
    env = env or dict(os.environ)
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
    kib = int(report.read().split()[-1])
    os.unlink(report.name)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("failed: %s" % " ".join(cmd))
    return wall, kib


def median(cmd, runs, **kw):
    results = [run(cmd, **kw) for _ in range(runs)]
    return (statistics.median(r[0] for r in results) * 1000,
            max(r[1] for r in results))


def taskwarrior(dump, work, today, runs):
    """Load the dump's appointments as tasks; time the overdue report."""
    rc = os.path.join(work, "taskrc")
    data = os.path.join(work, "task")
    os.makedirs(data, exist_ok=True)
    with open(rc, "w") as f:
        f.write("data.location=%s\nconfirmation=off\nverbose=nothing\n"
                "gc=off\n" % data)
    tasks = []
    for p in dump["participants"]:
        for a in p["appointments"]:
            due = a["date"].replace("-", "") + "T100000Z"
            t = {"uuid": "%08x-0000-4000-8000-%012x" % (a["id"] >> 32, a["id"]),
                 "description": a["kind"] or "rdv",
                 "project": "p%d" % p["id"], "due": due,
                 "entry": due, "status": "pending"}
            if a["status"] != "planned":
                t["status"] = "completed"
                t["end"] = due
            tasks.append(t)
    path = os.path.join(work, "tasks.json")
    with open(path, "w") as f:
        json.dump(tasks, f)
    env = dict(os.environ, TASKRC=rc, TASKDATA=data)
    t0 = time.perf_counter()
    subprocess.run(["task", "rc.gc=off", "import", path], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    load = time.perf_counter() - t0
    ms, kib = median(["task", "rc.gc=off", "+OVERDUE", "export"], runs,
                     env=env)
    return ms, kib, load, len(tasks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--n", type=int, nargs="+", default=[80, 10000, 100000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-taskwarrior", action="store_true")
    ap.add_argument("--tsv")
    args = ap.parse_args()
    parcours = os.path.abspath(os.path.join(args.build, "tui", "parcours"))
    outcome = os.path.abspath(os.path.join(args.build, "tests", "bench",
                                           "bench_outcome"))
    today = datetime.date.today().isoformat()
    use_task = not args.no_taskwarrior and shutil.which("task")
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", TERM="xterm")
    rows = []
    for n in args.n:
        work = tempfile.mkdtemp(prefix="parcours-bench-")
        db = os.path.join(work, "db")
        base = [parcours, "--db", db, "--today", today]
        t0 = time.perf_counter()
        gen = run(base + ["demo", "--participants", str(n), "--seed", "1"],
                  env=env)
        rows.append((n, "generate the database", gen[0] * 1000, gen[1]))
        measures = [
            ("attention", base + ["attention"], {}),
            ("list --format tsv", base + ["list", "--format", "tsv"], {}),
            ("export --format csv", base + ["export", "--format", "csv"], {}),
            ("export --format json", base + ["export", "--format", "json"],
             {}),
            ("interface: first screen", base,
             {"tty": True,
              "env": dict(env, PARCOURS_BENCH_FIRST_FRAME="1")}),
            ("floor: read the database file",
             ["cat", os.path.join(db, "data.mdb")], {}),
        ]
        for name, cmd, kw in measures:
            kw.setdefault("env", env)
            ms, kib = median(cmd, args.runs, **kw)
            rows.append((n, name, ms, kib))
        out = subprocess.run(["/usr/bin/time", "-f", "%M", outcome, db,
                              "Marie Dupont", today, str(args.runs)],
                             capture_output=True, text=True, check=True)
        rows.append((n, "record one outcome (one transaction)",
                     float(out.stdout.split()[0]),
                     int(out.stderr.split()[-1])))
        if use_task:
            dump = json.loads(subprocess.run(base + ["dump"], env=env,
                                             capture_output=True,
                                             check=True).stdout)
            ms, kib, load, ntasks = taskwarrior(dump, work, today, args.runs)
            rows.append((n, "taskwarrior +OVERDUE export (%d tasks)" % ntasks,
                         ms, kib))
            mine = next(r[2] for r in rows
                        if r[0] == n and r[1] == "attention")
            rows.append((n, "ratio taskwarrior / parcours attention",
                         ms / mine, 0))
        shutil.rmtree(work)
    print("| N | measure | median ms | peak RSS MB |")
    print("|---|---|---|---|")
    for n, name, ms, kib in rows:
        if name.startswith("ratio"):
            print("| %d | %s | %.0f× | |" % (n, name, ms))
        else:
            print("| %d | %s | %.1f | %.1f |" % (n, name, ms, kib / 1024))
    if args.tsv:
        with open(args.tsv, "w") as f:
            f.write("n\tmeasure\tmedian_ms\tpeak_kib\n")
            for n, name, ms, kib in rows:
                f.write("%d\t%s\t%.3f\t%d\n" % (n, name, ms, kib))


if __name__ == "__main__":
    sys.exit(main())

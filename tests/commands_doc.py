#!/usr/bin/env python3
"""commands_doc.py PARCOURS SOURCE_ROOT: the commands and options the
binary knows are the ones its bash completion offers and its manual page
documents, no more and no fewer, so that the three cannot drift apart.
The binary's own --help output is the reference."""
import os
import re
import subprocess
import sys

BIN, SRC = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
OPTION = re.compile(r"--[a-z][a-z-]*")
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)


def helptext(*args):
    return subprocess.run([BIN, *args], env=ENV, capture_output=True,
                          text=True, check=True).stdout


# The binary: command names from `parcours --help`, each command's
# options from the usage lines of `parcours NAME --help`.
top = helptext("--help")
commands = re.findall(r"^  ([a-z][a-z-]*)(?: |$)",
                      top.split("\nCommands:\n", 1)[1], re.M)
global_opts = set(OPTION.findall(top.split("\nCommands:\n", 1)[0]))
check(len(commands) >= 10, f"only {len(commands)} commands in --help")
options = {}
for name in commands:
    text = helptext(name, "--help")
    usage = re.match(r"Usage: parcours \S+(.*?)\n(?! )", text, re.S)
    check(usage is not None, f"{name} --help: no usage line")
    options[name] = set(OPTION.findall(usage.group(1) if usage else ""))
    options[name].add("--help")

# The bash completion.
bash = open(os.path.join(SRC, "tui", "parcours.bash")).read()
listed = re.search(r'local commands="([^"]*)"', bash).group(1).split()
check(sorted(listed) == sorted(commands),
      f"completion commands {sorted(listed)} != {sorted(commands)}")
completed_global = set(
    re.search(r'local global="([^"]*)"', bash).group(1).split())
check(completed_global == global_opts,
      f"completion global options {completed_global} != {global_opts}")
cases = dict(re.findall(r'^\t([a-z][a-z-]*)\) opts="([^"]*)"', bash, re.M))
for name in commands:
    offered = set(cases.get(name, "--help").split())
    check(offered == options[name],
          f"completion of {name}: {sorted(offered)} != "
          f"{sorted(options[name])}")
for name in cases:
    check(name in commands, f"completion has options for unknown {name}")

# The manual page: one .TP item per command in COMMANDS, its options in
# its synopsis; every global option in GLOBAL OPTIONS.
man = open(os.path.join(SRC, "tui", "parcours.1")).read()
plain = re.sub(r"\\f[BIRP]", "", man).replace("\\-", "-")
sections = dict(re.findall(r"^\.SH (.+?)\n(.*?)(?=^\.SH |\Z)", plain,
                           re.M | re.S))
items = {}
for item in sections["COMMANDS"].split("\n.TP\n")[1:]:
    name = re.match(r"\.B[RI]* ([a-z][a-z-]*)", item)
    check(name is not None, f"manual: an item without a command: {item!r}")
    if name:
        items[name.group(1)] = item
check(sorted(items) == sorted(commands),
      f"manual commands {sorted(items)} != {sorted(commands)}")
for name in commands:
    documented = set(OPTION.findall(items.get(name, ""))) | {"--help"}
    check(options[name] <= documented,
          f"manual entry of {name} lacks "
          f"{sorted(options[name] - documented)}")
man_global = set(OPTION.findall(sections["GLOBAL OPTIONS"]))
check(global_opts <= man_global,
      f"manual GLOBAL OPTIONS lacks {sorted(global_opts - man_global)}")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""eval_order.py SOURCE_ROOT: no call passes a variable's address to one
argument and the variable itself to another, as in
`form_edited(edit(.., &cause), cause, ..)`: C leaves the order in which
arguments are evaluated unspecified, so `cause` may be read before the
inner call sets it. Pass the address to both (form_edited takes
`char **`) or call first and keep the result."""
import glob
import os
import re
import sys

root = sys.argv[1]
found = []
checked = 0
for path in sorted(glob.glob(os.path.join(root, "core", "*.c")) +
                   glob.glob(os.path.join(root, "tui", "*.c"))):
    text = open(path, encoding="utf-8").read()
    # Comments and strings out, then one statement at a time.
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"),
                  text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    pos = 0
    for stmt in text.split(";"):
        line = text.count("\n", 0, pos) + 1
        pos += len(stmt) + 1
        for var in set(re.findall(r"&\s*(\w+)", stmt)):
            checked += 1
            # The address inside a nested call's parentheses, then the
            # variable alone as a later argument of the enclosing call.
            if re.search(r"\w+\s*\([^()]*(?:\([^()]*\)[^()]*)*&\s*" + var +
                         r"\b[^()]*\)\s*,\s*" + var + r"\s*[,)]", stmt):
                found.append(f"{os.path.relpath(path, root)}:{line}: "
                             f"'{var}' read beside a call that sets it")
for f in found:
    print("FAIL:", f)
print(f"{checked - len(found)} passed, {len(found)} failed")
sys.exit(1 if found else 0)

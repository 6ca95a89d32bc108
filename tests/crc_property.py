#!/usr/bin/env python3
"""codec_crc32 (slicing-by-8) against zlib.crc32 on random inputs of
every length up to 300 and a few long ones, at every offset 0..15."""
import random
import subprocess
import sys
import zlib

rng = random.Random(16)
cases = []
for n in list(range(0, 301)) + [1000, 4095, 4096, 4097, 65536]:
    for _ in range(3):
        data = bytes(rng.getrandbits(8) for _ in range(n))
        cases.append((rng.randrange(16), data))
cases.append((0, b"\xff" * 100))
cases.append((3, b"\x00" * 100))
stdin = "".join(f"{off} {data.hex()}\n" for off, data in cases)
out = subprocess.run([sys.argv[1]], input=stdin, capture_output=True,
                     text=True, check=True).stdout.split()
if len(out) != len(cases):
    sys.exit(f"{len(out)} answers for {len(cases)} inputs")
bad = 0
for (off, data), got in zip(cases, out):
    want = f"{zlib.crc32(data):08x}"
    if got != want:
        bad += 1
        if bad < 10:
            print(f"length {len(data)} offset {off}: {got}, zlib {want}")
sys.exit(1 if bad else 0)

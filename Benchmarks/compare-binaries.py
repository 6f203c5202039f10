#!/usr/bin/env python3
"""Two or more Mengvorm binaries on one site, alternating run by run (A, B, A, B ...), for a change
whose effect is smaller than the machine's drift between runs of Benchmarks/run.sh.

    Benchmarks/compare-binaries.py SITE ROUNDS BINARY...

Each run is a cold `build --no-cache` into a fresh output folder on tmpfs (/dev/shm/compare-out,
removed before each run, outside the timing); one warm-up round is not counted. Prints, per binary,
the median wall time, the median CPU time (user + system) and the fastest run.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 4:
    sys.exit(__doc__)
site, rounds, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
out = "/dev/shm/compare-out"
runs = {binary: [] for binary in binaries}
for round_number in range(rounds + 1):
    for binary in binaries:
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([binary, "build", "--source", site, "--output", out, "--no-cache"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if round_number > 0:
            runs[binary].append((wall, cpu))
shutil.rmtree(out, ignore_errors=True)
for binary in binaries:
    walls = [wall for wall, _ in runs[binary]]
    cpus = [cpu for _, cpu in runs[binary]]
    print(f"{binary}: median wall {statistics.median(walls):.3f} s, CPU {statistics.median(cpus):.2f} s, "
          f"fastest {min(walls):.3f} s ({len(walls)} runs)")

#!/usr/bin/env python3
"""Mengvorm vs Hugo on the same corpus, side by side in one run.

Called by run.sh and regression-check.sh (which install Hugo and the Mengvorm
binary first and pass them in HUGO_BIN / MENGVORM_BIN); see BENCHMARKS.md.

  bench.py run   [--sizes "100 1000 10000"] [--runs 5] [--target disk|shm|both]
                 [--kinds cold,rebuild,toolkit] [--tools hugo,mengvorm] [--variant NAME]
  bench.py check [--size 1000] [--runs 3] [--baseline baseline.json] [--factor 2] [--record]

Each measured run is one process started by this script and reaped with
os.wait4: wall time (perf_counter around spawn and reap), user+sys CPU and the
peak resident set (ru_maxrss) of that process. The same figures as
`/usr/bin/time -f '%e %U %S %M'`, with millisecond resolution.

Disk protocol (see BENCHMARKS.md, "Caveats"): this machine's / is ext4 without
a journal, and creating many files right after deleting many is slow there
(the inode allocator skips recently freed inodes). So a cold run on disk never
deletes the previous output: it is renamed into work/trash/ outside the timed
part, the trash is deleted when the script ends, and a script starting less
than 61 s after such a delete waits first. Outputs on tmpfs (/dev/shm) are
simply deleted before each run (outside the timed part).
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WORK = os.environ.get("BENCH_WORK", os.path.join(HERE, "work"))
SHM = os.environ.get("BENCH_SHM", "/dev/shm/mengvorm-bench")
TRASH = os.path.join(WORK, "trash")
LAST_DELETE = os.path.join(WORK, ".last-mass-delete")
NCPU = os.cpu_count() or 1
CLK_TCK = os.sysconf("SC_CLK_TCK")
IDLE_WAIT = int(os.environ.get("IDLE_WAIT", "0"))
IDLE_MAX = int(os.environ.get("IDLE_MAX", "20"))


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- machine state

def busy_cpu_seconds():
    """Busy CPU seconds of the whole machine since boot (all cores; not idle, not iowait)."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    values = [int(v) for v in fields[1:]]
    return (sum(values) - values[3] - values[4]) / CLK_TCK


def busy_percent(seconds=2.0):
    a = busy_cpu_seconds()
    time.sleep(seconds)
    return 100 * (busy_cpu_seconds() - a) / (seconds * NCPU)


def wait_idle():
    """With IDLE_WAIT=S, wait up to S seconds for the machine to be under IDLE_MAX % busy."""
    waited = 0
    while waited < IDLE_WAIT:
        p = busy_percent(3)
        if p <= IDLE_MAX:
            return
        log(f"  (machine {p:.0f}% busy, waiting)")
        time.sleep(7)
        waited += 10


# ---------------------------------------------------------------- disk protocol

def stash(path):
    """Moves an old output out of the way: renamed into the trash on disk, deleted on tmpfs."""
    if not os.path.lexists(path):
        return
    if path.startswith(SHM + "/"):
        shutil.rmtree(path)
        return
    os.makedirs(TRASH, exist_ok=True)
    os.rename(path, os.path.join(TRASH, str(time.time_ns())))


def note_mass_delete():
    os.makedirs(WORK, exist_ok=True)
    with open(LAST_DELETE, "w") as f:
        f.write(f"{time.time():.0f}\n")


def empty_trash():
    if os.path.isdir(TRASH):
        log("(deleting work/trash/)")
        shutil.rmtree(TRASH)
        os.sync()
        note_mass_delete()


def settle():
    """Empties the trash and lets freed inodes age for 61 s before a disk measurement."""
    empty_trash()
    try:
        last = float(open(LAST_DELETE).read())
    except (OSError, ValueError):
        return
    wait = 61 - (time.time() - last)
    if wait > 0:
        log(f"(waiting {wait:.0f} s for freed inodes to age; see BENCHMARKS.md, Caveats)")
        time.sleep(wait)


# ---------------------------------------------------------------- corpora and sites

def file_digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def ensure_corpus(n):
    """work/corpus-N/content, generated once (gen_corpus.py is deterministic)."""
    gen = os.path.join(HERE, "gen_corpus.py")
    folder = os.path.join(WORK, f"corpus-{n}")
    stamp = os.path.join(folder, ".stamp")
    want = f"{file_digest(gen)} {n}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return folder
    if os.path.exists(folder):
        stash(folder)
    log(f"== generating the {n}-page corpus")
    subprocess.run([sys.executable, gen, folder, str(n)], check=True, stdout=sys.stderr)
    with open(stamp, "w") as f:
        f.write(want)
    # The sites built from an older corpus are stale now.
    for site in (f"hugo-{n}", f"mengvorm-{n}"):
        stash(os.path.join(WORK, site))
    return folder


def link_tree(source, destination):
    """Hard-links a corpus into a site (cheap, and both tools read the same bytes)."""
    subprocess.run(["cp", "-al", source, destination], check=True)


def replace_tree(source, destination):
    if os.path.exists(destination):
        shutil.rmtree(destination)
    shutil.copytree(source, destination)


VARIANT = None


def overlay(source, destination):
    """Copies the files of a variant over the base theme."""
    for folder, _, files in os.walk(source):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), source)
            os.makedirs(os.path.dirname(os.path.join(destination, relative)), exist_ok=True)
            shutil.copyfile(os.path.join(folder, name), os.path.join(destination, relative))


def ensure_sites(n):
    """work/hugo-N (hugo.toml, layouts/, content/) and work/mengvorm-N (site.yml, Themes/bench/, Content/).
    With --variant NAME, the files of variants/NAME/{hugo-site,mengvorm-theme}/ replace the base ones."""
    corpus = ensure_corpus(n)
    hugo = os.path.join(WORK, f"hugo-{n}")
    meng = os.path.join(WORK, f"mengvorm-{n}")
    if not os.path.isdir(os.path.join(hugo, "content")):
        os.makedirs(hugo, exist_ok=True)
        link_tree(os.path.join(corpus, "content"), os.path.join(hugo, "content"))
    if not os.path.isdir(os.path.join(meng, "Content")):
        os.makedirs(meng, exist_ok=True)
        link_tree(os.path.join(corpus, "content"), os.path.join(meng, "Content"))
    # Theme and config are copied fresh each time (small), so edits to them take effect.
    shutil.copyfile(os.path.join(HERE, "hugo-site", "hugo.toml"), os.path.join(hugo, "hugo.toml"))
    replace_tree(os.path.join(HERE, "hugo-site", "layouts"), os.path.join(hugo, "layouts"))
    shutil.copyfile(os.path.join(HERE, "mengvorm-site", "site.yml"), os.path.join(meng, "site.yml"))
    replace_tree(os.path.join(HERE, "mengvorm-theme"), os.path.join(meng, "Themes", "bench"))
    if VARIANT:
        base = os.path.join(HERE, "variants", VARIANT)
        if not os.path.isdir(base):
            raise SystemExit(f"bench: no variant {VARIANT} in Benchmarks/variants/")
        overlay(os.path.join(base, "hugo-site"), hugo)
        overlay(os.path.join(base, "mengvorm-theme"), os.path.join(meng, "Themes", "bench"))
    return hugo, meng


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


# ---------------------------------------------------------------- one run

class Tool:
    """A command to time, with what makes its run cold (prepare)."""

    def __init__(self, name, cmd, out, prepare=None, env=None):
        self.name, self.cmd, self.out, self.prepare, self.env = name, cmd, out, prepare, env
        self.last_log = ""


def run_once(tool):
    if tool.prepare:
        tool.prepare()
    log_path = os.path.join(WORK, "last-run.log")
    env = dict(os.environ, **(tool.env or {}))
    with open(log_path, "wb") as out:
        b0 = busy_cpu_seconds()
        t0 = time.perf_counter()
        proc = subprocess.Popen(tool.cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        b1 = busy_cpu_seconds()
    proc.returncode = os.waitstatus_to_exitcode(status)
    tool.last_log = open(log_path, encoding="utf-8", errors="replace").read()
    if proc.returncode != 0:
        raise SystemExit(f"bench: {tool.name} failed (exit {proc.returncode}): {' '.join(tool.cmd)}\n{tool.last_log}")
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "wall_s": round(wall, 4),
        "user_s": round(usage.ru_utime, 3),
        "sys_s": round(usage.ru_stime, 3),
        "cpu_s": round(cpu, 3),
        "max_rss_mib": round(usage.ru_maxrss / 1024, 1),
        # CPU seconds other processes used during the run (for the background-load figure).
        "other_cpu_s": round(max(0.0, b1 - b0 - cpu), 2),
    }


def summarize(runs):
    wall = [r["wall_s"] for r in runs]
    other = sum(r["other_cpu_s"] for r in runs)
    return {
        "median_wall_s": round(statistics.median(wall), 4),
        "min_wall_s": round(min(wall), 4),
        "max_wall_s": round(max(wall), 4),
        "median_cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 3),
        "median_max_rss_mib": round(statistics.median(r["max_rss_mib"] for r in runs), 1),
        "background_pct": round(100 * other / (sum(wall) * NCPU), 0),
    }


def measure(kind, size, target, tools, runs, warmup):
    """Alternates the tools run by run (A, B, A, B ...); the first `warmup` rounds are not counted."""
    wait_idle()
    collected = {t.name: [] for t in tools}
    for i in range(warmup + runs):
        for tool in tools:
            result = run_once(tool)
            if i >= warmup:
                collected[tool.name].append(result)
    rows = []
    for tool in tools:
        row = {"kind": kind, "size": size, "target": target, "tool": tool.name,
               "command": " ".join(tool.cmd), "runs": collected[tool.name]}
        row.update(summarize(collected[tool.name]))
        row["output_files"] = count_files(tool.out) if os.path.isdir(tool.out) else None
        if tool.name.startswith("mengvorm"):
            row["last_output"] = tool.last_log.strip()
        rows.append(row)
        log(f"   {kind:8} {target:4} {size!s:>6} {tool.name:17} median {row['median_wall_s']:.3f} s wall, "
            f"{row['median_cpu_s']:.2f} s CPU, {row['median_max_rss_mib']:.0f} MiB, bg {row['background_pct']:.0f}%")
    return rows


# ---------------------------------------------------------------- the tools

def out_root(target):
    return SHM if target == "shm" else os.path.join(WORK, "out")


def hugo_tool(n, target, cold=True, label="hugo"):
    site = os.path.join(WORK, f"hugo-{n}")
    out = os.path.join(out_root(target), f"hugo-{n}")
    cache = os.path.join(WORK, "hugo-cache")

    def prepare():
        stash(out)
        for extra in (os.path.join(site, "resources"), cache):
            shutil.rmtree(extra, ignore_errors=True)
        lock = os.path.join(site, ".hugo_build.lock")
        if os.path.exists(lock):
            os.remove(lock)

    cmd = [os.environ["HUGO_BIN"], "--source", site, "--quiet", "-d", out]
    return Tool(label, cmd, out, prepare if cold else None, {"HUGO_CACHEDIR": cache})


def mengvorm_tool(site, out, cold=True, label="mengvorm"):
    def prepare():
        stash(out)
        # Staging and old folders a killed build left beside the output (.NAME.staging-PID, .NAME.old-PID).
        parent, name = os.path.split(out)
        if os.path.isdir(parent):
            for entry in os.listdir(parent):
                if entry.startswith(f".{name}.staging-") or entry.startswith(f".{name}.old-"):
                    stash(os.path.join(parent, entry))

    cmd = [os.environ["MENGVORM_BIN"], "build", "--source", site, "--output", out]
    return Tool(label, cmd, out, prepare if cold else None)


def mengvorm_corpus_tool(n, target, cold=True):
    return mengvorm_tool(os.path.join(WORK, f"mengvorm-{n}"), os.path.join(out_root(target), f"mengvorm-{n}"), cold)


# ---------------------------------------------------------------- reporting

def ratio(a, b):
    return round(a / b, 2) if b else None


def add_ratios(rows):
    """Mengvorm/Hugo ratios on each Mengvorm row, against the Hugo row of the same measurement."""
    for row in rows:
        if not row["tool"].startswith("mengvorm"):
            continue
        ref_size = 100 if row["kind"] == "toolkit" else row["size"]
        ref_kind = "toolkit" if row["kind"] == "toolkit" else row["kind"]
        hugo = next((r for r in rows if r["tool"] == "hugo" and r["kind"] == ref_kind
                     and r["size"] == ref_size and r["target"] == row["target"]), None)
        if hugo:
            row["ratio_wall"] = ratio(row["median_wall_s"], hugo["median_wall_s"])
            row["ratio_cpu"] = ratio(row["median_cpu_s"], hugo["median_cpu_s"])
            row["ratio_rss"] = ratio(row["median_max_rss_mib"], hugo["median_max_rss_mib"])


def fmt(value, digits):
    return "" if value is None else f"{value:,.{digits}f}"


def markdown_table(rows):
    lines = [
        "| measurement | output | pages | tool | median wall s | median CPU s | median peak MiB "
        "| M/H wall | M/H CPU | M/H peak | bg % |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        size = r["size"] if isinstance(r["size"], str) else f"{r['size']:,}"
        lines.append(
            f"| {r['kind']} | {'tmpfs' if r['target'] == 'shm' else 'disk'} | {size} | {r['tool']} "
            f"| {fmt(r['median_wall_s'], 3)} | {fmt(r['median_cpu_s'], 2)} | {fmt(r['median_max_rss_mib'], 0)} "
            f"| {fmt(r.get('ratio_wall'), 2)} | {fmt(r.get('ratio_cpu'), 2)} | {fmt(r.get('ratio_rss'), 2)} "
            f"| {r['background_pct']:.0f} |")
    return "\n".join(lines)


def git_commit():
    """The checked-out commit, read from .git without running git."""
    try:
        head = open(os.path.join(REPO, ".git", "HEAD")).read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        path = os.path.join(REPO, ".git", ref)
        if os.path.exists(path):
            return open(path).read().strip()
        for line in open(os.path.join(REPO, ".git", "packed-refs")):
            if line.strip().endswith(" " + ref):
                return line.split()[0]
    except OSError:
        pass
    return None


def metadata(args_line):
    mbin = os.environ["MENGVORM_BIN"]
    hugo_version = subprocess.run([os.environ["HUGO_BIN"], "version"], capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": args_line,
        "machine": {"cpus": NCPU, "kernel": platform.release(),
                    "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
        "hugo": hugo_version,
        "mengvorm_bin": mbin,
        "mengvorm_bin_sha256": file_digest(mbin),
        "mengvorm_bin_mtime": datetime.datetime.fromtimestamp(os.path.getmtime(mbin), datetime.timezone.utc)
                                  .isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "variant": VARIANT or "base",
        "timer": "os.wait4 per process (wall, user+sys, ru_maxrss)",
    }


# ---------------------------------------------------------------- commands

def cmd_run(args):
    sizes = [int(s) for s in args.sizes.replace(",", " ").split()]
    targets = ["disk", "shm"] if args.target == "both" else [args.target]
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(SHM, exist_ok=True)
    for n in sorted(set(sizes + ([100] if "toolkit" in kinds and "hugo" in tools else []))):
        ensure_sites(n)
    if "disk" in targets:
        settle()
    meta = metadata(" ".join(sys.argv))
    log(f"Hugo: {meta['hugo']}\nMengvorm: {meta['mengvorm_bin']} (built {meta['mengvorm_bin_mtime']})")
    rows = []
    try:
        # Cold start on the shipped toolkit first (small), next to Hugo's 100-page cold build.
        if "toolkit" in kinds:
            for target in targets:
                log(f"== toolkit cold start ({target}) vs Hugo 100 pages")
                pair = []
                if "hugo" in tools:
                    pair.append(hugo_tool(100, target))
                if "mengvorm" in tools:
                    pair.append(mengvorm_tool(REPO, os.path.join(out_root(target), "toolkit"), label="mengvorm-toolkit"))
                rows += measure("toolkit", "toolkit", target, pair, args.runs, args.warmup)
                for row in rows:
                    if row["kind"] == "toolkit" and row["tool"] == "hugo":
                        row["size"] = 100
        # Cold builds: fresh output folder each run.
        if "cold" in kinds:
            for n in sizes:
                for target in targets:
                    log(f"== cold build, {n} pages, output to {target}")
                    pair = []
                    if "hugo" in tools:
                        pair.append(hugo_tool(n, target))
                    if "mengvorm" in tools:
                        pair.append(mengvorm_corpus_tool(n, target))
                    rows += measure("cold", n, target, pair, args.runs, args.warmup)
        # No-change rebuilds last: Mengvorm deletes its previous output inside its run, which on
        # disk slows whatever creates files in the minutes after it (tmpfs first for that reason).
        if "rebuild" in kinds:
            for target in [t for t in ("shm", "disk") if t in targets]:
                for n in sizes:
                    log(f"== no-change rebuild, {n} pages, output to {target}")
                    pair = []
                    if "hugo" in tools:
                        pair.append(hugo_tool(n, target, cold=False))
                    if "mengvorm" in tools:
                        pair.append(mengvorm_corpus_tool(n, target, cold=False))
                    rows += measure("rebuild", n, target, pair, args.runs, max(1, args.warmup))
                    if target == "disk":
                        note_mass_delete()
    finally:
        if "disk" in targets:
            empty_trash()
    add_ratios(rows)
    if not rows:
        log("nothing measured (--kinds names none of toolkit, cold, rebuild)")
        return
    result = {"meta": meta, "runs_per_measurement": args.runs, "warmup": args.warmup, "results": rows}
    path = args.json or os.path.join(WORK, "results.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    table = markdown_table(rows)
    with open(os.path.splitext(path)[0] + ".md", "w") as f:
        f.write(table + "\n")
    print(table)
    log(f"\nresults: {os.path.relpath(path, REPO)} (and .md); M/H = Mengvorm / Hugo (below 1: Mengvorm is faster or smaller)")
    notes = sorted({r["last_output"] for r in rows if r.get("last_output")})
    if notes:
        log("Mengvorm's output (last run of each measurement):\n  " + "\n  ".join(n.replace("\n", "\n  ") for n in notes))


def check_once(n, target, args):
    """One measurement for the regression check: (hugo row, mengvorm row, ratio of median walls)."""
    if target == "disk":
        settle()
    try:
        hugo, meng = measure("cold", n, target, [hugo_tool(n, target), mengvorm_corpus_tool(n, target)],
                             args.runs, args.warmup)
    finally:
        if target == "disk":
            empty_trash()
    current = meng["median_wall_s"] / hugo["median_wall_s"]
    print(f"hugo:     median {hugo['median_wall_s']:.3f} s wall of {args.runs} cold builds "
          f"({hugo['median_cpu_s']:.2f} s CPU, {hugo['median_max_rss_mib']:.0f} MiB), {n} pages, output to {target}")
    print(f"mengvorm: median {meng['median_wall_s']:.3f} s wall of {args.runs} cold builds "
          f"({meng['median_cpu_s']:.2f} s CPU, {meng['median_max_rss_mib']:.0f} MiB)")
    print(f"background load during the runs: {max(hugo['background_pct'], meng['background_pct']):.0f}% of the cores")
    return hugo, meng, current


def cmd_check(args):
    """Regression check: ratio of medians at one size, against the recorded baseline.
    A failing measurement is repeated once (other sessions' load on the 2 cores can skew one);
    the check fails only when both attempts exceed the limit."""
    n = args.size
    os.makedirs(WORK, exist_ok=True)
    target = args.target
    if target == "shm" and not os.path.isdir(os.path.dirname(SHM)):
        target = "disk"
    os.makedirs(SHM, exist_ok=True)
    ensure_sites(n)
    hugo, meng, current = check_once(n, target, args)
    if args.record:
        meta = metadata(" ".join(sys.argv))
        baseline = {
            "description": "Mengvorm/Hugo wall-time ratio for regression-check.sh (medians of cold builds, alternating runs)",
            "size": n, "target": target, "runs": args.runs,
            "ratio_wall": round(current, 3),
            "mengvorm_median_wall_s": meng["median_wall_s"], "hugo_median_wall_s": hugo["median_wall_s"],
            "mengvorm_median_cpu_s": meng["median_cpu_s"], "hugo_median_cpu_s": hugo["median_cpu_s"],
            "mengvorm_median_max_rss_mib": meng["median_max_rss_mib"], "hugo_median_max_rss_mib": hugo["median_max_rss_mib"],
            "background_pct": max(hugo["background_pct"], meng["background_pct"]),
            "recorded": meta["date"], "hugo": meta["hugo"], "git_commit": meta["git_commit"],
            "mengvorm_bin_sha256": meta["mengvorm_bin_sha256"],
        }
        with open(args.baseline, "w") as f:
            json.dump(baseline, f, indent=1)
            f.write("\n")
        print(f"recorded ratio mengvorm/hugo = {current:.3f} in {os.path.relpath(args.baseline, REPO)}")
        cleanup_shm(n, target)
        return 0
    try:
        recorded = json.load(open(args.baseline))["ratio_wall"]
    except (OSError, ValueError, KeyError) as error:
        print(f"regression-check: cannot read the baseline {args.baseline}: {error}")
        print("regression-check: 0 passed, 1 failed")
        return 1
    limit = recorded * args.factor
    print(f"ratio mengvorm/hugo: current {current:.3f}, recorded {recorded:.3f}, limit {limit:.3f} ({args.factor:g} x recorded)")
    if current > limit and args.retries > 0:
        print("over the limit: measuring once more, in case other processes skewed this one")
        _, _, again = check_once(n, target, args)
        print(f"ratio mengvorm/hugo, second attempt: {again:.3f}")
        current = min(current, again)
    ok = current <= limit
    print(f"verdict: {'PASS' if ok else 'FAIL'}: current ratio {current:.3f} is {current / recorded:.2f} x the recorded "
          f"{recorded:.3f} ({'within' if ok else 'over'} the limit of {args.factor:g} x)")
    print(f"regression-check: {1 if ok else 0} passed, {0 if ok else 1} failed")
    cleanup_shm(n, target)
    return 0 if ok else 1


def cleanup_shm(n, target):
    """The check's outputs on tmpfs are RAM: remove them when done (the corpus stays cached on disk)."""
    if target == "shm":
        for name in (f"hugo-{n}", f"mengvorm-{n}"):
            shutil.rmtree(os.path.join(SHM, name), ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="the full benchmark")
    run.add_argument("--sizes", default="100 1000 10000")
    run.add_argument("--runs", type=int, default=5)
    run.add_argument("--warmup", type=int, default=1)
    run.add_argument("--target", choices=["disk", "shm", "both"], default="both")
    run.add_argument("--kinds", default="toolkit,cold,rebuild")
    run.add_argument("--tools", default="hugo,mengvorm")
    run.add_argument("--json", help="default: work/results.json")
    run.add_argument("--variant", help="overlay variants/NAME/ on both themes (e.g. marked)")
    check = sub.add_parser("check", help="the regression check")
    check.add_argument("--size", type=int, default=1000)
    check.add_argument("--runs", type=int, default=3)
    check.add_argument("--warmup", type=int, default=1)
    check.add_argument("--target", choices=["disk", "shm"], default="shm")
    check.add_argument("--baseline", default=os.path.join(HERE, "baseline.json"))
    check.add_argument("--factor", type=float, default=2.0)
    check.add_argument("--record", action="store_true", help="write the baseline from this measurement")
    check.add_argument("--retries", type=int, default=1, help="re-measure once when over the limit (0: never)")
    args = parser.parse_args()
    if args.command == "run":
        global VARIANT
        VARIANT = args.variant
        cmd_run(args)
        return 0
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())

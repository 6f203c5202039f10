#!/usr/bin/env python3
"""Mengvorm vs Hugo on the same corpus, side by side in one run.

Called by run.sh and regression-check.sh (which install Hugo and the Mengvorm
binary first and pass them in HUGO_BIN / MENGVORM_BIN); see BENCHMARKS.md.

  bench.py run   [--sizes "100 1000 10000"] [--runs 5] [--target disk|shm|both]
                 [--kinds toolkit,cold,rebuild,default,cache,floor] [--tools hugo,mengvorm]
                 [--theme bench|default|both] [--variant NAME]
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
import resource
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


# The regression check sets this to IDLE_WAIT: one budget of waiting for all its measurements together,
# so that its several measurements on a busy machine do not add up to minutes.
IDLE_BUDGET = None


def wait_idle():
    """With IDLE_WAIT=S, wait up to S seconds for the machine to be under IDLE_MAX % busy."""
    global IDLE_BUDGET
    limit = IDLE_WAIT if IDLE_BUDGET is None else IDLE_BUDGET
    waited = 0
    while waited < limit:
        p = busy_percent(3)
        if p <= IDLE_MAX:
            break
        log(f"  (machine {p:.0f}% busy, waiting)")
        time.sleep(7)
        waited += 10
    if IDLE_BUDGET is not None:
        IDLE_BUDGET = max(0, IDLE_BUDGET - waited)


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
    """sha256 in chunks: reading the 50 MB binary at once would raise this process's peak RSS, and a child's
    ru_maxrss starts at its parent's peak (Linux carries the high-water mark across exec)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def own_peak_mib():
    """This script's peak RSS: the lowest peak a measured process can show (see file_digest)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


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
    for site in (f"hugo-{n}", f"mengvorm-{n}", f"mengvorm-default-{n}"):
        stash(os.path.join(WORK, site))
    return folder


def link_tree(source, destination):
    """Hard-links a corpus into a site (cheap, and both tools read the same bytes)."""
    subprocess.run(["cp", "-al", source, destination], check=True)


def replace_file(source, destination):
    """Copies a file as a new file renamed into place: the old one may be a hard link (a site folder
    copied with cp -al), and writing it in place would change every linked copy."""
    temporary = destination + ".bench-new"
    if os.path.lexists(temporary):
        os.remove(temporary)
    shutil.copyfile(source, temporary)
    os.replace(temporary, destination)


def replace_tree(source, destination):
    if os.path.exists(destination):
        shutil.rmtree(destination)
    shutil.copytree(source, destination)


VARIANT = None
KINDS = ("toolkit", "cold", "rebuild", "default", "cache", "floor")


def overlay(source, destination):
    """Copies the files of a variant over the base theme."""
    for folder, _, files in os.walk(source):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), source)
            os.makedirs(os.path.dirname(os.path.join(destination, relative)), exist_ok=True)
            replace_file(os.path.join(folder, name), os.path.join(destination, relative))


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
    replace_file(os.path.join(HERE, "hugo-site", "hugo.toml"), os.path.join(hugo, "hugo.toml"))
    replace_tree(os.path.join(HERE, "hugo-site", "layouts"), os.path.join(hugo, "layouts"))
    replace_file(os.path.join(HERE, "mengvorm-site", "site.yml"), os.path.join(meng, "site.yml"))
    replace_tree(os.path.join(HERE, "mengvorm-theme"), os.path.join(meng, "Themes", "bench"))
    if VARIANT:
        base = os.path.join(HERE, "variants", VARIANT)
        if not os.path.isdir(base):
            raise SystemExit(f"bench: no variant {VARIANT} in Benchmarks/variants/")
        overlay(os.path.join(base, "hugo-site"), hugo)
        overlay(os.path.join(base, "mengvorm-theme"), os.path.join(meng, "Themes", "bench"))
    return hugo, meng


def ensure_default_site(n):
    """work/mengvorm-default-N: the same Content/ (hard links), site-default.yml as site.yml and the
    repository's Themes/default, copied fresh each time like the bench theme."""
    corpus = ensure_corpus(n)
    site = os.path.join(WORK, f"mengvorm-default-{n}")
    if not os.path.isdir(os.path.join(site, "Content")):
        os.makedirs(site, exist_ok=True)
        link_tree(os.path.join(corpus, "content"), os.path.join(site, "Content"))
    replace_file(os.path.join(HERE, "mengvorm-site", "site-default.yml"), os.path.join(site, "site.yml"))
    replace_tree(os.path.join(REPO, "Themes", "default"), os.path.join(site, "Themes", "default"))
    return site


def site_folder(theme, n):
    return os.path.join(WORK, f"mengvorm-{n}" if theme == "bench" else f"mengvorm-{theme}-{n}")


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


# ---------------------------------------------------------------- one run

class Tool:
    """A command to time, with what makes its run cold (prepare)."""

    def __init__(self, name, cmd, out, prepare=None, env=None, ref=None, note=None, theme=None):
        self.name, self.cmd, self.out, self.prepare, self.env = name, cmd, out, prepare, env
        # ref: the tool of the same measurement this one is divided by in the "vs" columns.
        self.ref, self.note, self.theme = ref, note, theme
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


def drop_extra_outputs(tools, target, n):
    """tmpfs is RAM: the outputs only the default, floor and cache kinds write go when they are measured
    (hugo-N and mengvorm-N stay, as the cold kind leaves them)."""
    if target != "shm":
        return
    for tool in tools:
        if os.path.basename(tool.out) not in (f"hugo-{n}", f"mengvorm-{n}"):
            shutil.rmtree(tool.out, ignore_errors=True)


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
        for key in ("ref", "note", "theme"):
            if getattr(tool, key):
                row[key] = getattr(tool, key)
        if tool.name.startswith("mengvorm"):
            row["last_output"] = tool.last_log.strip()
        rows.append(row)
        log(f"   {kind:8} {target:4} {size!s:>6} {tool.name:23} median {row['median_wall_s']:.3f} s wall, "
            f"{row['median_cpu_s']:.2f} s CPU, {row['median_max_rss_mib']:.0f} MiB, bg {row['background_pct']:.0f}%"
            + (f" ({tool.note})" if tool.note else ""))
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


def remove_output(out):
    stash(out)
    # Staging and old folders a killed build left beside the output (.NAME.staging-PID, .NAME.old-PID).
    parent, name = os.path.split(out)
    if os.path.isdir(parent):
        for entry in os.listdir(parent):
            if entry.startswith(f".{name}.staging-") or entry.startswith(f".{name}.old-"):
                stash(os.path.join(parent, entry))


def mengvorm_tool(site, out, cold=True, label="mengvorm", args=(), prefix=(), before=None, **extra):
    """`mengvorm build`; cold: the output removed first. before: run before each build (untimed)."""
    def prepare():
        if cold:
            remove_output(out)
        if before:
            before()

    cmd = list(prefix) + [os.environ["MENGVORM_BIN"], "build", "--source", site, "--output", out] + list(args)
    return Tool(label, cmd, out, prepare if cold or before else None, **extra)


def mengvorm_corpus_tool(n, target, cold=True, label="mengvorm", **extra):
    return mengvorm_tool(os.path.join(WORK, f"mengvorm-{n}"), os.path.join(out_root(target), f"mengvorm-{n}"), cold,
                         label, theme="bench", **extra)


def mengvorm_default_tool(n, target, label="mengvorm-default", **extra):
    """A cold build of work/mengvorm-default-N (the shipped default theme)."""
    return mengvorm_tool(site_folder("default", n), os.path.join(out_root(target), f"mengvorm-default-{n}"),
                         label=label, theme="default", **extra)


_CACHE_SUPPORTED = None


def cache_supported():
    """Whether the binary has the persistent build cache (`mengvorm build --help` names --no-cache)."""
    global _CACHE_SUPPORTED
    if _CACHE_SUPPORTED is None:
        done = subprocess.run([os.environ["MENGVORM_BIN"], "build", "--help"], capture_output=True, text=True)
        _CACHE_SUPPORTED = "--no-cache" in done.stdout + done.stderr
        if not _CACHE_SUPPORTED:
            log("(this Mengvorm has no build cache: `build --help` names no --no-cache; the cache rows are plain rebuilds)")
    return _CACHE_SUPPORTED


class PageEdit:
    """One page of a site's Content/ changed before each run: the corpus text plus a sentence that names
    the run, so that its text differs from every earlier run's. Content/ holds hard links shared with the
    corpus and the other sites, so the file is never written in place: a new file is written beside it
    and renamed over it, and restore() puts the hard link to the corpus file back the same way."""

    def __init__(self, site, n):
        content = os.path.join(site, "Content")
        self.path = first_page(content)
        self.original = os.path.join(WORK, f"corpus-{n}", "content", os.path.relpath(self.path, content))
        self.temporary = self.path + ".bench-edit"
        self.count = 0
        if not os.path.samefile(self.path, self.original):
            self.restore()  # left edited by an interrupted run

    def apply(self):
        self.count += 1
        text = open(self.original, "rb").read().rstrip(b"\n")
        sentence = f"\n\nDeze zin is bewerking {self.count} van de benchmark, zodat de tekst elke keer anders is.\n"
        if os.path.lexists(self.temporary):
            os.remove(self.temporary)
        # "x": a new file, never an existing one (which could be a hard link into the corpus).
        with open(self.temporary, "xb") as f:
            f.write(text + sentence.encode())
        os.replace(self.temporary, self.path)

    def restore(self):
        if os.path.lexists(self.temporary):
            os.remove(self.temporary)
        # (rename() over a hard link of the same file does nothing and would leave the new link behind.)
        if not os.path.samefile(self.path, self.original):
            os.link(self.original, self.temporary)
            os.replace(self.temporary, self.path)


def first_page(content):
    """The first regular page (not _index.md) in sorted order, deterministic for a corpus."""
    for folder, folders, files in os.walk(content):
        folders.sort()
        pages = sorted(f for f in files if f.endswith(".md") and not f.startswith("_"))
        if pages:
            return os.path.join(folder, pages[0])
    raise SystemExit(f"bench: no page to edit in {content}")


def cache_tools(n, target, theme):
    """cold (--no-cache, removed output), no-change and one-edit (both over one output folder with its
    cache), for one theme; the one-edit's edit (restore it when done)."""
    site = site_folder(theme, n)
    name = "mengvorm" if theme == "bench" else f"mengvorm-{theme}"
    supported = cache_supported()
    note = None if supported else "cache not supported"
    cold_label = f"{name}-cold"
    cold = mengvorm_tool(site, os.path.join(out_root(target), f"{name}-cache-cold-{n}"), label=cold_label,
                         args=["--no-cache"] if supported else [], note=note, theme=theme)
    warm = os.path.join(out_root(target), f"{name}-cache-{n}")
    # Built afresh by the warm-up round (not an output and cache left by another binary).
    remove_output(warm)
    edit = PageEdit(site, n)
    no_change = mengvorm_tool(site, warm, cold=False, label=f"{name}-no-change", ref=cold_label, note=note, theme=theme)
    one_edit = mengvorm_tool(site, warm, cold=False, label=f"{name}-one-edit", before=edit.apply, ref=cold_label,
                             note=note, theme=theme)
    return [cold, no_change, one_edit], edit


def floor_binary():
    """Compiles shared/bench/cmark_floor.c (beside the checkout) into work/cmark_floor; None if missing."""
    source = os.environ.get("FLOOR_SOURCE", os.path.join(os.path.dirname(REPO), "shared", "bench", "cmark_floor.c"))
    if not os.path.exists(source):
        log(f"bench: floor skipped: no {source} (shared/bench/ beside the checkout; FLOOR_SOURCE=path names another)")
        return None
    binary = os.path.join(WORK, "cmark_floor")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        done = subprocess.run(["cc", "-O2", "-o", binary, source, "-lcmark"], capture_output=True, text=True)
        if done.returncode != 0:
            log(f"bench: floor skipped: cc -O2 -o {binary} {source} -lcmark failed:\n{done.stderr.strip()}")
            return None
    return binary


def floor_tools(n, target, binary):
    """The C floor (read, libcmark, write; one thread) next to Mengvorm cold, on both cores and on one."""
    out = os.path.join(out_root(target), f"cmark-floor-{n}")
    tools = [Tool("cmark-floor", [binary, os.path.join(WORK, f"corpus-{n}", "content"), out], out,
                  lambda: stash(out)),
             mengvorm_corpus_tool(n, target, ref="cmark-floor")]
    if shutil.which("taskset"):
        tools.append(mengvorm_tool(os.path.join(WORK, f"mengvorm-{n}"), os.path.join(out_root(target), f"mengvorm-1core-{n}"),
                                   label="mengvorm-1core", prefix=["taskset", "-c", "0"], ref="cmark-floor", theme="bench"))
    else:
        log("bench: no taskset: the mengvorm-1core row is left out")
    return tools


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
    # This row / its reference row of the same measurement (default theme / bench theme, no-change / cold,
    # Mengvorm / the C floor).
    for row in rows:
        if not row.get("ref"):
            continue
        ref = next((r for r in rows if r["tool"] == row["ref"] and r["kind"] == row["kind"]
                    and r["size"] == row["size"] and r["target"] == row["target"]), None)
        if ref:
            row["ref_wall"] = ratio(row["median_wall_s"], ref["median_wall_s"])
            row["ref_cpu"] = ratio(row["median_cpu_s"], ref["median_cpu_s"])
            row["ref_rss"] = ratio(row["median_max_rss_mib"], ref["median_max_rss_mib"])


def fmt(value, digits):
    return "" if value is None else f"{value:,.{digits}f}"


def markdown_table(rows):
    """One row per tool and measurement. M/H: against Hugo in the same measurement; vs: against the row
    named there (default theme / bench theme, cached rebuild / cold, Mengvorm / C floor). The vs and
    note columns are there only when a row has them."""
    with_ref = any(r.get("ref") for r in rows)
    with_note = any(r.get("note") for r in rows)
    header = ("| measurement | output | pages | tool | median wall s | median CPU s | median peak MiB "
              "| M/H wall | M/H CPU | M/H peak | bg % |")
    rule = "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    if with_ref:
        header += " vs | wall ÷ vs | CPU ÷ vs | peak ÷ vs |"
        rule += " --- | ---: | ---: | ---: |"
    if with_note:
        header += " note |"
        rule += " --- |"
    lines = [header, rule]
    for r in rows:
        size = r["size"] if isinstance(r["size"], str) else f"{r['size']:,}"
        line = (f"| {r['kind']} | {'tmpfs' if r['target'] == 'shm' else 'disk'} | {size} | {r['tool']} "
                f"| {fmt(r['median_wall_s'], 3)} | {fmt(r['median_cpu_s'], 2)} | {fmt(r['median_max_rss_mib'], 0)} "
                f"| {fmt(r.get('ratio_wall'), 2)} | {fmt(r.get('ratio_cpu'), 2)} | {fmt(r.get('ratio_rss'), 2)} "
                f"| {r['background_pct']:.0f} |")
        if with_ref:
            line += (f" {r.get('ref', '')} | {fmt(r.get('ref_wall'), 2)} | {fmt(r.get('ref_cpu'), 2)} "
                     f"| {fmt(r.get('ref_rss'), 2)} |")
        if with_note:
            line += f" {r.get('note', '')} |"
        lines.append(line)
    return "\n".join(lines)


def git_commit():
    """The checked-out commit, read from .git without running git (also in a worktree, where .git is a
    file naming the worktree's git folder, and the branches live in the main one's)."""
    try:
        git = os.path.join(REPO, ".git")
        if os.path.isfile(git):
            git = os.path.join(REPO, open(git).read().split("gitdir:", 1)[1].strip())
        common = git
        if os.path.exists(os.path.join(git, "commondir")):
            common = os.path.join(git, open(os.path.join(git, "commondir")).read().strip())
        head = open(os.path.join(git, "HEAD")).read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        for folder in (git, common):
            path = os.path.join(folder, ref)
            if os.path.exists(path):
                return open(path).read().strip()
        for line in open(os.path.join(common, "packed-refs")):
            if line.strip().endswith(" " + ref):
                return line.split()[0]
    except (OSError, IndexError):
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
        # ru_maxrss of a child is never below its parent's peak at the fork (Linux keeps it across exec).
        "rss_floor_mib": own_peak_mib(),
    }


# ---------------------------------------------------------------- commands

def cmd_run(args):
    sizes = [int(s) for s in args.sizes.replace(",", " ").split()]
    targets = ["disk", "shm"] if args.target == "both" else [args.target]
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(SHM, exist_ok=True)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise SystemExit(f"bench: unknown kind {', '.join(unknown)} (known: {', '.join(KINDS)})")
    if args.theme:
        cache_themes = ["bench", "default"] if args.theme == "both" else [args.theme]
    else:
        cache_themes = ["bench", "default"] if "default" in kinds else ["bench"]
    for n in sorted(set(sizes + ([100] if "toolkit" in kinds and "hugo" in tools else []))):
        ensure_sites(n)
        if n in sizes and ("default" in kinds or ("cache" in kinds and "default" in cache_themes)):
            ensure_default_site(n)
    floor = floor_binary() if "floor" in kinds else None
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
        # The shipped default theme next to the bench theme (and Hugo), cold each run.
        if "default" in kinds:
            for n in sizes:
                for target in targets:
                    log(f"== default theme vs bench theme, cold, {n} pages, output to {target}")
                    group = [hugo_tool(n, target)] if "hugo" in tools else []
                    group += [mengvorm_corpus_tool(n, target), mengvorm_default_tool(n, target, ref="mengvorm")]
                    rows += measure("default", n, target, group, args.runs, args.warmup)
                    drop_extra_outputs(group, target, n)
        # The C floor (read, libcmark, write) next to Mengvorm's cold build, on both cores and on one.
        if floor:
            for n in sizes:
                for target in targets:
                    log(f"== C floor (cmark_floor) vs Mengvorm cold, {n} pages, output to {target}")
                    group = floor_tools(n, target, floor)
                    rows += measure("floor", n, target, group, args.runs, args.warmup)
                    drop_extra_outputs(group, target, n)
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
        # The build cache: cold (--no-cache), no-change and one page edited, per theme, alternating.
        # At least one warm-up round: it builds the output (and cache) the next rounds rebuild.
        if "cache" in kinds:
            for target in [t for t in ("shm", "disk") if t in targets]:
                for n in sizes:
                    for theme in cache_themes:
                        log(f"== build cache ({theme} theme): cold, no-change, one page edited, {n} pages, output to {target}")
                        group, edit = cache_tools(n, target, theme)
                        try:
                            rows += measure("cache", n, target, group, args.runs, max(1, args.warmup))
                        finally:
                            edit.restore()
                            drop_extra_outputs(group, target, n)
                        if target == "disk":
                            note_mass_delete()
    finally:
        if "disk" in targets:
            empty_trash()
    add_ratios(rows)
    if not rows:
        log("nothing measured")
        return
    meta["rss_floor_mib"] = own_peak_mib()
    result = {"meta": meta, "runs_per_measurement": args.runs, "warmup": args.warmup, "results": rows}
    path = args.json or os.path.join(WORK, "results.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    table = markdown_table(rows)
    with open(os.path.splitext(path)[0] + ".md", "w") as f:
        f.write(table + "\n")
    print(table)
    log(f"\nresults: {os.path.relpath(path, REPO)} (and .md); M/H = Mengvorm / Hugo (below 1: Mengvorm is faster or smaller)"
        + ("; vs: this row / the row named (same measurement)" if any(r.get("ref") for r in rows) else "")
        + f"; a peak is never shown below this script's own, {meta['rss_floor_mib']:.0f} MiB")
    notes = sorted({r["last_output"] for r in rows if r.get("last_output")})
    if notes:
        log("Mengvorm's output (last run of each measurement):\n  " + "\n  ".join(n.replace("\n", "\n  ") for n in notes))


# The regression check's three ratios, each from its own alternating measurement at one size:
#   key in baseline.json, label, what is divided by what.
CHECKS = (
    (None, "mengvorm/hugo", "Mengvorm / Hugo, cold builds"),
    ("default_theme", "default/bench", "default theme / bench theme, Mengvorm cold builds"),
    ("cache", "no-change/cold", "no-change rebuild with the cache / cold build with --no-cache, bench theme"),
)


def check_tools(key, n, target):
    """(denominator, numerator) tools of one check, plus what to undo afterwards."""
    if key is None:
        return [hugo_tool(n, target), mengvorm_corpus_tool(n, target)], None
    if key == "default_theme":
        return [mengvorm_corpus_tool(n, target), mengvorm_default_tool(n, target)], None
    group, edit = cache_tools(n, target, "bench")
    return group[:2], edit


def check_once(key, n, target, args):
    """One measurement for one check: (denominator row, numerator row, ratio of median walls)."""
    if target == "disk":
        settle()
    tools, edit = check_tools(key, n, target)
    try:
        # The cache check needs a warm-up round in any case: it builds the output the no-change run reuses.
        below, above = measure("check", n, target, tools, args.runs, max(1, args.warmup) if key == "cache" else args.warmup)
    finally:
        if edit:
            edit.restore()
        if target == "disk":
            empty_trash()
    for row in (below, above):
        print(f"{row['tool'] + ':':24} median {row['median_wall_s']:.3f} s wall of {args.runs} "
              f"({row['median_cpu_s']:.2f} s CPU, {row['median_max_rss_mib']:.0f} MiB), {n} pages, output to {target}")
    print(f"background load during the runs: {max(below['background_pct'], above['background_pct']):.0f}% of the cores")
    return below, above, above["median_wall_s"] / below["median_wall_s"]


def recorded_ratio(baseline, key):
    section = baseline if key is None else baseline.get(key) or {}
    value = section.get("ratio_wall")
    return value if isinstance(value, (int, float)) and value > 0 else None


def cmd_check(args):
    """Regression check: three ratios of medians at one size (Mengvorm / Hugo; default theme / bench theme;
    cached no-change rebuild / cold build), each against its value recorded in the baseline. A measurement
    over its limit is repeated once (other sessions' load on the 2 cores can skew one); a check fails only
    when both attempts exceed the limit. A check without a recorded value prints its ratio and passes."""
    global IDLE_BUDGET
    IDLE_BUDGET = IDLE_WAIT
    n = args.size
    os.makedirs(WORK, exist_ok=True)
    target = args.target
    if target == "shm" and not os.path.isdir(os.path.dirname(SHM)):
        target = "disk"
    os.makedirs(SHM, exist_ok=True)
    ensure_sites(n)
    ensure_default_site(n)
    baseline = {}
    if not args.record:
        try:
            baseline = json.load(open(args.baseline))
        except (OSError, ValueError) as error:
            print(f"regression-check: cannot read the baseline {args.baseline}: {error}")
            print("regression-check: 0 passed, 1 failed")
            return 1
    passed = failed = 0
    measured = {}
    try:
        for key, label, what in CHECKS:
            print(f"-- {label}: {what}")
            below, above, current = check_once(key, n, target, args)
            measured[key] = (below, above, current)
            if key == "cache" and not cache_supported():
                print(f"ratio {label}: {current:.3f} (this binary has no build cache: not checked)")
                passed += 1
                continue
            if args.record:
                continue
            recorded = recorded_ratio(baseline, key)
            if recorded is None:
                print(f"ratio {label}: {current:.3f}; nothing recorded for it in {os.path.basename(args.baseline)} yet "
                      f"(--record writes it): PASS")
                passed += 1
                continue
            limit = recorded * args.factor
            print(f"ratio {label}: current {current:.3f}, recorded {recorded:.3f}, limit {limit:.3f} ({args.factor:g} x recorded)")
            if current > limit and args.retries > 0:
                print("over the limit: measuring once more, in case other processes skewed this one")
                _, _, again = check_once(key, n, target, args)
                print(f"ratio {label}, second attempt: {again:.3f}")
                current = min(current, again)
            ok = current <= limit
            print(f"verdict: {'PASS' if ok else 'FAIL'}: {label} {current:.3f} is {current / recorded:.2f} x the recorded "
                  f"{recorded:.3f} ({'within' if ok else 'over'} the limit of {args.factor:g} x)")
            passed += ok
            failed += not ok
    finally:
        cleanup_shm(n, target)
    if args.record:
        record_baseline(args, n, target, measured)
        return 0
    print(f"regression-check: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def record_baseline(args, n, target, measured):
    """baseline.json: the Mengvorm/Hugo keys at the top (the format older checks read), the other checks
    as objects of their own (default_theme, cache); the cache only when the binary has one."""
    meta = metadata(" ".join(sys.argv))
    hugo, meng, current = measured[None]
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
    bench, default, current = measured["default_theme"]
    baseline["default_theme"] = {
        "description": "default theme / bench theme wall-time ratio (Mengvorm cold builds, alternating runs)",
        "ratio_wall": round(current, 3),
        "bench_median_wall_s": bench["median_wall_s"], "default_median_wall_s": default["median_wall_s"],
        "bench_median_cpu_s": bench["median_cpu_s"], "default_median_cpu_s": default["median_cpu_s"],
        "bench_median_max_rss_mib": bench["median_max_rss_mib"], "default_median_max_rss_mib": default["median_max_rss_mib"],
        "background_pct": max(bench["background_pct"], default["background_pct"]),
    }
    print(f"recorded ratio mengvorm/hugo = {baseline['ratio_wall']:.3f}, default/bench = {current:.3f}", end="")
    cold, warm, current = measured["cache"]
    if cache_supported():
        baseline["cache"] = {
            "description": "no-change rebuild (cache present) / cold build (--no-cache) wall-time ratio, bench theme",
            "ratio_wall": round(current, 3),
            "cold_median_wall_s": cold["median_wall_s"], "no_change_median_wall_s": warm["median_wall_s"],
            "cold_median_cpu_s": cold["median_cpu_s"], "no_change_median_cpu_s": warm["median_cpu_s"],
            "background_pct": max(cold["background_pct"], warm["background_pct"]),
        }
        print(f", no-change/cold = {current:.3f}", end="")
    else:
        print(" (no build cache in this binary: none recorded for it)", end="")
    with open(args.baseline, "w") as f:
        json.dump(baseline, f, indent=1)
        f.write("\n")
    print(f" in {os.path.relpath(args.baseline, REPO)}")


def cleanup_shm(n, target):
    """The check's outputs on tmpfs are RAM: remove them when done (the corpus stays cached on disk)."""
    if target == "shm":
        for name in (f"hugo-{n}", f"mengvorm-{n}", f"mengvorm-default-{n}", f"mengvorm-cache-cold-{n}", f"mengvorm-cache-{n}"):
            shutil.rmtree(os.path.join(SHM, name), ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="the full benchmark")
    run.add_argument("--sizes", default="100 1000 10000")
    run.add_argument("--runs", type=int, default=5)
    run.add_argument("--warmup", type=int, default=1)
    run.add_argument("--target", choices=["disk", "shm", "both"], default="both")
    run.add_argument("--kinds", default="toolkit,cold,rebuild",
                     help="any of " + ",".join(KINDS) + " (default toolkit,cold,rebuild)")
    run.add_argument("--theme", choices=["bench", "default", "both"],
                     help="themes of the cache kind (default: both with --kinds default, else bench)")
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
    # The verdict lines (stdout) in order with the progress lines (stderr) when both go to one log.
    sys.stdout.reconfigure(line_buffering=True)
    if args.command == "run":
        global VARIANT
        VARIANT = args.variant
        cmd_run(args)
        return 0
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())

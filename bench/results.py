#!/usr/bin/env python3
"""Writes bench/RESULTS.md from what bench/run measured (stdout).

usage: bench/results.py WORK PEERS_DIR GONGSHI_BIN N...

Tables come from the peers' report.py (one per place: on disk, in memory), so every row reads like theirs;
then gongshi's rebuilds and the targets of issue 6 as ratios of rows measured in the same run.
"""
import io
import os
import platform
import statistics
import subprocess
import sys
from contextlib import redirect_stdout


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "?"


def rows(path):
    out = {}
    if os.path.exists(path):
        for line in open(path):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3:
                out[f[0]] = f
    return out


def wall(r):
    return float(r[4]) if r and r[2] != "FAIL" else None


def rss_mb(r):
    return int(r[8]) / 1024 if r and r[2] != "FAIL" else None


def ratio(a, b):
    return a / b if a is not None and b else None


def verdict(x, limit, at_least):
    if x is None:
        return "not measured"
    ok = x >= limit if at_least else x <= limit
    return "**met**" if ok else "**not met**"


def fields(path):
    """The tab-separated fields of a one-line file, or [] when it is missing or empty."""
    return open(path).read().split() if os.path.exists(path) else []


def target_header():
    print("| N | target | measured | limit | verdict |")
    print("|---:|---|---:|---|---|")


def target_row(n, name, shown, limit_text, x, limit, at_least=False):
    print(f"| {n} | {name} | {shown} | {limit_text} | {verdict(x, limit, at_least)} |")


def table(report, tsv):
    buf = io.StringIO()
    with redirect_stdout(buf):
        report.table([tsv])
    return buf.getvalue()


def main():
    work, peers, binary, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    sys.path.insert(0, peers)
    import report  # the peers' table format

    p = print
    p("# Benchmark results: gongshi vs Hugo vs Eleventy\n")
    p(f"Measured {sh('date -u +%FT%TZ')} with `bench/run {' '.join(sizes)}` (commit {sh('git rev-parse --short HEAD')}).\n")
    p("## Machine\n")
    cpu = sh("lscpu | grep -m1 'Model name' | cut -d: -f2")
    hyper = sh("lscpu | grep -m1 'Hypervisor vendor' | cut -d: -f2") or "no hypervisor reported"
    ram = sh("free -g | awk '/Mem:/{print $2}'")
    disk = sh("findmnt -no SOURCE,FSTYPE,OPTIONS -T " + work)
    journal = "yes" if os.path.isdir("/proc/fs/jbd2") and os.listdir("/proc/fs/jbd2") else "none"
    osname = sh(". /etc/os-release && echo $PRETTY_NAME")
    cxx = sh("c++ --version | head -1")
    hugo = sh("hugo version | cut -d' ' -f2")
    eleventy = sh(f"node -p \"require('{peers}/eleventy/node_modules/@11ty/eleventy/package.json').version\"")
    nodev = sh("node --version")
    p(f"- CPU: {cpu}, {os.cpu_count()} cores (hypervisor: {hyper})")
    p(f"- RAM: {ram} GiB; disk: `{disk}` (ext4 journal: {journal}); memory: tmpfs `/dev/shm`")
    p(f"- Kernel {platform.release()}; {osname}")
    p(f"- gongshi Release (`{os.path.relpath(binary)}`), {cxx}; Hugo {hugo}; Eleventy {eleventy} on Node {nodev}")
    for n in sizes:
        lb = os.path.join(work, f"n{n}", "logs")
        before = open(os.path.join(lb, "load.before")).read().strip() if os.path.exists(os.path.join(lb, "load.before")) else "?"
        after = open(os.path.join(lb, "load.after")).read().strip() if os.path.exists(os.path.join(lb, "load.after")) else "?"
        p(f"- load at N={n}: before `{before}`; after `{after}`")
    p("")
    p("Wall = median of the runs (min–max beside it); CPU = median user+sys; peak RSS = largest of the runs; "
      "MB = bytes of all output files / 1e6; × write floor = wall / floor-write wall of the same table. "
      "`floor-write` writes gongshi's files (same paths and sizes), `floor-write-peers` the peers' (Hugo's) files, "
      "`floor-cp` copies gongshi's finished tree. Tools run interleaved (run i of each tool before run i+1), "
      "each into a new folder; nothing is deleted while measuring.\n")

    targets = []
    for n in sizes:
        w = os.path.join(work, f"n{n}")
        disk, shm, incr = rows(f"{w}/results-disk.tsv"), rows(f"{w}/results-shm.tsv"), rows(f"{w}/results-incr.tsv")
        p(f"## N = {n}\n")
        if disk:  # PLACES without "disk" (an in-memory run) has no such table
            p("### Cold build, output on disk\n")
            p(table(report, f"{w}/results-disk.tsv"))
        if shm:
            p("### Cold build, output in memory (/dev/shm)\n")
            p(table(report, f"{w}/results-shm.tsv"))
        if incr:
            written = {}
            wt = os.path.join(w, "logs", "written.tsv")
            if os.path.exists(wt):
                for line in open(wt):
                    k, _, i, c = line.split()
                    written.setdefault(k, []).append(c)
            full = wall(disk.get("gongshi"))
            p("### gongshi rebuilds (on disk, over the last cold build's output and cache)\n")
            p("| rebuild | wall s (median) | min–max | CPU s | peak RSS MB | files written per run | % of full build |")
            p("|---|---:|---:|---:|---:|---|---:|")
            names = {"rebuild-noop": "no-op (nothing changed)",
                     "rebuild-notice": "one new notice rating 100 existing projects",
                     "rebuild-project": "one project edited (operator)",
                     "gongshi-search": "full build with the Pagefind search index"}
            for k in ("rebuild-noop", "rebuild-notice", "rebuild-project", "gongshi-search"):
                r = incr.get(k)
                if not r:
                    continue
                if r[2] == "FAIL":
                    p(f"| {names[k]} | FAIL | | | | | |")
                    continue
                pct = f"{100 * float(r[4]) / full:.1f} %" if full else ""
                p(f"| {names[k]} | {float(r[4]):.2f} | {float(r[5]):.2f}–{float(r[6]):.2f} | {float(r[7]):.2f} "
                  f"| {int(r[8]) / 1024:.0f} | {', '.join(written.get(k, [r[2] + ' pages'])) } | {pct} |")
            p("")
        for f, title in (("same_pages.txt", "Same pages (gongshi vs Hugo)"), ("peers_compare.txt", "Hugo vs Eleventy")):
            path = os.path.join(w, "logs", f)
            if os.path.exists(path):
                p(f"{title}: `{open(path).read().strip().splitlines()[-1]}`\n")
        g, gs = wall(disk.get("gongshi")), wall(shm.get("gongshi-shm"))
        noop, notice = wall(incr.get("rebuild-noop")), wall(incr.get("rebuild-notice"))
        noop_written = None
        wt = os.path.join(w, "logs", "written.tsv")
        if os.path.exists(wt):
            noop_written = [line.split()[3] for line in open(wt) if line.startswith("rebuild-noop")]
        targets.append((n, [
            ("in memory: Hugo ÷ gongshi", ratio(wall(shm.get("hugo-shm")), gs), 10, True, "≥ 10×"),
            ("in memory: Eleventy ÷ gongshi", ratio(wall(shm.get("eleventy-shm")), gs), 10, True, "≥ 10×"),
            ("on disk: gongshi ÷ floor-write (its own files)", ratio(g, wall(disk.get("floor-write"))), 1.5, False, "≤ 1.5×"),
            ("on disk: gongshi ÷ floor-write-peers (Hugo's files)", ratio(g, wall(disk.get("floor-write-peers"))), 1.5, False, "≤ 1.5×"),
            ("peak RSS: gongshi ÷ Hugo", ratio(rss_mb(disk.get("gongshi")), rss_mb(disk.get("hugo"))), 0.25, False, "≤ 0.25"),
            ("no-op rebuild ÷ full build", ratio(noop, g), 0.05, False,
             "≤ 5 %, 0 files written" + (f" (written: {', '.join(noop_written)})" if noop_written else "")),
            ("one-notice rebuild ÷ full build", ratio(notice, g), 0.10, False, "≤ 10 %"),
        ]))
    p("## Targets (issue 6; they are set at N = 100 000, the smaller N are shown for the trend)\n")
    target_header()
    for n, ts in targets:
        for name, x, limit, at_least, text in ts:
            shown = "" if x is None else (f"{x:.2f}×" if at_least or "floor" in name else f"{x:.3f}")
            target_row(n, name, shown, text, x, limit, at_least)
    p("")
    # issue 19: no page grows with the dataset, a rebuild costs what changed; the national scale (1 000 000)
    p("## Targets (issue 19: pages a person can open, rebuilds proportional to the change)\n")
    target_header()
    pct = lambda x: "" if x is None else f"{100 * x:.1f} %"
    for n in sizes:
        w = os.path.join(work, f"n{n}")
        lg = os.path.join(w, "logs")
        disk, incr = rows(f"{w}/results-disk.tsv"), rows(f"{w}/results-incr.tsv")
        g = wall(disk.get("gongshi"))
        national = int(n) >= 1000000
        largest = fields(os.path.join(lg, "largest-html.tsv"))
        if len(largest) == 2:
            mb = int(largest[0]) / 1e6
            target_row(n, "largest HTML page", f"{mb:.3f} MB (`{largest[1]}`)", "≤ 1 MB", mb, 1.0)
        limit = 0.05 if national else 0.10
        x = ratio(wall(incr.get("rebuild-notice")), g)
        target_row(n, "one-notice rebuild ÷ full build (on disk)", pct(x), f"≤ {limit * 100:.0f} %", x, limit)
        if national:
            x = ratio(wall(incr.get("rebuild-noop")), g)
            target_row(n, "no-op rebuild ÷ full build", pct(x), "≤ 3 %", x, 0.03)
        written = fields(os.path.join(lg, "notice-bytes.txt"))
        if len(written) == 6:
            files, total, whole, hashes, other, site = (int(v) for v in written)
            share = (total - whole) / site if site else None
            target_row(n, "bytes one notice writes, apart from the whole-dataset downloads ÷ the site",
                       f"{(total - whole) / 1e6:.1f} MB of {site / 1e6:.0f} MB = {100 * share:.2f} % ({files} files; "
                       f"of which SHA256SUMS + manifest.json {hashes / 1e6:.1f} MB, pages and partitions "
                       f"{other / 1e6:.1f} MB; whole-dataset files {whole / 1e6:.1f} MB more)", "≤ 5 %", share, 0.05)
        if national:
            x = ratio(g, wall(disk.get("floor-write")))
            target_row(n, "full build on disk ÷ write floor", "" if x is None else f"{x:.2f}×", "≤ 1.5×", x, 1.5)
            r = rss_mb(disk.get("gongshi"))  # MiB (time -v reports KiB)
            gb = None if r is None else r * 1024 * 1024 / 1e9  # GB, as the target is written
            target_row(n, "peak RSS", "" if gb is None else f"{gb:.2f} GB ({r / 1024:.2f} GiB)", "≤ 2.5 GB", gb, 2.5)
    p("")
    steps = os.path.join(work, "steps.log")
    if os.path.exists(steps):
        p("## Steps of this run (start time, seconds since the run began)\n")
        p("```")
        p("\n".join(line for line in open(steps).read().splitlines() if line.strip()))
        p("```\n")
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profile.md")
    if os.path.exists(notes):  # the hand-written profile findings, kept across runs
        p(open(notes, encoding="utf-8").read())


if __name__ == "__main__":
    main()

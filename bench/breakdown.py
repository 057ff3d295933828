#!/usr/bin/env python3
"""Where report:build spends its time, for bench/run.sh (diagnostics next to the timed runs).

bench/run.sh points report.texBin at wrapper scripts that append "<program> <start> <end> <first arg>" (epoch
seconds) to a times file for every pdflatex/bibtex process the plugin starts; the Maven log has timestamped lines.

    breakdown.py mojo LOG [TIMES]     -> "<mojo s> <realm+config s> <execute -> first milestone line s> <TeX s> <n>
                                          <format dumps s> <passes from a format s> <plain passes s> <bibtex s>
                                          <pictures' jobs s>"
        mojo: from "--- report-maven-plugin...:build" to "BUILD SUCCESS/FAILURE"; realm+config needs -X (else n/a);
        TeX: summed wall time of the TeX processes (pdflatex and bibtex runs, not the --version probe); the wrapper
        marks a format dump "-ini", a picture's job "picture" (it names its own job) and a pass from a format
        "-fmt", which the last five fields split it by.
    breakdown.py watch TIMES EDITS    -> one line per edit: "<before TeX s> <TeX s> <after TeX s> <processes>"
        EDITS has "<edit epoch> <new PDF epoch>" per line (from edit_wait.py); before TeX = edit -> first TeX
        process start (quiet period, rendering, hashing), after TeX = last TeX process end -> final.pdf replaced.
"""
import datetime
import re
import sys

STAMP = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) ")


def day_seconds(line):
    m = STAMP.match(line)
    if not m:
        return None
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))


def epoch_to_day(t):
    d = datetime.datetime.fromtimestamp(t)  # the JVM logs local time, as does this
    return d.hour * 3600 + d.minute * 60 + d.second + d.microsecond / 1e6


def read_times(path):
    out = []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3:
                    arg = parts[3] if len(parts) > 3 else ""
                    if arg == "--version":
                        continue
                    out.append((parts[0], float(parts[1]), float(parts[2]), arg))
    except FileNotFoundError:
        pass
    return sorted(out, key=lambda p: p[1])


def mojo(log, times=None):
    start = conf = first = end = None
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            t = day_seconds(line)
            if t is None:
                continue
            if start is None and re.search(r"--- report-maven-plugin:.*:build ", line):
                start = t
            elif start is not None and conf is None and "-- end configuration --" in line:
                conf = t
            elif start is not None and first is None and re.search(r"\[INFO\] \[[a-z]+\] ", line):
                first = t
            elif "BUILD SUCCESS" in line or "BUILD FAILURE" in line:
                end = t
    fmt = lambda v: "n/a" if v is None else f"{v:.2f}"
    total = None if start is None or end is None else end - start
    realm = None if conf is None or start is None else conf - start
    exec_first = None if first is None else first - (conf if conf is not None else start)
    tex, n = None, 0
    parts = [None] * 5
    if times:
        procs = [p for p in read_times(times)
                 if start is None or end is None or start - 1 <= epoch_to_day(p[1]) <= end + 1]
        tex, n = sum(e - s for _, s, e, _ in procs), len(procs)
        kind = lambda p: (3 if p[0] != "pdflatex" else 0 if p[3] == "-ini" else 1 if p[3] == "-fmt"
                          else 4 if p[3] == "picture" else 2)
        parts = [sum(e - s for p in procs if kind(p) == k for (_, s, e, _) in [p]) for k in range(5)]
    print(fmt(total), fmt(realm), fmt(exec_first), fmt(tex), n, *map(fmt, parts))


def watch(times, edits):
    procs = read_times(times)
    with open(edits) as f:
        for line in f:
            t_edit, t_pdf = map(float, line.split()[:2])
            mine = [p for p in procs if t_edit <= p[1] and p[2] <= t_pdf + 0.001]
            if not mine:
                print("n/a n/a n/a 0")
                continue
            before = mine[0][1] - t_edit
            tex = sum(e - s for _, s, e, _ in mine)
            after = t_pdf - mine[-1][2]
            print(f"{before:.3f} {tex:.3f} {after:.3f} {len(mine)}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "mojo":
        mojo(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif len(sys.argv) == 4 and sys.argv[1] == "watch":
        watch(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)

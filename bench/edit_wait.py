#!/usr/bin/env python3
"""One edit-to-PDF cycle for bench/run.sh (watch-mode latency).

    edit_wait.py --edit FILE --pdf PDF --log LOG --marker TEXT --pass-re REGEX [--timeout S] [--tag N]

Appends a sentence to FILE, then polls PDF every 20 ms until it differs from before the edit and is complete
(ends with %%EOF: pdflatex writes its PDF in place, so a half-written file does not count). Then waits until
LOG shows MARKER once more than before the edit (the watcher's cycle is over). Prints one line:

    <seconds edit -> new PDF> <seconds edit -> cycle over> <engine passes in the cycle (lines matching REGEX)>
    <epoch of the edit> <epoch of the new PDF>

Exits 1 on timeout.
"""
import argparse
import hashlib
import os
import re
import sys
import time


def digest(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return None, False
    return hashlib.sha256(data).hexdigest(), data.rstrip().endswith(b"%%EOF")


def log_text(path):
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edit", required=True)
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--marker", required=True)
    ap.add_argument("--pass-re", required=True)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--tag", default="1")
    a = ap.parse_args()

    before_log = log_text(a.log)
    markers = before_log.count(a.marker)
    old_hash, _ = digest(a.pdf)
    st = os.stat(a.pdf)
    last = (st.st_mtime_ns, st.st_size)

    wall0 = time.time()
    t0 = time.perf_counter()
    with open(a.edit, "a", encoding="utf-8") as f:
        f.write(f"\nThis sentence was appended by the benchmark (edit {a.tag}) to change the final report.\n")
    t_pdf = None
    while t_pdf is None:
        time.sleep(0.02)
        now = time.perf_counter() - t0
        if now > a.timeout:
            print(f"timeout: {a.pdf} did not change within {a.timeout} s", file=sys.stderr)
            return 1
        try:
            st = os.stat(a.pdf)
        except FileNotFoundError:
            continue
        if (st.st_mtime_ns, st.st_size) == last:
            continue
        h, complete = digest(a.pdf)
        if h != old_hash and complete:
            t_pdf = now
        else:
            last = (st.st_mtime_ns, st.st_size) if complete else last
    while True:
        text = log_text(a.log)
        if text.count(a.marker) > markers:
            t_cycle = time.perf_counter() - t0
            break
        if time.perf_counter() - t0 > a.timeout:
            print(f"timeout: {a.log} did not show '{a.marker}' again within {a.timeout} s", file=sys.stderr)
            return 1
        time.sleep(0.02)
    new = text[len(before_log):] if text.startswith(before_log) else text
    passes = len(re.findall(a.pass_re, new))
    print(f"{t_pdf:.3f} {t_cycle:.3f} {passes} {wall0:.3f} {wall0 + t_pdf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

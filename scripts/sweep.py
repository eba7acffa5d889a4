#!/usr/bin/env python3
"""Scaling of `render` over many files: documents per second and peak memory for each
number of workers, with one process of N threads (`-j N`) and with N processes of one
thread each (`--shard i/N -j 1`, what independent processes reach on the same machine).

    scripts/sweep.py --render target/release/render --short 2000 --long 400 --jobs 1,2,4,8,16

Needs Python 3 and psutil (peak memory is the sum of the resident sets of the render
processes, sampled every 10 ms). Prints a Markdown table.
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time

import psutil

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "examples")


def short_doc(so):
    text = open(os.path.join(EXAMPLES, "cong-van.toml"), encoding="utf-8").read()
    return text.replace('ngay = "2024"', f'so = {so}\nngay = "2024-{so % 12 + 1:02}-{so % 28 + 1:02}"', 1)


def long_doc(so):
    text = open(os.path.join(EXAMPLES, "ke-hoach.md"), encoding="utf-8").read()
    # A different number and summary in each copy, so that no two documents are the same.
    return re.sub(r"^trich_yeu = \"", f'so = {so}\ntrich_yeu = "(bản {so}) ', text, count=1, flags=re.M)


def make_set(root, name, n, make, ext):
    d = os.path.join(root, name)
    os.makedirs(d)
    for i in range(1, n + 1):
        with open(os.path.join(d, f"{name}-{i:05}.{ext}"), "w", encoding="utf-8") as f:
            f.write(make(i))
    return d


def run(commands, env):
    """Runs the commands at once; returns (seconds, peak MiB of them and their workers together)."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    ps = [psutil.Process(p.pid) for p in procs]
    peak = 0
    while any(p.poll() is None for p in procs):
        total = 0
        for p in ps:
            try:
                for q in [p] + p.children(recursive=True):
                    total += q.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, total)
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    for p in procs:
        if p.returncode != 0:
            raise SystemExit(f"render failed ({p.returncode}): {p.stderr.read().decode()[-2000:]}")
    return seconds, peak / (1 << 20)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render", required=True)
    ap.add_argument("--short", type=int, default=2000)
    ap.add_argument("--long", type=int, default=400)
    ap.add_argument("--jobs", default="1,2,4,8,16")
    ap.add_argument("--modes", default="threads,processes")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the render processes")
    args = ap.parse_args()
    env = dict(os.environ)
    for kv in args.env:
        k, v = kv.split("=", 1)
        env[k] = v
    root = tempfile.mkdtemp(prefix="vanban-sweep-")
    sets = {
        "one-page": make_set(root, "cv", args.short, short_doc, "toml"),
        "10-page": make_set(root, "kh", args.long, long_doc, "md"),
    }
    print(f"render: {args.render}; env: {' '.join(args.env) or '-'}; cpus: {os.cpu_count()}")
    print("| set | mode | workers | docs/s | speed-up | peak MiB |")
    print("|---|---|---|---|---|---|")
    for name, d in sets.items():
        n = len(os.listdir(d))
        for mode in args.modes.split(","):
            base = None
            for j in [int(x) for x in args.jobs.split(",")]:
                out = os.path.join(root, "out")
                shutil.rmtree(out, ignore_errors=True)
                if mode == "threads":
                    cmds = [[args.render, d, "--out-dir", out, "-j", str(j)]]
                else:
                    cmds = [[args.render, d, "--out-dir", out, "-j", "1", "--shard", f"{i}/{j}"] for i in range(1, j + 1)]
                seconds, peak = run(cmds, env)
                rate = n / seconds
                base = base or rate
                print(f"| {name} | {mode} | {j} | {rate:.0f} | {rate / base:.2f}× | {peak:.0f} |", flush=True)
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

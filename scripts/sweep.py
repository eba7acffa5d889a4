#!/usr/bin/env python3
"""Scaling of `render` over many files: documents per second and peak memory for each number
of workers, with one `render -j N` (threads mode; N worker processes) or N independent
`render -j 1 --shard i/N` (processes mode). Needs Python 3 and Linux's /proc, nothing else.

Reports docs/s and the peak, over samples every 10 ms (or less often, see run()), of the
summed RSS, PSS and USS (Private_Clean + Private_Dirty) of the render process and all its
descendants (the `--worker` processes), read from /proc/PID/smaps, with estimates of USS and
PSS that also hold under gVisor, whose smaps reports Pss = Rss and every page as private.
First a start-up measurement: median and min wall time of `--repeat-startup` runs of three
short commands.

    scripts/sweep.py --render target/release/render --short 3000 --long 400 --jobs 1,2,4,8,12,16 --modes threads
"""
import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

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


FORCE_SCAN = os.environ.get("SWEEP_FORCE_SCAN") == "1"


def children(pid):
    """Direct children of every thread of pid (workers are spawned from worker threads),
    from /proc/PID/task/TID/children, or by scanning every /proc/N/stat for its parent
    where that file is missing."""
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    missing = FORCE_SCAN
    for t in tasks if not FORCE_SCAN else []:
        try:
            with open(f"/proc/{pid}/task/{t}/children") as f:
                out.extend(int(x) for x in f.read().split())
        except FileNotFoundError:
            missing = True
        except OSError:
            pass
    if missing:
        out = []
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat") as f:
                        st = f.read()
                    if int(st[st.rindex(")") + 2:].split()[1]) == pid:
                        out.append(int(d))
                except (OSError, ValueError, IndexError):
                    pass
    return out


def tree(pid):
    seen, stack = [], [pid]
    while stack:
        p = stack.pop()
        seen.append(p)
        stack.extend(children(p))
    return seen


def smaps(pid):
    """One process from /proc/PID/smaps: (rss, pss, uss, anon, {file path: file-backed rss})
    in kB, or None if it is gone. uss = Private_Clean + Private_Dirty (the kernel's view);
    anon = Anonymous. Under gVisor (the device machine) the kernel's Pss equals Rss and every
    page counts as private, so pss and uss there are RSS again; anon and the file map allow
    estimates that do not rely on them (see run())."""
    rss = pss = uss = anon = thp = 0
    files = {}
    path = None
    mrss = manon = 0

    def close():
        if path is not None and mrss > manon:
            files[path] = files.get(path, 0) + (mrss - manon)

    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                k, sep, v = line.partition(":")
                if sep and k[:1].isupper() and " " not in k:
                    if k == "AnonHugePages":
                        thp += int(v.split()[0])
                    if k in ("Rss", "Pss", "Private_Clean", "Private_Dirty", "Anonymous"):
                        n = int(v.split()[0])
                        if k == "Rss":
                            rss += n
                            mrss = n
                        elif k == "Pss":
                            pss += n
                        elif k == "Anonymous":
                            anon += n
                            manon = n
                        else:
                            uss += n
                    continue
                # a mapping header: "start-end perms offset dev inode [path]"
                close()
                parts = line.split(None, 5)
                path = parts[5].strip() if len(parts) > 5 and parts[5].strip().startswith("/") else None
                mrss = manon = 0
        close()
    except (OSError, ValueError, IndexError):
        return None
    return rss, pss, uss, anon, files, thp


def sys_anon():
    """System-wide anonymous memory in kB from /proc/meminfo: AnonPages - Shmem (gVisor's
    AnonPages counts tmpfs too)."""
    m = {}
    try:
        for line in open("/proc/meminfo"):
            k, _, v = line.partition(":")
            m[k] = int(v.split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return m.get("AnonPages", 0) - m.get("Shmem", 0)


COLS = ("rss", "pss", "uss", "anon", "pss_est", "sys_anon")


def run(commands, env):
    """Runs the commands at once; returns (seconds, {column: peak MiB}, max processes,
    samples, sampler CPU share). Memory is summed over the commands and their workers:
    rss, pss and uss from smaps; anon = summed Anonymous (= USS estimate: the workers are
    exec'd, so no anonymous page is shared); pss_est = anon + for each mapped file the
    largest file-backed RSS of any one process (those pages are shared, counted once);
    sys_anon = rise of system-wide anonymous memory over its value before the start.
    Sampled every 10 ms at most, and less often when one sample takes more than 1/10 of
    the time (the sampler takes CPU from the workers)."""
    base_anon = sys_anon()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0 = time.process_time()
    start = time.perf_counter()
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    peak = dict.fromkeys(COLS, 0)
    at_peak = None  # (parent uss, [worker uss], thp) at the sample of the highest summed USS
    nproc = 0
    samples = 0
    while any(p.poll() is None for p in procs):
        t0 = time.perf_counter()
        tot = dict.fromkeys(COLS, 0)
        files = {}
        n = 0
        parent_uss, worker_uss, thp = 0, [], 0
        for p in procs:
            for q in tree(p.pid):
                m = smaps(q)
                if m:
                    n += 1
                    if q == p.pid:
                        parent_uss += m[2]
                    else:
                        worker_uss.append(m[2])
                    thp += m[5]
                    tot["rss"] += m[0]
                    tot["pss"] += m[1]
                    tot["uss"] += m[2]
                    tot["anon"] += m[3]
                    for k, v in m[4].items():
                        files[k] = max(files.get(k, 0), v)
        tot["pss_est"] = tot["anon"] + sum(files.values())
        tot["sys_anon"] = max(0, sys_anon() - base_anon)
        if tot["uss"] > peak["uss"]:
            at_peak = (parent_uss, sorted(worker_uss), thp)
        for k in COLS:
            peak[k] = max(peak[k], tot[k])
        nproc = max(nproc, n)
        samples += 1
        dt = time.perf_counter() - t0
        time.sleep(max(0.01, 9 * dt))
    seconds = time.perf_counter() - start
    share = (time.process_time() - cpu0) / seconds
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cores = ((ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)) / seconds
    for p in procs:
        if p.returncode != 0:
            raise SystemExit(f"render failed ({p.returncode}): {p.stderr.read().decode()[-2000:]}")
    if at_peak:
        par, wk, thp = at_peak
        med = wk[len(wk) // 2] if wk else 0
        detail = (f"{par / 1024:.0f} | {len(wk)} | {(wk[0] if wk else 0) / 1024:.0f}/{med / 1024:.0f}/"
                  f"{(wk[-1] if wk else 0) / 1024:.0f} | {thp / 1024:.0f}")
    else:
        detail = "- | - | - | -"
    return seconds, {k: v / 1024 for k, v in peak.items()}, nproc, samples, share, cores, detail


def startup(render, n):
    tmp = tempfile.mkdtemp(prefix="vanban-startup-")
    pdf = os.path.join(tmp, "x.pdf")
    cv = os.path.join(EXAMPLES, "cong-van.toml")
    cmds = [
        ("render --help", [render, "--help"]),
        ("render check examples/cong-van.toml", [render, "check", cv]),
        ("render examples/cong-van.toml -o x.pdf", [render, cv, "-o", pdf]),
    ]
    print(f"## start-up ({n} runs each, wall time via perf_counter around subprocess.run)")
    print("| command | median ms | min ms |")
    print("|---|---|---|")
    for name, c in cmds:
        subprocess.run(c, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
        ts = []
        for _ in range(n):
            t = time.perf_counter()
            subprocess.run(c, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ts.append(time.perf_counter() - t)
        print(f"| `{name}` | {statistics.median(ts) * 1000:.1f} | {min(ts) * 1000:.1f} |", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    print(flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render", required=True)
    ap.add_argument("--short", type=int, default=2000)
    ap.add_argument("--long", type=int, default=400)
    ap.add_argument("--jobs", default="1,2,4,8,16")
    ap.add_argument("--modes", default="threads,processes")
    ap.add_argument("--repeat-startup", type=int, default=40)
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the render processes")
    args = ap.parse_args()
    render = os.path.abspath(args.render)
    env = dict(os.environ)
    for kv in args.env:
        k, v = kv.split("=", 1)
        env[k] = v
    print(f"date: {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')}; "
          f"host: {platform.node()}; kernel: {platform.release()}; cpus: {os.cpu_count()}; "
          f"affinity: {len(os.sched_getaffinity(0))}", flush=True)
    try:
        model = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
        memtotal = [l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")][0]
        print(f"cpu: {model}; memory: {memtotal}", flush=True)
    except Exception:
        pass
    print(f"args: {vars(args)}", flush=True)
    me = os.getpid()
    print(f"self-check: smaps_rollup {os.path.exists(f'/proc/{me}/smaps_rollup')}, "
          f"task children {os.path.exists(f'/proc/{me}/task/{me}/children')}, "
          f"smaps of self (rss, pss, uss, anon kB) {smaps(me)[:4]}\n", flush=True)
    if args.repeat_startup > 0:
        startup(render, args.repeat_startup)
    root = tempfile.mkdtemp(prefix="vanban-sweep-")
    sets = {
        "one-page": make_set(root, "cv", args.short, short_doc, "toml"),
        "10-page": make_set(root, "kh", args.long, long_doc, "md"),
    }
    print(f"## sweep\nrender: {render}; env: {' '.join(args.env) or '-'}; cpus: {os.cpu_count()}")
    print("| set | mode | workers | docs | seconds | docs/s | speed-up | peak RSS MiB | peak PSS MiB (kernel) "
          "| peak USS MiB (kernel) | peak anon MiB (USS est.) | peak PSS est. MiB | peak system anon rise MiB "
          "| max procs | samples | sampler CPU | render CPU cores busy | at USS peak: parent USS MiB "
          "| workers | worker USS min/median/max MiB | AnonHugePages MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    for name, d in sets.items():
        n = len(os.listdir(d))
        for mode in args.modes.split(","):
            base = None
            for j in [int(x) for x in args.jobs.split(",")]:
                out = os.path.join(root, "out")
                shutil.rmtree(out, ignore_errors=True)
                if mode == "threads":
                    cmds = [[render, d, "--out-dir", out, "-j", str(j)]]
                else:
                    cmds = [[render, d, "--out-dir", out, "-j", "1", "--shard", f"{i}/{j}"] for i in range(1, j + 1)]
                seconds, pk, np_, samples, share, cores, detail = run(cmds, env)
                made = sum(1 for f in os.listdir(out) if f.endswith(".pdf")) if os.path.isdir(out) else -1
                if made != n:
                    print(f"WARNING: {made} PDFs made of {n}", flush=True)
                rate = n / seconds
                base = base or rate
                print(f"| {name} | {mode} | {j} | {n} | {seconds:.2f} | {rate:.0f} | {rate / base:.2f}× | "
                      + " | ".join(f"{pk[k]:.0f}" for k in COLS)
                      + f" | {np_} | {samples} | {share:.0%} | {cores:.2f} | {detail} |", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""plansite against Hugo and the I/O floor, side by side on this machine.

Usage: python3 benches/bench.py [--sizes 1000,10000,50000,100000] [--runs 5] [--hugo-gen PATH]
                               [--hugo-up-to 50000] [--serve-edits 20] [--zola PATH]
                               [--zola-up-to 50000] [--no-rebuilds]

For each N it generates a plansite site of N targets (benches/gen_site.py) and the
Hugo site of N pages per language (shared/bench/gen_hugo_site.py, whose page bodies
match the target commentaries), then, alternating run by run:
  - plansite build   -> /dev/shm/bench/plansite_out
  - hugo --quiet     -> /dev/shm/bench/hugo_out
  - cp -r of plansite's output (the I/O floor) -> /dev/shm/bench/cp_out
  - with --zola BIN, a Zola binary built outside this repository: the Hugo site turned
    into a Zola site with the same pages and bodies (benches/zola_site.py), up to
    --zola-up-to targets (50,000: at 100,000 it would need about 12 GB)
                     -> /dev/shm/bench/zola_out
then rebuilds plansite's output in place: with nothing changed, and after one edited
value, reporting each one's time and how many files it rewrote; and runs one-word
searches with the site's own script in Node (scripts/search_node.js), reporting the
bytes of index each downloads to show its first page of results; and serves the site,
timing an edit of a plan.yaml from the save to the browser's reload (p50 and p95,
benches/serve_latency.py). Hugo is left out above --hugo-up-to targets (at 50,000 it
already holds 10 GB), and plansite's time at each size is also given against its
10,000-target time, for how it scales.
Every run starts from an empty /dev/shm/bench (all three outputs removed, outside
the timing; cp's source is rebuilt, untimed, before it runs). Wall time, the peak RSS
and the user and system CPU time of each process (from wait4) are recorded; medians,
the ratios plansite/Hugo and plansite/cp, and the CPU time's growth with size beside
cp's are printed. Needs Debian's hugo (apt-get install hugo).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHM = "/dev/shm/bench" if os.path.isdir("/dev/shm") else "/tmp/bench"


def run(cmd):
    """Runs `cmd`; returns (wall seconds, peak RSS in MB, user and system CPU seconds)."""
    # Errors go to a file, not a pipe: a failing build can report more than a pipe
    # holds, and would wait for it to be read while this waits for the build.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")[-4000:]
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024, (usage.ru_utime, usage.ru_stime)


def clear(path):
    if os.path.exists(path):
        shutil.rmtree(path)


def count_files(path):
    return sum(len(files) for _, _, files in os.walk(path))


def dir_mb(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files) / 1e6


def bench(n, runs, plansite, hugo_gen, with_hugo, serve_edits, zola=None, with_rebuilds=True):
    src = os.path.join(SHM, f"plansite_src_{n}")
    hugo_src = os.path.join(SHM, f"hugo_src_{n}")
    out = os.path.join(SHM, "plansite_out")
    hugo_out = os.path.join(SHM, "hugo_out")
    zola_src = os.path.join(SHM, f"zola_src_{n}")
    zola_out = os.path.join(SHM, "zola_out")
    cp_out = os.path.join(SHM, "cp_out")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), str(n), src], check=True, stdout=subprocess.DEVNULL)
    cmds = {
        "plansite": [plansite, "--root", src, "build", "--output", out],
        "cp": ["cp", "-r", out, cp_out],
    }
    if with_hugo or zola:
        subprocess.run([sys.executable, hugo_gen, str(n), hugo_src], check=True, stdout=subprocess.DEVNULL)
    if with_hugo:
        cmds["hugo"] = ["hugo", "--quiet", "-s", hugo_src, "-d", hugo_out]
    if zola:
        import zola_site
        clear(zola_src)
        zola_site.convert(hugo_src, zola_src)
        cmds["zola"] = [zola, "--root", zola_src, "build", "--output-dir", zola_out, "--force"]
    results = {k: [] for k in cmds}
    for i in range(runs + 1):  # the first round warms caches and is not counted
        for name in (k for k in ("plansite", "hugo", "zola", "cp") if k in cmds):
            # Every run starts from the same empty tmpfs: the other tools' outputs
            # (up to 2 GB and 200,000 files) are removed too, so no run pays for
            # another's leftovers. cp copies plansite's output, so it is rebuilt
            # first (untimed) when the round's plansite output was cleared.
            for d in (out, hugo_out, zola_out, cp_out):
                clear(d)
            if name == "cp":
                run(cmds["plansite"])
            wall, rss, cpu = run(cmds[name])
            if i > 0:
                results[name].append((wall, rss, cpu))
    med = {k: (statistics.median(w for w, _, _ in v), max(r for _, r, _ in v)) for k, v in results.items()}
    # CPU seconds of the run with the median wall time: user time is the program's own
    # work; system time is the kernel's, mostly making files and filling memory, which
    # on some machines grows faster than the bytes written (see the README).
    cpu = {k: sorted(v)[len(v) // 2][2] for k, v in results.items()}
    # The peers' sites and cp's copy are done with: at 100,000 targets they and a
    # rebuild's staging copy together would not fit in memory.
    for d in (hugo_out, zola_out, cp_out, hugo_src, zola_src):
        clear(d)
    files, size = count_files(out), dir_mb(out)
    found = search_bytes(out) if with_rebuilds else None
    rebuilt = (rebuilds(cmds["plansite"], src, out, runs) if with_rebuilds else (0, 0, 0, 0)) + (found,)
    for d in (out, hugo_out, zola_out, cp_out):
        clear(d)
    served = None
    if serve_edits:
        import serve_latency
        samples = serve_latency.measure(src, "content/plans/p0000/plan.yaml", "/en/plans/p0000/index.html",
                                        serve_edits, "en: Target 0-0 config", build=False, binary=plansite)
        served = (statistics.median(samples), serve_latency.p95(samples))
    for d in (src, hugo_src, zola_src):
        clear(d)
    return med, cpu, files, size, rebuilt + (served,)


def stamps(path):
    """Every file under `path` with its inode and modification time."""
    out = {}
    for d, _, files in os.walk(path):
        for f in files:
            st = os.stat(os.path.join(d, f))
            out[os.path.join(d, f)] = (st.st_ino, st.st_mtime_ns)
    return out


def rebuilds(cmd, src, out, runs):
    """Rebuilds into the existing output: with nothing changed, then after editing one
    value. Returns the median seconds of each and how many files each rewrote (a file
    kept from the previous build keeps its inode and modification time)."""
    plan = os.path.join(src, "content", "plans", "p0000", "plan.yaml")
    original = open(plan, encoding="utf-8").read()
    noop, edit = [], []
    noop_written = edit_written = 0
    for i in range(runs):
        clear(out)
        run(cmd)
        before = stamps(out)
        noop.append(run(cmd)[0])
        after = stamps(out)
        noop_written = sum(1 for p, s in after.items() if before.get(p) != s)
        # One figure: the first baseline value of the first plan, one more each run.
        changed = original.replace("baseline: {year: 2020, value: ", f"baseline: {{year: 2020, value: 1{i}", 1)
        open(plan, "w", encoding="utf-8").write(changed)
        edit.append(run(cmd)[0])
        edited = stamps(out)
        edit_written = sum(1 for p, s in edited.items() if after.get(p) != s)
        open(plan, "w", encoding="utf-8").write(original)
    return statistics.median(noop), noop_written, statistics.median(edit), edit_written


# One-word queries on the generated sites' names and values (benches/gen_site.py):
# common words that match most targets, and a year.
QUERIES = {"en": ["target", "config", "paragraph", "2025"], "zh": ["目标", "搜索", "索引", "2025"]}


def search_bytes(out):
    """The most bytes of search index any one-word query loads for its first page of
    results, with that query, or None without Node."""
    if not shutil.which("node"):
        return None
    worst = (0, "", 0)
    for lang, queries in QUERIES.items():
        got = subprocess.run(["node", os.path.join(ROOT, "scripts", "search_node.js"), out, lang, *queries],
                             check=True, capture_output=True, text=True).stdout
        for r in json.loads(got):
            worst = max(worst, (r["bytes"], f"{lang}:{r['query']}", r["count"]))
    return worst


def zola_cols(med):
    if "zola" not in med:
        return ""
    (p, p_mb), (z, z_mb) = med["plansite"], med["zola"]
    return f" {z:>7.3f} {p / z:>6.2f} {z_mb:>7.0f} {p_mb / z_mb:>9.2f}"


def print_cpu(cpus):
    """CPU seconds of plansite and cp, and how each grew from 10,000 targets: the wall
    time's growth is the sum of the program's (user) and the kernel's (system).
    `cpus` maps N to (plansite user, plansite system, cp system, cp wall)."""
    print("\nCPU seconds (the run with the median wall time): user is plansite's own work,")
    print("system the kernel's (making files, filling memory); cp -r of the same output beside it")
    print(f"{'N':>7} {'user s':>8} {'x 10k':>6} {'system s':>8} {'x 10k':>6} {'cp sys s':>8} {'cp s':>7} {'x 10k':>6}")
    base = cpus.get(10000)
    for n, (user, system, cp_sys, cp_wall) in cpus.items():
        grew = [f"{now / then:>6.1f}" if base else f"{'-':>6}"
                for now, then in zip((user, system, cp_wall), (base[0], base[1], base[3]) if base else (1, 1, 1))]
        print(f"{n:>7} {user:>8.2f} {grew[0]} {system:>8.2f} {grew[1]} {cp_sys:>8.2f} {cp_wall:>7.3f} {grew[2]}",
              flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--hugo-gen", default=os.path.join(ROOT, "..", "shared", "bench", "gen_hugo_site.py"))
    ap.add_argument("--hugo-up-to", type=int, default=50000)
    ap.add_argument("--serve-edits", type=int, default=20)
    ap.add_argument("--plansite", default=os.path.join(ROOT, "target", "dist", "plansite"),
                    help="the binary to time (a copy keeps a long run apart from rebuilds)")
    ap.add_argument("--zola", help="a Zola binary (built outside this repository) to time as well")
    ap.add_argument("--zola-up-to", type=int, default=50000)
    ap.add_argument("--no-rebuilds", action="store_true", help="full builds only: no rebuilds, searches or serving")
    a = ap.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo is not installed: apt-get install hugo")
    if not os.path.exists(a.hugo_gen):
        sys.exit(f"no Hugo site generator at {a.hugo_gen}; pass --hugo-gen")
    # The binary that ships: the dist profile (Cargo.toml), optimised as one unit.
    subprocess.run(["cargo", "build", "--profile", "dist", "--quiet", "--locked"], cwd=ROOT, check=True)
    plansite = a.plansite
    os.makedirs(SHM, exist_ok=True)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[:2]
    print(f"{' '.join(hugo_version)}; {os.cpu_count()} cores; outputs in {SHM}; median of {a.runs} runs, alternating\n")
    if a.zola:
        zv = subprocess.run([a.zola, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{zv}: the same pages as Hugo's, plain (benches/zola_site.py)\n")
    head = (f"{'N':>7} {'files':>7} {'MB':>6} {'plansite s':>10} {'hugo s':>8} {'cp s':>6} {'p/hugo':>7} {'p/cp':>6} "
            f"{'x 10k':>6} {'ms/target':>9} {'plansite MB':>11} {'hugo MB':>8}"
            + (f" {'zola s':>7} {'p/zola':>6} {'zola MB':>7} {'p/zola MB':>9}" if a.zola else ""))
    print(head)
    rebuilt = {}
    cpus = {}
    at_10k = None
    for n in (int(x) for x in a.sizes.split(",")):
        med, cpu, files, size, rebuilt[n] = bench(n, a.runs, plansite, a.hugo_gen, n <= a.hugo_up_to,
                                                  0 if a.no_rebuilds else a.serve_edits,
                                                  a.zola if n <= a.zola_up_to else None, not a.no_rebuilds)
        p, c = med["plansite"][0], med["cp"][0]
        cpus[n] = (*cpu["plansite"], cpu["cp"][1], c)
        if n == 10000:
            at_10k = p
        h, h_mb = med.get("hugo", (None, None))
        hugo = f"{h:>8.3f}" if h else f"{'-':>8}"
        ratio = f"{p / h:>7.2f}" if h else f"{'-':>7}"
        scale = f"{p / at_10k:>6.1f}" if at_10k else f"{'-':>6}"
        hugo_mb = f"{h_mb:>8.0f}" if h_mb else f"{'-':>8}"
        print(f"{n:>7} {files:>7} {size:>6.0f} {p:>10.3f} {hugo} {c:>6.3f} {ratio} {p / c:>6.2f} {scale} "
              f"{p / n * 1000:>9.3f} {med['plansite'][1]:>11.0f} {hugo_mb}" + zola_cols(med), flush=True)
    print_cpu(cpus)
    if a.no_rebuilds:
        return
    print("\nRebuilds into the existing output (files rewritten: new inode or modification time),")
    print("the most search index bytes a one-word query loads for its first 20 results,")
    print("and serve: a plan.yaml edit from the save to the reload")
    print(f"{'N':>7} {'no-op s':>8} {'written':>8} {'one edit s':>10} {'written':>8} {'search KB':>9} {'serve p50':>9} {'p95':>6}  query (hits)")
    for n, (noop, noop_w, edit, edit_w, found, served) in rebuilt.items():
        kb = f"{found[0] / 1024:>9.0f}" if found else f"{'no node':>9}"
        q = f"{found[1]} ({found[2]})" if found else ""
        sv = f"{served[0]:>7.0f}ms {served[1]:>4.0f}ms" if served else f"{'-':>9} {'-':>6}"
        print(f"{n:>7} {noop:>8.3f} {noop_w:>8} {edit:>10.3f} {edit_w:>8} {kb} {sv}  {q}")


if __name__ == "__main__":
    main()

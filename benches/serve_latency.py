#!/usr/bin/env python3
"""Edit-to-reload latency of `plansite serve`.

Usage: python3 benches/serve_latency.py SITE_DIR COMMENTARY PAGE [--edits 30]

  SITE_DIR    a site (copied to a temporary directory first; the original is not touched)
  COMMENTARY  a commentary file of it, relative to the site, e.g. content/index.en.md
  PAGE        the address path of the page showing it, e.g. /en/index.html

Starts `plansite serve` on a free port, subscribes to the live-reload event stream as
a browser does, then edits the commentary file again and again. Each sample is the
time from the write to the `reload` event; the page is then fetched to confirm it
shows the edit (a reload must never arrive before the new file is in place).
Prints p50 and p95. Examples:

  python3 benches/serve_latency.py . content/plans/ganjiang-2021-2023/index.en.md /en/plans/ganjiang-2021-2023/index.html
  python3 benches/gen_site.py 10000 /dev/shm/bench10k
  python3 benches/serve_latency.py /dev/shm/bench10k content/plans/p0000/targets/t000.en.md /en/plans/p0000/t000/index.html
  python3 benches/serve_latency.py . content/plans/ganjiang-2021-2023/plan.yaml \
      /en/plans/ganjiang-2021-2023/index.html --replace "en: Optoelectronic information industry revenue"
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def http_get(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode(errors="replace")


def subscribe(port):
    """Opens the live-reload event stream and waits for its `init` event."""
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(b"GET /_tower-livereload/event-stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    buf = b""
    while b"event: init" not in buf:
        buf += s.recv(4096)
    return s


def wait_reload(s):
    buf = b""
    while b"event: reload" not in buf:
        chunk = s.recv(4096)
        if not chunk:
            raise RuntimeError("the event stream closed without a reload")
        buf += chunk


def measure(site_dir, edited, page, edits, replace=None, build=True, binary=None):
    """Serves a copy of `site_dir` and edits `edited` (a path relative to it) `edits`
    times; returns the sorted edit-to-reload times in ms. With `replace`, each edit puts
    a marker after that text instead of appending it (for YAML files)."""
    if build:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--locked"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="plansite-latency-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    site = os.path.join(work, "site")
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("public", "target", ".git", "node_modules"))
    binary = binary or os.path.join(ROOT, "target/release/plansite")
    server = subprocess.Popen([binary, "--root", site, "serve", "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        port = None
        base = "/"
        for line in server.stderr:
            if "http://127.0.0.1:" in line:
                rest = line.split("http://127.0.0.1:")[1]
                port = int(rest.split("/")[0])
                base = "/" + "/".join(rest.split("/")[1:]).strip()
                break
        if port is None:
            sys.exit("the server did not start")
        threading.Thread(target=lambda: [print("server:", l.rstrip(), time.perf_counter(), file=sys.stderr) if os.environ.get("VERBOSE") else None for l in server.stderr], daemon=True).start()
        page = base.rstrip("/") + page
        path = os.path.join(site, edited)
        original = open(path, encoding="utf-8").read()
        samples = []
        for i in range(edits):
            stream = subscribe(port)
            marker = f"latency-sample-{i}-{time.time_ns()}"
            with open(path, "w", encoding="utf-8") as f:
                if replace:
                    f.write(original.replace(replace, f"{replace} {marker}", 1))
                else:
                    f.write(original.rstrip("\n") + f"\n\n{marker}\n")
            start = time.perf_counter()
            if os.environ.get("VERBOSE"):
                print("edit", i, start, file=sys.stderr)
            wait_reload(stream)
            samples.append((time.perf_counter() - start) * 1000)
            stream.close()
            if marker not in http_get(port, page):
                sys.exit(f"the reload arrived before the page showed edit {i}")
            time.sleep(0.2)
        samples.sort()
        return samples
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def p95(samples):
    return samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("commentary")
    ap.add_argument("page")
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--replace", metavar="TEXT",
                    help="edit by putting the marker after TEXT instead of appending it "
                         "(for YAML files, e.g. a target's English name)")
    a = ap.parse_args()
    samples = measure(a.site, a.commentary, a.page, a.edits, a.replace)
    print(f"{a.edits} edits of {a.commentary}: edit-to-reload p50 {statistics.median(samples):.0f} ms, "
          f"p95 {p95(samples):.0f} ms, min {samples[0]:.0f} ms, max {samples[-1]:.0f} ms "
          f"(includes the {60} ms debounce); every reload showed the edit")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load test of a whole wallwatch store on this machine: ingest throughput by store size, then
page and API latency under concurrent clients, then the same latencies while an ingest runs.

usage: scripts/load.py [--docs N] [--chunk C] [--clients K] [--requests R] [--port P] [--keep DIR] [--reuse]

  --docs N       articles to make with ../shared/tools/make_mixed_corpus.py (default 20000)
  --chunk C      articles per `wallwatch ingest` call; each prints one table row (default 2000)
  --clients K    concurrent HTTP clients (default 20)
  --requests R   requests per client and endpoint (default 25)
  --port P       loopback port for `wallwatch serve` (default 18080)
  --keep DIR     work in DIR and keep the store and corpus there (default: a temporary directory)
  --reuse        with --keep: measure pages and API on the store already in DIR, without ingesting
                 (its last chunk was ingested by the first run, so there is no measure while an
                 ingest runs)

Every request goes to 127.0.0.1 only; loops are bounded by the counts above. The report is
Markdown, ready for docs/benchmarks.md.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

ENDPOINTS = [
    "/",
    "/incidents",
    "/api/v1/incidents",
    "/api/v1/incidents?country=NG",
    "/api/v1/incidents?q=prison",
    "/api/v1/documents?q=prison",
]


def run_measured(args):
    """Runs a command to its end; returns its wall seconds, CPU seconds (user + sys) and peak RSS
    in MiB, its own rather than the largest of all children so far."""
    t0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.monotonic() - t0, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def make_corpus(work, docs, chunk):
    """Writes the mixed corpus in chunk-sized folders so each ingest call takes one folder; the
    last folder is held back for the ingest that runs while clients read."""
    corpus = os.path.join(work, "corpus")
    if os.path.isdir(corpus):
        return sorted(os.path.join(corpus, d) for d in os.listdir(corpus))
    flat = os.path.join(work, "flat")
    subprocess.run([sys.executable, os.path.join(SHARED, "tools", "make_mixed_corpus.py"), flat, str(docs + chunk)],
                   check=True, stdout=subprocess.DEVNULL)
    names = sorted(os.listdir(flat))
    dirs = []
    for i in range(0, len(names), chunk):
        d = os.path.join(corpus, f"c{i // chunk:04d}")
        os.makedirs(d)
        for n in names[i:i + chunk]:
            os.rename(os.path.join(flat, n), os.path.join(d, n))
        dirs.append(d)
    shutil.rmtree(flat)
    return dirs


def ingest_table(binary, db, dirs):
    print("| documents in store | docs/s (wall) | CPU ms per document | peak RSS MiB |")
    print("| --- | --- | --- | --- |")
    stored, total_wall = 0, 0.0
    for d in dirs:
        n = len(os.listdir(d))
        wall, cpu, rss = run_measured([binary, "ingest", "--db", db, d])
        total_wall += wall
        print(f"| {stored:,}–{stored + n:,} | {n / wall:,.0f} | {1000 * cpu / n:.1f} | {rss:,.0f} |", flush=True)
        stored += n
    print(f"\n{stored:,} documents in {total_wall:,.0f} s: {stored / total_wall:,.0f} docs/s overall\n")


def serve(binary, db, port):
    proc = subprocess.Popen([binary, "serve", "--db", db, "--addr", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return proc
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("serve did not become ready within 120 s")


def hammer(port, path, clients, requests):
    """Returns sorted latencies in ms and the number of 5xx or failed requests."""
    latencies, errors, lock = [], [0], threading.Lock()

    def client():
        for _ in range(requests):
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                    r.read()
                    bad = r.status >= 500
            except urllib.error.HTTPError as e:
                bad = e.code >= 500
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                bad = True
            ms = 1000 * (time.monotonic() - t0)
            with lock:
                latencies.append(ms)
                errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies), errors[0]


def latency_table(port, clients, requests, title):
    print(f"{title}\n")
    print("| endpoint | p50 ms | p99 ms | req/s | 5xx or failed |")
    print("| --- | --- | --- | --- | --- |")
    for path in ENDPOINTS:
        t0 = time.monotonic()
        lat, errors = hammer(port, path, clients, requests)
        wall = time.monotonic() - t0
        p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
        print(f"| `{path}` | {statistics.median(lat):.1f} | {p99:.1f} | {len(lat) / wall:,.0f} | {errors} |", flush=True)
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--chunk", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25)
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--keep")
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args()
    if args.reuse and not args.keep:
        ap.error("--reuse needs --keep DIR")
    work = args.keep or tempfile.mkdtemp(prefix="wallwatch-load-")
    os.makedirs(work, exist_ok=True)
    binary = os.path.join(work, "wallwatch")
    subprocess.run(["go", "build", "-o", binary, "./cmd/wallwatch"], cwd=ROOT, check=True)
    db = os.path.join(work, "load.db")
    if not args.reuse:
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.remove(f)
    dirs = make_corpus(work, args.docs, args.chunk)
    dirs, extra = dirs[:-1], dirs[-1]
    if not args.reuse:
        print(f"## Load: {args.docs:,} mixed articles, chunks of {args.chunk:,}\n")
        ingest_table(binary, db, dirs)
    proc = serve(binary, db, args.port)
    try:
        latency_table(args.port, args.clients, args.requests,
                      f"### Latency, {args.clients} clients × {args.requests} requests per endpoint")
        if args.reuse:
            return
        writer = subprocess.Popen([binary, "ingest", "--db", db, extra],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        latency_table(args.port, args.clients, args.requests, "### Latency while an ingest runs")
        writer.wait(timeout=1800)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    print(json.dumps({"work": work}))


if __name__ == "__main__":
    main()

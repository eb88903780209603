#!/usr/bin/env python3
"""Load test of a whole wallwatch store on this machine: ingest throughput by store size, then
page and API latency under concurrent clients, then the same latencies while an ingest runs.

usage: scripts/load.py [--docs N] [--chunk C] [--clients K] [--requests R] [--port P] [--keep DIR] [--reuse [--while-ingest]] [--read-cache M] [--passes N]

  --docs N       articles to make with ../shared/tools/make_mixed_corpus.py (default 20000)
  --chunk C      articles per `wallwatch ingest` call; each prints one table row (default 2000)
  --clients K    concurrent HTTP clients (default 20)
  --requests R   requests per client and endpoint (default 25)
  --port P       loopback port for `wallwatch serve` (default 18080)
  --keep DIR     work in DIR and keep the store and corpus there (default: a temporary directory)
  --reuse        with --keep: measure pages and API on the store already in DIR, without ingesting
  --while-ingest with --reuse: then measure again while the held-back last folder of the corpus is
                 ingested (only once: a first run that got that far has ingested it already)
  --read-cache M  serve --read-cache M: MiB of API list responses kept until the store changes
                 (default: serve's own); 0 measures every request reading the store
  --passes N     time the endpoints N times over on one server before any ingest (default 1): the
                 first pass pays for each endpoint's first read after start, later ones do not
  --ingest-part N  ingest the held-back folder in calls of N files, one after another, a call
                 started only while clients still read, so that the reads overlap ingest work
                 rather than outlast one call (default 0: one call); each row then says for what
                 share of its time an ingest ran

`serve` runs with --rate-address 0 --rate-token 0: twenty clients from one loopback address would
otherwise meet the per-address limit (20 requests a second) and measure 429s. Each row gives the
server's CPU (user + sys of the `serve` process, from /proc) divided by the requests, the measure
that the load of a shared machine moves least, and the load average when the row ended. Statuses
other than 200 are counted: 5xx or failed, and other (4xx, 3xx), which should be 0.

Every request goes to 127.0.0.1 only; loops are bounded by the counts above. The report is
Markdown, ready for docs/benchmarks.md.
"""
import argparse
import json
import os
import shutil
import signal
import sqlite3
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
    "/api/v1/incidents?type=mass_escape",
    "/api/v1/incidents?since=2020-01-01&sort=killed",
    "/api/v1/incidents?sort=killed",
    "/api/v1/incidents?q=prison",
    "/api/v1/incidents?q=prison&country=NG",
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


def serve(binary, db, port, read_cache=None):
    args = [binary, "serve", "--db", db, "--addr", f"127.0.0.1:{port}", "--rate-address", "0", "--rate-token", "0"]
    if read_cache is not None:
        args += ["--read-cache", str(read_cache)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def cpu_seconds(pid):
    """User + sys CPU seconds of a running process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def hammer(port, path, clients, requests):
    """Returns sorted latencies in ms, the number of 5xx or failed requests and the number of
    other answers that are not 200 (a 429 from the rate limiter would land there)."""
    latencies, errors, other, lock = [], [0], [0], threading.Lock()

    def client():
        for _ in range(requests):
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                    r.read()
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                status = 599
            ms = 1000 * (time.monotonic() - t0)
            with lock:
                latencies.append(ms)
                errors[0] += status >= 500
                other[0] += status != 200 and status < 500

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies), errors[0], other[0]


class Writer(threading.Thread):
    """Ingests the files of a folder into the store, in parts of `part` files (0: all at once),
    one `wallwatch ingest` after another, until they are done or stop() is called; records when
    each ingest ran and what it cost."""

    def __init__(self, binary, db, folder, part):
        super().__init__()
        self.binary, self.db, self.folder = binary, db, folder
        names = sorted(n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n)))
        part = part or len(names)
        self.parts = [names[i:i + part] for i in range(0, len(names), part)]
        self.stopping = threading.Event()
        self.intervals, self.docs, self.cpu, self.rss = [], 0, 0.0, 0.0

    def run(self):
        for i, names in enumerate(self.parts):
            if self.stopping.is_set():
                return
            d = self.folder if len(self.parts) == 1 else os.path.join(self.folder, f"part{i:02d}")
            if d != self.folder:
                os.makedirs(d, exist_ok=True)
                for n in names:
                    os.rename(os.path.join(self.folder, n), os.path.join(d, n))
            t0 = time.monotonic()
            self.intervals.append([t0, None])
            proc = subprocess.Popen([self.binary, "ingest", "--db", self.db, d],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            proc.returncode = 0
            self.intervals[-1][1] = time.monotonic()
            self.docs += len(names)
            self.cpu += usage.ru_utime + usage.ru_stime
            self.rss = max(self.rss, usage.ru_maxrss / 1024)

    def stop(self):
        self.stopping.set()

    def overlap(self, t0, t1):
        """Share of [t0, t1] during which an ingest ran."""
        now = time.monotonic()
        ran = sum(max(0.0, min(t1, b if b is not None else now) - max(t0, a)) for a, b in self.intervals)
        return ran / (t1 - t0) if t1 > t0 else 0.0


def write_count(db):
    """The store's count of committed write transactions (what its change mark is made of), read
    without taking a lock a writer would wait for."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        return conn.execute("SELECT changes FROM store_changes WHERE id = 1").fetchone()[0]


def latency_table(server, port, clients, requests, title, writer=None, db=None):
    """One row per endpoint; with writer (ingests running), the share of the row's time during
    which an ingest ran and how many write transactions committed meanwhile (each one empties the
    server's read cache)."""
    print(f"{title}\n")
    print(f"load average at the start: {os.getloadavg()[0]:.2f}\n")
    print("| endpoint | p50 ms | p99 ms | max ms | req/s | 5xx or failed | other not 200 | server CPU ms/request | load avg (1 min) |"
          + (" time with an ingest running | writes committed |" if writer else ""))
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- | --- |" if writer else ""))
    for path in ENDPOINTS:
        w0 = write_count(db) if writer else 0
        t0, c0 = time.monotonic(), cpu_seconds(server.pid)
        lat, errors, other = hammer(port, path, clients, requests)
        wall, cpu = time.monotonic() - t0, cpu_seconds(server.pid) - c0
        p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
        row = (f"| `{path}` | {statistics.median(lat):.1f} | {p99:.1f} | {lat[-1]:.1f} | {len(lat) / wall:,.0f} | {errors} | {other}"
               f" | {1000 * cpu / len(lat):.1f} | {os.getloadavg()[0]:.2f} |")
        if writer:
            row += f" {100 * writer.overlap(t0, t0 + wall):.0f} % | {write_count(db) - w0:,} |"
        print(row, flush=True)
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
    ap.add_argument("--while-ingest", action="store_true")
    ap.add_argument("--ingest-part", type=int, default=0)
    ap.add_argument("--read-cache", type=int)
    ap.add_argument("--passes", type=int, default=1)
    args = ap.parse_args()
    if args.reuse and not args.keep:
        ap.error("--reuse needs --keep DIR")
    if args.while_ingest and not args.reuse:
        ap.error("--while-ingest goes with --reuse (a run without --reuse measures while an ingest runs anyway)")
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
    proc = serve(binary, db, args.port, args.read_cache)
    try:
        for n in range(1, args.passes + 1):
            latency_table(proc, args.port, args.clients, args.requests,
                          f"### Latency, {args.clients} clients × {args.requests} requests per endpoint"
                          + (f", pass {n} of {args.passes}" if args.passes > 1 else ""))
        if args.reuse and not args.while_ingest:
            return
        t0 = time.monotonic()
        writer = Writer(binary, db, extra, args.ingest_part)
        writer.start()
        latency_table(proc, args.port, args.clients, args.requests,
                      f"### Latency while `wallwatch ingest` runs ({sum(map(len, writer.parts)):,} held-back documents"
                      + (f", in parts of {args.ingest_part:,})" if args.ingest_part else ")"), writer, db)
        writer.stop()
        writer.join()
        print(f"{len(writer.intervals)} ingest call(s), {writer.docs:,} documents, {time.monotonic() - t0:,.0f} s wall"
              f" from the first start to the last end, {writer.cpu:,.1f} s CPU, peak RSS {writer.rss:,.0f} MiB\n")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    print(json.dumps({"work": work}))


if __name__ == "__main__":
    main()

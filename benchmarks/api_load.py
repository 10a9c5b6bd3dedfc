"""Load benchmark for the incidents and events endpoints of `sitrep serve` (issue 6 target: >= 500 req/s, p99 < 100 ms).

Builds a store of synthetic events reporting shared incidents (sitrep.serve.demo.synthetic_incident_corpus;
>= 10,000 events by default, each incident reported by one to five documents) and groups them into
incidents with the real `update_incidents` (what `sitrep ingest` does), starts a real uvicorn server in its own process on a loopback port, and sends a fixed number of
requests from a bounded number of keep-alive connections (a small asyncio HTTP/1.1 client, so the
load generator costs little CPU next to the server on a 2-core machine). The requests cycle
through typical UI queries: first pages, deeper pages, and the filters (country, type, dates,
bbox, contradictions, certainty, actor, search). With `--endpoint both` (the default) /api/incidents
is measured first, then /api/events, against the same server. Prints requests/s and latency
percentiles per endpoint; stops by itself.

    python benchmarks/api_load.py                       # 10,000 events, 6,000 requests each, 16 connections
    python benchmarks/api_load.py --endpoint incidents --events 20000 --requests 10000 --concurrency 32 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

INCIDENT_QUERIES = [
    "/api/incidents?limit={limit}",
    "/api/incidents?limit={limit}&offset=500",
    "/api/incidents?limit={limit}&offset=2000",
    "/api/incidents?limit={limit}&country=UA",
    "/api/incidents?limit={limit}&event_type=Battles",
    "/api/incidents?limit={limit}&date_from=2023-01-01&date_to=2023-06-30",
    "/api/incidents?limit={limit}&bbox=30,44,40,52",
    "/api/incidents?limit={limit}&has_contradiction=true",
    "/api/incidents?limit={limit}&certainty=claimed&certainty=denied",
    "/api/incidents?limit={limit}&actor=wagner",
    "/api/incidents?limit={limit}&country=SD&sort=-fatalities",
    "/api/incidents?limit={limit}&admin1=Kharkiv%20Oblast&date_from=2022-06-01",
    "/api/incidents?limit={limit}&q=telegram",
]

QUERIES = [
    "/api/events?limit={limit}",
    "/api/events?limit={limit}&offset=500",
    "/api/events?limit={limit}&offset=5000",
    "/api/events?limit={limit}&country=UA",
    "/api/events?limit={limit}&event_type=Battles",
    "/api/events?limit={limit}&date_from=2023-01-01&date_to=2023-06-30",
    "/api/events?limit={limit}&bbox=30,44,40,52",
    "/api/events?limit={limit}&has_contradiction=true",
    "/api/events?limit={limit}&certainty=claimed&certainty=denied",
    "/api/events?limit={limit}&actor=wagner",
    "/api/events?limit={limit}&country=SD&sort=-fatalities",
    "/api/events?limit={limit}&admin1=Kharkiv%20Oblast&date_from=2022-06-01",
]


def build_store(path: Path, n_events: int) -> dict:
    """Synthetic documents stored, then grouped into incidents (as `sitrep ingest` does)."""
    from sitrep.serve.demo import synthetic_incident_corpus
    from sitrep.store import open_store
    from sitrep.store.incidents import update_incidents

    with open_store(str(path)) as store:
        for doc, result in synthetic_incident_corpus(n_events):
            store.ingest(doc, result)
        return update_incidents(store)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVER = """
import sys, uvicorn
from sitrep.serve import Settings, create_app
app = create_app(sys.argv[1], Settings.from_env())
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False,
            loop="auto", http="auto")
"""


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], cwd=REPO)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start within 30 s")


class Connection:
    """One keep-alive HTTP/1.1 connection; GET only, Content-Length bodies (what uvicorn sends here)."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, len(body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def load(port: int, paths: list[str], requests: int, concurrency: int) -> dict:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(requests))
    sizes: list[int] = []

    async def worker() -> None:
        conn = Connection(port)
        try:
            for i in counter:
                path = paths[i % len(paths)]
                t0 = time.perf_counter()
                try:
                    status, size = await conn.get(path)
                except (OSError, asyncio.IncompleteReadError) as err:
                    errors[type(err).__name__] = errors.get(type(err).__name__, 0) + 1
                    conn.close()
                    conn = Connection(port)
                    continue
                latencies.append(time.perf_counter() - t0)
                sizes.append(size)
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
        finally:
            conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {
        "requests": len(latencies), "errors": errors, "seconds": round(elapsed, 2),
        "req_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(pct(50), 2), "p90_ms": round(pct(90), 2), "p99_ms": round(pct(99), 2),
        "max_ms": round(latencies[-1] * 1000, 2), "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
        "mean_body_bytes": int(statistics.fmean(sizes)) if sizes else 0,
    }


ENDPOINTS = {
    "incidents": (INCIDENT_QUERIES, "/api/incidents"),
    "events": (QUERIES, "/api/events"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", choices=("incidents", "events", "both"), default="both",
                        help="what to load (default both: incidents, then events)")
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events in the store (default 10,000)")
    parser.add_argument("--db", type=Path, help="use this existing store instead of building a synthetic one")
    parser.add_argument("--requests", type=int, default=6_000, help="measured requests per endpoint (default 6,000)")
    parser.add_argument("--warmup", type=int, default=300, help="unmeasured requests first (default 300)")
    parser.add_argument("--concurrency", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--limit", type=int, default=50, help="page size of each request (default 50, the API default)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    endpoints = ["incidents", "events"] if args.endpoint == "both" else [args.endpoint]

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-load-")
    reports = []
    try:
        if args.db:
            db = args.db
        else:
            db = Path(tmp.name) / "load.db"
            t0 = time.perf_counter()
            grouped = build_store(db, args.events)
            print(f"built a store of {args.events:,} synthetic events ({grouped['incidents']:,} incidents) "
                  f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        from sitrep.store import open_store
        from sitrep.store.incidents import incident_count

        with open_store(str(db), create=False) as store:
            n_events = store.counts()["events"]
            n_incidents = incident_count(store)
        port = free_port()
        server = start_server(db, port)
        try:
            for name in endpoints:
                queries, path = ENDPOINTS[name]
                paths = [q.format(limit=args.limit) for q in queries]
                asyncio.run(load(port, paths, args.warmup, min(args.concurrency, max(1, args.warmup))))
                report = asyncio.run(load(port, paths, args.requests, args.concurrency))
                report.update({"endpoint": f"{path} ({len(queries)} query mixes)", "events_in_store": n_events,
                               "incidents_in_store": n_incidents, "concurrency": args.concurrency,
                               "page_size": args.limit, "cpus": os.cpu_count()})
                report["target_met"] = report["req_per_s"] >= 500 and report["p99_ms"] < 100 and not report["errors"]
                reports.append(report)
        finally:
            server.terminate()
            server.wait(10)
    finally:
        tmp.cleanup()

    if args.json:
        print(json.dumps(reports if len(reports) > 1 else reports[0], indent=2))
        return
    print(f"{n_events:,} events in {n_incidents:,} incidents in the store, {args.concurrency} connections, "
          f"{args.limit} items per page, {os.cpu_count()} CPUs")
    for report in reports:
        print(report["endpoint"])
        print(f"  {report['requests']:,} requests in {report['seconds']} s: {report['req_per_s']:.0f} req/s")
        print(f"  latency p50 {report['p50_ms']:.1f} ms · p90 {report['p90_ms']:.1f} ms · p99 {report['p99_ms']:.1f} ms "
              f"· max {report['max_ms']:.1f} ms")
        print(f"  errors: {report['errors'] or 'none'}; mean response {report['mean_body_bytes']:,} bytes")
        print(f"  target (>= 500 req/s, p99 < 100 ms): {'met' if report['target_met'] else 'NOT met'}")


if __name__ == "__main__":
    main()

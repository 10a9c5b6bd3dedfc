"""Incremental incident fusion throughput: events/s and peak memory at N synthetic events.

    python benchmarks/fusion.py                     # 100k events through a SQLite store
    python benchmarks/fusion.py -n 20000 --batch 200
    python benchmarks/fusion.py --core-only         # the in-memory grouping alone (no store)

Synthetic world: incidents spread over a year in 8 countries x 25 places; each incident is
reported by 1-5 documents (1-3 events per document, dates off by a day now and then, one
report in ten naming only the region, one in twenty a syndicated copy). Documents are
ingested first (not timed), then grouped in batches in publication order, as a stream would
arrive: `update_incidents(store, since_doc_ids=batch)`. The grouping runs in a child process
so its peak RSS is its own. Pure standard library plus sitrep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitrep.model import Claim, Document, DocumentResult, Event, Place, Span  # noqa: E402

COUNTRIES = ["UA", "RU", "SY", "SD", "ML", "BF", "MM", "YE"]
TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
WORDS = ("strike shelling village town region governor said killed injured forces army drone missile rescue "
         "houses damaged night morning officials reported attack clash residents city police fire").split()


def world(seed: int):
    rnd = random.Random(seed)
    places = []
    for cc in COUNTRIES:
        lat0, lon0 = rnd.uniform(-10, 50), rnd.uniform(-10, 60)
        for a in range(5):
            for p in range(5):
                places.append(dict(name=f"{cc}-town-{a}-{p}", lat=lat0 + a * 1.5 + rnd.uniform(0, 0.6),
                                   lon=lon0 + p * 1.5 + rnd.uniform(0, 0.6), admin1=f"{cc}-region-{a}", country=cc))
    return rnd, places


def synth(n_events: int, seed: int = 7) -> list[tuple[Document, DocumentResult]]:
    rnd, places = world(seed)
    start = dt.date(2024, 1, 1)
    out: list[tuple[Document, DocumentResult]] = []
    total = incident = 0
    while total < n_events:
        incident += 1
        place = rnd.choice(places)
        etype, sub = rnd.choice(TYPES)
        day = start + dt.timedelta(days=rnd.randrange(365))
        killed = rnd.choice([None, 0, 1, 2, 3, 5, 8])
        base_text = " ".join(rnd.choice(WORDS) for _ in range(60))
        for r in range(rnd.randint(1, 5)):
            doc_id = f"d{incident}-{r}"
            published = day + dt.timedelta(days=rnd.choice([0, 1, 1, 2]))
            text = base_text + f" ({doc_id})" if rnd.random() < 0.05 else \
                " ".join(rnd.choice(WORDS) for _ in range(60)) + f" ({doc_id})"
            events, claims = [], []
            for e in range(rnd.randint(1, 3)):
                eid = f"e{e + 1}"
                if e == 0:
                    p, d, t = place, day + dt.timedelta(days=rnd.choice([0, 0, 0, 0, 1])), (etype, sub)
                    precision = 3 if rnd.random() < 0.1 else 1
                else:  # another, unrelated recent event in the same report
                    p, d, t = rnd.choice(places), day - dt.timedelta(days=rnd.randrange(1, 15)), rnd.choice(TYPES)
                    precision = 1
                value = killed if e == 0 and killed is not None else None
                if value is not None and rnd.random() < 0.2:
                    value += rnd.randint(1, 4)
                cids = []
                if value is not None:
                    cid = f"c{len(claims) + 1}"
                    cids.append(cid)
                    claims.append(Claim(id=cid, event=eid, attribute="killed", value=value,
                                        source=rnd.choice(["governor", "ministry", "police", None]),
                                        evidence=Span(start=0, end=10)))
                loc = Place(name=p["admin1"] if precision == 3 else p["name"], mention=p["name"],
                            lat=p["lat"], lon=p["lon"], admin1=p["admin1"], country=p["country"],
                            geo_precision=precision)
                events.append(Event(id=eid, event_type=t[0], sub_event_type=t[1], date_start=d, date_end=d,
                                    location=loc, actor1="Actor A", actor2=rnd.choice(["Civilians", "Actor B"]),
                                    fatalities=value, evidence=[Span(start=0, end=10)], claims=cids))
            total += len(events)
            out.append((Document(id=doc_id, text=text, source=f"outlet{rnd.randrange(40)}", published=published,
                                 language="en"),
                        DocumentResult(doc_id=doc_id, language="en", published=published, events=events, claims=claims)))
            if total >= n_events:
                break
    return out


def peak_rss_mb() -> float:
    """This process's peak RSS. ru_maxrss survives fork+exec (it would report the parent's
    peak), so on Linux read VmHWM, which reset_peak() clears."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux >= 4.0: reset VmHWM to the current RSS
    except OSError:
        pass


def fuse_only(db: str, order_file: str, batch: int) -> None:
    from sitrep.store import open_store
    from sitrep.store.incidents import incident_count, update_incidents

    import sitrep.resolve.incidents  # noqa: F401  (imports are not fusion time)

    doc_ids = json.loads(Path(order_file).read_text())
    reset_peak()
    base = peak_rss_mb()
    events = 0
    t0 = time.perf_counter()
    with open_store(db, create=False) as store:
        for i in range(0, len(doc_ids), batch):
            events += update_incidents(store, since_doc_ids=doc_ids[i:i + batch])["events"]
        seconds = time.perf_counter() - t0
        n_incidents = incident_count(store)
    print(json.dumps({"events": events, "documents": len(doc_ids), "batch_documents": batch,
                      "incidents": n_incidents, "seconds": round(seconds, 2),
                      "events_per_s": round(events / seconds, 1),
                      "peak_rss_mb": round(peak_rss_mb(), 1), "rss_before_mb": round(base, 1)}))


def core_only(pairs, batch: int) -> None:
    import tracemalloc

    from sitrep.resolve.incidents import IncidentIndex, node_from_event

    opts = IncidentIndex().options
    nodes = [node_from_event(doc.id, doc.id, doc.published, e, opts) for doc, r in pairs for e in r.events]
    nodes.sort(key=lambda n: n.order)
    tracemalloc.start()
    index = IncidentIndex(opts)
    t0 = time.perf_counter()
    for i in range(0, len(nodes), batch):
        index.add(nodes[i:i + batch])
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    print(json.dumps({"mode": "core (in memory, tracemalloc on)", "events": len(nodes), "batch_events": batch,
                      "incidents": len(index.incidents()), "seconds": round(seconds, 2),
                      "events_per_s": round(len(nodes) / seconds, 1), "traced_peak_mb": round(peak / 2**20, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="synthetic events")
    parser.add_argument("--batch", type=int, default=500, help="documents per incremental update")
    parser.add_argument("--core-only", action="store_true")
    parser.add_argument("--db", help="keep the store here (default: a temporary file)")
    parser.add_argument("--fuse-only", nargs=2, metavar=("DB", "ORDER_JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fuse_only:
        fuse_only(*args.fuse_only, args.batch)
        return
    pairs = synth(args.n)
    if args.core_only:
        core_only(pairs, args.batch)
        return
    from sitrep.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "fusion.db")
        t0 = time.perf_counter()
        with open_store(db) as store:
            for doc, result in pairs:
                store.ingest(doc, result)
        ingest_s = time.perf_counter() - t0
        order = sorted(pairs, key=lambda p: (p[0].published, p[0].id))
        order_file = Path(tmp) / "order.json"
        order_file.write_text(json.dumps([d.id for d, _ in order]))
        print(json.dumps({"synthetic_events": sum(len(r.events) for _, r in pairs), "documents": len(pairs),
                          "ingest_seconds_untimed_in_fusion": round(ingest_s, 1)}), flush=True)
        subprocess.run([sys.executable, __file__, "--fuse-only", db, str(order_file), "--batch", str(args.batch)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": "0"})


if __name__ == "__main__":
    main()

"""An in-memory filter index over the events table, so listing events stays fast under load.

Filtering and sorting thousands of wide event rows in SQLite costs ~10 ms a request (every row
read carries its JSON). Instead the server keeps the filterable columns of every event in numpy
arrays, filters them with vectorised masks, pages through pre-computed sort orders, and then
fetches only the page's rows from the store. The snapshot is rebuilt when the store changes:
checked at most once per `ttl` seconds (the CLI may ingest in another process) and at once after
an ingest through the API. Memory: a few hundred bytes per event.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection, Engine

from sitrep.serve.queries import C, D, E, K, EventFilters

_NO_DATE = np.datetime64("NaT", "D")


def _dates(values) -> np.ndarray:
    return np.array([np.datetime64(v, "D") if v is not None else _NO_DATE for v in values], dtype="datetime64[D]")


def _floats(values) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _objects(values) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _lower(value: str | None) -> str:
    return value.lower() if value else ""


class Cat:
    """A string column as integer codes into its distinct values: equality, IN and substring
    tests run on the (few) distinct values, then map to rows through the codes."""

    def __init__(self, values, *, lower: bool = False):
        values = [(_lower(v) if lower else v) for v in values]
        self.values = sorted({v for v in values if v is not None})
        code_of = {v: i for i, v in enumerate(self.values)}
        self.code_of = code_of
        self.codes = np.array([code_of.get(v, -1) for v in values], dtype=np.int32)
        self.lowered = np.array([v.lower() for v in self.values], dtype=str) if self.values else np.zeros(0, dtype=str)

    def isin(self, wanted) -> np.ndarray:
        codes = [self.code_of[w] for w in wanted if w in self.code_of]
        if not codes:
            return np.zeros(len(self.codes), dtype=bool)
        if len(codes) == 1:
            return self.codes == codes[0]
        return np.isin(self.codes, codes)

    def contains(self, needle: str) -> np.ndarray:
        if not len(self.values):
            return np.zeros(len(self.codes), dtype=bool)
        hit = np.append(np.strings.find(self.lowered, needle) >= 0, False)  # code -1 → the appended False
        return hit[self.codes]


@dataclass
class Snapshot:
    version: tuple
    size: int
    doc_id: np.ndarray
    event_id: np.ndarray
    docs: Cat
    event_type: Cat
    sub_event_type: Cat
    country: Cat
    admin1: Cat  # lower-cased
    actor1: Cat
    actor2: Cat
    searchable: list[Cat]  # the columns the q search looks in
    certainty: Cat
    date_start: np.ndarray
    date_end_or_start: np.ndarray
    date_start_or_end: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    fatalities: np.ndarray
    contradictions: np.ndarray
    orders: dict[str, np.ndarray]
    position: dict[tuple[str, str], int]  # (doc_id, event_id) → row
    documents: dict[str, dict]  # doc_id → {title, source, url, published, language}
    sources: dict[tuple[str, str], list[dict]]  # (doc_id, event_id) → distinct claim sources
    fragments: dict[tuple[str, str], bytes] = field(default_factory=dict)  # encoded list items
    max_fragments: int = 100_000

    def remember(self, key: tuple[str, str], encoded: bytes) -> None:
        if len(self.fragments) >= self.max_fragments:
            self.fragments.clear()  # crude, but bounded; a page re-reads what it needs
        self.fragments[key] = encoded

    def mask(self, f: EventFilters) -> np.ndarray:
        m = np.ones(self.size, dtype=bool)
        if f.date_from:
            m &= self.date_end_or_start >= np.datetime64(f.date_from, "D")
        if f.date_to:
            m &= self.date_start_or_end <= np.datetime64(f.date_to, "D")
        if f.event_type:
            m &= self.event_type.isin(f.event_type)
        if f.sub_event_type:
            m &= self.sub_event_type.isin(f.sub_event_type)
        if f.country:
            m &= self.country.isin([c.upper() for c in f.country])
        if f.admin1:
            m &= self.admin1.isin([f.admin1.lower()])
        if f.certainty:
            m &= self.certainty.isin(f.certainty)
        if f.has_contradiction is not None:
            m &= (self.contradictions > 0) == f.has_contradiction
        if f.bbox:
            west, south, east, north = f.bbox
            with np.errstate(invalid="ignore"):
                m &= (self.lat >= south) & (self.lat <= north)
                if west <= east:
                    m &= (self.lon >= west) & (self.lon <= east)
                else:
                    m &= (self.lon >= west) | (self.lon <= east)
        if f.min_fatalities is not None:
            with np.errstate(invalid="ignore"):
                m &= self.fatalities >= f.min_fatalities
        if f.doc_id:
            m &= self.docs.isin([f.doc_id])
        if f.actor:
            needle = f.actor.strip().lower()
            m &= self.actor1.contains(needle) | self.actor2.contains(needle)
        if f.q:
            needle = f.q.strip().lower()
            hit = np.zeros(self.size, dtype=bool)
            for column in self.searchable:
                hit |= column.contains(needle)
            m &= hit
        return m

    def page(self, f: EventFilters, *, sort: str, limit: int, offset: int) -> tuple[int, list[tuple[str, str]]]:
        order = self.orders[sort]
        chosen = order[self.mask(f)[order]]
        rows = chosen[offset:offset + limit]
        return len(chosen), [(self.doc_id[i], self.event_id[i]) for i in rows]


def store_version(conn: Connection) -> tuple:
    """Changes whenever a document is added or replaced (ingest stamps ingested_at)."""
    n_events = conn.execute(select(func.count()).select_from(E)).scalar_one()
    n_docs, last = conn.execute(select(func.count(), func.max(D.c.ingested_at)).select_from(D)).one()
    return n_events, n_docs, str(last)


def build(conn: Connection, version: tuple) -> Snapshot:
    n_contra = (
        select(func.count()).select_from(K)
        .where(and_(K.c.doc_id == E.c.doc_id, K.c.event_id == E.c.event_id)).scalar_subquery()
    )
    rows = conn.execute(
        select(E.c.doc_id, E.c.event_id, E.c.seq, E.c.event_type, E.c.sub_event_type, E.c.date_start, E.c.date_end,
               E.c.country, E.c.admin1, E.c.actor1, E.c.actor2, E.c.certainty, E.c.lat, E.c.lon, E.c.fatalities,
               E.c.location_name, E.c.location_mention, D.c.title, D.c.source, n_contra.label("n_contra"))
        .select_from(E.join(D, D.c.doc_id == E.c.doc_id))
    ).all()
    n = len(rows)
    col = list(zip(*rows)) if rows else [[] for _ in range(20)]
    (doc_id, event_id, seq, event_type, sub_event_type, date_start, date_end, country, admin1, actor1, actor2,
     certainty, lat, lon, fatalities, loc_name, loc_mention, title, source, n_con) = col
    start = _dates(date_start)
    end = _dates(date_end)
    cats = {name: Cat(values) for name, values in (
        ("event_type", event_type), ("sub_event_type", sub_event_type), ("country", country),
        ("actor1", actor1), ("actor2", actor2), ("certainty", certainty), ("admin1_search", admin1),
        ("loc_name", loc_name), ("loc_mention", loc_mention), ("title", title), ("source", source))}
    snap = Snapshot(
        version=version, size=n,
        doc_id=_objects(doc_id), event_id=_objects(event_id), docs=Cat(doc_id),
        event_type=cats["event_type"], sub_event_type=cats["sub_event_type"], country=cats["country"],
        admin1=Cat(admin1, lower=True), actor1=cats["actor1"], actor2=cats["actor2"],
        searchable=[cats[k] for k in ("loc_name", "loc_mention", "admin1_search", "actor1", "actor2",
                                      "event_type", "sub_event_type", "title", "source")],
        certainty=cats["certainty"],
        date_start=start,
        date_end_or_start=np.where(np.isnat(end), start, end),
        date_start_or_end=np.where(np.isnat(start), end, start),
        lat=_floats(lat), lon=_floats(lon), fatalities=_floats(fatalities),
        contradictions=np.array(n_con, dtype=np.int64) if n else np.zeros(0, dtype=np.int64),
        orders={},
        position={(d, e): i for i, (d, e) in enumerate(zip(doc_id, event_id))},
        documents={},
        sources={},
    )
    for d_id, d_title, d_source, d_url, d_published, d_language in conn.execute(
        select(D.c.doc_id, D.c.title, D.c.source, D.c.url, D.c.published, D.c.language)
    ):
        snap.documents[d_id] = {"title": d_title, "source": d_source, "url": d_url,
                                "published": d_published.isoformat() if d_published else None, "language": d_language}
    seen: dict[tuple[str, str], dict] = {}
    for c_doc, c_event, c_source, c_type in conn.execute(
        select(C.c.doc_id, C.c.event_id, C.c.source, C.c.source_type)
        .where(C.c.event_id.is_not(None)).order_by(C.c.doc_id, C.c.seq)
    ):
        seen.setdefault((c_doc, c_event), {}).setdefault((c_source, c_type), {"name": c_source, "source_type": c_type})
    snap.sources = {k: list(v.values()) for k, v in seen.items()}
    # Sort orders, the same as queries.SORTS: nulls last, ties by document and position.
    day = start.astype("int64").astype(float)
    day[np.isnat(start)] = np.nan
    docs = np.array(doc_id, dtype=str) if n else np.zeros(0, dtype=str)
    seqs = np.array(seq, dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
    fat = snap.fatalities
    no_day = np.isnan(day)
    snap.orders["doc"] = np.lexsort((seqs, docs)) if n else np.zeros(0, dtype=np.int64)
    snap.orders["date"] = np.lexsort((seqs, docs, np.where(no_day, np.inf, day), no_day)) if n else snap.orders["doc"]
    snap.orders["-date"] = np.lexsort((seqs, docs, np.where(no_day, 0, -day), no_day)) if n else snap.orders["doc"]
    no_fat = np.isnan(fat)
    snap.orders["-fatalities"] = (
        np.lexsort((seqs, docs, np.where(no_day, 0, -day), no_day, np.where(no_fat, 0, -fat), no_fat))
        if n else snap.orders["doc"]
    )
    return snap


def _sqlite_files(engine: Engine) -> list[str]:
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return []
    return [engine.url.database, engine.url.database + "-wal"]


class EventIndex:
    def __init__(self, engine: Engine, ttl: float = 1.0):
        self.engine = engine
        self.ttl = ttl
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._files = _sqlite_files(engine)
        self._stamp: tuple | None = None

    def _file_stamp(self) -> tuple | None:
        """For SQLite, the database and WAL files' size and mtime: they change on every commit,
        and checking them costs two stat calls instead of two queries."""
        if not self._files:
            return None
        stamp = []
        for path in self._files:
            try:
                st = os.stat(path)
                stamp.append((st.st_size, st.st_mtime_ns))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def fresh(self) -> bool:
        """A snapshot exists and was checked against the store less than `ttl` seconds ago."""
        return self._snapshot is not None and time.monotonic() - self._checked < self.ttl

    def invalidate(self) -> None:
        self._checked = 0.0
        self._stamp = None

    def get(self, conn: Connection) -> Snapshot:
        snap = self._snapshot
        now = time.monotonic()
        if snap is not None and now - self._checked < self.ttl:
            return snap
        with self._lock:
            if self._snapshot is not None and time.monotonic() - self._checked < self.ttl:
                return self._snapshot
            stamp = self._file_stamp()
            if self._snapshot is None or stamp is None or stamp != self._stamp:
                version = store_version(conn)
                if self._snapshot is None or self._snapshot.version != version:
                    self._snapshot = build(conn, version)
                self._stamp = stamp
            self._checked = time.monotonic()
            return self._snapshot

    def stats(self) -> dict[str, Any]:
        snap = self._snapshot
        return {"events": snap.size if snap else None, "version": list(snap.version) if snap else None}

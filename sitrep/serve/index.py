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


class StoreIndex:
    """A snapshot of some table(s), rebuilt when the store changed: checked at most once per `ttl`
    seconds (SQLite: two stat calls; a version query only when the files changed) and at once
    after `invalidate` (an ingest through the API)."""

    def __init__(self, engine: Engine, ttl: float = 1.0):
        self.engine = engine
        self.ttl = ttl
        self._snapshot: Any = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._files = _sqlite_files(engine)
        self._stamp: tuple | None = None

    # what a subclass provides
    def version(self, conn: Connection) -> tuple:
        raise NotImplementedError

    def build(self, conn: Connection, version: tuple) -> Any:
        raise NotImplementedError

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

    def get(self, conn: Connection):
        snap = self._snapshot
        now = time.monotonic()
        if snap is not None and now - self._checked < self.ttl:
            return snap
        with self._lock:
            if self._snapshot is not None and time.monotonic() - self._checked < self.ttl:
                return self._snapshot
            stamp = self._file_stamp()
            if self._snapshot is None or stamp is None or stamp != self._stamp:
                version = self.version(conn)
                if self._snapshot is None or self._snapshot.version != version:
                    self._snapshot = self.build(conn, version)
                self._stamp = stamp
            self._checked = time.monotonic()
            return self._snapshot


class EventIndex(StoreIndex):
    def version(self, conn: Connection) -> tuple:
        return store_version(conn)

    def build(self, conn: Connection, version: tuple) -> Snapshot:
        return build(conn, version)

    def stats(self) -> dict[str, Any]:
        snap = self._snapshot
        return {"events": snap.size if snap else None, "version": list(snap.version) if snap else None}


# -- incidents ---------------------------------------------------------------------------------

CERTAINTIES = ("confirmed", "asserted", "reported", "claimed", "likely", "unconfirmed", "denied")
_CERT_BIT = {c: 1 << i for i, c in enumerate(CERTAINTIES)}


def _date_mask(m: np.ndarray, f: EventFilters, end_or_start: np.ndarray, start_or_end: np.ndarray) -> None:
    if f.date_from:
        m &= end_or_start >= np.datetime64(f.date_from, "D")
    if f.date_to:
        m &= start_or_end <= np.datetime64(f.date_to, "D")


def _bbox_mask(m: np.ndarray, f: EventFilters, lat: np.ndarray, lon: np.ndarray) -> None:
    if f.bbox:
        west, south, east, north = f.bbox
        with np.errstate(invalid="ignore"):
            m &= (lat >= south) & (lat <= north)
            if west <= east:
                m &= (lon >= west) & (lon <= east)
            else:
                m &= (lon >= west) | (lon <= east)


@dataclass
class IncidentSnapshot:
    """The filterable fields of every stored incident (sitrep.store.incidents), as arrays.

    Filters mean what they mean for events, applied to the incident: its consensus type, place,
    dates and fatalities; `actor` matches any member event's actors, `certainty` any member
    event's certainty, `doc_id` incidents with a member from that document, `q` the place,
    actors, types, outlets, document titles and claim sources of its reports.
    """

    version: tuple
    size: int
    ids: np.ndarray
    position: dict[str, int]
    event_type: Cat
    sub_event_type: Cat
    country: Cat
    admin1: Cat  # lower-cased
    actors: Cat  # every member's actors, one per line, lower-cased
    searchable: list[Cat]
    certainty_bits: np.ndarray  # bit i: a member event has CERTAINTIES[i]
    by_doc: dict[str, np.ndarray]  # doc_id → rows of the incidents it reports
    date_start: np.ndarray
    date_end_or_start: np.ndarray
    date_start_or_end: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    fatalities: np.ndarray
    contested: np.ndarray  # bool
    orders: dict[str, np.ndarray]
    fragments: dict[str, bytes] = field(default_factory=dict)  # encoded list items
    max_fragments: int = 100_000

    def remember(self, key: str, encoded: bytes) -> None:
        if len(self.fragments) >= self.max_fragments:
            self.fragments.clear()
        self.fragments[key] = encoded

    def mask(self, f: EventFilters) -> np.ndarray:
        m = np.ones(self.size, dtype=bool)
        _date_mask(m, f, self.date_end_or_start, self.date_start_or_end)
        if f.event_type:
            m &= self.event_type.isin(f.event_type)
        if f.sub_event_type:
            m &= self.sub_event_type.isin(f.sub_event_type)
        if f.country:
            m &= self.country.isin([c.upper() for c in f.country])
        if f.admin1:
            m &= self.admin1.isin([f.admin1.lower()])
        if f.certainty:
            bits = 0
            for c in f.certainty:
                bits |= _CERT_BIT.get(str(getattr(c, "value", c)), 0)
            m &= (self.certainty_bits & bits) != 0
        if f.has_contradiction is not None:
            m &= self.contested == f.has_contradiction
        _bbox_mask(m, f, self.lat, self.lon)
        if f.min_fatalities is not None:
            with np.errstate(invalid="ignore"):
                m &= self.fatalities >= f.min_fatalities
        if f.doc_id:
            rows = self.by_doc.get(f.doc_id)
            keep = np.zeros(self.size, dtype=bool)
            if rows is not None:
                keep[rows] = True
            m &= keep
        if f.actor:
            m &= self.actors.contains(f.actor.strip().lower())
        if f.q:
            needle = f.q.strip().lower()
            hit = np.zeros(self.size, dtype=bool)
            for column in self.searchable:
                hit |= column.contains(needle)
            m &= hit
        return m

    def page(self, f: EventFilters, *, sort: str, limit: int, offset: int) -> tuple[int, list[str]]:
        order = self.orders[sort]
        chosen = order[self.mask(f)[order]]
        return len(chosen), [self.ids[i] for i in chosen[offset:offset + limit]]

    def timeline(self, f: EventFilters) -> dict[str, Any]:
        m = self.mask(f)
        dated = m & ~np.isnat(self.date_start)
        days: dict[str, dict[str, int]] = {}
        types: set[str] = set()
        if dated.any():
            day = self.date_start[dated].astype("int64")
            code = self.event_type.codes[dated].astype("int64")
            keys, counts = np.unique(day * 64 + code, return_counts=True)
            for key, n in zip(keys.tolist(), counts.tolist()):
                d, c = divmod(key, 64)
                name = self.event_type.values[c]
                days.setdefault(str(np.datetime64(d, "D")), {})[name] = n
                types.add(name)
        return {
            "days": [{"date": d, "counts": c, "total": sum(c.values())} for d, c in days.items()],
            "event_types": sorted(types),
            "undated": int((m & np.isnat(self.date_start)).sum()),
        }

    def facets(self, countries_named) -> dict[str, Any]:
        def counted(cat: Cat) -> list[tuple[str, int]]:
            n = np.bincount(cat.codes[cat.codes >= 0], minlength=len(cat.values))
            return [(v, int(k)) for v, k in zip(cat.values, n) if k]

        admin1_pairs: dict[tuple[str, str], int] = {}
        for c, a in zip(self._country_of_row, self._admin1_of_row):
            if a is not None:
                admin1_pairs[(c, a)] = admin1_pairs.get((c, a), 0) + 1
        certainty = [(c, int(((self.certainty_bits & bit) != 0).sum())) for c, bit in _CERT_BIT.items()]
        ends = self.date_end_or_start[~np.isnat(self.date_end_or_start)]
        starts = self.date_start[~np.isnat(self.date_start)]
        return {
            "incidents": self.size,
            "event_types": [{"value": v, "count": n} for v, n in counted(self.event_type)],
            "countries": [{"value": v, "name": countries_named(v), "count": n} for v, n in counted(self.country)],
            "admin1": [{"value": a, "country": c, "count": n}
                       for (c, a), n in sorted(admin1_pairs.items(), key=lambda kv: (kv[0][1], kv[0][0] or ""))],
            "certainties": [{"value": c, "count": n} for c, n in certainty if n],
            "date_min": str(starts.min()) if len(starts) else None,
            "date_max": str(ends.max()) if len(ends) else None,
        }

    _country_of_row: list = field(default_factory=list)
    _admin1_of_row: list = field(default_factory=list)


INCIDENT_SORTS = ("-date", "date", "-fatalities")


def incident_version(conn: Connection) -> tuple:
    from sitrep.store.incidents import incident_members, incidents

    n, last = conn.execute(select(func.count(), func.max(incidents.c.updated_at)).select_from(incidents)).one()
    n_members = conn.execute(select(func.count()).select_from(incident_members)).scalar_one()
    return n, n_members, str(last)


def build_incidents(conn: Connection, version: tuple) -> IncidentSnapshot:
    from sitrep.store.incidents import incident_members as M, incidents as I

    rows = conn.execute(
        select(I.c.incident_id, I.c.event_type, I.c.sub_event_type, I.c.date_start, I.c.date_end, I.c.country,
               I.c.admin1, I.c.location_name, I.c.lat, I.c.lon, I.c.actors, I.c.fatalities, I.c.has_contradiction)
        .order_by(I.c.incident_id)
    ).all()
    n = len(rows)
    col = list(zip(*rows)) if rows else [[] for _ in range(13)]
    (ids, event_type, sub_event_type, date_start, date_end, country, admin1, loc_name, lat, lon, actors, fatalities,
     contested) = col
    position = {i: k for k, i in enumerate(ids)}
    # per incident: member certainties, documents, and the text of its reports (outlets, titles, claim sources)
    bits = np.zeros(n, dtype=np.int64)
    docs_of: dict[str, list[int]] = {}
    words: list[set[str]] = [set() for _ in range(n)]
    for inc, doc_id, certainty, outlet, title in conn.execute(
        select(M.c.incident_id, M.c.doc_id, E.c.certainty, D.c.source, D.c.title)
        .select_from(M.join(E, and_(E.c.doc_id == M.c.doc_id, E.c.event_id == M.c.event_id))
                     .join(D, D.c.doc_id == M.c.doc_id))
    ):
        k = position.get(inc)
        if k is None:
            continue
        bits[k] |= _CERT_BIT.get(certainty, 0)
        docs_of.setdefault(doc_id, []).append(k)
        for value in (outlet, title):
            if value:
                words[k].add(value)
    for inc, source in conn.execute(
        select(M.c.incident_id, C.c.source).distinct()
        .select_from(M.join(C, and_(C.c.doc_id == M.c.doc_id, C.c.event_id == M.c.event_id)))
        .where(C.c.source.is_not(None))
    ):
        k = position.get(inc)
        if k is not None:
            words[k].add(source)
    reports = ["\n".join(sorted(w)) for w in words]
    start, end = _dates(date_start), _dates(date_end)
    actor_cat = Cat([a or None for a in actors], lower=True)
    snap = IncidentSnapshot(
        version=version, size=n, ids=_objects(list(ids)), position=position,
        event_type=Cat(event_type), sub_event_type=Cat(sub_event_type), country=Cat(country),
        admin1=Cat(admin1, lower=True), actors=actor_cat,
        searchable=[Cat(loc_name), Cat(admin1), actor_cat, Cat(event_type), Cat(sub_event_type), Cat(reports)],
        certainty_bits=bits,
        by_doc={d: np.array(sorted(set(v)), dtype=np.int64) for d, v in docs_of.items()},
        date_start=start,
        date_end_or_start=np.where(np.isnat(end), start, end),
        date_start_or_end=np.where(np.isnat(start), end, start),
        lat=_floats(lat), lon=_floats(lon), fatalities=_floats(fatalities),
        contested=np.array([bool(c) for c in contested], dtype=bool),
        orders={},
        _country_of_row=list(country), _admin1_of_row=list(admin1),
    )
    # Sort orders: nulls last, ties by id (the rows are in id order, so a stable sort keeps it).
    rank = np.arange(n)
    day = start.astype("int64").astype(float)
    no_day = np.isnat(start)
    day[no_day] = np.nan
    fat = snap.fatalities
    no_fat = np.isnan(fat)
    if n:
        snap.orders["date"] = np.lexsort((rank, np.where(no_day, 0, day), no_day))
        snap.orders["-date"] = np.lexsort((rank, np.where(no_day, 0, -day), no_day))
        snap.orders["-fatalities"] = np.lexsort((rank, np.where(no_day, 0, -day), no_day, np.where(no_fat, 0, -fat), no_fat))
    else:
        snap.orders = {s: np.zeros(0, dtype=np.int64) for s in INCIDENT_SORTS}
    return snap


class IncidentIndex(StoreIndex):
    def version(self, conn: Connection) -> tuple:
        return incident_version(conn)

    def build(self, conn: Connection, version: tuple) -> IncidentSnapshot:
        return build_incidents(conn, version)

    def stats(self) -> dict[str, Any]:
        snap = self._snapshot
        return {"incidents": snap.size if snap else None, "version": list(snap.version) if snap else None}

"""Incidents in the store: tables (migration 0002_incidents), the incremental update that runs
after ingest, and the read side (`sitrep incidents`, incident-level exports, as-of views).

    with open_store("sitrep.db") as store:
        update_incidents(store)                    # only documents not yet grouped
        for record in incident_records(store, country="UA"): ...
        for record in incidents_as_of(store, dt.date(2024, 4, 7)): ...

Documents are processed in canonical order (published, content hash), never ingestion order;
see sitrep.resolve.incidents.cluster for why the result does not depend on that order anyway.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from types import SimpleNamespace
from typing import Any, Iterable, Iterator

from sqlalchemy import (
    Boolean, Column, Connection, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
    PrimaryKeyConstraint, String, Table, Text, and_, delete, or_, select,
)

from sitrep.model import Event
from sitrep.resolve.incidents.match import node_from_event  # light: no datasketch
from sitrep.store import rows, schema
from sitrep.store.schema import Json, metadata

CHUNK = 400  # ids per IN (...) list


def _doc_fk(name: str = "doc_id") -> Column:
    return Column(name, String, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False)


incident_docs = Table(
    "incident_docs", metadata,  # documents already grouped, with their MinHash signature
    Column("doc_id", String, ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("published", Date),
    Column("signature", LargeBinary, nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    Index("ix_incident_docs_published", "published"),
)

incidents = Table(
    "incidents", metadata,
    Column("incident_id", String, primary_key=True),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("location_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("actors", Text, nullable=False),  # every member's actors, one per line (for filters)
    Column("fatalities", Integer),
    Column("documents", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("first_reported", Date),
    Column("has_contradiction", Boolean, nullable=False),
    Column("data", Json, nullable=False),  # the full record (sitrep.resolve.incidents.fuse)
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_incidents_date", "date_start"),
    Index("ix_incidents_place", "country", "admin1"),
    Index("ix_incidents_type", "event_type"),
)

incident_members = Table(
    "incident_members", metadata,
    Column("incident_id", String, ForeignKey("incidents.incident_id", ondelete="CASCADE"), nullable=False),
    _doc_fk(),
    Column("event_id", String, nullable=False),
    Column("d0", Integer),  # the event's date span as day ordinals (blocking)
    Column("d1", Integer),
    Column("published", Date),
    PrimaryKeyConstraint("doc_id", "event_id", name="pk_incident_members"),
    Index("ix_incident_members_incident", "incident_id"),
    Index("ix_incident_members_days", "d0", "d1"),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    _doc_fk("doc_a"),
    _doc_fk("doc_b"),
    Column("similarity", Float, nullable=False),
    PrimaryKeyConstraint("doc_a", "doc_b", name="pk_near_duplicates"),
    Index("ix_near_duplicates_b", "doc_b"),
)

TABLES = (incident_docs, incidents, incident_members, near_duplicates)


def create_tables(conn: Connection) -> None:
    """Migration 0002_incidents."""
    for table in TABLES:
        table.create(conn)


# -- loading stored events ------------------------------------------------------------------

def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _event_view(row) -> Any:
    """The fields node_from_event reads, straight from the events columns (no JSON parsing)."""
    loc = None
    if row["location_name"] is not None:
        loc = SimpleNamespace(name=row["location_name"], geonameid=row["geonameid"], lat=row["lat"],
                              lon=row["lon"], admin1=row["admin1"], country=row["country"],
                              geo_precision=row["geo_precision"] or 1)
    return SimpleNamespace(id=row["event_id"], event_type=row["event_type"], sub_event_type=row["sub_event_type"],
                           date_start=row["date_start"], date_end=row["date_end"], location=loc,
                           actor1=row["actor1"], actor2=row["actor2"])


def _node(row, options):
    return node_from_event(row["doc_id"], row["content_hash"], row["published"], _event_view(row), options)


_E, _D, _M = schema.events, schema.documents, incident_members
_NODE_COLUMNS = (
    _E.c.doc_id, _E.c.event_id, _E.c.event_type, _E.c.sub_event_type, _E.c.date_start, _E.c.date_end,
    _E.c.location_name, _E.c.geonameid, _E.c.lat, _E.c.lon, _E.c.admin1, _E.c.country, _E.c.geo_precision,
    _E.c.actor1, _E.c.actor2, _D.c.content_hash, _D.c.published,
)


def _member_query():
    return (select(*_NODE_COLUMNS, _M.c.incident_id)
            .select_from(_M.join(_E, and_(_E.c.doc_id == _M.c.doc_id, _E.c.event_id == _M.c.event_id))
                         .join(_D, _D.c.doc_id == _M.c.doc_id)))


def _load_members(conn: Connection, doc_ids: Iterable[str], dup_pairs: Iterable[tuple[str, str]] | None = None,
                  keys: set[tuple[str, str]] | None = None):
    """Member objects (sitrep.resolve.incidents.Member) for these documents' events."""
    from sitrep.resolve.incidents import Member

    doc_ids = sorted(set(doc_ids))
    meta, events, claims, contras = {}, {}, defaultdict(list), defaultdict(list)
    for part in _chunks(doc_ids):
        for r in conn.execute(select(_D.c.doc_id, _D.c.published, _D.c.source, _D.c.content_hash)
                              .where(_D.c.doc_id.in_(part))).mappings():
            meta[r["doc_id"]] = r
        for r in conn.execute(select(_E.c.doc_id, _E.c.event_id, _E.c.data).where(_E.c.doc_id.in_(part))).mappings():
            if keys is None or (r["doc_id"], r["event_id"]) in keys:
                events[(r["doc_id"], r["event_id"])] = r["data"]
        c = schema.claims
        for r in conn.execute(select(c).where(c.c.doc_id.in_(part)).order_by(c.c.doc_id, c.c.seq)).mappings():
            claims[(r["doc_id"], r["event_id"])].append(rows.claim_from_row(r))
        k = schema.contradictions
        for r in conn.execute(select(k).where(k.c.doc_id.in_(part)).order_by(k.c.doc_id, k.c.seq)).mappings():
            contras[(r["doc_id"], r["event_id"])].append(rows.contradiction_from_row(r))
    out = {}
    for (doc_id, event_id), data in events.items():
        d = meta[doc_id]
        out[(doc_id, event_id)] = Member(
            doc_id=doc_id, event=Event.model_validate(data), published=d["published"], outlet=d["source"],
            content_hash=d["content_hash"], claims=claims.get((doc_id, event_id), []),
            contradictions=contras.get((doc_id, event_id), []))
    if dup_pairs is None:
        dup_pairs = _dup_pairs(conn, doc_ids)
    from sitrep.resolve.incidents.dedup import groups

    group_of = groups(doc_ids, dup_pairs)
    sizes = defaultdict(int)
    for g in group_of.values():
        sizes[g] += 1
    for m in out.values():
        g = group_of.get(m.doc_id, m.doc_id)
        m.group = g if sizes[g] > 1 else ""
    return out


def _dup_pairs(conn: Connection, doc_ids: list[str]) -> list[tuple[str, str]]:
    nd = near_duplicates
    pairs = set()
    for part in _chunks(doc_ids):
        for a, b in conn.execute(select(nd.c.doc_a, nd.c.doc_b).where(or_(nd.c.doc_a.in_(part), nd.c.doc_b.in_(part)))):
            pairs.add((a, b))
    return sorted(pairs)


def _fuse_incidents(conn: Connection, grouped: dict[str, list[tuple[str, str]]]) -> list[dict[str, Any]]:
    from sitrep.resolve.incidents import fuse

    keys = {k for members in grouped.values() for k in members}
    loaded = _load_members(conn, (d for d, _ in keys), keys=keys)
    # Members are recomputed per incident so near-duplicate groups only span that incident.
    records = []
    for incident_id in sorted(grouped):
        members = [loaded[k] for k in grouped[incident_id] if k in loaded]
        if members:
            records.append(fuse(incident_id, members))
    return records


# -- the incremental update -----------------------------------------------------------------

def update_incidents(store, since_doc_ids: Iterable[str] | None = None, options=None) -> dict[str, int]:
    """Group the events of documents not yet grouped (or whose text changed) into incidents.

    ``since_doc_ids``: consider only these documents (e.g. the ones an ingest just stored).
    Returns counts: documents, events, incidents (new or changed), removed, near_duplicates.
    """
    from sitrep.resolve.incidents import DEFAULT_OPTIONS, IncidentIndex
    from sitrep.resolve.incidents import dedup

    options = options or DEFAULT_OPTIONS
    now = dt.datetime.now(dt.timezone.utc)
    d, i = schema.documents, incident_docs
    with store.engine.connect().execution_options(sqlite_write=True) as conn, conn.begin():
        query = (select(d.c.doc_id, d.c.content_hash, d.c.published, d.c.text, i.c.content_hash.label("seen_hash"))
                 .select_from(d.outerjoin(i, i.c.doc_id == d.c.doc_id))
                 .where(or_(i.c.doc_id.is_(None), i.c.content_hash != d.c.content_hash)))
        pending = []
        if since_doc_ids is not None:
            for part in _chunks(sorted(set(since_doc_ids))):
                pending += conn.execute(query.where(d.c.doc_id.in_(part))).mappings().all()
        else:
            pending = conn.execute(query).mappings().all()
        if not pending:
            return {"documents": 0, "events": 0, "incidents": 0, "removed": 0, "near_duplicates": 0}
        # Canonical order: published (undated last), then content hash; never ingestion order.
        pending.sort(key=lambda r: (r["published"] is None, r["published"] or dt.date.min, r["content_hash"]))
        doc_ids = [r["doc_id"] for r in pending]

        # Replaced texts: their old events leave their incidents, which are regrouped.
        replaced = [r["doc_id"] for r in pending if r["seen_hash"] is not None]
        removed_from: set[str] = set()
        for part in _chunks(replaced):
            removed_from |= set(conn.execute(select(_M.c.incident_id).where(_M.c.doc_id.in_(part))).scalars())
            conn.execute(delete(_M).where(_M.c.doc_id.in_(part)))
            conn.execute(delete(near_duplicates).where(or_(near_duplicates.c.doc_a.in_(part),
                                                          near_duplicates.c.doc_b.in_(part))))
            conn.execute(delete(i).where(i.c.doc_id.in_(part)))

        # Near-duplicates against documents published close by.
        sigs = [(r["doc_id"], dedup.signature(r["text"], options)) for r in pending]
        dated = [r["published"] for r in pending if r["published"]]
        known_q = select(i.c.doc_id, i.c.signature)
        if dated:
            pad = dt.timedelta(days=options.duplicate_days)
            known_q = known_q.where(or_(i.c.published.is_(None),
                                        i.c.published.between(min(dated) - pad, max(dated) + pad)))
        known = [(doc, dedup.from_bytes(raw, options)) for doc, raw in conn.execute(known_q)]
        pairs = dedup.near_duplicates(sigs, known, options)
        if pairs:
            conn.execute(near_duplicates.insert(), [{"doc_a": a, "doc_b": b, "similarity": s} for a, b, s in pairs])

        # New nodes, then the neighbourhood they touch.
        nodes = []
        for part in _chunks(doc_ids):
            q = select(*_NODE_COLUMNS).select_from(_E.join(_D, _D.c.doc_id == _E.c.doc_id)).where(_E.c.doc_id.in_(part))
            nodes += [_node(r, options) for r in conn.execute(q).mappings()]
        nodes.sort(key=lambda n: n.order)

        def fetch_range(lo: int, hi: int):
            q = _member_query().where(_M.c.d0 <= hi, _M.c.d1 >= lo)
            return [(_node(r, options), r["incident_id"]) for r in conn.execute(q).mappings()]

        def fetch_incidents(ids: set[str]):
            out = []
            for part in _chunks(sorted(ids)):
                q = _member_query().where(_M.c.incident_id.in_(part))
                out += [(_node(r, options), r["incident_id"]) for r in conn.execute(q).mappings()]
            return out

        index = IncidentIndex(options, fetch_range=fetch_range, fetch_incidents=fetch_incidents)
        gone, changed = index.add(nodes, removed_from=removed_from)

        stale = sorted(set(gone) | set(changed))
        for part in _chunks(stale):
            conn.execute(delete(_M).where(_M.c.incident_id.in_(part)))
            conn.execute(delete(incidents).where(incidents.c.incident_id.in_(part)))
        records = _fuse_incidents(conn, changed)
        if records:
            conn.execute(incidents.insert(), [_incident_row(r, now) for r in records])
            member_rows = []
            for incident_id in sorted(changed):
                for key in changed[incident_id]:
                    n = index.nodes[key]
                    member_rows.append({"incident_id": incident_id, "doc_id": n.doc_id, "event_id": n.event_id,
                                        "d0": n.d0, "d1": n.d1,
                                        "published": dt.date.fromisoformat(n.published) if n.published else None})
            conn.execute(_M.insert(), member_rows)
        conn.execute(i.insert(), [{"doc_id": r["doc_id"], "content_hash": r["content_hash"], "published": r["published"],
                                   "signature": dedup.to_bytes(m), "processed_at": now}
                                  for r, (_, m) in zip(pending, sigs)])
    return {"documents": len(pending), "events": len(nodes), "incidents": len(changed),
            "removed": len(set(gone) - set(changed)), "near_duplicates": len(pairs)}


def _incident_row(record: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    loc = record["location"] or {}
    actors = sorted({a for m in record["members"] for a in (m["event"].get("actor1"), m["event"].get("actor2")) if a})
    return {
        "incident_id": record["id"], "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
        "date_start": _date(record["date_start"]), "date_end": _date(record["date_end"]),
        "country": loc.get("country"), "admin1": loc.get("admin1"), "location_name": loc.get("name"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "actors": "\n".join(actors),
        "fatalities": record["fatalities"], "documents": record["documents"],
        "independent_sources": record["independent_sources"], "first_reported": _date(record["first_reported"]),
        "has_contradiction": record["has_contradiction"], "data": record, "updated_at": now,
    }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# -- reading --------------------------------------------------------------------------------

def _matches(record: dict[str, Any], *, since=None, until=None, event_type=None, country=None, admin1=None,
             actor=None, has_contradiction=None) -> bool:
    start, end = _date(record["date_start"]), _date(record["date_end"])
    if since and (end or start) and (end or start) < since:
        return False
    if until and (start or end) and (start or end) > until:
        return False
    if (since or until) and not (start or end):
        return False
    if event_type and event_type.casefold() not in (record["event_type"].casefold(), record["sub_event_type"].casefold()):
        return False
    if country and (record["country"] or "").upper() != country.upper():
        return False
    if admin1 and (record["admin1"] or "").casefold() != admin1.casefold():
        return False
    if actor:
        needle = actor.casefold()
        names = {a for m in record["members"] for a in (m["event"].get("actor1"), m["event"].get("actor2")) if a}
        if not any(needle in a.casefold() for a in names):
            return False
    if has_contradiction is not None and record["has_contradiction"] != has_contradiction:
        return False
    return True


def incident_records(store, *, since: dt.date | None = None, until: dt.date | None = None,
                     event_type: str | None = None, country: str | None = None, admin1: str | None = None,
                     actor: str | None = None, has_contradiction: bool | None = None) -> Iterator[dict[str, Any]]:
    """Stored incident records, by (date_start, id), filtered; streamed."""
    t = incidents
    q = select(t.c.data).order_by(t.c.date_start, t.c.incident_id)
    if since:
        q = q.where(or_(t.c.date_end >= since, t.c.date_start >= since))
    if until:
        q = q.where(t.c.date_start <= until)
    if country:
        q = q.where(t.c.country == country.upper())
    if has_contradiction is not None:
        q = q.where(t.c.has_contradiction == has_contradiction)
    with store.engine.connect().execution_options(yield_per=500) as conn:
        for (data,) in conn.execute(q):
            if _matches(data, since=since, until=until, event_type=event_type, country=country, admin1=admin1,
                        actor=actor, has_contradiction=has_contradiction):
                yield data


def incidents_as_of(store, as_of: dt.date, options=None, **filters) -> list[dict[str, Any]]:
    """What was known from documents published on or before ``as_of``: their events grouped
    afresh (a later report can join two incidents; earlier ones cannot know it), their claims,
    the consensus and contradictions they support. Documents without a date are left out."""
    from sitrep.resolve.incidents import DEFAULT_OPTIONS, IncidentIndex

    options = options or DEFAULT_OPTIONS
    with store.engine.connect() as conn:
        q = (select(*_NODE_COLUMNS).select_from(_E.join(_D, _D.c.doc_id == _E.c.doc_id))
             .where(_D.c.published.is_not(None), _D.c.published <= as_of))
        nodes = [_node(r, options) for r in conn.execute(q).mappings()]
        nodes.sort(key=lambda n: n.order)
        index = IncidentIndex(options)
        index.add(nodes)
        docs = sorted({n.doc_id for n in nodes})
        pairs = [(a, b) for a, b in _dup_pairs(conn, docs) if a in set(docs) and b in set(docs)]
        grouped = index.incidents()
        keys = {k for members in grouped.values() for k in members}
        loaded = _load_members(conn, docs, dup_pairs=pairs, keys=keys)
    from sitrep.resolve.incidents import fuse

    records = [fuse(i, [loaded[k] for k in grouped[i]]) for i in grouped]
    records = [r for r in records if _matches(r, **filters)]
    records.sort(key=lambda r: (r["date_start"] or "9999", r["id"]))
    return records


def incident_count(store) -> int:
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(incidents)).scalar_one()

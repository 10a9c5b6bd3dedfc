"""Read queries behind the HTTP API, over the store's tables (SQLAlchemy Core, SQLite or PostgreSQL).

Everything here returns plain dicts/lists ready to be serialised; the routers add paging
envelopes and errors. Events are addressed across the store by a *uid*, ``"{doc_id}:{event_id}"``
(event ids are unique only within their document).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import orjson
from sqlalchemy import String, Text, and_, cast, exists, func, literal, or_, select
from sqlalchemy.engine import Connection

from sitrep.store import schema

E, D, C, K = schema.events, schema.documents, schema.claims, schema.contradictions


# -- ids -----------------------------------------------------------------------------------

def event_uid(doc_id: str, event_id: str) -> str:
    return f"{doc_id}:{event_id}"


def split_uid(uid: str) -> tuple[str, str] | None:
    """``"doc:e1"`` → ("doc", "e1"); the event id is what follows the last colon."""
    doc_id, sep, event_id = uid.rpartition(":")
    if not sep or not doc_id or not event_id:
        return None
    return doc_id, event_id


# -- filters -------------------------------------------------------------------------------

@dataclass
class EventFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: Sequence[str] = ()
    sub_event_type: Sequence[str] = ()
    country: Sequence[str] = ()
    admin1: str | None = None
    actor: str | None = None
    certainty: Sequence[str] = ()
    has_contradiction: bool | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_fatalities: int | None = None
    doc_id: str | None = None
    q: str | None = None

    def clauses(self) -> list[Any]:
        out: list[Any] = []
        if self.date_from:
            out.append(func.coalesce(E.c.date_end, E.c.date_start) >= self.date_from)
        if self.date_to:
            out.append(func.coalesce(E.c.date_start, E.c.date_end) <= self.date_to)
        if self.event_type:
            out.append(E.c.event_type.in_(list(self.event_type)))
        if self.sub_event_type:
            out.append(E.c.sub_event_type.in_(list(self.sub_event_type)))
        if self.country:
            out.append(E.c.country.in_([c.upper() for c in self.country]))
        if self.admin1:
            out.append(func.lower(E.c.admin1) == self.admin1.lower())
        if self.actor:
            pattern = like_pattern(self.actor)
            out.append(or_(func.lower(E.c.actor1).like(pattern, escape="\\"),
                           func.lower(E.c.actor2).like(pattern, escape="\\")))
        if self.certainty:
            out.append(E.c.certainty.in_(list(self.certainty)))
        if self.has_contradiction is not None:
            linked = exists().where(and_(K.c.doc_id == E.c.doc_id, K.c.event_id == E.c.event_id))
            out.append(linked if self.has_contradiction else ~linked)
        if self.bbox:
            west, south, east, north = self.bbox
            out.append(E.c.lat.between(south, north))
            if west <= east:
                out.append(E.c.lon.between(west, east))
            else:  # the box crosses the antimeridian
                out.append(or_(E.c.lon >= west, E.c.lon <= east))
        if self.min_fatalities is not None:
            out.append(E.c.fatalities >= self.min_fatalities)
        if self.doc_id:
            out.append(E.c.doc_id == self.doc_id)
        if self.q:
            pattern = like_pattern(self.q)
            out.append(or_(*(func.lower(col).like(pattern, escape="\\") for col in (
                E.c.location_name, E.c.location_mention, E.c.admin1, E.c.actor1, E.c.actor2,
                E.c.event_type, E.c.sub_event_type, D.c.title, D.c.source,
            ))))
        return out

    def needs_documents(self) -> bool:
        return bool(self.q)


def like_pattern(text: str) -> str:
    escaped = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


SORTS = {
    "-date": lambda: [E.c.date_start.desc().nulls_last(), E.c.doc_id, E.c.seq],
    "date": lambda: [E.c.date_start.asc().nulls_last(), E.c.doc_id, E.c.seq],
    "-fatalities": lambda: [E.c.fatalities.desc().nulls_last(), E.c.date_start.desc().nulls_last(), E.c.doc_id, E.c.seq],
    "doc": lambda: [E.c.doc_id, E.c.seq],
}


# -- events --------------------------------------------------------------------------------

def _contradiction_count():
    return (
        select(func.count()).select_from(K)
        .where(and_(K.c.doc_id == E.c.doc_id, K.c.event_id == E.c.event_id))
        .scalar_subquery()
    )


def _event_select():
    return (
        select(E.c.doc_id, E.c.event_id, cast(E.c.data, Text).label("data_json"), D.c.title, D.c.source, D.c.url, D.c.published,
               D.c.language, _contradiction_count().label("n_contradictions"))
        .select_from(E.join(D, D.c.doc_id == E.c.doc_id))
    )


def event_item(row: Any, sources: list[dict] | None = None) -> dict[str, Any]:
    item = orjson.loads(row.data_json)  # the stored contract Event (faster than the JSON type's json.loads)
    item["uid"] = event_uid(row.doc_id, row.event_id)
    item["doc_id"] = row.doc_id
    item["document"] = {
        "title": row.title, "source": row.source, "url": row.url,
        "published": row.published.isoformat() if row.published else None, "language": row.language,
    }
    item["contradictions"] = row.n_contradictions
    item["sources"] = sources if sources is not None else []
    return item


def list_events(conn: Connection, filters: EventFilters, *, limit: int, offset: int, sort: str) -> tuple[int, list[dict]]:
    """One page of events, filtered and ordered in SQL (see `list_events_json` for the fast path)."""
    where = filters.clauses()
    count_q = select(func.count()).select_from(E)
    if filters.needs_documents():
        count_q = select(func.count()).select_from(E.join(D, D.c.doc_id == E.c.doc_id))
    if where:
        count_q = count_q.where(*where)
    total = conn.execute(count_q).scalar_one()
    if total == 0 or offset >= total:
        return total, []
    query = _event_select().where(*where).order_by(*SORTS[sort]()).limit(limit).offset(offset)
    rows = conn.execute(query).all()
    sources = _claim_sources(conn, rows)
    return total, [event_item(r, sources.get((r.doc_id, r.event_id), [])) for r in rows]


def list_events_json(conn: Connection, snapshot, filters: EventFilters, *, limit: int, offset: int, sort: str) -> bytes:
    """The same page as `list_events`, as JSON bytes, through a `sitrep.serve.index.Snapshot`.

    Filtering and ordering happen in memory; each event's JSON is encoded once and kept by the
    snapshot, so a page is mostly a join of cached fragments. Rows not cached yet are read by
    document id.
    """
    total, keys = snapshot.page(filters, sort=sort, limit=limit, offset=offset)
    cache = snapshot.fragments
    missing = [k for k in keys if k not in cache]
    if missing:
        wanted = set(missing)
        rows = conn.execute(
            select(E.c.doc_id, E.c.event_id, cast(E.c.data, Text).label("data_json"))
            .where(E.c.doc_id.in_(sorted({d for d, _ in missing})))
        )
        for doc_id, event_id, data_json in rows:
            key = (doc_id, event_id)
            if key not in wanted or key not in snapshot.position:
                continue
            item = orjson.loads(data_json)
            item["uid"] = event_uid(doc_id, event_id)
            item["doc_id"] = doc_id
            item["document"] = snapshot.documents.get(doc_id) or {}
            item["contradictions"] = int(snapshot.contradictions[snapshot.position[key]])
            item["sources"] = snapshot.sources.get(key, [])
            snapshot.remember(key, orjson.dumps(item))
    fragments = [cache[k] for k in keys if k in cache]  # a row deleted since the snapshot is skipped
    nxt = offset + limit
    head = orjson.dumps({"total": total, "limit": limit, "offset": offset, "next_offset": nxt if nxt < total else None})
    return head[:-1] + b',"items":[' + b",".join(fragments) + b"]}"


def _claim_sources(conn: Connection, rows: Sequence[Any]) -> dict[tuple[str, str], list[dict]]:
    """(doc_id, event_id) → distinct claim sources with their types, in claim order."""
    doc_ids = sorted({r.doc_id for r in rows})
    if not doc_ids:
        return {}
    found: dict[tuple[str, str], dict[tuple, dict]] = {}
    query = (
        select(C.c.doc_id, C.c.event_id, C.c.source, C.c.source_type)
        .where(C.c.doc_id.in_(doc_ids), C.c.event_id.is_not(None))
        .order_by(C.c.doc_id, C.c.seq)
    )
    for doc_id, event_id, source, source_type in conn.execute(query):
        key = (source, source_type)
        found.setdefault((doc_id, event_id), {}).setdefault(key, {"name": source, "source_type": source_type})
    return {k: list(v.values()) for k, v in found.items()}


def get_event(conn: Connection, doc_id: str, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(_event_select().where(E.c.doc_id == doc_id, E.c.event_id == event_id)).first()
    if row is None:
        return None
    claims = [claim_item(r) for r in conn.execute(
        _claim_select().where(C.c.doc_id == doc_id).order_by(C.c.seq)
    )]
    mine = {c["id"] for c in claims if c["event"] == event_id}
    by_id = {c["id"]: c for c in claims}
    contradictions = []
    for k in conn.execute(select(K).where(K.c.doc_id == doc_id).order_by(K.c.seq)).mappings():
        ids = list(k["claim_ids"])
        if k["event_id"] != event_id and not (k["event_id"] is None and mine.intersection(ids)):
            continue
        contradictions.append({
            "attribute": k["attribute"], "event": k["event_id"], "note": k["note"], "claims": ids,
            "claim_objects": [by_id[i] for i in ids if i in by_id],
        })
    contradicted = {i for k in contradictions for i in k["claims"]}
    event_claims = []
    for c in claims:
        if c["id"] in mine or c["id"] in contradicted:
            c["contradicted"] = c["id"] in contradicted
            event_claims.append(c)
    item = event_item(row, _claim_sources(conn, [row]).get((doc_id, event_id), []))
    item["claim_objects"] = event_claims
    item["contradiction_objects"] = contradictions
    return item


# -- claims --------------------------------------------------------------------------------

def _claim_contradicted():
    # claim_ids is a JSON array of strings; its text form contains "<claim id>" (quoted),
    # which works the same on SQLite (JSON text) and PostgreSQL (jsonb::text).
    return exists().where(and_(
        K.c.doc_id == C.c.doc_id,
        cast(K.c.claim_ids, String).like(literal('%"') + C.c.claim_id + literal('"%')),
    ))


def _claim_select():
    return select(C, _claim_contradicted().label("is_contradicted"))


def claim_item(row: Any) -> dict[str, Any]:
    m = row._mapping
    value = m["value_int"] if m["value_int"] is not None else m["value"]
    return {
        "uid": f"{m['doc_id']}:{m['claim_id']}",
        "doc_id": m["doc_id"],
        "id": m["claim_id"],
        "event": m["event_id"],
        "event_uid": event_uid(m["doc_id"], m["event_id"]) if m["event_id"] else None,
        "attribute": m["attribute"],
        "value": value,
        "subject": m["subject"],
        "text": m["text"],
        "source": m["source"],
        "source_type": m["source_type"],
        "via": m["via"],
        "certainty": m["certainty"],
        "quote": bool(m["quote"]),
        "evidence": {"start": m["evidence_start"], "end": m["evidence_end"]},
        "contradicted": bool(m["is_contradicted"]),
    }


@dataclass
class ClaimFilters:
    doc_id: str | None = None
    event: tuple[str, str] | None = None
    source: str | None = None
    source_type: Sequence[str] = ()
    attribute: Sequence[str] = ()
    certainty: Sequence[str] = ()
    contradicted: bool | None = None
    q: str | None = None

    def clauses(self) -> list[Any]:
        out: list[Any] = []
        if self.doc_id:
            out.append(C.c.doc_id == self.doc_id)
        if self.event:
            out += [C.c.doc_id == self.event[0], C.c.event_id == self.event[1]]
        if self.source:
            out.append(func.lower(C.c.source) == self.source.lower())
        if self.source_type:
            out.append(C.c.source_type.in_(list(self.source_type)))
        if self.attribute:
            out.append(C.c.attribute.in_(list(self.attribute)))
        if self.certainty:
            out.append(C.c.certainty.in_(list(self.certainty)))
        if self.contradicted is not None:
            out.append(_claim_contradicted() if self.contradicted else ~_claim_contradicted())
        if self.q:
            pattern = like_pattern(self.q)
            out.append(or_(func.lower(C.c.text).like(pattern, escape="\\"),
                           func.lower(C.c.source).like(pattern, escape="\\"),
                           func.lower(C.c.subject).like(pattern, escape="\\")))
        return out


def list_claims(conn: Connection, filters: ClaimFilters, *, limit: int, offset: int) -> tuple[int, list[dict]]:
    where = filters.clauses()
    total = conn.execute(select(func.count()).select_from(C).where(*where)).scalar_one()
    rows = conn.execute(_claim_select().where(*where).order_by(C.c.doc_id, C.c.seq).limit(limit).offset(offset))
    return total, [claim_item(r) for r in rows]


# -- documents -----------------------------------------------------------------------------

def _doc_counts():
    n_events = select(func.count()).select_from(E).where(E.c.doc_id == D.c.doc_id).scalar_subquery()
    n_claims = select(func.count()).select_from(C).where(C.c.doc_id == D.c.doc_id).scalar_subquery()
    n_contra = select(func.count()).select_from(K).where(K.c.doc_id == D.c.doc_id).scalar_subquery()
    return n_events.label("n_events"), n_claims.label("n_claims"), n_contra.label("n_contradictions")


def document_item(row: Any) -> dict[str, Any]:
    m = row._mapping
    return {
        "doc_id": m["doc_id"], "title": m["title"], "source": m["source"], "url": m["url"],
        "published": m["published"].isoformat() if m["published"] else None,
        "language": m["language"],
        "ingested_at": _iso(m["ingested_at"]),
        "revision": m["revision"],
        "events": m["n_events"], "claims": m["n_claims"], "contradictions": m["n_contradictions"],
    }


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat()


_DOC_COLUMNS = (D.c.doc_id, D.c.title, D.c.source, D.c.url, D.c.published, D.c.language, D.c.ingested_at, D.c.revision)


def list_documents(conn: Connection, *, q: str | None, source: str | None, language: str | None,
                   limit: int, offset: int) -> tuple[int, list[dict]]:
    where: list[Any] = []
    if q:
        pattern = like_pattern(q)
        where.append(or_(func.lower(D.c.title).like(pattern, escape="\\"),
                         func.lower(D.c.text).like(pattern, escape="\\"),
                         func.lower(D.c.doc_id).like(pattern, escape="\\")))
    if source:
        where.append(func.lower(D.c.source) == source.lower())
    if language:
        where.append(D.c.language == language.lower())
    total = conn.execute(select(func.count()).select_from(D).where(*where)).scalar_one()
    rows = conn.execute(
        select(*_DOC_COLUMNS, *_doc_counts()).where(*where)
        .order_by(D.c.published.desc().nulls_last(), D.c.doc_id).limit(limit).offset(offset)
    )
    return total, [document_item(r) for r in rows]


def get_document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(*_DOC_COLUMNS, D.c.text, D.c.warnings, *_doc_counts()).where(D.c.doc_id == doc_id)).first()
    if row is None:
        return None
    item = document_item(row)
    item["text"] = row.text
    item["warnings"] = list(row.warnings or [])
    events = [event_item(r) for r in conn.execute(_event_select().where(E.c.doc_id == doc_id).order_by(E.c.seq))]
    claims = [claim_item(r) for r in conn.execute(_claim_select().where(C.c.doc_id == doc_id).order_by(C.c.seq))]
    contradictions = [
        {"attribute": k["attribute"], "event": k["event_id"], "note": k["note"], "claims": list(k["claim_ids"])}
        for k in conn.execute(select(K).where(K.c.doc_id == doc_id).order_by(K.c.seq)).mappings()
    ]
    item["event_objects"] = events
    item["claim_objects"] = claims
    item["contradiction_objects"] = contradictions
    item["spans"] = document_spans(events, claims)
    return item


def document_spans(events: Iterable[dict], claims: Iterable[dict]) -> list[dict]:
    """Every evidence span in the text: which event or claim it supports."""
    spans = []
    for e in events:
        for s in e.get("evidence") or []:
            spans.append({"start": s["start"], "end": s["end"], "kind": "event", "ref": e["id"], "uid": e["uid"]})
    for c in claims:
        s = c["evidence"]
        spans.append({"start": s["start"], "end": s["end"], "kind": "claim", "ref": c["id"],
                      "uid": c["event_uid"], "contradicted": c["contradicted"]})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans


# -- sources -------------------------------------------------------------------------------

def list_sources(conn: Connection, *, q: str | None, kind: str | None) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    if kind in (None, "claim"):
        query = (
            select(C.c.source, C.c.source_type, func.count(), func.count(func.distinct(C.c.doc_id)))
            .where(C.c.source.is_not(None)).group_by(C.c.source, C.c.source_type)
        )
        for name, source_type, n_claims, n_docs in conn.execute(query):
            entry = found.setdefault((name, "claim"), {
                "name": name, "kind": "claim", "source_types": [], "claims": 0, "documents": 0})
            if source_type and source_type not in entry["source_types"]:
                entry["source_types"].append(source_type)
            entry["claims"] += n_claims
            entry["documents"] = max(entry["documents"], n_docs)
    if kind in (None, "outlet"):
        query = select(D.c.source, func.count()).where(D.c.source.is_not(None)).group_by(D.c.source)
        for name, n_docs in conn.execute(query):
            found[(name, "outlet")] = {"name": name, "kind": "outlet", "source_types": ["media"],
                                       "claims": None, "documents": n_docs}
    items = list(found.values())
    if q:
        needle = q.strip().lower()
        items = [s for s in items if needle in s["name"].lower()]
    items.sort(key=lambda s: (-(s["claims"] or 0), -s["documents"], s["name"].lower(), s["kind"]))
    return items


# -- aggregates ----------------------------------------------------------------------------

def timeline(conn: Connection, filters: EventFilters) -> dict[str, Any]:
    day = E.c.date_start
    query = select(day, E.c.event_type, func.count()).where(day.is_not(None), *filters.clauses())
    if filters.needs_documents():
        query = query.select_from(E.join(D, D.c.doc_id == E.c.doc_id))
    query = query.group_by(day, E.c.event_type).order_by(day)
    days: dict[str, dict[str, int]] = {}
    types: set[str] = set()
    for date, event_type, n in conn.execute(query):
        days.setdefault(date.isoformat(), {})[event_type] = n
        types.add(event_type)
    undated_q = select(func.count()).select_from(E).where(day.is_(None), *filters.clauses())
    if filters.needs_documents():
        undated_q = select(func.count()).select_from(E.join(D, D.c.doc_id == E.c.doc_id)).where(day.is_(None), *filters.clauses())
    return {
        "days": [{"date": d, "counts": c, "total": sum(c.values())} for d, c in days.items()],
        "event_types": sorted(types),
        "undated": conn.execute(undated_q).scalar_one(),
    }


def facets(conn: Connection) -> dict[str, Any]:
    from sitrep.export.countries import country as country_info

    types = conn.execute(select(E.c.event_type, func.count()).group_by(E.c.event_type).order_by(E.c.event_type)).all()
    countries = conn.execute(
        select(E.c.country, func.count()).where(E.c.country.is_not(None)).group_by(E.c.country).order_by(E.c.country)
    ).all()
    admin1 = conn.execute(
        select(E.c.country, E.c.admin1, func.count()).where(E.c.admin1.is_not(None))
        .group_by(E.c.country, E.c.admin1).order_by(E.c.admin1)
    ).all()
    certainties = conn.execute(select(E.c.certainty, func.count()).group_by(E.c.certainty)).all()
    first, last = conn.execute(select(func.min(E.c.date_start), func.max(func.coalesce(E.c.date_end, E.c.date_start)))).one()
    total = conn.execute(select(func.count()).select_from(E)).scalar_one()
    return {
        "events": total,
        "event_types": [{"value": t, "count": n} for t, n in types],
        "countries": [
            {"value": c, "name": (info.name if (info := country_info(c)) else c), "count": n} for c, n in countries
        ],
        "admin1": [{"value": a, "country": c, "count": n} for c, a, n in admin1],
        "certainties": [{"value": c, "count": n} for c, n in certainties],
        "date_min": first.isoformat() if first else None,
        "date_max": last.isoformat() if last else None,
    }

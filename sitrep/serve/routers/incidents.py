"""/api/incidents: events from different documents fused into incidents (issue 5), read-only.

The records are the ones `sitrep.store.incidents` keeps; the server does not group documents
itself: `sitrep ingest` (through `update_incidents`) does. Until incidents exist the list is
empty and the UI maps events instead.

Listing is served from an in-memory index (sitrep.serve.index.IncidentIndex), refreshed when the
store changes, as /api/events is: filters run as vectorised masks, a page is a join of cached
encoded items. The same filters as /api/events apply, to the incident's consensus fields (see
`IncidentSnapshot`). With the index switched off (Settings.incident_index) the same answers
come from the stored records, filtered in Python (the reference the index is tested against).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Text, cast, select

from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, not_found, page, store_of
from sitrep.serve.index import CERTAINTIES
from sitrep.serve.models import ErrorResponse, IncidentDetail, IncidentFacets, IncidentPage, Timeline
from sitrep.serve.routers.events import event_filters

router = APIRouter(tags=["incidents"])
ERRORS = {422: {"model": ErrorResponse}}
IncidentSort = Literal["-date", "date", "-fatalities"]

# Fields of a stored record that a list item carries (the detail has everything).
_SUMMARY = ("id", "event_type", "sub_event_type", "date_start", "date_end", "time_precision", "location", "country",
            "admin1", "actor1", "actor2", "fatalities", "fatalities_range", "documents", "independent_sources",
            "sources", "first_reported", "first_reported_by", "has_contradiction")


def _members(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"doc_id": m["doc_id"], "event": m["event"]["id"], "event_uid": queries.event_uid(m["doc_id"], m["event"]["id"]),
             "published": m.get("published"), "outlet": m.get("outlet"), "duplicate_of": m.get("duplicate_of")}
            for m in record.get("members") or []]


def summary(record: dict[str, Any]) -> dict[str, Any]:
    item = {k: record.get(k) for k in _SUMMARY}
    item["members"] = _members(record)
    item["claims"] = len(record.get("claims") or [])
    item["contradictions"] = len(record.get("contradictions") or [])
    item["certainties"] = sorted({m["event"].get("certainty") for m in record.get("members") or []
                                  if m["event"].get("certainty")}, key=_cert_rank)
    return item


def _cert_rank(c: str) -> int:
    return CERTAINTIES.index(c) if c in CERTAINTIES else len(CERTAINTIES)


# -- the fast path: the in-memory index --------------------------------------------------------

def list_incidents_json(conn, snapshot, filters: queries.EventFilters, *, limit: int, offset: int, sort: str) -> bytes:
    total, ids = snapshot.page(filters, sort=sort, limit=limit, offset=offset)
    cache = snapshot.fragments
    missing = [i for i in ids if i not in cache]
    if missing:
        from sitrep.store.incidents import incidents as I

        for incident_id, data_json in conn.execute(
            select(I.c.incident_id, cast(I.c.data, Text)).where(I.c.incident_id.in_(missing))
        ):
            if incident_id in snapshot.position:
                snapshot.remember(incident_id, orjson.dumps(summary(orjson.loads(data_json))))
    fragments = [cache[i] for i in ids if i in cache]  # an incident removed since the snapshot is skipped
    nxt = offset + limit
    head = orjson.dumps({"total": total, "limit": limit, "offset": offset, "next_offset": nxt if nxt < total else None})
    return head[:-1] + b',"items":[' + b",".join(fragments) + b"]}"


# -- the reference path: stored records filtered in Python -------------------------------------

def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def record_matches(record: dict[str, Any], f: queries.EventFilters, titles: dict[str, str | None]) -> bool:
    start, end = _date(record.get("date_start")), _date(record.get("date_end"))
    if f.date_from and not ((end or start) and (end or start) >= f.date_from):
        return False
    if f.date_to and not ((start or end) and (start or end) <= f.date_to):
        return False
    if f.event_type and record["event_type"] not in f.event_type:
        return False
    if f.sub_event_type and record["sub_event_type"] not in f.sub_event_type:
        return False
    loc = record.get("location") or {}
    if f.country and (loc.get("country") or "") not in {c.upper() for c in f.country}:
        return False
    if f.admin1 and (loc.get("admin1") or "").lower() != f.admin1.lower():
        return False
    members = record.get("members") or []
    if f.certainty and not {m["event"].get("certainty") for m in members} & {str(getattr(c, "value", c)) for c in f.certainty}:
        return False
    if f.has_contradiction is not None and bool(record["has_contradiction"]) != f.has_contradiction:
        return False
    if f.bbox:
        lat, lon = loc.get("lat"), loc.get("lon")
        if lat is None or lon is None:
            return False
        west, south, east, north = f.bbox
        if not south <= lat <= north or not (west <= lon <= east if west <= east else (lon >= west or lon <= east)):
            return False
    if f.min_fatalities is not None and (record.get("fatalities") is None or record["fatalities"] < f.min_fatalities):
        return False
    if f.doc_id and f.doc_id not in {m["doc_id"] for m in members}:
        return False
    actors = {a for m in members for a in (m["event"].get("actor1"), m["event"].get("actor2")) if a}
    if f.actor and not any(f.actor.strip().lower() in a.lower() for a in actors):
        return False
    if f.q:
        needle = f.q.strip().lower()
        texts = [loc.get("name"), loc.get("admin1"), record["event_type"], record["sub_event_type"], *actors]
        texts += [m.get("outlet") for m in members] + [titles.get(m["doc_id"]) for m in members]
        texts += [c.get("source") for c in record.get("claims") or []]
        if not any(needle in t.lower() for t in texts if t):
            return False
    return True


def _sort_key(sort: str):
    def key(r: dict[str, Any]):
        day = _date(r.get("date_start"))
        o = day.toordinal() if day else 0
        by_day = (day is None, -o if sort != "date" else o)
        if sort == "-fatalities":
            fat = r.get("fatalities")
            return (fat is None, -(fat or 0), *by_day, r["id"])
        return (*by_day, r["id"])
    return key


def list_incidents_reference(store, filters: queries.EventFilters, *, limit: int, offset: int, sort: str) -> dict:
    from sitrep.store.incidents import incident_records

    with store.engine.connect() as conn:
        titles = dict(conn.execute(select(queries.D.c.doc_id, queries.D.c.title)).all())
    found = [r for r in incident_records(store) if record_matches(r, filters, titles)]
    found.sort(key=_sort_key(sort))
    return page(len(found), limit, offset, [summary(r) for r in found[offset:offset + limit]])


# -- routes ------------------------------------------------------------------------------------

@router.get("/incidents", response_model=IncidentPage, responses=ERRORS, summary="List incidents")
async def list_incidents(
    request: Request,
    filters: queries.EventFilters = Depends(event_filters),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
    sort: IncidentSort = Query("-date", description="'-date': newest first; '-fatalities': deadliest first"),
):
    """Incidents, newest first, filtered and paged; the same filters as /api/events, applied to the
    incident: consensus type, place, dates and fatalities; `actor` and `certainty` match any member
    event, `doc_id` incidents a document reports, `q` place, actors, types, outlets, titles and claim sources.

    Every filter narrows the result (AND); repeated parameters (event_type, country, certainty) are alternatives (OR).
    """
    index = request.app.state.incident_index
    if index is not None and index.fresh():  # the hot path, on the event loop (see /api/events)
        with store_of(request).engine.connect() as conn:
            body = list_incidents_json(conn, index.get(conn), filters, limit=limit, offset=offset, sort=sort)
        return Response(body, media_type="application/json")
    return await run_in_threadpool(_list_blocking, request, filters, limit, offset, sort)


def _list_blocking(request: Request, filters, limit: int, offset: int, sort: str) -> Response:
    index = request.app.state.incident_index
    if index is None:
        return JSON(list_incidents_reference(store_of(request), filters, limit=limit, offset=offset, sort=sort))
    with store_of(request).engine.connect() as conn:
        body = list_incidents_json(conn, index.get(conn), filters, limit=limit, offset=offset, sort=sort)
    return Response(body, media_type="application/json")


def _snapshot(request: Request):
    index = request.app.state.incident_index
    if index is None:
        from sitrep.serve.index import IncidentIndex

        index = IncidentIndex(store_of(request).engine, ttl=0)  # built per request: the slow, simple way
    with store_of(request).engine.connect() as conn:
        return index.get(conn)


@router.get("/incidents/timeline", response_model=Timeline, responses=ERRORS,
            summary="Incident counts per day by event type")
def incident_timeline(request: Request, filters: queries.EventFilters = Depends(event_filters)):
    """Counts per start day and event type for the incidents matching the same filters as /api/incidents."""
    return JSON(_snapshot(request).timeline(filters))


@router.get("/incidents/facets", response_model=IncidentFacets, summary="Values to filter incidents on")
def incident_facets(request: Request):
    """Event types, countries, admin1 divisions and member certainties of the stored incidents, with counts."""
    from sitrep.export.countries import country as country_info

    def named(code: str) -> str:
        info = country_info(code)
        return info.name if info else code

    return JSON(_snapshot(request).facets(named))


def get_record(store, incident_id: str) -> dict[str, Any] | None:
    from sitrep.store.incidents import incidents

    with store.engine.connect() as conn:
        row = conn.execute(select(cast(incidents.c.data, Text)).where(incidents.c.incident_id == incident_id)).first()
    return orjson.loads(row[0]) if row is not None else None


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses={404: {"model": ErrorResponse}},
            summary="One incident: consensus with provenance, members, every claim, contradictions")
def get_incident(incident_id: str, request: Request):
    store = store_of(request)
    record = get_record(store, incident_id)
    if record is None:
        raise not_found("incident", incident_id)
    item = dict(record)
    item["members"] = [{**m, "event_uid": queries.event_uid(m["doc_id"], m["event"]["id"])} for m in record["members"]]
    with store.engine.connect() as conn:
        titles = dict(conn.execute(select(queries.D.c.doc_id, queries.D.c.title)
                                   .where(queries.D.c.doc_id.in_(sorted({m["doc_id"] for m in record["members"]})))).all())
    for m in item["members"]:
        m["title"] = titles.get(m["doc_id"])
    item["claims"] = [{**c, "uid": f"{c['doc_id']}:{c['id']}",
                       "event_uid": queries.event_uid(c["doc_id"], c["event"]) if c.get("event") else None}
                      for c in record.get("claims") or []]
    return JSON(item)

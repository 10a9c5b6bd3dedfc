"""/api/incidents: events from different documents fused into incidents (issue 5), read-only.

The records are the ones `sitrep.store.incidents` keeps (read with `incident_records`); the
server does not group documents itself: `sitrep incidents` (or `update_incidents`) does, after
ingest. Until that has run the list is empty and the UI keeps showing events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from sitrep.model import EVENT_TYPES, Certainty
from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, APIError, not_found, page, store_of
from sitrep.serve.models import ErrorResponse, IncidentDetail, IncidentPage
from sitrep.serve.routers.events import _bbox, _check_vocab

router = APIRouter(tags=["incidents"])

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
    return item


def _in_bbox(record: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    loc = record.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        return False
    west, south, east, north = box
    if not south <= lat <= north:
        return False
    return west <= lon <= east if west <= east else (lon >= west or lon <= east)


def _list(store, *, date_from, date_to, event_type, country, admin1, actor, certainty, has_contradiction, bbox,
          limit, offset) -> dict[str, Any]:
    from sitrep.store.incidents import incident_records

    countries = {c.strip().upper() for c in country if c.strip()}
    types = set(event_type)
    records = incident_records(
        store, since=date_from, until=date_to, admin1=admin1, actor=actor, has_contradiction=has_contradiction,
        event_type=next(iter(types)) if len(types) == 1 else None,
        country=next(iter(countries)) if len(countries) == 1 else None,
    )
    total, items = 0, []
    for record in records:
        if types and record["event_type"] not in types:
            continue
        if countries and (record.get("country") or "").upper() not in countries:
            continue
        if certainty and not any(m["event"].get("certainty") in certainty for m in record.get("members") or []):
            continue
        if bbox and not _in_bbox(record, bbox):
            continue
        if offset <= total < offset + limit:
            items.append(summary(record))
        total += 1
    return page(total, limit, offset, items)


@router.get("/incidents", response_model=IncidentPage, responses={422: {"model": ErrorResponse}},
            summary="List incidents")
async def list_incidents(
    request: Request,
    date_from: Optional[dt.date] = Query(None, description="incidents whose date span ends on or after this day"),
    date_to: Optional[dt.date] = Query(None, description="incidents whose date span starts on or before this day"),
    event_type: list[str] = Query([], description="ACLED event type; repeat for several"),
    country: list[str] = Query([], description="ISO 3166-1 alpha-2; repeat for several"),
    admin1: Optional[str] = Query(None, description="first-level division (case-insensitive)"),
    actor: Optional[str] = Query(None, description="substring of an actor of any member event (case-insensitive)"),
    certainty: list[Certainty] = Query([], description="a member event has this certainty; repeat for several"),
    has_contradiction: Optional[bool] = Query(None, description="only incidents whose sources disagree (true) or not"),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees (WGS84)"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Incidents by start date, filtered (AND; repeated parameters are alternatives) and paged."""
    _check_vocab("event_type", event_type, tuple(EVENT_TYPES))
    if date_from and date_to and date_from > date_to:
        raise APIError(422, "invalid_request", "date_from is after date_to",
                       [{"loc": ["query", "date_from"], "msg": "after date_to", "input": date_from.isoformat()}])
    body = await run_in_threadpool(
        _list, store_of(request), date_from=date_from, date_to=date_to, event_type=event_type, country=country,
        admin1=admin1 or None, actor=actor or None, certainty=set(certainty), has_contradiction=has_contradiction,
        bbox=_bbox(bbox), limit=limit, offset=offset)
    return JSON(body)


def get_record(store, incident_id: str) -> dict[str, Any] | None:
    from sqlalchemy import select

    from sitrep.store.incidents import incidents

    with store.engine.connect() as conn:
        row = conn.execute(select(incidents.c.data).where(incidents.c.incident_id == incident_id)).first()
    return row[0] if row is not None else None


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses={404: {"model": ErrorResponse}},
            summary="One incident: consensus with provenance, members, every claim, contradictions")
def get_incident(incident_id: str, request: Request):
    record = get_record(store_of(request), incident_id)
    if record is None:
        raise not_found("incident", incident_id)
    item = dict(record)
    item["members"] = [{**m, "event_uid": queries.event_uid(m["doc_id"], m["event"]["id"])} for m in record["members"]]
    item["claims"] = [{**c, "uid": f"{c['doc_id']}:{c['id']}",
                       "event_uid": queries.event_uid(c["doc_id"], c["event"]) if c.get("event") else None}
                      for c in record.get("claims") or []]
    return JSON(item)

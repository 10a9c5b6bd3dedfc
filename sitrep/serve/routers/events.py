"""/api/events, /api/timeline and /api/facets: events with filters, paging and aggregates."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from sitrep.model import EVENT_TYPES, SUB_EVENT_TYPES, Certainty
from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, APIError, not_found, page, store_of
from sitrep.serve.models import ErrorResponse, EventDetail, EventPage, Facets, Timeline

router = APIRouter(tags=["events"])
ERRORS = {422: {"model": ErrorResponse}}


def _bbox(value: Optional[str]) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise APIError(422, "invalid_request", "bbox must be four numbers: west,south,east,north",
                       [{"loc": ["query", "bbox"], "msg": "expected west,south,east,north", "input": value}]) from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise APIError(422, "invalid_request", "bbox out of range (lon -180..180, lat -90..90, south <= north)",
                       [{"loc": ["query", "bbox"], "msg": "out of range", "input": value}])
    return west, south, east, north


def _check_vocab(name: str, values: list[str], allowed) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise APIError(422, "invalid_request", f"unknown {name} {bad[0]!r}",
                       [{"loc": ["query", name], "msg": f"expected one of: {', '.join(allowed)}", "input": bad[0]}])
    return values


def event_filters(
    date_from: Optional[dt.date] = Query(None, description="events whose date span ends on or after this day"),
    date_to: Optional[dt.date] = Query(None, description="events whose date span starts on or before this day"),
    event_type: list[str] = Query([], description="ACLED event type; repeat for several"),
    sub_event_type: list[str] = Query([], description="ACLED sub-event type; repeat for several"),
    country: list[str] = Query([], description="ISO 3166-1 alpha-2; repeat for several"),
    admin1: Optional[str] = Query(None, description="first-level division, e.g. 'Donetsk Oblast' (case-insensitive)"),
    actor: Optional[str] = Query(None, description="substring of actor1 or actor2 (case-insensitive)"),
    certainty: list[Certainty] = Query([], description="event certainty; repeat for several"),
    has_contradiction: Optional[bool] = Query(None, description="only events with (true) / without (false) contradictions"),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees (WGS84)"),
    min_fatalities: Optional[int] = Query(None, ge=0),
    doc_id: Optional[str] = Query(None, description="events of one document"),
    q: Optional[str] = Query(None, max_length=200, description="search place, actors, type, document title and outlet"),
) -> queries.EventFilters:
    _check_vocab("event_type", event_type, tuple(EVENT_TYPES))
    _check_vocab("sub_event_type", sub_event_type, tuple(SUB_EVENT_TYPES))
    if date_from and date_to and date_from > date_to:
        raise APIError(422, "invalid_request", "date_from is after date_to",
                       [{"loc": ["query", "date_from"], "msg": "after date_to", "input": date_from.isoformat()}])
    return queries.EventFilters(
        date_from=date_from, date_to=date_to, event_type=event_type, sub_event_type=sub_event_type,
        country=[c.strip() for c in country if c.strip()], admin1=admin1 or None, actor=actor or None,
        certainty=certainty, has_contradiction=has_contradiction, bbox=_bbox(bbox),
        min_fatalities=min_fatalities, doc_id=doc_id or None, q=(q or "").strip() or None,
    )


@router.get("/events", response_model=EventPage, responses=ERRORS, summary="List events")
async def list_events(
    request: Request,
    filters: queries.EventFilters = Depends(event_filters),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
    sort: Literal["-date", "date", "-fatalities", "doc"] = Query("-date", description="'-date': newest first"),
):
    """Events (until incidents exist, the unit the UI maps), newest first, filtered and paged.

    Every filter narrows the result (AND); repeated parameters (event_type, country, certainty) are alternatives (OR).
    """
    index = request.app.state.event_index
    if index is not None and index.fresh():
        # The hot path: a fresh in-memory snapshot answers in well under a millisecond (plus, for
        # pages not seen before, one primary-key read), so it runs on the event loop directly
        # instead of paying for a worker-thread hop.
        with store_of(request).engine.connect() as conn:
            body = queries.list_events_json(conn, index.get(conn), filters, limit=limit, offset=offset, sort=sort)
        return Response(body, media_type="application/json")
    return await run_in_threadpool(_list_events_blocking, request, filters, limit, offset, sort)


def _list_events_blocking(request: Request, filters, limit: int, offset: int, sort: str) -> Response:
    index = request.app.state.event_index
    with store_of(request).engine.connect() as conn:
        if index is not None:  # (re)builds the snapshot when the store changed
            body = queries.list_events_json(conn, index.get(conn), filters, limit=limit, offset=offset, sort=sort)
            return Response(body, media_type="application/json")
        total, items = queries.list_events(conn, filters, limit=limit, offset=offset, sort=sort)
    return JSON(page(total, limit, offset, items))


@router.get("/events/{uid}", response_model=EventDetail, responses={404: {"model": ErrorResponse}},
            summary="One event with its claims and contradictions")
def get_event(uid: str, request: Request):
    """`uid` is `{doc_id}:{event id}` as given in list responses."""
    parts = queries.split_uid(uid)
    if parts is None:
        raise not_found("event", uid)
    from sqlalchemy import select

    from sitrep.store.incidents import incident_members as M

    with store_of(request).engine.connect() as conn:
        item = queries.get_event(conn, *parts)
        if item is not None:
            item["incident_id"] = conn.execute(
                select(M.c.incident_id).where(M.c.doc_id == parts[0], M.c.event_id == parts[1])).scalar()
    if item is None:
        raise not_found("event", uid)
    return JSON(item)


@router.get("/timeline", response_model=Timeline, responses=ERRORS, summary="Event counts per day by event type")
def timeline(request: Request, filters: queries.EventFilters = Depends(event_filters)):
    """Counts per start day and event type for the events matching the same filters as /api/events."""
    with store_of(request).engine.connect() as conn:
        return JSON(queries.timeline(conn, filters))


@router.get("/facets", response_model=Facets, summary="Values to filter on")
def facets(request: Request):
    """Event types, countries, admin1 divisions and certainties present in the store, with counts."""
    with store_of(request).engine.connect() as conn:
        return JSON(queries.facets(conn))

"""/api/claims: who claims what, with source, certainty and contradiction flags."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request

from sitrep.model import Attribute, Certainty, SourceType
from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, APIError, page, store_of
from sitrep.serve.models import ClaimPage, ErrorResponse

router = APIRouter(tags=["claims"])


@router.get("/claims", response_model=ClaimPage, responses={422: {"model": ErrorResponse}}, summary="List claims")
def list_claims(
    request: Request,
    event: Optional[str] = Query(None, description="claims about one event (its uid)"),
    doc_id: Optional[str] = Query(None),
    source: Optional[str] = Query(None, description="exact source name (case-insensitive)"),
    source_type: list[SourceType] = Query([]),
    attribute: list[Attribute] = Query([]),
    certainty: list[Certainty] = Query([]),
    contradicted: Optional[bool] = Query(None, description="only claims in (true) / not in (false) a contradiction"),
    q: Optional[str] = Query(None, max_length=200, description="search claim text, source and subject"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    parts = None
    if event:
        parts = queries.split_uid(event)
        if parts is None:
            raise APIError(422, "invalid_request", "event must be an event uid '{doc_id}:{event id}'",
                           [{"loc": ["query", "event"], "msg": "not an event uid", "input": event}])
    filters = queries.ClaimFilters(
        doc_id=doc_id or None, event=parts, source=source or None, source_type=source_type,
        attribute=attribute, certainty=certainty, contradicted=contradicted, q=(q or "").strip() or None,
    )
    with store_of(request).engine.connect() as conn:
        total, items = queries.list_claims(conn, filters, limit=limit, offset=offset)
    return JSON(page(total, limit, offset, items))

"""/api/sources: the sources named in claims and the outlets that published the documents."""

from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Query, Request

from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, page, store_of
from sitrep.serve.models import SourcePage

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=SourcePage, summary="List sources and outlets")
def list_sources(
    request: Request,
    kind: Optional[Literal["claim", "outlet"]] = Query(None, description="claim sources or document outlets; both when absent"),
    q: Optional[str] = Query(None, max_length=200, description="substring of the name (case-insensitive)"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Most-cited first. A claim source's `claims` counts its claims; `documents` the documents citing it."""
    with store_of(request).engine.connect() as conn:
        items = queries.list_sources(conn, q=q, kind=kind)
    return JSON(page(len(items), limit, offset, items[offset:offset + limit]))

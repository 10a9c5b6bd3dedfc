"""/api/documents: stored articles with their spans; POST ingests one (with the write token)."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, Optional

from fastapi import APIRouter, Body, Query, Request
from fastapi.concurrency import run_in_threadpool

from sitrep.errors import InputError, SitrepError
from sitrep.ingest.articles import DEFAULT_LIMITS, document_from_object
from sitrep.serve import queries
from sitrep.serve.common import DEFAULT_LIMIT, JSON, MAX_LIMIT, APIError, not_found, page, settings_of, store_of
from sitrep.serve.models import DocumentDetail, DocumentPage, ErrorResponse, IngestResponse

router = APIRouter(tags=["documents"])

ARTICLE_EXAMPLE = {
    "id": "belgorod-ro-1", "text": "…", "title": "…", "url": "https://example.org/article",
    "source": "outlet name", "published": "2023-05-23", "language": "ro",
}


@router.get("/documents", response_model=DocumentPage, summary="List documents")
def list_documents(
    request: Request,
    q: Optional[str] = Query(None, max_length=200, description="search title, text and id (case-insensitive)"),
    source: Optional[str] = Query(None, description="outlet name (case-insensitive)"),
    language: Optional[str] = Query(None, description="ISO 639-1 code"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    with store_of(request).engine.connect() as conn:
        total, items = queries.list_documents(conn, q=(q or "").strip() or None, source=source or None,
                                              language=language or None, limit=limit, offset=offset)
    return JSON(page(total, limit, offset, items))


@router.get("/documents/{doc_id}", response_model=DocumentDetail, responses={404: {"model": ErrorResponse}},
            summary="One document: text, events, claims and evidence spans")
def get_document(doc_id: str, request: Request):
    with store_of(request).engine.connect() as conn:
        item = queries.get_document(conn, doc_id)
    if item is None:
        raise not_found("document", doc_id)
    return JSON(item)


def check_token(request: Request) -> None:
    token = settings_of(request).write_token
    if not token:
        raise APIError(403, "read_only", "this server is read-only (start it with SITREP_WRITE_TOKEN set to accept documents)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise APIError(401, "unauthorized", "send the write token as 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="sitrep"'})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise APIError(403, "forbidden", "wrong write token")


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "no bearer token"},
    403: {"model": ErrorResponse, "description": "read-only server, or wrong token"},
    422: {"model": ErrorResponse, "description": "not a valid article object, or extraction refused it"},
}


@router.post("/documents", response_model=IngestResponse, status_code=201, responses=WRITE_ERRORS,
             summary="Ingest one article (needs the write token)")
async def post_document(request: Request, article: dict = Body(..., examples=[ARTICLE_EXAMPLE])):
    """Extract events, claims and contradictions from an article object (contract format) and store them.

    201 when stored; 200 when this exact text was stored already. Only `text` is required; without an
    `id` the document gets one from its content hash.
    """
    check_token(request)
    text = article.get("text") if isinstance(article, dict) else None
    default_id = "post-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if isinstance(text, str) else "post"
    try:
        doc = document_from_object(article, default_id, "POST /documents", DEFAULT_LIMITS)
    except InputError as err:
        raise APIError(422, "invalid_article", err.cause) from None
    settings = settings_of(request)
    extract = settings.extractor or _pipeline(request)
    try:
        result = await run_in_threadpool(extract, doc)
        stored = await run_in_threadpool(store_of(request).ingest, doc, result)
        if stored:  # as `sitrep ingest` does: fuse the new events into incidents
            await run_in_threadpool(_group, store_of(request), doc.id)
        for index in (request.app.state.event_index, request.app.state.incident_index):
            if index is not None:
                index.invalidate()
    except SitrepError as err:
        raise APIError(422, "extraction_failed", str(err)) from None
    body = {
        "stored": stored, "doc_id": doc.id,
        "event_uids": [queries.event_uid(doc.id, e.id) for e in result.events],
        "result": result.model_dump(mode="json"),
    }
    return JSON(body, status_code=201 if stored else 200)


def _group(store, doc_id: str) -> None:
    from sitrep.store.incidents import update_incidents

    update_incidents(store, since_doc_ids=[doc_id])


def _pipeline(request: Request):
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from sitrep.pipeline import Pipeline

        state.pipeline = Pipeline()
    return state.pipeline.extract

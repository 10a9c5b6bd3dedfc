"""Response shapes of the HTTP API, built on the contract types (documented in the OpenAPI schema).

The contract fields of events and claims are kept as they are; what the API adds (store-wide
ids, the document an event came from, contradiction flags) are extra fields, as the contract
allows.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field

from sitrep.model import Claim, Contradiction, DocumentResult, Event, Span


class ErrorInfo(BaseModel):
    status: int = Field(description="HTTP status code, repeated")
    code: str = Field(description="machine-readable: not_found, invalid_request, unauthorized, forbidden, "
                                  "read_only, method_not_allowed, unprocessable, internal_error, ...")
    message: str = Field(description="one line for humans")
    details: list[dict[str, Any]] = Field(default_factory=list, description="per-field problems, when any")


class ErrorResponse(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorInfo


class DocRef(BaseModel):
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None


class SourceRef(BaseModel):
    name: str
    source_type: Optional[str] = None


class EventOut(Event):
    uid: str = Field(description="store-wide id: '{doc_id}:{event id}'")
    doc_id: str
    document: DocRef
    contradictions: int = Field(description="contradictions recorded about this event")
    sources: list[SourceRef] = Field(default_factory=list, description="distinct claim sources")


class ClaimOut(Claim):
    uid: str = Field(description="store-wide id: '{doc_id}:{claim id}'")
    doc_id: str
    event_uid: Optional[str] = None
    contradicted: bool = Field(description="the claim takes part in a contradiction")


class ContradictionOut(Contradiction):
    claim_objects: list[ClaimOut] = Field(default_factory=list)


class EventDetail(EventOut):
    incident_id: Optional[str] = Field(None, description="the incident this event was grouped into, if any")
    claim_objects: list[ClaimOut] = Field(description="claims about the event and the claims contradicting them")
    contradiction_objects: list[ContradictionOut]


class Page(BaseModel):
    total: int = Field(description="items matching the filters, over all pages")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="offset of the next page; null on the last one")


class EventPage(Page):
    items: list[EventOut]


class ClaimPage(Page):
    items: list[ClaimOut]


class DocumentSummary(BaseModel):
    doc_id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    ingested_at: Optional[str] = None
    revision: int
    events: int
    claims: int
    contradictions: int


class DocumentPage(Page):
    items: list[DocumentSummary]


class EvidenceSpan(Span):
    kind: str = Field(description="event or claim")
    ref: str = Field(description="the event or claim id within the document")
    uid: Optional[str] = Field(None, description="the event's store-wide id")
    contradicted: Optional[bool] = None


class DocumentDetail(DocumentSummary):
    text: str
    warnings: list[str]
    event_objects: list[EventOut]
    claim_objects: list[ClaimOut]
    contradiction_objects: list[Contradiction]
    spans: list[EvidenceSpan] = Field(description="evidence offsets (Python str indices into text)")


class SourceOut(BaseModel):
    name: str
    kind: str = Field(description="claim: named as a source in claims; outlet: the publication of documents")
    source_types: list[str]
    claims: Optional[int] = None
    documents: int


class SourcePage(Page):
    items: list[SourceOut]


class TimelineDay(BaseModel):
    date: str
    counts: dict[str, int]
    total: int


class Timeline(BaseModel):
    days: list[TimelineDay]
    event_types: list[str]
    undated: int


class Facet(BaseModel):
    value: Optional[str]
    count: int
    name: Optional[str] = None
    country: Optional[str] = None


class Facets(BaseModel):
    events: int
    event_types: list[Facet]
    countries: list[Facet]
    admin1: list[Facet]
    certainties: list[Facet]
    date_min: Optional[str]
    date_max: Optional[str]


class UIConfig(BaseModel):
    tile_url: Optional[str] = Field(None, description="online tile URL template, when configured")
    write_enabled: bool
    vendor_available: bool


class IngestResponse(BaseModel):
    stored: bool = Field(description="false when this exact text was stored already")
    doc_id: str
    event_uids: list[str]
    result: DocumentResult


class IncidentMember(BaseModel):
    doc_id: str
    event: Any = Field(description="the member event (its id in list items, the whole event in the detail)")
    event_uid: str
    published: Optional[str] = None
    outlet: Optional[str] = None
    duplicate_of: Optional[str] = Field(None, description="the document this one is a near-duplicate of")
    title: Optional[str] = Field(None, description="the document's title (detail only)")


class IncidentSummary(BaseModel):
    """An incident as `sitrep.resolve.incidents.fuse` records it; list items carry counts for claims
    and contradictions, the detail carries them in full (with `consensus` and its provenance)."""

    id: str
    event_type: str
    sub_event_type: Optional[str] = None
    date_start: Optional[str] = None
    date_end: Optional[str] = None
    location: Optional[dict[str, Any]] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    fatalities: Optional[int] = None
    fatalities_range: Optional[list[int]] = None
    documents: int
    independent_sources: int
    sources: list[str] = Field(default_factory=list)
    first_reported: Optional[str] = None
    has_contradiction: bool
    certainties: list[str] = Field(default_factory=list, description="certainties of the member events (list items)")
    members: list[IncidentMember]
    claims: Any
    contradictions: Any


class IncidentFacets(BaseModel):
    incidents: int
    event_types: list[Facet]
    countries: list[Facet]
    admin1: list[Facet]
    certainties: list[Facet] = Field(description="member event certainties: incidents with a member of each")
    date_min: Optional[str]
    date_max: Optional[str]


class IncidentPage(Page):
    items: list[IncidentSummary]


class IncidentDetail(IncidentSummary):
    consensus: dict[str, Any]
    claims: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]

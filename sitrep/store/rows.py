"""Conversions between contract objects and table rows (both directions, nothing else)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Mapping

from sitrep.model import Claim, Contradiction, Document, DocumentResult, Event, Span


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_row(doc: Document, result: DocumentResult, now: dt.datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "content_hash": content_hash(doc.text),
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        # The result carries what the pipeline settled on (detected language, anchor date).
        "published": result.published or doc.published,
        "language": result.language or doc.language,
        "text": doc.text,
        "origin": doc.origin,
        "ingested_at": now,
        "warnings": list(result.warnings),
    }


def event_row(doc_id: str, seq: int, event: Event) -> dict[str, Any]:
    loc = event.location
    return {
        "doc_id": doc_id,
        "event_id": event.id,
        "seq": seq,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "time_precision": event.time_precision,
        "location_name": loc.name if loc else None,
        "location_mention": loc.mention if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": event.fatalities,
        "certainty": event.certainty,
        "data": event.model_dump(mode="json"),
    }


def place_row(doc_id: str, event: Event) -> dict[str, Any] | None:
    loc = event.location
    if loc is None:
        return None
    return {"doc_id": doc_id, "event_id": event.id, **loc.model_dump(mode="json")}


def claim_row(doc_id: str, seq: int, claim: Claim) -> dict[str, Any]:
    value = claim.value
    return {
        "doc_id": doc_id,
        "claim_id": claim.id,
        "seq": seq,
        "event_id": claim.event,
        "attribute": claim.attribute,
        "value": None if value is None else str(value),
        # bool is an int subclass in Python; the contract has no booleans for values.
        "value_int": value if isinstance(value, int) and not isinstance(value, bool) else None,
        "subject": claim.subject,
        "source": claim.source,
        "source_type": claim.source_type,
        "via": claim.via,
        "certainty": claim.certainty,
        "quote": claim.quote,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "text": claim.text,
    }


def contradiction_row(doc_id: str, seq: int, item: Contradiction) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "seq": seq,
        "claim_ids": list(item.claims),
        "attribute": item.attribute,
        "event_id": item.event,
        "note": item.note,
    }


def event_from_row(row: Mapping[str, Any]) -> Event:
    return Event.model_validate(row["data"])


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    return Claim(
        id=row["claim_id"],
        event=row["event_id"],
        attribute=row["attribute"],
        value=row["value_int"] if row["value_int"] is not None else row["value"],
        subject=row["subject"],
        text=row["text"],
        source=row["source"],
        source_type=row["source_type"],
        via=row["via"],
        certainty=row["certainty"],
        quote=bool(row["quote"]),
        evidence=Span(start=row["evidence_start"], end=row["evidence_end"]),
    )


def contradiction_from_row(row: Mapping[str, Any]) -> Contradiction:
    return Contradiction(
        claims=list(row["claim_ids"]), attribute=row["attribute"], event=row["event_id"], note=row["note"]
    )


def document_from_row(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["doc_id"], text=row["text"], title=row["title"], url=row["url"], source=row["source"],
        published=row["published"], language=row["language"], origin=row["origin"],
    )


def result_shell(row: Mapping[str, Any]) -> DocumentResult:
    """A DocumentResult with the document-level fields; events etc. are added by the caller."""
    return DocumentResult(
        doc_id=row["doc_id"], language=row["language"], published=row["published"],
        warnings=list(row["warnings"] or []),
    )

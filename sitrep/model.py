"""The output contract (shared/docs/contract.md) as pydantic types.

Defined once here and used by every stage, the store, the API and the exports. Field names
and vocabularies are fixed by the contract; anything extra is an explicit optional field.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Certainty = Literal["confirmed", "asserted", "reported", "claimed", "likely", "unconfirmed", "denied"]
CERTAINTIES: tuple[str, ...] = Certainty.__args__  # type: ignore[attr-defined]

Attribute = Literal[
    "occurred", "killed", "injured", "detained", "missing", "captured", "controls",
    "perpetrator", "identity", "aim", "size", "other",
]
ATTRIBUTES: tuple[str, ...] = Attribute.__args__  # type: ignore[attr-defined]
COUNT_ATTRIBUTES = ("killed", "injured", "detained", "missing")

SourceType = Literal[
    "government", "military", "armed_group", "official", "media", "social_media",
    "expert", "intelligence", "anonymous", "other",
]
SOURCE_TYPES: tuple[str, ...] = SourceType.__args__  # type: ignore[attr-defined]

Precision = Literal[1, 2, 3]

# ACLED event types and their sub-event types, in ACLED's own spelling.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}


class Contract(BaseModel):
    # Consumers must ignore unknown fields, so reading tolerates them too.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Span(Contract):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Place(Contract):
    name: str
    mention: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    admin1: Optional[str] = None
    country: Optional[str] = None
    geo_precision: Precision = 1


class Event(Contract):
    id: str
    event_type: str
    sub_event_type: str
    date_start: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    time_precision: Precision = 1
    location: Optional[Place] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    actor1_mentions: list[str] = Field(default_factory=list)
    actor2_mentions: list[str] = Field(default_factory=list)
    fatalities: Optional[int] = None
    certainty: Certainty = "asserted"
    evidence: list[Span] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)


class Claim(Contract):
    id: str
    event: Optional[str] = None
    attribute: Attribute
    value: Union[int, str, None] = None
    subject: Optional[str] = None
    text: str = ""
    source: Optional[str] = None
    source_type: Optional[SourceType] = None
    via: Optional[str] = None
    certainty: Certainty = "asserted"
    quote: bool = False
    evidence: Span


class Contradiction(Contract):
    claims: list[str]
    attribute: str
    event: Optional[str] = None
    note: str = ""


class Document(Contract):
    """One input article. Only ``text`` is required by the contract; ``id`` is filled by ingest."""

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None
    origin: Optional[str] = Field(default=None, description="file (and line) the article came from")


class DocumentResult(Contract):
    """One line of `sitrep extract` output."""

    doc_id: str
    language: Optional[str] = None
    published: Optional[dt.date] = None
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class PlaceMention(Contract):
    """One toponym found by `sitrep places`."""

    start: int
    end: int
    mention: str
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    admin1: Optional[str] = None
    country: Optional[str] = None
    feature: Optional[str] = None


class PlacesResult(Contract):
    doc_id: str
    places: list[PlaceMention] = Field(default_factory=list)


def output_json_schema() -> dict:
    """JSON Schema of one `sitrep extract` output line, generated from the types above."""
    schema = DocumentResult.model_json_schema(mode="serialization")
    schema["$id"] = "https://sitrep.invalid/schema/document-result.json"
    schema["title"] = "sitrep extract output (one JSON Lines record)"
    return schema

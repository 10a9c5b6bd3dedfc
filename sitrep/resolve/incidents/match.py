"""Events as matching nodes, and the pairwise compatibility score.

A pair of events from different documents is linked when

* their event types are compatible (same type; or a strike vs a battle / an attack on
  civilians, which outlets code differently),
* their date spans, each widened by ``day_window`` days, overlap,
* their places are not incompatible (precision-aware, see ``place_score``),

and the score ``place + actors + same sub-event type - type mismatch`` reaches ``min_score``.
Actors: +1 when the two events share an actor, -1 when both name *identified* actors and share
none; "Unidentified ..." and "Civilians (...)" say nothing about who the other side coded, so
they never count against a pair ("Unidentified Armed Group" in one report and "Military Forces
of Russia" in another is the usual disagreement, not two incidents).

Within one document (``facet``): events of the same day at the same place (or, for a
region-only event, in the same region) that are one happening told twice (same type) or a
context event beside it (an air-defence interception, "Strategic developments") are facets.
They stay separate events but belong to one incident (cluster.py).

A node is *strong* when its place is precise (geo_precision 1-2 with coordinates or a
GeoNames id) and *weak* otherwise (only a region, or no place). Strong nodes link to each
other transitively; a weak node only attaches to its single best strong neighbour, so a
vague "in Kharkiv region" report cannot chain two village incidents together (cluster.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.model import Event
from sitrep.geo import haversine_km
from sitrep.resolve.incidents.options import IncidentOptions

# Event types that different outlets use for the same happening.
_COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Battles"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
}

FAR_FUTURE = "9999-12-31"


@dataclass(slots=True)
class Node:
    """One stored event, reduced to what grouping needs."""

    doc_id: str
    event_id: str
    order: tuple[str, str, str]  # canonical: (published or FAR_FUTURE, content hash, event id)
    event_type: str
    sub_event_type: str
    d0: int | None  # date span as ordinals (None: no date at all)
    d1: int | None
    country: str | None
    admin1: str | None
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    precision: int | None
    actors: frozenset[str] = field(default_factory=frozenset)
    strong: bool = False
    known_actors: frozenset[str] = field(default_factory=frozenset)  # actors minus unidentified/civilians

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.event_id)

    @property
    def vague(self) -> bool:
        return self.d0 is None

    @property
    def published(self) -> str | None:
        return None if self.order[0] == FAR_FUTURE else self.order[0]


def node_from_event(doc_id: str, content_hash: str, published: dt.date | None, event: Event,
                    options: IncidentOptions) -> Node:
    start = event.date_start or event.date_end
    end = event.date_end or event.date_start
    if start is None and published is not None:
        # No date in the text: the report itself bounds it (the day before publication or that day).
        start, end = published - dt.timedelta(days=1), published
    d0 = d1 = None
    if start is not None:
        d0, d1 = start.toordinal(), end.toordinal()
        if d1 < d0:
            d0, d1 = d1, d0
        if d1 - d0 > options.max_span_days:
            d0 = d1 = None
    loc = event.location
    precise = bool(loc and loc.geo_precision in (1, 2) and (loc.lat is not None or loc.geonameid is not None))
    actors = frozenset(a.casefold() for a in (event.actor1, event.actor2) if a)
    return Node(
        doc_id=doc_id, event_id=event.id,
        order=(published.isoformat() if published else FAR_FUTURE, content_hash, event.id),
        event_type=event.event_type, sub_event_type=event.sub_event_type, d0=d0, d1=d1,
        country=(loc.country.upper() if loc and loc.country else None),
        admin1=(loc.admin1.casefold() if loc and loc.admin1 else None),
        name=(loc.name.casefold() if loc and loc.name else None),
        geonameid=loc.geonameid if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        precision=loc.geo_precision if loc else None,
        actors=actors, strong=precise, known_actors=frozenset(a for a in actors if not _uninformative(a)),
    )


def _uninformative(actor: str) -> bool:
    """Actors that do not identify a side: "Unidentified Armed Group (X)", "Civilians (X)"."""
    return actor.startswith(("unidentified", "civilians"))


def place_score(a: Node, b: Node, options: IncidentOptions) -> int | None:
    """3 same place, 2 nearby, 1 same region (one side knows only the region), 0 unknown,
    None incompatible."""
    if a.country and b.country and a.country != b.country:
        return None
    if a.strong and b.strong:
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return 3
        if None not in (a.lat, a.lon, b.lat, b.lon):
            km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
            if km <= options.same_km:
                return 3
            return 2 if km <= options.near_km else None
        return 3 if a.name and a.name == b.name else None
    # At least one side knows only a region (or nothing).
    if a.admin1 and b.admin1:
        if a.admin1 == b.admin1:
            return 1
        # A region-level place may be the region itself, named without admin1 matching.
        return 1 if (a.name == b.admin1 or b.name == a.admin1) else None
    if a.name is None or b.name is None:
        return 0
    return 0 if a.country and a.country == b.country else None


def score(a: Node, b: Node, options: IncidentOptions) -> int | None:
    """Compatibility score of two events, or None when they cannot be one incident."""
    if a.doc_id == b.doc_id or a.vague or b.vague:
        return None
    if max(a.d0, b.d0) - min(a.d1, b.d1) > options.day_window:  # type: ignore[type-var,operator]
        return None
    penalty = 0
    if a.event_type != b.event_type:
        if frozenset((a.event_type, b.event_type)) not in _COMPATIBLE_TYPES:
            return None
        penalty = 1
    place = place_score(a, b, options)
    if place is None:
        return None
    actors = 0
    if a.actors & b.actors:
        actors = 1
    elif a.known_actors and b.known_actors:
        actors = -1
    total = place + actors + (1 if a.sub_event_type == b.sub_event_type else 0) - penalty
    return total if total >= options.min_score else None


# Event types that accompany another event of the same happening in one report (an
# interception, an arrest, looting): ACLED codes them as Strategic developments.
_CONTEXT_TYPES = frozenset({"Strategic developments"})


def facet(a: Node, b: Node, options: IncidentOptions) -> int | None:
    """Two events of ONE document as facets of one happening: the place score (3 same place,
    1 same region, 0 one side has no place), or None when they are separate happenings.

    Same day (overlapping date spans, no window: the article dates both) and the same place
    (same GeoNames id or within ``same_km``; for a region-only event, its region; or no place
    at all), and either

    * one of them is a context event (Strategic developments, e.g. the air-defence
      interception of the strike it sits beside), or
    * both have the same event and sub-event type and no conflicting identified actors (the
      article restating one strike, e.g. once for the city and once for the district).

    Different sub-event types in one article (a protest and a riot, a town overtaken and a
    clash in the next village) are different happenings, as ACLED codes them. A region-only or
    placeless event is a facet of at most one precise event of its document (cluster.py), so
    it cannot chain two places the article keeps apart.
    """
    if a.doc_id != b.doc_id or a.event_id == b.event_id or a.vague or b.vague:
        return None
    if max(a.d0, b.d0) > min(a.d1, b.d1):  # type: ignore[type-var,operator]
        return None
    if a.event_type in _CONTEXT_TYPES or b.event_type in _CONTEXT_TYPES:
        if a.event_type == b.event_type:
            return None  # two context events: nothing to attach them to
    elif (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return None
    elif not (a.actors & b.actors) and a.known_actors and b.known_actors:
        return None
    place = place_score(a, b, options)
    if place is None or (a.strong and b.strong and place < 3):
        return None
    if place == 0 and not (a.name is None and a.country is None or b.name is None and b.country is None):
        return None  # both have places, of different precision, not known to be in one region
    return place

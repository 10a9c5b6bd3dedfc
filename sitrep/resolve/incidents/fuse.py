"""One incident record from its member events: consensus with provenance, every claim,
fatalities (ACLED: most conservative figure) with the full range, independent sources,
first-reported time and the contradictions between documents."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Callable, Hashable

from sitrep.resolve.contradictions import claims_conflict, parts_of
from sitrep.model import Claim, Contradiction, Event

_STATE_ATTRIBUTES = ("captured", "controls", "occurred")
_FAR = "9999-12-31"
_DOUBLED = re.compile(r"(\w)\1+")


@dataclass
class Member:
    """One event of an incident, with what its document says about it."""

    doc_id: str
    event: Event
    published: dt.date | None
    outlet: str | None  # the document's source (outlet)
    content_hash: str
    claims: list[Claim] = field(default_factory=list)  # claims about this event
    contradictions: list[Contradiction] = field(default_factory=list)  # within its document
    group: str = ""  # near-duplicate group (representative doc id); "" = its own

    @property
    def order(self) -> tuple[str, str, str]:
        return (self.published.isoformat() if self.published else _FAR, self.content_hash, self.event.id)


def _ref(m: Member, claims: list[Claim] = ()) -> dict[str, Any]:
    return {"doc_id": m.doc_id, "event": m.event.id, "claims": [c.id for c in claims]}


def _vote(members: list[Member], value: Callable[[Member], Hashable | None],
          rank: Callable[[Member], Any] = lambda m: 0) -> dict[str, Any] | None:
    """The value most independent sources give (each near-duplicate group votes once);
    among ties the best ``rank``, then the earliest report. With provenance."""
    votes: dict[Hashable, set[str]] = defaultdict(set)
    holders: dict[Hashable, list[Member]] = defaultdict(list)
    for m in members:
        v = value(m)
        if v is None:
            continue
        votes[v].add(m.group or m.doc_id)
        holders[v].append(m)
    if not votes:
        return None
    best = min(votes, key=lambda v: (-len(votes[v]), min(rank(m) for m in holders[v]),
                                     min(m.order for m in holders[v])))
    return {
        "value": best,
        "support": len(votes[best]),
        "from": [_ref(m) for m in sorted(holders[best], key=lambda m: m.order)],
        "alternatives": sorted(
            ({"value": v, "support": len(g)} for v, g in votes.items() if v != best),
            key=lambda a: (-a["support"], str(a["value"]))),
    }


def _source_key(claim: Claim, m: Member) -> str:
    """Who makes the claim, for "different sources": the claim's source normalised for spelling
    (case, diacritics, doubled letters: "Serhiy Lyssak" = "Serhiy Lysak"), else the outlet.

    Role titles are NOT resolved to people: "Governor" in one article and "Oleh Syniehubov" in
    another are different keys, so if their figures differ the pair is a contradiction. Telling
    that they are one person (a toll revised by its own source rather than contested) needs the
    extractor to resolve the title to the name the article gives; guessing it here would hide
    real disagreements between a named official and an unnamed "governor" of another side.
    """
    if not claim.source:
        return f"outlet:{m.outlet or m.doc_id}".casefold()
    text = unicodedata.normalize("NFKD", claim.source.casefold())
    text = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
    return _DOUBLED.sub(r"\1", " ".join(text.split()))


def _denied(c: Claim) -> bool:
    return c.certainty == "denied"


def _value_key(c: Claim) -> str:
    if c.attribute in _STATE_ATTRIBUTES:
        return "denied" if _denied(c) else "affirmed"
    return ("not " if _denied(c) else "") + str(c.value).casefold()


def cross_contradictions(members: list[Member]) -> list[dict[str, Any]]:
    """Claims in different documents, from different sources, on the same attribute, whose
    values cannot all be true. One entry per pair of conflicting positions (source, value),
    listing every claim that takes either position (syndicated copies included)."""
    # A part of a toll ("including five children") answers no other source's total.
    items = [(m, c) for m in members for parts in (parts_of(m.claims),) for c in m.claims if c.id not in parts]
    found: dict[tuple, dict[str, Any]] = {}
    for (ma, a), (mb, b) in combinations(items, 2):
        if ma.doc_id == mb.doc_id or (ma.group and ma.group == mb.group):
            continue
        sa, sb = _source_key(a, ma), _source_key(b, mb)
        if sa == sb or claims_conflict(a, b) is None:
            continue
        pa, pb = (sa, _value_key(a)), (sb, _value_key(b))
        key = (a.attribute,) + tuple(sorted((pa, pb)))
        entry = found.get(key)
        if entry is None:
            entry = found[key] = {"attribute": a.attribute, "scope": "cross-document", "claims": [],
                                  "positions": {}}
        for m, c, p in ((ma, a, pa), (mb, b, pb)):
            ref = {"doc_id": m.doc_id, "claim": c.id}
            if ref not in entry["claims"]:
                entry["claims"].append(ref)
            entry["positions"].setdefault(p, {"source": c.source or m.outlet, "value": c.value,
                                              "certainty": c.certainty, "first": m.order})
    out = []
    for key in sorted(found, key=lambda k: tuple(map(str, k))):
        entry = found[key]
        positions = sorted(entry.pop("positions").values(), key=lambda p: p["first"])
        for p in positions:
            p.pop("first")
        entry["claims"].sort(key=lambda r: (r["doc_id"], r["claim"]))
        entry["positions"] = positions
        entry["note"] = " vs ".join(
            f"{_shown(p)} ({p['source'] or 'outlet'})" for p in positions)
        out.append(entry)
    return out


def _shown(p: dict[str, Any]) -> str:
    if p["value"] is None:
        return str(p["certainty"])
    return f"denied {p['value']}" if p["certainty"] == "denied" else str(p["value"])


def _location(m: Member):
    loc = m.event.location
    if loc is None:
        return None
    return (loc.geonameid, loc.name, loc.admin1, loc.country)


def fuse(incident_id: str, members: list[Member]) -> dict[str, Any]:
    """The incident record (a plain JSON-ready dict)."""
    members = sorted(members, key=lambda m: m.order)
    first = members[0]
    precise = [m for m in members if m.event.location is not None]
    best_geo = min((m.event.location.geo_precision for m in precise), default=None)
    loc_vote = _vote([m for m in precise if m.event.location.geo_precision == best_geo], _location)
    location = None
    if loc_vote:
        holder = next(m for m in members if _location(m) == loc_vote["value"])
        location = holder.event.location.model_dump(mode="json")
        loc_vote = {**loc_vote, "value": location}
    best_tp = min(m.event.time_precision for m in members)
    dated = [m for m in members if m.event.time_precision == best_tp]
    date_vote = _vote(dated, lambda m: (m.event.date_start, m.event.date_end) if (m.event.date_start or m.event.date_end) else None,
                      rank=lambda m: (m.event.date_start or dt.date.max))
    consensus: dict[str, Any] = {
        "event_type": _vote(members, lambda m: m.event.event_type),
        "sub_event_type": None,
        "date": None,
        "location": loc_vote,
        "actor1": _vote(members, lambda m: m.event.actor1),
        "actor2": _vote(members, lambda m: m.event.actor2),
    }
    et = consensus["event_type"]["value"]
    consensus["sub_event_type"] = _vote([m for m in members if m.event.event_type == et], lambda m: m.event.sub_event_type)
    if date_vote:
        start, end = date_vote["value"]
        consensus["date"] = {**date_vote, "value": {"date_start": start and start.isoformat(),
                                                    "date_end": end and end.isoformat()},
                             "alternatives": [{"value": [d and d.isoformat() for d in a["value"]], "support": a["support"]}
                                              for a in date_vote["alternatives"]]}

    # Fatalities: ACLED takes the most conservative reported figure; the range keeps them all.
    reported = [(m.event.fatalities, m) for m in members if m.event.fatalities is not None]
    killed_claims = [(c.value, m, c) for m in members for c in m.claims
                     if c.attribute == "killed" and isinstance(c.value, int) and not isinstance(c.value, bool)]
    fatalities = min((f for f, _ in reported), default=None)
    figures = [f for f, _ in reported] + [v for v, _, _ in killed_claims]
    consensus["fatalities"] = None if fatalities is None else {
        "value": fatalities, "policy": "ACLED: most conservative reported figure",
        "from": [_ref(m, [c for v, mm, c in killed_claims if mm is m and v == fatalities])
                 for f, m in reported if f == fatalities],
    }

    groups = {m.group or m.doc_id for m in members}
    claims = []
    for m in members:
        for c in m.claims:
            claims.append({"doc_id": m.doc_id, "outlet": m.outlet,
                           "published": m.published.isoformat() if m.published else None,
                           **c.model_dump(mode="json")})
    within = []
    for m in members:
        for k in m.contradictions:
            within.append({"attribute": k.attribute, "scope": "document",
                           "claims": [{"doc_id": m.doc_id, "claim": cid} for cid in k.claims], "note": k.note})
    contradictions = cross_contradictions(members) + within
    sources = list(dict.fromkeys(
        [c.source for m in members for c in m.claims if c.source] + [m.outlet for m in members if m.outlet]))
    published = [m.published for m in members if m.published]
    loc = location or {}
    date = consensus["date"]["value"] if consensus["date"] else {"date_start": None, "date_end": None}
    dups = {}
    for m in members:
        if m.group:
            dups.setdefault(m.group, []).append(m)
    member_rows = []
    for m in members:
        original = dups[m.group][0] if m.group else m
        member_rows.append({
            "doc_id": m.doc_id, "event": m.event.model_dump(mode="json"),
            "published": m.published.isoformat() if m.published else None, "outlet": m.outlet,
            "duplicate_of": original.doc_id if original.doc_id != m.doc_id else None,
        })
    return {
        "id": incident_id,
        "event_type": et,
        "sub_event_type": consensus["sub_event_type"]["value"],
        "date_start": date["date_start"],
        "date_end": date["date_end"],
        "time_precision": best_tp,
        "location": location,
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "actor1": consensus["actor1"]["value"] if consensus["actor1"] else None,
        "actor2": consensus["actor2"]["value"] if consensus["actor2"] else None,
        "fatalities": fatalities,
        "fatalities_range": [min(figures), max(figures)] if figures else None,
        "documents": len({m.doc_id for m in members}),
        "independent_sources": len(groups),
        "sources": sources,
        "first_reported": min(published).isoformat() if published else None,
        "first_reported_by": (first.doc_id if first.published else None),
        "has_contradiction": bool(contradictions),
        "members": member_rows,
        "consensus": consensus,
        "claims": claims,
        "contradictions": contradictions,
    }

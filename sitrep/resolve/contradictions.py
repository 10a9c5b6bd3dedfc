"""Contradictions within a document: claims about one event and attribute whose values
cannot all be true, from different sources (39 killed vs no deaths; captured vs denied)."""

from __future__ import annotations

from itertools import combinations

from sitrep.model import COUNT_ATTRIBUTES, Claim, Contradiction, DocumentResult

# Claims that state or deny a happening: a denial contradicts an assertion of it.
_STATE_ATTRIBUTES = ("captured", "controls", "occurred")
_POSITIVE = ("asserted", "reported", "claimed", "confirmed", "likely")


def _source_key(claim: Claim) -> str:
    return (claim.source or "").casefold()


def _conflict(a: Claim, b: Claim) -> str | None:
    if _source_key(a) == _source_key(b):
        return None
    if a.event != b.event and not (a.attribute in ("captured", "controls") and a.value and a.value == b.value):
        return None
    if a.attribute in COUNT_ATTRIBUTES and a.attribute == b.attribute:
        if isinstance(a.value, int) and isinstance(b.value, int) and a.value != b.value:
            if a.subject and b.subject and a.subject != b.subject and 0 not in (a.value, b.value):
                return None  # different victims: both can be true
            return f"{a.attribute}: {a.value} ({a.source or 'outlet'}) vs {b.value} ({b.source or 'outlet'})"
    if a.attribute in _STATE_ATTRIBUTES and b.attribute in _STATE_ATTRIBUTES:
        if {a.certainty, b.certainty} & {"denied"} and ({a.certainty, b.certainty} & set(_POSITIVE)):
            return f"{a.attribute}: {a.certainty} ({a.source or 'outlet'}) vs {b.certainty} ({b.source or 'outlet'})"
        # The same place credited to different sides ("under Ukrainian control" vs
        # "remains under the control of Russian forces").
        if a.attribute != "occurred" and b.attribute != "occurred" and a.value and a.value == b.value \
                and a.subject and b.subject and a.subject != b.subject:
            return f"{a.value} held by {a.subject} ({a.source or 'outlet'}) vs {b.subject} ({b.source or 'outlet'})"
    if a.attribute == b.attribute == "perpetrator" and a.value and b.value and str(a.value).casefold() != str(b.value).casefold():
        return f"perpetrator: {a.value} ({a.source or 'outlet'}) vs {b.value} ({b.source or 'outlet'})"
    if a.attribute == "other" and b.attribute in COUNT_ATTRIBUTES and b.value == 0 and a.source and b.source:
        return f"casualties claimed ({a.source}) vs none ({b.source})"
    return None


def find_contradictions(result: DocumentResult) -> list[Contradiction]:
    found: list[Contradiction] = []
    claims = [c for c in result.claims if c.event is not None]
    for a, b in combinations(claims, 2):
        note = _conflict(a, b) or _conflict(b, a)
        if note:
            attribute = a.attribute if a.attribute != "other" else b.attribute
            found.append(Contradiction(claims=[a.id, b.id], attribute=attribute, event=a.event, note=note))
    return found

"""Contradictions within a document: claims about one event and attribute whose values
cannot all be true, from different sources (39 killed vs no deaths; captured vs denied)."""

from __future__ import annotations

from itertools import combinations

from sitrep.extract.actors import victims_side
from sitrep.model import COUNT_ATTRIBUTES, Claim, Contradiction, DocumentResult

# Claims that state or deny a happening: a denial contradicts an assertion of it.
_STATE_ATTRIBUTES = ("captured", "controls", "occurred")
_POSITIVE = ("asserted", "reported", "claimed", "confirmed", "likely")


def _source_key(claim: Claim) -> str:
    return (claim.source or "").casefold()


def claims_conflict(a: Claim, b: Claim) -> str | None:
    """Why two claims cannot both be true, or None: the one rule, within a document and across
    documents (callers decide whether the claims are about one happening and from two sources)."""
    return _conflict(a, b) or _conflict(b, a)


def _conflict(a: Claim, b: Claim) -> str | None:
    who_a, who_b = a.source or "outlet", b.source or "outlet"
    if a.attribute == b.attribute and a.attribute in COUNT_ATTRIBUTES + ("size",):
        if not (_polarity(a) or _polarity(b)):
            return None  # two denials agree
        if _polarity(a) == _polarity(b):
            if _count(a.value) and _count(b.value) and a.value != b.value:
                if a.attribute != "size" and victims_side(a.subject) and victims_side(b.subject) \
                        and victims_side(a.subject) != victims_side(b.subject) and 0 not in (a.value, b.value):
                    return None  # different victims: both can be true
                return f"{a.attribute}: {a.value} ({who_a}) vs {b.value} ({who_b})"
            if a.attribute != "size" and {a.value, b.value} == {None, 0}:
                return f"{a.attribute}: some ({who_a if a.value is None else who_b}) vs none ({who_b if a.value is None else who_a})"
            return None
        # A denial answers a count: "no deaths" (a denied 0 or no figure) rejects any loss, even
        # an unquantified one; a denied figure rejects that figure only; nothing rejects "no deaths".
        denial, count = (b, a) if _polarity(a) else (a, b)
        if count.value == 0 or (denial.value not in (None, 0) and denial.value != count.value):
            return None
        return f"{a.attribute}: {a.certainty} ({who_a}) vs {b.certainty} ({who_b})"
    if _polarity(a) != _polarity(b) and _same_question(a, b):
        return f"{a.attribute}: {a.certainty} ({who_a}) vs {b.certainty} ({who_b})"
    if a.attribute in _STATE_ATTRIBUTES and b.attribute in _STATE_ATTRIBUTES and a.attribute != "occurred" \
            and b.attribute != "occurred" and a.value and a.value == b.value and a.subject and b.subject and a.subject != b.subject:
        # The same place credited to different sides.
        return f"{a.value} held by {a.subject} ({who_a}) vs {b.subject} ({who_b})"
    if a.attribute == b.attribute == "perpetrator" and a.value and b.value and _polarity(a) == _polarity(b) \
            and str(a.value).casefold() != str(b.value).casefold():
        return f"perpetrator: {a.value} ({who_a}) vs {b.value} ({who_b})"
    if a.attribute == "injured" and a.value == 0 and b.attribute == "killed" and b.value != 0 \
            and _polarity(a) and _polarity(b) and not _other_victims(a, b):
        # "Nobody was hurt" leaves no room for the dead of the other account.
        return f"casualties: none hurt ({who_a}) vs killed ({who_b})"
    if a.attribute == "other" and b.attribute in COUNT_ATTRIBUTES and b.value == 0 and a.source and b.source:
        return f"casualties claimed ({who_a}) vs none ({who_b})"
    return None


def _other_victims(a: Claim, b: Claim) -> bool:
    sides = victims_side(a.subject), victims_side(b.subject)
    return None not in sides and sides[0] != sides[1]


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _polarity(claim: Claim) -> bool:
    """Whether a claim asserts rather than rejects; a named source that does not confirm
    another's claim ("the General Staff did not confirm this") rejects it."""
    return not (claim.certainty == "denied" or (claim.certainty == "unconfirmed" and claim.source))


def _same_question(a: Claim, b: Claim) -> bool:
    """A denial answers a claim about the same thing: the same attribute (or the happening
    itself), and the same value where both name one."""
    attributes = {a.attribute, b.attribute}
    denial, other = (a, b) if not _polarity(a) else (b, a)
    if denial.attribute == "occurred" and denial.value is None and other.value != 0 and other.attribute not in ("other", "aim"):
        return True  # "it did not happen" answers whatever is said to have happened in it
    if len(attributes) > 1 and not attributes <= set(_STATE_ATTRIBUTES + ("perpetrator",)):
        return False  # a statement about something else ("other") is not answered by a denial of this
    if denial.attribute == "perpetrator" and attributes != {"perpetrator"}:
        return False  # "we did not do it" leaves standing that it happened
    if a.value is not None and b.value is not None and str(a.value).casefold() != str(b.value).casefold():
        return False
    return True


def _happening_test(result: DocumentResult):
    """Two claims are about one happening when they are about one event, or about events of
    one type, place and time (a document may split a happening across two events); who did
    it and whether it happened are asked of the document's happenings as a whole."""
    events = {e.id: e for e in result.events}

    def setting(event_id):
        e = events.get(event_id)
        if e is None:
            return None
        where = (e.location.country, e.location.admin1) if e.location else None
        return e.event_type, where, e.date_start, e.date_end

    def same(a: Claim, b: Claim) -> bool:
        if a.event == b.event:
            return True
        if a.attribute in ("captured", "controls") and a.value and a.value == b.value:
            return True
        sa, sb = setting(a.event), setting(b.event)
        if a.attribute == b.attribute == "perpetrator":
            return True
        if {a.attribute, b.attribute} <= {"perpetrator", "occurred"} and abs(a.evidence.start - b.evidence.start) <= 700:
            return True
        # Counts of the same kind (detained, size...) in one place and time are about one
        # happening even when the article files them under two events (a protest and its arrests).
        same_kind = a.attribute == b.attribute and a.attribute in COUNT_ATTRIBUTES + ("size",)
        if sa is None or sb is None or (sa[0] != sb[0] and not same_kind) or sa[1] != sb[1]:
            return False
        return sa[2] is None or sb[2] is None or (sa[2] <= sb[3] and sb[2] <= sa[3])

    return same


def parts_of(claims: list[Claim]) -> set[str]:
    """Claims that break down a larger figure their source gives in the same sentence ("50
    killed, including five children"): only the total answers another source's total. A part
    names its own victims; a smaller figure for no one in particular is a revision ("500 killed,
    revised the next day to 471"), which does answer."""
    parts = set()
    for c in claims:
        if isinstance(c.value, int) and c.attribute in COUNT_ATTRIBUTES and any(
                o.attribute == c.attribute and o.source == c.source and o.evidence == c.evidence
                and isinstance(o.value, int) and o.value > c.value and not _other_victims(o, c)
                and c.subject and c.subject != o.subject for o in claims):
            parts.add(c.id)
    return parts


def find_contradictions(result: DocumentResult) -> list[Contradiction]:
    """Every pair of claims that cannot both be true."""
    parts = parts_of(result.claims)
    claims = [c for c in result.claims if c.event is not None and c.id not in parts]
    same_happening = _happening_test(result)
    found: list[Contradiction] = []
    for a, b in combinations(claims, 2):
        if _source_key(a) == _source_key(b) or not same_happening(a, b):
            continue
        note = claims_conflict(a, b)
        if not note:
            continue
        attribute = a.attribute if a.attribute != "other" else b.attribute
        found.append(Contradiction(claims=[a.id, b.id], attribute=attribute, event=a.event, note=note))
    return found

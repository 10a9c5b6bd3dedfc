"""Event mentions → events: merge the mentions of one happening, then assemble each Event
(place, date, actors by ACLED's conventions, fatalities by ACLED's rule: the lowest count)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.extract.actors import FOREIGN_ROLES, actor_name, coded_actors, victims_side
from sitrep.extract.dates import DateMention
from sitrep.extract.labels import RULES, rank, sub_of, type_of
from sitrep.extract.setting import REGION_FEATURES, same_place, to_place
from sitrep.lang.lexicon import Match
from sitrep.lang.segment import Sentence
from sitrep.model import SUB_EVENT_TYPES, Claim, Event, PlaceMention, Span


@dataclass
class EventMention:
    sentence: Sentence
    label: str  # "Event type/Sub-event type"
    trigger: Match
    place: PlaceMention | None = None
    near: bool = False
    date: DateMention | None = None
    certainty: str = "asserted"
    actor1: object | None = None
    actor2: object | None = None
    own_setting: bool = True  # the sentence names its own place or date
    own_place: bool = True  # the place is the sentence's or its paragraph's, not the article's or a country


@dataclass
class DraftEvent:
    mentions: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.mentions[0].label

    @property
    def event_type(self) -> str:
        return type_of(self.label)


_VIOLENT = ("Riots/", "Violence against civilians/Attack", "Battles/Armed clash")


_DESTRUCTION = "Strategic developments/Looting/property destruction"


def escalate(first: EventMention, labels) -> None:
    """A peaceful protest that a later sentence of the brief describes as violent ("the
    demonstrators attacked workers", "burned the police station") was a violent demonstration."""
    if first.label == "Protests/Peaceful protest" and any(label.startswith(_VIOLENT) or label == _DESTRUCTION
                                                          for label, _, _ in labels):
        first.label = "Riots/Violent demonstration"


# -- merging ------------------------------------------------------------------------------------

# Event types whose sub-types are different happenings: an arrest is not an agreement, and the
# capture of a town is coded beside the fighting around it.
_SUBTYPES_APART = ("Strategic developments", "Battles")


def _family(event_type: str) -> str:
    """A demonstration is one happening whether told as a protest or as the riot it became
    ("protesters attacked the embassy ... police used tear gas to disperse them")."""
    return "Protests" if event_type == "Riots" else event_type


def merge(mentions: list[EventMention], main_date: DateMention | None, doc_place: PlaceMention | None) -> list[DraftEvent]:
    """Group mentions of one happening: same event type, compatible sub-type, place and date.

    A mention that names no place or date is read in the article's main setting, so that a
    dated background event ("the attack in March on Bryansk") does not absorb it."""
    drafts: list[DraftEvent] = []
    for m in mentions:
        target = None
        for d in drafts:
            if _family(d.event_type) != _family(type_of(m.label)):
                continue
            if d.event_type in _SUBTYPES_APART and sub_of(d.label) != sub_of(m.label):
                continue
            # "The explosion ...", "the strike ...": a mention with no place or date of its own
            # refers back to the event of its type already told.
            if not m.own_setting or _same_setting(d, m, main_date, doc_place):
                target = d
                break
        if target is None:
            drafts.append(DraftEvent([m]))
        else:
            target.mentions.append(m)
            order = RULES["specificity"].get(target.event_type, [])
            if rank(order, sub_of(m.label)) < rank(order, sub_of(target.mentions[0].label)):
                target.mentions.insert(0, target.mentions.pop())
    for d in drafts:
        _escalate(d)
    return drafts


def _escalate(d: DraftEvent) -> None:
    """A peaceful protest that a later mention tells turned violent is a violent demonstration
    (as in briefs); a protest the police broke up keeps that coding."""
    if d.label == "Protests/Peaceful protest":
        riot = next((m for m in d.mentions if type_of(m.label) == "Riots"), None)
        if riot is not None:
            d.mentions.remove(riot)
            d.mentions.insert(0, riot)


def _same_setting(d: DraftEvent, m: EventMention, main_date, doc_place) -> bool:
    first = d.mentions[0]
    place_a, place_b = first.place or doc_place, m.place or doc_place
    # "The explosion happened on Tuesday, a few km from the border": a mention dated but placed
    # only by the article or a country name is not set apart by its place.
    if place_a is not None and place_b is not None and m.own_place:
        # A district and its city are one setting for one kind of event; a capture and a clash
        # in two villages a few km apart stay two events.
        if not same_place(place_a, place_b, nearby=sub_of(d.label) == sub_of(m.label)):
            return False  # a region and a town in it are kept apart: different precision
    date_a, date_b = first.date or main_date, m.date or main_date
    if date_a is not None and date_b is not None:
        # Fighting told "overnight" straddles two days; a decision, an arrest or an evacuation is dated.
        slack = dt.timedelta(days=0 if d.event_type == "Strategic developments" else 1)
        if not (date_a.first <= date_b.last + slack and date_b.first <= date_a.last + slack):
            return False
    return True


# -- assembly -------------------------------------------------------------------------------------

def assemble_event(number: int, draft: DraftEvent, anchor, main_date, doc_place, doc_country, actors) -> Event:
    """The coded Event of a draft; its claims get the event's id."""
    event_id = f"e{number}"
    for c in draft.claims:
        c.event = event_id
    first = draft.mentions[0]
    # A town if any mention has one, else the narrowest division told ("région de Tillabéri" over
    # the headline's "Niger").
    placed = [m for m in draft.mentions if m.place is not None]
    place_m = next((m for m in placed if m.place.feature not in REGION_FEATURES), None) \
        or min(placed, key=lambda m: _BREADTH.get(m.place.feature, 3), default=None)
    location = None
    if place_m is not None:
        location = to_place(place_m.place, 2 if place_m.near else None)
    elif doc_place is not None:
        location = to_place(doc_place, 3 if doc_place.feature in REGION_FEATURES else 2)
    date_m = _draft_date(draft, main_date)
    if date_m is not None:
        start, end, precision = date_m.first, date_m.last, date_m.precision
    elif anchor is not None:
        start = end = anchor
        precision = 2
    else:
        start = end = None
        precision = 3
    country = location.country if location else doc_country
    a1 = next((m.actor1 for m in draft.mentions if m.actor1 is not None), None)
    a2 = next((m.actor2 for m in draft.mentions if m.actor2 is not None), None)
    sub = sub_of(draft.label)
    # A state regains territory only on its own soil; forces taking ground abroad overtake it.
    if sub == "Non-state actor overtakes territory" and a1 is not None and getattr(a1, "kind", "") == "state_forces" \
            and getattr(a1, "role", None) not in FOREIGN_ROLES and getattr(a1, "country", None) in (None, country):
        sub = "Government regains territory"
    kills = source_totals(draft.claims, "killed")
    event_type = SUB_EVENT_TYPES[sub]
    actor1, actor2 = coded_actors(event_type, actor_name(a1, country, actors, event_type),
                                  actor_name(a2, country, actors, event_type), country, actors)
    return Event(
        id=event_id, event_type=event_type, sub_event_type=sub,
        date_start=start, date_end=end, time_precision=precision, location=location,
        actor1=actor1, actor2=actor2,
        actor1_mentions=[a1.mention] if a1 is not None else [], actor2_mentions=[a2.mention] if a2 is not None else [],
        fatalities=min(kills) if kills else None, certainty=first.certainty,
        evidence=[Span(start=s.start, end=s.end) for s in _unique_sentences(draft.mentions)],
        claims=[c.id for c in draft.claims],
    )


# How wide a division is, for choosing the narrowest one an event's mentions tell.
_BREADTH = {"ADM2": 1, "ADMD": 1, "ADM1": 2, "ADM1H": 2, "RGN": 3, "CONT": 5,
            "PCLI": 4, "PCL": 4, "PCLD": 4, "PCLF": 4, "PCLS": 4}


def _draft_date(draft: DraftEvent, main_date):
    """The date of the mention that first tells of the happening; an undated first telling is
    read at the article's main date, not at a later mention's (often a follow-up's) date."""
    ordered = sorted(draft.mentions, key=lambda m: m.trigger.start)
    # A headline tells undated what the story under it dates ("Gunmen kill 11 villagers" above
    # "... on Saturday night"): the first telling after it counts.
    if len(ordered) > 1 and ordered[0].date is None and _headline(ordered[0].sentence):
        ordered = ordered[1:]
    first = ordered[0]
    if first.date is not None:
        return first.date
    return main_date or next((m.date for m in draft.mentions if m.date is not None), None)


def _headline(sent: Sentence) -> bool:
    """The article's first line when it ends without a full stop (a title)."""
    return sent.index == 0 and sent.paragraph == 0 and not sent.text.rstrip().endswith((".", "!", "?", "…"))


def _unique_sentences(mentions: list[EventMention]) -> list[Sentence]:
    seen: dict[int, Sentence] = {}
    for m in mentions:
        seen.setdefault(m.sentence.index, m.sentence)
    return [seen[k] for k in sorted(seen)]


def source_totals(claims, attribute: str) -> list[int]:
    """Each source's total for one count, sentence by sentence. Within a sentence a figure for
    part of the same side is inside the larger one ("50 killed, including five children" is 50);
    figures for the two sides add up ("20 civilians and 12 militants died" is 32)."""
    sides: dict[tuple, dict] = {}
    for c in claims:
        if c.attribute == attribute and isinstance(c.value, int):
            by_side = sides.setdefault((c.source, c.evidence.start), {})
            side = victims_side(c.subject)
            key = side if side in (None, "civilian") else "armed"  # parties' dead add only across the civilian line
            by_side[key] = max(by_side.get(key, 0), c.value)
    totals = []
    for by_side in sides.values():
        unnamed = by_side.pop(None, 0)
        named = sum(by_side.values())
        totals.append(max(unnamed, named))
    return totals

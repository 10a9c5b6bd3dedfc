"""Event matching (scoring.md, "Events"): which gold event each predicted event counts for.

A prediction matches a gold event on three things: the same event type, a date span
overlapping the gold window, and a right place. Among the gold events it matches it counts
for the best fitting one: an acceptable sub-type first, then a point within the radius, then
a group not found yet, then agreement on actor, certainty and fatalities.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.geo import haversine_km
from sitrep.evaluate.gold import GoldEvent
from sitrep.evaluate.metrics import Tally
from sitrep.evaluate.names import admin1_matches, name_matches
from sitrep.model import Event


def dates_overlap(pred: Event, gold: GoldEvent) -> bool:
    if gold.date is None:
        return True
    start = pred.date_start or pred.date_end
    end = pred.date_end or pred.date_start
    # Decision: a prediction with no date cannot be shown to overlap a dated window, so it
    # only matches gold events whose date is null ("any"). Otherwise an undated guess would
    # hit every window in the document.
    if start is None or end is None:
        return False
    if end < start:  # tolerate a reversed span rather than silently failing it
        start, end = end, start
    first, last = gold.date
    return start <= last and end >= first


def point_within(pred: Event, gold: GoldEvent) -> bool:
    """The predicted point lies within the gold radius (False when either side has no point)."""
    place, loc = gold.place, pred.location
    if place is None or not place.has_point or loc is None or loc.lat is None or loc.lon is None:
        return False
    return haversine_km(loc.lat, loc.lon, place.lat, place.lon) <= place.km


def place_right(pred: Event, gold: GoldEvent) -> bool:
    place, loc = gold.place, pred.location
    if place is None:
        return True  # gold place null: anywhere
    if loc is None:
        return False
    if place.admin1 and admin1_matches(loc.admin1, place.admin1):
        return True
    if place.has_point and point_within(pred, gold):
        return True
    # Decision: a gold place with neither admin1 nor a point ("somewhere in Mali") is right
    # when the country agrees; that is all the annotator could say.
    if not place.admin1 and not place.has_point and place.country:
        return bool(loc.country) and loc.country.strip().upper() == place.country.strip().upper()
    return False


def event_matches(pred: Event, gold: GoldEvent) -> bool:
    return pred.event_type == gold.event_type and dates_overlap(pred, gold) and place_right(pred, gold)


def actor_right(pred: Event, gold: GoldEvent) -> bool:
    aliases = gold.actor1 or []
    return name_matches(pred.actor1, aliases) or name_matches(pred.actor2, aliases)


def _fit(pred: Event, gold: GoldEvent, found_groups: set[str]) -> tuple:
    """Sort key, larger is better. Gold order breaks remaining ties (via max's first-wins)."""
    agreement = sum((
        bool(gold.actor1) and actor_right(pred, gold),
        bool(gold.certainty) and pred.certainty in gold.certainty,
        bool(gold.fatalities) and pred.fatalities in gold.fatalities,
    ))
    return (
        pred.sub_event_type in gold.sub_event_type,
        point_within(pred, gold),
        gold.group not in found_groups,
        agreement,
        gold.must,
    )


@dataclass
class EventMatch:
    pred: Event
    gold: GoldEvent | None  # None: the prediction matched no gold event


def match_events(preds: list[Event], golds: list[GoldEvent]) -> list[EventMatch]:
    """Give each prediction the gold event it counts for, in prediction order."""
    candidates = [[g for g in golds if event_matches(p, g)] for p in preds]
    # Greedy, but the most constrained predictions choose first, so a prediction that could
    # fit several groups does not take the only group another prediction could find.
    order = sorted(range(len(preds)), key=lambda i: len(candidates[i]) if candidates[i] else len(golds) + 1)
    found: set[str] = set()
    chosen: dict[int, GoldEvent | None] = {}
    for i in order:
        best = max(candidates[i], key=lambda g: _fit(preds[i], g, found), default=None)
        chosen[i] = best
        if best is not None:
            found.add(best.group)
    return [EventMatch(preds[i], chosen[i]) for i in range(len(preds))]


def score_events(preds: list[Event], golds: list[GoldEvent], tally: Tally) -> list[EventMatch]:
    matches = match_events(preds, golds)
    found = {m.gold.group for m in matches if m.gold is not None}
    # A group is a must group when any of its members is must.
    must_groups = {g.group for g in golds if g.must}
    for group in must_groups:
        tally["event_recall"].count(group in found)
    for m in matches:
        tally["event_precision"].count(m.gold is not None)
        if m.gold is None:
            continue
        gold, pred = m.gold, m.pred
        tally["sub_event_accuracy"].count(pred.sub_event_type in gold.sub_event_type)
        if gold.actor1:
            tally["actor_accuracy"].count(actor_right(pred, gold))
        if gold.certainty:
            tally["event_certainty_accuracy"].count(pred.certainty in gold.certainty)
        if gold.place is not None and gold.place.has_point:
            tally["point_accuracy"].count(point_within(pred, gold))
        if gold.fatalities:
            tally["fatalities_accuracy"].count(pred.fatalities in gold.fatalities)
    return matches

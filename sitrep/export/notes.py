"""The one-sentence English summary of an event that fills ACLED's `notes` column."""

from __future__ import annotations

from sitrep.export.countries import country
from sitrep.model import Event

# Noun phrases for sub-event types whose lower-cased name does not read as one.
_PHRASES = {
    "Government regains territory": "a government recapture of territory",
    "Non-state actor overtakes territory": "a takeover of territory by a non-state actor",
    "Headquarters or base established": "the establishment of a headquarters or base",
    "Other": "a strategic development",
    "Chemical weapon": "a chemical weapon attack",
    "Grenade": "a grenade attack",
    "Suicide bomb": "a suicide bombing",
    "Remote explosive/landmine/IED": "a remote explosive/landmine/IED attack",
    # Mass nouns take no article.
    "Arrests": "arrests",
    "Looting/property destruction": "looting/property destruction",
    "Sexual violence": "sexual violence",
    "Mob violence": "mob violence",
    "Excessive force against protesters": "excessive force against protesters",
    "Disrupted weapons use": "disrupted weapons use",
}

_VERBS = {
    "confirmed": "took place (confirmed)",
    "asserted": "took place",
    "reported": "was reported",
    "claimed": "was claimed",
    "likely": "likely took place",
    "unconfirmed": "was reported but is unconfirmed",
    "denied": "was reported and denied",
}

# Event types where two actors fight each other rather than one acting on the other.
_MUTUAL = {"Battles", "Riots"}


def summarize(event: Event) -> str:
    parts = [_when(event) + ",", _what(event)]
    actors = _actors(event)
    if actors:
        parts.append(actors)
    parts.append(_VERBS.get(event.certainty, "took place"))
    place = _where(event)
    if place:
        parts.append(place)
    sentence = " ".join(parts) + _toll(event.fatalities) + "."
    return sentence[0].upper() + sentence[1:]


def _when(event: Event) -> str:
    start, end = event.date_start or event.date_end, event.date_end or event.date_start
    if start is None:
        return "on an unreported date"
    if event.time_precision == 3:
        return f"in {start:%B %Y}"
    if end != start:
        return f"between {start.isoformat()} and {end.isoformat()}"
    return f"on {start.isoformat()}"


def _what(event: Event) -> str:
    sub = event.sub_event_type
    if sub in _PHRASES:
        return _PHRASES[sub]
    noun = sub.lower()
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _actors(event: Event) -> str:
    a1, a2 = event.actor1, event.actor2
    if a1 and a2 and event.event_type in _MUTUAL:
        return f"between {a1} and {a2}"
    return " ".join(p for p in (f"by {a1}" if a1 else "", f"against {a2}" if a2 else "") if p)


def _where(event: Event) -> str:
    loc = event.location
    if loc is None:
        return ""
    names = [loc.name]
    if loc.admin1 and loc.admin1 != loc.name:
        names.append(loc.admin1)
    entry = country(loc.country)
    if entry and entry.name not in names:
        names.append(entry.name)
    return "in " + ", ".join(names)


def _toll(fatalities: int | None) -> str:
    if fatalities is None:
        return ""
    if fatalities == 0:
        return "; no fatalities were reported"
    return f"; {fatalities} {'fatality was' if fatalities == 1 else 'fatalities were'} reported"

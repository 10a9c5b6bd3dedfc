"""ACLED-style CSV: one row per stored event, with ACLED's column names (contract.md)."""

from __future__ import annotations

import csv
from collections import Counter
from typing import Iterable, TextIO

from sitrep.export.countries import country
from sitrep.export.notes import summarize
from sitrep.export.stats import ExportStats
from sitrep.model import Event
from sitrep.store import StoredEvent

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

# ACLED's disorder types: by event type, with the sub-types that differ from their type.
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

# ACLED's numeric actor categories ("inter" codes), read off the start of canonical names
# written the ACLED way ("Military Forces of Russia (2000-)", "Civilians (Ukraine)").
_INTER_PREFIXES = (
    ("military forces of", "1"), ("police forces of", "1"), ("rioters", "5"),
    ("protesters", "6"), ("civilians", "7"),
)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def inter_code(actor: str | None) -> str:
    """ACLED's category code of an actor, or "" when the name does not tell."""
    name = (actor or "").strip().lower()
    return next((code for prefix, code in _INTER_PREFIXES if name.startswith(prefix)), "")


def interaction(inter1: str, inter2: str, has_actor2: bool) -> str:
    if inter1 and inter2:
        return "".join(sorted((inter1, inter2)))
    if inter1 and not has_actor2:
        return inter1 + "0"  # ACLED: a lone actor pairs with 0
    return ""


def coded_row(event: Event, event_id_cnty: str, *, sources, tags: str, timestamp) -> dict[str, object]:
    """One ACLED row for a coded event (an extracted event, or an incident's consensus)."""
    loc = event.location
    date = event.date_start or event.date_end
    cc = country(loc.country if loc else None)
    inter1, inter2 = inter_code(event.actor1), inter_code(event.actor2)
    civilian = event.event_type == "Violence against civilians" and "civilian" in (event.actor2 or "").lower()
    return {
        "event_id_cnty": event_id_cnty,
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2, bool(event.actor2)),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": cc.numeric if cc else "",
        "region": cc.region if cc else "",
        "country": cc.name if cc else ((loc.country or "") if loc else ""),
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": "" if not loc or loc.lat is None else loc.lat,
        "longitude": "" if not loc or loc.lon is None else loc.lon,
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": summarize(event),
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "tags": tags,
        "timestamp": timestamp,
    }


def acled_row(item: StoredEvent, event_id_cnty: str) -> dict[str, object]:
    sources = item.sources or ((item.doc_source,) if item.doc_source else ())
    return coded_row(item.event, event_id_cnty, sources=sources,
                     tags=f"certainty={item.event.certainty}",  # ACLED has no column for it; tags is free-form
                     timestamp=int(item.ingested_at.timestamp()))


def write_acled(events: Iterable[StoredEvent], out: TextIO) -> ExportStats:
    """Write the CSV; event_id_cnty numbers run per country in the store's (doc, event) order."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    numbers: Counter[str] = Counter()
    stats = ExportStats()
    for item in events:
        loc = item.event.location
        cc = country(loc.country if loc else None)
        prefix = cc.alpha3 if cc else "XX"
        numbers[prefix] += 1
        writer.writerow(acled_row(item, f"{prefix}{numbers[prefix]}"))
        stats.written += 1
    return stats

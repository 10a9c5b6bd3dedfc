"""Incident-level exports: ACLED CSV (one row per incident, `source` listing every source),
GeoJSON (one Point per located incident) and JSON Lines (one full record per line, claims and
contradictions included). Records come from sitrep.store.incidents (stored or as-of)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, Iterable, TextIO

from sitrep.export.acled import COLUMNS, disorder_type, inter_code, interaction
from sitrep.export.countries import country
from sitrep.export.notes import summarize
from sitrep.export.stats import ExportStats
from sitrep.model import Event, Place

FORMATS = ("acled", "geojson", "jsonl")


def _event(record: dict[str, Any]) -> Event:
    """The consensus of an incident as one contract Event (for notes and shared helpers)."""
    loc = record.get("location")
    return Event(
        id=record["id"], event_type=record["event_type"], sub_event_type=record["sub_event_type"],
        date_start=record["date_start"], date_end=record["date_end"], time_precision=record["time_precision"],
        location=Place.model_validate(loc) if loc else None, actor1=record["actor1"], actor2=record["actor2"],
        fatalities=record["fatalities"],
        certainty="confirmed" if record["independent_sources"] > 1 else record["members"][0]["event"]["certainty"],
    )


def acled_row(record: dict[str, Any], event_id_cnty: str) -> dict[str, object]:
    event, loc = _event(record), record.get("location") or {}
    date = event.date_start or event.date_end
    cc = country(loc.get("country"))
    inter1, inter2 = inter_code(event.actor1), inter_code(event.actor2)
    civilian = event.event_type == "Violence against civilians" and "civilian" in (event.actor2 or "").lower()
    tags = [f"incident={record['id']}", f"documents={record['documents']}",
            f"independent_sources={record['independent_sources']}"]
    if record.get("fatalities_range"):
        lo, hi = record["fatalities_range"]
        tags.append(f"fatalities_range={lo}-{hi}")
    if record["has_contradiction"]:
        tags.append("contradicted")
    first = record.get("first_reported")
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
        "country": cc.name if cc else (loc.get("country") or ""),
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": loc.get("geo_precision", ""),
        "source": "; ".join(record["sources"]),
        "source_scale": "",
        "notes": summarize(event),
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "tags": "; ".join(tags),
        # ACLED's timestamp is when the row last changed; here: when it was first reported.
        "timestamp": int(dt.datetime.combine(dt.date.fromisoformat(first), dt.time(),
                                             tzinfo=dt.timezone.utc).timestamp()) if first else "",
    }


def write_incident_acled(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    numbers: dict[str, int] = {}
    stats = ExportStats()
    for record in records:
        cc = country((record.get("location") or {}).get("country"))
        prefix = cc.alpha3 if cc else "XX"
        numbers[prefix] = numbers.get(prefix, 0) + 1
        writer.writerow(acled_row(record, f"{prefix}{numbers[prefix]}"))
        stats.written += 1
    return stats


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    loc = record.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    props = {k: v for k, v in record.items() if k not in ("members", "claims", "consensus")}
    props["members"] = [{"doc_id": m["doc_id"], "event": m["event"]["id"]} for m in record["members"]]
    return {"type": "Feature", "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props}


def write_incident_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    stats = ExportStats(skip_reason="without coordinates")
    out.write('{"type": "FeatureCollection", "features": [')
    for record in records:
        found = feature(record)
        if found is None:
            stats.skipped += 1
            continue
        out.write(("\n" if stats.written == 0 else ",\n") + json.dumps(found, ensure_ascii=False))
        stats.written += 1
    out.write("\n]}\n")
    return stats


def write_incident_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    stats = ExportStats()
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        stats.written += 1
    return stats


def write_incident_export(store, fmt: str, out: TextIO, *, as_of: dt.date | None = None) -> ExportStats:
    """The whole store's incidents (or those known as of a date) in one of FORMATS."""
    from sitrep.store.incidents import incident_records, incidents_as_of

    records = incidents_as_of(store, as_of) if as_of else incident_records(store)
    if fmt == "acled":
        return write_incident_acled(records, out)
    if fmt == "geojson":
        return write_incident_geojson(records, out)
    if fmt == "jsonl":
        return write_incident_jsonl(records, out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")

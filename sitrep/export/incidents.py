"""Incident-level exports: ACLED CSV (one row per incident, `source` listing every source),
GeoJSON (one Point per located incident) and JSON Lines (one full record per line, claims and
contradictions included). Records come from sitrep.store.incidents (stored or as-of)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, Iterable, TextIO

from sitrep.export.acled import COLUMNS, coded_row
from sitrep.export.countries import country
from sitrep.export.geojson import write_features
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
    tags = [f"incident={record['id']}", f"documents={record['documents']}",
            f"independent_sources={record['independent_sources']}"]
    if record.get("fatalities_range"):
        lo, hi = record["fatalities_range"]
        tags.append(f"fatalities_range={lo}-{hi}")
    if record["has_contradiction"]:
        tags.append("contradicted")
    first = record.get("first_reported")
    # ACLED's timestamp is when the row last changed; here: when it was first reported.
    timestamp = int(dt.datetime.combine(dt.date.fromisoformat(first), dt.time(),
                                        tzinfo=dt.timezone.utc).timestamp()) if first else ""
    return coded_row(_event(record), event_id_cnty, sources=record["sources"], tags="; ".join(tags), timestamp=timestamp)


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
    return write_features((feature(record) for record in records), out)


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

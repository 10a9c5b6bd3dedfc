"""GeoJSON FeatureCollection: one Point per stored event that has coordinates."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from sitrep.export.stats import ExportStats
from sitrep.store import StoredEvent


def feature(item: StoredEvent) -> dict | None:
    loc = item.event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return {
        "type": "Feature",
        "id": f"{item.doc_id}/{item.event.id}",
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},  # GeoJSON order: lon, lat
        "properties": {"doc_id": item.doc_id, **item.event.model_dump(mode="json")},
    }


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> ExportStats:
    return write_features((feature(item) for item in events), out)


def write_features(features: Iterable[dict | None], out: TextIO) -> ExportStats:
    """A FeatureCollection written feature by feature, so it never sits in memory whole; a
    None feature (no coordinates) is counted and left out."""
    stats = ExportStats(skip_reason="without coordinates")
    out.write('{"type": "FeatureCollection", "features": [')
    for found in features:
        if found is None:
            stats.skipped += 1
            continue
        out.write(("\n" if stats.written == 0 else ",\n") + json.dumps(found, ensure_ascii=False))
        stats.written += 1
    out.write("\n]}\n")
    return stats

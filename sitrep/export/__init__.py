"""Exports: ACLED CSV, GeoJSON and JSON Lines, each streaming from the store's iterators."""

from __future__ import annotations

from typing import TextIO

from sitrep.export.acled import write_acled
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.export.stats import ExportStats
from sitrep.store import Store

FORMATS = ("acled", "geojson", "jsonl")


def write_export(store: Store, fmt: str, out: TextIO) -> ExportStats:
    """Write the whole store in one of FORMATS."""
    if fmt == "acled":
        return write_acled(store.events(), out)
    if fmt == "geojson":
        return write_geojson(store.events(), out)
    if fmt == "jsonl":
        return write_jsonl(store.results(), out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["ExportStats", "FORMATS", "write_acled", "write_export", "write_geojson", "write_jsonl"]

"""JSON Lines: one contract DocumentResult per line, as `sitrep extract` writes them."""

from __future__ import annotations

from typing import Iterable, TextIO

from sitrep.export.stats import ExportStats
from sitrep.model import DocumentResult


def write_jsonl(results: Iterable[DocumentResult], out: TextIO) -> ExportStats:
    stats = ExportStats()
    for result in results:
        out.write(result.model_dump_json() + "\n")
        stats.written += 1
    return stats

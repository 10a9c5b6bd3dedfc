"""What an export wrote, for the command to report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExportStats:
    written: int = 0
    skipped: int = 0  # records left out (e.g. events without coordinates in GeoJSON)
    skip_reason: str = ""

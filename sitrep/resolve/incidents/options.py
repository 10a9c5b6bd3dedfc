"""Every knob of incident grouping in one options object (trafilatura-style), with defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IncidentOptions:
    # Dates: two events can be one incident when their date spans, each widened by this many
    # days, overlap. 1 tolerates "overnight"/"yesterday" disagreements between outlets.
    day_window: int = 1
    # Events whose date span is longer than this (vague "in spring") are never fused.
    max_span_days: int = 62
    # Places: two precise places (geo_precision 1-2) are "the same village" within same_km and
    # "nearby" within near_km; farther apart they are different places.
    same_km: float = 3.0
    near_km: float = 25.0
    # A pair of events is linked when its compatibility score reaches this (see match.py).
    min_score: int = 2
    # Near-duplicate documents: MinHash over word shingles of this size.
    shingle_words: int = 3
    num_perm: int = 128
    duplicate_threshold: float = 0.6  # estimated Jaccard of the shingle sets
    # New documents are compared for near-duplication with documents published this close.
    duplicate_days: int = 7
    seed: int = 1


DEFAULT_OPTIONS = IncidentOptions()

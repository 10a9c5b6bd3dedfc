"""Near-duplicate articles: syndicated copies and light rewrites of one wire story.

MinHash (datasketch) over word shingles of the normalised text; a pair whose estimated
Jaccard similarity reaches ``duplicate_threshold`` is a near-duplicate. Near-duplicates are
linked, and an incident counts a group of them as one independent source. Translations share
no shingles; they are grouped through their events instead.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from sitrep.resolve.incidents.options import DEFAULT_OPTIONS, IncidentOptions

# Pinned, so signatures stored by one datasketch version compare with fresh ones (datasketch 2).
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int) -> set[bytes]:
    norm = unicodedata.normalize("NFKC", text).casefold()
    words = _WORD.findall(norm)
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, options: IncidentOptions = DEFAULT_OPTIONS) -> MinHash:
    m = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=SCHEME)
    m.update_batch(sorted(shingles(text, options.shingle_words)))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues).astype(np.uint64).tobytes()


def from_bytes(raw: bytes, options: IncidentOptions = DEFAULT_OPTIONS) -> MinHash:
    values = np.frombuffer(raw, dtype=np.uint64).astype(np.uint32)
    return MinHash(num_perm=options.num_perm, seed=options.seed, hashvalues=values, scheme=SCHEME)


def near_duplicates(
    new: Iterable[tuple[str, MinHash]],
    known: Iterable[tuple[str, MinHash]] = (),
    options: IncidentOptions = DEFAULT_OPTIONS,
) -> list[tuple[str, str, float]]:
    """Pairs (a, b, similarity), a < b, among ``new`` and between ``new`` and ``known``.

    LSH proposes candidates; every candidate is confirmed on the estimated Jaccard, so the
    answer does not depend on the order documents are given in.
    """
    # LSH only proposes candidates: tuned for recall (a lower threshold, false negatives weighted
    # heavily); the estimated Jaccard below decides.
    lsh = MinHashLSH(threshold=max(0.2, options.duplicate_threshold - 0.25), num_perm=options.num_perm,
                     weights=(0.1, 0.9))
    sigs: dict[str, MinHash] = {}
    for doc_id, m in known:
        if doc_id not in sigs:
            sigs[doc_id] = m
            lsh.insert(doc_id, m)
    new = [(d, m) for d, m in new]
    for doc_id, m in new:
        if doc_id not in sigs:
            sigs[doc_id] = m
            lsh.insert(doc_id, m)
    pairs = {}
    for doc_id, m in new:
        for other in lsh.query(m):
            if other == doc_id:
                continue
            sim = float(m.jaccard(sigs[other]))
            if sim >= options.duplicate_threshold:
                a, b = sorted((doc_id, other))
                pairs[(a, b)] = round(sim, 4)
    return [(a, b, s) for (a, b), s in sorted(pairs.items())]


def groups(doc_ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """doc_id -> representative (the smallest id) of its near-duplicate group."""
    parent = {d: d for d in doc_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in parent}

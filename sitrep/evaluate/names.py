"""The name rule of scoring.md, and the admin1 comparison built on it.

Names are compared as word sets after folding case and diacritics, dropping punctuation and
a few function words. A name matches an alias list when its word set equals an alias's, or
shares at least 60% of the smaller set's words with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from unidecode import unidecode

STOP_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "for", "to"})
ADMIN_WORDS = frozenset({
    "oblast", "region", "province", "governorate", "department", "county", "republic",
    "state", "district", "krai", "voivodeship",
})
SHARE = 0.6

# Apostrophes join a word ("Sana'a" = "Sanaa"); any other punctuation separates words
# ("Rostov-on-Don" = "Rostov on Don").
_APOSTROPHES = re.compile(r"['’‘`ʼʻ]")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower-case text with diacritics removed; non-Latin scripts are left as they are."""
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        # Letters such as ł, ø, ß, đ have no decomposition: transliterate Latin ones only.
        if not char.isascii() and unicodedata.name(char, "").startswith("LATIN"):
            char = unidecode(char)
        out.append(char)
    return "".join(out).casefold()


@lru_cache(maxsize=65536)
def words(name: str) -> frozenset[str]:
    """The word set a name is compared by."""
    text = _APOSTROPHES.sub("", fold(name))
    return frozenset(w for w in _NON_WORD.split(text) if w and w not in STOP_WORDS)


def words_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return len(a & b) >= SHARE * min(len(a), len(b))


def name_matches(name: str | None, aliases: Iterable[str]) -> bool:
    """True when `name` matches any alias under the name rule."""
    if not name:
        return False
    mine = words(name)
    return any(words_match(mine, words(alias)) for alias in aliases)


def admin1_key(name: str) -> frozenset[str]:
    """Word set of a first-level division without administrative words ("Belgorod Oblast" → {belgorod})."""
    full = words(name)
    core = full - ADMIN_WORDS
    # A name made only of administrative words ("Capital District"?) keeps them all.
    return core or full


def admin1_matches(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    return admin1_key(predicted) == admin1_key(gold)

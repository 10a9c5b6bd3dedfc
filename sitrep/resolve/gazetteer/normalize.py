"""Name keys shared by the gazetteer build and the lookup.

A key folds case, diacritics and script (Cyrillic and Greek are transliterated with
unidecode) and collapses the spelling differences that transliteration systems disagree
on, so that Grayvoron, Graivoron, Grajworon and Грайворон share one key, as do Kharkiv,
Charkiw and Харків (but not Kharkov: o/i alternation is left to the alternate names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[\u02b9\u02bb\u02bc\u2018\u2019'`\u00b4\u02c8\"]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./,()]+")
_NON_ALNUM = re.compile(r"[^a-z0-9 ]")

# Ordered rewrites applied to the folded ASCII form.
_COLLAPSES = (
    ("shch", "sc"), ("sch", "s"), ("tsch", "c"), ("tch", "c"), ("ch", "c"), ("cz", "c"),
    ("sz", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("ts", "c"), ("tz", "c"), ("dz", "z"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"),
    ("y", "i"), ("j", "i"), ("ou", "u"), ("ie", "e"), ("ei", "e"), ("ia", "a"), ("iu", "u"),
    ("io", "o"), ("ae", "e"), ("oe", "e"), ("ue", "u"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase ASCII with words separated by single spaces (diacritics and scripts folded)."""
    text = unicodedata.normalize("NFC", text)
    text = _APOSTROPHES.sub("", text)
    text = unidecode(text).lower()
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    return _NON_ALNUM.sub("", text).strip()


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """The lookup key of a name: folded, then transliteration variants collapsed."""
    out = fold(text)
    for a, b in _COLLAPSES:
        if a in out:
            out = out.replace(a, b)
    out = _DOUBLE.sub(r"\1", out)
    return out.replace(" ", "")


_VOWEL_RUNS = re.compile(r"[aeiou]+")


@lru_cache(maxsize=50_000)
def spelling_key(text: str, articles: frozenset[str] = frozenset()) -> str:
    """A looser key for telling two spellings of one name apart from two names: the words of ``key``
    without the articles given ("al", "ad"), every vowel run one vowel and a final "h" after a vowel
    gone, so that "Idleb" ~ "Idlib", "Al-Hasakeh" ~ "Al Hasakah", "Hiraan" ~ "Hiiraan", "Sala al-Din" ~
    "Salah ad Din" (and "Mosul" stays apart from "Ninawa")."""
    out = []
    for word in fold(text).split():
        if word in articles:
            continue
        word = key(word)
        if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
            word = word[:-1]
        out.append(_VOWEL_RUNS.sub("a", word))
    return "".join(out)


def usable_name(name: str) -> bool:
    """Alternate names worth indexing: Latin, Cyrillic or Greek script, no codes or digits."""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    letters = _LETTERS.findall(name)
    if len(letters) < 2:
        return False
    for ch in letters:
        cp = ord(ch)
        if not (cp < 0x0250 or 0x0370 <= cp < 0x0530 or 0x1E00 <= cp < 0x1F00):
            return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO and other codes
        return False
    return True

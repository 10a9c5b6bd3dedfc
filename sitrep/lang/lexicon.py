"""Phrase lexicons from language packs, compiled to regular expressions over folded text.

Pattern syntax (the same in every pack):

- words separated by spaces match words separated by spaces or hyphens;
- a word ending in ``*`` matches any word starting with it: a stem (``ucis*`` matches
  "ucis", "ucisă", "uciși"), which is how inflection is covered without a lemmatiser;
- ``...`` between words allows up to three other words in between ("s-au ... ciocnit");
- ``#`` stands for a number written in digits.
- case and diacritics are ignored (patterns are folded like the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Sequence

from sitrep.lang.text import fold

_GAP = r"(?:[\s\-]+\w+){0,3}"
_SEP = r"[\s\-]+"


def _word_regex(word: str) -> str:
    if word == "#":
        return r"\d+(?:[.,\s]\d{3})*"
    if word.endswith("*"):
        stem = word[:-1]
        return re.escape(stem) + r"\w*"
    return re.escape(word)


def pattern_regex(pattern: str) -> str:
    """Regex source for one pack phrase (already folded)."""
    words = fold(pattern).split()
    parts: list[str] = []
    for i, word in enumerate(words):
        if word == "...":
            parts.append(_GAP)
            continue
        if parts and parts[-1] != _GAP:
            parts.append(_SEP)
        elif parts and parts[-1] == _GAP:
            parts.append(_SEP)
        parts.append(_word_regex(word))
    body = "".join(parts)
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    label: str
    text: str


class Lexicon:
    """Labelled phrases; `find` returns non-overlapping matches, longest first."""

    def __init__(self, entries: Mapping[str, Sequence[str]]):
        self.labels = [label for label, phrases in entries.items() if phrases]
        self._regexes: list[tuple[str, re.Pattern[str]]] = []
        for label in self.labels:
            phrases = sorted({p for p in entries[label] if isinstance(p, str) and p.strip()}, key=len, reverse=True)
            if phrases:
                source = "|".join(pattern_regex(p) for p in phrases)
                self._regexes.append((label, re.compile(source)))

    def __bool__(self) -> bool:
        return bool(self._regexes)

    def find_all(self, folded: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every match of every label (may overlap)."""
        end = len(folded) if end is None else end
        found: list[Match] = []
        for label, regex in self._regexes:
            for m in regex.finditer(folded, start, end):
                found.append(Match(m.start(), m.end(), label, m.group()))
        return found

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping matches, preferring the longest, in text order."""
        found = sorted(self.find_all(folded, start, end), key=lambda m: (-(m.end - m.start), m.start))
        taken: list[Match] = []
        for m in found:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        return sorted(taken, key=lambda m: m.start)

    def search(self, folded: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        return iter(self.find(folded, start, end))


def lexicon_from(entries: Mapping[str, Iterable[str]] | None) -> Lexicon:
    return Lexicon({k: list(v or []) for k, v in (entries or {}).items()})

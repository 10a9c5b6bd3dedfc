"""Phrase lexicons from language packs, matched on the tokens of folded text.

Pattern syntax (the same in every pack):

- words separated by spaces (or hyphens, apostrophes) match the same words in the text, which
  may be separated by spaces, hyphens or apostrophes but not by other punctuation;
- a word ending in ``*`` matches any word starting with it: a stem (``ucis*`` matches
  "ucis", "ucisă", "uciși"), which is how inflection is covered without a lemmatiser;
- ``...`` between words allows up to three other words in between ("s-au ... ciocnit");
- ``#`` stands for a number written in digits;
- case and diacritics are ignored (patterns are folded like the text).

Matching indexes every pattern by its first word (exact words in a dict, stems by their first
three letters), so a document is scanned once per lexicon whatever the number of phrases.
Results for the last document are cached, because extraction asks one lexicon about many
sentences of the same text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Sequence

from sitrep.lang.text import fold

_TOKEN = re.compile(r"\w+")
_PATTERN_WORD = re.compile(r"\w+\*?|#")
# Between two words of one phrase only spaces, hyphens, apostrophes and quotes may stand.
_JOIN = re.compile(r"[\s\-'\"]*")
_GAP = ("gap", "")
_MAX_GAP = 3
_PREFIX_KEY = 3


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    label: str
    text: str


def parse_pattern(pattern: str) -> tuple[tuple[str, str], ...]:
    """A pack phrase as a tuple of (kind, word): kind is exact, prefix, number or gap."""
    specs: list[tuple[str, str]] = []
    for chunk in fold(pattern).split():
        if chunk == "...":
            if specs and specs[-1] != _GAP:
                specs.append(_GAP)
            continue
        for word in _PATTERN_WORD.findall(chunk):
            if word == "#":
                specs.append(("number", ""))
            elif word.endswith("*"):
                specs.append(("prefix", word[:-1]))
            else:
                specs.append(("exact", word))
    while specs and specs[-1] == _GAP:
        specs.pop()
    return tuple(specs)


@dataclass
class _TokenIndex:
    tokens: list[tuple[int, int, str]]
    by_word: dict[str, list[int]]
    by_prefix: dict[str, list[int]]
    joined: list[bool]  # token i and i + 1 may stand in one phrase (only spaces, hyphens, quotes between)
    words_by_prefix: dict[str, list[str]]  # the distinct words that start with each 3-letter key


_last_index: list = [None, None]


def _index(folded: str) -> _TokenIndex:
    """Tokens of the last document, with the positions of each word and each 3-letter start."""
    if _last_index[0] is not folded and _last_index[0] != folded:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        for i, (_, _, word) in enumerate(tokens):
            by_word.setdefault(word, []).append(i)
            by_prefix.setdefault(word[:_PREFIX_KEY], []).append(i)
        joined = [_JOIN.fullmatch(folded, a[1], b[0]) is not None for a, b in zip(tokens, tokens[1:])]
        words_by_prefix: dict[str, list[str]] = {}
        for word in by_word:
            words_by_prefix.setdefault(word[:_PREFIX_KEY], []).append(word)
        _last_index[0], _last_index[1] = folded, _TokenIndex(tokens, by_word, by_prefix, joined, words_by_prefix)
    return _last_index[1]


class Lexicon:
    """Labelled phrases; `find` returns non-overlapping matches, longest first."""

    def __init__(self, entries: Mapping[str, Sequence[str]]):
        self.labels: list[str] = []
        self._exact: dict[str, list[tuple[str, tuple]]] = {}
        self._prefix: dict[str, list[tuple[str, str, tuple]]] = {}
        self._short_prefix: list[tuple[str, str, tuple]] = []
        self._number: list[tuple[str, tuple]] = []
        self._size = 0
        for label, phrases in entries.items():
            added = False
            for phrase in phrases or []:
                if not isinstance(phrase, str) or not phrase.strip():
                    continue
                specs = parse_pattern(phrase)
                if not specs or specs[0] == _GAP:
                    continue
                added = True
                self._size += 1
                kind, word = specs[0]
                if kind == "exact":
                    self._exact.setdefault(word, []).append((label, specs))
                elif kind == "prefix":
                    if len(word) >= _PREFIX_KEY:
                        self._prefix.setdefault(word[:_PREFIX_KEY], []).append((word, label, specs))
                    else:
                        self._short_prefix.append((word, label, specs))
                else:
                    self._number.append((label, specs))
            if added:
                self.labels.append(label)
        self._rank = {label: i for i, label in enumerate(entries)}
        self._cache_key: str | None = None
        self._cache: list[Match] = []
        self._cache_starts: list[int] = []

    def __bool__(self) -> bool:
        return self._size > 0

    def _all(self, folded: str) -> list[Match]:
        if self._cache_key is folded or self._cache_key == folded:
            return self._cache
        index = _index(folded)
        tokens = index.tokens
        starts: list[tuple[int, str, tuple]] = []
        # Only words that occur in both the text and the lexicon are tried (set intersection).
        for word in self._exact.keys() & index.by_word.keys():
            for i in index.by_word[word]:
                starts.extend((i, label, specs) for label, specs in self._exact[word])
        for key in self._prefix.keys() & index.by_prefix.keys():
            stems = self._prefix[key]
            for word in index.words_by_prefix[key]:  # each distinct word once, then all its places
                hits = [(label, specs) for stem, label, specs in stems if word.startswith(stem)]
                if hits:
                    for i in index.by_word[word]:
                        starts.extend((i, label, specs) for label, specs in hits)
        for stem, label, specs in self._short_prefix:
            for word, positions in index.by_word.items():
                if word.startswith(stem):
                    starts.extend((i, label, specs) for i in positions)
        if self._number:
            for word, positions in index.by_word.items():
                if word.isdigit():
                    starts.extend((i, label, specs) for i in positions for label, specs in self._number)
        found: list[Match] = []
        for i, label, specs in starts:
            last = _match_after(tokens, index.joined, i, specs, 0)  # the first word chose the start
            if last is not None:
                start, end = tokens[i][0], tokens[last][1]
                found.append(Match(start, end, label, folded[start:end]))
        rank = self._rank
        found.sort(key=lambda m: (m.start, rank[m.label]))  # ties go to the label listed first
        self._cache_key, self._cache = folded, found
        self._cache_starts = [m.start for m in found]
        return found

    def find_all(self, folded: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every match of every label (may overlap) that starts in [start, end)."""
        end = len(folded) if end is None else end
        found = self._all(folded)
        # Matches are sorted by start: a sentence's share is one slice of the document's.
        lo, hi = bisect_left(self._cache_starts, start), bisect_left(self._cache_starts, end)
        return [m for m in found[lo:hi] if m.end <= end]

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


def _word_fits(kind: str, want: str, word: str) -> bool:
    if kind == "exact":
        return word == want
    if kind == "prefix":
        return word.startswith(want)
    return word.isdigit()


def _match_from(tokens, joined: list[bool], i: int, specs: tuple, k: int) -> int | None:
    """Index of the last token matched when `specs[k:]` match from token i, else None."""
    kind, want = specs[k]
    if not _word_fits(kind, want, tokens[i][2]):
        return None
    return _match_after(tokens, joined, i, specs, k)


def _match_after(tokens, joined: list[bool], i: int, specs: tuple, k: int) -> int | None:
    """The same, once token i is known to fit `specs[k]`."""
    if k + 1 == len(specs):
        return i
    if specs[k + 1] == _GAP:
        for skip in range(0, _MAX_GAP + 1):
            j = i + 1 + skip
            if j >= len(tokens) or not joined[j - 1]:
                return None
            last = _match_from(tokens, joined, j, specs, k + 2)
            if last is not None:
                return last
        return None
    j = i + 1
    if j >= len(tokens) or not joined[i]:
        return None
    return _match_from(tokens, joined, j, specs, k + 1)


def lexicon_from(entries: Mapping[str, Iterable[str]] | None) -> Lexicon:
    return Lexicon({k: list(v or []) for k, v in (entries or {}).items()})

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
three letters), and the phrases that share a first word by their second word, so a document is
scanned once per lexicon whatever the number of phrases and only phrases whose first two words
are there are tried. Results for the last document are cached, because extraction asks one
lexicon about many sentences of the same text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Sequence

from sitrep.lang.text import fold

# A word, then what stands before the next word if only spaces, hyphens, apostrophes and quotes
# do: two words may stand in one phrase when the run reaches the next word.
_WORD_AND_JOIN = re.compile(r"(\w+)[\s\-'\"]*")
_PATTERN_WORD = re.compile(r"\w+\*?|#")
_GAP = ("gap", "")
_MAX_GAP = 3
_PREFIX_KEY = 3
_STEMMED_CACHE_SIZE = 50_000  # distinct words remembered per lexicon


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
    joined: list[bool]  # token i and i + 1 may stand in one phrase (only spaces, hyphens, quotes between)
    words_by_prefix: dict[str, list[str]]  # the distinct words that start with each 3-letter key


_last_index: list = [None, None]


def _index(folded: str) -> _TokenIndex:
    """Tokens of the last document, with the positions of each word and each 3-letter start."""
    if _last_index[0] is not folded and _last_index[0] != folded:
        tokens: list[tuple[int, int, str]] = []
        run_ends: list[int] = []
        by_word: dict[str, list[int]] = {}
        for i, m in enumerate(_WORD_AND_JOIN.finditer(folded)):
            word = m.group(1)
            tokens.append((m.start(), m.end(1), word))
            run_ends.append(m.end())
            positions = by_word.get(word)
            if positions is None:
                by_word[word] = [i]
            else:
                positions.append(i)
        joined = [end == b[0] for end, b in zip(run_ends, tokens[1:])]
        words_by_prefix: dict[str, list[str]] = {}
        for word in by_word:
            words_by_prefix.setdefault(word[:_PREFIX_KEY], []).append(word)
        _last_index[0], _last_index[1] = folded, _TokenIndex(tokens, by_word, joined, words_by_prefix)
    return _last_index[1]


class _Phrases:
    """The phrases that may start at one word, split by what must follow it: nothing (one-word
    phrases), a given word (looked up in a dict), or anything else (tried one by one).

    Each phrase is (order, label, specs); `order` sorts matches that start at the same place as
    the scan of every phrase in turn would have listed them."""

    __slots__ = ("single", "by_next", "other")

    def __init__(self, phrases: Sequence[tuple[int, str, tuple]]):
        self.single: list[tuple[int, str]] = []
        self.by_next: dict[str, list[tuple[int, str, tuple]]] = {}
        self.other: list[tuple[int, str, tuple]] = []
        for order, label, specs in phrases:
            if len(specs) == 1:
                self.single.append((order, label))
            elif specs[1][0] == "exact":
                self.by_next.setdefault(specs[1][1], []).append((order, label, specs))
            else:
                self.other.append((order, label, specs))

    def match_at_each(self, tokens, joined: list[bool], positions: list[int], out: list) -> None:
        """Append (start, order, end, label) for every phrase that matches from each token in
        `positions` (all of them one word)."""
        single, by_next, other = self.single, self.by_next, self.other
        last_token = len(tokens) - 1
        for i in positions:
            start = tokens[i][0]
            for order, label in single:
                out.append((start, order, tokens[i][1], label))
            if by_next and i < last_token and joined[i]:
                for order, label, specs in by_next.get(tokens[i + 1][2], ()):
                    last = _match_after(tokens, joined, i + 1, specs, 1)  # the second word fits already
                    if last is not None:
                        out.append((start, order, tokens[last][1], label))
            for order, label, specs in other:
                last = _match_after(tokens, joined, i, specs, 0)
                if last is not None:
                    out.append((start, order, tokens[last][1], label))


class Lexicon:
    """Labelled phrases; `find` returns non-overlapping matches, longest first."""

    def __init__(self, entries: Mapping[str, Sequence[str]]):
        self.labels: list[str] = []
        exact: dict[str, list[tuple[int, str, tuple]]] = {}
        self._prefix: dict[str, list[tuple[str, int, str, tuple]]] = {}
        self._short_prefix: list[tuple[str, int, str, tuple]] = []
        number: list[tuple[int, str, tuple]] = []
        parsed: list[tuple[int, str, tuple]] = []
        for rank, (label, phrases) in enumerate(entries.items()):
            added = False
            for phrase in phrases or []:
                if not isinstance(phrase, str) or not phrase.strip():
                    continue
                specs = parse_pattern(phrase)
                if not specs or specs[0] == _GAP:
                    continue
                added = True
                parsed.append((rank, label, specs))
            if added:
                self.labels.append(label)
        self._size = len(parsed)
        # Matches at one place sort by label (the one listed first wins ties), then as the phrases
        # were scanned: exact first words, stems, short stems, numbers, each in the order given.
        kinds = {"exact": 0, "prefix": 1, "number": 3}
        for n, (rank, label, specs) in enumerate(parsed):
            kind, word = specs[0]
            group = 2 if kind == "prefix" and len(word) < _PREFIX_KEY else kinds[kind]
            order = (rank * 4 + group) * (self._size + 1) + n
            if group == 0:
                exact.setdefault(word, []).append((order, label, specs))
            elif group == 1:
                self._prefix.setdefault(word[:_PREFIX_KEY], []).append((word, order, label, specs))
            elif group == 2:
                self._short_prefix.append((word, order, label, specs))
            else:
                number.append((order, label, specs))
        self._exact = {word: _Phrases(phrases) for word, phrases in exact.items()}
        self._number = _Phrases(number) if number else None
        self._stemmed_cache: dict[str, _Phrases | None] = {}
        self._cache_key: str | None = None
        self._cache: list[Match] = []
        self._cache_starts: list[int] = []

    def __bool__(self) -> bool:
        return self._size > 0

    def _stemmed(self, word: str, key: str) -> _Phrases | None:
        """The stemmed phrases that may start at `word`, worked out once per distinct word."""
        cache = self._stemmed_cache
        if word not in cache:
            if len(cache) >= _STEMMED_CACHE_SIZE:
                cache.clear()
            hits = [(order, label, specs) for stem, order, label, specs in self._prefix[key] if word.startswith(stem)]
            cache[word] = _Phrases(hits) if hits else None
        return cache[word]

    def _all(self, folded: str) -> list[Match]:
        if self._cache_key is folded or self._cache_key == folded:
            return self._cache
        index = _index(folded)
        tokens, joined, by_word = index.tokens, index.joined, index.by_word
        found: list[tuple[int, int, int, str]] = []  # (start, order, end, label)
        # Only words that occur in both the text and the lexicon are tried (set intersection).
        for word in self._exact.keys() & by_word.keys():
            self._exact[word].match_at_each(tokens, joined, by_word[word], found)
        for key in self._prefix.keys() & index.words_by_prefix.keys():
            for word in index.words_by_prefix[key]:  # each distinct word once, then all its places
                phrases = self._stemmed(word, key)
                if phrases is not None:
                    phrases.match_at_each(tokens, joined, by_word[word], found)
        if self._short_prefix:
            for word, positions in by_word.items():
                hits = [(order, label, specs) for stem, order, label, specs in self._short_prefix if word.startswith(stem)]
                if hits:
                    _Phrases(hits).match_at_each(tokens, joined, positions, found)
        if self._number is not None:
            for word, positions in by_word.items():
                if word.isdigit():
                    self._number.match_at_each(tokens, joined, positions, found)
        found.sort()  # (start, order) is unique
        matches = [Match(start, end, label, folded[start:end]) for start, _, end, label in found]
        self._cache_key, self._cache = folded, matches
        self._cache_starts = [m.start for m in matches]
        return matches

    def find_all(self, folded: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every match of every label (may overlap) that starts in [start, end)."""
        end = len(folded) if end is None else end
        # (asked about many sentences of one document: the cached answer is checked here, not in a call)
        found = self._cache if self._cache_key is folded else self._all(folded)
        # Matches are sorted by start: a sentence's share is one slice of the document's.
        starts = self._cache_starts
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        if lo == hi:
            return []
        return [m for m in found[lo:hi] if m.end <= end]

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping matches, preferring the longest, in text order."""
        found = self.find_all(folded, start, end)
        if len(found) < 2:  # most sentences: nothing to choose between
            return found
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
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

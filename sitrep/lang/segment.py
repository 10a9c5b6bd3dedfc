"""Sentence and paragraph segmentation with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.lang.pack import LanguagePack

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before
# whitespace and an upper-case letter, digit, quote or dash; or at a line break.
_BOUNDARY = re.compile(r"([.!?…]+[\"'”»)\]]*)(\s+)(?=[\"'“„«(\[\-–—]?[\w])", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\S)")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _abbreviation_before(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    return word in abbreviations or (len(word) == 1 and word.isalpha())


def split_sentences(text: str, pack: LanguagePack | None = None) -> list[Sentence]:
    abbreviations = frozenset(a.lower() for a in (pack.meta.get("abbreviations", []) if pack else []))
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for para_match in list(_PARAGRAPH.finditer(text)) + [None]:
        para_end = para_match.start() if para_match else len(text)
        chunk_start = pos
        for m in _BOUNDARY.finditer(text, pos, para_end):
            dot = m.start(1)
            nxt = m.end(2)
            if text[dot] == "." and _abbreviation_before(text, dot, abbreviations):
                continue
            if nxt < len(text) and text[nxt].islower():
                continue
            _append(sentences, text, chunk_start, m.end(1), paragraph)
            chunk_start = nxt
        _append(sentences, text, chunk_start, para_end, paragraph)
        if para_match:
            pos = para_match.end()
            paragraph += 1
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), paragraph, start, end, text[start:end]))


def sentence_initial(text: str, position: int) -> bool:
    """Nothing but punctuation, symbols or a heading lies between the sentence start and here,
    so a capital at `position` may be there only because a sentence begins."""
    i = position - 1
    while i >= 0 and not text[i].isalnum():
        if text[i] in ".!?\n:\"„“«»(":
            return True
        i -= 1
    return i < 0


_DATELINE_END = re.compile(r"\s*(?:[,(:–—]|-{1,2}\s|\s+[A-Z][a-z])")


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (words in capitals) opens a line and is closed as a dateline is, by a
    comma, a parenthesis, a dash or a word in lower case ("KYIV, Sept 10 (EEW) -", "ALLENDALE, N.J.
    --"): the place a story was filed from, not where it happened."""
    before = text[max(0, start - 12):start].rstrip(" \t")
    return ((not before and start <= 12) or before.endswith("\n")) \
        and sum(ch.isalpha() for ch in text[start:end]) >= 4 and _DATELINE_END.match(text, end) is not None

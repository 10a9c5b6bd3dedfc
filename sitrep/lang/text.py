"""Offset-preserving text normalisation and tokenisation shared by every language.

Matching happens on a *folded* copy of the text: lower case, diacritics removed, typographic
quotes and dashes unified. Folding maps each character to exactly one character, so an offset
in the folded text is the same offset in the original, and evidence spans stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Latin, Greek, Cyrillic and Latin Extended Additional cover every script of the packs.
_FOLD_RANGES = ((0x00C0, 0x024F), (0x0370, 0x052F), (0x1E00, 0x1EFF), (0x0041, 0x005A))
_PUNCT_FOLD = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " ",
    "\u2033": '"', "\u201f": '"', "\u2010": "-",
}


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFD", low)[0]
    return base


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _FOLD_RANGES:
        for cp in range(lo, hi + 1):
            folded = _fold_char(chr(cp))
            if folded != chr(cp):
                table[cp] = folded
    for src, dst in _PUNCT_FOLD.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Lower-case, strip diacritics, unify quotes and dashes; same length as the input."""
    return text.translate(_TABLE)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    return word.translate(_TABLE)


WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)

# Capital letters of the scripts the packs use, for regex character classes: ranges such as
# "Ā-Ž" would mix in the lower-case letters they interleave ("ż", "ę").
UPPER = "".join(ch for lo, hi in ((0x41, 0x5A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF))
                for ch in map(chr, range(lo, hi + 1)) if ch.isupper())


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold_word(self.text)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def latin(name: str, romanization: dict | None = None) -> str:
    """A name in Latin letters: canonical names are stored in one script ("Сергей Собянин" →
    "Sergey Sobyanin"), while the text keeps the original spelling.

    `romanization` is a pack's table (pack.yaml): `endings` rewritten at the end of each word
    first ("ий" → "y"), then `letters` one by one; letters it does not cover fall back to
    unidecode."""
    if all(ord(ch) < 0x250 for ch in name):
        return name
    from unidecode import unidecode

    if not romanization:
        return unidecode(name)
    endings = romanization.get("endings") or {}
    letters = romanization.get("letters") or {}
    after_consonant = romanization.get("after_consonant") or {}
    inside_word = romanization.get("inside_word") or {}
    words = []
    for word in name.split():
        lower = word.lower()
        tail = ""
        for ending, replacement in sorted(endings.items(), key=lambda kv: -len(kv[0])):
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                word, tail = word[: -len(ending)], replacement
                break
        out = ""
        for ch in word:
            # "Пєсков" → "Peskov": a letter may read otherwise after a consonant.
            if ch.lower() in after_consonant and out and out[-1].isalpha() and out[-1].lower() not in _LATIN_VOWELS:
                out += after_consonant[ch.lower()]
            elif ch.lower() in inside_word and out and out[-1].isalpha():
                out += inside_word[ch.lower()]  # "Київ" → "Kyiv"
            else:
                out += _romanize_char(ch, letters, unidecode)
        out += tail
        words.append(out[:1].upper() + out[1:] if word[:1].isupper() else out)
    return " ".join(words)


_LATIN_VOWELS = set("aeiouy")


def _romanize_char(ch: str, letters: dict, fallback) -> str:
    low = ch.lower()
    if low in letters:
        return letters[low]
    return fallback(ch).lower() if ch.isupper() else fallback(ch)

"""Counts in text: digits ("39", "1,200") and number words from the pack ("opt", "восемь", "a dozen")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.lang.lexicon import lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.lang.text import fold

_DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:[,. \u202f\u00a0]\d{3})+(?![\w])|(?<![\w.,])\d+(?![\w.,]\d)")


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: int | None  # None: a vague quantity ("dozens", "several")
    bound: str | None = None  # "lower", "upper", "approximate" or None


class NumberReader:
    def __init__(self, pack: LanguagePack):
        cfg = pack.section("numbers")
        self.words = {fold(str(k)): int(v) for k, v in (cfg.get("words") or {}).items() if v is not None}
        self.multipliers = {fold(str(k)): int(v) for k, v in (cfg.get("multipliers") or {}).items()}
        alternation = "|".join(re.escape(w) for w in sorted(set(self.words) | set(self.multipliers), key=len, reverse=True))
        self._words = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if alternation else None
        self._vague = _compile(cfg.get("vague"))
        # What may stand between the words of one number: "twenty-five", "douăzeci și cinci".
        joiners = "|".join(re.escape(fold(w)) for w in cfg.get("joiners") or [] if isinstance(w, str))
        self._joiner = re.compile(rf"[\s\-]*(?:{joiners})?[\s\-]*" if joiners else r"[\s\-]*")
        self._articles = _compile(cfg.get("articles"))
        self.article_breaks = {fold(w) for w in cfg.get("article_breaks") or [] if isinstance(w, str)}
        self.partitive = _compile(cfg.get("partitive"))
        self.range_connectors = {fold(w) for w in cfg.get("range_connectors") or [] if isinstance(w, str)}
        self.range_between = {fold(str(k)): fold(str(v)) for k, v in (cfg.get("range_between") or {}).items()}
        self._bounds = {
            name: _compile(cfg.get(key))
            for name, key in (("lower", "lower_bound"), ("upper", "upper_bound"), ("approximate", "approximate"))
        }

    def picks_one_out(self, folded: str, number: NumberMention) -> bool:
        """"одна з ракет", "one of the most massive strikes": the number is not a size."""
        return any(m.start - number.end <= 1 for m in self.partitive.find(folded, number.end, number.end + 8))

    def find(self, text: str, folded: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
        end = len(text) if end is None else end
        spans: list[NumberMention] = []
        for m in _DIGITS.finditer(text, start, end):
            if _looks_like_year_or_date(text, m.start(), m.end()):
                continue
            value = int(re.sub(r"\D", "", m.group()))
            spans.append(self._scaled(folded, NumberMention(m.start(), m.end(), value)))
        # A vague word wins over a number word of the same span: "тисячі людей" is thousands.
        for m in self._vague.find(folded, start, end):
            spans.append(NumberMention(m.start, m.end, None))
        if self._words:
            spans.extend(self._word_numbers(folded, start, end))
        spans = self._ranges(text, folded, _drop_overlaps(spans))
        spans = [self._with_bound(folded, n) for n in spans]
        for m in self._articles.find(folded, start, end):
            spans.append(NumberMention(m.start, m.end, 1, "article"))
        return _drop_overlaps(spans)

    def _ranges(self, text: str, folded: str, spans: list[NumberMention]) -> list[NumberMention]:
        """"100–300", "two or three", "between 100 and 300": one figure whose value is the lower
        end, the most conservative count (ACLED's rule for fatalities)."""
        out: list[NumberMention] = []
        for n in spans:
            prev = out[-1] if out else None
            if prev is not None and prev.value is not None and n.value is not None and prev.value < n.value \
                    and self._joins_range(text, folded, prev, n):
                out[-1] = NumberMention(prev.start, n.end, prev.value, prev.bound)
            else:
                out.append(n)
        return out

    def _joins_range(self, text: str, folded: str, low: NumberMention, high: NumberMention) -> bool:
        """A dash or a range word alone between the figures, or the opener's own connector."""
        gap = folded[low.end:high.start]
        if _RANGE_DASH.fullmatch(text, low.end, high.start):
            return True
        word = " ".join(gap.split())
        if word in self.range_connectors:
            return True
        opener = _PREVIOUS_WORD.search(folded, max(0, low.start - 30), low.start)
        return bool(opener) and self.range_between.get(opener.group(1)) == word

    def _scaled(self, folded: str, number: NumberMention) -> NumberMention:
        """"25 тисяч", "4 mii", "2 million": digits scaled by the multiplier word after them."""
        after = _NEXT_WORD.match(folded, number.end)
        if after and after.group(1) in self.multipliers:
            return NumberMention(number.start, after.end(), number.value * self.multipliers[after.group(1)])
        return number

    def _word_numbers(self, folded: str, start: int, end: int) -> list[NumberMention]:
        # Adjacent number words combine: "twenty five" → 25, "two hundred" → 200.
        out: list[NumberMention] = []
        run: list[re.Match] = []
        for m in self._words.finditer(folded, start, end):
            if run and self._joiner.fullmatch(folded, run[-1].end(), m.start()):
                run.append(m)
            else:
                if run:
                    out.append(self._combine(run))
                run = [m]
        if run:
            out.append(self._combine(run))
        return [n for n in out if n.value is not None]

    def _combine(self, run: list[re.Match]) -> NumberMention:
        total, current = 0, 0
        for m in run:
            word = m.group()
            if word in self.multipliers and (current > 0 or word not in self.words):
                # "two hundred": the multiplier scales what came before it.
                current = max(current, 1) * self.multipliers[word]
                total += current
                current = 0
            else:
                current += self.words.get(word, 0)
        total += current
        return NumberMention(run[0].start(), run[-1].end(), total)

    def _with_bound(self, folded: str, number: NumberMention) -> NumberMention:
        lo = max(0, number.start - 25)
        for name, lexicon in self._bounds.items():
            if any(m.end >= number.start - 1 for m in lexicon.find(folded, lo, number.start)):
                return NumberMention(number.start, number.end, number.value, name)
        return number


_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+)\.?")
_PREVIOUS_WORD = re.compile(r"(\w+)[ \u00a0]+$")
_RANGE_DASH = re.compile(r"[ \u00a0]?[–—-][ \u00a0]?")


def _compile(phrases):
    return lexicon_from({"x": [p for p in (phrases or []) if isinstance(p, str)]})


def _looks_like_year_or_date(text: str, start: int, end: int) -> bool:
    digits = text[start:end]
    if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        return True
    if start >= 2 and text[start - 1] in "-‑" and text[start - 2].isalpha():
        return True  # a model designation counts nothing: "S-300", "Х-101", "MiG-29"
    around = text[max(0, start - 1): end + 1]
    # "13:15", "2023-05-19": clock times and numeric dates, whichever part the digits are.
    # "100-300" is a range; "2023-05-19" (three parts) is a date.
    return "/" in around or bool(re.search(r"\d:\d", text[max(0, start - 2): end + 2])) \
        or bool(_NUMERIC_DATE.search(text, max(0, start - 11), min(len(text), end + 11)))


_NUMERIC_DATE = re.compile(r"\d+-\d+-\d+")


def _drop_overlaps(spans: list[NumberMention]) -> list[NumberMention]:
    spans.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[NumberMention] = []
    for n in spans:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out


_READERS: dict[str, NumberReader] = {}


def number_reader(pack: LanguagePack) -> NumberReader:
    if pack.code not in _READERS:
        _READERS[pack.code] = NumberReader(pack)
    return _READERS[pack.code]

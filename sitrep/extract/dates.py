"""Dates in text: absolute dates, ranges, bare months, weekdays and relative words.

Month and weekday names and the relative words ("yesterday", "last week") come from
dateparser's per-language data; the pack's dates.yaml adds range connectors, month
prepositions and month names that are also ordinary words (Romanian "mai"). Precision
follows ACLED: 1 a day, 2 a range or week, 3 a month or vaguer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.lang.pack import LanguagePack
from sitrep.lang.text import fold

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_RE = re.compile(r"^(in )?(\d+) (day|week|month|year)( ago)?$")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    first: dt.date
    last: dt.date
    precision: int
    explicit: bool  # written as a calendar date, not relative to publication


_WORD = re.compile(r"\w+")


def _word_test(words):
    """A test for one folded word against pack words, where `word*` is a stem."""
    exact = {fold(w) for w in words if not w.endswith("*") and " " not in w}
    stems = tuple(fold(w[:-1]) for w in words if w.endswith("*"))
    return lambda word: word in exact or (bool(stems) and word.startswith(stems))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _keep_form(form: str, all_forms: list[str]) -> bool:
    # Short abbreviations ("mar", "tu") collide with ordinary words; keep them only when
    # they are the language's full name for the month or weekday.
    return len(form) >= 4 or form == max(all_forms, key=len)


class DateFinder:
    def __init__(self, pack: LanguagePack):
        data = _dateparser_info(pack.meta.get("dateparser", pack.code))
        cfg = pack.section("dates")
        self.capitalised_months = bool(cfg.get("capitalised_months", False))
        self.months: dict[str, int] = {}
        for number, key in enumerate(MONTH_KEYS, 1):
            forms = [fold(f) for f in data.get(key, [])]
            for form in forms:
                if _keep_form(form, forms):
                    self.months[form] = number
        # Forms dateparser lacks (locatives "в марте", short genitives "мая") come from the pack.
        for form, number in (cfg.get("month_forms") or {}).items():  # form → month number
            self.months[fold(str(form))] = int(number)
        # Forms that are also ordinary words ("серед": among; "środek": middle) are left out.
        not_dates = {fold(w) for w in cfg.get("not_date_words", []) or []}
        self.weekdays: dict[str, int] = {}
        for number, key in enumerate(WEEKDAY_KEYS):
            forms = [fold(f) for f in data.get(key, [])]
            for form in forms:
                if _keep_form(form, forms) and form not in not_dates:
                    self.weekdays[form] = number
        self.relative: dict[str, tuple[str, int]] = {}
        for key, phrases in (data.get("relative-type") or {}).items():
            m = _RELATIVE_RE.match(key)
            if not m or m.group(3) not in ("day", "week", "month", "year"):
                continue
            amount = int(m.group(2)) * (1 if m.group(1) else -1)
            if m.group(1) is None and m.group(4) is None:
                continue
            for phrase in phrases:
                phrase = fold(phrase)
                if len(phrase) >= 4:  # drops abbreviations such as "wcz"
                    self.relative[phrase] = (m.group(3), amount)
        self.ambiguous = {fold(w) for w in cfg.get("ambiguous_months", [])}
        month = _alternation(self.months)
        conn = _alternation([fold(c) for c in cfg.get("range_connectors", ["-"])] + ["-"])
        prep = _alternation([fold(p) for p in cfg.get("month_prepositions", [])]) or "(?!)"
        opener = _alternation([fold(o) for o in cfg.get("range_openers", [])]) or "(?!)"
        suffixes = _alternation([fold(x) for x in cfg.get("day_suffixes", []) or []]) or "(?!)"
        day = rf"(\d{{1,2}})(?:-?(?:{suffixes})|\.)?"  # "19th", "19-lea", "19-го", "19."
        of = _alternation([fold(x) for x in cfg.get("day_month_connectors", []) or []])
        of = rf"(?:(?:{of})\s+)?" if of else ""  # "19 of May", "19 de mayo"
        month_of = _alternation([fold(x) for x in cfg.get("month_connectors", []) or []])
        month_of = rf"(?:(?:{month_of})\s+)?" if month_of else ""  # "at the end of March", "la sfârșitul lui martie"
        year = r"(?:,?\s+(\d{4})(?![-/.]\d))?"
        w = r"(?<!\w)"
        e = r"(?!\w)"
        self._patterns = [
            ("iso", re.compile(rf"{w}(\d{{4}})-(\d{{2}})-(\d{{2}}){e}")),
            ("numeric", re.compile(rf"{w}(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}}){e}")),
            ("day_range", re.compile(rf"{w}(?:(?:{opener})\s+)?{day}\s*(?:{conn})\s*{day}\s+{of}({month}){year}{e}")),
            ("month_day_range", re.compile(rf"{w}({month})\s+{day}\s*(?:{conn})\s*{day}{year}{e}")),
            ("day_month", re.compile(rf"{w}{day}\s+{of}({month}){year}{e}")),
            ("month_day", re.compile(rf"{w}({month})\s+{day}{year}{e}")),
            ("month_year", re.compile(rf"{w}({month})\s+{of}(\d{{4}}){e}")),
            ("prep_month", re.compile(rf"{w}(?:{prep})\s+{month_of}({month}){e}")),
            ("prep_year", re.compile(rf"{w}(?:{prep})\s+{month_of}((?:19|20)\d\d){e}(?![.,]?\d)")),  # "at the end of 2021"
        ]
        if cfg.get("inflected_names") and self.weekdays:
            # Declined weekdays ("в пятницу", "у п'ятницю", "w piątek/piątku"): match on stems.
            # At most two letters of ending: "пятниц-у" but not "сред-ствами".
            stems = {form[:-1]: day for form, day in self.weekdays.items() if len(form) >= 5}
            self.weekdays.update(stems)
            self._not_dates = not_dates
            self._weekday = re.compile(rf"{w}({_alternation(stems)})\w{{0,2}}{e}|{w}({_alternation(self.weekdays)}){e}")
        else:
            self._weekday = re.compile(rf"{w}({_alternation(self.weekdays)}){e}") if self.weekdays else None
        # Words before a weekday: "next" ones point forward; where the language marks a time
        # adverbial with a preposition ("у понеділок"), a weekday without one is a noun
        # ("оголосив понеділок вихідним": declared Monday a day off), not a date.
        self._next_words = _word_test(cfg.get("next") or [])
        self._time_words = _word_test((cfg.get("weekday_prepositions") or []) + (cfg.get("last") or []) + (cfg.get("next") or []))
        self._needs_preposition = bool(cfg.get("weekday_prepositions"))
        # "The truce is due to take effect on Monday": a weekday in a clause about what is to
        # come is the coming one (the context pack's modal and intention words).
        self._future = pack.lexicon("context", "irrealis")
        self._relative = re.compile(rf"{w}({_alternation(self.relative)}){e}") if self.relative else None
        self._publication = _word_test(cfg.get("publication_words") or [])
        weekend = [fold(x) for x in cfg.get("weekend") or []]
        self._weekend = re.compile(rf"{w}({_alternation(weekend)}){e}") if weekend else None

    def find(self, text: str, folded: str, anchor: dt.date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
        end = len(text) if end is None else end
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= t for s, t in taken)

        for kind, regex in self._patterns:
            for m in regex.finditer(folded, start, end):
                if not free(m.start(), m.end()):
                    continue
                mention = self._build(kind, m, text, anchor)
                if mention:
                    found.append(mention)
                    taken.append((m.start(), m.end()))
        if anchor:
            for regex, builder in ((self._relative, self._from_relative), (self._weekday, self._from_weekday),
                                   (self._weekend, self._from_weekend)):
                if regex is None:
                    continue
                for m in regex.finditer(folded, start, end):
                    if free(m.start(), m.end()):
                        mention = builder(m, anchor)
                        if mention:
                            found.append(mention)
                            taken.append((m.start(), m.end()))
        explicit = [d for d in found if d.explicit]
        # "marți seara, 17 octombrie": a weekday next to a calendar date names the same day.
        found = [d for d in found if d.explicit or not any(_beside(text, d, x) for x in explicit)]
        return _years_from_context(sorted(found, key=lambda d: d.start), folded, anchor)

    def dates_the_writing(self, folded: str, d: DateMention) -> bool:
        """"An earlier version of this article, published on Wednesday": a date right after a
        publication word dates the text, not what it tells."""
        return any(self._publication(w) for w in _WORD.findall(folded, max(0, d.start - 20), d.start)[-2:])

    # -- builders ---------------------------------------------------------------------

    def _month_ok(self, m: re.Match, group: int, text: str, needs_context: bool) -> bool:
        name = m.group(group)
        if self.capitalised_months:
            return text[m.start(group)].isupper()
        if name in self.ambiguous and needs_context:
            # "în mai multe orașe": an ambiguous month after a preposition must end the phrase.
            after = text[m.end(group): m.end(group) + 2]
            return not after[:1].isalpha() and not (after.startswith(" ") and after[1:2].isalpha() and after[1:2].islower())
        return True

    def _build(self, kind: str, m: re.Match, text: str, anchor: dt.date | None) -> DateMention | None:
        g = m.group
        try:
            if kind == "iso":
                d = dt.date(int(g(1)), int(g(2)), int(g(3)))
                return DateMention(m.start(), m.end(), d, d, 1, True)
            if kind == "numeric":
                day, month = int(g(1)), int(g(2))
                if month > 12 and day <= 12:
                    day, month = month, day
                d = dt.date(int(g(3)), month, day)
                return DateMention(m.start(), m.end(), d, d, 1, True)
            if kind in ("day_range", "month_day_range"):
                if kind == "day_range":
                    d1, d2, mi, yi = int(g(1)), int(g(2)), 3, 4
                else:
                    mi, d1, d2, yi = 1, int(g(2)), int(g(3)), 4
                if not self._month_ok(m, mi, text, False) or not (1 <= d1 < d2 <= 31):
                    return None
                month = self.months[g(mi)]
                year = int(g(yi)) if g(yi) else _infer_year(month, d1, anchor)
                if year is None:
                    return None
                last_day = min(d2, calendar.monthrange(year, month)[1])
                return DateMention(m.start(), m.end(), dt.date(year, month, d1), dt.date(year, month, last_day), 2, True)
            if kind in ("day_month", "month_day"):
                di, mi, yi = (1, 2, 3) if kind == "day_month" else (2, 1, 3)
                if not self._month_ok(m, mi, text, False):
                    return None
                day, month = int(g(di)), self.months[g(mi)]
                year = int(g(yi)) if g(yi) else _infer_year(month, day, anchor)
                if year is None:
                    return None
                d = dt.date(year, month, day)
                return DateMention(m.start(), m.end(), d, d, 1, True)
            if kind == "month_year":
                if not self._month_ok(m, 1, text, False):
                    return None
                month, year = self.months[g(1)], int(g(2))
                return _whole_month(m.start(), m.end(), year, month, explicit=True)
            if kind == "prep_year":
                year = int(g(1))
                return DateMention(m.start(1), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), 3, True)
            if kind == "prep_month":
                if not self._month_ok(m, 1, text, True):
                    return None
                month = self.months[g(1)]
                year = _infer_year(month, 1, anchor)
                if year is None:
                    return None
                return _whole_month(m.start(1), m.end(), year, month, explicit=False)
        except (ValueError, KeyError):
            return None
        return None

    def _from_relative(self, m: re.Match, anchor: dt.date) -> DateMention | None:
        unit, amount = self.relative[m.group(1)]  # noqa: the relative regex has one group
        if unit == "day":
            d = anchor + dt.timedelta(days=amount)
            return DateMention(m.start(), m.end(), d, d, 1, False)
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=amount)
            return DateMention(m.start(), m.end(), monday, min(monday + dt.timedelta(days=6), anchor), 2, False)
        if unit == "month":
            year, month = anchor.year, anchor.month + amount
            while month < 1:
                month += 12
                year -= 1
            while month > 12:
                month -= 12
                year += 1
            return _whole_month(m.start(), m.end(), year, month, explicit=False)
        if unit == "year":
            year = anchor.year + amount
            return DateMention(m.start(), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), 3, False)
        return None

    def _ahead(self, m: re.Match) -> bool:
        """Whether a weekday or weekend is the coming one: a "next" word just before it, or a
        word of what is to come earlier in its clause ("is due to take effect on Monday")."""
        before = _WORD.findall(m.string, max(0, m.start() - 30), m.start())[-2:]
        if any(self._next_words(w) for w in before):
            return True
        clause = max(m.string.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
        return any(f.end <= m.start() for f in self._future.find(m.string, max(clause, m.start() - 80), m.start()))

    def _from_weekend(self, m: re.Match, anchor: dt.date) -> DateMention | None:
        """"At the weekend": the last Saturday and Sunday up to the anchor (the next ones after a
        "next" word); the anchor's own when it falls on a Saturday."""
        if self._ahead(m):
            saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7)
        elif anchor.weekday() == 5:
            saturday = anchor
        else:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 6) % 7 + 1)
        return DateMention(m.start(), m.end(), saturday, saturday + dt.timedelta(days=1), 2, False)

    def _from_weekday(self, m: re.Match, anchor: dt.date) -> DateMention | None:
        if m.group(0) in getattr(self, "_not_dates", ()):
            return None
        before = _WORD.findall(m.string, max(0, m.start() - 30), m.start())[-2:]
        if self._needs_preposition and not any(self._time_words(w) for w in before):
            return None
        weekday = self.weekdays[next(g for g in m.groups() if g)]
        if self._ahead(m):
            ahead = (weekday - anchor.weekday()) % 7 or 7
            d = anchor + dt.timedelta(days=ahead)
        else:
            d = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
        return DateMention(m.start(), m.end(), d, d, 1, False)


CONTEXT_YEAR_CHARS = 1500  # how far back a written year still sets the year of the prose that follows
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _years_from_context(found: list[DateMention], folded: str, anchor: dt.date | None) -> list[DateMention]:
    """"between 27 and 31 March 2022 ... on the morning of Sunday 27 March": a calendar date
    without a year takes the year of the dated account it continues, not the publication's,
    when a date with a year other than the anchor's stands shortly before it."""
    if anchor is None:
        return found
    out: list[DateMention] = []
    context: DateMention | None = None
    for d in found:
        if d.explicit and _YEAR.search(folded, d.start, d.end):
            # A whole year ("since 2014") is background; a dated day or month sets the account's year.
            context = d if (d.last - d.first).days <= 31 else context
        elif d.explicit and context is not None and d.start - context.end <= CONTEXT_YEAR_CHARS:
            shift = context.last.year - d.last.year
            if shift < 0:
                d = _shift_years(d, shift)
            elif shift > 0 and context.last.year == anchor.year:
                # "On 28 April 2020 ... shells hit the July 7 neighbourhood": in the account's
                # year the day is still to come; it names a place or a holiday, not a date.
                continue
        out.append(d)
    return out


def _shift_years(d: DateMention, years: int) -> DateMention:
    try:
        first, last = d.first.replace(year=d.first.year + years), d.last.replace(year=d.last.year + years)
    except ValueError:  # 29 February
        return d
    return DateMention(d.start, d.end, first, last, d.precision, d.explicit)


_BETWEEN_SENTENCES = re.compile(r"[\n.!?()]")


def _beside(text: str, a: DateMention, b: DateMention) -> bool:
    """Two dates written side by side in one line ("marți seara, 17 octombrie"), not a
    dateline above the first sentence."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    # "KRAMATORSK, 9 April (Agency). On Friday ...": a sentence end parts them.
    return hi - lo <= 20 and not _BETWEEN_SENTENCES.search(text, lo, hi)


def _whole_month(start: int, end: int, year: int, month: int, explicit: bool) -> DateMention:
    last = calendar.monthrange(year, month)[1]
    return DateMention(start, end, dt.date(year, month, 1), dt.date(year, month, last), 3, explicit)


def _infer_year(month: int, day: int, anchor: dt.date | None) -> int | None:
    """The year that puts the date on or before the anchor (news reports the past)."""
    if anchor is None:
        return None
    year = anchor.year
    try:
        candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None
    if candidate > anchor + dt.timedelta(days=7):
        year -= 1
    return year


@lru_cache(maxsize=None)
def _dateparser_info(code: str) -> dict:
    try:
        return importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
    except ImportError:
        return {}


_FINDERS: dict[str, DateFinder] = {}


def date_finder(pack: LanguagePack) -> DateFinder:
    if pack.code not in _FINDERS:
        _FINDERS[pack.code] = DateFinder(pack)
    return _FINDERS[pack.code]

"""The place resolver: finds toponyms in text of any pack language and resolves them to GeoNames.

Recognition: capitalised token sequences (and region phrases such as "regiunea Belgorod",
"Белгородской области", "obwód biełgorodzki") looked up by normalised keys, with the
language's inflection rules generating base forms ("Belgorodului" → "Belgorod").
Resolution: population and feature priors, the document's country and region cues, and
co-mention coherence (readings that keep the document's places together win).
Everything language-specific is data: `sitrep/lang/packs/<code>/places.yaml`.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from sitrep.geo import haversine_km
from sitrep.lang.morph import common_word, plain_word
from sitrep.lang.pack import load_pack, read_yaml
from sitrep.lang.segment import opens_dateline
from sitrep.model import PlaceMention
from sitrep.resolve.gazetteer import DEFAULT_PATH, Gazetteer, Place
from sitrep.resolve.gazetteer.build import LANGUAGES, admin1_config, read_places_pack
from sitrep.resolve.gazetteer.normalize import fold, key, spelling_key
from sitrep.resolve.gazetteer.store import code_key, is_cyrillic, native_key

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[’'\-][^\W\d_]+)*\.?")
_ELISION = re.compile(r"^([^\W\d_]{1,4}['’])(?=[^\W\d_]{2})")  # d'Alep, l'Ukraine, dell'Ucraina
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?…:;\n\"“”«»(]\s*$")
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.){2,}")


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    return word if word.isascii() and word.isalpha() and word.islower() else fold(word)
_MIDDLE_CONNECTORS = frozenset(read_yaml(Path(__file__).parent / "data" / "place_name_connectors.yaml"))
MAX_TOKENS = 4
_ADMIN1_DATA = admin1_config()
_SPELLING_ARTICLES = frozenset(str(w).lower() for w in (_ADMIN1_DATA.get("spelling_articles") or []))
# Former spellings a division no longer goes by in English ("Kiev"): never reported as written.
_FORMER_SPELLINGS = frozenset(fold(str(w)) for w in (_ADMIN1_DATA.get("former_spellings") or []))
MIN_SCORE = 3.5  # below: an unsupported reading (log10 population + priors + cues)


@dataclass
class LanguageRules:
    code: str
    before: list[tuple[str, ...]]
    after: list[tuple[str, ...]]
    connectors: set[str]
    adjective: list[tuple[str, str]]
    inflection: list[tuple[str, str]]
    near: list[tuple[str, ...]]
    stopwords: set[str]
    demonyms: dict[str, str]  # folded form -> ISO2 (or the name of a region: "Africa")
    titles: set[str] = field(default_factory=set)
    person_verbs: set[str] = field(default_factory=set)  # "said Noma", "Nelson says"  # words before a person's name (Mr, President)
    not_places: set[str] = field(default_factory=set)  # folded names never taken as places alone
    street_nouns: set[str] = field(default_factory=set)  # "Kingsley Road", "Atlantic Avenue": a street, not the place
    lower_street_nouns: set[str] = field(default_factory=set)  # written in lower case: "Ленинском проспекте"
    facility_nouns: set[str] = field(default_factory=set)  # "Rogers Centre", "Cornell University": a building's name
    qualifiers: set[str] = field(default_factory=set)  # "West Wing", "South Side": a word that makes a longer name
    particles: frozenset[str] = frozenset()  # lower-case articles hyphenated to a name: al-Hasakeh, el-Mina
    home_countries: frozenset[str] = frozenset()  # where this script's names of small places are native
    minor: set[tuple[str, ...]] = field(default_factory=set)  # second-level nouns: county, district
    capitalised_demonyms: bool = False  # English and German write "Russian"/"Russisch" with a capital
    divisions_as_written: bool = False  # the text's spelling of a first-level division is an English name of it
    hint_in: re.Pattern[str] | None = None  # the words between a place and the one holding it ("X in the Y of B")
    coordination: re.Pattern[str] | None = None  # ", and" / " or " between two names listed together
    settlement_before: list[tuple[str, ...]] = field(default_factory=list)  # "city of X", "город X"
    settlement_after: set[str] = field(default_factory=set)  # "X city", "X town"
    settlement_by_last: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    division_abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)  # "Calif." -> (US, California)
    division_abbreviation_re: re.Pattern | None = None  # ", Calif." and the like
    before_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    after_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    ignorable: set[str] = field(init=False)  # words that are no part of a person's or an organisation's name
    name_stops: set[str] = field(init=False)  # words where a run of names stops
    region_first_words: set[str] = field(init=False)  # the words a region phrase starts with

    def __post_init__(self) -> None:
        self.ignorable = self.stopwords | set(self.demonyms) | {w for p in self.after + self.before for w in p}
        self.name_stops = self.stopwords | self.titles  # "U.S. President Donald Trump"
        for phrases, index in ((self.before, self.before_by_first), (self.after, self.after_by_first)):
            for ph in phrases:  # longest first, as sorted
                index.setdefault(ph[0], []).append(ph)
        for ph in self.settlement_before:
            self.settlement_by_last.setdefault(ph[-1], []).append(ph)
        self.region_first_words = set(self.before_by_first) | set(self.after_by_first)


@lru_cache(maxsize=None)
def language_rules(code: str | None) -> LanguageRules:
    code = (code or "en").lower().split("-")[0]
    data = read_places_pack(code) if code in LANGUAGES else {}
    if not data:
        data = read_places_pack("en")
    region = data.get("region_nouns") or {}
    settlement = data.get("settlement_nouns") or {}
    abbreviations = {str(a): (str(cc), str(name)) for cc, forms in (data.get("division_abbreviations") or {}).items()
                     for a, name in (forms or {}).items()}
    demonyms = {}
    for cc, forms in (data.get("demonyms") or {}).items():
        for f in forms or []:
            demonyms[fold(f)] = str(cc)
    return LanguageRules(
        code=code,
        before=sorted({tuple(fold(w).split()) for w in region.get("before") or [] if fold(w)}, key=len, reverse=True),
        after=sorted({tuple(fold(w).split()) for w in region.get("after") or [] if fold(w)}, key=len, reverse=True),
        connectors={fold(w) for w in data.get("connectors") or []},
        adjective=[(a.lower(), b.lower()) for a, b in data.get("adjective_suffixes") or []],
        inflection=[(a.lower(), b.lower()) for a, b in data.get("inflection_suffixes") or []],
        near=sorted({tuple(fold(w).split()) for w in data.get("near") or [] if fold(w)}, key=len, reverse=True),
        stopwords={fold(w) for w in data.get("stopwords") or [] if isinstance(w, str)},
        demonyms=demonyms,
        minor={tuple(fold(w).split()) for w in region.get("second_level") or [] if fold(w)},
        person_verbs={fold(w) for w in data.get("person_verbs") or [] if isinstance(w, str)},
        titles={fold(w) for w in data.get("person_titles") or [] if isinstance(w, str)},
        not_places={fold(w) for w in data.get("not_places") or [] if isinstance(w, str)},
        home_countries=frozenset(str(c).upper() for c in data.get("home_countries") or []),
        particles=frozenset(str(w).lower() for w in data.get("name_particles") or []),
        street_nouns={fold(w) for w in data.get("street_nouns") or [] if isinstance(w, str)},
        lower_street_nouns={fold(w) for w in data.get("street_nouns") or [] if isinstance(w, str) and w == w.lower()},
        facility_nouns={fold(w) for w in data.get("facility_nouns") or [] if isinstance(w, str)},
        qualifiers={fold(w) for w in data.get("name_qualifiers") or [] if isinstance(w, str)},
        capitalised_demonyms=bool(data.get("capitalised_demonyms")),
        divisions_as_written=bool(data.get("divisions_as_written")),
        settlement_before=sorted({tuple(fold(w).split()) for w in settlement.get("before") or [] if fold(w)},
                                 key=len, reverse=True),
        settlement_after={fold(w) for w in settlement.get("after") or [] if fold(w)},
        division_abbreviations=abbreviations,
        hint_in=_containment_pattern(data.get("containment") or {}),
        coordination=_coordination_pattern(code),
        division_abbreviation_re=re.compile(r",\s*(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
                                            + r")(?![^\W\d_])") if abbreviations else None,
    )


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    folded: str
    cap: bool
    initial: bool
    split: bool = False  # cut from a hyphenated compound that names no place ("Britain-based", "Amsterdam-London")
    dateline: bool = False  # part of a dateline in capitals opening a line ("MANILA, Philippines –", "KYIV (Reuters)")


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    ids: list[tuple[int, int, bool]]  # (geonameid, kind, exact)
    region: bool = False  # a region phrase: resolve to the division
    initial: bool = False
    chosen: Place | None = None
    scores: dict[int, float] = field(default_factory=dict)
    forms: frozenset[str] = frozenset()  # folded surfaces whose lookups gave ``ids`` (the text and its base forms)
    native: dict[int, int] = field(default_factory=dict)  # gid -> 1: a Cyrillic name of its own; 2: its Ukrainian form
    named_so: bool = False  # some place has this as its own name (not only as an alternate name)
    settlement: bool = False  # a noun next to it says it is a town or village
    minor: bool = False  # a second-level noun follows it ("Kent County", "Bucha district")

    @property
    def spelled(self) -> str:
        return fold(self.surface)


@lru_cache(maxsize=100_000)
def _keys(surface: str) -> tuple[str, ...]:
    """Lookup keys of a surface: its name key, and its code key when written in capitals ("US", "США")."""
    k = key(surface)
    letters = [ch for ch in surface if ch.isalpha()]
    if 2 <= len(letters) <= 6 and all(ch.isupper() for ch in letters):
        return (k, code_key(surface))
    return (k,)


_VARIANTS: dict[tuple[int, str], tuple[str, ...]] = {}


def _variants(word: str, rules: list[tuple[str, str]]) -> tuple[str, ...]:
    """The forms a declined name may come from, by a language's ending rules (cached: the rules
    of a language live as long as the process, and names repeat across documents)."""
    key = (id(rules), word)
    found = _VARIANTS.get(key)
    if found is None:
        if len(_VARIANTS) > 200_000:
            _VARIANTS.clear()
        found = _VARIANTS[key] = tuple(_strip_endings(word, rules))
    return found


def _strip_endings(word: str, rules: list[tuple[str, str]]) -> list[str]:
    out = []
    low = word.lower()
    last = re.split(r"[\s\-’']", low)[-1]  # "Точка-У": the hyphenated one-letter tail is no ending
    for suffix, repl in rules:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    parts = word.split()
    if 2 <= len(parts) <= 3:
        # Declined multiword names decline every word: "Часова Яра" → "Часов Яр".
        options = [[p] + [p[: len(p) - len(sfx)] + repl for sfx, repl in rules
                          if p.lower().endswith(sfx) and len(p) - len(sfx) >= 2] for p in parts]
        combos = [[]]
        for opts in options:
            combos = [c + [o] for c in combos for o in dict.fromkeys(opts)][:32]
        out.extend(" ".join(c) for c in combos[1:] if " ".join(c) not in out)
    return out


@lru_cache(maxsize=100_000)
def _nickname(spelled: str, name: str) -> bool:
    """An alternate name that shares little with the place's own name: a by-name, not a spelling."""
    return SequenceMatcher(None, spelled, name).ratio() < 0.45


def _holds_its_division(city: Place, cands: list[Place]) -> bool:
    """A city that has the division's name only as a by-name stands for it when it holds a large share of its
    people ("New York" for New York City), not otherwise ("Bihar" is the state, not Bihar Sharif)."""
    return any(p.fcode == "ADM1" and (p.country, p.admin1) == (city.country, city.admin1)
               and city.population >= 0.25 * p.population for p in cands)


def _prominent(p: Place | None, kind: int) -> bool:
    return p is not None and kind < 2 and (p.fcode in ("PCLI", "ADM1", "PPLC", "CONT") or p.population >= 500_000)


def _distance_km(a: Place, b: Place) -> float:
    if a.lat is None or b.lat is None:
        return 1e9
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _nearest_km(p: Place, points: list[tuple[str, float, float, float]], own_key: str) -> float:
    """Distance (equirectangular approximation, km) from ``p`` to the closest anchor of another name."""
    la, lo = math.radians(p.lat), math.radians(p.lon)
    cos_la = math.cos(la)
    best = 1e18
    for k, qa, qo, qc in points:
        if k == own_key:
            continue
        dlon = abs(lo - qo)
        if dlon > math.pi:
            dlon = 2 * math.pi - dlon
        x = dlon * (qc + cos_la) / 2
        y = la - qa
        d = x * x + y * y
        if d < best:
            best = d
    return 6371.0 * math.sqrt(best) if best < 1e18 else 1e9


def _mark_datelines(text: str, tokens: list[_Token]) -> None:
    """Capitalised words opening a line and closed as a dateline ("SAN ANTONIO Turner Sports",
    "ALLENDALE, N.J. --"): the place the story is filed from (`opens_dateline`)."""
    for x, t in enumerate(tokens):
        if not t.text.isupper():
            continue
        y = x
        while y + 1 < len(tokens) and tokens[y + 1].text.isupper() and text[tokens[y].end : tokens[y + 1].start] == " " \
                and y - x < 3:
            y += 1
        if opens_dateline(text, t.start, tokens[y].end):
            for tk in tokens[x : y + 1]:
                tk.dateline, tk.initial = True, False


def _settlement_cue(text: str, start: int, end: int, rules: LanguageRules) -> bool:
    """Whether a noun next to the name says it is a town or village ("Farah city", "город Белгород")."""
    if text[end : end + 1] == " ":
        after = fold(text[end : end + 12]).split()[:1]
        if after and after[0] in rules.settlement_after:
            return True
    if not rules.settlement_before:
        return False
    before = fold(text[max(0, start - 30) : start]).split()
    return bool(before) and any(len(ph) <= len(before) and tuple(before[-len(ph):]) == ph
                                for ph in rules.settlement_by_last.get(before[-1], ()))


def _articles(name: str) -> int:
    return sum(w in _SPELLING_ARTICLES for w in fold(name).split())


_PAREN_ADDRESS_END = re.compile(r"\s*\)")


def _strip_region_nouns(surface: str, rules: LanguageRules) -> str:
    """A division's name without the region noun written with it ("Al-Hasakeh province" → "Al-Hasakeh")."""
    words = surface.split()
    folded = [fold(w) for w in words]
    for phrase in rules.after:
        if len(phrase) < len(words) and tuple(folded[-len(phrase):]) == phrase:
            words, folded = words[: -len(phrase)], folded[: -len(phrase)]
            break
    for phrase in rules.before:
        if len(phrase) < len(words) and tuple(folded[: len(phrase)]) == phrase:
            words = words[len(phrase):]
            break
    return " ".join(words)


def _no_role(text: str, end: int) -> bool:
    return False


def _role_nouns(code: str):
    """A matcher of the language's actor role nouns ("forces", "troops", "police"; actors.yaml `roles`)
    right after a name, possibly after a possessive."""
    roles = load_pack(code).section("actors", "roles", {}) or {}
    words = sorted({str(w).rstrip("*") for nouns in roles.values() for w in nouns or [] if str(w).strip()},
                   key=len, reverse=True)
    if not words:
        return _no_role
    pattern = re.compile(r"(?:['’]s?)?\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return lambda text, end: pattern.match(text, end) is not None


_ROLE_AFTER = {code: _role_nouns(code) for code in LANGUAGES}


def near_cue(text: str, start: int, language: str | None) -> bool:
    """Whether the words right before ``start`` say "near" (ACLED geo_precision 2)."""
    before = fold(text[max(0, start - 40) : start]).split()
    for phrase in language_rules(language).near:
        if len(phrase) <= len(before) and tuple(before[-len(phrase) :]) == phrase:
            return True
    return False


# Structured hints of containment: "X, B", "X (B)", "X town (A, B)", "(A, B)", "X in B", "X town in the
# countryside of B": X lies in B (a division, a country, or a town standing for its division).
_HINT_COMMA = re.compile(r"\s*,\s*$")
_HINT_PAREN = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}\(\s*(?:[^(),\n]{1,60},\s*)?$")
def _containment_pattern(words: dict) -> re.Pattern[str] | None:
    """The gap between a place and the place holding it, from the pack's `containment` words:
    "X in the south of B", "X in B", "X district of B" (a few lower-case words may stand around)."""
    def alternation(key: str) -> str:
        forms = sorted((str(w) for w in words.get(key) or []), key=len, reverse=True)
        return "|".join(re.escape(w) for w in forms) or "(?!)"
    if not (words.get("in") or words.get("nouns")):
        return None
    into, article, of, nouns = alternation("in"), alternation("articles"), alternation("of"), alternation("nouns")
    return re.compile(rf"(?:(?:\s+[a-z][\w'’-]*){{0,2}}?\s+(?:{into})\s+(?:(?:{article})\s+)?(?:[a-z]+(?:-[a-z]+)?\s+){{0,3}}?(?:(?:{of})\s+)?"
                      rf"|\s+(?:{nouns})\s+(?:{of}|{into})\s+(?:(?:{article})\s+)?)$")
def _coordination_pattern(code: str) -> re.Pattern[str]:
    """", and", " or", " & " between two names: the language's coordinators (actors.yaml)."""
    words = load_pack(code if code in LANGUAGES else "en").section("actors", "coordinators", []) or []
    alternation = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf",?\s+(?:{alternation + '|' if alternation else ''}&)\s+")
_HINT_CLOSE = re.compile(r"\s*[),;.]|\s*$|\s+(?:and|or)\b|\s+[a-z]")


def _hints(text: str, mentions: list, hint_in: re.Pattern[str] | None) -> list[tuple[Any, Any, bool]]:
    """(inner, container, strong) pairs of mentions: strong = a comma or parenthesis states it."""
    out = []
    live = [m for m in mentions if m.ids]
    for x, a in enumerate(live):
        for b in live[x + 1 : x + 4]:
            if b.start - a.end > 80:
                break
            if b.surface.isupper():  # "Owerri (FUTO)": an acronym contains nothing
                continue
            gap = text[a.end : b.start]
            if "\n" in gap or "." in gap.replace("St.", ""):
                break
            tail = text[b.end : b.end + 12]
            if _HINT_COMMA.fullmatch(gap) and b is live[x + 1]:
                # "X, B)" / "X, B," / "X, B." : B closes the phrase (a list "W, X, B and C" is no hint)
                if not re.match(r"\s*(?:[),;.]|$)", tail) or re.match(r",\s*[A-Z]", tail) \
                        or re.search(r"(?:,|\band)\s*$", text[max(0, a.start - 6) : a.start]):
                    break
                inside = "(" in text[max(0, a.start - 70) : a.start].rsplit(")", 1)[-1]
                out.append((a, b, True if inside or re.match(r"\s*\)", tail) else None))
            elif _HINT_PAREN.fullmatch(gap) and re.match(r"\s*\)", tail):
                out.append((a, b, True))
            elif b is live[x + 1] and hint_in is not None and hint_in.fullmatch(gap):
                out.append((a, b, False))
            else:
                continue
            break
    return out


_WORD_SHAPES_SIZE = 100_000  # distinct words remembered per set of name particles


@lru_cache(maxsize=None)
def _word_shapes(particles: frozenset[str]) -> dict[str, tuple[str, int, str, bool]]:
    """Each language's particles get their own table of word shapes (see `_word_shape`)."""
    return {}


def _word_shape(raw: str, particles: frozenset[str]) -> tuple[str, int, str, bool]:
    """What a token matched as ``raw`` is, the same wherever it stands: (word, how many characters
    it starts after the match, folded word, capitalised)."""
    word, lead = raw, 0
    if word[-1] == ".":
        # keep the dot only for abbreviations like "U.S." (letter-dot runs)
        if not _ABBREVIATION.fullmatch(word):
            word = word[:-1]
    if "'" in word or "’" in word:
        el = _ELISION.match(word)
        if el and el.group(1)[0].islower():
            lead = len(el.group(1))
            word = word[lead:]
        pos = _POSSESSIVE.search(word)
        if pos and len(word) > 3:
            word = word[: pos.start()]
    cap = word[:1].isupper() or (bool(particles) and "-" in word[:5]
                                 and word.split("-", 1)[0] in particles and word.split("-", 1)[1][:1].isupper())
    return word, lead, _fold_word(word), cap


class Geocoder:
    """Implements `sitrep.services.PlaceResolver` over a `Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    @classmethod
    def open(cls, path: Path | None = None) -> "Geocoder":
        """The gazetteer at ``path``; None = the built-in one, built on first use."""
        if path is None:
            from sitrep.resolve.gazetteer.build import build, is_current

            path = DEFAULT_PATH
            if not path.is_file() or not is_current(path):
                what = "rebuilding the gazetteer (its inputs changed)" if path.is_file() else "building the gazetteer"
                print(f"sitrep: {what} at {path} (once, about a minute)…", file=sys.stderr)
                build(path)
        return cls(Gazetteer(Path(path)))

    # ---------------------------------------------------------------- recognition
    def _tokens(self, text: str, particles: frozenset[str] = frozenset()) -> list[_Token]:
        """Word tokens; a name after a lower-case article particle ("al-Hasakeh") counts as capitalised."""
        out = []
        append = out.append
        shapes = _word_shapes(particles)
        for m in _TOKEN.finditer(text):
            raw = m.group()
            shape = shapes.get(raw)
            if shape is None:
                if len(shapes) >= _WORD_SHAPES_SIZE:
                    shapes.clear()
                shape = shapes[raw] = _word_shape(raw, particles)
            word, lead, folded, cap = shape
            start = m.start() + lead
            initial = cap and (start == 0 or bool(_SENTENCE_END.search(text, max(0, start - 4), start)))
            append(_Token(word, start, start + len(word), folded, cap, initial))
        return out

    def _split_compounds(self, tokens: list[_Token], rules: LanguageRules) -> list[_Token]:
        """Hyphenated words that name no place as a whole ("London-based", "Asia-Pacific", "Armenia-Italy")
        are cut into their words; names such as "Guinea-Bissau" or "Ivano-Frankivsk" stay whole."""
        compounds = [t for t in tokens if "-" in t.text and any(w[:1].isupper() for w in t.text.split("-"))]
        if not compounds:
            return tokens
        keys = {k: t for t in compounds for s in (t.text, *_variants(t.text, rules.inflection)) for k in _keys(s)}
        named = {id(keys[k]) for k in self.gazetteer.lookup_keys(keys)}
        cut = {id(t) for t in compounds} - named
        out: list[_Token] = []
        for t in tokens:
            if id(t) not in cut:
                out.append(t)
                continue
            offset = t.start
            for n, word in enumerate(t.text.split("-")):
                if word:
                    cap = word[:1].isupper()
                    out.append(_Token(word, offset, offset + len(word), _fold_word(word), cap, cap and t.initial and n == 0,
                                      split=n > 0))
                offset += len(word) + 1
        return out

    def locate(self, text: str, language: str | None, *, context: Sequence[str] = (), demonyms: bool = False) -> list[PlaceMention]:
        rules = language_rules(language)
        tokens = self._split_compounds(self._tokens(text, rules.particles), rules)
        _mark_datelines(text, tokens)
        mentions, cue_countries = self._recognise(text, tokens, rules, demonyms)
        mentions = self._division_abbreviations(text, mentions, rules)
        for c in context:
            cue_countries.add(c.upper()) if len(c) == 2 else None
        for m in mentions:  # "US forces", "Russia's troops": a country named for its actors' nationality
            m.attributive = _ROLE_AFTER.get(rules.code, _no_role)(text, m.end)  # type: ignore[attr-defined]
        self._resolve(mentions, cue_countries, rules.home_countries, _hints(text, mentions, rules.hint_in))
        self._coordinated_divisions(text, mentions, rules.coordination)
        written = self._divisions_as_written(text, mentions, rules) if rules.divisions_as_written else {}
        out = []
        for m in mentions:
            p = m.chosen
            if p is None:
                out.append(PlaceMention(start=m.start, end=m.end, mention=m.surface))
                continue
            admin1 = p.name if p.fcode == "ADM1" else self.gazetteer.admin1_name(p.country, p.admin1)
            admin1 = written.get((p.country, p.admin1), admin1)
            out.append(PlaceMention(
                start=m.start, end=m.end, mention=m.surface, name=p.name, geonameid=p.public_id,
                lat=p.lat, lon=p.lon, admin1=admin1, country=p.country, feature=p.fcode,
            ))
        return out

    def _divisions_as_written(self, text: str, mentions: list[_Mention], rules: LanguageRules) -> dict[tuple, str]:
        """{(country, admin1 code): the text's own spelling of that first-level division}, for languages whose
        texts write divisions by English names (pack key `divisions_as_written`): a division has several
        English spellings ("Idleb"/"Idlib", "Al-Hasakeh"/"Al-Hasakah"), and the one the source uses is the one
        to report. A spelling counts when it is one of the gazetteer's name (transliteration variants aside:
        `spelling_key`), read as the division or as its seat ("Bara in Idleb countryside"); another name of
        the division counts only as the last of a parenthesised address ("Kolofata (Mayo-Sava, Extreme-Nord)"),
        not in running text ("Karen State" stays Kayin). A text that also writes the gazetteer's own name
        keeps it."""
        out: dict[tuple, str] = {}
        own: set[tuple] = set()
        for m in mentions:
            p = m.chosen
            if p is None or not p.country or not p.admin1:
                continue
            where = (p.country, p.admin1)
            core = _strip_region_nouns(m.surface, rules)
            letters = [ch for ch in core if ch.isalpha()]
            if len(letters) < 4 or core.isupper() \
                    or not all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
                continue
            name = p.name if p.fcode == "ADM1" else self.gazetteer.admin1_name(p.country, p.admin1)
            if not name:
                continue
            if fold(core) == fold(_strip_region_nouns(name, rules)):
                own.add(where)
                continue
            # (as many articles on both sides: "Hudaydah" read inside "Al Hudaydah" is no spelling of its own)
            alike = spelling_key(core, _SPELLING_ARTICLES) == spelling_key(name, _SPELLING_ARTICLES) \
                and _articles(core) == _articles(name)
            addressed = p.fcode == "ADM1" and _PAREN_ADDRESS_END.match(text, m.end) is not None \
                and "(" in text[max(0, m.start - 60) : m.start].rsplit(")", 1)[-1]
            # (not a capital's: "Kiev" is an old spelling of Kyiv, whose division is the capital's own)
            if where not in out and fold(core) not in _FORMER_SPELLINGS and ((alike and p.fcode in ("ADM1", "PPLA")) or addressed):
                out[where] = core[:1].upper() + core[1:]
        return {k: v for k, v in out.items() if k not in own}

    def _coordinated_divisions(self, text: str, mentions: list[_Mention], coordination: re.Pattern[str]) -> None:
        """A name listed with a first-level division ("California or Washington", "Texas and Georgia") is the
        division of that country spelled so, not a city or a country of that name."""
        contained = {id(a) for a, b in zip(mentions, mentions[1:]) if _HINT_COMMA.fullmatch(text[a.end : b.start])}
        for a, b in zip(mentions, mentions[1:]):
            if not coordination.fullmatch(text[a.end : b.start]):
                continue
            for x, y in ((a, b), (b, a)):
                q, p = y.chosen, x.chosen
                if q is None or p is None or q.fcode != "ADM1" or p.fclass != "P" or x.region or id(x) in contained:
                    continue  # ("Florida and Washington, D.C.": the city a division follows stays the city)
                named = self.gazetteer.places([g for g, kind, _ in x.ids if kind == 0])
                same = [d for d in named.values() if d.fcode == "ADM1" and d.country == q.country
                        and fold(d.name) == fold(x.surface)]
                if same:
                    x.chosen = same[0]
        # a state the text also names by its abbreviation ("Camp Murray, Wash.") is what its bare name means
        # ("at home in Washington"), unless a division follows the name ("Washington, D.C.")
        abbreviated = {fold(m.chosen.name): m.chosen for m in mentions if getattr(m, "abbreviated", False) and m.chosen}
        # a country named like a first-level division of a country whose other divisions the text names
        # ("Florida, Louisiana, Nevada ... the Georgia National Guard") is that division
        divisions: dict[str, set[str]] = {}
        for m in mentions:
            if m.chosen is not None and m.chosen.fcode == "ADM1":
                divisions.setdefault(m.chosen.country, set()).add(m.chosen.name)
        for x in mentions:
            p = x.chosen
            if p is None or x.region or id(x) in contained:
                continue
            spelled = fold(x.surface)
            if p.fclass == "P" and spelled in abbreviated and abbreviated[spelled].geonameid in {g for g, kind, _ in x.ids}:
                x.chosen = abbreviated[spelled]
            elif p.fcode == "PCLI":
                named = self.gazetteer.places([g for g, kind, _ in x.ids if kind == 0])
                same = [d for d in named.values() if d.fcode == "ADM1" and fold(d.name) == spelled
                        and len(divisions.get(d.country, set()) - {d.name}) >= 2]
                if same:
                    x.chosen = same[0]

    def _division_codes(self) -> dict[tuple[str, str], str]:
        """{(country, English division name): admin1 code}, made once."""
        if not hasattr(self, "_division_code_table"):
            self._division_code_table = {(cc, name): code for (cc, code), name in self.gazetteer.admin1_names.items()}
        return self._division_code_table

    def _division_abbreviations(self, text: str, mentions: list[_Mention], rules: LanguageRules) -> list[_Mention]:
        """ "Springfield, Ill.", "Nelson, B.C.": an abbreviated division after a comma, which replaces what the
        word alone was read as (Ill → Yale)."""
        if rules.division_abbreviation_re is None:
            return mentions
        division = self._division_codes()
        added = []
        for hit in rules.division_abbreviation_re.finditer(text):
            gid = self.gazetteer.admin1_ids.get((rules.division_abbreviations[hit.group(1)][0],
                                                 division.get(rules.division_abbreviations[hit.group(1)], "")))
            if gid is not None:
                start, end = hit.span(1)
                added.append(_Mention(start, end, hit.group(1), [(gid, 0, True)], region=True))
                added[-1].abbreviated = True  # type: ignore[attr-defined]
        if not added:
            return mentions
        kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in added)]
        return sorted(kept + added, key=lambda m: m.start)

    def _recognise(self, text: str, tokens: list[_Token], rules: LanguageRules, demonyms: bool):
        n = len(tokens)
        # 1. spans: region phrases first, then capitalised sequences
        spans: list[tuple[int, int, bool, list[str]]] = []  # (i, j, region, candidate surfaces)

        def gap_ok(a: _Token, b: _Token) -> bool:
            return text[a.end : b.start] in (" ", "-", "\u00a0")

        for i in [i for i, t in enumerate(tokens) if t.folded in rules.region_first_words]:
            # "before" region nouns: regiunea X, obwód X, région de X
            for phrase in rules.before_by_first.get(tokens[i].folded, ()):
                L = len(phrase)
                if i + L < n and tuple(t.folded for t in tokens[i : i + L]) == phrase:
                    k = i + L
                    if k < n and tokens[k].folded in rules.connectors and k + 1 < n:
                        k += 1
                    j = k
                    while j < n and j - k < 3 and (tokens[j].cap or j == k) and (j == k or gap_ok(tokens[j - 1], tokens[j])):
                        j += 1
                        if not tokens[j - 1].cap:
                            break
                    for e in range(j, k, -1):
                        if tokens[k].folded in rules.stopwords:
                            break
                        name = text[tokens[k].start : tokens[e - 1].end]
                        spans.append((i, e, True, [name, *_variants(name, rules.inflection), *_variants(name, rules.adjective)]))
                    break
            # "after" region nouns: Belgorod Oblast, Белгородской области
            for phrase in rules.after_by_first.get(tokens[i].folded, ()):
                L = len(phrase)
                if i + L <= n and i > 0 and tuple(t.folded for t in tokens[i : i + L]) == phrase:
                    s = i - 1
                    if not gap_ok(tokens[s], tokens[i]):
                        break
                    while s > 0 and i - s < 3 and tokens[s - 1].cap and gap_ok(tokens[s - 1], tokens[s]):
                        s -= 1
                    for b in range(s, i):
                        if not tokens[b].cap and (b != i - 1 or rules.code == "en"):
                            continue  # English writes region names in capitals ("the state" is no name)
                        if tokens[b].folded in rules.stopwords or tokens[b].folded in rules.demonyms or len(tokens[b].folded) < 3:
                            continue
                        name = text[tokens[b].start : tokens[i - 1].end]
                        spans.append((b, i + L, phrase if phrase in rules.minor else True,
                                      [name, *_variants(name, rules.adjective), *_variants(name, rules.inflection)]))
                    break
        for i in [i for i, t in enumerate(tokens) if t.cap]:
            t = tokens[i]
            j = i
            while j < n and j - i < MAX_TOKENS:
                tj = tokens[j]
                if j > i and not gap_ok(tokens[j - 1], tj):
                    break
                if not tj.cap and tj.folded not in _MIDDLE_CONNECTORS:
                    break
                j += 1
                if tokens[j - 1].cap:
                    name = text[t.start : tokens[j - 1].end]
                    spans.append((i, j, False, [name, *_variants(name, rules.inflection)]))
        # 2. one batched lookup for every candidate surface
        keys = {k for *_, surfaces in spans for s in surfaces for k in _keys(s)}
        ukrainian = rules.code == "uk"
        for *_, surfaces in spans:
            for s in surfaces:
                if is_cyrillic(s):
                    keys.add(native_key(s, "c"))
                    if ukrainian:
                        keys.add(native_key(s, "u"))
        hits = self.gazetteer.lookup_keys(keys)
        # 3. choose spans: region phrases, then longest matches, left to right
        taken = [False] * n
        found: list[_Mention] = []
        cue_countries: set[str] = set()
        demonym_spans = []
        for i, t in [(i, t) for i, t in enumerate(tokens) if t.folded in rules.demonyms]:
            cc = rules.demonyms[t.folded]
            if cc and (t.cap or not rules.capitalised_demonyms):
                if len(cc) == 2:
                    cue_countries.add(cc)
                if t.cap:
                    demonym_spans.append((i, cc))
        lower_words = {t.text for t in tokens if not t.cap}  # the document writes these in lower case
        spans_minor = {(i, j): True for i, j, region, _ in spans if region is not True and bool(region)}
        ordered = sorted(spans, key=lambda s: (not s[2], -(s[1] - s[0]), s[0]))
        for i, j, region, surfaces in ordered:
            if any(taken[i:j]):
                continue
            ids: list[tuple[int, int, bool]] = []
            native: dict[int, int] = {}
            forms: set[str] = set()
            for rank, s in enumerate(surfaces):
                found_here = [(gid, kind, rank == 0) for k in _keys(s) for gid, kind in hits.get(k, ())
                              if kind < 2 or region]
                native_here: dict[int, int] = {}
                if is_cyrillic(s):
                    for mark, level in (("c", 1), ("u", 2)):
                        for gid, _ in hits.get(native_key(s, mark), ()):
                            native_here[gid] = max(level, native_here.get(gid, 0))
                if ids and not region:
                    # an inflected country or big city ("Росії" = Russia's genitive) beats the
                    # exact spelling of a village ("Rossi")
                    pl = self.gazetteer.places([g for g, _, _ in ids + found_here])
                    if any(_prominent(pl.get(g), kind) for g, kind, _ in ids):
                        break
                    # the exact spelling matched only other places' alternate names ("Покровська" ~ Engels'
                    # old name "Pokrovskaya"): a base form that is a place's own name joins ("Покровськ")
                    own_before = any(kind == 0 or g in native for g, kind, _ in ids)
                    found_here = [x for x in found_here if _prominent(pl.get(x[0]), x[1])
                                  or (not own_before and (x[1] == 0 or x[0] in native_here))]
                if found_here:
                    forms.add(fold(s))
                    for gid, _, _ in found_here:
                        if gid in native_here:
                            native[gid] = max(native_here[gid], native.get(gid, 0))
                ids.extend(found_here)
            if not ids:
                continue
            if region:
                places = self.gazetteer.places([g for g, _, _ in ids])
                if any(p.fcode.startswith("PCL") for p in places.values() if p.fcode):
                    continue  # "U.S. Department", "Russian state": a country's name, no region
                # (a second-level noun takes a first-level division only by its own name: "Guma LGA" is not Gunma)
                adm = [x for x in ids if places.get(x[0]) and places[x[0]].fcode == "ADM1" and (region is True or x[1] == 0)]
                if region is not True and any(places.get(x[0]) and places[x[0]].fcode == "ADM2" for x in ids):
                    adm = []  # "Ohio County" is the county of that name, not the state of Ohio
                if not adm and region is not True:
                    # "Orange County", "Bucha district": the second-level division, or else its namesake town
                    towns = sorted((places[g] for g, _, _ in ids if g in places and places[g].fclass == "P"),
                                   key=lambda p: -p.population)
                    second = [x for x in ids if places.get(x[0]) and places[x[0]].fcode == "ADM2"]
                    if (not towns and not second) or (not second and tokens[j - 1].cap):
                        continue  # "Justice Department", "Police District": a capitalised noun of no division
                    top = {t.geonameid for t in towns[:8]}  # the context picks among namesakes
                    adm = second + [x for x in ids if x[0] in top and x[1] < 2]
                    region = False
                if not adm:
                    # "X region" where X is a town: the division that has X in it (largest X first)
                    towns = sorted((places[g] for g, _, _ in ids if g in places and places[g].fclass == "P"),
                                   key=lambda p: -p.population)
                    for town in towns:
                        gid = self.gazetteer.admin1_ids.get((town.country, town.admin1))
                        if gid is not None:
                            adm = [(gid, 0, True)]
                            break
                if not adm:
                    continue
                ids = adm
            else:
                words = [tk.folded for tk in tokens[i:j]]
                if j - i == 1 and (words[0] in rules.stopwords or words[0] in rules.demonyms):
                    continue
                head = re.split(r"['’]", tokens[i].text, maxsplit=1)[0]
                if j - i == 1 and head != tokens[i].text and fold(head) in rules.stopwords:
                    continue  # a contraction: "He’ll", "I've", "It's"
                if j - i == 1 and len(words[0]) < 3 and not tokens[i].text.isupper():
                    continue
                if j - i > 1 and words[0] in rules.stopwords:
                    named = self.gazetteer.places([g for g, _, _ in ids])
                    surface = fold(text[tokens[i].start : tokens[j - 1].end])
                    # "The US" is "US"; "The Hague", "Middle Shabelle" (~ Shabele) are names of their
                    # own, and so is a country's long form in its own spelling ("Federația Rusă").
                    own = {g for g, kind, _ in ids if kind == 0}
                    if not any(fold(p.name) == surface or (g in own and key(p.name) == key(surface)
                                                             and fold(p.name).split()[:1] == surface.split()[:1])
                               for g, p in named.items()) \
                            and not any(exact and g in named and named[g].fcode == "PCLI" for g, _, exact in ids):
                        continue
                shouting = all(tk.text.isupper() for tk in tokens[max(0, i - 2) : j + 2])
                if fold(text[tokens[i].start : tokens[j - 1].end]) in rules.stopwords:
                    continue
                if j - i == 1 and tokens[i].text.replace(".", "").isupper() and len(tokens[i].text) <= 6 \
                        and not (shouting and len(tokens[i].text) > 3) and not tokens[i].dateline:
                    # short all-caps tokens are acronyms unless they name a country (US, UK)
                    places = self.gazetteer.places([g for g, _, _ in ids])
                    # (by its code or its own spelling: "SA" only folds into the key of "Siaya")
                    coded = {g for k in _keys(tokens[i].text)[1:] for g, _ in hits.get(k, ())}
                    ids = [x for x in ids if places.get(x[0]) and places[x[0]].fcode in ("PCLI", "ADM1", "RGN") and x[1] < 2
                           and (x[0] in coded or fold(places[x[0]].name) == words[0])]
                    if not ids:
                        continue
            start, end = tokens[i].start, tokens[j - 1].end
            m = _Mention(start, end, text[start:end], ids, region=bool(region), initial=tokens[i].initial and j - i == 1,
                         forms=frozenset(forms), native=native)
            m._tok = (i, j)  # type: ignore[attr-defined]
            m.settlement = not region and _settlement_cue(text, start, end, rules)
            m.minor = region is False and bool(ids) and spans_minor.get((i, j), False)
            if m.initial and (tokens[i].text.lower() in lower_words or common_word(tokens[i].text, rules.code)):
                m.common = True  # type: ignore[attr-defined]
            for x in range(i, j):
                taken[x] = True
            found.append(m)
        # 4. drop matches inside longer capitalised runs that are not places (person and organisation names)
        ignorable = rules.ignorable
        keep = []
        personal: set[str] = set()

        def plain_initial(tk: _Token) -> bool:  # "Обстріл Оленівки": a sentence's first word, a common word
            return tk.initial and (tk.folded in rules.stopwords or tk.text.lower() in lower_words
                                   or plain_word(tk.text, rules.code))
        region_tok = [False] * n
        stops = rules.name_stops  # "U.S. President Donald Trump": the run of names starts after the title
        for m in found:
            if m.region:
                for x in range(*m._tok):  # type: ignore[attr-defined]
                    region_tok[x] = True
        for x, tk in enumerate(tokens):  # "said Noma", "Nelson says", "Zuma, who": people
            if not tk.cap or tk.folded in rules.stopwords or tk.text.isupper():
                continue
            after = text[tk.end : tk.end + 14].lower()
            before = fold(text[max(0, tk.start - 12) : tk.start]).split()[-1:]
            if (after.startswith(", who ") or (after[:1] == " " and after.split()[:1] and after.split()[0].strip(",.;") in rules.person_verbs)
                    or (before and before[0] in rules.person_verbs and text[tk.start - 1 : tk.start] == " ")):
                if not (x + 1 < n and tokens[x + 1].cap and gap_ok(tk, tokens[x + 1])):
                    personal.add(tk.folded)
        found_at = {x for m in found for x in range(*m._tok)}  # type: ignore[attr-defined]

        def place_part(x: int) -> bool:  # "Amsterdam-London": a place hyphenated to a place is no name's part
            return x in found_at and (tokens[x].split or (x + 1 < n and tokens[x + 1].split))

        by_token = {x: m for m in found for x in range(*m._tok)}  # type: ignore[attr-defined]

        def big(m: _Mention) -> bool:
            pl = self.gazetteer.places([g for g, _, _ in m.ids])
            return any(_prominent(pl.get(g), kind) or (pl.get(g) and pl[g].population >= 100_000) for g, kind, _ in m.ids)

        def loose_part(m: _Mention, i: int, j: int) -> bool:
            """A word cut from a compound that is part of a name: "Mar-a-Lago", "Lin-Manuel" (two small places
            hyphenated are more likely a name than a pair; "Amsterdam-London", "Calgary-based" are places)."""
            partners = ([i - 1] if tokens[i].split else []) + ([j] if j < n and tokens[j].split else [])
            for x in partners:
                tk = tokens[x]
                if not tk.cap and len(tk.text) <= 2:
                    return True
                other = by_token.get(x)
                if tk.cap and (other is None or not (big(m) or big(other))):
                    return True
            return False

        loose = {id(m) for m in found if not m.region and loose_part(m, *m._tok)}  # type: ignore[attr-defined]
        found_at.difference_update(x for m in found if id(m) in loose for x in range(*m._tok))  # type: ignore[attr-defined]
        for m in found:
            i, j = m._tok  # type: ignore[attr-defined]
            if id(m) in loose:
                continue
            # "Rogers Centre", "Cloverhill District Court", "Caesar's Palace": a building's or a street's name
            e = j
            while e < n and e - j < 4 and tokens[e].cap and (gap_ok(tokens[e - 1], tokens[e]) or (
                    e == j and tokens[e].folded in rules.facility_nouns  # "Caesar's Palace"; not "Derry's Altnagelvin Hospital"
                    and text[tokens[e - 1].end : tokens[e].start] in ("'s ", "’s "))):
                if tokens[e].folded in rules.facility_nouns:
                    m.facility = True  # type: ignore[attr-defined]
                    break
                e += 1
            if m.region or getattr(m, "minor", False):  # "Leninsky district", "Orange County": the noun says place
                keep.append(m)
                continue
            if i > 0 and tokens[i - 1].folded in rules.titles and text[tokens[i - 1].end : tokens[i].start] in (" ", ". ", "\u00a0"):
                personal.update(tk.folded for tk in tokens[i:j] if tk.folded not in ignorable)
                continue  # "Mr Nelson", "President Lincoln": a person
            if j - i == 1 and tokens[i].folded in rules.not_places:
                continue
            if j < n and (tokens[j].cap or tokens[j].folded in rules.lower_street_nouns) \
                    and tokens[j].folded in rules.street_nouns and gap_ok(tokens[j - 1], tokens[j]):
                continue  # "Kingsley Road", "Wilson's Farm": a street or a farm named after a place
            a = i
            while a > 0 and tokens[a - 1].cap and gap_ok(tokens[a - 1], tokens[a]) and not region_tok[a - 1] \
                    and tokens[a - 1].folded not in stops and tokens[a - 1].dateline == tokens[a].dateline:
                a -= 1
            b = j
            while b < n and tokens[b].cap and gap_ok(tokens[b - 1], tokens[b]) and not region_tok[b] \
                    and tokens[b].folded not in stops and tokens[b].dateline == tokens[b - 1].dateline:
                b += 1
            others = [tokens[x] for x in (*range(a, i), *range(j, b))
                      if tokens[x].folded not in ignorable and not plain_initial(tokens[x]) and not place_part(x)]
            if others and i == a and b - a <= 4 and not m.region and not any(tk.folded in personal for tk in tokens[j:b]) and any(
                    kind == 0 and pl.fcode == "PCLI" and fold(pl.name) == fold(m.surface)
                    for pls in [self.gazetteer.places([g for g, _, _ in m.ids])]
                    for g, kind, _ in m.ids for pl in [pls.get(g)] if pl is not None):
                m.embedded = True  # type: ignore[attr-defined]  # "Malaysia Airlines": the country names the company
                keep.append(m)
                continue
            if others:
                # a word inside a longer name is no place here; elsewhere only if it is a person's name: a run
                # with an acronym is an organisation ("Nenagh MDC", "Slidell PD"), which is named after a place
                if not (j - i == 1 and plain_initial(tokens[i])) and not any(
                        tk.text.isupper() and len(tk.text) >= 2 for tk in tokens[a:b]):  # "Біля Покровська": no person
                    personal.update(tk.folded for tk in tokens[a:b] if tk.folded not in ignorable)
                continue
            m.crowded = (  # type: ignore[attr-defined]
                (i > 0 and tokens[i - 1].cap and gap_ok(tokens[i - 1], tokens[i]) and tokens[i - 1].folded not in ignorable
                 and not plain_initial(tokens[i - 1]))
                or (i > 0 and tokens[i - 1].cap and gap_ok(tokens[i - 1], tokens[i]) and tokens[i - 1].folded in rules.qualifiers)
                or (j < n and tokens[j].cap and gap_ok(tokens[j - 1], tokens[j]) and tokens[j].folded not in ignorable)
            )
            keep.append(m)
        # a word that was part of a person's or organisation's name is not a place elsewhere either
        for m in keep:
            if not m.region and m._tok[1] - m._tok[0] == 1 and tokens[m._tok[0]].folded in personal:  # type: ignore[attr-defined]
                m.personal = True  # type: ignore[attr-defined]
        if demonyms:
            for i, cc in demonym_spans:
                if not taken[i]:
                    t = tokens[i]
                    keep.append(_Mention(t.start, t.end, t.text, [], region=False, chosen=None, scores={}))
                    keep[-1]._demonym = cc  # type: ignore[attr-defined]
        keep.sort(key=lambda m: m.start)
        return keep, cue_countries

    # ---------------------------------------------------------------- resolution
    def _resolve(self, mentions: list[_Mention], cue_countries: set[str], rules_home: frozenset[str] = frozenset(),
                 hints: Sequence[tuple[_Mention, _Mention, bool | None]] = ()) -> None:
        all_ids = {g for m in mentions for g, _, _ in m.ids}
        places = self.gazetteer.places(all_ids)
        # demonym mentions resolve to their country
        demonym_cc = {getattr(m, "_demonym", None) for m in mentions} - {None}
        if demonym_cc:
            country_of = self._countries({c for c in demonym_cc if len(c) == 2})
            for name in demonym_cc:
                if len(name) > 2:
                    named = [p for p in self.gazetteer.lookup(name) if p.fcode in ("CONT", "RGN", "PCLI")]
                    if named:
                        country_of[name] = named[0]
            for m in mentions:
                cc = getattr(m, "_demonym", None)
                if cc:
                    m.chosen = country_of.get(cc)
        live = [m for m in mentions if m.ids]
        seen_inside_all = {key(m.surface) for m in mentions if not m.initial}
        countries = set(cue_countries)
        regions: set[tuple[str, str]] = set()
        for m in live:
            cands = [places[g] for g, _, _ in m.ids if g in places]
            pcli = {p.country for p in cands if p.fcode == "PCLI"}
            if len(pcli) == 1 and not any(p.fcode == "ADM1" for p in cands) \
                    and all(p.fcode == "PCLI" or p.population < 100_000 for p in cands):
                countries |= pcli  # "Syria" names the country, whatever village shares its name
            if m.region and len({(p.country, p.admin1) for p in cands}) == 1 and cands:
                regions.add((cands[0].country, cands[0].admin1))
                countries.add(cands[0].country)

        def base(m: _Mention, gid: int, kind: int, exact: bool, own: set[int]) -> float:
            p = places[gid]
            s = math.log10(p.population + 10)
            if p.fclass == "P" and gid in own:
                kind = 0  # a native Cyrillic name is the place's own name ("Оленовка" in Russian)
            if m.native.get(gid) == 2 and p.country == "UA":
                s += 1.0  # a Ukrainian spelling of a place in Ukraine
            if p.fcode in ("PCLI", "CONT"):
                s += 4.0
            elif p.fcode == "RGN":
                s = 11.0 if (p.country is None or p.country in countries or not countries) else 8.0
            elif p.fcode == "ADM1":
                s += 5.0 if m.region else (1.0 if kind < 2 else -5)
                if not m.region:  # capped, but the bigger of two namesake divisions still ranks first ("Montana")
                    s = min(s, 6.0) + 0.01 * math.log10(p.population + 10)
            elif p.fcode == "ADM2":
                s += 2.5 if m.minor else -0.5  # "Kent County" is the county; bare "Kent" leans to a town
                if m.minor and m.spelled == fold(p.name):
                    s += 1.5  # named with its noun ("Suffolk County", not England's "Suffolk")
            elif p.fcode == "PPLC":
                s += 1.5
            elif p.fcode == "PPLA":
                s += 0.7
            if kind == 0:
                s += 0.6
            elif kind == 1 and p.fcode not in ("PCLI", "ADM1", "CONT"):
                s -= 1.0
            if exact:
                s += 0.4
            if kind == 0 and m.spelled == fold(p.name):
                s += 0.8  # spelled as the place spells itself ("Manbij"), not only folded alike ("Manby")
            elif kind == 1 and p.fclass == "P" and m.named_so and _nickname(m.spelled, fold(p.name)):
                s -= 2.0  # a by-name unlike the place's own ("Garden City" for Singapore) is a weak reading
            if m.settlement:
                s += 1.0 if p.fclass == "P" else -2.0 if p.fcode == "ADM1" else 0.0
            if p.country in countries:
                # a named country lifts its towns, but a hamlet there does not outrank a city elsewhere
                s += min(2.0, 1.0 + 0.5 * max(0.0, math.log10(p.population + 10) - 3.0))
            if (p.country, p.admin1) in regions:
                s += 1.5
            return s

        for m in live:
            m.scores = {}
            m.named_so = any(kind == 0 for _, kind, _ in m.ids)
            cands = [places[g] for g, _, _ in m.ids if g in places]
            # a big city named like its division is what a bare name means ("New York", "Kharkiv", "Idlib")
            city_admins = {(places[g].country, places[g].admin1) for g, kind, _ in m.ids
                           if g in places and places[g].fclass == "P" and places[g].population >= 100_000
                           and (kind == 0 or _holds_its_division(places[g], cands))}
            # a city's own name beats another language's name of a country (Russian "Тунис" = Tunisia vs Tunis)
            own_city = any(p.fcode in ("PPLC", "PPLA") and kind == 0 for (g, kind, _), p in
                           ((x, places[x[0]]) for x in m.ids if x[0] in places))
            # places named in their own Cyrillic name, in a country that writes Cyrillic ("Оленовка", "Покровськ").
            # (No bonus for Latin own spellings over other places' alternate names: "Sadah", "Marib", "Durango"
            # in English are alternate names of Sa'dah, Ma'rib, Victoria de Durango, and must keep winning.)
            own = {g for g, _, _ in m.ids if g in places and places[g].fclass == "P"
                   and m.native.get(g) and places[g].country in rules_home}
            # a town and the district named after it, side by side ("Masisi"): the bare name is the town
            town_keys = {(p.country, p.admin1, key(p.name)) for p in cands if p.fclass == "P"}
            divisions = {(places[g].country, places[g].admin1) for g, kind, _ in m.ids
                         if kind == 0 and g in places and places[g].fcode == "ADM1"}
            division_countries = {c for c, _ in divisions}
            for gid, kind, exact in m.ids:
                if gid in places:
                    p = places[gid]
                    if not m.region and p.fcode == "ADM1" and (p.country, p.admin1) in city_admins:
                        continue
                    if p.fcode == "ADM2" and not m.minor and (p.country, p.admin1, key(p.name)) in town_keys:
                        continue
                    if p.fclass == "P" and p.population < 100_000 and p.country in division_countries \
                            and (p.country, p.admin1) not in divisions and not m.settlement:
                        continue
                    sc = base(m, gid, kind, exact, own)
                    if own_city and kind == 1 and p.fcode.startswith("PCL"):
                        sc -= 4.0
                    if sc > m.scores.get(gid, -1e9):
                        m.scores[gid] = sc
            if m.scores:
                m.chosen = places[max(m.scores, key=m.scores.get)]
        self._contain(hints, places)
        for m in live:
            m.key = key(m.surface)  # type: ignore[attr-defined]
            if len(m.scores) > 8:  # readings far below the best cannot win on coherence bonuses
                top = sorted(m.scores.items(), key=lambda kv: -kv[1])
                m.scores = dict(kv for n, kv in enumerate(top) if n < 8 or kv[1] >= top[0][1] - 3.5)
        base_best = {id(m): max(m.scores, key=m.scores.get) for m in live if m.scores}
        # co-mention coherence: prefer readings near the other places of the document
        for _ in range(2):
            anchors = [(m, m.chosen) for m in live if m.chosen is not None and m.chosen.fcode not in ("PCLI",)
                       and not getattr(m, "facility", False)]  # a building's name vouches for no reading
            uniq = list({(o.key, q.geonameid): (o, q) for o, q in anchors}.values())  # type: ignore[attr-defined]
            if len(anchors) < 2:
                break
            points = [(o.key, math.radians(q.lat), math.radians(q.lon), math.cos(math.radians(q.lat)))  # type: ignore[attr-defined]
                      for o, q in uniq if q.lat is not None and q.fcode not in ("RGN", "CONT")]
            # support comes from other names: repeated mentions of one name do not vouch for their own reading
            # (a division the text names: one read so on its own, not one that neighbours' readings made it)
            named_admin = {(q.country, q.admin1): o.key for o, q in anchors  # type: ignore[attr-defined]
                           if q.fcode == "ADM1" and base_best.get(id(o)) == q.geonameid}
            admin_of = {}
            for o, q in anchors:
                admin_of.setdefault((q.country, q.admin1), set()).add(o.key)  # type: ignore[attr-defined]
            countries_of = {}
            for o, q in anchors:
                countries_of.setdefault(q.country, set()).add(o.key)  # type: ignore[attr-defined]
            for m in live:
                if not m.scores:
                    continue
                best, best_score = None, -1e9  # (a lone reading is scored too: its neighbours vouch for it)
                for gid, sc in m.scores.items():
                    p = places[gid]
                    bonus = 0.0
                    own = {m.key}  # type: ignore[attr-defined]
                    if p.fcode not in ("PCLI", "ADM1", "CONT", "RGN"):
                        d = _nearest_km(p, points, m.key) if p.lat is not None else 1e9  # type: ignore[attr-defined]
                        bonus = 2.5 if d < 50 else 1.5 if d < 200 else 0.5 if d < 600 else 0.0
                        bonus += 1.0 if admin_of.get((p.country, p.admin1), set()) - own else 0.0
                        # a division named in the text ("Bara town in Idleb countryside", "(Mayo-Sava, Extreme-Nord)")
                        bonus += 1.5 if named_admin.get((p.country, p.admin1), m.key) != m.key else 0.0  # type: ignore[attr-defined]
                    elif p.fcode == "ADM1":
                        same = countries_of.get(p.country, set()) - own
                        bonus = 2.5 if admin_of.get((p.country, p.admin1), set()) - own else 1.0 if same else 0.0
                    else:
                        bonus = 1.0 if countries_of.get(p.country, set()) - own else 0.0
                    if sc + bonus > best_score:
                        best, best_score = p, sc + bonus
                m.chosen = best
                m.final = best_score  # type: ignore[attr-defined]
        # a small place far from the document's focus (its named countries and divisions) is a false reading:
        # "Bara town in Idleb countryside" is not Barra in Brazil, even when the Syrian Bara is not in the gazetteer.
        # A mention's own reading is no focus for itself ("Ibeju" read as Ibb does not make Yemen a focus).
        # (a country only the actors' nationalities cue is no focus: "Turkish forces patrolled ... in Al-Hasakeh")
        focus_of: dict[str, set[int]] = {}
        seen_of: dict[str, set[int]] = {c: {-1} for c in cue_countries}
        for m in live:
            p = m.chosen
            if p is not None and p.country:
                seen_of.setdefault(p.country, set()).add(id(m))
                if (m.region or p.fcode in ("PCLI", "ADM1", "PPLC", "PPLA", "RGN")) \
                        and not (getattr(m, "attributive", False) and p.fcode == "PCLI"):
                    focus_of.setdefault(p.country, set()).add(id(m))

        def in_focus(m: _Mention, table: dict[str, set[int]]) -> bool:
            return bool(table.get(m.chosen.country or "", set()) - {id(m)})

        if any(focus_of.values()):
            for m in live:
                p = m.chosen
                if p is None or (p.fclass != "P" and p.fcode != "ADM2") or not any(v - {id(m)} for v in focus_of.values()) \
                        or in_focus(m, focus_of):
                    continue
                if getattr(m, "container", False) and p.fcode in ("PPLA", "PPLC"):
                    continue  # "Qabbour in al-Hasakeh": a seat named as what something lies in stands for its division
                if p.country in rules_home and not m.surface.isascii():
                    continue  # "Бахмута" in Ukrainian: Cyrillic names of small places are names of places where Cyrillic is written
                # its own spelling ("Cork"), not a spelling that only folds into its key ("Mass" ~ Miass)
                exact = any(g == p.geonameid and kind == 0 for g, kind, _ in m.ids) and fold(m.surface) == fold(p.name)
                if exact and p.fcode in ("PPLA", "PPLC"):
                    continue  # a region's seat or a capital in its own spelling ("Russian shelling hit Kherson")
                if (p.population < (100_000 if exact else 1_000_000)
                        and getattr(m, "final", 0.0) - m.scores.get(p.geonameid, 0.0) < 1.5):
                    m.chosen = None
                    m.ids = []
        # weak readings need the document's support (another place in the same country, or a country cue):
        # a sentence-initial common word ("Того", "Наш"), or a short word or a sentence-initial one matched
        # only through another language's name of the place ("Rum" → Rome, "Hamas" → Hamm)
        for m in live:
            p = m.chosen
            if p is None or m.region or in_focus(m, seen_of):
                continue
            via_own = any(g == p.geonameid and kind == 0 for g, kind, _ in m.ids)
            letters = sum(ch.isalpha() for ch in m.surface)
            big = (p.country is None or (p.fcode or "").startswith("PCL") or p.fcode in ("CONT", "RGN")
                   or (p.fcode == "PPLC" and p.population >= 1_000_000 and letters >= 4)
                   or (p.fcode in ("PPLA", "ADM1") and p.population >= 100_000 and letters >= 5))
            if getattr(m, "common", False) and m.initial and key(m.surface) not in seen_inside_all:
                weak = True
            elif not via_own and not big and (letters <= 4 or m.initial) and m.surface.isascii():
                weak = True
            else:
                weak = False
            if weak:
                m.chosen = None
                m.ids = []
        # a district named before its city ("в Ленинском районе Москвы", "Leninsky district of Moscow")
        # is inside that city, not at a namesake town elsewhere
        by_start = sorted((m for m in mentions if m.chosen is not None or m.ids), key=lambda m: m.start)
        for a, b in zip(by_start, by_start[1:]):
            if getattr(a, "minor", False) and a.chosen is not None and b.chosen is not None \
                    and b.start - a.end <= 4 and b.chosen.fclass == "P" \
                    and (a.chosen.country, a.chosen.admin1) != (b.chosen.country, b.chosen.admin1):
                # ("Dogubeyazit district of Agri": a town of the province named after its seat is the district)
                a.chosen = None
                a.ids = []
        def big_division(m: _Mention) -> bool:  # "Oklahoma Republicans" makes no person of Oklahoma
            return any(kind == 0 and g in places and places[g].fcode == "ADM1" and places[g].population >= 1_000_000
                       for g, kind, _ in m.ids)

        # a word used as a person's name elsewhere in the text is a place only if it names a prominent one
        for m in live:
            p = m.chosen
            if p is not None and getattr(m, "personal", False) and not (
                    p.fcode in ("PCLI", "RGN", "CONT")
                    or (fold(p.name) == fold(m.surface) and (p.fcode in ("PPLC", "PPLA") or p.population >= 250_000))
                    or big_division(m)):
                m.chosen = None
                m.ids = []
        # readings with little support (a small place, no context, no neighbours) are dropped
        for m in live:
            final = getattr(m, "final", None)
            if final is None and m.chosen is not None:
                final = m.scores.get(m.chosen.geonameid, 0.0)
            if m.chosen is not None and not m.region and final is not None and final < MIN_SCORE:
                m.chosen = None
                m.ids = []
        # a place glued to another capitalised word ("Libertatea Rusiei") is kept only if prominent
        for m in live:
            p = m.chosen
            if p is not None and getattr(m, "crowded", False) and p.fcode not in ("PCLI", "ADM1", "PPLC", "RGN", "CONT") and p.population < 100000:
                m.chosen = None
                m.ids = []
        # a county named with its noun ("Suffolk County") is what the bare name means in the same text ("the
        # Suffolk Times"), not a namesake town elsewhere
        counties = {key(m.surface.rsplit(" ", 1)[0]): m.chosen for m in live if m.minor and m.chosen is not None
                    and m.chosen.fcode == "ADM2" and " " in m.surface}
        if counties:
            for m in live:
                q = counties.get(key(m.surface))
                p = m.chosen
                if q is not None and p is not None and not m.region and p.fclass == "P" and p.population < 250_000 \
                        and (p.country, p.admin1) != (q.country, q.admin1):
                    m.chosen = q
        # a town's name that begins a building's name ("Cornell University", "Rogers Centre") stands for the
        # town only when it is a city, or close to another place the document names (divisions and countries
        # stay: "Arizona State University", "Britain's High Court")
        nearby = [(key(m.surface), m.chosen) for m in live if m.chosen is not None and not getattr(m, "facility", False)
                  and m.chosen.fcode not in ("PCLI", "CONT", "RGN", "ADM1") and m.chosen.lat is not None]
        for m in live:
            p = m.chosen
            if p is None or not getattr(m, "facility", False) or m.region or m.minor:
                continue
            if p.fcode == "ADM1" and fold(m.surface) != fold(p.name):
                m.chosen, m.ids = None, []  # "Caesar's Palace" is no Cesar Department
            elif p.fclass == "P" and not (
                    (p.population >= 100_000 or any(
                        k != key(m.surface) and _distance_km(p, q) < 100 for k, q in nearby))):
                m.chosen = None
                m.ids = []
        # sentence-initial single words that name only small places are usually common words
        seen_inside = {key(m.surface) for m in live if not m.initial}
        for m in live:
            p = m.chosen
            if m.initial and p is not None and key(m.surface) not in seen_inside and not getattr(m, "placed", False):
                if p.fcode not in ("PCLI", "ADM1", "PPLC", "RGN", "CONT") and p.population < 20000:
                    m.chosen = None
                    m.ids = []
        mentions[:] = [m for m in mentions if m.chosen is not None or m.ids]

    def _contain(self, hints, places: dict[int, Place]) -> None:
        """Structured hints of containment ("Enma market (Al Mansurah, Aden)", "Suntai (Bali, Taraba)",
        "La Plata (Buenos Aires)", "Shadadah in Al-Hasakeh"): the pair of readings that puts the inner place
        in the container (its division, or its country) wins; the container then means its division. A comma
        or a parenthesis rules out inner readings in other countries, and an inner place with no reading
        in the container's country is dropped rather than guessed."""
        for a, b, strong in reversed(hints):
            b.container = True  # type: ignore[attr-defined]
            if not b.scores or (a.chosen is not None and a.chosen.fcode in ("ADM1", "PCLI", "CONT", "RGN") and not (
                    strong is True and a.chosen.fcode == "ADM1" and all(places[g].country != a.chosen.country for g in b.scores))):
                continue  # "Taraba, Nigeria", "Syria, Iraq": no containment; but "(Bali, Taraba)" names a district
            opts = dict(b.scores)
            division: dict[int, int] = {}  # a seat city's reading -> its division's reading
            for gid, sc in b.scores.items():
                q = places[gid]
                if q.fcode in ("PPLA", "PPLC") and q.admin1:
                    adm = self.gazetteer.admin1_ids.get((q.country, q.admin1))
                    if adm is not None and adm != gid:
                        got = self.gazetteer.places([adm])
                        if adm in got:
                            places.setdefault(adm, got[adm])
                            division[gid] = adm

            def bonus(p: Place, q: Place) -> float:
                if p.fcode in ("PCLI", "CONT", "RGN") or p.country != q.country:
                    return 0.0
                if q.fcode != "PCLI" and q.admin1 and p.admin1 == q.admin1:
                    return 3.0
                return 1.5

            def value(gid: int) -> float:  # readings that agree beat bigger ones that do not
                q = places[gid]
                inner = max((sc + {3.0: 4.0, 1.5: 1.0}.get(bonus(places[g], q), 0.0) for g, sc in a.scores.items()),
                            default=0.0)
                return opts[gid] + inner

            qid = max(opts, key=value)
            q = places[qid]
            inside = {g for g in a.scores if bonus(places[g], q) >= 3.0}
            a.placed = bool(inside)  # type: ignore[attr-defined]  # "(Razih, Sadah)": the structure vouches for it
            if a.scores:
                for g in a.scores:
                    a.scores[g] += bonus(places[g], q)
                if strong is not False:
                    # "Buruku (Chikun LGA, Kaduna)": a reading outside the named division is a namesake
                    same = inside if strong is True and q.fcode != "PCLI" else \
                        {g for g in a.scores if places[g].country == q.country}
                    if same:
                        a.scores = {g: sc for g, sc in a.scores.items() if g in same}
                    elif q.fcode in ("ADM1", "PCLI", "PPLA", "PPLC") and opts[qid] >= 6.0 \
                            and not (a.chosen is not None and a.chosen.population >= 100_000 and a.chosen.fclass == "P"
                                     and any(g == a.chosen.geonameid and kind == 0 for g, kind, _ in a.ids)):
                        # (a division of another country is never inside this one: "(Bali, Taraba)" is a district)
                        a.scores, a.ids, a.chosen = {}, [], None
                if a.scores:
                    a.chosen = places[max(a.scores, key=a.scores.get)]
            # the container is the division when something lies in it, or when a parenthesis closes on it
            adm = division.get(qid)
            if adm is not None and (inside or (strong is True and not a.scores)):
                b.scores = {adm: max(b.scores.values()) + 1.0}
                qid = adm
            elif q.fcode == "ADM1" and (inside or strong is True):
                b.scores = {qid: max(b.scores.values()) + 1.0}
            elif inside:
                b.scores[qid] = max(b.scores.values()) + 0.5
            b.chosen = places[max(b.scores, key=b.scores.get)]

    def _countries(self, codes: set[str]) -> dict[str, Place]:
        rows = self.gazetteer.conn.execute(
            f"SELECT geonameid FROM places WHERE fcode='PCLI' AND country IN ({','.join('?' * len(codes))})", list(codes)
        ).fetchall()
        return {p.country: p for p in self.gazetteer.places([r[0] for r in rows]).values()}

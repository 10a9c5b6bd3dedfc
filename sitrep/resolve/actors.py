"""The actor registry: named armed groups and institutions, and generic actor nouns.

`ActorRegistry.find(text, language)` returns the actor mentions of a text:

- named actors by alias ("ЗСУ", "Legiunea pentru Libertatea Rusiei", "RSF"), from
  `data/actors.yaml` plus user files; aliases are language-independent patterns;
- a generic role noun next to a nationality, in either order and with the language's
  connectors in between ("Russian security forces", "forțele de securitate ruse",
  "военные России", "forces of the Russian Federation"), which names a country's actor:
  "Military Forces of Russia", "Police Forces of X", "Civilians (X)", "Protesters (X)",
  "Rioters (X)", "Unidentified Armed Group (X)", ...;
- a role noun alone ("the protesters"): only `role` is set; callers fill the canonical name
  with the document's country through `canonical_for(role, country)`.

A role noun right next to a named actor is absorbed into it ("M23 rebels", "luptătorii
Hamas"). A nationality alone ("Russian") is never an actor.

Patterns use the pack phrase syntax (sitrep/lang/lexicon.py): `word*` stems, `...` gaps of
up to three words, `#` numbers, case and diacritics folded. A pattern starting with `=` is
case-sensitive ("=UN" does not match Romanian/French "un"). Per-language words come from the
`actors` file of each language pack (`nationalities`, `roles`, and optionally `connectors`,
`coordinators`, `not_nationalities`, `order`).

Matching is an index on the first word of every pattern: the text is tokenised once, each
token looks up the patterns that can start there, and only those regexes are tried at that
position, so the cost grows with the text, not with the number of patterns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml

from sitrep.lang.text import fold

DATA_DIR = Path(__file__).with_name("data")
ACTORS_FILE = DATA_DIR / "actors.yaml"
COUNTRIES_FILE = DATA_DIR / "countries.yaml"
ENV_VAR = "SITREP_ACTORS"

KINDS = (
    "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
    "protesters", "civilians", "external_force", "political_party",
)
# ACLED "inter" codes of the kinds (political parties have none of their own).
INTER_CODES = {
    "state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_force": 8,
}

# role → template of the primary ACLED actor a country's role noun names. {of} is the name as
# written after "of" ("the Democratic Republic of Congo"), {name} the plain name, {adj} the
# English adjective.
ROLE_TEMPLATES = {
    "military": "Military Forces of {of}",
    "security_forces": "Military Forces of {of}",
    "invaders": "Military Forces of {of}",
    "police": "Police Forces of {of}",
    "government": "Government of {of}",
    "civilians": "Civilians ({name})",
    "children": "Civilians ({name})",
    "women": "Civilians ({name})",
    "students": "Civilians ({name})",
    "workers": "Civilians ({name})",
    "farmers": "Civilians ({name})",
    "refugees": "Civilians ({name})",
    "prisoners": "Civilians ({name})",
    "journalists": "Civilians ({name})",
    "health_workers": "Civilians ({name})",
    "aid_workers": "Civilians ({name})",
    "protesters": "Protesters ({name})",
    "rioters": "Rioters ({name})",
    "gunmen": "Unidentified Armed Group ({name})",
    "militants": "Unidentified Armed Group ({name})",
    "rebels": "Rebels ({name})",
    "partisans": "{adj} partisans",
    "settlers": "Settlers ({name})",
    "weapons": "Military Forces of {of}",  # "Russian drones": the side that fires them
}
# role → ACLED associated-actor label (the group the civilians belong to).
ASSOCIATED_TEMPLATES = {
    "children": "Children ({name})",
    "women": "Women ({name})",
    "students": "Students ({name})",
    "workers": "Labor Group ({name})",
    "farmers": "Farmers ({name})",
    "refugees": "Refugees/IDPs ({name})",
    "prisoners": "Prisoners ({name})",
    "journalists": "Journalists ({name})",
    "health_workers": "Health Workers ({name})",
    "aid_workers": "Aid Workers ({name})",
}
ROLE_KINDS = {
    "military": "state_forces", "security_forces": "state_forces", "invaders": "state_forces",
    "police": "state_forces", "government": "state_forces", "protesters": "protesters",
    "rioters": "rioters", "gunmen": "political_militia", "militants": "political_militia",
    "rebels": "rebel_group", "partisans": "rebel_group", "settlers": "identity_militia", "weapons": "state_forces",
}
# Role nouns next to a named actor that name that actor ("M23 rebels", "IDF soldiers"); a
# population noun ("Shor Party protesters") stays a mention of its own.
# Role nouns that name a side only with a nationality ("Russian drones"; "drones" alone names no one).
NATIONAL_ONLY_ROLES = frozenset({"weapons"})
ABSORBED_ROLES = frozenset({"weapons", "military", "security_forces", "police", "government", "invaders", "rebels",
                            "militants", "gunmen", "partisans"})
for _role in ("civilians", *ASSOCIATED_TEMPLATES):
    ROLE_KINDS[_role] = "civilians"

# Prefixes that turn a nationality into its opposite or a mere alignment ("pro-Russian").
_NOT_BEFORE_NATIONALITY = re.compile(r"(?:^|\W)(?:pro|anti|non|filo|ex|про|анти)[\s\-]*$")
_PERIOD_SUFFIX = re.compile(r"\s*\(\d{4}-\d{0,4}\)")
_TOKEN = re.compile(r"\w+")
_GAP_WORDS = re.compile(r"\w+")
_GAP_PUNCT = re.compile(r"[^\w\s\-']")
# Quotes and slashes are spaces for matching ("ПВК «Вагнер»", "AFC/M23"); same length.
# (One regex substitution: str.translate looks up every character of non-Latin text in a dict.)
_SPACED = re.compile('["/«»„“”‹›]')


def _spaced(text: str) -> str:
    return _SPACED.sub(" ", text)


_WORD_GAP = r"(?:[\s\-]+\w+){0,3}"
_WORD_SEP = r"[\s\-]+"


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    mention: str
    canonical: str | None
    kind: str | None
    country: str | None
    role: str | None
    named: bool = False  # found by a named actor's alias (not built from a role noun)


@dataclass
class NamedActor:
    name: str
    kind: str | None
    country: str | None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None


def _word_regex(word: str) -> str:
    if word == "#":
        return r"\d+(?:[.,\s]\d{3})*"
    if word.endswith("*") and len(word) > 1:
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


def _pattern_regex(words: Sequence[str]) -> str:
    parts: list[str] = []
    for word in words:
        if word == "...":
            parts.append(_WORD_GAP)
            continue
        if parts:
            parts.append(_WORD_SEP)
        parts.append(_word_regex(word))
    return "".join(parts) + r"(?!\w)"


class _Index:
    """Patterns indexed by their first word; `scan` tries only the patterns a token can start."""

    def __init__(self) -> None:
        self._sources: list[tuple[str, bool]] = []  # regex source, case-sensitive
        self._compiled: list[re.Pattern[str] | None] = []
        self.labels: list[tuple[str, str]] = []  # (group, label)
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._prefix_lengths: list[int] = []
        self._numeric: list[int] = []
        self._pair: dict[tuple[str, str], list[int]] = {}
        self._cache: dict[str, tuple[int, ...]] = {}

    def add(self, group: str, label: str, pattern: str) -> None:
        if not isinstance(pattern, str):
            return
        pattern = pattern.strip()
        case_sensitive = pattern.startswith("=")
        if case_sensitive:
            pattern = pattern[1:].strip()
        if not pattern:
            return
        words = _spaced(pattern if case_sensitive else fold(pattern)).split()
        words = [w for w in words if w]
        while words and words[0] == "...":
            words.pop(0)
        if not words:
            return
        pid = len(self._sources)
        self._sources.append((_pattern_regex(words), case_sensitive))
        self._compiled.append(None)
        self.labels.append((group, label))
        first = fold(words[0])
        if first == "#":
            self._numeric.append(pid)
            return
        stem = first.endswith("*") and len(first) > 1
        core = first[:-1] if stem else first
        run = _TOKEN.match(core)
        if run is None:
            return  # a first word without letters cannot start a match at a token
        if stem and run.group() == core:
            self._prefix.setdefault(core, []).append(pid)
        elif len(words) > 1 and run.group() == core and _TOKEN.fullmatch(fold(words[1]) or "-"):
            # Two plain words: index by both, so "republic" does not try 180 country names.
            self._pair.setdefault((core, fold(words[1])), []).append(pid)
        else:
            self._exact.setdefault(run.group(), []).append(pid)

    def freeze(self) -> None:
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        self._cache.clear()

    def _regex(self, pid: int) -> re.Pattern[str]:
        compiled = self._compiled[pid]
        if compiled is None:
            source, case_sensitive = self._sources[pid]
            compiled = re.compile(source)
            self._compiled[pid] = compiled
        return compiled

    def scan(self, folded: str, original: str, token_list: Sequence[tuple[int, str]]) -> list[tuple[int, int, int]]:
        """Every match as (start, end, pattern id); matches may overlap."""
        found: list[tuple[int, int, int]] = []
        exact, prefix, lengths = self._exact, self._prefix, self._prefix_lengths
        cache, pair = self._cache, self._pair
        if len(cache) > 50000:
            cache.clear()
        last = len(token_list) - 1
        for i, (pos, token) in enumerate(token_list):
            base = cache.get(token)
            if base is None:
                found_ids: list[int] = list(exact.get(token, ()))
                size = len(token)
                for length in lengths:
                    if length > size:
                        break
                    hit = prefix.get(token[:length])
                    if hit:
                        found_ids.extend(hit)
                if self._numeric and token.isdigit():
                    found_ids.extend(self._numeric)
                base = cache[token] = tuple(found_ids)
            candidates: Sequence[int] = base
            if i < last:
                extra = pair.get((token, token_list[i + 1][1]))
                if extra:
                    candidates = base + tuple(extra)
            for pid in candidates:
                text = original if self._sources[pid][1] else folded
                m = self._regex(pid).match(text, pos)
                if m:
                    found.append((pos, m.end(), pid))
        return found


def _longest(matches: Iterable[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping matches preferring the longest (then the earliest), in text order."""
    taken: list[tuple[int, int, Any]] = []
    for m in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(m[1] <= t[0] or m[0] >= t[1] for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m[0])


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int, Any]]) -> bool:
    return any(span[0] < s[1] and s[0] < span[1] for s in spans)


@dataclass
class _LanguageMatcher:
    index: _Index
    connectors: frozenset[str]
    coordinators: frozenset[str]
    prefer_before: bool


def _load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def _language_actor_section(code: str) -> dict[str, Any]:
    """The `actors` file of a language pack (read directly when the pack is incomplete)."""
    try:
        from sitrep.lang.pack import load_pack

        data = load_pack(code).section("actors", None, {})
        if isinstance(data, dict) and data:
            return data
    except Exception:  # noqa: BLE001 - a pack without pack.yaml still has its actors file
        pass
    from sitrep.lang.pack import PACKS_DIR

    path = PACKS_DIR / code / "actors.yaml"
    return _load_yaml(path) if path.is_file() else {}


def _available_actor_languages() -> list[str]:
    from sitrep.lang.pack import PACKS_DIR

    return sorted(p.parent.name for p in PACKS_DIR.glob("*/actors.yaml"))


class ActorRegistry:
    """Named actors, countries and per-language role/nationality words, compiled once."""

    def __init__(self, actors: Sequence[NamedActor], countries: Mapping[str, Mapping[str, Any]],
                 language_extras: Mapping[str, Mapping[str, Any]] | None = None):
        self.actors: dict[str, NamedActor] = {}
        for actor in actors:
            self._add_actor(actor)
        self.countries = {code.upper(): dict(value) for code, value in countries.items()}
        self._language_extras = {k: dict(v) for k, v in (language_extras or {}).items()}
        self._by_words: dict[frozenset[str], str] = {}
        for name in self.actors:
            self._by_words.setdefault(_name_key(name), name)
        self._named_patterns = [(a.name, alias) for a in self.actors.values() for alias in [a.name, *a.aliases]]
        self._matchers: dict[str, _LanguageMatcher] = {}

    # ----- loading -------------------------------------------------------------------
    @classmethod
    def load(cls, extra_paths: Iterable[str | os.PathLike[str]] = ()) -> "ActorRegistry":
        """The built-in registry, extended by files in $SITREP_ACTORS (colon-separated) and
        `extra_paths` (same format as data/actors.yaml; later files add aliases to or
        override actors of the same name)."""
        paths = [ACTORS_FILE]
        env = os.environ.get(ENV_VAR, "")
        paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
        paths += [Path(p) for p in extra_paths]
        return _load_cached(tuple(str(p) for p in paths))

    @classmethod
    def from_files(cls, paths: Sequence[str | os.PathLike[str]]) -> "ActorRegistry":
        actors: list[NamedActor] = []
        extras: dict[str, dict[str, Any]] = {}
        for path in paths:
            data = _load_yaml(Path(path))
            entries = data.get("actors", []) if isinstance(data, dict) else data
            for entry in entries or []:
                if not isinstance(entry, dict) or not entry.get("name"):
                    continue
                actors.append(NamedActor(
                    name=str(entry["name"]).strip(),
                    kind=entry.get("kind"),
                    country=_iso2(entry.get("country")),
                    aliases=[str(a) for a in entry.get("aliases") or []],
                    note=entry.get("note"),
                ))
            if isinstance(data, dict):
                for code, section in (data.get("languages") or {}).items():
                    _merge_language(extras.setdefault(str(code).lower(), {}), section or {})
        countries = _load_yaml(COUNTRIES_FILE).get("countries", {})
        return cls(actors, countries, extras)

    def _add_actor(self, actor: NamedActor) -> None:
        existing = self.actors.get(actor.name)
        if existing is None:
            self.actors[actor.name] = NamedActor(actor.name, actor.kind, actor.country, list(actor.aliases), actor.note)
            return
        existing.aliases.extend(a for a in actor.aliases if a not in existing.aliases)
        existing.kind = actor.kind or existing.kind
        existing.country = actor.country or existing.country

    # ----- per-language matcher -------------------------------------------------------
    def _matcher(self, language: str | None) -> _LanguageMatcher:
        code = (language or "en").lower().split("-")[0].split("_")[0]
        matcher = self._matchers.get(code)
        if matcher is not None:
            return matcher
        section = _language_actor_section(code)
        if not section and code != "en":
            matcher = self._matcher("en")
            self._matchers[code] = matcher
            return matcher
        section = dict(section)
        extra = self._language_extras.get(code)
        if extra:
            merged: dict[str, Any] = {}
            _merge_language(merged, section)
            _merge_language(merged, extra)
            section = merged
        index = _Index()
        for name, alias in self._named_patterns:
            index.add("named", name, alias)
        for role, phrases in (section.get("roles") or {}).items():
            for phrase in phrases or []:
                index.add("role", str(role), phrase)
        for country, phrases in (section.get("nationalities") or {}).items():
            for phrase in phrases or []:
                index.add("nat", _iso2(country) or "", phrase)
        for phrase in section.get("not_nationalities") or []:
            index.add("nat", "", phrase)
        index.freeze()
        matcher = _LanguageMatcher(
            index=index,
            connectors=frozenset(fold(str(w)) for w in section.get("connectors") or []),
            coordinators=frozenset(fold(str(w)) for w in section.get("coordinators") or []),
            prefer_before=str(section.get("order", "before")).lower() != "after",
        )
        self._matchers[code] = matcher
        return matcher

    def warm(self, languages: Iterable[str] | None = None) -> None:
        """Build the matchers up front (otherwise built on a language's first use)."""
        for code in languages or _available_actor_languages():
            self._matcher(code)

    # ----- finding --------------------------------------------------------------------
    def find(self, text: str, language: str | None = "en", folded: str | None = None) -> list[ActorMention]:
        """`folded`: the text already folded (`sitrep.lang.text.fold`), where the caller has it."""
        matcher = self._matcher(language)
        folded = _spaced(fold(text) if folded is None else folded)
        original = _spaced(text)
        token_list = [(m.start(), m.group()) for m in _TOKEN.finditer(folded)]
        raw = matcher.index.scan(folded, original, token_list)
        labels = matcher.index.labels
        named_raw, role_raw, nat_raw = [], [], []
        for start, end, pid in raw:
            group, label = labels[pid]
            item = (start, end, label)
            if group == "named":
                named_raw.append(item)
            elif group == "role":
                role_raw.append(item)
            else:
                nat_raw.append(item)
        named = _longest(named_raw)
        roles = [r for r in _longest(role_raw) if not _overlaps(r, named)]
        nats = [n for n in _longest(nat_raw) if n[2] and not _overlaps(n, named) and not _overlaps(n, roles)]
        nats = [n for n in nats if not _NOT_BEFORE_NATIONALITY.search(folded[max(0, n[0] - 7):n[0]])]

        mentions: list[ActorMention] = []
        named_spans = [[s, e, name] for s, e, name in named]
        combos: list[list[Any]] = []  # [start, end, role, country]
        alone: list[tuple[int, int, str]] = []
        for start, end, role in roles:
            links = self._nationalities_for(folded, (start, end), nats, matcher, roles)
            for nat in links:
                combos.append([min(start, nat[0]), max(end, nat[1]), role, nat[2]])
            if not links:
                alone.append((start, end, role))
        armed_combos = [c for c in combos if c[2] in ABSORBED_ROLES]
        for start, end, role in alone:
            if role in ABSORBED_ROLES:
                host = self._adjacent_named(folded, (start, end), named_spans, matcher)
                if host is None:
                    host = self._adjacent_named(folded, (start, end), armed_combos, matcher)
                if host is not None:
                    host[0], host[1] = min(host[0], start), max(host[1], end)
                    continue
            if role in NATIONAL_ONLY_ROLES:
                continue  # "drones" alone names no one
            mentions.append(ActorMention(start, end, text[start:end], None, ROLE_KINDS.get(role), None, role))
        for start, end, role, country in combos:
            canonical = self.canonical_for(role, country)
            kind = self.kind_of(canonical) if canonical else ROLE_KINDS.get(role)
            mentions.append(ActorMention(start, end, text[start:end], canonical, kind, country, role))
        for start, end, name in named_spans:
            actor = self.actors[name]
            mentions.append(ActorMention(start, end, text[start:end], name, actor.kind, actor.country,
                                         _role_of_name(name), named=True))
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def _linked(self, folded: str, left: int, right: int, words: frozenset[str], extra_punct: str = "") -> bool:
        """True when folded[left:right] holds only spaces, hyphens, apostrophes and `words`."""
        if right < left:
            return False
        gap = folded[left:right]
        if len(gap) > 30:
            return False
        residue = _GAP_PUNCT.sub(lambda m: "" if m.group() in extra_punct else "\x00", gap)
        if "\x00" in residue:
            return False
        found = _GAP_WORDS.findall(gap)
        return len(found) <= 3 and all(w in words for w in found)

    def _nationalities_for(self, folded: str, span: tuple[int, int], nats: Sequence[tuple[int, int, str]],
                           matcher: _LanguageMatcher, roles: Sequence[tuple[int, int, str]] = ()) -> list[tuple[int, int, str]]:
        before = [n for n in nats if n[1] <= span[0]]
        after = [n for n in nats if n[0] >= span[1]]
        sides = []
        if before and self._linked(folded, before[-1][1], span[0], matcher.connectors):
            sides.append(("before", before))
        if after and self._linked(folded, span[1], after[0][0], matcher.connectors):
            sides.append(("after", after))
        if not sides:
            return []
        if len(sides) == 2:
            sides.sort(key=lambda s: (s[0] == "before") != matcher.prefer_before)
        side, seq = sides[0]
        chain = [seq[-1]] if side == "before" else [seq[0]]
        ordered = list(reversed(seq[:-1])) if side == "before" else seq[1:]
        for nat in ordered:
            last = chain[-1]
            left, right = (nat[1], last[0]) if side == "before" else (last[1], nat[0])
            if self._linked(folded, left, right, matcher.coordinators, extra_punct=",") and not self._bound(folded, nat, span, roles):
                chain.append(nat)
            else:
                break
        return chain

    def _bound(self, folded: str, nat: tuple[int, int, str], span: tuple[int, int],
               roles: Sequence[tuple[int, int, str]]) -> bool:
        """True when another role noun stands right next to `nat` ("wojska rosyjskie i ukraińska
        obrona": "ukraińska" belongs to "obrona", not to "wojska")."""
        for r in roles:
            if (r[0], r[1]) == span:
                continue
            if r[1] <= nat[0] and self._linked(folded, r[1], nat[0], frozenset()):
                return True
            if r[0] >= nat[1] and self._linked(folded, nat[1], r[0], frozenset()):
                return True
        return False

    def _adjacent_named(self, folded: str, span: tuple[int, int], named_spans: list[list[Any]],
                        matcher: _LanguageMatcher) -> list[Any] | None:
        for host in named_spans:
            if host[1] <= span[0] and self._linked(folded, host[1], span[0], matcher.connectors):
                return host
            if host[0] >= span[1] and self._linked(folded, span[1], host[0], matcher.connectors):
                return host
        return None

    # ----- names ----------------------------------------------------------------------
    def country_name(self, country: str | None, with_article: bool = False) -> str | None:
        if not country:
            return None
        record = self.countries.get(country.upper())
        if record is None:
            return None
        name = record.get("name")
        return f"the {name}" if with_article and record.get("the") else name

    def canonical_for(self, role: str, country: str | None) -> str | None:
        """The actor a role noun names in a country ("military", "RU" → "Military Forces of Russia")."""
        template = ROLE_TEMPLATES.get(role)
        if template is None or not country:
            return None
        record = self.countries.get(country.upper())
        if record is None:
            return None
        name = record["name"]
        of = f"the {name}" if record.get("the") else name
        if "{adj}" in template:
            adjective = record.get("adjective")
            if not adjective:
                return f"Partisans ({name})" if role == "partisans" else None
            return template.format(adj=adjective)
        return template.format(of=of, name=name)

    def associated_for(self, role: str, country: str | None) -> str | None:
        """ACLED's associated-actor label for a civilian group ("journalists" → "Journalists (X)")."""
        template = ASSOCIATED_TEMPLATES.get(role)
        name = self.country_name(country)
        return template.format(name=name) if template and name else None

    def kind_of(self, canonical: str | None) -> str | None:
        """The kind of an actor name: a named actor's, or the one its ACLED pattern implies."""
        if not canonical:
            return None
        bare = _PERIOD_SUFFIX.sub("", canonical).strip()
        actor = self.actors.get(bare) or self.actors.get(self._by_words.get(_name_key(bare), ""))
        if actor is not None:
            return actor.kind
        return _kind_from_pattern(bare)

    def get(self, name: str) -> NamedActor | None:
        bare = _PERIOD_SUFFIX.sub("", name).strip()
        return self.actors.get(bare) or self.actors.get(self._by_words.get(_name_key(bare), ""))


def _iso2(value: Any) -> str | None:
    """An ISO2 code from YAML ("NO" unquoted loads as False)."""
    if value is False:
        return "NO"
    if not value:
        return None
    return str(value).strip().upper()


def _merge_language(target: dict[str, Any], section: Mapping[str, Any]) -> None:
    for key, value in section.items():
        if isinstance(value, dict):
            bucket = target.setdefault(key, {})
            for sub, phrases in value.items():
                bucket[sub] = list(bucket.get(sub) or []) + list(phrases or [])
        elif isinstance(value, list):
            target[key] = list(target.get(key) or []) + value
        else:
            target[key] = value


def _name_key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\W_]+", fold(name)) if w and w not in {"the", "of", "a", "an", "and", "in", "for", "to"})


def _role_of_name(name: str) -> str | None:
    if name.startswith("Military Forces of"):
        return "military"
    if name.startswith("Police Forces of"):
        return "police"
    if name.startswith("Government of"):
        return "government"
    return None


def _kind_from_pattern(name: str) -> str | None:
    if name.startswith(("Military Forces of", "Police Forces of", "Government of")):
        return "state_forces"
    head = name.split(" (")[0] if name.endswith(")") else None
    if head is not None:
        if head == "Civilians" or head in {"Children", "Women", "Students", "Labor Group", "Farmers",
                                           "Refugees/IDPs", "Prisoners", "Journalists", "Health Workers",
                                           "Aid Workers"}:
            return "civilians"
        if head == "Protesters":
            return "protesters"
        if head == "Rioters":
            return "rioters"
        if head.endswith(("Ethnic Militia", "Communal Militia", "Clan Militia", "Tribal Militia")) or head == "Settlers":
            return "identity_militia"
        if head.startswith(("Unidentified", "Militia")) or head.endswith("Militia"):
            return "political_militia"
        if head.endswith("Rebels"):
            return "rebel_group"
        if head == "Private Security Forces":
            return "external_force"
    if name.endswith(" partisans"):
        return "rebel_group"
    return None


@lru_cache(maxsize=16)
def _load_cached(paths: tuple[str, ...]) -> ActorRegistry:
    return ActorRegistry.from_files(paths)


def default_registry() -> ActorRegistry:
    return ActorRegistry.load()


def canonical_for(role: str, country: str | None) -> str | None:
    return default_registry().canonical_for(role, country)


def kind_of(canonical: str | None) -> str | None:
    return default_registry().kind_of(canonical)

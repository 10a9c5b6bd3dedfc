"""Who says it: source mentions, attribution to a position in a sentence, and certainty.

Sources are found from the pack's source nouns (with a nationality adjective beside them:
"Presa rusă" → "Russian press"), named actors, and capitalised names next to a person role
or a speech verb. A claim takes the source tied to the attribution cue nearest to it;
a second, media source in the same sentence becomes the intermediary (`via`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.lang.lexicon import Match
from sitrep.lang.pack import LanguagePack
from sitrep.lang.text import WORD_RE, fold

CERTAINTY_ORDER = ("denied", "unconfirmed", "likely", "claimed", "confirmed")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐȘȚ"
_CAP_NAME = re.compile(rf"(?<![\w])[{_UPPER}][\w'’\-]+(?:\s+(?:(?:de|al|von|van|bin|ibn|el)\s+)?[{_UPPER}][\w'’\-]+){{0,3}}", re.UNICODE)
_ROLE_TYPES = {"official": "official", "expert": "expert", "media": "media"}
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str
    type: str
    is_person: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    source: SourceMention | None
    via: SourceMention | None
    cue: Match | None


class SourceFinder:
    def __init__(self, pack: LanguagePack, adjective_of):
        self.pack = pack
        nouns = pack.section("sources", "nouns", {}) or {}
        self.noun_types = {name: (spec or {}).get("type", "other") for name, spec in nouns.items()}
        from sitrep.lang.lexicon import lexicon_from

        self.noun_lexicon = lexicon_from({name: (spec or {}).get("forms", []) for name, spec in nouns.items()})
        self.nationalities = lexicon_from(pack.section("actors", "nationalities", {}) or {})
        self.roles = lexicon_from(pack.section("sources", "person_roles", {}) or {})
        self.according_to = pack.lexicon("attribution", "according_to")
        self.speech = pack.lexicon("attribution", "speech_verbs")
        self.pronouns = pack.lexicon("attribution", "pronouns")
        self.function_words = {fold(w) for w in pack.section("sources", "function_words", [])}
        self.via_cues = pack.lexicon("attribution", "via")
        self.certainty = pack.lexicon("certainty")
        self.adjective_of = adjective_of

    # -- mentions -----------------------------------------------------------------------

    def find(self, text: str, folded: str, actor_mentions=(), place_spans=()) -> list[SourceMention]:
        found: list[SourceMention] = []
        nats = self.nationalities.find(folded)
        for m in self.noun_lexicon.find(folded):
            country = _adjacent(nats, m, folded)
            name = m.label
            if country:
                adjective = self.adjective_of(country.label)
                if adjective:
                    name = f"{adjective} {name}"
                start, end = min(m.start, country.start), max(m.end, country.end)
            else:
                start, end = m.start, m.end
            # "Ministry of Defence" on its own keeps its name; a bare "press" is still a source.
            found.append(SourceMention(start, end, _capitalise(name), self.noun_types.get(m.label, "other")))
        for a in actor_mentions:
            if getattr(a, "canonical", None) and getattr(a, "kind", None) not in (None, "civilians", "role"):
                found.append(SourceMention(a.start, a.end, a.canonical, _actor_source_type(a.kind)))
        taken = [(s.start, s.end) for s in found] + list(place_spans)
        for person in self._persons(text, folded, taken):
            found.append(person)
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        out: list[SourceMention] = []
        for s in found:
            if out and s.start < out[-1].end:
                continue
            out.append(_resolve_bare_noun(s, out))
        return self._with_pronouns(folded, out)

    def _with_pronouns(self, folded: str, mentions: list[SourceMention]) -> list[SourceMention]:
        """A pronoun subject stands for the last person named before it."""
        if not self.pronouns:
            return mentions
        out = list(mentions)
        for p in self.pronouns.find(folded):
            earlier = [m for m in mentions if m.end <= p.start and m.is_person]
            if earlier and not any(m.start <= p.start < m.end for m in mentions):
                ref = earlier[-1]
                out.append(SourceMention(p.start, p.end, ref.name, ref.type, True))
        return sorted(out, key=lambda s: s.start)

    def _persons(self, text: str, folded: str, taken) -> list[SourceMention]:
        """Named people: runs of two to four capitalised words that are nothing else we know
        (not a place, actor, source noun, month), and a lone surname already named in full."""
        speech = self.speech.find(folded)
        roles = self.roles.find(folded)
        out: list[SourceMention] = []
        surnames: dict[str, str] = {}
        for m in _CAP_NAME.finditer(text):
            start, end = m.span()
            words = m.group().split()
            while words and fold(words[0]) in self.function_words:
                start += len(words[0]) + 1
                words = words[1:]
            if not words or any(not (end <= s or start >= e) for s, e in taken):
                continue
            name = " ".join(words)
            if len(words) >= 2:
                role = _near(roles, start, end, 40)
                out.append(SourceMention(start, end, name, _ROLE_TYPES.get(role.label, "official") if role else "official", True))
                surnames.setdefault(fold(words[-1]), name)
            elif fold(words[0]) in surnames and _near(speech, start, end, 30):
                out.append(SourceMention(start, end, surnames[fold(words[0])], "official", True))
        return out

    # -- attribution -----------------------------------------------------------------------

    def attribute(self, folded: str, sources: list[SourceMention], sent_start: int, sent_end: int, position: int) -> Attribution:
        in_sentence = [s for s in sources if sent_start <= s.start and s.end <= sent_end]
        if not in_sentence:
            return Attribution(None, None, None)
        candidates: list[tuple[int, SourceMention, Match]] = []
        for cue in self.according_to.find(folded, sent_start, sent_end):
            after = [s for s in in_sentence if 0 <= s.start - cue.end <= 60]
            if after:
                candidates.append((abs(cue.start - position), after[0], cue))
        for cue in self.speech.find(folded, sent_start, sent_end):
            before = [s for s in in_sentence if 0 <= cue.start - s.end <= 80]
            after = [s for s in in_sentence if 0 <= s.start - cue.end <= 40]
            pick = before[-1] if before else (after[0] if after else None)
            if pick:
                candidates.append((abs(cue.start - position), pick, cue))
        if not candidates:
            return Attribution(None, None, None)
        candidates.sort(key=lambda c: c[0])
        _, source, cue = candidates[0]
        via = None
        others = [c[1] for c in candidates[1:] if c[1].name != source.name]
        if others:
            media = [o for o in others if o.type == "media" or not o.is_person]
            if source.type == "media" and others[0].type != "media" and others[0].is_person:
                source, via = others[0], source
            elif media and media[0].type == "media":
                via = media[0]
        return Attribution(source, via, cue)

    def certainty_at(self, folded: str, sent_start: int, sent_end: int, position: int, attributed: bool) -> str:
        cues = [c for c in self.certainty.find_all(folded, sent_start, sent_end) if c.label != "reported"]
        if cues:
            ranked = sorted(cues, key=lambda c: (_clause_distance(folded, c, position), CERTAINTY_ORDER.index(c.label) if c.label in CERTAINTY_ORDER else 9))
            best = ranked[0]
            if _clause_distance(folded, best, position) < 160:
                return best.label
        return "reported" if attributed else "asserted"


def _resolve_bare_noun(mention: SourceMention, earlier: list[SourceMention]) -> SourceMention:
    """"the ministry" after "Russia's Defence Ministry" is that ministry: reuse the fuller name."""
    words = set(mention.name.casefold().split())
    for prior in reversed(earlier):
        if prior.name != mention.name and words < set(prior.name.casefold().split()):
            return SourceMention(mention.start, mention.end, prior.name, prior.type, prior.is_person)
    return mention


def _clause_distance(folded: str, cue: Match, position: int) -> int:
    lo, hi = sorted((cue.start, position))
    penalty = 40 * len(_CLAUSE_BREAK.findall(folded, lo, hi))
    return hi - lo + penalty


def _adjacent(nats: list[Match], m: Match, folded: str) -> Match | None:
    for n in nats:
        gap = folded[m.end:n.start] if n.start >= m.end else folded[n.end:m.start]
        if len(gap) <= 12 and not re.search(r"[,.;:]", gap) and len(WORD_RE.findall(gap)) <= 2:
            return n
    return None


def _near(matches: list[Match], start: int, end: int, distance: int) -> Match | None:
    for m in matches:
        if 0 <= m.start - end <= distance or 0 <= start - m.end <= distance:
            return m
    return None


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"[.!?\n]\s*$", before))


def _capitalise(name: str) -> str:
    return name[:1].upper() + name[1:]


def _actor_source_type(kind: str | None) -> str:
    return {
        "state_forces": "military", "rebel_group": "armed_group", "political_militia": "armed_group",
        "identity_militia": "armed_group", "external_force": "military", "government": "government",
    }.get(kind or "", "other")

"""Who says it: source mentions, attribution to a position in a sentence, and certainty.

Sources are found from the pack's source nouns (with a nationality adjective beside them:
"Presa rusă" → "Russian press"), named actors, and capitalised names next to a person role
or a speech verb. A claim takes the source tied to the attribution cue nearest to it;
a second, media source in the same sentence becomes the intermediary (`via`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.lang.lexicon import Match, lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.lang.morph import nominative_name, plain_word
from sitrep.lang.segment import sentence_initial
from sitrep.lang.text import UPPER, WORD_RE, fold

CERTAINTY_ORDER = ("denied", "unconfirmed", "likely", "claimed", "confirmed")


def _name_regex(connectors: set[str], articles: set[str] = frozenset()) -> re.Pattern[str]:
    """Runs of capitalised words, with the pack's lower-case name words between them
    ("Committee of the ... Union", "bin Salman"); an article only after a connector."""
    joined = "|".join(re.escape(c) for c in sorted(connectors, key=len, reverse=True)) or "(?!)"
    article = "|".join(re.escape(a) for a in sorted(articles, key=len, reverse=True)) or "(?!)"
    # A name never runs across a line break: a heading ("Bilanțul") is not part of the next line's name.
    space = r"[^\S\n]+"
    link = rf"(?:{joined}){space}(?:(?:{article}){space})?"
    return re.compile(rf"(?<![\w])[{UPPER}][\w'’\-]+(?:{space}(?:{link}){{0,2}}[{UPPER}][\w'’\-]+){{0,5}}")
_STRONG_BREAK = re.compile(r"[;]|:\s|\s[-–—]\s")
_HEADED = re.compile(r"\s*[:—–-]\s")
# A verb right after a comma or quote opens its clause: its subject follows ("..., spun surse").
_CLAUSE_START = re.compile(r"[,;:\"”»]\s*$")
_ROLE_TYPES = {"official": "official", "expert": "expert", "media": "media"}
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str
    type: str
    is_person: bool = False
    origin: str = "noun"  # noun, actor, name or pronoun: how it was found
    noun: str | None = None  # the pack's source noun it came from, for nouns
    neutral: bool = False  # monitors, investigators, international bodies: no side in the conflict


@dataclass(frozen=True, slots=True)
class Attribution:
    source: SourceMention | None
    via: SourceMention | None
    cue: Match | None


class SourceFinder:
    def __init__(self, pack: LanguagePack, adjective_of):
        self.pack = pack
        nouns = pack.section("sources", "nouns", {}) or {}
        self.noun_specs = {name: (spec or {}) for name, spec in nouns.items()}
        self.nationality_position = pack.section("sources", "nationality_position", None) or "both"
        from sitrep.lang.lexicon import lexicon_from

        self.noun_lexicon = lexicon_from({name: (spec or {}).get("forms", []) for name, spec in nouns.items()})
        self.possessives = {fold(w) for w in pack.section("attribution", "possessives", []) if isinstance(w, str)}
        # "the report", "the statement": whoever issued it, named before.
        self.referring = {name for name, spec in nouns.items() if (spec or {}).get("refers_back")}
        # Forms written in capitals are acronyms: "WHO" is the health agency, "who" a pronoun.
        self.acronyms = {fold(f) for spec in nouns.values() for f in (spec or {}).get("forms", [])
                         if isinstance(f, str) and len(f) > 1 and f.isupper()}
        self.nationalities = lexicon_from(pack.section("actors", "nationalities", {}) or {})
        self.roles = lexicon_from(pack.section("sources", "person_roles", {}) or {})
        self.according_to = pack.lexicon("attribution", "according_to")
        self.reportative = pack.lexicon("attribution", "reportative")
        self.speech = pack.lexicon("attribution", "speech_verbs")
        self.pronouns = pack.lexicon("attribution", "pronouns")
        self.function_words = {fold(w) for w in pack.section("sources", "function_words", [])}
        self.morphology = pack.meta.get("morphology")
        connectors = {fold(w) for w in pack.section("sources", "name_connectors", []) if isinstance(w, str)}
        articles = {fold(w) for w in pack.section("sources", "name_articles", []) if isinstance(w, str)}
        self.name_connectors = connectors | articles  # stripped from either end of a run
        numbers = pack.section("numbers")
        ones = {fold(str(w)) for w, v in (numbers.get("words") or {}).items() if v == 1}
        self.leading_words = articles | ones | {fold(w) for w in numbers.get("articles") or [] if isinstance(w, str)}
        self.name_runs = _name_regex(connectors, articles)
        self.via_cues = pack.lexicon("attribution", "via")
        self.citing = pack.lexicon("attribution", "citing")
        # Lexicon phrases drop punctuation, so the breaks written after a comma (", and", ", iar")
        # are matched apart and kept only where the text has the comma: a bare "and" joins two
        # verbs of one subject ("declared ... and accused the army").
        breaks = [w for w in pack.section("attribution", "clause_breaks", []) or [] if isinstance(w, str)]
        self.clause_breaks = lexicon_from({"x": [w for w in breaks if not w.lstrip().startswith(",")]})
        self.comma_breaks = lexicon_from({"x": [w.lstrip()[1:] for w in breaks if w.lstrip().startswith(",")]})
        self.coordinators = pack.lexicon("actors", "coordinators")
        self.certainty = pack.lexicon("certainty")
        self.adjective_of = adjective_of

    # -- mentions -----------------------------------------------------------------------

    def find(self, text: str, folded: str, actor_mentions=(), place_spans=(), speaking_places=()) -> list[SourceMention]:
        """Every source mention; `speaking_places` are (start, end, government) of places that
        speak for their state ("Kyiv said", "Rwanda accuses")."""
        nouns = [n for n in self._noun_mentions(text, folded)
                 if not (folded[n.start:n.end] in self.acronyms and not text[n.start:n.end].isupper())]
        actors = [self._actor_source(a) for a in actor_mentions]
        actors = [a for a in actors if a is not None]
        actors += [SourceMention(s, e, name, "government", origin="actor") for s, e, name in speaking_places]
        names = self._names(text, folded, nouns, actors, list(place_spans))
        # A proper name wins over the generic noun inside it ("Sudan Doctors' Union" is not
        # "doctors") and over a title right before it ("губернатора Вячеслава Гладкова").
        nouns = [n for n in nouns if not any(m.start <= n.start and n.end <= m.end for m in names)
                 and not _titles_a_name(n, names)]
        actors = [a for a in actors if not _titles_a_name(a, names)]
        found = sorted(nouns + actors + names, key=lambda s: (s.start, -(s.end - s.start)))
        out: list[SourceMention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            if mention.origin == "noun" and self.noun_specs.get(mention.noun, {}).get("last_speaker"):
                out.append(self._last_speaker(folded, mention, out))
                continue
            owned = mention.origin == "noun" and self._possessed(folded, mention)
            out.append(_resolve_bare_noun(mention, out, self.referring, owned))
        return self._with_pronouns(folded, out)

    def _last_speaker(self, folded: str, mention: SourceMention, earlier: list[SourceMention]) -> SourceMention:
        """"according to the same source": the last source named before that spoke (its speech verb
        right after it, or right before it, or "according to" before it), whoever it was."""
        for prior in reversed(earlier):
            lo = max(0, prior.start - 30)
            spoke = any(0 <= v.start - prior.end <= 15 for v in self.speech.find(folded, prior.end, prior.end + 24)) \
                or any(0 <= prior.start - v.end <= 5 for v in self.speech.find(folded, lo, prior.start)) \
                or any(0 <= prior.start - c.end <= 3 for c in self.according_to.find(folded, lo, prior.start))
            if spoke:
                return SourceMention(mention.start, mention.end, prior.name, prior.type, prior.is_person, prior.origin,
                                     prior.noun, prior.neutral)
        return mention

    def _possessed(self, folded: str, mention: SourceMention) -> bool:
        """"its general staff", "purtătorul său de cuvânt": a possessive word next to the noun."""
        before = folded[max(0, mention.start - 12):mention.start].split()
        inside_or_after = folded[mention.start:min(len(folded), mention.end + 8)].split()[1:2]
        return bool((before and before[-1] in self.possessives) or set(inside_or_after) & self.possessives)

    def _noun_mentions(self, text: str, folded: str) -> list[SourceMention]:
        nats = self.nationalities.find(folded)
        out = []
        for m in self.noun_lexicon.find(folded):
            spec = self.noun_specs.get(m.label, {})
            country = None if spec.get("international") else _adjacent(nats, m, folded, self.nationality_position)
            # Generic nouns may keep the words the text used ("a rescue worker"), institutions
            # take their canonical English name ("Defence Ministry" → "Ministry of Defence").
            name = _plain_form(folded[m.start:m.end], self.leading_words) if spec.get("keep_form") else m.label
            if spec.get("proper"):
                name = text[m.start:m.end]  # an outlet's own name, as the text spells it ("Reuters", "AFP")
            start, end = m.start, m.end
            if country:
                adjective = self.adjective_of(country.label)
                if adjective:
                    name = f"{adjective} {name}"
                start, end = min(m.start, country.start), max(m.end, country.end)
            out.append(SourceMention(start, end, _capitalise(name), spec.get("type", "other"), noun=m.label,
                                     neutral=bool(spec.get("international") or spec.get("neutral"))))
        return out

    def _actor_source(self, a) -> SourceMention | None:
        """Actors speak too: a named group, or a role noun ("the invaders claim")."""
        canonical = getattr(a, "canonical", None)
        kind = getattr(a, "kind", None)
        role = getattr(a, "role", None)
        if role == "weapons":
            return None  # "Russian missiles" say nothing
        if canonical and kind not in (None, "civilians"):
            return SourceMention(a.start, a.end, canonical, _actor_source_type(kind), origin="actor")
        if role and role not in ("civilians", "children"):
            label = role.replace("_", " ")
            adjective = self.adjective_of(a.country) if getattr(a, "country", None) else None
            return SourceMention(a.start, a.end, _capitalise(f"{adjective} {label}" if adjective else label),
                                 _actor_source_type(kind), origin="actor")
        return None

    def _with_pronouns(self, folded: str, mentions: list[SourceMention]) -> list[SourceMention]:
        """A pronoun subject stands for the last person named before it."""
        if not self.pronouns:
            return mentions
        out = list(mentions)
        for p in self.pronouns.find(folded):
            earlier = [m for m in mentions if m.end <= p.start and m.is_person]
            if earlier and not any(m.start <= p.start < m.end for m in mentions):
                ref = earlier[-1]
                out.append(SourceMention(p.start, p.end, ref.name, ref.type, True, origin="pronoun"))
        return sorted(out, key=lambda s: s.start)

    def _names(self, text: str, folded: str, nouns, actors, place_spans) -> list[SourceMention]:
        """Named people and organisations: capitalised runs that are not a place, an actor or a
        month, and a lone surname of someone already named in full."""
        speech = self.speech.find(folded)
        roles = self.roles.find(folded)
        # "Nach Angaben des Ministeriums": the words of an attribution cue start no name.
        cue_spans = self.according_to.find(folded)
        out: list[SourceMention] = []
        surnames: dict[str, str] = {}
        blocked = [(a.start, a.end) for a in actors] + place_spans
        for m in self.name_runs.finditer(text):
            start, end = m.span()
            words = m.group().split()
            while words and (fold(words[0]) in self.function_words or any(c.start <= start < c.end for c in cue_spans)
                             or (sentence_initial(text, start) and self.morphology == "pymorphy3" and plain_word(words[0], self.pack.code))):
                start += len(words[0]) + 1  # "The", "Невдовзі" (soon): capitalised only by position
                words = words[1:]
            while words and fold(words[-1]) in self.name_connectors:
                end -= len(words[-1]) + 1
                words = words[:-1]
            while len(words) > 1 and any(n.start <= start and start + len(words[0]) <= n.end for n in nouns):
                start += len(words[0]) + 1  # "Residents of ...": a sentence-initial common noun
                words = words[1:]
                while words and fold(words[0]) in self.name_connectors:
                    start += len(words[0]) + 1
                    words = words[1:]
            # "Ankündigung von Ministerpräsident Irakli Kobachidse": a title inside the run is
            # followed by the person's name, which is the source.
            title = next((r for r in reversed(roles) if start <= r.start and r.end < end), None)
            if title is not None and len(text[title.end:end].split()) >= 2:
                start = title.end + len(text[title.end:end]) - len(text[title.end:end].lstrip())
                words = text[start:end].split()
            if not words or _mostly_covered(start, end, blocked):
                continue
            # A place at either end is no part of a name ("Октябрьский Белгородского района":
            # a village and its district, not a person).
            while words and any(s <= start < e for s, e in place_spans):
                start += len(words[0]) + 1
                words = words[1:]
            while words and any(s < end <= e for s, e in place_spans):
                end -= len(words[-1]) + 1
                words = words[:-1]
            if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
                continue
            name = nominative_name(text[start:end], self.morphology, self.pack.code)
            inside = [n for n in nouns if start <= n.start and n.end <= end]
            if inside and sum(n.end - n.start for n in inside) >= 0.6 * (end - start):
                continue  # "Ministry of Defence": the noun with its nationality says more
            headline = len(words) == 1 and sentence_initial(text, start) and _HEADED.match(text, end) is not None
            # «Укрзалізниця», „Șor”: one capitalised word in quotation marks names an organisation.
            quoted = len(words) == 1 and text[start - 1:start] in _OPEN_QUOTES and text[end:end + 1] in _CLOSE_QUOTES
            if len(words) >= 2 or headline or quoted:  # "Собянин: ..." names its speaker like a byline
                role = _near(roles, start, end, 40)
                kind = inside[0].type if inside else (_ROLE_TYPES.get(role.label, "official") if role else "official")
                out.append(SourceMention(start, end, name, kind, not inside, origin="name"))
                surnames.setdefault(fold(words[-1]), name)
            elif fold(words[0]) in surnames and _near(speech, start, end, 30):
                out.append(SourceMention(start, end, surnames[fold(words[0])], "official", True, origin="name"))
        return out

    # -- attribution -----------------------------------------------------------------------

    def attribute(self, text: str, folded: str, sources: list[SourceMention], sent_start: int, sent_end: int, position: int) -> Attribution:
        """The source of whatever is said at `position`: the one tied to the nearest cue."""
        in_sentence = [s for s in sources if sent_start <= s.start and s.end <= sent_end]
        # "Собянин: двое жителей ...", "Minobороны РФ: «...»": a source heading the sentence
        # before a colon speaks the whole sentence.
        if in_sentence and in_sentence[0].start - sent_start <= 3 and _HEADED.match(folded, in_sentence[0].end, sent_end):
            return Attribution(in_sentence[0], None, None)
        candidates: list[tuple[int, SourceMention, Match]] = []
        for cue in self.according_to.find(folded, sent_start, sent_end):
            after = [s for s in in_sentence if 0 <= s.start - cue.end <= 60]
            source = after[0] if after else _word_after(text, cue.end, sent_end)
            if source is not None:
                candidates.append((abs(cue.start - position), source, cue))
        via_cues = self.via_cues.find_all(folded, sent_start, sent_end)
        breaks = [b.end for b in self.clause_breaks.find(folded, sent_start, sent_end)] + \
            [b.end for b in self.comma_breaks.find(folded, sent_start, sent_end) if folded[max(0, b.start - 3):b.start].rstrip().endswith(",")] + \
            [m.end() for m in _STRONG_BREAK.finditer(folded, sent_start, sent_end)]
        speech_cues = self.speech.find(folded, sent_start, sent_end)
        for cue in speech_cues:
            # "declared ... and accused the army": a verb joined to an earlier one by "and" has
            # that verb's subject; it looks for none of its own.
            if any(c.end <= cue.start for c in speech_cues if c is not cue) and any(
                    0 < cue.start - k.end <= 2 for k in self.coordinators.find(folded, max(sent_start, cue.start - 8), cue.start)):
                continue
            # The subject sits in the verb's own clause: after the last clause break before it.
            floor = max([b for b in breaks if b <= cue.start], default=sent_start)
            before = [s for s in in_sentence if 0 <= cue.start - s.end <= 80 and s.start >= floor]
            after = [s for s in in_sentence if 0 <= s.start - cue.end <= 40]
            relays = any(v.start <= cue.start < v.end for v in via_cues)  # "X told Reuters"
            # "..., spun surse din serviciile de informații": a source right after the verb is its
            # subject; otherwise the subject is the first source of the clause before the verb.
            # ", spun surse din ...": after a comma the verb may open its own clause with the
            # subject after it, unless a named speaker already stands before it (an apposition:
            # "Marina Tauber, vicepreședintă a partidului, a acuzat poliția").
            named_before = any(b.origin in ("name", "pronoun") for b in before)
            clause_initial = (bool(_CLAUSE_START.search(folded, max(sent_start, cue.start - 4), cue.start)) and not named_before) or not before
            # A pronoun after the verb speaks only when no one stands before it ("a spus el"):
            # in "residents ..., say they heard" it is the subject of what they say.
            # ("..., сообщил губернатор Вячеслав Гладков": a person named right after the verb, too)
            inverted = after and (after[0].origin in ("noun", "name") or (after[0].origin == "pronoun" and not before))
            if inverted and after[0].start - cue.end <= 15 and clause_initial and not (relays and before):
                pick = after[0]
                # "a anunțat guvernatorul regiunii Odesa, Oleh Kiper": the name in apposition speaks
                named = next((m for m in after[1:] if m.is_person and m.origin == "name"
                              and 0 < m.start - pick.end <= 40 and folded[pick.end:m.start].rstrip().endswith(",")), None)
                if pick.origin == "noun" and named is not None:
                    pick = named
            else:
                pick = _clause_subject(folded, before, cue) if before else (after[0] if after else None)
            if pick:
                candidates.append((abs(cue.start - position), pick, cue))
                if relays and after and pick is not after[0]:
                    candidates.append((abs(cue.start - position) + 1, after[0], cue))
        if not candidates:
            return Attribution(None, None, None)
        # Reported speech follows its verb ("X said that ..."): the nearest cue before the
        # position governs it; only without one does a cue after it ("..., X said").
        candidates.sort(key=lambda c: (c[2].start > position, c[0]))
        _, source, cue = candidates[0]
        via = None
        # An outlet named by "according to" beside a speaker's own verb relays the speaker:
        # "X a declarat ..., potrivit iNews" → source X, via iNews.
        according = self.according_to.find(folded, sent_start, sent_end)
        # "The Kyiv Independent, citing the governor, reported": whoever is cited speaks, the
        # outlet that cites relays.
        for cue_citing in self.citing.find(folded, sent_start, sent_end):
            cited = next((m for m in in_sentence if 0 <= m.start - cue_citing.end <= 60), None)
            if cited is not None and cited.name != source.name and cited.start > source.start:
                return Attribution(cited, source, cue_citing)
        # "Presa franceză a relatat că serviciile de informații ... ar fi ajuns la o estimare": an
        # outlet whose verb opens the clause the source speaks in relays it too.
        relays = [c for c in candidates[1:] if c[1].name != source.name and c[1].type == "media"
                  and (c[2] in according or c[2] == cue or c[1].end <= c[2].start < c[2].end <= source.start)]
        if relays:
            via = relays[0][1]
        elif source.type == "media" and cue in according:
            speakers = [c for c in candidates[1:] if c[1].type != "media" and c[2] not in according]
            if speakers:
                source, via = speakers[0][1], source
        return Attribution(source, via, cue)

    def voice(self, text: str, folded: str, sources: list[SourceMention], sent_start: int, sent_end: int,
              position: int) -> tuple[Attribution, str]:
        """Who says what stands at `position`, and how sure the text makes it."""
        attribution = self.attribute(text, folded, sources, sent_start, sent_end, position)
        return attribution, self.certainty_at(folded, sent_start, sent_end, position, attribution.source is not None)

    def certainty_at(self, folded: str, sent_start: int, sent_end: int, position: int, attributed: bool) -> str:
        # Longest cues win ("nu a confirmat" is not "a confirmat"); `not_cues` are phrases that
        # contain a cue but are none ("cum ar fi": such as).
        cues = [c for c in self.certainty.find(folded, sent_start, sent_end) if c.label not in ("reported", "not_cues")]
        # "Bucharest denied that any drone would have fallen": a denial governing the clause
        # that holds the position outweighs hedges inside that clause.
        denials = [c for c in cues if c.label == "denied" and c.end <= position]
        if denials and not any(c.label in ("claimed", "confirmed") and denials[-1].end <= c.start < position for c in cues):
            return "denied"
        if cues:
            ranked = sorted(cues, key=lambda c: (_clause_distance(folded, c, position), CERTAINTY_ORDER.index(c.label) if c.label in CERTAINTY_ORDER else 9))
            best = ranked[0]
            if _clause_distance(folded, best, position) < 160:
                # "a susținut că ar fi fost reținuți": the reportative mood under a claim verb is
                # the claim, not the speaker's doubt.
                if best.label == "likely" and any(c.label == "claimed" and c.end <= best.start for c in cues) \
                        and any(r.start <= best.start < r.end for r in self.reportative.find(folded, sent_start, sent_end)):
                    return "claimed"
                return best.label
        return "reported" if attributed else "asserted"


_OPEN_QUOTES = ("«", "„", "“", '"')
_CLOSE_QUOTES = ("»", "”", "“", '"')
_TITLE_GAP = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}")  # at most a few title words between office and name
_AFTER_COMMA = re.compile(r",\s*(?:[^\W\d][\w\-]*\s+){0,2}$")  # ", the regional governor"
_NEXT_NAME = re.compile(rf"\s*(\w*[{UPPER}][\w.\-]*)")


def _clause_subject(folded: str, before: list[SourceMention], cue: Match) -> SourceMention:
    """The speaker of a verb among the sources before it in its clause. A source set off by
    commas describes the one before it ("Natalia Popova, an adviser to the council, wrote"),
    and a name set off by commas is the office before it ("the UN rights chief, Volker Türk, said");
    a source right after a comma opens a clause of its own ("a woman was hurt, the governor
    said"); a person named right after an office speaks ("Kremlin spokesman Dmitry Peskov
    said"); otherwise the clause's first source speaks ("the ministry's press service said")."""
    nearest = before[-1]
    if "," in folded[nearest.end:cue.start]:
        opening = folded.rfind(",", 0, nearest.start)
        described = [b for b in before if b.end <= opening]
        if not described:
            return before[0]
        # Either side of the comma may be the name: "Natalia Popova, an adviser, wrote" and
        # "The UN human rights chief, Volker Türk, said" are both the person.
        return next((b for b in (described[-1], nearest) if b.origin == "name"),
                    next((b for b in (described[-1], nearest) if b.origin == "pronoun"), described[-1]))
    if _AFTER_COMMA.search(folded, max(0, nearest.start - 40), nearest.start):
        return nearest
    if nearest.origin == "name" and len(before) > 1 and _TITLE_GAP.fullmatch(folded, before[-2].end, nearest.start):
        return nearest  # "Kremlin spokesman Dmitry Peskov": the office's person speaks
    return before[0]


def _titles_a_name(mention: SourceMention, names: list[SourceMention]) -> bool:
    """A title or office right before a person's name ("the governor Oleh Syniehubov",
    "главы администрации Павла Кириленко") is that person."""
    return any(m.is_person and 0 <= m.start - mention.end <= 2 for m in names)


def _mostly_covered(start: int, end: int, spans) -> bool:
    """A capitalised run that is (mostly) a place or an actor is not a name of its own."""
    covered = sum(min(end, e) - max(start, s) for s, e in spans if s < end and e > start)
    return covered >= 0.6 * (end - start)


def _plain_form(surface: str, leading: set[str]) -> str:
    """A noun as the text words it, without its article or "one" ("a rescue worker")."""
    words = surface.split()
    while words and words[0] in leading:
        words = words[1:]
    return " ".join(words) or surface


def _word_after(text: str, start: int, end: int) -> SourceMention | None:
    """An outlet we do not know, named right after "according to" ("potrivit iNews")."""
    m = _NEXT_NAME.match(text, start, end)
    if not m or len(m.group(1)) < 2:
        return None
    name = m.group(1).rstrip(".")  # "potrivit iNews." ends a sentence, not the name
    return SourceMention(m.start(1), m.start(1) + len(name), name, "media")


def _resolve_bare_noun(mention: SourceMention, earlier: list[SourceMention], referring=frozenset(),
                       owned: bool = False) -> SourceMention:
    """"the ministry" after "Russia's Defence Ministry" is that ministry: reuse the fuller name;
    "the report" and "its general staff" are the last body named before them."""
    if mention.origin != "noun":
        return mention
    if mention.noun in referring or owned:
        author = next((p for p in reversed(earlier) if p.origin in ("noun", "name") and p.noun not in referring
                       and not p.is_person and p.type not in ("other", "social_media", "anonymous")), None)
        if author is None:
            return mention
        return SourceMention(mention.start, mention.end, author.name, author.type, False, author.origin, author.noun, author.neutral)
    words = set(mention.name.casefold().split())
    for prior in reversed(earlier):
        # Only the same kind of source: "siły" (forces) is not the Ukrainian army named before.
        # ("the ministry" is the generic noun: it refers back to whichever ministry was named.)
        same_kind = prior.noun == mention.noun or mention.noun == "ministry" or (prior.noun is None and prior.origin == "noun")
        if same_kind and prior.name != mention.name and words < set(prior.name.casefold().split()):
            return SourceMention(mention.start, mention.end, prior.name, prior.type, prior.is_person, prior.origin, prior.noun)
    return mention


def _clause_distance(folded: str, cue: Match, position: int) -> int:
    lo, hi = sorted((cue.start, position))
    penalty = 40 * len(_CLAUSE_BREAK.findall(folded, lo, hi))
    return hi - lo + penalty


def _adjacent(nats: list[Match], m: Match, folded: str, position: str = "both") -> Match | None:
    """The nationality word next to a noun, on the side(s) the language puts it."""
    for n in nats:
        if position == "before" and n.start >= m.end:
            continue
        if position == "after" and n.end <= m.start:
            continue
        gap = folded[m.end:n.start] if n.start >= m.end else folded[n.end:m.start]
        # Only words between: no punctuation, quote, dash or line break ("A Rosja?\n\nMinisterstwo").
        if len(gap) <= 12 and not re.search(r"[^\w\s'’-]|\n|\s-\s", gap) and len(WORD_RE.findall(gap)) <= 2:
            return n
    return None


def _near(matches: list[Match], start: int, end: int, distance: int) -> Match | None:
    for m in matches:
        if 0 <= m.start - end <= distance or 0 <= start - m.end <= distance:
            return m
    return None


def _capitalise(name: str) -> str:
    return name[:1].upper() + name[1:]


def _actor_source_type(kind: str | None) -> str:
    return {
        "state_forces": "military", "rebel_group": "armed_group", "political_militia": "armed_group",
        "identity_militia": "armed_group", "external_force": "military", "government": "government",
    }.get(kind or "", "other")

"""Claims: what a sentence asserts about a happening, who asserts it and how surely.

Counts (killed, injured, detained, missing, with zero/none words), territory (captured,
controls), perpetrator, aim, size and stance claims; then, over the whole article, reported
speech carried over to the next sentences, duplicates dropped, and claims attached to events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.actors import CIVILIAN_ROLES, actor_after, actor_before, actor_key, actor_label, nearest_actor, nearest_actor_any, victim_subject
from sitrep.extract.events import DraftEvent
from sitrep.extract.labels import negated_before, sub_of
from sitrep.extract.numbers import NumberMention, number_reader
from sitrep.extract.setting import COUNTRY_FEATURES, REGION_FEATURES
from sitrep.extract.sources import Attribution, SourceFinder
from sitrep.lang.lexicon import Match, lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.lang.segment import Sentence
from sitrep.lang.text import UPPER, latin
from sitrep.model import COUNT_ATTRIBUTES, Claim, PlaceMention, Span

VICTIM_CUES = ("killed", "injured", "detained", "missing")


class IdCounter:
    """Numbers the claims of one article: c1, c2, ..."""

    def __init__(self):
        self.n = 0

    def next(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"


@dataclass
class _Reading:
    """One sentence being read for claims: what it offers and what has been taken from it."""
    text: str
    folded: str
    sent: Sentence
    numbers: list[NumberMention]  # the sentence's figures
    sources: list
    places: list
    actors: list
    counter: IdCounter
    used: set[int] = field(default_factory=set)  # starts of figures already given to a claim
    out: list[Claim] = field(default_factory=list)
    figures: list[tuple[Claim, int]] = field(default_factory=list)  # counts with a figure, and where it ends

    @property
    def s(self) -> int:
        return self.sent.start

    @property
    def e(self) -> int:
        return self.sent.end


class ClaimFinder:
    """The claims of a sentence, for one language pack."""

    def __init__(self, pack: LanguagePack, sources: SourceFinder):
        self.sources = sources
        self.claim_cues = lexicon_from({k: pack.section("claims", k, []) for k in (
            "killed", "injured", "detained", "missing", "captured", "controls")})
        self.zero = pack.lexicon("claims", "zero")
        self.casualties = pack.lexicon("claims", "casualties")
        self.zero_after = pack.lexicon("claims", "zero_after")
        self.not_zero = pack.lexicon("claims", "not_zero")
        self.aim = pack.lexicon("claims", "aim")
        self.size = pack.lexicon("claims", "size")
        self.subset = pack.lexicon("claims", "subset")
        self.perpetrator = pack.lexicon("claims", "perpetrator")
        self.responsibility = pack.lexicon("claims", "responsibility")
        self.agent = pack.lexicon("claims", "agent")
        self.aggregate = pack.lexicon("claims", "aggregate")
        self.toll = pack.lexicon("numbers", "toll_words")
        self.belongs = pack.lexicon("claims", "belongs")
        self.identity = pack.lexicon("claims", "identity")
        self.negation = pack.lexicon("context", "negation")
        self.coordinators = pack.lexicon("actors", "coordinators")
        self.complementizers = pack.lexicon("attribution", "complementizers")
        self.numbers = number_reader(pack)
        self.article_breaks = self.numbers.article_breaks

    def is_aggregate(self, folded: str, sent: Sentence) -> bool:
        """Whether a sentence counts over a whole war, country or year ("in total", "since the war began")."""
        return bool(self.aggregate.find(folded, sent.start, sent.end))

    def says_its_own(self, folded: str, sent: Sentence) -> bool:
        """Whether a denial or confirmation here has content of its own ("confirmed that the air
        force carried out the strike"), rather than answering what was said before ("did not
        confirm this")."""
        stances = [c for c in self.sources.certainty.find(folded, sent.start, sent.end)
                   if c.label in ("denied", "confirmed", "unconfirmed")]
        return any(0 <= m.start - c.end <= 40 and not re.search(r"[.;:]", folded[c.end:m.start])
                   for c in stances for m in self.complementizers.find(folded, c.end, min(sent.end, c.end + 48)))

    def find_cues(self, folded: str) -> list[Match]:
        """Every count and territory cue of the text (event labels use them too)."""
        return self.claim_cues.find(folded)

    def claims_in(self, text, folded, sent, cues, numbers, sources, places, actor_mentions, counter) -> list[Claim]:
        """Every claim of one sentence, in the order the steps below find them."""
        r = _Reading(text, folded, sent, [n for n in numbers if sent.start <= n.start < sent.end],
                     sources, places, actor_mentions, counter)
        for cue in (c for c in cues if r.s <= c.start < r.e):
            if cue.label in COUNT_ATTRIBUTES:
                self._count_claims(r, cue)
            else:
                self._territory_claim(r, cue)
        self._blame_claim(r)
        self._belongs_claim(r)
        self._no_casualties(r)
        if not r.out:
            r.out.extend(self._stance_claim(text, folded, sent, sources, counter))
        self._aim_claim(r)
        self._identity_claim(r)
        r.out.extend(self._subset_claims(text, folded, sent, r.figures, r.numbers, r.used, actor_mentions, counter))
        self._size_claim(r)
        r.out.extend(self._competing_figures(text, folded, sent, r.figures, r.numbers, r.used, sources, counter))
        # "500 were killed, most of them executed by soldiers": a second cue without a figure
        # repeats the count the sentence already gives.
        figured = {(c.attribute, c.source) for c in r.out if isinstance(c.value, int)}
        return [c for c in r.out if not (c.attribute in COUNT_ATTRIBUTES and c.value is None
                                         and (c.attribute, c.source) in figured and c.certainty != "denied")]

    def _claim(self, r: _Reading, attribute, value, subject, attribution, certainty, position) -> Claim:
        claim = make_claim(r.counter, attribute, value, subject, r.text, r.sent, attribution, certainty, position)
        r.out.append(claim)
        return claim

    def _count_claims(self, r: _Reading, cue: Match) -> None:
        """A count cue: its figure (or none, or a vague one), its victims, and a doer the passive names."""
        folded, s, e = r.folded, r.s, r.e
        attribution, certainty = self.sources.voice(r.text, folded, r.sources, s, e, cue.start)
        doer = self._passive_agent(folded, cue, r.actors, e)
        if doer is not None and not any(c.attribute == "perpetrator" and c.value == actor_label(doer) for c in r.out):
            self._claim(r, "perpetrator", actor_label(doer), None, attribution, blame_certainty(attribution.source, certainty), cue.start)
        zero = self._zero_before(folded, cue, s) or self._zero_after(folded, cue, e)
        # "the death toll stands, by their estimate, at 100": a toll's figure may come later.
        reach = 90 if any(m.start <= cue.end and cue.start <= m.end for m in self.toll.find(folded, max(s, cue.start - 40), cue.end + 1)) else 25
        number = None if zero else number_for(r.numbers, cue, folded, r.used, r.actors, self.article_breaks, reach)
        if zero:
            value = 0
        elif number is not None and number.value is not None:
            value = number.value
            r.used.add(number.start)
        elif number is not None or attribution.source is not None:
            # Casualties without a figure ("dozens killed", "the army denied any deaths",
            # "X says its fighters were killed"): a position on the toll, unquantified.
            # An unattributed loss needs at least a vague quantity to be a claim.
            if number is not None:
                r.used.add(number.start)
            self._claim(r, cue.label, None, victim_subject(r.actors, cue, s, e, number), attribution, certainty, cue.start)
            return
        else:
            return
        claim = self._claim(r, cue.label, value, victim_subject(r.actors, cue, s, e, number), attribution, certainty, cue.start)
        r.figures.append((claim, number.end if number is not None else cue.end))
        for other, victims in self._coordinated_counts(folded, number, r.numbers, r.used, r.actors, s):
            r.used.add(other.start)
            self._claim(r, cue.label, other.value, victims, attribution, certainty, cue.start)

    def _territory_claim(self, r: _Reading, cue: Match) -> None:
        """A capture or control cue: the place it is about, and who holds it."""
        attribution, certainty = self.sources.voice(r.text, r.folded, r.sources, r.s, r.e, cue.start)
        target = territory_place(r.places, cue, r.s, r.e, r.folded)
        value = place_value(target) if target else unresolved_name_after(r.text, cue, r.e, r.places)
        self._claim(r, cue.label, value, nearest_actor_any(r.actors, cue, r.s, r.e), attribution, certainty, cue.start)

    def _belongs_claim(self, r: _Reading) -> None:
        """"Kupiansk is Ukraine", "Херсон — это Украина": a town said to be a country is said to be
        held by that country's side. Only a town, the word, then the country closing its clause."""
        for cue in self.belongs.find(r.folded, r.s, r.e):
            town = next((p for p in r.places if p.end <= cue.start and p.feature not in COUNTRY_FEATURES
                         and re.fullmatch(r"[\s—–\-]*", r.folded[p.end:cue.start])), None)
            # (an elided article may stand before the country: "est l'Ukraine")
            country = next((p for p in r.places if p.start >= cue.end and p.feature in COUNTRY_FEATURES
                            and re.fullmatch(r"\s*(?:\w{1,2}['’])?", r.folded[cue.end:p.start])), None)
            if town is None or country is None or not country.country \
                    or not re.match(r"\s*(?:[,.;:!?\"“”«»]|$)", r.text[country.end:r.e]):
                continue
            adjective = self.sources.adjective_of(country.country)
            attribution, certainty = self.sources.voice(r.text, r.folded, r.sources, r.s, r.e, cue.start)
            self._claim(r, "controls", place_value(town), f"{adjective} forces" if adjective else None,
                        attribution, certainty, cue.start)
            return

    def _blame_claim(self, r: _Reading) -> None:
        """"X blamed the army": the accused follows the cue; "X claimed responsibility": the
        subject did it, and says so. A blame without a named culprit is still a position."""
        folded, s, e = r.folded, r.s, r.e
        owned = self.responsibility.find(folded, s, e)
        for cue in sorted(self.perpetrator.find(folded, s, e) + owned, key=lambda m: m.start)[:1]:
            if negated_before(self.negation, folded, cue.start, s):
                return  # "has not claimed the attack" claims nothing and denies nothing
            armed = [a for a in r.actors if getattr(a, "role", None) not in CIVILIAN_ROLES]  # victims do not attack
            claiming = any(o.start <= cue.start < o.end or cue.start <= o.start < cue.end for o in owned)
            if claiming:
                accused = actor_before(armed, cue, s) or nearest_actor(armed, cue, s, e)
            else:
                accused = actor_after(armed, cue, e) or nearest_actor(armed, cue, s, e)
            attribution = self.sources.attribute(r.text, folded, r.sources, s, e, cue.start)
            if claiming and attribution.source is None and accused is not None:
                claimant = next((m for m in r.sources if m.start < accused.end and accused.start < m.end), None)
                attribution = Attribution(claimant, None, cue) if claimant is not None else attribution
            if accused is None and attribution.source is None:
                continue
            certainty = self.sources.certainty_at(folded, s, e, cue.start, attribution.source is not None)
            value = actor_label(accused) if accused is not None else None
            self._claim(r, "perpetrator", value, None, attribution, blame_certainty(attribution.source, certainty), cue.start)

    def _no_casualties(self, r: _Reading) -> None:
        """"no casualties", "без жертв": a harm word covering the dead and the wounded, negated."""
        for cue in self.casualties.find(r.folded, r.s, r.e):
            if (self._zero_before(r.folded, cue, r.s) or self._zero_after(r.folded, cue, r.e)) \
                    and not any(c.attribute == "killed" and c.value == 0 for c in r.out):
                attribution, certainty = self.sources.voice(r.text, r.folded, r.sources, r.s, r.e, cue.start)
                self._claim(r, "killed", 0, None, attribution, certainty, cue.start)

    def _aim_claim(self, r: _Reading) -> None:
        """"in order to create a buffer zone": the rest of the clause is the aim."""
        for cue in self.aim.find(r.folded, r.s, r.e)[:1]:
            # up to the clause's end: "to disperse the crowd, and 20 people were detained"
            stop = re.search(r"[,;:]\s", r.text[cue.end:r.e])
            rest = r.text[cue.end:cue.end + stop.start() if stop else r.e].strip(" ,:;.\"'„”«»")
            if 3 <= len(rest) <= 200:
                attribution, certainty = self.sources.voice(r.text, r.folded, r.sources, r.s, r.e, cue.start)
                self._claim(r, "aim", rest, None, attribution, certainty, cue.start)

    def _identity_claim(self, r: _Reading) -> None:
        """"The fighters are 'a separate Russian unit disguised as Ukrainian forces'": who someone
        is, said by a source: the quotation holding the cue, as written, or a party the words after
        it name ("members of the People's Defence Force"), by its canonical name."""
        for cue in self.identity.find(r.folded, r.s, r.e)[:1]:
            attribution, certainty = self.sources.voice(r.text, r.folded, r.sources, r.s, r.e, cue.start)
            if attribution.source is None:
                return  # the outlet's own "is a" describes; it claims nothing
            quoted = _quotation_around(r.text, r.s, r.e, cue.end)
            if quoted:
                start, end = quoted
            else:
                start = cue.end
                stop = _CLAUSE_PUNCT.search(r.text, start, r.e)
                end = stop.start() if stop else r.e
            value = r.text[start:end].strip()
            # a party named by most of the words ("members of the People's Defence Force") by its name
            named = next((a for a in r.actors if start <= a.start and a.end <= end and getattr(a, "canonical", None)
                          and (a.end - a.start) >= 0.6 * len(value)), None)
            if named is not None:
                value = named.canonical
            elif not quoted:
                return  # loose words after a cue ("the identity of the partisans remains ...") name no one
            if 3 <= len(value) <= 120:
                self._claim(r, "identity", value, None, attribution, certainty, cue.start)

    def _size_claim(self, r: _Reading) -> None:
        """"including a dozen vehicles", "4,500 people took part", "attacked with eight drones".
        A size is a figure: "a MiG fighter jet" is not a force of one."""
        folded = r.folded
        for cue in self.size.find(folded, r.s, r.e)[:1]:
            free = [n for n in r.numbers if n.value and n.start not in r.used and n.bound != "article"
                    and not self.numbers.picks_one_out(folded, n)]
            n = next((n for n in free if _GOVERNS.fullmatch(folded, n.end, cue.start)), None) \
                or next((n for n in free if 0 <= n.start - cue.end <= 30 and not re.search(r"[;:.]", folded[cue.end:n.start])), None) \
                or next((n for n in reversed(free) if 0 <= cue.start - n.end <= 30
                         or (0 <= cue.start - n.end <= 70 and not re.search(r"[,;:.]", folded[n.end:cue.start]))), None)
            if n is not None:
                attribution, certainty = self.sources.voice(r.text, folded, r.sources, r.s, r.e, cue.start)
                # what is counted: the words after the figure, up to the clause's end
                subject = _CLAUSE_PUNCT.split(r.text[n.end:min(r.e, n.end + 40)])[0].strip()
                claim = self._claim(r, "size", n.value, subject or None, attribution, certainty, cue.start)
                r.used.add(n.start)
                r.figures.append((claim, max(n.end, cue.end)))

    def _coordinated_counts(self, folded, number, numbers, used, actor_mentions, s):
        """"About 20 civilians and a dozen militants died": the figures joined to the counted one,
        each with the victims it counts."""
        found = []
        if number is None:
            return found
        current = number
        for other in reversed([n for n in numbers if n.end <= number.start and n.start >= s]):
            between = folded[other.end:current.start]
            counted = next((a for a in actor_mentions if 0 <= a.start - other.end <= 12), None)
            if other.start in used or not other.value or counted is None or re.search(r"[.;:,]", between) \
                    or not self.coordinators.find(folded, counted.end, current.start) or len(between) > 60:
                break
            found.append((other, actor_key(counted)))
            current = other
        return found

    def _passive_agent(self, folded: str, cue: Match, actor_mentions, e: int):
        """"killed by Malian soldiers", "uciși de militari": the armed actor a passive harm verb names."""
        marker = next((m for m in self.agent.find(folded, cue.end, min(e, cue.end + 30)) if m.start - cue.end <= 12), None)
        if marker is None:
            return None
        return next((a for a in actor_mentions if 0 <= a.start - marker.end <= 25 and a.start < e
                     and getattr(a, "role", None) not in CIVILIAN_ROLES), None)

    def _subset_claims(self, text, folded, sent, figures, numbers, used, actor_mentions, counter) -> list[Claim]:
        """"12 killed, including three children": the part is a count of the same kind, of its own victims."""
        out = []
        for cue in self.subset.find(folded, sent.start, sent.end):
            before = [(c, end) for c, end in figures if c.attribute in COUNT_ATTRIBUTES and end <= cue.start]
            n = next((n for n in numbers if n.value and n.start not in used and 0 <= n.start - cue.end <= 15), None)
            if not before or n is None or n.value >= before[-1][0].value:
                continue
            used.add(n.start)
            whole = before[-1][0]
            counted = next((a for a in actor_mentions if 0 <= a.start - n.end <= 12), None)
            subject = actor_key(counted) if counted is not None else None
            part = whole.model_copy(update={"id": counter.next("c"), "value": n.value, "subject": subject})
            out.append(part)
            figures.append((part, n.end))
        return out

    def _competing_figures(self, text, folded, sent, figures, numbers, used, sources, counter) -> list[Claim]:
        """"Police said 4,500 took part; organisers put it at over 30,000": a bare figure in a
        later clause with a speaker of its own answers the count before it."""
        out = []
        for n in numbers:
            before = [(c, end) for c, end in figures if end <= n.start and isinstance(c.value, int) and c.value]
            if not n.value or n.start in used or not before:
                continue
            whole, end = before[-1]
            if not _CLAUSE_BREAK.search(folded, end, n.start):
                continue
            attribution, certainty = self.sources.voice(text, folded, sources, sent.start, sent.end, n.start)
            speaker = attribution.source
            if speaker is None or speaker.name == whole.source or speaker.start < end:
                continue
            used.add(n.start)
            out.append(make_claim(counter, whole.attribute, n.value, whole.subject, text, sent, attribution, certainty, n.start))
        return out

    def _stance_claim(self, text, folded, sent, sources, counter) -> list[Claim]:
        """A source denying or confirming without a figure ("the army denied it") still takes a
        position on the happening: record it, so that it can contradict the other side."""
        s, e = sent.start, sent.end
        if not any(s <= m.start < e for m in sources) and not self.sources.according_to.find(folded, s, e):
            return []  # nobody speaks in this sentence
        stance = [c for c in self.sources.certainty.find(folded, s, e) if c.label in ("denied", "confirmed", "unconfirmed")]
        if stance:
            position, certainty = stance[0].start, stance[0].label
        else:
            # "According to the UK MoD, the most serious incident was near Grayvoron": an
            # attributed statement about the happening, with no figure or trigger of its own.
            position, certainty = s, None
        attribution = self.sources.attribute(text, folded, sources, s, e, position)
        if attribution.source is None:
            return []
        if certainty is None:
            certainty = self.sources.certainty_at(folded, s, e, position, True)
        blame = self.perpetrator.find(folded, s, e)
        if blame and all(negated_before(self.negation, folded, cue.start, s) for cue in blame):
            return []  # "the group has not claimed the attack": no position on anything
        attribute = "perpetrator" if blame else "occurred"
        return [make_claim(counter, attribute, None, None, text, sent, attribution, certainty, position)]



    def _zero_after(self, folded: str, cue: Match, ceiling: int) -> bool:
        """"Погибших нет": languages that put the none-word after the noun."""
        return any(m.start <= cue.end + 2 for m in self.zero_after.find(folded, cue.end, min(ceiling, cue.end + 16)))

    def _zero_before(self, folded: str, cue: Match, floor: int) -> bool:
        """"no deaths", "fără decese", "no civilians were killed": a none-word just before the
        cue, or before its subject, with no figure or clause break in between."""
        lo = max(floor, cue.start - 50)
        for m in self.zero.find(folded, lo, cue.start):
            between = folded[m.end:cue.start]
            if (re.search(r"[\d,;:.]", between) and m.end < cue.start - 1) or self.not_zero.find(folded, m.end, cue.start):
                continue
            # "none of our soldiers was wounded": a none-word that picks from a group governs
            # the longer subject it opens.
            of_group = any(p.start - m.end <= 1 for p in self.numbers.partitive.find(folded, m.end, m.end + 8))
            if m.end >= cue.start - 1 or len(between.split()) <= (6 if of_group else 3) and (of_group or cue.start - m.end <= 30):
                return True
        return False


_GOVERNS = re.compile(r"\s*(?:\w{1,3}\s+)?")  # "25 drones", "25 de drone", "25 из них"
_CLAUSE_END = re.compile(r"[;:]\s|\s[-–—]\s")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[-–—]\s")

NAMED_VALUES = ("captured", "controls", "perpetrator", "identity")  # values that name a place or a party


def _counts_person(folded: str, article: NumberMention, actor) -> bool:
    """"a 60-year-old resident", "o tânără femeie": the article's noun phrase names a person."""
    between = folded[article.end:actor.start]
    return actor.start >= article.end and len(between.split()) <= 2 and not re.search(r"[,.;:]", between)


_PARTIES = ("military", "government", "armed_group", "official")


def blame_certainty(source, certainty: str) -> str:
    """Naming a culprit is a claim when a party to the conflict does it, a report when monitors,
    investigators or the press do."""
    if certainty == "reported" and (source is None or (source.type in _PARTIES and not source.neutral)):
        return "claimed"
    return certainty


def make_claim(counter, attribute, value, subject, text, sent, attribution, certainty, position) -> Claim:
    quote = _inside_quotes(text, sent.start, sent.end, position)
    return Claim(
        id=counter.next("c"), attribute=attribute, value=value, subject=subject,
        text=_clip(sent.text), source=attribution.source.name if attribution.source else None,
        source_type=attribution.source.type if attribution.source else None,
        via=attribution.via.name if attribution.via else None, certainty=certainty, quote=quote,
        evidence=Span(start=sent.start, end=sent.end),
    )


# -- the value of a claim -------------------------------------------------------------------------

def number_for(numbers: list[NumberMention], cue: Match, folded: str, used: set[int], persons=(),
               breaks: set[str] = frozenset(), reach: int = 25) -> NumberMention | None:
    """The count that a casualty cue quantifies: inside a cue with a gap ("уничтожено до 40
    военнослужащих"), else closest before it, else just after it."""
    inside = [n for n in numbers if cue.start <= n.start and n.end <= cue.end and n.start not in used and n.value]
    if inside:
        return inside[0]
    before = [n for n in numbers if n.end <= cue.start and cue.start - n.end <= 60 and n.start not in used]
    before = [n for n in before if not re.search(r"[.;:]", folded[n.end:cue.start])]
    after = [n for n in numbers if n.start >= cue.end and n.start - cue.end <= reach and n.start not in used]
    after = [n for n in after if not re.search(r"[.;:,]", folded[cue.end:n.start])]
    # A figure the cue governs directly wins ("ucigând șase civili" after a "bloc cu nouă etaje");
    # otherwise the figure before it ("39 ... were killed"); an article counts only as a last resort.
    real_before = [n for n in before if n.bound != "article"]
    real_after = [n for n in after if n.bound != "article"]
    if real_after and re.fullmatch(r"[\s:]{0,3}", folded[cue.end:real_after[0].start]) \
            and not (real_before and cue.start - real_before[-1].end <= 3):
        return real_after[0]  # the figure the cue governs directly: "killing 12", "ucigând șase"
    if real_before:
        return real_before[-1]
    if real_after:
        return real_after[0]
    # An article before the cue counts one when its noun is the cue's subject ("a shopkeeper was
    # beaten to death") or a person ("a 60-year-old resident"), not any noun ("a list of the victims").
    close = [n for n in before if cue.start - n.end <= 25
             and ((len(folded[n.end:cue.start].split()) <= 2 and not set(folded[n.end:cue.start].split()) & breaks)
                  or any(_counts_person(folded, n, p) for p in persons))]
    if close:
        return close[-1]
    # "killing a man": an article right after the cue counts one.
    right_after = [n for n in after if n.start - cue.end <= 3]
    return right_after[0] if right_after else None


_NAME_AFTER = re.compile(rf"(?:[^\W\d_]+[\s\-]+){{0,2}}?([{UPPER}][\w'’\-]+)")


def unresolved_name_after(text: str, cue: Match, end: int, places=()) -> str | None:
    """A village too small for the gazetteer, named as written: "захоплення селища Желанне";
    not a place the gazetteer knows as something else (a country, a region)."""
    m = _NAME_AFTER.match(text, cue.end + 1, min(end, cue.end + 40))
    if not m or any(p.start <= m.start(1) < p.end for p in places):
        return None
    return m.group(1)


def romanize_names(claims: list[tuple[Claim, Sentence]], romanization: dict | None) -> None:
    """Canonical names in Latin letters, by the pack's romanization where it has one."""
    for claim, _ in claims:
        claim.source = latin(claim.source, romanization) if claim.source else None
        claim.via = latin(claim.via, romanization) if claim.via else None
        if isinstance(claim.value, str) and claim.attribute in NAMED_VALUES:
            claim.value = latin(claim.value, romanization)


def answer_stances(claims: list[tuple[Claim, Sentence]], own_content: set[int] = frozenset()) -> None:
    """"The General Staff did not confirm this": a denial or confirmation without a figure of its
    own answers the last statement of another source just before it. Against a figure or a place
    ("the capture of Zhelanne") it takes that claim's attribute and value; against a statement
    without one ("a huge number were killed") it stays a stance on the happening, which answers
    everything said to have happened in it. A stance that says what it denies or confirms (a
    sentence in `own_content`) answers nothing before it."""
    recent: list[tuple[Claim, Sentence]] = []
    for claim, sent in claims:
        stance = claim.value is None and claim.attribute in ("occurred", "perpetrator") \
            and claim.certainty in ("denied", "unconfirmed", "confirmed") and sent.index not in own_content
        if stance:
            answered = next((c for c, s in reversed(recent)
                             if c.source != claim.source and 0 <= sent.index - s.index <= 3 and s.index < sent.index
                             and (claim.attribute != "perpetrator" or c.attribute == "perpetrator")), None)
            if answered is not None and (answered.value is not None or claim.attribute == "perpetrator"):
                claim.attribute, claim.value = answered.attribute, answered.value
        elif claim.attribute not in ("occurred", "other", "aim") and claim.source is not None:
            recent.append((claim, sent))


def carry_territory(claims: list[tuple[Claim, Sentence]]) -> None:
    """"The army still holds positions in the city": a capture or control claim that names no
    place is about the town the last such claim named, a few sentences back."""
    last: tuple[Claim, Sentence] | None = None
    for claim, sent in claims:
        if claim.attribute not in ("captured", "controls"):
            continue
        if claim.value:
            last = (claim, sent)
        elif last is not None and 0 < sent.index - last[1].index <= 3:
            claim.value = last[0].value


def statements_apart(claims: list[tuple[Claim, Sentence]], eventful: set[int]) -> None:
    """An attributed statement in a sentence that tells of no happening ("Peskov said the case
    would be dropped") is some other statement, not a report that something occurred; a denial
    or confirmation keeps answering the happening."""
    for claim, sent in claims:
        if claim.attribute == "occurred" and claim.value is None and sent.index not in eventful \
                and claim.certainty not in ("denied", "unconfirmed", "confirmed"):
            claim.attribute = "other"


def territory_place(places, cue: Match, s: int, e: int, folded: str = ""):
    """The town a capture or control cue is about: the nearest specific place in the sentence,
    after the cue first ("took the village of X"), else before it ("X was back under control")."""
    here = [p for p in places if s <= p.start < e and p.feature not in REGION_FEATURES]
    after = [p for p in here if p.start >= cue.end and p.start - cue.end <= 80]
    # The subject of its own clause only: "Kinshasa disputes this: the army still holds the city".
    before = [p for p in here if p.end <= cue.start and cue.start - p.end <= 120
              and not _CLAUSE_END.search(folded, p.end, cue.start)]
    if after:
        return after[0]
    return before[0] if before else None  # the subject, not a place in an appositive


def place_value(p: PlaceMention) -> str:
    """A place as a claim value: as written when in Latin script, else its gazetteer name."""
    if p.mention.isascii() or all(ord(ch) < 0x250 for ch in p.mention):
        return p.mention
    return p.name or p.mention


def _quotation_around(text: str, s: int, e: int, position: int) -> tuple[int, int] | None:
    """The span inside the quotation marks around `position`, if it stands in one (any pair of
    quote marks: texts open with "”" as well as "“", "„" or "«")."""
    marks = [i for i in range(s, e) if text[i] in _QUOTE_MARKS]
    before = [i for i in marks if i < position]
    after = [i for i in marks if i >= position]
    if len(before) % 2 == 0 or not after:
        return None
    return before[-1] + 1, after[0]


_QUOTE_MARKS = frozenset("“”„«»\"")
_CLAUSE_PUNCT = re.compile(r"[,;:.!?()«»“”„\"]")  # what ends a clause's words: a value, a counted noun


def _inside_quotes(text: str, s: int, e: int, position: int) -> bool:
    before = text[s:position]
    opens = sum(before.count(q) for q in "“„«")
    closes = sum(before.count(q) for q in "”»")
    straight = before.count('"')
    return opens > closes or straight % 2 == 1


def _clip(sentence: str, limit: int = 300) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


# -- over the whole article -------------------------------------------------------------------------

def carry_attribution(claims: list[tuple[Claim, Sentence]], sources) -> list[tuple[Claim, Sentence]]:
    """Reported speech runs on: a figure in the sentence after "the governor said ...", in the
    same paragraph and naming no speaker of its own, is still the governor's."""
    last: tuple[int, int, Claim] | None = None  # paragraph, sentence index, attributed claim
    for claim, sent in claims:
        if claim.source is not None:
            last = (sent.paragraph, sent.index, claim)
            continue
        if last is None or last[0] != sent.paragraph or last[1] >= sent.index or sent.index - last[1] > 2:
            continue
        # Another speaker named in the sentence ends the run; the parties it tells of
        # ("20 civilians and a dozen militants died") do not.
        if any(sent.start <= m.start < sent.end and m.origin != "actor" for m in sources):
            continue
        _take_voice(claim, last[2])
    # "Shelling killed one person. The same day, according to the regional administration, ...":
    # a toll told in the sentence right before an attributed one of its paragraph is that
    # source's too, when its own sentence names nobody.
    # (Not when that source gives a figure of its own for the same thing: then they differ.)
    following: dict[int, Claim] = {}
    for claim, sent in reversed(claims):
        if claim.source is not None:
            following[sent.index] = claim
    paragraph_of = {sent.index: sent.paragraph for _, sent in claims}
    told = {(sent.index, claim.attribute) for claim, sent in claims}
    for claim, sent in claims:
        after = following.get(sent.index + 1)
        if claim.source is None and claim.attribute in COUNT_ATTRIBUTES and after is not None \
                and paragraph_of.get(sent.index + 1) == sent.paragraph \
                and (sent.index + 1, claim.attribute) not in told \
                and not any(sent.start <= m.start < sent.end and m.origin != "actor" for m in sources):
            _take_voice(claim, after)
    return claims


def _take_voice(claim: Claim, speaker: Claim) -> None:
    claim.source, claim.source_type, claim.via = speaker.source, speaker.source_type, speaker.via
    if claim.certainty == "asserted":
        claim.certainty = "reported"


def unique_claims(claims: list[tuple[Claim, Sentence]]) -> list[tuple[Claim, Sentence]]:
    """One claim per sentence, attribute, value and source (two cues can say the same thing)."""
    seen: set[tuple] = set()
    out = []
    for claim, sent in claims:
        key = (sent.index, claim.attribute, str(claim.value), claim.source)
        if key not in seen:
            seen.add(key)
            out.append((claim, sent))
    return out


def attach_claims(drafts: list[DraftEvent], claims: list[tuple[Claim, Sentence]]) -> None:
    """Give each claim to the event it is about: the nearest event of its own sentence (a violent
    one for a victim count); else a count goes to the event that already has one, else to one
    told earlier in the paragraph, else to a violent one; a territory claim to a territorial
    event; anything else to the latest event told up to its sentence."""
    if not drafts:
        return
    by_sentence: dict[int, list[DraftEvent]] = {}
    for d in drafts:
        for m in d.mentions:
            by_sentence.setdefault(m.sentence.index, []).append(d)
    for claim, sent in claims:
        target = None
        here = by_sentence.get(sent.index, [])
        if here:
            target = min(here, key=lambda d: min(abs(m.trigger.start - claim.evidence.start) for m in d.mentions if m.sentence.index == sent.index))
            if claim.attribute in VICTIM_CUES + ("other",):
                violent = [d for d in here if d.event_type != "Strategic developments" or claim.attribute == "detained"]
                target = violent[0] if violent else target
        elif claim.attribute in COUNT_ATTRIBUTES + ("other", "perpetrator"):
            same = [d for d in drafts if any(c.attribute in COUNT_ATTRIBUTES for c in d.claims)]
            violent = [d for d in drafts if d.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")]
            earlier = [d for d in drafts if d.mentions[0].sentence.paragraph == sent.paragraph and d.mentions[0].sentence.index < sent.index]
            target = (same or earlier or violent or drafts)[0]
        elif claim.attribute in ("captured", "controls"):
            territory = [d for d in drafts if sub_of(d.label) in ("Non-state actor overtakes territory", "Government regains territory")]
            target = territory[0] if territory else None
        else:
            earlier = [d for d in drafts if d.mentions[0].sentence.index <= sent.index]
            target = earlier[-1] if earlier else drafts[0]
        if target is not None:
            target.claims.append(claim)

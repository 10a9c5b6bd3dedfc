"""Code one article: sentences → event mentions and claims → events with their claims.

The steps, in order:
1. Find every layer of mentions once over the folded text: triggers, claim cues, numbers,
   dates, actors, sources (places come resolved from the caller).
2. Per sentence: the event labels its triggers give (combined by rules.yaml), the claims its
   cues give, each with source, via and certainty.
3. Merge event mentions that describe one happening (same type, compatible place and date),
   attach claims to events, and derive each event's fatalities by ACLED's rule.

The parts live beside this module: labels (triggers → event labels), setting (place and date),
actors (who acts), claims (what is asserted, by whom) and events (merging and the coded Event).
"""

from __future__ import annotations

from typing import Sequence

from sitrep.extract.actors import CIVILIAN_ROLES, VIOLENT_TYPES, actor_name, actors_around
from sitrep.extract.claims import answer_stances, blame_certainty, carry_territory, statements_apart, romanize_names, ClaimFinder, IdCounter, attach_claims, carry_attribution, make_claim, unique_claims
from sitrep.extract.dates import DateMention, date_finder
from sitrep.extract.events import EventMention, assemble_event, escalate, merge
from sitrep.extract.labels import EventLabeller, sub_of, type_of
from sitrep.extract.numbers import NumberMention, number_reader
from sitrep.extract.setting import (
    COUNTRY_FEATURES, PlaceChooser, best_place, is_dateline, latest_explicit, main_country, main_date, main_place, nearest,
)
from sitrep.extract.sources import SourceFinder
from sitrep.lang.pack import LanguagePack
from sitrep.lang.segment import Sentence, opens_dateline, split_sentences
from sitrep.lang.text import fold
from sitrep.model import COUNT_ATTRIBUTES, Claim, Document, DocumentResult, PlaceMention


class ArticleCoder:
    """Extraction for one language pack; built once per language and reused."""

    def __init__(self, pack: LanguagePack, adjective_of):
        self.pack = pack
        self.labeller = EventLabeller(pack)
        self.places = PlaceChooser(pack)
        self.units = pack.lexicon("numbers", "units")
        self.dates = date_finder(pack)
        self.numbers = number_reader(pack)
        self.sources = SourceFinder(pack, adjective_of)
        self.claim_finder = ClaimFinder(pack, self.sources)

    def code(self, doc: Document, places: Sequence[PlaceMention], actors) -> DocumentResult:
        text = doc.text
        folded = fold(text)
        sentences = split_sentences(text, self.pack)
        dates = self.dates.find(text, folded, doc.published or None)
        anchor = doc.published or latest_explicit(dates)
        if doc.published is None and anchor is not None:
            dates = self.dates.find(text, folded, anchor)
        numbers = [n for n in self.numbers.find(text, folded) if not _inside_any(n, dates) and not self._is_measure(folded, n)]
        # "ROMA, 1 ottobre –": a dateline says when the story was filed, not when things happened.
        dates = [d for d in dates if not is_dateline(text, d, anchor) and not self.dates.dates_the_writing(folded, d)]
        actor_mentions = actors.find(text, self.pack.code, folded) if actors is not None else []
        place_spans = [(p.start, p.end) for p in places]
        # "Kyiv said", "Bucureștiul a negat": a capital or a country speaking is its government.
        speakers = [p for p in places if self._speaks(folded, p)]
        speaking = [(p.start, p.end, (actors.canonical_for("government", p.country) if actors is not None else None) or p.name)
                    for p in speakers if p.country]
        sources = self.sources.find(text, folded, actor_mentions, place_spans, speaking)
        triggers = self.labeller.find_triggers(text, folded)
        attacks = self.labeller.find_attacks(folded)
        cues = self.claim_finder.find_cues(folded)
        agents = self.claim_finder.agent.find(folded)  # "by" before the doer of a passive
        # A capital speaking for its government is not where the story happens.
        # Nor is a place inside a named party's name ("Islamic State in the Sahel", "Freedom of Russia Legion").
        named_spans = [(a.start, a.end) for a in actor_mentions if getattr(a, "named", False)]
        told_places = [p for p in places if p not in speakers
                       and not any(s <= p.start and p.end <= e for s, e in named_spans)]
        # A dateline ("ABUJA, July 8 -") says where the story was filed: often where it happened
        # ("KYIV - ... in the capital"), but not over a town or division the sentence names.
        datelines = {id(p) for p in told_places if p.mention.isupper() and opens_dateline(text, p.start, p.end)}
        doc_country = main_country(told_places)
        doc_place = main_place(told_places)

        # A brief (one paragraph) reports one happening: later sentences elaborate on it
        # unless they bring a date or place of their own.
        brief = len({x.paragraph for x in sentences}) == 1
        mentions: list[EventMention] = []
        claims: list[tuple[Claim, Sentence]] = []
        last_place: tuple[int, PlaceMention, bool] | None = None
        last_date: tuple[int, DateMention] | None = None
        counter = IdCounter()
        eventful: set[int] = set()  # sentences that tell of some happening
        for sent in sentences:
            s, e = sent.start, sent.end
            # "Kijów zażądał ...", "Washingtonul a susținut ...": a capital speaking for its
            # government is an actor, not where anything happened.
            sent_places = [p for p in told_places if s <= p.start < e
                           and not self.places.stray_district(folded, p, doc_place) and not self.places.is_water(folded, p)]
            sent_places = [p for p in sent_places if id(p) not in datelines or not any(
                id(q) not in datelines and q.country and q.feature not in COUNTRY_FEATURES for q in sent_places)]
            sent_dates = [d for d in dates if s <= d.start < e]
            if last_date and last_date[0] != sent.paragraph:
                last_date = None
            if sent_dates:
                last_date = (sent.paragraph, sent_dates[0])
            if last_place and last_place[0] != sent.paragraph:
                last_place = None
            labels = self.labeller.labels(folded, sent, triggers, attacks, actor_mentions, cues)
            if labels:
                eventful.add(sent.index)
            if sent_places:
                best = best_place(sent_places)
                if not (best.feature in COUNTRY_FEATURES and last_place and last_place[1].country == best.country):
                    last_place = (sent.paragraph, best, self.places.is_near(folded, best, s))
            question = text[s:e].rstrip().endswith("?")
            generic = self.labeller.is_generic(folded, sent)
            # Negated, hypothetical or habitual triggers go before a brief keeps one label.
            labels = [] if question or generic else \
                [x for x in labels if self.labeller.happened(folded, x[0], x[1], s, sent_dates)]
            told = labels  # happenings this sentence tells of, before some fold into one told already
            if brief and labels and mentions:
                # A country named in passing ("Police forces of Chile dispersed them") sets nothing apart.
                own_setting = bool(sent_dates) or any(p.geonameid != mentions[0].place.geonameid and p.feature not in COUNTRY_FEATURES
                                                      for p in sent_places if mentions[0].place)
                if not own_setting:
                    escalate(mentions[0], labels)
                labels = labels if own_setting else []
            if brief and len(labels) > 1:
                labels = labels[:1]
            kept = [x for x in labels if not (x[2] and mentions)]  # "two were killed" after an event is about that event
            blamers: set[str] = set()  # speakers whose statement here is who did it
            for label, trig, _ in (x for x in told if x not in kept):
                # Folded into the event told before, but who says who did it still counts:
                # "an army spokesman said the militia had fired at homes" (not a casualty word's
                # subject: "twenty soldiers were wounded" are victims).
                if any(c.label in COUNT_ATTRIBUTES and c.start < trig.end and trig.start < c.end for c in cues):
                    continue
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, trig.start)
                if attribution.source is not None:
                    a1, _ = actors_around(actor_mentions, trig, s, e, folded, agents)
                    culprit = self._culprit_claim(counter, text, sent, label, trig, a1, attribution, certainty, actors, doc_country)
                    if culprit is not None:
                        claims.append((culprit, sent))
                        blamers.add(culprit.source)
            for label, trig, weak in kept:
                place, near = self.places.place_for(folded, trig, sent_places, last_place, doc_place)
                date = nearest(sent_dates, trig.start) or (last_date[1] if last_date else None)
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, trig.start)
                a1, a2 = actors_around(actor_mentions, trig, s, e, folded, agents)
                label = self.labeller.recode(folded, sent, label, trig, a1, a2)
                # A place from this paragraph counts as the mention's own; the article's main
                # place (or none) does not.
                own_place = place is not None and place is not doc_place and place.feature not in COUNTRY_FEATURES
                mentions.append(EventMention(sent, label, trig, place, near, date, certainty, a1, a2,
                                             bool(sent_dates) or own_place, own_place))
                if attribution.source is not None:
                    claims.append((make_claim(counter, "occurred", None, None, text, sent, attribution, certainty, trig.start), sent))
                    culprit = self._culprit_claim(counter, text, sent, label, trig, a1, attribution, certainty, actors, None)
                    if culprit is not None:
                        claims.append((culprit, sent))
            for claim in self.claim_finder.claims_in(text, folded, sent, cues, numbers, sources, places, actor_mentions, counter):
                if claim.source in blamers and claim.attribute == "occurred" and claim.value is None \
                        and claim.certainty not in ("denied", "unconfirmed", "confirmed"):
                    continue  # the statement is already the claim of who did it
                claims.append((claim, sent))

        # "Tauber accused the police", "the RSF blamed the army": a culprit named by a role noun
        # is that side of the article's country, in English ("Moldovan police", "Sudanese army"),
        # not the text's word for it.
        by_word = {a.mention: a for a in actor_mentions}
        for claim, _ in claims:
            if claim.attribute == "perpetrator" and claim.value in by_word:
                claim.value = self._side_in_english(by_word[claim.value], doc_country) or claim.value
        claims = unique_claims(carry_attribution(claims, sources))
        claim_sentences = {sent.index: sent for _, sent in claims}
        answer_stances(claims, {i for i, sent in claim_sentences.items() if self.claim_finder.says_its_own(folded, sent)})
        carry_territory(claims)
        statements_apart(claims, eventful)
        romanize_names(claims, self.pack.meta.get("romanization"))
        article_date = main_date(dates, anchor)
        drafts = merge(mentions, article_date, doc_place)
        # "705 killed since the war began": a toll over a whole war or country is about no one event.
        attach_claims(drafts, [(c, sent) for c, sent in claims
                               if not (c.attribute in COUNT_ATTRIBUTES and self.claim_finder.is_aggregate(folded, sent))])
        events = [assemble_event(i, d, anchor, article_date, doc_place, doc_country, actors) for i, d in enumerate(drafts, 1)]
        all_claims = [c for c, _ in claims]
        return DocumentResult(doc_id=doc.id, language=self.pack.code, published=doc.published,
                              events=events, claims=all_claims)

    def _culprit_claim(self, counter, text, sent, label, trig, a1, attribution, certainty, actors, country) -> Claim | None:
        """"The ministry said the Kyiv regime attacked the city": the source also says who did it,
        and naming a culprit is a claim, not a report. Only violence has a culprit (an attack that
        was shot down too); victims do not attack, nor does the speaker named with its acronym
        ("the US Command (Africom)")."""
        violent = type_of(label) in VIOLENT_TYPES or sub_of(label) == "Disrupted weapons use"
        speaker = attribution.source
        fired = a1 is not None and getattr(a1, "role", None) == "weapons" and a1.start <= trig.start  # "Russian missiles fell"
        culprit = a1 is not None and (a1.end <= trig.start or fired) and violent \
            and not (speaker.start <= a1.start and a1.end <= max(speaker.end, attribution.cue.start if attribution.cue else 0)) \
            and getattr(a1, "role", None) not in CIVILIAN_ROLES
        # A group without a nationality is the article's country's where the caller says so
        # (a speaker blaming "the rebel militia" for an attack told before).
        doer = actor_name(a1, country, actors) if culprit else None
        if doer:
            doer = self._side_in_english(a1, country) or doer
        if not doer or speaker.name == doer:
            return None
        return make_claim(counter, "perpetrator", doer, None, text, sent, attribution,
                          blame_certainty(speaker, certainty), trig.start)

    def _side_in_english(self, actor, country: str | None) -> str | None:
        """An armed side named by a role noun, in the country given: "Sudanese army", "Moldovan police"."""
        role = getattr(actor, "role", None)
        if getattr(actor, "canonical", None) or role not in CULPRIT_WORDS or not country:
            return None
        adjective = self.sources.adjective_of(country)
        return f"{adjective} {CULPRIT_WORDS[role]}" if adjective else None

    def _speaks(self, folded: str, place: PlaceMention) -> bool:
        """"Kyiv said", and a capital or country right after "according to" ("według Mińska")."""
        # (not across a comma: "... in Tillabéri region, the ministry announced" is the ministry's verb)
        if any(v.start - place.end <= 2 and "," not in folded[place.end:v.start]
               for v in self.sources.speech.find(folded, place.end, place.end + 20)):
            return True
        return place.feature in SPEAKING_FEATURES and any(
            0 <= place.start - c.end <= 2 for c in self.sources.according_to.find(folded, max(0, place.start - 40), place.start))

    def _is_measure(self, folded: str, n: NumberMention) -> bool:
        """A figure followed by a unit ("40 km", "20 years old") measures something; it counts nobody.
        So does a figure joined to a word by a hyphen ("58-year-old", "58-річний", "58-летний")."""
        if folded[n.end:n.end + 1] == "-" and folded[n.end + 1:n.end + 2].isalpha():
            return True
        return any(m.start <= n.end + 2 for m in self.units.find(folded, n.end, n.end + 16))


def _inside_any(n: NumberMention, dates: list[DateMention]) -> bool:
    return any(d.start <= n.start < d.end for d in dates)


# English words for the armed sides a role noun names, as culprit values ("Sudanese army").
CULPRIT_WORDS = {"military": "army", "security_forces": "security forces", "police": "police",
                 "government": "government", "rebels": "rebels", "militants": "militants", "gunmen": "gunmen"}

# Places that speak for their state after "according to": capitals and countries.
SPEAKING_FEATURES = {"PPLC", "PCLI", "PCL", "PCLD", "PCLF", "PCLS"}

_CODERS: dict[str, ArticleCoder] = {}


def coder_for(pack: LanguagePack, adjective_of) -> ArticleCoder:
    if pack.code not in _CODERS:
        _CODERS[pack.code] = ArticleCoder(pack, adjective_of)
    return _CODERS[pack.code]

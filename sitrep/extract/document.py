"""Code one article: sentences → event mentions and claims → events with their claims.

The steps, in order:
1. Find every layer of mentions once over the folded text: triggers, claim cues, numbers,
   dates, actors, sources (places come resolved from the caller).
2. Per sentence: the event labels its triggers give (combined by rules.yaml), the claims its
   cues give, each with source, via and certainty.
3. Merge event mentions that describe one happening (same type, compatible place and date),
   attach claims to events, and derive each event's fatalities by ACLED's rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import yaml

from sitrep.extract.dates import DateMention, date_finder
from sitrep.extract.numbers import NumberMention, number_reader
from sitrep.extract.sources import SourceFinder, SourceMention
from sitrep.geo import haversine_km
from sitrep.lang.lexicon import Lexicon, Match, lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.lang.segment import Sentence, split_sentences
from sitrep.lang.text import fold
from sitrep.model import (
    COUNT_ATTRIBUTES, SUB_EVENT_TYPES, Claim, Document, DocumentResult, Event, Place, PlaceMention, Span,
)

RULES = yaml.safe_load(Path(__file__).with_name("rules.yaml").read_text(encoding="utf-8"))
REGION_FEATURES = {"ADM1", "ADM2", "ADM1H", "RGN", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "CONT", "ADMD"}
COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLF", "PCLS"}
CIVILIAN_ROLES = {"civilians", "protesters", "journalists", "students", "workers", "farmers", "refugees", "children",
                  "women", "health_workers", "aid_workers", "prisoners"}
VICTIM_CUES = ("killed", "injured", "detained", "missing")
FOREIGN_ROLES = {"invaders", "partisans"}


@dataclass
class EventMention:
    sentence: Sentence
    label: str  # "Event type/Sub-event type"
    trigger: Match
    place: PlaceMention | None = None
    near: bool = False
    date: DateMention | None = None
    certainty: str = "asserted"
    actor1: object | None = None
    actor2: object | None = None
    own_setting: bool = True  # the sentence names its own place or date


@dataclass
class DraftEvent:
    mentions: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.mentions[0].label

    @property
    def event_type(self) -> str:
        return _type_of(self.label)


class ArticleCoder:
    """Extraction for one language pack; built once per language and reused."""

    def __init__(self, pack: LanguagePack, adjective_of):
        self.pack = pack
        self.triggers = _event_lexicon(pack)
        self.attack = pack.lexicon("events", "_attack")
        self.claim_cues = lexicon_from({k: pack.section("claims", k, []) for k in (
            "killed", "injured", "detained", "missing", "captured", "controls")})
        self.zero = pack.lexicon("claims", "zero")
        self.casualties = pack.lexicon("claims", "casualties")
        self.zero_after = pack.lexicon("claims", "zero_after")
        self.aim = pack.lexicon("claims", "aim")
        self.size = pack.lexicon("claims", "size")
        self.perpetrator = pack.lexicon("claims", "perpetrator")
        self.generic = pack.lexicon("context", "generic")
        self.irrealis = pack.lexicon("context", "irrealis")
        self.near = lexicon_from({"near": _near_cues(pack)})
        self.units = pack.lexicon("numbers", "units")
        self.connectors = {fold(c) for c in pack.section("numbers", "connectors", [])}
        self.dates = date_finder(pack)
        self.numbers = number_reader(pack)
        self.sources = SourceFinder(pack, adjective_of)

    # ------------------------------------------------------------------------------------

    def code(self, doc: Document, places: Sequence[PlaceMention], actors) -> DocumentResult:
        text = doc.text
        folded = fold(text)
        sentences = split_sentences(text, self.pack)
        dates = self.dates.find(text, folded, doc.published or None)
        anchor = doc.published or _latest_explicit(dates)
        if doc.published is None and anchor is not None:
            dates = self.dates.find(text, folded, anchor)
        numbers = [n for n in self.numbers.find(text, folded) if not _inside_any(n, dates) and not self._is_measure(folded, n)]
        # "ROMA, 1 ottobre –": a dateline says when the story was filed, not when things happened.
        dates = [d for d in dates if not _is_dateline(text, d)]
        actor_mentions = actors.find(text, self.pack.code) if actors is not None else []
        place_spans = [(p.start, p.end) for p in places]
        sources = self.sources.find(text, folded, actor_mentions, place_spans)
        triggers = [t for t in self.triggers.find(folded) if not self._inside_name(text, t)]
        attacks = self.attack.find(folded)
        cues = self.claim_cues.find(folded)
        doc_country = _main_country(places)
        doc_place = _main_place(places)

        # A brief (one paragraph) reports one happening: later sentences elaborate on it
        # unless they bring a date or place of their own.
        brief = len({x.paragraph for x in sentences}) == 1
        mentions: list[EventMention] = []
        claims: list[tuple[Claim, Sentence]] = []
        last_place: tuple[int, PlaceMention, bool] | None = None
        last_date: tuple[int, DateMention] | None = None
        counter = _Counter()
        for sent in sentences:
            s, e = sent.start, sent.end
            sent_places = [p for p in places if s <= p.start < e]
            sent_dates = [d for d in dates if s <= d.start < e]
            if last_date and last_date[0] != sent.paragraph:
                last_date = None
            if sent_dates:
                last_date = (sent.paragraph, sent_dates[0])
            if last_place and last_place[0] != sent.paragraph:
                last_place = None
            labels = self._labels(folded, sent, triggers, attacks, actor_mentions, cues)
            if sent_places:
                best = _best_place(sent_places)
                if not (best.feature in COUNTRY_FEATURES and last_place and last_place[1].country == best.country):
                    last_place = (sent.paragraph, best, self._is_near(folded, best, s))
            question = text[s:e].rstrip().endswith("?")
            generic = bool(self.generic.find(folded, s, e))
            if brief and labels and mentions:
                own_setting = bool(sent_dates) or any(p.geonameid != mentions[0].place.geonameid for p in sent_places if mentions[0].place)
                if not own_setting:
                    _escalate(mentions[0], labels)
                labels = labels if own_setting else []
            if brief and len(labels) > 1:
                labels = labels[:1]
            for label, trig, weak in labels:
                if question or generic:
                    continue
                # Announced measures (evacuations, agreements) are events even in the future tense.
                if not label.startswith("Strategic developments") and self._irrealis_before(folded, trig, s, sent_dates):
                    continue
                if weak and mentions:
                    continue  # "two were killed" after an event is about that event
                place, near = self._place_for(folded, trig, sent_places, last_place, doc_place)
                date = _nearest(sent_dates, trig.start) or (last_date[1] if last_date else None)
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, trig.start)
                a1, a2 = _actors_around(actor_mentions, trig, s, e)
                label = _recode_by_actors(label, a1, a2)
                # A place from this paragraph counts as the mention's own; the article's main
                # place (or none) does not.
                own = bool(sent_dates) or (place is not None and place is not doc_place and place.feature not in COUNTRY_FEATURES)
                mentions.append(EventMention(sent, label, trig, place, near, date, certainty, a1, a2, own))
                if attribution.source is not None:
                    claims.append((self._claim(counter, "occurred", None, None, text, sent, attribution, certainty, trig.start), sent))
            for claim in self._claims_in(text, folded, sent, cues, numbers, sources, places, actor_mentions, counter):
                claims.append((claim, sent))

        claims = _unique_claims(_carry_attribution(claims, sources))
        main_date = _main_date(dates, anchor)
        drafts = _merge(mentions, main_date, doc_place)
        self._attach(drafts, claims, sentences)
        events = [self._event(i, d, doc, anchor, main_date, doc_place, doc_country, actors) for i, d in enumerate(drafts, 1)]
        all_claims = [c for c, _ in claims]
        return DocumentResult(doc_id=doc.id, language=self.pack.code, published=doc.published,
                              events=events, claims=all_claims)

    # -- event labels ---------------------------------------------------------------------

    def _labels(self, folded: str, sent: Sentence, triggers: list[Match], attacks: list[Match], actor_mentions, cues) -> list[tuple[str, Match, bool]]:
        """The event labels a sentence gives, each with its trigger and whether it is weak
        (a generic attack or casualty word rather than a trigger of its own)."""
        found = [t for t in triggers if sent.start <= t.start < sent.end]
        civilians = any(sent.start <= a.start < sent.end and getattr(a, "role", None) in CIVILIAN_ROLES for a in actor_mentions)
        armed_pair = _two_armed_sides(actor_mentions, sent)
        if not found:
            # A generic attack word, or failing that a killing or wounding with no other
            # trigger, is violence: a clash between two armed sides, else against civilians.
            generic = [a for a in attacks if sent.start <= a.start < sent.end]
            generic = generic or [c for c in cues if sent.start <= c.start < sent.end and c.label in ("killed", "injured")]
            label = "Battles/Armed clash" if armed_pair and not civilians else "Violence against civilians/Attack"
            found = [Match(m.start, m.end, label, m.text) for m in generic[:1]]
            return [(label, m, True) for m in found]
        by_label: dict[str, Match] = {}
        for t in found:
            by_label.setdefault(t.label, t)
        labels = set(by_label)
        for rule in RULES["combine"]:
            if set(rule["when"]) <= labels:
                first = min((by_label[w] for w in rule["when"]), key=lambda m: m.start)
                for w in rule["when"]:
                    labels.discard(w)
                    by_label.pop(w, None)
                labels.add(rule["then"])
                by_label[rule["then"]] = first
        # One event per event type: the most specific sub-type.
        per_type: dict[str, str] = {}
        for label in labels:
            etype = _type_of(label)
            order = RULES["specificity"].get(etype, [])
            current = per_type.get(etype)
            if current is None:
                per_type[etype] = label
            elif etype == "Strategic developments":
                if by_label[label].start < by_label[current].start:
                    per_type[etype] = label  # no sub-type is more specific: the main verb comes first
            elif _rank(order, _sub_of(label)) < _rank(order, _sub_of(current)):
                per_type[etype] = label
        for group in RULES["exclusive_groups"]:
            present = sorted((t for t in group if t in per_type), key=lambda t: by_label[per_type[t]].start)
            for loser in present[1:]:
                per_type.pop(loser)
        if civilians and "Battles" in per_type and _sub_of(per_type["Battles"]) == "Armed clash" and "Violence against civilians" not in per_type:
            trig = by_label[per_type["Battles"]]
            if self.attack.find(folded, sent.start, sent.end) and not _two_armed_sides(actor_mentions, sent):
                per_type.pop("Battles")
                by_label["Violence against civilians/Attack"] = trig
                per_type["Violence against civilians"] = "Violence against civilians/Attack"
        return sorted(((label, by_label[label], False) for label in per_type.values()), key=lambda x: x[1].start)

    def _inside_name(self, text: str, m: Match) -> bool:
        """A trigger written with a capital inside a sentence is part of a name ("Arestovici")."""
        if self.pack.meta.get("capitalised_nouns") or not text[m.start].isupper():
            return False
        return not _sentence_initial(text, m.start)

    def _irrealis_before(self, folded: str, trig: Match, sent_start: int, dates: list[DateMention]) -> bool:
        """A modal or intention word just before the trigger ("threatened to attack")."""
        window_start = max(sent_start, trig.start - 30)
        for m in self.irrealis.find(folded, window_start, trig.start):
            if m.end <= trig.start and not any(d.start <= m.start < d.end for d in dates):
                if not re.search(r"[,;:.]", folded[m.end:trig.start]):
                    return True
        return False

    def _is_measure(self, folded: str, n: NumberMention) -> bool:
        return any(m.start <= n.end + 2 for m in self.units.find(folded, n.end, n.end + 16))

    # -- places ----------------------------------------------------------------------------

    def _is_near(self, folded: str, place: PlaceMention, floor: int) -> bool:
        lo = max(floor, place.start - 40)
        return any(m.end >= place.start - 12 for m in self.near.find(folded, lo, place.start))

    def _place_for(self, folded, trig, sent_places, last_place, doc_place=None):
        if sent_places and all(p.feature in COUNTRY_FEATURES for p in sent_places):
            # A country named beside an event is mostly a modifier ("Russia evacuated villages",
            # "the French embassy"): the place already in view is more precise.
            for fallback in (last_place[1] if last_place else None, doc_place):
                if fallback is not None and fallback.feature not in COUNTRY_FEATURES:
                    return fallback, (last_place[2] if last_place and fallback is last_place[1] else False)
        if sent_places:
            specific = [p for p in sent_places if p.feature not in REGION_FEATURES]
            pool = specific or sent_places
            # The place of an event mostly follows its trigger ("fighting rages in Khartoum").
            best = min(pool, key=lambda p: p.start - trig.start if p.start >= trig.start else 2 * (trig.start - p.start))
            return best, self._is_near(folded, best, 0)
        if last_place:
            return last_place[1], last_place[2]
        return None, False

    # -- claims -----------------------------------------------------------------------------

    def _claims_in(self, text, folded, sent, cues, numbers, sources, places, actor_mentions, counter) -> list[Claim]:
        s, e = sent.start, sent.end
        out: list[Claim] = []
        sent_numbers = [n for n in numbers if s <= n.start < e]
        used_numbers: set[int] = set()
        for cue in (c for c in cues if s <= c.start < e):
            attribution, certainty = self.sources.voice(text, folded, sources, s, e, cue.start)
            if cue.label in COUNT_ATTRIBUTES:
                zero = self._zero_before(folded, cue, s) or self._zero_after(folded, cue, e)
                number = None if zero else _number_for(sent_numbers, cue, folded, used_numbers)
                if zero:
                    value = 0
                elif number is not None and number.value is not None:
                    value = number.value
                    used_numbers.add(number.start)
                elif attribution.source is not None and number is None:
                    out.append(self._claim(counter, "other", None, _victim_subject(actor_mentions, cue, s, e), text, sent, attribution, certainty, cue.start))
                    continue
                else:
                    continue
                subject = _victim_subject(actor_mentions, cue, s, e, number)
                out.append(self._claim(counter, cue.label, value, subject, text, sent, attribution, certainty, cue.start))
            else:  # captured / controls: the place it is about, and who holds it
                target = _territory_place(places, cue, s, e)
                value = _place_value(target) if target else None
                holder = _nearest_actor_any(actor_mentions, cue, s, e)
                out.append(self._claim(counter, cue.label, value, holder, text, sent, attribution, certainty, cue.start))
        for cue in self.perpetrator.find(folded, s, e)[:1]:
            # "X blamed the army": the accused follows the cue; "X claimed responsibility":
            # the subject did it. A blame without a named culprit is still a position.
            accused = _actor_after(actor_mentions, cue, e) or _nearest_actor(actor_mentions, cue, s, e)
            attribution = self.sources.attribute(text, folded, sources, s, e, cue.start)
            if accused is None and attribution.source is None:
                continue
            certainty = self.sources.certainty_at(folded, s, e, cue.start, attribution.source is not None)
            if certainty == "reported":
                certainty = "claimed"  # blaming someone is an interested party's claim, not a report
            value = _actor_label(accused) if accused is not None else None
            out.append(self._claim(counter, "perpetrator", value, None, text, sent, attribution, certainty, cue.start))
        for cue in self.casualties.find(folded, s, e):
            if self._zero_before(folded, cue, s) and not any(c.attribute == "killed" and c.value == 0 for c in out):
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, cue.start)
                out.append(self._claim(counter, "killed", 0, None, text, sent, attribution, certainty, cue.start))
        if not out:
            out.extend(self._stance_claim(text, folded, sent, sources, counter))
        for cue in self.aim.find(folded, s, e)[:1]:
            rest = text[cue.end:e].strip(" ,:;.\"'„”«»")
            if 3 <= len(rest) <= 200:
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, cue.start)
                out.append(self._claim(counter, "aim", rest, None, text, sent, attribution, certainty, cue.start))
        for cue in self.size.find(folded, s, e)[:1]:
            # "including a dozen vehicles", "4,500 people took part", "attacked with eight drones"
            free = [n for n in sent_numbers if n.value and n.start not in used_numbers]
            n = next((n for n in free if 0 <= cue.start - n.end <= 3), None) \
                or next((n for n in free if 0 <= n.start - cue.end <= 30), None) \
                or next((n for n in reversed(free) if 0 <= cue.start - n.end <= 30), None)
            if n is not None and n.start not in used_numbers:
                attribution, certainty = self.sources.voice(text, folded, sources, s, e, cue.start)
                subject = text[n.end:min(e, n.end + 40)].strip().split(",")[0].strip()
                out.append(self._claim(counter, "size", n.value, subject or None, text, sent, attribution, certainty, cue.start))
        return out

    def _stance_claim(self, text, folded, sent, sources, counter) -> list[Claim]:
        """A source denying or confirming without a figure ("the army denied it") still takes a
        position on the happening: record it, so that it can contradict the other side."""
        s, e = sent.start, sent.end
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
        attribute = "perpetrator" if self.perpetrator.find(folded, s, e) else "occurred"
        return [self._claim(counter, attribute, None, None, text, sent, attribution, certainty, position)]

    def _zero_after(self, folded: str, cue: Match, ceiling: int) -> bool:
        """"Погибших нет": languages that put the none-word after the noun."""
        return any(m.start <= cue.end + 2 for m in self.zero_after.find(folded, cue.end, min(ceiling, cue.end + 16)))

    def _zero_before(self, folded: str, cue: Match, floor: int) -> bool:
        """"no deaths", "fără decese", "no civilians were killed": a none-word just before the
        cue, or before its subject, with no figure or clause break in between."""
        lo = max(floor, cue.start - 30)
        for m in self.zero.find(folded, lo, cue.start):
            between = folded[m.end:cue.start]
            if m.end >= cue.start - 1 or (not re.search(r"[\d,;:.]", between) and len(between.split()) <= 3):
                return True
        return False

    def _claim(self, counter, attribute, value, subject, text, sent, attribution, certainty, position) -> Claim:
        quote = _inside_quotes(text, sent.start, sent.end, position)
        return Claim(
            id=counter.next("c"), attribute=attribute, value=value, subject=subject,
            text=_clip(sent.text), source=attribution.source.name if attribution.source else None,
            source_type=attribution.source.type if attribution.source else None,
            via=attribution.via.name if attribution.via else None, certainty=certainty, quote=quote,
            evidence=Span(start=sent.start, end=sent.end),
        )

    # -- events -----------------------------------------------------------------------------

    def _attach(self, drafts: list[DraftEvent], claims: list[tuple[Claim, Sentence]], sentences: list[Sentence]) -> None:
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
                territory = [d for d in drafts if _sub_of(d.label) in ("Non-state actor overtakes territory", "Government regains territory")]
                target = territory[0] if territory else None
            else:
                earlier = [d for d in drafts if d.mentions[0].sentence.index <= sent.index]
                target = earlier[-1] if earlier else drafts[0]
            if target is not None:
                target.claims.append(claim)

    def _event(self, number: int, draft: DraftEvent, doc: Document, anchor, main_date, doc_place, doc_country, actors) -> Event:
        event_id = f"e{number}"
        for c in draft.claims:
            c.event = event_id
        first = draft.mentions[0]
        place_m = next((m for m in draft.mentions if m.place is not None and m.place.feature not in REGION_FEATURES), None) \
            or next((m for m in draft.mentions if m.place is not None), None)
        location = None
        if place_m is not None:
            location = _to_place(place_m.place, 2 if place_m.near else None)
        elif doc_place is not None:
            location = _to_place(doc_place, 3 if doc_place.feature in REGION_FEATURES else 2)
        date_m = next((m.date for m in draft.mentions if m.date is not None), None) or main_date
        if date_m is not None:
            start, end, precision = date_m.first, date_m.last, date_m.precision
        elif anchor is not None:
            start = end = anchor
            precision = 2
        else:
            start = end = None
            precision = 3
        country = location.country if location else doc_country
        a1 = next((m.actor1 for m in draft.mentions if m.actor1 is not None), None)
        a2 = next((m.actor2 for m in draft.mentions if m.actor2 is not None), None)
        sub = _sub_of(draft.label)
        # A state regains territory only on its own soil; forces taking ground abroad overtake it.
        if sub == "Non-state actor overtakes territory" and a1 is not None and getattr(a1, "kind", "") == "state_forces" \
                and getattr(a1, "role", None) not in FOREIGN_ROLES and getattr(a1, "country", None) in (None, country):
            sub = "Government regains territory"
        kills = [c.value for c in draft.claims if c.attribute == "killed" and isinstance(c.value, int)]
        event_type = SUB_EVENT_TYPES[sub]
        actor1, actor2 = _coded_actors(event_type, _actor_name(a1, country, actors, event_type),
                                       _actor_name(a2, country, actors, event_type), country, actors)
        return Event(
            id=event_id, event_type=event_type, sub_event_type=sub,
            date_start=start, date_end=end, time_precision=precision, location=location,
            actor1=actor1, actor2=actor2,
            actor1_mentions=[a1.mention] if a1 is not None else [], actor2_mentions=[a2.mention] if a2 is not None else [],
            fatalities=min(kills) if kills else None, certainty=first.certainty,
            evidence=[Span(start=s.start, end=s.end) for s in _unique_sentences(draft.mentions)],
            claims=[c.id for c in draft.claims],
        )


# -- helpers ------------------------------------------------------------------------------------

class _Counter:
    def __init__(self):
        self.n = 0

    def next(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"


def _event_lexicon(pack: LanguagePack) -> Lexicon:
    entries = {k: v for k, v in (pack.section("events") or {}).items() if not k.startswith("_") and isinstance(v, list)}
    return lexicon_from(entries)


def _near_cues(pack: LanguagePack) -> list[str]:
    places = pack.section("places") or {}
    for key in ("near", "near_cues", "proximity"):
        if isinstance(places.get(key), list):
            return places[key]
    return []


def _sub_of(label: str) -> str:
    parts = label.split("/")
    # "Explosions/Remote violence/Air/drone strike": the event type itself may contain "/".
    for i in range(1, len(parts)):
        sub = "/".join(parts[i:])
        if sub in SUB_EVENT_TYPES and "/".join(parts[:i]) == SUB_EVENT_TYPES[sub]:
            return sub
    return parts[-1]


def _rank(order: list[str], sub: str) -> int:
    return order.index(sub) if sub in order else len(order)


def _inside_any(n: NumberMention, dates: list[DateMention]) -> bool:
    return any(d.start <= n.start < d.end for d in dates)


_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,20}\))?\s*[-–—]")


def _is_dateline(text: str, d: DateMention) -> bool:
    """A date at the very start of the text, before the dash that opens the story."""
    head = text[:d.start]
    return d.start <= 40 and "\n" not in head and not any(ch.islower() for ch in head) \
        and _DATELINE_TAIL.match(text, d.end) is not None


def _main_date(dates: list[DateMention], anchor) -> DateMention | None:
    """The date the article is about: its first date within a month before publication."""
    if anchor is None:
        return None
    recent = [d for d in dates if anchor - dt.timedelta(days=31) <= d.last <= anchor + dt.timedelta(days=1) and d.precision < 3]
    return recent[0] if recent else None


def _latest_explicit(dates: list[DateMention]):
    explicit = [d.last for d in dates if d.explicit]
    return max(explicit) if explicit else None


def _nearest(items, position: int):
    return min(items, key=lambda d: abs(d.start - position)) if items else None


def _best_place(places: list[PlaceMention]) -> PlaceMention:
    specific = [p for p in places if p.feature not in REGION_FEATURES]
    return (specific or places)[0]


def _main_country(places: Sequence[PlaceMention]) -> str | None:
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _main_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The document's main place: the most mentioned admin1 region, else the first place."""
    resolved = [p for p in places if p.lat is not None and p.feature not in COUNTRY_FEATURES]
    if not resolved:
        return next((p for p in places if p.lat is not None), None)
    counts: dict[tuple, int] = {}
    for p in resolved:
        key = (p.country, p.admin1)
        counts[key] = counts.get(key, 0) + 1
    top = max(counts, key=lambda k: counts[k])
    same = [p for p in resolved if (p.country, p.admin1) == top]
    regions = [p for p in same if p.feature in REGION_FEATURES]
    return (regions or same)[0]


def _to_place(p: PlaceMention, precision: int | None) -> Place:
    if precision is None:
        precision = 3 if p.feature in REGION_FEATURES else 1
    return Place(name=p.name or p.mention, mention=p.mention, geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                 admin1=p.admin1, country=p.country, geo_precision=precision)


def _number_for(numbers: list[NumberMention], cue: Match, folded: str, used: set[int]) -> NumberMention | None:
    """The count that a casualty cue quantifies: closest before it, else just after it."""
    before = [n for n in numbers if n.end <= cue.start and cue.start - n.end <= 60 and n.start not in used]
    before = [n for n in before if not re.search(r"[.;:]", folded[n.end:cue.start])]
    after = [n for n in numbers if n.start >= cue.end and n.start - cue.end <= 25 and n.start not in used]
    after = [n for n in after if not re.search(r"[.;:,]", folded[cue.end:n.start])]
    # A figure the cue governs directly wins ("ucigând șase civili" after a "bloc cu nouă etaje");
    # otherwise the figure before it ("39 ... were killed"); an article counts only as a last resort.
    real_before = [n for n in before if n.bound != "article"]
    real_after = [n for n in after if n.bound != "article"]
    if real_after and real_after[0].start - cue.end <= 3 and not (real_before and cue.start - real_before[-1].end <= 3):
        return real_after[0]  # the figure the cue governs directly: "killing 12", "ucigând șase"
    if real_before:
        return real_before[-1]
    if real_after:
        return real_after[0]
    close = [n for n in before if cue.start - n.end <= 25]
    if close:
        return close[-1]
    # "killing a man": an article right after the cue counts one.
    right_after = [n for n in after if n.start - cue.end <= 3]
    return right_after[0] if right_after else None


def _victim_subject(actor_mentions, cue: Match, s: int, e: int, number: NumberMention | None = None) -> str | None:
    lo = number.end if number is not None and number.end <= cue.start else max(s, cue.start - 60)
    hi = cue.start if number is None or number.end <= cue.start else min(e, cue.end + 40)
    near = [a for a in actor_mentions if lo <= a.start < max(hi, cue.end + 30) and a.start < e]
    if near:
        a = near[0]
        return getattr(a, "canonical", None) or getattr(a, "role", None) or a.mention
    return None


def _sentence_initial(text: str, position: int) -> bool:
    """Nothing but punctuation, symbols or a heading lies between the sentence start and here."""
    i = position - 1
    while i >= 0 and not text[i].isalnum():
        if text[i] in ".!?\n:\"„“«»(":
            return True
        i -= 1
    return i < 0


def _carry_attribution(claims: list[tuple[Claim, Sentence]], sources) -> list[tuple[Claim, Sentence]]:
    """Reported speech runs on: a figure in the sentence after "the governor said ...", in the
    same paragraph and naming no speaker of its own, is still the governor's."""
    last: tuple[int, int, Claim] | None = None  # paragraph, sentence index, attributed claim
    for claim, sent in claims:
        if claim.source is not None:
            last = (sent.paragraph, sent.index, claim)
            continue
        if last is None or last[0] != sent.paragraph or last[1] >= sent.index or sent.index - last[1] > 2:
            continue
        if any(sent.start <= m.start < sent.end for m in sources):
            continue
        speaker = last[2]
        claim.source, claim.source_type, claim.via = speaker.source, speaker.source_type, speaker.via
        if claim.certainty == "asserted":
            claim.certainty = "reported"
    return claims


def _unique_claims(claims: list[tuple[Claim, Sentence]]) -> list[tuple[Claim, Sentence]]:
    """One claim per sentence, attribute, value and source (two cues can say the same thing)."""
    seen: set[tuple] = set()
    out = []
    for claim, sent in claims:
        key = (sent.index, claim.attribute, str(claim.value), claim.source)
        if key not in seen:
            seen.add(key)
            out.append((claim, sent))
    return out


def _territory_place(places, cue: Match, s: int, e: int):
    """The town a capture or control cue is about: the nearest specific place in the sentence,
    after the cue first ("took the village of X"), else before it ("X was back under control")."""
    here = [p for p in places if s <= p.start < e and p.feature not in REGION_FEATURES]
    after = [p for p in here if p.start >= cue.end and p.start - cue.end <= 80]
    before = [p for p in here if p.end <= cue.start and cue.start - p.end <= 120]
    if after:
        return after[0]
    return before[0] if before else None  # the subject, not a place in an appositive


def _place_value(p: PlaceMention) -> str:
    """A place as a claim value: as written when in Latin script, else its gazetteer name."""
    if p.mention.isascii() or all(ord(ch) < 0x250 for ch in p.mention):
        return p.mention
    return p.name or p.mention


def _nearest_actor_any(actor_mentions, cue: Match, s: int, e: int) -> str | None:
    """The side a control claim credits: the closest armed actor in the sentence."""
    here = [a for a in actor_mentions if s <= a.start < e and getattr(a, "role", None) not in CIVILIAN_ROLES]
    if not here:
        return None
    a = min(here, key=lambda a: abs(a.start - cue.start))
    return getattr(a, "canonical", None) or getattr(a, "country", None) or a.mention


def _actor_after(actor_mentions, cue: Match, e: int):
    after = [a for a in actor_mentions if cue.end <= a.start < min(e, cue.end + 60)]
    return after[0] if after else None


def _actor_label(a) -> str:
    return getattr(a, "canonical", None) or a.mention


def _nearest_actor(actor_mentions, cue: Match, s: int, e: int):
    named = [a for a in actor_mentions if s <= a.start < e and getattr(a, "canonical", None)]
    return min(named, key=lambda a: abs(a.start - cue.start)) if named else None


def _actors_around(actor_mentions, trig: Match, s: int, e: int):
    """Actor 1 is who acts before the trigger (an armed actor when there is one), actor 2 the
    other side after it; with nobody before the trigger, an armed actor after it acts."""
    here = [a for a in actor_mentions if s <= a.start < e]
    before = [a for a in here if a.end <= trig.start]
    armed_before = [a for a in before if getattr(a, "role", None) not in CIVILIAN_ROLES]
    after = [a for a in here if a.start >= trig.end]
    a1 = (armed_before or before or [None])[-1]
    a2 = next((a for a in after if a1 is None or _actor_key(a) != _actor_key(a1)), None)
    if a1 is None and a2 is not None and getattr(a2, "role", None) not in CIVILIAN_ROLES:
        a1, a2 = a2, next((a for a in after if _actor_key(a) != _actor_key(a2)), None)
    return a1, a2


_VIOLENT = ("Riots/", "Violence against civilians/Attack", "Battles/Armed clash")


def _escalate(first: EventMention, labels) -> None:
    """A peaceful protest that a later sentence of the brief describes as violent ("the
    demonstrators attacked workers") was a violent demonstration."""
    if first.label == "Protests/Peaceful protest" and any(label.startswith(_VIOLENT) for label, _, _ in labels):
        first.label = "Riots/Violent demonstration"


def _recode_by_actors(label: str, a1, a2) -> str:
    """Violence started by an unarmed crowd is a riot in ACLED's terms, not a battle."""
    role = getattr(a1, "role", None)
    if label in ("Battles/Armed clash", "Violence against civilians/Attack"):
        if role in ("protesters",):
            return "Riots/Violent demonstration"
        if role == "rioters" or (role in ("civilians", "settlers", "farmers") and label == "Battles/Armed clash"):
            return "Riots/Mob violence"
    return label


_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _coded_actors(event_type: str, actor1: str | None, actor2: str | None, country: str | None, actors):
    """ACLED's coding conventions for who acts: demonstrators are "Protesters (X)" or
    "Rioters (X)" by event type, and violence by nobody named is by an "Unidentified Armed
    Group (X)" of the event's country, with civilians on the receiving side."""
    if actors is None or not country:
        return actor1, actor2
    civilian = (actor1 or "").startswith("Civilians")
    if event_type in ("Protests", "Riots"):
        crowd = actors.canonical_for("protesters" if event_type == "Protests" else "rioters", country)
        if crowd and not (actor1 or "").startswith(("Protesters", "Rioters")):
            actor2 = actor1 if actor1 and actor1 != crowd and not civilian else actor2
            actor1 = crowd
    elif event_type in _VIOLENT_TYPES and (actor1 is None or civilian):
        if civilian and actor2 is None:
            actor2 = actor1
        actor1 = actors.canonical_for("gunmen", country)
    return actor1, actor2


def _actor_key(a) -> str:
    return getattr(a, "canonical", None) or getattr(a, "role", None) or a.mention


def _two_armed_sides(actor_mentions, sent: Sentence) -> bool:
    armed = {_actor_key(a) for a in actor_mentions if sent.start <= a.start < sent.end and getattr(a, "role", None) not in CIVILIAN_ROLES}
    return len(armed) >= 2


def _actor_name(a, country: str | None, actors, event_type: str = "") -> str | None:
    if a is None:
        return None
    if getattr(a, "canonical", None):
        return a.canonical
    role = getattr(a, "role", None)
    # People in a crowd are protesters or rioters in ACLED's coding of such events.
    if role == "civilians" and event_type in ("Protests", "Riots"):
        role = "protesters" if event_type == "Protests" else "rioters"
    if role and actors is not None:
        # Where a role noun has no nationality, ACLED names the group by the event's country;
        # invaders and partisans come from elsewhere by definition.
        fallback = None if role in FOREIGN_ROLES else country
        return actors.canonical_for(role, getattr(a, "country", None) or fallback)
    return None


def _inside_quotes(text: str, s: int, e: int, position: int) -> bool:
    before = text[s:position]
    opens = sum(before.count(q) for q in "“„«") + before.count('"') // 2 * 0
    closes = sum(before.count(q) for q in "”»")
    straight = before.count('"')
    return opens > closes or straight % 2 == 1


def _clip(sentence: str, limit: int = 300) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _unique_sentences(mentions: list[EventMention]) -> list[Sentence]:
    seen: dict[int, Sentence] = {}
    for m in mentions:
        seen.setdefault(m.sentence.index, m.sentence)
    return [seen[k] for k in sorted(seen)]


def _merge(mentions: list[EventMention], main_date: DateMention | None, doc_place: PlaceMention | None) -> list[DraftEvent]:
    """Group mentions of one happening: same event type, compatible sub-type, place and date.

    A mention that names no place or date is read in the article's main setting, so that a
    dated background event ("the attack in March on Bryansk") does not absorb it."""
    drafts: list[DraftEvent] = []
    for m in mentions:
        target = None
        for d in drafts:
            if d.event_type != _type_of(m.label):
                continue
            if d.event_type == "Strategic developments" and _sub_of(d.label) != _sub_of(m.label):
                continue
            # "The explosion ...", "the strike ...": a mention with no place or date of its own
            # refers back to the event of its type already told.
            if not m.own_setting or _same_setting(d, m, main_date, doc_place):
                target = d
                break
        if target is None:
            drafts.append(DraftEvent([m]))
        else:
            target.mentions.append(m)
            order = RULES["specificity"].get(target.event_type, [])
            if _rank(order, _sub_of(m.label)) < _rank(order, _sub_of(target.mentions[0].label)):
                target.mentions.insert(0, target.mentions.pop())
    return drafts


def _type_of(label: str) -> str:
    return SUB_EVENT_TYPES.get(_sub_of(label), label.split("/")[0])


NEAR_KM = 15.0  # a district of a city and the city are one setting


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    if (a.geonameid is not None and a.geonameid == b.geonameid) or a.mention == b.mention or (a.name and a.name == b.name):
        return True
    if REGION_FEATURES & {a.feature, b.feature} or None in (a.lat, b.lat) or a.country != b.country:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _same_setting(d: DraftEvent, m: EventMention, main_date, doc_place) -> bool:
    first = d.mentions[0]
    place_a, place_b = first.place or doc_place, m.place or doc_place
    if place_a is not None and place_b is not None:
        if not _same_place(place_a, place_b):
            return False  # a region and a town in it are kept apart: different precision
    date_a, date_b = first.date or main_date, m.date or main_date
    if date_a is not None and date_b is not None:
        slack = dt.timedelta(days=1)
        if not (date_a.first <= date_b.last + slack and date_b.first <= date_a.last + slack):
            return False
    return True


_CODERS: dict[str, ArticleCoder] = {}


def coder_for(pack: LanguagePack, adjective_of) -> ArticleCoder:
    if pack.code not in _CODERS:
        _CODERS[pack.code] = ArticleCoder(pack, adjective_of)
    return _CODERS[pack.code]

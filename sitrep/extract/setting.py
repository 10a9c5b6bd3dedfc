"""Where and when: the place and date of an event mention, and the article's main setting.

Places come resolved from the caller (PlaceMention, with GeoNames feature codes); dates from
sitrep.extract.dates. Here they are only chosen between.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from sitrep.extract.dates import DateMention
from sitrep.geo import haversine_km
from sitrep.lang.lexicon import lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.model import Place, PlaceMention

REGION_FEATURES = {"ADM1", "ADM2", "ADM1H", "RGN", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "CONT", "ADMD"}
COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLF", "PCLS"}


class PlaceChooser:
    """The place of an event mention, and whether the text puts it near that place rather than in it."""

    def __init__(self, pack: LanguagePack):
        self.near = lexicon_from({"near": _near_cues(pack)})
        self.water = lexicon_from({"water": [w for w in pack.section("places", "water_before", []) if isinstance(w, str)]})
        nouns = (pack.section("places", "region_nouns") or {}).get("second_level") or []
        self.district = lexicon_from({"district": [n for n in nouns if isinstance(n, str)]})

    def is_water(self, folded: str, place: PlaceMention) -> bool:
        """"the left bank of the Dnipro", "лівого берега Дніпра": a river, not a place of events."""
        lo = max(0, place.start - 24)
        return any(m.end >= place.start - 6 for m in self.water.find(folded, lo, place.start))

    def stray_district(self, folded: str, place: PlaceMention, doc_place: PlaceMention | None) -> bool:
        """"the Shevchenkivskyi district", "в Дніпровському районі": a city district that the
        gazetteer only knows as a namesake in another region is part of the city in view."""
        if doc_place is None or not doc_place.admin1 or place.admin1 == doc_place.admin1:
            return False
        return any(m.start <= place.end + 1 for m in self.district.find(folded, place.start, place.end + 16))

    def is_near(self, folded: str, place: PlaceMention, floor: int) -> bool:
        lo = max(floor, place.start - 40)
        return any(m.end >= place.start - 12 for m in self.near.find(folded, lo, place.start))

    def place_for(self, folded, trig, sent_places, last_place, doc_place=None):
        if sent_places and all(p.feature in COUNTRY_FEATURES for p in sent_places):
            # A country named beside an event is mostly a modifier ("Russia evacuated villages",
            # "the French embassy"): the place already in view is more precise.
            for fallback in (last_place[1] if last_place else None, doc_place):
                if fallback is not None and fallback.feature not in COUNTRY_FEATURES:
                    return fallback, (last_place[2] if last_place and fallback is last_place[1] else False)
        if sent_places:
            specific = [p for p in sent_places if p.feature not in REGION_FEATURES]
            divisions = [p for p in sent_places if p.feature not in COUNTRY_FEATURES]
            # "the Black Sea neighbourhood": a sea or natural region that no country holds is no
            # event's setting when the sentence names a place that one does.
            located = [p for p in sent_places if p.country]
            if located:
                specific = [p for p in specific if p.country]
                divisions = [p for p in divisions if p.country]
            hinted = _hinted_division(specific, divisions)
            if hinted is not None:
                return hinted, self.is_near(folded, hinted, 0)
            pool = specific or divisions or sent_places  # a town, else a region, else the country
            # "in Sorriso, Mato Grosso, ... in Sao Domingos neighbourhood": a town whose region the
            # sentence also names is read right; a namesake resolved elsewhere is not.
            pool = [p for p in pool if _backed(p, sent_places)] or pool
            # The place of an event mostly follows its trigger ("fighting rages in Khartoum").
            best = min(pool, key=lambda p: p.start - trig.start if p.start >= trig.start else 2 * (trig.start - p.start))
            return best, self.is_near(folded, best, 0)
        if last_place:
            # A country carried from the sentence before ("a plan coordinated from Russia") is
            # no more the setting than a country named here: the article's own place is.
            if last_place[1].feature in COUNTRY_FEATURES and doc_place is not None \
                    and doc_place.feature not in COUNTRY_FEATURES:
                return doc_place, False
            return last_place[1], last_place[2]
        return None, False


HINT_CHARS = 60  # "in La Sabana, Guerrero", "Alaudia village under Manpur police station in Nalanda district (Bihar)"
DIVISION_FEATURES = {"ADM1", "ADM2", "ADM1H", "ADMD"}
SEAT_FEATURES = {"PPLC", "PPLA", "PPLA2", "PPLG"}


def _hinted_division(specific: list[PlaceMention], divisions: list[PlaceMention]) -> PlaceMention | None:
    """"in La Sabana, Guerrero": the divisions written right after the sentence's first town say
    where it lies. When the town was resolved to a namesake outside them, the division is the
    place; the most precise one that lies in the last (largest) named."""
    if not specific:
        return None
    town = min(specific, key=lambda p: p.start)
    chain, end = [], town.end
    for d in sorted((d for d in divisions if d.feature in DIVISION_FEATURES and d.start > town.start), key=lambda d: d.start):
        if d.start - end > HINT_CHARS:
            break
        end = d.end
        if d.country == town.country:  # a division read in another country is itself misread
            chain.append(d)
    # A regional seat or capital is no namesake: "Kherson, Zaporizhzhia and Dnipro regions" lists.
    if not chain or town.feature in SEAT_FEATURES or any(d.admin1 == town.admin1 and d.country == town.country for d in chain):
        return None
    widest = chain[-1]
    return next(d for d in chain if d.admin1 == widest.admin1 and d.country == widest.country)


def _backed(place: PlaceMention, others: list[PlaceMention]) -> bool:
    """Another place of the sentence lies in the same first-level division."""
    return place.admin1 is not None and any(
        q.mention != place.mention and q.admin1 == place.admin1 and q.country == place.country for q in others)


def _near_cues(pack: LanguagePack) -> list[str]:
    places = pack.section("places") or {}
    for key in ("near", "near_cues", "proximity"):
        if isinstance(places.get(key), list):
            return places[key]
    return []


# -- places ---------------------------------------------------------------------------------------

def best_place(places: list[PlaceMention]) -> PlaceMention:
    specific = [p for p in places if p.feature not in REGION_FEATURES]
    return (specific or places)[0]


def main_country(places: Sequence[PlaceMention]) -> str | None:
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


# "Bamako's rejection", "Kyiv demanded": a national capital is often named for its government.
CAPITAL_WEIGHT = 0.5


def main_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The document's main place: the most mentioned admin1 region, else the first place."""
    resolved = [p for p in places if p.lat is not None and p.feature not in COUNTRY_FEATURES]
    if not resolved:
        return next((p for p in places if p.lat is not None), None)
    counts: dict[tuple, float] = {}
    for p in resolved:
        key = (p.country, p.admin1)
        counts[key] = counts.get(key, 0) + (CAPITAL_WEIGHT if p.feature == "PPLC" else 1)
    top = max(counts, key=lambda k: counts[k])
    same = [p for p in resolved if (p.country, p.admin1) == top]
    regions = [p for p in same if p.feature in REGION_FEATURES]
    return (regions or same)[0]


def to_place(p: PlaceMention, precision: int | None) -> Place:
    if precision is None:
        precision = 3 if p.feature in REGION_FEATURES else 1
    return Place(name=p.name or p.mention, mention=p.mention, geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                 admin1=p.admin1, country=p.country, geo_precision=precision)


NEAR_KM = 15.0  # a district of a city and the city are one setting


def same_place(a: PlaceMention, b: PlaceMention, nearby: bool = True) -> bool:
    """One place, or (with `nearby`) two spots of one town within NEAR_KM."""
    if (a.geonameid is not None and a.geonameid == b.geonameid) or a.mention == b.mention or (a.name and a.name == b.name):
        return True
    if not nearby or REGION_FEATURES & {a.feature, b.feature} or None in (a.lat, b.lat) or a.country != b.country:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


# -- dates ----------------------------------------------------------------------------------------

def nearest(items, position: int):
    return min(items, key=lambda d: abs(d.start - position)) if items else None


_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,20}\))?\s*[-–—]")


def is_dateline(text: str, d: DateMention, anchor: dt.date | None = None) -> bool:
    """A date at the start of a line (the text's first, or the one under its title), before the
    dash that opens the story ("KYIV, Sept 10 (EEW) -"); or a heading line that dates the writing
    ("Analytical assessment, 25 June 2023")."""
    line_start = text.rfind("\n", 0, d.start) + 1
    head = text[line_start:d.start]
    if d.start - line_start <= 40 and not any(ch.islower() for ch in head) \
            and _DATELINE_TAIL.match(text, d.end) is not None:
        return True
    return anchor is not None and d.last >= anchor - dt.timedelta(days=1) and _heading_only(text, d)


HEADING_WORDS = 4  # words besides the date on a line that only dates the text


def _heading_only(text: str, d: DateMention) -> bool:
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:d.start] + " " + text[d.end:line_end]
    return not re.search(r"[.!?:;]\s*\S", rest) and len(re.findall(r"\w+", rest)) <= HEADING_WORDS


def main_date(dates: list[DateMention], anchor) -> DateMention | None:
    """The date the article is about: its first date within a month before publication."""
    if anchor is None:
        return None
    recent = [d for d in dates if anchor - dt.timedelta(days=31) <= d.last <= anchor + dt.timedelta(days=1) and d.precision < 3]
    return recent[0] if recent else None


def latest_explicit(dates: list[DateMention]):
    explicit = [d.last for d in dates if d.explicit]
    return max(explicit) if explicit else None

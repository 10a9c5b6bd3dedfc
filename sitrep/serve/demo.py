"""Hand-made documents and results for the server's tests, screenshots and load benchmark.

`demo_corpus()` is a handful of short articles written for sitrep, each coded by hand (events,
claims with sources and certainty, contradictions), with evidence offsets computed from the
text. `synthetic_corpus(n)` makes n events' worth of generated documents for load tests.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Iterator

from sitrep.model import Claim, Contradiction, Document, DocumentResult, Event, Place, Span


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def _claim(text: str, cid: str, event: str, attribute: str, value: Any, phrase: str, **kw: Any) -> Claim:
    return Claim(id=cid, event=event, attribute=attribute, value=value, text=phrase.rstrip("."),
                 evidence=span(text, phrase), **kw)


def _olenivka() -> tuple[Document, DocumentResult]:
    text = (
        "DONETSK, July 29 (Black Sea Wire) - An explosion destroyed a barracks holding Ukrainian prisoners "
        "of war at the Olenivka prison colony in the Donetsk region overnight.\n\n"
        "Russia's defence ministry said 40 prisoners of war were killed and 75 wounded, and blamed a "
        "Ukrainian HIMARS rocket strike.\n\n"
        "Ukraine's General Staff denied striking the prison and said Russian forces had blown up the "
        "building to cover up the torture of prisoners.\n\n"
        "Denis Pushilin, the Russian-installed leader in Donetsk, later put the death toll at 53."
    )
    doc = Document(id="demo-olenivka", text=text, title="Dozens of prisoners of war killed in blast at Olenivka",
                   url="https://blacksea.example/olenivka", source="Black Sea Wire",
                   published=dt.date(2022, 7, 29), language="en")
    claims = [
        _claim(text, "c1", "e1", "killed", 40, "Russia's defence ministry said 40 prisoners of war were killed",
               subject="prisoners of war", source="Russian Ministry of Defence", source_type="military",
               certainty="claimed"),
        _claim(text, "c2", "e1", "injured", 75, "and 75 wounded", subject="prisoners of war",
               source="Russian Ministry of Defence", source_type="military", certainty="claimed"),
        _claim(text, "c3", "e1", "perpetrator", "Military Forces of Ukraine",
               "blamed a Ukrainian HIMARS rocket strike", source="Russian Ministry of Defence",
               source_type="military", certainty="claimed"),
        _claim(text, "c4", "e1", "perpetrator", "Military Forces of Russia",
               "Ukraine's General Staff denied striking the prison and said Russian forces had blown up the building",
               source="General Staff of the Armed Forces of Ukraine", source_type="military", certainty="claimed"),
        _claim(text, "c5", "e1", "killed", 53, "later put the death toll at 53", subject="prisoners of war",
               source="Denis Pushilin", source_type="official", certainty="reported"),
    ]
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start=dt.date(2022, 7, 29), date_end=dt.date(2022, 7, 29), time_precision=1,
        location=Place(name="Olenivka", mention="Olenivka", geonameid=700646, lat=47.843, lon=37.679,
                       admin1="Donetsk Oblast", country="UA", geo_precision=1),
        actor1=None, actor2="Prisoners of War (Ukraine)", actor2_mentions=["Ukrainian prisoners of war"],
        fatalities=40, certainty="reported",
        evidence=[span(text, "An explosion destroyed a barracks holding Ukrainian prisoners of war")],
        claims=[c.id for c in claims],
    )
    contradictions = [
        Contradiction(claims=["c1", "c5"], attribute="killed", event="e1", note="40 killed vs 53 killed"),
        Contradiction(claims=["c3", "c4"], attribute="perpetrator", event="e1",
                      note="Ukrainian strike vs Russian demolition"),
    ]
    return doc, DocumentResult(doc_id=doc.id, language="en", published=doc.published, events=[event],
                               claims=claims, contradictions=contradictions)


def _bakhmut() -> tuple[Document, DocumentResult]:
    text = (
        "Wagner chief Yevgeny Prigozhin said on Saturday that his fighters had taken full control of "
        "Bakhmut after months of fighting. Ukraine's deputy defence minister Hanna Maliar said the "
        "claim was untrue and that Ukrainian troops still held positions in the south-west of the city. "
        "Heavy fighting continued on the flanks near Klishchiivka."
    )
    doc = Document(id="demo-bakhmut", text=text, title="Wagner claims Bakhmut, Kyiv says fighting goes on",
                   url="https://eastern.example/bakhmut", source="Eastern Front Daily",
                   published=dt.date(2023, 5, 21), language="en")
    claims = [
        _claim(text, "c1", "e1", "captured", "Bakhmut",
               "his fighters had taken full control of Bakhmut", source="Yevgeny Prigozhin",
               source_type="armed_group", certainty="claimed"),
        _claim(text, "c2", "e1", "controls", "Military Forces of Ukraine",
               "Ukrainian troops still held positions in the south-west of the city", source="Hanna Maliar",
               source_type="government", certainty="denied"),
        _claim(text, "c3", "e2", "occurred", None, "Heavy fighting continued on the flanks near Klishchiivka",
               certainty="asserted"),
    ]
    events = [
        Event(id="e1", event_type="Battles", sub_event_type="Non-state actor overtakes territory",
              date_start=dt.date(2023, 5, 20), date_end=dt.date(2023, 5, 20),
              location=Place(name="Bakhmut", mention="Bakhmut", geonameid=712451, lat=48.595, lon=38.000,
                             admin1="Donetsk Oblast", country="UA"),
              actor1="Wagner Group", actor2="Military Forces of Ukraine", actor1_mentions=["Wagner"],
              certainty="claimed", evidence=[span(text, "his fighters had taken full control of Bakhmut")],
              claims=["c1", "c2"]),
        Event(id="e2", event_type="Battles", sub_event_type="Armed clash",
              date_start=dt.date(2023, 5, 20), date_end=dt.date(2023, 5, 20),
              location=Place(name="Klishchiivka", mention="Klishchiivka", lat=48.533, lon=37.967,
                             admin1="Donetsk Oblast", country="UA", geo_precision=2),
              actor1="Military Forces of Russia", actor2="Military Forces of Ukraine",
              certainty="asserted", evidence=[span(text, "Heavy fighting continued on the flanks near Klishchiivka")],
              claims=["c3"]),
    ]
    contradictions = [Contradiction(claims=["c1", "c2"], attribute="captured", event="e1",
                                    note="captured vs still held by Ukrainian troops")]
    return doc, DocumentResult(doc_id=doc.id, language="en", published=doc.published, events=events,
                               claims=claims, contradictions=contradictions)


def _niamey() -> tuple[Document, DocumentResult]:
    text = (
        "Thousands of supporters of the junta marched in Niamey on Sunday. Some protesters attacked the "
        "French embassy, setting a door on fire, before security forces dispersed them with tear gas, "
        "police said. No deaths were reported."
    )
    doc = Document(id="demo-niamey", text=text, title="Protesters attack French embassy in Niamey",
                   url="https://sahel.example/niamey", source="Sahel Monitor",
                   published=dt.date(2023, 7, 31), language="en")
    niamey = Place(name="Niamey", mention="Niamey", geonameid=2440485, lat=13.513, lon=2.112,
                   admin1="Niamey", country="NE")
    claims = [
        _claim(text, "c1", "e1", "occurred", None, "Thousands of supporters of the junta marched in Niamey on Sunday",
               certainty="asserted"),
        _claim(text, "c2", "e2", "occurred", None,
               "Some protesters attacked the French embassy, setting a door on fire, before security forces "
               "dispersed them with tear gas, police said", source="Niger police", source_type="official",
               certainty="reported"),
        _claim(text, "c3", "e2", "killed", 0, "No deaths were reported", certainty="reported"),
    ]
    events = [
        Event(id="e1", event_type="Protests", sub_event_type="Peaceful protest",
              date_start=dt.date(2023, 7, 30), date_end=dt.date(2023, 7, 30), location=niamey,
              actor1="Protesters (Niger)", certainty="asserted",
              evidence=[span(text, "Thousands of supporters of the junta marched in Niamey")], claims=["c1"]),
        Event(id="e2", event_type="Riots", sub_event_type="Violent demonstration",
              date_start=dt.date(2023, 7, 30), date_end=dt.date(2023, 7, 30), location=niamey,
              actor1="Rioters (Niger)", actor2="Police Forces of Niger", fatalities=0, certainty="reported",
              evidence=[span(text, "Some protesters attacked the French embassy")], claims=["c2", "c3"]),
    ]
    return doc, DocumentResult(doc_id=doc.id, language="en", published=doc.published, events=events, claims=claims)


def _sumy() -> tuple[Document, DocumentResult]:
    text = (
        "Two Russian ballistic missiles struck the centre of Sumy on Palm Sunday morning, killing 35 people, "
        "the State Emergency Service said. Russia's defence ministry claimed the strike had hit a meeting of "
        "Ukrainian commanders. Kyiv rejected that, saying the missiles hit a street full of churchgoers."
    )
    doc = Document(id="demo-sumy", text=text, title="Missile strike on central Sumy kills 35",
                   url="https://kyivpost.example/sumy", source="Dnipro Herald",
                   published=dt.date(2025, 4, 14), language="en")
    claims = [
        _claim(text, "c1", "e1", "killed", 35, "killing 35 people, the State Emergency Service said",
               subject="civilians", source="State Emergency Service of Ukraine", source_type="government",
               certainty="reported"),
        _claim(text, "c2", "e1", "aim", "meeting of Ukrainian commanders",
               "Russia's defence ministry claimed the strike had hit a meeting of Ukrainian commanders",
               source="Russian Ministry of Defence", source_type="military", certainty="claimed"),
        _claim(text, "c3", "e1", "aim", "civilians",
               "Kyiv rejected that, saying the missiles hit a street full of churchgoers",
               source="Government of Ukraine", source_type="government", certainty="denied"),
    ]
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start=dt.date(2025, 4, 13), date_end=dt.date(2025, 4, 13),
        location=Place(name="Sumy", mention="Sumy", geonameid=692194, lat=50.921, lon=34.800,
                       admin1="Sumy Oblast", country="UA"),
        actor1="Military Forces of Russia", actor2="Civilians (Ukraine)", fatalities=35, certainty="reported",
        evidence=[span(text, "Two Russian ballistic missiles struck the centre of Sumy")], claims=["c1", "c2", "c3"],
    )
    return doc, DocumentResult(
        doc_id=doc.id, language="en", published=doc.published, events=[event], claims=claims,
        contradictions=[Contradiction(claims=["c2", "c3"], attribute="aim", event="e1",
                                      note="military meeting vs civilians")],
    )


def _port_au_prince() -> tuple[Document, DocumentResult]:
    text = (
        "\U0001F6A8 Armed gangs stormed the National Penitentiary in Port-au-Prince overnight and freed most of its "
        "inmates; at least 12 people were killed, according to a prison union."
    )
    doc = Document(id="demo-haiti", text=text, title="Gangs storm Haiti's main prison",
                   url="https://caribbean.example/haiti", source="Caribbean Ledger",
                   published=dt.date(2024, 3, 4), language="en")
    claims = [_claim(text, "c1", "e1", "killed", 12, "at least 12 people were killed, according to a prison union",
                     source="prison union", source_type="other", certainty="reported")]
    event = Event(
        id="e1", event_type="Violence against civilians", sub_event_type="Attack",
        date_start=dt.date(2024, 3, 2), date_end=dt.date(2024, 3, 3), time_precision=2,
        location=Place(name="Port-au-Prince", mention="Port-au-Prince", geonameid=3718426, lat=18.539, lon=-72.335,
                       admin1="Ouest", country="HT"),
        actor1="Viv Ansanm", actor2="Civilians (Haiti)", fatalities=12, certainty="reported",
        evidence=[span(text, "Armed gangs stormed the National Penitentiary in Port-au-Prince")], claims=["c1"],
    )
    return doc, DocumentResult(doc_id=doc.id, language="en", published=doc.published, events=[event], claims=claims)


def demo_corpus() -> list[tuple[Document, DocumentResult]]:
    return [_olenivka(), _bakhmut(), _niamey(), _sumy(), _port_au_prince()]


# -- synthetic -------------------------------------------------------------------------------

_PLACES = [
    ("Kharkiv", 49.99, 36.23, "Kharkiv Oblast", "UA"), ("Kherson", 46.64, 32.61, "Kherson Oblast", "UA"),
    ("Donetsk", 48.02, 37.80, "Donetsk Oblast", "UA"), ("Belgorod", 50.60, 36.59, "Belgorod Oblast", "RU"),
    ("Aleppo", 36.20, 37.16, "Aleppo", "SY"), ("Khartoum", 15.50, 32.56, "Khartoum", "SD"),
    ("El Fasher", 13.63, 25.35, "North Darfur", "SD"), ("Gaza", 31.50, 34.47, "Gaza Strip", "PS"),
    ("Niamey", 13.51, 2.11, "Niamey", "NE"), ("Bamako", 12.65, -8.00, "Bamako", "ML"),
    ("Mogadishu", 2.04, 45.34, "Banaadir", "SO"), ("Goma", -1.68, 29.23, "North Kivu", "CD"),
]
_ACTORS = ["Military Forces of Russia", "Military Forces of Ukraine", "Rapid Support Forces",
           "Military Forces of Sudan", "Al Shabaab", "M23", "Protesters", "Civilians", None]
_SOURCES = [("Ministry of Defence", "military"), ("local officials", "official"), ("Reuters", "media"),
            ("witnesses", "anonymous"), ("Telegram channel", "social_media"), (None, None)]
_CERTAINTIES = ["confirmed", "asserted", "reported", "claimed", "likely", "unconfirmed", "denied"]


def synthetic_corpus(n_events: int, *, per_doc: int = 4, seed: int = 7) -> Iterator[tuple[Document, DocumentResult]]:
    """Documents with `per_doc` events each (n_events in all), two claims per event, some contradictions."""
    from sitrep.model import EVENT_TYPES

    rnd = random.Random(seed)
    types = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    start = dt.date(2022, 1, 1)
    n_docs = (n_events + per_doc - 1) // per_doc
    made = 0
    for d in range(n_docs):
        day = start + dt.timedelta(days=rnd.randrange(0, 1000))
        parts, events, claims, contradictions = [], [], [], []
        for i in range(min(per_doc, n_events - made)):
            name, lat, lon, admin1, cc = rnd.choice(_PLACES)
            event_type, sub = rnd.choice(types)
            killed = rnd.choice([None, 0, 1, 2, 3, 5, 8, 13, 40])
            sentence = f"Event {i} of report {d}: {sub.lower()} near {name} with {killed or 'no'} reported deaths. "
            offset = sum(len(p) for p in parts)
            parts.append(sentence)
            ev_span = Span(start=offset, end=offset + len(sentence) - 1)
            eid = f"e{i + 1}"
            cids = [f"c{i + 1}a", f"c{i + 1}b"]
            for cid, value in zip(cids, (killed or 0, (killed or 0) + rnd.choice([0, 0, 3]))):
                source, source_type = rnd.choice(_SOURCES)
                claims.append(Claim(id=cid, event=eid, attribute="killed", value=value, text=sentence.strip(),
                                    source=source, source_type=source_type, certainty=rnd.choice(_CERTAINTIES),
                                    evidence=ev_span))
            if claims[-1].value != claims[-2].value:
                contradictions.append(Contradiction(claims=cids, attribute="killed", event=eid, note="counts differ"))
            date_day = day - dt.timedelta(days=rnd.randrange(0, 3))
            events.append(Event(
                id=eid, event_type=event_type, sub_event_type=sub, date_start=date_day, date_end=date_day,
                location=Place(name=name, mention=name, lat=lat + rnd.uniform(-0.3, 0.3),
                               lon=lon + rnd.uniform(-0.3, 0.3), admin1=admin1, country=cc),
                actor1=rnd.choice(_ACTORS), actor2=rnd.choice(_ACTORS), fatalities=killed,
                certainty=rnd.choice(_CERTAINTIES), evidence=[ev_span], claims=cids,
            ))
            made += 1
        text = "".join(parts)
        doc = Document(id=f"synthetic-{d:06d}", text=text, title=f"Synthetic report {d}", source="Synthetic Wire",
                       url=f"https://synthetic.example/{d}", published=day, language="en")
        yield doc, DocumentResult(doc_id=doc.id, language="en", published=day, events=events, claims=claims,
                                  contradictions=contradictions)


_OUTLETS = ["Synthetic Wire", "Frontline Ledger", "Sahel Daily", "Desert Post", "Global Monitor", "Night Desk"]


def synthetic_incident_corpus(n_events: int, *, per_incident: int = 3, per_doc: int = 4,
                              seed: int = 11) -> Iterator[tuple[Document, DocumentResult]]:
    """Documents whose events report shared incidents: about n_events / per_incident incidents,
    each reported by 1..2*per_incident-1 documents from different outlets over a few days, with
    fatality counts that sometimes disagree. `sitrep.store.incidents.update_incidents` groups them."""
    from sitrep.model import EVENT_TYPES

    rnd = random.Random(seed)
    types = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    start = dt.date(2022, 1, 1)
    reports: list[tuple[dt.date, float, int]] = []
    incidents = []
    while len(reports) < n_events:
        name, lat, lon, admin1, cc = rnd.choice(_PLACES)
        incidents.append({
            "place": (name, lat + rnd.uniform(-0.3, 0.3), lon + rnd.uniform(-0.3, 0.3), admin1, cc),
            "day": start + dt.timedelta(days=rnd.randrange(0, 1000)), "type": rnd.choice(types),
            "actors": (rnd.choice(_ACTORS), rnd.choice(_ACTORS)), "killed": rnd.choice([None, 0, 1, 2, 3, 5, 8, 13, 40]),
        })
        k = len(incidents) - 1
        for _ in range(min(n_events - len(reports), rnd.randint(1, 2 * per_incident - 1))):
            reports.append((incidents[k]["day"] + dt.timedelta(days=rnd.randrange(0, 3)), rnd.random(), k))
    reports.sort()
    docs: list[tuple[dt.date, list[int]]] = []
    for day, _, k in reports:
        if not docs or docs[-1][0] != day or len(docs[-1][1]) >= per_doc or k in docs[-1][1]:
            docs.append((day, []))
        docs[-1][1].append(k)
    for d, (day, members) in enumerate(docs):
        outlet = rnd.choice(_OUTLETS)
        parts, events, claims, contradictions = [], [], [], []
        for i, k in enumerate(members):
            inc = incidents[k]
            name, lat, lon, admin1, cc = inc["place"]
            event_type, sub = inc["type"]
            killed = inc["killed"]
            if killed is not None and rnd.random() < 0.3:
                killed += rnd.choice([1, 3, 10])
            source, source_type = rnd.choice(_SOURCES)
            sentence = (f"{outlet} item {d}.{i}: {sub.lower()} in {name} on {inc['day'].isoformat()}, "
                        f"{killed if killed is not None else 'an unknown number of'} killed per {source or 'our reporter'}. ")
            offset = sum(len(p) for p in parts)
            parts.append(sentence)
            ev_span = Span(start=offset, end=offset + len(sentence) - 1)
            eid, cid = f"e{i + 1}", f"c{i + 1}"
            claims.append(Claim(id=cid, event=eid, attribute="killed", value=killed or 0, text=sentence.strip(),
                                source=source, source_type=source_type, certainty=rnd.choice(_CERTAINTIES),
                                evidence=ev_span))
            events.append(Event(
                id=eid, event_type=event_type, sub_event_type=sub, date_start=inc["day"], date_end=inc["day"],
                location=Place(name=name, mention=name, lat=lat, lon=lon, admin1=admin1, country=cc),
                actor1=inc["actors"][0], actor2=inc["actors"][1], fatalities=killed,
                certainty=rnd.choice(_CERTAINTIES), evidence=[ev_span], claims=[cid],
            ))
        doc = Document(id=f"synthetic-inc-{d:06d}", text="".join(parts), title=f"{outlet} digest {d}", source=outlet,
                       url=f"https://synthetic.example/inc/{d}", published=day, language="en")
        yield doc, DocumentResult(doc_id=doc.id, language="en", published=day, events=events, claims=claims,
                                  contradictions=contradictions)

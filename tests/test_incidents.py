"""Incidents across sources, on a real SQLite store with hand-built DocumentResults."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from sitrep.model import Claim, Document, DocumentResult, Event, Place, Span
from sitrep.resolve.incidents import IncidentIndex, IncidentOptions, near_duplicates, node_from_event, signature
from sitrep.store import open_store
from sitrep.store.incidents import incident_records, incidents_as_of, update_incidents

D = dt.date
KHARKIV = dict(name="Kharkiv", geonameid=706483, lat=49.9935, lon=36.2304, admin1="Kharkiv Oblast", country="UA")
MEREFA = dict(name="Merefa", geonameid=701822, lat=49.8236, lon=36.0504, admin1="Kharkiv Oblast", country="UA")  # ~23 km
ODESA = dict(name="Odesa", geonameid=698740, lat=46.4775, lon=30.7326, admin1="Odessa Oblast", country="UA")
KHARKIV_REGION = dict(name="Kharkiv Oblast", geonameid=706482, lat=49.5, lon=36.5, admin1="Kharkiv Oblast",
                      country="UA", geo_precision=3)
RU, CIV = "Military Forces of Russia (2000-)", "Civilians (Ukraine)"

WIRE = ("A Russian drone struck an apartment block in Kharkiv late on Saturday, killing six people and "
        "wounding ten, the regional governor Oleh Syniehubov said. Rescuers worked through the night "
        "to pull survivors from the rubble of the nine-storey building in the north of the city.")
WIRE_COPY = WIRE.replace("late on Saturday", "on Saturday night") + " Reporting by our correspondent."


def art(doc_id, published, text=None, source="Outlet"):
    return Document(id=doc_id, text=text or f"Article {doc_id} written for the incident tests.", source=source,
                    published=published, language="en")


def res(doc_id, published, *events, claims=()):
    return DocumentResult(doc_id=doc_id, language="en", published=published, events=list(events), claims=list(claims))


def ev(eid="e1", day=D(2024, 4, 6), place=KHARKIV, sub="Air/drone strike", etype="Explosions/Remote violence",
       a1=RU, a2=CIV, fatalities=None, claims=(), precision=1):
    loc = None
    if place is not None:
        loc = Place(mention=place["name"], geo_precision=place.get("geo_precision", 1),
                    **{k: v for k, v in place.items() if k != "geo_precision"})
    return Event(id=eid, event_type=etype, sub_event_type=sub, date_start=day, date_end=day, time_precision=precision,
                 location=loc, actor1=a1, actor2=a2, fatalities=fatalities, claims=list(claims),
                 evidence=[Span(start=0, end=10)])


def cl(cid, attribute, value, source, event="e1", certainty="reported"):
    return Claim(id=cid, event=event, attribute=attribute, value=value, source=source, certainty=certainty,
                 text=f"{attribute} {value}", evidence=Span(start=0, end=10))


def corpus():
    """(Document, DocumentResult) pairs: one Kharkiv strike in 5 reports (a syndicated copy, a
    region-only report, a Russian denial) plus decoys."""
    p = D(2024, 4, 7)
    items = [
        (art("kh-en", p, WIRE, "Wire"), res("kh-en", p, ev(fatalities=6, claims=["c1"]),
                                             claims=[cl("c1", "killed", 6, "Oleh Syniehubov")])),
        (art("kh-copy", p, WIRE_COPY, "Reprint Daily"), res("kh-copy", p, ev(fatalities=6, claims=["c1"]),
                                                              claims=[cl("c1", "killed", 6, "Oleh Syniehubov")])),
        (art("kh-ro", D(2024, 4, 8)), res("kh-ro", D(2024, 4, 8), ev(fatalities=7, claims=["c1"]),
                                           claims=[cl("c1", "killed", 7, "Ukrainian emergency service")])),
        (art("kh-ru", p), res("kh-ru", p, ev(a1=RU, a2="Military Forces of Ukraine (2019-)", claims=["c1"]),
                              claims=[cl("c1", "killed", 0, "Russian Ministry of Defence", certainty="denied")])),
        (art("kh-region", D(2024, 4, 9)), res("kh-region", D(2024, 4, 9), ev(place=KHARKIV_REGION))),
        (art("merefa", p), res("merefa", p, ev(place=MEREFA, day=D(2024, 4, 5)))),  # nearby, within the window
        # decoys
        (art("kh-later", D(2024, 4, 11)), res("kh-later", D(2024, 4, 11), ev(day=D(2024, 4, 10), fatalities=0))),
        (art("odesa", p), res("odesa", p, ev(place=ODESA, fatalities=2))),
        (art("kh-protest", p), res("kh-protest", p, ev(etype="Protests", sub="Peaceful protest", a1="Protesters (Ukraine)",
                                                       a2=None))),
    ]
    return items


def ingest_all(store, items):
    for doc, result in items:
        store.ingest(doc, result)


def by_members(records):
    return {frozenset(m["doc_id"] for m in r["members"]): r for r in records}


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "sitrep.db")) as opened:
        yield opened


def test_grouping_decoys_and_record(store):
    ingest_all(store, corpus())
    summary = update_incidents(store)
    assert summary["documents"] == 9
    groups = by_members(incident_records(store))
    main = frozenset({"kh-en", "kh-copy", "kh-ro", "kh-ru", "kh-region", "merefa"})
    assert set(groups) == {main, frozenset({"kh-later"}), frozenset({"odesa"}), frozenset({"kh-protest"})}
    record = groups[main]
    assert record["fatalities"] == 6 and record["fatalities_range"] == [0, 7]  # ACLED: most conservative
    assert record["consensus"]["fatalities"]["from"][0]["doc_id"] in {"kh-en", "kh-copy"}
    assert record["independent_sources"] == 5  # the syndicated copy does not count
    assert {m["doc_id"]: m["duplicate_of"] for m in record["members"]}["kh-copy"] == "kh-en" or \
        {m["doc_id"]: m["duplicate_of"] for m in record["members"]}["kh-en"] == "kh-copy"
    assert record["first_reported"] == "2024-04-07"
    assert record["location"]["name"] == "Kharkiv" and record["date_start"] == "2024-04-06"
    assert record["consensus"]["location"]["support"] >= 3
    killed = [c for c in record["contradictions"] if c["attribute"] == "killed" and c["scope"] == "cross-document"]
    docs = {r["doc_id"] for c in killed for r in c["claims"]}
    assert {"kh-en", "kh-ru", "kh-ro"} <= docs
    assert any({p["value"] for p in c["positions"]} == {6, 0} for c in killed)
    assert record["has_contradiction"]
    assert len(record["claims"]) == 4 and all("source" in c and "certainty" in c for c in record["claims"])


def test_region_only_report_does_not_chain_two_places():
    opts = IncidentOptions()
    p = D(2024, 4, 7)
    izium = dict(name="Izium", geonameid=707688, lat=49.2128, lon=37.2569, admin1="Kharkiv Oblast", country="UA")
    nodes = [node_from_event(d, d, p, e, opts) for d, e in [
        ("a", ev(place=KHARKIV)), ("b", ev(place=izium)), ("r", ev(place=KHARKIV_REGION))]]
    index = IncidentIndex(opts)
    index.add(nodes)
    groups = sorted(sorted(d for d, _ in m) for m in index.incidents().values())
    assert groups == [["a", "r"], ["b"]]  # the region report joins its best match only


def test_minhash_links_syndicated_copies_not_other_stories():
    sigs = [("wire", signature(WIRE)), ("copy", signature(WIRE_COPY)),
            ("other", signature("Shelling hit the port of Odesa on Sunday; two dock workers were killed, "
                                "the regional administration said, and a grain warehouse burned down."))]
    pairs = near_duplicates(sigs[2:], sigs[:2])
    assert pairs == []
    pairs = near_duplicates(sigs)
    assert [(a, b) for a, b, _ in pairs] == [("copy", "wire")]


def test_ingest_twice_is_idempotent(store):
    items = corpus()
    ingest_all(store, items)
    update_incidents(store)
    first = list(incident_records(store))
    ingest_all(store, items)
    assert update_incidents(store)["documents"] == 0
    assert list(incident_records(store)) == first


def _snapshot(store):
    out = {}
    for r in incident_records(store):
        r = json.loads(json.dumps(r))
        out[r["id"]] = r
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_order_independent_and_incremental(tmp_path, seed):
    items = corpus()
    with open_store(str(tmp_path / "all.db")) as whole:
        ingest_all(whole, items)
        update_incidents(whole)
        expected = _snapshot(whole)
    shuffled = items[:]
    random.Random(seed).shuffle(shuffled)
    with open_store(str(tmp_path / f"inc{seed}.db")) as inc:
        for doc, result in shuffled:  # one document at a time, in a random order
            inc.ingest(doc, result)
            update_incidents(inc, since_doc_ids=[doc.id])
        got = _snapshot(inc)
    assert set(got) == set(expected)
    assert got == expected


def test_replaced_document_leaves_its_incident(store):
    items = corpus()
    ingest_all(store, items)
    update_incidents(store)
    # kh-ro is edited: now it reports the Odesa strike.
    doc = art("kh-ro", D(2024, 4, 8), "Edited: the strike was in Odesa after all.")
    store.ingest(doc, res("kh-ro", D(2024, 4, 8), ev(place=ODESA, fatalities=2)))
    update_incidents(store)
    groups = by_members(incident_records(store))
    assert frozenset({"odesa", "kh-ro"}) in groups
    assert not any("kh-ro" in g and "kh-en" in g for g in groups)


def test_as_of_shows_what_was_known_then(store):
    ingest_all(store, corpus())
    update_incidents(store)
    early = by_members(incidents_as_of(store, D(2024, 4, 7)))
    main = frozenset({"kh-en", "kh-copy", "kh-ru", "merefa"})
    assert main in early
    record = early[main]
    assert record["fatalities_range"] == [0, 6]  # the 7 killed of kh-ro came later
    assert all(c["published"] <= "2024-04-07" for c in record["claims"])
    assert frozenset({"kh-later"}) not in early
    later = by_members(incidents_as_of(store, D(2024, 4, 30)))
    assert set(later) == set(by_members(incident_records(store)))


def test_filters(store):
    ingest_all(store, corpus())
    update_incidents(store)
    assert {r["admin1"] for r in incident_records(store, admin1="Odessa Oblast")} == {"Odessa Oblast"}
    assert all(r["has_contradiction"] for r in incident_records(store, has_contradiction=True))
    assert [r["event_type"] for r in incident_records(store, event_type="Protests")] == ["Protests"]
    assert len(list(incident_records(store, actor="protesters"))) == 1
    assert {r["date_start"] for r in incident_records(store, since=D(2024, 4, 9))} == {"2024-04-10"}


def test_cli_jsonl_and_exports(tmp_path):
    import csv
    import io

    from typer.testing import CliRunner

    import sitrep.cli
    import sitrep.cli.incidents_cmd  # noqa: F401  (registers the command)
    from sitrep.export.incidents import write_incident_export

    db = str(tmp_path / "cli.db")
    with open_store(db) as opened:
        ingest_all(opened, corpus())
    runner = CliRunner()
    out = runner.invoke(sitrep.cli.app, ["incidents", "--db", db, "--format", "jsonl", "--has-contradiction"])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    record = lines[0]
    assert record["id"].startswith("inc-") and record["claims"] and record["contradictions"] and record["consensus"]
    assert all(set(m) >= {"doc_id", "event"} and m["event"]["id"] for m in record["members"])
    table = runner.invoke(sitrep.cli.app, ["incidents", "--db", db, "--as-of", "2024-04-07", "--country", "UA"])
    assert table.exit_code == 0 and "as of 2024-04-07" in table.output
    bad = runner.invoke(sitrep.cli.app, ["incidents", "--db", db, "--as-of", "April"])
    assert bad.exit_code != 0
    with open_store(db, create=False) as opened:
        buf = io.StringIO()
        assert write_incident_export(opened, "acled", buf).written == 4
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        main = next(r for r in rows if "Oleh Syniehubov" in r["source"])
        assert "Russian Ministry of Defence" in main["source"] and main["fatalities"] == "6"
        buf = io.StringIO()
        assert write_incident_export(opened, "geojson", buf).written == 4
        assert len(json.loads(buf.getvalue())["features"]) == 4
        buf = io.StringIO()
        assert write_incident_export(opened, "jsonl", buf, as_of=D(2024, 4, 7)).written >= 3


# -- facets of one document, actors, contradictions ------------------------------------------

BAKHMUT = dict(name="Bakhmut", geonameid=712165, lat=48.595, lon=38.0, admin1="Donetsk Oblast", country="UA")
KLISHCHIIVKA = dict(name="Klishchiivka", geonameid=None, lat=48.533, lon=37.967, admin1="Donetsk Oblast", country="UA")
DISRUPTED = dict(etype="Strategic developments", sub="Disrupted weapons use", a1=RU, a2=None)


def facet_corpus():
    """Node inputs (doc_id, published, event): a report with facets (an interception beside the
    strike, a region-level line), a round-up naming two far-apart cities, and other reports."""
    p = D(2024, 4, 7)
    return [
        ("facets", p, ev("e1")), ("facets", p, ev("e2", **DISRUPTED)), ("facets", p, ev("e3", place=KHARKIV_REGION)),
        ("kh-other", p, ev("e1", a1="Unidentified Armed Group (Ukraine)")),
        ("odesa", p, ev("e1", place=ODESA)),
        # One article, two cities 500 km apart, plus a placeless line: three events, two incidents.
        ("roundup", p, ev("e1", place=MEREFA)), ("roundup", p, ev("e2", place=ODESA)),
        ("roundup", p, ev("e3", place=None)),
        ("intercept", p, ev("e1", **DISRUPTED)),  # another outlet's air-defence report: joins via e2
        ("kh-later", D(2024, 4, 11), ev("e1", day=D(2024, 4, 10))),
        # Different happenings of one article stay apart: a protest and a riot at one place, a
        # town taken and a clash 7 km away.
        ("niamey", p, ev("e1", place=ODESA, day=D(2024, 4, 3), etype="Protests", sub="Peaceful protest",
                         a1="Protesters (Ukraine)", a2=None)),
        ("niamey", p, ev("e2", place=ODESA, day=D(2024, 4, 3), etype="Riots", sub="Violent demonstration",
                         a1="Rioters (Ukraine)", a2=None)),
        ("bakhmut", p, ev("e1", place=BAKHMUT, day=D(2024, 4, 1), etype="Battles",
                          sub="Non-state actor overtakes territory", a1="Wagner Group", a2=None)),
        ("bakhmut", p, ev("e2", place=KLISHCHIIVKA, day=D(2024, 4, 1), etype="Battles", sub="Armed clash")),
    ]


def _facet_nodes(items=None):
    opts = IncidentOptions()
    return [node_from_event(d, d, p, e, opts) for d, p, e in (items or facet_corpus())]


def _grouping(index):
    return {i: sorted(m) for i, m in index.incidents().items()}


def test_facets_of_one_document_join_without_chaining_places():
    index = IncidentIndex(IncidentOptions())
    index.add(_facet_nodes())
    groups = sorted(sorted(f"{d}/{e}" for d, e in m) for m in index.incidents().values())
    assert groups == [
        ["bakhmut/e1"], ["bakhmut/e2"],
        ["facets/e1", "facets/e2", "facets/e3", "intercept/e1", "kh-other/e1", "roundup/e1", "roundup/e3"],
        ["kh-later/e1"],
        ["niamey/e1"], ["niamey/e2"],
        ["odesa/e1", "roundup/e2"],
    ]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_facet_grouping_is_order_independent_and_incremental(seed):
    whole = IncidentIndex(IncidentOptions())
    whole.add(_facet_nodes())
    items = facet_corpus()
    docs = sorted({d for d, _, _ in items})
    random.Random(seed).shuffle(docs)
    inc = IncidentIndex(IncidentOptions())
    for doc in docs:  # a document at a time (all its events together), in a random order
        inc.add(_facet_nodes([it for it in items if it[0] == doc]))
    assert _grouping(inc) == _grouping(whole)


def test_unidentified_actors_do_not_count_against_a_match():
    opts = IncidentOptions()
    p = D(2024, 4, 24)
    region = dict(KHARKIV_REGION)
    a = node_from_event("a", "a", p, ev(place=region, a1="Unidentified Armed Group (Ukraine)", a2=CIV), opts)
    b = node_from_event("b", "b", p, ev(place=region, a1=RU, a2="Government of Ukraine"), opts)
    c = node_from_event("c", "c", p, ev(place=region, a1="Military Forces of Ukraine (2019-)", a2=None), opts)
    from sitrep.resolve.incidents import score

    assert score(a, b, opts) == 2  # same region, same sub-event type; the actors say nothing
    assert score(b, c, opts) is None  # two identified, different perpetrators still count against


def _member(doc_id, *claims, outlet="Outlet"):
    from sitrep.resolve.incidents import Member

    return Member(doc_id=doc_id, event=ev(), published=D(2024, 4, 7), outlet=outlet, content_hash=doc_id,
                  claims=list(claims))


def test_cross_contradictions_polarity_and_sources():
    from sitrep.resolve.incidents import cross_contradictions

    def found(a, b):
        return [(c["attribute"], c["note"]) for c in cross_contradictions([_member("a", a), _member("b", b)])]

    ua, gs = "Military Forces of Ukraine (2019-)", "General Staff of the Armed Forces of Ukraine"
    # One side names the culprit, the other denies that very culprit.
    assert found(cl("c1", "perpetrator", ua, "Vyacheslav Gladkov", certainty="claimed"),
                 cl("c1", "perpetrator", ua, gs, certainty="denied")) == [
        ("perpetrator", f"{ua} (Vyacheslav Gladkov) vs denied {ua} ({gs})")]
    # A denied figure contradicts the same figure asserted, and a denied 0 any loss ...
    assert found(cl("c1", "killed", 4, "Oleh Kiper"), cl("c1", "killed", 4, "Russian MoD", certainty="denied"))
    assert found(cl("c1", "killed", 6, "Oleh Syniehubov"), cl("c1", "killed", 0, "Russian MoD", certainty="denied"))
    # ... but not another figure, nor another denial.
    assert not found(cl("c1", "killed", 6, "Oleh Syniehubov"), cl("c1", "killed", 4, "Russian MoD", certainty="denied"))
    assert not found(cl("c1", "killed", 4, "A", certainty="denied"), cl("c1", "killed", 0, "B", certainty="denied"))
    # Sources: one person spelled two ways is one source (a revision, not a contradiction) ...
    assert not found(cl("c1", "killed", 1, "Serhiy Lyssak"), cl("c1", "killed", 2, "Serhiy Lysák"))
    # ... a role title is not resolved to a person: "Governor" vs a named governor still counts.
    assert found(cl("c1", "killed", 5, "Governor"), cl("c1", "killed", 6, "Oleh Syniehubov"))

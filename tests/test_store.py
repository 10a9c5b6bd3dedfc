"""Store tests on a real SQLite file. test_store_postgres.py reruns them on PostgreSQL by
overriding the `target` fixture, so every test here goes through `open_store(target)`."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from sitrep.errors import StoreError
from sitrep.model import Claim, Contradiction, Document, DocumentResult, Event, Place, Span
from sitrep.store import open_store, schema


@pytest.fixture
def target(tmp_path) -> str:
    return str(tmp_path / "sitrep.db")


@pytest.fixture
def store(target):
    with open_store(target) as opened:
        yield opened


def make_doc(doc_id: str = "kharkiv-en-1", text: str | None = None, source: str | None = "Kyiv Independent") -> Document:
    return Document(
        id=doc_id, text=text or f"Article {doc_id}: shelling in Kharkiv killed three, officials said.",
        title="Shelling in Kharkiv", source=source, url=f"https://example.invalid/{doc_id}",
        published=dt.date(2023, 5, 23), language="en", origin=f"samples/{doc_id}.json",
    )


def make_result(doc_id: str = "kharkiv-en-1", country: str | None = "UA", lat: float | None = 49.99) -> DocumentResult:
    place = Place(name="Kharkiv", mention="Kharkiv", geonameid=706483, lat=lat, lon=36.23 if lat else None,
                  admin1="Kharkiv Oblast", country=country, geo_precision=1)
    return DocumentResult(
        doc_id=doc_id, language="en", published=dt.date(2023, 5, 23),
        events=[
            Event(id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                  date_start=dt.date(2023, 5, 22), date_end=dt.date(2023, 5, 22), location=place,
                  actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)", fatalities=3,
                  certainty="reported", evidence=[Span(start=0, end=40)], claims=["c1", "c2"]),
            Event(id="e2", event_type="Battles", sub_event_type="Armed clash", date_start=dt.date(2023, 5, 20),
                  date_end=dt.date(2023, 5, 21), time_precision=2, location=None, certainty="claimed"),
        ],
        claims=[
            Claim(id="c1", event="e1", attribute="killed", value=3, subject="civilians", text="three killed",
                  source="Kharkiv regional administration", source_type="official", certainty="reported",
                  evidence=Span(start=0, end=40)),
            Claim(id="c2", event="e1", attribute="killed", value=0, source="Russian Ministry of Defence",
                  source_type="military", certainty="denied", quote=True, evidence=Span(start=41, end=60)),
            Claim(id="c3", event="e2", attribute="perpetrator", value="39", text="unit 39", evidence=Span(start=61, end=70)),
        ],
        contradictions=[Contradiction(claims=["c1", "c2"], attribute="killed", event="e1", note="3 vs 0 killed")],
        warnings=["no explicit date for e2"],
    )


def table_count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_round_trip_rebuilds_the_same_results(store):
    assert store.ingest(make_doc(), make_result()) is True
    [back] = list(store.results())
    assert back == make_result()
    assert back.claims[0].value == 3 and back.claims[2].value == "39"  # int and numeric text stay apart
    [doc] = list(store.documents())
    assert doc == make_doc()


def test_same_content_adds_nothing(store):
    assert store.ingest(make_doc(), make_result())
    before = store.counts()
    assert store.contains(make_doc()) and not store.contains(make_doc(text="other text"))
    assert store.ingest(make_doc(), make_result()) is False
    # The same text under another id is the same article, too.
    assert store.ingest(make_doc("copy", text=make_doc().text), make_result("copy")) is False
    assert store.counts() == before


def test_changed_text_replaces_the_document(store):
    store.ingest(make_doc(), make_result())
    edited = make_doc(text="Corrected: shelling in Kharkiv killed four.")
    result = make_result()
    result.events, result.claims, result.contradictions = result.events[1:], [], []
    assert store.ingest(edited, result) is True
    assert store.replaced == ["kharkiv-en-1"]
    [back] = list(store.results())
    assert [e.id for e in back.events] == ["e2"] and back.claims == []
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["claims"], counts["contradictions"], counts["places"]) == (1, 1, 0, 0, 0)
    with store.engine.connect() as conn:
        assert conn.execute(select(schema.documents.c.revision, schema.documents.c.text)).one() == (2, edited.text)


def test_migrations_are_recorded_once(target):
    from sitrep.store.migrations import MIGRATIONS

    names = [name for name, _ in MIGRATIONS]
    assert names[0] == "0001_initial"
    for _ in range(3):
        with open_store(target) as store:
            assert store.applied_migrations() == names
    with open_store(target) as store:
        assert table_count(store, schema.schema_migrations) == len(names)


def test_unknown_migration_is_refused(target):
    with open_store(target) as store, store.engine.begin() as conn:
        conn.execute(schema.schema_migrations.insert().values(name="9999_future", applied_at=dt.datetime.now(dt.timezone.utc)))
    with pytest.raises(StoreError, match="9999_future"):
        open_store(target)


def test_a_failing_document_leaves_earlier_ones_intact(store):
    store.ingest(make_doc("first"), make_result("first"))
    broken = make_result("second")
    broken.claims.append(broken.claims[0])  # duplicate claim id: the claims insert fails
    with pytest.raises(StoreError, match=r"samples/second\.json: cannot store document 'second'"):
        store.ingest(make_doc("second"), broken)
    assert [r.doc_id for r in store.results()] == ["first"]
    assert (store.counts()["events"], store.counts()["claims"]) == (2, 3)
    assert store.ingest(make_doc("second"), make_result("second")) is True  # nothing half-written blocks it


def test_result_for_another_document_is_refused(store):
    with pytest.raises(StoreError, match="result is for document"):
        store.ingest(make_doc("a"), make_result("b"))


def test_events_filters_and_sources(store):
    store.ingest(make_doc("ua"), make_result("ua"))
    store.ingest(make_doc("sy", source=None), make_result("sy", country="SY"))
    assert [(e.doc_id, e.event.id) for e in store.events()] == [("sy", "e1"), ("sy", "e2"), ("ua", "e1"), ("ua", "e2")]
    assert [e.doc_id for e in store.events(country="ua")] == ["ua"]
    assert [e.event.id for e in store.events(event_type="Battles")] == ["e2", "e2"]
    assert [e.event.id for e in store.events(since=dt.date(2023, 5, 22), doc_id="ua")] == ["e1"]
    assert [e.event.id for e in store.events(until=dt.date(2023, 5, 20), doc_id="ua")] == ["e2"]
    first = next(store.events(doc_id="ua"))
    assert first.sources == ("Kharkiv regional administration", "Russian Ministry of Defence")
    assert first.doc_source == "Kyiv Independent" and first.ingested_at.tzinfo is not None
    counts = store.counts()
    assert counts["events_by_type"] == {"Battles": 2, "Explosions/Remote violence": 2}
    assert counts["events_by_country"] == {"": 2, "SY": 1, "UA": 1}


def test_missing_or_unreadable_database(tmp_path, target):
    if "://" in target:
        pytest.skip("file checks are for SQLite")
    with pytest.raises(StoreError, match="no database at"):
        open_store(str(tmp_path / "absent.db"), create=False)
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "x.db"))
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 200)
    with pytest.raises(StoreError, match="cannot open database .*junk.db"):
        open_store(str(junk))

"""HTTP API tests (FastAPI TestClient over a real SQLite store of hand-coded documents)."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API needs fastapi (pip install fastapi uvicorn httpx)")
pytest.importorskip("httpx", reason="the API tests need httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitrep.errors import StoreError
from sitrep.model import Claim, Document, DocumentResult, Event, Place, Span
from sitrep.serve import Settings, create_app
from sitrep.serve.app import content_security_policy, vendor_available
from sitrep.serve.demo import demo_corpus
from sitrep.store import open_store
from sitrep.store.incidents import incident_records, update_incidents

TOKEN = "s3cret-token"
ALL_EVENTS = 7


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The demo corpus stored once per module; tests that write get a copy."""
    path = tmp_path_factory.mktemp("api") / "demo.db"
    with open_store(str(path)) as opened:
        for doc, result in demo_corpus():
            assert opened.ingest(doc, result)
        update_incidents(opened)  # as `sitrep incidents` does after ingest
    return path


@pytest.fixture(scope="module")
def shared_store(demo_db):
    with open_store(str(demo_db), create=False) as opened:
        yield opened


@pytest.fixture
def store(demo_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_db, copy)
    with open_store(str(copy), create=False) as opened:
        yield opened


def fake_extract(doc) -> DocumentResult:
    """Stands in for the pipeline: one event at the first word, one claim."""
    first = doc.text.split()[0]
    return DocumentResult(
        doc_id=doc.id, language=doc.language or "en", published=doc.published,
        events=[Event(id="e1", event_type="Battles", sub_event_type="Armed clash",
                      location=Place(name="Avdiivka", mention="Avdiivka", lat=48.14, lon=37.74,
                                     admin1="Donetsk Oblast", country="UA"),
                      evidence=[Span(start=0, end=len(first))], claims=["c1"])],
        claims=[Claim(id="c1", event="e1", attribute="occurred", text=first, evidence=Span(start=0, end=len(first)))],
    )


@pytest.fixture(scope="module", params=["memory-index", "sql-only"])
def client(shared_store, request):
    """Read tests share one app and store (nothing they do writes); every one runs with the
    in-memory event index and with filtering done in SQL, which must agree."""
    settings = Settings(write_token=TOKEN, extractor=fake_extract, event_index=request.param == "memory-index")
    app = create_app(shared_store, settings)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def writer(store):
    app = create_app(store, Settings(write_token=TOKEN, extractor=fake_extract))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def read_only(store):
    with TestClient(create_app(store, Settings(write_token=None, extractor=fake_extract))) as test_client:
        yield test_client


def uids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["uid"] for item in response.json()["items"]}


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    if code:
        assert error["code"] == code
    return error


# -- events: listing, paging, filters ------------------------------------------------------------

def test_events_list_has_contract_fields_and_extras(client):
    body = client.get("/api/events").json()
    assert body["total"] == ALL_EVENTS and body["next_offset"] is None
    dates = [e["date_start"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    sumy = body["items"][0]
    assert sumy["uid"] == "demo-sumy:e1" and sumy["id"] == "e1"
    assert sumy["event_type"] == "Explosions/Remote violence" and sumy["fatalities"] == 35
    assert sumy["location"]["country"] == "UA" and sumy["evidence"] == [{"start": 0, "end": 56}]
    assert sumy["contradictions"] == 1
    assert sumy["document"]["source"] == "Dnipro Herald"
    assert {s["name"] for s in sumy["sources"]} == {
        "State Emergency Service of Ukraine", "Russian Ministry of Defence", "Government of Ukraine"}


def test_pagination_covers_everything_once(client):
    seen, offset, pages = [], 0, 0
    while offset is not None:
        body = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert body["total"] == ALL_EVENTS and body["limit"] == 3 and body["offset"] == offset
        seen += [e["uid"] for e in body["items"]]
        offset = body["next_offset"]
        pages += 1
    assert pages == 3 and len(seen) == ALL_EVENTS == len(set(seen))
    past_end = client.get("/api/events", params={"offset": 50}).json()
    assert past_end["items"] == [] and past_end["total"] == ALL_EVENTS


@pytest.mark.parametrize("params, expected", [
    ({"event_type": "Battles"}, {"demo-bakhmut:e1", "demo-bakhmut:e2"}),
    ({"event_type": ["Protests", "Riots"]}, {"demo-niamey:e1", "demo-niamey:e2"}),
    ({"sub_event_type": "Armed clash"}, {"demo-bakhmut:e2"}),
    ({"country": "ne"}, {"demo-niamey:e1", "demo-niamey:e2"}),
    ({"country": ["HT", "NE"]}, {"demo-haiti:e1", "demo-niamey:e1", "demo-niamey:e2"}),
    ({"admin1": "donetsk oblast"}, {"demo-olenivka:e1", "demo-bakhmut:e1", "demo-bakhmut:e2"}),
    ({"actor": "wagner"}, {"demo-bakhmut:e1"}),
    ({"certainty": ["claimed", "asserted"]}, {"demo-bakhmut:e1", "demo-bakhmut:e2", "demo-niamey:e1"}),
    ({"has_contradiction": "true"}, {"demo-olenivka:e1", "demo-bakhmut:e1", "demo-sumy:e1"}),
    ({"has_contradiction": "false"}, {"demo-bakhmut:e2", "demo-niamey:e1", "demo-niamey:e2", "demo-haiti:e1"}),
    ({"date_from": "2023-05-20", "date_to": "2023-07-30"},
     {"demo-bakhmut:e1", "demo-bakhmut:e2", "demo-niamey:e1", "demo-niamey:e2"}),
    ({"date_from": "2024-03-03", "date_to": "2024-03-03"}, {"demo-haiti:e1"}),  # span 03-02..03-03 overlaps
    ({"date_to": "2022-12-31"}, {"demo-olenivka:e1"}),
    ({"bbox": "30,45,40,52"}, {"demo-olenivka:e1", "demo-bakhmut:e1", "demo-bakhmut:e2", "demo-sumy:e1"}),
    ({"bbox": "170,-60,-60,60"}, {"demo-haiti:e1"}),  # crosses the antimeridian
    ({"min_fatalities": 20}, {"demo-olenivka:e1", "demo-sumy:e1"}),
    ({"q": "EMBASSY"}, {"demo-niamey:e1", "demo-niamey:e2"}),  # document title
    ({"q": "klishch"}, {"demo-bakhmut:e2"}),  # place
    ({"q": "100%_"}, set()),  # LIKE wildcards are literal
    ({"doc_id": "demo-bakhmut"}, {"demo-bakhmut:e1", "demo-bakhmut:e2"}),
    ({"country": "UA", "has_contradiction": "true", "date_from": "2023-01-01"}, {"demo-bakhmut:e1", "demo-sumy:e1"}),
])
def test_event_filters(client, params, expected):
    response = client.get("/api/events", params=params)
    assert uids(response) == expected
    assert response.json()["total"] == len(expected)


def test_sort_by_fatalities(client):
    items = client.get("/api/events", params={"sort": "-fatalities", "limit": 2}).json()["items"]
    assert [e["fatalities"] for e in items] == [40, 35]


@pytest.mark.parametrize("params, field", [
    ({"limit": 0}, "limit"), ({"limit": 5000}, "limit"), ({"offset": -1}, "offset"),
    ({"date_from": "yesterday"}, "date_from"), ({"certainty": "sure"}, "certainty"),
    ({"event_type": "Skirmish"}, "event_type"), ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "0,80,10,70"}, "bbox"),
    ({"has_contradiction": "maybe"}, "has_contradiction"), ({"sort": "random"}, "sort"),
    ({"date_from": "2024-01-02", "date_to": "2024-01-01"}, "date_from"),
])
def test_invalid_parameters_use_the_error_shape(client, params, field):
    error = assert_error(client.get("/api/events", params=params), 422, "invalid_request")
    assert any(field in [str(p) for p in d["loc"]] for d in error["details"]), error


# -- one event, claims, documents, sources, aggregates -------------------------------------------

def test_event_detail_has_claims_and_contradictions(client):
    event = client.get("/api/events/demo-olenivka:e1").json()
    assert len(event["claim_objects"]) == 5
    by_id = {c["id"]: c for c in event["claim_objects"]}
    assert by_id["c1"]["source"] == "Russian Ministry of Defence" and by_id["c1"]["source_type"] == "military"
    assert by_id["c1"]["certainty"] == "claimed" and by_id["c1"]["value"] == 40
    assert by_id["c1"]["contradicted"] and not by_id["c2"]["contradicted"]
    killed = next(k for k in event["contradiction_objects"] if k["attribute"] == "killed")
    assert [c["value"] for c in killed["claim_objects"]] == [40, 53]
    assert {c["source"] for c in killed["claim_objects"]} == {"Russian Ministry of Defence", "Denis Pushilin"}


def test_unknown_event_and_document_are_404(client):
    assert_error(client.get("/api/events/demo-olenivka:e9"), 404, "not_found")
    assert_error(client.get("/api/events/no-colon"), 404, "not_found")
    assert_error(client.get("/api/documents/nope"), 404, "not_found")


def test_claims_filters(client):
    body = client.get("/api/claims", params={"event": "demo-olenivka:e1"}).json()
    assert body["total"] == 5
    contested = client.get("/api/claims", params={"contradicted": "true"}).json()
    assert contested["total"] == 8 and all(c["contradicted"] for c in contested["items"])
    assert client.get("/api/claims", params={"contradicted": "false"}).json()["total"] == 15 - 8
    military = client.get("/api/claims", params={"source_type": "military"}).json()
    assert military["total"] == 5 and {c["source_type"] for c in military["items"]} == {"military"}
    denied = client.get("/api/claims", params={"certainty": "denied", "attribute": "aim"}).json()
    assert [c["uid"] for c in denied["items"]] == ["demo-sumy:c3"]
    by_source = client.get("/api/claims", params={"source": "denis pushilin"}).json()
    assert [c["value"] for c in by_source["items"]] == [53]
    assert client.get("/api/claims", params={"q": "churchgoers"}).json()["total"] == 1
    assert_error(client.get("/api/claims", params={"event": "nocolon"}), 422)
    assert_error(client.get("/api/claims", params={"source_type": "blogger"}), 422)


def test_documents_list_and_detail_with_spans(client):
    listing = client.get("/api/documents").json()
    assert listing["total"] == 5
    olenivka = next(d for d in listing["items"] if d["doc_id"] == "demo-olenivka")
    assert (olenivka["events"], olenivka["claims"], olenivka["contradictions"]) == (1, 5, 2)
    assert client.get("/api/documents", params={"q": "churchgoers"}).json()["total"] == 1
    assert client.get("/api/documents", params={"limit": 2}).json()["next_offset"] == 2
    doc = client.get("/api/documents/demo-olenivka").json()
    text = doc["text"]
    claim_spans = {s["ref"]: s for s in doc["spans"] if s["kind"] == "claim"}
    assert text[claim_spans["c5"]["start"]:claim_spans["c5"]["end"]] == "later put the death toll at 53"
    assert claim_spans["c5"]["contradicted"] and not claim_spans["c2"]["contradicted"]
    event_span = next(s for s in doc["spans"] if s["kind"] == "event")
    assert event_span["uid"] == "demo-olenivka:e1"


def test_sources(client):
    body = client.get("/api/sources").json()
    first = body["items"][0]
    assert first == {"name": "Russian Ministry of Defence", "kind": "claim", "source_types": ["military"],
                     "claims": 4, "documents": 2}
    outlets = client.get("/api/sources", params={"kind": "outlet"}).json()
    assert outlets["total"] == 5 and {s["kind"] for s in outlets["items"]} == {"outlet"}
    assert client.get("/api/sources", params={"q": "pushilin"}).json()["total"] == 1
    paged = client.get("/api/sources", params={"limit": 2, "offset": 2}).json()
    assert len(paged["items"]) == 2 and paged["total"] == body["total"]


def test_timeline_and_facets(client):
    timeline = client.get("/api/timeline").json()
    assert sum(day["total"] for day in timeline["days"]) + timeline["undated"] == ALL_EVENTS
    niamey = next(d for d in timeline["days"] if d["date"] == "2023-07-30")
    assert niamey["counts"] == {"Protests": 1, "Riots": 1}
    narrowed = client.get("/api/timeline", params={"event_type": "Battles"}).json()
    assert narrowed["event_types"] == ["Battles"] and narrowed["days"] == [
        {"date": "2023-05-20", "counts": {"Battles": 2}, "total": 2}]
    facets = client.get("/api/facets").json()
    assert facets["events"] == ALL_EVENTS
    assert {f["value"] for f in facets["countries"]} == {"UA", "NE", "HT"}
    assert facets["date_min"] == "2022-07-29" and facets["date_max"] == "2025-04-13"


# -- errors, headers, pages ----------------------------------------------------------------------

def test_error_shape_for_routing_errors(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")
    assert_error(client.post("/api/documents", content=b"{not json", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}), 422)


def test_internal_errors_use_the_error_shape(store):
    app = create_app(store, Settings(extractor=fake_extract))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        error = assert_error(test_client.get("/api/boom"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_security_headers_everywhere(client):
    for path in ("/", "/api/events", "/documents/demo-sumy", "/api/nothing"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_tile_url_is_allowed_for_images_only():
    csp = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org" in csp
    assert "script-src 'self';" in csp
    assert "javascript" not in content_security_policy("javascript:alert(1)//{z}")


def test_pages_and_docs_are_served(client):
    for path in ("/", "/incidents/demo-sumy:e1", "/documents/demo-sumy", "/docs"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert "<script>" not in response.text  # no inline scripts: every script has a src
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in client.get("/docs").text
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{uid}", "/api/claims", "/api/documents", "/api/sources"} <= set(schema["paths"])
    assert client.get("/api/config").json() == {
        "tile_url": None, "write_enabled": True, "vendor_available": vendor_available(Settings())}


def test_vendor_files_are_served_from_node_modules(client):
    if not vendor_available(Settings()):
        pytest.skip("web/node_modules missing: run `npm ci` in web/")
    for path in ("/vendor/leaflet/leaflet.js", "/vendor/topojson-client/topojson-client.min.js",
                 "/vendor/world-atlas/countries-50m.json", "/vendor/swagger-ui/swagger-ui-bundle.js"):
        assert client.get(path).status_code == 200, path
    assert_error(client.get("/vendor/leaflet/../../package.json"), 404)


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "nothing.db"))


# -- the write token -----------------------------------------------------------------------------

ARTICLE = {"id": "posted-1", "text": "Avdiivka came under heavy fire on Monday.", "title": "Avdiivka",
           "source": "Test Wire", "published": "2024-02-12", "language": "en"}


def test_post_without_configured_token_is_refused(read_only):
    assert_error(read_only.post("/api/documents", json=ARTICLE), 403, "read_only")
    assert_error(read_only.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer anything"}),
                 403, "read_only")
    assert read_only.get("/api/config").json()["write_enabled"] is False


def test_post_needs_the_right_token(writer):
    response = writer.post("/api/documents", json=ARTICLE)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert_error(writer.post("/api/documents", json=ARTICLE, headers={"Authorization": "Basic abc"}), 401)
    assert_error(writer.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer wrong"}),
                 403, "forbidden")
    assert writer.get("/api/events").json()["total"] == ALL_EVENTS  # nothing stored


def test_post_with_token_ingests_and_returns_the_extraction(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writer.post("/api/documents", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True and body["doc_id"] == "posted-1" and body["event_uids"] == ["posted-1:e1"]
    assert body["result"]["events"][0]["location"]["name"] == "Avdiivka"
    assert writer.get("/api/events").json()["total"] == ALL_EVENTS + 1
    assert writer.get("/api/events/posted-1:e1").json()["document"]["source"] == "Test Wire"
    again = writer.post("/documents", json=ARTICLE, headers=auth)  # the alias path; same text: unchanged
    assert again.status_code == 200 and again.json()["stored"] is False
    no_id = writer.post("/api/documents", json={"text": "Shelling reported overnight."}, headers=auth).json()
    assert no_id["doc_id"].startswith("post-")


@pytest.mark.parametrize("article", [{"title": "no text"}, {"text": "   "}, {"text": "x", "published": "soon"}, ["x"]])
def test_post_rejects_invalid_articles(writer, article):
    assert_error(writer.post("/api/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"}), 422)


def test_event_list_sees_documents_ingested_by_another_writer(store):
    """The in-memory event index notices a change to the store made outside the API (e.g. the CLI)."""
    with TestClient(create_app(store, Settings(index_ttl=0.0))) as test_client:
        assert test_client.get("/api/events").json()["total"] == ALL_EVENTS
        with open_store(store.engine.url.database, create=False) as other:
            doc = Document(id="cli-1", text="Fighting near Avdiivka.", published=dt.date(2024, 2, 1), language="en")
            other.ingest(doc, fake_extract(doc))
        body = test_client.get("/api/events", params={"q": "avdiivka"}).json()
        assert body["total"] == 1 and body["items"][0]["uid"] == "cli-1:e1"
        assert test_client.get("/api/events").json()["total"] == ALL_EVENTS + 1


# -- incidents (sitrep.store.incidents) ------------------------------------------------------

def _by_date_desc(records):
    """/api/incidents' default order: newest start first (undated last), ties by id."""
    dated = sorted((r for r in records if r["date_start"]), key=lambda r: r["id"])
    dated.sort(key=lambda r: r["date_start"], reverse=True)
    return dated + sorted((r for r in records if not r["date_start"]), key=lambda r: r["id"])


def test_incidents_list_filters_and_pages(client, shared_store):
    records = _by_date_desc(list(incident_records(shared_store)))
    body = client.get("/api/incidents").json()
    assert body["total"] == len(records) == ALL_EVENTS  # the demo documents report distinct incidents
    assert [i["id"] for i in body["items"]] == [r["id"] for r in records]
    item = body["items"][0]
    assert {"id", "event_type", "location", "documents", "members", "claims", "contradictions", "certainties"} <= set(item)
    assert all(m["event_uid"] == f"{m['doc_id']}:{m['event']}" for m in item["members"])
    first, second = client.get("/api/incidents?limit=3").json(), client.get("/api/incidents?limit=3&offset=3").json()
    assert first["next_offset"] == 3 and len(first["items"]) == 3
    assert [i["id"] for i in first["items"] + second["items"]] == [r["id"] for r in records][:6]
    dated = client.get("/api/incidents?sort=date").json()["items"]
    assert [i["date_start"] for i in dated] == sorted(r["date_start"] for r in records)
    deadliest = client.get("/api/incidents?sort=-fatalities&limit=2").json()["items"]
    assert [i["fatalities"] for i in deadliest] == sorted((r["fatalities"] or 0 for r in records), reverse=True)[:2]
    cases = {
        "event_type=Battles": lambda r: r["event_type"] == "Battles",
        "event_type=Protests&event_type=Riots": lambda r: r["event_type"] in ("Protests", "Riots"),
        "sub_event_type=Armed%20clash": lambda r: r["sub_event_type"] == "Armed clash",
        "country=NE&country=HT": lambda r: r["country"] in ("NE", "HT"),
        "has_contradiction=true": lambda r: r["has_contradiction"],
        "has_contradiction=false": lambda r: not r["has_contradiction"],
        "actor=wagner": lambda r: any("wagner" in (m["event"].get("actor1") or "").lower() for m in r["members"]),
        "date_from=2023-05-20&date_to=2023-07-30": lambda r: "2023-05-20" <= r["date_start"] <= "2023-07-30",
        "bbox=30,45,40,52": lambda r: 30 <= r["location"]["lon"] <= 40 and 45 <= r["location"]["lat"] <= 52,
        "bbox=170,-60,-60,60": lambda r: r["country"] == "HT",  # across the antimeridian
        "certainty=claimed": lambda r: any(m["event"]["certainty"] == "claimed" for m in r["members"]),
        "admin1=donetsk%20oblast": lambda r: r["admin1"] == "Donetsk Oblast",
        "min_fatalities=20": lambda r: (r["fatalities"] or 0) >= 20,
        "doc_id=demo-bakhmut": lambda r: any(m["doc_id"] == "demo-bakhmut" for m in r["members"]),
        "q=EMBASSY": lambda r: r["country"] == "NE",  # a member document's title
        "q=klishch": lambda r: r["location"]["name"].lower().startswith("klishch"),  # the place
        "country=UA&has_contradiction=true&date_from=2023-01-01":
            lambda r: r["country"] == "UA" and r["has_contradiction"] and r["date_start"] >= "2023-01-01",
    }
    for query, keep in cases.items():
        got = client.get("/api/incidents?" + query).json()
        expected = [r["id"] for r in records if keep(r)]
        assert [i["id"] for i in got["items"]] == expected and got["total"] == len(expected), query
        assert 0 < len(expected) < len(records), query
    assert client.get("/api/incidents?q=100%25_").json()["total"] == 0


def test_incident_timeline_and_facets(client, shared_store):
    records = list(incident_records(shared_store))
    timeline = client.get("/api/incidents/timeline").json()
    assert sum(day["total"] for day in timeline["days"]) + timeline["undated"] == len(records)
    assert [d["date"] for d in timeline["days"]] == sorted({r["date_start"] for r in records if r["date_start"]})
    narrowed = client.get("/api/incidents/timeline", params={"event_type": "Battles"}).json()
    assert narrowed["event_types"] == ["Battles"]
    assert sum(d["total"] for d in narrowed["days"]) == sum(r["event_type"] == "Battles" for r in records)
    facets = client.get("/api/incidents/facets").json()
    assert facets["incidents"] == len(records)
    assert {f["value"] for f in facets["countries"]} == {r["country"] for r in records}
    assert sum(f["count"] for f in facets["event_types"]) == len(records)
    assert {f["value"] for f in facets["certainties"]} == {m["event"]["certainty"] for r in records for m in r["members"]}


def test_incident_detail_and_errors(client, shared_store):
    record = next(r for r in incident_records(shared_store, has_contradiction=True))
    body = client.get(f"/api/incidents/{record['id']}").json()
    assert body["id"] == record["id"] and body["consensus"] and body["contradictions"]
    assert len(body["claims"]) == len(record["claims"]) and all(c["uid"] == f"{c['doc_id']}:{c['id']}" for c in body["claims"])
    assert all(m["title"] for m in body["members"])
    assert_error(client.get("/api/incidents/inc-0000"), 404, "not_found")
    for query in ("event_type=Nope", "bbox=1,2,3", "date_from=2024-01-02&date_to=2024-01-01", "limit=0",
                  "certainty=sure", "sort=random", "offset=-1", "has_contradiction=maybe"):
        assert_error(client.get("/api/incidents?" + query), 422, "invalid_request")
    assert client.get("/incidents/" + record["id"]).headers["content-type"].startswith("text/html")
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/incidents/timeline", "/api/incidents/facets"} <= set(paths)


@pytest.fixture(scope="module")
def grouped_store(tmp_path_factory):
    """Synthetic reports of shared incidents (several documents each), grouped by update_incidents."""
    from sitrep.serve.demo import synthetic_incident_corpus

    path = tmp_path_factory.mktemp("grouped") / "grouped.db"
    with open_store(str(path)) as opened:
        for doc, result in synthetic_incident_corpus(240):
            opened.ingest(doc, result)
        update_incidents(opened)
    with open_store(str(path), create=False) as opened:
        yield opened


@pytest.mark.parametrize("query", [
    "", "sort=date", "sort=-fatalities&limit=7&offset=5", "country=UA", "country=SD&country=ML", "event_type=Battles",
    "date_from=2022-06-01&date_to=2023-01-31", "bbox=30,44,40,52", "has_contradiction=true", "has_contradiction=false",
    "certainty=claimed&certainty=denied", "actor=russia", "admin1=kharkiv%20oblast", "q=telegram", "q=frontline",
    "q=kherson", "min_fatalities=10", "doc_id=synthetic-inc-000010", "offset=20&limit=10",
])
def test_incident_index_agrees_with_the_stored_records(grouped_store, query):
    """The in-memory index and the reference path (stored records filtered in Python) give the same pages."""
    fast = TestClient(create_app(grouped_store, Settings()))
    slow = TestClient(create_app(grouped_store, Settings(incident_index=False)))
    a, b = fast.get("/api/incidents?limit=1000&" + query), slow.get("/api/incidents?limit=1000&" + query)
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json(), query
    if query.startswith(("country", "event_type", "has_", "certainty", "actor", "q=")):
        assert 0 < a.json()["total"] < fast.get("/api/incidents").json()["total"], query


def test_grouped_incidents_have_several_sources(grouped_store):
    body = TestClient(create_app(grouped_store, Settings())).get("/api/incidents?limit=1000").json()
    assert body["total"] < 240 and max(i["documents"] for i in body["items"]) >= 3
    assert any(i["has_contradiction"] and i["documents"] > 1 for i in body["items"])


def test_incident_list_sees_incidents_grouped_by_another_process(store):
    """The incident index notices `sitrep ingest` (another process) storing and grouping documents."""
    with TestClient(create_app(store, Settings(index_ttl=0.0))) as test_client:
        assert test_client.get("/api/incidents").json()["total"] == ALL_EVENTS
        with open_store(store.engine.url.database, create=False) as other:
            doc = Document(id="cli-1", text="Fighting near Avdiivka.", published=dt.date(2024, 2, 1), language="en")
            other.ingest(doc, fake_extract(doc))
            update_incidents(other)
        body = test_client.get("/api/incidents", params={"q": "avdiivka"}).json()
        assert body["total"] == 1 and body["items"][0]["members"][0]["event_uid"] == "cli-1:e1"


def test_posted_document_joins_the_incidents(writer):
    article = {"id": "post-inc", "text": "Avdiivka shelled again overnight.", "published": "2024-02-02", "language": "en"}
    assert writer.get("/api/incidents", params={"q": "avdiivka"}).json()["total"] == 0
    response = writer.post("/api/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    body = writer.get("/api/incidents", params={"q": "avdiivka"}).json()
    assert body["total"] == 1 and body["items"][0]["members"][0]["doc_id"] == "post-inc"

"""End-to-end UI tests in real headless Debian Chromium, driven by Selenium over chromedriver.

A real uvicorn server on 127.0.0.1 serves a temporary SQLite store filled the way
`sitrep ingest samples/` fills one: every article in samples/ read by sitrep.ingest, extracted
by the real Pipeline and written with Store.ingest. What the tests expect (marker counts, filter
results, which event has a contradiction, the evidence text) is computed from that store, not
hard-coded, so the tests follow the extractor as it improves. A second store holds hand-written
hostile articles (markup in text, title, outlet and URL), also extracted by the real pipeline.

Screenshots go to test-artifacts/. Skipped, with the reason, when Chromium, chromedriver,
Selenium or the front-end packages (web/node_modules, `npm ci` in web/) are missing.
Set SITREP_UPDATE_SCREENSHOTS=1 to refresh the README screenshots in docs/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ARTIFACTS = ROOT / "test-artifacts"
README_SHOTS = ROOT / "docs" / "screenshots"

if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
    pytest.skip("needs Debian chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
                "run .ci/chromium.sh", allow_module_level=True)
selenium = pytest.importorskip("selenium", reason="needs selenium (pip install selenium)")
uvicorn = pytest.importorskip("uvicorn", reason="needs uvicorn and fastapi")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from sitrep.errors import SitrepError  # noqa: E402
from sitrep.ingest import iter_documents  # noqa: E402
from sitrep.model import Document, DocumentResult, Event  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.serve import Settings, create_app  # noqa: E402
from sitrep.serve.app import vendor_available  # noqa: E402
from sitrep.store import open_store  # noqa: E402

if not vendor_available(Settings.from_env()):
    pytest.skip("front-end packages missing: run `npm ci` in web/", allow_module_level=True)

WAIT = 15


# -- the corpus, through the real pipeline ----------------------------------------------------

@dataclass
class Corpus:
    """What was stored, read back from the store, with the answers the UI should give."""

    docs: dict[str, Document] = field(default_factory=dict)
    results: dict[str, DocumentResult] = field(default_factory=dict)
    incidents: list[dict] = field(default_factory=list)  # as sitrep.store.incidents records them

    def events(self) -> list[tuple[str, Event]]:
        return [(doc_id, e) for doc_id, r in self.results.items() for e in r.events]

    def mapped(self, keep=lambda doc_id, e: True) -> list[str]:
        """uids of the events with coordinates (the ones drawn as markers) that `keep` accepts."""
        return sorted(f"{doc_id}:{e.id}" for doc_id, e in self.events()
                      if e.location is not None and e.location.lat is not None and e.location.lon is not None
                      and keep(doc_id, e))

    def contested(self, doc_id: str, e: Event) -> bool:
        """As /api/events?has_contradiction=true: a contradiction recorded against this event."""
        return any(k.event == e.id for k in self.results[doc_id].contradictions)

    def contradictions_of(self, doc_id: str, e: Event):
        """As the event page lists them (sitrep.serve.queries.get_event)."""
        own = set(e.claims) | {c.id for c in self.results[doc_id].claims if c.event == e.id}
        return [k for k in self.results[doc_id].contradictions
                if k.event == e.id or (k.event is None and own.intersection(k.claims))]

    def mapped_incidents(self, keep=lambda r: True) -> list[str]:
        """ids of the incidents with a consensus point (one marker each) that `keep` accepts."""
        return sorted(r["id"] for r in self.incidents
                      if r["location"] and r["location"].get("lat") is not None and r["location"].get("lon") is not None
                      and keep(r))

    def incident_of(self, doc_id: str, event_id: str) -> dict:
        return next(r for r in self.incidents
                    if any((m["doc_id"], m["event"]["id"]) == (doc_id, event_id) for m in r["members"]))

    def searchable(self, doc_id: str, e: Event) -> str:
        loc, doc = e.location, self.docs[doc_id]
        return " ".join(v for v in (loc.name if loc else None, loc.mention if loc else None,
                                    loc.admin1 if loc else None, e.actor1, e.actor2, e.event_type,
                                    e.sub_event_type, doc.title, doc.source) if v).lower()


def _record_overlaps(r: dict, day: dt.date) -> bool:
    """As the API's date filter on an incident's consensus date span."""
    start, end = r["date_start"] or r["date_end"], r["date_end"] or r["date_start"]
    return start is not None and start <= day.isoformat() <= end


def _overlaps(e: Event, day: dt.date) -> bool:
    """As the API's date filter: the event's span (start or end when one is missing) covers `day`."""
    start, end = e.date_start or e.date_end, e.date_end or e.date_start
    return start is not None and start <= day <= end


def ingest(path: Path, documents) -> Corpus:
    """What `sitrep ingest` does (the real Pipeline, then Store.ingest), then what `sitrep incidents`
    does (group the new documents into incidents); then read it all back."""
    from sitrep.store.incidents import incident_records, update_incidents

    pipeline = Pipeline()
    with open_store(str(path)) as store:
        for doc in documents:
            if isinstance(doc, SitrepError):
                raise doc
            assert store.ingest(doc, pipeline.extract(doc)), doc.id
        update_incidents(store)
        corpus = Corpus(docs={d.id: d for d in store.documents()}, results={r.doc_id: r for r in store.results()},
                        incidents=list(incident_records(store)))
    return corpus


# -- server and browser ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, db: Path, corpus: Corpus):
        self.corpus = corpus
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_app(str(db), Settings(web_modules=Settings.from_env().web_modules))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The sample corpus (samples/, 22 articles in 10 languages) in a fresh store."""
    db = tmp_path_factory.mktemp("ui") / "samples.db"
    corpus = ingest(db, iter_documents([SAMPLES]))
    assert len(corpus.docs) == len(list(SAMPLES.glob("*.json"))) and corpus.mapped()
    with Server(db, corpus) as running:
        yield running


@pytest.fixture(scope="module")
def events_only_server(tmp_path_factory):
    """The hand-coded demo corpus stored without grouping it into incidents (nobody ran the step)."""
    from sitrep.serve.demo import demo_corpus

    db = tmp_path_factory.mktemp("events-only") / "demo.db"
    with open_store(str(db)) as store:
        for doc, result in demo_corpus():
            store.ingest(doc, result)
        corpus = Corpus(docs={d.id: d for d in store.documents()}, results={r.doc_id: r for r in store.results()})
    with Server(db, corpus) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="sitrep-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1366,860", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(driver, condition, message: str):
    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(lambda d: condition(d), message)


def open_page(driver, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.body.dataset.ready") == "1", f"{url} never got ready")


def shot(driver, name: str, readme: str | None = None) -> None:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    if readme and os.environ.get("SITREP_UPDATE_SCREENSHOTS"):
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOTS / readme)


def marker_uids(driver) -> list[str]:
    return sorted(driver.execute_script(
        "return Array.from(document.querySelectorAll('path.event-marker')).map(p => p.dataset.uid)"))


def wait_markers(driver, uids: list[str]) -> None:
    """The map shows exactly these events (one marker each), and the page says so."""
    n = str(len(uids))
    wait(driver, lambda d: d.execute_script("return document.body.dataset.markers") == n and marker_uids(d) == uids,
         f"expected {n} markers: {uids}")


def highlighted(driver, kind: str = "hl-target") -> str:
    return driver.execute_script(
        f"return Array.from(document.querySelectorAll('#doc-text mark.{kind}')).map(m => m.textContent).join('')")


def severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


# -- the map ---------------------------------------------------------------------------------

def test_map_shows_the_sample_corpus(server, browser):
    """The store has incidents, so the map shows them: one marker per incident with a place."""
    corpus = server.corpus
    everything = corpus.mapped_incidents()
    assert corpus.incidents and len(corpus.incidents) < len(corpus.events())  # some events were fused
    open_page(browser, server.url + "/")
    assert browser.execute_script("return document.body.dataset.mode") == "incidents"
    wait_markers(browser, everything)
    total = len(corpus.incidents)
    status = browser.find_element(By.ID, "status").text
    assert f"{total} incidents match" in status and f"{len(everything)} on the map" in status
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-rows tr")
    assert sorted(r.get_attribute("data-uid") for r in rows) == sorted(r["id"] for r in corpus.incidents)[:300]
    # the circles: colour by type, radius by the consensus fatalities, a dark ring when sources disagree
    style = browser.execute_script("""
        const out = {};
        for (const p of document.querySelectorAll('path.event-marker')) {
          out[p.dataset.uid] = {fill: p.getAttribute('fill'), stroke: p.getAttribute('stroke'), d: p.getAttribute('d')};
        }
        return out;""")
    colours = browser.execute_script("return SR.TYPE_COLOURS")
    radius = browser.execute_script("return Object.fromEntries(arguments[0].map(n => [n, Math.max(1, Math.round(SR.radius(n)))]))",
                                    sorted({r["fatalities"] or 0 for r in corpus.incidents}))
    for r in corpus.incidents:
        if r["id"] not in style:
            continue
        assert style[r["id"]]["fill"] == colours.get(r["event_type"], "#546e7a")
        assert (style[r["id"]]["stroke"] == "#111") == bool(r["has_contradiction"] and r["contradictions"])
        r_px = radius[str(r["fatalities"] or 0)]  # a circle marker's path: "M x,y a r,r 0 1,0 ..."
        assert f"a{r_px},{r_px} " in style[r["id"]]["d"], (r["id"], r["fatalities"], style[r["id"]]["d"])
    # the offline basemap (world-atlas outlines) is drawn, and the timeline has a bar per start day
    assert browser.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path').length") > 100
    days = {r["date_start"] for r in corpus.incidents if r["date_start"]}
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline g.day")) == len(days)
    # clicking a marker opens its incident page
    browser.execute_script("window.scrollTo(0, 0)")
    shot(browser, "map", readme="map.png")
    assert severe_logs(browser) == []
    # clicking a marker opens its incident page
    target = max((r for r in corpus.incidents if r["id"] in style), key=lambda r: (r["documents"], r["id"]))
    marker = browser.find_element(By.CSS_SELECTOR, f"path.event-marker[data-uid='{target['id']}']")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker)
    wait(browser, lambda d: d.current_url.endswith("/incidents/" + target["id"]), "marker click did not open the incident")


def test_map_falls_back_to_events_without_incidents(events_only_server, browser):
    corpus = events_only_server.corpus
    open_page(browser, events_only_server.url + "/")
    assert browser.execute_script("return document.body.dataset.mode") == "events"
    wait_markers(browser, corpus.mapped())
    assert f"{len(corpus.events())} events match" in browser.find_element(By.ID, "status").text
    link = browser.find_element(By.CSS_SELECTOR, "#event-rows a")
    assert "/events/" in link.get_attribute("href")


def _pick_type(corpus: Corpus) -> str:
    """An event type that narrows the map, and that has contested and uncontested incidents (if any type does)."""
    everything = len(corpus.mapped_incidents())
    types = sorted({r["event_type"] for r in corpus.incidents})
    candidates = [t for t in types if 0 < len(corpus.mapped_incidents(lambda r: r["event_type"] == t)) < everything]
    assert candidates, "the sample corpus has a single event type"

    def contested(t):
        return len(corpus.mapped_incidents(lambda r: r["event_type"] == t and r["has_contradiction"]))

    both = [t for t in candidates
            if 0 < contested(t) < len(corpus.mapped_incidents(lambda r: r["event_type"] == t))]
    return (both or candidates)[0]


def test_filters_narrow_the_map(server, browser):
    corpus = server.corpus
    everything = corpus.mapped_incidents()
    open_page(browser, server.url + "/")
    wait_markers(browser, everything)
    # event type, then only contested incidents of that type
    chosen = _pick_type(corpus)
    Select(browser.find_element(By.ID, "f-type")).select_by_value(chosen)
    of_type = corpus.mapped_incidents(lambda r: r["event_type"] == chosen)
    wait_markers(browser, of_type)
    assert len(of_type) < len(everything)
    assert parse_qs(urlsplit(browser.current_url).query).get("event_type") == [chosen]  # the filter is in the URL
    Select(browser.find_element(By.ID, "f-contra")).select_by_value("true")
    contested = corpus.mapped_incidents(lambda r: r["event_type"] == chosen and r["has_contradiction"])
    wait_markers(browser, contested)
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-rows tr")
    listed = [r.get_attribute("data-uid") for r in rows if r.get_attribute("data-uid")]
    assert sorted(listed) == sorted(r["id"] for r in corpus.incidents
                                    if r["event_type"] == chosen and r["has_contradiction"])
    shot(browser, "map-filtered")
    # a filtered URL opens filtered (the country with most incidents); reset brings everything back
    country, _ = Counter(r["country"] for r in corpus.incidents if r["country"]).most_common(1)[0]
    open_page(browser, server.url + f"/?country={country}")
    in_country = corpus.mapped_incidents(lambda r: r["country"] == country)
    wait_markers(browser, in_country)
    assert len(in_country) < len(everything)
    assert Select(browser.find_element(By.ID, "f-country")).first_selected_option.get_attribute("value") == country
    browser.find_element(By.ID, "reset").click()
    wait_markers(browser, everything)
    # a date range through the form: the day with most incidents starting on it
    day, _ = Counter(r["date_start"] for r in corpus.incidents if r["date_start"]).most_common(1)[0]
    day = dt.date.fromisoformat(day)
    browser.find_element(By.ID, "f-date-from").send_keys(day.strftime("%m%d%Y"))
    browser.find_element(By.ID, "f-date-to").send_keys(day.strftime("%m%d%Y"))
    browser.find_element(By.ID, "apply").click()
    on_day = corpus.mapped_incidents(lambda r: _record_overlaps(r, day))
    wait_markers(browser, on_day)
    assert 0 < len(on_day) < len(everything)


def _contested_event(corpus: Corpus) -> tuple[str, Event]:
    """The event with the most contradictions recorded against it (ties: the first by uid)."""
    found = [(d, e) for d, e in corpus.events() if corpus.contested(d, e)]
    assert found, "no event in the sample corpus has a contradiction"
    return min(found, key=lambda de: (-len(corpus.contradictions_of(*de)), f"{de[0]}:{de[1].id}"))


def _contested_incident(corpus: Corpus) -> dict:
    contested = [r for r in corpus.incidents if r["has_contradiction"] and r["contradictions"]]
    assert contested, "no incident of the sample corpus has a contradiction"
    return max(contested, key=lambda r: (r["documents"], len(r["contradictions"]), r["id"]))


def test_search_box_is_keyboard_usable(server, browser):
    from sitrep.serve.queries import EventFilters
    from sitrep.serve.routers.incidents import record_matches

    corpus = server.corpus
    record = _contested_incident(corpus)
    term = record["location"]["name"] if record["location"] else record["event_type"]
    open_page(browser, server.url + "/")
    wait_markers(browser, corpus.mapped_incidents())
    browser.find_element(By.TAG_NAME, "body").send_keys("/")  # "/" jumps to the search box
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "search-q"
    active.send_keys(term, Keys.ENTER)
    titles = {d: doc.title for d, doc in corpus.docs.items()}
    matching = corpus.mapped_incidents(lambda r: record_matches(r, EventFilters(q=term), titles))
    wait_markers(browser, matching)
    assert record["id"] in matching and len(matching) < len(corpus.mapped_incidents())
    # the incident link in the list takes focus, Enter opens the incident page
    link = browser.find_element(By.CSS_SELECTOR, "#event-rows a")
    target = link.get_attribute("href")
    assert "/incidents/inc-" in target
    browser.execute_script("arguments[0].focus()", link)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser, lambda d: d.current_url == target, "Enter did not follow the link")


# -- event and document pages ----------------------------------------------------------------

def _claim_value(claim) -> str:
    """As event.js shows a claim's value."""
    v = ("yes" if claim.attribute == "occurred" else "—") if claim.value is None else str(claim.value)
    return f"{v} ({claim.subject})" if claim.subject else v


def test_event_page_shows_claims_and_contradictions(server, browser):
    corpus = server.corpus
    doc_id, event = _contested_event(corpus)
    result = corpus.results[doc_id]
    contradictions = corpus.contradictions_of(doc_id, event)
    contested_ids = {i for k in contradictions for i in k.claims}
    shown = [c for c in result.claims if c.event == event.id or c.id in contested_ids]
    open_page(browser, server.url + f"/events/{quote(doc_id + ':' + event.id, safe='')}")
    assert browser.execute_script("return document.body.dataset.kind") == "event"
    # the event links to the incident it was grouped into
    incident = corpus.incident_of(doc_id, event.id)
    assert browser.find_element(By.ID, "incident-link").get_attribute("href").endswith("/incidents/" + incident["id"])
    title = browser.find_element(By.ID, "event-title").text
    assert (event.sub_event_type or event.event_type) in title
    if event.location:
        assert event.location.name in title
    fields = browser.find_element(By.ID, "fields").text
    assert event.event_type in fields and corpus.docs[doc_id].title in fields
    if event.fatalities is not None:
        assert str(event.fatalities) in fields
    # every claim: value, source, source type, certainty, and an evidence link
    rows = browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr")
    assert [r.get_attribute("data-claim") for r in rows] == [c.id for c in shown]
    for row, claim in zip(rows, shown):
        cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        assert cells[0].startswith(claim.attribute) and cells[1] == _claim_value(claim)
        assert cells[2].startswith(claim.source or "the outlet itself")
        assert cells[3] == (claim.source_type or "—") and cells[4] == claim.certainty
        assert row.find_element(By.CSS_SELECTOR, "a.evidence-link").get_attribute("data-start") == str(claim.evidence.start)
    contested_rows = browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr.contradicted")
    assert {r.get_attribute("data-claim") for r in contested_rows} == contested_ids
    # every contradiction, its claims side by side
    sections = browser.find_elements(By.CSS_SELECTOR, "#contradictions section.contradiction")
    assert len(sections) == len(contradictions)
    by_id = {c.id: c for c in result.claims}
    for section, k in zip(sections, contradictions):
        assert k.attribute in section.find_element(By.TAG_NAME, "h3").text
        cards = section.find_elements(By.CSS_SELECTOR, ".contra-card")
        assert [c.get_attribute("data-claim") for c in cards] == [i for i in k.claims if i in by_id]
        assert [c.find_element(By.CSS_SELECTOR, ".contra-value").text for c in cards] == \
            [_claim_value(by_id[i]) for i in k.claims if i in by_id]
    cards = sections[0].find_elements(By.CSS_SELECTOR, ".contra-card")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", sections[0])
    left, right = cards[0].rect, cards[1].rect
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]  # side by side
    browser.execute_script("window.scrollTo(0, 0)")
    shot(browser, "event", readme="event.png")


def test_evidence_link_highlights_the_span(server, browser):
    corpus = server.corpus
    doc_id, event = _contested_event(corpus)
    text = corpus.docs[doc_id].text
    claim_id = corpus.contradictions_of(doc_id, event)[0].claims[-1]
    claim = next(c for c in corpus.results[doc_id].claims if c.id == claim_id)
    span_text = text[claim.evidence.start:claim.evidence.end]
    assert span_text.strip() and len(span_text) < len(text)
    open_page(browser, server.url + f"/events/{quote(doc_id + ':' + event.id, safe='')}")
    link = browser.find_element(By.CSS_SELECTOR, f"#claim-rows tr[data-claim='{claim_id}'] a.evidence-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    wait(browser, lambda d: f"/documents/{quote(doc_id)}" in d.current_url, "evidence link did not open the document")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "1", "document never ready")
    assert highlighted(browser) == span_text  # exactly the evidence span, nothing more
    assert browser.switch_to.active_element.get_attribute("id") == "target"
    # contested claims' spans are marked in the text too
    contested = highlighted(browser, "hl-contra")
    for k in corpus.results[doc_id].contradictions:
        for c in corpus.results[doc_id].claims:
            if c.id in k.claims:
                assert text[c.evidence.start:c.evidence.end] in contested, c.id
    shot(browser, "document")


def test_incident_page_shows_members_claims_and_contradictions(server, browser):
    corpus = server.corpus
    record = _contested_incident(corpus)
    open_page(browser, server.url + f"/incidents/{record['id']}")
    assert browser.execute_script("return document.body.dataset.kind") == "incident"
    fields = browser.find_element(By.ID, "fields").text
    assert record["event_type"] in fields
    members = browser.find_elements(By.CSS_SELECTOR, "#fields a.member-link")
    assert sorted(m.get_attribute("href").split("/events/", 1)[1] for m in members) == \
        sorted(quote(f"{m['doc_id']}:{m['event']['id']}", safe="") for m in record["members"])
    # one line per reporting document
    docs = browser.find_elements(By.CSS_SELECTOR, "#fields ul.reports-list > li")
    assert sorted(d.get_attribute("data-doc") for d in docs) == sorted({m["doc_id"] for m in record["members"]})
    rows = browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr")
    assert [(r.get_attribute("data-doc"), r.get_attribute("data-claim")) for r in rows] == \
        [(c["doc_id"], c["id"]) for c in record["claims"]]
    sections = browser.find_elements(By.CSS_SELECTOR, "#contradictions section.contradiction")
    assert len(sections) == len(record["contradictions"])
    first = record["contradictions"][0]
    cards = sections[0].find_elements(By.CSS_SELECTOR, ".contra-card")
    assert [(c.get_attribute("data-doc"), c.get_attribute("data-claim")) for c in cards] == \
        [(ref["doc_id"], ref["claim"]) for ref in first["claims"]]
    # claims from every member document, each with its source, source type and certainty
    assert {r.get_attribute("data-doc") for r in rows} == {c["doc_id"] for c in record["claims"]}
    for row, claim in zip(rows, record["claims"]):
        cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        assert cells[2].startswith(claim["source"] or "the outlet itself")
        assert cells[3] == (claim["source_type"] or "—") and cells[4] == claim["certainty"]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", sections[0])
    left, right = cards[0].rect, cards[1].rect
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]  # side by side
    browser.execute_script("window.scrollTo(0, 0)")
    size = browser.get_window_size()
    browser.set_window_size(size["width"], 1500)  # tall enough for the consensus and the first contradictions
    try:
        shot(browser, "incident", readme="incident.png")
    finally:
        browser.set_window_size(size["width"], size["height"])
    # the evidence link of a disputed claim opens its document with exactly that span highlighted
    ref = first["claims"][-1]
    claim = next(c for c in record["claims"] if (c["doc_id"], c["id"]) == (ref["doc_id"], ref["claim"]))
    link = cards[-1].find_element(By.CSS_SELECTOR, "a.evidence-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    wait(browser, lambda d: f"/documents/{quote(ref['doc_id'])}" in d.current_url and
         d.execute_script("return document.body.dataset.ready") == "1", "evidence link did not open the document")
    span = claim["evidence"]
    assert highlighted(browser) == corpus.docs[ref["doc_id"]].text[span["start"]:span["end"]]
    # the member list reaches every member event's own page
    open_page(browser, server.url + f"/incidents/{record['id']}")
    member = record["members"][0]
    link = browser.find_element(By.CSS_SELECTOR, "#fields a.member-link")
    browser.execute_script("arguments[0].focus()", link)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser, lambda d: "/events/" in d.current_url and d.execute_script("return document.body.dataset.ready") == "1",
         "the member link did not open the event page")
    assert browser.execute_script("return document.body.dataset.kind") == "event"
    assert member["event"]["event_type"] in browser.find_element(By.ID, "fields").text


# -- hand-written articles, through the real pipeline too --------------------------------------

EVIL = "<img src=x onerror=\"window.__pwned=8\">"
XSS_TEXT = (
    "KRAMATORSK, May 1 - Russian shelling killed 2 people in Kramatorsk on Wednesday, the regional governor said.\n"
    "<script>window.__pwned = 1; document.title = 'pwned';</script>\n"
    "<img src=x onerror=\"window.__pwned = 2\"> Witnesses at <a href=\"javascript:window.__pwned=3\">Kramatorsk</a> said "
    "the <b onmouseover=\"window.__pwned=4\">shelling</b> hit a market.\n"
    "</style><style>body { display: none !important }</style><div style=\"background:url(javascript:alert(1))\">"
    "<svg onload=\"window.__pwned=5\"></svg>\n"
    "Russia's defence ministry said 5 people were killed in Kramatorsk.\n"
    "<iframe src=\"javascript:parent.__pwned=6\"></iframe>{{constructor.constructor('window.__pwned=7')()}}"
)
XSS_DOC = Document(
    id="xss-1", text=XSS_TEXT, title=f"<script>window.__pwned=9</script>{EVIL} Title",
    url="javascript:window.__pwned=10", source="<b onmouseover=\"window.__pwned=11\">Evil Wire</b>",
    published=dt.date(2024, 5, 1), language="en",
)
# An astral character (two UTF-16 units) before the evidence: offsets are code points.
EMOJI_DOC = Document(
    id="emoji-1", title="Gangs storm Haiti's main prison", url="https://caribbean.example/haiti",
    source="Caribbean Ledger", published=dt.date(2024, 3, 4), language="en",
    text=("Armed gangs stormed the National Penitentiary in Port-au-Prince overnight \U0001F6A8 and freed most of "
          "its inmates.\nAt least 12 people were killed in the attack, according to a prison union."),
)


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("xss") / "xss.db"
    corpus = ingest(db, [XSS_DOC, EMOJI_DOC])
    # the extractor must have found something for the hostile text to flow into every page
    result = corpus.results["xss-1"]
    assert result.events and result.claims and corpus.mapped(lambda d, e: d == "xss-1"), result
    assert any("<" in c.text for c in result.claims), "no claim carries markup from the text"
    with Server(db, corpus) as running:
        yield running


def test_document_offsets_count_code_points(xss_server, browser):
    """Offsets are Python (code point) indices; an emoji (two UTF-16 units) must not shift the highlight."""
    doc = xss_server.corpus.docs["emoji-1"]
    assert len(doc.text.encode("utf-16-le")) // 2 > len(doc.text)  # the text has an astral character
    claim = xss_server.corpus.results["emoji-1"].claims[0]
    span = claim.evidence
    assert doc.text.index("\U0001F6A8") < span.start  # the emoji comes before the span
    open_page(browser, xss_server.url + f"/documents/emoji-1?hl={span.start}-{span.end}")
    assert highlighted(browser) == doc.text[span.start:span.end]


def _assert_nothing_ran(driver, page: str) -> None:
    state = driver.execute_script("""
        return {
          pwned: window.__pwned === undefined ? null : String(window.__pwned),
          title: document.title,
          inlineScripts: Array.from(document.scripts).filter(s => !s.src).length,
          foreignScripts: Array.from(document.scripts).filter(s => s.src && new URL(s.src).origin !== location.origin).length,
          handlers: Array.from(document.querySelectorAll('*')).filter(
              e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length,
          jsLinks: Array.from(document.querySelectorAll('[href],[src]')).filter(
              e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
          injected: document.querySelectorAll('#main img, #main iframe, #main svg:not(.leaflet-zoom-animated):not(.timeline-chart), #main style, #main b, #main i').length,
          styleAttrs: Array.from(document.querySelectorAll('#main [style]')).filter(
              e => /javascript|display:\\s*none/i.test(e.getAttribute('style'))).length,
          bodyVisible: getComputedStyle(document.body).display !== 'none',
          mainVisible: getComputedStyle(document.getElementById('main')).display !== 'none',
        };""")
    assert state == {"pwned": None, "title": state["title"], "inlineScripts": 0, "foreignScripts": 0, "handlers": 0,
                     "jsLinks": 0, "injected": 0, "styleAttrs": 0, "bodyVisible": True, "mainVisible": True}, page
    assert state["title"].startswith("sitrep — ") and state["title"] != "pwned", page


def test_untrusted_text_never_executes(xss_server, browser):
    base = xss_server.url
    corpus = xss_server.corpus
    result = corpus.results["xss-1"]
    # the document page: the markup is shown as text, not parsed
    open_page(browser, base + "/documents/xss-1?hl=0-8")
    time.sleep(0.3)  # give any injected handler (img onerror, svg onload) the chance to fire
    _assert_nothing_ran(browser, "document")
    text = browser.find_element(By.ID, "doc-text").text
    assert "<script>window.__pwned = 1;" in text and "<img src=x onerror=" in text and "<iframe src=" in text
    assert "<script>window.__pwned=9</script>" in browser.find_element(By.ID, "doc-title").text
    meta = browser.find_element(By.ID, "doc-meta")
    assert "<b onmouseover=" in meta.text  # the outlet name, as text
    original = meta.find_element(By.CSS_SELECTOR, ".unsafe-url")  # javascript: URL kept as text
    assert original.tag_name == "span" and original.text == "javascript:window.__pwned=10"
    shot(browser, "xss-document")
    # the event page: fields, claims (their text carries the article's markup), sources, contradictions
    event = result.events[0]
    open_page(browser, base + f"/events/xss-1:{event.id}")
    time.sleep(0.3)
    _assert_nothing_ran(browser, "event")
    assert "<script>window.__pwned=9</script>" in browser.find_element(By.ID, "fields").text  # the title
    claims = [c for c in result.claims if c.event == event.id]
    rows = browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr")
    assert len(rows) >= len(claims)
    marked = next(c for c in result.claims if "<" in c.text)
    assert marked.text in browser.find_element(By.ID, "claim-rows").text
    for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = link.get_attribute("href")
        assert href.startswith((base, "https://", "http://")), href
    shot(browser, "xss-event")
    # the incident page of the hostile article's event: consensus, members (titles, outlets), claims
    record = corpus.incident_of("xss-1", event.id)
    open_page(browser, base + f"/incidents/{record['id']}")
    time.sleep(0.3)
    _assert_nothing_ran(browser, "incident")
    assert browser.execute_script("return document.body.dataset.kind") == "incident"
    assert "<b onmouseover=" in browser.find_element(By.ID, "fields").text  # the outlet, as text
    assert marked.text in browser.find_element(By.ID, "claim-rows").text
    for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert link.get_attribute("href").startswith((base, "https://", "http://")), link.get_attribute("href")
    shot(browser, "xss-incident")
    open_page(browser, base + f"/events/xss-1:{event.id}")
    # an evidence link from the event page highlights markup as text
    link = browser.find_element(By.CSS_SELECTOR, f"#claim-rows tr[data-claim='{marked.id}'] a.evidence-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    wait(browser, lambda d: "/documents/xss-1" in d.current_url and
         d.execute_script("return document.body.dataset.ready") == "1", "evidence link did not open the document")
    time.sleep(0.3)
    _assert_nothing_ran(browser, "document from an evidence link")
    assert highlighted(browser) == XSS_TEXT[marked.evidence.start:marked.evidence.end]
    # the map page: tooltips, list and search with markup in the query
    open_page(browser, base + "/?q=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D15%3E")
    _assert_nothing_ran(browser, "map with a hostile query")
    open_page(browser, base + "/")
    record = corpus.incident_of("xss-1", event.id)
    wait_markers(browser, corpus.mapped_incidents())
    marker = browser.find_element(By.CSS_SELECTOR, f"path.event-marker[data-uid='{record['id']}']")
    webdriver.ActionChains(browser).move_to_element(marker).perform()
    tip = wait(browser, lambda d: d.execute_script(
        "const t = document.querySelector('.leaflet-tooltip'); return t && t.textContent"), "no tooltip")
    assert record["sub_event_type"] in tip
    time.sleep(0.3)
    _assert_nothing_ran(browser, "map with tooltip")
    shot(browser, "xss-map")

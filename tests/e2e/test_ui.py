"""End-to-end UI tests in real headless Debian Chromium, driven by Selenium over chromedriver.

A real uvicorn server on 127.0.0.1 serves a store of hand-coded documents (sitrep.serve.demo).
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
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
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

from sitrep.model import Claim, Contradiction, Document, DocumentResult, Event, Place, Span  # noqa: E402
from sitrep.serve import Settings, create_app  # noqa: E402
from sitrep.serve.app import vendor_available  # noqa: E402
from sitrep.serve.demo import demo_corpus  # noqa: E402
from sitrep.store import open_store  # noqa: E402

if not vendor_available(Settings.from_env()):
    pytest.skip("front-end packages missing: run `npm ci` in web/", allow_module_level=True)

ALL_EVENTS = 7
WAIT = 15


# -- server and browser ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, db: Path):
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


def _fill(path: Path, items) -> Path:
    with open_store(str(path)) as store:
        for doc, result in items:
            store.ingest(doc, result)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = _fill(tmp_path_factory.mktemp("ui") / "demo.db", demo_corpus())
    with Server(db) as running:
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


def markers(driver) -> int:
    return driver.execute_script("return document.querySelectorAll('path.event-marker').length")


def wait_markers(driver, n: int) -> None:
    wait(driver, lambda d: d.execute_script("return document.body.dataset.markers") == str(n) and markers(d) == n,
         f"expected {n} markers")


def severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


# -- the map -------------------------------------------------------------------------------

def test_map_shows_every_event(server, browser):
    open_page(browser, server.url + "/")
    wait_markers(browser, ALL_EVENTS)
    assert "7 events match" in browser.find_element(By.ID, "status").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-rows tr")) == ALL_EVENTS
    # the offline basemap (world-atlas outlines) is drawn, and the timeline has a bar per day
    assert browser.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path').length") > 100
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline g.day")) == 5
    shot(browser, "map", readme="map.png")
    assert severe_logs(browser) == []


def test_filters_narrow_the_map(server, browser):
    open_page(browser, server.url + "/")
    wait_markers(browser, ALL_EVENTS)
    Select(browser.find_element(By.ID, "f-type")).select_by_value("Battles")
    wait_markers(browser, 2)
    assert "event_type=Battles" in browser.current_url
    Select(browser.find_element(By.ID, "f-contra")).select_by_value("true")
    wait_markers(browser, 1)
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-rows tr")
    assert len(rows) == 1 and "Non-state actor overtakes territory" in rows[0].text
    shot(browser, "map-filtered")
    # a filtered URL opens filtered; reset brings everything back
    open_page(browser, server.url + "/?country=NE")
    wait_markers(browser, 2)
    assert Select(browser.find_element(By.ID, "f-country")).first_selected_option.get_attribute("value") == "NE"
    browser.find_element(By.ID, "reset").click()
    wait_markers(browser, ALL_EVENTS)
    # date range through the form
    browser.find_element(By.ID, "f-date-from").send_keys("07302023")
    browser.find_element(By.ID, "f-date-to").send_keys("07302023")
    browser.find_element(By.ID, "apply").click()
    wait_markers(browser, 2)


def test_search_box_is_keyboard_usable(server, browser):
    open_page(browser, server.url + "/")
    wait_markers(browser, ALL_EVENTS)
    browser.find_element(By.TAG_NAME, "body").send_keys("/")  # "/" jumps to the search box
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "search-q"
    active.send_keys("wagner", Keys.ENTER)
    wait_markers(browser, 2)  # actor "Wagner Group" and the title "Wagner claims Bakhmut"
    # Tab reaches the event link in the list, Enter opens the event page
    link = browser.find_element(By.CSS_SELECTOR, "#event-rows a")
    browser.execute_script("arguments[0].focus()", link)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser, lambda d: "/incidents/demo-bakhmut" in d.current_url, "Enter did not follow the link")


# -- event and document pages ----------------------------------------------------------------

def test_event_page_shows_claims_and_contradictions(server, browser):
    open_page(browser, server.url + "/incidents/demo-olenivka:e1")
    assert "Olenivka" in browser.find_element(By.ID, "event-title").text
    fields = browser.find_element(By.ID, "fields").text
    assert "Explosions/Remote violence" in fields and "Donetsk Oblast" in fields and "40" in fields
    rows = browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr")
    assert len(rows) == 5
    assert "Russian Ministry of Defence" in rows[0].text and "military" in rows[0].text and "claimed" in rows[0].text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr.contradicted")) == 4
    sections = browser.find_elements(By.CSS_SELECTOR, "#contradictions section.contradiction")
    assert len(sections) == 2
    killed = next(s for s in sections if "killed" in s.find_element(By.TAG_NAME, "h3").text)
    cards = killed.find_elements(By.CSS_SELECTOR, ".contra-card")
    assert [c.find_element(By.CSS_SELECTOR, ".contra-value").text.split()[0] for c in cards] == ["40", "53"]
    left, right = cards[0].rect, cards[1].rect
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]  # side by side
    shot(browser, "event", readme="event.png")


def test_evidence_link_highlights_the_span(server, browser):
    open_page(browser, server.url + "/incidents/demo-olenivka:e1")
    link = browser.find_element(By.CSS_SELECTOR, "#claim-rows tr[data-claim='c5'] a.evidence-link")
    link.click()
    wait(browser, lambda d: "/documents/demo-olenivka" in d.current_url, "evidence link did not open the document")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "1", "document never ready")
    highlighted = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc-text mark.hl-target')).map(m => m.textContent).join('')")
    assert highlighted == "later put the death toll at 53"
    assert browser.switch_to.active_element.get_attribute("id") == "target"
    # contested claim spans are marked in the text
    contested = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc-text mark.hl-contra')).map(m => m.textContent).join('|')")
    assert "Russia's defence ministry said 40 prisoners of war were killed" in contested
    shot(browser, "document")


def test_document_offsets_count_code_points(server, browser):
    """Offsets are Python (code point) indices; an emoji (two UTF-16 units) must not shift the highlight."""
    doc, result = next((d, r) for d, r in demo_corpus() if d.id == "demo-haiti")
    assert len(doc.text.encode("utf-16-le")) // 2 > len(doc.text)  # the text has an astral character
    span = result.claims[0].evidence
    open_page(browser, server.url + f"/documents/demo-haiti?hl={span.start}-{span.end}")
    assert browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc-text mark.hl-target')).map(m => m.textContent).join('')"
    ) == doc.text[span.start:span.end]


# -- untrusted text --------------------------------------------------------------------------

XSS_TEXT = (
    "Breaking <script>window.__pwned = 1; document.title = 'pwned';</script> news. "
    "<img src=x onerror=\"window.__pwned = 2\"> Witnesses at <a href=\"javascript:window.__pwned=3\">Kramatorsk</a> "
    "said. </style><style>body { display: none !important }</style><div style=\"background:url(javascript:alert(1))\">"
    "<svg onload=\"window.__pwned=4\"></svg> The shelling killed 2 people.\n"
    "<iframe src=\"javascript:parent.__pwned=5\"></iframe>{{constructor.constructor('window.__pwned=6')()}}"
)


def _xss_corpus():
    text = XSS_TEXT
    evil = "<img src=x onerror=\"window.__pwned=7\">"
    start = text.index("The shelling killed 2 people")
    doc = Document(
        id="xss-1", text=text, title=f"<script>window.__pwned=8</script>{evil} Title",
        url="javascript:window.__pwned=9", source="<b onmouseover=\"window.__pwned=10\">Evil Wire</b>",
        published=dt.date(2024, 5, 1), language="en",
    )
    claims = [
        Claim(id="c1", event="e1", attribute="killed", value=2, text=f"{evil} killed 2",
              source="<script>window.__pwned=11</script>", source_type="media", certainty="reported",
              evidence=Span(start=start, end=start + 28)),
        Claim(id="c2", event="e1", attribute="killed", value="<i onclick=\"window.__pwned=12\">none</i>",
              text="</td><td style=\"color:red\">", source="javascript:alert(1)", source_type="other",
              certainty="denied", evidence=Span(start=0, end=8)),
    ]
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 1),
        location=Place(name=f"Kramatorsk{evil}", mention="<a href='javascript:x'>Kramatorsk</a>", lat=48.72, lon=37.56,
                       admin1="<style>*{display:none}</style>", country="UA"),
        actor1="<script>window.__pwned=13</script>", actor2=evil, fatalities=2, certainty="reported",
        evidence=[Span(start=start, end=start + 28)], claims=["c1", "c2"],
    )
    result = DocumentResult(doc_id=doc.id, language="en", published=doc.published, events=[event], claims=claims,
                            contradictions=[Contradiction(claims=["c1", "c2"], attribute="killed", event="e1",
                                                          note="<img src=x onerror=\"window.__pwned=14\">")])
    return [(doc, result)]


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    db = _fill(tmp_path_factory.mktemp("xss") / "xss.db", _xss_corpus())
    with Server(db) as running:
        yield running


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
              e => /javascript|color:\\s*red/i.test(e.getAttribute('style'))).length,
          bodyVisible: getComputedStyle(document.body).display !== 'none',
          mainVisible: getComputedStyle(document.getElementById('main')).display !== 'none',
        };""")
    assert state == {"pwned": None, "title": state["title"], "inlineScripts": 0, "foreignScripts": 0, "handlers": 0,
                     "jsLinks": 0, "injected": 0, "styleAttrs": 0, "bodyVisible": True, "mainVisible": True}, page
    assert state["title"].startswith("sitrep — ") and state["title"] != "pwned", page


def test_untrusted_text_never_executes(xss_server, browser):
    base = xss_server.url
    # the document page: the markup is shown as text, not parsed
    open_page(browser, base + "/documents/xss-1?hl=0-8")
    time.sleep(0.3)  # give any injected handler (img onerror, svg onload) the chance to fire
    _assert_nothing_ran(browser, "document")
    text = browser.find_element(By.ID, "doc-text").text
    assert "<script>window.__pwned = 1;" in text and "<img src=x onerror=" in text
    assert "<script>window.__pwned=8</script>" in browser.find_element(By.ID, "doc-title").text
    original = browser.find_element(By.CSS_SELECTOR, "#doc-meta .unsafe-url")  # javascript: URL kept as text
    assert original.tag_name == "span" and original.text == "javascript:window.__pwned=9"
    shot(browser, "xss-document")
    # the event page: actors, place, claims, sources and the contradiction note
    open_page(browser, base + "/incidents/xss-1:e1")
    time.sleep(0.3)
    _assert_nothing_ran(browser, "event")
    assert "<script>window.__pwned=13</script>" in browser.find_element(By.ID, "fields").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#claim-rows tr")) == 2
    for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = link.get_attribute("href")
        assert href.startswith((base, "https://", "http://")), href
    shot(browser, "xss-event")
    # the map page: tooltips, list and search with markup in the query
    open_page(browser, base + "/?q=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D15%3E")
    _assert_nothing_ran(browser, "map with a hostile query")
    open_page(browser, base + "/")
    wait_markers(browser, 1)
    marker = browser.find_element(By.CSS_SELECTOR, "path.event-marker")
    webdriver.ActionChains(browser).move_to_element(marker).perform()
    tip = wait(browser, lambda d: d.execute_script(
        "const t = document.querySelector('.leaflet-tooltip'); return t && t.textContent"), "no tooltip")
    assert "Kramatorsk<img" in tip
    time.sleep(0.3)
    _assert_nothing_ran(browser, "map with tooltip")
    shot(browser, "xss-map")

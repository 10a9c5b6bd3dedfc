"""Exports and the store commands, from a real SQLite store filled with hand-built results."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import StoreError
from sitrep.export import write_acled, write_geojson, write_jsonl
from sitrep.export.acled import disorder_type, interaction
from sitrep.model import DocumentResult, output_json_schema
from sitrep.store import open_store
from test_store import make_doc, make_result

# Copied from contract.md, "ACLED CSV export".
CONTRACT_COLUMNS = """event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type,
actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting,
iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision,
source, source_scale, notes, fatalities, tags, timestamp""".replace("\n", " ").split(", ")


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "sitrep.db")
    with open_store(path) as store:
        store.ingest(make_doc("a-ua"), make_result("a-ua"))
        store.ingest(make_doc("b-ua", source=None), make_result("b-ua"))
        store.ingest(make_doc("c-none", source="Outlet"), make_result("c-none", country=None, lat=None))
    return path


def acled_rows(db: str) -> list[dict[str, str]]:
    out = io.StringIO()
    with open_store(db) as store:
        write_acled(store.events(), out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_acled_header_is_the_contract(db):
    out = io.StringIO()
    with open_store(db) as store:
        stats = write_acled(store.events(), out)
    assert out.getvalue().splitlines()[0].split(",") == [c.strip() for c in CONTRACT_COLUMNS]
    assert stats.written == 6


def test_acled_rows(db):
    rows = acled_rows(db)
    assert [r["event_id_cnty"] for r in rows] == ["UKR1", "XX1", "UKR2", "XX2", "XX3", "XX4"]
    strike = rows[0]
    assert (strike["event_date"], strike["year"], strike["disorder_type"]) == ("2023-05-22", "2023", "Political violence")
    assert (strike["iso"], strike["country"], strike["region"], strike["admin1"]) == ("804", "Ukraine", "Europe", "Kharkiv Oblast")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("1", "7", "17")
    assert strike["civilian_targeting"] == ""  # only Violence against civilians is civilian targeting here
    assert strike["source"] == "Kharkiv regional administration; Russian Ministry of Defence"
    assert strike["fatalities"] == "3" and strike["latitude"] == "49.99"
    assert strike["notes"] == (
        "On 2023-05-22, a shelling/artillery/missile attack by Military Forces of Russia (2000-) against "
        "Civilians (Ukraine) was reported in Kharkiv, Kharkiv Oblast, Ukraine; 3 fatalities were reported."
    )
    clash = rows[1]
    assert clash["source"] == "Kyiv Independent"  # claim named no source: the outlet
    assert clash["notes"] == "Between 2023-05-20 and 2023-05-21, an armed clash was claimed."
    assert clash["fatalities"] == "" and clash["country"] == ""
    assert rows[3]["source"] == ""  # no claim source, no outlet


def test_acled_vocabularies():
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"
    assert interaction("6", "", has_actor2=False) == "60"
    assert interaction("7", "1", has_actor2=True) == "17"
    assert interaction("", "1", has_actor2=True) == ""


def test_civilian_targeting(tmp_path):
    result = make_result("vac")
    result.events[0].event_type, result.events[0].sub_event_type = "Violence against civilians", "Attack"
    with open_store(str(tmp_path / "v.db")) as store:
        store.ingest(make_doc("vac"), result)
        out = io.StringIO()
        write_acled(store.events(), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["civilian_targeting"] == "Civilian targeting"


def test_geojson_points_and_skips(db):
    out = io.StringIO()
    with open_store(db) as store:
        stats = write_geojson(store.events(), out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    assert (stats.written, stats.skipped) == (2, 4)
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [36.23, 49.99]}
    assert first["properties"]["doc_id"] == "a-ua" and first["properties"]["event_type"] == "Explosions/Remote violence"
    assert first["id"] == "a-ua/e1"


def test_geojson_empty_store_is_valid(tmp_path):
    out = io.StringIO()
    with open_store(str(tmp_path / "e.db")) as store:
        write_geojson(store.events(), out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_jsonl_one_result_per_line(db):
    out = io.StringIO()
    with open_store(db) as store:
        stats = write_jsonl(store.results(), out)
    lines = out.getvalue().splitlines()
    assert stats.written == len(lines) == 3
    assert DocumentResult.model_validate_json(lines[0]) == make_result("a-ua")


runner = CliRunner()


@pytest.mark.parametrize("fmt", ["acled", "geojson", "jsonl"])
def test_export_command_writes_file(db, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    assert target.exists() and not (tmp_path / f"out.{fmt}.partial").exists()
    assert target.read_text(encoding="utf-8").strip()


def test_export_command_stdout(db):
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3


def test_summary_command(db):
    result = runner.invoke(app, ["summary", "--db", db])
    assert result.exit_code == 0, result.output
    for expected in ("documents", "Battles", "Ukraine (UA)", "contradictions"):
        assert expected in result.stdout


def test_schema_command():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == output_json_schema()


def test_missing_database_is_a_store_error(tmp_path):
    result = runner.invoke(app, ["summary", "--db", str(tmp_path / "absent.db")])
    assert isinstance(result.exception, StoreError)


def test_cli_reports_one_line_and_fails(tmp_path):
    # Through the real entry point: the error is one line on stderr, exit status 1.
    proc = subprocess.run(
        [sys.executable, "-c", "from sitrep.cli import main; main()", "export", "--format", "acled",
         "--db", str(tmp_path / "absent.db")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"error: no database at {tmp_path / 'absent.db'}; run `sitrep ingest PATH --db {tmp_path / 'absent.db'}` first"
    ]


def test_ingest_counts_and_names_failures(tmp_path):
    # A missing input fails in ingest, before extraction: counted, named, exit status 1.
    missing = tmp_path / "gone.txt"
    result = runner.invoke(app, ["ingest", str(missing), "--db", str(tmp_path / "i.db")])
    assert result.exit_code == 1
    assert "1 documents read, 0 stored, 0 unchanged, 1 failed" in result.stdout
    assert f"{missing}: no such file" in result.stderr


def test_ingest_skips_stored_texts_without_extracting(tmp_path):
    # The text is stored already, so ingest never reaches the extractor for it.
    db = str(tmp_path / "i.db")
    with open_store(db) as store:
        store.ingest(make_doc(), make_result())
    article = tmp_path / "kharkiv-en-1.json"
    article.write_text(json.dumps({"text": make_doc().text}), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 documents read, 0 stored, 1 unchanged, 0 failed" in result.stdout

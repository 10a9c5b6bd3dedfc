"""The gazetteer's SQLite schema and the writer shared by the package build and the dump loader."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from sitrep.resolve.gazetteer.normalize import fold, key as name_key, usable_name

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
  geonameid   INTEGER PRIMARY KEY,   -- GeoNames id; negative = built here, no GeoNames id known
  name        TEXT NOT NULL,         -- English/ASCII GeoNames name
  lat         REAL, lon REAL,
  country     TEXT,                  -- ISO 3166-1 alpha-2
  admin1      TEXT,                  -- GeoNames admin1 code within the country
  fclass      TEXT,                  -- GeoNames feature class (P, A, ...)
  fcode       TEXT,                  -- GeoNames feature code (PPL, PPLA, ADM1, PCLI, ...)
  population  INTEGER NOT NULL DEFAULT 0
);
-- kind: 0 = the place's own name, 1 = an alternate name, 2 = a stem that names the place only
-- next to a region noun ("regiunea Belgorod", "Белгородская область")
CREATE TABLE IF NOT EXISTS names (
  key TEXT NOT NULL, geonameid INTEGER NOT NULL, kind INTEGER NOT NULL,
  PRIMARY KEY (key, geonameid, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (
  country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER, iso TEXT,
  PRIMARY KEY (country, code)
);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_by_place ON names (geonameid);
CREATE INDEX IF NOT EXISTS places_by_admin ON places (country, admin1, fcode);
"""


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(SCHEMA)
    return conn


def finish(conn: sqlite3.Connection, **meta: str) -> None:
    conn.executescript(INDEXES)
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), *((k, str(v)) for k, v in meta.items())],
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.commit()


def code_key(text: str) -> str:
    """The key of an abbreviation ("U.S." → "#us", "США" → "#ssha"): folded without the spelling
    collapses of `key`, so that codes of different places do not meet ("EE.UU." is not "EU")."""
    return "#" + fold(text).replace(" ", "")


def name_rows(geonameid: int, primary: str, alternates: Iterable[str], stems: Iterable[str] = (), codes: Iterable[str] = ()):
    """(key, geonameid, kind) rows for one place, without duplicates."""
    seen: set[tuple[str, int]] = set()
    k = name_key(primary)
    if k:
        seen.add((k, 0))
        yield (k, geonameid, 0)
    for alt in alternates:
        if not usable_name(alt):
            continue
        k = name_key(alt)
        if len(k) < 3 and sum(ch.isalpha() for ch in alt) <= 4 and alt.replace(".", "").replace(" ", "").isupper():
            continue  # abbreviations ("EE.UU.", "E.U.A.") fold into keys that collide with other codes
        if k and (k, 0) not in seen and (k, 1) not in seen:
            seen.add((k, 1))
            yield (k, geonameid, 1)
    for code in codes:  # abbreviations that are names here (US, UK, UAE, США): matched only as written, in capitals
        k = code_key(code)
        if k and (k, 1) not in seen:
            seen.add((k, 1))
            yield (k, geonameid, 1)
    for stem in stems:
        k = name_key(stem)
        if len(k) >= 3 and not any((k, kind) in seen for kind in (0, 1, 2)):
            seen.add((k, 2))
            yield (k, geonameid, 2)

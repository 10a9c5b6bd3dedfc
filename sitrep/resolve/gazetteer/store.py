"""The gazetteer's SQLite schema and the writer shared by the package build and the dump loader."""

from __future__ import annotations

import re
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


# Native-script markers: extra rows "@c<key>" (a Cyrillic name of a place in a country that writes
# Cyrillic: the place's own name in that script, though GeoNames' primary name is a transliteration)
# and "@u<key>" (a Ukrainian form of a place in Ukraine). The resolver looks them up for Cyrillic
# surfaces: "Оленовке" in Russian is Olenivka's own Russian name, "Покровська" in Ukrainian is
# Pokrovsk (Donetsk Oblast), not Engels, whose old Latin alternate name is "Pokrovsk".
CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "ME", "BA", "MN"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_UKRAINIAN = re.compile("[іїєґ]|[сцз]ьк", re.IGNORECASE)
_NOT_UKRAINIAN = re.compile("[ыэъёў]", re.IGNORECASE)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text)) and not _LATIN.search(text)


def looks_ukrainian(text: str) -> bool:
    """A Cyrillic name in Ukrainian spelling (і ї є ґ, -ськ/-цьк), without Russian/Belarusian-only letters."""
    return is_cyrillic(text) and bool(_UKRAINIAN.search(text)) and not _NOT_UKRAINIAN.search(text)


def native_key(text: str, mark: str) -> str:
    return "@" + mark + name_key(text)


def native_rows(geonameid: int, country: str | None, names: Iterable[str], languages: Iterable[str | None] | None = None):
    """Marker rows for a place's Cyrillic names (see above). ``languages``: the GeoNames language
    of each name when known (alternateNames dumps); otherwise the spelling decides."""
    if country is not None and country not in CYRILLIC_COUNTRIES:  # None: not known here (the resolver checks)
        return
    langs = list(languages) if languages is not None else None
    seen: set[str] = set()
    for n, name in enumerate(names):
        if not name or not is_cyrillic(name):
            continue
        lang = langs[n] if langs is not None else None
        marks = ["c"]
        if country in ("UA", None) and (lang == "uk" if lang else looks_ukrainian(name)):
            marks.append("u")
        for mark in marks:
            k = native_key(name, mark)
            if len(k) > 4 and k not in seen:
                seen.add(k)
                yield (k, geonameid, 1)

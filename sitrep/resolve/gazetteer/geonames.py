"""Import full GeoNames dumps into the gazetteer schema (`sitrep gazetteer load`).

Accepted files (plain or zipped, as GeoNames publishes them):
* place tables: allCountries.zip, per-country XX.zip / XX.txt, citiesNNN.zip (19 tab-separated
  columns: geonameid, name, asciiname, alternatenames, lat, lon, feature class, feature code,
  country code, cc2, admin1..admin4, population, elevation, dem, timezone, modified);
* alternateNamesV2.zip / alternateNames.txt (alternateNameId, geonameid, isolanguage, name, ...);
* admin1CodesASCII.txt ("CC.code", name, ascii name, geonameid).
Rows are added to (or replace rows of) the database at PATH, which is created if missing.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sitrep.errors import GazetteerError
from sitrep.resolve.gazetteer.store import connect, finish, name_rows, native_rows

KEEP_CLASSES = {"P", "A", "L", "T", "H", "S", "V"}


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(member name, line) for a .txt file or every .txt member of a zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.lower().endswith(".txt") and not member.lower().startswith("readme"):
                    with zf.open(member) as fh:
                        for line in io.TextIOWrapper(fh, encoding="utf-8"):
                            yield member, line
    else:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield path.name, line


def _kind(member: str, first: list[str]) -> str:
    low = member.lower()
    if low.startswith("admin1codes"):
        return "admin1"
    if low.startswith("alternatename"):
        return "alternates"
    if len(first) >= 15:
        return "places"
    if len(first) == 4 and "." in first[0]:
        return "admin1"
    if len(first) >= 4 and first[0].isdigit() and first[1].isdigit():
        return "alternates"
    raise GazetteerError(f"{member}: not a GeoNames file this loader knows (place table, alternate names, admin1 codes)")


NATIVE_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})


def load_dumps(path: Path, files: Iterable[Path], *, log: Callable[[str], None] | None = None) -> dict[str, int]:
    log = log or (lambda m: None)
    conn = connect(Path(path))
    counts = {"places": 0, "names": 0, "admin1": 0}
    for file in files:
        file = Path(file)
        if not file.is_file():
            raise GazetteerError(f"{file}: no such file")
        log(f"loading {file}")
        batch_p, batch_n, batch_a = [], [], []
        kind = None
        for member, line in _lines(file):
            cols = line.rstrip("\n").split("\t")
            if not cols or not cols[0] or cols[0].startswith("#"):
                continue
            if kind is None:
                kind = _kind(member, cols)
            try:
                if kind == "places":
                    if cols[6] not in KEEP_CLASSES:
                        continue
                    gid = int(cols[0])
                    fcode = cols[7]
                    batch_p.append((gid, cols[1], float(cols[4]), float(cols[5]), cols[8] or None,
                                    None if fcode.startswith("PCL") else (cols[10] or None), cols[6], fcode,
                                    int(cols[14] or 0)))
                    alts = [a for a in cols[3].split(",") if a] + [cols[2]]
                    batch_n.extend(name_rows(gid, cols[1], alts))
                    batch_n.extend(native_rows(gid, cols[8] or None, alts))
                    if fcode == "ADM1" and cols[8] and cols[10]:
                        batch_a.append((cols[8], cols[10], cols[2] or cols[1], gid, None))
                elif kind == "alternates":
                    lang = cols[2]
                    if lang in ("link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"):
                        continue
                    batch_n.extend((k, g, 1) for k, g, _ in name_rows(int(cols[1]), cols[3], []))
                    if lang in NATIVE_CYRILLIC_LANGUAGES:
                        batch_n.extend(native_rows(int(cols[1]), None, [cols[3]], [lang]))
                elif kind == "admin1":
                    cc, _, code = cols[0].partition(".")
                    batch_a.append((cc, code, cols[2] or cols[1], int(cols[3]) if cols[3] else None, None))
            except (IndexError, ValueError) as err:
                raise GazetteerError(f"{file} ({member}): malformed line {line[:60]!r}: {err}") from err
            if len(batch_p) + len(batch_n) > 200_000:
                _flush(conn, batch_p, batch_n, batch_a, counts)
        _flush(conn, batch_p, batch_n, batch_a, counts)
    finish(conn, source="geonames dumps")
    conn.close()
    return counts


def _flush(conn: sqlite3.Connection, places, names, admin1, counts) -> None:
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?)", admin1)
    # an imported ADM1 supersedes a division the package build named (same country and code)
    for cc, code, _name, gid, _iso in admin1:
        if gid:
            conn.execute("DELETE FROM places WHERE fcode='ADM1' AND geonameid < 0 AND country=? AND admin1=?", (cc, code))
    counts["places"] += len(places)
    counts["names"] += len(names)
    counts["admin1"] += len(admin1)
    places.clear(), names.clear(), admin1.clear()
    conn.commit()

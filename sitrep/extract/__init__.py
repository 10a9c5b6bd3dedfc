"""Extraction stage: events, claims, sources and certainty from one article."""

from __future__ import annotations

from typing import Sequence

from sitrep.lang.pack import LanguagePack
from sitrep.model import Document, DocumentResult, PlaceMention


def extract_document(doc: Document, pack: LanguagePack, *, places: Sequence[PlaceMention] = (), actors=None) -> DocumentResult:
    """Code one article with the given language pack.

    ``places`` are the document's resolved toponyms (from the resolver the pipeline passes in)
    and ``actors`` the actor registry; both are services, so this stage imports neither.
    """
    from sitrep.extract.document import coder_for

    adjective_of = _adjectives(actors)
    return coder_for(pack, adjective_of).code(doc, places, actors)


def _adjectives(actors):
    """English adjective of a country ("RU" → "Russian") from the registry's country table."""
    countries = getattr(actors, "countries", None) or {}

    def adjective_of(country: str) -> str | None:
        return (countries.get(country) or {}).get("adjective")

    return adjective_of


__all__ = ["extract_document"]

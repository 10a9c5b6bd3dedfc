"""The pipeline: ingest → language → extract → resolve, as one importable API.

`Pipeline` loads its resources once (language packs, gazetteer, actor registry) and turns a
`Document` into a `DocumentResult`. The CLI, the store, the evaluator and the batch runner
all go through it, so every entry point codes an article the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

from sitrep.errors import ExtractionError, InputError, LanguageError, SitrepError
from sitrep.model import Document, DocumentResult, PlacesResult


@dataclass(frozen=True)
class Options:
    """Everything a run can be configured with, in one place."""

    gazetteer: Path | None = None  # None: the built-in gazetteer, built on first use
    default_language: str | None = None  # used when detection is not confident


class Pipeline:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()

    @cached_property
    def resolver(self):
        from sitrep.resolve.geocode import Geocoder

        return Geocoder.open(self.options.gazetteer)

    @cached_property
    def actors(self):
        from sitrep.resolve.actors import ActorRegistry

        return ActorRegistry.load()

    def language_of(self, doc: Document) -> str:
        from sitrep.lang import detect_language

        if doc.language:
            return doc.language.lower().split("-")[0]
        code = detect_language(doc.text) or self.options.default_language
        if not code:
            raise LanguageError(f"{doc.origin or doc.id}: cannot tell the language; set \"language\" in the article")
        return code

    def extract(self, doc: Document) -> DocumentResult:
        from sitrep.extract import extract_document
        from sitrep.lang import load_pack
        from sitrep.resolve.contradictions import find_contradictions

        if not doc.text.strip():
            raise InputError(doc.origin or doc.id, "empty text")
        language = self.language_of(doc)
        pack = load_pack(language)
        places = self.resolver.locate(doc.text, language)
        result = extract_document(doc, pack, places=places, actors=self.actors)
        result.language = language
        result.contradictions = find_contradictions(result)
        return result

    def places(self, doc: Document, *, demonyms: bool = False) -> PlacesResult:
        """Every toponym of a document; an undetected language only loses its inflection rules."""
        language = None
        try:
            language = self.language_of(doc)
        except LanguageError:
            pass
        return PlacesResult(doc_id=doc.id, places=self.resolver.locate(doc.text, language, demonyms=demonyms))

    def run(self, items: Iterable[Document | InputError], task=None) -> Iterator[DocumentResult | PlacesResult | SitrepError]:
        """Run `task` (default: extraction) on each document; a failure is yielded, not raised,
        so batches go on."""
        task = task or self.extract
        for item in items:
            if isinstance(item, SitrepError):
                yield item
                continue
            try:
                yield task(item)
            except SitrepError as err:
                yield err
            except Exception as err:  # a bug on one article must not stop the batch
                failure = ExtractionError(f"{item.origin or item.id}: processing failed ({type(err).__name__}: {err})")
                failure.__cause__ = err
                yield failure

"""Typed errors. Each reaches the user as one line; `--verbose` adds the trace."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: anything the user can act on."""

    exit_code = 1


class InputError(SitrepError):
    """A document that cannot be read: names the file (and line) and the cause."""

    def __init__(self, origin: str, cause: str):
        self.origin = origin
        self.cause = cause
        super().__init__(f"{origin}: {cause}")


class LanguageError(SitrepError):
    """A language with no pack, or one that cannot be detected."""


class ExtractionError(SitrepError):
    """An unexpected failure while coding one document (a bug: the trace is in --verbose)."""


class GazetteerError(SitrepError):
    """The gazetteer is missing or unreadable."""


class StoreError(SitrepError):
    """The database cannot be opened, migrated or written."""


class EvalError(SitrepError):
    """A gold directory or file that cannot be scored."""

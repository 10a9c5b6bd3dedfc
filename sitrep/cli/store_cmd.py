"""Commands registered on the sitrep app (filled in by its owner)."""

from sitrep.cli import app  # noqa: F401

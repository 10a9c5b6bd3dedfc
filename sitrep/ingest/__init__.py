"""Ingest: read articles from files and directories into `Document`s.

`iter_documents` yields a `Document` for each readable article and an `InputError` for each
one that cannot be read, so that a batch goes on past bad input and reports it.
Article text is changed in one place only, `normalize_text` (newlines → "\\n", Unicode NFC);
evidence offsets index into the stored `Document.text`.
"""

from sitrep.ingest.articles import Limits, normalize_text
from sitrep.ingest.readers import SUFFIXES, iter_documents

__all__ = ["iter_documents", "Limits", "normalize_text", "SUFFIXES"]

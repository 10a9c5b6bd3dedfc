"""Ingest: read articles from files and directories into `Document`s.

`iter_documents` yields a `Document` for each readable article and an `InputError` for each
one that cannot be read, so that a batch goes on past bad input and reports it.
"""

from sitrep.ingest.readers import iter_documents

__all__ = ["iter_documents"]

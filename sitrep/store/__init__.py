"""The store: documents and their results in SQLite (a path) or PostgreSQL (a URL).

    with open_store("sitrep.db") as store:
        store.ingest(doc, result)          # False when this text is already stored
        for event in store.events(country="UA"): ...
"""

from sitrep.store.engine import DEFAULT_DB
from sitrep.store.store import Store, StoredEvent, open_store

__all__ = ["DEFAULT_DB", "Store", "StoredEvent", "open_store"]

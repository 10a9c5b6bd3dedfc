"""`sitrep serve`: the HTTP API and the web UI over a store.

    from sitrep.serve import create_app
    app = create_app("sitrep.db")
"""

from sitrep.serve.app import create_app
from sitrep.serve.common import Settings

__all__ = ["Settings", "create_app"]

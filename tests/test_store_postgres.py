"""The store tests of test_store.py, run against a real PostgreSQL server.

Set SITREP_TEST_PG_URL (`eval "$(.ci/postgres.sh)"` starts a local server and prints it).
Each test gets its own schema, selected through the connection's search_path.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="SITREP_TEST_PG_URL is not set (eval \"$(.ci/postgres.sh)\")")

if PG_URL:
    from sqlalchemy import create_engine, text

    from test_store import *  # noqa: F401,F403  (the same tests, collected again here)

    @pytest.fixture
    def target():  # noqa: F811  (replaces the SQLite fixture of test_store)
        name = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        sep = "&" if "?" in PG_URL else "?"
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={name}')}"
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()
else:
    def test_postgres_store():
        pass  # skipped by pytestmark; keeps the skip reason visible in the report

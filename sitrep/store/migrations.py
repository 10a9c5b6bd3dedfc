"""Named schema migrations, applied in order and recorded in `schema_migrations`.

A migration is a name and a function of an open connection. Names never change once
released; a new schema change is a new entry at the end of MIGRATIONS.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy import Connection, select, text

from sitrep.errors import StoreError
from sitrep.store import schema

Migration = tuple[str, Callable[[Connection], None]]


def _initial(conn: Connection) -> None:
    for table in (schema.documents, schema.events, schema.claims, schema.contradictions, schema.places):
        table.create(conn)  # also creates the table's indexes


def _incidents(conn: Connection) -> None:
    from sitrep.store.incidents import create_tables  # tables live with the code that uses them

    create_tables(conn)


MIGRATIONS: list[Migration] = [
    ("0001_initial", _initial),
    ("0002_incidents", _incidents),
]


def applied(conn: Connection) -> list[str]:
    rows = conn.execute(select(schema.schema_migrations.c.name).order_by(schema.schema_migrations.c.name))
    return [name for (name,) in rows]


def migrate(conn: Connection) -> list[str]:
    """Apply the missing migrations inside the caller's transaction; returns their names."""
    if conn.dialect.name == "postgresql":
        # Two processes opening a fresh database at once must not both create the tables.
        conn.execute(text("SELECT pg_advisory_xact_lock(72157001)"))
    schema.schema_migrations.create(conn, checkfirst=True)
    done = set(applied(conn))
    known = {name for name, _ in MIGRATIONS}
    unknown = sorted(done - known)
    if unknown:
        raise StoreError(
            f"the database has migrations this sitrep does not know ({', '.join(unknown)}); upgrade sitrep"
        )
    new = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.schema_migrations.insert().values(name=name, applied_at=dt.datetime.now(dt.timezone.utc)))
        new.append(name)
    return new

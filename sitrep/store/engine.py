"""Turning a `--db` argument into a SQLAlchemy engine: a path means SQLite, a URL PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sitrep.errors import StoreError

DEFAULT_DB = "sitrep.db"


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql:", "postgresql+", "postgres:"))


def describe(target: str) -> str:
    """The target as shown to users: a path, or a URL without its password."""
    if is_postgres(target):
        try:
            return make_url(target).render_as_string(hide_password=True)
        except ArgumentError:
            return "<unparsable PostgreSQL URL>"
    return target


def make_engine(target: str, *, create: bool) -> Engine:
    if is_postgres(target):
        return _postgres_engine(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    return _sqlite_engine(Path(target), create=create)


def _postgres_engine(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'") from None
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(f"cannot parse the PostgreSQL URL: {err}") from None
    # Plain "postgresql://" would pick psycopg2; we ship with psycopg 3.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_engine(path: Path, *, create: bool) -> Engine:
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give a database file path (e.g. {path / DEFAULT_DB})")
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}; run `sitrep ingest PATH --db {path}` first")
        if not path.parent.exists():
            raise StoreError(f"cannot create {path}: directory {path.parent} does not exist")
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that DDL
    # in migrations and every statement of a document's ingest share one real transaction.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 10000")
    # WAL: readers (export, serve) do not block the ingest, and commits are cheap.
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_on_begin(conn) -> None:
    # Writers take the write lock up front: a deferred read-then-write transaction can fail
    # with "database is locked" when another writer got there in between.
    immediate = conn.get_execution_options().get("sqlite_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

"""The incident database: one transaction per document, idempotent by content hash."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from sitrep.errors import StoreError
from sitrep.model import Document, DocumentResult, Event
from sitrep.store import migrations, rows, schema
from sitrep.store.engine import DEFAULT_DB, describe, make_engine

log = logging.getLogger(__name__)

# Rows fetched per round trip when streaming (server-side cursors on PostgreSQL).
STREAM_BATCH = 500


@dataclass(frozen=True)
class StoredEvent:
    """An event as the exports need it: with its document and the sources of its claims."""

    doc_id: str
    event: Event
    sources: tuple[str, ...]  # distinct claim sources, in claim order
    doc_source: str | None  # the outlet, for events whose claims name no source
    ingested_at: dt.datetime


def open_store(target: str | None = None, *, create: bool = True) -> "Store":
    """Open (and migrate) the store at a SQLite path or a postgresql:// URL.

    With ``create=False`` a missing SQLite file is an error instead of a new database.
    """
    target = str(target or DEFAULT_DB)
    engine = make_engine(target, create=create)
    try:
        with engine.connect().execution_options(sqlite_write=True) as conn, conn.begin():
            new = migrations.migrate(conn)
    except SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(f"cannot open database {describe(target)}: {_cause(err)}") from err
    except StoreError:
        engine.dispose()
        raise
    if new:
        log.info("applied migrations %s to %s", ", ".join(new), describe(target))
    return Store(engine, describe(target))


def _cause(err: SQLAlchemyError) -> str:
    """The driver's own message, on one line, without SQLAlchemy's statement dump."""
    orig = getattr(err, "orig", None)
    text = str(orig if orig is not None else err)
    return " ".join(text.split()) or type(err).__name__


class Store:
    def __init__(self, engine: Engine, name: str):
        self.engine = engine
        self.name = name
        self.replaced: list[str] = []  # doc ids whose earlier text this session replaced

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

    def ingest(self, doc: Document, result: DocumentResult) -> bool:
        """Store one document and its result; False when this exact text is already stored.

        Everything about the document is written in one transaction: on failure nothing of
        it is stored, and documents stored before are untouched.
        """
        if result.doc_id != doc.id:
            raise StoreError(f"{doc.origin or doc.id}: result is for document {result.doc_id!r}, not {doc.id!r}")
        doc_row = rows.document_row(doc, result, dt.datetime.now(dt.timezone.utc))
        try:
            with self.engine.connect().execution_options(sqlite_write=True) as conn, conn.begin():
                return self._write(conn, doc, result, doc_row)
        except SQLAlchemyError as err:
            raise StoreError(f"{doc.origin or doc.id}: cannot store document {doc.id!r}: {_cause(err)}") from err

    def _write(self, conn: Connection, doc: Document, result: DocumentResult, doc_row: dict) -> bool:
        d = schema.documents
        found = conn.execute(
            select(d.c.doc_id, d.c.content_hash, d.c.revision).where(
                or_(d.c.content_hash == doc_row["content_hash"], d.c.doc_id == doc.id)
            )
        ).all()
        if any(r.content_hash == doc_row["content_hash"] for r in found):
            return False
        previous = next((r for r in found if r.doc_id == doc.id), None)
        if previous is None:
            conn.execute(d.insert(), [{**doc_row, "revision": 1}])
        else:
            # Same id, new text (an edited article): the new version replaces the old one.
            for table in schema.CHILD_TABLES:
                conn.execute(delete(table).where(table.c.doc_id == doc.id))
            conn.execute(update(d).where(d.c.doc_id == doc.id).values(**doc_row, revision=previous.revision + 1))
            self.replaced.append(doc.id)
            log.warning("%s: document %r changed since it was stored; replaced it", doc.origin or doc.id, doc.id)
        self._insert_children(conn, doc.id, result)
        return True

    @staticmethod
    def _insert_children(conn: Connection, doc_id: str, result: DocumentResult) -> None:
        batches = [
            (schema.events, [rows.event_row(doc_id, i, e) for i, e in enumerate(result.events)]),
            (schema.claims, [rows.claim_row(doc_id, i, c) for i, c in enumerate(result.claims)]),
            (schema.contradictions, [rows.contradiction_row(doc_id, i, c) for i, c in enumerate(result.contradictions)]),
            (schema.places, [p for e in result.events if (p := rows.place_row(doc_id, e)) is not None]),
        ]
        for table, batch in batches:
            if batch:
                conn.execute(table.insert(), batch)

    # -- reading --------------------------------------------------------------------------

    def contains(self, doc: Document) -> bool:
        """True when this exact text is stored already (under any id): ingest would add nothing."""
        d = schema.documents
        with self.engine.connect() as conn:
            found = conn.execute(select(d.c.doc_id).where(d.c.content_hash == rows.content_hash(doc.text)).limit(1))
            return found.first() is not None

    def applied_migrations(self) -> list[str]:
        with self.engine.connect() as conn:
            return migrations.applied(conn)

    def documents(self) -> Iterator[Document]:
        with self._stream() as conn:
            for row in conn.execute(select(schema.documents).order_by(schema.documents.c.doc_id)).mappings():
                yield rows.document_from_row(row)

    def results(self) -> Iterator[DocumentResult]:
        """Every stored DocumentResult, by doc_id, streamed.

        Four cursors ordered by doc_id are walked side by side, so memory stays at one
        document however large the store is.
        """
        d, e, c, k = schema.documents, schema.events, schema.claims, schema.contradictions
        with self._stream() as conn:
            docs = conn.execute(
                select(d.c.doc_id, d.c.language, d.c.published, d.c.warnings).order_by(d.c.doc_id)
            ).mappings()
            events = _Groups(conn.execute(select(e.c.doc_id, e.c.data).order_by(e.c.doc_id, e.c.seq)).mappings())
            claims = _Groups(conn.execute(select(c).order_by(c.c.doc_id, c.c.seq)).mappings())
            contras = _Groups(conn.execute(select(k).order_by(k.c.doc_id, k.c.seq)).mappings())
            for row in docs:
                result = rows.result_shell(row)
                result.events = [rows.event_from_row(r) for r in events.take(row["doc_id"])]
                result.claims = [rows.claim_from_row(r) for r in claims.take(row["doc_id"])]
                result.contradictions = [rows.contradiction_from_row(r) for r in contras.take(row["doc_id"])]
                yield result

    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        doc_id: str | None = None,
    ) -> Iterator[StoredEvent]:
        """Stored events in (doc_id, order in document), optionally filtered; streamed.

        ``since``/``until`` keep events whose date span overlaps the interval.
        """
        e, d, c = schema.events, schema.documents, schema.claims
        query = (
            select(e.c.doc_id, e.c.seq, e.c.data, d.c.source.label("doc_source"), d.c.ingested_at,
                   c.c.source.label("claim_source"))
            .join(d, d.c.doc_id == e.c.doc_id)
            .outerjoin(c, (c.c.doc_id == e.c.doc_id) & (c.c.event_id == e.c.event_id))
            .order_by(e.c.doc_id, e.c.seq, c.c.seq)
        )
        if event_type:
            query = query.where(e.c.event_type == event_type)
        if country:
            query = query.where(e.c.country == country.upper())
        if admin1:
            query = query.where(e.c.admin1 == admin1)
        if since:
            query = query.where(func.coalesce(e.c.date_end, e.c.date_start) >= since)
        if until:
            query = query.where(func.coalesce(e.c.date_start, e.c.date_end) <= until)
        if doc_id:
            query = query.where(e.c.doc_id == doc_id)
        with self._stream() as conn:
            for _, group in groupby(conn.execute(query).mappings(), key=lambda r: (r["doc_id"], r["seq"])):
                group = list(group)
                first = group[0]
                sources = tuple(dict.fromkeys(r["claim_source"] for r in group if r["claim_source"]))
                yield StoredEvent(
                    doc_id=first["doc_id"], event=rows.event_from_row(first), sources=sources,
                    doc_source=first["doc_source"], ingested_at=_aware(first["ingested_at"]),
                )

    def counts(self) -> dict[str, Any]:
        """Totals for `sitrep summary`: rows per table, events by type and by country."""
        e = schema.events
        with self.engine.connect() as conn:
            totals = {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("documents", schema.documents), ("events", e), ("claims", schema.claims),
                                    ("contradictions", schema.contradictions), ("places", schema.places))
            }
            by_type = conn.execute(
                select(e.c.event_type, func.count()).group_by(e.c.event_type).order_by(func.count().desc(), e.c.event_type)
            ).all()
            by_country = conn.execute(
                select(e.c.country, func.count()).group_by(e.c.country).order_by(func.count().desc(), e.c.country)
            ).all()
        totals["events_by_type"] = {t: n for t, n in by_type}
        totals["events_by_country"] = {(cc or ""): n for cc, n in by_country}
        return totals

    def _stream(self):
        return self.engine.connect().execution_options(yield_per=STREAM_BATCH)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands datetimes back naive; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


class _Groups:
    """Rows ordered by doc_id, handed out one document's worth at a time."""

    def __init__(self, rows_: Iterator[Any]):
        self._groups = groupby(rows_, key=lambda r: r["doc_id"])
        self._head: tuple[str, Any] | None = next(self._groups, None)

    def take(self, doc_id: str) -> list[Any]:
        if self._head is None or self._head[0] != doc_id:
            return []
        found = list(self._head[1])
        self._head = next(self._groups, None)
        return found

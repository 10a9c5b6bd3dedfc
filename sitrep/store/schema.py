"""The current table layout, as SQLAlchemy Core tables (portable across SQLite and PostgreSQL).

Migrations (`sitrep.store.migrations`) create and change these tables; nothing else does.
Every child table is keyed by `doc_id`, so replacing or deleting a document is a handful of
`DELETE ... WHERE doc_id = ?` statements inside one transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
    PrimaryKeyConstraint, String, Table, Text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
Json = JSON().with_variant(JSONB(), "postgresql")


def _doc_fk() -> Column:
    return Column("doc_id", String, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False)


schema_migrations = Table(
    "schema_migrations", metadata,
    Column("name", String, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("doc_id", String, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of text
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("origin", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("revision", Integer, nullable=False, default=1),  # +1 each time new text replaces old
    Column("warnings", Json, nullable=False),
)

events = Table(
    "events", metadata,
    _doc_fk(),
    Column("event_id", String, nullable=False),
    Column("seq", Integer, nullable=False),  # order within the document
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer, nullable=False),
    Column("location_name", Text),
    Column("location_mention", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", Text),
    Column("country", String(2)),
    Column("geo_precision", Integer),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("fatalities", Integer),
    Column("certainty", String, nullable=False),
    Column("data", Json, nullable=False),  # the full contract Event
    Index("ix_events_doc", "doc_id", "seq"),
    Index("ix_events_date", "date_start"),
    Index("ix_events_type", "event_type", "sub_event_type"),
    Index("ix_events_place", "country", "admin1"),
    PrimaryKeyConstraint("doc_id", "event_id", name="pk_events"),
)

claims = Table(
    "claims", metadata,
    _doc_fk(),
    Column("claim_id", String, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("event_id", String),
    Column("attribute", String, nullable=False),
    Column("value", Text),  # every value as text, for search and display
    Column("value_int", Integer),  # set only when the contract value is an integer
    Column("subject", Text),
    Column("source", Text),
    Column("source_type", String),
    Column("via", Text),
    Column("certainty", String, nullable=False),
    Column("quote", Boolean, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_claims_doc", "doc_id", "seq"),
    Index("ix_claims_event", "doc_id", "event_id"),
    Index("ix_claims_attribute", "attribute"),
    Index("ix_claims_source", "source"),
    PrimaryKeyConstraint("doc_id", "claim_id", name="pk_claims"),
)

contradictions = Table(
    "contradictions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("seq", Integer, nullable=False),
    Column("claim_ids", Json, nullable=False),
    Column("attribute", String, nullable=False),
    Column("event_id", String),
    Column("note", Text, nullable=False),
    Index("ix_contradictions_doc", "doc_id", "seq"),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("event_id", String),  # null for a place mention not tied to an event
    Column("name", Text, nullable=False),
    Column("mention", Text, nullable=False),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", Text),
    Column("country", String(2)),
    Column("geo_precision", Integer),
    Index("ix_places_doc", "doc_id"),
    Index("ix_places_place", "country", "admin1"),
    Index("ix_places_geonameid", "geonameid"),
)

# Child tables, in the order rows are deleted when a document is replaced.
CHILD_TABLES = (places, contradictions, claims, events)

"""`sitrep ingest`, `export`, `summary` and `schema`: the store and its exports on the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep.cli import app, report_problem
from sitrep.errors import InputError, SitrepError
from sitrep.ingest import iter_documents
from sitrep.model import Document, output_json_schema
from sitrep.pipeline import Pipeline
from sitrep.store import DEFAULT_DB, Store, open_store
from sitrep.store.incidents import update_incidents

DB_HELP = "SQLite file path, or a postgresql://user:password@host/db URL."


def _db_option() -> str:
    return typer.Option(DEFAULT_DB, "--db", envvar="SITREP_DB", help=DB_HELP)


class ExportFormat(str, Enum):
    acled = "acled"
    geojson = "geojson"
    jsonl = "jsonl"


class ExportLevel(str, Enum):
    event = "event"
    incident = "incident"


@app.command(epilog="Example: sitrep ingest samples/ --db sitrep.db")
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl) or directories."),
    db: str = _db_option(),
) -> None:
    """Extract every input document and store it; documents already stored are skipped."""
    read = stored = unchanged = failed = 0
    current: dict[str, Document | InputError] = {}

    def new_documents(store: Store, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        # Stored texts skip extraction altogether, so a re-run costs a hash lookup per file.
        # The pipeline is lazy and one-to-one, so the last item passed on is the one a result is for.
        nonlocal read, unchanged
        for item in items:
            read += 1
            if isinstance(item, Document) and store.contains(item):
                unchanged += 1
                if bar:
                    bar.update(task, advance=1)
                continue
            current["item"] = item
            yield item

    with open_store(db) as store, _progress() as bar:
        task = bar.add_task("ingest", total=None) if bar else None
        for item in Pipeline().run(new_documents(store, iter_documents(paths))):
            source = current.get("item")
            if isinstance(item, SitrepError):
                failed += 1
                _report(bar, _naming_file(item, source))
            elif isinstance(source, Document):
                try:
                    if store.ingest(source, item):
                        stored += 1
                    else:
                        unchanged += 1
                except SitrepError as err:
                    failed += 1
                    _report(bar, err)
            if bar:
                bar.update(task, advance=1)
        for doc_id in store.replaced:
            typer.echo(f"note: {doc_id}: the text changed since it was stored; replaced the old version", err=True)
        grouped = update_incidents(store) if stored else None  # fuse the new events into incidents
    typer.echo(f"{read} documents read, {stored} stored, {unchanged} unchanged, {failed} failed"
               + (f"; {grouped['incidents']} incidents new or updated" if grouped else ""))
    if failed:
        raise typer.Exit(1)


def _report(bar: Progress | None, err: SitrepError) -> None:
    """report_problem, with the live progress line cleared first so the two do not interleave."""
    if bar is None:
        report_problem(err)
        return
    bar.stop()
    report_problem(err)
    bar.start()


def _naming_file(err: SitrepError, source: Document | InputError | None) -> SitrepError:
    """The error itself when it already names its file, else one that does."""
    origin = source.origin if isinstance(source, Document) else getattr(source, "origin", None)
    origin = origin or (source.id if isinstance(source, Document) else None)
    if not origin or origin in str(err):
        return err
    named = SitrepError(f"{origin}: {err}")
    named.__cause__ = err
    return named


def _progress():
    """A live count on stderr when it is a terminal; nothing when piped or in CI logs."""
    if not sys.stderr.isatty():
        return nullcontext(None)
    return Progress(
        SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )


@app.command(epilog="Example: sitrep export --format acled -o out/events.csv --db sitrep.db  ·  "
             "sitrep export --format acled --level incident -o out/incidents.csv")
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="acled (CSV), geojson or jsonl."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    level: ExportLevel = typer.Option(ExportLevel.event, "--level", help="One row per event, or per incident (events fused across documents)."),
    as_of: Optional[dt.datetime] = typer.Option(None, "--as-of", formats=["%Y-%m-%d"], help="Incidents as known from documents published by this date."),
    db: str = _db_option(),
) -> None:
    """Export the stored events (or incidents) as ACLED CSV or GeoJSON, or as JSON Lines."""
    from sitrep.export import write_export
    from sitrep.export.incidents import write_incident_export

    with open_store(db, create=False) as store, _target(output) as out:
        if level is ExportLevel.incident:
            stats = write_incident_export(store, format.value, out, as_of=as_of.date() if as_of else None)
        else:
            stats = write_export(store, format.value, out)
    what = "incidents" if level is ExportLevel.incident else ("documents" if format is ExportFormat.jsonl else "events")
    line = f"{stats.written} {what} written"
    if stats.skipped:
        line += f", {stats.skipped} {stats.skip_reason} left out"
    typer.echo(line + (f" to {output}" if output else ""), err=True)


@contextmanager
def _target(output: Optional[Path]):
    """stdout, or the file, written under a temporary name and moved into place when complete."""
    if output is None:
        yield sys.stdout
        return
    partial = output.with_name(output.name + ".partial")
    try:
        handle = open(partial, "w", encoding="utf-8", newline="")
    except OSError as err:
        raise SitrepError(f"cannot write {output}: {err.strerror}") from err
    try:
        with handle:
            yield handle
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


@app.command(epilog="Example: sitrep summary --db sitrep.db")
def summary(db: str = _db_option()) -> None:
    """Show what the store holds: documents, events by type and country, claims, contradictions."""
    from sitrep.export.countries import country

    with open_store(db, create=False) as store:
        counts = store.counts()
    console = Console()
    totals = Table(title=f"sitrep store {store.name}")
    totals.add_column("records")
    totals.add_column("count", justify="right")
    for key in ("documents", "events", "claims", "contradictions", "places"):
        totals.add_row(key, str(counts[key]))
    by_type = Table(title="events by type")
    by_type.add_column("event type")
    by_type.add_column("events", justify="right")
    for name, n in counts["events_by_type"].items():
        by_type.add_row(name, str(n))
    by_country = Table(title="events by country")
    by_country.add_column("country")
    by_country.add_column("events", justify="right")
    for code, n in counts["events_by_country"].items():
        entry = country(code)
        by_country.add_row(f"{entry.name} ({code})" if entry else (code or "(unknown)"), str(n))
    for table in (totals, by_type, by_country):
        console.print(table)


@app.command(epilog="Example: sitrep schema > output.schema.json")
def schema() -> None:
    """Print the JSON Schema of one `sitrep extract` output line."""
    typer.echo(json.dumps(output_json_schema(), indent=2, ensure_ascii=False))

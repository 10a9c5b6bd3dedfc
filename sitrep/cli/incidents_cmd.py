"""`sitrep incidents`: incidents across sources, filtered, as a table or JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.store import DEFAULT_DB, open_store

DB_HELP = "SQLite file path, or a postgresql://user:password@host/db URL."


class IncidentFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _day(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SitrepError(f"{option} {value!r}: give a date as YYYY-MM-DD, e.g. {option} 2024-04-07") from None


@app.command(epilog="Example: sitrep incidents --country UA --since 2024-04-01 --has-contradiction --db sitrep.db")
def incidents(
    since: Optional[str] = typer.Option(None, "--since", help="Incidents ending on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents starting on or before this date."),
    event_type: Optional[str] = typer.Option(None, "--type", help="ACLED event type or sub-event type."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code, e.g. UA."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="First-level division, e.g. 'Kharkiv Oblast'."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Part of an actor name of any member event."),
    has_contradiction: Optional[bool] = typer.Option(
        None, "--has-contradiction/--no-contradiction", help="Only incidents whose sources contradict each other (or not)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="What was known from documents published by this date."),
    format: IncidentFormat = typer.Option(IncidentFormat.table, "--format", "-f", help="table or jsonl."),
    update: bool = typer.Option(True, "--update/--no-update", help="Group newly ingested documents first."),
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="SITREP_DB", help=DB_HELP),
) -> None:
    """Incidents: events from different documents fused, with every claim and the contradictions."""
    from sitrep.store.incidents import incident_records, incidents_as_of, update_incidents

    filters = dict(since=_day(since, "--since"), until=_day(until, "--until"), event_type=event_type,
                   country=country, admin1=admin1, actor=actor, has_contradiction=has_contradiction)
    day = _day(as_of, "--as-of")
    with open_store(db, create=False) as store:
        if update:
            update_incidents(store)
        records = incidents_as_of(store, day, **filters) if day else incident_records(store, **filters)
        if format is IncidentFormat.jsonl:
            n = 0
            for record in records:
                typer.echo(json.dumps(record, ensure_ascii=False))
                n += 1
            typer.echo(f"{n} incidents" + (f" as of {day}" if day else ""), err=True)
            return
        _table(list(records), day)


def _table(records: list[dict], day: Optional[dt.date]) -> None:
    table = Table(title=f"{len(records)} incidents" + (f" as of {day}" if day else ""))
    for name, justify in (("id", "left"), ("date", "left"), ("type", "left"), ("place", "left"),
                          ("actors", "left"), ("fatalities", "right"), ("docs/indep.", "right"),
                          ("first reported", "left"), ("contradictions", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in records:
        loc = r.get("location") or {}
        place = ", ".join(p for p in (loc.get("name"), loc.get("admin1"), loc.get("country")) if p)
        date = r["date_start"] or ""
        if r["date_end"] and r["date_end"] != r["date_start"]:
            date += f"..{r['date_end']}"
        toll = "" if r["fatalities"] is None else str(r["fatalities"])
        if r.get("fatalities_range") and r["fatalities_range"][0] != r["fatalities_range"][1]:
            toll += f" ({r['fatalities_range'][0]}-{r['fatalities_range'][1]})"
        actors = " / ".join(a for a in (r["actor1"], r["actor2"]) if a)
        notes = "; ".join(c["note"] for c in r["contradictions"])
        table.add_row(r["id"], date, r["sub_event_type"], place, actors, toll,
                      f"{r['documents']}/{r['independent_sources']}", r["first_reported"] or "", notes)
    Console().print(table)

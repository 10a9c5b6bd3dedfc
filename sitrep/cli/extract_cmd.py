"""`sitrep extract`: contract JSON Lines for every input document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from sitrep.cli import app, report_problem
from sitrep.errors import SitrepError
from sitrep.ingest import iter_documents
from sitrep.pipeline import Options, Pipeline


@app.command(epilog="Example: sitrep extract samples/ -o out/extract.jsonl")
def extract(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl) or directories."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSON Lines here instead of stdout."),
    gazetteer: Optional[Path] = typer.Option(None, help="Gazetteer database to use instead of the built-in one."),
) -> None:
    """Extract events, claims and contradictions as JSON Lines, one line per document."""
    pipeline = Pipeline(Options(gazetteer=gazetteer))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for item in pipeline.run(iter_documents(paths)):
            if isinstance(item, SitrepError):
                failed += 1
                report_problem(item)
                continue
            out.write(item.model_dump_json() + "\n")
    finally:
        if output:
            out.close()
    if failed:
        typer.echo(f"{failed} document(s) failed", err=True)
        raise typer.Exit(1)

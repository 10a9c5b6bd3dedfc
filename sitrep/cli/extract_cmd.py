"""`sitrep extract`: contract JSON Lines for every input document."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from sitrep.cli import app, write_jsonl
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
    write_jsonl(pipeline.run(iter_documents(paths)), output)

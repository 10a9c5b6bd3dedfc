"""`sitrep eval`: score extraction against gold annotations (rules in shared/docs/scoring.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from sitrep.cli import app


@app.command(
    "eval",
    epilog="Examples: sitrep eval gold/dev   ·   sitrep eval acled-dev/ --predictions out.jsonl --json",
)
def eval_command(
    path: Path = typer.Argument(..., help="Directory of <doc>.json + <doc>.gold.json, or a .jsonl whose ids have <id>.gold.json beside it."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", "-p", help="Score this `sitrep extract` output instead of running extraction."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also print a table for each document."),
    as_json: bool = typer.Option(False, "--json", help="Print all metrics (with counts) as JSON on stdout."),
) -> None:
    """Run extraction on every input with gold and print precision, recall and accuracies."""
    from sitrep.evaluate import evaluate_dir
    from sitrep.evaluate.report import print_report, report_json

    err_console = Console(stderr=True)
    if predictions is None:  # extraction can take minutes: show progress on stderr
        with err_console.status("extracting…") as status:
            done = [0]

            def progress(doc_id: str) -> None:
                done[0] += 1
                status.update(f"extracting… {done[0]} documents ({doc_id})")

            report = evaluate_dir(path, progress=progress)
    else:
        report = evaluate_dir(path, predictions=predictions)
    if as_json:
        typer.echo(report_json(report))
    else:
        print_report(report, Console(), per_doc=per_doc)

"""`sitrep` command line: thin wrappers over the importable API.

Each command group lives in its own module and registers itself on `app`.
Errors derived from `SitrepError` reach the user as one line; `--verbose` shows the trace.
"""

from __future__ import annotations

import sys
import traceback

import typer

from sitrep.errors import SitrepError

app = typer.Typer(
    name="sitrep",
    help="Turn multilingual conflict reporting into a geocoded, source-attributed incident database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

state = {"verbose": False}


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Show full tracebacks on errors.")) -> None:
    state["verbose"] = verbose


def report_problem(err: BaseException) -> None:
    """Print one line naming the problem (and the trace with --verbose) to stderr."""
    typer.echo(f"error: {err}", err=True)
    if state["verbose"]:
        traceback.print_exception(err, file=sys.stderr)


def write_jsonl(items, output) -> None:
    """Write each result as one JSON line (stdout or a file); report each failure as one line
    and exit with status 1 if any document failed."""
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for item in items:
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


# Command modules register themselves on `app` when imported.
from sitrep.cli import extract_cmd, store_cmd, eval_cmd, places_cmd, serve_cmd, incidents_cmd  # noqa: E402,F401


def main() -> None:
    state["verbose"] = "--verbose" in sys.argv[1:] or "-v" in sys.argv[1:]
    try:
        app()
    except SitrepError as err:
        report_problem(err)
        raise SystemExit(err.exit_code)
    except KeyboardInterrupt:
        raise SystemExit(130)

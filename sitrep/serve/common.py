"""What the routers share: settings, the store, JSON responses, errors and paging."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import orjson
from fastapi import HTTPException, Request
from fastapi.responses import Response

from sitrep.model import Document, DocumentResult
from sitrep.store import Store

# web/node_modules of the checkout (npm ci in web/ puts the front-end packages there).
DEFAULT_WEB_MODULES = Path(__file__).resolve().parents[2] / "web" / "node_modules"
MAX_LIMIT = 1000
DEFAULT_LIMIT = 50


@dataclass
class Settings:
    write_token: Optional[str] = None
    tile_url: Optional[str] = None
    web_modules: Path = DEFAULT_WEB_MODULES
    extractor: Optional[Callable[[Document], DocumentResult]] = None  # default: the real Pipeline
    event_index: bool = True  # filter events in memory (sitrep.serve.index); False: all in SQL
    incident_index: bool = True  # the same for incidents; False: filter stored records in Python
    index_ttl: float = 1.0  # seconds between checks whether the store changed
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            write_token=os.environ.get("SITREP_WRITE_TOKEN") or None,
            tile_url=os.environ.get("SITREP_TILE_URL") or None,
            web_modules=Path(os.environ.get("SITREP_WEB_MODULES") or DEFAULT_WEB_MODULES),
        )


class JSON(Response):
    """orjson-encoded JSON: several times faster than the stdlib encoder on event lists."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class APIError(HTTPException):
    """An error with a machine-readable code; rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code
        self.details = details or []


def error_body(status: int, code: str, message: str, details: list | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def store_of(request: Request) -> Store:
    return request.app.state.store


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def page(total: int, limit: int, offset: int, items: list) -> dict[str, Any]:
    nxt = offset + limit
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": nxt if nxt < total else None, "items": items}


def not_found(what: str, ident: str) -> APIError:
    return APIError(404, "not_found", f"no {what} {ident!r}")

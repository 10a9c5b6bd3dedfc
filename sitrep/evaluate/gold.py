"""The gold annotation format (shared gold/README.md) as pydantic types, and loading it.

Reading is strict about the fields scoring needs and tolerant of extra ones (notes, `what`),
so an annotator's comments never break a run.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sitrep.errors import EvalError

GOLD_SUFFIX = ".gold.json"


class _Gold(BaseModel):
    model_config = ConfigDict(extra="ignore")


def _as_list(value):
    """Annotators sometimes write a single value where a list is expected."""
    if value is None or isinstance(value, list):
        return value
    return [value]


class GoldPlace(_Gold):
    admin1: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    km: Optional[float] = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None and self.km is not None


class GoldEvent(_Gold):
    id: str
    group: str
    must: bool
    event_type: str
    sub_event_type: list[str]
    date: Optional[tuple[dt.date, dt.date]] = None
    place: Optional[GoldPlace] = None
    actor1: Optional[list[str]] = None
    actor2: Optional[list[str]] = None
    certainty: Optional[list[str]] = None
    fatalities: Optional[list[int]] = None
    what: Optional[str] = None

    _lists = field_validator("sub_event_type", "actor1", "actor2", "certainty", "fatalities", mode="before")(_as_list)


class GoldClaim(_Gold):
    id: str
    group: Optional[str] = None
    must: bool
    attribute: list[str]
    # int before str: a count stays an int (pydantic's smart union keeps exact types).
    value: Union[int, str, None] = None
    subject: Optional[str] = None
    source: list[str] = Field(default_factory=list)
    via: Optional[list[str]] = None
    certainty: Optional[list[str]] = None

    _lists = field_validator("attribute", "source", "via", "certainty", mode="before")(_as_list)


class GoldContradiction(_Gold):
    claims: list[str]
    must: bool
    attribute: Optional[str] = None
    note: str = ""


class GoldDocument(_Gold):
    doc_id: str
    events: list[GoldEvent] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)
    contradictions: list[GoldContradiction] = Field(default_factory=list)


def load_gold(path: Path) -> GoldDocument:
    """Read one `<doc>.gold.json`; any problem becomes an EvalError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalError(f"{path}: cannot read gold file ({err})") from err
    if isinstance(data, dict) and "doc_id" not in data:
        data["doc_id"] = gold_stem(path)
    try:
        return GoldDocument.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EvalError(f"{path}: invalid gold at {where}: {first['msg']}") from err


def gold_stem(path: Path) -> str:
    return path.name[: -len(GOLD_SUFFIX)] if path.name.endswith(GOLD_SUFFIX) else path.stem


def is_gold_file(path: Path) -> bool:
    return path.name.endswith(GOLD_SUFFIX)

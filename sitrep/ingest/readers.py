"""Readers for the input formats of the contract (.txt, .html/.htm, .json, .jsonl, directories)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Sequence

from sitrep.errors import InputError
from sitrep.model import Document

SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")


def iter_documents(paths: Sequence[str | Path]) -> Iterator[Document | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _read_file(child)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Document | InputError]:
    if not path.exists():
        yield InputError(str(path), "no such file")
        return
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8")
    if suffix == ".txt":
        yield Document(id=path.stem, text=text, origin=str(path))
    elif suffix == ".json":
        obj = json.loads(text)
        yield Document(**{"id": path.stem, **obj, "origin": str(path)})
    elif suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                obj = json.loads(line)
                yield Document(**{"id": f"{path.stem}-{n}", **obj, "origin": f"{path}:{n}"})
    else:
        yield InputError(str(path), f"unsupported file type '{suffix}'")

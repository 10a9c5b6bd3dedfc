"""Find gold and inputs under a path, get predictions (run the pipeline or read a file), score.

PATH is either a directory of `<doc>.json` + `<doc>.gold.json` pairs, or a `.jsonl` file
(or a directory holding one) whose objects' ids have `<id>.gold.json` beside it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable, Iterator

from pydantic import ValidationError

from sitrep.errors import EvalError
from sitrep.evaluate.gold import GoldDocument, is_gold_file, load_gold
from sitrep.evaluate.scoring import Report, score
from sitrep.ingest import SUFFIXES, iter_documents
from sitrep.model import Document, DocumentResult

Progress = Callable[[str], None]  # called with each doc id as it is done


def input_files(path: Path) -> list[Path]:
    """Article files to extract from: everything ingest reads, minus the gold files."""
    if path.is_file():
        return [path]
    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not is_gold_file(p) and not _hidden(p, path)
    )


def _hidden(path: Path, root: Path) -> bool:
    """Ingest skips hidden files and folders; so do we."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.gold.json") if p.is_file() and not _hidden(p, path))
    # A single .jsonl: the gold files beside it named by the ids it holds.
    ids = _jsonl_ids(path)
    return [path.parent / f"{doc_id}.gold.json" for doc_id in ids if (path.parent / f"{doc_id}.gold.json").is_file()]


def load_golds(path: Path) -> list[GoldDocument]:
    if not path.exists():
        raise EvalError(f"{path}: no such file or directory")
    files = gold_files(path)
    if not files:
        raise EvalError(f"{path}: no <doc>.gold.json files to score against")
    golds = [load_gold(f) for f in files]
    seen: set[str] = set()
    for gold, file in zip(golds, files):
        if gold.doc_id in seen:
            raise EvalError(f"{file}: doc_id '{gold.doc_id}' appears in two gold files")
        seen.add(gold.doc_id)
    return golds


def evaluate_dir(
    path: str | Path,
    predictions: str | Path | None = None,
    pipeline=None,
    progress: Progress | None = None,
) -> Report:
    """Score `sitrep extract` output against the gold under `path`.

    Without `predictions`, runs the pipeline (a new `Pipeline()` unless one is given) on
    every input that has gold; a document whose extraction fails is recorded and scored as
    an empty prediction, and the run goes on.
    """
    path = Path(path)
    golds = load_golds(path)
    if predictions is not None:
        preds, failures = read_predictions(Path(predictions))
        return score(golds, preds, failures)
    wanted = {g.doc_id for g in golds}
    started = time.perf_counter()
    preds, failures = run_pipeline(input_files(path), wanted, pipeline, progress)
    report = score(golds, preds, failures)
    report.seconds = time.perf_counter() - started
    return report


def run_pipeline(
    files: list[Path], wanted: set[str], pipeline=None, progress: Progress | None = None
) -> tuple[dict[str, DocumentResult], dict[str, str]]:
    if pipeline is None:
        from sitrep.pipeline import Pipeline

        pipeline = Pipeline()
    preds: dict[str, DocumentResult] = {}
    failures: dict[str, str] = {}
    for doc in _documents(files, failures):
        if doc.id not in wanted:
            continue
        try:
            result = pipeline.extract(doc)
            # The gold is keyed by the document's id, whatever the extractor called it.
            preds[doc.id] = result if result.doc_id == doc.id else result.model_copy(update={"doc_id": doc.id})
        except Exception as err:  # noqa: BLE001 - any extractor bug must not stop the evaluation
            failures[doc.id] = _describe(err)
        if progress:
            progress(doc.id)
    return preds, failures


def _documents(files: list[Path], failures: dict[str, str]) -> Iterator[Document]:
    """Documents from each file; an unreadable file is recorded under its path."""
    for file in files:
        try:
            for item in iter_documents([file]):
                if isinstance(item, Document):
                    yield item
                else:
                    failures[str(getattr(item, "origin", file))] = str(item)
        except Exception as err:  # noqa: BLE001 - a malformed input file must not stop the run
            failures[str(file)] = _describe(err)


def read_predictions(path: Path) -> tuple[dict[str, DocumentResult], dict[str, str]]:
    """Read `sitrep extract` JSON Lines; a line that is not a valid result is a failure."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalError(f"{path}: cannot read predictions ({err})") from err
    preds: dict[str, DocumentResult] = {}
    failures: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            result = DocumentResult.model_validate_json(line)
        except ValidationError as err:
            key = _doc_id_of(line) or f"{path}:{n}"
            failures[key] = f"{path}:{n}: invalid prediction: {err.errors()[0]['msg']} at " + ".".join(
                str(p) for p in err.errors()[0]["loc"]
            )
            continue
        preds[result.doc_id] = result
    return preds, failures


def _doc_id_of(line: str) -> str | None:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("doc_id") if isinstance(obj, dict) and isinstance(obj.get("doc_id"), str) else None


def _jsonl_ids(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalError(f"{path}: cannot read ({err})") from err
    ids = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                ids.append(json.loads(line).get("id") or f"{path.stem}-{n}")
            except (ValueError, AttributeError):
                continue
    return ids


def _describe(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"

"""Readers for the input formats of the contract (.txt, .html/.htm, .json, .jsonl, directories).

`iter_documents` yields, lazily and in input order, a `Document` for each readable article and
an `InputError` (file, or "file:line" for .jsonl, plus a one-line cause) for each one that
cannot be read; it never raises for bad input, so a batch goes on past it.

Rules (see shared docs, "Input documents"):

- ``.txt``: the whole file is the text; id = file stem.
- ``.html``/``.htm``: main text via trafilatura (boilerplate removed); title, date, canonical
  URL and site name from the page's metadata where present; id = file stem.
- ``.json``: one article object; id from its ``id`` field, else the file stem.
- ``.jsonl``: one article object per line, read incrementally (never the whole file at once);
  id from ``id``, else "<stem>-<line>"; blank lines are skipped; a bad line is reported as
  "file:line" and the following lines are still read.
- a directory: every supported file inside it, recursively, sorted by relative path; hidden
  files and directories (name starting with ".") and unsupported files are skipped silently, and
  so are gold annotation files (``*.gold.json``) that sit beside the articles they annotate.
  A file named explicitly with an unsupported extension is an error.

Files are decoded from UTF-8 (a UTF-8/16/32 byte-order mark is honoured; HTML may also use the
charset its <meta> tag declares). Article text is changed only by
`sitrep.ingest.articles.normalize_text` (newlines and NFC), so offsets index the stored text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import logging
import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from sitrep.errors import InputError
from sitrep.ingest.articles import DEFAULT_LIMITS, Limits, check_text, document_from_object, make_document
from sitrep.ingest.decode import Unreadable, binary_cause, bom_encoding, decode_text, sniff_binary, utf8_error
from sitrep.model import Document

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
ANNOTATION_SUFFIX = ".gold.json"  # `sitrep eval` gold files, not articles
_EXPECTED = "expected " + ", ".join(SUFFIXES)

Item = Document | InputError


def iter_documents(paths: Sequence[str | Path], *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Documents (or InputErrors) from files and directories, in the order given."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as err:
            yield InputError(str(path), _os_cause(err))
            continue
        if is_dir:
            yield from _read_directory(path, limits)
        else:
            yield from _read_path(path, limits, explicit=True)


# --- directories -------------------------------------------------------------------------


def _read_directory(root: Path, limits: Limits) -> Iterator[Item]:
    files: list[Path] = []
    problems: list[InputError] = []

    def onerror(err: OSError) -> None:
        problems.append(InputError(err.filename or str(root), _os_cause(err)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES and not name.endswith(ANNOTATION_SUFFIX):
                files.append(Path(dirpath) / name)
    yield from problems  # directories that could not be listed (e.g. permission denied)
    files.sort(key=lambda p: p.relative_to(root).parts)
    for path in files:
        yield from _read_path(path, limits, explicit=False)
    if not files and not problems:
        yield InputError(str(root), f"no readable articles in directory (no {', '.join(SUFFIXES)} files)")


# --- one file ----------------------------------------------------------------------------


def _read_path(path: Path, limits: Limits, *, explicit: bool) -> Iterator[Item]:
    origin = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        cause = "no such file" if not path.is_symlink() else "no such file (broken symbolic link)"
        yield InputError(origin, cause)
        return
    except OSError as err:
        yield InputError(origin, _os_cause(err))
        return
    if not stat.S_ISREG(st.st_mode):
        if explicit:
            yield InputError(origin, "not a regular file")
        return
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        if path.suffix:
            cause = f"unsupported file type '{path.suffix}' ({_EXPECTED})"
        else:
            cause = f"unsupported file type (no extension; {_EXPECTED})"
        yield InputError(origin, cause)
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, limits)
        return
    if st.st_size > limits.max_file_bytes:
        yield InputError(origin, f"file too large ({st.st_size:,} bytes; the limit is {limits.max_file_bytes:,})")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(origin, _os_cause(err))
        return
    try:
        if suffix == ".txt":
            yield _from_txt(data, path, limits)
        elif suffix == ".json":
            yield _from_json(data, path, limits)
        else:
            yield _from_html(data, path, limits)
    except InputError as err:
        yield err
    except Unreadable as err:
        yield InputError(origin, str(err))


def _from_txt(data: bytes, path: Path, limits: Limits) -> Document:
    if not data.strip():
        raise InputError(str(path), "empty document (no text, or only whitespace)")
    text = check_text(decode_text(data), str(path), limits)
    return make_document(id=path.stem, text=text, origin=str(path))


def _from_json(data: bytes, path: Path, limits: Limits) -> Document:
    origin = str(path)
    text = decode_text(data)
    if not text.strip():
        raise InputError(origin, "empty document (no text, or only whitespace)")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(origin, f"malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise InputError(origin, "malformed JSON: nested too deeply") from None
    return document_from_object(obj, path.stem, origin, limits)


def _from_html(data: bytes, path: Path, limits: Limits) -> Document:
    origin = str(path)
    if not data.strip():
        raise InputError(origin, "empty document (no text, or only whitespace)")
    html = decode_text(data, html=True)
    result = _extract_html(html)
    text = (getattr(result, "text", None) or "") if result is not None else ""
    if not text.strip():
        raise InputError(origin, "no article text found in HTML")
    text = check_text(text, origin, limits)
    fields = {}
    for name, attr in (("title", "title"), ("url", "url"), ("source", "sitename")):
        value = getattr(result, attr, None)
        if isinstance(value, str) and value.strip():
            fields[name] = value.strip()
    published = getattr(result, "date", None)
    if isinstance(published, str) and published:
        try:
            fields["published"] = dt.date.fromisoformat(published[:10])
        except ValueError:
            pass  # a page's own metadata date we cannot read is not worth failing the page for
    return make_document(id=path.stem, text=text, origin=origin, **fields)


def _extract_html(html: str):
    """trafilatura's main text and metadata; None when it finds nothing."""
    import trafilatura

    with _quiet("trafilatura", "htmldate", "courlan", "justext"):
        try:
            return trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=True,
                deduplicate=False,
            )
        except Exception:  # noqa: BLE001 — malformed markup can break the parser in many ways
            return None


@contextmanager
def _quiet(*names: str):
    """Silence library loggers for a call: the reader reports its own one-line error."""
    loggers = [logging.getLogger(n) for n in names]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, saved):
            lg.setLevel(level)


# --- .jsonl, streamed --------------------------------------------------------------------


def _read_jsonl(path: Path, limits: Limits) -> Iterator[Item]:
    origin = str(path)
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield InputError(origin, _os_cause(err))
        return
    with handle:
        try:
            head = handle.read(8192)
            handle.seek(0)
        except OSError as err:
            yield InputError(origin, _os_cause(err))
            return
        kind = sniff_binary(head)
        if kind:
            yield InputError(origin, binary_cause(kind))
            return
        bom = bom_encoding(head[:4])
        if bom:
            handle.read(bom[1])
        if bom and bom[0] != "utf-8":
            lines = _text_lines(handle, bom[0], limits)
        else:
            lines = _utf8_lines(handle, limits)
        articles = 0
        for number, line, problem in lines:
            where = f"{origin}:{number}"
            if problem:
                yield InputError(where, problem)
                continue
            if not line.strip():
                continue
            articles += 1
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(where, f"malformed JSON at column {err.colno}: {err.msg}")
                continue
            except RecursionError:
                yield InputError(where, "malformed JSON: nested too deeply")
                continue
            try:
                yield document_from_object(obj, f"{path.stem}-{number}", where, limits)
            except InputError as err:
                yield err
        if not articles:
            yield InputError(origin, "empty document (no articles in the file)")


def _utf8_lines(handle: BinaryIO, limits: Limits) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, problem) for each line, reading at most one bounded line at a time."""
    number = 0
    offset = handle.tell()
    while True:
        try:
            raw = handle.readline(limits.max_line_bytes + 1)
        except OSError as err:
            yield number + 1, "", _os_cause(err)
            return
        if not raw:
            return
        number += 1
        start = offset
        offset += len(raw)
        if len(raw) > limits.max_line_bytes and not raw.endswith(b"\n"):
            offset += _skip_rest_of_line(handle)
            yield number, "", f"line too long (over {limits.max_line_bytes:,} bytes)"
            continue
        if b"\x00" in raw:
            yield number, "", binary_cause("contains NUL bytes")
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield number, "", utf8_error(raw, err, base_offset=start)
            continue
        yield number, text.rstrip("\r\n"), None


def _skip_rest_of_line(handle: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = handle.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _text_lines(handle: BinaryIO, codec: str, limits: Limits) -> Iterator[tuple[int, str, str | None]]:
    """Lines of a UTF-16/32 .jsonl (after its BOM), decoded incrementally."""
    decoder = codecs.getincrementaldecoder(codec)()
    pending = ""
    number = 0
    while True:
        try:
            chunk = handle.read(1 << 16)
            pending += decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            yield number + 1, "", f"not valid {codec.upper()} text"
            return
        while True:
            cut = pending.find("\n")
            if cut < 0:
                break
            number += 1
            line, pending = pending[:cut], pending[cut + 1:]
            if len(line) > limits.max_line_bytes:
                yield number, "", f"line too long (over {limits.max_line_bytes:,} bytes)"
            else:
                yield number, line.rstrip("\r"), None
        if len(pending) > limits.max_line_bytes:
            number += 1
            yield number, "", f"line too long (over {limits.max_line_bytes:,} bytes)"
            return
        if not chunk:
            if pending:
                yield number + 1, pending, None
            return


# --- helpers -----------------------------------------------------------------------------


def _os_cause(err: OSError) -> str:
    if isinstance(err, PermissionError) or err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if isinstance(err, FileNotFoundError):
        return "no such file"
    return f"cannot read: {err.strerror or err}"

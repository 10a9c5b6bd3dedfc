"""Article objects → `Document`: field checks, date and language normalisation, text limits.

`normalize_text` is the one place where article text is changed before it is stored. Every
evidence offset downstream indexes into the stored `Document.text`, so the stored text is what
offsets mean; nothing after ingest may alter it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from sitrep.errors import InputError
from sitrep.model import Document


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one bad input from exhausting memory.

    ``max_article_chars``: an article's text (after extraction for HTML).
    ``max_file_bytes``: a .txt/.json/.html file, which is read whole.
    ``max_line_bytes``: one line of a .jsonl file (the file itself is streamed line by line,
    so a .jsonl file has no total size limit).
    """

    max_article_chars: int = 2_000_000
    max_file_bytes: int = 64_000_000
    max_line_bytes: int = 32_000_000


DEFAULT_LIMITS = Limits()

# ISO 639-2 codes of the languages we have packs for, mapped to ISO 639-1.
_THREE_LETTER = {
    "eng": "en", "ron": "ro", "rum": "ro", "rus": "ru", "ukr": "uk", "fra": "fr", "fre": "fr",
    "spa": "es", "deu": "de", "ger": "de", "ita": "it", "pol": "pl",
}
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_STRING_FIELDS = ("title", "url", "source")


def normalize_text(text: str) -> str:
    """The text as stored: newlines normalised (\\r\\n and lone \\r → \\n) and Unicode NFC.

    This is the only change ingest makes to article text (for .txt, .json/.jsonl and the text
    extracted from HTML alike). Offsets in the output index into the returned string.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def normalize_language(value: Any) -> str | None:
    """"RO", "ro-RO", "ro_RO", "ron" → "ro"; None/"" → None; anything else not a tag → ValueError."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'language' must be a string such as \"ro\", not {_json_type(value)}")
    tag = value.strip()
    if not tag:
        return None
    match = _LANGUAGE_TAG.match(tag)
    if not match:
        raise ValueError(f"'language' {value!r} is not a language code (expected e.g. \"ro\" or \"ro-RO\")")
    code = match.group(1).lower()
    return _THREE_LETTER.get(code, code)


def parse_published(value: Any) -> dt.date | None:
    """YYYY-MM-DD or a full ISO 8601 datetime (the date as written is kept; no time-zone shift).

    An unparseable date is an error rather than silently dropped: `published` anchors relative
    dates ("yesterday"), so a document quietly losing it would get wrong dates, and `Document`
    has no place for a warning. The message says which value and what is expected.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be a string \"YYYY-MM-DD\", not {_json_type(value)}")
    raw = value.strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    raise ValueError(
        f"unparseable 'published' date {value!r} (expected YYYY-MM-DD or an ISO 8601 datetime "
        "such as 2023-05-23T10:00:00Z)"
    )


def check_text(text: str, origin: str, limits: Limits) -> str:
    """Normalise article text and enforce the emptiness and size rules; raises InputError."""
    if len(text) > limits.max_article_chars:
        raise InputError(origin, _too_long(len(text), limits))
    text = normalize_text(text)
    if not text.strip():
        raise InputError(origin, "empty document (no text, or only whitespace)")
    return text


def document_from_object(obj: Any, default_id: str, origin: str, limits: Limits) -> Document:
    """One article object (already parsed JSON) → Document; raises InputError with the cause.

    Only ``text`` is required; unknown fields are ignored.
    """
    if not isinstance(obj, dict):
        hint = "; put one article per line in a .jsonl file" if isinstance(obj, list) else ""
        raise InputError(origin, f"expected a JSON object (one article), got {_json_type(obj)}{hint}")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"{_json_type(text)}, not a string"
        raise InputError(origin, f"no text: the article's \"text\" field is {what}")
    text = check_text(text, origin, limits)

    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        doc_id = default_id
    elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise InputError(origin, f"'id' must be a string, not {_json_type(doc_id)}")
    doc_id = str(doc_id).strip() or default_id

    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(origin, f"'{name}' must be a string, not {_json_type(value)}")
        value = normalize_text(value).strip()
        if value:
            fields[name] = value
    try:
        fields["published"] = parse_published(obj.get("published"))
        fields["language"] = normalize_language(obj.get("language"))
    except ValueError as err:
        raise InputError(origin, str(err)) from None
    return make_document(id=doc_id, text=text, origin=origin, **fields)


def make_document(origin: str, **fields: Any) -> Document:
    try:
        return Document(origin=origin, **fields)
    except ValidationError as err:  # should not happen after the checks above; still one line
        first = err.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InputError(origin, f"invalid article field '{where}': {first.get('msg')}") from None


def _too_long(n: int, limits: Limits) -> str:
    return f"article too long ({n:,} characters; the limit is {limits.max_article_chars:,})"


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, dict):
        return "a JSON object"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else type(value).__name__

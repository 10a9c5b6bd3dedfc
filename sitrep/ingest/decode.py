"""Bytes → text for input files: BOMs, UTF-8, declared HTML charsets, and binary sniffing.

Every function here raises `Unreadable(cause)` with a one-line cause; the reader adds the
file name and turns it into an `InputError`.
"""

from __future__ import annotations

import codecs
import re


class Unreadable(Exception):
    """The bytes are not text we can read; ``str(err)`` is the one-line cause."""


# (magic prefix, what it looks like). Checked before decoding, so a PDF renamed to .txt is
# reported as a PDF rather than as "invalid byte 0xE2".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"OggS", "Ogg media"),
)
_RIFF = (b"WEBP", "WebP image"), (b"WAVE", "WAV audio"), (b"AVI ", "AVI video")

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) if ``head`` starts with a Unicode byte-order mark."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return None


def sniff_binary(head: bytes) -> str | None:
    """What a non-text file looks like ("PDF", …), or None if it may be text.

    ``head`` is the first few KB. Files starting with a BOM are text (UTF-16/32 have NULs).
    """
    if bom_encoding(head):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and len(head) >= 12:
        for tag, kind in _RIFF:
            if head[8:12] == tag:
                return kind
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def binary_cause(kind: str) -> str:
    if kind == "contains NUL bytes":
        return "binary file (contains NUL bytes); expected UTF-8 text"
    return f"binary file (looks like {kind}); expected UTF-8 text"


def utf8_error(data: bytes, err: UnicodeDecodeError, base_offset: int = 0) -> str:
    bad = data[err.start] if err.start < len(data) else 0
    return (
        f"not UTF-8 text: invalid byte 0x{bad:02X} at offset {base_offset + err.start}; "
        "re-save the file as UTF-8"
    )


def decode_text(data: bytes, *, html: bool = False) -> str:
    """Decode a whole file: a BOM's encoding, else UTF-8, else (HTML only) its declared charset.

    Raises `Unreadable` for binary data or bytes that are none of these.
    """
    kind = sniff_binary(data[:8192])
    if not kind and b"\x00" in data and not bom_encoding(data[:4]):
        kind = "contains NUL bytes"
    if kind:
        raise Unreadable(binary_cause(kind))
    bom = bom_encoding(data[:4])
    if bom:
        codec, skip = bom
        try:
            return data[skip:].decode(codec)
        except UnicodeDecodeError as err:
            raise Unreadable(
                f"not valid {codec.upper()} text (it starts with a {codec.upper()} byte-order mark): "
                f"bad data at offset {skip + err.start}"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if html:
            declared = declared_charset(data)
            if declared:
                try:
                    return data.decode(declared)
                except (LookupError, UnicodeDecodeError):
                    pass
        raise Unreadable(utf8_error(data, err)) from None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag (first 4 KB), if Python knows it."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None

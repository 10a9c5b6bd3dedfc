"""Shared helpers for the language-pack tests in this folder (not a test module itself).

The per-language files (test_packs_<code>.py) hold their own case tables and import these
helpers with `from packcheck import ...` (pytest puts this folder on sys.path). The checks that
every pack must pass, whatever its language, live once in test_pack_structure.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import date_finder
from sitrep.extract.numbers import number_reader
from sitrep.lang import load_pack
from sitrep.lang.lexicon import lexicon_from
from sitrep.lang.text import fold

# The data files every pack has, the same as en's (pack.yaml first).
FILES = ["pack", "events", "claims", "attribution", "certainty", "sources", "numbers", "dates", "context"]
# "Today" for relative and year-less dates in the date cases.
ANCHOR = dt.date(2023, 5, 23)


def pack_fixture(code: str):
    """The module's `pack` fixture: `pack = pack_fixture(CODE)` in a test file."""

    @pytest.fixture(scope="module")
    def pack():
        return load_pack(code)

    return pack


# --- what a pack finds in a text ---------------------------------------------------------------


def labels(pack, file: str, text: str, key: str | None = None) -> set[str]:
    """Labels of the non-overlapping matches (longest first), as the extractors read them."""
    return {m.label for m in pack.lexicon(file, key).find(fold(text))}


def any_labels(pack, file: str, text: str) -> set[str]:
    """Labels of every match, overlapping ones included."""
    return {m.label for m in pack.lexicon(file).find_all(fold(text))}


def source_labels(pack, text: str) -> set[str]:
    """Source nouns (sources.yaml `nouns`, by their `forms`) found in a text."""
    nouns = pack.section("sources", "nouns", {})
    lexicon = lexicon_from({name: spec.get("forms", []) for name, spec in nouns.items()})
    return {m.label for m in lexicon.find(fold(text))}


def phrases(value):
    """Every list item under a (nested) mapping of a pack file."""
    if isinstance(value, dict):
        for v in value.values():
            yield from phrases(v)
    elif isinstance(value, list):
        yield from value


def strings_only(value, where: str) -> None:
    """Assert that every key and every list item under `value` is a string."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, str), f"{where}: non-string key {k!r}"
            strings_only(v, f"{where}.{k}")
    elif isinstance(value, list):
        for item in value:
            assert isinstance(item, str), f"{where}: {item!r} is not a string (quote it in YAML)"


# --- runners for the case tables -----------------------------------------------------------------


def assert_cue(pack, file: str, key: str, text: str) -> None:
    """The phrase list `file`.`key` matches somewhere in the text."""
    assert pack.lexicon(file, key).find(fold(text)), f"{key} not found in {text!r}"


def assert_no_event(pack, text: str, label: str | None) -> None:
    """Not even an overlapping match of `label`; with label None, no event label at all."""
    found = any_labels(pack, "events", text)
    if label is None:
        assert not found, found
    else:
        assert label not in found


def numbers_in(pack, text: str) -> list:
    """What the number reader finds in a text (exact numbers, bounds, vague amounts)."""
    return number_reader(pack).find(text, fold(text))


def dates_in(pack, text: str) -> list:
    """What the date finder finds in a text, relative to ANCHOR."""
    return date_finder(pack).find(text, fold(text), ANCHOR)


def first_date(pack, text: str) -> tuple[str, str, int]:
    """(first day, last day, precision) of the first date found in a text."""
    first = dates_in(pack, text)[0]
    return first.first.isoformat(), first.last.isoformat(), first.precision


def assert_first_number(pack, text: str, value: int) -> None:
    """The number reader's first exact number in the text is `value`."""
    found = [n for n in numbers_in(pack, text) if n.value is not None]
    assert found and found[0].value == value, found


def assert_number_word(pack, word: str, value: int) -> None:
    """`word` is a number word (or an indefinite article, which reads as 1) worth `value`."""
    words = {fold(k): v for k, v in pack.section("numbers", "words").items()}
    # The indefinite article doubles as "one": it sits under `articles` and reads as 1.
    words.update({fold(a): 1 for a in pack.section("numbers", "articles", [])})
    assert words[fold(word)] == value, f"{word!r} reads as {words[fold(word)]}"

"""What every language pack must be, whatever its language: run once per pack in sitrep/lang/packs.

A new pack folder is checked here without a line of test code; its own case tables go in
test_packs_<code>.py (see packcheck.py for the helpers).
"""

from __future__ import annotations

import pytest

from packcheck import FILES, phrases, strings_only
from sitrep.lang import available_languages, load_pack
from sitrep.lang.text import fold

ALL = available_languages()
NOT_EN = [code for code in ALL if code != "en"]
# en/certainty.yaml lists a bare `false` under `denied`: the loader reads it as a boolean, so
# "false" is no denial cue in English. Quote it there, then drop this mark.


@pytest.fixture(scope="module")
def en():
    return load_pack("en")


@pytest.mark.parametrize("code", NOT_EN)
def test_same_files_and_keys_as_english(code, en):
    pack = load_pack(code)
    for file in FILES:
        assert file in pack.data, f"missing {file}.yaml"
        if file != "pack":
            missing = set(en.data[file]) - set(pack.data[file])
            assert not missing, f"{file}.yaml lacks {missing}"
    assert set(pack.data["events"]) == set(en.data["events"])  # all 25 sub-event types + _attack
    assert set(pack.data["sources"]["nouns"]) == set(en.data["sources"]["nouns"])
    assert set(pack.data["sources"]["person_roles"]) == set(en.data["sources"]["person_roles"])


@pytest.mark.parametrize("code", ALL)
def test_pack_meta_and_shapes(code):
    pack = load_pack(code)
    assert pack.meta["code"] == code and pack.meta["dateparser"] == code
    assert all(pack.data["events"][k] for k in pack.data["events"])
    assert isinstance(pack.section("numbers", "connectors"), list)


@pytest.mark.parametrize("code", ALL)
def test_every_phrase_is_a_non_empty_string(code):
    # YAML 1.1 reads bare no/on/off/yes as booleans: they would be dropped silently.
    pack = load_pack(code)
    for file in FILES[1:]:
        data = dict(pack.data[file])
        words = data.pop("words", {}) if file == "numbers" else {}
        multipliers = data.pop("multipliers", {}) if file == "numbers" else {}
        for phrase in phrases(data):
            assert isinstance(phrase, str) and phrase.strip(), f"{file}: {phrase!r}"
        for k, v in {**words, **multipliers}.items():
            assert isinstance(k, str) and isinstance(v, int), f"{file}: {k!r}: {v!r}"


@pytest.mark.parametrize("code", ALL)
def test_every_key_and_phrase_is_a_string(code):
    # YAML turns bare no/on/off/false/null into booleans or None; they would be dropped silently.
    pack = load_pack(code)
    for file in FILES:
        if file == "numbers":
            strings_only({k: v for k, v in pack.data[file].items() if k not in ("words", "multipliers")}, file)
            assert all(isinstance(v, int) for v in pack.data[file]["words"].values())
        elif file == "sources":
            for name, entry in pack.data[file]["nouns"].items():
                strings_only(entry["forms"], f"sources.{name}")
            strings_only(pack.data[file]["person_roles"], "sources.person_roles")
        else:
            strings_only({k: v for k, v in pack.data[file].items() if not isinstance(v, bool)}, file)


@pytest.mark.parametrize("code", ALL)
def test_stems_are_not_too_short(code):
    # A stem of one or two letters would match half the language.
    pack = load_pack(code)
    for file in FILES[1:]:
        for phrase in phrases(pack.data[file]):
            if not isinstance(phrase, str):
                continue
            for word in phrase.split():
                if word.endswith("*"):
                    assert len(fold(word[:-1])) >= 3, f"{file}: stem {word!r} in {phrase!r} is too short"


@pytest.mark.parametrize("code", ALL)
def test_every_file_says_where_its_words_came_from(code):
    pack = load_pack(code)
    for file in FILES:
        head = (pack.directory / f"{file}.yaml").read_text(encoding="utf-8").lstrip()
        assert head.startswith("#"), f"{file}.yaml has no provenance comment"

"""Folding, lexicon patterns, segmentation and the pack loader (language-independent parts)."""

import pytest

from sitrep.errors import LanguageError
from sitrep.lang import available_languages, load_pack
from sitrep.lang.lexicon import Lexicon
from sitrep.lang.segment import split_sentences
from sitrep.lang.text import fold


@pytest.mark.parametrize("raw", ["Forțele ruse", "Белгородской", "Przewodów", "İstanbul ß", "“quoted” — dash"])
def test_fold_keeps_length(raw):
    assert len(fold(raw)) == len(raw)


def test_fold_strips_case_and_diacritics():
    assert fold("Forțele Șor ÎNCĂ") == "fortele sor inca"
    assert fold("Білгородській") == "білгородськіи"  # й folds to и like any diacritic


@pytest.mark.parametrize(
    "pattern, text, hit",
    [
        ("ucis*", "au fost uciși", True),
        ("ucis*", "ucigaș", False),
        ("schimb de focuri", "într-un schimb de  focuri", True),
        ("s-au ... ciocnit", "s-au mai ciocnit", True),
        ("s-au ... ciocnit", "s-au ciocnit", True),
        ("air strike*", "Air-strikes hit", True),
        ("# killed", "12 killed", True),
        ("mine", "examine", False),
    ],
)
def test_lexicon_patterns(pattern, text, hit):
    lexicon = Lexicon({"x": [pattern]})
    assert bool(lexicon.find(fold(text))) is hit


def test_lexicon_prefers_longest_match():
    lexicon = Lexicon({"short": ["drone*"], "long": ["drone strike*"]})
    matches = lexicon.find(fold("a drone strike on the port"))
    assert [m.label for m in matches] == ["long"]


def test_segmentation_offsets_and_abbreviations():
    pack = load_pack("en")
    text = "Gen. Smith said 3 died. Another was hurt!\n\nA new paragraph? Yes."
    sentences = split_sentences(text, pack)
    assert [s.text for s in sentences] == ["Gen. Smith said 3 died.", "Another was hurt!", "A new paragraph?", "Yes."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(LanguageError, match="no language pack for 'xx'"):
        load_pack("xx")


def test_yaml_words_are_not_booleans():
    # "no" must stay a word: YAML 1.1 would read it as False.
    assert "no" in load_pack("en").section("claims", "zero")


REQUIRED_FILES = ("pack", "events", "claims", "attribution", "certainty", "sources", "numbers", "dates", "context")


@pytest.mark.parametrize("code", available_languages())
def test_every_pack_has_the_shared_files(code):
    pack = load_pack(code)
    missing = [f for f in REQUIRED_FILES if f not in pack.data]
    assert not missing, f"pack {code} lacks {missing}"
    assert pack.lexicon("events"), f"pack {code} has no event triggers"


@pytest.mark.parametrize(
    "code, name, latin_name",
    [
        ("ru", "Сергей Собянин", "Sergey Sobyanin"),
        ("ru", "Владимир Зеленский", "Vladimir Zelensky"),
        ("uk", "Вадим Філашкін", "Vadym Filashkin"),
        ("uk", "Рамзан Кадиров", "Ramzan Kadyrov"),
        # a Russian name in Ukrainian spelling reads as in English ("є" after a consonant)
        ("uk", "Дмитро Пєсков", "Dmytro Peskov"),
        ("uk", "Євген Пригожин", "Yevhen Pryhozhyn"),
        ("uk", "Київ", "Kyiv"),
        ("uk", "Володимир Зеленський", "Volodymyr Zelensky"),
        ("en", "Ilya Ponomarev", "Ilya Ponomarev"),
    ],
)
def test_names_are_romanized_by_the_pack(code, name, latin_name):
    from sitrep.lang.text import latin

    assert latin(name, load_pack(code).meta.get("romanization")) == latin_name

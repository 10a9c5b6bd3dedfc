"""Morphology where a pack asks for it (pymorphy3 for Russian and Ukrainian): person names back
to the nominative case, and whether a capitalised word is an ordinary word of the language.

Russian and Ukrainian decline names ("по данным Павла Кириленко"), so the same person would
appear under several spellings. Packs name their analyser in pack.yaml (`morphology:
pymorphy3`); other languages keep names as written.
"""

from __future__ import annotations

from functools import lru_cache

_NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=None)
def _analyzer(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=20000)
def _nominative(word: str, language: str, case: str | None) -> tuple[str, str | None]:
    parses = _analyzer(language).parse(word)
    named = [p for p in parses if set(str(p.tag).replace(" ", ",").split(",")) & set(_NAME_TAGS) or p.tag.POS == "ADJF"]
    if case:
        named = [p for p in named if p.tag.case == case] or named
    if not named or named[0].tag.case in (None, "nomn"):
        return word, case
    best = named[0]
    inflected = best.inflect({"nomn"})
    if inflected is None:
        return word, case
    form = inflected.word
    return (form[:1].upper() + form[1:] if word[:1].isupper() else form), best.tag.case


def nominative_name(name: str, morphology: str | None, language: str) -> str:
    """"Павла Кириленко" → "Павел Кириленко" with pymorphy3; other names unchanged."""
    if morphology != "pymorphy3" or language not in ("ru", "uk"):
        return name
    words = name.split()
    case = None
    out = []
    for word in words:
        form, case = _nominative(word, language, case)
        out.append(form)
    return " ".join(out)


_FUNCTION_POS = {"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "ADVB", "PRED", "COMP", "NUMR", "VERB", "INFN",
                 "PRTF", "PRTS", "GRND", "ADJS"}
_PROPER_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr")


@lru_cache(maxsize=20_000)
def common_word(word: str, language: str) -> bool:
    """Whether a capitalised word is (also) a common word of the language ("Того" = "of that",
    "Наш" = "our", "Бійці" = "fighters"): Russian and Ukrainian by pymorphy3's dictionaries."""
    if language not in ("ru", "uk"):
        return False
    low = word.lower()
    for lang in dict.fromkeys((language, "ru")):  # the Ukrainian dictionary lacks some pronoun forms
        try:
            morph = _analyzer(lang)
        except Exception:  # pragma: no cover - dictionaries not installed
            continue
        if not morph.word_is_known(low):
            continue
        parses = morph.parse(low)
        if lang == "ru" and language == "ru":
            top = parses[0].tag
            if not set(_PROPER_TAGS) & top.grammemes and top.POS is not None:
                return True
            continue
        for p in parses:
            tag = p.tag
            gram = tag.grammemes
            if set(_PROPER_TAGS) & gram:
                break
            if tag.POS in _FUNCTION_POS or tag.POS == "ADJF" and "Apro" in gram or tag.POS == "NOUN" and "anim" in gram and lang == language:
                return True
    return False


@lru_cache(maxsize=20_000)
def plain_word(word: str, language: str) -> bool:
    """Whether a capitalised Russian/Ukrainian word is a dictionary word that is no proper name
    ("Обстріл", "Взрыв"): sentence-initial, it does not start a multiword name."""
    if language not in ("ru", "uk"):
        return False
    try:
        morph = _analyzer(language)
    except Exception:  # pragma: no cover - dictionaries not installed
        return False
    low = word.lower()
    if not morph.word_is_known(low):
        return False
    parses = morph.parse(low)
    return bool(parses) and not set(_PROPER_TAGS) & parses[0].tag.grammemes

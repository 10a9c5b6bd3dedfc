"""Morphology where a pack asks for it: person names back to the nominative case.

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


_NOT_NAMES = {"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "INTJ", "PRED", "ADJS", "VERB", "INFN", "GRND", "PRTF", "PRTS", "COMP", "NUMR"}


@lru_cache(maxsize=20000)
def common_word(word: str, morphology: str | None, language: str) -> bool:
    """A word no name is made of ("Невдовзі": soon), by the pack's analyser; False without one."""
    if morphology != "pymorphy3" or language not in ("ru", "uk"):
        return False
    parses = _analyzer(language).parse(word)
    # Tag sets differ between the Russian and Ukrainian dictionaries: compare grammeme names.
    if any(set(str(p.tag).replace(" ", ",").split(",")) & {"Name", "Surn", "Patr", "Geox", "Orgn"} for p in parses):
        return False
    return bool(parses) and parses[0].tag.POS in _NOT_NAMES

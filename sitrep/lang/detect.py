"""Language identification for articles that do not say their language.

`detect_language(text)` returns the ISO 639-1 code of one of the languages we have packs for
(``SUPPORTED``) or ``None`` when it is not confident or the text is in another language.

How it decides, in order (all offline; the py3langid model ships inside its wheel):

1. Script. Only letters count. Too few letters, or mostly letters of other scripts (Chinese,
   Arabic, Greek, Hebrew, …) → ``None``. Otherwise the text is Latin or Cyrillic, and only
   the supported languages of that script are candidates.
2. py3langid over *all* its languages, with calibrated probabilities. If its best guess is a
   candidate, that is the answer. If its best guess is a language we do not support and it
   is confident (``FOREIGN_CONFIDENCE``), the text is in that language → ``None`` (Portuguese
   must not come out as Spanish). Otherwise the identifier is restricted to the candidates
   (their probabilities renormalised among themselves) and the best one wins if it reaches
   ``MIN_CONFIDENCE``.
3. Cyrillic letters that only one language uses decide Russian vs Ukrainian (і ї є ґ are
   Ukrainian, ы э ъ ё Russian); ў (Belarusian) or ј љ њ ћ ђ џ ѓ ќ ѕ (Serbian, Macedonian)
   mean another language.

Only the first ``SAMPLE_CHARS`` characters are looked at, so a call takes a few milliseconds
whatever the article's length.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

SUPPORTED: tuple[str, ...] = ("en", "ro", "ru", "uk", "fr", "es", "de", "it", "pl")
CYRILLIC_LANGS = ("ru", "uk")
LATIN_LANGS = ("en", "ro", "fr", "es", "de", "it", "pl")

SAMPLE_CHARS = 4000
MIN_LETTERS = 12  # fewer letters than this: too little to tell
MIN_SCRIPT_SHARE = 0.6  # share of letters in Latin/Cyrillic needed to consider our languages
MIN_CONFIDENCE = 0.5  # probability the chosen supported language must reach
FOREIGN_CONFIDENCE = 0.5  # an unsupported language this likely wins → None

_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэъё")
_OTHER_CYRILLIC = set("ўјљњћђџѓќѕ")  # Belarusian, Serbian, Macedonian


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script_counts(text: str) -> tuple[int, int, int]:
    """(latin, cyrillic, other) letter counts."""
    latin = cyrillic = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            latin += 1
        elif 0x400 <= o <= 0x52F:
            cyrillic += 1
        else:
            other += 1
    return latin, cyrillic, other


def _cyrillic_letters_vote(text: str, cyrillic: int) -> str | None:
    """'uk', 'ru', 'other' or None (no decisive letters), from letters only one language uses."""
    lower = text.lower()
    uk = sum(lower.count(c) for c in _UK_ONLY)
    ru = sum(lower.count(c) for c in _RU_ONLY)
    foreign = sum(lower.count(c) for c in _OTHER_CYRILLIC)
    # A few foreign letters can come from quoted names; a steady rate means another language.
    if foreign >= 3 and foreign > 0.005 * cyrillic and foreign > (uk + ru) / 4:
        return "other"
    # "і" is ~5% of Ukrainian letters and "ы" ~2% of Russian ones; a quoted name or word in
    # the other language adds only a handful, so compare rates with a factor of safety.
    if uk >= 2 and uk > 3 * ru:
        return "uk"
    if ru >= 2 and ru > 3 * uk:
        return "ru"
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code among ``SUPPORTED``, or None when not confident / another language."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    sample = unicodedata.normalize("NFC", sample)
    latin, cyrillic, other = _script_counts(sample)
    letters = latin + cyrillic + other
    if letters < MIN_LETTERS or (latin + cyrillic) < MIN_SCRIPT_SHARE * letters:
        return None
    candidates = CYRILLIC_LANGS if cyrillic > latin else LATIN_LANGS

    ranking = _identifier().rank(sample)
    probs = dict(ranking)
    top, top_p = ranking[0]
    best = max(candidates, key=lambda code: probs.get(code, 0.0))
    best_p = probs.get(best, 0.0)

    if candidates is CYRILLIC_LANGS:
        vote = _cyrillic_letters_vote(sample, cyrillic)
        if vote == "other":
            return None
        if vote is not None:
            # The letters are decisive between ru and uk; still refuse a confident third language.
            if top not in CYRILLIC_LANGS and top_p >= FOREIGN_CONFIDENCE and probs.get(vote, 0.0) < 0.05:
                return None
            return vote

    if top not in candidates and top_p >= FOREIGN_CONFIDENCE:
        return None
    # Restrict to the candidates: renormalise their probabilities among themselves.
    total = sum(probs.get(code, 0.0) for code in candidates)
    if total <= 0.0:
        return None
    return best if best_p / total >= MIN_CONFIDENCE else None

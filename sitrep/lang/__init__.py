"""Language stage: packs (data), folding and tokenising, segmentation, language detection."""

from sitrep.lang.pack import LanguagePack, available_languages, load_pack


def detect_language(text: str) -> str | None:
    from sitrep.lang.detect import detect_language as _detect

    return _detect(text)


__all__ = ["LanguagePack", "available_languages", "detect_language", "load_pack"]

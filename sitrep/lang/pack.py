"""Language packs: one folder of YAML data files per language, read by this one loader.

Every pack has the same files and keys (see packs/README.md); extractors only ever see
those keys. Adding a language is adding a folder: no Python changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import re

import yaml

from sitrep.errors import LanguageError
from sitrep.lang.lexicon import Lexicon, lexicon_from

PACKS_DIR = Path(__file__).with_name("packs")


class _PackLoader(yaml.SafeLoader):
    """YAML 1.1 reads "no", "on", "yes", "off" as booleans; in a word list they are words."""


_PackLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PackLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path):
    """Read one pack file with the word-safe loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_PackLoader)


@dataclass
class LanguagePack:
    code: str
    directory: Path
    data: dict[str, Any]
    _lexicons: dict[tuple[str, str | None], Lexicon] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.data.get("pack", {}).get("name", self.code)

    @property
    def meta(self) -> dict[str, Any]:
        return self.data.get("pack", {})

    def section(self, file: str, key: str | None = None, default: Any = None) -> Any:
        value = self.data.get(file, {})
        if key is not None:
            value = value.get(key) if isinstance(value, dict) else None
        return default if value is None else value

    def lexicon(self, file: str, key: str | None = None) -> Lexicon:
        """A compiled lexicon of a label → phrases mapping (or a bare phrase list under `key`)."""
        cache_key = (file, key)
        if cache_key not in self._lexicons:
            entries = self.section(file, key, {})
            if isinstance(entries, list):
                entries = {key or file: entries}
            self._lexicons[cache_key] = lexicon_from(
                {label: phrases for label, phrases in entries.items() if isinstance(phrases, list)}
            )
        return self._lexicons[cache_key]


def available_languages() -> list[str]:
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "pack.yaml").is_file())


@lru_cache(maxsize=None)
def load_pack(code: str) -> LanguagePack:
    code = code.lower().split("-")[0].split("_")[0]
    directory = PACKS_DIR / code
    if not (directory / "pack.yaml").is_file():
        raise LanguageError(
            f"no language pack for '{code}' (available: {', '.join(available_languages())})"
        )
    data: dict[str, Any] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            loaded = read_yaml(path)
        except yaml.YAMLError as err:
            raise LanguageError(f"{path}: not valid YAML ({err})") from err
        data[path.stem] = loaded if loaded is not None else {}
    return LanguagePack(code=code, directory=directory, data=data)

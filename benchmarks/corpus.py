"""Synthetic benchmark corpus built from the bundled demo articles in ``samples/``.

``replicate(samples_dir, n)`` returns ``n`` article dicts (the contract's article object:
``id``, ``title``, ``text``, ``source``, ``url``, ``published``, ``language``) made by cycling
through the samples and varying each copy deterministically:

* paragraphs after the lede are shuffled (a question heading stays with its answer);
* standalone figures ("40 killed", "1,700", "275.000") are replaced by nearby values, with one
  consistent mapping per copy so a figure that repeats stays equal to itself;
* the whole article is moved in time by a whole number of weeks: ``published`` and every explicit
  day-and-month date in the text ("June 7", "22 septembrie", "20 мая", "19 de noviembre",
  "1. Dezember") shift together, and weekday references ("on Tuesday", "вчора") stay correct
  because the shift is a multiple of seven days;
* every copy gets a unique ``id`` (``<sample id>~<index>``) and ``url``.

Copies ``0 .. len(samples)-1`` are the unmodified samples when ``keep_originals`` is true
(the default); everything else is varied. The same ``(samples, n, seed)`` always gives the
same output. Pure standard library.

Command line::

    python benchmarks/corpus.py OUT.jsonl [-n 2000] [--samples samples/] [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import re
from pathlib import Path

__all__ = ["load_samples", "replicate", "vary", "write_jsonl"]

DEFAULT_SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Day-and-month forms per language, month names in the case used after a day number.
_MONTHS: dict[str, list[str]] = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ro": ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
           "septembrie", "octombrie", "noiembrie", "decembrie"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
           "вересня", "жовтня", "листопада", "грудня"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"],
}


def _month_index(lang: str, name: str) -> int:
    low = name.lower()
    for i, m in enumerate(_MONTHS[lang]):
        if m.lower() == low:
            return i + 1
    raise KeyError(name)


def _date_regexes(lang: str) -> list[re.Pattern]:
    alt = "|".join(sorted((re.escape(m) for m in _MONTHS[lang]), key=len, reverse=True))
    pats = [
        # 2023-05-21
        r"(?<![\d-])(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d-])",
        # 7 June [2023] / 22 septembrie / 20 мая 2023 / 1er août / 19 de noviembre de 2023 / 1. Dezember
        r"(?<!\d)(?P<d>[0-3]?\d)(?P<suf>\.|er)?(?P<sp1>\s+(?:de\s+)?)(?P<m>" + alt + r")\b"
        r"(?P<y>(?P<sp2>,?\s+(?:de\s+)?)(?P<yyyy>(?:19|20)\d\d)(?!\d))?",
    ]
    if lang == "en":
        # June 7[, 2023]
        pats.append(r"\b(?P<m2>" + alt + r")(?P<sp3>\s+)(?P<d2>[0-3]?\d)(?![\d:])"
                    r"(?P<y2>(?P<sp4>,?\s+)(?P<yyyy2>(?:19|20)\d\d)(?!\d))?")
    flags = re.IGNORECASE if lang not in ("en", "de") else 0
    return [re.compile(p, flags) for p in pats]


_DATE_RE = {lang: _date_regexes(lang) for lang in _MONTHS}

# A standalone figure: 1-3 digits, optionally grouped by thousands ("1,700", "275.000",
# "13\u00a0000"); not part of a time, a year, an identifier ("Mi-24", "G9") or a decimal.
_NUM_RE = re.compile(
    r"(?<![\w.,:+\-/\u2013\x00])(?P<n>\d{1,3}(?:(?P<sep>[.,\u00a0\u202f])\d{3})*)(?![\w:\-/\u2013\x00]|[.,]\d)"
)

_WEEKDAY_SAFE = 7  # shifts are multiples of a week so weekday references stay right


def load_samples(samples_dir: str | Path = DEFAULT_SAMPLES) -> list[dict]:
    """All ``*.json`` article objects in ``samples_dir``, in sorted order."""
    out = []
    for p in sorted(Path(samples_dir).glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        if isinstance(d, dict) and d.get("text"):
            d.setdefault("id", p.stem)
            out.append(d)
    if not out:
        raise FileNotFoundError(f"no article .json files in {samples_dir}")
    return out


def _infer_year(month: int, day: int, anchor: _dt.date) -> int:
    """Year of a day-month date written without a year: the latest one not far after anchor."""
    year = anchor.year
    try:
        cand = _dt.date(year, month, day)
    except ValueError:
        return year
    if (cand - anchor).days > 60:
        year -= 1
    return year


def _shift_dates(text: str, lang: str, anchor: _dt.date | None, delta: _dt.timedelta,
                 protect: list[str]) -> str:
    """Replace explicit dates by placeholders holding their shifted rendering."""
    if lang not in _DATE_RE or anchor is None:
        return text

    def render(m: re.Match) -> str:
        g = m.groupdict()
        try:
            if g.get("iso"):
                new = _dt.date.fromisoformat(g["iso"]) + delta
                return new.isoformat()
            if g.get("m2"):  # English "June 7, 2023"
                month = _month_index(lang, g["m2"])
                day = int(g["d2"])
                year = int(g["yyyy2"]) if g.get("yyyy2") else _infer_year(month, day, anchor)
                new = _dt.date(year, month, day) + delta
                s = f"{_MONTHS[lang][new.month - 1]}{g['sp3']}{new.day}"
                if g.get("yyyy2"):
                    s += f"{g['sp4']}{new.year}"
                return s
            month = _month_index(lang, g["m"])
            day = int(g["d"])
            year = int(g["yyyy"]) if g.get("yyyy") else _infer_year(month, day, anchor)
            new = _dt.date(year, month, day) + delta
            mname = _MONTHS[lang][new.month - 1]
            if g["m"][:1].isupper() and lang not in ("en", "de"):
                mname = mname[:1].upper() + mname[1:]
            suf = g.get("suf") or ""
            if suf == "er" and new.day != 1:
                suf = ""
            elif lang == "fr" and new.day == 1 and not suf:
                suf = "er"
            s = f"{new.day}{suf}{g['sp1']}{mname}"
            if g.get("yyyy"):
                s += f"{g['sp2']}{new.year}"
            return s
        except (ValueError, KeyError):
            return m.group(0)

    def repl(m: re.Match) -> str:
        protect.append(render(m))
        return f"\x00{len(protect) - 1}\x00"

    for rx in _DATE_RE[lang]:
        text = rx.sub(repl, text)
    return text


def _perturb(value: int, rng: random.Random) -> int:
    if value <= 2:
        return value
    lo = max(1, int(value * 0.7))
    hi = max(lo + 1, int(value * 1.4) + 1)
    new = rng.randint(lo, hi)
    if value >= 1000:  # keep round-looking big figures round
        new = round(new, -2) or value
    elif value >= 100 and value % 10 == 0:
        new = round(new, -1) or value
    return new


def _swap_numbers(text: str, rng: random.Random, mapping: dict[int, int]) -> str:
    def repl(m: re.Match) -> str:
        raw = m.group("n")
        sep = m.group("sep")
        value = int(re.sub(r"\D", "", raw))
        if value not in mapping:
            mapping[value] = _perturb(value, rng)
        new = mapping[value]
        if sep and new >= 1000:
            return f"{new:,}".replace(",", sep)
        return str(new)

    return _NUM_RE.sub(repl, text)


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    paras = [p for p in text.strip("\n").split("\n\n")]
    if len(paras) < 3:
        return text
    head, rest = paras[0], paras[1:]
    blocks: list[list[str]] = []
    i = 0
    while i < len(rest):
        p = rest[i]
        # a short question heading travels with the paragraph that answers it
        if p.rstrip().endswith("?") and len(p) < 120 and i + 1 < len(rest):
            blocks.append([p, rest[i + 1]])
            i += 2
        else:
            blocks.append([p])
            i += 1
    rng.shuffle(blocks)
    out = [head] + [p for b in blocks for p in b]
    return "\n\n".join(out) + ("\n" if text.endswith("\n") else "")


def vary(article: dict, index: int, seed: int = 0) -> dict:
    """A deterministic variant of ``article`` (copy number ``index``)."""
    rng = random.Random(f"sitrep-bench:{seed}:{article.get('id')}:{index}")
    lang = (article.get("language") or "").lower()
    published = article.get("published")
    anchor = None
    if published:
        try:
            anchor = _dt.date.fromisoformat(published)
        except ValueError:
            anchor = None
    weeks = rng.choice([w for w in range(-26, 27) if w != 0])
    delta = _dt.timedelta(days=_WEEKDAY_SAFE * weeks)

    mapping: dict[int, int] = {}
    fields = {}
    for key in ("title", "text"):
        s = article.get(key)
        if not isinstance(s, str):
            fields[key] = s
            continue
        protect: list[str] = []
        s = _shift_dates(s, lang, anchor, delta, protect)
        if key == "text" and rng.random() < 0.8:
            s = _shuffle_paragraphs(s, rng)
        s = _swap_numbers(s, rng, mapping)
        s = re.sub(r"\x00(\d+)\x00", lambda m: protect[int(m.group(1))], s)
        fields[key] = s

    new = dict(article)
    new.update(fields)
    new["id"] = f"{article.get('id', 'doc')}~{index:05d}"
    new["url"] = f"https://example.org/bench/{new['id']}"
    if anchor is not None:
        new["published"] = (anchor + delta).isoformat()
    return new


def replicate(samples_dir: str | Path = DEFAULT_SAMPLES, n: int = 2000, seed: int = 0,
              keep_originals: bool = True) -> list[dict]:
    """``n`` article dicts made from the samples in ``samples_dir`` (see module docstring)."""
    samples = load_samples(samples_dir)
    out = []
    for i in range(n):
        base = samples[i % len(samples)]
        if keep_originals and i < len(samples):
            d = dict(base)
            d["id"] = f"{base.get('id', 'doc')}~{i:05d}"
            d["url"] = f"https://example.org/bench/{d['id']}"
            out.append(d)
        else:
            out.append(vary(base, i, seed))
    return out


def write_jsonl(articles: list[dict], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a replicated benchmark corpus as JSON Lines.")
    ap.add_argument("out", help="output .jsonl path")
    ap.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--samples", default=str(DEFAULT_SAMPLES), help="samples directory")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    arts = replicate(args.samples, args.n, args.seed)
    write_jsonl(arts, args.out)
    print(f"wrote {len(arts)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

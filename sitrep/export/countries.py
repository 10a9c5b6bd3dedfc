"""Country names, codes and regions as ACLED writes them, from an ISO 3166-1 alpha-2 code."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pycountry

# ACLED uses short common names where ISO's official ones are long or formal.
_ACLED_NAMES = {
    "BO": "Bolivia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CZ": "Czech Republic", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine", "RU": "Russia",
    "SY": "Syria", "SZ": "eSwatini", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania",
    "VE": "Venezuela", "VN": "Vietnam", "XK": "Kosovo",
}

# ACLED regions for the countries this project's reporting covers most; others stay empty.
_REGIONS = {
    "Europe": "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC "
              "ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA",
    "Middle East": "BH EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
}
_REGION_OF = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


class Country(NamedTuple):
    alpha3: str
    name: str
    numeric: str
    region: str


@lru_cache(maxsize=None)
def country(alpha2: str | None) -> Country | None:
    if not alpha2:
        return None
    code = alpha2.upper()
    if code == "XK":  # Kosovo has no ISO 3166-1 entry; ACLED uses XKX and numeric 0.
        return Country("XKX", "Kosovo", "0", "Europe")
    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        return None
    name = _ACLED_NAMES.get(code) or getattr(entry, "common_name", None) or entry.name
    return Country(entry.alpha_3, name, str(int(entry.numeric)), _REGION_OF.get(code, ""))

"""Generate countries.yaml and the `nationalities` of the English actors pack (run once; the
YAML files are the committed data, this script documents how they were made).

    .venv/bin/python sitrep/resolve/data/build_countries.py

Country names come from pycountry (ISO 3166-1), replaced by the short forms ACLED writes in
actor names ("Democratic Republic of Congo", "Russia", "Syria", "Turkey"). Adjectives,
demonyms and extra English forms below were written by the sitrep team from general English
usage; no list was copied from another project.

The English `roles`, `connectors`, `coordinators` and `not_nationalities` keys of
packs/en/actors.yaml are hand-written and kept: only `nationalities` is regenerated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import yaml
from unidecode import unidecode

HERE = Path(__file__).resolve().parent
EN_ACTORS = HERE.parent.parent / "lang" / "packs" / "en" / "actors.yaml"

# Names as ACLED writes them inside actor names ("Civilians (X)", "Military Forces of X").
ACLED_NAMES = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FK": "Falkland Islands",
    "FM": "Micronesia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos",
    "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini",
    "TL": "East Timor", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam", "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands", "SH": "Saint Helena", "MF": "Saint Martin",
    "SX": "Sint Maarten", "BQ": "Caribbean Netherlands", "CC": "Cocos Islands",
    "BL": "Saint-Barthelemy", "PN": "Pitcairn Islands", "XK": "Kosovo",
}

# ACLED writes "Military Forces of the X" for these (in parentheses the article is dropped).
WITH_THE = {"CD", "CG", "CF", "PH", "US", "GB", "NL", "AE", "DO", "CZ", "GM", "BS", "KM", "MV",
            "SB", "MH", "SC", "VA", "FK", "KY", "TC", "VG", "VI", "FO", "CK", "MP"}

# English adjective used in noun phrases ("Russian forces"). Team knowledge.
ADJECTIVES = """
AF Afghan|AL Albanian|DZ Algerian|AD Andorran|AO Angolan|AG Antiguan|AR Argentine|AM Armenian
AU Australian|AT Austrian|AZ Azerbaijani|BS Bahamian|BH Bahraini|BD Bangladeshi|BB Barbadian
BY Belarusian|BE Belgian|BZ Belizean|BJ Beninese|BT Bhutanese|BO Bolivian|BA Bosnian
BW Botswanan|BR Brazilian|BN Bruneian|BG Bulgarian|BF Burkinabe|BI Burundian|KH Cambodian
CM Cameroonian|CA Canadian|CV Cape Verdean|CF Central African|TD Chadian|CL Chilean|CN Chinese
CO Colombian|KM Comorian|CD Congolese|CG Congolese|CR Costa Rican|CI Ivorian|HR Croatian
CU Cuban|CY Cypriot|CZ Czech|DK Danish|DJ Djiboutian|DM Dominican|DO Dominican|TL Timorese
EC Ecuadorian|EG Egyptian|SV Salvadoran|GQ Equatoguinean|ER Eritrean|EE Estonian|SZ Swazi
ET Ethiopian|FJ Fijian|FI Finnish|FR French|GA Gabonese|GM Gambian|GE Georgian|DE German
GH Ghanaian|GR Greek|GD Grenadian|GT Guatemalan|GN Guinean|GW Bissau-Guinean|GY Guyanese
HT Haitian|HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian|IQ Iraqi
IE Irish|IL Israeli|IT Italian|JM Jamaican|JP Japanese|JO Jordanian|KZ Kazakh|KE Kenyan
KI I-Kiribati|KP North Korean|KR South Korean|XK Kosovar|KW Kuwaiti|KG Kyrgyz|LA Lao|LV Latvian
LB Lebanese|LS Basotho|LR Liberian|LY Libyan|LI Liechtensteiner|LT Lithuanian|LU Luxembourgish
MG Malagasy|MW Malawian|MY Malaysian|MV Maldivian|ML Malian|MT Maltese|MH Marshallese
MR Mauritanian|MU Mauritian|MX Mexican|FM Micronesian|MD Moldovan|MC Monegasque|MN Mongolian
ME Montenegrin|MA Moroccan|MZ Mozambican|MM Myanmar|NA Namibian|NR Nauruan|NP Nepalese
NL Dutch|NZ New Zealand|NI Nicaraguan|NE Nigerien|NG Nigerian|MK North Macedonian|NO Norwegian
OM Omani|PK Pakistani|PW Palauan|PS Palestinian|PA Panamanian|PG Papua New Guinean
PY Paraguayan|PE Peruvian|PH Philippine|PL Polish|PT Portuguese|QA Qatari|RO Romanian
RU Russian|RW Rwandan|KN Kittitian|LC Saint Lucian|VC Vincentian|WS Samoan|SM Sammarinese
ST Santomean|SA Saudi|SN Senegalese|RS Serbian|SC Seychellois|SL Sierra Leonean|SG Singaporean
SK Slovak|SI Slovenian|SB Solomon Islander|SO Somali|ZA South African|SS South Sudanese
ES Spanish|LK Sri Lankan|SD Sudanese|SR Surinamese|SE Swedish|CH Swiss|SY Syrian|TW Taiwanese
TJ Tajik|TZ Tanzanian|TH Thai|TG Togolese|TO Tongan|TT Trinidadian|TN Tunisian|TR Turkish
TM Turkmen|TV Tuvaluan|UG Ugandan|UA Ukrainian|AE Emirati|GB British|US American|UY Uruguayan
UZ Uzbek|VU Vanuatuan|VA Vatican|VE Venezuelan|VN Vietnamese|YE Yemeni|ZM Zambian|ZW Zimbabwean
EH Sahrawi|PR Puerto Rican|GL Greenlandic|HK Hong Kong|MO Macanese|NC New Caledonian
PF French Polynesian|GU Guamanian|BM Bermudian|KY Caymanian|AW Aruban|CW Curacaoan
GF French Guianese|GP Guadeloupean|MQ Martinican|YT Mahoran|RE Reunionese|FO Faroese
GI Gibraltarian|AS American Samoan|FK Falkland Islander|AI Anguillan|MS Montserratian
"""

# Extra English forms per country: people nouns and common short names.
EXTRA = {
    "US": ["u.s.", "u.s", "=US", "usa", "=USA", "america", "americans", "united states of america"],
    "GB": ["=UK", "u.k.", "britain", "great britain", "britain's", "briton", "britons", "brits"],
    "RU": ["russia", "russia's", "russians", "russian federation", "russian federation's"],
    "CD": ["drc", "=DRC", "dr congo", "d.r. congo", "congo", "democratic republic of the congo",
           "democratic republic of congo", "congo-kinshasa", "congolese"],
    "CG": ["republic of the congo", "republic of congo", "congo-brazzaville", "congo brazzaville"],
    "KP": ["north korea", "north koreans", "dprk"],
    "KR": ["south korea", "south koreans", "republic of korea"],
    "PS": ["palestinians", "palestinian territories", "palestinian territory", "state of palestine"],
    "IL": ["israelis"], "IR": ["iranians"], "SY": ["syrians"], "IQ": ["iraqis"],
    "AF": ["afghans"], "TR": ["turkey", "turkiye", "turks"],
    "CI": ["cote d'ivoire", "ivory coast", "ivorians"], "CZ": ["czech republic", "czechs"],
    "MM": ["burma", "burmese", "myanmar's"], "AE": ["uae", "=UAE", "emiratis"],
    "SA": ["saudis", "saudi arabia's"], "NL": ["holland", "dutchmen"],
    "CH": ["switzerland's"], "VN": ["vietnam", "viet nam"], "LA": ["laos", "laotian"],
    "SZ": ["swaziland", "eswatini"], "CV": ["cape verde"], "TL": ["east timor", "timor-leste"],
    "MK": ["macedonia", "macedonian"], "BA": ["bosnia", "bosnians"],
    "PH": ["filipino", "filipinos"], "NZ": ["new zealanders"], "BF": ["burkinabes"],
    "NE": ["nigeriens"], "SO": ["somalis"], "YE": ["yemenis"], "PK": ["pakistanis"],
    "BD": ["bangladeshis"], "KE": ["kenyans"], "FR": ["frenchmen"],
    "DE": ["germans"], "ES": ["spaniards"], "PL": ["poles"], "DK": ["danes"], "SE": ["swedes"],
    "FI": ["finns"], "TH": ["thais"], "CN": ["chinese nationals", "prc", "=PRC"],
    "TW": ["taiwan"], "VA": ["vatican", "vatican city", "holy see"], "MD": ["moldova"],
    "BO": ["bolivia"], "VE": ["venezuela"], "TZ": ["tanzania"], "FM": ["micronesia"],
    "RE": [], "EH": ["western sahara", "sahrawis"], "XK": ["kosovo", "kosovars"],
}

# Names that would mostly catch something else (first names, US states, ordinary words).
SKIP_NAMES = {"jersey", "guernsey", "reunion", "pitcairn", "saint martin", "georgia's"}
SKIP_COUNTRIES = {"AQ", "BV", "HM", "UM", "TF", "IO", "GS", "JE", "GG", "IM", "SJ"}

# Adjectives whose plural demonym is not "adjective + s".
NO_PLURAL = {"Chinese", "Japanese", "Vietnamese", "Lebanese", "Sudanese", "South Sudanese",
             "Congolese", "Senegalese", "Beninese", "Togolese", "Gabonese", "Guyanese", "Swiss",
             "French", "British", "Irish", "Dutch", "Danish", "Finnish", "Swedish", "Spanish",
             "Polish", "Turkish", "Welsh", "Portuguese", "Maltese", "Nepalese", "Bhutanese",
             "Burkinabe", "Myanmar", "Hong Kong", "New Zealand", "Lao", "Vatican", "Icelandic",
             "Luxembourgish", "Greenlandic", "Faroese", "Malagasy", "Thai", "Kazakh", "Kyrgyz",
             "Tajik", "Uzbek", "Turkmen", "Czech", "Slovak", "Greek", "Basotho", "Swazi",
             "Seychellois", "Monegasque", "Sammarinese", "Santomean", "Equatoguinean",
             "I-Kiribati", "Solomon Islander", "Falkland Islander", "Liechtensteiner",
             "Comorian", "Central African", "Saudi", "Reunionese", "Mahoran", "Macanese"}


def _adjectives() -> dict[str, str]:
    out = {}
    for chunk in ADJECTIVES.replace("\n", "|").split("|"):
        chunk = chunk.strip()
        if chunk:
            code, adj = chunk.split(" ", 1)
            out[code] = adj
    return out


def _plain(name: str) -> str:
    """"Congo, The Democratic Republic of the" → "Democratic Republic of the Congo"."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name.strip()


def build() -> tuple[dict, dict]:
    adjectives = _adjectives()
    countries: dict[str, dict] = {}
    nationalities: dict[str, list[str]] = {}
    entries = [(c.alpha_2, c) for c in pycountry.countries] + [("XK", None)]
    for code, entry in sorted(entries, key=lambda pair: pair[0]):
        if code in SKIP_COUNTRIES:
            continue
        names = []
        if entry is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(entry, attr, None)
                if value:
                    names.append(_plain(value))
        acled = ACLED_NAMES.get(code) or getattr(entry, "common_name", None) or _plain(entry.name)
        names.insert(0, acled)
        adjective = adjectives.get(code)
        record = {"name": acled}
        if code in WITH_THE:
            record["the"] = True
        if adjective:
            record["adjective"] = adjective
        countries[code] = record

        forms: list[str] = []
        for name in names:
            low = name.lower().replace("the state of ", "state of ")
            if low.startswith("the "):
                low = low[4:]
            forms += [low, f"{low}'" if low.endswith("s") else f"{low}'s"]
        if adjective:
            low = adjective.lower()
            forms.append(low)
            if adjective not in NO_PLURAL and not low.endswith("s"):
                forms.append(low + "s")
        forms += EXTRA.get(code, [])
        seen: list[str] = []
        for form in forms:
            if unidecode(form) in SKIP_NAMES or form in seen:
                continue
            seen.append(form)
        nationalities[code] = seen
    # "Dominican", "Congolese": give the ambiguous adjective to the country news means.
    nationalities["DM"] = [f for f in nationalities["DM"] if f not in ("dominican", "dominicans")]
    nationalities["CG"] = [f for f in nationalities["CG"] if f not in ("congolese", "congo", "congo's")]
    return countries, nationalities


def _dump_flow(mapping: dict[str, list[str]]) -> str:
    lines = []
    for key, values in mapping.items():
        quoted = ", ".join(yaml.safe_dump(v, default_flow_style=True, allow_unicode=True).strip()
                           .removesuffix("\n...").removesuffix("...").strip() for v in values)
        safe_key = key if yaml.safe_load(f"{key}: 1") == {key: 1} else f"'{key}'"  # "NO" is not False
        lines.append(f"  {safe_key}: [{quoted}]")
    return "\n".join(lines)


def main() -> None:
    countries, nationalities = build()
    header = (
        "# Countries as ACLED writes them in actor names (\"Civilians (X)\", \"Military Forces of X\"),\n"
        "# keyed by ISO 3166-1 alpha-2. `the`: ACLED writes \"Military Forces of the X\";\n"
        "# `adjective`: the English adjective (\"Russian forces\", \"Russian partisans\").\n"
        "# Generated by build_countries.py from pycountry names and the team's own list of\n"
        "# adjectives; ACLED's period suffixes (\"(2000-)\") are left out on purpose.\n"
    )
    body = yaml.safe_dump({"countries": countries}, allow_unicode=True, sort_keys=False, width=120)
    (HERE / "countries.yaml").write_text(header + body, encoding="utf-8")

    text = EN_ACTORS.read_text(encoding="utf-8")
    marker = "nationalities:\n"
    start = text.index(marker)
    end = text.index("\n# END nationalities", start)
    new = marker + _dump_flow(nationalities)
    EN_ACTORS.write_text(text[:start] + new + text[end:], encoding="utf-8")
    print(f"{len(countries)} countries; {sum(map(len, nationalities.values()))} English forms")


if __name__ == "__main__":
    main()

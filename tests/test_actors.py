"""The actor registry: named actors, nationality + role nouns, canonical names, extensions."""

from __future__ import annotations

import time
from pathlib import Path

import pycountry
import pytest
import yaml

from sitrep.evaluate.names import name_matches
from sitrep.lang.pack import PACKS_DIR
from sitrep.lang.text import fold
from sitrep.resolve.actors import ROLE_TEMPLATES, ActorRegistry, canonical_for, kind_of

LANGUAGES = ["en", "ro", "ru", "uk", "fr", "es", "de", "it", "pl"]
REQUIRED_COUNTRIES = (
    "RU UA GB US FR DE IT PL RO MD BY IL PS LB SY IQ IR YE SD SS ET SO KE ML BF NE NG CM TD CD "
    "RW UG CF MZ LY EG TR AZ AM GE AF PK IN BD MM PH CN MX CO BR VE HT"
).split()


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def canonicals(registry: ActorRegistry, text: str, language: str) -> set[str]:
    return {m.canonical for m in registry.find(text, language) if m.canonical}


# (language, sentence, canonical names that must be found)
POSITIVE = [
    # nationality + role, adjective before the noun
    ("en", "Russian security forces clashed with partisans near Kozinka.", {"Military Forces of Russia"}),
    ("en", "Ukrainian civilians were evacuated from the town.", {"Civilians (Ukraine)"}),
    ("en", "Indian police fired tear gas at Pakistani protesters.", {"Police Forces of India", "Protesters (Pakistan)"}),
    ("en", "Mexican rioters set fire to a bus.", {"Rioters (Mexico)"}),
    ("en", "Syrian gunmen kidnapped two men.", {"Unidentified Armed Group (Syria)"}),
    ("en", "The Congolese army retreated.", {"Military Forces of the Democratic Republic of Congo"}),
    ("en", "Nigerien soldiers and Nigerian soldiers met.", {"Military Forces of Niger", "Military Forces of Nigeria"}),
    ("en", "Russian and Ukrainian forces exchanged fire.", {"Military Forces of Russia", "Military Forces of Ukraine"}),
    ("en", "A group of Russian partisans crossed the border.", {"Russian partisans"}),
    ("en", "Israeli settlers attacked the village.", {"Settlers (Israel)"}),
    ("en", "The Russian authorities ordered an evacuation.", {"Government of Russia"}),
    ("ru", "Российские военные нанесли удар по вокзалу.", {"Military Forces of Russia"}),
    ("uk", "Російські війська обстріляли Покровськ.", {"Military Forces of Russia"}),
    ("pl", "Rosyjskie wojsko ostrzelało miasto.", {"Military Forces of Russia"}),
    ("de", "Russische Truppen zogen sich zurück.", {"Military Forces of Russia"}),
    # nationality + role, adjective (or genitive) after the noun
    ("en", "Forces of the Russian Federation entered the village.", {"Military Forces of Russia"}),
    ("en", "Russia's army lost the town.", {"Military Forces of Russia"}),
    ("ro", "Forțele de securitate ruse s-au ciocnit cu partizani ruși.", {"Military Forces of Russia", "Russian partisans"}),
    ("ro", "Militarii ucraineni au respins atacul.", {"Military Forces of Ukraine"}),
    ("ro", "Armata rusă a lansat drone asupra Ismailului.", {"Military Forces of Russia"}),
    ("ro", "Forțele Armate ale Ucrainei au anunțat.", {"Military Forces of Ukraine"}),
    ("ro", "Opt civili ucraineni au fost răniți.", {"Civilians (Ukraine)"}),
    ("ro", "Trupele rusești și ucrainene s-au retras.", {"Military Forces of Russia", "Military Forces of Ukraine"}),
    ("ru", "Военные России заняли позиции.", {"Military Forces of Russia"}),
    ("ru", "ВС РФ атаковали объекты.", {"Military Forces of Russia"}),
    ("uk", "Військові Росії відступили.", {"Military Forces of Russia"}),
    ("pl", "Wojska rosyjskie i ukraińska obrona przeciwlotnicza.", {"Military Forces of Russia", "Military Forces of Ukraine"}),
    ("pl", "Zginęło dwóch obywateli Polski.", {"Civilians (Poland)"}),
    ("fr", "Les soldats de l'armée congolaise ont fui.", {"Military Forces of the Democratic Republic of Congo"}),
    ("fr", "Les forces russes ont bombardé la ville.", {"Military Forces of Russia"}),
    ("es", "Policías mexicanos detuvieron a manifestantes venezolanos.", {"Police Forces of Mexico", "Protesters (Venezuela)"}),
    ("es", "El ejército ucraniano avanzó.", {"Military Forces of Ukraine"}),
    ("de", "Die Streitkräfte der Ukraine meldeten Erfolge.", {"Military Forces of Ukraine"}),
    ("it", "Due militari italiani e l'esercito somalo.", {"Military Forces of Italy", "Military Forces of Somalia"}),
    # named actors by alias, in several languages
    ("ro", "autointitulat Legiunea pentru Libertatea Rusiei", {"Freedom of Russia Legion"}),
    ("ro", "dar și din Grupul Voluntarilor Ruși", {"Russian Volunteer Corps"}),
    ("ru", "бойцы Легиона «Свобода России» и РДК", {"Freedom of Russia Legion", "Russian Volunteer Corps"}),
    ("uk", "Збройний виступ ПВК «Вагнер» і колони «вагнерівців».", {"Wagner Group"}),
    ("uk", "Бійці ЗСУ відбили штурм.", {"Military Forces of Ukraine"}),
    ("pl", "Legion Wolność Rosji i Rosyjski Korpus Ochotniczy", {"Freedom of Russia Legion", "Russian Volunteer Corps"}),
    ("en", "Fighting between the RSF and the SAF in Khartoum.", {"Rapid Support Forces", "Military Forces of Sudan"}),
    ("ro", "Luptele dintre Forțele de Sprijin Rapid și armata sudaneză.", {"Rapid Support Forces", "Military Forces of Sudan"}),
    ("en", "The Tatmadaw bombed a village held by the PDF.", {"Military Forces of Myanmar", "People's Defence Force"}),
    ("fr", "Tsahal a frappé Gaza ; le Hezbollah a répondu.", {"Military Forces of Israel", "Hezbollah"}),
    ("ru", "ЦАХАЛ нанес удар по позициям ХАМАС.", {"Military Forces of Israel", "Hamas"}),
    ("en", "Houthi rebels fired a missile.", {"Military Forces of Yemen Supreme Political Council"}),
    ("en", "ISWAP and Boko Haram fighters clashed.", {"Islamic State (West Africa)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}),
    ("it", "Un attentato rivendicato da al-Shabaab a Mogadiscio.", {"Al Shabaab"}),
    ("es", "Un ataque del Daesh.", {"Islamic State"}),
    ("de", "Die Taliban übernahmen Kabul.", {"Taliban"}),
    ("fr", "Le Mouvement du 23 mars et les FARDC.", {"M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo"}),
    ("ro", "rebelii M23, susținuți de Rwanda, și armata congoleză (FARDC)", {"M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo"}),
    ("en", "The PKK and HTS were mentioned; NATO and MONUSCO too.", {"PKK: Kurdistan Workers Party", "HTS: Hayat Tahrir al-Sham", "NATO", "MONUSCO"}),
    ("ro", "Protestatarii Partidului „Șor” au blocat strada.", {"Shor Party"}),
    ("en", "Wagner fighters advanced on Rostov.", {"Wagner Group"}),
    ("en", "JNIM militants attacked Malian soldiers.", {"JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali"}),
    ("en", "Kurdish-led SDF forces.", {"QSD: Syrian Democratic Forces"}),
    ("ru", "заявили в Кремле", {"Government of Russia"}),
]

# (language, sentence, canonical names that must NOT be found)
NEGATIVE = [
    ("ro", "Le era rușine să recunoască.", {"Military Forces of Russia"}),
    ("en", "Pro-Russian separatists seized the building.", {"Rebels (Russia)", "Military Forces of Russia"}),
    ("en", "Let us go, said one of them.", {"Military Forces of the United States"}),
    ("ro", "Un om a fost rănit într-un sat.", {"United Nations"}),
    ("fr", "Un homme a été tué.", {"United Nations"}),
    ("en", "Latin American leaders met in Indiana.", {"Military Forces of the United States", "Civilians (India)"}),
    ("uk", "Ліві сили вийшли на мітинг.", {"Military Forces of Libya"}),
    ("it", "Fano ospita il festival.", {"Fano Militia"}),
]


@pytest.mark.parametrize("language,text,expected", POSITIVE)
def test_finds_actors(registry, language, text, expected):
    found = canonicals(registry, text, language)
    assert expected <= found, (text, found)


@pytest.mark.parametrize("language,text,unexpected", NEGATIVE)
def test_does_not_find(registry, language, text, unexpected):
    found = canonicals(registry, text, language)
    assert not (unexpected & found), (text, found)


@pytest.mark.parametrize("language,text", [
    ("en", "The Russian said nothing."),
    ("en", "Russian officials spoke to Ukrainian media."),
    ("ro", "Presa rusă a relatat."),
    ("ru", "Российская сторона заявила."),
])
def test_nationality_alone_is_not_an_actor(registry, language, text):
    assert not [m for m in registry.find(text, language) if m.canonical], registry.find(text, language)


def test_role_without_nationality_has_role_only(registry):
    mentions = registry.find("The protesters blocked the road; three civilians died.", "en")
    roles = {(m.mention, m.role, m.canonical) for m in mentions}
    assert ("protesters", "protesters", None) in roles
    assert ("civilians", "civilians", None) in roles
    ro = registry.find("Manifestanții au fost dispersați de poliție.", "ro")
    assert {m.role for m in ro} >= {"protesters", "police"}


def test_mention_offsets_and_surface(registry):
    text = "Între 19 și 22 mai, forțele de securitate ruse s-au ciocnit cu partizani ruși."
    mentions = registry.find(text, "ro")
    for m in mentions:
        assert text[m.start:m.end] == m.mention
    first = mentions[0]
    assert first.mention == "forțele de securitate ruse"
    assert (first.country, first.role, first.kind) == ("RU", "security_forces", "state_forces")


def test_role_next_to_named_actor_is_absorbed(registry):
    mentions = registry.find("M23 rebels seized the airport.", "en")
    assert [(m.mention, m.canonical) for m in mentions] == [("M23 rebels", "M23: March 23 Movement")]
    ro = registry.find("luptătorii Hamas au atacat", "ro")
    assert [(m.mention, m.canonical) for m in ro] == [("luptătorii Hamas", "Hamas")]


def test_case_sensitive_acronyms(registry):
    assert "United Nations" in canonicals(registry, "UN experts and ONU officials", "en")
    assert "Military Forces of the United States" in canonicals(registry, "US forces withdrew.", "en")
    assert "Islamic State" in canonicals(registry, "IS claimed the attack.", "en")
    assert "Islamic State" not in canonicals(registry, "This is it.", "en")


@pytest.mark.parametrize("role,country,expected", [
    ("military", "RU", "Military Forces of Russia"),
    ("military", "CD", "Military Forces of the Democratic Republic of Congo"),
    ("police", "IN", "Police Forces of India"),
    ("civilians", "AF", "Civilians (Afghanistan)"),
    ("civilians", "CD", "Civilians (Democratic Republic of Congo)"),
    ("children", "SD", "Civilians (Sudan)"),
    ("protesters", "IN", "Protesters (India)"),
    ("rioters", "MX", "Rioters (Mexico)"),
    ("gunmen", "SY", "Unidentified Armed Group (Syria)"),
    ("government", "RU", "Government of Russia"),
    ("partisans", "RU", "Russian partisans"),
    ("military", None, None),
    ("no_such_role", "RU", None),
    ("military", "ZZ", None),
])
def test_canonical_for(role, country, expected):
    assert canonical_for(role, country) == expected


def test_canonical_names_meet_the_scoring_name_rule(registry):
    # ACLED's period suffixes are left out; the 60% overlap rule still matches them.
    assert name_matches(canonical_for("military", "RU"), ["Military Forces of Russia (2000-)"])
    assert name_matches(canonical_for("police", "IN"), ["Police Forces of India (2014-)"])
    assert name_matches(canonical_for("military", "PH"), ["Military Forces of the Philippines (2016-)"])
    assert name_matches("JNIM: Group for Support of Islam and Muslims", ["JNIM"])
    assert name_matches("Islamic State", ["Islamic State (West Africa)"])
    assert name_matches("M23: March 23 Movement", ["M23", "March 23 Movement"])


@pytest.mark.parametrize("name,kind", [
    ("Military Forces of Russia (2000-)", "state_forces"),
    ("Police Forces of India", "state_forces"),
    ("Civilians (Afghanistan)", "civilians"),
    ("Protesters (India)", "protesters"),
    ("Rioters (Mexico)", "rioters"),
    ("Unidentified Armed Group (Syria)", "political_militia"),
    ("Tiv Ethnic Militia (Nigeria)", "identity_militia"),
    ("Wagner Group", "external_force"),
    ("Al Shabaab", "rebel_group"),
    ("Taliban", "rebel_group"),
    ("Russian partisans", "rebel_group"),
    (None, None),
])
def test_kind_of(name, kind):
    assert kind_of(name) == kind


def test_user_extension_file(tmp_path, monkeypatch):
    extra = tmp_path / "mine.yaml"
    extra.write_text(yaml.safe_dump({
        "actors": [
            {"name": "Kastus Kalinouski Regiment", "kind": "external_force", "country": "BY",
             "aliases": ["kalinouski regiment", "полк* калиновского", "полк* калиновськ*"]},
            {"name": "Wagner Group", "aliases": ["музыкант*"]},
        ],
        "languages": {"ro": {"roles": {"militants": ["mercenar*"]}}},
    }, allow_unicode=True), encoding="utf-8")
    registry = ActorRegistry.load(extra_paths=[extra])
    assert "Kastus Kalinouski Regiment" in canonicals(registry, "The Kalinouski Regiment fought near Bakhmut.", "en")
    assert "Kastus Kalinouski Regiment" in canonicals(registry, "бойцы полка Калиновского", "ru")
    assert "Wagner Group" in canonicals(registry, "«музыканты» вошли в Ростов", "ru")
    assert registry.kind_of("Kastus Kalinouski Regiment") == "external_force"
    assert {m.role for m in registry.find("mercenarii ruși", "ro")} == {"militants"}
    assert "Unidentified Armed Group (Russia)" in canonicals(registry, "mercenarii ruși", "ro")
    # the same file through the environment variable
    monkeypatch.setenv("SITREP_ACTORS", str(extra))
    from_env = ActorRegistry.load()
    assert "Kastus Kalinouski Regiment" in canonicals(from_env, "the Kalinouski Regiment", "en")
    monkeypatch.delenv("SITREP_ACTORS")
    assert "Kastus Kalinouski Regiment" not in canonicals(ActorRegistry.load(), "the Kalinouski Regiment", "en")


def test_registry_is_loaded_once():
    assert ActorRegistry.load() is ActorRegistry.load()


def test_find_is_fast(registry):
    text = (Path(__file__).resolve().parents[1] / "sitrep" / "resolve" / "data" / "actors.yaml").read_text(encoding="utf-8")
    article = ("Russian forces shelled Kupiansk on Tuesday, killing three civilians, the regional governor said. "
               "Ukrainian troops repelled attacks near Bakhmut, while Wagner fighters and RSF units were mentioned "
               "by the UN. Protesters gathered in Chisinau; police detained 54 people. ") * 12
    assert len(article) > 3000 and text
    for language in ("en", "ro", "uk"):
        registry.find(article, language)  # compile on first use
    best = min(_timed(registry, article, "en") for _ in range(10))
    assert best < 0.01, f"find took {best * 1000:.1f} ms on {len(article)} characters"


def _timed(registry, text, language):
    start = time.perf_counter()
    registry.find(text, language)
    return time.perf_counter() - start


# ----- data checks -----------------------------------------------------------------------
def _pack(code: str) -> dict:
    return yaml.safe_load((PACKS_DIR / code / "actors.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_files(code):
    data = _pack(code)
    nationalities, roles = data["nationalities"], data["roles"]
    assert set(REQUIRED_COUNTRIES) <= set(nationalities), set(REQUIRED_COUNTRIES) - set(nationalities)
    known = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert set(nationalities) <= known
    assert set(roles) <= set(ROLE_TEMPLATES), set(roles) - set(ROLE_TEMPLATES)
    for key in ("military", "police", "civilians", "protesters", "rioters", "gunmen", "government"):
        assert roles.get(key), (code, key)
    for phrases in list(nationalities.values()) + list(roles.values()):
        for phrase in phrases:
            assert isinstance(phrase, str) and phrase.strip(), (code, phrase)
            for word in phrase.lstrip("=").split():
                if word.endswith("*"):
                    assert len(fold(word)) >= 4, (code, phrase)  # stems must not be too short


def test_english_covers_every_country():
    nationalities = _pack("en")["nationalities"]
    countries = yaml.safe_load((Path(__file__).resolve().parents[1] / "sitrep/resolve/data/countries.yaml").read_text())["countries"]
    assert len(nationalities) >= 230
    assert set(nationalities) == set(countries)
    assert countries["RU"] == {"name": "Russia", "adjective": "Russian"}
    assert countries["CD"]["the"] is True


def test_named_actor_file():
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "sitrep/resolve/data/actors.yaml").read_text())
    actors = data["actors"]
    assert len(actors) >= 60
    names = [a["name"] for a in actors]
    assert len(names) == len(set(names))
    kinds = {"state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
             "protesters", "civilians", "external_force", "political_party"}
    for actor in actors:
        assert actor["kind"] in kinds, actor["name"]
        assert actor["aliases"], actor["name"]
        assert "(19" not in actor["name"] and "(20" not in actor["name"], actor["name"]


@pytest.mark.parametrize("code,words", [
    ("ro", ["rușine", "rușinos", "romanul", "turcoaz"]),
    ("ru", ["грузить", "кита", "индивидуальный", "русло"]),
    ("uk", ["ліві", "ліворуч", "роса"]),
    ("pl", ["włosy", "rosa", "indyk"]),
    ("en", ["indiana", "nigerian", "jerseys", "reunion"]),
])
def test_unrelated_words_are_not_nationalities(code, words):
    from sitrep.resolve.actors import _language_actor_section  # noqa: PLC0415
    from sitrep.lang.lexicon import lexicon_from

    nationalities = _language_actor_section(code)["nationalities"]
    lexicon = lexicon_from({k: [p for p in v if not p.startswith("=")] for k, v in nationalities.items()})
    for word in words:
        hits = {m.label for m in lexicon.find(fold(word))}
        if code == "en" and word == "nigerian":
            assert hits == {"NG"}
        else:
            assert not hits, (code, word, hits)

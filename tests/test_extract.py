"""End-to-end extraction on short articles written by the team (real packs, gazetteer, registry)."""

import datetime as dt

import pytest

from sitrep.model import Document
from sitrep.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def code(pipeline, text, language, published="2024-03-12"):
    return pipeline.extract(Document(id="t", text=text, language=language, published=dt.date.fromisoformat(published)))


def claim(result, attribute, value=None):
    found = [c for c in result.claims if c.attribute == attribute and (value is None or c.value == value)]
    assert found, f"no {attribute}={value} claim in {[(c.attribute, c.value) for c in result.claims]}"
    return found[0]


def test_english_attributed_conflicting_tolls(pipeline):
    text = (
        "Russian shelling hit the village of Vovchansk in Kharkiv region on Monday, the regional governor said. "
        "The governor said three civilians were killed and eight were wounded.\n\n"
        "Russia's Defence Ministry denied striking civilian targets and claimed that no civilians were killed."
    )
    result = code(pipeline, text, "en")
    shelling = [e for e in result.events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling, result.events
    event = shelling[0]
    assert event.location and event.location.admin1 and "Kharkiv" in event.location.admin1
    assert event.date_start == dt.date(2024, 3, 11)  # "on Monday" before a Tuesday publication
    killed = claim(result, "killed", 3)
    assert killed.source and "governor" in killed.source.lower()
    assert claim(result, "injured", 8).certainty == "reported"
    ministry = claim(result, "killed", 0)
    assert ministry.source == "Russian Ministry of Defence" and ministry.certainty == "claimed"
    assert any({"killed"} == {c.attribute} for c in result.contradictions)
    assert event.fatalities == 0  # ACLED: the most conservative figure reported (the ministry's none)


def test_romanian_hedges_ranges_and_sources(pipeline):
    text = (
        "Între 3 și 5 martie 2024, forțele ruse s-au ciocnit probabil cu unități ucrainene în apropiere de Avdiivka. "
        "Presa rusă a relatat că 12 militari ucraineni au fost uciși, iar autoritățile ucrainene spun că nu au existat decese."
    )
    result = code(pipeline, text, "ro")
    clash = next(e for e in result.events if e.event_type == "Battles")
    assert (clash.date_start, clash.date_end, clash.time_precision) == (dt.date(2024, 3, 3), dt.date(2024, 3, 5), 2)
    assert clash.certainty == "likely"
    assert clash.location and clash.location.geo_precision == 2  # "în apropiere de"
    assert claim(result, "killed", 12).source == "Russian press"
    zero = claim(result, "killed", 0)
    assert zero.source == "Ukrainian authorities"
    assert result.contradictions


def test_russian_hedge_and_genitive_names(pipeline):
    text = (
        "В пятницу беспилотник атаковал нефтебазу в Белгородской области. "
        "По словам губернатора Вячеслава Гладкова, двое мирных жителей ранены. "
        "Минобороны России якобы сбило ещё три дрона."
    )
    result = code(pipeline, text, "ru", published="2024-03-09")
    strike = next(e for e in result.events if e.sub_event_type == "Air/drone strike")
    assert strike.date_start == dt.date(2024, 3, 8)
    assert strike.location and strike.location.admin1 == "Belgorod Oblast"
    injured = claim(result, "injured", 2)
    assert injured.source and "Gladkov" in injured.source  # declined, then written in Latin letters


def test_ukrainian_claim_and_denial(pipeline):
    text = (
        "Міноборони Росії заявило про захоплення села Очеретине на Донеччині. "
        "Генштаб ЗСУ спростував ці заяви і повідомив, що бої тривають."
    )
    result = code(pipeline, text, "uk", published="2024-05-05")
    assert any(e.event_type == "Battles" for e in result.events)
    denied = [c for c in result.claims if c.certainty == "denied"]
    assert denied, result.claims


def test_generic_statements_and_questions_are_not_events(pipeline):
    text = (
        "Who are the fighters?\n\nThe border region has often been a launch pad for attacks on Ukraine. "
        "Officials warned that militants could attack the town."
    )
    assert code(pipeline, text, "en").events == []


def test_evidence_offsets_point_into_the_text(pipeline):
    text = "Police arrested 14 protesters in Tbilisi on Saturday, the interior ministry said."
    result = code(pipeline, text, "en", published="2024-05-13")
    assert result.events
    for event in result.events:
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(text)
    for c in result.claims:
        assert text[c.evidence.start:c.evidence.end].strip()
    assert claim(result, "detained", 14)


def test_negated_events_are_not_events(pipeline):
    text = "No clashes were reported in Kramatorsk on Sunday, the regional administration said."
    assert [e for e in code(pipeline, text, "en").events if e.event_type == "Battles"] == []


def test_a_capital_speaking_is_not_the_place_of_the_event(pipeline):
    text = "Shelling hit Nikopol on Monday, killing two. Moscow denied targeting civilians."
    result = code(pipeline, text, "en")
    assert result.events and all(e.location is None or e.location.name != "Moscow" for e in result.events)


def test_a_district_of_the_city_in_view_stays_in_that_city(pipeline):
    text = ("Russian drones hit Kharkiv overnight, the governor said. "
            "Two of them struck apartment blocks in the Shevchenkivskyi district, wounding five.")
    result = code(pipeline, text, "en")
    assert result.events
    assert all(e.location and e.location.admin1 == "Kharkiv Oblast" for e in result.events)


def test_a_river_bank_is_not_the_place_of_the_event(pipeline):
    text = "Russian artillery shelled Kherson on Saturday from the left bank of the Dnipro, killing one woman."
    result = code(pipeline, text, "en")
    assert result.events and all(e.location and e.location.admin1 == "Kherson Oblast" for e in result.events)


def _coded(pipeline, text):
    return [(e.event_type, e.sub_event_type) for e in code(pipeline, text, "en").events]


def test_stems_do_not_catch_unrelated_words(pipeline):
    assert _coded(pipeline, "Firefighters protested outside the town hall in Lviv on Monday.") == \
        [("Protests", "Peaceful protest")]
    assert _coded(pipeline, "Residents spent the night in a bomb shelter in Kharkiv on Monday.") == []


def test_a_generic_attack_word_competes_with_the_other_triggers(pipeline):
    # The attack comes first: the arrests are part of it.
    assert _coded(pipeline, "Soldiers attacked the rebel base in Kidal on Monday, arresting eight rebels.") == \
        [("Battles", "Armed clash")]
    # Demonstrators who attack are a violent demonstration.
    assert _coded(pipeline, "The protesters attacked two journalists in Tbilisi on Saturday.") == \
        [("Riots", "Violent demonstration")]
    # "an arson attack" is the arson.
    assert _coded(pipeline, "Unknown men carried out an arson attack on a warehouse in Lviv on Friday.") == \
        [("Strategic developments", "Looting/property destruction")]


def test_a_disrupted_or_destroying_attack_is_coded_once(pipeline):
    assert _coded(pipeline, "Air defence units shot down four drones over Odesa on Sunday.") == \
        [("Strategic developments", "Disrupted weapons use")]
    assert _coded(pipeline, "Rebels destroyed an army truck with a mortar near Kidal on Sunday.") == \
        [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_brief_keeps_its_real_event_when_a_first_trigger_is_hypothetical(pipeline):
    text = "On Monday gunmen fired in the air, likely to disperse the crowd, and then looted shops in Kidal."
    assert ("Strategic developments", "Looting/property destruction") in _coded(pipeline, text)


def test_a_town_whose_region_the_sentence_names_is_preferred_to_a_namesake(pipeline):
    text = "Gunmen shot dead a shopkeeper in Sao Domingos neighbourhood of Sorriso, Mato Grosso, on Tuesday."
    result = code(pipeline, text, "en")
    assert result.events and all(e.location and e.location.admin1 == "Mato Grosso" for e in result.events)


def test_a_division_written_after_a_town_overrules_a_namesake_elsewhere(pipeline):
    text = "On Sunday, residents blocked a road in La Paz, Tamaulipas."
    result = code(pipeline, text, "en")
    assert [e.location.admin1 for e in result.events] == ["Tamaulipas"]


def test_a_sea_that_no_country_holds_is_not_the_place_of_an_event(pipeline):
    text = "On Sunday, a bomb exploded in the Red Sea neighbourhood, Banadir, killing a soldier."
    result = code(pipeline, text, "en")
    assert [e.location.country for e in result.events] == ["SO"]


def test_a_named_weapon_beats_a_bare_explosion_word(pipeline):
    text = "A Russian missile exploded near the railway station in Kramatorsk on Friday."
    assert _coded(pipeline, text) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_report_denied_after_the_trigger_is_no_event(pipeline):
    text = "Residents photographed the tanks in Rostov on Saturday; clashes in the city itself were not reported."
    assert [e for e in code(pipeline, text, "en").events if e.event_type == "Battles"] == []


def test_combinations_coded_as_one_acled_event(pipeline):
    # Civilians killed by an air strike: remote violence, not violence against civilians.
    assert _coded(pipeline, "An air strike killed twelve civilians in a market in Idlib on Monday.") == \
        [("Explosions/Remote violence", "Air/drone strike")]
    # Gunfire and explosions: the fighting.
    assert _coded(pipeline, "Witnesses heard gunfire and explosions near the airport in Goma on Tuesday.") == \
        [("Battles", "Armed clash")]
    # An unopposed capture is still a capture.
    assert _coded(pipeline, "Rebels captured the town of Kidal without a fight on Sunday.") == \
        [("Battles", "Non-state actor overtakes territory")]


def test_protesters_clashing_with_police_riot(pipeline):
    text = "Thousands protested in Chisinau on Sunday.\n\nSome protesters tried to break the police cordon and clashed with officers."
    assert ("Battles", "Armed clash") not in _coded(pipeline, text)
    assert ("Riots", "Violent demonstration") in _coded(pipeline, text)


def test_a_dated_mention_placed_only_by_a_country_joins_the_event(pipeline):
    text = ("A missile hit a grain dryer in Przewodow on Tuesday afternoon, killing two men.\n\n"
            "The explosion happened on Tuesday at 15:40, a few kilometres from the border with Ukraine.")
    assert len(code(pipeline, text, "en").events) == 1


def test_an_event_is_dated_by_its_first_telling(pipeline):
    text = ("Thousands protested in Chisinau on Sunday.\n\n"
            "In the afternoon protesters stormed the government building.\n\n"
            "The riot police said the storming had been planned for days, and on Saturday they raided the organisers.")
    riots = [e for e in code(pipeline, text, "en").events if e.event_type == "Riots"]
    assert riots and riots[0].date_start == dt.date(2024, 3, 10)


def test_a_country_named_in_passing_in_a_brief_sets_no_new_event(pipeline):
    text = "On Friday in Iquique, residents set barricades on fire across the streets. Police forces of Chile dispersed the group."
    assert _coded(pipeline, text) == [("Riots", "Violent demonstration")]


def test_tear_gas_is_an_intervention_and_the_crowds_violence_makes_the_riot(pipeline):
    assert _coded(pipeline, "Thousands marched in Tbilisi on Sunday; police used tear gas and water cannon against them.") == \
        [("Protests", "Protest with intervention")]
    assert _coded(pipeline, "On Sunday in Tbilisi protesters threw stones at police, who fired tear gas.") == \
        [("Riots", "Violent demonstration")]


def test_a_capture_and_the_fighting_around_it_are_two_events(pipeline):
    text = ("Rebels captured the town of Sake on Monday.\n\n"
            "In the fighting around Sake on Monday, thirteen peacekeepers were killed.")
    assert sorted(_coded(pipeline, text)) == [("Battles", "Armed clash"), ("Battles", "Non-state actor overtakes territory")]


def test_a_riot_and_the_police_intervention_in_it_are_one_event(pipeline):
    text = ("Hundreds of protesters attacked the French embassy in Kinshasa on Tuesday.\n\n"
            "A fire broke out at the embassy, and police used tear gas to disperse the crowd.")
    assert _coded(pipeline, text) == [("Riots", "Violent demonstration")]


def test_a_modal_governs_its_whole_clause(pipeline):
    text = "Mistrust between the security services may well affect the army's ability to respond to Ukrainian offensive operations."
    assert _coded(pipeline, text) == []


def test_a_capital_named_for_its_government_is_not_the_articles_main_place(pipeline):
    text = ("Soldiers killed dozens of villagers near Djenne in the Mopti region on Sunday, witnesses said.\n\n"
            "Bamako rejected the account. Bamako's envoy called it biased, and Bamako has refused an inquiry.\n\n"
            "Over the following days soldiers arrested hundreds of men, survivors said.")
    arrests = [e for e in code(pipeline, text, "en").events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].location.admin1 == "Mopti"


def test_two_strategic_developments_on_different_days_stay_apart(pipeline):
    text = ("On Monday thousands of residents fled Goma.\n\n"
            "The UN said its non-essential staff had been evacuated from Goma at the weekend.")
    others = [e for e in code(pipeline, text, "en", published="2025-01-28").events if e.sub_event_type == "Other"]
    assert len(others) == 2


def test_demonstrating_for_something_and_seizing_goods(pipeline):
    assert _coded(pipeline, "On Monday in Tepic, teachers demonstrated to ask for better pay.") == [("Protests", "Peaceful protest")]
    assert _coded(pipeline, "Soldiers seized three boats near Maracaibo on Sunday.") == \
        [("Strategic developments", "Looting/property destruction")]
    assert _coded(pipeline, "The report demonstrated that the junta controls the north.") == []


def test_a_downed_aircraft_is_a_clash_and_a_downed_drone_a_disrupted_weapon(pipeline):
    assert _coded(pipeline, "Rebels shot down an army helicopter over Kidal on Sunday.") == [("Battles", "Armed clash")]
    assert _coded(pipeline, "Air defence shot down two drones over Kidal on Sunday.") == \
        [("Strategic developments", "Disrupted weapons use")]


CROWD_VIOLENCE = {
 "en": "On Sunday, villagers stoned two police officers in Kisumu.",
 "ro": "Duminică, sătenii au lapidat doi polițiști în Bacău.",
 "ru": "В воскресенье местные жители забросали камнями двух полицейских в Бресте.",
 "uk": "У неділю місцеві жителі закидали камінням двох поліцейських у Луцьку.",
 "fr": "Dimanche, des villageois ont lapidé deux policiers à Bouaké.",
 "es": "El domingo, vecinos apedrearon a dos policías en Puebla.",
 "de": "Am Sonntag haben Dorfbewohner zwei Polizisten in Kumasi mit Steinen beworfen.",
 "it": "Domenica alcuni abitanti hanno preso a sassate due poliziotti a Catania.",
 "pl": "W niedzielę mieszkańcy obrzucili kamieniami dwóch policjantów w Lublinie.",
}
ARMED_VICTIM = {
 "en": "On Sunday, a man was shot dead in Culiacan. The victim was armed.",
 "ro": "Duminică, un bărbat a fost împușcat mortal în Culiacan. Victima era înarmată.",
 "ru": "В воскресенье в Кульякане был застрелен мужчина. Убитый был вооружен.",
 "uk": "У неділю в Кульякані застрелили чоловіка. Убитий був озброєний.",
 "fr": "Dimanche, un homme a été abattu à Culiacán. La victime était armée.",
 "es": "El domingo, un hombre fue asesinado a balazos en Culiacán. La víctima estaba armada.",
 "de": "Am Sonntag wurde in Culiacán ein Mann erschossen. Das Opfer war bewaffnet.",
 "it": "Domenica un uomo è stato ucciso a colpi di pistola a Culiacán. La vittima era armata.",
 "pl": "W niedzielę w Culiacán zastrzelono mężczyznę. Ofiara była uzbrojona.",
}


@pytest.mark.parametrize("language,text", CROWD_VIOLENCE.items())
def test_violence_by_an_unarmed_crowd_is_mob_violence(pipeline, language, text):
    assert [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events] == [("Riots", "Mob violence")]


@pytest.mark.parametrize("language,text", ARMED_VICTIM.items())
def test_killing_an_armed_victim_is_a_clash(pipeline, language, text):
    assert [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events] == [("Battles", "Armed clash")]


def test_a_clash_of_police_with_vendors_is_mob_violence_and_police_beating_someone_an_attack(pipeline):
    assert _coded(pipeline, "On Sunday, police officers fought with street vendors at a market in Lagos.") == [("Riots", "Mob violence")]
    assert _coded(pipeline, "On Sunday, police officers beat up a taxi driver in Lagos.") == [("Violence against civilians", "Attack")]


def test_a_man_attacking_a_police_officer_is_a_clash_and_residents_who_report_are_no_mob(pipeline):
    assert _coded(pipeline, "On Sunday, a man attacked a police officer with a knife in Kisumu.") == [("Battles", "Armed clash")]
    assert _coded(pipeline, "Residents said a man was shot dead in Kisumu on Sunday.") == [("Violence against civilians", "Attack")]


RAID_WITH_ARRESTS = {
 "en": "On Monday, soldiers raided houses in Kidal and arrested five men.",
 "ro": "Luni, în timpul unui raid în Kidal, soldații au arestat cinci bărbați.",
 "ru": "В понедельник в ходе рейда в Кидале военные задержали пятерых мужчин.",
 "uk": "У понеділок під час рейду в Кідалі військові затримали п'ятьох чоловіків.",
 "fr": "Lundi, lors d'un raid à Kidal, les soldats ont arrêté cinq hommes.",
 "es": "El lunes, durante una redada en Kidal, los soldados detuvieron a cinco hombres.",
 "de": "Am Montag nahmen Soldaten bei einer Razzia in Kidal fünf Männer fest.",
 "it": "Lunedì, durante un'irruzione a Kidal, i soldati hanno arrestato cinque uomini.",
 "pl": "W poniedziałek podczas obławy w Kidal żołnierze zatrzymali pięciu mężczyzn.",
}


@pytest.mark.parametrize("language,text", RAID_WITH_ARRESTS.items())
def test_a_raid_made_to_arrest_is_the_arrests(pipeline, language, text):
    assert [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events] == [("Strategic developments", "Arrests")]


def test_a_raid_alone_is_a_clash_and_an_armed_group_detaining_people_abducts_them(pipeline):
    assert _coded(pipeline, "On Monday, militants raided a village near Kidal.") == [("Battles", "Armed clash")]
    text = "On Monday, al-Shabaab militants raided Bulo Burte and detained several civilians."
    assert _coded(pipeline, text) == [("Violence against civilians", "Abduction/forced disappearance")]


# German, Russian and Ukrainian passives name the doer without a marker right after the verb.
CROWD_IN_PASSIVE = {
 "en": "On Sunday, two police officers were attacked by villagers in Kisumu.",
 "ro": "Duminică, doi polițiști au fost atacați de către săteni în Bacău.",
 "fr": "Dimanche, deux policiers ont été attaqués par des villageois à Bouaké.",
 "es": "El domingo, dos policías fueron atacados por vecinos en Puebla.",
 "it": "Domenica due poliziotti sono stati aggrediti da alcuni abitanti a Catania.",
 "pl": "W niedzielę dwóch policjantów zostało zaatakowanych przez mieszkańców w Lublinie.",
}


@pytest.mark.parametrize("language,text", CROWD_IN_PASSIVE.items())
def test_state_forces_attacked_by_a_crowd_is_mob_violence(pipeline, language, text):
    assert [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events] == [("Riots", "Mob violence")]


def test_state_forces_shot_by_a_man_is_a_clash_and_a_man_shot_by_police_an_attack(pipeline):
    assert _coded(pipeline, "On Sunday, two police officers were shot by a man in Kisumu.") == [("Battles", "Armed clash")]
    assert _coded(pipeline, "On Sunday, a man was shot by police in Kisumu.") == [("Violence against civilians", "Attack")]


ARMED_WRECKING = {
 "en": "On Friday, al-Shabaab militants torched a telecom mast in Jilib.",
 "ro": "Vineri, militanții al-Shabaab au vandalizat o școală în Jilib.",
 "ru": "В пятницу боевики «Аш-Шабаб» подожгли школу в Джилибе.",
 "uk": "У п'ятницю бойовики «Аль-Шабаб» підпалили школу в Джилібі.",
 "fr": "Vendredi, des militants d'al-Shabaab ont vandalisé une école à Jilib.",
 "es": "El viernes, milicianos de al-Shabaab vandalizaron una escuela en Jilib.",
 "de": "Am Freitag haben Al-Shabaab-Kämpfer in Jilib eine Schule verwüstet.",
 "it": "Venerdì i miliziani di al-Shabaab hanno vandalizzato una scuola a Jilib.",
 "pl": "W piątek bojownicy al-Shabaab zdewastowali szkołę w Jilib.",
}


@pytest.mark.parametrize("language,text", ARMED_WRECKING.items())
def test_an_armed_group_wrecking_property_is_property_destruction_not_a_riot(pipeline, language, text):
    coded = [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events]
    assert coded == [("Strategic developments", "Looting/property destruction")]


def test_rioters_wrecking_property_still_riot(pipeline):
    assert _coded(pipeline, "On Friday, rioters vandalised a school in Djibo and clashed with police.") == [("Riots", "Violent demonstration")]


CONTROLLED_DETONATION = {
 "en": "On Tuesday, police detonated a bomb left outside a mosque in Kano.",
 "ro": "Marți, pirotehniștii au detonat o bombă lăsată lângă o moschee din Kano.",
 "ru": "Во вторник саперы подорвали бомбу, оставленную у мечети в Кано.",
 "uk": "У вівторок сапери підірвали бомбу, залишену біля мечеті в Кано.",
 "fr": "Mardi, les démineurs ont fait exploser une bombe laissée devant une mosquée à Kano.",
 "es": "El martes, los artificieros detonaron una bomba dejada frente a una mezquita en Kano.",
 "de": "Am Dienstag sprengte die Polizei eine vor einer Moschee in Kano abgelegte Bombe.",
 "it": "Martedì gli artificieri hanno fatto esplodere una bomba lasciata davanti a una moschea a Kano.",
 "pl": "We wtorek saperzy zdetonowali bombę pozostawioną przed meczetem w Kano.",
}


@pytest.mark.parametrize("language,text", CONTROLLED_DETONATION.items())
def test_security_forces_detonating_a_device_disrupt_it(pipeline, language, text):
    coded = [(e.event_type, e.sub_event_type) for e in code(pipeline, text, language).events]
    assert coded == [("Strategic developments", "Disrupted weapons use")]


def test_a_device_near_a_police_post_that_detonated_is_an_explosion(pipeline):
    text = "On Tuesday, an IED planted near a police checkpoint detonated in Kano, killing two people."
    assert _coded(pipeline, text) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


@pytest.mark.parametrize("text, coded", [
    # demonstrators who destroy property make the protest a violent demonstration
    ("On Monday, traders demonstrated against new taxes in Kankan. The demonstrators burned the customs office.",
     [("Riots", "Violent demonstration")]),
    ("On Monday, residents protested in Goma over water cuts. Protesters burnt two police vehicles.",
     [("Riots", "Violent demonstration")]),
    # property burned with no protest stays a destruction of its own
    ("On Monday, gunmen burned the police station in Kidal.", [("Strategic developments", "Looting/property destruction")]),
    # a peaceful protest stays peaceful
    ("On Monday, residents protested in Goma over water cuts. They marched to the governor's office.",
     [("Protests", "Peaceful protest")]),
])
def test_demonstrators_destroying_property_make_a_riot(pipeline, text, coded):
    assert _coded(pipeline, text) == coded

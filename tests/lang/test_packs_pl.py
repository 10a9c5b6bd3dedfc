"""Polish pack (sitrep/lang/packs/pl): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, assert_first_number, dates_in, first_date, labels, numbers_in, pack_fixture, source_labels

CODE = "pl"
pack = pack_fixture(CODE)


EVENT_CASES = [
    ("Rebelianci zestrzelili wojskowy śmigłowiec.", "Battles/Armed clash"),
    ("Pod miastem trwają ciężkie walki.", "Battles/Armed clash"),
    ("Doszło do starcia z grupą dywersyjną.", "Battles/Armed clash"),
    ("W nocy wybuchła strzelanina na przejściu granicznym.", "Battles/Armed clash"),
    ("Obrońcy odparli kolejny atak.", "Battles/Armed clash"),
    ("Wojsko odbiło wieś z rąk separatystów.", "Battles/Government regains territory"),
    ("Rebelianci zdobyli lotnisko.", "Battles/Non-state actor overtakes territory"),
    ("Bojownicy przejęli kontrolę nad mostem.", "Battles/Non-state actor overtakes territory"),
    ("Inspektorzy badają użycie broni chemicznej.", "Explosions/Remote violence/Chemical weapon"),
    ("W nocy miasto zaatakowały drony.", "Explosions/Remote violence/Air/drone strike"),
    ("Nalot zniszczył magazyn paliwa.", "Explosions/Remote violence/Air/drone strike"),
    ("Zamachowiec samobójca wysadził się przed meczetem.", "Explosions/Remote violence/Suicide bomb"),
    ("Na teren suszarni spadła rakieta.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Miasto znalazło się pod ostrzałem artylerii.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Pocisk spadł na plac przy szkole.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Ciągnik najechał na minę przeciwpancerną.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Do eksplozji doszło we wtorek po południu.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Napastnik rzucił granat na podwórze.", "Explosions/Remote violence/Grenade"),
    ("Raport opisuje gwałty popełnione przez żołnierzy.", "Violence against civilians/Sexual violence"),
    ("Żołnierze rozstrzelali cywilów przy drodze.", "Violence against civilians/Attack"),
    ("Świadkowie opisują masakrę na rynku.", "Violence against civilians/Attack"),
    ("Bojówka porwała trzech pracowników humanitarnych.", "Violence against civilians/Abduction/forced disappearance"),
    ("Porywacze przetrzymują zakładników.", "Violence against civilians/Abduction/forced disappearance"),
    ("Przed ambasadą odbyła się demonstracja.", "Protests/Peaceful protest"),
    ("Rolnicy rozpoczęli strajk.", "Protests/Peaceful protest"),
    ("Policja rozpędziła manifestację pod sejmem.", "Protests/Protest with intervention"),
    ("Siły bezpieczeństwa otworzyły ogień do protestujących.", "Protests/Excessive force against protesters"),
    ("W stolicy wybuchły zamieszki.", "Riots/Violent demonstration"),
    ("Policja użyła gazu łzawiącego.", "Protests/Protest with intervention"),
    ("Rozwścieczony tłum zlinczował podejrzanego.", "Riots/Mob violence"),
    ("Strony podpisały porozumienie o zawieszeniu broni.", "Strategic developments/Agreement"),
    ("Doszło do wymiany jeńców.", "Strategic developments/Agreement"),
    ("Policja zatrzymała dwóch mężczyzn.", "Strategic developments/Arrests"),
    ("Polska podniosła gotowość bojową części jednostek.", "Strategic developments/Change to group/activity"),
    ("Rząd wprowadził stan wyjątkowy.", "Strategic developments/Change to group/activity"),
    ("Obrona przeciwlotnicza zestrzeliła dwa drony.", "Strategic developments/Disrupted weapons use"),
    ("Saperzy unieszkodliwili niewybuch.", "Strategic developments/Disrupted weapons use"),
    ("Najemnicy założyli w lesie nową bazę.", "Strategic developments/Headquarters or base established"),
    ("Szabrownicy splądrowali sklepy.", "Strategic developments/Looting/property destruction"),
    ("Garnizon oddał miasto bez walki.", "Strategic developments/Non-violent transfer of territory"),
    ("Władze zarządziły ewakuację mieszkańców.", "Strategic developments/Other"),
    ("Atak nastąpił przed świtem.", "_attack"),
]


@pytest.mark.parametrize("text, label", EVENT_CASES)
def test_event_triggers(pack, text, label):
    assert label in labels(pack, "events", text)


NOT_EVENT_CASES = [
    ("Wieczorem prezydent wygłosił orędzie.", "Protests/Peaceful protest"),  # wiec*
    ("Marszałek sejmu zwołał posiedzenie.", "Protests/Peaceful protest"),  # marsz*
    ("Gwałtowne opady zalały drogi.", "Violence against civilians/Sexual violence"),  # gwałt*
    ("Miał na sobie granatowy mundur.", "Explosions/Remote violence/Grenade"),  # granat*
    ("Wieś jest zamieszkała przez rolników.", "Riots/Violent demonstration"),  # zamieszk*
    ("Rzecznik tłumaczy decyzję rządu.", "Riots/Mob violence"),  # tłum*
    ("Broń małego kalibru trafiła do magazynu.", "Explosions/Remote violence/Shelling/artillery/missile attack"),  # kalibr*
]


@pytest.mark.parametrize("text, label", NOT_EVENT_CASES)
def test_not_event_triggers(pack, text, label):
    assert label not in labels(pack, "events", text)


def test_claim_and_source_false_friends(pack):
    assert "killed" not in labels(pack, "claims", "Zabiegi dyplomatyczne trwają.")  # zabi*
    assert "killed" not in labels(pack, "claims", "Plan polega na wycofaniu wojsk.")  # poleg*
    # twierdz* would catch "twierdzy" (fortress); "twierdza" itself folds like "twierdzą" (they claim).
    assert "claimed" not in labels(pack, "certainty", "Obrońcy twierdzy walczyli tygodniami.")
    assert "authorities" not in source_labels(pack, "Takie ataki zdarzają się rzadko.")  # rząd* → rzad*
    assert "residents" not in source_labels(pack, "Miejscowość leży przy granicy.")  # miejscow*


CERTAINTY_CASES = [
    ("Najprawdopodobniej był to nieszczęśliwy wypadek.", "likely"),
    ("Rakieta najpewniej pochodziła z obrony przeciwlotniczej.", "likely"),
    ("Rzekomo zginęło dwudziestu żołnierzy.", "likely"),
    ("Podobno w kolumnie były czołgi.", "likely"),
    ("Według wstępnych informacji rannych jest pięć osób.", "likely"),
    ("W ataku miało zginąć trzech cywilów.", "likely"),
    ("To niepotwierdzone informacje.", "unconfirmed"),
    ("Resort nie potwierdził tych doniesień.", "unconfirmed"),
    ("Rosjanie twierdzą, że zajęli wieś.", "claimed"),
    ("Ministerstwo zaprzeczyło doniesieniom.", "denied"),
    ("Rzecznik zdementował te informacje.", "denied"),
    ("MSZ potwierdziło śmierć dwóch obywateli.", "confirmed"),
    ("Agencja poinformowała o eksplozji.", "reported"),
]


@pytest.mark.parametrize("text, label", CERTAINTY_CASES)
def test_certainty_cues(pack, text, label):
    assert label in labels(pack, "certainty", text)


CLAIM_CASES = [
    ("Zginęło dwóch mieszkańców.", "killed"),
    ("Zabitych zostało pięciu żołnierzy.", "killed"),
    ("Liczba ofiar wzrosła do 12.", "killed"),
    ("Troje dzieci zostało rannych.", "injured"),
    ("Dziesięć osób trafiło do szpitala.", "injured"),
    ("Policja zatrzymała czterech mężczyzn.", "detained"),
    ("Do niewoli trafiło 40 żołnierzy.", "detained"),
    ("Dwóch rybaków zaginęło.", "missing"),
    ("Wróg zdobył miasto.", "captured"),
    ("Rebelianci przejęli kontrolę nad lotniskiem.", "captured"),
    ("Armia kontroluje połowę miasta.", "controls"),
    ("Nikt nie zginął.", "zero"),
    ("Brak ofiar śmiertelnych.", "zero"),
    ("Celem operacji jest utworzenie strefy buforowej.", "aim"),
    ("W kolumnie było 20 pojazdów, w tym czołgi.", "size"),
    ("Grupa wzięła na siebie odpowiedzialność za zamach.", "perpetrator"),
    ("Kijów oskarżył Moskwę o atak.", "perpetrator"),
    ("Dywersanci byli przebrani za policjantów.", "identity"),
]


def test_none_word_after_the_noun(pack):
    # "Ofiar śmiertelnych nie było": Polish may put the none-word after the noun.
    assert_cue(pack, "claims", "zero_after", "Ofiar śmiertelnych nie było, rannych nie odnotowano.")


@pytest.mark.parametrize("text, label", CLAIM_CASES)
def test_claim_cues(pack, text, label):
    assert label in labels(pack, "claims", text)


ATTRIBUTION_CASES = [
    ("Według resortu zdjęcia pokazują szczątki pocisku.", "according_to"),
    ("Jak podaje PAP, w nocy słychać było wybuchy.", "according_to"),
    ("Jak przekazał rzecznik, sytuacja jest stabilna.", "according_to"),
    ("Agencja, powołując się na źródła, podała liczbę ofiar.", "according_to"),
    ("Prezydent powiedział, że nic nie wskazuje na atak.", "speech_verbs"),
    ("MSZ poinformowało o wezwaniu ambasadora.", "speech_verbs"),
    ("Minister oświadczył, że granica jest bezpieczna.", "speech_verbs"),
    ("Rzecznik podkreślił, że to prowokacja.", "speech_verbs"),
    ("Generał w rozmowie z PAP ocenił sytuację.", "via"),
]


@pytest.mark.parametrize("text, key", ATTRIBUTION_CASES)
def test_attribution_cues(pack, text, key):
    assert_cue(pack, "attribution", key, text)


SOURCE_CASES = [
    ("Rosyjskie media podały ...", "press"),
    ("Media państwowe pokazały ...", "state media"),
    ("Władze lokalne poinformowały ...", "governor"),
    ("Władze Rosji twierdzą ...", "authorities"),
    ("MON przekazało ...", "Ministry of Defence"),
    ("Ministerstwo Obrony Rosji zaprzeczyło ...", "Ministry of Defence"),
    ("MSZ potwierdziło ...", "Ministry of Foreign Affairs"),
    ("Sztab Generalny podał ...", "general staff"),
    ("Wojewoda przekazał ...", "governor"),
    ("Prokuratura prowadzi śledztwo ...", "police"),
    ("Kanały na Telegramie piszą ...", "social media channels"),
    ("Przedstawiciel amerykańskiego wywiadu powiedział ...", "intelligence"),
    ("Eksperci oceniają ...", "experts"),
    ("Mieszkańcy Przewodowa mówią ...", "residents"),
    ("Według ONZ ...", "United Nations"),
]


@pytest.mark.parametrize("text, name", SOURCE_CASES)
def test_source_nouns(pack, text, name):
    assert name in source_labels(pack, text)


NUMBER_CASES = [
    ("zginęło dwóch mieszkańców", 2),
    ("blisko sto pocisków", 100),
    ("trzej żołnierze", 3),
    ("dwadzieścia pięć osób", 25),
    ("pięciu rannych", 5),
    ("trzy tysiące uchodźców", 3000),
    ("tuzin czołgów", 12),
]


@pytest.mark.parametrize("text, value", NUMBER_CASES)
def test_number_words(pack, text, value):
    assert_first_number(pack, text, value)


def test_number_bounds_and_vague(pack):
    found = numbers_in(pack, "co najmniej 12 zabitych i dziesiątki rannych")
    assert found[0].value == 12 and found[0].bound == "lower"
    assert any(n.value is None for n in found)
    assert all(n.value is None for n in numbers_in(pack, "tysiące ludzi wyszły na ulice"))


def test_dates(pack):
    assert first_date(pack, "Od 19 do 22 kwietnia trwały walki.") == ("2023-04-19", "2023-04-22", 2)
    assert dates_in(pack, "Grupę założono w marcu.")[0].precision == 3
    assert "maja" in pack.section("dates", "ambiguous_months")  # folded "mają" (they have)


CONTEXT_CASES = [
    ("Starć w samym mieście nie odnotowano.", "negation_after"),
    ("Rosja regularnie ostrzeliwuje miasto.", "generic"),
    ("Wieś wielokrotnie była celem ataków.", "generic"),
    ("Moskwa grozi uderzeniem.", "irrealis"),
    ("Nie doszło do starć.", "negation"),
]


@pytest.mark.parametrize("text, key", CONTEXT_CASES)
def test_context_cues(pack, text, key):
    assert_cue(pack, "context", key, text)

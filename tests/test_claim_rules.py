"""Claim rules: who speaks, what a figure counts, and which claims cannot both be true.
Short texts written by the team; real packs and gazetteer."""

import datetime as dt

import pytest

from sitrep.model import Claim, Document, Span
from sitrep.pipeline import Pipeline
from sitrep.resolve.contradictions import claims_conflict


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def code(pipeline, text, language):
    return pipeline.extract(Document(id="t", text=text, language=language, published=dt.date(2024, 3, 12)))


def make(attribute, value, source, certainty, subject=None):
    return Claim(id=f"c{abs(hash((attribute, value, source, certainty))) % 1000}", event="e1", attribute=attribute,
                 value=value, subject=subject, source=source, source_type=None, certainty=certainty,
                 text="x", evidence=Span(start=0, end=1))


@pytest.mark.parametrize("a, b, conflict", [
    # Denying the culprit leaves the happening standing.
    (make("occurred", None, "Witnesses", "reported"), make("perpetrator", None, "Army", "denied"), False),
    (make("perpetrator", "Army", "Rebels", "claimed"), make("perpetrator", None, "Army", "denied"), True),
    # Denying the happening answers anything said to have happened in it.
    (make("killed", None, "Rebels", "claimed"), make("occurred", None, "Army", "denied"), True),
    (make("killed", 0, "Rebels", "asserted"), make("occurred", None, "Army", "denied"), False),
    # An unquantified loss against "no deaths", and against a denial of any deaths.
    (make("killed", None, "Rebels", "claimed"), make("killed", 0, "Army", "asserted"), True),
    (make("killed", None, "Rebels", "claimed"), make("killed", None, "Army", "denied"), True),
    (make("killed", 12, "Rebels", "claimed"), make("killed", None, "Army", "denied"), True),
    (make("killed", 0, "Rebels", "asserted"), make("killed", None, "Army", "denied"), False),
    (make("killed", None, "Rebels", "claimed"), make("killed", 40, "Army", "reported"), False),
    # A denial of the happening does not answer a statement about something else.
    (make("other", None, "Mayor", "reported"), make("occurred", None, "Army", "denied"), False),
    (make("other", None, "Mayor", "reported"), make("perpetrator", None, "Army", "denied"), False),
    # "Nobody was hurt" leaves no room for the other side's dead.
    (make("injured", 0, "Ministry", "reported", "military"), make("killed", None, "Rebels", "claimed", "military"), True),
    (make("injured", 0, "Ministry", "reported", "military"), make("killed", 12, "Rebels", "claimed", "civilians"), False),
])
def test_which_claims_conflict(a, b, conflict):
    assert bool(claims_conflict(a, b)) is conflict


def test_speaker_after_a_comma_is_the_subject_not_a_victim(pipeline):
    result = code(pipeline, "A man was killed and a woman was injured in the shelling of Kherson, the regional governor said.", "en")
    assert {c.source for c in result.claims if c.attribute in ("killed", "injured")} == {"Governor"}


def test_apposition_describes_the_name_before_it(pipeline):
    result = code(pipeline, "Olena Koval, an adviser to the regional council, wrote that three people were killed in Kherson.", "en")
    killed = [c for c in result.claims if c.attribute == "killed"]
    assert killed and killed[0].source == "Olena Koval"


@pytest.mark.parametrize("text, language, attribute, value", [
    ("The shelling of Kherson killed a 60-year-old resident, the governor said.", "en", "killed", 1),
    ("O femeie a murit și un bărbat a fost rănit în atacul de la Odesa, a anunțat guvernatorul.", "ro", "injured", 1),
])
def test_an_article_counts_one_person(pipeline, text, language, attribute, value):
    assert any(c.attribute == attribute and c.value == value for c in code(pipeline, text, language).claims)


def test_an_article_before_a_thing_is_not_a_count(pipeline):
    text = "Un atac cu rachete a lovit Odesa. Ministerul nu a publicat o listă nominală a victimelor."
    assert not any(c.value == 1 for c in code(pipeline, text, "ro").claims if c.attribute == "killed")


@pytest.mark.parametrize("text, language", [
    ("The rebels said the army's strike on Goma had killed a huge number of their fighters.", "en"),
    ("Губернатор заявив, що обстріл Херсона вбив велику кількість людей.", "uk"),
    ("Губернатор заявил, что обстрел Херсона убил огромное количество людей.", "ru"),
])
def test_a_vague_toll_is_an_unquantified_count(pipeline, text, language):
    killed = [c for c in code(pipeline, text, language).claims if c.attribute == "killed"]
    assert killed and killed[0].value is None and killed[0].source


@pytest.mark.parametrize("text, language, whole, part, subject", [
    ("The governor said 12 people were killed, including three children, and 30 were injured.", "en", 12, 3, "children"),
    ("По словам губернатора, погибли 14 человек, в том числе трое детей.", "ru", 14, 3, "children"),
    ("Potrivit guvernatorului, au murit 14 oameni, printre care trei copii.", "ro", 14, 3, "children"),
])
def test_a_part_of_a_toll_is_a_count_of_its_own_victims(pipeline, text, language, whole, part, subject):
    result = code(pipeline, text, language)
    killed = {c.value: c for c in result.claims if c.attribute == "killed"}
    assert whole in killed and part in killed and killed[part].subject == subject
    assert killed[part].source == killed[whole].source
    event = next(e for e in result.events if killed[whole].id in e.claims)
    assert event.fatalities == whole  # the part is not the lowest figure


@pytest.mark.parametrize("text, language", [
    ("Police said 5,000 people took part in the protest in Chisinau; organisers put the figure at more than 30,000.", "en"),
    ("Poliția spune că la marșul din Chișinău au participat 5.000 de oameni; organizatorii susțin că au fost peste 30.000.", "ro"),
])
def test_a_bare_figure_of_another_speaker_competes(pipeline, text, language):
    result = code(pipeline, text, language)
    sizes = {c.value: c for c in result.claims if c.attribute == "size"}
    assert {5000, 30000} <= set(sizes) and sizes[30000].source == "Organisers" and sizes[5000].source == "Police"
    assert any(set(x.claims) == {sizes[5000].id, sizes[30000].id} for x in result.contradictions)


def test_a_figure_before_its_noun_with_a_particle_is_the_size(pipeline):
    result = code(pipeline, "Potrivit armatei ucrainene, din cele 25 de drone lansate asupra Odesei, 22 au fost doborâte.", "ro")
    assert any(c.attribute == "size" and c.value == 25 for c in result.claims)


@pytest.mark.parametrize("text, language", [
    ("The army said the operation near Gao had neutralised 40 terrorists.", "en"),
    ("L'armée a indiqué que l'opération près de Gao avait neutralisé 40 terroristes.", "fr"),
])
def test_neutralised_is_a_military_word_for_killed(pipeline, text, language):
    assert any(c.attribute == "killed" and c.value == 40 for c in code(pipeline, text, language).claims)


@pytest.mark.parametrize("text, language, speaker", [
    ("Kremlin spokesman Dmitry Peskov said the criminal case against the commander would be dropped.", "en", "Dmitry Peskov"),
    ("The UN human rights chief, Volker Türk, said at least 12 civilians were killed in the strike on Kherson.", "en", "Volker Türk"),
])
def test_the_person_holding_an_office_speaks(pipeline, text, language, speaker):
    assert {c.source for c in code(pipeline, text, language).claims} == {speaker}


def test_a_statement_about_no_happening_is_other(pipeline):
    result = code(pipeline, "Kremlin spokesman Dmitry Peskov said the criminal case against the commander would be dropped.", "en")
    assert [c.attribute for c in result.claims] == ["other"]


def test_a_clock_time_is_not_a_count(pipeline):
    result = code(pipeline, "13:15 - The army says its fighters shot down two drones over Khartoum this morning.", "en")
    assert all(c.value != 15 for c in result.claims)


def test_calling_a_claim_a_fabrication_denies_it(pipeline):
    text = ("The RSF says its fighters shot down a fighter jet over Khartoum this morning. The army said it had lost "
            "no aircraft and called the claim a fabrication.")
    result = code(pipeline, text, "en")
    army = [c for c in result.claims if c.source and "army" in c.source.lower()]
    assert army and army[0].certainty == "denied"
    assert result.contradictions


def test_a_control_claim_about_the_city_is_about_the_town_named_before(pipeline):
    text = ("Rebel spokesman Lawrence Kanyuka said on Monday that the rebels had captured Goma. "
            "The government disputes this: its spokesman, Patrick Muyaya, says the army still controls strategic positions in the city.")
    result = code(pipeline, text, "en")
    held = [c for c in result.claims if c.attribute in ("captured", "controls")]
    assert [(c.value, c.source) for c in held] == [("Goma", "Lawrence Kanyuka"), ("Goma", "Patrick Muyaya")]
    assert any(set(x.claims) == {held[0].id, held[1].id} for x in result.contradictions)


def test_a_demonstrative_before_a_colon_does_not_speak(pipeline):
    text = ("Purtătorul de cuvânt al rebelilor, Lawrence Kanyuka, a anunțat luni că rebelii au cucerit Goma. "
            "Guvernul contestă această versiune: purtătorul său de cuvânt, Patrick Muyaya, susține că armata controlează orașul.")
    controls = [c for c in code(pipeline, text, "ro").claims if c.attribute == "controls"]
    assert controls and controls[0].source == "Patrick Muyaya"


@pytest.mark.parametrize("text, language, culprit", [
    ("Il gruppo jihadista al-Shabaab, affiliato ad al-Qaeda, ha rivendicato l'attacco contro il convoglio a Mogadiscio.", "it", "Al Shabaab"),
    ("The Islamic State group claimed responsibility for the bombing in Kabul that killed 12 people.", "en", "Islamic State"),
])
def test_who_claims_responsibility_is_the_culprit(pipeline, text, language, culprit):
    result = code(pipeline, text, language)
    assert {c.value for c in result.claims if c.attribute == "perpetrator"} == {culprit}
    assert all(c.certainty == "claimed" for c in result.claims if c.attribute == "perpetrator")


@pytest.mark.parametrize("text, language, certainty", [
    ("Investigators concluded that at least 500 people were killed in Moura, most of them executed by Malian soldiers.", "en", "reported"),
    ("Potrivit armatei ucrainene, trei civili au fost uciși de militari ruși în satul Ivanivka.", "ro", "claimed"),
])
def test_a_passive_harm_verb_names_its_doer(pipeline, text, language, certainty):
    blame = [c for c in code(pipeline, text, language).claims if c.attribute == "perpetrator"]
    assert blame and blame[0].value and blame[0].certainty == certainty


def test_denying_a_statement_without_a_figure_denies_the_happening(pipeline):
    text = ("Командир заявив, що російська армія завдала ракетного удару по таборах під Ростовом і вбила велику кількість його бійців. "
            "Міністерство оборони РФ назвало ці твердження провокацією і заперечило будь-які удари.")
    result = code(pipeline, text, "uk")
    denial = [c for c in result.claims if c.certainty == "denied"]
    assert denial and denial[0].attribute == "occurred"
    killed = [c for c in result.claims if c.attribute == "killed"]
    assert killed and any(set(x.claims) == {killed[0].id, denial[0].id} for x in result.contradictions)


@pytest.mark.parametrize("text, language", [
    ("The governor said 20 civilians and 12 militants were killed in the fighting in Kherson.", "en"),
    ("Potrivit guvernatorului, 20 de civili și 12 militanți au fost uciși în luptele de la Herson.", "ro"),
])
def test_counts_of_two_sides_add_up(pipeline, text, language):
    result = code(pipeline, text, language)
    killed = {c.value: c.subject for c in result.claims if c.attribute == "killed"}
    assert killed == {20: "civilians", 12: "militants"}
    assert [e.fatalities for e in result.events] == [32]


def test_no_deaths_without_a_figure_does_not_break_coordination(pipeline):
    result = code(pipeline, "Il ministero ha detto che non ci sono vittime tra i soldati italiani a Mogadiscio.", "it")
    assert any(c.attribute == "killed" and c.value == 0 for c in result.claims)


@pytest.mark.parametrize("text, language, speaker", [
    ("Kyiv said Russian drones hit the port of Izmail overnight, killing two workers.", "en", "Government of Ukraine"),
    ("Bucureștiul a negat inițial că vreo dronă rusească ar fi căzut pe teritoriul României.", "ro", "Government of Romania"),
])
def test_a_capital_speaking_is_its_government(pipeline, text, language, speaker):
    assert {c.source for c in code(pipeline, text, language).claims} == {speaker}


def test_one_quoted_capitalised_word_names_an_organisation(pipeline):
    result = code(pipeline, "Компания «Укрзализныця» сообщила о 30 погибших на вокзале в Краматорске.", "ru")
    assert {c.source for c in result.claims if c.attribute == "killed"} == {"Ukrzaliznytsya"}


@pytest.mark.parametrize("text, language, expected", [
    ("Almeno 70 persone sono state uccise e 19 ferite in un attacco contro l'ospedale di El Fasher.", "it",
     {("killed", 70), ("injured", 19)}),
    ("Russia's Defence Ministry said Ukrainian forces had struck the prison in Olenivka, killing 40 prisoners and injuring 75.", "en",
     {("killed", 40), ("injured", 75)}),
    ("The government said police had tried to hold the prison in Port-au-Prince. It did not give a figure for deaths.", "en", set()),
    ("Служба безпеки заявила, що на місці удару по Києву знайдено уламки ракети Х-101.", "uk", set()),
])
def test_what_a_figure_counts(pipeline, text, language, expected):
    found = {(c.attribute, c.value) for c in code(pipeline, text, language).claims if isinstance(c.value, int)}
    assert found == expected


@pytest.mark.parametrize("text, language", [
    ("Росія вчора завдала одного з наймасованіших ракетних ударів по Києву.", "uk"),
    ("One of the missiles exploded near the university in Sumy, the governor said.", "en"),
])
def test_one_of_a_group_is_not_a_size(pipeline, text, language):
    assert not [c for c in code(pipeline, text, language).claims if c.attribute == "size"]


def test_a_part_named_with_in_particular(pipeline):
    result = code(pipeline, "У Сумах загинули 35 людей. Ще 117 людей отримали поранення, зокрема 15 дітей.", "uk")
    assert ("injured", 15, "children") in {(c.attribute, c.value, c.subject) for c in result.claims}


def test_an_acronym_source_needs_its_capitals(pipeline):
    result = code(pipeline, "Residents who fled Bakhmut said three people were killed in the shelling.", "en")
    assert {c.source for c in result.claims if c.attribute == "killed"} == {"Residents"}


@pytest.mark.parametrize("text, language, source", [
    ("The WHO said at least 705 people had been killed in the fighting in Khartoum.", "en", "World Health Organization"),
    ("The UN human rights office said 500 people were killed in Moura.", "en", "UN human rights office"),
    ("ВООЗ повідомила, що в Хартумі загинули 705 людей.", "uk", "World Health Organization"),
])
def test_un_agencies_keep_their_names(pipeline, text, language, source):
    assert {c.source for c in code(pipeline, text, language).claims if c.attribute == "killed"} == {source}


def test_the_report_is_its_authors_and_the_account_runs_on(pipeline):
    text = ("On Friday the UN human rights office published its findings on the killings in Moura. According to the report, "
            "a military helicopter fired at people in the market. About 20 civilians and a dozen militants died in that first exchange.")
    result = code(pipeline, text, "en")
    killed = [c for c in result.claims if c.attribute == "killed"]
    assert killed and all(c.source == "UN human rights office" and c.certainty == "reported" for c in killed)


def test_an_article_does_not_join_two_names(pipeline):
    result = code(pipeline, "In a statement on Twitter the RSF blamed the army for the shelling of Omdurman.", "en")
    assert {c.source for c in result.claims} == {"Rapid Support Forces"}


@pytest.mark.parametrize("text, language", [
    ("Saudi Arabia and the United States said the army and the RSF signed a ceasefire agreement in Jeddah.", "en"),
    ("The doctors' union says shells hit houses in Omdurman, killing 12 civilians.", "en"),
])
def test_only_violence_has_a_culprit_and_victims_are_none(pipeline, text, language):
    assert not [c for c in code(pipeline, text, language).claims if c.attribute == "perpetrator"]


def test_a_pronoun_after_say_is_not_the_speaker_when_someone_stands_before(pipeline):
    text = ("A mechanism with Saudi and US representatives will track violations. "
            "Despite the deal, residents of Khartoum North, also known as Bahri, say they heard air strikes before dawn.")
    assert {c.source for c in code(pipeline, text, "en").claims} == {"Residents"}


@pytest.mark.parametrize("text, language, source", [
    ("The Malian army tells a different story. In a statement on 1 April, its general staff said the operation in Moura had killed 203 terrorists.", "en", "Malian army"),
    ("Guvernul de la Kinshasa a transmis un comunicat. Purtătorul său de cuvânt a declarat că 12 soldați au fost uciși la Goma.", "ro", "Authorities"),
])
def test_a_possessed_noun_belongs_to_the_body_named_before(pipeline, text, language, source):
    assert {c.source for c in code(pipeline, text, language).claims if c.attribute == "killed"} == {source}


@pytest.mark.parametrize("text, language, source, via", [
    ("A senior Ukrainian official told Reuters that five soldiers were killed near Bakhmut.", "en", "Ukrainian authorities", "Reuters"),
    ("The Kyiv Independent, citing the regional governor, reported that five people were killed in Kherson.", "en", "Governor", "Kyiv Independent"),
    ("Five people were killed in Kherson, AFP reported, citing the regional governor.", "en", "Governor", "AFP"),
    ("Агентство Интерфакс, ссылаясь на губернатора, сообщило, что в Белгороде погибли пять человек.", "ru", "Governor", "Interfax"),
])
def test_the_outlet_that_cites_relays(pipeline, text, language, source, via):
    killed = [c for c in code(pipeline, text, language).claims if c.attribute == "killed"]
    assert [(c.source, c.via) for c in killed] == [(source, via)]


def test_the_doer_of_a_passive_attack_acts(pipeline):
    result = code(pipeline, "Two police officers were injured in an attack by a mob in Dhaka on Monday.", "en")
    assert [e.actor1 for e in result.events] == ["Rioters (Bangladesh)"]


def test_a_capital_that_demands_speaks(pipeline):
    result = code(pipeline, "Kijów zażądał w środę dostępu do miejsca eksplozji w Przewodowie.", "pl")
    assert all(e.location is None or e.location.name != "Kyiv" for e in result.events)


@pytest.mark.parametrize("text, language, attribute", [
    ("Nessuno dei nostri soldati è rimasto ferito a Mogadiscio, ha assicurato il ministero della Difesa.", "it", "injured"),
    ("None of our soldiers were injured in the attack on the convoy in Mogadishu, the ministry said.", "en", "injured"),
])
def test_none_of_a_group_is_a_count_of_none(pipeline, text, language, attribute):
    assert (attribute, 0) in {(c.attribute, c.value) for c in code(pipeline, text, language).claims}


def test_not_knowing_how_many_died_is_no_count_of_none(pipeline):
    text = "No one knows how many people were killed in the attack on the convoy in Mogadishu, the ministry said."
    assert all(c.value != 0 for c in code(pipeline, text, "en").claims)


@pytest.mark.parametrize("text, language, culprits", [
    ("Il Comando degli Stati Uniti per l'Africa (Africom) ha fatto sapere che l'attacco a Mogadiscio è stato respinto.", "it", set()),
    ("Russian forces shelled Kherson overnight, the governor said.", "en", {"Military Forces of Russia"}),
])
def test_the_speakers_own_name_is_no_culprit(pipeline, text, language, culprits):
    assert {c.value for c in code(pipeline, text, language).claims if c.attribute == "perpetrator"} == culprits


def test_a_population_that_remains_is_a_size(pipeline):
    text = "Губернатор Вадим Філашкін заявив, що в 27 населених пунктах Покровського району досі залишаються понад 4 тисячі дітей."
    assert ("size", 4000) in {(c.attribute, c.value) for c in code(pipeline, text, "uk").claims}


def test_a_part_of_a_toll_does_not_contradict_another_sources_total(pipeline):
    text = ("The governor said 50 people were killed at the station in Kramatorsk, including five children. "
            "Ukrainian Railways had earlier said that 30 people were killed.")
    result = code(pipeline, text, "en")
    notes = sorted(x.note for x in result.contradictions)
    assert notes and all("5 " not in n for n in notes)


def test_an_attribution_cue_starts_no_name(pipeline):
    result = code(pipeline, "Nach Angaben des Innenministeriums wurden in Tiflis 107 Menschen festgenommen.", "de")
    assert {c.source for c in result.claims} == {"Ministry of Interior"}


@pytest.mark.parametrize("subject, side", [
    ("children", "civilian"), ("Civilians (Sudan)", "civilian"), ("Protesters (Moldova)", "civilian"),
    ("militants", "armed"), ("gunmen", "armed"), ("Military Forces of Turkey", "Military Forces of Turkey"),
    ("PKK: Kurdistan Workers Party", "PKK: Kurdistan Workers Party"), ("бійців", None), (None, None),
])
def test_whose_dead_a_count_is_about(subject, side):
    from sitrep.extract.actors import victims_side
    assert victims_side(subject) == side


def test_a_pronoun_speaker_is_the_person_not_a_country_named_between(pipeline):
    text = ("Șeful poliției, Viorel Popescu, a declarat că planul a fost coordonat din Federația Rusă. "
            "Un ofițer s-a infiltrat în grup, a spus el, iar șapte persoane au fost reținute sâmbătă.")
    result = code(pipeline, text, "ro")
    assert [(c.value, c.source) for c in result.claims if c.attribute == "detained"] == [(7, "Viorel Popescu")]


def test_a_country_from_the_sentence_before_does_not_move_the_event(pipeline):
    text = ("Sute de oameni au protestat sâmbătă la Chișinău.\n\nPoliția a anunțat că protestul a fost coordonat "
            "din Federația Rusă. Șapte persoane au fost reținute duminică, a spus purtătorul de cuvânt.")
    result = code(pipeline, text, "ro")
    arrests = [e for e in result.events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].location.country == "MD"


def test_a_revised_toll_answers_another_sources_figure(pipeline):
    text = ("The health ministry said about 500 people were killed, and the next day revised the figure to 471 dead. "
            "US intelligence estimated that between 100 and 300 people were killed.")
    result = code(pipeline, text, "en")
    by_value = {c.value: c.id for c in result.claims if c.attribute == "killed"}
    pairs = [set(x.claims) for x in result.contradictions]
    assert {by_value[471], by_value[100]} in pairs


def test_who_a_speaker_says_did_it_counts_when_the_event_was_told_already(pipeline):
    text = ('Shells hit houses in Omdurman, Sudan, on Saturday. An army spokesman said the "rebel militia" '
            'had fired indiscriminately at residential areas.')
    blame = [c for c in code(pipeline, text, "en").claims if c.attribute == "perpetrator"]
    assert [(c.source, c.certainty) for c in blame] == [("Army", "claimed")] and blame[0].value


def test_a_lower_case_word_is_no_part_of_a_name(pipeline):
    # "że" after the connector "i" is lower case: "Polskę i że" names nobody
    text = ("Prezydent Andrzej Duda oświadczył, że nic nie wskazuje na celowy atak na Polskę i że "
            "najprawdopodobniej był to nieszczęśliwy wypadek.")
    assert {c.source for c in code(pipeline, text, "pl").claims} == {"Andrzej Duda"}


def test_a_nationality_in_the_heading_before_is_not_the_sources(pipeline):
    text = "A Rosja?\n\nMinisterstwo Obrony Rosji zaprzeczyło, by jego siły atakowały cele w pobliżu granicy."
    assert {c.source for c in code(pipeline, text, "pl").claims} == {"Russian Ministry of Defence"}


def test_a_capital_after_according_to_is_its_government(pipeline):
    result = code(pipeline, "Według Mińska w ataku zginęło pięciu żołnierzy.", "pl")
    assert {c.source for c in result.claims} == {"Government of Belarus"}


def test_an_unknown_outlet_keeps_no_full_stop(pipeline):
    result = code(pipeline, "Militarii au fost uciși, potrivit iNews.", "ro")
    assert {c.source for c in result.claims} == {"iNews"}


def test_a_country_after_a_control_cue_is_no_village_name(pipeline):
    text = "Колони перетнули кордон Ростовської області з окупованих територій України."
    held = [c for c in code(pipeline, text, "uk").claims if c.attribute in ("controls", "captured")]
    assert all(c.value is None for c in held)


def test_a_toll_before_an_attributed_sentence_is_that_sources(pipeline):
    text = "Russian shelling killed two people in Kherson. The same day, according to the governor, drones hit Mykolaiv."
    tolls = [c for c in code(pipeline, text, "en").claims if c.attribute == "killed"]
    assert [(c.value, c.source, c.certainty) for c in tolls] == [(2, "Governor", "reported")]


def test_a_toll_before_another_sources_own_toll_stays_the_outlets(pipeline):
    text = "Russian shelling killed two people in Kherson. Police said three people died."
    tolls = [c for c in code(pipeline, text, "en").claims if c.attribute == "killed"]
    assert [(c.value, c.source) for c in tolls] == [(2, None), (3, "Police")]


@pytest.mark.parametrize("language, text, source, via", [
    ("en", "Russian media reported that the governor said 12 people were killed in Belgorod.", "Governor", "Russian press"),
    ("ro", "Presa franceză a relatat că serviciile de informații militare ale Franței ar fi ajuns la o estimare "
           "de câteva zeci de morți.", "French intelligence", "French press"),
])
def test_an_outlet_reporting_what_a_source_said_relays_it(pipeline, language, text, source, via):
    tolls = [c for c in code(pipeline, text, language).claims if c.attribute == "killed"]
    assert [(c.source, c.via) for c in tolls] == [(source, via)]


@pytest.mark.parametrize("language, text", [
    ("ro", "Deputata Marina Tauber a susținut că ar fi fost reținuți peste o sută de oameni la Chișinău."),
    ("ru", "Депутат утверждает, что в Кишинёве якобы задержаны более ста человек."),
])
def test_the_reportative_under_a_claim_verb_is_the_claim(pipeline, language, text):
    held = [c for c in code(pipeline, text, language).claims if c.attribute == "detained"]
    assert [c.certainty for c in held] == ["claimed"]


def test_a_hedge_without_a_claim_verb_stays_likely(pipeline):
    text = "La Chișinău ar fi fost reținuți peste o sută de oameni."
    held = [c for c in code(pipeline, text, "ro").claims if c.attribute == "detained"]
    assert [c.certainty for c in held] == ["likely"]


def test_a_culprit_named_by_a_role_noun_is_that_side_in_english(pipeline):
    text = ("Clashes broke out in Omdurman, Sudan, on Saturday. In a statement the RSF blamed the army "
            "for the shelling of homes in the city.")
    blame = [c for c in code(pipeline, text, "en").claims if c.attribute == "perpetrator"]
    assert [(c.value, c.source) for c in blame] == [("Sudanese army", "Rapid Support Forces")]


def test_a_source_naming_whose_missiles_fell_names_the_culprit(pipeline):
    text = "AP, citing a senior US intelligence official, reported that Russian missiles fell on Polish territory near Przewodow."
    blame = [c for c in code(pipeline, text, "en").claims if c.attribute == "perpetrator"]
    assert [(c.value, c.source, c.via) for c in blame] == [("Military Forces of Russia", "American intelligence", "Associated Press")]


@pytest.mark.parametrize("language, text, source", [
    ("ru", "Власти ДНР заявили о двадцати погибших в Донецке и обвинили украинскую армию.", "DPR: Donetsk People's Republic"),
    ("en", "The DPR authorities reported 20 dead in Donetsk and accused the Ukrainian army.", "DPR: Donetsk People's Republic"),
    ("ro", "Deputata Marina Tauber a acuzat poliția din Chișinău și a susținut că peste o sută de protestatari au fost reținuți.",
     "Marina Tauber"),
])
def test_a_verb_joined_by_and_keeps_the_first_verbs_subject(pipeline, language, text, source):
    assert {c.source for c in code(pipeline, text, language).claims} == {source}


def test_what_caused_the_deaths_is_a_claim_about_the_culprit(pipeline):
    text = ("A military jet bombed a crowd in Pazigyi village, Myanmar, on Tuesday. A military spokesman said "
            "many of the deaths were caused by ammunition stored at the site exploding.")
    blame = [c for c in code(pipeline, text, "en").claims if c.attribute == "perpetrator" and c.source == "Army"]
    assert [c.certainty for c in blame] == ["claimed"]


@pytest.mark.parametrize("language, text, value, source", [
    ("ro", "Oleksiy Arestovici a declarat că militarii din legiune sunt „o unitate separată rusă, deghizată în Forțele "
           "armate ucrainene”.", "o unitate separată rusă, deghizată în Forțele armate ucrainene", "Oleksiy Arestovici"),
    ("en", "A military spokesman said those killed in Pazigyi were members of the People's Defence Force.",
     "People's Defence Force", "Army"),
])
def test_who_someone_is_said_by_a_source(pipeline, language, text, value, source):
    said = [c for c in code(pipeline, text, language).claims if c.attribute == "identity"]
    assert [(c.value, c.source) for c in said] == [(value, source)]


def test_loose_words_after_an_identity_cue_are_no_identity(pipeline):
    text = "Identitatea partizanilor rămâne neconfirmată, spun surse din serviciile de informații."
    assert not [c for c in code(pipeline, text, "ro").claims if c.attribute == "identity"]


NIGER = ("Niger : des soldats tués dans une embuscade près de la frontière malienne\n\n"
         "Au moins 17 soldats nigériens ont été tués mardi dans une embuscade tendue par des jihadistes près de Koutougou, "
         "dans la région de Tillabéri, a annoncé le ministère de la Défense dans un communiqué. Vingt autres militaires "
         "ont été blessés, selon la même source.\n\nUne source sécuritaire locale a évoqué un bilan plus lourd, d'au moins "
         "25 morts. Le groupe État islamique au Sahel n'a pas revendiqué l'attaque.")


def test_a_short_report_read_whole(pipeline):
    result = code(pipeline, NIGER, "fr")
    # the narrowest division the event's mentions tell; no place inside a group's name
    assert [e.location.admin1 for e in result.events] == ["Tillaberi"]
    counts = {(c.attribute, c.value, c.source) for c in result.claims if c.attribute in ("killed", "injured")}
    # "selon la même source" is the ministry; "a évoqué" is a source's verb; the wounded soldiers are no culprits
    assert counts == {("killed", 17, "Ministry of Defence"), ("injured", 20, "Ministry of Defence"), ("killed", 25, "Source")}
    # a group that has not claimed the attack takes no position
    assert not [c for c in result.claims if c.attribute == "perpetrator"]


def test_a_sides_denial_and_weapons_that_are_no_victims(pipeline):
    text = ("У Міноборони Росії заявили, що удар по Одесі було завдано по ангару з морськими дронами. "
            "Українська сторона ці твердження заперечила.")
    assert [(c.source, c.certainty) for c in code(pipeline, text, "uk").claims if c.certainty == "denied"] == [("Ukrainian side", "denied")]
    text = "The governor said four people were wounded when Ukrainian rockets hit Belgorod."
    assert [c.subject for c in code(pipeline, text, "en").claims if c.attribute == "injured"] == ["civilians"]


@pytest.mark.parametrize("language, text, source", [
    # a person named right after the verb speaks; a village and its district are no person
    ("ru", "В воскресенье вечером ВСУ обстреляли село Октябрьский Белгородского района, сообщил губернатор "
           "Вячеслав Гладков. По его словам, погибли два человека.", "Vyacheslav Gladkov"),
    # the name in apposition after the office speaks
    ("ro", "Armata rusă a atacat cu drone portul Reni, a anunțat guvernatorul regiunii Odesa, Oleh Kiper. "
           "Potrivit acestuia, două persoane au fost rănite.", "Oleh Kiper"),
])
def test_the_speaker_named_after_the_verb(pipeline, language, text, source):
    assert {c.source for c in code(pipeline, text, language).claims if c.attribute in ("killed", "injured")} == {source}


def test_a_polish_thousand_in_the_locative(pipeline):
    text = "Według policji w proteście w Dorohusku wzięło udział około 300 osób, organizatorzy mówią o ponad tysiącu."
    assert {(c.value, c.source) for c in code(pipeline, text, "pl").claims if c.attribute == "size"} == {(300, "Police"), (1000, "Organisers")}


def test_a_dateline_under_a_title_dates_and_places_nothing(pipeline):
    text = ("Gunmen kill 11 villagers in northwest Nigeria\n\nABUJA, July 8 (EEW) - Armed bandits killed at least 11 people "
            "in an attack on a village in Zamfara state on Saturday night, police said on Monday. A local lawmaker put "
            "the death toll at 17.")
    result = pipeline.extract(Document(id="t", text=text, language="en", published=dt.date(2024, 7, 8)))
    first = result.events[0]
    assert first.location.admin1 == "Zamfara" and first.date_start == dt.date(2024, 7, 6)
    assert (17, "Lawmaker") in {(c.value, c.source) for c in result.claims if c.attribute == "killed"}


def test_a_ministry_run_by_a_group_speaks_as_the_ministry(pipeline):
    text = "An Israeli air strike hit an ambulance convoy in Gaza City on Friday, killing 15 people, the Hamas-run health ministry said."
    assert {c.source for c in code(pipeline, text, "en").claims} == {"Ministry of Health"}


def test_an_aim_ends_with_its_clause(pipeline):
    text = ("Poliția din Tbilisi a folosit gaze lacrimogene pentru a dispersa mulțimea, iar 20 de persoane au fost reținute, "
            "potrivit Ministerului de Interne.")
    assert [c.value for c in code(pipeline, text, "ro").claims if c.attribute == "aim"] == ["dispersa mulțimea"]


def test_a_dateline_is_the_place_when_the_story_names_no_other(pipeline):
    text = "KYIV - Russian missiles struck the capital overnight, killing three people, officials said."
    result = pipeline.extract(Document(id="t", text=text, language="en", published=dt.date(2024, 7, 8)))
    assert result.events and result.events[0].location.name == "Kyiv"

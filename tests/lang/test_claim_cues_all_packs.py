"""The same claim rules in every pack: a part of a toll ("including three children"), a claim
of responsibility, a crowd counted by two sides and a toll denied by the other side, one sentence
per language written by the team."""

import datetime as dt

import pytest

from sitrep.model import Document
from sitrep.pipeline import Pipeline

PARTS = [
    ("en", "The governor said 12 people were killed in Kherson, including three children."),
    ("ro", "Guvernatorul a anunțat că 12 oameni au fost uciși la Herson, printre care trei copii."),
    ("ru", "Губернатор сообщил, что в Херсоне погибли 12 человек, в том числе трое детей."),
    ("uk", "Губернатор повідомив, що в Херсоні загинули 12 людей, серед них троє дітей."),
    ("fr", "Le gouverneur a indiqué que 12 personnes ont été tuées à Kherson, dont trois enfants."),
    ("es", "El gobernador dijo que 12 personas murieron en Jersón, entre ellas tres niños."),
    ("de", "Der Gouverneur sagte, in Cherson seien 12 Menschen getötet worden, darunter drei Kinder."),
    ("it", "Il governatore ha detto che 12 persone sono state uccise a Kherson, tra cui tre bambini."),
    ("pl", "Gubernator poinformował, że w Chersoniu zginęło 12 osób, w tym troje dzieci."),
]

RESPONSIBILITY = [
    ("en", "The Islamic State group claimed responsibility for the bombing in Kabul."),
    ("ro", "Gruparea Statul Islamic și-a asumat responsabilitatea pentru atentatul de la Kabul."),
    ("ru", "Группировка «Исламское государство» взяла на себя ответственность за взрыв в Кабуле."),
    ("uk", "Угруповання «Ісламська держава» взяло на себе відповідальність за вибух у Кабулі."),
    ("fr", "Le groupe État islamique a revendiqué l'attentat de Kaboul."),
    ("es", "El grupo Estado Islámico reivindicó el atentado de Kabul."),
    ("de", "Die Gruppe Islamischer Staat bekannte sich zu dem Anschlag in Kabul."),
    ("it", "Il gruppo Stato islamico ha rivendicato l'attentato di Kabul."),
    ("pl", "Państwo Islamskie przyznało się do zamachu w Kabulu."),
]

CROWDS = [
    ("en", "Police said 5,000 people took part in the protest in Chisinau; organisers put the figure at more than 30,000."),
    ("ro", "Poliția spune că la protestul din Chișinău au participat 5.000 de oameni; organizatorii susțin că au fost peste 30.000."),
    ("ru", "Полиция заявила, что в протесте в Кишинёве участвовали 5000 человек; организаторы говорят о более чем 30 000."),
    ("uk", "Поліція заявила, що в протесті в Кишиневі брали участь 5000 людей; організатори кажуть про понад 30 000."),
    ("fr", "La police a indiqué que 5 000 personnes ont participé à la manifestation à Chisinau ; les organisateurs affirment qu'elles étaient plus de 30 000."),
    ("es", "La policía dijo que 5.000 personas participaron en la protesta en Chisináu; los organizadores hablan de más de 30.000."),
    ("de", "Die Polizei sagte, 5000 Menschen hätten an dem Protest in Chisinau teilgenommen; die Veranstalter sprachen von mehr als 30.000."),
    ("it", "La polizia ha detto che 5.000 persone hanno partecipato alla protesta a Chisinau; gli organizzatori parlano di oltre 30.000."),
    ("pl", "Policja podała, że w proteście w Kiszyniowie wzięło udział 5000 osób; organizatorzy mówią o ponad 30 tysiącach."),
]


DENIALS = [
    ("en", "The regional governor said three civilians were killed in the shelling of Kherson. Russia's Defence Ministry denied any civilian deaths."),
    ("ro", "Guvernatorul regiunii a anunțat că trei civili au fost uciși în bombardamentul de la Herson. Ministerul rus al Apărării a negat orice victime civile."),
    ("ru", "Губернатор области сообщил, что при обстреле Херсона погибли три мирных жителя. Министерство обороны России опровергло гибель мирных жителей."),
    ("uk", "Голова обласної військової адміністрації повідомив, що внаслідок обстрілу Херсона загинули троє цивільних. Міністерство оборони Росії заперечило загибель цивільних."),
    ("fr", "Le gouverneur de la région a indiqué que trois civils avaient été tués dans le bombardement de Kherson. Le ministère russe de la Défense a démenti toute victime civile."),
    ("es", "El gobernador de la región dijo que tres civiles murieron en el bombardeo de Jersón. El Ministerio de Defensa ruso negó cualquier víctima civil."),
    ("de", "Der Gouverneur der Region sagte, beim Beschuss von Cherson seien drei Zivilisten getötet worden. Das russische Verteidigungsministerium bestritt zivile Todesopfer."),
    ("it", "Il governatore della regione ha detto che tre civili sono stati uccisi nel bombardamento di Kherson. Il ministero della Difesa russo ha smentito qualsiasi vittima civile."),
    ("pl", "Gubernator obwodu poinformował, że w ostrzale Chersonia zginęło trzech cywilów. Rosyjskie Ministerstwo Obrony zaprzeczyło, by zginęli cywile."),
]

@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def claims(pipeline, language, text):
    return pipeline.extract(Document(id="t", text=text, language=language, published=dt.date(2024, 3, 12))).claims


@pytest.mark.parametrize("language, text", PARTS)
def test_a_part_of_the_toll(pipeline, language, text):
    killed = {(c.value, c.subject, c.source) for c in claims(pipeline, language, text) if c.attribute == "killed"}
    assert killed == {(12, "civilians", "Governor"), (3, "children", "Governor")}


@pytest.mark.parametrize("language, text", RESPONSIBILITY)
def test_the_claimant_is_culprit_and_speaker(pipeline, language, text):
    blame = [c for c in claims(pipeline, language, text) if c.attribute == "perpetrator"]
    assert [(c.value, c.source, c.certainty) for c in blame] == [("Islamic State", "Islamic State", "claimed")]


@pytest.mark.parametrize("language, text", CROWDS)
def test_a_crowd_counted_by_two_sides(pipeline, language, text):
    sizes = {(c.value, c.source) for c in claims(pipeline, language, text) if c.attribute == "size"}
    assert sizes == {(5000, "Police"), (30000, "Organisers")}


@pytest.mark.parametrize("language, text", DENIALS)
def test_a_toll_denied_by_the_other_side(pipeline, language, text):
    result = pipeline.extract(Document(id="t", text=text, language=language, published=dt.date(2024, 3, 12)))
    tolls = [c for c in result.claims if c.attribute == "killed"]
    assert [(c.source, c.certainty) for c in tolls] == [("Governor", "reported"), ("Russian Ministry of Defence", "denied")]
    assert tolls[0].value == 3
    assert [set(x.claims) for x in result.contradictions] == [{tolls[0].id, tolls[1].id}]


WITHOUT_HEAVY_LOSSES = [
    ("en", "The army retook the village near Kupiansk without heavy losses, the ministry said."),
    ("uk", "Міністерство заявило, що армія повернула село біля Куп'янська без великих втрат."),
    ("ru", "Министерство заявило, что армия вернула село под Купянском без больших потерь."),
    ("ro", "Ministerul a anunțat că armata a recucerit satul de lângă Kupiansk fără pierderi mari."),
]


@pytest.mark.parametrize("language, text", WITHOUT_HEAVY_LOSSES)
def test_without_heavy_losses_is_no_count_of_none(pipeline, language, text):
    assert all(c.value != 0 for c in claims(pipeline, language, text))


AGGREGATES = [
    ("en", "Russian shelling killed three people in Kherson on Monday. Since the war began, 705 civilians have been killed in the region, the governor said."),
    ("uk", "Російський обстріл Херсона в понеділок вбив трьох людей. З початку війни в області загинули 705 цивільних, повідомив губернатор."),
    ("ro", "Bombardamentul rusesc de luni asupra Hersonului a ucis trei oameni. De la începutul războiului, în regiune au murit 705 civili, a anunțat guvernatorul."),
]


@pytest.mark.parametrize("language, text", AGGREGATES)
def test_a_toll_over_the_whole_war_is_about_no_one_event(pipeline, language, text):
    result = pipeline.extract(Document(id="t", text=text, language=language, published=dt.date(2024, 3, 12)))
    whole_war = [c for c in result.claims if c.value == 705]
    assert whole_war and whole_war[0].event is None
    assert [e.fatalities for e in result.events] == [3]


# A confirmation that says what it confirms is not an answer to the figure before it; one that
# says "this" is.
CONFIRMS_ITS_OWN = [
    ("en", "A rescue worker said 40 bodies were found in the village. The army spokesman confirmed that the air force had bombed the village."),
    ("ro", "Un salvator a spus că în sat au fost găsite 40 de cadavre. Purtătorul de cuvânt al armatei a confirmat că aviația a bombardat satul."),
    ("ru", "Спасатель сообщил, что в селе нашли 40 тел. Представитель армии подтвердил, что авиация нанесла удар по селу."),
    ("uk", "Рятувальник повідомив, що в селі знайшли 40 тіл. Речник армії підтвердив, що авіація завдала удару по селу."),
    ("fr", "Un secouriste a indiqué que 40 corps avaient été retrouvés dans le village. Le porte-parole de l'armée a confirmé que l'aviation avait bombardé le village."),
    ("es", "Un rescatista dijo que se hallaron 40 cuerpos en la aldea. El portavoz del ejército confirmó que la aviación había bombardeado la aldea."),
    ("de", "Ein Helfer sagte, im Dorf seien 40 Leichen gefunden worden. Der Armeesprecher bestätigte, dass die Luftwaffe das Dorf bombardiert hatte."),
    ("it", "Un soccorritore ha detto che nel villaggio sono stati trovati 40 corpi. Il portavoce dell'esercito ha confermato che l'aviazione ha bombardato il villaggio."),
    ("pl", "Ratownik powiedział, że we wsi znaleziono 40 ciał. Rzecznik armii potwierdził, że lotnictwo zbombardowało wieś."),
]


@pytest.mark.parametrize("language, text", CONFIRMS_ITS_OWN)
def test_a_confirmation_with_its_own_content_adopts_no_figure(pipeline, language, text):
    confirmed = [c for c in claims(pipeline, language, text) if c.certainty == "confirmed"]
    assert confirmed and not any(isinstance(c.value, int) for c in confirmed)


STANCE_ON_THIS = [
    ("en", "The Russian Defence Ministry said its forces had captured Zhelanne. The General Staff did not confirm this."),
    ("uk", "Міністерство оборони Росії заявило про захоплення селища Желанне. Генштаб ЗСУ цю інформацію не підтвердив."),
    ("ro", "Ministerul rus al Apărării a anunțat cucerirea satului Jelanne. Statul Major ucrainean nu a confirmat această informație."),
]


@pytest.mark.parametrize("language, text", STANCE_ON_THIS)
def test_a_stance_on_this_answers_the_claim_before_it(pipeline, language, text):
    stances = [c for c in claims(pipeline, language, text) if c.certainty in ("unconfirmed", "denied")]
    assert stances and stances[0].attribute == "captured" and stances[0].value


# One anonymous source is a Source, several are Sources.
ONE_SOURCE = [
    ("en", "A source in the security services said five soldiers were killed in Gao."),
    ("ro", "O sursă din serviciile de securitate a declarat că cinci soldați au fost uciși la Gao."),
    ("ru", "Источник в силовых структурах сообщил, что в Гао погибли пять военных."),
    ("uk", "Джерело в силових структурах повідомило, що в Гао загинули п'ятеро військових."),
    ("fr", "Une source sécuritaire a indiqué que cinq soldats avaient été tués à Gao."),
    ("es", "Una fuente de seguridad dijo que cinco soldados murieron en Gao."),
    ("de", "Eine Quelle in den Sicherheitskräften sagte, in Gao seien fünf Soldaten getötet worden."),
    ("it", "Una fonte della sicurezza ha detto che cinque soldati sono stati uccisi a Gao."),
    ("pl", "Źródło w służbach bezpieczeństwa poinformowało, że w Gao zginęło pięciu żołnierzy."),
]


@pytest.mark.parametrize("language, text", ONE_SOURCE)
def test_one_anonymous_source_is_a_source(pipeline, language, text):
    tolls = [c for c in claims(pipeline, language, text) if c.attribute == "killed"]
    assert [(c.value, c.source, c.source_type) for c in tolls] == [(5, "Source", "anonymous")]


# A range counts its lower end, the most conservative figure.
RANGES = [
    ("en", "Officials said between 100 and 300 people were killed in the strike on Gaza."),
    ("en", "Officials said 100-300 people were killed in the strike on Gaza."),
    ("ro", "Oficialii au declarat că între 100 și 300 de oameni au fost uciși în atacul din Gaza."),
    ("ru", "Чиновники заявили, что при ударе по Газе погибли от 100 до 300 человек."),
    ("uk", "Посадовці заявили, що внаслідок удару по Газі загинули від 100 до 300 людей."),
    ("fr", "Les autorités ont indiqué que 100 à 300 personnes ont été tuées dans la frappe sur Gaza."),
    ("es", "Las autoridades dijeron que entre 100 y 300 personas murieron en el ataque contra Gaza."),
    ("de", "Die Behörden sagten, bei dem Angriff auf Gaza seien zwischen 100 und 300 Menschen getötet worden."),
    ("it", "Le autorità hanno detto che tra 100 e 300 persone sono state uccise nell'attacco a Gaza."),
    ("pl", "Władze podały, że w ataku na Gazę zginęło od 100 do 300 osób."),
]


@pytest.mark.parametrize("language, text", RANGES)
def test_a_range_counts_its_lower_end(pipeline, language, text):
    assert [c.value for c in claims(pipeline, language, text) if c.attribute == "killed"] == [100]


def test_a_numeric_date_is_no_range(pipeline):
    text = "The report dated 2023-05-19 said 12 people were killed in Gaza."
    assert [c.value for c in claims(pipeline, "en", text) if c.attribute == "killed"] == [12]


# A toll's figure may stand further along its clause than a casualty word's.
TOLLS = [
    ("ro", "Serviciile americane au estimat că numărul morților se situează probabil la capătul inferior al intervalului de 100–300."),
    ("en", "US intelligence estimated that the death toll was probably at the lower end of a range of 100 to 300."),
]


@pytest.mark.parametrize("language, text", TOLLS)
def test_a_toll_reaches_its_figure(pipeline, language, text):
    assert [c.value for c in claims(pipeline, language, text) if c.attribute == "killed"] == [100]


# "Kherson is Ukraine": who holds the town, said by the speaker.
BELONGS = [
    ("en", '"Kherson is Ukraine," the governor wrote on Telegram.'),
    ("ru", "«Херсон — это Украина», — написал губернатор."),
    ("uk", "«Херсон — це Україна», — написав губернатор."),
    ("ro", "„Hersonul este Ucraina”, a scris guvernatorul pe Telegram."),
    ("fr", "« Kherson est l'Ukraine », a écrit le gouverneur."),
    ("es", "«Jersón es Ucrania», escribió el gobernador."),
    ("de", "„Cherson ist Ukraine“, schrieb der Gouverneur."),
    ("pl", "Gubernator napisał: „Chersoń to Ukraina”."),
]


@pytest.mark.parametrize("language, text", BELONGS)
def test_a_town_said_to_be_a_country_is_held_by_its_side(pipeline, language, text):
    held = [c for c in claims(pipeline, language, text) if c.attribute == "controls"]
    assert [(c.subject, c.source) for c in held] == [("Ukrainian forces", "Governor")] and held[0].value


def test_a_country_in_a_longer_phrase_is_no_claim(pipeline):
    assert not [c for c in claims(pipeline, "en", "Kyiv is Ukraine's capital, the minister said.") if c.attribute == "controls"]


# A weapon with a nationality names the side that fired it; a weapon alone names no one.
NATIONAL_WEAPONS = [
    ("en", "Russian drones attacked the port of Izmail overnight."),
    ("ro", "Drone rusești au atacat portul Izmail în timpul nopții."),
    ("ru", "Российские дроны атаковали порт Измаил ночью."),
    ("uk", "Російські дрони атакували порт Ізмаїл уночі."),
    ("fr", "Des drones russes ont attaqué le port d'Izmaïl dans la nuit."),
    ("es", "Drones rusos atacaron el puerto de Izmail durante la noche."),
    ("de", "Russische Drohnen griffen in der Nacht den Hafen von Ismajil an."),
    ("it", "Droni russi hanno attaccato il porto di Izmail durante la notte."),
    ("pl", "Rosyjskie drony zaatakowały w nocy port w Izmaile."),
]


@pytest.mark.parametrize("language, text", NATIONAL_WEAPONS)
def test_a_weapon_with_a_nationality_names_who_fired_it(pipeline, language, text):
    result = pipeline.extract(Document(id="t", text=text, language=language, published=dt.date(2024, 3, 12)))
    assert [e.actor1 for e in result.events] == ["Military Forces of Russia"]


def test_a_weapon_alone_names_no_side(pipeline):
    result = pipeline.extract(Document(id="t", text="Drones attacked the port of Izmail overnight.", language="en",
                                       published=dt.date(2024, 3, 12)))
    assert all(e.actor1 != "Military Forces of Russia" for e in result.events)


# US commands speak under their own names, in any language.
US_COMMANDS = [
    ("en", "US Africa Command said five militants were killed in an air strike near Jilib.", "US Africa Command"),
    ("it", "Il Comando degli Stati Uniti per l'Africa (Africom) ha detto che cinque miliziani sono stati uccisi.", "US Africa Command"),
    ("fr", "Le commandement américain pour l'Afrique a indiqué que cinq combattants avaient été tués.", "US Africa Command"),
    ("ru", "Центральное командование США сообщило, что пять боевиков были убиты.", "US Central Command"),
]


@pytest.mark.parametrize("language, text, source", US_COMMANDS)
def test_a_us_command_speaks_under_its_name(pipeline, language, text, source):
    assert {c.source for c in claims(pipeline, language, text) if c.attribute == "killed"} == {source}


# A capital that did not confirm a claim takes an unconfirmed stance on it.
NOT_CONFIRMED = [
    ("it", "Mosca ha accusato le forze ucraine dell'attacco a Donetsk. Kiev non ha confermato."),
    ("fr", "Moscou a accusé les forces ukrainiennes de l'attaque contre Donetsk. Kiev n'a pas confirmé."),
    ("es", "Moscú acusó a las fuerzas ucranianas del ataque contra Donetsk. Kiev no confirmó."),
]


@pytest.mark.parametrize("language, text", NOT_CONFIRMED)
def test_a_capital_that_did_not_confirm(pipeline, language, text):
    stances = [(c.source, c.certainty) for c in claims(pipeline, language, text) if c.source == "Government of Ukraine"]
    assert stances and all(certainty == "unconfirmed" for _, certainty in stances)


def test_a_german_separable_report_verb_with_its_subject_inside():
    text = "Mindestens zwölf weitere seien verletzt worden, teilte Bürgermeister Ihor Terechow am Montag mit."
    result = Pipeline().extract(Document(id="t", text=text, language="de", published=dt.date(2023, 10, 9)))
    assert {c.source for c in result.claims} == {"Ihor Terechow"}

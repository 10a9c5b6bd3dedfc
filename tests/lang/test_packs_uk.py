"""Ukrainian pack (sitrep/lang/packs/uk): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, assert_first_number, dates_in, first_date, labels, numbers_in, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "uk"
pack = pack_fixture(CODE)


EVENT_CASES = [
    ("Бойовики збили військовий гелікоптер над містом.", "Battles/Armed clash"),
    ("Біля села тривають запеклі бої.", "Battles/Armed clash"),
    ("Прикордонники вступили у перестрілку з диверсантами.", "Battles/Armed clash"),
    ("Оборонці відбили 53 атаки на Покровському напрямку.", "Battles/Armed clash"),
    ("Сили оборони звільнили село на півдні.", "Battles/Government regains territory"),
    ("Окупанти захопили будівлю сільради.", "Battles/Non-state actor overtakes territory"),
    ("Бойовики взяли під контроль штаб округу.", "Battles/Non-state actor overtakes territory"),
    ("Військові скаржаться на застосування хімічної зброї.", "Explosions/Remote violence/Chemical weapon"),
    ("Вночі місто атакували ударні безпілотники.", "Explosions/Remote violence/Air/drone strike"),
    ("Росіяни запустили 40 шахедів.", "Explosions/Remote violence/Air/drone strike"),
    ("Місто зазнало удару керованими авіабомбами.", "Explosions/Remote violence/Air/drone strike"),
    ("Ворог скинув КАБ на приватний сектор.", "Explosions/Remote violence/Air/drone strike"),
    ("Смертник підірвав себе біля блокпоста.", "Explosions/Remote violence/Suicide bomb"),
    ("Росіяни обстріляли Херсон з артилерії.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Ракета влучила в житловий будинок.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Село обстріляли з реактивних систем залпового вогню.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Трактор підірвався на протитанковій міні.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("У центрі міста пролунав вибух.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Зловмисник кинув гранату у вікно.", "Explosions/Remote violence/Grenade"),
    ("Прокурори задокументували випадки зґвалтування.", "Violence against civilians/Sexual violence"),
    ("Окупанти розстріляли цивільних на дорозі.", "Violence against civilians/Attack"),
    ("Полонених катували в підвалі.", "Violence against civilians/Attack"),
    ("Військові викрали голову громади.", "Violence against civilians/Abduction/forced disappearance"),
    ("Бойовики тримають заручників у школі.", "Violence against civilians/Abduction/forced disappearance"),
    ("Біля Ради пройшов мітинг на підтримку полонених.", "Protests/Peaceful protest"),
    ("Шахтарі оголосили страйк.", "Protests/Peaceful protest"),
    ("Поліція розігнала акцію біля суду.", "Protests/Protest with intervention"),
    ("Силовики відкрили вогонь по протестувальниках.", "Protests/Excessive force against protesters"),
    ("У місті спалахнули масові заворушення.", "Riots/Violent demonstration"),
    ("Поліція застосувала сльозогінний газ.", "Protests/Protest with intervention"),
    ("Розлючений натовп побив підозрюваного.", "Riots/Mob violence"),
    ("Сторони уклали угоду про припинення вогню.", "Strategic developments/Agreement"),
    ("Відбувся обмін полоненими.", "Strategic developments/Agreement"),
    ("СБУ затримала агента ФСБ.", "Strategic developments/Arrests"),
    ("Уряд продовжив воєнний стан.", "Strategic developments/Change to group/activity"),
    ("У Москві запровадили режим контртерористичної операції.", "Strategic developments/Change to group/activity"),
    ("Над областю збито шість ракет.", "Strategic developments/Disrupted weapons use"),
    ("Сили ППО знешкодили 22 дрони.", "Strategic developments/Disrupted weapons use"),
    ("Окупанти облаштували базу у школі.", "Strategic developments/Headquarters or base established"),
    ("Мародери пограбували магазини.", "Strategic developments/Looting/property destruction"),
    ("Вагнерівці залишили місто без бою.", "Strategic developments/Non-violent transfer of territory"),
    ("ОВА оголосила обов'язкову евакуацію родин з дітьми.", "Strategic developments/Other"),
    ("Удар по місту завдали вночі.", "_attack"),
]


@pytest.mark.parametrize("text, label", EVENT_CASES)
def test_event_triggers(pack, text, label):
    assert label in labels(pack, "events", text)


NOT_EVENT_CASES = [
    ("Наступного дня все стихло.", "Battles/Armed clash"),  # наступ*
    ("Стратегія уряду змінилася.", "Violence against civilians/Attack"),  # страт*
    ("Збитки оцінюють у мільйони.", "Strategic developments/Disrupted weapons use"),  # збит*
    ("Кабінет міністрів ухвалив рішення.", "Explosions/Remote violence/Air/drone strike"),  # КАБ*
    ("Від початку повномасштабного вторгнення минув рік.", "Battles/Armed clash"),
]


@pytest.mark.parametrize("text, label", NOT_EVENT_CASES)
def test_not_event_triggers(pack, text, label):
    assert label not in labels(pack, "events", text)


CERTAINTY_CASES = [
    ("Ймовірно, ракету збили.", "likely"),
    ("Це, найімовірніше, лише відкладає конфлікт.", "likely"),
    ("Нібито загинули десятки бійців.", "likely"),
    ("За попередніми даними, постраждали троє.", "likely"),
    ("Генштаб ЗСУ цю інформацію не підтвердив.", "unconfirmed"),
    ("За непідтвердженими даними, втрати більші.", "unconfirmed"),
    ("Пригожин стверджував, що в марші беруть участь 25 тисяч бійців.", "claimed"),
    ("Міноборони спростувало ці повідомлення.", "denied"),
    ("Москва заперечує причетність.", "denied"),
    ("У штабі назвали ці цифри вигадкою.", "denied"),
    ("Відео виявилося сфабрикованим.", "denied"),
    ("Відомство визнало факт удару.", "confirmed"),
    ("Місцева влада підтвердила факт пожежі.", "confirmed"),
    ("Про це повідомив голова ОВА.", "reported"),
]


@pytest.mark.parametrize("text, label", CERTAINTY_CASES)
def test_certainty_cues(pack, text, label):
    assert label in labels(pack, "certainty", text)


CLAIM_CASES = [
    ("Загинули дев'ятеро людей.", "killed"),
    ("Загинула одна людина.", "killed"),
    ("Кількість загиблих зросла до 12.", "killed"),
    ("Ще троє дістали поранення.", "injured"),
    ("Постраждали п'ятеро цивільних.", "injured"),
    ("Поліція затримала двох підозрюваних.", "detained"),
    ("Сорок бійців потрапили в полон.", "detained"),
    ("Двоє рибалок зникли безвісти.", "missing"),
    ("Ворог захопив селище.", "captured"),
    ("Бійці взяли під контроль аеродром.", "captured"),
    ("Росіяни контролюють лівий берег.", "controls"),
    ("Загиблих немає.", "zero"),
    ("Жодних втрат серед цивільних.", "zero"),
    ("Метою операції є створення буферної зони.", "aim"),
    ("Загинули дев'ятеро, серед них рятувальник.", "size"),
    ("Угруповання взяло на себе відповідальність за вибух.", "perpetrator"),
    ("Київ звинуватив Москву в ударі.", "perpetrator"),
    ("Ворог заявив про 30 знищених українських військових.", "killed"),
    ("Повідомлялося про 15 знищених окупантів.", "killed"),
    ("Диверсанти були перевдягнені у форму поліції.", "identity"),
]


@pytest.mark.parametrize("text, label", CLAIM_CASES)
def test_claim_cues(pack, text, label):
    assert label in labels(pack, "claims", text)


ATTRIBUTION_CASES = [
    ("За словами очільника ОВА, евакуація триває.", "according_to"),
    ("За його словами, рішення ухвалили вчора.", "according_to"),
    ("За даними Генштабу, ворог втратив 500 бійців.", "according_to"),
    ("Згідно з даними поліції, постраждалих немає.", "according_to"),
    ("Як повідомляє Суспільне, вибухи пролунали вночі.", "according_to"),
    ("Видання з посиланням на джерела пише про удар.", "according_to"),
    ("Губернатор заявив про пожежу.", "speech_verbs"),
    ("Філашкін повідомив про евакуацію.", "speech_verbs"),
    ("Він зазначив, що фронт наближається.", "speech_verbs"),
    ("Мер розповів про наслідки атаки.", "speech_verbs"),
    ("Міністерство назвало ці повідомлення провокацією.", "speech_verbs"),
    ("Відомство додало, що втрат немає.", "speech_verbs"),
    ("Командування пообіцяло оприлюднити дані.", "speech_verbs"),
    ("Розвідники вказали на скупчення техніки.", "speech_verbs"),
    ("Командир в інтерв'ю розповів про бої.", "via"),
]


@pytest.mark.parametrize("text, key", ATTRIBUTION_CASES)
def test_attribution_cues(pack, text, key):
    assert_cue(pack, "attribution", key, text)


SOURCE_CASES = [
    ("Російські ЗМІ пишуть ...", "press"),
    ("Державні ЗМІ показали ...", "state media"),
    ("Місцева влада підтвердила ...", "governor"),
    ("Влада заявила ...", "authorities"),
    ("Міноборони РФ назвало ...", "Ministry of Defence"),
    ("Генштаб ЗСУ повідомив ...", "general staff"),
    ("Генеральний штаб звітує ...", "general staff"),
    ("Голова ОВА написав ...", "governor"),
    ("Обласна військова адміністрація повідомила ...", "regional military administration"),
    ("Проросійські телеграм-канали поширили ...", "social media channels"),
    ("Військові блогери пишуть ...", "military bloggers"),
    ("Розвідка вважає ...", "intelligence"),
    ("У ГУР повідомили ...", "intelligence"),
    ("Експерти вважають ...", "experts"),
    ("Очевидці розповідають ...", "witnesses"),
    ("Місцеві мешканці фотографувалися ...", "residents"),
]


@pytest.mark.parametrize("text, name", SOURCE_CASES)
def test_source_nouns(pack, text, name):
    assert name in source_labels(pack, text)


def test_source_noun_false_friends(pack):
    assert "authorities" not in source_labels(pack, "Владислав прийшов додому.")  # влад*
    assert "governor" not in source_labels(pack, "Мережа зв'язку працює.")  # мер*


NUMBER_CASES = [
    ("загинули дев'ятеро людей", 9),
    ("ще троє дістали поранення", 3),
    ("двоє дітей", 2),
    ("двадцять п'ять бійців", 25),
    ("три тисячі осіб", 3000),
    ("дюжина танків", 12),
    ("п’ятеро військових", 5),
]


@pytest.mark.parametrize("text, value", NUMBER_CASES)
def test_number_words(pack, text, value):
    assert_first_number(pack, text, value)


def test_number_bounds_and_vague(pack):
    found = numbers_in(pack, "щонайменше 13 загиблих і десятки поранених")
    assert found[0].value == 13 and found[0].bound == "lower"
    assert any(n.value is None for n in found)
    assert numbers_in(pack, "понад 4 тисячі дітей")[0].bound == "lower"


def test_dates(pack):
    assert first_date(pack, "З 23 по 24 червня колони рухалися на північ.") == ("2022-06-23", "2022-06-24", 2)
    assert "лютий" in pack.section("dates", "ambiguous_months")
    forms = {fold(k): v for k, v in pack.section("dates", "month_forms", {}).items()}
    assert forms[fold("серпні")] == 8
    # Weekdays are not matched on stems: "четверо" (four) is no Thursday.
    assert dates_in(pack, "Четверо людей поранені.") == []
    assert dates_in(pack, "Удар завдали в суботу.")[0].precision == 1


def test_none_among_civilians(pack):
    """"Жертв серед цивільного населення немає": the phrase is the killed cue, the none-word follows."""
    found = pack.lexicon("claims").find(fold("Жертв серед цивільного населення немає."))
    cue = next(m for m in found if m.label == "killed")
    assert cue.text.endswith("населення")
    assert_cue(pack, "claims", "zero_after", "жертв серед мирних жителів немає")


CONTEXT_CASES = [
    ("Про бої в самому селі не повідомлялося.", "negation_after"),
    ("Росіяни регулярно обстрілюють місто.", "generic"),
    ("Село неодноразово зазнавало ударів.", "generic"),
    ("Кремль погрожує завдати удару.", "irrealis"),
    ("Про сутички не повідомлялося.", "negation"),
]


@pytest.mark.parametrize("text, key", CONTEXT_CASES)
def test_context_cues(pack, text, key):
    assert_cue(pack, "context", key, text)

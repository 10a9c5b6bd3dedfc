"""Russian pack (sitrep/lang/packs/ru): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, assert_first_number, dates_in, first_date, labels, numbers_in, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "ru"
pack = pack_fixture(CODE)


EVENT_CASES = [
    ("Боевики сбили военный вертолёт над городом.", "Battles/Armed clash"),
    ("В районе села продолжаются ожесточённые бои.", "Battles/Armed clash"),
    ("Пограничники вступили в перестрелку с диверсантами.", "Battles/Armed clash"),
    ("Произошло боестолкновение с ДРГ противника.", "Battles/Armed clash"),
    ("Десантники отбили четыре атаки противника.", "Battles/Armed clash"),
    ("Украинские войска освободили село.", "Battles/Government regains territory"),
    ("Боевики захватили здание администрации.", "Battles/Non-state actor overtakes territory"),
    ("Отряд взял под контроль мост через реку.", "Battles/Non-state actor overtakes territory"),
    ("Эксперты сообщили о применении химического оружия.", "Explosions/Remote violence/Chemical weapon"),
    ("Ночью город атаковали беспилотники.", "Explosions/Remote violence/Air/drone strike"),
    ("Авиаудар пришёлся по складу боеприпасов.", "Explosions/Remote violence/Air/drone strike"),
    ("Самолёты сбросили управляемые авиабомбы на позиции.", "Explosions/Remote violence/Air/drone strike"),
    ("Смертник взорвал себя у входа в отделение полиции.", "Explosions/Remote violence/Suicide bomb"),
    ("Центр города подвергся артиллерийскому обстрелу.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Ракета попала в жилой дом.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Противник обстрелял посёлок из РСЗО.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Автомобиль подорвался на противотанковой мине.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Под днищем машины сработало самодельное взрывное устройство.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Неизвестный бросил гранату во двор.", "Explosions/Remote violence/Grenade"),
    ("Правозащитники задокументировали случаи изнасилования.", "Violence against civilians/Sexual violence"),
    ("Жителей деревни расстреляли у дороги.", "Violence against civilians/Attack"),
    ("Следователи расследуют убийство журналиста.", "Violence against civilians/Attack"),
    ("Военные похитили двоих волонтёров.", "Violence against civilians/Abduction/forced disappearance"),
    ("Боевики удерживают заложников в школе.", "Violence against civilians/Abduction/forced disappearance"),
    ("В центре города прошёл митинг против мобилизации.", "Protests/Peaceful protest"),
    ("Рабочие завода объявили забастовку.", "Protests/Peaceful protest"),
    ("ОМОН разогнал акцию у здания суда.", "Protests/Protest with intervention"),
    ("Силовики открыли огонь по протестующим.", "Protests/Excessive force against protesters"),
    ("В городе начались массовые беспорядки.", "Riots/Violent demonstration"),
    ("Полиция применила слезоточивый газ.", "Protests/Protest with intervention"),
    ("Толпа устроила самосуд над задержанным.", "Riots/Mob violence"),
    ("Стороны подписали соглашение о прекращении огня.", "Strategic developments/Agreement"),
    ("Состоялся обмен пленными.", "Strategic developments/Agreement"),
    ("Сотрудники ФСБ задержали жителя Курска.", "Strategic developments/Arrests"),
    ("В регионе ввели военное положение.", "Strategic developments/Change to group/activity"),
    ("Войска отошли на новые рубежи.", "Strategic developments/Change to group/activity"),
    ("Над областью сбиты шесть беспилотников.", "Strategic developments/Disrupted weapons use"),
    ("Сапёры обезвредили фугас.", "Strategic developments/Disrupted weapons use"),
    ("Наёмники разместили в лесу новую базу.", "Strategic developments/Headquarters or base established"),
    ("Мародёры разграбили магазины.", "Strategic developments/Looting/property destruction"),
    ("Гарнизон сдал город без боя.", "Strategic developments/Non-violent transfer of territory"),
    ("Власти объявили эвакуацию жителей.", "Strategic developments/Other"),
    ("Удар был нанесён ночью.", "_attack"),
]


@pytest.mark.parametrize("text, label", EVENT_CASES)
def test_event_triggers(pack, text, label):
    assert label in labels(pack, "events", text)


NOT_EVENT_CASES = [
    ("Он пытался дозвониться до штаба.", "Violence against civilians/Attack"),  # пыта*
    ("Казна региона пуста.", "Violence against civilians/Attack"),  # казн*
    ("Рейс отменили из-за задержки.", "Strategic developments/Arrests"),  # задерж*
    ("Министр выступил в парламенте.", "Explosions/Remote violence/Remote explosive/landmine/IED"),  # мин*
    ("Пропаганда усилилась.", "Violence against civilians/Abduction/forced disappearance"),
    ("С начала вторжения прошёл год.", "Battles/Armed clash"),  # вторжение is a time reference
]


@pytest.mark.parametrize("text, label", NOT_EVENT_CASES)
def test_not_event_triggers(pack, text, label):
    assert label not in labels(pack, "events", text)


def test_gap_patterns_do_not_swallow_triggers(pack):
    # "обломки ракеты упали" must still show the missile, not only debris.
    assert "Explosions/Remote violence/Shelling/artillery/missile attack" in labels(
        pack, "events", "Обломки ракеты «Точка-У» упали в центре города.")


def test_claim_false_friends(pack):
    assert "killed" not in labels(pack, "claims", "Умеренный рост цен.")  # умер*
    assert "missing" not in labels(pack, "claims", "Пропаганда работает.")  # пропа*
    assert "detained" not in labels(pack, "claims", "Пленум суда собрался.")  # плен*


CERTAINTY_CASES = [
    ("По предварительным данным, погибли трое.", "likely"),
    ("Вероятно, удар нанесли ракетой.", "likely"),
    ("Якобы в колонне было двадцать танков.", "likely"),
    ("Возможно, дрон был сбит.", "likely"),
    ("По неподтверждённым данным, погибших больше.", "unconfirmed"),
    ("Официально эта цифра не подтверждается.", "unconfirmed"),
    ("Независимо проверить эти сведения невозможно.", "unconfirmed"),
    ("Командир утверждает, что село занято.", "claimed"),
    ("Министерство опровергло сообщения.", "denied"),
    ("В Киеве причастность отрицают.", "denied"),
    ("Министерство обороны отвергло обвинения.", "denied"),
    ("В штабе назвали эти цифры выдумкой.", "denied"),
    ("Представитель армии назвал сообщения о потерях вымыслом.", "denied"),
    ("Губернатор подтвердил гибель двоих.", "confirmed"),
    ("Об этом сообщил губернатор.", "reported"),
]


@pytest.mark.parametrize("text, label", CERTAINTY_CASES)
def test_certainty_cues(pack, text, label):
    assert label in labels(pack, "certainty", text)


CLAIM_CASES = [
    ("Погибли 50 человек.", "killed"),
    ("Были убиты трое военных.", "killed"),
    ("Число жертв выросло до 30.", "killed"),
    ("Ещё 100 человек получили ранения.", "injured"),
    ("Пострадали двое жителей.", "injured"),
    ("Задержаны пятеро подозреваемых.", "detained"),
    ("Сорок солдат попали в плен.", "detained"),
    ("Двое пропали без вести.", "missing"),
    ("Противник захватил село.", "captured"),
    ("Войска взяли под контроль аэродром.", "captured"),
    ("Армия контролирует половину города.", "controls"),
    ("Погибших нет.", "zero"),
    ("Никто не пострадал.", "zero"),
    ("Целью операции является создание буферной зоны.", "aim"),
    ("В колонне было 20 машин, в том числе танки.", "size"),
    ("Группировка взяла на себя ответственность за взрыв.", "perpetrator"),
    ("Президент обвинил в ударе российские войска.", "perpetrator"),
    ("Сообщается о 12 уничтоженных российских военнослужащих.", "killed"),
    ("Диверсанты были переодеты в полицейских.", "identity"),
]


@pytest.mark.parametrize("text, label", CLAIM_CASES)
def test_claim_cues(pack, text, label):
    assert label in labels(pack, "claims", text)


ATTRIBUTION_CASES = [
    ("По словам губернатора, пожар потушен.", "according_to"),
    ("По его словам, удар был нанесён ночью.", "according_to"),
    ("По данным Минобороны, сбиты восемь дронов.", "according_to"),
    ("Как сообщает ТАСС, атака отражена.", "according_to"),
    ("Агентство со ссылкой на источник сообщает о взрыве.", "according_to"),
    ("Губернатор заявил, что угрозы нет.", "speech_verbs"),
    ("В ведомстве сообщили о трёх погибших.", "speech_verbs"),
    ("Мэр рассказал о последствиях удара.", "speech_verbs"),
    ("Он подчеркнул, что эвакуация продолжается.", "speech_verbs"),
    ("Командир рассказал ТАСС о ходе боёв.", "via"),
    ("В интервью РБК министр заявил...", "via"),
]


@pytest.mark.parametrize("text, key", ATTRIBUTION_CASES)
def test_attribution_cues(pack, text, key):
    assert_cue(pack, "attribution", key, text)


SOURCE_CASES = [
    ("Российские СМИ сообщили ...", "press"),
    ("Как пишут госСМИ ...", "state media"),
    ("Государственные СМИ показали ...", "state media"),
    ("Местные власти заявили ...", "governor"),
    ("Власти Белгородской области ...", "governor"),
    ("Минобороны России заявило ...", "Ministry of Defence"),
    ("Министерство обороны сообщило ...", "Ministry of Defence"),
    ("По данным Генштаба ...", "general staff"),
    ("Губернатор написал ...", "governor"),
    ("Пророссийские телеграм-каналы сообщали ...", "social media channels"),
    ("Эксперты считают ...", "experts"),
    ("Британская разведка полагает ...", "intelligence"),
    ("Очевидцы рассказывают ...", "witnesses"),
    ("Как сообщили в ООН ...", "United Nations"),
]


@pytest.mark.parametrize("text, name", SOURCE_CASES)
def test_source_nouns(pack, text, name):
    assert name in source_labels(pack, text)


def test_source_noun_false_friends(pack):
    assert "witnesses" not in source_labels(pack, "Очевидно, что это ошибка.")  # очевид*
    assert "witnesses" not in source_labels(pack, "Это свидетельствует о провале.")  # свидетел*


NUMBER_CASES = [
    ("погибли пятеро детей", 5),
    ("двое жителей обратились к врачам", 2),
    ("около сотни получили ранения", 100),
    ("о двадцати погибших", 20),
    ("двадцать пять человек", 25),
    ("три тысячи человек", 3000),
    ("трёх военных", 3),
    ("дюжина бронемашин", 12),
]


@pytest.mark.parametrize("text, value", NUMBER_CASES)
def test_number_words(pack, text, value):
    assert_first_number(pack, text, value)


def test_number_bounds_and_vague(pack):
    found = numbers_in(pack, "не менее 12 погибших и десятки раненых")
    assert found[0].value == 12 and found[0].bound == "lower"
    assert any(n.value is None for n in found)
    assert all(n.value is None for n in numbers_in(pack, "тысячи людей вышли на улицы"))


def test_dates(pack):
    assert first_date(pack, "С 19 по 22 апреля шли бои.") == ("2023-04-19", "2023-04-22", 2)
    assert dates_in(pack, "Удар нанесли 8 апреля.")[0].precision == 1
    # dateparser's data lacks "мая" and the locative ("в марте"): the pack lists them for the finder.
    forms = {fold(k): v for k, v in pack.section("dates", "month_forms", {}).items()}
    assert forms["мая"] == 5 and forms["марте"] == 3
    # Weekdays are not matched on stems: "среди" (among) is no Wednesday, "четверо" no Thursday.
    assert dates_in(pack, "Среди погибших четверо детей.") == []
    assert dates_in(pack, "Обстрел начался в среду.")[0].precision == 1


def test_none_among_civilians(pack):
    """"Жертв среди мирного населения нет": the whole phrase is the killed cue, so the none-word
    right after it makes a count of zero."""
    found = pack.lexicon("claims").find(fold("По данным ведомства, жертв среди мирного населения нет."))
    cue = next(m for m in found if m.label == "killed")
    assert cue.text.endswith("населения")
    assert_cue(pack, "claims", "zero_after", "жертв среди мирных жителей нет")


CONTEXT_CASES = [
    ("О стычках в центре города не сообщалось.", "negation_after"),
    ("Город регулярно подвергается обстрелам.", "generic"),
    ("Посёлок неоднократно обстреливали.", "generic"),
    ("Москва пригрозила нанести удар.", "irrealis"),
    ("Столкновений не было.", "negation"),
]


@pytest.mark.parametrize("text, key", CONTEXT_CASES)
def test_context_cues(pack, text, key):
    assert_cue(pack, "context", key, text)

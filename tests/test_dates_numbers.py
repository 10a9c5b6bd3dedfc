"""Dates and counts, table-driven per language. Sentences written by the team."""

import datetime as dt

import pytest

from sitrep.extract.dates import date_finder
from sitrep.extract.numbers import number_reader
from sitrep.lang import load_pack
from sitrep.lang.text import fold

ANCHOR = dt.date(2023, 5, 23)  # a Tuesday

DATE_CASES = [
    # (language, text, expected (first, last, precision) of the first date found)
    ("en", "Between 19 and 22 May 2023 forces clashed.", ("2023-05-19", "2023-05-22", 2)),
    ("en", "From 3 to 5 April the town was shelled.", ("2023-04-03", "2023-04-05", 2)),
    ("en", "On 2 May 2020, police arrested him.", ("2020-05-02", "2020-05-02", 1)),
    ("en", "The attack came on March 14, 2022.", ("2022-03-14", "2022-03-14", 1)),
    ("en", "It was founded in March by deserters.", ("2023-03-01", "2023-03-31", 3)),
    ("en", "In August he said he would lead them.", ("2022-08-01", "2022-08-31", 3)),
    ("en", "A drone hit the port on Sunday.", ("2023-05-21", "2023-05-21", 1)),
    ("en", "Yesterday two shells fell.", ("2023-05-22", "2023-05-22", 1)),
    ("en", "Last week the bridge was hit.", ("2023-05-15", "2023-05-21", 2)),
    ("en", "Reported on 2023-05-20 by the ministry.", ("2023-05-20", "2023-05-20", 1)),
]


@pytest.mark.parametrize("code, text, expected", DATE_CASES)
def test_dates(code, text, expected):
    finder = date_finder(load_pack(code))
    found = finder.find(text, fold(text), ANCHOR)
    assert found, f"no date in {text!r}"
    first = found[0]
    assert (first.first.isoformat(), first.last.isoformat(), first.precision) == expected


@pytest.mark.parametrize(
    "code, text",
    [
        ("en", "Officials may release the figures later."),
        ("en", "Thousands march in the capital."),
    ],
)
def test_not_dates(code, text):
    assert date_finder(load_pack(code)).find(text, fold(text), ANCHOR) == []


NUMBER_CASES = [
    ("en", "39 soldiers were killed", 39),
    ("en", "eight civilians were wounded", 8),
    ("en", "a dozen armoured vehicles", 12),
    ("en", "more than 2,000 fighters", 2000),
    ("en", "twenty five people died", 25),
    ("en", "two hundred people", 200),
]


@pytest.mark.parametrize("code, text, value", NUMBER_CASES)
def test_numbers(code, text, value):
    numbers = [n for n in number_reader(load_pack(code)).find(text, fold(text)) if n.value is not None]
    assert numbers and numbers[0].value == value


def test_number_bounds_and_vague_quantities():
    reader = number_reader(load_pack("en"))
    text = "at least 12 died and dozens were hurt"
    found = reader.find(text, fold(text))
    assert found[0].value == 12 and found[0].bound == "lower"
    assert any(n.value is None for n in found)


def test_years_are_not_counts():
    reader = number_reader(load_pack("en"))
    text = "In 2022 nobody was counted"
    assert all(n.value != 2022 for n in reader.find(text, fold(text)))


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("ru", "В пятницу утром ракета поразила вокзал.", "2023-05-19"),
        ("uk", "У п'ятницю ввечері дрони атакували порт.", "2023-05-19"),
        ("pl", "W piątek rano spadła rakieta.", "2023-05-19"),
    ],
)
def test_declined_weekdays(code, text, expected):
    found = date_finder(load_pack(code)).find(text, fold(text), ANCHOR)
    assert found and found[0].first.isoformat() == expected


def test_a_weekday_stem_inside_a_longer_word_is_no_date():
    text = "пять сбиты, ещё три подавлены средствами РЭБ"  # "средств-" is not "среда"
    assert date_finder(load_pack("ru")).find(text, fold(text), ANCHOR) == []


@pytest.mark.parametrize("language, text, value", [
    ("uk", "беруть участь 25 тисяч бійців", 25000),
    ("uk", "понад 4 тисячі дітей", 4000),
    ("ru", "около 3 тысячи человек", 3000),
    ("ro", "au participat 4 mii de oameni", 4000),
    ("pl", "protestowało 10 tys. osób", 10000),
    ("pl", "przyszły 2 tysiące osób", 2000),
    ("en", "2 million people fled", 2000000),
    ("es", "marcharon 5 mil personas", 5000),
])
def test_digits_scaled_by_a_multiplier_word(language, text, value):
    assert [n.value for n in number_reader(load_pack(language)).find(text, fold(text)) if n.value] == [value]


def _all_dates(code, text):
    return [(d.first.isoformat(), d.last.isoformat()) for d in date_finder(load_pack(code)).find(text, fold(text), ANCHOR)]


def test_a_date_without_year_continues_the_year_of_the_account():
    text = "The siege lasted from 2 to 9 March 2021. On 4 March the water ran out."
    assert _all_dates("en", text) == [("2021-03-02", "2021-03-09"), ("2021-03-04", "2021-03-04")]
    # A later year than the anchor's inference is never taken: news reports the past.
    text = "In May 2019 the base was built. On 20 May it was shelled."
    assert _all_dates("en", text)[1] == ("2019-05-20", "2019-05-20")


def test_a_weekday_after_a_dateline_is_not_the_dateline_day():
    text = "KHARKIV, 23 May (Agency). On Friday a missile hit the station."
    assert ("2023-05-19", "2023-05-19") in _all_dates("en", text)
    text = "The strike came on Friday, 19 May, at dawn."
    assert _all_dates("en", text) == [("2023-05-19", "2023-05-19")]


def test_a_heading_that_dates_the_writing_is_a_dateline():
    from sitrep.extract.setting import is_dateline

    finder = date_finder(load_pack("en"))
    heading = "Rebellion in the south\n\nAnalytical assessment, 23 May 2023\n\nOn Saturday the columns entered the city."
    dates = finder.find(heading, fold(heading), ANCHOR)
    assert [is_dateline(heading, d, ANCHOR) for d in dates] == [True, False]
    # A liveblog's day line goes on into a sentence: it dates what follows.
    live = "Sunday 21 May 2023. All times are local.\n\n09:05 - Shelling hit the port."
    assert not any(is_dateline(live, d, dt.date(2023, 5, 21)) for d in finder.find(live, fold(live), dt.date(2023, 5, 21)))


@pytest.mark.parametrize(
    "code, text",
    [
        ("uk", "Мер оголосив понеділок неробочим днем."),
        ("ru", "Власти объявили понедельник нерабочим днём."),
        ("pl", "Rząd ogłosił poniedziałek dniem wolnym."),
    ],
)
def test_a_weekday_without_its_preposition_is_a_noun(code, text):
    assert date_finder(load_pack(code)).find(text, fold(text), ANCHOR) == []


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("uk", "У ніч на суботу колона увійшла до міста.", "2023-05-20"),
        ("ru", "В прошлую субботу колонна вошла в город.", "2023-05-20"),
        ("en", "The truce takes effect next Monday.", "2023-05-29"),
        ("en", "The truce took effect on Monday.", "2023-05-22"),
    ],
)
def test_weekdays_with_their_words(code, text, expected):
    found = date_finder(load_pack(code)).find(text, fold(text), ANCHOR)
    assert found and found[0].first.isoformat() == expected


@pytest.mark.parametrize(
    "code, text",
    [
        ("en", "Staff were evacuated at the weekend."),
        ("ro", "Personalul a fost evacuat în weekend."),
        ("ru", "Персонал эвакуировали в выходные."),
        ("uk", "Персонал евакуювали у вихідні."),
        ("fr", "Le personnel a été évacué ce week-end."),
        ("es", "El personal fue evacuado el fin de semana."),
        ("de", "Das Personal wurde am Wochenende evakuiert."),
        ("it", "Il personale è stato evacuato nel fine settimana."),
        ("pl", "Personel ewakuowano w weekend."),
    ],
)
def test_the_weekend_before_publication(code, text):
    found = date_finder(load_pack(code)).find(text, fold(text), ANCHOR)  # a Tuesday
    assert [(d.first.isoformat(), d.last.isoformat()) for d in found] == [("2023-05-20", "2023-05-21")]


def test_a_day_still_to_come_in_the_accounts_year_names_a_place():
    text = "On 20 May 2023, shells hit the July 7 neighbourhood of the port city."
    assert _all_dates("en", text) == [("2023-05-20", "2023-05-20")]


@pytest.mark.parametrize(
    "code, text",
    [
        ("en", "An earlier version of this article, published on Monday, misdated the strike."),
        ("ro", "O versiune anterioară a articolului, publicată luni, a greșit data atacului."),
        ("ru", "Предыдущая версия статьи, опубликованная в понедельник, ошибочно датировала удар."),
        ("uk", "Попередня версія статті, опублікована у понеділок, помилково датувала удар."),
        ("fr", "Une version précédente de cet article, publiée lundi, datait mal la frappe."),
        ("es", "Una versión anterior de este artículo, publicada el lunes, fechaba mal el ataque."),
        ("de", "Eine frühere Fassung dieses Artikels, veröffentlicht am Montag, nannte ein falsches Datum."),
        ("it", "Una versione precedente dell'articolo, pubblicata lunedì, datava male l'attacco."),
        ("pl", "Wcześniejsza wersja artykułu, opublikowana w poniedziałek, błędnie datowała atak."),
    ],
)
def test_a_date_after_a_publication_word_dates_the_text(code, text):
    finder = date_finder(load_pack(code))
    found = finder.find(text, fold(text), ANCHOR)
    assert found and all(finder.dates_the_writing(fold(text), d) for d in found)


@pytest.mark.parametrize(
    "code, text",
    [
        ("en", "Their deployment began at the end of 2021."),
        ("ro", "Desfășurarea lor a început la sfârșitul lui 2021."),
        ("ru", "Их развёртывание началось в 2021 году."),
        ("uk", "Їхнє розгортання почалося у 2021 році."),
    ],
)
def test_a_year_after_a_preposition_is_that_year(code, text):
    found = date_finder(load_pack(code)).find(text, fold(text), ANCHOR)
    assert [(d.first.isoformat(), d.last.isoformat(), d.precision) for d in found] == [("2021-01-01", "2021-12-31", 3)]


def test_a_count_of_four_digits_is_no_year():
    text = "Fighting displaced families in 1500 homes."
    assert date_finder(load_pack("en")).find(text, fold(text), ANCHOR) == []


def test_a_whole_year_in_the_background_does_not_set_the_year_of_what_follows():
    text = "Rebels have held the town since 2014. On 3 May they shelled the market."
    assert _all_dates("en", text)[1] == ("2023-05-03", "2023-05-03")


@pytest.mark.parametrize(
    "code, text, expected",
    [
        # a weekday in a clause about what is to come is the coming one
        ("en", "The truce is due to take effect on Monday.", "2023-05-29"),
        ("en", "The ceasefire was signed on Monday.", "2023-05-22"),
        ("ro", "Armistițiul urmează să intre în vigoare luni.", "2023-05-29"),
    ],
)
def test_a_weekday_ahead_in_a_clause_about_the_future(code, text, expected):
    found = date_finder(load_pack(code)).find(text, fold(text), ANCHOR)
    assert found and found[0].first.isoformat() == expected

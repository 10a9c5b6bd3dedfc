"""sitrep.lang.detect.detect_language: our nine languages on news paragraphs, None otherwise.

The paragraphs are our own, written in the style of wire copy.
"""

from __future__ import annotations

import time

import pytest

from sitrep.lang.detect import SUPPORTED, detect_language

NEWS = {
    "en": [
        "The armed forces said on Tuesday that three soldiers were killed in a drone attack near the "
        "border, according to the defence ministry, which did not give further details.",
        "Local officials reported heavy shelling overnight in the eastern district, where two civilians "
        "were wounded and several houses were damaged.",
    ],
    "ro": [
        "Forțele armate au anunțat marți că trei soldați au murit într-un atac cu drone lângă graniță, "
        "potrivit ministerului apărării, care nu a oferit alte detalii.",
        "Autoritățile locale au transmis că bombardamentele au continuat toată noaptea în districtul de est, "
        "unde doi civili au fost răniți, iar mai multe case au fost avariate.",
        # Romanian as often typed online, without diacritics
        "Fortele armate au anuntat marti ca trei soldati au murit intr-un atac cu drone langa granita, "
        "potrivit ministerului apararii, care nu a oferit alte detalii.",
        "Potrivit presei ruse, atacul ar fi fost respins, însă informația nu a putut fi confirmată independent.",
    ],
    "it": [
        "Le forze armate hanno annunciato martedì che tre soldati sono morti in un attacco con droni vicino "
        "al confine, secondo il ministero della difesa, che non ha fornito altri dettagli.",
        "Secondo le autorità locali, i bombardamenti sono proseguiti per tutta la notte nel distretto orientale, "
        "dove due civili sono rimasti feriti.",
    ],
    "es": [
        "Las fuerzas armadas anunciaron el martes que tres soldados murieron en un ataque con drones cerca de "
        "la frontera, según el ministerio de defensa, que no ofreció más detalles.",
        "Según las autoridades locales, los bombardeos continuaron durante toda la noche en el distrito oriental, "
        "donde dos civiles resultaron heridos.",
    ],
    "fr": [
        "Les forces armées ont annoncé mardi que trois soldats ont été tués dans une attaque de drones près de "
        "la frontière, selon le ministère de la défense, qui n'a pas donné plus de détails.",
    ],
    "de": [
        "Die Streitkräfte teilten am Dienstag mit, dass drei Soldaten bei einem Drohnenangriff nahe der Grenze "
        "getötet wurden, so das Verteidigungsministerium, das keine weiteren Einzelheiten nannte.",
    ],
    "pl": [
        "Siły zbrojne poinformowały we wtorek, że trzech żołnierzy zginęło w ataku dronów w pobliżu granicy, "
        "podało ministerstwo obrony, nie podając dalszych szczegółów.",
    ],
    "ru": [
        "Вооружённые силы сообщили во вторник, что трое военных погибли при атаке беспилотников вблизи "
        "границы, сообщает министерство обороны, не уточнив подробностей.",
        "Губернатор Белгородской области заявил, что в результате обстрела пострадали два человека.",
        # a Russian report quoting a Ukrainian place name in Ukrainian spelling
        "По данным местных властей, удар пришёлся по окраине Києва, погибших нет, ранены двое мирных жителей.",
    ],
    "uk": [
        "Збройні сили повідомили у вівторок, що троє військових загинули під час атаки безпілотників поблизу "
        "кордону, повідомляє міністерство оборони.",
        "Губернатор заявив, що внаслідок обстрілу постраждали двоє людей, зокрема дитина.",
        # a Ukrainian report quoting a Russian official in Russian
        "Речник міністерства оборони країни-агресора заявив: «ситуация под контролем», однак місцеві жителі "
        "повідомляють про пожежу на нафтобазі та евакуацію мешканців сусідніх вулиць.",
    ],
}

OTHER = {
    "pt": "As forças armadas anunciaram nesta terça-feira que três soldados morreram num ataque com drones "
          "perto da fronteira, segundo o ministério da defesa.",
    "ca": "Les forces armades van anunciar dimarts que tres soldats van morir en un atac amb drons a prop de "
          "la frontera, segons el ministeri de defensa.",
    "nl": "De strijdkrachten maakten dinsdag bekend dat drie soldaten zijn omgekomen bij een drone-aanval "
          "vlak bij de grens, aldus het ministerie van Defensie.",
    "bg": "Въоръжените сили съобщиха във вторник, че трима войници са загинали при атака с дронове близо до "
          "границата, според министерството на отбраната.",
    "sr": "Оружане снаге саопштиле су у уторак да су три војника погинула у нападу дроновима близу границе, "
          "према министарству одбране.",
    "be": "Узброеныя сілы паведамілі ў аўторак, што тры салдаты загінулі падчас атакі беспілотнікаў каля "
          "мяжы, паводле міністэрства абароны.",
    "zh": "国防部周二表示，三名士兵在边境附近的一次无人机袭击中丧生，另有两名平民受伤。",
    "ar": "أعلنت القوات المسلحة يوم الثلاثاء أن ثلاثة جنود قتلوا في هجوم بطائرة مسيرة قرب الحدود، بحسب وزارة الدفاع.",
    "el": "Οι ένοπλες δυνάμεις ανακοίνωσαν την Τρίτη ότι τρεις στρατιώτες σκοτώθηκαν σε επίθεση με drone κοντά στα σύνορα.",
    "tr": "Silahlı kuvvetler salı günü sınıra yakın bir insansız hava aracı saldırısında üç askerin öldüğünü açıkladı.",
    "cs": "Ozbrojené síly v úterý oznámily, že při útoku dronů poblíž hranic zahynuli tři vojáci, uvedlo "
          "ministerstvo obrany.",
}


CASES = [(lang, text) for lang, texts in NEWS.items() for text in texts]


@pytest.mark.parametrize("lang,text", CASES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(CASES)])
def test_news_paragraphs(lang, text):
    assert detect_language(text) == lang


def test_every_supported_language_is_covered():
    assert set(NEWS) == set(SUPPORTED)


@pytest.mark.parametrize("lang", sorted(OTHER))
def test_other_languages_are_none(lang):
    assert detect_language(OTHER[lang]) is None


def test_chinese_article_with_some_latin_names_is_none():
    text = OTHER["zh"] + " 据路透社（Reuters）和美联社（AP）报道，" + OTHER["zh"] * 3
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["", "   \n", "12 345 - 2023-05-23", "OK", "Kyiv", "!!! ??? ..."])
def test_too_little_to_tell(text):
    assert detect_language(text) is None


def test_whole_article_of_paragraphs():
    article = "\n\n".join(NEWS["uk"] * 20)
    assert detect_language(article) == "uk"


def test_fast_on_long_articles():
    article = "\n\n".join(NEWS["ro"] * 200)  # ~60,000 characters; only a prefix is read
    detect_language(article)  # load the model once
    start = time.perf_counter()
    for _ in range(50):
        assert detect_language(article) == "ro"
    per_call_ms = (time.perf_counter() - start) / 50 * 1000
    assert per_call_ms < 25, f"{per_call_ms:.1f} ms per article"

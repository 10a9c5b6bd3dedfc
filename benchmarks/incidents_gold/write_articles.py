"""Writes articles/*.json: the gold articles, kept here as the source of truth (our own writing)."""
import json, pathlib
out = pathlib.Path(__file__).resolve().parent / "articles"
A = []
def a(id, lang, source, published, title, text):
    A.append(dict(id=id, language=lang, source=source, published=published, title=title,
                  url=f"https://example.invalid/{id}", text=" ".join(text.split())))

WIRE1 = """Russian drones struck a nine-storey apartment building in Kharkiv on April 6, killing six civilians
and wounding eleven others, regional governor Oleh Syniehubov said on Saturday. Two of the drones hit the upper
floors of the building in the Shevchenkivskyi district shortly after midnight, and a fire spread to a nearby
shop. Rescue teams searched the rubble for most of the day. Syniehubov said a child was among those injured.
The city has been hit repeatedly by drones and missiles since the start of the year."""
a("i1-en-wire", "en", "Kyiv Wire", "2024-04-06", "Drone strike on Kharkiv apartment block kills six", WIRE1)
a("i1-en-copy", "en", "Eastern Herald", "2024-04-06", "Six killed as drones hit Kharkiv apartment building",
  WIRE1.replace("said on Saturday", "said on Saturday, according to Kyiv Wire") + " This story was distributed by Kyiv Wire.")
a("i1-ro", "ro", "Gazeta de Est", "2024-04-07", "Atac cu drone la Harkov: șase morți",
  """Drone rusești au lovit sâmbătă, 6 aprilie, un bloc de locuințe cu nouă etaje din Harkov, ucigând șase
  civili și rănind alți unsprezece, a declarat guvernatorul regional Oleh Sinegubov. Două drone au lovit
  etajele superioare ale clădirii la scurt timp după miezul nopții, iar incendiul s-a extins la un magazin
  din apropiere. Echipele de salvare au căutat supraviețuitori sub dărâmături aproape toată ziua. Printre
  răniți se află și un copil, a precizat Sinegubov.""")
a("i1-ru", "ru", "Vestnik Fronta", "2024-04-07", "Минобороны: удар по военной инфраструктуре в Харькове",
  """Министерство обороны России заявило, что 6 апреля российские войска нанесли удар беспилотниками по
  объектам военной инфраструктуры в Харькове. По данным ведомства, поражены пункт временной дислокации и
  склад ВСУ. В Минобороны опровергли сообщения украинской стороны о гибели мирных жителей и назвали их
  информационной провокацией. Губернатор Харьковской области Олег Синегубов ранее сообщил о шести погибших.
  Независимо проверить эти данные не удалось.""")

a("i2-en", "en", "Kyiv Wire", "2024-04-10", "Drone damages houses in Kharkiv, two injured",
  """A Russian drone hit a residential area in Kharkiv on April 10, injuring two people and damaging several
  private houses, governor Oleh Syniehubov said. The drone struck a yard in the Kyivskyi district in the
  early morning. Both injured, a man and a woman, were taken to hospital with shrapnel wounds. No one was
  killed, officials said. Air raid alerts sounded across the region for more than three hours.""")
a("i2-uk", "uk", "Slobidskyi Krai", "2024-04-10", "Удар дрона по Харкову: двоє поранених",
  """Російський дрон 10 квітня влучив у приватний сектор Харкова, двоє людей поранені, повідомив голова
  обласної військової адміністрації Олег Синєгубов. Удар припав на подвір'я в Київському районі рано-вранці.
  Постраждалих, чоловіка та жінку, госпіталізували з осколковими пораненнями. Пошкоджено кілька приватних
  будинків і автомобіль. Загиблих немає, зазначили в адміністрації.""")

a("i3-en", "en", "Dnipro Daily", "2024-04-06", "Shelling of Nikopol kills one",
  """Russian artillery shelled Nikopol on April 6, killing a 58-year-old man and damaging a gas pipeline, the head
  of Dnipropetrovsk regional administration Serhiy Lysak said. The town, which lies across the reservoir from the
  occupied Zaporizhzhia nuclear plant, was hit several times during the day. Lysak said five private houses and
  a power line were damaged. Nikopol is shelled almost daily by Russian forces positioned on the opposite bank.""")
a("i3-uk", "uk", "Prydniprovia", "2024-04-07", "Російська армія обстріляла Нікополь: загинув чоловік",
  """Російські війська 6 квітня обстріляли Нікополь з артилерії, загинув 58-річний чоловік, повідомив голова
  Дніпропетровської обласної військової адміністрації Сергій Лисак. Пошкоджено газопровід, лінію електропередачі
  та п'ять приватних будинків. Місто розташоване навпроти окупованої Запорізької атомної станції і потерпає від
  обстрілів майже щодня. На місці працюють рятувальники та комунальні служби.""")
a("i3-fr", "fr", "Le Courrier de l'Est", "2024-04-07", "Un mort dans le bombardement de Nikopol",
  """L'artillerie russe a bombardé Nikopol le 6 avril, tuant un homme de 58 ans, a annoncé Serhiy Lyssak, chef de
  l'administration régionale de Dnipropetrovsk. Un gazoduc, une ligne électrique et cinq maisons ont été
  endommagés. La ville, située face à la centrale nucléaire occupée de Zaporijjia, de l'autre côté du réservoir,
  est visée presque chaque jour par les forces russes postées sur la rive opposée.""")

a("i4-en", "en", "Black Sea Monitor", "2024-04-15", "Missile strike on Odesa port kills four",
  """A Russian missile strike on the port of Odesa on April 15 killed four people and injured seven, regional
  governor Oleh Kiper said. The Iskander missile hit a warehouse used to store grain and set it on fire. Kiper said
  all the dead were port workers on a night shift. Firefighters needed several hours to put out the blaze. The port
  has been a frequent target since Russia left the Black Sea grain deal.""")
a("i4-fr", "fr", "Le Courrier de l'Est", "2024-04-16", "Odessa : quatre morts dans une frappe sur le port",
  """Une frappe de missile russe a touché le port d'Odessa le 15 avril, tuant quatre personnes et en blessant
  sept, a indiqué le gouverneur régional Oleh Kiper. Le missile a atteint un entrepôt de céréales, qui a pris feu.
  Selon Kiper, toutes les victimes étaient des employés du port de l'équipe de nuit. Les pompiers ont mis plusieurs
  heures à éteindre l'incendie.""")
a("i4-ro", "ro", "Gazeta de Est", "2024-04-16", "Lovitură cu rachete în portul Odesa",
  """O rachetă rusească a lovit luni, 15 aprilie, portul Odesa, ucigând patru oameni și rănind alți șapte, a
  anunțat guvernatorul regional Oleh Kiper. Racheta a nimerit un depozit de cereale, care a luat foc. Toți cei
  uciși erau muncitori din tura de noapte, a precizat Kiper. Pompierii au avut nevoie de câteva ore pentru a
  stinge incendiul. Portul este o țintă frecventă a atacurilor rusești.""")
a("i4-ru", "ru", "Vestnik Fronta", "2024-04-16", "Удар по ангару с беспилотниками в Одессе",
  """Министерство обороны России сообщило, что 15 апреля ракетным ударом в порту Одессы уничтожен ангар, где
  хранились безэкипажные катера ВСУ. В ведомстве заявили, что удар был нанесён высокоточным оружием и жертв среди
  мирного населения нет. Украинские власти ранее сообщили о гибели четырёх портовых рабочих и пожаре на зерновом
  складе. Минобороны эти данные опровергло.""")

a("i5-ru", "ru", "Belgorodskaya Pravda", "2024-04-20", "Обстрел Белгорода: двое погибших",
  """Вооружённые силы Украины 20 апреля обстреляли Белгород из реактивных систем залпового огня, погибли два
  человека, ещё пятеро ранены, сообщил губернатор Белгородской области Вячеслав Гладков. По его словам,
  повреждены жилые дома, автомобили и линия электропередачи. Часть ракет была сбита системой противовоздушной
  обороны над городом. На месте работают оперативные службы.""")
a("i5-en", "en", "Moscow Observer", "2024-04-20", "Two killed in Belgorod shelling, governor says",
  """Two people were killed and five injured when the Russian city of Belgorod came under rocket fire on April 20,
  governor Vyacheslav Gladkov said, blaming Ukrainian forces. Several apartment buildings and cars were damaged.
  Russia's defence ministry said its air defences shot down most of the rockets over the city. Ukraine did not
  comment on the attack. Belgorod, about 40 km from the border, has been shelled repeatedly.""")
a("i5-uk", "uk", "Slobidskyi Krai", "2024-04-21", "Генштаб ЗСУ: у Бєлгороді впали уламки російської ракети",
  """Генеральний штаб ЗСУ заперечив причетність українських військ до вибухів у Бєлгороді 20 квітня. За даними
  Генштабу, пошкодження в місті спричинили уламки ракет російської протиповітряної оборони, яка працювала над
  житловими кварталами. Губернатор Вячеслав Гладков раніше повідомив про двох загиблих. Російська сторона
  звинувачує Україну в обстрілі, але доказів не надала.""")

a("i6-ro", "ro", "Gazeta de Est", "2024-04-21", "Protest pașnic la Chișinău",
  """Câteva mii de oameni au protestat pașnic duminică, 21 aprilie, în centrul Chișinăului, cerând demisia
  conducerii Agenției pentru Reglementare în Energetică după scumpirea gazului. Manifestanții s-au adunat în
  Piața Marii Adunări Naționale și au mărșăluit până la sediul Guvernului. Poliția a anunțat că protestul s-a
  desfășurat fără incidente. Organizatorii au promis noi acțiuni dacă tarifele nu vor fi revizuite.""")
a("i6-en", "en", "Balkan Insight Review", "2024-04-21", "Thousands protest gas prices in Chisinau",
  """Several thousand people staged a peaceful protest in central Chisinau on April 21, demanding the resignation
  of Moldova's energy regulator after a rise in gas prices. Protesters gathered in the Great National Assembly
  Square and marched to the government building. Police said the rally passed without incidents. Organisers
  promised further protests if tariffs are not reviewed.""")
a("i6-ru", "ru", "Novosti Moldovy", "2024-04-22", "В Кишинёве прошёл протест против цен на газ",
  """В воскресенье, 21 апреля, в центре Кишинёва прошла мирная акция протеста против повышения цен на газ.
  Несколько тысяч человек собрались на площади Великого национального собрания и прошли маршем к зданию
  правительства, требуя отставки руководства энергетического регулятора. Полиция сообщила, что акция прошла
  без инцидентов.""")

a("i7-ru", "ru", "Vestnik Fronta", "2024-04-22", "Минобороны: у Часова Яра уничтожено до 40 военных ВСУ",
  """Министерство обороны России сообщило, что 22 апреля в районе Часова Яра российские подразделения отразили
  атаку украинских штурмовых групп. По данным ведомства, уничтожено до 40 военнослужащих ВСУ, два танка и
  бронемашина. Бои в районе Часова Яра продолжаются. Украинская сторона эти данные не подтвердила.""")
a("i7-uk", "uk", "Armiia Inform", "2024-04-22", "Генштаб: біля Часового Яру відбито штурм",
  """Генеральний штаб ЗСУ повідомив, що 22 квітня українські захисники відбили штурм російських військ біля
  Часового Яру на Донеччині. За даними Генштабу, наші підрозділи втрат не зазнали, а противник відступив на
  вихідні позиції. Заяви російського міністерства оборони про 40 знищених українських військових у Генштабі
  назвали вигадкою. Бої тривають.""")
a("i7-en", "en", "Kyiv Wire", "2024-04-23", "Fighting near Chasiv Yar: both sides claim success",
  """Russian and Ukrainian forces clashed near Chasiv Yar in Donetsk Oblast on April 22. Ukraine's General Staff said
  its troops repelled an assault and suffered no losses. Russia's defence ministry claimed that up to 40 Ukrainian
  soldiers were killed. Neither claim could be independently verified. The town has been a focus of Russian attacks
  since the fall of Avdiivka in February.""")

a("i8-en", "en", "South Front Report", "2024-04-24", "Guided bomb kills one in Orikhiv",
  """A Russian aircraft dropped guided bombs on Orikhiv in Zaporizhzhia Oblast on April 24, killing one man and
  destroying a school building, regional governor Ivan Fedorov said. Orikhiv, about 7 km from the front line, has
  been almost emptied of residents. Fedorov said the strike came in the afternoon. Russian forces use glide bombs
  against front-line towns almost daily.""")
a("i8-uk", "uk", "Zaporizka Pravda", "2024-04-24", "Авіаудар по Оріхову: загинув чоловік",
  """Російська авіація 24 квітня скинула керовані авіабомби на Оріхів Запорізької області, загинув чоловік,
  зруйновано будівлю школи, повідомив голова обласної військової адміністрації Іван Федоров. Удар стався
  вдень. Оріхів розташований приблизно за сім кілометрів від лінії фронту, більшість мешканців виїхала.
  Рятувальники розбирають завали.""")
a("i8-ro", "ro", "Gazeta de Est", "2024-04-25", "Atac aerian în regiunea Zaporojie",
  """Aviația rusă a lansat miercuri, 24 aprilie, bombe ghidate asupra unei localități din regiunea Zaporojie,
  ucigând un bărbat, a anunțat guvernatorul regional Ivan Fedorov. O clădire de școală a fost distrusă. Atacurile
  cu bombe planante asupra localităților din apropierea frontului sunt aproape zilnice, iar majoritatea
  locuitorilor au plecat din zonă.""")

K1 = """Russian forces shelled Kherson on April 27, killing one woman and injuring three people, regional governor
Oleksandr Prokudin said. Shells hit a bus stop and a residential street in the Dniprovskyi district in the
morning. Several houses and a trolleybus line were damaged. Kherson is shelled daily from the left bank of the
Dnipro, which Russian forces still hold."""
a("i9-en", "en", "Kyiv Wire", "2024-04-27", "Shelling of Kherson kills woman", K1)
a("i9-en-rewrite", "en", "Southern Ukraine Today", "2024-04-28", "Woman killed in Kherson shelling",
  K1.replace("Russian forces shelled Kherson on April 27", "On April 27 Russian forces shelled Kherson")
    .replace("Several houses and a trolleybus line were damaged.", "Several houses and a trolleybus line were damaged, he added."))
a("i9-uk", "uk", "Khersonskyi Visnyk", "2024-04-27", "Обстріл Херсона: загинула жінка, четверо поранених",
  """Російські війська 27 квітня обстріляли Херсон, загинула жінка, четверо людей поранені, повідомили в
  поліції Херсонської області. Снаряди влучили в зупинку громадського транспорту та житлову вулицю в
  Дніпровському районі. Пошкоджено кілька будинків і тролейбусну лінію. Херсон щодня потерпає від обстрілів
  з лівого берега Дніпра.""")

a("i10-en", "en", "Kyiv Wire", "2024-05-02", "Drone attack on Sumy kills two",
  """Russian drones attacked Sumy on May 2, killing two people and injuring nine, the regional military
  administration said. The drones hit an administrative building and a warehouse in the city centre. Several
  cars caught fire. Sumy lies about 30 km from the Russian border and has been hit by drones almost every night
  this spring, regional officials said.""")
a("i10-uk", "uk", "Sumski Visti", "2024-05-02", "Атака дронів на Суми: двоє загиблих",
  """Російські дрони 2 травня атакували Суми, загинули двоє людей, ще дев'ятеро поранені, повідомила обласна
  військова адміністрація. Влучання зафіксовано в адміністративну будівлю та склад у центрі міста, загорілися
  кілька автомобілів. Суми розташовані приблизно за 30 кілометрів від кордону з Росією.""")
a("i10-fr", "fr", "Le Courrier de l'Est", "2024-05-03", "Attaque de drones contre Soumy : trois morts",
  """Des drones russes ont attaqué Soumy le 2 mai, tuant trois personnes et en blessant neuf, selon la police
  régionale. Un bâtiment administratif et un entrepôt du centre-ville ont été touchés et plusieurs voitures ont
  pris feu. Soumy, à une trentaine de kilomètres de la frontière russe, est visée par des drones presque chaque
  nuit depuis le printemps.""")

a("i11-en", "en", "Black Sea Monitor", "2024-05-02", "Missile hits Odesa, five injured",
  """A Russian ballistic missile hit Odesa on May 2, injuring five people and damaging a postal terminal,
  regional governor Oleh Kiper said. No one was killed. The missile struck shortly after 9 pm and started a fire
  that destroyed dozens of parcels. Kiper said the injured were employees of the terminal. It was the second
  attack on the city that week.""")
a("i11-ro", "ro", "Gazeta de Est", "2024-05-03", "Rachetă lansată asupra Odesei: cinci răniți",
  """O rachetă balistică rusească a lovit joi seara, 2 mai, orașul Odesa, rănind cinci persoane și distrugând
  un terminal poștal, a anunțat guvernatorul regional Oleh Kiper. Nu au existat morți. Incendiul provocat de
  explozie a distrus zeci de colete. Răniții sunt angajați ai terminalului, a precizat Kiper.""")


EXTRA = {
 "i1-ru": "Ведомство также сообщило, что все цели были достигнуты.",
 "i2-uk": "Вибуховою хвилею вибито вікна в сусідніх будинках. Повітряна тривога в області тривала понад три години. Комунальники вже розпочали ліквідацію наслідків удару.",
 "i3-uk": "Через пошкодження газопроводу частина міста тимчасово залишилася без газопостачання. Ремонтні бригади розпочали роботи ввечері.",
 "i4-ru": "В ведомстве также заявили, что все назначенные цели были поражены, а пожар в порту, по их словам, вызван детонацией боеприпасов.",
 "i4-fr": "Le port est une cible fréquente des frappes russes depuis l'été dernier.",
 "i5-ru": "Жителей попросили оставаться в укрытиях до отбоя тревоги. В нескольких школах города занятия переведены в дистанционный формат.",
 "i5-uk": "Бєлгород розташований приблизно за 40 кілометрів від українського кордону. Незалежно перевірити заяви сторін неможливо.",
 "i6-ro": "Protestul a durat aproximativ trei ore.",
 "i6-en": "The protest lasted about three hours, and traffic in the centre was briefly closed.",
 "i6-ru": "Организаторы пообещали новые акции, если тарифы не будут пересмотрены. Митинг продолжался около трёх часов, движение в центре города было временно перекрыто.",
 "i7-ru": "По данным ведомства, российская авиация и артиллерия нанесли удары по скоплениям живой силы и техники. Независимо проверить эти сведения невозможно.",
 "i7-uk": "Часів Яр залишається одним із найгарячіших напрямків на Донеччині. Незалежно перевірити заяви сторін неможливо.",
 "i8-en": "Rescuers searched the ruins until evening.",
 "i8-uk": "Оріхів щодня потерпає від ударів керованими авіабомбами. Частину будівлі школи повністю зруйновано, інші приміщення пошкоджено. Місцева влада закликала мешканців, які залишилися, евакуюватися.",
 "i8-ro": "Salvatorii au căutat alte victime sub dărâmături până seara. Autoritățile au cerut din nou evacuarea civililor rămași.",
 "i9-en": "Emergency crews cleared the debris by noon.",
 "i9-en-rewrite": "Emergency crews cleared the debris by noon.",
 "i9-uk": "Поранених госпіталізували, стан двох із них оцінюють як важкий. Комунальні служби прибрали уламки до полудня. Мешканців закликали не виходити без потреби.",
 "i10-en": "Rescuers worked at the site through the day.",
 "i10-uk": "Ворожі дрони атакують місто майже щоночі. Рятувальники працювали на місці влучання упродовж усього дня, пожежі ліквідовано. Мешканців закликали зважати на сигнали повітряної тривоги.",
 "i10-fr": "Les secouristes ont travaillé sur place toute la journée.",
 "i11-ro": "A fost al doilea atac asupra orașului în aceeași săptămână. Pompierii au lichidat incendiul în aproximativ o oră.",
}
for art in A:
    if art["id"] in EXTRA:
        art["text"] += " " + EXTRA[art["id"]]

for art in A:
    (out / f"{art['id']}.json").write_text(json.dumps(art, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = len(art["text"].split())
    print(art["id"], art["language"], n)
print(len(A))

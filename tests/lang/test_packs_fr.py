"""French pack (sitrep/lang/packs/fr): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, any_labels, assert_no_event, assert_number_word, labels, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "fr"
pack = pack_fixture(CODE)


EVENTS = [
    ("Les rebelles ont abattu un hélicoptère de l'armée.", "Battles/Armed clash"),
    ('Deux groupes armés se sont affrontés près du lac.', 'Battles/Armed clash'),
    ('Deux groupes de villageois se sont battus pour un puits.', 'Riots/Mob violence'),
    ('Des ouvriers ont bloqué la route nationale pendant trois heures.', 'Protests/Peaceful protest'),
    ('Les soldats ont confisqué le bétail des éleveurs.', 'Strategic developments/Looting/property destruction'),
    ('La gendarmerie a saisi deux tonnes de cannabis.', 'Strategic developments/Looting/property destruction'),
    ("Un obus a explosé prématurément dans les mains d'un combattant.", 'Strategic developments/Disrupted weapons use'),
    ('Les habitants ont décidé de prendre les armes contre les bandits.', 'Strategic developments/Change to group/activity'),
    ('Un couloir humanitaire a été ouvert pour les civils.', 'Strategic developments/Other'),
    ("De violents affrontements ont opposé l'armée aux jihadistes près de la frontière.", "Battles/Armed clash"),
    ("Des échanges de tirs ont eu lieu toute la nuit.", "Battles/Armed clash"),
    ("Le convoi est tombé dans une embuscade tendue par des hommes armés.", "Battles/Armed clash"),
    ("L'armée a repris le contrôle de la localité après deux jours de combats.", "Battles/Government regains territory"),
    ("Les forces ukrainiennes ont reconquis plusieurs villages.", "Battles/Government regains territory"),
    ("Les rebelles du M23 se sont emparés de la ville de Bunagana.", "Battles/Non-state actor overtakes territory"),
    ("La ville est tombée aux mains des insurgés.", "Battles/Non-state actor overtakes territory"),
    ("L'ONU enquête sur une attaque chimique présumée.", "Explosions/Remote violence/Chemical weapon"),
    ("Des habitants ont senti une odeur de chlore.", "Explosions/Remote violence/Chemical weapon"),
    ("Une frappe aérienne a touché un immeuble résidentiel.", "Explosions/Remote violence/Air/drone strike"),
    ("La ville a été visée par des drones kamikazes dans la nuit.", "Explosions/Remote violence/Air/drone strike"),
    ("Des avions de combat ont bombardé les positions rebelles.", "Explosions/Remote violence/Air/drone strike"),
    ("Un kamikaze s'est fait exploser devant une mosquée.", "Explosions/Remote violence/Suicide bomb"),
    ("L'attentat-suicide a fait vingt morts.", "Explosions/Remote violence/Suicide bomb"),
    ("Le quartier a été pilonné par l'artillerie russe.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un missile balistique s'est abattu sur le centre-ville.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Des tirs de roquettes ont visé le sud d'Israël.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Des obus de mortier sont tombés sur le marché.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Des bombes à sous-munitions ont été utilisées.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un engin explosif improvisé a explosé au passage de la patrouille.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un berger a sauté sur une mine antipersonnel.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Une voiture piégée a explosé près du commissariat.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Des inconnus ont lancé une grenade dans un bar.", "Explosions/Remote violence/Grenade"),
    ("Des femmes ont été violées par des miliciens.", "Violence against civilians/Sexual violence"),
    ("Le rapport recense des violences sexuelles dans les camps.", "Violence against civilians/Sexual violence"),
    ("Des hommes armés ont massacré les habitants du village.", "Violence against civilians/Attack"),
    ("Le maire a été abattu par balles devant son domicile.", "Violence against civilians/Attack"),
    ("Quatre civils ont été exécutés sommairement.", "Violence against civilians/Attack"),
    ("Vingt élèves ont été enlevés par des hommes armés.", "Violence against civilians/Abduction/forced disappearance"),
    ("La famille dénonce une disparition forcée.", "Violence against civilians/Abduction/forced disappearance"),
    ("Des milliers de personnes sont descendues dans la rue contre la réforme.", "Protests/Peaceful protest"),
    ("Un rassemblement devant l'ambassade a réuni des centaines de personnes.", "Protests/Peaceful protest"),
    ("Les dockers sont en grève depuis lundi.", "Protests/Peaceful protest"),
    ("La police a dispersé la foule devant le parlement.", "Protests/Protest with intervention"),
    ("Plusieurs manifestants interpellés ont été placés en garde à vue.", "Protests/Protest with intervention"),
    ("Les forces de sécurité ont tiré sur les manifestants.", "Protests/Excessive force against protesters"),
    ("Les soldats ont tiré à balles réelles.", "Protests/Excessive force against protesters"),
    ("Des émeutes ont éclaté dans la capitale.", "Riots/Violent demonstration"),
    ("Des jeunes ont lancé des cocktails Molotov sur la caserne.", "Riots/Violent demonstration"),
    ("La police a répliqué avec du gaz lacrymogène et des canons à eau.", "Protests/Protest with intervention"),
    ("Un voleur présumé a été lynché par la foule.", "Riots/Mob violence"),
    ("Des violences intercommunautaires ont fait trois morts.", "Riots/Mob violence"),
    ("Les parties ont signé un accord de cessez-le-feu.", "Strategic developments/Agreement"),
    ("Une trêve de trois jours a été conclue.", "Strategic developments/Agreement"),
    ("Moscou et Kiev ont procédé à un échange de prisonniers.", "Strategic developments/Agreement"),
    ("Cinq suspects ont été arrêtés par la police.", "Strategic developments/Arrests"),
    ("Le journaliste a été interpellé à l'aéroport.", "Strategic developments/Arrests"),
    ("Les autorités ont décrété un couvre-feu dans toute la région.", "Strategic developments/Change to group/activity"),
    ("Le gouvernement a instauré la loi martiale.", "Strategic developments/Change to group/activity"),
    ("Des renforts ont été envoyés sur le front.", "Strategic developments/Change to group/activity"),
    ("Les démineurs ont désamorcé un engin sur la route.", "Strategic developments/Disrupted weapons use"),
    ("La défense antiaérienne a abattu deux drones au-dessus de la ville.", "Strategic developments/Disrupted weapons use"),
    ("Les missiles ont été interceptés avant l'impact.", "Strategic developments/Disrupted weapons use"),
    ("Le groupe a établi une base dans la forêt.", "Strategic developments/Headquarters or base established"),
    ("Les miliciens ont installé leur quartier général dans une école.", "Strategic developments/Headquarters or base established"),
    ("Les boutiques du marché ont été pillées.", "Strategic developments/Looting/property destruction"),
    ("Des maisons incendiées jonchent le village.", "Strategic developments/Looting/property destruction"),
    ("Les rebelles ont remis le contrôle de la ville à l'armée.", "Strategic developments/Non-violent transfer of territory"),
    ("La ville est passée sous contrôle gouvernemental sans combat.", "Strategic developments/Non-violent transfer of territory"),
    ("Des milliers d'habitants ont été évacués.", "Strategic developments/Other"),
    ("Les militaires ont mené un coup d'État.", "Strategic developments/Other"),
    ("Le convoi a été attaqué par des hommes armés.", "_attack"),
    ("Des inconnus ont ouvert le feu sur le poste de contrôle.", "_attack"),
    ("L'hôpital a été pris pour cible.", "_attack"),
]


@pytest.mark.parametrize("text,label", EVENTS)
def test_event_trigger(pack, text, label):
    assert label in labels(pack, "events", text)


EVENTS_NOT = [
    # "mortier" is a mortar, but "mortalité" and "mortel" are not.
    ("La mortalité infantile a baissé.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    # folded "marché" is "marche": a market is not a march.
    ("Le marché a rouvert ce matin.", "Protests/Peaceful protest"),
    # "Rassemblement national" is a party, not a rally.
    ("Le Rassemblement national a présenté son programme.", "Protests/Peaceful protest"),
    # "violé le cessez-le-feu" is not rape.
    ("Les deux camps ont violé le cessez-le-feu.", "Violence against civilians/Sexual violence"),
    ("Le ministre a parlé d'économie et de tourisme.", None),
    ("L'équipe a gagné le match de football.", None),
]


@pytest.mark.parametrize("text,label", EVENTS_NOT)
def test_event_non_trigger(pack, text, label):
    assert_no_event(pack, text, label)


CERTAINTY = [
    ("Douze civils auraient été tués dans la frappe.", "likely"),
    ("Le commandant serait mort dans le bombardement.", "likely"),
    ("L'auteur présumé de l'attaque a été arrêté.", "likely"),
    ("Il s'agit vraisemblablement d'un missile russe.", "likely"),
    ("Selon toute vraisemblance, l'explosion était accidentelle.", "likely"),
    ("Cette information n'a pas été confirmée de source indépendante.", "unconfirmed"),
    ("Des chiffres non confirmés font état de cent morts.", "unconfirmed"),
    ("Les images n'ont pas pu être vérifiées.", "unconfirmed"),
    ("L'État islamique a revendiqué l'attentat.", "claimed"),
    ("Moscou affirme avoir pris le village.", "claimed"),
    ("Le Kremlin a démenti toute implication.", "denied"),
    ("L'armée dément avoir visé l'hôpital.", "denied"),
    ("L'armée nie avoir visé l'hôpital.", "denied"),
    ("Le ministère de la Santé a confirmé la mort de trois personnes.", "confirmed"),
    ("Selon la BBC, les blessés sont au nombre de dix.", "reported"),
    ("D'après la police, la zone a été bouclée.", "reported"),
]


@pytest.mark.parametrize("text,label", CERTAINTY)
def test_certainty_cue(pack, text, label):
    assert label in labels(pack, "certainty", text)


def test_unconfirmed_beats_confirmed_on_overlap(pack):
    found = labels(pack, "certainty", "Le bilan n'a pas été confirmé.")
    assert "unconfirmed" in found and "confirmed" not in found


CLAIMS = [
    ('Un commerçant a été battu à mort par des inconnus.', 'killed'),
    ("Au moins douze personnes ont été tuées.", "killed"),
    ("Le bilan s'élève à 39 morts.", "killed"),
    ("Trois soldats ont trouvé la mort.", "killed"),
    ("Six personnes ont été blessées.", "injured"),
    ("Les blessures de quatre victimes sont graves.", "injured"),
    ("La police a interpellé vingt personnes.", "detained"),
    ("Des centaines de soldats ont été faits prisonniers.", "detained"),
    ("Cinq personnes sont portées disparues.", "missing"),
    ("Les troupes ont pris le contrôle de la colline.", "captured"),
    ("Les rebelles contrôlent la route principale.", "controls"),
    ("Aucune victime n'a été signalée.", "zero"),
    ("L'objectif de l'opération est de détruire les infrastructures.", "aim"),
    ("Une colonne de cinquante véhicules, dont dix chars.", "size"),
    ("L'attaque a été revendiquée par le JNIM.", "perpetrator"),
    ("Les assaillants étaient déguisés en policiers.", "identity"),
]


@pytest.mark.parametrize("text,label", CLAIMS)
def test_claim_cue(pack, text, label):
    assert label in any_labels(pack, "claims", text)


def test_mortars_are_not_deaths(pack):
    assert "killed" not in any_labels(pack, "claims", "Douze mortiers ont été saisis.")


ATTRIBUTION = [
    ("Selon le ministère de la Défense, vingt drones ont été abattus.", "according_to"),
    ("D'après les autorités locales, le bilan est provisoire.", "according_to"),
    ("L'agence rapporte l'information, citant des sources militaires.", "according_to"),
    ("La déclaration, citée par Reuters, fait état de trois morts.", "according_to"),
    ("Le porte-parole a déclaré que l'attaque avait échoué.", "speech_verbs"),
    ("Le gouverneur a indiqué que les écoles resteraient fermées.", "speech_verbs"),
    ("Le commandant a déclaré à l'AFP que la ligne tenait.", "via"),
    ("Joint par téléphone, un habitant a décrit la scène.", "via"),
]


@pytest.mark.parametrize("text,label", ATTRIBUTION)
def test_attribution_cue(pack, text, label):
    assert label in any_labels(pack, "attribution", text)


SOURCES = [
    ("Les médias d'État ont diffusé la vidéo.", "state media"),
    ("L'état-major ukrainien a actualisé son bilan.", "general staff"),
    ("Le ministère russe de la Défense a confirmé.", "Ministry of Defence"),
    ("Selon des témoins, l'explosion a été entendue au loin.", "witnesses"),
    ("Une source sécuritaire a confirmé l'attaque.", "source"),
    ("Des sources sécuritaires ont confirmé l'attaque.", "sources"),
    ("L'ONU réclame une enquête indépendante.", "United Nations"),
    ("Médecins sans frontières dénonce le manque de médicaments.", "NGO"),
]


@pytest.mark.parametrize("text,noun", SOURCES)
def test_source_noun(pack, text, noun):
    assert noun in source_labels(pack, text)


NUMBERS = [
    ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("douze", 12), ("dix-sept", 17), ("vingt", 20), ("cent", 100),
    ("une douzaine", 12), ("une demi-douzaine", 6), ("une centaine", 100), ("un millier", 1000), ("septante", 70), ("zéro", 0),
]


@pytest.mark.parametrize("word,value", NUMBERS)
def test_number_word(pack, word, value):
    assert_number_word(pack, word, value)


def test_number_multipliers_and_connectors(pack):
    mult = {fold(k): v for k, v in pack.section("numbers", "multipliers").items()}
    assert mult["centaines"] == 100 and mult["milliers"] == 1000
    assert "de" in pack.section("numbers", "connectors")
    assert "plusieurs" in pack.section("numbers", "vague")
    assert "au moins" in pack.section("numbers", "lower_bound")


def test_dates(pack):
    assert {"entre", "du"} <= set(pack.section("dates", "range_openers"))
    assert {"et", "au"} <= set(pack.section("dates", "range_connectors"))
    last = pack.lexicon("dates", "last")
    assert last.find(fold("jeudi dernier")) and last.find(fold("la semaine passée"))
    assert pack.section("dates", "capitalised_months") is False


CONTEXT = [
    ("La zone est souvent le théâtre d'attaques.", "generic"),
    ("Le groupe a menacé de frapper la capitale.", "irrealis"),
    ("Si les négociations échouent, l'offensive reprendra.", "irrealis"),
    ("Aucun affrontement n'a été signalé.", "negation"),
]


@pytest.mark.parametrize("text,label", CONTEXT)
def test_context_cue(pack, text, label):
    assert label in any_labels(pack, "context", text)


def test_toll_word_alone_is_not_a_death_cue(pack):
    # "no toll was published" must not read as "no deaths".
    assert "killed" not in any_labels(pack, "claims", "Les autorités n'ont publié aucun bilan.")


def test_a_report_denied_after_the_trigger(pack):
    assert_cue(pack, "context", "negation_after", "Des affrontements dans la ville n'ont pas été signalés.")

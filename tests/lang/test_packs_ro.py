"""Romanian pack (sitrep/lang/packs/ro): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, assert_first_number, dates_in, first_date, labels, numbers_in, pack_fixture, source_labels

CODE = "ro"
pack = pack_fixture(CODE)


EVENT_CASES = [
    ("Rebelii au doborât un elicopter al armatei.", "Battles/Armed clash"),
    ("Trupele s-au ciocnit cu insurgenții la marginea orașului.", "Battles/Armed clash"),
    ("Ciocnirile au continuat toată noaptea.", "Battles/Armed clash"),
    ("Au avut loc lupte grele în jurul gării.", "Battles/Armed clash"),
    ("Doi polițiști au murit într-un schimb de focuri cu traficanții.", "Battles/Armed clash"),
    ("Locuitorii au auzit împușcături în centrul satului.", "Battles/Armed clash"),
    ("Armata a recucerit satul după trei zile.", "Battles/Government regains territory"),
    ("Rebelii au capturat aeroportul din nord.", "Battles/Non-state actor overtakes territory"),
    ("Milițiile au preluat controlul asupra drumului principal.", "Battles/Non-state actor overtakes territory"),
    ("Observatorii acuză folosirea de arme chimice în provincie.", "Explosions/Remote violence/Chemical weapon"),
    ("Un atac cu drone a lovit depozitul de combustibil.", "Explosions/Remote violence/Air/drone strike"),
    ("Aviația a efectuat lovituri aeriene asupra taberei.", "Explosions/Remote violence/Air/drone strike"),
    ("Un atacator sinucigaș s-a aruncat în aer lângă moschee.", "Explosions/Remote violence/Suicide bomb"),
    ("Orașul a fost bombardat cu artilerie grea.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Mai multe rachete au căzut pe cartierul rezidențial.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un obuz a distrus acoperișul școlii.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un dispozitiv exploziv improvizat a explodat la trecerea convoiului.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un tractor a călcat pe o mină antitanc.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un necunoscut a aruncat o grenadă în curtea secției.", "Explosions/Remote violence/Grenade"),
    ("Raportul documentează violuri comise de soldați.", "Violence against civilians/Sexual violence"),
    ("Martorii descriu un masacru în piața satului.", "Violence against civilians/Attack"),
    ("Primarul a fost împușcat mortal în fața casei.", "Violence against civilians/Attack"),
    ("Trei lucrători umanitari au fost răpiți pe drumul spre tabără.", "Violence against civilians/Abduction/forced disappearance"),
    ("Gruparea ține zeci de ostatici.", "Violence against civilians/Abduction/forced disappearance"),
    ("Sute de studenți au protestat în fața ministerului.", "Protests/Peaceful protest"),
    ("Sindicatele au organizat un miting în capitală.", "Protests/Peaceful protest"),
    ("Jandarmii au dispersat mulțimea din fața parlamentului.", "Protests/Protest with intervention"),
    ("Forțele de ordine au deschis focul asupra protestatarilor.", "Protests/Excessive force against protesters"),
    ("Manifestanții au aruncat cu pietre în polițiști.", "Riots/Violent demonstration"),
    ("Poliția a folosit gaze lacrimogene.", "Protests/Protest with intervention"),
    ("O mulțime furioasă l-a linșat pe suspect.", "Riots/Mob violence"),
    ("Părțile au semnat un acord de încetare a focului.", "Strategic developments/Agreement"),
    ("Un nou schimb de prizonieri a avut loc joi.", "Strategic developments/Agreement"),
    ("Poliția a arestat doi bărbați suspectați de spionaj.", "Strategic developments/Arrests"),
    ("Guvernul a decretat starea de urgență în trei județe.", "Strategic developments/Change to group/activity"),
    ("Armata a desfășurat trupe suplimentare la frontieră.", "Strategic developments/Change to group/activity"),
    ("Apărarea antiaeriană a doborât 22 de drone.", "Strategic developments/Disrupted weapons use"),
    ("Geniștii au dezamorsat bomba.", "Strategic developments/Disrupted weapons use"),
    ("Rebelii și-au stabilit o bază în pădure.", "Strategic developments/Headquarters or base established"),
    ("Magazinele au fost jefuite peste noapte.", "Strategic developments/Looting/property destruction"),
    ("Milițiile au predat controlul orașului armatei fără luptă.", "Strategic developments/Non-violent transfer of territory"),
    ("Autoritățile au evacuat trei sate.", "Strategic developments/Other"),
    ("Au fost găsite fragmente de dronă în apropierea satului.", "Strategic developments/Other"),
    ("Atacurile Rusiei cu drone asupra porturilor au continuat.", "Explosions/Remote violence/Air/drone strike"),
    ("Atacul a început înainte de zori.", "_attack"),
]


@pytest.mark.parametrize("text, label", EVENT_CASES)
def test_event_triggers(pack, text, label):
    assert label in labels(pack, "events", text)


# Words that look like triggers but are not (stems that would over-match).
NOT_EVENT_CASES = [
    ("Oleksiy Arestovici a comentat situația.", "Strategic developments/Arrests"),  # arest*
    ("Peninsula Crimeea a fost anexată în 2014.", "Violence against civilians/Attack"),  # crim*
    ("Ajutorul a ajuns rapid la destinație.", "Violence against civilians/Abduction/forced disappearance"),  # rapi*
    ("Violența domestică a crescut.", "Violence against civilians/Sexual violence"),  # viol*
    ("Luptătorii au defilat în oraș.", "Battles/Armed clash"),  # lupt*
    ("Ei luptă pentru libertatea țării.", "Battles/Armed clash"),  # generic "luptă"
    ("Operațiunea este în curs de desfășurare.", "Strategic developments/Change to group/activity"),  # desfășura*
    ("Guvernul a acordat ajutoare sinistraților.", "Strategic developments/Agreement"),  # acord*
    ("Batalionul a fost trimis în sud.", "Battles/Armed clash"),  # batali*
    ("Gradul de alertă a fost ridicat.", "Explosions/Remote violence/Shelling/artillery/missile attack"),  # Grad
    ("Vânt puternic și furtună în nordul țării.", "Strategic developments/Looting/property destruction"),  # furt*
]


@pytest.mark.parametrize("text, label", NOT_EVENT_CASES)
def test_not_event_triggers(pack, text, label):
    assert label not in labels(pack, "events", text)


CERTAINTY_CASES = [
    ("Luptele ar fi în curs de desfășurare.", "likely"),
    ("Zeci de soldați ar fi fost uciși.", "likely"),
    ("Forțele s-au ciocnit probabil cu partizanii.", "likely"),
    ("Se pare că atacul a venit din nord.", "likely"),
    ("Despre forță se crede că include blindate.", "likely"),
    ("Atacul, pretins de dezertori, nu are autor clar.", "likely"),
    ("Identitatea lor rămâne neconfirmată.", "unconfirmed"),
    ("Informația nu a fost confirmată de autorități.", "unconfirmed"),
    ("Cifrele nu au putut fi verificate independent.", "unconfirmed"),
    ("Rebelii pretind că au capturat orașul.", "claimed"),
    ("Gruparea și-a revendicat atacul.", "claimed"),
    ("Ministerul a negat orice implicare.", "denied"),
    ("Armata dezminte informațiile.", "denied"),
    ("Guvernul infirmă zvonurile.", "denied"),
    ("Presa de stat a confirmat pierderile.", "confirmed"),
    ("Agenția a relatat despre explozie.", "reported"),
]


def test_provisional_toll_is_not_a_hedge(pack):
    # A provisional toll is the count so far, stated without a hedge.
    assert "likely" not in labels(pack, "certainty", "Potrivit unui bilanț provizoriu al spitalului, nouă oameni au murit.")


@pytest.mark.parametrize("text, label", CERTAINTY_CASES)
def test_certainty_cues(pack, text, label):
    assert label in labels(pack, "certainty", text)


CLAIM_CASES = [
    ("39 de militari au fost uciși.", "killed"),
    ("Doi civili au murit pe loc.", "killed"),
    ("Trei oameni și-au pierdut viața.", "killed"),
    ("Bilanțul a ajuns la 40 de decese.", "killed"),
    ("Opt civili au fost răniți.", "injured"),
    ("Cinci persoane au fost reținute.", "detained"),
    ("Doi jurnaliști au fost arestați.", "detained"),
    ("Zece marinari sunt dați dispăruți.", "missing"),
    ("Rebelii au cucerit orașul.", "captured"),
    ("Au preluat controlul asupra podului.", "captured"),
    ("Forța controlează teritoriul.", "controls"),
    ("Doar civili au fost răniți, fără decese.", "zero"),
    ("Nu au existat victime.", "zero"),
    ("Scopul operațiunii este de a crea o zonă tampon.", "aim"),
    ("Coloana include o duzină de blindate.", "size"),
    ("Gruparea și-a asumat responsabilitatea.", "perpetrator"),
    ("Militarii erau deghizați în polițiști.", "identity"),
]


@pytest.mark.parametrize("text, label", CLAIM_CASES)
def test_claim_cues(pack, text, label):
    assert label in labels(pack, "claims", text)


ATTRIBUTION_CASES = [
    ("Potrivit ministerului, atacul a eșuat.", "according_to"),
    ("Conform datelor oficiale, bilanțul crește.", "according_to"),
    ("Primarul, citat de Digi24, a cerut ajutor.", "according_to"),
    ("Ministrul a declarat că situația e sub control.", "speech_verbs"),
    ("Oficialii susțin că nu au fost victime.", "speech_verbs"),
    ("Purtătorul de cuvânt a transmis un mesaj.", "speech_verbs"),
    ("Armata a anunțat retragerea.", "speech_verbs"),
    ("Comandantul a declarat pentru Reuters că linia rezistă.", "via"),
]


@pytest.mark.parametrize("text, key", ATTRIBUTION_CASES)
def test_attribution_cues(pack, text, key):
    assert_cue(pack, "attribution", key, text)


SOURCE_CASES = [
    ("Presa rusă a relatat că ...", "press"),
    ("Presa de stat a confirmat ...", "state media"),
    ("Autoritățile locale spun că ...", "governor"),
    ("Autoritățile ruse spun că ...", "authorities"),
    ("Potrivit Ministerului Britanic al Apărării ...", "Ministry of Defence"),
    ("Statul Major General a anunțat ...", "general staff"),
    ("Guvernatorul regiunii a scris ...", "governor"),
    ("Canalele de socializare pro-ucrainene susțin ...", "social media channels"),
    ("spun surse din Serviciile de informații", "intelligence"),
    ("Experții în geolocalizare spun ...", "experts"),
    ("Potrivit ONU, ...", "United Nations"),
    ("Martorii oculari au povestit ...", "witnesses"),
    ("Poliția a anunțat ...", "police"),
]


@pytest.mark.parametrize("text, name", SOURCE_CASES)
def test_source_nouns(pack, text, name):
    assert name in source_labels(pack, text)


def test_source_noun_false_friends(pack):
    assert "police" not in source_labels(pack, "Situația politică este tensionată.")
    assert "authorities" not in source_labels(pack, "Guvernatorul a vorbit.")
    assert "Ministry of Interior" not in source_labels(pack, "Au rămas mai multe case.")


NUMBER_CASES = [
    ("39 de forțe invadatoare", 39),
    ("opt civili au fost răniți", 8),
    ("o duzină de vehicule blindate", 12),
    ("două sute de oameni", 200),
    ("douăzeci și cinci de morți", 25),
    ("trei mii de refugiați", 3000),
    ("șapte persoane", 7),
]


@pytest.mark.parametrize("text, value", NUMBER_CASES)
def test_number_words(pack, text, value):
    assert_first_number(pack, text, value)


def test_number_bounds_vague_and_connector(pack):
    found = numbers_in(pack, "cel puțin 10 morți și zeci de răniți")
    assert found[0].value == 10 and found[0].bound == "lower"
    assert any(n.value is None for n in found)
    assert "de" in pack.section("numbers", "connectors")


def test_dates_with_romanian_mai(pack):
    assert first_date(pack, "Între 19 și 22 mai 2023, forțele s-au ciocnit.") == ("2023-05-19", "2023-05-22", 2)
    for text in ("Cel mai grav incident a avut loc la graniță.", "Împușcături în mai multe orașe."):
        assert dates_in(pack, text) == [], text
    assert dates_in(pack, "Legiunea a fost înființată la începutul lui martie.")[0].precision == 3


CONTEXT_CASES = [
    ("Ciocniri în centrul orașului nu au fost raportate.", "negation_after"),
    ("Belgorod a fost adesea o rampă de lansare pentru atacuri.", "generic"),
    ("Orașul este bombardat în mod repetat.", "generic"),
    ("Rusia amenință că va lovi podul.", "irrealis"),
    ("Nu au fost raportate ciocniri.", "negation"),
]


@pytest.mark.parametrize("text, key", CONTEXT_CASES)
def test_context_cues(pack, text, key):
    assert_cue(pack, "context", key, text)

"""German pack (sitrep/lang/packs/de): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, any_labels, assert_no_event, assert_number_word, labels, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "de"
pack = pack_fixture(CODE)


EVENTS = [
    ("Die Rebellen haben einen Hubschrauber der Armee abgeschossen.", "Battles/Armed clash"),
    ('Zwei Gruppen von Dorfbewohnern gingen mit Stöcken aufeinander los.', 'Riots/Mob violence'),
    ('Die Bauern blockierten die Straße vor dem Ministerium.', 'Protests/Peaceful protest'),
    ('Soldaten haben das Haus in Brand gesteckt und sind abgezogen.', 'Strategic developments/Looting/property destruction'),
    ('Der Sprengsatz ist vorzeitig explodiert und tötete den Bombenbauer.', 'Strategic developments/Disrupted weapons use'),
    ('Die Dorfbewohner griffen zu den Waffen, um sich zu verteidigen.', 'Strategic developments/Change to group/activity'),
    ('Ein humanitärer Korridor wurde für die Zivilisten eingerichtet.', 'Strategic developments/Other'),
    ("Am Stadtrand lieferten sich Armee und Rebellen heftige Gefechte.", "Battles/Armed clash"),
    ("Bei einem Feuergefecht an der Grenze starben drei Soldaten.", "Battles/Armed clash"),
    ("Bei Zusammenstößen zwischen Armee und Milizen gab es Tote.", "Battles/Armed clash"),
    ("Die Patrouille geriet in einen Hinterhalt.", "Battles/Armed clash"),
    ("Die Armee hat das Dorf nach zweitägigen Kämpfen zurückerobert.", "Battles/Government regains territory"),
    ("Die Rückeroberung der Stadt gilt als wichtiger Erfolg.", "Battles/Government regains territory"),
    ("Die Dschihadisten haben den Militärstützpunkt eingenommen.", "Battles/Non-state actor overtakes territory"),
    ("Die Stadt fiel in der Nacht in die Hände der Aufständischen.", "Battles/Non-state actor overtakes territory"),
    ("Die UN untersuchen einen mutmaßlichen Giftgasangriff.", "Explosions/Remote violence/Chemical weapon"),
    ("Es gibt Hinweise auf den Einsatz von Chemiewaffen.", "Explosions/Remote violence/Chemical weapon"),
    ("Ein Luftangriff traf ein Wohnhaus im Süden Gazas.", "Explosions/Remote violence/Air/drone strike"),
    ("Die Stadt wurde in der Nacht von Kamikazedrohnen angegriffen.", "Explosions/Remote violence/Air/drone strike"),
    ("Bei einem Drohnenangriff auf eine Raffinerie brach ein Feuer aus.", "Explosions/Remote violence/Air/drone strike"),
    ("Kampfflugzeuge bombardierten Stellungen der Rebellen.", "Explosions/Remote violence/Air/drone strike"),
    ("Ein Selbstmordattentäter sprengte sich vor einer Moschee in die Luft.", "Explosions/Remote violence/Suicide bomb"),
    ("Bei dem Selbstmordanschlag starben zwanzig Menschen.", "Explosions/Remote violence/Suicide bomb"),
    ("Das Viertel lag unter schwerem Artilleriebeschuss.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Eine ballistische Rakete schlug im Stadtzentrum ein.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Nach dem Raketeneinschlag brannte das Gebäude.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Mörsergranaten schlugen auf dem Markt ein.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Ein Raketenangriff auf Kiew forderte Tote.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Ein Sprengsatz explodierte, als der Konvoi vorbeifuhr.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Ein Bauer trat auf eine Landmine.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Eine Autobombe detonierte vor der Polizeiwache.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Unbekannte warfen eine Handgranate in eine Bar.", "Explosions/Remote violence/Grenade"),
    ("Frauen wurden von Soldaten vergewaltigt.", "Violence against civilians/Sexual violence"),
    ("Der Bericht dokumentiert sexualisierte Gewalt in Haftzentren.", "Violence against civilians/Sexual violence"),
    ("Bewaffnete verübten ein Massaker an den Dorfbewohnern.", "Violence against civilians/Attack"),
    ("Der Bürgermeister wurde vor seinem Haus erschossen.", "Violence against civilians/Attack"),
    ("Vier Zivilisten wurden standrechtlich hingerichtet.", "Violence against civilians/Attack"),
    ("Zwanzig Schüler wurden von Bewaffneten entführt.", "Violence against civilians/Abduction/forced disappearance"),
    ("Die Familie spricht von einer Verschleppung durch den Geheimdienst.", "Violence against civilians/Abduction/forced disappearance"),
    ("Tausende gingen gegen die Regierung auf die Straße.", "Protests/Peaceful protest"),
    ("Eine Kundgebung vor der Botschaft blieb friedlich.", "Protests/Peaceful protest"),
    ("Die Hafenarbeiter sind seit Montag im Streik.", "Protests/Peaceful protest"),
    ("Die Polizei löste die Demonstration vor dem Parlament auf und setzte Schlagstöcke ein.", "Protests/Protest with intervention"),
    ("Dutzende Demonstranten festgenommen.", "Protests/Protest with intervention"),
    ("Sicherheitskräfte schossen auf Demonstranten.", "Protests/Excessive force against protesters"),
    ("Die Soldaten setzten scharfe Munition gegen die Menge ein.", "Protests/Excessive force against protesters"),
    ("In der Hauptstadt kam es zu schweren Ausschreitungen.", "Riots/Violent demonstration"),
    ("Jugendliche warfen Molotowcocktails auf die Kaserne.", "Riots/Violent demonstration"),
    ("Die Polizei setzte Tränengas und Wasserwerfer ein.", "Protests/Protest with intervention"),
    ("Ein mutmaßlicher Dieb wurde von einem Mob gelyncht.", "Riots/Mob violence"),
    ("Eine aufgebrachte Menge griff die Polizeistation an.", "Riots/Mob violence"),
    ("Die Konfliktparteien unterzeichneten ein Waffenstillstandsabkommen.", "Strategic developments/Agreement"),
    ("Eine dreitägige Waffenruhe wurde vereinbart.", "Strategic developments/Agreement"),
    ("Russland und die Ukraine vollzogen einen Gefangenenaustausch.", "Strategic developments/Agreement"),
    ("Die Polizei hat fünf Verdächtige festgenommen.", "Strategic developments/Arrests"),
    ("Der Journalist wurde am Flughafen verhaftet.", "Strategic developments/Arrests"),
    ("Die Behörden verhängten eine Ausgangssperre für die ganze Region.", "Strategic developments/Change to group/activity"),
    ("Die Regierung verhängte das Kriegsrecht.", "Strategic developments/Change to group/activity"),
    ("Es wurden Verstärkungen an die Front geschickt.", "Strategic developments/Change to group/activity"),
    ("Kampfmittelräumer entschärften einen Sprengsatz an der Straße.", "Strategic developments/Disrupted weapons use"),
    ("Die Flugabwehr hat zwei Drohnen über der Stadt abgeschossen.", "Strategic developments/Disrupted weapons use"),
    ("Die Raketen wurden vor dem Einschlag abgefangen.", "Strategic developments/Disrupted weapons use"),
    ("Die Gruppe hat im Wald einen Stützpunkt errichtet.", "Strategic developments/Headquarters or base established"),
    ("Die Milizionäre richteten ihr Hauptquartier in einer Schule ein.", "Strategic developments/Headquarters or base established"),
    ("Die Geschäfte auf dem Markt wurden geplündert.", "Strategic developments/Looting/property destruction"),
    ("Ganze Dörfer wurden dem Erdboden gleichgemacht.", "Strategic developments/Looting/property destruction"),
    ("Die Rebellen haben die Kontrolle über die Stadt der Armee übergeben.", "Strategic developments/Non-violent transfer of territory"),
    ("Die Stadt wurde kampflos aufgegeben.", "Strategic developments/Non-violent transfer of territory"),
    ("Tausende Bewohner wurden evakuiert.", "Strategic developments/Other"),
    ("Das Militär hat einen Putsch verübt.", "Strategic developments/Other"),
    ("Der Konvoi wurde von Bewaffneten angegriffen.", "_attack"),
    ("Unbekannte eröffneten das Feuer auf den Kontrollposten.", "_attack"),
    ("Bei einem Anschlag auf das Krankenhaus gab es Opfer.", "_attack"),
]


@pytest.mark.parametrize("text,label", EVENTS)
def test_event_trigger(pack, text, label):
    assert label in labels(pack, "events", text)


COMPOUNDS = [
    # a stem matches at the start of a word only: each compound head has its own entry.
    ("Drohnenangriff", "Explosions/Remote violence/Air/drone strike"),
    ("Luftangriffe", "Explosions/Remote violence/Air/drone strike"),
    ("Luftschläge", "Explosions/Remote violence/Air/drone strike"),
    ("Raketenangriffen", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Raketeneinschläge", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Artilleriebeschuss", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Autobomben", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Sprengsätze", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Bombenanschlag", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Selbstmordanschläge", "Explosions/Remote violence/Suicide bomb"),
    ("Giftgasangriff", "Explosions/Remote violence/Chemical weapon"),
    ("Handgranaten", "Explosions/Remote violence/Grenade"),
    ("Gegenangriff", "Battles/Armed clash"),
    ("Zusammenstösse", "Battles/Armed clash"),
    ("Großangriff", "_attack"),
    ("Grossangriff", "_attack"),
]


@pytest.mark.parametrize("word,label", COMPOUNDS)
def test_compound(pack, word, label):
    found = labels(pack, "events", word)
    assert found == {label}, found


EVENTS_NOT = [
    # "Kampfjet" is an aircraft, not a ground battle; "Drohne" is not "droht" (irrealis).
    ("Ein Kampfjet überflog die Stadt.", "Battles/Armed clash"),
    # "total" is not dead (no `tot*` stem).
    ("Die Ernte war ein Totalausfall.", None),
    ("Der Minister sprach über Wirtschaft und Tourismus.", None),
    ("Die Mannschaft hat das Fußballspiel gewonnen.", None),
]


@pytest.mark.parametrize("text,label", EVENTS_NOT)
def test_event_non_trigger(pack, text, label):
    assert_no_event(pack, text, label)


def test_drone_is_not_a_threat(pack):
    assert "irrealis" not in any_labels(pack, "context", "Eine Drohne wurde gesichtet.")
    assert "irrealis" in any_labels(pack, "context", "Die Miliz droht mit neuen Angriffen.")


CERTAINTY = [
    ("Bei dem Angriff sollen zwölf Zivilisten getötet worden sein.", "likely"),
    ("Der Kommandeur soll bei dem Beschuss ums Leben gekommen sein.", "likely"),
    ("Der mutmaßliche Täter wurde festgenommen.", "likely"),
    ("Der mutmassliche Täter wurde festgenommen.", "likely"),
    ("Es handelt sich offenbar um eine russische Rakete.", "likely"),
    ("Das Feuer wurde vermutlich gelegt.", "likely"),
    ("Angeblich wurden zwanzig Soldaten gefangen genommen.", "likely"),
    ("Die Angaben ließen sich nicht unabhängig überprüfen.", "unconfirmed"),
    ("Unbestätigten Berichten zufolge gab es hundert Tote.", "unconfirmed"),
    ("Die Zahl ist bislang nicht bestätigt.", "unconfirmed"),
    ("Der Islamische Staat reklamierte den Anschlag für sich.", "claimed"),
    ("Moskau behauptet, das Dorf eingenommen zu haben.", "claimed"),
    ("Der Kreml dementierte jede Beteiligung.", "denied"),
    ("Die Armee bestritt, das Krankenhaus angegriffen zu haben.", "denied"),
    ("Das Ministerium wies die Vorwürfe entschieden zurück.", "denied"),
    ("Das Gesundheitsministerium bestätigte den Tod von drei Menschen.", "confirmed"),
    ("Laut BBC gibt es zehn Verletzte.", "reported"),
    ("Nach Angaben der Polizei wurde das Gebiet abgeriegelt.", "reported"),
]


@pytest.mark.parametrize("text,label", CERTAINTY)
def test_certainty_cue(pack, text, label):
    assert label in labels(pack, "certainty", text)


def test_unconfirmed_beats_confirmed_on_overlap(pack):
    found = labels(pack, "certainty", "Die Bilanz wurde nicht bestätigt.")
    assert "unconfirmed" in found and "confirmed" not in found


CLAIMS = [
    ('Ein Händler wurde auf offener Straße erstochen.', 'killed'),
    ("Mindestens zwölf Menschen wurden getötet.", "killed"),
    ("Die Zahl der Toten stieg auf 39.", "killed"),
    ("Drei Soldaten kamen ums Leben.", "killed"),
    ("Sechs Menschen wurden verletzt.", "injured"),
    ("Vier Verwundete liegen im Krankenhaus.", "injured"),
    ("Die Polizei hat zwanzig Personen festgenommen.", "detained"),
    ("Hunderte Soldaten gerieten in Gefangenschaft.", "detained"),
    ("Fünf Menschen werden vermisst.", "missing"),
    ("Die Truppen haben den Hügel erobert.", "captured"),
    ("Die Rebellen kontrollieren die Hauptstraße.", "controls"),
    ("Es gab keine Toten.", "zero"),
    ("Ziel der Operation sei die Zerstörung der Infrastruktur.", "aim"),
    ("Eine Kolonne von fünfzig Fahrzeugen, darunter zehn Panzer.", "size"),
    ("Zu dem Anschlag bekannte sich al-Shabaab.", "perpetrator"),
    ("Die Angreifer waren als Polizisten verkleidet.", "identity"),
]


@pytest.mark.parametrize("text,label", CLAIMS)
def test_claim_cue(pack, text, label):
    assert label in any_labels(pack, "claims", text)


def test_total_is_not_dead(pack):
    assert "killed" not in any_labels(pack, "claims", "Insgesamt zwölf Fahrzeuge wurden total beschädigt.")


ATTRIBUTION = [
    ("Laut dem Verteidigungsministerium wurden zwanzig Drohnen abgeschossen.", "according_to"),
    ("Nach Angaben der örtlichen Behörden ist die Bilanz vorläufig.", "according_to"),
    ("Dem Gouverneur zufolge bleiben die Schulen geschlossen.", "according_to"),
    ("Die Agentur berichtete unter Berufung auf Militärkreise von drei Toten.", "according_to"),
    ("Der Sprecher sagte, der Angriff sei gescheitert.", "speech_verbs"),
    ("Das Ministerium teilte am Abend mit, die Lage sei ruhig.", "speech_verbs"),
    ("Der Kommandeur sagte der Nachrichtenagentur dpa, die Linie halte.", "via"),
    ("Im Gespräch mit dem Sender schloss der Minister Verhandlungen aus.", "via"),
]


@pytest.mark.parametrize("text,label", ATTRIBUTION)
def test_attribution_cue(pack, text, label):
    assert label in any_labels(pack, "attribution", text)


SOURCES = [
    ("Die Staatsmedien verbreiteten das Video.", "state media"),
    ("Der ukrainische Generalstab aktualisierte die Bilanz.", "general staff"),
    ("Das russische Verteidigungsministerium bestätigte den Angriff.", "Ministry of Defence"),
    ("Augenzeugen berichten von einer lauten Explosion.", "witnesses"),
    ("Aus Sicherheitskreisen hieß es, der Täter sei bekannt.", "sources"),
    ("Die Vereinten Nationen fordern eine Untersuchung.", "United Nations"),
    ("Ärzte ohne Grenzen beklagt einen Mangel an Medikamenten.", "NGO"),
]


@pytest.mark.parametrize("text,noun", SOURCES)
def test_source_noun(pack, text, noun):
    assert noun in source_labels(pack, text)


NUMBERS = [
    ("ein", 1), ("eine", 1), ("einen", 1), ("einem", 1), ("zwei", 2), ("drei", 3), ("zwölf", 12), ("siebzehn", 17), ("zwanzig", 20),
    ("dreißig", 30), ("dreissig", 30), ("hundert", 100), ("ein Dutzend", 12), ("ein halbes Dutzend", 6), ("beide", 2), ("null", 0),
]


@pytest.mark.parametrize("word,value", NUMBERS)
def test_number_word(pack, word, value):
    assert_number_word(pack, word, value)


def test_number_multipliers_and_connectors(pack):
    mult = {fold(k): v for k, v in pack.section("numbers", "multipliers").items()}
    assert mult["hunderte"] == 100 and mult["tausende"] == 1000
    assert "von" in pack.section("numbers", "connectors")
    assert "dutzende" in pack.section("numbers", "vague")
    assert "mindestens" in pack.section("numbers", "lower_bound")


def test_dates(pack):
    assert {"zwischen", "vom"} <= set(pack.section("dates", "range_openers"))
    assert {"und", "bis"} <= set(pack.section("dates", "range_connectors"))
    last = pack.lexicon("dates", "last")
    assert last.find(fold("vergangenen Donnerstag")) and last.find(fold("letzte Woche"))
    assert pack.section("dates", "capitalised_months") is True


CONTEXT = [
    ("Die Gegend ist oft Schauplatz von Angriffen.", "generic"),
    ("Die Gruppe drohte mit Angriffen auf die Hauptstadt.", "irrealis"),
    ("Falls die Verhandlungen scheitern, geht die Offensive weiter.", "irrealis"),
    ("Es wurden keine Gefechte gemeldet.", "negation"),
]


@pytest.mark.parametrize("text,label", CONTEXT)
def test_context_cue(pack, text, label):
    assert label in any_labels(pack, "context", text)


def test_toll_word_alone_is_not_a_death_cue(pack):
    # "no toll was published" must not read as "no deaths".
    assert "killed" not in any_labels(pack, "claims", 'Die Behörden veröffentlichten keine Bilanz.')


def test_a_report_denied_after_the_trigger(pack):
    assert_cue(pack, "context", "negation_after", "Gefechte in der Stadt wurden nicht gemeldet.")

"""Spanish pack (sitrep/lang/packs/es): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, any_labels, assert_no_event, assert_number_word, labels, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "es"
pack = pack_fixture(CODE)


EVENTS = [
    ("Los rebeldes derribaron un helicóptero del ejército.", "Battles/Armed clash"),
    ('Dos grupos criminales se enfrentaron a balazos.', 'Battles/Armed clash'),
    ('Dos grupos de vecinos se enfrentaron con palos por un terreno.', 'Riots/Mob violence'),
    ('Los trabajadores bloquearon la carretera federal durante horas.', 'Protests/Peaceful protest'),
    ('La policía incautó dos kilos de cocaína en el puerto.', 'Strategic developments/Looting/property destruction'),
    ('Una granada explotó prematuramente y mató al atacante.', 'Strategic developments/Disrupted weapons use'),
    ('Los comuneros anunciaron que van a tomar las armas.', 'Strategic developments/Change to group/activity'),
    ('Se abrió un corredor humanitario para los migrantes.', 'Strategic developments/Other'),
    ("Intensos enfrentamientos entre el ejército y los rebeldes en las afueras de la ciudad.", "Battles/Armed clash"),
    ("Un tiroteo entre sicarios y militares dejó tres muertos.", "Battles/Armed clash"),
    ("La patrulla cayó en una emboscada cerca de la frontera.", "Battles/Armed clash"),
    ("El ejército recuperó el control del aeropuerto tras dos días de combates.", "Battles/Government regains territory"),
    ("Las tropas ucranianas retomaron el control de varias aldeas.", "Battles/Government regains territory"),
    ("Los yihadistas se apoderaron de la base militar.", "Battles/Non-state actor overtakes territory"),
    ("La ciudad cayó en manos de los insurgentes durante la noche.", "Battles/Non-state actor overtakes territory"),
    ("La ONU investiga un presunto ataque químico en la provincia.", "Explosions/Remote violence/Chemical weapon"),
    ("Los vecinos denunciaron un fuerte olor a cloro.", "Explosions/Remote violence/Chemical weapon"),
    ("Un ataque aéreo alcanzó un edificio residencial en Gaza.", "Explosions/Remote violence/Air/drone strike"),
    ("La ciudad fue atacada con drones kamikaze durante la noche.", "Explosions/Remote violence/Air/drone strike"),
    ("Aviones de combate bombardearon las posiciones rebeldes.", "Explosions/Remote violence/Air/drone strike"),
    ("Un terrorista suicida se hizo estallar frente a una mezquita.", "Explosions/Remote violence/Suicide bomb"),
    ("El atentado suicida dejó veinte muertos.", "Explosions/Remote violence/Suicide bomb"),
    ("El barrio fue bombardeado con artillería pesada.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un misil balístico impactó en el centro de la ciudad.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Desde Gaza se lanzaron decenas de cohetes.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Proyectiles de mortero cayeron sobre el mercado.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un artefacto explosivo improvisado estalló al paso del convoy.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un campesino pisó una mina antipersona.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un coche bomba explotó cerca de la comisaría.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Desconocidos lanzaron una granada contra un bar.", "Explosions/Remote violence/Grenade"),
    ("Varias mujeres fueron violadas por los soldados.", "Violence against civilians/Sexual violence"),
    ("El informe documenta casos de violencia sexual en los centros de detención.", "Violence against civilians/Sexual violence"),
    ("Hombres armados perpetraron una masacre en la aldea.", "Violence against civilians/Attack"),
    ("El alcalde fue asesinado frente a su casa.", "Violence against civilians/Attack"),
    ("Cuatro civiles fueron ejecutados sumariamente.", "Violence against civilians/Attack"),
    ("Veinte estudiantes fueron secuestrados por hombres armados.", "Violence against civilians/Abduction/forced disappearance"),
    ("La familia denuncia una desaparición forzada.", "Violence against civilians/Abduction/forced disappearance"),
    ("Miles de personas salieron a las calles contra el gobierno.", "Protests/Peaceful protest"),
    ("Una marcha pacífica recorrió el centro de la capital.", "Protests/Peaceful protest"),
    ("Los trabajadores portuarios están en huelga desde el lunes.", "Protests/Peaceful protest"),
    ("La policía dispersó a la multitud frente al congreso.", "Protests/Protest with intervention"),
    ("Decenas de manifestantes detenidos durante la protesta.", "Protests/Protest with intervention"),
    ("Las fuerzas de seguridad dispararon contra los manifestantes.", "Protests/Excessive force against protesters"),
    ("Los agentes usaron munición real contra la multitud.", "Protests/Excessive force against protesters"),
    ("Graves disturbios estallaron en la capital.", "Riots/Violent demonstration"),
    ("Los jóvenes lanzaron cócteles molotov contra el cuartel.", "Riots/Violent demonstration"),
    ("La policía respondió con gases lacrimógenos.", "Protests/Protest with intervention"),
    ("Un presunto ladrón fue linchado por una turba.", "Riots/Mob violence"),
    ("Vecinos enfurecidos golpearon al sospechoso.", "Riots/Mob violence"),
    ("Las partes firmaron un acuerdo de alto el fuego.", "Strategic developments/Agreement"),
    ("Se pactó una tregua de tres días.", "Strategic developments/Agreement"),
    ("Rusia y Ucrania realizaron un intercambio de prisioneros.", "Strategic developments/Agreement"),
    ("La policía detuvo a cinco sospechosos.", "Strategic developments/Arrests"),
    ("El periodista fue arrestado en el aeropuerto.", "Strategic developments/Arrests"),
    ("Las autoridades impusieron el toque de queda en toda la región.", "Strategic developments/Change to group/activity"),
    ("El gobierno decretó la ley marcial.", "Strategic developments/Change to group/activity"),
    ("Se enviaron refuerzos al frente.", "Strategic developments/Change to group/activity"),
    ("Los artificieros desactivaron un artefacto en la carretera.", "Strategic developments/Disrupted weapons use"),
    ("La defensa antiaérea derribó dos drones sobre la ciudad.", "Strategic developments/Disrupted weapons use"),
    ("Los misiles fueron interceptados antes del impacto.", "Strategic developments/Disrupted weapons use"),
    ("El grupo estableció una base en la selva.", "Strategic developments/Headquarters or base established"),
    ("Los milicianos instalaron su cuartel general en una escuela.", "Strategic developments/Headquarters or base established"),
    ("Las tiendas del mercado fueron saqueadas.", "Strategic developments/Looting/property destruction"),
    ("Aldeas enteras fueron arrasadas.", "Strategic developments/Looting/property destruction"),
    ("Los rebeldes entregaron el control de la ciudad al ejército.", "Strategic developments/Non-violent transfer of territory"),
    ("Las tropas se retiraron y la ciudad cambió de manos sin combatir.", "Strategic developments/Non-violent transfer of territory"),
    ("Miles de vecinos fueron evacuados.", "Strategic developments/Other"),
    ("Los militares dieron un golpe de Estado.", "Strategic developments/Other"),
    ("El convoy fue atacado por hombres armados.", "_attack"),
    ("Desconocidos abrieron fuego contra el puesto de control.", "_attack"),
    ("El hospital fue blanco de un atentado.", "_attack"),
]


@pytest.mark.parametrize("text,label", EVENTS)
def test_event_trigger(pack, text, label):
    assert label in labels(pack, "events", text)


EVENTS_NOT = [
    # a ceasefire violation is not rape.
    ("Ambas partes denunciaron una violación del alto el fuego.", "Violence against civilians/Sexual violence"),
    # "ejecutivo" is the executive, not an execution; "explotación" is exploitation.
    ("El ejecutivo aprobó el presupuesto.", "Violence against civilians/Attack"),
    ("La explotación minera creció un diez por ciento.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    # Granada the city is not a grenade; "en marcha" is not a march.
    ("El ministro viajó a Granada para la cumbre.", "Explosions/Remote violence/Grenade"),
    ("El gobierno puso en marcha un plan de vivienda.", "Protests/Peaceful protest"),
    ("El ministro habló de economía y de turismo.", None),
    ("El equipo ganó el partido de fútbol.", None),
]


@pytest.mark.parametrize("text,label", EVENTS_NOT)
def test_event_non_trigger(pack, text, label):
    assert_no_event(pack, text, label)


CERTAINTY = [
    ("En el ataque habrían muerto doce civiles.", "likely"),
    ("El comandante habría sido abatido en el bombardeo.", "likely"),
    ("El presunto autor fue detenido.", "likely"),
    ("Al parecer se trata de un misil ruso.", "likely"),
    ("Probablemente el fuego fue provocado.", "likely"),
    ("La información no ha sido confirmada de forma independiente.", "unconfirmed"),
    ("Cifras sin confirmar hablan de cien muertos.", "unconfirmed"),
    ("Estas imágenes no pudieron ser verificadas.", "unconfirmed"),
    ("El Estado Islámico reivindicó el atentado.", "claimed"),
    ("Moscú aseguró haber tomado la aldea.", "claimed"),
    ("El Kremlin desmintió cualquier implicación.", "denied"),
    ("El ejército negó haber atacado el hospital.", "denied"),
    ("El Ministerio de Salud confirmó la muerte de tres personas.", "confirmed"),
    ("Según la BBC, los heridos son diez.", "reported"),
    ("De acuerdo con la policía, la zona fue acordonada.", "reported"),
]


@pytest.mark.parametrize("text,label", CERTAINTY)
def test_certainty_cue(pack, text, label):
    assert label in labels(pack, "certainty", text)


def test_unconfirmed_beats_confirmed_on_overlap(pack):
    found = labels(pack, "certainty", "El balance no ha sido confirmado.")
    assert "unconfirmed" in found and "confirmed" not in found


CLAIMS = [
    ('Un hombre fue golpeado hasta la muerte en el mercado.', 'killed'),
    ("Al menos doce personas murieron en el ataque.", "killed"),
    ("El balance asciende a 39 muertos.", "killed"),
    ("Tres soldados perdieron la vida.", "killed"),
    ("Seis personas resultaron heridas.", "injured"),
    ("Cuatro lesionados fueron hospitalizados.", "injured"),
    ("La policía arrestó a veinte personas; los detenidos fueron trasladados.", "detained"),
    ("Cientos de soldados fueron hechos prisioneros.", "detained"),
    ("Cinco personas siguen desaparecidas.", "missing"),
    ("Las tropas tomaron el control de la colina.", "captured"),
    ("Los rebeldes controlan la carretera principal.", "controls"),
    ("No hubo víctimas mortales.", "zero"),
    ("El objetivo de la operación es destruir la infraestructura.", "aim"),
    ("Una columna de cincuenta vehículos, incluidos diez tanques.", "size"),
    ("El ataque fue reivindicado por Al Shabab.", "perpetrator"),
    ("Los atacantes iban disfrazados de policías.", "identity"),
]


@pytest.mark.parametrize("text,label", CLAIMS)
def test_claim_cue(pack, text, label):
    assert label in any_labels(pack, "claims", text)


def test_security_forces_are_not_bodies(pack):
    assert "killed" not in any_labels(pack, "claims", "Doce miembros de los cuerpos de seguridad patrullan la zona.")


ATTRIBUTION = [
    ("Según el Ministerio de Defensa, fueron derribados veinte drones.", "according_to"),
    ("De acuerdo con las autoridades locales, el balance es provisional.", "according_to"),
    ("La agencia informó, citando fuentes militares, que hubo tres muertos.", "according_to"),
    ("La declaración, citada por Reuters, habla de tres muertos.", "according_to"),
    ("El portavoz declaró que el ataque fracasó.", "speech_verbs"),
    ("El gobernador informó que las escuelas seguirán cerradas.", "speech_verbs"),
    ("El comandante dijo a EFE que la línea resiste.", "via"),
    ("En declaraciones a la radio, el ministro descartó negociar.", "via"),
]


@pytest.mark.parametrize("text,label", ATTRIBUTION)
def test_attribution_cue(pack, text, label):
    assert label in any_labels(pack, "attribution", text)


SOURCES = [
    ("Los medios estatales difundieron el vídeo.", "state media"),
    ("El Estado Mayor ucraniano actualizó el balance.", "general staff"),
    ("El Ministerio de Defensa ruso lo confirmó.", "Ministry of Defence"),
    ("Según testigos, la explosión se oyó a kilómetros.", "witnesses"),
    ("Fuentes cercanas a la negociación hablan de avances.", "sources"),
    ("La ONU pide una investigación independiente.", "United Nations"),
    ("Médicos Sin Fronteras denuncia la falta de medicamentos.", "NGO"),
]


@pytest.mark.parametrize("text,noun", SOURCES)
def test_source_noun(pack, text, noun):
    assert noun in source_labels(pack, text)


NUMBERS = [
    ("uno", 1), ("una", 1), ("un", 1), ("dos", 2), ("tres", 3), ("doce", 12), ("dieciséis", 16), ("veinte", 20), ("cien", 100),
    ("una docena", 12), ("media docena", 6), ("un centenar", 100), ("un millar", 1000), ("ambos", 2),
]


@pytest.mark.parametrize("word,value", NUMBERS)
def test_number_word(pack, word, value):
    assert_number_word(pack, word, value)


def test_number_multipliers_and_connectors(pack):
    mult = {fold(k): v for k, v in pack.section("numbers", "multipliers").items()}
    assert mult["miles"] == 1000 and mult["cientos"] == 100
    assert "de" in pack.section("numbers", "connectors")
    assert "decenas" in pack.section("numbers", "vague")
    assert "al menos" in pack.section("numbers", "lower_bound")


def test_dates(pack):
    assert {"entre", "del"} <= set(pack.section("dates", "range_openers"))
    assert {"y", "al"} <= set(pack.section("dates", "range_connectors"))
    last = pack.lexicon("dates", "last")
    assert last.find(fold("el jueves pasado")) and last.find(fold("los últimos días"))
    assert pack.section("dates", "capitalised_months") is False


CONTEXT = [
    ("La zona es a menudo escenario de ataques.", "generic"),
    ("El grupo amenazó con atacar la capital.", "irrealis"),
    ("Si fracasan las negociaciones, la ofensiva continuará.", "irrealis"),
    ("No se registraron enfrentamientos.", "negation"),
]


@pytest.mark.parametrize("text,label", CONTEXT)
def test_context_cue(pack, text, label):
    assert label in any_labels(pack, "context", text)


def test_toll_word_alone_is_not_a_death_cue(pack):
    # "no toll was published" must not read as "no deaths".
    assert "killed" not in any_labels(pack, "claims", 'Las autoridades no han publicado ningún balance.')


def test_a_report_denied_after_the_trigger(pack):
    assert_cue(pack, "context", "negation_after", "Enfrentamientos en el centro no se registraron.")

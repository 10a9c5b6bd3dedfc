"""Italian pack (sitrep/lang/packs/it): case tables written by the sitrep team.

Every sentence is our own. Each must hit (or must not hit) a label of the real pack, compiled
by the real loader, on folded text exactly as the extractors see it.
"""

from __future__ import annotations

import pytest

from packcheck import assert_cue, any_labels, assert_no_event, assert_number_word, labels, pack_fixture, source_labels
from sitrep.lang.text import fold

CODE = "it"
pack = pack_fixture(CODE)


EVENTS = [
    ("I ribelli hanno abbattuto un elicottero dell'esercito.", "Battles/Armed clash"),
    ('Due gruppi armati si sono scontrati vicino al confine.', 'Battles/Armed clash'),
    ('Due gruppi di braccianti si sono affrontati con bastoni.', 'Riots/Mob violence'),
    ('Gli operai hanno bloccato la strada statale per protesta.', 'Protests/Peaceful protest'),
    ('La polizia ha sequestrato due chili di cocaina al porto.', 'Strategic developments/Looting/property destruction'),
    ("Gli artificieri hanno fatto brillare l'ordigno in un campo.", 'Strategic developments/Disrupted weapons use'),
    ('Gli abitanti hanno preso le armi contro le bande.', 'Strategic developments/Change to group/activity'),
    ('È stato aperto un corridoio umanitario per i civili.', 'Strategic developments/Other'),
    ("Violenti scontri sono proseguiti per tutta la notte alla periferia della città.", "Battles/Armed clash"),
    ("Un conflitto a fuoco tra esercito e miliziani ha provocato tre morti.", "Battles/Armed clash"),
    ("I soldati sono caduti in un'imboscata vicino al confine.", "Battles/Armed clash"),
    ("L'esercito ha riconquistato il villaggio dopo due giorni di combattimenti.", "Battles/Government regains territory"),
    ("Le forze governative hanno ripreso il controllo dell'aeroporto.", "Battles/Government regains territory"),
    ("I jihadisti hanno conquistato la base militare nel nord del paese.", "Battles/Non-state actor overtakes territory"),
    ("La città è caduta nelle mani dei ribelli nella notte.", "Battles/Non-state actor overtakes territory"),
    ("Ispettori indagano su un presunto attacco chimico nella provincia.", "Explosions/Remote violence/Chemical weapon"),
    ("Testimoni parlano di odore di cloro dopo l'esplosione dei proiettili.", "Explosions/Remote violence/Chemical weapon"),
    ("Un raid aereo ha colpito un edificio residenziale a Khan Yunis.", "Explosions/Remote violence/Air/drone strike"),
    ("Nella notte la città è stata attaccata da droni kamikaze.", "Explosions/Remote violence/Air/drone strike"),
    ("Un attacco con droni ha danneggiato una raffineria.", "Explosions/Remote violence/Air/drone strike"),
    ("Un kamikaze si è fatto esplodere davanti a una moschea.", "Explosions/Remote violence/Suicide bomb"),
    ("L'attentatore indossava una cintura esplosiva.", "Explosions/Remote violence/Suicide bomb"),
    ("Il quartiere è stato bombardato con l'artiglieria pesante.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un missile balistico ha colpito il centro della città.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Dalla Striscia sono stati lanciati decine di razzi.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Colpi di mortaio sono caduti sul mercato.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un ordigno esplosivo improvvisato è esploso al passaggio del convoglio.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un contadino è saltato su una mina antiuomo.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Un'autobomba è esplosa vicino al comando di polizia.", "Explosions/Remote violence/Remote explosive/landmine/IED"),
    ("Sconosciuti hanno lanciato una bomba a mano contro il bar.", "Explosions/Remote violence/Grenade"),
    ("Una granata è stata lanciata nel cortile della scuola.", "Explosions/Remote violence/Grenade"),
    ("Le donne hanno denunciato stupri commessi dai soldati.", "Violence against civilians/Sexual violence"),
    ("Il rapporto documenta casi di violenza sessuale nei centri di detenzione.", "Violence against civilians/Sexual violence"),
    ("Uomini armati hanno massacrato gli abitanti del villaggio.", "Violence against civilians/Attack"),
    ("Il sindaco è stato freddato davanti a casa sua.", "Violence against civilians/Attack"),
    ("Quattro civili sono stati giustiziati sommariamente.", "Violence against civilians/Attack"),
    ("Venti studenti sono stati rapiti da uomini armati.", "Violence against civilians/Abduction/forced disappearance"),
    ("L'attivista è vittima di una sparizione forzata.", "Violence against civilians/Abduction/forced disappearance"),
    ("Migliaia di persone sono scese in piazza contro il governo.", "Protests/Peaceful protest"),
    ("Un corteo ha attraversato il centro chiedendo la pace.", "Protests/Peaceful protest"),
    ("I lavoratori del porto sono in sciopero da lunedì.", "Protests/Peaceful protest"),
    ("La polizia ha disperso la folla davanti al parlamento.", "Protests/Protest with intervention"),
    ("Decine di manifestanti arrestati durante il sit-in.", "Protests/Protest with intervention"),
    ("Le forze di sicurezza hanno sparato sui manifestanti.", "Protests/Excessive force against protesters"),
    ("Gli agenti hanno usato proiettili veri contro la folla.", "Protests/Excessive force against protesters"),
    ("Nella notte sono scoppiati disordini nella capitale.", "Riots/Violent demonstration"),
    ("I giovani hanno lanciato molotov contro la caserma.", "Riots/Violent demonstration"),
    ("La polizia ha risposto con gas lacrimogeni e idranti.", "Protests/Protest with intervention"),
    ("Un presunto ladro è stato linciato dalla folla.", "Riots/Mob violence"),
    ("Una folla inferocita ha assaltato la stazione di polizia.", "Riots/Mob violence"),
    ("Le parti hanno firmato un accordo di cessate il fuoco.", "Strategic developments/Agreement"),
    ("È stata concordata una tregua di tre giorni.", "Strategic developments/Agreement"),
    ("Russia e Ucraina hanno effettuato uno scambio di prigionieri.", "Strategic developments/Agreement"),
    ("La polizia ha arrestato cinque sospetti.", "Strategic developments/Arrests"),
    ("Il giornalista è stato tratto in arresto all'aeroporto.", "Strategic developments/Arrests"),
    ("Le autorità hanno imposto il coprifuoco in tutta la regione.", "Strategic developments/Change to group/activity"),
    ("Il governo ha proclamato la legge marziale.", "Strategic developments/Change to group/activity"),
    ("Nuovi rinforzi sono stati inviati al fronte.", "Strategic developments/Change to group/activity"),
    ("Gli artificieri hanno disinnescato un ordigno sulla strada.", "Strategic developments/Disrupted weapons use"),
    ("La difesa aerea ha abbattuto due droni sopra la città.", "Strategic developments/Disrupted weapons use"),
    ("I missili sono stati intercettati prima dell'impatto.", "Strategic developments/Disrupted weapons use"),
    ("Il gruppo ha stabilito una base nella foresta.", "Strategic developments/Headquarters or base established"),
    ("I miliziani hanno installato il loro quartier generale in una scuola.", "Strategic developments/Headquarters or base established"),
    ("I negozi del mercato sono stati saccheggiati.", "Strategic developments/Looting/property destruction"),
    ("Interi villaggi sono stati rasi al suolo.", "Strategic developments/Looting/property destruction"),
    ("I ribelli hanno consegnato il controllo della città all'esercito.", "Strategic developments/Non-violent transfer of territory"),
    ("Le truppe si sono ritirate e la città è passata senza combattere.", "Strategic developments/Non-violent transfer of territory"),
    ("Migliaia di residenti sono stati evacuati.", "Strategic developments/Other"),
    ("I militari hanno compiuto un colpo di stato.", "Strategic developments/Other"),
    ("Il convoglio è stato attaccato da uomini armati.", "_attack"),
    ("Un agguato contro una pattuglia ha causato due vittime.", "_attack"),
    ("Gli insorti hanno aperto il fuoco contro il posto di blocco.", "_attack"),
]


@pytest.mark.parametrize("text,label", EVENTS)
def test_event_trigger(pack, text, label):
    assert label in labels(pack, "events", text)


EVENTS_NOT = [
    # "razzismo" is not a rocket, "mortale" and "morte" are not mortars.
    ("Il governo condanna ogni forma di razzismo.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    ("Un incidente mortale in autostrada.", "Explosions/Remote violence/Shelling/artillery/missile attack"),
    # "rivolto a" (addressed to) is not a revolt.
    ("Un appello rivolto ai cittadini.", "Riots/Violent demonstration"),
    # missing people ("dispersi") are not a dispersed protest.
    ("Due pescatori risultano dispersi in mare.", "Protests/Protest with intervention"),
    ("Il ministro ha parlato di economia e di turismo.", None),
    ("La squadra ha vinto la partita di calcio.", None),
]


@pytest.mark.parametrize("text,label", EVENTS_NOT)
def test_event_non_trigger(pack, text, label):
    assert_no_event(pack, text, label)


CERTAINTY = [
    ("Nell'attacco sarebbero stati uccisi dodici civili.", "likely"),
    ("Il comandante sarebbe morto nel bombardamento.", "likely"),
    ("Il presunto autore è stato fermato.", "likely"),
    ("Probabilmente si tratta di un missile russo.", "likely"),
    ("La notizia non è stata confermata da fonti indipendenti.", "unconfirmed"),
    ("Le cifre non confermate parlano di cento morti.", "unconfirmed"),
    ("Non è stato possibile verificare le immagini.", "unconfirmed"),
    ("Lo Stato islamico ha rivendicato l'attentato.", "claimed"),
    ("Mosca sostiene di aver conquistato il villaggio.", "claimed"),
    ("Il Cremlino ha smentito ogni coinvolgimento.", "denied"),
    ("L'esercito ha negato di aver colpito l'ospedale.", "denied"),
    ("Il ministero della salute ha confermato la morte di tre persone.", "confirmed"),
    ("Secondo la Bbc, i feriti sono dieci.", "reported"),
    ("La polizia ha fatto sapere che l'area è stata chiusa.", "reported"),
]


@pytest.mark.parametrize("text,label", CERTAINTY)
def test_certainty_cue(pack, text, label):
    assert label in labels(pack, "certainty", text)


def test_unconfirmed_beats_confirmed_on_overlap(pack):
    found = labels(pack, "certainty", "Il bilancio non è stato confermato.")
    assert "unconfirmed" in found and "confirmed" not in found


CLAIMS = [
    ('Un commerciante è stato accoltellato a morte davanti al negozio.', 'killed'),
    ("Almeno dodici persone sono state uccise.", "killed"),
    ("Il bilancio delle vittime è salito a 39 morti.", "killed"),
    ("Tre soldati hanno perso la vita.", "killed"),
    ("Sei persone sono rimaste ferite.", "injured"),
    ("Quattro feriti sono ricoverati in ospedale.", "injured"),
    ("La polizia ha arrestato venti persone.", "detained"),
    ("Centinaia di soldati sono stati fatti prigionieri.", "detained"),
    ("Cinque persone risultano disperse.", "missing"),
    ("Le truppe hanno conquistato la collina.", "captured"),
    ("I ribelli controllano la strada principale.", "controls"),
    ("Nessuna vittima è stata segnalata.", "zero"),
    ("L'obiettivo dell'operazione è distruggere le infrastrutture.", "aim"),
    ("Una colonna di cinquanta mezzi, tra cui dieci carri armati.", "size"),
    ("L'attacco è stato rivendicato da al-Shabaab.", "perpetrator"),
    ("Gli aggressori erano travestiti da poliziotti.", "identity"),
]


@pytest.mark.parametrize("text,label", CLAIMS)
def test_claim_cue(pack, text, label):
    assert label in any_labels(pack, "claims", text)


def test_mortars_are_not_deaths(pack):
    assert "killed" not in any_labels(pack, "claims", "Sono stati sequestrati dodici mortai.")


ATTRIBUTION = [
    ("Secondo il ministero della difesa, i droni abbattuti sono venti.", "according_to"),
    ("Stando alle autorità locali, il bilancio è provvisorio.", "according_to"),
    ("Lo riferisce l'agenzia Ansa, citando fonti militari.", "according_to"),
    ("La dichiarazione, citata da Reuters, parla di tre morti.", "according_to"),
    ("Il portavoce ha dichiarato che l'attacco è fallito.", "speech_verbs"),
    ("Il governatore ha reso noto che le scuole resteranno chiuse.", "speech_verbs"),
    ("Il comandante ha detto all'Ansa che la linea regge.", "via"),
    ("In un'intervista alla Rai il ministro ha escluso trattative.", "via"),
]


@pytest.mark.parametrize("text,label", ATTRIBUTION)
def test_attribution_cue(pack, text, label):
    assert label in any_labels(pack, "attribution", text)


SOURCES = [
    ("I media statali hanno diffuso il video.", "state media"),
    ("Lo stato maggiore ucraino ha aggiornato il bilancio.", "general staff"),
    ("Il ministero della difesa russo ha confermato.", "Ministry of Defence"),
    ("Lo ha riferito la protezione civile.", "witnesses"),
    ("Fonti vicine al dossier parlano di trattative.", "sources"),
    ("L'Onu chiede un'indagine indipendente.", "United Nations"),
    ("Medici senza frontiere denuncia la mancanza di farmaci.", "NGO"),
]


@pytest.mark.parametrize("text,noun", SOURCES)
def test_source_noun(pack, text, noun):
    assert noun in source_labels(pack, text)


NUMBERS = [
    ("uno", 1), ("una", 1), ("due", 2), ("tre", 3), ("dodici", 12), ("diciassette", 17), ("venti", 20), ("cento", 100),
    ("una dozzina", 12), ("mezza dozzina", 6), ("un centinaio", 100), ("un migliaio", 1000), ("entrambi", 2),
]


@pytest.mark.parametrize("word,value", NUMBERS)
def test_number_word(pack, word, value):
    assert_number_word(pack, word, value)


def test_number_multipliers_and_connectors(pack):
    mult = {fold(k): v for k, v in pack.section("numbers", "multipliers").items()}
    assert mult["centinaia"] == 100 and mult["migliaia"] == 1000 and mult["mila"] == 1000
    assert "di" in pack.section("numbers", "connectors")
    assert "decine" in pack.section("numbers", "vague")
    assert "almeno" in pack.section("numbers", "lower_bound")


def test_dates(pack):
    assert {"tra", "fra", "dal"} <= set(pack.section("dates", "range_openers"))
    assert {"e", "al"} <= set(pack.section("dates", "range_connectors"))
    last = pack.lexicon("dates", "last")
    assert last.find(fold("giovedì scorso")) and last.find(fold("negli ultimi giorni"))
    assert pack.section("dates", "capitalised_months") is False


CONTEXT = [
    ("La zona è spesso teatro di attacchi.", "generic"),
    ("Il gruppo ha minacciato di colpire la capitale.", "irrealis"),
    ("Se i negoziati falliranno, l'offensiva riprenderà.", "irrealis"),
    ("Non sono stati segnalati scontri.", "negation"),
]


@pytest.mark.parametrize("text,label", CONTEXT)
def test_context_cue(pack, text, label):
    assert label in any_labels(pack, "context", text)


def test_toll_word_alone_is_not_a_death_cue(pack):
    # "no toll was published" must not read as "no deaths".
    assert "killed" not in any_labels(pack, "claims", 'Le autorità non hanno ancora fornito alcun bilancio.')


def test_a_report_denied_after_the_trigger(pack):
    assert_cue(pack, "context", "negation_after", "Scontri nel centro non sono stati segnalati.")

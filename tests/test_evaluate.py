"""`sitrep eval`: the scoring rules of scoring.md on small hand-written gold/prediction pairs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import EvalError
from sitrep.evaluate import GoldDocument, METRICS, evaluate_dir, score
from sitrep.evaluate.assign import max_weight_pairs
from sitrep.geo import haversine_km
from sitrep.evaluate.names import admin1_matches, fold, name_matches
from sitrep.evaluate.report import format_metric
from sitrep.model import Claim, Contradiction, DocumentResult, Event, Place, Span

# A small gold document in the shared format: a capture claimed by one side, a clash whose
# toll two sources dispute, an optional background event, and a group with two codings.
GOLD = {
    "doc_id": "doc-a",
    "events": [
        {"id": "g1", "group": "capture", "must": True, "event_type": "Battles",
         "sub_event_type": ["Non-state actor overtakes territory"], "date": ["2023-05-20", "2023-05-22"],
         "place": {"admin1": "Belgorod Oblast", "country": "RU", "lat": 50.45, "lon": 35.62, "km": 20},
         "actor1": ["Freedom of Russia Legion", "Russian partisans"], "certainty": ["claimed", "confirmed"]},
        {"id": "g2", "group": "clash", "must": True, "event_type": "Battles", "sub_event_type": ["Armed clash"],
         "date": ["2023-05-20", "2023-05-23"], "place": {"admin1": "Belgorod Oblast", "country": "RU"},
         "actor1": ["Military Forces of Russia"], "fatalities": [0, 39], "certainty": ["reported"]},
        {"id": "g3", "group": "strike", "must": False, "event_type": "Explosions/Remote violence",
         "sub_event_type": ["Air/drone strike"], "date": ["2023-05-20", "2023-05-23"],
         "place": {"admin1": "Belgorod Oblast", "country": "RU"}},
        {"id": "g3b", "group": "strike", "must": True, "event_type": "Explosions/Remote violence",
         "sub_event_type": ["Shelling/artillery/missile attack"], "date": ["2023-05-20", "2023-05-23"],
         "place": {"admin1": "Belgorod Oblast", "country": "RU"}},
        {"id": "g4", "group": "background", "must": False, "event_type": "Violence against civilians",
         "sub_event_type": ["Attack"], "date": None, "place": {"admin1": "Moscow", "country": "RU"}},
    ],
    "claims": [
        {"id": "c1", "group": "capture", "must": True, "attribute": ["captured", "controls"], "value": "Kozinka",
         "source": ["Freedom of Russia Legion"], "certainty": ["claimed"]},
        {"id": "c2", "group": "clash", "must": True, "attribute": ["killed"], "value": 39,
         "source": ["Russian press", "Russian media"], "certainty": ["reported"]},
        {"id": "c3", "group": "clash", "must": True, "attribute": ["killed"], "value": 0,
         "source": ["Russian authorities"], "certainty": ["reported", "asserted"]},
        {"id": "c4", "group": "clash", "must": False, "attribute": ["injured"], "value": 8,
         "source": [], "certainty": ["asserted"]},
    ],
    "contradictions": [{"claims": ["c2", "c3"], "must": True, "note": "39 vs none"}],
}


def gold(**changes) -> GoldDocument:
    return GoldDocument.model_validate({**GOLD, **changes})


def place(admin1=None, lat=None, lon=None, country="RU") -> Place:
    return Place(name=admin1 or "somewhere", mention="x", admin1=admin1, lat=lat, lon=lon, country=country)


def event(id="p1", event_type="Battles", sub="Armed clash", start="2023-05-21", end=None, loc=None, **kw) -> Event:
    return Event(id=id, event_type=event_type, sub_event_type=sub, date_start=start, date_end=end or start,
                 location=loc if loc is not None else place("Belgorod Oblast"), **kw)


def claim(id, attribute, value, source=None, certainty="reported") -> Claim:
    return Claim(id=id, attribute=attribute, value=value, source=source, certainty=certainty,
                 evidence=Span(start=0, end=1))


def perfect(g: GoldDocument) -> DocumentResult:
    """As gold/README.md says: one event per must gold event with the first allowed values and
    the gold point, one claim per gold claim, and the gold contradictions."""
    events = []
    for e in g.events:
        if not e.must:
            continue
        p = e.place
        loc = None if p is None else Place(name="x", mention="x", admin1=p.admin1, country=p.country, lat=p.lat, lon=p.lon)
        events.append(Event(
            id=e.id, event_type=e.event_type, sub_event_type=e.sub_event_type[0],
            date_start=e.date[0] if e.date else None, date_end=e.date[1] if e.date else None, location=loc,
            actor1=(e.actor1 or [None])[0], fatalities=(e.fatalities or [None])[0],
            certainty=(e.certainty or ["asserted"])[0]))
    claims = [claim(c.id, c.attribute[0], c.value, (c.source or [None])[0], (c.certainty or ["asserted"])[0])
              for c in g.claims]
    contradictions = [Contradiction(claims=x.claims, attribute="killed") for x in g.contradictions]
    return DocumentResult(doc_id=g.doc_id, events=events, claims=claims, contradictions=contradictions)


def scored(events=(), claims=(), contradictions=(), g=None):
    g = g or gold()
    return score([g], [DocumentResult(doc_id=g.doc_id, events=list(events), claims=list(claims),
                                      contradictions=list(contradictions))])


def counts(report, name):
    return report.tally[name].num, report.tally[name].den


# --- whole-document sanity -------------------------------------------------------------------

def test_perfect_prediction_scores_one_everywhere():
    report = score([gold()], [perfect(gold())])
    for name in METRICS:
        assert report.value(name) == 1.0, name


def test_empty_prediction_has_zero_recall_and_no_precision():
    report = score([gold()], [DocumentResult(doc_id="doc-a")])
    assert counts(report, "event_recall") == (0, 3)
    assert counts(report, "claim_recall") == (0, 3)
    assert counts(report, "contradiction_recall") == (0, 1)
    assert report.value("event_precision") is None
    assert report.value("event_f1") == 0.0


def test_missing_prediction_scores_as_empty_and_is_named():
    report = score([gold()], [])
    assert counts(report, "event_recall") == (0, 3)
    assert report.per_doc[0].error == "no prediction"


# --- names and places ------------------------------------------------------------------------

def test_name_rule_folds_case_diacritics_punctuation_and_stop_words():
    assert fold("Chișinău") == "chisinau"
    assert name_matches("Przewodów", ["przewodow"])
    assert name_matches("Łódź", ["Lodz"])
    assert name_matches("Legion for the Freedom of Russia", ["Freedom of Russia Legion"])
    assert name_matches("al-Shabaab", ["Al Shabaab"])


def test_name_rule_sixty_percent_of_the_smaller_set():
    # 3 of the smaller set's 3 words shared
    assert name_matches("Russian Volunteer Corps", ["Russian Volunteer Corps RDK"])
    # 2 of 3 = 67% ≥ 60%
    assert name_matches("Military Forces Russia", ["Military Forces of Ukraine"])
    # 1 of 2 = 50% < 60%
    assert not name_matches("Ukrainian army", ["Military Forces of Ukraine", "Ukraine forces"])
    assert not name_matches(None, ["Russia"])


def test_admin1_ignores_administrative_words():
    assert admin1_matches("Belgorod", "Belgorod Oblast")
    assert admin1_matches("Lublin Voivodeship", "lublin")
    assert admin1_matches("Republic of Adygea", "Adygea")
    assert admin1_matches("Île-de-France Region", "ile de france")
    assert admin1_matches("Sagaing Region", "Sagaing")
    assert admin1_matches("Mopti", "Mopti Region")
    assert not admin1_matches("Kursk Oblast", "Belgorod Oblast")


def test_haversine_distance():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)


# --- events ----------------------------------------------------------------------------------

def test_admin1_with_oblast_word_dropped_matches():
    report = scored([event(loc=place("Belgorod"), fatalities=39, certainty="reported",
                           actor1="Russian military forces")])
    assert counts(report, "event_precision") == (1, 1)
    assert counts(report, "actor_accuracy") == (1, 1)
    assert counts(report, "fatalities_accuracy") == (1, 1)


def test_point_within_radius_rescues_a_wrong_admin1():
    near = place("Kharkiv Oblast", lat=50.50, lon=35.70)  # ~7 km from the gold point
    far = place("Kharkiv Oblast", lat=50.90, lon=36.50)  # ~80 km away
    sub = "Non-state actor overtakes territory"
    assert counts(scored([event(sub=sub, loc=near)]), "event_precision") == (1, 1)
    assert counts(scored([event(sub=sub, loc=far)]), "event_precision") == (0, 1)


def test_point_accuracy_counts_only_gold_events_with_a_point():
    sub = "Non-state actor overtakes territory"
    report = scored([event(sub=sub, loc=place("Belgorod Oblast"))])  # right admin1, no point
    assert counts(report, "event_precision") == (1, 1)
    assert counts(report, "point_accuracy") == (0, 1)
    report = scored([event(loc=place("Belgorod Oblast"))])  # matches g2, which has no point
    assert counts(report, "point_accuracy") == (0, 0)


def test_date_span_must_overlap_the_gold_window():
    assert counts(scored([event(start="2023-05-10", end="2023-05-20")]), "event_precision") == (1, 1)
    assert counts(scored([event(start="2023-05-10", end="2023-05-19")]), "event_precision") == (0, 1)
    assert counts(scored([event(start="2023-05-24")]), "event_precision") == (0, 1)


def test_undated_prediction_matches_only_undated_gold():
    undated = Event(id="p", event_type="Battles", sub_event_type="Armed clash", location=place("Belgorod Oblast"))
    assert counts(scored([undated]), "event_precision") == (0, 1)
    undated_attack = Event(id="p", event_type="Violence against civilians", sub_event_type="Attack",
                           location=place("Moscow City"))
    assert counts(scored([undated_attack]), "event_precision") == (0, 1)  # "Moscow City" ≠ "Moscow"
    undated_attack.location = place("Moscow")
    assert counts(scored([undated_attack]), "event_precision") == (1, 1)


def test_gold_place_null_means_anywhere_and_country_only_needs_the_country():
    g = gold(events=[
        {"id": "g1", "group": "a", "must": True, "event_type": "Battles", "sub_event_type": ["Armed clash"],
         "date": None, "place": None},
        {"id": "g2", "group": "b", "must": True, "event_type": "Protests", "sub_event_type": ["Peaceful protest"],
         "date": None, "place": {"country": "ML"}},
    ], claims=[], contradictions=[])
    anywhere = event(loc=place("Nowhere Oblast", country="XX"))
    in_mali = event(id="p2", event_type="Protests", sub="Peaceful protest", loc=place("Kayes", country="ML"))
    in_niger = event(id="p3", event_type="Protests", sub="Peaceful protest", loc=place("Tillaberi", country="NE"))
    report = scored([anywhere, in_mali, in_niger], g=g)
    assert counts(report, "event_precision") == (2, 3)
    assert counts(report, "event_recall") == (2, 2)


def test_any_member_finds_the_group_and_sub_type_decides_which():
    # An air strike matches optional g3 (acceptable sub-type) and finds the must group "strike".
    strike = event(event_type="Explosions/Remote violence", sub="Air/drone strike")
    report = scored([strike])
    assert counts(report, "event_recall") == (1, 3)
    assert counts(report, "sub_event_accuracy") == (1, 1)


def test_optional_events_are_not_penalised():
    background = event(event_type="Violence against civilians", sub="Attack", loc=place("Moscow"))
    report = score([gold()], [DocumentResult(doc_id="doc-a", events=perfect(gold()).events + [background])])
    assert counts(report, "event_precision") == (4, 4)
    assert counts(report, "event_recall") == (3, 3)


def test_best_gold_event_prefers_an_unfound_group():
    # Two clashes in the same oblast, different groups and no points: both groups get found.
    g = gold(events=[
        {"id": f"g{i}", "group": f"grp{i}", "must": True, "event_type": "Battles", "sub_event_type": ["Armed clash"],
         "date": ["2023-05-20", "2023-05-23"], "place": {"admin1": "Belgorod Oblast", "country": "RU"}}
        for i in (1, 2)
    ], claims=[], contradictions=[])
    report = scored([event(id="p1"), event(id="p2")], g=g)
    assert counts(report, "event_recall") == (2, 2)


def test_wrong_event_type_never_matches():
    report = scored([event(event_type="Riots", sub="Mob violence")])
    assert counts(report, "event_precision") == (0, 1)


# --- claims ----------------------------------------------------------------------------------

def test_claim_values_ints_equal_and_text_by_name_rule():
    report = scored(claims=[
        claim("p1", "captured", "kozinka", "Freedom of Russia Legion", "claimed"),
        claim("p2", "killed", 39, "Russian press"),
        claim("p3", "killed", 40, "Russian authorities"),
    ])
    assert counts(report, "claim_recall") == (2, 3)
    assert counts(report, "claim_precision") == (2, 3)
    assert counts(report, "claim_certainty_accuracy") == (2, 2)


def test_claim_pairing_prefers_a_matching_source():
    report = scored(claims=[
        claim("p1", "killed", 39, "Ukrainian army"),
        claim("p2", "killed", 39, "Russian media"),
    ])
    assert counts(report, "claim_recall") == (1, 3)
    assert counts(report, "source_accuracy") == (1, 1)
    assert counts(report, "claim_precision") == (1, 2)  # the duplicate figure is not paired


def test_outlet_voice_accepts_any_source():
    report = scored(claims=[claim("p1", "injured", 8, None, "asserted")])
    assert counts(report, "source_accuracy") == (1, 1)
    assert counts(report, "claim_recall") == (0, 3)  # c4 is optional
    assert counts(report, "claim_precision") == (1, 1)


def test_null_gold_value_does_not_take_a_specific_claims_only_match():
    g = gold(claims=[
        {"id": "any", "must": True, "attribute": ["killed"], "value": None, "source": ["Kyiv"], "certainty": []},
        {"id": "n39", "must": True, "attribute": ["killed"], "value": 39, "source": ["Moscow"], "certainty": []},
    ], contradictions=[])
    report = scored(claims=[claim("p1", "killed", 39, "Kyiv"), claim("p2", "killed", 5, "Minsk")], g=g)
    assert counts(report, "claim_recall") == (2, 2)


def test_non_checkable_attributes_are_outside_claim_precision():
    report = scored(claims=[claim("p1", "identity", "someone", "Somebody"), claim("p2", "killed", 3, "X")])
    assert counts(report, "claim_precision") == (0, 1)


# --- contradictions --------------------------------------------------------------------------

TOLL_CLAIMS = [claim("p1", "killed", 39, "Russian press"), claim("p2", "killed", 0, "Russian authorities")]


def test_contradiction_found_when_it_holds_claims_paired_with_all_gold_claims():
    report = scored(claims=TOLL_CLAIMS, contradictions=[Contradiction(claims=["p1", "p2"], attribute="killed")])
    assert counts(report, "contradiction_recall") == (1, 1)
    assert counts(report, "contradiction_precision") == (1, 1)


def test_contradiction_not_found_when_a_side_is_unpaired():
    claims = [TOLL_CLAIMS[0], claim("p2", "killed", 5, "Russian authorities")]  # 5 pairs with nothing
    report = scored(claims=claims, contradictions=[Contradiction(claims=["p1", "p2"], attribute="killed")])
    assert counts(report, "contradiction_recall") == (0, 1)
    assert counts(report, "contradiction_precision") == (0, 1)


def test_contradiction_across_gold_contradictions_is_wrong():
    claims = TOLL_CLAIMS + [claim("p3", "injured", 8, None, "asserted")]
    report = scored(claims=claims, contradictions=[
        Contradiction(claims=["p1", "p3"], attribute="killed"),  # c2 and c4 are not in conflict
        Contradiction(claims=["p1", "p2", "unknown"], attribute="killed"),  # unpaired ids are ignored
    ])
    assert counts(report, "contradiction_recall") == (1, 1)
    assert counts(report, "contradiction_precision") == (1, 2)


# --- assignment, report, files and CLI -------------------------------------------------------

def test_assignment_maximises_total_weight():
    assert max_weight_pairs([[3, 2], [3, 0]]) == [(0, 1), (1, 0)]
    assert max_weight_pairs([[0, 0]]) == []
    assert max_weight_pairs([]) == []


def test_micro_average_and_formatting():
    other = gold(doc_id="doc-b")
    report = score([gold(), other], [perfect(gold())])
    assert counts(report, "event_recall") == (3, 6)
    assert format_metric(report.tally, "event_recall") == "0.500 (3/6)"
    assert format_metric(report.tally, "point_accuracy") == "1.000 (1/1)"
    empty = score([gold(events=[], claims=[], contradictions=[])], [])
    assert format_metric(empty.tally, "event_recall") == "n/a"


def write_pair_dir(tmp_path):
    (tmp_path / "doc-a.json").write_text(json.dumps({"id": "doc-a", "text": "Fighting in Belgorod."}))
    (tmp_path / "doc-a.gold.json").write_text(json.dumps(GOLD, default=str))
    return tmp_path


def test_evaluate_dir_with_a_predictions_file(tmp_path):
    write_pair_dir(tmp_path)
    preds = tmp_path / "preds.jsonl"
    preds.write_text(perfect(gold()).model_dump_json() + "\n" + DocumentResult(doc_id="stray").model_dump_json() + "\n")
    report = evaluate_dir(tmp_path, predictions=preds)
    assert report.documents == 1
    assert report.value("event_f1") == 1.0
    assert report.unscored == ["stray"]


class HalfBrokenPipeline:
    """Stands in for an extractor under construction: crashes on one document."""

    def extract(self, doc):
        if doc.id == "bad":
            raise RuntimeError("extractor bug")
        return DocumentResult(doc_id="renamed", events=perfect(gold()).events)


def test_extraction_failures_are_counted_and_the_run_goes_on(tmp_path):
    lines = [{"id": "doc-a", "text": "Fighting."}, {"id": "bad", "text": "Crash."}, {"id": "nogold", "text": "x"}]
    (tmp_path / "notes.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    (tmp_path / "doc-a.gold.json").write_text(json.dumps(GOLD))
    (tmp_path / "bad.gold.json").write_text(json.dumps({**GOLD, "doc_id": "bad"}))
    for target in (tmp_path, tmp_path / "notes.jsonl"):
        report = evaluate_dir(target, pipeline=HalfBrokenPipeline())
        assert report.documents == 2
        assert list(report.failures) == ["bad"]
        assert "extractor bug" in report.failures["bad"]
        assert counts(report, "event_recall") == (3, 6)  # the jsonl id "doc-a" was kept
        assert report.seconds is not None


def test_invalid_gold_is_an_eval_error(tmp_path):
    (tmp_path / "x.gold.json").write_text(json.dumps({"doc_id": "x", "events": [{"id": "g1"}]}))
    with pytest.raises(EvalError, match="x.gold.json"):
        evaluate_dir(tmp_path, predictions=tmp_path / "none.jsonl")
    with pytest.raises(EvalError, match="no such file"):
        evaluate_dir(tmp_path / "missing-dir")
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalError, match="no <doc>.gold.json"):
        evaluate_dir(tmp_path / "empty")


def test_cli_prints_counts_and_json(tmp_path):
    write_pair_dir(tmp_path)
    preds = tmp_path / "preds.jsonl"
    preds.write_text(perfect(gold()).model_dump_json() + "\n")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(tmp_path), "--predictions", str(preds), "--per-doc"])
    assert result.exit_code == 0, result.output
    assert "event recall" in result.output and "1.000 (3/3)" in result.output
    assert "documents: 1" in result.output
    result = runner.invoke(app, ["eval", str(tmp_path), "--predictions", str(preds), "--json"])
    data = json.loads(result.stdout)
    assert data["metrics"]["claim_recall"] == {"value": 1.0, "num": 3, "den": 3}
    assert data["documents"] == 1


def test_gold_without_claims_leaves_claims_unscored():
    events_only = gold(claims=[], contradictions=[])
    report = score([events_only], [perfect(gold())])  # predicts claims and a contradiction
    assert counts(report, "event_recall") == (3, 3)
    assert report.value("claim_precision") is None
    assert report.value("contradiction_precision") is None

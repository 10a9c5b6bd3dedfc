"""Claim pairing and contradiction scoring (scoring.md, "Claims" and "Contradictions").

Claims are scored over the whole document, not per matched event: scoring.md pairs gold and
predicted claims by attribute and value only, so that is what we do.
"""

from __future__ import annotations

from sitrep.evaluate.assign import max_weight_pairs
from sitrep.evaluate.gold import GoldClaim, GoldContradiction
from sitrep.evaluate.metrics import Tally
from sitrep.evaluate.names import name_matches
from sitrep.model import Claim, Contradiction

# Only these predicted attributes count for claim precision: the ones a reader can check.
PRECISION_ATTRIBUTES = frozenset({"killed", "injured", "detained", "missing", "captured", "controls"})


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())  # "39" written as text is still the count 39
    return None


def value_matches(pred_value, gold_value) -> bool:
    if gold_value is None:
        return True  # null gold value: any value
    if isinstance(gold_value, int) and not isinstance(gold_value, bool):
        return _as_int(pred_value) == gold_value
    if pred_value is None or isinstance(pred_value, bool):
        return False
    return name_matches(str(pred_value), [gold_value])


def source_matches(pred: Claim, gold: GoldClaim) -> bool:
    if not gold.source:
        return True  # the outlet's own voice: any source, or none, is accepted
    return name_matches(pred.source, gold.source)


def compatible(pred: Claim, gold: GoldClaim) -> bool:
    return pred.attribute in gold.attribute and value_matches(pred.value, gold.value)


def pair_claims(preds: list[Claim], golds: list[GoldClaim]) -> dict[int, int]:
    """One-to-one pairing, gold index → prediction index.

    Solved as an assignment whose weights rank, in this order: pairing more must claims,
    pairing more claims (optional ones count for precision), and pairing with a prediction
    whose source matches. A greedy pass could let a null-valued gold claim take the only
    prediction a specific one could use; the assignment cannot.
    """
    n = max(len(preds), len(golds)) + 1
    source_bonus = 1
    pair_bonus = n * source_bonus + 1  # beats any number of source matches
    must_bonus = n * (pair_bonus + source_bonus) + 1  # beats any number of optional pairs
    weights = [
        [
            (must_bonus * g.must + pair_bonus + source_bonus * source_matches(p, g)) if compatible(p, g) else 0
            for p in preds
        ]
        for g in golds
    ]
    return dict(max_weight_pairs(weights))


def score_claims(preds: list[Claim], golds: list[GoldClaim], tally: Tally) -> dict[int, int]:
    pairs = pair_claims(preds, golds)
    paired_preds = set(pairs.values())
    for gi, gold in enumerate(golds):
        if gold.must:
            tally["claim_recall"].count(gi in pairs)
    for pi, pred in enumerate(preds):
        if pred.attribute in PRECISION_ATTRIBUTES:
            # Decision: "match some gold claim" means paired in the one-to-one pairing, so a
            # figure repeated as two claims counts once.
            tally["claim_precision"].count(pi in paired_preds)
    for gi, pi in pairs.items():
        gold, pred = golds[gi], preds[pi]
        tally["source_accuracy"].count(source_matches(pred, gold))
        if gold.certainty:
            tally["claim_certainty_accuracy"].count(pred.certainty in gold.certainty)
    return pairs


def score_contradictions(
    preds: list[Contradiction],
    golds: list[GoldContradiction],
    pred_claims: list[Claim],
    gold_claims: list[GoldClaim],
    pairs: dict[int, int],
    tally: Tally,
) -> None:
    # Translate both sides to gold claim ids through the pairing.
    pred_id_to_gold = {pred_claims[pi].id: gold_claims[gi].id for gi, pi in pairs.items()}
    predicted_sets = [{pred_id_to_gold[c] for c in p.claims if c in pred_id_to_gold} for p in preds]
    gold_sets = [set(g.claims) for g in golds]

    for gold, wanted in zip(golds, gold_sets):
        if gold.must:
            tally["contradiction_recall"].count(any(wanted <= got for got in predicted_sets))
    for got in predicted_sets:
        # Decision: a predicted contradiction is right when at least two of its claims are
        # paired and all its paired claims belong to one gold contradiction (any, must or
        # not). Unpaired claims inside it are ignored; one paired claim proves no conflict.
        tally["contradiction_precision"].count(len(got) >= 2 and any(got <= want for want in gold_sets))

"""Score predictions against gold: per document, then summed into one Report (micro-average)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from sitrep.evaluate.claims import score_claims, score_contradictions
from sitrep.evaluate.events import score_events
from sitrep.evaluate.gold import GoldDocument
from sitrep.evaluate.metrics import DERIVED, METRICS, Tally
from sitrep.model import DocumentResult


@dataclass
class DocScore:
    doc_id: str
    tally: Tally
    error: str | None = None  # why the prediction is missing, if it is


@dataclass
class Report:
    tally: Tally = field(default_factory=Tally)
    per_doc: list[DocScore] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # doc id → extraction error
    unscored: list[str] = field(default_factory=list)  # predictions with no gold
    seconds: float | None = None  # extraction time; None when scoring a predictions file

    @property
    def documents(self) -> int:
        return len(self.per_doc)

    def value(self, name: str) -> float | None:
        return self.tally.value(name)

    @property
    def metrics(self) -> dict[str, float | None]:
        return {name: self.value(name) for name in METRICS}

    def to_dict(self) -> dict:
        def counts(tally: Tally) -> dict:
            out = {}
            for name in METRICS:
                entry = {"value": tally.value(name)}
                if name not in DERIVED:
                    entry.update(num=tally[name].num, den=tally[name].den)
                out[name] = entry
            return out

        return {
            "documents": self.documents,
            "failed": len(self.failures),
            "failures": self.failures,
            "unscored_predictions": self.unscored,
            "extraction_seconds": self.seconds,
            "metrics": counts(self.tally),
            "per_doc": [{"doc_id": d.doc_id, "error": d.error, "metrics": counts(d.tally)} for d in self.per_doc],
        }


def score_document(gold: GoldDocument, pred: DocumentResult | None) -> Tally:
    """The counts for one document; a missing prediction scores as an empty one."""
    pred = pred or DocumentResult(doc_id=gold.doc_id)
    tally = Tally()
    score_events(pred.events, gold.events, tally)
    if not gold.claims:
        # Decision: gold with no claims at all has not been annotated for claims (acled-dev
        # codes events only; its data README says only event metrics apply), so predicted
        # claims and contradictions there are not counted as wrong.
        return tally
    pairs = score_claims(pred.claims, gold.claims, tally)
    score_contradictions(pred.contradictions, gold.contradictions, pred.claims, gold.claims, pairs, tally)
    return tally


def score(
    golds: Iterable[GoldDocument],
    predictions: Iterable[DocumentResult] | Mapping[str, DocumentResult],
    failures: Mapping[str, str] | None = None,
) -> Report:
    """Pair predictions with gold by doc id and score the set.

    `failures` names documents whose extraction failed; they score as empty predictions,
    so a crashing extractor loses recall instead of silently shrinking the test set.
    """
    if isinstance(predictions, Mapping):
        by_id = dict(predictions)
    else:
        by_id = {p.doc_id: p for p in predictions}
    failures = dict(failures or {})
    report = Report(failures=failures)
    gold_ids = set()
    for gold in golds:
        gold_ids.add(gold.doc_id)
        pred = by_id.get(gold.doc_id)
        error = failures.get(gold.doc_id) or (None if pred is not None else "no prediction")
        tally = score_document(gold, pred)
        report.per_doc.append(DocScore(gold.doc_id, tally, error))
        report.tally = report.tally + tally
    report.unscored = sorted(set(by_id) - gold_ids)
    return report

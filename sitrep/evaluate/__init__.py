"""Evaluation against gold annotations (shared/docs/scoring.md).

    from sitrep.evaluate import evaluate_dir, score
    report = evaluate_dir("gold/dev")            # runs the pipeline
    report = evaluate_dir("gold/dev", "out.jsonl")  # scores an existing `sitrep extract` output
    report.value("event_recall"), report.tally["event_recall"].num
"""

from sitrep.evaluate.gold import GoldDocument, load_gold
from sitrep.evaluate.metrics import METRICS, Ratio, Tally
from sitrep.evaluate.runner import evaluate_dir, load_golds
from sitrep.evaluate.scoring import DocScore, Report, score

__all__ = [
    "DocScore", "GoldDocument", "METRICS", "Ratio", "Report", "Tally",
    "evaluate_dir", "load_gold", "load_golds", "score",
]

"""Counts behind every metric: a numerator over a denominator, summed over documents.

Keeping the counts (not the ratios) is what makes the set-level figures micro-averages and
lets the report print "0.812 (13/16)".
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Metric names in report order, with the label printed for each.
METRICS: dict[str, str] = {
    "event_precision": "event precision",
    "event_recall": "event recall",
    "event_f1": "event F1",
    "sub_event_accuracy": "sub-event accuracy",
    "actor_accuracy": "actor accuracy",
    "event_certainty_accuracy": "event certainty accuracy",
    "point_accuracy": "point accuracy",
    "fatalities_accuracy": "fatalities accuracy",
    "claim_recall": "claim recall",
    "claim_precision": "claim precision",
    "source_accuracy": "source accuracy",
    "claim_certainty_accuracy": "claim certainty accuracy",
    "contradiction_recall": "contradiction recall",
    "contradiction_precision": "contradiction precision",
}
DERIVED = ("event_f1",)  # computed from other metrics, no counts of its own


@dataclass
class Ratio:
    num: int = 0
    den: int = 0

    def count(self, ok: bool) -> None:
        self.den += 1
        self.num += bool(ok)

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(self.num + other.num, self.den + other.den)

    @property
    def value(self) -> float | None:
        """None when the denominator is empty: the metric does not apply ("n/a")."""
        return self.num / self.den if self.den else None


@dataclass
class Tally:
    """One Ratio per counted metric; documents are summed with `+`."""

    ratios: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in METRICS if k not in DERIVED})

    def __getitem__(self, name: str) -> Ratio:
        return self.ratios[name]

    def __add__(self, other: "Tally") -> "Tally":
        return Tally({k: self.ratios[k] + other.ratios[k] for k in self.ratios})

    def value(self, name: str) -> float | None:
        if name == "event_f1":
            return f1(self.value("event_precision"), self.value("event_recall"))
        return self.ratios[name].value


def f1(precision: float | None, recall: float | None) -> float | None:
    if recall is None:
        return None
    if precision is None:  # nothing predicted: F1 is 0, like the recall
        precision = 0.0
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)

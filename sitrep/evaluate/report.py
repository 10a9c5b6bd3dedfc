"""Printing a Report: rich tables of every metric with its counts, and a JSON form."""

from __future__ import annotations

import json
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.evaluate.metrics import DERIVED, METRICS, Tally
from sitrep.evaluate.scoring import Report


def format_metric(tally: Tally, name: str) -> str:
    """"0.812 (13/16)"; "n/a" when the denominator is empty."""
    value = tally.value(name)
    if value is None:
        return "n/a"
    if name in DERIVED:
        return f"{value:.3f}"
    ratio = tally[name]
    return f"{value:.3f} ({ratio.num}/{ratio.den})"


def metrics_table(tally: Tally, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("score", justify="right")
    for name, label in METRICS.items():
        table.add_row(label, format_metric(tally, name))
    return table


def print_report(report: Report, console: Console | None = None, per_doc: bool = False) -> None:
    console = console or Console()
    if per_doc:
        for doc in report.per_doc:
            # The full error is listed under the summary; the title only flags the document.
            flag = "no prediction" if doc.error == "no prediction" else "extraction failed"
            title = escape(doc.doc_id) + (f"  [red]({flag})[/red]" if doc.error else "")
            console.print(metrics_table(doc.tally, title))
    console.print(metrics_table(report.tally, "all documents (micro-average)"))
    line = f"documents: {report.documents}   extraction failures: {len(report.failures)}"
    if report.seconds is not None:
        per = report.seconds / report.documents if report.documents else 0.0
        line += f"   extraction time: {report.seconds:.1f} s ({per:.3f} s/doc)"
    console.print(line)
    # With hundreds of documents one broken stage fails them all: group by cause.
    causes = Counter(report.failures.values())
    for message, n in causes.most_common(5):
        first = next(doc_id for doc_id, m in report.failures.items() if m == message)
        console.print(f"  {n} failed (e.g. {first}): {message}", markup=False)
    if len(causes) > 5:
        console.print(f"  … and {len(causes) - 5} more causes (see --json)")
    if report.unscored:
        console.print(f"predictions without gold (ignored): {len(report.unscored)}")


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)

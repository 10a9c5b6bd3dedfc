"""Smoke test for benchmarks/throughput.py: the core function runs end to end on a few documents.

It does not judge the pipeline's speed or output (other tests do that); it keeps the benchmark
script from rotting. spaCy is not used, so it passes without the benchmark extras installed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _load_throughput():
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    spec = importlib.util.spec_from_file_location("sitrep_bench_throughput", REPO / "benchmarks" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_throughput_runs_on_a_small_corpus():
    tp = _load_throughput()
    # no warm-up and a time limit keep this fast even on a busy machine
    report = tp.run(20, spacy=False, time_limit=4, warmup_per_language=0)

    assert report["corpus"]["docs"] == 20
    assert "spacy" not in report and "ratio" not in report
    st = report["sitrep"]
    assert "startup" in st, st.get("error")  # sitrep imports and a Pipeline can be built
    n = st["attempted"]
    assert n == 20 or (st["truncated_by_time_limit"] and n >= 1)
    assert st["ok"] + st["failed"] == n
    assert st["docs_with_events"] <= st["ok"]
    assert st["docs_per_s"] > 0 and st["peak_rss_mb"] > 0
    assert sum(v["docs"] for v in st["by_language"].values()) == n

    text = tp.render(report)
    assert "docs/s" in text and "--no-spacy" in text
    json.dumps(report, default=str)  # what --json prints


def test_throughput_counts_failures_instead_of_crashing():
    tp = _load_throughput()

    class Broken:
        def extract(self, doc):
            raise RuntimeError("boom")

    report = tp.run(5, spacy=False, pipeline_factory=Broken)
    st = report["sitrep"]
    assert st["failed"] == 5 and st["ok"] == 0 and not st["ran"]
    assert st["failures"]["by_kind"] == {"RuntimeError": 5}
    assert "failure" in tp.render(report)

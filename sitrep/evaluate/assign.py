"""Maximum-weight one-to-one assignment (the Hungarian method), for pairing claims.

Claim lists are short (tens per document), so a plain O(n³) implementation is ample and
keeps the evaluator free of a numeric dependency.
"""

from __future__ import annotations

import math


def max_weight_pairs(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, col) maximising the total weight; pairs of weight <= 0 are left out."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    n = max(rows, cols)
    # Minimise cost = -weight on a square matrix padded with zeros.
    cost = [[-(weights[r][c]) if r < rows and c < cols else 0.0 for c in range(n)] for r in range(n)]
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match_of_col = [0] * (n + 1)  # 1-based row assigned to each column; 0 = free
    way = [0] * (n + 1)
    for r in range(1, n + 1):
        match_of_col[0] = r
        col = 0
        best = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[col] = True
            row = match_of_col[col]
            delta, next_col = math.inf, 0
            for c in range(1, n + 1):
                if used[c]:
                    continue
                reduced = cost[row - 1][c - 1] - u[row] - v[c]
                if reduced < best[c]:
                    best[c], way[c] = reduced, col
                if best[c] < delta:
                    delta, next_col = best[c], c
            for c in range(n + 1):
                if used[c]:
                    u[match_of_col[c]] += delta
                    v[c] -= delta
                else:
                    best[c] -= delta
            col = next_col
            if match_of_col[col] == 0:
                break
        while col:  # flip the augmenting path
            prev = way[col]
            match_of_col[col] = match_of_col[prev]
            col = prev
    pairs = []
    for c in range(1, n + 1):
        r = match_of_col[c]
        if r and r <= rows and c <= cols and weights[r - 1][c - 1] > 0:
            pairs.append((r - 1, c - 1))
    return sorted(pairs)

"""Keep a long curve's shape in a bounded number of points (for the finished runs' overlays).

A lesson can finish many runs of 50 000+ iterations each; keeping every JVal
of every run would grow memory without limit.  :func:`downsample` keeps at
most ``max_points`` points: the first and the last exactly, and in between
the lowest and the highest value of each bucket of iterations, in order — so
spikes and the final plateau survive, as on the full curve.
"""

from __future__ import annotations

import numpy as np

MAX_POINTS = 10_000


def downsample(values: np.ndarray, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """(iterations, values) with at most ``max_points`` points; unchanged copies when short enough."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n <= max_points:
        return np.arange(n, dtype=float), values.copy()
    if max_points < 4:
        raise ValueError("keep at least 4 points")
    inner = values[1:-1]
    buckets = (max_points - 2) // 2
    edges = np.linspace(0, len(inner), buckets + 1).astype(int)
    low = np.where(np.isnan(inner), np.inf, inner)
    high = np.where(np.isnan(inner), -np.inf, inner)
    keep = [0]
    for start, stop in zip(edges[:-1], edges[1:], strict=True):
        if stop <= start:
            continue
        a = start + int(np.argmin(low[start:stop]))
        b = start + int(np.argmax(high[start:stop]))
        keep.extend(sorted({a + 1, b + 1}))
    keep.append(n - 1)
    index = np.array(keep)
    return index.astype(float), values[index]

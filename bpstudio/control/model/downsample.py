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
    starts = edges[:-1][edges[1:] > edges[:-1]]  # the buckets that hold points
    bucket = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(inner))))
    # each bucket's first lowest and first highest point, found for all buckets at once (a loop over
    # 5 000 buckets held the GUI thread some 30 ms as a long run finished)
    lowest = _first_where(low == np.minimum.reduceat(low, starts)[bucket], bucket)
    highest = _first_where(high == np.maximum.reduceat(high, starts)[bucket], bucket)
    index = np.sort(np.concatenate(([0], lowest + 1, highest + 1, [n - 1])))
    index = index[np.append(True, index[1:] != index[:-1])]  # in order, each once
    return index.astype(float), values[index]


def _first_where(hits: np.ndarray, bucket: np.ndarray) -> np.ndarray:
    """For each bucket, the position of its first hit (every bucket has one).

    The hits come in order of position, so of bucket: a bucket's first hit is
    where the bucket number changes.  (Not ``np.unique``: in NumPy 2 its first
    call imports ``numpy.ma``, some 30 ms of the GUI thread as the first run
    finishes, while the window is drawing the run's end.)
    """
    positions = np.flatnonzero(hits)
    buckets = bucket[positions]
    first: np.ndarray = positions[np.append(True, buckets[1:] != buckets[:-1])]
    return first

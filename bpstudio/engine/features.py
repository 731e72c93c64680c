"""Playground's input features: what the network is shown of a 2-D point.

With only x1 and x2 a network without hidden units can draw straight class
borders only; offering x1², x2², x1·x2 or sin x1, sin x2 as extra inputs
lets even a single layer draw circles or stripes — Playground's lesson that
good features can replace depth.  The chosen features become the input
nodes of the diagram (named as below) and the columns of O~(0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

FeatureFunction = Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]]

FEATURES: dict[str, FeatureFunction] = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1sq": lambda x1, x2: x1 * x1,
    "x2sq": lambda x1, x2: x2 * x2,
    "x1x2": lambda x1, x2: x1 * x2,
    "sinx1": lambda x1, x2: np.sin(x1),
    "sinx2": lambda x1, x2: np.sin(x2),
}


def check_features(names: Iterable[str]) -> None:
    """Refuse an empty, repeated or unknown feature list with a sentence naming the problem."""
    names = tuple(names)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r} (choose from {', '.join(FEATURES)})")
    if len(set(names)) != len(names):
        raise ValueError("a feature is listed twice")
    if not names:
        raise ValueError("choose at least one feature")


def feature_table(points: ArrayLike, names: Sequence[str]) -> NDArray[np.float64]:
    """The ``(samples, features)`` input table of ``(samples, 2)`` points.

    The decision map calls this on its grid, so that a view shows what the
    trained network sees.
    """
    table = np.asarray(points, dtype=float)
    if table.ndim != 2 or table.shape[1] != 2:
        raise ValueError("features are computed from 2-D points (two input columns)")
    check_features(names)
    x1, x2 = table[:, 0], table[:, 1]
    return np.column_stack([FEATURES[n](x1, x2) for n in names])

"""TensorFlow Playground's 2-D data sets, drawn from a seeded stream.

Beside the article's r, g, b data, a lesson on classification wants points
in the plane: two rings (``circle``), four quadrants (``xor``), Gaussian
clusters (``gauss``, 2 or 3 classes), interleaved arms (``spiral``, 2 or 3)
and two half moons (``moons``); and for regression Playground's ``plane``
(t = (x1 + x2) / 10) and ``multi-gauss`` (six bumps of either sign).

The recipes follow Playground's (coordinates within about ±6), with one
deliberate change for the classification sets: noise jitters the *points*
and each point keeps the class it was drawn for, so the classes are exactly
balanced (``n // k`` each, the first ``n % k`` classes one more) whatever
the noise.  In the regression sets noise moves the point at which the
target is read, as in Playground.

Every generator takes a ``numpy.random.RandomState`` and draws from it only,
so a seed gives the same points on every machine; :func:`draw_points`
shuffles the rows so that the first samples are not all of one class.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.classes import encode_classes, output_names, uses_one_column
from bpstudio.engine.data import Dataset
from bpstudio.engine.features import feature_table

RADIUS = 5.0  # Playground's scale for the classification sets
REGRESSION_RADIUS = 6.0
MAX_NOISE = 0.5

CLASSIFICATION = ("circle", "xor", "gauss", "spiral", "moons")
REGRESSION = ("plane", "multi-gauss")
THREE_CLASS = ("gauss", "spiral")  # the sets that also come with 3 classes
DATASETS = ("article", *CLASSIFICATION, *REGRESSION)
POINT_NAMES = ("x1", "x2")


@dataclass(frozen=True, eq=False)
class Points:
    """Points in the plane with a class label (0..k-1) or a regression target each."""

    xy: np.ndarray  # (n, 2)
    labels: np.ndarray | None  # (n,) ints, classification
    values: np.ndarray | None  # (n,) floats, regression
    n_classes: int = 0


def class_counts(n: int, k: int) -> list[int]:
    """Samples per class: as equal as can be, the first classes take the remainder."""
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


def _jitter(rng: np.random.RandomState, n: int, scale: float) -> np.ndarray:
    return rng.uniform(-scale, scale, (n, 2))


def _circle(rng: np.random.RandomState, n: int, noise: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    inner, outer = class_counts(n, 2)
    parts = []
    for count, (low, high) in ((inner, (0.0, 0.5 * RADIUS)), (outer, (0.7 * RADIUS, RADIUS))):
        r = rng.uniform(low, high, count)
        angle = rng.uniform(0.0, 2 * np.pi, count)
        parts.append(np.column_stack((r * np.sin(angle), r * np.cos(angle))))
    xy = np.vstack(parts)
    return xy + _jitter(rng, n, RADIUS) * noise, np.repeat([0, 1], (inner, outer))


def _xor(rng: np.random.RandomState, n: int, noise: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 0 where x1 x2 > 0, class 1 where x1 x2 < 0; points kept 0.3 off the axes."""
    counts = class_counts(n, 2)
    parts = []
    for label, count in enumerate(counts):
        size = rng.uniform(0.3, RADIUS + 0.3, (count, 2))
        sign1 = rng.choice((-1.0, 1.0), count)
        sign2 = sign1 if label == 0 else -sign1
        parts.append(size * np.column_stack((sign1, sign2)))
    xy = np.vstack(parts)
    return xy + _jitter(rng, n, RADIUS) * noise, np.repeat([0, 1], counts)


def _gauss(rng: np.random.RandomState, n: int, noise: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Clusters at (2, 2) and (-2, -2) (or three around the origin); spread grows with noise."""
    if k == 2:
        centres = np.array([[2.0, 2.0], [-2.0, -2.0]])
    else:
        angles = np.deg2rad([45.0, 165.0, 285.0])
        centres = 2 * np.sqrt(2) * np.column_stack((np.cos(angles), np.sin(angles)))
    variance = 0.5 + (4.0 - 0.5) * noise / MAX_NOISE  # Playground's 0.5 .. 4
    counts = class_counts(n, k)
    xy = np.vstack([c + rng.normal(0.0, np.sqrt(variance), (m, 2)) for c, m in zip(centres, counts, strict=True)])
    return xy, np.repeat(np.arange(k), counts)


def _spiral(rng: np.random.RandomState, n: int, noise: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """k arms, each turning 1.75 times while its radius grows from 0 to 5."""
    counts = class_counts(n, k)
    parts = []
    for label, count in enumerate(counts):
        i = np.arange(count) / count
        r = i * RADIUS
        t = 1.75 * i * 2 * np.pi + label * 2 * np.pi / k
        xy = np.column_stack((r * np.sin(t), r * np.cos(t)))
        parts.append(xy + _jitter(rng, count, 1.0) * noise)
    return np.vstack(parts), np.repeat(np.arange(k), counts)


def _moons(rng: np.random.RandomState, n: int, noise: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles (as scikit-learn's make_moons), scaled by 2.5 and centred."""
    upper, lower = class_counts(n, 2)
    t0 = rng.uniform(0.0, np.pi, upper)
    t1 = rng.uniform(0.0, np.pi, lower)
    xy = np.vstack((np.column_stack((np.cos(t0), np.sin(t0))), np.column_stack((1.0 - np.cos(t1), 0.5 - np.sin(t1)))))
    xy = (xy - [0.5, 0.25]) * 2.5
    return xy + rng.normal(0.0, 2.5 * noise, (n, 2)), np.repeat([0, 1], (upper, lower))


_GAUSSIANS = ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0), (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0))


def plane_target(xy: NDArray[np.float64]) -> NDArray[np.float64]:
    """Playground's plane: t = (x1 + x2) / 10, about -1 .. 1 over the square."""
    return (xy[:, 0] + xy[:, 1]) / 10.0


def multi_gauss_target(xy: np.ndarray) -> np.ndarray:
    """Playground's six bumps: the strongest of sign * max(0, 1 - distance / 2)."""
    best = np.zeros(len(xy))
    for cx, cy, sign in _GAUSSIANS:
        distance = np.hypot(xy[:, 0] - cx, xy[:, 1] - cy)
        value = sign * np.clip(1.0 - distance / 2.0, 0.0, 1.0)
        best = np.where(np.abs(value) > np.abs(best), value, best)
    return best


_CLASSIFIERS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral, "moons": _moons}
_REGRESSORS = {"plane": plane_target, "multi-gauss": multi_gauss_target}


def draw_points(name: str, rng: np.random.RandomState, n: int, noise: float = 0.0, classes: int = 2) -> Points:
    """``n`` points of data set ``name``; raises ValueError for a bad name, size or noise."""
    if name not in _CLASSIFIERS and name not in _REGRESSORS:
        raise ValueError(f"unknown data set {name!r} (choose from {', '.join(DATASETS[1:])})")
    if n < 1:
        raise ValueError("the number of samples must be at least 1")
    if not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be from 0 to {MAX_NOISE}")
    if name in _REGRESSORS:
        xy = rng.uniform(-REGRESSION_RADIUS, REGRESSION_RADIUS, (n, 2))
        shifted = xy + _jitter(rng, n, REGRESSION_RADIUS) * noise
        return Points(xy, None, _REGRESSORS[name](shifted))
    k = classes if name in THREE_CLASS else 2
    if classes not in (2, 3) or (classes == 3 and name not in THREE_CLASS):
        raise ValueError(f"{name} has 2 classes; 3 exist for {' and '.join(THREE_CLASS)} only")
    xy, labels = _CLASSIFIERS[name](rng, n, noise, k)
    order = rng.permutation(n)
    return Points(xy[order], labels[order], None, k)


def points_dataset(points: Points, features: tuple[str, ...], output: str) -> Dataset:
    """The data set a network trains on: the points as ``features``, targets as ``output`` needs.

    Regression has one target ``t``; classes are one-hot, or one 0/1 column
    for a single sigmoid output.  The points themselves stay in ``Dataset.points``.
    """
    inputs = feature_table(points.xy, features)
    if points.labels is None:
        assert points.values is not None, "Points hold labels or values"
        return Dataset(inputs, points.values[:, None], tuple(features), ("t",), points=points.xy)
    classes = tuple(str(c) for c in range(points.n_classes))
    one_column = uses_one_column(output, points.n_classes)
    return Dataset(
        inputs,
        encode_classes(points.labels, points.n_classes, one_column),
        tuple(features),
        output_names(classes, one_column),
        classes,
        points.xy,
    )

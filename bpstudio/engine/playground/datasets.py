"""Playground's six data generators, draw for draw (dataset.ts).

Each generator takes the stream (:class:`.random_stream.PlaygroundRandom`), the number of
points and the noise as a fraction (the URL's percentage / 100), and returns ``(x, y, label)``
rows in the order Playground makes them. On circle, xor and the two regressions the noise
moves the point used for the label, not the stored point, as in Playground. d3's linear
scales are written out with d3 v3's own steps (``(x - a) / (b - a)``, then
``a * (1 - t) + b * t``) so that the labels are the same doubles.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from bpstudio.engine.playground import js_math
from bpstudio.engine.playground.random_stream import PlaygroundRandom

Point = tuple[float, float, float]
Generator = Callable[[PlaygroundRandom, int, float], list[Point]]


def _linear(domain: tuple[float, float], range_: tuple[float, float], clamp: bool = False) -> Callable[[float], float]:
    """d3 v3's ``scale.linear().domain(domain).range(range_)``, clamped if asked."""
    a, span = domain[0], (domain[1] - domain[0]) or 1 / domain[1]
    lo, hi = range_

    def scale(x: float) -> float:
        t = (x - a) / span
        if clamp:
            t = max(0.0, min(1.0, t))
        return lo * (1 - t) + hi * t

    return scale


def _uniform(random: PlaygroundRandom, a: float, b: float) -> float:
    return random() * (b - a) + a


def _polar_draw(random: PlaygroundRandom) -> tuple[float, float]:
    """The draws of Marsaglia's polar method as dataset.ts's normalRandom makes them: (s, v1)."""
    while True:
        v1 = 2 * random() - 1
        v2 = 2 * random() - 1
        s = v1 * v1 + v2 * v2
        if not s > 1:
            return s, v1


def _normals(draws: list[tuple[float, float]], means: list[float], variance: float) -> list[float]:
    """normalRandom's results for its draws, Math.log over all of them at once (element-wise: the same bits)."""
    logs = js_math.log_array(np.array([s for s, _ in draws], dtype=float)).tolist() if draws else []
    return [mean + math.sqrt(variance) * (math.sqrt(-2 * log / s) * v1) for (s, v1), log, mean in zip(draws, logs, means, strict=True)]


def _dist(x: float, y: float, cx: float, cy: float) -> float:
    dx, dy = x - cx, y - cy
    return math.sqrt(dx * dx + dy * dy)


def two_gauss(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    variance = _linear((0, 0.5), (0.5, 4))(noise)
    draws: list[tuple[float, float]] = []  # x's then y's draws for each point, in Playground's order
    means: list[float] = []
    labels: list[float] = []
    for cx, cy, label in ((2, 2, 1), (-2, -2, -1)):
        i = 0
        while i < count / 2:
            draws += [_polar_draw(random), _polar_draw(random)]
            means += [cx, cy]
            labels.append(float(label))
            i += 1
    # Math.log of every draw at once: a point at a time cost 0.08 s a run (15 s for 200 lecture scenes)
    values = _normals(draws, means, variance)
    return [(values[2 * k], values[2 * k + 1], label) for k, label in enumerate(labels)]


def regress_plane(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    radius = 6
    label_scale = _linear((-10, 10), (-1, 1))
    points: list[Point] = []
    for _ in range(count):
        x = _uniform(random, -radius, radius)
        y = _uniform(random, -radius, radius)
        noise_x = _uniform(random, -radius, radius) * noise
        noise_y = _uniform(random, -radius, radius) * noise
        points.append((x, y, label_scale((x + noise_x) + (y + noise_y))))
    return points


_GAUSSIANS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def regress_gaussian(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    label_scale = _linear((0, 2), (1, 0), clamp=True)

    def label_of(x: float, y: float) -> float:
        label = 0.0
        for cx, cy, sign in _GAUSSIANS:
            new_label = sign * label_scale(_dist(x, y, cx, cy))
            if abs(new_label) > abs(label):
                label = new_label
        return label

    radius = 6
    points: list[Point] = []
    for _ in range(count):
        x = _uniform(random, -radius, radius)
        y = _uniform(random, -radius, radius)
        noise_x = _uniform(random, -radius, radius) * noise
        noise_y = _uniform(random, -radius, radius) * noise
        points.append((x, y, label_of(x + noise_x, y + noise_y)))
    return points


def spiral(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    n = count / 2
    draws: list[tuple[float, float, float, float, float]] = []  # r, t, the two noise draws, label
    for delta_t, label in ((0.0, 1.0), (math.pi, -1.0)):
        i = 0
        while i < n:
            r = i / n * 5
            t = 1.75 * i / n * 2 * math.pi + delta_t
            draws.append((r, t, _uniform(random, -1, 1), _uniform(random, -1, 1), label))
            i += 1
    if not draws:
        return []
    radii, angles, noise_xs, noise_ys, labels = (np.array(column) for column in zip(*draws, strict=True))
    # sin and cos of every point at once (element-wise, so the same bits as one at a time)
    xs = radii * js_math.sin_array(angles) + noise_xs * noise
    ys = radii * js_math.cos_array(angles) + noise_ys * noise
    return list(zip(xs.tolist(), ys.tolist(), labels.tolist(), strict=True))


def circle(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    radius = 5
    draws: list[tuple[float, float, float, float]] = []  # r, angle, noise x, noise y: Playground's order of draws
    for r_lo, r_hi in ((0.0, radius * 0.5), (radius * 0.7, radius)):
        i = 0
        while i < count / 2:
            r = _uniform(random, r_lo, r_hi)
            angle = _uniform(random, 0, 2 * math.pi)
            noise_x = _uniform(random, -radius, radius) * noise
            noise_y = _uniform(random, -radius, radius) * noise
            draws.append((r, angle, noise_x, noise_y))
            i += 1
    if not draws:
        return []
    radii, angles, noise_xs, noise_ys = (np.array(column) for column in zip(*draws, strict=True))
    # sin and cos of every point at once (element-wise, so the same bits as one at a time): a point at
    # a time took 0.2 s a run, 40 s for a lecture of 200 Playground scenes
    xs, ys = (radii * js_math.sin_array(angles)).tolist(), (radii * js_math.cos_array(angles)).tolist()
    points: list[Point] = []
    for x, y, noise_x, noise_y in zip(xs, ys, noise_xs.tolist(), noise_ys.tolist(), strict=True):
        inside = _dist(x + noise_x, y + noise_y, 0, 0) < radius * 0.5
        points.append((x, y, 1.0 if inside else -1.0))
    return points


def xor(random: PlaygroundRandom, count: int, noise: float) -> list[Point]:
    padding = 0.3
    points: list[Point] = []
    for _ in range(count):
        x = _uniform(random, -5, 5)
        x += padding if x > 0 else -padding
        y = _uniform(random, -5, 5)
        y += padding if y > 0 else -padding
        noise_x = _uniform(random, -5, 5) * noise
        noise_y = _uniform(random, -5, 5) * noise
        points.append((x, y, 1.0 if (x + noise_x) * (y + noise_y) >= 0 else -1.0))
    return points


CLASSIFICATION: dict[str, Generator] = {"circle": circle, "xor": xor, "gauss": two_gauss, "spiral": spiral}
REGRESSION: dict[str, Generator] = {"reg-plane": regress_plane, "reg-gauss": regress_gaussian}


def shuffle(random: PlaygroundRandom, points: list[Point]) -> None:
    """Fisher-Yates from the end, as dataset.ts's shuffle draws it."""
    counter = len(points)
    while counter > 0:
        index = math.floor(random() * counter)
        counter -= 1
        points[counter], points[index] = points[index], points[counter]

"""Nudge one weight and compare JVal's change with what the gradient predicts.

The tangent predicts ``ΔJ ≈ g·Δw``; the actual change also holds the
curvature term ``½·J''·Δw²`` (and smaller ones).  Near convergence g is small
and J'' large, so for a fixed Δw the curvature term dominates and the
tangent looks wrong.  :func:`nudge` measures J on both sides of the point, so
the curvature is shown next to the prediction; :func:`fair_delta` picks a Δw
for which the tangent term is ten times the curvature term.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.data import Dataset
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import jval_only


@dataclass(frozen=True)
class NudgeResult:
    delta: float
    jval: float  # J(w)
    predicted: float  # g·Δw, the tangent
    actual: float  # J(w + Δw) − J(w)
    curvature: float  # J'' from J(w − Δw), J(w), J(w + Δw)
    # of which weights: the parameter and iteration the studio asked about, so that a result that
    # arrives or stays after the run or the selection moved on is not shown as today's
    index: int | None = None
    iteration: int | None = None
    gradient: float = math.nan  # g, the whole set's slope the tangent used (predicted = g·Δw)

    @property
    def curvature_term(self) -> float:
        """½·J''·Δw²: what the tangent leaves out."""
        return 0.5 * self.curvature * self.delta**2

    @property
    def second_order(self) -> float:
        """g·Δw + ½·J''·Δw²: the tangent plus the curvature."""
        return self.predicted + self.curvature_term


def _jval(net: Network, weights: np.ndarray, data: Dataset) -> float:
    return float(jval_only(net, weights, data.inputs_aug, data.targets_t))


def nudge(net: Network, weights: np.ndarray, data: Dataset, index: int, delta: float, gradient: float) -> NudgeResult:
    """J at ``w ± delta`` for parameter ``index``; the weights passed in are not changed."""
    moved = np.array(weights, dtype=float, copy=True)
    centre = _jval(net, moved, data)
    moved[index] = weights[index] + delta
    plus = _jval(net, moved, data)
    moved[index] = weights[index] - delta
    minus = _jval(net, moved, data)
    curvature = (plus - 2 * centre + minus) / delta**2 if delta else float("nan")
    return NudgeResult(delta, centre, gradient * delta, plus - centre, curvature, gradient=float(gradient))


def fair_delta(net: Network, weights: np.ndarray, data: Dataset, index: int, gradient: float, largest: float = 0.01) -> float:
    """A Δw (one significant digit, at most ``largest``) where g·Δw ≥ 10·½·J''·Δw²."""
    probe = 1e-3 * max(1.0, abs(float(weights[index])))
    curvature = abs(nudge(net, weights, data, index, probe, gradient).curvature)
    if not math.isfinite(curvature) or curvature == 0 or gradient == 0 or not math.isfinite(gradient):
        return largest
    delta = min(largest, 0.2 * abs(gradient) / curvature)
    exponent = math.floor(math.log10(delta))
    return float(f"{math.floor(delta / 10**exponent)}e{exponent}")

"""Check backprop against central finite differences, parameter by parameter.

A gradient is only trusted when an independent method agrees with it.  The
central difference ``(J(w + h e_i) - J(w - h e_i)) / 2h`` needs nothing but
the forward pass, so it shares no code with the backward pass it checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.data import Dataset
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import jval_and_gradient, jval_only


def numeric_gradient(
    net: Network,
    weights: np.ndarray,
    data: Dataset,
    indices: Sequence[int] | None = None,
    step: float = 1e-5,
    scale: float = 1.0,
) -> np.ndarray:
    """Central differences for the given flat indices (all by default).

    The function differenced is JVal as the network defines it (data term,
    times ``scale`` for a mini-batch, plus any penalty).
    """
    weights = np.array(weights, dtype=float)
    indices = range(net.n_params) if indices is None else indices
    out = np.empty(len(indices))
    for n, i in enumerate(indices):
        h = step * max(1.0, abs(weights[i]))
        saved = weights[i]
        weights[i] = saved + h
        up = _jval(net, weights, data, scale)
        weights[i] = saved - h
        down = _jval(net, weights, data, scale)
        weights[i] = saved
        out[n] = (up - down) / (2 * h)
    return out


def _jval(net: Network, weights: np.ndarray, data: Dataset, scale: float = 1.0) -> float:
    return jval_only(net, weights, data.inputs_aug, data.targets_t, scale=scale)


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """``||a - b||_inf / max(||a||_inf, ||b||_inf)``; 0 when both are zero."""
    scale = max(float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)))
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(a - b))) / scale


@dataclass(frozen=True)
class GradCheck:
    """Backprop and finite-difference gradients with per-layer relative errors."""

    backprop: np.ndarray
    numeric: np.ndarray
    layer_errors: tuple[float, ...]

    @property
    def max_error(self) -> float:
        return max(self.layer_errors)


def check_gradient(net: Network, weights: np.ndarray, data: Dataset, step: float = 1e-5, scale: float = 1.0) -> GradCheck:
    """Backprop vs. central differences on ``data`` (a mini-batch passes its ``scale``)."""
    _, backprop = jval_and_gradient(net, weights, data.inputs_aug, data.targets_t, scale=scale)
    numeric = numeric_gradient(net, weights, data, step=step, scale=scale)
    errors = tuple(relative_error(backprop[a:b], numeric[a:b]) for a, b in zip(net.offsets[:-1], net.offsets[1:], strict=True))
    return GradCheck(backprop, numeric, errors)

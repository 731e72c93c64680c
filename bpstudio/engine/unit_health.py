"""Gradient health: how large each layer's gradient is, and which units have stopped learning.

Two ways a hidden unit stops passing gradient back, whatever the data:

* **saturated** — a tanh unit with |O| > 0.99 on every sample sits on the
  flat ends of its curve, so its link dO/dI = 1 − O² is below 0.02 for all
  of them and the weights into it barely move (a sigmoid unit likewise when
  |2O − 1| > 0.99, i.e. O below 0.005 or above 0.995: the same test, since
  sigmoid(I) = (1 + tanh(I/2)) / 2);
* **dead** — a ReLU unit with O = 0 on every sample has dO/dI = 0 for all
  of them: no gradient reaches its incoming weights ever again.

Each activation's record carries its own test (``Activation.health``).

The per-layer gradient norm ‖∂L/∂W̃⁽ˡ⁾‖ (Frobenius, the whole augmented
matrix, bias row included) shows vanishing gradients: in a deep sigmoid net
the first layers' norms lie orders of magnitude below the last one's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.engine.network import Network
from bpstudio.engine.propagation import forward


def layer_gradient_norms(net: Network, gradient: np.ndarray) -> np.ndarray:
    """‖∂L/∂W̃⁽ˡ⁾‖ for each weight layer l, from the flat gradient (the article's layout)."""
    gradient = np.asarray(gradient, dtype=float).reshape(-1)
    return np.array([float(np.linalg.norm(gradient[a:b])) for a, b in zip(net.offsets[:-1], net.offsets[1:], strict=True)])


@dataclass(frozen=True)
class UnitHealth:
    """The hidden units (layer, index) that are saturated or dead on every sample."""

    saturated: tuple[tuple[int, int], ...]
    dead: tuple[tuple[int, int], ...]


def unit_health(net: Network, weights: np.ndarray, inputs_aug: np.ndarray) -> UnitHealth:
    """Which hidden units are saturated (tanh, sigmoid, ...) or dead (ReLU) on all of these samples.

    ``inputs_aug`` is ``O~(0)`` of the samples (``Dataset.inputs_aug``); layer
    numbers are those of O⁽ˡ⁾, 1 .. L−1.
    """
    passes = forward(net, np.asarray(weights, dtype=float), inputs_aug)
    saturated, dead = [], []
    for layer, step in enumerate(passes[:-1], start=1):
        flat, stopped = net.activation(layer - 1).health(step.post)
        saturated += [(layer, int(j)) for j in np.flatnonzero(flat)]
        dead += [(layer, int(j)) for j in np.flatnonzero(stopped)]
    return UnitHealth(tuple(saturated), tuple(dead))

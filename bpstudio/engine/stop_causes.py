"""Why a run stopped, precisely enough for a sentence; and the article's note on symmetric starts.

The trainer's ``converged2`` covers two tests, ``‖Δx‖∞ < ζ²`` and
``|ΔJ| < ζ²``; which one held is read from the last step, which the
optimizer's state keeps (``step``).  A start where a layer's weights are all
one value (the "zeros" init) is the article's note ③: every unit of the next
layer computes the same value and receives the same gradient, so the units
never become different — with zeros, the hidden gradients stay 0 and the run
"converges" at a poor JVal.  A student deserves that sentence, not a bare stop.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.network import Network

WEIGHTS = "weights"  # converged2 because no weight moved ζ² or more
JVAL = "jval"  # converged2 because JVal changed less than ζ²


def converged2_cause(step: np.ndarray, zeta: float) -> str:
    """``WEIGHTS`` when the last ``step`` moved every weight less than ζ² (tested first), else ``JVAL``."""
    step = np.asarray(step)
    if step.size and float(np.max(np.abs(step))) < zeta**2:
        return WEIGHTS
    return JVAL


def equal_start_layers(network: Network, start: np.ndarray) -> tuple[int, ...]:
    """The layers ``l`` whose start matrix ``W̃⁽ˡ⁾`` (biases included) holds one value only."""
    return tuple(
        layer for layer, matrix in enumerate(network.layers(np.asarray(start, dtype=float))) if matrix.size and float(np.ptp(matrix)) == 0.0
    )


def saturated_plateau(network: Network, weights: np.ndarray, inputs_aug: np.ndarray) -> tuple[int, int]:
    """(saturated, hidden) when at least half of the hidden units are saturated on every sample, else (0, hidden).

    Such a run "converges" because dO/dI ≈ 0 blocks most paths back, not because
    JVal is near a minimum: the plateau Adam at a large α falls onto (on the
    article's net at α = 10, four of five units on every sample and the fifth on
    999 of 1 000).  Saturation is each activation's own health test (see
    :mod:`.unit_health`); an activation without a flat end (ReLU, linear) never
    reports one.
    """
    from bpstudio.engine.unit_health import unit_health  # the health test runs one forward pass

    hidden = sum(network.sizes[1:-1])
    if hidden == 0:
        return 0, 0
    saturated = len(unit_health(network, weights, inputs_aug).saturated)
    return (saturated, hidden) if 2 * saturated >= hidden else (0, hidden)

"""How one sample's chain value becomes the all-samples gradient: ∂JVal/∂w = Σᵢ ∂Lᵢ/∂w.

JVal is a *sum* over samples (the article's, not a mean), so the gradient of
one parameter is the sum of every sample's own chain value — the number the
inspector's formula shows for one chosen sample.  This module gives all of
those terms at once, for a student to see how they add up: the largest few,
a histogram of them, and their sum, which is the gradient.

One forward and one backward pass over the whole data set give them: the
weight ``w̃ᵢⱼ⁽ˡ⁾`` links ``Õᵢ⁽ˡ⁾`` to ``Iⱼ⁽ˡ⁺¹⁾``, so sample s adds
``Õᵢ⁽ˡ⁾[s] · ∂Lₛ/∂Iⱼ⁽ˡ⁺¹⁾[s]`` — the terms the backward pass's matrix
product sums.  A weight penalty (L1/L2) belongs to no sample; it is kept
apart and added to the total.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.engine.data import Dataset
from bpstudio.engine.losses import half_squared_error
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import backward, forward, output_loss

LARGEST = 5  # terms listed by size
BINS = 24  # bars of the histogram


@dataclass(frozen=True, eq=False)
class SampleContributions:
    """Every sample's term of ``∂JVal/∂w`` for one parameter, and what a view draws of them."""

    index: int  # the flat parameter index
    values: np.ndarray  # ∂Lₛ/∂w for every sample s (read-only)
    penalty: float  # the weight penalty's part, which no sample owns (0 without one)
    largest: tuple[tuple[int, float], ...]  # (sample, value), largest |value| first
    counts: tuple[int, ...]  # histogram of the values: samples per bin
    edges: tuple[float, ...]  # its bin edges, len(counts) + 1

    @property
    def n_samples(self) -> int:
        return int(self.values.size)

    @property
    def data_sum(self) -> float:
        """Σₛ ∂Lₛ/∂w, the samples' part of the gradient."""
        return float(np.sum(self.values))

    @property
    def total(self) -> float:
        """The gradient: the samples' terms plus the penalty's."""
        return self.data_sum + self.penalty

    def value_of(self, sample: int) -> float:
        return float(self.values[sample])


def per_sample_gradient(net: Network, weights: np.ndarray, data: Dataset, index: int) -> np.ndarray:
    """``∂Lₛ/∂w`` of the flat parameter ``index`` for every sample s, from one backward pass."""
    weights = np.asarray(weights, dtype=float)
    matrices = net.layers(weights)
    passes = forward(net, matrices, data.inputs_aug)
    if net.is_plain_mse:
        _, d_outputs = half_squared_error(passes[-1].post, data.targets_t)
        grads = backward(net, matrices, passes, d_outputs)
    else:
        _, d_pre = output_loss(net, passes[-1], data.targets_t)
        grads = backward(net, matrices, passes, None, d_pre)
    layer, row, col = net.param_location(index)
    gradient: np.ndarray = passes[layer].inputs[row] * grads[layer].d_pre[col]
    return gradient


def sample_contributions(
    net: Network, weights: np.ndarray, data: Dataset, index: int, largest: int = LARGEST, bins: int = BINS
) -> SampleContributions:
    """The terms of ``∂JVal/∂w`` for parameter ``index``, their largest few and their histogram."""
    values = np.array(per_sample_gradient(net, weights, data, index), dtype=float)
    values.flags.writeable = False
    penalty = float(net.penalty(np.asarray(weights, dtype=float))[1][index]) if net.penalized else 0.0
    with np.errstate(all="ignore"):
        order = np.argsort(-np.abs(np.nan_to_num(values, nan=0.0)), kind="stable")[:largest]
    finite = values[np.isfinite(values)]
    if finite.size:
        low, high = float(finite.min()), float(finite.max())
        if low == high:  # one value: one bar around it
            low, high = low - 0.5, high + 0.5
        counts, edges = np.histogram(finite, bins=bins, range=(low, high))
    else:
        counts, edges = np.zeros(0, dtype=int), np.zeros(1)
    return SampleContributions(
        index=index,
        values=values,
        penalty=penalty,
        largest=tuple((int(s), float(values[s])) for s in order),
        counts=tuple(int(c) for c in counts),
        edges=tuple(float(e) for e in edges),
    )

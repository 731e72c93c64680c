"""JVal at many points of a line or a plane through weight space, in few NumPy passes.

The landscape views ask for ``J(x0 + sum_j c_kj d_j)`` at a hundred or a few
thousand coefficient vectors ``c_k`` (one direction ``d`` for a slice along a
weight, two for a map).  A Python loop of full forward passes would spend its
time in the interpreter; instead the points of a chunk are stacked along the
sample axis — arrays of shape ``(features, points, samples)``, which reshape
without a copy to the feature-major ``(features, points * samples)`` of
:mod:`.propagation` — so each layer is one matrix product for the whole chunk.

Three facts keep it cheap:

* Layers below the first one a direction touches see the same inputs at every
  point: their forward pass is done once, at ``x0``, and reused.
* At that first touched layer the pre-activation is affine in the
  coefficients, ``I_k = I_0 + sum_j c_kj D_j^T O~``, so it costs one product
  per *direction*, not per point; and only the units whose incoming weights
  move need their activation recomputed — moving ``w_ij`` of layer l changes
  ``I_j^(l+1)`` alone.  If the next layer's weights stay, its
  pre-activation changes by ``W[moved]^T (O_moved(c) - O_moved(0))``, a
  product over the moved units only, and the full layer is never copied.
* Above it, ``W_k^T O~_k = W0^T O~_k + sum_j c_kj D_j^T O~_k``: again one
  product per direction over the stacked chunk.

Chunks bound the memory and give a caller (a background job) the places where
it can report progress and stop.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from bpstudio.engine.network import Network
from bpstudio.engine.propagation import forward, output_loss

# Floats held by the widest stacked layer of one chunk (2 MB): small enough that a
# chunk's arrays stay in cache — measured twice as fast as 16 MB chunks for the
# article's slice and map on a busy machine — and large enough that Python's
# per-chunk overhead stays small.
CHUNK_FLOATS = 1 << 18


class PlaneEvaluator:
    """``J(x0 + c @ directions)`` for batches of coefficient rows ``c``.

    ``directions`` is ``(m, n_params)``; each row is a full weight-space
    direction (a unit vector for "along one weight", a filter-normalised random
    vector for a Li et al. map).  Inputs and targets are feature-major, as
    :class:`~bpstudio.engine.data.Dataset` keeps them.
    """

    def __init__(
        self,
        net: Network,
        weights: np.ndarray,
        directions: np.ndarray,
        inputs_aug: np.ndarray,
        targets_t: np.ndarray,
        chunk_floats: int = CHUNK_FLOATS,
    ) -> None:
        self.net = net
        self.weights = np.array(weights, dtype=float).reshape(-1)
        self.directions = np.atleast_2d(np.asarray(directions, dtype=float))
        if self.directions.shape[1] != net.n_params:
            raise ValueError(f"directions need {net.n_params} entries each")
        self._targets = np.asarray(targets_t, dtype=float)
        self._matrices = net.layers(self.weights)
        self._base = forward(net, self._matrices, inputs_aug)
        per_direction = [net.layers(d) for d in self.directions]
        # for each layer, the directions that move it, as (index, matrix) pairs
        self._moving = [
            [(j, layers[layer]) for j, layers in enumerate(per_direction) if np.any(layers[layer])] for layer in range(net.n_layers)
        ]
        touched = [layer for layer, moving in enumerate(self._moving) if moving]
        self.first_layer = touched[0] if touched else net.n_layers
        if touched:
            first = self._base[self.first_layer]
            moved = np.zeros(first.pre.shape[0], dtype=bool)
            for _, matrix in self._moving[self.first_layer]:
                moved |= np.any(matrix != 0, axis=0)
            self._moved_units = np.flatnonzero(moved)
            # D_j^T O~ for the moved units, one row block per direction: (m, units * samples)
            terms = np.zeros((len(self.directions), self._moved_units.size, first.pre.shape[1]))
            for j, matrix in self._moving[self.first_layer]:
                terms[j] = matrix[:, self._moved_units].T @ first.inputs
            self._first_terms = terms.reshape(len(self.directions), -1)
        samples = inputs_aug.shape[1]
        widest = max(net.sizes) + 1
        self.chunk_points = max(1, int(chunk_floats // (samples * widest)))

    @property
    def jval_at_origin(self) -> float:
        """JVal at ``x0`` from the cached forward pass: the network's loss, summed over the samples, and its penalty."""
        jval = output_loss(self.net, self._base[-1], self._targets)[0]
        if self.net.penalized:
            jval += self.net.penalty(self.weights)[0]
        return jval

    def jval(self, coefficients: np.ndarray) -> np.ndarray:
        """JVal at every row of ``coefficients`` ``(points, m)``; returns ``(points,)``."""
        coefficients = self._as_rows(coefficients)
        out = np.empty(len(coefficients))
        for start, stop in self.chunks(len(coefficients)):
            out[start:stop] = self.jval_chunk(coefficients[start:stop])
        return out

    def chunks(self, points: int) -> Iterator[tuple[int, int]]:
        """``(start, stop)`` ranges of at most :attr:`chunk_points` points."""
        for start in range(0, points, self.chunk_points):
            yield start, min(points, start + self.chunk_points)

    def _as_rows(self, coefficients: np.ndarray) -> np.ndarray:
        coefficients = np.asarray(coefficients, dtype=float)
        if coefficients.ndim == 1 and len(self.directions) == 1:
            coefficients = coefficients[:, None]
        if coefficients.ndim != 2 or coefficients.shape[1] != len(self.directions):
            raise ValueError(f"coefficients need shape (points, {len(self.directions)})")
        return coefficients

    def jval_chunk(self, coefficients: np.ndarray) -> np.ndarray:
        """One batched pass over the points of ``coefficients`` (no chunking)."""
        c = self._as_rows(coefficients)
        points = len(c)
        net = self.net
        if self.first_layer == net.n_layers:
            return np.full(points, self.jval_at_origin)
        base = self._base[self.first_layer]
        samples = base.pre.shape[1]
        units = self._moved_units
        # the first touched layer: only the moved units' pre-activations change
        pre_moved = (c @ self._first_terms).reshape(points, units.size, samples).transpose(1, 0, 2)
        pre_moved += base.pre[units][:, None, :]
        if self.first_layer == net.n_layers - 1:
            # the output layer: its activation may couple the units (softmax), so all of them are recomputed
            logits = np.repeat(base.pre[:, None, :], points, axis=1)
            logits[units] = pre_moved
            outputs = np.empty_like(logits)
            net.activation(self.first_layer)(logits, out=outputs)
            return self._data_term(logits, outputs) + self._penalties(c)
        moved_out = net.activation(self.first_layer)(pre_moved)  # hidden activations act unit by unit
        following = self.first_layer + 1
        pre: np.ndarray | None = None  # the last computed layer's pre-activation, all its units
        if following < net.n_layers and not self._moving[following]:
            # the next layer's weights stay and its inputs differ from x0's in the moved
            # units alone: its pre-activation changes by a product over those units only
            delta = (moved_out - base.post[units][:, None, :]).reshape(units.size, points * samples)
            pre = (self._matrices[following][units].T @ delta).reshape(-1, points, samples)
            pre += self._base[following].pre[:, None, :]
            layer_out = np.empty((pre.shape[0] + 1, points, samples))
            layer_out[-1] = 1.0
            net.activation(following)(pre, out=layer_out[:-1])
            following += 1
        else:
            layer_out = np.empty((base.augmented.shape[0], points, samples))
            layer_out[-1] = 1.0
            layer_out[:-1] = base.post[:, None, :]
            layer_out[units] = moved_out
        for layer in range(following, net.n_layers):
            layer_out, pre = self._stacked_layer(layer, layer_out, c)
        return self._data_term(pre, layer_out[:-1]) + self._penalties(c)

    def _data_term(self, logits: np.ndarray | None, outputs: np.ndarray) -> np.ndarray:
        """The network's loss summed over the samples, per point, from ``(outputs, points, samples)`` arrays.

        Cross-entropy is taken from the logits, as training takes it (see
        :func:`~bpstudio.engine.propagation.output_loss`).
        """
        targets = self._targets[:, None, :]
        assert logits is not None  # the last layer's pre-activation is always computed
        per_sample = self.net.loss_record.per_sample(logits, outputs, targets, self.net.output_activation)  # (points, samples)
        terms: np.ndarray = per_sample.sum(axis=-1)
        return terms

    def _penalties(self, c: np.ndarray) -> np.ndarray | float:
        """The L1/L2 penalty at each point (0 without one): it moves with the weights too."""
        if not self.net.penalized:
            return 0.0
        return self.net.penalty_values(self.weights + c @ self.directions)

    def _stacked_layer(self, layer: int, inputs: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``O~(l+1)`` and ``I(l+1)`` for stacked points whose weights of this layer are ``W0 + sum c_j D_j``."""
        n_in, points, samples = inputs.shape
        flat = inputs.reshape(n_in, points * samples)
        weights = self._matrices[layer]
        out = np.empty((weights.shape[1] + 1, points, samples))
        out[-1] = 1.0
        # a fresh product: matmul(..., out=<a view of out>) measured three times slower
        pre = (weights.T @ flat).reshape(-1, points, samples)
        for j, matrix in self._moving[layer]:
            pre += (matrix.T @ flat).reshape(-1, points, samples) * c[:, j][None, :, None]
        self.net.activation(layer)(pre, out=out[:-1])
        return out, pre

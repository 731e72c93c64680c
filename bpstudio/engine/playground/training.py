"""Playground's network and its training, point by point, with Playground's arithmetic (nn.ts).

A link's weight starts at ``Math.random() - 0.5`` (drawn even under ``initZero``, which then
sets it to 0) and every bias at 0.1, layer by layer, node by node, a node's incoming links in
input order — the stream goes on from where the data left it. Training is ``oneStep`` of
playground.ts: forward and backward for each training point, in order, summing each
derivative into its accumulator, and an update after every ``batch_size``-th point of the
epoch; points left over at an epoch's end join the next epoch's first batch. The update
divides by the number summed, applies the regularisation once, and under L1 zeroes a weight
whose sign would flip and leaves that link dead: it takes no more derivatives or updates.

The points of one batch share the weights, so the batch is computed as arrays; every sum is
taken in Playground's order (the bias then a node's inputs in order; an accumulator then the
points in order; 0 then a node's outgoing links in order) by :func:`_ordered_sum`, so that
the results are the same doubles. Speed: a batch is some 40 NumPy calls on arrays made once
per batch size (:class:`_Plan`; the derivatives of all layers summed by one reduction) and four
tanh of some 45 calls each, on arrays of a few dozen numbers, so the time is NumPy's cost per
call, not arithmetic, and tanh is most of it (benchmarks/playground.py measures an epoch beside
Playground under Node).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.playground import js_math
from bpstudio.engine.playground.random_stream import PlaygroundRandom

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Activation:
    """An activation as nn.ts writes it: the output, and the derivative from input and output."""

    name: str
    output: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array]


def _relu(x: Array) -> Array:
    return np.where(x > 0, x, 0.0)


def _sigmoid(x: Array) -> Array:
    return 1 / (1 + js_math.exp_array(-x))


ACTIVATIONS: dict[str, Activation] = {
    "tanh": Activation("tanh", js_math.tanh_array, lambda x, o: 1 - o * o),
    "relu": Activation("relu", _relu, lambda x, o: np.where(x <= 0, 0.0, 1.0)),
    "sigmoid": Activation("sigmoid", _sigmoid, lambda x, o: o * (1 - o)),
    "linear": Activation("linear", lambda x: x, lambda x, o: np.ones_like(x)),
}


def _sequential_sum(start: Array, terms: Array) -> Array:
    """``start + terms[0] + terms[1] + …`` in that order (axis 0), as a JavaScript loop adds."""
    stacked = np.empty((terms.shape[0] + 1, *start.shape))
    stacked[0] = start
    stacked[1:] = terms
    return _ordered_sum(stacked)


def _ordered_sum(stacked: Array) -> Array:
    """``stacked[0] + stacked[1] + …`` left to right, over axis 0.

    NumPy reduces over the outer axis of a C-contiguous array with one element-wise add per
    row, in order — the loop JavaScript runs. When nothing is left beside that axis NumPy would
    sum pairwise instead, so that case takes the cumulative sum, sequential by definition.
    """
    if stacked[0].size < 2:
        return cast(Array, np.cumsum(stacked, axis=0)[-1])
    return cast(Array, np.add.reduce(stacked, axis=0))


@dataclass
class Layer:
    """One layer of links and nodes: ``weights[k, j]`` joins input j to node k.

    The arrays are views of the network's flat arrays (one for all weights, one for all
    biases, their sums and the dead flags), so that an update is a few operations for the
    whole network; write into them, do not rebind them.
    """

    weights: Array
    biases: Array
    dead: NDArray[np.bool_]
    activation: Activation
    weight_sums: Array
    bias_sums: Array


_ONE = np.array(1.0)
_ADD_REDUCE = np.add.reduce


def _sum_rows(stacked: Array, out: Array, by_cumsum: bool) -> None:
    """:func:`_ordered_sum` into ``out``; ``by_cumsum`` when a row has fewer than two numbers."""
    if by_cumsum:
        np.copyto(out, np.cumsum(stacked, axis=0)[-1])
    else:
        np.add.reduce(stacked, axis=0, out=out)


class _Step:
    """One layer's arrays for a batch of ``count`` points, made once and reused every batch.

    Points run down the rows ((points, nodes)), so that each sum over points or inputs is a
    reduction over the outer axis of one stacked array (see :func:`_ordered_sum`), and every
    operand is a view prepared here: a batch is then a few dozen NumPy calls and no allocation.
    """

    def __init__(self, layer: Layer, count: int, weight_terms: Array, bias_terms: Array) -> None:
        nodes, fan_in = layer.weights.shape
        self.activation = layer.activation
        self.tanh = layer.activation.name == "tanh"
        # forward: the bias, then each input's products, summed over the first axis
        self.bias = layer.biases[None, :]
        self.weights_t = layer.weights.T[:, None, :]  # (inputs, 1, nodes)
        self.terms = np.empty((fan_in + 1, count, nodes))
        self.bias_row, self.products = self.terms[0], self.terms[1:]
        self.terms_sequential = self.terms[0].size < 2
        self.total = np.empty((count, nodes))
        self.output = np.empty((count, nodes))
        self.source_next = self.output.T[:, :, None]  # the next layer's inputs, as ``inputs[:, :, None]``
        self.source_sums = self.output[:, None, :]  # the next layer's sources, (points, 1, inputs)
        # backward: the points' derivatives go into the plan's rows of terms (see _Plan); the sum
        # over the outgoing links starts from 0
        self.derivative = np.empty((count, nodes))
        self.output_der = np.empty((count, nodes))
        self.input_der = bias_terms  # (points, nodes)
        self.weight_products = weight_terms.reshape(count, nodes, fan_in)
        assert np.shares_memory(self.weight_products, weight_terms)  # a view: the plan sums it
        self.input_der_column = self.input_der[:, :, None]
        self.weights_rows = layer.weights[:, None, :]  # (nodes, 1, inputs)
        self.input_der_back = self.input_der.T[:, :, None]  # (nodes, points, 1)
        self.back_terms = np.zeros((nodes + 1, count, fan_in))
        self.back_products = self.back_terms[1:]
        self.back_sequential = count * fan_in < 2


class _Plan:
    """The arrays of every layer for batches of one size.

    ``terms`` lays every derivative of a batch beside the network's flat sums (all weights,
    then all biases): row 0 the sums so far, then a row per point. Each layer writes its
    points' derivatives into its columns, and one reduction adds them all, in Playground's
    order (the sum so far, then the points), instead of two per layer.
    """

    def __init__(self, layers: list[Layer], count: int) -> None:
        weights = sum(layer.weights.size for layer in layers)
        self.terms = np.empty((count + 1, weights + sum(layer.biases.size for layer in layers)))
        self.start, rows = self.terms[0], self.terms[1:]
        self.sequential = self.terms[0].size < 2
        self.layers = []
        w, b = 0, weights
        for layer in layers:
            nodes = layer.biases.size
            self.layers.append(_Step(layer, count, rows[:, w : w + layer.weights.size], rows[:, b : b + nodes]))
            w, b = w + layer.weights.size, b + nodes


class PlaygroundNetwork:
    """A Playground network: ``sizes`` from the inputs to the one output node."""

    def __init__(
        self,
        sizes: list[int],
        activation: str,
        output_activation: str,
        random: PlaygroundRandom,
        init_zero: bool = False,
        regularization: str | None = None,
    ) -> None:
        shapes = list(zip(sizes[1:], sizes[:-1], strict=True))  # (nodes, inputs) per layer
        drawn = [random() - 0.5 for count, fan_in in shapes for _ in range(count * fan_in)]  # node by node, in input order
        self.weights: Array = np.zeros(len(drawn)) if init_zero else np.array(drawn, dtype=np.float64)
        self.dead: NDArray[np.bool_] = np.zeros(len(drawn), dtype=bool)
        node_count = sum(count for count, _ in shapes)
        self.biases: Array = np.full(node_count, 0.0 if init_zero else 0.1)
        self.sums: Array = np.zeros(len(drawn) + node_count)  # every derivative's sum: the weights', then the biases'
        self.weight_sums: Array = self.sums[: len(drawn)]
        self.bias_sums: Array = self.sums[len(drawn) :]
        self.layers: list[Layer] = []
        w = b = 0
        for index, (count, fan_in) in enumerate(shapes):
            ws, bs = slice(w, w + count * fan_in), slice(b, b + count)
            self.layers.append(
                Layer(
                    self.weights[ws].reshape(count, fan_in),
                    self.biases[bs],
                    self.dead[ws].reshape(count, fan_in),
                    ACTIVATIONS[output_activation if index == len(shapes) - 1 else activation],
                    self.weight_sums[ws].reshape(count, fan_in),
                    self.bias_sums[bs],
                )
            )
            w, b = ws.stop, bs.stop
        self.regularization = regularization
        self.summed = 0  # points summed since the last update (the same for every live link and node)
        self._plans: dict[int, _Plan] = {}

    def _plan(self, count: int) -> _Plan:
        plan = self._plans.get(count)
        if plan is None:
            if len(self._plans) >= 8:  # a few batch sizes and the two sets; anything else is rare
                self._plans.clear()
            plan = self._plans[count] = _Plan(self.layers, count)
        return plan

    def _forward(self, inputs: Array) -> _Plan:
        """Forward for points as columns of ``inputs`` (features, points), into a plan's arrays."""
        plan = self._plan(inputs.shape[1])
        source = inputs[:, :, None]  # (inputs, points, 1)
        multiply, tanh = np.multiply, js_math.tanh_array
        for step in plan.layers:
            np.copyto(step.bias_row, step.bias)
            multiply(source, step.weights_t, step.products)
            if step.terms_sequential:
                _sum_rows(step.terms, step.total, True)
            else:
                _ADD_REDUCE(step.terms, 0, None, step.total)  # type: ignore[call-overload]  # positional out: the fast path; the bias, then each input in order
            if step.tanh:
                tanh(step.total, step.output)
            else:
                np.copyto(step.output, step.activation.output(step.total))
            source = step.source_next
        return plan

    def forward(self, inputs: Array) -> list[tuple[Array, Array]]:
        """Each layer's (total input, output) for points as columns: ``inputs`` is (features, points)."""
        plan = self._forward(inputs)
        return [(step.total.T.copy(), step.output.T.copy()) for step in plan.layers]

    def predict(self, inputs: Array) -> Array:
        outputs: Array = self._forward(inputs).layers[-1].output[:, 0].copy()
        return outputs

    def accumulate(self, inputs: Array, targets: Array) -> None:
        """Forward and backward for each point (columns of ``inputs``), summing the derivatives.

        A dead link's sum is left to grow here: :meth:`update` never reads it for a dead link.
        """
        plan = self._forward(inputs)
        steps = plan.layers
        last = steps[-1]
        np.subtract(last.output, targets[:, None], last.output_der)
        for index in range(len(steps) - 1, -1, -1):
            step = steps[index]
            if step.tanh:
                np.multiply(step.output, step.output, step.derivative)
                np.subtract(_ONE, step.derivative, step.derivative)
            else:
                np.copyto(step.derivative, step.activation.derivative(step.total, step.output))
            np.multiply(step.output_der, step.derivative, step.input_der)
            source = steps[index - 1].source_sums if index > 0 else inputs.T[:, None, :]
            np.multiply(step.input_der_column, source, step.weight_products)
            if index == 0:
                break
            np.multiply(step.weights_rows, step.input_der_back, step.back_products)
            _sum_rows(step.back_terms, steps[index - 1].output_der, step.back_sequential)  # 0, then each outgoing link
        np.copyto(plan.start, self.sums)
        _sum_rows(plan.terms, self.sums, plan.sequential)  # the sum so far, then each point
        self.summed += inputs.shape[1]

    def update(self, learning_rate: float, regularization_rate: float) -> None:
        """nn.ts's updateWeights: the mean derivative step, then the penalty, L1 killing links.

        Done on the flat arrays, every layer at once; element by element it is nn.ts's arithmetic.
        """
        if self.summed == 0:
            return
        n = float(self.summed)
        biases, old = self.biases, self.weights
        change = np.multiply(self.bias_sums, learning_rate)
        np.subtract(biases, np.divide(change, n, change), biases)  # bias - rate * sum / n
        stepped = np.multiply(self.weight_sums, learning_rate / n)
        if self.regularization not in ("L1", "L2"):  # nn.ts then subtracts (rate * 0): the same double
            np.subtract(old, stepped, old)  # weight - (rate / n) * sum
        else:
            np.subtract(old, stepped, stepped)
        if self.regularization == "L1":
            penalised = stepped - (learning_rate * regularization_rate) * np.sign(old)
            live = ~self.dead
            dies = live & (stepped * penalised < 0)
            old[...] = np.where(dies, 0.0, np.where(live, penalised, old))
            self.dead |= dies
        elif self.regularization == "L2":
            old[...] = stepped - (learning_rate * regularization_rate) * old
        self.sums.fill(0.0)
        self.summed = 0

    def mean_gradient(self, inputs: Array, targets: Array) -> list[tuple[Array, Array]]:
        """Each layer's d(mean ½(output − label)²)/d(weights, biases) over these points.

        Playground's own backward pass over all of them, the sums divided by their count; a dead
        link (L1) takes no part and gets 0. The sums of a batch in progress are kept.
        """
        saved = self.weight_sums.copy(), self.bias_sums.copy(), self.summed
        self.weight_sums[...] = 0.0
        self.bias_sums[...] = 0.0
        if targets.size:
            self.accumulate(inputs, targets)
        scale = 1 / targets.size if targets.size else 0.0
        gradient = [(np.where(layer.dead, 0.0, layer.weight_sums * scale), layer.bias_sums * scale) for layer in self.layers]
        self.weight_sums[...], self.bias_sums[...] = saved[0], saved[1]
        self.summed = saved[2]
        return gradient


def mean_loss(network: PlaygroundNetwork, inputs: Array, targets: Array) -> float:
    """playground.ts's getLoss: the mean of ½(output − label)² over the points, summed in order."""
    if targets.size == 0:
        return float("nan")  # 0 / 0 in JavaScript
    return _mean_in_order(_half_squares(network, inputs, targets))


def mean_losses(network: PlaygroundNetwork, inputs: Array, targets: Array, count: int) -> tuple[float, float]:
    """:func:`mean_loss` of the first ``count`` points and of the rest, from one forward pass.

    A point's output does not depend on the others computed beside it, so the training and the
    test set go through the network together (half the NumPy calls of two passes).
    """
    if targets.size == 0:
        return float("nan"), float("nan")
    errors = _half_squares(network, inputs, targets)
    return _mean_in_order(errors[:count]), _mean_in_order(errors[count:])


def _half_squares(network: PlaygroundNetwork, inputs: Array, targets: Array) -> Array:
    difference = network.predict(inputs) - targets
    errors: Array = 0.5 * (difference * difference)
    return errors


def _mean_in_order(errors: Array) -> float:
    """The points' errors summed in order, over their count (NaN for none: 0 / 0 in JavaScript)."""
    return float(np.cumsum(errors)[-1] / errors.size) if errors.size else float("nan")


def train_epoch(
    network: PlaygroundNetwork, inputs: Array, targets: Array, batch_size: int, learning_rate: float, regularization_rate: float
) -> None:
    """One ``oneStep``: every training point once, an update after every ``batch_size``-th."""
    count = targets.size
    for start in range(0, count, batch_size):
        end = min(start + batch_size, count)
        network.accumulate(inputs[:, start:end], targets[start:end])
        if end - start == batch_size:
            network.update(learning_rate, regularization_rate)

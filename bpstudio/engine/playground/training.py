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
the results are the same doubles. Speed: an epoch costs some 400 NumPy operations per batch
on arrays of a few dozen numbers, so the time is NumPy's per-call overhead, not arithmetic
(benchmarks/playground.py measures it beside Playground under Node).
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
        self.weight_sums: Array = np.zeros(len(drawn))
        self.dead: NDArray[np.bool_] = np.zeros(len(drawn), dtype=bool)
        node_count = sum(count for count, _ in shapes)
        self.biases: Array = np.full(node_count, 0.0 if init_zero else 0.1)
        self.bias_sums: Array = np.zeros(node_count)
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

    def forward(self, inputs: Array) -> list[tuple[Array, Array]]:
        """Each layer's (total input, output) for points as columns: ``inputs`` is (features, points)."""
        seen: list[tuple[Array, Array]] = []
        previous = inputs
        for layer in self.layers:
            terms = np.empty((previous.shape[0] + 1, *layer.biases.shape, previous.shape[1]))
            terms[0] = layer.biases[:, None]
            np.multiply(layer.weights.T[:, :, None], previous[:, None, :], out=terms[1:])
            total = _ordered_sum(terms)  # the bias, then each input in order
            seen.append((total, layer.activation.output(total)))
            previous = seen[-1][1]
        return seen

    def predict(self, inputs: Array) -> Array:
        outputs: Array = self.forward(inputs)[-1][1]
        return cast(Array, outputs[0])

    def accumulate(self, inputs: Array, targets: Array) -> None:
        """Forward and backward for each point (columns of ``inputs``), summing the derivatives.

        A dead link's sum is left to grow here: :meth:`update` never reads it for a dead link.
        """
        seen = self.forward(inputs)
        count = inputs.shape[1]
        output_der = seen[-1][1] - targets[None, :]
        for index in range(len(self.layers) - 1, -1, -1):
            layer = self.layers[index]
            total, output = seen[index]
            input_der = output_der * layer.activation.derivative(total, output)
            bias_terms = np.empty((count + 1, input_der.shape[0]))
            bias_terms[0] = layer.bias_sums
            bias_terms[1:] = input_der.T
            layer.bias_sums[...] = _ordered_sum(bias_terms)
            source = seen[index - 1][1] if index > 0 else inputs
            terms = np.empty((count + 1, *layer.weights.shape))  # (points, nodes, inputs) after the start
            terms[0] = layer.weight_sums
            np.multiply(input_der.T[:, :, None], source.T[:, None, :], out=terms[1:])
            layer.weight_sums[...] = _ordered_sum(terms)
            if index == 0:
                break
            back = np.empty((layer.weights.shape[0] + 1, *source.shape))  # 0, then each outgoing link in order
            back[0] = 0.0
            np.multiply(layer.weights[:, :, None], input_der[:, None, :], out=back[1:])
            output_der = _ordered_sum(back)
        self.summed += count

    def update(self, learning_rate: float, regularization_rate: float) -> None:
        """nn.ts's updateWeights: the mean derivative step, then the penalty, L1 killing links.

        Done on the flat arrays, every layer at once; element by element it is nn.ts's arithmetic.
        """
        if self.summed == 0:
            return
        n = float(self.summed)
        self.biases[...] = self.biases - learning_rate * self.bias_sums / n
        old = self.weights
        stepped = old - (learning_rate / n) * self.weight_sums
        if self.regularization == "L1":
            penalised = stepped - (learning_rate * regularization_rate) * np.sign(old)
            live = ~self.dead
            dies = live & (stepped * penalised < 0)
            old[...] = np.where(dies, 0.0, np.where(live, penalised, old))
            self.dead |= dies
        elif self.regularization == "L2":
            old[...] = stepped - (learning_rate * regularization_rate) * old
        else:
            old[...] = stepped  # nn.ts subtracts (rate * 0): the same double
        self.weight_sums[...] = 0.0
        self.bias_sums[...] = 0.0
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
    difference = network.predict(inputs) - targets
    errors = 0.5 * (difference * difference)
    return float(np.cumsum(errors)[-1] / targets.size)


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

"""Forward and backward passes over a whole data set at once.

"Forward computes the basic links, backward chains them": the forward pass
keeps, for every layer, the augmented input ``O~(l)``, the pre-activation
``I(l+1)``, the output ``O(l+1)`` and the local derivative ``dO/dI`` of the
non-linear link.  The backward pass then multiplies along the links and sums
at the sources; the sum over the branches leaving each ``O_j`` and over all
samples is one matrix product each.

Layout: arrays are *feature-major*, shape ``(features, samples)``, so that
``I = W~^T O~`` and the constant bias row of ``O~`` is one contiguous row.
That lets the activation write straight into the next layer's augmented
input (no copy) and keeps every product a plain BLAS call; it is what makes
an iteration of the article's problem take well under 100 us.  Use ``.T``
for a ``(samples, features)`` view.

The per-layer functions are public because the step-through replays them one
phase at a time; the fast path calls the very same functions, so both give
bit-identical numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.activations import softmax_backward
from bpstudio.engine.losses import half_squared_error
from bpstudio.engine.network import Network


def augmented_inputs(inputs: np.ndarray) -> np.ndarray:
    """``O~(0)`` for a ``(samples, features)`` input table: feature-major, ones row last."""
    inputs = np.asarray(inputs, dtype=float)
    out = np.empty((inputs.shape[1] + 1, inputs.shape[0]))
    out[:-1] = inputs.T
    out[-1] = 1.0
    return out


@dataclass(slots=True)
class LayerForward:
    """What the forward pass through weight layer ``l`` produced and cached.

    A plain slotted record (not frozen): it is made twice per iteration in
    the hot loop, where a frozen dataclass's slower __init__ shows.
    """

    inputs: NDArray[np.float64]  # O~(l), (n_in + 1, samples), last row ones
    pre: NDArray[np.float64]  # I(l+1) = W~(l)^T O~(l), (n_out, samples)
    augmented: NDArray[np.float64]  # O~(l+1) = [f(I(l+1)); 1], (n_out + 1, samples)
    link: NDArray[np.float64] | float  # dO(l+1)/dI(l+1), the non-linear basic link

    @property
    def post(self) -> NDArray[np.float64]:
        """O(l+1) = f(I(l+1)) without the bias row."""
        return self.augmented[:-1]


@dataclass(slots=True)
class LayerBackward:
    """What the backward pass through weight layer ``l`` produced."""

    d_pre: NDArray[np.float64]  # dL/dI(l+1), (n_out, samples)
    grad: NDArray[np.float64]  # dL/dW~(l), (n_in + 1, n_out), summed over samples
    d_inputs: NDArray[np.float64] | None  # dL/dO(l), (n_in, samples): the sum at each source O_j


def forward_layer(net: Network, layer: int, inputs: np.ndarray, weights: np.ndarray) -> LayerForward:
    """The linear link ``I = W~^T O~`` then the non-linear link ``O = f(I)``."""
    activation = net.activation(layer)
    augmented = np.empty((weights.shape[1] + 1, inputs.shape[1]))
    augmented[-1] = 1.0
    if activation.linear:
        # O = I: the product lands in place and serves as both (saves a copy).
        pre = np.matmul(weights.T, inputs, out=augmented[:-1])
        return LayerForward(inputs, pre, augmented, 1.0)
    pre = weights.T @ inputs
    post = activation(pre, out=augmented[:-1])
    return LayerForward(inputs, pre, augmented, activation.derivative(pre, post))


def backward_layer(
    forward: LayerForward,
    d_post: np.ndarray | None,
    weights: np.ndarray,
    with_inputs: bool = True,
    d_pre: np.ndarray | None = None,
) -> LayerBackward:
    """Chain dL/dO(l+1) back through f and W~ to dL/dW~(l) and dL/dO(l).

    ``with_inputs=False`` skips dL/dO(l); training has no use for it at the
    input layer, where it would be the derivative with respect to the data.
    ``d_pre`` given (dL/dI(l+1), from :func:`output_loss`) skips the link f.
    """
    if d_pre is None:
        assert d_post is not None, "backward_layer needs dL/dO(l+1) or dL/dI(l+1)"
        link = forward.link
        d_pre = d_post if isinstance(link, float) and link == 1.0 else d_post * link
    grad = forward.inputs @ d_pre.T
    d_inputs = weights[:-1] @ d_pre if with_inputs else None
    return LayerBackward(d_pre, grad, d_inputs)


def forward(net: Network, flat_weights: np.ndarray | list[np.ndarray], inputs_aug: np.ndarray) -> list[LayerForward]:
    """Forward through every layer from ``O~(0)`` (see :func:`augmented_inputs`)."""
    matrices = flat_weights if isinstance(flat_weights, list) else net.layers(flat_weights)
    passes = []
    layer_inputs = inputs_aug
    for layer, weights in enumerate(matrices):
        step = forward_layer(net, layer, layer_inputs, weights)
        passes.append(step)
        layer_inputs = step.augmented
    return passes


def backward(
    net: Network,
    flat_weights: np.ndarray | list[np.ndarray],
    passes: list[LayerForward],
    d_outputs: np.ndarray | None,
    d_pre_last: np.ndarray | None = None,
) -> list[LayerBackward]:
    """Backward through every layer, last first; returned in layer order.

    Starts from dL/dy (``d_outputs``) or, when given, from dL/dI of the
    output layer (``d_pre_last``, see :func:`output_loss`).
    ``flat_weights`` may also be the list of matrices :meth:`Network.layers` gave.
    """
    matrices = flat_weights if isinstance(flat_weights, list) else net.layers(flat_weights)
    results: list[LayerBackward] = []  # last layer first, until the reverse below
    if d_pre_last is None and net.activation(net.n_layers - 1).coupled:
        assert d_outputs is not None, "backward needs dL/dy or dL/dI of the output layer"
        d_pre_last = softmax_backward(passes[-1].post, d_outputs)
    d_post, d_pre = d_outputs, d_pre_last
    for layer in reversed(range(net.n_layers)):
        result = backward_layer(passes[layer], d_post, matrices[layer], with_inputs=layer > 0, d_pre=d_pre)
        results.append(result)
        d_post, d_pre = result.d_inputs, None
    results.reverse()
    return results


def flat_gradient(backward_passes: list[LayerBackward]) -> np.ndarray:
    """Concatenate per-layer gradients into the article's flat layout."""
    return np.concatenate([b.grad.reshape(-1) for b in backward_passes])


def predict(net: Network, flat_weights: np.ndarray, inputs: np.ndarray) -> np.ndarray:
    """Predictions for a ``(samples, features)`` table, returned the same way round."""
    passes = forward(net, flat_weights, augmented_inputs(np.atleast_2d(inputs)))
    return passes[-1].post.T


def output_loss(net: Network, last: LayerForward, targets_t: np.ndarray) -> tuple[float, np.ndarray]:
    """The data term of JVal and dL/dI of the output layer, for the network's loss.

    The loss's own record computes it (half squared error chains dL/dy = y_hat - y through the
    output link; cross-entropy takes dL/dI = y - t straight from the logits, stable where y is
    nearly 0 or 1).
    """
    return net.loss_record.objective(last.pre, last.post, last.link, targets_t, net.output_activation)


def jval_and_gradient(
    net: Network,
    flat_weights: np.ndarray,
    inputs_aug: np.ndarray,
    targets_t: np.ndarray,
    scale: float = 1.0,
) -> tuple[float, np.ndarray]:
    """JVal and its flat gradient; inputs and targets are feature-major.

    JVal is the data term (times ``scale``, which a mini-batch uses to stand
    for the whole set) plus the network's penalty, if any.  The article's
    objective takes its original path, bit for bit.
    """
    matrices = net.layers(flat_weights)
    passes = forward(net, matrices, inputs_aug)
    if net.is_plain_mse and scale == 1.0:
        jval, d_outputs = half_squared_error(passes[-1].post, targets_t)
        return jval, flat_gradient(backward(net, matrices, passes, d_outputs))
    jval, d_pre = output_loss(net, passes[-1], targets_t)
    gradient = flat_gradient(backward(net, matrices, passes, None, d_pre))
    if scale != 1.0:
        jval, gradient = jval * scale, gradient * scale
    if net.penalized:
        penalty, d_penalty = net.penalty(flat_weights)
        jval, gradient = jval + penalty, gradient + d_penalty
    return jval, gradient


def jval_only(
    net: Network,
    flat_weights: np.ndarray,
    inputs_aug: np.ndarray,
    targets_t: np.ndarray,
    scale: float = 1.0,
    with_penalty: bool = True,
) -> float:
    """JVal without the backward pass; ``with_penalty=False`` gives the data term alone
    (what a held-out test set measures)."""
    passes = forward(net, flat_weights, inputs_aug)
    if net.is_plain_mse and scale == 1.0:
        return half_squared_error(passes[-1].post, targets_t)[0]
    jval = output_loss(net, passes[-1], targets_t)[0] * scale
    if with_penalty and net.penalized:
        jval += net.penalty(flat_weights)[0]
    return jval

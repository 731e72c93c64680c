"""The article's loss, JVal: a *sum* over samples of half the squared error.

``L = sum_i 1/2 * ||y_hat_i - y_i||^2``.  Being a sum (not a mean), its value grows with the
number of samples; the article's figure and our fixture use exactly this, so it is kept as is.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.activations import softmax_backward
from bpstudio.engine.losses._record import Link, Loss
from bpstudio.engine.messages import QT_TRANSLATE_NOOP

Array = NDArray[np.float64]


def half_squared_error(outputs: Array, targets: Array) -> tuple[float, Array]:
    """Return ``(JVal, dL/dy)``; ``dL/dy = y_hat - y`` is the basic link y -> L.

    Works for any layout as long as outputs and targets agree.
    """
    residual = outputs - targets
    flat = residual.reshape(-1)
    return 0.5 * float(np.dot(flat, flat)), residual


def _objective(pre: Array, post: Array, link: Link, targets: Array, output: str) -> tuple[float, Array]:
    """dL/dŷ = ŷ − y chained through the output link (softmax's Jacobian, or the element-wise slope)."""
    jval, residual = half_squared_error(post, targets)
    if output == "softmax":
        return jval, softmax_backward(post, residual)
    return jval, residual if isinstance(link, float) and link == 1.0 else residual * link


def _per_sample(pre: Array, post: Array, targets: Array, output: str) -> Array:
    residual = post - targets
    squares: Array = np.sum(residual * residual, axis=0)  # numpy types axis reductions as Any
    return 0.5 * squares


def _output_gradient(post: Array, targets: Array, output: str) -> Array:
    return post - targets


def _output_link(pre: Array, post: Array, targets: Array, output: str) -> Array:
    return post - targets


RECORD = Loss(
    name="mse",
    order=10,
    outputs=("identity", "sigmoid", "softmax"),
    objective=_objective,
    per_sample=_per_sample,
    output_gradient=_output_gradient,
    output_link=_output_link,
    link_products=None,
    silent_rows=False,
    link_latex=lambda y, output: rf"\hat{{{y}}} - {y}",
    link_text=lambda output: "ŷ − y",
    phase=lambda output: r"L = \tfrac{1}{2}\lVert \hat{y} - y \rVert^2, \quad \frac{\partial L}{\partial \hat{y}} = \hat{y} - y",
    phase_output=lambda output: None,
    reason=QT_TRANSLATE_NOOP("LinkReasons", "L = ½ (ŷ − y)²: its slope in ŷ is the error ŷ − y"),
    node_tip=QT_TRANSLATE_NOOP("DiagramTips", "L = ½ Σ (ŷ − y)²: the loss of one sample; JVal is the sum of L over all samples"),
    numpy_code={
        "identity": '''\
def output_loss(I, targets):
    """The output layer is linear, y_hat = I: JVal = sum over the samples of 1/2 ||y_hat - y||^2,
    and dJVal/dI = y_hat - y (the basic link y_hat -> L)."""
    residual = I - targets
    return 0.5 * float(np.sum(residual * residual)), residual''',
        "sigmoid": '''\
def output_loss(I, targets):
    """Sigmoid outputs y_hat = 1 / (1 + exp(-I)): JVal = sum over the samples of 1/2 ||y_hat - y||^2,
    and dJVal/dI = (y_hat - y) y_hat (1 - y_hat), through the output's own link."""
    y_hat = 0.5 * (1.0 + np.tanh(I * 0.5))
    residual = y_hat - targets
    return 0.5 * float(np.sum(residual * residual)), residual * (y_hat * (1.0 - y_hat))''',
        "softmax": '''\
def output_loss(I, targets):
    """Softmax outputs y = exp(I) / sum exp(I): JVal = sum over the samples of 1/2 ||y - t||^2.
    Softmax is not element-wise (every y_k depends on every I_j), so dJVal/dI goes through its
    Jacobian dy_k/dI_j = y_k (delta_jk - y_j): dJVal/dI_j = y_j (r_j - sum_k y_k r_k), r = y - t."""
    shifted = np.exp(I - np.max(I, axis=1, keepdims=True))
    y = shifted / np.sum(shifted, axis=1, keepdims=True)
    residual = y - targets
    return 0.5 * float(np.sum(residual * residual)), y * (residual - np.sum(y * residual, axis=1, keepdims=True))''',
    },
    torch_code={
        "identity": '''\
def output_loss(I, targets):
    """The output layer is linear, y_hat = I: JVal = sum over the samples of 1/2 ||y_hat - y||^2."""
    residual = I - targets
    return 0.5 * (residual * residual).sum()''',
        "sigmoid": '''\
def output_loss(I, targets):
    """Sigmoid outputs: JVal = sum over the samples of 1/2 ||sigmoid(I) - y||^2."""
    residual = torch.sigmoid(I) - targets
    return 0.5 * (residual * residual).sum()''',
        "softmax": '''\
def output_loss(I, targets):
    """Softmax outputs: JVal = sum over the samples of 1/2 ||softmax(I) - t||^2."""
    residual = torch.softmax(I, dim=1) - targets
    return 0.5 * (residual * residual).sum()''',
    },
    script_words="1/2 ||y_hat - y||^2",
    display=QT_TRANSLATE_NOOP("Options", "mse (squared error)"),
    tip=QT_TRANSLATE_NOOP("Options", "half the squared error ½‖ŷ − y‖², as in the article"),
)

"""Cross-entropy, the classification loss, after a softmax (classes) or one sigmoid (two classes).

Cross-entropy is computed from the logits I^(L) (log-sum-exp, softplus), never as log(y): a
confident wrong answer then costs a large finite number instead of log(0).  Its derivative with
respect to the logits is the well-known ``y - t``, which is exactly what the chain gives when the
basic links dL/dy_k = -t_k / y_k and dy_k/dI_j = y_k (delta_jk - y_j) are multiplied and summed
at the sources I_j.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.losses._record import Link, Loss
from bpstudio.engine.messages import QT_TRANSLATE_NOOP

Array = NDArray[np.float64]


def softmax_cross_entropy(logits: Array, targets: Array) -> tuple[float, Array]:
    """``(sum_i -sum_k t_ik log softmax(I_i)_k, dL/dI)`` for feature-major arrays.

    dL/dI_j = y_j sum_k t_k - t_j, which is ``y - t`` for one-hot targets.
    """
    shifted = logits - np.max(logits, axis=0)
    log_z = np.log(np.sum(np.exp(shifted), axis=0))
    log_y = shifted - log_z
    jval = -float(np.sum(targets * log_y))
    y = np.exp(log_y)
    target_mass: Array = np.sum(targets, axis=0)  # numpy types axis reductions as Any
    return jval, y * target_mass - targets


def sigmoid_cross_entropy(logits: Array, targets: Array) -> tuple[float, Array]:
    """Binary cross-entropy of sigmoid outputs, ``(JVal, dL/dI)``; dL/dI = sigmoid(I) - t.

    -[t log s + (1 - t) log(1 - s)] = softplus(I) - t I, with softplus written
    so that it never overflows.
    """
    softplus = np.maximum(logits, 0.0) + np.log1p(np.exp(-np.abs(logits)))
    jval = float(np.sum(softplus - targets * logits))
    return jval, 0.5 * (1.0 + np.tanh(0.5 * logits)) - targets


def cross_entropy_output_gradient(outputs: Array, targets: Array, output: str) -> Array:
    """The basic link y_k -> L of cross-entropy: dL/dy_k (per sample, feature-major).

    Softmax: -t_k / y_k.  Sigmoid (binary): -t/y + (1 - t)/(1 - y).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if output == "softmax":
            return -targets / outputs
        return -targets / outputs + (1.0 - targets) / (1.0 - outputs)


def cross_entropy_output_link(logits: Array, targets: Array, output: str) -> Array:
    """:func:`cross_entropy_output_gradient` computed from the logits, where y may have rounded to 0 or 1.

    ``1/y`` is ``exp(log Z - I_k)`` under softmax and ``1 + exp(-I)`` under a
    sigmoid, ``1/(1 - y)`` is ``1 + exp(I)``: finite until the exponent
    passes ~709, where a y computed first has long rounded to 0 or 1 (a
    sigmoid at |I| > 37).  A term whose target share is 0 is 0, never 0·∞.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        if output == "softmax":
            shifted = logits - np.max(logits, axis=0)
            log_z = np.log(np.sum(np.exp(shifted), axis=0))
            link: Array = np.where(targets != 0, -targets * np.exp(log_z - shifted), 0.0)
            return link
        wrong = np.where(targets != 1, (1.0 - targets) * (1.0 + np.exp(logits)), 0.0)
        link = np.where(targets != 0, -targets * (1.0 + np.exp(-logits)), 0.0) + wrong
        return link


def cross_entropy_link_products(logits: Array, targets: Array, output: str) -> Array:
    """``dL/dy_k · dy_k/dI_j`` for every output pair, ``[j, k, sample]``, without forming either factor.

    Softmax: ``-t_k (δ_jk - y_j)``; sigmoid: ``y_j - t_j`` on the diagonal.
    Each is finite however saturated the output, where the two factors alone
    can be ∞ and 0 (their product NaN); summed over k it is dL/dI_j = y - t.
    """
    outputs = logits.shape[0]
    eye = np.eye(outputs)[:, :, None]
    if output == "softmax":
        shifted = logits - np.max(logits, axis=0)
        y = np.exp(shifted - np.log(np.sum(np.exp(shifted), axis=0)))
        products: Array = -targets[None, :, :] * (eye - y[:, None, :])
        return products
    y = 0.5 * (1.0 + np.tanh(0.5 * logits))
    products = eye * (y - targets)[:, None, :]
    return products


def per_sample_cross_entropy(logits: Array, targets: Array, output: str) -> Array:
    """Cross-entropy of each sample for feature-major arrays, shape ``(samples,)``."""
    if output == "softmax":
        shifted = logits - np.max(logits, axis=0)
        log_y = shifted - np.log(np.sum(np.exp(shifted), axis=0))
        per_sample: Array = -np.sum(targets * log_y, axis=0)  # numpy types axis reductions as Any
        return per_sample
    softplus = np.maximum(logits, 0.0) + np.log1p(np.exp(-np.abs(logits)))
    per_sample = np.sum(softplus - targets * logits, axis=0)
    return per_sample


def _objective(pre: Array, post: Array, link: Link, targets: Array, output: str) -> tuple[float, Array]:
    """dL/dI = ŷ − y straight from the logits (stable where ŷ is nearly 0 or 1)."""
    if output == "softmax":
        return softmax_cross_entropy(pre, targets)
    return sigmoid_cross_entropy(pre, targets)


def _link_latex(y: str, output: str) -> str:
    if output == "sigmoid":  # binary: L = −[y log ŷ + (1 − y) log(1 − ŷ)]
        return rf"\frac{{\hat{{{y}}} - {y}}}{{\hat{{{y}}}\left(1 - \hat{{{y}}}\right)}}"
    return rf"-\frac{{{y}}}{{\hat{{{y}}}}}"  # L = −Σ y log ŷ


def _phase(output: str) -> str:
    if output == "sigmoid":
        return (
            r"L = -\left[y \log \hat{y} + (1 - y) \log(1 - \hat{y})\right], \quad "
            r"\frac{\partial L}{\partial \hat{y}} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}"
        )
    return r"L = -\sum_k y_k \log \hat{y}_k, \quad \frac{\partial L}{\partial \hat{y}_k} = -\frac{y_k}{\hat{y}_k}"


RECORD = Loss(
    name="cross-entropy",
    order=20,
    outputs=("softmax", "sigmoid"),
    objective=_objective,
    per_sample=lambda pre, post, targets, output: per_sample_cross_entropy(pre, targets, output),
    output_gradient=cross_entropy_output_gradient,
    output_link=lambda pre, post, targets, output: cross_entropy_output_link(pre, targets, output),
    link_products=cross_entropy_link_products,
    silent_rows=True,
    link_latex=_link_latex,
    link_text=lambda output: "(ŷ − y)/(ŷ(1 − ŷ))" if output == "sigmoid" else "−y/ŷ",
    phase=_phase,
    # through the output link and the loss together the chain sums to ŷ − y
    phase_output=lambda output: r"\hat{y} - y",
    reason=QT_TRANSLATE_NOOP("LinkReasons", "the cross-entropy's slope in ŷ"),
    node_tip=QT_TRANSLATE_NOOP("DiagramTips", "L = −Σ y log ŷ: the cross-entropy of one sample; JVal is the sum of L over all samples"),
    numpy_code={
        "softmax": '''\
def output_loss(I, targets):
    """Softmax outputs y = exp(I) / sum exp(I): JVal = sum over the samples of -sum_k t_k log y_k,
    and dJVal/dI_j = y_j sum_k t_k - t_j, which is y - t for one-hot targets."""
    shifted = I - np.max(I, axis=1, keepdims=True)
    log_y = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    y = np.exp(log_y)
    return -float(np.sum(targets * log_y)), y * np.sum(targets, axis=1, keepdims=True) - targets''',
        "sigmoid": '''\
def output_loss(I, targets):
    """One sigmoid output p = 1 / (1 + exp(-I)), the probability of the second class: JVal = sum
    over the samples of -[t log p + (1 - t) log(1 - p)] = softplus(I) - t I, and dJVal/dI = p - t."""
    softplus = np.maximum(I, 0.0) + np.log1p(np.exp(-np.abs(I)))
    return float(np.sum(softplus - targets * I)), 0.5 * (1.0 + np.tanh(0.5 * I)) - targets''',
    },
    torch_code={
        "softmax": '''\
def output_loss(I, targets):
    """Softmax outputs: JVal = sum over the samples of -sum_k t_k log softmax(I)_k."""
    return -(targets * torch.log_softmax(I, dim=1)).sum()''',
        "sigmoid": '''\
def output_loss(I, targets):
    """One sigmoid output: JVal = sum over the samples of softplus(I) - t I, the binary cross-entropy
    -[t log p + (1 - t) log(1 - p)] of p = sigmoid(I), written so that it never overflows."""
    return (I.clamp(min=0) + torch.log1p(torch.exp(-I.abs())) - targets * I).sum()''',
    },
    script_words="the cross-entropy of the outputs",
    display=QT_TRANSLATE_NOOP("Options", "cross-entropy"),
    tip=QT_TRANSLATE_NOOP("Options", "cross-entropy −Σ y log ŷ of softmax or sigmoid outputs, for classes"),
)

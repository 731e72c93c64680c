"""The article's loss, JVal: a *sum* over samples of half the squared error.

``L = sum_i 1/2 * ||y_hat_i - y_i||^2``.  Being a sum (not a mean), its value
grows with the number of samples; the article's figure and our fixture use
exactly this, so it is kept as is.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def half_squared_error(outputs: NDArray[np.float64], targets: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
    """Return ``(JVal, dL/dy)``; ``dL/dy = y_hat - y`` is the basic link y -> L.

    Works for any layout as long as outputs and targets agree.
    """
    residual = outputs - targets
    flat = residual.reshape(-1)
    return 0.5 * float(np.dot(flat, flat)), residual


def per_sample_loss(outputs: NDArray[np.float64], targets: NDArray[np.float64]) -> NDArray[np.float64]:
    """Loss of each sample for ``(samples, outputs)`` arrays, shape ``(samples,)``."""
    residual = outputs - targets
    squares: NDArray[np.float64] = np.sum(residual * residual, axis=1)  # numpy types axis reductions as Any
    return 0.5 * squares


# -- classification ----------------------------------------------------------------
# Cross-entropy is computed from the logits I^(L) (log-sum-exp, softplus), never
# as log(y): a confident wrong answer then costs a large finite number instead
# of log(0).  Its derivative with respect to the logits is the well-known
# ``y - t``, which is exactly what the chain gives when the basic links
# dL/dy_k = -t_k / y_k and dy_k/dI_j = y_k (delta_jk - y_j) are multiplied
# and summed at the sources I_j.
LOSSES = ("mse", "cross-entropy")


def softmax_cross_entropy(logits: NDArray[np.float64], targets: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
    """``(sum_i -sum_k t_ik log softmax(I_i)_k, dL/dI)`` for feature-major arrays.

    dL/dI_j = y_j sum_k t_k - t_j, which is ``y - t`` for one-hot targets.
    """
    shifted = logits - np.max(logits, axis=0)
    log_z = np.log(np.sum(np.exp(shifted), axis=0))
    log_y = shifted - log_z
    jval = -float(np.sum(targets * log_y))
    y = np.exp(log_y)
    target_mass: NDArray[np.float64] = np.sum(targets, axis=0)  # numpy types axis reductions as Any
    return jval, y * target_mass - targets


def sigmoid_cross_entropy(logits: NDArray[np.float64], targets: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
    """Binary cross-entropy of sigmoid outputs, ``(JVal, dL/dI)``; dL/dI = sigmoid(I) - t.

    -[t log s + (1 - t) log(1 - s)] = softplus(I) - t I, with softplus written
    so that it never overflows.
    """
    softplus = np.maximum(logits, 0.0) + np.log1p(np.exp(-np.abs(logits)))
    jval = float(np.sum(softplus - targets * logits))
    return jval, 0.5 * (1.0 + np.tanh(0.5 * logits)) - targets


def cross_entropy_output_gradient(outputs: NDArray[np.float64], targets: NDArray[np.float64], output: str) -> NDArray[np.float64]:
    """The basic link y_k -> L of cross-entropy: dL/dy_k (per sample, feature-major).

    Softmax: -t_k / y_k.  Sigmoid (binary): -t/y + (1 - t)/(1 - y).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if output == "softmax":
            return -targets / outputs
        return -targets / outputs + (1.0 - targets) / (1.0 - outputs)


def cross_entropy_output_link(logits: NDArray[np.float64], targets: NDArray[np.float64], output: str) -> NDArray[np.float64]:
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
            link: NDArray[np.float64] = np.where(targets != 0, -targets * np.exp(log_z - shifted), 0.0)
            return link
        wrong = np.where(targets != 1, (1.0 - targets) * (1.0 + np.exp(logits)), 0.0)
        link = np.where(targets != 0, -targets * (1.0 + np.exp(-logits)), 0.0) + wrong
        return link


def cross_entropy_link_products(logits: NDArray[np.float64], targets: NDArray[np.float64], output: str) -> NDArray[np.float64]:
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
        products: NDArray[np.float64] = -targets[None, :, :] * (eye - y[:, None, :])
        return products
    y = 0.5 * (1.0 + np.tanh(0.5 * logits))
    products = eye * (y - targets)[:, None, :]
    return products


def per_sample_cross_entropy(logits: NDArray[np.float64], targets: NDArray[np.float64], output: str) -> NDArray[np.float64]:
    """Cross-entropy of each sample for feature-major arrays, shape ``(samples,)``."""
    if output == "softmax":
        shifted = logits - np.max(logits, axis=0)
        log_y = shifted - np.log(np.sum(np.exp(shifted), axis=0))
        per_sample: NDArray[np.float64] = -np.sum(targets * log_y, axis=0)  # numpy types axis reductions as Any
        return per_sample
    softplus = np.maximum(logits, 0.0) + np.log1p(np.exp(-np.abs(logits)))
    per_sample = np.sum(softplus - targets * logits, axis=0)
    return per_sample

"""The article's loss, JVal: a *sum* over samples of half the squared error.

``L = sum_i 1/2 * ||y_hat_i - y_i||^2``.  Being a sum (not a mean), its value
grows with the number of samples; the article's figure and our fixture use
exactly this, so it is kept as is.
"""
from __future__ import annotations

import numpy as np


def half_squared_error(outputs: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """Return ``(JVal, dL/dy)``; ``dL/dy = y_hat - y`` is the basic link y -> L.

    Works for any layout as long as outputs and targets agree.
    """
    residual = outputs - targets
    flat = residual.reshape(-1)
    return 0.5 * float(np.dot(flat, flat)), residual


def per_sample_loss(outputs: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Loss of each sample for ``(samples, outputs)`` arrays, shape ``(samples,)``."""
    residual = outputs - targets
    return 0.5 * np.sum(residual * residual, axis=1)

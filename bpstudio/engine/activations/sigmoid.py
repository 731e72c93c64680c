"""The logistic sigmoid σ(I) = 1 / (1 + e^(−I)); dO/dI = O (1 − O)."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations._record import SATURATION, Activation, ValueRange, elementwise_phase
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def sigmoid(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """0.5 * (1 + tanh(x / 2)) never overflows, unlike 1 / (1 + exp(-x))."""
    out = np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _health(post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Saturated: |2O − 1| > 0.99 on every sample, tanh's test, since σ(I) = (1 + tanh(I/2)) / 2."""
    return np.all(np.abs(2.0 * post - 1.0) > SATURATION, axis=1), np.zeros(post.shape[0], dtype=bool)


RECORD = Activation(
    name="sigmoid",
    order=20,
    hidden=True,
    function=sigmoid,
    derivative=lambda i, o: o * (1.0 - o),
    linear=False,
    coupled=False,
    formula="O (1 - O)",
    link_latex=lambda o, i: rf"{o}\left(1 - {o}\right)",
    link_text=lambda o, i: f"{o}·(1 − {o})",
    phase=elementwise_phase(r"\sigma"),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "σ′(I) = σ(I)(1 − σ(I)) = O(1 − O): read from the unit's output"),
    # 0.5 (1 + tanh(I/2)) is the logistic function, and never overflows as 1 / (1 + exp(-I)) can
    numpy_code=("0.5 * (1.0 + np.tanh(I * 0.5))", "O * (1.0 - O)"),
    torch_code="torch.sigmoid(I)",
    value_range=ValueRange(0.0, 0.5, 1.0),
    health=_health,
    display=QT_TRANSLATE_NOOP("Options", "sigmoid"),
    tip=QT_TRANSLATE_NOOP("Options", "the logistic sigmoid: an S-curve from 0 to 1, slope O(1 − O)"),
)

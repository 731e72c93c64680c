"""The rectifier: O = max(I, 0), dO/dI = [I > 0]."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.activations._record import Activation, ValueRange, elementwise_phase
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def _relu(x: NDArray[np.float64], out: NDArray[np.float64] | None = None) -> NDArray[np.float64]:
    return np.maximum(x, 0.0, out=out)


def _health(post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dead: O = 0 on every sample, so dO/dI = 0 for all of them and no gradient reaches its weights."""
    return np.zeros(post.shape[0], dtype=bool), np.all(post == 0.0, axis=1)


RECORD = Activation(
    name="relu",
    order=30,
    hidden=True,
    function=_relu,
    derivative=lambda i, o: (i > 0).astype(float),
    linear=False,
    coupled=False,
    formula="[I > 0]",
    link_latex=lambda o, i: rf"[{i} > 0]",
    link_text=lambda o, i: f"[{i} > 0]",
    phase=elementwise_phase(r"\mathrm{relu}"),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "ReLU passes I where I > 0 (slope 1) and stops it elsewhere (slope 0)"),
    numpy_code=("np.maximum(I, 0.0)", "(I > 0).astype(float)"),
    torch_code="torch.relu(I)",
    value_range=ValueRange(0.0, 0.0, None),
    health=_health,
    display=QT_TRANSLATE_NOOP("Options", "relu"),
    tip=QT_TRANSLATE_NOOP("Options", "the rectifier max(I, 0): slope 1 where I > 0, else 0 (a unit can die)"),
)

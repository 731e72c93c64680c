"""Softmax, an output layer's activation: ŷ_k = exp(I_k) / Σ_j exp(I_j).

Softmax is not element-wise: every ŷ_k depends on every I_j of the output layer (the article's
note 1), so its "link" is the Jacobian ∂ŷ_k/∂I_j = ŷ_k (δ_jk − ŷ_j).  The cached link is ŷ
itself, from which :func:`softmax_backward` and the influence chain form that Jacobian.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.activations._record import Activation, PhaseRule, ValueRange, no_stall
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def _softmax(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Softmax over the outputs of each sample; arrays are feature-major ``(outputs, samples)``."""
    shifted: NDArray[np.float64] = np.subtract(x, np.max(x, axis=0), out=out)
    np.exp(shifted, out=shifted)
    shifted /= np.sum(shifted, axis=0)
    return shifted


def softmax_backward(outputs: NDArray[np.float64], d_outputs: NDArray[np.float64]) -> NDArray[np.float64]:
    """dL/dI from dL/dy through the softmax: ``dL/dI_j = y_j (dL/dy_j - sum_k y_k dL/dy_k)``."""
    weighted: NDArray[np.float64] = np.sum(outputs * d_outputs, axis=0)  # numpy types axis reductions as Any
    return outputs * (d_outputs - weighted)


RECORD = Activation(
    name="softmax",
    order=90,
    hidden=False,
    function=_softmax,
    derivative=lambda i, o: o,
    linear=False,
    coupled=True,
    formula="y_k (δ_jk − y_j)",
    # the diagonal of the Jacobian; the board writes the off-diagonal −ŷ_k ŷ_j from the same names
    link_latex=lambda o, i: rf"{o}\left(1 - {o}\right)",
    link_text=lambda o, i: f"{o}(1 − {o})",
    phase=PhaseRule(
        forward=lambda out, pre: rf"{out} = \mathrm{{softmax}}\left({pre}\right)",
        backward=lambda d_out, pre: rf"\hat{{y}} \odot \left({d_out} - \hat{{y}}^{{\top}} {d_out}\right)",
    ),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "softmax couples the outputs: each ŷ depends on every I"),
    # an output's only: the exports write it inside the loss (see the loss records)
    numpy_code=(
        "np.exp(I - np.max(I, axis=1, keepdims=True)) / np.sum(np.exp(I - np.max(I, axis=1, keepdims=True)), axis=1, keepdims=True)",
        "O * (1.0 - O)",
    ),
    torch_code="torch.softmax(I, dim=1)",
    value_range=ValueRange(0.0, 0.0, 1.0),
    health=no_stall,
    display=QT_TRANSLATE_NOOP("Options", "softmax"),
    tip=QT_TRANSLATE_NOOP("Options", "softmax: the outputs become class probabilities that sum to 1"),
)

"""Hidden-layer activation functions and their local derivatives.

The article treats the non-linear operation ``O = f(I)`` as one more link of
the graph, so each activation carries the derivative ``dO/dI`` of that link.
The derivative is written in terms of the *output* O where that is cheaper
(tanh: ``1 - O**2``, exactly as the article's ``1 - I1_tanh ** 2``), which lets
the backward pass reuse what the forward pass cached instead of calling the
transcendental function again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class Activation:
    """An element-wise function f and its derivative f'(I) given (I, O=f(I))."""

    name: str
    function: Callable[..., np.ndarray]  # f(I, out=None), NumPy ufunc style
    # the identity's is the scalar 1.0 (see IDENTITY)
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray | float]
    formula: str

    def __call__(self, pre_activation: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        return self.function(pre_activation, out=out)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"

    def __reduce__(self) -> tuple[Callable[[str], Activation], tuple[str]]:
        """Pickled by name: its functions are lambdas, and the trainer's process sends networks across."""
        return get_activation, (self.name,)


def _sigmoid(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    # 0.5 * (1 + tanh(x / 2)) never overflows, unlike 1 / (1 + exp(-x)).
    out = np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _relu(x: NDArray[np.float64], out: NDArray[np.float64] | None = None) -> NDArray[np.float64]:
    return np.maximum(x, 0.0, out=out)


def _identity(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    if out is None:
        return np.array(x, dtype=float)
    np.copyto(out, x)
    return out


TANH = Activation("tanh", np.tanh, lambda i, o: 1.0 - o * o, "1 - O^2")
SIGMOID = Activation("sigmoid", _sigmoid, lambda i, o: o * (1.0 - o), "O (1 - O)")
RELU = Activation("relu", _relu, lambda i, o: (i > 0).astype(float), "[I > 0]")
# The identity's link derivative is the constant 1; a scalar keeps the
# backward pass from multiplying a whole array by ones.
IDENTITY = Activation("identity", _identity, lambda i, o: 1.0, "1")

ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (TANH, SIGMOID, RELU, IDENTITY)}


def _softmax(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Softmax over the outputs of each sample; arrays are feature-major ``(outputs, samples)``."""
    shifted: NDArray[np.float64] = np.subtract(x, np.max(x, axis=0), out=out)
    np.exp(shifted, out=shifted)
    shifted /= np.sum(shifted, axis=0)
    return shifted


# Softmax is not element-wise: every y_k depends on every I_j of the output
# layer (the article's note 1), so its "link" is the Jacobian
# dy_k/dI_j = y_k (delta_jk - y_j).  The cached link is y itself, from which
# :func:`softmax_backward` and the influence chain form that Jacobian.
SOFTMAX = Activation("softmax", _softmax, lambda i, o: o, "y_k (δ_jk − y_j)")

# What the output layer may apply; hidden layers choose from ACTIVATIONS.
OUTPUT_ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (IDENTITY, SIGMOID, SOFTMAX)}


def softmax_backward(outputs: NDArray[np.float64], d_outputs: NDArray[np.float64]) -> NDArray[np.float64]:
    """dL/dI from dL/dy through the softmax: ``dL/dI_j = y_j (dL/dy_j - sum_k y_k dL/dy_k)``."""
    weighted: NDArray[np.float64] = np.sum(outputs * d_outputs, axis=0)  # numpy types axis reductions as Any
    return outputs * (d_outputs - weighted)


def get_activation(name: str) -> Activation:
    """Look an activation up by name; the error lists the valid names."""
    if name == "softmax":
        return SOFTMAX
    try:
        return ACTIVATIONS[name]
    except KeyError:
        valid = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (choose from {valid})") from None

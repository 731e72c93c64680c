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


@dataclass(frozen=True)
class Activation:
    """An element-wise function f and its derivative f'(I) given (I, O=f(I))."""

    name: str
    function: Callable[..., np.ndarray]  # f(I, out=None), NumPy ufunc style
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]
    formula: str

    def __call__(self, pre_activation: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        return self.function(pre_activation, out=out)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"


def _sigmoid(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    # 0.5 * (1 + tanh(x / 2)) never overflows, unlike 1 / (1 + exp(-x)).
    out = np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _relu(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
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


def get_activation(name: str) -> Activation:
    """Look an activation up by name; the error lists the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        valid = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (choose from {valid})") from None

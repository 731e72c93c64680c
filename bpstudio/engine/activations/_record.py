"""What the studio knows about one activation, in one record.

The article treats the non-linear operation ``O = f(I)`` as one more link of the graph, so each
activation carries the derivative ``dO/dI`` of that link.  The derivative is written in terms of
the *output* O where that is cheaper (tanh: ``1 - O**2``, exactly as the article's
``1 - I1_tanh ** 2``), which lets the backward pass reuse what the forward pass cached instead of
calling the transcendental function again.

Beyond f and f′ a record carries every other facet the studio shows or writes: the link's formula
on the board (LaTeX and plain text), its phase equation, the reason the link is what it is, its
code in the NumPy and PyTorch exports, the colour range of a unit's map, the test for a unit that
has stopped learning, and its name and tooltip on screen.  Texts are English, marked for
translation (the Qt floor translates them).  All fields are keyword-only and none has a default:
a record that forgets a facet cannot be built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
# A unit is saturated when its output sits this close to a flat end of its curve on every sample
# (|O| > 0.99 for tanh: its slope 1 − O² is then below 0.02 for all of them).
SATURATION = 0.99
# d O / d I written from the names of O and I, as the article writes it
LinkRule = Callable[[str, str], str]
# which units (rows of O, one column a sample) have stopped learning: (saturated, dead)
HealthTest = Callable[[Array], tuple[NDArray[np.bool_], NDArray[np.bool_]]]


@dataclass(frozen=True)
class PhaseRule:
    """The phase banner's equations of one layer's non-linear link.

    ``forward(out, pre)`` is ``out = f(pre)``; ``backward(d_out, pre)`` is what dL/dI equals in
    terms of dL/dO, both LaTeX of the names they are given.
    """

    forward: Callable[[str, str], str]
    backward: Callable[[str, str], str]


def elementwise_phase(symbol: str) -> PhaseRule:
    """The phases of an element-wise f written ``symbol`` (LaTeX): ``O = f(I)``, ``∂L/∂I = ∂L/∂O ⊙ f′(I)``."""
    return PhaseRule(
        forward=lambda out, pre: rf"{out} = {symbol}\left({pre}\right)",
        backward=lambda d_out, pre: rf"{d_out} \odot {symbol}'\left({pre}\right)",
    )


@dataclass(frozen=True)
class ValueRange:
    """A unit's colour range on the maps, ``(low, middle, high)``; None is "what the grid spans"."""

    low: float | None
    middle: float
    high: float | None

    @property
    def fixed(self) -> bool:
        """One range for the whole layer: its units' maps are painted in one pass."""
        return self.low is not None and self.high is not None


def no_stall(post: Array) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """The health test of an activation whose slope never vanishes: no unit is ever flagged."""
    none = np.zeros(post.shape[0], dtype=bool)
    return none, none


@dataclass(frozen=True, kw_only=True)
class Activation:
    """An element-wise function f, its derivative f'(I) given (I, O=f(I)), and how the studio shows it."""

    name: str  # the CLI's, the session file's and the JSON's spelling
    order: int  # place in menus and option lists
    hidden: bool  # may a hidden layer use it (softmax is an output's only)
    function: Callable[..., np.ndarray]  # f(I, out=None), NumPy ufunc style
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray | float]  # the identity's is the scalar 1.0
    linear: bool  # O = I: the forward pass lets the product serve as both
    coupled: bool  # not element-wise: every output depends on every I of its layer (softmax)
    formula: str  # f′ in plain ASCII, for a summary line
    link_latex: LinkRule  # ∂O/∂I on the board, from the names of O and I
    link_text: LinkRule  # the same in plain Unicode, for tooltips
    phase: PhaseRule  # the phase banner's equations
    reason: str  # why the link is what it is, QT_TRANSLATE_NOOP("LinkReasons", ...)
    numpy_code: tuple[str, str]  # f(I) and f′ (from I and O) as NumPy expressions in an exported script
    torch_code: str  # f(I) as a torch expression (autograd differentiates it)
    value_range: ValueRange  # a unit's colour range on the maps
    health: HealthTest  # which units are saturated or dead on every sample
    display: str  # its name on screen, QT_TRANSLATE_NOOP("Options", ...); "" keeps ``name``
    tip: str  # one line on what it does, QT_TRANSLATE_NOOP("Options", ...)

    def __call__(self, pre_activation: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        return self.function(pre_activation, out=out)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"

    def __reduce__(self) -> tuple[Callable[[str], Activation], tuple[str]]:
        """Pickled by name: its functions are lambdas, and the trainer's process sends networks across."""
        from bpstudio.engine.activations import get_activation

        return get_activation, (self.name,)

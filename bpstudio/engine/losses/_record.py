"""What the studio knows about one loss, in one record that propagation, phases, node values, the
chain, the board, the landscape and the exports call instead of branching on its name.

A loss is defined together with the output activation it is used with (squared error after a
linear, sigmoid or softmax output; cross-entropy after a softmax or a sigmoid), so every facet
takes that output's name.  Arrays are feature-major, ``(outputs, ..., samples)``.  All fields are
keyword-only and none has a default: a record that forgets a facet cannot be built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
Link = Array | float  # the output layer's cached dŷ/dI; the identity's is the scalar 1.0


@dataclass(frozen=True, kw_only=True)
class Loss:
    """One loss L of an output ŷ and a target y; JVal sums it over the samples."""

    name: str  # the CLI's, the session file's and the JSON's spelling
    order: int  # place in menus and option lists
    outputs: tuple[str, ...]  # the output activations it is defined with, the first the usual one
    # (JVal, dL/dI of the output layer) from the output layer's I, ŷ, cached link and the targets
    objective: Callable[[Array, Array, Link, Array, str], tuple[float, Array]]
    per_sample: Callable[[Array, Array, Array, str], Array]  # L of each sample (sums axis 0), from I, ŷ, y
    output_gradient: Callable[[Array, Array, str], Array]  # dL/dŷ from ŷ and y, as a phase shows it
    output_link: Callable[[Array, Array, Array, str], Array]  # dL/dŷ, the basic link ŷ → L, finite from I where it can be
    # dL/dŷ_k · dŷ_k/dI_j for every output pair [j, k, sample], finite however saturated; None: the plain product is
    link_products: Callable[[Array, Array, str], Array] | None
    silent_rows: bool  # L ignores the outputs of the other classes: their branches are 0 at every sample
    link_latex: Callable[[str, str], str]  # dL/dŷ on the board, from the target's LaTeX name and the output
    link_text: Callable[[str], str]  # the same in plain Unicode (ŷ, y) for a tooltip
    phase: Callable[[str], str]  # the loss phase's equation (LaTeX) for an output
    # the output layer's dL/dI in the backward phase when the loss gives it directly (LaTeX), else None
    phase_output: Callable[[str], str | None]
    reason: str  # why its link is what it is, QT_TRANSLATE_NOOP("LinkReasons", ...)
    node_tip: str  # the loss node's tooltip, QT_TRANSLATE_NOOP("DiagramTips", ...)
    numpy_code: dict[str, str]  # output -> the exported NumPy script's output_loss(I, targets)
    torch_code: dict[str, str]  # output -> the exported PyTorch script's output_loss(I, targets)
    script_words: str  # what JVal sums, in the exported script's header
    display: str  # its name on screen, QT_TRANSLATE_NOOP("Options", ...)
    tip: str  # one line on what it measures, QT_TRANSLATE_NOOP("Options", ...)

    def __repr__(self) -> str:
        return f"Loss({self.name!r})"

"""The identity, O = I: a linear layer (a regression's output layer, or a lesson's linear net)."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations._record import Activation, PhaseRule, ValueRange, no_stall
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def _identity(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    if out is None:
        return np.array(x, dtype=float)
    np.copyto(out, x)
    return out


RECORD = Activation(
    name="identity",
    order=40,
    hidden=True,
    function=_identity,
    # The link derivative is the constant 1; a scalar keeps the backward pass from multiplying
    # a whole array by ones.
    derivative=lambda i, o: 1.0,
    linear=True,
    coupled=False,
    formula="1",
    link_latex=lambda o, i: "1",
    link_text=lambda o, i: "1",
    phase=PhaseRule(forward=lambda out, pre: f"{out} = {pre}", backward=lambda d_out, pre: d_out),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "this layer is linear (O = I), so the factor is 1"),
    numpy_code=("I", "1.0"),
    torch_code="I",
    value_range=ValueRange(None, 0.0, None),
    health=no_stall,
    display=QT_TRANSLATE_NOOP("Options", "identity"),
    tip=QT_TRANSLATE_NOOP("Options", "no non-linearity, O = I: the whole network is linear"),
)

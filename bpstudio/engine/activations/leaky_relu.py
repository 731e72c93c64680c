"""leaky ReLU: O = I where I > 0, else 0.01 I; dO/dI = 1 or 0.01, so a unit never dies.

The negative slope 0.01 is the common default (PyTorch's ``leaky_relu``); adding it took this one
file (plus its Chinese words): see docs/extending.md.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations._record import Activation, ValueRange, elementwise_phase, no_stall
from bpstudio.engine.messages import QT_TRANSLATE_NOOP

NEGATIVE_SLOPE = 0.01


def _leaky_relu(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    # for I > 0, I > 0.01 I; below, 0.01 I > I: the larger of the two is the function
    result: np.ndarray = np.maximum(x, NEGATIVE_SLOPE * x, out=out)
    return result


RECORD = Activation(
    name="leaky-relu",
    order=60,
    hidden=True,
    function=_leaky_relu,
    derivative=lambda i, o: np.where(i > 0, 1.0, NEGATIVE_SLOPE),
    linear=False,
    coupled=False,
    formula="[I > 0] + 0.01 [I <= 0]",
    link_latex=lambda o, i: rf"[{i} > 0] + 0.01\,[{i} \le 0]",
    link_text=lambda o, i: f"[{i} > 0] + 0.01·[{i} ≤ 0]",
    phase=elementwise_phase(r"\mathrm{lrelu}"),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "leaky ReLU passes I where I > 0 (slope 1) and 0.01 of it elsewhere: it never stops"),
    numpy_code=("np.maximum(I, 0.01 * I)", "np.where(I > 0, 1.0, 0.01)"),
    torch_code="torch.where(I > 0, I, 0.01 * I)",
    value_range=ValueRange(None, 0.0, None),
    health=no_stall,  # its slope is never below 0.01: no unit dies
    display=QT_TRANSLATE_NOOP("Options", "leaky ReLU"),
    tip=QT_TRANSLATE_NOOP("Options", "leaky ReLU: slope 1 where I > 0, else 0.01, so a unit never dies"),
)

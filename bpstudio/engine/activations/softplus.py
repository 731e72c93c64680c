"""softplus, a smooth ReLU: O = log(1 + e^I); dO/dI = σ(I) = 1 − e^(−O), read from the output.

Adding it took this one file (plus its Chinese words): see docs/extending.md.
``np.logaddexp(0, I)`` never overflows, and ``-expm1(-O)`` keeps the slope's digits where O is
tiny (I very negative), where ``1 - exp(-O)`` would round to 0 long before σ(I) is 0.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations._record import SATURATION, Activation, ValueRange, elementwise_phase
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def _softplus(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    result: np.ndarray = np.logaddexp(0.0, x, out=out)
    return result


def _slope(i: np.ndarray, o: np.ndarray) -> np.ndarray:
    slope: np.ndarray = -np.expm1(-o)
    return slope


def _health(post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Saturated: the slope 1 − e^(−O) is below 0.01 on every sample (O < 0.01), on the flat left end."""
    return np.all(-np.expm1(-post) < 1.0 - SATURATION, axis=1), np.zeros(post.shape[0], dtype=bool)


RECORD = Activation(
    name="softplus",
    order=50,
    hidden=True,
    function=_softplus,
    derivative=_slope,
    linear=False,
    coupled=False,
    formula="1 - exp(-O)",
    link_latex=lambda o, i: rf"1 - e^{{-{o}}}",
    link_text=lambda o, i: f"1 − exp(−{o})",
    phase=elementwise_phase(r"\mathrm{softplus}"),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "softplus′(I) = σ(I) = 1 − e^(−O): read from the unit's output"),
    numpy_code=("np.logaddexp(0.0, I)", "-np.expm1(-O)  # sigma(I) = 1 - exp(-O), from the output"),
    torch_code="torch.logaddexp(I, torch.zeros_like(I))",
    value_range=ValueRange(0.0, 0.0, None),
    health=_health,
    display=QT_TRANSLATE_NOOP("Options", "softplus (smooth ReLU)"),
    tip=QT_TRANSLATE_NOOP("Options", "softplus log(1 + eᴵ): a smooth ReLU whose slope σ(I) never quite reaches 0"),
)

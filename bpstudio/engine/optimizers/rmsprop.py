"""RMSProp: each weight's step is divided by the root of a running mean of its squared gradients.

``v = β₂v + (1 − β₂)g²``, ``x − α g/(√v + ε)``: Adam without its first moment and its bias
correction.  The decay ρ of the running mean is the studio's ``beta2`` — the same role it has in
Adam (the decay of the mean of g²), so the same field, CLI option and session key; PyTorch calls it
``alpha``.  ε is added after the square root, where ``torch.optim.RMSprop`` adds it, so the exported
PyTorch script takes the studio's steps.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._hyper import BETA2, EPSILON
from bpstudio.engine.optimizers._record import STEP_SIZE, Line, Number, OptimizerRecord, Setting


class RMSProp(Optimizer):
    """``v = β₂v + (1 − β₂)g²``, ``x − α g/(√v + ε)``."""

    name = "rmsprop"
    defaults = {"alpha": 0.001, "beta2": 0.999, "epsilon": 1e-8}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {"v": zeros, "step": zeros.copy(), "v_prev": zeros.copy(), "gradient": zeros.copy(), "weight_before": zeros.copy()}

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        alpha, beta2, epsilon = self.hyper["alpha"], self.hyper["beta2"], self.hyper["epsilon"]
        previous = self._state["v"]
        v = beta2 * previous + (1 - beta2) * grad * grad
        step = -alpha * grad / (np.sqrt(v) + epsilon)  # PyTorch's order: (−α·g) / (√v + ε)
        self._record({"v": v, "step": step, "v_prev": previous, "gradient": grad, "weight_before": x})
        return x + step


def _lines(step: Mapping[str, float], hyper: Mapping[str, float], n: Number) -> list[Line]:
    b2, g = hyper["beta2"], step["gradient"]
    return [
        ("v", rf"\beta_2 v_{{t-1}} + (1-\beta_2)\,g^2 = {n(b2)} \cdot {n(step['v_prev'])} + {n(1 - b2)} \cdot {n(g)}^2", step["v"]),
        (
            r"\Delta w",
            rf"-\alpha \frac{{g}}{{\sqrt{{v}}+\epsilon}} = -{n(hyper['alpha'])} \cdot "
            rf"\frac{{{n(g)}}}{{\sqrt{{{n(step['v'])}}} + {n(hyper['epsilon'])}}}",
            step["step"],
        ),
    ]


_NUMPY = '''\
# -- 5. The optimizer: RMSProp --------------------------------------------------------------------
class Optimizer:
    """v = BETA2 v + (1 - BETA2) g^2, x - ALPHA g / (sqrt(v) + EPSILON): each weight's step is
    divided by the root of a running mean of its squared gradients."""

    def __init__(self):
        self.v = np.zeros(N_PARAMS)

    def step(self, x, g, k):
        self.v = BETA2 * self.v + (1 - BETA2) * g * g
        return x + -ALPHA * g / (np.sqrt(self.v) + EPSILON)
'''

_TORCH = '''\
# -- 5. The optimizer: torch.optim.RMSprop --------------------------------------------------------
# Its alpha is BETA2 (the decay of the mean of g^2) and it adds EPSILON after the square root:
# v = BETA2 v + (1 - BETA2) g^2, x - ALPHA g / (sqrt(v) + EPSILON).
def make_optimizer(w):
    return torch.optim.RMSprop([w], lr=ALPHA, alpha=BETA2, eps=EPSILON)
'''

RECORD = OptimizerRecord(
    name="rmsprop",
    step=RMSProp,
    order=30,
    display=QT_TRANSLATE_NOOP("Options", "RMSProp"),
    summary=QT_TRANSLATE_NOOP("Optimizers", "each weight's step divided by the root of a running mean of its squared gradients"),
    settings=(
        STEP_SIZE,
        Setting(BETA2, QT_TRANSLATE_NOOP("Optimizers", "RMSProp's ρ: how slowly the mean of the squared gradients v forgets, 0 to <1.")),
        Setting(EPSILON, QT_TRANSLATE_NOOP("Optimizers", "Added after the square root of v: keeps RMSProp from dividing by zero.")),
    ),
    parts=(("gradient", "gradient"), ("v_prev", "v_prev"), ("v", "v"), ("step", "step")),
    lines=_lines,
    update=r"v \leftarrow \beta_2 v + (1-\beta_2)\, g^2, \quad w \leftarrow w - \alpha \frac{g}{\sqrt{v} + \epsilon}",
    numpy_code=_NUMPY,
    torch_code=_TORCH,
)

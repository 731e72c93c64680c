"""Nesterov momentum in PyTorch's form: ``u = β₁u + g``, ``x − α(g + β₁u)``.

Heavy-ball momentum steps along the velocity u; Nesterov's looks one velocity step ahead and steps
along ``d = g + β₁u``.  This is the form ``torch.optim.SGD(nesterov=True)`` uses (dampening 0), so
the exported PyTorch script takes the studio's steps.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._hyper import BETA1
from bpstudio.engine.optimizers._record import STEP_SIZE, Line, Number, OptimizerRecord, Setting


class Nesterov(Optimizer):
    """``u = β₁u + g``, ``d = g + β₁u``, ``x − α d``."""

    name = "nesterov"
    defaults = {"alpha": 0.001, "beta1": 0.9}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        keys = ("velocity", "direction", "step", "velocity_prev", "gradient", "weight_before")
        return {key: zeros.copy() for key in keys}

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        alpha, beta1 = self.hyper["alpha"], self.hyper["beta1"]
        previous = self._state["velocity"]
        velocity = beta1 * previous + grad
        direction = grad + beta1 * velocity
        step = -alpha * direction
        self._record(
            {"velocity": velocity, "direction": direction, "step": step, "velocity_prev": previous, "gradient": grad, "weight_before": x}
        )
        return x + step


def _lines(step: Mapping[str, float], hyper: Mapping[str, float], n: Number) -> list[Line]:
    b1, g = hyper["beta1"], step["gradient"]
    return [
        ("u", rf"\beta_1 u_{{t-1}} + g = {n(b1)} \cdot {n(step['u_prev'])} + {n(g)}", step["u"]),
        ("d", rf"g + \beta_1 u = {n(g)} + {n(b1)} \cdot {n(step['u'])}", step["d"]),
        (r"\Delta w", rf"-\alpha\, d = -{n(hyper['alpha'])} \cdot {n(step['d'])}", step["step"]),
    ]


_NUMPY = '''\
# -- 5. The optimizer: Nesterov momentum (PyTorch's form) -----------------------------------------
class Optimizer:
    """u = BETA1 u + g, x - ALPHA (g + BETA1 u): the step looks one velocity step ahead."""

    def __init__(self):
        self.u = np.zeros(N_PARAMS)

    def step(self, x, g, k):
        self.u = BETA1 * self.u + g
        return x + -ALPHA * (g + BETA1 * self.u)
'''

_TORCH = '''\
# -- 5. The optimizer: Nesterov momentum ----------------------------------------------------------
# torch.optim.SGD with momentum=BETA1, nesterov=True (dampening 0) is u = BETA1 u + g,
# x - ALPHA (g + BETA1 u).
def make_optimizer(w):
    return torch.optim.SGD([w], lr=ALPHA, momentum=BETA1, nesterov=True)
'''

RECORD = OptimizerRecord(
    name="nesterov",
    step=Nesterov,
    order=25,
    display=QT_TRANSLATE_NOOP("Options", "Nesterov momentum"),
    legend=QT_TRANSLATE_NOOP("RunsPanel", "Nesterov"),
    summary=QT_TRANSLATE_NOOP("Optimizers", "momentum that steps along g + β₁u, looking one velocity step ahead"),
    settings=(
        STEP_SIZE,
        Setting(BETA1, QT_TRANSLATE_NOOP("Optimizers", "How much of the velocity u each step keeps, 0 to <1.")),
    ),
    parts=(("gradient", "gradient"), ("u_prev", "velocity_prev"), ("u", "velocity"), ("d", "direction"), ("step", "step")),
    lines=_lines,
    update=r"u \leftarrow \beta_1 u + g, \quad w \leftarrow w - \alpha\,(g + \beta_1 u)",
    numpy_code=_NUMPY,
    torch_code=_TORCH,
)

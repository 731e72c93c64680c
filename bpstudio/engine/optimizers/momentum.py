"""Heavy-ball momentum: ``u = β₁u + g``, ``x − α u`` (PyTorch's SGD with ``momentum=β₁``)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._hyper import BETA1
from bpstudio.engine.optimizers._record import STEP_SIZE, Line, Number, OptimizerRecord, Setting


class Momentum(Optimizer):
    """Heavy-ball momentum: ``u = beta * u + g``, ``x - alpha * u``."""

    name = "momentum"
    defaults = {"alpha": 0.001, "beta1": 0.9}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {
            "velocity": zeros,
            "step": zeros.copy(),
            "velocity_prev": zeros.copy(),
            "gradient": zeros.copy(),
            "weight_before": zeros.copy(),
        }

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        previous = self._state["velocity"]
        velocity = self.hyper["beta1"] * previous + grad
        step = -self.hyper["alpha"] * velocity
        self._record({"velocity": velocity, "step": step, "velocity_prev": previous, "gradient": grad, "weight_before": x})
        return x + step


def _lines(step: Mapping[str, float], hyper: Mapping[str, float], n: Number) -> list[Line]:
    b1, g = hyper["beta1"], step["gradient"]
    return [
        ("u", rf"\beta_1 u_{{t-1}} + g = {n(b1)} \cdot {n(step['u_prev'])} + {n(g)}", step["u"]),
        (r"\Delta w", rf"-\alpha\, u = -{n(hyper['alpha'])} \cdot {n(step['u'])}", step["step"]),
    ]


_NUMPY = '''\
# -- 5. The optimizer: heavy-ball momentum ----------------------------------------------------------
class Optimizer:
    """u = BETA1 u + g, x - ALPHA u: the velocity u remembers earlier gradients."""

    def __init__(self):
        self.u = np.zeros(N_PARAMS)

    def step(self, x, g, k):
        self.u = BETA1 * self.u + g
        return x - ALPHA * self.u
'''

_TORCH = '''\
# -- 5. The optimizer: heavy-ball momentum ----------------------------------------------------------
# torch.optim.SGD with momentum=BETA1 (dampening 0) is u = BETA1 u + g, x - ALPHA u.
def make_optimizer(w):
    return torch.optim.SGD([w], lr=ALPHA, momentum=BETA1)
'''

RECORD = OptimizerRecord(
    name="momentum",
    step=Momentum,
    order=20,
    display=QT_TRANSLATE_NOOP("Options", "momentum"),
    summary=QT_TRANSLATE_NOOP("Optimizers", "gradient descent with a velocity u that remembers earlier gradients"),
    settings=(
        STEP_SIZE,
        Setting(BETA1, QT_TRANSLATE_NOOP("Optimizers", "How much of the velocity u each step keeps, 0 to <1.")),
    ),
    parts=(("gradient", "gradient"), ("u_prev", "velocity_prev"), ("u", "velocity"), ("step", "step")),
    lines=_lines,
    update=r"u \leftarrow \beta_1 u + g, \quad w \leftarrow w - \alpha\, u",
    numpy_code=_NUMPY,
    torch_code=_TORCH,
)

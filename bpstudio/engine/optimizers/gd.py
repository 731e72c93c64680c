"""Plain gradient descent: ``x − α g``, the rule every other optimizer refines."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._record import STEP_SIZE, Line, Number, OptimizerRecord


class GradientDescent(Optimizer):
    """Plain gradient descent: ``x - alpha * g``."""

    name = "gd"
    defaults = {"alpha": 0.001}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {"step": zeros, "gradient": zeros.copy(), "weight_before": zeros.copy()}

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        step = -self.hyper["alpha"] * grad
        self._record({"step": step, "gradient": grad, "weight_before": x})
        return x + step


def _lines(step: Mapping[str, float], hyper: Mapping[str, float], n: Number) -> list[Line]:
    return [(r"\Delta w", rf"-\alpha\, g = -{n(hyper['alpha'])} \cdot {n(step['gradient'])}", step["step"])]


_NUMPY = '''\
# -- 5. The optimizer: plain gradient descent -----------------------------------------------------
class Optimizer:
    """x - ALPHA g."""

    def step(self, x, g, k):
        return x - ALPHA * g
'''

_TORCH = '''\
# -- 5. The optimizer: plain gradient descent, x - ALPHA g ----------------------------------------
def make_optimizer(w):
    return torch.optim.SGD([w], lr=ALPHA)
'''

RECORD = OptimizerRecord(
    name="gd",
    step=GradientDescent,
    order=10,
    display=QT_TRANSLATE_NOOP("Options", "gradient descent"),
    legend=QT_TRANSLATE_NOOP("RunsPanel", "GD"),
    summary=QT_TRANSLATE_NOOP("Optimizers", "the plain rule, a step of −α·g"),
    settings=(STEP_SIZE,),
    parts=(("gradient", "gradient"), ("step", "step")),
    lines=_lines,
    update=r"w \leftarrow w - \alpha\, g",
    numpy_code=_NUMPY,
    torch_code=_TORCH,
)

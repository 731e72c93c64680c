"""Adam with bias correction, exactly as the article's ``get_solu`` writes it."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._hyper import BETA1, BETA2, EPSILON
from bpstudio.engine.optimizers._record import STEP_SIZE, FirstStep, Line, Number, OptimizerRecord, Setting


class Adam(Optimizer):
    """``m = β₁m + (1 − β₁)g``, ``v = β₂v + (1 − β₂)g²``, bias-corrected, ``x − α m̂/(√v̂ + ε)``."""

    name = "adam"
    defaults = {"alpha": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {
            "m": zeros,
            "v": zeros.copy(),
            "m_hat": zeros.copy(),
            "v_hat": zeros.copy(),
            "step": zeros.copy(),
            "m_prev": zeros.copy(),
            "v_prev": zeros.copy(),
            "gradient": zeros.copy(),
            "weight_before": zeros.copy(),
        }

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        alpha, beta1 = self.hyper["alpha"], self.hyper["beta1"]
        beta2, epsilon = self.hyper["beta2"], self.hyper["epsilon"]
        s = self._state
        m = beta1 * s["m"] + (1 - beta1) * grad
        v = beta2 * s["v"] + (1 - beta2) * grad * grad
        m_ = m / (1 - beta1**k)
        v_ = v / (1 - beta2**k)
        alpha_ = alpha / (np.sqrt(v_) + epsilon)
        d = -m_
        step = alpha_ * d
        self._record(
            {
                "m": m,
                "v": v,
                "m_hat": m_,
                "v_hat": v_,
                "step": step,
                "m_prev": s["m"],
                "v_prev": s["v"],
                "gradient": grad,
                "weight_before": x,
            }
        )
        return x + step


def _lines(step: Mapping[str, float], hyper: Mapping[str, float], n: Number) -> list[Line]:
    t, g, alpha = int(step["t"]), step["gradient"], hyper["alpha"]
    b1, b2, eps = hyper["beta1"], hyper["beta2"], hyper["epsilon"]
    return [
        ("m", rf"\beta_1 m_{{t-1}} + (1-\beta_1)\,g = {n(b1)} \cdot {n(step['m_prev'])} + {n(1 - b1)} \cdot {n(g)}", step["m"]),
        ("v", rf"\beta_2 v_{{t-1}} + (1-\beta_2)\,g^2 = {n(b2)} \cdot {n(step['v_prev'])} + {n(1 - b2)} \cdot {n(g)}^2", step["v"]),
        (r"\hat{m}", rf"\frac{{m}}{{1-\beta_1^{{t}}}} = \frac{{{n(step['m'])}}}{{1-{n(b1)}^{{{t}}}}}", step["m_hat"]),
        (r"\hat{v}", rf"\frac{{v}}{{1-\beta_2^{{t}}}} = \frac{{{n(step['v'])}}}{{1-{n(b2)}^{{{t}}}}}", step["v_hat"]),
        (
            r"\Delta w",
            rf"-\alpha \frac{{\hat{{m}}}}{{\sqrt{{\hat{{v}}}}+\epsilon}} = -{n(alpha)} \cdot "
            rf"\frac{{{n(step['m_hat'])}}}{{\sqrt{{{n(step['v_hat'])}}} + {n(eps)}}}",
            step["step"],
        ),
    ]


_NUMPY = '''\
# -- 5. The optimizer: the article's Adam ---------------------------------------------------------
class Optimizer:
    """Adam as the article's get_solu writes it: bias-corrected moments, epsilon added after the
    square root of the corrected second moment."""

    def __init__(self):
        self.m = np.zeros(N_PARAMS)
        self.v = np.zeros(N_PARAMS)

    def step(self, x, g, k):  # k counts from 1
        self.m = BETA1 * self.m + (1 - BETA1) * g
        self.v = BETA2 * self.v + (1 - BETA2) * g * g
        m_hat = self.m / (1 - BETA1**k)
        v_hat = self.v / (1 - BETA2**k)
        return x - ALPHA / (np.sqrt(v_hat) + EPSILON) * m_hat
'''

_TORCH = '''\
# -- 5. The optimizer: torch.optim.Adam is the article's Adam -------------------------------------
# It keeps m and v, divides them by 1 - beta^k and adds EPSILON after the square root of the
# corrected v -- where the article's get_solu puts it -- so no hand-written step is needed.
def make_optimizer(w):
    return torch.optim.Adam([w], lr=ALPHA, betas=(BETA1, BETA2), eps=EPSILON)
'''

RECORD = OptimizerRecord(
    name="adam",
    step=Adam,
    order=0,
    display=QT_TRANSLATE_NOOP("Options", "Adam"),
    summary=QT_TRANSLATE_NOOP("Optimizers", "the article's optimizer: steps of about α, scaled by the size of past gradients"),
    settings=(
        STEP_SIZE,
        Setting(
            BETA1,
            QT_TRANSLATE_NOOP(
                "Optimizers", "Decay of Adam's first moment m: how much of the previous gradient direction it keeps, 0 to <1."
            ),
        ),
        Setting(BETA2, QT_TRANSLATE_NOOP("Optimizers", "How slowly Adam forgets the size of past gradients, 0 to <1 (article: 0.999).")),
        Setting(
            EPSILON, QT_TRANSLATE_NOOP("Optimizers", "Added after the square root of the corrected v: keeps Adam from dividing by zero.")
        ),
    ),
    parts=(
        ("gradient", "gradient"),
        ("m_prev", "m_prev"),
        ("m", "m"),
        ("v_prev", "v_prev"),
        ("v", "v"),
        ("m_hat", "m_hat"),
        ("v_hat", "v_hat"),
        ("step", "step"),
    ),
    lines=_lines,
    update=r"w \leftarrow w - \alpha \frac{\hat{m}}{\sqrt{\hat{v}} + \epsilon}",
    numpy_code=_NUMPY,
    torch_code=_TORCH,
    # t = 1: m̂ = (1 − β₁)g / (1 − β₁) = g and v̂ = g², hence a step of ±α whatever g's size.
    first_step=FirstStep(
        latex=(
            r"\hat{m} = g,\quad \hat{v} = g^2,\quad \frac{\hat{m}}{\sqrt{\hat{v}}} = \pm 1,"
            r"\quad \Delta w \approx -\alpha\,\mathrm{sign}(g)"
        ),
        note=QT_TRANSLATE_NOOP(
            "Inspector",
            "Adam's first step is about −α·sign(g), whatever the size of g: with no history yet, the bias-corrected "
            "moments are the gradient itself and its square (m and v in the table are (1 − β₁)·g and (1 − β₂)·g²):",
        ),
    ),
)

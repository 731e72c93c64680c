"""Playground's loss: the MEAN over the training points of ½(output − label)².

TensorFlow Playground trains and reports ``mean ½(ŷ − y)²`` (a tanh output with labels ±1 for
classification, a linear one for regression). The studio's JVal is a *sum* over samples of a
sample's L, so the mean is written as that sum with each point's L = ½(ŷ − y)² / n: the chain
of one point then adds up, over the n points, to the gradient of the mean, the landscape sums
the points as for any loss, and the formulas carry the 1/n in plain sight.

The count n belongs to the run (its training points), so the record is made per count by
:func:`mean_record`; the network asks for it (``Network.mean_over``). The module's name starts
with ``_``: the registry does not list it, so it is in no menu or ``--loss`` choice — only a run
under Playground conventions uses it (``get_loss("playground-mean")`` gives the record with a
symbolic n, for the phase equations).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.losses._record import Link, Loss
from bpstudio.engine.messages import QT_TRANSLATE_NOOP

Array = NDArray[np.float64]
NAME = "playground-mean"


def _numpy_code(output: str) -> str:
    slope = "residual" if output == "identity" else "residual * (1.0 - y_hat * y_hat)"
    y_hat = "I" if output == "identity" else "np.tanh(I)"
    return f'''\
def output_loss(I, targets):
    """Playground's loss: JVal = the MEAN over the points of 1/2 (y_hat - y)^2, y_hat = {y_hat};
    dJVal/dI = (y_hat - y) / n times the output's slope."""
    n = targets.shape[0]
    y_hat = {y_hat}
    residual = (y_hat - targets) / n
    return 0.5 * float(np.sum((y_hat - targets) ** 2)) / n, {slope}'''


def _torch_code(output: str) -> str:
    y_hat = "I" if output == "identity" else "torch.tanh(I)"
    return f'''\
def output_loss(I, targets):
    """Playground's loss: JVal = the MEAN over the points of 1/2 (y_hat - y)^2, y_hat = {y_hat}."""
    residual = {y_hat} - targets
    return 0.5 * (residual * residual).sum() / targets.shape[0]'''


@lru_cache(maxsize=64)
def mean_record(n: int | None) -> Loss:
    """The loss over ``n`` training points (``None``: n left as a symbol, for equations)."""
    scale = 1.0 / n if n else 1.0
    shown = str(n) if n else "n"

    def objective(pre: Array, post: Array, link: Link, targets: Array, output: str) -> tuple[float, Array]:
        residual = (post - targets) * scale
        d_pre = residual if isinstance(link, float) and link == 1.0 else residual * link
        flat = (post - targets).reshape(-1)
        return 0.5 * float(np.dot(flat, flat)) * scale, d_pre

    def per_sample(pre: Array, post: Array, targets: Array, output: str) -> Array:
        residual = post - targets
        squares: Array = np.sum(residual * residual, axis=0)
        return (0.5 * scale) * squares

    def output_gradient(post: Array, targets: Array, output: str) -> Array:
        return (post - targets) * scale

    return Loss(
        name=NAME,
        order=90,
        outputs=("tanh", "identity"),
        objective=objective,
        per_sample=per_sample,
        output_gradient=output_gradient,
        output_link=lambda pre, post, targets, output: output_gradient(post, targets, output),
        link_products=None,
        silent_rows=False,
        link_latex=lambda y, output: rf"\tfrac{{1}}{{{shown}}}\left(\hat{{{y}}} - {y}\right)",
        link_text=lambda output: f"(ŷ − y) / {shown}",
        phase=lambda output: (
            rf"L = \tfrac{{1}}{{2 \cdot {shown}}}\left(\hat{{y}} - y\right)^2, \quad "
            rf"\frac{{\partial L}}{{\partial \hat{{y}}}} = \tfrac{{1}}{{{shown}}}\left(\hat{{y}} - y\right)"
        ),
        phase_output=lambda output: None,
        reason=QT_TRANSLATE_NOOP("LinkReasons", "Playground's loss is the mean of ½ (ŷ − y)²: one point's slope in ŷ is (ŷ − y) / n"),
        node_tip=QT_TRANSLATE_NOOP(
            "DiagramTips", "L = ½ (ŷ − y)² / n: one point's share; JVal, Playground's loss, is their sum, the mean over the n points"
        ),
        numpy_code={output: _numpy_code(output) for output in ("tanh", "identity")},
        torch_code={output: _torch_code(output) for output in ("tanh", "identity")},
        script_words="the mean over the points of 1/2 (y_hat - y)^2 (Playground's loss)",
        display=QT_TRANSLATE_NOOP("Options", "Playground's mean squared error"),
        tip=QT_TRANSLATE_NOOP("Options", "the mean over the training points of ½ (ŷ − y)², as TensorFlow Playground trains"),
    )

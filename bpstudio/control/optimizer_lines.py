"""The optimizer step that made the current weights, as lines a student can check by hand.

From :func:`bpstudio.engine.optimizer_step.optimizer_step` (the numbers of one
step, all of the same iteration) this writes each quantity's rule with its
numbers put in — ``m = β₁·m_prev + (1 − β₁)·g = 0.9·4.632 + 0.1·46.25`` — and
its value, for the inspector to typeset.  No Qt.
"""

from __future__ import annotations

from typing import Any


def _n(value: float) -> str:
    """A number inside a formula: four significant digits, negatives in brackets."""
    text = f"{value:.4g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return rf"\left({text}\right)" if value < 0 else text


def optimizer_lines(step: dict[str, Any] | None, optimizer: str, hyper: dict[str, float]) -> list[tuple[str, str, float | None]]:
    """``(left, formula with numbers, value)`` lines of the step from iteration t − 1 to t."""
    if step is None:
        return []
    t, g = int(step["t"]), step["gradient"]
    alpha = hyper.get("alpha", float("nan"))
    lines: list[tuple[str, str, float | None]] = [
        ("t", str(t), None),
        # "the gradient at w_{t-1}" said in notation, not in English: the block follows the language
        ("g", r"\left.\frac{\partial L}{\partial w}\right|_{w_{t-1}}", g),
    ]
    if optimizer == "adam":
        b1, b2, eps = hyper["beta1"], hyper["beta2"], hyper["epsilon"]
        lines += [
            ("m", rf"\beta_1 m_{{t-1}} + (1-\beta_1)\,g = {_n(b1)} \cdot {_n(step['m_prev'])} + {_n(1 - b1)} \cdot {_n(g)}", step["m"]),
            ("v", rf"\beta_2 v_{{t-1}} + (1-\beta_2)\,g^2 = {_n(b2)} \cdot {_n(step['v_prev'])} + {_n(1 - b2)} \cdot {_n(g)}^2", step["v"]),
            (r"\hat{m}", rf"\frac{{m}}{{1-\beta_1^{{t}}}} = \frac{{{_n(step['m'])}}}{{1-{_n(b1)}^{{{t}}}}}", step["m_hat"]),
            (r"\hat{v}", rf"\frac{{v}}{{1-\beta_2^{{t}}}} = \frac{{{_n(step['v'])}}}{{1-{_n(b2)}^{{{t}}}}}", step["v_hat"]),
            (
                r"\Delta w",
                rf"-\alpha \frac{{\hat{{m}}}}{{\sqrt{{\hat{{v}}}}+\epsilon}} = -{_n(alpha)} \cdot "
                rf"\frac{{{_n(step['m_hat'])}}}{{\sqrt{{{_n(step['v_hat'])}}} + {_n(eps)}}}",
                step["step"],
            ),
        ]
    elif optimizer == "momentum":
        b1 = hyper["beta1"]
        lines += [
            ("u", rf"\beta_1 u_{{t-1}} + g = {_n(b1)} \cdot {_n(step['u_prev'])} + {_n(g)}", step["u"]),
            (r"\Delta w", rf"-\alpha\, u = -{_n(alpha)} \cdot {_n(step['u'])}", step["step"]),
        ]
    else:  # plain gradient descent
        lines += [(r"\Delta w", rf"-\alpha\, g = -{_n(alpha)} \cdot {_n(g)}", step["step"])]
    lines += [
        (r"w_{t-1}", _n(step["weight_before"]), None),
        (r"w_t", rf"w_{{t-1}} + \Delta w = {_n(step['weight_before'])} + {_n(step['step'])}", step["weight_after"]),
    ]
    return lines

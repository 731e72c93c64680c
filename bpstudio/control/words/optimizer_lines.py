"""The optimizer step that made the current weights, as lines a student can check by hand.

From :func:`bpstudio.engine.optimizer_step.optimizer_step` (the numbers of one
step, all of the same iteration) this writes each quantity's rule with its
numbers put in — ``m = β₁·m_prev + (1 − β₁)·g = 0.9·4.632 + 0.1·46.25`` — and
its value, for the inspector to typeset.  The rules between g and the weights
are the optimizer's own (its record's ``lines``).  No Qt.
"""

from __future__ import annotations

from typing import Any

from bpstudio.engine.optimizers import RECORDS


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
    lines: list[tuple[str, str, float | None]] = [
        ("t", str(t), None),
        # "the gradient at w_{t-1}" said in notation, not in English: the block follows the language
        ("g", r"\left.\frac{\partial L}{\partial w}\right|_{w_{t-1}}", g),
    ]
    record = RECORDS.get(optimizer)
    if record is None:  # an optimizer this version does not know (no step to show, rather than a wrong one)
        return []
    lines += record.lines(step, hyper, _n)
    lines += [
        (r"w_{t-1}", _n(step["weight_before"]), None),
        (r"w_t", rf"w_{{t-1}} + \Delta w = {_n(step['weight_before'])} + {_n(step['step'])}", step["weight_after"]),
    ]
    return lines

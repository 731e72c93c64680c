"""The optimizer step that made the current weights, as lines a student can check by hand.

From :func:`bpstudio.engine.optimizer_step.optimizer_step` (the numbers of one
step, all of the same iteration) this writes each quantity's rule with its
numbers put in — ``m = β₁·m_prev + (1 − β₁)·g = 0.9·4.632 + 0.1·46.25`` — and
its value, for the inspector to typeset.  The rules between g and the weights
are the optimizer's own (its record's ``lines``).  No Qt.
"""

from __future__ import annotations

from typing import Any

from bpstudio.control.words.number_format import DEFAULT_DIGITS, latex_number
from bpstudio.control.words.written_formula import formula_relation
from bpstudio.engine.optimizers import RECORDS


def optimizer_lines(
    step: dict[str, Any] | None, optimizer: str, hyper: dict[str, float], digits: int | str = DEFAULT_DIGITS
) -> list[tuple[str, str, float | None]]:
    """``(left, formula with numbers, value)`` lines of the step from iteration t − 1 to t.

    The numbers in the formulas have ``digits`` significant digits (View ▸ Digits), negatives in brackets.
    """
    if step is None:
        return []

    def _n(value: float) -> str:
        return latex_number(value, digits)

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


def line_relations(lines: list[tuple[str, str, float | None]], digits: int | str = DEFAULT_DIGITS) -> list[str]:
    """Each line's last sign: "=" where its shown numbers, worked out as written, give its shown value, else "≈"."""
    return [formula_relation(formula, value, digits) for _, formula, value in lines]

"""A rule with its numbers put in, worked out as written: is the row's "=" honest, or only "≈"?

The optimizer block writes each quantity's rule with the numbers shown in it
(``0.9 \\cdot 4.632 + 0.1 \\cdot 46.25``) and then its value.  The value is the
full-precision one rounded; a student who redoes the row with the shown
numbers may land a digit away.  :func:`written_value` evaluates the numbers'
part of such a LaTeX rule — the few constructs the optimizer records write:
``\\cdot``, ``+``, ``-``, ``\\frac``, ``\\sqrt``, powers, brackets and
``a \\times 10^{k}`` — and :func:`formula_relation` turns the comparison into
"=" or "≈" through :func:`bpstudio.control.words.number_format.relation`.
No Qt.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable

from bpstudio.control.words.number_format import DEFAULT_DIGITS, relation

_SCIENTIFIC = re.compile(r"(\d+(?:\.\d+)?)\s*\\times\s*10\^\{(-?\d+)\}")
_BINARY: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY: dict[type, Callable[[float], float]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _group(text: str, start: int) -> tuple[str, int]:
    """The contents of the brace group opening at ``text[start]`` and the index after it."""
    if start >= len(text) or text[start] != "{":
        raise ValueError(f"a brace group was expected at {start} in {text!r}")
    depth = 0
    for k in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[k], 0)
        if depth == 0:
            return text[start + 1 : k], k + 1
    raise ValueError(f"unbalanced braces in {text!r}")


def _python(latex: str) -> str:
    """The numbers' LaTeX as a Python expression (its constructs only; anything else is refused)."""
    out: list[str] = []
    k = 0
    while k < len(latex):
        if latex.startswith(r"\frac", k):
            top, k = _group(latex, k + 5)
            bottom, k = _group(latex, k)
            out.append(f"(({_python(top)})/({_python(bottom)}))")
        elif latex.startswith(r"\sqrt", k):
            inner, k = _group(latex, k + 5)
            out.append(f"sqrt({_python(inner)})")
        elif latex.startswith("^", k):
            if latex.startswith("{", k + 1):
                power, k = _group(latex, k + 1)
            else:
                power, k = latex[k + 1], k + 2
            out.append(f"**({_python(power)})")
        elif latex.startswith(r"\left(", k):
            out.append("(")
            k += 6
        elif latex.startswith(r"\right)", k):
            out.append(")")
            k += 7
        elif latex.startswith(r"\cdot", k):
            out.append("*")
            k += 5
        elif latex.startswith(r"\,", k):
            k += 2
        elif latex[k] == "\\":
            raise ValueError(f"{latex[k : k + 12]!r}… is not a number's notation")
        else:
            out.append(latex[k])
            k += 1
    return "".join(out)


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return float(_BINARY[type(node.op)](_evaluate(node.left), _evaluate(node.right)))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return float(_UNARY[type(node.op)](_evaluate(node.operand)))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sqrt" and len(node.args) == 1:
        return math.sqrt(_evaluate(node.args[0]))
    raise SyntaxError("not a formula of numbers")


def numbers_part(formula: str) -> str | None:
    """The part of a rule after its last "=": the rule with the numbers put in (None when it has none)."""
    if " = " not in formula:
        return None
    part = formula.rsplit(" = ", 1)[1]
    return part if any(ch.isdigit() for ch in part) else None


def written_value(latex: str) -> float:
    """What the numbers' LaTeX comes to, worked out left to right as written."""
    expression = _python(_SCIENTIFIC.sub(r"\1e\2", latex)).replace(" ", "")
    tree = ast.parse(expression, mode="eval")
    try:
        return _evaluate(tree)
    except (ZeroDivisionError, OverflowError, ValueError):
        return math.nan


def formula_relation(formula: str, value: float | None, digits: int | str = DEFAULT_DIGITS) -> str:
    """ "=" when the rule's shown numbers, worked out as written, round to the shown ``value``; else "≈"."""
    part = numbers_part(formula)
    if part is None or value is None:
        return "="
    try:
        written = written_value(part)
    except (SyntaxError, ValueError):  # a notation this module does not read: no claim either way
        return "="
    return relation([written], lambda x: x, value, digits)


def misses(digits: int | str = DEFAULT_DIGITS) -> Callable[[str, float], bool]:
    """For the chain's LaTeX and Markdown writers: does a line's written numbers' value miss its shown value?"""

    def approx(latex: str, value: float) -> bool:
        try:
            written = written_value(latex)
        except (SyntaxError, ValueError):
            return False
        return relation([written], lambda x: x, value, digits) == "≈"

    return approx

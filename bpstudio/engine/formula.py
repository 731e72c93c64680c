"""Target formulas typed by a user, such as ``x = r + 2*g + 3*b``, evaluated safely.

Never ``eval``: the text is parsed with Python's ``ast`` and only a
whitelist is accepted — numbers, the input names, ``+ - * / **``, unary
minus, and the functions sin, cos, exp, tanh, abs and sqrt of one argument.
Everything is computed in float64 NumPy arithmetic (so ``2 ** 10000`` is an
infinity, not a hang), the text is capped in length and in nodes, and a
result that is not finite for some sample is refused with a sentence.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal

MAX_LENGTH = 300
MAX_NODES = 200
# What a (sub-)formula evaluates to: an array over the samples, or one number without an input.
Value = NDArray[np.float64] | np.float64
FUNCTIONS: dict[str, Callable[[Value], Value]] = {
    "sin": np.sin,
    "cos": np.cos,
    "exp": np.exp,
    "tanh": np.tanh,
    "abs": np.abs,
    "sqrt": np.sqrt,
}
_BINARY: dict[type[ast.operator], Callable[[Value, Value], Value]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
    ast.Pow: np.power,
}
_UNARY: dict[type[ast.unaryop], Callable[[Value], Value]] = {ast.UAdd: np.positive, ast.USub: np.negative}


class FormulaError(Refusal):
    """A formula that cannot be used; the message says why and names the word at fault.

    A :class:`Refusal`: ``FormulaError(template, **params)``, so the studio
    says it in the user's language.
    """


@dataclass(frozen=True)
class Formula:
    name: str
    expression: str
    tree: ast.Expression

    def evaluate(self, values: dict[str, np.ndarray]) -> np.ndarray:
        """The target for every sample; ``values`` maps input names to (n,) arrays."""
        n = len(next(iter(values.values())))
        with np.errstate(all="ignore"):
            result = np.broadcast_to(_evaluate(self.tree.body, values), (n,)).astype(float)
        if not np.isfinite(result).all():
            bad = int(np.argmin(np.isfinite(result)))
            raise FormulaError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "{name} is not a finite number for sample {sample} "
                    "(a division by zero, the square root of a negative number, or too large a power?)",
                ),
                name=self.name,
                sample=bad,
            )
        return result

    def __str__(self) -> str:
        return f"{self.name} = {self.expression}"


def parse_formula(text: str, variables: tuple[str, ...] = ("r", "g", "b")) -> Formula:
    """Parse ``name = expression``; raises FormulaError naming what is not allowed."""
    if not isinstance(text, str):
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "a formula must be text like x = r + 2*g"))
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "a formula may be at most {n} characters long"), n=MAX_LENGTH)
    if text.count("=") != 1:
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "write a formula as name = expression, e.g. x = r + 2*g + 3*b"))
    name, expression = (part.strip() for part in text.split("="))
    if not name.isidentifier() or name in variables or name in FUNCTIONS:
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "“{name}” cannot name a target: use a new name such as x, y or lv"), name=name)
    try:
        tree = ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise FormulaError(
            QT_TRANSLATE_NOOP("Engine", "“{expression}” is not a formula BP Studio can read"), expression=expression
        ) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "the formula is too long (at most {n} parts)"), n=MAX_NODES)
    for node in nodes:
        _check(node, variables)
    return Formula(name, expression, tree)


def _check(node: ast.AST, variables: tuple[str, ...]) -> None:
    allowed = ", ".join(variables)
    if isinstance(node, (ast.Expression, ast.Load)) or type(node) in _BINARY or type(node) in _UNARY:
        return
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "only + - * / and ** are allowed"))
        return
    if isinstance(node, ast.UnaryOp):
        if type(node.op) not in _UNARY:
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "only + and - may stand before a value"))
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "“{value}” is not a number"), value=node.value)
        return
    if isinstance(node, ast.Name):
        if node.id not in variables and node.id not in FUNCTIONS:
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "unknown name “{name}”: use the inputs {inputs}"), name=node.id, inputs=allowed)
        return
    if isinstance(node, ast.Call):
        known = ", ".join(FUNCTIONS)
        if not isinstance(node.func, ast.Name):
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "functions allowed: {functions}, each of one value"), functions=known)
        if node.func.id not in FUNCTIONS:
            raise FormulaError(
                QT_TRANSLATE_NOOP("Engine", "unknown function “{name}”: use {functions}"), name=node.func.id, functions=known
            )
        if len(node.args) != 1 or node.keywords:
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "“{name}” takes one value, e.g. {name}(r)"), name=node.func.id)
        return
    raise FormulaError(QT_TRANSLATE_NOOP("Engine", "{part} is not allowed in a formula"), part=type(node).__name__.lower())


def _evaluate(node: ast.AST, values: dict[str, np.ndarray]) -> Value:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, (int, float)), "_check admits numbers only"
        return np.float64(node.value)
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise FormulaError(QT_TRANSLATE_NOOP("Engine", "“{name}” is a function, not a value"), name=node.id)
        return values[node.id]
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_evaluate(node.left, values), _evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, values))
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name), "_check admits calls by name only"
        return FUNCTIONS[node.func.id](_evaluate(node.args[0], values))
    # _check keeps us from here
    raise FormulaError(QT_TRANSLATE_NOOP("Engine", "{part} is not allowed in a formula"), part=type(node).__name__.lower())


def parse_formulas(texts: Iterable[str], variables: tuple[str, ...] = ("r", "g", "b")) -> tuple[Formula, ...]:
    formulas = tuple(parse_formula(t, variables) for t in texts)
    names = [f.name for f in formulas]
    if len(set(names)) != len(names):
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "each target needs its own name"))
    if not formulas:
        raise FormulaError(QT_TRANSLATE_NOOP("Engine", "give at least one formula"))
    return formulas

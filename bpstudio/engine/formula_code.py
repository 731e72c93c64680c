"""A parsed target formula written back out as NumPy source code.

An exported script must compute a user's targets exactly as the studio
did, yet never ``eval`` the user's text.  So the code is emitted from the
formula's whitelisted AST (see :mod:`.formula`), node by node: input names
stay names, the functions become ``np.sin`` and friends, and every operation
is parenthesised so that the script's order of operations is the parse
tree's.

A sub-expression without an input (``2 ** 10``, ``-3``, ``sqrt(2)``) is
folded here with the engine's own float64 NumPy arithmetic and written as
an exact ``repr``: the script then never does Python-float arithmetic,
whose overflow and zero-division rules differ from NumPy's, and its numbers
are those the engine computed.
"""

from __future__ import annotations

import ast
import math

import numpy as np

from bpstudio.engine.formula import FUNCTIONS, Formula, Value, _evaluate

_BINARY_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_UNARY_SYMBOLS = {ast.UAdd: "+", ast.USub: "-"}


def numpy_expression(formula: Formula) -> str:
    """NumPy source for the right-hand side, over arrays named like the inputs."""
    return _strip(_code(formula.tree.body))


def _strip(code: str) -> str:
    """Drop parentheses around the whole of ``code``: there they say nothing."""
    if code.startswith("(") and code.endswith(")") and _balanced(code[1:-1]):
        return code[1:-1]
    return code


def _code(node: ast.AST) -> str:
    if not _uses_inputs(node):
        with np.errstate(all="ignore"):  # the engine folds inf and nan silently too
            return _constant(_evaluate(node, {}))
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        # np.power, not **: NumPy turns ``a ** 2`` into a square, the engine calls np.power
        return f"np.power({_strip(_code(node.left))}, {_strip(_code(node.right))})"
    if isinstance(node, ast.BinOp):
        return f"({_code(node.left)} {_BINARY_SYMBOLS[type(node.op)]} {_code(node.right)})"
    if isinstance(node, ast.UnaryOp):
        return f"({_UNARY_SYMBOLS[type(node.op)]}{_code(node.operand)})"
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name), "parse_formula admits calls by name only"
        return f"np.{FUNCTIONS[node.func.id].__name__}({_code(node.args[0])})"
    raise ValueError(f"{type(node).__name__} cannot be written as code")  # parse_formula refuses it first


def _uses_inputs(node: ast.AST) -> bool:
    """True when an input (a name that is not one of the functions) occurs below ``node``."""
    return any(isinstance(c, ast.Name) and c.id not in FUNCTIONS for c in ast.walk(node))


def _balanced(code: str) -> bool:
    depth = 0
    for char in code:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _constant(folded: Value) -> str:
    """An exact float64 literal; infinities and NaN as NumPy names."""
    value = float(folded)
    if math.isnan(value):
        return "np.nan"
    if math.isinf(value):
        return "np.inf" if value > 0 else "(-np.inf)"
    text = repr(value)
    return f"({text})" if value < 0 or text.startswith("-") else text

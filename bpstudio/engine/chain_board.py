"""The chain rule laid out as on a blackboard, and as a tree a program can evaluate.

:func:`board` turns a chain's factored form into *blocks* of *rows* of
*cells*: each cell is one factor (one basic link's local derivative, or
``∂L/∂v`` of a node defined in another block) with its number for the chosen
sample written under it.  Lines break at the sums and nowhere else: the first
block is ``∂L/∂param`` as a product; every source (源) whose branches are
summed gets a block of its own with one row per branch, and so does every
``∂L/∂v`` named below a sink.  A typesetter draws the blocks; the layout is
decided here, once, for the window, the CLI's SVG and PNG and the tests.

:func:`factored_tree` gives the same expression as nested
``sum``/``product``/``factor`` dictionaries (the ``"factored"`` key of
``bpstudio chain --format json``); evaluating it gives the chain derivative.

:func:`basic_links` lists the chain's basic links (基础影响链路) the way the
article does before multiplying them: each local derivative, its formula and
its value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bpstudio.engine.chain import ChainNumbers, Factor, InfluenceChain, Named, Product, Sum
from bpstudio.engine.graph import ACTIVATION, BIAS, LOSS_LINK, OUT, PARAM, PARAMETER, PENALTY, PENALTY_NODE, WEIGHT, Edge, Node, Y
from bpstudio.engine.network import Network


# -- the blackboard -----------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """One factor: its LaTeX symbol and its value at the sample (None without numbers)."""

    latex: str
    value: float | None
    defined_below: Node | None = None  # ∂L/∂v whose own block follows
    loss_link: bool = False  # ∂L/∂ŷ: the loss's own factor
    edge: Edge | None = None  # the basic link this factor is the local derivative of (None for ∂L/∂v)


@dataclass(frozen=True)
class Row:
    """One product: ``sign`` is "" for the first row of a block, "+" for the next branches."""

    sign: str
    cells: tuple[Cell, ...]
    value: float | None  # the product of the cells

    @property
    def running(self) -> tuple[float, ...]:
        """The product after each factor, left to right (the last is the row's value); () without numbers.

        What a student multiplies by hand: 0.413, × 0.858 = 0.354, × r = −0.0588.
        """
        values = [cell.value for cell in self.cells]
        if not values or any(v is None for v in values):
            return ()
        products: list[float] = []
        product = 1.0
        for value in values:
            assert value is not None
            product *= value
            products.append(product)
        return tuple(products)


@dataclass(frozen=True)
class Block:
    """``lhs = row + row + …``; ``role`` is "param", "source" or "sink"."""

    node: Node
    lhs: str
    role: str
    rows: tuple[Row, ...]
    value: float | None  # the sum of the rows


def frac(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def board(chain: InfluenceChain, numbers: ChainNumbers | None = None) -> list[Block]:
    """The blocks of the factored chain rule, with the numbers of ``numbers`` when given."""
    form = chain.factored
    name: Callable[[Node], str] = lambda node: chain.display(node, "latex")  # noqa: E731
    pending: list[tuple[Node, Product, str]] = [(form.param, form.expression, "param")]
    definitions = dict(form.definitions)
    blocks: list[Block] = []
    done: set[Node] = set()

    def value(term: Factor | Named | Sum) -> float | None:
        if numbers is None:
            return None
        if isinstance(term, Factor):
            return numbers.edge_values[term.edge]
        node = term.node if isinstance(term, Named) else term.source
        return numbers.node_gradients[node]

    def cells(product: Product) -> tuple[Cell, ...]:
        out = []
        for term in product.terms:
            if isinstance(term, Factor):
                loss = term.edge.kind == LOSS_LINK
                out.append(Cell(frac(name(term.edge.target), name(term.edge.source)), value(term), loss_link=loss, edge=term.edge))
            elif isinstance(term, Named):
                out.append(Cell(frac("L", name(term.node)), value(term), term.node))
                if term.node not in done:
                    pending.append((term.node, definitions[term.node], "sink"))
            else:  # a source's sum: named here, its branches in a block of their own
                out.append(Cell(frac("L", name(term.source)), value(term), term.source))
                pending.append((term.source, Product((term,)), "source"))
        return tuple(out)

    while pending:
        node, product, role = pending.pop(0)
        if node in done:
            continue
        done.add(node)
        if len(product.terms) == 1 and isinstance(product.terms[0], Sum):
            branches = product.terms[0].branches
            role = "source" if role == "param" else role
        else:
            branches = (product,)
        rows = []
        for i, branch in enumerate(branches):
            row_cells = cells(branch)
            rows.append(Row("+" if i else "", row_cells, _row_value(branch, row_cells, numbers)))
        total = None if numbers is None else numbers.node_gradients[node]
        blocks.append(Block(node, frac("L", name(node)), role, tuple(rows), total))
    return blocks


def _row_value(branch: Product, cells: tuple[Cell, ...], numbers: ChainNumbers | None) -> float | None:
    """The product of a row's cells; where a saturated output makes that ∞ · 0, the chain's own finite branch value.

    A row ends with the link out of its block's node (nearest to L first), so
    its value is that link's branch, which the chain sums without forming ∞ · 0.
    """
    value = _product(c.value for c in cells)
    last = branch.terms[-1] if branch.terms else None
    if value is not None and not math.isfinite(value) and numbers is not None and isinstance(last, Factor):
        return numbers.branch_values.get(last.edge, value)
    return value


def silent_rows(block: Block, net: Network) -> int:
    """The rows of ``block`` that are 0 because cross-entropy puts no loss on the sample's other classes.

    L = −Σ y_k log ŷ_k keeps only the true class's term, so ∂L/∂ŷ_k = −y_k/ŷ_k is 0 for every
    other output, and so is each branch through one of them: with softmax outputs two of three
    branches summed at a source read "= 0" at every sample.  (With mse, ∂L/∂ŷ_k = ŷ_k − y_k ≠ 0.)
    """
    if not net.loss_record.silent_rows:
        return 0
    return sum(1 for row in block.rows if any(cell.loss_link and cell.value == 0 for cell in row.cells))


def _product(values: Iterable[float | None]) -> float | None:
    out = 1.0
    for v in values:
        if v is None:
            return None
        out *= v
    return out


# -- the tree ----------------------------------------------------------------------------
def factored_tree(chain: InfluenceChain, numbers: ChainNumbers | None = None) -> dict[str, Any]:
    """``∂L/∂param`` as nested ``{"op": "sum"|"product"|"factor", ...}``.

    Leaves carry ``latex`` and, when ``numbers`` belong to one sample, the
    ``value`` of that sample (a sum of products does not factor over samples,
    so summed numbers are left out).  ``∂L/∂v`` below a sink is a leaf too,
    with ``"defines"`` naming the entry of ``"definitions"`` that expands it.
    """
    sample_numbers = numbers if numbers is not None and numbers.sample is not None else None
    form = chain.factored

    def tree(term: Product | Sum | Factor | Named) -> dict[str, Any]:
        if isinstance(term, Product):
            return {"op": "product", "terms": [tree(t) for t in term.terms]}
        if isinstance(term, Sum):
            return {"op": "sum", "source": term.source.name, "terms": [tree(b) for b in term.branches]}
        if isinstance(term, Factor):
            leaf: dict[str, Any] = {
                "op": "factor",
                "latex": frac(chain.display(term.edge.target, "latex"), chain.display(term.edge.source, "latex")),
                "link": [term.edge.source.name, term.edge.target.name],
            }
            if sample_numbers is not None:
                leaf["value"] = sample_numbers.edge_values[term.edge]
            return leaf
        leaf = {"op": "factor", "latex": frac("L", chain.display(term.node, "latex")), "defines": term.node.name}
        if sample_numbers is not None:
            leaf["value"] = sample_numbers.node_gradients[term.node]
        return leaf

    root = tree(form.expression)
    root["lhs"] = frac("L", chain.display(form.param, "latex"))
    root["definitions"] = [
        {"node": node.name, "lhs": frac("L", chain.display(node, "latex")), "tree": tree(product)} for node, product in form.definitions
    ]
    return root


def evaluate_tree(tree: dict[str, Any]) -> float:
    """The value of a tree with values (``factored_tree`` of one sample)."""
    op = tree["op"]
    if op == "factor":
        return float(tree["value"])
    values = [evaluate_tree(t) for t in tree["terms"]]
    return math.fsum(values) if op == "sum" else math.prod(values)


# -- the basic links ----------------------------------------------------------------------
@dataclass(frozen=True)
class BasicLink:
    """One basic link: ``∂target/∂source = formula = value`` (value at the sample)."""

    edge: Edge
    latex: str  # the local derivative as a fraction (plain text with fmt="text")
    formula: str  # what it equals, in the article's symbols
    value: float | None


def basic_link(edge: Edge, net: Network, name: Callable[[Node], str], value: float | None = None, fmt: str = "latex") -> BasicLink:
    """One link's local derivative ``∂target/∂source = formula``; ``name(node)`` writes a node in ``fmt``.

    ``fmt`` is "latex" (the typeset board) or "text" (Unicode, for a tooltip).
    """
    s, t = edge.source, edge.target
    text = fmt == "text"
    if edge.kind == PARAMETER:  # I_j = Σ_i Õ_i w_ij  →  ∂I_j/∂w_ij = Õ_i
        formula = "1" if net.is_bias(s.layer, s.index) else name(Node(OUT, s.layer, s.index))
    elif edge.kind == WEIGHT:  # ∂I_j/∂O_i = w_ij
        row = net.shapes[s.layer][0] - 1 if s.kind == BIAS else s.index
        formula = name(Node(PARAM, s.layer, row, t.index))
    elif edge.kind == ACTIVATION and t.kind == Y and net.activation(s.layer - 1).coupled:
        # the softmax couples the outputs: ∂ŷ_k/∂I_j = ŷ_k (δ_jk − ŷ_j); the hat marks the
        # prediction, as in the loss's rule, where the plain name is the target
        y_k, y_j = _hat(name(t), text), _hat(name(Node(Y, 0, s.index)), text)
        if text:
            formula = f"{y_k}(1 − {y_k})" if s.index == t.index else f"−{y_k}·{y_j}"
        else:
            formula = rf"{y_k}\left(1 - {y_k}\right)" if s.index == t.index else rf"-{y_k}\,{y_j}"
    elif edge.kind == ACTIVATION:
        activation = net.activation(s.layer - 1)  # its record writes d O / d I from the names of O and I
        output = _hat(name(t), text) if t.kind == Y else name(t)  # an output's value is the prediction ŷ
        formula = (activation.link_text if text else activation.link_latex)(output, name(s))
    elif edge.kind == PENALTY:  # R = λ₁Σ|w| + λ₂/2 Σw², shared out over the n samples
        w = name(s)
        formula = f"(λ₁·sign({w}) + λ₂·{w})/n" if text else rf"\frac{{\lambda_1 \mathrm{{sign}}({w}) + \lambda_2 {w}}}{{n}}"
    elif edge.kind == LOSS_LINK and s.kind == PENALTY_NODE:  # L = data term + R
        formula = "1"
    elif edge.kind == LOSS_LINK:
        formula = _loss_rule(net, name(s), text)
    else:
        formula = ""
    fraction = f"∂{name(t)}/∂{name(s)}" if text else frac(name(t), name(s))
    return BasicLink(edge, fraction, formula, value)


_SCRIPTS = set("₀₁₂₃₄₅₆₇₈₉₍₎₊₋⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻,")


def _hat(output: str, text: bool) -> str:
    """The prediction of an output written by its name: ``\\hat{x}``, or x̂ / ŷ₀ in plain text."""
    if not text:
        return rf"\hat{{{output}}}"
    if len(output) > 1 and all(ch in _SCRIPTS for ch in output[1:]):  # y₀: the hat on the letter, before its index
        return output[0] + "\u0302" + output[1:]
    return output + "\u0302" if len(output) == 1 else f"ŷ({output})"


def _loss_rule(net: Network, output: str, text: bool = False) -> str:
    """∂L/∂ŷ for the network's loss, the output written by its data name (or ŷ, y in plain text)."""
    loss = net.loss_record
    return loss.link_text(net.output_activation) if text else loss.link_latex(output, net.output_activation)


def basic_links(chain: InfluenceChain, numbers: ChainNumbers | None = None) -> list[BasicLink]:
    """Every link of the chain with its local derivative's formula and value."""
    name: Callable[[Node], str] = lambda node: chain.display(node, "latex")  # noqa: E731
    return [basic_link(edge, chain.net, name, None if numbers is None else numbers.edge_values[edge]) for edge in chain.edges]


__all__ = ["Block", "BasicLink", "Cell", "Row", "basic_link", "basic_links", "board", "evaluate_tree", "factored_tree", "frac"]

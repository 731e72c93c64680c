"""The expanded graph of a network, drawn the way the article draws it.

Linear and non-linear operations are both links of one graph (the article's
"统一看待线性运算与非线性运算"): every hidden unit is two nodes, its
pre-activation ``I_j^(l)`` and its output ``O_j^(l)``; every layer has a bias
node "1"; the outputs ``y_k`` hang off ``I_k^(L)`` by the output activation
(the identity in the article, but the link stays); all ``y_k`` feed the loss
``L``.  Each edge is a *basic influence link* (基础影响链路) whose local
derivative can be evaluated from a forward pass (see :meth:`local_derivative`).

Two additions go beyond the article's net, both as its first usage note
describes: with **softmax** outputs every ``y_k`` depends on every
``I_j^(L)``, so each ``I_j^(L)`` has a link to every output and becomes a
source; and an L1/L2 **penalty** is a node ``R`` fed by every non-bias
weight and feeding ``L`` — a second branch of each such weight's chain.
``R`` is not part of :attr:`ExpandedGraph.nodes` (the diagram's layout);
it appears in the chains of the weights it penalises.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from bpstudio.engine import text_safety
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import LayerForward

if TYPE_CHECKING:
    from bpstudio.engine.data import Dataset

# A basic link's number: one per sample (a vector) or a constant.
LinkValue = np.ndarray | float

# Node kinds
PARAM, OUT, BIAS, PRE, Y, LOSS = "param", "O", "bias", "I", "y", "L"
PENALTY_NODE = "R"  # the L1/L2 penalty, summed into L
# Edge kinds
WEIGHT, PARAMETER, ACTIVATION, LOSS_LINK = "weight", "parameter", "activation", "loss"
PENALTY = "penalty"  # w -> R


@dataclass(frozen=True, order=True)
class Node:
    """One node: ``kind`` plus layer and index (``col`` only for parameters)."""

    kind: str
    layer: int = 0
    index: int = 0
    col: int = 0

    @property
    def name(self) -> str:
        """Stable machine name: ``W0[0,0]``, ``I1[2]``, ``O0[1]``, ``B0``, ``y[0]``, ``L``."""
        if self.kind == PARAM:
            return f"W{self.layer}[{self.index},{self.col}]"
        if self.kind in (OUT, PRE):
            return f"{self.kind}{self.layer}[{self.index}]"
        if self.kind == BIAS:
            return f"B{self.layer}"
        if self.kind == Y:
            return f"y[{self.index}]"
        if self.kind == PENALTY_NODE:
            return "R"
        return "L"

    def __repr__(self) -> str:
        return f"Node({self.name})"


@dataclass(frozen=True)
class Edge:
    """A basic influence link ``source -> target`` with local derivative d target / d source."""

    source: Node
    target: Node
    kind: str

    def __repr__(self) -> str:
        return f"Edge({self.source.name} -> {self.target.name}, {self.kind})"


class ExpandedGraph:
    """All nodes and links of a network; parameters sit on the weight links."""

    def __init__(self, net: Network) -> None:
        self.net = net

    # -- nodes -------------------------------------------------------------
    def layer_outputs(self, layer: int) -> list[Node]:
        """O^(layer) nodes (inputs for layer 0), without the bias node."""
        return [Node(OUT, layer, i) for i in range(self.net.sizes[layer])]

    def pre_nodes(self, layer: int) -> list[Node]:
        """I^(layer) nodes, layer = 1 .. n_layers."""
        return [Node(PRE, layer, j) for j in range(self.net.sizes[layer])]

    def source_of_row(self, layer: int, row: int) -> Node:
        """The node feeding row ``row`` of W~(layer): O_row^(layer) or the bias node."""
        if self.net.is_bias(layer, row):
            return Node(BIAS, layer)
        return Node(OUT, layer, row)

    @property
    def coupled_outputs(self) -> bool:
        """True for softmax outputs: each y_k depends on every I_j of the output layer."""
        return self.net.activation(self.net.n_layers - 1).coupled

    def activation_links(self, pre: Node) -> list[Edge]:
        """The non-linear links out of ``I_j^(l)``: one, or one per output under softmax."""
        if pre.layer == self.net.n_layers and self.coupled_outputs:
            return [Edge(pre, Node(Y, 0, k), ACTIVATION) for k in range(self.net.sizes[-1])]
        return [Edge(pre, self.after(pre), ACTIVATION)]

    def after(self, pre: Node) -> Node:
        """The node fed by the non-linear link out of ``I_j^(l)``: O_j^(l) or y_j."""
        if pre.layer == self.net.n_layers:
            return Node(Y, 0, pre.index)
        return Node(OUT, pre.layer, pre.index)

    @cached_property
    def nodes(self) -> list[Node]:
        out: list[Node] = []
        for layer in range(self.net.n_layers):
            out += self.layer_outputs(layer) + [Node(BIAS, layer)]
            out += self.pre_nodes(layer + 1)
        out += [Node(Y, 0, k) for k in range(self.net.sizes[-1])] + [Node(LOSS)]
        return out

    @cached_property
    def edges(self) -> list[Edge]:
        out: list[Edge] = []
        for layer in range(self.net.n_layers):
            rows, cols = self.net.shapes[layer]
            for row in range(rows):
                for col in range(cols):
                    out.append(Edge(self.source_of_row(layer, row), Node(PRE, layer + 1, col), WEIGHT))
            for pre in self.pre_nodes(layer + 1):
                out += self.activation_links(pre)
        out += [Edge(Node(Y, 0, k), Node(LOSS), LOSS_LINK) for k in range(self.net.sizes[-1])]
        return out

    def children(self, node: Node) -> list[Edge]:
        """Links leaving ``node`` (its downstream branches)."""
        net = self.net
        if node.kind == PARAM:
            out = [Edge(node, Node(PRE, node.layer + 1, node.col), PARAMETER)]
            if net.penalized and not net.is_bias(node.layer, node.index):
                out.append(Edge(node, Node(PENALTY_NODE), PENALTY))
            return out
        if node.kind in (OUT, BIAS):
            layer = node.layer
            if layer >= net.n_layers:
                return []
            return [Edge(node, pre, WEIGHT) for pre in self.pre_nodes(layer + 1)]
        if node.kind == PRE:
            return self.activation_links(node)
        if node.kind in (Y, PENALTY_NODE):
            return [Edge(node, Node(LOSS), LOSS_LINK)]
        return []

    def weight_of(self, edge: Edge) -> tuple[int, int, int]:
        """``(layer, row, col)`` of the parameter on a weight link."""
        s, t = edge.source, edge.target
        row = self.net.shapes[s.layer][0] - 1 if s.kind == BIAS else s.index
        return s.layer, row, t.index

    # -- numbers -------------------------------------------------------------
    def local_derivative(self, edge: Edge, passes: list[LayerForward], residual: np.ndarray, weights: list[np.ndarray]) -> LinkValue:
        """d target / d source of one link, per sample (a vector) or a constant.

        ``passes`` and ``residual`` (dL/dy: y_hat - y for JVal, -t/y for
        softmax cross-entropy; feature-major) come from a forward pass over
        the samples of interest; ``weights`` are the augmented matrices.

        The penalty is not per sample: its link w -> R is spread evenly over
        the samples (dR/dw / n each), so that summing over samples counts it
        once.
        """
        s = edge.source
        if edge.kind == PENALTY:
            w = float(weights[s.layer][s.index, s.col])
            n = passes[0].inputs.shape[1]
            return np.full(n, (self.net.l1 * np.sign(w) + self.net.l2 * w) / n)
        if edge.kind == LOSS_LINK and s.kind == PENALTY_NODE:
            return 1.0
        # numpy types a row taken by an integer index as Any: the rows are annotated below
        if edge.kind == PARAMETER:  # I_j = sum_i O~_i w_ij  ->  dI/dw_ij = O~_i
            inputs_row: np.ndarray = passes[s.layer].inputs[s.index]
            return inputs_row
        if edge.kind == WEIGHT:  # dI_j/dO_i = w_ij
            layer, row, col = self.weight_of(edge)
            return float(weights[layer][row, col])
        if edge.kind == ACTIVATION and s.layer == self.net.n_layers and self.coupled_outputs:
            y = passes[-1].post  # softmax: dy_k/dI_j = y_k (delta_jk - y_j)
            k, j = edge.target.index, s.index
            jacobian: np.ndarray = y[k] * ((1.0 if j == k else 0.0) - y[j])
            return jacobian
        if edge.kind == ACTIVATION:  # dO/dI = f'(I)
            link = passes[s.layer - 1].link
            if isinstance(link, float):
                return link
            derivative: np.ndarray = link[s.index]
            return derivative
        loss_link: np.ndarray = residual[s.index]  # dL/dy_k = y_hat_k - y_k
        return loss_link


# -- display names in the article's notation ------------------------------------
@dataclass(frozen=True)
class NodeNames:
    """The data's names for the input and output nodes (r, g, b and x, y, lv in the article).

    The diagram labels those nodes by these names, so the formula, the paths
    and every readout must too: one notation wherever a person reads.
    """

    inputs: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    @classmethod
    def of(cls, dataset: Dataset) -> NodeNames:
        return cls(tuple(dataset.input_names), tuple(dataset.target_names))


_SUB = str.maketrans("0123456789,()+-", "₀₁₂₃₄₅₆₇₈₉,₍₎₊₋")
_SUP = str.maketrans("0123456789,()+-", "⁰¹²³⁴⁵⁶⁷⁸⁹,⁽⁾⁺⁻")


def display_name(node: Node, net: Network, fmt: str = "text", names: NodeNames | None = None) -> str:
    """``w₁₁⁽⁰⁾``, ``b₁⁽¹⁾``, ``I₁⁽¹⁾``, ``O₂⁽¹⁾``, ``x``, ``L`` (indices 1-based).

    ``fmt`` is ``text`` (Unicode sub- and superscripts), ``html`` or
    ``latex``.  With ``names``, inputs and outputs carry the data's names, as
    the diagram draws them; without, they are ``O_i^(0)`` and ``y_k``.
    """
    if node.kind == PARAM:
        if net.is_bias(node.layer, node.index):
            base, sub = "b", _index(node.col)
        else:
            base, sub = "w", _index(node.index, node.col)
        return _script(base, sub, f"({node.layer})", fmt)
    if names is not None and node.kind == OUT and node.layer == 0 and node.index < len(names.inputs):
        return _data_name(names.inputs[node.index], fmt)
    if names is not None and node.kind == Y and node.index < len(names.targets):
        return _target_name(names.targets[node.index], fmt)
    if node.kind in (OUT, PRE):
        return _script(node.kind, _index(node.index), f"({node.layer})", fmt)
    if node.kind == BIAS:
        return _script("1", "", f"({node.layer})", fmt)
    if node.kind == Y:
        return _script("y", _index(node.index), "", fmt)
    if node.kind == PENALTY_NODE:
        return "R"
    return "L"


def matrix_name(layer: int, fmt: str = "text") -> str:
    """``W̃⁽ˡ⁾``, the augmented weight matrix ``[W; b]`` of layer ``l`` (0-based, as the article)."""
    return layer_symbol(r"\tilde{W}" if fmt == "latex" else "W̃", layer, fmt)


def layer_symbol(base: str, layer: int, fmt: str = "text") -> str:
    """A whole layer's symbol: ``Õ⁽⁰⁾``, ``I⁽¹⁾``, ``b⁽⁰⁾``."""
    return _script(base, "", f"({layer})", fmt)


def _index(*zero_based: int) -> str:
    """1-based indices run together (``11``), with a comma once one has two digits."""
    parts = [str(i + 1) for i in zero_based]
    return ("," if any(len(p) > 1 for p in parts) else "").join(parts)


def _target_name(name: str, fmt: str) -> str:
    """An output by its target's name; a class label (0, 1, 2 …) becomes y₀, y₁, y₂.

    A bare number as a node's name made formulas unreadable: ∂0/∂I₁⁽¹⁾ = 0(1 − 0).
    """
    if name and not name[0].isalpha():
        return _script("y", _shown(name, fmt), "", fmt)
    return _data_name(name, fmt)


def _shown(name: str, fmt: str) -> str:
    """A data name as a label shows it: shortened, control characters visible, escaped for ``fmt``.

    The names come from a stranger's CSV or session file; no character of
    theirs is ever read as markup (``<img …>``) or a command (``\\input``).
    """
    short = text_safety.shorten(name)
    if fmt == "latex":
        return text_safety.latex(short)
    if fmt == "html":
        return text_safety.rich_text(short)
    return text_safety.escape_control(short)


def _data_name(name: str, fmt: str) -> str:
    safe = _shown(name, fmt)
    if fmt == "latex":
        return safe if len(name) == 1 else rf"\mathit{{{safe}}}"
    if fmt == "html":
        return f"<i>{safe}</i>"
    return safe


def _script(base: str, sub: str, sup: str, fmt: str) -> str:
    if fmt == "latex":
        out = base + (f"_{{{sub}}}" if sub else "")
        return out + (f"^{{{sup}}}" if sup else "")
    if fmt == "html":
        out = f"<i>{base}</i>" if base.isalpha() else base
        out += f"<sub>{sub}</sub>" if sub else ""
        return out + (f"<sup>{sup}</sup>" if sup else "")
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}")
    return base + sub.translate(_SUB) + sup.translate(_SUP)

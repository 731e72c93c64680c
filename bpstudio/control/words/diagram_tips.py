"""What hovering the diagram tells a student: each node and each basic link in the article's terms.

A node says what it is in the article's notation (I_j⁽ˡ⁾ the linear
operation's result, O_j⁽ˡ⁾ = f(I_j⁽ˡ⁾), the constant 1 of Õ⁽ˡ⁾, the loss L)
and its value and ∂L/∂node for the chosen sample; a link shows its basic link
(基础影响链路) with formula and value, "∂I₁⁽²⁾/∂O₁⁽¹⁾ = w₁₁⁽¹⁾ = −0.9947".
Texts are English templates marked for translation; the caller passes
``translate`` (the studio's, or none for English).  No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bpstudio.control.export.typeset import number_text
from bpstudio.engine.chain_board import basic_link
from bpstudio.engine.data import Dataset
from bpstudio.engine.graph import (
    BIAS,
    LOSS,
    OUT,
    PARAM,
    PRE,
    WEIGHT,
    Edge,
    ExpandedGraph,
    Node,
    NodeNames,
    Y,
    display_name,
    layer_symbol,
    matrix_name,
)
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.network import Network
from bpstudio.engine.node_values import node_values
from bpstudio.engine.propagation import augmented_inputs, forward

CONTEXT = "DiagramTips"
Translate = Callable[[str], str]

INPUT = QT_TRANSLATE_NOOP(
    "DiagramTips", "{name}: input {k} of the data ({symbol} in the article); {augmented} is the inputs with a constant 1 appended"
)
CONSTANT = QT_TRANSLATE_NOOP(
    "DiagramTips", "1: the constant that makes {augmented} = [{outputs}; 1]; its links carry the biases {biases}, the last row of {matrix}"
)
LINEAR = QT_TRANSLATE_NOOP(
    "DiagramTips", "{name}: what unit {j} of layer {l} receives, the linear operation {inputs} = {matrix}ᵀ·{augmented}"
)
NONLINEAR = QT_TRANSLATE_NOOP("DiagramTips", "{name} = {f}({pre}): what unit {j} of layer {l} passes on, the non-linear operation")
OUTPUT = QT_TRANSLATE_NOOP(
    "DiagramTips", "{name}: the network's prediction ŷ of the target {name} (= {rule}); L compares it with the sample's target"
)
NODE_VALUE = QT_TRANSLATE_NOOP("DiagramTips", "sample {sample}: value {value}")
NODE_NUMBERS = QT_TRANSLATE_NOOP("DiagramTips", "sample {sample}: value {value}, ∂L/∂{name} = {gradient}")
LINK = QT_TRANSLATE_NOOP(
    "DiagramTips",
    "a basic link (基础影响链路): this link's local derivative, for sample "
    "{sample}. Backpropagation multiplies them along every path to L.",
)
WEIGHT_LINK = QT_TRANSLATE_NOOP("DiagramTips", "Click to light up the influence chain (影响链路) of {name}.")


def _english(text: str) -> str:
    return text


def node_tips(
    net: Network, names: NodeNames, weights: np.ndarray, data: Dataset, sample: int, translate: Translate = _english
) -> dict[Node, str]:
    """A tooltip for every node of the diagram: what it is, and its numbers for ``sample``."""
    values = node_values(net, weights, data, sample)
    out = {}
    for node in ExpandedGraph(net).nodes:
        name = display_name(node, net, "text", names)
        out[node] = _what(node, net, names, name, translate)
        value, gradient = values.get(node.name, (float("nan"), float("nan")))
        if node.kind == BIAS or not np.isfinite(value):
            continue
        if np.isfinite(gradient) and node.kind != LOSS:
            out[node] += "\n" + translate(NODE_NUMBERS).format(
                sample=sample, value=number_text(value), name=name, gradient=number_text(gradient)
            )
        else:
            out[node] += "\n" + translate(NODE_VALUE).format(sample=sample, value=number_text(value))
    return out


def _what(node: Node, net: Network, names: NodeNames, name: str, translate: Translate) -> str:
    if node.kind == OUT and node.layer == 0:
        return translate(INPUT).format(name=name, k=node.index + 1, symbol=display_name(node, net, "text"), augmented=layer_symbol("Õ", 0))
    if node.kind == BIAS:
        layer = node.layer
        return translate(CONSTANT).format(
            augmented=layer_symbol("Õ", layer), outputs=layer_symbol("O", layer), biases=layer_symbol("b", layer), matrix=matrix_name(layer)
        )
    if node.kind == PRE:
        return translate(LINEAR).format(
            name=name,
            j=node.index + 1,
            l=node.layer,
            inputs=layer_symbol("I", node.layer),
            matrix=matrix_name(node.layer - 1),
            augmented=layer_symbol("Õ", node.layer - 1),
        )
    if node.kind == OUT:
        pre = display_name(Node(PRE, node.layer, node.index), net, "text", names)
        return translate(NONLINEAR).format(name=name, f=net.activation(node.layer - 1).name, pre=pre, j=node.index + 1, l=node.layer)
    if node.kind == Y:
        pre = display_name(Node(PRE, net.n_layers, node.index), net, "text", names)
        activation = net.activation(net.n_layers - 1)
        return translate(OUTPUT).format(name=name, rule=pre if activation.linear else f"{activation.name}({pre})")
    if node.kind == LOSS:
        return translate(net.loss_record.node_tip)
    return name


def link_tips(
    net: Network, names: NodeNames, weights: np.ndarray, data: Dataset, sample: int, translate: Translate = _english
) -> dict[Edge, str]:
    """A tooltip for every link: ``∂target/∂source = formula = value`` at ``sample``, and what that is."""
    graph = ExpandedGraph(net)
    rows = slice(sample, sample + 1)
    mats = net.layers(np.asarray(weights, dtype=float))
    passes = forward(net, mats, augmented_inputs(data.inputs[rows]))
    residual = net.loss_record.output_link(
        passes[-1].pre, passes[-1].post, np.ascontiguousarray(data.targets[rows].T), net.output_activation
    )
    name = lambda node: display_name(node, net, "text", names)  # noqa: E731
    explain = translate(LINK).format(sample=sample)
    out = {}
    with np.errstate(all="ignore"):
        for edge in graph.edges:
            value = float(np.ravel(graph.local_derivative(edge, passes, residual, mats))[0])
            link = basic_link(edge, net, name, value, fmt="text")
            shown = number_text(value)
            text = f"{link.latex} = {link.formula}" + ("" if link.formula == shown else f" = {shown}")
            text += "\n" + explain
            if edge.kind == WEIGHT:
                parameter = display_name(Node(PARAM, *graph.weight_of(edge)), net, "text", names)
                text += " " + translate(WEIGHT_LINK).format(name=parameter)
            out[edge] = text
    return out

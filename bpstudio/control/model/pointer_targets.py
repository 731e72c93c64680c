"""What the teacher's pointer points at, in the chain's terms: links, ∂L/∂node factors, one number.

On a projector the teacher clicks one factor of the typeset chain, or one node
or link of the diagram, and the class should see the *same thing* lit in both
places with its number large.  A factor of the blackboard (:mod:`..engine.chain_board`)
is either a basic link's local derivative (``Cell.edge``) or ``∂L/∂v`` of a node
defined in its own block (``Cell.defined_below``); a diagram link is a basic
link, and the parameter's own factor ``∂I/∂w`` stands for the weight's link.
This module turns a click on either side into a :class:`Pointed` — which links
and ``∂L/∂v`` factors, which nodes, a name and a number — and finds the factors
of a board that show it.  No Qt here: the window paints what it says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from bpstudio.engine.chain import ChainNumbers, InfluenceChain
from bpstudio.engine.chain_board import Block, Cell
from bpstudio.engine.data import Dataset
from bpstudio.engine.graph import PARAM, WEIGHT, Edge, ExpandedGraph, Node
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import augmented_inputs, forward

Link = tuple[Node, Node]  # (source, target): a link whatever its kind
Names = Callable[[Node], str]  # a node's name in the article's notation (InfluenceChain.display)


@dataclass(frozen=True)
class Pointed:
    """One thing pointed at: ``links`` and ``gradients`` (∂L/∂v factors) mark the formula,
    ``links`` and ``nodes`` the diagram; ``name = value`` is written large beside the cursor."""

    links: frozenset[Link]
    gradients: frozenset[Node]
    nodes: frozenset[Node]
    name: str
    value: float | None


def link_of(edge: Edge) -> Link:
    return edge.source, edge.target


def cell_at(blocks: Iterable[Block], where: tuple[int, int, int]) -> Cell | None:
    """The factor at (block, row, cell) of a board, or None where the board has none (an older board)."""
    b, r, c = where
    blocks = tuple(blocks)
    if not (0 <= b < len(blocks) and 0 <= r < len(blocks[b].rows) and 0 <= c < len(blocks[b].rows[r].cells)):
        return None
    return blocks[b].rows[r].cells[c]


def derivative_name(top: Node | None, bottom: Node, name: Names) -> str:
    """``∂I₁⁽²⁾/∂O₁⁽¹⁾``, or ``∂L/∂O₁⁽¹⁾`` when ``top`` is None, in plain text."""
    return f"∂{'L' if top is None else name(top)}/∂{name(bottom)}"


def of_cell(cell: Cell, name: Names) -> Pointed:
    """A factor clicked in the formula: its link (or its node, for ∂L/∂v) and its number."""
    if cell.edge is not None:
        label = derivative_name(cell.edge.target, cell.edge.source, name)
        return Pointed(frozenset({link_of(cell.edge)}), frozenset(), frozenset(), label, cell.value)
    node = cell.defined_below
    nodes = frozenset({node}) if node is not None else frozenset()
    return Pointed(frozenset(), nodes, nodes, derivative_name(None, node, name) if node is not None else "", cell.value)


def of_node(node: Node, chain: InfluenceChain | None, numbers: ChainNumbers | None, name: Names) -> Pointed:
    """A node clicked in the diagram: every factor it appears in, and ∂L/∂node at the sample.

    Off the chain (or without a chain) the number is not known here: None, and
    the caller fills it from the node's readout (:func:`with_value`).
    """
    links = frozenset(link_of(e) for e in (chain.edges if chain is not None else ()) if node in (e.source, e.target))
    value = numbers.node_gradients.get(node) if numbers is not None else None
    return Pointed(links, frozenset({node}), frozenset({node}), derivative_name(None, node, name), value)


def of_link(edge: Edge, numbers: ChainNumbers | None, name: Names) -> Pointed:
    """A link clicked in the diagram: its factor, and its local derivative at the sample when the chain has it
    (None off the chain: the caller computes it, :func:`link_value`)."""
    value = numbers.edge_values.get(edge) if numbers is not None else None
    return Pointed(frozenset({link_of(edge)}), frozenset(), frozenset(), derivative_name(edge.target, edge.source, name), value)


def of_weight(edge: Edge, graph: ExpandedGraph, name: str, weight: float) -> Pointed:
    """A weight link clicked: the weight chosen, its link and its own factor ``∂I/∂w`` lit, ``w = value`` shown."""
    assert edge.kind == WEIGHT
    param = Node(PARAM, *graph.weight_of(edge))
    return Pointed(frozenset({link_of(edge), (param, edge.target)}), frozenset(), frozenset(), name, weight)


def link_value(net: Network, weights: np.ndarray, data: Dataset, sample: int, edge: Edge) -> float:
    """A link's local derivative at one sample, for a link off the chosen chain (as its tooltip computes it)."""
    rows = slice(sample, sample + 1)
    mats = net.layers(np.asarray(weights, dtype=float))
    passes = forward(net, mats, augmented_inputs(data.inputs[rows]))
    residual = net.loss_record.output_link(
        passes[-1].pre, passes[-1].post, np.ascontiguousarray(data.targets[rows].T), net.output_activation
    )
    with np.errstate(all="ignore"):
        return float(np.ravel(ExpandedGraph(net).local_derivative(edge, passes, residual, mats))[0])


def with_value(pointed: Pointed, name: str, value: float | None) -> Pointed:
    return Pointed(pointed.links, pointed.gradients, pointed.nodes, name, value)


def cells_of(blocks: Iterable[Block], pointed: Pointed) -> list[tuple[int, int, int]]:
    """Where the board shows what is pointed at: (block, row, cell) of each matching factor."""
    out = []
    for b, block in enumerate(blocks):
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row.cells):
                if cell.edge is not None and link_of(cell.edge) in pointed.links:
                    out.append((b, r, c))
                elif cell.defined_below is not None and cell.defined_below in pointed.gradients:
                    out.append((b, r, c))
    return out


def parameter_of(link: Link) -> Node | None:
    """The parameter whose own link ``w → I`` this is, else None."""
    source, _ = link
    return source if source.kind == PARAM else None


__all__ = [
    "Link",
    "Pointed",
    "cell_at",
    "cells_of",
    "derivative_name",
    "link_of",
    "link_value",
    "of_cell",
    "of_link",
    "of_node",
    "of_weight",
    "parameter_of",
    "with_value",
]

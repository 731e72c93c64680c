"""The loss-influence chain (loss影响链路) of one parameter, with its numbers.

For a parameter w the chain is the sub-graph of every path from w to the
loss L.  On it, a *source* (源) is a node with several outgoing links — the
derivatives of its branches are **summed** there — and a *sink* (汇) is a
node with several incoming links, where nothing special happens.

The chain-rule expansion is kept *factored* as the article writes it:
``dL/dw = (branch_1 + branch_2) * dO/dI * dI/dw``, a bracket at each source.
Where several brackets would need the same sub-expression (below a sink),
that sub-expression is named ``dL/dv`` and defined once, so the expression
and its evaluation stay polynomial however many paths there are; the paths
themselves are only listed up to a cap, with the count of the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

import numpy as np

from bpstudio.engine.budget import check_chain_budget
from bpstudio.engine.data import Dataset
from bpstudio.engine.gradcheck import numeric_gradient
from bpstudio.engine.graph import ACTIVATION, LOSS, PARAM, PENALTY, Edge, ExpandedGraph, LinkValue, Node, NodeNames, Y, display_name
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import augmented_inputs, backward, forward, output_loss

PENALTY_SHARE = "penalty"  # the per_output key of the penalty's branch

PATH_CAP = 64
SHARE_FLOOR = 0.1  # see ChainNumbers.path_shares


# -- the factored expression ----------------------------------------------------
@dataclass(frozen=True)
class Factor:
    """One basic link's local derivative, d edge.target / d edge.source."""

    edge: Edge


@dataclass(frozen=True)
class Named:
    """``dL/d node``, defined once in :attr:`FactoredForm.definitions`."""

    node: Node


@dataclass(frozen=True)
class Sum:
    """The bracket at a source: one product per downstream branch."""

    source: Node
    branches: tuple[Product, ...]


@dataclass(frozen=True)
class Product:
    """Terms multiplied left to right, nearest to L first, as the article writes."""

    terms: tuple[Factor | Named | Sum, ...]


@dataclass(frozen=True)
class FactoredForm:
    """``dL/dparam = expression``, plus the named sub-expressions it refers to."""

    param: Node
    expression: Product
    definitions: tuple[tuple[Node, Product], ...]


# -- numbers ------------------------------------------------------------------------
@dataclass(frozen=True)
class PathValue:
    nodes: tuple[Node, ...]
    factors: tuple[float, ...]  # at the sample, or mean over the data set
    value: float  # product of the factors at the sample, or summed over the data set


@dataclass(frozen=True)
class ChainNumbers:
    """The chain evaluated at given weights on given samples."""

    sample: int | None  # None: summed over the data set
    edge_values: dict[Edge, float]  # local derivative at the sample, or mean over samples
    node_gradients: dict[Node, float]  # dL/dnode on the chain (summed, or at the sample)
    paths: tuple[PathValue, ...]
    paths_total: int
    chain_gradient: float  # from the factored form
    backprop_gradient: float
    numeric_gradient: float
    per_output: dict[str, float]
    # each link's branch, dL/d target * d target/d source (summed over the samples): a row of the
    # board, kept finite where a saturated output makes the factors themselves ∞ and 0
    branch_values: dict[Edge, float] = field(default_factory=dict)

    def path_shares(self) -> list[float] | None:
        """Each listed path's share of the total, or None when shares would mislead.

        Near convergence the paths cancel: a total close to zero makes shares
        of thousands of percent that say nothing.  Shares are given only when
        ``|total| >= SHARE_FLOOR * sum(|path|)``; otherwise show the signed
        contributions themselves.
        """
        spread = sum(abs(p.value) for p in self.paths)
        total = sum(p.value for p in self.paths) if len(self.paths) == self.paths_total else self.chain_gradient
        if spread == 0 or abs(total) < SHARE_FLOOR * spread:
            return None
        return [p.value / total for p in self.paths]

    @property
    def chain_error(self) -> float:
        return _rel(self.chain_gradient, self.backprop_gradient)

    @property
    def numeric_error(self) -> float:
        return _rel(self.numeric_gradient, self.backprop_gradient)


def _rel(a: float, b: float) -> float:
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


# -- the chain ------------------------------------------------------------------------
@dataclass
class InfluenceChain:
    """Structure of the chain of one parameter: nodes, links, sources, sinks, paths."""

    net: Network
    param: Node
    names: NodeNames | None = None  # the data's input and output names, for display
    graph: ExpandedGraph = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.graph = ExpandedGraph(self.net)

    @classmethod
    def of(cls, net: Network, param: str | tuple[int, int, int], names: NodeNames | None = None) -> InfluenceChain:
        """The chain of ``'W0[0,0]'`` or ``(layer, row, col)``; bad names list the valid ones."""
        layer, row, col = net.parse_param(param) if isinstance(param, str) else param
        net.param_index(layer, row, col)  # range check
        return cls(net, Node(PARAM, layer, row, col), names)

    def display(self, node: Node, fmt: str = "text") -> str:
        """A node's name in the article's notation, inputs and outputs by their data names."""
        return display_name(node, self.net, fmt, self.names)

    @property
    def name(self) -> str:
        return self.param.name

    # -- structure ---------------------------------------------------------------
    @cached_property
    def edges(self) -> tuple[Edge, ...]:
        """Every link on some path from the parameter to L (all of them lead to L)."""
        seen: set[Node] = set()
        order: list[Edge] = []
        frontier = [self.param]
        while frontier:
            nxt = []
            for node in frontier:
                for edge in self.graph.children(node):
                    order.append(edge)
                    if edge.target not in seen:
                        seen.add(edge.target)
                        nxt.append(edge.target)
            frontier = nxt
        return tuple(order)

    @cached_property
    def nodes(self) -> tuple[Node, ...]:
        # Breadth-first order is topological: every path from the parameter
        # to a given node has the same length in a layered network.  The one
        # exception is L, reached early through a penalty's short branch
        # w -> R -> L: it is put last, where it belongs.
        order = dict.fromkeys([self.param] + [e.target for e in self.edges])
        return tuple([n for n in order if n.kind != LOSS] + [n for n in order if n.kind == LOSS])

    @cached_property
    def children(self) -> dict[Node, tuple[Edge, ...]]:
        out: dict[Node, list[Edge]] = {n: [] for n in self.nodes}
        for edge in self.edges:
            out[edge.source].append(edge)
        return {n: tuple(e) for n, e in out.items()}

    @cached_property
    def in_degree(self) -> dict[Node, int]:
        out = {n: 0 for n in self.nodes}
        for edge in self.edges:
            out[edge.target] += 1
        return out

    @cached_property
    def sources(self) -> tuple[Node, ...]:
        """Nodes with more than one outgoing link on the chain: sums happen here."""
        return tuple(n for n in self.nodes if len(self.children[n]) > 1)

    @cached_property
    def sinks(self) -> tuple[Node, ...]:
        """Nodes with more than one incoming link on the chain."""
        return tuple(n for n in self.nodes if self.in_degree[n] > 1)

    @cached_property
    def paths_total(self) -> int:
        """Number of paths from the parameter to L, counted without listing them."""
        count: dict[Node, int] = {}
        for node in reversed(self.nodes):
            kids = self.children[node]
            count[node] = 1 if node.kind == LOSS else sum(count[e.target] for e in kids)
        return count[self.param]

    def iter_paths(self) -> Iterator[tuple[Edge, ...]]:
        """Paths as tuples of links, depth first (lazy: take only what you show)."""
        stack: list[tuple[Node, tuple[Edge, ...]]] = [(self.param, ())]
        while stack:
            node, path = stack.pop()
            if node.kind == LOSS:
                yield path
                continue
            for edge in reversed(self.children[node]):
                stack.append((edge.target, path + (edge,)))

    def paths(self, limit: int | None = PATH_CAP) -> list[tuple[Edge, ...]]:
        return list(islice(self.iter_paths(), limit))

    # -- the factored form -------------------------------------------------------------
    @cached_property
    def factored(self) -> FactoredForm:
        definitions: dict[Node, Product] = {}

        def expand(node: Node) -> Product:
            """dL/d node as a product, nearest-to-L terms first."""
            branches = [branch(edge) for edge in self.children[node]]
            if len(branches) == 1:
                return branches[0]
            return Product((Sum(node, tuple(branches)),))

        def branch(edge: Edge) -> Product:
            target = edge.target
            if target.kind == LOSS:
                return Product((Factor(edge),))
            if self.in_degree[target] > 1 and not self._feeds_loss_only(target):
                # a sink: name dL/dtarget, define it once (an output y_k, whose
                # one link goes to L, is short enough to write out each time)
                if target not in definitions:
                    definitions[target] = expand(target)
                return Product((Named(target), Factor(edge)))
            return Product(expand(target).terms + (Factor(edge),))

        expression = expand(self.param)
        ordered = tuple(sorted(definitions.items(), key=lambda kv: (-kv[0].layer, kv[0])))
        return FactoredForm(self.param, expression, ordered)

    def _feeds_loss_only(self, node: Node) -> bool:
        kids = self.children[node]
        return len(kids) == 1 and kids[0].target.kind == LOSS

    # -- numbers -------------------------------------------------------------------------
    def evaluate(
        self,
        weights: np.ndarray,
        data: Dataset,
        sample: int | None = None,
        path_limit: int | None = PATH_CAP,
        with_numeric: bool = True,
    ) -> ChainNumbers:
        """Evaluate every link, the factored form, the paths and the three gradients.

        With ``sample`` the numbers are those of that one sample; otherwise
        each path's value and the gradients are summed over the data set.
        A diverged run's numbers overflow: they come back as ∞ or NaN (which
        the views and the JSON explain), not as NumPy warnings on the console.
        """
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return self._evaluate(weights, data, sample, path_limit, with_numeric)

    def _evaluate(self, weights: np.ndarray, data: Dataset, sample: int | None, path_limit: int | None, with_numeric: bool) -> ChainNumbers:
        net = self.net
        if sample is not None and not 0 <= sample < data.n_samples:
            raise IndexError(f"sample {sample} is outside 0..{data.n_samples - 1}")
        rows = slice(None) if sample is None else slice(sample, sample + 1)
        # counted from the sizes, before any link is built or evaluated
        check_chain_budget(net.sizes, 1 if sample is not None else data.n_samples, self.param.layer, self.graph.coupled_outputs)
        inputs, targets = data.inputs[rows], data.targets[rows]
        mats = net.layers(np.asarray(weights, dtype=float))
        passes = forward(net, mats, augmented_inputs(inputs))
        targets_t = np.ascontiguousarray(targets.T)
        loss = net.loss_record
        # the chain's basic link y_k -> L (from the logits, where the loss needs them to stay finite)
        residual = loss.output_link(passes[-1].pre, passes[-1].post, targets_t, net.output_activation)
        d_pre = None
        if not net.is_plain_mse:  # backprop starts from the loss's own dL/dI^(L)
            d_pre = output_loss(net, passes[-1], targets_t)[1]
        pairs: dict[int, np.ndarray] = {}
        local = [self.graph.local_derivative(e, passes, residual, mats) for e in self.edges]
        if loss.link_products is not None:
            local, pairs = self._saturation_safe(local, passes[-1].pre, targets_t, loss.link_products)
        # The penalty belongs to no sample: each of the n samples carries dR/dw / n of it, so that
        # the samples' chain values add up to the gradient (local_derivative spreads it over the
        # samples it is given, which for one sample would be all of it).
        share = len(inputs) / data.n_samples
        if sample is not None and net.penalized:
            local = [v * share if e.kind == PENALTY else v for e, v in zip(self.edges, local, strict=True)]

        branches: dict[int, LinkValue] = {}
        per_sample = self._backward_values(local, pairs, branches)
        total = float(np.sum(per_sample[0]))
        grads = backward(net, mats, passes, residual, d_pre)
        layer, row, col = self.param.layer, self.param.index, self.param.col
        index = net.param_index(layer, row, col)
        backprop = float(grads[layer].grad[row, col])
        if net.penalized:
            backprop += share * float(net.penalty(np.asarray(weights, dtype=float))[1][index])
        numeric = float("nan")
        if with_numeric:
            subset = Dataset(inputs, targets, data.input_names, data.target_names, data.classes)
            # the differenced function is L_s + R / n: (n L_s + R) / n, the subset's JVal scaled by n
            scale = 1 / share if net.penalized else 1.0
            numeric = float(numeric_gradient(net, weights, subset, [index], scale=scale)[0]) / scale
        shares = self._per_output(local, pairs)  # the tangent of L itself may be 0·∞; it is never read
        per_output = {data.target_names[k] if k >= 0 else PENALTY_SHARE: value for k, value in shares.items()}
        by_edge = dict(zip(self.edges, local, strict=True))

        path_values = []
        pair_by_edge = {self.edges[e]: value for e, value in pairs.items()}
        for path in self.iter_paths() if path_limit is None else islice(self.iter_paths(), path_limit):
            product: np.ndarray | float = 1.0
            for edge in path:
                if edge in pair_by_edge:  # I_j -> y_k -> L as one finite product; y_k -> L comes next
                    product = product * pair_by_edge[edge]
                    break
                product = product * by_edge[edge]
            path_values.append(
                PathValue(
                    (self.param,) + tuple(e.target for e in path),
                    tuple(_shown(e, by_edge[e]) for e in path),
                    float(np.sum(product)) if np.ndim(product) else float(product) * len(inputs),
                )
            )
        return ChainNumbers(
            sample=sample,
            edge_values={e: _shown(e, v) for e, v in by_edge.items()},
            node_gradients={n: float(np.sum(v)) for n, v in zip(self.nodes, per_sample, strict=True)},
            paths=tuple(path_values),
            paths_total=self.paths_total,
            chain_gradient=total,
            backprop_gradient=backprop,
            numeric_gradient=numeric,
            per_output=per_output,
            branch_values={self.edges[e]: float(np.sum(v)) for e, v in branches.items()},
        )

    @cached_property
    def _topology(self) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
        """Per node, its outgoing (edge index, target index); and the loss links (edge, y index)."""
        index = {node: i for i, node in enumerate(self.nodes)}
        out: list[list[tuple[int, int]]] = [[] for _ in self.nodes]
        loss_links = []
        for e, edge in enumerate(self.edges):
            out[index[edge.source]].append((e, index[edge.target]))
            if edge.target.kind == LOSS:  # output k's link, or the penalty's (k = -1)
                loss_links.append((e, edge.source.index if edge.source.kind == Y else -1))
        return out, loss_links

    def _saturation_safe(
        self, local: list[LinkValue], logits: np.ndarray, targets_t: np.ndarray, link_products: Callable[..., np.ndarray]
    ) -> tuple[list[LinkValue], dict[int, np.ndarray]]:
        """The loss's last two links (cross-entropy's), made safe where an output has saturated.

        A sigmoid's ``y (1 - y)`` is taken from the logit (it rounds to 0 from
        |I| = 37 when taken from y).  And beside each link ``I_j -> y_k`` its
        product with the next, ``y_k -> L``, is returned: the sums and the
        paths use that product, which stays finite where the two factors are
        ∞ and 0 — so the chain agrees with backprop however saturated.
        """
        output = self.net.output_activation
        products = link_products(logits, targets_t, output)
        local = list(local)
        pairs: dict[int, np.ndarray] = {}
        for e, edge in enumerate(self.edges):
            if edge.kind != ACTIVATION or edge.target.kind != Y:
                continue
            j, k = edge.source.index, edge.target.index
            pairs[e] = products[j, k]
            if output == "sigmoid":
                local[e] = _logistic_slope(logits[j])
        return local, pairs

    def _backward_values(
        self, local: list[LinkValue], pairs: dict[int, np.ndarray] | None = None, branches: dict[int, LinkValue] | None = None
    ) -> list[LinkValue]:
        """dL/dnode per sample along the factored form: a sum at each source.

        Nodes are visited once, children first, so the cost is one
        multiply-add per link — never one per path.  ``pairs`` (see
        :meth:`_saturation_safe`) replaces the two last links' product;
        ``branches``, when given, receives each link's branch value.
        """
        outgoing, _ = self._topology
        pairs = pairs or {}
        value: list[LinkValue] = [0.0] * len(self.nodes)
        for i in reversed(range(len(self.nodes))):
            if self.nodes[i].kind == LOSS:
                value[i] = 1.0
                continue
            acc: LinkValue = 0.0
            for e, target in outgoing[i]:
                branch = pairs[e] if e in pairs else value[target] * local[e]
                if branches is not None:
                    branches[e] = branch
                acc = acc + branch
            value[i] = acc
        return value

    def _per_output(self, local: list[LinkValue], pairs: dict[int, np.ndarray] | None = None) -> dict[int, float]:
        """Each output's share of the gradient, by forward-mode propagation.

        ``t(v) = d v / d param`` flows from the parameter down the chain
        (independently of the backward sum); output k's share is
        ``sum_samples t(y_k) * dL/dy_k``.
        """
        outgoing, loss_links = self._topology
        tangent: list[LinkValue] = [0.0] * len(self.nodes)
        tangent[0] = 1.0
        for i in range(len(self.nodes)):
            for e, target in outgoing[i]:
                tangent[target] = tangent[target] + tangent[i] * local[e]
        shares: dict[int, float] = {}
        edge_source = {e: self.edges[e].source for e, _ in loss_links}
        index = {node: i for i, node in enumerate(self.nodes)}
        if pairs:  # output k's share through the finite products: sum_j t(I_j) * dL/dy_k * dy_k/dI_j
            for e, pair in pairs.items():
                edge = self.edges[e]
                k = edge.target.index
                shares[k] = shares.get(k, 0.0) + float(np.sum(tangent[index[edge.source]] * pair))
        for e, k in loss_links:
            if k not in shares:
                shares[k] = float(np.sum(tangent[index[edge_source[e]]] * local[e]))
        return dict(sorted(shares.items()))


def _logistic_slope(x: np.ndarray) -> np.ndarray:
    """σ'(x) = σ(x) σ(-x) = e^-|x| / (1 + e^-|x|)²: never 0 before |x| ≈ 745, never an overflow."""
    small = np.exp(-np.abs(x))
    slope: np.ndarray = small / (1.0 + small) ** 2
    return slope


def _mean(values: LinkValue) -> float:
    return float(np.mean(values)) if np.ndim(values) else float(values)


def _shown(edge: Edge, values: LinkValue) -> float:
    """A link's number as shown: the mean over samples; the penalty's link is
    spread over the samples (see ExpandedGraph.local_derivative), so its sum."""
    if edge.kind == PENALTY:
        return float(np.sum(values))
    return _mean(values)

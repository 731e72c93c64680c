"""The kinds of exercise: each builds one question from the run, with its answer, hints and solution.

Each kind reads the run through the studio's own machinery (the influence
chain, node values, the optimizer and its step record, the nudge), so the
question is about the numbers the window shows; it states the numbers it
gives, and offers hints (which basic links, which numbers) and a worked
solution.  Texts are in both languages side by side (``{"en": …, "zh_CN": …}``):
the CLI writes both without Qt, and the window picks the one it speaks.

Numbers in the texts have six significant digits while the answers keep full
precision; an instance whose answer that rounding could move by more than a
hundredth of the tolerance (a sum whose terms cancel, an answer of 0) is not
posed (:class:`NotPosed`), and another is drawn.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bpstudio.control.words.number_format import short_number
from bpstudio.engine.activations import get_activation
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import ACTIVATION, BIAS, LOSS_LINK, OUT, PARAMETER, PENALTY, PRE, Edge, Node, NodeNames, Y, display_name
from bpstudio.engine.landscape import whole_set_gradient
from bpstudio.engine.losses import softmax_cross_entropy
from bpstudio.engine.node_values import node_values
from bpstudio.engine.nudge import fair_delta
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.optimizers import make_optimizer
from bpstudio.engine.sample_contributions import per_sample_gradient
from bpstudio.engine.snapshot import Snapshot

Text = dict[str, str]  # {"en": ..., "zh_CN": ...}

KINDS = (
    "link",
    "path",
    "source",
    "sample-gradient",
    "sample-sum",
    "adam-step",
    "momentum-step",
    "gd-step",
    "nudge",
    "softmax-ce",
)
KIND_NAMES: dict[str, Text] = {
    "link": {"en": "A basic link's value", "zh_CN": "基础影响链路的值"},
    "path": {"en": "A path's product", "zh_CN": "一条路径的乘积"},
    "source": {"en": "A source's sum", "zh_CN": "源处的求和"},
    "sample-gradient": {"en": "∂L/∂w for one sample", "zh_CN": "单个样本的 ∂L/∂w"},
    "sample-sum": {"en": "The sum over samples", "zh_CN": "对样本求和"},
    "adam-step": {"en": "One Adam step", "zh_CN": "Adam 的一步"},
    "momentum-step": {"en": "One momentum step", "zh_CN": "动量法的一步"},
    "gd-step": {"en": "One gradient-descent step", "zh_CN": "梯度下降的一步"},
    "nudge": {"en": "The nudge's predicted ΔJ", "zh_CN": "微调的预测 ΔJ"},
    "softmax-ce": {"en": "Softmax and cross-entropy ∂L/∂I", "zh_CN": "softmax 与交叉熵的 ∂L/∂I"},
}
OPTIMIZER_NAMES: dict[str, Text] = {
    "adam": {"en": "Adam", "zh_CN": "Adam"},
    "momentum": {"en": "momentum", "zh_CN": "动量法"},
    "gd": {"en": "gradient descent", "zh_CN": "梯度下降"},
}
TOLERANCE = 0.005  # relative: 0.5 %
SUM_SAMPLES = 10  # the sum over samples is asked only of a data set this small
GIVEN_DIGITS = 6
CANCELLATION = 100.0  # sum of |terms| / |answer| beyond which an instance is not posed


class NotPosed(Exception):
    """This instance would not make a fair question (an answer of 0, a sum that cancels); draw another."""


def num(value: float) -> str:
    """A number as the texts write it: the views' short form (six significant digits), a true minus sign."""
    return short_number(value, GIVEN_DIGITS).replace("-", "−")


def _both(en: str, zh: str, **values: Any) -> Text:
    """Both languages of a template; a float is written by :func:`num`, a Text in its language."""

    def shown(lang: str) -> dict[str, str]:
        return {k: v[lang] if isinstance(v, dict) else num(v) if isinstance(v, float) else str(v) for k, v in values.items()}

    return {"en": en.format(**shown("en")), "zh_CN": zh.format(**shown("zh_CN"))}


# -- the situation an exercise is made from ---------------------------------------------------------
@dataclass
class Situation:
    """The run at one iteration: what every kind reads (never changes it)."""

    problem: Problem
    snapshot: Snapshot
    config: RunConfig

    def __post_init__(self) -> None:
        self.net = self.problem.network
        self.data = self.problem.dataset
        self.weights = np.asarray(self.snapshot.weights, dtype=float)
        self.names = NodeNames.of(self.data)
        self._chains: dict[int, InfluenceChain] = {}
        self._values: dict[int, dict[str, tuple[float, float]]] = {}

    @property
    def iteration(self) -> int:
        return self.snapshot.iteration

    def chain(self, index: int) -> InfluenceChain:
        if index not in self._chains:
            self._chains[index] = InfluenceChain.of(self.net, self.net.param_location(index), self.names)
        return self._chains[index]

    def values(self, sample: int) -> dict[str, tuple[float, float]]:
        """Each node's (value, ∂L/∂node) at ``sample``, by machine name."""
        if sample not in self._values:
            self._values[sample] = node_values(self.net, self.weights, self.data, sample)
        return self._values[sample]

    def show(self, node: Node) -> str:
        return display_name(node, self.net, "text", self.names)

    def input_name(self, node: Node) -> str:
        """A weight's input: ``O₃⁽⁰⁾ (b)`` for a data column, whose own name may read as a symbol (g, b)."""
        plain = display_name(node, self.net, "text")
        named = self.show(node)
        return plain if plain == named else f"{plain} ({named})"

    def link_name(self, edge: Edge) -> str:
        return f"∂{self.show(edge.target)}/∂{self.show(edge.source)}"

    def node_value(self, node: Node, sample: int) -> float:
        if node.kind == BIAS:
            return 1.0
        return self.values(sample)[node.name][0]

    def param_names(self, index: int) -> tuple[str, str]:
        """(``W0[1,2]``, ``w₂₃⁽⁰⁾``)."""
        layer, row, col = self.net.param_location(index)
        return self.net.param_name(index), self.show(Node("param", layer, row, col))


@dataclass(frozen=True)
class Draft:
    """An exercise before it has its number on the sheet."""

    kind: str
    question: Text  # the question alone; the prompt adds the numbers given and the tolerance
    given: tuple[tuple[str, float], ...]
    parameter: str | None
    sample: int | None
    answer: float
    hints: tuple[Text, ...]
    solution: tuple[Text, ...]
    # what the question is about, by machine names (a link's two nodes, a path's nodes, a source):
    # for the window and the tests, not part of the JSON
    subject: tuple[str, ...] = ()

    @property
    def prompt(self) -> Text:
        return prompt_text(self.question, self.given)


def _check(answer: float, terms: Sequence[float] = ()) -> float:
    answer = float(answer)
    if not math.isfinite(answer) or abs(answer) < 1e-12:
        raise NotPosed("an answer of 0 (or not finite) cannot be checked to a relative tolerance")
    spread = sum(abs(t) for t in terms)
    if spread > CANCELLATION * abs(answer):
        raise NotPosed("the terms cancel: rounded given numbers would move the answer")
    return answer


GIVEN_WORDS_ZH = (("target", "目标"), ("class", "类别"), (" (before)", "（更新前）"))


def given_name(name: str, lang: str) -> str:
    """A given number's name as a reader of ``lang`` sees it (the JSON keeps the English one)."""
    if lang == "zh_CN":
        for en, zh in GIVEN_WORDS_ZH:
            name = name.replace(en, zh)
    return name


def _given_text(given: Sequence[tuple[str, float]], lang: str) -> str:
    separator = "; " if lang == "en" else "；"
    return separator.join(f"{given_name(name, lang)} = {num(value)}" for name, value in given)


GIVEN: Text = {"en": "Given:", "zh_CN": "已知："}


def tolerance_text(tolerance: float) -> Text:
    percent = f"{tolerance * 100:g} %"
    return {"en": f"Answer within {percent}.", "zh_CN": f"答案误差在 {percent} 以内即算正确。"}


def prompt_text(question: Text, given: Sequence[tuple[str, float]]) -> Text:
    """The question, the numbers given and the tolerance, as one text (the JSON's ``prompt``)."""
    within = tolerance_text(TOLERANCE)
    return {
        "en": f"{question['en']} Given: {_given_text(given, 'en')}. {within['en']}",
        "zh_CN": f"{question['zh_CN']} 已知：{_given_text(given, 'zh_CN')}。{within['zh_CN']}",
    }


def _sample_words(sample: int) -> Text:
    return {"en": f"Sample {sample}", "zh_CN": f"样本 {sample}"}


# -- the kinds ----------------------------------------------------------------------------------------
def _pick_param(s: Situation, rng: random.Random, layers: Sequence[int] | None = None, bias: bool = True) -> int:
    net = s.net
    layers = list(range(net.n_layers)) if layers is None else list(layers)
    if not layers:
        raise NotPosed("no layer qualifies")
    layer = rng.choice(layers)
    rows, cols = net.shapes[layer]
    row = rng.randrange(rows if bias else rows - 1)
    return net.param_index(layer, row, rng.randrange(cols))


def _activation_words(name: str) -> Text:
    formula = get_activation(name).formula
    return _both(
        "the slope of {f}: f′(I) = {formula}, with O = f(I)", "{f} 的斜率：f′(I) = {formula}，其中 O = f(I)", f=name, formula=formula
    )


def kind_link(s: Situation, rng: random.Random, sample: int) -> Draft:
    """A basic link's local derivative at one sample, from the numbers it is made of."""
    index = _pick_param(s, rng, bias=False)
    chain = s.chain(index)
    numbers = chain.evaluate(s.weights, s.data, sample=sample, with_numeric=False)
    net = s.net
    candidates = []
    for edge in chain.edges:
        if edge.kind == ACTIVATION:
            name = net.activation(edge.source.layer - 1).name
            if name != "identity":
                candidates.append(edge)
        elif edge.kind == LOSS_LINK and edge.source.kind == Y:
            candidates.append(edge)
        elif edge.kind == PARAMETER and edge.target.layer >= 2:
            candidates.append(edge)
    if not candidates:
        raise NotPosed("no basic link here is more than a copied number")
    edge = rng.choice(candidates)
    answer = _check(numbers.edge_values[edge])
    link = s.link_name(edge)
    where = _sample_words(sample)
    subject = (edge.source.name, edge.target.name)
    if edge.kind == PARAMETER:
        layer, row = edge.source.layer, edge.source.index
        o_node = Node(OUT, layer, row)
        i_node = Node(PRE, layer, row)
        act = net.activation(layer - 1).name
        given: tuple[tuple[str, float], ...] = ((s.show(i_node), s.node_value(i_node, sample)),)
        question = _both(
            "{w}: what is the basic link {link} from the weight {p} to {i} (I = Σ Õ·w)?",
            "{w}：权重 {p} 到 {i} 的基础影响链路 {link}（I = Σ Õ·w）等于多少？",
            w=where,
            link=link,
            p=s.show(edge.source),
            i=s.show(edge.target),
        )
        hints = (
            _both(
                "I = Σᵢ Õᵢ·wᵢⱼ, so ∂I/∂w is the input the weight multiplies: {o} = {f}({i}).",
                "I = Σᵢ Õᵢ·wᵢⱼ，所以 ∂I/∂w 就是该权重所乘的输入：{o} = {f}({i})。",
                o=s.show(o_node),
                f=act,
                i=s.show(i_node),
            ),
        )
        solution = (
            _both("{link} = {o}", "{link} = {o}", link=link, o=s.show(o_node)),
            _both(
                "{o} = {f}({i}) = {f}({x}) = {v}",
                "{o} = {f}({i}) = {f}({x}) = {v}",
                o=s.show(o_node),
                f=act,
                i=s.show(i_node),
                x=given[0][1],
                v=answer,
            ),
        )
        return Draft("link", question, given, s.param_names(index)[0], sample, answer, hints, solution, subject)
    if edge.kind == ACTIVATION and edge.target.kind == Y and net.output_activation == "softmax":
        j, k = edge.source.index, edge.target.index
        yj, yk = Node(Y, 0, j), Node(Y, 0, k)
        given = tuple(dict.fromkeys([(s.show(yk), s.node_value(yk, sample)), (s.show(yj), s.node_value(yj, sample))]))
        question = _both(
            "{w}: the softmax outputs are given. What is the basic link {link}?",
            "{w}：已知 softmax 的输出。基础影响链路 {link} 等于多少？",
            w=where,
            link=link,
        )
        delta = 1.0 if j == k else 0.0
        hints = (
            _both(
                "Softmax's link: ∂y_k/∂I_j = y_k (δ_jk − y_j), δ_jk = 1 when j = k, else 0.",
                "softmax 的链路：∂y_k/∂I_j = y_k (δ_jk − y_j)，j = k 时 δ_jk = 1，否则为 0。",
            ),
        )
        solution = (
            _both("{link} = {yk} ({d} − {yj})", "{link} = {yk} ({d} − {yj})", link=link, yk=s.show(yk), yj=s.show(yj), d=f"{delta:g}"),
            _both(
                "= {a} × ({d} − {b}) = {v}",
                "= {a} × ({d} − {b}) = {v}",
                a=s.node_value(yk, sample),
                b=s.node_value(yj, sample),
                d=f"{delta:g}",
                v=answer,
            ),
        )
        return Draft("link", question, given, None, sample, answer, hints, solution, subject)
    if edge.kind == ACTIVATION:
        act = net.activation(edge.source.layer - 1).name
        given = ((s.show(edge.source), s.node_value(edge.source, sample)),)
        out = s.node_value(edge.target, sample)
        question = _both(
            "{w}: what is the basic link {link}, the {f} link of this unit?",
            "{w}：基础影响链路 {link}（该单元的 {f} 链路）等于多少？",
            w=where,
            link=link,
            f=act,
        )
        hints = (_activation_words(act),)
        solution = (
            _both("O = {f}(I) = {f}({i}) = {o}", "O = {f}(I) = {f}({i}) = {o}", f=act, i=given[0][1], o=out),
            _both("{link} = {formula} = {v}", "{link} = {formula} = {v}", link=link, formula=get_activation(act).formula, v=answer),
        )
        return Draft("link", question, given, None, sample, answer, hints, solution, subject)
    # the loss link y_k -> L
    k = edge.source.index
    y_node = Node(Y, 0, k)
    predicted = s.node_value(y_node, sample)
    target = float(s.data.targets[sample, k])
    if net.loss == "cross-entropy" and net.output_activation == "softmax" and target == 0:
        raise NotPosed("cross-entropy's link is 0 for a class the sample is not")
    given = ((f"ŷ ({s.show(y_node)})", predicted), (f"target {s.names.targets[k] if k < len(s.names.targets) else k}", target))
    question = _both(
        "{w}: what is the basic link {link} from the output to the loss?",
        "{w}：从输出到损失的基础影响链路 {link} 等于多少？",
        w=where,
        link=link,
    )
    if net.loss == "mse":
        rule = _both("L = ½ Σ (ŷ − y)², so ∂L/∂ŷ = ŷ − y.", "L = ½ Σ (ŷ − y)²，所以 ∂L/∂ŷ = ŷ − y。")
        last = _both("= {a} − {b} = {v}", "= {a} − {b} = {v}", a=predicted, b=target, v=answer)
    elif net.output_activation == "softmax":
        rule = _both("L = −Σ t log ŷ, so ∂L/∂ŷ_k = −t_k / ŷ_k.", "L = −Σ t log ŷ，所以 ∂L/∂ŷ_k = −t_k / ŷ_k。")
        last = _both("= −{b} / {a} = {v}", "= −{b} / {a} = {v}", a=predicted, b=target, v=answer)
    else:
        rule = _both(
            "L = −[t log ŷ + (1 − t) log(1 − ŷ)], so ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ).",
            "L = −[t log ŷ + (1 − t) log(1 − ŷ)]，所以 ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ)。",
        )
        last = _both("= −{b}/{a} + (1 − {b})/(1 − {a}) = {v}", "= −{b}/{a} + (1 − {b})/(1 − {a}) = {v}", a=predicted, b=target, v=answer)
    return Draft("link", question, given, None, sample, answer, (rule,), (rule, last), subject)


def kind_path(s: Situation, rng: random.Random, sample: int) -> Draft:
    """One path from a weight to L: the product of its basic links."""
    index = _pick_param(s, rng, bias=False)
    chain = s.chain(index)
    numbers = chain.evaluate(s.weights, s.data, sample=sample, path_limit=64, with_numeric=False)
    paths = [p for p in chain.paths(64) if all(e.kind != PENALTY for e in p)]
    if not paths:
        raise NotPosed("no path")
    path = rng.choice(paths)
    factors = [numbers.edge_values[e] for e in path]
    answer = _check(float(np.prod(factors)))
    given = tuple((s.link_name(e), float(v)) for e, v in zip(path, factors, strict=False))
    name, shown = s.param_names(index)
    nodes = [chain.param] + [e.target for e in path]
    route = " → ".join([shown] + [s.show(n) for n in nodes[1:]])
    question = _both(
        "{w}: the path {route} carries part of ∂L/∂{p}. What is its product?",
        "{w}：路径 {route} 承载 ∂L/∂{p} 的一部分。它的乘积是多少？",
        w=_sample_words(sample),
        route=route,
        p=shown,
    )
    hints = (
        _both(
            "A path's value is the product of its basic links, one per arrow: {n} factors.",
            "一条路径的值是它各基础影响链路之积，每个箭头一个：共 {n} 个因子。",
            n=str(len(path)),
        ),
    )
    running, steps = 1.0, []
    for label, value in given:
        running *= value
        steps.append(_both("× {l} = {v} → {r}", "× {l} = {v} → {r}", l=label, v=value, r=running))
    return Draft("path", question, given, name, sample, answer, hints, tuple(steps), tuple(n.name for n in nodes))


def kind_source(s: Situation, rng: random.Random, sample: int) -> Draft:
    """At a source the branches' derivatives are summed: ∂L/∂v = Σ ∂L/∂u · ∂u/∂v."""
    net = s.net
    layers = range(net.n_layers) if net.output_activation == "softmax" else range(net.n_layers - 1)
    index = _pick_param(s, rng, layers=layers, bias=False)
    chain = s.chain(index)
    sources = [n for n in chain.sources if n.kind != "param"]
    if not sources:
        raise NotPosed("this weight's chain has no source")
    source = rng.choice(sources)
    numbers = chain.evaluate(s.weights, s.data, sample=sample, with_numeric=False)
    branches = chain.children[source]
    given_list: list[tuple[str, float]] = []
    terms = []
    for edge in branches:
        upstream = numbers.node_gradients[edge.target]
        link = numbers.edge_values[edge]
        given_list += [(f"∂L/∂{s.show(edge.target)}", upstream), (s.link_name(edge), link)]
        terms.append(upstream * link)
    answer = _check(numbers.node_gradients[source], terms)
    given = tuple(given_list)
    v = s.show(source)
    question = _both(
        "{w}: {v} is a source of the chain of {p}, with {n} branches. What is ∂L/∂{v}?",
        "{w}：{v} 是 {p} 的链路中的一个源，有 {n} 个分支。∂L/∂{v} 等于多少？",
        w=_sample_words(sample),
        v=v,
        p=s.param_names(index)[1],
        n=str(len(branches)),
    )
    hints = (
        _both(
            "At a source the branches are summed: ∂L/∂{v} = Σ ∂L/∂u · ∂u/∂{v}, one term per outgoing link.",
            "在源处各分支相加：∂L/∂{v} = Σ ∂L/∂u · ∂u/∂{v}，每条出链一项。",
            v=v,
        ),
    )
    steps = [_both("{a} × {b} = {t}", "{a} × {b} = {t}", a=given[2 * i][1], b=given[2 * i + 1][1], t=term) for i, term in enumerate(terms)]
    steps.append(_both("∂L/∂{v} = sum = {t}", "∂L/∂{v} = 求和 = {t}", v=v, t=answer))
    return Draft("source", question, given, s.param_names(index)[0], sample, answer, hints, tuple(steps), (source.name,))


def _sample_term(s: Situation, index: int, sample: int) -> float:
    """∂L_s/∂w as the chain counts it: the sample's term and its share of a penalty."""
    term = float(per_sample_gradient(s.net, s.weights, s.data, index)[sample])
    if s.net.penalized:
        term += float(s.net.penalty(s.weights)[1][index]) / s.data.n_samples
    return term


def kind_sample_gradient(s: Situation, rng: random.Random, sample: int) -> Draft:
    """∂L/∂w for one sample, one layer of backprop: δ from the layer above, times the weight's input."""
    net = s.net
    index = _pick_param(s, rng)
    layer, row, col = net.param_location(index)
    last = layer == net.n_layers - 1
    if last and net.loss == "mse" and net.output_activation == "softmax":
        raise NotPosed("mse through softmax is left to the chain view")
    values = s.values(sample)
    source = Node(BIAS, layer) if net.is_bias(layer, row) else Node(OUT, layer, row)
    o_value = 1.0 if source.kind == BIAS else values[source.name][0]
    pre = Node(PRE, layer + 1, col)
    given_list: list[tuple[str, float]] = [(s.input_name(source), o_value)]
    steps: list[Text] = []
    hints: tuple[Text, ...]
    if last:
        y = Node(Y, 0, col)
        predicted, target = values[y.name][0], float(s.data.targets[sample, col])
        given_list += [(f"ŷ ({s.show(y)})", predicted), ("target", target)]
        out_act = net.output_activation
        if net.loss == "cross-entropy":
            delta_words = _both("cross-entropy: ∂L/∂I = ŷ − t", "交叉熵：∂L/∂I = ŷ − t")
        elif out_act == "identity":
            delta_words = _both("mse, linear output: ∂L/∂I = ŷ − y", "均方误差、线性输出：∂L/∂I = ŷ − y")
        else:
            given_list.append((s.show(pre), values[pre.name][0]))
            delta_words = _both("mse: ∂L/∂I = (ŷ − y)·f′(I), {f}", "均方误差：∂L/∂I = (ŷ − y)·f′(I)，{f}", f=_activation_words(out_act))
        hints = (
            _both(
                "∂L/∂w = Õ · ∂L/∂I: the weight's input times the derivative at the unit it feeds.",
                "∂L/∂w = Õ · ∂L/∂I：权重的输入乘以它所连单元处的导数。",
            ),
            delta_words,
        )
    else:
        after = Node(OUT, layer + 1, col)
        act = net.activation(layer).name
        given_list.append((s.show(pre), values[pre.name][0]))
        mats = net.layers(s.weights)
        upper = []
        for k in range(net.sizes[layer + 2]):
            up = Node(PRE, layer + 2, k)
            w = float(mats[layer + 1][col, k])
            given_list += [(s.show(Node("param", layer + 1, col, k)), w), (f"∂L/∂{s.show(up)}", values[up.name][1])]
            upper.append(w * values[up.name][1])
        d_out = sum(upper)
        steps.append(_both("∂L/∂{o} = Σₖ w·∂L/∂I = {v}", "∂L/∂{o} = Σₖ w·∂L/∂I = {v}", o=s.show(after), v=d_out))
        hints = (
            _both(
                "∂L/∂w = Õ · ∂L/∂I: the weight's input times the derivative at the unit it feeds.",
                "∂L/∂w = Õ · ∂L/∂I：权重的输入乘以它所连单元处的导数。",
            ),
            _both(
                "∂L/∂{i} = f′({i}) · Σₖ w·∂L/∂Iₖ (a source's sum above it); {f}.",
                "∂L/∂{i} = f′({i}) · Σₖ w·∂L/∂Iₖ（其上方源处的求和）；{f}。",
                i=s.show(pre),
                f=_activation_words(act),
            ),
        )
        if any(u != 0 for u in upper):
            _check(d_out, upper)
    d_pre = values[pre.name][1]
    if net.penalized and not net.is_bias(layer, row):
        share = float(net.penalty(s.weights)[1][index]) / s.data.n_samples
        given_list.append(("∂R/∂w / n", share))
        hints = hints + (
            _both("The penalty adds its share ∂R/∂w / n to each sample's term.", "惩罚项给每个样本的项加上它的份额 ∂R/∂w / n。"),
        )
    answer = _check(_sample_term(s, index, sample))
    name, shown = s.param_names(index)
    steps.append(_both("∂L/∂{i} = {d}", "∂L/∂{i} = {d}", i=s.show(pre), d=d_pre))
    if net.penalized and not net.is_bias(layer, row):
        steps.append(
            _both("∂L/∂{p} = {o} × {d} + ∂R/∂w / n = {v}", "∂L/∂{p} = {o} × {d} + ∂R/∂w / n = {v}", p=shown, o=o_value, d=d_pre, v=answer)
        )
    else:
        steps.append(_both("∂L/∂{p} = {o} × {d} = {v}", "∂L/∂{p} = {o} × {d} = {v}", p=shown, o=o_value, d=d_pre, v=answer))
    given = tuple(given_list)
    question = _both(
        "{w}: what is this sample's ∂L/∂{p}, one layer of backpropagation from the numbers given?",
        "{w}：由已知数反向传播一层，该样本的 ∂L/∂{p} 等于多少？",
        w=_sample_words(sample),
        p=shown,
    )
    return Draft("sample-gradient", question, given, name, sample, answer, hints, tuple(steps))


def kind_sample_sum(s: Situation, rng: random.Random, sample: int) -> Draft:
    """∂JVal/∂w = Σₛ ∂Lₛ/∂w: JVal is a sum over the samples, so is its gradient."""
    n = s.data.n_samples
    if n > SUM_SAMPLES:
        raise NotPosed(f"more than {SUM_SAMPLES} samples to add")
    index = _pick_param(s, rng)
    terms = [_sample_term(s, index, i) for i in range(n)]
    answer = _check(float(whole_set_gradient(s.net, s.data, s.weights)[index]), terms)
    name, shown = s.param_names(index)
    given = tuple((f"∂L{_sub(i)}/∂{shown}", t) for i, t in enumerate(terms))
    question = _both(
        "Each of the {n} samples' ∂Lₛ/∂{p} is given. What is ∂JVal/∂{p}, the gradient the optimizer uses?",
        "已知 {n} 个样本各自的 ∂Lₛ/∂{p}。优化器使用的梯度 ∂JVal/∂{p} 等于多少？",
        n=str(n),
        p=shown,
    )
    hints = (
        _both(
            "JVal = Σₛ Lₛ is a sum over the samples (not a mean), so its derivative is the sum of theirs.",
            "JVal = Σₛ Lₛ 是对样本求和（不是平均），所以它的导数是各样本导数之和。",
        ),
    )
    solution = (
        _both(
            "∂JVal/∂{p} = {terms} = {v}",
            "∂JVal/∂{p} = {terms} = {v}",
            p=shown,
            terms=" + ".join(num(t) for t in terms).replace("+ −", "− "),
            v=answer,
        ),
    )
    return Draft("sample-sum", question, given, name, None, answer, hints, solution)


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _step_numbers(s: Situation, optimizer: str, index: int) -> tuple[dict[str, float], bool]:
    """The step's parts for ``index``: the run's last step when its optimizer made it, else the next one.

    Returns (parts, recorded): ``recorded`` is True for the step that made the
    weights on screen; otherwise the step is the next one from here, with the
    run's moments if its optimizer is this one, or from fresh moments.
    """
    snapshot = s.snapshot
    if snapshot.optimizer == optimizer:
        step = optimizer_step(snapshot, index)
        if step is not None:
            return step, True
    hyper = {k: float(getattr(s.config, k)) for k in ("alpha", "beta1", "beta2", "epsilon")}
    opt = make_optimizer(optimizer, **hyper)
    opt.reset(s.net.n_params)
    t = 1
    if snapshot.optimizer == optimizer and snapshot.iteration > 0:
        opt.load_state(dict(snapshot.optimizer_state))
        t = snapshot.iteration + 1
    weights = np.array(s.weights, copy=True)
    opt.step(weights, np.asarray(snapshot.gradient, dtype=float), t)
    state = opt.state()
    out = {
        "t": float(t),
        "gradient": float(state["gradient"][index]),
        "step": float(state["step"][index]),
        "weight_before": float(weights[index]),
    }
    out["weight_after"] = out["weight_before"] + out["step"]
    for key, name in (
        ("m_prev", "m_prev"),
        ("v_prev", "v_prev"),
        ("m", "m"),
        ("v", "v"),
        ("m_hat", "m_hat"),
        ("v_hat", "v_hat"),
        ("velocity_prev", "u_prev"),
        ("velocity", "u"),
    ):
        if key in state:
            out[name] = float(state[key][index])
    return out, False


def _kind_step(optimizer: str) -> Callable[[Situation, random.Random, int], Draft]:
    def build(s: Situation, rng: random.Random, sample: int) -> Draft:
        index = _pick_param(s, rng)
        parts, recorded = _step_numbers(s, optimizer, index)
        answer = _check(parts["step"])
        name, shown = s.param_names(index)
        config = s.config
        t = int(parts["t"])
        g = parts["gradient"]
        given_list: list[tuple[str, float]] = [("g", g), ("α", config.alpha)]
        if optimizer == "adam":
            given_list.insert(0, ("t", float(t)))
        alpha_at = len(given_list) - 1
        steps: list[Text] = []
        if optimizer == "adam":
            b1, b2, eps = config.beta1, config.beta2, config.epsilon
            if recorded:
                b1, b2, eps = (float(s.snapshot.hyper.get(k, d)) for k, d in (("beta1", b1), ("beta2", b2), ("epsilon", eps)))
                given_list[alpha_at] = ("α", float(s.snapshot.hyper.get("alpha", config.alpha)))
            given_list += [("β₁", b1), ("β₂", b2), ("ε", eps), ("m (before)", parts["m_prev"]), ("v (before)", parts["v_prev"])]
            rule = _both(
                "m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), Δw = −α·m̂/(√v̂ + ε).",
                "m = β₁m + (1 − β₁)g，v = β₂v + (1 − β₂)g²，m̂ = m/(1 − β₁ᵗ)，v̂ = v/(1 − β₂ᵗ)，Δw = −α·m̂/(√v̂ + ε)。",
            )
            m = b1 * parts["m_prev"] + (1 - b1) * g
            v = b2 * parts["v_prev"] + (1 - b2) * g * g
            m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
            steps = [
                _both("m = {a}", "m = {a}", a=m),
                _both("v = {a}", "v = {a}", a=v),
                _both("m̂ = m / (1 − β₁^{t}) = {a}", "m̂ = m / (1 − β₁^{t}) = {a}", t=str(t), a=m_hat),
                _both("v̂ = v / (1 − β₂^{t}) = {a}", "v̂ = v / (1 − β₂^{t}) = {a}", t=str(t), a=v_hat),
            ]
        elif optimizer == "momentum":
            b1 = float(s.snapshot.hyper.get("beta1", config.beta1)) if recorded else config.beta1
            if recorded:
                given_list[alpha_at] = ("α", float(s.snapshot.hyper.get("alpha", config.alpha)))
            given_list += [("β", b1), ("u (before)", parts["u_prev"])]
            rule = _both("u = β·u + g, Δw = −α·u.", "u = β·u + g，Δw = −α·u。")
            steps = [_both("u = {a}", "u = {a}", a=b1 * parts["u_prev"] + g)]
        else:
            if recorded:
                given_list[alpha_at] = ("α", float(s.snapshot.hyper.get("alpha", config.alpha)))
            rule = _both("Δw = −α·g.", "Δw = −α·g。")
        given_list.append((shown, parts["weight_before"]))
        steps.append(_both("Δw = {a}", "Δw = {a}", a=answer))
        steps.append(_both("{p}: {b} → {c}", "{p}：{b} → {c}", p=shown, b=parts["weight_before"], c=parts["weight_before"] + answer))
        given = tuple(given_list)
        label = KIND_NAMES[f"{optimizer}-step"]
        if recorded:
            question = _both(
                "Iteration {k} was made by {o} (step t = {t}). What was the change Δw of {p} in that step?",
                "第 {k} 次迭代由{o}（第 t = {t} 步）得到。这一步中 {p} 的变化 Δw 是多少？",
                k=str(s.iteration),
                t=str(t),
                o=OPTIMIZER_NAMES[optimizer],
                p=shown,
            )
        else:
            question = _both(
                "{what} from iteration {k}: what is the change Δw of {p}?",
                "{what}：从第 {k} 次迭代出发。{p} 的变化 Δw 是多少？",
                what=label,
                k=str(s.iteration),
                t=str(t),
                p=shown,
            )
        hints = (
            rule,
            _both(
                "Only this weight's own numbers enter: every weight has its own moments.", "只用到这个权重自己的数：每个权重都有自己的矩。"
            ),
        )
        return Draft(f"{optimizer}-step", question, given, name, None, answer, hints, tuple(steps))

    return build


def kind_nudge(s: Situation, rng: random.Random, sample: int) -> Draft:
    """The tangent's prediction ΔJ ≈ g·Δw, with the Δw the inspector's nudge suggests."""
    index = _pick_param(s, rng)
    gradient = float(whole_set_gradient(s.net, s.data, s.weights)[index])
    delta = fair_delta(s.net, s.weights, s.data, index, gradient)
    answer = _check(gradient * delta)
    name, shown = s.param_names(index)
    given = ((f"∂JVal/∂{shown}", gradient), ("Δw", delta))
    question = _both(
        "Nudge {p} by Δw with the others held. What change of JVal does the tangent predict?",
        "把 {p} 微调 Δw，其余不动。切线预测 JVal 变化多少？",
        p=shown,
    )
    hints = (
        _both("To first order JVal changes by its slope times the step: ΔJ ≈ g·Δw.", "一阶近似下 JVal 的变化等于斜率乘以步长：ΔJ ≈ g·Δw。"),
    )
    solution = (
        _both("ΔJ ≈ {g} × {d} = {v}", "ΔJ ≈ {g} × {d} = {v}", g=gradient, d=delta, v=answer),
        _both("(the nudge then measures the actual change, which adds ½·J″·Δw²)", "（微调随后测得实际变化，多出 ½·J″·Δw² 一项）"),
    )
    return Draft("nudge", question, given, name, None, answer, hints, solution)


def kind_softmax_ce(s: Situation, rng: random.Random, sample: int) -> Draft:
    """∂L/∂I_j of softmax with cross-entropy: ŷ_j − t_j, the outputs' logits given."""
    net = s.net
    classes = net.sizes[-1]
    if classes < 2:
        raise NotPosed("softmax needs two outputs or more")
    values = s.values(sample)
    logits = np.array([values[f"I{net.n_layers}[{k}]"][0] for k in range(classes)])
    real = net.loss == "cross-entropy" and net.output_activation == "softmax"
    if real:
        target = int(np.argmax(s.data.targets[sample]))
        d_pre = np.array([values[f"I{net.n_layers}[{k}]"][1] for k in range(classes)])
    else:
        target = rng.randrange(classes)
        onehot = np.eye(classes)[:, target : target + 1]
        d_pre = softmax_cross_entropy(logits[:, None], onehot)[1][:, 0]
    j = rng.randrange(classes)
    answer = _check(float(d_pre[j]))
    pre_nodes = [Node(PRE, net.n_layers, k) for k in range(classes)]
    given = tuple((s.show(node), float(v)) for node, v in zip(pre_nodes, logits, strict=False)) + (("class", float(target + 1)),)
    i_j = s.show(pre_nodes[j])
    if real:
        question = _both(
            "{w} belongs to class {c}; the outputs are softmax(I) with cross-entropy. What is ∂L/∂{i}?",
            "{w} 属于第 {c} 类；输出为 softmax(I)，损失为交叉熵。∂L/∂{i} 等于多少？",
            w=_sample_words(sample),
            c=str(target + 1),
            i=i_j,
        )
    else:
        question = _both(
            "Suppose {w}'s output sums I fed a softmax with cross-entropy, and its class were {c}. What would ∂L/∂{i} be?",
            "假设{w}的输出和 I 经过 softmax 并用交叉熵，且它属于第 {c} 类。∂L/∂{i} 会是多少？",
            w={"en": f"sample {sample}", "zh_CN": f"样本 {sample} "},
            c=str(target + 1),
            i=i_j,
        )
    y = np.exp(logits - logits.max())
    total = float(y.sum())
    y = y / total
    hints = (
        _both(
            "The basic links ∂L/∂ŷ_k = −t_k/ŷ_k and ∂ŷ_k/∂I_j = ŷ_k(δ_jk − ŷ_j), summed over k at the source I_j, give ŷ_j − t_j.",
            "基础影响链路 ∂L/∂ŷ_k = −t_k/ŷ_k 与 ∂ŷ_k/∂I_j = ŷ_k(δ_jk − ŷ_j) 在源 I_j 处对 k 求和，得到 ŷ_j − t_j。",
        ),
        _both(
            "ŷ_j = e^{{I_j}} / Σₖ e^{{I_k}}; t_j is 1 for the sample's class, 0 otherwise.",
            "ŷ_j = e^{{I_j}} / Σₖ e^{{I_k}}；样本所属类的 t_j 为 1，其余为 0。",
        ),
    )
    solution = (
        _both("Σₖ e^(I_k − max I) = {z}", "Σₖ e^(I_k − max I) = {z}", z=total),
        _both("ŷ = ({y})", "ŷ = ({y})", y=", ".join(num(v) for v in y)),
        _both(
            "∂L/∂{i} = ŷ_{j} − t_{j} = {a} − {t} = {v}",
            "∂L/∂{i} = ŷ_{j} − t_{j} = {a} − {t} = {v}",
            i=i_j,
            j=str(j + 1),
            a=float(y[j]),
            t=f"{1.0 if j == target else 0.0:g}",
            v=answer,
        ),
    )
    return Draft("softmax-ce", question, given, None, sample, answer, hints, solution, (pre_nodes[j].name, str(target)))


BUILDERS: dict[str, Callable[[Situation, random.Random, int], Draft]] = {
    "link": kind_link,
    "path": kind_path,
    "source": kind_source,
    "sample-gradient": kind_sample_gradient,
    "sample-sum": kind_sample_sum,
    "adam-step": _kind_step("adam"),
    "momentum-step": _kind_step("momentum"),
    "gd-step": _kind_step("gd"),
    "nudge": kind_nudge,
    "softmax-ce": kind_softmax_ce,
}


def unavailable(situation: Situation, kind: str) -> str | None:
    """Why ``kind`` cannot be asked of this run (English), or None when it can."""
    net = situation.net
    if kind == "sample-sum" and situation.data.n_samples > SUM_SAMPLES:
        return f"sample-sum needs at most {SUM_SAMPLES} training samples; this run has {situation.data.n_samples}"
    branching = any(net.sizes[layer + 2] > 1 for layer in range(net.n_layers - 1))
    if kind == "source" and not branching and not (net.output_activation == "softmax" and net.sizes[-1] > 1):
        return "source needs a chain with a source: a hidden layer feeding two units or more"
    if kind == "softmax-ce" and net.sizes[-1] < 2:
        return "softmax-ce needs two outputs or more"
    return None

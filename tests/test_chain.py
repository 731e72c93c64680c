"""The loss-influence chain: the article's worked examples, and three gradients that agree."""

import json

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.engine import Dataset, Network
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.chain_render import render_html, render_latex, render_text
from bpstudio.engine.graph import ExpandedGraph, display_name


def links(chain):
    net = chain.net
    return [(display_name(e.source, net), display_name(e.target, net)) for e in chain.edges]


def test_article_example_w1_of_layer_0():
    """The article's w_1^(0) on its 2-2-2 net: eight links, source O_1^(1), sink L."""
    chain = InfluenceChain.of(Network((2, 2, 2)), "W0[0,0]")
    assert sorted(links(chain)) == sorted(
        [
            ("w₁₁⁽⁰⁾", "I₁⁽¹⁾"),
            ("I₁⁽¹⁾", "O₁⁽¹⁾"),
            ("O₁⁽¹⁾", "I₁⁽²⁾"),
            ("O₁⁽¹⁾", "I₂⁽²⁾"),
            ("I₁⁽²⁾", "y₁"),
            ("I₂⁽²⁾", "y₂"),
            ("y₁", "L"),
            ("y₂", "L"),
        ]
    )
    net = chain.net
    assert [display_name(n, net) for n in chain.sources] == ["O₁⁽¹⁾"]
    assert [display_name(n, net) for n in chain.sinks] == ["L"]
    assert chain.paths_total == 2
    # the article's formula: one bracket summed at the source, times the links below it
    text = render_text(chain).split("factored chain rule (sums at the sources):\n")[1].strip()
    assert text == (
        "∂L/∂w₁₁⁽⁰⁾ = (∂L/∂y₁ · ∂y₁/∂I₁⁽²⁾ · ∂I₁⁽²⁾/∂O₁⁽¹⁾ + ∂L/∂y₂ · ∂y₂/∂I₂⁽²⁾ · ∂I₂⁽²⁾/∂O₁⁽¹⁾) · ∂O₁⁽¹⁾/∂I₁⁽¹⁾ · ∂I₁⁽¹⁾/∂w₁₁⁽⁰⁾"
    )


def test_article_example_b2_of_layer_1():
    """b_2^(1): three links, no source, no sink."""
    chain = InfluenceChain.of(Network((2, 2, 2)), "W1[2,1]")
    assert links(chain) == [("b₂⁽¹⁾", "I₂⁽²⁾"), ("I₂⁽²⁾", "y₂"), ("y₂", "L")]
    assert chain.sources == () and chain.sinks == () and chain.paths_total == 1
    latex = render_latex(chain)
    assert r"\frac{\partial L}{\partial y_{2}} \cdot \frac{\partial y_{2}}{\partial I_{2}^{(2)}}" in latex


def random_case(sizes, activation="tanh", n=30, seed=0):
    rng = np.random.default_rng(seed)
    net = Network(sizes, activation)
    data = Dataset(
        rng.uniform(-1, 1, (n, sizes[0])),
        rng.uniform(-2, 2, (n, sizes[-1])),
        tuple(f"i{k}" for k in range(sizes[0])),
        tuple(f"t{k}" for k in range(sizes[-1])),
    )
    return net, data, rng.uniform(-1, 1, net.n_params)


@pytest.mark.parametrize(
    "sizes, activation",
    [
        ((3, 5, 3), "tanh"),
        ((2, 4, 3, 2), "sigmoid"),
        ((3, 4, 4, 4, 3), "tanh"),
        ((2, 3, 1), "relu"),
    ],
)
def test_three_gradients_agree_for_every_parameter(sizes, activation):
    net, data, w = random_case(sizes, activation)
    for index in range(net.n_params):
        chain = InfluenceChain.of(net, net.param_name(index))
        numbers = chain.evaluate(w, data)
        assert numbers.chain_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-12)
        assert numbers.numeric_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-6, abs=1e-7)
        assert sum(numbers.per_output.values()) == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-12)
        if numbers.paths_total == len(numbers.paths):
            assert sum(p.value for p in numbers.paths) == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-12)


def test_single_sample_numbers_multiply_out():
    net, data, w = random_case((3, 5, 3))
    chain = InfluenceChain.of(net, "W0[1,2]")
    numbers = chain.evaluate(w, data, sample=4)
    for path in numbers.paths:
        assert np.prod(path.factors) == pytest.approx(path.value, rel=1e-12)
    # the sum of per-sample gradients is the data-set gradient
    total = sum(chain.evaluate(w, data, sample=s, with_numeric=False).chain_gradient for s in range(30))
    assert total == pytest.approx(chain.evaluate(w, data).backprop_gradient, rel=1e-10)


def test_path_cap_counts_the_rest_without_listing():
    net = Network((3, 16, 16, 16, 3))
    chain = InfluenceChain.of(net, "W0[0,0]")
    assert chain.paths_total == 16 * 16 * 3
    assert len(chain.paths(limit=10)) == 10
    _, data, w = random_case((3, 16, 16, 16, 3), n=5)
    numbers = chain.evaluate(w, data, path_limit=20)
    assert len(numbers.paths) == 20 and numbers.paths_total == 768
    # the factored form stays small: named sub-expressions instead of repeated brackets
    assert len(render_text(chain)) < 60_000


def test_chain_is_a_subgraph_of_the_expanded_graph():
    net = Network((3, 4, 3))
    graph = ExpandedGraph(net)
    names = {(e.source.name, e.target.name) for e in graph.edges}
    for index in range(net.n_params):
        chain = InfluenceChain.of(net, net.param_name(index))
        for edge in chain.edges[1:]:
            assert (edge.source.name, edge.target.name) in names


def test_bias_naming_and_bad_names():
    net = Network((3, 5, 3))
    assert display_name(InfluenceChain.of(net, "W0[3,1]").param, net) == "b₂⁽⁰⁾"
    with pytest.raises(ValueError, match="valid names"):
        InfluenceChain.of(net, "W0[4,0]")


def test_html_has_rich_text():
    chain = InfluenceChain.of(Network((2, 2, 2)), "W0[0,0]")
    assert "<sub>1</sub>" in render_html(chain)


def test_cli_json(tmp_path):
    out = tmp_path / "c.json"
    result = run_bpstudio("chain", "--param", "W0[0,0]", "--iterations", "5", "--format", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["param"] == "W0[0,0]" and data["paths_total"] == 3
    assert data["sources"] == ["O1[0]"] and data["sinks"] == ["L"]
    assert data["edges"][0] == ["W0[0,0]", "I1[0]", "parameter"]
    assert set(data["per_output"]) == {"x", "y", "lv"}
    assert data["chain_gradient"] == pytest.approx(data["backprop_gradient"], rel=1e-9)
    assert data["numeric_gradient"] == pytest.approx(data["backprop_gradient"], rel=1e-6)
    assert sum(p["value"] for p in data["paths"]) == pytest.approx(data["backprop_gradient"], rel=1e-9)


def test_cli_text_latex_and_errors():
    text = run_bpstudio("chain", "--param", "W1[5,2]", "--sample", "0")
    assert text.returncode == 0 and "b₃⁽¹⁾" in text.stdout and "finite difference" in text.stdout
    latex = run_bpstudio("chain", "--param", "W0[0,0]", "--format", "latex")
    assert latex.returncode == 0 and "\\begin{align*}" in latex.stdout
    bad = run_bpstudio("chain", "--param", "W7[0,0]")
    assert bad.returncode == 2 and "W0[0..3,0..4]" in bad.stderr and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    bad_sample = run_bpstudio("chain", "--param", "W0[0,0]", "--sample", "5000")
    assert bad_sample.returncode == 2 and "--sample" in bad_sample.stderr


def test_numbers_never_read_minus_zero_and_latex_brackets_negatives():
    """The all-zero lesson multiplies zeros by negatives: the board says 0, not −0."""
    from bpstudio.control.export.typeset import number_text
    from bpstudio.control.words.number_format import fixed_number, short_number
    from bpstudio.engine.chain_render import _Style

    zero = -0.0 * 1.0
    assert number_text(zero) == "0" and short_number(zero) == "0" and fixed_number(zero) == "0.00000"
    assert _Style("text").number(zero) == "0" and _Style("latex").number(zero) == "0"
    assert number_text(-0.166) == "−0.166"
    assert _Style("latex").number(-7.2221e-05) == r"(-7.222\times 10^{-5})"
    assert _Style("latex").number(3.5e12) == r"3.5\times 10^{12}"
    assert _Style("text").number(-2.0) == "(−2)"

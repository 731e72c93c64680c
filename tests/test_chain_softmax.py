"""The influence chain beyond the article: softmax outputs make I^(L) sources (note 1),
and a penalty gives every non-bias weight a second branch w -> R -> L."""

import json

import numpy as np
import pytest
from conftest import run_bpstudio
from test_objectives import class_case

from bpstudio.engine import Network
from bpstudio.engine.chain import PENALTY_SHARE, InfluenceChain
from bpstudio.engine.chain_render import render_latex, render_text
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import ExpandedGraph
from bpstudio.engine.node_values import node_values
from bpstudio.engine.phases import iteration_phases

SHAPES = [
    ((2, 4, 2), "softmax", "cross-entropy", 0.0, 0.0),
    ((3, 5, 3), "softmax", "cross-entropy", 0.0, 0.0),
    ((2, 3, 4, 3), "softmax", "cross-entropy", 0.0, 0.0),
    ((2, 3, 3), "softmax", "cross-entropy", 0.1, 0.3),
    ((2, 4, 1), "sigmoid", "cross-entropy", 0.0, 0.2),
    ((2, 3, 3), "softmax", "mse", 0.0, 0.0),
    ((3, 4, 3), "identity", "mse", 0.2, 0.1),
]


@pytest.mark.parametrize("sizes, output, loss, l1, l2", SHAPES)
def test_chain_equals_backprop_for_every_parameter(sizes, output, loss, l1, l2):
    net, data, w = class_case(sizes, output, loss, l1, l2, n=25)
    for index in range(net.n_params):
        chain = InfluenceChain.of(net, net.param_name(index))
        numbers = chain.evaluate(w, data)
        assert abs(numbers.chain_gradient - numbers.backprop_gradient) <= 1e-9 * max(1.0, abs(numbers.backprop_gradient))
        assert numbers.numeric_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-6, abs=1e-7)
        assert sum(numbers.per_output.values()) == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-12)
        if numbers.paths_total == len(numbers.paths):
            assert sum(p.value for p in numbers.paths) == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-12)
        one = chain.evaluate(w, data, sample=7)
        assert abs(one.chain_gradient - one.backprop_gradient) <= 1e-9 * max(1.0, abs(one.backprop_gradient))
        assert one.numeric_gradient == pytest.approx(one.backprop_gradient, rel=1e-6, abs=1e-7)


@pytest.mark.parametrize("sizes", [(2, 4, 2), (3, 5, 3), (2, 3, 4, 3)])
def test_softmax_makes_the_output_inputs_sources(sizes):
    net = Network(sizes, "tanh", "softmax", "cross-entropy")
    last = net.n_layers
    outputs = {f"I{last}[{k}]" for k in range(sizes[-1])}
    early = InfluenceChain.of(net, "W0[0,0]")
    assert outputs <= {n.name for n in early.sources}
    late = InfluenceChain.of(net, f"W{last - 1}[0,1]")
    assert {n.name for n in late.sources} == {f"I{last}[1]"}
    assert {e.target.name for e in late.edges if e.source.name == f"I{last}[1]"} == {f"y[{k}]" for k in range(sizes[-1])}
    # without softmax the same weight's chain has no source at all (the article's case)
    plain = InfluenceChain.of(Network(sizes), f"W{last - 1}[0,1]")
    assert plain.sources == ()
    # the diagram's graph draws every I_j^(L) -> y_k link
    names = {(e.source.name, e.target.name) for e in ExpandedGraph(net).edges}
    assert all((f"I{last}[{j}]", f"y[{k}]") in names for j in range(sizes[-1]) for k in range(sizes[-1]))


def test_penalty_branch_is_in_the_chain():
    net = Network((2, 3, 2), "tanh", "softmax", "cross-entropy", 0.0, 0.5)
    chain = InfluenceChain.of(net, "W1[0,1]")
    links = {(e.source.name, e.target.name, e.kind) for e in chain.edges}
    assert ("W1[0,1]", "R", "penalty") in links and ("R", "L", "loss") in links
    assert chain.param in chain.sources  # two branches leave the weight: to I and to R
    assert chain.nodes[-1].name == "L"
    bias = InfluenceChain.of(net, "W1[3,1]")
    assert "R" not in {n.name for n in bias.nodes}
    net2, data, w = class_case((2, 3, 2), "softmax", "cross-entropy", 0.0, 0.5)
    numbers = InfluenceChain.of(net2, "W1[0,1]").evaluate(w, data)
    assert numbers.per_output[PENALTY_SHARE] == pytest.approx(0.5 * w[net2.param_index(1, 0, 1)], rel=1e-12)
    text = render_text(InfluenceChain.of(net2, "W1[0,1]"), numbers)
    assert "penalty" in text and "R → L" in text
    assert r"\partial R" in render_latex(InfluenceChain.of(net2, "W1[0,1]"))


def test_phases_and_node_values_follow_the_loss():
    config = RunConfig(dataset="gauss", classes=3, samples=30, loss="cross-entropy", l2=0.05, max_iter=5)
    stepped, fast = config.trainer(), config.trainer()
    for phase in iteration_phases(stepped, sample=2):
        if phase.kind == "loss":
            assert phase.jval == pytest.approx(fast.jval, rel=1e-14)
    fast.step()
    np.testing.assert_array_equal(stepped.weights, fast.weights)
    assert stepped.jval == fast.jval
    values = node_values(fast.network, fast.weights, fast.dataset, 4)
    y = [values[f"y[{k}]"][0] for k in range(3)]
    t = fast.dataset.targets[4]
    assert sum(y) == pytest.approx(1.0, rel=1e-12)
    assert values["L"][0] == pytest.approx(-np.log(y[int(np.argmax(t))]), rel=1e-12)
    for k in range(3):  # dL/dI_k = y_k - t_k for softmax with cross-entropy
        assert values[f"I2[{k}]"][1] == pytest.approx(y[k] - t[k], rel=1e-9, abs=1e-12)


def test_chain_command_takes_the_classification_options(tmp_path):
    out = tmp_path / "chain.json"
    result = run_bpstudio(
        "chain",
        "--param",
        "W0[0,0]",
        "--dataset",
        "xor",
        "--samples",
        "40",
        "--loss",
        "cross-entropy",
        "--l2",
        "0.1",
        "--features",
        "x1,x2,x1x2",
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert {"I2[0]", "I2[1]", "W0[0,0]"} <= set(data["sources"])
    assert ["W0[0,0]", "R", "penalty"] in data["edges"]
    assert abs(data["chain_gradient"] - data["backprop_gradient"]) <= 1e-9 * abs(data["backprop_gradient"])
    assert data["numeric_gradient"] == pytest.approx(data["backprop_gradient"], rel=1e-6)


def test_class_outputs_are_named_y_with_the_class_and_their_links_mark_the_prediction():
    """A class label is no name for a node (∂0/∂I = 0(1 − 0)); ŷ is the prediction, y the target, everywhere."""
    from bpstudio.control import TrainingSession
    from bpstudio.control.model.studio_model import StudioModel
    from bpstudio.engine.config import RunConfig

    session = TrainingSession(RunConfig(dataset="xor", hidden=(2,), loss="cross-entropy", samples=40))
    model = StudioModel()
    model.apply_update(session.update(False))
    formulas = [link.formula for link in model.chain_view.links]
    assert r"\hat{y_{0}}\left(1 - \hat{y_{0}}\right)" in formulas  # softmax: ∂ŷ₀/∂I₁ = ŷ₀(1 − ŷ₀)
    assert r"-\frac{y_{0}}{\hat{y_{0}}}" in formulas  # cross-entropy: ∂L/∂ŷ₀ = −y₀/ŷ₀
    assert not any(f.startswith("0") for f in formulas)

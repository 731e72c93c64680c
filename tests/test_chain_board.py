"""The factored tree and the blackboard against backprop; the share rule; the basic links."""

import json

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.engine.chain import ChainNumbers, InfluenceChain, PathValue
from bpstudio.engine.chain_board import basic_links, board, evaluate_tree, factored_tree
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import NodeNames
from bpstudio.engine.losses import half_squared_error
from bpstudio.engine.propagation import augmented_inputs, backward, forward

NETS = [
    ("article", RunConfig(samples=50), ["W0[0,0]", "W1[5,2]", "W0[3,4]"]),
    ("3-6-4-3 sigmoid", RunConfig(samples=40, hidden=(6, 4), activation="sigmoid"), ["W0[0,0]", "W0[3,5]", "W1[2,3]", "W2[4,1]"]),
]


def per_sample_backprop(trainer, sample, layer, row, col):
    """Backprop on the one sample alone: an implementation independent of the chain."""
    net, data = trainer.network, trainer.dataset
    mats = net.layers(trainer.weights)
    x = data.inputs[sample : sample + 1]
    passes = forward(net, mats, augmented_inputs(x))
    _, residual = half_squared_error(passes[-1].post, np.ascontiguousarray(data.targets[sample : sample + 1].T))
    return float(backward(net, mats, passes, residual)[layer].grad[row, col])


@pytest.mark.parametrize("label,config,params", NETS)
def test_tree_evaluates_to_the_per_sample_gradient(label, config, params):
    trainer = config.trainer()
    for _ in range(3):
        trainer.step()
    names = NodeNames.of(trainer.dataset)
    for param in params:
        chain = InfluenceChain.of(trainer.network, param, names)
        for sample in (0, 7):
            numbers = chain.evaluate(trainer.weights, trainer.dataset, sample=sample, path_limit=0, with_numeric=False)
            tree = factored_tree(chain, numbers)
            expected = per_sample_backprop(trainer, sample, *trainer.network.parse_param(param))
            assert evaluate_tree(tree) == pytest.approx(expected, rel=1e-12, abs=1e-300)
            for definition in tree["definitions"]:  # a ∂L/∂v named below a sink evaluates too
                assert np.isfinite(evaluate_tree(definition["tree"]))


def test_tree_without_a_sample_has_structure_but_no_values():
    trainer = RunConfig(samples=20).trainer()
    chain = InfluenceChain.of(trainer.network, "W0[0,0]")
    tree = factored_tree(chain, chain.evaluate(trainer.weights, trainer.dataset, path_limit=0))

    def leaves(node):
        return [node] if node["op"] == "factor" else [x for t in node["terms"] for x in leaves(t)]

    assert tree["op"] == "product" and tree["terms"][0]["op"] == "sum"  # the source O1 sums 3 branches
    assert len(tree["terms"][0]["terms"]) == 3
    assert all("value" not in leaf for leaf in leaves(tree))
    assert leaves(tree)[-1]["latex"] == r"\frac{\partial I_{1}^{(1)}}{\partial w_{11}^{(0)}}"


def test_tree_for_a_bias():
    trainer = RunConfig(samples=20, hidden=(4,)).trainer()
    chain = InfluenceChain.of(trainer.network, "W0[3,1]", NodeNames.of(trainer.dataset))  # b_2^(0)
    numbers = chain.evaluate(trainer.weights, trainer.dataset, sample=2, path_limit=0, with_numeric=False)
    tree = factored_tree(chain, numbers)
    assert tree["lhs"] == r"\frac{\partial L}{\partial b_{2}^{(0)}}"
    assert evaluate_tree(tree) == pytest.approx(per_sample_backprop(trainer, 2, 0, 3, 1), rel=1e-12)
    first = basic_links(chain, numbers)[0]
    assert first.formula == "1" and first.value == 1.0  # ∂I/∂b = the constant input 1


def test_board_breaks_at_the_sums_and_rows_multiply_out():
    trainer = RunConfig(samples=30).trainer()
    chain = InfluenceChain.of(trainer.network, "W0[0,0]", NodeNames.of(trainer.dataset))
    numbers = chain.evaluate(trainer.weights, trainer.dataset, sample=0, path_limit=0, with_numeric=False)
    blocks = board(chain, numbers)
    assert [b.role for b in blocks] == ["param", "source"]
    assert [len(b.rows) for b in blocks] == [1, 3]  # the source's three branches, one line each
    assert [r.sign for r in blocks[1].rows] == ["", "+", "+"]
    assert blocks[1].rows[2].cells[0].latex == r"\frac{\partial L}{\partial \mathit{lv}}"  # data names
    for block in blocks:
        assert sum(r.value for r in block.rows) == pytest.approx(block.value, rel=1e-12)
        for row in block.rows:
            assert np.prod([c.value for c in row.cells]) == pytest.approx(row.value, rel=1e-12)
    assert blocks[0].value == pytest.approx(numbers.backprop_gradient, rel=1e-12)


def test_basic_links_have_the_articles_formulas():
    trainer = RunConfig(samples=30).trainer()
    data = trainer.dataset
    chain = InfluenceChain.of(trainer.network, "W0[0,0]", NodeNames.of(data))
    numbers = chain.evaluate(trainer.weights, data, sample=4, path_limit=0, with_numeric=False)
    by_formula = {link.latex: link for link in basic_links(chain, numbers)}
    w_link = by_formula[r"\frac{\partial I_{1}^{(1)}}{\partial w_{11}^{(0)}}"]
    assert w_link.formula == "r" and w_link.value == data.inputs[4, 0]
    tanh_link = by_formula[r"\frac{\partial O_{1}^{(1)}}{\partial I_{1}^{(1)}}"]
    o = np.tanh(trainer.network.layers(trainer.weights)[0][:, 0] @ np.append(data.inputs[4], 1.0))
    assert tanh_link.formula == r"1 - \left(O_{1}^{(1)}\right)^2" and tanh_link.value == pytest.approx(1 - o**2)
    loss = by_formula[r"\frac{\partial L}{\partial x}"]
    assert loss.formula == r"\hat{x} - x"


def _numbers(values, total):
    paths = tuple(PathValue((), (), v) for v in values)
    return ChainNumbers(None, {}, {}, paths, len(paths), total, total, total, {})


def test_shares_only_when_the_total_is_not_small():
    assert _numbers([3.0, 1.0], 4.0).path_shares() == [0.75, 0.25]
    # near convergence the paths cancel: 17 260 % shares would say nothing
    assert _numbers([100.0, -99.5], 0.5).path_shares() is None
    assert _numbers([0.0, 0.0], 0.0).path_shares() is None


def test_cli_json_has_the_factored_tree_and_svg_png_are_written(tmp_path):
    done = run_bpstudio("chain", "--param", "W0[0,0]", "--sample", "3", "--samples", "40", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert evaluate_tree(data["factored"]) == pytest.approx(data["backprop_gradient"], rel=1e-12)
    for fmt in ("svg", "png"):
        out = tmp_path / f"chain.{fmt}"
        done = run_bpstudio("chain", "--param", "W0[0,0]", "--samples", "40", "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        head = out.read_bytes()[:200]
        assert (b"<svg" in head) if fmt == "svg" else head.startswith(b"\x89PNG")
    assert run_bpstudio("chain", "--param", "W0[0,0]", "--format", "svg").returncode == 2  # needs --out


def test_text_format_uses_the_one_notation():
    done = run_bpstudio("chain", "--param", "W0[0,0]", "--samples", "30", "--sample", "0")
    assert done.returncode == 0
    assert "w₁₁⁽⁰⁾" in done.stdout and "∂L/∂x" in done.stdout and "∂L/∂lv" in done.stdout
    assert "_11^(" not in done.stdout and "y_1" not in done.stdout


def test_basic_links_of_softmax_cross_entropy_and_a_penalty():
    config = RunConfig(dataset="gauss", classes=3, samples=30, loss="cross-entropy", l2=0.05)
    trainer = config.trainer()
    chain = InfluenceChain.of(trainer.network, "W1[0,1]", NodeNames.of(trainer.dataset))
    numbers = chain.evaluate(trainer.weights, trainer.dataset, sample=2, path_limit=0, with_numeric=False)
    links = basic_links(chain, numbers)
    kinds = {link.edge.kind for link in links}
    assert {"penalty", "loss", "activation"} <= kinds
    assert all(link.formula for link in links)  # every link has its rule written out
    loss_links = [link for link in links if link.edge.kind == "loss" and link.edge.source.kind == "y"]
    assert all(link.formula.startswith(r"-\frac") for link in loss_links)  # ∂L/∂ŷ = −y/ŷ
    softmax = [link for link in links if link.edge.kind == "activation" and link.edge.target.kind == "y"]
    assert len(softmax) == 3 and sum(link.formula.startswith("-") for link in softmax) == 2  # coupled outputs
    tree = factored_tree(chain, numbers)
    assert evaluate_tree(tree) == pytest.approx(numbers.backprop_gradient, rel=1e-9)


def test_the_parameters_row_multiplies_step_by_step_to_its_value():
    """The running product a student writes by hand ends on the row's value (issue 18's partial results)."""
    from bpstudio.control import TrainingSession
    from bpstudio.control.model.studio_model import StudioModel
    from bpstudio.engine.config import RunConfig

    session = TrainingSession(RunConfig(samples=30))
    model = StudioModel()
    model.apply_update(session.update(False))
    row = model.chain_view.blocks[0].rows[0]
    values = [cell.value for cell in row.cells]
    assert len(row.running) == len(values) == 3
    assert row.running[0] == values[0] and row.running[1] == values[0] * values[1]
    assert row.running[-1] == pytest.approx(row.value, rel=1e-12)
